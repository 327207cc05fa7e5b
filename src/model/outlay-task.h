/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "outlay-decimal.h"
#include "outlay-model-enums.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_TASK (outlay_task_get_type ())

G_DECLARE_FINAL_TYPE (OutlayTask, outlay_task, OUTLAY, TASK, GObject)

OutlayTask       *outlay_task_new                 (void);
gint64            outlay_task_get_id              (OutlayTask *self);
gint64            outlay_task_get_budget_id       (OutlayTask *self);
gint64            outlay_task_get_line_id         (OutlayTask *self);
const char       *outlay_task_get_name            (OutlayTask *self);
const char       *outlay_task_get_description     (OutlayTask *self);
OutlayTaskStatus  outlay_task_get_status          (OutlayTask *self);
int outlay_task_get_percent_complete (OutlayTask *self);
gint64            outlay_task_get_assignee_id     (OutlayTask *self);
const char       *outlay_task_get_assignee        (OutlayTask *self);
OutlayDecimal     outlay_task_get_estimated_hours (OutlayTask *self);
OutlayDecimal     outlay_task_get_estimated_cost  (OutlayTask *self);
OutlayDecimal     outlay_task_get_hourly_rate     (OutlayTask *self);
OutlayDecimal     outlay_task_get_resource_cost   (OutlayTask *self);
OutlayDecimal     outlay_task_get_direct_cost     (OutlayTask *self);
OutlayDecimal     outlay_task_get_actual_hours    (OutlayTask *self);
OutlayDecimal     outlay_task_get_actual_cost     (OutlayTask *self);
const char       *outlay_task_get_due_date        (OutlayTask *self);
const char       *outlay_task_get_external_id     (OutlayTask *self);
const char       *outlay_task_get_external_source (OutlayTask *self);
OutlayDecimal
outlay_task_earned (OutlayDecimal estimated_cost, OutlayTaskStatus status, int percent_complete);
gboolean outlay_task_parse_percent (const char *text, int *out, GError **error);

G_END_DECLS
