/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by outlay-sheet-view.c (cells, moving, editing) and
 * outlay-sheet-view-clipboard.c (selection, copy, paste). */

#include "outlay-sheet-cell.h"
#include "outlay-sheet-view.h"

G_BEGIN_DECLS

struct _OutlaySheetView
{
  OutlayDocumentPage parent_instance;
  GtkColumnView  *column_view;
  GtkLabel       *totals_label;
  GtkWidget *spend_badge; /* past the warning or critical threshold */
  GListStore     *rows;
  OutlayDocument *document;  /* the page's, borrowed for brevity */
  GHashTable     *collapsed; /* OutlaySection set */
  GHashTable     *bound;     /* items with cells on screen */
  char           *filter;    /* case-folded search text */
  GtkSearchBar   *search_bar;
  GtkWidget      *search_entry;
  GtkLabel *match_label; /* "12 lines match" */
  GtkStack *body;        /* the sheet, or the page saying nothing matches */
  GtkWidget *empty_page;
  GSettings      *settings;
  GtkWidget      *column_checks[OUTLAY_SHEET_N_COLUMNS];
  const char *multiplier_word;
  gboolean        has_anchor;
  guint           anchor_row;
  guint           anchor_col;
  guint figure_chars[OUTLAY_SHEET_N_COLUMNS]; /* room before ### */
  double char_width[OUTLAY_SHEET_N_COLUMNS];
  GtkWidget *menu;      /* the right-click menu */
  GtkWidget *menu_cell; /* weak: the cell it was opened on */
  GtkWidget *described; /* weak: the focused cell its label names */
  GtkRoot *focus_root;  /* the window whose focus the view follows */
};

int               outlay_sheet_column_field        (guint            column);
int outlay_sheet_column_default_width (guint column);
void outlay_sheet_view_refresh_cells (OutlaySheetView *self);
void outlay_sheet_view_watch_widths (OutlaySheetView *self);
void outlay_sheet_view_fit_figures (OutlaySheetView *self, gboolean shrink);
void outlay_sheet_view_fit_column (OutlaySheetView *self, guint column);
guint outlay_sheet_view_figure_chars (OutlaySheetView *self, guint column);
int outlay_sheet_view_header_edge (OutlaySheetView *self, double x, double y);
OutlaySheetCell **outlay_sheet_view_item_cells     (GObject         *item);
OutlaySheetCell  *outlay_sheet_view_focused_cell   (OutlaySheetView *self,
                                                    gboolean        *editing);
void              outlay_sheet_view_message        (OutlaySheetView *self,
                                                    const char      *text);
char             *outlay_sheet_view_plain_text     (OutlaySheetView *self,
                                                    GObject         *item,
                                                    guint            column);
void              outlay_sheet_view_select_to      (OutlaySheetView *self,
                                                    OutlaySheetCell *from,
                                                    guint            row,
                                                    guint            column);
void              outlay_sheet_view_clear_selection (OutlaySheetView *self);
void              outlay_sheet_view_style_selection (OutlaySheetView *self,
                                                     OutlaySheetCell *cell);
gboolean          outlay_sheet_view_column_visible (OutlaySheetView *self,
                                                    guint            column);
void              outlay_sheet_view_apply_columns  (OutlaySheetView *self);
GtkWidget        *outlay_sheet_view_columns_button (OutlaySheetView *self);
guint             outlay_sheet_view_cell_row       (OutlaySheetCell *cell);
GObject          *outlay_sheet_view_cell_item      (OutlaySheetCell *cell);
gboolean          outlay_sheet_view_is_editable    (GObject         *item,
                                                    guint            column);
void              outlay_sheet_view_start_editing  (OutlaySheetView *self,
                                                    OutlaySheetCell *cell,
                                                    gboolean         from_typing);
gboolean          outlay_sheet_view_finish_editing (OutlaySheetView *self,
                                                    OutlaySheetCell *cell,
                                                    gboolean         commit);
guint             outlay_sheet_view_row_of         (OutlaySheetView *self,
                                                    gpointer         item);
void              outlay_sheet_view_rebuild        (OutlaySheetView *self);
gboolean          outlay_sheet_view_is_derived     (OutlaySheetView *self);
gboolean          outlay_sheet_view_key_pressed_cb (GtkEventControllerKey *controller,
                                                    guint                  keyval,
                                                    guint                  keycode,
                                                    GdkModifierType        state,
                                                    OutlaySheetView       *self);
void              outlay_sheet_view_click_pressed_cb (GtkGestureClick *gesture,
                                                      int              n_press,
                                                      double           x,
                                                      double           y,
                                                      OutlaySheetView *self);
void              outlay_sheet_view_copy           (OutlaySheetView *self);
void outlay_sheet_view_paste (OutlaySheetView *self, gboolean insert);
void outlay_sheet_view_cut (OutlaySheetView *self);
OutlaySheetCell *outlay_sheet_view_action_cell (OutlaySheetView *self);
void outlay_sheet_view_insert_line (OutlaySheetView *self, OutlaySheetCell *cell);
void outlay_sheet_view_delete_line (OutlaySheetView *self, OutlaySheetCell *cell);
void outlay_sheet_view_init_actions (OutlaySheetViewClass *klass);
void outlay_sheet_view_init_menu (OutlaySheetView *self);
gboolean outlay_sheet_view_action_key (OutlaySheetView *self, guint keyval, GdkModifierType state);

/* outlay-sheet-view-search.c */
GtkWidget *outlay_sheet_view_init_search (OutlaySheetView *self);
void outlay_sheet_view_search_changed_cb (OutlaySheetView *self);
gboolean outlay_sheet_view_section_matches (OutlaySheetView *self, OutlaySection *section);
gboolean outlay_sheet_view_line_matches (OutlaySheetView *self, OutlayLine *line);
void outlay_sheet_view_show_matches (OutlaySheetView *self, guint n_lines, gboolean any_row);
/* outlay-sheet-view-columns.c */
void outlay_sheet_view_update_multiplier_title (OutlaySheetView *self);
const char *outlay_sheet_view_multiplier_word (OutlaySheetView *self);
const char *outlay_sheet_view_overridden_tip (OutlaySheetView *self);
const char *outlay_sheet_view_held_tip (guint n);

G_END_DECLS
