/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-store"

/* A ClickUp sync's database side: people, tasks and time entries upserted
 * by their ClickUp ids, what ClickUp deleted removed, the cursor kept; all
 * in one transaction, so an interrupted sync leaves the budget as it was
 * and a repeated one changes nothing. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-error.h"
#include "outlay-store-clickup.h"
#include "outlay-store-private.h"

#define SOURCE "clickup"

static void
person_free (OutlayClickupPersonRow *row)
{
  g_free (row->external_id);
  g_free (row->name);
  g_free (row->email);
  g_free (row);
}

static void
task_free (OutlayClickupTaskRow *row)
{
  g_free (row->external_id);
  g_free (row->name);
  g_free (row->description);
  g_free (row->assignee);
  g_free (row->due_date);
  g_free (row);
}

static void
time_free (OutlayClickupTimeRow *row)
{
  g_free (row->external_id);
  g_free (row->task);
  g_free (row->person);
  g_free (row->date);
  g_free (row->description);
  g_free (row);
}

OutlayClickupBatch *
outlay_clickup_batch_new (gint64 budget_id, const char *list_id)
{
  OutlayClickupBatch *batch = g_new0 (OutlayClickupBatch, 1);

  batch->budget_id = budget_id;
  batch->list_id = g_strdup (list_id);
  batch->people = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
  batch->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) task_free);
  batch->time_entries = g_ptr_array_new_with_free_func ((GDestroyNotify) time_free);
  batch->windows = g_array_new (FALSE, FALSE, sizeof (gint64));
  return batch;
}

void
outlay_clickup_batch_free (OutlayClickupBatch *batch)
{
  if (batch == NULL)
    return;
  g_free (batch->list_id);
  g_ptr_array_unref (batch->people);
  g_ptr_array_unref (batch->tasks);
  g_ptr_array_unref (batch->time_entries);
  g_array_unref (batch->windows);
  g_free (batch);
}

void
outlay_clickup_summary_clear (OutlayClickupSummary *summary)
{
  g_clear_pointer (&summary->removed_names, g_ptr_array_unref);
  g_clear_pointer (&summary->removed_ids, g_ptr_array_unref);
  memset (summary, 0, sizeof *summary);
}

static char *
person_key (const char *external_id)
{
  return g_strconcat (SOURCE ":", external_id, NULL);
}

gboolean
outlay_store_clickup_get_state (OutlayStore *self,
                                gint64 budget_id,
                                const char *list_id,
                                gint64 *updated_after,
                                gint64 *since_ms,
                                GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT updated_after, since FROM sync_states WHERE budget_id = ? AND service = '" SOURCE
      "' AND scope = ?",
      error);
  gboolean found = FALSE;

  *updated_after = *since_ms = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  outlay_store_bind_text (stmt, 2, list_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *updated_after = sqlite3_column_int64 (stmt, 0);
      *since_ms = sqlite3_column_int64 (stmt, 1);
      found = TRUE;
    }
  sqlite3_reset (stmt);
  return found;
}

GPtrArray *
outlay_store_clickup_line_keys (OutlayStore *self, gint64 budget_id, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT id, coalesce(code, ''), coalesce(description, '') FROM lines WHERE budget_id = ? "
      "ORDER BY id",
      error);
  GPtrArray *keys;

  if (stmt == NULL)
    return NULL;
  keys = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  sqlite3_bind_int64 (stmt, 1, budget_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char **key = g_new0 (char *, 4);

      for (int i = 0; i < 3; i++)
        key[i] = g_strdup ((const char *) sqlite3_column_text (stmt, i));
      g_ptr_array_add (keys, key);
    }
  sqlite3_reset (stmt);
  return keys;
}

static void
bind_opt_id (sqlite3_stmt *stmt, int index, gint64 id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
apply_people (OutlayStore *self,
              OutlayClickupBatch *batch,
              GHashTable *people,
              OutlayClickupSummary *summary,
              GError **error)
{
  for (guint i = 0; i < batch->people->len; i++)
    {
      OutlayClickupPersonRow *row = g_ptr_array_index (batch->people, i);
      g_autofree char *key = person_key (row->external_id);
      sqlite3_stmt *stmt = outlay_store_statement (
          self, "SELECT id, name, email FROM people WHERE external_id = ?", error);
      gint64 id = 0;
      gboolean same = FALSE;

      if (stmt == NULL)
        return FALSE;
      outlay_store_bind_text (stmt, 1, key);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          id = sqlite3_column_int64 (stmt, 0);
          same = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), row->name) == 0
                 && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), row->email) == 0;
        }
      sqlite3_reset (stmt);
      if (id == 0 || !same)
        {
          stmt = outlay_store_statement (
              self,
              id == 0 ? "INSERT INTO people (name, email, external_id) VALUES (?1, ?2, ?3)"
                      : "UPDATE people SET name = ?1, email = ?2 WHERE external_id = ?3",
              error);
          if (stmt == NULL)
            return FALSE;
          outlay_store_bind_text (stmt, 1, row->name ? row->name : row->external_id);
          outlay_store_bind_text (stmt, 2, row->email);
          outlay_store_bind_text (stmt, 3, key);
          if (!outlay_store_step_done (self, stmt, error))
            return FALSE;
          if (id == 0)
            {
              id = sqlite3_last_insert_rowid (outlay_store_get_db (self));
              summary->people_added++;
            }
        }
      g_hash_table_insert (people, g_strdup (row->external_id), g_memdup2 (&id, sizeof id));
    }
  return TRUE;
}

static gint64
lookup_id (GHashTable *table, const char *key)
{
  gint64 *id = key ? g_hash_table_lookup (table, key) : NULL;

  return id ? *id : 0;
}

#define TASK_COLUMNS                                                                               \
  "name, description, status, assignee_id, estimated_hours, due_date, line_id, external_updated"

static gboolean
task_same (sqlite3_stmt *stmt, OutlayClickupTaskRow *row, gint64 assignee)
{
  return g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), row->name) == 0
         && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), row->description) == 0
         && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 4), row->status) == 0
         && sqlite3_column_int64 (stmt, 5) == assignee
         && sqlite3_column_int64 (stmt, 6) == row->estimated_hours
         && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 7), row->due_date) == 0
         && sqlite3_column_int64 (stmt, 8) == row->line_id
         && sqlite3_column_int64 (stmt, 9) == row->updated_ms;
}

static gboolean
apply_task (OutlayStore *self,
            OutlayClickupBatch *batch,
            OutlayClickupTaskRow *row,
            GHashTable *people,
            GHashTable *tasks,
            OutlayClickupSummary *summary,
            GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (self,
                                               "SELECT id, budget_id, " TASK_COLUMNS
                                               " FROM tasks WHERE external_source = '" SOURCE
                                               "' AND external_id = ?",
                                               error);
  gint64 assignee = lookup_id (people, row->assignee);
  gint64 id = 0, budget = 0;
  gboolean same = FALSE;

  if (stmt == NULL)
    return FALSE;
  outlay_store_bind_text (stmt, 1, row->external_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      budget = sqlite3_column_int64 (stmt, 1);
      same = task_same (stmt, row, assignee);
    }
  sqlite3_reset (stmt);
  if (id != 0 && budget != batch->budget_id)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("The ClickUp task “%s” is already synced into another budget; sync each list into one budget only."),
                      row->name);
      return FALSE;
    }
  if (same)
    {
      summary->tasks_unchanged++;
      g_hash_table_insert (tasks, g_strdup (row->external_id), g_memdup2 (&id, sizeof id));
      return TRUE;
    }
  stmt = outlay_store_statement (
      self,
      id == 0 ? "INSERT INTO tasks (name, description, status, assignee_id, estimated_hours, "
                "due_date, line_id,"
                " external_updated, budget_id, external_list, external_id, external_source)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, '" SOURCE "')"
              : "UPDATE tasks SET name = ?1, description = ?2, status = ?3, assignee_id = ?4, "
                "estimated_hours = ?5,"
                " due_date = ?6, line_id = ?7, external_updated = ?8, budget_id = ?9, "
                "external_list = ?10"
                " WHERE external_id = ?11 AND external_source = '" SOURCE "'",
      error);
  if (stmt == NULL)
    return FALSE;
  outlay_store_bind_text (stmt, 1, row->name);
  outlay_store_bind_text (stmt, 2, row->description);
  outlay_store_bind_text (stmt, 3, row->status);
  bind_opt_id (stmt, 4, assignee);
  sqlite3_bind_int64 (stmt, 5, row->estimated_hours);
  outlay_store_bind_text (stmt, 6, row->due_date);
  bind_opt_id (stmt, 7, row->line_id);
  sqlite3_bind_int64 (stmt, 8, row->updated_ms);
  sqlite3_bind_int64 (stmt, 9, batch->budget_id);
  outlay_store_bind_text (stmt, 10, batch->list_id);
  outlay_store_bind_text (stmt, 11, row->external_id);
  if (!outlay_store_step_done (self, stmt, error))
    return FALSE;
  if (id == 0)
    {
      id = sqlite3_last_insert_rowid (outlay_store_get_db (self));
      summary->tasks_added++;
    }
  else
    summary->tasks_updated++;
  g_hash_table_insert (tasks, g_strdup (row->external_id), g_memdup2 (&id, sizeof id));
  return TRUE;
}

/* The list's tasks ClickUp no longer lists; removed only when asked */
static gboolean
remove_deleted_tasks (OutlayStore *self,
                      OutlayClickupBatch *batch,
                      GHashTable *seen,
                      OutlayClickupSummary *summary,
                      GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT id, external_id, name FROM tasks WHERE budget_id = ? AND external_source = '" SOURCE
      "'"
      " AND external_list = ?",
      error);
  g_autoptr (GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch->budget_id);
  outlay_store_bind_text (stmt, 2, batch->list_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (!g_hash_table_contains (seen, sqlite3_column_text (stmt, 1)))
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);

        g_array_append_val (gone, id);
        g_ptr_array_add (summary->removed_names,
                         g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
        g_ptr_array_add (summary->removed_ids,
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      }
  sqlite3_reset (stmt);
  summary->tasks_removed = gone->len;
  for (guint i = 0; batch->remove_deleted && i < gone->len; i++)
    {
      stmt = outlay_store_statement (self, "DELETE FROM tasks WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (gone, gint64, i));
      if (!outlay_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static char *
ms_to_date (gint64 ms)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (ms / 1000);

  return g_date_time_format (dt, "%Y-%m-%d");
}

/* A ClickUp time entry already in the budget, as read once before the
 * sync's rows are compared (one query, not one per row) */
typedef struct
{
  gint64 id;
  gint64 task_id;
  gint64 person_id;
  gint64 hours;
  char *date;
  char *description;
  char *list;
  gboolean seen;
} Existing;

static void
existing_free (Existing *e)
{
  g_free (e->date);
  g_free (e->description);
  g_free (e->list);
  g_free (e);
}

static char *
column_text (sqlite3_stmt *stmt, int i)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, i));
}

/* external id → Existing for the budget's ClickUp entries; @others: how
 * many ClickUp entries other budgets hold (a row may move from one) */
static GHashTable *
existing_entries (OutlayStore *self, gint64 budget_id, gint64 *others, GError **error)
{
  g_autoptr (GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) existing_free);
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT e.external_id, e.id, e.task_id, coalesce(e.person_id, 0), e.date, e.hours,"
      " e.description, t.external_list, t.budget_id = ?1 FROM time_entries e"
      " JOIN tasks t ON t.id = e.task_id WHERE e.source = '" SOURCE "'",
      error);

  *others = 0;
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Existing *e;

      if (!sqlite3_column_int (stmt, 8))
        {
          (*others)++;
          continue;
        }
      e = g_new0 (Existing, 1);
      e->id = sqlite3_column_int64 (stmt, 1);
      e->task_id = sqlite3_column_int64 (stmt, 2);
      e->person_id = sqlite3_column_int64 (stmt, 3);
      e->date = column_text (stmt, 4);
      e->hours = sqlite3_column_int64 (stmt, 5);
      e->description = column_text (stmt, 6);
      e->list = column_text (stmt, 7);
      g_hash_table_insert (table, column_text (stmt, 0), e);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&table);
}

static gboolean
entry_same (Existing *e, OutlayClickupTimeRow *row, gint64 task_id, gint64 person_id)
{
  return e->task_id == task_id && e->person_id == person_id && e->hours == row->hours
         && g_strcmp0 (e->date, row->date) == 0
         && g_strcmp0 (e->description, row->description) == 0;
}

static gboolean
write_entry (OutlayStore *self,
             OutlayClickupTimeRow *row,
             gint64 id,
             gint64 task_id,
             gint64 person_id,
             OutlayClickupSummary *summary,
             GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      id == 0 ? "INSERT INTO time_entries (task_id, person_id, date, hours, description,"
                " external_id, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, '" SOURCE "')"
              : "UPDATE time_entries SET task_id = ?1, person_id = ?2, date = ?3, hours = ?4,"
                " description = ?5 WHERE external_id = ?6 AND source = '" SOURCE "'",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, task_id);
  bind_opt_id (stmt, 2, person_id);
  outlay_store_bind_text (stmt, 3, row->date);
  sqlite3_bind_int64 (stmt, 4, row->hours);
  outlay_store_bind_text (stmt, 5, row->description);
  outlay_store_bind_text (stmt, 6, row->external_id);
  if (!outlay_store_step_done (self, stmt, error))
    return FALSE;
  if (id == 0)
    summary->entries_added++;
  else
    summary->entries_updated++;
  return TRUE;
}

/* An entry not among this budget's: new, or (rarely) moved from another
 * budget's task */
static gboolean
apply_entry (OutlayStore *self,
             OutlayClickupTimeRow *row,
             gint64 task_id,
             gint64 person_id,
             gboolean elsewhere,
             OutlayClickupSummary *summary,
             GError **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  if (elsewhere)
    {
      stmt = outlay_store_statement (
          self, "SELECT id FROM time_entries WHERE source = '" SOURCE "' AND external_id = ?",
          error);
      if (stmt == NULL)
        return FALSE;
      outlay_store_bind_text (stmt, 1, row->external_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  return write_entry (self, row, id, task_id, person_id, summary, error);
}

static gboolean
in_windows (OutlayClickupBatch *batch, GPtrArray *from, GPtrArray *to, const char *date)
{
  for (guint w = 0; w < from->len; w++)
    if (g_strcmp0 (date, g_ptr_array_index (from, w)) >= 0
        && g_strcmp0 (date, g_ptr_array_index (to, w)) < 0)
      return TRUE;
  return FALSE;
}

/* Entries of the list's tasks dated inside a window ClickUp answered in
 * full, that it no longer has */
static gboolean
remove_deleted_entries (OutlayStore *self,
                        OutlayClickupBatch *batch,
                        GHashTable *existing,
                        OutlayClickupSummary *summary,
                        GError **error)
{
  g_autoptr (GPtrArray) from = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) to = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  Existing *e;

  for (guint w = 0; w + 1 < batch->windows->len; w += 2)
    {
      g_ptr_array_add (from, ms_to_date (g_array_index (batch->windows, gint64, w)));
      g_ptr_array_add (to, ms_to_date (g_array_index (batch->windows, gint64, w + 1)));
    }
  g_hash_table_iter_init (&iter, existing);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &e))
    {
      sqlite3_stmt *stmt;

      if (e->seen || g_strcmp0 (e->list, batch->list_id) != 0
          || !in_windows (batch, from, to, e->date))
        continue;
      stmt = outlay_store_statement (self, "DELETE FROM time_entries WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, e->id);
      if (!outlay_store_step_done (self, stmt, error))
        return FALSE;
      summary->entries_removed++;
    }
  return TRUE;
}

static gboolean
apply_entries (OutlayStore *self,
               OutlayClickupBatch *batch,
               GHashTable *people,
               OutlayClickupSummary *summary,
               GError **error)
{
  g_autoptr (GHashTable) tasks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) existing = NULL;
  gint64 others = 0;
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT id, external_id FROM tasks WHERE budget_id = ? AND external_source = '" SOURCE "'",
      error);

  if (stmt == NULL)
    return FALSE;
  /* every task of the budget, not only the changed ones an incremental
   * sync fetched: time is logged on old tasks too */
  sqlite3_bind_int64 (stmt, 1, batch->budget_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (tasks, g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                           g_memdup2 (&id, sizeof id));
    }
  sqlite3_reset (stmt);
  if ((existing = existing_entries (self, batch->budget_id, &others, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < batch->time_entries->len; i++)
    {
      OutlayClickupTimeRow *row = g_ptr_array_index (batch->time_entries, i);
      Existing *e = g_hash_table_lookup (existing, row->external_id);
      gint64 task_id = lookup_id (tasks, row->task);
      gint64 person_id = lookup_id (people, row->person);

      if (e != NULL)
        e->seen = TRUE;
      if (task_id == 0)
        {
          summary->entries_skipped++;
          continue;
        }
      if (e != NULL && entry_same (e, row, task_id, person_id))
        summary->entries_unchanged++;
      else if (e != NULL ? !write_entry (self, row, e->id, task_id, person_id, summary, error)
                         : !apply_entry (self, row, task_id, person_id, others > 0, summary, error))
        return FALSE;
    }
  return remove_deleted_entries (self, batch, existing, summary, error);
}

static gboolean
keep_state (OutlayStore *self, OutlayClickupBatch *batch, GError **error)
{
  gint64 updated_after, since;
  sqlite3_stmt *stmt;

  if (outlay_store_clickup_get_state (self, batch->budget_id, batch->list_id, &updated_after,
                                      &since, NULL)
      && updated_after == batch->updated_after && since == batch->since_ms)
    return TRUE; /* nothing changed: write nothing */
  stmt = outlay_store_statement (
      self,
      "INSERT OR REPLACE INTO sync_states (budget_id, service, scope, updated_after, since, synced)"
      " VALUES (?, '" SOURCE "', ?, ?, ?, ?)",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch->budget_id);
  outlay_store_bind_text (stmt, 2, batch->list_id);
  sqlite3_bind_int64 (stmt, 3, batch->updated_after);
  sqlite3_bind_int64 (stmt, 4, batch->since_ms);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time () / G_USEC_PER_SEC);
  return outlay_store_step_done (self, stmt, error);
}

gboolean
outlay_store_clickup_apply (OutlayStore *self,
                            OutlayClickupBatch *batch,
                            OutlayClickupSummary *summary,
                            GError **error)
{
  g_autoptr (GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) tasks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gboolean ok = TRUE;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), FALSE);
  g_return_val_if_fail (batch != NULL && batch->list_id != NULL, FALSE);

  memset (summary, 0, sizeof *summary);
  summary->removed_names = g_ptr_array_new_with_free_func (g_free);
  summary->removed_ids = g_ptr_array_new_with_free_func (g_free);
  if (!outlay_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  ok = apply_people (self, batch, people, summary, error);
  for (guint i = 0; ok && i < batch->tasks->len; i++)
    ok = apply_task (self, batch, g_ptr_array_index (batch->tasks, i), people, tasks, summary,
                     error);
  if (ok && batch->complete)
    ok = remove_deleted_tasks (self, batch, tasks, summary, error);
  ok = ok && apply_entries (self, batch, people, summary, error) && keep_state (self, batch, error);
  if (ok && batch->dry_run)
    {
      /* the summary shown before a sync that would remove tasks */
      outlay_store_exec (self, "ROLLBACK", NULL);
      return TRUE;
    }
  ok = ok && outlay_store_exec (self, "COMMIT", error);
  if (!ok)
    outlay_store_exec (self, "ROLLBACK", NULL);
  return ok;
}

gboolean
outlay_store_clickup_remove_tasks (OutlayStore *self,
                                   gint64 budget_id,
                                   GPtrArray *external_ids,
                                   guint *removed,
                                   GError **error)
{
  gboolean ok;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), FALSE);
  g_return_val_if_fail (external_ids != NULL, FALSE);

  *removed = 0;
  if (!outlay_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  ok = TRUE;
  for (guint i = 0; ok && i < external_ids->len; i++)
    {
      sqlite3_stmt *stmt = outlay_store_statement (
          self,
          "DELETE FROM tasks WHERE budget_id = ? AND external_source = '" SOURCE
          "' AND external_id = ?",
          error);

      ok = stmt != NULL;
      if (!ok)
        break;
      sqlite3_bind_int64 (stmt, 1, budget_id);
      outlay_store_bind_text (stmt, 2, g_ptr_array_index (external_ids, i));
      ok = outlay_store_step_done (self, stmt, error);
      if (ok)
        *removed += sqlite3_changes (outlay_store_get_db (self));
    }
  ok = ok && outlay_store_exec (self, "COMMIT", error);
  if (!ok)
    {
      outlay_store_exec (self, "ROLLBACK", NULL);
      *removed = 0;
    }
  return ok;
}
