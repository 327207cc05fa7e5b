/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the store says when the database cannot be used as asked: a
 * read-only file or folder (it still opens, for viewing), a full disk, a
 * database busy in another program, a damaged file. Each message names
 * the database and the real problem. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "outlay-error.h"
#include "outlay-store-private.h"
#include "outlay-store.h"
#include "outlay-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = outlay_test_make_dir ();
  f->path = g_build_filename (f->dir, "b.db", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_chmod (f->dir, 0700);
  outlay_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
assert_message (const GError *error, const char *part)
{
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” is not in “%s”", part, error->message);
  g_assert_null (strstr (error->message, "Could not write"));
}

/* A database with the sample budget, closed again. */
static gint64
make_database (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = outlay_store_open (f->path, &error);
  gint64 id = 0;

  g_assert_no_error (error);
  g_assert_true (outlay_store_add_sample (store, &id, &error));
  g_assert_no_error (error);
  return id;
}

/* Viewing works; every change is refused with @why. */
static void
assert_view_only (OutlayStore *store, gint64 id, const char *why)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) budgets = outlay_store_list_budgets (store, &error);
  g_autoptr(OutlayDocument) doc = NULL;
  g_autofree char *refusal = g_strdup_printf (
      "%s. It is open for viewing only; nothing was changed.", why);

  g_assert_no_error (error);
  g_assert_cmpuint (budgets->len, ==, 1);
  doc = outlay_store_load_document (store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpstr (outlay_store_get_read_only (store), ==, why);
  /* what the app does on start: emptying the trash waits */
  g_assert_true (outlay_store_purge_trashed (store, 0, &error));
  g_assert_no_error (error);

  g_assert_false (outlay_store_rename_budget (store, id, "Renamed", &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_STORE);
  assert_message (error, refusal);
  g_clear_error (&error);
  g_assert_cmpint (outlay_store_create_budget (store, "blank", "New", "USD", &error), <=, 0);
  assert_message (error, refusal);
}

static void
test_view_only (Fixture *f, gconstpointer data)
{
  gint64 id = make_database (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = outlay_store_open_read_only (f->path, &error);
  g_autofree char *why = g_strdup_printf ("“%s” was opened read-only", f->path);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_autoptr(OutlayStore) writable = NULL;

  g_assert_no_error (error);
  /* nothing is written beside it, not even WAL's shared memory */
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  assert_view_only (store, id, why);

  /* and with a writer open beside it, through its WAL files */
  g_clear_object (&store);
  writable = outlay_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_null (outlay_store_get_read_only (writable));
  store = outlay_store_open_read_only (f->path, &error);
  g_assert_no_error (error);
  assert_view_only (store, id, why);
}

static void
test_read_only_folder (Fixture *f, gconstpointer data)
{
  gint64 id = make_database (f);
  g_autofree char *other = g_build_filename (f->dir, "new.db", NULL);
  g_autofree char *why = g_strdup_printf (
      "Outlay cannot write next to “%s”: the folder is read-only", f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root writes into read-only folders");
      return;
    }
  g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
  store = outlay_store_open (f->path, &error);
  g_assert_no_error (error);
  assert_view_only (store, id, why);

  g_clear_object (&store);
  store = outlay_store_open (other, &error);
  g_assert_null (store);
  assert_message (error, "Outlay cannot create “");
  assert_message (error, "the folder “");
}

static void
test_full (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db;
  guint added = 0;

  make_database (f);
  store = outlay_store_open (f->path, &error);
  g_assert_no_error (error);
  db = outlay_store_get_db (store);
  /* a disk with room for a few more pages */
  sql = g_strdup_printf ("PRAGMA max_page_count = %d",
                         (int) outlay_test_query_int (db, "PRAGMA page_count") + 4);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  while (added < 100 && outlay_store_add_sample (store, NULL, &error))
    added++;
  g_assert_cmpuint (added, <, 100);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_STORE);
  assert_message (error, "is full");
}

static void
test_busy (Fixture *f, gconstpointer data)
{
  gint64 id = make_database (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) holder = outlay_store_open (f->path, &error);
  g_autoptr(OutlayStore) store = outlay_store_open (f->path, &error);
  g_autofree char *busy = g_strdup_printf ("The database “%s” is busy: another program", f->path);

  g_assert_no_error (error);
  /* the window's connection waits a moment, not for the whole import:
   * the other program holds the lock throughout */
  outlay_store_set_max_wait (store, 200);
  g_assert_cmpint (sqlite3_exec (outlay_store_get_db (holder), "BEGIN IMMEDIATE", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_false (outlay_store_rename_budget (store, id, "Renamed", &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_STORE);
  assert_message (error, busy);
  g_assert_cmpint (sqlite3_exec (outlay_store_get_db (holder), "ROLLBACK", NULL, NULL, NULL), ==,
                   SQLITE_OK);
}

static void
test_damaged (Fixture *f, gconstpointer data)
{
  gint64 id = make_database (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *damaged = g_strdup_printf (
      "The database “%s” is damaged, so Outlay will not write to it", f->path);
  gsize length;

  /* every page after the schema scrambled; the header still says SQLite */
  g_assert_true (g_file_get_contents (f->path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 8 * 4096);
  for (gsize i = 4 * 4096; i < length; i++)
    contents[i] ^= 0xA5;
  g_assert_true (g_file_set_contents (f->path, contents, (gssize) length, &error));

  /* found on opening or on reading the budget, but called damaged */
  store = outlay_store_open (f->path, &error);
  if (store != NULL)
    doc = outlay_store_load_document (store, id, &error);
  g_assert_null (doc);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_DAMAGED);
  assert_message (error, damaged);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/messages/view-only", test_view_only);
  ADD ("/store/messages/read-only-folder", test_read_only_folder);
  ADD ("/store/messages/full", test_full);
  ADD ("/store/messages/busy", test_busy);
  ADD ("/store/messages/damaged", test_damaged);
#undef ADD
  return g_test_run ();
}
