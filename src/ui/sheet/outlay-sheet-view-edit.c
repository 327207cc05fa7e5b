/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-sheet-view"

/* The sheet's keyboard and mouse: moving between cells, editing, and the
 * line and section commands (insert, delete, move, fold, add). */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-sheet-view-private.h"

static void
move (OutlaySheetView *self, OutlaySheetCell *cell, int drow, int dcol)
{
  int n_rows = (int) g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  int row = (int) outlay_sheet_view_cell_row (cell) + drow;
  int col = (int) outlay_sheet_cell_get_column (cell);

  /* step over hidden columns, wrapping to the next or previous row */
  for (guint tries = 0; dcol != 0 && tries < OUTLAY_SHEET_N_COLUMNS; tries++)
    {
      col += dcol;
      if (col < 0)
        {
          col = OUTLAY_SHEET_N_COLUMNS - 1;
          row--;
        }
      else if (col >= OUTLAY_SHEET_N_COLUMNS)
        {
          col = 0;
          row++;
        }
      if (outlay_sheet_view_column_visible (self, (guint) col))
        break;
    }
  row = CLAMP (row, 0, n_rows - 1);
  outlay_sheet_view_focus_cell (self, (guint) row, (guint) col);
}

/* One past @code's trailing number ("1.9" → "1.10"). */
static char *
bump_code (const char *code)
{
  gsize len = strlen (code), i = len;

  while (i > 0 && g_ascii_isdigit (code[i - 1]))
    i--;
  if (i == len)
    return g_strconcat (code, "1", NULL);
  return g_strdup_printf ("%.*s%" G_GUINT64_FORMAT, (int) i, code,
                          g_ascii_strtoull (code + i, NULL, 10) + 1);
}

/* The section's next code no other line of the budget uses. */
static char *
next_free_code (OutlaySheetView *self, OutlaySection *section)
{
  g_autofree char *code = outlay_section_next_line_code (section);

  for (guint tries = 0; tries < 1000 && outlay_document_lookup_line (self->document, code) != NULL;
       tries++)
    {
      char *next = bump_code (code);

      g_free (code);
      code = next;
    }
  return g_steal_pointer (&code);
}

void
outlay_sheet_view_insert_line (OutlaySheetView *self, OutlaySheetCell *cell)
{
  GObject *item = outlay_sheet_view_cell_item (cell);
  OutlaySection *section;
  g_autoptr(GError) error = NULL;
  OutlayLine *line;
  guint index = 0;

  if (OUTLAY_IS_LINE (item))
    {
      section = outlay_line_get_section (OUTLAY_LINE (item));
      outlay_section_find_line (section, OUTLAY_LINE (item), &index);
      index++;
    }
  else
    section = OUTLAY_SECTION (item);
  if (g_hash_table_remove (self->collapsed, section))
    outlay_sheet_view_rebuild (self);
  {
    g_autofree char *code = next_free_code (self, section);
    g_autoptr(OutlayLine) fresh = outlay_line_new_with_code (code);

    line = outlay_document_insert_line (self->document, section, index, fresh, &error);
  }
  if (line == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (cell));
      outlay_sheet_view_message (self, error->message);
      return;
    }
  outlay_sheet_view_focus_cell (self, outlay_sheet_view_row_of (self, line), OUTLAY_SHEET_COLUMN_DESCRIPTION);
}

void
outlay_sheet_view_delete_line (OutlaySheetView *self, OutlaySheetCell *cell)
{
  GObject *item = outlay_sheet_view_cell_item (cell);
  g_autoptr(GError) error = NULL;
  OutlayLine *line;
  guint row = outlay_sheet_view_cell_row (cell), col = outlay_sheet_cell_get_column (cell);

  if (!OUTLAY_IS_LINE (item))
    {
      gtk_widget_error_bell (GTK_WIDGET (cell));
      return;
    }
  line = OUTLAY_LINE (item);
  if (!outlay_document_delete_lines (self->document, &line, 1, &error))
    {
      gtk_widget_error_bell (GTK_WIDGET (cell));
      outlay_sheet_view_message (self, error->message);
      return;
    }
  outlay_sheet_view_focus_cell (self, MIN (row, g_list_model_get_n_items (G_LIST_MODEL (self->rows)) - 1),
                                col);
}

static void
move_section (OutlaySheetView *self, OutlaySheetCell *cell, int delta)
{
  OutlaySection *section = OUTLAY_SECTION (outlay_sheet_view_cell_item (cell));
  g_autoptr(GError) error = NULL;
  guint index, col = outlay_sheet_cell_get_column (cell);

  if (outlay_sheet_view_is_derived (self))
    {
      /* the order on screen is not the budget's while sorted or searching */
      gtk_widget_error_bell (GTK_WIDGET (cell));
      outlay_sheet_view_message (self, _("Show the sheet in budget order (Columns menu) and close "
                                         "the search to move lines and sections"));
      return;
    }
  outlay_document_find_section (self->document, section, &index);
  if ((delta < 0 && index == 0)
      || (delta > 0 && index + 1 >= outlay_document_get_n_sections (self->document)))
    {
      gtk_widget_error_bell (GTK_WIDGET (cell));
      return;
    }
  if (!outlay_document_move_section (self->document, section, index + delta, &error))
    {
      outlay_sheet_view_message (self, error->message);
      return;
    }
  outlay_sheet_view_focus_cell (self, outlay_sheet_view_row_of (self, section), col);
}

static void
move_line (OutlaySheetView *self, OutlaySheetCell *cell, int delta)
{
  GObject *item = outlay_sheet_view_cell_item (cell);
  g_autoptr(GError) error = NULL;
  OutlaySection *section;
  guint index, col = outlay_sheet_cell_get_column (cell);
  OutlayLine *line;

  if (outlay_sheet_view_is_derived (self))
    {
      /* the order on screen is not the budget's while sorted or searching */
      gtk_widget_error_bell (GTK_WIDGET (cell));
      outlay_sheet_view_message (self, _("Show the sheet in budget order (Columns menu) and close "
                                         "the search to move lines and sections"));
      return;
    }
  if (OUTLAY_IS_SECTION (item))
    {
      move_section (self, cell, delta);
      return;
    }
  line = OUTLAY_LINE (item);
  section = outlay_line_get_section (line);
  outlay_section_find_line (section, line, &index);
  if ((delta < 0 && index == 0) || (delta > 0 && index + 1 >= outlay_section_get_n_lines (section)))
    {
      gtk_widget_error_bell (GTK_WIDGET (cell));
      return;
    }
  if (!outlay_document_move_line (self->document, line, section, index + delta, &error))
    {
      outlay_sheet_view_message (self, error->message);
      return;
    }
  outlay_sheet_view_focus_cell (self, outlay_sheet_view_row_of (self, line), col);
}

static void
toggle_section (OutlaySheetView *self, OutlaySheetCell *cell)
{
  GObject *item = outlay_sheet_view_cell_item (cell);
  OutlaySection *section = OUTLAY_IS_SECTION (item) ? OUTLAY_SECTION (item)
                                                    : outlay_line_get_section (OUTLAY_LINE (item));
  guint col = outlay_sheet_cell_get_column (cell);

  if (!g_hash_table_remove (self->collapsed, section))
    g_hash_table_add (self->collapsed, section);
  outlay_sheet_view_rebuild (self);
  outlay_sheet_view_focus_cell (self, outlay_sheet_view_row_of (self, section), col);
}

static gboolean
editing_key (OutlaySheetView *self, OutlaySheetCell *cell, guint keyval, GdkModifierType state)
{
  switch (keyval)
    {
    case GDK_KEY_Escape:
      outlay_sheet_view_finish_editing (self, cell, FALSE);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (outlay_sheet_view_finish_editing (self, cell, TRUE))
        move (self, cell, (state & GDK_SHIFT_MASK) ? -1 : 1, 0);
      return TRUE;
    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (outlay_sheet_view_finish_editing (self, cell, TRUE))
        move (self, cell, 0, keyval == GDK_KEY_Tab && !(state & GDK_SHIFT_MASK) ? 1 : -1);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_Down:
      if (outlay_sheet_view_finish_editing (self, cell, TRUE))
        move (self, cell, keyval == GDK_KEY_Up ? -1 : 1, 0);
      return TRUE;
    default:
      return FALSE; /* the GtkText handles it: Left/Right move the caret */
    }
}

/* Shift+arrows grow a rectangular selection from where it started. */
static gboolean
selection_key (OutlaySheetView *self, OutlaySheetCell *cell, guint keyval)
{
  int n_rows = (int) g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  int row = (int) outlay_sheet_view_cell_row (cell), col = (int) outlay_sheet_cell_get_column (cell);

  switch (keyval)
    {
    case GDK_KEY_Up: row--; break;
    case GDK_KEY_Down: row++; break;
    case GDK_KEY_Left: col--; break;
    case GDK_KEY_Right: col++; break;
    default: return FALSE;
    }
  row = CLAMP (row, 0, n_rows - 1);
  col = CLAMP (col, 0, OUTLAY_SHEET_N_COLUMNS - 1);
  outlay_sheet_view_select_to (self, cell, (guint) row, (guint) col);
  outlay_sheet_view_focus_cell (self, (guint) row, (guint) col);
  return TRUE;
}

static gboolean
navigation_key (OutlaySheetView *self, OutlaySheetCell *cell, guint keyval, GdkModifierType state)
{
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;
  gboolean alt = (state & GDK_ALT_MASK) != 0;
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  if ((state & GDK_SHIFT_MASK) && !ctrl && !alt && selection_key (self, cell, keyval))
    return TRUE;
  /* the keys of the sheet's actions, the ones its menu offers */
  if (outlay_sheet_view_action_key (self, keyval, state))
    return TRUE;
  if (keyval != GDK_KEY_Shift_L && keyval != GDK_KEY_Shift_R && keyval != GDK_KEY_Control_L
      && keyval != GDK_KEY_Control_R)
    outlay_sheet_view_clear_selection (self);

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_Down:
      if (alt)
        move_line (self, cell, keyval == GDK_KEY_Up ? -1 : 1);
      else
        move (self, cell, keyval == GDK_KEY_Up ? -1 : 1, 0);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Right:
      move (self, cell, 0, keyval == GDK_KEY_Left ? -1 : 1);
      return TRUE;
    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
      move (self, cell, 0, keyval == GDK_KEY_Tab && !(state & GDK_SHIFT_MASK) ? 1 : -1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (alt)
        return FALSE; /* Alt+Enter: budget properties */
      if (ctrl)
        outlay_sheet_view_insert_line (self, cell);
      else
        move (self, cell, (state & GDK_SHIFT_MASK) ? -1 : 1, 0);
      return TRUE;
    case GDK_KEY_F2:
      outlay_sheet_view_start_editing (self, cell, FALSE);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_End:
      outlay_sheet_view_focus_cell (self, ctrl ? (keyval == GDK_KEY_Home ? 0 : n_rows - 1)
                                               : outlay_sheet_view_cell_row (cell),
                                    keyval == GDK_KEY_Home ? 0 : OUTLAY_SHEET_N_COLUMNS - 1);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      if (!ctrl)
        return FALSE;
      outlay_sheet_view_delete_line (self, cell);
      return TRUE;
    case GDK_KEY_space:
      if (!OUTLAY_IS_SECTION (outlay_sheet_view_cell_item (cell)) || ctrl)
        return FALSE;
      toggle_section (self, cell);
      return TRUE;
    case GDK_KEY_Delete:
    case GDK_KEY_BackSpace:
      if (ctrl || !outlay_sheet_view_is_editable (outlay_sheet_view_cell_item (cell), outlay_sheet_cell_get_column (cell)))
        return FALSE;
      outlay_sheet_view_start_editing (self, cell, TRUE);
      outlay_sheet_view_finish_editing (self, cell, TRUE);
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
outlay_sheet_view_key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                OutlaySheetView       *self)
{
  gboolean editing;
  OutlaySheetCell *cell = outlay_sheet_view_focused_cell (self, &editing);
  gunichar ch;

  if (cell == NULL || self->document == NULL)
    return FALSE;
  if (editing)
    return editing_key (self, cell, keyval, state);
  if (navigation_key (self, cell, keyval, state))
    return TRUE;
  /* typing on a cell starts editing it with what was typed */
  ch = gdk_keyval_to_unicode (keyval);
  if (ch != 0 && g_unichar_isprint (ch) && !(state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    {
      outlay_sheet_view_start_editing (self, cell, TRUE);
      if (outlay_sheet_cell_is_editing (cell))
        {
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

          return gtk_event_controller_key_forward (controller, GTK_WIDGET (gtk_root_get_focus (root)));
        }
      return TRUE;
    }
  return FALSE;
}

void
outlay_sheet_view_click_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, OutlaySheetView *self)
{
  GtkWidget *target;
  int edge = n_press == 2 ? outlay_sheet_view_header_edge (self, x, y) : -1;

  if (edge >= 0)
    {
      /* a double-click on a header's edge fits the column, as in a spreadsheet */
      outlay_sheet_view_fit_column (self, (guint) edge);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }
  target = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);
  for (; target != NULL && !OUTLAY_IS_SHEET_CELL (target); target = gtk_widget_get_parent (target))
    if (GTK_IS_TEXT (target))
      return; /* clicks inside the editor place the caret */
  if (target == NULL)
    return;
  gtk_widget_grab_focus (target);
  if (n_press == 2)
    outlay_sheet_view_start_editing (self, OUTLAY_SHEET_CELL (target), FALSE);
  /* the code cell is also the drag handle: leave it the press; the row's
   * own click would focus column 0, which is that cell anyway */
  if (outlay_sheet_cell_get_column (OUTLAY_SHEET_CELL (target)) != OUTLAY_SHEET_COLUMN_CODE)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/**
 * outlay_sheet_view_add_section:
 * @self: the sheet
 *
 * Adds a section after the one holding the focused cell (or at the end)
 * and starts editing its name.
 */
void
outlay_sheet_view_add_section (OutlaySheetView *self)
{
  gboolean editing;
  OutlaySheetCell *cell;
  OutlaySection *after = NULL, *added;
  g_autoptr(GError) error = NULL;
  guint index;

  g_return_if_fail (OUTLAY_IS_SHEET_VIEW (self));
  if (self->document == NULL)
    return;
  cell = outlay_sheet_view_focused_cell (self, &editing);
  if (cell != NULL)
    {
      GObject *item = outlay_sheet_view_cell_item (cell);

      after = OUTLAY_IS_SECTION (item) ? OUTLAY_SECTION (item)
                                       : outlay_line_get_section (OUTLAY_LINE (item));
    }
  if (after == NULL || !outlay_document_find_section (self->document, after, &index))
    index = outlay_document_get_n_sections (self->document);
  else
    index++;
  added = outlay_document_add_section (self->document, index, "", _("New section"), &error);
  if (added == NULL)
    {
      outlay_sheet_view_message (self, error->message);
      return;
    }
  if (outlay_sheet_view_focus_cell (self, outlay_sheet_view_row_of (self, added), OUTLAY_SHEET_COLUMN_DESCRIPTION))
    {
      cell = outlay_sheet_view_focused_cell (self, &editing);
      if (cell != NULL)
        outlay_sheet_view_start_editing (self, cell, FALSE);
    }
}
