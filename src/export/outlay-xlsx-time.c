/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-xlsx-export"

/* The xlsx export's "Time by Person" and "Time by Task" sheets: the same
 * rows as the time reports (outlay_time_summarize()), with SUM formulas on
 * the total row so the workbook recalculates to Outlay's figures. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-rates.h"
#include "outlay-xlsx-time.h"

enum
{
  T_NAME,
  T_DETAIL,
  T_ENTRIES,
  T_HOURS,
  T_COST,
  N_T_COLS
};

static double
number (OutlayDecimal value)
{
  return (double) value / (double) OUTLAY_DECIMAL_SCALE;
}

static lxw_error
write_sheet (lxw_workbook *workbook,
             OutlayDocument *doc,
             GPtrArray *entries,
             GPtrArray *people,
             gboolean by_person,
             lxw_format *header,
             lxw_format *money,
             lxw_format *total_text,
             lxw_format *total_money)
{
  lxw_worksheet *ws = workbook_add_worksheet (workbook, by_person ? OUTLAY_XLSX_TIME_PERSON_SHEET
                                                                  : OUTLAY_XLSX_TIME_TASK_SHEET);
  OutlayTimeRow total;
  g_autoptr(GArray) rows = outlay_time_summarize (doc, entries, people, by_person, &total);
  const char *titles[N_T_COLS] = {
    by_person
    ? _("Person")
    : _("Task"), by_person ? _("Role") : _("Line"), _("Entries"), _("Hours"), _("Cost") };
  lxw_row_t last = (lxw_row_t) rows->len; /* the header is row 0 */
  lxw_error status = LXW_NO_ERROR;

  if (ws == NULL)
    return LXW_ERROR_MEMORY_MALLOC_FAILED;
  worksheet_set_column (ws, T_NAME, T_NAME, 28, NULL);
  worksheet_set_column (ws, T_DETAIL, T_DETAIL, 36, NULL);
  worksheet_set_column (ws, T_ENTRIES, T_HOURS, 10, NULL);
  worksheet_set_column (ws, T_COST, T_COST, 14, NULL);
  for (int c = 0; c < N_T_COLS && status == LXW_NO_ERROR; c++)
    status = worksheet_write_string (ws, 0, c, titles[c], header);
  for (guint i = 0; i < rows->len && status == LXW_NO_ERROR; i++)
    {
      const OutlayTimeRow *r = &g_array_index (rows, OutlayTimeRow, i);
      lxw_row_t row = i + 1;

      status = worksheet_write_string (ws, row, T_NAME, r->name ? r->name : "", NULL);
      if (status == LXW_NO_ERROR && r->detail != NULL)
        status = worksheet_write_string (ws, row, T_DETAIL, r->detail, NULL);
      if (status == LXW_NO_ERROR)
        status = worksheet_write_number (ws, row, T_ENTRIES, r->n_entries, NULL);
      if (status == LXW_NO_ERROR)
        status = worksheet_write_number (ws, row, T_HOURS, number (r->hours), NULL);
      if (status == LXW_NO_ERROR)
        status = worksheet_write_number (ws, row, T_COST, number (r->cost), money);
    }
  if (status == LXW_NO_ERROR)
    status = worksheet_write_string (ws, last + 1, T_NAME, _("Total"), total_text);
  for (int c = T_ENTRIES; c <= T_COST && status == LXW_NO_ERROR; c++)
    {
      g_autofree char *formula = last > 0 ? g_strdup_printf ("=SUM(%c2:%c%u)", 'A' + c, 'A' + c,
                                                             (guint) last + 1)
                                          : g_strdup ("=0");
      double value = c == T_ENTRIES ? total.n_entries
                     : c == T_HOURS ? number (total.hours)
                                    : number (total.cost);

      status = worksheet_write_formula_num (ws, last + 1, c, formula,
                                            c == T_COST ? total_money : total_text, value);
    }
  return status;
}

/**
 * outlay_xlsx_add_time_sheets:
 * @workbook: the workbook being written
 * @doc: its budget
 * @entries: (element-type OutlayTimeEntry): the time logged on its tasks
 * @people: (element-type OutlayPerson) (nullable): everyone, for names
 *
 * Adds the two time sheets, after the others.
 *
 * Returns: the first libxlsxwriter error, or %LXW_NO_ERROR
 */
lxw_error
outlay_xlsx_add_time_sheets (lxw_workbook *workbook,
                             OutlayDocument *doc,
                             GPtrArray *entries,
                             GPtrArray *people,
                             lxw_format *header,
                             lxw_format *money,
                             lxw_format *total_text,
                             lxw_format *total_money)
{
  lxw_error status = write_sheet (workbook, doc, entries, people, TRUE, header, money, total_text,
                                  total_money);

  if (status != LXW_NO_ERROR)
    return status;
  return write_sheet (workbook, doc, entries, people, FALSE, header, money, total_text,
                      total_money);
}
