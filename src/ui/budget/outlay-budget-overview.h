/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-document-page.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_BUDGET_OVERVIEW (outlay_budget_overview_get_type ())

G_DECLARE_FINAL_TYPE (OutlayBudgetOverview, outlay_budget_overview, OUTLAY, BUDGET_OVERVIEW,
                      OutlayDocumentPage)

void            outlay_budget_overview_set_document (OutlayBudgetOverview *self,
                                                     OutlayDocument       *document);
OutlayDocument *outlay_budget_overview_get_document (OutlayBudgetOverview *self);

G_END_DECLS
