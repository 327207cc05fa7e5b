/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "outlay-decimal.h"
#include "outlay-model-enums.h"

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
OutlayAccountKind outlay_account_get_kind (OutlayAccount *self);
OutlayDecimal outlay_account_get_reserve (OutlayAccount *self);

const char *outlay_account_kind_to_string (OutlayAccountKind kind);
gboolean outlay_account_kind_from_string (const char *text, OutlayAccountKind *kind);
const char *outlay_account_kind_title (OutlayAccountKind kind);

G_END_DECLS
