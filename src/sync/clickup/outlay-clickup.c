/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-clickup"

/* ClickUp API v2: the hierarchy, a list's tasks and the workspace's time
 * entries (clickup-api-v2-reference.json), fetched in full before the one
 * transaction that writes them. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-clickup-map.h"
#include "outlay-clickup.h"
#include "outlay-error.h"
#include "outlay-secrets.h"

#define PAGE_SIZE 100

static JsonNode *
get (OutlayHttpClient *http, GCancellable *cancellable, GError **error, const char *format, ...)
    G_GNUC_PRINTF (4, 5);

static JsonNode *
get (OutlayHttpClient *http, GCancellable *cancellable, GError **error, const char *format, ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);
  return outlay_http_client_request (http, "GET", path, NULL, cancellable, error);
}

/* What a sync reads of a page of tasks and of a window of time entries:
 * the rest of ClickUp's records is skipped, not built (outlay_json_scan) */
static const char *const task_members[] = {
  "tasks",      "last_page",     "id",       "name",          "text_content", "status",
  "type",       "time_estimate", "due_date", "date_updated",  "date_created", "assignees",
  "username",   "email",         "tags",     "custom_fields", "type_config",  "options",
  "orderindex", "value",         NULL,
};
static const char *const entry_members[] = {
  "data", "id", "task", "user", "username", "email", "start", "duration", "description", NULL,
};

static JsonNode *get_pruned (OutlayHttpClient *http,
                             const char *const *keep,
                             GCancellable *cancellable,
                             GError **error,
                             const char *format,
                             ...) G_GNUC_PRINTF (5, 6);

static JsonNode *
get_pruned (OutlayHttpClient *http,
            const char *const *keep,
            GCancellable *cancellable,
            GError **error,
            const char *format,
            ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);
  return outlay_http_client_request_pruned (http, "GET", path, keep, cancellable, error);
}

static char *
escape (const char *id)
{
  return g_uri_escape_string (id, NULL, FALSE);
}

static JsonArray *
array_member (JsonNode *node, const char *member, GError **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

  if (object == NULL || !json_object_has_member (object, member)
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, member)))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_SERVICE,
                   _("ClickUp’s answer has no “%s” list. Nothing was changed; try again later."),
                      member);
      return NULL;
    }
  return json_object_get_array_member (object, member);
}

static const char *
str (JsonObject *object, const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
             ? json_node_get_string (node)
             : NULL;
}

gboolean
outlay_clickup_check (OutlayHttpClient *http,
                      char **account,
                      char **workspaces,
                      GCancellable *cancellable,
                      GError **error)
{
  g_autoptr (JsonNode) user = get (http, cancellable, error, "/v2/user");
  g_autoptr (JsonNode) teams = NULL;
  g_autoptr (GString) names = g_string_new (NULL);
  JsonObject *u;
  JsonArray *list;

  if (user == NULL || (teams = get (http, cancellable, error, "/v2/team")) == NULL)
    return FALSE;
  if ((list = array_member (teams, "teams", error)) == NULL)
    return FALSE;
  u = JSON_NODE_HOLDS_OBJECT (user) && json_object_has_member (json_node_get_object (user), "user")
          ? json_object_get_object_member (json_node_get_object (user), "user")
          : NULL;
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *team = json_array_get_object_element (list, i);

      g_string_append_printf (names, "%s%s", i ? ", " : "",
                              str (team, "name") ? str (team, "name") : "?");
    }
  *account = str (u, "email")
                 ? g_strdup_printf ("%s <%s>", str (u, "username") ? str (u, "username") : "",
                                    str (u, "email"))
                 : g_strdup (str (u, "username") ? str (u, "username") : _("ClickUp user"));
  *workspaces = g_string_free (g_steal_pointer (&names), FALSE);
  return TRUE;
}

static void
add_list (JsonBuilder *b, JsonObject *team, JsonObject *space, JsonObject *folder, JsonObject *list)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "workspace_id");
  json_builder_add_string_value (b, str (team, "id"));
  json_builder_set_member_name (b, "workspace");
  json_builder_add_string_value (b, str (team, "name"));
  json_builder_set_member_name (b, "space_id");
  json_builder_add_string_value (b, str (space, "id"));
  json_builder_set_member_name (b, "space");
  json_builder_add_string_value (b, str (space, "name"));
  json_builder_set_member_name (b, "folder_id");
  json_builder_add_string_value (b, folder ? str (folder, "id") : NULL);
  json_builder_set_member_name (b, "folder");
  json_builder_add_string_value (b, folder ? str (folder, "name") : NULL);
  json_builder_set_member_name (b, "list_id");
  json_builder_add_string_value (b, str (list, "id"));
  json_builder_set_member_name (b, "list");
  json_builder_add_string_value (b, str (list, "name"));
  json_builder_end_object (b);
}

static gboolean
add_lists_of (OutlayHttpClient *http,
              JsonBuilder *b,
              JsonObject *team,
              JsonObject *space,
              JsonObject *folder,
              JsonNode *answer,
              GError **error)
{
  JsonArray *lists = array_member (answer, "lists", error);

  if (lists == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (lists); i++)
    add_list (b, team, space, folder, json_array_get_object_element (lists, i));
  return TRUE;
}

static gboolean
add_space (OutlayHttpClient *http,
           JsonBuilder *b,
           JsonObject *team,
           JsonObject *space,
           GCancellable *cancellable,
           GError **error)
{
  g_autofree char *space_id = escape (str (space, "id"));
  g_autoptr (JsonNode) folders = get (http, cancellable, error,
                                      "/v2/space/%s/folder?archived=false", space_id);
  g_autoptr (JsonNode) folderless = NULL;
  JsonArray *array;

  if (folders == NULL || (array = array_member (folders, "folders", error)) == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *folder = json_array_get_object_element (array, i);
      g_autofree char *folder_id = escape (str (folder, "id"));
      g_autoptr (JsonNode) lists = get (http, cancellable, error,
                                        "/v2/folder/%s/list?archived=false", folder_id);

      if (lists == NULL || !add_lists_of (http, b, team, space, folder, lists, error))
        return FALSE;
    }
  folderless = get (http, cancellable, error, "/v2/space/%s/list?archived=false", space_id);
  return folderless != NULL && add_lists_of (http, b, team, space, NULL, folderless, error);
}

JsonNode *
outlay_clickup_lists (OutlayHttpClient *http, GCancellable *cancellable, GError **error)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) teams = get (http, cancellable, error, "/v2/team");
  JsonArray *team_list;

  if (teams == NULL || (team_list = array_member (teams, "teams", error)) == NULL)
    return NULL;
  json_builder_begin_array (b);
  for (guint t = 0; t < json_array_get_length (team_list); t++)
    {
      JsonObject *team = json_array_get_object_element (team_list, t);
      g_autofree char *team_id = escape (str (team, "id"));
      g_autoptr (JsonNode) spaces = get (http, cancellable, error,
                                         "/v2/team/%s/space?archived=false", team_id);
      JsonArray *space_list;

      if (spaces == NULL || (space_list = array_member (spaces, "spaces", error)) == NULL)
        return NULL;
      for (guint s = 0; s < json_array_get_length (space_list); s++)
        if (!add_space (http, b, team, json_array_get_object_element (space_list, s), cancellable,
                        error))
          return NULL;
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}

static gint64
month_start (gint64 ms)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (ms / 1000);
  g_autoptr (GDateTime) first = g_date_time_new_utc (g_date_time_get_year (dt),
                                                     g_date_time_get_month (dt), 1, 0, 0, 0);

  return g_date_time_to_unix (first) * 1000;
}

/* Calendar months (UTC) from the one holding @since_ms to the day after
 * @now_ms: the time entries endpoint is not paged, so each answer stays
 * a month long. */
GArray *
outlay_clickup_windows (gint64 since_ms, gint64 now_ms)
{
  GArray *windows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GDateTime) now = g_date_time_new_from_unix_utc (now_ms / 1000);
  g_autoptr (GDateTime) today = g_date_time_new_utc (g_date_time_get_year (now),
                                                     g_date_time_get_month (now),
                                                     g_date_time_get_day_of_month (now), 0, 0, 0);
  gint64 end = (g_date_time_to_unix (today) + 86400) * 1000;
  gint64 start = month_start (MIN (since_ms, now_ms));

  while (start < end)
    {
      g_autoptr (GDateTime) s = g_date_time_new_from_unix_utc (start / 1000);
      g_autoptr (GDateTime) next = g_date_time_add_months (s, 1);
      gint64 stop = MIN (g_date_time_to_unix (next) * 1000, end);

      g_array_append_val (windows, start);
      g_array_append_val (windows, stop);
      start = stop;
    }
  return windows;
}

static JsonObject *
find_team (JsonArray *teams, const char *team_id, GError **error)
{
  guint n = json_array_get_length (teams);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *team = json_array_get_object_element (teams, i);

      if (team_id ? g_strcmp0 (str (team, "id"), team_id) == 0 : n == 1)
        return team;
    }
  if (team_id)
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                 _("The ClickUp token may not see workspace %s. Pick one of its workspaces (outlay-cli clickup lists)."),
                    team_id);
  else
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_AMBIGUOUS,
                 _("The ClickUp token sees %u workspaces; name one with --team (outlay-cli clickup lists shows them)."),
                    n);
  return NULL;
}

/* "183,184": every member's id, so an owner or admin gets everyone's time */
static char *
member_ids (JsonObject *team)
{
  g_autoptr (GString) ids = g_string_new (NULL);
  JsonArray *members = json_object_has_member (team, "members")
                               && JSON_NODE_HOLDS_ARRAY (json_object_get_member (team, "members"))
                           ? json_object_get_array_member (team, "members")
                           : NULL;

  for (guint i = 0; members && i < json_array_get_length (members); i++)
    {
      JsonObject *m = json_array_get_object_element (members, i);
      JsonObject *user = m && json_object_has_member (m, "user")
                             ? json_object_get_object_member (m, "user")
                             : NULL;
      JsonNode *id = user ? json_object_get_member (user, "id") : NULL;

      if (id && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_INT64)
        g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len ? "," : "",
                                json_node_get_int (id));
    }
  return ids->len ? g_string_free (g_steal_pointer (&ids), FALSE) : NULL;
}

static void
progress (const OutlayClickupSyncOptions *options, const char *stage, guint done, guint total)
{
  if (options->progress)
    options->progress (stage, done, total, options->progress_data);
}

static gboolean
fetch_tasks (OutlayHttpClient *http,
             OutlayClickupMap *map,
             OutlayClickupBatch *batch,
             const OutlayClickupSyncOptions *options,
             const char *list_name,
             gint64 updated_after,
             gint64 *oldest,
             GCancellable *cancellable,
             GError **error)
{
  const char *list_id = options->list_id;
  g_autofree char *id = escape (list_id);
  g_autofree char *since = updated_after > 0 ? g_strdup_printf (
                               "&date_updated_gt=%" G_GINT64_FORMAT, updated_after)
                                             : g_strdup ("");

  for (guint page = 0;; page++)
    {
      g_autoptr (JsonNode)
                     answer = get_pruned (http, task_members, cancellable, error,
                                          "/v2/list/%s/task?archived=false&page=%u&order_by=created"
                                          "&subtasks=true&include_closed=true%s",
                                          id, page, since);
      JsonArray *tasks;
      guint n;

      if (answer == NULL || (tasks = array_member (answer, "tasks", error)) == NULL)
        return FALSE;
      n = json_array_get_length (tasks);
      for (guint i = 0; i < n; i++)
        {
          JsonNode *task = json_array_get_element (tasks, i);

          if (!outlay_clickup_map_task (map, batch, task, list_name, error))
            return FALSE;
          batch->updated_after = MAX (
              batch->updated_after,
              outlay_clickup_ms (json_node_get_object (task), "date_updated"));
          *oldest = MIN (*oldest,
                         MAX (outlay_clickup_ms (json_node_get_object (task), "date_created"), 0));
        }
      if (n < PAGE_SIZE
          || json_object_get_boolean_member_with_default (json_node_get_object (answer),
                                                          "last_page", FALSE))
        {
          progress (options, "tasks", page + 1, page + 1);
          return TRUE;
        }
      progress (options, "tasks", page + 1, 0);
    }
}

static gboolean
fetch_window (OutlayHttpClient *http,
              OutlayClickupMap *map,
              OutlayClickupBatch *batch,
              const char *team_id,
              const char *list_id,
              char **assignees,
              gint64 start,
              gint64 end,
              GCancellable *cancellable,
              GError **error)
{
  g_autofree char *team = escape (team_id);
  g_autofree char *list = escape (list_id);
  g_autoptr (GError) local = NULL;
  g_autoptr (JsonNode) answer = NULL;
  JsonArray *data;

  for (;;)
    {
      g_autofree char *who = *assignees ? g_strdup_printf ("&assignee=%s", *assignees)
                                        : g_strdup ("");

      answer = get_pruned (http, entry_members, cancellable, &local,
                           "/v2/team/%s/time_entries?start_date=%" G_GINT64_FORMAT
                           "&end_date=%" G_GINT64_FORMAT "&list_id=%s%s",
                           team, start, end - 1, list, who);
      if (answer != NULL || *assignees == NULL
          || !(g_error_matches (local, OUTLAY_ERROR, OUTLAY_ERROR_AUTH)
               || g_error_matches (local, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND)))
        break;
      /* only owners and admins may ask for other members' time */
      g_message (
          "ClickUp refused other members' time entries (%s); importing the token owner's only",
          local->message);
      g_clear_pointer (assignees, g_free);
      g_clear_error (&local);
    }
  if (answer == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if ((data = array_member (answer, "data", error)) == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (data); i++)
    if (!outlay_clickup_map_time_entry (map, batch, json_array_get_element (data, i), error))
      return FALSE;
  g_array_append_val (batch->windows, start);
  g_array_append_val (batch->windows, end);
  return TRUE;
}

static char *
get_list_name (OutlayHttpClient *http,
               const char *list_id,
               GCancellable *cancellable,
               GError **error)
{
  g_autofree char *id = escape (list_id);
  g_autoptr (JsonNode) list = get (http, cancellable, error, "/v2/list/%s", id);

  if (list == NULL)
    return NULL;
  return g_strdup (JSON_NODE_HOLDS_OBJECT (list) ? str (json_node_get_object (list), "name") : "");
}

gboolean
outlay_clickup_sync (OutlayStore *store,
                     OutlayHttpClient *http,
                     gint64 budget_id,
                     const OutlayClickupSyncOptions *options,
                     OutlayClickupSummary *summary,
                     GCancellable *cancellable,
                     GError **error)
{
  g_autoptr (OutlayClickupBatch) batch = outlay_clickup_batch_new (budget_id, options->list_id);
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (OutlayClickupMap) map = NULL;
  g_autoptr (JsonNode) teams = NULL;
  g_autoptr (GArray) windows = NULL;
  g_autofree char *assignees = NULL;
  g_autofree char *name = NULL;
  JsonObject *team;
  JsonArray *team_list;
  gint64 updated_after = 0, since = 0, oldest = G_MAXINT64;
  gint64 now = options->now_ms ? options->now_ms : g_get_real_time () / 1000;
  gboolean incremental;

  g_return_val_if_fail (options->list_id != NULL, FALSE);

  incremental = outlay_store_clickup_get_state (store, budget_id, options->list_id, &updated_after,
                                                &since, NULL)
                && !options->full;
  if ((lines = outlay_store_clickup_line_keys (store, budget_id, error)) == NULL
      || (map = outlay_clickup_map_new (options->rule, lines, error)) == NULL)
    return FALSE;
  if ((teams = get (http, cancellable, error, "/v2/team")) == NULL
      || (team_list = array_member (teams, "teams", error)) == NULL
      || (team = find_team (team_list, options->team_id, error)) == NULL)
    return FALSE;
  if (options->rule && g_str_equal (options->rule, "list")
      && (name = get_list_name (http, options->list_id, cancellable, error)) == NULL)
    return FALSE;

  batch->updated_after = incremental ? updated_after : 0;
  if (!fetch_tasks (http, map, batch, options, name, batch->updated_after, &oldest, cancellable,
                    error))
    return FALSE;
  batch->complete = !incremental;
  batch->remove_deleted = options->remove_deleted;
  batch->dry_run = options->dry_run;
  batch->since_ms = options->since_ms > 0  ? options->since_ms
                    : since > 0            ? MIN (since, oldest == G_MAXINT64 ? since : oldest)
                    : oldest != G_MAXINT64 ? oldest
                                           : now - (gint64) 365 * 86400 * 1000;
  batch->since_ms = month_start (batch->since_ms);

  assignees = member_ids (team);
  windows = outlay_clickup_windows (batch->since_ms, now);
  for (guint w = 0; w + 1 < windows->len; w += 2)
    {
      if (!fetch_window (http, map, batch, str (team, "id"), options->list_id, &assignees,
                         g_array_index (windows, gint64, w), g_array_index (windows, gint64, w + 1),
                         cancellable, error))
        return FALSE;
      progress (options, "time", w / 2 + 1, windows->len / 2);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!outlay_store_clickup_apply (store, batch, summary, error))
    return FALSE;
  summary->entries_skipped += outlay_clickup_map_get_skipped (map);
  return TRUE;
}

typedef struct
{
  char *path;
  gint64 budget_id;
  char *list_id;
  char *team_id;
  char *rule;
  char *secret;
  OutlayClickupSyncOptions options;
  OutlayClickupSummary summary;
  GMainContext *caller; /* where progress is reported */
  OutlayClickupProgressFunc progress;
  gpointer progress_data;
} SyncJob;

typedef struct
{
  SyncJob *job;
  const char *stage;
  guint done;
  guint total;
} Progress;

static gboolean
progress_on_caller_cb (gpointer data)
{
  Progress *p = data;

  p->job->progress (p->stage, p->done, p->total, p->job->progress_data);
  return G_SOURCE_REMOVE;
}

/* runs in the worker: hands the numbers to the caller's context */
static void
progress_from_thread (const char *stage, guint done, guint total, gpointer data)
{
  SyncJob *job = data;
  Progress *p = g_new0 (Progress, 1);

  p->job = job;
  p->stage = stage;
  p->done = done;
  p->total = total;
  g_main_context_invoke_full (job->caller, G_PRIORITY_DEFAULT, progress_on_caller_cb, p, g_free);
}

static void
sync_job_free (SyncJob *job)
{
  g_free (job->path);
  g_free (job->list_id);
  g_free (job->team_id);
  g_free (job->rule);
  if (job->secret)
    memset (job->secret, 0, strlen (job->secret));
  g_free (job->secret);
  outlay_clickup_summary_clear (&job->summary);
  g_main_context_unref (job->caller);
  g_free (job);
}

static char *keyring_token (GCancellable *cancellable, GError **error);

static gboolean
sync_job_run (SyncJob *job, GCancellable *cancellable, GError **error)
{
  g_autoptr (OutlayStore) store = outlay_store_open (job->path, error);
  g_autoptr (OutlayHttpClient) http = outlay_http_client_new (OUTLAY_HTTP_SERVICE_CLICKUP);

  if (store == NULL)
    return FALSE;
  if (job->secret == NULL && (job->secret = keyring_token (cancellable, error)) == NULL)
    return FALSE;
  outlay_http_client_set_secret (http, job->secret);
  return outlay_clickup_sync (store, http, job->budget_id, &job->options, &job->summary,
                              cancellable, error);
}

static void
sync_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  g_autoptr (GMainContext) context = g_main_context_new ();
  GError *error = NULL;
  gboolean ok;

  /* the HTTP client's callbacks run on this thread's own context */
  g_main_context_push_thread_default (context);
  ok = sync_job_run (data, cancellable, &error);
  g_main_context_pop_thread_default (context);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
outlay_clickup_sync_async (const char *database_path,
                           gint64 budget_id,
                           const OutlayClickupSyncOptions *options,
                           const char *secret,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  SyncJob *job = g_new0 (SyncJob, 1);

  g_return_if_fail (database_path != NULL && options != NULL && options->list_id != NULL);

  g_task_set_source_tag (task, outlay_clickup_sync_async);
  job->path = g_strdup (database_path);
  job->budget_id = budget_id;
  job->options = *options;
  job->options.list_id = job->list_id = g_strdup (options->list_id);
  job->options.team_id = job->team_id = g_strdup (options->team_id);
  job->options.rule = job->rule = g_strdup (options->rule);
  job->secret = g_strdup (secret);
  job->caller = g_main_context_ref_thread_default ();
  job->progress = options->progress;
  job->progress_data = options->progress_data;
  if (job->progress)
    {
      job->options.progress = progress_from_thread;
      job->options.progress_data = job;
    }
  g_task_set_task_data (task, job, (GDestroyNotify) sync_job_free);
  g_task_run_in_thread (task, sync_thread);
}

gboolean
outlay_clickup_sync_finish (GAsyncResult *result, OutlayClickupSummary *summary, GError **error)
{
  SyncJob *job = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  *summary = job->summary;
  memset (&job->summary, 0, sizeof job->summary);
  return TRUE;
}

/* ---- the lists, from a worker thread ---- */

static char *
keyring_token (GCancellable *cancellable, GError **error)
{
  char *stored = outlay_secrets_lookup ("clickup", cancellable, error);
  char *copy;

  if (stored == NULL)
    return NULL;
  copy = g_strdup (stored);
  outlay_secrets_free (stored);
  return copy;
}

static void
lists_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (OutlayHttpClient) http = NULL;
  g_autofree char *secret = NULL;
  GError *error = NULL;
  JsonNode *lists = NULL;

  g_main_context_push_thread_default (context);
  if ((secret = data ? g_strdup (data) : keyring_token (cancellable, &error)) != NULL)
    {
      http = outlay_http_client_new (OUTLAY_HTTP_SERVICE_CLICKUP);
      outlay_http_client_set_secret (http, secret);
      memset (secret, 0, strlen (secret));
      lists = outlay_clickup_lists (http, cancellable, &error);
    }
  g_main_context_pop_thread_default (context);
  if (lists != NULL)
    g_task_return_pointer (task, lists, (GDestroyNotify) json_node_unref);
  else
    g_task_return_error (task, error);
}

void
outlay_clickup_lists_async (const char *secret,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, outlay_clickup_lists_async);
  g_task_set_task_data (task, g_strdup (secret), g_free);
  g_task_run_in_thread (task, lists_thread);
}

JsonNode *
outlay_clickup_lists_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
