/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-periods-page"

/* The Periods page's keyboard and mouse, as the sheet's: arrows, Tab and
 * Enter move; typing, F2 or a double click edits; Enter commits, Escape
 * reverts; Delete clears.  A typed period becomes the line's phasing by
 * amounts (its other periods keep what they showed), one undoable
 * command.  And Close Period…, which keeps the forecast as it stands. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-currency.h"
#include "outlay-periods-page-private.h"

static void
move (OutlayPeriodsPage *self, OutlaySheetCell *cell, int drow, int dcol)
{
  int n_rows = (int) g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  int row = (int) outlay_periods_page_cell_row (cell) + drow;
  int col = (int) outlay_sheet_cell_get_column (cell) + dcol;
  int n_cols = (int) self->n_columns;

  if (col < 0)
    {
      col = n_cols - 1;
      row--;
    }
  else if (col >= n_cols)
    {
      col = 0;
      row++;
    }
  row = CLAMP (row, 0, n_rows - 1);
  outlay_periods_page_focus_cell (self, (guint) row, (guint) col);
}

void
outlay_periods_page_start_editing (OutlayPeriodsPage *self,
                                   OutlaySheetCell *cell,
                                   gboolean from_typing)
{
  GObject *item = outlay_periods_page_cell_item (cell);
  guint col = outlay_sheet_cell_get_column (cell);
  g_autofree char *initial = NULL;

  if (!outlay_periods_page_is_editable (self, item, col))
    {
      gtk_widget_error_bell (GTK_WIDGET (cell));
      if (self->forecast)
        outlay_periods_page_message (self, _("Switch to Plan to change how a line is phased"));
      return;
    }
  if (outlay_document_get_read_only (self->document))
    {
      gtk_widget_error_bell (GTK_WIDGET (cell));
      outlay_periods_page_message (self, _("This budget is locked, so its phasing cannot change"));
      return;
    }
  initial = from_typing ? g_strdup ("") : outlay_periods_page_edit_text (self, item, col);
  outlay_sheet_cell_start_editing (cell, initial);
}

/* @line's planned amounts with period @p set to @value, as its phasing. */
static gboolean
set_period (OutlayPeriodsPage *self, OutlayLine *line, guint p, OutlayDecimal value, GError **error)
{
  OutlayPhasingGrid *g = self->grid;
  int r = outlay_phasing_grid_row_of (g, line);
  guint n = g->periods->n;
  g_autofree OutlayDecimal *amounts = NULL;
  const OutlayLinePhasing *old = outlay_document_get_line_phasing (self->document, line);
  g_autoptr(OutlayLinePhasing) phasing = NULL;

  if (r < 0)
    return TRUE;
  amounts = g_memdup2 (&OUTLAY_GRID_AT (g, planned, r, 0), sizeof (OutlayDecimal) * n);
  if (amounts[p] == value)
    return TRUE;
  amounts[p] = value;
  phasing = outlay_phasing_make (OUTLAY_PHASING_METHOD_AMOUNTS, amounts, n, n, error);
  if (phasing == NULL)
    return FALSE;
  if (old != NULL)
    outlay_line_phasing_set_actuals (phasing, old->actuals, old->n_actuals);
  return outlay_document_set_phasing (self->document, &line, &phasing, 1,
                                      _("Change Phasing"), error);
}

/**
 * outlay_periods_page_finish_editing:
 * @self: the page
 * @cell: the cell being edited
 * @commit: %FALSE to revert
 *
 * Returns: %FALSE when the typed text was refused (the editor stays)
 */
gboolean
outlay_periods_page_finish_editing (OutlayPeriodsPage *self, OutlaySheetCell *cell, gboolean commit)
{
  GObject *item = outlay_periods_page_cell_item (cell);
  guint col = outlay_sheet_cell_get_column (cell);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  OutlayDecimal value = 0;
  const char *cur = outlay_budget_get_currency (outlay_document_get_budget (self->document));

  if (!commit)
    {
      g_free (outlay_sheet_cell_stop_editing (cell));
      return TRUE;
    }
  text = outlay_sheet_cell_stop_editing (cell);
  if (text == NULL || !OUTLAY_IS_LINE (item))
    return TRUE;
  g_strstrip (text);
  if (*text != '\0' && !outlay_currency_parse_amount (text, cur, &value, &error))
    {
      gtk_widget_error_bell (GTK_WIDGET (cell));
      outlay_periods_page_message (self, error->message);
      return FALSE;
    }
  if (!set_period (self, OUTLAY_LINE (item), col - OUTLAY_PERIODS_FIRST_PERIOD, value, &error))
    {
      gtk_widget_error_bell (GTK_WIDGET (cell));
      outlay_periods_page_message (self, error->message);
      outlay_periods_page_update_row (self, item);
      return FALSE;
    }
  return TRUE;
}

static gboolean
editing_key (OutlayPeriodsPage *self, OutlaySheetCell *cell, guint keyval, GdkModifierType state)
{
  switch (keyval)
    {
      case GDK_KEY_Escape:
        outlay_periods_page_finish_editing (self, cell, FALSE);
        return TRUE;
      case GDK_KEY_Return:
      case GDK_KEY_KP_Enter:
        if (outlay_periods_page_finish_editing (self, cell, TRUE))
          move (self, cell, (state & GDK_SHIFT_MASK) ? -1 : 1, 0);
        return TRUE;
      case GDK_KEY_Tab:
      case GDK_KEY_ISO_Left_Tab:
        if (outlay_periods_page_finish_editing (self, cell, TRUE))
          move (self, cell, 0, keyval == GDK_KEY_Tab && !(state & GDK_SHIFT_MASK) ? 1 : -1);
        return TRUE;
      case GDK_KEY_Up:
      case GDK_KEY_Down:
        if (outlay_periods_page_finish_editing (self, cell, TRUE))
          move (self, cell, keyval == GDK_KEY_Up ? -1 : 1, 0);
        return TRUE;
      default:
        return FALSE; /* the GtkText handles it: Left/Right move the caret */
    }
}

static gboolean
navigation_key (OutlayPeriodsPage *self, OutlaySheetCell *cell, guint keyval, GdkModifierType state)
{
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

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
        move (self, cell, 0, keyval == GDK_KEY_Tab && !(state & GDK_SHIFT_MASK) ? 1 : -1);
        return TRUE;
      case GDK_KEY_Return:
      case GDK_KEY_KP_Enter:
        if (state & GDK_ALT_MASK)
          return FALSE;
        move (self, cell, (state & GDK_SHIFT_MASK) ? -1 : 1, 0);
        return TRUE;
      case GDK_KEY_F2:
        outlay_periods_page_start_editing (self, cell, FALSE);
        return TRUE;
      case GDK_KEY_Home:
      case GDK_KEY_End:
        outlay_periods_page_focus_cell (self,
                                        ctrl ? (keyval == GDK_KEY_Home ? 0 : n_rows - 1)
                                             : outlay_periods_page_cell_row (cell),
                                        keyval == GDK_KEY_Home ? 0 : self->n_columns - 1);
        return TRUE;
      case GDK_KEY_Delete:
      case GDK_KEY_BackSpace:
        if (ctrl
            || !outlay_periods_page_is_editable (self, outlay_periods_page_cell_item (cell),
                                                 outlay_sheet_cell_get_column (cell)))
          return FALSE;
        outlay_periods_page_start_editing (self, cell, TRUE);
        outlay_periods_page_finish_editing (self, cell, TRUE);
        return TRUE;
      default:
        return FALSE;
    }
}

gboolean
outlay_periods_page_key_pressed_cb (GtkEventControllerKey *controller,
                                    guint keyval,
                                    guint keycode,
                                    GdkModifierType state,
                                    OutlayPeriodsPage *self)
{
  gboolean editing;
  OutlaySheetCell *cell = outlay_periods_page_focused_cell (self, &editing);
  gunichar ch;

  if (cell == NULL || self->document == NULL || self->grid == NULL)
    return FALSE;
  if (editing)
    return editing_key (self, cell, keyval, state);
  if (navigation_key (self, cell, keyval, state))
    return TRUE;
  /* typing on a cell starts editing it with what was typed */
  ch = gdk_keyval_to_unicode (keyval);
  if (ch != 0 && g_unichar_isprint (ch) && !(state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    {
      outlay_periods_page_start_editing (self, cell, TRUE);
      if (outlay_sheet_cell_is_editing (cell))
        {
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

          return gtk_event_controller_key_forward (controller,
                                                   GTK_WIDGET (gtk_root_get_focus (root)));
        }
      return TRUE;
    }
  return FALSE;
}

void
outlay_periods_page_click_pressed_cb (GtkGestureClick *gesture,
                                      int n_press,
                                      double x,
                                      double y,
                                      OutlayPeriodsPage *self)
{
  GtkWidget *target;
  GtkWidget *scrolled = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  target = gtk_widget_pick (scrolled, x, y, GTK_PICK_DEFAULT);
  for (; target != NULL && !OUTLAY_IS_SHEET_CELL (target); target = gtk_widget_get_parent (target))
    if (GTK_IS_TEXT (target))
      return; /* clicks inside the editor place the caret */
  if (target == NULL)
    return;
  gtk_widget_grab_focus (target);
  if (n_press == 2)
    outlay_periods_page_start_editing (self, OUTLAY_SHEET_CELL (target), FALSE);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* ---- closing a period ---- */

static void
close_response_cb (AdwMessageDialog *dialog, const char *response, OutlayPeriodsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "close") != 0 || self->document == NULL)
    return;
  /* the page's grid is current: only the forecast is computed again */
  if (!outlay_rolling_forecast_close (self->document, NULL, self->grid, &error))
    outlay_periods_page_message (self, error->message);
  else
    outlay_periods_page_set_forecast (self, TRUE);
}

void
outlay_periods_page_close_period_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayPeriodsPage *self = OUTLAY_PERIODS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *name;
  GtkWidget *dialog;
  guint closed;

  if (self->grid == NULL || self->document == NULL)
    return;
  closed = outlay_document_get_closed_periods (self->document);
  if (closed >= self->grid->periods->n)
    return;
  name = self->grid->periods->names[closed];
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Close %s?"), name);
  adw_message_dialog_format_body (
      ADW_MESSAGE_DIALOG (dialog),
      _("%s will show what was spent, and the forecast for the periods after it is kept as it "
        "stands now, to be set against their actuals later. Closing cannot be undone."),
         name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel",
                                    _("_Cancel"), "close", _("_Close Period"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- spreading and forecasting from the menu ---- */

static OutlaySheetCell *
focused_or_bell (OutlayPeriodsPage *self)
{
  gboolean editing;
  OutlaySheetCell *cell = outlay_periods_page_focused_cell (self, &editing);

  if (cell == NULL || self->grid == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      outlay_periods_page_message (self, _("Click a line or a section first"));
      return NULL;
    }
  if (editing)
    outlay_periods_page_finish_editing (self, cell, TRUE);
  return cell;
}

/* The line of the focused cell (its edit finished first), or NULL with a
 * bell and @hint. */
OutlayLine *
outlay_periods_page_focused_line (OutlayPeriodsPage *self, const char *hint)
{
  OutlaySheetCell *cell = focused_or_bell (self);

  if (cell == NULL)
    return NULL;
  if (!OUTLAY_IS_LINE (outlay_periods_page_cell_item (cell)))
    {
      gtk_widget_error_bell (GTK_WIDGET (cell));
      outlay_periods_page_message (self, hint);
      return NULL;
    }
  return OUTLAY_LINE (outlay_periods_page_cell_item (cell));
}

void
outlay_periods_page_spread_evenly_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayPeriodsPage *self = OUTLAY_PERIODS_PAGE (widget);
  OutlayLine *line = outlay_periods_page_focused_line (self,
                                                       _("Click a line to spread it evenly"));
  g_autoptr(OutlayLinePhasing) even = NULL;
  g_autoptr(GError) error = NULL;
  const OutlayLinePhasing *old;

  if (line == NULL)
    return;
  old = outlay_document_get_line_phasing (self->document, line);
  even = outlay_line_phasing_new (OUTLAY_PHASING_METHOD_EVEN, NULL, 0);
  /* the actuals recorded per period stay */
  if (old != NULL)
    outlay_line_phasing_set_actuals (even, old->actuals, old->n_actuals);
  if (!outlay_document_set_phasing (self->document, &line, &even, 1, _("Spread Evenly"), &error))
    outlay_periods_page_message (self, error->message);
}

void
outlay_periods_page_section_method_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayPeriodsPage *self = OUTLAY_PERIODS_PAGE (widget);
  OutlaySheetCell *cell = focused_or_bell (self);
  const char *nick = g_variant_get_string (param, NULL);
  OutlayForecastMethod method = g_str_equal (nick, "run-rate") ? OUTLAY_FORECAST_METHOD_RUN_RATE
                                : g_str_equal (nick, "commitments")
                                    ? OUTLAY_FORECAST_METHOD_COMMITMENTS
                                    : OUTLAY_FORECAST_METHOD_REMAINING;
  g_autoptr(GError) error = NULL;
  OutlayPeriodSettings settings;
  GObject *item;
  OutlaySection *section;

  if (cell == NULL)
    return;
  item = outlay_periods_page_cell_item (cell);
  if (OUTLAY_IS_DOCUMENT (item))
    {
      gtk_widget_error_bell (GTK_WIDGET (cell));
      outlay_periods_page_message (self, _("Click a line or a section first"));
      return;
    }
  section = OUTLAY_IS_LINE (item) ? outlay_line_get_section (OUTLAY_LINE (item))
                                  : OUTLAY_SECTION (item);
  outlay_period_settings_copy (&settings, outlay_document_get_period_settings (self->document));
  g_hash_table_insert (settings.methods, section, GUINT_TO_POINTER ((guint) method + 1));
  if (!outlay_phasing_set_settings (self->document, &settings, &error))
    outlay_periods_page_message (self, error->message);
  else
    outlay_periods_page_set_forecast (self, TRUE);
  outlay_period_settings_clear (&settings);
}

void
outlay_periods_page_kind_changed_cb (OutlayPeriodsPage *self)
{
  g_autoptr(GError) error = NULL;
  OutlayPeriodSettings settings;
  OutlayPeriodKind kind = gtk_drop_down_get_selected (self->kind_dropdown) == 1
                              ? OUTLAY_PERIOD_KIND_QUARTER
                              : OUTLAY_PERIOD_KIND_MONTH;

  if (self->document == NULL || outlay_document_get_period_settings (self->document)->kind == kind)
    return;
  outlay_period_settings_copy (&settings, outlay_document_get_period_settings (self->document));
  settings.kind = kind;
  if (!outlay_phasing_set_settings (self->document, &settings, &error))
    {
      outlay_periods_page_message (self, error->message);
      /* back to what the budget has */
      outlay_document_page_queue_refresh (OUTLAY_DOCUMENT_PAGE (self));
    }
  outlay_period_settings_clear (&settings);
}
