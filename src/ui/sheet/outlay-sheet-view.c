/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-sheet-view"

/* The budget sheet: a GtkColumnView over a flat list of section and line
 * objects (see ../shared/notes/columnview-on-gtk-4.8.md for why flat).
 * Value edits never touch the list model: each bound row keeps its cells
 * in a side table on the item, and a notify on the line or section
 * updates just those cells, so an edit never rebinds a row or loses focus.
 * One capture-phase key controller moves between cells and edits. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-currency.h"
#include "outlay-sheet-view-private.h"
#include "outlay-spend-badge.h"

#define CELLS_KEY "outlay-sheet-cells"


enum {
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OutlaySheetView, outlay_sheet_view, OUTLAY_TYPE_DOCUMENT_PAGE)

typedef struct
{
  const char *title;
  int         width;
  float       xalign;
  int         field; /* OutlayLineField, or -1 when computed */
} Column;

static const Column columns[OUTLAY_SHEET_N_COLUMNS] = {
  [OUTLAY_SHEET_COLUMN_CODE] = {
      N_("Code"), 70, 0, OUTLAY_LINE_CODE },
      [OUTLAY_SHEET_COLUMN_DESCRIPTION] = {
          N_("Description"), 280, 0, OUTLAY_LINE_DESCRIPTION },
          [OUTLAY_SHEET_COLUMN_QUANTITY] = {
              N_("Qty"), 60, 1, OUTLAY_LINE_QUANTITY },
              [OUTLAY_SHEET_COLUMN_UNIT] = {
                  N_("Unit"), 70, 0, OUTLAY_LINE_UNIT },
                  [OUTLAY_SHEET_COLUMN_MULTIPLIER] = {
                      N_("Days"), 60, 1, OUTLAY_LINE_MULTIPLIER },
                      [OUTLAY_SHEET_COLUMN_RATE] = {
                          N_("Rate"), 100, 1, OUTLAY_LINE_RATE },
                          [OUTLAY_SHEET_COLUMN_ESTIMATE] = {
                              N_("Estimate"), 120, 1, OUTLAY_LINE_ESTIMATE },
                              [OUTLAY_SHEET_COLUMN_ACTUAL] = {
                                  N_("Actual"), 120, 1, OUTLAY_LINE_ACTUAL },
                                  [OUTLAY_SHEET_COLUMN_VARIANCE] = {
                                      N_("Variance"), 130, 1, -1 },
                                      [OUTLAY_SHEET_COLUMN_VARIANCE_PERCENT] = {
                                          N_("Var. %"), 84, 1, -1 },
                                          [OUTLAY_SHEET_COLUMN_COMMITTED] = {
                                              N_("Committed"), 110, 1, OUTLAY_LINE_COMMITTED },
                                              [OUTLAY_SHEET_COLUMN_RESERVED] = {
                                                  N_("Reserved"), 110, 1, OUTLAY_LINE_RESERVED },
                                                  [OUTLAY_SHEET_COLUMN_AVAILABLE] = {
                                                      N_("Available"), 120, 1, -1 },
                                                      [OUTLAY_SHEET_COLUMN_NOTES] = {
                                                          N_("Notes"), 200, 0, OUTLAY_LINE_NOTES },
                                                          [OUTLAY_SHEET_COLUMN_VENDOR] = {
                                                              N_("Vendor"),
                                                                  140,
                                                                  0,
                                                                  OUTLAY_LINE_VENDOR },
                                                              [OUTLAY_SHEET_COLUMN_ASSIGNEE] = {
                                                                  N_("Assignee"),
                                                                      130,
                                                                      0,
                                                                      OUTLAY_LINE_ASSIGNEE },
                                                                  [OUTLAY_SHEET_COLUMN_DATE] = {
                                                                      N_("Date"),
                                                                          100,
                                                                          0,
                                                                          OUTLAY_LINE_DATE },
                                                                      [OUTLAY_SHEET_COLUMN_PERIOD] = { N_("Period"),
                                                                                                           100,
                                                                                                           0,
                                                                                                           OUTLAY_LINE_PERIOD },
                                                                      };

void
outlay_sheet_view_message (OutlaySheetView *self,
                           const char      *text)
{
  g_signal_emit (self, signals[MESSAGE], 0, text);
}


int
outlay_sheet_column_field (guint column)
{
  return columns[column].field;
}

int
outlay_sheet_column_default_width (guint column)
{
  return columns[column].width;
}

static const char *
currency (OutlaySheetView *self)
{
  return outlay_budget_get_currency (outlay_document_get_budget (self->document));
}

/* ---- formatting ---- */

static char *
format_quantity (OutlayDecimal value)
{
  g_autofree char *plain = outlay_decimal_to_string_trim (value);
  const char *point = strchr (plain, '.');

  return outlay_decimal_format_locale (value, point != NULL ? (guint) strlen (point + 1) : 0);
}

static char *
format_percent (OutlayDecimal part, OutlayDecimal whole)
{
  OutlayDecimal pct;
  g_autofree char *number = NULL;

  if (!outlay_decimal_as_percent (part, whole, &pct))
    return g_strdup ("");
  number = outlay_decimal_format_locale (pct, 1);
  return g_strdup_printf ("%s%%", number);
}

/* The text of a line's cell; *warning is set for an over-budget variance. */
static char *
line_text (OutlaySheetView *self, OutlayLine *line, guint col, const char **warning)
{
  OutlayDecimal variance = outlay_line_get_variance (line);
  int field = columns[col].field;

  *warning = NULL;
  if (col == OUTLAY_SHEET_COLUMN_VARIANCE || col == OUTLAY_SHEET_COLUMN_VARIANCE_PERCENT)
    {
      if (variance < 0)
        *warning = _("Over budget");
      if (col == OUTLAY_SHEET_COLUMN_VARIANCE)
        return outlay_currency_format_amount (variance, currency (self));
      return format_percent (variance, outlay_line_get_estimate (line));
    }
  if (col == OUTLAY_SHEET_COLUMN_AVAILABLE)
    {
      if (outlay_line_get_available (line) < 0)
        *warning = _("Spent, committed and reserved go past the estimate");
      return outlay_currency_format_amount (outlay_line_get_available (line), currency (self));
    }
  if (!outlay_line_field_is_decimal (field))
    return g_strdup (outlay_line_get_text (line, field));
  if (field == OUTLAY_LINE_QUANTITY || field == OUTLAY_LINE_MULTIPLIER)
    return format_quantity (outlay_line_get_decimal (line, field));
  /* what the line has cost: typed, plus the tasks that charge it */
  if (field == OUTLAY_LINE_ACTUAL)
    return outlay_currency_format_amount (outlay_line_get_total_actual (line), currency (self));
  return outlay_currency_format_amount (outlay_line_get_decimal (line, field), currency (self));
}

/* The actual cell's tooltip when tasks add to what was typed (the cell
 * keeps the pointer: a constant string). */
static const char *
actual_tooltip (OutlayLine *line)
{
  if (outlay_line_get_task_actual (line) == 0)
    return NULL;
  return _("What was typed plus the actual cost of the tasks that charge this line; editing "
           "changes the typed part");
}

static char *
section_text (OutlaySheetView *self, OutlaySection *section, guint col, const char **warning)
{
  const OutlayTotals *t = outlay_section_get_totals (section);
  OutlayDecimal variance = outlay_totals_get_variance (t);

  *warning = NULL;
  switch (col)
    {
    case OUTLAY_SHEET_COLUMN_CODE:
      /* a folded section says so (Space unfolds it) */
      return g_strdup_printf ("%s %s", g_hash_table_contains (self->collapsed, section) ? "▸" : "▾",
                              outlay_section_get_code (section));
    case OUTLAY_SHEET_COLUMN_DESCRIPTION:
      return g_strdup (outlay_section_get_name (section));
    case OUTLAY_SHEET_COLUMN_RATE:
      /* the section's fringe (P&W), editable here */
      if (outlay_section_get_fringe (section) == 0)
        return g_strdup ("");
      {
        g_autofree char *pct = format_quantity (outlay_section_get_fringe (section));

        /* Translators: a section's fringe in the sheet, "P&W 28%" */
        return g_strdup_printf (_("P&W %s%%"), pct);
      }
    case OUTLAY_SHEET_COLUMN_ESTIMATE:
      return outlay_currency_format_amount (t->estimate, currency (self));
    case OUTLAY_SHEET_COLUMN_ACTUAL:
      return outlay_currency_format_amount (t->actual, currency (self));
    case OUTLAY_SHEET_COLUMN_COMMITTED:
      return outlay_currency_format_amount (t->committed, currency (self));
    case OUTLAY_SHEET_COLUMN_RESERVED:
      return outlay_currency_format_amount (t->reserved, currency (self));
    case OUTLAY_SHEET_COLUMN_AVAILABLE:
      {
        OutlayDecimal available;

        g_object_get (section, "available", &available, NULL);
        if (available < 0)
          *warning = _("Section over budget");
        return outlay_currency_format_amount (available, currency (self));
      }
    case OUTLAY_SHEET_COLUMN_VARIANCE:
    case OUTLAY_SHEET_COLUMN_VARIANCE_PERCENT:
      if (variance < 0)
        *warning = _("Section over budget");
      if (col == OUTLAY_SHEET_COLUMN_VARIANCE)
        return outlay_currency_format_amount (variance, currency (self));
      return format_percent (variance, t->estimate);
    default:
      return g_strdup ("");
    }
}

static void describe (OutlaySheetView *self, OutlaySheetCell *cell);

static void
update_cell (OutlaySheetView *self, OutlaySheetCell *cell, GObject *item)
{
  guint col = outlay_sheet_cell_get_column (cell);
  const char *warning = NULL;
  g_autofree char *text = NULL;

  if (outlay_sheet_cell_is_editing (cell))
    return;
  if (OUTLAY_IS_LINE (item))
    {
      gboolean overridden = col == OUTLAY_SHEET_COLUMN_ESTIMATE
                            && outlay_line_get_estimate_overridden (OUTLAY_LINE (item));
      /* amounts that commitments hold are marked as such */
      guint held = (col == OUTLAY_SHEET_COLUMN_ACTUAL || col == OUTLAY_SHEET_COLUMN_COMMITTED
                    || col == OUTLAY_SHEET_COLUMN_RESERVED)
                       ? outlay_document_count_line_commitments (self->document, OUTLAY_LINE (item))
                       : 0;
      /* and the actual that tasks add to */
      const char *tasks_tip = col == OUTLAY_SHEET_COLUMN_ACTUAL
                                  ? actual_tooltip (OUTLAY_LINE (item))
                                  : NULL;

      text = line_text (self, OUTLAY_LINE (item), col, &warning);
      outlay_sheet_cell_set_state (cell, FALSE, overridden || held > 0,
                                   overridden ? outlay_sheet_view_overridden_tip (self)
                                   : held > 0 ? outlay_sheet_view_held_tip (held)
                                              : tasks_tip);
    }
  else
    {
      text = section_text (self, OUTLAY_SECTION (item), col, &warning);
      outlay_sheet_cell_set_state (cell, TRUE, FALSE, NULL);
    }
  outlay_sheet_cell_set_figure (cell, text, outlay_sheet_view_figure_chars (self, col));
  outlay_sheet_cell_set_warning (cell, warning);
  /* the focused cell keeps saying where it is with its new value */
  if (GTK_WIDGET (cell) == self->described)
    describe (self, cell);
}

OutlaySheetCell **
outlay_sheet_view_item_cells (GObject *item)
{
  return g_object_get_data (item, CELLS_KEY);
}


static void
item_notify_cb (GObject *item, GParamSpec *pspec, OutlaySheetView *self)
{
  OutlaySheetCell **cells = outlay_sheet_view_item_cells (item);

  for (guint c = 0; cells != NULL && c < OUTLAY_SHEET_N_COLUMNS; c++)
    if (cells[c] != NULL)
      update_cell (self, cells[c], item);
}

/* Redraws every cell on screen (a column's width changed). */
void
outlay_sheet_view_refresh_cells (OutlaySheetView *self)
{
  GHashTableIter iter;
  gpointer item;

  if (self->bound == NULL)
    return;
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    item_notify_cb (item, NULL, self);
}

/* ---- the flat model ---- */

static guint
header_position (OutlaySheetView *self, OutlaySection *section)
{
  guint pos = 0;

  for (guint s = 0; s < outlay_document_get_n_sections (self->document); s++)
    {
      OutlaySection *other = outlay_document_get_section (self->document, s);

      if (other == section)
        return pos;
      pos += 1;
      if (!g_hash_table_contains (self->collapsed, other))
        pos += outlay_section_get_n_lines (other);
    }
  g_return_val_if_reached (pos);
}

/* Whether the rows are filtered or sorted, so they no longer follow the
 * document's order one to one. */
gboolean
outlay_sheet_view_is_derived (OutlaySheetView *self)
{
  return (self->filter != NULL && *self->filter != '\0')
         || gtk_sorter_get_order (gtk_column_view_get_sorter (self->column_view)) != GTK_SORTER_ORDER_NONE;
}

static int
compare_lines (gconstpointer a, gconstpointer b, gpointer sorter)
{
  return gtk_sorter_compare (sorter, *(gpointer *) a, *(gpointer *) b);
}

/* Sections with their lines: the matching ones when searching (a section
 * with no hit is hidden), sorted within each section when a column header
 * was clicked. */
void
outlay_sheet_view_rebuild (OutlaySheetView *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  gboolean sorted = gtk_sorter_get_order (sorter) != GTK_SORTER_ORDER_NONE;
  guint n_matching = 0;

  for (guint s = 0; self->document != NULL && s < outlay_document_get_n_sections (self->document); s++)
    {
      OutlaySection *section = outlay_document_get_section (self->document, s);
      g_autoptr(GPtrArray) lines = g_ptr_array_new ();
      gboolean whole = outlay_sheet_view_section_matches (self, section);

      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        if (whole || outlay_sheet_view_line_matches (self, outlay_section_get_line (section, l)))
          g_ptr_array_add (lines, outlay_section_get_line (section, l));
      n_matching += lines->len;
      if (lines->len == 0 && !whole && self->filter != NULL)
        continue;
      g_ptr_array_add (items, section);
      if (g_hash_table_contains (self->collapsed, section))
        continue;
      if (sorted)
        g_ptr_array_sort_with_data (lines, compare_lines, sorter);
      g_ptr_array_extend (items, lines, NULL, NULL);
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
  outlay_sheet_view_show_matches (self, n_matching, items->len > 0);
}

/* Where @item is shown, or G_MAXUINT. */
guint
outlay_sheet_view_row_of (OutlaySheetView *self, gpointer item)
{
  guint pos;

  return g_list_store_find (self->rows, item, &pos) ? pos : G_MAXUINT;
}

static void
lines_changed_cb (OutlaySheetView *self, OutlaySection *section, guint position, guint removed,
                  guint added)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  guint at;

  if (g_hash_table_contains (self->collapsed, section))
    return;
  if (outlay_sheet_view_is_derived (self))
    {
      outlay_sheet_view_rebuild (self);
      return;
    }
  at = header_position (self, section) + 1 + position;
  for (guint i = 0; i < added; i++)
    g_ptr_array_add (items, outlay_section_get_line (section, position + i));
  g_list_store_splice (self->rows, at, removed, items->pdata, items->len);
}

/* The page's refresh: the footer follows every change while on screen. */
static void
update_totals (OutlayDocumentPage *page)
{
  OutlaySheetView *self = OUTLAY_SHEET_VIEW (page);
  const OutlayTotals *t;
  g_autofree char *est = NULL, *act = NULL, *var = NULL, *text = NULL;

  if (self->document == NULL)
    return;
  t = outlay_document_get_totals (self->document);
  est = outlay_currency_format (t->estimate, currency (self));
  act = outlay_currency_format (t->actual, currency (self));
  var = outlay_currency_format (outlay_totals_get_variance (t), currency (self));
  /* Translators: the sheet's footer */
  text = g_strdup_printf (_("%u lines · Estimate %s · Actual %s · Variance %s"),
                          outlay_document_get_n_lines (self->document), est, act, var);
  gtk_label_set_text (self->totals_label, text);
  outlay_spend_badge_show_document (self->spend_badge, self->document);
  outlay_sheet_view_update_multiplier_title (self);
}

/* ---- factories ---- */

/* ---- drag to reorder: lines are dragged by their code cell ---- */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source, double x, double y, OutlaySheetCell *cell)
{
  GObject *item = outlay_sheet_view_cell_item (cell);

  if (!OUTLAY_IS_LINE (item))
    return NULL;
  return gdk_content_provider_new_typed (OUTLAY_TYPE_LINE, item);
}

/* Dropped on a line: the dragged line takes its place; on a section
 * header: it goes first in that section. */
static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, OutlaySheetCell *cell)
{
  OutlaySheetView *self = OUTLAY_SHEET_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (cell),
                                                                      OUTLAY_TYPE_SHEET_VIEW));
  OutlayLine *line = g_value_get_object (value);
  GObject *onto = outlay_sheet_view_cell_item (cell);
  g_autoptr(GError) error = NULL;
  OutlaySection *section;
  guint index = 0;

  if (self == NULL || self->document == NULL || line == NULL || onto == NULL
      || (GObject *) line == onto)
    return FALSE;
  if (outlay_sheet_view_is_derived (self))
    {
      outlay_sheet_view_message (self, _("Show the sheet in budget order (Columns menu) and close "
                                         "the search to move lines"));
      return FALSE;
    }
  if (OUTLAY_IS_LINE (onto))
    {
      section = outlay_line_get_section (OUTLAY_LINE (onto));
      outlay_section_find_line (section, OUTLAY_LINE (onto), &index);
    }
  else
    section = OUTLAY_SECTION (onto);
  if (!outlay_document_move_line (self->document, line, section, index, &error))
    {
      outlay_sheet_view_message (self, error->message);
      return FALSE;
    }
  return TRUE;
}

/* the tooltip is asked for when shown, not set on each cell */
static gboolean
drag_tooltip_cb (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  gtk_tooltip_set_text (tooltip, _("Drag to move the line"));
  return TRUE;
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  guint col = GPOINTER_TO_UINT (data);
  GtkWidget *cell = outlay_sheet_cell_new (col, columns[col].xalign);
  GtkDropTarget *drop = gtk_drop_target_new (OUTLAY_TYPE_LINE, GDK_ACTION_MOVE);

  /* drawn in the sheet's font: no text widget per cell, so a jump that
   * binds every row again lays out and draws half the widgets */
  outlay_sheet_cell_set_context (OUTLAY_SHEET_CELL (cell),
                                 g_object_get_data (G_OBJECT (factory), "outlay-context"));

  outlay_sheet_cell_set_list_item (OUTLAY_SHEET_CELL (cell), item);
  gtk_list_item_set_child (item, cell);
  gtk_list_item_set_activatable (item, FALSE);
  if (col == OUTLAY_SHEET_COLUMN_CODE)
    {
      GtkDragSource *drag = gtk_drag_source_new ();

      gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
      g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), cell);
      gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (drag));
      gtk_widget_set_has_tooltip (cell, TRUE);
      g_signal_connect (cell, "query-tooltip", G_CALLBACK (drag_tooltip_cb), NULL);
    }
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), cell);
  gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (drop));
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, OutlaySheetView *self)
{
  OutlaySheetCell *cell = OUTLAY_SHEET_CELL (gtk_list_item_get_child (item));
  GObject *row = gtk_list_item_get_item (item);
  OutlaySheetCell **cells = outlay_sheet_view_item_cells (row);
  guint col = outlay_sheet_cell_get_column (cell);

  if (cells == NULL)
    {
      cells = g_new0 (OutlaySheetCell *, OUTLAY_SHEET_N_COLUMNS);
      g_object_set_data_full (row, CELLS_KEY, cells, g_free);
      g_signal_connect (row, "notify", G_CALLBACK (item_notify_cb), self);
      g_hash_table_add (self->bound, row);
    }
  cells[col] = cell;
  update_cell (self, cell, row);
  outlay_sheet_view_style_selection (self, cell);
}

static void
unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, OutlaySheetView *self)
{
  OutlaySheetCell *cell = OUTLAY_SHEET_CELL (gtk_list_item_get_child (item));
  GObject *row = gtk_list_item_get_item (item);
  OutlaySheetCell **cells = outlay_sheet_view_item_cells (row);
  gboolean any = FALSE;

  g_free (outlay_sheet_cell_stop_editing (cell));
  if (cells == NULL)
    return;
  cells[outlay_sheet_cell_get_column (cell)] = NULL;
  for (guint c = 0; c < OUTLAY_SHEET_N_COLUMNS; c++)
    any |= cells[c] != NULL;
  if (!any)
    {
      g_signal_handlers_disconnect_by_func (row, item_notify_cb, self);
      g_object_set_data (row, CELLS_KEY, NULL);
      g_hash_table_remove (self->bound, row);
    }
}

/* ---- moving and editing ---- */

OutlaySheetCell *
outlay_sheet_view_focused_cell (OutlaySheetView *self,
                                gboolean        *editing)
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
scroll_to_cell (OutlaySheetView *self, GtkWidget *cell)
{
  GtkWidget *scrolled = gtk_widget_get_parent (GTK_WIDGET (self->column_view));
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->column_view));
  graphene_rect_t bounds;
  double page, value;

  if (!GTK_IS_SCROLLED_WINDOW (scrolled) || h == NULL
      || !gtk_widget_compute_bounds (cell, GTK_WIDGET (self->column_view), &bounds))
    return;
  page = gtk_adjustment_get_page_size (h);
  value = gtk_adjustment_get_value (h);
  if (bounds.origin.x < 0)
    gtk_adjustment_set_value (h, value + bounds.origin.x);
  else if (bounds.origin.x + bounds.size.width > page)
    gtk_adjustment_set_value (h, value + bounds.origin.x + bounds.size.width - page);
}

/**
 * outlay_sheet_view_focus_cell:
 * @self: the sheet
 * @row: a row of outlay_sheet_view_get_rows()
 * @column: an #OutlaySheetColumn
 *
 * Moves the keyboard focus to a cell, scrolling it into view.
 *
 * Returns: %TRUE if the cell exists and has the focus
 */
gboolean
outlay_sheet_view_focus_cell (OutlaySheetView *self,
                              guint            row,
                              guint            column)
{
  g_autoptr(GObject) item = NULL;
  OutlaySheetCell **cells;

  if (row >= g_list_model_get_n_items (G_LIST_MODEL (self->rows)) || column >= OUTLAY_SHEET_N_COLUMNS)
    return FALSE;
  item = g_list_model_get_item (G_LIST_MODEL (self->rows), row);
  cells = outlay_sheet_view_item_cells (item);
  if (cells == NULL || cells[column] == NULL)
    {
      /* bind the row first: scroll-to-item creates its widgets at once */
      GtkWidget *list = find_list_view (GTK_WIDGET (self->column_view));

      if (list != NULL)
        gtk_widget_activate_action (list, "list.scroll-to-item", "u", row);
      cells = outlay_sheet_view_item_cells (item);
    }
  if (cells == NULL || cells[column] == NULL)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (cells[column]));
  scroll_to_cell (self, GTK_WIDGET (cells[column]));
  return TRUE;
}

guint
outlay_sheet_view_cell_row (OutlaySheetCell *cell)
{
  return gtk_list_item_get_position (outlay_sheet_cell_get_list_item (cell));
}

GObject *
outlay_sheet_view_cell_item (OutlaySheetCell *cell)
{
  return gtk_list_item_get_item (outlay_sheet_cell_get_list_item (cell));
}

gboolean
outlay_sheet_view_is_editable (GObject *item, guint col)
{
  if (OUTLAY_IS_SECTION (item))
    return col == OUTLAY_SHEET_COLUMN_CODE || col == OUTLAY_SHEET_COLUMN_DESCRIPTION
           || col == OUTLAY_SHEET_COLUMN_RATE;
  return columns[col].field >= 0;
}

/* The text an editor starts with: plain digits for numbers, so "1,234.50"
 * is not re-parsed through grouping. */
static char *
edit_text (OutlaySheetView *self, GObject *item, guint col)
{
  int field = columns[col].field;

  if (OUTLAY_IS_SECTION (item) && col == OUTLAY_SHEET_COLUMN_RATE)
    return format_quantity (outlay_section_get_fringe (OUTLAY_SECTION (item)));
  if (OUTLAY_IS_SECTION (item))
    return g_strdup (col == OUTLAY_SHEET_COLUMN_CODE ? outlay_section_get_code (OUTLAY_SECTION (item))
                                                     : outlay_section_get_name (OUTLAY_SECTION (item)));
  if (!outlay_line_field_is_decimal (field))
    return g_strdup (outlay_line_get_text (OUTLAY_LINE (item), field));
  return format_quantity (outlay_line_get_decimal (OUTLAY_LINE (item), field));
}

/**
 * outlay_sheet_view_plain_text:
 * @self: the sheet
 * @item: a section or line
 * @column: a column
 *
 * Returns: (transfer full): the cell as copied to other spreadsheets:
 *   numbers without grouping, so they paste as numbers
 */
char *
outlay_sheet_view_plain_text (OutlaySheetView *self,
                              GObject         *item,
                              guint            column)
{
  const char *warning;

  if (outlay_sheet_view_is_editable (item, column))
    return edit_text (self, item, column);
  if (OUTLAY_IS_SECTION (item))
    return section_text (self, OUTLAY_SECTION (item), column, &warning);
  return line_text (self, OUTLAY_LINE (item), column, &warning);
}

/* "28", "28%" or "28 %" on a section header: its fringe percentage. */
static gboolean
commit_fringe (OutlaySheetView *self, OutlaySection *section, const char *text, GError **error)
{
  g_autofree char *plain = g_strstrip (g_strdup (text));
  gsize len = strlen (plain);
  OutlayDecimal fringe;
  g_autoptr(GError) local = NULL;

  if (len > 0 && plain[len - 1] == '%')
    plain[len - 1] = '\0';
  if (!outlay_decimal_parse_full (plain, -1, outlay_decimal_style_for_locale (), &fringe, NULL,
                                  &local))
    {
      g_set_error (error, local->domain, local->code, _("Fringe: %s"), local->message);
      return FALSE;
    }
  return outlay_document_update_section (self->document, section, outlay_section_get_code (section),
                                         outlay_section_get_name (section), fringe, error);
}

static gboolean
commit_text (OutlaySheetView *self, GObject *item, guint col, const char *text, GError **error)
{
  if (OUTLAY_IS_SECTION (item) && col == OUTLAY_SHEET_COLUMN_RATE)
    return commit_fringe (self, OUTLAY_SECTION (item), text, error);
  if (OUTLAY_IS_SECTION (item))
    {
      OutlaySection *s = OUTLAY_SECTION (item);
      gboolean code = col == OUTLAY_SHEET_COLUMN_CODE;

      return outlay_document_update_section (self->document, s,
                                             code ? text : outlay_section_get_code (s),
                                             code ? outlay_section_get_name (s) : text,
                                             outlay_section_get_fringe (s), error);
    }
  return outlay_document_set_line_text (self->document, OUTLAY_LINE (item), columns[col].field,
                                        text, error);
}

void
outlay_sheet_view_start_editing (OutlaySheetView *self, OutlaySheetCell *cell, gboolean from_typing)
{
  GObject *item = outlay_sheet_view_cell_item (cell);
  g_autofree char *text = NULL;

  if (!outlay_sheet_view_is_editable (item, outlay_sheet_cell_get_column (cell)))
    {
      gtk_widget_error_bell (GTK_WIDGET (cell));
      return;
    }
  if (outlay_document_get_frozen_name (self->document) != NULL)
    {
      g_autofree char *why = g_strdup_printf (_("This is the saved version “%s”. Restore it from "
                                                "Versions… to edit it."),
                                              outlay_document_get_frozen_name (self->document));

      gtk_widget_error_bell (GTK_WIDGET (cell));
      outlay_sheet_view_message (self, why);
      return;
    }
  if (outlay_document_get_read_only (self->document))
    {
      gtk_widget_error_bell (GTK_WIDGET (cell));
      outlay_sheet_view_message (self, _("This budget is locked. Unlock it in Budget Properties "
                                         "(Alt+Enter) to edit it."));
      return;
    }
  text = from_typing ? g_strdup ("") : edit_text (self, item, outlay_sheet_cell_get_column (cell));
  outlay_sheet_cell_start_editing (cell, text);
}

/* Ends editing; on a bad value bells, says why, and keeps the old value. */
gboolean
outlay_sheet_view_finish_editing (OutlaySheetView *self, OutlaySheetCell *cell, gboolean commit)
{
  g_autofree char *text = outlay_sheet_cell_stop_editing (cell);
  g_autoptr(GError) error = NULL;
  GObject *item = outlay_sheet_view_cell_item (cell);

  if (text == NULL || !commit || item == NULL)
    {
      if (item != NULL)
        update_cell (self, cell, item);
      return TRUE;
    }
  if (!commit_text (self, item, outlay_sheet_cell_get_column (cell), text, &error))
    {
      gtk_widget_error_bell (GTK_WIDGET (cell));
      outlay_sheet_view_message (self, error->message);
      update_cell (self, cell, item);
      return FALSE;
    }
  update_cell (self, cell, item);
  return TRUE;
}

/* ---- GObject ---- */

/* The page shows another budget: each opens in its own order, unfiltered. */
static void
document_set (OutlayDocumentPage *page,
              OutlayDocument     *old_document)
{
  OutlaySheetView *self = OUTLAY_SHEET_VIEW (page);
  OutlayDocument *document = outlay_document_page_get_document (page);

  self->document = document;
  if (self->collapsed != NULL)
    g_hash_table_remove_all (self->collapsed);
  if (self->search_bar != NULL)
    {
      g_clear_pointer (&self->filter, g_free);
      g_signal_handlers_block_by_func (self->search_entry, outlay_sheet_view_search_changed_cb,
                                       self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_signal_handlers_unblock_by_func (self->search_entry, outlay_sheet_view_search_changed_cb,
                                         self);
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      g_signal_handlers_block_by_func (gtk_column_view_get_sorter (self->column_view),
                                       outlay_sheet_view_rebuild, self);
      gtk_column_view_sort_by_column (self->column_view, NULL, GTK_SORT_ASCENDING);
      g_signal_handlers_unblock_by_func (gtk_column_view_get_sorter (self->column_view),
                                         outlay_sheet_view_rebuild, self);
    }
  if (document != NULL)
    {
      g_signal_connect_swapped (document, "sections-changed", G_CALLBACK (outlay_sheet_view_rebuild), self);
      g_signal_connect_swapped (document, "lines-changed", G_CALLBACK (lines_changed_cb), self);
    }
  /* another budget opens at its top, not where the last one was left:
   * moved while the old rows are still laid out, which GTK 4.8 needs */
  if (self->rows != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->rows)) > 0)
    {
      GtkWidget *list = find_list_view (GTK_WIDGET (self->column_view));

      if (list != NULL)
        gtk_widget_activate_action (list, "list.scroll-to-item", "u", 0);
      gtk_adjustment_set_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->column_view)),
                                0);
    }
  /* sized, and the budget's columns shown or hidden, before the rows are
   * bound: no figure shows ### needlessly, and the first frame lays the
   * cells out once (showing columns after binding cost a second layout
   * of every row on opening) */
  if (self->rows != NULL)
    outlay_sheet_view_fit_figures (self, FALSE);
  outlay_sheet_view_apply_columns (self);
  if (self->rows != NULL)
    outlay_sheet_view_rebuild (self);
}

static void
outlay_sheet_view_dispose (GObject *object)
{
  OutlaySheetView *self = OUTLAY_SHEET_VIEW (object);

  outlay_sheet_view_set_document (self, NULL);
  g_clear_weak_pointer (&self->menu_cell);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_pointer (&self->collapsed, g_hash_table_unref);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (outlay_sheet_view_parent_class)->dispose (object);
}

static void
outlay_sheet_view_finalize (GObject *object)
{
  OutlaySheetView *self = OUTLAY_SHEET_VIEW (object);

  g_clear_object (&self->rows);
  g_free (self->filter);
  G_OBJECT_CLASS (outlay_sheet_view_parent_class)->finalize (object);
}

/* A screen reader announces the focused cell as "A-3, Rate: 850.00":
 * its line, its column and its whole value (a figure shown as ### too).
 * Only the focused cell carries that label, so binding rows costs
 * nothing more. */
static void
describe (OutlaySheetView *self, OutlaySheetCell *cell)
{
  g_autoptr(GObject) item = NULL;
  g_autofree char *label = NULL;
  GtkColumnViewColumn *column;
  const char *title, *text, *code = NULL;
  guint row, col;

  col = outlay_sheet_cell_get_column (cell);
  column = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), col);
  title = column != NULL ? gtk_column_view_column_get_title (column) : "";
  g_clear_object (&column);
  row = outlay_sheet_view_cell_row (cell);
  if (row < g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
    item = g_list_model_get_item (G_LIST_MODEL (self->rows), row);
  if (item != NULL && OUTLAY_IS_LINE (item) && col != OUTLAY_SHEET_COLUMN_CODE)
    code = outlay_line_get_code (OUTLAY_LINE (item));
  text = outlay_sheet_cell_get_full_text (cell);
  if (text == NULL || *text == '\0')
    /* Translators: a screen reader says this for an empty cell */
    text = _("blank");
  if (code != NULL && *code != '\0')
    /* Translators: a focused cell read aloud: line code, column, value */
    label = g_strdup_printf (_("%s, %s: %s"), code, title, text);
  else
    /* Translators: a focused cell read aloud: column, value */
    label = g_strdup_printf (_("%s: %s"), title, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
focus_widget_cb (GtkRoot *root, GParamSpec *pspec, OutlaySheetView *self)
{
  OutlaySheetCell *cell;
  gboolean editing;

  cell = outlay_sheet_view_focused_cell (self, &editing);
  if (cell == NULL || editing || GTK_WIDGET (cell) == self->described)
    return;
  if (self->described != NULL)
    outlay_sheet_cell_reset_label (OUTLAY_SHEET_CELL (self->described));
  g_set_weak_pointer (&self->described, GTK_WIDGET (cell));
  describe (self, cell);
}

static void
outlay_sheet_view_root (GtkWidget *widget)
{
  OutlaySheetView *self = OUTLAY_SHEET_VIEW (widget);

  GTK_WIDGET_CLASS (outlay_sheet_view_parent_class)->root (widget);
  self->focus_root = gtk_widget_get_root (widget);
  g_signal_connect_object (self->focus_root, "notify::focus-widget", G_CALLBACK (focus_widget_cb),
                           self, 0);
}

static void
outlay_sheet_view_unroot (GtkWidget *widget)
{
  OutlaySheetView *self = OUTLAY_SHEET_VIEW (widget);

  if (self->focus_root != NULL)
    g_signal_handlers_disconnect_by_func (self->focus_root, focus_widget_cb, self);
  self->focus_root = NULL;
  g_clear_weak_pointer (&self->described);
  GTK_WIDGET_CLASS (outlay_sheet_view_parent_class)->unroot (widget);
}

static void
outlay_sheet_view_class_init (OutlaySheetViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_sheet_view_dispose;
  object_class->finalize = outlay_sheet_view_finalize;
  widget_class->root = outlay_sheet_view_root;
  widget_class->unroot = outlay_sheet_view_unroot;
  OUTLAY_DOCUMENT_PAGE_CLASS (klass)->document_set = document_set;
  OUTLAY_DOCUMENT_PAGE_CLASS (klass)->refresh = update_totals;
  outlay_sheet_view_init_actions (klass);

  /**
   * OutlaySheetView::message:
   * @text: what to tell the user (why an edit was refused)
   */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static int
column_compare (gconstpointer a, gconstpointer b, gpointer data)
{
  guint col = GPOINTER_TO_UINT (data);
  int field = columns[col].field;
  OutlayLine *x, *y;

  if (!OUTLAY_IS_LINE ((gpointer) a) || !OUTLAY_IS_LINE ((gpointer) b))
    return GTK_ORDERING_EQUAL;
  x = OUTLAY_LINE ((gpointer) a);
  y = OUTLAY_LINE ((gpointer) b);
  if (col == OUTLAY_SHEET_COLUMN_VARIANCE || col == OUTLAY_SHEET_COLUMN_VARIANCE_PERCENT)
    return gtk_ordering_from_cmpfunc (outlay_decimal_compare (outlay_line_get_variance (x),
                                                              outlay_line_get_variance (y)));
  if (col == OUTLAY_SHEET_COLUMN_AVAILABLE)
    return gtk_ordering_from_cmpfunc (
        outlay_decimal_compare (outlay_line_get_available (x), outlay_line_get_available (y)));
  if (outlay_line_field_is_decimal (field))
    return gtk_ordering_from_cmpfunc (outlay_decimal_compare (outlay_line_get_decimal (x, field),
                                                              outlay_line_get_decimal (y, field)));
  return gtk_ordering_from_cmpfunc (g_utf8_collate (outlay_line_get_text (x, field),
                                                    outlay_line_get_text (y, field)));
}

static void
add_columns (OutlaySheetView *self)
{
  for (guint c = 0; c < OUTLAY_SHEET_N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      GtkCustomSorter *sorter;

      g_object_set_data (G_OBJECT (factory), "outlay-context",
                         gtk_widget_get_pango_context (GTK_WIDGET (self->column_view)));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
      column = gtk_column_view_column_new (g_dgettext (GETTEXT_PACKAGE, columns[c].title), factory);
      /* fixed widths: otherwise every bound cell is measured on each resize */
      gtk_column_view_column_set_fixed_width (column, columns[c].width);
      gtk_column_view_column_set_resizable (column, TRUE);
      /* clicking a header sorts the lines within each section */
      sorter = gtk_custom_sorter_new (column_compare, GUINT_TO_POINTER (c), NULL);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      g_object_unref (sorter);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }
}

static void
outlay_sheet_view_init (OutlaySheetView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *footer;
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkNoSelection *selection;

  self->rows = g_list_store_new (G_TYPE_OBJECT);
  self->collapsed = g_hash_table_new (NULL, NULL);
  self->bound = g_hash_table_new (NULL, NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (selection)));
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "budget-sheet");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Budget lines"), -1);
  add_columns (self);
  outlay_sheet_view_watch_widths (self);
  outlay_sheet_view_init_menu (self);
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (outlay_sheet_view_rebuild), self);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (outlay_sheet_view_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), keys);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (outlay_sheet_view_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  self->totals_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->totals_label, 0);
  gtk_label_set_ellipsize (self->totals_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->totals_label), "numeric");
  gtk_box_append (GTK_BOX (box), outlay_sheet_view_init_search (self));
  self->body = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->body, scrolled, "sheet");
  gtk_stack_add_named (self->body, self->empty_page, "empty");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->body));
  footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (footer, "sheet-footer");
  gtk_widget_set_hexpand (GTK_WIDGET (self->totals_label), TRUE);
  gtk_box_append (GTK_BOX (footer), GTK_WIDGET (self->totals_label));
  self->spend_badge = outlay_spend_badge_new ();
  gtk_box_append (GTK_BOX (footer), self->spend_badge);
  gtk_box_append (GTK_BOX (footer), outlay_sheet_view_columns_button (self));
  gtk_box_append (GTK_BOX (box), footer);
  adw_bin_set_child (ADW_BIN (self), box);
}

/**
 * outlay_sheet_view_set_document:
 * @self: the sheet
 * @document: (nullable): the budget to show and edit
 */
void
outlay_sheet_view_set_document (OutlaySheetView *self,
                                OutlayDocument  *document)
{
  outlay_document_page_set_document (OUTLAY_DOCUMENT_PAGE (self), document);
}

OutlayDocument *
outlay_sheet_view_get_document (OutlaySheetView *self)
{
  g_return_val_if_fail (OUTLAY_IS_SHEET_VIEW (self), NULL);
  return self->document;
}

/**
 * outlay_sheet_view_get_rows:
 * @self: the sheet
 *
 * Returns: (transfer none): the rows shown, sections and lines
 */
GListModel *
outlay_sheet_view_get_rows (OutlaySheetView *self)
{
  g_return_val_if_fail (OUTLAY_IS_SHEET_VIEW (self), NULL);
  return G_LIST_MODEL (self->rows);
}

/**
 * outlay_sheet_view_start_search:
 * @self: the sheet
 *
 * Shows the find bar and focuses it (Ctrl+F).
 */
void
outlay_sheet_view_start_search (OutlaySheetView *self)
{
  g_return_if_fail (OUTLAY_IS_SHEET_VIEW (self));
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (self->search_entry);
}

