/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "outlay-bill.h"
#include "outlay-store.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_BILL_DIALOG (outlay_bill_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OutlayBillDialog, outlay_bill_dialog, OUTLAY, BILL_DIALOG, AdwWindow)

OutlayBillDialog *outlay_bill_dialog_new (GtkWindow *parent,
                                          OutlayStore *store,
                                          OutlayBill *bill,
                                          const GDate *today);

G_END_DECLS
