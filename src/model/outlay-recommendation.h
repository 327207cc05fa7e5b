/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "outlay-decimal.h"
#include "outlay-model-enums.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_RECOMMENDATION (outlay_recommendation_get_type ())

G_DECLARE_FINAL_TYPE (OutlayRecommendation, outlay_recommendation, OUTLAY, RECOMMENDATION, GObject)

OutlayRecommendation       *outlay_recommendation_new                   (void);
gint64                      outlay_recommendation_get_id                (OutlayRecommendation *self);
gint64                      outlay_recommendation_get_budget_id         (OutlayRecommendation *self);
const char                 *outlay_recommendation_get_kind              (OutlayRecommendation *self);
const char                 *outlay_recommendation_get_title             (OutlayRecommendation *self);
const char                 *outlay_recommendation_get_description       (OutlayRecommendation *self);
OutlayDecimal               outlay_recommendation_get_estimated_savings (OutlayRecommendation *self);
guint                       outlay_recommendation_get_confidence        (OutlayRecommendation *self);
OutlayPriority              outlay_recommendation_get_priority          (OutlayRecommendation *self);
OutlayRecommendationStatus  outlay_recommendation_get_status            (OutlayRecommendation *self);
const char                 *outlay_recommendation_get_reasoning         (OutlayRecommendation *self);
OutlayRecommendationSource  outlay_recommendation_get_source            (OutlayRecommendation *self);
const char                 *outlay_recommendation_get_patterns          (OutlayRecommendation *self);
gint64                      outlay_recommendation_get_created           (OutlayRecommendation *self);
const char *outlay_recommendation_get_fingerprint (OutlayRecommendation *self);
const char *outlay_recommendation_get_action (OutlayRecommendation *self);

G_END_DECLS
