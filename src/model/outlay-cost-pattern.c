/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-cost-pattern"

#include "config.h"

#include "outlay-cost-pattern.h"
#include "outlay-model-property.h"

struct _OutlayCostPattern
{
  GObject        parent_instance;
  gint64         id;
  gint64         budget_id;
  char          *kind;
  char          *description;
  OutlayDecimal  amount;
  guint          frequency;
  guint          confidence;
  gint64         detected;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_BUDGET_ID,
  PROP_KIND,
  PROP_DESCRIPTION,
  PROP_AMOUNT,
  PROP_FREQUENCY,
  PROP_CONFIDENCE,
  PROP_DETECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OutlayCostPattern, outlay_cost_pattern, G_TYPE_OBJECT)

static const OutlayModelField fields[] = {
  OUTLAY_MODEL_INT64 (PROP_ID, OutlayCostPattern, id),
  OUTLAY_MODEL_INT64 (PROP_BUDGET_ID, OutlayCostPattern, budget_id),
  OUTLAY_MODEL_STRING (PROP_KIND, OutlayCostPattern, kind),
  OUTLAY_MODEL_STRING (PROP_DESCRIPTION, OutlayCostPattern, description),
  OUTLAY_MODEL_INT64 (PROP_AMOUNT, OutlayCostPattern, amount),
  OUTLAY_MODEL_UINT (PROP_FREQUENCY, OutlayCostPattern, frequency),
  OUTLAY_MODEL_UINT (PROP_CONFIDENCE, OutlayCostPattern, confidence),
  OUTLAY_MODEL_INT64 (PROP_DETECTED, OutlayCostPattern, detected),
};

static void
outlay_cost_pattern_finalize (GObject *object)
{
  outlay_model_property_clear_strings (object, fields, G_N_ELEMENTS (fields));
  G_OBJECT_CLASS (outlay_cost_pattern_parent_class)->finalize (object);
}

static void
outlay_cost_pattern_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  if (!outlay_model_property_get (object, fields, G_N_ELEMENTS (fields), prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
outlay_cost_pattern_set_property (GObject      *object,
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
outlay_cost_pattern_class_init (OutlayCostPatternClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = outlay_cost_pattern_finalize;
  object_class->get_property = outlay_cost_pattern_get_property;
  object_class->set_property = outlay_cost_pattern_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_BUDGET_ID] = g_param_spec_int64 ("budget-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);
  properties[PROP_AMOUNT] = decimal_spec ("amount", 0);
  properties[PROP_FREQUENCY] = g_param_spec_uint ("frequency", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_CONFIDENCE] = g_param_spec_uint ("confidence", NULL, NULL, 0, 100, 0, rw);
  properties[PROP_DETECTED] = g_param_spec_int64 ("detected", NULL, NULL, 0, G_MAXINT64, 0, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
outlay_cost_pattern_init (OutlayCostPattern *self)
{
}

/**
 * outlay_cost_pattern_new:
 *
 * Returns: (transfer full): an empty pattern
 */
OutlayCostPattern *
outlay_cost_pattern_new (void)
{
  return g_object_new (OUTLAY_TYPE_COST_PATTERN, NULL);
}

gint64 outlay_cost_pattern_get_id (OutlayCostPattern *self) { g_return_val_if_fail (OUTLAY_IS_COST_PATTERN (self), 0); return self->id; }
gint64 outlay_cost_pattern_get_budget_id (OutlayCostPattern *self) { g_return_val_if_fail (OUTLAY_IS_COST_PATTERN (self), 0); return self->budget_id; }
const char *outlay_cost_pattern_get_kind (OutlayCostPattern *self) { g_return_val_if_fail (OUTLAY_IS_COST_PATTERN (self), NULL); return self->kind; }
const char *outlay_cost_pattern_get_description (OutlayCostPattern *self) { g_return_val_if_fail (OUTLAY_IS_COST_PATTERN (self), NULL); return self->description; }
OutlayDecimal outlay_cost_pattern_get_amount (OutlayCostPattern *self) { g_return_val_if_fail (OUTLAY_IS_COST_PATTERN (self), 0); return self->amount; }
guint outlay_cost_pattern_get_frequency (OutlayCostPattern *self) { g_return_val_if_fail (OUTLAY_IS_COST_PATTERN (self), 0); return self->frequency; }
guint outlay_cost_pattern_get_confidence (OutlayCostPattern *self) { g_return_val_if_fail (OUTLAY_IS_COST_PATTERN (self), 0); return self->confidence; }
gint64 outlay_cost_pattern_get_detected (OutlayCostPattern *self) { g_return_val_if_fail (OUTLAY_IS_COST_PATTERN (self), 0); return self->detected; }
