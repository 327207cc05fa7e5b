/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How fast reports are written as PDF.
 *
 *   summary   the sample AICP budget's top sheet (target < 100 ms)
 *   detail    the detailed report of a --lines line budget, 10,000 by
 *             default (target < 2 s), the same budget bench-store uses
 *   variance  the variance report of that budget, by overrun amount
 *
 * Each is made from the document (rows prepared), paginated and written
 * to a file, per run; prints the median over --runs runs (5) and the
 * pages.  Timings never fail the program; it exits non-zero only when a
 * report cannot be written.
 *
 *   bench-report [--runs N] [--lines N] [--keep DIR]
 */

#include "config.h"

#include "bench-budget.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <time.h>

#include "outlay-report.h"
#include "outlay-template.h"

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values, guint n)
{
  qsort (values, n, sizeof *values, compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* Writes the report of @doc to @path; returns the milliseconds taken,
 * and in @cpu_ms the processor time (steadier on a busy machine). */
static double
time_report (OutlayDocument *doc, const OutlayReportOptions *options, const char *path,
             guint *pages, double *cpu_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(OutlayReport) report = NULL;
  gint64 start = g_get_monotonic_time ();
  clock_t cpu = clock ();

  report = outlay_report_new (doc, options);
  if (!outlay_report_write_pdf (report, file, NULL, &error))
    g_error ("Could not write the report: %s", error->message);
  *pages = outlay_report_get_n_pages (report);
  *cpu_ms = (double) (clock () - cpu) * 1000.0 / CLOCKS_PER_SEC;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench (const char *name, OutlayDocument *doc, const OutlayReportOptions *options,
       const char *dir, guint runs, double target_ms)
{
  g_autofree double *ms = g_new (double, runs);
  g_autofree double *cpu = g_new (double, runs);
  g_autofree char *file = g_strconcat (name, ".pdf", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  guint pages = 0;
  double m;

  for (guint i = 0; i < runs; i++)
    ms[i] = time_report (doc, options, path, &pages, &cpu[i]);
  m = median (ms, runs);
  g_print ("%-9s %6u lines %5u pages  median %8.1f ms (cpu %8.1f ms)  target < %.0f ms%s\n",
           name, outlay_document_get_n_lines (doc), pages, m, median (cpu, runs), target_ms,
           m < target_ms ? "" : "  SLOW");
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(OutlayDocument) sample = NULL;
  g_autoptr(OutlayDocument) big = NULL;
  g_autofree char *keep = NULL;
  g_autofree char *dir = NULL;
  OutlayReportOptions options;
  int runs = 5, lines = 10000;
  const GOptionEntry entries[] = {
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Runs per report (median)", "N" },
    { "lines", 'l', 0, G_OPTION_ARG_INT, &lines, "Lines of the big budget", "N" },
    { "keep", 'k', 0, G_OPTION_ARG_FILENAME, &keep, "Write the PDFs to DIR and keep them", "DIR" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  runs = CLAMP (runs, 1, 100);
  lines = MAX (lines, 1);
  dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("bench-report-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);

  sample = outlay_template_build ("sample", NULL, &error);
  if (sample == NULL)
    g_error ("%s", error->message);
  big = bench_build_budget ((guint) lines, NULL);

  outlay_report_options_init (&options, OUTLAY_REPORT_SUMMARY);
  bench ("summary", sample, &options, dir, (guint) runs, 100);
  outlay_report_options_init (&options, OUTLAY_REPORT_DETAIL);
  bench ("detail", big, &options, dir, (guint) runs, 2000);
  outlay_report_options_init (&options, OUTLAY_REPORT_VARIANCE);
  options.sort = OUTLAY_REPORT_SORT_AMOUNT;
  bench ("variance", big, &options, dir, (guint) runs, 2000);

  if (keep == NULL)
    {
      const char *names[] = { "summary.pdf", "detail.pdf", "variance.pdf" };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *path = g_build_filename (dir, names[i], NULL);

          g_unlink (path);
        }
      g_rmdir (dir);
    }
  return 0;
}
