/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib-object.h>
#include <string.h>

#include "outlay-account.h"
#include "outlay-bill.h"
#include "outlay-budget.h"
#include "outlay-commitment.h"
#include "outlay-cost-pattern.h"
#include "outlay-import-record.h"
#include "outlay-model-enum-types.h"
#include "outlay-model-property.h"
#include "outlay-person.h"
#include "outlay-recommendation.h"
#include "outlay-roi-snapshot.h"
#include "outlay-section.h"
#include "outlay-task.h"
#include "outlay-time-entry.h"
#include "outlay-version.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* The value every property is set to: anything but the default, so a
 * property whose default collides shows up as a missing notify. */
static void
init_test_value (GParamSpec *pspec,
                 GValue     *value)
{
  g_value_init (value, pspec->value_type);

  if (G_IS_PARAM_SPEC_STRING (pspec))
    g_value_set_string (value, "x");
  else if (G_IS_PARAM_SPEC_INT64 (pspec))
    g_value_set_int64 (value, 7);
  else if (G_IS_PARAM_SPEC_UINT (pspec))
    g_value_set_uint (value, 7);
  else if (G_IS_PARAM_SPEC_INT (pspec))
    g_value_set_int (value, 7);
  else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    g_value_set_boolean (value, TRUE);
  else if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;

      g_value_set_enum (value, enum_class->values[enum_class->n_values - 1].value);
    }
  else
    g_error ("%s: no test value for a %s property", pspec->name,
             g_type_name (pspec->value_type));
}

static void
check_property (GObject    *object,
                GParamSpec *pspec)
{
  g_auto(GValue) want = G_VALUE_INIT;
  g_auto(GValue) got = G_VALUE_INIT;
  g_autofree char *signal = g_strdup_printf ("notify::%s", pspec->name);
  guint count = 0;
  gulong handler;

  g_assert_true (pspec->flags & G_PARAM_READWRITE);
  g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
  init_test_value (pspec, &want);
  g_value_init (&got, pspec->value_type);
  g_object_get_property (object, pspec->name, &got);
  if (g_param_values_cmp (pspec, &want, &got) == 0)
    g_error ("%s: test value equals the default", pspec->name);

  handler = g_signal_connect (object, signal, G_CALLBACK (count_notify_cb), &count);
  g_object_set_property (object, pspec->name, &want);
  g_assert_cmpuint (count, ==, 1);

  g_value_reset (&got);
  g_object_get_property (object, pspec->name, &got);
  g_assert_cmpint (g_param_values_cmp (pspec, &want, &got), ==, 0);

  g_object_set_property (object, pspec->name, &want);
  g_assert_cmpuint (count, ==, 1);
  g_signal_handler_disconnect (object, handler);
}

static void
check_properties (GObject *object)
{
  guint n_props = 0;
  g_autofree GParamSpec **pspecs =
    g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_props);

  g_assert_cmpuint (n_props, >, 0);
  for (guint p = 0; p < n_props; p++)
    {
      /* a section's sums are read-only; its stored fields are not */
      if ((pspecs[p]->flags & G_PARAM_WRITABLE) == 0)
        continue;
      check_property (object, pspecs[p]);
    }
}

static void
record_notify_cb (GObject    *object,
                  GParamSpec *pspec,
                  GPtrArray  *names)
{
  g_ptr_array_add (names, (gpointer) pspec->name);
}

/* Sets @pspec on @object to @value and checks that "notify" was emitted
 * @n_notifies times (0 or 1), and only ever for @pspec. */
static void
set_and_count (GObject      *object,
               GPtrArray    *names,
               GParamSpec   *pspec,
               const GValue *value,
               guint         n_notifies)
{
  g_ptr_array_set_size (names, 0);
  g_object_set_property (object, pspec->name, value);
  g_assert_cmpuint (names->len, ==, n_notifies);
  for (guint i = 0; i < names->len; i++)
    g_assert_cmpstr (g_ptr_array_index (names, i), ==, pspec->name);
}

/* A value for property number @index that no other property of the object
 * gets and that is not the default, so that two properties sharing (or
 * overlapping) a member, or a property reading its neighbour, show up when
 * they are all read back. */
static void
init_distinct_value (GParamSpec *pspec,
                     guint       index,
                     GValue     *value)
{
  g_value_init (value, pspec->value_type);

  if (G_IS_PARAM_SPEC_STRING (pspec))
    {
      /* from a buffer that is scribbled over and freed once set, so a
       * stored pointer that is not a copy reads back wrong (or trips ASan) */
      g_value_take_string (value, g_strdup_printf ("%s-%u", pspec->name, index));
    }
  else if (G_IS_PARAM_SPEC_INT64 (pspec))
    {
      GParamSpecInt64 *spec = G_PARAM_SPEC_INT64 (pspec);

      g_value_set_int64 (value, MIN (spec->maximum, 1000 + (gint64) index));
    }
  else if (G_IS_PARAM_SPEC_UINT (pspec))
    {
      GParamSpecUInt *spec = G_PARAM_SPEC_UINT (pspec);

      g_value_set_uint (value, MIN (spec->maximum, 1 + index));
    }
  else if (G_IS_PARAM_SPEC_INT (pspec))
    {
      GParamSpecInt *spec = G_PARAM_SPEC_INT (pspec);

      g_value_set_int (value, MIN (spec->maximum, 1 + (gint) index));
    }
  else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    g_value_set_boolean (value, !G_PARAM_SPEC_BOOLEAN (pspec)->default_value);
  else if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GParamSpecEnum *spec = G_PARAM_SPEC_ENUM (pspec);
      GEnumValue *v = &spec->enum_class->values[index % spec->enum_class->n_values];

      if (v->value == spec->default_value)
        v = &spec->enum_class->values[(index + 1) % spec->enum_class->n_values];
      g_value_set_enum (value, v->value);
    }
  else
    g_error ("%s: no test value for a %s property", pspec->name,
             g_type_name (pspec->value_type));
}

/* Gives every writable property of a fresh @object its own value, one at a
 * time, counting notifies; reads them all back; sets them all again to
 * equal values (strings in new buffers), which must not notify; then
 * clears the strings to NULL and to "" (which differ). */
static void
check_distinct_properties (GObject *object)
{
  guint n_props = 0;
  g_autofree GParamSpec **pspecs =
    g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_props);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GValue *values = g_new0 (GValue, n_props);
  gulong handler = g_signal_connect (object, "notify", G_CALLBACK (record_notify_cb), names);

  for (guint p = 0; p < n_props; p++)
    {
      if ((pspecs[p]->flags & G_PARAM_WRITABLE) == 0)
        continue;
      init_distinct_value (pspecs[p], p, &values[p]);
      if (G_VALUE_HOLDS_STRING (&values[p]))
        {
          g_auto(GValue) scratch = G_VALUE_INIT;
          char *buffer = g_strdup (g_value_get_string (&values[p]));

          g_value_init (&scratch, G_TYPE_STRING);
          g_value_set_static_string (&scratch, buffer);
          set_and_count (object, names, pspecs[p], &scratch, 1);
          memset (buffer, '#', strlen (buffer));
          g_free (buffer);
        }
      else
        set_and_count (object, names, pspecs[p], &values[p], 1);
    }

  for (guint p = 0; p < n_props; p++)
    {
      g_auto(GValue) got = G_VALUE_INIT;

      if ((pspecs[p]->flags & G_PARAM_WRITABLE) == 0)
        continue;
      g_value_init (&got, pspecs[p]->value_type);
      g_object_get_property (object, pspecs[p]->name, &got);
      if (g_param_values_cmp (pspecs[p], &values[p], &got) != 0)
        g_error ("%s: reads back %s", pspecs[p]->name, g_strdup_value_contents (&got));
    }

  for (guint p = 0; p < n_props; p++)
    {
      g_auto(GValue) same = G_VALUE_INIT;

      if ((pspecs[p]->flags & G_PARAM_WRITABLE) == 0)
        continue;
      g_value_init (&same, pspecs[p]->value_type);
      g_value_copy (&values[p], &same);
      set_and_count (object, names, pspecs[p], &same, 0);
    }

  for (guint p = 0; p < n_props; p++)
    {
      g_auto(GValue) empty = G_VALUE_INIT;
      g_auto(GValue) got = G_VALUE_INIT;

      if ((pspecs[p]->flags & G_PARAM_WRITABLE) == 0 || !G_IS_PARAM_SPEC_STRING (pspecs[p]))
        continue;
      g_value_init (&empty, G_TYPE_STRING);
      g_value_init (&got, G_TYPE_STRING);
      set_and_count (object, names, pspecs[p], &empty, 1);
      set_and_count (object, names, pspecs[p], &empty, 0);
      g_object_get_property (object, pspecs[p]->name, &got);
      g_assert_null (g_value_get_string (&got));
      g_value_set_static_string (&empty, "");
      set_and_count (object, names, pspecs[p], &empty, 1);
      g_value_reset (&got);
      g_object_get_property (object, pspecs[p]->name, &got);
      g_assert_cmpstr (g_value_get_string (&got), ==, "");
    }

  g_signal_handler_disconnect (object, handler);
  for (guint p = 0; p < n_props; p++)
    if (G_IS_VALUE (&values[p]))
      g_value_unset (&values[p]);
  g_free (values);
}

/* ---- the helper itself, on a type of its own ---- */

#define TEST_TYPE_FIELDS (test_fields_get_type ())
G_DECLARE_FINAL_TYPE (TestFields, test_fields, TEST, FIELDS, GObject)

struct _TestFields
{
  GObject           parent_instance;
  guint8            before; /* members of other widths around each field */
  char             *text;
  guint8            between;
  gint64            number;
  guint             count;
  OutlayBillStatus  status;
  gboolean          flag;
  char             *other;
  guint8            after;
};

enum {
  FIELD_PROP_0,
  FIELD_PROP_TEXT,
  FIELD_PROP_NUMBER,
  FIELD_PROP_COUNT,
  FIELD_PROP_STATUS,
  FIELD_PROP_FLAG,
  FIELD_PROP_OTHER,
  FIELD_PROP_DOUBLE, /* derived, not in the table */
  FIELD_N_PROPS
};

static GParamSpec *field_props[FIELD_N_PROPS];

/* Not in FIELD_PROP_ order, so lookups cannot rely on the position. */
static const OutlayModelField test_fields[] = {
  OUTLAY_MODEL_STRING (FIELD_PROP_OTHER, TestFields, other),
  OUTLAY_MODEL_BOOLEAN (FIELD_PROP_FLAG, TestFields, flag),
  OUTLAY_MODEL_ENUM (FIELD_PROP_STATUS, TestFields, status),
  OUTLAY_MODEL_UINT (FIELD_PROP_COUNT, TestFields, count),
  OUTLAY_MODEL_INT64 (FIELD_PROP_NUMBER, TestFields, number),
  OUTLAY_MODEL_STRING (FIELD_PROP_TEXT, TestFields, text),
};

G_DEFINE_FINAL_TYPE (TestFields, test_fields, G_TYPE_OBJECT)

static void
test_fields_finalize (GObject *object)
{
  outlay_model_property_clear_strings (object, test_fields, G_N_ELEMENTS (test_fields));
  G_OBJECT_CLASS (test_fields_parent_class)->finalize (object);
}

static void
test_fields_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  if (outlay_model_property_get (object, test_fields, G_N_ELEMENTS (test_fields), prop_id, value))
    return;
  if (prop_id == FIELD_PROP_DOUBLE)
    g_value_set_int64 (value, TEST_FIELDS (object)->number * 2);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
test_fields_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  if (!outlay_model_property_set (object, test_fields, G_N_ELEMENTS (test_fields), prop_id, value,
                                  pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
test_fields_class_init (TestFieldsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = test_fields_finalize;
  object_class->get_property = test_fields_get_property;
  object_class->set_property = test_fields_set_property;
  field_props[FIELD_PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, rw);
  field_props[FIELD_PROP_NUMBER] =
    g_param_spec_int64 ("number", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  field_props[FIELD_PROP_COUNT] = g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0, rw);
  field_props[FIELD_PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, OUTLAY_TYPE_BILL_STATUS,
                                                      OUTLAY_BILL_STATUS_DUE, rw);
  field_props[FIELD_PROP_FLAG] = g_param_spec_boolean ("flag", NULL, NULL, FALSE, rw);
  field_props[FIELD_PROP_OTHER] = g_param_spec_string ("other", NULL, NULL, NULL, rw);
  field_props[FIELD_PROP_DOUBLE] =
    g_param_spec_int64 ("double", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, FIELD_N_PROPS, field_props);
}

static void
test_fields_init (TestFields *self)
{
  self->before = self->between = self->after = 0xAB;
}

static void
test_helper (void)
{
  g_autoptr(TestFields) t = g_object_new (TEST_TYPE_FIELDS, NULL);
  GObject *object = G_OBJECT (t);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_auto(GValue) v = G_VALUE_INIT;
  char *buffer;

  g_signal_connect (t, "notify", G_CALLBACK (record_notify_cb), names);

  /* every kind lands in its own member, the neighbours untouched */
  g_object_set (t,
                "text", "text",
                "number", G_MININT64,
                "count", G_MAXUINT,
                "status", OUTLAY_BILL_STATUS_SKIPPED,
                "flag", TRUE,
                "other", "other",
                NULL);
  g_assert_cmpstr (t->text, ==, "text");
  g_assert_cmpint (t->number, ==, G_MININT64);
  g_assert_cmpuint (t->count, ==, G_MAXUINT);
  g_assert_cmpint (t->status, ==, OUTLAY_BILL_STATUS_SKIPPED);
  g_assert_true (t->flag);
  g_assert_cmpstr (t->other, ==, "other");
  g_assert_cmpuint (t->before, ==, 0xAB);
  g_assert_cmpuint (t->between, ==, 0xAB);
  g_assert_cmpuint (t->after, ==, 0xAB);
  g_assert_cmpuint (names->len, ==, 6);

  /* and reads back from it */
  t->number = 21;
  t->count = 7;
  t->status = OUTLAY_BILL_STATUS_PAID;
  t->flag = FALSE;
  {
    g_autofree char *text = NULL;
    g_autofree char *other = NULL;
    gint64 number = 0, twice = 0;
    guint count = 0;
    OutlayBillStatus status = 0;
    gboolean flag = TRUE;

    g_object_get (t, "text", &text, "number", &number, "count", &count, "status", &status,
                  "flag", &flag, "other", &other, "double", &twice, NULL);
    g_assert_cmpstr (text, ==, "text");
    g_assert_cmpint (number, ==, 21);
    g_assert_cmpuint (count, ==, 7);
    g_assert_cmpint (status, ==, OUTLAY_BILL_STATUS_PAID);
    g_assert_false (flag);
    g_assert_cmpstr (other, ==, "other");
    g_assert_cmpint (twice, ==, 42);
  }

  /* a string is copied, not kept: scribble over and free the original */
  buffer = g_strdup ("copied");
  g_value_init (&v, G_TYPE_STRING);
  g_value_set_static_string (&v, buffer);
  g_ptr_array_set_size (names, 0);
  g_assert_true (outlay_model_property_set (object, test_fields, G_N_ELEMENTS (test_fields),
                                            FIELD_PROP_TEXT, &v, field_props[FIELD_PROP_TEXT]));
  g_assert_true (t->text != buffer);
  memset (buffer, '#', strlen (buffer));
  g_free (buffer);
  g_assert_cmpstr (t->text, ==, "copied");
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "text");

  /* an equal string elsewhere in memory changes nothing and does not notify */
  buffer = t->text;
  g_value_take_string (&v, g_strdup ("copied"));
  g_ptr_array_set_size (names, 0);
  g_assert_true (outlay_model_property_set (object, test_fields, G_N_ELEMENTS (test_fields),
                                            FIELD_PROP_TEXT, &v, field_props[FIELD_PROP_TEXT]));
  g_assert_true (t->text == buffer);
  g_assert_cmpuint (names->len, ==, 0);

  /* ids outside the table are the caller's: no notify, nothing touched */
  g_value_unset (&v);
  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, 5);
  g_assert_false (outlay_model_property_get (object, test_fields, G_N_ELEMENTS (test_fields),
                                             FIELD_PROP_DOUBLE, &v));
  g_assert_cmpint (g_value_get_int64 (&v), ==, 5);
  g_assert_false (outlay_model_property_set (object, test_fields, G_N_ELEMENTS (test_fields),
                                             FIELD_PROP_DOUBLE, &v,
                                             field_props[FIELD_PROP_DOUBLE]));
  g_assert_false (outlay_model_property_get (object, test_fields, G_N_ELEMENTS (test_fields),
                                             FIELD_N_PROPS + 1, &v));
  g_assert_false (outlay_model_property_get (object, test_fields, 0, FIELD_PROP_TEXT, &v));
  g_assert_cmpint (t->number, ==, 21);
  g_assert_cmpuint (names->len, ==, 0);

  /* every check of the generic test holds for the test type too */
  {
    g_autoptr(GObject) fresh = g_object_new (TEST_TYPE_FIELDS, NULL);

    check_distinct_properties (fresh);
  }

  /* clear_strings frees and NULLs the strings only */
  outlay_model_property_clear_strings (object, test_fields, G_N_ELEMENTS (test_fields));
  g_assert_null (t->text);
  g_assert_null (t->other);
  g_assert_cmpuint (t->count, !=, 0);
  g_assert_cmpuint (t->before, ==, 0xAB);
  g_assert_cmpuint (t->after, ==, 0xAB);
}

static void
test_distinct (void)
{
  GType types[] = {
    OUTLAY_TYPE_ACCOUNT, OUTLAY_TYPE_BILL, OUTLAY_TYPE_BUDGET, OUTLAY_TYPE_COMMITMENT,
    OUTLAY_TYPE_COST_PATTERN, OUTLAY_TYPE_IMPORT_RECORD, OUTLAY_TYPE_PERSON,
    OUTLAY_TYPE_RECOMMENDATION, OUTLAY_TYPE_ROI_SNAPSHOT, OUTLAY_TYPE_SECTION, OUTLAY_TYPE_TASK,
    OUTLAY_TYPE_TIME_ENTRY, OUTLAY_TYPE_VERSION,
  };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GObject) object = g_object_new (types[t], NULL);

      g_test_message ("%s", g_type_name (types[t]));
      check_distinct_properties (object);
    }
}

static void
test_version (void)
{
  g_autoptr(OutlayVersion) v = outlay_version_new ();

  check_properties (G_OBJECT (v));

  /* distinct values, so a getter reading the wrong field fails */
  g_object_set (v,
                "id", (gint64) 10,
                "budget-id", (gint64) 11,
                "name", "name",
                "note", "note",
                "created", (gint64) 14,
                "total-estimate", (gint64) 16,
                "total-actual", (gint64) 17,
                NULL);
  g_assert_cmpint (outlay_version_get_id (v), ==, 10);
  g_assert_cmpint (outlay_version_get_budget_id (v), ==, 11);
  g_assert_cmpstr (outlay_version_get_name (v), ==, "name");
  g_assert_cmpstr (outlay_version_get_note (v), ==, "note");
  g_assert_cmpint (outlay_version_get_created (v), ==, 14);
  g_assert_true (outlay_version_get_locked (v));
  g_assert_cmpint (outlay_version_get_total_estimate (v), ==, 16);
  g_assert_cmpint (outlay_version_get_total_actual (v), ==, 17);
}

static void
test_person (void)
{
  g_autoptr(OutlayPerson) p = outlay_person_new ();

  check_properties (G_OBJECT (p));

  /* distinct values, so a getter reading the wrong field fails */
  g_object_set (p,
                "id", (gint64) 10,
                "name", "name",
                "email", "email",
                "role", "role",
                "hourly-rate", (gint64) 14,
                "cost-rate", (gint64) 15,
                "external-id", "external-id",
                NULL);
  g_assert_cmpint (outlay_person_get_id (p), ==, 10);
  g_assert_cmpstr (outlay_person_get_name (p), ==, "name");
  g_assert_cmpstr (outlay_person_get_email (p), ==, "email");
  g_assert_cmpstr (outlay_person_get_role (p), ==, "role");
  g_assert_cmpint (outlay_person_get_hourly_rate (p), ==, 14);
  g_assert_cmpint (outlay_person_get_cost_rate (p), ==, 15);
  g_assert_cmpstr (outlay_person_get_external_id (p), ==, "external-id");
}

static void
test_task (void)
{
  g_autoptr(OutlayTask) t = outlay_task_new ();

  check_properties (G_OBJECT (t));

  /* distinct values, so a getter reading the wrong field fails */
  g_object_set (t,
                "id", (gint64) 10,
                "budget-id", (gint64) 11,
                "line-id", (gint64) 12,
                "name", "name",
                "description", "description",
                "assignee-id", (gint64) 16,
                "assignee", "assignee",
                "estimated-hours", (gint64) 18,
                "estimated-cost", (gint64) 19,
                "hourly-rate", (gint64) 20,
                "resource-cost", (gint64) 21,
                "direct-cost", (gint64) 22,
                "actual-hours", (gint64) 23,
                "actual-cost", (gint64) 24,
                "due-date", "due-date",
                "external-id", "external-id",
                "external-source", "external-source",
                NULL);
  g_assert_cmpint (outlay_task_get_id (t), ==, 10);
  g_assert_cmpint (outlay_task_get_budget_id (t), ==, 11);
  g_assert_cmpint (outlay_task_get_line_id (t), ==, 12);
  g_assert_cmpstr (outlay_task_get_name (t), ==, "name");
  g_assert_cmpstr (outlay_task_get_description (t), ==, "description");
  g_assert_cmpint (outlay_task_get_status (t), ==, OUTLAY_TASK_STATUS_CANCELLED);
  g_assert_cmpint (outlay_task_get_assignee_id (t), ==, 16);
  g_assert_cmpstr (outlay_task_get_assignee (t), ==, "assignee");
  g_assert_cmpint (outlay_task_get_estimated_hours (t), ==, 18);
  g_assert_cmpint (outlay_task_get_estimated_cost (t), ==, 19);
  g_assert_cmpint (outlay_task_get_hourly_rate (t), ==, 20);
  g_assert_cmpint (outlay_task_get_resource_cost (t), ==, 21);
  g_assert_cmpint (outlay_task_get_direct_cost (t), ==, 22);
  g_assert_cmpint (outlay_task_get_actual_hours (t), ==, 23);
  g_assert_cmpint (outlay_task_get_actual_cost (t), ==, 24);
  g_assert_cmpstr (outlay_task_get_due_date (t), ==, "due-date");
  g_assert_cmpstr (outlay_task_get_external_id (t), ==, "external-id");
  g_assert_cmpstr (outlay_task_get_external_source (t), ==, "external-source");
}

static void
test_time_entry (void)
{
  g_autoptr(OutlayTimeEntry) te = outlay_time_entry_new ();

  check_properties (G_OBJECT (te));

  /* distinct values, so a getter reading the wrong field fails */
  g_object_set (te,
                "id", (gint64) 10,
                "task-id", (gint64) 11,
                "person-id", (gint64) 12,
                "date", "date",
                "hours", (gint64) 14,
                "description", "description",
                "rate", (gint64) 16,
                "external-id", "external-id",
                NULL);
  g_assert_cmpint (outlay_time_entry_get_id (te), ==, 10);
  g_assert_cmpint (outlay_time_entry_get_task_id (te), ==, 11);
  g_assert_cmpint (outlay_time_entry_get_person_id (te), ==, 12);
  g_assert_cmpstr (outlay_time_entry_get_date (te), ==, "date");
  g_assert_cmpint (outlay_time_entry_get_hours (te), ==, 14);
  g_assert_cmpstr (outlay_time_entry_get_description (te), ==, "description");
  g_assert_cmpint (outlay_time_entry_get_rate (te), ==, 16);
  g_assert_true (outlay_time_entry_get_rate_overridden (te));
  g_assert_cmpint (outlay_time_entry_get_source (te), ==, OUTLAY_ENTRY_SOURCE_IMPORT);
  g_assert_cmpstr (outlay_time_entry_get_external_id (te), ==, "external-id");
}

static void
test_recommendation (void)
{
  g_autoptr(OutlayRecommendation) r = outlay_recommendation_new ();

  check_properties (G_OBJECT (r));

  /* distinct values, so a getter reading the wrong field fails */
  g_object_set (r,
                "id", (gint64) 10,
                "budget-id", (gint64) 11,
                "kind", "kind",
                "title", "title",
                "description", "description",
                "estimated-savings", (gint64) 15,
                "confidence", 16u,
                "priority", OUTLAY_PRIORITY_HIGH,
                "reasoning", "reasoning",
                "patterns", "patterns",
                "created", (gint64) 22,
                NULL);
  g_assert_cmpint (outlay_recommendation_get_id (r), ==, 10);
  g_assert_cmpint (outlay_recommendation_get_budget_id (r), ==, 11);
  g_assert_cmpstr (outlay_recommendation_get_kind (r), ==, "kind");
  g_assert_cmpstr (outlay_recommendation_get_title (r), ==, "title");
  g_assert_cmpstr (outlay_recommendation_get_description (r), ==, "description");
  g_assert_cmpint (outlay_recommendation_get_estimated_savings (r), ==, 15);
  g_assert_cmpuint (outlay_recommendation_get_confidence (r), ==, 16);
  g_assert_cmpint (outlay_recommendation_get_priority (r), ==, OUTLAY_PRIORITY_HIGH);
  g_assert_cmpint (outlay_recommendation_get_status (r), ==,
                   OUTLAY_RECOMMENDATION_STATUS_IMPLEMENTED);
  g_assert_cmpstr (outlay_recommendation_get_reasoning (r), ==, "reasoning");
  g_assert_cmpint (outlay_recommendation_get_source (r), ==, OUTLAY_RECOMMENDATION_SOURCE_GEMINI);
  g_assert_cmpstr (outlay_recommendation_get_patterns (r), ==, "patterns");
  g_assert_cmpint (outlay_recommendation_get_created (r), ==, 22);
}

static void
test_roi_snapshot (void)
{
  g_autoptr(OutlayRoiSnapshot) rs = outlay_roi_snapshot_new ();

  check_properties (G_OBJECT (rs));

  /* distinct values, so a getter reading the wrong field fails */
  g_object_set (rs,
                "id", (gint64) 10,
                "budget-id", (gint64) 11,
                "taken", (gint64) 12,
                "cost", (gint64) 13,
                "value", (gint64) 14,
                "roi-percent", (gint64) 15,
                "note", "note",
                NULL);
  g_assert_cmpint (outlay_roi_snapshot_get_id (rs), ==, 10);
  g_assert_cmpint (outlay_roi_snapshot_get_budget_id (rs), ==, 11);
  g_assert_cmpint (outlay_roi_snapshot_get_taken (rs), ==, 12);
  g_assert_cmpint (outlay_roi_snapshot_get_cost (rs), ==, 13);
  g_assert_cmpint (outlay_roi_snapshot_get_value (rs), ==, 14);
  g_assert_cmpint (outlay_roi_snapshot_get_roi_percent (rs), ==, 15);
  g_assert_cmpstr (outlay_roi_snapshot_get_note (rs), ==, "note");
}

static void
test_cost_pattern (void)
{
  g_autoptr(OutlayCostPattern) cp = outlay_cost_pattern_new ();

  check_properties (G_OBJECT (cp));

  /* distinct values, so a getter reading the wrong field fails */
  g_object_set (cp,
                "id", (gint64) 10,
                "budget-id", (gint64) 11,
                "kind", "kind",
                "description", "description",
                "amount", (gint64) 14,
                "frequency", 15u,
                "confidence", 16u,
                "detected", (gint64) 17,
                NULL);
  g_assert_cmpint (outlay_cost_pattern_get_id (cp), ==, 10);
  g_assert_cmpint (outlay_cost_pattern_get_budget_id (cp), ==, 11);
  g_assert_cmpstr (outlay_cost_pattern_get_kind (cp), ==, "kind");
  g_assert_cmpstr (outlay_cost_pattern_get_description (cp), ==, "description");
  g_assert_cmpint (outlay_cost_pattern_get_amount (cp), ==, 14);
  g_assert_cmpuint (outlay_cost_pattern_get_frequency (cp), ==, 15);
  g_assert_cmpuint (outlay_cost_pattern_get_confidence (cp), ==, 16);
  g_assert_cmpint (outlay_cost_pattern_get_detected (cp), ==, 17);
}

static void
test_commitment (void)
{
  g_autoptr(OutlayCommitment) c = outlay_commitment_new ();

  check_properties (G_OBJECT (c));

  /* distinct values, so a getter reading the wrong field fails */
  g_object_set (c,
                "id", (gint64) 10,
                "budget-id", (gint64) 11,
                "line-id", (gint64) 12,
                "reference", "reference",
                "vendor", "vendor",
                "description", "description",
                "amount", (gint64) 16,
                "requested-by", "requested-by",
                "date", "date",
                "expected-date", "expected-date",
                NULL);
  g_assert_cmpint (outlay_commitment_get_id (c), ==, 10);
  g_assert_cmpint (outlay_commitment_get_budget_id (c), ==, 11);
  g_assert_cmpint (outlay_commitment_get_line_id (c), ==, 12);
  g_assert_cmpstr (outlay_commitment_get_reference (c), ==, "reference");
  g_assert_cmpstr (outlay_commitment_get_vendor (c), ==, "vendor");
  g_assert_cmpstr (outlay_commitment_get_description (c), ==, "description");
  g_assert_cmpint (outlay_commitment_get_amount (c), ==, 16);
  g_assert_cmpint (outlay_commitment_get_status (c), ==, OUTLAY_COMMITMENT_STATUS_CLOSED);
  g_assert_cmpstr (outlay_commitment_get_requested_by (c), ==, "requested-by");
  g_assert_cmpstr (outlay_commitment_get_date (c), ==, "date");
  g_assert_cmpstr (outlay_commitment_get_expected_date (c), ==, "expected-date");
  g_assert_true (outlay_commitment_get_auto_approved (c));
}

static void
test_account (void)
{
  g_autoptr(OutlayAccount) a = outlay_account_new ();

  check_properties (G_OBJECT (a));

  /* distinct values, so a getter reading the wrong field fails */
  g_object_set (a,
                "id", (gint64) 10,
                "name", "name",
                "institution", "institution",
                "currency", "currency",
                "balance", (gint64) 14,
                "balance-date", "balance-date",
                NULL);
  g_assert_cmpint (outlay_account_get_id (a), ==, 10);
  g_assert_cmpstr (outlay_account_get_name (a), ==, "name");
  g_assert_cmpstr (outlay_account_get_institution (a), ==, "institution");
  g_assert_cmpstr (outlay_account_get_currency (a), ==, "currency");
  g_assert_cmpint (outlay_account_get_balance (a), ==, 14);
  g_assert_cmpstr (outlay_account_get_balance_date (a), ==, "balance-date");
}

static void
test_bill (void)
{
  g_autoptr(OutlayBill) b = outlay_bill_new ();

  check_properties (G_OBJECT (b));

  /* distinct values, so a getter reading the wrong field fails */
  g_object_set (b,
                "id", (gint64) 10,
                "account-id", (gint64) 11,
                "budget-id", (gint64) 12,
                "line-id", (gint64) 13,
                "payee", "payee",
                "amount", (gint64) 15,
                "due-date", "due-date",
                "recurrence", "recurrence",
                "notes", "notes",
                NULL);
  g_assert_cmpint (outlay_bill_get_id (b), ==, 10);
  g_assert_cmpint (outlay_bill_get_account_id (b), ==, 11);
  g_assert_cmpint (outlay_bill_get_budget_id (b), ==, 12);
  g_assert_cmpint (outlay_bill_get_line_id (b), ==, 13);
  g_assert_cmpstr (outlay_bill_get_payee (b), ==, "payee");
  g_assert_cmpint (outlay_bill_get_amount (b), ==, 15);
  g_assert_cmpstr (outlay_bill_get_due_date (b), ==, "due-date");
  g_assert_cmpstr (outlay_bill_get_recurrence (b), ==, "recurrence");
  g_assert_cmpint (outlay_bill_get_status (b), ==, OUTLAY_BILL_STATUS_SKIPPED);
  g_assert_cmpstr (outlay_bill_get_notes (b), ==, "notes");
}

static void
test_import_record (void)
{
  g_autoptr(OutlayImportRecord) ir = outlay_import_record_new ();

  check_properties (G_OBJECT (ir));

  /* distinct values, so a getter reading the wrong field fails */
  g_object_set (ir,
                "id", (gint64) 10,
                "budget-id", (gint64) 11,
                "file-name", "file-name",
                "uri", "uri",
                "fingerprint", "fingerprint",
                "source", "source",
                "file-type", "file-type",
                "mapping", "mapping",
                "rows-total", 18u,
                "rows-imported", 19u,
                "rows-skipped", 20u,
                "errors", "errors",
                "started", (gint64) 22,
                "finished", (gint64) 23,
                NULL);
  g_assert_cmpint (outlay_import_record_get_id (ir), ==, 10);
  g_assert_cmpint (outlay_import_record_get_budget_id (ir), ==, 11);
  g_assert_cmpstr (outlay_import_record_get_file_name (ir), ==, "file-name");
  g_assert_cmpstr (outlay_import_record_get_uri (ir), ==, "uri");
  g_assert_cmpstr (outlay_import_record_get_fingerprint (ir), ==, "fingerprint");
  g_assert_cmpstr (outlay_import_record_get_source (ir), ==, "source");
  g_assert_cmpstr (outlay_import_record_get_file_type (ir), ==, "file-type");
  g_assert_cmpstr (outlay_import_record_get_mapping (ir), ==, "mapping");
  g_assert_cmpuint (outlay_import_record_get_rows_total (ir), ==, 18);
  g_assert_cmpuint (outlay_import_record_get_rows_imported (ir), ==, 19);
  g_assert_cmpuint (outlay_import_record_get_rows_skipped (ir), ==, 20);
  g_assert_cmpstr (outlay_import_record_get_errors (ir), ==, "errors");
  g_assert_cmpint (outlay_import_record_get_started (ir), ==, 22);
  g_assert_cmpint (outlay_import_record_get_finished (ir), ==, 23);
  g_assert_cmpint (outlay_import_record_get_status (ir), ==, OUTLAY_IMPORT_STATUS_UNDONE);
}
static void
test_budget (void)
{
  g_autoptr(OutlayBudget) b = outlay_budget_new (NULL);

  check_properties (G_OBJECT (b));

  /* distinct values, so a getter reading the wrong field fails */
  g_object_set (b,
                "id", (gint64) 10,
                "name", "name",
                "client", "client",
                "kind", OUTLAY_BUDGET_KIND_SALES,
                "currency", "EUR",
                "allocated", (gint64) 15,
                "allocated-hours", (gint64) 16,
                "warning-threshold", (gint64) 17,
                "critical-threshold", (gint64) 18,
                "status", OUTLAY_BUDGET_STATUS_APPROVED,
                "fiscal-start", "fiscal-start",
                "fiscal-end", "fiscal-end",
                "expected-value", (gint64) 22,
                "realized-value", (gint64) 23,
                "ai-analysis", FALSE,
                "created", (gint64) 25,
                "modified", (gint64) 26,
                "markup-percent", (gint64) 27,
                "contingency", (gint64) 28,
                "insurance-percent", (gint64) 29,
                "production-fee-percent", (gint64) 30,
                "handling-fee-percent", (gint64) 31,
                "production-company", "production-company",
                "agency", "agency",
                "job-number", "job-number",
                "bid-date", "bid-date",
                "shoot-dates", "shoot-dates",
                "director", "director",
                "producer", "producer",
                "comments", "comments",
                NULL);
  g_assert_cmpint (outlay_budget_get_id (b), ==, 10);
  g_assert_cmpstr (outlay_budget_get_name (b), ==, "name");
  g_assert_cmpstr (outlay_budget_get_client (b), ==, "client");
  g_assert_cmpint (outlay_budget_get_kind (b), ==, OUTLAY_BUDGET_KIND_SALES);
  g_assert_cmpstr (outlay_budget_get_currency (b), ==, "EUR");
  g_assert_cmpint (outlay_budget_get_allocated (b), ==, 15);
  g_assert_cmpint (outlay_budget_get_allocated_hours (b), ==, 16);
  g_assert_cmpint (outlay_budget_get_warning_threshold (b), ==, 17);
  g_assert_cmpint (outlay_budget_get_critical_threshold (b), ==, 18);
  g_assert_cmpint (outlay_budget_get_status (b), ==, OUTLAY_BUDGET_STATUS_APPROVED);
  g_assert_cmpstr (outlay_budget_get_fiscal_start (b), ==, "fiscal-start");
  g_assert_cmpstr (outlay_budget_get_fiscal_end (b), ==, "fiscal-end");
  g_assert_cmpint (outlay_budget_get_expected_value (b), ==, 22);
  g_assert_cmpint (outlay_budget_get_realized_value (b), ==, 23);
  g_assert_false (outlay_budget_get_ai_analysis (b));
  g_assert_cmpint (outlay_budget_get_created (b), ==, 25);
  g_assert_cmpint (outlay_budget_get_modified (b), ==, 26);
  g_assert_cmpint (outlay_budget_get_markup_percent (b), ==, 27);
  g_assert_cmpint (outlay_budget_get_contingency (b), ==, 28);
  g_assert_cmpint (outlay_budget_get_insurance_percent (b), ==, 29);
  g_assert_cmpint (outlay_budget_get_production_fee_percent (b), ==, 30);
  g_assert_cmpint (outlay_budget_get_handling_fee_percent (b), ==, 31);
  g_assert_cmpstr (outlay_budget_get_production_company (b), ==, "production-company");
  g_assert_cmpstr (outlay_budget_get_agency (b), ==, "agency");
  g_assert_cmpstr (outlay_budget_get_job_number (b), ==, "job-number");
  g_assert_cmpstr (outlay_budget_get_bid_date (b), ==, "bid-date");
  g_assert_cmpstr (outlay_budget_get_shoot_dates (b), ==, "shoot-dates");
  g_assert_cmpstr (outlay_budget_get_director (b), ==, "director");
  g_assert_cmpstr (outlay_budget_get_producer (b), ==, "producer");
  g_assert_cmpstr (outlay_budget_get_comments (b), ==, "comments");

  /* outlay_budget_copy() goes through every property */
  {
    g_autoptr(OutlayBudget) copy = outlay_budget_copy (b);

    g_assert_cmpint (outlay_budget_get_id (copy), ==, 10);
    g_assert_cmpint (outlay_budget_get_kind (copy), ==, OUTLAY_BUDGET_KIND_SALES);
    g_assert_cmpint (outlay_budget_get_status (copy), ==, OUTLAY_BUDGET_STATUS_APPROVED);
    g_assert_cmpint (outlay_budget_get_handling_fee_percent (copy), ==, 31);
    g_assert_cmpstr (outlay_budget_get_comments (copy), ==, "comments");
    g_assert_true (outlay_budget_get_comments (copy) != outlay_budget_get_comments (b));
  }
}

static void
test_section (void)
{
  g_autoptr(OutlaySection) s = outlay_section_new ("A", "Prep");

  check_properties (G_OBJECT (s));

  /* distinct values, so a getter reading the wrong field fails */
  g_object_set (s,
                "id", (gint64) 10,
                "code", "code",
                "name", "name",
                "fringe", (gint64) 13,
                "parent-id", (gint64) 14,
                NULL);
  g_assert_cmpint (outlay_section_get_id (s), ==, 10);
  g_assert_cmpstr (outlay_section_get_code (s), ==, "code");
  g_assert_cmpstr (outlay_section_get_name (s), ==, "name");
  g_assert_cmpint (outlay_section_get_fringe (s), ==, 13);
  g_assert_cmpint (outlay_section_get_parent_id (s), ==, 14);

  /* the read-only sums still come from the section, not the table */
  {
    guint n_lines = 99;
    gint64 estimate = -1;

    g_object_get (s, "n-lines", &n_lines, "estimate", &estimate, NULL);
    g_assert_cmpuint (n_lines, ==, 0);
    g_assert_cmpint (estimate, ==, 0);
  }
}

static void
test_defaults (void)
{
  g_autoptr(OutlayAccount) a = outlay_account_new ();
  g_autoptr(OutlayRecommendation) r = outlay_recommendation_new ();
  g_autoptr(OutlayTask) t = outlay_task_new ();

  g_assert_cmpstr (outlay_account_get_currency (a), ==, "USD");
  g_assert_cmpint (outlay_account_get_id (a), ==, 0);
  g_assert_null (outlay_account_get_balance_date (a));
  g_assert_cmpint (outlay_recommendation_get_priority (r), ==, OUTLAY_PRIORITY_MEDIUM);
  g_assert_cmpint (outlay_recommendation_get_status (r), ==, OUTLAY_RECOMMENDATION_STATUS_NEW);
  g_assert_cmpint (outlay_task_get_status (t), ==, OUTLAY_TASK_STATUS_TODO);
  g_assert_null (outlay_task_get_name (t));
}

static void
test_time_entry_cost (void)
{
  g_autoptr(OutlayTimeEntry) te = outlay_time_entry_new ();
  OutlayDecimal cost = -1;

  g_object_set (te,
                "hours", (gint64) 75000,   /* 7.5 h */
                "rate", (gint64) 800000,   /* 80.00 */
                NULL);
  g_assert_true (outlay_time_entry_get_cost (te, &cost));
  g_assert_cmpint (cost, ==, OUTLAY_DECIMAL_FROM_INT (600));

  g_object_set (te, "hours", (gint64) OUTLAY_DECIMAL_MAX, NULL);
  cost = -1;
  g_assert_false (outlay_time_entry_get_cost (te, &cost));
  g_assert_cmpint (cost, ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/entities/version", test_version);
  g_test_add_func ("/model/entities/person", test_person);
  g_test_add_func ("/model/entities/task", test_task);
  g_test_add_func ("/model/entities/time-entry", test_time_entry);
  g_test_add_func ("/model/entities/recommendation", test_recommendation);
  g_test_add_func ("/model/entities/roi-snapshot", test_roi_snapshot);
  g_test_add_func ("/model/entities/cost-pattern", test_cost_pattern);
  g_test_add_func ("/model/entities/commitment", test_commitment);
  g_test_add_func ("/model/entities/account", test_account);
  g_test_add_func ("/model/entities/bill", test_bill);
  g_test_add_func ("/model/entities/import-record", test_import_record);
  g_test_add_func ("/model/entities/budget", test_budget);
  g_test_add_func ("/model/entities/section", test_section);
  g_test_add_func ("/model/entities/distinct", test_distinct);
  g_test_add_func ("/model/entities/helper", test_helper);
  g_test_add_func ("/model/entities/defaults", test_defaults);
  g_test_add_func ("/model/entities/time-entry/cost", test_time_entry_cost);

  return g_test_run ();
}
