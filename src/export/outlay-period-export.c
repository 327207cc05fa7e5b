/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-period-export"

/* A budget by period, to files: the phasing and actuals in either shape
 * a department budget comes in (a row per line and period, or months
 * across), as CSV or xlsx, so it imports back as the same phased lines;
 * and the variance-by-period workbook, the xlsx twin of the PDF report. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "outlay-csv-export.h"
#include "outlay-error.h"
#include "outlay-period-export.h"
#include "outlay-rolling-forecast.h"

static const char *const month_abbr[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* A table of text cells, written as CSV or one xlsx sheet; amounts are
 * kept as decimals so xlsx gets numbers. */
typedef struct
{
  GPtrArray *cells; /* char*, row-major */
  GArray *amounts;  /* OutlayDecimal, parallel; G_MININT64 for text */
  guint n_columns;
} Table;

static void
table_add (Table *t, const char *text)
{
  OutlayDecimal none = G_MININT64;

  g_ptr_array_add (t->cells, g_strdup (text != NULL ? text : ""));
  g_array_append_val (t->amounts, none);
}

static void
table_add_amount (Table *t, OutlayDecimal v)
{
  g_ptr_array_add (t->cells, outlay_decimal_to_string (v, 2));
  g_array_append_val (t->amounts, v);
}

static char *
section_label (OutlaySection *section)
{
  const char *code = outlay_section_get_code (section);
  const char *name = outlay_section_get_name (section);

  if (code == NULL || *code == '\0')
    return g_strdup (name != NULL ? name : "");
  return g_strdup_printf ("%s %s", code, name != NULL ? name : "");
}

/* "Jan 2025" for a month, the period's own name for a quarter */
static char *
period_label (const OutlayPeriods *periods, guint p)
{
  int first = periods->start_month - 1 + (int) (p * periods->months);

  if (periods->kind == OUTLAY_PERIOD_KIND_QUARTER)
    return g_strdup (periods->names[p]);
  return g_strdup_printf ("%s %04d", month_abbr[first % 12], periods->start_year + first / 12);
}

static void
fill_rows (Table *t, OutlayDocument *doc, const OutlayPhasingGrid *g)
{
  static const char *const titles[] = { "Section", "Code",   "Description",
                                        "Period",  "Budget", "Actual" };

  t->n_columns = G_N_ELEMENTS (titles);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    table_add (t, titles[i]);
  for (guint r = 0; r < g->n_rows; r++)
    {
      g_autofree char *section = section_label (
          outlay_document_get_section (doc, g->row_section[r]));

      for (guint p = 0; p < g->periods->n; p++)
        {
          g_autofree char *label = g_strdup (g->periods->names[p]);

          table_add (t, section);
          table_add (t, outlay_line_get_code (g->lines[r]));
          table_add (t, outlay_line_get_description (g->lines[r]));
          table_add (t, label);
          table_add_amount (t, OUTLAY_GRID_AT (g, planned, r, p));
          table_add_amount (t, OUTLAY_GRID_AT (g, actual, r, p));
        }
    }
}

static void
fill_columns (Table *t, OutlayDocument *doc, const OutlayPhasingGrid *g)
{
  guint n = g->periods->n;

  t->n_columns = 5 + 2 * n;
  table_add (t, "Section");
  table_add (t, "Code");
  table_add (t, "Description");
  table_add (t, "Budget");
  table_add (t, "Actual");
  for (guint p = 0; p < n; p++)
    {
      g_autofree char *label = period_label (g->periods, p);
      g_autofree char *budget = g_strdup_printf ("%s Budget", label);
      g_autofree char *actual = g_strdup_printf ("%s Actual", label);

      table_add (t, budget);
      table_add (t, actual);
    }
  for (guint r = 0; r < g->n_rows; r++)
    {
      g_autofree char *section = section_label (
          outlay_document_get_section (doc, g->row_section[r]));

      table_add (t, section);
      table_add (t, outlay_line_get_code (g->lines[r]));
      table_add (t, outlay_line_get_description (g->lines[r]));
      table_add_amount (t, outlay_line_get_estimate (g->lines[r]));
      table_add_amount (t, outlay_line_get_total_actual (g->lines[r]));
      for (guint p = 0; p < n; p++)
        {
          table_add_amount (t, OUTLAY_GRID_AT (g, planned, r, p));
          table_add_amount (t, OUTLAY_GRID_AT (g, actual, r, p));
        }
    }
}

static void
csv_cell (GString *out, const char *text)
{
  if (strpbrk (text, ",\"\n\r") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, '"');
}

static gboolean
write_csv (const Table *t, const char *tmp, GError **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < t->cells->len; i++)
    {
      csv_cell (out, g_ptr_array_index (t->cells, i));
      g_string_append_c (out, (i + 1) % t->n_columns == 0 ? '\n' : ',');
    }
  return g_file_set_contents (tmp, out->str, (gssize) out->len, error);
}

static gboolean
lxw_failed (lxw_error status, const char *path, GError **error)
{
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_FAILED,
               _("Could not write “%s”: %s"), path, lxw_strerror (status));
  return FALSE;
}

static gboolean
write_xlsx (const Table *t, const char *sheet, const char *tmp, const char *path, GError **error)
{
  lxw_workbook *wb = workbook_new (tmp);
  lxw_worksheet *ws;
  lxw_format *bold, *money;
  lxw_error status = LXW_NO_ERROR;

  if (wb == NULL)
    return lxw_failed (LXW_ERROR_CREATING_XLSX_FILE, path, error);
  ws = workbook_add_worksheet (wb, sheet);
  bold = workbook_add_format (wb);
  format_set_bold (bold);
  money = workbook_add_format (wb);
  format_set_num_format (money, "#,##0.00");
  for (guint i = 0; i < t->cells->len && status == LXW_NO_ERROR; i++)
    {
      lxw_row_t row = i / t->n_columns;
      lxw_col_t col = i % t->n_columns;
      OutlayDecimal v = g_array_index (t->amounts, OutlayDecimal, i);

      if (v != G_MININT64)
        status = worksheet_write_number (ws, row, col, (double) v / OUTLAY_DECIMAL_SCALE, money);
      else
        status = worksheet_write_string (ws, row, col, g_ptr_array_index (t->cells, i),
                                         row == 0 ? bold : NULL);
    }
  if (status != LXW_NO_ERROR)
    {
      workbook_close (wb);
      return lxw_failed (status, path, error);
    }
  status = workbook_close (wb);
  return status == LXW_NO_ERROR || lxw_failed (status, path, error);
}

/**
 * outlay_period_export:
 * @doc: a budget with a fiscal year
 * @layout: rows per period or months across
 * @path: a .csv or .xlsx file
 * @error: why not: no fiscal year, another kind of file, a failed write
 *
 * Writes the budget's phasing and its actuals by period.  The file is
 * written under a temporary name and renamed over @path once complete.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_period_export (OutlayDocument *doc,
                      OutlayPeriodLayout layout,
                      const char *path,
                      GError **error)
{
  g_autoptr(OutlayPhasingGrid) g = outlay_phasing_grid_new (doc, error);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) amounts = g_array_new (FALSE, FALSE, sizeof (OutlayDecimal));
  Table t = { cells, amounts, 0 };
  g_autofree char *tmp = NULL;
  gboolean xlsx = g_str_has_suffix (path, ".xlsx");
  gboolean ok;

  if (g == NULL)
    return FALSE;
  if (!xlsx && !g_str_has_suffix (path, ".csv"))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("“%s”: write the periods to a .csv or an .xlsx file"), path);
      return FALSE;
    }
  if (layout == OUTLAY_PERIOD_LAYOUT_ROWS)
    fill_rows (&t, doc, g);
  else
    fill_columns (&t, doc, g);
  if (!outlay_export_create_temp (path, &tmp, error))
    return FALSE;
  ok = xlsx ? write_xlsx (&t, "Periods", tmp, path, error) : write_csv (&t, tmp, error);
  return outlay_export_finish (tmp, path, ok, ok ? error : NULL) && ok;
}

/* ---- variance by period ---- */

static lxw_error
variance_cells (lxw_worksheet *ws,
                lxw_row_t row,
                lxw_col_t col,
                OutlayDecimal planned,
                OutlayDecimal spent,
                OutlayDecimal amount,
                OutlayDecimal percent,
                lxw_format *money,
                lxw_format *flag,
                gboolean *flagged)
{
  OutlayPeriodVariance v;
  lxw_error status;

  outlay_period_variance (planned, spent, amount, percent, &v);
  *flagged = v.flagged;
  status = worksheet_write_number (ws, row, col, (double) planned / OUTLAY_DECIMAL_SCALE, money);
  if (status == LXW_NO_ERROR)
    status = worksheet_write_number (ws, row, col + 1, (double) spent / OUTLAY_DECIMAL_SCALE,
                                     money);
  if (status == LXW_NO_ERROR)
    status = worksheet_write_number (ws, row, col + 2, (double) v.variance / OUTLAY_DECIMAL_SCALE,
                                     v.flagged ? flag : money);
  return status;
}

/**
 * outlay_period_variance_xlsx:
 * @doc: a budget with a fiscal year
 * @flag_amount: flag a variance over this amount (0: none)
 * @flag_percent: or over this percentage of the period's budget (0:
 *   none), whichever is lower
 * @path: an .xlsx file
 * @error: why not
 *
 * One row per section and the budget, three columns per period (budget,
 * actual or forecast, variance); flagged variances bold on red, and a
 * Flagged column naming their periods in words.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_period_variance_xlsx (OutlayDocument *doc,
                             OutlayDecimal flag_amount,
                             OutlayDecimal flag_percent,
                             const char *path,
                             GError **error)
{
  g_autoptr(OutlayPhasingGrid) g = outlay_phasing_grid_new (doc, error);
  g_autofree char *tmp = NULL;
  lxw_workbook *wb;
  lxw_worksheet *ws;
  lxw_format *bold, *money, *flag;
  lxw_error status = LXW_NO_ERROR;
  guint n;
  lxw_col_t flags_col;

  if (g == NULL
      || !outlay_rolling_forecast_compute (g, doc, outlay_document_get_closed_periods (doc), error)
      || !outlay_export_create_temp (path, &tmp, error))
    return FALSE;
  n = g->periods->n;
  flags_col = 2 + 3 * n;
  wb = workbook_new (tmp);
  if (wb == NULL)
    {
      outlay_export_finish (tmp, path, FALSE, NULL);
      return lxw_failed (LXW_ERROR_CREATING_XLSX_FILE, path, error);
    }
  ws = workbook_add_worksheet (wb, "Variance by period");
  bold = workbook_add_format (wb);
  format_set_bold (bold);
  money = workbook_add_format (wb);
  format_set_num_format (money, "#,##0.00");
  flag = workbook_add_format (wb);
  format_set_num_format (flag, "#,##0.00");
  format_set_bold (flag);
  format_set_font_color (flag, LXW_COLOR_RED);
  format_set_bg_color (flag, 0xFDE7E9);
  worksheet_write_string (ws, 0, 0, "Code", bold);
  worksheet_write_string (ws, 0, 1, "Section", bold);
  for (guint p = 0; p < n && status == LXW_NO_ERROR; p++)
    {
      const char *what = p < g->closed ? "Actual" : "Forecast";
      g_autofree char *b = g_strdup_printf ("%s Budget", g->periods->names[p]);
      g_autofree char *a = g_strdup_printf ("%s %s", g->periods->names[p], what);
      g_autofree char *v = g_strdup_printf ("%s Variance", g->periods->names[p]);

      worksheet_write_string (ws, 0, 2 + 3 * p, b, bold);
      worksheet_write_string (ws, 0, 3 + 3 * p, a, bold);
      status = worksheet_write_string (ws, 0, 4 + 3 * p, v, bold);
    }
  worksheet_write_string (ws, 0, flags_col, "Flagged", bold);
  for (guint s = 0; s <= g->n_sections && status == LXW_NO_ERROR; s++)
    {
      gboolean total = s == g->n_sections;
      OutlaySection *section = total ? NULL : outlay_document_get_section (doc, s);
      g_autoptr(GString) flagged = g_string_new (NULL);

      worksheet_write_string (ws, s + 1, 0, total ? "" : outlay_section_get_code (section), NULL);
      worksheet_write_string (ws, s + 1, 1, total ? "Total" : outlay_section_get_name (section),
                              total ? bold : NULL);
      for (guint p = 0; p < n && status == LXW_NO_ERROR; p++)
        {
          gboolean is_flagged;
          OutlayDecimal planned = total ? g->total_planned[p]
                                        : g->section_planned[(gsize) s * n + p];
          OutlayDecimal spent = total ? g->total_forecast[p]
                                      : g->section_forecast[(gsize) s * n + p];

          status = variance_cells (ws, s + 1, 2 + 3 * p, planned, spent, flag_amount, flag_percent,
                                   money, flag, &is_flagged);
          if (is_flagged)
            g_string_append_printf (flagged, "%s%s", flagged->len > 0 ? ", " : "",
                                    g->periods->names[p]);
        }
      if (status == LXW_NO_ERROR && flagged->len > 0)
        status = worksheet_write_string (ws, s + 1, flags_col, flagged->str, bold);
    }
  worksheet_freeze_panes (ws, 1, 2);
  if (status != LXW_NO_ERROR)
    {
      workbook_close (wb);
      outlay_export_finish (tmp, path, FALSE, NULL);
      return lxw_failed (status, path, error);
    }
  status = workbook_close (wb);
  if (status != LXW_NO_ERROR)
    {
      outlay_export_finish (tmp, path, FALSE, NULL);
      return lxw_failed (status, path, error);
    }
  return outlay_export_finish (tmp, path, TRUE, error);
}
