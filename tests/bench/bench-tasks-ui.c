/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Tasks page and the week grid on the big budget of bench-tasks.
 *
 * Opens the database bench-tasks left with --keep, loads the budget
 * (not timed here: bench-tasks times the load), and in a 1280×800 window
 * measures with the window's GdkFrameClock:
 *
 *   tasks page  outlay_document_page_set_document() → the first
 *               "after-paint" after it (the page splices its 20,000 tasks
 *               into the column view, which binds the rows on screen)
 *   week grid   outlay_tasks_page_show_week() → the first "after-paint"
 *               (the 300 people's rows and the week's sums from the store)
 *   log         one entry logged through the document → the next
 *               "after-paint", checking the task's Actual on screen changed
 *
 * Run it under Xvfb like bench-sheet:
 *
 *   bench-tasks --keep DIR
 *   GSK_RENDERER=cairo GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1 GTK_A11Y=none \
 *   ADW_DISABLE_PORTAL=1 GDK_BACKEND=x11 xvfb-run -a -s '-screen 0 1280x800x24' \
 *     BUILDDIR/tests/bench/bench-tasks-ui --database DIR/tasks.db
 */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>

#include "outlay-document-tasks.h"
#include "outlay-store-tasks.h"
#include "outlay-tasks-page.h"

typedef struct
{
  GMainLoop *loop;
  gint64 start;
  double ms;
} Wait;

static void
after_paint_cb (GdkFrameClock *clock, Wait *w)
{
  if (w->start == 0)
    return;
  w->ms = (g_get_monotonic_time () - w->start) / 1000.0;
  w->start = 0;
  g_main_loop_quit (w->loop);
}

static gboolean
timeout_cb (gpointer loop)
{
  g_printerr ("bench-tasks-ui: no frame within 60 s\n");
  exit (1);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the next frame has been painted. */
static double
wait_frame (Wait *w, GtkWidget *widget)
{
  guint id = g_timeout_add_seconds (60, timeout_cb, NULL);

  gtk_widget_queue_draw (widget);
  g_main_loop_run (w->loop);
  g_source_remove (id);
  return w->ms;
}

static gboolean
quit_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static void
settle (guint ms)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (ms, quit_cb, loop);
  g_main_loop_run (loop);
}

int
main (int argc, char **argv)
{
  g_autofree char *database = NULL;
  GOptionEntry entries[] = { { "database", 0, 0, G_OPTION_ARG_FILENAME, &database,
                               "bench-tasks' kept database", "FILE" },
                             { NULL } };
  g_autoptr(GOptionContext) context = g_option_context_new ("— the Tasks page at scale");
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Wait w = { loop, 0, 0 };
  GtkWidget *window, *page;
  GdkFrameClock *clock;
  OutlayTask *task;
  double open_ms, week_ms, log_ms;
  gint64 id;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || database == NULL)
    {
      g_printerr ("bench-tasks-ui: give --database DIR/tasks.db from bench-tasks --keep DIR\n");
      return 2;
    }
  gtk_init ();
  adw_init ();
  if ((store = outlay_store_open (database, &error)) == NULL
      || (id = outlay_store_find_budget (store, "Benchmark feature film", &error)) == 0
      || (doc = outlay_store_load_document (store, id, &error)) == NULL)
    {
      g_printerr ("bench-tasks-ui: %s\n", error->message);
      return 1;
    }

  window = gtk_window_new ();
  page = outlay_tasks_page_new ();
  outlay_tasks_page_set_store (OUTLAY_TASKS_PAGE (page), store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  settle (500);
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &w);

  w.start = g_get_monotonic_time ();
  outlay_document_page_set_document (OUTLAY_DOCUMENT_PAGE (page), doc);
  open_ms = wait_frame (&w, page);
  if (outlay_tasks_page_get_n_shown (OUTLAY_TASKS_PAGE (page)) != outlay_document_get_n_tasks (doc))
    {
      g_printerr ("bench-tasks-ui: the page does not show every task\n");
      return 1;
    }
  settle (300);

  w.start = g_get_monotonic_time ();
  outlay_tasks_page_show_week (OUTLAY_TASKS_PAGE (page));
  week_ms = wait_frame (&w, page);
  settle (300);

  task = outlay_document_get_task (doc, 0);
  {
    OutlayTimeLog log = { task, 1,       "2031-01-02", 5000, OUTLAY_DECIMAL_FROM_INT (50),
                          TRUE, "entry", NULL };
    OutlayDecimal before = outlay_task_get_actual_cost (task);

    w.start = g_get_monotonic_time ();
    if (outlay_document_log_time (doc, &log, &error) == NULL)
      {
        g_printerr ("bench-tasks-ui: %s\n", error->message);
        return 1;
      }
    log_ms = wait_frame (&w, page);
    if (outlay_task_get_actual_cost (task) != before + OUTLAY_DECIMAL_FROM_INT (25))
      return 1;
  }

  g_print ("%-52s %10u\n", "tasks", outlay_document_get_n_tasks (doc));
  g_print ("%-52s %10.1f ms\n", "tasks page: document set → first frame", open_ms);
  g_print ("%-52s %10.1f ms\n", "week grid: shown → first frame", week_ms);
  g_print ("%-52s %10.1f ms\n", "log one entry → next frame (week grid on screen)", log_ms);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
