/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Local stand-ins for ClickUp API v2 and Gemini v1beta, following the
 * services' published API descriptions, with scripted faults.  They run
 * on the thread-default main context of the caller (SoupServer on
 * 127.0.0.1, a free port). */

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  OUTLAY_FAKE_429_RETRY_AFTER, /* 429 with Retry-After: 1 */
  OUTLAY_FAKE_429_RATE_RESET,  /* 429 with X-RateLimit-Reset (ClickUp) */
  OUTLAY_FAKE_429_RETRY_INFO,  /* 429 with google.rpc.RetryInfo (Gemini) */
  OUTLAY_FAKE_429_DAILY,       /* 429 for a PerDay quota (Gemini) */
  OUTLAY_FAKE_500,
  OUTLAY_FAKE_503,
  OUTLAY_FAKE_SLOW,        /* no answer at all: the client times out */
  OUTLAY_FAKE_RESET,       /* the connection closes in the middle of the body */
  OUTLAY_FAKE_TRUNCATED,   /* 200 with JSON cut short */
  OUTLAY_FAKE_NOT_JSON,    /* 200 with an HTML page */
  OUTLAY_FAKE_DELETE_TASK, /* answers, then deletes the list's last task */
} OutlayFakeFault;

typedef struct _OutlayFakeServer OutlayFakeServer;

OutlayFakeServer *outlay_fake_server_new (GError **error);
void outlay_fake_server_free (OutlayFakeServer *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayFakeServer, outlay_fake_server_free)

/* Base URLs to put in OUTLAY_CLICKUP_URL / OUTLAY_GEMINI_URL */
const char *outlay_fake_server_clickup_url (OutlayFakeServer *self);
const char *outlay_fake_server_gemini_url (OutlayFakeServer *self);

#define OUTLAY_FAKE_CLICKUP_TOKEN "pk_183_ZP7QK4C1Q9S3LR2W8YBJ0V6H5NMXTDAE"
#define OUTLAY_FAKE_GEMINI_KEY "AIzaSyFAKE-0123456789abcdefghijklmnopqr"

void outlay_fake_server_revoke_tokens (OutlayFakeServer *self);
/* The next request whose path starts with @prefix (after the base) fails
 * with @fault; faults queue in order. */
void
outlay_fake_server_push_fault (OutlayFakeServer *self, const char *prefix, OutlayFakeFault fault);
/* Requests whose "METHOD path?query" contains @needle */
guint outlay_fake_server_count (OutlayFakeServer *self, const char *needle);
guint outlay_fake_server_total (OutlayFakeServer *self);
/* Requests the fake refused as invalid for the published API */
guint outlay_fake_server_invalid (OutlayFakeServer *self);
/* After a test that sent invalid requests on purpose */
void outlay_fake_server_forget_invalid (OutlayFakeServer *self);
void outlay_fake_server_set_rate_limit (OutlayFakeServer *self, guint per_minute);

/* ClickUp data: workspace 9012345 "Acme" (Ann 183, Bob 184), space 790,
 * folder 456 with list 124 "Sprint", folderless list 125 "Backlog".
 * Tasks are made deterministically; times between @first_ms and @last_ms. */
void outlay_fake_server_generate (OutlayFakeServer *self,
                                  const char *list_id,
                                  guint n_tasks,
                                  guint n_entries,
                                  gint64 first_ms,
                                  gint64 last_ms);
/* Edits, each marking the task updated at @now_ms */
void outlay_fake_server_rename_task (OutlayFakeServer *self,
                                     const char *task_id,
                                     const char *name,
                                     gint64 now_ms);
void outlay_fake_server_delete_task (OutlayFakeServer *self, const char *task_id);
void outlay_fake_server_delete_entry (OutlayFakeServer *self, const char *entry_id);

/* Gemini: the next generateContent answers with this text as the model's
 * output (a JSON document), or with @finish_reason / a blocked prompt. */
void outlay_fake_server_set_gemini_text (OutlayFakeServer *self, const char *text);
void outlay_fake_server_set_gemini_finish (OutlayFakeServer *self, const char *finish_reason);
void outlay_fake_server_set_gemini_block (OutlayFakeServer *self, const char *block_reason);
/* The body of the last generateContent request */
JsonNode *outlay_fake_server_last_gemini_request (OutlayFakeServer *self);

G_END_DECLS
