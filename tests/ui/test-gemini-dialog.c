/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Ask Gemini (win.ask-gemini) against the local fake Gemini, with the key
 * in libsecret's file backend: nothing is asked until the budget's AI
 * analysis is on; the answer's recommendations show with their reasons
 * and are saved with source Gemini (an invalid one is left out and said
 * so); a blocked prompt, a MAX_TOKENS finish and malformed JSON are said
 * plainly and save nothing; Cancel goes back.  Screenshots. */

#include "config.h"

#include "outlay-ui-test-util.h"

#include <adwaita.h>
#include <string.h>

#include "outlay-fake-server.h"
#include "outlay-gemini-dialog.h"
#include "outlay-secrets.h"
#include "outlay-store-private.h"

static const char answer[] =
    "{\"summary\":\"Camera is over its estimate; travel is under.\","
    "\"recommendations\":["
    "{\"kind\":\"cost-saving\",\"title\":\"Rent the second camera body by the day\","
    "\"description\":\"Weekly rental covers idle days.\",\"estimatedSavings\":\"1500.00\","
    "\"confidence\":80,\"priority\":\"high\",\"reasoning\":\"The camera line burns 40 % faster "
    "than planned.\"},"
    "{\"kind\":\"risk\",\"title\":\"Saves more than the budget\",\"description\":\"x\","
    "\"estimatedSavings\":\"99999999999.00\",\"confidence\":50,\"priority\":\"low\","
    "\"reasoning\":\"y\"}]}";

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

/* Whether a visible label in @widget holds @words */
static gboolean
says (GtkWidget *widget, const char *words)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget)
      && strstr (gtk_label_get_text (GTK_LABEL (widget)), words))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (says (c, words))
      return TRUE;
  return FALSE;
}

static GtkStack *
stack_of (GtkWidget *dialog)
{
  return GTK_STACK (outlay_ui_test_find_type (dialog, GTK_TYPE_STACK));
}

static void
wait_for_page (GtkWidget *dialog, const char *page)
{
  for (guint i = 0;
       i < 400 && g_strcmp0 (gtk_stack_get_visible_child_name (stack_of (dialog)), page) != 0; i++)
    outlay_ui_test_run_for (25);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack_of (dialog)), ==, page);
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

static GtkWidget *
open_dialog (OutlayStore *store, OutlayDocument *doc)
{
  GtkWidget *dialog = GTK_WIDGET (outlay_gemini_dialog_new (NULL, store, doc, NULL));

  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_page (dialog, "ask");
  return dialog;
}

/* Asks once more in a new dialog; Gemini's answer is refused with @words */
static void
ask_refused (OutlayStore *store, OutlayDocument *doc, const char *words, const char *shot)
{
  GtkWidget *dialog = open_dialog (store, doc);
  GtkWidget *error_page;

  gtk_widget_activate (find_button (dialog, "_Ask"));
  wait_for_page (dialog, "error");
  error_page = gtk_stack_get_child_by_name (stack_of (dialog), "error");
  if (!strstr (adw_status_page_get_description (ADW_STATUS_PAGE (error_page)), words))
    g_error ("the dialog says “%s”, not “%s”",
             adw_status_page_get_description (ADW_STATUS_PAGE (error_page)), words);
  if (shot)
    screenshot (dialog, shot);
  gtk_window_destroy (GTK_WINDOW (dialog));
  outlay_ui_test_run_for (50);
}

static void
test_ask (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayFakeServer) server = outlay_fake_server_new (&error);
  g_autofree char *dir = g_dir_make_tmp ("outlay-ui-gemini-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "outlay.db", NULL);
  g_autoptr (OutlayStore) store = outlay_store_open (path, &error);
  g_autoptr (OutlayDocument) doc = NULL;
  GtkWidget *dialog, *row;
  gint64 budget = 0;

  g_assert_no_error (error);
  g_setenv ("OUTLAY_GEMINI_URL", outlay_fake_server_gemini_url (server), TRUE);
  g_assert_true (outlay_secrets_store ("gemini", "API key", "gemini-flash-latest",
                                       OUTLAY_FAKE_GEMINI_KEY, NULL, &error));
  g_assert_true (outlay_store_add_sample (store, &budget, &error));
  g_assert_true (outlay_store_exec (store, "UPDATE budgets SET currency = 'EUR'", &error));
  doc = outlay_store_load_document (store, budget, &error);
  g_assert_no_error (error);

  /* off until the user turns it on: nothing can be asked */
  dialog = open_dialog (store, doc);
  g_assert_false (gtk_widget_get_sensitive (find_button (dialog, "_Ask")));
  screenshot (dialog, "gemini-dialog-ask.png");
  gtk_switch_set_active (GTK_SWITCH (outlay_ui_test_find_type (dialog, GTK_TYPE_SWITCH)), TRUE);
  g_assert_true (outlay_budget_get_ai_analysis (outlay_document_get_budget (doc)));
  g_assert_cmpint (count (store, "SELECT ai_analysis FROM budgets WHERE id = (SELECT max(id) FROM "
                                 "budgets WHERE ai_analysis = 1)"),
                   ==, 1);
  g_assert_true (gtk_widget_get_sensitive (find_button (dialog, "_Ask")));
  g_assert_cmpuint (outlay_fake_server_count (server, "generateContent"), ==, 0);

  outlay_fake_server_set_gemini_text (server, answer);
  gtk_widget_activate (find_button (dialog, "_Ask"));
  wait_for_page (dialog, "answer");
  g_assert_cmpuint (outlay_fake_server_count (server, "generateContent"), ==, 1);
  row = find_row (dialog, "Rent the second camera body by the day");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   "High · saves €1,500.00 · confidence 80 %");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  outlay_ui_test_run_for (300);
  g_assert_true (says (dialog, "Why: The camera line burns 40 % faster than planned."));
  g_assert_true (says (dialog, "Camera is over its estimate; travel is under."));
  g_assert_true (says (dialog, "1 suggestion was left out because it could not be checked: "
                               "savings larger than the whole budget"));
  g_assert_null (find_row (dialog, "Saves more than the budget"));
  g_assert_cmpint (count (store, "SELECT count(*) FROM recommendations WHERE source = 'gemini'"),
                   ==, 1);
  screenshot (dialog, "gemini-dialog-answer.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  outlay_ui_test_run_for (50);

  /* refused answers: said plainly, nothing saved */
  outlay_fake_server_set_gemini_block (server, "SAFETY");
  ask_refused (store, doc, "blocked: SAFETY", "gemini-dialog-blocked.png");
  outlay_fake_server_set_gemini_block (server, NULL);
  outlay_fake_server_set_gemini_finish (server, "MAX_TOKENS");
  ask_refused (store, doc, "ran out of room before finishing its answer (MAX_TOKENS)", NULL);
  outlay_fake_server_set_gemini_finish (server, "SAFETY");
  ask_refused (store, doc, "stopped without a usable answer (SAFETY)", NULL);
  outlay_fake_server_set_gemini_finish (server, NULL);
  outlay_fake_server_set_gemini_text (server, "{\"summary\":\"cut sh");
  ask_refused (store, doc, "not the JSON Outlay asked for", NULL);
  g_assert_cmpint (count (store, "SELECT count(*) FROM recommendations WHERE source = 'gemini'"),
                   ==, 1);

  /* Cancel while Gemini thinks: back to the question */
  outlay_fake_server_push_fault (server, "/v1beta/models/gemini-flash-latest:generateContent",
                                 OUTLAY_FAKE_SLOW);
  dialog = open_dialog (store, doc);
  gtk_widget_activate (find_button (dialog, "_Ask"));
  wait_for_page (dialog, "asking");
  screenshot (dialog, "gemini-dialog-asking.png");
  gtk_widget_activate (find_button (dialog, "_Cancel"));
  wait_for_page (dialog, "ask");
  gtk_window_destroy (GTK_WINDOW (dialog));
  outlay_ui_test_run_for (50);

  g_assert_cmpuint (outlay_fake_server_invalid (server), ==, 0);
  g_clear_object (&doc);
  g_clear_object (&store);
  outlay_ui_test_remove_db (path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("outlay-gemini-keyring-XXXXXX", NULL);
  g_autofree char *keyring = g_build_filename (dir, "test.keyring", NULL);
  int status;

  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "ui-test-password", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_test_add_func ("/ui/gemini-dialog/ask", test_ask);
  status = g_test_run ();
  g_unlink (keyring);
  g_rmdir (dir);
  return status;
}
