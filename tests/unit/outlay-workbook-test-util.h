/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers of the workbook tests: rows read into memory, the fixtures,
 * and xlsx / ODS workbooks built in memory with libgsf. */

#include <glib.h>
#include <gsf/gsf.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "outlay-error.h"
#include "outlay-workbook.h"

G_BEGIN_DECLS

/* libgsf 1.14.50 has no autoptr support */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutfile, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

#define D(units) OUTLAY_DECIMAL_FROM_INT (units)

static inline OutlayDecimal
dec (const char *text)
{
  g_autoptr(GError) error = NULL;
  OutlayDecimal v = 0;

  g_assert_true (outlay_decimal_parse_full (text, -1, OUTLAY_DECIMAL_STYLE_POINT, &v, NULL, &error));
  g_assert_no_error (error);
  return v;
}

/* ==== reading helpers ==== */

typedef struct
{
  guint          column;
  OutlayCellKind kind;
  char          *text;
  char          *number;
  guint          span;
  gboolean       formula;
} TestCell;

typedef struct
{
  GHashTable *rows;   /* row number → GPtrArray of TestCell */
  GArray     *order;  /* row numbers as delivered */
} TestSheet;

static inline void
test_cell_free (gpointer data)
{
  TestCell *cell = data;

  g_free (cell->text);
  g_free (cell->number);
  g_free (cell);
}

static inline void
test_sheet_free (TestSheet *sheet)
{
  g_hash_table_unref (sheet->rows);
  g_array_unref (sheet->order);
  g_free (sheet);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestSheet, test_sheet_free)

static inline gboolean
keep_row_cb (const OutlayRow *row, gpointer user_data, GError **error)
{
  TestSheet *sheet = user_data;
  GPtrArray *cells = g_ptr_array_new_with_free_func (test_cell_free);

  g_assert_cmpuint (row->n_cells, >, 0);
  for (guint i = 0; i < row->n_cells; i++)
    {
      const OutlayCell *c = &row->cells[i];
      TestCell *cell = g_new0 (TestCell, 1);

      if (i > 0)
        g_assert_cmpuint (c->column, >, row->cells[i - 1].column);
      g_assert_cmpuint (c->kind, !=, OUTLAY_CELL_EMPTY);
      g_assert_cmpuint (strlen (c->text), ==, c->length);
      g_assert_true (g_utf8_validate (c->text, c->length, NULL));
      g_assert_true ((c->number != NULL) == (c->kind == OUTLAY_CELL_DATE));
      cell->column = c->column;
      cell->kind = c->kind;
      cell->text = g_strdup (c->text);
      cell->number = g_strdup (c->number);
      cell->span = c->span;
      cell->formula = c->formula;
      g_ptr_array_add (cells, cell);
    }
  g_assert_false (g_hash_table_contains (sheet->rows, GUINT_TO_POINTER (row->number)));
  g_hash_table_insert (sheet->rows, GUINT_TO_POINTER (row->number), cells);
  g_array_append_val (sheet->order, row->number);
  return TRUE;
}

static inline TestSheet *
read_sheet (OutlayWorkbook *wb, guint index, GError **error)
{
  g_autoptr(TestSheet) sheet = g_new0 (TestSheet, 1);

  sheet->rows = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  sheet->order = g_array_new (FALSE, FALSE, sizeof (guint));
  if (!outlay_workbook_read_sheet (wb, index, 0, keep_row_cb, sheet, NULL, error))
    return NULL;
  return g_steal_pointer (&sheet);
}

static inline TestSheet *
read_sheet_ok (OutlayWorkbook *wb, guint index)
{
  g_autoptr(GError) error = NULL;
  TestSheet *sheet = read_sheet (wb, index, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  return sheet;
}

static inline const TestCell *
find_cell (TestSheet *sheet, guint row, guint column)
{
  GPtrArray *cells = g_hash_table_lookup (sheet->rows, GUINT_TO_POINTER (row));

  for (guint i = 0; cells != NULL && i < cells->len; i++)
    {
      const TestCell *cell = cells->pdata[i];

      if (cell->column == column)
        return cell;
    }
  return NULL;
}

/* The cell, which must be there. */
static inline const TestCell *
cell_at (TestSheet *sheet, guint row, guint column)
{
  const TestCell *cell = find_cell (sheet, row, column);

  if (cell == NULL)
    g_error ("no cell at row %u, column %u", row, column);
  return cell;
}

static inline void
assert_cell (TestSheet *sheet, guint row, guint column, OutlayCellKind kind, const char *text)
{
  const TestCell *cell;

  g_test_message ("row %u column %u: %s", row, column, text);
  cell = cell_at (sheet, row, column);
  g_assert_cmpstr (cell->text, ==, text);
  g_assert_cmpuint (cell->kind, ==, kind);
}

static inline OutlayDecimal
cell_value (TestSheet *sheet, guint row, guint column)
{
  const TestCell *cell = find_cell (sheet, row, column);

  if (cell == NULL)
    return 0;
  g_assert_cmpuint (cell->kind, ==, OUTLAY_CELL_NUMBER);
  return dec (cell->text);
}

static inline char *
fixture_path (const char *name)
{
  const char *dir = g_getenv ("OUTLAY_FIXTURES");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

/* What EXPECTED.json of the fixtures says of @name (kept for the run). */
static inline JsonObject *
fixture_expected (const char *name)
{
  static JsonParser *parser = NULL;
  JsonObject *o;

  if (parser == NULL)
    {
      g_autofree char *path = fixture_path ("EXPECTED.json");
      g_autoptr(GError) error = NULL;

      parser = json_parser_new ();
      if (!json_parser_load_from_file (parser, path, &error))
        g_error ("The fixtures are needed: %s", error->message);
    }
  o = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), name);
  g_assert_nonnull (o);
  if (json_object_has_member (o, "same_as"))
    return fixture_expected (json_object_get_string_member (o, "same_as"));
  return o;
}

/* "1765.00" -> "1765", "7377.70" -> "7377.7": a number as the readers give it */
static inline char *
plain_number (const char *text)
{
  char *s = g_strdup (text);

  if (strchr (s, '.') != NULL)
    {
      gsize n = strlen (s);

      while (s[n - 1] == '0')
        s[--n] = '\0';
      if (s[n - 1] == '.')
        s[n - 1] = '\0';
    }
  return s;
}

static inline OutlayWorkbook *
open_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  OutlayWorkbook *wb = outlay_workbook_open (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (wb);
  g_assert_cmpstr (outlay_workbook_get_name (wb), ==, name);
  return wb;
}

static inline GBytes *
fixture_bytes (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &data, &size, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (data, size);
}

/* ==== workbooks built here ==== */

#define MAIN_NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
                "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define REL_NS  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

#define WORKBOOK_XML \
  "<workbook " MAIN_NS "><sheets><sheet name=\"Budget\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
#define RELS_XML \
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
  "<Relationship Id=\"rId1\" Type=\"" REL_NS "worksheet\" Target=\"worksheets/sheet1.xml\"/>" \
  "<Relationship Id=\"rId2\" Type=\"" REL_NS "sharedStrings\" Target=\"sharedStrings.xml\"/>" \
  "<Relationship Id=\"rId3\" Type=\"" REL_NS "styles\" Target=\"/xl/styles.xml\"/>" \
  "</Relationships>"

typedef struct
{
  const char *name;
  const char *content;
} Member;

static inline GBytes *
output_bytes (GsfOutput *mem)
{
  return g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (mem)),
                      (gsize) gsf_output_size (mem));
}

static inline void
add_member (GsfOutfile *zip, const char *name, const char *content, gsize length)
{
  GsfOutput *child = gsf_outfile_new_child (zip, name, FALSE);

  g_assert_true (gsf_output_write (child, length, (const guint8 *) content));
  g_assert_true (gsf_output_close (child));
  g_object_unref (child);
}

static inline GBytes *
build_zip (const Member *members, guint n)
{
  g_autoptr(GsfOutput) mem = gsf_output_memory_new ();
  g_autoptr(GsfOutfile) zip = gsf_outfile_zip_new (mem, NULL);

  for (guint i = 0; i < n; i++)
    if (members[i].content != NULL)
      add_member (zip, members[i].name, members[i].content, strlen (members[i].content));
  g_assert_true (gsf_output_close (GSF_OUTPUT (zip)));
  return output_bytes (mem);
}

/* One sheet "Budget" with @rows inside <sheetData>, and shared strings. */
static inline GBytes *
build_xlsx (const char *rows, const char *strings)
{
  g_autofree char *sheet = g_strdup_printf ("<worksheet " MAIN_NS "><sheetData>%s</sheetData></worksheet>", rows);
  g_autofree char *sst = strings ? g_strdup_printf ("<sst " MAIN_NS ">%s</sst>", strings) : NULL;
  Member members[] = {
    { "[Content_Types].xml", "<Types/>" },
    { "xl/workbook.xml", WORKBOOK_XML },
    { "xl/_rels/workbook.xml.rels", RELS_XML },
    { "xl/worksheets/sheet1.xml", sheet },
    { "xl/sharedStrings.xml", sst },
  };

  return build_zip (members, G_N_ELEMENTS (members));
}

static inline OutlayWorkbook *
open_ok (GBytes *bytes, const char *name)
{
  g_autoptr(GError) error = NULL;
  OutlayWorkbook *wb = outlay_workbook_open_bytes (bytes, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (wb);
  return wb;
}

static inline void
assert_message (const GError *error, const char *part)
{
  g_test_message ("%s", error->message);
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” is not in “%s”", part, error->message);
}

static inline void
assert_open_fails (GBytes *bytes, const char *name, OutlayErrorCode code, const char *part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayWorkbook) wb = outlay_workbook_open_bytes (bytes, name, &error);

  g_assert_null (wb);
  g_assert_error (error, OUTLAY_ERROR, (gint) code);
  assert_message (error, part);
}

static inline void
assert_read_fails (GBytes *bytes, const char *name, OutlayErrorCode code, const char *part)
{
  g_autoptr(OutlayWorkbook) wb = open_ok (bytes, name);
  g_autoptr(GError) error = NULL;
  g_autoptr(TestSheet) sheet = read_sheet (wb, 0, &error);

  g_assert_null (sheet);
  g_assert_error (error, OUTLAY_ERROR, (gint) code);
  assert_message (error, part);
}

#define ODS_NS "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
  "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" " \
  "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " \
  "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" " \
  "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" " \
  "xmlns:calcext=\"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\""

static inline GBytes *
build_ods (const char *content)
{
  Member members[] = {
    { "mimetype", "application/vnd.oasis.opendocument.spreadsheet" },
    { "content.xml", content },
    { "META-INF/manifest.xml", "<manifest/>" },
  };

  return build_zip (members, G_N_ELEMENTS (members));
}

G_END_DECLS
