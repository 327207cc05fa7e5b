/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "outlay-decimal.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_ACCOUNT (outlay_account_get_type ())

G_DECLARE_FINAL_TYPE (OutlayAccount, outlay_account, OUTLAY, ACCOUNT, GObject)

OutlayAccount *outlay_account_new              (void);
gint64         outlay_account_get_id           (OutlayAccount *self);
const char    *outlay_account_get_name         (OutlayAccount *self);
const char    *outlay_account_get_institution  (OutlayAccount *self);
const char    *outlay_account_get_currency     (OutlayAccount *self);
OutlayDecimal  outlay_account_get_balance      (OutlayAccount *self);
const char    *outlay_account_get_balance_date (OutlayAccount *self);

G_END_DECLS
