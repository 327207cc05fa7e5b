/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-dashboard-facts"

#include "config.h"

#include "outlay-dashboard-facts.h"

#include <stdlib.h>

static void
row_clear (gpointer data)
{
  OutlayFactsRow *row = data;

  g_clear_pointer (&row->name, g_free);
}

/**
 * outlay_facts_rows_new:
 *
 * Returns: (transfer full) (element-type OutlayFactsRow): an empty
 *   breakdown that frees its rows' names
 */
GArray *
outlay_facts_rows_new (void)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (OutlayFactsRow));

  g_array_set_clear_func (rows, row_clear);
  return rows;
}

static void
phased_clear (gpointer data)
{
  OutlayFactsPhased *p = data;

  g_clear_pointer (&p->phasing, outlay_line_phasing_free);
}

/**
 * outlay_dashboard_facts_new:
 *
 * Returns: (transfer full): empty facts, each array there and empty
 */
OutlayDashboardFacts *
outlay_dashboard_facts_new (void)
{
  OutlayDashboardFacts *self = g_new0 (OutlayDashboardFacts, 1);

  self->days = g_array_new (FALSE, TRUE, sizeof (OutlayFactsDay));
  self->sections = outlay_facts_rows_new ();
  self->tasks = outlay_facts_rows_new ();
  self->people = outlay_facts_rows_new ();
  self->overruns = outlay_facts_rows_new ();
  self->phased = g_array_new (FALSE, TRUE, sizeof (OutlayFactsPhased));
  g_array_set_clear_func (self->phased, phased_clear);
  return self;
}

void
outlay_dashboard_facts_free (OutlayDashboardFacts *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->sections, g_array_unref);
  g_clear_pointer (&self->tasks, g_array_unref);
  g_clear_pointer (&self->people, g_array_unref);
  g_clear_pointer (&self->overruns, g_array_unref);
  g_clear_pointer (&self->phased, g_array_unref);
  g_free (self->fiscal_start);
  g_free (self->fiscal_end);
  g_free (self);
}

static gboolean
shift (OutlayDecimal *to, OutlayDecimal amount, int sign)
{
  return sign > 0 ? outlay_decimal_add (*to, amount, to) : outlay_decimal_sub (*to, amount, to);
}

static OutlayFactsRow *
row_by_id (GArray *rows, gint64 id)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_array_index (rows, OutlayFactsRow, i).id == id)
      return &g_array_index (rows, OutlayFactsRow, i);
  return NULL;
}

/**
 * outlay_facts_day_by_day:
 * @a: an #OutlayFactsDay
 * @b: another
 *
 * Returns: as for qsort(), the days in order
 */
int
outlay_facts_day_by_day (gconstpointer a, gconstpointer b)
{
  guint32 x = ((const OutlayFactsDay *) a)->day, y = ((const OutlayFactsDay *) b)->day;

  return x < y ? -1 : x > y;
}

/**
 * outlay_facts_row_by_actual:
 * @a: an #OutlayFactsRow
 * @b: another
 *
 * The breakdowns' order: largest actual first, then by id.
 *
 * Returns: as for qsort()
 */
int
outlay_facts_row_by_actual (gconstpointer a, gconstpointer b)
{
  const OutlayFactsRow *x = a, *y = b;

  if (x->actual != y->actual)
    return x->actual > y->actual ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* Keeps a breakdown largest first, its "other" row (id 0) last when
 * @other_last. */
static void
resort (GArray *rows, gboolean other_last)
{
  guint n = rows->len;

  if (other_last && n > 0 && g_array_index (rows, OutlayFactsRow, n - 1).id == 0)
    n--;
  if (n > 1)
    qsort (rows->data, n, sizeof (OutlayFactsRow), outlay_facts_row_by_actual);
}

/**
 * outlay_dashboard_facts_add_time:
 * @self: a budget's facts
 * @time: a time entry logged (or recosted) on one of its tasks
 * @sign: +1 when it was logged, -1 when it was removed
 *
 * Moves the sums the way the store's would move had they been read again
 * after the entry was saved, so the dashboard follows a logged entry at
 * once: the day's cost and hours, the tasks' actual cost and logged
 * hours, the budget's actual when the task is on a line (with that
 * line's section), and the breakdowns by task and person.  What a new
 * entry changes beyond sums (a task going over its estimate, a person
 * with no time on the budget before, when its value counts as earned)
 * waits for the next full read.  Nothing changes when it fails.
 *
 * Returns: %FALSE when a sum would overflow
 */
gboolean
outlay_dashboard_facts_add_time (OutlayDashboardFacts *self, const OutlayFactsTime *time, int sign)
{
  OutlayFactsRow *task, *person, *section = NULL;
  OutlayFactsRow task_row = { 0 }, person_row = { 0 }, section_row = { 0 };
  OutlayFactsDay day = { .day = time->day };
  OutlayDecimal actual, ac, logged;
  gboolean on_line = time->section_id != 0;
  guint at = 0;

  g_return_val_if_fail (self != NULL && time != NULL, FALSE);
  g_return_val_if_fail (sign == 1 || sign == -1, FALSE);

  /* where the day is, or goes, in order */
  while (at < self->days->len && g_array_index (self->days, OutlayFactsDay, at).day < time->day)
    at++;
  if (at < self->days->len && g_array_index (self->days, OutlayFactsDay, at).day == time->day)
    day = g_array_index (self->days, OutlayFactsDay, at);
  task = row_by_id (self->tasks, time->task_id);
  if (task == NULL)
    task = row_by_id (self->tasks, 0); /* counted in "Other" */
  person = row_by_id (self->people, time->person_id);
  if (on_line)
    section = row_by_id (self->sections, time->section_id);
  if (task != NULL)
    task_row = *task;
  if (person != NULL)
    person_row = *person;
  if (section != NULL)
    section_row = *section;
  actual = self->actual;
  ac = self->ac;
  logged = self->logged_hours;

  /* every sum on copies first: all of them move or none */
  if (!shift (&day.actual, time->cost, sign) || !shift (&day.task_cost, time->cost, sign)
      || !shift (&day.hours, time->hours, sign) || !shift (&ac, time->cost, sign)
      || !shift (&logged, time->hours, sign) || !shift (&task_row.actual, time->cost, sign)
      || !shift (&task_row.hours, time->hours, sign)
      || !shift (&person_row.actual, time->cost, sign)
      || !shift (&person_row.hours, time->hours, sign)
      || (on_line
          && (!shift (&actual, time->cost, sign)
              || !shift (&section_row.actual, time->cost, sign))))
    return FALSE;

  if (at < self->days->len && g_array_index (self->days, OutlayFactsDay, at).day == time->day)
    g_array_index (self->days, OutlayFactsDay, at) = day;
  else
    g_array_insert_val (self->days, at, day);
  self->ac = ac;
  self->logged_hours = logged;
  self->actual = actual;
  if (task != NULL)
    {
      task->actual = task_row.actual;
      task->hours = task_row.hours;
      resort (self->tasks, TRUE);
    }
  if (person != NULL)
    {
      person->actual = person_row.actual;
      person->hours = person_row.hours;
      resort (self->people, FALSE);
    }
  if (section != NULL)
    {
      section->actual = section_row.actual;
      resort (self->sections, FALSE);
    }
  return TRUE;
}
