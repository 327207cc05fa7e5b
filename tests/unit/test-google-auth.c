/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Google sign-in against the local fake Google (tests/servers): the
 * browser is tests/servers/outlay-fake-browser, named by BROWSER, which
 * follows the consent page's redirect to Outlay's loopback listener. */

#include "outlay-error.h"
#include "outlay-fake-google.h"
#include "outlay-google-auth.h"
#include "outlay-secrets.h"
#include "outlay-test-util.h"

typedef struct
{
  char *dir;
  OutlayFakeGoogle *google;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = outlay_test_make_dir ();
  /* libsecret's file backend keeps the path of its first use: one keyring
   * for the program, emptied before each test */
  g_assert_true (outlay_secrets_clear ("google", NULL, NULL, &error));
  g_setenv ("BROWSER", g_getenv ("OUTLAY_FAKE_BROWSER"), TRUE);
  f->google = outlay_fake_google_new (&error);
  g_assert_no_error (error);
  outlay_fake_google_setenv (f->google);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_assert_cmpuint (outlay_fake_google_invalid (f->google), ==, 0);
  g_clear_pointer (&f->google, outlay_fake_google_free);
  outlay_test_remove_dir (f->dir);
  g_free (f->dir);
}

static char *
stored_refresh_token (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  char *secret = outlay_secrets_lookup ("google", NULL, &error);
  char *token;

  if (secret == NULL)
    return NULL;
  g_assert_true (json_parser_load_from_data (parser, secret, -1, NULL));
  outlay_secrets_free (secret);
  token = g_strdup (json_object_get_string_member (
      json_node_get_object (json_parser_get_root (parser)), "refresh_token"));
  return token;
}

static void
sign_in (void)
{
  g_autoptr (OutlayGoogleAuth) auth = outlay_google_auth_new ();
  g_autoptr (GError) error = NULL;

  gboolean ok = outlay_google_auth_sign_in (auth, 30, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
test_pkce (void)
{
  /* as Python computes it: base64.urlsafe_b64encode (sha256 (v)), no padding */
  g_autofree char *challenge = outlay_google_pkce_challenge (
      "dBjftJeZ4CVP-mJ0kXLOBAAuE9fE0L1Kwqh1z9d0nWk");

  g_assert_cmpstr (challenge, ==, "z1aRJMAZrn2j1UiGR-PN9YS0qh1wljPK9H2km00ROYo");
}

static void
test_sign_in (Fixture *f, gconstpointer data)
{
  g_autoptr (OutlayGoogleAuth) auth = outlay_google_auth_new ();
  g_autofree char *refresh = NULL;
  g_autoptr (GError) error = NULL;
  const char *token;

  sign_in ();
  /* the fake checked the PKCE verifier and the redirect_uri; the token it
   * issued is in the keyring */
  refresh = stored_refresh_token ();
  g_assert_nonnull (refresh);
  g_assert_true (outlay_fake_google_refresh_token_valid (f->google, refresh));
  g_assert_true (outlay_google_auth_load (auth, NULL, &error));
  g_assert_no_error (error);
  token = outlay_google_auth_get_token (auth, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (token, "ya29."));
  /* still valid for an hour: no refresh needed */
  g_assert_cmpuint (outlay_google_auth_get_token_requests (auth), ==, 0);
}

static void
test_refresh_before_expiry (Fixture *f, gconstpointer data)
{
  g_autoptr (OutlayGoogleAuth) auth = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *refresh = NULL;
  g_autofree char *kept = NULL;
  const char *second;

  /* tokens that expire within the one-minute margin */
  outlay_fake_google_set_token_lifetime (f->google, 30);
  sign_in ();
  refresh = stored_refresh_token ();
  auth = outlay_google_auth_new ();
  first = g_strdup (outlay_google_auth_get_token (auth, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (outlay_google_auth_get_token_requests (auth), ==, 1);
  second = outlay_google_auth_get_token (auth, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, !=, second);
  /* a refresh brings no new refresh token: the old one is kept */
  kept = stored_refresh_token ();
  g_assert_cmpstr (kept, ==, refresh);
}

static void
test_refresh_on_401 (Fixture *f, gconstpointer data)
{
  g_autoptr (OutlayGoogleAuth) auth = NULL;
  g_autoptr (OutlayHttpClient) drive = outlay_http_client_new (OUTLAY_HTTP_SERVICE_DRIVE);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) answer = NULL;

  sign_in ();
  auth = outlay_google_auth_new ();
  outlay_fake_google_expire_access_tokens (f->google);
  /* the access token is dead before its time: one 401, a refresh, a retry */
  answer = outlay_google_request (auth, drive, "GET", "/drive/v3/files/missing?fields=id,version",
                                  NULL, NULL, &error);
  g_assert_null (answer);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
  g_assert_cmpuint (outlay_google_auth_get_token_requests (auth), ==, 1);
  g_assert_cmpuint (outlay_fake_google_count (f->google, "GET /drive/v3/files/missing"), ==, 2);
}

static void
test_deny (Fixture *f, gconstpointer data)
{
  g_autoptr (OutlayGoogleAuth) auth = outlay_google_auth_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *refresh = NULL;

  outlay_fake_google_set_deny (f->google, TRUE);
  g_assert_false (outlay_google_auth_sign_in (auth, 30, NULL, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "cancelled in the browser"));
  refresh = stored_refresh_token ();
  g_assert_null (refresh);
}

static void
test_wrong_state (Fixture *f, gconstpointer data)
{
  g_autoptr (OutlayGoogleAuth) auth = outlay_google_auth_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *refresh = NULL;

  outlay_fake_google_set_wrong_state (f->google, TRUE);
  g_assert_false (outlay_google_auth_sign_in (auth, 30, NULL, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "state"));
  /* the code was never exchanged */
  g_assert_cmpuint (outlay_fake_google_count (f->google, "POST /token"), ==, 0);
  refresh = stored_refresh_token ();
  g_assert_null (refresh);
}

static void
test_timeout (Fixture *f, gconstpointer data)
{
  g_autoptr (OutlayGoogleAuth) auth = outlay_google_auth_new ();
  g_autoptr (GError) error = NULL;

  /* a browser that never comes back */
  g_setenv ("BROWSER", "true", TRUE);
  g_assert_false (outlay_google_auth_sign_in (auth, 1, NULL, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "timed out"));
}

static gboolean
cancel_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr (OutlayGoogleAuth) auth = outlay_google_auth_new ();
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;

  g_setenv ("BROWSER", "true", TRUE);
  g_idle_add (cancel_cb, cancellable);
  g_assert_false (outlay_google_auth_sign_in (auth, 300, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_sign_out (Fixture *f, gconstpointer data)
{
  g_autoptr (OutlayGoogleAuth) auth = outlay_google_auth_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *refresh = NULL;
  g_autofree char *after = NULL;

  sign_in ();
  refresh = stored_refresh_token ();
  g_assert_true (outlay_google_auth_sign_out (auth, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (outlay_fake_google_refresh_token_valid (f->google, refresh));
  after = stored_refresh_token ();
  g_assert_null (after);
  /* and the next use asks to sign in */
  g_clear_object (&auth);
  auth = outlay_google_auth_new ();
  g_assert_null (outlay_google_auth_get_token (auth, NULL, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_AUTH);
}

static void
test_revoked_elsewhere (Fixture *f, gconstpointer data)
{
  g_autoptr (OutlayGoogleAuth) auth = outlay_google_auth_new ();
  g_autoptr (OutlayGoogleAuth) other = outlay_google_auth_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *after = NULL;

  sign_in ();
  g_assert_true (outlay_google_auth_load (auth, NULL, &error));
  /* the refresh token dies elsewhere (here: another Outlay signs out) */
  g_assert_true (outlay_google_auth_sign_out (other, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (outlay_google_auth_refresh (auth, NULL, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "Sign in to Google again"));
  g_clear_error (&error);
  after = stored_refresh_token ();
  g_assert_null (after);
  /* signed in again with the CLI: the window's stale token is replaced
   * by the keyring's new one, not thrown away with it */
  sign_in ();
  g_assert_true (outlay_google_auth_load (auth, NULL, &error));
  g_clear_object (&other);
  other = outlay_google_auth_new ();
  g_assert_true (outlay_google_auth_sign_out (other, NULL, &error));
  sign_in ();
  g_assert_true (outlay_google_auth_refresh (auth, NULL, &error));
  g_assert_no_error (error);
  g_free (after);
  after = stored_refresh_token ();
  g_assert_nonnull (after);
  g_assert_true (outlay_fake_google_refresh_token_valid (f->google, after));
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = outlay_test_make_dir ();
  g_autofree char *keyring = g_build_filename (dir, "test.keyring", NULL);
  int status;

  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "unit-test-password", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/google/auth/pkce", test_pkce);
#define ADD(path, fn) g_test_add ("/google/auth/" path, Fixture, NULL, setup, fn, teardown)
  ADD ("sign-in", test_sign_in);
  ADD ("refresh-before-expiry", test_refresh_before_expiry);
  ADD ("refresh-on-401", test_refresh_on_401);
  ADD ("deny", test_deny);
  ADD ("wrong-state", test_wrong_state);
  ADD ("timeout", test_timeout);
  ADD ("cancel", test_cancel);
  ADD ("sign-out", test_sign_out);
  ADD ("revoked-elsewhere", test_revoked_elsewhere);
  status = g_test_run ();
  outlay_test_remove_dir (dir);
  return status;
}
