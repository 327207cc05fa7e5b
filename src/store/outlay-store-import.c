/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-store"

/* Imports in the database: one transaction each, recorded in `imports`,
 * every line and section they add remembering the import, so the whole
 * import can be taken back out. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "outlay-document-sink.h"
#include "outlay-error.h"
#include "outlay-line-private.h"
#include "outlay-model-enum-types.h"
#include "outlay-store-backup.h"
#include "outlay-store-import.h"
#include "outlay-store-private.h"
#include "outlay-store-versions.h"

/* The lines of one section held back, packed: each line's position
 * (a guint32), then its values (outlay_store_pack_line_values()). */
typedef struct
{
  gint64 section_id;
  GByteArray *packed;
} PendingSection;

struct _OutlayStoreImport
{
  OutlayStore      *store;
  OutlayImportMode  mode;
  gint64            id;
  gint64            budget_id;
  guint             n_sections;    /* sections in the budget, for positions */
  GHashTable       *sections;      /* "code\x1fname" → gint64* id */
  GHashTable       *next_position; /* gint64 section id → guint next line position */
  gboolean          open;          /* the transaction is ours to roll back */
  char             *budget_name;
  char             *currency;
  gint64 lines_before; /* the largest line id when the import began */
  guint inserted;      /* lines this import added */
  GPtrArray *deferred; /* CREATE INDEX statements of the indexes put off */
  gboolean unchecked;  /* foreign keys off for this transaction (see begin) */
  sqlite3_stmt *insert_line; /* the store's, kept: one look-up per import */
  GHashTable *held;          /* section id → PendingSection; NULL: lines go in as they come */
  PendingSection *last_held; /* the section of the line held last */
  gsize held_bytes;
  guint held_lines;
};

/* A big import writes each line into the table and both indexes of
 * `lines`, three b-trees at once.  Both indexes start with the section
 * (lines_order after the budget), and a file's rows usually mix its
 * sections, so each line lands in the middle of both indexes: a search
 * from the root, twice per line, costs as much as writing the line.
 *
 * A new budget's sections and the budget itself have the largest ids,
 * so its lines, written section by section in position order, only ever
 * go at the very end of both indexes.  Within one statement SQLite keeps
 * its place there and appends without searching (a statement per line
 * searches from the root every time), so a new budget's lines are held
 * back, packed (about 75 bytes a line, some 70 MB for 1,000,000), and
 * written at the commit, section by section, HELD_ROWS to a statement:
 * writing 1,000,000 lines of ten mixed sections this way takes about
 * 40 % less time than writing them as they come and rebuilding the
 * indexes, and the indexes need no rebuilding.  Past IMPORT_HOLD_MAX
 * bytes, or once a caller needs line ids as it goes, the lines held so
 * far go in and the rest as they come (below). */
#define IMPORT_HOLD_MAX (128 * 1024 * 1024)
/* lines per statement when they are written (at most; see
 * prepare_held_insert()) */
#define HELD_ROWS 500

/* Lines that go in as they come (an import into an existing budget, or
 * past the above): once an import has added this many lines and at
 * least as many as the database held, the indexes are dropped (inside
 * the import's transaction, so a cancel brings them back) and built
 * again, sorted, just before the commit: about twice as fast as keeping
 * them up line by line. */
#define DEFER_INDEXES_AFTER 20000

#define IMPORT_CACHE_KB 49152

static void
pending_section_free (gpointer data)
{
  PendingSection *p = data;

  g_clear_pointer (&p->packed, g_byte_array_unref);
  g_free (p);
}

static const char *const mode_ids[] = { "new", "append", "replace" };

static gint64
now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gint64
query_int64 (OutlayStore *store, const char *sql, gint64 arg, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (store, sql, error);
  gint64 value = 0;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, arg);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static gboolean
exec_with_id (OutlayStore *store, const char *sql, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return outlay_store_step_done (store, stmt, error);
}

static char *
section_key (const char *code, const char *name)
{
  return g_strdup_printf ("%s\x1f%s", code != NULL ? code : "", name != NULL ? name : "");
}

/* APPEND: the budget's sections by code and by name, to add lines to them. */
static gboolean
load_existing_sections (OutlayStoreImport *self, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (self->store,
    "SELECT id, code, name,"
    " (SELECT coalesce(max(position) + 1, 0) FROM lines WHERE section_id = sections.id),"
    " position FROM sections WHERE budget_id = ? ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->budget_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *code = (const char *) sqlite3_column_text (stmt, 1);
      const char *name = (const char *) sqlite3_column_text (stmt, 2);
      gint64 *key = g_memdup2 (&id, sizeof id);

      g_hash_table_insert (self->sections, section_key (code, name), g_memdup2 (&id, sizeof id));
      if (code != NULL && *code != '\0')
        g_hash_table_insert (self->sections, section_key (code, NULL), g_memdup2 (&id, sizeof id));
      g_hash_table_insert (self->sections, section_key (NULL, name), g_memdup2 (&id, sizeof id));
      g_hash_table_insert (self->next_position, key,
                           GUINT_TO_POINTER ((guint) sqlite3_column_int (stmt, 3)));
      self->n_sections = MAX (self->n_sections, (guint) sqlite3_column_int (stmt, 4) + 1);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || outlay_store_fail (self->store, error);
}

static gboolean
check_target (OutlayStore *store, gint64 budget_id, gboolean undo, GError **error)
{
  gint64 locked = query_int64 (store,
    "SELECT CASE status WHEN 'locked' THEN 2 ELSE 1 END FROM budgets"
    " WHERE id = ? AND trashed = 0 AND is_template = 0", budget_id, error);

  if (locked < 0)
    return FALSE;
  if (locked == 0)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                   _("There is no budget %" PRId64 " to import into"), budget_id);
      return FALSE;
    }
  if (locked == 2)
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_LOCKED,
                           undo ? _("This budget is locked. Unlock it before undoing an import "
                                    "into it.")
                                : _("This budget is locked. Unlock it before importing into it."));
      return FALSE;
    }
  return TRUE;
}

/* REPLACE: keeps the budget as it was in a version, then empties it. */
static gboolean
save_and_clear (OutlayStoreImport *self, OutlayDocument *before, const char *file_name,
                GError **error)
{
  /* the import's number keeps the name unique: versions' names are */
  g_autofree char *name = g_strdup_printf (_("Before import %" PRId64 " of %s"), self->id,
                                              file_name);
  gint64 version_id;
  sqlite3_stmt *stmt;

  version_id = outlay_store_write_version (self->store, before, name,
                                           _("Saved by Outlay before an import replaced the "
                                             "budget's lines"), now (), error);
  if (version_id == 0)
    return FALSE;
  /* tasks, purchase orders and bills lose their line when it goes; the
   * undo puts them back */
  stmt = outlay_store_statement (self->store,
    "UPDATE imports SET replaced_version_id = ?1, replaced_links = (SELECT json_group_array("
    "json_array(t, id, line_id)) FROM (SELECT 'tasks' AS t, id, line_id FROM tasks"
    " UNION ALL SELECT 'commitments', id, line_id FROM commitments"
    " UNION ALL SELECT 'bills', id, line_id FROM bills) WHERE line_id IN"
    " (SELECT id FROM lines WHERE budget_id = ?3)) WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version_id);
  sqlite3_bind_int64 (stmt, 2, self->id);
  sqlite3_bind_int64 (stmt, 3, self->budget_id);
  return outlay_store_step_done (self->store, stmt, error)
         && exec_with_id (self->store, "DELETE FROM lines WHERE budget_id = ?", self->budget_id,
                          error)
         && exec_with_id (self->store, "DELETE FROM sections WHERE budget_id = ?",
                          self->budget_id, error);
}

static gboolean
insert_record (OutlayStoreImport *self, const OutlayImportInfo *info, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (self->store,
    "INSERT INTO imports (budget_id, file_name, uri, fingerprint, source, file_type, mapping,"
    " started, status, kind, sheet, header_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?)",
    error);

  if (stmt == NULL)
    return FALSE;
  if (self->budget_id > 0)
    sqlite3_bind_int64 (stmt, 1, self->budget_id);
  sqlite3_bind_text (stmt, 2, info->file_name != NULL ? info->file_name : "", -1, SQLITE_TRANSIENT);
  outlay_store_bind_text (stmt, 3, info->uri);
  outlay_store_bind_text (stmt, 4, info->fingerprint);
  outlay_store_bind_text (stmt, 5, info->source);
  outlay_store_bind_text (stmt, 6, info->file_type);
  outlay_store_bind_text (stmt, 7, info->mapping);
  sqlite3_bind_int64 (stmt, 8, now ());
  sqlite3_bind_text (stmt, 9, mode_ids[self->mode], -1, SQLITE_STATIC);
  outlay_store_bind_text (stmt, 10, info->sheet);
  if (info->header_row > 0)
    sqlite3_bind_int (stmt, 11, info->header_row);
  if (!outlay_store_step_done (self->store, stmt, error))
    return FALSE;
  self->id = sqlite3_last_insert_rowid (outlay_store_get_db (self->store));
  return TRUE;
}

static gboolean
create_budget (OutlayStoreImport *self, OutlayBudget *budget, GError **error)
{
  g_autoptr(OutlayDocument) doc = outlay_document_new (budget);
  sqlite3_stmt *stmt;

  if (!outlay_document_finish_load (doc, error)
      || !outlay_store_write_document (self->store, doc, NULL, NULL, NULL, error))
    return FALSE;
  self->budget_id = outlay_budget_get_id (budget);
  stmt = outlay_store_statement (self->store, "UPDATE imports SET budget_id = ? WHERE id = ?",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->budget_id);
  sqlite3_bind_int64 (stmt, 2, self->id);
  return outlay_store_step_done (self->store, stmt, error);
}

static gboolean
read_budget (OutlayStoreImport *self, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (self->store,
    "SELECT name, currency FROM budgets WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->budget_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      self->budget_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      self->currency = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * outlay_store_import_begin:
 *
 * Returns: (transfer full) (nullable): the import, in its transaction
 */
OutlayStoreImport *
outlay_store_import_begin (OutlayStore            *store,
                           const OutlayImportInfo *info,
                           OutlayImportMode        mode,
                           OutlayBudget           *budget,
                           gint64                  budget_id,
                           GError                **error)
{
  g_autoptr(OutlayStoreImport) self = g_new0 (OutlayStoreImport, 1);
  g_autoptr(OutlayDocument) before = NULL;
  g_autofree char *backup = NULL;

  g_return_val_if_fail (OUTLAY_IS_STORE (store), NULL);
  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (mode != OUTLAY_IMPORT_MODE_NEW || OUTLAY_IS_BUDGET (budget), NULL);

  self->store = g_object_ref (store);
  self->mode = mode;
  self->budget_id = mode == OUTLAY_IMPORT_MODE_NEW ? 0 : budget_id;
  self->sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->next_position = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  /* see IMPORT_HOLD_MAX */
  if (mode == OUTLAY_IMPORT_MODE_NEW)
    self->held = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, pending_section_free);

  if (mode != OUTLAY_IMPORT_MODE_NEW && !check_target (store, budget_id, FALSE, error))
    return NULL;
  /* A damaged file is not written into; a sound one is copied first, so
   * a bad import (or a bad file) can be gone back on. */
  backup = outlay_store_backup (store, NULL, error);
  if (backup == NULL)
    return NULL;
  /* loads in its own read transaction, so before ours */
  if (mode == OUTLAY_IMPORT_MODE_REPLACE
      && (before = outlay_store_load_document (store, budget_id, error)) == NULL)
    return NULL;
  /* A big import dirties every page it writes; with SQLite's default 2 MB
   * cache they spill to the WAL and are read back over and over. */
  outlay_store_exec (store, "PRAGMA cache_size = -" G_STRINGIFY (IMPORT_CACHE_KB), NULL);
  /* the sorter that builds the deferred indexes may use a second core */
  outlay_store_exec (store, "PRAGMA threads = 2", NULL);
  /* A new budget, or lines added to one, only inserts rows whose parents
   * (the budget, its sections, this import) this transaction made or
   * holds locked: checking each line's three references costs an eighth
   * of a big import and can find nothing.  A replace deletes, and its
   * cascades need the checks; so do all other writes (on again at the
   * end, on this connection, which only takes the setting outside a
   * transaction). */
  if (mode != OUTLAY_IMPORT_MODE_REPLACE
      && outlay_store_exec (store, "PRAGMA foreign_keys = OFF", NULL))
    self->unchecked = TRUE;
  if (!outlay_store_exec (store, "BEGIN IMMEDIATE", error))
    return NULL;
  self->open = TRUE;
  if (!insert_record (self, info, error))
    return NULL;
  if (mode == OUTLAY_IMPORT_MODE_NEW && !create_budget (self, budget, error))
    return NULL;
  if (!read_budget (self, error))
    return NULL;
  self->lines_before = query_int64 (store, "SELECT coalesce(max(id), 0) FROM lines", 0, error);
  if (self->lines_before < 0)
    return NULL;
  if (mode == OUTLAY_IMPORT_MODE_APPEND && !load_existing_sections (self, error))
    return NULL;
  if (mode == OUTLAY_IMPORT_MODE_REPLACE
      && !save_and_clear (self, before, info->file_name != NULL ? info->file_name : "", error))
    return NULL;
  return g_steal_pointer (&self);
}

gint64
outlay_store_import_get_id (OutlayStoreImport *self)
{
  return self->id;
}

gint64
outlay_store_import_get_budget_id (OutlayStoreImport *self)
{
  return self->budget_id;
}

const char *
outlay_store_import_get_budget_name (OutlayStoreImport *self)
{
  return self->budget_name;
}

const char *
outlay_store_import_get_currency (OutlayStoreImport *self)
{
  return self->currency;
}


static gint64
lookup_section (OutlayStoreImport *self, const char *code, const char *name)
{
  g_autofree char *exact = section_key (code, name);
  gint64 *id = g_hash_table_lookup (self->sections, exact);

  if (id == NULL && self->mode == OUTLAY_IMPORT_MODE_APPEND)
    {
      g_autofree char *by_code = section_key (code, NULL);
      g_autofree char *by_name = section_key (NULL, name);

      if (code != NULL && *code != '\0')
        id = g_hash_table_lookup (self->sections, by_code);
      if (id == NULL && name != NULL && *name != '\0')
        id = g_hash_table_lookup (self->sections, by_name);
    }
  return id != NULL ? *id : 0;
}

gint64
outlay_store_import_section (OutlayStoreImport  *self,
                             const char         *code,
                             const char         *name,
                             GError            **error)
{
  g_autoptr(OutlaySection) section = NULL;
  sqlite3_stmt *stmt;
  gint64 id = lookup_section (self, code, name);

  if (id != 0)
    return id;
  section = outlay_section_new (code != NULL ? code : "", name != NULL ? name : "");
  if (!outlay_store_insert_section_row (self->store, self->budget_id, self->n_sections, section,
                                        error))
    return 0;
  id = outlay_section_get_id (section);
  stmt = outlay_store_statement (self->store, "UPDATE sections SET import_id = ? WHERE id = ?",
                                 error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, self->id);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!outlay_store_step_done (self->store, stmt, error))
    return 0;
  self->n_sections++;
  g_hash_table_insert (self->sections, section_key (code, name), g_memdup2 (&id, sizeof id));
  g_hash_table_insert (self->next_position, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (0));
  return id;
}

static void
restore_checks (OutlayStoreImport *self)
{
  if (self->unchecked && self->store != NULL
      && outlay_store_exec (self->store, "PRAGMA foreign_keys = ON", NULL))
    self->unchecked = FALSE;
}

static sqlite3_stmt *
insert_statement (OutlayStoreImport *self, GError **error)
{
  /* new lines get new ids: no look-up of a kept id, as the sink's insert
   * does; every parameter is bound each time, so the statement is only
   * reset after each line (outlay_store_step_done()) */
  if (self->insert_line == NULL)
    self->insert_line = outlay_store_statement (
        self->store,
        "INSERT INTO lines (budget_id, section_id, position, " OUTLAY_STORE_LINE_VALUES
        ", import_id)"
        " VALUES (?, ?, ?, " OUTLAY_STORE_LINE_PARAMS ", ?)",
        error);
  return self->insert_line;
}

static int
compare_pending (gconstpointer a, gconstpointer b)
{
  gint64 x = (*(PendingSection *const *) a)->section_id;
  gint64 y = (*(PendingSection *const *) b)->section_id;

  return (x > y) - (x < y);
}

/* One INSERT of *@rows lines: ?1 the budget, ?2 the import, then each
 * line's section, position and values; HELD_ROWS lines, or as many as
 * this SQLite takes parameters for. */
static sqlite3_stmt *
prepare_held_insert (OutlayStoreImport *self, guint *rows, GError **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO lines (budget_id, import_id, section_id,"
                                          " position, " OUTLAY_STORE_LINE_VALUES ") VALUES ");
  int params = sqlite3_limit (outlay_store_get_db (self->store), SQLITE_LIMIT_VARIABLE_NUMBER, -1);
  sqlite3_stmt *stmt = NULL;

  *rows = CLAMP ((params - 2) / (2 + OUTLAY_STORE_N_LINE_VALUES), 1, HELD_ROWS);
  for (guint i = 0; i < *rows; i++)
    g_string_append (sql, i == 0 ? "(?1, ?2, ?, ?, " OUTLAY_STORE_LINE_PARAMS ")"
                                 : ", (?1, ?2, ?, ?, " OUTLAY_STORE_LINE_PARAMS ")");
  if (sqlite3_prepare_v2 (outlay_store_get_db (self->store), sql->str, sql->len, &stmt, NULL)
      != SQLITE_OK)
    {
      outlay_store_fail (self->store, error);
      return NULL;
    }
  return stmt;
}

/* Writes the lines held back, section by section (ascending ids), each
 * section's in position order, and stops holding lines back; checks
 * @cancellable (nullable) between statements.
 *
 * They go in HELD_ROWS at a time: SQLite keeps its place in the table
 * and the indexes within one statement, and appends each line there
 * instead of searching each b-tree from its root, as a statement per
 * line must. */
static gboolean
write_held (OutlayStoreImport *self, GCancellable *cancellable, GError **error)
{
  g_autoptr(GHashTable) table = g_steal_pointer (&self->held);
  g_autoptr(GPtrArray) held = NULL;
  GHashTableIter iter;
  gpointer value;
  sqlite3_stmt *batch = NULL;
  sqlite3_stmt *one;
  guint left = self->held_lines; /* lines not yet bound */
  guint rows = G_MAXUINT;        /* lines per batch */
  guint row = 0;                 /* lines bound in this batch */
  guint freed = 0;
  gboolean ok = TRUE;

  self->held_bytes = 0;
  self->held_lines = 0;
  self->last_held = NULL;
  if (table == NULL || g_hash_table_size (table) == 0)
    return TRUE;
  if ((one = insert_statement (self, error)) == NULL)
    return FALSE;
  /* a few lines go in one by one */
  if (left >= HELD_ROWS)
    {
      if ((batch = prepare_held_insert (self, &rows, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (batch, 1, self->budget_id);
      sqlite3_bind_int64 (batch, 2, self->id);
    }
  held = g_ptr_array_sized_new (g_hash_table_size (table));
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (held, value);
  g_ptr_array_sort (held, compare_pending);
  for (guint i = 0; ok && i < held->len; i++)
    {
      PendingSection *p = g_ptr_array_index (held, i);
      const guint8 *at = p->packed->data;
      const guint8 *end = at + p->packed->len;

      while (ok && at < end)
        {
          guint32 position;
          /* the last lines, fewer than a batch, one by one */
          gboolean alone = row == 0 && left < rows;
          sqlite3_stmt *stmt = alone ? one : batch;
          int first = alone ? 2 : 3 + row * (2 + OUTLAY_STORE_N_LINE_VALUES);

          memcpy (&position, at, sizeof position);
          at += sizeof position;
          left--;
          sqlite3_bind_int64 (stmt, first, p->section_id);
          sqlite3_bind_int64 (stmt, first + 1, position);
          outlay_store_bind_packed_line_values (stmt, first + 2, &at);
          if (alone)
            {
              sqlite3_bind_int64 (one, 1, self->budget_id);
              sqlite3_bind_int64 (one, 4 + OUTLAY_STORE_N_LINE_VALUES, self->id);
              ok = outlay_store_step_done (self->store, one, error);
              self->inserted++;
            }
          else if (++row == rows)
            {
              ok = !g_cancellable_set_error_if_cancelled (cancellable, error)
                   && outlay_store_step_done (self->store, batch, error);
              self->inserted += row;
              row = 0;
              /* the sections written whole give their memory back
               * before the next ones' pages fill the cache (the batch
               * binds their text without copies until it is stepped) */
              for (; freed < i; freed++)
                g_clear_pointer (&((PendingSection *) held->pdata[freed])->packed,
                                 g_byte_array_unref);
            }
        }
    }
  sqlite3_finalize (batch);
  return ok;
}

/* Holds @line back until the commit (see IMPORT_HOLD_MAX). */
static gboolean
hold_line (OutlayStoreImport *self,
           gint64 section_id,
           guint position,
           OutlayLine *line,
           GError **error)
{
  PendingSection *p = self->last_held;
  guint32 at = position;
  guint before;

  if (p == NULL || p->section_id != section_id)
    p = g_hash_table_lookup (self->held, &section_id);
  if (p == NULL)
    {
      p = g_new0 (PendingSection, 1);
      p->section_id = section_id;
      p->packed = g_byte_array_new ();
      g_hash_table_insert (self->held, &p->section_id, p);
    }
  self->last_held = p;
  before = p->packed->len;
  g_byte_array_append (p->packed, (const guint8 *) &at, sizeof at);
  outlay_store_pack_line_values (p->packed, line);
  self->held_bytes += p->packed->len - before;
  self->held_lines++;
  return self->held_bytes < IMPORT_HOLD_MAX || write_held (self, NULL, error);
}

static gboolean
defer_indexes (OutlayStoreImport *self, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self->store,
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'lines'"
      " AND sql IS NOT NULL",
      error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return FALSE;
  self->deferred = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (self->deferred, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return outlay_store_fail (self->store, error);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *quoted = g_strdup_printf ("DROP INDEX \"%s\"", (char *) names->pdata[i]);

      if (!outlay_store_exec (self->store, quoted, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
rebuild_indexes (OutlayStoreImport *self, GError **error)
{
  for (guint i = 0; self->deferred != NULL && i < self->deferred->len; i++)
    if (!outlay_store_exec (self->store, self->deferred->pdata[i], error))
      return FALSE;
  g_clear_pointer (&self->deferred, g_ptr_array_unref);
  return TRUE;
}

gboolean
outlay_store_import_line (OutlayStoreImport *self,
                          gint64 section_id,
                          OutlayLine *line,
                          gint64 *line_id,
                          GError **error)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (self->next_position, &section_id));
  sqlite3_stmt *stmt;

  g_hash_table_replace (self->next_position, g_memdup2 (&section_id, sizeof section_id),
                        GUINT_TO_POINTER (position + 1));
  /* a caller that needs ids as it goes (phasing) gets its lines written
   * as they come, the ones held so far first */
  if (self->held != NULL && line_id == NULL)
    return hold_line (self, section_id, position, line, error);
  if (!write_held (self, NULL, error) || (stmt = insert_statement (self, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->budget_id);
  sqlite3_bind_int64 (stmt, 2, section_id);
  sqlite3_bind_int64 (stmt, 3, position);
  outlay_store_bind_line_values (stmt, 4, line);
  sqlite3_bind_int64 (stmt, 4 + OUTLAY_STORE_N_LINE_VALUES, self->id);
  if (!outlay_store_step_done (self->store, stmt, error))
    return FALSE;
  if (line_id != NULL)
    *line_id = sqlite3_last_insert_rowid (outlay_store_get_db (self->store));
  if (++self->inserted >= DEFER_INDEXES_AFTER && self->deferred == NULL
      && self->inserted >= self->lines_before && !defer_indexes (self, error))
    return FALSE;
  return TRUE;
}

gboolean
outlay_store_import_phasing (OutlayStoreImport *self,
                             gint64 line_id,
                             const char *method,
                             const char *weights,
                             const char *actuals,
                             GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self->store,
      "INSERT OR REPLACE INTO line_phasing (line_id, method, weights, actuals) VALUES (?, ?, ?, ?)",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, line_id);
  sqlite3_bind_text (stmt, 2, method, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, weights, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, actuals, -1, SQLITE_STATIC);
  return outlay_store_step_done (self->store, stmt, error);
}

/* Sets the fiscal year only where the budget has none; @start_out and
 * @end_out get the fiscal year the budget has now (the periods are
 * counted from it). */
gboolean
outlay_store_import_set_periods (OutlayStoreImport *self,
                                 const char *fiscal_start,
                                 const char *fiscal_end,
                                 const char *kind,
                                 char **start_out,
                                 char **end_out,
                                 GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self->store,
      "UPDATE budgets SET fiscal_start = ?1, fiscal_end = ?2 WHERE id = ?3"
      " AND (fiscal_start IS NULL OR fiscal_start = '' OR fiscal_end IS NULL OR fiscal_end = '')",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fiscal_start, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, fiscal_end, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, self->budget_id);
  if (!outlay_store_step_done (self->store, stmt, error))
    return FALSE;
  if (sqlite3_changes (outlay_store_get_db (self->store)) > 0)
    {
      stmt = outlay_store_statement (self->store,
                                     "INSERT INTO budget_periods (budget_id, kind) VALUES (?1, ?2)"
                                     " ON CONFLICT (budget_id) DO UPDATE SET kind = ?2",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, self->budget_id);
      sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
      if (!outlay_store_step_done (self->store, stmt, error))
        return FALSE;
    }
  stmt = outlay_store_statement (
      self->store, "SELECT fiscal_start, fiscal_end FROM budgets WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->budget_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *start_out = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *end_out = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
outlay_store_import_set_fringe (OutlayStoreImport  *self,
                                gint64              section_id,
                                OutlayDecimal       percent,
                                GError            **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (self->store,
    "UPDATE sections SET fringe = ? WHERE id = ? AND budget_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, percent);
  sqlite3_bind_int64 (stmt, 2, section_id);
  sqlite3_bind_int64 (stmt, 3, self->budget_id);
  return outlay_store_step_done (self->store, stmt, error);
}

gboolean
outlay_store_import_set_kind (OutlayStoreImport  *self,
                              OutlayBudgetKind    kind,
                              GError            **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (self->store,
                                               "UPDATE budgets SET kind = ? WHERE id = ?", error);

  g_return_val_if_fail (self->mode == OUTLAY_IMPORT_MODE_NEW, FALSE);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, outlay_budget_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, self->budget_id);
  return outlay_store_step_done (self->store, stmt, error);
}

gboolean
outlay_store_import_commit (OutlayStoreImport *self,
                            guint rows_total,
                            guint rows_imported,
                            guint rows_skipped,
                            const char *errors,
                            const char *warnings,
                            GCancellable *cancellable,
                            GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (self->store,
    "UPDATE imports SET rows_total = ?, rows_imported = ?, rows_skipped = ?, errors = ?,"
    " warnings = ?, finished = ?, status = 'done' WHERE id = ?", error);
  g_autofree char *summary = NULL;

  g_return_val_if_fail (self->open, FALSE);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, rows_total);
  sqlite3_bind_int (stmt, 2, rows_imported);
  sqlite3_bind_int (stmt, 3, rows_skipped);
  outlay_store_bind_text (stmt, 4, errors);
  outlay_store_bind_text (stmt, 5, warnings);
  sqlite3_bind_int64 (stmt, 6, now ());
  sqlite3_bind_int64 (stmt, 7, self->id);
  summary = g_strdup_printf ("{\"import_id\":%" G_GINT64_FORMAT ",\"mode\":\"%s\",\"lines\":%u}",
                             self->id, mode_ids[self->mode], rows_imported);
  if (!outlay_store_step_done (self->store, stmt, error) || !write_held (self, cancellable, error)
      || !rebuild_indexes (self, error)
      || !exec_with_id (self->store, "UPDATE budgets SET modified = strftime('%s') WHERE id = ?",
                        self->budget_id, error)
      || !outlay_store_audit (self->store, self->budget_id, "import", self->id, "import", NULL,
                              NULL, summary, error)
      || !outlay_store_exec (self->store, "COMMIT", error))
    return FALSE;
  self->open = FALSE;
  restore_checks (self);
  return TRUE;
}

void
outlay_store_import_free (OutlayStoreImport *self)
{
  if (self == NULL)
    return;
  if (self->open)
    outlay_store_exec (self->store, "ROLLBACK", NULL);
  restore_checks (self);
  if (self->store != NULL)
    outlay_store_exec (self->store, "PRAGMA cache_size = -2000; PRAGMA threads = 0", NULL);
  g_clear_object (&self->store);
  g_clear_pointer (&self->sections, g_hash_table_unref);
  g_clear_pointer (&self->next_position, g_hash_table_unref);
  g_clear_pointer (&self->deferred, g_ptr_array_unref);
  g_clear_pointer (&self->held, g_hash_table_unref);
  g_free (self->budget_name);
  g_free (self->currency);
  g_free (self);
}

/* ---- the record ---- */

#define RECORD_COLUMNS \
  "imports.id, imports.budget_id, file_name, uri, fingerprint, source, file_type, mapping," \
  " rows_total, rows_imported, rows_skipped, errors, started, finished, imports.status," \
  " imports.kind, sheet, warnings, budgets.name, undone"

static OutlayImportRecord *
read_record (sqlite3_stmt *stmt)
{
  const char *status = (const char *) sqlite3_column_text (stmt, 14);
  OutlayImportStatus s = OUTLAY_IMPORT_STATUS_RUNNING;

  if (sqlite3_column_type (stmt, 19) != SQLITE_NULL)
    s = OUTLAY_IMPORT_STATUS_UNDONE;
  else if (g_strcmp0 (status, "done") == 0)
    s = OUTLAY_IMPORT_STATUS_DONE;
  else if (g_strcmp0 (status, "failed") == 0)
    s = OUTLAY_IMPORT_STATUS_FAILED;
  return g_object_new (OUTLAY_TYPE_IMPORT_RECORD,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "budget-id", sqlite3_column_int64 (stmt, 1),
                       "file-name", sqlite3_column_text (stmt, 2),
                       "uri", sqlite3_column_text (stmt, 3),
                       "fingerprint", sqlite3_column_text (stmt, 4),
                       "source", sqlite3_column_text (stmt, 5),
                       "file-type", sqlite3_column_text (stmt, 6),
                       "mapping", sqlite3_column_text (stmt, 7),
                       "rows-total", (guint) sqlite3_column_int (stmt, 8),
                       "rows-imported", (guint) sqlite3_column_int (stmt, 9),
                       "rows-skipped", (guint) sqlite3_column_int (stmt, 10),
                       "errors", sqlite3_column_text (stmt, 11),
                       "started", sqlite3_column_int64 (stmt, 12),
                       "finished", sqlite3_column_int64 (stmt, 13),
                       "status", s,
                       "mode", sqlite3_column_text (stmt, 15),
                       "sheet", sqlite3_column_text (stmt, 16),
                       "warnings", sqlite3_column_text (stmt, 17),
                       "budget-name", sqlite3_column_text (stmt, 18),
                       NULL);
}

static GPtrArray *
query_records (OutlayStore *store, const char *where, gint64 arg, const char *text,
               GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT " RECORD_COLUMNS " FROM imports"
                                          " LEFT JOIN budgets ON budgets.id = imports.budget_id"
                                          " WHERE %s ORDER BY imports.id DESC", where);
  /* the statement cache is keyed by address: a built string is interned */
  sqlite3_stmt *stmt = outlay_store_statement (store, g_intern_string (sql), error);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, arg);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_record (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      outlay_store_fail (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/**
 * outlay_store_list_imports:
 *
 * Returns: (transfer container) (element-type OutlayImportRecord): the imports
 */
GPtrArray *
outlay_store_list_imports (OutlayStore  *store,
                           gint64        budget_id,
                           GError      **error)
{
  g_return_val_if_fail (OUTLAY_IS_STORE (store), NULL);

  return query_records (store, budget_id > 0 ? "imports.budget_id = ?1" : "?1 = 0 OR 1",
                        budget_id, NULL, error);
}

OutlayImportRecord *
outlay_store_get_import (OutlayStore  *store,
                         gint64        import_id,
                         GError      **error)
{
  g_autoptr(GPtrArray) list = query_records (store, "imports.id = ?1", import_id, NULL, error);

  if (list == NULL)
    return NULL;
  if (list->len == 0)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                   _("There is no import %" PRId64), import_id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (list, 0));
}

OutlayImportRecord *
outlay_store_find_import_by_fingerprint (OutlayStore  *store,
                                         const char   *fingerprint,
                                         GError      **error)
{
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (OUTLAY_IS_STORE (store), NULL);
  g_return_val_if_fail (fingerprint != NULL, NULL);

  list = query_records (store, "fingerprint = ?1 AND imports.status = 'done' AND undone IS NULL"
                               " AND budgets.trashed = 0", 0, fingerprint, error);
  if (list == NULL || list->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (list, 0));
}

/* ---- undo ---- */

/* REPLACE undone: the budget's sections and lines as the version saved
 * them, each line keeping its id and the import it came from. */
static gboolean
restore_version (OutlayStore *store, gint64 version_id, gint64 budget_id, GError **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (!exec_with_id (store, "DELETE FROM lines WHERE budget_id = ?", budget_id, error)
      || !exec_with_id (store, "DELETE FROM sections WHERE budget_id = ?", budget_id, error)
      || (stmt = outlay_store_statement (store, "SELECT id FROM version_sections"
                                                " WHERE version_id = ? ORDER BY position",
                                         error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return outlay_store_fail (store, error);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 vsid = g_array_index (ids, gint64, i);

      if ((stmt = outlay_store_statement (store,
             "INSERT INTO sections (budget_id, position, code, name, fringe, import_id)"
             " SELECT ?1, position, code, name, fringe, import_id FROM version_sections"
             " WHERE id = ?2", error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, budget_id);
      sqlite3_bind_int64 (stmt, 2, vsid);
      if (!outlay_store_step_done (store, stmt, error)
          || (stmt = outlay_store_statement (store,
                "INSERT INTO lines (id, budget_id, section_id, position, " OUTLAY_STORE_LINE_VALUES
                ", import_id) SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM lines l WHERE l.id ="
                " v.line_id) THEN v.line_id END, ?1, ?2, position, " OUTLAY_STORE_LINE_VALUES
                ", import_id FROM version_lines v WHERE version_section_id = ?3 ORDER BY position",
                error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, budget_id);
      sqlite3_bind_int64 (stmt, 2, sqlite3_last_insert_rowid (outlay_store_get_db (store)));
      sqlite3_bind_int64 (stmt, 3, vsid);
      if (!outlay_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* A later import into the same budget that is still in, or NULL. */
static OutlayImportRecord *
later_import (OutlayStore *store, OutlayImportRecord *record, GError **error)
{
  g_autoptr(GPtrArray) list = query_records (store,
    "imports.budget_id = ?1 AND imports.status = 'done' AND undone IS NULL",
    outlay_import_record_get_budget_id (record), NULL, error);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      OutlayImportRecord *r = g_ptr_array_index (list, i);

      if (outlay_import_record_get_id (r) > outlay_import_record_get_id (record))
        return g_object_ref (r);
    }
  return NULL;
}

static gboolean
delete_imported_lines (OutlayStore *store, gint64 budget_id, gint64 import_id, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (store,
    "DELETE FROM lines WHERE budget_id = ?1 AND import_id = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  sqlite3_bind_int64 (stmt, 2, import_id);
  return outlay_store_step_done (store, stmt, error);
}

static gboolean
delete_empty_sections (OutlayStore *store, gint64 budget_id, gint64 import_id, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (store,
    "DELETE FROM sections WHERE budget_id = ?1 AND import_id IN"
    " (SELECT id FROM imports WHERE undone IS NOT NULL OR id = ?2)"
    " AND NOT EXISTS (SELECT 1 FROM lines WHERE section_id = sections.id)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  sqlite3_bind_int64 (stmt, 2, import_id);
  return outlay_store_step_done (store, stmt, error);
}

/* Tasks, purchase orders and bills find their lines again. */
static gboolean
restore_links (OutlayStore *store, gint64 import_id, gint64 budget_id, GError **error)
{
  static const char *const tables[] = { "tasks", "commitments", "bills" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "UPDATE %s SET line_id = l.line FROM (SELECT json_extract(value, '$[1]') AS id,"
        " json_extract(value, '$[2]') AS line FROM json_each((SELECT replaced_links FROM imports"
        " WHERE id = ?1)) WHERE json_extract(value, '$[0]') = '%s') AS l"
        " WHERE %s.id = l.id AND %s.line_id IS NULL"
        " AND EXISTS (SELECT 1 FROM lines WHERE lines.id = l.line AND budget_id = ?2)",
        tables[i], tables[i], tables[i], tables[i]);
      sqlite3_stmt *stmt = outlay_store_statement (store, g_intern_string (sql), error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, import_id);
      sqlite3_bind_int64 (stmt, 2, budget_id);
      if (!outlay_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* An import is undone once: its number keeps the name unique. */
static char *
undo_version_name (OutlayImportRecord *record)
{
  return g_strdup_printf (_("Before undoing import %" PRId64 " of %s"),
                             outlay_import_record_get_id (record),
                             outlay_import_record_get_file_name (record));
}

static gboolean
undo_in_transaction (OutlayStore *store, OutlayImportRecord *record, gint64 version_id,
                     OutlayDocument *current, GError **error)
{
  gint64 id = outlay_import_record_get_id (record);
  gint64 budget_id = outlay_import_record_get_budget_id (record);
  const char *mode = outlay_import_record_get_mode (record);
  g_autofree char *summary = g_strdup_printf ("{\"import_id\":%" G_GINT64_FORMAT "}", id);

  if (g_strcmp0 (mode, "new") == 0)
    {
      if (!exec_with_id (store, "DELETE FROM budgets WHERE id = ?", budget_id, error))
        return FALSE;
    }
  else if (g_strcmp0 (mode, "replace") == 0)
    {
      g_autofree char *name = undo_version_name (record);

      if ((current != NULL
           && !outlay_store_write_version (store, current, name,
                                           _("Saved by Outlay before an import was undone"),
                                           g_get_real_time () / G_USEC_PER_SEC, error))
          || !restore_version (store, version_id, budget_id, error)
          || !restore_links (store, id, budget_id, error))
        return FALSE;
    }
  else if (!delete_imported_lines (store, budget_id, id, error))
    return FALSE;
  /* sections an import made go when they are empty and their import is
   * undone, also when another import's lines kept them alive until now */
  if (g_strcmp0 (mode, "new") != 0 && !delete_empty_sections (store, budget_id, id, error))
    return FALSE;
  return exec_with_id (store, "UPDATE imports SET undone = strftime('%s') WHERE id = ?", id, error)
         && (g_strcmp0 (mode, "new") == 0
             || (exec_with_id (store, "UPDATE budgets SET modified = strftime('%s') WHERE id = ?",
                               budget_id, error)
                 && outlay_store_audit (store, budget_id, "import", id, "undo", NULL, NULL,
                                        summary, error)));
}

gboolean
outlay_store_undo_import (OutlayStore  *store,
                          gint64        import_id,
                          GError      **error)
{
  g_autoptr(OutlayImportRecord) record = NULL;
  g_autoptr(OutlayDocument) current = NULL;
  gint64 version_id = 0;

  g_return_val_if_fail (OUTLAY_IS_STORE (store), FALSE);

  if ((record = outlay_store_get_import (store, import_id, error)) == NULL)
    return FALSE;
  if (outlay_import_record_get_status (record) != OUTLAY_IMPORT_STATUS_DONE)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   outlay_import_record_get_status (record) == OUTLAY_IMPORT_STATUS_UNDONE
                     ? _("The import of “%s” was already undone")
                     : _("The import of “%s” did not finish, so there is nothing to undo"),
                   outlay_import_record_get_file_name (record));
      return FALSE;
    }
  if (outlay_import_record_get_budget_id (record) == 0)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                   _("The budget “%s” was imported into is gone"),
                   outlay_import_record_get_file_name (record));
      return FALSE;
    }
  if (!check_target (store, outlay_import_record_get_budget_id (record), TRUE, error))
    return FALSE;
  /* undoing a replace or a new budget takes every later line with it */
  if (g_strcmp0 (outlay_import_record_get_mode (record), "append") != 0)
    {
      g_autoptr(OutlayImportRecord) later = later_import (store, record, error);

      if (later != NULL)
        {
          g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                       _("“%s” was imported into this budget after “%s”. Undo that import "
                         "first."), outlay_import_record_get_file_name (later),
                       outlay_import_record_get_file_name (record));
          return FALSE;
        }
    }
  if (g_strcmp0 (outlay_import_record_get_mode (record), "replace") == 0)
    {
      /* edits made since are kept in a version, not lost */
      if ((current = outlay_store_load_document (store, outlay_import_record_get_budget_id (record),
                                                 error)) == NULL)
        return FALSE;
      version_id = query_int64 (store, "SELECT replaced_version_id FROM imports WHERE id = ?",
                                import_id, error);
      if (version_id < 0)
        return FALSE;
      if (version_id == 0)
        {
          g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                               _("The version saved before this import was deleted, so the "
                                 "replaced lines cannot come back"));
          return FALSE;
        }
    }
  if (!outlay_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!undo_in_transaction (store, record, version_id, current, error)
      || !outlay_store_exec (store, "COMMIT", error))
    {
      outlay_store_exec (store, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

/* ---- remembered mappings ---- */

gboolean
outlay_store_remember_mapping (OutlayStore  *store,
                               const char   *signature,
                               const char   *mapping,
                               GError      **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (store,
    "INSERT INTO import_mappings (signature, mapping, used) VALUES (?, ?, strftime('%s'))"
    " ON CONFLICT (signature) DO UPDATE SET mapping = excluded.mapping, used = excluded.used",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, signature, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, mapping, -1, SQLITE_TRANSIENT);
  return outlay_store_step_done (store, stmt, error);
}

char *
outlay_store_lookup_mapping (OutlayStore *store,
                             const char  *signature)
{
  sqlite3_stmt *stmt = outlay_store_statement (store,
    "SELECT mapping FROM import_mappings WHERE signature = ?", NULL);
  char *mapping = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, signature, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    mapping = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return mapping;
}
