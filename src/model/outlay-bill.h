/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "outlay-decimal.h"
#include "outlay-model-enums.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_BILL (outlay_bill_get_type ())

G_DECLARE_FINAL_TYPE (OutlayBill, outlay_bill, OUTLAY, BILL, GObject)

OutlayBill       *outlay_bill_new            (void);
gint64            outlay_bill_get_id         (OutlayBill *self);
gint64            outlay_bill_get_account_id (OutlayBill *self);
gint64            outlay_bill_get_budget_id  (OutlayBill *self);
gint64            outlay_bill_get_line_id    (OutlayBill *self);
const char       *outlay_bill_get_payee      (OutlayBill *self);
OutlayDecimal     outlay_bill_get_amount     (OutlayBill *self);
const char       *outlay_bill_get_due_date   (OutlayBill *self);
const char       *outlay_bill_get_recurrence (OutlayBill *self);
OutlayBillStatus  outlay_bill_get_status     (OutlayBill *self);
const char       *outlay_bill_get_notes      (OutlayBill *self);
gboolean outlay_bill_get_income (OutlayBill *self);
gboolean outlay_bill_get_approximate (OutlayBill *self);
const char *outlay_bill_get_weekend (OutlayBill *self);
gint64 outlay_bill_get_priority (OutlayBill *self);
gint64 outlay_bill_get_category_id (OutlayBill *self);
const char *outlay_bill_get_currency (OutlayBill *self);
OutlayBill *outlay_bill_copy (OutlayBill *self);

G_END_DECLS
