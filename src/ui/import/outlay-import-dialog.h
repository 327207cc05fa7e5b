/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "outlay-store.h"
#include "outlay-workbook.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_IMPORT_DIALOG (outlay_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OutlayImportDialog, outlay_import_dialog, OUTLAY, IMPORT_DIALOG, AdwWindow)

/* The import assistant for one opened spreadsheet: it analyses the file,
 * shows what the import will read, lets the user correct the sheet, the
 * header row and the columns' meanings, checks every row, and imports in a
 * worker thread with a connection of its own to @store's database.
 * @source is "drop", "window" or "open"; @fingerprint from
 * outlay_import_fingerprint(). */
OutlayImportDialog *outlay_import_dialog_new      (GtkWindow          *parent,
                                                   OutlayStore        *store,
                                                   GFile              *file,
                                                   OutlayWorkbook     *workbook,
                                                   const char         *fingerprint,
                                                   const char         *source);
/* "Add to" and "Replace" offer @budget_id first (the budget on screen). */
void                outlay_import_dialog_set_target (OutlayImportDialog *self,
                                                     gint64              budget_id);
/* Whether the dialog is analysing, checking or importing. */
gboolean            outlay_import_dialog_get_busy (OutlayImportDialog *self);

G_END_DECLS
