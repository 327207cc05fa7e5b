/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "outlay-store.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_CASHFLOW_WINDOW (outlay_cashflow_window_get_type ())

G_DECLARE_FINAL_TYPE (OutlayCashflowWindow,
                      outlay_cashflow_window,
                      OUTLAY,
                      CASHFLOW_WINDOW,
                      AdwWindow)

OutlayCashflowWindow *outlay_cashflow_window_new (GtkWindow *parent, OutlayStore *store);
void
outlay_cashflow_window_set_range (OutlayCashflowWindow *self, const GDate *from, const GDate *to);
gboolean
outlay_cashflow_window_mark_paid (OutlayCashflowWindow *self, guint position, OutlayDecimal amount);
gboolean outlay_cashflow_window_reorder (OutlayCashflowWindow *self, guint position, guint target);
GtkSingleSelection *outlay_cashflow_window_get_selection (OutlayCashflowWindow *self);
AdwMessageDialog *outlay_cashflow_window_get_dialog (OutlayCashflowWindow *self);

G_END_DECLS
