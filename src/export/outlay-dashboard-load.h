/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "outlay-dashboard.h"
#include "outlay-store.h"

G_BEGIN_DECLS

guint32 outlay_dashboard_today (void);
OutlayDashboard *outlay_dashboard_load (OutlayStore *store,
                                        gint64 budget_id,
                                        guint32 today,
                                        guint window_days,
                                        GError **error);
OutlayDashboard *
outlay_forecast_load (OutlayStore *store, gint64 budget_id, guint32 today, GError **error);
void outlay_dashboard_load_async (const char *database_path,
                                  gint64 budget_id,
                                  guint window_days,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
OutlayDashboard *outlay_dashboard_load_finish (GAsyncResult *result, GError **error);

G_END_DECLS
