/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-import-summary"

/* A bid's summary sheet, read next to the sheet of lines.  Its rows are
 * "label … [percent] … amount": "Production fee 12%" | 14,400.00, or
 * "Insurance" | 2% | 2,400.00, or "Grand total" | 152,000.00.  Percent
 * cells stored as numbers (0.12 shown as 12 %) are told from amounts by
 * being between 0 and 1 beside a larger amount. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-aicp.h"
#include "outlay-currency.h"
#include "outlay-import-summary.h"
#include "outlay-section-private.h"
#include "outlay-topsheet.h"

#define SUMMARY_ROWS 300

static const char *const percent_properties[OUTLAY_SUMMARY_N_PERCENTS] = {
  "markup-percent",
  "insurance-percent",
  "production-fee-percent",
  "handling-fee-percent",
};

static gboolean
is_summary_sheet (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);

  return strstr (lower, "summary") != NULL || strstr (lower, "top sheet") != NULL
         || strstr (lower, "topsheet") != NULL || strstr (lower, "recap") != NULL;
}

/* -1: not a percentage row */
static int
percent_kind (const char *label)
{
  if (strstr (label, "production fee") != NULL || strstr (label, "prod. fee") != NULL
      || strstr (label, "production company fee") != NULL)
    return OUTLAY_SUMMARY_PRODUCTION_FEE;
  if (strstr (label, "handling") != NULL)
    return OUTLAY_SUMMARY_HANDLING_FEE;
  if (strstr (label, "insurance") != NULL)
    return OUTLAY_SUMMARY_INSURANCE;
  if (strstr (label, "markup") != NULL || strstr (label, "mark-up") != NULL
      || strstr (label, "mark up") != NULL || strstr (label, "overhead") != NULL)
    return OUTLAY_SUMMARY_MARKUP;
  return -1;
}

static gboolean
is_total_label (const char *label)
{
  return strstr (label, "grand total") != NULL || strstr (label, "contracted total") != NULL
         || strstr (label, "total bid") != NULL || strstr (label, "bid total") != NULL
         || strstr (label, "total contract") != NULL;
}

/* "12%", "Production fee (12.5 %)": the number before the first '%' */
static gboolean
percent_in_text (const char *text, OutlayDecimal *out)
{
  const char *pct = strchr (text, '%');
  const char *start;
  g_autofree char *number = NULL;

  if (pct == NULL)
    return FALSE;
  start = pct;
  while (start > text && (start[-1] == ' '))
    start--;
  pct = start;
  while (start > text && (g_ascii_isdigit (start[-1]) || start[-1] == '.' || start[-1] == ','))
    start--;
  if (start == pct)
    return FALSE;
  number = g_strdelimit (g_strndup (start, pct - start), ",", '.');
  return outlay_decimal_parse_full (number, -1, OUTLAY_DECIMAL_STYLE_POINT, out, NULL, NULL);
}

static gboolean
cell_number (const OutlayCell *cell, OutlayDecimal *out)
{
  return cell->kind == OUTLAY_CELL_NUMBER
         && outlay_decimal_parse_full (cell->text, cell->length, OUTLAY_DECIMAL_STYLE_POINT, out,
                                       NULL, NULL);
}

static void
take_percent (OutlayImportSummary *s, int kind, const OutlayRow *row)
{
  OutlayDecimal v, amount = 0, fraction = -1;

  for (guint i = 0; i < row->n_cells; i++)
    {
      const OutlayCell *cell = &row->cells[i];

      if (cell->kind == OUTLAY_CELL_STRING && percent_in_text (cell->text, &v))
        {
          s->has_percent[kind] = TRUE;
          s->percent[kind] = v;
          return;
        }
      if (cell_number (cell, &v))
        {
          if (v > 0 && v < OUTLAY_DECIMAL_FROM_INT (1) && fraction < 0)
            fraction = v;
          else
            amount = MAX (amount, v);
        }
    }
  if (fraction > 0 && amount > fraction)
    {
      s->has_percent[kind] = TRUE;
      s->percent[kind] = fraction * 100;
    }
}

static gboolean
take_summary_row (const OutlayRow *row, gpointer data, GError **error)
{
  OutlayImportSummary *s = data;
  const OutlayCell *label = NULL;
  g_autofree char *lower = NULL;
  OutlayDecimal v;
  int kind;

  for (guint i = 0; i < row->n_cells && label == NULL; i++)
    if (row->cells[i].kind == OUTLAY_CELL_STRING)
      label = &row->cells[i];
  if (label == NULL)
    return TRUE;
  lower = g_utf8_strdown (label->text, -1);
  if ((kind = percent_kind (lower)) >= 0 && !s->has_percent[kind])
    take_percent (s, kind, row);
  else if (is_total_label (lower))
    /* the first amount: the estimate, before any actual or variance */
    for (guint i = 0; i < row->n_cells; i++)
      if (cell_number (&row->cells[i], &v))
        {
          s->has_total = TRUE;
          s->total = v;
          s->total_row = row->number;
          g_free (s->total_label);
          s->total_label = g_strstrip (g_strdup (label->text));
          break;
        }
  return TRUE;
}

/**
 * outlay_import_summary_read:
 *
 * Reads the first summary sheet of @workbook other than @data_sheet, if
 * there is one.  A summary that does not read is no summary.
 */
void
outlay_import_summary_read (OutlayImportSummary *summary,
                            OutlayWorkbook *workbook,
                            guint data_sheet,
                            GCancellable *cancellable)
{
  for (guint i = 0; i < outlay_workbook_get_n_sheets (workbook); i++)
    {
      const char *name = outlay_workbook_get_sheet_name (workbook, i);

      if (i == data_sheet || !is_summary_sheet (name))
        continue;
      summary->sheet = g_strdup (name);
      outlay_workbook_read_sheet (workbook, i, SUMMARY_ROWS, take_summary_row, summary, cancellable,
                                  NULL);
      return;
    }
}

/* The file's percentages on the new budget. */
void
outlay_import_summary_apply (const OutlayImportSummary *summary, OutlayBudget *budget)
{
  for (guint k = 0; k < OUTLAY_SUMMARY_N_PERCENTS; k++)
    if (summary->has_percent[k])
      g_object_set (budget, percent_properties[k], (gint64) summary->percent[k], NULL);
}

static char *
percent_text (OutlayDecimal value)
{
  g_autofree char *text = outlay_decimal_to_string (value, 4);
  char *end = text + strlen (text);

  while (end > text && end[-1] == '0')
    *--end = '\0';
  if (end > text && end[-1] == '.')
    *--end = '\0';
  return g_strdup_printf ("%s%%", text);
}

static void
note_percents (const OutlayImportSummary *s, GPtrArray *notes)
{
  static const char *const names[OUTLAY_SUMMARY_N_PERCENTS] = {
    N_("markup"), N_("insurance"), N_("production fee"), N_("handling fee"),
    };
  g_autoptr(GString) read = g_string_new (NULL);

  for (guint k = 0; k < OUTLAY_SUMMARY_N_PERCENTS; k++)
    if (s->has_percent[k])
      {
        g_autofree char *p = percent_text (s->percent[k]);

        g_string_append_printf (read, "%s%s %s", read->len > 0 ? ", " : "", _(names[k]), p);
      }
  if (read->len > 0)
    /* Translators: "Read from the sheet “Summary”: production fee 12%, insurance 2%" */
    g_ptr_array_add (notes,
                     g_strdup_printf (_("Read from the sheet “%s”: %s"), s->sheet, read->str));
}

/* Outlay's contracted total of the file's sections, with its percentages. */
static OutlayDecimal
contracted_total (const OutlayImportSummary *s, OutlayImportResult *r)
{
  g_autoptr(OutlayBudget) budget = outlay_budget_new ("");
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(OutlayTopSheet) sheet = NULL;

  outlay_import_summary_apply (s, budget);
  for (guint i = 0; i < r->sections->len; i++)
    {
      OutlayImportSection *is = g_ptr_array_index (r->sections, i);
      OutlaySection *section = outlay_section_new (is->code, is->name);
      OutlayTotals totals = { .estimate = is->estimate, .actual = is->actual };

      outlay_section_set_totals (section, &totals);
      g_ptr_array_add (sections, section);
    }
  sheet = outlay_topsheet_new_aicp (budget, sections);
  return outlay_topsheet_get_total (sheet)->estimate;
}

/**
 * outlay_import_summary_check:
 * @notes: where to say what a user should know
 *
 * For a bid: which of its sections the AICP top sheet places by name or
 * leaves off the lettered rows, what the summary's percentages are, and
 * whether the summary's grand total is Outlay's contracted total.
 */
void
outlay_import_summary_check (const OutlayImportSummary *summary,
                             OutlayImportResult *result,
                             GPtrArray *notes)
{
  guint n = result->sections->len;
  g_autofree const char **codes = g_new0 (const char *, n + 1);
  g_autofree const char **names = g_new0 (const char *, n + 1);
  g_autofree int *letters = g_new0 (int, n + 1);
  g_autofree OutlayAicpPlacement *how = g_new0 (OutlayAicpPlacement, n + 1);
  OutlayDecimal ours;

  for (guint i = 0; i < n; i++)
    {
      OutlayImportSection *s = g_ptr_array_index (result->sections, i);

      codes[i] = s->code;
      names[i] = s->name;
    }
  outlay_aicp_place_sections (codes, names, n, letters, how);
  for (guint i = 0; i < n; i++)
    {
      char *note = outlay_aicp_placement_note (codes[i], names[i], letters[i], how[i]);

      if (note != NULL)
        g_ptr_array_add (notes, note);
    }
  if (summary->sheet == NULL)
    return;
  note_percents (summary, notes);
  if (!summary->has_total)
    return;
  ours = contracted_total (summary, result);
  if (outlay_decimal_round (ours, 2) != outlay_decimal_round (summary->total, 2))
    {
      g_autofree char *theirs_text = outlay_currency_format (summary->total, result->currency);
      g_autofree char *ours_text = outlay_currency_format (ours, result->currency);

      g_ptr_array_add (notes, g_strdup_printf (_("The sheet “%s” gives a total of %s (“%s”, row "
                                                 "%u), but Outlay's contracted total for these "
                                                 "lines is %s"),
                                                  summary->sheet, theirs_text, summary->total_label,
                                                  summary->total_row, ours_text));
    }
}

void
outlay_import_summary_clear (OutlayImportSummary *summary)
{
  g_clear_pointer (&summary->sheet, g_free);
  g_clear_pointer (&summary->total_label, g_free);
}
