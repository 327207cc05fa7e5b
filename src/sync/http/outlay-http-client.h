/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  OUTLAY_HTTP_SERVICE_CLICKUP,
  OUTLAY_HTTP_SERVICE_GEMINI,
  OUTLAY_HTTP_SERVICE_SHEETS, /* Google Sheets v4: Bearer token */
  OUTLAY_HTTP_SERVICE_DRIVE,  /* Google Drive v3: Bearer token */
  OUTLAY_HTTP_SERVICE_OAUTH,  /* Google's token endpoint: form bodies */
} OutlayHttpService;

#define OUTLAY_TYPE_HTTP_CLIENT (outlay_http_client_get_type ())

G_DECLARE_FINAL_TYPE (OutlayHttpClient, outlay_http_client, OUTLAY, HTTP_CLIENT, GObject)

/* One client, one SoupSession, per service and token: it keeps the
 * service's rate limit, so share it between the requests of one sync. */
OutlayHttpClient *outlay_http_client_new (OutlayHttpService service);
const char *outlay_http_service_name (OutlayHttpService service);
OutlayHttpService outlay_http_client_get_service (OutlayHttpClient *self);
const char *outlay_http_client_get_base_url (OutlayHttpClient *self);
void outlay_http_client_set_base_url (OutlayHttpClient *self, const char *base_url);
/* The token (ClickUp) or API key (Gemini); sent in a header, never logged. */
void outlay_http_client_set_secret (OutlayHttpClient *self, const char *secret);
/* Seconds of silence before a request fails (and is retried). */
void outlay_http_client_set_timeout (OutlayHttpClient *self, guint seconds);
guint outlay_http_client_get_timeout (OutlayHttpClient *self);
void outlay_http_client_set_max_attempts (OutlayHttpClient *self, guint attempts);
/* Requests per minute the client allows itself (0: no limit). */
void outlay_http_client_set_rate_limit (OutlayHttpClient *self, guint per_minute);
/* Multiplies every wait (backoff, Retry-After, rate limit); tests use a
 * small factor so a retried request does not take seconds. */
void outlay_http_client_set_delay_scale (OutlayHttpClient *self, double scale);
/* Requests sent, every attempt counted. */
guint outlay_http_client_get_request_count (OutlayHttpClient *self);
/* The HTTP status of the last answer (0: none, or a transport error) */
guint outlay_http_client_get_last_status (OutlayHttpClient *self);
/* For requests that are not safe to send twice (spreadsheets.create): a
 * failure that may have been applied (a timeout, a dropped connection,
 * 500) is reported instead of retried; only 429 and 503 are retried. */
void outlay_http_client_set_retry_uncertain (OutlayHttpClient *self, gboolean retry);

/* Sends @method @path (relative to the base URL, query included) with
 * @body as JSON, retrying as CONTRACTS.md §0.2 says; the answer is the
 * parsed JSON of a 2xx response.  Any other outcome is an %OUTLAY_ERROR
 * naming the service and what to do. */
void outlay_http_client_request_async (OutlayHttpClient *self,
                                       const char *method,
                                       const char *path,
                                       JsonNode *body,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data);
JsonNode *
outlay_http_client_request_finish (OutlayHttpClient *self, GAsyncResult *result, GError **error);
/* The same, iterating the thread-default main context until it is done
 * (for the CLI and worker threads that own their context). */
JsonNode *outlay_http_client_request (OutlayHttpClient *self,
                                      const char *method,
                                      const char *path,
                                      JsonNode *body,
                                      GCancellable *cancellable,
                                      GError **error);

/* outlay_http_client_request() whose 2xx answer keeps only the object
 * members named in @keep (a static %NULL-terminated list; see
 * outlay_json_scan()): for big answers of which a few fields are read. */
JsonNode *outlay_http_client_request_pruned (OutlayHttpClient *self,
                                             const char *method,
                                             const char *path,
                                             const char *const *keep,
                                             GCancellable *cancellable,
                                             GError **error);
/* POSTs @form (application/x-www-form-urlencoded, e.g. from
 * soup_form_encode) to the absolute @url with the same retries; for
 * OAuth's token and revoke endpoints. */
JsonNode *outlay_http_client_post_form (OutlayHttpClient *self,
                                        const char *url,
                                        const char *form,
                                        GCancellable *cancellable,
                                        GError **error);

/* Waits the client would take for a failed attempt; exposed for tests. */
gint64 outlay_http_parse_retry_after (const char *value, gint64 now_seconds);
gint64 outlay_http_parse_google_retry_delay_ms (JsonNode *error_body);
gboolean outlay_http_is_daily_quota (JsonNode *error_body);

G_END_DECLS
