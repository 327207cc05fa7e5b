/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-store"

#include "config.h"

#include "outlay-store-advice.h"
#include "outlay-store-private.h"

void
outlay_advice_row_free (OutlayAdviceRow *row)
{
  if (row == NULL)
    return;
  g_free (row->kind);
  g_free (row->title);
  g_free (row->description);
  g_free (row->reasoning);
  g_free (row->line_code);
  g_free (row);
}

static gboolean
insert_row (OutlayStore *self,
            gint64 budget_id,
            const char *source,
            OutlayAdviceRow *row,
            GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "INSERT INTO recommendations (budget_id, kind, title, description, estimated_savings, "
      "confidence,"
      " priority, status, reasoning, source, patterns, created) VALUES (?, ?, ?, ?, ?, ?, ?, "
      "'new', ?, ?, ?, ?)",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  outlay_store_bind_text (stmt, 2, row->kind);
  outlay_store_bind_text (stmt, 3, row->title);
  outlay_store_bind_text (stmt, 4, row->description);
  sqlite3_bind_int64 (stmt, 5, row->savings);
  sqlite3_bind_int (stmt, 6, CLAMP (row->confidence, 0, 100));
  outlay_store_bind_text (stmt, 7, row->priority);
  outlay_store_bind_text (stmt, 8, row->reasoning);
  outlay_store_bind_text (stmt, 9, source);
  sqlite3_bind_null (stmt, 10);
  sqlite3_bind_int64 (stmt, 11, g_get_real_time () / G_USEC_PER_SEC);
  return outlay_store_step_done (self, stmt, error);
}

gboolean
outlay_store_save_advice (OutlayStore *self,
                          gint64 budget_id,
                          const char *source,
                          GPtrArray *rows,
                          GError **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), FALSE);
  g_return_val_if_fail (source != NULL && rows != NULL, FALSE);

  if (!outlay_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  stmt = outlay_store_statement (
      self, "DELETE FROM recommendations WHERE budget_id = ? AND source = ? AND status = 'new'",
      error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, budget_id);
      outlay_store_bind_text (stmt, 2, source);
      ok = outlay_store_step_done (self, stmt, error);
    }
  for (guint i = 0; ok && i < rows->len; i++)
    ok = insert_row (self, budget_id, source, g_ptr_array_index (rows, i), error);
  ok = ok && outlay_store_exec (self, "COMMIT", error);
  if (!ok)
    outlay_store_exec (self, "ROLLBACK", NULL);
  return ok;
}
