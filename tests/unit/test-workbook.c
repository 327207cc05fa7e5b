/* SPDX-License-Identifier: GPL-3.0-or-later */

/* OutlayWorkbook with the xlsx and ODS readers: the fixtures from
 * $OUTLAY_FIXTURES (tests/fixtures) and small workbooks built here in
 * memory (shared and rich strings, dates, formulas without cached values,
 * ODS repeats). Expected figures come from the fixtures' EXPECTED.json,
 * never from the code. */

#include <locale.h>

#include "outlay-workbook-test-util.h"

/* ==== the fixtures ==== */

static OutlayDecimal
cents (OutlayDecimal v)
{
  return outlay_decimal_round (v, 2);
}

#define member_string json_object_get_string_member
#define member_int    json_object_get_int_member
#define member_object json_object_get_object_member

static void
check_aicp_bid_form (TestSheet *sheet)
{
  JsonObject *want = fixture_expected ("aicp_commercial.xlsx");
  JsonArray *header = json_object_get_array_member (want, "header");
  JsonObject *first = member_object (want, "first_line");
  JsonObject *last = member_object (want, "last_line");
  JsonObject *block = member_object (want, "title_block");
  guint header_row = member_int (want, "header_row"), row1 = member_int (first, "row");
  guint grand = member_int (want, "grand_total_row");
  g_autofree char *code = g_strdup_printf ("%" G_GINT64_FORMAT, member_int (first, "code"));
  g_autofree char *serial = g_strdup_printf ("%" G_GINT64_FORMAT, member_int (block, "bid-date-serial"));
  const TestCell *date, *estimate;
  OutlayDecimal total_estimate = 0, total_actual = 0;
  guint lines = 0;

  for (guint i = 0; i < json_array_get_length (header); i++)
    assert_cell (sheet, header_row, i, OUTLAY_CELL_STRING, json_array_get_string_element (header, i));

  /* the first line */
  assert_cell (sheet, row1, 0, OUTLAY_CELL_NUMBER, code);
  assert_cell (sheet, row1, 1, OUTLAY_CELL_STRING, member_string (first, "description"));
  g_assert_cmpint (cell_value (sheet, row1, 3), ==, dec (member_string (first, "qty")));
  g_assert_cmpint (cell_value (sheet, row1, 4), ==, dec (member_string (first, "rate")));
  estimate = cell_at (sheet, row1, 5);
  g_assert_true (estimate->formula);
  g_assert_cmpint (cell_value (sheet, row1, 5), ==, dec (member_string (first, "estimate")));
  g_assert_cmpint (cell_value (sheet, row1, 6), ==, dec (member_string (first, "actual")));
  g_assert_false (cell_at (sheet, row1, 0)->formula);

  /* the title block's real date, next to "Date:" */
  assert_cell (sheet, 2, 6, OUTLAY_CELL_STRING, "Date:");
  date = cell_at (sheet, 2, 7);
  g_assert_cmpuint (date->kind, ==, OUTLAY_CELL_DATE);
  g_assert_cmpstr (date->text, ==, member_string (block, "bid-date"));
  g_assert_cmpstr (date->number, ==, serial);

  /* every line: a number in Line; variance (cached, with float noise in
   * the ODS) is estimate - actual to the cent */
  for (guint i = 0; i < sheet->order->len; i++)
    {
      guint row = g_array_index (sheet->order, guint, i);
      const TestCell *line = find_cell (sheet, row, 0);
      OutlayDecimal est, act;

      if (row <= header_row || line == NULL || line->kind != OUTLAY_CELL_NUMBER)
        continue;
      lines++;
      est = cents (cell_value (sheet, row, 5));
      act = cents (cell_value (sheet, row, 6));
      g_assert_cmpint (cents (cell_value (sheet, row, 7)), ==, est - act);
      total_estimate += est;
      total_actual += act;
    }
  g_assert_cmpuint (lines, ==, member_int (want, "line_items"));
  g_assert_cmpint (total_estimate, ==, dec (member_string (want, "estimate_total")));
  g_assert_cmpint (total_actual, ==, dec (member_string (want, "actual_total")));

  assert_cell (sheet, member_int (last, "row"), 1, OUTLAY_CELL_STRING, member_string (last, "description"));
  assert_cell (sheet, grand, 0, OUTLAY_CELL_STRING, "GRAND TOTAL (direct costs)");
  g_assert_cmpint (cents (cell_value (sheet, grand, 5)), ==, dec (member_string (want, "estimate_total")));
  g_assert_null (find_cell (sheet, header_row - 1, 0)); /* the blank row */
}

static void
check_aicp (OutlayWorkbook *wb)
{
  JsonObject *want = member_object (fixture_expected ("aicp_commercial.xlsx"), "summary_sheet");
  guint total = member_int (want, "grand_bid_total_row");
  g_autoptr(TestSheet) bid = NULL;
  g_autoptr(TestSheet) summary = NULL;

  g_assert_cmpuint (outlay_workbook_get_n_sheets (wb), ==, 2);
  g_assert_cmpstr (outlay_workbook_get_sheet_name (wb, 0), ==, "Bid Form");
  g_assert_cmpstr (outlay_workbook_get_sheet_name (wb, 1), ==, "Summary");
  g_assert_false (outlay_workbook_get_sheet_hidden (wb, 0));
  g_assert_false (outlay_workbook_get_sheet_hidden (wb, 1));
  g_assert_cmpuint (outlay_workbook_get_number_style (wb), ==, OUTLAY_DECIMAL_STYLE_POINT);
  g_assert_null (outlay_workbook_get_encoding (wb));
  g_assert_cmpint (outlay_workbook_get_delimiter (wb), ==, 0);

  bid = read_sheet_ok (wb, 0);
  check_aicp_bid_form (bid);
  summary = read_sheet_ok (wb, 1);
  assert_cell (summary, total, 0, OUTLAY_CELL_STRING, "GRAND BID TOTAL");
  g_assert_cmpint (cents (cell_value (summary, total - 2, 2)), ==,
                   dec (member_string (want, "production_fee_12pct")));
  g_assert_cmpint (cents (cell_value (summary, total - 1, 2)), ==,
                   dec (member_string (want, "insurance_1_5pct")));
  g_assert_cmpint (cents (cell_value (summary, total, 2)), ==,
                   dec (member_string (want, "grand_bid_total")));
}

static void
test_xlsx_aicp (void)
{
  g_autoptr(OutlayWorkbook) wb = open_fixture ("aicp_commercial.xlsx");
  g_autoptr(TestSheet) bid = NULL;

  g_assert_cmpuint (outlay_workbook_get_format (wb), ==, OUTLAY_WORKBOOK_XLSX);
  check_aicp (wb);
  /* <mergeCells> comes after the rows: xlsx spans stay 1 */
  bid = read_sheet_ok (wb, 0);
  g_assert_cmpuint (cell_at (bid, 1, 0)->span, ==, 1);
}

static void
test_ods_aicp (void)
{
  g_autoptr(OutlayWorkbook) wb = open_fixture ("aicp_commercial.ods");
  g_autoptr(TestSheet) bid = NULL;

  g_assert_cmpuint (outlay_workbook_get_format (wb), ==, OUTLAY_WORKBOOK_ODS);
  check_aicp (wb);
  bid = read_sheet_ok (wb, 0);
  g_assert_cmpuint (cell_at (bid, 1, 0)->span, ==, 9); /* the title, merged A1:I1 */
  g_assert_cmpuint (cell_at (bid, 2, 1)->span, ==, 2);
  g_assert_cmpstr (cell_at (bid, 3, 1)->text, ==,
                   member_string (member_object (fixture_expected ("aicp_commercial.xlsx"), "title_block"),
                                  "name"));
}

static void
test_xlsx_dates (void)
{
  JsonObject *want = fixture_expected ("software_project.xlsx");
  guint header_row = member_int (want, "header_row"), lines = member_int (want, "line_items");
  g_autofree char *serial = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             member_int (want, "first_due_date_serial"));
  g_autoptr(OutlayWorkbook) wb = open_fixture ("software_project.xlsx");
  g_autoptr(TestSheet) sheet = NULL;
  guint due = G_MAXUINT, n_dates = 0;
  GPtrArray *header;

  g_assert_cmpuint (outlay_workbook_get_n_sheets (wb), ==, 2);
  g_assert_cmpstr (outlay_workbook_get_sheet_name (wb, 0), ==, "Project Budget");
  g_assert_cmpstr (outlay_workbook_get_sheet_name (wb, 1), ==, "Rate Card");
  sheet = read_sheet_ok (wb, 0);
  header = g_hash_table_lookup (sheet->rows, GUINT_TO_POINTER (header_row));
  g_assert_nonnull (header);
  for (guint i = 0; i < header->len; i++)
    if (g_str_equal (((TestCell *) header->pdata[i])->text, "Due Date"))
      due = ((TestCell *) header->pdata[i])->column;
  g_assert_cmpuint (due, !=, G_MAXUINT);

  assert_cell (sheet, header_row + 1, due, OUTLAY_CELL_DATE, member_string (want, "first_due_date"));
  g_assert_cmpstr (cell_at (sheet, header_row + 1, due)->number, ==, serial);
  for (guint row = header_row + 1; row <= header_row + lines; row++)
    {
      const TestCell *cell = cell_at (sheet, row, due);

      g_assert_cmpuint (cell->kind, ==, OUTLAY_CELL_DATE);
      g_assert_cmpuint (strlen (cell->text), ==, 10);
      g_assert_true (g_str_has_prefix (cell->text, "2025-"));
      n_dates++;
    }
  g_assert_cmpuint (n_dates, ==, lines);
  g_assert_null (find_cell (sheet, member_int (want, "totals_row"), due));
}

typedef struct
{
  guint         rows;
  OutlayDecimal estimate;
  OutlayDecimal qty;
  guint         empty_actuals;
} LargeCount;

static gboolean
large_row_cb (const OutlayRow *row, gpointer user_data, GError **error)
{
  LargeCount *count = user_data;
  OutlayDecimal v;
  gboolean has_actual = FALSE;

  if (row->number == 1)
    return TRUE;
  count->rows++;
  for (guint i = 0; i < row->n_cells; i++)
    {
      const OutlayCell *cell = &row->cells[i];

      if (cell->column == 6 || cell->column == 3)
        {
          g_assert_cmpuint (cell->kind, ==, OUTLAY_CELL_NUMBER);
          g_assert_true (outlay_decimal_parse_full (cell->text, (gssize) cell->length,
                                                    OUTLAY_DECIMAL_STYLE_POINT, &v, NULL, error));
          if (cell->column == 6)
            count->estimate += v;
          else
            count->qty += v;
        }
      has_actual |= cell->column == 7;
    }
  count->empty_actuals += !has_actual;
  return TRUE;
}

static void
test_xlsx_large (void)
{
  JsonObject *want = fixture_expected ("large_100k.xlsx");
  g_autoptr(OutlayWorkbook) wb = open_fixture ("large_100k.xlsx");
  g_autoptr(GError) error = NULL;
  LargeCount count = { 0 };

  g_assert_cmpuint (outlay_workbook_get_n_sheets (wb), ==, 1);
  g_assert_cmpstr (outlay_workbook_get_sheet_name (wb, 0), ==, "Budget");
  g_assert_true (outlay_workbook_read_sheet (wb, 0, 0, large_row_cb, &count, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count.rows, ==, member_int (want, "line_items"));
  g_assert_cmpint (count.estimate, ==, dec (member_string (want, "estimate_total")));
  g_assert_cmpint (count.qty, ==, dec (member_string (want, "qty_total")));
  g_assert_cmpuint (count.empty_actuals, ==, member_int (want, "blank_actual_cells"));
}

static void
test_read_limits (void)
{
  g_autoptr(OutlayWorkbook) wb = open_fixture ("aicp_commercial.xlsx");
  g_autoptr(TestSheet) sheet = g_new0 (TestSheet, 1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  sheet->rows = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  sheet->order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_assert_true (outlay_workbook_read_sheet (wb, 0, 3, keep_row_cb, sheet, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sheet->order->len, ==, 3);
  g_assert_cmpuint (g_array_index (sheet->order, guint, 2), ==, 3);

  g_cancellable_cancel (cancellable);
  g_assert_false (outlay_workbook_read_sheet (wb, 0, 0, keep_row_cb, sheet, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static gboolean
cancel_row_cb (const OutlayRow *row, gpointer user_data, GError **error)
{
  if (row->number == 10)
    g_cancellable_cancel (user_data);
  g_assert_cmpuint (row->number, <=, 1000);
  return TRUE;
}

/* Cancelling while a big sheet streams stops it within 1,000 rows. */
static void
test_read_cancel_midway (void)
{
  g_autoptr(OutlayWorkbook) wb = open_fixture ("large_100k.xlsx");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (outlay_workbook_read_sheet (wb, 0, 0, cancel_row_cb, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static gboolean
stop_row_cb (const OutlayRow *row, gpointer user_data, GError **error)
{
  guint *n = user_data;

  return ++*n < 2;
}

static gboolean
fail_row_cb (const OutlayRow *row, gpointer user_data, GError **error)
{
  if (row->number < 6)
    return TRUE;
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_AMBIGUOUS, "Row %u: no", row->number);
  return FALSE;
}

static void
test_read_stop (void)
{
  static const char *fixtures[] = { "aicp_commercial.xlsx", "aicp_commercial.ods" };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(OutlayWorkbook) wb = open_fixture (fixtures[i]);
      g_autoptr(GError) error = NULL;
      guint n = 0;

      g_assert_true (outlay_workbook_read_sheet (wb, 0, 0, stop_row_cb, &n, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n, ==, 2);
      g_assert_false (outlay_workbook_read_sheet (wb, 1, 0, fail_row_cb, NULL, NULL, &error));
      g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_AMBIGUOUS);
      g_assert_cmpstr (error->message, ==, "Row 6: no");
    }
}

static void
test_open_missing (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/budget.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayWorkbook) wb = outlay_workbook_open (file, NULL, &error);

  g_assert_null (wb);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“budget.xlsx”"));
}

static void
test_xlsx_features (void)
{
  static const char workbook[] =
    "<workbook " MAIN_NS "><workbookPr date1904=\"false\"/><sheets>"
    "<sheet name=\"Budget\" sheetId=\"1\" r:id=\"rId1\"/>"
    "<sheet name=\"Chart1\" sheetId=\"3\" r:id=\"rId4\"/>"
    "<sheet name=\"Secret\" sheetId=\"2\" state=\"veryHidden\" r:id=\"rId5\"/></sheets></workbook>";
  static const char rels[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" REL_NS "worksheet\" Target=\"./worksheets/../worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" REL_NS "sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" REL_NS "styles\" Target=\"/xl/styles.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"" REL_NS "chartsheet\" Target=\"chartsheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId5\" Type=\"" REL_NS "worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>"
    "</Relationships>";
  static const char strings[] =
    "<sst " MAIN_NS "><si><t>Plain</t></si>"
    "<si><r><t>Rich </t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">text</t></r><rPh><t>ignored</t></rPh></si>"
    "<si><t>Line_x000D_break_x005F_x0041_ &amp; &#233;t&#xE9;</t></si><si><t/></si></sst>";
  static const char styles[] =
    "<styleSheet " MAIN_NS "><numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"&quot;$&quot;#,##0.00;[Red]\\-&quot;$&quot;#,##0.00\"/>"
    "<numFmt numFmtId=\"166\" formatCode=\"[h]:mm\"/><numFmt numFmtId=\"167\" formatCode=\"[$-409]d\\-mmm\\-yy\"/></numFmts>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
    "<cellXfs count=\"7\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"14\"/>"
    "<xf numFmtId=\"166\"/><xf numFmtId=\"22\"/><xf numFmtId=\"167\"/></cellXfs></styleSheet>";
  static const char sheet1[] =
    "<worksheet " MAIN_NS "><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
    "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c><c r=\"E1\" s=\"1\"/></row>"
    "<row r=\"3\"><c r=\"A3\" s=\"1\"><v>45664</v></c><c r=\"B3\" s=\"2\"><v>1765.5</v></c>"
    "<c r=\"C3\" s=\"3\"><v>60</v></c><c r=\"D3\" s=\"4\"><v>1.5</v></c><c r=\"E3\" s=\"5\"><v>45664.75</v></c>"
    "<c r=\"F3\" s=\"6\"><v>59</v></c><c r=\"G3\" s=\"99\"><v>7</v></c></row>"
    "<row><c t=\"b\"><v>1</v></c><c t=\"e\"><v>#DIV/0!</v></c><c t=\"inlineStr\"><is><t>in</t><r><t>line</t></r></is></c>"
    "<c t=\"str\"><f>\"a\"&amp;\"b\"</f><v>ab</v></c><c t=\"d\"><v>2025-03-14</v></c></row>"
    "<row r=\"9\"><c r=\"AA9\"><v>1E-3</v></c></row>"
    "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:B1\"/></mergeCells></worksheet>";
  static const char sheet2[] =
    "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>"
    "<x:row r=\"2\"><x:c r=\"B2\"><x:v>42</x:v></x:c></x:row></x:sheetData></x:worksheet>";
  Member members[] = {
    { "xl/workbook.xml", workbook }, { "xl/_rels/workbook.xml.rels", rels },
    { "xl/sharedStrings.xml", strings }, { "xl/styles.xml", styles },
    { "xl/worksheets/sheet1.xml", sheet1 }, { "xl/worksheets/sheet2.xml", sheet2 },
    { "xl/chartsheets/sheet1.xml", "<chartsheet/>" },
  };
  g_autoptr(GBytes) bytes = build_zip (members, G_N_ELEMENTS (members));
  g_autoptr(OutlayWorkbook) wb = open_ok (bytes, "features.xlsx");
  g_autoptr(TestSheet) sheet = read_sheet_ok (wb, 0);
  g_autoptr(TestSheet) secret = read_sheet_ok (wb, 1);

  g_assert_cmpuint (outlay_workbook_get_n_sheets (wb), ==, 2); /* no chart sheet */
  g_assert_cmpstr (outlay_workbook_get_sheet_name (wb, 1), ==, "Secret");
  g_assert_false (outlay_workbook_get_sheet_hidden (wb, 0));
  g_assert_true (outlay_workbook_get_sheet_hidden (wb, 1));

  assert_cell (sheet, 1, 0, OUTLAY_CELL_STRING, "Plain");
  assert_cell (sheet, 1, 1, OUTLAY_CELL_STRING, "Rich text");
  assert_cell (sheet, 1, 2, OUTLAY_CELL_STRING, "Line\rbreak_x0041_ & été");
  g_assert_null (find_cell (sheet, 1, 3)); /* an empty text is no cell */
  g_assert_null (find_cell (sheet, 1, 4));
  g_assert_null (find_cell (sheet, 2, 0));

  assert_cell (sheet, 3, 0, OUTLAY_CELL_DATE, "2025-01-07");
  g_assert_cmpstr (cell_at (sheet, 3, 0)->number, ==, "45664");
  assert_cell (sheet, 3, 1, OUTLAY_CELL_NUMBER, "1765.5");
  assert_cell (sheet, 3, 2, OUTLAY_CELL_DATE, "1900-02-29"); /* Excel's phantom day */
  assert_cell (sheet, 3, 3, OUTLAY_CELL_NUMBER, "1.5");       /* a duration */
  assert_cell (sheet, 3, 4, OUTLAY_CELL_DATE, "2025-01-07T18:00:00");
  assert_cell (sheet, 3, 5, OUTLAY_CELL_DATE, "1900-02-28");
  assert_cell (sheet, 3, 6, OUTLAY_CELL_NUMBER, "7");         /* an unknown style */

  assert_cell (sheet, 4, 0, OUTLAY_CELL_BOOLEAN, "TRUE");
  assert_cell (sheet, 4, 1, OUTLAY_CELL_ERROR, "#DIV/0!");
  assert_cell (sheet, 4, 2, OUTLAY_CELL_STRING, "inline");
  assert_cell (sheet, 4, 3, OUTLAY_CELL_STRING, "ab");
  g_assert_true (cell_at (sheet, 4, 3)->formula);
  assert_cell (sheet, 4, 4, OUTLAY_CELL_DATE, "2025-03-14");
  g_assert_cmpstr (cell_at (sheet, 4, 4)->number, ==, "45730");
  assert_cell (sheet, 9, 26, OUTLAY_CELL_NUMBER, "1E-3");
  g_assert_cmpuint (sheet->order->len, ==, 4);

  assert_cell (secret, 2, 1, OUTLAY_CELL_NUMBER, "42");
}

static void
test_xlsx_date1904 (void)
{
  static const char workbook[] =
    "<workbook " MAIN_NS "><workbookPr date1904=\"1\"/><sheets>"
    "<sheet name=\"Budget\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  static const char styles[] =
    "<styleSheet " MAIN_NS "><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>";
  static const char sheet1[] =
    "<worksheet " MAIN_NS "><sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"><v>0</v></c>"
    "<c r=\"B1\" s=\"1\"><v>1462</v></c><c r=\"C1\" s=\"1\"><v>-1</v></c></row></sheetData></worksheet>";
  Member members[] = {
    { "xl/workbook.xml", workbook }, { "xl/_rels/workbook.xml.rels", RELS_XML },
    { "xl/styles.xml", styles }, { "xl/worksheets/sheet1.xml", sheet1 },
  };
  g_autoptr(GBytes) bytes = build_zip (members, G_N_ELEMENTS (members));
  g_autoptr(OutlayWorkbook) wb = open_ok (bytes, "mac.xlsx");
  g_autoptr(TestSheet) sheet = read_sheet_ok (wb, 0);

  assert_cell (sheet, 1, 0, OUTLAY_CELL_DATE, "1904-01-01");
  assert_cell (sheet, 1, 1, OUTLAY_CELL_DATE, "1908-01-02");
  assert_cell (sheet, 1, 2, OUTLAY_CELL_NUMBER, "-1"); /* no date before day 0 */
}

static void
test_xlsx_formulas (void)
{
  static const char rows[] =
    "<row r=\"1\"><c r=\"A1\"><v>3</v></c><c r=\"B1\"><v>4.5</v></c><c r=\"C1\"><f>A1*B1</f></c>"
    "<c r=\"D1\"><f>FOO(A1)</f></c><c r=\"E1\"><f>A2+1</f></c></row>"
    "<row r=\"2\"><c r=\"A2\"><v>2</v></c><c r=\"B2\"><v>0.1</v></c><c r=\"C2\"><f>A2*B2</f><v></v></c>"
    "<c r=\"D2\"><f>SUM(C1:C2)</f></c><c r=\"E2\"><f>C2/3</f></c><c r=\"F2\" t=\"s\"><v>0</v></c>"
    "<c r=\"G2\"><f>F2*2</f></c><c r=\"H2\"><f>SUM(A1:G2)</f></c></row>"
    "<row r=\"3\"><c r=\"A3\"><f t=\"shared\" ref=\"A3:B3\" si=\"0\">A1+A2</f></c><c r=\"B3\"><f t=\"shared\" si=\"0\"/></c>"
    "<c r=\"C3\"><f>Budget!A1+'Budget'!$B$1</f></c><c r=\"D3\"><f>Other!A1</f></c><c r=\"E3\"><f>ROUND(E2,2)</f></c>"
    "<c r=\"F3\"><f>C1</f><v>99</v></c></row>";
  g_autoptr(GBytes) bytes = build_xlsx (rows, "<si><t>text</t></si>");
  g_autoptr(OutlayWorkbook) wb = open_ok (bytes, "script.xlsx");
  g_autoptr(TestSheet) sheet = read_sheet_ok (wb, 0);

  assert_cell (sheet, 1, 2, OUTLAY_CELL_NUMBER, "13.5");
  g_assert_true (cell_at (sheet, 1, 2)->formula);
  assert_cell (sheet, 1, 3, OUTLAY_CELL_ERROR, "#VALUE!");   /* unsupported function */
  g_assert_true (cell_at (sheet, 1, 3)->formula);
  assert_cell (sheet, 1, 4, OUTLAY_CELL_ERROR, "#VALUE!");   /* a later row */
  assert_cell (sheet, 2, 2, OUTLAY_CELL_NUMBER, "0.2");
  assert_cell (sheet, 2, 3, OUTLAY_CELL_NUMBER, "13.7");
  assert_cell (sheet, 2, 4, OUTLAY_CELL_NUMBER, "0.0667");
  assert_cell (sheet, 2, 6, OUTLAY_CELL_ERROR, "#VALUE!");   /* text times 2 */
  assert_cell (sheet, 2, 7, OUTLAY_CELL_ERROR, "#VALUE!");   /* sums an error */
  assert_cell (sheet, 3, 0, OUTLAY_CELL_NUMBER, "5");
  assert_cell (sheet, 3, 1, OUTLAY_CELL_NUMBER, "4.6");      /* shared: B1+B2 */
  assert_cell (sheet, 3, 2, OUTLAY_CELL_NUMBER, "7.5");
  assert_cell (sheet, 3, 3, OUTLAY_CELL_ERROR, "#VALUE!");   /* another sheet */
  assert_cell (sheet, 3, 4, OUTLAY_CELL_NUMBER, "0.07");
  assert_cell (sheet, 3, 5, OUTLAY_CELL_NUMBER, "99");       /* cached wins */
}

/* The fixture's Summary sheet with the cached values of its totals taken
 * out, as a script would have written it: they are worked out again. */
static void
test_xlsx_summary_uncached (void)
{
  JsonObject *want = fixture_expected ("aicp_commercial.xlsx");
  JsonObject *sums = member_object (want, "summary_sheet");
  guint r = member_int (sums, "total_row");
  g_autofree char *total = plain_number (member_string (want, "estimate_total"));
  g_autofree char *fee = plain_number (member_string (sums, "production_fee_12pct"));
  g_autofree char *insurance = plain_number (member_string (sums, "insurance_1_5pct"));
  g_autofree char *bid = plain_number (member_string (sums, "grand_bid_total"));
  g_autofree char *cached0 = g_strdup_printf ("<f>SUM(C4:C%u)</f><v>%s</v>", r - 1, total);
  g_autofree char *cached1 = g_strdup_printf ("<f>ROUND(C%u*0.12,2)</f><v>%s</v>", r, fee);
  g_autofree char *cached2 = g_strdup_printf ("<f>ROUND(C%u*0.015,2)</f><v>%s</v>", r, insurance);
  g_autofree char *cached3 = g_strdup_printf ("<f>C%u+C%u+C%u</f><v>%s</v>", r, r + 1, r + 2, bid);
  const char *cached[] = { cached0, cached1, cached2, cached3 };
  g_autoptr(GBytes) original = fixture_bytes ("aicp_commercial.xlsx");
  g_autoptr(GsfInput) input = gsf_input_memory_new (g_bytes_get_data (original, NULL),
                                                    (gsf_off_t) g_bytes_get_size (original), FALSE);
  g_autoptr(GsfInfile) zip = gsf_infile_zip_new (input, NULL);
  g_autoptr(GsfOutput) mem = gsf_output_memory_new ();
  g_autoptr(GsfOutfile) out = gsf_outfile_zip_new (mem, NULL);
  static const char *parts[] = { "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml",
                                 "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml" };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(OutlayWorkbook) wb = NULL;
  g_autoptr(TestSheet) summary = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_auto(GStrv) names = g_strsplit (parts[i], "/", -1);
      g_autoptr(GsfInput) member = gsf_infile_child_by_aname (zip, (const char **) names);
      gsize size = (gsize) gsf_input_size (member);
      g_autoptr(GString) text = g_string_new_len ((const char *) gsf_input_read (member, size, NULL), (gssize) size);

      if (g_str_has_suffix (parts[i], "sheet2.xml"))
        for (guint j = 0; j < G_N_ELEMENTS (cached); j++)
          {
            g_autofree char *bare = g_strndup (cached[j], strstr (cached[j], "<v>") - cached[j]);

            g_assert_cmpuint (g_string_replace (text, cached[j], bare, 0), ==, 1);
          }
      add_member (out, parts[i], text->str, text->len);
    }
  g_assert_true (gsf_output_close (GSF_OUTPUT (out)));
  bytes = output_bytes (mem);
  wb = open_ok (bytes, "aicp_commercial.xlsx");
  summary = read_sheet_ok (wb, 1);
  assert_cell (summary, r, 2, OUTLAY_CELL_NUMBER, total);
  assert_cell (summary, r + 1, 2, OUTLAY_CELL_NUMBER, fee);
  assert_cell (summary, r + 2, 2, OUTLAY_CELL_NUMBER, insurance);
  assert_cell (summary, r + 3, 2, OUTLAY_CELL_NUMBER, bid);
  g_assert_true (cell_at (summary, r + 3, 2)->formula);
}

static void
test_ods_features (void)
{
  static const char content[] =
    "<office:document-content " ODS_NS "><office:automatic-styles>"
    "<style:style style:name=\"ta1\" style:family=\"table\"><style:table-properties table:display=\"true\"/></style:style>"
    "<style:style style:name=\"ta2\" style:family=\"table\"><style:table-properties table:display=\"false\"/></style:style>"
    "</office:automatic-styles><office:body><office:spreadsheet>"
    "<table:table table:name=\"Visible\" table:style-name=\"ta1\"><table:table-column table:number-columns-repeated=\"16384\"/>"
    "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Two<text:s text:c=\"3\"/>words<text:tab/>tab"
    "<text:line-break/>x</text:p><text:p>second <text:span>line</text:span><text:s/></text:p>"
    "<office:annotation><text:p>a comment</text:p></office:annotation></table:table-cell>"
    "<table:table-cell office:value-type=\"float\" office:value=\"2.5\" table:number-columns-repeated=\"3\"><text:p>2.50</text:p></table:table-cell>"
    "<table:table-cell table:formula=\"of:=[.B1]*[.C1]+SUM([.B1:.D1];1)\"/>"
    "<table:table-cell table:number-columns-spanned=\"2\" office:value-type=\"currency\" office:value=\"10\"><text:p>$10.00</text:p></table:table-cell>"
    "<table:covered-table-cell/><table:table-cell table:number-columns-repeated=\"16370\"/></table:table-row>"
    "<table:table-row table:number-rows-repeated=\"1000000\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>"
    "<table:table-row table:number-rows-repeated=\"2\"><table:table-cell office:value-type=\"boolean\" office:boolean-value=\"true\"><text:p>TRUE</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"date\" office:date-value=\"2025-01-07T09:30:00\"><text:p>01/07/25</text:p></table:table-cell></table:table-row>"
    "<table:table-row><table:table-cell table:formula=\"of:=FOO([.A1])\"/>"
    "<table:table-cell table:formula=\"of:=1/0\" office:value-type=\"float\" office:value=\"0\" calcext:value-type=\"error\"><text:p>#DIV/0!</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"percentage\" office:value=\"0.125\"><text:p>12.5%</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"date\" office:date-value=\"2025-03-14T00:00:00\"/>"
    "<table:table-cell table:formula=\"of:=[.A1000002]+[$Visible.F1]*2\"/>"
    "<table:table-cell office:value-type=\"string\" office:string-value=\"from attribute\"><text:p>shown</text:p></table:table-cell>"
    "<table:table-cell><draw:frame><draw:text-box><text:p>a picture</text:p></draw:text-box></draw:frame></table:table-cell>"
    "</table:table-row><table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell/></table:table-row></table:table>"
    "<table:table table:name=\"Hidden\" table:style-name=\"ta2\"><table:table-row><table:table-cell office:value-type=\"string\">"
    "<text:p>secret</text:p></table:table-cell></table:table-row></table:table>"
    "</office:spreadsheet></office:body></office:document-content>";
  g_autoptr(GBytes) bytes = build_ods (content);
  g_autoptr(OutlayWorkbook) wb = open_ok (bytes, "features.ods");
  g_autoptr(TestSheet) sheet = read_sheet_ok (wb, 0);
  g_autoptr(TestSheet) hidden = read_sheet_ok (wb, 1);
  const TestCell *cell;

  g_assert_cmpuint (outlay_workbook_get_format (wb), ==, OUTLAY_WORKBOOK_ODS);
  g_assert_cmpuint (outlay_workbook_get_n_sheets (wb), ==, 2);
  g_assert_false (outlay_workbook_get_sheet_hidden (wb, 0));
  g_assert_true (outlay_workbook_get_sheet_hidden (wb, 1));
  g_assert_cmpstr (outlay_workbook_get_sheet_name (wb, 1), ==, "Hidden");

  assert_cell (sheet, 1, 0, OUTLAY_CELL_STRING, "Two   words\ttab\nx\nsecond line ");
  for (guint col = 1; col <= 3; col++)
    assert_cell (sheet, 1, col, OUTLAY_CELL_NUMBER, "2.5");
  assert_cell (sheet, 1, 4, OUTLAY_CELL_NUMBER, "14.75");
  g_assert_true (cell_at (sheet, 1, 4)->formula);
  cell = cell_at (sheet, 1, 5);
  g_assert_cmpstr (cell->text, ==, "10");
  g_assert_cmpuint (cell->span, ==, 2);
  g_assert_null (find_cell (sheet, 1, 6));

  for (guint row = 1000002; row <= 1000003; row++)
    {
      assert_cell (sheet, row, 0, OUTLAY_CELL_BOOLEAN, "TRUE");
      assert_cell (sheet, row, 1, OUTLAY_CELL_DATE, "2025-01-07T09:30:00");
      g_assert_cmpstr (cell_at (sheet, row, 1)->number, ==, "45664.39583");
    }
  assert_cell (sheet, 1000004, 0, OUTLAY_CELL_ERROR, "#VALUE!");
  assert_cell (sheet, 1000004, 1, OUTLAY_CELL_ERROR, "#DIV/0!");
  assert_cell (sheet, 1000004, 2, OUTLAY_CELL_NUMBER, "0.125");
  assert_cell (sheet, 1000004, 3, OUTLAY_CELL_DATE, "2025-03-14");
  assert_cell (sheet, 1000004, 4, OUTLAY_CELL_NUMBER, "21");    /* TRUE + 10 × 2 */
  assert_cell (sheet, 1000004, 5, OUTLAY_CELL_STRING, "from attribute");
  g_assert_null (find_cell (sheet, 1000004, 6));
  g_assert_cmpuint (sheet->order->len, ==, 4);

  assert_cell (hidden, 1, 0, OUTLAY_CELL_STRING, "secret");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workbook/xlsx/aicp", test_xlsx_aicp);
  g_test_add_func ("/workbook/ods/aicp", test_ods_aicp);
  g_test_add_func ("/workbook/xlsx/dates", test_xlsx_dates);
  g_test_add_func ("/workbook/xlsx/large", test_xlsx_large);
  g_test_add_func ("/workbook/xlsx/features", test_xlsx_features);
  g_test_add_func ("/workbook/xlsx/date1904", test_xlsx_date1904);
  g_test_add_func ("/workbook/xlsx/formulas", test_xlsx_formulas);
  g_test_add_func ("/workbook/xlsx/summary-uncached", test_xlsx_summary_uncached);
  g_test_add_func ("/workbook/ods/features", test_ods_features);
  g_test_add_func ("/workbook/read/limits", test_read_limits);
  g_test_add_func ("/workbook/read/stop", test_read_stop);
  g_test_add_func ("/workbook/read/cancel-midway", test_read_cancel_midway);
  g_test_add_func ("/workbook/open/missing", test_open_missing);
  return g_test_run ();
}
