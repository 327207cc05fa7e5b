/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-import-record"

#include "config.h"

#include "outlay-import-record.h"
#include "outlay-model-enum-types.h"
#include "outlay-model-property.h"

struct _OutlayImportRecord
{
  GObject             parent_instance;
  gint64              id;
  gint64              budget_id;
  char               *file_name;
  char               *uri;
  char               *fingerprint;
  char               *source;
  char               *file_type;
  char               *mapping;
  guint               rows_total;
  guint               rows_imported;
  guint               rows_skipped;
  char               *errors;
  char               *mode;
  char               *sheet;
  char               *warnings;
  char               *budget_name;
  gint64              started;
  gint64              finished;
  OutlayImportStatus  status;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_BUDGET_ID,
  PROP_FILE_NAME,
  PROP_URI,
  PROP_FINGERPRINT,
  PROP_SOURCE,
  PROP_FILE_TYPE,
  PROP_MAPPING,
  PROP_ROWS_TOTAL,
  PROP_ROWS_IMPORTED,
  PROP_ROWS_SKIPPED,
  PROP_ERRORS,
  PROP_STARTED,
  PROP_FINISHED,
  PROP_STATUS,
  PROP_MODE,
  PROP_SHEET,
  PROP_WARNINGS,
  PROP_BUDGET_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OutlayImportRecord, outlay_import_record, G_TYPE_OBJECT)

static const OutlayModelField fields[] = {
  OUTLAY_MODEL_INT64 (PROP_ID, OutlayImportRecord, id),
  OUTLAY_MODEL_INT64 (PROP_BUDGET_ID, OutlayImportRecord, budget_id),
  OUTLAY_MODEL_STRING (PROP_FILE_NAME, OutlayImportRecord, file_name),
  OUTLAY_MODEL_STRING (PROP_URI, OutlayImportRecord, uri),
  OUTLAY_MODEL_STRING (PROP_FINGERPRINT, OutlayImportRecord, fingerprint),
  OUTLAY_MODEL_STRING (PROP_SOURCE, OutlayImportRecord, source),
  OUTLAY_MODEL_STRING (PROP_FILE_TYPE, OutlayImportRecord, file_type),
  OUTLAY_MODEL_STRING (PROP_MAPPING, OutlayImportRecord, mapping),
  OUTLAY_MODEL_UINT (PROP_ROWS_TOTAL, OutlayImportRecord, rows_total),
  OUTLAY_MODEL_UINT (PROP_ROWS_IMPORTED, OutlayImportRecord, rows_imported),
  OUTLAY_MODEL_UINT (PROP_ROWS_SKIPPED, OutlayImportRecord, rows_skipped),
  OUTLAY_MODEL_STRING (PROP_ERRORS, OutlayImportRecord, errors),
  OUTLAY_MODEL_INT64 (PROP_STARTED, OutlayImportRecord, started),
  OUTLAY_MODEL_INT64 (PROP_FINISHED, OutlayImportRecord, finished),
  OUTLAY_MODEL_ENUM (PROP_STATUS, OutlayImportRecord, status),
  OUTLAY_MODEL_STRING (PROP_MODE, OutlayImportRecord, mode),
  OUTLAY_MODEL_STRING (PROP_SHEET, OutlayImportRecord, sheet),
  OUTLAY_MODEL_STRING (PROP_WARNINGS, OutlayImportRecord, warnings),
  OUTLAY_MODEL_STRING (PROP_BUDGET_NAME, OutlayImportRecord, budget_name),
};

static void
outlay_import_record_finalize (GObject *object)
{
  outlay_model_property_clear_strings (object, fields, G_N_ELEMENTS (fields));
  G_OBJECT_CLASS (outlay_import_record_parent_class)->finalize (object);
}

static void
outlay_import_record_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  if (!outlay_model_property_get (object, fields, G_N_ELEMENTS (fields), prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
outlay_import_record_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  if (!outlay_model_property_set (object, fields, G_N_ELEMENTS (fields), prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
outlay_import_record_class_init (OutlayImportRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = outlay_import_record_finalize;
  object_class->get_property = outlay_import_record_get_property;
  object_class->set_property = outlay_import_record_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_BUDGET_ID] = g_param_spec_int64 ("budget-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_FILE_NAME] = g_param_spec_string ("file-name", NULL, NULL, NULL, rw);
  properties[PROP_URI] = g_param_spec_string ("uri", NULL, NULL, NULL, rw);
  properties[PROP_FINGERPRINT] = g_param_spec_string ("fingerprint", NULL, NULL, NULL, rw);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, rw);
  properties[PROP_FILE_TYPE] = g_param_spec_string ("file-type", NULL, NULL, NULL, rw);
  properties[PROP_MAPPING] = g_param_spec_string ("mapping", NULL, NULL, NULL, rw);
  properties[PROP_ROWS_TOTAL] = g_param_spec_uint ("rows-total", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_ROWS_IMPORTED] =
    g_param_spec_uint ("rows-imported", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_ROWS_SKIPPED] =
    g_param_spec_uint ("rows-skipped", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_ERRORS] = g_param_spec_string ("errors", NULL, NULL, NULL, rw);
  properties[PROP_STARTED] = g_param_spec_int64 ("started", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_FINISHED] = g_param_spec_int64 ("finished", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, OUTLAY_TYPE_IMPORT_STATUS,
                                               OUTLAY_IMPORT_STATUS_RUNNING, rw);
  /* "new", "append" or "replace" */
  properties[PROP_MODE] = g_param_spec_string ("mode", NULL, NULL, NULL, rw);
  properties[PROP_SHEET] = g_param_spec_string ("sheet", NULL, NULL, NULL, rw);
  properties[PROP_WARNINGS] = g_param_spec_string ("warnings", NULL, NULL, NULL, rw);
  properties[PROP_BUDGET_NAME] = g_param_spec_string ("budget-name", NULL, NULL, NULL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
outlay_import_record_init (OutlayImportRecord *self)
{
}

/**
 * outlay_import_record_new:
 *
 * Returns: (transfer full): a running import with no rows
 */
OutlayImportRecord *
outlay_import_record_new (void)
{
  return g_object_new (OUTLAY_TYPE_IMPORT_RECORD, NULL);
}

gint64 outlay_import_record_get_id (OutlayImportRecord *self) { g_return_val_if_fail (OUTLAY_IS_IMPORT_RECORD (self), 0); return self->id; }
gint64 outlay_import_record_get_budget_id (OutlayImportRecord *self) { g_return_val_if_fail (OUTLAY_IS_IMPORT_RECORD (self), 0); return self->budget_id; }
const char *outlay_import_record_get_file_name (OutlayImportRecord *self) { g_return_val_if_fail (OUTLAY_IS_IMPORT_RECORD (self), NULL); return self->file_name; }
const char *outlay_import_record_get_uri (OutlayImportRecord *self) { g_return_val_if_fail (OUTLAY_IS_IMPORT_RECORD (self), NULL); return self->uri; }
const char *outlay_import_record_get_fingerprint (OutlayImportRecord *self) { g_return_val_if_fail (OUTLAY_IS_IMPORT_RECORD (self), NULL); return self->fingerprint; }
const char *outlay_import_record_get_source (OutlayImportRecord *self) { g_return_val_if_fail (OUTLAY_IS_IMPORT_RECORD (self), NULL); return self->source; }
const char *outlay_import_record_get_file_type (OutlayImportRecord *self) { g_return_val_if_fail (OUTLAY_IS_IMPORT_RECORD (self), NULL); return self->file_type; }
const char *outlay_import_record_get_mapping (OutlayImportRecord *self) { g_return_val_if_fail (OUTLAY_IS_IMPORT_RECORD (self), NULL); return self->mapping; }
guint outlay_import_record_get_rows_total (OutlayImportRecord *self) { g_return_val_if_fail (OUTLAY_IS_IMPORT_RECORD (self), 0); return self->rows_total; }
guint outlay_import_record_get_rows_imported (OutlayImportRecord *self) { g_return_val_if_fail (OUTLAY_IS_IMPORT_RECORD (self), 0); return self->rows_imported; }
guint outlay_import_record_get_rows_skipped (OutlayImportRecord *self) { g_return_val_if_fail (OUTLAY_IS_IMPORT_RECORD (self), 0); return self->rows_skipped; }
const char *outlay_import_record_get_errors (OutlayImportRecord *self) { g_return_val_if_fail (OUTLAY_IS_IMPORT_RECORD (self), NULL); return self->errors; }
gint64 outlay_import_record_get_started (OutlayImportRecord *self) { g_return_val_if_fail (OUTLAY_IS_IMPORT_RECORD (self), 0); return self->started; }
gint64 outlay_import_record_get_finished (OutlayImportRecord *self) { g_return_val_if_fail (OUTLAY_IS_IMPORT_RECORD (self), 0); return self->finished; }
OutlayImportStatus outlay_import_record_get_status (OutlayImportRecord *self) { g_return_val_if_fail (OUTLAY_IS_IMPORT_RECORD (self), 0); return self->status; }
const char *outlay_import_record_get_mode (OutlayImportRecord *self) { g_return_val_if_fail (OUTLAY_IS_IMPORT_RECORD (self), NULL); return self->mode; }
const char *outlay_import_record_get_sheet (OutlayImportRecord *self) { g_return_val_if_fail (OUTLAY_IS_IMPORT_RECORD (self), NULL); return self->sheet; }
const char *outlay_import_record_get_warnings (OutlayImportRecord *self) { g_return_val_if_fail (OUTLAY_IS_IMPORT_RECORD (self), NULL); return self->warnings; }
const char *outlay_import_record_get_budget_name (OutlayImportRecord *self) { g_return_val_if_fail (OUTLAY_IS_IMPORT_RECORD (self), NULL); return self->budget_name; }
