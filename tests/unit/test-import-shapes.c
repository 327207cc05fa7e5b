/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Sheets as other people write them: columns a person would not call a
 * number, abbreviated headers, wide FP&A sheets with a column per month.
 * Every sheet is built here, row by row. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "outlay-import-analysis.h"

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
  return g_test_run ();
}
