/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-sheet-view"

/* The sheet's line commands as widget actions (sheet.cut, sheet.copy,
 * sheet.paste, sheet.insert-copied, sheet.insert-line, sheet.delete-line),
 * shared by the right-click menu and the keyboard shortcuts. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-sheet-view-private.h"

typedef struct
{
  const char *action;
  guint keyval;
  GdkModifierType mods;
} Shortcut;

/* a menu shows an action's last shortcut: the usual one goes last */
static const Shortcut shortcuts[] = {
  { "sheet.cut", GDK_KEY_x, GDK_CONTROL_MASK },
  { "sheet.copy", GDK_KEY_c, GDK_CONTROL_MASK },
  { "sheet.paste", GDK_KEY_v, GDK_CONTROL_MASK },
  { "sheet.insert-copied", GDK_KEY_KP_Add, GDK_CONTROL_MASK },
  { "sheet.insert-copied", GDK_KEY_plus, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
  { "sheet.insert-copied", GDK_KEY_v, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
  { "sheet.insert-line", GDK_KEY_KP_Enter, GDK_CONTROL_MASK },
  { "sheet.insert-line", GDK_KEY_Return, GDK_CONTROL_MASK },
  { "sheet.delete-line", GDK_KEY_KP_Subtract, GDK_CONTROL_MASK },
  { "sheet.delete-line", GDK_KEY_minus, GDK_CONTROL_MASK },
};

/**
 * outlay_sheet_view_action_cell:
 * @self: the sheet
 *
 * Returns: (nullable): the cell an action works on: the focused one, or
 *   the one the menu was opened on while the menu has the focus
 */
OutlaySheetCell *
outlay_sheet_view_action_cell (OutlaySheetView *self)
{
  gboolean editing;
  OutlaySheetCell *cell = outlay_sheet_view_focused_cell (self, &editing);

  if (cell == NULL && self->menu_cell != NULL && gtk_widget_get_mapped (self->menu_cell))
    cell = OUTLAY_SHEET_CELL (self->menu_cell);
  return cell;
}

static void
clipboard_action (GtkWidget *widget, const char *name, GVariant *param)
{
  OutlaySheetView *self = OUTLAY_SHEET_VIEW (widget);

  if (g_str_equal (name, "sheet.copy"))
    outlay_sheet_view_copy (self);
  else if (g_str_equal (name, "sheet.cut"))
    outlay_sheet_view_cut (self);
  else
    outlay_sheet_view_paste (self, g_str_equal (name, "sheet.insert-copied"));
}

static void
line_action (GtkWidget *widget, const char *name, GVariant *param)
{
  OutlaySheetView *self = OUTLAY_SHEET_VIEW (widget);
  OutlaySheetCell *cell = outlay_sheet_view_action_cell (self);

  if (cell == NULL || self->document == NULL)
    return;
  if (g_str_equal (name, "sheet.insert-line"))
    outlay_sheet_view_insert_line (self, cell);
  else
    outlay_sheet_view_delete_line (self, cell);
}

void
outlay_sheet_view_init_actions (OutlaySheetViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "sheet.cut", NULL, clipboard_action);
  gtk_widget_class_install_action (widget_class, "sheet.copy", NULL, clipboard_action);
  gtk_widget_class_install_action (widget_class, "sheet.paste", NULL, clipboard_action);
  gtk_widget_class_install_action (widget_class, "sheet.insert-copied", NULL, clipboard_action);
  gtk_widget_class_install_action (widget_class, "sheet.insert-line", NULL, line_action);
  gtk_widget_class_install_action (widget_class, "sheet.delete-line", NULL, line_action);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_widget_class_add_binding_action (widget_class, shortcuts[i].keyval, shortcuts[i].mods,
                                         shortcuts[i].action, NULL);
}

/**
 * outlay_sheet_view_action_key:
 * @self: the sheet
 * @keyval: a key pressed on a cell
 * @state: its modifiers
 *
 * The cells' capture-phase key handler sees keys before the column view's
 * own bindings; this runs the sheet action bound to the key, so the key
 * and the menu do the same thing.
 *
 * Returns: %TRUE if the key was a sheet action's
 */
gboolean
outlay_sheet_view_action_key (OutlaySheetView *self, guint keyval, GdkModifierType state)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK);

  keyval = gdk_keyval_to_lower (keyval);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    if (shortcuts[i].keyval == keyval && shortcuts[i].mods == mods)
      return gtk_widget_activate_action (GTK_WIDGET (self), shortcuts[i].action, NULL);
  return FALSE;
}

static void
right_click_cb (GtkGestureClick *gesture, int n_press, double x, double y, OutlaySheetView *self)
{
  GtkWidget *view = GTK_WIDGET (self->column_view);
  GtkWidget *target = gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT);
  graphene_point_t at;

  for (; target != NULL && !OUTLAY_IS_SHEET_CELL (target); target = gtk_widget_get_parent (target))
    ;
  if (target == NULL || self->document == NULL)
    return;
  /* a right-click outside the selection moves to the cell clicked */
  if (!gtk_widget_has_css_class (target, "selected"))
    {
      outlay_sheet_view_clear_selection (self);
      gtk_widget_grab_focus (target);
    }
  g_set_weak_pointer (&self->menu_cell, target);
  if (!gtk_widget_compute_point (view, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &at))
    return;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu),
                               &(GdkRectangle){ (int) at.x, (int) at.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static GMenuModel *
menu_model (void)
{
  GMenu *menu = g_menu_new ();
  GMenu *clip = g_menu_new ();
  GMenu *lines = g_menu_new ();

  g_menu_append (clip, _("Cu_t"), "sheet.cut");
  g_menu_append (clip, _("_Copy"), "sheet.copy");
  g_menu_append (clip, _("_Paste"), "sheet.paste");
  g_menu_append (clip, _("Insert Copied _Lines"), "sheet.insert-copied");
  g_menu_append (lines, _("_Insert Line"), "sheet.insert-line");
  g_menu_append (lines, _("_Delete Line"), "sheet.delete-line");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (clip));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (lines));
  g_object_unref (clip);
  g_object_unref (lines);
  return G_MENU_MODEL (menu);
}

/**
 * outlay_sheet_view_init_menu:
 * @self: the sheet
 *
 * Adds the right-click menu (made up front: GTK 4.8 sizes a popover menu
 * made on first use too short once).
 */
void
outlay_sheet_view_init_menu (OutlaySheetView *self)
{
  g_autoptr(GMenuModel) model = menu_model ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->menu = gtk_popover_menu_new_from_model (model);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (right_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));
}

/**
 * outlay_sheet_view_get_menu:
 * @self: the sheet
 *
 * Returns: (transfer none): the right-click menu
 */
GtkWidget *
outlay_sheet_view_get_menu (OutlaySheetView *self)
{
  g_return_val_if_fail (OUTLAY_IS_SHEET_VIEW (self), NULL);
  return self->menu;
}
