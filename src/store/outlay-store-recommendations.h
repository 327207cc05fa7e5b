/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-recommendation.h"
#include "outlay-store.h"

G_BEGIN_DECLS

/**
 * OutlayRatedLineFunc:
 * @budget_id: the budget
 * @description: the line's description
 * @unit: its unit
 * @rate: its rate
 * @user_data: what the caller passed
 *
 * Called for each line with a rate, for learning what roles cost.
 */
typedef void (*OutlayRatedLineFunc) (gint64 budget_id,
                                     const char *description,
                                     const char *unit,
                                     OutlayDecimal rate,
                                     gpointer user_data);

gboolean outlay_store_foreach_rated_line_except (OutlayStore *self,
                                                 gint64 except_budget,
                                                 OutlayRatedLineFunc func,
                                                 gpointer user_data,
                                                 GError **error);
GPtrArray *outlay_store_save_advice (OutlayStore *self,
                                     gint64 budget_id,
                                     OutlayRecommendationSource source,
                                     GPtrArray *advice,
                                     GError **error);
GPtrArray *outlay_store_list_recommendations (OutlayStore *self, gint64 budget_id, GError **error);
OutlayRecommendation *
outlay_store_get_recommendation (OutlayStore *self, gint64 id, GError **error);
gboolean outlay_store_set_recommendation_status (OutlayStore *self,
                                                 gint64 id,
                                                 OutlayRecommendationStatus status,
                                                 GError **error);

G_END_DECLS
