/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The HTTP layer and the ClickUp sync against the local fake ClickUp
 * (tests/servers): every fault ends in success after retries or a clear
 * message, the database is as before or as after a complete sync, and no
 * task or time entry is ever duplicated. */

#include "outlay-clickup.h"
#include "outlay-error.h"
#include "outlay-fake-server.h"
#include "outlay-http-client.h"
#include "outlay-json-scan.h"
#include "outlay-store-private.h"
#include "outlay-test-util.h"

#define FIRST_MS 1735689600000 /* 2025-01-01 */
#define LAST_MS 1751328000000  /* 2025-07-01 */
#define NOW_MS 1751414400000   /* 2025-07-02 */

typedef struct
{
  char *dir;
  OutlayStore *store;
  OutlayFakeServer *server;
  OutlayHttpClient *http;
  gint64 budget;
} Fixture;

static void
add_lines (Fixture *f)
{
  g_autofree char *sql = g_strdup_printf (
      "INSERT INTO sections (id, budget_id, position, code, name) VALUES (900, %" G_GINT64_FORMAT
      ", 0, 'C', 'Crew');"
      "INSERT INTO lines (id, budget_id, section_id, position, code, description) VALUES"
      " (901, %" G_GINT64_FORMAT ", 900, 0, '1100', 'Camera'), (902, %" G_GINT64_FORMAT
      ", 900, 1, '1200', 'Crew'),"
      " (903, %" G_GINT64_FORMAT ", 900, 2, '1300', 'Build');",
      f->budget, f->budget, f->budget, f->budget);

  g_assert_true (outlay_store_exec (f->store, sql, NULL));
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = outlay_test_make_dir ();
  path = g_build_filename (f->dir, "outlay.db", NULL);
  f->store = outlay_store_open (path, &error);
  g_assert_no_error (error);
  f->budget = outlay_store_create_budget (f->store, "blank", "Film", "EUR", &error);
  g_assert_no_error (error);
  add_lines (f);
  f->server = outlay_fake_server_new (&error);
  g_assert_no_error (error);
  outlay_fake_server_generate (f->server, "124", 250, 600, FIRST_MS, LAST_MS);
  f->http = outlay_http_client_new (OUTLAY_HTTP_SERVICE_CLICKUP);
  outlay_http_client_set_base_url (f->http, outlay_fake_server_clickup_url (f->server));
  outlay_http_client_set_secret (f->http, OUTLAY_FAKE_CLICKUP_TOKEN);
  /* waits shrink a thousandfold; a stalled answer fails after 1 s */
  outlay_http_client_set_delay_scale (f->http, 0.001);
  outlay_http_client_set_timeout (f->http, 1);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_assert_cmpuint (outlay_fake_server_invalid (f->server), ==, 0);
  g_clear_object (&f->http);
  g_clear_pointer (&f->server, outlay_fake_server_free);
  g_clear_object (&f->store);
  outlay_test_remove_dir (f->dir);
  g_free (f->dir);
}

static gint64
count (Fixture *f, const char *sql)
{
  return outlay_test_query_int (outlay_store_get_db (f->store), sql);
}

static char *
picture (Fixture *f)
{
  g_autoptr (GString) s = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (
      outlay_store_get_db (f->store),
      "SELECT 't', external_id, name, status, estimated_hours, coalesce(line_id, 0), "
      "coalesce(due_date, '') FROM tasks"
      " UNION ALL SELECT 'e', external_id, date, hours, task_id, coalesce(person_id, 0), '' FROM "
      "time_entries"
      " UNION ALL SELECT 'p', external_id, name, email, 0, 0, '' FROM people ORDER BY 1, 2",
      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < 7; i++)
        g_string_append_printf (s, "%s|", sqlite3_column_text (stmt, i));
      g_string_append_c (s, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
run_sync (Fixture *f,
          const char *rule,
          gboolean full,
          gboolean remove,
          gboolean dry_run,
          OutlayClickupSummary *summary,
          GError **error)
{
  OutlayClickupSyncOptions options = {
    .list_id = "124",
    .rule = rule,
    .now_ms = NOW_MS,
    .full = full,
    .remove_deleted = remove,
    .dry_run = dry_run,
  };

  return outlay_clickup_sync (f->store, f->http, f->budget, &options, summary, NULL, error);
}

static void
sync_ok (Fixture *f, OutlayClickupSummary *summary)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (run_sync (f, "name", FALSE, FALSE, FALSE, summary, &error));
  g_assert_no_error (error);
}

/* 250 tasks: three pages; January to July 2025: seven month windows */
static void
test_full_sync (Fixture *f, gconstpointer data)
{
  OutlayClickupSummary summary = { 0 };
  gint64 hours = 0;

  sync_ok (f, &summary);
  g_assert_cmpuint (summary.tasks_added, ==, 250);
  g_assert_cmpuint (summary.entries_added, ==, 600);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tasks WHERE external_source = 'clickup'"), ==,
                   250);
  g_assert_cmpint (count (f, "SELECT count(*) FROM time_entries WHERE source = 'clickup'"), ==,
                   600);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE external_id LIKE 'clickup:%'"), ==,
                   2);
  /* 2 h as a number, 2.4 h as a string, none as null */
  g_assert_cmpint (count (f, "SELECT estimated_hours FROM tasks WHERE external_id = 't000000'"), ==,
                   20000);
  g_assert_cmpint (count (f, "SELECT estimated_hours FROM tasks WHERE external_id = 't000001'"), ==,
                   24000);
  g_assert_cmpint (count (f, "SELECT estimated_hours FROM tasks WHERE external_id = 't000002'"), ==,
                   0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tasks WHERE status = 'done'"), ==, 83);
  /* 15 min + (i % 16) × 7.5 min each: exact in ten-thousandths of an hour */
  for (guint i = 0; i < 600; i++)
    hours += 2500 + (i % 16) * 1250;
  g_assert_cmpint (count (f, "SELECT sum(hours) FROM time_entries"), ==, hours);
  g_assert_cmpuint (outlay_fake_server_count (f->server, "/v2/list/124/task"), ==, 3);
  g_assert_cmpuint (outlay_fake_server_count (f->server, "/time_entries"), ==, 7);
  g_assert_cmpuint (outlay_fake_server_count (f->server, "assignee=183,184"), ==, 7);
  g_assert_cmpuint (outlay_fake_server_total (f->server), ==, 1 + 3 + 7);
  outlay_clickup_summary_clear (&summary);
}

static void
test_resync_unchanged (Fixture *f, gconstpointer data)
{
  OutlayClickupSummary summary = { 0 };
  int changes;

  sync_ok (f, &summary);
  outlay_clickup_summary_clear (&summary);
  changes = sqlite3_total_changes (outlay_store_get_db (f->store));
  sync_ok (f, &summary);
  /* one request for the list's changed tasks, one per window, no write */
  g_assert_cmpuint (outlay_fake_server_count (f->server, "/v2/list/124/task"), ==, 3 + 1);
  g_assert_cmpuint (outlay_fake_server_count (f->server, "date_updated_gt="), ==, 1);
  g_assert_cmpuint (outlay_fake_server_count (f->server, "/time_entries"), ==, 7 + 7);
  g_assert_cmpuint (summary.tasks_added + summary.tasks_updated + summary.entries_added
                        + summary.entries_updated,
                    ==, 0);
  g_assert_cmpuint (summary.entries_unchanged, ==, 600);
  g_assert_cmpint (sqlite3_total_changes (outlay_store_get_db (f->store)), ==, changes);
  outlay_clickup_summary_clear (&summary);
}

static void
test_incremental (Fixture *f, gconstpointer data)
{
  OutlayClickupSummary summary = { 0 };

  sync_ok (f, &summary);
  outlay_clickup_summary_clear (&summary);
  outlay_fake_server_rename_task (f->server, "t000007", "1100 Camera tests", LAST_MS + 1000);
  outlay_fake_server_delete_entry (f->server, "1963465985");
  sync_ok (f, &summary);
  g_assert_cmpuint (summary.tasks_updated, ==, 1);
  g_assert_cmpuint (summary.tasks_added, ==, 0);
  g_assert_cmpuint (summary.entries_removed, ==, 1);
  g_assert_cmpint (count (f, "SELECT line_id FROM tasks WHERE external_id = 't000007'"), ==, 901);
  g_assert_cmpint (count (f, "SELECT count(*) FROM time_entries"), ==, 599);
  outlay_clickup_summary_clear (&summary);
}

static void
test_deleted_summary_first (Fixture *f, gconstpointer data)
{
  OutlayClickupSummary summary = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  sync_ok (f, &summary);
  outlay_clickup_summary_clear (&summary);
  outlay_fake_server_delete_task (f->server, "t000010");
  before = picture (f);
  g_assert_true (run_sync (f, "name", TRUE, TRUE, TRUE, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.tasks_removed, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (summary.removed_names, 0), ==, "post task 10");
  after = picture (f);
  g_assert_cmpstr (before, ==, after);
  outlay_clickup_summary_clear (&summary);

  g_assert_true (run_sync (f, "name", TRUE, TRUE, FALSE, &summary, &error));
  g_assert_cmpuint (summary.tasks_removed, ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tasks WHERE external_id = 't000010'"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tasks"), ==, 249);
  outlay_clickup_summary_clear (&summary);
}

static void
test_rules (Fixture *f, gconstpointer data)
{
  OutlayClickupSummary summary = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_true (run_sync (f, "field:Phase", FALSE, FALSE, FALSE, &summary, &error));
  g_assert_no_error (error);
  /* the drop-down's first option is "Build" (line 1300); odd tasks pick "Shoot" */
  g_assert_cmpint (count (f, "SELECT count(*) FROM tasks WHERE line_id = 903"), ==, 125);
  outlay_clickup_summary_clear (&summary);
  g_assert_true (run_sync (f, "tag", TRUE, FALSE, FALSE, &summary, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM tasks WHERE line_id = 901"), ==, 63);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tasks WHERE line_id = 902"), ==, 63);
  /* all but the "travel" tasks, which map to no line either way */
  g_assert_cmpuint (summary.tasks_updated, ==, 250 - 62);
  outlay_clickup_summary_clear (&summary);
  g_assert_false (run_sync (f, "colour", FALSE, FALSE, FALSE, &summary, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
}

/* Faults that clear: the sync succeeds with exactly one copy of everything */
static void
test_transient_faults (Fixture *f, gconstpointer data)
{
  static const struct
  {
    const char *prefix;
    OutlayFakeFault fault;
  } faults[] = {
    { "/v2/list/124/task", OUTLAY_FAKE_429_RETRY_AFTER },
    { "/v2/list/124/task", OUTLAY_FAKE_429_RATE_RESET },
    { "/v2/list/124/task", OUTLAY_FAKE_500 },
    { "/v2/list/124/task", OUTLAY_FAKE_503 },
    { "/v2/list/124/task", OUTLAY_FAKE_SLOW },
    { "/v2/list/124/task", OUTLAY_FAKE_RESET },
    { "/v2/team/9012345/time_entries", OUTLAY_FAKE_TRUNCATED },
    { "/v2/team/9012345/time_entries", OUTLAY_FAKE_NOT_JSON },
    { "/v2/team/9012345/time_entries", OUTLAY_FAKE_RESET },
  };
  OutlayClickupSummary summary = { 0 };
  guint retries = 0;

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      guint before = outlay_fake_server_total (f->server);

      outlay_fake_server_push_fault (f->server, faults[i].prefix, faults[i].fault);
      sync_ok (f, &summary);
      g_assert_cmpint (count (f, "SELECT count(*) FROM tasks"), ==, 250);
      g_assert_cmpint (count (f, "SELECT count(*) FROM time_entries"), ==, 600);
      g_assert_cmpint (count (f, "SELECT count(DISTINCT external_id) FROM time_entries"), ==, 600);
      /* the failed attempt was sent again */
      retries += outlay_fake_server_total (f->server) - before;
      outlay_clickup_summary_clear (&summary);
    }
  g_assert_cmpuint (retries, ==, (1 + 3 + 7) + 8 * (1 + 1 + 7) + G_N_ELEMENTS (faults));
}

/* Faults that last: a clear message, and the database as before */
static void
test_lasting_fault (Fixture *f, gconstpointer data)
{
  OutlayClickupSummary summary = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *complete = NULL;

  sync_ok (f, &summary);
  outlay_clickup_summary_clear (&summary);
  outlay_fake_server_rename_task (f->server, "t000003", "renamed", LAST_MS + 1000);
  before = picture (f);
  for (guint i = 0; i < 5; i++)
    outlay_fake_server_push_fault (f->server, "/v2/team/9012345/time_entries", OUTLAY_FAKE_503);
  g_assert_false (run_sync (f, "name", FALSE, FALSE, FALSE, &summary, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "ClickUp kept failing"));
  g_assert_nonnull (strstr (error->message, "try again later"));
  after = picture (f);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  /* the same sync again: as if it had never been interrupted */
  sync_ok (f, &summary);
  g_assert_cmpuint (summary.tasks_updated, ==, 1);
  complete = picture (f);
  g_assert_nonnull (strstr (complete, "|renamed|"));
  outlay_clickup_summary_clear (&summary);
}

static void
test_revoked_token (Fixture *f, gconstpointer data)
{
  OutlayClickupSummary summary = { 0 };
  g_autoptr (GError) error = NULL;

  sync_ok (f, &summary);
  outlay_clickup_summary_clear (&summary);
  outlay_fake_server_revoke_tokens (f->server);
  g_assert_false (run_sync (f, "name", FALSE, FALSE, FALSE, &summary, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "ClickUp refused the token"));
  g_assert_nonnull (strstr (error->message, "OAUTH_025"));
  /* a refused token is not retried */
  g_assert_cmpuint (outlay_fake_server_total (f->server), ==, (1 + 3 + 7) + 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tasks"), ==, 250);
}

static void
test_deleted_between_pages (Fixture *f, gconstpointer data)
{
  OutlayClickupSummary summary = { 0 };

  /* after page 0 the list's last task (on page 2) is deleted */
  outlay_fake_server_push_fault (f->server, "/v2/list/124/task", OUTLAY_FAKE_DELETE_TASK);
  sync_ok (f, &summary);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tasks"), ==, 249);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tasks WHERE external_id = 't000249'"), ==, 0);
  /* its time entries had no task to go to */
  g_assert_cmpuint (summary.entries_skipped, ==, 2);
  outlay_clickup_summary_clear (&summary);
}

static void
test_unknown_list (Fixture *f, gconstpointer data)
{
  OutlayClickupSyncOptions options = { .list_id = "999", .rule = "name", .now_ms = NOW_MS };
  OutlayClickupSummary summary = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_false (
      outlay_clickup_sync (f->store, f->http, f->budget, &options, &summary, NULL, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "does not know"));
}

static void
test_lists (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) lists = outlay_clickup_lists (f->http, NULL, &error);
  g_autofree char *account = NULL, *workspaces = NULL;
  JsonArray *array;

  g_assert_no_error (error);
  array = json_node_get_array (lists);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "list"),
                   ==, "Sprint");
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (array, 1), "list_id"), ==,
      "125");
  g_assert_true (outlay_clickup_check (f->http, &account, &workspaces, NULL, &error));
  g_assert_cmpstr (account, ==, "Ann Archer <ann@example.com>");
  g_assert_cmpstr (workspaces, ==, "Acme");
}

typedef struct
{
  Fixture *f;
  GCancellable *cancellable;
  GAsyncResult *result;
  GString *progress;
} Async;

static void
progress_cb (const char *stage, guint done, guint total, gpointer data)
{
  GString *s = ((Async *) data)->progress;

  /* on the caller's thread, in order */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_string_append_printf (s, "%s %u/%u;", stage, done, total);
}

static void
async_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  ((Async *) data)->result = g_object_ref (result);
}

/* Cancel once the sync waits on a page that never comes */
static gboolean
cancel_when_stalled_cb (gpointer data)
{
  Async *a = data;

  if (outlay_fake_server_count (a->f->server, "page=1") == 0)
    return G_SOURCE_CONTINUE;
  g_cancellable_cancel (a->cancellable);
  return G_SOURCE_REMOVE;
}

static gboolean
run_async (Fixture *f, GCancellable *cancellable, OutlayClickupSummary *summary, GError **error)
{
  OutlayClickupSyncOptions options = {
    .list_id = "124", .rule = "name", .now_ms = NOW_MS, .progress = progress_cb
  };
  g_autoptr (GString) steps = g_string_new (NULL);
  Async a = { f, cancellable, NULL, steps };
  gboolean ok;

  options.progress_data = &a;
  /* the worker makes its own client: it finds the server as users would */
  g_setenv ("OUTLAY_CLICKUP_URL", outlay_fake_server_clickup_url (f->server), TRUE);
  outlay_clickup_sync_async (outlay_store_get_path (f->store), f->budget, &options,
                             OUTLAY_FAKE_CLICKUP_TOKEN, cancellable, async_done_cb, &a);
  if (cancellable)
    g_timeout_add (10, cancel_when_stalled_cb, &a);
  /* the fake server answers on this thread while the sync runs in its own */
  while (a.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  ok = outlay_clickup_sync_finish (a.result, summary, error);
  g_object_unref (a.result);
  if (ok)
    g_assert_cmpstr (steps->str, ==,
                     "tasks 1/0;tasks 2/0;tasks 3/3;time 1/7;time 2/7;time 3/7;time 4/7;"
                     "time 5/7;time 6/7;time 7/7;");
  return ok;
}

static void
test_async (Fixture *f, gconstpointer data)
{
  OutlayClickupSummary summary = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_true (run_async (f, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.tasks_added, ==, 250);
  g_assert_cmpint (count (f, "SELECT count(*) FROM time_entries"), ==, 600);
  outlay_clickup_summary_clear (&summary);
}

static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  OutlayClickupSummary summary = { 0 };
  g_autoptr (GError) error = NULL;

  outlay_fake_server_push_fault (f->server, "/v2/list/124/task", OUTLAY_FAKE_SLOW);
  outlay_fake_server_push_fault (f->server, "/v2/list/124/task", OUTLAY_FAKE_SLOW);
  g_assert_false (run_async (f, cancellable, &summary, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tasks"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, 0);
}

static void
test_retry_headers (void)
{
  g_autoptr (JsonNode) info = json_from_string (
      "{\"error\":{\"code\":429,\"details\":[{\"@type\":\"type.googleapis.com/"
      "google.rpc.RetryInfo\",\"retryDelay\":\"26.5s\"}]}}",
      NULL);
  g_autoptr (JsonNode) daily = json_from_string (
      "{\"error\":{\"code\":429,\"details\":[{\"@type\":\"type.googleapis.com/"
      "google.rpc.QuotaFailure\","
      "\"violations\":[{\"quotaId\":\"GenerateRequestsPerDayPerProjectPerModel-FreeTier\"}]}]}}",
      NULL);

  g_assert_cmpint (outlay_http_parse_retry_after ("7", 0), ==, 7);
  g_assert_cmpint (outlay_http_parse_retry_after ("Wed, 21 Oct 2015 07:28:00 GMT", 1445412470), ==,
                   10);
  g_assert_cmpint (outlay_http_parse_retry_after ("soon", 0), ==, -1);
  g_assert_cmpint (outlay_http_parse_google_retry_delay_ms (info), ==, 26500);
  g_assert_false (outlay_http_is_daily_quota (info));
  g_assert_true (outlay_http_is_daily_quota (daily));
}

static void
test_windows (void)
{
  g_autoptr (GArray) w = outlay_clickup_windows (FIRST_MS + 5000, NOW_MS);

  /* Jan … Jul 2025, the last ending the day after "now" */
  g_assert_cmpuint (w->len, ==, 14);
  g_assert_cmpint (g_array_index (w, gint64, 0), ==, FIRST_MS);
  g_assert_cmpint (g_array_index (w, gint64, 13), ==, NOW_MS + 86400000);
  for (guint i = 1; i + 1 < w->len; i += 2)
    g_assert_cmpint (g_array_index (w, gint64, i), ==, g_array_index (w, gint64, i + 1));
}

/* The pruned reader keeps what is asked for, reads values as json-glib
 * does, and refuses what is not RFC 8259 JSON, in skipped values too */
static void
test_json_scan (void)
{
  static const char *const keep[] = { "data", "id", "user", "name", "n", NULL };
  static const char text[] =
      " {\"data\":[{\"id\":\"1\",\"skip\":{\"deep\":[1,2,{\"id\":\"x\"}],\"s\":\"a\\\"}\"},"
      "\"user\":{\"id\":183,\"name\":\"Ann \\u00c5\\ud83d\\ude00\\n\",\"email\":\"a@x\"},"
      "\"n\":-1.5e2},{\"id\":null,\"n\":[true,false,0]}],\"other\":1} ";
  static const char *const bad[] = {
    "{\"data\":[{\"id\":\"1\"}",     /* cut short */
    "{\"data\":[{\"id\":\"1\"}]} x", /* trailing text */
    "{\"skip\":[1,}",                /* bad in a skipped value */
    "{\"id\":\"\\ud83d\"}",          /* a lone surrogate */
    "{\"id\":01}",                   /* a leading zero */
    "{\"id\":\"a\tb\"}",             /* a raw control character */
    "<html>Bad gateway</html>",
  };
  g_autoptr (JsonNode) root = outlay_json_scan (text, strlen (text), keep);
  JsonObject *first, *user;
  JsonArray *data;

  g_assert_nonnull (root);
  g_assert_false (json_object_has_member (json_node_get_object (root), "other"));
  data = json_object_get_array_member (json_node_get_object (root), "data");
  g_assert_cmpuint (json_array_get_length (data), ==, 2);
  first = json_array_get_object_element (data, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, "1");
  g_assert_false (json_object_has_member (first, "skip"));
  user = json_object_get_object_member (first, "user");
  g_assert_cmpint (json_object_get_int_member (user, "id"), ==, 183);
  g_assert_cmpstr (json_object_get_string_member (user, "name"), ==,
                   "Ann \xc3\x85\xf0\x9f\x98\x80\n");
  g_assert_false (json_object_has_member (user, "email"));
  g_assert_cmpfloat (json_object_get_double_member (first, "n"), ==, -150.0);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (data, 1), "id"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                        json_array_get_object_element (data, 1), "n")),
                    ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_null (outlay_json_scan (bad[i], strlen (bad[i]), keep));
}

/* The fake ClickUp refuses what the published reference does not allow
 * (unknown or mistyped parameters, two scopes for time entries), as the
 * independent checker would; Outlay's own requests pass (teardown). */
static void
test_strict_server (Fixture *f, gconstpointer data)
{
  static const char *const paths[] = {
    "/v2/list/124/task?page=first",
    "/v2/list/124/task?includeClosed=true",
    "/v2/list/124/task?include_closed=yes",
    "/v2/list/124/task?order_by=name",
    "/v2/team/9012345/time_entries?start_date=0&end_date=1&list_id=124&space_id=790",
    "/v2/team/9012345/time_entries?assignee=ann",
    "/v2/team/9012345/time_entries?startDate=0",
    "/v2/space/790/folder?archived=0",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonNode) answer = outlay_http_client_request (f->http, "GET", paths[i], NULL,
                                                                NULL, &error);

      g_assert_null (answer);
      g_assert_nonnull (error);
      g_assert_cmpuint (outlay_fake_server_invalid (f->server), ==, i + 1);
    }
  outlay_fake_server_forget_invalid (f->server);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/http/retry-headers", test_retry_headers);
  g_test_add_func ("/clickup/windows", test_windows);
  g_test_add_func ("/http/json-scan", test_json_scan);
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/clickup/strict-server", test_strict_server);
  ADD ("/clickup/lists", test_lists);
  ADD ("/clickup/sync/full", test_full_sync);
  ADD ("/clickup/sync/unchanged", test_resync_unchanged);
  ADD ("/clickup/sync/incremental", test_incremental);
  ADD ("/clickup/sync/deleted-summary-first", test_deleted_summary_first);
  ADD ("/clickup/sync/rules", test_rules);
  ADD ("/clickup/fault/transient", test_transient_faults);
  ADD ("/clickup/fault/lasting", test_lasting_fault);
  ADD ("/clickup/fault/revoked-token", test_revoked_token);
  ADD ("/clickup/fault/deleted-between-pages", test_deleted_between_pages);
  ADD ("/clickup/fault/unknown-list", test_unknown_list);
  ADD ("/clickup/sync/async", test_async);
  ADD ("/clickup/fault/cancel", test_cancel);
  return g_test_run ();
}
