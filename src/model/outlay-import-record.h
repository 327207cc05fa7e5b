/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "outlay-model-enums.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_IMPORT_RECORD (outlay_import_record_get_type ())

G_DECLARE_FINAL_TYPE (OutlayImportRecord, outlay_import_record, OUTLAY, IMPORT_RECORD, GObject)

OutlayImportRecord *outlay_import_record_new               (void);
gint64              outlay_import_record_get_id            (OutlayImportRecord *self);
gint64              outlay_import_record_get_budget_id     (OutlayImportRecord *self);
const char         *outlay_import_record_get_file_name     (OutlayImportRecord *self);
const char         *outlay_import_record_get_uri           (OutlayImportRecord *self);
const char         *outlay_import_record_get_fingerprint   (OutlayImportRecord *self);
const char         *outlay_import_record_get_source        (OutlayImportRecord *self);
const char         *outlay_import_record_get_file_type     (OutlayImportRecord *self);
const char         *outlay_import_record_get_mapping       (OutlayImportRecord *self);
guint               outlay_import_record_get_rows_total    (OutlayImportRecord *self);
guint               outlay_import_record_get_rows_imported (OutlayImportRecord *self);
guint               outlay_import_record_get_rows_skipped  (OutlayImportRecord *self);
const char         *outlay_import_record_get_errors        (OutlayImportRecord *self);
gint64              outlay_import_record_get_started       (OutlayImportRecord *self);
gint64              outlay_import_record_get_finished      (OutlayImportRecord *self);
OutlayImportStatus  outlay_import_record_get_status        (OutlayImportRecord *self);
const char         *outlay_import_record_get_mode          (OutlayImportRecord *self);
const char         *outlay_import_record_get_sheet         (OutlayImportRecord *self);
const char         *outlay_import_record_get_warnings      (OutlayImportRecord *self);
const char         *outlay_import_record_get_budget_name   (OutlayImportRecord *self);

G_END_DECLS
