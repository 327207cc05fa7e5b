/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-http-client.h"
#include "outlay-store-clickup.h"

G_BEGIN_DECLS

/* @done of @total steps of @stage ("tasks": pages, total 0 until the last
 * page; "time": month windows) */
typedef void (*OutlayClickupProgressFunc) (const char *stage,
                                           guint done,
                                           guint total,
                                           gpointer user_data);

typedef struct
{
  const char *list_id;
  const char *team_id;     /* NULL: the token's only workspace */
  const char *rule;        /* "name", "tag", "list", "field:NAME" */
  gint64 since_ms;         /* first time window; 0: from the list's oldest task */
  gint64 now_ms;           /* 0: now */
  gboolean full;           /* list every task, not only the changed ones */
  gboolean remove_deleted; /* remove tasks ClickUp no longer has */
  gboolean dry_run;        /* summary only */
  /* optional; with outlay_clickup_sync_async() called on the caller's context */
  OutlayClickupProgressFunc progress;
  gpointer progress_data;
} OutlayClickupSyncOptions;

/* Checks the token: the account it belongs to ("Ann <ann@x>") and the
 * workspaces it may see ("Acme, Studio"). */
gboolean outlay_clickup_check (OutlayHttpClient *http,
                               char **account,
                               char **workspaces,
                               GCancellable *cancellable,
                               GError **error);
/* Every list the token may see: an array of objects {workspace, space,
 * folder, list, list_name, task_count}. */
JsonNode *outlay_clickup_lists (OutlayHttpClient *http, GCancellable *cancellable, GError **error);
/* outlay_clickup_lists() in a worker thread with its own main context and
 * HTTP client; @secret %NULL uses the token in the keyring.  Each list
 * also carries workspace_id, space_id and folder_id (%NULL: no folder). */
void outlay_clickup_lists_async (const char *secret,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
JsonNode *outlay_clickup_lists_finish (GAsyncResult *result, GError **error);
/* Fetches the list's tasks (all pages, or those changed since the last
 * sync) and its time entries (month windows, all members the token may
 * see), then writes them in one transaction. */
gboolean outlay_clickup_sync (OutlayStore *store,
                              OutlayHttpClient *http,
                              gint64 budget_id,
                              const OutlayClickupSyncOptions *options,
                              OutlayClickupSummary *summary,
                              GCancellable *cancellable,
                              GError **error);
/* outlay_clickup_sync() in a worker thread with its own main context,
 * HTTP client and connection to the database at @database_path, so a
 * window stays responsive and Cancel works at any point (nothing is
 * written before every answer is in).  @secret %NULL uses the token in
 * the keyring. */
void outlay_clickup_sync_async (const char *database_path,
                                gint64 budget_id,
                                const OutlayClickupSyncOptions *options,
                                const char *secret,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
gboolean
outlay_clickup_sync_finish (GAsyncResult *result, OutlayClickupSummary *summary, GError **error);
/* The month windows [start, end) pairs a sync asks for */
GArray *outlay_clickup_windows (gint64 since_ms, gint64 now_ms);

G_END_DECLS
