/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "outlay-dashboard.h"

G_BEGIN_DECLS

JsonNode *outlay_dashboard_to_json (OutlayDashboard *dashboard);
JsonNode *outlay_forecast_to_json (OutlayDashboard *dashboard);

G_END_DECLS
