/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "outlay-document.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_BUDGET_DIALOG (outlay_budget_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OutlayBudgetDialog, outlay_budget_dialog, OUTLAY, BUDGET_DIALOG,
                      AdwPreferencesWindow)

GtkWidget *outlay_budget_dialog_new (GtkWindow      *parent,
                                     OutlayDocument *doc);

G_END_DECLS
