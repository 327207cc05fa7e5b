/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-report"

/* The variance-by-period report: for each period, each section's phased
 * budget against what it cost (a closed period) or what is forecast (an
 * open one), with the variances over the user's limit, an amount or a
 * percentage of the period's budget, whichever is lower, marked
 * "▲ Flag" in words and bold, so they read without colour. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-report-private.h"
#include "outlay-rolling-forecast.h"

static char *
percent_text (const OutlayPeriodVariance *v)
{
  OutlayDecimal p;
  g_autofree char *number = NULL;

  if (!v->has_percent)
    return g_strdup ("—");
  p = outlay_decimal_round (v->percent, 1);
  number = outlay_report_number_places (p < 0 ? -p : p, 1);
  return p < 0 ? g_strdup_printf ("(%s%%)", number) : g_strdup_printf ("%s%%", number);
}

static guint
add_row (OutlayReport *self,
         guint table,
         ReportRowKind kind,
         const char *code,
         const char *name,
         OutlayDecimal planned,
         OutlayDecimal spent,
         gboolean shaded)
{
  ReportRow *row = outlay_report_add_row (self, kind, table, 7);
  OutlayPeriodVariance v;

  outlay_period_variance (planned, spent, self->options.flag_amount, self->options.flag_percent,
                          &v);
  row->cells[0] = g_strdup (code);
  row->cells[1] = g_strdup (name);
  row->cells[2] = outlay_report_money (self, planned);
  row->cells[3] = outlay_report_money (self, spent);
  row->cells[4] = outlay_report_money (self, v.variance);
  row->cells[5] = percent_text (&v);
  if (v.flagged)
    {
      /* TRANSLATORS: marks a variance over the report's limit */
      row->cells[6] = g_strdup (_("▲ Flag"));
      row->flags |= REPORT_ROW_OVER;
    }
  if (shaded)
    row->flags |= REPORT_ROW_SHADED;
  return v.flagged ? 1 : 0;
}

static void
add_limits (OutlayReport *self, OutlayDocument *doc, GPtrArray *fields, const OutlayPhasingGrid *g)
{
  g_autofree char *amount = self->options.flag_amount > 0
                                ? outlay_report_money (self, self->options.flag_amount)
                                : g_strdup (_("none"));
  g_autofree char *percent = self->options.flag_percent > 0
                                 ? outlay_report_percent (self->options.flag_percent)
                                 : g_strdup (_("none"));

  outlay_report_field (fields, _("Flag over"), amount);
  outlay_report_field (fields, _("or over"), percent);
  outlay_report_field (fields, _("Closed up to"), g->closed > 0 ? g->periods->names[g->closed - 1]
                                                                 : _("no period closed"));
}

void
outlay_report_build_period_variance (OutlayReport *self, OutlayDocument *doc)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayPhasingGrid) g = outlay_phasing_grid_new (doc, &error);
  guint table, n, flagged = 0;

  outlay_report_add_title (self, self->budget_name);
  outlay_report_budget_fields (self, doc, fields, FALSE);
  if (g == NULL
      || !outlay_rolling_forecast_compute (g, doc, outlay_document_get_closed_periods (doc),
                                           &error))
    {
      outlay_report_add_fields (self, fields);
      outlay_report_add_note (self, NULL, error->message);
      return;
    }
  add_limits (self, doc, fields, g);
  outlay_report_add_fields (self, fields);
  outlay_report_add_note (self, NULL,
                          _("Variance is the period’s phased budget less what it cost (closed "
                            "periods) or what is forecast (open ones): amounts in parentheses "
                            "are over. A variance over the amount or the percentage of the "
                            "period’s budget, whichever is lower, is marked “▲ Flag”."));
  table = outlay_report_add_table (
      self, TRUE,
      _("Code"), REPORT_COLUMN_TEXT, 64,
         _("Section"), REPORT_COLUMN_FILL, 0,
            _("Budget"), REPORT_COLUMN_NUMERIC, 0,
               /* TRANSLATORS: actual (closed period) or forecast, column title */
               _("Actual/Fcst"), REPORT_COLUMN_NUMERIC, 0,
                  _("Variance"), REPORT_COLUMN_NUMERIC | REPORT_COLUMN_ALERT, 0,
                     _("Var. %"), REPORT_COLUMN_NUMERIC | REPORT_COLUMN_ALERT, 0,
                        _("Status"), REPORT_COLUMN_ALERT, 60, NULL);
  outlay_report_add_columns (self, table);
  n = g->periods->n;
  for (guint p = 0; p < n; p++)
    {
      ReportRow *total;

      outlay_report_add_heading (self, table, g->periods->names[p],
                                 p < g->closed ? _("closed: actual")
                                               : _("open: forecast"), g->n_sections);
      for (guint s = 0; s < g->n_sections; s++)
        {
          OutlaySection *section = outlay_document_get_section (doc, s);

          flagged += add_row (self, table, REPORT_ROW_LINE, outlay_section_get_code (section),
                              outlay_section_get_name (section),
                              g->section_planned[(gsize) s * n + p],
                              g->section_forecast[(gsize) s * n + p], s % 2 == 1);
        }
      g_array_index (self->rows, ReportRow, self->rows->len - 1).keep = 1;
      add_row (self, table, REPORT_ROW_SUBTOTAL, "", g->periods->names[p], g->total_planned[p],
               g->total_forecast[p], FALSE);
      total = &g_array_index (self->rows, ReportRow, self->rows->len - 1);
      g_free (total->cells[1]);
      total->cells[1] = g_strdup_printf (_("Total %s"), g->periods->names[p]);
    }
  {
    g_autofree char *text = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u section-period is flagged.",
                     "%u section-periods are flagged.", flagged),
        flagged);

    outlay_report_add_note (self, NULL, text);
  }
}
