/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Table-driven get_property/set_property for the model's plain fields.
 *
 * An entity lists the properties that are nothing but a struct member:
 *
 *   static const OutlayModelField fields[] = {
 *     OUTLAY_MODEL_INT64 (PROP_ID, OutlayPerson, id),
 *     OUTLAY_MODEL_STRING (PROP_NAME, OutlayPerson, name),
 *   };
 *
 * and hands the table to outlay_model_property_get() / _set() from its
 * get_property and set_property, keeping anything special (derived values,
 * side effects) as explicit cases around them.  The macros check at compile
 * time that the member has the C type the kind reads and writes, so a table
 * entry cannot point the helper at a member of another width. */

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  OUTLAY_MODEL_FIELD_STRING,  /* char *, owned; NULL allowed */
  OUTLAY_MODEL_FIELD_INT64,   /* gint64: ids, timestamps, OutlayDecimal */
  OUTLAY_MODEL_FIELD_UINT,    /* guint: counts, percentages */
  OUTLAY_MODEL_FIELD_INT,     /* gint: small numbers that may be unset (-1) */
  OUTLAY_MODEL_FIELD_ENUM,    /* a C enum the size of an int */
  OUTLAY_MODEL_FIELD_BOOLEAN, /* gboolean */
} OutlayModelFieldKind;

typedef struct
{
  guint                prop_id;
  OutlayModelFieldKind kind;
  gsize                offset; /* from the start of the instance */
} OutlayModelField;

/* G_STRUCT_OFFSET (T, m), failing to compile unless &m is a CType *. */
#define OUTLAY_MODEL_OFFSET_(T, m, CType) \
  ((gsize) G_STRUCT_OFFSET (T, m) + 0 * sizeof (&((T *) 0)->m == (CType *) 0))
/* G_STRUCT_OFFSET (T, m), failing to compile unless m is int-sized. */
#define OUTLAY_MODEL_ENUM_OFFSET_(T, m) \
  ((gsize) G_STRUCT_OFFSET (T, m) \
   + 0 * sizeof (char[sizeof (((T *) 0)->m) == sizeof (gint) ? 1 : -1]))

#define OUTLAY_MODEL_STRING(prop, T, m) \
  { (prop), OUTLAY_MODEL_FIELD_STRING, OUTLAY_MODEL_OFFSET_ (T, m, char *) }
#define OUTLAY_MODEL_INT64(prop, T, m) \
  { (prop), OUTLAY_MODEL_FIELD_INT64, OUTLAY_MODEL_OFFSET_ (T, m, gint64) }
#define OUTLAY_MODEL_UINT(prop, T, m) \
  { (prop), OUTLAY_MODEL_FIELD_UINT, OUTLAY_MODEL_OFFSET_ (T, m, guint) }
#define OUTLAY_MODEL_INT(prop, T, m)                                                               \
  {                                                                                                \
    (prop), OUTLAY_MODEL_FIELD_INT, OUTLAY_MODEL_OFFSET_ (T, m, gint)                              \
  }
#define OUTLAY_MODEL_ENUM(prop, T, m) \
  { (prop), OUTLAY_MODEL_FIELD_ENUM, OUTLAY_MODEL_ENUM_OFFSET_ (T, m) }
#define OUTLAY_MODEL_BOOLEAN(prop, T, m) \
  { (prop), OUTLAY_MODEL_FIELD_BOOLEAN, OUTLAY_MODEL_OFFSET_ (T, m, gboolean) }

gboolean outlay_model_property_get           (GObject                *object,
                                              const OutlayModelField *fields,
                                              guint                   n_fields,
                                              guint                   prop_id,
                                              GValue                 *value);
gboolean outlay_model_property_set           (GObject                *object,
                                              const OutlayModelField *fields,
                                              guint                   n_fields,
                                              guint                   prop_id,
                                              const GValue           *value,
                                              GParamSpec             *pspec);
void     outlay_model_property_clear_strings (GObject                *object,
                                              const OutlayModelField *fields,
                                              guint                   n_fields);

G_END_DECLS
