/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-roi-snapshot"

#include "config.h"

#include "outlay-roi-snapshot.h"
#include "outlay-model-property.h"

struct _OutlayRoiSnapshot
{
  GObject        parent_instance;
  gint64         id;
  gint64         budget_id;
  gint64         taken;
  OutlayDecimal  cost;
  OutlayDecimal  value;
  OutlayDecimal  roi_percent;
  char          *note;
  OutlayDecimal expected_value;
  OutlayDecimal realized_value;
  OutlayDecimal estimate;
  guint tasks_done;
  guint tasks_total;
  char *reason;
};

enum
{
  PROP_0,
  PROP_ID,
  PROP_BUDGET_ID,
  PROP_TAKEN,
  PROP_COST,
  PROP_VALUE,
  PROP_ROI_PERCENT,
  PROP_NOTE,
  PROP_EXPECTED_VALUE,
  PROP_REALIZED_VALUE,
  PROP_ESTIMATE,
  PROP_TASKS_DONE,
  PROP_TASKS_TOTAL,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OutlayRoiSnapshot, outlay_roi_snapshot, G_TYPE_OBJECT)

static const OutlayModelField fields[] = {
  OUTLAY_MODEL_INT64 (PROP_ID, OutlayRoiSnapshot, id),
  OUTLAY_MODEL_INT64 (PROP_BUDGET_ID, OutlayRoiSnapshot, budget_id),
  OUTLAY_MODEL_INT64 (PROP_TAKEN, OutlayRoiSnapshot, taken),
  OUTLAY_MODEL_INT64 (PROP_COST, OutlayRoiSnapshot, cost),
  OUTLAY_MODEL_INT64 (PROP_VALUE, OutlayRoiSnapshot, value),
  OUTLAY_MODEL_INT64 (PROP_ROI_PERCENT, OutlayRoiSnapshot, roi_percent),
  OUTLAY_MODEL_STRING (PROP_NOTE, OutlayRoiSnapshot, note),
  OUTLAY_MODEL_INT64 (PROP_EXPECTED_VALUE, OutlayRoiSnapshot, expected_value),
  OUTLAY_MODEL_INT64 (PROP_REALIZED_VALUE, OutlayRoiSnapshot, realized_value),
  OUTLAY_MODEL_INT64 (PROP_ESTIMATE, OutlayRoiSnapshot, estimate),
  OUTLAY_MODEL_UINT (PROP_TASKS_DONE, OutlayRoiSnapshot, tasks_done),
  OUTLAY_MODEL_UINT (PROP_TASKS_TOTAL, OutlayRoiSnapshot, tasks_total),
  OUTLAY_MODEL_STRING (PROP_REASON, OutlayRoiSnapshot, reason),
};

static void
outlay_roi_snapshot_finalize (GObject *object)
{
  outlay_model_property_clear_strings (object, fields, G_N_ELEMENTS (fields));
  G_OBJECT_CLASS (outlay_roi_snapshot_parent_class)->finalize (object);
}

static void
outlay_roi_snapshot_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  if (!outlay_model_property_get (object, fields, G_N_ELEMENTS (fields), prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
outlay_roi_snapshot_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  if (!outlay_model_property_set (object, fields, G_N_ELEMENTS (fields), prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static GParamSpec *
decimal_spec (const char *name, gint64 min)
{
  return g_param_spec_int64 (name, NULL, NULL, min, OUTLAY_DECIMAL_MAX, 0,
                             G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static void
outlay_roi_snapshot_class_init (OutlayRoiSnapshotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = outlay_roi_snapshot_finalize;
  object_class->get_property = outlay_roi_snapshot_get_property;
  object_class->set_property = outlay_roi_snapshot_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_BUDGET_ID] = g_param_spec_int64 ("budget-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_TAKEN] = g_param_spec_int64 ("taken", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_COST] = decimal_spec ("cost", 0);
  properties[PROP_VALUE] = decimal_spec ("value", OUTLAY_DECIMAL_MIN);
  properties[PROP_ROI_PERCENT] = decimal_spec ("roi-percent", OUTLAY_DECIMAL_MIN);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, rw);
  properties[PROP_EXPECTED_VALUE] = decimal_spec ("expected-value", OUTLAY_DECIMAL_MIN);
  properties[PROP_REALIZED_VALUE] = decimal_spec ("realized-value", OUTLAY_DECIMAL_MIN);
  properties[PROP_ESTIMATE] = decimal_spec ("estimate", OUTLAY_DECIMAL_MIN);
  properties[PROP_TASKS_DONE] = g_param_spec_uint ("tasks-done", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_TASKS_TOTAL] = g_param_spec_uint ("tasks-total", NULL, NULL, 0, G_MAXUINT, 0, rw);
  /* why it was taken: "manual", or "status:approved" when the budget's
   * status changed */
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
outlay_roi_snapshot_init (OutlayRoiSnapshot *self)
{
}

/**
 * outlay_roi_snapshot_new:
 *
 * Returns: (transfer full): an empty snapshot
 */
OutlayRoiSnapshot *
outlay_roi_snapshot_new (void)
{
  return g_object_new (OUTLAY_TYPE_ROI_SNAPSHOT, NULL);
}

gint64 outlay_roi_snapshot_get_id (OutlayRoiSnapshot *self) { g_return_val_if_fail (OUTLAY_IS_ROI_SNAPSHOT (self), 0); return self->id; }
gint64 outlay_roi_snapshot_get_budget_id (OutlayRoiSnapshot *self) { g_return_val_if_fail (OUTLAY_IS_ROI_SNAPSHOT (self), 0); return self->budget_id; }
gint64 outlay_roi_snapshot_get_taken (OutlayRoiSnapshot *self) { g_return_val_if_fail (OUTLAY_IS_ROI_SNAPSHOT (self), 0); return self->taken; }
OutlayDecimal outlay_roi_snapshot_get_cost (OutlayRoiSnapshot *self) { g_return_val_if_fail (OUTLAY_IS_ROI_SNAPSHOT (self), 0); return self->cost; }
OutlayDecimal outlay_roi_snapshot_get_value (OutlayRoiSnapshot *self) { g_return_val_if_fail (OUTLAY_IS_ROI_SNAPSHOT (self), 0); return self->value; }
OutlayDecimal outlay_roi_snapshot_get_roi_percent (OutlayRoiSnapshot *self) { g_return_val_if_fail (OUTLAY_IS_ROI_SNAPSHOT (self), 0); return self->roi_percent; }
const char *outlay_roi_snapshot_get_note (OutlayRoiSnapshot *self) { g_return_val_if_fail (OUTLAY_IS_ROI_SNAPSHOT (self), NULL); return self->note; }
OutlayDecimal
outlay_roi_snapshot_get_expected_value (OutlayRoiSnapshot *self)
{
  g_return_val_if_fail (OUTLAY_IS_ROI_SNAPSHOT (self), 0);
  return self->expected_value;
}
OutlayDecimal
outlay_roi_snapshot_get_realized_value (OutlayRoiSnapshot *self)
{
  g_return_val_if_fail (OUTLAY_IS_ROI_SNAPSHOT (self), 0);
  return self->realized_value;
}
OutlayDecimal
outlay_roi_snapshot_get_estimate (OutlayRoiSnapshot *self)
{
  g_return_val_if_fail (OUTLAY_IS_ROI_SNAPSHOT (self), 0);
  return self->estimate;
}
guint
outlay_roi_snapshot_get_tasks_done (OutlayRoiSnapshot *self)
{
  g_return_val_if_fail (OUTLAY_IS_ROI_SNAPSHOT (self), 0);
  return self->tasks_done;
}
guint
outlay_roi_snapshot_get_tasks_total (OutlayRoiSnapshot *self)
{
  g_return_val_if_fail (OUTLAY_IS_ROI_SNAPSHOT (self), 0);
  return self->tasks_total;
}
const char *
outlay_roi_snapshot_get_reason (OutlayRoiSnapshot *self)
{
  g_return_val_if_fail (OUTLAY_IS_ROI_SNAPSHOT (self), NULL);
  return self->reason;
}
