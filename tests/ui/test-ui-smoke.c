/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the real application on a new database under Xvfb and checks that
 * the window shows the sample budget, then saves a screenshot. */

#include "config.h"

#include "outlay-ui-test-util.h"

#include "outlay-sheet-cell.h"

#include <glib/gstdio.h>
#include <string.h>

#include "outlay-application.h"
#include "outlay-window.h"

typedef struct
{
  OutlayApplication *app;
  OutlayWindow      *window;
  char              *screenshot;
  gboolean           checked;
  guint              waited;
} Smoke;

/* A label or sheet cell on screen showing @text. */
static gboolean
find_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  if (GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0)
    return TRUE;
  /* the sheet's cells draw their text themselves */
  if (OUTLAY_IS_SHEET_CELL (widget) && gtk_widget_get_mapped (widget)
      && !outlay_sheet_cell_is_editing (OUTLAY_SHEET_CELL (widget))
      && g_strcmp0 (outlay_sheet_cell_get_text (OUTLAY_SHEET_CELL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (find_label (c, text))
      return TRUE;
  return FALSE;
}

static gboolean check_overview_cb (gpointer data);

static gboolean
check_cb (gpointer data)
{
  Smoke *smoke = data;
  OutlayDocument *doc;
  const char *name;

  if (smoke->window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (smoke->window)))
    {
      g_assert_cmpuint (++smoke->waited, <, 100);
      return G_SOURCE_CONTINUE;
    }
  doc = outlay_window_get_document (smoke->window);
  g_assert_nonnull (doc);
  name = outlay_budget_get_name (outlay_document_get_budget (doc));
  g_assert_true (g_str_has_prefix (name, "Sample:"));
  g_assert_cmpuint (outlay_document_get_n_sections (doc), ==, 16);
  g_assert_cmpuint (outlay_document_get_n_lines (doc), >=, 95);

  /* What a user sees: the name as the page title, and section rows. */
  g_assert_true (find_label (GTK_WIDGET (smoke->window), name));
  /* the sheet shows the sections and lines */
  g_assert_true (find_label (GTK_WIDGET (smoke->window),
                             outlay_section_get_name (outlay_document_get_section (doc, 0))));
  g_assert_true (find_label (GTK_WIDGET (smoke->window),
                             outlay_line_get_description (
                               outlay_section_get_line (outlay_document_get_section (doc, 0), 0))));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (smoke->window)), name));

  /* the sidebar folds away and the table scrolls: the window fits a phone */
  {
    int min_width = 0;

    gtk_widget_measure (GTK_WIDGET (smoke->window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width,
                        NULL, NULL, NULL);
    g_test_message ("minimum window width: %d px", min_width);
    g_assert_cmpint (min_width, <=, 400);
  }

  if (!outlay_ui_test_save_png (GTK_WIDGET (smoke->window), smoke->screenshot))
    {
      g_assert_cmpuint (++smoke->waited, <, 100);
      return G_SOURCE_CONTINUE;
    }
  /* and the overview its totals by section */
  adw_view_stack_set_visible_child_name (
    ADW_VIEW_STACK (outlay_ui_test_find_type (GTK_WIDGET (smoke->window), ADW_TYPE_VIEW_STACK)), "overview");
  g_test_message ("screenshot: %s", smoke->screenshot);
  g_timeout_add (300, check_overview_cb, smoke);
  return G_SOURCE_REMOVE;
}

static gboolean
check_overview_cb (gpointer data)
{
  Smoke *smoke = data;
  g_autofree char *path = g_strconcat (smoke->screenshot, "", NULL);

  g_assert_true (find_label (GTK_WIDGET (smoke->window), "Totals by Section"));

  /* the budget menu's dialogs open over the window */
  {
    g_autoptr(GList) before = gtk_window_list_toplevels ();
    g_autoptr(GList) after = NULL;

    gtk_widget_activate_action (GTK_WIDGET (smoke->window), "win.versions", NULL);
    gtk_widget_activate_action (GTK_WIDGET (smoke->window), "win.budget-properties", NULL);
    after = gtk_window_list_toplevels ();
    g_assert_cmpuint (g_list_length (after), ==, g_list_length (before) + 2);
  }
  path[strlen (path) - strlen (".png")] = '\0';
  {
    g_autofree char *overview = g_strconcat (path, "-overview.png", NULL);

    if (!outlay_ui_test_save_png (GTK_WIDGET (smoke->window), overview))
      {
        g_assert_cmpuint (++smoke->waited, <, 200);
        return G_SOURCE_CONTINUE;
      }
  }
  smoke->checked = TRUE;
  g_application_quit (G_APPLICATION (smoke->app));
  return G_SOURCE_REMOVE;
}

static void
window_added_cb (GtkApplication *app, GtkWindow *window, Smoke *smoke)
{
  if (OUTLAY_IS_WINDOW (window))
    smoke->window = OUTLAY_WINDOW (window);
}

static void
test_shows_sample (void)
{
  g_autofree char *dir = g_dir_make_tmp ("outlay-ui-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "outlay.db", NULL);
  char *argv[] = { (char *) "outlay", (char *) "--database", db, NULL };
  Smoke smoke = { 0 };

  smoke.app = outlay_application_new ();
  smoke.screenshot = g_build_filename (g_getenv ("OUTLAY_SCREENSHOT_DIR") ?: ".", "ui-smoke.png",
                                       NULL);
  g_signal_connect (smoke.app, "window-added", G_CALLBACK (window_added_cb), &smoke);
  g_timeout_add (300, check_cb, &smoke);
  g_assert_cmpint (g_application_run (G_APPLICATION (smoke.app), 3, argv), ==, 0);
  g_assert_true (smoke.checked);
  g_assert_true (g_file_test (smoke.screenshot, G_FILE_TEST_IS_REGULAR));

  g_object_unref (smoke.app);
  g_free (smoke.screenshot);
  outlay_ui_test_remove_db (db);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui/smoke/shows-sample", test_shows_sample);
  return g_test_run ();
}
