/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Connections page against the local fake ClickUp, with the keyring in
 * libsecret's file backend: a refused token is said and not kept, a good
 * one is kept, Test says which account and workspaces it reached, Remove
 * forgets it. */

#include "config.h"

#include "outlay-ui-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

#include "outlay-connections-page.h"
#include "outlay-fake-google.h"
#include "outlay-fake-server.h"
#include "outlay-secrets.h"

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

/* Runs the main loop (the fake server answers on it) until @row's
 * subtitle holds @words */
static void
wait_for_subtitle (GtkWidget *row, const char *words)
{
  for (guint i = 0; i < 400; i++)
    {
      const char *s = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

      if (s && strstr (s, words))
        return;
      outlay_ui_test_run_for (25);
    }
  g_error ("the row never said “%s” (it says “%s”)", words,
           adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
}

static void
wait_for_title (GtkWidget *page, const char *title)
{
  for (guint i = 0; i < 400 && find_row (page, title) == NULL; i++)
    outlay_ui_test_run_for (25);
  g_assert_nonnull (find_row (page, title));
}

static void
test_connect_test_remove (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayFakeServer) server = outlay_fake_server_new (&error);
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = outlay_connections_page_new ();
  GtkWidget *token, *status;
  char *secret;

  g_assert_no_error (error);
  g_setenv ("OUTLAY_CLICKUP_URL", outlay_fake_server_clickup_url (server), TRUE);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 620, 640);
  gtk_window_present (GTK_WINDOW (window));
  outlay_ui_test_run_for (300);

  token = find_row (page, "Personal token");
  g_assert_nonnull (token);
  status = find_row (page, "Not connected");
  g_assert_nonnull (status);

  gtk_editable_set_text (GTK_EDITABLE (token), "pk_1_not_a_token");
  g_signal_emit_by_name (token, "apply");
  wait_for_subtitle (status, "ClickUp refused the token");
  g_assert_null (outlay_secrets_lookup ("clickup", NULL, NULL));

  gtk_editable_set_text (GTK_EDITABLE (token), OUTLAY_FAKE_CLICKUP_TOKEN);
  g_signal_emit_by_name (token, "apply");
  wait_for_title (page, "Ann Archer <ann@example.com>");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (token)), ==, "");
  secret = outlay_secrets_lookup ("clickup", NULL, &error);
  g_assert_cmpstr (secret, ==, OUTLAY_FAKE_CLICKUP_TOKEN);
  outlay_secrets_free (secret);

  status = find_row (page, "Ann Archer <ann@example.com>");
  gtk_widget_activate (find_button (status, "_Test"));
  wait_for_subtitle (status, "Reached ClickUp as Ann Archer <ann@example.com>, workspaces Acme");
  {
    g_autofree char *shot = outlay_ui_test_screenshot_path ("connections-page.png");

    outlay_ui_test_save_png (window, shot);
  }

  gtk_widget_activate (find_button (status, "_Remove"));
  for (guint i = 0;
       i < 400
       && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (status)), "Not connected")
              != 0;
       i++)
    outlay_ui_test_run_for (25);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (status)), ==,
                   "Not connected");
  g_assert_null (outlay_secrets_lookup ("clickup", NULL, NULL));
  g_assert_cmpuint (outlay_fake_server_invalid (server), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  outlay_ui_test_run_for (100);
}

/* Sign In opens the browser (here the fake one, which follows the consent
 * page's redirect); Sign Out revokes with Google */
static void
test_google (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayFakeGoogle) google = outlay_fake_google_new (&error);
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = outlay_connections_page_new ();
  GtkWidget *status;
  char *secret;

  g_assert_no_error (error);
  outlay_fake_google_setenv (google);
  g_setenv ("BROWSER", g_getenv ("OUTLAY_FAKE_BROWSER"), TRUE);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 620, 640);
  gtk_window_present (GTK_WINDOW (window));
  outlay_ui_test_run_for (300);

  status = find_row (page, "Not signed in");
  g_assert_nonnull (status);
  gtk_widget_activate (find_button (status, "_Sign In…"));
  wait_for_title (page, "Signed in");
  secret = outlay_secrets_lookup ("google", NULL, &error);
  g_assert_nonnull (secret);
  g_assert_nonnull (strstr (secret, "refresh_token"));
  outlay_secrets_free (secret);
  g_assert_cmpuint (outlay_fake_google_n_refresh_tokens (google), ==, 1);
  {
    g_autofree char *shot = outlay_ui_test_screenshot_path ("connections-google.png");

    outlay_ui_test_save_png (window, shot);
  }
  gtk_widget_activate (find_button (status, "Sign _Out"));
  wait_for_title (page, "Not signed in");
  g_assert_null (outlay_secrets_lookup ("google", NULL, NULL));
  g_assert_cmpuint (outlay_fake_google_n_refresh_tokens (google), ==, 0);
  g_assert_cmpuint (outlay_fake_google_invalid (google), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  outlay_ui_test_run_for (100);
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("outlay-connections-XXXXXX", NULL);
  g_autofree char *keyring = g_build_filename (dir, "test.keyring", NULL);
  int status;

  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "ui-test-password", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_test_add_func ("/ui/connections/connect-test-remove", test_connect_test_remove);
  g_test_add_func ("/ui/connections/google", test_google);
  status = g_test_run ();
  g_unlink (keyring);
  g_rmdir (dir);
  return status;
}
