/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "outlay-store.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_IMPORTS_DIALOG (outlay_imports_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OutlayImportsDialog, outlay_imports_dialog, OUTLAY, IMPORTS_DIALOG, AdwWindow)

/* Every import into @store's budgets, newest first, each with what it
 * did and a way to undo it whole. Emits ::import-undone (import id,
 * budget id) after undoing one. */
OutlayImportsDialog *outlay_imports_dialog_new     (GtkWindow           *parent,
                                                    OutlayStore         *store);
void                 outlay_imports_dialog_refresh (OutlayImportsDialog *self);

G_END_DECLS
