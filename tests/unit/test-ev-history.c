/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Earned value from the tasks' status history (migration 17): the weekly
 * cost indexes and the EAC range from a crafted history, figured by hand;
 * the sums the triggers keep against the history they come from, through
 * SQL, the Tasks page's document and a ClickUp sync; the backfill of a
 * database made before the history; the forecast alone against the
 * dashboard's; and the cost trend's plan from the lines' phasing. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <sys/wait.h>

#include "outlay-dashboard-charts.h"
#include "outlay-dashboard-load.h"
#include "outlay-document-tasks.h"
#include "outlay-schema.h"
#include "outlay-store-clickup.h"
#include "outlay-store-dashboard.h"
#include "outlay-store-private.h"
#include "outlay-test-util.h"

#define D(n) OUTLAY_DECIMAL_FROM_INT (n)

/* The kept sums as they should be, from the tasks and their history:
 * rows of (budget, day, tasks, resource, planned, earned), none all zero. */
#define RECOMPUTED                                                                                 \
  "SELECT budget_id, day, sum(n), sum(r), sum(pl), sum(e) FROM ("                                  \
  " SELECT budget_id, ifnull(date(due_date), '') AS day, 1 AS n, resource_cost AS r,"              \
  " CASE WHEN status != 'cancelled' THEN estimated_cost ELSE 0 END AS pl, 0 AS e"                  \
  " FROM tasks WHERE deleted = 0 UNION ALL"                                                        \
  " SELECT t.budget_id, p.day, 0, 0, 0,"                                                           \
  " p.earned - ifnull(lag(p.earned) OVER (PARTITION BY p.task_id ORDER BY p.day), 0)"              \
  " FROM task_progress p JOIN tasks t ON t.id = p.task_id WHERE t.deleted = 0)"                    \
  " GROUP BY 1, 2 HAVING sum(n) != 0 OR sum(r) != 0 OR sum(pl) != 0 OR sum(e) != 0"
#define KEPT                                                                                       \
  "SELECT budget_id, day, tasks, resource, planned, earned FROM task_day_totals"                   \
  " WHERE tasks != 0 OR resource != 0 OR planned != 0 OR earned != 0"

typedef struct
{
  char *dir;
  char *path;
  OutlayStore *store;
  guint32 today;
} Fixture;

static void
exec (Fixture *f, const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (outlay_store_exec (f->store, sql, &error));
  g_assert_no_error (error);
}

static char *
day (Fixture *f, int offset)
{
  GDate date;
  char text[11];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, f->today + offset);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  return g_strdup (text);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = outlay_test_make_dir ();
  f->path = g_build_filename (f->dir, "ev.db", NULL);
  f->store = outlay_store_open (f->path, &error);
  g_assert_no_error (error);
  f->today = outlay_dashboard_today ();
  exec (f, "INSERT INTO budgets (id, name, currency, created, modified) VALUES"
           " (1, 'Launch', 'USD', 0, 0), (2, 'Other', 'USD', 0, 0);"
           "INSERT INTO people (id, name) VALUES (1, 'Ann');");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  outlay_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* The kept sums agree with the history they come from, row for row, and
 * each task's last day of history holds its status and earned value. */
static void
assert_sums_kept (Fixture *f)
{
  sqlite3 *db = outlay_store_get_db (f->store);

  g_assert_cmpint (
      outlay_test_query_int (db, "SELECT count(*) FROM (" KEPT " EXCEPT " RECOMPUTED ")"), ==, 0);
  g_assert_cmpint (
      outlay_test_query_int (db, "SELECT count(*) FROM (" RECOMPUTED " EXCEPT " KEPT ")"), ==, 0);
  g_assert_cmpint (
      outlay_test_query_int (
          db, "SELECT count(*) FROM tasks t JOIN task_progress p ON p.task_id = t.id"
              " AND p.day = (SELECT max(day) FROM task_progress WHERE task_id = t.id)"
              " WHERE p.status != t.status OR p.earned != CASE WHEN t.status = 'cancelled'"
              " THEN 0 WHEN t.percent_complete IS NOT NULL"
              " THEN t.estimated_cost * t.percent_complete / 100 WHEN t.status = 'done'"
              " THEN t.estimated_cost WHEN t.status = 'in-progress' THEN t.estimated_cost / 2"
              " ELSE 0 END"),
      ==, 0);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM tasks WHERE id NOT IN"
                                              " (SELECT task_id FROM task_progress)"),
                   ==, 0);
}

static OutlayDashboard *
load (Fixture *f, gint64 budget)
{
  g_autoptr(GError) error = NULL;
  OutlayDashboard *d = outlay_dashboard_load (f->store, budget, f->today, 30, &error);

  g_assert_no_error (error);
  g_assert_nonnull (d);
  return d;
}

static OutlayDashboard *
load_forecast (Fixture *f, gint64 budget)
{
  g_autoptr(GError) error = NULL;
  OutlayDashboard *d = outlay_forecast_load (f->store, budget, f->today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (d);
  return d;
}

/* Task A (100) started 20 days ago and was done 10 days ago; task B
 * (200) started 3 days ago.  A is due 5 days ago, B in 10 days.  Time:
 * 40 fifteen days ago, 50 nine days ago, 125 two days ago. */
static void
craft_history (Fixture *f)
{
  g_autofree char *m20 = day (f, -20), *m15 = day (f, -15), *m10 = day (f, -10);
  g_autofree char *m9 = day (f, -9), *m5 = day (f, -5), *m3 = day (f, -3), *m2 = day (f, -2);
  g_autofree char *p10 = day (f, 10);
  g_autofree char *sql = g_strdup_printf (
      "INSERT INTO tasks (id, budget_id, name, status, estimated_cost, due_date) VALUES"
      " (1, 1, 'A', 'done', 1000000, '%s'), (2, 1, 'B', 'in-progress', 2000000, '%s');"
      "INSERT INTO time_entries (task_id, person_id, date, hours, rate, cost) VALUES"
      " (1, 1, '%s', 40000, 100000, 400000), (1, 1, '%s', 50000, 100000, 500000),"
      " (2, 1, '%s', 125000, 100000, 1250000);"
      /* the history as it happened, and the sums kept from it */
      "DELETE FROM task_progress;"
      "INSERT INTO task_progress (task_id, day, status, earned) VALUES"
      " (1, '%s', 'in-progress', 500000), (1, '%s', 'done', 1000000),"
      " (2, '%s', 'in-progress', 1000000);"
      "UPDATE task_day_totals SET earned = 0;"
      "INSERT INTO task_day_totals (budget_id, day, earned)"
      " SELECT budget_id, day, sum(e) FROM (SELECT t.budget_id, p.day,"
      " p.earned - ifnull(lag(p.earned) OVER (PARTITION BY p.task_id ORDER BY p.day), 0) AS e"
      " FROM task_progress p JOIN tasks t ON t.id = p.task_id WHERE t.deleted = 0)"
      " WHERE true GROUP BY 1, 2 ON CONFLICT DO UPDATE SET earned = earned + excluded.earned;",
      m5, p10, m15, m9, m2, m20, m10, m3);

  exec (f, sql);
  assert_sums_kept (f);
}

static void
test_weeks_and_range (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayDashboard) d = NULL;
  g_autofree OutlayEvmPeriod *weeks = NULL;
  guint n_weeks = 0;

  craft_history (f);
  d = load (f, 1);

  /* BAC 300, PV 100 (A due), EV 100 + 100, AC 40 + 50 + 125 */
  g_assert_true (d->has_evm);
  g_assert_cmpint (d->evm.bac, ==, D (300));
  g_assert_cmpint (d->evm.pv, ==, D (100));
  g_assert_cmpint (d->evm.ev, ==, D (200));
  g_assert_cmpint (d->evm.ac, ==, D (215));
  g_assert_cmpint (d->evm.spi, ==, D (2));
  g_assert_cmpuint (d->facts->n_tasks, ==, 2);

  /* the weeks ending today: A's start and 40 of cost, A's end and 50, B's
   * start and 125 */
  g_assert_true (outlay_dashboard_weekly (d->facts, &weeks, &n_weeks));
  g_assert_cmpuint (n_weeks, ==, 3);
  g_assert_cmpint (weeks[0].ev, ==, D (50));
  g_assert_cmpint (weeks[0].ac, ==, D (40));
  g_assert_cmpint (weeks[1].ev, ==, D (50));
  g_assert_cmpint (weeks[1].ac, ==, D (50));
  g_assert_cmpint (weeks[2].ev, ==, D (100));
  g_assert_cmpint (weeks[2].ac, ==, D (125));

  /* weekly CPIs 1.25, 1 and 0.8: their logarithms ±0.2231 and 0, mean 0,
   * σ 0.2231, σ/√3 0.1288; 1.2816 × 0.1288 = 0.1651, so the indexes are
   * e^0.1651 = 1.1795, 1 and e^−0.1651 = 0.8478, and the final cost
   * 215 + 100 ÷ CPI: 299.78, 315 and 332.95 */
  g_assert_true (d->has_range);
  g_assert_cmpuint (d->range.n, ==, 3);
  g_assert_cmpint (d->range.cpi_p10, ==, 11795);
  g_assert_cmpint (d->range.cpi_p50, ==, 10000);
  g_assert_cmpint (d->range.cpi_p90, ==, 8478);
  g_assert_cmpint (outlay_decimal_round (d->range.eac_p10, 2), ==, 2997800);
  g_assert_cmpint (d->range.eac_p50, ==, D (315));
  g_assert_cmpint (outlay_decimal_round (d->range.eac_p90, 2), ==, 3329500);
}

static void
test_triggers_keep_sums (Fixture *f, gconstpointer data)
{
  exec (f, "INSERT INTO tasks (id, budget_id, name, status, estimated_cost, resource_cost,"
           " due_date) VALUES (1, 1, 'A', 'todo', 1000000, 50000, '2026-01-10'),"
           " (2, 1, 'B', 'in-progress', 300001, 0, NULL),"
           " (3, 2, 'C', 'done', 700000, 0, '2026-02-01')");
  assert_sums_kept (f);
  exec (f, "UPDATE tasks SET status = 'in-progress' WHERE id = 1");
  assert_sums_kept (f);
  exec (f, "UPDATE tasks SET status = 'done', estimated_cost = 1200000 WHERE id = 1");
  assert_sums_kept (f);
  exec (f, "UPDATE tasks SET estimated_cost = 500000, due_date = '2026-03-01' WHERE id = 2");
  assert_sums_kept (f);
  exec (f, "UPDATE tasks SET status = 'cancelled' WHERE id = 2");
  assert_sums_kept (f);
  /* deleted (kept for undo), restored, moved to another budget */
  exec (f, "UPDATE tasks SET deleted = 1 WHERE id = 1");
  assert_sums_kept (f);
  exec (f, "UPDATE tasks SET deleted = 0 WHERE id = 1");
  assert_sums_kept (f);
  exec (f, "UPDATE tasks SET budget_id = 2 WHERE id = 1");
  assert_sums_kept (f);
  /* moved, deleted or restored and given a new status or percent in one
   * statement, as a ClickUp sync does */
  exec (f, "UPDATE tasks SET budget_id = 1, status = 'in-progress' WHERE id = 1");
  assert_sums_kept (f);
  exec (f, "UPDATE tasks SET deleted = 1, status = 'done' WHERE id = 1");
  assert_sums_kept (f);
  exec (f, "UPDATE tasks SET deleted = 0, percent_complete = 30 WHERE id = 1");
  assert_sums_kept (f);
  exec (f, "UPDATE tasks SET budget_id = 2, status = 'todo', percent_complete = NULL"
           " WHERE id = 1");
  assert_sums_kept (f);
  exec (f, "DELETE FROM tasks WHERE id = 3");
  assert_sums_kept (f);
  exec (f, "DELETE FROM budgets WHERE id = 2");
  assert_sums_kept (f);
  g_assert_cmpint (
      outlay_test_query_int (outlay_store_get_db (f->store), "SELECT count(*) FROM task_progress"),
      ==, 1);
}

static int
history_rows (Fixture *f, gint64 task, const char *status)
{
  g_autofree char *today = day (f, 0);
  g_autofree char *sql = g_strdup_printf (
      "SELECT count(*) FROM task_progress WHERE task_id = %" G_GINT64_FORMAT
      " AND day = '%s' AND status = '%s'",
      task, today, status);

  return outlay_test_query_int (outlay_store_get_db (f->store), sql);
}

/* The Tasks page changes a task through the document, which writes the
 * store: the change lands in the history, and undo takes it back the
 * same day (one row a day). */
static void
test_document_path (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(OutlayTask) edited = NULL;
  g_autoptr(OutlayDashboard) before = NULL;
  g_autoptr(OutlayDashboard) after = NULL;
  OutlayTask *task;

  exec (f, "INSERT INTO tasks (id, budget_id, name, status, estimated_cost) VALUES"
           " (1, 1, 'Script', 'todo', 1000000)");
  doc = outlay_store_load_document (f->store, 1, &error);
  g_assert_no_error (error);
  task = outlay_document_get_task (doc, 0);
  before = load_forecast (f, 1);
  g_assert_cmpint (before->evm.ev, ==, 0);

  edited = outlay_task_copy (task);
  g_object_set (edited, "status", OUTLAY_TASK_STATUS_DONE, NULL);
  g_assert_true (outlay_document_update_task (doc, task, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpint (history_rows (f, 1, "done"), ==, 1);
  assert_sums_kept (f);
  after = load_forecast (f, 1);
  g_assert_cmpint (after->evm.ev, ==, D (100));

  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_cmpint (history_rows (f, 1, "done"), ==, 0);
  g_assert_cmpint (history_rows (f, 1, "todo"), ==, 1);
  assert_sums_kept (f);
}

/* Percent complete (migration 18), by hand: BAC 100 from two tasks of 50,
 * one to do but 40 % done (20), one in progress without a percent (half,
 * 25): EV 45.  A change of percent lands in the day's history and the
 * kept sums follow; a cancelled task earns nothing whatever its percent;
 * the database refuses a percent outside 0-100. */
static void
test_percent_complete (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayDashboard) d = NULL;
  g_autoptr(OutlayDashboard) forecast = NULL;
  g_autoptr(OutlayDashboard) later = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = day (f, 0);
  g_autofree char *sql = NULL;
  sqlite3 *db = outlay_store_get_db (f->store);

  exec (f, "INSERT INTO tasks (id, budget_id, name, status, estimated_cost, percent_complete)"
           " VALUES (1, 1, 'A', 'todo', 500000, 40), (2, 1, 'B', 'in-progress', 500000, NULL)");
  assert_sums_kept (f);
  d = load (f, 1);
  forecast = load_forecast (f, 1);
  g_assert_cmpint (d->evm.bac, ==, D (100));
  g_assert_cmpint (d->evm.ev, ==, D (45));
  g_assert_cmpint (forecast->evm.ev, ==, D (45));

  /* B is given 60 %: 30 instead of half, in today's history */
  exec (f, "UPDATE tasks SET percent_complete = 60 WHERE id = 2");
  assert_sums_kept (f);
  sql = g_strdup_printf ("SELECT earned FROM task_progress WHERE task_id = 2 AND day = '%s'",
                         today);
  g_assert_cmpint (outlay_test_query_int (db, sql), ==, 300000);
  later = load_forecast (f, 1);
  g_assert_cmpint (later->evm.ev, ==, D (50));
  g_clear_pointer (&later, outlay_dashboard_free);

  /* cleared again: back to the status rule */
  exec (f, "UPDATE tasks SET percent_complete = NULL WHERE id = 2");
  assert_sums_kept (f);
  later = load_forecast (f, 1);
  g_assert_cmpint (later->evm.ev, ==, D (45));
  g_clear_pointer (&later, outlay_dashboard_free);

  /* cancelled: nothing earned, nothing planned */
  exec (f, "UPDATE tasks SET status = 'cancelled', percent_complete = 100 WHERE id = 1");
  assert_sums_kept (f);
  later = load (f, 1);
  g_assert_cmpint (later->evm.bac, ==, D (50));
  g_assert_cmpint (later->evm.ev, ==, D (25));

  g_assert_false (
      outlay_store_exec (f->store, "UPDATE tasks SET percent_complete = 101 WHERE id = 2", &error));
  g_clear_error (&error);
  g_assert_false (
      outlay_store_exec (f->store, "UPDATE tasks SET percent_complete = -1 WHERE id = 2", &error));
  g_clear_error (&error);
  assert_sums_kept (f);
}

/* outlay_task_earned() and the triggers' SQL give the same value for
 * every status, a spread of percents and estimates that do not divide
 * evenly. */
static void
test_rule_matches_sql (Fixture *f, gconstpointer data)
{
  static const char *const statuses[] = { "todo", "in-progress", "done", "cancelled" };
  static const int percents[] = { -1, 0, 1, 33, 50, 99, 100 };
  static const gint64 costs[] = {
    0, 1, 99, 101, 300001, 123456789, G_GINT64_CONSTANT (9000000000000000000)
  };
  sqlite3 *db = outlay_store_get_db (f->store);
  gint64 id = 0;

  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    for (guint p = 0; p < G_N_ELEMENTS (percents); p++)
      for (guint c = 0; c < G_N_ELEMENTS (costs); c++)
        {
          g_autofree char *percent = percents[p] < 0 ? g_strdup ("NULL")
                                                     : g_strdup_printf ("%d", percents[p]);
          g_autofree char *insert = g_strdup_printf (
              "INSERT INTO tasks (id, budget_id, name, status, estimated_cost, percent_complete)"
              " VALUES (%" G_GINT64_FORMAT ", 1, 'T', '%s', %" G_GINT64_FORMAT ", %s)",
              ++id, statuses[s], costs[c], percent);
          g_autofree char *query = g_strdup_printf (
              "SELECT earned FROM task_progress WHERE task_id = %" G_GINT64_FORMAT, id);
          sqlite3_stmt *stmt = NULL;

          exec (f, insert);
          g_assert_cmpint (sqlite3_prepare_v2 (db, query, -1, &stmt, NULL), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
          g_assert_cmpint (sqlite3_column_type (stmt, 0), ==, SQLITE_INTEGER);
          g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==,
                           outlay_task_earned (costs[c], (OutlayTaskStatus) s, percents[p]));
          sqlite3_finalize (stmt);
        }
  g_assert_cmpint (outlay_task_earned (D (50), OUTLAY_TASK_STATUS_TODO, 40), ==, D (20));
  g_assert_cmpint (outlay_task_earned (D (50), OUTLAY_TASK_STATUS_IN_PROGRESS, -1), ==, D (25));
  g_assert_cmpint (outlay_task_earned (D (50), OUTLAY_TASK_STATUS_DONE, 0), ==, 0);
  g_assert_cmpint (outlay_task_earned (D (50), OUTLAY_TASK_STATUS_CANCELLED, 100), ==, 0);
}

/* The Tasks page's edit path for percent complete: one undoable step
 * through the document, saved by the store and loaded back, in the
 * history the same day. */
static void
test_document_percent (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(OutlayDocument) again = NULL;
  g_autoptr(OutlayTask) edited = NULL;
  g_autoptr(OutlayTask) copy = NULL;
  g_autoptr(OutlayDashboard) after = NULL;
  g_autoptr(OutlayDashboard) undone = NULL;
  OutlayTask *task;

  exec (f, "INSERT INTO tasks (id, budget_id, name, status, estimated_cost) VALUES"
           " (1, 1, 'Script', 'in-progress', 1000000)");
  doc = outlay_store_load_document (f->store, 1, &error);
  g_assert_no_error (error);
  task = outlay_document_get_task (doc, 0);
  g_assert_cmpint (outlay_task_get_percent_complete (task), ==, -1);

  edited = outlay_task_copy (task);
  g_object_set (edited, "percent-complete", 30, NULL);
  copy = outlay_task_copy (edited);
  g_assert_cmpint (outlay_task_get_percent_complete (copy), ==, 30);
  g_assert_true (outlay_document_update_task (doc, task, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_task_get_percent_complete (task), ==, 30);
  g_assert_cmpint (history_rows (f, 1, "in-progress"), ==, 1);
  assert_sums_kept (f);
  after = load_forecast (f, 1);
  g_assert_cmpint (after->evm.ev, ==, D (30));
  again = outlay_store_load_document (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_task_get_percent_complete (outlay_document_get_task (again, 0)), ==, 30);

  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_cmpint (outlay_task_get_percent_complete (task), ==, -1);
  assert_sums_kept (f);
  undone = load_forecast (f, 1);
  g_assert_cmpint (undone->evm.ev, ==, D (50));
  g_assert_cmpint (
      outlay_test_query_int (outlay_store_get_db (f->store),
                             "SELECT count(*) FROM tasks WHERE percent_complete IS NULL"),
      ==, 1);
}

static void
apply_clickup (Fixture *f, const char *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayClickupBatch) batch = outlay_clickup_batch_new (1, "list-1");
  OutlayClickupTaskRow *row = g_new0 (OutlayClickupTaskRow, 1);
  OutlayClickupSummary summary = { 0 };

  row->external_id = g_strdup ("cu-1");
  row->name = g_strdup ("Edit");
  row->status = status;
  row->estimated_hours = D (10);
  row->updated_ms = g_str_equal (status, "done") ? 2000 : 1000;
  g_ptr_array_add (batch->tasks, row);
  batch->complete = TRUE;
  g_assert_true (outlay_store_clickup_apply (f->store, batch, &summary, &error));
  g_assert_no_error (error);
  outlay_clickup_summary_clear (&summary);
}

/* A ClickUp sync inserts and updates tasks in the store directly: its
 * statuses land in the history too. */
static void
test_clickup_path (Fixture *f, gconstpointer data)
{
  gint64 id;

  apply_clickup (f, "in-progress");
  id = outlay_test_query_int (outlay_store_get_db (f->store),
                              "SELECT id FROM tasks WHERE external_id = 'cu-1'");
  g_assert_cmpint (history_rows (f, id, "in-progress"), ==, 1);
  apply_clickup (f, "done");
  g_assert_cmpint (history_rows (f, id, "in-progress"), ==, 0);
  g_assert_cmpint (history_rows (f, id, "done"), ==, 1);
  assert_sums_kept (f);
}

/* A database from before the history: each task gets one row, on the day
 * of its last logged hour, else its past due date, else today. */
static void
test_backfill (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = outlay_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *today = NULL;
  sqlite3 *db = NULL;
  GDate date;
  char text[11];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, outlay_dashboard_today ());
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  today = g_strdup (text);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (outlay_schema_migrate (db, 16, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (
      sqlite3_exec (
          db,
          "INSERT INTO budgets (id, name, created, modified) VALUES (1, 'Old', 0, 0);"
          "INSERT INTO tasks (id, budget_id, name, status, estimated_cost, due_date, deleted)"
          " VALUES (1, 1, 'Logged', 'done', 1000000, '2025-06-01', 0),"
          " (2, 1, 'Was due', 'in-progress', 400000, '2025-01-05', 0),"
          " (3, 1, 'Due later', 'done', 200000, '9999-01-01', 0),"
          " (4, 1, 'Not begun', 'todo', 300000, NULL, 0),"
          " (5, 1, 'Deleted', 'done', 900000, NULL, 1);"
          "INSERT INTO time_entries (task_id, date, hours, cost) VALUES"
          " (1, '2025-03-01', 10000, 100000), (1, '2025-03-10', 10000, 100000);",
          NULL, NULL, NULL),
      ==, SQLITE_OK);
  g_assert_true (outlay_schema_migrate (db, OUTLAY_SCHEMA_VERSION, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM task_progress"), ==, 5);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM task_progress WHERE"
                                              " task_id = 1 AND day = '2025-03-10'"
                                              " AND status = 'done' AND earned = 1000000"),
                   ==, 1);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM task_progress WHERE"
                                              " task_id = 2 AND day = '2025-01-05'"
                                              " AND earned = 200000"),
                   ==, 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM task_progress WHERE"
                                            " task_id IN (3, 4, 5) AND day = '%s'",
                                            today);

    g_assert_cmpint (outlay_test_query_int (db, sql), ==, 3);
  }
  /* the kept sums leave the deleted task out */
  g_assert_cmpint (outlay_test_query_int (db, "SELECT sum(earned) FROM task_day_totals"), ==,
                   1000000 + 200000 + 200000);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT sum(planned) FROM task_day_totals"), ==,
                   1900000);
  g_assert_cmpint (
      outlay_test_query_int (db, "SELECT count(*) FROM (" KEPT " EXCEPT " RECOMPUTED ")"), ==, 0);
  g_assert_cmpint (
      outlay_test_query_int (db, "SELECT count(*) FROM (" RECOMPUTED " EXCEPT " KEPT ")"), ==, 0);
  sqlite3_close (db);
  outlay_test_remove_dir (dir);
}

static char *
run_cli (Fixture *f, const char *command, const char *budget)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  const char *argv[] = {
    g_getenv ("OUTLAY_CLI"), "--database", f->path, command, budget, "--json", NULL
  };
  int status = 0;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_no_error (error);
  g_test_message ("%s", err);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  return out;
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* outlay-cli forecast reads its own sums; the dashboard (the page and
 * outlay-cli dashboard) reads everything: both give the same forecast. */
static void
test_forecast_matches_dashboard (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayDashboard) d = NULL;
  g_autoptr(OutlayDashboard) fc = NULL;
  g_autoptr(OutlayDashboard) again = NULL;
  g_autoptr(JsonNode) dash = NULL;
  g_autoptr(JsonNode) fore = NULL;
  g_autofree char *dash_text = NULL, *fore_text = NULL;
  OutlayFactsSnapshot then = { 0 };
  g_autoptr(GError) error = NULL;

  craft_history (f);
  /* a cancelled task and a deleted one count in neither */
  exec (f, "INSERT INTO tasks (id, budget_id, name, status, estimated_cost, resource_cost)"
           " VALUES (3, 1, 'Dropped', 'cancelled', 5000000, 70000),"
           " (4, 1, 'Gone', 'done', 9000000, 0); UPDATE tasks SET deleted = 1 WHERE id = 4");
  then.day = f->today - 40;
  then.eac_typical = D (250);
  g_assert_true (outlay_store_put_forecast (f->store, 1, &then, &error));
  g_assert_no_error (error);

  d = load (f, 1);
  fc = load_forecast (f, 1);
  g_assert_cmpint (d->evm.ac, ==, D (222));
  g_assert_cmpint (memcmp (&d->evm, &fc->evm, sizeof d->evm), ==, 0);
  g_assert_cmpint (d->has_range, ==, fc->has_range);
  g_assert_cmpint (memcmp (&d->range, &fc->range, sizeof d->range), ==, 0);
  g_assert_cmpuint (d->facts->n_tasks, ==, fc->facts->n_tasks);
  g_assert_true (fc->facts->has_snapshot_then);
  g_assert_cmpint (memcmp (&d->facts->snapshot_then, &fc->facts->snapshot_then, sizeof then), ==,
                   0);
  g_assert_cmpint (memcmp (&d->snapshot, &fc->snapshot, sizeof then), ==, 0);

  /* and outlay-cli's two commands print the same forecast */
  dash = parse (dash_text = run_cli (f, "dashboard", "1"));
  fore = parse (fore_text = run_cli (f, "forecast", "1"));
  {
    JsonNode *member = json_object_get_member (json_node_get_object (dash), "forecast");
    g_autofree char *a = json_to_string (member, FALSE);
    g_autofree char *b = json_to_string (fore, FALSE);

    g_assert_cmpstr (a, ==, b);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (fore), "ev"), ==,
                     "200.00");
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (fore), "ac"), ==,
                     "222.00");
  }
  again = load_forecast (f, 1);
  g_assert_cmpint (memcmp (&again->evm, &fc->evm, sizeof fc->evm), ==, 0);
}

/* No task gives a plan: the lines' phasing does, each month's amount
 * spread over its days; without a fiscal year there is no plan at all. */
static void
test_plan_from_phasing (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayDashboard) d = NULL;
  g_autoptr(OutlayDashboard) none = NULL;
  g_autoptr(OutlayChart) chart = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  JsonObject *plan;
  GDate date;
  guint32 jan31, feb28;

  /* 300 spread evenly over January to March, 90 all in March */
  exec (f, "UPDATE budgets SET fiscal_start = '2025-01-01', fiscal_end = '2025-03-31'"
           " WHERE id = 1;"
           "INSERT INTO sections (id, budget_id, position, code, name) VALUES (1, 1, 0, 'A', 'A'),"
           " (2, 2, 0, 'A', 'A');"
           "INSERT INTO lines (id, budget_id, section_id, position, description, estimate) VALUES"
           " (1, 1, 1, 0, 'Even', 3000000), (2, 1, 1, 1, 'March', 900000),"
           " (3, 2, 2, 0, 'Unphased', 1000000);"
           "INSERT INTO line_phasing (line_id, method, weights) VALUES"
           " (2, 'amounts', '0 0 900000');"
           /* a task without a due date plans nothing */
           "INSERT INTO tasks (budget_id, name, estimated_cost) VALUES (1, 'Undated', 10000)");
  d = load (f, 1);
  g_assert_cmpint (d->plan_basis, ==, OUTLAY_PLAN_PHASING);
  g_assert_nonnull (d->trend_planned);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 2025);
  g_assert_cmpuint (d->trend_first, ==, g_date_get_julian (&date));
  jan31 = g_date_get_julian (&date) + 30;
  feb28 = jan31 + 28;
  g_assert_cmpint (d->trend_planned[0], ==, 32258); /* 100 ÷ 31 */
  g_assert_cmpint (d->trend_planned[jan31 - d->trend_first], ==, D (100));
  g_assert_cmpint (d->trend_planned[feb28 - d->trend_first], ==, D (200));
  g_assert_cmpint (d->trend_planned[feb28 + 31 - d->trend_first], ==, D (390));
  g_assert_cmpint (d->trend_planned[d->trend_days - 1], ==, D (390));
  chart = outlay_dashboard_chart (d, OUTLAY_DASHBOARD_CHART_TREND);
  text = outlay_chart_describe_point (chart, 0);
  g_assert_nonnull (strstr (text, "Planned (phasing): $3.23"));

  g_clear_pointer (&text, g_free);
  text = run_cli (f, "dashboard", "1");
  root = parse (text);
  plan = json_object_get_object_member (json_node_get_object (root), "plan");
  g_assert_nonnull (plan);
  g_assert_cmpstr (json_object_get_string_member (plan, "basis"), ==, "phasing");
  g_assert_cmpstr (json_object_get_string_member (plan, "first"), ==, "2025-01-01");
  g_assert_cmpstr (json_object_get_string_member (plan, "total"), ==, "390.00");
  g_clear_pointer (&root, json_node_unref);

  /* the other budget has no fiscal year and no dated task: no plan line */
  none = load (f, 2);
  g_assert_cmpint (none->plan_basis, ==, OUTLAY_PLAN_NONE);
  g_assert_null (none->trend_planned);
  g_clear_pointer (&chart, outlay_chart_unref);
  chart = outlay_dashboard_chart (none, OUTLAY_DASHBOARD_CHART_TREND);
  g_clear_pointer (&text, g_free);
  text = outlay_chart_describe_point (chart, 0);
  g_assert_null (strstr (text, "Planned"));
  g_clear_pointer (&text, g_free);
  text = run_cli (f, "dashboard", "2");
  root = parse (text);
  g_assert_true (json_object_get_null_member (json_node_get_object (root), "plan"));
}

/* A task with a due date and an estimate is the plan, whatever the lines
 * are phased. */
static void
test_plan_from_tasks (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayDashboard) d = NULL;

  exec (f, "UPDATE budgets SET fiscal_start = '2025-01-01', fiscal_end = '2025-03-31'"
           " WHERE id = 1;"
           "INSERT INTO sections (id, budget_id, position, code, name) VALUES (1, 1, 0, 'A', 'A');"
           "INSERT INTO lines (id, budget_id, section_id, position, description, estimate) VALUES"
           " (1, 1, 1, 0, 'Even', 3000000);"
           "INSERT INTO tasks (budget_id, name, estimated_cost, due_date) VALUES"
           " (1, 'Dated', 500000, '2025-02-10')");
  d = load (f, 1);
  g_assert_cmpint (d->plan_basis, ==, OUTLAY_PLAN_TASKS);
  g_assert_cmpint (d->trend_planned[d->trend_days - 1], ==, D (50));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/ev-history/weeks-and-range", test_weeks_and_range);
  ADD ("/ev-history/triggers-keep-sums", test_triggers_keep_sums);
  ADD ("/ev-history/document-path", test_document_path);
  ADD ("/ev-history/clickup-path", test_clickup_path);
  ADD ("/ev-history/percent-complete", test_percent_complete);
  ADD ("/ev-history/rule-matches-sql", test_rule_matches_sql);
  ADD ("/ev-history/document-percent", test_document_percent);
  g_test_add_func ("/ev-history/backfill", test_backfill);
  ADD ("/ev-history/forecast-matches-dashboard", test_forecast_matches_dashboard);
  ADD ("/ev-history/plan-from-phasing", test_plan_from_phasing);
  ADD ("/ev-history/plan-from-tasks", test_plan_from_tasks);
#undef ADD
  return g_test_run ();
}
