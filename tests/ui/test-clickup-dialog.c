/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Budget ▸ Import from ClickUp… against the local fake ClickUp, with the
 * token in libsecret's file backend: the workspace, space, folder and
 * list come from the API, the tag rule puts tasks on their lines, the
 * summary says what came in and the Tasks page shows it; a task deleted
 * in ClickUp is listed and removed only on request; Cancel leaves the
 * budget as it was.  Screenshots of the pick and summary pages. */

#include "config.h"

#include "outlay-ui-test-util.h"

#include <adwaita.h>
#include <string.h>

#include "outlay-clickup-dialog.h"
#include "outlay-fake-server.h"
#include "outlay-secrets.h"
#include "outlay-sheet-cell.h"
#include "outlay-store-private.h"
#include "outlay-tasks-page.h"

#define FIRST_MS 1735689600000 /* 2025-01-01 */
#define LAST_MS 1740787200000  /* 2025-03-01 */

static GtkWidget *
find_row (GtkWidget *widget, const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_row (c, title);

      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget *widget, const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found)
        return found;
    }
  return NULL;
}

/* Whether a mapped inscription or label in @widget shows @text */
static gboolean
shows (GtkWidget *widget, const char *text)
{
  if (GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0)
    return TRUE;
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  /* the Tasks page's cells draw their own text */
  if (OUTLAY_IS_SHEET_CELL (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (outlay_sheet_cell_get_text (OUTLAY_SHEET_CELL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (shows (c, text))
      return TRUE;
  return FALSE;
}

static const char *
page_of (GtkWidget *dialog)
{
  return gtk_stack_get_visible_child_name (
      GTK_STACK (outlay_ui_test_find_type (dialog, GTK_TYPE_STACK)));
}

/* Runs the main loop (the fake server answers on it) until @dialog shows @page */
static void
wait_for_page (GtkWidget *dialog, const char *page)
{
  for (guint i = 0; i < 800 && g_strcmp0 (page_of (dialog), page) != 0; i++)
    outlay_ui_test_run_for (25);
  if (g_strcmp0 (page_of (dialog), page) != 0)
    g_error ("the dialog shows “%s”, not “%s” (%s)", page_of (dialog), page,
             adw_status_page_get_description (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (
                 GTK_STACK (outlay_ui_test_find_type (dialog, GTK_TYPE_STACK)), "error"))));
  outlay_ui_test_run_for (400); /* past the crossfade */
}

static void
screenshot (GtkWidget *window, const char *name)
{
  g_autofree char *path = outlay_ui_test_screenshot_path (name);

  for (guint tries = 0; !outlay_ui_test_save_png (window, path); tries++)
    {
      g_assert_cmpuint (tries, <, 200);
      outlay_ui_test_run_for (10);
    }
}

/* The summary's heading: the group above the Tasks row */
static const char *
summary_title (GtkWidget *dialog)
{
  GtkWidget *group = gtk_widget_get_ancestor (find_row (dialog, "Tasks"),
                                              ADW_TYPE_PREFERENCES_GROUP);

  return adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group));
}

static const char *
subtitle (GtkWidget *dialog, const char *row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (dialog, row)));
}

static void
written_cb (OutlayClickupDialog *dialog, gint64 budget_id, guint *count)
{
  (*count)++;
}

static GtkWidget *
open_dialog (OutlayStore *store, gint64 budget, guint *written)
{
  GtkWidget *dialog = GTK_WIDGET (outlay_clickup_dialog_new (NULL, store, budget));

  g_signal_connect (dialog, "budget-written", G_CALLBACK (written_cb), written);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_page (dialog, "pick");
  return dialog;
}

static gint64
count (OutlayStore *store, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (outlay_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
close_dialog (GtkWidget *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  outlay_ui_test_run_for (100);
}

static void
test_import (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayFakeServer) server = outlay_fake_server_new (&error);
  g_autofree char *dir = g_dir_make_tmp ("outlay-ui-clickup-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "outlay.db", NULL);
  g_autoptr (OutlayStore) store = outlay_store_open (path, &error);
  g_autoptr (OutlayDocument) doc = NULL;
  g_autofree char *sql = NULL;
  GtkWidget *dialog, *window, *page, *group;
  gint64 budget;
  guint written = 0, asked;

  g_assert_no_error (error);
  g_setenv ("OUTLAY_CLICKUP_URL", outlay_fake_server_clickup_url (server), TRUE);
  g_assert_true (outlay_secrets_store ("clickup", "Ann Archer", "Acme", OUTLAY_FAKE_CLICKUP_TOKEN,
                                       NULL, &error));
  budget = outlay_store_create_budget (store, "blank", "Film", "EUR", &error);
  g_assert_no_error (error);
  sql = g_strdup_printf (
      "INSERT INTO sections (id, budget_id, position, code, name) VALUES (900, %" G_GINT64_FORMAT
      ", 0, 'C', 'Crew');"
      "INSERT INTO lines (id, budget_id, section_id, position, code, description) VALUES"
      " (901, %" G_GINT64_FORMAT ", 900, 0, '1100', 'Camera'), (902, %" G_GINT64_FORMAT
      ", 900, 1, '1200', 'Crew');",
      budget, budget, budget);
  g_assert_true (outlay_store_exec (store, sql, &error));
  outlay_fake_server_generate (server, "124", 12, 40, FIRST_MS, LAST_MS);

  /* the hierarchy from the API, the folder's list ticked */
  dialog = open_dialog (store, budget, &written);
  g_assert_nonnull (find_row (dialog, "Sprint"));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (dialog, "Workspace"))), ==,
                    0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (dialog, "Match")), 2);
  g_assert_false (gtk_widget_get_sensitive (find_button (dialog, "_Import")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (dialog, "Match")), 1); /* tags */
  g_assert_true (gtk_widget_get_sensitive (find_button (dialog, "_Import")));
  screenshot (dialog, "clickup-dialog-pick.png");

  gtk_widget_activate (find_button (dialog, "_Import"));
  wait_for_page (dialog, "summary");
  g_assert_cmpstr (subtitle (dialog, "Tasks"), ==, "12 new, 0 changed, 0 unchanged");
  g_assert_true (g_str_has_prefix (subtitle (dialog, "Time Entries"), "40 new,"));
  g_assert_cmpstr (subtitle (dialog, "People"), ==, "2 new");
  g_assert_cmpuint (written, ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM tasks"), ==, 12);
  /* tags camera and crew name lines 1100 and 1200; post and travel none */
  g_assert_cmpint (count (store, "SELECT count(*) FROM tasks WHERE line_id = 901"), ==, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM tasks WHERE line_id = 902"), ==, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM time_entries"), ==, 40);
  screenshot (dialog, "clickup-dialog-summary.png");
  gtk_widget_activate (find_button (dialog, "_Done"));
  outlay_ui_test_run_for (100);

  /* the Tasks page shows what came in */
  doc = outlay_store_load_document (store, budget, &error);
  g_assert_no_error (error);
  window = gtk_window_new ();
  page = outlay_tasks_page_new ();
  outlay_tasks_page_set_store (OUTLAY_TASKS_PAGE (page), store);
  outlay_document_page_set_document (OUTLAY_DOCUMENT_PAGE (page), doc);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 200 && !shows (page, "camera task 0"); i++)
    outlay_ui_test_run_for (25);
  screenshot (window, "clickup-tasks-page.png");
  g_assert_cmpuint (outlay_tasks_page_get_n_shown (OUTLAY_TASKS_PAGE (page)), ==, 12);
  g_assert_true (shows (page, "camera task 0"));
  g_assert_true (shows (page, "C/1100"));
  gtk_window_destroy (GTK_WINDOW (window));

  /* deleted in ClickUp: listed first, removed only on request */
  outlay_fake_server_delete_task (server, "t000003");
  dialog = open_dialog (store, budget, &written);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (dialog, "Match")), 1);
  gtk_switch_set_active (GTK_SWITCH (outlay_ui_test_find_type (dialog, GTK_TYPE_SWITCH)), TRUE);
  gtk_widget_activate (find_button (dialog, "_Import"));
  wait_for_page (dialog, "summary");
  g_assert_cmpstr (subtitle (dialog, "Tasks"), ==, "0 new, 0 changed, 11 unchanged");
  group = gtk_widget_get_ancestor (find_row (dialog, "travel task 3"), ADW_TYPE_PREFERENCES_GROUP);
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==,
                   "1 task was deleted in ClickUp");
  g_assert_cmpint (count (store, "SELECT count(*) FROM tasks"), ==, 12);
  screenshot (dialog, "clickup-dialog-deleted.png");
  gtk_widget_activate (find_button (dialog, "Remove 1 Task"));
  outlay_ui_test_run_for (400); /* a button clicks when its activation ends */
  g_assert_cmpstr (page_of (dialog), ==, "summary");
  g_assert_cmpstr (summary_title (dialog), ==, "Imported from ClickUp; 1 deleted task removed");
  g_assert_cmpint (count (store, "SELECT count(*) FROM tasks"), ==, 11);
  g_assert_cmpint (count (store, "SELECT count(*) FROM tasks WHERE external_id = 't000003'"), ==,
                   0);
  g_assert_false (gtk_widget_get_visible (group));
  g_assert_cmpstr (summary_title (dialog), ==, "Imported from ClickUp; 1 deleted task removed");
  close_dialog (dialog);

  /* Cancel while ClickUp is silent: nothing changes */
  outlay_fake_server_rename_task (server, "t000001", "Renamed in ClickUp", LAST_MS + 1000);
  outlay_fake_server_push_fault (server, "/v2/team/9012345/time_entries", OUTLAY_FAKE_SLOW);
  dialog = open_dialog (store, budget, &written);
  asked = outlay_fake_server_count (server, "time_entries");
  gtk_widget_activate (find_button (dialog, "_Import"));
  wait_for_page (dialog, "progress");
  for (guint i = 0; i < 400 && outlay_fake_server_count (server, "time_entries") == asked; i++)
    outlay_ui_test_run_for (25);
  gtk_widget_activate (find_button (dialog, "_Cancel"));
  wait_for_page (dialog, "summary");
  g_assert_cmpstr (summary_title (dialog), ==, "Cancelled: nothing was changed");
  g_assert_cmpint (count (store, "SELECT count(*) FROM tasks WHERE name = 'Renamed in ClickUp'"),
                   ==, 0);
  close_dialog (dialog);

  g_assert_cmpuint (outlay_fake_server_invalid (server), ==, 0);
  g_clear_object (&doc);
  g_clear_object (&store);
  outlay_ui_test_remove_db (path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("outlay-clickup-keyring-XXXXXX", NULL);
  g_autofree char *keyring = g_build_filename (dir, "test.keyring", NULL);
  int status;

  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "ui-test-password", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_test_add_func ("/ui/clickup-dialog/import", test_import);
  status = g_test_run ();
  g_unlink (keyring);
  g_rmdir (dir);
  return status;
}
