/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The odd files of tests/fixtures/odd (empty, a BOM and nothing else, one
 * cell, ragged rows, a huge header, the wrong extension…), each opened,
 * read, analysed and checked as an import would be. Each must end the
 * way a user expects, with a message in Outlay's words, and (in CI's
 * sanitizer run) without a leak or an overflow. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "outlay-error.h"
#include "outlay-import-analysis.h"
#include "outlay-importer.h"
#include "outlay-workbook.h"

typedef enum
{
  STOP_OPEN,    /* outlay_workbook_open() refuses it */
  STOP_READ,    /* a sheet cannot be read */
  STOP_ANALYZE, /* no sheet to import */
  STOP_CHECK,   /* nothing in it looks like budget lines */
  LINES,        /* @lines budget lines, @skipped rows left out */
} Outcome;

typedef struct
{
  const char *name;
  OutlayWorkbookFormat format; /* when it opens */
  Outcome outcome;
  const char *message; /* in the error when it stops */
  guint lines;
  guint skipped;
} OddFile;

static const OddFile odd_files[] = {
  { "empty.csv", 0, STOP_OPEN, "“empty.csv” is empty" },
  { "bom-only.csv", OUTLAY_WORKBOOK_CSV, STOP_CHECK,
    "“bom-only.csv” has nothing in it to import: every row is empty" },
  { "blank-lines.csv", OUTLAY_WORKBOOK_CSV, STOP_CHECK,
    "“blank-lines.csv” has nothing in it to import" },
  { "one-cell.csv", OUTLAY_WORKBOOK_CSV, STOP_CHECK,
    "“one-cell.csv” has no rows that look like budget lines" },
  /* a lone number is a line with an estimate */
  { "one-cell.xlsx", OUTLAY_WORKBOOK_XLSX, LINES, NULL, 1, 0 },
  { "one-cell.ods", OUTLAY_WORKBOOK_ODS, LINES, NULL, 1, 0 },
  { "empty-sheet.xlsx", OUTLAY_WORKBOOK_XLSX, STOP_CHECK,
    "“empty-sheet.xlsx” has nothing in it to import" },
  { "no-sheets.xlsx", OUTLAY_WORKBOOK_XLSX, STOP_ANALYZE, "“no-sheets.xlsx” has no sheets" },
  { "header-only.csv", OUTLAY_WORKBOOK_CSV, STOP_CHECK,
    "“header-only.csv” has no rows that look like budget lines" },
  /* a row past the header is left out; "Taxi" alone heads a section */
  { "ragged.csv", OUTLAY_WORKBOOK_CSV, LINES, NULL, 2, 1 },
  /* values under a blank header cell are a column, not a broken row */
  { "gap-header.csv", OUTLAY_WORKBOOK_CSV, LINES, NULL, 2, 0 },
  { "huge-header.csv", OUTLAY_WORKBOOK_CSV, STOP_CHECK,
    "“huge-header.csv” has no rows that look like budget lines" },
  { "too-many-columns.csv", OUTLAY_WORKBOOK_CSV, STOP_READ,
    "“too-many-columns.csv”, line 1: the record has more than 16,384 columns" },
  { "unclosed-quote.csv", OUTLAY_WORKBOOK_CSV, STOP_READ, "its closing quote is missing" },
  { "latin1.csv", OUTLAY_WORKBOOK_CSV, LINES, NULL, 1, 0 },
  { "utf16.csv", OUTLAY_WORKBOOK_CSV, LINES, NULL, 2, 0 },
  { "binary.bin", 0, STOP_OPEN, "“binary.bin”" },
  { "xlsx-named.csv", OUTLAY_WORKBOOK_XLSX, LINES, NULL, 1, 0 },
  { "csv-named.xlsx", OUTLAY_WORKBOOK_CSV, LINES, NULL, 2, 0 },
  { "cut-short.xlsx", 0, STOP_OPEN, "“cut-short.xlsx” is damaged (" },
};

/* Words that are a library's, not Outlay's. */
static const char *const foreign[] = {
  "row 0", "Row 0", "XML_PARSE", "StartTag", "indicate encoding", "libgsf", "freexl", "(null)",
};

static void
assert_message (const GError *error, const char *part)
{
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (error->domain == OUTLAY_ERROR);
  if (part != NULL && strstr (error->message, part) == NULL)
    g_error ("“%s” is not in “%s”", part, error->message);
  for (guint i = 0; i < G_N_ELEMENTS (foreign); i++)
    if (strstr (error->message, foreign[i]) != NULL)
      g_error ("“%s” should not be in “%s”", foreign[i], error->message);
}

static gboolean
count_row_cb (const OutlayRow *row, gpointer user_data, GError **error)
{
  guint *n = user_data;

  g_assert_cmpuint (row->n_cells, >, 0);
  g_assert_cmpuint (row->number, >, 0);
  for (guint i = 0; i < row->n_cells; i++)
    g_assert_true (g_utf8_validate (row->cells[i].text, (gssize) row->cells[i].length, NULL));
  (*n)++;
  return TRUE;
}

static void
test_odd_file (gconstpointer data)
{
  const OddFile *odd = data;
  g_autofree char *path = g_build_filename (g_getenv ("OUTLAY_FIXTURES"), "odd", odd->name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayWorkbook) wb = NULL;
  g_autoptr(OutlayImportAnalysis) analysis = NULL;
  g_autoptr(OutlayImportResult) result = NULL;
  OutlayImportOptions options = { .mode = OUTLAY_IMPORT_MODE_NEW, .source = "test" };
  gboolean read_ok = TRUE;

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  wb = outlay_workbook_open (file, NULL, &error);
  if (odd->outcome == STOP_OPEN)
    {
      g_assert_null (wb);
      assert_message (error, odd->message);
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpint (outlay_workbook_get_format (wb), ==, odd->format);

  for (guint s = 0; s < outlay_workbook_get_n_sheets (wb) && read_ok; s++)
    {
      guint n = 0;

      read_ok = outlay_workbook_read_sheet (wb, s, 0, count_row_cb, &n, NULL, &error);
    }
  if (odd->outcome == STOP_READ)
    {
      g_assert_false (read_ok);
      assert_message (error, odd->message);
      return;
    }
  g_assert_no_error (error);

  analysis = outlay_import_analyze (wb, -1, NULL, &error);
  if (odd->outcome == STOP_ANALYZE)
    {
      g_assert_null (analysis);
      assert_message (error, odd->message);
      return;
    }
  g_assert_no_error (error);

  result = outlay_import_check (wb, analysis, &options, NULL, NULL, NULL, &error);
  if (odd->outcome == STOP_CHECK)
    {
      g_assert_null (result);
      assert_message (error, odd->message);
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (result->rows_imported, ==, odd->lines);
  g_assert_cmpuint (result->rows_skipped, ==, odd->skipped);
  for (guint i = 0; i < result->errors->len; i++)
    {
      OutlayImportRowError *e = g_ptr_array_index (result->errors, i);

      g_test_message ("row %u: %s (%s)", e->row, e->message, e->cells);
      g_assert_cmpuint (e->row, >, 0);
    }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("OUTLAY_FIXTURES") == NULL)
    g_error ("OUTLAY_FIXTURES is not set; run the tests with meson test");
  for (guint i = 0; i < G_N_ELEMENTS (odd_files); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/odd-files/%s", odd_files[i].name);

      g_test_add_data_func (test_path, &odd_files[i], test_odd_file);
    }
  return g_test_run ();
}
