/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-version"

#include "config.h"

#include "outlay-version.h"
#include "outlay-model-property.h"

struct _OutlayVersion
{
  GObject        parent_instance;
  gint64         id;
  gint64         budget_id;
  char          *name;
  char          *note;
  gint64         created;
  gboolean       locked;
  OutlayDecimal  total_estimate;
  OutlayDecimal  total_actual;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_BUDGET_ID,
  PROP_NAME,
  PROP_NOTE,
  PROP_CREATED,
  PROP_LOCKED,
  PROP_TOTAL_ESTIMATE,
  PROP_TOTAL_ACTUAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OutlayVersion, outlay_version, G_TYPE_OBJECT)

static const OutlayModelField fields[] = {
  OUTLAY_MODEL_INT64 (PROP_ID, OutlayVersion, id),
  OUTLAY_MODEL_INT64 (PROP_BUDGET_ID, OutlayVersion, budget_id),
  OUTLAY_MODEL_STRING (PROP_NAME, OutlayVersion, name),
  OUTLAY_MODEL_STRING (PROP_NOTE, OutlayVersion, note),
  OUTLAY_MODEL_INT64 (PROP_CREATED, OutlayVersion, created),
  OUTLAY_MODEL_BOOLEAN (PROP_LOCKED, OutlayVersion, locked),
  OUTLAY_MODEL_INT64 (PROP_TOTAL_ESTIMATE, OutlayVersion, total_estimate),
  OUTLAY_MODEL_INT64 (PROP_TOTAL_ACTUAL, OutlayVersion, total_actual),
};

static void
outlay_version_finalize (GObject *object)
{
  outlay_model_property_clear_strings (object, fields, G_N_ELEMENTS (fields));
  G_OBJECT_CLASS (outlay_version_parent_class)->finalize (object);
}

static void
outlay_version_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  if (!outlay_model_property_get (object, fields, G_N_ELEMENTS (fields), prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
outlay_version_set_property (GObject      *object,
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
outlay_version_class_init (OutlayVersionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = outlay_version_finalize;
  object_class->get_property = outlay_version_get_property;
  object_class->set_property = outlay_version_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_BUDGET_ID] = g_param_spec_int64 ("budget-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, rw);
  properties[PROP_CREATED] = g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_LOCKED] = g_param_spec_boolean ("locked", NULL, NULL, FALSE, rw);
  properties[PROP_TOTAL_ESTIMATE] = decimal_spec ("total-estimate", OUTLAY_DECIMAL_MIN);
  properties[PROP_TOTAL_ACTUAL] = decimal_spec ("total-actual", OUTLAY_DECIMAL_MIN);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
outlay_version_init (OutlayVersion *self)
{
}

/**
 * outlay_version_new:
 *
 * Returns: (transfer full): an unsaved, unlocked version
 */
OutlayVersion *
outlay_version_new (void)
{
  return g_object_new (OUTLAY_TYPE_VERSION, NULL);
}

gint64 outlay_version_get_id (OutlayVersion *self) { g_return_val_if_fail (OUTLAY_IS_VERSION (self), 0); return self->id; }
gint64 outlay_version_get_budget_id (OutlayVersion *self) { g_return_val_if_fail (OUTLAY_IS_VERSION (self), 0); return self->budget_id; }
const char *outlay_version_get_name (OutlayVersion *self) { g_return_val_if_fail (OUTLAY_IS_VERSION (self), NULL); return self->name; }
const char *outlay_version_get_note (OutlayVersion *self) { g_return_val_if_fail (OUTLAY_IS_VERSION (self), NULL); return self->note; }
gint64 outlay_version_get_created (OutlayVersion *self) { g_return_val_if_fail (OUTLAY_IS_VERSION (self), 0); return self->created; }
gboolean outlay_version_get_locked (OutlayVersion *self) { g_return_val_if_fail (OUTLAY_IS_VERSION (self), FALSE); return self->locked; }
OutlayDecimal outlay_version_get_total_estimate (OutlayVersion *self) { g_return_val_if_fail (OUTLAY_IS_VERSION (self), 0); return self->total_estimate; }
OutlayDecimal outlay_version_get_total_actual (OutlayVersion *self) { g_return_val_if_fail (OUTLAY_IS_VERSION (self), 0); return self->total_actual; }
