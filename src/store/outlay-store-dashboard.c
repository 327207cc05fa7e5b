/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-store"

/* The sums a budget's dashboard rests on.  Time is read from the totals
 * the triggers of migration 15 keep per task, per day and per person, so
 * a budget with a million entries costs a few thousand rows; lines and
 * tasks are read once each and summed here.  And the forecast of each
 * day, kept so last month's can be set beside today's. */

#include "config.h"

#include "outlay-store-dashboard.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "outlay-error.h"
#include "outlay-model-enum-types.h"
#include "outlay-section.h"
#include "outlay-store-private.h"

typedef struct
{
  OutlayDashboardFacts *facts;
  GHashTable *days;       /* Julian day → OutlayFactsDay* */
  GHashTable *line_tasks; /* line id → OutlayDecimal* its tasks' actual */
  GArray *tasks;          /* OutlayFactsRow, every task */
  GArray *overruns;       /* OutlayFactsRow */
  gboolean overflow;
  gboolean has_plan; /* a task has a due date */
} Gather;

static guint32
iso_day (const unsigned char *text)
{
  int y, m, d;

  if (text == NULL || strlen ((const char *) text) < 10
      || sscanf ((const char *) text, "%4d-%2d-%2d", &y, &m, &d) != 3
      || !g_date_valid_dmy (d, m, y))
    return 0;
  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, d, m, y);
    return g_date_get_julian (&date);
  }
}

static void
iso_text (guint32 day, char out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
}

static void
add (Gather *g, OutlayDecimal *to, OutlayDecimal amount)
{
  if (!outlay_decimal_add (*to, amount, to))
    g->overflow = TRUE;
}

static OutlayFactsDay *
day_of (Gather *g, guint32 day)
{
  OutlayFactsDay *d = g_hash_table_lookup (g->days, GUINT_TO_POINTER (day));

  if (d == NULL)
    {
      d = g_new0 (OutlayFactsDay, 1);
      d->day = day;
      g_hash_table_insert (g->days, GUINT_TO_POINTER (day), d);
    }
  return d;
}

static gboolean
read_budget (OutlayStore *self, Gather *g, GError **error)
{
  OutlayDashboardFacts *f = g->facts;
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT currency, allocated, allocated_hours, warning_threshold, critical_threshold,"
      " fiscal_start, fiscal_end, (SELECT kind FROM budget_periods WHERE budget_id = ?1)"
      " FROM budgets WHERE id = ?1",
      error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, f->budget_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_strlcpy (f->currency, (const char *) sqlite3_column_text (stmt, 0), sizeof f->currency);
      f->allocated = sqlite3_column_int64 (stmt, 1);
      f->allocated_hours = sqlite3_column_int64 (stmt, 2);
      f->warning = sqlite3_column_int64 (stmt, 3);
      f->critical = sqlite3_column_int64 (stmt, 4);
      f->start_day = iso_day (sqlite3_column_text (stmt, 5));
      f->fiscal_start = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      f->fiscal_end = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      f->period_kind = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 7), "quarter") == 0
                           ? OUTLAY_PERIOD_KIND_QUARTER
                           : OUTLAY_PERIOD_KIND_MONTH;
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                   _("There is no budget %" G_GINT64_FORMAT), f->budget_id);
      return FALSE;
    }
  return rc == SQLITE_ROW || outlay_store_fail (self, error);
}

typedef void (*RowFunc) (Gather *g, sqlite3_stmt *stmt, gpointer data);

/* Runs @sql, with the budget's id as ?1, and @row on each row it gives. */
static gboolean
each_row (OutlayStore *self, Gather *g, const char *sql, RowFunc row, gpointer data, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, g->facts->budget_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    row (g, stmt, data);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || outlay_store_fail (self, error);
}

static void
task_row (Gather *g, sqlite3_stmt *stmt, gpointer data)
{
  OutlayDashboardFacts *f = g->facts;
  OutlayDecimal estimate = sqlite3_column_int64 (stmt, 2);
  OutlayFactsRow row = { .id = sqlite3_column_int64 (stmt, 0),
                         .name = g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                         .estimate = estimate,
                         .estimated_hours = sqlite3_column_int64 (stmt, 3),
                         .hours = sqlite3_column_int64 (stmt, 6) };

  /* BAC, PV, EV and AC are read_evm()'s, shared with the forecast */
  add (g, &row.actual, sqlite3_column_int64 (stmt, 7));
  add (g, &row.actual, sqlite3_column_int64 (stmt, 4));
  add (g, &f->logged_hours, row.hours);
  add (g, &f->estimated_hours, row.estimated_hours);
  if (sqlite3_column_int64 (stmt, 8) != 0)
    {
      gint64 line = sqlite3_column_int64 (stmt, 5);
      OutlayDecimal *sum = g_hash_table_lookup (g->line_tasks, &line);

      if (sum == NULL)
        {
          gint64 *key = g_new (gint64, 1);

          *key = line;
          sum = g_new0 (OutlayDecimal, 1);
          g_hash_table_insert (g->line_tasks, key, sum);
        }
      add (g, sum, row.actual);
    }
  if (estimate > 0 && row.actual > estimate)
    {
      OutlayFactsRow over = row;

      over.id = -row.id;
      over.name = g_strdup (row.name);
      g_array_append_val (g->overruns, over);
    }
  g_array_append_val (g->tasks, row);
}

static gboolean
read_tasks (OutlayStore *self, Gather *g, GError **error)
{
  return each_row (self, g,
                   "SELECT t.id, t.name, t.estimated_cost, t.estimated_hours, t.resource_cost,"
                   " t.line_id, ifnull(tt.hours, 0), ifnull(tt.cost, 0), l.id IS NOT NULL"
                   " FROM tasks t LEFT JOIN time_task_totals tt ON tt.task_id = t.id"
                   " LEFT JOIN lines l ON l.id = t.line_id AND l.budget_id = ?1"
                   " WHERE t.budget_id = ?1 AND t.deleted = 0",
                   task_row, NULL, error);
}

static void
day_row (Gather *g, sqlite3_stmt *stmt, gpointer data)
{
  guint32 day = iso_day (sqlite3_column_text (stmt, 0));
  OutlayFactsDay *d;

  if (day == 0)
    return;
  d = day_of (g, day);
  add (g, &d->hours, sqlite3_column_int64 (stmt, 1));
  add (g, &d->task_cost, sqlite3_column_int64 (stmt, 2));
  add (g, &d->actual, sqlite3_column_int64 (stmt, 2));
}

static gboolean
read_days (OutlayStore *self, Gather *g, GError **error)
{
  return each_row (self, g,
                   "SELECT date, hours, cost FROM time_day_totals WHERE budget_id = ?1"
                   " AND (hours != 0 OR cost != 0)",
                   day_row, NULL, error);
}

/* BAC (the live tasks' estimates, cancelled ones left out), PV (those
 * due by today), EV (by status) and AC (logged and resource cost), from
 * the sums migrations 15 and 17 keep: a few hundred rows, not the tasks. */
static gboolean
read_evm (OutlayStore *self, Gather *g, GError **error)
{
  OutlayDashboardFacts *f = g->facts;
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT ifnull(sum(tasks), 0), ifnull(sum(planned), 0),"
      " ifnull(sum(CASE WHEN day != '' AND day <= ?2 THEN planned END), 0),"
      " ifnull(sum(earned), 0), ifnull(sum(resource), 0)"
      " + (SELECT ifnull(sum(cost), 0) FROM time_day_totals WHERE budget_id = ?1)"
      " FROM task_day_totals WHERE budget_id = ?1",
      error);
  char today[11];
  int rc;

  if (stmt == NULL)
    return FALSE;
  iso_text (f->today, today);
  sqlite3_bind_int64 (stmt, 1, f->budget_id);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      f->n_tasks = (guint) sqlite3_column_int64 (stmt, 0);
      f->bac = sqlite3_column_int64 (stmt, 1);
      f->pv = sqlite3_column_int64 (stmt, 2);
      f->ev = sqlite3_column_int64 (stmt, 3);
      f->ac = sqlite3_column_int64 (stmt, 4);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || outlay_store_fail (self, error);
}

static void
task_day_row (Gather *g, sqlite3_stmt *stmt, gpointer data)
{
  guint32 day = iso_day (sqlite3_column_text (stmt, 0));
  OutlayFactsDay *d;

  if (day == 0)
    return;
  d = day_of (g, day);
  add (g, &d->planned, sqlite3_column_int64 (stmt, 1));
  add (g, &d->earned, sqlite3_column_int64 (stmt, 2));
  g->has_plan = g->has_plan || d->planned != 0;
}

/* Each day's planned estimates (the tasks due) and earned value (the
 * changes in the tasks' status history that day). */
static gboolean
read_task_days (OutlayStore *self, Gather *g, GError **error)
{
  return each_row (self, g,
                   "SELECT day, planned, earned FROM task_day_totals"
                   " WHERE budget_id = ?1 AND day != '' AND (planned != 0 OR earned != 0)",
                   task_day_row, NULL, error);
}

static void
phased_row (Gather *g, sqlite3_stmt *stmt, gpointer data)
{
  OutlayDashboardFacts *f = g->facts;
  const char *method = (const char *) sqlite3_column_text (stmt, 1);
  OutlayDecimal estimate = sqlite3_column_int64 (stmt, 0);
  g_autofree OutlayDecimal *weights = NULL;
  guint n = 0;
  OutlayFactsPhased p = { estimate };

  if (method == NULL || g_strcmp0 (method, "even") == 0
      || !outlay_decimals_from_text ((const char *) sqlite3_column_text (stmt, 2), &weights, &n)
      || n == 0)
    {
      add (g, &f->phased_even, estimate);
      return;
    }
  p.phasing = outlay_line_phasing_new (
      outlay_enum_from_nick (OUTLAY_TYPE_PHASING_METHOD, method, OUTLAY_PHASING_METHOD_EVEN),
      weights, n);
  g_array_append_val (f->phased, p);
}

/* The lines' phasing, for a plan when no task has a due date: lines
 * spread evenly (no phasing, or even) as one sum, the rest one by one. */
static gboolean
read_phasing (OutlayStore *self, Gather *g, GError **error)
{
  if (g->has_plan || g->facts->fiscal_start == NULL || g->facts->fiscal_end == NULL)
    return TRUE;
  g->facts->has_phasing = TRUE;
  return each_row (self, g,
                   "SELECT sum(l.estimate), p.method, p.weights FROM lines l"
                   " LEFT JOIN line_phasing p ON p.line_id = l.id WHERE l.budget_id = ?1"
                   " GROUP BY CASE WHEN ifnull(p.method, 'even') = 'even' THEN 0 ELSE l.id END",
                   phased_row, NULL, error);
}

static void
person_row (Gather *g, sqlite3_stmt *stmt, gpointer data)
{
  OutlayFactsRow row = { .id = sqlite3_column_int64 (stmt, 0),
                         .name = g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                         .hours = sqlite3_column_int64 (stmt, 2),
                         .actual = sqlite3_column_int64 (stmt, 3) };

  g_array_append_val (g->facts->people, row);
}

static gboolean
read_people (OutlayStore *self, Gather *g, GError **error)
{
  return each_row (
      self, g,
      "SELECT p.person_id, pe.name, p.hours, p.cost FROM time_person_totals p"
      " LEFT JOIN people pe ON pe.id = p.person_id"
      " WHERE p.budget_id = ?1 AND (p.hours != 0 OR p.cost != 0) ORDER BY p.cost DESC, 2",
      person_row, NULL, error);
}

/* @fringes: section index → gint64* its fringe */
static void
section_row (Gather *g, sqlite3_stmt *stmt, gpointer fringes)
{
  const char *code = (const char *) sqlite3_column_text (stmt, 1);
  const char *name = (const char *) sqlite3_column_text (stmt, 2);
  OutlayFactsRow row = { .id = sqlite3_column_int64 (stmt, 0) };
  gint64 *fringe = g_new (gint64, 1);

  row.name = code != NULL && *code != '\0' && name != NULL && *name != '\0'
                 ? g_strdup_printf ("%s %s", code, name)
                 : g_strdup (name != NULL && *name != '\0' ? name : code);
  *fringe = sqlite3_column_int64 (stmt, 3);
  g_hash_table_insert (fringes, GINT_TO_POINTER ((int) g->facts->sections->len), fringe);
  g_array_append_val (g->facts->sections, row);
}

static gboolean
read_sections (OutlayStore *self, Gather *g, GHashTable *fringes, GError **error)
{
  return each_row (self, g,
                   "SELECT id, code, name, fringe FROM sections WHERE budget_id = ?1"
                   " ORDER BY position",
                   section_row, fringes, error);
}

static OutlayFactsRow *
section_of (Gather *g, GHashTable *index, gint64 id)
{
  gpointer i;

  if (!g_hash_table_lookup_extended (index, &id, NULL, &i))
    return NULL;
  return &g_array_index (g->facts->sections, OutlayFactsRow, GPOINTER_TO_UINT (i));
}

/* @index: section id → its index in the facts' sections */
static void
line_row (Gather *g, sqlite3_stmt *stmt, gpointer index)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  OutlayFactsRow *section = section_of (g, index, sqlite3_column_int64 (stmt, 1));
  OutlayDecimal estimate = sqlite3_column_int64 (stmt, 4);
  OutlayDecimal actual = sqlite3_column_int64 (stmt, 5);
  OutlayDecimal committed = sqlite3_column_int64 (stmt, 6);
  OutlayDecimal *tasks = g_hash_table_lookup (g->line_tasks, &id);
  OutlayDecimal total = actual, spent;
  guint32 day = actual != 0 ? iso_day (sqlite3_column_text (stmt, 7)) : 0;

  if (day != 0)
    add (g, &day_of (g, day)->actual, actual);
  if (tasks != NULL)
    add (g, &total, *tasks);
  if (section != NULL)
    {
      add (g, &section->estimate, estimate);
      add (g, &section->actual, total);
      add (g, &section->committed, committed);
    }
  add (g, &g->facts->actual, total);
  add (g, &g->facts->committed, committed);
  if (outlay_decimal_add (total, committed, &spent) && spent > estimate && spent > 0)
    {
      const char *desc = (const char *) sqlite3_column_text (stmt, 3);
      OutlayFactsRow over = {
        .id = id,
        .estimate = estimate,
        .actual = total,
        .committed = committed,
        .name = g_strdup (
            desc != NULL && *desc != '\0' ? desc : (const char *) sqlite3_column_text (stmt, 2))
      };

      g_array_append_val (g->overruns, over);
    }
}

static gboolean
read_lines (OutlayStore *self, Gather *g, GError **error)
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) fringes = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  if (!read_sections (self, g, fringes, error))
    return FALSE;
  for (guint i = 0; i < g->facts->sections->len; i++)
    {
      gint64 *key = g_new (gint64, 1);

      *key = g_array_index (g->facts->sections, OutlayFactsRow, i).id;
      g_hash_table_insert (index, key, GUINT_TO_POINTER (i));
    }
  if (!each_row (self, g,
                 "SELECT id, section_id, code, description, estimate, actual,"
                 " committed, date FROM lines WHERE budget_id = ?1",
                 line_row, index, error))
    return FALSE;

  /* each section's fringe on the sum of its lines, as the document does */
  for (guint i = 0; i < g->facts->sections->len; i++)
    {
      OutlayFactsRow *s = &g_array_index (g->facts->sections, OutlayFactsRow, i);
      gint64 *fringe = g_hash_table_lookup (fringes, GINT_TO_POINTER ((int) i));
      OutlayDecimal amount = 0;

      if (fringe != NULL && *fringe != 0 && !outlay_fringe_amount (s->estimate, *fringe, &amount))
        g->overflow = TRUE;
      add (g, &s->estimate, amount);
      add (g, &g->facts->estimate, s->estimate);
    }
  return TRUE;
}

/* What commitments on the budget as a whole hold (a line's own columns
 * include its commitments'), as outlay_store_get_budget_totals() does. */
static gboolean
read_commitments (OutlayStore *self, Gather *g, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT coalesce(sum(CASE WHEN status IN ('approved', 'ordered', 'invoiced', 'paid',"
      " 'closed') THEN invoiced END), 0),"
      " coalesce(sum(CASE WHEN status IN ('approved', 'ordered') THEN max(amount - invoiced, 0)"
      " END), 0) FROM commitments WHERE budget_id = ?1 AND line_id IS NULL",
      error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, g->facts->budget_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      add (g, &g->facts->actual, sqlite3_column_int64 (stmt, 0));
      add (g, &g->facts->committed, sqlite3_column_int64 (stmt, 1));
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || outlay_store_fail (self, error);
}

static OutlayDecimal
overrun_of (const OutlayFactsRow *r)
{
  return r->actual + r->committed - r->estimate; /* checked when gathered */
}

static int
by_overrun (gconstpointer a, gconstpointer b)
{
  OutlayDecimal x = overrun_of (a), y = overrun_of (b);

  return x > y ? -1 : x < y;
}

/* The top tasks by actual, then one "Other" row for the rest. */
static void
finish_tasks (Gather *g)
{
  GArray *out = g->facts->tasks;
  OutlayFactsRow other = { 0 };
  guint n_other = 0;

  g_array_sort (g->tasks, outlay_facts_row_by_actual);
  for (guint i = 0; i < g->tasks->len; i++)
    {
      OutlayFactsRow *r = &g_array_index (g->tasks, OutlayFactsRow, i);

      if (i < OUTLAY_DASHBOARD_TOP_TASKS)
        {
          g_array_append_val (out, *r);
          r->name = NULL; /* moved */
          continue;
        }
      add (g, &other.estimate, r->estimate);
      add (g, &other.actual, r->actual);
      add (g, &other.hours, r->hours);
      add (g, &other.estimated_hours, r->estimated_hours);
      n_other++;
    }
  if (n_other > 0)
    {
      /* Translators: the rest of the tasks in a chart, "Other (19,992 tasks)" */
      other.name = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "Other (%u task)", "Other (%u tasks)", n_other), n_other);
      g_array_append_val (out, other);
    }
}

static void
finish_days (Gather *g)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, g->days);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_array_append_val (g->facts->days, *(OutlayFactsDay *) value);
  g_array_sort (g->facts->days, outlay_facts_day_by_day);
}

static void
finish (Gather *g)
{
  finish_days (g);
  g_array_sort (g->facts->sections, outlay_facts_row_by_actual);
  finish_tasks (g);
  g_array_sort (g->overruns, by_overrun);
  for (guint i = 0; i < g->overruns->len && i < OUTLAY_DASHBOARD_TOP_OVERRUNS; i++)
    {
      OutlayFactsRow *r = &g_array_index (g->overruns, OutlayFactsRow, i);

      g_array_append_val (g->facts->overruns, *r);
      r->name = NULL;
    }
}

/* What the forecast and the dashboard share, so both show the same. */
static gboolean
read_forecast (OutlayStore *self, Gather *g, GError **error)
{
  OutlayDashboardFacts *f = g->facts;

  return read_evm (self, g, error) && read_task_days (self, g, error) && read_days (self, g, error)
         && outlay_store_get_forecast (self, f->budget_id, f->today - 30, &f->snapshot_then,
                                       &f->has_snapshot_then, error);
}

static gboolean
check_overflow (Gather *g, GError **error)
{
  if (!g->overflow)
    return TRUE;
  g_set_error_literal (
      error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW,
      _("The dashboard’s figures are larger than Outlay can hold (±922 trillion)"));
  return FALSE;
}

/**
 * outlay_store_dashboard_facts:
 * @self: a store
 * @budget_id: a budget
 * @today: the Julian day to look from
 * @error: why it failed
 *
 * Sums what the budget's dashboard shows (see #OutlayDashboardFacts),
 * with the forecast kept 30 days before @today or earlier, if any.
 *
 * Returns: (transfer full) (nullable): the facts
 */
OutlayDashboardFacts *
outlay_store_dashboard_facts (OutlayStore *self, gint64 budget_id, guint32 today, GError **error)
{
  g_autoptr(OutlayDashboardFacts) facts = outlay_dashboard_facts_new ();
  g_autoptr(GHashTable) days = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable)
                 line_tasks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GArray) tasks = outlay_facts_rows_new ();
  g_autoptr(GArray) overruns = outlay_facts_rows_new ();
  Gather g = { facts, days, line_tasks, tasks, overruns, FALSE, FALSE };
  gboolean ok, own;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), NULL);
  g_return_val_if_fail (today > 30, NULL);
  facts->budget_id = budget_id;
  facts->today = today;
  /* one read transaction: every sum from the same moment */
  own = sqlite3_get_autocommit (outlay_store_get_db (self));
  if (own && !outlay_store_exec (self, "BEGIN", error))
    return NULL;
  ok = read_budget (self, &g, error) && read_forecast (self, &g, error)
       && read_tasks (self, &g, error) && read_phasing (self, &g, error)
       && read_people (self, &g, error) && read_lines (self, &g, error)
       && read_commitments (self, &g, error);
  if (own)
    outlay_store_exec (self, "COMMIT", NULL);
  if (!ok || !check_overflow (&g, error))
    return NULL;
  finish (&g);
  return g_steal_pointer (&facts);
}

/**
 * outlay_store_forecast_facts:
 * @self: a store
 * @budget_id: a budget
 * @today: the Julian day to look from
 * @error: why it failed
 *
 * Sums only what the forecast needs: BAC, PV, EV and AC, the value earned
 * and the tasks' cost by day, and the forecast kept 30 days before @today
 * or earlier.  The same sums as outlay_store_dashboard_facts()'s, without
 * its breakdowns.
 *
 * Returns: (transfer full) (nullable): the facts
 */
OutlayDashboardFacts *
outlay_store_forecast_facts (OutlayStore *self, gint64 budget_id, guint32 today, GError **error)
{
  g_autoptr(OutlayDashboardFacts) facts = outlay_dashboard_facts_new ();
  g_autoptr(GHashTable) days = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  Gather g = { facts, days, NULL, NULL, NULL, FALSE, FALSE };
  gboolean ok, own;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), NULL);
  g_return_val_if_fail (today > 30, NULL);
  facts->budget_id = budget_id;
  facts->today = today;
  own = sqlite3_get_autocommit (outlay_store_get_db (self));
  if (own && !outlay_store_exec (self, "BEGIN", error))
    return NULL;
  ok = read_budget (self, &g, error) && read_forecast (self, &g, error);
  if (own)
    outlay_store_exec (self, "COMMIT", NULL);
  if (!ok || !check_overflow (&g, error))
    return NULL;
  finish_days (&g);
  return g_steal_pointer (&facts);
}

static void
bind_or_null (sqlite3_stmt *stmt, int index, gboolean set, OutlayDecimal value)
{
  if (set)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

/**
 * outlay_store_put_forecast:
 * @self: a store, outside a transaction
 * @budget_id: a budget
 * @snapshot: the forecast of @snapshot's day
 * @error: why it failed
 *
 * Keeps the day's forecast: one row per budget and day, replaced by a
 * later one of the same day, so a retried write never adds a second.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_store_put_forecast (OutlayStore *self,
                           gint64 budget_id,
                           const OutlayFactsSnapshot *snapshot,
                           GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "INSERT INTO daily_forecasts (budget_id, day, bac, pv, ev, ac, eac_typical, eac_p10,"
      " eac_p50, eac_p90, cpi, spi, written) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
      " ?11, ?12, ?13) ON CONFLICT (budget_id, day) DO UPDATE SET bac = excluded.bac,"
      " pv = excluded.pv, ev = excluded.ev, ac = excluded.ac,"
      " eac_typical = excluded.eac_typical, eac_p10 = excluded.eac_p10,"
      " eac_p50 = excluded.eac_p50, eac_p90 = excluded.eac_p90, cpi = excluded.cpi,"
      " spi = excluded.spi, written = excluded.written",
      error);
  char day[11];

  g_return_val_if_fail (snapshot != NULL && snapshot->day > 0, FALSE);
  if (stmt == NULL)
    return FALSE;
  iso_text (snapshot->day, day);
  sqlite3_bind_int64 (stmt, 1, budget_id);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, snapshot->bac);
  sqlite3_bind_int64 (stmt, 4, snapshot->pv);
  sqlite3_bind_int64 (stmt, 5, snapshot->ev);
  sqlite3_bind_int64 (stmt, 6, snapshot->ac);
  sqlite3_bind_int64 (stmt, 7, snapshot->eac_typical);
  bind_or_null (stmt, 8, snapshot->has_range, snapshot->eac_p10);
  bind_or_null (stmt, 9, snapshot->has_range, snapshot->eac_p50);
  bind_or_null (stmt, 10, snapshot->has_range, snapshot->eac_p90);
  sqlite3_bind_int64 (stmt, 11, snapshot->cpi);
  sqlite3_bind_int64 (stmt, 12, snapshot->spi);
  sqlite3_bind_int64 (stmt, 13, g_get_real_time () / G_USEC_PER_SEC);
  return outlay_store_step_done (self, stmt, error);
}

/**
 * outlay_store_get_forecast:
 * @self: a store
 * @budget_id: a budget
 * @on_or_before: the Julian day wanted
 * @snapshot: (out caller-allocates): the forecast kept on that day or the
 *   nearest day before it
 * @found: (out): whether there was one
 * @error: why it failed
 *
 * Returns: %TRUE on success, found or not
 */
gboolean
outlay_store_get_forecast (OutlayStore *self,
                           gint64 budget_id,
                           guint32 on_or_before,
                           OutlayFactsSnapshot *snapshot,
                           gboolean *found,
                           GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT day, bac, pv, ev, ac, eac_typical, eac_p10, eac_p50, eac_p90, cpi, spi"
      " FROM daily_forecasts WHERE budget_id = ?1 AND day <= ?2 ORDER BY day DESC LIMIT 1",
      error);
  char day[11];
  int rc;

  memset (snapshot, 0, sizeof *snapshot);
  *found = FALSE;
  if (stmt == NULL)
    return FALSE;
  iso_text (on_or_before, day);
  sqlite3_bind_int64 (stmt, 1, budget_id);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *found = TRUE;
      snapshot->day = iso_day (sqlite3_column_text (stmt, 0));
      snapshot->bac = sqlite3_column_int64 (stmt, 1);
      snapshot->pv = sqlite3_column_int64 (stmt, 2);
      snapshot->ev = sqlite3_column_int64 (stmt, 3);
      snapshot->ac = sqlite3_column_int64 (stmt, 4);
      snapshot->eac_typical = sqlite3_column_int64 (stmt, 5);
      snapshot->has_range = sqlite3_column_type (stmt, 6) != SQLITE_NULL;
      snapshot->eac_p10 = sqlite3_column_int64 (stmt, 6);
      snapshot->eac_p50 = sqlite3_column_int64 (stmt, 7);
      snapshot->eac_p90 = sqlite3_column_int64 (stmt, 8);
      snapshot->cpi = sqlite3_column_int64 (stmt, 9);
      snapshot->spi = sqlite3_column_int64 (stmt, 10);
    }
  sqlite3_reset (stmt);
  return rc != SQLITE_ROW && rc != SQLITE_DONE ? outlay_store_fail (self, error) : TRUE;
}
