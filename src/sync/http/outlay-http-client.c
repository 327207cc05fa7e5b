/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-http"

/* One HTTP layer for every service: a SoupSession each, timeouts, retry
 * with exponential backoff and jitter (honouring Retry-After, Google's
 * RetryInfo and ClickUp's X-RateLimit-Reset), a per-service rate limiter
 * and request logging that never shows a secret. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "outlay-error.h"
#include "outlay-http-client.h"
#include "outlay-json-scan.h"

#define MAX_BACKOFF_MS (60 * 1000)
/* A service asking for a longer wait than this is reported, not waited on */
#define MAX_SERVER_WAIT_MS (5 * 60 * 1000)

struct _OutlayHttpClient
{
  GObject parent_instance;
  OutlayHttpService service;
  SoupSession *session;
  char *base_url;
  char *secret;
  guint max_attempts;
  guint rate_limit;
  double delay_scale;
  guint request_count;
  guint last_status;
  gboolean retry_uncertain;
  GQueue sent;          /* gint64 monotonic µs of recent sends */
  gint64 blocked_until; /* monotonic µs: the service said wait */
};

G_DEFINE_FINAL_TYPE (OutlayHttpClient, outlay_http_client, G_TYPE_OBJECT)

typedef struct
{
  char *method;
  char *url;
  GBytes *body;
  const char *content_type;
  guint attempt;
  GSource *wait_source;
  GSource *cancel_source;
  SoupMessage *msg;
  gint64 started;
  const char *const *keep; /* members a 2xx answer keeps, NULL: all */
} Request;

static void send_attempt (GTask *task);

static void
request_free (Request *req)
{
  g_free (req->method);
  g_free (req->url);
  g_clear_pointer (&req->body, g_bytes_unref);
  g_clear_object (&req->msg);
  g_assert (req->wait_source == NULL && req->cancel_source == NULL);
  g_free (req);
}

static const char *
default_base_url (OutlayHttpService service)
{
  const char *env = NULL;

  switch (service)
    {
      case OUTLAY_HTTP_SERVICE_CLICKUP:
        env = g_getenv ("OUTLAY_CLICKUP_URL");
        return env && *env ? env : "https://api.clickup.com/api";
      case OUTLAY_HTTP_SERVICE_GEMINI:
        env = g_getenv ("OUTLAY_GEMINI_URL");
        return env && *env ? env : "https://generativelanguage.googleapis.com";
      case OUTLAY_HTTP_SERVICE_SHEETS:
        env = g_getenv ("OUTLAY_SHEETS_URL");
        return env && *env ? env : "https://sheets.googleapis.com";
      case OUTLAY_HTTP_SERVICE_DRIVE:
        env = g_getenv ("OUTLAY_DRIVE_URL");
        return env && *env ? env : "https://www.googleapis.com";
      case OUTLAY_HTTP_SERVICE_OAUTH:
        env = g_getenv ("OUTLAY_OAUTH_TOKEN_URL");
        return env && *env ? env : "https://oauth2.googleapis.com/token";
      default:
        g_assert_not_reached ();
    }
}

const char *
outlay_http_service_name (OutlayHttpService service)
{
  switch (service)
    {
      case OUTLAY_HTTP_SERVICE_CLICKUP:
        return "ClickUp";
      case OUTLAY_HTTP_SERVICE_GEMINI:
        return "Gemini";
      case OUTLAY_HTTP_SERVICE_SHEETS:
        return "Google Sheets";
      case OUTLAY_HTTP_SERVICE_DRIVE:
        return "Google Drive";
      case OUTLAY_HTTP_SERVICE_OAUTH:
      default:
        return "Google sign-in";
    }
}

static guint
now_seconds (void)
{
  return (guint) (g_get_real_time () / G_USEC_PER_SEC);
}

/* Retry-After is either seconds or an HTTP date; returns seconds to
 * wait, or -1 when it cannot be read. */
gint64
outlay_http_parse_retry_after (const char *value, gint64 now)
{
  g_autoptr (GDateTime) date = NULL;
  char *end = NULL;
  gint64 seconds;

  if (value == NULL)
    return -1;
  seconds = g_ascii_strtoll (value, &end, 10);
  if (end != value && *end == '\0')
    return MAX (seconds, 0);
  date = soup_date_time_new_from_http_string (value);
  if (date == NULL)
    return -1;
  return MAX (g_date_time_to_unix (date) - now, 0);
}

static JsonObject *
google_error (JsonNode *body)
{
  JsonObject *root;

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return NULL;
  root = json_node_get_object (body);
  if (!json_object_has_member (root, "error")
      || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "error")))
    return NULL;
  return json_object_get_object_member (root, "error");
}

static JsonArray *
google_details (JsonNode *body)
{
  JsonObject *error = google_error (body);

  if (error == NULL || !json_object_has_member (error, "details")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (error, "details")))
    return NULL;
  return json_object_get_array_member (error, "details");
}

static gboolean
detail_is (JsonObject *detail, const char *type)
{
  const char *t = json_object_get_string_member_with_default (detail, "@type", "");

  return g_str_has_suffix (t, type);
}

/* google.rpc.RetryInfo.retryDelay, a Duration such as "47s" or "0.5s" */
gint64
outlay_http_parse_google_retry_delay_ms (JsonNode *body)
{
  JsonArray *details = google_details (body);

  for (guint i = 0; details && i < json_array_get_length (details); i++)
    {
      JsonNode *node = json_array_get_element (details, i);
      const char *delay;
      char *end = NULL;
      double seconds;

      if (!JSON_NODE_HOLDS_OBJECT (node)
          || !detail_is (json_node_get_object (node), "google.rpc.RetryInfo"))
        continue;
      delay = json_object_get_string_member_with_default (json_node_get_object (node), "retryDelay",
                                                          NULL);
      if (delay == NULL)
        continue;
      seconds = g_ascii_strtod (delay, &end);
      if (end != delay && g_str_equal (end, "s") && seconds >= 0)
        return (gint64) (seconds * 1000);
    }
  return -1;
}

/* A Gemini 429 for a per-day quota does not clear for hours (§0.3) */
gboolean
outlay_http_is_daily_quota (JsonNode *body)
{
  JsonArray *details = google_details (body);

  for (guint i = 0; details && i < json_array_get_length (details); i++)
    {
      JsonNode *node = json_array_get_element (details, i);
      JsonArray *violations;

      if (!JSON_NODE_HOLDS_OBJECT (node)
          || !detail_is (json_node_get_object (node), "google.rpc.QuotaFailure"))
        continue;
      if (!json_object_has_member (json_node_get_object (node), "violations"))
        continue;
      violations = json_object_get_array_member (json_node_get_object (node), "violations");
      for (guint j = 0; j < json_array_get_length (violations); j++)
        {
          JsonNode *v = json_array_get_element (violations, j);
          const char *id;

          if (!JSON_NODE_HOLDS_OBJECT (v))
            continue;
          id = json_object_get_string_member_with_default (json_node_get_object (v), "quotaId", "");
          if (strstr (id, "PerDay") != NULL)
            return TRUE;
        }
    }
  return FALSE;
}

static JsonNode *
parse_json (GBytes *bytes)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  gsize len = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &len) : NULL;

  if (data == NULL || len == 0 || !json_parser_load_from_data (parser, data, len, NULL))
    return NULL;
  return json_parser_steal_root (parser);
}

/* The service's own words for an error, from any of the shapes it uses */
static char *
service_message (OutlayHttpClient *self, JsonNode *body)
{
  JsonObject *error;
  JsonObject *root;

  if ((error = google_error (body)) != NULL)
    return g_strdup (json_object_get_string_member_with_default (error, "message", NULL));
  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return NULL;
  root = json_node_get_object (body);
  for (guint i = 0; i < 3; i++)
    {
      static const char *const keys[] = { "err", "error", "message" };
      JsonNode *node = json_object_get_member (root, keys[i]);

      if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        {
          const char *code = json_object_get_string_member_with_default (root, "ECODE", NULL);

          return code ? g_strdup_printf ("%s, %s", json_node_get_string (node), code)
                      : g_strdup (json_node_get_string (node));
        }
    }
  return NULL;
}

static gboolean
clickup_no_access (JsonNode *body)
{
  const char *code;

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return FALSE;
  code = json_object_get_string_member_with_default (json_node_get_object (body), "ECODE", "");
  /* ClickUp answers "Team(s) not authorized" for ids that do not exist */
  return g_str_has_prefix (code, "OAUTH_0") && !g_str_equal (code, "OAUTH_017")
         && !g_str_equal (code, "OAUTH_019") && !g_str_equal (code, "OAUTH_021")
         && !g_str_equal (code, "OAUTH_025") && !g_str_equal (code, "OAUTH_077");
}

static GError *
status_error (OutlayHttpClient *self, guint status, JsonNode *body)
{
  const char *name = outlay_http_service_name (self->service);
  g_autofree char *said = service_message (self, body);
  g_autofree char *detail = said ? g_strdup_printf (" (%s: “%s”)", name, said)
                                 : g_strdup_printf (" (HTTP %u)", status);

  if (self->service == OUTLAY_HTTP_SERVICE_CLICKUP && status == 401 && clickup_no_access (body))
    return g_error_new (OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                        _("ClickUp does not know that workspace, list or task, or the token may not see it%s. Check the id and the token’s workspaces."),
                           detail);
  if (self->service == OUTLAY_HTTP_SERVICE_OAUTH && status == 400 && said
      && g_str_equal (said, "invalid_grant"))
    return g_error_new (OUTLAY_ERROR, OUTLAY_ERROR_AUTH,
                        _("Google no longer accepts Outlay’s sign-in%s. Sign in to Google again (outlay-cli connect google, or Connections in the menu)."),
                           detail);
  if ((self->service == OUTLAY_HTTP_SERVICE_SHEETS || self->service == OUTLAY_HTTP_SERVICE_DRIVE)
      && (status == 401 || status == 403))
    return g_error_new (OUTLAY_ERROR, OUTLAY_ERROR_AUTH,
                        _("%s refused access%s. Sign in to Google again, or check that the spreadsheet is still shared with you."),
                           name, detail);
  if ((self->service == OUTLAY_HTTP_SERVICE_SHEETS || self->service == OUTLAY_HTTP_SERVICE_DRIVE)
      && status == 404)
    return g_error_new (OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                        _("%s cannot find the spreadsheet%s. It may have been deleted; unlink it and push the budget again."),
                           name, detail);
  if (status == 401 || status == 403
      || (self->service == OUTLAY_HTTP_SERVICE_GEMINI && status == 400 && said
          && strstr (said, "API key") != NULL))
    return g_error_new (OUTLAY_ERROR, OUTLAY_ERROR_AUTH,
                        _("%s refused the token or key%s. It may be expired or revoked: connect %s again with a new one."),
                           name, detail, name);
  if (self->service == OUTLAY_HTTP_SERVICE_GEMINI && status == 404)
    return g_error_new (
        OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
        _("Gemini does not offer that model any more%s. Pick another model in Connections."),
           detail);
  if (status == 429)
    return g_error_new (OUTLAY_ERROR, OUTLAY_ERROR_NETWORK,
                        _("%s’s usage limit is reached%s. Try again later%s."), name, detail,
                           self->service == OUTLAY_HTTP_SERVICE_GEMINI
                           ? _(" (daily limits reset at midnight Pacific time)")
                           : "");
  if (status >= 500 || status == 408)
    return g_error_new (OUTLAY_ERROR, OUTLAY_ERROR_NETWORK,
                        _("%s kept failing%s. Nothing was changed; try again later."), name,
                           detail);
  return g_error_new (OUTLAY_ERROR, OUTLAY_ERROR_SERVICE,
                      _("%s did not accept Outlay’s request%s."), name, detail);
}

static gboolean
retryable_transport (GError *error)
{
  if (error->domain == G_RESOLVER_ERROR)
    return error->code == G_RESOLVER_ERROR_TEMPORARY_FAILURE;
  if (error->domain == G_TLS_ERROR)
    return error->code == G_TLS_ERROR_EOF;
  if (error->domain != G_IO_ERROR)
    return error->domain == SOUP_SESSION_ERROR;
  switch (error->code)
    {
      case G_IO_ERROR_TIMED_OUT:
      case G_IO_ERROR_CONNECTION_REFUSED:
      case G_IO_ERROR_HOST_UNREACHABLE:
      case G_IO_ERROR_NETWORK_UNREACHABLE:
      case G_IO_ERROR_BROKEN_PIPE:
      case G_IO_ERROR_PARTIAL_INPUT:
      case G_IO_ERROR_FAILED:
        return TRUE;
      default:
        return FALSE;
    }
}

static gint64
backoff_ms (guint attempt)
{
  gint64 base = (gint64) 1000 << MIN (attempt - 1, 10);

  return MIN (base + g_random_int_range (0, 1000), MAX_BACKOFF_MS);
}

/* The rate limiter: how long until one more request fits in the window */
static gint64
limiter_wait_us (OutlayHttpClient *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 wait = MAX (self->blocked_until - now, 0);

  while (!g_queue_is_empty (&self->sent)
         && now - *(gint64 *) g_queue_peek_head (&self->sent) >= 60 * G_USEC_PER_SEC)
    g_free (g_queue_pop_head (&self->sent));
  if (self->rate_limit > 0 && g_queue_get_length (&self->sent) >= self->rate_limit)
    {
      gint64 oldest = *(gint64 *) g_queue_peek_head (&self->sent);

      wait = MAX (wait, oldest + 60 * G_USEC_PER_SEC - now);
    }
  return wait;
}

static void
note_rate_headers (OutlayHttpClient *self, SoupMessageHeaders *headers)
{
  const char *remaining = soup_message_headers_get_one (headers, "X-RateLimit-Remaining");
  const char *reset = soup_message_headers_get_one (headers, "X-RateLimit-Reset");

  if (remaining && reset && g_ascii_strtoll (remaining, NULL, 10) <= 0)
    {
      gint64 seconds = g_ascii_strtoll (reset, NULL, 10) - now_seconds ();

      if (seconds > 0 && seconds * 1000 <= MAX_SERVER_WAIT_MS)
        self->blocked_until = g_get_monotonic_time ()
                              + (gint64) (seconds * G_USEC_PER_SEC * self->delay_scale);
    }
}

static void
end_wait (Request *req)
{
  if (req->wait_source)
    g_source_destroy (req->wait_source);
  if (req->cancel_source)
    g_source_destroy (req->cancel_source);
  g_clear_pointer (&req->wait_source, g_source_unref);
  g_clear_pointer (&req->cancel_source, g_source_unref);
}

static gboolean
wait_done_cb (gpointer data)
{
  GTask *task = data;

  end_wait (g_task_get_task_data (task));
  send_attempt (task);
  return G_SOURCE_REMOVE;
}

static gboolean
wait_cancelled_cb (GCancellable *cancellable, gpointer data)
{
  return wait_done_cb (data);
}

static void
schedule (GTask *task, gint64 delay_ms)
{
  Request *req = g_task_get_task_data (task);
  OutlayHttpClient *self = g_task_get_source_object (task);
  guint scaled = (guint) MAX (delay_ms * self->delay_scale, 0);
  GCancellable *cancellable = g_task_get_cancellable (task);

  req->wait_source = g_timeout_source_new (scaled);
  g_source_set_callback (req->wait_source, wait_done_cb, task, NULL);
  g_source_attach (req->wait_source, g_task_get_context (task));
  if (cancellable != NULL)
    {
      /* a Cancel during a backoff or rate-limit wait ends it at once */
      req->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (req->cancel_source, G_SOURCE_FUNC (wait_cancelled_cb), task, NULL);
      g_source_attach (req->cancel_source, g_task_get_context (task));
    }
}

static void
retry_or_fail (GTask *task, gint64 delay_ms, GError *error)
{
  OutlayHttpClient *self = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);

  if (req->attempt >= self->max_attempts || delay_ms > MAX_SERVER_WAIT_MS)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  g_debug ("%s %s: attempt %u failed (%s); again in %" G_GINT64_FORMAT " ms", req->method, req->url,
           req->attempt, error->message, delay_ms);
  g_error_free (error);
  schedule (task, delay_ms);
}

static gint64
server_delay_ms (OutlayHttpClient *self, SoupMessage *msg, JsonNode *body, guint attempt)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);
  const char *retry_after = soup_message_headers_get_one (headers, "Retry-After");
  const char *reset = soup_message_headers_get_one (headers, "X-RateLimit-Reset");
  gint64 seconds;
  gint64 ms;

  if ((seconds = outlay_http_parse_retry_after (retry_after, now_seconds ())) >= 0)
    return seconds * 1000 + g_random_int_range (0, 250);
  if (self->service != OUTLAY_HTTP_SERVICE_CLICKUP
      && (ms = outlay_http_parse_google_retry_delay_ms (body)) >= 0)
    return ms + g_random_int_range (0, 250);
  if (self->service == OUTLAY_HTTP_SERVICE_CLICKUP && reset != NULL
      && soup_message_get_status (msg) == 429)
    {
      seconds = g_ascii_strtoll (reset, NULL, 10) - now_seconds ();
      return MAX (seconds, 0) * 1000 + g_random_int_range (0, 1000);
    }
  return backoff_ms (attempt);
}

/* Drive reports its rate limit as 403 with errors[0].reason (§0.2) */
static gboolean
drive_rate_limited (JsonNode *body)
{
  JsonObject *error = google_error (body);
  JsonArray *errors;
  JsonNode *first;
  const char *reason;

  if (error == NULL || !json_object_has_member (error, "errors")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (error, "errors")))
    return FALSE;
  errors = json_object_get_array_member (error, "errors");
  if (json_array_get_length (errors) == 0)
    return FALSE;
  first = json_array_get_element (errors, 0);
  if (!JSON_NODE_HOLDS_OBJECT (first))
    return FALSE;
  reason = json_object_get_string_member_with_default (json_node_get_object (first), "reason", "");
  return g_str_equal (reason, "userRateLimitExceeded") || g_str_equal (reason, "rateLimitExceeded");
}

/* A failed write that may still have been applied, on a client that must
 * not send it twice */
static gboolean
uncertain (OutlayHttpClient *self, Request *req)
{
  return !self->retry_uncertain && !g_str_equal (req->method, "GET");
}

static void
sent_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  GTask *task = data;
  OutlayHttpClient *self = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes)
                 bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_autoptr (JsonNode) json = NULL;
  const char *name = outlay_http_service_name (self->service);
  guint status;

  self->last_status = 0;
  if (error != NULL)
    {
      g_debug ("%s %s → %s (attempt %u)", req->method, req->url, error->message, req->attempt);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* stays G_IO_ERROR_CANCELLED, so callers can tell it from a failure */
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                   _("The %s request was cancelled."), name);
          g_object_unref (task);
          return;
        }
      if (!retryable_transport (error) || uncertain (self, req))
        {
          g_task_return_new_error (
              task, OUTLAY_ERROR, OUTLAY_ERROR_NETWORK,
              _("Could not reach %s: %s. Check the network connection and try again."), name,
                 error->message);
          g_object_unref (task);
          return;
        }
      retry_or_fail (task, backoff_ms (req->attempt),
                     g_error_new (OUTLAY_ERROR, OUTLAY_ERROR_NETWORK,
                                  _("Could not reach %s: %s. Nothing was changed; check the network connection and try again."),
                                     name, error->message));
      return;
    }

  status = soup_message_get_status (req->msg);
  self->last_status = status;
  g_debug ("%s %s → %u (%" G_GINT64_FORMAT " ms, attempt %u)", req->method, req->url, status,
           (g_get_monotonic_time () - req->started) / 1000, req->attempt);
  note_rate_headers (self, soup_message_get_response_headers (req->msg));
  if (req->keep != NULL && SOUP_STATUS_IS_SUCCESSFUL (status) && bytes != NULL)
    {
      gsize len = 0;
      const char *text = g_bytes_get_data (bytes, &len);

      json = outlay_json_scan (text, len, req->keep);
    }
  else
    json = parse_json (bytes);

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      if (json == NULL && uncertain (self, req))
        {
          g_task_return_new_error (task, OUTLAY_ERROR, OUTLAY_ERROR_SERVICE,
                                   _("%s sent an answer Outlay could not read; the change may have been made. Check before trying again."),
                                      name);
          g_object_unref (task);
          return;
        }
      if (json == NULL)
        {
          /* a cut or garbled answer: every request here is safe to resend */
          retry_or_fail (task, backoff_ms (req->attempt),
                         g_error_new (OUTLAY_ERROR, OUTLAY_ERROR_SERVICE,
                                      _("%s sent an answer Outlay could not read (not complete JSON). Nothing was changed; try again later."),
                                         name));
          return;
        }
      g_task_return_pointer (task, g_steal_pointer (&json), (GDestroyNotify) json_node_unref);
      g_object_unref (task);
      return;
    }

  if (status == 429 && outlay_http_is_daily_quota (json))
    {
      g_task_return_new_error (
          task, OUTLAY_ERROR, OUTLAY_ERROR_NETWORK,
          _("Gemini’s daily quota for this key is used up. It resets at midnight Pacific time; try again tomorrow or use a key with a higher quota."));
      g_object_unref (task);
      return;
    }
  if ((status == 429 || status == 503
       || (self->service == OUTLAY_HTTP_SERVICE_DRIVE && status == 403
           && drive_rate_limited (json)))
      || (!uncertain (self, req)
          && (status == 408 || status == 500 || status == 502 || status == 504)))
    {
      retry_or_fail (task, server_delay_ms (self, req->msg, json, req->attempt),
                     status_error (self, status, json));
      return;
    }
  g_task_return_error (task, status_error (self, status, json));
  g_object_unref (task);
}

static void
send_attempt (GTask *task)
{
  OutlayHttpClient *self = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);
  SoupMessageHeaders *headers;
  gint64 wait = limiter_wait_us (self);

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }
  if (wait > 0)
    {
      g_debug ("%s: waiting %" G_GINT64_FORMAT " ms for the rate limit",
               outlay_http_service_name (self->service), wait / 1000);
      schedule (task, (gint64) (wait / 1000 / MAX (self->delay_scale, 1e-6)) + 1);
      return;
    }

  g_queue_push_tail (&self->sent,
                     g_memdup2 (&(gint64){ g_get_monotonic_time () }, sizeof (gint64)));
  self->request_count++;
  req->attempt++;
  req->started = g_get_monotonic_time ();
  g_clear_object (&req->msg);
  /* a new message each attempt: libsoup refuses to resend a queued one */
  req->msg = soup_message_new (req->method, req->url);
  headers = soup_message_get_request_headers (req->msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (self->secret != NULL && self->service == OUTLAY_HTTP_SERVICE_CLICKUP)
    soup_message_headers_replace (headers, "Authorization", self->secret);
  else if (self->secret != NULL && self->service == OUTLAY_HTTP_SERVICE_GEMINI)
    soup_message_headers_replace (headers, "x-goog-api-key", self->secret);
  else if (self->secret != NULL && self->service != OUTLAY_HTTP_SERVICE_OAUTH)
    {
      g_autofree char *bearer = g_strconcat ("Bearer ", self->secret, NULL);

      soup_message_headers_replace (headers, "Authorization", bearer);
    }
  if (req->body != NULL)
    soup_message_set_request_body_from_bytes (
        req->msg, req->content_type ? req->content_type : "application/json", req->body);
  else if (self->service == OUTLAY_HTTP_SERVICE_CLICKUP)
    /* ClickUp's reference lists it as required on GET …/time_entries */
    soup_message_headers_replace (headers, "Content-Type", "application/json");
  g_debug ("%s %s (attempt %u, %" G_GSIZE_FORMAT " bytes)", req->method, req->url, req->attempt,
           req->body ? g_bytes_get_size (req->body) : 0);
  soup_session_send_and_read_async (self->session, req->msg, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), sent_cb, task);
}

static void
outlay_http_client_finalize (GObject *object)
{
  OutlayHttpClient *self = OUTLAY_HTTP_CLIENT (object);

  g_clear_object (&self->session);
  g_free (self->base_url);
  if (self->secret)
    memset (self->secret, 0, strlen (self->secret));
  g_free (self->secret);
  g_queue_clear_full (&self->sent, g_free);
  G_OBJECT_CLASS (outlay_http_client_parent_class)->finalize (object);
}

static void
outlay_http_client_class_init (OutlayHttpClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = outlay_http_client_finalize;
}

static void
outlay_http_client_init (OutlayHttpClient *self)
{
  g_queue_init (&self->sent);
  self->retry_uncertain = TRUE;
  self->max_attempts = 5;
  self->delay_scale = 1.0;
}

/**
 * outlay_http_client_new:
 * @service: which service the client talks to
 *
 * A client with the service's defaults: ClickUp 30 s timeouts and 100
 * requests a minute; Gemini 300 s (thinking models answer slowly). The
 * base URL comes from `OUTLAY_CLICKUP_URL` / `OUTLAY_GEMINI_URL` when set.
 * Proxies follow the environment or GNOME's settings.
 */
OutlayHttpClient *
outlay_http_client_new (OutlayHttpService service)
{
  OutlayHttpClient *self = g_object_new (OUTLAY_TYPE_HTTP_CLIENT, NULL);
  guint timeout = service == OUTLAY_HTTP_SERVICE_GEMINI ? 300 : 30;

  /* Sheets: 60 reads and 60 writes a minute per user (§1.1) */
  if (service == OUTLAY_HTTP_SERVICE_SHEETS)
    self->rate_limit = 60;

  self->service = service;
  self->base_url = g_strdup (default_base_url (service));
  if (service == OUTLAY_HTTP_SERVICE_CLICKUP)
    self->rate_limit = 100;
  self->session = soup_session_new_with_options (
      "timeout", timeout, "idle-timeout", 60, "user-agent", "Outlay/" PACKAGE_VERSION " ",
      "proxy-resolver", g_proxy_resolver_get_default (), NULL);
  return self;
}

OutlayHttpService
outlay_http_client_get_service (OutlayHttpClient *self)
{
  g_return_val_if_fail (OUTLAY_IS_HTTP_CLIENT (self), 0);
  return self->service;
}

const char *
outlay_http_client_get_base_url (OutlayHttpClient *self)
{
  g_return_val_if_fail (OUTLAY_IS_HTTP_CLIENT (self), NULL);
  return self->base_url;
}

void
outlay_http_client_set_base_url (OutlayHttpClient *self, const char *base_url)
{
  g_return_if_fail (OUTLAY_IS_HTTP_CLIENT (self));
  g_free (self->base_url);
  self->base_url = g_strdup (base_url ? base_url : default_base_url (self->service));
}

void
outlay_http_client_set_secret (OutlayHttpClient *self, const char *secret)
{
  g_return_if_fail (OUTLAY_IS_HTTP_CLIENT (self));
  g_free (self->secret);
  self->secret = g_strdup (secret);
}

void
outlay_http_client_set_timeout (OutlayHttpClient *self, guint seconds)
{
  g_return_if_fail (OUTLAY_IS_HTTP_CLIENT (self));
  soup_session_set_timeout (self->session, seconds);
}

guint
outlay_http_client_get_timeout (OutlayHttpClient *self)
{
  g_return_val_if_fail (OUTLAY_IS_HTTP_CLIENT (self), 0);
  return soup_session_get_timeout (self->session);
}

void
outlay_http_client_set_max_attempts (OutlayHttpClient *self, guint attempts)
{
  g_return_if_fail (OUTLAY_IS_HTTP_CLIENT (self));
  self->max_attempts = MAX (attempts, 1);
}

void
outlay_http_client_set_rate_limit (OutlayHttpClient *self, guint per_minute)
{
  g_return_if_fail (OUTLAY_IS_HTTP_CLIENT (self));
  self->rate_limit = per_minute;
}

void
outlay_http_client_set_delay_scale (OutlayHttpClient *self, double scale)
{
  g_return_if_fail (OUTLAY_IS_HTTP_CLIENT (self));
  self->delay_scale = MAX (scale, 0);
}

guint
outlay_http_client_get_request_count (OutlayHttpClient *self)
{
  g_return_val_if_fail (OUTLAY_IS_HTTP_CLIENT (self), 0);
  return self->request_count;
}

guint
outlay_http_client_get_last_status (OutlayHttpClient *self)
{
  g_return_val_if_fail (OUTLAY_IS_HTTP_CLIENT (self), 0);
  return self->last_status;
}

void
outlay_http_client_set_retry_uncertain (OutlayHttpClient *self, gboolean retry)
{
  g_return_if_fail (OUTLAY_IS_HTTP_CLIENT (self));
  self->retry_uncertain = retry;
}

/* @keep: (nullable): the answer's object members to keep (see
 * outlay_json_scan()); %NULL for the whole answer */
static void
start_request (OutlayHttpClient *self,
               GTask *task,
               const char *method,
               char *url,
               GBytes *body,
               const char *content_type,
               const char *const *keep)
{
  Request *req = g_new0 (Request, 1);

  req->keep = keep;
  req->method = g_strdup (method);
  req->url = url;
  req->body = body;
  req->content_type = content_type;
  g_task_set_task_data (task, req, (GDestroyNotify) request_free);
  if (g_uri_is_valid (req->url, G_URI_FLAGS_ENCODED, NULL) == FALSE)
    {
      g_task_return_new_error (task, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                               _("The %s address “%s” is not a valid URL."),
                                  outlay_http_service_name (self->service), self->base_url);
      g_object_unref (task);
      return;
    }
  send_attempt (task);
}

void
outlay_http_client_request_async (OutlayHttpClient *self,
                                  const char *method,
                                  const char *path,
                                  JsonNode *body,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  GTask *task;
  GBytes *bytes = NULL;
  char *url;

  g_return_if_fail (OUTLAY_IS_HTTP_CLIENT (self));
  g_return_if_fail (method != NULL && path != NULL && path[0] == '/');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, outlay_http_client_request_async);
  url = g_strconcat (self->base_url, g_str_has_suffix (self->base_url, "/") ? path + 1 : path,
                     NULL);
  if (body != NULL)
    {
      char *text = json_to_string (body, FALSE);

      bytes = g_bytes_new_take (text, strlen (text));
    }
  start_request (self, task, method, url, bytes, NULL, NULL);
}

JsonNode *
outlay_http_client_request_finish (OutlayHttpClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
sync_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
  g_main_context_wakeup (g_main_context_get_thread_default ());
}

JsonNode *
outlay_http_client_request (OutlayHttpClient *self,
                            const char *method,
                            const char *path,
                            JsonNode *body,
                            GCancellable *cancellable,
                            GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  GMainContext *context = g_main_context_get_thread_default ();

  outlay_http_client_request_async (self, method, path, body, cancellable, sync_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  return outlay_http_client_request_finish (self, result, error);
}

JsonNode *
outlay_http_client_request_pruned (OutlayHttpClient *self,
                                   const char *method,
                                   const char *path,
                                   const char *const *keep,
                                   GCancellable *cancellable,
                                   GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  GMainContext *context = g_main_context_get_thread_default ();
  GTask *task;

  g_return_val_if_fail (OUTLAY_IS_HTTP_CLIENT (self), NULL);
  g_return_val_if_fail (method != NULL && path != NULL && path[0] == '/', NULL);
  task = g_task_new (self, cancellable, sync_done_cb, &result);
  g_task_set_source_tag (task, outlay_http_client_request_async);
  start_request (self, task, method,
                 g_strconcat (self->base_url, g_str_has_suffix (self->base_url, "/") ? path + 1 : path,
                              NULL),
                 NULL, NULL, keep);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  return outlay_http_client_request_finish (self, result, error);
}

/**
 * outlay_http_client_post_form:
 * @self: a client
 * @url: the absolute URL (the token or revoke endpoint)
 * @form: the urlencoded form
 * @cancellable: (nullable): a cancellable
 * @error: the service's words for a refusal
 *
 * Returns: (transfer full): the JSON answer
 */
JsonNode *
outlay_http_client_post_form (OutlayHttpClient *self,
                              const char *url,
                              const char *form,
                              GCancellable *cancellable,
                              GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  GMainContext *context = g_main_context_get_thread_default ();
  GTask *task;

  g_return_val_if_fail (OUTLAY_IS_HTTP_CLIENT (self), NULL);
  task = g_task_new (self, cancellable, sync_done_cb, &result);
  g_task_set_source_tag (task, outlay_http_client_request_async);
  start_request (self, task, "POST", g_strdup (url), g_bytes_new (form, strlen (form)),
                 "application/x-www-form-urlencoded", NULL);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  return outlay_http_client_request_finish (self, result, error);
}
