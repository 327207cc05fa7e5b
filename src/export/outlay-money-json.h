/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "outlay-budget-check.h"
#include "outlay-document.h"

G_BEGIN_DECLS

JsonNode *outlay_check_to_json (OutlayDocument *document,
                                const OutlayCheck *check,
                                OutlaySection *section,
                                OutlayLine *line);
JsonNode *outlay_commitment_to_json (OutlayDocument *document, OutlayCommitment *commitment);

G_END_DECLS
