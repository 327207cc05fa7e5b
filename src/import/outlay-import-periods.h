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
