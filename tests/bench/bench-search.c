/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GNOME Shell's search in Outlay (outlay_store_search(), what the search
 * provider runs on its worker thread) on the 100,000-line benchmark budget
 * plus the sample, next to the sqlite3 shell running the first word's
 * LIKE over the same lines (less its process start), per query:
 *
 *   bench-search [--runs N] [--lines N] [--keep DIR] [--cold]
 *
 * The goal is under 50 ms a query. Each figure is the median of the runs.
 * Each run opens a connection and reads the lines ahead, as the provider
 * does a moment after the application starts (reported apart); with
 * --cold the first query reads them, as right after D-Bus activation. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "bench-budget.h"
#include "outlay-store-search.h"
#include "outlay-store.h"

static const char *const queries[][4] = {
  { "producer", NULL },
  { "line", "producer", NULL },
  { "gaffer", "overtime", "12", NULL },
  { "07-00042", NULL },
  { "bench", NULL },
  { "Überstunden", NULL }, /* not ASCII: every line is checked in C */
  { "zzzz", NULL },
};
#define N_QUERIES G_N_ELEMENTS (queries)

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_double);
  return values->len > 0 ? g_array_index (values, double, values->len / 2) : -1;
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

int
main (int argc, char *argv[])
{
  int runs = 5, n_lines = 100000;
  g_autofree char *keep = NULL;
  gboolean cold = FALSE, prepare;
  GOptionEntry entries[] = {
    { "cold", 0, 0, G_OPTION_ARG_NONE, &cold,
      "The first query reads the lines itself, as after D-Bus activation (no read-ahead)", NULL },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "How many runs (5)", "N" },
    { "lines", 0, 0, G_OPTION_ARG_INT, &n_lines, "Lines in the budget (100000)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Keep the database in DIR", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— GNOME Shell search bench");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  GArray *times[N_QUERIES];
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ahead = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shell = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shell_start = g_array_new (FALSE, FALSE, sizeof (double));
  guint found[N_QUERIES] = { 0 };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  prepare = !cold;
  dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("outlay-bench-search-XXXXXX", NULL);
  g_mkdir_with_parents (dir, 0700);
  path = g_build_filename (dir, "search.db", NULL);
  g_unlink (path);
  {
    g_autoptr(OutlayStore) writer = outlay_store_open (path, &error);
    g_autoptr(OutlayDocument) doc = bench_build_budget ((guint) n_lines, NULL);

    if (writer == NULL || !outlay_store_add_sample (writer, NULL, &error)
        || !outlay_store_save_new_document (writer, doc, NULL, NULL, NULL, &error))
      g_error ("%s", error->message);
  }

  for (guint q = 0; q < N_QUERIES; q++)
    times[q] = g_array_new (FALSE, FALSE, sizeof (double));
  for (int run = 0; run < runs; run++)
    {
      g_autoptr(OutlayStore) store = NULL;
      gint64 t0 = g_get_monotonic_time ();

      store = outlay_store_open (path, &error);
      if (store == NULL)
        g_error ("%s", error->message);
      /* as the provider does a moment after the application starts */
      if (prepare)
        {
          gint64 tp = g_get_monotonic_time ();
          double ms;

          if (!outlay_store_search_prepare (store, &error))
            g_error ("%s", error->message);
          ms = (g_get_monotonic_time () - tp) / 1000.0;
          g_array_append_val (ahead, ms);
        }
      for (guint q = 0; q < N_QUERIES; q++)
        {
          g_autoptr(GPtrArray) hits = NULL;
          gint64 t1 = g_get_monotonic_time ();
          double ms;

          hits = outlay_store_search (store, queries[q], 20, &error);
          if (hits == NULL)
            g_error ("%s", error->message);
          ms = (g_get_monotonic_time () - t1) / 1000.0;
          if (q == 0)
            {
              double with_open = (g_get_monotonic_time () - t0) / 1000.0;

              g_array_append_val (first, with_open);
            }
          g_array_append_val (times[q], ms);
          found[q] = hits->len;
        }
      if (sqlite3 != NULL)
        {
          double start = time_shell (sqlite3, path, "SELECT 1");
          double like = time_shell (sqlite3, path,
                                    "SELECT id FROM lines WHERE description LIKE '%producer%'"
                                    " OR code LIKE '%producer%'");

          g_array_append_val (shell_start, start);
          g_array_append_val (shell, like);
        }
    }

  g_print ("GNOME Shell search on %d lines (+ the sample), median of %d runs\n", n_lines, runs);
  g_print ("  %-36s %8s %6s\n", "query", "ms", "hits");
  for (guint q = 0; q < N_QUERIES; q++)
    {
      g_autofree char *text = g_strjoinv (" ", (char **) queries[q]);

      g_print ("  %-36s %8.2f %6u\n", text, median (times[q]), found[q]);
    }
  g_print ("  %-36s %8.2f\n",
           prepare ? "first query, opening and reading ahead" : "first query, opening the database",
           median (first));
  if (prepare)
    g_print ("  %-36s %8.2f\n", "of which reading ahead", median (ahead));
  if (sqlite3 != NULL)
    {
      double start = median (shell_start);

      g_print ("  %-36s %8.2f\n", "sqlite3 shell: LIKE '%producer%'", median (shell));
      g_print ("  %-36s %8.2f\n", "sqlite3 shell: process start", start);
      g_print ("  %-36s %8.2f\n", "sqlite3 shell: LIKE − start", median (shell) - start);
    }
  for (guint q = 0; q < N_QUERIES; q++)
    g_array_unref (times[q]);
  if (keep == NULL)
    {
      g_unlink (path);
      g_rmdir (dir);
    }
  return 0;
}
