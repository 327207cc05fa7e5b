/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-store"

/* A budget's link to a Google spreadsheet: the spreadsheet and its tabs'
 * sheetIds, Drive's version at the last read, and each line's row as last
 * synced (the base of the three-way merge), written with the sync's edits
 * in one transaction.  Tokens never come here: they are in the keyring. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-error.h"
#include "outlay-store-private.h"
#include "outlay-store-sheets.h"

static void
row_free (OutlaySheetRow *row)
{
  g_strfreev (row->cells);
  g_free (row);
}

OutlaySheetLink *
outlay_sheet_link_new (gint64 budget_id)
{
  OutlaySheetLink *link = g_new0 (OutlaySheetLink, 1);

  link->budget_id = budget_id;
  link->used_rows = 1;
  link->grid_rows = 1000;
  link->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) row_free);
  return link;
}

void
outlay_sheet_link_free (OutlaySheetLink *link)
{
  if (link == NULL)
    return;
  g_free (link->spreadsheet_id);
  g_free (link->url);
  g_free (link->locale);
  g_free (link->drive_version);
  g_free (link->summary_key);
  g_hash_table_unref (link->rows);
  g_free (link);
}

void
outlay_sheet_link_set_row (OutlaySheetLink *link, gint64 line_id, guint row, char **cells)
{
  OutlaySheetRow *r = g_new0 (OutlaySheetRow, 1);

  r->line_id = line_id;
  r->row = row;
  r->cells = cells;
  /* the key lives in the value */
  g_hash_table_replace (link->rows, &r->line_id, r);
}

OutlaySheetRow *
outlay_sheet_link_get_row (OutlaySheetLink *link, gint64 line_id)
{
  return g_hash_table_lookup (link->rows, &line_id);
}

/* A row's cells as one text: each C-escaped (so no tab is left in it),
 * joined with tabs */
static char **
cells_from_text (const char *text)
{
  g_auto (GStrv) parts = g_strsplit (text ? text : "", "\t", -1);
  char **cells = g_new0 (char *, g_strv_length (parts) + 1);

  for (guint i = 0; parts[i]; i++)
    cells[i] = g_strcompress (parts[i]);
  return cells;
}

static char *
cells_to_text (char **cells)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; cells && cells[i]; i++)
    {
      g_autofree char *escaped = g_strescape (cells[i], NULL);

      if (i > 0)
        g_string_append_c (text, '\t');
      g_string_append (text, escaped);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

OutlaySheetLink *
outlay_store_sheets_get_link (OutlayStore *self, gint64 budget_id, GError **error)
{
  g_autoptr (OutlaySheetLink) link = NULL;
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT spreadsheet_id, url, summary_sheet, detail_sheet, locale, drive_version, used_rows,"
      " grid_rows, synced, summary_key, summary_rows FROM sheet_links WHERE budget_id = ?",
      error);
  int rc;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      link = outlay_sheet_link_new (budget_id);
      link->spreadsheet_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      link->url = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      link->summary_sheet = sqlite3_column_int64 (stmt, 2);
      link->detail_sheet = sqlite3_column_int64 (stmt, 3);
      link->locale = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      link->drive_version = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      link->used_rows = sqlite3_column_int (stmt, 6);
      link->grid_rows = sqlite3_column_int (stmt, 7);
      link->synced = sqlite3_column_int64 (stmt, 8);
      link->summary_key = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
      link->summary_rows = sqlite3_column_int (stmt, 10);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      outlay_store_fail (self, error);
      return NULL;
    }
  if (link == NULL)
    return NULL;
  stmt = outlay_store_statement (
      self, "SELECT line_id, row_index, cells FROM sheet_rows WHERE budget_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    outlay_sheet_link_set_row (link, sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1),
                               cells_from_text ((const char *) sqlite3_column_text (stmt, 2)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      outlay_store_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&link);
}

static gboolean
write_link (OutlayStore *self, OutlaySheetLink *link, GError **error)
{
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  OutlaySheetRow *row;

  stmt = outlay_store_statement (self, "DELETE FROM sheet_links WHERE budget_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, link->budget_id);
  if (!outlay_store_step_done (self, stmt, error))
    return FALSE;
  stmt = outlay_store_statement (
      self,
      "INSERT INTO sheet_links (budget_id, spreadsheet_id, url, summary_sheet, detail_sheet,"
      " locale, drive_version, used_rows, grid_rows, synced, summary_key, summary_rows)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, link->budget_id);
  outlay_store_bind_text (stmt, 2, link->spreadsheet_id);
  outlay_store_bind_text (stmt, 3, link->url);
  sqlite3_bind_int64 (stmt, 4, link->summary_sheet);
  sqlite3_bind_int64 (stmt, 5, link->detail_sheet);
  outlay_store_bind_text (stmt, 6, link->locale);
  outlay_store_bind_text (stmt, 7, link->drive_version);
  sqlite3_bind_int (stmt, 8, link->used_rows);
  sqlite3_bind_int (stmt, 9, link->grid_rows);
  sqlite3_bind_int64 (stmt, 10, link->synced);
  outlay_store_bind_text (stmt, 11, link->summary_key);
  sqlite3_bind_int (stmt, 12, link->summary_rows);
  if (!outlay_store_step_done (self, stmt, error))
    return FALSE;
  stmt = outlay_store_statement (
      self, "INSERT INTO sheet_rows (budget_id, line_id, row_index, cells) VALUES (?, ?, ?, ?)",
      error);
  if (stmt == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, link->rows);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
    {
      g_autofree char *cells = cells_to_text (row->cells);

      sqlite3_bind_int64 (stmt, 1, link->budget_id);
      sqlite3_bind_int64 (stmt, 2, row->line_id);
      sqlite3_bind_int (stmt, 3, row->row);
      sqlite3_bind_text (stmt, 4, cells, -1, SQLITE_TRANSIENT);
      if (!outlay_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* In the caller's transaction when one is open, else in one of our own */
static gboolean
in_transaction (OutlayStore *self,
                gboolean (*func) (OutlayStore *, gpointer, GError **),
                gpointer data,
                GError **error)
{
  gboolean own = sqlite3_get_autocommit (outlay_store_get_db (self));

  if (own && !outlay_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!func (self, data, error))
    {
      if (own)
        outlay_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  return !own || outlay_store_exec (self, "COMMIT", error);
}

static gboolean
write_link_cb (OutlayStore *self, gpointer data, GError **error)
{
  return write_link (self, data, error);
}

gboolean
outlay_store_sheets_save_link (OutlayStore *self, OutlaySheetLink *link, GError **error)
{
  g_return_val_if_fail (OUTLAY_IS_STORE (self), FALSE);
  g_return_val_if_fail (link != NULL && link->spreadsheet_id != NULL, FALSE);
  return in_transaction (self, write_link_cb, link, error);
}

char *
outlay_store_sheets_get_url (OutlayStore *self, gint64 budget_id, gint64 *synced)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self, "SELECT url, synced FROM sheet_links WHERE budget_id = ?", NULL);
  char *url = NULL;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      url = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (synced)
        *synced = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  return url;
}

gboolean
outlay_store_sheets_unlink (OutlayStore *self, gint64 budget_id, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (self, "DELETE FROM sheet_links WHERE budget_id = ?",
                                               error);

  g_return_val_if_fail (OUTLAY_IS_STORE (self), FALSE);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  if (!outlay_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (outlay_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                           _("This budget is not linked to a Google spreadsheet."));
      return FALSE;
    }
  return TRUE;
}

gboolean
outlay_store_sheets_journal (OutlayStore *self,
                             gint64 budget_id,
                             const char *summary,
                             GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self, "INSERT INTO sheet_journal (budget_id, at, summary) VALUES (?, ?, ?)", error);

  g_return_val_if_fail (OUTLAY_IS_STORE (self), FALSE);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  outlay_store_bind_text (stmt, 3, summary);
  return outlay_store_step_done (self, stmt, error);
}

GPtrArray *
outlay_store_sheets_get_journal (OutlayStore *self, gint64 budget_id, guint limit, GError **error)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = outlay_store_statement (
      self, "SELECT summary FROM sheet_journal WHERE budget_id = ? ORDER BY id DESC LIMIT ?",
      error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  sqlite3_bind_int (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (lines, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      outlay_store_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&lines);
}
