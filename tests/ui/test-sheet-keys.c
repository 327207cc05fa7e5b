/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drives the budget sheet of the real application with real key events
 * (xdotool against the Xvfb display) and checks the document and SQLite. */

#include "config.h"

#include "outlay-ui-test-util.h"

#include <adwaita.h>

#include <glib/gstdio.h>
#include <string.h>
#include <sqlite3.h>

#include "outlay-application.h"
#include "outlay-model-enum-types.h"
#include "outlay-sheet-cell.h"
#include "outlay-sheet-view.h"
#include "outlay-window.h"

typedef struct
{
  OutlayApplication *app;
  OutlayWindow      *window;
  OutlaySheetView   *sheet;
  char              *db;
  const char *const *steps;
  guint              step;
  char              *pending; /* an xdotool command worked out by a check */
  gboolean           done;
  guint              waited;  /* for the window, in 200 ms ticks */
} Run;

/* Each step is one xdotool command line; "@name" calls a check below. */
static const char *const steps[] = { "windowfocus",
                                     "@focus-rate",
                                     "type --delay 40 900",
                                     "key Return",
                                     "@after-rate",
                                     "type --delay 40 abc",
                                     "key Return",
                                     "@after-invalid",
                                     "key Tab",
                                     "type --delay 40 123",
                                     "key Tab",
                                     "@after-override",
                                     "key ctrl+z",
                                     "@after-undo",
                                     "key ctrl+shift+z",
                                     "@after-redo",
                                     "key ctrl+z",
                                     "key ctrl+Return",
                                     "type --delay 30 Lens_package",
                                     "key Return",
                                     "@after-insert",
                                     "@set-clipboard",
                                     "key ctrl+v",
                                     "@paste-question",
                                     "@after-paste",
                                     "key ctrl+z",
                                     "@after-paste-undo",
                                     "key ctrl+f",
                                     "type --delay 40 camera",
                                     "@after-find",
                                     "key Escape",
                                     "@after-find-clear",
                                     "@sort-rate",
                                     "@after-sort",
                                     "@plan-drag",
                                     "$pending",
                                     "@after-drag",
                                     "key ctrl+z",
                                     "@focus-fringe",
                                     "type --delay 40 28%",
                                     "key Return",
                                     "@after-fringe",
                                     "key ctrl+z",
                                     "@lock",
                                     "@focus-rate",
                                     "key Up",
                                     "type --delay 40 7",
                                     "key Return",
                                     "@after-locked",
                                     NULL };

static OutlayDocument *
doc (Run *run)
{
  return outlay_window_get_document (run->window);
}

static OutlayLine *
line (Run *run, const char *section, guint index)
{
  return outlay_section_get_line (outlay_document_lookup_section (doc (run), section), index);
}

/* One value straight from SQLite, through a connection of our own. */
static gint64
db_int (Run *run, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 v = G_MININT64;

  g_assert_cmpint (sqlite3_open_v2 (run->db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return v;
}

static OutlaySheetCell *
cell_of (Run *run, guint row, guint column)
{
  g_autoptr(GObject) item = g_list_model_get_item (outlay_sheet_view_get_rows (run->sheet), row);
  OutlaySheetCell **cells = g_object_get_data (item, "outlay-sheet-cells");

  return cells != NULL ? cells[column] : NULL;
}

static void
check_totals (Run *run)
{
  OutlayTotals fresh;

  g_assert_true (outlay_document_sum_totals (doc (run), &fresh));
  g_assert_cmpint (fresh.estimate, ==, outlay_document_get_totals (doc (run))->estimate);
}

static void
check (Run *run, const char *name)
{
  OutlayLine *one = line (run, "A", 0), *two = line (run, "A", 1);

  if (g_str_equal (name, "focus-rate"))
    {
      OutlaySheetCell *rate;
      g_autofree char *said = NULL;
      char *error;

      g_assert_true (outlay_sheet_view_focus_cell (run->sheet, 1, OUTLAY_SHEET_COLUMN_RATE));
      /* a screen reader hears the line, the column and the value */
      rate = cell_of (run, 1, OUTLAY_SHEET_COLUMN_RATE);
      said = g_strdup_printf ("1, Rate: %s", outlay_sheet_cell_get_full_text (rate));
      g_assert_cmpstr (outlay_sheet_cell_get_full_text (rate), !=, "");
      error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (rate),
                                                  GTK_ACCESSIBLE_PROPERTY_LABEL, said);
      g_assert_null (error);
      /* the cell it leaves is read as its value again */
      g_assert_true (outlay_sheet_view_focus_cell (run->sheet, 1, OUTLAY_SHEET_COLUMN_QUANTITY));
      error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (rate),
                                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                  outlay_sheet_cell_get_full_text (rate));
      g_assert_null (error);
      g_assert_true (outlay_sheet_view_focus_cell (run->sheet, 1, OUTLAY_SHEET_COLUMN_RATE));
    }
  else if (g_str_equal (name, "after-rate"))
    {
      /* "900" Enter: the rate, its estimate (1 × 8 × 900) and SQLite */
      g_assert_cmpint (outlay_line_get_rate (one), ==, OUTLAY_DECIMAL_FROM_INT (900));
      g_assert_cmpint (outlay_line_get_estimate (one), ==, OUTLAY_DECIMAL_FROM_INT (7200));
      g_assert_cmpint (db_int (run, "SELECT rate FROM lines WHERE code = '1'"), ==, 9000000);
      g_assert_cmpint (db_int (run, "SELECT count(*) FROM audit WHERE field = 'rate'"), ==, 1);
      check_totals (run);
    }
  else if (g_str_equal (name, "after-invalid"))
    {
      /* "abc" is refused and changes nothing */
      g_assert_cmpint (outlay_line_get_rate (two), ==, OUTLAY_DECIMAL_FROM_INT (900));
      g_assert_cmpint (db_int (run, "SELECT count(*) FROM audit WHERE field = 'rate'"), ==, 1);
    }
  else if (g_str_equal (name, "after-override"))
    {
      g_assert_true (outlay_line_get_estimate_overridden (two));
      g_assert_cmpint (outlay_line_get_estimate (two), ==, OUTLAY_DECIMAL_FROM_INT (123));
      g_assert_cmpint (db_int (run, "SELECT estimate_overridden FROM lines WHERE code = '2'"), ==, 1);
    }
  else if (g_str_equal (name, "after-undo"))
    {
      g_assert_false (outlay_line_get_estimate_overridden (two));
      g_assert_cmpint (outlay_line_get_estimate (two), ==, OUTLAY_DECIMAL_FROM_INT (2700));
      g_assert_cmpint (db_int (run, "SELECT estimate FROM lines WHERE code = '2'"), ==, 27000000);
    }
  else if (g_str_equal (name, "after-redo"))
    g_assert_cmpint (outlay_line_get_estimate (two), ==, OUTLAY_DECIMAL_FROM_INT (123));
  else if (g_str_equal (name, "after-insert"))
    {
      /* Ctrl+Enter added a line below "2"; typing named it */
      g_assert_cmpstr (outlay_line_get_description (line (run, "A", 2)), ==, "Lens_package");
      g_assert_cmpint (db_int (run, "SELECT count(*) FROM lines WHERE description = 'Lens_package'"),
                       ==, 1);
    }
  else if (g_str_equal (name, "set-clipboard"))
    {
      /* two rows copied from a spreadsheet: description, qty, unit, days, rate */
      gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (run->window)),
                              "Camera package\t1\tday\t2\t1,250.00\r\n"
                              "\"Lenses, primes\"\t2\tday\t2\t400\r\n");
      g_assert_true (outlay_sheet_view_focus_cell (run->sheet, 3, OUTLAY_SHEET_COLUMN_DESCRIPTION));
    }
  else if (g_str_equal (name, "paste-question"))
    {
      /* "Director of photography" has actuals: Ctrl+V asks before pasting over it */
      GListModel *tops = gtk_window_get_toplevels ();
      AdwMessageDialog *dialog = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (tops) && dialog == NULL; i++)
        {
          g_autoptr(GObject) w = g_list_model_get_item (tops, i);

          if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
            dialog = ADW_MESSAGE_DIALOG (w);
        }
      g_assert_nonnull (dialog);
      g_assert_cmpstr (outlay_line_get_description (line (run, "A", 2)), ==, "Lens_package");
      adw_message_dialog_response (dialog, "replace");
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  else if (g_str_equal (name, "after-paste"))
    {
      g_assert_cmpstr (outlay_line_get_description (line (run, "A", 2)), ==, "Camera package");
      g_assert_cmpint (outlay_line_get_estimate (line (run, "A", 2)), ==, OUTLAY_DECIMAL_FROM_INT (2500));
      g_assert_cmpstr (outlay_line_get_description (line (run, "A", 3)), ==, "Lenses, primes");
      g_assert_cmpint (outlay_line_get_estimate (line (run, "A", 3)), ==, OUTLAY_DECIMAL_FROM_INT (1600));
      g_assert_cmpint (db_int (run, "SELECT estimate FROM lines WHERE description = 'Lenses, primes'"),
                       ==, 16000000);
      check_totals (run);
    }
  else if (g_str_equal (name, "after-paste-undo"))
    {
      /* the whole paste was one step */
      g_assert_cmpstr (outlay_line_get_description (line (run, "A", 2)), ==, "Lens_package");
      g_assert_cmpstr (outlay_line_get_description (line (run, "A", 3)), ==, "Director of photography");
    }
  else if (g_str_equal (name, "after-find"))
    {
      GListModel *rows = outlay_sheet_view_get_rows (run->sheet);
      guint n = g_list_model_get_n_items (rows), lines = 0;

      /* only lines mentioning "camera", under their sections */
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (rows, i);

          if (OUTLAY_IS_LINE (item))
            {
              g_autofree char *text = g_utf8_casefold (outlay_line_get_description (OUTLAY_LINE (item)), -1);
              g_autofree char *notes = g_utf8_casefold (outlay_line_get_notes (OUTLAY_LINE (item)), -1);

              g_assert_true (strstr (text, "camera") != NULL || strstr (notes, "camera") != NULL);
              lines++;
            }
        }
      g_assert_cmpuint (lines, >=, 3);
      g_assert_cmpuint (n, <, 40);
    }
  else if (g_str_equal (name, "after-find-clear"))
    g_assert_cmpuint (g_list_model_get_n_items (outlay_sheet_view_get_rows (run->sheet)), ==,
                      outlay_document_get_n_lines (doc (run)) + outlay_document_get_n_sections (doc (run)));
  else if (g_str_equal (name, "sort-rate"))
    {
      GtkColumnView *view = GTK_COLUMN_VIEW (outlay_ui_test_find_type (GTK_WIDGET (run->sheet), GTK_TYPE_COLUMN_VIEW));
      g_autoptr(GtkColumnViewColumn) rate = g_list_model_get_item (gtk_column_view_get_columns (view),
                                                                   OUTLAY_SHEET_COLUMN_RATE);

      gtk_column_view_sort_by_column (view, rate, GTK_SORT_DESCENDING);
    }
  else if (g_str_equal (name, "after-sort"))
    {
      GListModel *rows = outlay_sheet_view_get_rows (run->sheet);
      GtkColumnView *view = GTK_COLUMN_VIEW (outlay_ui_test_find_type (GTK_WIDGET (run->sheet), GTK_TYPE_COLUMN_VIEW));
      OutlayDecimal last = OUTLAY_DECIMAL_MAX;
      g_autoptr(GObject) first = g_list_model_get_item (rows, 0);

      /* section A's lines by rate, highest first; the document keeps its order */
      g_assert_true (OUTLAY_IS_SECTION (first));
      for (guint i = 1; i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (rows, i);

          if (!OUTLAY_IS_LINE (item))
            break;
          g_assert_cmpint (outlay_line_get_rate (OUTLAY_LINE (item)), <=, last);
          last = outlay_line_get_rate (OUTLAY_LINE (item));
        }
      g_assert_cmpstr (outlay_line_get_code (line (run, "A", 0)), ==, "1");
      gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
    }
  else if (g_str_equal (name, "plan-drag"))
    {
      /* drag line "1" by its code cell and drop it on line "7" */
      GListModel *rows = outlay_sheet_view_get_rows (run->sheet);
      graphene_point_t from, to;
      double sx, sy;
      GtkWidget *a = NULL, *b = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (rows) && (a == NULL || b == NULL); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (rows, i);

          if (!OUTLAY_IS_LINE (item))
            continue;
          if (g_str_equal (outlay_line_get_code (OUTLAY_LINE (item)), "1"))
            a = GTK_WIDGET (cell_of (run, i, OUTLAY_SHEET_COLUMN_CODE));
          else if (g_str_equal (outlay_line_get_code (OUTLAY_LINE (item)), "7"))
            b = GTK_WIDGET (cell_of (run, i, OUTLAY_SHEET_COLUMN_CODE));
        }
      g_assert_nonnull (a);
      g_assert_nonnull (b);
      g_assert_true (gtk_widget_compute_point (a, GTK_WIDGET (run->window), &GRAPHENE_POINT_INIT (10, 8), &from));
      g_assert_true (gtk_widget_compute_point (b, GTK_WIDGET (run->window), &GRAPHENE_POINT_INIT (10, 8), &to));
      gtk_native_get_surface_transform (GTK_NATIVE (run->window), &sx, &sy);
      g_free (run->pending);
      run->pending = g_strdup_printf ("mousemove %d %d mousedown 1 sleep 0.2 mousemove %d %d sleep 0.1 "
                                      "mousemove %d %d sleep 0.1 mousemove %d %d sleep 0.3 mouseup 1",
                                      (int) (from.x + sx), (int) (from.y + sy),
                                      (int) (from.x + sx + 2), (int) (from.y + sy + 12),
                                      (int) (to.x + sx), (int) ((from.y + to.y) / 2 + sy),
                                      (int) (to.x + sx), (int) (to.y + sy));
    }
  else if (g_str_equal (name, "after-drag"))
    {
      /* "1" now sits where "7" was (1, 2, Lens_package, 3, 6, 7: index 5);
       * the order is in SQLite too */
      OutlaySection *a = outlay_document_lookup_section (doc (run), "A");
      guint index;

      g_assert_true (outlay_section_find_line (a, outlay_document_lookup_line (doc (run), "1"), &index));
      g_assert_cmpuint (index, ==, 5);
      g_assert_cmpstr (outlay_line_get_code (outlay_section_get_line (a, 4)), ==, "7");
      g_assert_cmpint (db_int (run, "SELECT position FROM lines WHERE code = '1' AND section_id ="
                                    " (SELECT id FROM sections WHERE code = 'A')"), ==, 5);
    }
  else if (g_str_equal (name, "focus-fringe"))
    g_assert_true (outlay_sheet_view_focus_cell (run->sheet, 0, OUTLAY_SHEET_COLUMN_RATE));
  else if (g_str_equal (name, "after-fringe"))
    {
      /* "28%" on section A's header: P&W on its lines' estimates */
      OutlaySection *a = outlay_document_lookup_section (doc (run), "A");
      const OutlayTotals *t = outlay_section_get_totals (a);

      g_assert_cmpint (outlay_section_get_fringe (a), ==, OUTLAY_DECIMAL_FROM_INT (28));
      g_assert_cmpint (t->estimate, ==, outlay_section_get_lines_estimate (a) * 128 / 100);
      g_assert_cmpint (db_int (run, "SELECT fringe FROM sections WHERE code = 'A'"), ==, 280000);
      check_totals (run);
    }
  else if (g_str_equal (name, "lock"))
    {
      g_auto(GValue) v = G_VALUE_INIT;

      g_value_init (&v, OUTLAY_TYPE_BUDGET_STATUS);
      g_value_set_enum (&v, OUTLAY_BUDGET_STATUS_LOCKED);
      g_assert_true (outlay_document_set_budget_value (doc (run), "status", &v, NULL));
    }
  else if (g_str_equal (name, "after-locked"))
    {
      g_assert_cmpint (outlay_line_get_rate (one), ==, OUTLAY_DECIMAL_FROM_INT (900));
      g_assert_cmpint (db_int (run, "SELECT rate FROM lines WHERE code = '1'"), ==, 9000000);
    }
  else
    g_error ("no check %s", name);
}

static void next_step (Run *run);

static void
step_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Run *run = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error));
  g_assert_no_error (error);
  /* let the events and any idle work land */
  g_timeout_add_once (250, (GSourceOnceFunc) next_step, run);
}

static void
next_step (Run *run)
{
  const char *step = steps[run->step++];
  g_autoptr(GPtrArray) argv = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) words = NULL;

  if (step == NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("OUTLAY_SCREENSHOT_DIR") ?: ".",
                                               "sheet-keys.png", NULL);
      g_autofree char *cmd = g_strdup_printf ("import -window root %s", png);

      g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
      run->done = TRUE;
      g_application_quit (G_APPLICATION (run->app));
      return;
    }
  g_test_message ("step: %s", step);
  if (step[0] == '@')
    {
      check (run, step + 1);
      g_timeout_add_once (50, (GSourceOnceFunc) next_step, run);
      return;
    }
  argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (char *) "xdotool");
  if (g_str_equal (step, "windowfocus"))
    {
      g_ptr_array_add (argv, (char *) "search");
      /* GTK keeps a hidden 1×1 window named after the program */
      g_ptr_array_add (argv, (char *) "--onlyvisible");
      g_ptr_array_add (argv, (char *) "--name");
      g_ptr_array_add (argv, (char *) "Outlay");
      g_ptr_array_add (argv, (char *) "windowfocus");
      g_ptr_array_add (argv, (char *) "--sync");
    }
  else
    {
      words = g_strsplit (g_str_equal (step, "$pending") ? run->pending : step, " ", -1);
      for (guint i = 0; words[i] != NULL; i++)
        g_ptr_array_add (argv, words[i]);
    }
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_newv ((const char *const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (proc, NULL, step_done_cb, run);
}

static gboolean
start_cb (gpointer data)
{
  Run *run = data;

  if (run->window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (run->window))
      || outlay_window_get_document (run->window) == NULL)
    {
      /* 30 s at most, then a clear failure rather than meson's timeout */
      if (++run->waited >= 150)
        g_error ("gave up after 30 s waiting for the window and its budget");
      return G_SOURCE_CONTINUE;
    }
  run->sheet = OUTLAY_SHEET_VIEW (outlay_ui_test_find_type (GTK_WIDGET (run->window), OUTLAY_TYPE_SHEET_VIEW));
  g_assert_nonnull (run->sheet);
  next_step (run);
  return G_SOURCE_REMOVE;
}

static void
window_added_cb (GtkApplication *app, GtkWindow *window, Run *run)
{
  if (OUTLAY_IS_WINDOW (window))
    run->window = OUTLAY_WINDOW (window);
}

static void
test_keys (void)
{
  g_autofree char *dir = g_dir_make_tmp ("outlay-ui-XXXXXX", NULL);
  Run run = { 0 };
  char *argv[] = { (char *) "outlay", (char *) "--database", NULL, NULL };

  if (g_find_program_in_path ("xdotool") == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return;
    }
  run.db = g_build_filename (dir, "outlay.db", NULL);
  argv[2] = run.db;
  run.app = outlay_application_new ();
  g_signal_connect (run.app, "window-added", G_CALLBACK (window_added_cb), &run);
  g_timeout_add (200, start_cb, &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (run.app), 3, argv), ==, 0);
  g_assert_true (run.done);
  g_object_unref (run.app);
  outlay_ui_test_remove_db (run.db);
  g_rmdir (dir);
  g_free (run.db);
  g_free (run.pending);
}

int
main (int argc, char *argv[])
{
  /* GTK's test accessibility backend: what a screen reader would be told
   * is kept and can be checked, with no accessibility bus */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui/sheet/keys", test_keys);
  return g_test_run ();
}
