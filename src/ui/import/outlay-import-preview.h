/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The pieces of the import assistant that show what the import will read:
 * the preview table with a mapping drop-down over each column, the check's
 * summary and row errors, and the words for file kinds. */

#include <adwaita.h>

#include "outlay-import-analysis.h"
#include "outlay-importer.h"

G_BEGIN_DECLS

/* The user chose @field for @column in the preview. */
typedef void (*OutlayImportFieldFunc) (guint             column,
                                       OutlayImportField field,
                                       gpointer          user_data);

/* A grid of the first @max_rows non-blank rows under the header of
 * @sample, as @analysis reads them: section rows bold, totals dimmed and
 * tagged, each column headed by its text, a drop-down of fields and the
 * mapping's confidence. */
GtkWidget  *outlay_import_preview_new            (OutlayImportAnalysis      *analysis,
                                                  OutlaySheetSample         *sample,
                                                  guint                      max_rows,
                                                  OutlayImportFieldFunc      func,
                                                  gpointer                   user_data);
/* "260 lines in 16 sections · Estimate $557,068.00 · Actual $474,487.03" */
char       *outlay_import_result_summary         (const OutlayImportResult  *result,
                                                  gboolean                   has_actual);
/* A row of the list of rows that cannot be imported. */
GtkWidget  *outlay_import_error_row_new          (guint                      row,
                                                  const char                *column,
                                                  const char                *value,
                                                  const char                *message);
/* "Budget", "Payroll", … */
const char *outlay_import_kind_title             (OutlayFileKind             kind);
/* "Import this payroll file as a budget anyway"; NULL for a budget */
const char *outlay_import_kind_anyway            (OutlayFileKind             kind);
/* "12,345", grouped even in the C locale */
char       *outlay_import_format_count           (guint64                    n);
/* "92 %" */
char       *outlay_import_format_confidence      (double                     confidence);
/* Adds the import's styles (drop highlight, banners, preview) to the
 * display of @widget, once. */
void        outlay_import_load_css               (GtkWidget                 *widget);

G_END_DECLS
