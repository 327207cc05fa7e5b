/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-document.h"

G_BEGIN_DECLS

/**
 * OutlaySpendLevel:
 * @OUTLAY_SPEND_LEVEL_NONE: nothing to measure against (no allocation and
 *   no estimate)
 * @OUTLAY_SPEND_LEVEL_OK: spend below the warning threshold
 * @OUTLAY_SPEND_LEVEL_WARNING: spend at or past the warning threshold
 * @OUTLAY_SPEND_LEVEL_CRITICAL: spend at or past the critical threshold
 *
 * Where a budget's spend (actual + committed) stands against what it is
 * held to: the allocation where one is set, else the estimate.  Ordered:
 * a higher level is worse.
 */
typedef enum
{
  OUTLAY_SPEND_LEVEL_NONE,
  OUTLAY_SPEND_LEVEL_OK,
  OUTLAY_SPEND_LEVEL_WARNING,
  OUTLAY_SPEND_LEVEL_CRITICAL,
} OutlaySpendLevel;

OutlaySpendLevel outlay_spend_level_classify (OutlayBudget *budget, OutlayDecimal percent);
OutlaySpendLevel outlay_spend_level_compute (OutlayBudget *budget,
                                             const OutlayTotals *totals,
                                             OutlayDecimal *percent);
OutlaySpendLevel outlay_spend_level_for_document (OutlayDocument *document, OutlayDecimal *percent);
gboolean outlay_spend_level_should_notify (OutlaySpendLevel last_notified, OutlaySpendLevel now);
const char *outlay_spend_level_to_string (OutlaySpendLevel level);
const char *outlay_spend_level_icon_name (OutlaySpendLevel level);
char *
outlay_spend_level_describe (OutlayBudget *budget, OutlaySpendLevel level, OutlayDecimal percent);

G_END_DECLS
