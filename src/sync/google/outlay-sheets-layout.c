/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-sheets"

/* How a budget looks in a Google spreadsheet: a Summary tab (one row per
 * section, SUMIF formulas, a total) and a Detail tab laid out like the
 * xlsx export, with the line id in a hidden column A and in developer
 * metadata on each row (which follows the row when rows are inserted
 * above it).  Cells are compared as canonical texts: decimals in their
 * shortest exact form, never as doubles. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "outlay-error.h"
#include "outlay-sheets-private.h"

static const struct
{
  const char *title;
  int field;
} columns[N_COLS] = {
  { N_("Outlay ID"), -1 }, { N_("Section"), -1 },
                              { N_("Code"), OUTLAY_LINE_CODE },
                                { N_("Description"), OUTLAY_LINE_DESCRIPTION },
                                  { N_("Qty"), OUTLAY_LINE_QUANTITY },
                                    { N_("Unit"), OUTLAY_LINE_UNIT },
                                      { N_("Days"), OUTLAY_LINE_MULTIPLIER },
                                        { N_("Rate"), OUTLAY_LINE_RATE },
                                          { N_("Estimate"), OUTLAY_LINE_ESTIMATE },
                                            { N_("Actual"), OUTLAY_LINE_ACTUAL },
                                              { N_("Notes"), OUTLAY_LINE_NOTES },
                                            };

int
sheets_column_field (guint col)
{
  return columns[col].field;
}

gboolean
sheets_column_is_decimal (guint col)
{
  return columns[col].field >= 0 && outlay_line_field_is_decimal (columns[col].field);
}

const char *
sheets_column_title (guint col)
{
  return _(columns[col].title);
}

char **
sheets_line_cells (OutlayLine *line)
{
  char **cells = g_new0 (char *, N_COLS + 1);
  OutlaySection *section = outlay_line_get_section (line);

  cells[COL_ID] = g_strdup_printf ("%" G_GINT64_FORMAT, outlay_line_get_id (line));
  cells[COL_SECTION] = g_strdup (section ? outlay_section_get_code (section) : "");
  for (guint c = COL_CODE; c < N_COLS; c++)
    {
      if (sheets_column_is_decimal (c))
        cells[c] = outlay_decimal_to_string_trim (outlay_line_get_decimal (line, columns[c].field));
      else
        {
          const char *text = outlay_line_get_text (line, columns[c].field);

          cells[c] = g_strdup (text ? text : "");
        }
    }
  return cells;
}

gboolean
sheets_row_empty (JsonArray *row)
{
  for (guint c = 0; row && c < MIN (json_array_get_length (row), N_COLS); c++)
    {
      JsonNode *node = json_array_get_element (row, c);

      if (JSON_NODE_HOLDS_VALUE (node)
          && !(json_node_get_value_type (node) == G_TYPE_STRING
               && *json_node_get_string (node) == '\0'))
        return FALSE;
    }
  return TRUE;
}

OutlayDecimal
sheets_cell_decimal (char **cells, guint col)
{
  OutlayDecimal value = 0;

  outlay_decimal_parse_full (cells[col], -1, OUTLAY_DECIMAL_STYLE_POINT, &value, NULL, NULL);
  return value;
}

OutlayDecimal
sheets_cells_product (char **cells)
{
  OutlayDecimal qm = 0, out = 0;

  if (!outlay_decimal_mul (sheets_cell_decimal (cells, COL_QTY),
                           sheets_cell_decimal (cells, COL_DAYS), &qm)
      || !outlay_decimal_mul (qm, sheets_cell_decimal (cells, COL_RATE), &out))
    return G_MININT64;
  return out;
}

OutlayDecimalStyle
sheets_locale_style (const char *locale)
{
  static const char *const comma[] = { "de", "fr", "es", "it", "nl", "pt", "da", "sv", "nb",
                                       "fi", "pl", "cs", "ru", "tr", "id", "vi", NULL };

  for (guint i = 0; locale && comma[i]; i++)
    if (g_str_has_prefix (locale, comma[i]) && (locale[2] == '_' || locale[2] == '\0'))
      return OUTLAY_DECIMAL_STYLE_COMMA;
  return OUTLAY_DECIMAL_STYLE_POINT;
}

char *
sheets_user_locale (void)
{
  const char *name = setlocale (LC_NUMERIC, NULL);
  g_autofree char *copy = g_strdup (name ? name : "");
  char *dot = strchr (copy, '.');

  if (dot)
    *dot = '\0';
  /* "C", "POSIX" and the like are not locales Sheets knows */
  if (strlen (copy) < 5 || copy[2] != '_')
    return g_strdup ("en_US");
  return g_steal_pointer (&copy);
}

/* A number the API gave as JSON as a canonical decimal text */
static char *
number_text (JsonNode *node, gboolean *ok)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  OutlayDecimal value;

  *ok = TRUE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, json_node_get_int (node));
  else
    /* Sheets stores doubles: four places is Outlay's precision */
    g_ascii_formatd (buf, sizeof buf, "%.4f", json_node_get_double (node));
  if (!outlay_decimal_parse_full (buf, -1, OUTLAY_DECIMAL_STYLE_POINT, &value, NULL, NULL))
    {
      *ok = FALSE;
      return NULL;
    }
  return outlay_decimal_to_string_trim (value);
}

char **
sheets_remote_cells (JsonArray *row, guint row_index, OutlayDecimalStyle style, GError **error)
{
  g_auto (GStrv) cells = g_new0 (char *, N_COLS + 1);

  for (guint c = 0; c < N_COLS; c++)
    {
      JsonNode *node = row && c < json_array_get_length (row) ? json_array_get_element (row, c)
                                                              : NULL;
      GType type = node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node)
                                                        : G_TYPE_INVALID;
      gboolean ok = TRUE;

      if (type == G_TYPE_INVALID)
        cells[c] = g_strdup (sheets_column_is_decimal (c) ? "0" : "");
      else if (sheets_column_is_decimal (c) && type == G_TYPE_STRING)
        {
          OutlayDecimal value = 0;
          g_autoptr (GError) local = NULL;

          /* a number typed as text, in the spreadsheet's locale */
          if (!outlay_decimal_parse_full (json_node_get_string (node), -1, style, &value, NULL,
                                          &local))
            {
              g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_NUMBER,
                           _("Detail row %u, %s: “%s” is not a number (%s). Correct it in the spreadsheet and sync again; nothing was changed."),
                              row_index + 1, sheets_column_title (c), json_node_get_string (node),
                              local->message);
              return NULL;
            }
          cells[c] = outlay_decimal_to_string_trim (value);
        }
      else if (type == G_TYPE_STRING)
        cells[c] = g_strdup (json_node_get_string (node));
      else if (type == G_TYPE_BOOLEAN)
        {
          if (sheets_column_is_decimal (c))
            {
              g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_NUMBER,
                           _("Detail row %u, %s: a checkbox is not a number. Correct it in the spreadsheet and sync again; nothing was changed."),
                              row_index + 1, sheets_column_title (c));
              return NULL;
            }
          cells[c] = g_strdup (json_node_get_boolean (node) ? "TRUE" : "FALSE");
        }
      else if (sheets_column_is_decimal (c))
        {
          if ((cells[c] = number_text (node, &ok)) == NULL)
            {
              g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW,
                           _("Detail row %u, %s: the number is larger than Outlay can hold. Nothing was changed."),
                              row_index + 1, sheets_column_title (c));
              return NULL;
            }
        }
      else
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          /* a code typed as a number: 1100, not 1100.0 */
          if (type == G_TYPE_INT64)
            g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, json_node_get_int (node));
          else
            g_ascii_formatd (buf, sizeof buf, "%.15g", json_node_get_double (node));
          cells[c] = g_strdup (buf);
        }
    }
  return g_steal_pointer (&cells);
}

JsonNode *
sheets_cell_node (guint col, const char *canonical)
{
  JsonNode *node = json_node_alloc ();

  if (sheets_column_is_decimal (col))
    {
      OutlayDecimal value = 0;

      outlay_decimal_parse_full (canonical, -1, OUTLAY_DECIMAL_STYLE_POINT, &value, NULL, NULL);
      if (value % OUTLAY_DECIMAL_ONE == 0)
        return json_node_init_int (node, value / OUTLAY_DECIMAL_ONE);
      /* the API takes doubles: the one place a decimal becomes one */
      return json_node_init_double (node, (double) value / OUTLAY_DECIMAL_ONE);
    }
  return json_node_init_string (node, canonical ? canonical : "");
}

/* ---- request bodies ---------------------------------------------------- */

JsonNode *
sheets_node_take (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  /* json_node_init_object() would add a reference of its own */
  json_node_take_object (node, object);
  return node;
}

static JsonObject *
object_with (const char *member, JsonObject *value)
{
  JsonObject *o = json_object_new ();

  json_object_set_object_member (o, member, value);
  return o;
}

JsonObject *
sheets_grid_range (gint64 sheet_id, guint r0, guint r1, guint c0, guint c1)
{
  JsonObject *range = json_object_new ();

  json_object_set_int_member (range, "sheetId", sheet_id);
  json_object_set_int_member (range, "startRowIndex", r0);
  if (r1 > 0)
    json_object_set_int_member (range, "endRowIndex", r1);
  json_object_set_int_member (range, "startColumnIndex", c0);
  json_object_set_int_member (range, "endColumnIndex", c1);
  return range;
}

static JsonObject *
sheet_properties (const char *title, guint rows, guint cols)
{
  JsonObject *props = json_object_new ();
  JsonObject *grid = json_object_new ();

  json_object_set_string_member (props, "title", title);
  json_object_set_int_member (grid, "rowCount", rows);
  json_object_set_int_member (grid, "columnCount", cols);
  json_object_set_int_member (grid, "frozenRowCount", 1);
  json_object_set_object_member (props, "gridProperties", grid);
  return object_with ("properties", props);
}

JsonNode *
sheets_create_body (OutlayDocument *document, const char *locale, guint n_lines)
{
  JsonObject *root = json_object_new ();
  JsonObject *props = json_object_new ();
  JsonArray *sheets = json_array_new ();
  OutlayBudget *budget = outlay_document_get_budget (document);

  json_object_set_string_member (props, "title", outlay_budget_get_name (budget));
  json_object_set_string_member (props, "locale", locale);
  json_object_set_object_member (root, "properties", props);
  /* titles without ' or ! (CONTRACTS §1.3); found later by sheetId */
  json_array_add_object_element (
      sheets, sheet_properties (_("Summary"), outlay_document_get_n_sections (document) + 3, 4));
  json_array_add_object_element (
      sheets, sheet_properties (_("Detail"), n_lines + 1 + HEADROOM_ROWS, N_COLS));
  json_object_set_array_member (root, "sheets", sheets);
  return sheets_node_take (root);
}

static JsonObject *
repeat_cell (JsonObject *range, JsonObject *format, const char *fields)
{
  JsonObject *r = json_object_new ();
  JsonObject *cell = json_object_new ();

  json_object_set_object_member (r, "range", range);
  json_object_set_object_member (cell, "userEnteredFormat", format);
  json_object_set_object_member (r, "cell", cell);
  json_object_set_string_member (r, "fields", fields);
  return object_with ("repeatCell", r);
}

static JsonObject *
bold_header (gint64 sheet_id, guint cols)
{
  JsonObject *format = json_object_new ();
  JsonObject *text = json_object_new ();
  JsonObject *bg = json_object_new ();
  JsonObject *rgb = json_object_new ();

  json_object_set_boolean_member (text, "bold", TRUE);
  json_object_set_object_member (format, "textFormat", text);
  json_object_set_double_member (rgb, "red", 0.9);
  json_object_set_double_member (rgb, "green", 0.9);
  json_object_set_double_member (rgb, "blue", 0.9);
  json_object_set_object_member (bg, "rgbColor", rgb);
  json_object_set_object_member (format, "backgroundColorStyle", bg);
  return repeat_cell (sheets_grid_range (sheet_id, 0, 1, 0, cols), format,
                      "userEnteredFormat(textFormat,backgroundColorStyle)");
}

static JsonObject *
number_format (gint64 sheet_id, guint c0, guint c1, const char *pattern)
{
  JsonObject *format = json_object_new ();
  JsonObject *nf = json_object_new ();

  json_object_set_string_member (nf, "type", "NUMBER");
  json_object_set_string_member (nf, "pattern", pattern);
  json_object_set_object_member (format, "numberFormat", nf);
  return repeat_cell (sheets_grid_range (sheet_id, 1, 0, c0, c1), format,
                      "userEnteredFormat.numberFormat");
}

JsonObject *
sheets_formula_request (gint64 sheet_id, guint r0, guint r1)
{
  JsonObject *r = json_object_new ();
  JsonObject *cell = json_object_new ();
  JsonObject *value = json_object_new ();
  g_autofree char *formula = g_strdup_printf ("=E%u*G%u*H%u", r0 + 1, r0 + 1, r0 + 1);

  /* relative references move down with each row of the range */
  json_object_set_object_member (
      r, "range", sheets_grid_range (sheet_id, r0, r1, COL_ESTIMATE, COL_ESTIMATE + 1));
  json_object_set_string_member (value, "formulaValue", formula);
  json_object_set_object_member (cell, "userEnteredValue", value);
  json_object_set_object_member (r, "cell", cell);
  json_object_set_string_member (r, "fields", "userEnteredValue");
  return object_with ("repeatCell", r);
}

JsonObject *
sheets_metadata_request (gint64 sheet_id, guint row, gint64 line_id)
{
  JsonObject *dm = json_object_new ();
  JsonObject *location = json_object_new ();
  JsonObject *range = json_object_new ();
  /* a spreadsheet-wide entry (the budget) is asked for with -budget_id */
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, ABS (line_id));

  json_object_set_string_member (dm, "metadataKey", line_id > 0 ? META_LINE : META_BUDGET);
  json_object_set_string_member (dm, "metadataValue", value);
  if (line_id > 0)
    {
      json_object_set_int_member (range, "sheetId", sheet_id);
      json_object_set_string_member (range, "dimension", "ROWS");
      json_object_set_int_member (range, "startIndex", row);
      json_object_set_int_member (range, "endIndex", row + 1);
      json_object_set_object_member (location, "dimensionRange", range);
    }
  else
    {
      json_object_unref (range);
      json_object_set_boolean_member (location, "spreadsheet", TRUE);
    }
  json_object_set_object_member (dm, "location", location);
  json_object_set_string_member (dm, "visibility", "DOCUMENT");
  return object_with ("createDeveloperMetadata", object_with ("developerMetadata", dm));
}

JsonObject *
sheets_row_count_request (gint64 sheet_id, guint rows)
{
  JsonObject *r = json_object_new ();
  JsonObject *props = json_object_new ();
  JsonObject *grid = json_object_new ();

  json_object_set_int_member (props, "sheetId", sheet_id);
  json_object_set_int_member (grid, "rowCount", rows);
  json_object_set_object_member (props, "gridProperties", grid);
  json_object_set_object_member (r, "properties", props);
  json_object_set_string_member (r, "fields", "gridProperties.rowCount");
  return object_with ("updateSheetProperties", r);
}

static JsonObject *
hide_id_column (gint64 sheet_id)
{
  JsonObject *r = json_object_new ();
  JsonObject *range = json_object_new ();
  JsonObject *props = json_object_new ();

  json_object_set_int_member (range, "sheetId", sheet_id);
  json_object_set_string_member (range, "dimension", "COLUMNS");
  json_object_set_int_member (range, "startIndex", COL_ID);
  json_object_set_int_member (range, "endIndex", COL_ID + 1);
  json_object_set_object_member (r, "range", range);
  json_object_set_boolean_member (props, "hiddenByUser", TRUE);
  json_object_set_object_member (r, "properties", props);
  json_object_set_string_member (r, "fields", "hiddenByUser");
  return object_with ("updateDimensionProperties", r);
}

static JsonObject *
cell_data (const char *kind, const char *value)
{
  JsonObject *v = json_object_new ();

  json_object_set_string_member (v, kind, value);
  return object_with ("userEnteredValue", v);
}

static JsonArray *
summary_row (const char *a, const char *b, const char *c, const char *d, gboolean formulas)
{
  JsonArray *values = json_array_new ();

  json_array_add_object_element (values, cell_data ("stringValue", a));
  json_array_add_object_element (values, cell_data ("stringValue", b));
  json_array_add_object_element (values, cell_data (formulas ? "formulaValue" : "stringValue", c));
  json_array_add_object_element (values, cell_data (formulas ? "formulaValue" : "stringValue", d));
  return values;
}

/* The top sheet: SUMIF over the Detail tab, so edits there add up there */
static JsonObject *
row_data (JsonArray *values)
{
  JsonObject *o = json_object_new ();

  json_object_set_array_member (o, "values", values);
  return o;
}

/* 'Jon''s Data': an apostrophe in a title is doubled */
static char *
quote_title (const char *title)
{
  GString *q = g_string_new (NULL);

  for (const char *p = title; *p; p++)
    {
      if (*p == '\'')
        g_string_append_c (q, '\'');
      g_string_append_c (q, *p);
    }
  return g_string_free (q, FALSE);
}

JsonObject *
sheets_summary_cells (OutlayDocument *document,
                      gint64 summary_sheet,
                      const char *detail_title,
                      guint rows_to_clear)
{
  JsonObject *r = json_object_new ();
  JsonArray *rows = json_array_new ();
  guint n = outlay_document_get_n_sections (document);
  g_autofree char *quoted = quote_title (detail_title);
  g_autofree char *est_total = g_strdup_printf ("=SUM(C2:C%u)", n + 1);
  g_autofree char *act_total = g_strdup_printf ("=SUM(D2:D%u)", n + 1);

  json_array_add_object_element (
      rows,
      row_data (summary_row (_("Section"), _("Name"), _("Estimate"), _("Actual"), FALSE)));
  for (guint i = 0; i < n; i++)
    {
      OutlaySection *section = outlay_document_get_section (document, i);
      g_autofree char *code = g_strescape (outlay_section_get_code (section), NULL);
      g_autofree char *est = g_strdup_printf ("=SUMIF('%s'!B:B,\"%s\",'%s'!I:I)", quoted, code,
                                              quoted);
      g_autofree char *act = g_strdup_printf ("=SUMIF('%s'!B:B,\"%s\",'%s'!J:J)", quoted, code,
                                              quoted);
      JsonArray *values = summary_row (outlay_section_get_code (section),
                                       outlay_section_get_name (section), est, act, TRUE);

      json_array_add_object_element (rows, row_data (values));
    }
  json_array_add_object_element (
      rows, row_data (summary_row ("", _("Total"), est_total, act_total, TRUE)));
  /* rows an earlier, longer Summary used: emptied */
  for (guint i = n + 2; i < rows_to_clear; i++)
    json_array_add_object_element (rows, row_data (summary_row ("", "", "", "", FALSE)));
  json_object_set_array_member (r, "rows", rows);
  json_object_set_object_member (
      r, "range", sheets_grid_range (summary_sheet, 0, MAX (n + 2, rows_to_clear), 0, 4));
  json_object_set_string_member (r, "fields", "userEnteredValue");
  return object_with ("updateCells", r);
}

/* Formats, frozen headers, the hidden id column and the Summary: the same
 * cells each time, so sending them again changes nothing */
void
sheets_add_format_requests (JsonArray *requests,
                            OutlayDocument *document,
                            gint64 summary_sheet,
                            gint64 detail_sheet)
{
  json_array_add_object_element (requests, bold_header (summary_sheet, 4));
  json_array_add_object_element (requests, bold_header (detail_sheet, N_COLS));
  json_array_add_object_element (requests, number_format (summary_sheet, 2, 4, "#,##0.00"));
  json_array_add_object_element (requests,
                                 number_format (detail_sheet, COL_QTY, COL_QTY + 1, "#,##0.##"));
  json_array_add_object_element (requests,
                                 number_format (detail_sheet, COL_DAYS, COL_DAYS + 1, "#,##0.##"));
  json_array_add_object_element (
      requests, number_format (detail_sheet, COL_RATE, COL_ACTUAL + 1, "#,##0.00"));
  json_array_add_object_element (requests, hide_id_column (detail_sheet));
  json_array_add_object_element (requests,
                                 sheets_summary_cells (document, summary_sheet, _("Detail"), 0));
}

char *
sheets_summary_key (OutlayDocument *document)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < outlay_document_get_n_sections (document); i++)
    {
      OutlaySection *section = outlay_document_get_section (document, i);

      g_string_append_printf (key, "%s\t%s\n", outlay_section_get_code (section),
                              outlay_section_get_name (section));
    }
  return g_string_free (key, FALSE);
}

JsonArray *
sheets_header_row (void)
{
  JsonArray *header = json_array_new ();

  for (guint c = 0; c < N_COLS; c++)
    json_array_add_string_element (header, sheets_column_title (c));
  return header;
}

JsonNode *
sheets_first_batch_body (OutlayDocument *document,
                         gint64 summary_sheet,
                         gint64 detail_sheet,
                         GPtrArray *rows)
{
  JsonObject *root = json_object_new ();
  JsonArray *requests = json_array_new ();
  OutlayBudget *budget = outlay_document_get_budget (document);

  sheets_add_format_requests (requests, document, summary_sheet, detail_sheet);
  if (rows->len > 0)
    json_array_add_object_element (requests,
                                   sheets_formula_request (detail_sheet, 1, rows->len + 1));
  json_array_add_object_element (requests,
                                 sheets_metadata_request (0, 0, -outlay_budget_get_id (budget)));
  for (guint i = 0; i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);

      json_array_add_object_element (
          requests,
          sheets_metadata_request (detail_sheet, i + 1, g_ascii_strtoll (cells[COL_ID], NULL, 10)));
    }
  json_object_set_array_member (root, "requests", requests);
  return sheets_node_take (root);
}
