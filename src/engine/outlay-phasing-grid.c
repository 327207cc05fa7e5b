/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-phasing"

/* A budget laid out by period: each line's planned amounts (its phasing),
 * its actuals landing in a period by their date and its open commitments
 * by their expected date, with sums per section and for the budget.  The
 * Periods view, the rolling forecast, the variance report and the CLI all
 * read this one layout. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-currency.h"
#include "outlay-error.h"
#include "outlay-phasing.h"

#define AT(grid, array, row, p) OUTLAY_GRID_AT (grid, array, row, p)

void
outlay_phasing_grid_free (OutlayPhasingGrid *self)
{
  if (self == NULL)
    return;
  outlay_periods_free (self->periods);
  g_free (self->lines);
  g_free (self->row_section);
  g_free (self->planned);
  g_free (self->actual);
  g_free (self->scheduled);
  g_free (self->forecast);
  g_free (self->unphased);
  g_free (self->undated);
  g_free (self->section_planned);
  g_free (self->section_actual);
  g_free (self->section_scheduled);
  g_free (self->section_forecast);
  g_free (self->total_planned);
  g_free (self->total_actual);
  g_free (self->total_scheduled);
  g_free (self->total_forecast);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_free (self);
}

/**
 * outlay_phasing_grid_row_of:
 * @self: a grid
 * @line: a line
 *
 * Returns: @line's row, or -1
 */
int
outlay_phasing_grid_row_of (const OutlayPhasingGrid *self, OutlayLine *line)
{
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->rows, line)) - 1;
}

static void
add_into (OutlayDecimal *to, const OutlayDecimal *from, guint n, int sign)
{
  for (guint p = 0; p < n; p++)
    to[p] += sign * from[p];
}

/* A commitment's invoiced part lands by its date, its open part by its
 * expected date (or its date); open amounts before the fiscal year or
 * with no date land in the first period. */
static void
place_commitment (const OutlayPeriods *periods,
                  OutlayCommitment *c,
                  OutlayDecimal *actual,
                  OutlayDecimal *scheduled,
                  OutlayDecimal *undated,
                  OutlayDecimal *placed_actual)
{
  OutlayDecimal a, committed, reserved;
  const char *when;
  int p;

  outlay_commitment_get_held (c, &a, &committed, &reserved);
  if (a != 0)
    {
      p = outlay_periods_index_of (periods, outlay_commitment_get_date (c));
      if (p >= 0)
        actual[p] += a;
      else if (undated != NULL)
        *undated += a;
      if (placed_actual != NULL)
        *placed_actual += a;
    }
  if (committed + reserved == 0)
    return;
  when = outlay_commitment_get_expected_date (c);
  if (when == NULL || *when == '\0')
    when = outlay_commitment_get_date (c);
  p = outlay_periods_index_of (periods, when);
  if (p < 0)
    {
      int y, m;

      /* after the fiscal year: not this year's */
      if (outlay_phasing_parse_month (when, &y, &m)
          && (y - periods->start_year) * 12 + (m - periods->start_month) >= (int) periods->n_months)
        return;
      p = 0;
    }
  scheduled[p] += committed + reserved;
}

/* Fills @row's planned, unphased, actual (but commitments), undated and
 * scheduled; @placed is what its commitments already put in actual. */
static gboolean
fill_row (OutlayPhasingGrid *self,
          OutlayDocument *document,
          guint row,
          OutlayDecimal placed,
          guint places)
{
  OutlayLine *line = self->lines[row];
  const OutlayLinePhasing *phasing = outlay_document_get_line_phasing (document, line);
  guint n = self->periods->n;
  OutlayDecimal rest = outlay_line_get_total_actual (line) - placed;
  int p;

  if (!outlay_phasing_spread (phasing, outlay_line_get_estimate (line), n, places,
                              &AT (self, planned, row, 0), &self->unphased[row]))
    return FALSE;
  if (phasing != NULL && phasing->n_actuals == n)
    for (guint q = 0; q < n; q++)
      {
        AT (self, actual, row, q) += phasing->actuals[q];
        rest -= phasing->actuals[q];
      }
  if (rest == 0)
    return TRUE;
  p = outlay_periods_index_of (self->periods, outlay_line_get_text (line, OUTLAY_LINE_PERIOD));
  if (p < 0)
    p = outlay_periods_index_of (self->periods, outlay_line_get_text (line, OUTLAY_LINE_DATE));
  if (p >= 0)
    AT (self, actual, row, p) += rest;
  else
    self->undated[row] += rest;
  return TRUE;
}

static void
sum_rows (OutlayPhasingGrid *self)
{
  guint n = self->periods->n;

  for (guint r = 0; r < self->n_rows; r++)
    {
      guint s = self->row_section[r];

      add_into (&self->section_planned[(gsize) s * n], &AT (self, planned, r, 0), n, 1);
      add_into (&self->section_actual[(gsize) s * n], &AT (self, actual, r, 0), n, 1);
      add_into (&self->section_scheduled[(gsize) s * n], &AT (self, scheduled, r, 0), n, 1);
    }
  for (guint s = 0; s < self->n_sections; s++)
    {
      add_into (self->total_planned, &self->section_planned[(gsize) s * n], n, 1);
      add_into (self->total_actual, &self->section_actual[(gsize) s * n], n, 1);
      add_into (self->total_scheduled, &self->section_scheduled[(gsize) s * n], n, 1);
    }
}

static void
alloc (OutlayPhasingGrid *self)
{
  gsize cells = (gsize) self->n_rows * self->periods->n;
  gsize scells = (gsize) self->n_sections * self->periods->n;

  self->lines = g_new0 (OutlayLine *, MAX (self->n_rows, 1));
  self->row_section = g_new0 (guint, MAX (self->n_rows, 1));
  self->planned = g_new0 (OutlayDecimal, MAX (cells, 1));
  self->actual = g_new0 (OutlayDecimal, MAX (cells, 1));
  self->scheduled = g_new0 (OutlayDecimal, MAX (cells, 1));
  self->forecast = g_new0 (OutlayDecimal, MAX (cells, 1));
  self->unphased = g_new0 (OutlayDecimal, MAX (self->n_rows, 1));
  self->undated = g_new0 (OutlayDecimal, MAX (self->n_rows, 1));
  self->section_planned = g_new0 (OutlayDecimal, MAX (scells, 1));
  self->section_actual = g_new0 (OutlayDecimal, MAX (scells, 1));
  self->section_scheduled = g_new0 (OutlayDecimal, MAX (scells, 1));
  self->section_forecast = g_new0 (OutlayDecimal, MAX (scells, 1));
  self->total_planned = g_new0 (OutlayDecimal, self->periods->n);
  self->total_actual = g_new0 (OutlayDecimal, self->periods->n);
  self->total_scheduled = g_new0 (OutlayDecimal, self->periods->n);
  self->total_forecast = g_new0 (OutlayDecimal, self->periods->n);
  self->rows = g_hash_table_new (NULL, NULL);
}

/**
 * outlay_phasing_grid_new:
 * @document: an open budget
 * @error: why not: no fiscal year, an overflow
 *
 * Lays @document out by period.  The forecast is all zero until
 * outlay_rolling_forecast_compute() fills it.
 *
 * Returns: (transfer full) (nullable): the grid
 */
OutlayPhasingGrid *
outlay_phasing_grid_new (OutlayDocument *document, GError **error)
{
  g_autoptr(OutlayPhasingGrid) self = g_new0 (OutlayPhasingGrid, 1);
  g_autofree OutlayDecimal *placed = NULL;
  guint places = outlay_currency_minor_units (
      outlay_budget_get_currency (outlay_document_get_budget (document)));
  guint n, row = 0;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (document), NULL);
  self->periods = outlay_periods_for_document (document, error);
  if (self->periods == NULL)
    return NULL;
  n = self->periods->n;
  self->n_rows = outlay_document_get_n_lines (document);
  self->n_sections = outlay_document_get_n_sections (document);
  alloc (self);
  for (guint s = 0; s < self->n_sections; s++)
    {
      OutlaySection *section = outlay_document_get_section (document, s);

      for (guint l = 0; l < outlay_section_get_n_lines (section); l++, row++)
        {
          self->lines[row] = outlay_section_get_line (section, l);
          self->row_section[row] = s;
          g_hash_table_insert (self->rows, self->lines[row], GUINT_TO_POINTER (row + 1));
        }
    }
  g_assert (row == self->n_rows);
  placed = g_new0 (OutlayDecimal, MAX (self->n_rows, 1));
  for (guint i = 0; i < outlay_document_get_n_commitments (document); i++)
    {
      OutlayCommitment *c = outlay_document_get_commitment (document, i);
      OutlayLine *line = outlay_commitment_get_line (c);
      OutlaySection *section = outlay_commitment_get_section (c);
      int r = line != NULL ? outlay_phasing_grid_row_of (self, line) : -1;
      guint s;

      if (r >= 0)
        place_commitment (self->periods, c, &AT (self, actual, r, 0), &AT (self, scheduled, r, 0),
                          &self->undated[r], &placed[r]);
      else if (section != NULL && outlay_document_find_section (document, section, &s))
        place_commitment (self->periods, c, &self->section_actual[(gsize) s * n],
                          &self->section_scheduled[(gsize) s * n], NULL, NULL);
    }
  for (guint r = 0; r < self->n_rows; r++)
    if (!fill_row (self, document, r, placed[r], places))
      {
        g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW,
                             _("The phased budget is larger than Outlay can hold"));
        return NULL;
      }
  sum_rows (self);
  return g_steal_pointer (&self);
}

/**
 * outlay_phasing_grid_update_line:
 * @self: a grid of @document
 * @document: the budget
 * @line: a line that changed (its phasing, estimate or actual)
 *
 * Lays @line out again and moves its section's and the budget's sums by
 * the difference.  The forecast is left as it was.
 *
 * Returns: %FALSE when @line is not in the grid or on overflow
 */
gboolean
outlay_phasing_grid_update_line (OutlayPhasingGrid *self,
                                 OutlayDocument *document,
                                 OutlayLine *line)
{
  int r = outlay_phasing_grid_row_of (self, line);
  guint n = self->periods->n;
  guint places = outlay_currency_minor_units (
      outlay_budget_get_currency (outlay_document_get_budget (document)));
  OutlayDecimal placed = 0;
  OutlayDecimal *sp, *sa, *ss;

  if (r < 0)
    return FALSE;
  sp = &self->section_planned[(gsize) self->row_section[r] * n];
  sa = &self->section_actual[(gsize) self->row_section[r] * n];
  ss = &self->section_scheduled[(gsize) self->row_section[r] * n];
  add_into (sp, &AT (self, planned, r, 0), n, -1);
  add_into (sa, &AT (self, actual, r, 0), n, -1);
  add_into (ss, &AT (self, scheduled, r, 0), n, -1);
  add_into (self->total_planned, &AT (self, planned, r, 0), n, -1);
  add_into (self->total_actual, &AT (self, actual, r, 0), n, -1);
  add_into (self->total_scheduled, &AT (self, scheduled, r, 0), n, -1);
  memset (&AT (self, actual, r, 0), 0, sizeof (OutlayDecimal) * n);
  memset (&AT (self, scheduled, r, 0), 0, sizeof (OutlayDecimal) * n);
  self->undated[r] = 0;
  for (guint i = 0; i < outlay_document_get_n_commitments (document); i++)
    {
      OutlayCommitment *c = outlay_document_get_commitment (document, i);

      if (outlay_commitment_get_line (c) == line)
        place_commitment (self->periods, c, &AT (self, actual, r, 0), &AT (self, scheduled, r, 0),
                          &self->undated[r], &placed);
    }
  if (!fill_row (self, document, (guint) r, placed, places))
    return FALSE;
  add_into (sp, &AT (self, planned, r, 0), n, 1);
  add_into (sa, &AT (self, actual, r, 0), n, 1);
  add_into (ss, &AT (self, scheduled, r, 0), n, 1);
  add_into (self->total_planned, &AT (self, planned, r, 0), n, 1);
  add_into (self->total_actual, &AT (self, actual, r, 0), n, 1);
  add_into (self->total_scheduled, &AT (self, scheduled, r, 0), n, 1);
  return TRUE;
}

static OutlayLine *
line_with_code (OutlayDocument *document, const char *code, const char *section_code)
{
  OutlayLine *found = NULL;
  guint n_found = 0;

  /* a line with no code matches none: not every other line with none */
  if (code == NULL || *code == '\0')
    return NULL;
  for (guint s = 0; s < outlay_document_get_n_sections (document); s++)
    {
      OutlaySection *section = outlay_document_get_section (document, s);
      const char *other = outlay_section_get_code (section);

      /* section letters in either case, as outlay-cli takes them */
      if (section_code != NULL && (other == NULL || g_ascii_strcasecmp (other, section_code) != 0))
        continue;
      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        {
          OutlayLine *line = outlay_section_get_line (section, l);

          if (g_strcmp0 (outlay_line_get_code (line), code) == 0)
            {
              found = line;
              n_found++;
            }
        }
    }
  return n_found == 1 ? found : NULL;
}

/**
 * outlay_phasing_grid_actuals_of:
 * @source: the grid of the budget (or version) to follow
 * @source_document: its document
 * @line: a line of another budget
 * @n: that budget's periods
 * @error: %OUTLAY_ERROR_NOT_FOUND when @source_document has no line with
 *   @line's code (in the section with its section's code, else one
 *   anywhere), %OUTLAY_ERROR_INVALID_ARGUMENT when the periods differ
 *
 * Last year's actuals of the line with @line's code, one per period: the
 * weights a line phased by %OUTLAY_PHASING_METHOD_LAST_YEAR follows.
 *
 * Returns: (transfer full): @n amounts
 */
OutlayDecimal *
outlay_phasing_grid_actuals_of (const OutlayPhasingGrid *source,
                                OutlayDocument *source_document,
                                OutlayLine *line,
                                guint n,
                                GError **error)
{
  OutlaySection *section = outlay_line_get_section (line);
  const char *name = outlay_budget_get_name (outlay_document_get_budget (source_document));
  OutlayLine *match;
  int r;

  g_return_val_if_fail (source != NULL, NULL);
  match = line_with_code (source_document, outlay_line_get_code (line),
                          section != NULL ? outlay_section_get_code (section) : NULL);
  if (match == NULL)
    match = line_with_code (source_document, outlay_line_get_code (line), NULL);
  if (match == NULL)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                   _("Line %s: “%s” has no line with that code to follow"),
                      outlay_line_get_code (line) != NULL ? outlay_line_get_code (line) : "", name);
      return NULL;
    }
  if (source->periods->n != n)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("“%s” has %u periods and this budget %u: last year’s actuals cannot be laid "
                     "over them"),
                      name, source->periods->n, n);
      return NULL;
    }
  r = outlay_phasing_grid_row_of (source, match);
  g_assert (r >= 0);
  return g_memdup2 (&OUTLAY_GRID_AT (source, actual, r, 0), sizeof (OutlayDecimal) * n);
}
