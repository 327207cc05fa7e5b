/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-sheets"

/* Two-way sync of a budget with a Google spreadsheet.
 *
 * A first push is three requests: spreadsheets.create, one batchUpdate
 * (formats, frozen headers, the hidden id column, formulas, developer
 * metadata) and one values:batchUpdateByDataFilter.  A sync asks Drive
 * for the file's version first and reads the values only when it moved:
 * nothing changed on either side is one request.  Rows are found by their
 * developer metadata, then by the hidden id, then by their last synced
 * position; every write goes to fixed ranges addressed by sheetId, so a
 * retried request never adds a row twice and a renamed tab does not
 * matter.  What comes in is one document command in one transaction with
 * the new sync state: an error anywhere leaves the budget as it was. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-document-batch.h"
#include "outlay-error.h"
#include "outlay-line-private.h"
#include "outlay-sheets-private.h"
#include "outlay-store-sheets.h"

struct _OutlaySheetsService
{
  OutlayGoogleAuth *auth;
  OutlayHttpClient *sheets;
  OutlayHttpClient *drive;
};

typedef struct
{
  OutlaySheetsService *service;
  OutlayStore *store;
  OutlayDocument *document;
  const OutlaySheetsOptions *options;
  OutlaySheetsSummary *summary;
  GCancellable *cancellable;
  OutlaySheetLink *link;
  OutlayDecimalStyle style;
  guint requests_before;
} Run;

/* One row found in the spreadsheet */
typedef struct
{
  guint row;
  gint64 line_id; /* 0: new there */
  char **cells;
  gboolean estimate_typed; /* not qty × days × rate: typed (or another formula) */
} RemoteRow;

static void
remote_row_free (RemoteRow *r)
{
  g_strfreev (r->cells);
  g_free (r);
}

void
outlay_sheets_summary_clear (OutlaySheetsSummary *summary)
{
  g_free (summary->spreadsheet_id);
  g_free (summary->url);
  g_free (summary->journal);
  g_clear_pointer (&summary->conflicts, g_ptr_array_unref);
  g_clear_pointer (&summary->formulas, g_ptr_array_unref);
  memset (summary, 0, sizeof *summary);
}

static void
conflict_free (OutlaySheetsConflict *c)
{
  g_free (c->line);
  g_free (c->column);
  g_free (c->base);
  g_free (c->local);
  g_free (c->remote);
  g_free (c);
}

OutlaySheetsService *
outlay_sheets_service_new (OutlayGoogleAuth *auth)
{
  OutlaySheetsService *service = g_new0 (OutlaySheetsService, 1);

  service->auth = g_object_ref (auth);
  service->sheets = outlay_http_client_new (OUTLAY_HTTP_SERVICE_SHEETS);
  service->drive = outlay_http_client_new (OUTLAY_HTTP_SERVICE_DRIVE);
  return service;
}

void
outlay_sheets_service_free (OutlaySheetsService *service)
{
  if (service == NULL)
    return;
  g_object_unref (service->auth);
  g_object_unref (service->sheets);
  g_object_unref (service->drive);
  g_free (service);
}

OutlayHttpClient *
outlay_sheets_service_get_sheets (OutlaySheetsService *service)
{
  return service->sheets;
}

OutlayHttpClient *
outlay_sheets_service_get_drive (OutlaySheetsService *service)
{
  return service->drive;
}

void
outlay_sheets_service_set_delay_scale (OutlaySheetsService *service, double scale)
{
  outlay_http_client_set_delay_scale (service->sheets, scale);
  outlay_http_client_set_delay_scale (service->drive, scale);
  outlay_google_auth_set_delay_scale (service->auth, scale);
}

void
outlay_sheets_service_set_timeout (OutlaySheetsService *service, guint seconds)
{
  outlay_http_client_set_timeout (service->sheets, seconds);
  outlay_http_client_set_timeout (service->drive, seconds);
}

static guint
requests_sent (Run *run)
{
  return outlay_http_client_get_request_count (run->service->sheets)
         + outlay_http_client_get_request_count (run->service->drive);
}

/* A request to Sheets, with a clear word for a tab that is gone */
static JsonNode *
sheets_call (Run *run, const char *method, const char *path, JsonNode *body, GError **error)
{
  GError *local = NULL;
  JsonNode *answer = outlay_google_request (run->service->auth, run->service->sheets, method, path,
                                            body, run->cancellable, &local);

  if (answer == NULL && outlay_http_client_get_last_status (run->service->sheets) == 400
      && strstr (local->message, "grid") != NULL && run->link != NULL)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                   _("The “%s” tab of the linked spreadsheet was deleted (%s). Nothing was changed; unlink the budget and link it to a new spreadsheet."),
                      _("Detail"), local->message);
      g_error_free (local);
      return NULL;
    }
  if (answer == NULL)
    g_propagate_error (error, local);
  return answer;
}

static char *
spreadsheet_path (Run *run, const char *suffix)
{
  g_autofree char *id = g_uri_escape_string (run->link->spreadsheet_id, NULL, FALSE);

  return g_strconcat ("/v4/spreadsheets/", id, suffix, NULL);
}

static JsonObject *
answer_object (JsonNode *node)
{
  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
document_rows (OutlayDocument *document, GPtrArray *lines)
{
  for (guint s = 0; s < outlay_document_get_n_sections (document); s++)
    {
      OutlaySection *section = outlay_document_get_section (document, s);

      for (guint i = 0; i < outlay_section_get_n_lines (section); i++)
        g_ptr_array_add (lines, outlay_section_get_line (section, i));
    }
}

static JsonArray *
row_values (char **cells, gboolean formula_estimate, const gboolean *skip)
{
  JsonArray *values = json_array_new ();

  for (guint c = 0; c < N_COLS; c++)
    {
      if ((c == COL_ESTIMATE && formula_estimate) || (skip && skip[c]))
        json_array_add_null_element (values); /* null leaves the cell as it is */
      else
        json_array_add_element (values, sheets_cell_node (c, cells[c]));
    }
  return values;
}

static void
add_value_range (JsonArray *data, gint64 sheet_id, guint row, JsonArray *rows, guint n_rows)
{
  JsonObject *range = json_object_new ();
  JsonObject *filter = json_object_new ();

  json_object_set_object_member (filter, "gridRange",
                                 sheets_grid_range (sheet_id, row, row + n_rows, 0, N_COLS));
  json_object_set_object_member (range, "dataFilter", filter);
  json_object_set_string_member (range, "majorDimension", "ROWS");
  json_object_set_array_member (range, "values", rows);
  json_array_add_object_element (data, range);
}

static JsonNode *
values_body (JsonArray *data)
{
  JsonObject *root = json_object_new ();

  /* RAW: numbers stay numbers and text stays text, whatever the locale */
  json_object_set_string_member (root, "valueInputOption", "RAW");
  json_object_set_array_member (root, "data", data);
  return sheets_node_take (root);
}

static JsonNode *
batch_body (JsonArray *requests)
{
  JsonObject *root = json_object_new ();

  json_object_set_array_member (root, "requests", requests);
  return sheets_node_take (root);
}

/* ---- the first push ------------------------------------------------------ */

static gboolean
save_link (Run *run, GError **error)
{
  run->link->synced = g_get_real_time () / G_USEC_PER_SEC;
  return outlay_store_sheets_save_link (run->store, run->link, error)
         && outlay_store_sheets_journal (run->store, run->link->budget_id, run->summary->journal,
                                         error);
}

static gboolean
first_push (Run *run, GError **error)
{
  OutlayBudget *budget = outlay_document_get_budget (run->document);
  g_autoptr (GPtrArray) lines = g_ptr_array_new ();
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *locale = sheets_user_locale ();
  g_autoptr (JsonNode) create = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (JsonNode) batch = NULL;
  g_autoptr (JsonNode) values = NULL;
  g_autoptr (JsonNode) done = NULL;
  g_autofree char *batch_path = NULL;
  g_autofree char *values_path = NULL;
  JsonArray *data = json_array_new ();
  JsonArray *table = json_array_new ();
  JsonArray *header = sheets_header_row ();
  JsonArray *sheets;
  JsonObject *o;

  document_rows (run->document, lines);
  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_add (rows, sheets_line_cells (g_ptr_array_index (lines, i)));
  create = sheets_create_body (run->document, locale, lines->len);
  /* not safe to send twice: a lost answer must not make two spreadsheets */
  outlay_http_client_set_retry_uncertain (run->service->sheets, FALSE);
  answer = sheets_call (run, "POST", "/v4/spreadsheets", create, error);
  outlay_http_client_set_retry_uncertain (run->service->sheets, TRUE);
  if (answer == NULL)
    {
      if (error && *error && (*error)->domain == OUTLAY_ERROR
          && (*error)->code != OUTLAY_ERROR_AUTH)
        g_prefix_error (
            error, _("The spreadsheet may or may not have been created in your Google Drive: "));
      return FALSE;
    }
  o = answer_object (answer);
  sheets = o && json_object_has_member (o, "sheets") ? json_object_get_array_member (o, "sheets")
                                                     : NULL;
  if (sheets == NULL || json_array_get_length (sheets) < 2
      || !json_object_has_member (o, "spreadsheetId"))
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_SERVICE,
                           _("Google Sheets answered the new spreadsheet without its tabs."));
      return FALSE;
    }
  run->link = outlay_sheet_link_new (outlay_budget_get_id (budget));
  run->link->spreadsheet_id = g_strdup (json_object_get_string_member (o, "spreadsheetId"));
  run->link->url = g_strdup (json_object_get_string_member_with_default (o, "spreadsheetUrl", ""));
  run->link->locale = g_strdup (locale);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *props = json_object_get_object_member (json_array_get_object_element (sheets, i),
                                                         "properties");
      gint64 id = json_object_get_int_member_with_default (props, "sheetId", 0);

      if (i == 0)
        run->link->summary_sheet = id;
      else
        run->link->detail_sheet = id;
    }
  run->link->used_rows = lines->len + 1;
  run->link->grid_rows = lines->len + 1 + HEADROOM_ROWS;
  run->link->summary_key = sheets_summary_key (run->document);
  run->link->summary_rows = outlay_document_get_n_sections (run->document) + 3;
  run->summary->created = TRUE;

  batch = sheets_first_batch_body (run->document, run->link->summary_sheet, run->link->detail_sheet,
                                   rows);
  batch_path = spreadsheet_path (run, ":batchUpdate");
  if ((done = sheets_call (run, "POST", batch_path, batch, error)) == NULL)
    goto unfinished;
  json_array_add_array_element (table, header);
  for (guint i = 0; i < rows->len; i++)
    json_array_add_array_element (
        table,
        row_values (g_ptr_array_index (rows, i),
                    !outlay_line_get_estimate_overridden (g_ptr_array_index (lines, i)), NULL));
  add_value_range (data, run->link->detail_sheet, 0, table, rows->len + 1);
  values = values_body (data);
  values_path = spreadsheet_path (run, "/values:batchUpdateByDataFilter");
  g_clear_pointer (&done, json_node_unref);
  if ((done = sheets_call (run, "POST", values_path, values, error)) == NULL)
    goto unfinished;

  for (guint i = 0; i < rows->len; i++)
    outlay_sheet_link_set_row (run->link, outlay_line_get_id (g_ptr_array_index (lines, i)), i + 1,
                               g_strdupv (g_ptr_array_index (rows, i)));
  run->summary->lines_pushed = rows->len;
  run->summary->journal = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "Linked to a new spreadsheet, %u line pushed",
                   "Linked to a new spreadsheet, %u lines pushed", rows->len),
      rows->len);
  return save_link (run, error);

unfinished:
  /* remember the spreadsheet: the next sync finishes it, not a second one */
  g_prefix_error (error, _("The spreadsheet was created but not filled in: "));
  run->link->used_rows = 1;
  run->summary->journal = g_strdup (_("Created the spreadsheet; filling it in failed"));
  save_link (run, NULL);
  return FALSE;
}

/* ---- reading the spreadsheet ------------------------------------------------ */

static gboolean
read_metadata (Run *run, GHashTable *meta_rows, GError **error)
{
  g_autofree char *path = spreadsheet_path (run, "/developerMetadata:search");
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (JsonNode) answer = NULL;
  JsonObject *root = json_object_new ();
  JsonObject *lookup = json_object_new ();
  JsonObject *filter = json_object_new ();
  JsonArray *filters = json_array_new ();
  JsonArray *matched;
  JsonObject *o;

  json_object_set_string_member (lookup, "metadataKey", META_LINE);
  json_object_set_object_member (filter, "developerMetadataLookup", lookup);
  json_array_add_object_element (filters, filter);
  json_object_set_array_member (root, "dataFilters", filters);
  body = sheets_node_take (root);
  if ((answer = sheets_call (run, "POST", path, body, error)) == NULL)
    return FALSE;
  o = answer_object (answer);
  /* {} when nothing matches: proto3 leaves out empty lists */
  if (o == NULL || !json_object_has_member (o, "matchedDeveloperMetadata"))
    return TRUE;
  matched = json_object_get_array_member (o, "matchedDeveloperMetadata");
  for (guint i = 0; i < json_array_get_length (matched); i++)
    {
      JsonObject *m = json_array_get_object_element (matched, i);
      JsonObject *dm = m ? json_object_get_object_member (m, "developerMetadata") : NULL;
      JsonObject *loc = dm && json_object_has_member (dm, "location")
                            ? json_object_get_object_member (dm, "location")
                            : NULL;
      JsonObject *range = loc && json_object_has_member (loc, "dimensionRange")
                              ? json_object_get_object_member (loc, "dimensionRange")
                              : NULL;
      gint64 line_id;
      guint row;

      if (range == NULL
          || json_object_get_int_member_with_default (range, "sheetId", -1)
                 != run->link->detail_sheet)
        continue;
      line_id = g_ascii_strtoll (
          json_object_get_string_member_with_default (dm, "metadataValue", "0"), NULL, 10);
      row = json_object_get_int_member_with_default (range, "startIndex", 0);
      if (line_id > 0 && !g_hash_table_contains (meta_rows, GUINT_TO_POINTER (row)))
        g_hash_table_insert (meta_rows, GUINT_TO_POINTER (row),
                             g_memdup2 (&line_id, sizeof line_id));
    }
  return TRUE;
}

/* The grid's row count from the echoed range "'Detail'!A1:K1000" */
static guint
echoed_rows (const char *range)
{
  const char *colon = range ? strrchr (range, ':') : NULL;
  const char *p = colon ? colon + 1 : NULL;

  while (p && g_ascii_isalpha (*p))
    p++;
  return p && g_ascii_isdigit (*p) ? (guint) g_ascii_strtoull (p, NULL, 10) : 0;
}

static GPtrArray *
read_rows (Run *run, guint *grid_rows, GError **error)
{
  g_autofree char *path = spreadsheet_path (run, "/values:batchGetByDataFilter");
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GHashTable) meta_rows = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr (GHashTable) claimed = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) id_count = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) remote_row_free);
  gboolean need_meta = FALSE;
  JsonObject *root = json_object_new ();
  JsonObject *filter = json_object_new ();
  JsonArray *filters = json_array_new ();
  JsonArray *ranges, *values = NULL;
  JsonObject *vr;

  json_object_set_object_member (filter, "gridRange",
                                 sheets_grid_range (run->link->detail_sheet, 0, 0, 0, N_COLS));
  json_array_add_object_element (filters, filter);
  json_object_set_array_member (root, "dataFilters", filters);
  json_object_set_string_member (root, "majorDimension", "ROWS");
  /* numbers as numbers: no locale to guess (CONTRACTS §1.2) */
  json_object_set_string_member (root, "valueRenderOption", "UNFORMATTED_VALUE");
  json_object_set_string_member (root, "dateTimeRenderOption", "SERIAL_NUMBER");
  body = sheets_node_take (root);
  if ((answer = sheets_call (run, "POST", path, body, error)) == NULL)
    return NULL;
  ranges = answer_object (answer) && json_object_has_member (answer_object (answer), "valueRanges")
               ? json_object_get_array_member (answer_object (answer), "valueRanges")
               : NULL;
  if (ranges == NULL || json_array_get_length (ranges) != 1)
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_SERVICE,
                           _("Google Sheets answered without the Detail tab’s values."));
      return NULL;
    }
  vr = json_object_get_object_member (json_array_get_object_element (ranges, 0), "valueRange");
  if (vr && json_object_has_member (vr, "values"))
    values = json_object_get_array_member (vr, "values");
  *grid_rows = echoed_rows (vr ? json_object_get_string_member_with_default (vr, "range", NULL)
                               : NULL);
  for (guint r = 1; values && r < json_array_get_length (values); r++)
    {
      JsonNode *node = json_array_get_element (values, r);
      JsonArray *row = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
      RemoteRow *rr;
      char **cells;

      if (row == NULL || sheets_row_empty (row))
        continue;
      if ((cells = sheets_remote_cells (row, r, run->style, error)) == NULL)
        return NULL;
      rr = g_new0 (RemoteRow, 1);
      rr->row = r;
      rr->cells = cells;
      rr->line_id = g_ascii_strtoll (cells[COL_ID], NULL, 10);
      if (rr->line_id > 0)
        g_hash_table_insert (
            id_count, &rr->line_id,
            GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (id_count, &rr->line_id)) + 1));
      else
        need_meta = TRUE;
      /* an empty estimate there follows the formula too */
      rr->estimate_typed = json_array_get_length (row) > COL_ESTIMATE
                           && !JSON_NODE_HOLDS_NULL (json_array_get_element (row, COL_ESTIMATE))
                           && !(
                               json_node_get_value_type (json_array_get_element (row, COL_ESTIMATE))
                                   == G_TYPE_STRING
                               && *json_array_get_string_element (row, COL_ESTIMATE) == '\0')
                           && sheets_cell_decimal (cells, COL_ESTIMATE)
                                  != sheets_cells_product (cells);
      g_ptr_array_add (rows, rr);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      RemoteRow *rr = g_ptr_array_index (rows, i);

      if (rr->line_id > 0 && GPOINTER_TO_UINT (g_hash_table_lookup (id_count, &rr->line_id)) > 1)
        need_meta = TRUE;
    }
  /* the hidden id says it all unless one is missing or doubled (a copied
   * row): then the row metadata, which stays with its row, decides */
  if (need_meta && !read_metadata (run, meta_rows, error))
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      RemoteRow *rr = g_ptr_array_index (rows, i);
      gint64 *meta = g_hash_table_lookup (meta_rows, GUINT_TO_POINTER (rr->row));
      guint n = rr->line_id > 0 ? GPOINTER_TO_UINT (g_hash_table_lookup (id_count, &rr->line_id))
                                : 0;

      if (n > 1 && (meta == NULL || *meta != rr->line_id))
        rr->line_id = 0; /* the copy, not the original */
      if (rr->line_id <= 0 && meta != NULL && !g_hash_table_contains (claimed, meta)
          && GPOINTER_TO_UINT (g_hash_table_lookup (id_count, meta)) == 0)
        rr->line_id = *meta;
      if (rr->line_id > 0 && g_hash_table_contains (claimed, &rr->line_id))
        rr->line_id = 0;
      if (rr->line_id > 0)
        g_hash_table_add (claimed, &rr->line_id);
    }
  /* rows without an id where a linked line was last written: the id
   * write-back of an earlier sync did not arrive */
  for (guint i = 0; i < rows->len; i++)
    {
      RemoteRow *rr = g_ptr_array_index (rows, i);
      GHashTableIter iter;
      OutlaySheetRow *base;

      if (rr->line_id > 0)
        continue;
      g_hash_table_iter_init (&iter, run->link->rows);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &base))
        if (base->row == rr->row && !g_hash_table_contains (claimed, &base->line_id)
            && *rr->cells[COL_ID] == '\0')
          {
            rr->line_id = base->line_id;
            g_hash_table_add (claimed, &base->line_id);
            break;
          }
    }
  return g_steal_pointer (&rows);
}

/* ---- the merge ----------------------------------------------------------------- */

typedef struct
{
  OutlayLineBatch *batch;
  GPtrArray *writes;      /* JsonArray* one row of values each, rewritten there */
  GPtrArray *write_rows;  /* the grid row of each */
  JsonArray *requests;    /* batchUpdate requests before the writes */
  GPtrArray *new_there;   /* RemoteRow*, rows that become lines */
  GPtrArray *new_lines;   /* OutlayLine* inserted from them, same order */
  GHashTable *next_rows;  /* line id → char** the new base */
  GHashTable *next_index; /* line id → row */
  GHashTable *seen;       /* line ids found there */
  GArray *pulled;         /* guint row × N_COLS + column of each cell taken from there */
  GPtrArray *pulled_values; /* char*, each one's value as read */
  guint next_free_row;
} Plan;

static gboolean
cell_equal (const char *a, const char *b)
{
  return g_strcmp0 (a, b) == 0;
}

static void
add_conflict (Run *run,
              OutlayLine *line,
              guint row,
              guint col,
              char **base,
              char **local,
              char **remote)
{
  OutlaySheetsConflict *c = g_new0 (OutlaySheetsConflict, 1);

  c->line_id = outlay_line_get_id (line);
  c->line = g_strdup_printf ("%s %s", outlay_line_get_code (line),
                             outlay_line_get_description (line));
  g_strstrip (c->line);
  c->row = row + 1;
  c->column = g_strdup (sheets_column_title (col));
  c->column_index = col;
  c->is_number = sheets_column_is_decimal (col);
  c->base = g_strdup (base[col]);
  c->local = g_strdup (local[col]);
  c->remote = g_strdup (remote[col]);
  g_ptr_array_add (run->summary->conflicts, c);
}

static void
apply_cell (Plan *plan, OutlayLine *line, guint col, const char *value, gboolean typed)
{
  int field = sheets_column_field (col);

  if (field < 0)
    return;
  if (col == COL_ESTIMATE && !typed)
    outlay_line_batch_reset_estimate (plan->batch, line);
  else if (sheets_column_is_decimal (col))
    {
      OutlayDecimal v = 0;

      outlay_decimal_parse_full (value, -1, OUTLAY_DECIMAL_STYLE_POINT, &v, NULL, NULL);
      outlay_line_batch_set_decimal (plan->batch, line, field, v);
    }
  else
    outlay_line_batch_set_text (plan->batch, line, field, value, NULL);
}

char *
outlay_sheets_conflict_key (gint64 line_id, guint column_index)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%u", line_id, column_index);
}

/* A value typed to settle a conflict, as a canonical cell; NULL when a
 * number does not read as one (the conflict stays) */
static char *
resolved_value (guint col, const char *typed)
{
  OutlayDecimal value = 0;

  if (!sheets_column_is_decimal (col))
    return g_strdup (typed);
  if (!outlay_decimal_parse_full (typed, -1, outlay_decimal_style_for_locale (), &value, NULL,
                                  NULL))
    return NULL;
  return outlay_decimal_to_string_trim (value);
}

/* One linked row: per cell, whichever side changed since the base wins;
 * both changed to different values is a conflict.  Only the cells that
 * go out are written (the others are null: left as they are there). */
static void
merge_row (Run *run, Plan *plan, OutlayLine *line, OutlaySheetRow *base, RemoteRow *remote)
{
  const OutlaySheetsOptions *opt = run->options;
  g_auto (GStrv) local = sheets_line_cells (line);
  char **next = g_strdupv (base ? base->cells : (remote ? remote->cells : local));
  gboolean local_typed = outlay_line_get_estimate_overridden (line);
  gboolean final_typed = local_typed;
  gboolean pulled = FALSE;
  gboolean write[N_COLS] = { FALSE };
  gboolean push = FALSE;
  guint row = remote ? remote->row : (base ? base->row : ROW_GONE);
  gint64 id = outlay_line_get_id (line);

  for (guint c = COL_SECTION; c < N_COLS; c++)
    {
      const char *b = next[c];
      gboolean lc = !cell_equal (local[c], b);
      gboolean rc = remote && !cell_equal (remote->cells[c], b);

      /* an estimate that follows qty × days × rate is no edit of its own */
      if (c == COL_ESTIMATE)
        {
          lc = lc && local_typed;
          rc = rc && remote->estimate_typed;
        }
      /* a push makes it there what it is here */
      if (opt->mode == OUTLAY_SHEETS_PUSH && remote != NULL && c != COL_ESTIMATE)
        lc = lc || rc;
      else if (opt->mode == OUTLAY_SHEETS_PUSH && remote != NULL)
        lc = lc || (local_typed && rc);
      if (c == COL_SECTION || opt->mode == OUTLAY_SHEETS_PUSH)
        rc = FALSE; /* the section column is Outlay's to say */
      if (lc && rc && cell_equal (local[c], remote->cells[c]))
        lc = rc = FALSE;
      if (lc && rc && opt->resolutions != NULL)
        {
          g_autofree char *key = outlay_sheets_conflict_key (outlay_line_get_id (line), c);
          const char *typed = g_hash_table_lookup (opt->resolutions, key);
          g_autofree char *value = typed ? resolved_value (c, typed) : NULL;

          if (value != NULL)
            {
              /* one value for both sides */
              if (!cell_equal (value, local[c]))
                apply_cell (plan, line, c, value, TRUE);
              if (c == COL_ESTIMATE)
                final_typed = TRUE;
              g_free (next[c]);
              next[c] = g_steal_pointer (&value);
              write[c] = push = !cell_equal (next[c], remote->cells[c]);
              continue;
            }
        }
      if (lc && rc && opt->prefer == OUTLAY_SHEETS_PREFER_NONE)
        {
          add_conflict (run, line, row, c, next, local, remote->cells);
          continue; /* the base stays: still a conflict next time */
        }
      if (lc && rc)
        {
          lc = opt->prefer == OUTLAY_SHEETS_PREFER_LOCAL;
          rc = !lc;
        }
      if (rc && opt->mode != OUTLAY_SHEETS_PUSH)
        {
          guint at = row * N_COLS + c;

          apply_cell (plan, line, c, remote->cells[c], TRUE);
          if (c == COL_ESTIMATE)
            final_typed = TRUE;
          g_free (next[c]);
          next[c] = g_strdup (remote->cells[c]);
          g_array_append_val (plan->pulled, at);
          g_ptr_array_add (plan->pulled_values, g_strdup (remote->cells[c]));
          run->summary->cells_pulled++;
          pulled = TRUE;
        }
      else if (lc && opt->mode != OUTLAY_SHEETS_PULL)
        {
          g_free (next[c]);
          next[c] = g_strdup (local[c]);
          write[c] = push = TRUE;
        }
      else if (remote && !rc && !lc && c != COL_ESTIMATE)
        {
          /* unchanged both sides; keep what is there */
          g_free (next[c]);
          next[c] = g_strdup (remote->cells[c]);
        }
    }
  if (opt->mode == OUTLAY_SHEETS_PUSH && remote && remote->estimate_typed && !local_typed)
    push = TRUE; /* the formula goes back there */
  if (!final_typed)
    {
      /* the estimate follows its formula on both sides */
      g_free (next[COL_ESTIMATE]);
      next[COL_ESTIMATE] = outlay_decimal_to_string_trim (sheets_cells_product (next));
    }
  g_free (next[COL_ID]);
  next[COL_ID] = g_strdup (local[COL_ID]);
  if (remote && !cell_equal (remote->cells[COL_ID], local[COL_ID]))
    push = TRUE; /* the hidden id went missing there: write it back */
  write[COL_ID] = TRUE;
  if (pulled)
    run->summary->lines_changed_there++;
  if (push && opt->mode != OUTLAY_SHEETS_PULL && row != ROW_GONE)
    {
      JsonArray *values = json_array_new ();
      JsonArray *rows = json_array_new ();

      for (guint c = 0; c < N_COLS; c++)
        {
          if (write[c])
            json_array_add_element (values, sheets_cell_node (c, next[c]));
          else
            json_array_add_null_element (values);
        }
      json_array_add_array_element (rows, values);
      g_ptr_array_add (plan->writes, rows);
      g_ptr_array_add (plan->write_rows, GUINT_TO_POINTER (row));
      /* typed there, a formula here again: the formula goes back */
      if (!final_typed && remote && remote->estimate_typed
          && (!pulled || opt->mode == OUTLAY_SHEETS_PUSH))
        json_array_add_object_element (
            plan->requests, sheets_formula_request (run->link->detail_sheet, row, row + 1));
      run->summary->lines_pushed++;
    }
  else if (push && base != NULL)
    {
      /* changed here but not written there (a pull, or its row was
       * deleted there): the base stays, so it goes out next time */
      for (guint c = 0; c < N_COLS; c++)
        if (write[c])
          {
            g_free (next[c]);
            next[c] = g_strdup (base->cells[c]);
          }
    }
  g_hash_table_insert (plan->next_rows, g_memdup2 (&id, sizeof id), next);
  g_hash_table_insert (plan->next_index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (row));
}

static void
plan_clear (Plan *plan)
{
  g_clear_pointer (&plan->batch, outlay_line_batch_free);
  g_clear_pointer (&plan->writes, g_ptr_array_unref);
  g_clear_pointer (&plan->write_rows, g_ptr_array_unref);
  g_clear_pointer (&plan->requests, json_array_unref);
  g_clear_pointer (&plan->new_there, g_ptr_array_unref);
  g_clear_pointer (&plan->new_lines, g_ptr_array_unref);
  g_clear_pointer (&plan->next_rows, g_hash_table_unref);
  g_clear_pointer (&plan->next_index, g_hash_table_unref);
  g_clear_pointer (&plan->pulled, g_array_unref);
  g_clear_pointer (&plan->pulled_values, g_ptr_array_unref);
}

static void
plan_init (Plan *plan, OutlayDocument *document)
{
  plan->batch = outlay_line_batch_new (document);
  plan->writes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_array_unref);
  plan->write_rows = g_ptr_array_new ();
  plan->requests = json_array_new ();
  plan->new_there = g_ptr_array_new ();
  plan->new_lines = g_ptr_array_new_with_free_func (g_object_unref);
  plan->next_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                           (GDestroyNotify) g_strfreev);
  plan->next_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  plan->pulled = g_array_new (FALSE, FALSE, sizeof (guint));
  plan->pulled_values = g_ptr_array_new_with_free_func (g_free);
}

static void
plan_write (Plan *plan, guint row, char **cells, gboolean formula_estimate)
{
  JsonArray *rows = json_array_new ();

  json_array_add_array_element (rows, row_values (cells, formula_estimate, NULL));
  g_ptr_array_add (plan->writes, rows);
  g_ptr_array_add (plan->write_rows, GUINT_TO_POINTER (row));
}

static void
plan_keep (Plan *plan, gint64 id, char **cells, guint row)
{
  g_hash_table_insert (plan->next_rows, g_memdup2 (&id, sizeof id), g_strdupv (cells));
  g_hash_table_insert (plan->next_index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (row));
}

/* A row added there becomes a line at the end of its section */
static void
plan_new_there (Run *run, Plan *plan, RemoteRow *rr)
{
  OutlaySection *section = outlay_document_lookup_section (run->document, rr->cells[COL_SECTION]);
  guint n = outlay_document_get_n_sections (run->document);
  OutlayLine *line;

  if (section == NULL && n == 0)
    return;
  if (section == NULL)
    section = outlay_document_get_section (run->document, n - 1);
  line = outlay_line_new ();
  for (guint c = COL_CODE; c < N_COLS; c++)
    {
      int field = sheets_column_field (c);

      if (c == COL_ESTIMATE)
        continue;
      if (sheets_column_is_decimal (c))
        outlay_line_load_decimal (line, field, sheets_cell_decimal (rr->cells, c));
      else
        outlay_line_load_text (line, field, rr->cells[c]);
    }
  outlay_line_load_decimal (line, OUTLAY_LINE_ESTIMATE,
                            rr->estimate_typed ? sheets_cell_decimal (rr->cells, COL_ESTIMATE)
                                               : sheets_cells_product (rr->cells));
  outlay_line_load_overridden (line, rr->estimate_typed);
  outlay_line_batch_append (plan->batch, section, line);
  g_ptr_array_add (plan->new_there, rr);
  g_ptr_array_add (plan->new_lines, line);
  run->summary->lines_added_there++;
}

static gboolean
build_plan (Run *run, Plan *plan, GPtrArray *remote, guint *used, GError **error)
{
  const OutlaySheetsOptions *opt = run->options;
  g_autoptr (GPtrArray) lines = g_ptr_array_new ();
  g_autoptr (GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GHashTable) remote_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  OutlaySheetRow *base;
  guint first_new;

  document_rows (run->document, lines);
  for (guint i = 0; i < lines->len; i++)
    {
      OutlayLine *line = g_ptr_array_index (lines, i);
      gint64 id = outlay_line_get_id (line);

      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), line);
    }
  for (guint i = 0; remote && i < remote->len; i++)
    {
      RemoteRow *rr = g_ptr_array_index (remote, i);

      *used = MAX (*used, rr->row + 1);
      if (rr->line_id > 0)
        g_hash_table_insert (remote_by_id, &rr->line_id, rr);
    }
  first_new = *used;

  for (guint i = 0; i < lines->len; i++)
    {
      OutlayLine *line = g_ptr_array_index (lines, i);
      gint64 id = outlay_line_get_id (line);
      RemoteRow *rr = remote ? g_hash_table_lookup (remote_by_id, &id) : NULL;

      base = outlay_sheet_link_get_row (run->link, id);
      if (base && rr == NULL && (remote != NULL || base->row == ROW_GONE))
        {
          /* deleted there */
          if (opt->mode != OUTLAY_SHEETS_PUSH && opt->delete_remote_removed)
            {
              if (!outlay_line_batch_delete (plan->batch, line, error))
                return FALSE;
              run->summary->lines_removed_there++;
              continue;
            }
          run->summary->lines_removed_pending++;
          plan_keep (plan, id, base->cells, ROW_GONE);
          continue;
        }
      if (base == NULL && rr == NULL)
        {
          g_auto (GStrv) cells = NULL;
          guint row;

          /* new here */
          if (opt->mode == OUTLAY_SHEETS_PULL)
            continue;
          cells = sheets_line_cells (line);
          row = (*used)++;
          plan_write (plan, row, cells, !outlay_line_get_estimate_overridden (line));
          json_array_add_object_element (
              plan->requests, sheets_metadata_request (run->link->detail_sheet, row, id));
          if (!outlay_line_get_estimate_overridden (line))
            json_array_add_object_element (
                plan->requests, sheets_formula_request (run->link->detail_sheet, row, row + 1));
          plan_keep (plan, id, cells, row);
          run->summary->lines_pushed++;
          continue;
        }
      merge_row (run, plan, line, base, rr);
    }

  /* deleted here: their rows are emptied there (fixed ranges, never a
   * row deletion that a retry could repeat on the next row) */
  g_hash_table_iter_init (&iter, run->link->rows);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &base))
    {
      RemoteRow *rr;
      guint row;

      if (g_hash_table_contains (by_id, &base->line_id))
        continue;
      rr = remote ? g_hash_table_lookup (remote_by_id, &base->line_id) : NULL;
      row = remote ? (rr ? rr->row : ROW_GONE) : base->row;
      if (opt->mode == OUTLAY_SHEETS_PULL)
        {
          plan_keep (plan, base->line_id, base->cells, row);
          continue;
        }
      if (row != ROW_GONE)
        {
          JsonArray *rows = json_array_new ();
          JsonArray *values = json_array_new ();

          for (guint c = 0; c < N_COLS; c++)
            json_array_add_string_element (values, "");
          json_array_add_array_element (rows, values);
          g_ptr_array_add (plan->writes, rows);
          g_ptr_array_add (plan->write_rows, GUINT_TO_POINTER (row));
          run->summary->lines_blanked++;
        }
    }

  /* added there */
  for (guint i = 0; remote && opt->mode != OUTLAY_SHEETS_PUSH && i < remote->len; i++)
    {
      RemoteRow *rr = g_ptr_array_index (remote, i);

      if (rr->line_id > 0
          && (g_hash_table_contains (by_id, &rr->line_id)
              || outlay_sheet_link_get_row (run->link, rr->line_id) != NULL))
        continue;
      plan_new_there (run, plan, rr);
    }
  if (*used > first_new && *used > run->link->grid_rows)
    {
      /* room for the new rows first (idempotent, unlike appending rows) */
      JsonArray *requests = json_array_new ();

      json_array_add_object_element (
          requests, sheets_row_count_request (run->link->detail_sheet, *used + HEADROOM_ROWS));
      for (guint i = 0; i < json_array_get_length (plan->requests); i++)
        json_array_add_element (requests,
                                json_node_copy (json_array_get_element (plan->requests, i)));
      json_array_unref (plan->requests);
      plan->requests = requests;
      run->link->grid_rows = *used + HEADROOM_ROWS;
    }
  return TRUE;
}

/* ---- the sync ------------------------------------------------------------------ */

/* The Detail tab's title now (users rename tabs; formulas need it) */
static char *
detail_title (Run *run, GError **error)
{
  g_autofree char *path = spreadsheet_path (run, "?fields=sheets.properties%28sheetId%2Ctitle%29");
  g_autoptr (JsonNode) answer = sheets_call (run, "GET", path, NULL, error);
  JsonObject *o = answer_object (answer);
  JsonArray *sheets = o && json_object_has_member (o, "sheets")
                          ? json_object_get_array_member (o, "sheets")
                          : NULL;

  for (guint i = 0; sheets && i < json_array_get_length (sheets); i++)
    {
      JsonObject *sheet = json_array_get_object_element (sheets, i);
      JsonObject *props = sheet && json_object_has_member (sheet, "properties")
                              ? json_object_get_object_member (sheet, "properties")
                              : NULL;

      if (props
          && json_object_get_int_member_with_default (props, "sheetId", -1)
                 == run->link->detail_sheet)
        return g_strdup (json_object_get_string_member_with_default (props, "title", ""));
    }
  if (answer != NULL)
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                 _("The “%s” tab of the linked spreadsheet was deleted. Nothing was changed; unlink the budget and link it to a new spreadsheet."),
                    _("Detail"));
  return NULL;
}

/* Sections added, removed or renamed here: the Summary tab follows */
static gboolean
plan_summary (Run *run, JsonArray *requests, GError **error)
{
  g_autofree char *key = sheets_summary_key (run->document);
  g_autofree char *title = NULL;
  guint n = outlay_document_get_n_sections (run->document);

  if (g_strcmp0 (key, run->link->summary_key) == 0)
    return TRUE;
  if ((title = detail_title (run, error)) == NULL)
    return FALSE;
  if (n + 3 > run->link->summary_rows)
    json_array_add_object_element (requests,
                                   sheets_row_count_request (run->link->summary_sheet, n + 3));
  json_array_add_object_element (requests,
                                 sheets_summary_cells (run->document, run->link->summary_sheet,
                                                       title, run->link->summary_rows));
  g_free (run->link->summary_key);
  run->link->summary_key = g_steal_pointer (&key);
  run->link->summary_rows = MAX (run->link->summary_rows, n + 3);
  return TRUE;
}

static gboolean
drive_version (Run *run, char **version, GError **error)
{
  g_autofree char *id = g_uri_escape_string (run->link->spreadsheet_id, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/drive/v3/files/", id,
                                       "?fields=id%2CmodifiedTime%2Cversion%2Ctrashed", NULL);
  g_autoptr (JsonNode) answer = outlay_google_request (run->service->auth, run->service->drive,
                                                       "GET", path, NULL, run->cancellable, error);
  JsonObject *o = answer_object (answer);

  if (answer == NULL)
    return FALSE;
  if (o && json_object_get_boolean_member_with_default (o, "trashed", FALSE))
    {
      g_set_error_literal (
          error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
          _("The linked spreadsheet is in the trash in Google Drive. Restore it there, or unlink the budget and push it again. Nothing was changed."));
      return FALSE;
    }
  /* an int64 as a string (CONTRACTS §1.5) */
  *version = g_strdup (o ? json_object_get_string_member_with_default (o, "version", "") : "");
  return TRUE;
}

static gboolean
send_writes (Run *run,
             JsonArray *requests,
             GPtrArray *writes,
             GPtrArray *write_rows,
             GError **error)
{
  g_autoptr (JsonNode) answer = NULL;

  if (json_array_get_length (requests) > 0)
    {
      g_autofree char *path = spreadsheet_path (run, ":batchUpdate");
      g_autoptr (JsonNode) body = batch_body (json_array_ref (requests));

      if ((answer = sheets_call (run, "POST", path, body, error)) == NULL)
        return FALSE;
    }
  if (writes && writes->len > 0)
    {
      g_autofree char *path = spreadsheet_path (run, "/values:batchUpdateByDataFilter");
      JsonArray *data = json_array_new ();
      g_autoptr (JsonNode) body = NULL;

      for (guint i = 0; i < writes->len; i++)
        add_value_range (data, run->link->detail_sheet,
                         GPOINTER_TO_UINT (g_ptr_array_index (write_rows, i)),
                         json_array_ref (g_ptr_array_index (writes, i)), 1);
      body = values_body (data);
      g_clear_pointer (&answer, json_node_unref);
      if ((answer = sheets_call (run, "POST", path, body, error)) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* The cells taken from there that hold a formula: they came in by their
 * value, which the journal says, with the formula.  One read of the rows
 * they are in, with formulas unevaluated; only when something came in.
 * Not getting this note never fails the sync. */
static void
note_formulas (Run *run, Plan *plan)
{
  g_autofree char *path = NULL;
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *root, *filter, *vr;
  JsonArray *filters, *ranges, *values = NULL;
  guint r0 = G_MAXUINT, r1 = 0;

  if (plan->pulled->len == 0)
    return;
  for (guint i = 0; i < plan->pulled->len; i++)
    {
      guint row = g_array_index (plan->pulled, guint, i) / N_COLS;

      r0 = MIN (r0, row);
      r1 = MAX (r1, row + 1);
    }
  path = spreadsheet_path (run, "/values:batchGetByDataFilter");
  root = json_object_new ();
  filter = json_object_new ();
  filters = json_array_new ();
  json_object_set_object_member (filter, "gridRange",
                                 sheets_grid_range (run->link->detail_sheet, r0, r1, 0, N_COLS));
  json_array_add_object_element (filters, filter);
  json_object_set_array_member (root, "dataFilters", filters);
  json_object_set_string_member (root, "majorDimension", "ROWS");
  json_object_set_string_member (root, "valueRenderOption", "FORMULA");
  body = sheets_node_take (root);
  if ((answer = sheets_call (run, "POST", path, body, &error)) == NULL)
    {
      g_debug ("formulas not read: %s", error->message);
      return;
    }
  ranges = answer_object (answer) && json_object_has_member (answer_object (answer), "valueRanges")
               ? json_object_get_array_member (answer_object (answer), "valueRanges")
               : NULL;
  vr = ranges != NULL && json_array_get_length (ranges) == 1
           ? json_object_get_object_member (json_array_get_object_element (ranges, 0), "valueRange")
           : NULL;
  if (vr != NULL && json_object_has_member (vr, "values"))
    values = json_object_get_array_member (vr, "values");
  for (guint i = 0; values != NULL && i < plan->pulled->len; i++)
    {
      guint at = g_array_index (plan->pulled, guint, i);
      guint row = at / N_COLS, col = at % N_COLS;
      JsonNode *rn = row - r0 < json_array_get_length (values)
                         ? json_array_get_element (values, row - r0)
                         : NULL;
      JsonArray *cells = rn != NULL && JSON_NODE_HOLDS_ARRAY (rn) ? json_node_get_array (rn) : NULL;
      JsonNode *cell = cells != NULL && col < json_array_get_length (cells)
                           ? json_array_get_element (cells, col)
                           : NULL;
      const char *text = cell != NULL && JSON_NODE_HOLDS_VALUE (cell)
                                 && json_node_get_value_type (cell) == G_TYPE_STRING
                             ? json_node_get_string (cell)
                             : NULL;

      if (text == NULL || text[0] != '=')
        continue;
      run->summary->formulas_read++;
      /* TRANSLATORS: row, column, the formula there, the value it gave */
      g_ptr_array_add (
          run->summary->formulas,
          g_strdup_printf (_("Row %u, %s: %s there, read as its value %s"), row + 1,
                              sheets_column_title (col), text,
                              (const char *) g_ptr_array_index (plan->pulled_values, i)));
    }
}

static char *
journal_text (OutlaySheetsSummary *s)
{
  g_autoptr (GString) text = g_string_new (NULL);
  guint conflicts = s->conflicts->len;

#define PART(n, one, many)                                                                         \
  if (n > 0)                                                                                       \
    {                                                                                              \
      if (text->len)                                                                               \
        g_string_append (text, ", ");                                                              \
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, one, many, n), n);               \
    }
  PART (s->lines_changed_there, "%u line changed there", "%u lines changed there");
  PART (s->lines_added_there, "%u line added there", "%u lines added there");
  PART (s->lines_removed_there, "%u line removed there", "%u lines removed there");
  PART (s->lines_removed_pending, "%u line deleted there kept until you confirm",
        "%u lines deleted there kept until you confirm");
  PART (conflicts, "%u conflict", "%u conflicts");
  PART (s->lines_pushed, "%u pushed", "%u pushed");
  PART (s->lines_blanked, "%u removed there", "%u removed there");
  PART (s->formulas_read, "%u formula read as its value", "%u formulas read as their values");
#undef PART
  if (text->len == 0)
    g_string_append (text, _("Nothing changed"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef struct
{
  Run *run;
  Plan *plan;
  gboolean ran;
} Hook;

/* The new sync state, in the transaction of the command that applies
 * what came in (or in its own when nothing came in) */
static void
update_link (Run *run, Plan *plan)
{
  GHashTableIter iter;
  gint64 *id;
  char **cells;

  g_hash_table_remove_all (run->link->rows);
  g_hash_table_iter_init (&iter, plan->next_rows);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, (gpointer *) &cells))
    outlay_sheet_link_set_row (run->link, *id,
                               GPOINTER_TO_UINT (g_hash_table_lookup (plan->next_index, id)),
                               g_strdupv (cells));
  for (guint i = 0; i < plan->new_lines->len; i++)
    {
      OutlayLine *line = g_ptr_array_index (plan->new_lines, i);
      RemoteRow *rr = g_ptr_array_index (plan->new_there, i);
      g_auto (GStrv) mine = sheets_line_cells (line);

      outlay_sheet_link_set_row (run->link, outlay_line_get_id (line), rr->row, g_strdupv (mine));
    }
}

static gboolean
commit_hook (OutlayStore *store, gpointer data, GError **error)
{
  Hook *hook = data;
  gint64 start = g_get_monotonic_time ();
  gboolean ok;

  hook->ran = TRUE;
  update_link (hook->run, hook->plan);
  ok = save_link (hook->run, error);
  g_debug ("sync state saved in %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);
  return ok;
}

/* Ids and metadata for the rows that became lines (after the commit gave
 * them ids); if this is lost, the next sync finds them by position */
static gboolean
write_back_ids (Run *run, Plan *plan, GError **error)
{
  g_autoptr (JsonArray) requests = json_array_new ();

  for (guint i = 0; i < plan->new_lines->len; i++)
    {
      OutlayLine *line = g_ptr_array_index (plan->new_lines, i);
      RemoteRow *rr = g_ptr_array_index (plan->new_there, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, outlay_line_get_id (line));
      JsonObject *update = json_object_new ();
      JsonObject *r = json_object_new ();
      JsonArray *rows = json_array_new ();
      JsonArray *values = json_array_new ();
      JsonObject *cell = json_object_new ();
      JsonObject *value = json_object_new ();
      JsonObject *row = json_object_new ();

      json_object_set_string_member (value, "stringValue", id);
      json_object_set_object_member (cell, "userEnteredValue", value);
      json_array_add_object_element (values, cell);
      json_object_set_array_member (row, "values", values);
      json_array_add_object_element (rows, row);
      json_object_set_array_member (r, "rows", rows);
      json_object_set_object_member (
          r, "range", sheets_grid_range (run->link->detail_sheet, rr->row, rr->row + 1, 0, 1));
      json_object_set_string_member (r, "fields", "userEnteredValue");
      json_object_set_object_member (update, "updateCells", r);
      json_array_add_object_element (requests, update);
      json_array_add_object_element (
          requests,
          sheets_metadata_request (run->link->detail_sheet, rr->row, outlay_line_get_id (line)));
    }
  return send_writes (run, requests, NULL, NULL, error);
}

static gboolean
sync_linked (Run *run, GError **error)
{
  g_autofree char *version = NULL;
  g_autoptr (GPtrArray) remote = NULL;
  Plan plan = { 0 };
  Hook hook = { run, &plan, FALSE };
  gboolean wrote = FALSE;
  guint used = run->link->used_rows;
  gboolean ok = FALSE;
  gint64 start;

  if (!drive_version (run, &version, error))
    return FALSE;
  /* a push reads too when something moved there: where the rows are now
   * (its values are not taken) */
  run->summary->remote_read = run->link->drive_version == NULL
                              || g_strcmp0 (version, run->link->drive_version) != 0;
  if (run->summary->remote_read)
    {
      guint grid_rows = 0;

      start = g_get_monotonic_time ();
      if ((remote = read_rows (run, &grid_rows, error)) == NULL)
        return FALSE;
      g_debug ("%u rows read in %" G_GINT64_FORMAT " ms", remote->len,
               (g_get_monotonic_time () - start) / 1000);
      if (grid_rows > 0)
        run->link->grid_rows = grid_rows;
      used = 1;
    }
  plan_init (&plan, run->document);
  start = g_get_monotonic_time ();
  if (!build_plan (run, &plan, remote, &used, error))
    goto out;
  if (g_hash_table_size (run->link->rows) == 0 && run->options->mode != OUTLAY_SHEETS_PULL)
    {
      /* a first push that did not finish: its formats and header too */
      g_autoptr (JsonArray) requests = json_array_new ();
      JsonArray *header = json_array_new ();

      sheets_add_format_requests (requests, run->document, run->link->summary_sheet,
                                  run->link->detail_sheet);
      for (guint i = 0; i < json_array_get_length (plan.requests); i++)
        json_array_add_element (requests,
                                json_node_copy (json_array_get_element (plan.requests, i)));
      json_array_unref (plan.requests);
      plan.requests = json_array_ref (requests);
      json_array_add_array_element (header, sheets_header_row ());
      g_ptr_array_add (plan.writes, header);
      g_ptr_array_add (plan.write_rows, GUINT_TO_POINTER (0));
    }
  g_debug ("merge planned in %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);
  note_formulas (run, &plan);
  if (run->options->mode != OUTLAY_SHEETS_PULL && !plan_summary (run, plan.requests, error))
    goto out;
  if (run->options->mode != OUTLAY_SHEETS_PULL
      && (json_array_get_length (plan.requests) > 0 || plan.writes->len > 0))
    {
      if (!send_writes (run, plan.requests, plan.writes, plan.write_rows, error))
        goto out;
      wrote = TRUE;
    }
  run->link->used_rows = MAX (used, 1);
  /* after our own writes Drive's version moves: read again next time */
  g_free (run->link->drive_version);
  /* (and with conflicts left: their other side is only known by reading) */
  run->link->drive_version = wrote || run->summary->conflicts->len > 0 ? NULL : g_strdup (version);
  run->summary->journal = journal_text (run->summary);
  outlay_store_set_commit_hook (run->store, commit_hook, &hook);
  ok = outlay_line_batch_commit (plan.batch, _("Sync with Google Sheets"), error);
  outlay_store_set_commit_hook (run->store, NULL, NULL);
  if (ok && !hook.ran && !wrote && !run->summary->remote_read)
    ; /* nothing read, nothing written: the stored state is still true */
  else if (ok && !hook.ran)
    {
      update_link (run, &plan);
      ok = save_link (run, error);
    }
  if (ok && plan.new_lines->len > 0 && !write_back_ids (run, &plan, error))
    {
      g_prefix_error (error, _("The new rows came in, but their ids could not be written there (the next sync finds them by position): "));
      ok = FALSE;
    }
  if (ok && plan.new_lines->len > 0)
    {
      g_clear_pointer (&run->link->drive_version, g_free);
      outlay_store_sheets_save_link (run->store, run->link, NULL);
    }
out:
  plan_clear (&plan);
  return ok;
}

gboolean
outlay_sheets_sync (OutlaySheetsService *service,
                    OutlayStore *store,
                    OutlayDocument *document,
                    const OutlaySheetsOptions *options,
                    OutlaySheetsSummary *summary,
                    GCancellable *cancellable,
                    GError **error)
{
  OutlayBudget *budget;
  Run run = { service, store, document, options, summary, cancellable };
  gboolean ok;

  g_return_val_if_fail (service != NULL && OUTLAY_IS_STORE (store), FALSE);
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (document) && options != NULL && summary != NULL, FALSE);

  budget = outlay_document_get_budget (document);
  summary->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) conflict_free);
  summary->formulas = g_ptr_array_new_with_free_func (g_free);
  run.requests_before = requests_sent (&run);
  if (outlay_document_get_read_only (document) && options->mode != OUTLAY_SHEETS_PUSH)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_LOCKED,
                   _("“%s” is locked: its spreadsheet can be pushed, not pulled into it."),
                      outlay_budget_get_name (budget));
      return FALSE;
    }
  run.link = outlay_store_sheets_get_link (store, outlay_budget_get_id (budget), error);
  if (run.link == NULL && error && *error)
    return FALSE;
  if (run.link == NULL && options->mode == OUTLAY_SHEETS_PULL)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                   _("“%s” is not linked to a Google spreadsheet yet: push it first."),
                      outlay_budget_get_name (budget));
      return FALSE;
    }
  if (run.link)
    run.style = sheets_locale_style (run.link->locale);
  ok = run.link == NULL ? first_push (&run, error) : sync_linked (&run, error);
  if (run.link)
    {
      summary->spreadsheet_id = g_strdup (run.link->spreadsheet_id);
      summary->url = g_strdup (run.link->url);
    }
  summary->requests = requests_sent (&run) - run.requests_before;
  g_clear_pointer (&run.link, outlay_sheet_link_free);
  return ok;
}

gboolean
outlay_sheets_unlink (OutlayStore *store, gint64 budget_id, GError **error)
{
  return outlay_store_sheets_unlink (store, budget_id, error);
}
