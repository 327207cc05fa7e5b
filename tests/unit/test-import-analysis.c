/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include <xlsxwriter.h>

#include "outlay-import-analysis.h"

#define F(x) OUTLAY_IMPORT_FIELD_##x

/* ---- building rows in code ---- */

/* Adds a row from "Code|Description|n:12|d:2025-01-07|" — cells split at
 * '|', "n:" a NUMBER, "d:" a DATE, "e:" an ERROR, "" nothing. */
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
      else if (g_str_has_prefix (parts[i], "d:"))
        c.kind = OUTLAY_CELL_DATE, c.text = parts[i] + 2, c.number = "45000";
      else if (g_str_has_prefix (parts[i], "e:"))
        c.kind = OUTLAY_CELL_ERROR, c.text = parts[i] + 2;
      c.length = strlen (c.text);
      g_array_append_val (cells, c);
    }
  row.n_cells = cells->len;
  row.cells = (const OutlayCell *) cells->data;
  outlay_sheet_sample_add_row (sample, &row);
}

/* A sheet from rows, numbered from 1; NULL ends. */
static OutlaySheetSample *
sheet_of (const char * const *rows)
{
  OutlaySheetSample *s = outlay_sheet_sample_new ();

  for (guint i = 0; rows[i] != NULL; i++)
    add (s, i + 1, rows[i]);
  return s;
}

static OutlayImportAnalysis *
analyze_rows (const char *file_name, const char * const *rows)
{
  g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_sheet_sample_free);

  g_ptr_array_add (samples, sheet_of (rows));
  return outlay_import_analyze_samples (file_name, samples, NULL, -1, OUTLAY_DECIMAL_STYLE_AUTO);
}

static OutlayImportField
field_of (OutlayImportAnalysis *a, guint column)
{
  GPtrArray *columns = outlay_import_analysis_get_columns (a);

  g_assert_cmpuint (column, <, columns->len);
  return ((OutlayColumnMapping *) columns->pdata[column])->field;
}

static void
dump (OutlayImportAnalysis *a)
{
  GPtrArray *columns = outlay_import_analysis_get_columns (a);
  double conf;
  OutlayFileKind kind = outlay_import_analysis_get_kind (a, &conf);

  g_test_message ("sheet %u, header row %u (%u rows), kind %s %.2f, signature %s",
                  outlay_import_analysis_get_sheet (a), outlay_import_analysis_get_header_row (a),
                  outlay_import_analysis_get_header_rows (a), outlay_file_kind_name (kind), conf,
                  outlay_import_analysis_get_signature (a));
  for (guint i = 0; i < columns->len; i++)
    {
      OutlayColumnMapping *m = columns->pdata[i];

      g_test_message ("  %u “%s” → %s %.2f", m->column, m->header,
                      outlay_import_field_name (m->field), m->confidence);
    }
  for (const char * const *r = outlay_import_analysis_get_reasons (a); *r != NULL; r++)
    g_test_message ("  reason: %s", *r);
  for (guint i = 0; i < outlay_import_analysis_get_warnings (a)->len; i++)
    g_test_message ("  warning: %s", (char *) outlay_import_analysis_get_warnings (a)->pdata[i]);
}

/* Asserts the mapping: one field name per column, "" to skip a column. */
static void
assert_fields (OutlayImportAnalysis *a, const char * const *names)
{
  dump (a);
  for (guint i = 0; names[i] != NULL; i++)
    if (*names[i] != '\0')
      g_assert_cmpstr (outlay_import_field_name (field_of (a, i)), ==, names[i]);
}

/* Classifies a row built from @spec as row @number of the analysed sheet. */
static OutlayRowKind
classify (OutlayImportAnalysis *a, guint number, const char *spec, char **code, char **name)
{
  g_autoptr(OutlaySheetSample) s = outlay_sheet_sample_new ();

  add (s, number, spec);
  return outlay_import_analysis_classify_row (a, outlay_sheet_sample_get_row (s, 0), code, name);
}

/* ---- fields ---- */

static void
test_field_names (void)
{
  for (guint f = 0; f < OUTLAY_IMPORT_N_FIELDS; f++)
    {
      OutlayImportField back = OUTLAY_IMPORT_N_FIELDS;

      g_assert_true (outlay_import_field_from_name (outlay_import_field_name (f), &back));
      g_assert_cmpuint (back, ==, f);
      g_assert_cmpstr (outlay_import_field_title (f), !=, "");
    }
  g_assert_cmpstr (outlay_import_field_name (F (QTY)), ==, "qty");
  g_assert_cmpstr (outlay_import_field_name (F (DERIVED)), ==, "derived");
  g_assert_false (outlay_import_field_from_name ("quantity", &(OutlayImportField) { 0 }));
  g_assert_cmpstr (outlay_file_kind_name (OUTLAY_FILE_KIND_EXPENSE_REPORT), ==, "expense_report");
}

/* ---- headers ---- */

static const char * const budget_body[] = {
  "1|Camera operator|n:3|Days|n:950|n:2850|n:2700|",
  "2|Sound mixer|n:2|Days|n:800|n:1600|n:1650|",
  "3|Grip truck|n:1|Flat|n:450|n:450||",
  "4|Gaffer|n:3|Days|n:700|n:2100|n:2050|",
  "5|Best boy|n:3|Days|n:520|n:1560|n:1500|",
  NULL,
};

static OutlayImportAnalysis *
analyze_header_and_body (const char *header)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  g_ptr_array_add (rows, (gpointer) header);
  for (guint i = 0; budget_body[i] != NULL; i++)
    g_ptr_array_add (rows, (gpointer) budget_body[i]);
  g_ptr_array_add (rows, NULL);
  return analyze_rows ("test.csv", (const char * const *) rows->pdata);
}

static void
test_header_typos (void)
{
  g_autoptr(OutlayImportAnalysis) a =
    analyze_header_and_body ("Lne|Descriptoin|Quantitiy|Unti|Rtae|Estmate|Actaul");

  g_assert_cmpuint (outlay_import_analysis_get_header_row (a), ==, 1);
  assert_fields (a, (const char *[]) { "", "description", "qty", "unit", "rate", "estimate", "actual", NULL });
}

static void
test_header_languages (void)
{
  g_autoptr(OutlayImportAnalysis) de =
    analyze_header_and_body ("Pos.|Beschreibung|Menge|Einheit|Einzelpreis|Betrag (EUR)|Ist-Kosten");
  g_autoptr(OutlayImportAnalysis) fr =
    analyze_header_and_body ("N°|Désignation|Quantité|Unité|Prix unitaire|Montant|Montant réel");
  g_autoptr(OutlayImportAnalysis) es =
    analyze_header_and_body ("Código|Concepto|Cantidad|Unidad|Precio unitario|Importe|Gasto real");

  assert_fields (de, (const char *[]) { "code", "description", "qty", "unit", "rate", "estimate", "actual", NULL });
  assert_fields (fr, (const char *[]) { "code", "description", "qty", "unit", "rate", "estimate", "actual", NULL });
  assert_fields (es, (const char *[]) { "code", "description", "qty", "unit", "rate", "estimate", "actual", NULL });
}

static void
test_header_decorations (void)
{
  g_autoptr(OutlayImportAnalysis) a =
    analyze_header_and_body ("Acct #|Item Description|Hours|Per|Rate/hr ($)|Cost (USD)|Spent to date|Over/Under|Var %");

  assert_fields (a, (const char *[]) { "code", "description", "qty", "unit", "rate", "estimate", "actual",
                                       "derived", "derived", NULL });
}

static void
test_header_title_block (void)
{
  const char *rows[] = {
    "ACME PRODUCTIONS — BUDGET ESTIMATE",
    "Client:|Northwind|Job #:|NW-1|Date:|d:2025-03-14",
    "Prepared by:|J. Doe|Shoot days:|n:3",
    "",
    "Code|Description|Qty|Unit|Rate|Estimate|Actual|Notes",
    "A: Crew",
    "1|Camera operator|n:3|Days|n:950|n:2850|n:2700|",
    "2|Sound mixer|n:2|Days|n:800|n:1600|n:1650|",
    "Total A: Crew||||||n:4450|n:4350|",
    "",
    "B: Equipment",
    "3|Camera package|n:3|Days|n:1200|n:3600|n:3600|owner-op",
    "Code|Description|Qty|Unit|Rate|Estimate|Actual|Notes",
    "4|Lenses|n:3|Days|n:400|n:1200||",
    "Total B: Equipment||||||n:4800|n:3600|",
    "GRAND TOTAL||||||n:9250|n:7950|",
    NULL,
  };
  g_autoptr(OutlayImportAnalysis) a = analyze_rows ("crew.xlsx", rows);
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  const OutlayRowKind kinds[] = {
    OUTLAY_ROW_TEXT, OUTLAY_ROW_TEXT, OUTLAY_ROW_TEXT, OUTLAY_ROW_BLANK, OUTLAY_ROW_HEADER,
    OUTLAY_ROW_SECTION, OUTLAY_ROW_LINE, OUTLAY_ROW_LINE, OUTLAY_ROW_SUBTOTAL, OUTLAY_ROW_BLANK,
    OUTLAY_ROW_SECTION, OUTLAY_ROW_LINE, OUTLAY_ROW_HEADER, OUTLAY_ROW_LINE, OUTLAY_ROW_SUBTOTAL,
    OUTLAY_ROW_TOTAL,
  };

  g_assert_cmpuint (outlay_import_analysis_get_header_row (a), ==, 5);
  g_assert_cmpuint (outlay_import_analysis_get_header_rows (a), ==, 1);
  assert_fields (a, (const char *[]) { "code", "description", "qty", "unit", "rate", "estimate", "actual", "notes", NULL });
  g_assert_cmpint (outlay_import_analysis_get_kind (a, NULL), ==, OUTLAY_FILE_KIND_BUDGET);
  g_assert_cmpstr (outlay_import_analysis_get_signature (a), ==,
                   "code|description|qty|unit|rate|estimate|actual|notes");
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *c = NULL;
      g_autofree char *n = NULL;

      g_assert_cmpstr (outlay_row_kind_name (classify (a, i + 1, rows[i], &c, &n)), ==,
                       outlay_row_kind_name (kinds[i]));
      g_assert_true (kinds[i] == OUTLAY_ROW_SECTION || (c == NULL && n == NULL));
    }
  g_assert_cmpint (classify (a, 11, rows[10], &code, &name), ==, OUTLAY_ROW_SECTION);
  g_assert_cmpstr (code, ==, "B");
  g_assert_cmpstr (name, ==, "Equipment");
}

static void
test_header_two_rows (void)
{
  const char *rows[] = {
    "Production budget",
    "",
    "Code|Description|Estimated|||Actual|||Notes",
    "||Qty|Rate|Total|Qty|Rate|Total|",
    "101|Director|n:5|n:2000|n:10000|n:5|n:2100|n:10500|",
    "102|Producer|n:10|n:900|n:9000|n:11|n:900|n:9900|",
    "103|Editor|n:8|n:600|n:4800|n:6|n:600|n:3600|late",
    "104|Colourist|n:2|n:1100|n:2200|||",
    "105|Runner|n:10|n:150|n:1500|n:10|n:150|n:1500|",
    NULL,
  };
  g_autoptr(OutlayImportAnalysis) a = analyze_rows ("two.ods", rows);
  GPtrArray *columns = outlay_import_analysis_get_columns (a);

  g_assert_cmpuint (outlay_import_analysis_get_header_row (a), ==, 4);
  g_assert_cmpuint (outlay_import_analysis_get_header_rows (a), ==, 2);
  assert_fields (a, (const char *[]) { "code", "description", "qty", "rate", "estimate", "ignore", "ignore",
                                       "actual", "notes", NULL });
  g_assert_cmpstr (((OutlayColumnMapping *) columns->pdata[4])->header, ==, "Estimated Total");
  g_assert_cmpstr (((OutlayColumnMapping *) columns->pdata[7])->header, ==, "Actual Total");
  g_assert_cmpstr (((OutlayColumnMapping *) columns->pdata[1])->header, ==, "Description");
  g_assert_cmpint (classify (a, 3, rows[2], NULL, NULL), ==, OUTLAY_ROW_HEADER);
  g_assert_cmpint (classify (a, 1, rows[0], NULL, NULL), ==, OUTLAY_ROW_TEXT);
  g_assert_cmpint (classify (a, 6, rows[5], NULL, NULL), ==, OUTLAY_ROW_LINE);
}

static void
test_header_none (void)
{
  const char *rows[] = {
    "n:12|n:3.5|n:42|n:40",
    "n:2|n:150|n:300|n:310",
    "n:4|n:25|n:100|",
    "n:1|n:999.99|n:999.99|n:1000",
    "n:6|n:12.25|n:73.5|n:70",
    "n:3|n:80|n:240|n:200",
    NULL,
  };
  g_autoptr(OutlayImportAnalysis) a = analyze_rows ("numbers.csv", rows);
  GPtrArray *columns = outlay_import_analysis_get_columns (a);

  g_assert_cmpuint (outlay_import_analysis_get_header_row (a), ==, 0);
  g_assert_cmpuint (outlay_import_analysis_get_header_rows (a), ==, 0);
  g_assert_cmpuint (columns->len, ==, 4);
  g_assert_cmpstr (((OutlayColumnMapping *) columns->pdata[0])->header, ==, "A");
  g_assert_cmpstr (((OutlayColumnMapping *) columns->pdata[3])->header, ==, "D");
  assert_fields (a, (const char *[]) { "qty", "rate", "estimate", "actual", NULL });
  g_assert_cmpstr (outlay_import_analysis_get_signature (a), ==, "no-header:4");
  g_assert_cmpint (classify (a, 1, rows[0], NULL, NULL), ==, OUTLAY_ROW_LINE);
  g_assert_cmpuint (outlay_import_analysis_get_warnings (a)->len, >=, 1);
}

static void
test_header_none_with_text (void)
{
  const char *rows[] = {
    "Labor|L-001|Senior design crew|n:12|Days|n:500|n:6000",
    "Labor|L-002|Junior design crew|n:10|Days|n:300|n:3000",
    "Travel|T-001|Flights to the location|n:4|Each|n:420|n:1680",
    "Travel|T-002|Hotel rooms for the crew|n:12|Nights|n:140|n:1680",
    "Labor|L-003|Production assistant|n:15|Days|n:180|n:2700",
    "Equipment|E-001|Camera package rental|n:5|Days|n:900|n:4500",
    NULL,
  };
  g_autoptr(OutlayImportAnalysis) a = analyze_rows ("bare.csv", rows);

  g_assert_cmpuint (outlay_import_analysis_get_header_row (a), ==, 0);
  assert_fields (a, (const char *[]) { "category", "code", "description", "qty", "", "rate", "estimate", NULL });
}

/* ---- mapping ---- */

static void
test_mapping_total_is_estimate (void)
{
  g_autoptr(OutlayImportAnalysis) a =
    analyze_header_and_body ("No.|Item|Qty|Unit|Price|Total|Paid");

  assert_fields (a, (const char *[]) { "code", "description", "qty", "unit", "rate", "estimate", "actual", NULL });
  g_assert_cmpfloat (((OutlayColumnMapping *) outlay_import_analysis_get_columns (a)->pdata[5])->confidence,
                     >=, 0.7);
}

static void
test_mapping_unique (void)
{
  const char *rows[] = {
    "Task ID|Task|Phase|Est. Hours|Hourly Rate|Est. Cost|Actual Hours|Actual Cost|Status|Due Date",
    "T-1|Interviews|Discovery|n:20|n:120|n:2400|n:21.5|n:2580|Done|d:2025-01-07",
    "T-2|Workshop|Discovery|n:4|n:145|n:580|n:4|n:580|Done|d:2025-01-08",
    "T-3|Audit|Discovery|n:80|n:120|n:9600|n:60|n:7200|In progress|d:2025-01-14",
    "T-4|Wireframes|Design|n:40|n:95|n:3800||n:0|Not started|d:2025-02-01",
    "T-5|Prototype|Design|n:60|n:95|n:5700|n:62|n:5890|Done|d:2025-02-10",
    NULL,
  };
  const char *amounts[] = {
    "Description|Amount|Amount|Amount",
    "Rent|n:100|n:200|n:300",
    "Power|n:10|n:20|n:30",
    "Water|n:5|n:6|n:7",
    NULL,
  };
  g_autoptr(OutlayImportAnalysis) a = analyze_rows ("project.xlsx", rows);
  g_autoptr(OutlayImportAnalysis) b = analyze_rows ("three.csv", amounts);
  guint estimates = 0;

  assert_fields (a, (const char *[]) { "code", "description", "category", "qty", "rate", "estimate", "ignore",
                                       "actual", "notes", "date", NULL });
  dump (b);
  for (guint i = 0; i < 4; i++)
    estimates += field_of (b, i) == F (ESTIMATE);
  g_assert_cmpuint (estimates, ==, 1);
  g_assert_cmpint (field_of (b, 1), ==, F (ESTIMATE));
}

static void
test_mapping_text_amount (void)
{
  const char *rows[] = {
    "Description|Amount|Budget",
    "Rent|monthly|n:1200",
    "Power|quarterly|n:300",
    "Water|yearly|n:80",
    "Cleaning|weekly|n:400",
    NULL,
  };
  g_autoptr(OutlayImportAnalysis) a = analyze_rows ("text.csv", rows);
  GPtrArray *warnings = outlay_import_analysis_get_warnings (a);
  gboolean warned = FALSE;

  assert_fields (a, (const char *[]) { "description", "", "estimate", NULL });
  g_assert_cmpint (field_of (a, 1), !=, F (ESTIMATE));
  for (guint i = 0; i < warnings->len; i++)
    warned |= strstr (warnings->pdata[i], "“Amount”") != NULL;
  g_assert_true (warned);
}

static void
test_mapping_unnamed_product (void)
{
  const char *rows[] = {
    "Description|Qty|Rate||Remarks",
    "Hotel nights|n:12|n:140|n:1680|",
    "Flights|n:4|n:420|n:1680|economy",
    "Per diems|n:30|n:55|n:1650|",
    "Car rental|n:6|n:75.5|n:453|",
    NULL,
  };
  g_autoptr(OutlayImportAnalysis) a = analyze_rows ("travel.csv", rows);

  assert_fields (a, (const char *[]) { "description", "qty", "rate", "estimate", "notes", NULL });
  g_assert_cmpint (outlay_import_analysis_find_field (a, F (ESTIMATE)), ==, 3);
}

static void
test_mapping_overrides (void)
{
  g_autoptr(OutlayImportAnalysis) a =
    analyze_header_and_body ("Line|Description|Qty|Unit|Rate|Estimate|Actual");
  GPtrArray *columns = outlay_import_analysis_get_columns (a);

  outlay_import_analysis_set_field (a, 6, F (ESTIMATE));
  g_assert_cmpint (field_of (a, 6), ==, F (ESTIMATE));
  g_assert_cmpint (field_of (a, 5), ==, F (IGNORE));
  g_assert_cmpfloat (((OutlayColumnMapping *) columns->pdata[6])->confidence, ==, 1.0);
  outlay_import_analysis_set_field (a, 5, F (DERIVED));
  outlay_import_analysis_set_field (a, 3, F (DERIVED));
  g_assert_cmpint (field_of (a, 5), ==, F (DERIVED));
  g_assert_cmpint (field_of (a, 3), ==, F (DERIVED));

  /* the user says the header is the first data row: it remaps */
  outlay_import_analysis_set_header_row (a, 2);
  g_assert_cmpuint (outlay_import_analysis_get_header_row (a), ==, 2);
  g_assert_cmpint (classify (a, 1, "Line|Description", NULL, NULL), ==, OUTLAY_ROW_TEXT);
  outlay_import_analysis_set_header_row (a, 1);
  g_assert_cmpint (field_of (a, 6), ==, F (ACTUAL));
  outlay_import_analysis_set_header_row (a, 0);
  g_assert_cmpuint (outlay_import_analysis_get_header_row (a), ==, 0);
  g_assert_cmpstr (((OutlayColumnMapping *) columns->pdata[0])->header, ==, "A");
}

/* ---- rows ---- */

static void
test_rows_sections (void)
{
  const struct { const char *text, *code, *name; } ok[] = {
    { "A: Pre-production wages", "A", "Pre-production wages" },
    { "1100 STORY & RIGHTS", "1100", "STORY & RIGHTS" },
    { "A. Personnel", "A", "Personnel" },
    { "Section 3 - Travel", "3", "Travel" },
    { "Travel", NULL, "Travel" },
    { "  Travel & Living:  ", NULL, "Travel & Living" },
    { "(B) Equipment", "B", "Equipment" },
    { "1.2 – Camera\ndepartment", "1.2", "Camera department" },
    { "A Camera Unit", NULL, "A Camera Unit" },
    { "IV) Post-production", "IV", "Post-production" },
    { "Department overheads", NULL, "Department overheads" },
  };
  const char * const not_headings[] = {
    "Client: Northwind Coffee Co.",
    "Note: prices exclude VAT",
    "Please remit payment within 30 days of the invoice date to the account below.",
    "All amounts in USD",
    "1234.50",
  };

  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      g_autofree char *code = NULL;
      g_autofree char *name = NULL;

      g_assert_true (outlay_import_parse_section (ok[i].text, &code, &name));
      g_assert_cmpstr (code, ==, ok[i].code);
      g_assert_cmpstr (name, ==, ok[i].name);
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_headings); i++)
    {
      g_autofree char *code = NULL;
      g_autofree char *name = NULL;

      g_assert_false (outlay_import_parse_section (not_headings[i], &code, &name));
      g_assert_null (code);
      g_assert_null (name);
    }
}

static void
test_rows_section_cells (void)
{
  g_autoptr(OutlayImportAnalysis) a =
    analyze_header_and_body ("Line|Description|Qty|Unit|Rate|Estimate|Actual|Notes");
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *code2 = NULL;
  g_autofree char *name2 = NULL;

  g_assert_cmpint (classify (a, 10, "1100|STORY & RIGHTS", &code, &name), ==, OUTLAY_ROW_SECTION);
  g_assert_cmpstr (code, ==, "1100");
  g_assert_cmpstr (name, ==, "STORY & RIGHTS");
  g_assert_cmpint (classify (a, 10, "n:2000|Travel", &code2, &name2), ==, OUTLAY_ROW_SECTION);
  g_assert_cmpstr (code2, ==, "2000");
  g_assert_cmpstr (name2, ==, "Travel");
  g_assert_cmpint (classify (a, 10, "|Travel||||||see note", NULL, NULL), ==, OUTLAY_ROW_SECTION);
  g_assert_cmpint (classify (a, 10, "|Prepared by: J. Doe", NULL, NULL), ==, OUTLAY_ROW_TEXT);
  g_assert_cmpint (classify (a, 10, "7|Grip|Days||||Truck", NULL, NULL), ==, OUTLAY_ROW_TEXT);
  g_assert_cmpint (classify (a, 10, "", NULL, NULL), ==, OUTLAY_ROW_BLANK);
  g_assert_cmpint (classify (a, 10, "|   ", NULL, NULL), ==, OUTLAY_ROW_BLANK);
  g_assert_cmpint (classify (a, 10, "9|Drone|n:1|Day|n:800|e:#VALUE!", NULL, NULL), ==, OUTLAY_ROW_LINE);
  g_assert_cmpint (classify (a, 10, "9|Drone||||1.234,50 €", NULL, NULL), ==, OUTLAY_ROW_LINE);
  g_assert_cmpint (classify (a, 10, "Line|Description|Qty|Unit|Rate|Estimate|Actual", NULL, NULL), ==,
                   OUTLAY_ROW_HEADER);
  g_assert_cmpint (classify (a, 1, "Line|Description|Qty|Unit|Rate|Estimate|Actual", NULL, NULL), ==,
                   OUTLAY_ROW_HEADER);
}

static void
test_rows_totals (void)
{
  g_autoptr(OutlayImportAnalysis) a =
    analyze_header_and_body ("Line|Description|Qty|Unit|Rate|Estimate|Actual|Notes");
  const struct { const char *row; OutlayRowKind kind; } cases[] = {
    { "Total A: Pre-production wages|||||n:47230|n:44656.27", OUTLAY_ROW_SUBTOTAL },
    { "|Subtotal||||n:100|n:90", OUTLAY_ROW_SUBTOTAL },
    { "|Sub-total||||n:100|n:90", OUTLAY_ROW_SUBTOTAL },
    { "|Total Travel||||n:100|n:90", OUTLAY_ROW_SUBTOTAL },
    { "|Travel total||||n:100|n:90", OUTLAY_ROW_SUBTOTAL },
    { "|Zwischensumme||||n:100", OUTLAY_ROW_SUBTOTAL },
    { "GRAND TOTAL (direct costs)|||||n:557068|n:474487.03", OUTLAY_ROW_TOTAL },
    { "TOTAL||||||1.135.129,72|1.096.407,12", OUTLAY_ROW_TOTAL },
    { "|TOTAL|n:1642|||n:197800|n:162303", OUTLAY_ROW_TOTAL },
    { "|Total budget||||n:100", OUTLAY_ROW_TOTAL },
    { "|Total direct costs||||n:100", OUTLAY_ROW_TOTAL },
    { "|Summe||||n:100", OUTLAY_ROW_TOTAL },
    { "|Gesamt||||n:100", OUTLAY_ROW_TOTAL },
    { "|Total général||||n:100", OUTLAY_ROW_TOTAL },
    { "||||Total|n:100|n:90", OUTLAY_ROW_TOTAL },
    { "|||||n:100|n:90", OUTLAY_ROW_SUBTOTAL },
    { "12|Total station rental|n:2|Days|n:80|n:160|", OUTLAY_ROW_LINE },
    { "13|Summer camp|n:2|Days|n:80|n:160|", OUTLAY_ROW_LINE },
    { "14|Subtitles|n:1|Flat|n:300|n:300|", OUTLAY_ROW_LINE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      OutlayRowKind k = classify (a, 20, cases[i].row, NULL, NULL);

      if (k != cases[i].kind)
        g_error ("“%s” is %s, expected %s", cases[i].row, outlay_row_kind_name (k),
                 outlay_row_kind_name (cases[i].kind));
    }
}

/* ---- sheets and kinds ---- */

static void
test_sheet_choice (void)
{
  const char *summary[] = {
    "Firm bid summary",
    "",
    "Section|Description|Estimate|Actual|Variance",
    "A|Crew|n:4450|n:4350|n:100",
    "B|Equipment|n:4800|n:3600|n:1200",
    "Direct costs subtotal||n:9250|n:7950|n:1300",
    "Production fee (12%)||n:1110||",
    NULL,
  };
  const char *rate_card[] = {
    "Name|Team|Hourly Rate",
    "Priya|Discovery|n:145",
    "Tom|Discovery|n:120",
    "Ana|Design|n:115",
    NULL,
  };
  g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_sheet_sample_free);
  g_autoptr(GPtrArray) detail = g_ptr_array_new ();
  char *names[] = { "Summary", "Rate Card", "Detail", NULL };
  g_autoptr(OutlayImportAnalysis) a = NULL;
  g_autoptr(OutlayImportAnalysis) forced = NULL;

  g_ptr_array_add (detail, "Code|Description|Qty|Unit|Rate|Estimate|Actual");
  g_ptr_array_add (detail, "A: Crew");
  for (guint i = 0; i < 30; i++)
    g_ptr_array_add (detail, (gpointer) budget_body[i % 5]);
  g_ptr_array_add (detail, "Total A: Crew|||||n:9999|n:9999");
  g_ptr_array_add (detail, NULL);
  g_ptr_array_add (samples, sheet_of (summary));
  g_ptr_array_add (samples, sheet_of (rate_card));
  g_ptr_array_add (samples, sheet_of ((const char * const *) detail->pdata));
  a = outlay_import_analyze_samples ("bid.xlsx", samples, names, -1, OUTLAY_DECIMAL_STYLE_POINT);
  dump (a);
  g_assert_cmpuint (outlay_import_analysis_get_sheet (a), ==, 2);
  g_assert_cmpstr (outlay_import_analysis_get_sheet_name (a), ==, "Detail");
  forced = outlay_import_analyze_samples ("bid.xlsx", samples, names, 0, OUTLAY_DECIMAL_STYLE_POINT);
  g_assert_cmpuint (outlay_import_analysis_get_sheet (forced), ==, 0);
  g_assert_cmpuint (outlay_import_analysis_get_header_row (forced), ==, 3);
}

static OutlayFileKind
kind_of (const char *file_name, const char * const *rows, double *confidence)
{
  g_autoptr(OutlayImportAnalysis) a = analyze_rows (file_name, rows);

  dump (a);
  g_assert_nonnull (outlay_import_analysis_get_reasons (a)[0]);
  return outlay_import_analysis_get_kind (a, confidence);
}

static void
test_kinds (void)
{
  const char *payroll[] = {
    "Emp #|Name|Period|Hours|OT Hours|Rate|Gross Pay|Withholding|FICA|Net Pay",
    "1|Ann|2025-03|n:80|n:2|n:30|n:2490|n:300|n:190|n:2000",
    "2|Bob|2025-03|n:80|n:0|n:25|n:2000|n:240|n:153|n:1607",
    NULL,
  };
  const char *invoice[] = {
    "Invoice",
    "Studio Rentals Ltd||Invoice No.|4711",
    "Bill to:||Date|d:2025-03-01",
    "",
    "Item|Description|Qty|Unit Price|Amount",
    "1|Stage A, 3 days|n:3|n:1500|n:4500",
    "2|Lighting kit|n:1|n:800|n:800",
    "3|Power|n:1|n:200|n:200",
    "|||Subtotal|n:5500",
    "|||VAT 20%|n:1100",
    "|||Amount due|n:6600",
    NULL,
  };
  const char *expenses[] = {
    "Date|Employee|Merchant|Category|Description|Payment Method|Amount|Receipt",
    "d:2025-02-03|Grace|Uber|Travel|Taxi to set|Corporate Card|n:23.50|Yes",
    "d:2025-02-04|Sofia|Staples|Office|Paper|Personal Card|n:12.99|No",
    "d:2025-02-05|Grace|Hilton|Lodging|Hotel|Corporate Card|n:180|Yes",
    NULL,
  };
  const char *contacts[] = {
    "Name|Email|Phone",
    "Ann|ann@example.com|555 123",
    "Bob|bob@example.com|555 456",
    NULL,
  };
  double c = 0;

  g_assert_cmpint (kind_of ("march.csv", payroll, &c), ==, OUTLAY_FILE_KIND_PAYROLL);
  g_assert_cmpfloat (c, >, 0.6);
  g_assert_cmpint (kind_of ("4711.xlsx", invoice, &c), ==, OUTLAY_FILE_KIND_INVOICE);
  g_assert_cmpfloat (c, >, 0.6);
  g_assert_cmpint (kind_of ("feb.csv", expenses, &c), ==, OUTLAY_FILE_KIND_EXPENSE_REPORT);
  g_assert_cmpfloat (c, >, 0.6);
  g_assert_cmpint (kind_of ("people.csv", contacts, &c), ==, OUTLAY_FILE_KIND_UNKNOWN);
}

static void
test_sample_limits (void)
{
  g_autoptr(OutlaySheetSample) s = outlay_sheet_sample_new ();
  g_autofree char *big = g_strnfill (OUTLAY_SHEET_SAMPLE_MAX_TEXT + 100, 'x');
  g_autofree char *utf8 = NULL;
  OutlayCell cells[2] = {
    { 0, OUTLAY_CELL_STRING, big, strlen (big), NULL, 1, 0 },
    { 1, OUTLAY_CELL_DATE, "2025-01-07", 10, "45664", 1, 0 },
  };
  OutlayRow row = { 7, 2, cells };
  const OutlayRow *copy;

  /* "é" straddling the cut: the copy stays valid UTF-8 */
  big[OUTLAY_SHEET_SAMPLE_MAX_TEXT - 1] = (char) 0xC3;
  big[OUTLAY_SHEET_SAMPLE_MAX_TEXT] = (char) 0xA9;
  outlay_sheet_sample_add_row (s, &row);
  big[0] = 'y';
  copy = outlay_sheet_sample_get_row (s, 0);
  g_assert_cmpuint (outlay_sheet_sample_get_n_rows (s), ==, 1);
  g_assert_cmpuint (copy->number, ==, 7);
  g_assert_cmpuint (copy->cells[0].length, ==, OUTLAY_SHEET_SAMPLE_MAX_TEXT - 1);
  g_assert_cmpint (copy->cells[0].text[0], ==, 'x');
  g_assert_true (g_utf8_validate (copy->cells[0].text, -1, NULL));
  g_assert_cmpstr (copy->cells[1].number, ==, "45664");
  g_assert_cmpstr (copy->cells[1].text, ==, "2025-01-07");
}

static void
test_mapping_movie_magic (void)
{
  const char *rows[] = {
    "Acct#|Description|Amount|Units|X|Rate|Subtotal|Total",
    "1101|Writer|n:1|Allow|n:1|n:50000|n:50000|n:50000",
    "1102|Story editor|n:10|Weeks|n:1|n:3500|n:35000|n:35000",
    "1103|Researcher|n:6|Weeks|n:2|n:1200|n:14400|n:14400",
    "1104|Script typing|n:120|Pages|n:1|n:12.5|n:1500|n:1500",
    "1105|Rewrites|n:3|Days|n:2|n:800|n:4800|n:4800",
    NULL,
  };
  const char *months[] = {
    "Account|Account Name|Jan|Feb|Mar|Total",
    "6100|Rent|n:1000|n:1000|n:1000|n:3000",
    "6200|Power|n:120|n:90|n:100|n:310",
    "6300|Phones|n:80|n:80|n:85|n:245",
    NULL,
  };
  g_autoptr(OutlayImportAnalysis) a = analyze_rows ("mm.csv", rows);
  g_autoptr(OutlayImportAnalysis) b = analyze_rows ("fy.csv", months);

  /* in Movie Magic "Amount" is the quantity and "Subtotal" the line's estimate */
  assert_fields (a, (const char *[]) { "code", "description", "qty", "unit", "multiplier", "rate",
                                       "estimate", "", NULL });
  assert_fields (b, (const char *[]) { "code", "description", "ignore", "ignore", "ignore", "estimate", NULL });
}

static void
test_mapping_cost_centre (void)
{
  g_autoptr(OutlayImportAnalysis) with_code =
    analyze_header_and_body ("Code|Cost Centre|Description|Qty|Unit|Rate|Budget|Actual");
  g_autoptr(OutlayImportAnalysis) alone =
    analyze_header_and_body ("Cost Centre|Item|Qty|Unit|Rate|Budget|Actual");

  g_assert_cmpint (field_of (with_code, 0), ==, F (CODE));
  g_assert_cmpint (field_of (with_code, 1), ==, F (CATEGORY));
  g_assert_cmpint (field_of (alone, 0), ==, F (CODE));
}

static void
test_rows_heading_with_total (void)
{
  g_autoptr(OutlayImportAnalysis) a =
    analyze_header_and_body ("Line|Description|Qty|Unit|Rate|Estimate|Actual|Notes");
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;

  /* some bid forms put the section's total on its heading row */
  g_assert_cmpint (classify (a, 7, "A: Crew|||||n:4450|n:4350", &code, &name), ==, OUTLAY_ROW_SECTION);
  g_assert_cmpstr (code, ==, "A");
  g_assert_cmpstr (name, ==, "Crew");
  g_assert_cmpint (classify (a, 8, "|Crew: camera|||||n:4450", NULL, NULL), ==, OUTLAY_ROW_LINE);
}

static void
test_kind_plain_list (void)
{
  const char *rows[] = {
    "Item|Cost",
    "Venue hire|n:1200", "Catering|n:850", "Printing|n:120", "Speaker fees|n:2000",
    "Travel|n:640", "Insurance|n:300",
    NULL,
  };
  double c = 0;

  g_assert_cmpint (kind_of ("event.csv", rows, &c), ==, OUTLAY_FILE_KIND_BUDGET);
  g_assert_cmpfloat (c, >, 0.3);
}

/* An xlsx with a notes sheet first and the table on a second sheet,
 * hidden when @hide; the first sheet holds a table too when @table_first. */
static char *
write_workbook (const char *dir, gboolean hide, gboolean table_first)
{
  char *path = g_build_filename (dir, table_first ? "two-tables.xlsx" : "hidden.xlsx", NULL);
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *first = workbook_add_worksheet (wb, "Notes");
  lxw_worksheet *data = workbook_add_worksheet (wb, "Data");
  const char *header[] = { "Code", "Description", "Qty", "Rate", "Estimate" };

  worksheet_write_string (first, 0, 0, "Read me: the budget is on the next sheet.", NULL);
  for (guint c = 0; c < 5; c++)
    {
      worksheet_write_string (data, 0, c, header[c], NULL);
      if (table_first)
        worksheet_write_string (first, 2, c, header[c], NULL);
    }
  for (guint r = 1; r <= 8; r++)
    {
      g_autofree char *code = g_strdup_printf ("L-%u", r);
      g_autofree char *what = g_strdup_printf ("Item number %u", r);

      worksheet_write_string (data, r, 0, code, NULL);
      worksheet_write_string (data, r, 1, what, NULL);
      worksheet_write_number (data, r, 2, r, NULL);
      worksheet_write_number (data, r, 3, 10, NULL);
      worksheet_write_number (data, r, 4, r * 10, NULL);
      if (table_first)
        {
          worksheet_write_string (first, r + 2, 1, what, NULL);
          worksheet_write_number (first, r + 2, 4, r, NULL);
        }
    }
  if (hide)
    worksheet_hide (data);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
  return path;
}

static OutlayImportAnalysis *
analyze_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayWorkbook) wb = outlay_workbook_open (file, NULL, &error);
  OutlayImportAnalysis *a;

  g_assert_no_error (error);
  a = outlay_import_analyze (wb, -1, NULL, &error);
  g_assert_no_error (error);
  dump (a);
  return a;
}

static void
test_sheet_hidden (void)
{
  g_autofree char *dir = g_dir_make_tmp ("outlay-analysis-XXXXXX", NULL);
  g_autofree char *hidden = write_workbook (dir, TRUE, FALSE);
  g_autofree char *both = write_workbook (dir, TRUE, TRUE);
  g_autoptr(OutlayImportAnalysis) a = analyze_file (hidden);
  g_autoptr(OutlayImportAnalysis) b = analyze_file (both);
  GPtrArray *warnings = outlay_import_analysis_get_warnings (a);
  gboolean warned = FALSE;

  /* nothing visible holds a table: the hidden sheet is used, and said so */
  g_assert_cmpstr (outlay_import_analysis_get_sheet_name (a), ==, "Data");
  for (guint i = 0; i < warnings->len; i++)
    warned |= strstr (warnings->pdata[i], "hidden sheet “Data”") != NULL;
  g_assert_true (warned);
  /* a visible table wins over a better hidden one */
  g_assert_cmpstr (outlay_import_analysis_get_sheet_name (b), ==, "Notes");
  g_assert_cmpuint (outlay_import_analysis_get_header_row (b), ==, 3);
  g_assert_cmpint (g_remove (hidden), ==, 0);
  g_assert_cmpint (g_remove (both), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Whatever the cells, analysis and classification neither crash nor leak. */
static void
test_garbage (void)
{
  static const char * const pool[] = {
    "", "Total", "A:", ":", "(", "€", "-", "1.2.3", "1,2,3", "Qty", "Estimate", "Subtotal 3",
    "((1))", "$-", "e5", "1e999999", "Section", "Section 1 -", "\xc3\xa9\xc3\xa9", "n:1e308",
    "n:-0", "d:2025-13-45", "e:#REF!", "TOTAL DUE", "Invoice", "Notes:", "12 %", "x", "×",
  };
  g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_sheet_sample_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  OutlaySheetSample *s = outlay_sheet_sample_new ();
  g_autoptr(OutlayImportAnalysis) a = NULL;
  g_autoptr(OutlayImportAnalysis) empty = NULL;

  for (guint r = 0; r < 150; r++)
    {
      g_autoptr(GString) spec = g_string_new (NULL);

      for (guint c = 0; c < 12; c++)
        g_string_append_printf (spec, "%s%s", c ? "|" : "",
                                pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool))]);
      add (s, r + 1, spec->str);
    }
  g_ptr_array_add (samples, s);
  a = outlay_import_analyze_samples (NULL, samples, NULL, -1, OUTLAY_DECIMAL_STYLE_AUTO);
  for (guint r = 0; r < outlay_sheet_sample_get_n_rows (s); r++)
    {
      g_autofree char *code = NULL;
      g_autofree char *name = NULL;

      outlay_import_analysis_classify_row (a, outlay_sheet_sample_get_row (s, r), &code, &name);
    }
  outlay_import_analysis_set_header_row (a, 77);
  outlay_import_analysis_set_header_row (a, 100000);
  g_ptr_array_set_size (samples, 0);
  empty = outlay_import_analyze_samples ("empty.csv", samples, NULL, -1, OUTLAY_DECIMAL_STYLE_AUTO);
  g_assert_cmpuint (outlay_import_analysis_get_header_row (empty), ==, 0);
  g_assert_cmpuint (outlay_import_analysis_get_columns (empty)->len, ==, 0);
  g_assert_cmpint (outlay_import_analysis_get_kind (empty, NULL), ==, OUTLAY_FILE_KIND_UNKNOWN);
}

/* ---- the fixtures of $OUTLAY_FIXTURES, against their EXPECTED.json ---- */

static JsonParser *parser = NULL;

static JsonObject *
expected_for (const char *file)
{
  JsonObject *all, *o;

  if (parser == NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("OUTLAY_FIXTURES"), "EXPECTED.json", NULL);
      g_autoptr(GError) error = NULL;

      parser = json_parser_new ();
      json_parser_load_from_file (parser, path, &error);
      g_assert_no_error (error);
    }
  all = json_node_get_object (json_parser_get_root (parser));
  o = json_object_get_object_member (all, file);
  g_assert_nonnull (o);
  if (json_object_has_member (o, "same_as"))
    o = json_object_get_object_member (all, json_object_get_string_member (o, "same_as"));
  return o;
}

/* "qty (hours)" → "qty", "(derived: …)" → "derived", "status/notes" → "notes";
 * Outlay has no actual-quantity field: "actual_qty" columns are not imported. */
static char *
expected_field (const char *said)
{
  const char *p = said + strspn (said, "(");
  gsize n = strcspn (p, " (:;");

  if (g_str_has_prefix (p, "actual_qty"))
    return g_strdup ("ignore");
  if (g_str_has_prefix (p, "status/"))
    return g_strdup ("notes");
  return g_strndup (p, n);
}

typedef struct
{
  OutlayImportAnalysis *analysis;
  guint                 counts[OUTLAY_ROW_TEXT + 1];
  GPtrArray            *sections;   /* "A: Name" */
  GArray               *subtotals;  /* row numbers */
  GArray               *totals;
  guint                 first_line, last_line;
} Census;

static gboolean
census_cb (const OutlayRow *row, gpointer user_data, GError **error)
{
  Census *c = user_data;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  OutlayRowKind k = outlay_import_analysis_classify_row (c->analysis, row, &code, &name);

  c->counts[k]++;
  if (k == OUTLAY_ROW_SECTION)
    g_ptr_array_add (c->sections, g_strdup_printf ("%s: %s", code ? code : "-", name));
  else if (k == OUTLAY_ROW_SUBTOTAL)
    g_array_append_val (c->subtotals, row->number);
  else if (k == OUTLAY_ROW_TOTAL)
    g_array_append_val (c->totals, row->number);
  else if (k == OUTLAY_ROW_LINE)
    {
      c->first_line = c->first_line ? c->first_line : row->number;
      c->last_line = row->number;
    }
  return TRUE;
}

static gboolean
has_row (GArray *rows, guint number)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_array_index (rows, guint, i) == number)
      return TRUE;
  return FALSE;
}

static void
check_sections (Census *c, JsonObject *o)
{
  JsonArray *sections = json_object_get_array_member (o, "sections");

  g_assert_cmpuint (c->sections->len, ==, json_array_get_length (sections));
  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      JsonObject *s = json_array_get_object_element (sections, i);
      g_autofree char *want = g_strdup_printf ("%s: %s", json_object_get_string_member (s, "letter"),
                                               json_object_get_string_member (s, "name"));

      g_assert_cmpstr (c->sections->pdata[i], ==, want);
      g_assert_true (has_row (c->subtotals, json_object_get_int_member (s, "subtotal_row")));
    }
}

static void
check_rows (OutlayWorkbook *wb, OutlayImportAnalysis *a, JsonObject *o)
{
  Census c = { a, { 0 }, g_ptr_array_new_with_free_func (g_free), g_array_new (FALSE, FALSE, sizeof (guint)),
               g_array_new (FALSE, FALSE, sizeof (guint)), 0, 0 };
  g_autoptr(GError) error = NULL;

  outlay_workbook_read_sheet (wb, outlay_import_analysis_get_sheet (a), 0, census_cb, &c, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("lines %u, sections %u, subtotals %u, totals %u, text %u, headers %u",
                  c.counts[OUTLAY_ROW_LINE], c.counts[OUTLAY_ROW_SECTION], c.counts[OUTLAY_ROW_SUBTOTAL],
                  c.counts[OUTLAY_ROW_TOTAL], c.counts[OUTLAY_ROW_TEXT], c.counts[OUTLAY_ROW_HEADER]);
  g_assert_cmpuint (c.counts[OUTLAY_ROW_LINE], ==, json_object_get_int_member (o, "line_items"));
  if (json_object_has_member (o, "sections"))
    check_sections (&c, o);
  else
    g_assert_cmpuint (c.counts[OUTLAY_ROW_SECTION], ==, 0);
  if (json_object_has_member (o, "grand_total_row"))
    g_assert_true (has_row (c.totals, json_object_get_int_member (o, "grand_total_row")));
  if (json_object_has_member (o, "totals_row"))
    g_assert_true (has_row (c.totals, json_object_get_int_member (o, "totals_row")));
  if (json_object_has_member (o, "trailing_totals_row"))
    g_assert_cmpuint (c.totals->len, ==, 1);
  if (json_object_has_member (o, "first_line"))
    {
      g_assert_cmpuint (c.first_line, ==,
                        json_object_get_int_member (json_object_get_object_member (o, "first_line"), "row"));
      g_assert_cmpuint (c.last_line, ==,
                        json_object_get_int_member (json_object_get_object_member (o, "last_line"), "row"));
    }
  g_ptr_array_unref (c.sections);
  g_array_unref (c.subtotals);
  g_array_unref (c.totals);
}

static void
check_mapping (OutlayImportAnalysis *a, JsonObject *o)
{
  JsonObject *mapping = json_object_get_object_member (o, "mapping");
  GPtrArray *columns = outlay_import_analysis_get_columns (a);
  guint checked = 0;

  for (guint i = 0; i < columns->len; i++)
    {
      OutlayColumnMapping *m = columns->pdata[i];
      g_autofree char *want = NULL;

      if (!json_object_has_member (mapping, m->header))
        continue;
      want = expected_field (json_object_get_string_member (mapping, m->header));
      if (g_strcmp0 (outlay_import_field_name (m->field), want) != 0)
        g_error ("“%s” maps to %s, expected %s", m->header, outlay_import_field_name (m->field), want);
      checked++;
    }
  g_assert_cmpuint (checked, ==, json_object_get_size (mapping));
}

static void
test_fixture (gconstpointer data)
{
  const char *file = data;
  g_autofree char *path = g_build_filename (g_getenv ("OUTLAY_FIXTURES"), file, NULL);
  g_autoptr(GFile) gfile = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayWorkbook) wb = outlay_workbook_open (gfile, NULL, &error);
  g_autoptr(OutlayImportAnalysis) a = NULL;
  JsonObject *o = expected_for (file);
  const char *kind = json_object_get_string_member_with_default (o, "kind", "budget");
  double confidence = 0;

  g_assert_no_error (error);
  a = outlay_import_analyze (wb, -1, NULL, &error);
  g_assert_no_error (error);
  dump (a);
  g_assert_cmpstr (outlay_file_kind_name (outlay_import_analysis_get_kind (a, &confidence)), ==, kind);
  g_assert_cmpfloat (confidence, >, 0.6);
  g_assert_nonnull (outlay_import_analysis_get_reasons (a)[0]);
  if (json_object_has_member (o, "budget_sheet"))
    g_assert_cmpstr (outlay_import_analysis_get_sheet_name (a), ==,
                     json_object_get_string_member (o, "budget_sheet"));
  if (json_object_has_member (o, "header_row"))
    g_assert_cmpuint (outlay_import_analysis_get_header_row (a), ==,
                      json_object_get_int_member (o, "header_row"));
  if (json_object_has_member (o, "mapping"))
    check_mapping (a, o);
  if (strcmp (kind, "budget") == 0)
    check_rows (wb, a, o);
}

static void
add_fixture_tests (void)
{
  static const char * const files[] = {
    "aicp_commercial.xlsx", "aicp_commercial.ods", "aicp_commercial.xls", "software_project.xlsx",
    "departments_fy2025.csv", "messy_eu.csv", "large_100k.csv", "large_100k.xlsx",
    "payroll_sample.csv", "invoice_sample.xlsx", "expense_report.csv",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *name = g_strconcat ("/import-analysis/fixtures/", files[i], NULL);

      g_test_add_data_func (name, files[i], test_fixture);
    }
}

int
main (int argc, char **argv)
{
  int rc;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import-analysis/fields/names", test_field_names);
  g_test_add_func ("/import-analysis/sample/limits", test_sample_limits);
  g_test_add_func ("/import-analysis/header/typos", test_header_typos);
  g_test_add_func ("/import-analysis/header/languages", test_header_languages);
  g_test_add_func ("/import-analysis/header/decorations", test_header_decorations);
  g_test_add_func ("/import-analysis/header/title-block", test_header_title_block);
  g_test_add_func ("/import-analysis/header/two-rows", test_header_two_rows);
  g_test_add_func ("/import-analysis/header/none", test_header_none);
  g_test_add_func ("/import-analysis/header/none-with-text", test_header_none_with_text);
  g_test_add_func ("/import-analysis/mapping/total-is-estimate", test_mapping_total_is_estimate);
  g_test_add_func ("/import-analysis/mapping/unique", test_mapping_unique);
  g_test_add_func ("/import-analysis/mapping/text-amount", test_mapping_text_amount);
  g_test_add_func ("/import-analysis/mapping/unnamed-product", test_mapping_unnamed_product);
  g_test_add_func ("/import-analysis/mapping/overrides", test_mapping_overrides);
  g_test_add_func ("/import-analysis/rows/sections", test_rows_sections);
  g_test_add_func ("/import-analysis/rows/section-cells", test_rows_section_cells);
  g_test_add_func ("/import-analysis/rows/totals", test_rows_totals);
  g_test_add_func ("/import-analysis/sheet-choice", test_sheet_choice);
  g_test_add_func ("/import-analysis/kinds", test_kinds);
  g_test_add_func ("/import-analysis/kind-plain-list", test_kind_plain_list);
  g_test_add_func ("/import-analysis/mapping/cost-centre", test_mapping_cost_centre);
  g_test_add_func ("/import-analysis/mapping/movie-magic", test_mapping_movie_magic);
  g_test_add_func ("/import-analysis/rows/heading-with-total", test_rows_heading_with_total);
  g_test_add_func ("/import-analysis/sheet-hidden", test_sheet_hidden);
  g_test_add_func ("/import-analysis/garbage", test_garbage);
  add_fixture_tests ();
  rc = g_test_run ();
  g_clear_object (&parser);
  return rc;
}
