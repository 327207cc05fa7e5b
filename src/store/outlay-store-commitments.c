/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-store"

/* Commitments (purchase requests and orders) in SQLite: loading them with
 * their budget, and the sink's half that writes each change with its
 * audit rows, in the command's transaction. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-document-sink.h"
#include "outlay-store-private.h"

#define COMMITMENT_VALUES                                                                          \
  "line_id, section_id, reference, vendor, description, amount, status, requested_by, date,"       \
  " expected_date, auto_approved, invoiced"
#define COMMITMENT_PARAMS "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
#define N_COMMITMENT_VALUES 12

#define COMMITMENT_JSON                                                                            \
  "json_object('line_id', line_id, 'section_id', section_id, 'reference', reference,"              \
  " 'vendor', vendor, 'description', description, 'amount', amount, 'status', status,"             \
  " 'requested_by', requested_by, 'date', date, 'expected_date', expected_date,"                   \
  " 'invoiced', invoiced)"

static gint64
budget_id_of (OutlayDocument *doc)
{
  return outlay_budget_get_id (outlay_document_get_budget (doc));
}

static void
bind_values (sqlite3_stmt *stmt, int first, OutlayCommitment *c)
{
  OutlayLine *line = outlay_commitment_get_line (c);
  OutlaySection *section = outlay_commitment_get_section (c);

  if (line != NULL && outlay_line_get_id (line) > 0)
    sqlite3_bind_int64 (stmt, first, outlay_line_get_id (line));
  else
    sqlite3_bind_null (stmt, first);
  if (section != NULL && outlay_section_get_id (section) > 0)
    sqlite3_bind_int64 (stmt, first + 1, outlay_section_get_id (section));
  else
    sqlite3_bind_null (stmt, first + 1);
  outlay_store_bind_text (stmt, first + 2, outlay_commitment_get_reference (c));
  outlay_store_bind_text (stmt, first + 3, outlay_commitment_get_vendor (c));
  outlay_store_bind_text (stmt, first + 4, outlay_commitment_get_description (c));
  sqlite3_bind_int64 (stmt, first + 5, outlay_commitment_get_amount (c));
  sqlite3_bind_text (stmt, first + 6,
                     outlay_commitment_status_to_string (outlay_commitment_get_status (c)), -1,
                     SQLITE_STATIC);
  outlay_store_bind_text (stmt, first + 7, outlay_commitment_get_requested_by (c));
  outlay_store_bind_text (stmt, first + 8, outlay_commitment_get_date (c));
  outlay_store_bind_text (stmt, first + 9, outlay_commitment_get_expected_date (c));
  sqlite3_bind_int (stmt, first + 10, outlay_commitment_get_auto_approved (c));
  sqlite3_bind_int64 (stmt, first + 11, outlay_commitment_get_invoiced (c));
}

/* The ids it is stored with, kept on the object for scripts and the CLI. */
static void
note_ids (OutlayCommitment *c, gint64 budget_id)
{
  OutlayLine *line = outlay_commitment_get_line (c);
  OutlaySection *section = outlay_commitment_get_section (c);

  g_object_set (c, "budget-id", budget_id, "line-id", line != NULL ? outlay_line_get_id (line) : 0,
                "section-id", section != NULL ? outlay_section_get_id (section) : 0, NULL);
}

static gboolean
audit_row (OutlayStore *self, gint64 id, const char *action, gboolean old, GError **error)
{
  g_autofree char *sql = g_strdup_printf (
      "INSERT INTO audit (at, actor, budget_id, entity, entity_id, action, %s)"
      " SELECT ?1, ?2, budget_id, 'commitment', id, '%s', " COMMITMENT_JSON
      " FROM commitments WHERE id = ?3",
      old ? "old_value" : "new_value", action);
  sqlite3_stmt *stmt = outlay_store_statement (self, g_intern_string (sql), error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_text (stmt, 2, g_get_user_name (), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);
  return outlay_store_step_done (self, stmt, error);
}

gboolean
outlay_store_sink_commitment_inserted (OutlayDocumentSink *sink,
                                       OutlayDocument *doc,
                                       OutlayCommitment *c,
                                       GError **error)
{
  OutlayStore *self = OUTLAY_STORE (sink);
  /* like a line, keeps its id (undo of a delete) unless it was taken */
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "INSERT INTO commitments (id, budget_id, " COMMITMENT_VALUES ")"
      " VALUES ((SELECT ?1 WHERE NOT EXISTS (SELECT 1 FROM commitments WHERE id = ?1)), "
      "?, " COMMITMENT_PARAMS ")",
      error);
  gint64 id;

  if (stmt == NULL)
    return FALSE;
  if (outlay_commitment_get_id (c) > 0)
    sqlite3_bind_int64 (stmt, 1, outlay_commitment_get_id (c));
  sqlite3_bind_int64 (stmt, 2, budget_id_of (doc));
  bind_values (stmt, 3, c);
  if (!outlay_store_step_done (self, stmt, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (outlay_store_get_db (self));
  if (!audit_row (self, id, "insert", FALSE, error))
    return FALSE;
  g_object_set (c, "id", id, NULL);
  note_ids (c, budget_id_of (doc));
  return TRUE;
}

gboolean
outlay_store_sink_commitment_removed (OutlayDocumentSink *sink,
                                      OutlayDocument *doc,
                                      OutlayCommitment *c,
                                      GError **error)
{
  OutlayStore *self = OUTLAY_STORE (sink);
  sqlite3_stmt *stmt;

  if (!audit_row (self, outlay_commitment_get_id (c), "delete", TRUE, error))
    return FALSE;
  stmt = outlay_store_statement (self, "DELETE FROM commitments WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, outlay_commitment_get_id (c));
  return outlay_store_step_done (self, stmt, error)
         && outlay_store_expect_change (self, _("commitment"), error);
}

static char *
target_text (OutlayCommitment *c)
{
  OutlayLine *line = outlay_commitment_get_line (c);
  OutlaySection *section = outlay_commitment_get_section (c);

  if (line != NULL)
    return g_strdup_printf ("%s/%s", section != NULL ? outlay_section_get_code (section) : "",
                            outlay_line_get_code (line));
  return g_strdup (section != NULL ? outlay_section_get_code (section) : "");
}

static char *
field_text (OutlayCommitment *c, const char *field)
{
  if (g_str_equal (field, "charges"))
    return target_text (c);
  if (g_str_equal (field, "amount"))
    return outlay_decimal_to_string_trim (outlay_commitment_get_amount (c));
  if (g_str_equal (field, "invoiced"))
    return outlay_decimal_to_string_trim (outlay_commitment_get_invoiced (c));
  if (g_str_equal (field, "status"))
    return g_strdup (outlay_commitment_status_to_string (outlay_commitment_get_status (c)));
  {
    g_autofree char *text = NULL;

    g_object_get (c, field, &text, NULL);
    return g_steal_pointer (&text);
  }
}

gboolean
outlay_store_sink_commitment_changed (OutlayDocumentSink *sink,
                                      OutlayDocument *doc,
                                      OutlayCommitment *c,
                                      OutlayCommitment *before,
                                      const char *action,
                                      GError **error)
{
  static const char *const fields[] = { "reference", "vendor",       "description", "amount",
                                        "status",    "requested-by", "date",        "expected-date",
                                        "invoiced",  "charges" };
  OutlayStore *self = OUTLAY_STORE (sink);
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "UPDATE commitments SET line_id = ?, section_id = ?, reference = ?, vendor = ?,"
      " description = ?, amount = ?, status = ?, requested_by = ?, date = ?, expected_date = ?,"
      " auto_approved = ?, invoiced = ? WHERE id = ?",
      error);

  if (stmt == NULL)
    return FALSE;
  bind_values (stmt, 1, c);
  sqlite3_bind_int64 (stmt, 1 + N_COMMITMENT_VALUES, outlay_commitment_get_id (c));
  if (!outlay_store_step_done (self, stmt, error)
      || !outlay_store_expect_change (self, _("commitment"), error))
    return FALSE;
  note_ids (c, budget_id_of (doc));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *old_value = field_text (before, fields[i]);
      g_autofree char *new_value = field_text (c, fields[i]);

      if (g_strcmp0 (old_value, new_value) != 0
          && !outlay_store_audit (self, budget_id_of (doc), "commitment",
                                  outlay_commitment_get_id (c), action, fields[i], old_value,
                                  new_value, error))
        return FALSE;
    }
  return TRUE;
}

static void
index_lines (OutlayDocument *doc, GHashTable *lines, GHashTable *sections)
{
  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);

      g_hash_table_insert (sections, GSIZE_TO_POINTER (outlay_section_get_id (section)), section);
      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        {
          OutlayLine *line = outlay_section_get_line (section, l);

          g_hash_table_insert (lines, GSIZE_TO_POINTER (outlay_line_get_id (line)), line);
        }
    }
}

static OutlayCommitment *
read_commitment (sqlite3_stmt *stmt)
{
  OutlayCommitmentStatus status = OUTLAY_COMMITMENT_STATUS_REQUESTED;

  outlay_commitment_status_from_string ((const char *) sqlite3_column_text (stmt, 7), &status);
  return g_object_new (
      OUTLAY_TYPE_COMMITMENT, "id", sqlite3_column_int64 (stmt, 0), "budget-id",
      sqlite3_column_int64 (stmt, 13), "line-id", sqlite3_column_int64 (stmt, 1), "section-id",
      sqlite3_column_int64 (stmt, 2), "reference", sqlite3_column_text (stmt, 3), "vendor",
      sqlite3_column_text (stmt, 4), "description", sqlite3_column_text (stmt, 5), "amount",
      MAX (sqlite3_column_int64 (stmt, 6), 0), "status", status, "requested-by",
      sqlite3_column_text (stmt, 8), "date", sqlite3_column_text (stmt, 9), "expected-date",
      sqlite3_column_text (stmt, 10), "auto-approved", sqlite3_column_int (stmt, 11) != 0,
      "invoiced", MAX (sqlite3_column_int64 (stmt, 12), 0), NULL);
}

/* In the caller's read transaction, after the lines and before the sums. */
gboolean
outlay_store_load_commitments (OutlayStore *self,
                               OutlayDocument *doc,
                               gint64 budget_id,
                               GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (self,
                                               "SELECT id, " COMMITMENT_VALUES
                                               ", budget_id FROM commitments WHERE budget_id = ?"
                                               " ORDER BY id",
                                               error);
  g_autoptr(GHashTable) lines = NULL;
  g_autoptr(GHashTable) sections = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(OutlayCommitment) c = read_commitment (stmt);
      OutlayLine *line;
      OutlaySection *section;

      if (lines == NULL)
        {
          lines = g_hash_table_new (NULL, NULL);
          sections = g_hash_table_new (NULL, NULL);
          index_lines (doc, lines, sections);
        }
      line = g_hash_table_lookup (lines, GSIZE_TO_POINTER (outlay_commitment_get_line_id (c)));
      section = g_hash_table_lookup (sections,
                                     GSIZE_TO_POINTER (outlay_commitment_get_section_id (c)));
      outlay_document_load_commitment (doc, c, section, line);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || outlay_store_fail (self, error);
}
