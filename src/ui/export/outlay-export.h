/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "outlay-document.h"
#include "outlay-report.h"

G_BEGIN_DECLS

typedef enum
{
  OUTLAY_EXPORT_XLSX,
  OUTLAY_EXPORT_CSV,
  OUTLAY_EXPORT_PDF,
} OutlayExportFormat;

/* Asks where to save @doc (a file chooser), then writes it in a worker
 * thread: the xlsx and CSV from the budget as saved in @store_path (read
 * on the worker's own connection), the PDF from a report made now. A
 * failure never leaves a half-written file. */
void  outlay_export_document_async  (GtkWindow           *parent,
                                     OutlayDocument      *doc,
                                     const char          *store_path,
                                     OutlayExportFormat   format,
                                     OutlayReportKind     kind,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
/* The comparison report of @from and @to as a PDF, the same way. */
void outlay_export_comparison_async (GtkWindow *parent,
                                     OutlayDocument *from,
                                     const char *from_name,
                                     OutlayDocument *to,
                                     const char *to_name,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data);
/* Returns: (transfer full): the file written, or NULL: G_IO_ERROR_CANCELLED
 * when the user closed the chooser, else why it failed. */
GFile *outlay_export_document_finish (GAsyncResult        *result,
                                      GError             **error);
/* The paper chosen in Preferences as a GTK paper name. */
const char *outlay_export_paper_name (GtkWindow *parent);

G_END_DECLS
