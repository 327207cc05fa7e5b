/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-bill"

#include "config.h"

#include "outlay-bill.h"
#include "outlay-model-enum-types.h"

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
};

enum {
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
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OutlayBill, outlay_bill, G_TYPE_OBJECT)

static char **
string_field (OutlayBill *self, guint prop_id)
{
  switch (prop_id)
    {
    case PROP_PAYEE: return &self->payee;
    case PROP_DUE_DATE: return &self->due_date;
    case PROP_RECURRENCE: return &self->recurrence;
    case PROP_NOTES: return &self->notes;
    default: return NULL;
    }
}

static gint64 *
int64_field (OutlayBill *self, guint prop_id)
{
  switch (prop_id)
    {
    case PROP_ID: return &self->id;
    case PROP_ACCOUNT_ID: return &self->account_id;
    case PROP_BUDGET_ID: return &self->budget_id;
    case PROP_LINE_ID: return &self->line_id;
    case PROP_AMOUNT: return &self->amount;
    default: return NULL;
    }
}

static void
outlay_bill_finalize (GObject *object)
{
  OutlayBill *self = OUTLAY_BILL (object);

  g_free (self->payee);
  g_free (self->due_date);
  g_free (self->recurrence);
  g_free (self->notes);
  G_OBJECT_CLASS (outlay_bill_parent_class)->finalize (object);
}

static void
outlay_bill_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OutlayBill *self = OUTLAY_BILL (object);
  char **s = string_field (self, prop_id);
  gint64 *i = int64_field (self, prop_id);

  if (s != NULL)
    g_value_set_string (value, *s);
  else if (i != NULL)
    g_value_set_int64 (value, *i);
  else if (prop_id == PROP_STATUS)
    g_value_set_enum (value, self->status);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
outlay_bill_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  OutlayBill *self = OUTLAY_BILL (object);
  char **s = string_field (self, prop_id);
  gint64 *i = int64_field (self, prop_id);
  gboolean changed = FALSE;

  if (s != NULL)
    {
      const char *v = g_value_get_string (value);

      if ((changed = g_strcmp0 (*s, v) != 0))
        {
          g_free (*s);
          *s = g_strdup (v);
        }
    }
  else if (i != NULL)
    {
      if ((changed = *i != g_value_get_int64 (value)))
        *i = g_value_get_int64 (value);
    }
  else if (prop_id == PROP_STATUS)
    {
      if ((changed = self->status != (OutlayBillStatus) g_value_get_enum (value)))
        self->status = g_value_get_enum (value);
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);

  if (changed)
    g_object_notify_by_pspec (object, pspec);
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
