/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-google-auth"

/* Google sign-in for a desktop app: loopback redirect + PKCE S256
 * (RFC 8252, RFC 7636; CONTRACTS.md §2).  The tokens are kept in the
 * keyring as one JSON item: refresh token, access token, its expiry and
 * the granted scope.  Nothing here is ever logged. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "outlay-error.h"
#include "outlay-google-auth.h"
#include "outlay-secrets.h"

/* Refresh when the access token has less than this left (§2.3) */
#define EXPIRY_MARGIN_S 60

struct _OutlayGoogleAuth
{
  GObject parent_instance;
  char *client_id;
  char *client_secret;
  char *auth_url;
  char *token_url;
  char *revoke_url;
  OutlayHttpClient *oauth;
  OutlayGoogleBrowserFunc browser_func;
  gpointer browser_data;
  char *refresh_token;
  char *access_token;
  gint64 expires_at; /* unix seconds */
  char *scope;
};

G_DEFINE_FINAL_TYPE (OutlayGoogleAuth, outlay_google_auth, G_TYPE_OBJECT)

/* One sign-in's loopback listener */
typedef struct
{
  char *state;
  char *code;
  char *error;
  gboolean done;
} Callback;

static char *
base64url (const guint8 *data, gsize len)
{
  char *text = g_base64_encode (data, len);
  char *eq = strchr (text, '=');

  if (eq != NULL)
    *eq = '\0';
  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  return text;
}

static char *
random_text (void)
{
  guint8 bytes[32];

  /* 32 random bytes: 43 characters, the RFC 7636 minimum length */
  for (guint i = 0; i < sizeof bytes; i += 4)
    {
      guint32 r = g_random_int ();

      memcpy (bytes + i, &r, 4);
    }
  return base64url (bytes, sizeof bytes);
}

char *
outlay_google_pkce_challenge (const char *verifier)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize len = sizeof digest;

  g_checksum_update (sum, (const guchar *) verifier, -1);
  g_checksum_get_digest (sum, digest, &len);
  return base64url (digest, len);
}

static char *
env_or (const char *name, const char *fallback)
{
  const char *value = g_getenv (name);

  return g_strdup (value && *value ? value : fallback);
}

static void
wipe (char **secret)
{
  if (*secret != NULL)
    memset (*secret, 0, strlen (*secret));
  g_clear_pointer (secret, g_free);
}

static void
outlay_google_auth_finalize (GObject *object)
{
  OutlayGoogleAuth *self = OUTLAY_GOOGLE_AUTH (object);

  g_free (self->client_id);
  wipe (&self->client_secret);
  g_free (self->auth_url);
  g_free (self->token_url);
  g_free (self->revoke_url);
  g_clear_object (&self->oauth);
  wipe (&self->refresh_token);
  wipe (&self->access_token);
  g_free (self->scope);
  G_OBJECT_CLASS (outlay_google_auth_parent_class)->finalize (object);
}

static void
outlay_google_auth_class_init (OutlayGoogleAuthClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = outlay_google_auth_finalize;
}

static void
outlay_google_auth_init (OutlayGoogleAuth *self)
{
  g_autofree char *base = NULL;

  self->client_id = env_or ("OUTLAY_GOOGLE_CLIENT_ID", GOOGLE_CLIENT_ID);
  self->client_secret = env_or ("OUTLAY_GOOGLE_CLIENT_SECRET", GOOGLE_CLIENT_SECRET);
  self->auth_url = env_or ("OUTLAY_OAUTH_AUTH_URL", "https://accounts.google.com/o/oauth2/v2/auth");
  self->token_url = env_or ("OUTLAY_OAUTH_TOKEN_URL", "https://oauth2.googleapis.com/token");
  /* the revoke endpoint sits beside the token endpoint (§2.2) */
  base = g_strdup (self->token_url);
  if (g_str_has_suffix (base, "/token"))
    base[strlen (base) - strlen ("/token")] = '\0';
  self->revoke_url = g_strconcat (base, "/revoke", NULL);
  self->oauth = outlay_http_client_new (OUTLAY_HTTP_SERVICE_OAUTH);
}

OutlayGoogleAuth *
outlay_google_auth_new (void)
{
  return g_object_new (OUTLAY_TYPE_GOOGLE_AUTH, NULL);
}

void
outlay_google_auth_set_browser_func (OutlayGoogleAuth *self,
                                     OutlayGoogleBrowserFunc func,
                                     gpointer user_data)
{
  g_return_if_fail (OUTLAY_IS_GOOGLE_AUTH (self));
  self->browser_func = func;
  self->browser_data = user_data;
}

void
outlay_google_auth_set_delay_scale (OutlayGoogleAuth *self, double scale)
{
  g_return_if_fail (OUTLAY_IS_GOOGLE_AUTH (self));
  outlay_http_client_set_delay_scale (self->oauth, scale);
}

guint
outlay_google_auth_get_token_requests (OutlayGoogleAuth *self)
{
  g_return_val_if_fail (OUTLAY_IS_GOOGLE_AUTH (self), 0);
  return outlay_http_client_get_request_count (self->oauth);
}

static gboolean
check_client (OutlayGoogleAuth *self, GError **error)
{
  if (*self->client_id != '\0')
    return TRUE;
  g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_AUTH,
                       _("This build of Outlay has no Google client id. Build it with -Dgoogle_client_id and -Dgoogle_client_secret, or set OUTLAY_GOOGLE_CLIENT_ID and OUTLAY_GOOGLE_CLIENT_SECRET."));
  return FALSE;
}

/* ---- the tokens in the keyring ---- */

static gboolean
save (OutlayGoogleAuth *self, GCancellable *cancellable, GError **error)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "refresh_token");
  json_builder_add_string_value (b, self->refresh_token);
  json_builder_set_member_name (b, "access_token");
  json_builder_add_string_value (b, self->access_token ? self->access_token : "");
  json_builder_set_member_name (b, "expires_at");
  json_builder_add_int_value (b, self->expires_at);
  json_builder_set_member_name (b, "scope");
  json_builder_add_string_value (b, self->scope ? self->scope : "");
  json_builder_end_object (b);
  node = json_builder_get_root (b);
  text = json_to_string (node, FALSE);
  ok = outlay_secrets_store ("google", _("Google account"), self->scope, text, cancellable, error);
  memset (text, 0, strlen (text));
  return ok;
}

gboolean
outlay_google_auth_load (OutlayGoogleAuth *self, GCancellable *cancellable, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  char *secret;
  JsonObject *o;
  gboolean ok;

  g_return_val_if_fail (OUTLAY_IS_GOOGLE_AUTH (self), FALSE);
  if ((secret = outlay_secrets_lookup ("google", cancellable, error)) == NULL)
    return FALSE;
  ok = json_parser_load_from_data (parser, secret, -1, NULL)
       && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser));
  outlay_secrets_free (secret);
  if (!ok
      || !json_object_has_member (o = json_node_get_object (json_parser_get_root (parser)),
                                  "refresh_token"))
    {
      g_set_error_literal (
          error, OUTLAY_ERROR, OUTLAY_ERROR_AUTH,
          _("The Google sign-in in the keyring cannot be read. Sign in to Google again."));
      return FALSE;
    }
  wipe (&self->refresh_token);
  wipe (&self->access_token);
  self->refresh_token = g_strdup (json_object_get_string_member (o, "refresh_token"));
  self->access_token = g_strdup (
      json_object_get_string_member_with_default (o, "access_token", ""));
  self->expires_at = json_object_get_int_member_with_default (o, "expires_at", 0);
  g_free (self->scope);
  self->scope = g_strdup (json_object_get_string_member_with_default (o, "scope", ""));
  return TRUE;
}

gboolean
outlay_google_auth_is_signed_in (OutlayGoogleAuth *self)
{
  g_return_val_if_fail (OUTLAY_IS_GOOGLE_AUTH (self), FALSE);
  return self->refresh_token != NULL;
}

/* Takes the token endpoint's answer (§2.3 step 5, §2.4) */
static gboolean
take_tokens (OutlayGoogleAuth *self, JsonNode *answer, GError **error)
{
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  const char *access = o ? json_object_get_string_member_with_default (o, "access_token", NULL)
                         : NULL;
  const char *scope = o ? json_object_get_string_member_with_default (o, "scope", NULL) : NULL;

  if (access == NULL)
    {
      g_set_error_literal (
          error, OUTLAY_ERROR, OUTLAY_ERROR_SERVICE,
          _("Google’s sign-in answered without an access token. Try signing in again."));
      return FALSE;
    }
  /* granular consent: the user may have unticked the scope */
  if (scope != NULL && strstr (scope, OUTLAY_GOOGLE_SCOPE) == NULL)
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_AUTH,
                           _("Google did not grant access to the files Outlay creates. Sign in again and allow “See, edit, create and delete only the specific Google Drive files you use with this app”."));
      return FALSE;
    }
  wipe (&self->access_token);
  self->access_token = g_strdup (access);
  self->expires_at = g_get_real_time () / G_USEC_PER_SEC
                     + json_object_get_int_member_with_default (o, "expires_in", 3600);
  if (json_object_has_member (o, "refresh_token"))
    {
      /* a refresh usually brings none: keep the old one then (§2.4) */
      wipe (&self->refresh_token);
      self->refresh_token = g_strdup (json_object_get_string_member (o, "refresh_token"));
    }
  if (scope != NULL)
    {
      g_free (self->scope);
      self->scope = g_strdup (scope);
    }
  return TRUE;
}

gboolean
outlay_google_auth_refresh (OutlayGoogleAuth *self, GCancellable *cancellable, GError **error)
{
  g_autofree char *form = NULL;
  g_autoptr (JsonNode) answer = NULL;
  GError *local = NULL;

  g_return_val_if_fail (OUTLAY_IS_GOOGLE_AUTH (self), FALSE);
  if (self->refresh_token == NULL && !outlay_google_auth_load (self, cancellable, error))
    return FALSE;
  if (!check_client (self, error))
    return FALSE;
  form = soup_form_encode ("client_id", self->client_id, "client_secret", self->client_secret,
                           "grant_type", "refresh_token", "refresh_token", self->refresh_token,
                           NULL);
  answer = outlay_http_client_post_form (self->oauth, self->token_url, form, cancellable, &local);
  memset (form, 0, strlen (form));
  if (answer == NULL && g_error_matches (local, OUTLAY_ERROR, OUTLAY_ERROR_AUTH))
    {
      g_autofree char *used = g_strdup (self->refresh_token);

      /* signed in again meanwhile (another window, the CLI)? then the
       * keyring has a newer token */
      if (outlay_google_auth_load (self, cancellable, NULL)
          && g_strcmp0 (used, self->refresh_token) != 0)
        {
          g_clear_error (&local);
          return outlay_google_auth_refresh (self, cancellable, error);
        }
      /* a dead refresh token: forget it, the user has to sign in again */
      outlay_secrets_clear ("google", NULL, cancellable, NULL);
      wipe (&self->refresh_token);
      wipe (&self->access_token);
    }
  if (answer == NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  return take_tokens (self, answer, error) && save (self, cancellable, error);
}

const char *
outlay_google_auth_get_token (OutlayGoogleAuth *self, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (OUTLAY_IS_GOOGLE_AUTH (self), NULL);
  if (self->refresh_token == NULL && !outlay_google_auth_load (self, cancellable, error))
    return NULL;
  if (self->access_token == NULL || *self->access_token == '\0'
      || self->expires_at - EXPIRY_MARGIN_S <= g_get_real_time () / G_USEC_PER_SEC)
    {
      if (!outlay_google_auth_refresh (self, cancellable, error))
        return NULL;
    }
  return self->access_token;
}

JsonNode *
outlay_google_request (OutlayGoogleAuth *auth,
                       OutlayHttpClient *http,
                       const char *method,
                       const char *path,
                       JsonNode *body,
                       GCancellable *cancellable,
                       GError **error)
{
  const char *token = outlay_google_auth_get_token (auth, cancellable, error);
  GError *local = NULL;
  JsonNode *answer;

  if (token == NULL)
    return NULL;
  outlay_http_client_set_secret (http, token);
  answer = outlay_http_client_request (http, method, path, body, cancellable, &local);
  if (answer == NULL && outlay_http_client_get_last_status (http) == 401)
    {
      /* expired or revoked in the middle of a sync: one refresh, one retry */
      g_clear_error (&local);
      if (!outlay_google_auth_refresh (auth, cancellable, error))
        return NULL;
      outlay_http_client_set_secret (http, auth->access_token);
      answer = outlay_http_client_request (http, method, path, body, cancellable, &local);
    }
  if (answer == NULL)
    g_propagate_error (error, local);
  return answer;
}

/* ---- the browser flow ---- */

static void
loopback_cb (SoupServer *server,
             SoupServerMessage *msg,
             const char *path,
             GHashTable *query,
             gpointer data)
{
  Callback *cb = data;
  const char *state = query ? g_hash_table_lookup (query, "state") : NULL;
  const char *code = query ? g_hash_table_lookup (query, "code") : NULL;
  const char *error = query ? g_hash_table_lookup (query, "error") : NULL;
  const char *page;

  if (!g_str_equal (path, "/") || cb->done || (code == NULL && error == NULL))
    {
      /* a favicon request or a stray visitor: not the redirect */
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }
  if (g_strcmp0 (state, cb->state) != 0)
    {
      /* not the answer to our request: CSRF, or an old tab */
      cb->error = g_strdup ("state_mismatch");
      page = _("<html><body><h1>Sign-in failed</h1><p>The answer did not match Outlay’s request. Start the sign-in again from Outlay.</p></body></html>");
    }
  else if (error != NULL)
    {
      cb->error = g_strdup (error);
      page = _("<html><body><h1>Sign-in cancelled</h1><p>Outlay was not given access. You can close this tab.</p></body></html>");
    }
  else
    {
      cb->code = g_strdup (code);
      page = _("<html><body><h1>Signed in</h1><p>Outlay is connected to Google. You can close this tab and go back to Outlay.</p></body></html>");
    }
  cb->done = TRUE;
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_COPY, page,
                                    strlen (page));
  g_main_context_wakeup (g_main_context_get_thread_default ());
}

static gboolean
open_browser (OutlayGoogleAuth *self, const char *url, GError **error)
{
  const char *browser = g_getenv ("BROWSER");

  if (browser != NULL && *browser != '\0')
    {
      g_auto (GStrv) argv = NULL;
      g_autoptr (GPtrArray) args = g_ptr_array_new ();

      if (!g_shell_parse_argv (browser, NULL, &argv, error))
        return FALSE;
      for (guint i = 0; argv[i]; i++)
        g_ptr_array_add (args, argv[i]);
      g_ptr_array_add (args, (char *) url);
      g_ptr_array_add (args, NULL);
      return g_spawn_async (NULL, (char **) args->pdata, NULL,
                            G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                            error);
    }
  if (self->browser_func != NULL)
    {
      self->browser_func (url, self->browser_data);
      return TRUE;
    }
  return g_app_info_launch_default_for_uri (url, NULL, error);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
cancelled_cb (GCancellable *cancellable, gpointer data)
{
  return G_SOURCE_REMOVE; /* waking the loop is all it takes */
}

static gboolean
wait_for_browser (Callback *cb, guint timeout_seconds, GCancellable *cancellable, GError **error)
{
  GMainContext *context = g_main_context_get_thread_default ();
  gboolean timed_out = FALSE;
  GSource *timeout = g_timeout_source_new_seconds (MAX (timeout_seconds, 1));
  GSource *cancel = cancellable ? g_cancellable_source_new (cancellable) : NULL;

  g_source_set_callback (timeout, timeout_cb, &timed_out, NULL);
  g_source_attach (timeout, context);
  if (cancel)
    {
      g_source_set_callback (cancel, G_SOURCE_FUNC (cancelled_cb), NULL, NULL);
      g_source_attach (cancel, context);
    }
  while (!cb->done && !timed_out && !g_cancellable_is_cancelled (cancellable))
    g_main_context_iteration (context, TRUE);
  g_source_destroy (timeout);
  g_source_unref (timeout);
  if (cancel)
    {
      g_source_destroy (cancel);
      g_source_unref (cancel);
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!cb->done)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_AUTH,
                   _("Google sign-in timed out after %u seconds without an answer from the browser. Try again."),
                      timeout_seconds);
      return FALSE;
    }
  if (cb->error != NULL)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_AUTH,
                   g_str_equal (cb->error, "state_mismatch")
                   ? _("Google sign-in failed: the browser’s answer did not match Outlay’s request (state). Nothing was stored; try again.")
                   : g_str_equal (cb->error, "access_denied")
                   ? _("Google sign-in was cancelled in the browser: Outlay was not given access.")
                   : _("Google sign-in failed: %s."), cb->error);
      return FALSE;
    }
  return TRUE;
}

static char *
authorization_url (OutlayGoogleAuth *self,
                   const char *redirect,
                   const char *challenge,
                   const char *state)
{
  g_autofree char *query = soup_form_encode (
      "client_id", self->client_id, "redirect_uri", redirect, "response_type", "code", "scope",
      OUTLAY_GOOGLE_SCOPE, "code_challenge", challenge, "code_challenge_method", "S256", "state",
      state, "access_type", "offline", "prompt", "consent", NULL);

  return g_strconcat (self->auth_url, strchr (self->auth_url, '?') ? "&" : "?", query, NULL);
}

gboolean
outlay_google_auth_sign_in (OutlayGoogleAuth *self,
                            guint timeout_seconds,
                            GCancellable *cancellable,
                            GError **error)
{
  g_autoptr (SoupServer) server = NULL;
  g_autofree char *verifier = random_text ();
  g_autofree char *challenge = outlay_google_pkce_challenge (verifier);
  g_autofree char *redirect = NULL;
  g_autofree char *url = NULL;
  g_autofree char *form = NULL;
  g_autoptr (JsonNode) answer = NULL;
  Callback cb = { .state = random_text () };
  GSList *uris;
  gboolean ok = FALSE;

  g_return_val_if_fail (OUTLAY_IS_GOOGLE_AUTH (self), FALSE);
  if (!check_client (self, error))
    goto out;
  /* 127.0.0.1 on a free port: Google accepts any loopback port (§2.3) */
  server = soup_server_new ("server-header", "Outlay ", NULL);
  soup_server_add_handler (server, NULL, loopback_cb, &cb, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    goto out;
  uris = soup_server_get_uris (server);
  redirect = g_strdup_printf ("http://127.0.0.1:%d/", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  url = authorization_url (self, redirect, challenge, cb.state);
  if (!open_browser (self, url, error)
      || !wait_for_browser (&cb, timeout_seconds, cancellable, error))
    goto out;
  soup_server_disconnect (server);
  form = soup_form_encode ("code", cb.code, "client_id", self->client_id, "client_secret",
                           self->client_secret, "redirect_uri", redirect, "grant_type",
                           "authorization_code", "code_verifier", verifier, NULL);
  /* a code works once: never resend the exchange */
  outlay_http_client_set_max_attempts (self->oauth, 1);
  answer = outlay_http_client_post_form (self->oauth, self->token_url, form, cancellable, error);
  outlay_http_client_set_max_attempts (self->oauth, 5);
  memset (form, 0, strlen (form));
  if (answer == NULL || !take_tokens (self, answer, error))
    goto out;
  if (self->refresh_token == NULL)
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_SERVICE,
                           _("Google did not give Outlay a refresh token. Sign in again."));
      goto out;
    }
  ok = save (self, cancellable, error);
out:
  if (server)
    soup_server_disconnect (server);
  g_free (cb.state);
  wipe (&cb.code);
  g_free (cb.error);
  return ok;
}

static void
sign_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  g_autoptr (GMainContext) context = g_main_context_new ();
  GError *error = NULL;
  gboolean ok;

  g_main_context_push_thread_default (context);
  ok = outlay_google_auth_sign_in (source, GPOINTER_TO_UINT (data), cancellable, &error);
  g_main_context_pop_thread_default (context);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
outlay_google_auth_sign_in_async (OutlayGoogleAuth *self,
                                  guint timeout_seconds,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, outlay_google_auth_sign_in_async);
  g_task_set_task_data (task, GUINT_TO_POINTER (timeout_seconds), NULL);
  g_task_run_in_thread (task, sign_in_thread);
}

gboolean
outlay_google_auth_sign_in_finish (OutlayGoogleAuth *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
outlay_google_auth_sign_out (OutlayGoogleAuth *self, GCancellable *cancellable, GError **error)
{
  g_autofree char *form = NULL;
  g_autoptr (JsonNode) answer = NULL;
  GError *local = NULL;

  g_return_val_if_fail (OUTLAY_IS_GOOGLE_AUTH (self), FALSE);
  if (self->refresh_token == NULL && !outlay_google_auth_load (self, cancellable, error))
    return FALSE;
  form = soup_form_encode ("token", self->refresh_token, NULL);
  answer = outlay_http_client_post_form (self->oauth, self->revoke_url, form, cancellable, &local);
  memset (form, 0, strlen (form));
  /* 400 invalid_token: already revoked there, which is what we want */
  if (answer == NULL && outlay_http_client_get_last_status (self->oauth) == 400)
    g_clear_error (&local);
  wipe (&self->refresh_token);
  wipe (&self->access_token);
  if (!outlay_secrets_clear ("google", NULL, cancellable, error))
    {
      g_clear_error (&local);
      return FALSE;
    }
  if (local != NULL)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NETWORK,
                   _("Signed out here, but Google could not be told to revoke Outlay’s access (%s). Remove Outlay at myaccount.google.com/permissions."),
                      local->message);
      g_error_free (local);
      return FALSE;
    }
  return TRUE;
}
