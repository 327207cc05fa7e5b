/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Sheets as other people write them: columns a person would not call a
 * number, abbreviated headers, wide FP&A sheets with a column per month.
 * Every sheet is built here, row by row. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "outlay-import-analysis.h"
#include "outlay-importer.h"
#include "outlay-workbook-test-util.h"

#define F(x) OUTLAY_IMPORT_FIELD_##x

/* Adds a row from "Code|Description|n:12|" — cells split at '|', "n:" a
 * NUMBER, "" nothing. */
static void
add (OutlaySheetSample *sample, guint number, const char *spec)
{
  g_auto(GStrv) parts = g_strsplit (spec, "|", -1);
  g_autoptr(GArray) cells = g_array_new (FALSE, TRUE, sizeof (OutlayCell));
  OutlayRow row = { number, 0, NULL };

  for (guint i = 0; parts[i] != NULL; i++)
    {
      OutlayCell c = { i, OUTLAY_CELL_STRING, parts[i], 0, NULL, 1, 0 };

      if (*parts[i] == '\0')
        continue;
      if (g_str_has_prefix (parts[i], "n:"))
        c.kind = OUTLAY_CELL_NUMBER, c.text = parts[i] + 2;
      c.length = strlen (c.text);
      g_array_append_val (cells, c);
    }
  row.n_cells = cells->len;
  row.cells = (const OutlayCell *) cells->data;
  outlay_sheet_sample_add_row (sample, &row);
}

static OutlayImportAnalysis *
analyze_rows (const char *const *rows)
{
  g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func (
      (GDestroyNotify) outlay_sheet_sample_free);
  OutlaySheetSample *s = outlay_sheet_sample_new ();

  for (guint i = 0; rows[i] != NULL; i++)
    add (s, i + 1, rows[i]);
  g_ptr_array_add (samples, s);
  return outlay_import_analyze_samples ("sheet.csv", samples, NULL, -1, OUTLAY_DECIMAL_STYLE_AUTO);
}

static OutlayColumnMapping *
column (OutlayImportAnalysis *a, guint c)
{
  GPtrArray *columns = outlay_import_analysis_get_columns (a);

  g_assert_cmpuint (c, <, columns->len);
  return columns->pdata[c];
}

static void
dump (OutlayImportAnalysis *a)
{
  GPtrArray *columns = outlay_import_analysis_get_columns (a);
  GPtrArray *warnings = outlay_import_analysis_get_warnings (a);

  for (guint i = 0; i < columns->len; i++)
    {
      OutlayColumnMapping *m = columns->pdata[i];

      g_test_message ("  %u “%s” → %s %.2f", m->column, m->header,
                      outlay_import_field_name (m->field), m->confidence);
    }
  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("  warning: %s", (char *) warnings->pdata[i]);
}

static void
assert_fields (OutlayImportAnalysis *a, const char *const *names)
{
  dump (a);
  for (guint i = 0; names[i] != NULL; i++)
    if (*names[i] != '\0')
      g_assert_cmpstr (outlay_import_field_name (column (a, i)->field), ==, names[i]);
}

static gboolean
warned (OutlayImportAnalysis *a, const char *part)
{
  GPtrArray *warnings = outlay_import_analysis_get_warnings (a);

  for (guint i = 0; i < warnings->len; i++)
    if (strstr (warnings->pdata[i], part) != NULL)
      return TRUE;
  return FALSE;
}

/* A column of words is never a quantity, whatever its header resembles. */
static void
test_text_column_not_numeric (void)
{
  const char *rows[] = {
    "Description|Tags|Amount",         "Rent|office, fixed|n:1200",
    "Power|utilities|n:300",           "Water|n:12|n:80",
    "Cleaning|services, weekly|n:400", "Laptops|hardware|n:2400",
    "Licences|software, yearly|n:960", NULL,
  };
  g_autoptr(OutlayImportAnalysis) a = analyze_rows (rows);

  assert_fields (a, (const char *[]){ "description", "", "estimate", NULL });
  g_assert_false (outlay_import_field_is_number (column (a, 1)->field));
}

/* Most cells text under a money header: not mapped as money either. */
static void
test_text_under_money_header (void)
{
  const char *rows[] = {
    "Item|Cost|Budget",
    "Rent|see contract|n:1200",
    "Power|tbd|n:300",
    "Water|n:75|n:80",
    "Cleaning|included|n:400",
    "Laptops|quote pending|n:2400",
    NULL,
  };
  g_autoptr(OutlayImportAnalysis) a = analyze_rows (rows);

  assert_fields (a, (const char *[]){ "description", "", "estimate", NULL });
  g_assert_false (outlay_import_field_is_number (column (a, 1)->field));
  g_assert_true (warned (a, "“Cost”"));
}

/* Abbreviations as people type them. */
static void
test_abbreviations (void)
{
  const char *rows[] = {
    "Ref|Desc.|Qty|Hrs|Rate|Est.|Act. Total|Bud. Var.",
    "1|Editor|n:2|n:10|n:80|n:1600|n:1500|n:100",
    "2|Colourist|n:1|n:8|n:120|n:960|n:1000|n:-40",
    "3|Sound mix|n:1|n:12|n:95|n:1140|n:1140|n:0",
    "4|Titles|n:3|n:4|n:60|n:720|n:700|n:20",
    NULL,
  };
  g_autoptr(OutlayImportAnalysis) a = analyze_rows (rows);

  assert_fields (a, (const char *[]){ "code", "description", "qty", "multiplier", "rate",
                                      "estimate", "actual", "derived", NULL });
}

static void
test_abbreviations_amounts (void)
{
  const char *budget[] = {
    "Line|Item|Bud.|Act.",   "1|Catering|n:1200|n:1100", "2|Travel|n:800|n:950",
    "3|Hotel|n:2400|n:2300", "4|Insurance|n:300|n:300",  NULL,
  };
  const char *amounts[] = {
    "Item|Amt|Hrs",     "Catering|n:1200|n:3", "Travel|n:800|n:5",
    "Hotel|n:2400|n:1", "Insurance|n:300|n:2", NULL,
  };
  g_autoptr(OutlayImportAnalysis) a = analyze_rows (budget);
  g_autoptr(OutlayImportAnalysis) b = analyze_rows (amounts);

  assert_fields (a, (const char *[]){ "code", "description", "estimate", "actual", NULL });
  assert_fields (b, (const char *[]){ "description", "estimate", "qty", NULL });
}

/* A wide planning sheet: twelve months, then the year's budget and
 * actual. The year's columns are the estimate and actual; the months are
 * left out, and a warning says so. */
static void
test_wide_months (void)
{
  const char *rows[] = {
    "Account|Description|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|FY Budget|FY Actual",
    "6100|Salaries|n:10|n:10|n:10|n:10|n:10|n:10|n:10|n:10|n:10|n:10|n:10|n:10|n:120|n:118",
    "6200|Rent|n:5|n:5|n:5|n:5|n:5|n:5|n:5|n:5|n:5|n:5|n:5|n:5|n:60|n:60",
    "6300|Travel|n:1|n:2|n:1|n:2|n:1|n:2|n:1|n:2|n:1|n:2|n:1|n:2|n:18|n:20",
    "6400|Software|n:3|n:3|n:3|n:3|n:3|n:3|n:3|n:3|n:3|n:3|n:3|n:3|n:36|n:30",
    NULL,
  };
  g_autoptr(OutlayImportAnalysis) a = analyze_rows (rows);

  assert_fields (a, (const char *[]){ "code", "description", "", "", "", "", "", "", "", "", "", "",
                                      "", "", "estimate", "actual", NULL });
  for (guint c = 2; c < 14; c++)
    g_assert_cmpint (column (a, c)->field, ==, F (IGNORE));
  g_assert_true (warned (a, "12 month columns"));
}

/* Months spelled out and a yearly total named "Total". */
static void
test_wide_months_total (void)
{
  const char *rows[] = {
    "Department|January|February|March|April|May|June|July|August|September|October|November|"
    "December|Total",
    "Marketing|n:10|n:10|n:10|n:10|n:10|n:10|n:10|n:10|n:10|n:10|n:10|n:10|n:120",
    "Sales|n:5|n:5|n:5|n:5|n:5|n:5|n:5|n:5|n:5|n:5|n:5|n:5|n:60",
    "Support|n:1|n:2|n:1|n:2|n:1|n:2|n:1|n:2|n:1|n:2|n:1|n:2|n:18",
    "R&D|n:3|n:3|n:3|n:3|n:3|n:3|n:3|n:3|n:3|n:3|n:3|n:3|n:36",
    NULL,
  };
  g_autoptr(OutlayImportAnalysis) a = analyze_rows (rows);

  dump (a);
  g_assert_cmpint (column (a, 13)->field, ==, F (ESTIMATE));
  for (guint c = 1; c < 13; c++)
    g_assert_cmpint (column (a, c)->field, ==, F (IGNORE));
  g_assert_true (warned (a, "12 month columns"));
}

/* ---- shapes that must give lines ---- */

/* Imports (without writing) a workbook built in memory: the importer reads
 * every row as it would for a user. */
static OutlayImportResult *
check_workbook (GBytes *bytes, const char *name, OutlayImportAnalysis **out)
{
  g_autoptr(OutlayWorkbook) wb = open_ok (bytes, name);
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayImportAnalysis) a = outlay_import_analyze (wb, -1, NULL, &error);
  OutlayImportOptions options = { OUTLAY_IMPORT_MODE_NEW, 0, NULL, NULL, FALSE, "test" };
  OutlayImportResult *r;

  g_assert_no_error (error);
  dump (a);
  r = outlay_import_check (wb, a, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (r);
  for (guint i = 0; i < r->sections->len; i++)
    {
      OutlayImportSection *s = r->sections->pdata[i];

      g_test_message ("  section “%s” “%s”: %u lines", s->code, s->name, s->lines);
    }
  for (guint i = 0; i < r->warnings->len; i++)
    g_test_message ("  import warning: %s", (char *) r->warnings->pdata[i]);
  if (out != NULL)
    *out = g_steal_pointer (&a);
  return r;
}

static OutlayImportResult *
check_csv (const char *csv, OutlayImportAnalysis **out)
{
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));

  return check_workbook (bytes, "sheet.csv", out);
}

static void
assert_section (OutlayImportResult *r, guint i, const char *name, guint lines, const char *estimate)
{
  OutlayImportSection *s;

  g_assert_cmpuint (i, <, r->sections->len);
  s = r->sections->pdata[i];
  g_assert_cmpstr (s->name, ==, name);
  g_assert_cmpuint (s->lines, ==, lines);
  g_assert_cmpint (s->estimate, ==, dec (estimate));
}

/* Two tables one above the other, each with its title and header: both
 * give lines, each in a section named after its title, and neither the
 * second header nor the first table's total becomes a line. */
static void
test_stacked_tables (void)
{
  g_autoptr(OutlayImportResult) r = check_csv ("Production\n"
                                                "Description,Qty,Rate,Amount\n"
                                                "Camera package,2,500,1000\n"
                                                "Lighting truck,1,800,800\n"
                                                "Grip package,1,450,450\n"
                                                "Total,,,2250\n"
                                                ",,,\n"
                                                "Post-production\n"
                                                "Item,Quantity,Rate,Total\n"
                                                "Editor,10,80,800\n"
                                                "Colourist,2,120,240\n"
                                                "Sound mix,1,600,600\n"
                                                "Total,,,1640\n",
                                                NULL);

  g_assert_cmpuint (r->rows_imported, ==, 6);
  g_assert_cmpuint (r->rows_skipped, ==, 0);
  g_assert_cmpuint (r->sections->len, ==, 2);
  assert_section (r, 0, "Production", 3, "2250");
  assert_section (r, 1, "Post-production", 3, "1640");
  g_assert_cmpint (r->estimate, ==, dec ("3890"));
  /* each table's total is its own, not a mismatch with the whole */
  g_assert_cmpuint (r->warnings->len, ==, 0);
}

/* The same without titles: one table's lines after the other's. */
static void
test_stacked_tables_untitled (void)
{
  g_autoptr(OutlayImportResult) r = check_csv ("Description,Qty,Rate,Amount\n"
                                                "Camera package,2,500,1000\n"
                                                "Lighting truck,1,800,800\n"
                                                ",,,\n"
                                                "Description,Qty,Rate,Amount\n"
                                                "Editor,10,80,800\n"
                                                "Colourist,2,120,240\n",
                                                NULL);

  g_assert_cmpuint (r->rows_imported, ==, 4);
  g_assert_cmpuint (r->rows_skipped, ==, 0);
  g_assert_cmpint (r->estimate, ==, dec ("2840"));
}

/* Quarters across with a yearly total: the total is the estimate and the
 * quarters are left out, with a warning. */
static void
test_quarters_total (void)
{
  g_autoptr(OutlayImportAnalysis) a = NULL;
  g_autoptr(OutlayImportResult) r = check_csv ("Department,Q1,Q2,Q3,Q4,Total\n"
                                                "Marketing,10,20,30,40,100\n"
                                                "Sales,5,5,5,5,20\n"
                                                "Support,1,2,3,4,10\n"
                                                "R&D,7,8,9,10,34\n",
                                                &a);

  g_assert_cmpint (column (a, 5)->field, ==, F (ESTIMATE));
  for (guint c = 1; c < 5; c++)
    g_assert_cmpint (column (a, c)->field, ==, F (IGNORE));
  g_assert_true (warned (a, "4 quarter columns"));
  g_assert_cmpuint (r->rows_imported, ==, 4);
  g_assert_cmpint (r->estimate, ==, dec ("164"));
}

/* Quarters written every which way and no total: the quarters add up to
 * the estimate. */
static void
test_quarters_summed (void)
{
  g_autoptr(OutlayImportAnalysis) a = NULL;
  g_autoptr(OutlayImportResult) r = check_csv ("Account,Description,Q1 2025,Qtr 2,3rd Quarter,"
                                                "Quarter 4\n"
                                                "6100,Salaries,100,100,120,120\n"
                                                "6200,Rent,50,50,50,50\n"
                                                "6300,Travel,10,0,15,5\n"
                                                "6400,Software,30,,30,\n",
                                                &a);

  for (guint c = 2; c < 6; c++)
    g_assert_cmpint (column (a, c)->field, ==, F (IGNORE));
  g_assert_true (warned (a, "4 quarter columns"));
  g_assert_cmpuint (r->rows_imported, ==, 4);
  g_assert_cmpuint (r->rows_skipped, ==, 0);
  g_assert_cmpint (r->estimate, ==, dec ("730"));
  assert_section (r, 0, "sheet", 4, "730");
  g_assert_false (warned (a, "No column looks like an amount"));
}

#define CELL_S(ref, i) "<c r=\"" ref "\" t=\"s\"><v>" #i "</v></c>"
#define CELL_N(ref, n) "<c r=\"" ref "\"><v>" #n "</v></c>"

/* Categories in cells merged down the first column: only each group's
 * first row holds the text, and every row below it is in that category. */
static void
test_merged_categories (void)
{
  const char *strings = "<si><t>Category</t></si><si><t>Item</t></si><si><t>Amount</t></si>"
                        "<si><t>Travel</t></si><si><t>Flights</t></si><si><t>Hotel</t></si>"
                        "<si><t>Taxis</t></si><si><t>Office</t></si><si><t>Rent</t></si>"
                        "<si><t>Power</t></si>";
  const char *rows = "<row r=\"1\">" CELL_S ("A1", 0) CELL_S ("B1", 1) CELL_S (
      "C1", 2) "</row>"
               "<row r=\"2\">" CELL_S ("A2", 3) CELL_S ("B2", 4) CELL_N (
                   "C2", 1200) "</row>"
                               "<row r=\"3\"><c r=\"A3\"/>" CELL_S ("B3", 5) CELL_N (
                                   "C3",
                                   800) "</row>"
                                        "<row r=\"4\">" CELL_S ("B4", 6) CELL_N (
                                            "C4",
                                            90) "</row>"
                                                "<row r=\"5\">" CELL_S ("A5", 7) CELL_S ("B5", 8)
                                                    CELL_N ("C5",
                                                            2000) "</row>"
                                                                  "<row r=\"6\">" CELL_S ("B6", 9)
                                                                      CELL_N ("C6", 300) "</row>";
  g_autofree char *sheet = g_strdup_printf ("<worksheet " MAIN_NS "><sheetData>%s</sheetData>"
                                            "<mergeCells count=\"2\"><mergeCell ref=\"A2:A4\"/>"
                                            "<mergeCell ref=\"A5:A6\"/></mergeCells></worksheet>",
                                            rows);
  g_autofree char *sst = g_strdup_printf ("<sst " MAIN_NS ">%s</sst>", strings);
  Member members[] = {
    { "[Content_Types].xml", "<Types/>" },
    { "xl/workbook.xml", WORKBOOK_XML },
    { "xl/_rels/workbook.xml.rels", RELS_XML },
    { "xl/worksheets/sheet1.xml", sheet },
    { "xl/sharedStrings.xml", sst },
  };
  g_autoptr(GBytes) bytes = build_zip (members, G_N_ELEMENTS (members));
  g_autoptr(OutlayImportResult) r = check_workbook (bytes, "merged.xlsx", NULL);

  g_assert_cmpuint (r->rows_imported, ==, 5);
  g_assert_cmpuint (r->sections->len, ==, 2);
  assert_section (r, 0, "Travel", 3, "2090");
  assert_section (r, 1, "Office", 2, "2300");
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-shapes/mapping/text-not-numeric", test_text_column_not_numeric);
  g_test_add_func ("/import-shapes/mapping/text-under-money-header", test_text_under_money_header);
  g_test_add_func ("/import-shapes/mapping/abbreviations", test_abbreviations);
  g_test_add_func ("/import-shapes/mapping/abbreviated-amounts", test_abbreviations_amounts);
  g_test_add_func ("/import-shapes/wide/months-and-year", test_wide_months);
  g_test_add_func ("/import-shapes/wide/months-and-total", test_wide_months_total);
  g_test_add_func ("/import-shapes/stacked/titled", test_stacked_tables);
  g_test_add_func ("/import-shapes/stacked/untitled", test_stacked_tables_untitled);
  g_test_add_func ("/import-shapes/quarters/total", test_quarters_total);
  g_test_add_func ("/import-shapes/quarters/summed", test_quarters_summed);
  g_test_add_func ("/import-shapes/merged/categories", test_merged_categories);
  return g_test_run ();
}
