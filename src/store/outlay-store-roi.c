/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-store"

/* ROI snapshots: the budget's value against its cost at a moment, taken
 * by hand or, in the same transaction, when the budget's status changes,
 * so "approved" and "locked" each keep what the return looked like then. */

#include "config.h"

#include "outlay-store-roi.h"

#include <glib/gi18n-lib.h>

#include "outlay-store-private.h"

static gboolean
count_tasks (OutlayStore *self, gint64 budget_id, guint *done, guint *total, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self, "SELECT count(*), coalesce(sum(status = 'done'), 0) FROM tasks WHERE budget_id = ?1",
      error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *total = (guint) sqlite3_column_int64 (stmt, 0);
      *done = (guint) sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || outlay_store_fail (self, error);
}

/**
 * outlay_store_insert_roi_snapshot:
 * @self: a store, inside a write transaction
 * @document: the budget as it is now
 * @reason: "manual", or "status:NICK" for a change of status
 * @note: (nullable): the user's note
 * @error: why it failed
 *
 * Returns: (transfer full) (nullable): the snapshot written
 */
OutlayRoiSnapshot *
outlay_store_insert_roi_snapshot (OutlayStore *self,
                                  OutlayDocument *document,
                                  const char *reason,
                                  const char *note,
                                  GError **error)
{
  OutlayBudget *budget = outlay_document_get_budget (document);
  const OutlayTotals *totals = outlay_document_get_totals (document);
  OutlayDecimal expected = outlay_budget_get_expected_value (budget);
  OutlayDecimal realized = outlay_budget_get_realized_value (budget);
  OutlayDecimal cost = outlay_totals_get_roi_cost (totals, NULL);
  /* the return so far once value is realized, else the one expected */
  OutlayDecimal value = realized != 0 ? realized : expected;
  OutlayDecimal roi = 0;
  gint64 taken = g_get_real_time () / G_USEC_PER_SEC;
  guint done = 0, total = 0;
  sqlite3_stmt *stmt;

  if (!count_tasks (self, outlay_budget_get_id (budget), &done, &total, error))
    return NULL;
  outlay_decimal_roi_percent (value, cost, &roi);
  stmt = outlay_store_statement (
      self,
      "INSERT INTO roi_snapshots (budget_id, taken, cost, value, roi_percent, note,"
      " expected_value, realized_value, estimate, tasks_done, tasks_total, reason)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, outlay_budget_get_id (budget));
  sqlite3_bind_int64 (stmt, 2, taken);
  sqlite3_bind_int64 (stmt, 3, cost);
  sqlite3_bind_int64 (stmt, 4, value);
  sqlite3_bind_int64 (stmt, 5, roi);
  outlay_store_bind_text (stmt, 6, note);
  sqlite3_bind_int64 (stmt, 7, expected);
  sqlite3_bind_int64 (stmt, 8, realized);
  sqlite3_bind_int64 (stmt, 9, totals->estimate);
  sqlite3_bind_int64 (stmt, 10, done);
  sqlite3_bind_int64 (stmt, 11, total);
  outlay_store_bind_text (stmt, 12, reason);
  if (!outlay_store_step_done (self, stmt, error))
    return NULL;
  return g_object_new (OUTLAY_TYPE_ROI_SNAPSHOT, "id",
                       sqlite3_last_insert_rowid (outlay_store_get_db (self)), "budget-id",
                       outlay_budget_get_id (budget), "taken", taken, "cost", cost, "value", value,
                       "roi-percent", roi, "note", note, "expected-value", expected,
                       "realized-value", realized, "estimate", totals->estimate, "tasks-done", done,
                       "tasks-total", total, "reason", reason, NULL);
}

/**
 * outlay_store_take_roi_snapshot:
 * @self: a store
 * @document: the budget as it is now
 * @note: (nullable): what the user wants to remember about it
 * @error: why it failed
 *
 * Keeps the budget's expected and realized value, cost (spent and
 * committed, or the estimate while nothing is), return and tasks done.
 *
 * Returns: (transfer full) (nullable): the snapshot
 */
OutlayRoiSnapshot *
outlay_store_take_roi_snapshot (OutlayStore *self,
                                OutlayDocument *document,
                                const char *note,
                                GError **error)
{
  g_autoptr(OutlayRoiSnapshot) snapshot = NULL;
  gint64 budget_id = outlay_budget_get_id (outlay_document_get_budget (document));
  g_autofree char *id_text = NULL;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), NULL);
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (document), NULL);
  if (!outlay_store_exec (self, "BEGIN IMMEDIATE", error))
    return NULL;
  if ((snapshot = outlay_store_insert_roi_snapshot (self, document, "manual", note, error)) == NULL
      || !outlay_store_audit (self, budget_id, "roi_snapshot",
                              outlay_roi_snapshot_get_id (snapshot), "create", NULL, NULL,
                              (id_text = outlay_decimal_to_string_trim (
                                   outlay_roi_snapshot_get_roi_percent (snapshot))),
                              error)
      || !outlay_store_exec (self, "COMMIT", error))
    {
      outlay_store_exec (self, "ROLLBACK", NULL);
      return NULL;
    }
  return g_steal_pointer (&snapshot);
}

/**
 * outlay_store_list_roi_snapshots:
 * @self: a store
 * @budget_id: a budget
 * @error: why it failed
 *
 * Returns: (transfer container) (element-type OutlayRoiSnapshot) (nullable):
 *   the budget's snapshots, oldest first
 */
GPtrArray *
outlay_store_list_roi_snapshots (OutlayStore *self, gint64 budget_id, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), NULL);
  stmt = outlay_store_statement (
      self,
      "SELECT id, taken, cost, value, roi_percent, note, expected_value, realized_value, estimate,"
      " tasks_done, tasks_total, reason FROM roi_snapshots WHERE budget_id = ?1"
      " ORDER BY taken, id",
      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (
        list,
        g_object_new (OUTLAY_TYPE_ROI_SNAPSHOT, "id", sqlite3_column_int64 (stmt, 0), "budget-id",
                      budget_id, "taken", sqlite3_column_int64 (stmt, 1), "cost",
                      sqlite3_column_int64 (stmt, 2), "value", sqlite3_column_int64 (stmt, 3),
                      "roi-percent", sqlite3_column_int64 (stmt, 4), "note",
                      (const char *) sqlite3_column_text (stmt, 5), "expected-value",
                      sqlite3_column_int64 (stmt, 6), "realized-value",
                      sqlite3_column_int64 (stmt, 7), "estimate", sqlite3_column_int64 (stmt, 8),
                      "tasks-done", (guint) sqlite3_column_int64 (stmt, 9), "tasks-total",
                      (guint) sqlite3_column_int64 (stmt, 10), "reason",
                      (const char *) sqlite3_column_text (stmt, 11), NULL));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      outlay_store_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
