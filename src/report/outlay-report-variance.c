/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-report"

/* The variance report: estimate against actual per line and per section.
 *
 * In section order the lines are grouped under their sections with the
 * sections' totals.  Sorted by overrun (amount or percentage) the lines
 * form one ranked list with a section column, followed by the sections
 * ranked the same way.  Over-budget rows are bold and say "▲ Over" in
 * words, so they read without colour. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-report-private.h"

typedef struct
{
  OutlayLine    *line;     /* or NULL for a section */
  OutlaySection *section;
  OutlayDecimal  estimate;
  OutlayDecimal  actual;
  OutlayDecimal  variance; /* estimate − actual: negative when over */
  OutlayDecimal  overrun;  /* actual − estimate, as a percentage of the estimate */
  gboolean       unbounded; /* spent with no estimate: an endless overrun */
  guint          index;
} Item;

static void
item_init (Item *item, OutlayDecimal estimate, OutlayDecimal actual, guint index)
{
  item->estimate = estimate;
  item->actual = actual;
  item->index = index;
  if (!outlay_decimal_sub (estimate, actual, &item->variance))
    item->variance = estimate > actual ? OUTLAY_DECIMAL_MAX : OUTLAY_DECIMAL_MIN;
  item->overrun = 0;
  item->unbounded = FALSE;
  if (!outlay_decimal_as_percent (-item->variance, estimate, &item->overrun))
    {
      item->unbounded = estimate == 0 && actual > 0;
      item->overrun = item->unbounded ? OUTLAY_DECIMAL_MAX : 0;
    }
}

static gboolean
item_is_over (const Item *item)
{
  return item->variance < 0;
}

static int
compare_amount (gconstpointer a, gconstpointer b)
{
  const Item *x = a, *y = b;

  if (x->variance != y->variance)
    return x->variance < y->variance ? -1 : 1;
  return x->index < y->index ? -1 : 1;
}

static int
compare_percent (gconstpointer a, gconstpointer b)
{
  const Item *x = a, *y = b;

  if (x->overrun != y->overrun)
    return x->overrun > y->overrun ? -1 : 1;
  return compare_amount (a, b);
}

static void
sort_items (OutlayReport *self, GArray *items)
{
  if (self->options.sort == OUTLAY_REPORT_SORT_AMOUNT)
    g_array_sort (items, compare_amount);
  else if (self->options.sort == OUTLAY_REPORT_SORT_PERCENT)
    g_array_sort (items, compare_percent);
}

/* "(12.5%)" when over, "—" without an estimate; always one place, so
 * the column lines up. */
static char *
variance_percent (const Item *item)
{
  OutlayDecimal p;
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;

  if (item->estimate == 0)
    return g_strdup ("—");
  p = outlay_decimal_round (-item->overrun, 1);
  number = outlay_report_number_places (p < 0 ? -p : p, 1);
  text = g_strdup_printf (_("%s%%"), number);
  return p < 0 ? g_strdup_printf ("(%s)", text) : g_steal_pointer (&text);
}

/* Estimate, actual, variance, variance % and status from column @col. */
static void
set_variance_cells (OutlayReport *self, ReportRow *row, guint col, const Item *item)
{
  row->cells[col] = outlay_report_money (self, item->estimate);
  row->cells[col + 1] = outlay_report_money (self, item->actual);
  row->cells[col + 2] = outlay_report_money (self, item->variance);
  row->cells[col + 3] = variance_percent (item);
  if (item_is_over (item))
    {
      /* TRANSLATORS: marks a line over its estimate; the triangle points up */
      row->cells[col + 4] = g_strdup (_("▲ Over"));
      row->flags |= REPORT_ROW_OVER;
    }
}

static void
section_item (OutlaySection *section, guint index, Item *item)
{
  const OutlayTotals *t = outlay_section_get_totals (section);

  item_init (item, t->estimate, t->actual, index);
  item->section = section;
  item->line = NULL;
}

static GArray *
collect_lines (OutlayReport *self, OutlayDocument *doc, OutlaySection *only)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (Item));

  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);

      if (only != NULL && section != only)
        continue;
      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        {
          Item item = { .line = outlay_section_get_line (section, l), .section = section };

          item_init (&item, outlay_line_get_estimate (item.line),
                     outlay_line_get_actual (item.line), items->len);
          if (!self->options.over_only || item_is_over (&item))
            g_array_append_val (items, item);
        }
    }
  return items;
}

static guint
add_variance_table (OutlayReport *self, const char *first, int first_flags, int first_width,
                    const char *second, int second_flags, int second_width)
{
  return outlay_report_add_table (self, TRUE,
                                  first, first_flags, first_width,
                                  second, second_flags, second_width,
                                  _("Estimate"), REPORT_COLUMN_NUMERIC, 0,
                                  _("Actual"), REPORT_COLUMN_NUMERIC, 0,
                                  _("Variance"), REPORT_COLUMN_NUMERIC | REPORT_COLUMN_ALERT, 0,
                                  /* TRANSLATORS: variance as a percentage, column title */
                                  _("Var. %"), REPORT_COLUMN_NUMERIC | REPORT_COLUMN_ALERT, 0,
                                  _("Status"), REPORT_COLUMN_ALERT, 60,
                                  NULL);
}

static void
add_total_row (OutlayReport *self, guint table, guint label_col, const char *label,
               const OutlayTotals *t)
{
  guint n = g_array_index (self->tables, ReportTable, table).n_columns;
  ReportRow *row;
  Item item;

  item_init (&item, t->estimate, t->actual, 0);
  row = outlay_report_add_row (self, REPORT_ROW_TOTAL, table, n);
  row->cells[label_col] = g_strdup (label);
  set_variance_cells (self, row, n - 5, &item);
}

static void
add_item_row (OutlayReport *self, guint table, ReportRowKind kind, const Item *item,
              gboolean shaded, gboolean with_section)
{
  guint col = with_section ? 1 : 0;
  ReportRow *row = outlay_report_add_row (self, kind, table, col + 7);

  if (with_section)
    row->cells[0] = g_strdup (outlay_section_get_code (item->section));
  row->cells[col] = g_strdup (outlay_line_get_code (item->line));
  row->cells[col + 1] = g_strdup (outlay_line_get_description (item->line));
  set_variance_cells (self, row, col + 2, item);
  if (shaded)
    row->flags |= REPORT_ROW_SHADED;
}

/* The fringe on a section's estimate (actuals include it as paid). */
static void
add_fringe_row (OutlayReport *self, guint table, OutlaySection *section)
{
  g_autofree char *percent = outlay_report_percent (outlay_section_get_fringe (section));
  OutlayDecimal fringe = outlay_section_get_totals (section)->fringe;
  ReportRow *row = outlay_report_add_row (self, REPORT_ROW_LINE, table, 7);

  row->cells[1] = g_strdup_printf (_("Fringes (P&W) at %s"), percent);
  row->cells[2] = outlay_report_money (self, fringe);
  row->cells[4] = outlay_report_money (self, fringe);
  row->flags |= REPORT_ROW_MUTED;
}

static void
add_section_group (OutlayReport *self, OutlayDocument *doc, guint table, OutlaySection *section)
{
  g_autoptr(GArray) items = collect_lines (self, doc, section);
  const char *code = outlay_report_section_ref (section);
  ReportRow *row;
  Item total;

  if (self->options.over_only && items->len == 0)
    return;
  outlay_report_add_heading (self, table, code, outlay_section_get_name (section), items->len);
  for (guint i = 0; i < items->len; i++)
    add_item_row (self, table, REPORT_ROW_LINE, &g_array_index (items, Item, i), i % 2 == 1,
                  FALSE);
  g_array_index (self->rows, ReportRow, self->rows->len - 1).keep = 1;
  if (!self->options.over_only && outlay_section_get_fringe (section) != 0)
    {
      add_fringe_row (self, table, section);
      g_array_index (self->rows, ReportRow, self->rows->len - 1).keep = 1;
    }
  section_item (section, 0, &total);
  row = outlay_report_add_row (self, REPORT_ROW_SUBTOTAL, table, 7);
  row->cells[1] = self->options.over_only
                  ? g_strdup_printf (_("Total %s, all lines"), code)
                  : g_strdup_printf (_("Total %s"), code);
  set_variance_cells (self, row, 2, &total);
}

static void
build_by_section (OutlayReport *self, OutlayDocument *doc)
{
  guint table = add_variance_table (self, _("Code"), REPORT_COLUMN_TEXT, 64,
                                    _("Description"), REPORT_COLUMN_FILL, 0);

  outlay_report_add_columns (self, table);
  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    add_section_group (self, doc, table, outlay_document_get_section (doc, s));
  g_array_index (self->rows, ReportRow, self->rows->len - 1).keep = 1;
  add_total_row (self, table, 1, _("Grand total"), outlay_document_get_totals (doc));
}

static void
add_ranked_lines (OutlayReport *self, OutlayDocument *doc)
{
  g_autoptr(GArray) items = collect_lines (self, doc, NULL);
  guint table = outlay_report_add_table (self, TRUE,
                                         /* TRANSLATORS: short for section, column title */
                                         _("Sec."), REPORT_COLUMN_TEXT, 40,
                                         _("Code"), REPORT_COLUMN_TEXT, 64,
                                         _("Description"), REPORT_COLUMN_FILL, 0,
                                         _("Estimate"), REPORT_COLUMN_NUMERIC, 0,
                                         _("Actual"), REPORT_COLUMN_NUMERIC, 0,
                                         _("Variance"), REPORT_COLUMN_NUMERIC | REPORT_COLUMN_ALERT, 0,
                                         _("Var. %"), REPORT_COLUMN_NUMERIC | REPORT_COLUMN_ALERT, 0,
                                         _("Status"), REPORT_COLUMN_ALERT, 60,
                                         NULL);
  OutlayTotals shown = { 0 };

  sort_items (self, items);
  outlay_report_add_caption (self, self->options.sort == OUTLAY_REPORT_SORT_PERCENT
                                   ? _("Lines, largest overrun in percent first")
                                   : _("Lines, largest overrun first"));
  outlay_report_add_columns (self, table);
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      add_item_row (self, table, REPORT_ROW_LINE, item, i % 2 == 1, TRUE);
      if (!outlay_decimal_add (shown.estimate, item->estimate, &shown.estimate))
        shown.estimate = OUTLAY_DECIMAL_MAX;
      if (!outlay_decimal_add (shown.actual, item->actual, &shown.actual))
        shown.actual = OUTLAY_DECIMAL_MAX;
    }
  if (items->len > 0)
    g_array_index (self->rows, ReportRow, self->rows->len - 1).keep = 1;
  add_total_row (self, table, 2, self->options.over_only ? _("Total of the lines over budget")
                                                         : _("Total of the lines"),
                 &shown);
}

static void
add_ranked_sections (OutlayReport *self, OutlayDocument *doc)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
  guint table = add_variance_table (self, _("Code"), REPORT_COLUMN_TEXT, 64,
                                    _("Section"), REPORT_COLUMN_FILL, 0);

  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      Item item;

      section_item (outlay_document_get_section (doc, s), s, &item);
      if (!self->options.over_only || item_is_over (&item))
        g_array_append_val (items, item);
    }
  sort_items (self, items);
  outlay_report_add_caption (self, _("Sections, ranked the same way"));
  outlay_report_add_columns (self, table);
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      ReportRow *row = outlay_report_add_row (self, REPORT_ROW_LINE, table, 7);

      row->cells[0] = g_strdup (outlay_section_get_code (item->section));
      row->cells[1] = g_strdup (outlay_section_get_name (item->section));
      set_variance_cells (self, row, 2, item);
      if (i % 2 == 1)
        row->flags |= REPORT_ROW_SHADED;
    }
  if (items->len > 0)
    g_array_index (self->rows, ReportRow, self->rows->len - 1).keep = 1;
  add_total_row (self, table, 1, _("Grand total"), outlay_document_get_totals (doc));
}

void
outlay_report_build_variance (OutlayReport *self, OutlayDocument *doc)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);

  outlay_report_add_title (self, self->budget_name);
  outlay_report_budget_fields (self, doc, fields, FALSE);
  outlay_report_field (fields, _("Order"),
                       self->options.sort == OUTLAY_REPORT_SORT_AMOUNT ? _("Largest overrun first")
                       : self->options.sort == OUTLAY_REPORT_SORT_PERCENT
                       ? _("Largest overrun in percent first") : _("Budget order"));
  outlay_report_field (fields, _("Lines"), self->options.over_only ? _("Over budget only")
                                                                   : _("All lines"));
  outlay_report_add_fields (self, fields);
  outlay_report_add_note (self, NULL,
                          _("Variance is the estimate less the actual cost: amounts in "
                            "parentheses are over budget and marked “▲ Over”."));
  if (self->options.sort == OUTLAY_REPORT_SORT_SECTION)
    build_by_section (self, doc);
  else
    {
      add_ranked_lines (self, doc);
      add_ranked_sections (self, doc);
    }
}
