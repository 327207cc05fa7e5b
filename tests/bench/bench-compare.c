/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How fast two 100,000-line versions are compared (target < 300 ms).
 *
 * The older side is the budget bench-store uses; the newer one is what a
 * replace-import of an edited spreadsheet leaves: every line a new id, 5%
 * of rates edited, 2% of descriptions reworded, 1% of codes reused for a
 * different line, 1% renumbered, 1% moved to the next section, 1%
 * removed, and 1,000 lines added.  Times outlay_compare_documents() and,
 * in the same run, the peer: `diff` of the two sides written as CSV
 * (which pairs nothing and reports text lines only).  Prints the median
 * over --runs runs (5) and what the comparison found.  Timings never fail
 * the program.
 *
 *   bench-compare [--runs N] [--lines N]
 */

#include "config.h"

#include "bench-budget.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "outlay-compare.h"

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

static OutlayLine *
copy_line (OutlayLine *from)
{
  OutlayLine *line = outlay_line_new ();

  for (OutlayLineField f = 0; f < OUTLAY_LINE_N_FIELDS; f++)
    if (outlay_line_field_is_decimal (f))
      outlay_line_load_decimal (line, f, outlay_line_get_decimal (from, f));
    else
      outlay_line_load_text (line, f, outlay_line_get_text (from, f));
  outlay_line_load_overridden (line, outlay_line_get_estimate_overridden (from));
  return line;
}

/* @old after a replace-import of an edited copy (see the top). */
static OutlayDocument *
edited (OutlayDocument *old)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240602);
  g_autoptr(OutlayBudget) budget = outlay_budget_new ("Benchmark feature film");
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  OutlayDocument *doc;
  guint n = outlay_document_get_n_sections (old);

  g_object_set (budget, "currency", "EUR", NULL);
  doc = outlay_document_new (budget);
  for (guint s = 0; s < n; s++)
    {
      OutlaySection *section = outlay_document_get_section (old, s);
      OutlaySection *copy = outlay_section_new (outlay_section_get_code (section),
                                                outlay_section_get_name (section));

      outlay_document_load_section (doc, copy);
      g_ptr_array_add (sections, copy);
    }
  for (guint s = 0; s < n; s++)
    {
      OutlaySection *section = outlay_document_get_section (old, s);

      for (guint i = 0; i < outlay_section_get_n_lines (section); i++)
        {
          g_autoptr(OutlayLine) line = copy_line (outlay_section_get_line (section, i));
          guint dice = g_rand_int_range (rand, 0, 100);
          guint to = s;

          if (dice == 0)
            continue;    /* removed */
          if (dice == 1) /* the code reused for something else */
            outlay_line_take_text (line, OUTLAY_LINE_DESCRIPTION,
                                   g_strdup_printf ("Drone unit %u", i));
          else if (dice == 2) /* renumbered */
            outlay_line_take_text (line, OUTLAY_LINE_CODE,
                                   g_strdup_printf ("%02u-R%05u", s + 1, i));
          else if (dice == 3) /* moved */
            to = (s + 1) % n;
          else if (dice < 6) /* reworded */
            outlay_line_take_text (
                line, OUTLAY_LINE_DESCRIPTION,
                g_strconcat (outlay_line_get_description (line), " (revised)", NULL));
          else if (dice < 11) /* a new rate */
            outlay_line_load_decimal (line, OUTLAY_LINE_RATE,
                                      outlay_line_get_rate (line) + OUTLAY_DECIMAL_FROM_INT (25));
          outlay_document_load_line (doc, g_ptr_array_index (sections, to), line);
        }
    }
  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(OutlayLine) line = outlay_line_new ();

      outlay_line_take_text (line, OUTLAY_LINE_CODE, g_strdup_printf ("NEW-%04u", i));
      outlay_line_load_text (line, OUTLAY_LINE_DESCRIPTION, "Additional crew day");
      outlay_line_load_decimal (line, OUTLAY_LINE_ESTIMATE, OUTLAY_DECIMAL_FROM_INT (500));
      outlay_document_load_line (doc, g_ptr_array_index (sections, i % n), line);
    }
  if (!outlay_document_finish_load (doc, &error))
    g_error ("%s", error->message);
  return doc;
}

static void
write_csv (OutlayDocument *doc, const char *path)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);

      for (guint i = 0; i < outlay_section_get_n_lines (section); i++)
        {
          OutlayLine *line = outlay_section_get_line (section, i);
          g_autofree char *rate = outlay_decimal_to_string_trim (outlay_line_get_rate (line));
          g_autofree char *estimate = outlay_decimal_to_string_trim (
              outlay_line_get_estimate (line));

          g_string_append_printf (out, "%s,%s,\"%s\",%s,%s\n", outlay_section_get_code (section),
                                  outlay_line_get_code (line), outlay_line_get_description (line),
                                  rate, estimate);
        }
    }
  if (!g_file_set_contents (path, out->str, (gssize) out->len, &error))
    g_error ("%s", error->message);
}

static double
time_diff (const char *a, const char *b, gboolean *ran)
{
  const char *argv[] = { "diff", a, b, NULL };
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  *ran = g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, &error);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int argc, char *argv[])
{
  int runs = 5, lines = 100000;
  const GOptionEntry entries[] = {
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Runs (median)", "N" },
    { "lines", 'l', 0, G_OPTION_ARG_INT, &lines, "Lines per side", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- compare two big versions");
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayDocument) from = NULL;
  g_autoptr(OutlayDocument) to = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree double *ms = NULL;
  g_autofree double *peer = NULL;
  gboolean ran = FALSE;
  guint changed = 0, added = 0, removed = 0;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  runs = CLAMP (runs, 1, 100);
  from = bench_build_budget ((guint) MAX (lines, 1), NULL);
  to = edited (from);
  dir = g_dir_make_tmp ("bench-compare-XXXXXX", &error);
  g_assert_no_error (error);
  a = g_build_filename (dir, "from.csv", NULL);
  b = g_build_filename (dir, "to.csv", NULL);
  write_csv (from, a);
  write_csv (to, b);
  ms = g_new (double, runs);
  peer = g_new (double, runs);
  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(OutlayComparison) c = outlay_compare_documents (from, to);

      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      changed = c->lines->len;
      added = c->added->len;
      removed = c->removed->len;
      peer[i] = time_diff (a, b, &ran);
    }
  g_print ("compare   %u → %u lines: %u changed, %u added, %u removed\n",
           outlay_document_get_n_lines (from), outlay_document_get_n_lines (to), changed, added,
           removed);
  g_print ("outlay    outlay_compare_documents  median %8.1f ms  target < 300 ms\n",
           median (ms, (guint) runs));
  if (ran)
    g_print ("peer      diff of the two CSVs      median %8.1f ms\n", median (peer, (guint) runs));
  else
    g_print ("peer      diff not found: skipped\n");
  g_unlink (a);
  g_unlink (b);
  g_rmdir (dir);
  return 0;
}
