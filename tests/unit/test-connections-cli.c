/* SPDX-License-Identifier: GPL-3.0-or-later */

#define _GNU_SOURCE

/* outlay-cli's connections end to end against tests/servers' program,
 * with the keyring in libsecret's file backend: after a full run, the
 * database, the settings and every line logged hold no token or key. */

#include <gio/gio.h>
#include <string.h>

#include "outlay-fake-server.h"
#include "outlay-secrets.h"
#include "outlay-test-util.h"

typedef struct
{
  char *dir;
  GSubprocess *server;
  char *clickup_url;
  char *gemini_url;
  GString *output; /* everything every command printed */
} Run;

static GSubprocessLauncher *
launcher (Run *run)
{
  GSubprocessLauncher *l = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                                      | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                      | G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autofree char *keyring = g_build_filename (run->dir, "keyring", NULL);
  g_autofree char *config = g_build_filename (run->dir, "config", NULL);

  g_subprocess_launcher_setenv (l, "OUTLAY_CLICKUP_URL", run->clickup_url, TRUE);
  g_subprocess_launcher_setenv (l, "OUTLAY_GEMINI_URL", run->gemini_url, TRUE);
  g_subprocess_launcher_setenv (l, "SECRET_BACKEND", "file", TRUE);
  g_subprocess_launcher_setenv (l, "SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_subprocess_launcher_setenv (l, "SECRET_FILE_TEST_PASSWORD", "test-keyring-password", TRUE);
  /* settings written to a file we can search; every debug line logged */
  g_subprocess_launcher_setenv (l, "GSETTINGS_BACKEND", "keyfile", TRUE);
  g_subprocess_launcher_setenv (l, "XDG_CONFIG_HOME", config, TRUE);
  g_subprocess_launcher_setenv (l, "G_MESSAGES_DEBUG", "all", TRUE);
  return l;
}

static int
cli (Run *run, const char *input, char **out, ...)
{
  g_autoptr (GSubprocessLauncher) l = launcher (run);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *db = g_build_filename (run->dir, "outlay.db", NULL);
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  const char *arg;
  va_list args;

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
  g_subprocess_communicate_utf8 (proc, input ? input : "", NULL, &stdout_text, NULL, &error);
  g_assert_no_error (error);
  g_string_append (run->output, stdout_text);
  if (out)
    *out = g_strdup (stdout_text);
  /* a crash (or a sanitizer's report) says what happened */
  if (!g_subprocess_get_if_exited (proc))
    g_error ("outlay-cli did not exit normally:\n%s", stdout_text);
  return g_subprocess_get_exit_status (proc);
}

static void
start_server (Run *run)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDataInputStream) lines = NULL;
  g_autofree char *line = NULL;
  g_auto (GStrv) urls = NULL;

  run->server = g_subprocess_new (
      G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
      g_getenv ("OUTLAY_FAKE_SERVER"), "--tasks", "120", "--entries", "300", NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (run->server));
  line = g_data_input_stream_read_line (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  urls = g_strsplit (line, " ", 2);
  run->clickup_url = g_strdup (urls[0]);
  run->gemini_url = g_strdup (urls[1]);
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

/* Every file under @dir but the keyring itself */
static guint
grep_tree (const char *dir, const char *needle, guint *n_files)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint hits = 0;

  while (d && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        hits += grep_tree (path, needle, n_files);
      else if (!g_str_has_prefix (name, "keyring"))
        {
          (*n_files)++;
          hits += file_contains (path, needle);
        }
    }
  return hits;
}

static void
test_no_secret_anywhere (void)
{
  Run run = { .dir = outlay_test_make_dir (), .output = g_string_new (NULL) };
  g_autofree char *out = NULL;
  g_autofree char *keyring = NULL;
  guint n_files = 0;

  start_server (&run);
  g_assert_cmpint (cli (&run, "", &out, "connections", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"not-connected\""));
  g_clear_pointer (&out, g_free);
  /* a token on the command line is refused: ps would show it */
  g_assert_cmpint (cli (&run, "", NULL, "connect", "clickup", OUTLAY_FAKE_CLICKUP_TOKEN, NULL), ==,
                   2);
  g_assert_cmpint (cli (&run, "", NULL, "connect", "clickup", NULL), !=, 0);
  g_assert_cmpint (cli (&run, "pk_1_wrong\n", &out, "connect", "clickup", NULL), ==, 1);
  g_assert_nonnull (strstr (out, "ClickUp refused the token"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (&run, OUTLAY_FAKE_CLICKUP_TOKEN "\n", &out, "connect", "clickup", NULL), ==,
                   0);
  g_assert_nonnull (strstr (out, "Connected to ClickUp as Ann Archer <ann@example.com> (Acme)"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (&run, OUTLAY_FAKE_GEMINI_KEY "\n", NULL, "connect", "gemini", NULL), ==, 0);
  g_assert_cmpint (cli (&run, "", &out, "connections", "--json", NULL), ==, 0);
  /* only Google (signed in through the browser, test-google-auth) is left */
  g_assert_nonnull (strstr (out, "not-connected"));
  g_assert_null (strstr (strstr (out, "not-connected") + 1, "not-connected"));
  g_assert_cmpint (strstr (out, "not-connected") > strstr (out, "\"google\""), ==, TRUE);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (cli (&run, "", NULL, "new", "Film", "--template", "blank", NULL), ==, 0);
  g_assert_cmpint (cli (&run, "", NULL, "clickup", "lists", "--json", NULL), ==, 0);
  g_assert_cmpint (cli (&run, "", &out, "clickup", "sync", "Film", "--list", "124", "--json", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "\"tasks_added\" : 120"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (&run, "", &out, "recommend", "Film", "--ai", NULL), ==, 1);
  g_assert_nonnull (strstr (out, "AI analysis is off"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (&run, "", NULL, "recommend", "Film", "--ai", "--enable-ai", "--json", NULL),
                   ==, 0);
  g_assert_cmpint (cli (&run, "", NULL, "disconnect", "gemini", NULL), ==, 0);
  g_assert_cmpint (cli (&run, "", &out, "connections", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "gemini   not connected"));
  g_clear_pointer (&out, g_free);

  /* the secrets went to the keyring (encrypted) and nowhere else */
  keyring = g_build_filename (run.dir, "keyring", NULL);
  g_assert_true (g_file_test (keyring, G_FILE_TEST_EXISTS));
  g_assert_false (file_contains (keyring, OUTLAY_FAKE_CLICKUP_TOKEN));
  g_assert_nonnull (strstr (run.output->str, "outlay-http-DEBUG"));
  g_assert_null (strstr (run.output->str, "ZP7QK4C1Q9S3LR2W8YBJ0V6H5NMXTDAE"));
  g_assert_null (strstr (run.output->str, "0123456789abcdefghijklmnopqr"));
  g_assert_cmpuint (grep_tree (run.dir, "ZP7QK4C1Q9S3LR2W8YBJ0V6H5NMXTDAE", &n_files), ==, 0);
  g_assert_cmpuint (grep_tree (run.dir, "0123456789abcdefghijklmnopqr", &n_files), ==, 0);
  g_assert_cmpuint (n_files, >=, 2);

  g_subprocess_send_signal (run.server, SIGTERM);
  g_subprocess_wait (run.server, NULL, NULL);
  g_clear_object (&run.server);
  g_string_free (run.output, TRUE);
  g_free (run.clickup_url);
  g_free (run.gemini_url);
  outlay_test_remove_dir (run.dir);
  g_free (run.dir);
}

/* The keyring calls themselves, in libsecret's file backend */
static void
test_secrets (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  char *secret;
  gboolean removed = FALSE;

  secret = outlay_secrets_lookup ("clickup", NULL, &error);
  g_assert_null (secret);
  g_assert_nonnull (strstr (error->message, "ClickUp is not connected"));
  g_clear_error (&error);
  g_assert_true (outlay_secrets_store ("clickup", "Ann", "Acme", "pk_1_first", NULL, &error));
  g_assert_true (
      outlay_secrets_store ("clickup", "Ann", "Acme, Studio", "pk_1_second", NULL, &error));
  g_assert_true (
      outlay_secrets_store ("gemini", "API key", "gemini-flash-latest", "AIza-key", NULL, &error));
  g_assert_no_error (error);
  /* storing again replaces: one item per service */
  secret = outlay_secrets_lookup ("clickup", NULL, &error);
  g_assert_cmpstr (secret, ==, "pk_1_second");
  outlay_secrets_free (secret);
  list = outlay_secrets_list (NULL, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((OutlayConnection *) g_ptr_array_index (list, 0))->workspace, ==,
                   "Acme, Studio");
  g_assert_true (outlay_secrets_clear ("clickup", &removed, NULL, &error));
  g_assert_true (removed);
  g_assert_true (outlay_secrets_clear ("clickup", &removed, NULL, &error));
  g_assert_false (removed);
  g_assert_null (outlay_secrets_lookup ("clickup", NULL, NULL));
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = outlay_test_make_dir ();
  g_autofree char *keyring = g_build_filename (dir, "unit.keyring", NULL);
  int status;

  g_test_init (&argc, &argv, NULL);
  /* libsecret ≥ 0.20: an encrypted file instead of a keyring daemon */
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "unit-test-password", TRUE);
  g_test_add_func ("/connections/secrets", test_secrets);
  g_test_add_func ("/connections/cli/no-secret-anywhere", test_no_secret_anywhere);
  status = g_test_run ();
  outlay_test_remove_dir (dir);
  return status;
}
