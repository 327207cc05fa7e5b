/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Starts the application on a database with a damaged page: it says so
 * in a dialog that names the file, and "Open Latest Backup" puts the
 * backup in place and opens it, keeping the damaged file aside.  A page
 * damaged while the window is open stops the writing at the next edit,
 * and a dialog says so once. */

#include "config.h"

#include "outlay-ui-test-util.h"
#include "../unit/outlay-test-util.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <string.h>

#include "outlay-application.h"
#include "outlay-error.h"
#include "outlay-store-backup.h"
#include "outlay-window.h"

typedef struct
{
  OutlayApplication *app;
  AdwMessageDialog *dialog;
  OutlayWindow *window;
  const char *db;
  gboolean answered;
  gboolean checked;
  guint waited;
} Damaged;

static void
window_added_cb (GtkApplication *app, GtkWindow *window, Damaged *d)
{
  if (ADW_IS_MESSAGE_DIALOG (window))
    d->dialog = ADW_MESSAGE_DIALOG (window);
  else if (OUTLAY_IS_WINDOW (window))
    d->window = OUTLAY_WINDOW (window);
}

static gboolean
check_cb (gpointer data)
{
  Damaged *d = data;
  g_autofree char *shot = outlay_ui_test_screenshot_path ("ui-damaged.png");
  OutlayDocument *doc;

  g_assert_cmpuint (++d->waited, <, 200);
  if (!d->answered)
    {
      if (d->dialog == NULL || !gtk_widget_get_mapped (GTK_WIDGET (d->dialog))
          || !outlay_ui_test_save_png (GTK_WIDGET (d->dialog), shot))
        return G_SOURCE_CONTINUE;
      /* no window on a damaged file, only the question */
      g_assert_null (d->window);
      g_assert_cmpstr (adw_message_dialog_get_heading (d->dialog), ==,
                       "The Budget Database Is Damaged");
      g_assert_nonnull (strstr (adw_message_dialog_get_body (d->dialog), d->db));
      g_assert_true (adw_message_dialog_has_response (d->dialog, "restore"));
      g_assert_true (adw_message_dialog_has_response (d->dialog, "quit"));
      d->answered = TRUE;
      adw_message_dialog_response (d->dialog, "restore");
      return G_SOURCE_CONTINUE;
    }
  if (d->window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (d->window)))
    return G_SOURCE_CONTINUE;
  doc = outlay_window_get_document (d->window);
  g_assert_nonnull (doc);
  g_assert_true (
      g_str_has_prefix (outlay_budget_get_name (outlay_document_get_budget (doc)), "Sample:"));
  g_assert_cmpuint (outlay_document_get_n_lines (doc), >=, 95);
  d->checked = TRUE;
  g_application_quit (G_APPLICATION (d->app));
  return G_SOURCE_REMOVE;
}

static void
test_open_latest_backup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("outlay-ui-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "outlay.db", NULL);
  g_autofree char *backups_dir = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GDir) backups = NULL;
  char *argv[] = { (char *) "outlay", (char *) "--database", db, NULL };
  Damaged d = { .db = db };
  const char *name;
  guint kept = 0;
  sqlite3 *conn = NULL;

  {
    g_autoptr(OutlayStore) store = outlay_store_open (db, &error);

    g_assert_no_error (error);
    g_assert_true (outlay_store_add_sample (store, NULL, &error));
    backup = outlay_store_backup (store, NULL, &error);
    g_assert_no_error (error);
  }
  outlay_test_damage_lines (db);

  d.app = outlay_application_new ();
  g_signal_connect (d.app, "window-added", G_CALLBACK (window_added_cb), &d);
  g_timeout_add (100, check_cb, &d);
  g_assert_cmpint (g_application_run (G_APPLICATION (d.app), 3, argv), ==, 0);
  g_assert_true (d.checked);
  g_object_unref (d.app);

  /* the file in place is sound, and the damaged one is kept */
  g_assert_cmpint (sqlite3_open_v2 (db, &conn, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (outlay_test_query_int (conn, "SELECT count(*) FROM lines"), >=, 95);
  sqlite3_close (conn);
  backups_dir = outlay_store_backup_dir (db);
  backups = g_dir_open (backups_dir, 0, NULL);
  while ((name = g_dir_read_name (backups)) != NULL)
    kept += g_str_has_prefix (name, "outlay-before-restore-");
  g_assert_cmpuint (kept, ==, 1);

  outlay_ui_test_remove_db (db);
  g_rmdir (dir);
}

/* ---- damaged while open ---- */

static GtkWidget *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_mapped (l->data))
      return l->data;
  return NULL;
}

static void
touch_budgets (const char *path)
{
  sqlite3 *db = NULL;

  /* a commit from another program: the window's connection drops what it
   * had cached and reads the damaged page from the file */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (
      sqlite3_exec (db, "UPDATE budgets SET modified = modified + 1", NULL, NULL, NULL), ==,
      SQLITE_OK);
  sqlite3_close (db);
}

static OutlayLine *
first_line (OutlayDocument *doc)
{
  return outlay_section_get_line (outlay_document_get_section (doc, 0), 0);
}

static gboolean
while_open_cb (gpointer data)
{
  Damaged *d = data;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  OutlayDocument *doc;

  g_assert_cmpuint (++d->waited, <, 200);
  if (!d->answered)
    {
      if (d->window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (d->window))
          || outlay_window_get_document (d->window) == NULL)
        return G_SOURCE_CONTINUE;
      doc = outlay_window_get_document (d->window);
      outlay_test_damage_lines (d->db);
      touch_budgets (d->db);
      g_assert_false (
          outlay_document_set_line_text (doc, first_line (doc), OUTLAY_LINE_RATE, "901", &error));
      g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_DAMAGED);
      d->answered = TRUE;
      return G_SOURCE_CONTINUE;
    }
  dialog = find_message_dialog ();
  if (dialog == NULL)
    return G_SOURCE_CONTINUE;
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The Budget Database Is Damaged");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), d->db));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "quit"));
  {
    g_autofree char *shot = outlay_ui_test_screenshot_path ("ui-damaged-while-open.png");

    if (!outlay_ui_test_save_png (dialog, shot))
      return G_SOURCE_CONTINUE;
  }
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  /* nothing more is written (the window may have let go of the budget,
   * which it could not read back) */
  g_assert_false (
      outlay_store_rename_budget (outlay_application_get_store (d->app), 1, "After", &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_DAMAGED);
  d->checked = TRUE;
  g_application_quit (G_APPLICATION (d->app));
  return G_SOURCE_REMOVE;
}

static void
test_damaged_while_open (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("outlay-ui-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "outlay.db", NULL);
  char *argv[] = { (char *) "outlay", (char *) "--database", db, NULL };
  Damaged d = { .db = db };

  {
    g_autoptr(OutlayStore) store = outlay_store_open (db, &error);

    g_assert_no_error (error);
    g_assert_true (outlay_store_add_sample (store, NULL, &error));
  }
  d.app = outlay_application_new ();
  g_signal_connect (d.app, "window-added", G_CALLBACK (window_added_cb), &d);
  g_timeout_add (100, while_open_cb, &d);
  g_assert_cmpint (g_application_run (G_APPLICATION (d.app), 3, argv), ==, 0);
  g_assert_true (d.checked);
  g_object_unref (d.app);

  outlay_ui_test_remove_db (db);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui/damaged/open-latest-backup", test_open_latest_backup);
  g_test_add_func ("/ui/damaged/while-open", test_damaged_while_open);
  return g_test_run ();
}
