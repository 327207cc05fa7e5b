/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Export to xlsx and CSV, read back as accounting would: the sheets, the
 * formulas and their cached values, the figures after Gnumeric has
 * recalculated every formula, the CSV parsed again, and outlay-cli export. */

#include "config.h"

#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-stdio.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-output-stdio.h>
#include <gsf/gsf-utils.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "outlay-csv-export.h"
#include "outlay-error.h"
#include "outlay-template.h"
#include "outlay-test-util.h"
#include "outlay-topsheet.h"
#include "outlay-xlsx-export.h"

#define D(units) OUTLAY_DECIMAL_FROM_INT (units)
#define SML_NS   "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

/* libgsf 1.14.50 has no autoptr support */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutfile, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathContext, xmlXPathFreeContext)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathObject, xmlXPathFreeObject)

static OutlayDecimal
dec (const char *text)
{
  g_autoptr(GError) error = NULL;
  OutlayDecimal v = 0;

  if (!outlay_decimal_parse_full (text, -1, OUTLAY_DECIMAL_STYLE_POINT, &v, NULL, &error))
    g_error ("“%s”: %s", text, error->message);
  return v;
}

static OutlayDecimal
cents (OutlayDecimal v)
{
  return outlay_decimal_round (v, 2);
}

/* ---- documents ---- */

static OutlayDocument *
sample_document (void)
{
  g_autoptr(GError) error = NULL;
  OutlayDocument *doc = outlay_template_build ("sample", NULL, &error);

  g_assert_no_error (error);
  outlay_test_add_sample_fringes (doc);
  /* every percentage row of the top sheet, and a contingency */
  g_object_set (outlay_document_get_budget (doc), "markup-percent", D (10),
                "handling-fee-percent", dec ("2.5"), "contingency", D (2500), NULL);
  return doc;
}

static OutlayLine *
add_line (OutlayDocument *doc, OutlaySection *section, const char *code, const char *description,
          const char *qty, const char *mult, const char *rate, const char *actual)
{
  g_autoptr(OutlayLine) line = outlay_line_new ();
  OutlayDecimal estimate = 0;

  outlay_line_load_text (line, OUTLAY_LINE_CODE, code);
  outlay_line_load_text (line, OUTLAY_LINE_DESCRIPTION, description);
  outlay_line_load_text (line, OUTLAY_LINE_UNIT, "day");
  outlay_line_load_decimal (line, OUTLAY_LINE_QUANTITY, dec (qty));
  outlay_line_load_decimal (line, OUTLAY_LINE_MULTIPLIER, dec (mult));
  outlay_line_load_decimal (line, OUTLAY_LINE_RATE, dec (rate));
  outlay_line_load_decimal (line, OUTLAY_LINE_ACTUAL, dec (actual));
  g_assert_true (outlay_line_compute_estimate (line, &estimate));
  outlay_line_load_decimal (line, OUTLAY_LINE_ESTIMATE, estimate);
  outlay_document_load_line (doc, section, line);
  return line;
}

static OutlaySection *
add_section (OutlayDocument *doc, const char *code, const char *name, const char *fringe)
{
  g_autoptr(OutlaySection) section = outlay_section_new (code, name);

  g_object_set (section, "fringe", dec (fringe), NULL);
  outlay_document_load_section (doc, section);
  return section;
}

/* An AICP bid in euros: a fringe of 22.5 %, a typed estimate, a rate with
 * four places, days of 0, text that needs care, two sections under one
 * letter and one outside A–P. */
static OutlayDocument *
crafted_document (void)
{
  g_autoptr(OutlayBudget) budget = outlay_budget_new ("Crafted bid");
  OutlayDocument *doc;
  OutlaySection *crew, *more, *other;
  OutlayLine *typed, *office;

  g_object_set (budget, "kind", OUTLAY_BUDGET_KIND_AICP, "currency", "EUR",
                "production-company", "Kite & Co", "insurance-percent", dec ("1.5"),
                "production-fee-percent", D (12), "markup-percent", dec ("7.5"), NULL);
  doc = outlay_document_new (budget);
  crew = add_section (doc, "A", "Crew", "22.5");
  add_line (doc, crew, "1", "Gaffer", "2", "3", "450", "2800");
  typed = add_line (doc, crew, "2", "Best boy (flat fee)", "1", "1", "800", "1000");
  outlay_line_load_decimal (typed, OUTLAY_LINE_ESTIMATE, dec ("1000.5"));
  outlay_line_load_overridden (typed, TRUE);
  add_line (doc, crew, "3", "Runner, \"hourly\"", "1.5", "1", "10.3333", "0");
  add_line (doc, crew, "4", "Standby\x01 grip", "1", "0", "650", "120.45");
  more = add_section (doc, " a", "More crew", "0");
  add_line (doc, more, "5", "Driver\nnight", "1.25", "2.5", "333.33", "1100");
  add_section (doc, "B", "Empty letter", "0");
  other = add_section (doc, "Q", "Overhead", "0");
  office = add_line (doc, other, "9", "Office", "1", "1", "999.99", "1500");
  /* longer than a cell holds */
  outlay_line_take_text (office, OUTLAY_LINE_NOTES, g_strnfill (40000, 'n'));
  /* 0.0003 × 1.5 = 0.00045: Outlay keeps 0.0005 before the rate */
  add_line (doc, other, "10", "Tiny part", "0.0003", "1.5", "1000", "0");
  g_assert_true (outlay_document_finish_load (doc, NULL));
  return doc;
}

/* A department budget in yen against an allocation. */
static OutlayDocument *
allocated_document (void)
{
  g_autoptr(OutlayBudget) budget = outlay_budget_new ("Tokyo office");
  OutlayDocument *doc;
  OutlaySection *s1, *s2;

  g_object_set (budget, "kind", OUTLAY_BUDGET_KIND_DEPARTMENT, "currency", "JPY",
                "allocated", D (1500000), NULL);
  doc = outlay_document_new (budget);
  s1 = add_section (doc, "100", "Rent", "0");
  add_line (doc, s1, "101", "Office", "12", "1", "85000", "1020000");
  s2 = add_section (doc, "200", "Staff", "10");
  add_line (doc, s2, "201", "Part-time", "3", "20", "1200", "70000");
  g_assert_true (outlay_document_finish_load (doc, NULL));
  return doc;
}

static char *
export_xlsx (OutlayDocument *doc, const char *dir, const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (outlay_xlsx_export (doc, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* ---- reading the zip ---- */

static GsfInfile *
open_zip (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsfInput) input = gsf_input_stdio_new (path, &error);
  GsfInfile *zip;

  g_assert_no_error (error);
  zip = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  return zip;
}

static char *
read_input (GsfInput *input)
{
  gsize size = gsf_input_size (input);
  char *data = g_malloc (size + 1);

  g_assert_nonnull (gsf_input_read (input, size, (guint8 *) data));
  data[size] = '\0';
  return data;
}

/* The text of @member ("xl/workbook.xml") of the zip at @path. */
static char *
read_member (const char *path, const char *member)
{
  g_autoptr(GsfInfile) zip = open_zip (path);
  g_auto(GStrv) parts = g_strsplit (member, "/", -1);
  g_autoptr(GsfInput) input = gsf_infile_child_by_aname (zip, (const char **) parts);

  if (input == NULL)
    g_error ("%s has no %s", path, member);
  return read_input (input);
}

static xmlDoc *
read_xml (const char *path, const char *member)
{
  g_autofree char *text = read_member (path, member);
  xmlDoc *doc = xmlReadMemory (text, strlen (text), member, NULL, XML_PARSE_NONET);

  g_assert_nonnull (doc);
  return doc;
}

/* The string values of @xpath in @member, joined by "|". */
static char *
xpath_values (const char *path, const char *member, const char *xpath)
{
  g_autoptr(xmlDoc) doc = read_xml (path, member);
  g_autoptr(xmlXPathContext) ctx = xmlXPathNewContext (doc);
  g_autoptr(xmlXPathObject) result = NULL;
  GString *s = g_string_new (NULL);

  xmlXPathRegisterNs (ctx, BAD_CAST "m", BAD_CAST SML_NS);
  xmlXPathRegisterNs (ctx, BAD_CAST "dc", BAD_CAST "http://purl.org/dc/elements/1.1/");
  result = xmlXPathEvalExpression (BAD_CAST xpath, ctx);
  g_assert_nonnull (result);
  for (int i = 0; result->nodesetval != NULL && i < result->nodesetval->nodeNr; i++)
    {
      xmlChar *content = xmlNodeGetContent (result->nodesetval->nodeTab[i]);

      g_string_append_printf (s, "%s%s", i > 0 ? "|" : "", (const char *) content);
      xmlFree (content);
    }
  return g_string_free (s, FALSE);
}

typedef struct
{
  char *formula;  /* without "=", or NULL */
  char *value;    /* the cached number, or NULL */
  char *text;     /* an inline string, or NULL */
} Cell;

static void
cell_free (Cell *c)
{
  g_free (c->formula);
  g_free (c->value);
  g_free (c->text);
  g_free (c);
}

static char *
child_text (xmlNode *node, const char *name)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && g_str_equal ((const char *) c->name, name))
      {
        xmlChar *content = xmlNodeGetContent (c);
        char *copy = g_strdup ((const char *) content);

        xmlFree (content);
        return copy;
      }
  return NULL;
}

/* Every cell of a sheet by reference, "G3" → Cell. */
static GHashTable *
read_cells (const char *path, const char *member)
{
  g_autoptr(xmlDoc) doc = read_xml (path, member);
  g_autoptr(xmlXPathContext) ctx = xmlXPathNewContext (doc);
  g_autoptr(xmlXPathObject) result = NULL;
  GHashTable *cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) cell_free);

  xmlXPathRegisterNs (ctx, BAD_CAST "m", BAD_CAST SML_NS);
  result = xmlXPathEvalExpression (BAD_CAST "//m:sheetData/m:row/m:c", ctx);
  for (int i = 0; result->nodesetval != NULL && i < result->nodesetval->nodeNr; i++)
    {
      xmlNode *node = result->nodesetval->nodeTab[i];
      xmlChar *ref = xmlGetProp (node, BAD_CAST "r");
      Cell *cell = g_new0 (Cell, 1);

      cell->formula = child_text (node, "f");
      cell->value = child_text (node, "v");
      cell->text = child_text (node, "is");
      g_hash_table_insert (cells, g_strdup ((const char *) ref), cell);
      xmlFree (ref);
    }
  return cells;
}

static Cell *
cell_at (GHashTable *cells, char column, guint row)
{
  g_autofree char *ref = g_strdup_printf ("%c%u", column, row);
  Cell *cell = g_hash_table_lookup (cells, ref);

  if (cell == NULL)
    g_error ("no cell %s", ref);
  return cell;
}

/* The row whose cell in @column reads @text, or 0. */
static guint
row_with_text (GHashTable *cells, char column, const char *text)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (((const char *) key)[0] == column && g_strcmp0 (((Cell *) value)->text, text) == 0)
      return (guint) atoi ((const char *) key + 1);
  return 0;
}

static void
assert_cached (Cell *cell, OutlayDecimal expected)
{
  g_assert_nonnull (cell->value);
  g_assert_cmpint (outlay_decimal_round (dec (cell->value), 4), ==, expected);
}

/* ---- xlsx: structure, formulas, cached values ---- */

static void
test_xlsx_sample (void)
{
  g_autofree char *dir = outlay_test_make_dir ();
  g_autoptr(OutlayDocument) doc = sample_document ();
  g_autoptr(OutlayTopSheet) top = outlay_topsheet_new (doc);
  g_autofree char *path = export_xlsx (doc, dir, "sample.xlsx");
  g_autofree char *names = xpath_values (path, "xl/workbook.xml", "//m:sheet/@name");
  g_autofree char *pane = xpath_values (path, "xl/worksheets/sheet2.xml",
                                        "//m:pane[@state='frozen']/@ySplit");
  g_autofree char *title = xpath_values (path, "docProps/core.xml", "//dc:title");
  g_autoptr(GHashTable) detail = read_cells (path, "xl/worksheets/sheet2.xml");
  g_autoptr(GHashTable) summary = read_cells (path, "xl/worksheets/sheet1.xml");
  OutlaySection *first = outlay_document_get_section (doc, 0);
  OutlayLine *line = outlay_section_get_line (first, 0);
  guint n = outlay_section_get_n_lines (first);
  guint sub, fringe, total, grand, row_a;
  g_autofree char *sum = NULL;
  g_autofree char *ref = NULL;

  g_assert_cmpstr (names, ==, "Summary|Detail");
  g_assert_cmpstr (pane, ==, "1");
  g_assert_cmpstr (title, ==, outlay_budget_get_name (outlay_document_get_budget (doc)));

  /* the first line: a live qty × days × rate with Outlay's value */
  g_assert_false (outlay_line_get_estimate_overridden (line));
  g_assert_cmpstr (cell_at (detail, 'A', 2)->text, ==, outlay_section_get_code (first));
  g_assert_cmpstr (cell_at (detail, 'G', 3)->formula, ==, "C3*E3*F3");
  assert_cached (cell_at (detail, 'G', 3), outlay_line_get_estimate (line));
  g_assert_cmpstr (cell_at (detail, 'I', 3)->formula, ==, "G3-H3");

  /* A has 28 % P&W: subtotal, fringe, total */
  sub = row_with_text (detail, 'B', "Subtotal Pre-production & wrap labour");
  g_assert_cmpuint (sub, ==, 3 + n);
  sum = g_strdup_printf ("SUM(G3:G%u)", sub - 1);
  g_assert_cmpstr (cell_at (detail, 'G', sub)->formula, ==, sum);
  assert_cached (cell_at (detail, 'G', sub), outlay_section_get_lines_estimate (first));
  fringe = sub + 1;
  g_assert_cmpstr (cell_at (detail, 'B', fringe)->text, ==, "Fringe");
  assert_cached (cell_at (detail, 'F', fringe), OUTLAY_DECIMAL_ONE * 28 / 100);
  assert_cached (cell_at (detail, 'G', fringe), outlay_section_get_fringe_amount (first));
  total = row_with_text (detail, 'B', "Total Pre-production & wrap labour");
  g_assert_cmpuint (total, ==, fringe + 1);
  assert_cached (cell_at (detail, 'G', total), outlay_section_get_totals (first)->estimate);

  /* the grand total adds the section totals, not the whole column */
  grand = row_with_text (detail, 'B', "Grand total");
  g_assert_true (g_str_has_prefix (cell_at (detail, 'G', grand)->formula, "G"));
  g_assert_nonnull (strstr (cell_at (detail, 'G', grand)->formula, "+"));
  assert_cached (cell_at (detail, 'G', grand), outlay_document_get_totals (doc)->estimate);

  /* the summary points at the detail */
  row_a = row_with_text (summary, 'B', "Pre-production & wrap labour");
  ref = g_strdup_printf ("Detail!G%u", total);
  g_assert_cmpstr (cell_at (summary, 'D', row_a)->formula, ==, ref);
  assert_cached (cell_at (summary, 'D', row_a), outlay_topsheet_lookup_row (top, "A")->estimate);
  assert_cached (cell_at (summary, 'D', row_with_text (summary, 'B', "Contracted total")),
                 outlay_topsheet_get_total (top)->estimate);
  g_assert_cmpstr (cell_at (summary, 'B', row_with_text (summary, 'A', "Production company"))->text,
                   ==, "Northbeam Films");
  outlay_test_remove_dir (dir);
}

/* A bid lettered its own way: the Summary's rows add up the sections the
 * top sheet puts there by name, not the ones that share the letter. */
static void
test_xlsx_own_letters (void)
{
  g_autofree char *dir = outlay_test_make_dir ();
  g_autoptr(OutlayBudget) budget = outlay_budget_new ("Own letters");
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(OutlayTopSheet) top = NULL;
  g_autoptr(GHashTable) detail = NULL;
  g_autoptr(GHashTable) summary = NULL;
  g_autofree char *path = NULL;
  g_autofree char *director_ref = NULL;
  g_autofree char *talent_ref = NULL;
  g_autofree char *outside_code = NULL;
  OutlaySection *director, *talent;
  Cell *code;
  guint row_l, row_m, row_outside;

  g_object_set (budget, "kind", OUTLAY_BUDGET_KIND_AICP, NULL);
  doc = outlay_document_new (budget);
  add_line (doc, add_section (doc, "A", "Pre-production & wrap labour", "0"), "1", "Line producer",
            "1", "5", "800", "0");
  director = add_section (doc, "J", "Director fees", "0");
  add_line (doc, director, "2", "Director, shoot days", "1", "2", "5000", "0");
  talent = add_section (doc, "K", "On-camera talent", "0");
  add_line (doc, talent, "3", "Principal", "2", "1", "1200", "0");
  add_line (doc, add_section (doc, "L", "Agency hospitality", "0"), "4", "Dinner", "1", "1", "300",
            "0");
  g_assert_true (outlay_document_finish_load (doc, NULL));
  top = outlay_topsheet_new (doc);
  g_assert_cmpint (outlay_topsheet_lookup_row (top, "L")->estimate, ==, D (10000));
  g_assert_cmpint (outlay_topsheet_lookup_row (top, "M")->estimate, ==, D (2400));

  path = export_xlsx (doc, dir, "own-letters.xlsx");
  detail = read_cells (path, "xl/worksheets/sheet2.xml");
  summary = read_cells (path, "xl/worksheets/sheet1.xml");
  director_ref = g_strdup_printf ("Detail!G%u", row_with_text (detail, 'B', "Total Director fees"));
  talent_ref = g_strdup_printf ("Detail!G%u",
                                row_with_text (detail, 'B', "Total On-camera talent"));
  row_l = row_with_text (summary, 'B', "Director fees");
  row_m = row_with_text (summary, 'B', "On-camera talent");
  g_assert_cmpstr (cell_at (summary, 'A', row_l)->text, ==, "L");
  g_assert_cmpstr (cell_at (summary, 'D', row_l)->formula, ==, director_ref);
  assert_cached (cell_at (summary, 'D', row_l), D (10000));
  g_assert_cmpstr (cell_at (summary, 'A', row_m)->text, ==, "M");
  g_assert_cmpstr (cell_at (summary, 'D', row_m)->formula, ==, talent_ref);
  /* the section kept off the form has its own row, without a letter */
  row_outside = row_with_text (summary, 'B', "Agency hospitality (its L, not on the AICP form)");
  g_assert_cmpuint (row_outside, >, 0);
  assert_cached (cell_at (summary, 'D', row_outside), D (300));
  outside_code = g_strdup_printf ("A%u", row_outside);
  code = g_hash_table_lookup (summary, outside_code);
  g_assert_true (code == NULL || code->text == NULL || *code->text == '\0');
  outlay_test_remove_dir (dir);
}

static void
test_xlsx_crafted (void)
{
  g_autofree char *dir = outlay_test_make_dir ();
  g_autoptr(OutlayDocument) doc = crafted_document ();
  g_autofree char *path = export_xlsx (doc, dir, "crafted.xlsx");
  g_autoptr(GHashTable) detail = read_cells (path, "xl/worksheets/sheet2.xml");
  g_autoptr(GHashTable) summary = read_cells (path, "xl/worksheets/sheet1.xml");
  g_autofree char *formats = xpath_values (path, "xl/styles.xml", "//m:numFmt/@formatCode");
  g_autofree char *author = xpath_values (path, "docProps/core.xml", "//dc:creator");
  OutlaySection *crew = outlay_document_get_section (doc, 0);
  guint sub = row_with_text (detail, 'B', "Subtotal Crew");
  g_autofree char *fringe = g_strdup_printf ("ROUND(ROUND(G%u*F%u,10),4)", sub, sub + 1);
  /* both sections lettered A share the row, and its label names both */
  guint row_a = row_with_text (summary, 'B', "Crew + More crew");
  guint total_crew = row_with_text (detail, 'B', "Total Crew");
  guint total_more = row_with_text (detail, 'B', "Total More crew");
  g_autofree char *both = g_strdup_printf ("Detail!G%u+Detail!G%u", total_crew, total_more);
  g_autofree char *tiny_formula = NULL;
  guint tiny;

  /* the typed estimate is a number, not a formula */
  g_assert_null (cell_at (detail, 'G', 4)->formula);
  assert_cached (cell_at (detail, 'G', 4), dec ("1000.5"));
  /* 1.5 × 1 × 10.3333 = 15.49995: Outlay rounds each product to 4 places */
  g_assert_cmpstr (cell_at (detail, 'G', 5)->formula, ==, "ROUND(ROUND(C5*E5*F5,10),4)");
  assert_cached (cell_at (detail, 'G', 5), dec ("15.5"));
  /* days of 0 make 0, as in Outlay */
  g_assert_cmpstr (cell_at (detail, 'G', 6)->formula, ==, "C6*E6*F6");
  assert_cached (cell_at (detail, 'G', 6), 0);
  /* a control character cannot go in the XML: a space instead */
  g_assert_cmpstr (cell_at (detail, 'B', 6)->text, ==, "Standby  grip");
  g_assert_cmpstr (cell_at (detail, 'G', sub + 1)->formula, ==, fringe);
  assert_cached (cell_at (detail, 'F', sub + 1), OUTLAY_DECIMAL_ONE * 225 / 1000);
  assert_cached (cell_at (detail, 'G', sub + 1), outlay_section_get_fringe_amount (crew));
  /* "A" and " a" both make the top sheet's letter A */
  g_assert_cmpstr (cell_at (summary, 'D', row_a)->formula, ==, both);
  /* an empty letter is 0, the section outside A–P has its own row */
  assert_cached (cell_at (summary, 'D', row_with_text (summary, 'B', "Empty letter")), 0);
  /* cut to Excel's 32,767 characters */
  g_assert_cmpuint (strlen (cell_at (detail, 'K', row_with_text (detail, 'B', "Office"))->text), ==,
                    32767);
  tiny = row_with_text (detail, 'B', "Tiny part");
  tiny_formula = g_strdup_printf ("ROUND(ROUND(ROUND(ROUND(C%u*E%u,10),4)*F%u,10),4)", tiny, tiny,
                                  tiny);
  g_assert_cmpstr (cell_at (detail, 'G', tiny)->formula, ==, tiny_formula);
  assert_cached (cell_at (detail, 'G', tiny), dec ("0.5"));
  g_assert_cmpuint (row_with_text (summary, 'B', "Overhead"), >, 0);
  g_assert_nonnull (strstr (formats, "#,##0.00 \"€\";[Red]-#,##0.00 \"€\""));
  g_assert_cmpstr (author, ==, "Kite & Co");
  outlay_test_remove_dir (dir);
}

static void
test_xlsx_currency (void)
{
  g_autofree char *dir = outlay_test_make_dir ();
  g_autoptr(OutlayDocument) yen = allocated_document ();
  g_autoptr(OutlayDocument) sample = sample_document ();
  g_autofree char *yen_path = export_xlsx (yen, dir, "yen.xlsx");
  g_autofree char *usd_path = export_xlsx (sample, dir, "usd.xlsx");
  g_autofree char *yen_formats = xpath_values (yen_path, "xl/styles.xml", "//m:numFmt/@formatCode");
  g_autofree char *usd_formats = xpath_values (usd_path, "xl/styles.xml", "//m:numFmt/@formatCode");

  g_assert_nonnull (strstr (yen_formats, "\"¥\"#,##0;[Red]-\"¥\"#,##0"));
  g_assert_nonnull (strstr (usd_formats, "\"$\"#,##0.00;[Red]-\"$\"#,##0.00"));
  outlay_test_remove_dir (dir);
}

/* ---- xlsx: recalculated by Gnumeric ---- */

/* A copy of the workbook at @path with every formula's cached value set
 * to 0: what Gnumeric then shows, it has calculated. */
static void copy_zeroed (GsfInfile *in, GsfOutfile *out, GRegex *cached);

static void
copy_member (GsfInput *child, GsfOutfile *out, const char *name, GRegex *cached)
{
  g_autofree char *data = read_input (child);
  g_autofree char *zeroed = NULL;
  g_autoptr(GsfOutput) member = gsf_outfile_new_child (out, name, FALSE);

  if (g_str_has_prefix (name, "sheet"))
    zeroed = g_regex_replace (cached, data, -1, 0, "</f><v>0</v>", 0, NULL);
  g_assert_true (gsf_output_write (member, strlen (zeroed ? zeroed : data),
                                   (const guint8 *) (zeroed ? zeroed : data)));
  g_assert_true (gsf_output_close (member));
}

static void
copy_zeroed (GsfInfile *in, GsfOutfile *out, GRegex *cached)
{
  for (int i = 0; i < gsf_infile_num_children (in); i++)
    {
      g_autoptr(GsfInput) child = gsf_infile_child_by_index (in, i);
      const char *name = gsf_infile_name_by_index (in, i);

      if (GSF_IS_INFILE (child) && gsf_infile_num_children (GSF_INFILE (child)) >= 0)
        {
          g_autoptr(GsfOutput) sub = gsf_outfile_new_child (out, name, TRUE);

          copy_zeroed (GSF_INFILE (child), GSF_OUTFILE (sub), cached);
          g_assert_true (gsf_output_close (sub));
        }
      else
        copy_member (child, out, name, cached);
    }
}

static char *
zero_cached_values (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_strconcat (path, ".zeroed.xlsx", NULL);
  g_autoptr(GsfInfile) in = open_zip (path);
  g_autoptr(GsfOutput) sink = gsf_output_stdio_new (copy, &error);
  g_autoptr(GsfOutfile) out = NULL;
  g_autoptr(GRegex) cached = g_regex_new ("</f><v>[^<]*</v>", 0, 0, NULL);

  g_assert_no_error (error);
  out = gsf_outfile_zip_new (sink, &error);
  g_assert_no_error (error);
  copy_zeroed (in, out, cached);
  g_assert_true (gsf_output_close (GSF_OUTPUT (out)));
  g_assert_true (gsf_output_close (sink));
  return g_steal_pointer (&copy);
}

/* RFC 4180 records; fields unquoted. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (quoted && *p == '"' && p[1] == '"')
        g_string_append_c (field, *p++);
      else if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == '\r')
        continue;
      else if (!quoted && (*p == ',' || *p == '\n'))
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          if (*p == '\n')
            {
              g_ptr_array_add (fields, NULL);
              g_ptr_array_add (records, g_ptr_array_steal (fields, NULL));
              g_ptr_array_set_free_func (fields, g_free);
            }
        }
      else
        g_string_append_c (field, *p);
    }
  g_assert_cmpuint (field->len, ==, 0); /* every record ends in LF */
  return records;
}

static GPtrArray *
read_csv (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return parse_csv (text);
}

/* The sheets of @xlsx after `ssconvert --recalc`, as CSV records. */
static void
recalculate (const char *xlsx, const char *dir, GPtrArray **summary, GPtrArray **detail)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pattern = g_build_filename (dir, "recalc-%s.csv", NULL);
  g_autofree char *summary_csv = g_build_filename (dir, "recalc-Summary.csv", NULL);
  g_autofree char *detail_csv = g_build_filename (dir, "recalc-Detail.csv", NULL);
  g_autofree char *ssconvert = g_find_program_in_path ("ssconvert");
  g_autofree char *err = NULL;
  const char *argv[] = { ssconvert, "--recalc", "-S", "-T", "Gnumeric_stf:stf_assistant",
                         "-O", "format=raw", xlsx, pattern, NULL };
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "G_DEBUG");
  int status = 0;

  /* the build's dependencies include gnumeric: without it this fails */
  if (ssconvert == NULL)
    g_error ("ssconvert (gnumeric) is not installed: it checks that the workbook recalculates");
  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("ssconvert failed: %s", err);
  *summary = read_csv (summary_csv);
  *detail = read_csv (detail_csv);
}

/* The record whose field @column is @label. */
static char **
record_with (GPtrArray *records, guint column, const char *label)
{
  for (guint i = 0; i < records->len; i++)
    {
      char **r = g_ptr_array_index (records, i);

      if (g_strv_length (r) > column && g_str_equal (r[column], label))
        return r;
    }
  g_error ("no row “%s”", label);
}

/* Recalculated in binary floating point, equal to Outlay's exact figure
 * to its four places (so to the cent). */
static void
assert_same (const char *recalculated, OutlayDecimal expected, const char *what)
{
  g_test_message ("%s: %s", what, recalculated);
  g_assert_cmpint (dec (recalculated), ==, expected);
}

static void
assert_recalculates (OutlayDocument *doc, const char *name)
{
  g_autofree char *dir = outlay_test_make_dir ();
  g_autofree char *path = export_xlsx (doc, dir, name);
  g_autofree char *zeroed = zero_cached_values (path);
  g_autofree char *zeroed_sheet = NULL;
  g_autoptr(OutlayTopSheet) top = outlay_topsheet_new (doc);
  g_autoptr(GPtrArray) summary = NULL;
  g_autoptr(GPtrArray) detail = NULL;
  const OutlayTotals *t = outlay_document_get_totals (doc);
  char **r;

  /* what Gnumeric shows below can only come from recalculating */
  zeroed_sheet = read_member (zeroed, "xl/worksheets/sheet2.xml");
  g_assert_nonnull (strstr (zeroed_sheet, "</f><v>0</v>"));
  g_assert_false (g_regex_match_simple ("</f><v>[^<]*[1-9]", zeroed_sheet, 0, 0));
  recalculate (zeroed, dir, &summary, &detail);
  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);
      g_autofree char *label = g_strdup_printf ("Total %s", outlay_section_get_name (section));

      r = record_with (detail, 1, label);
      assert_same (r[6], outlay_section_get_totals (section)->estimate, label);
      assert_same (r[7], outlay_section_get_totals (section)->actual, label);
    }
  r = record_with (detail, 1, "Grand total");
  assert_same (r[6], t->estimate, "grand total");
  assert_same (r[7], t->actual, "grand total actual");
  assert_same (r[8], outlay_totals_get_variance (t), "grand total variance");
  assert_same (r[9], t->committed, "grand total committed");
  for (guint i = 0; i < outlay_topsheet_get_n_rows (top); i++)
    {
      const OutlayTopSheetRow *row = outlay_topsheet_get_row (top, i);
      gboolean used = row->kind == OUTLAY_TOPSHEET_ROW_PERCENT_USED;

      r = record_with (summary, 1, row->label);
      if (used) /* a fraction on the sheet */
        g_assert_cmpint (cents (dec (r[3]) * 100), ==, cents (row->estimate));
      else
        assert_same (r[3], row->estimate, row->label);
      if (!used)
        assert_same (r[4], row->actual, row->label);
    }
  outlay_test_remove_dir (dir);
}

/* So many sections that "=G6+G10+…" would pass Excel's 8,192
 * characters: the grand total adds the marked total rows instead. */
static void
test_xlsx_many_sections (void)
{
  g_autoptr(OutlayBudget) budget = outlay_budget_new ("Many sections");
  g_autoptr(OutlayDocument) doc = outlay_document_new (budget);
  g_autofree char *dir = outlay_test_make_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GHashTable) detail = NULL;
  Cell *grand;

  for (guint i = 0; i < 1400; i++)
    {
      g_autofree char *code = g_strdup_printf ("%u", i + 1);
      g_autofree char *name = g_strdup_printf ("Section %u", i + 1);
      OutlaySection *section = add_section (doc, code, name, i % 7 == 0 ? "12.5" : "0");

      add_line (doc, section, code, "Item", "1.5", "2", "99.99", "10");
    }
  g_assert_true (outlay_document_finish_load (doc, NULL));
  path = export_xlsx (doc, dir, "many.xlsx");
  detail = read_cells (path, "xl/worksheets/sheet2.xml");
  grand = cell_at (detail, 'G', row_with_text (detail, 'B', "Grand total"));
  g_assert_true (g_str_has_prefix (grand->formula, "SUMIF("));
  assert_cached (grand, outlay_document_get_totals (doc)->estimate);
  assert_recalculates (doc, "many.xlsx");
  outlay_test_remove_dir (dir);
}

static void
test_xlsx_recalc_sample (void)
{
  g_autoptr(OutlayDocument) doc = sample_document ();

  assert_recalculates (doc, "sample.xlsx");
}

static void
test_xlsx_recalc_crafted (void)
{
  g_autoptr(OutlayDocument) crafted = crafted_document ();
  g_autoptr(OutlayDocument) allocated = allocated_document ();

  assert_recalculates (crafted, "crafted.xlsx");
  assert_recalculates (allocated, "allocated.xlsx");
}

/* ---- safety: cancel, errors ---- */

static OutlayDocument *
long_document (guint n)
{
  g_autoptr(OutlayBudget) budget = outlay_budget_new ("Long");
  OutlayDocument *doc = outlay_document_new (budget);
  OutlaySection *section = add_section (doc, "1", "Everything", "0");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *code = g_strdup_printf ("%u", i + 1);

      add_line (doc, section, code, "Item", "1", "1", "10", "0");
    }
  g_assert_true (outlay_document_finish_load (doc, NULL));
  return doc;
}

static void
cancel_cb (guint64 done, guint64 total, gpointer data)
{
  g_assert_cmpuint (done, <=, total);
  g_cancellable_cancel (data);
}

typedef gboolean (*ExportFunc) (OutlayDocument *, const char *, OutlayProgressFunc, gpointer,
                                GCancellable *, GError **);

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_cancel (gconstpointer data)
{
  ExportFunc export = (ExportFunc) data;
  g_autofree char *dir = outlay_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "budget.out", NULL);
  g_autoptr(OutlayDocument) doc = long_document (2500);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_file_set_contents (path, "the previous export", -1, NULL));
  g_assert_false (export (doc, path, cancel_cb, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* the old file is untouched and no temporary file is left */
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "the previous export");
  g_assert_cmpuint (count_files (dir), ==, 1);
  outlay_test_remove_dir (dir);
}

static void
test_missing_folder (gconstpointer data)
{
  ExportFunc export = (ExportFunc) data;
  g_autofree char *dir = outlay_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "no-such-folder", "budget.out", NULL);
  g_autoptr(OutlayDocument) doc = sample_document ();
  g_autoptr(GError) error = NULL;

  g_assert_false (export (doc, path, NULL, NULL, NULL, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpuint (count_files (dir), ==, 0);
  outlay_test_remove_dir (dir);
}

/* ---- CSV ---- */

static void
test_csv (void)
{
  g_autofree char *dir = outlay_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "crafted.csv", NULL);
  g_autoptr(OutlayDocument) doc = crafted_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *text = NULL;
  OutlayDecimal estimates = 0, actuals = 0;
  char **r;

  g_assert_true (outlay_csv_export (doc, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "Section,Code,Description,Qty,Unit,Multiplier,Rate,"
                                         "Estimate,Actual,Committed,Reserved,Notes,Vendor,"
                                         "Assignee,Date,Period\n"));
  g_assert_null (strstr (text, "\r\n"));
  records = parse_csv (text);
  g_assert_cmpuint (records->len, ==, outlay_document_get_n_lines (doc) + 1);
  for (guint i = 1; i < records->len; i++)
    {
      r = g_ptr_array_index (records, i);
      g_assert_cmpuint (g_strv_length (r), ==, 16);
      estimates += dec (r[7]);
      actuals += dec (r[8]);
    }
  /* the lines' sums; fringes are not lines */
  g_assert_cmpint (estimates, ==, outlay_document_get_totals (doc)->estimate
                                    - outlay_document_get_totals (doc)->fringe);
  g_assert_cmpint (actuals, ==, outlay_document_get_totals (doc)->actual);
  r = record_with (records, 1, "3");
  g_assert_cmpstr (r[2], ==, "Runner, \"hourly\"");
  g_assert_cmpstr (r[3], ==, "1.5");
  g_assert_cmpstr (r[6], ==, "10.3333");
  g_assert_cmpstr (r[7], ==, "15.50");
  g_assert_cmpstr (record_with (records, 1, "5")[2], ==, "Driver\nnight");
  /* code and name in one column, as a section heading reads */
  g_assert_true (g_str_has_prefix (record_with (records, 1, "5")[0], " a: "));
  g_assert_cmpstr (record_with (records, 1, "9")[7], ==, "999.99");
  g_assert_cmpstr (record_with (records, 1, "9")[8], ==, "1500.00");
  outlay_test_remove_dir (dir);
}

/* ---- outlay-cli export ---- */

static int
run_cli (const char *dir, const char *first, ...) G_GNUC_NULL_TERMINATED;

static int
run_cli (const char *dir, const char *first, ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", dir, TRUE);
  const char *cli = g_getenv ("OUTLAY_CLI");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  va_list args;

  if (cli == NULL)
    g_error ("OUTLAY_CLI is not set; run the tests with meson test");
  g_ptr_array_add (argv, g_strdup (cli));
  g_ptr_array_add (argv, g_strdup ("--database"));
  g_ptr_array_add (argv, g_build_filename (dir, "cli.db", NULL));
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (a));
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("%s", err);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (void)
{
  g_autofree char *dir = outlay_test_make_dir ();
  g_autofree char *xlsx = g_build_filename (dir, "Bid.XLSX", NULL);
  g_autofree char *csv = g_build_filename (dir, "bid.csv", NULL);
  g_autofree char *txt = g_build_filename (dir, "bid.txt", NULL);
  g_autofree char *v1 = g_build_filename (dir, "v1.csv", NULL);
  g_autofree char *lost = g_build_filename (dir, "missing", "bid.xlsx", NULL);
  g_autofree char *head = NULL;
  g_autoptr(GPtrArray) records = NULL;

  g_assert_cmpint (run_cli (dir, "export", "sample", "-o", xlsx, NULL), ==, 0);
  g_assert_true (g_file_get_contents (xlsx, &head, NULL, NULL));
  g_assert_true (g_str_has_prefix (head, "PK"));
  g_assert_cmpint (run_cli (dir, "export", "sample", "-o", csv, NULL), ==, 0);
  g_assert_cmpint (run_cli (dir, "export", "sample", "--format", "csv", "-o", txt, NULL), ==, 0);
  records = read_csv (txt);
  g_assert_cmpuint (records->len, >, 1);

  /* a saved version */
  g_assert_cmpint (run_cli (dir, "version", "sample", "--save", "V1", NULL), ==, 0);
  g_assert_cmpint (run_cli (dir, "export", "sample", "--version", "V1", "-o", v1, NULL), ==, 0);
  g_assert_true (g_file_test (v1, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run_cli (dir, "export", "sample", "--version", "V9", "-o", v1, NULL), ==, 1);

  /* usage errors */
  g_assert_cmpint (run_cli (dir, "export", "sample", "-o", "bid.pdf", NULL), ==, 2);
  g_assert_cmpint (run_cli (dir, "export", "sample", "--format", "ods", "-o", xlsx, NULL), ==, 2);
  g_assert_cmpint (run_cli (dir, "export", "sample", NULL), ==, 2);
  g_assert_cmpint (run_cli (dir, "export", "-o", xlsx, NULL), ==, 2);
  g_assert_cmpint (run_cli (dir, "export", "sample", "--bogus", "-o", xlsx, NULL), ==, 2);
  /* failures */
  g_assert_cmpint (run_cli (dir, "export", "no such budget", "-o", xlsx, NULL), ==, 1);
  g_assert_cmpint (run_cli (dir, "export", "sample", "-o", lost, NULL), ==, 1);
  outlay_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  gsf_init ();
  xmlInitParser ();

  g_test_add_func ("/export/xlsx/sample", test_xlsx_sample);
  g_test_add_func ("/export/xlsx/fringe-and-typed", test_xlsx_crafted);
  g_test_add_func ("/export/xlsx/own-letters", test_xlsx_own_letters);
  g_test_add_func ("/export/xlsx/currency-format", test_xlsx_currency);
  g_test_add_func ("/export/xlsx/recalc/sample", test_xlsx_recalc_sample);
  g_test_add_func ("/export/xlsx/recalc/crafted", test_xlsx_recalc_crafted);
  g_test_add_func ("/export/xlsx/recalc/many-sections", test_xlsx_many_sections);
  g_test_add_data_func ("/export/xlsx/cancel", (gconstpointer) outlay_xlsx_export, test_cancel);
  g_test_add_data_func ("/export/csv/cancel", (gconstpointer) outlay_csv_export, test_cancel);
  g_test_add_data_func ("/export/xlsx/missing-folder", (gconstpointer) outlay_xlsx_export,
                        test_missing_folder);
  g_test_add_data_func ("/export/csv/missing-folder", (gconstpointer) outlay_csv_export,
                        test_missing_folder);
  g_test_add_func ("/export/csv/read-back", test_csv);
  g_test_add_func ("/export/cli", test_cli);

  status = g_test_run ();
  xmlCleanupParser ();
  gsf_shutdown ();
  return status;
}
