/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-store"

/* People, their dated rates, tasks and time entries: loading a budget's
 * tasks with their logged totals (one GROUP BY when the budget opens, then
 * the document keeps them by difference), and the sink half that writes a
 * task or time command and its audit rows in the command's transaction. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-currency.h"

#include "outlay-document-sink.h"
#include "outlay-document-tasks.h"
#include "outlay-error.h"
#include "outlay-model-enum-types.h"
#include "outlay-store-private.h"
#include "outlay-store-tasks.h"

#define TASK_COLUMNS                                                                               \
  "line_id, name, description, status, assignee_id, estimated_hours, estimated_cost,"              \
  " hourly_rate, resource_cost, direct_cost, due_date, external_id, external_source,"              \
  " percent_complete"

#define TASK_JSON                                                                                  \
  "json_object('line_id', line_id, 'name', name, 'status', status, 'assignee_id', assignee_id,"    \
  " 'estimated_hours', estimated_hours, 'estimated_cost', estimated_cost, 'hourly_rate',"          \
  " hourly_rate, 'resource_cost', resource_cost, 'due_date', due_date, 'percent_complete',"        \
  " percent_complete)"

#define ENTRY_JSON                                                                                 \
  "json_object('task_id', e.task_id, 'person_id', e.person_id, 'date', e.date, 'hours',"           \
  " e.hours, 'rate', e.rate, 'rate_source', e.rate_source, 'cost', e.cost, 'description',"         \
  " e.description)"

static gboolean
run (OutlayStore *self, sqlite3_stmt *stmt, GError **error)
{
  return stmt != NULL && outlay_store_step_done (self, stmt, error);
}

static gint64
budget_id_of (OutlayDocument *doc)
{
  return outlay_budget_get_id (outlay_document_get_budget (doc));
}

static const char *
status_nick (OutlayTaskStatus status)
{
  return outlay_enum_to_nick (OUTLAY_TYPE_TASK_STATUS, status, "todo");
}

static OutlayTaskStatus
status_from_nick (const char *nick)
{
  return outlay_enum_from_nick (OUTLAY_TYPE_TASK_STATUS, nick, OUTLAY_TASK_STATUS_TODO);
}

static const char *
column_text (sqlite3_stmt *stmt, int col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

static void
bind_id (sqlite3_stmt *stmt, int index, gint64 id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

/* ---- loading ---- */

/* Appends a budget's tasks to @doc with their logged hours and cost;
 * called by outlay_store_load_document() inside its read transaction. */
gboolean
outlay_store_load_tasks (OutlayStore *self, OutlayDocument *doc, gint64 budget_id, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT t.id, t.line_id, t.name, t.description, t.status, t.assignee_id,"
      " t.estimated_hours, t.estimated_cost, t.hourly_rate, t.resource_cost, t.direct_cost,"
      " t.due_date, t.external_id, t.external_source, p.name, ifnull(e.hours, 0), ifnull(e.cost, "
      "0), t.percent_complete FROM tasks t"
      " LEFT JOIN people p ON p.id = t.assignee_id"
      " LEFT JOIN (SELECT task_id, sum(hours) AS hours, sum(cost) AS cost FROM time_entries"
      "   WHERE task_id IN (SELECT id FROM tasks WHERE budget_id = ?1) GROUP BY task_id) e"
      "   ON e.task_id = t.id"
      " WHERE t.budget_id = ?1 AND t.deleted = 0 ORDER BY t.position, t.id",
      error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(OutlayTask) task = outlay_task_new ();

      g_object_set (task, "id", sqlite3_column_int64 (stmt, 0), "budget-id", budget_id, "line-id",
                    sqlite3_column_int64 (stmt, 1), "name", column_text (stmt, 2), "description",
                    column_text (stmt, 3), "status", status_from_nick (column_text (stmt, 4)),
                    "assignee-id", sqlite3_column_int64 (stmt, 5), "estimated-hours",
                    sqlite3_column_int64 (stmt, 6), "estimated-cost",
                    sqlite3_column_int64 (stmt, 7), "hourly-rate", sqlite3_column_int64 (stmt, 8),
                    "resource-cost", sqlite3_column_int64 (stmt, 9), "direct-cost",
                    sqlite3_column_int64 (stmt, 10), "due-date", column_text (stmt, 11),
                    "external-id", column_text (stmt, 12), "external-source",
                    column_text (stmt, 13), "assignee", column_text (stmt, 14), "percent-complete",
                    sqlite3_column_type (stmt, 17) == SQLITE_NULL
                        ? -1
                        : CLAMP (sqlite3_column_int (stmt, 17), 0, 100),
                    NULL);
      outlay_document_load_task (doc, task, sqlite3_column_int64 (stmt, 15),
                                 sqlite3_column_int64 (stmt, 16));
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || outlay_store_fail (self, error);
}

/* ---- people and rates ---- */

/**
 * outlay_store_list_people:
 * @self: a store
 * @error: why it failed
 *
 * Returns: (transfer container) (element-type OutlayPerson): everyone, by
 *   name, with their undated default rates
 */
GPtrArray *
outlay_store_list_people (OutlayStore *self, GError **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT id, name, email, role, hourly_rate, cost_rate, external_id FROM people"
      " ORDER BY name COLLATE NOCASE, id",
      error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutlayPerson *person = outlay_person_new ();

      g_object_set (person, "id", sqlite3_column_int64 (stmt, 0), "name", column_text (stmt, 1),
                    "email", column_text (stmt, 2), "role", column_text (stmt, 3), "hourly-rate",
                    sqlite3_column_int64 (stmt, 4), "cost-rate", sqlite3_column_int64 (stmt, 5),
                    "external-id", column_text (stmt, 6), NULL);
      g_ptr_array_add (people, person);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      outlay_store_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&people);
}

/**
 * outlay_store_find_person:
 * @self: a store
 * @name_or_id: a person's name (case does not matter) or id
 * @error: %OUTLAY_ERROR_NOT_FOUND when nobody has it
 *
 * Returns: the person's id, or 0
 */
gint64
outlay_store_find_person (OutlayStore *self, const char *name_or_id, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT id FROM people WHERE name = ?1 COLLATE NOCASE OR CAST(id AS TEXT) = ?1"
      " ORDER BY name = ?1 COLLATE NOCASE DESC LIMIT 1",
      error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name_or_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    outlay_store_fail (self, error);
  else if (id == 0)
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                 _("There is nobody called “%s”: add them with “outlay-cli person add NAME”"),
                    name_or_id);
  return id;
}

static gboolean
in_transaction (OutlayStore *self, gboolean ok, GError **error)
{
  if (ok && outlay_store_exec (self, "COMMIT", error))
    return TRUE;
  outlay_store_exec (self, "ROLLBACK", NULL);
  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gboolean
check_name (const char *name, GError **error)
{
  if (is_blank (name))
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("A person needs a name"));
      return FALSE;
    }
  return TRUE;
}

/**
 * outlay_store_add_person:
 * @self: a store
 * @name: their name
 * @email: (nullable): an address
 * @role: (nullable): what they do
 * @error: why it failed
 *
 * Adds a person with no rates yet (see outlay_store_set_rate()).
 *
 * Returns: their id, or 0
 */
gint64
outlay_store_add_person (OutlayStore *self,
                         const char *name,
                         const char *email,
                         const char *role,
                         GError **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  if (!check_name (name, error) || !outlay_store_exec (self, "BEGIN IMMEDIATE", error))
    return 0;
  stmt = outlay_store_statement (self, "INSERT INTO people (name, email, role) VALUES (?, ?, ?)",
                                 error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      outlay_store_bind_text (stmt, 2, email);
      outlay_store_bind_text (stmt, 3, role);
    }
  ok = run (self, stmt, error);
  if (ok)
    id = sqlite3_last_insert_rowid (outlay_store_get_db (self));
  ok = ok && outlay_store_audit (self, 0, "person", id, "insert", "name", NULL, name, error);
  return in_transaction (self, ok, error) ? id : 0;
}

/**
 * outlay_store_set_person:
 * @self: a store
 * @person_id: a person
 * @name: (nullable): a new name, or %NULL to keep it
 * @email: (nullable): a new address, or %NULL to keep it
 * @role: (nullable): a new role, or %NULL to keep it
 * @error: why it failed
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_store_set_person (OutlayStore *self,
                         gint64 person_id,
                         const char *name,
                         const char *email,
                         const char *role,
                         GError **error)
{
  const char *columns[] = { "name", "email", "role" };
  const char *values[] = { name, email, role };
  gboolean ok = TRUE;

  if (name != NULL && !check_name (name, error))
    return FALSE;
  if (!outlay_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (guint i = 0; ok && i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt;

      if (values[i] == NULL)
        continue;
      sql = g_strdup_printf ("UPDATE people SET %s = ? WHERE id = ?", columns[i]);
      stmt = outlay_store_statement (self, sql, error);
      if (stmt != NULL)
        {
          outlay_store_bind_text (stmt, 1, values[i]);
          sqlite3_bind_int64 (stmt, 2, person_id);
        }
      ok = run (self, stmt, error)
           && outlay_store_expect_change (self, _("person"), error)
                                          && outlay_store_audit (self, 0, "person", person_id,
                                                                 "update", columns[i], NULL,
                                                                 values[i], error);
    }
  return in_transaction (self, ok, error);
}

static gboolean
valid_day (const char *date)
{
  GDate d;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  g_date_clear (&d, 1);
  g_date_set_parse (&d, date);
  return g_date_valid (&d);
}

/**
 * outlay_store_set_rate:
 * @self: a store
 * @change: the rates, whose (person_id 0 for a budget's default), for
 *   which budget (0 for all) and from which day (%NULL for always)
 * @error: why it failed
 *
 * Sets a rate from a day forward, replacing one set for the same person,
 * budget and day.  Entries already logged keep the rate they were costed
 * at until they are re-costed.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_store_set_rate (OutlayStore *self, const OutlayRateChange *change, GError **error)
{
  g_autofree char *text = NULL;
  g_autofree char *rate = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  if (change->cost_rate < 0 || change->bill_rate < 0)
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("An hourly rate cannot be negative"));
      return FALSE;
    }
  if (change->valid_from != NULL && !valid_day (change->valid_from))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a date: write it as YYYY-MM-DD"), change->valid_from);
      return FALSE;
    }
  if (change->person_id == 0 && change->budget_id == 0)
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("A rate is a person's, a budget's, or a person's for a budget"));
      return FALSE;
    }
  if (change->currency != NULL && !outlay_currency_is_known (change->currency))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a currency code (like EUR or USD)"), change->currency);
      return FALSE;
    }
  if (!outlay_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  stmt = outlay_store_statement (
      self, "DELETE FROM rates WHERE person_id IS ?1 AND budget_id IS ?2 AND valid_from = ?3",
      error);
  if (stmt != NULL)
    {
      bind_id (stmt, 1, change->person_id);
      bind_id (stmt, 2, change->budget_id);
      sqlite3_bind_text (stmt, 3, change->valid_from ? change->valid_from : "", -1,
                         SQLITE_TRANSIENT);
    }
  ok = run (self, stmt, error);
  stmt = ok ? outlay_store_statement (self,
                                      "INSERT INTO rates (person_id, budget_id, valid_from, "
                                      "cost_rate, bill_rate, currency, created)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?)",
                                      error)
            : NULL;
  if (stmt != NULL)
    {
      bind_id (stmt, 1, change->person_id);
      bind_id (stmt, 2, change->budget_id);
      sqlite3_bind_text (stmt, 3, change->valid_from ? change->valid_from : "", -1,
                         SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, change->cost_rate);
      sqlite3_bind_int64 (stmt, 5, change->bill_rate);
      outlay_store_bind_text (stmt, 6, change->currency);
      sqlite3_bind_int64 (stmt, 7, g_get_real_time () / G_USEC_PER_SEC);
    }
  ok = ok && run (self, stmt, error);
  rate = outlay_decimal_to_string_trim (change->cost_rate);
  text = g_strdup_printf ("%s/h from %s", rate,
                          change->valid_from ? change->valid_from : "the start");
  ok = ok
       && outlay_store_audit (self, change->budget_id, change->person_id ? "person" : "budget",
                              change->person_id ? change->person_id : change->budget_id, "rate",
                              "cost_rate", NULL, text, error);
  return in_transaction (self, ok, error);
}

/**
 * outlay_store_list_rates:
 * @self: a store
 * @budget_id: a budget, or 0 for people's defaults only
 * @error: why it failed
 *
 * Every rate that can apply in @budget_id: people's defaults, their rates
 * for this budget and the budget's own, each from its day forward.
 *
 * Returns: (transfer container) (element-type OutlayRateChange): the rates,
 *   by person, budget and day
 */
GPtrArray *
outlay_store_list_rates (OutlayStore *self, gint64 budget_id, GError **error)
{
  g_autoptr(GPtrArray)
                 rates = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_rate_change_free);
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT 0, id, NULL, NULL, cost_rate, hourly_rate, currency FROM people"
      "  WHERE cost_rate != 0 OR hourly_rate != 0"
      " UNION ALL SELECT id, person_id, budget_id, valid_from, cost_rate, bill_rate, currency"
      "  FROM rates WHERE budget_id IS NULL OR budget_id = ?1"
      " ORDER BY 2, 3, 4",
      error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutlayRateChange *change = outlay_rate_change_new ();
      const char *from = column_text (stmt, 3);

      change->id = sqlite3_column_int64 (stmt, 0);
      change->person_id = sqlite3_column_int64 (stmt, 1);
      change->budget_id = sqlite3_column_int64 (stmt, 2);
      change->valid_from = from != NULL && *from != '\0' ? g_strdup (from) : NULL;
      change->cost_rate = sqlite3_column_int64 (stmt, 4);
      change->bill_rate = sqlite3_column_int64 (stmt, 5);
      change->currency = g_strdup (column_text (stmt, 6));
      g_ptr_array_add (rates, change);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      outlay_store_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&rates);
}

/**
 * outlay_store_list_time:
 * @self: a store
 * @budget_id: a budget
 * @from: (nullable): the first day, YYYY-MM-DD
 * @to: (nullable): the last day
 * @error: why it failed
 *
 * The time logged on the budget's tasks (deleted tasks left out), by day.
 *
 * Returns: (transfer container) (element-type OutlayTimeEntry): the entries
 */
GPtrArray *
outlay_store_list_time (OutlayStore *self,
                        gint64 budget_id,
                        const char *from,
                        const char *to,
                        GError **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT e.id, e.task_id, e.person_id, e.date, e.hours, e.description, e.rate,"
      " e.rate_overridden, e.rate_source FROM time_entries e JOIN tasks t ON t.id = e.task_id"
      " WHERE t.budget_id = ?1 AND t.deleted = 0 AND e.date >= ifnull(?2, '')"
      " AND e.date <= ifnull(?3, '9999') ORDER BY e.date, e.id",
      error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  outlay_store_bind_text (stmt, 2, from);
  outlay_store_bind_text (stmt, 3, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutlayTimeEntry *entry = outlay_time_entry_new ();

      g_object_set (entry, "id", sqlite3_column_int64 (stmt, 0), "task-id",
                    sqlite3_column_int64 (stmt, 1), "person-id", sqlite3_column_int64 (stmt, 2),
                    "date", column_text (stmt, 3), "hours", sqlite3_column_int64 (stmt, 4),
                    "description", column_text (stmt, 5), "rate", sqlite3_column_int64 (stmt, 6),
                    "rate-overridden", sqlite3_column_int (stmt, 7) != 0, "rate-source",
                    column_text (stmt, 8), NULL);
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      outlay_store_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/**
 * outlay_store_hours_by_day:
 * @self: a store
 * @budget_id: a budget
 * @by_person: sum by person, else by task
 * @from: the first day, YYYY-MM-DD
 * @to: the last day
 * @error: why it failed
 *
 * The hours logged on the budget's tasks, per person (or task) and day:
 * what the week grid shows.
 *
 * Returns: (transfer full) (element-type OutlayHoursCell): the sums
 */
GArray *
outlay_store_hours_by_day (OutlayStore *self,
                           gint64 budget_id,
                           gboolean by_person,
                           const char *from,
                           const char *to,
                           GError **error)
{
  g_autoptr(GArray) cells = g_array_new (FALSE, TRUE, sizeof (OutlayHoursCell));
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      by_person
          /* from the week's entries (time_entries_day), not the budget's tasks */
          ? "SELECT ifnull(e.person_id, 0), e.date, sum(e.hours) FROM time_entries e"
            " CROSS JOIN tasks t ON t.id = e.task_id WHERE e.date BETWEEN ?2 AND ?3"
            " AND t.budget_id = ?1 AND t.deleted = 0 GROUP BY 1, 2"
          : "SELECT t.id, e.date, sum(e.hours) FROM time_entries e"
            " CROSS JOIN tasks t ON t.id = e.task_id WHERE e.date BETWEEN ?2 AND ?3"
            " AND t.budget_id = ?1 AND t.deleted = 0 GROUP BY 1, 2",
      error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutlayHoursCell cell = { .key = sqlite3_column_int64 (stmt, 0),
                               .hours = sqlite3_column_int64 (stmt, 2) };

      g_strlcpy (cell.date, column_text (stmt, 1) ? column_text (stmt, 1) : "", sizeof cell.date);
      g_array_append_val (cells, cell);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      outlay_store_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&cells);
}

/**
 * outlay_store_get_timer:
 * @self: a store
 * @task_id: (out): the task the running timer is on, 0 when none runs
 * @person_id: (out): for whom
 * @started: (out): since when, Unix time
 * @error: why it failed
 *
 * Returns: %TRUE on success, whether or not a timer runs
 */
gboolean
outlay_store_get_timer (OutlayStore *self,
                        gint64 *task_id,
                        gint64 *person_id,
                        gint64 *started,
                        GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self, "SELECT task_id, ifnull(person_id, 0), started FROM timer WHERE id = 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  *task_id = *person_id = *started = 0;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *task_id = sqlite3_column_int64 (stmt, 0);
      *person_id = sqlite3_column_int64 (stmt, 1);
      *started = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE || outlay_store_fail (self, error);
}

/**
 * outlay_store_set_timer:
 * @self: a store
 * @task_id: the task to time, or 0 to stop the timer
 * @person_id: for whom, 0 for nobody in particular
 * @started: since when, Unix time
 * @error: why it failed
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_store_set_timer (OutlayStore *self,
                        gint64 task_id,
                        gint64 person_id,
                        gint64 started,
                        GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      task_id > 0
          ? "INSERT OR REPLACE INTO timer (id, task_id, person_id, started) VALUES (1, ?, ?, ?)"
          : "DELETE FROM timer",
      error);

  if (stmt == NULL)
    return FALSE;
  if (task_id > 0)
    {
      sqlite3_bind_int64 (stmt, 1, task_id);
      bind_id (stmt, 2, person_id);
      sqlite3_bind_int64 (stmt, 3, started);
    }
  return run (self, stmt, error);
}

/* ---- the sink half ---- */

static gboolean
audit_row (OutlayStore *self, const char *sql, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_text (stmt, 2, g_get_user_name (), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);
  return run (self, stmt, error);
}

static void
bind_task (sqlite3_stmt *stmt, int first, OutlayTask *task)
{
  bind_id (stmt, first, outlay_task_get_line_id (task));
  sqlite3_bind_text (stmt, first + 1, outlay_task_get_name (task), -1, SQLITE_TRANSIENT);
  outlay_store_bind_text (stmt, first + 2, outlay_task_get_description (task));
  sqlite3_bind_text (stmt, first + 3, status_nick (outlay_task_get_status (task)), -1,
                     SQLITE_STATIC);
  bind_id (stmt, first + 4, outlay_task_get_assignee_id (task));
  sqlite3_bind_int64 (stmt, first + 5, outlay_task_get_estimated_hours (task));
  sqlite3_bind_int64 (stmt, first + 6, outlay_task_get_estimated_cost (task));
  sqlite3_bind_int64 (stmt, first + 7, outlay_task_get_hourly_rate (task));
  sqlite3_bind_int64 (stmt, first + 8, outlay_task_get_resource_cost (task));
  sqlite3_bind_int64 (stmt, first + 9, outlay_task_get_direct_cost (task));
  outlay_store_bind_text (stmt, first + 10, outlay_task_get_due_date (task));
  outlay_store_bind_text (stmt, first + 11, outlay_task_get_external_id (task));
  outlay_store_bind_text (stmt, first + 12, outlay_task_get_external_source (task));
  if (outlay_task_get_percent_complete (task) >= 0)
    sqlite3_bind_int (stmt, first + 13, outlay_task_get_percent_complete (task));
  else
    sqlite3_bind_null (stmt, first + 13);
}

static gboolean
shift_tasks (OutlayStore *self, gint64 budget_id, guint from, int delta, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "UPDATE tasks SET position = position + ?1 WHERE budget_id = ?2 AND deleted = 0"
      " AND position >= ?3",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, delta);
  sqlite3_bind_int64 (stmt, 2, budget_id);
  sqlite3_bind_int64 (stmt, 3, from);
  return run (self, stmt, error);
}

static gboolean
sink_task_inserted (OutlayDocumentSink *sink,
                    OutlayDocument *doc,
                    guint index,
                    OutlayTask *task,
                    GError **error)
{
  OutlayStore *self = OUTLAY_STORE (sink);
  sqlite3_stmt *stmt;
  gboolean back = outlay_task_get_id (task) > 0;

  if (!shift_tasks (self, budget_id_of (doc), index, +1, error))
    return FALSE;
  if (back) /* undo of a delete: the row is still there */
    stmt = outlay_store_statement (
        self, "UPDATE tasks SET deleted = 0, position = ?2 WHERE id = ?1 AND deleted = 1", error);
  else
    stmt = outlay_store_statement (self,
                                   "INSERT INTO tasks (budget_id, position, " TASK_COLUMNS ")"
                                   " VALUES (?1, ?2, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, back ? outlay_task_get_id (task) : budget_id_of (doc));
  sqlite3_bind_int64 (stmt, 2, index);
  if (!back)
    bind_task (stmt, 3, task);
  if (!run (self, stmt, error) || !outlay_store_expect_change (self, _("task"), error))
    return FALSE;
  if (!back)
    g_object_set (task, "id", sqlite3_last_insert_rowid (outlay_store_get_db (self)), NULL);
  return audit_row (self,
                    "INSERT INTO audit (at, actor, budget_id, entity, entity_id, action, new_value)"
                    " SELECT ?1, ?2, budget_id, 'task', id, 'insert', " TASK_JSON
                    " FROM tasks WHERE id = ?3",
                    outlay_task_get_id (task), error);
}

static gboolean
sink_task_removed (OutlayDocumentSink *sink,
                   OutlayDocument *doc,
                   guint index,
                   OutlayTask *task,
                   GError **error)
{
  OutlayStore *self = OUTLAY_STORE (sink);
  sqlite3_stmt *stmt = outlay_store_statement (
      self, "UPDATE tasks SET deleted = 1 WHERE id = ? AND deleted = 0", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, outlay_task_get_id (task));
  return run (self, stmt, error)
         && outlay_store_expect_change (
             self, _("task"), error)
             && shift_tasks (self, budget_id_of (doc), index + 1, -1, error)
             && audit_row (self,
                           "INSERT INTO audit (at, actor, budget_id, entity, entity_id, action,"
                           " old_value) SELECT ?1, ?2, budget_id, 'task', id, 'delete', " TASK_JSON
                           " FROM tasks WHERE id = ?3",
                           outlay_task_get_id (task), error);
}

static char *
task_value (OutlayTask *task, const char *property)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_object_get_property (G_OBJECT (task), property, &v);
  if (G_VALUE_HOLDS_STRING (&v))
    return g_value_dup_string (&v);
  if (G_VALUE_HOLDS_ENUM (&v))
    return g_strdup (status_nick (g_value_get_enum (&v)));
  if (G_VALUE_HOLDS_INT (&v)) /* percent complete, NULL when not given */
    return g_value_get_int (&v) >= 0 ? g_strdup_printf ("%d", g_value_get_int (&v)) : NULL;
  if (g_str_has_suffix (property, "-id"))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (&v));
  return outlay_decimal_to_string_trim (g_value_get_int64 (&v));
}

static gboolean
sink_task_changed (OutlayDocumentSink *sink,
                   OutlayDocument *doc,
                   OutlayTask *task,
                   OutlayTask *before,
                   GError **error)
{
  static const char *const audited[] = {
    "line-id",          "name",           "description", "status",        "assignee-id",
    "estimated-hours",  "estimated-cost", "hourly-rate", "resource-cost", "due-date",
    "percent-complete",
  };
  OutlayStore *self = OUTLAY_STORE (sink);
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "UPDATE tasks SET (" TASK_COLUMNS
      ") = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?",
      error);

  if (stmt == NULL)
    return FALSE;
  bind_task (stmt, 1, task);
  sqlite3_bind_int64 (stmt, 15, outlay_task_get_id (task));
  if (!run (self, stmt, error) || !outlay_store_expect_change (self, _("task"), error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (audited); i++)
    {
      g_autofree char *old_value = task_value (before, audited[i]);
      g_autofree char *new_value = task_value (task, audited[i]);

      if (g_strcmp0 (old_value, new_value) != 0
          && !outlay_store_audit (self, budget_id_of (doc), "task", outlay_task_get_id (task),
                                  "update", audited[i], old_value, new_value, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
sink_task_moved (OutlayDocumentSink *sink,
                 OutlayDocument *doc,
                 OutlayTask *task,
                 guint from,
                 guint to,
                 GError **error)
{
  OutlayStore *self = OUTLAY_STORE (sink);
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "UPDATE tasks SET position = CASE WHEN id = ?1 THEN ?3"
      " WHEN ?2 < ?3 THEN position - 1 ELSE position + 1 END"
      " WHERE budget_id = ?4 AND deleted = 0 AND position BETWEEN min(?2, ?3) AND max(?2, ?3)",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, outlay_task_get_id (task));
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  sqlite3_bind_int64 (stmt, 4, budget_id_of (doc));
  return run (self, stmt, error)
         && outlay_store_audit (self, budget_id_of (doc), "task", outlay_task_get_id (task), "move",
                                "position", NULL, NULL, error);
}

/* Refuses an entry that takes its person past 24 hours on its day, over
 * every budget. */
static gboolean
check_day (OutlayStore *self, OutlayTimeEntry *entry, GError **error)
{
  sqlite3_stmt *stmt;
  OutlayDecimal total = 0;
  g_autofree char *hours = NULL;
  const char *name = NULL;
  int rc;

  if (outlay_time_entry_get_person_id (entry) == 0)
    return TRUE;
  stmt = outlay_store_statement (
      self,
      "SELECT sum(e.hours), p.name FROM time_entries e JOIN people p ON p.id = e.person_id"
      " WHERE e.person_id = ? AND e.date = ?",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, outlay_time_entry_get_person_id (entry));
  sqlite3_bind_text (stmt, 2, outlay_time_entry_get_date (entry), -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      total = sqlite3_column_int64 (stmt, 0);
      hours = outlay_decimal_to_string_trim (total);
      name = column_text (stmt, 1);
      if (total > OUTLAY_MAX_DAY_HOURS)
        g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                     _("%s would have %s hours on %s, more than a day has: nothing was logged"),
                        name, hours, outlay_time_entry_get_date (entry));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return outlay_store_fail (self, error);
  return total <= OUTLAY_MAX_DAY_HOURS;
}

static gboolean
sink_time_added (OutlayDocumentSink *sink,
                 OutlayDocument *doc,
                 OutlayTask *task,
                 OutlayTimeEntry *entry,
                 GError **error)
{
  OutlayStore *self = OUTLAY_STORE (sink);
  gint64 id = outlay_time_entry_get_id (entry);
  OutlayDecimal cost = 0;
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "INSERT INTO time_entries (id, task_id, person_id, date, hours, description, rate,"
      " rate_overridden, source, rate_source, cost)"
      " VALUES ((SELECT ?1 WHERE NOT EXISTS (SELECT 1 FROM time_entries WHERE id = ?1)),"
      " ?, ?, ?, ?, ?, ?, ?, 'manual', ?, ?)",
      error);

  if (stmt == NULL)
    return FALSE;
  outlay_time_entry_get_cost (entry, &cost);
  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, outlay_task_get_id (task));
  bind_id (stmt, 3, outlay_time_entry_get_person_id (entry));
  sqlite3_bind_text (stmt, 4, outlay_time_entry_get_date (entry), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, outlay_time_entry_get_hours (entry));
  outlay_store_bind_text (stmt, 6, outlay_time_entry_get_description (entry));
  sqlite3_bind_int64 (stmt, 7, outlay_time_entry_get_rate (entry));
  sqlite3_bind_int (stmt, 8, outlay_time_entry_get_rate_overridden (entry));
  outlay_store_bind_text (stmt, 9, outlay_time_entry_get_rate_source (entry));
  sqlite3_bind_int64 (stmt, 10, cost);
  if (!run (self, stmt, error))
    return FALSE;
  g_object_set (entry, "id", sqlite3_last_insert_rowid (outlay_store_get_db (self)), NULL);
  return check_day (self, entry, error)
         && audit_row (self,
                       "INSERT INTO audit (at, actor, budget_id, entity, entity_id, action,"
                       " new_value) SELECT ?1, ?2, t.budget_id, 'time', e.id, 'insert', " ENTRY_JSON
                       " FROM time_entries e JOIN tasks t ON t.id = e.task_id"
                       " WHERE e.id = ?3",
                       outlay_time_entry_get_id (entry), error);
}

static gboolean
sink_time_removed (OutlayDocumentSink *sink,
                   OutlayDocument *doc,
                   OutlayTask *task,
                   OutlayTimeEntry *entry,
                   GError **error)
{
  OutlayStore *self = OUTLAY_STORE (sink);
  sqlite3_stmt *stmt;

  if (!audit_row (self,
                  "INSERT INTO audit (at, actor, budget_id, entity, entity_id, action, old_value)"
                  " SELECT ?1, ?2, t.budget_id, 'time', e.id, 'delete', " ENTRY_JSON
                  " FROM time_entries e JOIN tasks t ON t.id = e.task_id WHERE e.id = ?3",
                  outlay_time_entry_get_id (entry), error))
    return FALSE;
  stmt = outlay_store_statement (self, "DELETE FROM time_entries WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, outlay_time_entry_get_id (entry));
  return run (self, stmt, error) && outlay_store_expect_change (self, _("time entry"), error);
}

static gboolean
sink_time_recosted (OutlayDocumentSink *sink,
                    OutlayDocument *doc,
                    OutlayTimeEntry *entry,
                    OutlayTimeEntry *before,
                    GError **error)
{
  OutlayStore *self = OUTLAY_STORE (sink);
  g_autofree char *old_rate = outlay_decimal_to_string_trim (outlay_time_entry_get_rate (before));
  g_autofree char *new_rate = outlay_decimal_to_string_trim (outlay_time_entry_get_rate (entry));
  OutlayDecimal cost = 0;
  sqlite3_stmt *stmt = outlay_store_statement (
      self, "UPDATE time_entries SET rate = ?, rate_source = ?, cost = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  outlay_time_entry_get_cost (entry, &cost);
  sqlite3_bind_int64 (stmt, 1, outlay_time_entry_get_rate (entry));
  outlay_store_bind_text (stmt, 2, outlay_time_entry_get_rate_source (entry));
  sqlite3_bind_int64 (stmt, 3, cost);
  sqlite3_bind_int64 (stmt, 4, outlay_time_entry_get_id (entry));
  return run (self, stmt, error)
         && outlay_store_expect_change (self, _("time entry"), error)
                                        && outlay_store_audit (self, budget_id_of (doc), "time",
                                                               outlay_time_entry_get_id (entry),
                                                               "recost", "rate", old_rate, new_rate,
                                                               error);
}

void
outlay_store_tasks_sink_init (OutlayDocumentSinkInterface *iface)
{
  iface->task_inserted = sink_task_inserted;
  iface->task_removed = sink_task_removed;
  iface->task_changed = sink_task_changed;
  iface->task_moved = sink_task_moved;
  iface->time_added = sink_time_added;
  iface->time_removed = sink_time_removed;
  iface->time_recosted = sink_time_recosted;
}
