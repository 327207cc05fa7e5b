/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "outlay-engine-json.h"
#include "outlay-error.h"
#include "outlay-schema.h"
#include "outlay-store-private.h"
#include "outlay-store.h"
#include "outlay-template.h"
#include "outlay-test-util.h"
#include "outlay-topsheet.h"

/* Expected figures are written out by hand (checked with Python's
 * Decimal), never computed with the code under test. */

#define D(units) OUTLAY_DECIMAL_FROM_INT (units)

static OutlayDecimal
dec (const char *text)
{
  g_autoptr(GError) error = NULL;
  OutlayDecimal v = 0;

  g_assert_true (outlay_decimal_parse (text, &v, &error));
  g_assert_no_error (error);
  return v;
}

static OutlayDocument *
build (const char *template_id)
{
  g_autoptr(GError) error = NULL;
  OutlayDocument *doc = outlay_template_build (template_id, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  if (g_str_equal (template_id, "sample"))
    outlay_test_add_sample_fringes (doc);
  return doc;
}

static const OutlayTopSheetRow *
row (OutlayTopSheet *sheet, const char *id)
{
  const OutlayTopSheetRow *r = outlay_topsheet_lookup_row (sheet, id);

  if (r == NULL)
    g_error ("no top sheet row “%s”", id);
  return r;
}

static void
assert_row (OutlayTopSheet *sheet, const char *id, const char *estimate, const char *actual)
{
  const OutlayTopSheetRow *r = row (sheet, id);

  g_test_message ("row %s", id);
  g_assert_cmpint (r->estimate, ==, dec (estimate));
  g_assert_cmpint (r->actual, ==, dec (actual));
  if (r->kind != OUTLAY_TOPSHEET_ROW_ALLOCATED && r->kind != OUTLAY_TOPSHEET_ROW_REMAINING
      && r->kind != OUTLAY_TOPSHEET_ROW_PERCENT_USED)
    g_assert_cmpint (r->variance, ==, dec (estimate) - dec (actual));
}

/* "A,B,…" */
static char *
row_ids (OutlayTopSheet *sheet)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < outlay_topsheet_get_n_rows (sheet); i++)
    g_string_append_printf (s, "%s%s", i ? "," : "", outlay_topsheet_get_row (sheet, i)->id);
  return g_string_free (s, FALSE);
}

static void
set_budget (OutlayDocument *doc, const char *property, const char *text)
{
  g_autoptr(GError) error = NULL;
  g_auto(GValue) v = G_VALUE_INIT;
  GParamSpec *pspec = g_object_class_find_property (
    G_OBJECT_GET_CLASS (outlay_document_get_budget (doc)), property);

  g_assert_nonnull (pspec);
  g_value_init (&v, pspec->value_type);
  if (pspec->value_type == G_TYPE_INT64)
    g_value_set_int64 (&v, dec (text));
  else
    g_value_set_string (&v, text);
  g_assert_true (outlay_document_set_budget_value (doc, property, &v, &error));
  g_assert_no_error (error);
}

static void
set_line (OutlayDocument *doc, OutlayLine *line, OutlayLineField field, const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (outlay_document_set_line_text (doc, line, field, text, &error));
  g_assert_no_error (error);
}

static OutlayLine *
add_line (OutlayDocument *doc, OutlaySection *section, const char *rate, const char *actual)
{
  g_autoptr(GError) error = NULL;
  OutlayLine *line = outlay_document_insert_line (doc, section, G_MAXUINT, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (line);
  set_line (doc, line, OUTLAY_LINE_RATE, rate);
  if (actual != NULL)
    set_line (doc, line, OUTLAY_LINE_ACTUAL, actual);
  return line;
}

static OutlaySection *
add_section (OutlayDocument *doc, const char *code, const char *name, const char *fringe)
{
  g_autoptr(GError) error = NULL;
  OutlaySection *section = outlay_document_add_section (doc, G_MAXUINT, code, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (section);
  if (fringe != NULL)
    {
      g_assert_true (outlay_document_update_section (doc, section, code, name, dec (fringe),
                                                     &error));
      g_assert_no_error (error);
    }
  return section;
}

/* ---- the sample's bid summary ---- */

static void
test_sample (void)
{
  g_autoptr(OutlayDocument) doc = build ("sample");
  g_autoptr(OutlayTopSheet) sheet = outlay_topsheet_new (doc);
  g_autofree char *ids = row_ids (sheet);
  OutlayDecimal sections = 0;

  g_assert_true (outlay_topsheet_is_aicp (sheet));
  g_assert_null (outlay_topsheet_get_error (sheet));
  g_assert_cmpint (outlay_topsheet_get_status (sheet), ==, OUTLAY_TOPSHEET_STATUS_NONE);
  g_assert_cmpstr (ids, ==,
                   "A,B,C,D,E,F,G,H,I,J,K,a-to-k,markup,L,M,N,O,P,contingency,insurance,"
                   "production-fee,handling-fee,contracted-total");

  /* sections: lines plus 28 % on the labour sections A, B, G, M, O */
  assert_row (sheet, "A", "42432", "24441.77");     /* 33,150 + 9,282 */
  assert_row (sheet, "B", "52352", "41222.11");     /* 40,900 + 11,452 */
  assert_row (sheet, "C", "10020", "8586.13");
  assert_row (sheet, "D", "24160", "20256.56");
  assert_row (sheet, "E", "16300", "10585.66");
  assert_row (sheet, "F", "24850", "16931.42");
  assert_row (sheet, "G", "29696", "22369.72");     /* 23,200 + 6,496 */
  assert_row (sheet, "H", "18900", "16651.18");
  assert_row (sheet, "I", "48320", "37606.23");
  assert_row (sheet, "J", "3780", "1477.28");
  assert_row (sheet, "K", "9450", "5100.07");
  assert_row (sheet, "a-to-k", "280260", "205228.13");
  assert_row (sheet, "markup", "0", "0");
  assert_row (sheet, "L", "80000", "72500");
  assert_row (sheet, "M", "17395.20", "9612.38");   /* 13,590 + 3,805.20 */
  assert_row (sheet, "N", "3550", "0");
  assert_row (sheet, "O", "54272", "0");            /* 42,400 + 11,872 */
  assert_row (sheet, "P", "70200", "0");
  assert_row (sheet, "contingency", "0", "0");
  /* 1.5 % of A to K: 280,260 → 4,203.90; 205,228.13 → 3,078.421950 */
  assert_row (sheet, "insurance", "4203.90", "3078.4220");
  /* 12 % of A to K plus insurance: 284,463.90 → 34,135.668;
   * 208,306.552 → 24,996.78624 */
  assert_row (sheet, "production-fee", "34135.668", "24996.7862");
  assert_row (sheet, "handling-fee", "0", "0");
  assert_row (sheet, "contracted-total", "544016.768", "315415.7182");
  g_assert_true (outlay_topsheet_get_total (sheet) == row (sheet, "contracted-total"));

  g_assert_cmpint (row (sheet, "insurance")->percent, ==, dec ("1.5"));
  g_assert_cmpint (row (sheet, "insurance")->base_estimate, ==, D (280260));
  g_assert_cmpstr (row (sheet, "insurance")->property, ==, "insurance-percent");
  g_assert_cmpint (row (sheet, "production-fee")->percent, ==, D (12));
  g_assert_cmpint (row (sheet, "production-fee")->base_estimate, ==, dec ("284463.90"));
  g_assert_cmpstr (row (sheet, "production-fee")->property, ==, "production-fee-percent");
  g_assert_cmpstr (row (sheet, "contingency")->property, ==, "contingency");
  g_assert_true (row (sheet, "A")->section == outlay_document_lookup_section (doc, "A"));
  g_assert_cmpstr (row (sheet, "A")->label, ==, "Pre-production & wrap labour");

  /* every figure equals the detail: the sections add up to the budget */
  for (guint i = 0; i < outlay_topsheet_get_n_rows (sheet); i++)
    if (outlay_topsheet_get_row (sheet, i)->kind == OUTLAY_TOPSHEET_ROW_SECTION)
      sections += outlay_topsheet_get_row (sheet, i)->estimate;
  g_assert_cmpint (sections, ==, outlay_document_get_totals (doc)->estimate);
  g_assert_cmpint (sections, ==, dec ("505677.20"));
  g_assert_cmpint (outlay_document_get_totals (doc)->fringe, ==, dec ("42907.20"));
}

/* Markup, contingency and handling fee, edited as a user would. */
static void
test_markups (void)
{
  g_autoptr(OutlayDocument) doc = build ("sample");
  g_autoptr(OutlayTopSheet) sheet = NULL;
  g_autoptr(OutlayTopSheet) undone = NULL;
  g_autoptr(GError) error = NULL;

  set_budget (doc, "markup-percent", "10");
  set_budget (doc, "contingency", "5000");
  set_budget (doc, "handling-fee-percent", "5");
  sheet = outlay_topsheet_new (doc);

  assert_row (sheet, "markup", "28026", "20522.813");
  assert_row (sheet, "contingency", "5000", "0");
  /* insurance and the fee do not move: their base is A to K */
  assert_row (sheet, "insurance", "4203.90", "3078.4220");
  assert_row (sheet, "production-fee", "34135.668", "24996.7862");
  /* 5 % of M to P: 145,417.20 and 9,612.38 */
  assert_row (sheet, "handling-fee", "7270.86", "480.619");
  g_assert_cmpint (row (sheet, "handling-fee")->base_estimate, ==, dec ("145417.20"));
  assert_row (sheet, "contracted-total", "584313.628", "336419.1502");

  /* each percentage is one undoable edit */
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_no_error (error);
  undone = outlay_topsheet_new (doc);
  assert_row (undone, "handling-fee", "0", "0");
  assert_row (undone, "contracted-total", "577042.768", "335938.5312");
}

/* Letters in any case add up, missing letters print as zero, sections
 * outside A–P come after contingency, and each percentage is rounded once. */
static void
test_layout_and_rounding (void)
{
  g_autoptr(OutlayBudget) budget = g_object_new (OUTLAY_TYPE_BUDGET, "name", "Spot",
                                                  "kind", OUTLAY_BUDGET_KIND_AICP, NULL);
  g_autoptr(OutlayDocument) doc = outlay_document_new (budget);
  g_autoptr(OutlayTopSheet) sheet = NULL;
  g_autofree char *ids = NULL;
  OutlaySection *b, *b2, *q;

  b = add_section (doc, "B", "Shoot crew", "10");
  add_line (doc, b, "100.01", "50");
  b2 = add_section (doc, " b ", "More shoot crew", NULL);
  add_line (doc, b2, "0.0333", NULL);
  q = add_section (doc, "Q", "Weather day", NULL);
  add_line (doc, q, "999.99", NULL);
  set_budget (doc, "insurance-percent", "1.5");
  set_budget (doc, "production-fee-percent", "12.5");
  sheet = outlay_topsheet_new (doc);
  ids = row_ids (sheet);

  g_assert_cmpstr (ids, ==,
                   "A,B,C,D,E,F,G,H,I,J,K,a-to-k,markup,L,M,N,O,P,contingency,Q,insurance,"
                   "production-fee,handling-fee,contracted-total");
  assert_row (sheet, "A", "0", "0");
  g_assert_null (row (sheet, "A")->section);
  g_assert_cmpstr (row (sheet, "A")->label, ==, "Pre-production & wrap labour");
  /* 100.01 + 10 % (10.001) + 0.0333 */
  assert_row (sheet, "B", "110.0443", "50");
  g_assert_true (row (sheet, "B")->section == b);
  assert_row (sheet, "a-to-k", "110.0443", "50");
  /* 1.5 % of 110.0443 = 1.6506645 → 1.6507; of 50 = 0.75 */
  assert_row (sheet, "insurance", "1.6507", "0.75");
  /* 12.5 % of 111.695 = 13.961875 → 13.9619; of 50.75 = 6.34375 → 6.3438 */
  assert_row (sheet, "production-fee", "13.9619", "6.3438");
  assert_row (sheet, "Q", "999.99", "0");
  /* 110.0443 + 999.99 + 1.6507 + 13.9619 */
  assert_row (sheet, "contracted-total", "1125.6469", "57.0938");
}

/* ---- other kinds: a summary by section against the allocation ---- */

static void
test_allocation_status (void)
{
  g_autoptr(OutlayBudget) budget = g_object_new (OUTLAY_TYPE_BUDGET, "name", "Launch",
                                                  "kind", OUTLAY_BUDGET_KIND_PROJECT,
                                                  "allocated", D (1000), NULL);
  g_autoptr(OutlayDocument) doc = outlay_document_new (budget);
  g_autoptr(OutlayTopSheet) sheet = NULL;
  g_autoptr(OutlayTopSheet) critical = NULL;
  g_autoptr(OutlayTopSheet) uncapped = NULL;
  g_autofree char *ids = NULL;
  OutlaySection *design, *build_;
  OutlayLine *line;

  design = add_section (doc, "1", "Design", NULL);
  add_line (doc, design, "250", "200");
  build_ = add_section (doc, "2", "Build", "20");
  line = add_line (doc, build_, "500", "500");

  /* 250 + 500 + 20 % of 500 = 850 of 1,000: past the 80 % warning */
  sheet = outlay_topsheet_new (doc);
  ids = row_ids (sheet);
  g_assert_false (outlay_topsheet_is_aicp (sheet));
  g_assert_cmpstr (ids, ==, "1,2,total,allocated,remaining,percent-used");
  assert_row (sheet, "1", "250", "200");
  assert_row (sheet, "2", "600", "500");
  assert_row (sheet, "total", "850", "700");
  g_assert_true (outlay_topsheet_get_total (sheet) == row (sheet, "total"));
  assert_row (sheet, "allocated", "1000", "1000");
  assert_row (sheet, "remaining", "150", "300");
  assert_row (sheet, "percent-used", "85", "70");
  g_assert_cmpint (outlay_topsheet_get_status (sheet), ==, OUTLAY_TOPSHEET_STATUS_WARNING);
  g_assert_cmpint (row (sheet, "total")->estimate, ==, outlay_document_get_totals (doc)->estimate);

  /* spending 960 passes the 95 % critical line, whatever the plan says */
  set_line (doc, line, OUTLAY_LINE_ACTUAL, "760");
  critical = outlay_topsheet_new (doc);
  assert_row (critical, "percent-used", "85", "96");
  assert_row (critical, "remaining", "150", "40");
  g_assert_cmpint (outlay_topsheet_get_status (critical), ==, OUTLAY_TOPSHEET_STATUS_CRITICAL);

  /* with no cap there is nothing to be used up */
  set_budget (doc, "allocated", "0");
  uncapped = outlay_topsheet_new (doc);
  g_clear_pointer (&ids, g_free);
  ids = row_ids (uncapped);
  g_assert_cmpstr (ids, ==, "1,2,total,allocated,remaining");
  assert_row (uncapped, "remaining", "-850", "-960");
  g_assert_cmpint (outlay_topsheet_get_status (uncapped), ==, OUTLAY_TOPSHEET_STATUS_NONE);

  /* an OK budget */
  set_budget (doc, "allocated", "5000");
  g_clear_object (&uncapped);
  uncapped = outlay_topsheet_new (doc);
  g_assert_cmpint (outlay_topsheet_get_status (uncapped), ==, OUTLAY_TOPSHEET_STATUS_OK);
  assert_row (uncapped, "percent-used", "17", "19.2");
}

static void
test_overflow (void)
{
  g_autoptr(OutlayBudget) budget = g_object_new (OUTLAY_TYPE_BUDGET, "name", "Huge",
                                                  "kind", OUTLAY_BUDGET_KIND_AICP, NULL);
  g_autoptr(OutlayDocument) doc = outlay_document_new (budget);
  g_autoptr(OutlayTopSheet) sheet = NULL;
  OutlaySection *a = add_section (doc, "A", "Labour", NULL);

  add_line (doc, a, "900000000000000", NULL);
  set_budget (doc, "production-fee-percent", "50");
  sheet = outlay_topsheet_new (doc);
  g_assert_nonnull (outlay_topsheet_get_error (sheet));
  g_assert_true (g_error_matches (outlay_topsheet_get_error (sheet), OUTLAY_ERROR,
                                  OUTLAY_ERROR_OVERFLOW));
  g_assert_cmpint (outlay_topsheet_get_total (sheet)->estimate, ==, OUTLAY_DECIMAL_MAX);
}

/* ---- JSON and the header block ---- */

static void
test_json (void)
{
  g_autoptr(OutlayDocument) doc = build ("sample");
  g_autoptr(OutlayTopSheet) sheet = outlay_topsheet_new (doc);
  g_autoptr(JsonNode) node = outlay_topsheet_to_json (sheet);
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonObject *root, *header, *last, *fee;
  JsonArray *rows;

  /* what a script would read back */
  json_generator_set_root (gen, node);
  text = json_generator_to_data (gen, NULL);
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "kind"), ==, "aicp");
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==, "none");
  header = json_object_get_object_member (root, "header");
  g_assert_cmpstr (json_object_get_string_member (header, "production_company"), ==,
                   "Northbeam Films");
  g_assert_cmpstr (json_object_get_string_member (header, "job_number"), ==, "NB-2611");
  g_assert_cmpstr (json_object_get_string_member (header, "bid_date"), ==, "2026-11-02");
  g_assert_cmpstr (json_object_get_string_member (header, "shoot_dates"), ==,
                   "2026-12-07 – 2026-12-08");
  g_assert_cmpstr (json_object_get_string_member (header, "client"), ==,
                   "Brightwater Beverages / Northbeam Agency");
  g_assert_cmpstr (json_object_get_string_member (header, "director"), !=, "");
  g_assert_cmpstr (json_object_get_string_member (header, "producer"), !=, "");
  g_assert_cmpstr (json_object_get_string_member (header, "comments"), ==, "");

  rows = json_object_get_array_member (root, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 23);
  last = json_array_get_object_element (rows, 22);
  g_assert_cmpstr (json_object_get_string_member (last, "id"), ==, "contracted-total");
  g_assert_cmpstr (json_object_get_string_member (last, "kind"), ==, "total");
  /* exact: more places than cents when the value has them */
  g_assert_cmpstr (json_object_get_string_member (last, "estimate"), ==, "544016.768");
  g_assert_cmpstr (json_object_get_string_member (last, "actual"), ==, "315415.7182");
  g_assert_cmpstr (json_object_get_string_member (last, "variance"), ==, "228601.0498");
  fee = json_array_get_object_element (rows, 20);
  g_assert_cmpstr (json_object_get_string_member (fee, "id"), ==, "production-fee");
  g_assert_cmpstr (json_object_get_string_member (fee, "percent"), ==, "12");
  g_assert_cmpstr (json_object_get_string_member (fee, "base_estimate"), ==, "284463.90");
  g_assert_cmpstr (json_object_get_string_member (fee, "property"), ==,
                   "production-fee-percent");
}

/* ---- fringes ---- */

static void
count_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_fringe_line_edit (void)
{
  g_autoptr(OutlayDocument) doc = build ("sample");
  g_autoptr(GError) error = NULL;
  OutlaySection *a = outlay_document_lookup_section (doc, "A");
  OutlayLine *producer = outlay_document_lookup_line (doc, "1");
  g_autofree char *start = outlay_test_describe (doc);
  g_autofree char *edited = NULL;
  g_autofree char *redone = NULL;
  OutlayTotals before = *outlay_document_get_totals (doc);

  g_assert_cmpint (outlay_section_get_lines_estimate (a), ==, D (33150));
  g_assert_cmpint (outlay_section_get_fringe_amount (a), ==, D (9282));
  g_assert_cmpint (outlay_section_get_totals (a)->estimate, ==, D (42432));

  /* 8 × 1,000.05 = 8,000.40, up 1,200.40: A and the budget move by
   * 1,200.40 × 1.28 = 1,536.512 */
  set_line (doc, producer, OUTLAY_LINE_RATE, "1000.05");
  g_assert_cmpint (outlay_line_get_estimate (producer), ==, dec ("8000.40"));
  g_assert_cmpint (outlay_section_get_lines_estimate (a), ==, dec ("34350.40"));
  g_assert_cmpint (outlay_section_get_fringe_amount (a), ==, dec ("9618.112"));
  g_assert_cmpint (outlay_section_get_totals (a)->estimate, ==, dec ("43968.512"));
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==,
                   before.estimate + dec ("1536.512"));
  g_assert_cmpint (outlay_document_get_totals (doc)->fringe, ==, before.fringe + dec ("336.112"));
  /* the fringe is on estimates only */
  g_assert_cmpint (outlay_document_get_totals (doc)->actual, ==, before.actual);
  outlay_test_assert_totals_consistent (doc);
  edited = outlay_test_describe (doc);

  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_no_error (error);
  {
    g_autofree char *undone = outlay_test_describe (doc);

    g_assert_cmpstr (undone, ==, start);
  }
  outlay_test_assert_totals_equal (outlay_document_get_totals (doc), &before);
  outlay_test_assert_totals_consistent (doc);
  g_assert_true (outlay_document_redo (doc, &error));
  g_assert_no_error (error);
  redone = outlay_test_describe (doc);
  g_assert_cmpstr (redone, ==, edited);
  outlay_test_assert_totals_consistent (doc);
}

/* The fringe is a percentage of the section's sum, rounded once: not the
 * sum of each line's rounded fringe. */
static void
test_fringe_rounding (void)
{
  g_autoptr(OutlayDocument) doc = outlay_document_new (NULL);
  OutlaySection *s = add_section (doc, "1", "Crew", "12.5");
  OutlayLine *one;

  one = add_line (doc, s, "0.0003", NULL);
  /* 12.5 % of 0.0003 = 0.0000375 → 0 */
  g_assert_cmpint (outlay_section_get_fringe_amount (s), ==, 0);
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==, 3);
  /* 12.5 % of 0.0004 = 0.00005 → 0.0001, half away from zero: the budget
   * moves by 0.0002 for a line of 0.0001 */
  add_line (doc, s, "0.0001", NULL);
  g_assert_cmpint (outlay_section_get_fringe_amount (s), ==, 1);
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==, 5);
  /* and below zero: −0.0004 → −0.0001 */
  set_line (doc, one, OUTLAY_LINE_RATE, "-0.0005");
  g_assert_cmpint (outlay_section_get_fringe_amount (s), ==, -1);
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==, -5);
  outlay_test_assert_totals_consistent (doc);
}

static void
test_fringe_change (void)
{
  g_autoptr(OutlayDocument) doc = build ("sample");
  g_autoptr(GError) error = NULL;
  OutlaySection *a = outlay_document_lookup_section (doc, "A");
  OutlaySection *c = outlay_document_lookup_section (doc, "C");
  OutlayTotals before = *outlay_document_get_totals (doc);
  g_autofree char *start = outlay_test_describe (doc);
  g_autofree char *changed = NULL;
  g_autofree char *again = NULL;
  guint notified = 0;

  g_signal_connect (a, "notify::fringe-amount", G_CALLBACK (count_cb), &notified);

  /* 28 % → 30 % of 33,150: 9,282 → 9,945 */
  g_assert_true (outlay_document_update_section (doc, a, "A", outlay_section_get_name (a), D (30),
                                                 &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (outlay_section_get_fringe_amount (a), ==, D (9945));
  g_assert_cmpint (outlay_section_get_totals (a)->estimate, ==, D (43095));
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==, before.estimate + D (663));
  outlay_test_assert_totals_consistent (doc);

  /* a fringe on an expense section of 10,020 */
  g_assert_true (outlay_document_update_section (doc, c, "C", outlay_section_get_name (c),
                                                 dec ("2.5"), &error));
  g_assert_cmpint (outlay_section_get_totals (c)->estimate, ==, dec ("10270.50"));
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==,
                   before.estimate + D (663) + dec ("250.50"));
  outlay_test_assert_totals_consistent (doc);
  changed = outlay_test_describe (doc);

  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_no_error (error);
  {
    g_autofree char *undone = outlay_test_describe (doc);

    g_assert_cmpstr (undone, ==, start);
  }
  outlay_test_assert_totals_equal (outlay_document_get_totals (doc), &before);
  g_assert_true (outlay_document_redo (doc, &error));
  g_assert_true (outlay_document_redo (doc, &error));
  g_assert_no_error (error);
  again = outlay_test_describe (doc);
  g_assert_cmpstr (again, ==, changed);
  outlay_test_assert_totals_consistent (doc);
}

/* A typed estimate is the line's estimate as typed; the fringe goes on
 * the section, not into the line. */
static void
test_fringe_override (void)
{
  g_autoptr(OutlayDocument) doc = build ("sample");
  g_autoptr(GError) error = NULL;
  OutlaySection *a = outlay_document_lookup_section (doc, "A");
  OutlayLine *producer = outlay_document_lookup_line (doc, "1");
  OutlayDecimal total = outlay_document_get_totals (doc)->estimate;

  set_line (doc, producer, OUTLAY_LINE_ESTIMATE, "5000");
  g_assert_true (outlay_line_get_estimate_overridden (producer));
  g_assert_cmpint (outlay_line_get_estimate (producer), ==, D (5000));
  /* 31,350 × 1.28 = 40,128 */
  g_assert_cmpint (outlay_section_get_totals (a)->estimate, ==, D (40128));
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==, total - D (2304));
  /* the fringe changing leaves the typed value alone */
  g_assert_true (outlay_document_update_section (doc, a, "A", outlay_section_get_name (a), 0,
                                                 &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_line_get_estimate (producer), ==, D (5000));
  g_assert_true (outlay_line_get_estimate_overridden (producer));
  g_assert_cmpint (outlay_section_get_totals (a)->estimate, ==, D (31350));
  /* back to the formula: 6,800 */
  g_assert_true (outlay_document_reset_estimate (doc, producer, &error));
  g_assert_cmpint (outlay_section_get_totals (a)->estimate, ==, D (33150));
  outlay_test_assert_totals_consistent (doc);
}

/* Moving a line between sections with different fringes. */
static void
test_fringe_move (void)
{
  g_autoptr(OutlayDocument) doc = build ("sample");
  g_autoptr(GError) error = NULL;
  OutlaySection *b = outlay_document_lookup_section (doc, "B");
  OutlaySection *k = outlay_document_lookup_section (doc, "K");
  OutlayDecimal total = outlay_document_get_totals (doc)->estimate;

  /* petty cash, 2,500, from K (no fringe) to B (28 %) */
  g_assert_true (outlay_document_move_line (doc, outlay_document_lookup_line (doc, "217"), b, 0,
                                            &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_section_get_totals (b)->estimate, ==, D (52352) + D (3200));
  g_assert_cmpint (outlay_section_get_totals (k)->estimate, ==, D (6950));
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==, total + D (700));
  outlay_test_assert_totals_consistent (doc);
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==, total);
  outlay_test_assert_totals_consistent (doc);
}

/* ---- the store: fringes in its sums, the new columns, migration ---- */

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = outlay_test_make_dir ();
  f->path = g_build_filename (f->dir, "outlay.db", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  outlay_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
assert_store_totals (OutlayStore *store, OutlayDocument *doc)
{
  g_autoptr(GError) error = NULL;
  OutlayTotals db;

  g_assert_true (outlay_store_get_budget_totals (
    store, outlay_budget_get_id (outlay_document_get_budget (doc)), &db, &error));
  g_assert_no_error (error);
  outlay_test_assert_totals_equal (&db, outlay_document_get_totals (doc));
}

static void
test_store_fringes (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = outlay_store_open (f->path, &error);
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(OutlayDocument) reloaded = NULL;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = outlay_store_create_budget (store, "sample", NULL, NULL, &error);
  g_assert_no_error (error);
  doc = outlay_store_load_document (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==, dec ("462770"));
  /* 28 % P&W on the labour sections, through the database */
  for (const char *const *code = (const char *const[]) { "A", "B", "G", "M", "O", NULL }; *code; code++)
    {
      OutlaySection *section = outlay_document_lookup_section (doc, *code);

      g_assert_true (outlay_document_update_section (doc, section, *code,
                                                     outlay_section_get_name (section), D (28),
                                                     &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==, dec ("505677.20"));
  assert_store_totals (store, doc);

  set_line (doc, outlay_document_lookup_line (doc, "1"), OUTLAY_LINE_RATE, "1000.05");
  g_assert_true (outlay_document_update_section (doc, outlay_document_lookup_section (doc, "C"),
                                                 "C", "Expenses", dec ("12.5"), &error));
  g_assert_no_error (error);
  assert_store_totals (store, doc);

  reloaded = outlay_store_load_document (store, id, &error);
  g_assert_no_error (error);
  want = outlay_test_describe (doc);
  got = outlay_test_describe (reloaded);
  g_assert_cmpstr (got, ==, want);
  outlay_test_assert_totals_equal (outlay_document_get_totals (reloaded),
                                   outlay_document_get_totals (doc));
}

static const struct { const char *property, *column, *text; } bid_fields[] = {
  { "markup-percent", "markup_percent", "7.25" },
  { "contingency", "contingency", "12500.50" },
  { "insurance-percent", "insurance_percent", "2" },
  { "production-fee-percent", "production_fee_percent", "15" },
  { "handling-fee-percent", "handling_fee_percent", "3.5" },
  { "production-company", "production_company", "Harbour Pictures" },
  { "agency", "agency", "Tide & Co" },
  { "job-number", "job_number", "HP-0042" },
  { "bid-date", "bid_date", "2027-01-15" },
  { "shoot-dates", "shoot_dates", "2027-02-01 – 2027-02-03" },
  { "director", "director", "Ana Ruiz" },
  { "producer", "producer", "Ben Cole" },
  { "comments", "comments", "Weather day on hold" },
};

static void
assert_bid_fields (OutlayBudget *budget)
{
  for (guint i = 0; i < G_N_ELEMENTS (bid_fields); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (budget),
                                                        bid_fields[i].property);
      g_auto(GValue) v = G_VALUE_INIT;

      g_value_init (&v, pspec->value_type);
      g_object_get_property (G_OBJECT (budget), bid_fields[i].property, &v);
      if (pspec->value_type == G_TYPE_INT64)
        g_assert_cmpint (g_value_get_int64 (&v), ==, dec (bid_fields[i].text));
      else
        g_assert_cmpstr (g_value_get_string (&v), ==, bid_fields[i].text);
    }
}

/* Every new budget property is written, read back, audited and undone. */
static void
test_store_bid_fields (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = outlay_store_open (f->path, &error);
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(OutlayStore) other = NULL;
  g_autoptr(OutlayDocument) reloaded = NULL;
  g_autoptr(OutlayBudget) edited = NULL;
  sqlite3 *db;
  gint64 id;

  g_assert_no_error (error);
  db = outlay_store_get_db (store);
  id = outlay_store_create_budget (store, "aicp", "Bid", NULL, &error);
  g_assert_no_error (error);
  doc = outlay_store_load_document (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_budget_get_insurance_percent (outlay_document_get_budget (doc)), ==, 0);
  g_assert_cmpstr (outlay_budget_get_director (outlay_document_get_budget (doc)), ==, "");

  /* all at once, as the budget's properties dialog would */
  edited = outlay_budget_copy (outlay_document_get_budget (doc));
  for (guint i = 0; i < G_N_ELEMENTS (bid_fields); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (edited),
                                                        bid_fields[i].property);

      if (pspec->value_type == G_TYPE_INT64)
        g_object_set (edited, bid_fields[i].property, dec (bid_fields[i].text), NULL);
      else
        g_object_set (edited, bid_fields[i].property, bid_fields[i].text, NULL);
    }
  g_assert_true (outlay_document_update_budget (doc, edited, &error));
  g_assert_no_error (error);
  assert_bid_fields (outlay_document_get_budget (doc));

  /* in the columns, percentages as ten-thousandths */
  g_assert_cmpint (outlay_test_query_int (db, "SELECT insurance_percent FROM budgets WHERE name = 'Bid'"),
                   ==, 20000);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT markup_percent FROM budgets WHERE name = 'Bid'"),
                   ==, 72500);
  {
    g_autofree char *director =
      outlay_test_query_text (db, "SELECT director FROM budgets WHERE name = 'Bid'");

    g_assert_cmpstr (director, ==, "Ana Ruiz");
  }
  g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM audit WHERE entity = 'budget'"
                                              " AND action = 'update' AND field IN"
                                              " ('insurance-percent', 'producer')"), ==, 2);

  /* another connection reads the same */
  other = outlay_store_open (f->path, &error);
  g_assert_no_error (error);
  reloaded = outlay_store_load_document (other, id, &error);
  g_assert_no_error (error);
  assert_bid_fields (outlay_document_get_budget (reloaded));

  /* undo puts the columns back */
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT insurance_percent FROM budgets WHERE name = 'Bid'"),
                   ==, 0);
  g_assert_null (outlay_test_query_text (db, "SELECT director FROM budgets WHERE name = 'Bid'"));
}

static void
raw_exec (sqlite3 *db, const char *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
}

/* A database written by schema 2 opens with its data intact, gains the
 * new columns with their defaults, and its fringes count. */
static void
test_migrate_v2 (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(OutlayStore) again = NULL;
  g_autoptr(OutlayDocument) reloaded = NULL;
  g_autoptr(OutlayTopSheet) sheet = NULL;
  OutlayBudget *budget;
  sqlite3 *db = NULL;
  gboolean created = FALSE;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                    NULL), ==, SQLITE_OK);
  g_assert_true (outlay_schema_migrate (db, 2, &created, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_test_query_int (db, "PRAGMA user_version"), ==, 2);
  /* an AICP bid as schema 2 wrote it: A is labour with 28 % fringe,
   * 2 × 3 days × 500.00; D is 1,234.56 of expenses */
  raw_exec (db, "INSERT INTO budgets (id, name, client, kind, allocated, status, created, modified)"
                " VALUES (7, 'Legacy bid', 'Acme', 'aicp', 100000000, 'submitted', 1, 2);"
                "INSERT INTO sections (id, budget_id, position, code, name, fringe)"
                " VALUES (3, 7, 0, 'A', 'Labour', 280000), (4, 7, 1, 'D', 'Travel', 0);"
                "INSERT INTO lines (budget_id, section_id, position, code, description, qty,"
                " multiplier, rate, estimate, actual)"
                " VALUES (7, 3, 0, '1', 'Editor', 20000, 30000, 5000000, 30000000, 12345600),"
                " (7, 4, 0, '114', 'Fees', 10000, 10000, 12345600, 12345600, 0);");
  sqlite3_close (db);

  store = outlay_store_open (f->path, &error);
  g_assert_no_error (error);
  db = outlay_store_get_db (store);
  g_assert_cmpint (outlay_test_query_int (db, "PRAGMA user_version"), ==, OUTLAY_SCHEMA_VERSION);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM pragma_table_info('budgets')"
                                              " WHERE name IN ('markup_percent', 'contingency',"
                                              " 'insurance_percent', 'production_fee_percent',"
                                              " 'handling_fee_percent', 'production_company',"
                                              " 'agency', 'job_number', 'bid_date',"
                                              " 'shoot_dates', 'director', 'producer',"
                                              " 'comments')"), ==, 13);

  doc = outlay_store_load_document (store, 7, &error);
  g_assert_no_error (error);
  budget = outlay_document_get_budget (doc);
  g_assert_cmpstr (outlay_budget_get_name (budget), ==, "Legacy bid");
  g_assert_cmpstr (outlay_budget_get_client (budget), ==, "Acme");
  g_assert_cmpint (outlay_budget_get_kind (budget), ==, OUTLAY_BUDGET_KIND_AICP);
  g_assert_cmpint (outlay_budget_get_status (budget), ==, OUTLAY_BUDGET_STATUS_SUBMITTED);
  g_assert_cmpint (outlay_budget_get_allocated (budget), ==, D (10000));
  g_assert_cmpint (outlay_budget_get_created (budget), ==, 1);
  g_assert_cmpint (outlay_budget_get_markup_percent (budget), ==, 0);
  g_assert_cmpint (outlay_budget_get_contingency (budget), ==, 0);
  g_assert_cmpint (outlay_budget_get_production_fee_percent (budget), ==, 0);
  g_assert_cmpstr (outlay_budget_get_production_company (budget), ==, "");
  g_assert_cmpuint (outlay_document_get_n_lines (doc), ==, 2);
  /* 3,000 + 28 % (840) + 1,234.56 */
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==, dec ("5074.56"));
  g_assert_cmpint (outlay_document_get_totals (doc)->actual, ==, dec ("1234.56"));
  assert_store_totals (store, doc);

  /* the migrated bid takes a production fee: 10 % of A to K, 5,074.56 */
  set_budget (doc, "production-fee-percent", "10");
  sheet = outlay_topsheet_new (doc);
  assert_row (sheet, "a-to-k", "5074.56", "1234.56");
  assert_row (sheet, "production-fee", "507.456", "123.456");
  assert_row (sheet, "contracted-total", "5582.016", "1358.016");

  again = outlay_store_open (f->path, &error);
  g_assert_no_error (error);
  reloaded = outlay_store_load_document (again, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_budget_get_production_fee_percent (outlay_document_get_budget (reloaded)),
                   ==, D (10));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/topsheet/aicp/sample", test_sample);
  g_test_add_func ("/topsheet/aicp/markups", test_markups);
  g_test_add_func ("/topsheet/aicp/layout-and-rounding", test_layout_and_rounding);
  g_test_add_func ("/topsheet/aicp/overflow", test_overflow);
  g_test_add_func ("/topsheet/other/allocation-status", test_allocation_status);
  g_test_add_func ("/topsheet/json", test_json);
  g_test_add_func ("/fringe/line-edit", test_fringe_line_edit);
  g_test_add_func ("/fringe/rounding", test_fringe_rounding);
  g_test_add_func ("/fringe/change", test_fringe_change);
  g_test_add_func ("/fringe/override", test_fringe_override);
  g_test_add_func ("/fringe/move", test_fringe_move);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/topsheet/store/fringes", test_store_fringes);
  ADD ("/topsheet/store/bid-fields", test_store_bid_fields);
  ADD ("/topsheet/store/migrate-v2", test_migrate_v2);
#undef ADD
  return g_test_run ();
}
