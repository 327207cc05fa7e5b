/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-import-record"

#include "config.h"

#include "outlay-import-record.h"
#include "outlay-model-enum-types.h"

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

static char **
string_field (OutlayImportRecord *self, guint prop_id)
{
  switch (prop_id)
    {
    case PROP_FILE_NAME: return &self->file_name;
    case PROP_URI: return &self->uri;
    case PROP_FINGERPRINT: return &self->fingerprint;
    case PROP_SOURCE: return &self->source;
    case PROP_FILE_TYPE: return &self->file_type;
    case PROP_MAPPING: return &self->mapping;
    case PROP_ERRORS: return &self->errors;
    case PROP_MODE: return &self->mode;
    case PROP_SHEET: return &self->sheet;
    case PROP_WARNINGS: return &self->warnings;
    case PROP_BUDGET_NAME: return &self->budget_name;
    default: return NULL;
    }
}

static gint64 *
int64_field (OutlayImportRecord *self, guint prop_id)
{
  switch (prop_id)
    {
    case PROP_ID: return &self->id;
    case PROP_BUDGET_ID: return &self->budget_id;
    case PROP_STARTED: return &self->started;
    case PROP_FINISHED: return &self->finished;
    default: return NULL;
    }
}

static guint *
uint_field (OutlayImportRecord *self, guint prop_id)
{
  switch (prop_id)
    {
    case PROP_ROWS_TOTAL: return &self->rows_total;
    case PROP_ROWS_IMPORTED: return &self->rows_imported;
    case PROP_ROWS_SKIPPED: return &self->rows_skipped;
    default: return NULL;
    }
}

static void
outlay_import_record_finalize (GObject *object)
{
  OutlayImportRecord *self = OUTLAY_IMPORT_RECORD (object);

  g_free (self->file_name);
  g_free (self->uri);
  g_free (self->fingerprint);
  g_free (self->source);
  g_free (self->file_type);
  g_free (self->mapping);
  g_free (self->errors);
  g_free (self->mode);
  g_free (self->sheet);
  g_free (self->warnings);
  g_free (self->budget_name);
  G_OBJECT_CLASS (outlay_import_record_parent_class)->finalize (object);
}

static void
outlay_import_record_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  OutlayImportRecord *self = OUTLAY_IMPORT_RECORD (object);
  char **s = string_field (self, prop_id);
  gint64 *i = int64_field (self, prop_id);
  guint *u = uint_field (self, prop_id);

  if (s != NULL)
    g_value_set_string (value, *s);
  else if (i != NULL)
    g_value_set_int64 (value, *i);
  else if (u != NULL)
    g_value_set_uint (value, *u);
  else if (prop_id == PROP_STATUS)
    g_value_set_enum (value, self->status);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
outlay_import_record_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  OutlayImportRecord *self = OUTLAY_IMPORT_RECORD (object);
  char **s = string_field (self, prop_id);
  gint64 *i = int64_field (self, prop_id);
  guint *u = uint_field (self, prop_id);
  gboolean changed = FALSE;

  if (s != NULL)
    {
      const char *v = g_value_get_string (value);

      if ((changed = g_strcmp0 (*s, v) != 0))
        {
          g_free (*s);
          *s = g_strdup (v);
        }
    }
  else if (i != NULL)
    {
      if ((changed = *i != g_value_get_int64 (value)))
        *i = g_value_get_int64 (value);
    }
  else if (u != NULL)
    {
      if ((changed = *u != g_value_get_uint (value)))
        *u = g_value_get_uint (value);
    }
  else if (prop_id == PROP_STATUS)
    {
      if ((changed = self->status != (OutlayImportStatus) g_value_get_enum (value)))
        self->status = g_value_get_enum (value);
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);

  if (changed)
    g_object_notify_by_pspec (object, pspec);
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
