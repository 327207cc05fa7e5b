/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "outlay-decimal.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_ROI_SNAPSHOT (outlay_roi_snapshot_get_type ())

G_DECLARE_FINAL_TYPE (OutlayRoiSnapshot, outlay_roi_snapshot, OUTLAY, ROI_SNAPSHOT, GObject)

OutlayRoiSnapshot *outlay_roi_snapshot_new             (void);
gint64             outlay_roi_snapshot_get_id          (OutlayRoiSnapshot *self);
gint64             outlay_roi_snapshot_get_budget_id   (OutlayRoiSnapshot *self);
gint64             outlay_roi_snapshot_get_taken       (OutlayRoiSnapshot *self);
OutlayDecimal      outlay_roi_snapshot_get_cost        (OutlayRoiSnapshot *self);
OutlayDecimal      outlay_roi_snapshot_get_value       (OutlayRoiSnapshot *self);
OutlayDecimal      outlay_roi_snapshot_get_roi_percent (OutlayRoiSnapshot *self);
const char        *outlay_roi_snapshot_get_note        (OutlayRoiSnapshot *self);
OutlayDecimal outlay_roi_snapshot_get_expected_value (OutlayRoiSnapshot *self);
OutlayDecimal outlay_roi_snapshot_get_realized_value (OutlayRoiSnapshot *self);
OutlayDecimal outlay_roi_snapshot_get_estimate (OutlayRoiSnapshot *self);
guint outlay_roi_snapshot_get_tasks_done (OutlayRoiSnapshot *self);
guint outlay_roi_snapshot_get_tasks_total (OutlayRoiSnapshot *self);
const char *outlay_roi_snapshot_get_reason (OutlayRoiSnapshot *self);

G_END_DECLS
