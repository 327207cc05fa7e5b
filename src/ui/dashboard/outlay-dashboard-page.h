/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-dashboard.h"
#include "outlay-document-page.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_DASHBOARD_PAGE (outlay_dashboard_page_get_type ())

G_DECLARE_FINAL_TYPE (OutlayDashboardPage,
                      outlay_dashboard_page,
                      OUTLAY,
                      DASHBOARD_PAGE,
                      OutlayDocumentPage)

GtkWidget *outlay_dashboard_page_new (void);
void outlay_dashboard_page_set_database (OutlayDashboardPage *self, const char *path);
OutlayDashboard *outlay_dashboard_page_get_dashboard (OutlayDashboardPage *self);
guint outlay_dashboard_page_get_n_loads (OutlayDashboardPage *self);

G_END_DECLS
