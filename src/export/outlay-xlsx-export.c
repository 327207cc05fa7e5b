/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-xlsx-export"

/* A budget as an Excel workbook that recalculates to Outlay's figures.
 *
 * Two sheets.  "Summary" is the top sheet; its amounts are formulas on
 * the section totals of "Detail", which lists every line under its
 * section with the estimate as a live formula, then the section's
 * subtotal, fringe and total, and a grand total of the section totals.
 *
 * The formulas do what Outlay does: an estimate is qty × days × rate,
 * each product rounded half away from zero to four places (written as
 * ROUND only where the rounding changes something), a typed estimate is
 * a number; a fringe, markup, insurance or fee is its percentage of its
 * base rounded once to four places.  Every formula also carries Outlay's
 * value, so a reader that does not recalculate shows the same figures.
 *
 * The workbook is written in libxlsxwriter's constant-memory mode, where
 * each sheet's rows must come in order: every row number is worked out
 * from the document first (layout()), so the summary, written first, can
 * point at detail rows not yet written.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#include "outlay-aicp.h"
#include "outlay-csv-export.h"
#include "outlay-currency.h"
#include "outlay-error.h"
#include "outlay-topsheet.h"
#include "outlay-xlsx-export.h"
#include "outlay-xlsx-time.h"

#define CHECK_EVERY      1000
#define MAX_CELL_CHARS   32767  /* Excel's limit for the text in a cell */
#define MAX_FORMULA_LEN  8000   /* Excel's limit is 8,192 characters */

/* Detail columns */
enum { COL_CODE, COL_DESCRIPTION, COL_QTY, COL_UNIT, COL_MULT, COL_RATE, COL_ESTIMATE,
       COL_ACTUAL, COL_VARIANCE, COL_COMMITTED, COL_NOTES, COL_RESERVED, COL_VENDOR,
       COL_ASSIGNEE, COL_DATE, COL_PERIOD, COL_MARK, N_DETAIL_COLS };
/* Summary columns */
enum { SUM_CODE, SUM_LABEL, SUM_PERCENT, SUM_ESTIMATE, SUM_ACTUAL, SUM_VARIANCE, N_SUM_COLS };

#define COL_LETTER(col) ((char) ('A' + (col)))

typedef struct
{
  lxw_format *header;
  lxw_format *header_num;
  lxw_format *section;
  lxw_format *qty_int;
  lxw_format *qty_frac;
  lxw_format *money;
  lxw_format *typed;
  lxw_format *percent;
  lxw_format *total_text;
  lxw_format *total_money;
  lxw_format *total_percent;
  lxw_format *grand_text;
  lxw_format *grand_money;
  lxw_format *title;
  lxw_format *label;
} Formats;

/* Where a section's rows are on the detail sheet (0-based). */
typedef struct
{
  lxw_row_t first_line;
  lxw_row_t subtotal;
  lxw_row_t fringe;   /* 0 when the section has no fringe */
  lxw_row_t total;    /* the subtotal's row when there is no fringe */
} SectionRows;

typedef struct
{
  OutlayDocument     *doc;
  OutlayBudget       *budget;
  const char         *path;           /* the file the user asked for */
  lxw_workbook       *workbook;
  Formats             f;
  SectionRows        *rows;
  guint               n_sections;
  GHashTable         *section_index;  /* OutlaySection → index + 1 */
  lxw_row_t           grand_total;
  gboolean            marked;         /* totals found through the hidden column */
  const char         *currency;
  gboolean            has_column[N_DETAIL_COLS]; /* an optional column some line fills */
  lxw_error           status;         /* the first libxlsxwriter error */
  OutlayProgressFunc  progress;
  gpointer            progress_data;
  GCancellable       *cancellable;
  guint64             done;
  guint64             total;
  GPtrArray *entries; /* time sheets, when given */
  GPtrArray *people;
} Export;

/* ---- cells ---- */

static double
number (OutlayDecimal value)
{
  return (double) value / (double) OUTLAY_DECIMAL_SCALE;
}

static void
check (Export *ex, lxw_error status)
{
  if (status != LXW_NO_ERROR && ex->status == LXW_NO_ERROR)
    ex->status = status;
}

/* Text a cell can hold: control characters (invalid in XML) become
 * spaces, and anything past Excel's 32,767 characters is cut off. */
static char *
cell_text (const char *text)
{
  char *copy = g_strdup (text);
  char *end;

  for (char *p = copy; *p != '\0'; p++)
    if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      *p = ' ';
  if (g_utf8_strlen (copy, -1) > MAX_CELL_CHARS)
    {
      end = g_utf8_offset_to_pointer (copy, MAX_CELL_CHARS);
      *end = '\0';
    }
  return copy;
}

static void
put_text (Export *ex, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text,
          lxw_format *format)
{
  const char *p;

  if (text == NULL || *text == '\0')
    {
      if (format != NULL)
        check (ex, worksheet_write_blank (ws, row, col, format));
      return;
    }
  for (p = text; *p != '\0' && ((guchar) *p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r'); p++)
    ;
  if (*p == '\0' && p - text <= MAX_CELL_CHARS)
    check (ex, worksheet_write_string (ws, row, col, text, format));
  else
    {
      g_autofree char *clean = cell_text (text);

      check (ex, worksheet_write_string (ws, row, col, clean, format));
    }
}

static void
put_number (Export *ex, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, OutlayDecimal value,
            lxw_format *format)
{
  check (ex, worksheet_write_number (ws, row, col, number (value), format));
}

static void
put_formula (Export *ex, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *formula,
             double value, lxw_format *format)
{
  check (ex, worksheet_write_formula_num (ws, row, col, formula, format, value));
}

/* ---- formats ---- */

/* Currencies written after the amount, "1,234.50 €". */
static gboolean
symbol_after (const char *currency)
{
  static const char *const after[] = {
    "CZK", "DKK", "EUR", "HUF", "ISK", "NOK", "PLN", "RON", "SEK", "UAH", "VND",
  };

  for (guint i = 0; i < G_N_ELEMENTS (after); i++)
    if (g_ascii_strcasecmp (currency, after[i]) == 0)
      return TRUE;
  return FALSE;
}

/* '"$"#,##0.00;[Red]-"$"#,##0.00', '#,##0 "¥"'-like, with the
 * currency's minor units. */
static char *
money_format (const char *currency)
{
  guint places = outlay_currency_minor_units (currency);
  const char *symbol = outlay_currency_symbol (currency);
  g_autofree char *num = places > 0 ? g_strdup_printf ("#,##0.%.*s", (int) places, "0000")
                                    : g_strdup ("#,##0");
  gboolean word = g_ascii_isalpha (symbol[strlen (symbol) - 1]);

  if (symbol_after (currency))
    return g_strdup_printf ("%s \"%s\";[Red]-%s \"%s\"", num, symbol, num, symbol);
  return g_strdup_printf ("\"%s%s\"%s;[Red]-\"%s%s\"%s", symbol, word ? " " : "", num, symbol,
                          word ? " " : "", num);
}

static lxw_format *
new_format (Export *ex, const char *num_format, gboolean bold, int top, int bottom)
{
  lxw_format *format = workbook_add_format (ex->workbook);

  if (num_format != NULL)
    format_set_num_format (format, num_format);
  if (bold)
    format_set_bold (format);
  if (top != LXW_BORDER_NONE)
    format_set_top (format, top);
  if (bottom != LXW_BORDER_NONE)
    format_set_bottom (format, bottom);
  return format;
}

static void
make_formats (Export *ex)
{
  g_autofree char *money = money_format (outlay_budget_get_currency (ex->budget));
  Formats *f = &ex->f;

  f->header = new_format (ex, NULL, TRUE, LXW_BORDER_NONE, LXW_BORDER_THIN);
  f->header_num = new_format (ex, NULL, TRUE, LXW_BORDER_NONE, LXW_BORDER_THIN);
  format_set_align (f->header_num, LXW_ALIGN_RIGHT);
  f->section = new_format (ex, NULL, TRUE, LXW_BORDER_NONE, LXW_BORDER_NONE);
  f->qty_int = new_format (ex, "#,##0", FALSE, LXW_BORDER_NONE, LXW_BORDER_NONE);
  f->qty_frac = new_format (ex, "#,##0.0###", FALSE, LXW_BORDER_NONE, LXW_BORDER_NONE);
  f->money = new_format (ex, money, FALSE, LXW_BORDER_NONE, LXW_BORDER_NONE);
  /* an estimate typed by hand rather than computed, as the sheet shows it */
  f->typed = new_format (ex, money, FALSE, LXW_BORDER_NONE, LXW_BORDER_NONE);
  format_set_italic (f->typed);
  f->percent = new_format (ex, "0.00%", FALSE, LXW_BORDER_NONE, LXW_BORDER_NONE);
  f->total_text = new_format (ex, NULL, TRUE, LXW_BORDER_THIN, LXW_BORDER_NONE);
  f->total_money = new_format (ex, money, TRUE, LXW_BORDER_THIN, LXW_BORDER_NONE);
  f->total_percent = new_format (ex, "0.00%", TRUE, LXW_BORDER_THIN, LXW_BORDER_NONE);
  f->grand_text = new_format (ex, NULL, TRUE, LXW_BORDER_THIN, LXW_BORDER_DOUBLE);
  f->grand_money = new_format (ex, money, TRUE, LXW_BORDER_THIN, LXW_BORDER_DOUBLE);
  f->title = new_format (ex, NULL, TRUE, LXW_BORDER_NONE, LXW_BORDER_NONE);
  format_set_font_size (f->title, 14);
  f->label = new_format (ex, NULL, TRUE, LXW_BORDER_NONE, LXW_BORDER_NONE);
}

/* ---- layout ---- */

static guint
digits (guint64 n)
{
  guint d = 1;

  while (n >= 10)
    {
      n /= 10;
      d++;
    }
  return d;
}

static void
note_optional_columns (Export *ex, OutlaySection *section)
{
  static const struct { lxw_col_t col; OutlayLineField field; } optional[] = {
    { COL_VENDOR, OUTLAY_LINE_VENDOR }, { COL_ASSIGNEE, OUTLAY_LINE_ASSIGNEE },
    { COL_DATE, OUTLAY_LINE_DATE }, { COL_PERIOD, OUTLAY_LINE_PERIOD },
  };

  for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
    {
      OutlayLine *line = outlay_section_get_line (section, l);

      ex->has_column[COL_RESERVED] |= outlay_line_get_reserved (line) != 0;
      for (guint i = 0; i < G_N_ELEMENTS (optional); i++)
        ex->has_column[optional[i].col] |= *outlay_line_get_text (line, optional[i].field) != '\0';
    }
}

/* Works out every detail row before anything is written. */
static gboolean
layout (Export *ex, GError **error)
{
  guint64 row = 1; /* below the header */
  guint64 formula_len = 1;

  ex->n_sections = outlay_document_get_n_sections (ex->doc);
  ex->rows = g_new0 (SectionRows, ex->n_sections);
  ex->section_index = g_hash_table_new (NULL, NULL);
  for (guint s = 0; s < ex->n_sections && row < LXW_ROW_MAX; s++)
    {
      OutlaySection *section = outlay_document_get_section (ex->doc, s);
      SectionRows *r = &ex->rows[s];

      g_hash_table_insert (ex->section_index, section, GUINT_TO_POINTER (s + 1));
      r->first_line = (lxw_row_t) ++row; /* after the section's title row */
      row += outlay_section_get_n_lines (section);
      note_optional_columns (ex, section);
      r->subtotal = r->total = (lxw_row_t) row;
      if (outlay_section_get_fringe (section) != 0)
        {
          r->fringe = (lxw_row_t) ++row;
          r->total = (lxw_row_t) ++row;
        }
      formula_len += 2 + digits (r->total + 1);
      row += 2; /* a blank row between sections */
    }
  if (row >= LXW_ROW_MAX)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_TOO_LARGE,
                   _("The budget has too many lines for one Excel sheet (%u rows at most)"),
                   (guint) LXW_ROW_MAX);
      return FALSE;
    }
  ex->grand_total = (lxw_row_t) row;
  ex->marked = formula_len > MAX_FORMULA_LEN;
  ex->total = outlay_document_get_n_lines (ex->doc);
  return TRUE;
}

/* ---- progress ---- */

/* Sets @error from the first libxlsxwriter error, if there was one. */
static gboolean
failed (Export *ex, GError **error)
{
  g_autofree char *display = NULL;

  if (ex->status == LXW_NO_ERROR)
    return FALSE;
  display = g_filename_display_name (ex->path);
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_FAILED, _("Could not write “%s”: %s"), display,
               lxw_strerror (ex->status));
  return TRUE;
}

/* After each line: progress, cancellation and write errors. */
static gboolean
step (Export *ex, GError **error)
{
  ex->done++;
  if (ex->done % CHECK_EVERY != 0)
    return TRUE;
  if (ex->progress != NULL)
    ex->progress (ex->done, ex->total, ex->progress_data);
  return !g_cancellable_set_error_if_cancelled (ex->cancellable, error) && !failed (ex, error);
}

/* ---- detail sheet ---- */

static void
detail_header (Export *ex, lxw_worksheet *ws)
{
  const char *titles[N_DETAIL_COLS - 1] = {
    outlay_line_field_title (OUTLAY_LINE_CODE),
    outlay_line_field_title (OUTLAY_LINE_DESCRIPTION),
    outlay_line_field_title (OUTLAY_LINE_QUANTITY),
    outlay_line_field_title (OUTLAY_LINE_UNIT),
    outlay_line_field_title (OUTLAY_LINE_MULTIPLIER),
    outlay_line_field_title (OUTLAY_LINE_RATE),
    outlay_line_field_title (OUTLAY_LINE_ESTIMATE),
    outlay_line_field_title (OUTLAY_LINE_ACTUAL),
    _("Variance"),
    outlay_line_field_title (OUTLAY_LINE_COMMITTED),
    outlay_line_field_title (OUTLAY_LINE_NOTES),
    outlay_line_field_title (OUTLAY_LINE_RESERVED),
    outlay_line_field_title (OUTLAY_LINE_VENDOR),
    outlay_line_field_title (OUTLAY_LINE_ASSIGNEE),
    outlay_line_field_title (OUTLAY_LINE_DATE),
    outlay_line_field_title (OUTLAY_LINE_PERIOD),
  };
  static const double widths[N_DETAIL_COLS] = { 11, 45, 8, 8, 8, 14, 14, 14, 14, 14, 40,
                                                14, 20, 20, 12, 12, 8 };
  g_autofree char *rate = g_strdup_printf ("%s (%s)", titles[COL_RATE], ex->currency);
  g_autofree char *estimate = g_strdup_printf ("%s (%s)", titles[COL_ESTIMATE], ex->currency);
  g_autofree char *actual = g_strdup_printf ("%s (%s)", titles[COL_ACTUAL], ex->currency);

  /* the currency in the money headers: a reader of the file (and Outlay
   * importing it back) knows what the amounts are in */
  titles[COL_RATE] = rate;
  titles[COL_ESTIMATE] = estimate;
  titles[COL_ACTUAL] = actual;
  for (lxw_col_t c = 0; c < N_DETAIL_COLS; c++)
    {
      /* the optional fields only when some line has them */
      gboolean hidden = c == COL_MARK || (c > COL_NOTES && !ex->has_column[c]);

      check (ex, worksheet_set_column_opt (ws, c, c, widths[c], NULL,
                                           &(lxw_row_col_options) { .hidden = hidden }));
    }
  for (lxw_col_t c = 0; c < G_N_ELEMENTS (titles); c++)
    put_text (ex, ws, 0, c, titles[c],
              c == COL_CODE || c == COL_DESCRIPTION || c == COL_UNIT || c >= COL_NOTES
                ? ex->f.header : ex->f.header_num);
  worksheet_freeze_panes (ws, 1, 0);
  /* before any row: in constant-memory mode a range must not end above
   * the last row written; the grand total stays visible whatever the filter */
  check (ex, worksheet_autofilter (ws, 0, 0, ex->grand_total - 1, COL_PERIOD));
  worksheet_set_landscape (ws);
  worksheet_fit_to_pages (ws, 1, 0);
  check (ex, worksheet_repeat_rows (ws, 0, 0));
}

/* Whether a × b, both with four places, needs rounding to four places. */
static gboolean
product_rounds (OutlayDecimal a, OutlayDecimal b)
{
  return ((a % OUTLAY_DECIMAL_SCALE) * (b % OUTLAY_DECIMAL_SCALE)) % OUTLAY_DECIMAL_SCALE != 0;
}

/* qty × days × rate as Outlay computes it: each product rounded half
 * away from zero to four places, which only matters with more than four
 * places in all.  ROUND(ROUND(x,10),4) rounds the exact product (ten
 * places at most) and not its binary approximation: 299.97 × 0.125 is
 * 37.49625 but 37.496249999999996 in a double. */
static void
estimate_formula (OutlayLine *line, lxw_row_t row, char *buf, gsize size)
{
  OutlayDecimal qty = outlay_line_get_quantity (line);
  OutlayDecimal mult = outlay_line_get_multiplier (line);
  OutlayDecimal qm = 0;
  guint r = row + 1;

  if (!outlay_decimal_mul (qty, mult, &qm) || product_rounds (qty, mult))
    g_snprintf (buf, size, "=ROUND(ROUND(ROUND(ROUND(C%u*E%u,10),4)*F%u,10),4)", r, r, r);
  else if (product_rounds (qm, outlay_line_get_rate (line)))
    g_snprintf (buf, size, "=ROUND(ROUND(C%u*E%u*F%u,10),4)", r, r, r);
  else
    g_snprintf (buf, size, "=C%u*E%u*F%u", r, r, r);
}

static void
put_quantity (Export *ex, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, OutlayDecimal value)
{
  put_number (ex, ws, row, col, value,
              value % OUTLAY_DECIMAL_SCALE == 0 ? ex->f.qty_int : ex->f.qty_frac);
}

static void
detail_line (Export *ex, lxw_worksheet *ws, lxw_row_t row, OutlayLine *line)
{
  char formula[128];

  put_text (ex, ws, row, COL_CODE, outlay_line_get_code (line), NULL);
  put_text (ex, ws, row, COL_DESCRIPTION, outlay_line_get_description (line), NULL);
  put_quantity (ex, ws, row, COL_QTY, outlay_line_get_quantity (line));
  put_text (ex, ws, row, COL_UNIT, outlay_line_get_unit (line), NULL);
  put_quantity (ex, ws, row, COL_MULT, outlay_line_get_multiplier (line));
  put_number (ex, ws, row, COL_RATE, outlay_line_get_rate (line), ex->f.money);
  if (outlay_line_get_estimate_overridden (line))
    put_number (ex, ws, row, COL_ESTIMATE, outlay_line_get_estimate (line), ex->f.typed);
  else
    {
      estimate_formula (line, row, formula, sizeof formula);
      put_formula (ex, ws, row, COL_ESTIMATE, formula, number (outlay_line_get_estimate (line)),
                   ex->f.money);
    }
  put_number (ex, ws, row, COL_ACTUAL, outlay_line_get_actual (line), ex->f.money);
  g_snprintf (formula, sizeof formula, "=G%u-H%u", row + 1, row + 1);
  put_formula (ex, ws, row, COL_VARIANCE, formula, number (outlay_line_get_variance (line)),
               ex->f.money);
  put_number (ex, ws, row, COL_COMMITTED, outlay_line_get_committed (line), ex->f.money);
  put_text (ex, ws, row, COL_NOTES, outlay_line_get_notes (line), NULL);
  if (outlay_line_get_reserved (line) != 0)
    put_number (ex, ws, row, COL_RESERVED, outlay_line_get_reserved (line), ex->f.money);
  put_text (ex, ws, row, COL_VENDOR, outlay_line_get_text (line, OUTLAY_LINE_VENDOR), NULL);
  put_text (ex, ws, row, COL_ASSIGNEE, outlay_line_get_text (line, OUTLAY_LINE_ASSIGNEE), NULL);
  put_text (ex, ws, row, COL_DATE, outlay_line_get_text (line, OUTLAY_LINE_DATE), NULL);
  put_text (ex, ws, row, COL_PERIOD, outlay_line_get_text (line, OUTLAY_LINE_PERIOD), NULL);
}

/* A totals row: @label over a rule across the sheet, and estimate,
 * actual, variance and committed as @formulas (cached @values), or as
 * plain @values where a formula is NULL. */
static void
totals_row (Export *ex, lxw_worksheet *ws, lxw_row_t row, const char *label,
            const char *const *formulas, const OutlayDecimal *values, lxw_format *text,
            lxw_format *money)
{
  static const lxw_col_t money_cols[] = { COL_ESTIMATE, COL_ACTUAL, COL_VARIANCE, COL_COMMITTED };

  for (lxw_col_t c = 0; c < COL_MARK; c++)
    if (c != COL_ESTIMATE && c != COL_ACTUAL && c != COL_VARIANCE && c != COL_COMMITTED)
      put_text (ex, ws, row, c, c == COL_DESCRIPTION ? label : NULL, text);
  for (guint i = 0; i < G_N_ELEMENTS (money_cols); i++)
    if (formulas[i] != NULL)
      put_formula (ex, ws, row, money_cols[i], formulas[i], number (values[i]), money);
    else
      put_number (ex, ws, row, money_cols[i], values[i], money);
}

/* "Total Crew", or "Subtotal Crew" above a fringe. */
static char *
section_label (OutlaySection *section, gboolean subtotal)
{
  const char *name = outlay_section_get_name (section);

  if (name == NULL || *name == '\0')
    name = outlay_section_get_code (section);
  if (subtotal)
    return g_strdup_printf (_("Subtotal %s"), name);
  return g_strdup_printf (_("Total %s"), name);
}

/* The sums of the section's lines; the section's total when it has no fringe. */
static void
detail_subtotal (Export *ex, lxw_worksheet *ws, OutlaySection *section, const SectionRows *r)
{
  const OutlayTotals *t = outlay_section_get_totals (section);
  OutlayDecimal lines_estimate = outlay_section_get_lines_estimate (section);
  OutlayDecimal values[4] = { lines_estimate, t->actual, lines_estimate - t->actual, t->committed };
  g_autofree char *label = section_label (section, r->fringe != 0);
  char sums[4][64];
  const char *formulas[4] = { NULL };
  const char letters[4] = { 'G', 'H', 'I', 'J' };

  for (guint i = 0; i < 4 && r->subtotal > r->first_line; i++)
    {
      g_snprintf (sums[i], sizeof sums[i], "=SUM(%c%u:%c%u)", letters[i], r->first_line + 1,
                  letters[i], r->subtotal);
      formulas[i] = sums[i];
    }
  totals_row (ex, ws, r->subtotal, label, formulas, values, ex->f.total_text, ex->f.total_money);
  if (r->fringe == 0 && ex->marked)
    put_text (ex, ws, r->subtotal, COL_MARK, "total", NULL);
}

static void
detail_fringe (Export *ex, lxw_worksheet *ws, OutlaySection *section, const SectionRows *r)
{
  const OutlayTotals *t = outlay_section_get_totals (section);
  g_autofree char *label = section_label (section, FALSE);
  char formula[64];
  char est[32], act[32], var[32], com[32];
  const char *formulas[4] = { est, act, var, com };
  OutlayDecimal values[4] = {
    t->estimate, t->actual, outlay_totals_get_variance (t), t->committed
  };

  put_text (ex, ws, r->fringe, COL_DESCRIPTION, _("Fringe"), NULL);
  check (ex, worksheet_write_number (ws, r->fringe, COL_RATE,
                                     number (outlay_section_get_fringe (section)) / 100,
                                     ex->f.percent));
  /* rounded once to four places, as a fringe is (see estimate_formula()) */
  g_snprintf (formula, sizeof formula, "=ROUND(ROUND(G%u*F%u,10),4)", r->subtotal + 1,
              r->fringe + 1);
  put_formula (ex, ws, r->fringe, COL_ESTIMATE, formula, number (t->fringe), ex->f.money);

  g_snprintf (est, sizeof est, "=G%u+G%u", r->subtotal + 1, r->fringe + 1);
  g_snprintf (act, sizeof act, "=H%u", r->subtotal + 1);
  g_snprintf (var, sizeof var, "=G%u-H%u", r->total + 1, r->total + 1);
  g_snprintf (com, sizeof com, "=J%u", r->subtotal + 1);
  totals_row (ex, ws, r->total, label, formulas, values, ex->f.total_text, ex->f.total_money);
  if (ex->marked)
    put_text (ex, ws, r->total, COL_MARK, "total", NULL);
}

static gboolean
detail_section (Export *ex, lxw_worksheet *ws, guint s, GError **error)
{
  OutlaySection *section = outlay_document_get_section (ex->doc, s);
  const SectionRows *r = &ex->rows[s];
  guint n = outlay_section_get_n_lines (section);

  put_text (ex, ws, r->first_line - 1, COL_CODE, outlay_section_get_code (section), ex->f.section);
  put_text (ex, ws, r->first_line - 1, COL_DESCRIPTION, outlay_section_get_name (section),
            ex->f.section);
  for (guint l = 0; l < n; l++)
    {
      detail_line (ex, ws, r->first_line + l, outlay_section_get_line (section, l));
      if (!step (ex, error))
        return FALSE;
    }
  detail_subtotal (ex, ws, section, r);
  if (r->fringe != 0)
    detail_fringe (ex, ws, section, r);
  return !failed (ex, error);
}

/* "=G28+G60+…", or a SUMIF on the hidden column when that is too long. */
static char *
grand_formula (Export *ex, char column)
{
  GString *s = g_string_new ("=");

  if (ex->marked)
    {
      g_string_append_printf (s, "SUMIF($%c$2:$%c$%u,\"total\",%c$2:%c$%u)",
                              'A' + COL_MARK, 'A' + COL_MARK, ex->grand_total,
                              column, column, ex->grand_total);
      return g_string_free (s, FALSE);
    }
  for (guint i = 0; i < ex->n_sections; i++)
    g_string_append_printf (s, "%s%c%u", i > 0 ? "+" : "", column, ex->rows[i].total + 1);
  if (ex->n_sections == 0)
    g_string_append_c (s, '0');
  return g_string_free (s, FALSE);
}

static void
detail_grand_total (Export *ex, lxw_worksheet *ws)
{
  const OutlayTotals *t = outlay_document_get_totals (ex->doc);
  OutlayDecimal values[4] = {
    t->estimate, t->actual, outlay_totals_get_variance (t), t->committed
  };
  g_autofree char *est = grand_formula (ex, 'G');
  g_autofree char *act = grand_formula (ex, 'H');
  g_autofree char *var = grand_formula (ex, 'I');
  g_autofree char *com = grand_formula (ex, 'J');
  const char *formulas[4] = { est, act, var, com };

  totals_row (ex, ws, ex->grand_total, _("Grand total"), formulas, values, ex->f.grand_text,
              ex->f.grand_money);
}

static gboolean
write_detail (Export *ex, lxw_worksheet *ws, GError **error)
{
  detail_header (ex, ws);
  for (guint s = 0; s < ex->n_sections; s++)
    if (!detail_section (ex, ws, s, error))
      return FALSE;
  detail_grand_total (ex, ws);
  if (ex->progress != NULL)
    ex->progress (ex->done, ex->total, ex->progress_data);
  return !failed (ex, error);
}

/* ---- summary sheet ---- */

typedef struct
{
  Export            *ex;
  lxw_worksheet     *ws;
  OutlayTopSheet    *topsheet;
  lxw_row_t          first;  /* the row of the top sheet's first row */
  int *letters;              /* each section's row on the AICP form, as the top sheet places it */
} Summary;

/* The summary row (1-based, as in formulas) of the top sheet row of
 * @kind and @id; by kind too, since a section may be coded "total". */
static guint
summary_row (Summary *s, OutlayTopSheetRowKind kind, const char *id)
{
  GPtrArray *rows = outlay_topsheet_get_rows (s->topsheet);

  for (guint i = 0; i < rows->len; i++)
    {
      const OutlayTopSheetRow *row = g_ptr_array_index (rows, i);

      if (row->kind == kind && g_strcmp0 (row->id, id) == 0)
        return s->first + i + 1;
    }
  g_return_val_if_reached (0);
}

#define SUBTOTAL_ROW(s)  summary_row ((s), OUTLAY_TOPSHEET_ROW_SUBTOTAL, "a-to-k")
#define LETTER_ROW(s, l) summary_row ((s), OUTLAY_TOPSHEET_ROW_SECTION, (l))
#define TOTAL_ROW(s)     summary_row ((s), OUTLAY_TOPSHEET_ROW_TOTAL, "total")
#define ALLOCATED_ROW(s) summary_row ((s), OUTLAY_TOPSHEET_ROW_ALLOCATED, "allocated")

/* 0 … 15 for a code "A" … "P" (any case, spaces around), or -1: the top
 * sheet's rule for which sections make a letter's row. */
static int
aicp_letter (const char *code)
{
  g_autofree char *c = g_strstrip (g_strdup (code != NULL ? code : ""));
  char up = g_ascii_toupper (c[0]);

  if (c[0] == '\0' || c[1] != '\0' || up < 'A' || up > 'P')
    return -1;
  return up - 'A';
}

/* Where the top sheet puts each section: a bid lettered its own way is
 * placed by its sections' names, and the formulas must add up the same. */
static int *
place_sections (Export *ex)
{
  g_autoptr(GPtrArray) sections = g_ptr_array_sized_new (ex->n_sections);

  for (guint i = 0; i < ex->n_sections; i++)
    g_ptr_array_add (sections, outlay_document_get_section (ex->doc, i));
  return outlay_aicp_place_section_list (sections);
}

static void
add_detail_ref (GString *s, Export *ex, guint index, char column)
{
  g_string_append_printf (s, "%s" OUTLAY_XLSX_DETAIL_SHEET "!%c%u", s->len > 1 ? "+" : "", column,
                          ex->rows[index].total + 1);
}

/* "=Detail!G28+Detail!G60": the detail totals of the sections a top
 * sheet row adds up, or NULL when there are none or too many. */
static char *
section_formula (Summary *s, const OutlayTopSheetRow *row, char column)
{
  Export *ex = s->ex;
  GString *f = g_string_new ("=");
  int letter = s->letters != NULL ? aicp_letter (row->code) : -1;

  if (letter >= 0)
    {
      for (guint i = 0; i < ex->n_sections; i++)
        if (s->letters[i] == letter)
          add_detail_ref (f, ex, i, column);
    }
  else if (row->section != NULL)
    {
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (ex->section_index, row->section));

      if (index > 0)
        add_detail_ref (f, ex, index - 1, column);
    }
  if (f->len <= 1 || f->len > MAX_FORMULA_LEN)
    {
      g_string_free (f, TRUE);
      return NULL;
    }
  return g_string_free (f, FALSE);
}

/* What a percentage row is a percentage of, as a formula term. */
static char *
percent_base (Summary *s, const char *id, char col)
{
  if (g_str_equal (id, "markup") || g_str_equal (id, "insurance"))
    return g_strdup_printf ("%c%u", col, SUBTOTAL_ROW (s));
  if (g_str_equal (id, "production-fee"))
    return g_strdup_printf ("(%c%u+%c%u)", col, SUBTOTAL_ROW (s), col,
                            summary_row (s, OUTLAY_TOPSHEET_ROW_PERCENT, "insurance"));
  if (g_str_equal (id, "handling-fee"))
    return g_strdup_printf ("(%c%u+%c%u+%c%u+%c%u)", col, LETTER_ROW (s, "M"), col,
                            LETTER_ROW (s, "N"), col, LETTER_ROW (s, "O"), col,
                            LETTER_ROW (s, "P"));
  return NULL;
}

/* The estimate or actual formula of top sheet row @i, NULL for a number. */
static char *
summary_formula (Summary *s, guint i, const OutlayTopSheetRow *row, char col)
{
  guint r = s->first + i + 1;
  g_autofree char *base = NULL;

  switch (row->kind)
    {
    case OUTLAY_TOPSHEET_ROW_SECTION:
      return section_formula (s, row, col == 'D' ? 'G' : 'H');
    case OUTLAY_TOPSHEET_ROW_SUBTOTAL:
      return g_strdup_printf ("=SUM(%c%u:%c%u)", col, LETTER_ROW (s, "A"), col, r - 1);
    case OUTLAY_TOPSHEET_ROW_PERCENT:
      base = percent_base (s, row->id, col);
      return base != NULL ? g_strdup_printf ("=ROUND(ROUND(%s*C%u,10),4)", base, r) : NULL;
    case OUTLAY_TOPSHEET_ROW_TOTAL:
      if (outlay_topsheet_is_aicp (s->topsheet))
        return g_strdup_printf ("=%c%u+SUM(%c%u:%c%u)", col, SUBTOTAL_ROW (s), col,
                                SUBTOTAL_ROW (s) + 1, col, r - 1);
      return i > 0 ? g_strdup_printf ("=SUM(%c%u:%c%u)", col, s->first + 1, col, r - 1) : NULL;
    case OUTLAY_TOPSHEET_ROW_REMAINING:
      return g_strdup_printf ("=%c%u-%c%u", col, ALLOCATED_ROW (s), col, TOTAL_ROW (s));
    case OUTLAY_TOPSHEET_ROW_PERCENT_USED:
      return g_strdup_printf ("=%c%u/%c%u", col, TOTAL_ROW (s), col, ALLOCATED_ROW (s));
    case OUTLAY_TOPSHEET_ROW_AMOUNT:
    case OUTLAY_TOPSHEET_ROW_ALLOCATED:
    default:
      return NULL;
    }
}

static void
summary_amount (Summary *s, guint i, const OutlayTopSheetRow *row, lxw_col_t col,
                OutlayDecimal value, lxw_format *format)
{
  g_autofree char *formula = summary_formula (s, i, row, COL_LETTER (col));
  lxw_row_t r = s->first + i;
  /* percentages used are kept as 57.5 for 57.5 %; a cell holds 0.575 */
  double v = row->kind == OUTLAY_TOPSHEET_ROW_PERCENT_USED ? number (value) / 100 : number (value);

  if (formula != NULL)
    put_formula (s->ex, s->ws, r, col, formula, v, format);
  else
    check (s->ex, worksheet_write_number (s->ws, r, col, v, format));
}

static void
summary_row_write (Summary *s, guint i, const OutlayTopSheetRow *row)
{
  Export *ex = s->ex;
  lxw_row_t r = s->first + i;
  gboolean total = row->kind == OUTLAY_TOPSHEET_ROW_SUBTOTAL
                   || row->kind == OUTLAY_TOPSHEET_ROW_TOTAL;
  lxw_format *text = total ? ex->f.total_text : NULL;
  lxw_format *money = total ? ex->f.total_money : ex->f.money;
  char formula[64];

  if (row->kind == OUTLAY_TOPSHEET_ROW_PERCENT_USED)
    money = ex->f.percent;
  put_text (ex, s->ws, r, SUM_CODE, row->code, text);
  put_text (ex, s->ws, r, SUM_LABEL, row->label, text);
  if (row->kind == OUTLAY_TOPSHEET_ROW_PERCENT)
    check (ex, worksheet_write_number (s->ws, r, SUM_PERCENT,
                                       (double) row->percent / (100.0 * OUTLAY_DECIMAL_SCALE),
                                       ex->f.percent));
  else
    put_text (ex, s->ws, r, SUM_PERCENT, NULL, text);
  summary_amount (s, i, row, SUM_ESTIMATE, row->estimate, money);
  summary_amount (s, i, row, SUM_ACTUAL, row->actual, money);
  if (row->kind == OUTLAY_TOPSHEET_ROW_ALLOCATED || row->kind == OUTLAY_TOPSHEET_ROW_REMAINING
      || row->kind == OUTLAY_TOPSHEET_ROW_PERCENT_USED)
    return;
  g_snprintf (formula, sizeof formula, "=D%u-E%u", r + 1, r + 1);
  put_formula (ex, s->ws, r, SUM_VARIANCE, formula, number (row->variance), money);
}

/* The bid's header block; returns the next free row. */
static lxw_row_t
summary_header (Summary *s)
{
  Export *ex = s->ex;
  OutlayBudget *b = ex->budget;
  const char *version = outlay_document_get_frozen_name (ex->doc);
  const struct { const char *label, *value; gboolean always; } fields[] = {
    { _("Client"), outlay_budget_get_client (b), TRUE },
    { _("Agency"), outlay_budget_get_agency (b), FALSE },
    { _("Production company"), outlay_budget_get_production_company (b), TRUE },
    { _("Job number"), outlay_budget_get_job_number (b), TRUE },
    { _("Bid date"), outlay_budget_get_bid_date (b), TRUE },
    { _("Shoot dates"), outlay_budget_get_shoot_dates (b), FALSE },
    { _("Director"), outlay_budget_get_director (b), FALSE },
    { _("Producer"), outlay_budget_get_producer (b), FALSE },
    { _("Version"), version, FALSE },
    { _("Currency"), outlay_budget_get_currency (b), TRUE },
  };
  lxw_row_t row = 0;

  put_text (ex, s->ws, row++, 0, outlay_budget_get_name (b), ex->f.title);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (!fields[i].always && (fields[i].value == NULL || *fields[i].value == '\0'))
        continue;
      put_text (ex, s->ws, row, SUM_CODE, fields[i].label, ex->f.label);
      put_text (ex, s->ws, row++, SUM_LABEL, fields[i].value, NULL);
    }
  return row + 1;
}

static void
summary_table_header (Summary *s, lxw_row_t row)
{
  const char *titles[N_SUM_COLS] = {
    outlay_line_field_title (OUTLAY_LINE_CODE), _("Item"), "%",
    outlay_line_field_title (OUTLAY_LINE_ESTIMATE), outlay_line_field_title (OUTLAY_LINE_ACTUAL),
    _("Variance"),
  };

  for (lxw_col_t c = 0; c < N_SUM_COLS; c++)
    put_text (s->ex, s->ws, row, c, titles[c],
              c <= SUM_LABEL ? s->ex->f.header : s->ex->f.header_num);
}

static gboolean
write_summary (Export *ex, lxw_worksheet *ws, GError **error)
{
  static const double widths[N_SUM_COLS] = { 20, 40, 10, 16, 16, 16 };
  g_autoptr(OutlayTopSheet) topsheet = outlay_topsheet_new (ex->doc);
  g_autofree int *letters = outlay_topsheet_is_aicp (topsheet) ? place_sections (ex) : NULL;
  Summary s = { ex, ws, topsheet, 0, letters };
  GPtrArray *rows = outlay_topsheet_get_rows (topsheet);
  const char *comments = outlay_budget_get_comments (ex->budget);
  lxw_row_t row;

  for (lxw_col_t c = 0; c < N_SUM_COLS; c++)
    check (ex, worksheet_set_column (ws, c, c, widths[c], NULL));
  worksheet_fit_to_pages (ws, 1, 1);
  row = summary_header (&s);
  summary_table_header (&s, row);
  s.first = row + 1;
  for (guint i = 0; i < rows->len; i++)
    summary_row_write (&s, i, g_ptr_array_index (rows, i));
  if (comments != NULL && *comments != '\0')
    {
      row = s.first + rows->len + 1;
      put_text (ex, ws, row, SUM_CODE, _("Comments"), ex->f.label);
      put_text (ex, ws, row + 1, SUM_CODE, comments, NULL);
    }
  return !failed (ex, error);
}

/* ---- workbook ---- */

static void
set_properties (Export *ex)
{
  const char *company = outlay_budget_get_production_company (ex->budget);
  gboolean has_company = company != NULL && *company != '\0';
  lxw_doc_properties props = {
    .title = (char *) outlay_budget_get_name (ex->budget),
    .subject = (char *) _("Budget"),
    .author = has_company ? (char *) company : NULL,
    .company = has_company ? (char *) company : NULL,
    .comments = (char *) _("Exported from Outlay"),
    .created = time (NULL),
  };

  check (ex, workbook_set_properties (ex->workbook, &props));
}

static gboolean
write_workbook (Export *ex, const char *tmp_path, GError **error)
{
  lxw_workbook_options options = {
    .constant_memory = LXW_TRUE,
    .tmpdir = (char *) g_get_tmp_dir (),
  };
  lxw_worksheet *summary, *detail;

  ex->workbook = workbook_new_opt (tmp_path, &options);
  if (ex->workbook == NULL)
    {
      check (ex, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return !failed (ex, error);
    }
  set_properties (ex);
  make_formats (ex);
  summary = workbook_add_worksheet (ex->workbook, OUTLAY_XLSX_SUMMARY_SHEET);
  detail = workbook_add_worksheet (ex->workbook, OUTLAY_XLSX_DETAIL_SHEET);
  if (summary == NULL || detail == NULL)
    check (ex, LXW_ERROR_MEMORY_MALLOC_FAILED);
  if (failed (ex, error) || !write_summary (ex, summary, error)
      || !write_detail (ex, detail, error))
    {
      lxw_workbook_free (ex->workbook);
      return FALSE;
    }
  if (ex->entries != NULL)
    check (ex, outlay_xlsx_add_time_sheets (ex->workbook, ex->doc, ex->entries, ex->people,
                                            ex->f.header, ex->f.money, ex->f.total_text,
                                            ex->f.total_money));
  if (failed (ex, error))
    {
      lxw_workbook_free (ex->workbook);
      return FALSE;
    }
  check (ex, workbook_close (ex->workbook)); /* frees it */
  return !failed (ex, error);
}

/**
 * outlay_xlsx_export:
 * @doc: a document
 * @path: the .xlsx file to write, replaced when the export succeeds
 * @progress: (nullable): called every thousand lines with lines written
 *   and lines in all
 * @user_data: for @progress
 * @cancellable: (nullable): checked every thousand lines
 * @error: why it failed, naming @path
 *
 * Writes @doc as an Excel workbook: a "Summary" sheet (the top sheet) and
 * a "Detail" sheet (every line), with formulas that recalculate to
 * Outlay's figures in Excel or LibreOffice.  The file is written under a
 * temporary name beside @path and renamed once complete: a failure or a
 * cancel leaves @path as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_xlsx_export (OutlayDocument     *doc,
                    const char         *path,
                    OutlayProgressFunc  progress,
                    gpointer            user_data,
                    GCancellable       *cancellable,
                    GError            **error)
{
  return outlay_xlsx_export_with_time (doc, NULL, NULL, path, progress, user_data, cancellable,
                                       error);
}

/**
 * outlay_xlsx_export_with_time:
 * @doc: a document
 * @entries: (element-type OutlayTimeEntry) (nullable): the time logged on
 *   its tasks (outlay_store_list_time()), for "Time by Person" and "Time by
 *   Task" sheets after the others
 * @people: (element-type OutlayPerson) (nullable): everyone, for names
 * @path: as outlay_xlsx_export()
 * @progress: (nullable): as outlay_xlsx_export()
 * @user_data: for @progress
 * @cancellable: (nullable): as outlay_xlsx_export()
 * @error: as outlay_xlsx_export()
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_xlsx_export_with_time (OutlayDocument *doc,
                              GPtrArray *entries,
                              GPtrArray *people,
                              const char *path,
                              OutlayProgressFunc progress,
                              gpointer user_data,
                              GCancellable *cancellable,
                              GError **error)
{
  Export ex = { .entries = entries, .people = people };
  g_autofree char *tmp_path = NULL;
  gboolean ok;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ex.doc = doc;
  ex.path = path;
  ex.budget = outlay_document_get_budget (doc);
  ex.currency = outlay_budget_get_currency (ex.budget);
  ex.progress = progress;
  ex.progress_data = user_data;
  ex.cancellable = cancellable;
  ok = layout (&ex, error)
       && outlay_export_create_temp (path, &tmp_path, error)
       && write_workbook (&ex, tmp_path, error);
  g_clear_pointer (&ex.section_index, g_hash_table_unref);
  g_free (ex.rows);
  if (tmp_path != NULL)
    ok = outlay_export_finish (tmp_path, path, ok, error);
  return ok;
}
