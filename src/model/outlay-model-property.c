/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-model"

#include "config.h"

#include "outlay-model-property.h"

static const OutlayModelField *
find_field (const OutlayModelField *fields,
            guint                   n_fields,
            guint                   prop_id)
{
  /* Tables usually list every property in PROP_ order from PROP_0 + 1. */
  if (prop_id >= 1 && prop_id <= n_fields && fields[prop_id - 1].prop_id == prop_id)
    return &fields[prop_id - 1];
  for (guint i = 0; i < n_fields; i++)
    if (fields[i].prop_id == prop_id)
      return &fields[i];
  return NULL;
}

#define MEMBER(object, field, CType) ((CType *) (gpointer) ((guint8 *) (object) + (field)->offset))

/**
 * outlay_model_property_get:
 * @object: the instance the offsets in @fields are relative to
 * @fields: (array length=n_fields): the type's plain fields
 * @n_fields: the number of entries in @fields
 * @prop_id: the property asked for
 * @value: the value to fill, initialised to the property's type
 *
 * Copies the member behind @prop_id into @value, for a get_property.
 *
 * Returns: %FALSE, leaving @value alone, if @fields has no @prop_id
 */
gboolean
outlay_model_property_get (GObject                *object,
                           const OutlayModelField *fields,
                           guint                   n_fields,
                           guint                   prop_id,
                           GValue                 *value)
{
  const OutlayModelField *field = find_field (fields, n_fields, prop_id);

  if (field == NULL)
    return FALSE;

  switch (field->kind)
    {
    case OUTLAY_MODEL_FIELD_STRING:
      g_value_set_string (value, *MEMBER (object, field, char *));
      break;
    case OUTLAY_MODEL_FIELD_INT64:
      g_value_set_int64 (value, *MEMBER (object, field, gint64));
      break;
    case OUTLAY_MODEL_FIELD_UINT:
      g_value_set_uint (value, *MEMBER (object, field, guint));
      break;
    case OUTLAY_MODEL_FIELD_INT:
      g_value_set_int (value, *MEMBER (object, field, gint));
      break;
    case OUTLAY_MODEL_FIELD_ENUM:
      g_value_set_enum (value, *MEMBER (object, field, gint));
      break;
    case OUTLAY_MODEL_FIELD_BOOLEAN:
      g_value_set_boolean (value, *MEMBER (object, field, gboolean));
      break;
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

/**
 * outlay_model_property_set:
 * @object: the instance the offsets in @fields are relative to
 * @fields: (array length=n_fields): the type's plain fields
 * @n_fields: the number of entries in @fields
 * @prop_id: the property being set
 * @value: the new value, already validated by GObject against @pspec
 * @pspec: the property's spec, notified when the member changes
 *
 * Stores @value in the member behind @prop_id, for a set_property.  A
 * string is copied (the old one freed) and compared by content.  "notify"
 * is emitted through @pspec only when the stored value really changed,
 * which is what %G_PARAM_EXPLICIT_NOTIFY properties promise.
 *
 * Returns: %FALSE, touching nothing, if @fields has no @prop_id
 */
gboolean
outlay_model_property_set (GObject                *object,
                           const OutlayModelField *fields,
                           guint                   n_fields,
                           guint                   prop_id,
                           const GValue           *value,
                           GParamSpec             *pspec)
{
  const OutlayModelField *field = find_field (fields, n_fields, prop_id);
  gboolean changed = FALSE;

  if (field == NULL)
    return FALSE;

  switch (field->kind)
    {
    case OUTLAY_MODEL_FIELD_STRING:
      {
        char **s = MEMBER (object, field, char *);
        const char *v = g_value_get_string (value);

        if ((changed = g_strcmp0 (*s, v) != 0))
          {
            g_free (*s);
            *s = g_strdup (v);
          }
      }
      break;
    case OUTLAY_MODEL_FIELD_INT64:
      {
        gint64 *i = MEMBER (object, field, gint64);

        if ((changed = *i != g_value_get_int64 (value)))
          *i = g_value_get_int64 (value);
      }
      break;
    case OUTLAY_MODEL_FIELD_UINT:
      {
        guint *u = MEMBER (object, field, guint);

        if ((changed = *u != g_value_get_uint (value)))
          *u = g_value_get_uint (value);
      }
      break;
    case OUTLAY_MODEL_FIELD_INT:
      {
        gint *n = MEMBER (object, field, gint);

        if ((changed = *n != g_value_get_int (value)))
          *n = g_value_get_int (value);
      }
      break;
    case OUTLAY_MODEL_FIELD_ENUM:
      {
        gint *e = MEMBER (object, field, gint);

        if ((changed = *e != g_value_get_enum (value)))
          *e = g_value_get_enum (value);
      }
      break;
    case OUTLAY_MODEL_FIELD_BOOLEAN:
      {
        gboolean *b = MEMBER (object, field, gboolean);

        if ((changed = *b != g_value_get_boolean (value)))
          *b = g_value_get_boolean (value);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

/**
 * outlay_model_property_clear_strings:
 * @object: the instance the offsets in @fields are relative to
 * @fields: (array length=n_fields): the type's plain fields
 * @n_fields: the number of entries in @fields
 *
 * Frees every string member listed in @fields and sets it to %NULL, for a
 * finalize (or dispose).  Other kinds are left alone.
 */
void
outlay_model_property_clear_strings (GObject                *object,
                                     const OutlayModelField *fields,
                                     guint                   n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    if (fields[i].kind == OUTLAY_MODEL_FIELD_STRING)
      g_clear_pointer (MEMBER (object, &fields[i], char *), g_free);
}
