/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-document-page.h"
#include "outlay-store.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_RECOMMENDATIONS_PAGE (outlay_recommendations_page_get_type ())

G_DECLARE_FINAL_TYPE (OutlayRecommendationsPage,
                      outlay_recommendations_page,
                      OUTLAY,
                      RECOMMENDATIONS_PAGE,
                      OutlayDocumentPage)

void outlay_recommendations_page_set_store (OutlayRecommendationsPage *self, OutlayStore *store);
void outlay_recommendations_page_set_today (OutlayRecommendationsPage *self, guint32 julian_day);
void outlay_recommendations_page_reload (OutlayRecommendationsPage *self);
GPtrArray *outlay_recommendations_page_get_shown (OutlayRecommendationsPage *self);

G_END_DECLS
