/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "outlay-http-client.h"

G_BEGIN_DECLS

#define OUTLAY_GOOGLE_SCOPE "https://www.googleapis.com/auth/drive.file"

/* Opens @url in a browser; the UI sets one that calls gtk_show_uri() */
typedef void (*OutlayGoogleBrowserFunc) (const char *url, gpointer user_data);

#define OUTLAY_TYPE_GOOGLE_AUTH (outlay_google_auth_get_type ())

G_DECLARE_FINAL_TYPE (OutlayGoogleAuth, outlay_google_auth, OUTLAY, GOOGLE_AUTH, GObject)

/* Google sign-in for a desktop app (CONTRACTS.md §2): the system browser,
 * a loopback redirect to 127.0.0.1 on a free port, PKCE S256, the state
 * checked, scope drive.file only.  The tokens live in the keyring (service
 * "google").  The client id and secret come from the build
 * (-Dgoogle_client_id) or OUTLAY_GOOGLE_CLIENT_ID / _SECRET; the endpoints
 * from OUTLAY_OAUTH_AUTH_URL and OUTLAY_OAUTH_TOKEN_URL. */
OutlayGoogleAuth *outlay_google_auth_new (void);
/* How the browser is opened: the program BROWSER names (it gets the URL
 * as its argument) when set, else @func, else the desktop's default. */
void outlay_google_auth_set_browser_func (OutlayGoogleAuth *self,
                                          OutlayGoogleBrowserFunc func,
                                          gpointer user_data);
/* Multiplies retry waits (tests) */
void outlay_google_auth_set_delay_scale (OutlayGoogleAuth *self, double scale);

/* Runs the browser flow, iterating the thread-default main context until
 * the browser comes back, @timeout_seconds pass or @cancellable is
 * cancelled; then stores the tokens in the keyring. */
gboolean outlay_google_auth_sign_in (OutlayGoogleAuth *self,
                                     guint timeout_seconds,
                                     GCancellable *cancellable,
                                     GError **error);
/* The same in a worker thread (for a window) */
void outlay_google_auth_sign_in_async (OutlayGoogleAuth *self,
                                       guint timeout_seconds,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data);
gboolean
outlay_google_auth_sign_in_finish (OutlayGoogleAuth *self, GAsyncResult *result, GError **error);

/* Reads the tokens from the keyring; FALSE with an %OUTLAY_ERROR_AUTH
 * error when not signed in. */
gboolean
outlay_google_auth_load (OutlayGoogleAuth *self, GCancellable *cancellable, GError **error);
gboolean outlay_google_auth_is_signed_in (OutlayGoogleAuth *self);
/* A valid access token: refreshed first when it expires within a minute */
const char *
outlay_google_auth_get_token (OutlayGoogleAuth *self, GCancellable *cancellable, GError **error);
/* A new access token now (after a 401) */
gboolean
outlay_google_auth_refresh (OutlayGoogleAuth *self, GCancellable *cancellable, GError **error);
/* Revokes the refresh token with Google and removes it from the keyring;
 * when Google cannot be reached the token is still removed here and the
 * error says so. */
gboolean
outlay_google_auth_sign_out (OutlayGoogleAuth *self, GCancellable *cancellable, GError **error);
/* Token requests sent (code exchange, refreshes, revokes) */
guint outlay_google_auth_get_token_requests (OutlayGoogleAuth *self);

/* Sends a request to Sheets or Drive with the access token, refreshing it
 * before it expires and once after a 401. */
JsonNode *outlay_google_request (OutlayGoogleAuth *auth,
                                 OutlayHttpClient *http,
                                 const char *method,
                                 const char *path,
                                 JsonNode *body,
                                 GCancellable *cancellable,
                                 GError **error);

/* For tests: base64url (no padding) of SHA-256 of @verifier */
char *outlay_google_pkce_challenge (const char *verifier);

G_END_DECLS
