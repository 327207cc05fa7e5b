/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Tasks and time at scale: a budget of --lines lines (100,000), --tasks
 * tasks (20,000) on random lines, --people people (300) with rates and
 * --entries time entries (1,000,000) over two years, then:
 *
 *   load      outlay_store_load_document(): lines, tasks and every task's
 *             logged total in one GROUP BY
 *   log       one entry logged through the document and the store (rate
 *             resolved, entry, audit, 24-hours check, task, line, section
 *             and budget totals moved by difference), median of --logs
 *   engine    the same command on the document alone (no store): the
 *             engine's own update
 *   week      the week grid's sums, 300 people × 7 days, from the store
 *   shell     the sqlite3 shell doing the same roll-ups (entries → tasks →
 *             lines → sections → budget) as GROUP BY queries, and "SELECT 1"
 *             as its process-start baseline: the ratio is shell ÷ log
 *   rules     the rule recommendations (outlay-cli recommend's work, without
 *             saving): rate patterns of every budget's rated lines read from
 *             the store, dated spend, and the four rules, with three other
 *             budgets of 2,000 lines for the rates to compare with; median
 *             of --rules-runs (5)
 *   memory    VmRSS and VmHWM after loading
 *
 * Timings never fail the program; it exits non-zero only when something
 * does not work (a write, a load, totals that do not add up).
 *
 *   bench-tasks [--lines N] [--tasks N] [--people N] [--entries N] [--logs N] [--keep DIR]
 */

#include "config.h"

#include "bench-budget.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "outlay-document-sink.h"
#include "outlay-document-tasks.h"
#include "outlay-rates.h"
#include "outlay-rules.h"
#include "outlay-store-recommendations.h"
#include "outlay-store-private.h"
#include "outlay-store-tasks.h"
#include "outlay-store.h"

static gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

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

static void
fail (const char *what, GError *error)
{
  g_printerr ("bench-tasks: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

/* "VmRSS" or "VmHWM" of this process, in MB. */
static double
memory_mb (const char *field)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (p = strstr (status, field)) == NULL)
    return -1;
  return g_ascii_strtod (p + strlen (field) + 1, NULL) / 1024.0;
}

/* Wall time in ms of `sqlite3 DB SQL > /dev/null`. */
static double
time_shell (const char *sqlite3, const char *db, const char *sql)
{
  const char *argv[] = { sqlite3, db, sql, NULL };
  gint64 t0 = g_get_monotonic_time ();
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                     &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    return -1;
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static void
exec_or_die (OutlayStore *store, const char *sql)
{
  GError *error = NULL;

  if (!outlay_store_exec (store, sql, &error))
    fail (sql, error);
}

static guint
count_rows (OutlayStore *store, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  sqlite3_prepare_v2 (outlay_store_get_db (store), sql, -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* People, tasks and entries straight into the tables, in one transaction
 * (the generator, not what is measured). */
static void
generate (OutlayStore *store, OutlayDocument *doc, guint n_tasks, guint n_people, guint n_entries)
{
  sqlite3 *db = outlay_store_get_db (store);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261206);
  g_autoptr(GArray) line_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 budget_id = outlay_budget_get_id (outlay_document_get_budget (doc));
  sqlite3_stmt *stmt = NULL;
  GDate day;

  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    for (guint l = 0; l < outlay_section_get_n_lines (outlay_document_get_section (doc, s)); l++)
      {
        gint64 id = outlay_line_get_id (
            outlay_section_get_line (outlay_document_get_section (doc, s), l));

        g_array_append_val (line_ids, id);
      }
  exec_or_die (store, "BEGIN IMMEDIATE");
  sqlite3_prepare_v2 (db,
                      "INSERT INTO people (id, name, cost_rate, hourly_rate) VALUES (?, ?, ?, ?)",
                      -1, &stmt, NULL);
  for (guint p = 1; p <= n_people; p++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", p);

      sqlite3_bind_int64 (stmt, 1, p);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, OUTLAY_DECIMAL_FROM_INT (40 + p % 60));
      sqlite3_bind_int64 (stmt, 4, OUTLAY_DECIMAL_FROM_INT (80 + p % 90));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        fail ("people", NULL);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (db,
                      "INSERT INTO tasks (id, budget_id, line_id, name, position, assignee_id,"
                      " estimated_cost, resource_cost) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                      -1, &stmt, NULL);
  for (guint t = 1; t <= n_tasks; t++)
    {
      g_autofree char *name = g_strdup_printf ("Task %u", t);

      sqlite3_bind_int64 (stmt, 1, t);
      sqlite3_bind_int64 (stmt, 2, budget_id);
      sqlite3_bind_int64 (
          stmt, 3, g_array_index (line_ids, gint64, g_rand_int_range (rand, 0, line_ids->len)));
      sqlite3_bind_text (stmt, 4, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, t - 1);
      sqlite3_bind_int64 (stmt, 6, 1 + t % n_people);
      sqlite3_bind_int64 (stmt, 7, OUTLAY_DECIMAL_FROM_INT (g_rand_int_range (rand, 500, 20000)));
      sqlite3_bind_int64 (stmt, 8, t % 4 == 0 ? OUTLAY_DECIMAL_FROM_INT (150) : 0);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        fail ("tasks", NULL);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (db,
                      "INSERT INTO time_entries (task_id, person_id, date, hours, rate, cost,"
                      " rate_source) VALUES (?, ?, ?, ?, ?, ?, 'person')",
                      -1, &stmt, NULL);
  for (guint e = 0; e < n_entries; e++)
    {
      guint person = g_rand_int_range (rand, 1, n_people + 1);
      OutlayDecimal hours = 2500 * g_rand_int_range (rand, 1, 9); /* 0.25 … 2 h */
      OutlayDecimal rate = OUTLAY_DECIMAL_FROM_INT (40 + person % 60);
      char date[11];

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, 1, 1, 2025);
      g_date_add_days (&day, g_rand_int_range (rand, 0, 730));
      g_date_strftime (date, sizeof date, "%Y-%m-%d", &day);
      sqlite3_bind_int64 (stmt, 1, g_rand_int_range (rand, 1, n_tasks + 1));
      sqlite3_bind_int64 (stmt, 2, person);
      sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, hours);
      sqlite3_bind_int64 (stmt, 5, rate);
      sqlite3_bind_int64 (stmt, 6, bench_decimal_mul (hours, rate));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        fail ("time entries", NULL);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  exec_or_die (store, "COMMIT");
}

static void
add_rated_line (gint64 budget_id,
                const char *description,
                const char *unit,
                OutlayDecimal rate,
                gpointer patterns)
{
  outlay_rate_patterns_add (patterns, budget_id, description, unit, rate);
}

/* Three smaller budgets with the same roles, for the rate rule to compare
 * with (made once: a kept database has them). */
static void
add_peer_budgets (OutlayStore *store)
{
  g_autoptr(GError) error = NULL;

  if (count_rows (store, "SELECT count(*) FROM budgets WHERE name LIKE 'Bench peer %'") > 0)
    return;
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(OutlayDocument) peer = bench_build_budget (2000, NULL);
      g_autofree char *name = g_strdup_printf ("Bench peer %u", i + 1);

      g_object_set (outlay_document_get_budget (peer), "name", name, NULL);
      if (!outlay_store_save_new_document (store, peer, NULL, NULL, NULL, &error))
        fail ("peer budget", g_steal_pointer (&error));
    }
}

/* What outlay-cli recommend computes, without saving: median ms of @runs */
static double
time_rules (OutlayStore *store, OutlayDocument *doc, guint runs, guint *n_advice)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint32 today = outlay_rules_parse_day ("2025-09-30");

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(OutlayRatePatterns) patterns = NULL;
      g_autoptr(GArray) spend = NULL;
      g_autoptr(GPtrArray) advice = NULL;
      OutlayRulesContext context;
      gint64 t0 = now_ns ();
      double ms;

      patterns = outlay_rate_patterns_new ();
      if (!outlay_store_foreach_rated_line_except (
              store, outlay_budget_get_id (outlay_document_get_budget (doc)), add_rated_line,
              patterns, &error))
        fail ("rated lines", g_steal_pointer (&error));
      spend = outlay_rules_dated_spend (doc);
      outlay_rules_context_init (&context, doc, today, spend);
      context.patterns = patterns;
      advice = outlay_rules_run (doc, &context);
      ms = (now_ns () - t0) / 1e6;
      g_array_append_val (times, ms);
      *n_advice = advice->len;
    }
  return median (times);
}

/* Logs @n entries of a quarter hour on random tasks, each timed alone;
 * undoes them after when @undo.  Returns the median in ms. */
static double
time_logs (OutlayStore *store,
           OutlayDocument *doc,
           GPtrArray *rates,
           guint n,
           guint n_people,
           guint seed)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GError *error = NULL;

  for (guint i = 0; i < n; i++)
    {
      OutlayTask *task = outlay_document_get_task (
          doc, g_rand_int_range (rand, 0, outlay_document_get_n_tasks (doc)));
      gint64 person = g_rand_int_range (rand, 1, n_people + 1);
      char date[11];
      OutlayRateResolution r;
      OutlayTimeLog log;
      gint64 t0, t1;
      double ms;

      /* a day of its own, outside the generated two years */
      g_snprintf (date, sizeof date, "2030-%02u-%02u", 1 + i / 28 % 12, 1 + i % 28);
      t0 = now_ns ();
      if (!outlay_rates_resolve (rates, outlay_document_get_budget (doc), task, person, date, NULL,
                                 &r, &error))
        fail ("resolve", error);
      log = (OutlayTimeLog){
        task, person, date, 2500, r.rate, FALSE, outlay_rate_source_to_string (r.source), NULL
      };
      if (outlay_document_log_time (doc, &log, &error) == NULL)
        fail ("log", error);
      t1 = now_ns ();
      ms = (t1 - t0) / 1e6;
      g_array_append_val (times, ms);
    }
  return median (times);
}

int
main (int argc, char **argv)
{
  guint n_lines = 100000, n_tasks = 20000, n_people = 300, n_entries = 1000000, n_logs = 200;
  guint rules_runs = 5, n_advice = 0;
  double rules_ms;
  g_autofree char *keep = NULL;
  gboolean reuse = FALSE;
  GOptionEntry entries[] = {
    { "reuse", 0, 0, G_OPTION_ARG_NONE, &reuse,
      "With --keep: use the database generated there before (memory without the generator's)",
      NULL },
    { "lines", 0, 0, G_OPTION_ARG_INT, &n_lines, "Budget lines", "N" },
    { "tasks", 0, 0, G_OPTION_ARG_INT, &n_tasks, "Tasks", "N" },
    { "people", 0, 0, G_OPTION_ARG_INT, &n_people, "People", "N" },
    { "entries", 0, 0, G_OPTION_ARG_INT, &n_entries, "Time entries", "N" },
    { "rules-runs", 0, 0, G_OPTION_ARG_INT, &rules_runs, "Runs of the rules (median)", "N" },
    { "logs", 0, 0, G_OPTION_ARG_INT, &n_logs, "Entries logged and timed", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Keep the database in DIR", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— tasks and time at scale");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autofree char *rollup = NULL;
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) built = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(OutlayDocument) memory = NULL;
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(GArray) week = NULL;
  OutlayTotals stored;
  gint64 t0, budget_id;
  double load_ms, log_ms, engine_ms, week_ms, shell_ms = -1, start_ms = -1, rss, hwm;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    fail ("options", g_steal_pointer (&error));
  dir = keep ? g_strdup (keep) : g_dir_make_tmp ("outlay-bench-tasks-XXXXXX", NULL);
  g_mkdir_with_parents (dir, 0700);
  path = g_build_filename (dir, "tasks.db", NULL);
  reuse = reuse && keep != NULL && g_file_test (path, G_FILE_TEST_EXISTS);
  if (!reuse)
    g_remove (path);
  if ((store = outlay_store_open (path, &error)) == NULL)
    fail ("open", g_steal_pointer (&error));
  if (reuse)
    {
      g_print ("Reusing %s\n", path);
      if ((budget_id = outlay_store_find_budget (store, "Benchmark feature film", &error)) == 0)
        fail ("find", g_steal_pointer (&error));
      n_tasks = count_rows (store, "SELECT count(*) FROM tasks WHERE deleted = 0");
    }
  else
    {
      g_print ("Generating %u lines, %u tasks, %u people, %u time entries…\n", n_lines, n_tasks,
               n_people, n_entries);
      built = bench_build_budget (n_lines, NULL);
      if (!outlay_store_save_new_document (store, built, NULL, NULL, NULL, &error))
        fail ("save", g_steal_pointer (&error));
      budget_id = outlay_budget_get_id (outlay_document_get_budget (built));
      generate (store, built, n_tasks, n_people, n_entries);
      g_clear_object (&built);
      exec_or_die (store, "ANALYZE");
    }

  t0 = now_ns ();
  if ((doc = outlay_store_load_document (store, budget_id, &error)) == NULL)
    fail ("load", g_steal_pointer (&error));
  load_ms = (now_ns () - t0) / 1e6;
  rss = memory_mb ("VmRSS:");
  hwm = memory_mb ("VmHWM:");
  if (outlay_document_get_n_tasks (doc) != n_tasks)
    fail ("tasks loaded", NULL);
  if (!outlay_store_get_budget_totals (store, budget_id, &stored, &error)
      || stored.actual != outlay_document_get_totals (doc)->actual)
    fail ("loaded totals differ from the store's", g_steal_pointer (&error));

  rates = outlay_store_list_rates (store, budget_id, &error);
  log_ms = time_logs (store, doc, rates, n_logs, n_people, 1);
  if (!outlay_store_get_budget_totals (store, budget_id, &stored, &error)
      || stored.actual != outlay_document_get_totals (doc)->actual)
    fail ("totals after logging differ from the store's", g_steal_pointer (&error));

  /* the same on a document with no store: the engine alone */
  memory = outlay_store_load_document (store, budget_id, &error);
  outlay_document_set_sink (memory, NULL);
  engine_ms = time_logs (store, memory, rates, n_logs, n_people, 2);
  {
    OutlayTotals sum;

    if (!outlay_document_sum_totals (memory, &sum)
        || sum.actual != outlay_document_get_totals (memory)->actual)
      fail ("incremental totals differ from a fresh sum", NULL);
  }

  t0 = now_ns ();
  week = outlay_store_hours_by_day (store, budget_id, TRUE, "2025-06-02", "2025-06-08", &error);
  week_ms = (now_ns () - t0) / 1e6;
  if (week == NULL)
    fail ("week", g_steal_pointer (&error));

  add_peer_budgets (store);
  rules_ms = time_rules (store, doc, MAX (rules_runs, 1), &n_advice);

  rollup = g_strdup_printf (
      "SELECT l.section_id, sum(x.c) FROM (SELECT t.line_id AS line_id,"
      " sum(t.resource_cost + ifnull(e.c, 0)) AS c FROM tasks t LEFT JOIN"
      " (SELECT task_id, sum(cost) AS c FROM time_entries GROUP BY task_id) e ON e.task_id = t.id"
      " WHERE t.budget_id = %" G_GINT64_FORMAT " AND t.deleted = 0 GROUP BY t.line_id) x"
      " JOIN lines l ON l.id = x.line_id GROUP BY l.section_id;",
      budget_id);
  if (sqlite3 != NULL)
    {
      start_ms = time_shell (sqlite3, path, "SELECT 1");
      shell_ms = time_shell (sqlite3, path, rollup);
    }

  g_print ("\n%-58s %10.1f ms\n", "load: lines, tasks and their logged totals (GROUP BY)", load_ms);
  g_print ("%-58s %10.3f ms\n", "log one entry: engine + SQLite write + audit (median)", log_ms);
  g_print ("%-58s %10.4f ms\n", "log one entry: engine alone, no store (median)", engine_ms);
  g_print ("%-58s %10.2f ms\n", "week grid sums: people × 7 days from the store", week_ms);
  g_print ("%-58s %10.1f ms\n", "rules: patterns, spend and the four rules (median)", rules_ms);
  g_print ("%-58s %10u\n", "rules: pieces of advice", n_advice);
  if (shell_ms >= 0)
    {
      g_print ("%-58s %10.1f ms\n", "sqlite3 shell: SELECT 1 (process start)", start_ms);
      g_print ("%-58s %10.1f ms\n", "sqlite3 shell: the roll-ups as GROUP BY", shell_ms);
      g_print ("%-58s %10.0f ×\n", "ratio: shell GROUP BY (net of start) ÷ log with store",
               (shell_ms - start_ms) / log_ms);
      g_print ("%-58s %10.0f ×\n", "ratio: shell GROUP BY (net of start) ÷ engine alone",
               (shell_ms - start_ms) / engine_ms);
    }
  else
    g_print ("sqlite3 shell: not installed, no comparison\n");
  g_print ("%-58s %10.0f MB\n", "memory after load: VmRSS", rss);
  g_print ("%-58s %10.0f MB\n", "memory after load: VmHWM (peak, includes the generator)", hwm);

  g_clear_object (&memory);
  g_clear_object (&doc);
  g_clear_object (&store);
  if (keep == NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_remove (path);
      g_remove (wal);
      g_remove (shm);
      g_rmdir (dir);
    }
  return 0;
}
