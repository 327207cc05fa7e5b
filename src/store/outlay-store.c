/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "outlay-currency.h"
#include "outlay-document-sink.h"
#include "outlay-error.h"
#include "outlay-line-private.h"
#include "outlay-model-enum-types.h"
#include "outlay-schema.h"
#include "outlay-section-private.h"
#include "outlay-store-backup.h"
#include "outlay-store-private.h"
#include "outlay-store-templates.h"
#include "outlay-template.h"

#define PROGRESS_EVERY 4096

struct _OutlayStore
{
  GObject     parent_instance;
  sqlite3    *db;
  char       *path;
  GHashTable *statements; /* SQL text → sqlite3_stmt, prepared once */
  gboolean    created;
  gboolean damaged; /* SQLite found the file corrupt: write nothing */
  char *read_only; /* why edits are refused (opened for viewing), or NULL */
  OutlayStoreCommitHook commit_hook; /* runs in the next command's transaction */
  gpointer commit_data;

  /* waiting for another connection's write lock (busy_cb) */
  OutlayStoreWaitFunc wait_func;
  gpointer            wait_data;
  GCancellable       *wait_cancellable;
  gint64              wait_started;
  gboolean            wait_reported;
  gint64 max_wait; /* µs a write waits at most; 0: as long as it takes */
};

/* After this long waiting for another program's transaction, say so. */
#define WAIT_NOTICE_USEC (2 * G_USEC_PER_SEC)

static OutlayStoreWaitFunc default_wait_func;
static gpointer default_wait_data;

enum
{
  PROP_0,
  PROP_DAMAGED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE_WITH_CODE (OutlayStore, outlay_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (OUTLAY_TYPE_DOCUMENT_SINK,
                                                      outlay_store_sink_iface_init))

#define BUDGET_COLUMNS OUTLAY_BUDGET_COLUMNS

#define BUDGET_PROPERTY_(column, property) property,
/* The OutlayBudget property of each of BUDGET_COLUMNS, in order. */
static const char *const budget_properties[] = {
  OUTLAY_BUDGET_COLUMN_LIST (BUDGET_PROPERTY_, )
};
#undef BUDGET_PROPERTY_
G_STATIC_ASSERT (G_N_ELEMENTS (budget_properties) == OUTLAY_BUDGET_N_COLUMNS);

static const char *const status_ids[] = { "draft", "submitted", "approved", "locked" };

/* ---- statement helpers ---- */

gboolean
outlay_store_fail (OutlayStore *self,
                   GError     **error)
{
  int code = sqlite3_errcode (self->db);

  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    return outlay_store_set_damaged (self, error);
  if (code == SQLITE_READONLY && self->read_only != NULL)
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_STORE,
                 _("%s. It is open for viewing only; nothing was changed."), self->read_only);
  else if (code == SQLITE_READONLY)
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_STORE,
                 _("Outlay cannot write to “%s”: the file or its folder is read-only; "
                   "nothing was changed"),
                    self->path);
  else if (code == SQLITE_IOERR)
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_STORE,
                 _("The disk holding “%s” reported an error while Outlay used it"), self->path);
  else if (code == SQLITE_FULL)
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_STORE,
                 _("The disk holding “%s” is full; nothing was changed"), self->path);
  else if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_STORE,
                 _("The database “%s” is busy: another program (an import in outlay-cli or "
                   "another Outlay) is writing to it. Nothing was changed; try again when it "
                   "has finished"),
                    self->path);
  else
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_STORE,
                 _("The database “%s” reported a problem: %s"), self->path,
                    sqlite3_errmsg (self->db));
  return FALSE;
}

/* Marks the store damaged: from now on it refuses to start a write. */
gboolean
outlay_store_set_damaged (OutlayStore *self, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);

  if (!self->damaged)
    {
      self->damaged = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAMAGED]);
    }
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_DAMAGED,
               _("The database “%s” is damaged, so Outlay will not write to it. Open the latest "
                 "backup from “%s”: start Outlay, or run outlay-cli restore."),
                  self->path, backups);
  return FALSE;
}

sqlite3 *
outlay_store_get_db (OutlayStore *self)
{
  return self->db;
}

/* Returns a cached prepared statement, reset and unbound.  @sql must be a
 * string literal: the cache is keyed on its address. */
sqlite3_stmt *
outlay_store_statement (OutlayStore *self,
                        const char  *sql,
                        GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      outlay_store_fail (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
outlay_store_exec (OutlayStore *self,
                   const char  *sql,
                   GError     **error)
{
  /* every write starts here; a damaged file gets no more of them */
  if (self->damaged && g_str_has_prefix (sql, "BEGIN IMMEDIATE"))
    return outlay_store_set_damaged (self, error);
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return outlay_store_fail (self, error);
  return TRUE;
}

gboolean
outlay_store_step_done (OutlayStore  *self,
                        sqlite3_stmt *stmt,
                        GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return outlay_store_fail (self, error);
  return TRUE;
}

/* Fails when the last statement changed no row: what it meant to change
 * is gone (deleted by another window or program). */
gboolean
outlay_store_expect_change (OutlayStore *self,
                            const char  *what,
                            GError     **error)
{
  if (sqlite3_changes (self->db) > 0)
    return TRUE;
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
               _("This %s is no longer in the database “%s”; it may have been deleted "
                 "elsewhere. Nothing was changed."), what, self->path);
  return FALSE;
}

void
outlay_store_bind_text (sqlite3_stmt *stmt,
                        int           index,
                        const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

gboolean
outlay_store_audit (OutlayStore *self,
                    gint64       budget_id,
                    const char  *entity,
                    gint64       entity_id,
                    const char  *action,
                    const char  *field,
                    const char  *old_value,
                    const char  *new_value,
                    GError     **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (self,
    "INSERT INTO audit (at, actor, budget_id, entity, entity_id, action, field, old_value,"
    " new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_text (stmt, 2, g_get_user_name (), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, budget_id);
  sqlite3_bind_text (stmt, 4, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, entity_id);
  sqlite3_bind_text (stmt, 6, action, -1, SQLITE_STATIC);
  outlay_store_bind_text (stmt, 7, field);
  outlay_store_bind_text (stmt, 8, old_value);
  outlay_store_bind_text (stmt, 9, new_value);
  return outlay_store_step_done (self, stmt, error);
}

/* ---- budgets ---- */

static OutlayBudgetStatus
status_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_ids); i++)
    if (g_strcmp0 (text, status_ids[i]) == 0)
      return i;
  return OUTLAY_BUDGET_STATUS_DRAFT;
}

static GParamSpec *
budget_pspec (guint column)
{
  static gsize klass = 0;
  GParamSpec *pspec;

  /* held for good: the column list needs the class on every read */
  if (g_once_init_enter (&klass))
    g_once_init_leave (&klass, (gsize) g_type_class_ref (OUTLAY_TYPE_BUDGET));
  pspec = g_object_class_find_property ((GObjectClass *) klass, budget_properties[column]);

  g_assert (pspec != NULL);
  return pspec;
}

/* Column @col of @stmt as a value of @pspec's type. */
static void
read_budget_value (sqlite3_stmt *stmt, int col, GParamSpec *pspec, GValue *value)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  g_value_init (value, pspec->value_type);
  if (pspec->value_type == G_TYPE_STRING)
    g_value_set_string (value, text);
  else if (pspec->value_type == G_TYPE_INT64)
    g_value_set_int64 (value, sqlite3_column_int64 (stmt, col));
  else if (pspec->value_type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, sqlite3_column_int (stmt, col) != 0);
  else if (pspec->value_type == OUTLAY_TYPE_BUDGET_KIND)
    {
      OutlayBudgetKind kind = OUTLAY_BUDGET_KIND_PROJECT;

      outlay_budget_kind_from_string (text, &kind);
      g_value_set_enum (value, kind);
    }
  else if (pspec->value_type == OUTLAY_TYPE_BUDGET_STATUS)
    g_value_set_enum (value, status_from_string (text));
  else if (G_TYPE_IS_ENUM (pspec->value_type))
    {
      /* the others are stored as their nicks ("stop", "annual") */
      GEnumClass *klass = g_type_class_ref (pspec->value_type);
      GEnumValue *e = text != NULL ? g_enum_get_value_by_nick (klass, text) : NULL;

      g_value_set_enum (value, e != NULL ? e->value : G_PARAM_SPEC_ENUM (pspec)->default_value);
      g_type_class_unref (klass);
    }
  else
    g_assert_not_reached ();
}

/* Reads "id, " BUDGET_COLUMNS ", created, modified" from @stmt. */
OutlayBudget *
outlay_store_read_budget (sqlite3_stmt *stmt)
{
  const guint n = G_N_ELEMENTS (budget_properties);
  OutlayBudget *budget;
  const char *names[G_N_ELEMENTS (budget_properties)];
  GValue values[G_N_ELEMENTS (budget_properties)] = { G_VALUE_INIT };

  for (guint i = 0; i < n; i++)
    {
      names[i] = budget_properties[i];
      read_budget_value (stmt, (int) i + 1, budget_pspec (i), &values[i]);
    }
  budget = OUTLAY_BUDGET (g_object_new_with_properties (OUTLAY_TYPE_BUDGET, n, names, values));
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);
  g_object_set (budget,
                "id", sqlite3_column_int64 (stmt, 0),
                "created", sqlite3_column_int64 (stmt, (int) n + 1),
                "modified", sqlite3_column_int64 (stmt, (int) n + 2),
                NULL);
  return budget;
}

/* Binds BUDGET_COLUMNS from @first on. */
void
outlay_store_bind_budget (sqlite3_stmt *stmt,
                          int           first,
                          OutlayBudget *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (budget_properties); i++)
    {
      GParamSpec *pspec = budget_pspec (i);
      g_auto(GValue) v = G_VALUE_INIT;
      int index = first + (int) i;

      g_value_init (&v, pspec->value_type);
      g_object_get_property (G_OBJECT (b), pspec->name, &v);
      if (pspec->value_type == G_TYPE_STRING)
        {
          const char *text = g_value_get_string (&v);

          /* a NOT NULL column like currency falls back to its default */
          if (text == NULL)
            text = G_PARAM_SPEC_STRING (pspec)->default_value;
          outlay_store_bind_text (stmt, index, text);
        }
      else if (pspec->value_type == G_TYPE_INT64)
        sqlite3_bind_int64 (stmt, index, g_value_get_int64 (&v));
      else if (pspec->value_type == G_TYPE_BOOLEAN)
        sqlite3_bind_int (stmt, index, g_value_get_boolean (&v));
      else if (pspec->value_type == OUTLAY_TYPE_BUDGET_KIND)
        sqlite3_bind_text (stmt, index, outlay_budget_kind_to_string (g_value_get_enum (&v)), -1,
                           SQLITE_STATIC);
      else if (pspec->value_type == OUTLAY_TYPE_BUDGET_STATUS)
        sqlite3_bind_text (stmt, index, status_ids[g_value_get_enum (&v)], -1, SQLITE_STATIC);
      else if (G_TYPE_IS_ENUM (pspec->value_type))
        {
          GEnumClass *klass = g_type_class_ref (pspec->value_type);
          GEnumValue *e = g_enum_get_value (klass, g_value_get_enum (&v));

          g_assert (e != NULL);
          /* nicks are static strings of the enum type */
          sqlite3_bind_text (stmt, index, e->value_nick, -1, SQLITE_STATIC);
          g_type_class_unref (klass);
        }
      else
        g_assert_not_reached ();
    }
}

/* ---- waiting for another connection ---- */

/* SQLite's busy handler: another connection (another window, outlay-cli,
 * an import thread) holds the write lock.  Wait for as long as its
 * transaction lasts, polling a little less often as the wait grows; say
 * so once after a few seconds; stop only when cancelled. */
static int
busy_cb (void *data,
         int   count)
{
  static const guint sleep_ms[] = { 1, 2, 5, 10, 15, 20, 25, 25, 50, 50, 100 };
  OutlayStore *self = data;
  gint64 now = g_get_monotonic_time ();

  if (count == 0)
    {
      self->wait_started = now;
      self->wait_reported = FALSE;
    }
  if (self->wait_cancellable != NULL && g_cancellable_is_cancelled (self->wait_cancellable))
    return 0;
  if (self->max_wait > 0 && now - self->wait_started >= self->max_wait)
    return 0;
  if (!self->wait_reported && now - self->wait_started >= WAIT_NOTICE_USEC)
    {
      OutlayStoreWaitFunc func = self->wait_func ? self->wait_func : default_wait_func;

      self->wait_reported = TRUE;
      if (func != NULL)
        func (self, self->wait_func ? self->wait_data : default_wait_data);
    }
  g_usleep (sleep_ms[MIN ((guint) count, G_N_ELEMENTS (sleep_ms) - 1)] * 1000);
  return 1;
}

/**
 * outlay_store_set_default_wait_func:
 * @func: (nullable): called when a store has waited a few seconds for
 *   another program's transaction; on the thread that uses the store
 * @user_data: for @func
 *
 * For stores without their own outlay_store_set_wait_func(), including
 * while they open.  outlay-cli uses it to say once on stderr why it waits.
 */
void
outlay_store_set_default_wait_func (OutlayStoreWaitFunc func,
                                    gpointer            user_data)
{
  default_wait_func = func;
  default_wait_data = user_data;
}

/**
 * outlay_store_set_wait_func:
 * @self: a store
 * @func: (nullable): called once per wait, when the store has waited a
 *   few seconds for another program's transaction (another import) to
 *   finish; on the thread that uses the store
 * @user_data: for @func
 *
 * Writes wait for the other transaction however long it lasts; this is
 * how a caller learns that it is waiting, to tell the user.
 */
void
outlay_store_set_wait_func (OutlayStore         *self,
                            OutlayStoreWaitFunc  func,
                            gpointer             user_data)
{
  g_return_if_fail (OUTLAY_IS_STORE (self));
  self->wait_func = func;
  self->wait_data = user_data;
}

/**
 * outlay_store_set_max_wait:
 * @self: a store
 * @msec: how long a write waits for another program's at most; 0 (the
 *   default) waits as long as it takes
 *
 * A connection on the main thread must not freeze the window for the
 * length of another program's import: past @msec its write fails as busy,
 * nothing changed, and the user can try again.
 */
void
outlay_store_set_max_wait (OutlayStore *self, guint msec)
{
  g_return_if_fail (OUTLAY_IS_STORE (self));
  self->max_wait = (gint64) msec * 1000;
}

/**
 * outlay_store_set_wait_cancellable:
 * @self: a store
 * @cancellable: (nullable): stops waiting for another program's
 *   transaction when cancelled (the statement then fails as busy)
 */
void
outlay_store_set_wait_cancellable (OutlayStore  *self,
                                   GCancellable *cancellable)
{
  g_return_if_fail (OUTLAY_IS_STORE (self));
  g_set_object (&self->wait_cancellable, cancellable);
}

/* ---- GObject ---- */

static void
outlay_store_finalize (GObject *object)
{
  OutlayStore *self = OUTLAY_STORE (object);

  g_clear_object (&self->wait_cancellable);
  g_hash_table_unref (self->statements);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->read_only);
  G_OBJECT_CLASS (outlay_store_parent_class)->finalize (object);
}

static void
outlay_store_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OutlayStore *self = OUTLAY_STORE (object);

  switch (prop_id)
    {
      case PROP_DAMAGED:
        g_value_set_boolean (value, self->damaged);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_store_class_init (OutlayStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = outlay_store_finalize;
  object_class->get_property = outlay_store_get_property;

  /**
   * OutlayStore:damaged:
   *
   * Set, once and for good, when SQLite finds the file damaged: the store
   * writes nothing more.  Notified on the thread that uses the store.
   */
  properties[PROP_DAMAGED] = g_param_spec_boolean ("damaged", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS
                                                       | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
outlay_store_init (OutlayStore *self)
{
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            finalize_statement);
}

/* ---- public API ---- */

/**
 * outlay_store_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/outlay/outlay.db`
 */
char *
outlay_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "outlay", "outlay.db", NULL);
}

static gboolean
check_path (const char *path, GError **error)
{
  g_autofree char *dir = NULL;

  if (*path == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("The database path is empty"));
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder, not a database file"), path);
      return FALSE;
    }
  dir = g_path_get_dirname (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The folder “%s” does not exist"), dir);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_plain_failure (int code)
{
  return code == SQLITE_BUSY || code == SQLITE_LOCKED || code == SQLITE_FULL
         || code == SQLITE_CORRUPT || code == SQLITE_NOTADB || code == SQLITE_READONLY
         || code == SQLITE_IOERR;
}

/* Why Outlay cannot write at @path, or NULL. SQLite writes the file
 * and, in WAL mode, two files beside it, so the folder must be writable. */
static char *
read_only_reason (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int errsv;

  if (g_file_test (path, G_FILE_TEST_EXISTS) && g_access (path, W_OK) != 0)
    {
      errsv = errno;
      return errsv == EROFS
          ? g_strdup_printf (_("Outlay cannot write to “%s”: the disk it is on is read-only"),
                                path)
          : g_strdup_printf (_("Outlay cannot write to “%s”: the file is read-only"), path);
    }
  if (g_access (dir, W_OK) != 0)
    {
      errsv = errno;
      return errsv == EROFS
          ? g_strdup_printf (_("Outlay cannot write next to “%s”: the disk it is on is read-only"),
                                path)
          : g_strdup_printf (_("Outlay cannot write next to “%s”: the folder is read-only"), path);
    }
  return NULL;
}

/* Opens @self->path read-only, to view what cannot be written. Without
 * its -wal and -shm files a WAL database opens only as immutable. */
static gboolean
open_read_only (OutlayStore *self, GError **error)
{
  g_autofree char *abs = g_canonicalize_filename (self->path, NULL);
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);
  g_autofree char *uri = g_filename_to_uri (abs, NULL, NULL);
  g_autofree char *with_mode = NULL;
  int version = -1;
  sqlite3_stmt *stmt = NULL;

  if (uri == NULL)
    uri = g_strdup (abs);
  with_mode = g_strconcat (uri,
                           g_file_test (wal, G_FILE_TEST_EXISTS)
                                   || g_file_test (shm, G_FILE_TEST_EXISTS)
                               ? "?mode=ro"
                               : "?mode=ro&immutable=1",
                           NULL);
  if (sqlite3_open_v2 (with_mode, &self->db,
                       SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL)
      != SQLITE_OK)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_STORE,
                   _("%s, and it cannot be opened for viewing"), self->read_only);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 0);
  sqlite3_busy_timeout (self->db, 5000);
  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  if (version < 0 && sqlite3_errcode (self->db) != SQLITE_NOTADB)
    return outlay_store_fail (self, error);
  if (version <= 0)
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_STORE,
                 _("“%s” is not an Outlay database"), self->path);
  else if (version > OUTLAY_SCHEMA_VERSION)
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_SCHEMA_TOO_NEW,
                 _("This database was written by a newer version of Outlay (schema %d, this "
                   "version reads up to %d). Update Outlay to open it."),
                    version, OUTLAY_SCHEMA_VERSION);
  else if (version < OUTLAY_SCHEMA_VERSION)
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_STORE,
                 _("%s, and the database was made by an older Outlay: it must be updated, "
                   "which needs writing, before it can be opened"),
                    self->read_only);
  return version == OUTLAY_SCHEMA_VERSION;
}

/**
 * outlay_store_open_read_only:
 * @path: an Outlay database
 * @error: why it could not be opened
 *
 * Opens @path for viewing: every change is refused with a message that
 * says so. outlay_store_open() does this by itself when the file, its
 * folder or its disk is read-only.
 *
 * Returns: (transfer full) (nullable): the store
 */
OutlayStore *
outlay_store_open_read_only (const char *path, GError **error)
{
  g_autoptr(OutlayStore) self = g_object_new (OUTLAY_TYPE_STORE, NULL);

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_path (path, error))
    return NULL;
  self->path = g_strdup (path);
  self->read_only = read_only_reason (path);
  if (self->read_only == NULL)
    self->read_only = g_strdup_printf (_("“%s” was opened read-only"), path);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND, _("“%s” does not exist"), path);
      return NULL;
    }
  if (!open_read_only (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * outlay_store_get_read_only:
 * @self: a store
 *
 * Returns: (nullable): why changes are refused (the store was opened for
 *   viewing only), or %NULL when it can be written
 */
const char *
outlay_store_get_read_only (OutlayStore *self)
{
  g_return_val_if_fail (OUTLAY_IS_STORE (self), NULL);
  return self->read_only;
}

/**
 * outlay_store_open:
 * @path: the database file; created if missing (its folder must exist)
 * @error: why it could not be opened
 *
 * Opens the database in WAL mode with foreign keys on and brings its
 * schema up to date.  One store is one connection: use it from one
 * thread only, and open another store for a worker thread.
 *
 * Returns: (transfer full) (nullable): the store
 */
OutlayStore *
outlay_store_open (const char  *path,
                   GError     **error)
{
  g_autoptr(OutlayStore) self = g_object_new (OUTLAY_TYPE_STORE, NULL);
  g_autofree char *backup = NULL;
  int version;
  g_autofree char *read_only = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_path (path, error))
    return NULL;
  read_only = read_only_reason (path);
  if (read_only != NULL && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_path_get_dirname (path);

      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_STORE,
                   _("Outlay cannot create “%s”: the folder “%s” is read-only"), path, dir);
      return NULL;
    }
  if (read_only != NULL)
    return outlay_store_open_read_only (path, error);
  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      int errsv = self->db ? sqlite3_system_errno (self->db) : 0;

      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_STORE, _("Could not open “%s”: %s"), path,
                   errsv != 0 ? g_strerror (errsv)
                   : self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 0);
  sqlite3_busy_handler (self->db, busy_cb, self);
  if (sqlite3_exec (self->db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                              "PRAGMA foreign_keys = ON;", NULL, NULL, NULL) != SQLITE_OK)
    {
      if (sqlite3_errcode (self->db) == SQLITE_NOTADB)
        g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_DAMAGED,
                     _("“%s” is damaged or is not an Outlay database; nothing was written to "
                       "it"),
                        path);
      else
        outlay_store_fail (self, error);
      return NULL;
    }
  if (!outlay_schema_get_version (self->db, &version, error))
    return NULL;
  /* an upgrade rewrites tables: keep a copy from before it */
  if (version > 0 && version < OUTLAY_SCHEMA_VERSION
      && (backup = outlay_store_backup (self, NULL, error)) == NULL)
    return NULL;
  if (!outlay_schema_migrate (self->db, OUTLAY_SCHEMA_VERSION, &self->created, error))
    {
      /* a lock, a full disk or damage: say which, naming the file */
      if (is_plain_failure (sqlite3_errcode (self->db)))
        {
          g_clear_error (error);
          outlay_store_fail (self, error);
        }
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * outlay_store_open_default:
 * @error: why it could not be opened
 *
 * Opens the user's database, outlay_store_default_path(), creating its
 * folder on first run.
 *
 * Returns: (transfer full) (nullable): the store
 */
OutlayStore *
outlay_store_open_default (GError **error)
{
  g_autofree char *path = outlay_store_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (errsv));
      return NULL;
    }
  return outlay_store_open (path, error);
}

const char *
outlay_store_get_path (OutlayStore *self)
{
  g_return_val_if_fail (OUTLAY_IS_STORE (self), NULL);
  return self->path;
}

/**
 * outlay_store_get_created:
 * @self: a store
 *
 * Returns: %TRUE if opening created the database (a first run)
 */
gboolean
outlay_store_get_created (OutlayStore *self)
{
  g_return_val_if_fail (OUTLAY_IS_STORE (self), FALSE);
  return self->created;
}

/**
 * outlay_store_add_sample:
 * @self: a store
 * @budget_id: (out) (optional): the sample's id
 * @error: why it failed
 *
 * Adds the sample AICP commercial budget a new user starts with.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_store_add_sample (OutlayStore  *self,
                         gint64       *budget_id,
                         GError      **error)
{
  gint64 id = outlay_store_create_budget (self, "sample", NULL, NULL, error);

  if (budget_id != NULL)
    *budget_id = id;
  return id > 0;
}

/**
 * outlay_store_list_budgets:
 * @self: a store
 * @error: why it failed
 *
 * Returns: (transfer container) (element-type OutlayBudget) (nullable): the
 *   budgets not in the trash, by name; templates are not budgets
 */
GPtrArray *
outlay_store_list_budgets (OutlayStore  *self,
                           GError      **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = outlay_store_statement (self,
    "SELECT id, " BUDGET_COLUMNS ", created, modified FROM budgets"
    " WHERE trashed = 0 AND is_template = 0 ORDER BY name COLLATE NOCASE, id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, outlay_store_read_budget (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      outlay_store_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/**
 * outlay_store_get_budget_totals:
 * @self: a store
 * @budget_id: a budget
 * @totals: (out): its sums, straight from the lines table, each section's
 *   fringe applied to the sum of its lines with outlay_fringe_amount(), as
 *   the document does
 * @error: why it failed
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_store_get_budget_totals (OutlayStore   *self,
                                gint64         budget_id,
                                OutlayTotals  *totals,
                                GError       **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT s.fringe, sum(l.estimate), sum(l.actual) + ifnull(ta.c, 0), sum(l.committed),"
      " sum(l.reserved)"
      " FROM lines l JOIN sections s ON s.id = l.section_id"
      /* the tasks' actuals (logged cost + resource cost), per section */
      " LEFT JOIN (SELECT tl.section_id AS sid, sum(t.resource_cost + ifnull(e.c, 0)) AS c"
      "   FROM tasks t JOIN lines tl ON tl.id = t.line_id"
      "   LEFT JOIN (SELECT task_id, sum(cost) AS c FROM time_entries WHERE task_id IN"
      "     (SELECT id FROM tasks WHERE budget_id = ?1) GROUP BY task_id) e ON e.task_id = t.id"
      "   WHERE t.budget_id = ?1 AND t.deleted = 0 GROUP BY tl.section_id) ta"
      "   ON ta.sid = l.section_id"
      " WHERE l.budget_id = ?1 GROUP BY l.section_id"
      /* what commitments on a section or the budget as a whole hold (a
       * line's own columns include its commitments') */
      " UNION ALL SELECT 0, 0,"
      " coalesce(sum(CASE WHEN status IN ('approved', 'ordered', 'invoiced', 'paid', 'closed')"
      "  THEN invoiced END), 0),"
      " coalesce(sum(CASE WHEN status IN ('approved', 'ordered') THEN max(amount - invoiced, 0)"
      "  END), 0),"
      " coalesce(sum(CASE WHEN status = 'requested' THEN amount END), 0)"
      " FROM commitments WHERE budget_id = ?1 AND line_id IS NULL",
      error);
  OutlayTotals sum = { 0 };
  gboolean ok = TRUE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutlayDecimal lines = sqlite3_column_int64 (stmt, 1);
      OutlayDecimal fringe;

      ok = outlay_fringe_amount (lines, sqlite3_column_int64 (stmt, 0), &fringe)
           && outlay_decimal_add (sum.fringe, fringe, &sum.fringe)
           && outlay_decimal_add (sum.estimate, lines, &sum.estimate)
           && outlay_decimal_add (sum.estimate, fringe, &sum.estimate)
           && outlay_decimal_add (sum.actual, sqlite3_column_int64 (stmt, 2), &sum.actual)
           && outlay_decimal_add (sum.committed, sqlite3_column_int64 (stmt, 3), &sum.committed)
           && outlay_decimal_add (sum.reserved, sqlite3_column_int64 (stmt, 4), &sum.reserved);
    }
  sqlite3_reset (stmt);
  if (!ok)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW,
                   _("The totals would exceed the largest amount Outlay can hold (±922 trillion)"));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return outlay_store_fail (self, error);
  *totals = sum;
  return TRUE;
}

static gboolean
all_digits (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

/**
 * outlay_store_find_budget:
 * @self: a store
 * @name_or_id: an id, a name (any case), or a part of one name
 * @error: not found, or which budgets a part matches
 *
 * Returns: the budget's id, or 0
 */
gint64
outlay_store_find_budget (OutlayStore  *self,
                          const char   *name_or_id,
                          GError      **error)
{
  g_autoptr(GPtrArray) list = outlay_store_list_budgets (self, error);
  g_autoptr(GPtrArray) exact = g_ptr_array_new ();
  g_autoptr(GPtrArray) partial = g_ptr_array_new ();
  g_autofree char *needle = NULL;
  GPtrArray *matches;

  if (list == NULL)
    return 0;
  /* an id wins over a budget that happens to be named "16" */
  for (guint i = 0; all_digits (name_or_id) && i < list->len; i++)
    if (outlay_budget_get_id (g_ptr_array_index (list, i)) == g_ascii_strtoll (name_or_id, NULL, 10))
      return outlay_budget_get_id (g_ptr_array_index (list, i));
  needle = g_utf8_casefold (name_or_id, -1);
  for (guint i = 0; i < list->len; i++)
    {
      OutlayBudget *b = g_ptr_array_index (list, i);
      g_autofree char *name = g_utf8_casefold (outlay_budget_get_name (b), -1);

      if (g_str_equal (name, needle))
        g_ptr_array_add (exact, b);
      else if (strstr (name, needle) != NULL)
        g_ptr_array_add (partial, b);
    }
  matches = exact->len > 0 ? exact : partial;
  if (matches->len == 1)
    return outlay_budget_get_id (g_ptr_array_index (matches, 0));
  if (matches->len > 1)
    {
      GString *names = g_string_new (NULL);

      for (guint i = 0; i < matches->len; i++)
        g_string_append_printf (names, "%s“%s” (%" G_GINT64_FORMAT ")", i ? ", " : "",
                                outlay_budget_get_name (g_ptr_array_index (matches, i)),
                                outlay_budget_get_id (g_ptr_array_index (matches, i)));
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_AMBIGUOUS,
                   _("“%s” matches several budgets: %s. Use the id."), name_or_id, names->str);
      g_string_free (names, TRUE);
      return 0;
    }
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND, _("There is no budget “%s”"),
               name_or_id);
  return 0;
}

static gboolean
load_sections (OutlayStore *self, OutlayDocument *doc, gint64 budget_id, GHashTable *by_id,
               GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (self,
    "SELECT id, code, name, fringe, parent_id FROM sections WHERE budget_id = ?"
    " ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(OutlaySection) section = g_object_new (OUTLAY_TYPE_SECTION, NULL);
      gint64 id = sqlite3_column_int64 (stmt, 0);

      outlay_section_load (section, id, (const char *) sqlite3_column_text (stmt, 1),
                           (const char *) sqlite3_column_text (stmt, 2),
                           sqlite3_column_int64 (stmt, 3), sqlite3_column_int64 (stmt, 4));
      outlay_document_load_section (doc, section);
      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), section);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || outlay_store_fail (self, error);
}

static const OutlayLineField line_text_fields[] = {
  OUTLAY_LINE_CODE, OUTLAY_LINE_DESCRIPTION, OUTLAY_LINE_UNIT, OUTLAY_LINE_NOTES,
};
static const OutlayLineField line_decimal_fields[] = {
  OUTLAY_LINE_QUANTITY, OUTLAY_LINE_MULTIPLIER, OUTLAY_LINE_RATE, OUTLAY_LINE_ESTIMATE,
};
static const OutlayLineField line_amount_fields[] = {
  OUTLAY_LINE_ACTUAL, OUTLAY_LINE_COMMITTED, OUTLAY_LINE_RESERVED,
};
/* added in schema 5, hence at the end */
static const OutlayLineField line_more_text_fields[] = {
  OUTLAY_LINE_VENDOR, OUTLAY_LINE_ASSIGNEE, OUTLAY_LINE_DATE, OUTLAY_LINE_PERIOD,
};

/* Reads OUTLAY_STORE_LINE_VALUES from @col on. */
void
outlay_store_read_line_values (sqlite3_stmt *stmt,
                               int           col,
                               OutlayLine   *line)
{
  for (guint i = 0; i < G_N_ELEMENTS (line_text_fields); i++, col++)
    if (sqlite3_column_type (stmt, col) != SQLITE_NULL)
      outlay_line_take_text (line, line_text_fields[i],
                             g_strdup ((const char *) sqlite3_column_text (stmt, col)));
  for (guint i = 0; i < G_N_ELEMENTS (line_decimal_fields); i++, col++)
    outlay_line_load_decimal (line, line_decimal_fields[i], sqlite3_column_int64 (stmt, col));
  outlay_line_load_overridden (line, sqlite3_column_int (stmt, col++));
  for (guint i = 0; i < G_N_ELEMENTS (line_amount_fields); i++, col++)
    outlay_line_load_decimal (line, line_amount_fields[i], sqlite3_column_int64 (stmt, col));
  for (guint i = 0; i < G_N_ELEMENTS (line_more_text_fields); i++, col++)
    if (sqlite3_column_type (stmt, col) != SQLITE_NULL)
      outlay_line_take_text (line, line_more_text_fields[i],
                             g_strdup ((const char *) sqlite3_column_text (stmt, col)));
}

/* As outlay_store_bind_text(), without a copy: the line outlives the
 * statement's step */
static void
bind_static_text (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

/* Binds OUTLAY_STORE_LINE_VALUES from @first on. */
void
outlay_store_bind_line_values (sqlite3_stmt *stmt,
                               int           first,
                               OutlayLine   *line)
{
  int col = first;

  /* the line's strings outlive the statement's step (every caller steps
   * right after binding): SQLite need not copy them */
  for (guint i = 0; i < G_N_ELEMENTS (line_text_fields); i++)
    bind_static_text (stmt, col++, outlay_line_get_text (line, line_text_fields[i]));
  for (guint i = 0; i < G_N_ELEMENTS (line_decimal_fields); i++)
    sqlite3_bind_int64 (stmt, col++, outlay_line_get_decimal (line, line_decimal_fields[i]));
  sqlite3_bind_int (stmt, col++, outlay_line_get_estimate_overridden (line));
  for (guint i = 0; i < G_N_ELEMENTS (line_amount_fields); i++)
    sqlite3_bind_int64 (stmt, col++, outlay_line_get_decimal (line, line_amount_fields[i]));
  for (guint i = 0; i < G_N_ELEMENTS (line_more_text_fields); i++)
    bind_static_text (stmt, col++, outlay_line_get_text (line, line_more_text_fields[i]));
}

/* Packed line values: each integer as a zigzag LEB128 varint, each text
 * as its length + 1 (0 for none) and its bytes.  A typical imported line
 * packs into about 70 bytes, a fifth of the OutlayLine it came from. */
static guint8 *
pack_varint (guint8 *w, gint64 value)
{
  guint64 v = ((guint64) value << 1) ^ (guint64) (value >> 63);

  while (v > 0x7f)
    {
      *w++ = (v & 0x7f) | 0x80;
      v >>= 7;
    }
  *w++ = v;
  return w;
}

static gint64
unpack_varint (const guint8 **p)
{
  guint64 v = 0;
  guint shift = 0;
  guint8 b;

  do
    {
      b = *(*p)++;
      v |= (guint64) (b & 0x7f) << shift;
      shift += 7;
    }
  while (b & 0x80);
  return (gint64) (v >> 1) ^ -(gint64) (v & 1);
}

static guint8 *
pack_text (guint8 *w, const char *text, gsize len)
{
  w = pack_varint (w, len > 0 ? (gint64) len + 1 : 0);
  memcpy (w, text, len);
  return w + len;
}

static void
bind_packed_text (sqlite3_stmt *stmt, int index, const guint8 **p)
{
  gint64 len = unpack_varint (p);

  if (len == 0)
    sqlite3_bind_null (stmt, index);
  else
    {
      sqlite3_bind_text (stmt, index, (const char *) *p, len - 1, SQLITE_STATIC);
      *p += len - 1;
    }
}

void
outlay_store_pack_line_values (GByteArray *out, OutlayLine *line)
{
  const char *text[G_N_ELEMENTS (line_text_fields) + G_N_ELEMENTS (line_more_text_fields)];
  gsize len[G_N_ELEMENTS (text)];
  gsize room = 10
               * (G_N_ELEMENTS (text) + G_N_ELEMENTS (line_decimal_fields) + 1
                  + G_N_ELEMENTS (line_amount_fields));
  guint n = 0, start = out->len;
  guint8 *w;

  for (guint i = 0; i < G_N_ELEMENTS (line_text_fields); i++, n++)
    text[n] = outlay_line_get_text (line, line_text_fields[i]);
  for (guint i = 0; i < G_N_ELEMENTS (line_more_text_fields); i++, n++)
    text[n] = outlay_line_get_text (line, line_more_text_fields[i]);
  for (guint i = 0; i < n; i++)
    room += len[i] = text[i] != NULL ? strlen (text[i]) : 0;
  /* written in place: a varint takes at most 10 bytes */
  g_byte_array_set_size (out, start + room);
  w = out->data + start;
  n = 0;
  for (guint i = 0; i < G_N_ELEMENTS (line_text_fields); i++, n++)
    w = pack_text (w, text[n], len[n]);
  for (guint i = 0; i < G_N_ELEMENTS (line_decimal_fields); i++)
    w = pack_varint (w, outlay_line_get_decimal (line, line_decimal_fields[i]));
  w = pack_varint (w, outlay_line_get_estimate_overridden (line));
  for (guint i = 0; i < G_N_ELEMENTS (line_amount_fields); i++)
    w = pack_varint (w, outlay_line_get_decimal (line, line_amount_fields[i]));
  for (guint i = 0; i < G_N_ELEMENTS (line_more_text_fields); i++, n++)
    w = pack_text (w, text[n], len[n]);
  g_byte_array_set_size (out, w - out->data);
}

void
outlay_store_bind_packed_line_values (sqlite3_stmt *stmt, int first, const guint8 **p)
{
  int col = first;

  /* same order, and same binding, as outlay_store_bind_line_values() */
  for (guint i = 0; i < G_N_ELEMENTS (line_text_fields); i++)
    bind_packed_text (stmt, col++, p);
  for (guint i = 0; i < G_N_ELEMENTS (line_decimal_fields); i++)
    sqlite3_bind_int64 (stmt, col++, unpack_varint (p));
  sqlite3_bind_int (stmt, col++, (int) unpack_varint (p));
  for (guint i = 0; i < G_N_ELEMENTS (line_amount_fields); i++)
    sqlite3_bind_int64 (stmt, col++, unpack_varint (p));
  for (guint i = 0; i < G_N_ELEMENTS (line_more_text_fields); i++)
    bind_packed_text (stmt, col++, p);
}

static gboolean
load_lines (OutlayStore *self, OutlayDocument *doc, gint64 budget_id, GHashTable *by_id,
            GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (self,
    "SELECT section_id, id, " OUTLAY_STORE_LINE_VALUES ", import_id FROM lines"
    " WHERE budget_id = ? ORDER BY section_id, position", error);
  OutlaySection *section = NULL;
  gint64 section_id = -1;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutlayLine *line;

      if (sqlite3_column_int64 (stmt, 0) != section_id)
        {
          section_id = sqlite3_column_int64 (stmt, 0);
          section = g_hash_table_lookup (by_id, &section_id);
        }
      if (section == NULL)
        continue; /* a line of a nested section we do not show yet */
      line = outlay_line_new ();
      outlay_line_set_id (line, sqlite3_column_int64 (stmt, 1));
      outlay_store_read_line_values (stmt, 2, line);
      outlay_line_set_import_id (line, sqlite3_column_int64 (stmt, 2 + OUTLAY_STORE_N_LINE_VALUES));
      outlay_document_load_line (doc, section, line);
      g_object_unref (line);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || outlay_store_fail (self, error);
}

/**
 * outlay_store_load_document:
 * @self: a store
 * @budget_id: a budget
 * @error: why it failed
 *
 * Loads a budget with its sections and lines.  The document writes every
 * later edit back here.
 *
 * Returns: (transfer full) (nullable): the document
 */
OutlayDocument *
outlay_store_load_document (OutlayStore  *self,
                            gint64        budget_id,
                            GError      **error)
{
  g_autoptr(OutlayBudget) budget = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt = outlay_store_statement (self,
    "SELECT id, " BUDGET_COLUMNS ", created, modified FROM budgets WHERE id = ?", error);
  int rc;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    budget = outlay_store_read_budget (stmt);
  sqlite3_reset (stmt);
  if (budget == NULL)
    {
      if (rc == SQLITE_DONE)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, budget_id);

          g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                       _("There is no budget with id %s"), id);
        }
      else
        outlay_store_fail (self, error);
      return NULL;
    }
  doc = outlay_document_new (budget);
  if (!outlay_store_exec (self, "BEGIN", error))
    return NULL;
  if (!load_sections (self, doc, budget_id, by_id, error)
      || !load_lines (self, doc, budget_id, by_id, error)
      || !outlay_store_load_commitments (self, doc, budget_id, error)
      || !outlay_store_load_tasks (self, doc, budget_id, error)
      || !outlay_store_load_phasing (self, doc, budget_id, error))
    {
      outlay_store_exec (self, "ROLLBACK", NULL);
      return NULL;
    }
  if (!outlay_store_exec (self, "COMMIT", error))
    {
      outlay_store_exec (self, "ROLLBACK", NULL);
      return NULL;
    }
  if (!outlay_document_finish_load (doc, error))
    return NULL;
  outlay_document_set_sink (doc, OUTLAY_DOCUMENT_SINK (self));
  return g_steal_pointer (&doc);
}

static void
forget_ids (OutlayDocument *doc)
{
  outlay_budget_set_id (outlay_document_get_budget (doc), 0);
  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);

      outlay_section_set_id (section, 0);
      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        outlay_line_set_id (outlay_section_get_line (section, l), 0);
    }
}

gboolean
outlay_store_write_document (OutlayStore *self, OutlayDocument *doc, OutlayProgressFunc progress,
                             gpointer user_data, GCancellable *cancellable, GError **error)
{
  OutlayBudget *budget = outlay_document_get_budget (doc);
  guint64 done = 0, total = outlay_document_get_n_lines (doc);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  sqlite3_stmt *stmt = outlay_store_statement (self,
    "INSERT INTO budgets (" BUDGET_COLUMNS ", created, modified)"
    " VALUES (" OUTLAY_BUDGET_MARKS ", ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  outlay_store_bind_budget (stmt, 1, budget);
  sqlite3_bind_int64 (stmt, OUTLAY_BUDGET_N_COLUMNS + 1, now);
  sqlite3_bind_int64 (stmt, OUTLAY_BUDGET_N_COLUMNS + 2, now);
  if (!outlay_store_step_done (self, stmt, error))
    return FALSE;
  g_object_set (budget, "id", sqlite3_last_insert_rowid (self->db), "created", now,
                "modified", now, NULL);
  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);

      if (!outlay_store_insert_section_row (self, outlay_budget_get_id (budget), s, section, error))
        return FALSE;
      for (guint l = 0; l < outlay_section_get_n_lines (section); l++, done++)
        {
          if (done % PROGRESS_EVERY == 0)
            {
              if (g_cancellable_set_error_if_cancelled (cancellable, error))
                return FALSE;
              if (progress != NULL)
                progress (done, total, user_data);
            }
          if (!outlay_store_insert_line_row (self, outlay_budget_get_id (budget),
                                             outlay_section_get_id (section), l,
                                             outlay_section_get_line (section, l), error))
            return FALSE;
        }
    }
  if (!outlay_store_write_phasing (self, doc, error))
    return FALSE;
  stmt = outlay_store_statement (self,
    "INSERT INTO audit (at, actor, budget_id, entity, entity_id, action, new_value)"
    " VALUES (?1, ?2, ?3, 'budget', ?3, 'create',"
    " json_object('name', ?4, 'sections', ?5, 'lines', ?6))", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_text (stmt, 2, g_get_user_name (), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, outlay_budget_get_id (budget));
  sqlite3_bind_text (stmt, 4, outlay_budget_get_name (budget), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, outlay_document_get_n_sections (doc));
  sqlite3_bind_int64 (stmt, 6, total);
  if (!outlay_store_step_done (self, stmt, error))
    return FALSE;
  if (progress != NULL)
    progress (total, total, user_data);
  /* A cancel from the last reports (or in a document under PROGRESS_EVERY
   * lines) must still stop the commit. */
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/**
 * outlay_store_save_new_document:
 * @self: a store
 * @document: an unsaved document (from a template, an import, a copy)
 * @progress: (nullable) (scope call): called every few thousand lines
 * @user_data: for @progress
 * @cancellable: (nullable): stops the write; nothing is kept
 * @error: why it failed
 *
 * Writes a whole new budget in one transaction: all of it or none of it.
 * On success the objects carry their ids and @document writes later edits
 * here.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_store_save_new_document (OutlayStore        *self,
                                OutlayDocument     *document,
                                OutlayProgressFunc  progress,
                                gpointer            user_data,
                                GCancellable       *cancellable,
                                GError            **error)
{
  g_return_val_if_fail (OUTLAY_IS_STORE (self), FALSE);
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (outlay_budget_get_id (outlay_document_get_budget (document)) == 0, FALSE);

  if (!outlay_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!outlay_store_write_document (self, document, progress, user_data, cancellable, error)
      || !outlay_store_exec (self, "COMMIT", error))
    {
      outlay_store_exec (self, "ROLLBACK", NULL);
      forget_ids (document);
      return FALSE;
    }
  outlay_document_set_sink (document, OUTLAY_DOCUMENT_SINK (self));
  return TRUE;
}

/* Checks a new budget's @name and @currency (either may be %NULL: the
 * template's); @stripped is the name without surrounding spaces. */
gboolean
outlay_store_check_new_budget (const char  *name,
                               const char  *currency,
                               char       **stripped,
                               GError     **error)
{
  g_autofree char *text = name != NULL ? g_strstrip (g_strdup (name)) : NULL;

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("The budget's name is not valid UTF-8 text"));
      return FALSE;
    }
  if (text != NULL && text[0] == '\0')
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("A budget needs a name"));
      return FALSE;
    }
  if (currency != NULL && !outlay_currency_is_known (currency))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a currency code; use three capital letters such as USD or EUR"),
                   currency);
      return FALSE;
    }
  *stripped = g_steal_pointer (&text);
  return TRUE;
}

/**
 * outlay_store_create_budget:
 * @self: a store
 * @template_id: "aicp", "blank", "software", "department", "event" or
 *   "sample", or "user:ID" for a template of the user's own (see
 *   outlay_store_create_from_template())
 * @name: (nullable): its name; %NULL for the template's
 * @currency: (nullable): an ISO 4217 code; %NULL for the template's
 * @error: why it failed
 *
 * Returns: the new budget's id, or 0
 */
gint64
outlay_store_create_budget (OutlayStore  *self,
                            const char   *template_id,
                            const char   *name,
                            const char   *currency,
                            GError      **error)
{
  g_autoptr(OutlayDocument) doc = NULL;
  g_autofree char *stripped = NULL;
  gint64 user_template;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), 0);
  if (template_id != NULL && g_str_has_prefix (template_id, OUTLAY_USER_TEMPLATE_PREFIX))
    {
      if (!outlay_user_template_parse_id (template_id, &user_template, error))
        return 0;
      return outlay_store_create_from_template (self, user_template, name, currency, error);
    }
  if (!outlay_store_check_new_budget (name, currency, &stripped, error))
    return 0;
  doc = outlay_template_build (template_id, stripped, error);
  if (doc == NULL)
    return 0;
  if (currency != NULL)
    outlay_template_set_currency (doc, currency);
  if (!outlay_store_save_new_document (self, doc, NULL, NULL, NULL, error))
    return 0;
  return outlay_budget_get_id (outlay_document_get_budget (doc));
}

/**
 * outlay_store_duplicate_budget:
 * @self: a store
 * @budget_id: the budget to copy
 * @name: the copy's name
 * @error: why it failed
 *
 * Returns: the copy's id, or 0
 */
gint64
outlay_store_duplicate_budget (OutlayStore  *self,
                               gint64        budget_id,
                               const char   *name,
                               GError      **error)
{
  g_autoptr(OutlayDocument) src = outlay_store_load_document (self, budget_id, error);
  g_autoptr(OutlayBudget) budget = NULL;
  g_autoptr(OutlayDocument) copy = NULL;

  if (src == NULL)
    return 0;
  budget = outlay_budget_copy (outlay_document_get_budget (src));
  g_object_set (budget, "id", (gint64) 0, "name", name, "status", OUTLAY_BUDGET_STATUS_DRAFT, NULL);
  copy = outlay_store_copy_document (src, budget, TRUE, error);
  if (copy == NULL || !outlay_store_save_new_document (self, copy, NULL, NULL, NULL, error))
    return 0;
  return outlay_budget_get_id (budget);
}

static gboolean
update_budget_column (OutlayStore *self, const char *sql, gint64 budget_id, const char *text,
                      gint64 number, const char *field, const char *old_value,
                      const char *new_value, GError **error)
{
  sqlite3_stmt *stmt;

  if (!outlay_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  stmt = outlay_store_statement (self, sql, error);
  if (stmt != NULL)
    {
      if (text != NULL)
        sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, 1, number);
      sqlite3_bind_int64 (stmt, 2, budget_id);
    }
  if (stmt == NULL || !outlay_store_step_done (self, stmt, error)
      || !outlay_store_expect_change (self, _("budget"), error)
      || !outlay_store_audit (self, budget_id, "budget", budget_id, "update", field, old_value,
                              new_value, error)
      || !outlay_store_exec (self, "COMMIT", error))
    {
      outlay_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

/**
 * outlay_store_rename_budget:
 * @self: a store
 * @budget_id: a budget not open in a document (else rename through it)
 * @name: the new name
 * @error: why it failed
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_store_rename_budget (OutlayStore  *self,
                            gint64        budget_id,
                            const char   *name,
                            GError      **error)
{
  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("A budget needs a name"));
      return FALSE;
    }
  return update_budget_column (self, "UPDATE budgets SET name = ? WHERE id = ?", budget_id, name,
                               0, "name", NULL, name, error);
}

/**
 * outlay_store_trash_budget:
 * @self: a store
 * @budget_id: a budget
 * @trashed: %TRUE to move it to the trash, %FALSE to bring it back
 * @error: why it failed
 *
 * Trashed budgets are hidden until outlay_store_purge_trashed() deletes
 * them, which is what lets "Delete" be undone.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_store_trash_budget (OutlayStore  *self,
                           gint64        budget_id,
                           gboolean      trashed,
                           GError      **error)
{
  return update_budget_column (self, "UPDATE budgets SET trashed = ? WHERE id = ?", budget_id,
                               NULL, trashed, "trashed", trashed ? "0" : "1",
                               trashed ? "1" : "0", error);
}

/**
 * outlay_store_purge_trashed:
 * @self: a store
 * @budget_id: the trashed budget to delete, or 0 for all of them
 * @error: why it failed
 *
 * Deletes trashed budgets for good, with everything they hold.  A budget
 * that is not in the trash is left alone.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_store_purge_trashed (OutlayStore  *self,
                            gint64        budget_id,
                            GError      **error)
{
  sqlite3_stmt *stmt;

  /* opened for viewing: the trash waits for a writable open */
  if (self->read_only != NULL && budget_id == 0)
    return TRUE;
  if (!outlay_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  stmt = outlay_store_statement (self,
    "INSERT INTO audit (at, actor, budget_id, entity, entity_id, action, old_value)"
    " SELECT ?1, ?2, id, 'budget', id, 'delete', name FROM budgets"
    " WHERE trashed = 1 AND (?3 = 0 OR id = ?3)", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC);
      sqlite3_bind_text (stmt, 2, g_get_user_name (), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, budget_id);
    }
  if (stmt == NULL || !outlay_store_step_done (self, stmt, error))
    {
      outlay_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  stmt = outlay_store_statement (self,
    "DELETE FROM budgets WHERE trashed = 1 AND (?1 = 0 OR id = ?1)", error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, budget_id);
  if (stmt == NULL || !outlay_store_step_done (self, stmt, error)
      || !outlay_store_exec (self, "COMMIT", error))
    {
      outlay_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

/**
 * outlay_store_check:
 * @self: a store
 * @error: %OUTLAY_ERROR_DAMAGED when the file is damaged
 *
 * Reads the whole file for damage (SQLite's quick_check: every page and
 * record, not the indexes' contents).  A damaged store refuses every
 * write from then on.  Run when the app opens the database and before a
 * bulk write.
 *
 * Returns: %TRUE if the file is sound
 */
gboolean
outlay_store_check (OutlayStore *self, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  int rc;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), FALSE);
  if (self->damaged)
    return outlay_store_set_damaged (self, error);
  if (sqlite3_prepare_v2 (self->db, "PRAGMA quick_check(1)", -1, &stmt, NULL) != SQLITE_OK)
    return outlay_store_fail (self, error);
  rc = sqlite3_step (stmt);
  ok = rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return outlay_store_fail (self, error);
  if (!ok)
    return outlay_store_set_damaged (self, error);
  return TRUE;
}

/**
 * outlay_store_is_damaged:
 * @self: a store
 *
 * Returns: %TRUE once SQLite has found the file damaged
 */
gboolean
outlay_store_is_damaged (OutlayStore *self)
{
  g_return_val_if_fail (OUTLAY_IS_STORE (self), FALSE);
  return self->damaged;
}

/**
 * outlay_store_get_data_version:
 * @self: a store
 *
 * Returns: a number that changes whenever another connection (another
 *   window, outlay-cli, a worker thread) commits to the database, and only
 *   then (SQLite's PRAGMA data_version)
 */
gint64
outlay_store_get_data_version (OutlayStore *self)
{
  sqlite3_stmt *stmt = outlay_store_statement (self, "PRAGMA data_version", NULL);
  gint64 v = -1;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return v;
}

/**
 * outlay_store_set_commit_hook:
 * @self: a store
 * @hook: (nullable): runs inside the transaction of each document command,
 *   after its changes and before COMMIT; a failure rolls the command back
 * @data: for @hook
 *
 * For writes that must land with a command or not at all (a sync's state
 * beside the edits it made).  Unset it when done.
 */
void
outlay_store_set_commit_hook (OutlayStore *self, OutlayStoreCommitHook hook, gpointer data)
{
  g_return_if_fail (OUTLAY_IS_STORE (self));
  self->commit_hook = hook;
  self->commit_data = data;
}

gboolean
outlay_store_run_commit_hook (OutlayStore *self, GError **error)
{
  return self->commit_hook == NULL || self->commit_hook (self, self->commit_data, error);
}
