/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Bids lettered their own way (F = director fees, G = talent) and bids
 * with their own summary sheet, built here in memory:
 * - sections land on the AICP top sheet by their names, and the import
 *   says which; a section that names nothing on the form stays off the
 *   lettered rows;
 * - the summary's production fee and insurance percentages are the new
 *   budget's;
 * - the summary's grand total is compared with Outlay's contracted total,
 *   and a difference names both figures. */

#include "config.h"

#include <string.h>

#include "outlay-importer.h"
#include "outlay-store.h"
#include "outlay-test-util.h"
#include "outlay-topsheet.h"
#include "outlay-workbook-test-util.h"

typedef struct
{
  char *dir;
  OutlayStore *store;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = outlay_test_make_dir ();
  path = g_build_filename (f->dir, "outlay.db", NULL);
  f->store = outlay_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  outlay_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* ---- the workbook ---- */

static void
add_text (GString *row, const char *ref, const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append_printf (row, "<c r=\"%s\" t=\"inlineStr\"><is><t>%s</t></is></c>", ref, escaped);
}

/* Rows of "text|text|number…": cells are text unless they parse as numbers. */
static char *
sheet_xml (const char *const *rows)
{
  GString *xml = g_string_new ("<worksheet " MAIN_NS "><sheetData>");

  for (guint r = 0; rows[r] != NULL; r++)
    {
      g_auto(GStrv) cells = g_strsplit (rows[r], "|", -1);

      g_string_append_printf (xml, "<row r=\"%u\">", r + 1);
      for (guint c = 0; cells[c] != NULL; c++)
        {
          g_autofree char *ref = g_strdup_printf ("%c%u", 'A' + c, r + 1);
          char *end = NULL;

          if (*cells[c] == '\0')
            continue;
          g_ascii_strtod (cells[c], &end);
          if (end != NULL && *end == '\0')
            g_string_append_printf (xml, "<c r=\"%s\"><v>%s</v></c>", ref, cells[c]);
          else
            add_text (xml, ref, cells[c]);
        }
      g_string_append (xml, "</row>");
    }
  g_string_append (xml, "</sheetData></worksheet>");
  return g_string_free (xml, FALSE);
}

/* Sheet "Bid" with @detail and, unless NULL, sheet "Summary" with @summary. */
static GBytes *
build_bid (const char *const *detail, const char *const *summary)
{
  g_autofree char *sheet1 = sheet_xml (detail);
  g_autofree char *sheet2 = summary != NULL ? sheet_xml (summary) : NULL;
  const char *workbook = "<workbook " MAIN_NS "><sheets>"
                         "<sheet name=\"Bid\" sheetId=\"1\" r:id=\"rId1\"/>"
                         "<sheet name=\"Summary\" sheetId=\"2\" r:id=\"rId4\"/>"
                         "</sheets></workbook>";
  const char *rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"" REL_NS "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
      "<Relationship Id=\"rId4\" Type=\"" REL_NS "worksheet\" Target=\"worksheets/sheet2.xml\"/>"
      "</Relationships>";
  Member members[] = {
    { "[Content_Types].xml", "<Types/>" },
    { "xl/workbook.xml", summary != NULL ? workbook : WORKBOOK_XML },
    { "xl/_rels/workbook.xml.rels", summary != NULL ? rels : RELS_XML },
    { "xl/worksheets/sheet1.xml", sheet1 },
    { "xl/worksheets/sheet2.xml", sheet2 },
  };

  return build_zip (members, G_N_ELEMENTS (members));
}

/* A bid lettered its own way: 11,800.00 of lines in eight sections. */
static const char *const own_letters[] = {
  "Code|Description|Qty|Rate|Estimate",
  "A: Prep crew labour",
  "1|Producer|1|1000|1000",
  "B: Shoot crew labour",
  "2|Gaffer|2|1000|2000",
  "C: Location & travel",
  "3|Permits|1|500|500",
  "D: Equipment",
  "4|Camera package|1|800|800",
  "E: Media",
  "5|Drives|2|100|200",
  "F: Director fees",
  "6|Director shoot days|2|1500|3000",
  "G: Talent",
  "7|Principals|2|2000|4000",
  "H: Agency entertainment",
  "8|Client dinner|1|300|300",
  NULL,
};

/* Outlay's figures for it with a 12 % fee and 2 % insurance: A to K is
 * A + B + C (on D) + D (on I) + E (on J) = 4,500.00; insurance 2 % of it
 * 90.00; the fee 12 % of 4,590.00 = 550.80; L 3,000.00 and M 4,000.00;
 * H outside the form 300.00: 12,440.80 in all.  The file's own summary
 * charges both percentages on everything: 11,800.00 × 1.14 = 13,452.00. */
static const char *const summary_rows[] = {
  "Production cost summary", "Direct costs|11800", "Production fee 12%|1416",
  "Insurance|2%|236",        "Grand total|13452",  NULL,
};

static OutlayImportResult *
import_bid (Fixture *f, GBytes *bytes, gboolean run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayWorkbook) wb = open_ok (bytes, "bid.xlsx");
  g_autoptr(OutlayImportAnalysis) analysis = outlay_import_analyze (wb, -1, NULL, &error);
  OutlayImportOptions options = { .mode = OUTLAY_IMPORT_MODE_NEW, .source = "test" };
  OutlayImportResult *r;

  g_assert_no_error (error);
  /* the lines' sheet, not the summary */
  g_assert_cmpuint (outlay_import_analysis_get_sheet (analysis), ==, 0);
  r = run ? outlay_import_run (f->store, wb, analysis, &options, NULL, NULL, NULL, &error)
          : outlay_import_check (wb, analysis, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (r);
  for (guint i = 0; i < r->warnings->len; i++)
    g_test_message ("warning: %s", (char *) g_ptr_array_index (r->warnings, i));
  g_assert_cmpuint (r->rows_imported, ==, 8);
  return r;
}

static gboolean
warned (OutlayImportResult *r, const char *text)
{
  for (guint i = 0; i < r->warnings->len; i++)
    if (strstr (g_ptr_array_index (r->warnings, i), text) != NULL)
      return TRUE;
  return FALSE;
}

static void
assert_estimate (OutlayTopSheet *sheet, const char *id, const char *amount)
{
  const OutlayTopSheetRow *row = outlay_topsheet_lookup_row (sheet, id);

  g_assert_nonnull (row);
  g_test_message ("row %s", id);
  g_assert_cmpint (row->estimate, ==, dec (amount));
}

static void
test_own_letters (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) bytes = build_bid (own_letters, summary_rows);
  g_autoptr(OutlayImportResult) r = import_bid (f, bytes, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayDocument) doc = outlay_store_load_document (f->store, r->budget_id, &error);
  g_autoptr(OutlayTopSheet) sheet = NULL;
  OutlayBudget *budget;

  g_assert_no_error (error);
  budget = outlay_document_get_budget (doc);
  g_assert_cmpint (outlay_budget_get_kind (budget), ==, OUTLAY_BUDGET_KIND_AICP);
  /* the import says where each section went */
  g_assert_true (warned (r,
                         "Section F “Director fees” is not the AICP form's F (Stage rental & "
                         "expenses): the top sheet counts it under L (Director / creative fees)"));
  g_assert_true (warned (r, "Section G “Talent” is not the AICP form's G (Art department labour): "
                            "the top sheet counts it under M (Talent labour)"));
  g_assert_true (warned (r, "Section H “Agency entertainment” matches no section of the AICP "
                            "form"));
  g_assert_false (warned (r, "Section A "));
  /* the summary's percentages are the budget's */
  g_assert_true (warned (r, "Read from the sheet “Summary”: insurance 2%, production fee 12%"));
  g_assert_cmpint (outlay_budget_get_production_fee_percent (budget), ==, D (12));
  g_assert_cmpint (outlay_budget_get_insurance_percent (budget), ==, D (2));
  g_assert_cmpint (outlay_budget_get_markup_percent (budget), ==, 0);
  /* director and talent are not direct costs: not in A to K */
  sheet = outlay_topsheet_new (doc);
  assert_estimate (sheet, "a-to-k", "4500");
  assert_estimate (sheet, "D", "500");
  assert_estimate (sheet, "F", "0");
  assert_estimate (sheet, "L", "3000");
  assert_estimate (sheet, "M", "4000");
  assert_estimate (sheet, "H", "0");
  assert_estimate (sheet, "outside-H", "300");
  g_assert_cmpstr (outlay_topsheet_lookup_row (sheet, "outside-H")->label, ==,
                   "Agency entertainment (its H, not on the AICP form)");
  g_assert_cmpstr (outlay_topsheet_lookup_row (sheet, "outside-H")->code, ==, "");
  assert_estimate (sheet, "insurance", "90");
  assert_estimate (sheet, "production-fee", "550.80");
  assert_estimate (sheet, "contracted-total", "12440.80");
  /* and the file's own total is not Outlay's: both are named */
  g_assert_true (warned (r, "The sheet “Summary” gives a total of $13,452.00 (“Grand total”, "
                            "row 5), but Outlay's contracted total for these lines is $12,440.80"));
}

/* A summary that agrees says nothing of its total; the check (what the
 * assistant shows) says what the import will. */
static void
test_summary_agrees (Fixture *f, gconstpointer data)
{
  const char *const agreeing[] = {
    "Production fee|0.12|550.8",
    "Insurance (2 %)|90",
    "Contracted total|12440.80",
    NULL,
  };
  g_autoptr(GBytes) bytes = build_bid (own_letters, agreeing);
  g_autoptr(OutlayImportResult) r = import_bid (f, bytes, FALSE);

  g_assert_true (warned (r, "Read from the sheet “Summary”: insurance 2%, production fee 12%"));
  g_assert_true (warned (r, "counts it under L (Director / creative fees)"));
  g_assert_false (warned (r, "gives a total of"));
}

/* A bid lettered as the form is placed by its letters, without a word. */
static void
test_form_letters (Fixture *f, gconstpointer data)
{
  static const char *const form[] = {
    "Code|Description|Qty|Rate|Estimate",
    "A: Pre-production & wrap labour",
    "1|Producer|1|1000|1000",
    "B: Shooting labour",
    "2|Gaffer|2|1000|2000",
    "C: Pre-production & wrap expenses",
    "3|Scouting|1|500|500",
    "D: Location & travel",
    "4|Permits|1|800|800",
    "E: Props, wardrobe & animals",
    "5|Props|2|100|200",
    "F: Stage rental & expenses",
    "6|Stage days|2|1500|3000",
    "G: Art department labour",
    "7|Art director|2|2000|4000",
    "H: Crew extras",
    "8|Set dressers|1|300|300",
    NULL,
  };
  g_autoptr(GBytes) bytes = build_bid (form, NULL);
  g_autoptr(OutlayImportResult) r = import_bid (f, bytes, FALSE);

  g_assert_cmpuint (r->warnings->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/import/aicp/own-letters", test_own_letters);
  ADD ("/import/aicp/summary-agrees", test_summary_agrees);
  ADD ("/import/aicp/form-letters", test_form_letters);
  return g_test_run ();
}
