/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening spreadsheets with Outlay, as Files, `outlay FILE…` and
 * `gio open` do: the files reach the application's open path and come up
 * one after the other in the import assistant of the running window.
 * - `outlay --database DB a.xlsx b.csv` opens the window with the
 *   assistant for a.xlsx, then, once that is closed, for b.csv;
 * - a file opened while the window is already up (a second `outlay FILE`
 *   handing over to the running instance) brings the assistant up there,
 *   without a second window.
 * - the application's show-line action (a GNOME Shell search result or a
 *   notification) brings up the budget with the line's description
 *   focused in the sheet.
 * The files are the project's fixtures in $OUTLAY_FIXTURES. */

#include "config.h"

#include "outlay-ui-test-util.h"

#include "outlay-application.h"
#include "outlay-import-dialog.h"
#include "outlay-sheet-cell.h"
#include "outlay-sheet-view.h"
#include "outlay-store.h"
#include "outlay-window.h"

#define WAIT_TIMEOUT_S 30

typedef struct
{
  OutlayApplication *app;
  char *dir;
  char *db;
  GPtrArray *seen; /* the file names the assistant showed, in order */
} Fixture;

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

typedef gboolean (*Condition) (Fixture *fixture);

#define wait_until(cond, fixture) wait_until_full ((cond), (fixture), #cond)

static void
wait_until_full (Condition cond, Fixture *fixture, const char *what)
{
  guint tick = g_timeout_add (10, tick_cb, NULL);
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;

  while (!cond (fixture))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("gave up after %d s waiting for %s", WAIT_TIMEOUT_S, what);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
}

static GtkWidget *
find_id (GtkWidget *widget, const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_id (c, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static OutlayImportDialog *
assistant (Fixture *fixture)
{
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (OUTLAY_IS_IMPORT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      {
        OutlayImportDialog *dialog = l->data;

        g_list_free (l);
        return dialog;
      }
  return NULL;
}

static guint
count_windows (Fixture *fixture)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l; l = l->next)
    n += OUTLAY_IS_WINDOW (l->data);
  return n;
}

/* The assistant is up and has read its file (its subtitle names it). */
static gboolean
assistant_ready (Fixture *fixture)
{
  OutlayImportDialog *dialog = assistant (fixture);

  return dialog != NULL && !outlay_import_dialog_get_busy (dialog)
         && adw_window_title_get_subtitle (
                ADW_WINDOW_TITLE (find_id (GTK_WIDGET (dialog), "window_title")))[0]
                != '\0';
}

static gboolean
no_assistant (Fixture *fixture)
{
  return assistant (fixture) == NULL;
}

/* Notes which file the assistant shows, and closes it. */
static void
take_assistant (Fixture *fixture)
{
  OutlayImportDialog *dialog;
  AdwWindowTitle *title;

  wait_until (assistant_ready, fixture);
  dialog = assistant (fixture);
  title = ADW_WINDOW_TITLE (find_id (GTK_WIDGET (dialog), "window_title"));
  g_ptr_array_add (fixture->seen, g_strdup (adw_window_title_get_subtitle (title)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) != NULL);
  g_assert_true (OUTLAY_IS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog))));
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (no_assistant, fixture);
}

static char *
fixture_path (const char *name)
{
  return g_build_filename (g_getenv ("OUTLAY_FIXTURES"), name, NULL);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_assert_nonnull (g_getenv ("OUTLAY_FIXTURES"));
  fixture->dir = g_dir_make_tmp ("outlay-open-XXXXXX", NULL);
  fixture->db = g_build_filename (fixture->dir, "outlay.db", NULL);
  fixture->seen = g_ptr_array_new_with_free_func (g_free);
  fixture->app = outlay_application_new ();
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->app);
  outlay_ui_test_remove_db (fixture->db);
  g_rmdir (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->dir);
  g_ptr_array_unref (fixture->seen);
}

/* ---- files on the command line ---- */

static gboolean
command_line_cb (gpointer data)
{
  Fixture *fixture = data;

  take_assistant (fixture);
  take_assistant (fixture);
  g_assert_cmpuint (count_windows (fixture), ==, 1);
  g_application_quit (G_APPLICATION (fixture->app));
  return G_SOURCE_REMOVE;
}

static void
test_command_line (Fixture *fixture, gconstpointer data)
{
  g_autofree char *xlsx = fixture_path ("aicp_commercial.xlsx");
  g_autofree char *csv = fixture_path ("departments_fy2025.csv");
  char *argv[] = { (char *) "outlay", (char *) "--database", fixture->db, xlsx, csv, NULL };

  g_idle_add (command_line_cb, fixture);
  g_assert_cmpint (g_application_run (G_APPLICATION (fixture->app), 5, argv), ==, 0);
  g_assert_cmpuint (fixture->seen->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->seen, 0), ==, "aicp_commercial.xlsx");
  g_assert_cmpstr (g_ptr_array_index (fixture->seen, 1), ==, "departments_fy2025.csv");
}

/* ---- a file handed to the running window ---- */

static gboolean
has_window (Fixture *fixture)
{
  return count_windows (fixture) == 1;
}

static gboolean
running_cb (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *ods = fixture_path ("aicp_commercial.ods");
  g_autoptr(GFile) file = g_file_new_for_path (ods);

  wait_until (has_window, fixture);
  g_assert_null (assistant (fixture));
  /* what GApplication does with a second instance's files or a D-Bus Open */
  g_application_open (G_APPLICATION (fixture->app), &file, 1, "");
  take_assistant (fixture);
  g_assert_cmpuint (count_windows (fixture), ==, 1);
  g_application_quit (G_APPLICATION (fixture->app));
  return G_SOURCE_REMOVE;
}

static void
test_running_instance (Fixture *fixture, gconstpointer data)
{
  char *argv[] = { (char *) "outlay", (char *) "--database", fixture->db, NULL };

  g_idle_add (running_cb, fixture);
  g_assert_cmpint (g_application_run (G_APPLICATION (fixture->app), 3, argv), ==, 0);
  g_assert_cmpuint (fixture->seen->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->seen, 0), ==, "aicp_commercial.ods");
}

/* ---- showing a line ---- */

static gint64 wanted_line;

/* The focus is on the wanted line's description cell. */
static gboolean
line_focused (Fixture *fixture)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app));
  GtkWidget *focus = windows != NULL ? gtk_root_get_focus (GTK_ROOT (windows->data)) : NULL;
  GObject *item;

  while (focus != NULL && !OUTLAY_IS_SHEET_CELL (focus))
    focus = gtk_widget_get_parent (focus);
  if (focus == NULL || outlay_sheet_cell_get_list_item (OUTLAY_SHEET_CELL (focus)) == NULL)
    return FALSE;
  item = gtk_list_item_get_item (outlay_sheet_cell_get_list_item (OUTLAY_SHEET_CELL (focus)));
  return OUTLAY_IS_LINE (item) && outlay_line_get_id (OUTLAY_LINE (item)) == wanted_line
         && outlay_sheet_cell_get_column (OUTLAY_SHEET_CELL (focus))
                == OUTLAY_SHEET_COLUMN_DESCRIPTION;
}

static gboolean
show_line_cb (gpointer data)
{
  Fixture *fixture = data;
  OutlayStore *store = outlay_application_get_store (fixture->app);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) budgets = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  OutlayBudget *budget;
  OutlaySection *section;
  OutlayWindow *window;

  wait_until (has_window, fixture);
  budgets = outlay_store_list_budgets (store, &error);
  g_assert_no_error (error);
  budget = g_ptr_array_index (budgets, 0);
  doc = outlay_store_load_document (store, outlay_budget_get_id (budget), &error);
  g_assert_no_error (error);
  /* a line far down the sheet: the last section's last line */
  section = outlay_document_get_section (doc, outlay_document_get_n_sections (doc) - 1);
  wanted_line = outlay_line_get_id (
      outlay_section_get_line (section, outlay_section_get_n_lines (section) - 1));
  g_action_group_activate_action (
      G_ACTION_GROUP (fixture->app), "show-line",
      g_variant_new ("(xx)", outlay_budget_get_id (budget), wanted_line));
  wait_until (line_focused, fixture);
  window = OUTLAY_WINDOW (gtk_application_get_windows (GTK_APPLICATION (fixture->app))->data);
  g_assert_cmpint (
      outlay_budget_get_id (outlay_document_get_budget (outlay_window_get_document (window))), ==,
      outlay_budget_get_id (budget));
  g_application_quit (G_APPLICATION (fixture->app));
  return G_SOURCE_REMOVE;
}

static void
test_show_line (Fixture *fixture, gconstpointer data)
{
  char *argv[] = { (char *) "outlay", (char *) "--database", fixture->db, NULL };

  g_idle_add (show_line_cb, fixture);
  g_assert_cmpint (g_application_run (G_APPLICATION (fixture->app), 3, argv), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/ui/open/command-line", Fixture, NULL, fixture_set_up, test_command_line,
              fixture_tear_down);
  g_test_add ("/ui/open/running-instance", Fixture, NULL, fixture_set_up, test_running_instance,
              fixture_tear_down);
  g_test_add ("/ui/open/show-line", Fixture, NULL, fixture_set_up, test_show_line,
              fixture_tear_down);
  return g_test_run ();
}
