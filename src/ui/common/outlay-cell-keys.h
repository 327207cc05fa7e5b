/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "outlay-sheet-cell.h"

G_BEGIN_DECLS

/**
 * OutlayCellKeysFuncs:
 * @edit_text: the text an editor opens with on @item's @column (F2, a
 *   double-click), or %NULL when the cell cannot be edited
 * @commit: takes what was typed in a cell; on %FALSE, @error says why
 *   and the cell goes back to its value
 * @show: puts @item's @column value in @cell
 * @message: (nullable): shows an error's message to the user
 */
typedef struct
{
  char *(*edit_text) (gpointer item, guint column, gpointer data);
  gboolean (*commit) (gpointer item,
                      guint position,
                      guint column,
                      const char *text,
                      GError **error,
                      gpointer data);
  void (*show) (OutlaySheetCell *cell, gpointer item, guint column, gpointer data);
  void (*message) (const char *text, gpointer data);
} OutlayCellKeysFuncs;

typedef struct _OutlayCellKeys OutlayCellKeys;

OutlayCellKeys *outlay_cell_keys_new (GtkColumnView *view,
                                      guint n_columns,
                                      const OutlayCellKeysFuncs *funcs,
                                      gpointer data);
void outlay_cell_keys_free (OutlayCellKeys *self);
void outlay_cell_keys_bind (OutlayCellKeys *self, OutlaySheetCell *cell, GtkListItem *list_item);
void outlay_cell_keys_unbind (OutlayCellKeys *self, OutlaySheetCell *cell, GtkListItem *list_item);
OutlaySheetCell *outlay_cell_keys_get_cell (OutlayCellKeys *self, gpointer item, guint column);
gboolean outlay_cell_keys_focus (OutlayCellKeys *self, guint position, guint column);
OutlaySheetCell *outlay_cell_keys_focused (OutlayCellKeys *self, gboolean *editing);
gboolean
outlay_cell_keys_start_editing (OutlayCellKeys *self, OutlaySheetCell *cell, gboolean from_typing);
gboolean
outlay_cell_keys_finish_editing (OutlayCellKeys *self, OutlaySheetCell *cell, gboolean commit);

G_END_DECLS
