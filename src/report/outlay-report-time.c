/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-report"

/* The time reports: hours logged and what they cost, per person (with
 * their role) or per task (with the line it charges), the costliest
 * first, and the total.  Each entry counts at the rate it was saved with,
 * as in the budget's actuals. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-rates.h"
#include "outlay-report-private.h"

void
outlay_report_build_time (OutlayReport *self,
                          OutlayDocument *doc,
                          GPtrArray *entries,
                          GPtrArray *people)
{
  gboolean by_person = self->options.kind == OUTLAY_REPORT_TIME_BY_PERSON;
  OutlayTimeRow total;
  g_autoptr(GArray) rows = outlay_time_summarize (doc, entries, people, by_person, &total);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *n = g_strdup_printf ("%u", total.n_entries);

  outlay_report_add_title (self, self->budget_name);
  outlay_report_budget_fields (self, doc, fields, FALSE);
  outlay_report_field (fields, _("Time entries"), n);
  outlay_report_add_fields (self, fields);
  outlay_report_add_time_table (self, rows, &total, by_person);
}

/* The hours and their cost per person (or task), the costliest first,
 * and the total. */
void
outlay_report_add_time_table (OutlayReport *self,
                              GArray *rows,
                              const OutlayTimeRow *total,
                              gboolean by_person)
{
  guint table;
  ReportRow *row;

  table = outlay_report_add_table (
      self, TRUE,
      by_person ? _("Person")
                : _("Task"), REPORT_COLUMN_TEXT, 160,
                     by_person
                     ? _("Role")
                     : _("Line"), REPORT_COLUMN_FILL, 0,
                          _("Entries"), REPORT_COLUMN_NUMERIC, 0,
                             _("Hours"), REPORT_COLUMN_NUMERIC, 0,
                                _("Cost"), REPORT_COLUMN_NUMERIC, 0,
                                   /* TRANSLATORS: the average cost of an hour, column title */
                                   _("Per Hour"), REPORT_COLUMN_NUMERIC, 0, NULL);
  outlay_report_add_caption (self, by_person ? _("Hours and their cost by person")
                                             : _("Hours and their cost by task"));
  outlay_report_add_columns (self, table);
  for (guint i = 0; i <= rows->len; i++)
    {
      const OutlayTimeRow *r = i < rows->len ? &g_array_index (rows, OutlayTimeRow, i) : total;
      OutlayDecimal per_hour = 0;

      row = outlay_report_add_row (self, i < rows->len ? REPORT_ROW_LINE : REPORT_ROW_TOTAL, table,
                                   6);
      row->cells[0] = g_strdup (i < rows->len ? r->name : _("Total"));
      row->cells[1] = g_strdup (i < rows->len ? r->detail : NULL);
      row->cells[2] = g_strdup_printf ("%u", r->n_entries);
      row->cells[3] = outlay_report_number_places (r->hours, 2);
      row->cells[4] = outlay_report_money (self, r->cost);
      if (r->hours > 0 && outlay_decimal_div (r->cost, r->hours, &per_hour))
        row->cells[5] = outlay_report_money (self, per_hour);
    }
}
