/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "outlay-account.h"
#include "outlay-store.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_ACCOUNT_DIALOG (outlay_account_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OutlayAccountDialog, outlay_account_dialog, OUTLAY, ACCOUNT_DIALOG, AdwWindow)

OutlayAccountDialog *outlay_account_dialog_new (GtkWindow *parent,
                                                OutlayStore *store,
                                                OutlayAccount *account,
                                                const GDate *today);

G_END_DECLS
