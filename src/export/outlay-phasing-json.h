/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "outlay-rolling-forecast.h"

G_BEGIN_DECLS

JsonNode *outlay_phasing_grid_to_json (const OutlayPhasingGrid *grid,
                                       OutlayDocument *document,
                                       gboolean with_lines);
JsonNode *outlay_rolling_forecast_to_json (const OutlayPhasingGrid *grid, OutlayDocument *document);

G_END_DECLS
