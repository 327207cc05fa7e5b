/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-report"

/* What a report says: the prepared rows of the summary (top sheet) and
 * the detail, and the helpers every kind builds its rows with. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "outlay-currency.h"
#include "outlay-report-private.h"
#include "outlay-topsheet.h"

/* ---- building rows ---- */

/**
 * outlay_report_add_table:
 * @self: a report
 * @zebra: whether to shade every other line
 * @...: for each column its title (const char *), its #ReportColumnFlags
 *   (int) and the most points it may take (int, 0 for no cap), then %NULL
 *
 * Returns: the table's index
 */
guint
outlay_report_add_table (OutlayReport *self, gboolean zebra, ...)
{
  ReportTable table = { .zebra = zebra };
  const char *title;
  va_list ap;

  va_start (ap, zebra);
  while ((title = va_arg (ap, const char *)) != NULL)
    {
      ReportColumn *c = &table.columns[table.n_columns++];

      g_assert (table.n_columns <= REPORT_MAX_COLUMNS);
      c->title = g_strdup (title);
      c->flags = va_arg (ap, int);
      c->max_width = va_arg (ap, int);
    }
  va_end (ap);
  g_array_append_val (self->tables, table);
  g_assert (self->tables->len <= G_MAXUINT8);
  return self->tables->len - 1;
}

/* The new row stays valid until the next one is added. */
ReportRow *
outlay_report_add_row (OutlayReport *self, ReportRowKind kind, guint table, guint n_cells)
{
  ReportRow row = { .kind = kind, .table = table, .n_cells = n_cells,
                    .heading = REPORT_NO_HEADING };

  if (kind == REPORT_ROW_LINE || kind == REPORT_ROW_SUBTOTAL)
    row.heading = self->heading;
  else if (kind != REPORT_ROW_HEADING)
    self->heading = REPORT_NO_HEADING;
  row.cells = g_new0 (char *, MAX (n_cells, 1));
  g_array_append_val (self->rows, row);
  return &g_array_index (self->rows, ReportRow, self->rows->len - 1);
}

void
outlay_report_add_columns (OutlayReport *self, guint table)
{
  ReportRow *row = outlay_report_add_row (self, REPORT_ROW_COLUMNS, table, 0);

  /* a table's titles never end a page */
  row->keep = 1;
}

void
outlay_report_add_caption (OutlayReport *self, const char *caption)
{
  ReportRow *row = outlay_report_add_row (self, REPORT_ROW_CAPTION, 0, 1);

  row->cells[0] = g_strdup (caption);
  row->keep = 2;
}

/* A section heading, kept on a page with the first two of its @n_lines
 * lines, or with all of them and the subtotal when it has fewer. */
guint
outlay_report_add_heading (OutlayReport *self, guint table, const char *code, const char *name,
                           guint n_lines)
{
  ReportRow *row = outlay_report_add_row (self, REPORT_ROW_HEADING, table, 2);

  row->cells[0] = g_strdup (code);
  row->cells[1] = g_strdup (name);
  row->keep = n_lines >= 2 ? 2 : n_lines + 1;
  self->heading = self->rows->len - 1;
  return self->heading;
}

void
outlay_report_add_note (OutlayReport *self, const char *label, const char *text)
{
  ReportRow *row = outlay_report_add_row (self, REPORT_ROW_NOTE, 0, 2);

  row->cells[0] = g_strdup (label);
  row->cells[1] = g_strdup (text);
}

/* Adds @label and @value to @fields (of strings) when @value is set. */
void
outlay_report_field (GPtrArray *fields, const char *label, const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_ptr_array_add (fields, g_strdup (label));
  g_ptr_array_add (fields, g_strdup (value));
}

void
outlay_report_add_fields (OutlayReport *self, GPtrArray *fields)
{
  ReportRow *row;

  if (fields->len == 0)
    return;
  row = outlay_report_add_row (self, REPORT_ROW_FIELDS, 0, fields->len);
  for (guint i = 0; i < fields->len; i++)
    row->cells[i] = g_strdup (g_ptr_array_index (fields, i));
}

void
outlay_report_add_title (OutlayReport *self, const char *subtitle)
{
  ReportRow *row = outlay_report_add_row (self, REPORT_ROW_TITLE, 0, 2);

  row->cells[0] = g_strdup (self->title);
  row->cells[1] = g_strdup (subtitle);
  row->keep = 1;
}

/* The row before the last one added stays with it (a subtotal is never
 * alone at the top of a page). */
static void
keep_with_last (OutlayReport *self, guint back)
{
  if (self->rows->len > back)
    g_array_index (self->rows, ReportRow, self->rows->len - 1 - back).keep = 1;
}

/* ---- numbers ---- */

static char *
format_decimal (OutlayDecimal value, guint places)
{
  const struct lconv *lc = localeconv ();
  gboolean comma = lc->decimal_point != NULL && strcmp (lc->decimal_point, ",") == 0;

  if (lc->thousands_sep != NULL && *lc->thousands_sep != '\0')
    return outlay_decimal_format_locale (value, places);
  /* grouped even in the C locale, like amounts (outlay_currency_format) */
  return outlay_decimal_format (value, places, comma ? "," : ".", comma ? "." : ",");
}

/* The places @value needs, at least @min: 1.5 needs one. */
static guint
places_needed (OutlayDecimal value, guint min)
{
  guint places = OUTLAY_DECIMAL_PLACES;

  while (places > min && outlay_decimal_round (value, places - 1) == value)
    places--;
  return places;
}

/**
 * outlay_report_money:
 * @self: a report
 * @value: an amount
 *
 * Returns: (transfer full): @value in the report's currency with the
 *   user's separators, negative amounts in parentheses: "(1,234.50)"
 */
char *
outlay_report_money (OutlayReport *self, OutlayDecimal value)
{
  g_autofree char *text = outlay_currency_format_amount (value < 0 ? -value : value,
                                                         self->currency);

  return value < 0 ? g_strdup_printf ("(%s)", text) : g_steal_pointer (&text);
}

/* A rate: the currency's places, more when it has them. */
static char *
report_rate (OutlayReport *self, OutlayDecimal value)
{
  guint places = places_needed (value, outlay_currency_minor_units (self->currency));

  return format_decimal (value, places);
}

/* @value with @places places, grouped. */
char *
outlay_report_number_places (OutlayDecimal value, guint places)
{
  return format_decimal (value, places);
}

/* A quantity: "2", "1.5". */
char *
outlay_report_number (OutlayDecimal value)
{
  return format_decimal (value, places_needed (value, 0));
}

/* A percentage as typed (12.5 for 12.5 %): "12.5%". */
char *
outlay_report_percent (OutlayDecimal percent)
{
  g_autofree char *number = format_decimal (percent, places_needed (percent, 0));

  /* TRANSLATORS: a percentage, "12.5%" */
  return g_strdup_printf (_("%s%%"), number);
}

/* ---- the header block ---- */

static const char *
status_title (OutlayBudgetStatus status)
{
  static const char *const titles[] = { N_("Draft"), N_("Submitted"), N_("Approved"),
                                        N_("Locked") };

  return status < G_N_ELEMENTS (titles) ? _(titles[status]) : "";
}

/* The budget's header fields: all of them for a top sheet (@full), else
 * who it is for and its number. */
void
outlay_report_budget_fields (OutlayReport *self, OutlayDocument *doc, GPtrArray *fields,
                             gboolean full)
{
  OutlayBudget *b = outlay_document_get_budget (doc);

  if (full)
    outlay_report_field (fields, _("Production company"),
                         outlay_budget_get_production_company (b));
  outlay_report_field (fields, _("Client"), outlay_budget_get_client (b));
  outlay_report_field (fields, _("Agency"), outlay_budget_get_agency (b));
  if (full)
    outlay_report_field (fields, _("Job name"), outlay_budget_get_name (b));
  outlay_report_field (fields, _("Job number"), outlay_budget_get_job_number (b));
  if (full)
    {
      outlay_report_field (fields, _("Bid date"), outlay_budget_get_bid_date (b));
      outlay_report_field (fields, _("Shoot dates"), outlay_budget_get_shoot_dates (b));
      outlay_report_field (fields, _("Director"), outlay_budget_get_director (b));
      outlay_report_field (fields, _("Producer"), outlay_budget_get_producer (b));
    }
  outlay_report_field (fields, _("Version"), outlay_document_get_frozen_name (doc));
  outlay_report_field (fields, _("Status"), status_title (outlay_budget_get_status (b)));
  outlay_report_field (fields, _("Currency"), self->currency);
}

static void
add_title_block (OutlayReport *self, OutlayDocument *doc, gboolean full)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);

  outlay_report_add_title (self, self->budget_name);
  outlay_report_budget_fields (self, doc, fields, full);
  outlay_report_add_fields (self, fields);
}

/* ---- summary ---- */

static const char *
topsheet_status_title (OutlayTopSheetStatus status)
{
  switch (status)
    {
    case OUTLAY_TOPSHEET_STATUS_OK:
      return _("OK");
    case OUTLAY_TOPSHEET_STATUS_WARNING:
      return _("Warning");
    case OUTLAY_TOPSHEET_STATUS_CRITICAL:
      return _("Over");
    case OUTLAY_TOPSHEET_STATUS_NONE:
    default:
      return "";
    }
}

static ReportRowKind
summary_row_kind (const OutlayTopSheetRow *r)
{
  if (r->kind == OUTLAY_TOPSHEET_ROW_SUBTOTAL)
    return REPORT_ROW_SUBTOTAL;
  if (r->kind == OUTLAY_TOPSHEET_ROW_TOTAL)
    return REPORT_ROW_TOTAL;
  return REPORT_ROW_LINE;
}

static char *
summary_label (const OutlayTopSheetRow *r)
{
  if (r->kind == OUTLAY_TOPSHEET_ROW_PERCENT)
    {
      g_autofree char *percent = outlay_report_percent (r->percent);

      /* TRANSLATORS: a top sheet row with its rate, "Insurance (3%)" */
      return g_strdup_printf (_("%s (%s)"), r->label, percent);
    }
  return g_strdup (r->label);
}

static void
add_summary_row (OutlayReport *self, guint table, const OutlayTopSheetRow *r)
{
  ReportRow *row = outlay_report_add_row (self, summary_row_kind (r), table, 5);
  gboolean percent_used = r->kind == OUTLAY_TOPSHEET_ROW_PERCENT_USED;

  row->cells[0] = g_strdup (r->code);
  row->cells[1] = summary_label (r);
  row->cells[2] = percent_used ? outlay_report_percent (outlay_decimal_round (r->estimate, 1))
                               : outlay_report_money (self, r->estimate);
  row->cells[3] = percent_used ? outlay_report_percent (outlay_decimal_round (r->actual, 1))
                               : outlay_report_money (self, r->actual);
  if (r->kind <= OUTLAY_TOPSHEET_ROW_TOTAL)
    row->cells[4] = outlay_report_money (self, r->variance);
  if (r->kind == OUTLAY_TOPSHEET_ROW_SUBTOTAL)
    row->flags |= REPORT_ROW_STRONG;
}

static void
add_summary_rows (OutlayReport *self, OutlayTopSheet *sheet, guint table)
{
  gboolean no_cap = FALSE;

  for (guint i = 0; i < outlay_topsheet_get_n_rows (sheet); i++)
    {
      const OutlayTopSheetRow *r = outlay_topsheet_get_row (sheet, i);

      /* the handling fee is optional on the AICP form */
      if (g_str_equal (r->id, "handling-fee") && r->percent == 0)
        continue;
      if (r->kind == OUTLAY_TOPSHEET_ROW_ALLOCATED)
        outlay_report_add_caption (self, _("Allocation"));
      /* without a cap there is nothing to remain: say so, as the window
       * does, rather than print the total as a negative remainder */
      if (r->kind == OUTLAY_TOPSHEET_ROW_ALLOCATED && r->estimate == 0)
        {
          ReportRow *row = outlay_report_add_row (self, REPORT_ROW_LINE, table, 5);

          row->cells[1] = g_strdup (_("No allocation set"));
          row->flags |= REPORT_ROW_MUTED;
          no_cap = TRUE;
          continue;
        }
      if (r->kind == OUTLAY_TOPSHEET_ROW_REMAINING && no_cap)
        continue;
      if (r->kind == OUTLAY_TOPSHEET_ROW_TOTAL)
        keep_with_last (self, 0);
      add_summary_row (self, table, r);
    }
}

static void
add_summary_status (OutlayReport *self, OutlayTopSheet *sheet, guint table)
{
  OutlayTopSheetStatus status = outlay_topsheet_get_status (sheet);
  ReportRow *row;

  if (status == OUTLAY_TOPSHEET_STATUS_NONE)
    return;
  row = outlay_report_add_row (self, REPORT_ROW_LINE, table, 5);
  row->cells[1] = g_strdup (_("Status"));
  row->cells[4] = g_strdup (topsheet_status_title (status));
  if (status == OUTLAY_TOPSHEET_STATUS_CRITICAL)
    row->flags |= REPORT_ROW_OVER;
}

void
outlay_report_build_summary (OutlayReport *self, OutlayDocument *doc)
{
  g_autoptr(OutlayTopSheet) sheet = outlay_topsheet_new (doc);
  const char *comments = outlay_budget_get_comments (outlay_document_get_budget (doc));
  guint table;

  if (!outlay_topsheet_is_aicp (sheet))
    {
      g_free (self->title);
      self->title = g_strdup (_("Budget summary"));
    }
  add_title_block (self, doc, TRUE);
  table = outlay_report_add_table (self, FALSE,
                                   "", REPORT_COLUMN_TEXT, 40,
                                   _("Description"), REPORT_COLUMN_FILL, 0,
                                   _("Estimate"), REPORT_COLUMN_NUMERIC, 0,
                                   _("Actual"), REPORT_COLUMN_NUMERIC, 0,
                                   _("Variance"), REPORT_COLUMN_NUMERIC | REPORT_COLUMN_ALERT, 0,
                                   NULL);
  outlay_report_add_columns (self, table);
  add_summary_rows (self, sheet, table);
  add_summary_status (self, sheet, table);
  if (comments != NULL && *comments != '\0')
    outlay_report_add_note (self, _("Comments"), comments);
  if (outlay_topsheet_get_error (sheet) != NULL)
    outlay_report_add_note (self, _("Warning"), outlay_topsheet_get_error (sheet)->message);
}

/* ---- detail ---- */

static void
add_detail_line (OutlayReport *self, guint table, OutlayLine *line, gboolean shaded)
{
  ReportRow *row = outlay_report_add_row (self, REPORT_ROW_LINE, table, 8);
  OutlayDecimal qty = outlay_line_get_quantity (line);
  OutlayDecimal rate = outlay_line_get_rate (line);

  row->cells[0] = g_strdup (outlay_line_get_code (line));
  row->cells[1] = g_strdup (outlay_line_get_description (line));
  /* a typed amount has no quantity and rate to show */
  if (qty != 0 || rate != 0)
    {
      row->cells[2] = outlay_report_number (qty);
      row->cells[4] = outlay_report_number (outlay_line_get_multiplier (line));
      row->cells[5] = report_rate (self, rate);
    }
  row->cells[3] = g_strdup (outlay_line_get_unit (line));
  row->cells[6] = outlay_report_money (self, outlay_line_get_estimate (line));
  row->cells[7] = outlay_report_money (self, outlay_line_get_actual (line));
  if (shaded)
    row->flags |= REPORT_ROW_SHADED;
}

/* What to call a section in a total: its code, or its name without one. */
const char *
outlay_report_section_ref (OutlaySection *section)
{
  const char *code = outlay_section_get_code (section);

  return code != NULL && *code != '\0' ? code : outlay_section_get_name (section);
}

/* The fringe row and the subtotal that end a section. */
static void
add_detail_section_end (OutlayReport *self, guint table, OutlaySection *section)
{
  const OutlayTotals *t = outlay_section_get_totals (section);
  ReportRow *row;

  if (outlay_section_get_fringe (section) != 0)
    {
      g_autofree char *percent = outlay_report_percent (outlay_section_get_fringe (section));

      keep_with_last (self, 0);
      row = outlay_report_add_row (self, REPORT_ROW_LINE, table, 8);
      /* TRANSLATORS: payroll taxes and benefits on a section's labour */
      row->cells[1] = g_strdup_printf (_("Fringes (P&W) at %s"), percent);
      row->cells[6] = outlay_report_money (self, t->fringe);
      row->flags |= REPORT_ROW_MUTED;
    }
  keep_with_last (self, 0);
  row = outlay_report_add_row (self, REPORT_ROW_SUBTOTAL, table, 8);
  /* TRANSLATORS: a section's total, "Total A" */
  row->cells[1] = g_strdup_printf (_("Total %s"), outlay_report_section_ref (section));
  row->cells[6] = outlay_report_money (self, t->estimate);
  row->cells[7] = outlay_report_money (self, t->actual);
}

void
outlay_report_build_detail (OutlayReport *self, OutlayDocument *doc)
{
  const OutlayTotals *t = outlay_document_get_totals (doc);
  ReportRow *row;
  guint table;

  add_title_block (self, doc, FALSE);
  table = outlay_report_add_table (self, TRUE,
                                   _("Code"), REPORT_COLUMN_TEXT, 64,
                                   _("Description"), REPORT_COLUMN_FILL, 0,
                                   _("Qty"), REPORT_COLUMN_NUMERIC, 0,
                                   _("Unit"), REPORT_COLUMN_TEXT, 56,
                                   /* TRANSLATORS: the multiplier column (days, hours) */
                                   _("×"), REPORT_COLUMN_NUMERIC, 0,
                                   _("Rate"), REPORT_COLUMN_NUMERIC, 0,
                                   _("Estimate"), REPORT_COLUMN_NUMERIC, 0,
                                   _("Actual"), REPORT_COLUMN_NUMERIC, 0,
                                   NULL);
  outlay_report_add_columns (self, table);
  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);
      guint n = outlay_section_get_n_lines (section);

      outlay_report_add_heading (self, table, outlay_section_get_code (section),
                                 outlay_section_get_name (section), n);
      for (guint l = 0; l < n; l++)
        add_detail_line (self, table, outlay_section_get_line (section, l), l % 2 == 1);
      add_detail_section_end (self, table, section);
    }
  keep_with_last (self, 0);
  row = outlay_report_add_row (self, REPORT_ROW_TOTAL, table, 8);
  row->cells[1] = g_strdup (_("Grand total"));
  row->cells[6] = outlay_report_money (self, t->estimate);
  row->cells[7] = outlay_report_money (self, t->actual);
}
