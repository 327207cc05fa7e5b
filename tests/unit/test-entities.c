/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib-object.h>

#include "outlay-account.h"
#include "outlay-bill.h"
#include "outlay-commitment.h"
#include "outlay-cost-pattern.h"
#include "outlay-import-record.h"
#include "outlay-person.h"
#include "outlay-recommendation.h"
#include "outlay-roi-snapshot.h"
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
    check_property (object, pspecs[p]);
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
  g_assert_cmpint (outlay_commitment_get_status (c), ==, OUTLAY_COMMITMENT_STATUS_CANCELLED);
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
  g_test_add_func ("/model/entities/defaults", test_defaults);
  g_test_add_func ("/model/entities/time-entry/cost", test_time_entry_cost);

  return g_test_run ();
}
