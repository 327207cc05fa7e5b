/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The dashboard on bench-tasks' budget (100,000 lines, 20,000 tasks, 300
 * people, 1,000,000 time entries):
 *
 *   migrate    the migrations the database still needs (15 sums the
 *              existing time, 17 starts the tasks' status history), once,
 *              on a copy; outlay_store_open() backs the file up before
 *              an upgrade, which is left out
 *   open       the store opened on the migrated copy
 *   dashboard  every figure: the store's sums, the engine's figures and
 *              today's forecast kept (outlay_dashboard_load()), median
 *   charts     the same plus every dashboard chart's model drawn on an
 *              image surface
 *   forecast   earned value and the EAC range from the weekly history,
 *              the engine alone on the sums; and the forecast alone as
 *              outlay-cli forecast computes it (outlay_forecast_load():
 *              its own store query, the engine, today's forecast kept)
 *   log        one entry logged (the triggers keep the sums), median
 *   on screen  what the Dashboard page does for a logged entry before
 *              the next frame: the sums moved in memory
 *              (outlay_dashboard_facts_add_time()), every figure computed
 *              again and every chart drawn, median
 *   shell      the sqlite3 shell summing the entries by day, person and
 *              task straight from time_entries, the way without sums
 *
 *   bench-dashboard [--database FILE] [--runs N]
 *
 * Without --database it runs `bench-tasks --keep DIR` (next to it) to
 * make one.  The database is copied first: the migration changes it.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outlay-dashboard-charts.h"
#include "outlay-dashboard-load.h"
#include "outlay-schema.h"
#include "outlay-store-private.h"
#include "outlay-store.h"

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return values->len ? g_array_index (values, double, values->len / 2) : 0;
}

static G_NORETURN void
fail (const char *what, GError *error)
{
  g_printerr ("bench-dashboard: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static double
ms_since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static double
time_shell (const char *db, const char *sql)
{
  const char *argv[] = { "sqlite3", db, sql, NULL };
  gint64 t0 = g_get_monotonic_time ();
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    return -1;
  return ms_since (t0);
}

static char *
make_database (const char *self, const char *dir)
{
  g_autofree char *bin_dir = g_path_get_dirname (self);
  g_autofree char *bench_tasks = g_build_filename (bin_dir, "bench-tasks", NULL);
  const char *argv[] = { bench_tasks, "--keep", dir, "--logs", "1", NULL };
  int status = 0;

  g_print ("Making the budget with bench-tasks…\n");
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                     &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    fail ("bench-tasks", NULL);
  return g_build_filename (dir, "tasks.db", NULL);
}

static void
draw_charts (OutlayDashboard *d)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 480, 240);
  cairo_t *cr = cairo_create (surface);
  OutlayChartColors colors;

  outlay_chart_colors_init (&colors, FALSE);
  for (guint k = 0; k < OUTLAY_DASHBOARD_N_CHARTS; k++)
    {
      g_autoptr(OutlayChart) chart = outlay_dashboard_chart (d, k);

      if (chart != NULL)
        outlay_chart_draw (chart, cr, 480, 240, &colors, -1);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static int
version_of (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

/* The migrations alone, on their own connection: outlay_store_open()
 * would first back the database up, which takes longer than they do. */
static double
time_migrations (const char *path)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  gint64 t0 = g_get_monotonic_time ();
  double ms;

  if (sqlite3_open (path, &db) != SQLITE_OK
      || sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;", NULL, NULL, NULL)
             != SQLITE_OK
      || !outlay_schema_migrate (db, OUTLAY_SCHEMA_VERSION, NULL, &error))
    fail ("migrate", error);
  ms = ms_since (t0);
  sqlite3_close (db);
  return ms;
}

static double
time_log (OutlayStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();

  if (!outlay_store_exec (store,
                          "INSERT INTO time_entries (task_id, person_id, date, hours, rate, cost)"
                          " VALUES (17, 5, '2026-01-15', 2500, 450000, 112500)",
                          &error))
    fail ("log", error);
  return ms_since (t0);
}

int
main (int argc, char **argv)
{
  g_autofree char *database = NULL;
  int runs = 7;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "bench-tasks' kept database", "FILE" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each (7)", "N" },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- dashboard bench");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("outlay-bench-dash-XXXXXX", NULL);
  g_autofree char *copy = g_build_filename (dir, "dash.db", NULL);
  g_autofree char *source = NULL;
  g_autoptr(GArray) load = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) charts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) forecast = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) forecast_alone = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) logs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) instant = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(OutlayStore) store = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gint64 budget_id, t0;
  guint32 today = outlay_dashboard_today ();
  double migrate, open_ms, shell_day, shell_person, shell_task;
  int from_version;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    fail ("options", error);
  source = database != NULL ? g_strdup (database) : make_database (argv[0], dir);
  if (!g_file_get_contents (source, &contents, &length, &error)
      || !g_file_set_contents (copy, contents, length, &error))
    fail ("copy", error);
  g_clear_pointer (&contents, g_free);

  from_version = version_of (copy);
  migrate = time_migrations (copy);
  t0 = g_get_monotonic_time ();
  store = outlay_store_open (copy, &error);
  open_ms = ms_since (t0);
  if (store == NULL)
    fail ("open", error);
  budget_id = outlay_store_find_budget (store, "1", &error);
  if (budget_id <= 0)
    fail ("budget", error);
  /* a third done, a third under way, each due on a day of the two years;
   * the status history spread over them: each task started on a day of
   * the first 700 and, when done, finished three weeks later */
  if (!outlay_store_exec (store,
                          "UPDATE tasks SET status = CASE id % 3 WHEN 0 THEN 'done'"
                          " WHEN 1 THEN 'in-progress' ELSE 'todo' END,"
                          " due_date = date('2025-01-01', '+' || (id % 730) || ' days');"
                          "DELETE FROM task_progress;"
                          "INSERT INTO task_progress (task_id, day, status, earned)"
                          " SELECT id, date('2025-01-01', '+' || (id % 700) || ' days'),"
                          " 'in-progress', estimated_cost / 2 FROM tasks WHERE status != 'todo';"
                          "INSERT INTO task_progress (task_id, day, status, earned)"
                          " SELECT id, date('2025-01-22', '+' || (id % 700) || ' days'),"
                          " 'done', estimated_cost FROM tasks WHERE status = 'done';"
                          /* the kept sums of earned value, from that history */
                          "UPDATE task_day_totals SET earned = 0;"
                          "INSERT INTO task_day_totals (budget_id, day, earned)"
                          " SELECT budget_id, day, sum(change) FROM (SELECT t.budget_id, p.day,"
                          " p.earned - ifnull(lag(p.earned) OVER (PARTITION BY p.task_id"
                          " ORDER BY p.day), 0) AS change FROM task_progress p"
                          " JOIN tasks t ON t.id = p.task_id WHERE t.deleted = 0)"
                          " WHERE true GROUP BY 1, 2"
                          " ON CONFLICT DO UPDATE SET earned = earned + excluded.earned",
                          &error))
    fail ("statuses", error);

  for (int r = 0; r < runs; r++)
    {
      g_autoptr(OutlayDashboard) d = NULL;
      g_autoptr(OutlayDashboard) e = NULL;
      g_autoptr(OutlayDashboard) f = NULL;
      g_autoptr(OutlayDashboardFacts) facts = NULL;
      OutlayEvm evm;
      OutlayEacRange range;
      g_autofree OutlayEvmPeriod *weeks = NULL;
      guint n_weeks = 0;
      double ms;

      t0 = g_get_monotonic_time ();
      d = outlay_dashboard_load (store, budget_id, today, 30, &error);
      ms = ms_since (t0);
      if (d == NULL)
        fail ("dashboard", error);
      g_array_append_val (load, ms);

      t0 = g_get_monotonic_time ();
      e = outlay_dashboard_load (store, budget_id, today, 30, &error);
      if (e == NULL)
        fail ("dashboard", error);
      draw_charts (e);
      ms = ms_since (t0);
      g_array_append_val (charts, ms);

      t0 = g_get_monotonic_time ();
      if (!outlay_evm_compute (d->facts->bac, d->facts->pv, d->facts->ev, d->facts->ac, &evm,
                               &error)
          || !outlay_dashboard_weekly (d->facts, &weeks, &n_weeks))
        fail ("forecast", error);
      outlay_eac_range (&evm, weeks, n_weeks, &range, NULL);
      ms = ms_since (t0);
      g_array_append_val (forecast, ms);

      t0 = g_get_monotonic_time ();
      f = outlay_forecast_load (store, budget_id, today, &error);
      ms = ms_since (t0);
      if (f == NULL)
        fail ("forecast alone", error);
      g_array_append_val (forecast_alone, ms);
      if (memcmp (&f->evm, &d->evm, sizeof f->evm) != 0 || f->has_range != d->has_range
          || (f->has_range && memcmp (&f->range, &d->range, sizeof f->range) != 0))
        fail ("the forecast alone differs from the dashboard's", NULL);

      ms = time_log (store);
      g_array_append_val (logs, ms);

      {
        OutlayFactsTime time = {
          .day = today,
          .task_id = g_array_index (e->facts->tasks, OutlayFactsRow, 0).id,
          .person_id = e->facts->people->len > 0
                           ? g_array_index (e->facts->people, OutlayFactsRow, 0).id
                           : 0,
          .hours = OUTLAY_DECIMAL_FROM_INT (2),
          .cost = OUTLAY_DECIMAL_FROM_INT (180),
        };
        g_autoptr(OutlayDashboard) after = NULL;

        t0 = g_get_monotonic_time ();
        if (!outlay_dashboard_facts_add_time (e->facts, &time, +1))
          fail ("on screen", NULL);
        after = outlay_dashboard_compute (g_steal_pointer (&e->facts), 30, &error);
        if (after == NULL)
          fail ("on screen", error);
        draw_charts (after);
        ms = ms_since (t0);
        g_array_append_val (instant, ms);
      }
      if (r == 0)
        g_print ("%u tasks, %u days, %u people; EV %.0f AC %.0f\n", d->facts->n_tasks,
                 d->facts->days->len, d->facts->people->len,
                 d->facts->ev / (double) OUTLAY_DECIMAL_SCALE,
                 d->facts->ac / (double) OUTLAY_DECIMAL_SCALE);
    }
  g_clear_object (&store);

  shell_day = time_shell (copy, "SELECT e.date, sum(e.cost), sum(e.hours) FROM time_entries e"
                                " JOIN tasks t ON t.id = e.task_id WHERE t.budget_id = 1"
                                " AND t.deleted = 0 GROUP BY 1");
  shell_person = time_shell (copy, "SELECT e.person_id, sum(e.cost), sum(e.hours) FROM"
                                   " time_entries e JOIN tasks t ON t.id = e.task_id WHERE"
                                   " t.budget_id = 1 AND t.deleted = 0 GROUP BY 1");
  shell_task = time_shell (copy, "SELECT task_id, sum(cost), sum(hours) FROM time_entries"
                                 " GROUP BY 1");

  g_print ("migrations %d to %d, once (without the backup)        %8.1f ms\n", from_version,
           OUTLAY_SCHEMA_VERSION, migrate);
  g_print ("open (schema current)                                %8.1f ms\n", open_ms);
  g_print ("dashboard: every figure, forecast kept (median)      %8.2f ms\n", median (load));
  g_print ("dashboard with every chart drawn (median)            %8.2f ms\n", median (charts));
  g_print ("forecast: EVM + EAC range from the sums (median)     %8.3f ms\n", median (forecast));
  g_print ("forecast alone: its store query + engine (median)    %8.2f ms\n",
           median (forecast_alone));
  g_print ("log one entry, sums kept by triggers (median)        %8.3f ms\n", median (logs));
  g_print ("a logged entry on screen: sums, figures, charts     %8.3f ms\n", median (instant));
  g_print ("sqlite3 shell: entries by day, no sums               %8.1f ms\n", shell_day);
  g_print ("sqlite3 shell: entries by person, no sums            %8.1f ms\n", shell_person);
  g_print ("sqlite3 shell: entries by task, no sums              %8.1f ms\n", shell_task);

  g_unlink (copy);
  {
    g_autofree char *wal = g_strconcat (copy, "-wal", NULL);
    g_autofree char *shm = g_strconcat (copy, "-shm", NULL);
    g_autofree char *kept = g_build_filename (dir, "tasks.db", NULL);
    g_autofree char *log = g_build_filename (dir, "log.txt", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_unlink (kept);
    g_unlink (log);
  }
  g_rmdir (dir);
  return 0;
}
