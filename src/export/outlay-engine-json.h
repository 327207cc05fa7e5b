/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "outlay-compare.h"
#include "outlay-recommendation.h"
#include "outlay-topsheet.h"

G_BEGIN_DECLS

JsonNode *outlay_topsheet_to_json   (OutlayTopSheet   *self);
JsonNode *outlay_comparison_to_json (OutlayComparison *self);
gboolean outlay_recommendation_implement (OutlayRecommendation *self,
                                          OutlayDocument *document,
                                          GError **error);

G_END_DECLS
