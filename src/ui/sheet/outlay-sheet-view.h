/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-document-page.h"

G_BEGIN_DECLS

/* The sheet's columns, in order. */
typedef enum
{
  OUTLAY_SHEET_COLUMN_CODE,
  OUTLAY_SHEET_COLUMN_DESCRIPTION,
  OUTLAY_SHEET_COLUMN_QUANTITY,
  OUTLAY_SHEET_COLUMN_UNIT,
  OUTLAY_SHEET_COLUMN_MULTIPLIER,
  OUTLAY_SHEET_COLUMN_RATE,
  OUTLAY_SHEET_COLUMN_ESTIMATE,
  OUTLAY_SHEET_COLUMN_ACTUAL,
  OUTLAY_SHEET_COLUMN_VARIANCE,
  OUTLAY_SHEET_COLUMN_VARIANCE_PERCENT,
  OUTLAY_SHEET_COLUMN_COMMITTED,
  OUTLAY_SHEET_COLUMN_RESERVED,
  OUTLAY_SHEET_COLUMN_AVAILABLE, /* estimate − actual − committed − reserved */
  OUTLAY_SHEET_COLUMN_NOTES,
  /* shown when some line has them (imports bring them) */
  OUTLAY_SHEET_COLUMN_VENDOR,
  OUTLAY_SHEET_COLUMN_ASSIGNEE,
  OUTLAY_SHEET_COLUMN_DATE,
  OUTLAY_SHEET_COLUMN_PERIOD,
  OUTLAY_SHEET_N_COLUMNS,
} OutlaySheetColumn;

#define OUTLAY_TYPE_SHEET_VIEW (outlay_sheet_view_get_type ())

G_DECLARE_FINAL_TYPE (OutlaySheetView, outlay_sheet_view, OUTLAY, SHEET_VIEW, OutlayDocumentPage)

void            outlay_sheet_view_set_document (OutlaySheetView *self,
                                                OutlayDocument  *document);
OutlayDocument *outlay_sheet_view_get_document (OutlaySheetView *self);
GListModel     *outlay_sheet_view_get_rows     (OutlaySheetView *self);
gboolean        outlay_sheet_view_focus_cell   (OutlaySheetView *self,
                                                guint            row,
                                                guint            column);

void            outlay_sheet_view_start_search (OutlaySheetView *self);
GtkWidget *outlay_sheet_view_get_menu (OutlaySheetView *self);
void            outlay_sheet_view_add_section  (OutlaySheetView *self);
void            outlay_sheet_view_set_settings (OutlaySheetView *self,
                                                GSettings       *settings);

G_END_DECLS
