/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-document-page.h"
#include "outlay-store.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_PERIODS_PAGE (outlay_periods_page_get_type ())

G_DECLARE_FINAL_TYPE (OutlayPeriodsPage,
                      outlay_periods_page,
                      OUTLAY,
                      PERIODS_PAGE,
                      OutlayDocumentPage)

GtkWidget *outlay_periods_page_new (void);
gboolean outlay_periods_page_focus_cell (OutlayPeriodsPage *self, guint row, guint column);
GListModel *outlay_periods_page_get_rows (OutlayPeriodsPage *self);
char *outlay_periods_page_get_cell_text (OutlayPeriodsPage *self, guint row, guint column);
void outlay_periods_page_set_forecast (OutlayPeriodsPage *self, gboolean forecast);
void outlay_periods_page_set_store (OutlayPeriodsPage *self, OutlayStore *store);
OutlayStore *outlay_periods_page_get_store (OutlayPeriodsPage *self);

/* The first period column; the periods follow, then Total and Difference. */
#define OUTLAY_PERIODS_FIRST_PERIOD 2

G_END_DECLS
