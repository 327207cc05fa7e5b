/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OUTLAY_TYPE_SHEET_CELL (outlay_sheet_cell_get_type ())

G_DECLARE_FINAL_TYPE (OutlaySheetCell, outlay_sheet_cell, OUTLAY, SHEET_CELL, GtkWidget)

GtkWidget *outlay_sheet_cell_new (guint column, float xalign);
guint outlay_sheet_cell_get_column (OutlaySheetCell *self);
GtkListItem *outlay_sheet_cell_get_list_item (OutlaySheetCell *self);
void outlay_sheet_cell_set_list_item (OutlaySheetCell *self, GtkListItem *item);
void outlay_sheet_cell_set_text (OutlaySheetCell *self, const char *text);
const char *outlay_sheet_cell_get_text (OutlaySheetCell *self);
void outlay_sheet_cell_set_figure (OutlaySheetCell *self, const char *text, guint max_chars);
const char *outlay_sheet_cell_get_full_text (OutlaySheetCell *self);
char *outlay_sheet_cell_get_tooltip_text (OutlaySheetCell *self);
void outlay_sheet_cell_set_warning (OutlaySheetCell *self, const char *warning);
void outlay_sheet_cell_set_state (OutlaySheetCell *self,
                                  gboolean section,
                                  gboolean overridden,
                                  const char *tooltip);
void outlay_sheet_cell_set_selected (OutlaySheetCell *self, gboolean selected);
void outlay_sheet_cell_reset_label (OutlaySheetCell *self);
gboolean outlay_sheet_cell_is_editing (OutlaySheetCell *self);
GtkWidget *outlay_sheet_cell_start_editing (OutlaySheetCell *self, const char *initial);
char *outlay_sheet_cell_stop_editing (OutlaySheetCell *self);
int outlay_sheet_cell_line_height (GtkWidget *widget);
void outlay_sheet_cell_set_context (OutlaySheetCell *self, PangoContext *context);

G_END_DECLS
