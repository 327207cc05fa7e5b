/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "outlay-decimal.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_COST_PATTERN (outlay_cost_pattern_get_type ())

G_DECLARE_FINAL_TYPE (OutlayCostPattern, outlay_cost_pattern, OUTLAY, COST_PATTERN, GObject)

OutlayCostPattern *outlay_cost_pattern_new             (void);
gint64             outlay_cost_pattern_get_id          (OutlayCostPattern *self);
gint64             outlay_cost_pattern_get_budget_id   (OutlayCostPattern *self);
const char        *outlay_cost_pattern_get_kind        (OutlayCostPattern *self);
const char        *outlay_cost_pattern_get_description (OutlayCostPattern *self);
OutlayDecimal      outlay_cost_pattern_get_amount      (OutlayCostPattern *self);
guint              outlay_cost_pattern_get_frequency   (OutlayCostPattern *self);
guint              outlay_cost_pattern_get_confidence  (OutlayCostPattern *self);
gint64             outlay_cost_pattern_get_detected    (OutlayCostPattern *self);

G_END_DECLS
