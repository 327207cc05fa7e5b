/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-rates"

/* Which hourly rate an entry is costed at, and why: a rate typed on the
 * entry, then the task's, then the person's rate for this budget, then
 * the person's default, then the budget's default; a dated rate applies
 * from its day forward. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-currency.h"
#include "outlay-document-tasks.h"
#include "outlay-error.h"
#include "outlay-person.h"
#include "outlay-rates.h"

static const char *source_ids[] = { "none", "entry", "task", "person-budget", "person", "budget" };
static const char *source_titles[] = {
  N_("no rate set"),
  N_("typed on the entry"),
  N_("the task's rate"),
  N_("person's rate for this budget"),
  N_("person's default rate"),
  N_("the budget's default rate"),
};

const char *
outlay_rate_source_to_string (OutlayRateSource source)
{
  g_return_val_if_fail (source < G_N_ELEMENTS (source_ids), "none");
  return source_ids[source];
}

gboolean
outlay_rate_source_from_string (const char *text, OutlayRateSource *source)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (source_ids); i++)
    if (g_str_equal (text, source_ids[i]))
      {
        *source = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * outlay_rate_source_title:
 * @source: where a rate came from
 *
 * Returns: it in words ("person's rate for this budget")
 */
const char *
outlay_rate_source_title (OutlayRateSource source)
{
  g_return_val_if_fail (source < G_N_ELEMENTS (source_titles), "");
  return g_dgettext (GETTEXT_PACKAGE, source_titles[source]);
}

/* The latest of @rates for @person_id and @budget_id that applies on
 * @date. */
static const OutlayRateChange *
latest (GPtrArray *rates, gint64 person_id, gint64 budget_id, const char *date)
{
  const OutlayRateChange *best = NULL;

  for (guint i = 0; i < rates->len; i++)
    {
      const OutlayRateChange *c = g_ptr_array_index (rates, i);
      const char *from = c->valid_from != NULL ? c->valid_from : "";

      if (c->person_id != person_id || c->budget_id != budget_id || g_strcmp0 (from, date) > 0)
        continue;
      if (best == NULL || g_strcmp0 (from, best->valid_from != NULL ? best->valid_from : "") >= 0)
        best = c;
    }
  return best;
}

/**
 * outlay_rates_resolve:
 * @rates: (element-type OutlayRateChange): the rates that can apply
 *   (outlay_store_list_rates())
 * @budget: the budget the entry goes to
 * @task: (nullable): its task
 * @person_id: who worked, 0 for nobody in particular
 * @date: the day, YYYY-MM-DD
 * @typed: (nullable): a rate typed on the entry
 * @out: (out): the rate and where it came from
 * @error: %OUTLAY_ERROR_INVALID_ARGUMENT when the rate that applies is in
 *   another currency than @budget's
 *
 * Returns: %TRUE when a rate (or none) applies
 */
gboolean
outlay_rates_resolve (GPtrArray *rates,
                      OutlayBudget *budget,
                      OutlayTask *task,
                      gint64 person_id,
                      const char *date,
                      const OutlayDecimal *typed,
                      OutlayRateResolution *out,
                      GError **error)
{
  gint64 budget_id = outlay_budget_get_id (budget);
  const char *currency = outlay_budget_get_currency (budget);
  const OutlayRateChange *c = NULL;
  OutlayRateResolution r = { 0 };

  g_return_val_if_fail (rates != NULL && OUTLAY_IS_BUDGET (budget), FALSE);
  if (typed != NULL)
    r = (OutlayRateResolution){ *typed, OUTLAY_RATE_SOURCE_ENTRY, NULL };
  else if (task != NULL && outlay_task_get_hourly_rate (task) > 0)
    r = (OutlayRateResolution){ outlay_task_get_hourly_rate (task), OUTLAY_RATE_SOURCE_TASK, NULL };
  else if (person_id > 0 && (c = latest (rates, person_id, budget_id, date)) != NULL)
    r = (OutlayRateResolution){ c->cost_rate, OUTLAY_RATE_SOURCE_PERSON_BUDGET, c };
  else if (person_id > 0 && (c = latest (rates, person_id, 0, date)) != NULL)
    r = (OutlayRateResolution){ c->cost_rate, OUTLAY_RATE_SOURCE_PERSON, c };
  else if ((c = latest (rates, 0, budget_id, date)) != NULL)
    r = (OutlayRateResolution){ c->cost_rate, OUTLAY_RATE_SOURCE_BUDGET, c };
  if (c != NULL && c->currency != NULL && g_ascii_strcasecmp (c->currency, currency) != 0)
    {
      g_autofree char *rate = outlay_currency_format (c->cost_rate, c->currency);

      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("The rate that applies (%s/h, %s) is in %s, but “%s” is in %s: set a %s "
                     "rate for this budget, or type the rate on the entry"),
                      rate, outlay_rate_source_title (r.source), c->currency,
                      outlay_budget_get_name (budget), currency, currency);
      return FALSE;
    }
  *out = r;
  return TRUE;
}

/**
 * outlay_rates_describe:
 * @resolution: a resolved rate
 * @currency: the budget's currency
 *
 * Returns: (transfer full): "€85.00/h — person's rate for this budget"
 */
char *
outlay_rates_describe (const OutlayRateResolution *resolution, const char *currency)
{
  g_autofree char *rate = outlay_currency_format (resolution->rate, currency);

  if (resolution->change != NULL && resolution->change->valid_from != NULL)
    /* Translators: a rate, where it comes from and since when */
    return g_strdup_printf (_("%s/h — %s, from %s"), rate,
                               outlay_rate_source_title (resolution->source),
                               resolution->change->valid_from);
  return g_strdup_printf (_("%s/h — %s"), rate, outlay_rate_source_title (resolution->source));
}

/**
 * outlay_time_impact:
 * @document: an open budget
 * @task: one of its tasks
 * @cost: what an entry on @task would cost
 * @out: (out): the task's, its line's and the budget's actual before and
 *   after, with what each is measured against
 *
 * Returns: %FALSE on overflow
 */
gboolean
outlay_time_impact (OutlayDocument *document,
                    OutlayTask *task,
                    OutlayDecimal cost,
                    OutlayTimeImpact *out)
{
  const OutlayTotals *totals = outlay_document_get_totals (document);
  OutlayLine *line = outlay_document_get_task_line (document, task);
  OutlayTimeImpact t = { 0 };

  t.task_before = outlay_task_get_actual_cost (task);
  t.task_estimate = outlay_task_get_estimated_cost (task);
  t.has_line = line != NULL;
  if (line != NULL)
    {
      t.line_before = outlay_line_get_total_actual (line);
      t.line_estimate = outlay_line_get_estimate (line);
    }
  t.budget_before = totals->actual;
  t.budget_cap = outlay_document_get_budgeted (document);
  if (!outlay_decimal_add (t.task_before, cost, &t.task_after)
      || !outlay_decimal_add (t.line_before, line != NULL ? cost : 0, &t.line_after)
      || !outlay_decimal_add (t.budget_before, line != NULL ? cost : 0, &t.budget_after))
    return FALSE;
  *out = t;
  return TRUE;
}

/* "78 % → 84 % of its estimate", or the amounts when there is nothing to
 * measure against. */
static char *
moves (OutlayDecimal before,
       OutlayDecimal after,
       OutlayDecimal whole,
       const char *of,
       const char *currency)
{
  OutlayDecimal a, b;

  if (whole > 0 && outlay_decimal_as_percent (before, whole, &a)
      && outlay_decimal_as_percent (after, whole, &b))
    {
      g_autofree char *ta = outlay_decimal_to_string (outlay_decimal_round (a, 0), 0);
      g_autofree char *tb = outlay_decimal_to_string (outlay_decimal_round (b, 0), 0);

      /* Translators: "78 % → 84 % of its estimate" */
      return g_strdup_printf (_("%s %% → %s %% of %s"), ta, tb, of);
    }
  {
    g_autofree char *ta = outlay_currency_format (before, currency);
    g_autofree char *tb = outlay_currency_format (after, currency);

    return g_strdup_printf (_("%s → %s (no %s to measure against)"), ta, tb, of);
  }
}

/**
 * outlay_time_impact_describe:
 * @document: an open budget
 * @task: the entry's task
 * @impact: from outlay_time_impact()
 *
 * Returns: (transfer full): where the entry takes its task, its line (when
 *   it charges one) and the budget, one sentence each
 */
char **
outlay_time_impact_describe (OutlayDocument *document,
                             OutlayTask *task,
                             const OutlayTimeImpact *impact)
{
  OutlayBudget *budget = outlay_document_get_budget (document);
  const char *currency = outlay_budget_get_currency (budget);
  OutlayLine *line = outlay_document_get_task_line (document, task);
  GPtrArray *out = g_ptr_array_new ();
  g_autofree char *t = moves (impact->task_before, impact->task_after, impact->task_estimate,
                              _("its estimate"), currency);
  g_autofree char *b = moves (impact->budget_before, impact->budget_after, impact->budget_cap,
                              outlay_document_get_budgeted_is_allocation (document)
                              ? _("its allocation")
                              : _("its estimate"), currency);

  g_ptr_array_add (out, g_strdup_printf (_("Task “%s”: %s"), outlay_task_get_name (task), t));
  if (line != NULL)
    {
      g_autofree char *l = moves (impact->line_before, impact->line_after, impact->line_estimate,
                                  _("its estimate"), currency);
      const char *name = *outlay_line_get_description (line) != '\0'
                             ? outlay_line_get_description (line)
                             : outlay_line_get_code (line);

      g_ptr_array_add (out, g_strdup_printf (_("Line “%s”: %s"), name, l));
    }
  else
    g_ptr_array_add (out, g_strdup (_("The task charges no line, so the budget does not move")));
  g_ptr_array_add (out,
                   g_strdup_printf (_("Budget “%s”: %s"), outlay_budget_get_name (budget), b));
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

static void
time_row_clear (gpointer data)
{
  OutlayTimeRow *row = data;

  g_free (row->name);
  g_free (row->detail);
}

static int
compare_rows (gconstpointer a, gconstpointer b)
{
  const OutlayTimeRow *x = a, *y = b;

  if (x->cost != y->cost)
    return x->cost > y->cost ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

static void
describe_key (OutlayDocument *document, GPtrArray *people, gboolean by_person, OutlayTimeRow *row)
{
  if (by_person)
    {
      for (guint i = 0; people != NULL && i < people->len; i++)
        if (outlay_person_get_id (g_ptr_array_index (people, i)) == row->key)
          {
            row->name = g_strdup (outlay_person_get_name (g_ptr_array_index (people, i)));
            row->detail = g_strdup (outlay_person_get_role (g_ptr_array_index (people, i)));
          }
      if (row->name == NULL)
        row->name = g_strdup (_("Nobody in particular"));
    }
  else
    {
      OutlayTask *task = outlay_document_get_task_by_id (document, row->key);
      OutlayLine *line = task != NULL ? outlay_document_get_task_line (document, task) : NULL;

      row->name = g_strdup (task != NULL ? outlay_task_get_name (task) : "");
      if (line != NULL)
        row->detail = g_strdup_printf (
            "%s/%s %s", outlay_section_get_code (outlay_line_get_section (line)),
            outlay_line_get_code (line), outlay_line_get_description (line));
    }
}

/**
 * outlay_time_summarize:
 * @document: the budget the entries belong to
 * @entries: (element-type OutlayTimeEntry): its time entries
 * @people: (element-type OutlayPerson) (nullable): everyone, for names
 * @by_person: one row per person, else one per task
 * @total: (out) (optional): the sums of every row (its names unset)
 *
 * Adds up hours and cost per person or per task, the costliest first.
 *
 * Returns: (transfer full) (element-type OutlayTimeRow): the rows
 */
GArray *
outlay_time_summarize (OutlayDocument *document,
                       GPtrArray *entries,
                       GPtrArray *people,
                       gboolean by_person,
                       OutlayTimeRow *total)
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (OutlayTimeRow));
  OutlayTimeRow sum = { 0 };

  g_array_set_clear_func (rows, time_row_clear);
  for (guint i = 0; i < entries->len; i++)
    {
      OutlayTimeEntry *e = g_ptr_array_index (entries, i);
      OutlayDecimal cost = 0;
      gint64 key = by_person ? outlay_time_entry_get_person_id (e)
                             : outlay_time_entry_get_task_id (e);
      gpointer found = g_hash_table_lookup (index, &key);
      OutlayTimeRow *row;

      if (found == NULL)
        {
          OutlayTimeRow fresh = { .key = key };
          gint64 *stored = g_new (gint64, 1);

          *stored = key;
          g_array_append_val (rows, fresh);
          g_hash_table_insert (index, stored, GUINT_TO_POINTER (rows->len));
          found = GUINT_TO_POINTER (rows->len);
        }
      row = &g_array_index (rows, OutlayTimeRow, GPOINTER_TO_UINT (found) - 1);
      outlay_time_entry_get_cost (e, &cost);
      row->hours += outlay_time_entry_get_hours (e);
      row->cost += cost;
      row->n_entries++;
      sum.hours += outlay_time_entry_get_hours (e);
      sum.cost += cost;
      sum.n_entries++;
    }
  for (guint i = 0; i < rows->len; i++)
    describe_key (document, people, by_person, &g_array_index (rows, OutlayTimeRow, i));
  g_array_sort (rows, compare_rows);
  if (total != NULL)
    *total = sum;
  return rows;
}

void
outlay_recost_plan_free (OutlayRecostPlan *plan)
{
  if (plan == NULL)
    return;
  g_ptr_array_unref (plan->entries);
  g_array_unref (plan->rates);
  g_ptr_array_unref (plan->sources);
  g_free (plan);
}

static gboolean
add_cost (OutlayDecimal *total, OutlayDecimal hours, OutlayDecimal rate, GError **error)
{
  OutlayDecimal cost;

  if (outlay_decimal_mul (hours, rate, &cost) && outlay_decimal_add (*total, cost, total))
    return TRUE;
  g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW,
                       _("Hours × rate is larger than Outlay can hold (±922 trillion)"));
  return FALSE;
}

/**
 * outlay_rates_plan_recost:
 * @rates: (element-type OutlayRateChange): the rates (outlay_store_list_rates())
 * @document: the budget
 * @entries: (element-type OutlayTimeEntry): its saved entries to look at,
 *   such as those from a day on (outlay_store_list_time())
 * @person_id: only this person's entries, or 0 for everyone's
 * @error: a rate that cannot be resolved, or an overflow
 *
 * Which entries re-costing at the rates that now apply would change: an
 * entry whose rate was typed on it keeps it, one on a task that is gone
 * is left alone, one whose rate does not change is left out.
 *
 * Returns: (transfer full) (nullable): the plan, possibly with no entries
 */
OutlayRecostPlan *
outlay_rates_plan_recost (GPtrArray *rates,
                          OutlayDocument *document,
                          GPtrArray *entries,
                          gint64 person_id,
                          GError **error)
{
  g_autoptr (OutlayRecostPlan) plan = g_new0 (OutlayRecostPlan, 1);
  OutlayBudget *budget = outlay_document_get_budget (document);

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (document), NULL);
  plan->entries = g_ptr_array_new_with_free_func (g_object_unref);
  plan->rates = g_array_new (FALSE, FALSE, sizeof (OutlayDecimal));
  plan->sources = g_ptr_array_new ();
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      OutlayTimeEntry *e = g_ptr_array_index (entries, i);
      OutlayTask *task = outlay_document_get_task_by_id (document,
                                                         outlay_time_entry_get_task_id (e));
      OutlayRateResolution r;

      if ((person_id != 0 && outlay_time_entry_get_person_id (e) != person_id)
          || outlay_time_entry_get_rate_overridden (e) || task == NULL)
        continue;
      if (!outlay_rates_resolve (rates, budget, task, outlay_time_entry_get_person_id (e),
                                 outlay_time_entry_get_date (e), NULL, &r, error))
        return NULL;
      if (r.rate == outlay_time_entry_get_rate (e))
        continue;
      if (!add_cost (&plan->before, outlay_time_entry_get_hours (e), outlay_time_entry_get_rate (e),
                     error)
          || !add_cost (&plan->after, outlay_time_entry_get_hours (e), r.rate, error))
        return NULL;
      g_ptr_array_add (plan->entries, g_object_ref (e));
      g_array_append_val (plan->rates, r.rate);
      g_ptr_array_add (plan->sources, (gpointer) outlay_rate_source_to_string (r.source));
    }
  return g_steal_pointer (&plan);
}
