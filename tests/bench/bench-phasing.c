/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Phasing and the rolling forecast on a big budget.
 *
 * Builds the 100,000-line budget of bench-budget.h with a 12-month fiscal
 * year (a third of its lines phased by percentages, the actuals dated
 * through the year), saves it, adds --commitments commitments, and then,
 * --runs times:
 *
 *   load     outlay_store_load_document() with its phasing
 *   periods  what the Periods page lays out when it opens: every line
 *            spread over the periods, actuals and commitments placed by
 *            date, the sums per section and for the budget, and the
 *            rolling forecast (outlay_phasing_grid_new() and
 *            outlay_rolling_forecast_compute())
 *   close    closing the next period: the forecast recomputed and its
 *            snapshot written (outlay_rolling_forecast_close())
 *   shell    the sqlite3 shell spreading the same lines evenly over 12
 *            periods and summing them per period (a recursive CTE joined
 *            with the lines), as the peer
 *
 * Timings never fail the program; it exits non-zero only when something
 * does not work (the totals do not add up).
 *
 *   bench-phasing [--runs N] [--lines N] [--commitments N]
 */

#include "config.h"

#include "bench-budget.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <time.h>

#include "outlay-rolling-forecast.h"
#include "outlay-store-private.h"
#include "outlay-store.h"

static inline gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

static double
ms_since (gint64 t0)
{
  return (now_ns () - t0) / 1e6;
}

static void
exec_or_die (sqlite3 *db, const char *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
}

/* A third of the lines phased by percentages, the actuals dated. */
static void
phase_and_date (OutlayDocument *doc, GRand *rand)
{
  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);

      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        {
          OutlayLine *line = outlay_section_get_line (section, l);
          g_autofree char *date = g_strdup_printf ("2026-%02d-%02d", g_rand_int_range (rand, 1, 13),
                                                   g_rand_int_range (rand, 1, 29));

          outlay_line_load_text (line, OUTLAY_LINE_DATE, date);
          if (l % 3 == 0)
            {
              OutlayDecimal w[12];
              guint left = 100;

              for (guint p = 0; p < 11; p++)
                {
                  guint share = MIN (left, (guint) g_rand_int_range (rand, 0, 18));

                  w[p] = OUTLAY_DECIMAL_FROM_INT (share);
                  left -= share;
                }
              w[11] = OUTLAY_DECIMAL_FROM_INT (left);
              outlay_document_load_phasing (
                  doc, line, outlay_line_phasing_new (OUTLAY_PHASING_METHOD_PERCENT, w, 12));
            }
        }
    }
}

/* Orders and requests with expected dates, a part invoiced. */
static void
add_commitments (OutlayStore *store, gint64 budget_id, guint n, GRand *rand)
{
  sqlite3 *db = outlay_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  gint64 first;

  exec_or_die (db, "BEGIN IMMEDIATE");
  g_assert (sqlite3_prepare_v2 (
                db,
                "INSERT INTO commitments (budget_id, line_id, section_id, reference, vendor, "
                "amount, status, date, expected_date, invoiced) SELECT ?1, id, section_id, ?2,"
                " 'Vendor', ?3, 'ordered', ?4, ?5, ?6 FROM lines WHERE rowid = ?7",
                -1, &stmt, NULL)
            == SQLITE_OK);
  first = 0;
  {
    sqlite3_stmt *q = NULL;

    g_assert (sqlite3_prepare_v2 (db, "SELECT min(rowid), count(*) FROM lines", -1, &q, NULL)
              == SQLITE_OK);
    g_assert (sqlite3_step (q) == SQLITE_ROW);
    first = sqlite3_column_int64 (q, 0);
    for (guint i = 0; i < n; i++)
      {
        gint64 amount = OUTLAY_DECIMAL_FROM_INT (g_rand_int_range (rand, 10, 5000));
        g_autofree char *ref = g_strdup_printf ("PO-%06u", i + 1);
        g_autofree char *date = g_strdup_printf ("2026-%02d-10", g_rand_int_range (rand, 1, 7));
        g_autofree char *expected = g_strdup_printf ("2026-%02d-20",
                                                     g_rand_int_range (rand, 6, 13));

        sqlite3_bind_int64 (stmt, 1, budget_id);
        sqlite3_bind_text (stmt, 2, ref, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64 (stmt, 3, amount);
        sqlite3_bind_text (stmt, 4, date, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 5, expected, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64 (stmt, 6, amount / 2);
        sqlite3_bind_int64 (
            stmt, 7, first + g_rand_int_range (rand, 0, (gint32) sqlite3_column_int64 (q, 1)));
        if (sqlite3_step (stmt) != SQLITE_DONE)
          g_error ("insert: %s", sqlite3_errmsg (db));
        sqlite3_reset (stmt);
      }
    sqlite3_finalize (q);
  }
  sqlite3_finalize (stmt);
  /* the lines' stored amounts include what their commitments hold */
  exec_or_die (db, "UPDATE lines SET actual = actual + h.a, committed = committed + h.c"
                   " FROM (SELECT line_id, sum(invoiced) AS a, sum(amount - invoiced) AS c"
                   "  FROM commitments GROUP BY line_id) AS h WHERE lines.id = h.line_id");
  exec_or_die (db, "COMMIT");
}

#define SHELL_QUERY                                                                                \
  "WITH RECURSIVE p(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM p WHERE i < 11)"                   \
  " SELECT count(*), sum(s) FROM (SELECT p.i, sum(l.estimate / 12) AS s"                           \
  "  FROM lines l, p WHERE l.budget_id = %" G_GINT64_FORMAT " GROUP BY p.i);"

static double
run_shell (const char *path, const char *sql)
{
  const char *argv[] = { "sqlite3", path, sql, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  gint64 t0 = now_ns ();
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                     &status, &error))
    g_error ("sqlite3: %s", error->message);
  if (!g_str_has_prefix (out, "12|"))
    g_error ("sqlite3 answered %s", out);
  return ms_since (t0);
}

static void
report (const char *what, GArray *ms)
{
  double best = G_MAXDOUBLE, sum = 0;

  for (guint i = 0; i < ms->len; i++)
    {
      best = MIN (best, g_array_index (ms, double, i));
      sum += g_array_index (ms, double, i);
    }
  printf ("  %-44s best %8.1f ms   mean %8.1f ms\n", what, best, sum / ms->len);
}

int
main (int argc, char *argv[])
{
  int runs = 5, n_lines = 100000, n_commitments = 100000;
  GOptionEntry entries[] = { { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs", "N" },
                             { "lines", 0, 0, G_OPTION_ARG_INT, &n_lines, "Lines", "N" },
                             { "commitments", 0, 0, G_OPTION_ARG_INT, &n_commitments, "Commitments",
                               "N" },
                             { NULL } };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261206);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(GArray) load_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) periods_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) close_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shell_ms = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean have_shell = g_find_program_in_path ("sqlite3") != NULL;
  gint64 id;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  runs = CLAMP (runs, 1, 12);
  dir = g_dir_make_tmp ("bench-phasing-XXXXXX", &error);
  path = g_build_filename (dir, "bench.db", NULL);
  store = outlay_store_open (path, &error);
  g_assert_no_error (error);
  doc = bench_build_budget ((guint) n_lines, NULL);
  g_object_set (outlay_document_get_budget (doc), "fiscal-start", "2026-01-01", "fiscal-end",
                "2026-12-31", NULL);
  phase_and_date (doc, rand);
  if (!outlay_store_save_new_document (store, doc, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  id = outlay_budget_get_id (outlay_document_get_budget (doc));
  g_clear_object (&doc);
  add_commitments (store, id, (guint) n_commitments, rand);
  sql = g_strdup_printf (SHELL_QUERY, id);
  printf ("bench-phasing: %d lines × 12 periods, %d commitments, %d runs\n", n_lines, n_commitments,
          runs);

  for (int run = 0; run < runs; run++)
    {
      g_autoptr(OutlayDocument) loaded = NULL;
      g_autoptr(OutlayPhasingGrid) grid = NULL;
      OutlayDecimal planned = 0, estimate = 0;
      gint64 t0;
      double ms;

      t0 = now_ns ();
      loaded = outlay_store_load_document (store, id, &error);
      if (loaded == NULL)
        g_error ("%s", error->message);
      ms = ms_since (t0);
      g_array_append_val (load_ms, ms);

      t0 = now_ns ();
      grid = outlay_phasing_grid_new (loaded, &error);
      if (grid == NULL
          || !outlay_rolling_forecast_compute (grid, loaded,
                                               outlay_document_get_closed_periods (loaded), &error))
        g_error ("%s", error->message);
      ms = ms_since (t0);
      g_array_append_val (periods_ms, ms);
      /* the periods hold every line's estimate, to the cent */
      for (guint p = 0; p < grid->periods->n; p++)
        planned += grid->total_planned[p];
      for (guint r = 0; r < grid->n_rows; r++)
        estimate += outlay_line_get_estimate (grid->lines[r]);
      if (planned != estimate)
        g_error ("the periods hold %" G_GINT64_FORMAT ", the lines %" G_GINT64_FORMAT, planned,
                 estimate);

      t0 = now_ns ();
      /* as the Periods page does: its grid is current, the forecast is
       * computed again and kept */
      if (!outlay_rolling_forecast_close (loaded, NULL, grid, &error))
        g_error ("%s", error->message);
      ms = ms_since (t0);
      g_array_append_val (close_ms, ms);

      if (have_shell)
        {
          ms = run_shell (path, sql);
          g_array_append_val (shell_ms, ms);
        }
    }
  report ("load (outlay_store_load_document)", load_ms);
  report ("Periods page data (grid + rolling forecast)", periods_ms);
  report ("close a period + recompute + snapshot", close_ms);
  if (have_shell)
    report ("sqlite3 shell: even spread, sums per period", shell_ms);
  else
    printf ("  (sqlite3 is not installed: no peer)\n");
  g_clear_object (&store);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
