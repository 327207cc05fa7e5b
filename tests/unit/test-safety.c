/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Never lose the book: two Outlays on one database wait for each other
 * instead of failing, and readers do not wait at all. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "outlay-error.h"
#include "outlay-store-private.h"
#include "outlay-store.h"
#include "outlay-test-util.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = NULL;

  f->dir = outlay_test_make_dir ();
  f->db = g_build_filename (f->dir, "book.db", NULL);
  store = outlay_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_store_add_sample (store, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  outlay_test_remove_dir (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

/* Another program's long import: a write transaction left open. */
static OutlayStore *
hold_write_lock (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) holder = outlay_store_open (f->db, &error);

  g_assert_no_error (error);
  g_assert_true (outlay_store_exec (holder, "BEGIN IMMEDIATE", &error));
  g_assert_true (outlay_store_exec (holder,
                                    "INSERT INTO budgets (name, created, modified)"
                                    " VALUES ('Held import', 0, 0)", &error));
  g_assert_no_error (error);
  return g_steal_pointer (&holder);
}

static gint64
count (const char *db, const char *sql)
{
  sqlite3 *conn = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (db, &conn, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  n = outlay_test_query_int (conn, sql);
  sqlite3_close (conn);
  return n;
}

/* ---- a writer waits, says so, then lands ---- */

typedef struct
{
  const char *db;
  GMutex      lock;
  GCond       cond;
  gboolean    noticed;
  gboolean    done;
  gint64      id;
  GError     *error;
} Writer;

static void
writer_wait_cb (OutlayStore *store, gpointer data)
{
  Writer *w = data;

  g_mutex_lock (&w->lock);
  w->noticed = TRUE;
  g_cond_signal (&w->cond);
  g_mutex_unlock (&w->lock);
}

static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;
  g_autoptr(OutlayStore) store = outlay_store_open (w->db, &w->error);
  gint64 id = 0;

  if (store != NULL)
    {
      outlay_store_set_wait_func (store, writer_wait_cb, w);
      id = outlay_store_create_budget (store, "aicp", "Waited for", NULL, &w->error);
    }
  g_mutex_lock (&w->lock);
  w->id = id;
  w->done = TRUE;
  g_cond_signal (&w->cond);
  g_mutex_unlock (&w->lock);
  return NULL;
}

static void
test_writer_waits (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) holder = hold_write_lock (f);
  Writer w = { .db = f->db };
  GThread *thread;
  /* a bound on a hang, not a timing: the notice comes after ~2 s */
  gint64 give_up = g_get_monotonic_time () + 120 * G_TIME_SPAN_SECOND;

  g_mutex_init (&w.lock);
  g_cond_init (&w.cond);
  thread = g_thread_new ("writer", writer_thread, &w);
  g_mutex_lock (&w.lock);
  while (!w.noticed && !w.done)
    if (!g_cond_wait_until (&w.cond, &w.lock, give_up))
      break;
  g_mutex_unlock (&w.lock);
  /* still waiting for the other transaction, and said so */
  g_assert_true (w.noticed);
  g_assert_no_error (w.error);
  g_assert_false (w.done);

  g_assert_true (outlay_store_exec (holder, "COMMIT", &error));
  g_assert_no_error (error);
  g_thread_join (thread);
  g_assert_no_error (w.error);
  g_assert_cmpint (w.id, >, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM budgets WHERE name IN ('Held import',"
                                 " 'Waited for')"), ==, 2);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM lines l JOIN budgets b ON b.id = "
                                 "l.budget_id WHERE b.name = 'Waited for'"), >, 0);
  g_mutex_clear (&w.lock);
  g_cond_clear (&w.cond);
}

/* ---- readers do not wait ---- */

static GSubprocess *
spawn_cli (Fixture *f, GSubprocessFlags flags, GError **error, ...)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (flags);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *cli = g_getenv ("OUTLAY_CLI");
  va_list args;

  if (cli == NULL)
    g_error ("OUTLAY_CLI is not set; run the tests with meson test");
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", f->dir, TRUE);
  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, f->db);
  va_start (args, error);
  for (const char *a = va_arg (args, const char *); a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, error);
}

static void
test_reader_answers (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) holder = hold_write_lock (f);
  g_autoptr(OutlayStore) reader = NULL;
  g_autoptr(GPtrArray) budgets = NULL;
  g_autoptr(GSubprocess) cli = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* a second connection in this process opens and reads */
  reader = outlay_store_open (f->db, &error);
  g_assert_no_error (error);
  budgets = outlay_store_list_budgets (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (budgets->len, ==, 1);

  /* and so does outlay-cli, without waiting for the commit */
  cli = spawn_cli (f, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                   "list", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (cli, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (g_subprocess_get_exit_status (cli), ==, 0);
  g_assert_nonnull (strstr (out, outlay_budget_get_name (g_ptr_array_index (budgets, 0))));
  g_assert_null (strstr (out, "Held import"));

  g_assert_true (outlay_store_exec (holder, "ROLLBACK", &error));
}

/* ---- two imports at once both land ---- */

/* The first line outlay-cli writes on stderr (it blocks until there is
 * one, or the program ends). */
static char *
first_error_line (GSubprocess *process)
{
  g_autoptr(GDataInputStream) in =
    g_data_input_stream_new (g_subprocess_get_stderr_pipe (process));

  return g_data_input_stream_read_line_utf8 (in, NULL, NULL, NULL);
}

static void
test_imports_queue (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) holder = hold_write_lock (f);
  g_autofree char *csv = g_build_filename (g_getenv ("OUTLAY_FIXTURES"), "departments_fy2025.csv",
                                           NULL);
  GSubprocess *imports[2];

  for (guint i = 0; i < G_N_ELEMENTS (imports); i++)
    {
      imports[i] = spawn_cli (f, G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                   | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              "import", csv, "--yes", NULL);
      g_assert_no_error (error);
    }
  /* both wait for the other program's import, and say so once */
  for (guint i = 0; i < G_N_ELEMENTS (imports); i++)
    {
      g_autofree char *line = first_error_line (imports[i]);

      g_assert_cmpstr (line, ==, "outlay-cli: Waiting for another Outlay import to finish…");
    }
  g_assert_true (outlay_store_exec (holder, "COMMIT", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (imports); i++)
    {
      g_assert_true (g_subprocess_wait (imports[i], NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_subprocess_get_exit_status (imports[i]), ==, 0);
      g_object_unref (imports[i]);
    }
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM imports"), ==, 2);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM budgets"), ==, 4);
  g_assert_cmpint (count (f->db, "SELECT count(DISTINCT budget_id) FROM lines"), ==, 3);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/safety/busy/writer-waits", Fixture, NULL, fixture_set_up, test_writer_waits,
              fixture_tear_down);
  g_test_add ("/safety/busy/reader-answers", Fixture, NULL, fixture_set_up, test_reader_answers,
              fixture_tear_down);
  g_test_add ("/safety/busy/imports-queue", Fixture, NULL, fixture_set_up, test_imports_queue,
              fixture_tear_down);
  return g_test_run ();
}
