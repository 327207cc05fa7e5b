/* SPDX-License-Identifier: GPL-3.0-or-later */

/* "Is there budget for this?" on a big budget.
 *
 * Builds the 100,000-line budget of bench-budget.h with a 12-month fiscal
 * year, saves it, adds --commitments commitments (requests, orders, part
 * invoiced, closed; on lines and on sections) in one transaction with the
 * lines' amounts following them, and then:
 *
 *   load    outlay_store_load_document() with its commitments
 *   check   outlay_budget_check() on random lines, sections and the whole
 *           budget (annual and accumulated to a period), random amounts:
 *           median and 99th percentile
 *   shell   the sqlite3 shell answering the budget-wide question with one
 *           SUM query over lines and commitments, and "SELECT 1" as its
 *           process-start baseline, per run
 *
 * and prints both with their ratio.  Timings never fail the program; it
 * exits non-zero only when something does not work (the shell's answer
 * differs from the check's).
 *
 *   bench-money [--runs N] [--lines N] [--commitments N] [--checks N]
 */

#include "config.h"

#include "bench-budget.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "outlay-budget-check.h"
#include "outlay-store-private.h"
#include "outlay-store.h"

static inline gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *values, double p)
{
  double *v = (double *) values->data;

  if (values->len == 0)
    return NAN;
  qsort (v, values->len, sizeof *v, compare_double);
  return v[MIN (values->len - 1, (guint) ceil (values->len * p) - 1)];
}

static void
exec_or_die (sqlite3 *db, const char *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
}

static gint64
query_int (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 v;

  g_assert (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK);
  g_assert (sqlite3_step (stmt) == SQLITE_ROW);
  v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

/* Commitments straight into SQLite, as a long-running department's
 * would be, and the lines' stored amounts made to include what they
 * hold (what the document keeps them at). */
static void
add_commitments (OutlayStore *store, gint64 budget_id, guint n, GRand *rand)
{
  static const char *const statuses[] = { "requested", "ordered", "ordered",
                                          "invoiced",  "closed",  "cancelled" };
  sqlite3 *db = outlay_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  gint64 first, n_lines;

  exec_or_die (db, "BEGIN IMMEDIATE");
  g_assert (sqlite3_prepare_v2 (db,
                                "INSERT INTO commitments (budget_id, line_id, section_id, "
                                "reference, vendor, amount, status,"
                                " date, invoiced) SELECT ?1, CASE WHEN ?2 THEN id END, section_id, "
                                "?3, 'Vendor', ?4, ?5, ?6,"
                                " ?7 FROM lines WHERE rowid = ?8",
                                -1, &stmt, NULL)
            == SQLITE_OK);
  first = query_int (db, "SELECT min(rowid) FROM lines");
  n_lines = query_int (db, "SELECT count(*) FROM lines");
  for (guint i = 0; i < n; i++)
    {
      const char *status = statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))];
      gint64 amount = OUTLAY_DECIMAL_FROM_INT (g_rand_int_range (rand, 10, 5000));
      gint64 invoiced = g_str_equal (status, "invoiced") ? amount
                        : g_str_equal (status, "requested") || g_str_equal (status, "cancelled")
                            ? 0
                            : amount / 100 * g_rand_int_range (rand, 0, 100);
      g_autofree char *ref = g_strdup_printf ("PO-%06u", i + 1);
      g_autofree char *date = g_strdup_printf ("2026-%02d-%02d", g_rand_int_range (rand, 1, 13),
                                               g_rand_int_range (rand, 1, 29));

      sqlite3_bind_int64 (stmt, 1, budget_id);
      sqlite3_bind_int (stmt, 2, g_rand_int_range (rand, 0, 20) != 0); /* 1 in 20 on a section */
      sqlite3_bind_text (stmt, 3, ref, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, amount);
      sqlite3_bind_text (stmt, 5, status, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 7, invoiced);
      sqlite3_bind_int64 (stmt, 8, first + g_rand_int_range (rand, 0, (gint32) n_lines));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("insert: %s", sqlite3_errmsg (db));
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  exec_or_die (
      db,
      "UPDATE lines SET"
      " actual = actual + h.a, committed = committed + h.c, reserved = reserved + h.r"
      " FROM (SELECT line_id,"
      "  sum(CASE WHEN status IN ('approved','ordered','invoiced','paid','closed') THEN invoiced"
      "   ELSE 0 END) AS a,"
      "  sum(CASE WHEN status IN ('approved','ordered') THEN max(amount - invoiced, 0) ELSE 0 END)"
      "   AS c,"
      "  sum(CASE WHEN status = 'requested' THEN amount ELSE 0 END) AS r"
      "  FROM commitments WHERE line_id IS NOT NULL GROUP BY line_id) AS h"
      " WHERE lines.id = h.line_id");
  exec_or_die (db, "COMMIT");
}

/* The budget-wide available amount, as one SUM query. */
#define SHELL_QUERY                                                                                \
  "SELECT (SELECT CASE WHEN allocated > 0 THEN allocated ELSE"                                     \
  "  (SELECT sum(estimate) FROM lines WHERE budget_id = %1$" G_GINT64_FORMAT ") END"               \
  "  FROM budgets WHERE id = %1$" G_GINT64_FORMAT ")"                                              \
  " - (SELECT sum(actual + committed + reserved) FROM lines WHERE budget_id = %1$" G_GINT64_FORMAT \
  ")"                                                                                              \
  " - (SELECT coalesce(sum(CASE WHEN status IN ('approved','ordered','invoiced','paid','closed')"  \
  "   THEN invoiced ELSE 0 END + CASE WHEN status IN ('approved','ordered')"                       \
  "   THEN max(amount - invoiced, 0) ELSE 0 END + CASE WHEN status = 'requested' THEN amount"      \
  "   ELSE 0 END), 0) FROM commitments WHERE budget_id = %1$" G_GINT64_FORMAT                      \
  "   AND line_id IS NULL);"

static double
run_shell (const char *path, const char *sql, char **out)
{
  const char *argv[] = { "sqlite3", path, sql, NULL };
  g_autoptr(GError) error = NULL;
  gint64 t0 = now_ns ();
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out, NULL,
                     &status, &error))
    g_error ("sqlite3: %s", error->message);
  return (now_ns () - t0) / 1e6;
}

int
main (int argc, char *argv[])
{
  int runs = 3, n_lines = 100000, n_commitments = 100000, n_checks = 10000;
  GOptionEntry entries[] = { { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Shell runs", "N" },
                             { "lines", 0, 0, G_OPTION_ARG_INT, &n_lines, "Lines", "N" },
                             { "commitments", 0, 0, G_OPTION_ARG_INT, &n_commitments, "Commitments",
                               "N" },
                             { "checks", 0, 0, G_OPTION_ARG_INT, &n_checks, "Checks", "N" },
                             { NULL } };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261206);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayStore) again = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(OutlayDocument) loaded = NULL;
  g_autoptr(GArray) check_us = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shell_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) start_ms = g_array_new (FALSE, FALSE, sizeof (double));
  OutlayAvailability whole;
  gint64 budget_id, t0;
  double load_ms, check_p99, shell_p99, start_p50;
  g_autofree char *answer = NULL;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  dir = g_dir_make_tmp ("outlay-bench-money-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "money.db", NULL);
  store = outlay_store_open (path, &error);
  g_assert_no_error (error);
  doc = bench_build_budget (n_lines, NULL);
  g_object_set (outlay_document_get_budget (doc), "fiscal-start", "2026-01-01", "fiscal-end",
                "2026-12-31", "auto-approval-threshold", OUTLAY_DECIMAL_FROM_INT (1000), NULL);
  if (!outlay_store_save_new_document (store, doc, NULL, NULL, NULL, &error))
    g_error ("save: %s", error->message);
  budget_id = outlay_budget_get_id (outlay_document_get_budget (doc));
  add_commitments (store, budget_id, n_commitments, rand);

  again = outlay_store_open (path, &error);
  g_assert_no_error (error);
  t0 = now_ns ();
  loaded = outlay_store_load_document (again, budget_id, &error);
  load_ms = (now_ns () - t0) / 1e6;
  if (loaded == NULL)
    g_error ("load: %s", error->message);

  /* the check on random lines, sections and the whole budget */
  for (int i = 0; i < n_checks; i++)
    {
      guint s = g_rand_int_range (rand, 0, outlay_document_get_n_sections (loaded));
      OutlaySection *section = outlay_document_get_section (loaded, s);
      OutlayLine *line = NULL;
      int kind = g_rand_int_range (rand, 0, 10);
      const char *period = kind % 2 ? "2026-06" : NULL;
      OutlayDecimal amount = OUTLAY_DECIMAL_FROM_INT (g_rand_int_range (rand, 1, 20000));
      OutlayCheck c;
      gint64 t;

      if (kind < 8 && outlay_section_get_n_lines (section) > 0)
        line = outlay_section_get_line (
            section, g_rand_int_range (rand, 0, outlay_section_get_n_lines (section)));
      if (kind == 9)
        section = NULL;
      t = now_ns ();
      if (!outlay_budget_check (loaded, section, line, period, amount, &c, &error))
        g_error ("check: %s", error->message);
      t = now_ns () - t;
      outlay_check_clear (&c);
      {
        double us = t / 1e3;

        g_array_append_val (check_us, us);
      }
    }

  sql = g_strdup_printf (SHELL_QUERY, budget_id);
  for (int r = 0; r < runs; r++)
    {
      g_autofree char *out = NULL;
      g_autofree char *one = NULL;
      double ms = run_shell (path, "SELECT 1;", &one);

      g_array_append_val (start_ms, ms);
      ms = run_shell (path, sql, &out);
      g_array_append_val (shell_ms, ms);
      g_free (answer);
      answer = g_strdup (g_strstrip (out));
    }

  /* both answer the same */
  outlay_availability_of_budget (loaded, &whole);
  {
    g_autofree char *mine = g_strdup_printf ("%" G_GINT64_FORMAT, whole.available);

    if (g_strcmp0 (mine, answer) != 0)
      {
        g_printerr ("bench-money: the check says %s available, the shell %s\n", mine, answer);
        return 1;
      }
  }

  check_p99 = percentile (check_us, 0.99);
  shell_p99 = percentile (shell_ms, 0.99);
  start_p50 = percentile (start_ms, 0.5);
  g_print ("budget: %d lines, %u sections, %u commitments, fiscal year 2026 (12 periods)\n",
           n_lines, outlay_document_get_n_sections (loaded),
           outlay_document_get_n_commitments (loaded));
  g_print ("%-58s %10.1f ms\n", "load: load_document with its commitments", load_ms);
  g_print ("%-58s %10.2f µs\n", "check: outlay_budget_check, median", percentile (check_us, 0.5));
  g_print ("%-58s %10.2f µs\n", "check: outlay_budget_check, 99th %", check_p99);
  g_print ("%-58s %10.1f ms\n", "sqlite3 shell: SELECT 1 (process start), median", start_p50);
  g_print ("%-58s %10.1f ms\n", "sqlite3 shell: the SUM query, 99th %", shell_p99);
  g_print ("%-58s %10.1f ms\n", "sqlite3 shell: SUM query − process start", shell_p99 - start_p50);
  g_print ("%-58s %10.0f×\n", "ratio: shell SUM query p99 / check p99",
           shell_p99 * 1e3 / check_p99);
  g_print ("%-58s %10.0f×\n", "ratio: (shell − process start) / check p99",
           (shell_p99 - start_p50) * 1e3 / check_p99);

  g_clear_object (&loaded);
  g_clear_object (&again);
  g_clear_object (&doc);
  g_clear_object (&store);
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
