/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "outlay-store.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_CLICKUP_DIALOG (outlay_clickup_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OutlayClickupDialog, outlay_clickup_dialog, OUTLAY, CLICKUP_DIALOG, AdwWindow)

/* Budget ▸ Import from ClickUp…: pick a workspace, space, folder and
 * lists, and the rule that finds a task's budget line; the import runs in
 * a worker thread with progress and Cancel, then a summary says what
 * came in and what was deleted in ClickUp (removed only on request).
 * "budget-written" (gint64 budget id) follows every write. */
OutlayClickupDialog *
outlay_clickup_dialog_new (GtkWindow *parent, OutlayStore *store, gint64 budget_id);

G_END_DECLS
