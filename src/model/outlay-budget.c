/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-budget"

#include "config.h"

#include "outlay-budget.h"
#include "outlay-model-enum-types.h"
#include "outlay-model-property.h"

struct _OutlayBudget
{
  GObject            parent_instance;
  gint64             id;
  char              *name;
  char              *client;
  char              *currency;
  char              *fiscal_start;
  char              *fiscal_end;
  char              *production_company;
  char              *agency;
  char              *job_number;
  char              *bid_date;
  char              *shoot_dates;
  char              *director;
  char              *producer;
  char              *comments;
  OutlayBudgetKind   kind;
  OutlayBudgetStatus status;
  OutlayDecimal      allocated;
  OutlayDecimal      allocated_hours;
  OutlayDecimal      warning_threshold;
  OutlayDecimal      critical_threshold;
  OutlayDecimal      expected_value;
  OutlayDecimal      realized_value;
  OutlayDecimal      markup_percent;
  OutlayDecimal      contingency;
  OutlayDecimal      insurance_percent;
  OutlayDecimal      production_fee_percent;
  OutlayDecimal      handling_fee_percent;
  gboolean           ai_analysis;
  OutlayDecimal auto_approval_threshold;
  OutlayOverrunPolicy overrun_policy;
  OutlayCheckBasis check_basis;
  gint64             created;
  gint64             modified;
};

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CLIENT,
  PROP_KIND,
  PROP_CURRENCY,
  PROP_ALLOCATED,
  PROP_ALLOCATED_HOURS,
  PROP_WARNING_THRESHOLD,
  PROP_CRITICAL_THRESHOLD,
  PROP_STATUS,
  PROP_FISCAL_START,
  PROP_FISCAL_END,
  PROP_EXPECTED_VALUE,
  PROP_REALIZED_VALUE,
  PROP_AI_ANALYSIS,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_MARKUP_PERCENT,
  PROP_CONTINGENCY,
  PROP_INSURANCE_PERCENT,
  PROP_PRODUCTION_FEE_PERCENT,
  PROP_HANDLING_FEE_PERCENT,
  PROP_PRODUCTION_COMPANY,
  PROP_AGENCY,
  PROP_JOB_NUMBER,
  PROP_BID_DATE,
  PROP_SHOOT_DATES,
  PROP_DIRECTOR,
  PROP_PRODUCER,
  PROP_COMMENTS,
  PROP_AUTO_APPROVAL_THRESHOLD,
  PROP_OVERRUN_POLICY,
  PROP_CHECK_BASIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OutlayBudget, outlay_budget, G_TYPE_OBJECT)

static const OutlayModelField fields[] = {
  OUTLAY_MODEL_INT64 (PROP_ID, OutlayBudget, id),
  OUTLAY_MODEL_STRING (PROP_NAME, OutlayBudget, name),
  OUTLAY_MODEL_STRING (PROP_CLIENT, OutlayBudget, client),
  OUTLAY_MODEL_ENUM (PROP_KIND, OutlayBudget, kind),
  OUTLAY_MODEL_STRING (PROP_CURRENCY, OutlayBudget, currency),
  OUTLAY_MODEL_INT64 (PROP_ALLOCATED, OutlayBudget, allocated),
  OUTLAY_MODEL_INT64 (PROP_ALLOCATED_HOURS, OutlayBudget, allocated_hours),
  OUTLAY_MODEL_INT64 (PROP_WARNING_THRESHOLD, OutlayBudget, warning_threshold),
  OUTLAY_MODEL_INT64 (PROP_CRITICAL_THRESHOLD, OutlayBudget, critical_threshold),
  OUTLAY_MODEL_ENUM (PROP_STATUS, OutlayBudget, status),
  OUTLAY_MODEL_STRING (PROP_FISCAL_START, OutlayBudget, fiscal_start),
  OUTLAY_MODEL_STRING (PROP_FISCAL_END, OutlayBudget, fiscal_end),
  OUTLAY_MODEL_INT64 (PROP_EXPECTED_VALUE, OutlayBudget, expected_value),
  OUTLAY_MODEL_INT64 (PROP_REALIZED_VALUE, OutlayBudget, realized_value),
  OUTLAY_MODEL_BOOLEAN (PROP_AI_ANALYSIS, OutlayBudget, ai_analysis),
  OUTLAY_MODEL_INT64 (PROP_CREATED, OutlayBudget, created),
  OUTLAY_MODEL_INT64 (PROP_MODIFIED, OutlayBudget, modified),
  OUTLAY_MODEL_INT64 (PROP_MARKUP_PERCENT, OutlayBudget, markup_percent),
  OUTLAY_MODEL_INT64 (PROP_CONTINGENCY, OutlayBudget, contingency),
  OUTLAY_MODEL_INT64 (PROP_INSURANCE_PERCENT, OutlayBudget, insurance_percent),
  OUTLAY_MODEL_INT64 (PROP_PRODUCTION_FEE_PERCENT, OutlayBudget, production_fee_percent),
  OUTLAY_MODEL_INT64 (PROP_HANDLING_FEE_PERCENT, OutlayBudget, handling_fee_percent),
  OUTLAY_MODEL_STRING (PROP_PRODUCTION_COMPANY, OutlayBudget, production_company),
  OUTLAY_MODEL_STRING (PROP_AGENCY, OutlayBudget, agency),
  OUTLAY_MODEL_STRING (PROP_JOB_NUMBER, OutlayBudget, job_number),
  OUTLAY_MODEL_STRING (PROP_BID_DATE, OutlayBudget, bid_date),
  OUTLAY_MODEL_STRING (PROP_SHOOT_DATES, OutlayBudget, shoot_dates),
  OUTLAY_MODEL_STRING (PROP_DIRECTOR, OutlayBudget, director),
  OUTLAY_MODEL_STRING (PROP_PRODUCER, OutlayBudget, producer),
  OUTLAY_MODEL_STRING (PROP_COMMENTS, OutlayBudget, comments),
  OUTLAY_MODEL_INT64 (PROP_AUTO_APPROVAL_THRESHOLD, OutlayBudget, auto_approval_threshold),
  OUTLAY_MODEL_ENUM (PROP_OVERRUN_POLICY, OutlayBudget, overrun_policy),
  OUTLAY_MODEL_ENUM (PROP_CHECK_BASIS, OutlayBudget, check_basis),
};

static void
outlay_budget_finalize (GObject *object)
{
  outlay_model_property_clear_strings (object, fields, G_N_ELEMENTS (fields));
  G_OBJECT_CLASS (outlay_budget_parent_class)->finalize (object);
}

static void
outlay_budget_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  if (!outlay_model_property_get (object, fields, G_N_ELEMENTS (fields), prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
outlay_budget_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  if (!outlay_model_property_set (object, fields, G_N_ELEMENTS (fields), prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static GParamSpec *
decimal_spec (const char *name, gint64 min, gint64 def)
{
  return g_param_spec_int64 (name, NULL, NULL, min, OUTLAY_DECIMAL_MAX, def,
                             G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static void
outlay_budget_class_init (OutlayBudgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = outlay_budget_finalize;
  object_class->get_property = outlay_budget_get_property;
  object_class->set_property = outlay_budget_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_CLIENT] = g_param_spec_string ("client", NULL, NULL, NULL, rw);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, OUTLAY_TYPE_BUDGET_KIND,
                                             OUTLAY_BUDGET_KIND_PROJECT, rw);
  properties[PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, "USD", rw);
  properties[PROP_ALLOCATED] = decimal_spec ("allocated", 0, 0);
  properties[PROP_ALLOCATED_HOURS] = decimal_spec ("allocated-hours", 0, 0);
  properties[PROP_WARNING_THRESHOLD] =
    decimal_spec ("warning-threshold", 0, OUTLAY_DECIMAL_FROM_INT (80));
  properties[PROP_CRITICAL_THRESHOLD] =
    decimal_spec ("critical-threshold", 0, OUTLAY_DECIMAL_FROM_INT (95));
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, OUTLAY_TYPE_BUDGET_STATUS,
                                               OUTLAY_BUDGET_STATUS_DRAFT, rw);
  properties[PROP_FISCAL_START] = g_param_spec_string ("fiscal-start", NULL, NULL, NULL, rw);
  properties[PROP_FISCAL_END] = g_param_spec_string ("fiscal-end", NULL, NULL, NULL, rw);
  properties[PROP_EXPECTED_VALUE] = decimal_spec ("expected-value", OUTLAY_DECIMAL_MIN, 0);
  properties[PROP_REALIZED_VALUE] = decimal_spec ("realized-value", OUTLAY_DECIMAL_MIN, 0);
  properties[PROP_AI_ANALYSIS] = g_param_spec_boolean ("ai-analysis", NULL, NULL, FALSE, rw);
  properties[PROP_CREATED] = g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_MODIFIED] = g_param_spec_int64 ("modified", NULL, NULL, 0, G_MAXINT64, 0, rw);
  /* The AICP top sheet's markups: percentages (12.5 for 12.5 %) and an
   * amount; see outlay-topsheet.c for what each applies to. */
  properties[PROP_MARKUP_PERCENT] = decimal_spec ("markup-percent", 0, 0);
  properties[PROP_CONTINGENCY] = decimal_spec ("contingency", 0, 0);
  properties[PROP_INSURANCE_PERCENT] = decimal_spec ("insurance-percent", 0, 0);
  properties[PROP_PRODUCTION_FEE_PERCENT] = decimal_spec ("production-fee-percent", 0, 0);
  properties[PROP_HANDLING_FEE_PERCENT] = decimal_spec ("handling-fee-percent", 0, 0);
  /* The header block of a bid; free text, printed when set. */
  properties[PROP_PRODUCTION_COMPANY] =
    g_param_spec_string ("production-company", NULL, NULL, NULL, rw);
  properties[PROP_AGENCY] = g_param_spec_string ("agency", NULL, NULL, NULL, rw);
  properties[PROP_JOB_NUMBER] = g_param_spec_string ("job-number", NULL, NULL, NULL, rw);
  properties[PROP_BID_DATE] = g_param_spec_string ("bid-date", NULL, NULL, NULL, rw);
  properties[PROP_SHOOT_DATES] = g_param_spec_string ("shoot-dates", NULL, NULL, NULL, rw);
  properties[PROP_DIRECTOR] = g_param_spec_string ("director", NULL, NULL, NULL, rw);
  properties[PROP_PRODUCER] = g_param_spec_string ("producer", NULL, NULL, NULL, rw);
  properties[PROP_COMMENTS] = g_param_spec_string ("comments", NULL, NULL, NULL, rw);
  /* Money control: what the budget check may approve on its own, what it
   * does with an overrun, and what it holds spending against. */
  properties[PROP_AUTO_APPROVAL_THRESHOLD] = decimal_spec ("auto-approval-threshold", 0, 0);
  properties[PROP_OVERRUN_POLICY] = g_param_spec_enum (
      "overrun-policy", NULL, NULL, OUTLAY_TYPE_OVERRUN_POLICY, OUTLAY_OVERRUN_POLICY_STOP, rw);
  properties[PROP_CHECK_BASIS] = g_param_spec_enum (
      "check-basis", NULL, NULL, OUTLAY_TYPE_CHECK_BASIS, OUTLAY_CHECK_BASIS_ANNUAL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
outlay_budget_init (OutlayBudget *self)
{
  self->currency = g_strdup ("USD");
  self->kind = OUTLAY_BUDGET_KIND_PROJECT;
  self->warning_threshold = OUTLAY_DECIMAL_FROM_INT (80);
  self->critical_threshold = OUTLAY_DECIMAL_FROM_INT (95);
}

/**
 * outlay_budget_new:
 * @name: the budget's name
 *
 * Returns: (transfer full): a draft budget in USD
 */
OutlayBudget *
outlay_budget_new (const char *name)
{
  return g_object_new (OUTLAY_TYPE_BUDGET, "name", name, NULL);
}

/**
 * outlay_budget_copy:
 * @self: a budget
 *
 * Returns: (transfer full): a copy with every property, id included
 */
OutlayBudget *
outlay_budget_copy (OutlayBudget *self)
{
  OutlayBudget *copy = g_object_new (OUTLAY_TYPE_BUDGET, NULL);

  for (guint p = 1; p < N_PROPS; p++)
    {
      g_auto(GValue) v = G_VALUE_INIT;

      g_value_init (&v, properties[p]->value_type);
      g_object_get_property (G_OBJECT (self), properties[p]->name, &v);
      g_object_set_property (G_OBJECT (copy), properties[p]->name, &v);
    }
  return copy;
}

gint64 outlay_budget_get_id (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), 0); return self->id; }
const char *outlay_budget_get_name (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), NULL); return self->name ? self->name : ""; }
const char *outlay_budget_get_client (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), NULL); return self->client ? self->client : ""; }
OutlayBudgetKind outlay_budget_get_kind (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), 0); return self->kind; }
const char *outlay_budget_get_currency (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), NULL); return self->currency ? self->currency : "USD"; }
OutlayDecimal outlay_budget_get_allocated (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), 0); return self->allocated; }
OutlayDecimal outlay_budget_get_allocated_hours (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), 0); return self->allocated_hours; }
OutlayDecimal outlay_budget_get_warning_threshold (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), 0); return self->warning_threshold; }
OutlayDecimal outlay_budget_get_critical_threshold (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), 0); return self->critical_threshold; }
OutlayBudgetStatus outlay_budget_get_status (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), 0); return self->status; }
const char *outlay_budget_get_fiscal_start (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), NULL); return self->fiscal_start; }
const char *outlay_budget_get_fiscal_end (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), NULL); return self->fiscal_end; }
OutlayDecimal outlay_budget_get_expected_value (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), 0); return self->expected_value; }
OutlayDecimal outlay_budget_get_realized_value (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), 0); return self->realized_value; }
gboolean outlay_budget_get_ai_analysis (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), FALSE); return self->ai_analysis; }
gint64 outlay_budget_get_created (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), 0); return self->created; }
gint64 outlay_budget_get_modified (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), 0); return self->modified; }
OutlayDecimal outlay_budget_get_markup_percent (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), 0); return self->markup_percent; }
OutlayDecimal outlay_budget_get_contingency (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), 0); return self->contingency; }
OutlayDecimal outlay_budget_get_insurance_percent (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), 0); return self->insurance_percent; }
OutlayDecimal outlay_budget_get_production_fee_percent (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), 0); return self->production_fee_percent; }
OutlayDecimal outlay_budget_get_handling_fee_percent (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), 0); return self->handling_fee_percent; }
const char *outlay_budget_get_production_company (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), NULL); return self->production_company ? self->production_company : ""; }
const char *outlay_budget_get_agency (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), NULL); return self->agency ? self->agency : ""; }
const char *outlay_budget_get_job_number (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), NULL); return self->job_number ? self->job_number : ""; }
const char *outlay_budget_get_bid_date (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), NULL); return self->bid_date ? self->bid_date : ""; }
const char *outlay_budget_get_shoot_dates (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), NULL); return self->shoot_dates ? self->shoot_dates : ""; }
const char *outlay_budget_get_director (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), NULL); return self->director ? self->director : ""; }
const char *outlay_budget_get_producer (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), NULL); return self->producer ? self->producer : ""; }
const char *outlay_budget_get_comments (OutlayBudget *self) { g_return_val_if_fail (OUTLAY_IS_BUDGET (self), NULL); return self->comments ? self->comments : ""; }
OutlayDecimal
outlay_budget_get_auto_approval_threshold (OutlayBudget *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET (self), 0);
  return self->auto_approval_threshold;
}
OutlayOverrunPolicy
outlay_budget_get_overrun_policy (OutlayBudget *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET (self), 0);
  return self->overrun_policy;
}
OutlayCheckBasis
outlay_budget_get_check_basis (OutlayBudget *self)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET (self), 0);
  return self->check_basis;
}

void
outlay_budget_set_id (OutlayBudget *self,
                      gint64        id)
{
  g_return_if_fail (OUTLAY_IS_BUDGET (self));
  g_object_set (self, "id", id, NULL);
}

void
outlay_budget_set_modified (OutlayBudget *self,
                            gint64        modified)
{
  g_return_if_fail (OUTLAY_IS_BUDGET (self));
  g_object_set (self, "modified", modified, NULL);
}
