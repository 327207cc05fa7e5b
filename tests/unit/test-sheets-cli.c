/* SPDX-License-Identifier: GPL-3.0-or-later */

#define _GNU_SOURCE

/* outlay-cli connect google and sheets push|sync|status end to end: the
 * CLI runs as a program against the fake Google served by this test (its
 * main loop turns while the CLI runs), the browser is the fake browser,
 * the keyring libsecret's file backend.  Afterwards no token is in the
 * database or in anything the CLI printed. */

#include <gio/gio.h>
#include <string.h>

#include "outlay-fake-google.h"
#include "outlay-store.h"
#include "outlay-test-util.h"

#include "../bench/bench-budget.h"

typedef struct
{
  char *dir;
  OutlayFakeGoogle *google;
  GString *output;
} Run;

typedef struct
{
  char *out;
  gboolean done;
} Result;

static void
communicated_cb (GObject *source, GAsyncResult *res, gpointer data)
{
  Result *result = data;
  g_autoptr (GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), res, &result->out, NULL, &error);
  g_assert_no_error (error);
  result->done = TRUE;
}

static int
cli (Run *run, char **out, ...)
{
  g_autoptr (GSubprocessLauncher) l = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                                                 | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                                 | G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *db = g_build_filename (run->dir, "outlay.db", NULL);
  g_autofree char *keyring = g_build_filename (run->dir, "keyring", NULL);
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) error = NULL;
  Result result = { 0 };
  const char *arg;
  va_list args;

  g_subprocess_launcher_setenv (l, "SECRET_BACKEND", "file", TRUE);
  g_subprocess_launcher_setenv (l, "SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_subprocess_launcher_setenv (l, "SECRET_FILE_TEST_PASSWORD", "test-keyring-password", TRUE);
  g_subprocess_launcher_setenv (l, "BROWSER", g_getenv ("OUTLAY_FAKE_BROWSER"), TRUE);
  g_subprocess_launcher_setenv (l, "G_MESSAGES_DEBUG", "all", TRUE);
  g_ptr_array_add (argv, (char *) g_getenv ("OUTLAY_CLI"));
  g_ptr_array_add (argv, "--database");
  g_ptr_array_add (argv, db);
  va_start (args, out);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_launcher_spawnv (l, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (proc, "", NULL, communicated_cb, &result);
  /* the fake Google answers from this loop */
  while (!result.done)
    g_main_context_iteration (NULL, TRUE);
  g_subprocess_wait (proc, NULL, NULL);
  g_string_append (run->output, result.out);
  if (!g_subprocess_get_if_exited (proc))
    g_error ("outlay-cli did not exit normally:\n%s", result.out);
  if (out)
    *out = g_steal_pointer (&result.out);
  g_free (result.out);
  return g_subprocess_get_exit_status (proc);
}

static gboolean
file_contains (const char *path, const char *needle)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return FALSE;
  return memmem (data, len, needle, strlen (needle)) != NULL;
}

static void
test_cli (void)
{
  Run run = { .dir = outlay_test_make_dir (), .output = g_string_new (NULL) };
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayStore) store = NULL;
  g_autoptr (OutlayDocument) doc = bench_build_budget (12, NULL);
  g_autofree char *db = g_build_filename (run.dir, "outlay.db", NULL);
  g_autofree char *out = NULL;
  const char *id;
  gint64 detail;

  run.google = outlay_fake_google_new (&error);
  g_assert_no_error (error);
  outlay_fake_google_setenv (run.google);
  store = outlay_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_store_save_new_document (store, doc, NULL, NULL, NULL, &error));
  g_clear_object (&store);

  g_assert_cmpint (cli (&run, &out, "sheets", "push", "Benchmark", NULL), ==, 1);
  g_assert_nonnull (strstr (out, "Google is not connected"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (&run, &out, "connect", "google", "--timeout", "30", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Connected to Google"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (cli (&run, &out, "sheets", "push", "Benchmark", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"created\" : true"));
  g_assert_nonnull (strstr (out, "\"requests\" : 3"));
  g_clear_pointer (&out, g_free);
  id = outlay_fake_google_last_id (run.google);
  detail = outlay_fake_google_sheet_id (run.google, id, 1);
  g_assert_cmpuint (outlay_fake_google_used_rows (run.google, id, detail), ==, 13);

  /* an edit there comes in */
  outlay_fake_google_set_cell (run.google, id, detail, 2, 10,
                               json_node_init_string (json_node_alloc (), "Booked"));
  g_assert_cmpint (cli (&run, &out, "sheets", "sync", "Benchmark", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "1 line changed there"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (&run, &out, "sheets", "sync", "Benchmark", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Nothing changed (1 request)"));
  g_clear_pointer (&out, g_free);

  /* a conflict: reported, exit 3, then resolved from the CLI */
  outlay_fake_google_set_cell (run.google, id, detail, 3, 2,
                               json_node_init_string (json_node_alloc (), "THERE"));
  g_assert_cmpint (cli (&run, &out, "set", "Benchmark", "--line", "03-00001", "--field", "code",
                        "--value", "HERE", NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (&run, &out, "sheets", "sync", "Benchmark", NULL), ==, 3);
  g_assert_nonnull (strstr (out, "Conflict: row 4"));
  g_assert_nonnull (strstr (out, "here “HERE”, there “THERE”"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (&run, &out, "sheets", "sync", "Benchmark", "--prefer", "remote", NULL), ==,
                   0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (&run, &out, "sheets", "status", "Benchmark", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Linked to https://docs.google.com/spreadsheets/d/"));
  g_assert_nonnull (strstr (out, "1 line changed there"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (cli (&run, &out, "disconnect", "google", NULL), ==, 0);
  g_assert_cmpuint (outlay_fake_google_n_refresh_tokens (run.google), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpuint (outlay_fake_google_invalid (run.google), ==, 0);

  /* no token anywhere but the keyring */
  g_assert_null (strstr (run.output->str, "ya29."));
  g_assert_null (strstr (run.output->str, "1//0g"));
  g_assert_false (file_contains (db, "ya29."));
  g_assert_false (file_contains (db, "1//0g"));

  outlay_fake_google_free (run.google);
  g_string_free (run.output, TRUE);
  outlay_test_remove_dir (run.dir);
  g_free (run.dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sheets/cli", test_cli);
  return g_test_run ();
}
