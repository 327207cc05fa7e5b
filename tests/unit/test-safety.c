/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Never lose the book: two Outlays on one database wait for each other
 * instead of failing, and readers do not wait at all. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "outlay-error.h"
#include "outlay-schema.h"
#include "outlay-store-backup.h"
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

/* ---- a damaged file ---- */

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Fixture *f, Run *r, ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (
      G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  va_list args;

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", f->dir, TRUE);
  g_ptr_array_add (argv, (gpointer) g_getenv ("OUTLAY_CLI"));
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, f->db);
  va_start (args, r);
  for (const char *a = va_arg (args, const char *); a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_nonnull (g_ptr_array_index (argv, 0));
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &r->out, &r->err, &error));
  g_assert_no_error (error);
  r->status = g_subprocess_get_exit_status (process);
}

static char *
fixture_csv (void)
{
  return g_build_filename (g_getenv ("OUTLAY_FIXTURES"), "departments_fy2025.csv", NULL);
}

static void
test_damaged_store (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = NULL;
  g_autofree char *backup = NULL;

  outlay_test_damage_lines (f->db);
  store = outlay_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_false (outlay_store_check (store, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, f->db));
  g_assert_nonnull (strstr (error->message, "is damaged"));
  g_clear_error (&error);
  g_assert_true (outlay_store_is_damaged (store));

  /* from then on it writes nothing, even where the damage is not */
  g_assert_cmpint (outlay_store_create_budget (store, "blank", "New", NULL, &error), ==, 0);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_DAMAGED);
  g_clear_error (&error);
  /* and a damaged file is not copied over the good backups */
  backup = outlay_store_backup (store, NULL, &error);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_DAMAGED);
  g_assert_null (backup);
  g_clear_object (&store);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM budgets"), ==, 1);
}

static void
test_damaged_cli (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = fixture_csv ();
  g_autoptr(GPtrArray) backups = NULL;
  g_auto(Run) list = { 0 };
  g_auto(Run) show = { 0 };
  g_auto(Run) set = { 0 };
  g_auto(Run) import = { 0 };

  outlay_test_damage_lines (f->db);
  run_cli (f, &list, "list", NULL);
  run_cli (f, &show, "show", "Sample", NULL);
  run_cli (f, &set, "set", "Sample", "--line", "1", "--section", "A", "--field", "rate", "--value",
           "900", NULL);
  run_cli (f, &import, "import", csv, "--yes", NULL);
  g_assert_cmpint (list.status, ==, 6);
  g_assert_cmpint (show.status, ==, 6);
  g_assert_cmpint (set.status, ==, 6);
  g_assert_cmpint (import.status, ==, 6);
  g_assert_nonnull (strstr (list.err, "is damaged"));
  g_assert_nonnull (strstr (import.err, "is damaged"));
  g_assert_nonnull (strstr (import.err, "outlay-cli restore"));
  /* the import wrote nothing, not even its record */
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM budgets"), ==, 1);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM imports"), ==, 0);
  backups = outlay_store_list_backups (f->db);
  g_assert_cmpuint (backups->len, ==, 0);
}

/* ---- backups ---- */

static char *
describe_sample (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = outlay_store_open (db, &error);
  g_autoptr(OutlayDocument) doc = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = outlay_store_find_budget (store, "Sample", &error);
  g_assert_no_error (error);
  doc = outlay_store_load_document (store, id, &error);
  g_assert_no_error (error);
  return outlay_test_describe (doc);
}

static void
test_backup_before_import (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = fixture_csv ();
  g_autofree char *before = describe_sample (f->db);
  g_autofree char *after = NULL;
  g_autofree char *dir = outlay_store_backup_dir (f->db);
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GDir) d = NULL;
  g_auto(Run) import = { 0 };
  g_auto(Run) restore = { 0 };
  g_auto(Run) list = { 0 };
  const char *name;
  guint kept = 0;

  run_cli (f, &import, "import", csv, "--yes", NULL);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM budgets"), ==, 2);
  backups = outlay_store_list_backups (f->db);
  g_assert_cmpuint (backups->len, ==, 1);
  /* the copy is the database as it was before the import */
  g_assert_cmpint (count (g_ptr_array_index (backups, 0), "SELECT count(*) FROM budgets"), ==, 1);
  g_assert_cmpint (count (g_ptr_array_index (backups, 0), "SELECT count(*) FROM imports"), ==, 0);

  run_cli (f, &restore, "restore", "latest", NULL);
  g_assert_cmpint (restore.status, ==, 0);
  expected = g_strconcat (g_ptr_array_index (backups, 0), "\n", NULL);
  g_assert_cmpstr (restore.out, ==, expected);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM budgets"), ==, 1);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM imports"), ==, 0);
  after = describe_sample (f->db);
  g_assert_cmpstr (after, ==, before);
  run_cli (f, &list, "list", NULL);
  g_assert_cmpint (list.status, ==, 0);

  /* the file it replaced, with the import, is kept */
  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, "book-before-restore-") && g_str_has_suffix (name, ".db"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_assert_cmpint (count (path, "SELECT count(*) FROM imports"), ==, 1);
        kept++;
      }
  g_assert_cmpuint (kept, ==, 1);
}

static void
test_restore_damaged (Fixture *f, gconstpointer data)
{
  g_autofree char *before = describe_sample (f->db);
  g_autofree char *after = NULL;
  g_auto(Run) backup = { 0 };
  g_auto(Run) broken = { 0 };
  g_auto(Run) onto_itself = { 0 };
  g_auto(Run) restore = { 0 };
  g_auto(Run) list = { 0 };

  run_cli (f, &backup, "backup", NULL);
  g_assert_cmpint (backup.status, ==, 0);
  g_assert_true (g_file_test (g_strstrip (backup.out), G_FILE_TEST_IS_REGULAR));
  outlay_test_damage_lines (f->db);
  run_cli (f, &broken, "backup", NULL);
  g_assert_cmpint (broken.status, ==, 6);

  run_cli (f, &onto_itself, "backup", "--to", f->db, NULL);
  g_assert_cmpint (onto_itself.status, ==, 1);
  g_assert_nonnull (strstr (onto_itself.err, "is the database itself"));

  run_cli (f, &restore, "restore", backup.out, NULL);
  g_assert_cmpint (restore.status, ==, 0);
  g_assert_nonnull (strstr (restore.err, "is kept as"));
  run_cli (f, &list, "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "Sample"));
  after = describe_sample (f->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_restore_busy (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) open_elsewhere = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *copy = NULL;
  g_auto(Run) restore = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) again = { 0 };

  open_elsewhere = outlay_store_open (f->db, &error);
  g_assert_no_error (error);
  copy = outlay_store_backup (open_elsewhere, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_store_exec (open_elsewhere, "DELETE FROM budgets", &error));
  g_assert_no_error (error);

  run_cli (f, &restore, "restore", copy, NULL);
  g_assert_cmpint (restore.status, ==, 5);
  g_assert_nonnull (strstr (restore.err, "is open in Outlay or outlay-cli"));
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM budgets"), ==, 0);
  run_cli (f, &missing, "restore", "/nonexistent/book.db", NULL);
  g_assert_cmpint (missing.status, ==, 1);

  g_clear_object (&open_elsewhere);
  run_cli (f, &again, "restore", copy, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM budgets"), ==, 1);
  /* the restored file is not a backup: only the one rolling copy */
  backups = outlay_store_list_backups (f->db);
  g_assert_cmpuint (backups->len, ==, 1);
}

static void
test_backups_roll (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = outlay_store_open (f->db, &error);
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *last = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < OUTLAY_STORE_N_BACKUPS + 2; i++)
    {
      g_free (last);
      last = outlay_store_backup (store, NULL, &error);
      g_assert_no_error (error);
    }
  backups = outlay_store_list_backups (f->db);
  g_assert_cmpuint (backups->len, ==, OUTLAY_STORE_N_BACKUPS);
  g_assert_cmpstr (g_ptr_array_index (backups, 0), ==, last);
  /* a daily backup is not due the same day */
  g_assert_true (outlay_store_backup_daily (store, &error));
  g_assert_no_error (error);
  g_ptr_array_unref (backups);
  backups = outlay_store_list_backups (f->db);
  g_assert_cmpstr (g_ptr_array_index (backups, 0), ==, last);
}

/* An upgrade rewrites tables: the file as the older Outlay left it is kept. */
static void
test_backup_before_upgrade (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old = g_build_filename (f->dir, "old.db", NULL);
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (old, &raw), ==, SQLITE_OK);
  g_assert_true (outlay_schema_migrate (raw, OUTLAY_SCHEMA_VERSION - 1, NULL, &error));
  g_assert_no_error (error);
  sqlite3_close (raw);
  backups = outlay_store_list_backups (old);
  g_assert_cmpuint (backups->len, ==, 0);
  g_ptr_array_unref (backups);

  store = outlay_store_open (old, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (old, "PRAGMA user_version"), ==, OUTLAY_SCHEMA_VERSION);
  backups = outlay_store_list_backups (old);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpint (count (g_ptr_array_index (backups, 0), "PRAGMA user_version"), ==,
                   OUTLAY_SCHEMA_VERSION - 1);
  /* opening it again finds nothing to upgrade and copies nothing */
  g_clear_object (&store);
  store = outlay_store_open (old, &error);
  g_assert_no_error (error);
  g_ptr_array_unref (backups);
  backups = outlay_store_list_backups (old);
  g_assert_cmpuint (backups->len, ==, 1);
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
  g_test_add ("/safety/damaged/store", Fixture, NULL, fixture_set_up, test_damaged_store,
              fixture_tear_down);
  g_test_add ("/safety/damaged/cli", Fixture, NULL, fixture_set_up, test_damaged_cli,
              fixture_tear_down);
  g_test_add ("/safety/backup/before-import", Fixture, NULL, fixture_set_up,
              test_backup_before_import, fixture_tear_down);
  g_test_add ("/safety/backup/restore-damaged", Fixture, NULL, fixture_set_up, test_restore_damaged,
              fixture_tear_down);
  g_test_add ("/safety/backup/restore-busy", Fixture, NULL, fixture_set_up, test_restore_busy,
              fixture_tear_down);
  g_test_add ("/safety/backup/roll", Fixture, NULL, fixture_set_up, test_backups_roll,
              fixture_tear_down);
  g_test_add ("/safety/backup/before-upgrade", Fixture, NULL, fixture_set_up,
              test_backup_before_upgrade, fixture_tear_down);
  return g_test_run ();
}
