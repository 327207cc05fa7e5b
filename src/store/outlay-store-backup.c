/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-store-backup"

/* Backups of the database: a copy before each import, replace and
 * schema upgrade, and one a day, the last OUTLAY_STORE_N_BACKUPS kept in
 * backups/ next to the database as NAME-YYYY-MM-DD-HHMMSS-mmm.db (local
 * time, so the names sort by age).  A damaged file is never copied over
 * a good backup. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "outlay-error.h"
#include "outlay-schema.h"
#include "outlay-store-backup.h"
#include "outlay-store-private.h"

/* "-2026-12-06-031000-123.db" after the database's name */
#define STAMP_FORMAT "-%Y-%m-%d-%H%M%S"

/* "outlay" for ".../outlay.db" */
static char *
db_stem (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);

  if (g_str_has_suffix (base, ".db") && strlen (base) > 3)
    base[strlen (base) - 3] = '\0';
  return g_steal_pointer (&base);
}

/* NAME-YYYY-MM-DD-HHMMSS-mmm.db, and nothing else (not the files kept
 * aside by a restore), so pruning never takes anything else. */
static gboolean
is_backup_name (const char *stem, const char *name)
{
  static const char pattern[] = "-####-##-##-######-###.db";
  size_t n = strlen (stem);

  if (strncmp (name, stem, n) != 0 || strlen (name + n) != strlen (pattern))
    return FALSE;
  for (size_t i = 0; pattern[i] != '\0'; i++)
    if (pattern[i] == '#' ? !g_ascii_isdigit (name[n + i]) : name[n + i] != pattern[i])
      return FALSE;
  return TRUE;
}

/**
 * outlay_store_backup_dir:
 * @db_path: a database file
 *
 * Returns: (transfer full): the backups/ folder next to it
 */
char *
outlay_store_backup_dir (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "backups", NULL);
}

static int
newest_first (gconstpointer a, gconstpointer b)
{
  return -g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/**
 * outlay_store_list_backups:
 * @db_path: a database file
 *
 * Returns: (transfer full) (element-type utf8): the paths of its rolling
 *   backups, newest first (empty when there are none)
 */
GPtrArray *
outlay_store_list_backups (const char *db_path)
{
  g_autofree char *dir = outlay_store_backup_dir (db_path);
  g_autofree char *stem = db_stem (db_path);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (is_backup_name (stem, name))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (paths, newest_first);
  return paths;
}

/* A new name in backups/ stamped with @now; a backup made within the same
 * millisecond takes the next one. */
static char *
stamped_path (const char *db_path, const char *what, GError **error)
{
  g_autofree char *dir = outlay_store_backup_dir (db_path);
  g_autofree char *stem = db_stem (db_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not make the backups folder “%s”: %s"), dir, g_strerror (errsv));
      return NULL;
    }
  for (;;)
    {
      g_autofree char *stamp = g_date_time_format (now, STAMP_FORMAT);
      g_autofree char *name = g_strdup_printf ("%s%s%s-%03d.db", stem, what, stamp,
                                               g_date_time_get_microsecond (now) / 1000);
      char *path = g_build_filename (dir, name, NULL);
      GDateTime *next;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
      next = g_date_time_add (now, 1000);
      g_date_time_unref (now);
      now = next;
    }
}

static gboolean
backup_failed (sqlite3 *out, const char *path, int rc, GError **error)
{
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_STORE,
               _("Could not write the backup “%s”: %s"), path,
                  out != NULL ? sqlite3_errmsg (out) : sqlite3_errstr (rc));
  return FALSE;
}

/* Copies the database @db into a new file @path, one self-contained file
 * (no -wal beside it). */
static gboolean
copy_database (sqlite3 *db, const char *path, GError **error)
{
  /* this program's own: two programs backing up in the same millisecond
   * pick the same name, and must not write into one file (the second
   * to finish replaces the first's copy of the same moment) */
  g_autofree char *part = g_strdup_printf ("%s.%d.part", path, (int) getpid ());
  sqlite3 *out = NULL;
  sqlite3_backup *backup;
  int rc;

  g_unlink (part);
  rc = sqlite3_open_v2 (part, &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    goto fail;
  backup = sqlite3_backup_init (out, "main", db, "main");
  if (backup == NULL)
    goto fail;
  /* one step: a consistent snapshot, read while writers carry on */
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    goto fail;
  if (sqlite3_exec (out, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    goto fail;
  if (sqlite3_close (out) != SQLITE_OK)
    {
      out = NULL;
      goto fail;
    }
  if (g_rename (part, path) != 0)
    {
      int errsv = errno;

      g_unlink (part);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not write the backup “%s”: %s"), path, g_strerror (errsv));
      return FALSE;
    }
  return TRUE;

fail:
  backup_failed (out, path, rc, error);
  sqlite3_close (out);
  g_unlink (part);
  return FALSE;
}

static gboolean
same_file (const char *a, const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev
         && sa.st_ino == sb.st_ino;
}

static void
prune (const char *db_path)
{
  g_autoptr(GPtrArray) backups = outlay_store_list_backups (db_path);

  for (guint i = OUTLAY_STORE_N_BACKUPS; i < backups->len; i++)
    if (g_unlink (g_ptr_array_index (backups, i)) != 0)
      g_message ("Could not remove the old backup %s: %s", (char *) g_ptr_array_index (backups, i),
                 g_strerror (errno));
}

/**
 * outlay_store_backup:
 * @self: a store
 * @dest: (nullable): the file to write (replaced if it exists), or %NULL
 *   for a new rolling backup in backups/ (the oldest beyond
 *   %OUTLAY_STORE_N_BACKUPS go)
 * @error: why it failed; %OUTLAY_ERROR_DAMAGED for a damaged database,
 *   which is not copied
 *
 * Checks the database and copies it with SQLite's online backup, which
 * other programs may keep using meanwhile.
 *
 * Returns: (transfer full) (nullable): the backup's path
 */
char *
outlay_store_backup (OutlayStore *self, const char *dest, GError **error)
{
  const char *db_path = outlay_store_get_path (self);
  g_autofree char *path = NULL;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), NULL);
  if (dest != NULL && same_file (dest, db_path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” is the database itself; back it up to another file"), dest);
      return NULL;
    }
  if (!outlay_store_check (self, error))
    return NULL;
  path = dest != NULL ? g_strdup (dest) : stamped_path (db_path, "", error);
  if (path == NULL || !copy_database (outlay_store_get_db (self), path, error))
    return NULL;
  if (dest == NULL)
    prune (db_path);
  return g_steal_pointer (&path);
}

/**
 * outlay_store_backup_daily:
 * @self: a store
 * @error: why it failed
 *
 * Makes a rolling backup when the newest is a day old or there is none.
 *
 * Returns: %TRUE when there is a backup from the last day
 */
gboolean
outlay_store_backup_daily (OutlayStore *self, GError **error)
{
  g_autoptr(GPtrArray) backups = outlay_store_list_backups (outlay_store_get_path (self));
  g_autofree char *made = NULL;
  GStatBuf st;

  if (backups->len > 0 && g_stat (g_ptr_array_index (backups, 0), &st) == 0
      && g_get_real_time () / G_USEC_PER_SEC - st.st_mtime < 24 * 60 * 60)
    return TRUE;
  made = outlay_store_backup (self, NULL, error);
  return made != NULL;
}

/* A sound Outlay database this version can open. */
static gboolean
check_backup (const char *backup, GError **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int version = 0;

  if (!g_file_test (backup, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no backup “%s”"), backup);
      return FALSE;
    }
  if (sqlite3_open_v2 (backup, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  if (ok && !outlay_schema_get_version (db, &version, error))
    {
      sqlite3_close (db);
      return FALSE;
    }
  sqlite3_close (db);
  if (!ok || version < 1)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_DAMAGED,
                   _("“%s” is damaged or is not an Outlay database; pick another backup"), backup);
      return FALSE;
    }
  return TRUE;
}

/* Fails when another connection, in any program, has @db_path open: it
 * would go on using the file being replaced. */
static gboolean
check_not_in_use (const char *db_path, GError **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL);

  /* an open WAL connection holds a shared lock on the file, even idle */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; ROLLBACK;", NULL,
                       NULL, NULL);
  if (db != NULL)
    rc = rc == SQLITE_OK ? SQLITE_OK : sqlite3_errcode (db);
  sqlite3_close (db);
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_BUSY,
                   _("“%s” is open in Outlay or outlay-cli; close them and restore again. "
                     "Nothing was changed."),
                      db_path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
move_aside (const char *from, const char *to, GError **error)
{
  if (g_rename (from, to) == 0 || errno == ENOENT)
    return TRUE;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
               _("Could not move “%s” aside to “%s”: %s. Nothing was changed."), from, to,
                  g_strerror (errno));
  return FALSE;
}

/**
 * outlay_store_restore:
 * @db_path: the database to replace; no program may have it open
 * @backup: a backup (from outlay_store_list_backups() or anywhere)
 * @kept: (out) (optional) (transfer full): where the replaced file was
 *   kept, or %NULL when there was none
 * @error: %OUTLAY_ERROR_BUSY while the database is open elsewhere,
 *   %OUTLAY_ERROR_DAMAGED for a bad backup
 *
 * Puts @backup in place of the database.  The file it replaces, damaged
 * or not, is kept in backups/ as NAME-before-restore-….db, never
 * deleted.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_store_restore (const char *db_path, const char *backup, char **kept, GError **error)
{
  g_autofree char *aside = NULL;
  g_autofree char *part = g_strconcat (db_path, ".restoring", NULL);
  g_autoptr(GFile) src = g_file_new_for_path (backup);
  g_autoptr(GFile) tmp = g_file_new_for_path (part);
  gboolean exists = g_file_test (db_path, G_FILE_TEST_EXISTS);

  g_return_val_if_fail (db_path != NULL && backup != NULL, FALSE);
  if (!check_backup (backup, error) || (exists && !check_not_in_use (db_path, error)))
    return FALSE;
  /* the copy first, so a full disk leaves everything as it was */
  if (!g_file_copy (src, tmp, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    {
      g_unlink (part);
      return FALSE;
    }
  if (exists)
    {
      g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
      g_autofree char *aside_wal = NULL;

      if ((aside = stamped_path (db_path, "-before-restore", error)) == NULL)
        return FALSE;
      aside_wal = g_strconcat (aside, "-wal", NULL);
      /* the write-ahead log belongs to the old file: it goes with it */
      if (!move_aside (wal, aside_wal, error))
        {
          g_unlink (part);
          return FALSE;
        }
      if (!move_aside (db_path, aside, error))
        {
          g_rename (aside_wal, wal);
          g_unlink (part);
          return FALSE;
        }
      g_unlink (shm);
    }
  if (g_rename (part, db_path) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not put the backup in place of “%s”: %s. The old file is in “%s”."),
                      db_path, g_strerror (errsv), aside != NULL ? aside : "");
      return FALSE;
    }
  if (kept != NULL)
    *kept = g_steal_pointer (&aside);
  return TRUE;
}
