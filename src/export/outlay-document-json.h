/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "outlay-document.h"

G_BEGIN_DECLS

void      outlay_json_add_amount       (JsonBuilder    *builder,
                                        const char     *name,
                                        OutlayDecimal   value,
                                        const char     *currency);
void outlay_json_add_number (JsonBuilder *builder, const char *name, OutlayDecimal value);
void outlay_json_add_string (JsonBuilder *builder, const char *name, const char *value);
JsonNode *outlay_document_to_json      (OutlayDocument *document);
JsonNode *outlay_budget_summary_to_json (OutlayBudget  *budget,
                                         const OutlayTotals *totals);

G_END_DECLS
