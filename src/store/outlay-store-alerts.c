/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-store"

#include "config.h"

#include "outlay-store-alerts.h"
#include "outlay-store-private.h"

/**
 * outlay_store_get_spend_alert:
 * @self: a store
 * @budget_id: a budget
 * @level: (out): the level last remembered for it, -1 if none is (the
 *   budget was never looked at)
 * @error: why it failed
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_store_get_spend_alert (OutlayStore *self, gint64 budget_id, int *level, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), FALSE);
  g_return_val_if_fail (level != NULL, FALSE);

  stmt = outlay_store_statement (self, "SELECT level FROM spend_alerts WHERE budget_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  *level = -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *level = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return outlay_store_fail (self, error);
  return TRUE;
}

/**
 * outlay_store_set_spend_alert:
 * @self: a store
 * @budget_id: a budget
 * @level: the level to remember for it
 * @error: why it failed
 *
 * Not audited and not undone: it is what Outlay told the user, not part
 * of the budget.  A budget no longer in the database is let be.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_store_set_spend_alert (OutlayStore *self, gint64 budget_id, int level, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), FALSE);

  stmt = outlay_store_statement (self,
                                 "INSERT INTO spend_alerts (budget_id, level)"
                                 " SELECT id, ?2 FROM budgets WHERE id = ?1"
                                 " ON CONFLICT (budget_id) DO UPDATE SET level = excluded.level",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  sqlite3_bind_int (stmt, 2, level);
  return outlay_store_step_done (self, stmt, error);
}
