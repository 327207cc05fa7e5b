/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Tasks page under Xvfb: a task on the sample's first line, time
 * logged in the Log Time dialog, which says the rate and its source and
 * where the entry takes the line before saving; the line's actual and
 * the page's Actual column move, undo takes it back; the filter.
 * Saves screenshots of the page and the dialog. */

#include "config.h"

#include "outlay-ui-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "outlay-document-tasks.h"
#include "outlay-error.h"
#include "outlay-log-time-dialog.h"
#include "outlay-rate-change.h"
#include "outlay-recost-dialog.h"
#include "outlay-sheet-cell.h"
#include "outlay-store-private.h"
#include "outlay-store-tasks.h"
#include "outlay-tasks-page.h"
#include "outlay-timer-button.h"
#include "outlay-week-grid.h"

#define D(units) OUTLAY_DECIMAL_FROM_INT (units)

static void
iterate (guint n)
{
  for (guint i = 0; i < n; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static GtkWidget *
find_named (GtkWidget *widget, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether a mapped cell, inscription or label in @widget shows @text. */
static gboolean
shows (GtkWidget *widget, const char *text)
{
  if (GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0)
    return TRUE;
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  if (OUTLAY_IS_SHEET_CELL (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (outlay_sheet_cell_get_text (OUTLAY_SHEET_CELL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (shows (c, text))
      return TRUE;
  return FALSE;
}

static void
wait_mapped (GtkWidget *widget)
{
  guint tries = 0;

  while (!gtk_widget_get_mapped (widget))
    {
      g_assert_cmpuint (++tries, <, 500);
      g_usleep (10000);
      iterate (1);
    }
  outlay_ui_test_run_for (200);
}

static void
screenshot (GtkWidget *window, const char *name)
{
  g_autofree char *path = outlay_ui_test_screenshot_path (name);
  guint tries = 0;

  while (!outlay_ui_test_save_png (window, path))
    {
      g_assert_cmpuint (++tries, <, 200);
      outlay_ui_test_run_for (10);
    }
}

static void
test_log_in_dialog (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("outlay-ui-tasks-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "outlay.db", NULL);
  g_autoptr(OutlayStore) store = outlay_store_open (path, &error);
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(OutlayTask) task = outlay_task_new ();
  OutlayRateChange rate = { 0 };
  GtkWidget *window, *page, *dialog, *hours;
  OutlayLine *line;
  OutlayDecimal before;
  gint64 budget_id = 0, ana;

  g_assert_no_error (error);
  g_assert_true (outlay_store_add_sample (store, &budget_id, &error));
  g_assert_true (outlay_store_exec (store, "UPDATE budgets SET currency = 'EUR'", &error));
  ana = outlay_store_add_person (store, "Ana", NULL, "Camera", &error);
  rate = (OutlayRateChange){ .person_id = ana, .budget_id = budget_id, .cost_rate = D (85) };
  g_assert_true (outlay_store_set_rate (store, &rate, &error));
  g_assert_no_error (error);
  doc = outlay_store_load_document (store, budget_id, &error);
  g_assert_no_error (error);
  line = outlay_section_get_line (outlay_document_get_section (doc, 0), 0);
  g_object_set (task, "name", "Lights", "line-id", outlay_line_get_id (line), "assignee-id", ana,
                "estimated-cost", D (1000), NULL);
  g_assert_nonnull (outlay_document_add_task (doc, 0, task, &error));

  window = gtk_window_new ();
  page = outlay_tasks_page_new ();
  outlay_tasks_page_set_store (OUTLAY_TASKS_PAGE (page), store);
  outlay_document_page_set_document (OUTLAY_DOCUMENT_PAGE (page), doc);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 600);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  wait_mapped (page);
  g_assert_cmpuint (outlay_tasks_page_get_n_shown (OUTLAY_TASKS_PAGE (page)), ==, 1);
  g_assert_true (shows (page, "€0.00"));

  /* the dialog says the rate, its source and where the entry goes first */
  before = outlay_line_get_total_actual (line);
  dialog = GTK_WIDGET (outlay_tasks_page_log_time (OUTLAY_TASKS_PAGE (page)));
  g_assert_nonnull (dialog);
  wait_mapped (dialog);
  hours = find_named (dialog, "log-hours");
  g_assert_nonnull (hours);
  gtk_editable_set_text (GTK_EDITABLE (hours), "3.5");
  iterate (2);
  g_assert_cmpstr (outlay_log_time_dialog_get_rate_text (OUTLAY_LOG_TIME_DIALOG (dialog)), ==,
                   "€297.50 at €85.00/h — person's rate for this budget");
  g_assert_nonnull (
      strstr (outlay_log_time_dialog_get_impact_text (OUTLAY_LOG_TIME_DIALOG (dialog)),
              "Task “Lights”: 0 % → 30 % of its estimate"));
  g_assert_nonnull (
      strstr (outlay_log_time_dialog_get_impact_text (OUTLAY_LOG_TIME_DIALOG (dialog)), "Line “"));
  /* nothing is saved before Log */
  g_assert_cmpint (outlay_line_get_total_actual (line), ==, before);
  outlay_ui_test_run_for (200);
  screenshot (dialog, "tasks-log-dialog.png");
  g_assert_true (gtk_widget_get_sensitive (find_named (dialog, "log-button")));
  g_signal_emit_by_name (find_named (dialog, "log-button"), "clicked");
  iterate (5);

  g_assert_cmpint (outlay_line_get_total_actual (line), ==, before + D (297) + 5000);
  g_assert_cmpint (outlay_task_get_actual_cost (task), ==, D (297) + 5000);
  outlay_ui_test_run_for (100);
  g_assert_true (shows (page, "€297.50"));
  g_assert_true (shows (page, "30 %"));
  screenshot (window, "tasks-page.png");

  g_assert_true (outlay_document_undo (doc, &error));
  iterate (5);
  g_assert_cmpint (outlay_line_get_total_actual (line), ==, before);
  g_assert_true (shows (page, "€0.00"));

  /* the week grid: people down, days across; typed hours log the
   * difference on the chosen task (the only one), at Ana's rate */
  {
    OutlayWeekGrid *grid = OUTLAY_WEEK_GRID (
        outlay_tasks_page_show_week (OUTLAY_TASKS_PAGE (page)));

    outlay_week_grid_set_week (grid, "2026-03-02");
    wait_mapped (GTK_WIDGET (grid));
    /* "Nobody in particular" and Ana */
    g_assert_cmpuint (outlay_week_grid_get_n_rows (grid), ==, 2);
    g_assert_true (outlay_week_grid_type_hours (grid, 1, 2, "4", &error));
    g_assert_no_error (error);
    iterate (5);
    g_assert_cmpint (outlay_line_get_total_actual (line), ==, before + D (340));
    g_assert_true (shows (GTK_WIDGET (grid), "4"));
    /* taking hours off is refused, nothing changes */
    g_assert_false (outlay_week_grid_type_hours (grid, 1, 2, "1", &error));
    g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
    /* 4 more on the same day make 8 */
    g_assert_true (outlay_week_grid_type_hours (grid, 1, 2, "8", &error));
    g_assert_cmpint (outlay_line_get_total_actual (line), ==, before + D (680));
    outlay_ui_test_run_for (100);
    g_assert_true (shows (GTK_WIDGET (grid), "8"));
    screenshot (window, "tasks-week-grid.png");
    g_assert_true (outlay_document_undo (doc, &error));
    g_assert_true (outlay_document_undo (doc, &error));
    g_assert_cmpint (outlay_line_get_total_actual (line), ==, before);
    gtk_stack_set_visible_child_name (
        GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (grid), GTK_TYPE_STACK)), "tasks");
    iterate (5);
  }

  /* the header bar's timer survives a restart: another button (a new
   * window after a restart) finds it running and logs its minutes */
  {
    g_autoptr(GDateTime) t0 = g_date_time_new_local (2026, 3, 9, 10, 0, 0);
    GtkWidget *timer = g_object_ref_sink (g_object_new (OUTLAY_TYPE_TIMER_BUTTON, NULL));
    GtkWidget *again = g_object_ref_sink (g_object_new (OUTLAY_TYPE_TIMER_BUTTON, NULL));

    outlay_timer_button_set_store (OUTLAY_TIMER_BUTTON (timer), store);
    outlay_timer_button_set_document (OUTLAY_TIMER_BUTTON (timer), doc);
    g_assert_false (outlay_timer_button_get_running (OUTLAY_TIMER_BUTTON (timer)));
    g_assert_true (outlay_timer_button_start (OUTLAY_TIMER_BUTTON (timer), 0,
                                              g_date_time_to_unix (t0), &error));
    g_assert_no_error (error);
    g_object_unref (timer);

    outlay_timer_button_set_store (OUTLAY_TIMER_BUTTON (again), store);
    outlay_timer_button_set_document (OUTLAY_TIMER_BUTTON (again), doc);
    g_assert_true (outlay_timer_button_get_running (OUTLAY_TIMER_BUTTON (again)));
    g_assert_true (outlay_timer_button_stop (OUTLAY_TIMER_BUTTON (again),
                                             g_date_time_to_unix (t0) + 90 * 60, &error));
    g_assert_no_error (error);
    g_assert_false (outlay_timer_button_get_running (OUTLAY_TIMER_BUTTON (again)));
    /* 1.5 h at Ana's €85 */
    g_assert_cmpint (outlay_line_get_total_actual (line), ==, before + D (127) + 5000);
    g_assert_true (outlay_document_undo (doc, &error));
    g_object_unref (again);
  }

  /* status and assignee of the selected task, from the toolbar */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_named (page, "task-status")), 2);
  iterate (2);
  g_assert_cmpint (outlay_task_get_status (task), ==, OUTLAY_TASK_STATUS_DONE);
  g_assert_true (shows (page, "Done"));
  g_assert_true (outlay_document_undo (doc, &error));
  iterate (5);
  g_assert_cmpint (outlay_task_get_status (task), ==, OUTLAY_TASK_STATUS_TODO);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (find_named (page, "task-status"))),
                    ==, 0);

  /* the filter: by text and by status */
  gtk_editable_set_text (GTK_EDITABLE (find_named (page, "tasks-search")), "ana");
  iterate (5);
  g_assert_cmpuint (outlay_tasks_page_get_n_shown (OUTLAY_TASKS_PAGE (page)), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (find_named (page, "tasks-search")), "zzz");
  /* the search entry waits a moment before it says */
  for (guint i = 0; i < 100 && outlay_tasks_page_get_n_shown (OUTLAY_TASKS_PAGE (page)) > 0; i++)
    outlay_ui_test_run_for (20);
  g_assert_cmpuint (outlay_tasks_page_get_n_shown (OUTLAY_TASKS_PAGE (page)), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate (2);
  g_clear_object (&doc);
  g_clear_object (&store);
  outlay_ui_test_remove_db (path);
  g_rmdir (dir);
}

/* The cell of @column that shows @text, or NULL */
static GtkWidget *
find_cell (GtkWidget *widget, guint column, const char *text)
{
  if (OUTLAY_IS_SHEET_CELL (widget)
      && outlay_sheet_cell_get_column (OUTLAY_SHEET_CELL (widget)) == column
      && g_strcmp0 (outlay_sheet_cell_get_text (OUTLAY_SHEET_CELL (widget)), text) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_cell (c, column, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Real key events from xdotool into the test's window, then time for
 * them to land */
static void
xdotool (const char *args)
{
  g_autofree char *cmd = g_strdup_printf ("xdotool %s", args);
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  outlay_ui_test_run_for (250);
}

static const char *
focused_text (GtkWidget *window, guint *column)
{
  GtkWidget *w = gtk_root_get_focus (GTK_ROOT (window));

  for (; w != NULL && !OUTLAY_IS_SHEET_CELL (w); w = gtk_widget_get_parent (w))
    ;
  if (w == NULL)
    return NULL;
  *column = outlay_sheet_cell_get_column (OUTLAY_SHEET_CELL (w));
  return outlay_sheet_cell_get_text (OUTLAY_SHEET_CELL (w));
}

/* The Tasks page and the week grid take keys like the sheet: typing on a
 * cell edits it, Enter and Tab keep the edit and move on, a bad value
 * bells and says why, Escape drops the edit; each edit is undoable. */
static void
test_keys (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("outlay-ui-tasks-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "outlay.db", NULL);
  g_autoptr(OutlayStore) store = outlay_store_open (path, &error);
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(OutlayTask) task = outlay_task_new ();
  g_autoptr(OutlayTask) other = outlay_task_new ();
  GtkWidget *window, *page, *cell;
  OutlayLine *line;
  OutlayDecimal before;
  OutlayRateChange rate = { 0 };
  gint64 budget_id = 0, ana;
  guint column = 0;

  if (g_find_program_in_path ("xdotool") == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return;
    }
  g_assert_no_error (error);
  g_assert_true (outlay_store_add_sample (store, &budget_id, &error));
  g_assert_true (outlay_store_exec (store, "UPDATE budgets SET currency = 'EUR'", &error));
  ana = outlay_store_add_person (store, "Ana", NULL, "Camera", &error);
  rate = (OutlayRateChange){ .person_id = ana, .cost_rate = D (40) };
  g_assert_true (outlay_store_set_rate (store, &rate, &error));
  doc = outlay_store_load_document (store, budget_id, &error);
  g_assert_no_error (error);
  line = outlay_section_get_line (outlay_document_get_section (doc, 0), 0);
  g_object_set (task, "name", "Lights", "line-id", outlay_line_get_id (line), "estimated-cost",
                D (1000), NULL);
  g_object_set (other, "name", "Sound", NULL);
  g_assert_nonnull (outlay_document_add_task (doc, 0, task, &error));
  g_assert_nonnull (outlay_document_add_task (doc, 1, other, &error));

  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "Outlay Keys Test");
  page = outlay_tasks_page_new ();
  outlay_tasks_page_set_store (OUTLAY_TASKS_PAGE (page), store);
  outlay_document_page_set_document (OUTLAY_DOCUMENT_PAGE (page), doc);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 600);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  wait_mapped (page);
  xdotool ("search --onlyvisible --name \"Outlay Keys Test\" windowfocus --sync");

  /* typing on the name replaces it; Enter keeps it and goes down */
  cell = find_cell (page, 0, "Lights");
  g_assert_nonnull (cell);
  gtk_widget_grab_focus (cell);
  xdotool ("type --delay 30 Rigging");
  g_assert_cmpstr (outlay_task_get_name (task), ==, "Lights");
  xdotool ("key Return");
  g_assert_cmpstr (outlay_task_get_name (task), ==, "Rigging");
  g_assert_cmpstr (focused_text (window, &column), ==, "Sound");
  g_assert_cmpuint (column, ==, 0);

  /* up again, Tab along to Est. Cost (the fifth column to the right) */
  xdotool ("key Up Tab Tab Tab Tab Tab");
  g_assert_cmpstr (focused_text (window, &column), ==, "€1,000.00");
  g_assert_cmpuint (column, ==, 5);
  /* F2 opens the value as plain figures; Escape drops what was typed */
  xdotool ("key F2");
  xdotool ("type --delay 30 5");
  xdotool ("key Escape");
  g_assert_cmpint (outlay_task_get_estimated_cost (task), ==, D (1000));
  /* a bad value bells, says why, and changes nothing */
  xdotool ("type --delay 30 lots");
  xdotool ("key Return");
  g_assert_cmpint (outlay_task_get_estimated_cost (task), ==, D (1000));
  g_assert_true (shows (page, "“lots” is not an amount of zero or more"));
  /* still there; Tab keeps the new value and moves right */
  xdotool ("key Escape");
  xdotool ("type --delay 30 1500");
  xdotool ("key Tab");
  g_assert_cmpint (outlay_task_get_estimated_cost (task), ==, D (1500));
  g_assert_cmpuint (column, ==, 5);
  focused_text (window, &column);
  g_assert_cmpuint (column, ==, 6);
  /* Alt+↓ is still the page's: it moves the task down */
  xdotool ("key alt+Down");
  g_assert_true (outlay_document_get_task (doc, 1) == task);
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_true (outlay_document_get_task (doc, 0) == task);
  /* each edit is one undo */
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_cmpint (outlay_task_get_estimated_cost (task), ==, D (1000));
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_cmpstr (outlay_task_get_name (task), ==, "Lights");
  outlay_ui_test_run_for (100);
  g_assert_true (shows (page, "Lights"));

  /* % Done (column 10): a whole percent sets it, anything else is
   * refused and says why, an empty cell clears it; each is one undo */
  {
    g_autoptr(OutlayTask) edited = outlay_task_copy (task);

    g_assert_cmpint (outlay_task_get_percent_complete (task), ==, -1);
    g_object_set (edited, "percent-complete", 20, NULL);
    g_assert_true (outlay_document_update_task (doc, task, edited, &error));
    outlay_ui_test_run_for (100);
    cell = find_cell (page, 10, "20 %");
    g_assert_nonnull (cell);
    gtk_widget_grab_focus (cell);
    xdotool ("type --delay 30 40");
    xdotool ("key Return");
    g_assert_cmpint (outlay_task_get_percent_complete (task), ==, 40);
    g_assert_true (shows (page, "40 %"));
    xdotool ("key Up");
    xdotool ("type --delay 30 120");
    xdotool ("key Return");
    g_assert_cmpint (outlay_task_get_percent_complete (task), ==, 40);
    g_assert_true (shows (page, "“120” is not a percent done: type a whole number from 0 to "
                                "100, or nothing"));
    xdotool ("key Escape");
    xdotool ("type --delay 30 4.5");
    xdotool ("key Return");
    g_assert_cmpint (outlay_task_get_percent_complete (task), ==, 40);
    xdotool ("key Escape");
    xdotool ("key BackSpace Return");
    g_assert_cmpint (outlay_task_get_percent_complete (task), ==, -1);
    g_assert_true (outlay_document_undo (doc, &error));
    g_assert_cmpint (outlay_task_get_percent_complete (task), ==, 40);
    g_assert_true (outlay_document_undo (doc, &error));
    g_assert_cmpint (outlay_task_get_percent_complete (task), ==, 20);
    g_assert_true (outlay_document_undo (doc, &error));
    g_assert_cmpint (outlay_task_get_percent_complete (task), ==, -1);
    g_assert_no_error (error);
  }

  /* the week grid: typed hours in Ana's Tuesday log on the chosen task */
  {
    OutlayWeekGrid *grid = OUTLAY_WEEK_GRID (
        outlay_tasks_page_show_week (OUTLAY_TASKS_PAGE (page)));

    outlay_week_grid_set_week (grid, "2026-03-02");
    wait_mapped (GTK_WIDGET (grid));
    before = outlay_line_get_total_actual (line);
    cell = find_cell (GTK_WIDGET (grid), 0, "Ana");
    g_assert_nonnull (cell);
    gtk_widget_grab_focus (cell);
    xdotool ("key Right Right");
    xdotool ("type --delay 30 2.5");
    xdotool ("key Return");
    g_assert_cmpint (outlay_task_get_actual_hours (task), ==, D (2) + 5000);
    /* at Ana's €40 */
    g_assert_cmpint (outlay_line_get_total_actual (line), ==, before + D (100));
    outlay_ui_test_run_for (100);
    g_assert_true (shows (GTK_WIDGET (grid), "2.5"));
    screenshot (window, "tasks-week-keys.png");
    {
      AdwStyleManager *style = adw_style_manager_get_default ();

      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
      outlay_ui_test_run_for (100);
      screenshot (window, "tasks-week-keys-dark.png");
      gtk_stack_set_visible_child_name (
          GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (grid), GTK_TYPE_STACK)), "tasks");
      outlay_ui_test_run_for (100);
      screenshot (window, "tasks-page-dark.png");
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
    }
    g_assert_true (outlay_document_undo (doc, &error));
    g_assert_cmpint (outlay_line_get_total_actual (line), ==, before);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate (2);
  g_clear_object (&doc);
  g_clear_object (&store);
  outlay_ui_test_remove_db (path);
  g_rmdir (dir);
}

/* Re-cost Entries after a rate change: the dialog starts at the change's
 * day, says how many entries change and by how much, refuses a bad day,
 * and Re-cost is one undoable command. */
static void
test_recost (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("outlay-ui-tasks-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "outlay.db", NULL);
  g_autoptr(OutlayStore) store = outlay_store_open (path, &error);
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(OutlayTask) task = outlay_task_new ();
  OutlayRateChange rate = { 0 };
  GtkWidget *window, *page, *from;
  AdwMessageDialog *dialog;
  AdwStyleManager *style = adw_style_manager_get_default ();
  gint64 budget_id = 0, ana;

  g_assert_no_error (error);
  g_assert_true (outlay_store_add_sample (store, &budget_id, &error));
  g_assert_true (outlay_store_exec (store, "UPDATE budgets SET currency = 'EUR'", &error));
  ana = outlay_store_add_person (store, "Ana", NULL, "Camera", &error);
  rate = (OutlayRateChange){ .person_id = ana, .cost_rate = D (80) };
  g_assert_true (outlay_store_set_rate (store, &rate, &error));
  doc = outlay_store_load_document (store, budget_id, &error);
  g_assert_no_error (error);
  g_object_set (
      task, "name", "Lights", "line-id",
      outlay_line_get_id (outlay_section_get_line (outlay_document_get_section (doc, 0), 0)), NULL);
  g_assert_nonnull (outlay_document_add_task (doc, 0, task, &error));
  for (guint i = 0; i < 2; i++)
    {
      OutlayTimeLog log = { task,     ana,    i == 0 ? "2026-03-01" : "2026-03-05",
                            D (2),    D (80), FALSE,
                            "person", NULL };

      g_assert_nonnull (outlay_document_log_time (doc, &log, &error));
    }
  g_assert_cmpint (outlay_task_get_actual_cost (task), ==, D (320));
  /* Ana costs 90 from the 2nd */
  rate = (OutlayRateChange){ .person_id = ana,
                             .valid_from = (char *) "2026-03-02",
                             .cost_rate = D (90) };
  g_assert_true (outlay_store_set_rate (store, &rate, &error));

  window = gtk_window_new ();
  page = outlay_tasks_page_new ();
  outlay_tasks_page_set_store (OUTLAY_TASKS_PAGE (page), store);
  outlay_document_page_set_document (OUTLAY_DOCUMENT_PAGE (page), doc);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 600);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  wait_mapped (page);

  g_assert_true (gtk_widget_activate_action (page, "tasks.recost", NULL));
  dialog = outlay_tasks_page_recost (OUTLAY_TASKS_PAGE (page));
  g_assert_nonnull (dialog);
  wait_mapped (GTK_WIDGET (dialog));
  from = find_named (GTK_WIDGET (dialog), "recost-from");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (from)), ==, "2026-03-02");
  g_assert_cmpstr (outlay_recost_dialog_get_summary (dialog), ==,
                   "1 entry from 2026-03-02: €160.00 → €180.00 (+€20.00)");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "recost"));
  screenshot (GTK_WIDGET (dialog), "tasks-recost.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  outlay_ui_test_run_for (100);
  screenshot (GTK_WIDGET (dialog), "tasks-recost-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  /* from the 1st, the entry of the 1st keeps its 80: still one */
  gtk_editable_set_text (GTK_EDITABLE (from), "2026-03-01");
  g_assert_cmpstr (outlay_recost_dialog_get_summary (dialog), ==,
                   "1 entry from 2026-03-01: €160.00 → €180.00 (+€20.00)");
  gtk_editable_set_text (GTK_EDITABLE (from), "March");
  g_assert_cmpstr (outlay_recost_dialog_get_summary (dialog), ==,
                   "Type the first day to re-cost as YYYY-MM-DD.");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "recost"));
  gtk_editable_set_text (GTK_EDITABLE (from), "2026-03-02");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_named (GTK_WIDGET (dialog), "recost-person")), 1);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "recost"));
  adw_message_dialog_response (dialog, "recost");
  iterate (5);
  g_assert_cmpint (outlay_task_get_actual_cost (task), ==, D (340));
  g_assert_true (shows (page, "Re-costed 1 entry: +€20.00"));
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_cmpint (outlay_task_get_actual_cost (task), ==, D (320));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate (2);
  g_clear_object (&doc);
  g_clear_object (&store);
  outlay_ui_test_remove_db (path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_test_add_func ("/ui/tasks/log-in-dialog", test_log_in_dialog);
  g_test_add_func ("/ui/tasks/keys", test_keys);
  g_test_add_func ("/ui/tasks/recost", test_recost);
  return g_test_run ();
}
