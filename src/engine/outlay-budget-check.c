/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-budget-check"

/* "Is there budget for this?": what is available on a line, a section
 * and a budget, and the decision on a purchase of a given amount, with
 * its reason in one sentence.  Pure arithmetic over the open document's
 * running totals, so it answers in microseconds on any budget size. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "outlay-budget-check.h"
#include "outlay-currency.h"
#include "outlay-error.h"
#include "outlay-phasing.h"

static OutlayDecimal
available_of (const OutlayAvailability *a)
{
  OutlayDecimal v;

  if (!outlay_decimal_sub (a->budgeted, a->actual, &v) || !outlay_decimal_sub (v, a->committed, &v)
      || !outlay_decimal_sub (v, a->reserved, &v))
    v = OUTLAY_DECIMAL_MIN;
  return v;
}

static void
from_totals (const OutlayTotals *t, OutlayDecimal budgeted, OutlayAvailability *out)
{
  out->budgeted = budgeted;
  out->actual = t->actual;
  out->committed = t->committed;
  out->reserved = t->reserved;
  out->available = available_of (out);
}

/**
 * outlay_availability_of_line:
 * @line: a line
 * @out: (out): its estimate, spending and what is left
 */
void
outlay_availability_of_line (OutlayLine *line, OutlayAvailability *out)
{
  g_return_if_fail (OUTLAY_IS_LINE (line));
  out->budgeted = outlay_line_get_estimate (line);
  out->actual = outlay_line_get_total_actual (line);
  out->committed = outlay_line_get_committed (line);
  out->reserved = outlay_line_get_reserved (line);
  out->available = available_of (out);
}

/**
 * outlay_availability_of_section:
 * @section: a section
 * @out: (out): its estimate (fringe included), spending and what is left
 */
void
outlay_availability_of_section (OutlaySection *section, OutlayAvailability *out)
{
  const OutlayTotals *t;

  g_return_if_fail (OUTLAY_IS_SECTION (section));
  t = outlay_section_get_totals (section);
  from_totals (t, t->estimate, out);
}

/**
 * outlay_availability_of_budget:
 * @document: a document
 * @out: (out): its allocation (else estimate), spending and what is left
 */
void
outlay_availability_of_budget (OutlayDocument *document, OutlayAvailability *out)
{
  g_return_if_fail (OUTLAY_IS_DOCUMENT (document));
  from_totals (outlay_document_get_totals (document), outlay_document_get_budgeted (document), out);
}

/* ---- periods ---- */

static gboolean
parse_month (const char *text, int *year, int *month)
{
  int y, m, d;
  char tail;

  if (text == NULL)
    return FALSE;
  if (sscanf (text, "%4d-Q%1d%c", &y, &m, &tail) == 2 && strlen (text) == 7 && m >= 1 && m <= 4)
    {
      *year = y;
      *month = m * 3; /* a quarter counts up to its last month */
      return TRUE;
    }
  if ((sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && strlen (text) == 10)
      || (sscanf (text, "%4d-%2d%c", &y, &m, &tail) == 2 && strlen (text) == 7))
    {
      if (m < 1 || m > 12 || y < 1)
        return FALSE;
      *year = y;
      *month = m;
      return TRUE;
    }
  return FALSE;
}

/**
 * outlay_period_month_index:
 * @budget: a budget with a fiscal year
 * @period: "2026-03", "2026-Q1" or a date
 * @index: (out): how many months of the fiscal year run up to and
 *   including @period (1 for its first month)
 * @n_months: (out): the months in the fiscal year
 * @error: why not: no fiscal year, not a period, outside the fiscal year
 *
 * Returns: %TRUE when @period is in the budget's fiscal year
 */
gboolean
outlay_period_month_index (OutlayBudget *budget,
                           const char *period,
                           guint *index,
                           guint *n_months,
                           GError **error)
{
  const char *start = outlay_budget_get_fiscal_start (budget);
  const char *end = outlay_budget_get_fiscal_end (budget);
  int sy, sm, ey, em, py, pm;
  int from_start, total;

  if (!parse_month (start, &sy, &sm) || !parse_month (end, &ey, &em))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("“%s” has no fiscal year: set its fiscal start and end in Budget Properties "
                     "to check by period"),
                      outlay_budget_get_name (budget));
      return FALSE;
    }
  if (!parse_month (period, &py, &pm))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a period: write a month as 2026-03 or a quarter as 2026-Q1"),
                      period);
      return FALSE;
    }
  total = (ey - sy) * 12 + (em - sm) + 1;
  from_start = (py - sy) * 12 + (pm - sm) + 1;
  if (total < 1 || from_start < 1 || from_start > total)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("The period %s is outside the budget’s fiscal year (%s to %s)"), period,
                      start, end);
      return FALSE;
    }
  *index = (guint) from_start;
  *n_months = (guint) total;
  return TRUE;
}

/* The part of @a's budgeted amount phased up to month @index: a line by
 * its own phasing, a section or the budget as their lines are phased. */
static gboolean
phase (OutlayDocument *document,
       const OutlayPeriods *periods,
       OutlaySection *section,
       OutlayLine *line,
       gboolean whole,
       OutlayAvailability *a,
       guint index,
       GError **error)
{
  if (!outlay_phasing_to_date (document, periods, whole ? NULL : section, whole ? NULL : line,
                               index, &a->budgeted, error))
    return FALSE;
  a->available = available_of (a);
  return TRUE;
}

/* ---- the check ---- */

static char *
scope_name (OutlaySection *section, OutlayLine *line)
{
  if (line != NULL)
    /* Translators: a line named in the check's reason: line A-12 “Camera” */
    return g_strdup_printf (_("line %s “%s”"), outlay_line_get_code (line),
                               outlay_line_get_description (line));
  if (section != NULL)
    return g_strdup_printf (_("section %s “%s”"), outlay_section_get_code (section),
                               outlay_section_get_name (section));
  return g_strdup (_("the budget"));
}

static gboolean
fits (const OutlayAvailability *a, OutlayDecimal amount)
{
  return a->available >= amount;
}

static char *
overrun_reason (OutlayCheck *c,
                const OutlayAvailability *a,
                const char *where,
                OutlayOverrunPolicy policy,
                const char *currency)
{
  g_autofree char *amount = outlay_currency_format (c->amount, currency);
  g_autofree char *avail = outlay_currency_format (MAX (a->available, 0), currency);
  g_autofree char *over = outlay_currency_format (c->amount - MAX (a->available, 0), currency);
  g_autofree char *threshold = outlay_currency_format (c->threshold, currency);

  switch (policy)
    {
      case OUTLAY_OVERRUN_POLICY_STOP:
        return g_strdup_printf (_("Refused: %s is %s more than the %s available on %s."), amount,
                                   over, avail, where);
      case OUTLAY_OVERRUN_POLICY_WARN:
        return g_strdup_printf (_("Needs approval: %s is %s more than the %s available on %s, and "
                                "this budget warns about overruns instead of stopping them."),
                                   amount, over, avail, where);
      case OUTLAY_OVERRUN_POLICY_IGNORE:
      default:
        if (c->decision == OUTLAY_CHECK_APPROVE)
          return g_strdup_printf (
              _("Approved: %s is at or under the auto-approval threshold of %s; "
                                  "it overruns %s by %s, which this budget ignores."),
                 amount, threshold, where, over);
        return g_strdup_printf (_("Needs approval: %s is over the auto-approval threshold of %s, "
                                "and it overruns %s by %s, which this budget ignores."),
                                   amount, threshold, where, over);
    }
}

static char *
within_reason (OutlayCheck *c, const char *currency)
{
  g_autofree char *amount = outlay_currency_format (c->amount, currency);
  g_autofree char *avail = outlay_currency_format (c->scope.available, currency);
  g_autofree char *threshold = outlay_currency_format (c->threshold, currency);

  if (c->decision == OUTLAY_CHECK_APPROVE)
    return g_strdup_printf (_("Approved: %s is within the %s available on %s and at or under the "
                              "auto-approval threshold of %s."),
                               amount, avail, c->scope_name, threshold);
  if (c->threshold == 0)
    return g_strdup_printf (_("Needs approval: %s is within the %s available on %s, but this "
                              "budget has no auto-approval threshold."),
                               amount, avail, c->scope_name);
  return g_strdup_printf (_("Needs approval: %s is within the %s available on %s but over the "
                            "auto-approval threshold of %s."),
                             amount, avail, c->scope_name, threshold);
}

static void
decide (OutlayCheck *c, OutlayBudget *budget)
{
  const char *currency = outlay_budget_get_currency (budget);
  OutlayOverrunPolicy policy = outlay_budget_get_overrun_policy (budget);
  gboolean scope_fits = fits (&c->scope, c->amount);
  const OutlayAvailability *short_of = scope_fits ? &c->budget : &c->scope;
  g_autofree char *budget_name = NULL;

  c->within_budget = scope_fits && fits (&c->budget, c->amount);
  c->can_auto_approve = c->within_budget && c->amount <= c->threshold;
  if (c->within_budget)
    {
      c->decision = c->can_auto_approve ? OUTLAY_CHECK_APPROVE : OUTLAY_CHECK_NEEDS_APPROVAL;
      c->reason = within_reason (c, currency);
      return;
    }
  if (policy == OUTLAY_OVERRUN_POLICY_STOP)
    c->decision = OUTLAY_CHECK_REFUSED;
  else if (policy == OUTLAY_OVERRUN_POLICY_WARN)
    c->decision = OUTLAY_CHECK_NEEDS_APPROVAL;
  else
    c->decision = c->amount <= c->threshold ? OUTLAY_CHECK_APPROVE : OUTLAY_CHECK_NEEDS_APPROVAL;
  budget_name = scope_fits ? g_strdup (_("the budget as a whole")) : g_strdup (c->scope_name);
  c->reason = overrun_reason (c, short_of, budget_name, policy, currency);
}

/**
 * outlay_budget_check:
 * @document: the open budget
 * @section: (nullable): the section asked about (@line's when %NULL)
 * @line: (nullable): the line asked about
 * @period: (nullable): the period ("2026-03", "2026-Q1"); with the
 *   accumulated basis, the budget is the part phased up to it
 * @amount: the purchase's amount, more than zero
 * @out: (out caller-allocates): the answer; clear it with outlay_check_clear()
 * @error: why the question has no answer: a bad amount or period
 *
 * Answers "is there budget for this?": what is available on the line
 * (or section, or budget) and on the budget as a whole, the utilization
 * once @amount is spent, and the decision with its reason.  A purchase
 * must fit both the line and the budget.
 *
 * Returns: %TRUE when @out holds an answer
 */
gboolean
outlay_budget_check (OutlayDocument *document,
                     OutlaySection *section,
                     OutlayLine *line,
                     const char *period,
                     OutlayDecimal amount,
                     OutlayCheck *out,
                     GError **error)
{
  OutlayBudget *budget;
  OutlayDecimal spend;
  guint index = 0, n = 0;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  budget = outlay_document_get_budget (document);
  *out = (OutlayCheck){ 0 };
  if (amount <= 0)
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("The amount to check must be more than zero"));
      return FALSE;
    }
  if (period != NULL && *period != '\0'
      && !outlay_period_month_index (budget, period, &index, &n, error))
    return FALSE;
  if (line != NULL)
    outlay_availability_of_line (line, &out->scope);
  else if (section != NULL)
    outlay_availability_of_section (section, &out->scope);
  else
    outlay_availability_of_budget (document, &out->scope);
  outlay_availability_of_budget (document, &out->budget);
  out->phased = n > 0 && outlay_budget_get_check_basis (budget) == OUTLAY_CHECK_BASIS_ACCUMULATED;
  if (out->phased)
    {
      g_autoptr(OutlayPeriods) periods = outlay_periods_for_document (document, error);

      if (periods == NULL
          || !phase (document, periods, section, line, line == NULL && section == NULL, &out->scope,
                     index, error)
          || !phase (document, periods, NULL, NULL, TRUE, &out->budget, index, error))
        {
          outlay_check_clear (out);
          return FALSE;
        }
    }
  out->amount = amount;
  out->threshold = outlay_budget_get_auto_approval_threshold (budget);
  out->from_allocation = outlay_document_get_budgeted_is_allocation (document);
  out->period = period != NULL && *period != '\0' ? g_strdup (period) : NULL;
  out->scope_name = scope_name (line != NULL ? outlay_line_get_section (line) : section, line);
  out->has_utilization = outlay_decimal_add (out->scope.actual, out->scope.committed, &spend)
                         && outlay_decimal_add (spend, out->scope.reserved, &spend)
                         && outlay_decimal_add (spend, amount, &spend)
                         && outlay_decimal_as_percent (spend, out->scope.budgeted,
                                                       &out->utilization_after);
  decide (out, budget);
  return TRUE;
}

void
outlay_check_clear (OutlayCheck *check)
{
  g_clear_pointer (&check->scope_name, g_free);
  g_clear_pointer (&check->period, g_free);
  g_clear_pointer (&check->reason, g_free);
}

const char *
outlay_check_decision_to_string (OutlayCheckDecision decision)
{
  static const char *const ids[] = { "approve", "needs-approval", "refused" };

  g_return_val_if_fail (decision < G_N_ELEMENTS (ids), "refused");
  return ids[decision];
}

const char *
outlay_check_decision_title (OutlayCheckDecision decision)
{
  switch (decision)
    {
      case OUTLAY_CHECK_APPROVE:
        return _("Auto-approve");
      case OUTLAY_CHECK_NEEDS_APPROVAL:
        return _("Needs approval");
      case OUTLAY_CHECK_REFUSED:
      default:
        return _("Refused");
    }
}
