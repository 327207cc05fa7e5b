/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Periods page on the 100,000-line budget of bench-budget.h (a
 * 12-month fiscal year, a third of the lines phased by percentages),
 * in a 1280×800 window, measured with the window's GdkFrameClock:
 *
 *   open    outlay_document_page_set_document() → the first "after-paint"
 *           with the budget's rows in the page (its grid laid out, the
 *           rows spliced, the first frame drawn)
 *   scroll  the page's vertical adjustment moved one page, --pages
 *           times: each move → its "after-paint"
 *   type    a typed period (outlay_document_set_phasing() of a line on
 *           screen, as the page's editor commits it) → the next
 *           "after-paint", its row and totals updated
 *
 * Timings never fail the program; it exits 1 when something does not
 * work.  Run it under Xvfb, as `meson test --benchmark periods-ui` does:
 *
 *   xvfb-run -a -s '-screen 0 1280x800x24' BUILDDIR/tests/bench/bench-periods-ui
 *     [--lines N] [--pages N] [--edits N]
 */

#include "config.h"

#include "bench-budget.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "outlay-document-phasing.h"
#include "outlay-periods-page.h"
#include "outlay-rolling-forecast.h"
#include "outlay-store.h"

typedef struct
{
  GtkWidget *window;
  OutlayPeriodsPage *page;
  OutlayDocument *doc;
  GdkFrameClock *clock;
  GMainLoop *loop;
  gint64 t0;
  double ms;
  guint expected_rows;
  gboolean waiting;
  GtkAdjustment *v;
} Bench;

static double
since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static void
after_paint_cb (GdkFrameClock *clock, Bench *b)
{
  if (b->waiting
      && (b->expected_rows == 0
          || g_list_model_get_n_items (outlay_periods_page_get_rows (b->page)) == b->expected_rows))
    {
      b->waiting = FALSE;
      b->ms = since (b->t0);
      g_main_loop_quit (b->loop);
    }
}

static void
wait_paint (Bench *b)
{
  b->waiting = TRUE;
  gtk_widget_queue_draw (b->window);
  g_main_loop_run (b->loop);
}

static int
compare_double (gconstpointer a, gconstpointer c)
{
  double x = *(const double *) a, y = *(const double *) c;

  return (x > y) - (x < y);
}

static void
stats (const char *what, GArray *ms)
{
  double *v = (double *) ms->data;

  if (ms->len == 0)
    return;
  qsort (v, ms->len, sizeof *v, compare_double);
  printf ("  %-40s median %7.1f ms   p95 %7.1f ms   max %7.1f ms   (%u)\n", what, v[ms->len / 2],
          v[MIN (ms->len - 1, (guint) (ms->len * 0.95))], v[ms->len - 1], ms->len);
}

static GtkWidget *
find_column_view (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_column_view (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
phase_some (OutlayDocument *doc)
{
  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);

      for (guint l = 0; l < outlay_section_get_n_lines (section); l += 3)
        {
          OutlayDecimal w[12] = { 0 };

          for (guint p = 0; p < 12; p++)
            w[p] = OUTLAY_DECIMAL_FROM_INT (p < 8 ? 5 : 15);
          outlay_document_load_phasing (
              doc, outlay_section_get_line (section, l),
              outlay_line_phasing_new (OUTLAY_PHASING_METHOD_PERCENT, w, 12));
        }
    }
}

int
main (int argc, char *argv[])
{
  int n_lines = 100000, n_pages = 60, n_edits = 20;
  GOptionEntry entries[] = { { "lines", 0, 0, G_OPTION_ARG_INT, &n_lines, "Lines", "N" },
                             { "pages", 0, 0, G_OPTION_ARG_INT, &n_pages, "Pages to scroll", "N" },
                             { "edits", 0, 0, G_OPTION_ARG_INT, &n_edits, "Typed periods", "N" },
                             { NULL } };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) built = NULL;
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (double));
  Bench b = { 0 };
  gint64 id;
  double load_ms;

  setlocale (LC_ALL, "");
  setvbuf (stdout, NULL, _IOLBF, 0);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  gtk_init ();
  adw_init ();
  dir = g_dir_make_tmp ("bench-periods-XXXXXX", &error);
  path = g_build_filename (dir, "bench.db", NULL);
  store = outlay_store_open (path, &error);
  g_assert_no_error (error);
  built = bench_build_budget ((guint) n_lines, NULL);
  g_object_set (outlay_document_get_budget (built), "fiscal-start", "2026-01-01", "fiscal-end",
                "2026-12-31", NULL);
  phase_some (built);
  if (!outlay_store_save_new_document (store, built, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  id = outlay_budget_get_id (outlay_document_get_budget (built));
  b.t0 = g_get_monotonic_time ();
  b.doc = outlay_store_load_document (store, id, &error);
  if (b.doc == NULL)
    g_error ("%s", error->message);
  load_ms = since (b.t0);

  b.loop = g_main_loop_new (NULL, FALSE);
  b.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (b.window), 1280, 800);
  b.page = OUTLAY_PERIODS_PAGE (outlay_periods_page_new ());
  gtk_window_set_child (GTK_WINDOW (b.window), GTK_WIDGET (b.page));
  gtk_window_present (GTK_WINDOW (b.window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (b.page)))
    g_main_context_iteration (NULL, TRUE);
  b.clock = gtk_widget_get_frame_clock (b.window);
  g_signal_connect (b.clock, "after-paint", G_CALLBACK (after_paint_cb), &b);
  wait_paint (&b);

  /* open */
  b.expected_rows = outlay_document_get_n_lines (b.doc) + outlay_document_get_n_sections (b.doc)
                    + 1;
  b.t0 = g_get_monotonic_time ();
  outlay_document_page_set_document (OUTLAY_DOCUMENT_PAGE (b.page), b.doc);
  wait_paint (&b);
  printf ("bench-periods-ui: %d lines × 12 periods, 1280×800\n", n_lines);
  printf ("  %-40s %7.1f ms (load the budget: %.1f ms, not counted)\n",
          "open the Periods page → first frame", b.ms, load_ms);
  /* again, as when the page is shown for another budget and back: the
   * cells exist, the layout and rows are new */
  {
    g_autoptr(GArray) again = g_array_new (FALSE, FALSE, sizeof (double));

    for (int i = 0; i < 3; i++)
      {
        b.expected_rows = 0;
        outlay_document_page_set_document (OUTLAY_DOCUMENT_PAGE (b.page), NULL);
        wait_paint (&b);
        b.expected_rows = outlay_document_get_n_lines (b.doc)
                          + outlay_document_get_n_sections (b.doc) + 1;
        b.t0 = g_get_monotonic_time ();
        outlay_document_page_set_document (OUTLAY_DOCUMENT_PAGE (b.page), b.doc);
        wait_paint (&b);
        g_array_append_val (again, b.ms);
      }
    stats ("open again → first frame", again);
  }

  /* scroll: a page at a time, each step to its frame */
  {
    GtkWidget *view = find_column_view (GTK_WIDGET (b.page));
    g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (double));

    b.v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
    b.expected_rows = 0;
    for (int i = 0; i < n_pages; i++)
      {
        b.t0 = g_get_monotonic_time ();
        gtk_adjustment_set_value (b.v, gtk_adjustment_get_value (b.v)
                                           + gtk_adjustment_get_page_size (b.v));
        wait_paint (&b);
        g_array_append_val (steps, b.ms);
      }
    if (gtk_adjustment_get_value (b.v) <= 0)
      g_error ("scrolling did not move");
    stats ("scroll one page → its frame", steps);
  }

  /* type: the first line's January, as the editor commits it */
  gtk_adjustment_set_value (b.v, 0);
  wait_paint (&b);
  b.expected_rows = 0;
  for (int i = 0; i < n_edits; i++)
    {
      OutlayLine *line = outlay_section_get_line (outlay_document_get_section (b.doc, 0), 0);
      OutlayDecimal amounts[12] = { 0 };
      g_autoptr(OutlayLinePhasing) p = NULL;
      g_autofree char *before = outlay_periods_page_get_cell_text (b.page, 1,
                                                                   OUTLAY_PERIODS_FIRST_PERIOD);
      g_autofree char *after = NULL;

      for (guint m = 0; m < 12; m++)
        amounts[m] = OUTLAY_DECIMAL_FROM_INT (100 + i + m);
      p = outlay_line_phasing_new (OUTLAY_PHASING_METHOD_AMOUNTS, amounts, 12);
      b.t0 = g_get_monotonic_time ();
      if (!outlay_document_set_phasing (b.doc, &line, &p, 1, NULL, &error))
        g_error ("%s", error->message);
      wait_paint (&b);
      g_array_append_val (edits, b.ms);
      after = outlay_periods_page_get_cell_text (b.page, 1, OUTLAY_PERIODS_FIRST_PERIOD);
      if (g_strcmp0 (before, after) == 0)
        g_error ("the typed period did not show: %s", after);
    }
  stats ("type a period → next frame", edits);

  gtk_window_destroy (GTK_WINDOW (b.window));
  g_clear_object (&b.doc);
  g_clear_object (&store);
  g_main_loop_unref (b.loop);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
