/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "outlay-store.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_NEW_BUDGET_DIALOG (outlay_new_budget_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OutlayNewBudgetDialog, outlay_new_budget_dialog, OUTLAY, NEW_BUDGET_DIALOG,
                      AdwMessageDialog)

GtkWidget  *outlay_new_budget_dialog_new           (GtkWindow             *parent);
GtkWidget  *outlay_new_budget_dialog_new_for_store (GtkWindow             *parent,
                                                    OutlayStore           *store);
const char *outlay_new_budget_dialog_get_name      (OutlayNewBudgetDialog *self);
const char *outlay_new_budget_dialog_get_template  (OutlayNewBudgetDialog *self);
const char *outlay_new_budget_dialog_get_currency  (OutlayNewBudgetDialog *self);

G_END_DECLS
