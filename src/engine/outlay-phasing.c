/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-phasing"

/* Phasing: a budget's periods (months or quarters between its fiscal
 * start and end), each line's estimate spread over them (evenly, by
 * percentages, by typed amounts or following last year's actuals), and
 * the budget laid out by period with its actuals and commitments landing
 * in a period by their date.  Money stays OutlayDecimal; each period is
 * rounded to the currency's minor unit and the rounding remainder goes to
 * the last period with a share, so a line's periods add up to its
 * estimate exactly. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "outlay-currency.h"
#include "outlay-error.h"
#include "outlay-phasing.h"

#define MAX_MONTHS 120

/* ---- periods ---- */

static const char *const month_names[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                           "jul", "aug", "sep", "oct", "nov", "dec" };

static int
month_of_name (const char *word, gsize len)
{
  if (len < 3)
    return 0;
  for (int m = 0; m < 12; m++)
    if (g_ascii_strncasecmp (word, month_names[m], 3) == 0)
      return m + 1;
  return 0;
}

static gboolean
valid (int y, int m)
{
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12;
}

/* "Jan 2025", "January 2025", "Jan-25", "2025 Jan" */
static gboolean
parse_named_month (const char *text, int *year, int *month)
{
  g_auto (GStrv) words = g_regex_split_simple ("[ \\-/.,]+", text, 0, 0);
  int y = 0, m = 0;

  if (g_strv_length (words) != 2)
    return FALSE;
  for (guint i = 0; i < 2; i++)
    {
      const char *w = words[i];
      char *end;
      gint64 n;

      if (g_ascii_isalpha (w[0]))
        {
          m = month_of_name (w, strlen (w));
          continue;
        }
      n = g_ascii_strtoll (w, &end, 10);
      if (*end != '\0')
        return FALSE;
      y = strlen (w) == 2 ? 2000 + (int) n : (int) n;
    }
  if (!valid (y, m))
    return FALSE;
  *year = y;
  *month = m;
  return TRUE;
}

/**
 * outlay_phasing_parse_month:
 * @text: "2025-03", "2025-03-14", "2025/03", "03/2025", "2025-Q1" (its
 *   first month), "Mar 2025", "March 2025", "Mar-25", "FY2025-P03" (the
 *   third month of a fiscal year counted from January)
 * @year: (out): the year
 * @month: (out): the month, 1–12
 *
 * Returns: %TRUE when @text names a month
 */
gboolean
outlay_phasing_parse_month (const char *text, int *year, int *month)
{
  int y, m, d;
  char tail;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return FALSE;
  if (sscanf (text, "%4d-Q%1d%c", &y, &m, &tail) == 2 && m >= 1 && m <= 4)
    m = (m - 1) * 3 + 1;
  /* "FY2025-P03": a fiscal year's third period, counted from January */
  else if ((sscanf (text, "FY%4d-P%2d%c", &y, &m, &tail) == 2
            || sscanf (text, "FY%4d P%2d%c", &y, &m, &tail) == 2)
           && m >= 1 && m <= 12)
    ;
  else if (sscanf (text, "%4d-%2d-%2d", &y, &m, &d) == 3
           || (sscanf (text, "%4d-%2d%c", &y, &m, &tail) == 2 && strlen (text) == 7)
           || (sscanf (text, "%4d/%2d%c", &y, &m, &tail) == 2 && strlen (text) == 7))
    ;
  else if (sscanf (text, "%2d/%4d%c", &m, &y, &tail) == 2 && strlen (text) == 7)
    ;
  else
    return parse_named_month (text, year, month);
  if (!valid (y, m))
    return FALSE;
  *year = y;
  *month = m;
  return TRUE;
}

void
outlay_periods_free (OutlayPeriods *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->names);
  g_free (self);
}

static char *
period_name (OutlayPeriods *self, guint p)
{
  int first = self->start_month - 1 + (int) (p * self->months);
  int y = self->start_year + first / 12;
  int m = first % 12 + 1;

  if (self->kind == OUTLAY_PERIOD_KIND_QUARTER && (m - 1) % 3 == 0)
    return g_strdup_printf ("%04d-Q%d", y, (m - 1) / 3 + 1);
  return g_strdup_printf ("%04d-%02d", y, m);
}

/**
 * outlay_periods_new:
 * @budget: a budget with a fiscal start and end
 * @kind: months or quarters
 * @error: why not: no fiscal year, or one that ends before it starts
 *
 * Returns: (transfer full) (nullable): its periods
 */
OutlayPeriods *
outlay_periods_new (OutlayBudget *budget, OutlayPeriodKind kind, GError **error)
{
  return outlay_periods_new_for_year (outlay_budget_get_name (budget),
                                      outlay_budget_get_fiscal_start (budget),
                                      outlay_budget_get_fiscal_end (budget), kind, error);
}

/**
 * outlay_periods_new_for_year:
 * @name: the budget's name, for the messages
 * @start: (nullable): its fiscal start, a month or a date
 * @end: (nullable): its fiscal end
 * @kind: months or quarters
 * @error: why not: no fiscal year, or one that ends before it starts
 *
 * Returns: (transfer full) (nullable): the periods of the year
 */
OutlayPeriods *
outlay_periods_new_for_year (const char *name,
                             const char *start,
                             const char *end,
                             OutlayPeriodKind kind,
                             GError **error)
{
  g_autoptr(OutlayPeriods) self = g_new0 (OutlayPeriods, 1);
  int sy, sm, ey, em, months;

  if (!outlay_phasing_parse_month (start, &sy, &sm) || !outlay_phasing_parse_month (end, &ey, &em))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("“%s” has no fiscal year: set its fiscal start and end in Budget Properties "
                     "to phase it over periods"),
                      name);
      return NULL;
    }
  months = (ey - sy) * 12 + (em - sm) + 1;
  if (months < 1 || months > MAX_MONTHS)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("The fiscal year of “%s” (%s to %s) must run forward and last at most ten "
                     "years"),
                      name, start, end);
      return NULL;
    }
  self->kind = kind;
  self->start_year = sy;
  self->start_month = sm;
  self->n_months = (guint) months;
  self->months = kind == OUTLAY_PERIOD_KIND_QUARTER ? 3 : 1;
  self->n = (self->n_months + self->months - 1) / self->months;
  self->names = g_new0 (char *, self->n + 1);
  for (guint p = 0; p < self->n; p++)
    self->names[p] = period_name (self, p);
  return g_steal_pointer (&self);
}

/**
 * outlay_periods_for_document:
 * @document: an open budget
 * @error: why not
 *
 * Returns: (transfer full) (nullable): its periods, as its settings say
 */
OutlayPeriods *
outlay_periods_for_document (OutlayDocument *document, GError **error)
{
  return outlay_periods_new (outlay_document_get_budget (document),
                             outlay_document_get_period_settings (document)->kind, error);
}

/**
 * outlay_periods_index_of:
 * @self: periods
 * @text: a period's name, a month or a date
 *
 * Returns: the period @text falls in, or -1 (not a month, or outside)
 */
/* "2025-03" and "2025-03-14…", the dates every row has, without sscanf */
static gboolean
iso_month (const char *t, int *year, int *month)
{
  for (int i = 0; i < 7; i++)
    if (i == 4 ? t[i] != '-' : !g_ascii_isdigit (t[i]))
      return FALSE;
  if (t[7] != '\0' && t[7] != '-')
    return FALSE;
  *year = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
  *month = (t[5] - '0') * 10 + (t[6] - '0');
  return valid (*year, *month);
}

int
outlay_periods_index_of (const OutlayPeriods *self, const char *text)
{
  int y, m, from_start;

  if (text == NULL || *text == '\0')
    return -1;
  if (!iso_month (text, &y, &m))
    {
      for (guint p = 0; p < self->n; p++)
        if (g_ascii_strcasecmp (self->names[p], text) == 0)
          return (int) p;
      if (!outlay_phasing_parse_month (text, &y, &m))
        return -1;
    }
  from_start = (y - self->start_year) * 12 + (m - self->start_month);
  if (from_start < 0 || from_start >= (int) self->n_months)
    return -1;
  return from_start / (int) self->months;
}

/**
 * outlay_periods_lookup:
 * @self: periods
 * @text: a period ("2025-03", "2025-Q1") or a date in it
 * @index: (out): its index
 * @error: why not: not a period, or outside the fiscal year
 *
 * Returns: %TRUE when found
 */
gboolean
outlay_periods_lookup (const OutlayPeriods *self, const char *text, guint *index, GError **error)
{
  int y, m;
  int p = outlay_periods_index_of (self, text);

  if (p >= 0)
    {
      *index = (guint) p;
      return TRUE;
    }
  if (!outlay_phasing_parse_month (text, &y, &m))
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                 _("“%s” is not a period: write a month as 2026-03 or a quarter as 2026-Q1"),
                    text != NULL ? text : "");
  else
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                 _("The period %s is outside the budget’s fiscal year (%s to %s)"), text,
                    self->names[0], self->names[self->n - 1]);
  return FALSE;
}

/* ---- spreading ---- */

static gboolean
spread_even (OutlayDecimal estimate, guint n, guint places, OutlayDecimal *out)
{
  OutlayDecimal base, sum = 0;

  if (!outlay_decimal_div (estimate, OUTLAY_DECIMAL_FROM_INT (n), &base))
    return FALSE;
  base = outlay_decimal_round (base, places);
  for (guint p = 0; p + 1 < n; p++)
    {
      out[p] = base;
      if (!outlay_decimal_add (sum, base, &sum))
        return FALSE;
    }
  return outlay_decimal_sub (estimate, sum, &out[n - 1]);
}

/* Proportional to @w; the last period with a share takes the remainder. */
static gboolean
spread_weighted (OutlayDecimal estimate,
                 const OutlayDecimal *w,
                 guint n,
                 guint places,
                 OutlayDecimal *out)
{
  OutlayDecimal total = 0, sum = 0;
  int last = -1;

  for (guint p = 0; p < n; p++)
    {
      if (w[p] < 0 || !outlay_decimal_add (total, w[p], &total))
        return FALSE;
      if (w[p] != 0)
        last = (int) p;
    }
  if (total == 0)
    return spread_even (estimate, n, places, out);
  for (guint p = 0; p < n; p++)
    {
      out[p] = 0;
      if ((int) p == last || w[p] == 0)
        continue;
      if (!outlay_decimal_mul_div (estimate, w[p], total, &out[p]))
        return FALSE;
      out[p] = outlay_decimal_round (out[p], places);
      if (!outlay_decimal_add (sum, out[p], &sum))
        return FALSE;
    }
  return outlay_decimal_sub (estimate, sum, &out[last]);
}

/**
 * outlay_phasing_spread:
 * @phasing: (nullable): a line's phasing; %NULL (or one made for another
 *   number of periods) spreads evenly
 * @estimate: the line's estimate
 * @n: the periods
 * @places: the currency's minor unit: each period is rounded to it
 * @out: (array length=n) (out caller-allocates): each period's amount
 * @unphased: (out) (optional): the part of @estimate no period holds (only
 *   typed amounts can leave one)
 *
 * Returns: %FALSE on overflow or negative weights
 */
gboolean
outlay_phasing_spread (const OutlayLinePhasing *phasing,
                       OutlayDecimal estimate,
                       guint n,
                       guint places,
                       OutlayDecimal *out,
                       OutlayDecimal *unphased)
{
  gboolean ok;

  g_return_val_if_fail (n > 0, FALSE);
  if (unphased != NULL)
    *unphased = 0;
  if (phasing == NULL || phasing->method == OUTLAY_PHASING_METHOD_EVEN || phasing->n_weights != n)
    return spread_even (estimate, n, places, out);
  if (phasing->method != OUTLAY_PHASING_METHOD_AMOUNTS)
    return spread_weighted (estimate, phasing->weights, n, places, out);
  ok = TRUE;
  {
    OutlayDecimal sum = 0;

    for (guint p = 0; p < n; p++)
      {
        out[p] = phasing->weights[p];
        ok = ok && outlay_decimal_add (sum, out[p], &sum);
      }
    if (ok && unphased != NULL)
      ok = outlay_decimal_sub (estimate, sum, unphased);
  }
  return ok;
}

/**
 * outlay_phasing_make:
 * @method: how to spread
 * @values: (array length=n_values) (nullable): the percentages, amounts or
 *   last year's actuals, one per period
 * @n_values: how many
 * @n_periods: the budget's periods
 * @error: what is wrong with @values, in words
 *
 * Returns: (transfer full) (nullable): a checked phasing
 */
OutlayLinePhasing *
outlay_phasing_make (OutlayPhasingMethod method,
                     const OutlayDecimal *values,
                     guint n_values,
                     guint n_periods,
                     GError **error)
{
  OutlayDecimal sum = 0;

  if (method == OUTLAY_PHASING_METHOD_EVEN)
    return outlay_line_phasing_new (method, NULL, 0);
  if (n_values != n_periods)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("The budget has %u periods, but %u values were given"), n_periods, n_values);
      return NULL;
    }
  for (guint p = 0; p < n_values; p++)
    {
      if (values[p] < 0 && method != OUTLAY_PHASING_METHOD_AMOUNTS)
        {
          g_autofree char *v = outlay_decimal_to_string_trim (values[p]);

          g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                       _("Period %u: %s is negative; a share cannot be"), p + 1, v);
          return NULL;
        }
      if (!outlay_decimal_add (sum, values[p], &sum))
        {
          g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW,
                               _("The values add up to more than Outlay can hold"));
          return NULL;
        }
    }
  if (method == OUTLAY_PHASING_METHOD_PERCENT && sum != OUTLAY_DECIMAL_FROM_INT (100))
    {
      g_autofree char *s = outlay_decimal_to_string_trim (sum);

      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("The percentages add up to %s%%, not 100%%"), s);
      return NULL;
    }
  if (method == OUTLAY_PHASING_METHOD_LAST_YEAR && sum == 0)
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("Last year’s line has no actuals to follow"));
      return NULL;
    }
  return outlay_line_phasing_new (method, values, n_values);
}

static guint
places_of (OutlayDocument *document)
{
  return outlay_currency_minor_units (
      outlay_budget_get_currency (outlay_document_get_budget (document)));
}

static guint
months_in (const OutlayPeriods *periods, guint p)
{
  return MIN (periods->months, periods->n_months - p * periods->months);
}

/* The part of @per_period (one per period) up to and including month
 * @month_index (1 for the first); a period cut by it counts pro rata. */
static gboolean
cumulate (const OutlayPeriods *periods,
          const OutlayDecimal *per_period,
          guint month_index,
          OutlayDecimal *out)
{
  OutlayDecimal sum = 0, part;

  for (guint p = 0; p < periods->n; p++)
    {
      guint first = p * periods->months;
      guint len = months_in (periods, p);

      if (first >= month_index)
        break;
      if (first + len <= month_index)
        part = per_period[p];
      else if (!outlay_decimal_mul_div (per_period[p],
                                        OUTLAY_DECIMAL_FROM_INT (month_index - first),
                                        OUTLAY_DECIMAL_FROM_INT (len), &part))
        return FALSE;
      if (!outlay_decimal_add (sum, part, &sum))
        return FALSE;
    }
  *out = sum;
  return TRUE;
}

/* What the budget check needs of a section or the budget, kept on the
 * document until it changes: every section's planned amount per period
 * and the estimate of its lines. */
typedef struct
{
  guint n_sections;
  guint n;
  OutlayDecimal *planned; /* n_sections × n */
  OutlayDecimal *estimates;
  gulong handlers[2];
  OutlayDocument *document;
} ToDate;

static GQuark
to_date_quark (void)
{
  return g_quark_from_static_string ("outlay-phasing-to-date");
}

static void
to_date_free (gpointer data)
{
  ToDate *t = data;

  g_free (t->planned);
  g_free (t->estimates);
  g_free (t);
}

static void
forget_cb (OutlayDocument *document)
{
  ToDate *t = g_object_get_qdata (G_OBJECT (document), to_date_quark ());

  if (t == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (t->handlers); i++)
    g_clear_signal_handler (&t->handlers[i], document);
  g_object_set_qdata (G_OBJECT (document), to_date_quark (), NULL);
}

static ToDate *
to_date_get (OutlayDocument *document, const OutlayPeriods *periods)
{
  ToDate *t = g_object_get_qdata (G_OBJECT (document), to_date_quark ());
  guint places = places_of (document);
  g_autofree OutlayDecimal *row = NULL;

  if (t != NULL && t->n == periods->n && t->n_sections == outlay_document_get_n_sections (document))
    return t;
  forget_cb (document);
  t = g_new0 (ToDate, 1);
  t->n = periods->n;
  t->n_sections = outlay_document_get_n_sections (document);
  t->planned = g_new0 (OutlayDecimal, (gsize) t->n_sections * t->n);
  t->estimates = g_new0 (OutlayDecimal, t->n_sections);
  row = g_new0 (OutlayDecimal, t->n);
  for (guint s = 0; s < t->n_sections; s++)
    {
      OutlaySection *section = outlay_document_get_section (document, s);

      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        {
          OutlayLine *line = outlay_section_get_line (section, l);
          OutlayDecimal estimate = outlay_line_get_estimate (line);

          if (!outlay_phasing_spread (outlay_document_get_line_phasing (document, line), estimate,
                                      t->n, places, row, NULL))
            {
              to_date_free (t);
              return NULL;
            }
          t->estimates[s] += estimate;
          for (guint p = 0; p < t->n; p++)
            t->planned[(gsize) s * t->n + p] += row[p];
        }
    }
  g_object_set_qdata_full (G_OBJECT (document), to_date_quark (), t, to_date_free);
  t->handlers[0] = g_signal_connect (document, "changed", G_CALLBACK (forget_cb), NULL);
  t->handlers[1] = g_signal_connect (document, "periods-changed", G_CALLBACK (forget_cb), NULL);
  return t;
}

/* @whole × @part_planned ÷ @planned_estimate; evenly when nothing is
 * estimated. */
static gboolean
scale (OutlayDecimal whole,
       OutlayDecimal part_planned,
       OutlayDecimal planned_estimate,
       guint month_index,
       guint n_months,
       OutlayDecimal *out)
{
  if (planned_estimate == 0)
    return outlay_decimal_mul_div (whole, OUTLAY_DECIMAL_FROM_INT (month_index),
                                   OUTLAY_DECIMAL_FROM_INT (n_months), out);
  return outlay_decimal_mul_div (whole, part_planned, planned_estimate, out);
}

/**
 * outlay_phasing_to_date:
 * @document: an open budget
 * @periods: its periods
 * @section: (nullable): a section (@line's when %NULL and @line is set)
 * @line: (nullable): a line
 * @month_index: months from the fiscal start, 1 for the first
 * @budgeted: (inout): the annual figure in; the part phased up to
 *   @month_index out
 * @error: on overflow
 *
 * A line's phased budget to date is the sum of its periods; a section's
 * and the budget's figures (fringes, allocation) are scaled by how much
 * of their lines' estimate is phased to date.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_phasing_to_date (OutlayDocument *document,
                        const OutlayPeriods *periods,
                        OutlaySection *section,
                        OutlayLine *line,
                        guint month_index,
                        OutlayDecimal *budgeted,
                        GError **error)
{
  g_autofree OutlayDecimal *row = g_new0 (OutlayDecimal, periods->n);
  OutlayDecimal planned = 0, estimate = 0;
  gboolean ok = TRUE;

  if (line != NULL)
    {
      ok = outlay_phasing_spread (outlay_document_get_line_phasing (document, line),
                                  outlay_line_get_estimate (line), periods->n, places_of (document),
                                  row, NULL)
           && cumulate (periods, row, month_index, budgeted);
    }
  else
    {
      ToDate *t = to_date_get (document, periods);
      guint index = 0;
      gboolean one = section != NULL && outlay_document_find_section (document, section, &index);

      ok = t != NULL;
      for (guint s = 0; ok && s < t->n_sections; s++)
        {
          if (one && s != index)
            continue;
          for (guint p = 0; p < t->n; p++)
            row[p] += t->planned[(gsize) s * t->n + p];
          estimate += t->estimates[s];
        }
      ok = ok && cumulate (periods, row, month_index, &planned)
           && scale (*budgeted, planned, estimate, month_index, periods->n_months, budgeted);
    }
  if (!ok)
    g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW,
                         _("The phased budget is larger than Outlay can hold"));
  return ok;
}

/* @from (one per month, or per quarter) regrouped for @to: a quarter sums
 * its months; a month takes a third of its quarter, the last month the
 * remainder. */
static OutlayDecimal *
regroup (const OutlayDecimal *from,
         guint n_from,
         const OutlayPeriods *src,
         const OutlayPeriods *dst,
         guint *n_out)
{
  OutlayDecimal *out = g_new0 (OutlayDecimal, dst->n);

  *n_out = dst->n;
  if (n_from != src->n)
    {
      g_free (out);
      *n_out = 0;
      return NULL;
    }
  for (guint p = 0; p < src->n; p++)
    {
      guint first = p * src->months;
      guint len = months_in (src, p);

      if (src->months == 1)
        out[first / dst->months] += from[p];
      else
        {
          OutlayDecimal third = from[p] / len, rest = from[p] - third * (len - 1);

          for (guint m = 0; m < len; m++)
            out[first + m] = m + 1 == len ? rest : third;
        }
    }
  return out;
}

/**
 * outlay_phasing_set_settings:
 * @document: an open budget
 * @settings: its new period settings
 * @error: why not
 *
 * Changes the settings in one undoable command; going from months to
 * quarters (or back) regroups each line's weights and recorded actuals,
 * so its spread stays as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_phasing_set_settings (OutlayDocument *document,
                             const OutlayPeriodSettings *settings,
                             GError **error)
{
  const OutlayPeriodSettings *now = outlay_document_get_period_settings (document);
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_autoptr(GPtrArray) phasings = g_ptr_array_new_with_free_func (
      (GDestroyNotify) outlay_line_phasing_free);
  g_autoptr(OutlayPeriods) src = NULL;
  g_autoptr(OutlayPeriods) dst = NULL;

  if (settings->kind != now->kind)
    {
      src = outlay_periods_new (outlay_document_get_budget (document), now->kind, NULL);
      dst = outlay_periods_new (outlay_document_get_budget (document), settings->kind, NULL);
    }
  for (guint s = 0; src != NULL && dst != NULL && s < outlay_document_get_n_sections (document);
       s++)
    {
      OutlaySection *section = outlay_document_get_section (document, s);

      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        {
          OutlayLine *line = outlay_section_get_line (section, l);
          const OutlayLinePhasing *old = outlay_document_get_line_phasing (document, line);
          g_autofree OutlayDecimal *w = NULL;
          g_autofree OutlayDecimal *a = NULL;
          OutlayLinePhasing *p;
          guint nw = 0, na = 0;

          if (old == NULL)
            continue;
          w = regroup (old->weights, old->n_weights, src, dst, &nw);
          a = regroup (old->actuals, old->n_actuals, src, dst, &na);
          p = outlay_line_phasing_new (w != NULL ? old->method : OUTLAY_PHASING_METHOD_EVEN, w, nw);
          outlay_line_phasing_set_actuals (p, a, na);
          outlay_line_phasing_set_source (p, old->source);
          g_ptr_array_add (lines, line);
          g_ptr_array_add (phasings, p);
        }
    }
  return outlay_document_set_period_settings (
      document, settings, (OutlayLine *const *) lines->pdata,
      (OutlayLinePhasing *const *) phasings->pdata, lines->len, error);
}
