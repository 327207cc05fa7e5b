/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "outlay-document.h"

G_BEGIN_DECLS

/**
 * OutlayPeriodLayout:
 * @OUTLAY_PERIOD_LAYOUT_ROWS: one row per line and period (Section, Code,
 *   Description, Period, Budget, Actual), the FP&A shape
 * @OUTLAY_PERIOD_LAYOUT_COLUMNS: one row per line, its year's Budget and
 *   Actual, then "Jan 2025 Budget", "Jan 2025 Actual", … across
 *
 * Both shapes import back as phased lines.
 */
typedef enum
{
  OUTLAY_PERIOD_LAYOUT_ROWS,
  OUTLAY_PERIOD_LAYOUT_COLUMNS,
} OutlayPeriodLayout;

gboolean outlay_period_export (OutlayDocument *doc,
                               OutlayPeriodLayout layout,
                               const char *path,
                               GError **error);
gboolean outlay_period_variance_xlsx (OutlayDocument *doc,
                                      OutlayDecimal flag_amount,
                                      OutlayDecimal flag_percent,
                                      const char *path,
                                      GError **error);

G_END_DECLS
