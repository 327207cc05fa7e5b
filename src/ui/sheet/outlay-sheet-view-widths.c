/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-sheet-view"

/* How wide the figure columns are. A figure is never cut short: when a
 * budget opens each money and quantity column is made as wide as its
 * widest figure, worked out from the document's largest and smallest
 * values (one pass over numbers, no text measured per line), and a figure
 * that still does not fit shows ### (see outlay_sheet_cell_set_figure()).
 * A double-click on a header's right edge fits that column again. */

#include "config.h"

#include <stdlib.h>

#include "outlay-currency.h"
#include "outlay-sheet-view-private.h"

#define CELL_PADDING 14 /* the cell's CSS padding and the column separator */
#define ICON_ROOM 18    /* the over-budget icon in the variance columns */
#define EDGE 8          /* how near a header's edge a double-click fits it */

typedef struct
{
  OutlayDecimal lo, hi;
  guint places;
} Extent;

static gboolean
is_figure (guint column)
{
  switch (column)
    {
      case OUTLAY_SHEET_COLUMN_QUANTITY:
      case OUTLAY_SHEET_COLUMN_MULTIPLIER:
      case OUTLAY_SHEET_COLUMN_RATE:
      case OUTLAY_SHEET_COLUMN_ESTIMATE:
      case OUTLAY_SHEET_COLUMN_ACTUAL:
      case OUTLAY_SHEET_COLUMN_VARIANCE:
      case OUTLAY_SHEET_COLUMN_VARIANCE_PERCENT:
      case OUTLAY_SHEET_COLUMN_COMMITTED:
      case OUTLAY_SHEET_COLUMN_RESERVED:
      case OUTLAY_SHEET_COLUMN_AVAILABLE:
        return TRUE;
      default:
        return FALSE;
    }
}

static int
room (guint column)
{
  gboolean icon = column == OUTLAY_SHEET_COLUMN_VARIANCE
                  || column == OUTLAY_SHEET_COLUMN_VARIANCE_PERCENT
                  || column == OUTLAY_SHEET_COLUMN_AVAILABLE;

  return CELL_PADDING + (icon ? ICON_ROOM : 0);
}

static void
extend (Extent *e, OutlayDecimal v)
{
  gint64 frac = llabs (v % OUTLAY_DECIMAL_SCALE);
  guint places = OUTLAY_DECIMAL_PLACES;

  e->lo = MIN (e->lo, v);
  e->hi = MAX (e->hi, v);
  if (frac == 0)
    return;
  for (; frac % 10 == 0; frac /= 10)
    places--;
  e->places = MAX (e->places, places);
}

static void
extend_percent (Extent *e, OutlayDecimal part, OutlayDecimal whole)
{
  OutlayDecimal pct;

  if (outlay_decimal_as_percent (part, whole, &pct))
    extend (e, pct);
}

static void
extend_totals (Extent *e, const OutlayTotals *t)
{
  OutlayDecimal variance = outlay_totals_get_variance (t);

  extend (&e[OUTLAY_SHEET_COLUMN_ESTIMATE], t->estimate);
  extend (&e[OUTLAY_SHEET_COLUMN_ACTUAL], t->actual);
  extend (&e[OUTLAY_SHEET_COLUMN_COMMITTED], t->committed);
  extend (&e[OUTLAY_SHEET_COLUMN_RESERVED], t->reserved);
  extend (&e[OUTLAY_SHEET_COLUMN_AVAILABLE], t->estimate - t->actual - t->committed - t->reserved);
  extend (&e[OUTLAY_SHEET_COLUMN_VARIANCE], variance);
  extend_percent (&e[OUTLAY_SHEET_COLUMN_VARIANCE_PERCENT], variance, t->estimate);
}

static void
extend_line (Extent *e, OutlayLine *line)
{
  OutlayDecimal variance = outlay_line_get_variance (line);
  static const guint decimal_columns[] = {
    OUTLAY_SHEET_COLUMN_QUANTITY, OUTLAY_SHEET_COLUMN_MULTIPLIER, OUTLAY_SHEET_COLUMN_RATE,
    OUTLAY_SHEET_COLUMN_ESTIMATE, OUTLAY_SHEET_COLUMN_ACTUAL,     OUTLAY_SHEET_COLUMN_COMMITTED,
    OUTLAY_SHEET_COLUMN_RESERVED,
  };

  for (guint i = 0; i < G_N_ELEMENTS (decimal_columns); i++)
    extend (&e[decimal_columns[i]],
            outlay_line_get_decimal (line, outlay_sheet_column_field (decimal_columns[i])));
  extend (&e[OUTLAY_SHEET_COLUMN_VARIANCE], variance);
  extend (&e[OUTLAY_SHEET_COLUMN_AVAILABLE], outlay_line_get_available (line));
  extend_percent (&e[OUTLAY_SHEET_COLUMN_VARIANCE_PERCENT], variance,
                  outlay_line_get_estimate (line));
}

/* The largest and smallest value of each figure column: the budget's and
 * sections' totals and every line's own numbers (integers compared, no
 * formatting, so 100,000 lines take a few milliseconds). */
static void
document_extents (OutlaySheetView *self, Extent *e)
{
  for (guint c = 0; c < OUTLAY_SHEET_N_COLUMNS; c++)
    e[c] = (Extent){ 0, 0, 0 };
  extend_totals (e, outlay_document_get_totals (self->document));
  for (guint s = 0; s < outlay_document_get_n_sections (self->document); s++)
    {
      OutlaySection *section = outlay_document_get_section (self->document, s);

      extend_totals (e, outlay_section_get_totals (section));
      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        extend_line (e, outlay_section_get_line (section, l));
    }
}

/* The widest way the column can show a value within @e: the longer of its
 * extremes, with as many decimals as any quantity has. */
static char *
widest_text (OutlaySheetView *self, guint column, const Extent *e)
{
  const char *currency = outlay_budget_get_currency (outlay_document_get_budget (self->document));
  OutlayDecimal ends[2] = { e->lo, e->hi };
  char *best = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      g_autofree char *text = NULL;
      OutlayDecimal v = ends[i];

      if (column == OUTLAY_SHEET_COLUMN_VARIANCE_PERCENT)
        {
          g_autofree char *number = outlay_decimal_format_locale (v, 1);

          text = g_strdup_printf ("%s%%", number);
        }
      else if (column == OUTLAY_SHEET_COLUMN_QUANTITY || column == OUTLAY_SHEET_COLUMN_MULTIPLIER)
        text = outlay_decimal_format_locale (v, e->places);
      else
        text = outlay_currency_format_amount (v, currency);
      if (best == NULL || g_utf8_strlen (text, -1) > g_utf8_strlen (best, -1))
        {
          g_free (best);
          best = g_steal_pointer (&text);
        }
    }
  return best;
}

/* Pixels, in the sheet's font, bold (section rows), with tabular digits. */
static int
text_width (OutlaySheetView *self, const char *text)
{
  g_autoptr(PangoLayout)
                 layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view), text);
  PangoAttrList *attrs = pango_attr_list_new ();
  int width;

  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static GtkColumnViewColumn *
nth_column (OutlaySheetView *self, guint column)
{
  g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (
      gtk_column_view_get_columns (self->column_view), column);

  return c; /* the view keeps it alive */
}

/* How many characters of a figure fit in the column as it is now. */
static void
update_figure_chars (OutlaySheetView *self, guint column)
{
  int width = gtk_column_view_column_get_fixed_width (nth_column (self, column));

  if (self->char_width[column] <= 0)
    self->char_width[column] = text_width (self, "0000000000") / 10.0;
  self->figure_chars[column] = (guint) MAX (1, (width - room (column)) / self->char_width[column]);
}

static int
fitted_width (OutlaySheetView *self, guint column, const Extent *e)
{
  g_autofree char *widest = widest_text (self, column, e);
  glong chars = g_utf8_strlen (widest, -1);
  double digit = text_width (self, "0000000000") / 10.0;

  /* a character is as wide as a digit, or as the widest text's average
   * when it has wider ones (a currency code) */
  self->char_width[column] = MAX (digit, (double) text_width (self, widest) / MAX (chars, 1));
  return (int) (chars * self->char_width[column] + 0.999) + room (column);
}

static void
column_width_cb (GtkColumnViewColumn *column, GParamSpec *pspec, OutlaySheetView *self)
{
  guint c = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (column), "outlay-column"));

  update_figure_chars (self, c);
  outlay_sheet_view_refresh_cells (self);
}

/**
 * outlay_sheet_view_watch_widths:
 * @self: the sheet
 *
 * Keeps the ### rule in step with columns resized by hand.
 */
void
outlay_sheet_view_watch_widths (OutlaySheetView *self)
{
  for (guint c = 0; c < OUTLAY_SHEET_N_COLUMNS; c++)
    if (is_figure (c))
      {
        GtkColumnViewColumn *column = nth_column (self, c);

        g_object_set_data (G_OBJECT (column), "outlay-column", GUINT_TO_POINTER (c));
        g_signal_connect (column, "notify::fixed-width", G_CALLBACK (column_width_cb), self);
      }
}

/**
 * outlay_sheet_view_fit_figures:
 * @self: the sheet
 * @shrink: whether a column may become narrower than it is
 *
 * Widens each figure column to its widest figure (on opening a budget,
 * columns start from their usual widths and only grow).
 */
void
outlay_sheet_view_fit_figures (OutlaySheetView *self, gboolean shrink)
{
  Extent e[OUTLAY_SHEET_N_COLUMNS];

  if (self->document == NULL)
    return;
  document_extents (self, e);
  for (guint c = 0; c < OUTLAY_SHEET_N_COLUMNS; c++)
    if (is_figure (c))
      {
        GtkColumnViewColumn *column = nth_column (self, c);
        int width = fitted_width (self, c, &e[c]);

        if (!shrink)
          width = MAX (width, outlay_sheet_column_default_width (c));
        g_signal_handlers_block_by_func (column, column_width_cb, self);
        gtk_column_view_column_set_fixed_width (column, width);
        g_signal_handlers_unblock_by_func (column, column_width_cb, self);
        update_figure_chars (self, c);
      }
}

/**
 * outlay_sheet_view_figure_chars:
 * @self: the sheet
 * @column: a column
 *
 * Returns: how many characters of a figure fit in @column; 0 for a text
 *   column, which may ellipsize
 */
guint
outlay_sheet_view_figure_chars (OutlaySheetView *self, guint column)
{
  return is_figure (column) ? self->figure_chars[column] : 0;
}

/* The widest text among the cells on screen, for a text column. */
static int
widest_bound (OutlaySheetView *self, guint column)
{
  GHashTableIter iter;
  gpointer item;
  int width = 0;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      OutlaySheetCell **cells = outlay_sheet_view_item_cells (item);

      if (cells != NULL && cells[column] != NULL)
        width = MAX (width, text_width (self, outlay_sheet_cell_get_full_text (cells[column])));
    }
  return width + CELL_PADDING;
}

/**
 * outlay_sheet_view_fit_column:
 * @self: the sheet
 * @column: a column
 *
 * Sizes @column to its content: a figure column to its widest figure, a
 * text column to its widest text on screen.
 */
void
outlay_sheet_view_fit_column (OutlaySheetView *self, guint column)
{
  Extent e[OUTLAY_SHEET_N_COLUMNS];
  GtkColumnViewColumn *c = nth_column (self, column);
  int title = text_width (self, gtk_column_view_column_get_title (c)) + 2 * CELL_PADDING;

  if (self->document == NULL)
    return;
  if (!is_figure (column))
    {
      gtk_column_view_column_set_fixed_width (c, MAX (title, widest_bound (self, column)));
      return;
    }
  document_extents (self, e);
  /* the notify handler brings the ### rule in step */
  gtk_column_view_column_set_fixed_width (c, MAX (title, fitted_width (self, column, &e[column])));
}

/**
 * outlay_sheet_view_header_edge:
 * @self: the sheet
 * @x: a point in the column view
 * @y: a point in the column view
 *
 * Returns: the column whose header's right edge is at (@x, @y), or -1
 */
int
outlay_sheet_view_header_edge (OutlaySheetView *self, double x, double y)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
  GtkWidget *title;
  graphene_rect_t bounds;
  guint c = 0;

  if (header == NULL || !gtk_widget_compute_bounds (header, GTK_WIDGET (self->column_view), &bounds)
      || y < bounds.origin.y || y > bounds.origin.y + bounds.size.height)
    return -1;
  /* one title per column, in order, hidden with its column */
  for (title = gtk_widget_get_first_child (header); title != NULL && c < OUTLAY_SHEET_N_COLUMNS;
       title = gtk_widget_get_next_sibling (title), c++)
    {
      double edge;

      if (!gtk_widget_get_visible (title)
          || !gtk_widget_compute_bounds (title, GTK_WIDGET (self->column_view), &bounds))
        continue;
      edge = bounds.origin.x + bounds.size.width;
      if (x >= edge - EDGE && x <= edge + EDGE)
        return (int) c;
    }
  return -1;
}
