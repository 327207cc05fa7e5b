/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-report"

/* Measuring, paginating and drawing a report's prepared rows.
 *
 * Text is laid out in a Pango context of our own at 72 dpi without
 * hinting, so a point is a unit whatever surface the page goes to (a PDF,
 * or the print context's scaled cairo context) and the pages measured
 * are the pages drawn.  Pagination keeps rows together as they ask
 * (keep), repeats the column titles at the top of every page a table
 * continues on, and says "(continued)" under them when a section does. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-report-private.h"

#define FONT_FAMILY   "Cantarell,Sans"
#define CELL_PAD_X    4.0  /* each side of a cell */
#define ROW_PAD_Y     2.6
#define RULE_GAP      5.0  /* between the running header/footer and their rules */
#define FIELD_WIDTH   150.0
#define NUMBER_GAP    8.0
#define FILL_MAX      300.0 /* points */

typedef struct
{
  double r, g, b;
} Rgb;

/* A dashboard chart's height in points */
#define CHART_HEIGHT 190.0

static const Rgb ink = { 0.11, 0.11, 0.12 };
static const Rgb muted = { 0.42, 0.43, 0.45 };
static const Rgb accent = { 0.10, 0.27, 0.42 };
static const Rgb alert = { 0.65, 0.11, 0.18 };
static const Rgb rule = { 0.72, 0.73, 0.75 };
static const Rgb hairline = { 0.86, 0.87, 0.88 };
static const Rgb zebra = { 0.953, 0.957, 0.965 };
static const Rgb band = { 0.925, 0.937, 0.953 };

/* ---- setup ---- */

void
outlay_report_layout_clear (OutlayReport *self)
{
  for (guint i = 0; i < REPORT_N_FONTS; i++)
    {
      g_clear_pointer (&self->fonts[i], pango_font_description_free);
      g_clear_pointer (&self->advances[i], g_free);
    }
  g_clear_pointer (&self->tabular, pango_attr_list_unref);
  g_clear_object (&self->layout);
  g_clear_object (&self->context);
  g_clear_object (&self->fontmap);
  g_clear_pointer (&self->pages, g_array_unref);
}

static PangoFontDescription *
make_font (double size, PangoWeight weight)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  return font;
}

static void
make_fonts (OutlayReport *self)
{
  /* the one-page top sheet reads a little larger than the long reports */
  double base = self->options.kind == OUTLAY_REPORT_SUMMARY ? 9.5 : 8.5;

  self->fonts[REPORT_FONT_BODY] = make_font (base, PANGO_WEIGHT_NORMAL);
  self->fonts[REPORT_FONT_BOLD] = make_font (base, PANGO_WEIGHT_BOLD);
  self->fonts[REPORT_FONT_SMALL] = make_font (base - 1.5, PANGO_WEIGHT_BOLD);
  self->fonts[REPORT_FONT_HEADING] = make_font (base + 1.0, PANGO_WEIGHT_BOLD);
  self->fonts[REPORT_FONT_TOTAL] = make_font (base + 0.5, PANGO_WEIGHT_BOLD);
  self->fonts[REPORT_FONT_TITLE] = make_font (18.0, PANGO_WEIGHT_BOLD);
  self->fonts[REPORT_FONT_SUBTITLE] = make_font (11.0, PANGO_WEIGHT_NORMAL);
  self->fonts[REPORT_FONT_FURNITURE] = make_font (7.5, PANGO_WEIGHT_NORMAL);
}

/* Lays @text out in @font, wrapped at @width (points, 0 for no wrap). */
static PangoLayout *
prepare (OutlayReport *self, ReportFont font, const char *text, double width, gboolean numeric)
{
  PangoLayout *layout = self->layout;

  pango_layout_set_font_description (layout, self->fonts[font]);
  pango_layout_set_attributes (layout, numeric ? self->tabular : NULL);
  pango_layout_set_width (layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
text_width (OutlayReport *self, ReportFont font, const char *text, gboolean numeric)
{
  int w;

  pango_layout_get_size (prepare (self, font, text, 0, numeric), &w, NULL);
  return (double) w / PANGO_SCALE;
}

static double
text_height (OutlayReport *self, ReportFont font, const char *text, double width)
{
  int h;

  pango_layout_get_size (prepare (self, font, text, width, FALSE), NULL, &h);
  return (double) h / PANGO_SCALE;
}

void
outlay_report_layout_setup (OutlayReport *self, cairo_t *cr)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  outlay_report_layout_clear (self);
  /* A font map of our own rather than the thread's default: a report can
   * be made in any thread, and what it loads goes when it goes (the
   * default map of the main thread lives until exit). */
  self->fontmap = pango_cairo_font_map_new ();
  self->context = pango_font_map_create_context (self->fontmap);
  pango_context_set_matrix (self->context, NULL);
  pango_cairo_context_set_resolution (self->context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  self->layout = pango_layout_new (self->context);
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  self->tabular = pango_attr_list_new ();
  pango_attr_list_insert (self->tabular, pango_attr_font_features_new ("tnum"));
  make_fonts (self);
  for (guint i = 0; i < REPORT_N_FONTS; i++)
    self->line_height[i] = text_height (self, i, "Ag", 0);
  /* the running header and footer take a line each, with a rule */
  self->body_top = self->line_height[REPORT_FONT_FURNITURE] + 2 * RULE_GAP + 8.0;
  self->body_bottom = self->height - self->line_height[REPORT_FONT_FURNITURE] - 2 * RULE_GAP;
}

/* ---- measuring ---- */

static ReportFont
cell_font (const ReportRow *row)
{
  switch (row->kind)
    {
    case REPORT_ROW_SUBTOTAL:
      return REPORT_FONT_BOLD;
    case REPORT_ROW_TOTAL:
      return REPORT_FONT_TOTAL;
    case REPORT_ROW_COLUMNS:
      return REPORT_FONT_SMALL;
    default:
      return (row->flags & (REPORT_ROW_OVER | REPORT_ROW_STRONG)) ? REPORT_FONT_BOLD
                                                                : REPORT_FONT_BODY;
    }
}

static gboolean
is_table_row (const ReportRow *row)
{
  return row->kind == REPORT_ROW_LINE || row->kind == REPORT_ROW_SUBTOTAL
         || row->kind == REPORT_ROW_TOTAL;
}

/* The widest text of column @col.  Measuring every cell of a long report
 * would cost as much as drawing it, so only the longest texts (in bytes)
 * of each font are measured, longest first and each text once: in a
 * proportional font the widest is among them. */
#define N_CANDIDATES 200
#define N_NUMBERS    24  /* tabular figures: as wide as they are long */

static double
column_content_width (OutlayReport *self, guint table, guint col, gboolean numeric)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gsize longest[REPORT_N_FONTS] = { 0 };
  double width = 0;

  /* pass 0 finds the longest; pass k measures texts k − 1 bytes shorter */
  for (guint pass = 0; pass < 4; pass++)
    for (guint i = 0; i < self->rows->len; i++)
      {
        const ReportRow *row = &g_array_index (self->rows, ReportRow, i);
        ReportFont font = cell_font (row);
        const char *text;
        gsize n;

        if (row->table != table || !is_table_row (row) || col >= row->n_cells
            || (text = row->cells[col]) == NULL)
          continue;
        n = strlen (text);
        if (pass == 0)
          longest[font] = MAX (longest[font], n);
        else if (n + pass - 1 == longest[font]
                 && g_hash_table_size (seen) < (numeric ? N_NUMBERS : N_CANDIDATES)
                 && g_hash_table_add (seen, (gpointer) text))
          width = MAX (width, text_width (self, font, text, numeric));
      }
  return width;
}

/* On wide pages a description wider than FILL_MAX reads badly and leaves
 * the figures crowded at the edge: give the surplus to the numbers. */
static void
spread_surplus (ReportTable *table, ReportColumn *fill)
{
  guint n_numeric = 0;
  double surplus = fill->width - FILL_MAX;

  for (guint c = 0; c < table->n_columns; c++)
    n_numeric += (table->columns[c].flags & REPORT_COLUMN_NUMERIC) != 0;
  if (n_numeric == 0)
    return;
  surplus = MIN (surplus, n_numeric * 40.0);
  fill->width -= surplus;
  for (guint c = 0; c < table->n_columns; c++)
    if (table->columns[c].flags & REPORT_COLUMN_NUMERIC)
      table->columns[c].width += surplus / n_numeric;
}

/* Section headings put their code in the first column, in a larger font. */
static double
heading_code_width (OutlayReport *self, guint table)
{
  double width = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      const ReportRow *row = &g_array_index (self->rows, ReportRow, i);

      if (row->kind == REPORT_ROW_HEADING && row->table == table && row->cells[0] != NULL)
        width = MAX (width, text_width (self, REPORT_FONT_HEADING, row->cells[0], FALSE));
    }
  return width;
}

static void
measure_table (OutlayReport *self, guint t)
{
  ReportTable *table = &g_array_index (self->tables, ReportTable, t);
  double used = 0;
  ReportColumn *fill = NULL;

  for (guint c = 0; c < table->n_columns; c++)
    {
      ReportColumn *col = &table->columns[c];
      gboolean numeric = (col->flags & REPORT_COLUMN_NUMERIC) != 0;
      double title, content;

      if (col->flags & REPORT_COLUMN_FILL)
        {
          fill = col;
          continue;
        }
      title = text_width (self, REPORT_FONT_SMALL, col->title, FALSE);
      content = column_content_width (self, t, c, numeric);
      if (c == 0)
        content = MAX (content, heading_code_width (self, t));
      /* numbers never wrap; a long title or text does, within the cap */
      if (col->max_width > 0)
        title = MIN (title, col->max_width);
      if (col->max_width > 0 && !numeric)
        content = MIN (content, col->max_width);
      /* numbers get air on their left: columns of figures need no rules */
      col->width = MAX (title, content) + 2 * CELL_PAD_X + (numeric ? NUMBER_GAP : 0.5);
      used += col->width;
    }
  if (fill != NULL)
    fill->width = MAX (self->width - used, 60.0);
  if (fill != NULL && fill->width > FILL_MAX)
    spread_surplus (table, fill);
  table->header_height = 0;
  for (guint c = 0; c < table->n_columns; c++)
    table->header_height = MAX (table->header_height,
                                text_height (self, REPORT_FONT_SMALL, table->columns[c].title,
                                             table->columns[c].width - 2 * CELL_PAD_X));
  table->header_height += 2 * ROW_PAD_Y + 3.0;
}

/* The advance of @c (below N_ADVANCES) in @font, measured once. */
#define N_ADVANCES 0x250 /* Latin, Latin-1 and Latin Extended */

static double
advance (OutlayReport *self, ReportFont font, gunichar c)
{
  char utf8[8] = { 0 };

  if (self->advances[font] == NULL)
    {
      self->advances[font] = g_new (float, N_ADVANCES);
      for (guint i = 0; i < N_ADVANCES; i++)
        self->advances[font][i] = -1;
    }
  if (self->advances[font][c] < 0)
    {
      g_unichar_to_utf8 (c, utf8);
      self->advances[font][c] = text_width (self, font, utf8, FALSE);
    }
  return self->advances[font][c];
}

/* Whether @text may need more than one line at @width.  Measuring every
 * description of a long report costs as much as drawing it, so the sum of
 * its characters' advances (which kerning only shortens) decides when it
 * plainly fits. */
static gboolean
may_wrap (OutlayReport *self, ReportFont font, const char *text, double width)
{
  double estimate = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= N_ADVANCES || c == '\n')
        return TRUE;
      estimate += advance (self, font, c);
      if (estimate * 1.02 + 1.0 >= width)
        return TRUE;
    }
  return FALSE;
}

static double
table_row_height (OutlayReport *self, const ReportRow *row)
{
  const ReportTable *table = &g_array_index (self->tables, ReportTable, row->table);
  ReportFont font = cell_font (row);
  double h = self->line_height[font];

  for (guint c = 0; c < row->n_cells && c < table->n_columns; c++)
    {
      double width = table->columns[c].width - 2 * CELL_PAD_X;

      if (row->cells[c] == NULL || (table->columns[c].flags & REPORT_COLUMN_NUMERIC)
          || !may_wrap (self, font, row->cells[c], width))
        continue;
      h = MAX (h, text_height (self, font, row->cells[c], width));
    }
  return h + 2 * ROW_PAD_Y;
}

/* The grid of label/value pairs under the title. */
static guint
fields_per_line (OutlayReport *self, const ReportRow *row)
{
  guint n = MAX (1, (guint) (self->width / FIELD_WIDTH));

  return MIN (n, MAX (1u, row->n_cells / 2u));
}

static double
fields_line_height (OutlayReport *self, const ReportRow *row, guint first, guint per_line)
{
  double cell = self->width / per_line - 10.0;
  double h = 0;

  for (guint i = first; i < first + per_line && 2 * i + 1 < row->n_cells; i++)
    h = MAX (h, text_height (self, REPORT_FONT_BODY, row->cells[2 * i + 1], cell));
  return self->line_height[REPORT_FONT_SMALL] + 1.0 + h + 7.0;
}

static double
fields_height (OutlayReport *self, const ReportRow *row)
{
  guint per_line = fields_per_line (self, row);
  double h = 8.0;

  for (guint i = 0; i < row->n_cells / 2u; i += per_line)
    h += fields_line_height (self, row, i, per_line);
  return h + 16.0;
}

static double
row_height (OutlayReport *self, const ReportRow *row)
{
  switch ((ReportRowKind) row->kind)
    {
    case REPORT_ROW_TITLE:
      return text_height (self, REPORT_FONT_TITLE, row->cells[0], self->width) + 2.0
             + text_height (self, REPORT_FONT_SUBTITLE, row->cells[1], self->width) + 10.0;
    case REPORT_ROW_FIELDS:
      return fields_height (self, row);
    case REPORT_ROW_CAPTION:
      return 16.0 + self->line_height[REPORT_FONT_HEADING] + 4.0;
    case REPORT_ROW_COLUMNS:
      return g_array_index (self->tables, ReportTable, row->table).header_height;
    case REPORT_ROW_HEADING:
      return 9.0 + self->line_height[REPORT_FONT_HEADING] + 4.0;
    case REPORT_ROW_SUBTOTAL:
      return table_row_height (self, row) + 2.0 + 6.0;
    case REPORT_ROW_TOTAL:
      return 6.0 + table_row_height (self, row) + 4.0 + 4.0;
    case REPORT_ROW_CHART:
      return 16.0 + self->line_height[REPORT_FONT_HEADING] + 6.0 + CHART_HEIGHT;
    case REPORT_ROW_NOTE:
      return 10.0 + (row->cells[0] != NULL ? self->line_height[REPORT_FONT_BOLD] + 2.0 : 0)
             + text_height (self, REPORT_FONT_BODY, row->cells[1], self->width) + 8.0;
    case REPORT_ROW_LINE:
    default:
      return table_row_height (self, row);
    }
}

/* ---- paginating ---- */

static gboolean
needs_columns (const ReportRow *row)
{
  return row->kind == REPORT_ROW_HEADING || is_table_row (row);
}

/* What a page starting at @row draws above it: the table's column titles
 * and, inside a section, its heading again. */
static double
continuation_height (OutlayReport *self, const ReportRow *row)
{
  double h = 0;

  if (needs_columns (row))
    h += g_array_index (self->tables, ReportTable, row->table).header_height;
  if (row->heading != REPORT_NO_HEADING)
    h += g_array_index (self->rows, ReportRow, row->heading).height;
  return h;
}

/* The height of @first and the rows it keeps with it, through chains. */
static double
group_height (OutlayReport *self, guint first)
{
  guint end = first;
  double h = 0;

  for (guint i = first; i <= end && i < self->rows->len; i++)
    {
      const ReportRow *row = &g_array_index (self->rows, ReportRow, i);

      end = MAX (end, i + row->keep);
      h += row->height;
    }
  return h;
}

void
outlay_report_layout_pages (OutlayReport *self)
{
  double avail = self->body_bottom - self->body_top;
  ReportPage page = { 0, 0 };
  double y = 0;

  for (guint t = 0; t < self->tables->len; t++)
    measure_table (self, t);
  for (guint i = 0; i < self->rows->len; i++)
    {
      ReportRow *row = &g_array_index (self->rows, ReportRow, i);

      row->height = row_height (self, row);
    }
  self->pages = g_array_new (FALSE, FALSE, sizeof (ReportPage));
  for (guint i = 0; i < self->rows->len; i++)
    {
      const ReportRow *row = &g_array_index (self->rows, ReportRow, i);

      if (page.n_rows > 0 && y + group_height (self, i) > avail)
        {
          g_array_append_val (self->pages, page);
          page = (ReportPage) { i, 0 };
          y = 0;
        }
      if (page.n_rows == 0)
        y += continuation_height (self, row);
      y += row->height;
      page.n_rows++;
    }
  g_array_append_val (self->pages, page);
}

/* ---- drawing ---- */

static void
set_rgb (cairo_t *cr, const Rgb *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

static void
draw_rule (cairo_t *cr, const Rgb *c, double x0, double x1, double y, double width)
{
  cairo_save (cr);
  set_rgb (cr, c);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
fill_rect (cairo_t *cr, const Rgb *c, double x, double y, double w, double h)
{
  set_rgb (cr, c);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
}

/* Draws @text at (@x, @y), within @width when set, in @align. */
static void
draw_text (OutlayReport *self, cairo_t *cr, ReportFont font, const Rgb *c, const char *text,
           double x, double y, double width, PangoAlignment align, gboolean numeric)
{
  PangoLayout *layout;

  if (text == NULL || *text == '\0')
    return;
  layout = prepare (self, font, text, width, numeric);
  pango_layout_set_alignment (layout, align);
  set_rgb (cr, c);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Like draw_text(), on one line, ending in "…" when it does not fit. */
static void
draw_line (OutlayReport *self, cairo_t *cr, ReportFont font, const Rgb *c, const char *text,
           double x, double y, double width, PangoAlignment align)
{
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
  draw_text (self, cr, font, c, text, x, y, width, align, FALSE);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_NONE);
}

static void
draw_furniture (OutlayReport *self, cairo_t *cr, guint page)
{
  double fh = self->line_height[REPORT_FONT_FURNITURE];
  double footer = self->height - fh;
  g_autofree char *right = g_strdup_printf ("%s · %s", self->title, self->version);
  /* TRANSLATORS: the date a report was printed, see g_date_time_format() */
  g_autofree char *date = g_date_time_format (self->printed, _("%-d %B %Y"));
  g_autofree char *printed = g_strdup_printf (_("Printed %s"), date);
  g_autofree char *of = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);

  draw_line (self, cr, REPORT_FONT_FURNITURE, &ink, self->budget_name, 0, 0,
             self->width * 0.5 - 6.0, PANGO_ALIGN_LEFT);
  draw_line (self, cr, REPORT_FONT_FURNITURE, &muted, right, self->width * 0.5 + 6.0, 0,
             self->width * 0.5 - 6.0, PANGO_ALIGN_RIGHT);
  draw_rule (cr, &rule, 0, self->width, fh + RULE_GAP, 0.5);
  draw_rule (cr, &rule, 0, self->width, footer - RULE_GAP, 0.5);
  draw_text (self, cr, REPORT_FONT_FURNITURE, &muted, printed, 0, footer, self->width / 3,
             PANGO_ALIGN_LEFT, FALSE);
  draw_text (self, cr, REPORT_FONT_FURNITURE, &muted, "Outlay", self->width / 3, footer,
             self->width / 3, PANGO_ALIGN_CENTER, FALSE);
  draw_text (self, cr, REPORT_FONT_FURNITURE, &ink, of, 2 * self->width / 3, footer,
             self->width / 3, PANGO_ALIGN_RIGHT, FALSE);
}

static void
draw_title (OutlayReport *self, cairo_t *cr, const ReportRow *row, double y)
{
  draw_text (self, cr, REPORT_FONT_TITLE, &accent, row->cells[0], 0, y, self->width,
             PANGO_ALIGN_LEFT, FALSE);
  y += text_height (self, REPORT_FONT_TITLE, row->cells[0], self->width) + 2.0;
  draw_text (self, cr, REPORT_FONT_SUBTITLE, &muted, row->cells[1], 0, y, self->width,
             PANGO_ALIGN_LEFT, FALSE);
}

static void
draw_fields (OutlayReport *self, cairo_t *cr, const ReportRow *row, double y)
{
  guint per_line = fields_per_line (self, row);
  double cell = self->width / per_line;
  double bottom = y + row->height - 12.0;

  draw_rule (cr, &rule, 0, self->width, y, 0.5);
  y += 8.0;
  for (guint i = 0; i < row->n_cells / 2u; i += per_line)
    {
      double h = fields_line_height (self, row, i, per_line);

      for (guint j = i; j < i + per_line && 2 * j + 1 < row->n_cells; j++)
        {
          double x = (j - i) * cell;

          draw_text (self, cr, REPORT_FONT_SMALL, &muted, row->cells[2 * j], x, y, cell - 10.0,
                     PANGO_ALIGN_LEFT, FALSE);
          draw_text (self, cr, REPORT_FONT_BODY, &ink, row->cells[2 * j + 1], x,
                     y + self->line_height[REPORT_FONT_SMALL] + 1.0, cell - 10.0,
                     PANGO_ALIGN_LEFT, FALSE);
        }
      y += h;
    }
  draw_rule (cr, &rule, 0, self->width, bottom, 0.5);
}

static void
draw_columns (OutlayReport *self, cairo_t *cr, guint t, double y)
{
  const ReportTable *table = &g_array_index (self->tables, ReportTable, t);
  double x = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      const ReportColumn *col = &table->columns[c];
      gboolean end = (col->flags & (REPORT_COLUMN_NUMERIC | REPORT_COLUMN_END)) != 0;

      draw_text (self, cr, REPORT_FONT_SMALL, &muted, col->title, x + CELL_PAD_X, y + ROW_PAD_Y,
                 col->width - 2 * CELL_PAD_X, end ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT, FALSE);
      x += col->width;
    }
  draw_rule (cr, &ink, 0, self->width, y + table->header_height - 1.0, 0.75);
}

static void
draw_heading (OutlayReport *self, cairo_t *cr, const ReportRow *row, double y, gboolean cont)
{
  const ReportTable *table = &g_array_index (self->tables, ReportTable, row->table);
  double code_width = table->columns[0].width;
  g_autofree char *name = cont ? g_strdup_printf (_("%s (continued)"), row->cells[1])
                               : g_strdup (row->cells[1]);

  y += 9.0;
  draw_line (self, cr, REPORT_FONT_HEADING, &accent, row->cells[0], CELL_PAD_X, y,
             code_width - CELL_PAD_X, PANGO_ALIGN_LEFT);
  draw_line (self, cr, REPORT_FONT_HEADING, &ink, name, code_width + CELL_PAD_X, y,
             self->width - code_width - 2 * CELL_PAD_X, PANGO_ALIGN_LEFT);
  draw_rule (cr, &hairline, 0, self->width, y + self->line_height[REPORT_FONT_HEADING] + 3.0, 0.5);
}

static const Rgb *
cell_color (const ReportRow *row, const ReportColumn *col)
{
  if ((row->flags & REPORT_ROW_OVER) && (col->flags & REPORT_COLUMN_ALERT))
    return &alert;
  if (row->flags & REPORT_ROW_MUTED)
    return &muted;
  return &ink;
}

static void
draw_cells (OutlayReport *self, cairo_t *cr, const ReportRow *row, double y)
{
  const ReportTable *table = &g_array_index (self->tables, ReportTable, row->table);
  ReportFont font = cell_font (row);
  double x = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      const ReportColumn *col = &table->columns[c];
      gboolean numeric = (col->flags & REPORT_COLUMN_NUMERIC) != 0;
      gboolean end = numeric || (col->flags & REPORT_COLUMN_END);

      if (c < row->n_cells)
        draw_text (self, cr, font, cell_color (row, col), row->cells[c], x + CELL_PAD_X,
                   y + ROW_PAD_Y, col->width - 2 * CELL_PAD_X,
                   end ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT, numeric);
      x += col->width;
    }
}

static void
draw_table_row (OutlayReport *self, cairo_t *cr, const ReportRow *row, double y)
{
  const ReportTable *table = &g_array_index (self->tables, ReportTable, row->table);
  /* row_height() less the spacing around subtotals and totals */
  double h = row->height - (row->kind == REPORT_ROW_SUBTOTAL ? 8.0
                            : row->kind == REPORT_ROW_TOTAL ? 14.0 : 0.0);

  switch ((ReportRowKind) row->kind)
    {
    case REPORT_ROW_SUBTOTAL:
      draw_rule (cr, &rule, 0, self->width, y + 1.0, 0.5);
      y += 2.0;
      break;
    case REPORT_ROW_TOTAL:
      y += 6.0;
      fill_rect (cr, &band, 0, y, self->width, h);
      draw_rule (cr, &ink, 0, self->width, y, 0.9);
      draw_rule (cr, &ink, 0, self->width, y + h + 1.0, 0.5);
      draw_rule (cr, &ink, 0, self->width, y + h + 2.6, 0.5);
      break;
    default:
      if (row->flags & REPORT_ROW_SHADED)
        fill_rect (cr, &zebra, 0, y, self->width, h);
      else if (!table->zebra)
        draw_rule (cr, &hairline, 0, self->width, y + h, 0.4);
      break;
    }
  draw_cells (self, cr, row, y);
}

static void
draw_note (OutlayReport *self, cairo_t *cr, const ReportRow *row, double y)
{
  y += 10.0;
  if (row->cells[0] != NULL)
    {
      draw_text (self, cr, REPORT_FONT_BOLD, &ink, row->cells[0], 0, y, self->width,
                 PANGO_ALIGN_LEFT, FALSE);
      y += self->line_height[REPORT_FONT_BOLD] + 2.0;
    }
  draw_text (self, cr, REPORT_FONT_BODY, row->cells[0] != NULL ? &ink : &muted, row->cells[1], 0,
             y, self->width, PANGO_ALIGN_LEFT, FALSE);
}

/* A dashboard chart under its title, drawn as the window draws it. */
static void
draw_chart (OutlayReport *self, cairo_t *cr, const ReportRow *row, double y)
{
  OutlayChartColors colors;

  draw_line (self, cr, REPORT_FONT_HEADING, &accent, row->cells[0], 0, y + 16.0, self->width,
             PANGO_ALIGN_LEFT);
  outlay_chart_colors_init (&colors, FALSE);
  cairo_save (cr);
  cairo_translate (cr, 0, y + 16.0 + self->line_height[REPORT_FONT_HEADING] + 6.0);
  outlay_chart_draw (g_ptr_array_index (self->charts, row->table), cr, self->width, CHART_HEIGHT,
                     &colors, -1);
  cairo_restore (cr);
}

static void
draw_row (OutlayReport *self, cairo_t *cr, const ReportRow *row, double y)
{
  switch ((ReportRowKind) row->kind)
    {
    case REPORT_ROW_TITLE:
      draw_title (self, cr, row, y);
      break;
    case REPORT_ROW_FIELDS:
      draw_fields (self, cr, row, y);
      break;
    case REPORT_ROW_CAPTION:
      draw_line (self, cr, REPORT_FONT_HEADING, &accent, row->cells[0], 0, y + 16.0, self->width,
                 PANGO_ALIGN_LEFT);
      break;
    case REPORT_ROW_COLUMNS:
      draw_columns (self, cr, row->table, y);
      break;
    case REPORT_ROW_HEADING:
      draw_heading (self, cr, row, y, FALSE);
      break;
    case REPORT_ROW_NOTE:
      draw_note (self, cr, row, y);
      break;
    case REPORT_ROW_CHART:
      draw_chart (self, cr, row, y);
      break;
    case REPORT_ROW_LINE:
    case REPORT_ROW_SUBTOTAL:
    case REPORT_ROW_TOTAL:
    default:
      draw_table_row (self, cr, row, y);
      break;
    }
}

void
outlay_report_layout_draw (OutlayReport *self, cairo_t *cr, guint page)
{
  const ReportPage *p = &g_array_index (self->pages, ReportPage, page);
  const ReportRow *first = &g_array_index (self->rows, ReportRow, p->first);
  double y = self->body_top;

  cairo_save (cr);
  draw_furniture (self, cr, page);
  if (p->n_rows > 0 && needs_columns (first))
    {
      draw_columns (self, cr, first->table, y);
      y += g_array_index (self->tables, ReportTable, first->table).header_height;
    }
  if (p->n_rows > 0 && first->heading != REPORT_NO_HEADING)
    {
      const ReportRow *heading = &g_array_index (self->rows, ReportRow, first->heading);

      draw_heading (self, cr, heading, y, TRUE);
      y += heading->height;
    }
  for (guint i = p->first; i < p->first + p->n_rows; i++)
    {
      const ReportRow *row = &g_array_index (self->rows, ReportRow, i);

      draw_row (self, cr, row, y);
      y += row->height;
    }
  cairo_restore (cr);
}
