/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-person"

#include "config.h"

#include "outlay-person.h"
#include "outlay-model-property.h"

struct _OutlayPerson
{
  GObject        parent_instance;
  gint64         id;
  char          *name;
  char          *email;
  char          *role;
  OutlayDecimal  hourly_rate;
  OutlayDecimal  cost_rate;
  char          *external_id;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_EMAIL,
  PROP_ROLE,
  PROP_HOURLY_RATE,
  PROP_COST_RATE,
  PROP_EXTERNAL_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OutlayPerson, outlay_person, G_TYPE_OBJECT)

static const OutlayModelField fields[] = {
  OUTLAY_MODEL_INT64 (PROP_ID, OutlayPerson, id),
  OUTLAY_MODEL_STRING (PROP_NAME, OutlayPerson, name),
  OUTLAY_MODEL_STRING (PROP_EMAIL, OutlayPerson, email),
  OUTLAY_MODEL_STRING (PROP_ROLE, OutlayPerson, role),
  OUTLAY_MODEL_INT64 (PROP_HOURLY_RATE, OutlayPerson, hourly_rate),
  OUTLAY_MODEL_INT64 (PROP_COST_RATE, OutlayPerson, cost_rate),
  OUTLAY_MODEL_STRING (PROP_EXTERNAL_ID, OutlayPerson, external_id),
};

static void
outlay_person_finalize (GObject *object)
{
  outlay_model_property_clear_strings (object, fields, G_N_ELEMENTS (fields));
  G_OBJECT_CLASS (outlay_person_parent_class)->finalize (object);
}

static void
outlay_person_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  if (!outlay_model_property_get (object, fields, G_N_ELEMENTS (fields), prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
outlay_person_set_property (GObject      *object,
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
outlay_person_class_init (OutlayPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = outlay_person_finalize;
  object_class->get_property = outlay_person_get_property;
  object_class->set_property = outlay_person_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, rw);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, NULL, rw);
  properties[PROP_HOURLY_RATE] = decimal_spec ("hourly-rate", 0);
  properties[PROP_COST_RATE] = decimal_spec ("cost-rate", 0);
  properties[PROP_EXTERNAL_ID] = g_param_spec_string ("external-id", NULL, NULL, NULL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
outlay_person_init (OutlayPerson *self)
{
}

/**
 * outlay_person_new:
 *
 * Returns: (transfer full): a person with no rates set
 */
OutlayPerson *
outlay_person_new (void)
{
  return g_object_new (OUTLAY_TYPE_PERSON, NULL);
}

gint64 outlay_person_get_id (OutlayPerson *self) { g_return_val_if_fail (OUTLAY_IS_PERSON (self), 0); return self->id; }
const char *outlay_person_get_name (OutlayPerson *self) { g_return_val_if_fail (OUTLAY_IS_PERSON (self), NULL); return self->name; }
const char *outlay_person_get_email (OutlayPerson *self) { g_return_val_if_fail (OUTLAY_IS_PERSON (self), NULL); return self->email; }
const char *outlay_person_get_role (OutlayPerson *self) { g_return_val_if_fail (OUTLAY_IS_PERSON (self), NULL); return self->role; }
OutlayDecimal outlay_person_get_hourly_rate (OutlayPerson *self) { g_return_val_if_fail (OUTLAY_IS_PERSON (self), 0); return self->hourly_rate; }
OutlayDecimal outlay_person_get_cost_rate (OutlayPerson *self) { g_return_val_if_fail (OUTLAY_IS_PERSON (self), 0); return self->cost_rate; }
const char *outlay_person_get_external_id (OutlayPerson *self) { g_return_val_if_fail (OUTLAY_IS_PERSON (self), NULL); return self->external_id; }
