/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "outlay-document.h"
#include "outlay-store.h"

G_BEGIN_DECLS

/* The sheet names of an exported workbook; formulas on the summary
 * refer to the detail by this name, so it is never translated. */
#define OUTLAY_XLSX_SUMMARY_SHEET "Summary"
#define OUTLAY_XLSX_DETAIL_SHEET  "Detail"

gboolean outlay_xlsx_export (OutlayDocument     *doc,
                             const char         *path,
                             OutlayProgressFunc  progress,
                             gpointer            user_data,
                             GCancellable       *cancellable,
                             GError            **error);

gboolean outlay_xlsx_export_with_time (OutlayDocument *doc,
                                       GPtrArray *entries,
                                       GPtrArray *people,
                                       const char *path,
                                       OutlayProgressFunc progress,
                                       gpointer user_data,
                                       GCancellable *cancellable,
                                       GError **error);

G_END_DECLS
