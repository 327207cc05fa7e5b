/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A ClickUp import of 20,000 tasks and 100,000 time entries from the local
 * fake ClickUp (another process, tests/servers), at ClickUp's 100 requests
 * a minute, then a re-sync with nothing changed:
 *   bench-clickup [--tasks N] [--entries N] [--rate N]
 * Prints the requests made (pages + windows), requests a minute, the wall
 * time (mostly the rate limit's waits), Outlay's own CPU time (this
 * process: HTTP, JSON, mapping, SQLite) and the server's CPU time. */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sys/resource.h>

#include "outlay-clickup.h"
#include "outlay-store-private.h"

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static void
run (OutlayStore *store, OutlayHttpClient *http, gint64 budget, const char *label)
{
  OutlayClickupSyncOptions options = { .list_id = "124", .rule = "tag" };
  OutlayClickupSummary summary = { 0 };
  g_autoptr (GError) error = NULL;
  guint before = outlay_http_client_get_request_count (http);
  int changes = sqlite3_total_changes (outlay_store_get_db (store));
  double cpu = cpu_seconds ();
  gint64 wall = g_get_monotonic_time ();
  guint requests;
  double minutes;

  if (!outlay_clickup_sync (store, http, budget, &options, &summary, NULL, &error))
    g_error ("%s", error->message);
  wall = g_get_monotonic_time () - wall;
  cpu = cpu_seconds () - cpu;
  requests = outlay_http_client_get_request_count (http) - before;
  minutes = wall / 60e6;
  g_print ("%-8s %5u requests  %6.1f req/min  wall %6.1f s  Outlay CPU %5.2f s  "
           "tasks +%u ~%u =%u  entries +%u ~%u =%u  rows written %d\n",
           label, requests, minutes > 1 ? requests / minutes : (double) requests, wall / 1e6, cpu,
           summary.tasks_added, summary.tasks_updated, summary.tasks_unchanged,
           summary.entries_added, summary.entries_updated, summary.entries_unchanged,
           sqlite3_total_changes (outlay_store_get_db (store)) - changes);
  outlay_clickup_summary_clear (&summary);
}

int
main (int argc, char **argv)
{
  int tasks = 20000, entries = 100000, rate = 100;
  GOptionEntry options[] = {
    { "tasks", 0, 0, G_OPTION_ARG_INT, &tasks, "Tasks in the list", "N" },
    { "entries", 0, 0, G_OPTION_ARG_INT, &entries, "Time entries over a year", "N" },
    { "rate", 0, 0, G_OPTION_ARG_INT, &rate, "Requests a minute (ClickUp's is 100)", "N" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) server = NULL;
  g_autoptr (GDataInputStream) out = NULL;
  g_autoptr (GOutputStream) sink = NULL;
  g_autoptr (OutlayStore) store = NULL;
  g_autoptr (OutlayHttpClient) http = NULL;
  g_autofree char *line = NULL, *dir = NULL, *db = NULL, *t = NULL, *e = NULL, *r = NULL,
                  *report = NULL;
  g_auto (GStrv) urls = NULL;
  gint64 budget;

  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  t = g_strdup_printf ("%d", tasks);
  e = g_strdup_printf ("%d", entries);
  r = g_strdup_printf ("%d", rate);
  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                             &error,
                             g_getenv ("OUTLAY_FAKE_SERVER") ? g_getenv ("OUTLAY_FAKE_SERVER")
                                                             : "tests/servers/outlay-fake-server",
                             "--tasks", t, "--entries", e, "--rate-limit", r, NULL);
  if (server == NULL)
    g_error ("%s", error->message);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  if ((line = g_data_input_stream_read_line (out, NULL, NULL, &error)) == NULL)
    g_error ("the fake server did not start");
  urls = g_strsplit (line, " ", 2);

  dir = g_dir_make_tmp ("outlay-bench-clickup-XXXXXX", &error);
  db = g_build_filename (dir, "bench.db", NULL);
  if ((store = outlay_store_open (db, &error)) == NULL
      || (budget = outlay_store_create_budget (store, "blank", "ClickUp bench", "EUR", &error))
             == 0)
    g_error ("%s", error->message);
  http = outlay_http_client_new (OUTLAY_HTTP_SERVICE_CLICKUP);
  outlay_http_client_set_base_url (http, urls[0]);
  outlay_http_client_set_secret (http, "pk_183_ZP7QK4C1Q9S3LR2W8YBJ0V6H5NMXTDAE");
  outlay_http_client_set_rate_limit (http, rate);

  g_print ("ClickUp import: %d tasks, %d time entries over a year, %d requests/min allowed\n",
           tasks, entries, rate);
  run (store, http, budget, "import");
  run (store, http, budget, "re-sync");

  g_subprocess_send_signal (server, SIGTERM);
  sink = g_memory_output_stream_new_resizable ();
  g_output_stream_splice (sink, g_subprocess_get_stderr_pipe (server),
                          G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, NULL);
  g_subprocess_wait (server, NULL, NULL);
  report = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (sink)),
                      g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (sink)));
  g_print ("server (another process): %s", report);
  g_clear_object (&store);
  g_unlink (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL), *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
