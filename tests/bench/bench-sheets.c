/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Google Sheets sync of a 10,000-line budget against the local fake Google
 * (tests/servers, in this process, checking every request against the
 * discovery documents):
 *   bench-sheets [--lines N] [--edits N] [--runs N]
 * For a first push, the first sync after it, a sync with nothing changed,
 * a pull of N remote edits and a push of N local edits it prints the
 * requests sent to Sheets and Drive, the wall time, and the process's CPU
 * time split into the server's handlers (their thread CPU time) and
 * Outlay's own (the rest: building and parsing JSON, HTTP on both ends,
 * the merge, SQLite), which other programs on the machine do not move. */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sys/resource.h>

#include "outlay-fake-google.h"
#include "outlay-google-auth.h"
#include "outlay-secrets.h"
#include "outlay-sheets.h"
#include "outlay-store.h"

#include "bench-budget.h"

static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

typedef struct
{
  OutlayFakeGoogle *google;
  OutlaySheetsService *service;
  OutlayStore *store;
  OutlayDocument *doc;
} Bench;

static void
measure (Bench *b, const char *label, OutlaySheetsMode mode, guint expect_max)
{
  OutlaySheetsOptions options = { .mode = mode };
  OutlaySheetsSummary summary = { 0 };
  g_autoptr (GError) error = NULL;
  gint64 wall;
  double server, cpu;

  outlay_fake_google_reset_counts (b->google);
  wall = g_get_monotonic_time ();
  cpu = cpu_ms ();
  if (!outlay_sheets_sync (b->service, b->store, b->doc, &options, &summary, NULL, &error))
    g_error ("%s: %s", label, error->message);
  cpu = cpu_ms () - cpu;
  wall = g_get_monotonic_time () - wall;
  server = outlay_fake_google_busy_us (b->google) / 1e3;
  g_print ("%-22s %u requests (target <= %u)  wall %7.1f ms  CPU %7.1f ms: server %6.1f, "
           "Outlay %6.1f ms  [%s]\n",
           label, summary.requests, expect_max, wall / 1e3, cpu, server, cpu - server,
           summary.journal);
  if (outlay_fake_google_invalid (b->google) > 0)
    g_error ("the fake refused %u requests as invalid", outlay_fake_google_invalid (b->google));
  outlay_sheets_summary_clear (&summary);
}

int
main (int argc, char **argv)
{
  int lines = 10000, edits = 100, runs = 1;
  GOptionEntry entries[] = {
    { "lines", 0, 0, G_OPTION_ARG_INT, &lines, "Budget lines", "N" },
    { "edits", 0, 0, G_OPTION_ARG_INT, &edits, "Cells edited on each side", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Repeat everything", "N" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-sheets-XXXXXX", NULL);
  g_autofree char *keyring = g_build_filename (dir, "keyring", NULL);
  g_autofree char *browser = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "bench", TRUE);
  browser = g_build_filename (g_path_get_dirname (argv[0]), "..", "servers", "outlay-fake-browser",
                              NULL);
  g_setenv ("BROWSER",
            g_getenv ("OUTLAY_FAKE_BROWSER") ? g_getenv ("OUTLAY_FAKE_BROWSER") : browser, TRUE);

  for (int r = 0; r < runs; r++)
    {
      Bench b = { 0 };
      g_autoptr (OutlayGoogleAuth) auth = outlay_google_auth_new ();
      g_autofree char *db = g_strdup_printf ("%s/run%d.db", dir, r);
      g_autoptr (GRand) rand = g_rand_new_with_seed (7);
      const char *id;
      gint64 detail;

      if ((b.google = outlay_fake_google_new (&error)) == NULL)
        g_error ("%s", error->message);
      outlay_fake_google_setenv (b.google);
      g_clear_object (&auth);
      auth = outlay_google_auth_new ();
      if (!outlay_google_auth_sign_in (auth, 30, NULL, &error))
        g_error ("%s", error->message);
      b.service = outlay_sheets_service_new (auth);
      /* the budget for the quota is the user's 60 a minute: not hit here */
      if ((b.store = outlay_store_open (db, &error)) == NULL)
        g_error ("%s", error->message);
      b.doc = bench_build_budget (lines, NULL);
      if (!outlay_store_save_new_document (b.store, b.doc, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      g_print ("run %d: %d lines, %d edits\n", r + 1, lines, edits);

      measure (&b, "first push", OUTLAY_SHEETS_SYNC, 3);
      measure (&b, "first sync after it", OUTLAY_SHEETS_SYNC, 3);
      measure (&b, "nothing changed", OUTLAY_SHEETS_SYNC, 1);

      id = outlay_fake_google_last_id (b.google);
      detail = outlay_fake_google_sheet_id (b.google, id, 1);
      for (int i = 0; i < edits; i++)
        {
          guint row = 1 + g_rand_int_range (rand, 0, lines);
          g_autofree char *note = g_strdup_printf ("Remote note %d", i);

          outlay_fake_google_set_cell (b.google, id, detail, row, 10,
                                       json_node_init_string (json_node_alloc (), note));
        }
      measure (&b, "pull of remote edits", OUTLAY_SHEETS_SYNC, 3);

      for (int i = 0; i < edits; i++)
        {
          guint n = g_rand_int_range (rand, 0, outlay_document_get_n_lines (b.doc));
          OutlaySection *section = outlay_document_get_section (b.doc, n % BENCH_N_SECTIONS);
          OutlayLine *line = outlay_section_get_line (
              section, (n / BENCH_N_SECTIONS) % outlay_section_get_n_lines (section));

          if (!outlay_document_set_line_text (b.doc, line, OUTLAY_LINE_QUANTITY, "3", &error))
            g_error ("%s", error->message);
        }
      measure (&b, "push of local edits", OUTLAY_SHEETS_SYNC, 2);
      measure (&b, "nothing changed", OUTLAY_SHEETS_SYNC, 3);
      measure (&b, "nothing changed", OUTLAY_SHEETS_SYNC, 1);

      g_clear_object (&b.doc);
      g_clear_object (&b.store);
      outlay_sheets_service_free (b.service);
      outlay_fake_google_free (b.google);
      g_unlink (db);
    }
  outlay_secrets_clear ("google", NULL, NULL, NULL);
  g_unlink (keyring);
  g_rmdir (dir);
  return 0;
}
