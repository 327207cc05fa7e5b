/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-periods-page"

/* The Periods page: the budget's periods across, its lines down, with a
 * row per section and one for the budget holding their totals.  In Plan
 * mode a line's cells are its phasing, and typing in one changes it (the
 * Difference column shows what the periods no longer add up to); in
 * Forecast mode closed periods show what was spent and later ones the
 * rolling forecast.  The cells are the sheet's (GtkInscription, an editor
 * only while editing), and so are the keys. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-application.h"

#include "outlay-currency.h"
#include "outlay-periods-page-private.h"

#define CELLS_KEY "outlay-periods-cells"

enum
{
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OutlayPeriodsPage, outlay_periods_page, OUTLAY_TYPE_DOCUMENT_PAGE)

static guint
n_periods (OutlayPeriodsPage *self)
{
  return self->grid != NULL ? self->grid->periods->n : 0;
}

static guint
total_column (OutlayPeriodsPage *self)
{
  return OUTLAY_PERIODS_FIRST_PERIOD + n_periods (self);
}

static const char *
currency (OutlayPeriodsPage *self)
{
  return outlay_budget_get_currency (outlay_document_get_budget (self->document));
}

/* The values a row shows, one per period: planned, or actual/forecast. */
static const OutlayDecimal *
row_values (OutlayPeriodsPage *self, GObject *item)
{
  OutlayPhasingGrid *g = self->grid;
  guint n = g->periods->n, s;

  if (OUTLAY_IS_LINE (item))
    {
      int r = outlay_phasing_grid_row_of (g, OUTLAY_LINE (item));

      if (r < 0)
        return NULL;
      return self->forecast ? &OUTLAY_GRID_AT (g, forecast, r, 0)
                            : &OUTLAY_GRID_AT (g, planned, r, 0);
    }
  if (OUTLAY_IS_SECTION (item))
    {
      if (!outlay_document_find_section (self->document, OUTLAY_SECTION (item), &s)
          || s >= g->n_sections)
        return NULL;
      return self->forecast ? &g->section_forecast[(gsize) s * n]
                            : &g->section_planned[(gsize) s * n];
    }
  return self->forecast ? g->total_forecast : g->total_planned;
}

static OutlayDecimal
row_estimate (OutlayPeriodsPage *self, GObject *item)
{
  if (OUTLAY_IS_LINE (item))
    return outlay_line_get_estimate (OUTLAY_LINE (item));
  if (OUTLAY_IS_SECTION (item))
    {
      OutlayDecimal sum = 0;
      OutlaySection *section = OUTLAY_SECTION (item);

      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        sum += outlay_line_get_estimate (outlay_section_get_line (section, l));
      return sum;
    }
  {
    OutlayDecimal sum = 0;

    for (guint s = 0; s < outlay_document_get_n_sections (self->document); s++)
      sum += row_estimate (self, G_OBJECT (outlay_document_get_section (self->document, s)));
    return sum;
  }
}

static char *
money (OutlayPeriodsPage *self, OutlayDecimal v)
{
  return outlay_currency_format_amount (v, currency (self));
}

static const char *
method_title (OutlayForecastMethod method)
{
  switch (method)
    {
      case OUTLAY_FORECAST_METHOD_RUN_RATE:
        return _("run rate");
      case OUTLAY_FORECAST_METHOD_COMMITMENTS:
        return _("commitments");
      case OUTLAY_FORECAST_METHOD_REMAINING:
      default:
        return _("remaining");
    }
}

static char *
cell_text (OutlayPeriodsPage *self, GObject *item, guint col, const char **warning)
{
  const OutlayDecimal *v;
  OutlayDecimal sum = 0;
  guint n = n_periods (self);

  *warning = NULL;
  if (col == 0)
    return g_strdup (OUTLAY_IS_LINE (item)      ? outlay_line_get_code (OUTLAY_LINE (item))
                     : OUTLAY_IS_SECTION (item) ? outlay_section_get_code (OUTLAY_SECTION (item))
                                                : "");
  if (col == 1 && OUTLAY_IS_SECTION (item) && self->forecast)
    return g_strdup_printf (
        "%s · %s", outlay_section_get_name (OUTLAY_SECTION (item)),
        method_title (outlay_document_get_forecast_method (self->document, OUTLAY_SECTION (item))));
  if (col == 1)
    return g_strdup (OUTLAY_IS_LINE (item)      ? outlay_line_get_description (OUTLAY_LINE (item))
                     : OUTLAY_IS_SECTION (item) ? outlay_section_get_name (OUTLAY_SECTION (item))
                                                : _("Total"));
  if ((v = row_values (self, item)) == NULL)
    return g_strdup ("");
  /* a line's empty periods stay blank, as in a spreadsheet */
  if (col < total_column (self))
    return OUTLAY_IS_LINE (item) && v[col - OUTLAY_PERIODS_FIRST_PERIOD] == 0
               ? g_strdup ("")
               : money (self, v[col - OUTLAY_PERIODS_FIRST_PERIOD]);
  for (guint p = 0; p < n; p++)
    sum += v[p];
  if (col == total_column (self))
    return money (self, sum);
  /* Difference: the estimate the periods do not hold (Plan), or what the
   * forecast leaves of it (Forecast) */
  sum = row_estimate (self, item) - sum;
  if (sum < 0 && self->forecast)
    *warning = _("The forecast is over the estimate");
  else if (sum != 0 && !self->forecast)
    *warning = _("The periods do not add up to the estimate");
  return sum == 0 && !self->forecast ? g_strdup ("") : money (self, sum);
}

static void
update_cell (OutlayPeriodsPage *self, OutlaySheetCell *cell, GObject *item)
{
  guint col = outlay_sheet_cell_get_column (cell);
  const char *warning;
  g_autofree char *text = NULL;
  gboolean frozen;

  if (self->grid == NULL || col >= self->n_columns)
    return;
  text = cell_text (self, item, col, &warning);
  frozen = self->forecast && col >= OUTLAY_PERIODS_FIRST_PERIOD && col < total_column (self)
           && col - OUTLAY_PERIODS_FIRST_PERIOD < self->grid->closed;
  outlay_sheet_cell_set_state (cell, !OUTLAY_IS_LINE (item), FALSE,
                               frozen ? _("A closed period: what was spent") : NULL);
  if (frozen)
    gtk_widget_add_css_class (GTK_WIDGET (cell), "frozen");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (cell), "frozen");
  /* a figure too wide for its column shows ###, never cut short */
  outlay_sheet_cell_set_figure (cell, text, col < OUTLAY_PERIODS_FIRST_PERIOD ? 0 : 12);
  outlay_sheet_cell_set_warning (cell, warning);
}

OutlaySheetCell **
outlay_periods_page_item_cells (GObject *item)
{
  return g_object_get_data (item, CELLS_KEY);
}

void
outlay_periods_page_update_row (OutlayPeriodsPage *self, GObject *item)
{
  OutlaySheetCell **cells = outlay_periods_page_item_cells (item);

  for (guint c = 0; cells != NULL && c < self->n_columns; c++)
    if (cells[c] != NULL)
      update_cell (self, cells[c], item);
}

/* After @line changed: its row, its section's and the budget's. */
void
outlay_periods_page_update_totals (OutlayPeriodsPage *self, OutlayLine *line)
{
  outlay_periods_page_update_row (self, G_OBJECT (line));
  outlay_periods_page_update_row (self, G_OBJECT (outlay_line_get_section (line)));
  outlay_periods_page_update_row (self, G_OBJECT (self->document));
}

static void
refresh_cells (OutlayPeriodsPage *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    outlay_periods_page_update_row (self, item);
}

/* ---- the column view ---- */

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  guint col = GPOINTER_TO_UINT (data);
  GtkWidget *cell = outlay_sheet_cell_new (col, col < OUTLAY_PERIODS_FIRST_PERIOD ? 0.0f : 1.0f);

  outlay_sheet_cell_set_list_item (OUTLAY_SHEET_CELL (cell), item);
  gtk_list_item_set_child (item, cell);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, OutlayPeriodsPage *self)
{
  OutlaySheetCell *cell = OUTLAY_SHEET_CELL (gtk_list_item_get_child (item));
  GObject *row = gtk_list_item_get_item (item);
  OutlaySheetCell **cells = outlay_periods_page_item_cells (row);
  guint col = outlay_sheet_cell_get_column (cell);

  if (col >= self->n_columns)
    return;
  if (cells == NULL)
    {
      cells = g_new0 (OutlaySheetCell *, self->n_columns);
      g_object_set_data_full (row, CELLS_KEY, cells, g_free);
      g_hash_table_add (self->bound, row);
    }
  cells[col] = cell;
  update_cell (self, cell, row);
}

static void
unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, OutlayPeriodsPage *self)
{
  OutlaySheetCell *cell = OUTLAY_SHEET_CELL (gtk_list_item_get_child (item));
  GObject *row = gtk_list_item_get_item (item);
  OutlaySheetCell **cells = outlay_periods_page_item_cells (row);
  guint col = outlay_sheet_cell_get_column (cell);
  gboolean any = FALSE;

  g_free (outlay_sheet_cell_stop_editing (cell));
  if (cells == NULL || col >= self->n_columns)
    return;
  cells[col] = NULL;
  for (guint c = 0; c < self->n_columns; c++)
    any |= cells[c] != NULL;
  if (!any)
    {
      g_object_set_data (row, CELLS_KEY, NULL);
      g_hash_table_remove (self->bound, row);
    }
}

static void
add_column (OutlayPeriodsPage *self, guint c, const char *title, int width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GUINT_TO_POINTER (c));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  column = gtk_column_view_column_new (title, factory);
  /* fixed widths: otherwise every bound cell is measured on each resize */
  gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
clear_bound (OutlayPeriodsPage *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    g_object_set_data (item, CELLS_KEY, NULL);
  g_hash_table_remove_all (self->bound);
}

/* A new column view for this many periods: its columns are fixed. */
static void
build_columns (OutlayPeriodsPage *self)
{
  GtkNoSelection *selection;
  guint n = n_periods (self);

  if (self->column_view != NULL && self->n_columns == n + OUTLAY_PERIODS_FIRST_PERIOD + 2)
    return;
  gtk_scrolled_window_set_child (self->scrolled, NULL);
  clear_bound (self);
  self->n_columns = n + OUTLAY_PERIODS_FIRST_PERIOD + 2;
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (selection)));
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "budget-sheet");
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "periods-grid");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Budget lines by period"), -1);
  add_column (self, 0, _("Code"), 70);
  add_column (self, 1, _("Description"), 240);
  for (guint p = 0; p < n; p++)
    add_column (self, OUTLAY_PERIODS_FIRST_PERIOD + p, self->grid->periods->names[p], 100);
  add_column (self, total_column (self), _("Total"), 110);
  add_column (self, total_column (self) + 1, _("Difference"), 100);
  gtk_scrolled_window_set_child (self->scrolled, GTK_WIDGET (self->column_view));
}

/* Closed periods are marked in their titles, so the freeze line shows. */
static void
update_titles (OutlayPeriodsPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  for (guint p = 0; p < n_periods (self); p++)
    {
      g_autoptr(GtkColumnViewColumn)
                     column = g_list_model_get_item (columns, OUTLAY_PERIODS_FIRST_PERIOD + p);
      g_autofree char *title = NULL;

      if (self->forecast && p < self->grid->closed)
        /* Translators: a closed period's column title, "2025-03 ✓" */
        title = g_strdup_printf (_("%s ✓"), self->grid->periods->names[p]);
      else
        title = g_strdup (self->grid->periods->names[p]);
      gtk_column_view_column_set_title (column, title);
    }
  {
    g_autoptr(GtkColumnViewColumn) total = g_list_model_get_item (columns, total_column (self));
    g_autoptr(GtkColumnViewColumn) diff = g_list_model_get_item (columns, total_column (self) + 1);

    gtk_column_view_column_set_title (total, self->forecast ? _("At Completion") : _("Total"));
    gtk_column_view_column_set_title (diff, self->forecast ? _("Left") : _("Difference"));
  }
}

static void
rebuild_rows (OutlayPeriodsPage *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  for (guint s = 0; s < outlay_document_get_n_sections (self->document); s++)
    {
      OutlaySection *section = outlay_document_get_section (self->document, s);

      g_ptr_array_add (items, section);
      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        g_ptr_array_add (items, outlay_section_get_line (section, l));
    }
  g_ptr_array_add (items, self->document);
  clear_bound (self);
  /* one items-changed for the whole budget */
  g_list_store_splice (self->rows, 0, old, items->pdata, items->len);
}

static void
update_summary (OutlayPeriodsPage *self)
{
  guint closed = self->grid->closed;
  g_autofree char *text = NULL;

  if (closed == 0)
    text = g_strdup (_("No period closed yet"));
  else
    text = g_strdup_printf (_("Closed up to %s"), self->grid->periods->names[closed - 1]);
  gtk_label_set_text (self->summary, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "periods.close-period",
                                 closed < n_periods (self)
                                     && !outlay_document_get_read_only (self->document));
  if (!self->forecast || closed == 0)
    {
      g_autofree char *total = money (self, row_estimate (self, G_OBJECT (self->document)));

      gtk_label_set_text (self->footer, "");
      if (!self->forecast)
        {
          OutlayDecimal undated = 0;
          g_autofree char *t = NULL;

          for (guint r = 0; r < self->grid->n_rows; r++)
            undated += self->grid->undated[r];
          t = g_strdup_printf (_("%u lines over %u periods · estimate %s %s · type in a period to "
                                 "change a line’s phasing"),
                                  self->grid->n_rows, n_periods (self), currency (self), total);
          /* spending no period holds is said, not lost */
          if (undated != 0)
            {
              g_autofree char *u = money (self, undated);
              g_autofree char *more = g_strdup_printf (
                  _("%s · %s %s spent has no date in the fiscal year (give the lines a date or "
                    "period)"),
                     t, currency (self), u);

              g_free (t);
              t = g_steal_pointer (&more);
            }
          gtk_label_set_text (self->footer, t);
        }
      return;
    }
  {
    OutlayForecastAccuracy a;
    g_autofree char *f = NULL;
    g_autofree char *act = NULL;
    g_autofree char *t = NULL;

    outlay_rolling_forecast_accuracy (self->grid, self->document, NULL, closed - 1, &a);
    if (!a.has_forecast)
      {
        gtk_label_set_text (self->footer, "");
        return;
      }
    f = money (self, a.forecast);
    act = money (self, a.actual);
    if (a.has_percent)
      {
        g_autofree char *pct = outlay_decimal_to_string (a.error_percent, 1);

        t = g_strdup_printf (_("Forecast accuracy for %s: forecast %s when the period before "
                               "closed, actual %s (%s%%)"),
                                self->grid->periods->names[closed - 1], f, act, pct);
      }
    else
      t = g_strdup_printf (_("Forecast accuracy for %s: forecast %s, actual %s"),
                              self->grid->periods->names[closed - 1], f, act);
    gtk_label_set_text (self->footer, t);
  }
}

static void
refresh (OutlayDocumentPage *page)
{
  OutlayPeriodsPage *self = OUTLAY_PERIODS_PAGE (page);
  g_autoptr(GError) error = NULL;
  guint old_n = n_periods (self);
  gboolean same_rows = self->grid != NULL
                       && self->grid->n_rows == outlay_document_get_n_lines (self->document)
                       && self->grid->n_sections == outlay_document_get_n_sections (self->document);

  self->document = outlay_document_page_get_document (page);
  if (self->document == NULL)
    return;
  /* a typed period (or its undo) is on screen already: the command
   * changed that line's phasing and nothing else */
  if (self->phasing_only && !self->forecast && self->grid != NULL)
    {
      self->phasing_only = FALSE;
      return;
    }
  self->phasing_only = FALSE;
  g_clear_pointer (&self->grid, outlay_phasing_grid_free);
  self->grid = outlay_phasing_grid_new (self->document, &error);
  if (self->grid == NULL)
    {
      adw_status_page_set_description (self->no_year, error->message);
      gtk_stack_set_visible_child_name (self->body, "no-year");
      gtk_label_set_text (self->footer, "");
      gtk_label_set_text (self->summary, "");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "periods.close-period", FALSE);
      return;
    }
  /* the forecast only when it is shown: Plan opens faster without it */
  self->grid->closed = outlay_document_get_closed_periods (self->document);
  if (self->forecast)
    outlay_rolling_forecast_compute (self->grid, self->document, self->grid->closed, NULL);
  gtk_stack_set_visible_child_name (self->body, "grid");
  /* without a notify loop: the same value is no change */
  gtk_drop_down_set_selected (
      self->kind_dropdown,
      outlay_document_get_period_settings (self->document)->kind == OUTLAY_PERIOD_KIND_QUARTER ? 1
                                                                                               : 0);
  build_columns (self);
  update_titles (self);
  /* a value edit keeps the rows (and the focus); a new or deleted line or
   * section lays them out again */
  if (!same_rows || old_n != n_periods (self)
      || g_list_model_get_n_items (G_LIST_MODEL (self->rows)) == 0)
    rebuild_rows (self);
  else
    refresh_cells (self);
  update_summary (self);
}

/* ---- following the document ---- */

static void
phasing_changed_cb (OutlayDocument *doc, OutlayLine *line, OutlayPeriodsPage *self)
{
  if (self->grid == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  /* the line's row and the sums, now; the forecast follows on refresh */
  if (outlay_phasing_grid_update_line (self->grid, doc, line))
    {
      self->phasing_only = TRUE;
      outlay_periods_page_update_totals (self, line);
    }
}

/* Months to quarters, a forecast method, a closed period: lay it all out
 * again, even when phasing changed in the same command. */
static void
periods_changed_cb (OutlayDocument *doc, OutlayPeriodsPage *self)
{
  self->phasing_only = FALSE;
  outlay_document_page_queue_refresh (OUTLAY_DOCUMENT_PAGE (self));
}

static void
document_set (OutlayDocumentPage *page, OutlayDocument *old)
{
  OutlayPeriodsPage *self = OUTLAY_PERIODS_PAGE (page);
  OutlayDocument *doc = outlay_document_page_get_document (page);

  g_clear_pointer (&self->grid, outlay_phasing_grid_free);
  clear_bound (self);
  g_list_store_remove_all (self->rows);
  self->document = doc;
  if (doc != NULL)
    {
      /* the base refreshes the page after every command */
      g_signal_connect (doc, "phasing-changed", G_CALLBACK (phasing_changed_cb), self);
      g_signal_connect (doc, "periods-changed", G_CALLBACK (periods_changed_cb), self);
    }
  OUTLAY_DOCUMENT_PAGE_CLASS (outlay_periods_page_parent_class)->document_set (page, old);
}

static void
mode_changed_cb (OutlayPeriodsPage *self)
{
  self->forecast = gtk_toggle_button_get_active (self->forecast_button);
  if (self->grid == NULL)
    return;
  outlay_rolling_forecast_compute (self->grid, self->document,
                                   outlay_document_get_closed_periods (self->document), NULL);
  update_titles (self);
  refresh_cells (self);
  update_summary (self);
}

/* ---- for the editing half ---- */

void
outlay_periods_page_message (OutlayPeriodsPage *self, const char *text)
{
  g_signal_emit (self, signals[MESSAGE], 0, text);
}

OutlaySheetCell *
outlay_periods_page_focused_cell (OutlayPeriodsPage *self, gboolean *editing)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *w = root != NULL ? gtk_root_get_focus (root) : NULL;

  *editing = FALSE;
  for (; w != NULL; w = gtk_widget_get_parent (w))
    {
      if (OUTLAY_IS_SHEET_CELL (w))
        return OUTLAY_SHEET_CELL (w);
      if (GTK_IS_TEXT (w))
        *editing = TRUE;
      if (w == GTK_WIDGET (self))
        break;
    }
  return NULL;
}

guint
outlay_periods_page_cell_row (OutlaySheetCell *cell)
{
  return gtk_list_item_get_position (outlay_sheet_cell_get_list_item (cell));
}

GObject *
outlay_periods_page_cell_item (OutlaySheetCell *cell)
{
  return gtk_list_item_get_item (outlay_sheet_cell_get_list_item (cell));
}

gboolean
outlay_periods_page_is_editable (OutlayPeriodsPage *self, GObject *item, guint column)
{
  return !self->forecast && OUTLAY_IS_LINE (item) && column >= OUTLAY_PERIODS_FIRST_PERIOD
         && column < total_column (self);
}

/* The text an editor starts with: plain digits, as the sheet's. */
char *
outlay_periods_page_edit_text (OutlayPeriodsPage *self, GObject *item, guint column)
{
  const OutlayDecimal *v = row_values (self, item);

  if (v == NULL)
    return g_strdup ("");
  return outlay_currency_format_plain (v[column - OUTLAY_PERIODS_FIRST_PERIOD], currency (self));
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_VIEW (c))
      return c;
  return NULL;
}

/* Keeps the focused cell in view sideways: GTK 4.8 does not. */
static void
scroll_to_cell (OutlayPeriodsPage *self, GtkWidget *cell)
{
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->column_view));
  graphene_rect_t bounds;
  double page, value;

  if (h == NULL || !gtk_widget_compute_bounds (cell, GTK_WIDGET (self->column_view), &bounds))
    return;
  page = gtk_adjustment_get_page_size (h);
  value = gtk_adjustment_get_value (h);
  if (bounds.origin.x < 0)
    gtk_adjustment_set_value (h, value + bounds.origin.x);
  else if (bounds.origin.x + bounds.size.width > page)
    gtk_adjustment_set_value (h, value + bounds.origin.x + bounds.size.width - page);
}

/**
 * outlay_periods_page_focus_cell:
 * @self: the page
 * @row: a row of outlay_periods_page_get_rows()
 * @column: 0 code, 1 description, then the periods, Total, Difference
 *
 * Returns: %TRUE if the cell exists and has the focus
 */
gboolean
outlay_periods_page_focus_cell (OutlayPeriodsPage *self, guint row, guint column)
{
  g_autoptr(GObject) item = NULL;
  OutlaySheetCell **cells;

  g_return_val_if_fail (OUTLAY_IS_PERIODS_PAGE (self), FALSE);
  if (self->column_view == NULL || row >= g_list_model_get_n_items (G_LIST_MODEL (self->rows))
      || column >= self->n_columns)
    return FALSE;
  item = g_list_model_get_item (G_LIST_MODEL (self->rows), row);
  cells = outlay_periods_page_item_cells (item);
  if (cells == NULL || cells[column] == NULL)
    {
      /* bind the row first: scroll-to-item creates its widgets at once */
      GtkWidget *list = find_list_view (GTK_WIDGET (self->column_view));

      if (list != NULL)
        gtk_widget_activate_action (list, "list.scroll-to-item", "u", row);
      cells = outlay_periods_page_item_cells (item);
    }
  if (cells == NULL || cells[column] == NULL)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (cells[column]));
  scroll_to_cell (self, GTK_WIDGET (cells[column]));
  return TRUE;
}

/**
 * outlay_periods_page_get_rows:
 * @self: the page
 *
 * Returns: (transfer none): its rows: sections, lines and the budget
 */
GListModel *
outlay_periods_page_get_rows (OutlayPeriodsPage *self)
{
  g_return_val_if_fail (OUTLAY_IS_PERIODS_PAGE (self), NULL);
  return G_LIST_MODEL (self->rows);
}

/**
 * outlay_periods_page_get_cell_text:
 * @self: the page
 * @row: a row
 * @column: a column
 *
 * Returns: (transfer full): what the cell shows
 */
char *
outlay_periods_page_get_cell_text (OutlayPeriodsPage *self, guint row, guint column)
{
  g_autoptr(GObject) item = NULL;
  const char *warning;

  g_return_val_if_fail (OUTLAY_IS_PERIODS_PAGE (self), NULL);
  if (self->grid == NULL || row >= g_list_model_get_n_items (G_LIST_MODEL (self->rows))
      || column >= self->n_columns)
    return NULL;
  item = g_list_model_get_item (G_LIST_MODEL (self->rows), row);
  return cell_text (self, item, column, &warning);
}

void
outlay_periods_page_set_forecast (OutlayPeriodsPage *self, gboolean forecast)
{
  g_return_if_fail (OUTLAY_IS_PERIODS_PAGE (self));
  gtk_toggle_button_set_active (self->forecast_button, forecast);
}

/* ---- GObject ---- */

static void
outlay_periods_page_dispose (GObject *object)
{
  OutlayPeriodsPage *self = OUTLAY_PERIODS_PAGE (object);

  if (self->bound != NULL)
    clear_bound (self);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_PERIODS_PAGE);
  G_OBJECT_CLASS (outlay_periods_page_parent_class)->dispose (object);
}

static void
outlay_periods_page_finalize (GObject *object)
{
  OutlayPeriodsPage *self = OUTLAY_PERIODS_PAGE (object);

  g_clear_pointer (&self->grid, outlay_phasing_grid_free);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_object (&self->rows);
  G_OBJECT_CLASS (outlay_periods_page_parent_class)->finalize (object);
}

static void
outlay_periods_page_class_init (OutlayPeriodsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OutlayDocumentPageClass *page_class = OUTLAY_DOCUMENT_PAGE_CLASS (klass);

  object_class->dispose = outlay_periods_page_dispose;
  object_class->finalize = outlay_periods_page_finalize;
  page_class->refresh = refresh;
  page_class->document_set = document_set;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/outlay/Outlay/ui/outlay-periods-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayPeriodsPage, body);
  gtk_widget_class_bind_template_child (widget_class, OutlayPeriodsPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, OutlayPeriodsPage, footer);
  gtk_widget_class_bind_template_child (widget_class, OutlayPeriodsPage, summary);
  gtk_widget_class_bind_template_child (widget_class, OutlayPeriodsPage, forecast_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayPeriodsPage, no_year);
  gtk_widget_class_bind_template_child (widget_class, OutlayPeriodsPage, kind_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, mode_changed_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "kind_changed_cb",
                                                G_CALLBACK (outlay_periods_page_kind_changed_cb));
  gtk_widget_class_install_action (widget_class, "periods.spread-evenly", NULL,
                                   outlay_periods_page_spread_evenly_action);
  gtk_widget_class_install_action (widget_class, "periods.spread-percent", NULL,
                                   outlay_periods_page_spread_percent_action);
  gtk_widget_class_install_action (widget_class, "periods.follow-actuals", NULL,
                                   outlay_periods_page_follow_actuals_action);
  gtk_widget_class_install_action (widget_class, "periods.section-method", "s",
                                   outlay_periods_page_section_method_action);
  gtk_widget_class_install_action (widget_class, "periods.close-period", NULL,
                                   outlay_periods_page_close_period_action);
  /**
   * OutlayPeriodsPage::message:
   * @text: what to tell the user (why an edit was refused)
   */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
outlay_periods_page_init (OutlayPeriodsPage *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_list_store_new (G_TYPE_OBJECT);
  self->bound = g_hash_table_new (NULL, NULL);
  /* the keys and clicks of the sheet, before the column view's own */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (outlay_periods_page_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scrolled), keys);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (outlay_periods_page_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scrolled), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
outlay_periods_page_new (void)
{
  return g_object_new (OUTLAY_TYPE_PERIODS_PAGE, NULL);
}

/**
 * outlay_periods_page_set_store:
 * @self: a periods page
 * @store: (nullable): where the budgets to follow come from; without one
 *   the page asks the application for its store
 */
void
outlay_periods_page_set_store (OutlayPeriodsPage *self, OutlayStore *store)
{
  g_return_if_fail (OUTLAY_IS_PERIODS_PAGE (self));
  g_set_object (&self->store, store);
}

OutlayStore *
outlay_periods_page_get_store (OutlayPeriodsPage *self)
{
  GApplication *app = g_application_get_default ();

  g_return_val_if_fail (OUTLAY_IS_PERIODS_PAGE (self), NULL);
  if (self->store == NULL && OUTLAY_IS_APPLICATION (app))
    return outlay_application_get_store (OUTLAY_APPLICATION (app));
  return self->store;
}
