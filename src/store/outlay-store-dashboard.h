/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-dashboard-facts.h"
#include "outlay-store.h"

G_BEGIN_DECLS

/* The task rows a dashboard names; the rest add up to "Other". */
#define OUTLAY_DASHBOARD_TOP_TASKS 8
/* The overruns it lists */
#define OUTLAY_DASHBOARD_TOP_OVERRUNS 10

OutlayDashboardFacts *
outlay_store_dashboard_facts (OutlayStore *self, gint64 budget_id, guint32 today, GError **error);
OutlayDashboardFacts *
outlay_store_forecast_facts (OutlayStore *self, gint64 budget_id, guint32 today, GError **error);
gboolean outlay_store_put_forecast (OutlayStore *self,
                                    gint64 budget_id,
                                    const OutlayFactsSnapshot *snapshot,
                                    GError **error);
gboolean outlay_store_get_forecast (OutlayStore *self,
                                    gint64 budget_id,
                                    guint32 on_or_before,
                                    OutlayFactsSnapshot *snapshot,
                                    gboolean *found,
                                    GError **error);

G_END_DECLS
