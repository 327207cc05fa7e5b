/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Preferences, as a user would check them:
 * - the window opens from app.preferences on the General page, in light
 *   and dark (screenshots preferences.png, preferences-dark.png,
 *   preferences-database.png);
 * - a currency picked there is the one New Budget starts with;
 * - the first month of the fiscal year picked there gives a new budget
 *   its fiscal year;
 * - the paper picked there is the one reports use;
 * - switching to another database reopens the window on it, remembers
 *   it for the next start, lists the first one under Recent Databases,
 *   and that row switches back. */

#include "config.h"

#include "outlay-ui-test-util.h"

#include <string.h>

#include "outlay-application.h"
#include "outlay-export.h"
#include "outlay-new-budget-dialog.h"
#include "outlay-preferences-window.h"
#include "outlay-store.h"
#include "outlay-window.h"

typedef struct
{
  OutlayApplication *app;
  char *dir;
  char *db;
  char *other_db;
  gboolean checked;
} Fixture;

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

static GtkWidget *
child (gpointer widget, const char *id)
{
  GtkWidget *found = find_id (widget, id);

  g_assert_nonnull (found);
  return found;
}

static gpointer
toplevel_of_type (GType type)
{
  gpointer found = NULL;
  GList *list = gtk_window_list_toplevels ();

  for (GList *l = list; l != NULL && found == NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (list);
  return found;
}

static OutlayWindow *
main_window (Fixture *fixture)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l; l = l->next)
    if (OUTLAY_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
screenshot (GtkWidget *window, const char *name)
{
  g_autofree char *path = outlay_ui_test_screenshot_path (name);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  /* until the first frame is there to render, 30 s at most */
  do
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      outlay_ui_test_run_for (100);
    }
  while (!outlay_ui_test_save_png (window, path));
}

/* Picks the item of @row whose label starts with @prefix. */
static void
pick (AdwComboRow *row, const char *prefix)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), i), prefix))
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  g_error ("no “%s…” to pick", prefix);
}

static void
check_new_budget (Fixture *fixture, GSettings *settings)
{
  OutlayWindow *window = main_window (fixture);
  OutlayNewBudgetDialog *dialog;
  OutlayBudget *budget;
  g_autofree char *expected_start = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now) - (g_date_time_get_month (now) < 4 ? 1 : 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-budget", NULL);
  dialog = toplevel_of_type (OUTLAY_TYPE_NEW_BUDGET_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (outlay_new_budget_dialog_get_currency (dialog), ==, "EUR");
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "name_row")), "Fiscal Test");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "create");
  /* the window creates and shows the budget in the response handler */
  if (toplevel_of_type (OUTLAY_TYPE_NEW_BUDGET_DIALOG) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  budget = outlay_document_get_budget (outlay_window_get_document (window));
  g_assert_cmpstr (outlay_budget_get_name (budget), ==, "Fiscal Test");
  g_assert_cmpstr (outlay_budget_get_currency (budget), ==, "EUR");
  expected_start = g_strdup_printf ("%d-04-01", year);
  g_assert_cmpstr (outlay_budget_get_fiscal_start (budget), ==, expected_start);
  g_assert_true (g_str_has_suffix (outlay_budget_get_fiscal_end (budget), "-03-31"));
}

static gboolean
check_cb (gpointer data)
{
  Fixture *fixture = data;
  GSettings *settings = outlay_application_get_settings (fixture->app);
  OutlayPreferencesWindow *prefs;
  GtkListBox *recent;
  GtkListBoxRow *row;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) remembered = NULL;

  g_assert_nonnull (main_window (fixture));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  prefs = toplevel_of_type (OUTLAY_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  screenshot (GTK_WIDGET (prefs), "preferences.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  screenshot (GTK_WIDGET (prefs), "preferences-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  pick (ADW_COMBO_ROW (child (prefs, "currency_row")), "EUR");
  g_assert_cmpstr (g_settings_get_string (settings, "default-currency"), ==, "EUR");
  pick (ADW_COMBO_ROW (child (prefs, "fiscal_row")), "April");
  g_assert_cmpint (g_settings_get_int (settings, "fiscal-year-start-month"), ==, 4);
  pick (ADW_COMBO_ROW (child (prefs, "paper_row")), "US Letter");
  g_assert_cmpstr (outlay_export_paper_name (GTK_WINDOW (main_window (fixture))), ==, "na_letter");
  pick (ADW_COMBO_ROW (child (prefs, "paper_row")), "A4");
  g_assert_cmpstr (outlay_export_paper_name (GTK_WINDOW (main_window (fixture))), ==, "iso_a4");
  gtk_window_destroy (GTK_WINDOW (prefs));

  check_new_budget (fixture, settings);

  /* another database: the window comes back on it */
  g_assert_true (outlay_application_switch_database (fixture->app, fixture->other_db, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_store_get_path (outlay_application_get_store (fixture->app)), ==,
                   fixture->other_db);
  g_assert_nonnull (main_window (fixture));
  g_assert_cmpstr (g_settings_get_string (settings, "database"), ==, fixture->other_db);
  remembered = g_settings_get_strv (settings, "recent-databases");
  g_assert_cmpstr (remembered[0], ==, fixture->other_db);
  g_assert_cmpstr (remembered[1], ==, fixture->db);

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  prefs = toplevel_of_type (OUTLAY_TYPE_PREFERENCES_WINDOW);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "database");
  screenshot (GTK_WIDGET (prefs), "preferences-database.png");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (prefs, "database_row"))), ==,
                   fixture->other_db);
  recent = GTK_LIST_BOX (child (prefs, "recent_list"));
  row = gtk_list_box_get_row_at_index (recent, 0);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (recent, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "outlay.db");
  g_signal_emit_by_name (recent, "row-activated", row);
  g_assert_cmpstr (outlay_store_get_path (outlay_application_get_store (fixture->app)), ==,
                   fixture->db);
  gtk_window_destroy (GTK_WINDOW (prefs));

  fixture->checked = TRUE;
  g_application_quit (G_APPLICATION (fixture->app));
  return G_SOURCE_REMOVE;
}

static void
test_preferences (void)
{
  Fixture fixture = { 0 };
  char *argv[4];

  fixture.dir = g_dir_make_tmp ("outlay-prefs-XXXXXX", NULL);
  fixture.db = g_build_filename (fixture.dir, "outlay.db", NULL);
  fixture.other_db = g_build_filename (fixture.dir, "other.db", NULL);
  argv[0] = (char *) "outlay";
  argv[1] = (char *) "--database";
  argv[2] = fixture.db;
  argv[3] = NULL;
  /* as when build/src/ui/outlay runs straight from the build folder: the
   * schema is not installed, only compiled into the build tree, and every
   * page of Preferences must find it the way the application does */
  g_unsetenv ("GSETTINGS_SCHEMA_DIR");
  fixture.app = outlay_application_new ();
  g_timeout_add (300, check_cb, &fixture);
  g_assert_cmpint (g_application_run (G_APPLICATION (fixture.app), 3, argv), ==, 0);
  g_assert_true (fixture.checked);

  g_object_unref (fixture.app);
  outlay_ui_test_remove_db (fixture.db);
  outlay_ui_test_remove_db (fixture.other_db);
  g_rmdir (fixture.dir);
  g_free (fixture.db);
  g_free (fixture.other_db);
  g_free (fixture.dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui/preferences", test_preferences);
  return g_test_run ();
}
