/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-cell-keys"

/* The sheet's keyboard for the other tables (tasks, the week grid): cells
 * are OutlaySheetCells, moved between with the arrows, Tab and Enter;
 * typing on a cell edits it with what was typed, F2 or a double-click
 * with its value; Enter, Tab and the arrows keep the edit and move on,
 * Escape drops it.  One key controller and one click gesture on the
 * column view, in the capture phase, and a side table of each bound
 * row's cells (GTK 4.8 has no cell API to find a neighbour). */

#include "config.h"

#include "outlay-cell-keys.h"

struct _OutlayCellKeys
{
  GtkColumnView *view; /* unowned: it owns the controllers that hold us */
  guint n_columns;
  OutlayCellKeysFuncs funcs;
  gpointer data;
  GHashTable *bound; /* row item → OutlaySheetCell *[n_columns] */
  OutlaySheetCell *editing;
  GtkEventController *keys;
  GtkGesture *click;
};

static GListModel *
rows (OutlayCellKeys *self)
{
  return G_LIST_MODEL (gtk_column_view_get_model (self->view));
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
scroll_to_cell (OutlayCellKeys *self, GtkWidget *cell)
{
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->view));
  graphene_rect_t bounds;
  double page, value;

  if (h == NULL || !gtk_widget_compute_bounds (cell, GTK_WIDGET (self->view), &bounds))
    return;
  page = gtk_adjustment_get_page_size (h);
  value = gtk_adjustment_get_value (h);
  if (bounds.origin.x < 0)
    gtk_adjustment_set_value (h, value + bounds.origin.x);
  else if (bounds.origin.x + bounds.size.width > page)
    gtk_adjustment_set_value (h, value + bounds.origin.x + bounds.size.width - page);
}

static guint
cell_position (OutlaySheetCell *cell)
{
  return gtk_list_item_get_position (outlay_sheet_cell_get_list_item (cell));
}

static void
move (OutlayCellKeys *self, OutlaySheetCell *cell, int drow, int dcol)
{
  int n_rows = (int) g_list_model_get_n_items (rows (self));
  int row = (int) cell_position (cell) + drow;
  int col = (int) outlay_sheet_cell_get_column (cell) + dcol;

  /* Tab wraps to the next or previous row */
  if (col < 0)
    col = (int) self->n_columns - 1, row--;
  else if (col >= (int) self->n_columns)
    col = 0, row++;
  if (n_rows == 0)
    return;
  outlay_cell_keys_focus (self, (guint) CLAMP (row, 0, n_rows - 1), (guint) col);
}

static gboolean
editing_key (OutlayCellKeys *self, OutlaySheetCell *cell, guint keyval, GdkModifierType state)
{
  switch (keyval)
    {
      case GDK_KEY_Escape:
        outlay_cell_keys_finish_editing (self, cell, FALSE);
        return TRUE;
      case GDK_KEY_Return:
      case GDK_KEY_KP_Enter:
        if (outlay_cell_keys_finish_editing (self, cell, TRUE))
          move (self, cell, (state & GDK_SHIFT_MASK) ? -1 : 1, 0);
        return TRUE;
      case GDK_KEY_Tab:
      case GDK_KEY_ISO_Left_Tab:
        if (outlay_cell_keys_finish_editing (self, cell, TRUE))
          move (self, cell, 0, keyval == GDK_KEY_Tab && !(state & GDK_SHIFT_MASK) ? 1 : -1);
        return TRUE;
      case GDK_KEY_Up:
      case GDK_KEY_Down:
        if (outlay_cell_keys_finish_editing (self, cell, TRUE))
          move (self, cell, keyval == GDK_KEY_Up ? -1 : 1, 0);
        return TRUE;
      default:
        return FALSE; /* the GtkText's: Left and Right move the caret */
    }
}

static gboolean
navigation_key (OutlayCellKeys *self, OutlaySheetCell *cell, guint keyval, GdkModifierType state)
{
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;
  guint n_rows = g_list_model_get_n_items (rows (self));

  /* Alt+arrows and the like are the page's own shortcuts */
  if (state & GDK_ALT_MASK)
    return FALSE;
  switch (keyval)
    {
      case GDK_KEY_Up:
      case GDK_KEY_Down:
        move (self, cell, keyval == GDK_KEY_Up ? -1 : 1, 0);
        return TRUE;
      case GDK_KEY_Left:
      case GDK_KEY_Right:
        move (self, cell, 0, keyval == GDK_KEY_Left ? -1 : 1);
        return TRUE;
      case GDK_KEY_Tab:
      case GDK_KEY_ISO_Left_Tab:
        if (ctrl)
          return FALSE; /* Ctrl+Tab leaves the table */
        move (self, cell, 0, keyval == GDK_KEY_Tab && !(state & GDK_SHIFT_MASK) ? 1 : -1);
        return TRUE;
      case GDK_KEY_Return:
      case GDK_KEY_KP_Enter:
        if (ctrl)
          return FALSE;
        move (self, cell, (state & GDK_SHIFT_MASK) ? -1 : 1, 0);
        return TRUE;
      case GDK_KEY_F2:
        outlay_cell_keys_start_editing (self, cell, FALSE);
        return TRUE;
      case GDK_KEY_Home:
      case GDK_KEY_End:
        outlay_cell_keys_focus (
            self, ctrl ? (keyval == GDK_KEY_Home ? 0 : MAX (n_rows, 1) - 1) : cell_position (cell),
            keyval == GDK_KEY_Home ? 0 : self->n_columns - 1);
        return TRUE;
      case GDK_KEY_BackSpace:
        /* an empty editor, as spreadsheets do */
        if (ctrl)
          return FALSE;
        outlay_cell_keys_start_editing (self, cell, TRUE);
        return TRUE;
      default:
        return FALSE;
    }
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint keyval,
                guint keycode,
                GdkModifierType state,
                OutlayCellKeys *self)
{
  gboolean editing;
  OutlaySheetCell *cell = outlay_cell_keys_focused (self, &editing);
  gunichar ch;

  if (cell == NULL)
    return FALSE;
  if (editing)
    return editing_key (self, cell, keyval, state);
  if (navigation_key (self, cell, keyval, state))
    return TRUE;
  /* typing on a cell edits it with what was typed */
  ch = gdk_keyval_to_unicode (keyval);
  if (ch != 0 && g_unichar_isprint (ch) && !(state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    {
      if (outlay_cell_keys_start_editing (self, cell, TRUE))
        {
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->view));

          return gtk_event_controller_key_forward (GTK_EVENT_CONTROLLER_KEY (controller),
                                                   GTK_WIDGET (gtk_root_get_focus (root)));
        }
      return TRUE;
    }
  return FALSE;
}

static void
click_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, OutlayCellKeys *self)
{
  GtkWidget *target = gtk_widget_pick (GTK_WIDGET (self->view), x, y, GTK_PICK_DEFAULT);
  OutlaySheetCell *cell;

  /* the pick may stop at the column view's own cell, around ours */
  if (target != NULL && !OUTLAY_IS_SHEET_CELL (target)
      && OUTLAY_IS_SHEET_CELL (gtk_widget_get_first_child (target)))
    target = gtk_widget_get_first_child (target);
  for (; target != NULL && !OUTLAY_IS_SHEET_CELL (target); target = gtk_widget_get_parent (target))
    if (GTK_IS_TEXT (target) || target == GTK_WIDGET (self->view))
      return; /* a click in the editor places the caret; the header sorts */
  if (target == NULL)
    return;
  cell = OUTLAY_SHEET_CELL (target);
  if (self->editing != NULL && self->editing != cell)
    outlay_cell_keys_finish_editing (self, self->editing, TRUE);
  if (outlay_sheet_cell_get_list_item (cell) == NULL)
    return;
  outlay_cell_keys_focus (self, cell_position (cell), outlay_sheet_cell_get_column (cell));
  if (n_press == 2)
    outlay_cell_keys_start_editing (self, cell, FALSE);
  /* the row's own click would focus its first cell */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/**
 * outlay_cell_keys_new:
 * @view: a column view whose cells are #OutlaySheetCells, bound through
 *   outlay_cell_keys_bind() and outlay_cell_keys_unbind()
 * @n_columns: its columns, in the cells' column numbers
 * @funcs: what editing a cell means
 * @data: for @funcs
 *
 * Returns: (transfer full): the keys, to free with outlay_cell_keys_free()
 *   when @view's owner goes
 */
OutlayCellKeys *
outlay_cell_keys_new (GtkColumnView *view,
                      guint n_columns,
                      const OutlayCellKeysFuncs *funcs,
                      gpointer data)
{
  OutlayCellKeys *self = g_new0 (OutlayCellKeys, 1);

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);
  self->view = view;
  self->n_columns = n_columns;
  self->funcs = *funcs;
  self->data = data;
  self->bound = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (self->keys, GTK_PHASE_CAPTURE);
  g_signal_connect (self->keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (view), self->keys);
  self->click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->click),
                                              GTK_PHASE_CAPTURE);
  g_signal_connect (self->click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (self->click));
  return self;
}

void
outlay_cell_keys_free (OutlayCellKeys *self)
{
  if (self == NULL)
    return;
  /* the view may outlive us while its owner is disposed */
  g_signal_handlers_disconnect_by_data (self->keys, self);
  g_signal_handlers_disconnect_by_data (self->click, self);
  g_hash_table_unref (self->bound);
  g_free (self);
}

/**
 * outlay_cell_keys_bind:
 * @self: the keys
 * @cell: a cell, in the factory's "bind"
 * @list_item: its list item
 */
void
outlay_cell_keys_bind (OutlayCellKeys *self, OutlaySheetCell *cell, GtkListItem *list_item)
{
  gpointer item = gtk_list_item_get_item (list_item);
  OutlaySheetCell **cells;

  g_return_if_fail (outlay_sheet_cell_get_column (cell) < self->n_columns);
  outlay_sheet_cell_set_list_item (cell, list_item);
  if ((cells = g_hash_table_lookup (self->bound, item)) == NULL)
    {
      cells = g_new0 (OutlaySheetCell *, self->n_columns);
      g_hash_table_insert (self->bound, item, cells);
    }
  cells[outlay_sheet_cell_get_column (cell)] = cell;
}

/**
 * outlay_cell_keys_unbind:
 * @self: the keys
 * @cell: a cell, in the factory's "unbind"; an edit in it is dropped
 * @list_item: its list item
 */
void
outlay_cell_keys_unbind (OutlayCellKeys *self, OutlaySheetCell *cell, GtkListItem *list_item)
{
  gpointer item = gtk_list_item_get_item (list_item);
  OutlaySheetCell **cells = item != NULL ? g_hash_table_lookup (self->bound, item) : NULL;
  gboolean any = FALSE;

  if (outlay_sheet_cell_is_editing (cell))
    g_free (outlay_sheet_cell_stop_editing (cell));
  if (self->editing == cell)
    self->editing = NULL;
  if (cells == NULL)
    return;
  if (cells[outlay_sheet_cell_get_column (cell)] == cell)
    cells[outlay_sheet_cell_get_column (cell)] = NULL;
  for (guint c = 0; c < self->n_columns; c++)
    any |= cells[c] != NULL;
  if (!any)
    g_hash_table_remove (self->bound, item);
}

/**
 * outlay_cell_keys_get_cell:
 * @self: the keys
 * @item: a row's item
 * @column: a column
 *
 * Returns: (transfer none) (nullable): the cell showing it, when its row
 *   has widgets
 */
OutlaySheetCell *
outlay_cell_keys_get_cell (OutlayCellKeys *self, gpointer item, guint column)
{
  OutlaySheetCell **cells = g_hash_table_lookup (self->bound, item);

  return cells != NULL && column < self->n_columns ? cells[column] : NULL;
}

/**
 * outlay_cell_keys_focus:
 * @self: the keys
 * @position: a row
 * @column: a column
 *
 * Selects the row and moves the keyboard focus to the cell, scrolling it
 * into view.
 *
 * Returns: %TRUE if the cell has the focus
 */
gboolean
outlay_cell_keys_focus (OutlayCellKeys *self, guint position, guint column)
{
  g_autoptr (GObject) item = NULL;
  OutlaySheetCell *cell;

  if (position >= g_list_model_get_n_items (rows (self)) || column >= self->n_columns)
    return FALSE;
  item = g_list_model_get_item (rows (self), position);
  if ((cell = outlay_cell_keys_get_cell (self, item, column)) == NULL)
    {
      /* scroll-to-item binds the row's widgets at once */
      GtkWidget *list = find_list_view (GTK_WIDGET (self->view));

      if (list != NULL)
        gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
      cell = outlay_cell_keys_get_cell (self, item, column);
    }
  if (GTK_IS_SELECTION_MODEL (rows (self)))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (rows (self)), position, TRUE);
  if (cell == NULL)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (cell));
  scroll_to_cell (self, GTK_WIDGET (cell));
  return TRUE;
}

/**
 * outlay_cell_keys_focused:
 * @self: the keys
 * @editing: (out): whether its editor has the focus
 *
 * Returns: (transfer none) (nullable): the cell with the keyboard focus
 */
OutlaySheetCell *
outlay_cell_keys_focused (OutlayCellKeys *self, gboolean *editing)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->view));
  GtkWidget *w = root != NULL ? gtk_root_get_focus (root) : NULL;

  *editing = FALSE;
  for (; w != NULL && w != GTK_WIDGET (self->view); w = gtk_widget_get_parent (w))
    {
      if (OUTLAY_IS_SHEET_CELL (w))
        return outlay_sheet_cell_get_list_item (OUTLAY_SHEET_CELL (w)) != NULL
                   ? OUTLAY_SHEET_CELL (w)
                   : NULL;
      if (GTK_IS_TEXT (w))
        *editing = TRUE;
    }
  return NULL;
}

/**
 * outlay_cell_keys_start_editing:
 * @self: the keys
 * @cell: a bound cell
 * @from_typing: open an empty editor (typing goes into it) rather than
 *   one with the cell's value
 *
 * Returns: %TRUE if the cell is being edited; %FALSE (with a bell) when
 *   it cannot be
 */
gboolean
outlay_cell_keys_start_editing (OutlayCellKeys *self, OutlaySheetCell *cell, gboolean from_typing)
{
  GtkListItem *list_item = outlay_sheet_cell_get_list_item (cell);
  gpointer item = list_item != NULL ? gtk_list_item_get_item (list_item) : NULL;
  g_autofree char *text = NULL;

  if (item == NULL
      || (text = self->funcs.edit_text (item, outlay_sheet_cell_get_column (cell), self->data))
             == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (cell));
      return FALSE;
    }
  if (self->editing != NULL && self->editing != cell)
    outlay_cell_keys_finish_editing (self, self->editing, TRUE);
  outlay_sheet_cell_start_editing (cell, from_typing ? "" : text);
  self->editing = cell;
  return TRUE;
}

/**
 * outlay_cell_keys_finish_editing:
 * @self: the keys
 * @cell: the cell being edited
 * @commit: keep what was typed, rather than drop it
 *
 * Ends editing; a value the table refuses bells, shows why and keeps the
 * old value.
 *
 * Returns: %FALSE if the value was refused
 */
gboolean
outlay_cell_keys_finish_editing (OutlayCellKeys *self, OutlaySheetCell *cell, gboolean commit)
{
  g_autofree char *text = outlay_sheet_cell_stop_editing (cell);
  GtkListItem *list_item = outlay_sheet_cell_get_list_item (cell);
  gpointer item = list_item != NULL ? gtk_list_item_get_item (list_item) : NULL;
  guint column = outlay_sheet_cell_get_column (cell);
  g_autoptr (GError) error = NULL;
  gboolean ok = TRUE;

  if (self->editing == cell)
    self->editing = NULL;
  if (item == NULL)
    return TRUE;
  /* held: a commit may notify the row and update its cells */
  item = g_object_ref (item);
  if (text != NULL && commit
      && !self->funcs.commit (item, gtk_list_item_get_position (list_item), column, text, &error,
                              self->data))
    {
      gtk_widget_error_bell (GTK_WIDGET (cell));
      if (self->funcs.message != NULL && error != NULL)
        self->funcs.message (error->message, self->data);
      ok = FALSE;
    }
  /* the cell may show another row by now */
  if (outlay_sheet_cell_get_list_item (cell) == list_item
      && gtk_list_item_get_item (list_item) == item)
    self->funcs.show (cell, item, column, self->data);
  g_object_unref (item);
  return ok;
}
