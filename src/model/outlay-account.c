/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-account"

#include "config.h"

#include "outlay-account.h"

struct _OutlayAccount
{
  GObject        parent_instance;
  gint64         id;
  char          *name;
  char          *institution;
  char          *currency;
  OutlayDecimal  balance;
  char          *balance_date;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_INSTITUTION,
  PROP_CURRENCY,
  PROP_BALANCE,
  PROP_BALANCE_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OutlayAccount, outlay_account, G_TYPE_OBJECT)

static char **
string_field (OutlayAccount *self, guint prop_id)
{
  switch (prop_id)
    {
    case PROP_NAME: return &self->name;
    case PROP_INSTITUTION: return &self->institution;
    case PROP_CURRENCY: return &self->currency;
    case PROP_BALANCE_DATE: return &self->balance_date;
    default: return NULL;
    }
}

static gint64 *
int64_field (OutlayAccount *self, guint prop_id)
{
  switch (prop_id)
    {
    case PROP_ID: return &self->id;
    case PROP_BALANCE: return &self->balance;
    default: return NULL;
    }
}

static void
outlay_account_finalize (GObject *object)
{
  OutlayAccount *self = OUTLAY_ACCOUNT (object);

  g_free (self->name);
  g_free (self->institution);
  g_free (self->currency);
  g_free (self->balance_date);
  G_OBJECT_CLASS (outlay_account_parent_class)->finalize (object);
}

static void
outlay_account_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  OutlayAccount *self = OUTLAY_ACCOUNT (object);
  char **s = string_field (self, prop_id);
  gint64 *i = int64_field (self, prop_id);

  if (s != NULL)
    g_value_set_string (value, *s);
  else if (i != NULL)
    g_value_set_int64 (value, *i);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
outlay_account_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  OutlayAccount *self = OUTLAY_ACCOUNT (object);
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
