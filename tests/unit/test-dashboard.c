/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The dashboard on a crafted budget: utilization against the thresholds,
 * the burn rate and the day the money runs out, the breakdowns, the
 * overruns, earned value from the tasks (BAC 100, EV 40, AC 45), the sums
 * the triggers keep, and the daily forecast kept once per day. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <sys/wait.h>

#include "outlay-dashboard-charts.h"
#include "outlay-dashboard-load.h"
#include "outlay-report.h"
#include "outlay-store-tasks.h"
#include "outlay-store-dashboard.h"
#include "outlay-store-private.h"
#include "outlay-test-util.h"

#define D(n) OUTLAY_DECIMAL_FROM_INT (n)

typedef struct
{
  char *dir;
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

/* Moves task @id's one day of history (and its earned value in the
 * kept sums) to @when, as if its status had been set that day. */
static void
set_history (Fixture *f, gint64 id, const char *when)
{
  g_autofree char *sql = g_strdup_printf (
      "UPDATE task_day_totals SET earned = earned - (SELECT earned FROM task_progress"
      " WHERE task_id = %1$" G_GINT64_FORMAT ") WHERE budget_id = (SELECT budget_id FROM tasks"
      " WHERE id = %1$" G_GINT64_FORMAT ") AND day = (SELECT day FROM task_progress"
      " WHERE task_id = %1$" G_GINT64_FORMAT ");"
      "UPDATE task_progress SET day = '%2$s' WHERE task_id = %1$" G_GINT64_FORMAT ";"
      "INSERT INTO task_day_totals (budget_id, day, earned) SELECT t.budget_id, p.day, p.earned"
      " FROM tasks t JOIN task_progress p ON p.task_id = t.id WHERE t.id = %1$" G_GINT64_FORMAT
      " ON CONFLICT DO UPDATE SET earned = earned + excluded.earned;",
      id, when);

  exec (f, sql);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *d2 = NULL, *d1 = NULL, *d9 = NULL, *d10 = NULL, *p10 = NULL;
  g_autofree char *sql = NULL;

  f->dir = outlay_test_make_dir ();
  path = g_build_filename (f->dir, "dash.db", NULL);
  f->store = outlay_store_open (path, &error);
  g_assert_no_error (error);
  f->today = outlay_dashboard_today ();
  d2 = day (f, -2);
  d1 = day (f, -1);
  d9 = day (f, -9);
  d10 = day (f, -10);
  p10 = day (f, 10);
  /* allocation 800, thresholds 80 % and 95 %; lines of 500 and 200 */
  sql = g_strdup_printf (
      "INSERT INTO budgets (id, name, currency, allocated, allocated_hours, created, modified)"
      " VALUES (1, 'Launch', 'USD', 8000000, 100000, 0, 0);"
      "INSERT INTO sections (id, budget_id, position, code, name) VALUES (1, 1, 0, 'A', 'Crew');"
      "INSERT INTO lines (id, budget_id, section_id, position, description, estimate, actual,"
      " committed, date) VALUES (1, 1, 1, 0, 'Director', 5000000, 3000000, 1000000, '%s'),"
      " (2, 1, 1, 1, 'Gaffer', 2000000, 2500000, 0, NULL);"
      "INSERT INTO people (id, name) VALUES (1, 'Ann'), (2, 'Bob');"
      /* BAC 100: 20 done (due), 40 in progress (due), 40 to do (not due) */
      "INSERT INTO tasks (id, budget_id, line_id, name, status, estimated_cost, estimated_hours,"
      " due_date) VALUES (1, 1, 1, 'Script', 'done', 200000, 30000, '%s'),"
      " (2, 1, NULL, 'Shoot', 'in-progress', 400000, 20000, '%s'),"
      " (3, 1, NULL, 'Edit', 'todo', 400000, 0, '%s');"
      /* AC 45: 20 by Ann nine days ago, 25 by Bob yesterday */
      "INSERT INTO time_entries (task_id, person_id, date, hours, rate, cost) VALUES"
      " (1, 1, '%s', 20000, 100000, 200000), (2, 2, '%s', 25000, 100000, 250000);",
      d2, d10, d1, p10, d9, d1);
  exec (f, sql);
  /* the status history: the Script done nine days ago, the Shoot started
   * yesterday (the tasks were inserted today, as they were) */
  set_history (f, 1, d9);
  set_history (f, 2, d1);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  outlay_test_remove_dir (f->dir);
  g_free (f->dir);
}

static OutlayDashboard *
load (Fixture *f, guint window)
{
  g_autoptr(GError) error = NULL;
  OutlayDashboard *d = outlay_dashboard_load (f->store, 1, f->today, window, &error);

  g_assert_no_error (error);
  g_assert_nonnull (d);
  return d;
}

static void
test_figures (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayDashboard) d = load (f, 7);
  const OutlayFactsRow *row;

  /* actual 300 + 20 (its task) + 250, committed 100: 670 of 800 */
  g_assert_cmpint (d->facts->actual, ==, D (570));
  g_assert_cmpint (d->facts->committed, ==, D (100));
  g_assert_cmpint (d->facts->estimate, ==, D (700));
  g_assert_true (d->cap_is_allocation);
  g_assert_cmpint (d->spent, ==, D (670));
  g_assert_cmpint (d->used_percent, ==, 837500);
  g_assert_cmpint (d->level, ==, OUTLAY_UTILIZATION_WARNING);

  /* the week's dated spend: 300 two days ago, 25 yesterday */
  g_assert_cmpint (d->burn.spent_in_window, ==, D (325));
  g_assert_cmpint (d->burn.per_week, ==, D (325));
  g_assert_cmpint (d->burn.per_day, ==, 464286);
  g_assert_cmpint (d->burn.remaining, ==, D (130));
  g_assert_true (d->burn.runs_out);
  g_assert_cmpuint (d->burn.runs_out_day, ==, f->today + 3);

  /* breakdowns */
  g_assert_cmpuint (d->facts->sections->len, ==, 1);
  row = &g_array_index (d->facts->sections, OutlayFactsRow, 0);
  g_assert_cmpstr (row->name, ==, "A Crew");
  g_assert_cmpint (row->actual, ==, D (570));
  g_assert_cmpuint (d->facts->people->len, ==, 2);
  row = &g_array_index (d->facts->people, OutlayFactsRow, 0);
  g_assert_cmpstr (row->name, ==, "Bob");
  g_assert_cmpint (row->actual, ==, D (25));
  g_assert_cmpint (row->hours, ==, 25000);
  g_assert_cmpuint (d->facts->tasks->len, ==, 3);
  g_assert_cmpstr (g_array_index (d->facts->tasks, OutlayFactsRow, 0).name, ==, "Shoot");
  g_assert_cmpuint (d->facts->overruns->len, ==, 1);
  row = &g_array_index (d->facts->overruns, OutlayFactsRow, 0);
  g_assert_cmpstr (row->name, ==, "Gaffer");
  g_assert_cmpint (row->actual - row->estimate, ==, D (50));

  /* hours */
  g_assert_cmpint (d->facts->logged_hours, ==, 45000);
  g_assert_cmpint (d->facts->estimated_hours, ==, D (5));
  g_assert_cmpint (d->facts->allocated_hours, ==, D (10));

  /* earned value: BAC 100, PV 60, EV 40, AC 45 */
  g_assert_true (d->has_evm);
  g_assert_cmpint (d->evm.bac, ==, D (100));
  g_assert_cmpint (d->evm.pv, ==, D (60));
  g_assert_cmpint (d->evm.ev, ==, D (40));
  g_assert_cmpint (d->evm.ac, ==, D (45));
  g_assert_cmpint (outlay_decimal_round (d->evm.cpi, 2), ==, 8900);
  g_assert_cmpint (d->evm.eac_typical, ==, 1125000);
  g_assert_cmpint (outlay_decimal_round (d->evm.tcpi, 2), ==, 10900);
  /* two weeks with work and cost: a range */
  g_assert_true (d->has_range);
  g_assert_cmpint (d->range.eac_p10, <=, d->range.eac_p50);
  g_assert_cmpint (d->range.eac_p50, <=, d->range.eac_p90);

  /* the trend ends on today's cumulative dated actual */
  g_assert_cmpuint (d->trend_actual_days, >, 0);
  g_assert_cmpint (d->trend_actual[d->trend_actual_days - 1], ==, D (345));
  g_assert_cmpint (d->trend_planned[d->trend_days - 1], ==, D (100));
}

static void
test_windows (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayDashboard) d = load (f, 30);

  /* 30 days hold the Script's 20 as well */
  g_assert_cmpint (d->burn.spent_in_window, ==, D (345));
  g_assert_cmpint (d->burn.per_week, ==, D (345) * 7 / 30);
}

static void
test_sums_follow (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayDashboard) a = NULL;
  g_autoptr(OutlayDashboard) b = NULL;
  g_autoptr(OutlayDashboard) c = NULL;

  /* a task deleted (kept for undo) leaves the day and person sums */
  exec (f, "UPDATE tasks SET deleted = 1 WHERE id = 2");
  a = load (f, 7);
  g_assert_cmpuint (a->facts->people->len, ==, 1);
  g_assert_cmpint (a->burn.spent_in_window, ==, D (300));
  exec (f, "UPDATE tasks SET deleted = 0 WHERE id = 2");
  /* an entry edited, another logged, one removed */
  exec (f, "UPDATE time_entries SET cost = 350000, hours = 35000 WHERE task_id = 2");
  exec (f, "INSERT INTO time_entries (task_id, person_id, date, hours, cost) VALUES"
           " (3, 1, date('now', 'localtime'), 10000, 100000)");
  b = load (f, 7);
  g_assert_cmpint (b->burn.spent_in_window, ==, D (345));
  g_assert_cmpint (g_array_index (b->facts->people, OutlayFactsRow, 0).actual, ==, D (35));
  g_assert_cmpint (b->facts->logged_hours, ==, D (6) + 5000);
  exec (f, "DELETE FROM time_entries WHERE task_id = 3");
  c = load (f, 7);
  g_assert_cmpint (c->burn.spent_in_window, ==, D (335));
  g_assert_cmpint (c->facts->ac, ==, D (55));
}

static void
assert_rows_equal (GArray *a, GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const OutlayFactsRow *x = &g_array_index (a, OutlayFactsRow, i);
      const OutlayFactsRow *y = &g_array_index (b, OutlayFactsRow, i);

      g_assert_cmpint (x->id, ==, y->id);
      g_assert_cmpint (x->actual, ==, y->actual);
      g_assert_cmpint (x->hours, ==, y->hours);
    }
}

/* The sums moved in memory for a logged or removed entry are the sums
 * read again from the database after it was saved. */
static void
assert_facts_equal (const OutlayDashboardFacts *a, const OutlayDashboardFacts *b)
{
  g_assert_cmpint (a->actual, ==, b->actual);
  g_assert_cmpint (a->ac, ==, b->ac);
  g_assert_cmpint (a->logged_hours, ==, b->logged_hours);
  g_assert_cmpuint (a->days->len, ==, b->days->len);
  for (guint i = 0; i < a->days->len; i++)
    {
      const OutlayFactsDay *x = &g_array_index (a->days, OutlayFactsDay, i);
      const OutlayFactsDay *y = &g_array_index (b->days, OutlayFactsDay, i);

      g_assert_cmpuint (x->day, ==, y->day);
      g_assert_cmpint (x->actual, ==, y->actual);
      g_assert_cmpint (x->hours, ==, y->hours);
      g_assert_cmpint (x->task_cost, ==, y->task_cost);
    }
  assert_rows_equal (a->tasks, b->tasks);
  assert_rows_equal (a->people, b->people);
  assert_rows_equal (a->sections, b->sections);
}

static void
test_add_time (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayDashboard) mem = load (f, 30);
  g_autoptr(OutlayDashboard) logged = NULL;
  g_autoptr(OutlayDashboard) removed = NULL;
  g_autofree char *d5 = day (f, -5);
  g_autofree char *sql = NULL;
  /* on the Script (line 1, section 1) by Bob today: 3 h at 100 */
  OutlayFactsTime script = {
    .day = f->today, .task_id = 1, .person_id = 2, .section_id = 1, .hours = D (3), .cost = D (300)
  };
  /* on the Edit (no line) by Ann on a day with nothing yet: 1.5 h */
  OutlayFactsTime edit = {
    .day = f->today - 5, .task_id = 3, .person_id = 1, .hours = 15000, .cost = D (150)
  };
  /* Bob's 25 on the Shoot yesterday, removed */
  OutlayFactsTime shoot = {
    .day = f->today - 1, .task_id = 2, .person_id = 2, .hours = 25000, .cost = D (25)
  };
  OutlayFactsTime huge = script;
  OutlayDecimal ac;

  g_assert_true (outlay_dashboard_facts_add_time (mem->facts, &script, +1));
  g_assert_true (outlay_dashboard_facts_add_time (mem->facts, &edit, +1));
  sql = g_strdup_printf ("INSERT INTO time_entries (task_id, person_id, date, hours, rate, cost)"
                         " VALUES (1, 2, date('now', 'localtime'), 30000, 1000000, 3000000),"
                         " (3, 1, '%s', 15000, 1000000, 1500000)",
                         d5);
  exec (f, sql);
  logged = load (f, 30);
  assert_facts_equal (mem->facts, logged->facts);
  /* the Script's 300 moved it ahead of the Shoot */
  g_assert_cmpint (g_array_index (mem->facts->tasks, OutlayFactsRow, 0).id, ==, 1);

  g_assert_true (outlay_dashboard_facts_add_time (mem->facts, &shoot, -1));
  exec (f, "DELETE FROM time_entries WHERE task_id = 2");
  removed = load (f, 30);
  assert_facts_equal (mem->facts, removed->facts);

  /* an overflow moves nothing */
  ac = mem->facts->ac;
  huge.cost = OUTLAY_DECIMAL_MAX;
  g_assert_false (outlay_dashboard_facts_add_time (mem->facts, &huge, +1));
  g_assert_cmpint (mem->facts->ac, ==, ac);
  assert_facts_equal (mem->facts, removed->facts);
}

static void
test_snapshots (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayDashboard) a = load (f, 7);
  g_autoptr(OutlayDashboard) b = NULL;
  g_autoptr(OutlayDashboard) c = NULL;
  OutlayFactsSnapshot then = a->snapshot;
  sqlite3 *db = outlay_store_get_db (f->store);

  /* loaded twice the same day: one row, the later figures */
  b = load (f, 7);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM daily_forecasts"), ==, 1);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT eac_typical FROM daily_forecasts"), ==,
                   1125000);
  g_assert_false (b->facts->has_snapshot_then);

  /* a forecast kept 35 days ago is last month's */
  then.day = f->today - 35;
  then.eac_typical = D (105);
  g_assert_true (outlay_store_put_forecast (f->store, 1, &then, &error));
  g_assert_true (outlay_store_put_forecast (f->store, 1, &then, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM daily_forecasts"), ==, 2);
  c = load (f, 7);
  g_assert_true (c->facts->has_snapshot_then);
  g_assert_cmpuint (c->facts->snapshot_then.day, ==, f->today - 35);
  g_assert_cmpint (c->facts->snapshot_then.eac_typical, ==, D (105));
}

static void
test_charts (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayDashboard) d = load (f, 7);

  for (guint k = 0; k < OUTLAY_DASHBOARD_N_CHARTS; k++)
    {
      g_autoptr(OutlayChart) chart = outlay_dashboard_chart (d, k);
      g_autofree char *text = outlay_chart_describe (chart);

      g_assert_nonnull (chart);
      g_assert_cmpuint (outlay_chart_get_n_points (chart), >, 0);
      g_assert_nonnull (text);
    }
  {
    g_autoptr(OutlayChart) people = outlay_dashboard_chart (d, OUTLAY_DASHBOARD_CHART_PEOPLE);
    g_autofree char *bob = outlay_chart_describe_point (people, 0);

    g_assert_cmpstr (bob, ==, "Bob: $25.00 (56 %)");
  }
}

static JsonObject *
run_json (Fixture *f, JsonParser *parser, const char *command, const char *window)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "dash.db", NULL);
  g_autofree char *out = NULL, *err = NULL;
  const char *argv[] = { g_getenv ("OUTLAY_CLI"),    "--database", path, command, "1", "--json",
                         window ? "--window" : NULL, window,       NULL };
  int status = 0;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_no_error (error);
  g_test_message ("%s", err);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_cli (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonParser) dash = json_parser_new ();
  g_autoptr(JsonParser) fore = json_parser_new ();
  JsonObject *root = run_json (f, dash, "dashboard", "7"), *o;
  g_autofree char *out_day = day (f, 3);

  o = json_object_get_object_member (root, "utilization");
  g_assert_cmpstr (json_object_get_string_member (o, "spent"), ==, "670.00");
  g_assert_cmpstr (json_object_get_string_member (o, "cap_basis"), ==, "allocation");
  g_assert_cmpstr (json_object_get_string_member (o, "percent"), ==, "83.7500");
  g_assert_cmpstr (json_object_get_string_member (o, "level"), ==, "warning");
  o = json_object_get_object_member (root, "burn");
  g_assert_cmpstr (json_object_get_string_member (o, "per_week"), ==, "325.00");
  g_assert_cmpstr (json_object_get_string_member (o, "runs_out"), ==, out_day);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "people")), ==, 2);

  root = run_json (f, fore, "forecast", NULL);
  g_assert_cmpstr (json_object_get_string_member (root, "cpi"), ==, "0.8889");
  g_assert_cmpstr (json_object_get_string_member (root, "eac_typical"), ==, "112.50");
  g_assert_cmpstr (json_object_get_string_member (root, "tcpi"), ==, "1.0909");
  g_assert_cmpstr (json_object_get_string_member (root, "vac"), ==, "-12.50");
  g_assert_nonnull (json_object_get_object_member (root, "eac_range"));
  g_assert_true (json_object_get_null_member (root, "month_ago"));
}

static void
test_report (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayDocument) doc = outlay_store_load_document (f->store, 1, &error);
  g_autoptr(OutlayDashboard) d = load (f, 30);
  g_autoptr(GPtrArray) entries = outlay_store_list_time (f->store, 1, NULL, NULL, &error);
  g_autoptr(GPtrArray) people = outlay_store_list_people (f->store, &error);
  g_autoptr(OutlayReport) report = NULL;
  g_autofree char *path = g_build_filename (f->dir, "cost.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *pdf = NULL;
  gsize length = 0;
  OutlayReportOptions options;

  g_assert_no_error (error);
  outlay_report_options_init (&options, OUTLAY_REPORT_COST);
  report = outlay_report_new_cost (doc, d, entries, people, &options);
  g_assert_cmpint (outlay_report_get_kind (report), ==, OUTLAY_REPORT_COST);
  g_assert_true (outlay_report_write_pdf (report, file, NULL, &error));
  g_assert_no_error (error);
  /* the figures, five charts, the overrun and the time table: two pages */
  g_assert_cmpuint (outlay_report_get_n_pages (report), >=, 2);
  g_assert_true (g_file_get_contents (path, &pdf, &length, &error));
  g_assert_true (g_str_has_prefix (pdf, "%PDF"));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dashboard/figures", Fixture, NULL, fixture_set_up, test_figures, fixture_tear_down);
  g_test_add ("/dashboard/windows", Fixture, NULL, fixture_set_up, test_windows, fixture_tear_down);
  g_test_add ("/dashboard/sums-follow", Fixture, NULL, fixture_set_up, test_sums_follow,
              fixture_tear_down);
  g_test_add ("/dashboard/add-time", Fixture, NULL, fixture_set_up, test_add_time,
              fixture_tear_down);
  g_test_add ("/dashboard/snapshots", Fixture, NULL, fixture_set_up, test_snapshots,
              fixture_tear_down);
  g_test_add ("/dashboard/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  g_test_add ("/dashboard/report", Fixture, NULL, fixture_set_up, test_report, fixture_tear_down);
  g_test_add ("/dashboard/charts", Fixture, NULL, fixture_set_up, test_charts, fixture_tear_down);
  return g_test_run ();
}
