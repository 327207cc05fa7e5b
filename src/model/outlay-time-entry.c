/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-time-entry"

#include "config.h"

#include "outlay-time-entry.h"
#include "outlay-model-enum-types.h"
#include "outlay-model-property.h"

struct _OutlayTimeEntry
{
  GObject            parent_instance;
  gint64             id;
  gint64             task_id;
  gint64             person_id;
  char              *date;
  OutlayDecimal      hours;
  char              *description;
  OutlayDecimal      rate;
  gboolean           rate_overridden;
  OutlayEntrySource  source;
  char              *external_id;
  char *rate_source;
};

enum
{
  PROP_0,
  PROP_ID,
  PROP_TASK_ID,
  PROP_PERSON_ID,
  PROP_DATE,
  PROP_HOURS,
  PROP_DESCRIPTION,
  PROP_RATE,
  PROP_RATE_OVERRIDDEN,
  PROP_SOURCE,
  PROP_EXTERNAL_ID,
  PROP_RATE_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OutlayTimeEntry, outlay_time_entry, G_TYPE_OBJECT)

static const OutlayModelField fields[] = {
  OUTLAY_MODEL_INT64 (PROP_ID, OutlayTimeEntry, id),
  OUTLAY_MODEL_INT64 (PROP_TASK_ID, OutlayTimeEntry, task_id),
  OUTLAY_MODEL_INT64 (PROP_PERSON_ID, OutlayTimeEntry, person_id),
  OUTLAY_MODEL_STRING (PROP_DATE, OutlayTimeEntry, date),
  OUTLAY_MODEL_INT64 (PROP_HOURS, OutlayTimeEntry, hours),
  OUTLAY_MODEL_STRING (PROP_DESCRIPTION, OutlayTimeEntry, description),
  OUTLAY_MODEL_INT64 (PROP_RATE, OutlayTimeEntry, rate),
  OUTLAY_MODEL_BOOLEAN (PROP_RATE_OVERRIDDEN, OutlayTimeEntry, rate_overridden),
  OUTLAY_MODEL_ENUM (PROP_SOURCE, OutlayTimeEntry, source),
  OUTLAY_MODEL_STRING (PROP_EXTERNAL_ID, OutlayTimeEntry, external_id),
  OUTLAY_MODEL_STRING (PROP_RATE_SOURCE, OutlayTimeEntry, rate_source),
};

static void
outlay_time_entry_finalize (GObject *object)
{
  outlay_model_property_clear_strings (object, fields, G_N_ELEMENTS (fields));
  G_OBJECT_CLASS (outlay_time_entry_parent_class)->finalize (object);
}

static void
outlay_time_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  if (!outlay_model_property_get (object, fields, G_N_ELEMENTS (fields), prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
outlay_time_entry_set_property (GObject      *object,
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
outlay_time_entry_class_init (OutlayTimeEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = outlay_time_entry_finalize;
  object_class->get_property = outlay_time_entry_get_property;
  object_class->set_property = outlay_time_entry_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_TASK_ID] = g_param_spec_int64 ("task-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_PERSON_ID] = g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, rw);
  properties[PROP_HOURS] = decimal_spec ("hours", 0);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);
  properties[PROP_RATE] = decimal_spec ("rate", 0);
  properties[PROP_RATE_OVERRIDDEN] =
    g_param_spec_boolean ("rate-overridden", NULL, NULL, FALSE, rw);
  properties[PROP_SOURCE] = g_param_spec_enum ("source", NULL, NULL, OUTLAY_TYPE_ENTRY_SOURCE,
                                               OUTLAY_ENTRY_SOURCE_MANUAL, rw);
  properties[PROP_EXTERNAL_ID] = g_param_spec_string ("external-id", NULL, NULL, NULL, rw);
  /* where its rate came from when it was costed ("person-budget", …) */
  properties[PROP_RATE_SOURCE] = g_param_spec_string ("rate-source", NULL, NULL, NULL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
outlay_time_entry_init (OutlayTimeEntry *self)
{
}

/**
 * outlay_time_entry_new:
 *
 * Returns: (transfer full): a manual entry of zero hours
 */
OutlayTimeEntry *
outlay_time_entry_new (void)
{
  return g_object_new (OUTLAY_TYPE_TIME_ENTRY, NULL);
}

gint64 outlay_time_entry_get_id (OutlayTimeEntry *self) { g_return_val_if_fail (OUTLAY_IS_TIME_ENTRY (self), 0); return self->id; }
gint64 outlay_time_entry_get_task_id (OutlayTimeEntry *self) { g_return_val_if_fail (OUTLAY_IS_TIME_ENTRY (self), 0); return self->task_id; }
gint64 outlay_time_entry_get_person_id (OutlayTimeEntry *self) { g_return_val_if_fail (OUTLAY_IS_TIME_ENTRY (self), 0); return self->person_id; }
const char *outlay_time_entry_get_date (OutlayTimeEntry *self) { g_return_val_if_fail (OUTLAY_IS_TIME_ENTRY (self), NULL); return self->date; }
OutlayDecimal outlay_time_entry_get_hours (OutlayTimeEntry *self) { g_return_val_if_fail (OUTLAY_IS_TIME_ENTRY (self), 0); return self->hours; }
const char *outlay_time_entry_get_description (OutlayTimeEntry *self) { g_return_val_if_fail (OUTLAY_IS_TIME_ENTRY (self), NULL); return self->description; }
OutlayDecimal outlay_time_entry_get_rate (OutlayTimeEntry *self) { g_return_val_if_fail (OUTLAY_IS_TIME_ENTRY (self), 0); return self->rate; }
gboolean outlay_time_entry_get_rate_overridden (OutlayTimeEntry *self) { g_return_val_if_fail (OUTLAY_IS_TIME_ENTRY (self), FALSE); return self->rate_overridden; }
OutlayEntrySource outlay_time_entry_get_source (OutlayTimeEntry *self) { g_return_val_if_fail (OUTLAY_IS_TIME_ENTRY (self), 0); return self->source; }
const char *outlay_time_entry_get_external_id (OutlayTimeEntry *self) { g_return_val_if_fail (OUTLAY_IS_TIME_ENTRY (self), NULL); return self->external_id; }

/**
 * outlay_time_entry_get_cost:
 * @self: a time entry
 * @out: (out): hours × rate, rounded to four places; untouched on overflow
 *
 * Returns: %FALSE if the cost does not fit in an #OutlayDecimal
 */
gboolean
outlay_time_entry_get_cost (OutlayTimeEntry *self,
                            OutlayDecimal   *out)
{
  g_return_val_if_fail (OUTLAY_IS_TIME_ENTRY (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return outlay_decimal_mul (self->hours, self->rate, out);
}

const char *
outlay_time_entry_get_rate_source (OutlayTimeEntry *self)
{
  g_return_val_if_fail (OUTLAY_IS_TIME_ENTRY (self), NULL);
  return self->rate_source;
}
