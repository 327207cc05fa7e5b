/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-account"

#include "config.h"

#include "outlay-account.h"
#include "outlay-model-enum-types.h"
#include "outlay-model-property.h"

#include <glib/gi18n-lib.h>

struct _OutlayAccount
{
  GObject        parent_instance;
  gint64         id;
  char          *name;
  char          *institution;
  char          *currency;
  OutlayDecimal  balance;
  char          *balance_date;
  OutlayAccountKind kind;
  OutlayDecimal reserve;
};

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_INSTITUTION,
  PROP_CURRENCY,
  PROP_BALANCE,
  PROP_BALANCE_DATE,
  PROP_KIND,
  PROP_RESERVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OutlayAccount, outlay_account, G_TYPE_OBJECT)

static const OutlayModelField fields[] = {
  OUTLAY_MODEL_INT64 (PROP_ID, OutlayAccount, id),
  OUTLAY_MODEL_STRING (PROP_NAME, OutlayAccount, name),
  OUTLAY_MODEL_STRING (PROP_INSTITUTION, OutlayAccount, institution),
  OUTLAY_MODEL_STRING (PROP_CURRENCY, OutlayAccount, currency),
  OUTLAY_MODEL_INT64 (PROP_BALANCE, OutlayAccount, balance),
  OUTLAY_MODEL_STRING (PROP_BALANCE_DATE, OutlayAccount, balance_date),
  OUTLAY_MODEL_ENUM (PROP_KIND, OutlayAccount, kind),
  OUTLAY_MODEL_INT64 (PROP_RESERVE, OutlayAccount, reserve),
};

static void
outlay_account_finalize (GObject *object)
{
  outlay_model_property_clear_strings (object, fields, G_N_ELEMENTS (fields));
  G_OBJECT_CLASS (outlay_account_parent_class)->finalize (object);
}

static void
outlay_account_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  if (!outlay_model_property_get (object, fields, G_N_ELEMENTS (fields), prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
outlay_account_set_property (GObject      *object,
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
outlay_account_class_init (OutlayAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = outlay_account_finalize;
  object_class->get_property = outlay_account_get_property;
  object_class->set_property = outlay_account_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_INSTITUTION] = g_param_spec_string ("institution", NULL, NULL, NULL, rw);
  properties[PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, "USD", rw);
  properties[PROP_BALANCE] = decimal_spec ("balance", OUTLAY_DECIMAL_MIN);
  properties[PROP_BALANCE_DATE] = g_param_spec_string ("balance-date", NULL, NULL, NULL, rw);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, OUTLAY_TYPE_ACCOUNT_KIND,
                                             OUTLAY_ACCOUNT_KIND_CHECKING, rw);
  /* the balance the user wants to keep: the chart's reserve line */
  properties[PROP_RESERVE] = g_param_spec_int64 ("reserve", NULL, NULL, 0, OUTLAY_DECIMAL_MAX, 0,
                                                 rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
outlay_account_init (OutlayAccount *self)
{
  self->currency = g_strdup ("USD");
}

/**
 * outlay_account_new:
 *
 * Returns: (transfer full): an account in USD with a zero balance
 */
OutlayAccount *
outlay_account_new (void)
{
  return g_object_new (OUTLAY_TYPE_ACCOUNT, NULL);
}

gint64 outlay_account_get_id (OutlayAccount *self) { g_return_val_if_fail (OUTLAY_IS_ACCOUNT (self), 0); return self->id; }
const char *outlay_account_get_name (OutlayAccount *self) { g_return_val_if_fail (OUTLAY_IS_ACCOUNT (self), NULL); return self->name; }
const char *outlay_account_get_institution (OutlayAccount *self) { g_return_val_if_fail (OUTLAY_IS_ACCOUNT (self), NULL); return self->institution; }
const char *outlay_account_get_currency (OutlayAccount *self) { g_return_val_if_fail (OUTLAY_IS_ACCOUNT (self), NULL); return self->currency; }
OutlayDecimal outlay_account_get_balance (OutlayAccount *self) { g_return_val_if_fail (OUTLAY_IS_ACCOUNT (self), 0); return self->balance; }
const char *outlay_account_get_balance_date (OutlayAccount *self) { g_return_val_if_fail (OUTLAY_IS_ACCOUNT (self), NULL); return self->balance_date; }
OutlayAccountKind
outlay_account_get_kind (OutlayAccount *self)
{
  g_return_val_if_fail (OUTLAY_IS_ACCOUNT (self), 0);
  return self->kind;
}
OutlayDecimal
outlay_account_get_reserve (OutlayAccount *self)
{
  g_return_val_if_fail (OUTLAY_IS_ACCOUNT (self), 0);
  return self->reserve;
}

static const char *kind_ids[] = { "checking", "savings", "credit-card", "cash" };
static const char *kind_titles[] = { N_("Checking"),
                                         N_("Savings"), N_("Credit card"), N_("Cash") };

const char *
outlay_account_kind_to_string (OutlayAccountKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_ids), "checking");
  return kind_ids[kind];
}

gboolean
outlay_account_kind_from_string (const char *text, OutlayAccountKind *kind)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kind_ids); i++)
    if (g_ascii_strcasecmp (text, kind_ids[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
outlay_account_kind_title (OutlayAccountKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_titles), "");
  return g_dgettext (GETTEXT_PACKAGE, kind_titles[kind]);
}
