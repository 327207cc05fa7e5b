/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-line.h"
#include "outlay-store-import.h"

G_BEGIN_DECLS

/* Rows that carry a period (one row per line and period, the FP&A shape)
 * folded into one line each, phased over the budget's periods. */
typedef struct _OutlayPeriodFold OutlayPeriodFold;

OutlayPeriodFold *outlay_period_fold_new (void);
void outlay_period_fold_free (OutlayPeriodFold *self);
gboolean outlay_period_fold_take (OutlayPeriodFold *self,
                                  gint64 section_id,
                                  OutlayLine *line,
                                  gboolean *new_line);
guint outlay_period_fold_get_n_lines (OutlayPeriodFold *self);
gboolean
outlay_period_fold_flush (OutlayPeriodFold *self, OutlayStoreImport *import, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayPeriodFold, outlay_period_fold_free)

G_END_DECLS

G_BEGIN_DECLS

/* A wide planning sheet's month columns ("Jan", "Feb 2025 Actual", …):
 * a line's months become its phasing and its recorded actuals. */
typedef struct _OutlayMonthColumns OutlayMonthColumns;

OutlayMonthColumns *
outlay_month_columns_new (char **headers, const int *fields, guint n_fields, int ignore);
void outlay_month_columns_free (OutlayMonthColumns *self);
gboolean outlay_month_columns_has (OutlayMonthColumns *self, guint column);
void outlay_month_columns_reset (OutlayMonthColumns *self);
void outlay_month_columns_take (OutlayMonthColumns *self, guint column, OutlayDecimal value);
gboolean outlay_month_columns_sums (OutlayMonthColumns *self,
                                    OutlayDecimal *budget,
                                    OutlayDecimal *actual,
                                    gboolean *any_actual);
gboolean outlay_month_columns_write (OutlayMonthColumns *self,
                                     OutlayStoreImport *import,
                                     gint64 line_id,
                                     GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayMonthColumns, outlay_month_columns_free)

G_END_DECLS
