/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-document-page.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_TOPSHEET_VIEW (outlay_topsheet_view_get_type ())

G_DECLARE_FINAL_TYPE (OutlayTopSheetView, outlay_topsheet_view, OUTLAY, TOPSHEET_VIEW,
                      OutlayDocumentPage)

GtkWidget      *outlay_topsheet_view_new          (void);
void            outlay_topsheet_view_set_document (OutlayTopSheetView *self,
                                                   OutlayDocument     *document);
OutlayDocument *outlay_topsheet_view_get_document (OutlayTopSheetView *self);

G_END_DECLS
