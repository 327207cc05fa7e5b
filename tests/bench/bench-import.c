/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How fast a spreadsheet becomes a budget, side by side with the tools
 * people use to read the same files, in the same run.
 *
 *   xlsx   outlay: open, analyse, import large_100k.xlsx into a new
 *          database (parse, map, write to SQLite, commit), in a child
 *          process so its peak memory is its own; peers: ssconvert
 *          (gnumeric) to CSV, xlsx2csv, python3-openpyxl read-only reading
 *          every row, and `unzip -p` of the sheet XML (the floor: no
 *          reader can be faster than inflating the sheet)
 *   csv    outlay: import large_100k.csv; and a 1,000,000-row CSV (the
 *          100k file ten times) against the sqlite3 shell's own
 *          `.import --csv` of it into a database file
 *
 * Prints medians, ratios and peak memory. Timings never fail the program;
 * it exits non-zero only when an import fails or has the wrong line count.
 *
 *   bench-import [--runs N] [--fixtures DIR] [--only xlsx|csv]
 *
 * DIR defaults to $OUTLAY_FIXTURES, else to the fixtures the build made
 * (BUILDDIR/tests/fixtures, with the generated large_100k.csv/.xlsx).
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "outlay-importer.h"

typedef struct
{
  double seconds;
  double peak_mb;
} Run;

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  if (values->len == 0)
    return NAN;
  g_array_sort (values, compare_double);
  return g_array_index (values, double, values->len / 2);
}

/* Imports @path into a fresh database in a child; FALSE if it failed. */
static gboolean
import_in_child (const char *path, const char *dir, guint lines, Run *run)
{
  g_autofree char *db = g_build_filename (dir, "bench.db", NULL);
  struct rusage usage;
  gint64 start;
  int status = 0;
  pid_t pid;

  g_unlink (db);
  start = g_get_monotonic_time ();
  pid = fork ();
  if (pid == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(OutlayStore) store = outlay_store_open (db, &error);
      g_autoptr(OutlayWorkbook) wb = store ? outlay_workbook_open (file, NULL, &error) : NULL;
      g_autoptr(OutlayImportAnalysis) a = wb ? outlay_import_analyze (wb, -1, NULL, &error) : NULL;
      OutlayImportOptions options = { .mode = OUTLAY_IMPORT_MODE_NEW, .source = "bench" };
      g_autoptr(OutlayImportResult) r = NULL;

      if (a != NULL)
        r = outlay_import_run (store, wb, a, &options, NULL, NULL, NULL, &error);
      if (r == NULL)
        {
          g_printerr ("import of %s failed: %s\n", path, error ? error->message : "?");
          _exit (1);
        }
      _exit (r->rows_imported == lines ? 0 : 2);
    }
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    return FALSE;
  run->seconds = (g_get_monotonic_time () - start) / 1e6;
  run->peak_mb = usage.ru_maxrss / 1024.0;
  return TRUE;
}

static double
time_command (const char *command)
{
  gint64 start = g_get_monotonic_time ();
  int status = system (command);

  if (status != 0)
    {
      g_printerr ("  (failed: %s)\n", command);
      return NAN;
    }
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
median_command (const char *command, guint runs)
{
  g_autoptr(GArray) t = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      double s = time_command (command);

      if (isnan (s))
        return NAN;
      g_array_append_val (t, s);
    }
  return median (t);
}

static gboolean
median_import (const char *path, const char *dir, guint lines, guint runs, Run *out)
{
  g_autoptr(GArray) t = g_array_new (FALSE, FALSE, sizeof (double));

  out->peak_mb = 0;
  for (guint i = 0; i < runs; i++)
    {
      Run run;

      if (!import_in_child (path, dir, lines, &run))
        return FALSE;
      g_array_append_val (t, run.seconds);
      out->peak_mb = MAX (out->peak_mb, run.peak_mb);
    }
  out->seconds = median (t);
  return TRUE;
}

static void
peer (const char *name, double seconds, double ours)
{
  if (isnan (seconds))
    g_print ("  %-34s not installed or failed\n", name);
  else
    g_print ("  %-34s %7.3f s   outlay is %.1f× faster\n", name, seconds, seconds / ours);
}

static gboolean
bench_xlsx (const char *fixtures, const char *dir, guint runs)
{
  g_autofree char *xlsx = g_build_filename (fixtures, "large_100k.xlsx", NULL);
  g_autofree char *q = g_shell_quote (xlsx);
  g_autofree char *out = g_build_filename (dir, "peer.csv", NULL);
  g_autofree char *qo = g_shell_quote (out);
  g_autofree char *ssconvert = g_strdup_printf ("ssconvert %s %s >/dev/null 2>&1", q, qo);
  g_autofree char *xlsx2csv = g_strdup_printf ("xlsx2csv %s %s >/dev/null 2>&1", q, qo);
  g_autofree char *openpyxl = g_strdup_printf (
    "/usr/bin/python3 -c 'import openpyxl,sys\n"
    "wb=openpyxl.load_workbook(sys.argv[1],read_only=True)\n"
    "n=sum(1 for r in wb.active.iter_rows(values_only=True))\n"
    "sys.exit(0 if n==100001 else 1)' %s", q);
  g_autofree char *unzip = g_strdup_printf ("unzip -p %s xl/worksheets/sheet1.xml >/dev/null", q);
  double floor, fastest = INFINITY, t;
  Run ours;

  g_print ("large_100k.xlsx (100,000 lines) → a new budget\n");
  if (!median_import (xlsx, dir, 100000, runs, &ours))
    return FALSE;
  g_print ("  %-34s %7.3f s   peak %.0f MB\n", "outlay import (median)", ours.seconds, ours.peak_mb);
  floor = median_command (unzip, runs);
  g_print ("  %-34s %7.3f s   outlay is %.1f× the floor\n", "unzip -p sheet XML (floor)", floor,
           ours.seconds / floor);
  t = median_command (ssconvert, 1);
  peer ("ssconvert xlsx → csv", t, ours.seconds);
  fastest = isnan (t) ? fastest : MIN (fastest, t);
  t = median_command (xlsx2csv, 1);
  peer ("xlsx2csv", t, ours.seconds);
  fastest = isnan (t) ? fastest : MIN (fastest, t);
  t = median_command (openpyxl, 1);
  peer ("python3-openpyxl read-only", t, ours.seconds);
  fastest = isnan (t) ? fastest : MIN (fastest, t);
  if (isfinite (fastest))
    g_print ("  against the fastest peer: %.1f× (target ≥ 3×, and < 1 s)\n", fastest / ours.seconds);
  return TRUE;
}

/* The 100k rows ten times over, codes made unique. */
static gboolean
write_million (const char *fixtures, const char *path)
{
  g_autofree char *src = g_build_filename (fixtures, "large_100k.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) out = NULL;
  const char *body;
  gsize len;

  if (!g_file_get_contents (src, &text, &len, NULL))
    return FALSE;
  body = strchr (text, '\n') + 1;
  out = g_string_sized_new (len * 10 + 64);
  g_string_append_len (out, text, body - text);
  for (int copy = 0; copy < 10; copy++)
    for (const char *p = body; *p != '\0';)
      {
        const char *nl = strchr (p, '\n');
        const char *comma = strchr (p, ',');

        if (nl == NULL)
          nl = p + strlen (p);
        /* Category,Code,… → Category,Code-copy,… */
        g_string_append_len (out, p, comma + 1 - p);
        g_string_append_printf (out, "%d-", copy);
        g_string_append_len (out, comma + 1, nl - comma - 1);
        g_string_append_c (out, '\n');
        p = *nl ? nl + 1 : nl;
      }
  return g_file_set_contents (path, out->str, out->len, NULL);
}

static gboolean
bench_csv (const char *fixtures, const char *dir, guint runs)
{
  g_autofree char *csv = g_build_filename (fixtures, "large_100k.csv", NULL);
  g_autofree char *million = g_build_filename (dir, "million.csv", NULL);
  g_autofree char *db = g_build_filename (dir, "sqlite3.db", NULL);
  g_autofree char *qm = g_shell_quote (million);
  g_autofree char *qdb = g_shell_quote (db);
  g_autofree char *sqlite = g_strdup_printf ("rm -f %s && sqlite3 %s '.import --csv %s t'",
                                             qdb, qdb, qm);
  double shell;
  Run ours;

  g_print ("large_100k.csv (100,000 lines) → a new budget\n");
  if (!median_import (csv, dir, 100000, runs, &ours))
    return FALSE;
  g_print ("  %-34s %7.3f s   peak %.0f MB\n", "outlay import (median)", ours.seconds, ours.peak_mb);

  if (!write_million (fixtures, million))
    return FALSE;
  g_print ("1,000,000-line CSV (%s) → a new budget\n", "large_100k.csv ten times");
  if (!median_import (million, dir, 1000000, MIN (runs, 3), &ours))
    return FALSE;
  g_print ("  %-34s %7.3f s   peak %.0f MB\n", "outlay import (median)", ours.seconds, ours.peak_mb);
  shell = median_command (sqlite, MIN (runs, 3));
  if (!isnan (shell))
    g_print ("  %-34s %7.3f s   outlay takes %.2f× as long (target ≤ 2×)\n",
             "sqlite3 .import --csv (file db)", shell, ours.seconds / shell);
  return TRUE;
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixtures = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *only = NULL;
  int runs = 5;
  GOptionEntry entries[] = {
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Runs per measurement (median)", "N" },
    { "fixtures", 'f', 0, G_OPTION_ARG_FILENAME, &fixtures,
      "The fixtures (default: the build's tests/fixtures)", "DIR" },
    { "only", 'o', 0, G_OPTION_ARG_STRING, &only, "Run one part: xlsx or csv", "PART" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  gboolean ok;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (fixtures == NULL)
    fixtures = g_strdup (g_getenv ("OUTLAY_FIXTURES"));
  if (fixtures == NULL)
    fixtures = g_strdup (OUTLAY_BUILD_FIXTURES);
  {
    g_autofree char *large = g_build_filename (fixtures, "large_100k.csv", NULL);

    if (!g_file_test (large, G_FILE_TEST_IS_REGULAR))
      {
        g_printerr ("%s is missing: build the project, or give --fixtures DIR\n", large);
        return 2;
      }
  }
  dir = g_dir_make_tmp ("outlay-bench-import-XXXXXX", &error);
  g_assert_no_error (error);
  ok = (g_strcmp0 (only, "csv") == 0 || bench_xlsx (fixtures, dir, MAX (runs, 1)))
       && (g_strcmp0 (only, "xlsx") == 0 || bench_csv (fixtures, dir, MAX (runs, 1)));
  {
    g_autofree char *q = g_shell_quote (dir);
    g_autofree char *rm = g_strdup_printf ("rm -rf %s", q);

    if (system (rm) != 0)
      g_printerr ("could not remove %s\n", dir);
  }
  return ok ? 0 : 1;
}
