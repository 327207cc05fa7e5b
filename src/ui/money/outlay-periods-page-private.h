/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by outlay-periods-page.c (rows, columns, cells) and
 * outlay-periods-page-edit.c (keyboard, editing, closing a period). */

#include "outlay-periods-page.h"
#include "outlay-rolling-forecast.h"
#include "outlay-sheet-cell.h"

G_BEGIN_DECLS

struct _OutlayPeriodsPage
{
  OutlayDocumentPage parent_instance;
  GtkStack *body;
  GtkScrolledWindow *scrolled;
  GtkLabel *footer;
  GtkLabel *summary;
  GtkToggleButton *forecast_button;
  GtkDropDown *kind_dropdown;
  AdwStatusPage *no_year;
  GtkColumnView *column_view;
  GListStore *rows;
  GHashTable *bound;        /* items with cells on screen */
  OutlayDocument *document; /* the page's, borrowed */
  OutlayStore *store;       /* other budgets to follow; else the application's */
  OutlayPhasingGrid *grid;
  guint n_columns;
  gboolean forecast;
  gboolean phasing_only; /* the last command changed phasing alone */
};

OutlaySheetCell **outlay_periods_page_item_cells (GObject *item);
void outlay_periods_page_update_row (OutlayPeriodsPage *self, GObject *item);
void outlay_periods_page_update_totals (OutlayPeriodsPage *self, OutlayLine *line);
void outlay_periods_page_message (OutlayPeriodsPage *self, const char *text);
OutlaySheetCell *outlay_periods_page_focused_cell (OutlayPeriodsPage *self, gboolean *editing);
guint outlay_periods_page_cell_row (OutlaySheetCell *cell);
GObject *outlay_periods_page_cell_item (OutlaySheetCell *cell);
gboolean outlay_periods_page_is_editable (OutlayPeriodsPage *self, GObject *item, guint column);
char *outlay_periods_page_edit_text (OutlayPeriodsPage *self, GObject *item, guint column);

/* outlay-periods-page-edit.c */
gboolean outlay_periods_page_key_pressed_cb (GtkEventControllerKey *controller,
                                             guint keyval,
                                             guint keycode,
                                             GdkModifierType state,
                                             OutlayPeriodsPage *self);
void outlay_periods_page_click_pressed_cb (GtkGestureClick *gesture,
                                           int n_press,
                                           double x,
                                           double y,
                                           OutlayPeriodsPage *self);
void outlay_periods_page_start_editing (OutlayPeriodsPage *self,
                                        OutlaySheetCell *cell,
                                        gboolean from_typing);
gboolean outlay_periods_page_finish_editing (OutlayPeriodsPage *self,
                                             OutlaySheetCell *cell,
                                             gboolean commit);
OutlayLine *outlay_periods_page_focused_line (OutlayPeriodsPage *self, const char *hint);
void
outlay_periods_page_close_period_action (GtkWidget *widget, const char *action, GVariant *param);
void
outlay_periods_page_spread_evenly_action (GtkWidget *widget, const char *action, GVariant *param);
void
outlay_periods_page_section_method_action (GtkWidget *widget, const char *action, GVariant *param);
/* outlay-periods-page-spread.c */
void
outlay_periods_page_spread_percent_action (GtkWidget *widget, const char *action, GVariant *param);
void
outlay_periods_page_follow_actuals_action (GtkWidget *widget, const char *action, GVariant *param);
void outlay_periods_page_kind_changed_cb (OutlayPeriodsPage *self);

G_END_DECLS
