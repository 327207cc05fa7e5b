/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-bill"

#include "config.h"

#include "outlay-bill.h"
#include "outlay-model-enum-types.h"
#include "outlay-model-property.h"

struct _OutlayBill
{
  GObject           parent_instance;
  gint64            id;
  gint64            account_id;
  gint64            budget_id;
  gint64            line_id;
  char             *payee;
  OutlayDecimal     amount;
  char             *due_date;
  char             *recurrence;
  OutlayBillStatus  status;
  char             *notes;
  gboolean income;
  gboolean approximate;
  char *weekend;
  gint64 priority;
  gint64 category_id;
  char *currency;
};

enum
{
  PROP_0,
  PROP_ID,
  PROP_ACCOUNT_ID,
  PROP_BUDGET_ID,
  PROP_LINE_ID,
  PROP_PAYEE,
  PROP_AMOUNT,
  PROP_DUE_DATE,
  PROP_RECURRENCE,
  PROP_STATUS,
  PROP_NOTES,
  PROP_INCOME,
  PROP_APPROXIMATE,
  PROP_WEEKEND,
  PROP_PRIORITY,
  PROP_CATEGORY_ID,
  PROP_CURRENCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OutlayBill, outlay_bill, G_TYPE_OBJECT)

static const OutlayModelField fields[] = {
  OUTLAY_MODEL_INT64 (PROP_ID, OutlayBill, id),
  OUTLAY_MODEL_INT64 (PROP_ACCOUNT_ID, OutlayBill, account_id),
  OUTLAY_MODEL_INT64 (PROP_BUDGET_ID, OutlayBill, budget_id),
  OUTLAY_MODEL_INT64 (PROP_LINE_ID, OutlayBill, line_id),
  OUTLAY_MODEL_STRING (PROP_PAYEE, OutlayBill, payee),
  OUTLAY_MODEL_INT64 (PROP_AMOUNT, OutlayBill, amount),
  OUTLAY_MODEL_STRING (PROP_DUE_DATE, OutlayBill, due_date),
  OUTLAY_MODEL_STRING (PROP_RECURRENCE, OutlayBill, recurrence),
  OUTLAY_MODEL_ENUM (PROP_STATUS, OutlayBill, status),
  OUTLAY_MODEL_STRING (PROP_NOTES, OutlayBill, notes),
  OUTLAY_MODEL_BOOLEAN (PROP_INCOME, OutlayBill, income),
  OUTLAY_MODEL_BOOLEAN (PROP_APPROXIMATE, OutlayBill, approximate),
  OUTLAY_MODEL_STRING (PROP_WEEKEND, OutlayBill, weekend),
  OUTLAY_MODEL_INT64 (PROP_PRIORITY, OutlayBill, priority),
  OUTLAY_MODEL_INT64 (PROP_CATEGORY_ID, OutlayBill, category_id),
  OUTLAY_MODEL_STRING (PROP_CURRENCY, OutlayBill, currency),
};

static void
outlay_bill_finalize (GObject *object)
{
  outlay_model_property_clear_strings (object, fields, G_N_ELEMENTS (fields));
  G_OBJECT_CLASS (outlay_bill_parent_class)->finalize (object);
}

static void
outlay_bill_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  if (!outlay_model_property_get (object, fields, G_N_ELEMENTS (fields), prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
outlay_bill_set_property (GObject      *object,
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
outlay_bill_class_init (OutlayBillClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = outlay_bill_finalize;
  object_class->get_property = outlay_bill_get_property;
  object_class->set_property = outlay_bill_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ACCOUNT_ID] = g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_BUDGET_ID] = g_param_spec_int64 ("budget-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_LINE_ID] = g_param_spec_int64 ("line-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_PAYEE] = g_param_spec_string ("payee", NULL, NULL, NULL, rw);
  properties[PROP_AMOUNT] = decimal_spec ("amount", 0);
  properties[PROP_DUE_DATE] = g_param_spec_string ("due-date", NULL, NULL, NULL, rw);
  properties[PROP_RECURRENCE] = g_param_spec_string ("recurrence", NULL, NULL, NULL, rw);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, OUTLAY_TYPE_BILL_STATUS,
                                               OUTLAY_BILL_STATUS_DUE, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  /* money coming in (a salary) rather than going out */
  properties[PROP_INCOME] = g_param_spec_boolean ("income", NULL, NULL, FALSE, rw);
  properties[PROP_APPROXIMATE] = g_param_spec_boolean ("approximate", NULL, NULL, FALSE, rw);
  /* "keep", "before" or "after": where a date on a weekend moves */
  properties[PROP_WEEKEND] = g_param_spec_string ("weekend", NULL, NULL, NULL, rw);
  /* the order within a day when nothing else is stored: lower first */
  properties[PROP_PRIORITY] = g_param_spec_int64 ("priority", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CATEGORY_ID] = g_param_spec_int64 ("category-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                     rw);
  /* the currency the bill is in; NULL: its account's */
  properties[PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, NULL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
outlay_bill_init (OutlayBill *self)
{
}

/**
 * outlay_bill_new:
 *
 * Returns: (transfer full): a due bill of zero
 */
OutlayBill *
outlay_bill_new (void)
{
  return g_object_new (OUTLAY_TYPE_BILL, NULL);
}

gint64 outlay_bill_get_id (OutlayBill *self) { g_return_val_if_fail (OUTLAY_IS_BILL (self), 0); return self->id; }
gint64 outlay_bill_get_account_id (OutlayBill *self) { g_return_val_if_fail (OUTLAY_IS_BILL (self), 0); return self->account_id; }
gint64 outlay_bill_get_budget_id (OutlayBill *self) { g_return_val_if_fail (OUTLAY_IS_BILL (self), 0); return self->budget_id; }
gint64 outlay_bill_get_line_id (OutlayBill *self) { g_return_val_if_fail (OUTLAY_IS_BILL (self), 0); return self->line_id; }
const char *outlay_bill_get_payee (OutlayBill *self) { g_return_val_if_fail (OUTLAY_IS_BILL (self), NULL); return self->payee; }
OutlayDecimal outlay_bill_get_amount (OutlayBill *self) { g_return_val_if_fail (OUTLAY_IS_BILL (self), 0); return self->amount; }
const char *outlay_bill_get_due_date (OutlayBill *self) { g_return_val_if_fail (OUTLAY_IS_BILL (self), NULL); return self->due_date; }
const char *outlay_bill_get_recurrence (OutlayBill *self) { g_return_val_if_fail (OUTLAY_IS_BILL (self), NULL); return self->recurrence; }
OutlayBillStatus outlay_bill_get_status (OutlayBill *self) { g_return_val_if_fail (OUTLAY_IS_BILL (self), 0); return self->status; }
const char *outlay_bill_get_notes (OutlayBill *self) { g_return_val_if_fail (OUTLAY_IS_BILL (self), NULL); return self->notes; }
gboolean
outlay_bill_get_income (OutlayBill *self)
{
  g_return_val_if_fail (OUTLAY_IS_BILL (self), FALSE);
  return self->income;
}
gboolean
outlay_bill_get_approximate (OutlayBill *self)
{
  g_return_val_if_fail (OUTLAY_IS_BILL (self), FALSE);
  return self->approximate;
}
const char *
outlay_bill_get_weekend (OutlayBill *self)
{
  g_return_val_if_fail (OUTLAY_IS_BILL (self), NULL);
  return self->weekend;
}
gint64
outlay_bill_get_priority (OutlayBill *self)
{
  g_return_val_if_fail (OUTLAY_IS_BILL (self), 0);
  return self->priority;
}
gint64
outlay_bill_get_category_id (OutlayBill *self)
{
  g_return_val_if_fail (OUTLAY_IS_BILL (self), 0);
  return self->category_id;
}

const char *
outlay_bill_get_currency (OutlayBill *self)
{
  g_return_val_if_fail (OUTLAY_IS_BILL (self), NULL);
  return self->currency;
}

/**
 * outlay_bill_copy:
 * @self: a bill
 *
 * Returns: (transfer full): a new bill with the same values, for undo
 */
OutlayBill *
outlay_bill_copy (OutlayBill *self)
{
  OutlayBill *copy = outlay_bill_new ();

  g_return_val_if_fail (OUTLAY_IS_BILL (self), copy);
  for (guint i = 1; i < N_PROPS; i++)
    {
      g_auto (GValue) v = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (self), properties[i]->name, &v);
      g_object_set_property (G_OBJECT (copy), properties[i]->name, &v);
    }
  return copy;
}
