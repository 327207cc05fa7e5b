/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How the budget sheet of the real window copes with a big budget.
 *
 * Writes a new database holding the sample budget and the 100,000-line
 * budget of bench-store (20 sections, the same seed and values), then runs
 * the real OutlayApplication on it in-process (--database), in a
 * 1280×800 window showing the sample, and measures with the window's
 * GdkFrameClock:
 *
 *   open    outlay_window_select_budget() on the big budget → the first
 *           "after-paint" after which the sheet's rows are the big
 *           budget's and its first line's cell is on screen; split into
 *           "load" (the call up to the moment the sheet's rows store is
 *           spliced: outlay_store_load_document(), the overview and the
 *           row list) and "rows+paint" (the splice, in which the column
 *           view creates and binds its rows, the rest of the call, what
 *           the main loop runs before the frame, and the frame)
 *   scroll  the sheet's vertical adjustment moved once per frame from a
 *           tick callback: top → bottom in --jump-steps equal steps,
 *           --page-steps steps of one page, and --smooth-frames frames
 *           of 100 px; the intervals between consecutive "after-paint"s
 *           and each frame's work ("before-paint" → "after-paint")
 *   edit    outlay_document_set_line_text() on the rate of a line on
 *           screen → the next "after-paint", checking that the section
 *           row's Estimate cell shows the new subtotal
 *
 * Timings never fail the program: machines are noisy.  It exits 1 only
 * when something does not work (the budget is not shown, scrolling does
 * not reach the bottom, a subtotal is not updated on screen).
 *
 * Run it under Xvfb, as `meson test -C BUILDDIR --benchmark --verbose sheet`
 * does:
 *
 *   GSK_RENDERER=cairo GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=BUILDDIR/data \
 *   NO_AT_BRIDGE=1 GTK_A11Y=none ADW_DISABLE_PORTAL=1 GDK_BACKEND=x11 LC_ALL=C.UTF-8 \
 *   xvfb-run -a -s '-screen 0 1280x800x24' \
 *     dbus-run-session --config-file=tests/ui/session.conf -- \
 *     BUILDDIR/tests/bench/bench-sheet [--lines N] [--jump-steps N] \
 *       [--page-steps N] [--smooth-frames N] [--edits N] [--verbose]
 *
 * Besides wall-clock times it reports the main thread's CPU time, which
 * other processes on a busy machine disturb less.
 */

#include "config.h"

#include "bench-budget.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "outlay-application.h"
#include "outlay-currency.h"
#include "outlay-document-sink.h"
#include "outlay-line-private.h"
#include "outlay-sheet-cell.h"
#include "outlay-sheet-view.h"
#include "outlay-store.h"
#include "outlay-window.h"

#define N_SECTIONS     BENCH_N_SECTIONS
#define WINDOW_WIDTH   1280
#define WINDOW_HEIGHT  800
#define SETTLE_MS      800  /* idle time between measurements */
#define EDIT_GAP_MS    150
#define SMOOTH_STEP_PX 100.0
#define FRAME_BUDGET   33.0 /* ms: two frames at 60 Hz */
#define WATCHDOG_S     600

/* ---- statistics ---- */

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef struct
{
  guint  n;
  double median;
  double p95;
  double max;
  guint  over; /* values over FRAME_BUDGET */
} Stats;

static Stats
stats_of (GArray *values)
{
  g_autofree double *v = g_memdup2 (values->data, values->len * sizeof (double));
  Stats s = { values->len, NAN, NAN, NAN, 0 };
  guint n = values->len;

  if (n == 0)
    return s;
  qsort (v, n, sizeof *v, compare_double);
  s.median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  s.p95 = v[MIN (n - 1, (guint) ceil (n * 0.95) - 1)]; /* nearest rank */
  s.max = v[n - 1];
  for (guint i = 0; i < n; i++)
    s.over += v[i] > FRAME_BUDGET;
  return s;
}

static double
ms_between (gint64 from_us, gint64 to_us)
{
  return (to_us - from_us) / 1000.0;
}

/* CPU time of the calling (main) thread: what the work costs when other
 * processes compete for the CPU. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static double
rss_mb (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL)
      || sscanf (statm, "%lu %lu", &size, &resident) != 2)
    return NAN;
  return resident * (double) sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

/* The 1-minute load average: other processes competing for the CPU. */
static double
load_average (void)
{
  g_autofree char *text = NULL;
  double load = NAN;

  if (g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    load = g_ascii_strtod (text, NULL);
  return load;
}

/* ---- the budget: bench-budget.h, as bench-store builds it ---- */


/* A new database at @path with the sample budget (as a first start adds
 * it) and the big budget; the store is closed again before the app opens
 * the file. */
static gboolean
write_database (const char *path, guint n_lines, gint64 *sample_id, gint64 *big_id,
                double *build_ms, double *save_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = outlay_store_open (path, &error);
  g_autoptr(OutlayDocument) doc = NULL;
  gint64 t0;

  if (store == NULL)
    {
      g_printerr ("bench-sheet: %s\n", error->message);
      return FALSE;
    }
  if (!outlay_store_get_created (store) || !outlay_store_add_sample (store, sample_id, &error))
    {
      g_printerr ("bench-sheet: could not add the sample budget: %s\n",
                  error != NULL ? error->message : "the database was not new");
      return FALSE;
    }
  t0 = g_get_monotonic_time ();
  doc = bench_build_budget (n_lines, NULL);
  *build_ms = ms_between (t0, g_get_monotonic_time ());
  t0 = g_get_monotonic_time ();
  if (!outlay_store_save_new_document (store, doc, NULL, NULL, NULL, &error))
    {
      g_printerr ("bench-sheet: saving the big budget failed: %s\n", error->message);
      return FALSE;
    }
  *save_ms = ms_between (t0, g_get_monotonic_time ());
  *big_id = outlay_budget_get_id (outlay_document_get_budget (doc));
  /* the document keeps the store as its sink: dropping both closes the
   * connection, which checkpoints the WAL into the file */
  return TRUE;
}

/* ---- the run ---- */

typedef enum
{
  PHASE_START,      /* waiting for the window to show the sample */
  PHASE_IDLE,       /* settling between measurements */
  PHASE_OPEN,       /* select called, waiting for its first frame */
  PHASE_SCROLL,     /* a scroll pass, one step per frame */
  PHASE_EDIT,       /* an edit made, waiting for its frame */
  PHASE_DONE,
} Phase;

typedef enum
{
  PASS_JUMP,   /* top → bottom in equal steps */
  PASS_PAGE,   /* one page a frame */
  PASS_SMOOTH, /* 100 px a frame */
  N_PASSES
} PassKind;

static const char *const pass_names[N_PASSES] = {
  [PASS_JUMP] = "top → bottom",
  [PASS_PAGE] = "page a frame",
  [PASS_SMOOTH] = "100 px a frame",
};

typedef struct
{
  guint   n_steps;
  guint   step;          /* steps made */
  gboolean stepped;      /* a step was made in this frame's update */
  GArray *interval_ms;   /* after-paint → next after-paint, for stepped frames */
  GArray *work_ms;       /* before-paint → after-paint, for stepped frames */
  GArray *cpu_ms;        /* the same, main-thread CPU time */
  double  start_value, end_value, end_upper, end_page;
  double  rss_end;
  gboolean reached_bottom;
} Pass;

typedef struct
{
  /* options */
  gboolean verbose;
  guint n_lines;
  guint n_edits;

  OutlayApplication *app;
  OutlayWindow      *window;
  OutlaySheetView   *sheet;
  GtkWidget         *column_view;
  GtkWidget         *scrolled;
  GtkAdjustment     *vadj;
  GdkFrameClock     *clock;
  GType              cell_type;
  gint64             sample_id, big_id;
  guint              expected_rows;

  Phase   phase;
  gint64  before_paint_us;   /* this frame's "before-paint" */
  gint64  before_paint_cpu_us;
  gint64  last_after_paint_us;
  guint64 after_paints;
  guint   waited;
  gboolean failed;

  /* open */
  guint   items_hook;
  gulong  items_handler;
  gint64  open_call_us, open_return_us, splice_start_us, splice_end_us, open_frame_us;
  gint64  open_return_cpu_us, open_first_before_paint_us, open_first_before_paint_cpu_us;
  double  open_frame_work_ms, open_frame_cpu_ms, open_call_cpu_ms;
  guint   open_frames;
  double  rss_before_open, rss_open;
  double  load_alone_ms;
  int     window_w, window_h, sheet_h, surface_w, surface_h;
  double  load_start;

  /* scroll */
  Pass     passes[N_PASSES];
  PassKind pass;
  guint    tick_id;

  /* edits */
  OutlayLine    *edit_line;
  OutlaySection *edit_section;
  guint          edit;
  OutlayDecimal  edit_rate0;
  char          *subtotal_before;
  char          *line_estimate_before;
  gint64         edit_call_us;
  double         edit_call_ms_now, edit_call_cpu_ms_now;
  GArray        *edit_call_ms;  /* the set_line_text() call */
  GArray        *edit_frame_ms; /* the call → the next after-paint */
  GArray        *edit_work_ms;  /* that frame's before-paint → after-paint */
  GArray        *edit_cpu_ms;   /* CPU time of the call and of that frame */
  gint64         edit_call_cpu_us;
  gint64         edit_first_before_paint_us;
  GArray        *edit_wait_ms;  /* the call's return → that frame's before-paint */
} Bench;

static void fail (Bench *b, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
fail (Bench *b, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("bench-sheet: FAILED: %s\n", message);
  b->failed = TRUE;
  b->phase = PHASE_DONE;
  if (b->tick_id != 0 && b->column_view != NULL)
    gtk_widget_remove_tick_callback (b->column_view, b->tick_id);
  b->tick_id = 0;
  g_application_quit (G_APPLICATION (b->app));
}

/* ---- finding widgets ---- */

static GtkWidget *
find_type (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The sheet cell of @item in @column, or NULL when its row has no widgets. */
static GtkWidget *
find_cell (Bench *b, GtkWidget *widget, gpointer item, guint column)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, b->cell_type))
    {
      OutlaySheetCell *cell = OUTLAY_SHEET_CELL (widget);
      GtkListItem *li = outlay_sheet_cell_get_list_item (cell);

      if (outlay_sheet_cell_get_column (cell) == column && li != NULL
          && gtk_list_item_get_item (li) == item)
        return widget;
      return NULL;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_cell (b, c, item, column);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether @cell is mapped and inside the scrolled window's viewport. */
static gboolean
on_screen (Bench *b, GtkWidget *cell)
{
  graphene_rect_t r;

  if (cell == NULL || !gtk_widget_get_mapped (cell))
    return FALSE;
  if (!gtk_widget_compute_bounds (cell, b->scrolled, &r))
    return FALSE;
  return r.origin.y + r.size.height > 0 && r.origin.y < gtk_widget_get_height (b->scrolled)
         && r.origin.x < gtk_widget_get_width (b->scrolled);
}

/* The text shown by @item's cell in @column when on screen, else NULL. */
static const char *
screen_text (Bench *b, gpointer item, guint column)
{
  GtkWidget *cell = find_cell (b, b->column_view, item, column);

  if (!on_screen (b, cell))
    return NULL;
  return outlay_sheet_cell_get_text (OUTLAY_SHEET_CELL (cell));
}

/* ---- frame clock ---- */

static void start_scroll_pass (Bench *b);
static void next_edit (Bench *b);

static void
settle_then (Bench *b, guint ms, void (*next) (Bench *))
{
  b->phase = PHASE_IDLE;
  g_timeout_add_once (ms, (GSourceOnceFunc) next, b);
}

static void
before_paint_cb (GdkFrameClock *clock, Bench *b)
{
  b->before_paint_us = g_get_monotonic_time ();
  b->before_paint_cpu_us = thread_cpu_us ();
  if (b->phase == PHASE_OPEN && b->open_first_before_paint_us == 0)
    {
      b->open_first_before_paint_us = b->before_paint_us;
      b->open_first_before_paint_cpu_us = b->before_paint_cpu_us;
    }
  else if (b->phase == PHASE_EDIT && b->edit_first_before_paint_us == 0)
    b->edit_first_before_paint_us = b->before_paint_us;
}

static void
open_after_paint (Bench *b, gint64 now)
{
  GListModel *rows = outlay_sheet_view_get_rows (b->sheet);
  OutlayDocument *doc = outlay_window_get_document (b->window);
  OutlaySection *first;

  b->open_frames++;
  if (doc == NULL || outlay_budget_get_id (outlay_document_get_budget (doc)) != b->big_id
      || g_list_model_get_n_items (rows) != b->expected_rows)
    goto not_yet;
  first = outlay_document_get_section (doc, 0);
  if (screen_text (b, outlay_section_get_line (first, 0), OUTLAY_SHEET_COLUMN_DESCRIPTION) == NULL)
    goto not_yet;

  b->open_frame_us = now;
  g_signal_remove_emission_hook (g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL), b->items_hook);
  b->items_hook = 0;
  g_clear_signal_handler (&b->items_handler, rows);
  b->open_frame_work_ms = ms_between (b->before_paint_us, now);
  b->open_frame_cpu_ms = ms_between (b->before_paint_cpu_us, thread_cpu_us ());
  b->rss_open = rss_mb ();
  if (b->splice_start_us == 0 || b->splice_end_us == 0)
    {
      fail (b, "the sheet's rows were never replaced");
      return;
    }
  settle_then (b, SETTLE_MS, start_scroll_pass);
  return;

not_yet:
  if (b->open_frames > 200)
    fail (b, "200 frames after selecting the big budget its lines are not on screen "
          "(%u rows, expected %u)", g_list_model_get_n_items (rows), b->expected_rows);
}

static void
scroll_after_paint (Bench *b, gint64 now)
{
  Pass *p = &b->passes[b->pass];

  if (!p->stepped)
    return;
  p->stepped = FALSE;
  if (p->step > 1)
    {
      double interval = ms_between (b->last_after_paint_us, now);

      g_array_append_val (p->interval_ms, interval);
    }
  {
    double work = ms_between (b->before_paint_us, now);
    double cpu = ms_between (b->before_paint_cpu_us, thread_cpu_us ());

    g_array_append_val (p->work_ms, work);
    g_array_append_val (p->cpu_ms, cpu);
  }
  if (p->step < p->n_steps)
    return;

  /* the pass is over */
  gtk_widget_remove_tick_callback (b->column_view, b->tick_id);
  b->tick_id = 0;
  p->end_value = gtk_adjustment_get_value (b->vadj);
  p->end_upper = gtk_adjustment_get_upper (b->vadj);
  p->end_page = gtk_adjustment_get_page_size (b->vadj);
  p->rss_end = rss_mb ();
  if (b->pass == PASS_JUMP)
    {
      /* the last line is on screen */
      OutlayDocument *doc = outlay_window_get_document (b->window);
      OutlaySection *last = outlay_document_get_section (doc, outlay_document_get_n_sections (doc) - 1);
      OutlayLine *line = outlay_section_get_line (last, outlay_section_get_n_lines (last) - 1);

      p->reached_bottom = screen_text (b, line, OUTLAY_SHEET_COLUMN_DESCRIPTION) != NULL;
      if (!p->reached_bottom)
        {
          fail (b, "scrolled to the bottom (value %.0f of %.0f, page %.0f) but the last line is "
                "not on screen", p->end_value, p->end_upper, p->end_page);
          return;
        }
    }
  b->pass++;
  b->phase = PHASE_IDLE;
  /* back to the top, then the next pass (or the edits) once settled */
  gtk_adjustment_set_value (b->vadj, 0);
  settle_then (b, SETTLE_MS, b->pass < N_PASSES ? start_scroll_pass : next_edit);
}

static void
edit_after_paint (Bench *b, gint64 now)
{
  const char *subtotal, *estimate;
  double frame = ms_between (b->edit_call_us, now), work = ms_between (b->before_paint_us, now);
  double cpu = b->edit_call_cpu_ms_now + ms_between (b->before_paint_cpu_us, thread_cpu_us ());
  g_autofree char *expected = NULL;

  subtotal = screen_text (b, b->edit_section, OUTLAY_SHEET_COLUMN_ESTIMATE);
  estimate = screen_text (b, b->edit_line, OUTLAY_SHEET_COLUMN_ESTIMATE);
  expected = outlay_currency_format_amount (outlay_section_get_totals (b->edit_section)->estimate,
                                            outlay_budget_get_currency (outlay_document_get_budget (
                                              outlay_window_get_document (b->window))));
  if (subtotal == NULL || estimate == NULL)
    {
      fail (b, "edit %u: the section's or the line's Estimate cell is not on screen", b->edit + 1);
      return;
    }
  if (g_strcmp0 (subtotal, b->subtotal_before) == 0 || g_strcmp0 (subtotal, expected) != 0)
    {
      fail (b, "edit %u: the section's Estimate cell shows \"%s\" (before \"%s\"), not \"%s\"",
            b->edit + 1, subtotal, b->subtotal_before, expected);
      return;
    }
  if (g_strcmp0 (estimate, b->line_estimate_before) == 0)
    {
      fail (b, "edit %u: the line's Estimate cell still shows \"%s\"", b->edit + 1, estimate);
      return;
    }
  if (b->edit == 0)
    printf ("  edit 1: section subtotal \"%s\" → \"%s\"; line estimate \"%s\" → \"%s\"\n",
            b->subtotal_before, subtotal, b->line_estimate_before, estimate);
  g_array_append_val (b->edit_call_ms, b->edit_call_ms_now);
  g_array_append_val (b->edit_frame_ms, frame);
  g_array_append_val (b->edit_work_ms, work);
  g_array_append_val (b->edit_cpu_ms, cpu);
  {
    double wait = ms_between (b->edit_call_us, b->edit_first_before_paint_us) - b->edit_call_ms_now;

    g_array_append_val (b->edit_wait_ms, wait);
  }
  b->edit++;
  settle_then (b, EDIT_GAP_MS, next_edit);
}

static void
after_paint_cb (GdkFrameClock *clock, Bench *b)
{
  gint64 now = g_get_monotonic_time ();

  b->after_paints++;
  switch (b->phase)
    {
    case PHASE_OPEN:
      open_after_paint (b, now);
      break;
    case PHASE_SCROLL:
      scroll_after_paint (b, now);
      break;
    case PHASE_EDIT:
      edit_after_paint (b, now);
      break;
    case PHASE_START:
    case PHASE_IDLE:
    case PHASE_DONE:
    default:
      break;
    }
  b->last_after_paint_us = now;
}

/* ---- open ---- */

/* Runs before any handler: the moment the sheet starts replacing its rows. */
static gboolean
items_changed_hook (GSignalInvocationHint *hint, guint n_values, const GValue *values, gpointer data)
{
  Bench *b = data;

  if (b->phase == PHASE_OPEN && b->splice_start_us == 0
      && g_value_get_object (&values[0]) == (gpointer) outlay_sheet_view_get_rows (b->sheet)
      && g_value_get_uint (&values[3]) == b->expected_rows)
    b->splice_start_us = g_get_monotonic_time ();
  return TRUE;
}

/* Runs after the column view's own handler. */
static void
rows_changed_cb (GListModel *rows, guint position, guint removed, guint added, Bench *b)
{
  if (b->phase == PHASE_OPEN && b->splice_start_us != 0 && b->splice_end_us == 0)
    b->splice_end_us = g_get_monotonic_time ();
}

static void
start_open (Bench *b)
{
  gboolean ok;
  gint64 cpu0;

  b->rss_before_open = rss_mb ();
  b->items_hook = g_signal_add_emission_hook (g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL),
                                              0, items_changed_hook, b, NULL);
  b->items_handler = g_signal_connect (outlay_sheet_view_get_rows (b->sheet), "items-changed",
                                       G_CALLBACK (rows_changed_cb), b);
  b->phase = PHASE_OPEN;
  cpu0 = thread_cpu_us ();
  b->open_call_us = g_get_monotonic_time ();
  ok = outlay_window_select_budget (b->window, b->big_id);
  b->open_return_us = g_get_monotonic_time ();
  b->open_return_cpu_us = thread_cpu_us ();
  b->open_call_cpu_ms = ms_between (cpu0, b->open_return_cpu_us);
  if (!ok)
    fail (b, "outlay_window_select_budget() did not find budget %" G_GINT64_FORMAT, b->big_id);
}

/* ---- scroll ---- */

static gboolean
scroll_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  Bench *b = data;
  Pass *p;
  double upper, page, value;

  if (b->phase != PHASE_SCROLL || b->passes[b->pass].step >= b->passes[b->pass].n_steps)
    {
      b->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  p = &b->passes[b->pass];
  upper = gtk_adjustment_get_upper (b->vadj);
  page = gtk_adjustment_get_page_size (b->vadj);
  value = gtk_adjustment_get_value (b->vadj);
  p->step++;
  switch (b->pass)
    {
    case PASS_JUMP:
      /* 4.8's upper is an estimate: aim at the current one */
      value = (upper - page) * p->step / p->n_steps;
      break;
    case PASS_PAGE:
      value += page;
      break;
    case PASS_SMOOTH:
    case N_PASSES:
    default:
      value += SMOOTH_STEP_PX;
      break;
    }
  gtk_adjustment_set_value (b->vadj, MIN (value, upper - page));
  p->stepped = TRUE;
  return G_SOURCE_CONTINUE;
}

static void
start_scroll_pass (Bench *b)
{
  Pass *p = &b->passes[b->pass];

  if (b->failed)
    return;
  if (b->vadj == NULL)
    {
      b->scrolled = gtk_widget_get_ancestor (b->column_view, GTK_TYPE_SCROLLED_WINDOW);
      if (b->scrolled == NULL)
        {
          fail (b, "no GtkScrolledWindow around the sheet's GtkColumnView");
          return;
        }
      b->vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (b->scrolled));
    }
  p->start_value = gtk_adjustment_get_value (b->vadj);
  b->phase = PHASE_SCROLL;
  b->tick_id = gtk_widget_add_tick_callback (b->column_view, scroll_tick_cb, b, NULL);
}

/* ---- edits ---- */

static void
next_edit (Bench *b)
{
  g_autoptr(GError) error = NULL;
  OutlayDocument *doc = outlay_window_get_document (b->window);
  g_autofree char *text = NULL;
  const char *subtotal, *estimate;
  gint64 t1;

  if (b->failed)
    return;
  if (b->edit >= b->n_edits)
    {
      /* for reference: the load alone, on the app's own connection */
      g_autoptr(OutlayDocument) again = NULL;
      gint64 t0 = g_get_monotonic_time ();

      again = outlay_store_load_document (outlay_application_get_store (b->app), b->big_id, &error);
      b->load_alone_ms = ms_between (t0, g_get_monotonic_time ());
      if (again == NULL)
        {
          fail (b, "loading the big budget again: %s", error->message);
          return;
        }
      b->phase = PHASE_DONE;
      g_application_quit (G_APPLICATION (b->app));
      return;
    }
  if (b->edit == 0)
    {
      /* the third line of the first section: its row and the section's
       * are both on screen at the top */
      b->edit_section = outlay_document_get_section (doc, 0);
      b->edit_line = outlay_section_get_line (b->edit_section, 2);
      b->edit_rate0 = outlay_line_get_rate (b->edit_line);
    }
  subtotal = screen_text (b, b->edit_section, OUTLAY_SHEET_COLUMN_ESTIMATE);
  estimate = screen_text (b, b->edit_line, OUTLAY_SHEET_COLUMN_ESTIMATE);
  if (subtotal == NULL || estimate == NULL || screen_text (b, b->edit_line, OUTLAY_SHEET_COLUMN_RATE) == NULL)
    {
      fail (b, "before edit %u: the edited line or its section is not on screen", b->edit + 1);
      return;
    }
  g_free (b->subtotal_before);
  b->subtotal_before = g_strdup (subtotal);
  g_free (b->line_estimate_before);
  b->line_estimate_before = g_strdup (estimate);
  /* a different rate each time: + 1.25 × (edit + 1) */
  text = outlay_decimal_to_string (b->edit_rate0 + (OutlayDecimal) (b->edit + 1) * OUTLAY_DECIMAL_ONE * 5 / 4, 2);

  b->phase = PHASE_EDIT;
  b->edit_first_before_paint_us = 0;
  b->edit_call_cpu_us = thread_cpu_us ();
  b->edit_call_us = g_get_monotonic_time ();
  if (!outlay_document_set_line_text (doc, b->edit_line, OUTLAY_LINE_RATE, text, &error))
    {
      fail (b, "edit %u: setting the rate to %s failed: %s", b->edit + 1, text, error->message);
      return;
    }
  t1 = g_get_monotonic_time ();
  b->edit_call_ms_now = ms_between (b->edit_call_us, t1);
  b->edit_call_cpu_ms_now = ms_between (b->edit_call_cpu_us, thread_cpu_us ());
}

/* ---- start ---- */

static gboolean
start_cb (gpointer data)
{
  Bench *b = data;
  OutlayDocument *doc;

  if (b->failed)
    return G_SOURCE_REMOVE;
  if (++b->waited > 400)
    {
      fail (b, "the window did not show the sample budget within 20 s");
      return G_SOURCE_REMOVE;
    }
  if (b->window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (b->window)))
    return G_SOURCE_CONTINUE;
  doc = outlay_window_get_document (b->window);
  if (doc == NULL || outlay_budget_get_id (outlay_document_get_budget (doc)) != b->sample_id)
    return G_SOURCE_CONTINUE;
  if (b->clock == NULL)
    {
      b->sheet = OUTLAY_SHEET_VIEW (find_type (GTK_WIDGET (b->window), OUTLAY_TYPE_SHEET_VIEW));
      b->column_view = b->sheet != NULL ? find_type (GTK_WIDGET (b->sheet), GTK_TYPE_COLUMN_VIEW) : NULL;
      b->cell_type = g_type_from_name ("OutlaySheetCell");
      if (b->sheet == NULL || b->column_view == NULL || b->cell_type == 0)
        {
          fail (b, "no sheet view, column view or OutlaySheetCell type in the window");
          return G_SOURCE_REMOVE;
        }
      b->scrolled = gtk_widget_get_ancestor (b->column_view, GTK_TYPE_SCROLLED_WINDOW);
      b->clock = gtk_widget_get_frame_clock (GTK_WIDGET (b->window));
      g_signal_connect (b->clock, "before-paint", G_CALLBACK (before_paint_cb), b);
      g_signal_connect (b->clock, "after-paint", G_CALLBACK (after_paint_cb), b);
    }
  /* a few frames painted showing the sample */
  if (b->after_paints < 3 || b->scrolled == NULL
      || screen_text (b, outlay_section_get_line (outlay_document_get_section (doc, 0), 0),
                      OUTLAY_SHEET_COLUMN_DESCRIPTION) == NULL)
    return G_SOURCE_CONTINUE;
  b->window_w = gtk_widget_get_width (GTK_WIDGET (b->window));
  b->window_h = gtk_widget_get_height (GTK_WIDGET (b->window));
  b->sheet_h = gtk_widget_get_height (b->scrolled);
  {
    GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (b->window));

    b->surface_w = gdk_surface_get_width (surface);
    b->surface_h = gdk_surface_get_height (surface);
  }
  settle_then (b, SETTLE_MS, start_open);
  return G_SOURCE_REMOVE;
}

static void
window_added_cb (GtkApplication *app, GtkWindow *window, Bench *b)
{
  if (OUTLAY_IS_WINDOW (window) && b->window == NULL)
    b->window = OUTLAY_WINDOW (window);
}

static gboolean
watchdog_cb (gpointer data)
{
  fail (data, "still running after %d s", WATCHDOG_S);
  return G_SOURCE_REMOVE;
}

/* ---- report ---- */

static void
print_stats_line (const char *name, GArray *values)
{
  Stats s = stats_of (values);

  printf ("  %-34s n %4u  median %7.2f  p95 %7.2f  max %7.2f  over 33 ms %u\n", name, s.n,
          s.median, s.p95, s.max, s.over);
}

static void
report (Bench *b)
{
  double total = ms_between (b->open_call_us, b->open_frame_us);
  double load = ms_between (b->open_call_us, b->splice_start_us);
  double splice = ms_between (b->splice_start_us, b->splice_end_us);
  double rest = ms_between (b->splice_end_us, b->open_return_us);
  double call = ms_between (b->open_call_us, b->open_return_us);
  double to_frame = ms_between (b->open_return_us, b->open_frame_us);
  Stats jump_i = stats_of (b->passes[PASS_JUMP].interval_ms);
  Stats jump_w = stats_of (b->passes[PASS_JUMP].work_ms);
  Stats edit_f = stats_of (b->edit_frame_ms);

  printf ("\nopen (details):\n");
  printf ("  select call %.1f ms = call → rows splice %.1f ms (load_document, overview, row list), "
          "rows splice (create + bind rows) %.1f ms, rest of the call %.1f ms\n", call, load, splice,
          rest);
  printf ("  call returned → first frame with the lines %.1f ms (%u frame(s); that frame's "
          "before-paint → after-paint %.1f ms)\n", to_frame, b->open_frames, b->open_frame_work_ms);
  printf ("  of which call returned → that frame's before-paint %.1f ms (main-thread CPU %.1f ms), "
          "frames begun %u\n", ms_between (b->open_return_us, b->open_first_before_paint_us),
          ms_between (b->open_return_cpu_us, b->open_first_before_paint_cpu_us), b->open_frames);
  printf ("  main-thread CPU: select call %.1f ms, first frame %.1f ms\n", b->open_call_cpu_ms,
          b->open_frame_cpu_ms);
  if (b->verbose)
    printf ("  CLOCK_MONOTONIC µs: call %" G_GINT64_FORMAT ", splice %" G_GINT64_FORMAT "–%"
            G_GINT64_FORMAT ", return %" G_GINT64_FORMAT ", before-paint %" G_GINT64_FORMAT
            ", after-paint %" G_GINT64_FORMAT "\n", b->open_call_us, b->splice_start_us,
            b->splice_end_us, b->open_return_us, b->open_first_before_paint_us, b->open_frame_us);
  printf ("  for reference: outlay_store_load_document() alone on the app's connection %.1f ms\n",
          b->load_alone_ms);
  printf ("  RSS %.0f MB before, %.0f MB at the first frame\n", b->rss_before_open, b->rss_open);

  for (guint k = 0; k < N_PASSES; k++)
    {
      Pass *p = &b->passes[k];

      printf ("\nscroll, %s: %u frames, value %.0f → %.0f (upper %.0f, page %.0f), RSS at end %.0f MB\n",
              pass_names[k], p->n_steps, p->start_value, p->end_value, p->end_upper, p->end_page,
              p->rss_end);
      print_stats_line ("interval after-paint → after-paint", p->interval_ms);
      print_stats_line ("work before-paint → after-paint", p->work_ms);
      print_stats_line ("work, main-thread CPU", p->cpu_ms);
    }

  printf ("\nedits (%u, rate of line 3 of section 1):\n", b->edit_frame_ms->len);
  print_stats_line ("set_line_text() call", b->edit_call_ms);
  print_stats_line ("call → next after-paint", b->edit_frame_ms);
  print_stats_line ("call returned → before-paint", b->edit_wait_ms);
  print_stats_line ("that frame's work", b->edit_work_ms);
  print_stats_line ("CPU: the call + that frame", b->edit_cpu_ms);
  if (b->verbose)
    {
      printf ("  each, call → after-paint (ms):");
      for (guint i = 0; i < b->edit_frame_ms->len; i++)
        printf (" %.1f", g_array_index (b->edit_frame_ms, double, i));
      printf ("\n");
    }

  printf ("\n=== bench-sheet: %u lines in %u sections; X window %d×%d (content %d×%d, sheet "
          "viewport %d px high); GSK_RENDERER=%s; load average %.2f at start, %.2f at end ===\n",
          b->n_lines, MIN (N_SECTIONS, b->n_lines), b->surface_w, b->surface_h, b->window_w,
          b->window_h, b->sheet_h, g_getenv ("GSK_RENDERER") ?: "(default)", b->load_start,
          load_average ());
  if (b->n_lines == 100000)
    printf ("open 100k budget → first frame: ");
  else
    printf ("open %u-line budget → first frame: ", b->n_lines);
  printf ("%.1f ms (load %.1f ms, rows+paint %.1f ms) (target < 300 ms)\n", total, load, total - load);
  printf ("scroll top→bottom: frames %u, interval median/p95/max %.1f/%.1f/%.1f ms, work p95/max "
          "%.1f/%.1f ms, frames over 33 ms: %u (target 0)\n", b->passes[PASS_JUMP].n_steps,
          jump_i.median, jump_i.p95, jump_i.max, jump_w.p95, jump_w.max, jump_i.over);
  for (guint k = PASS_PAGE; k < N_PASSES; k++)
    {
      Stats si = stats_of (b->passes[k].interval_ms), sw = stats_of (b->passes[k].work_ms);

      printf ("  (%s: frames %u, interval median/p95/max %.1f/%.1f/%.1f ms, work p95/max "
              "%.1f/%.1f ms, frames over 33 ms: %u)\n", pass_names[k], b->passes[k].n_steps,
              si.median, si.p95, si.max, sw.p95, sw.max, si.over);
    }
  printf ("cell edit → subtotal on screen: median %.1f ms, max %.1f ms (target < 16 ms)\n",
          edit_f.median, edit_f.max);
}

/* ---- main ---- */

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  int n_lines = 100000, jump_steps = 300, page_steps = 300, smooth_frames = 400, n_edits = 20;
  double build_ms = 0, save_ms = 0;
  Bench b = { 0 };
  char *app_argv[] = { (char *) "outlay", (char *) "--database", NULL, NULL };
  int status;
  const GOptionEntry entries[] = {
    { "lines", 'l', 0, G_OPTION_ARG_INT, &n_lines, "Lines in the big budget (default 100000)", "N" },
    { "jump-steps", 0, 0, G_OPTION_ARG_INT, &jump_steps, "Frames to scroll top to bottom (default 300)", "N" },
    { "page-steps", 0, 0, G_OPTION_ARG_INT, &page_steps, "Frames of one page each (default 300)", "N" },
    { "smooth-frames", 0, 0, G_OPTION_ARG_INT, &smooth_frames, "Frames of 100 px each (default 400)", "N" },
    { "edits", 'e', 0, G_OPTION_ARG_INT, &n_edits, "Cell edits (default 20)", "N" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &b.verbose,
      "Also print the open's CLOCK_MONOTONIC timestamps (to match perf record -k CLOCK_MONOTONIC)", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
    "Times opening, scrolling and editing a big budget in the real Outlay window (run under Xvfb).");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-sheet: %s\n", error->message);
      return 2;
    }
  if (n_lines < N_SECTIONS || jump_steps < 1 || page_steps < 1 || smooth_frames < 1 || n_edits < 1)
    {
      g_printerr ("bench-sheet: --lines must be at least %d, the others at least 1\n", N_SECTIONS);
      return 2;
    }
  /* never touch the user's settings */
  if (g_strcmp0 (g_getenv ("GSETTINGS_BACKEND"), "memory") != 0)
    g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (g_settings_schema_source_get_default () != NULL)
    schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  if (schema == NULL)
    {
      g_printerr ("bench-sheet: the %s schema is not found; set GSETTINGS_SCHEMA_DIR=BUILDDIR/data\n",
                  APP_ID);
      return 2;
    }

  b.n_lines = (guint) n_lines;
  b.n_edits = (guint) n_edits;
  b.expected_rows = b.n_lines + N_SECTIONS;
  b.passes[PASS_JUMP].n_steps = (guint) jump_steps;
  b.passes[PASS_PAGE].n_steps = (guint) page_steps;
  b.passes[PASS_SMOOTH].n_steps = (guint) smooth_frames;
  for (guint k = 0; k < N_PASSES; k++)
    {
      b.passes[k].interval_ms = g_array_new (FALSE, FALSE, sizeof (double));
      b.passes[k].work_ms = g_array_new (FALSE, FALSE, sizeof (double));
      b.passes[k].cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
    }
  b.edit_call_ms = g_array_new (FALSE, FALSE, sizeof (double));
  b.edit_frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  b.edit_work_ms = g_array_new (FALSE, FALSE, sizeof (double));
  b.edit_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  b.edit_wait_ms = g_array_new (FALSE, FALSE, sizeof (double));

  if ((dir = g_dir_make_tmp ("outlay-bench-sheet-XXXXXX", &error)) == NULL)
    {
      g_printerr ("bench-sheet: %s\n", error->message);
      return 1;
    }
  db = g_build_filename (dir, "outlay.db", NULL);
  if (!write_database (db, b.n_lines, &b.sample_id, &b.big_id, &build_ms, &save_ms))
    return 1;
  printf ("Outlay sheet benchmark: %u lines in %d sections (built in %.0f ms, saved in %.0f ms) "
          "beside the sample budget\n  database %s\n", b.n_lines, N_SECTIONS, build_ms, save_ms, db);
  fflush (stdout);

  /* a 1280×800 window (Xvfb has no window manager to maximize it) that
   * opens on the sample */
  settings = g_settings_new (APP_ID);
  g_settings_set_int (settings, "window-width", WINDOW_WIDTH);
  g_settings_set_int (settings, "window-height", WINDOW_HEIGHT);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  g_settings_set_int64 (settings, "last-budget", b.sample_id);

  app_argv[2] = db;
  b.load_start = load_average ();
  b.app = outlay_application_new ();
  g_signal_connect (b.app, "window-added", G_CALLBACK (window_added_cb), &b);
  g_timeout_add (50, start_cb, &b);
  g_timeout_add_seconds (WATCHDOG_S, watchdog_cb, &b);
  status = g_application_run (G_APPLICATION (b.app), 3, app_argv);
  if (b.items_hook != 0)
    g_signal_remove_emission_hook (g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL), b.items_hook);
  if (status != 0)
    {
      g_printerr ("bench-sheet: the application exited with %d\n", status);
      b.failed = TRUE;
    }
  if (!b.failed && b.phase != PHASE_DONE)
    {
      g_printerr ("bench-sheet: FAILED: the application quit before the benchmark finished\n");
      b.failed = TRUE;
    }
  if (!b.failed)
    report (&b);
  fflush (stdout);

  g_object_unref (b.app);
  for (const char *const *s = (const char *const[]) { "", "-wal", "-shm", "-journal", NULL }; *s; s++)
    {
      g_autofree char *f = g_strconcat (db, *s, NULL);

      if (g_file_test (f, G_FILE_TEST_EXISTS))
        g_remove (f);
    }
  g_rmdir (dir);
  for (guint k = 0; k < N_PASSES; k++)
    {
      g_array_unref (b.passes[k].interval_ms);
      g_array_unref (b.passes[k].work_ms);
      g_array_unref (b.passes[k].cpu_ms);
    }
  g_array_unref (b.edit_call_ms);
  g_array_unref (b.edit_frame_ms);
  g_array_unref (b.edit_work_ms);
  g_array_unref (b.edit_cpu_ms);
  g_array_unref (b.edit_wait_ms);
  g_free (b.subtotal_before);
  g_free (b.line_estimate_before);
  return b.failed ? 1 : 0;
}
