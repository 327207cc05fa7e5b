/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-import"

/* A department budget often comes as one row per line and period
 * ("Research, Salaries, FY2025-P01, 58,194.21"): the rows of one line are
 * folded into that line, its estimate and actual the sums, phased by the
 * amounts of each period, with the actual recorded per period.  A budget
 * with no fiscal year gets the one the periods span. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "outlay-error.h"
#include "outlay-import-periods.h"
#include "outlay-import-private.h"
#include "outlay-line-phasing.h"
#include "outlay-line-private.h"
#include "outlay-phasing.h"

typedef struct
{
  int month; /* year × 12 + month − 1 */
  OutlayDecimal budget;
  OutlayDecimal actual;
} PeriodAmount;

typedef struct
{
  gint64 section_id;
  OutlayLine *line; /* the first row's values */
  GArray *amounts;  /* PeriodAmount */
} Folded;

struct _OutlayPeriodFold
{
  GHashTable *by_key; /* "section\x1fcode\x1fdescription" → Folded */
  GPtrArray *order;   /* Folded, as first seen */
  int min, max;
  gboolean any_month; /* a label named a month, not a quarter */
};

static void
folded_free (Folded *f)
{
  g_object_unref (f->line);
  g_array_unref (f->amounts);
  g_free (f);
}

OutlayPeriodFold *
outlay_period_fold_new (void)
{
  OutlayPeriodFold *self = g_new0 (OutlayPeriodFold, 1);

  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->order = g_ptr_array_new_with_free_func ((GDestroyNotify) folded_free);
  self->min = G_MAXINT;
  self->max = G_MININT;
  return self;
}

void
outlay_period_fold_free (OutlayPeriodFold *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_key);
  g_ptr_array_unref (self->order);
  g_free (self);
}

static OutlayLine *
copy_line (OutlayLine *from)
{
  OutlayLine *line = outlay_line_new ();
  OutlayLineState state = { 0 };

  outlay_line_save_state (from, &state);
  outlay_line_restore_state (line, &state);
  outlay_line_state_clear (&state);
  return line;
}

/**
 * outlay_period_fold_take:
 * @self: a fold
 * @section_id: the row's section
 * @line: the row as a line, its period in %OUTLAY_LINE_PERIOD
 * @new_line: (out): the row starts a line (the first of its period rows)
 *
 * Returns: %FALSE when the row names no period (it is a line of its own)
 */
gboolean
outlay_period_fold_take (OutlayPeriodFold *self,
                         gint64 section_id,
                         OutlayLine *line,
                         gboolean *new_line)
{
  const char *label = outlay_line_get_text (line, OUTLAY_LINE_PERIOD);
  g_autofree char *key = NULL;
  PeriodAmount a = { 0 };
  Folded *f;
  int y, m;

  if (!outlay_phasing_parse_month (label, &y, &m))
    return FALSE;
  if (strstr (label, "-Q") == NULL && strstr (label, "-q") == NULL)
    self->any_month = TRUE;
  a.month = y * 12 + m - 1;
  a.budget = outlay_line_get_estimate (line);
  a.actual = outlay_line_get_actual (line);
  key = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s\x1f%s", section_id,
                         outlay_line_get_code (line), outlay_line_get_description (line));
  f = g_hash_table_lookup (self->by_key, key);
  *new_line = f == NULL;
  if (f == NULL)
    {
      f = g_new0 (Folded, 1);
      f->section_id = section_id;
      f->line = copy_line (line);
      f->amounts = g_array_new (FALSE, FALSE, sizeof (PeriodAmount));
      g_hash_table_insert (self->by_key, g_steal_pointer (&key), f);
      g_ptr_array_add (self->order, f);
    }
  g_array_append_val (f->amounts, a);
  self->min = MIN (self->min, a.month);
  self->max = MAX (self->max, a.month);
  return TRUE;
}

guint
outlay_period_fold_get_n_lines (OutlayPeriodFold *self)
{
  return self->order->len;
}

static char *
month_date (int month, gboolean last_day)
{
  int y = month / 12, m = month % 12 + 1;

  if (!last_day)
    return g_strdup_printf ("%04d-%02d-01", y, m);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, g_date_get_days_in_month (m, y));
}

/* One line: the sums, and the amounts per period as its phasing. */
static gboolean
flush_one (Folded *f, OutlayStoreImport *import, const OutlayPeriods *periods, GError **error)
{
  g_autofree OutlayDecimal *weights = g_new0 (OutlayDecimal, periods->n);
  g_autofree OutlayDecimal *actuals = g_new0 (OutlayDecimal, periods->n);
  g_autofree char *w = NULL;
  g_autofree char *a = NULL;
  OutlayDecimal estimate = 0, actual = 0;
  gboolean any_actual = FALSE;
  gint64 line_id = 0;

  for (guint i = 0; i < f->amounts->len; i++)
    {
      const PeriodAmount *pa = &g_array_index (f->amounts, PeriodAmount, i);
      int from_start = pa->month - (periods->start_year * 12 + periods->start_month - 1);
      guint p = from_start >= 0 ? (guint) from_start / periods->months : G_MAXUINT;

      if (!outlay_decimal_add (estimate, pa->budget, &estimate)
          || !outlay_decimal_add (actual, pa->actual, &actual))
        {
          g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW,
                       _("Line %s: its periods add up to more than Outlay can hold"),
                          outlay_line_get_code (f->line));
          return FALSE;
        }
      /* a period outside the budget's year stays in the estimate, not phased */
      if (p < periods->n)
        {
          weights[p] += pa->budget;
          actuals[p] += pa->actual;
          any_actual |= pa->actual != 0;
        }
    }
  outlay_line_load_decimal (f->line, OUTLAY_LINE_ESTIMATE, estimate);
  outlay_line_load_decimal (f->line, OUTLAY_LINE_ACTUAL, actual);
  outlay_line_take_text (f->line, OUTLAY_LINE_PERIOD, NULL);
  if (!outlay_store_import_line (import, f->section_id, f->line, &line_id, error))
    return FALSE;
  w = outlay_decimals_to_text (weights, periods->n);
  a = any_actual ? outlay_decimals_to_text (actuals, periods->n) : g_strdup ("");
  return outlay_store_import_phasing (import, line_id, "amounts", w, a, error);
}

/**
 * outlay_period_fold_flush:
 * @self: a fold
 * @import: (nullable): the import to write to; %NULL for a check
 * @error: why not
 *
 * Writes the folded lines with their phasing, after the budget's fiscal
 * year is set (where it had none) to the months the rows span.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_period_fold_flush (OutlayPeriodFold *self, OutlayStoreImport *import, GError **error)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *fiscal_start = NULL;
  g_autofree char *fiscal_end = NULL;
  g_autoptr(OutlayBudget) year = NULL;
  g_autoptr(OutlayPeriods) periods = NULL;
  OutlayPeriodKind kind = self->any_month ? OUTLAY_PERIOD_KIND_MONTH : OUTLAY_PERIOD_KIND_QUARTER;

  if (import == NULL || self->order->len == 0)
    return TRUE;
  start = month_date (self->min, FALSE);
  end = month_date (kind == OUTLAY_PERIOD_KIND_QUARTER ? self->max + 2 : self->max, TRUE);
  if (!outlay_store_import_set_periods (import, start, end,
                                        kind == OUTLAY_PERIOD_KIND_MONTH ? "month" : "quarter",
                                        &fiscal_start, &fiscal_end, error))
    return FALSE;
  year = g_object_new (OUTLAY_TYPE_BUDGET, "name", outlay_store_import_get_budget_name (import),
                       "fiscal-start", fiscal_start, "fiscal-end", fiscal_end, NULL);
  if ((periods = outlay_periods_new (year, kind, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < self->order->len; i++)
    if (!flush_one (g_ptr_array_index (self->order, i), import, periods, error))
      return FALSE;
  return TRUE;
}

/* ---- month columns ---- */

#define MIN_MONTHS 6

struct _OutlayMonthColumns
{
  guint n_fields;
  int *month;               /* by column: year × 12 + month − 1, or -1 */
  gboolean *actual;         /* by column: an actual, not a budget */
  OutlayDecimal *budget_of; /* by column: this row's value */
  int min, max;
  OutlayPeriods *periods; /* once the budget's year is known */
  gboolean failed;
};

/* "2025" in "Jan 2025 Budget", "25" in "Mar-25"; 0 for none. */
static int
year_in (const char *header)
{
  g_autofree char *norm = outlay_import_normalize_header (header, NULL);
  g_auto (GStrv) words = g_strsplit (norm, " ", 0);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize len = strlen (words[i]);
      gboolean digits = len > 0;

      for (gsize k = 0; k < len; k++)
        digits &= g_ascii_isdigit (words[i][k]);
      if (digits && len == 4 && atoi (words[i]) >= 1900 && atoi (words[i]) <= 2200)
        return atoi (words[i]);
      if (digits && len == 2 && i > 0 && outlay_import_header_month (words[i - 1]) != 0)
        return 2000 + atoi (words[i]);
    }
  return 0;
}

static gboolean
is_actual_header (const char *header)
{
  g_autofree char *norm = outlay_import_normalize_header (header, NULL);
  g_auto (GStrv) words = g_strsplit (norm, " ", 0);
  static const char *const actual_words[] = { "actual", "actuals", "act",   "ist",
                                              "reel",   "real",    "spent", "spend" };

  for (guint i = 0; words[i] != NULL; i++)
    for (guint k = 0; k < G_N_ELEMENTS (actual_words); k++)
      if (strcmp (words[i], actual_words[k]) == 0)
        return TRUE;
  return FALSE;
}

/**
 * outlay_month_columns_new:
 * @headers: (array length=n_fields): each column's header
 * @fields: (array length=n_fields): each column's field
 * @n_fields: columns
 * @ignore: the value of a left-out column in @fields
 *
 * Returns: (nullable): the month columns, or %NULL when the sheet has
 *   fewer than six months across
 */
OutlayMonthColumns *
outlay_month_columns_new (char **headers, const int *fields, guint n_fields, int ignore)
{
  g_autoptr(OutlayMonthColumns) self = g_new0 (OutlayMonthColumns, 1);
  guint seen = 0;
  int base = 0, year = 0, last_month = 0;

  self->n_fields = n_fields;
  self->month = g_new0 (int, MAX (n_fields, 1));
  self->actual = g_new0 (gboolean, MAX (n_fields, 1));
  self->budget_of = g_new0 (OutlayDecimal, MAX (n_fields, 1));
  self->min = G_MAXINT;
  self->max = G_MININT;
  for (guint c = 0; c < n_fields && base == 0; c++)
    if (headers[c] != NULL && fields[c] == ignore && outlay_import_header_month (headers[c]) != 0)
      base = year_in (headers[c]);
  if (base == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      base = g_date_time_get_year (now);
    }
  year = base;
  for (guint c = 0; c < n_fields; c++)
    {
      guint m = headers[c] != NULL && fields[c] == ignore ? outlay_import_header_month (headers[c])
                                                          : 0;
      int y;

      self->month[c] = -1;
      if (m == 0)
        continue;
      /* a year named in the header; else the months run on, into the next
       * year after December */
      y = year_in (headers[c]);
      if (y == 0)
        {
          if (last_month != 0 && (int) m < last_month)
            year++;
          y = year;
        }
      year = y;
      last_month = (int) m;
      self->month[c] = y * 12 + (int) m - 1;
      self->actual[c] = is_actual_header (headers[c]);
      self->min = MIN (self->min, self->month[c]);
      self->max = MAX (self->max, self->month[c]);
      seen |= 1u << m;
    }
  if ((guint) __builtin_popcount (seen) < MIN_MONTHS)
    return NULL;
  return g_steal_pointer (&self);
}

void
outlay_month_columns_free (OutlayMonthColumns *self)
{
  if (self == NULL)
    return;
  g_free (self->month);
  g_free (self->actual);
  g_free (self->budget_of);
  outlay_periods_free (self->periods);
  g_free (self);
}

gboolean
outlay_month_columns_has (OutlayMonthColumns *self, guint column)
{
  return column < self->n_fields && self->month[column] >= 0;
}

void
outlay_month_columns_reset (OutlayMonthColumns *self)
{
  memset (self->budget_of, 0, sizeof (OutlayDecimal) * MAX (self->n_fields, 1));
}

void
outlay_month_columns_take (OutlayMonthColumns *self, guint column, OutlayDecimal value)
{
  if (outlay_month_columns_has (self, column))
    self->budget_of[column] = value;
}

/* The row's months added up: what it budgets and what it spent. */
gboolean
outlay_month_columns_sums (OutlayMonthColumns *self,
                           OutlayDecimal *budget,
                           OutlayDecimal *actual,
                           gboolean *any_actual)
{
  *budget = *actual = 0;
  *any_actual = FALSE;
  for (guint c = 0; c < self->n_fields; c++)
    {
      if (self->month[c] < 0)
        continue;
      if (self->actual[c])
        *any_actual = TRUE;
      if (!outlay_decimal_add (self->actual[c] ? *actual : *budget, self->budget_of[c],
                               self->actual[c] ? actual : budget))
        return FALSE;
    }
  return TRUE;
}

/**
 * outlay_month_columns_write:
 * @self: month columns holding a row's values
 * @import: the import
 * @line_id: the row's line, just written
 * @error: why not
 *
 * The first call gives a budget with no fiscal year the months the
 * columns span; each writes the row's months as its line's phasing.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_month_columns_write (OutlayMonthColumns *self,
                            OutlayStoreImport *import,
                            gint64 line_id,
                            GError **error)
{
  g_autofree OutlayDecimal *weights = NULL;
  g_autofree OutlayDecimal *actuals = NULL;
  g_autofree char *w = NULL;
  g_autofree char *a = NULL;
  gboolean any_actual = FALSE;
  int first;

  if (self->periods == NULL)
    {
      g_autofree char *start = month_date (self->min, FALSE);
      g_autofree char *end = month_date (self->max, TRUE);
      g_autofree char *fiscal_start = NULL;
      g_autofree char *fiscal_end = NULL;
      g_autoptr(OutlayBudget) year = NULL;

      if (!outlay_store_import_set_periods (import, start, end, "month", &fiscal_start, &fiscal_end,
                                            error))
        return FALSE;
      year = g_object_new (OUTLAY_TYPE_BUDGET, "name", outlay_store_import_get_budget_name (import),
                           "fiscal-start", fiscal_start, "fiscal-end", fiscal_end, NULL);
      if ((self->periods = outlay_periods_new (year, OUTLAY_PERIOD_KIND_MONTH, error)) == NULL)
        return FALSE;
    }
  weights = g_new0 (OutlayDecimal, self->periods->n);
  actuals = g_new0 (OutlayDecimal, self->periods->n);
  first = self->periods->start_year * 12 + self->periods->start_month - 1;
  for (guint c = 0; c < self->n_fields; c++)
    {
      int p = self->month[c] - first;

      if (self->month[c] < 0 || p < 0 || p >= (int) self->periods->n)
        continue;
      if (self->actual[c])
        {
          actuals[p] += self->budget_of[c];
          any_actual = TRUE;
        }
      else
        weights[p] += self->budget_of[c];
    }
  w = outlay_decimals_to_text (weights, self->periods->n);
  a = any_actual ? outlay_decimals_to_text (actuals, self->periods->n) : g_strdup ("");
  return outlay_store_import_phasing (import, line_id, "amounts", w, a, error);
}
