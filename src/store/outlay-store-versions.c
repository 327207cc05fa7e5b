/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-store"

/* Versions: named, frozen copies of a budget's sections and lines
 * ("Bid", "Awarded", "Wrap") in versions, version_sections and
 * version_lines.  A version line keeps the id of the line it copied, so
 * a comparison can follow a line whose code or section changed. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-document-sink.h"
#include "outlay-error.h"
#include "outlay-line-private.h"
#include "outlay-section-private.h"
#include "outlay-store-private.h"
#include "outlay-store-versions.h"

#define VERSION_COLUMNS \
  "id, budget_id, name, note, created, locked, total_estimate, total_actual"

/* Reads VERSION_COLUMNS. */
static OutlayVersion *
read_version (sqlite3_stmt *stmt)
{
  return g_object_new (OUTLAY_TYPE_VERSION,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "budget-id", sqlite3_column_int64 (stmt, 1),
                       "name", (const char *) sqlite3_column_text (stmt, 2),
                       "note", (const char *) sqlite3_column_text (stmt, 3),
                       "created", sqlite3_column_int64 (stmt, 4),
                       "locked", sqlite3_column_int (stmt, 5) != 0,
                       "total-estimate", sqlite3_column_int64 (stmt, 6),
                       "total-actual", sqlite3_column_int64 (stmt, 7),
                       NULL);
}

static gboolean
run (OutlayStore *self, sqlite3_stmt *stmt, GError **error)
{
  return stmt != NULL && outlay_store_step_done (self, stmt, error);
}

/* ---- saving ---- */

/* The budget's name in the database, or NULL (with @error) if it is gone. */
static char *
budget_name (OutlayStore *self, gint64 budget_id, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (self,
    "SELECT name FROM budgets WHERE id = ?", error);
  char *name = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return name;
  if (rc == SQLITE_DONE)
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                 _("This budget is no longer in the database “%s”; it may have been deleted "
                   "elsewhere. Nothing was saved."), outlay_store_get_path (self));
  else
    outlay_store_fail (self, error);
  return NULL;
}

static gboolean
check_name_free (OutlayStore *self, gint64 budget_id, const char *name, GError **error)
{
  g_autofree char *budget = budget_name (self, budget_id, error);
  sqlite3_stmt *stmt;
  int rc;

  if (budget == NULL)
    return FALSE;
  stmt = outlay_store_statement (self,
    "SELECT name FROM versions WHERE budget_id = ? AND name = ? COLLATE NOCASE", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                 _("“%s” already has a version named “%s”. Choose another name."), budget,
                 (const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    outlay_store_fail (self, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
insert_line (OutlayStore *self, gint64 version_id, gint64 section_id, guint position,
             OutlayLine *line, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "INSERT INTO version_lines (version_id, version_section_id, line_id, "
      "position, " OUTLAY_STORE_LINE_VALUES
      ", import_id, task_actual) VALUES (?, ?, ?, ?, " OUTLAY_STORE_LINE_PARAMS ", ?, ?)",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version_id);
  sqlite3_bind_int64 (stmt, 2, section_id);
  if (outlay_line_get_id (line) > 0)
    sqlite3_bind_int64 (stmt, 3, outlay_line_get_id (line));
  sqlite3_bind_int64 (stmt, 4, position);
  outlay_store_bind_line_values (stmt, 5, line);
  if (outlay_line_get_import_id (line) > 0)
    sqlite3_bind_int64 (stmt, 5 + OUTLAY_STORE_N_LINE_VALUES, outlay_line_get_import_id (line));
  sqlite3_bind_int64 (stmt, 6 + OUTLAY_STORE_N_LINE_VALUES, outlay_line_get_task_actual (line));
  return run (self, stmt, error);
}

static gboolean
insert_section (OutlayStore *self, gint64 version_id, guint position, OutlaySection *section,
                GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (self,
    "INSERT INTO version_sections (version_id, position, code, name, fringe, import_id)"
    " VALUES (?, ?, ?, ?, ?, (SELECT import_id FROM sections WHERE id = ?))", error);
  gint64 id;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version_id);
  sqlite3_bind_int64 (stmt, 2, position);
  sqlite3_bind_text (stmt, 3, outlay_section_get_code (section), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, outlay_section_get_name (section), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, outlay_section_get_fringe (section));
  sqlite3_bind_int64 (stmt, 6, outlay_section_get_id (section));
  if (!run (self, stmt, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (outlay_store_get_db (self));
  for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
    if (!insert_line (self, version_id, id, l, outlay_section_get_line (section, l), error))
      return FALSE;
  return TRUE;
}

static gboolean
audit_version (OutlayStore *self, gint64 version_id, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (self,
    "INSERT INTO audit (at, actor, budget_id, entity, entity_id, action, new_value)"
    " SELECT ?1, ?2, budget_id, 'version', id, 'create',"
    " json_object('name', name, 'note', note, 'total_estimate', total_estimate,"
    " 'total_actual', total_actual,"
    " 'sections', (SELECT count(*) FROM version_sections WHERE version_id = versions.id),"
    " 'lines', (SELECT count(*) FROM version_lines WHERE version_id = versions.id))"
    " FROM versions WHERE id = ?3", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_text (stmt, 2, g_get_user_name (), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, version_id);
  return run (self, stmt, error);
}

/* Writes the version row, its sections and lines and the audit row;
 * returns the version's id, or 0. */
gint64
outlay_store_write_version (OutlayStore *self, OutlayDocument *doc, const char *name,
                            const char *note, gint64 created, GError **error)
{
  gint64 budget_id = outlay_budget_get_id (outlay_document_get_budget (doc));
  const OutlayTotals *totals = outlay_document_get_totals (doc);
  sqlite3_stmt *stmt;
  gint64 id;

  if (!check_name_free (self, budget_id, name, error))
    return 0;
  stmt = outlay_store_statement (self,
    "INSERT INTO versions (budget_id, name, note, created, locked, total_estimate, total_actual)"
    " VALUES (?, ?, ?, ?, 1, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  outlay_store_bind_text (stmt, 3, note);
  sqlite3_bind_int64 (stmt, 4, created);
  sqlite3_bind_int64 (stmt, 5, totals->estimate);
  sqlite3_bind_int64 (stmt, 6, totals->actual);
  if (!run (self, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (outlay_store_get_db (self));
  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    if (!insert_section (self, id, s, outlay_document_get_section (doc, s), error))
      return 0;
  return audit_version (self, id, error) ? id : 0;
}

static gboolean
check_text (const char *text, const char *message, GError **error)
{
  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return TRUE;
  g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT, message);
  return FALSE;
}

/**
 * outlay_store_save_version:
 * @self: a store
 * @document: a budget of @self, as it is now
 * @name: the version's name ("Bid"); unique within the budget, without case
 * @note: (nullable): a note to go with it
 * @error: why it failed, e.g. the name is taken
 *
 * Saves a frozen copy of @document's sections and lines, with its totals
 * and an audit row, in one transaction.
 *
 * Returns: (transfer full) (nullable): the saved version
 */
OutlayVersion *
outlay_store_save_version (OutlayStore     *self,
                           OutlayDocument  *document,
                           const char      *name,
                           const char      *note,
                           GError         **error)
{
  g_autofree char *stripped = NULL;
  gint64 created = g_get_real_time () / G_USEC_PER_SEC;
  gint64 id;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), NULL);
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (document), NULL);

  if (!check_text (name, _("The version's name is not valid UTF-8 text"), error)
      || !check_text (note, _("The version's note is not valid UTF-8 text"), error))
    return NULL;
  stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("A version needs a name, such as “Bid” or “Awarded”"));
      return NULL;
    }
  if (outlay_document_get_frozen_name (document) != NULL)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("“%s” is already a saved version. Restore it first to save it again "
                     "under another name."), outlay_document_get_frozen_name (document));
      return NULL;
    }
  if (outlay_budget_get_id (outlay_document_get_budget (document)) == 0)
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("This budget is not in the database yet, so it has no versions"));
      return NULL;
    }
  if (!outlay_store_exec (self, "BEGIN IMMEDIATE", error))
    return NULL;
  id = outlay_store_write_version (self, document, stripped, note, created, error);
  if (id == 0 || !outlay_store_exec (self, "COMMIT", error))
    {
      outlay_store_exec (self, "ROLLBACK", NULL);
      return NULL;
    }
  return g_object_new (OUTLAY_TYPE_VERSION,
                       "id", id,
                       "budget-id", outlay_budget_get_id (outlay_document_get_budget (document)),
                       "name", stripped,
                       "note", note != NULL && *note != '\0' ? note : NULL,
                       "created", created,
                       "locked", TRUE,
                       "total-estimate", outlay_document_get_totals (document)->estimate,
                       "total-actual", outlay_document_get_totals (document)->actual,
                       NULL);
}

/* ---- listing and finding ---- */

/**
 * outlay_store_list_versions:
 * @self: a store
 * @budget_id: a budget
 * @error: why it failed
 *
 * Returns: (transfer container) (element-type OutlayVersion) (nullable):
 *   the budget's versions, oldest first
 */
GPtrArray *
outlay_store_list_versions (OutlayStore  *self,
                            gint64        budget_id,
                            GError      **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), NULL);
  stmt = outlay_store_statement (self,
    "SELECT " VERSION_COLUMNS " FROM versions WHERE budget_id = ? ORDER BY created, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_version (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      outlay_store_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gboolean
all_digits (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

static void
set_not_found (OutlayStore *self, gint64 budget_id, const char *name_or_id, GPtrArray *list,
               GError **error)
{
  g_autofree char *budget = budget_name (self, budget_id, NULL);
  g_autoptr(GString) names = g_string_new (NULL);

  if (budget == NULL)
    budget = g_strdup_printf ("%" G_GINT64_FORMAT, budget_id);
  if (list->len == 0)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                   _("“%s” has no saved versions, so there is no version “%s”"), budget,
                   name_or_id);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    g_string_append_printf (names, "%s“%s” (%" G_GINT64_FORMAT ")", i ? ", " : "",
                            outlay_version_get_name (g_ptr_array_index (list, i)),
                            outlay_version_get_id (g_ptr_array_index (list, i)));
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
               _("“%s” has no version “%s”. Its versions are %s."), budget, name_or_id,
               names->str);
}

/**
 * outlay_store_find_version:
 * @self: a store
 * @budget_id: a budget
 * @name_or_id: a version's id, or its name in any case
 * @error: not found, with the versions there are
 *
 * Returns: (transfer full) (nullable): the version
 */
OutlayVersion *
outlay_store_find_version (OutlayStore  *self,
                           gint64        budget_id,
                           const char   *name_or_id,
                           GError      **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *needle = NULL;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), NULL);
  g_return_val_if_fail (name_or_id != NULL, NULL);

  if ((list = outlay_store_list_versions (self, budget_id, error)) == NULL)
    return NULL;
  /* an id wins over a version that happens to be named "3" */
  for (guint i = 0; all_digits (name_or_id) && i < list->len; i++)
    if (outlay_version_get_id (g_ptr_array_index (list, i))
        == g_ascii_strtoll (name_or_id, NULL, 10))
      return g_object_ref (g_ptr_array_index (list, i));
  needle = g_utf8_casefold (name_or_id, -1);
  for (guint i = 0; i < list->len; i++)
    {
      g_autofree char *name =
        g_utf8_casefold (outlay_version_get_name (g_ptr_array_index (list, i)), -1);

      if (g_str_equal (name, needle))
        return g_object_ref (g_ptr_array_index (list, i));
    }
  set_not_found (self, budget_id, name_or_id, list, error);
  return NULL;
}

/* ---- loading ---- */

static OutlayVersion *
get_version (OutlayStore *self, gint64 version_id, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (self,
    "SELECT " VERSION_COLUMNS " FROM versions WHERE id = ?", error);
  OutlayVersion *version = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, version_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    version = read_version (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, version_id);

      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                   _("There is no version with id %s"), id);
    }
  else if (rc != SQLITE_ROW)
    outlay_store_fail (self, error);
  return version;
}

/* A locked copy of the version's budget as it is now (versions keep only
 * sections and lines). */
static OutlayBudget *
version_budget (OutlayStore *self, OutlayVersion *version, GError **error)
{
  g_autoptr(GPtrArray) budgets = outlay_store_list_budgets (self, error);
  OutlayBudget *copy;

  if (budgets == NULL)
    return NULL;
  for (guint i = 0; i < budgets->len; i++)
    if (outlay_budget_get_id (g_ptr_array_index (budgets, i))
        == outlay_version_get_budget_id (version))
      {
        copy = outlay_budget_copy (g_ptr_array_index (budgets, i));
        g_object_set (copy, "status", OUTLAY_BUDGET_STATUS_LOCKED, NULL);
        return copy;
      }
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
               _("The budget of version “%s” is in the trash or was deleted"),
               outlay_version_get_name (version));
  return NULL;
}

static gboolean
load_sections (OutlayStore *self, OutlayDocument *doc, gint64 version_id, GHashTable *by_id,
               GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (self,
    "SELECT id, code, name, fringe FROM version_sections WHERE version_id = ?"
    " ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(OutlaySection) section = g_object_new (OUTLAY_TYPE_SECTION, NULL);
      gint64 id = sqlite3_column_int64 (stmt, 0);

      /* no section id: these are not rows of the sections table */
      outlay_section_load (section, 0, (const char *) sqlite3_column_text (stmt, 1),
                           (const char *) sqlite3_column_text (stmt, 2),
                           sqlite3_column_int64 (stmt, 3), 0);
      outlay_document_load_section (doc, section);
      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), section);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || outlay_store_fail (self, error);
}

static gboolean
load_lines (OutlayStore *self, OutlayDocument *doc, gint64 version_id, GHashTable *by_id,
            GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT version_section_id, line_id, " OUTLAY_STORE_LINE_VALUES
      ", import_id, task_actual FROM version_lines"
      " WHERE version_id = ? ORDER BY version_section_id, position",
      error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 section_id = sqlite3_column_int64 (stmt, 0);
      OutlaySection *section = g_hash_table_lookup (by_id, &section_id);
      g_autoptr(OutlayLine) line = NULL;

      if (section == NULL)
        continue;
      line = outlay_line_new ();
      /* the id of the line it copied, so comparisons can follow it */
      outlay_line_set_id (line, sqlite3_column_int64 (stmt, 1));
      outlay_store_read_line_values (stmt, 2, line);
      outlay_line_set_import_id (line, sqlite3_column_int64 (stmt, 2 + OUTLAY_STORE_N_LINE_VALUES));
      /* what its tasks had cost by then: the version's totals include it */
      outlay_line_set_task_actual (line,
                                   sqlite3_column_int64 (stmt, 3 + OUTLAY_STORE_N_LINE_VALUES));
      outlay_document_load_line (doc, section, line);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || outlay_store_fail (self, error);
}

/**
 * outlay_store_load_version:
 * @self: a store
 * @version_id: a version's id
 * @error: why it failed
 *
 * Loads a saved version as a read-only document: its budget is a locked
 * copy of the budget as it is now, with the version's sections and lines
 * (each line with the id of the line it was copied from).  Every edit
 * fails with %OUTLAY_ERROR_LOCKED and a message that says to restore the
 * version (outlay_document_restore()) to edit it.
 *
 * Returns: (transfer full) (nullable): the version's document
 */
OutlayDocument *
outlay_store_load_version (OutlayStore  *self,
                           gint64        version_id,
                           GError      **error)
{
  g_autoptr(OutlayVersion) version = NULL;
  g_autoptr(OutlayBudget) budget = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *reason = NULL;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), NULL);

  if ((version = get_version (self, version_id, error)) == NULL
      || (budget = version_budget (self, version, error)) == NULL)
    return NULL;
  doc = outlay_document_new (budget);
  if (!outlay_store_exec (self, "BEGIN", error))
    return NULL;
  if (!load_sections (self, doc, version_id, by_id, error)
      || !load_lines (self, doc, version_id, by_id, error)
      || !outlay_store_exec (self, "COMMIT", error))
    {
      outlay_store_exec (self, "ROLLBACK", NULL);
      return NULL;
    }
  if (!outlay_document_finish_load (doc, error))
    return NULL;
  reason = g_strdup_printf (_("“%s” is a saved version of “%s”, so it cannot be changed. To edit "
                              "it, restore it as the current budget."),
                            outlay_version_get_name (version), outlay_budget_get_name (budget));
  outlay_document_set_frozen (doc, outlay_version_get_name (version), reason);
  outlay_document_set_frozen_saved (doc, outlay_version_get_created (version));
  return g_steal_pointer (&doc);
}
