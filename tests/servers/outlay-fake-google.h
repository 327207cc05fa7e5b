/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A local stand-in for Google's OAuth endpoints (CONTRACTS.md §2.7),
 * Sheets v4 and Drive v3 files.get, following the discovery documents in
 * ../shared/specs: strict about what it accepts (unknown members, missing
 * parameters and wrong methods are refused and counted as invalid), with
 * scripted faults.  Runs on the caller's thread-default main context. */

#include <json-glib/json-glib.h>

#include "outlay-fake-server.h"

G_BEGIN_DECLS

typedef struct _OutlayFakeGoogle OutlayFakeGoogle;

#define OUTLAY_FAKE_GOOGLE_CLIENT_ID "1234-fake.apps.googleusercontent.com"
#define OUTLAY_FAKE_GOOGLE_CLIENT_SECRET "GOCSPX-fake-secret"

OutlayFakeGoogle *outlay_fake_google_new (GError **error);
void outlay_fake_google_free (OutlayFakeGoogle *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayFakeGoogle, outlay_fake_google_free)

/* Values for OUTLAY_OAUTH_AUTH_URL, OUTLAY_OAUTH_TOKEN_URL,
 * OUTLAY_SHEETS_URL and OUTLAY_DRIVE_URL */
const char *outlay_fake_google_auth_url (OutlayFakeGoogle *self);
const char *outlay_fake_google_token_url (OutlayFakeGoogle *self);
const char *outlay_fake_google_sheets_url (OutlayFakeGoogle *self);
const char *outlay_fake_google_drive_url (OutlayFakeGoogle *self);
/* Sets those four variables (and the client id and secret) */
void outlay_fake_google_setenv (OutlayFakeGoogle *self);

/* OAuth: seconds an access token lives (default 3599) */
void outlay_fake_google_set_token_lifetime (OutlayFakeGoogle *self, guint seconds);
/* Every access token issued so far stops working (the next call gets 401) */
void outlay_fake_google_expire_access_tokens (OutlayFakeGoogle *self);
/* The user refuses consent in the browser (error=access_denied) */
void outlay_fake_google_set_deny (OutlayFakeGoogle *self, gboolean deny);
/* The browser sends back another state than it was given */
void outlay_fake_google_set_wrong_state (OutlayFakeGoogle *self, gboolean wrong);
gboolean outlay_fake_google_refresh_token_valid (OutlayFakeGoogle *self, const char *token);
guint outlay_fake_google_n_refresh_tokens (OutlayFakeGoogle *self);

/* Faults: the next request whose path starts with @prefix ("/v4/",
 * "/drive/", "/token", or a longer prefix such as "/v4/spreadsheets/ID:")
 * fails with @fault.  OUTLAY_FAKE_SLOW and OUTLAY_FAKE_RESET here apply
 * the request first, then never answer or drop the connection: the worst
 * case for a client (the change was made, the answer is lost). */
void
outlay_fake_google_push_fault (OutlayFakeGoogle *self, const char *prefix, OutlayFakeFault fault);
guint outlay_fake_google_count (OutlayFakeGoogle *self, const char *needle);
/* Requests to Sheets and Drive (not OAuth) */
guint outlay_fake_google_total (OutlayFakeGoogle *self);
guint outlay_fake_google_invalid (OutlayFakeGoogle *self);
void outlay_fake_google_reset_counts (OutlayFakeGoogle *self);
/* CPU microseconds the server's handlers took (the thread's CPU time:
 * unaffected by other programs on the machine) */
gint64 outlay_fake_google_busy_us (OutlayFakeGoogle *self);

/* Spreadsheets */
guint outlay_fake_google_n_spreadsheets (OutlayFakeGoogle *self);
/* The only (or last created) spreadsheet's id */
const char *outlay_fake_google_last_id (OutlayFakeGoogle *self);
/* sheetId of the tab at @index, or -1 */
gint64 outlay_fake_google_sheet_id (OutlayFakeGoogle *self, const char *id, guint index);
/* A cell as JSON (number, string or bool), or %NULL when empty; @row and
 * @col are 0-based grid indexes */
JsonNode *outlay_fake_google_get_cell (OutlayFakeGoogle *self,
                                       const char *id,
                                       gint64 sheet_id,
                                       guint row,
                                       guint col);
/* Rows with any value, on sheet @sheet_id */
guint outlay_fake_google_used_rows (OutlayFakeGoogle *self, const char *id, gint64 sheet_id);
/* Edits as a person in the browser would make them; each bumps the Drive
 * version.  @value NULL empties the cell. */
void outlay_fake_google_set_cell (OutlayFakeGoogle *self,
                                  const char *id,
                                  gint64 sheet_id,
                                  guint row,
                                  guint col,
                                  JsonNode *value);
void
outlay_fake_google_insert_row (OutlayFakeGoogle *self, const char *id, gint64 sheet_id, guint row);
void
outlay_fake_google_delete_row (OutlayFakeGoogle *self, const char *id, gint64 sheet_id, guint row);
void outlay_fake_google_rename_sheet (OutlayFakeGoogle *self,
                                      const char *id,
                                      gint64 sheet_id,
                                      const char *title);
void outlay_fake_google_delete_sheet (OutlayFakeGoogle *self, const char *id, gint64 sheet_id);
void outlay_fake_google_delete_spreadsheet (OutlayFakeGoogle *self, const char *id);
/* Developer metadata entries with @key */
guint outlay_fake_google_n_metadata (OutlayFakeGoogle *self, const char *id, const char *key);

G_END_DECLS
