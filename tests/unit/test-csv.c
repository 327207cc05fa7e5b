/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The CSV and XLS readers, called through their format vtables on
 * GsfInputs: the fixtures from $OUTLAY_FIXTURES (tests/fixtures) and small files made here
 * (encodings, dialects, damaged and hostile content). */

#include <glib.h>
#include <glib/gstdio.h>
#include <gsf/gsf.h>
#include <gsf/gsf-input-impl.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "outlay-error.h"
#include "outlay-workbook-private.h"

/* ---- reading helpers ---- */

typedef struct
{
  guint          column;
  OutlayCellKind kind;
  char          *text;
  char          *number;
  gboolean       formula;
} TestCell;

typedef struct
{
  guint      number;
  GPtrArray *cells;   /* TestCell */
} TestRow;

static void
test_cell_free (gpointer data)
{
  TestCell *cell = data;

  g_free (cell->text);
  g_free (cell->number);
  g_free (cell);
}

static void
test_row_free (gpointer data)
{
  TestRow *row = data;

  g_ptr_array_unref (row->cells);
  g_free (row);
}

static void
test_sheet_free (gpointer data)
{
  OutlayWorkbookSheet *sheet = data;

  g_free (sheet->name);
  g_free (sheet);
}

/* What OutlayWorkbook would hold, plus the reader and the rows read. */
typedef struct
{
  const OutlayWorkbookFormatClass *format;
  OutlayWorkbookInfo               info;
  gpointer                         reader;
  GPtrArray                       *rows;     /* TestRow */
  guint                            stop_after; /* 0: read everything */
  gboolean                         fail_at_second;
} TestBook;

static TestBook *
test_book_new (const OutlayWorkbookFormatClass *format,
               const char                      *name)
{
  TestBook *book = g_new0 (TestBook, 1);

  book->format = format;
  book->info.name = g_strdup (name);
  book->info.sheets = g_ptr_array_new_with_free_func (test_sheet_free);
  book->info.number_style = OUTLAY_DECIMAL_STYLE_POINT;
  book->rows = g_ptr_array_new_with_free_func (test_row_free);
  return book;
}

static void
test_book_free (TestBook *book)
{
  if (book->reader != NULL)
    book->format->free (book->reader);
  g_ptr_array_unref (book->info.sheets);
  g_ptr_array_unref (book->rows);
  g_free ((char *) book->info.name);
  g_free (book);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestBook, test_book_free)

static gboolean
collect_row_cb (const OutlayRow *row,
                gpointer         user_data,
                GError         **error)
{
  TestBook *book = user_data;
  TestRow *copy;

  if (book->fail_at_second && book->rows->len == 1)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_FAILED, "stop here");
      return FALSE;
    }
  copy = g_new0 (TestRow, 1);
  copy->number = row->number;
  copy->cells = g_ptr_array_new_with_free_func (test_cell_free);
  for (guint i = 0; i < row->n_cells; i++)
    {
      TestCell *cell = g_new0 (TestCell, 1);

      g_assert_cmpuint (strlen (row->cells[i].text), ==, row->cells[i].length);
      g_assert_true (g_utf8_validate (row->cells[i].text, -1, NULL));
      g_assert_cmpuint (row->cells[i].span, ==, 1);
      if (i > 0)
        g_assert_cmpuint (row->cells[i].column, >, row->cells[i - 1].column);
      cell->column = row->cells[i].column;
      cell->kind = row->cells[i].kind;
      cell->text = g_strdup (row->cells[i].text);
      cell->number = g_strdup (row->cells[i].number);
      cell->formula = row->cells[i].formula;
      g_ptr_array_add (copy->cells, cell);
    }
  g_ptr_array_add (book->rows, copy);
  return book->stop_after == 0 || book->rows->len < book->stop_after;
}

/* Opens @input as @book's format; FALSE with @error set on failure. */
static gboolean
test_book_open (TestBook    *book,
                GsfInput    *input,
                const char  *path,
                GError     **error)
{
  book->reader = book->format->open (input, path, &book->info, NULL, error);
  return book->reader != NULL;
}

static gboolean
test_book_read (TestBook  *book,
                guint      sheet,
                guint      max_rows,
                GError   **error)
{
  g_ptr_array_set_size (book->rows, 0);
  return book->format->read_sheet (book->reader, &book->info, sheet, max_rows,
                                   collect_row_cb, book, NULL, error);
}

/* Opens and reads the CSV @data; NULL with @error set if either fails. */
static TestBook *
read_csv (const char  *data,
          gssize       len,
          const char  *name,
          GError     **error)
{
  g_autoptr(TestBook) book = test_book_new (&outlay_csv_format, name);
  GsfInput *input;
  gboolean ok;

  if (len < 0)
    len = strlen (data);
  input = gsf_input_memory_new ((const guint8 *) data, len, FALSE);
  ok = test_book_open (book, input, NULL, error) && test_book_read (book, 0, 0, error);
  g_object_unref (input);
  return ok ? g_steal_pointer (&book) : NULL;
}

static TestBook *
read_csv_ok (const char *data,
             gssize      len)
{
  g_autoptr(GError) error = NULL;
  TestBook *book = read_csv (data, len, "test.csv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (book);
  return book;
}

static char *
fixture_path (const char *name)
{
  const char *dir = g_getenv ("OUTLAY_FIXTURES");

  if (dir == NULL)
    return NULL;
  return g_build_filename (dir, name, NULL);
}

/* What the fixtures' EXPECTED.json says of @name. */
static JsonObject *
expected (const char *name)
{
  static JsonParser *parser = NULL;
  JsonObject *o;

  if (parser == NULL)
    {
      g_autofree char *path = fixture_path ("EXPECTED.json");
      g_autoptr(GError) error = NULL;

      parser = json_parser_new ();
      if (path == NULL || !json_parser_load_from_file (parser, path, &error))
        g_error ("The fixtures are needed (OUTLAY_FIXTURES): %s", error ? error->message : "unset");
    }
  o = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), name);
  g_assert_nonnull (o);
  if (json_object_has_member (o, "same_as"))
    return expected (json_object_get_string_member (o, "same_as"));
  return o;
}

/* "1765.00" -> "1765": a number as the xls reader gives it */
static char *
plain_number (const char *text)
{
  char *s = g_strdup (text);
  gsize n = strlen (s);

  if (strchr (s, '.') == NULL)
    return s;
  while (s[n - 1] == '0')
    s[--n] = '\0';
  if (s[n - 1] == '.')
    s[n - 1] = '\0';
  return s;
}

/* Opens and reads fixture @name with @format (sheet 0); NULL to skip. */
static TestBook *
read_fixture (const OutlayWorkbookFormatClass *format,
              const char                      *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(TestBook) book = NULL;
  GsfInput *input;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("OUTLAY_FIXTURES is not set or lacks the file");
      return NULL;
    }
  book = test_book_new (format, name);
  input = gsf_input_stdio_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (test_book_open (book, input, path, &error));
  g_assert_no_error (error);
  g_assert_true (test_book_read (book, 0, 0, &error));
  g_assert_no_error (error);
  g_object_unref (input);
  return g_steal_pointer (&book);
}

static TestRow *
row_at (TestBook *book,
        guint     i)
{
  g_assert_cmpuint (i, <, book->rows->len);
  return g_ptr_array_index (book->rows, i);
}

/* The cell of @row in @column, or NULL if empty. */
static TestCell *
cell_in (TestRow *row,
         guint    column)
{
  for (guint i = 0; i < row->cells->len; i++)
    {
      TestCell *cell = g_ptr_array_index (row->cells, i);

      if (cell->column == column)
        return cell;
    }
  return NULL;
}

static const char *
text_in (TestRow *row,
         guint    column)
{
  TestCell *cell = cell_in (row, column);

  return cell != NULL ? cell->text : NULL;
}

/* The row whose number is @number, or NULL. */
static TestRow *
find_row (TestBook *book,
          guint     number)
{
  for (guint i = 0; i < book->rows->len; i++)
    {
      TestRow *row = g_ptr_array_index (book->rows, i);

      if (row->number == number)
        return row;
    }
  return NULL;
}

static TestRow *
row_numbered (TestBook *book,
              guint     number)
{
  TestRow *row = find_row (book, number);

  if (row == NULL)
    g_error ("no row %u", number);
  return row;
}

static TestCell *
cell_at (TestRow *row,
         guint    column)
{
  TestCell *cell = cell_in (row, column);

  if (cell == NULL)
    g_error ("no cell in column %u of row %u", column, row->number);
  return cell;
}

static void
assert_csv_error (const char *data,
                  gssize      len,
                  gint        code,
                  const char *message_part)
{
  g_autoptr(GError) error = NULL;
  TestBook *book = read_csv (data, len, "x.csv", &error);

  g_assert_null (book);
  g_assert_error (error, OUTLAY_ERROR, code);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message_part);
}

/* ---- fixtures ---- */

/* Rows below are those of tests/fixtures/messy_eu.csv (generate.py). */
static void
test_csv_messy_eu (void)
{
  JsonObject *want = expected ("messy_eu.csv");
  JsonObject *example = json_object_get_object_member (want, "example");
  g_autoptr(TestBook) book = read_fixture (&outlay_csv_format, "messy_eu.csv");
  guint lines = json_object_get_int_member (want, "line_items");
  guint newlines = 0, quotes = 0;
  TestRow *row;

  if (book == NULL)
    return;
  g_assert_cmpstr (book->info.encoding, ==, "UTF-8");
  g_assert_cmpint (book->info.delimiter, ==, ';');
  g_assert_cmpint (book->info.number_style, ==, OUTLAY_DECIMAL_STYLE_COMMA);
  g_assert_cmpuint (book->info.sheets->len, ==, 1);
  g_assert_cmpstr (((OutlayWorkbookSheet *) book->info.sheets->pdata[0])->name, ==, "messy_eu");
  /* header, the lines and TOTAL: the blank line gives nothing */
  g_assert_cmpuint (book->rows->len, ==, lines + 2);
  row = row_at (book, 0);
  g_assert_cmpuint (row->number, ==, 1);
  g_assert_cmpstr (text_in (row, 0), ==, "Category"); /* BOM dropped */
  g_assert_cmpstr (text_in (row, 7), ==, "Actual (EUR)");
  row = row_at (book, 1);
  g_assert_cmpuint (row->number, ==, 2);
  g_assert_cmpstr (text_in (row, 1), ==, json_object_get_string_member (example, "pos"));
  g_assert_cmpstr (text_in (row, 5), ==, "3.180,00");
  g_assert_cmpstr (text_in (row, 7), ==, "18.469,44"); /* no CR left */
  for (guint i = 0; i < book->rows->len; i++)
    {
      const char *description = text_in (row_at (book, i), 2);

      newlines += description != NULL && strchr (description, '\n') != NULL;
      quotes += description != NULL && strchr (description, '"') != NULL;
    }
  g_assert_cmpuint (newlines, ==, json_object_get_int_member (want, "multiline_quoted_records"));
  g_assert_cmpuint (quotes, ==, json_object_get_int_member (want, "records_with_embedded_quotes"));
  g_assert_cmpstr (text_in (row_numbered (book, 17), 2), ==, "Parkgenehmigung; Ordnungsamt Köln");
  g_assert_cmpstr (text_in (row_numbered (book, 36), 7), ==, "5.720,40 €");
  g_assert_cmpstr (text_in (row_numbered (book, 21), 2), ==,
                   "Pension \"Am See\"\nDoppelzimmer, 5 Nächte");
  g_assert_cmpstr (text_in (row_numbered (book, 40), 2), ==,
                   "Mischung (Stereo)\ninkl. \"Final Mix\"\nund Abnahme");
  /* line numbers count the line breaks inside quotes, and the blank line */
  g_assert_cmpstr (text_in (row_numbered (book, 29), 1), ==, "026");
  g_assert_cmpstr (text_in (row_numbered (book, 33), 1), ==, "030");
  row = row_at (book, lines + 1);
  g_assert_cmpuint (row->number, ==, json_object_get_int_member (want, "physical_lines_incl_header_and_total"));
  g_assert_cmpstr (text_in (row, 0), ==, "TOTAL");
  g_assert_null (text_in (row, 1));
  g_assert_cmpstr (text_in (row, 6), ==, "216.624,23");
  g_assert_cmpuint (row->cells->len, ==, 3);
}

static void
test_csv_departments (void)
{
  JsonObject *want = expected ("departments_fy2025.csv");
  JsonArray *first = json_object_get_array_member (want, "first_row");
  g_autoptr(TestBook) book = read_fixture (&outlay_csv_format, "departments_fy2025.csv");

  if (book == NULL)
    return;
  g_assert_cmpint (book->info.delimiter, ==, ',');
  g_assert_cmpstr (book->info.encoding, ==, "UTF-8");
  g_assert_cmpint (book->info.number_style, ==, OUTLAY_DECIMAL_STYLE_POINT);
  g_assert_cmpuint (book->rows->len, ==, json_object_get_int_member (want, "line_items") + 1);
  g_assert_cmpstr (text_in (row_at (book, 1), 1), ==, json_array_get_string_element (first, 1));
  g_assert_cmpstr (text_in (row_at (book, 1), 4), ==, json_array_get_string_element (first, 4));
  for (guint i = 0; i < book->rows->len; i++)
    g_assert_cmpuint (row_at (book, i)->cells->len, ==, 5);
}

static void
test_csv_large (void)
{
  JsonObject *want = expected ("large_100k.csv");
  JsonArray *first = json_object_get_array_member (want, "first_row");
  JsonArray *last_row = json_object_get_array_member (want, "last_row");
  g_autoptr(TestBook) book = read_fixture (&outlay_csv_format, "large_100k.csv");
  guint lines = json_object_get_int_member (want, "line_items");
  guint with_comma = 0, full = 0, no_actual = 0;
  TestRow *last;

  if (book == NULL)
    return;
  g_assert_cmpint (book->info.delimiter, ==, ',');
  g_assert_cmpuint (book->rows->len, ==, lines + 1);
  for (guint i = 0; i < book->rows->len; i++)
    {
      TestRow *row = row_at (book, i);
      TestCell *cell = g_ptr_array_index (row->cells, row->cells->len - 1);

      g_assert_cmpuint (row->number, ==, i + 1);
      /* eight fields: a description's comma never splits it */
      g_assert_cmpuint (cell->column, <=, 7);
      full += row->cells->len == 8;
      no_actual += row->cells->len == 7 && cell->column == 6;
      with_comma += strchr (text_in (row, 2), ',') != NULL;
    }
  g_assert_cmpuint (full + no_actual, ==, lines + 1);
  g_assert_cmpuint (no_actual, ==, json_object_get_int_member (want, "blank_actual_cells"));
  g_assert_cmpuint (with_comma, ==, json_object_get_int_member (want, "descriptions_with_comma"));
  for (guint c = 0; c < 8; c++)
    {
      const char *text = json_array_get_string_element (first, c);

      g_assert_cmpstr (text_in (row_at (book, 1), c), ==, *text ? text : NULL);
    }
  last = row_at (book, lines);
  g_assert_cmpstr (text_in (last, 1), ==, json_array_get_string_element (last_row, 1));
  g_assert_cmpstr (text_in (last, 6), ==, json_array_get_string_element (last_row, 6));
}

static void
test_csv_other_fixtures (void)
{
  g_autoptr(TestBook) payroll = read_fixture (&outlay_csv_format, "payroll_sample.csv");
  g_autoptr(TestBook) expenses = read_fixture (&outlay_csv_format, "expense_report.csv");

  if (payroll == NULL || expenses == NULL)
    return;
  g_assert_cmpuint (payroll->rows->len, ==, json_object_get_int_member (expected ("payroll_sample.csv"), "rows") + 1);
  g_assert_cmpuint (row_at (payroll, 0)->cells->len, ==, 13);
  g_assert_cmpstr (text_in (row_at (payroll, 0), 12), ==, "Net Pay");
  g_assert_cmpuint (expenses->rows->len, ==, json_object_get_int_member (expected ("expense_report.csv"), "rows") + 1);
  g_assert_cmpuint (row_at (expenses, 0)->cells->len, ==, 10);
  g_assert_cmpint (expenses->info.delimiter, ==, ',');
}

/* ---- encodings ---- */

/* @utf8 converted to @charset, with @bom in front. */
static GBytes *
encode (const char *utf8,
        const char *charset,
        const char *bom,
        gsize       bom_len)
{
  g_autoptr(GError) error = NULL;
  gsize len;
  g_autofree char *converted = g_convert (utf8, -1, charset, "UTF-8", NULL, &len, &error);
  GByteArray *bytes = g_byte_array_new ();

  g_assert_no_error (error);
  g_byte_array_append (bytes, (const guint8 *) bom, bom_len);
  g_byte_array_append (bytes, (const guint8 *) converted, len);
  return g_byte_array_free_to_bytes (bytes);
}

static TestBook *
read_bytes_ok (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return read_csv_ok (data, len);
}

static void
test_csv_utf16 (void)
{
  const char *text = "Name;Amount\r\nCafé;12,50\r\n€ 😀;3\r\n";
  g_autoptr(GBytes) le = encode (text, "UTF-16LE", "\xFF\xFE", 2);
  g_autoptr(GBytes) be = encode (text, "UTF-16BE", "", 0);
  g_autoptr(TestBook) book = read_bytes_ok (le);
  g_autoptr(TestBook) book_be = read_bytes_ok (be);

  g_assert_cmpstr (book->info.encoding, ==, "UTF-16LE");
  g_assert_cmpint (book->info.delimiter, ==, ';');
  g_assert_cmpuint (book->rows->len, ==, 3);
  g_assert_cmpstr (text_in (row_at (book, 0), 0), ==, "Name");
  g_assert_cmpstr (text_in (row_at (book, 1), 0), ==, "Café");
  g_assert_cmpstr (text_in (row_at (book, 2), 0), ==, "€ 😀");
  /* no BOM: told by its NUL bytes */
  g_assert_cmpstr (book_be->info.encoding, ==, "UTF-16BE");
  g_assert_cmpuint (book_be->rows->len, ==, 3);
  g_assert_cmpstr (text_in (row_at (book_be, 1), 1), ==, "12,50");
}

/* Text over several chunks, with characters cut at every chunk edge. */
static GString *
long_text (const char *line,
           guint       n_lines)
{
  GString *s = g_string_new ("Item,Note\n");

  for (guint i = 0; i < n_lines; i++)
    g_string_append_printf (s, "%u,%s\n", i, line);
  return s;
}

static void
assert_long_text (TestBook   *book,
                  const char *line,
                  guint       n_lines)
{
  g_assert_cmpuint (book->rows->len, ==, n_lines + 1);
  for (guint i = 1; i <= n_lines; i++)
    g_assert_cmpstr (text_in (row_at (book, i), 1), ==, line);
}

static void
test_csv_chunk_edges (void)
{
  const char *line = "Größe é€😀 x";
  g_autoptr(GString) text = long_text (line, 40000);
  g_autoptr(GBytes) le = encode (text->str, "UTF-16LE", "\xFF\xFE", 2);
  g_autoptr(TestBook) utf8 = read_csv_ok (text->str, text->len);
  g_autoptr(TestBook) utf16 = read_bytes_ok (le);

  g_assert_cmpuint (text->len, >, 3 * 256 * 1024);
  g_assert_cmpstr (utf8->info.encoding, ==, "UTF-8");
  assert_long_text (utf8, line, 40000);
  g_assert_cmpstr (utf16->info.encoding, ==, "UTF-16LE");
  assert_long_text (utf16, line, 40000);
}

static void
test_csv_windows_1252 (void)
{
  g_autoptr(TestBook) book = read_csv_ok ("Name;Price\nCaf\xe9;3,50\n\x80 sign;1\n", -1);

  g_assert_cmpstr (book->info.encoding, ==, "WINDOWS-1252");
  g_assert_cmpint (book->info.delimiter, ==, ';');
  g_assert_cmpint (book->info.number_style, ==, OUTLAY_DECIMAL_STYLE_COMMA);
  g_assert_cmpstr (text_in (row_at (book, 1), 0), ==, "Café");
  g_assert_cmpstr (text_in (row_at (book, 2), 0), ==, "€ sign");
}

static void
test_csv_invalid_utf8_later (void)
{
  g_autoptr(GString) text = long_text ("plain", 50000);

  /* the function, not GLib 2.84's inline macro: GCC 14 reads a NULL check
   * in the macro as a possible NULL (-Wnull-dereference on Debian 13) */
  (g_string_append) (text, "50000,bad \xff byte\n");
  assert_csv_error (text->str, text->len, OUTLAY_ERROR_INVALID_FILE, "“x.csv”, line 50002:");
}

/* ---- dialects ---- */

static void
test_csv_delimiters (void)
{
  g_autoptr(TestBook) tsv = read_csv_ok ("a\tb, c\tc\n1\t2\t3\n", -1);
  g_autoptr(TestBook) pipe = read_csv_ok ("a|b|c\n1|2,5|3\n4|5|6\n", -1);
  g_autoptr(TestBook) single = read_csv_ok ("Description\nHammer\n\"Nails, 3 inch\"\n", -1);

  g_assert_cmpint (tsv->info.delimiter, ==, '\t');
  g_assert_cmpstr (text_in (row_at (tsv, 0), 1), ==, "b, c");
  g_assert_cmpstr (text_in (row_at (tsv, 1), 2), ==, "3");
  g_assert_cmpint (pipe->info.delimiter, ==, '|');
  g_assert_cmpstr (text_in (row_at (pipe, 1), 1), ==, "2,5");
  g_assert_cmpint (single->info.delimiter, ==, ',');
  g_assert_cmpuint (single->rows->len, ==, 3);
  g_assert_cmpstr (text_in (row_at (single, 2), 0), ==, "Nails, 3 inch");
  g_assert_cmpuint (row_at (single, 2)->cells->len, ==, 1);
}

static void
test_csv_quoting (void)
{
  g_autoptr(TestBook) book = read_csv_ok (
    "Code,Description,Qty,Notes\n"
    "1,\"Cable, 3 m\",2,\"say \"\"hi\"\"\"\n"
    "2,\"two\r\nlines\",  4  ,  \" kept \" \n"
    "3,12\" pipe,,\"open\"ed,\n"
    ",,,\n"
    "4,\"\",,\n", -1);
  TestRow *row;

  g_assert_cmpuint (book->rows->len, ==, 5); /* ",,," is not delivered */
  row = row_at (book, 1);
  g_assert_cmpstr (text_in (row, 1), ==, "Cable, 3 m");
  g_assert_cmpstr (text_in (row, 3), ==, "say \"hi\"");
  row = row_at (book, 2);
  g_assert_cmpuint (row->number, ==, 3);
  g_assert_cmpstr (text_in (row, 1), ==, "two\nlines");
  g_assert_cmpstr (text_in (row, 2), ==, "4");
  g_assert_cmpstr (text_in (row, 3), ==, " kept ");
  row = row_at (book, 3);
  g_assert_cmpuint (row->number, ==, 5);
  g_assert_cmpstr (text_in (row, 1), ==, "12\" pipe");
  g_assert_null (text_in (row, 2));
  g_assert_cmpstr (text_in (row, 3), ==, "opened");
  g_assert_cmpuint (row->cells->len, ==, 3);
  row = row_at (book, 4);
  g_assert_cmpuint (row->number, ==, 7);
  g_assert_cmpuint (row->cells->len, ==, 1);
  g_assert_cmpint (((TestCell *) row->cells->pdata[0])->kind, ==, OUTLAY_CELL_STRING);
}

static void
test_csv_line_ends (void)
{
  g_autoptr(TestBook) cr = read_csv_ok ("a,b\r1,2\r\r3,\"x\ry\"\r4,5", -1);
  g_autoptr(TestBook) blank = read_csv_ok ("\n\n\r\n  \n\r", -1);
  g_autoptr(TestBook) empty = read_csv_ok ("", 0);

  g_assert_cmpuint (cr->rows->len, ==, 4);
  g_assert_cmpuint (row_at (cr, 1)->number, ==, 2);
  g_assert_cmpuint (row_at (cr, 2)->number, ==, 4);
  g_assert_cmpstr (text_in (row_at (cr, 2), 1), ==, "x\ny");
  g_assert_cmpuint (row_at (cr, 3)->number, ==, 6);
  g_assert_cmpstr (text_in (row_at (cr, 3), 1), ==, "5");
  g_assert_cmpuint (blank->rows->len, ==, 0);
  g_assert_cmpuint (empty->rows->len, ==, 0);
  g_assert_cmpstr (empty->info.encoding, ==, "UTF-8");
  g_assert_cmpint (empty->info.delimiter, ==, ',');
}

static void
test_csv_number_style (void)
{
  struct { const char *text; OutlayDecimalStyle style; } cases[] = {
    { "a,b\nx,\"1.234,56\"\n", OUTLAY_DECIMAL_STYLE_COMMA },
    { "a;b\nx;12,5\n", OUTLAY_DECIMAL_STYLE_COMMA },
    { "a\tb\nx\t1 234,56\n", OUTLAY_DECIMAL_STYLE_COMMA },
    { "a,b\nx,\"1,234.56\"\n", OUTLAY_DECIMAL_STYLE_POINT },
    { "a;b\nx;1,234.56 $\n", OUTLAY_DECIMAL_STYLE_POINT },
    { "a,b\nx,12.5\n", OUTLAY_DECIMAL_STYLE_POINT },
    { "a;b\nx;1.234\n", OUTLAY_DECIMAL_STYLE_COMMA },     /* either way: ';' decides */
    { "a,b\nx,\"1,234\"\n", OUTLAY_DECIMAL_STYLE_POINT },
    { "a;b\n14.03.2025;1.234.567\n", OUTLAY_DECIMAL_STYLE_COMMA },
    { "a,b\n14.03.2025,12\n", OUTLAY_DECIMAL_STYLE_POINT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TestBook) book = read_csv_ok (cases[i].text, -1);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (book->info.number_style, ==, cases[i].style);
    }
}

static void
test_csv_sheet_and_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TestBook) book = read_csv ("a\n1\n2\n3\n", -1, "Budget 2025.final.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (((OutlayWorkbookSheet *) book->info.sheets->pdata[0])->name, ==, "Budget 2025.final");
  /* the sheet can be read again, up to max_rows, or stopped */
  g_assert_true (test_book_read (book, 0, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (book->rows->len, ==, 2);
  book->stop_after = 3;
  g_assert_true (test_book_read (book, 0, 0, &error));
  g_assert_cmpuint (book->rows->len, ==, 3);
  book->stop_after = 0;
  book->fail_at_second = TRUE;
  g_assert_false (test_book_read (book, 0, 0, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_FAILED);
}

/* ---- damaged and hostile files ---- */

static void
test_csv_unterminated_quote (void)
{
  assert_csv_error ("a,b\n1,2\n3,\"open\n4,5\n6,7\n", -1, OUTLAY_ERROR_INVALID_FILE,
                    "“x.csv”, line 3: a quoted field starts here but its closing quote is missing");
}

static void
test_csv_long_field (void)
{
  g_autoptr(GString) text = g_string_new ("a,b,c\n1,2,\"");
  g_autoptr(GString) many = g_string_new ("a\n");

  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\"\n");
  assert_csv_error (text->str, text->len, OUTLAY_ERROR_TOO_LARGE,
                    "“x.csv”, line 2, column 3: the text is longer than 32,767 characters");
  for (guint i = 0; i < OUTLAY_WORKBOOK_MAX_COLUMNS + 1; i++)
    g_string_append (many, "1,");
  assert_csv_error (many->str, many->len, OUTLAY_ERROR_TOO_LARGE, "line 2: the record has more than 16,384 columns");
}

/* A 2 GB file that is one endless quoted field, made as it is read. */
typedef struct
{
  GsfInput  parent;
  gsf_off_t max_read;
  guint8   *buf;
} TestEndless;

typedef struct
{
  GsfInputClass parent_class;
} TestEndlessClass;

static GType test_endless_get_type (void);
G_DEFINE_TYPE (TestEndless, test_endless, GSF_INPUT_TYPE)

static const char endless_head[] = "Code,Description\n1,\"";

static const guint8 *
test_endless_read (GsfInput *input,
                   size_t    n,
                   guint8   *buffer)
{
  TestEndless *self = (TestEndless *) input;
  gsf_off_t at = gsf_input_tell (input);

  if (buffer == NULL)
    buffer = self->buf = g_realloc (self->buf, n);
  for (size_t i = 0; i < n; i++)
    buffer[i] = at + i < sizeof endless_head - 1 ? endless_head[at + i] : 'x';
  self->max_read = MAX (self->max_read, at + (gsf_off_t) n);
  return buffer;
}

static gboolean
test_endless_seek (GsfInput  *input,
                   gsf_off_t  offset,
                   GSeekType  whence)
{
  return FALSE;
}

static void
test_endless_finalize (GObject *object)
{
  g_free (((TestEndless *) object)->buf);
  G_OBJECT_CLASS (test_endless_parent_class)->finalize (object);
}

static void
test_endless_class_init (TestEndlessClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_endless_finalize;
  klass->parent_class.Read = test_endless_read;
  klass->parent_class.Seek = test_endless_seek;
}

static void
test_endless_init (TestEndless *self)
{
  gsf_input_set_size (GSF_INPUT (self), G_GINT64_CONSTANT (2) << 30);
}

static void
test_csv_huge_field (void)
{
  g_autoptr(TestBook) book = test_book_new (&outlay_csv_format, "huge.csv");
  g_autoptr(GError) error = NULL;
  TestEndless *input = g_object_new (test_endless_get_type (), NULL);

  g_assert_true (test_book_open (book, GSF_INPUT (input), NULL, &error));
  g_assert_no_error (error);
  g_assert_false (test_book_read (book, 0, 0, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "“huge.csv”, line 2, column 2: the text is longer than 32,767 characters");
  /* it stopped after the limit, not at the end of the 2 GB */
  g_assert_cmpint (input->max_read, <, 1024 * 1024);
  g_object_unref (input);
}

static void
test_csv_binary (void)
{
  static const char png[] =
    "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x5c\x72\xa8\x66"
    "\0\0\0\x04sBIT\x08\x08\x08\x08\x7c\x08\x64\x88\0\0 \0IDATx\x9c\xed\xdd";
  guint8 noise[4096], controls[512];
  GRand *rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) g_rand_int_range (rand, 0, 256);
  for (guint i = 0; i < sizeof controls; i++)
    controls[i] = i % 3 == 0 ? 'a' : 1 + i % 8;
  g_rand_free (rand);
  assert_csv_error (png, sizeof png - 1, OUTLAY_ERROR_INVALID_FILE,
                    "“x.csv” is not a spreadsheet or text file");
  assert_csv_error ((const char *) noise, sizeof noise, OUTLAY_ERROR_INVALID_FILE,
                    "“x.csv” is not a spreadsheet or text file");
  assert_csv_error ((const char *) controls, sizeof controls, OUTLAY_ERROR_INVALID_FILE,
                    "“x.csv” is not a spreadsheet or text file");
  assert_csv_error ("a,b\n1,\0\n", 8, OUTLAY_ERROR_INVALID_FILE, "not a spreadsheet or text file");
}

/* ---- xls ---- */

static void
test_xls_aicp (void)
{
  JsonObject *want = expected ("aicp_commercial.xls");
  JsonObject *first = json_object_get_object_member (want, "first_line");
  JsonObject *block = json_object_get_object_member (want, "title_block");
  g_autoptr(TestBook) book = read_fixture (&outlay_xls_format, "aicp_commercial.xls");
  g_autofree char *code = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (first, "code"));
  g_autofree char *qty = plain_number (json_object_get_string_member (first, "qty"));
  g_autofree char *rate = plain_number (json_object_get_string_member (first, "rate"));
  g_autofree char *estimate = plain_number (json_object_get_string_member (first, "estimate"));
  g_autofree char *actual = plain_number (json_object_get_string_member (first, "actual"));
  g_autofree char *serial = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             json_object_get_int_member (block, "bid-date-serial"));
  const char *cells[] = { code, json_object_get_string_member (first, "description"), NULL, qty, rate,
                          estimate, actual };
  guint header = json_object_get_int_member (want, "header_row");
  TestCell *date = NULL;
  TestRow *row;

  if (book == NULL)
    return;
  g_assert_cmpuint (book->info.sheets->len, ==, 2);
  g_assert_cmpstr (((OutlayWorkbookSheet *) book->info.sheets->pdata[0])->name, ==, "Bid Form");
  g_assert_cmpstr (((OutlayWorkbookSheet *) book->info.sheets->pdata[1])->name, ==, "Summary");
  g_assert_false (((OutlayWorkbookSheet *) book->info.sheets->pdata[1])->hidden);
  row = row_numbered (book, header);
  g_assert_cmpstr (text_in (row, 0), ==, "Line");
  g_assert_cmpstr (text_in (row, 1), ==, "Description");
  row = row_numbered (book, json_object_get_int_member (first, "row"));
  for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
    {
      if (cells[c] == NULL)
        continue;
      g_assert_cmpstr (text_in (row, c), ==, cells[c]);
      g_assert_cmpint (cell_at (row, c)->kind, ==, c == 1 ? OUTLAY_CELL_STRING : OUTLAY_CELL_NUMBER);
    }
  g_assert_null (find_row (book, header - 1)); /* blank */
  for (guint r = 1; r < header && date == NULL; r++)
    {
      row = find_row (book, r);
      for (guint i = 0; row != NULL && i < row->cells->len; i++)
        if (((TestCell *) row->cells->pdata[i])->kind == OUTLAY_CELL_DATE)
          date = row->cells->pdata[i];
    }
  g_assert_nonnull (date);
  g_assert_cmpstr (date->text, ==, json_object_get_string_member (block, "bid-date"));
  g_assert_cmpstr (date->number, ==, serial);
}

/* Lines are the rows with a numeric code in column A; Estimate (F) is a
 * formula, so these totals prove the cached formula results come through. */
static void
test_xls_aicp_totals (void)
{
  JsonObject *want = expected ("aicp_commercial.xls");
  const char *bid_total = json_object_get_string_member (json_object_get_object_member (want, "summary_sheet"),
                                                         "grand_bid_total");
  g_autoptr(TestBook) book = read_fixture (&outlay_xls_format, "aicp_commercial.xls");
  OutlayDecimal estimate = 0, actual = 0, want_estimate = 0, want_actual = 0;
  guint lines = 0;
  g_autoptr(GError) error = NULL;
  gboolean found_bid_total = FALSE;

  if (book == NULL)
    return;
  g_assert_true (outlay_decimal_parse (json_object_get_string_member (want, "estimate_total"),
                                       &want_estimate, NULL));
  g_assert_true (outlay_decimal_parse (json_object_get_string_member (want, "actual_total"),
                                       &want_actual, NULL));
  for (guint i = 0; i < book->rows->len; i++)
    {
      TestRow *row = row_at (book, i);
      TestCell *code = cell_in (row, 0), *f = cell_in (row, 5), *g = cell_in (row, 6);
      OutlayDecimal value;

      if (code == NULL || code->kind != OUTLAY_CELL_NUMBER || f == NULL)
        continue;
      lines++;
      g_assert_true (f->formula);
      g_assert_true (outlay_decimal_parse_full (f->text, -1, OUTLAY_DECIMAL_STYLE_POINT, &value, NULL, &error));
      estimate += value;
      if (g == NULL)
        continue;
      g_assert_false (g->formula);
      g_assert_true (outlay_decimal_parse_full (g->text, -1, OUTLAY_DECIMAL_STYLE_POINT, &value, NULL, &error));
      actual += value;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (lines, ==, json_object_get_int_member (want, "line_items"));
  g_assert_cmpint (outlay_decimal_round (estimate, 2), ==, want_estimate);
  g_assert_cmpint (outlay_decimal_round (actual, 2), ==, want_actual);
  /* the Summary sheet is all formulas */
  g_assert_true (test_book_read (book, 1, 0, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < book->rows->len; i++)
    {
      TestRow *row = row_at (book, i);

      for (guint c = 0; c < row->cells->len; c++)
        found_bid_total |= g_str_has_prefix (((TestCell *) row->cells->pdata[c])->text, bid_total);
    }
  g_assert_true (found_bid_total);
}

static void
test_xls_from_bytes (void)
{
  g_autofree char *path = fixture_path ("aicp_commercial.xls");
  g_autoptr(TestBook) book = test_book_new (&outlay_xls_format, "aicp_commercial.xls");
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  GsfInput *input;
  gsize len;

  if (path == NULL || !g_file_get_contents (path, &data, &len, NULL))
    {
      g_test_skip ("no fixture");
      return;
    }
  /* no path: the reader makes its own copy for freexl */
  input = gsf_input_memory_new ((const guint8 *) data, len, FALSE);
  g_assert_true (test_book_open (book, input, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (book->info.sheets->len, ==, 2);
  g_assert_true (test_book_read (book, 1, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (book->rows->len, >, 0);
  g_assert_true (test_book_read (book, 0, 10, &error));
  g_assert_cmpuint (book->rows->len, ==, 10);
  g_object_unref (input);
}

static void
assert_xls_damaged (const char *data,
                    gsize       len)
{
  g_autoptr(TestBook) book = test_book_new (&outlay_xls_format, "x.xls");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("test-xls-XXXXXX.xls", &path, &error);

  g_assert_no_error (error);
  g_close (fd, NULL);
  g_assert_true (g_file_set_contents (path, data, len, &error));
  g_assert_false (test_book_open (book, NULL, path, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_FILE);
  g_assert_true (
      g_str_has_prefix (error->message, "“x.xls” is damaged or not an Excel 97–2003 workbook ("));
  g_assert_null (strstr (error->message, "freexl"));
  g_unlink (path);
}

static void
test_xls_damaged (void)
{
  g_autofree char *path = fixture_path ("aicp_commercial.xls");
  g_autofree char *data = NULL;
  gsize len;

  if (path == NULL || !g_file_get_contents (path, &data, &len, NULL))
    {
      g_test_skip ("no fixture");
      return;
    }
  assert_xls_damaged (data, len / 2);
  assert_xls_damaged ("Code,Description\n1,Hammer\n", 26);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/csv/fixture/messy-eu", test_csv_messy_eu);
  g_test_add_func ("/import/csv/fixture/departments", test_csv_departments);
  g_test_add_func ("/import/csv/fixture/large-100k", test_csv_large);
  g_test_add_func ("/import/csv/fixture/not-budgets", test_csv_other_fixtures);
  g_test_add_func ("/import/csv/encoding/utf-16", test_csv_utf16);
  g_test_add_func ("/import/csv/encoding/chunk-edges", test_csv_chunk_edges);
  g_test_add_func ("/import/csv/encoding/windows-1252", test_csv_windows_1252);
  g_test_add_func ("/import/csv/encoding/invalid-utf-8-later", test_csv_invalid_utf8_later);
  g_test_add_func ("/import/csv/dialect/delimiters", test_csv_delimiters);
  g_test_add_func ("/import/csv/dialect/quoting", test_csv_quoting);
  g_test_add_func ("/import/csv/dialect/line-ends", test_csv_line_ends);
  g_test_add_func ("/import/csv/dialect/number-style", test_csv_number_style);
  g_test_add_func ("/import/csv/sheet-and-rows", test_csv_sheet_and_rows);
  g_test_add_func ("/import/csv/damaged/unterminated-quote", test_csv_unterminated_quote);
  g_test_add_func ("/import/csv/damaged/long-field", test_csv_long_field);
  g_test_add_func ("/import/csv/damaged/huge-field", test_csv_huge_field);
  g_test_add_func ("/import/csv/damaged/binary", test_csv_binary);
  g_test_add_func ("/import/xls/aicp", test_xls_aicp);
  g_test_add_func ("/import/xls/aicp-totals", test_xls_aicp_totals);
  g_test_add_func ("/import/xls/from-bytes", test_xls_from_bytes);
  g_test_add_func ("/import/xls/damaged", test_xls_damaged);

  return g_test_run ();
}
