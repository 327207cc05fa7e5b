/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OUTLAY_TYPE_SHEETS_CONFLICT_DIALOG (outlay_sheets_conflict_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OutlaySheetsConflictDialog,
                      outlay_sheets_conflict_dialog,
                      OUTLAY,
                      SHEETS_CONFLICT_DIALOG,
                      AdwWindow)

/* Lists @conflicts (OutlaySheetsConflict), one group each with Outlay's
 * value, the spreadsheet's and a field to type another; "resolved"
 * (GHashTable *resolutions, for OutlaySheetsOptions) is emitted on Sync. */
GtkWidget *outlay_sheets_conflict_dialog_new (GtkWindow *parent, GPtrArray *conflicts);

G_END_DECLS
