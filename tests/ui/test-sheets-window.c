/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Budget ▸ Google Sheets in the real window, against the local fake
 * Google: Link to New Spreadsheet, an edit there brought in by Sync Now as
 * one undoable step, a conflict shown with both values and settled with a
 * typed one, and Cancel while Google does not answer (nothing changes). */

#include "config.h"

#include "outlay-ui-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

#include "outlay-application.h"
#include "outlay-fake-google.h"
#include "outlay-google-auth.h"
#include "outlay-secrets.h"
#include "outlay-sheets-conflict-dialog.h"
#include "outlay-window.h"

#define WAIT_TIMEOUT_S 60

typedef struct
{
  OutlayApplication *app;
  OutlayWindow *window;
  OutlayFakeGoogle *google;
  gint64 deadline;
  gboolean done;
} Fixture;

static gboolean
find_label_prefix (GtkWidget *widget, const char *prefix)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (find_label_prefix (c, prefix))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);

      if (OUTLAY_IS_SHEETS_CONFLICT_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return GTK_WIDGET (w);
    }
  return NULL;
}

static GtkWidget *
find_child (GtkWidget *widget, GType type, const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type)
      && (title == NULL
          || (ADW_IS_PREFERENCES_ROW (widget)
              && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title)
                     == 0)))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_child (c, type, title);

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

static gboolean
find_text (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (find_text (c, text))
      return TRUE;
  return FALSE;
}

static OutlayLine *
first_line (Fixture *f)
{
  OutlayDocument *doc = outlay_window_get_document (f->window);

  return outlay_section_get_line (outlay_document_get_section (doc, 0), 0);
}

static gboolean
cancel_cb (gpointer data)
{
  Fixture *f = data;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sheets-cancel", NULL));
  return G_SOURCE_REMOVE;
}

static void
check_sheets (Fixture *f)
{
  OutlayDocument *doc = outlay_window_get_document (f->window);
  OutlayLine *line = first_line (f);
  const char *id;
  gint64 detail;
  GtkWidget *dialog, *typed;
  g_autoptr (GError) error = NULL;
  g_autofree char *shot = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sheets-link", NULL));
  g_assert_cmpuint (outlay_fake_google_n_spreadsheets (f->google), ==, 1);
  outlay_ui_test_run_for (200);
  g_assert_true (find_label_prefix (GTK_WIDGET (f->window), "Synced "));
  id = outlay_fake_google_last_id (f->google);
  detail = outlay_fake_google_sheet_id (f->google, id, 1);
  g_assert_cmpuint (outlay_fake_google_used_rows (f->google, id, detail), ==,
                    outlay_document_get_n_lines (doc) + 1);

  /* an edit there comes in as one undoable step */
  outlay_fake_google_set_cell (f->google, id, detail, 1, 10,
                               json_node_init_string (json_node_alloc (), "Booked in the sheet"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sheets-sync", NULL));
  g_assert_cmpstr (outlay_line_get_notes (line), ==, "Booked in the sheet");
  g_assert_cmpstr (outlay_document_get_undo_label (doc), ==, "Sync with Google Sheets");

  /* both sides change the same cell: a dialog, settled from it */
  g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_NOTES, "Here", &error));
  outlay_fake_google_set_cell (f->google, id, detail, 1, 10,
                               json_node_init_string (json_node_alloc (), "There"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sheets-sync", NULL));
  outlay_ui_test_run_for (300);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  /* both values on the row's group; a typed one settles it for both */
  g_assert_true (find_text (dialog, "Row 2 · 1 Line producer"));
  g_assert_true (find_text (dialog, "Here"));
  g_assert_true (find_text (dialog, "There"));
  typed = find_child (dialog, ADW_TYPE_ENTRY_ROW, "Another value");
  g_assert_nonnull (typed);
  gtk_editable_set_text (GTK_EDITABLE (typed), "Settled");
  shot = outlay_ui_test_screenshot_path ("sheets-conflict.png");
  for (guint i = 0; i < 40 && !outlay_ui_test_save_png (dialog, shot); i++)
    outlay_ui_test_run_for (50);
  g_free (shot);
  g_assert_nonnull (find_button (dialog, "_Sync"));
  gtk_widget_activate (find_button (dialog, "_Sync"));
  outlay_ui_test_run_for (300);
  g_assert_null (find_dialog ());
  g_assert_cmpstr (outlay_line_get_notes (line), ==, "Settled");
  {
    g_autoptr (JsonNode) there = outlay_fake_google_get_cell (f->google, id, detail, 1, 10);

    g_assert_cmpstr (json_node_get_string (there), ==, "Settled");
  }

  /* Google does not answer: Cancel, and nothing changed */
  outlay_fake_google_set_cell (f->google, id, detail, 1, 10,
                               json_node_init_string (json_node_alloc (), "Never arrives"));
  outlay_fake_google_push_fault (f->google, "/drive/", OUTLAY_FAKE_SLOW);
  g_timeout_add (300, cancel_cb, f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sheets-sync", NULL));
  g_assert_cmpstr (outlay_line_get_notes (line), ==, "Settled");
  outlay_ui_test_run_for (300);
  shot = outlay_ui_test_screenshot_path ("sheets-window.png");
  outlay_ui_test_save_png (GTK_WIDGET (f->window), shot);
  g_assert_cmpuint (outlay_fake_google_invalid (f->google), ==, 0);
}

static gboolean
run_cb (gpointer data)
{
  Fixture *f = data;

  if (f->window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (f->window))
      || outlay_window_get_document (f->window) == NULL)
    {
      if (g_get_monotonic_time () > f->deadline)
        g_error ("gave up after %d s waiting for the window and its budget", WAIT_TIMEOUT_S);
      return G_SOURCE_CONTINUE;
    }
  check_sheets (f);
  f->done = TRUE;
  g_application_quit (G_APPLICATION (f->app));
  return G_SOURCE_REMOVE;
}

static void
window_added_cb (GtkApplication *app, GtkWindow *window, Fixture *f)
{
  if (OUTLAY_IS_WINDOW (window))
    f->window = OUTLAY_WINDOW (window);
}

static void
test_sheets_window (void)
{
  Fixture f = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayGoogleAuth) auth = NULL;
  g_autofree char *dir = g_dir_make_tmp ("outlay-sheets-ui-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "outlay.db", NULL);
  char *argv[4] = { (char *) "outlay", (char *) "--database", db, NULL };
  gboolean ok;

  f.google = outlay_fake_google_new (&error);
  g_assert_no_error (error);
  outlay_fake_google_setenv (f.google);
  g_setenv ("BROWSER", g_getenv ("OUTLAY_FAKE_BROWSER"), TRUE);
  auth = outlay_google_auth_new ();
  ok = outlay_google_auth_sign_in (auth, 30, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  f.app = outlay_application_new ();
  g_signal_connect (f.app, "window-added", G_CALLBACK (window_added_cb), &f);
  f.deadline = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;
  g_timeout_add (100, run_cb, &f);
  g_assert_cmpint (g_application_run (G_APPLICATION (f.app), 3, argv), ==, 0);
  g_assert_true (f.done);
  g_object_unref (f.app);
  outlay_fake_google_free (f.google);
  outlay_ui_test_remove_db (db);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("outlay-sheets-keyring-XXXXXX", NULL);
  g_autofree char *keyring = g_build_filename (dir, "test.keyring", NULL);
  int status;

  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "ui-test-password", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_setenv ("GNOTIFICATION_BACKEND", "freedesktop", TRUE);
  outlay_ui_test_sink_notifications ();
  g_test_add_func ("/ui/sheets/link-sync-conflict-cancel", test_sheets_window);
  status = g_test_run ();
  g_unlink (keyring);
  g_rmdir (dir);
  return status;
}
