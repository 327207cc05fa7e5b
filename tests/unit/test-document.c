/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "outlay-document.h"
#include "outlay-error.h"
#include "outlay-model-enum-types.h"
#include "outlay-template.h"
#include "outlay-test-util.h"

#define D(units) OUTLAY_DECIMAL_FROM_INT (units)

static OutlayDocument *
build_sample (void)
{
  g_autoptr(GError) error = NULL;
  OutlayDocument *doc = outlay_template_build ("sample", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  outlay_test_add_sample_fringes (doc);
  return doc;
}

/* An in-memory document made with the edit API: section X with two lines,
 * "one" (1 × 1 × 10) and "two" (1 × 1 × 20). */
static OutlayDocument *
build_scratch (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayBudget) budget = outlay_budget_new ("Scratch");
  OutlayDocument *doc = outlay_document_new (budget);
  OutlaySection *section;
  OutlayLine *line;

  g_assert_cmpuint (outlay_document_get_n_sections (doc), ==, 0);
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==, 0);
  section = outlay_document_add_section (doc, G_MAXUINT, "X", "Crew", &error);
  g_assert_no_error (error);
  line = outlay_document_insert_line (doc, section, G_MAXUINT, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_DESCRIPTION, "one", &error));
  g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_RATE, "10", &error));
  line = outlay_document_insert_line (doc, section, G_MAXUINT, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_DESCRIPTION, "two", &error));
  g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_RATE, "20", &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==, D (30));
  return doc;
}

static OutlayLine *
line_by_code (OutlayDocument *doc, const char *code)
{
  OutlayLine *line = outlay_document_lookup_line (doc, code);

  g_assert_nonnull (line);
  return line;
}

static OutlayDecimal
section_estimate (OutlayDocument *doc, const char *code)
{
  return outlay_section_get_totals (outlay_document_lookup_section (doc, code))->estimate;
}

/* The sum of a section's line estimates, before its fringe. */
static OutlayDecimal
section_lines (OutlayDocument *doc, const char *code)
{
  return outlay_section_get_lines_estimate (outlay_document_lookup_section (doc, code));
}

/* The codes of a section's lines, "1,2,3". */
static char *
line_codes (OutlaySection *section)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < outlay_section_get_n_lines (section); i++)
    g_string_append_printf (s, "%s%s", i ? "," : "",
                            outlay_line_get_code (outlay_section_get_line (section, i)));
  return g_string_free (s, FALSE);
}

static char *
section_codes (OutlayDocument *doc)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < outlay_document_get_n_sections (doc); i++)
    g_string_append_printf (s, "%s%s", i ? "," : "",
                            outlay_section_get_code (outlay_document_get_section (doc, i)));
  return g_string_free (s, FALSE);
}

static void
assert_undo_redo_round_trip (OutlayDocument *doc, const char *before, const char *after,
                             guint steps)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  for (guint i = 0; i < steps; i++)
    g_assert_true (outlay_document_undo (doc, &error));
  g_assert_no_error (error);
  undone = outlay_test_describe (doc);
  g_assert_cmpstr (undone, ==, before);
  outlay_test_assert_totals_consistent (doc);
  for (guint i = 0; i < steps; i++)
    g_assert_true (outlay_document_redo (doc, &error));
  g_assert_no_error (error);
  redone = outlay_test_describe (doc);
  g_assert_cmpstr (redone, ==, after);
  outlay_test_assert_totals_consistent (doc);
}

/* ---- cell edits ---- */

static void
test_estimate_formula (void)
{
  g_autoptr(OutlayDocument) doc = build_sample ();
  g_autoptr(GError) error = NULL;
  OutlayLine *producer = line_by_code (doc, "1");
  OutlayTotals before = *outlay_document_get_totals (doc);
  OutlayTotals sum;

  /* Line producer: 1 × 8 days × 850.00; section A's lines add up to 33,150
   * by hand, and its 28 % fringe makes 42,432 */
  g_assert_cmpint (outlay_line_get_estimate (producer), ==, D (6800));
  g_assert_cmpint (section_lines (doc, "A"), ==, D (33150));
  g_assert_cmpint (section_estimate (doc, "A"), ==, D (42432));
  outlay_test_assert_totals_consistent (doc);

  g_assert_true (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_QUANTITY, "2", &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_line_get_estimate (producer), ==, D (13600));
  g_assert_cmpint (section_lines (doc, "A"), ==, D (39950));
  /* the budget moves by the line's 6,800 and 28 % of it */
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==, before.estimate + D (8704));
  outlay_test_assert_totals_consistent (doc);

  g_assert_true (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_MULTIPLIER, "2.5",
                                                &error));
  g_assert_cmpint (outlay_line_get_estimate (producer), ==, D (4250)); /* 2 × 2.5 × 850 */
  g_assert_cmpint (section_lines (doc, "A"), ==, D (30600));

  g_assert_true (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_RATE, "1,000.50",
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_line_get_rate (producer), ==, 10005000);
  g_assert_cmpint (outlay_line_get_estimate (producer), ==, 50025000); /* 5002.50 */
  g_assert_cmpint (section_lines (doc, "A"), ==, D (26350) + 50025000);
  /* 31,352.50 × 1.28 = 40,131.20 */
  g_assert_cmpint (section_estimate (doc, "A"), ==, 401312000);
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==,
                   before.estimate - D (42432) + 401312000);
  /* actuals did not move */
  g_assert_cmpint (outlay_document_get_totals (doc)->actual, ==, before.actual);
  g_assert_true (outlay_document_sum_totals (doc, &sum));
  outlay_test_assert_totals_equal (outlay_document_get_totals (doc), &sum);

  /* an actual moves the actual total and the variance only */
  g_assert_true (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_ACTUAL, "7000", &error));
  g_assert_cmpint (outlay_document_get_totals (doc)->actual, ==,
                   before.actual - 65712700 + D (7000));
  g_assert_cmpint (outlay_line_get_variance (producer), ==, 50025000 - D (7000));
  outlay_test_assert_totals_consistent (doc);
}

static void
test_scratch (void)
{
  g_autoptr(OutlayDocument) doc = build_scratch ();
  g_autoptr(GError) error = NULL;
  OutlaySection *x = outlay_document_get_section (doc, 0);
  OutlayLine *one = outlay_section_get_line (x, 0);

  g_assert_cmpuint (outlay_document_get_n_lines (doc), ==, 2);
  g_assert_true (outlay_document_set_line_text (doc, one, OUTLAY_LINE_QUANTITY, "3", &error));
  g_assert_true (outlay_document_set_line_text (doc, one, OUTLAY_LINE_MULTIPLIER, "-2", &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_line_get_estimate (one), ==, D (-60));
  g_assert_cmpint (outlay_section_get_totals (x)->estimate, ==, D (-40));
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==, D (-40));
  outlay_test_assert_totals_consistent (doc);

  /* back through every command to the empty document */
  while (outlay_document_can_undo (doc))
    g_assert_true (outlay_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (outlay_document_get_n_sections (doc), ==, 0);
  g_assert_cmpuint (outlay_document_get_n_lines (doc), ==, 0);
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==, 0);
  while (outlay_document_can_redo (doc))
    g_assert_true (outlay_document_redo (doc, &error));
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==, D (-40));
  g_assert_cmpint (outlay_line_get_estimate (one), ==, D (-60));
  outlay_test_assert_totals_consistent (doc);
}

static void
test_estimate_override (void)
{
  g_autoptr(OutlayDocument) doc = build_sample ();
  g_autoptr(GError) error = NULL;
  OutlayLine *producer = line_by_code (doc, "1");
  OutlayDecimal total = outlay_document_get_totals (doc)->estimate;

  g_assert_false (outlay_line_get_estimate_overridden (producer));
  g_assert_true (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_ESTIMATE, "5000",
                                                &error));
  g_assert_no_error (error);
  g_assert_true (outlay_line_get_estimate_overridden (producer));
  g_assert_cmpint (outlay_line_get_estimate (producer), ==, D (5000));
  /* 1,800 less in A, and 28 % of it */
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==, total - D (2304));

  /* a typed estimate stays put when qty and rate change */
  g_assert_true (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_QUANTITY, "10", &error));
  g_assert_true (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_RATE, "900", &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_line_get_estimate (producer), ==, D (5000));
  g_assert_true (outlay_line_get_estimate_overridden (producer));

  /* clearing the cell goes back to the formula: 10 × 8 × 900 */
  g_assert_true (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_ESTIMATE, "", &error));
  g_assert_no_error (error);
  g_assert_false (outlay_line_get_estimate_overridden (producer));
  g_assert_cmpint (outlay_line_get_estimate (producer), ==, D (72000));
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==,
                   total + (D (72000) - D (6800)) * 128 / 100);
  outlay_test_assert_totals_consistent (doc);

  /* and so does "Use Formula for Estimate" */
  g_assert_true (outlay_document_set_line_decimal (doc, producer, OUTLAY_LINE_ESTIMATE, D (1),
                                                   &error));
  g_assert_true (outlay_line_get_estimate_overridden (producer));
  g_assert_cmpint (outlay_line_get_estimate (producer), ==, D (1));
  g_assert_true (outlay_document_reset_estimate (doc, producer, &error));
  g_assert_no_error (error);
  g_assert_false (outlay_line_get_estimate_overridden (producer));
  g_assert_cmpint (outlay_line_get_estimate (producer), ==, D (72000));
  g_assert_cmpstr (outlay_document_get_undo_label (doc), ==, "Use Formula for Estimate");

  /* undoing the reset brings the typed value back */
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_true (outlay_line_get_estimate_overridden (producer));
  g_assert_cmpint (outlay_line_get_estimate (producer), ==, D (1));
  outlay_test_assert_totals_consistent (doc);
}

static void
test_invalid_number (void)
{
  g_autoptr(OutlayDocument) doc = build_sample ();
  g_autoptr(GError) error = NULL;
  OutlayLine *producer = line_by_code (doc, "1");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* nothing to undo yet, and a failed edit must not add anything */
  g_assert_false (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_RATE, "twelve",
                                                 &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_NUMBER);
  g_assert_nonnull (strstr (error->message, "Rate"));
  g_assert_nonnull (strstr (error->message, "twelve"));
  g_assert_false (outlay_document_can_undo (doc));
  g_clear_error (&error);

  g_assert_true (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_QUANTITY, "2", &error));
  before = outlay_test_describe (doc);
  g_assert_false (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_RATE, "twelve",
                                                 &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_NUMBER);
  g_assert_true (g_str_has_prefix (error->message, "Rate"));
  g_clear_error (&error);
  g_assert_false (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_MULTIPLIER, "1..2",
                                                 &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_NUMBER);
  g_assert_nonnull (strstr (error->message, "Days"));
  g_clear_error (&error);

  after = outlay_test_describe (doc);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (outlay_line_get_rate (producer), ==, D (850));
  g_assert_cmpstr (outlay_document_get_undo_label (doc), ==, "Edit Qty");
  g_assert_false (outlay_document_can_redo (doc));
  /* one step back is the qty edit, and then there is nothing left */
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_false (outlay_document_can_undo (doc));
  g_assert_cmpint (outlay_line_get_quantity (producer), ==, D (1));
}

static void
test_overflow (void)
{
  g_autoptr(OutlayDocument) doc = build_sample ();
  g_autoptr(GError) error = NULL;
  OutlayLine *producer = line_by_code (doc, "1");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *after_fringe = NULL;

  g_assert_true (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_QUANTITY, "2", &error));
  g_assert_true (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_MULTIPLIER, "1", &error));
  g_assert_no_error (error);
  before = outlay_test_describe (doc);

  /* 2 × 1 × 900 trillion does not fit */
  g_assert_false (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_RATE,
                                                 "900000000000000", &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW);
  g_clear_error (&error);
  g_assert_false (outlay_document_set_line_decimal (doc, producer, OUTLAY_LINE_RATE,
                                                    D (900000000000000), &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW);
  g_clear_error (&error);

  after = outlay_test_describe (doc);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (outlay_document_get_undo_label (doc), ==, "Edit Days");
  outlay_test_assert_totals_consistent (doc);

  /* the line and A's lines fit, but not with A's 28 % fringe on top */
  g_assert_false (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_ESTIMATE,
                                                 "800000000000000", &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW);
  g_clear_error (&error);
  after_fringe = outlay_test_describe (doc);
  g_assert_cmpstr (after_fringe, ==, before);

  /* the line fits alone, but the section total would not */
  g_assert_true (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_ESTIMATE,
                                                "700000000000000", &error));
  g_assert_no_error (error);
  g_assert_false (outlay_document_set_line_text (doc, line_by_code (doc, "2"),
                                                 OUTLAY_LINE_ESTIMATE, "700000000000000",
                                                 &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW);
  g_assert_cmpint (outlay_line_get_estimate (line_by_code (doc, "2")), ==, D (2700));
  outlay_test_assert_totals_consistent (doc);
}

/* ---- structure ---- */

static void
test_insert_delete (void)
{
  g_autoptr(OutlayDocument) doc = build_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayLine) extra = outlay_line_new ();
  OutlaySection *a = outlay_document_lookup_section (doc, "A");
  OutlaySection *b = outlay_document_lookup_section (doc, "B");
  g_autofree char *start = outlay_test_describe (doc);
  g_autofree char *inserted = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *codes_a = NULL;
  g_autofree char *codes_b = NULL;
  OutlayLine *victims[4];
  OutlayLine *line;
  guint n = outlay_document_get_n_lines (doc);
  OutlayDecimal total = outlay_document_get_totals (doc)->estimate;

  line = outlay_document_insert_line (doc, a, 1, extra, &error);
  g_assert_no_error (error);
  g_assert_true (line == extra);
  g_assert_true (outlay_section_get_line (a, 1) == extra);
  g_assert_true (outlay_line_get_section (extra) == a);
  g_assert_true (outlay_document_set_line_text (doc, extra, OUTLAY_LINE_CODE, "1a", &error));
  g_assert_true (outlay_document_set_line_text (doc, extra, OUTLAY_LINE_RATE, "100", &error));
  line = outlay_document_insert_line (doc, b, G_MAXUINT, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_section_get_line (b, outlay_section_get_n_lines (b) - 1) == line);
  g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_CODE, "99", &error));
  g_assert_cmpuint (outlay_document_get_n_lines (doc), ==, n + 2);
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==, total + D (128));
  codes_a = line_codes (a);
  g_assert_cmpstr (codes_a, ==, "1,1a,2,3,6,7,9,12,15,16,17");
  outlay_test_assert_totals_consistent (doc);
  inserted = outlay_test_describe (doc);

  /* several lines across two sections, given out of order and one twice */
  victims[0] = line_by_code (doc, "3");
  victims[1] = line_by_code (doc, "52");
  victims[2] = line_by_code (doc, "1");
  victims[3] = line_by_code (doc, "3");
  g_assert_true (outlay_document_delete_lines (doc, victims, G_N_ELEMENTS (victims), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_document_get_undo_label (doc), ==, "Delete Lines");
  g_assert_cmpuint (outlay_document_get_n_lines (doc), ==, n + 2 - 3);
  g_clear_pointer (&codes_a, g_free);
  codes_a = line_codes (a);
  g_assert_cmpstr (codes_a, ==, "1a,2,6,7,9,12,15,16,17");
  codes_b = line_codes (b);
  g_assert_cmpstr (codes_b, ==, "51,53,54,56,57,58,59,60,61,62,63,64,65,67,70,71,99");
  /* 6800 + 5000 + 2200 gone */
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==,
                   total + (D (100) - D (6800) - D (5000) - D (2200)) * 128 / 100);
  g_assert_cmpint (section_lines (doc, "A"), ==, D (33150) + D (100) - D (6800) - D (5000));
  g_assert_null (outlay_document_lookup_line (doc, "52"));
  outlay_test_assert_totals_consistent (doc);
  deleted = outlay_test_describe (doc);

  /* a deleted line can no longer be edited */
  g_assert_false (outlay_document_set_line_text (doc, victims[0], OUTLAY_LINE_RATE, "1", &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* the delete is one step; undo brings the lines back where they were */
  assert_undo_redo_round_trip (doc, inserted, deleted, 1);
  /* and all the way back to the template */
  assert_undo_redo_round_trip (doc, start, deleted, 6);
}

static void
test_move_lines (void)
{
  g_autoptr(OutlayDocument) doc = build_sample ();
  g_autoptr(GError) error = NULL;
  OutlaySection *a = outlay_document_lookup_section (doc, "A");
  OutlaySection *c = outlay_document_lookup_section (doc, "C");
  g_autofree char *start = outlay_test_describe (doc);
  g_autofree char *moved = NULL;
  g_autofree char *codes = NULL;
  OutlayTotals doc_totals = *outlay_document_get_totals (doc);

  /* within A: the first line to the fourth place */
  g_assert_true (outlay_document_move_line (doc, line_by_code (doc, "1"), a, 3, &error));
  g_assert_no_error (error);
  codes = line_codes (a);
  g_assert_cmpstr (codes, ==, "2,3,6,1,7,9,12,15,16,17");
  g_clear_pointer (&codes, g_free);
  g_assert_cmpint (section_estimate (doc, "A"), ==, D (42432));
  /* to the end, past the last index */
  g_assert_true (outlay_document_move_line (doc, line_by_code (doc, "2"), a, 100, &error));
  codes = line_codes (a);
  g_assert_cmpstr (codes, ==, "3,6,1,7,9,12,15,16,17,2");
  g_clear_pointer (&codes, g_free);
  /* moving upwards */
  g_assert_true (outlay_document_move_line (doc, line_by_code (doc, "17"), a, 0, &error));
  codes = line_codes (a);
  g_assert_cmpstr (codes, ==, "17,3,6,1,7,9,12,15,16,2");
  g_clear_pointer (&codes, g_free);

  /* across sections: "3" (5000.00) from A to the second place in C */
  g_assert_true (outlay_document_move_line (doc, line_by_code (doc, "3"), c, 1, &error));
  g_assert_no_error (error);
  codes = line_codes (c);
  g_assert_cmpstr (codes, ==, "104,3,105,106,107,108");
  g_clear_pointer (&codes, g_free);
  g_assert_true (outlay_line_get_section (line_by_code (doc, "3")) == c);
  g_assert_cmpint (section_lines (doc, "A"), ==, D (33150) - D (5000));
  g_assert_cmpint (section_estimate (doc, "A"), ==, D (36032)); /* 28,150 × 1.28 */
  g_assert_cmpuint (outlay_section_get_n_lines (a), ==, 9);
  g_assert_cmpuint (outlay_section_get_n_lines (c), ==, 6);
  /* C has no fringe: the 1,400 of fringe on "3" is gone from the budget */
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==, doc_totals.estimate - D (1400));
  g_assert_cmpint (outlay_document_get_totals (doc)->fringe, ==, doc_totals.fringe - D (1400));
  g_assert_cmpint (outlay_document_get_totals (doc)->actual, ==, doc_totals.actual);
  outlay_test_assert_totals_consistent (doc);
  g_assert_cmpstr (outlay_document_get_undo_label (doc), ==, "Move Line");
  moved = outlay_test_describe (doc);

  assert_undo_redo_round_trip (doc, start, moved, 4);
}

static void
test_sections (void)
{
  g_autoptr(OutlayDocument) doc = build_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *start = outlay_test_describe (doc);
  g_autofree char *end = NULL;
  g_autofree char *codes = NULL;
  OutlaySection *added, *b;
  OutlayLine *line;
  OutlayDecimal total = outlay_document_get_totals (doc)->estimate;
  OutlayDecimal b_total = section_estimate (doc, "B");
  guint n_lines = outlay_document_get_n_lines (doc);

  added = outlay_document_add_section (doc, 1, "A2", "Extra labour", &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_assert_true (outlay_document_get_section (doc, 1) == added);
  g_assert_cmpuint (outlay_document_get_n_sections (doc), ==, 17);
  line = outlay_document_insert_line (doc, added, 0, NULL, &error);
  g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_RATE, "250", &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_section_get_totals (added)->estimate, ==, D (250));

  g_assert_true (outlay_document_update_section (doc, added, "Q", "Overtime labour", D (28),
                                                 &error));
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_section_get_code (added), ==, "Q");
  g_assert_cmpstr (outlay_section_get_name (added), ==, "Overtime labour");
  g_assert_cmpint (outlay_section_get_fringe (added), ==, D (28));
  /* the new fringe applies at once: 250 + 70 */
  g_assert_cmpint (outlay_section_get_totals (added)->estimate, ==, D (320));
  g_assert_cmpint (outlay_section_get_fringe_amount (added), ==, D (70));
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==, total + D (320));
  g_assert_cmpstr (outlay_document_get_undo_label (doc), ==, "Rename Section");
  g_assert_true (outlay_document_lookup_section (doc, "q") == added);

  g_assert_true (outlay_document_move_section (doc, added, 100, &error));
  g_assert_no_error (error);
  g_assert_true (outlay_document_get_section (doc, 16) == added);
  codes = section_codes (doc);
  g_assert_cmpstr (codes, ==, "A,B,C,D,E,F,G,H,I,J,K,L,M,N,O,P,Q");
  g_clear_pointer (&codes, g_free);
  b = outlay_document_lookup_section (doc, "B");
  g_assert_true (outlay_document_move_section (doc, b, 0, &error));
  codes = section_codes (doc);
  g_assert_cmpstr (codes, ==, "B,A,C,D,E,F,G,H,I,J,K,L,M,N,O,P,Q");
  g_clear_pointer (&codes, g_free);

  /* deleting a section takes its lines and their sums with it */
  g_assert_true (outlay_document_delete_section (doc, b, &error));
  g_assert_no_error (error);
  codes = section_codes (doc);
  g_assert_cmpstr (codes, ==, "A,C,D,E,F,G,H,I,J,K,L,M,N,O,P,Q");
  g_assert_null (outlay_document_lookup_line (doc, "51"));
  g_assert_cmpuint (outlay_document_get_n_lines (doc), ==, n_lines + 1 - 17);
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==, total + D (320) - b_total);
  outlay_test_assert_totals_consistent (doc);
  end = outlay_test_describe (doc);

  assert_undo_redo_round_trip (doc, start, end, 7);
}

static void
test_paste (void)
{
  g_autoptr(OutlayDocument) doc = build_scratch ();
  g_autoptr(GError) error = NULL;
  const OutlayLineField columns[] = {
    OUTLAY_LINE_DESCRIPTION, OUTLAY_LINE_QUANTITY, OUTLAY_LINE_N_FIELDS, OUTLAY_LINE_RATE,
    OUTLAY_LINE_NOTES,
  };
  const char *tsv =
    "Camera\t2\tignored\t100\tday rate\r\n"
    "\"Grip\tkey\nnight\"\t3\t\t50\t\"two\r\nlines\"\r\n"
    "\"12\"\" monitor\"\t1\tx\t1,250.50\r\n"
    "Van\t4\t\t75\t\r\n";
  OutlaySection *x = outlay_document_get_section (doc, 0);
  g_autofree char *before = outlay_test_describe (doc);
  g_autofree char *after = NULL;
  OutlayLine *line;

  g_assert_cmpstr (outlay_document_get_undo_label (doc), ==, "Edit Rate");
  g_assert_true (outlay_document_paste (doc, x, 1, columns, G_N_ELEMENTS (columns), tsv, &error));
  g_assert_no_error (error);

  /* the first row overwrote "two", the other three were appended */
  g_assert_cmpuint (outlay_section_get_n_lines (x), ==, 5);
  g_assert_cmpuint (outlay_document_get_n_lines (doc), ==, 5);
  g_assert_cmpstr (outlay_line_get_description (outlay_section_get_line (x, 0)), ==, "one");
  line = outlay_section_get_line (x, 1);
  g_assert_cmpstr (outlay_line_get_description (line), ==, "Camera");
  g_assert_cmpstr (outlay_line_get_notes (line), ==, "day rate");
  g_assert_cmpint (outlay_line_get_estimate (line), ==, D (200));
  line = outlay_section_get_line (x, 2);
  g_assert_cmpstr (outlay_line_get_description (line), ==, "Grip\tkey\nnight");
  g_assert_cmpint (outlay_line_get_quantity (line), ==, D (3));
  g_assert_cmpint (outlay_line_get_estimate (line), ==, D (150));
  g_assert_cmpstr (outlay_line_get_notes (line), ==, "two\r\nlines");
  line = outlay_section_get_line (x, 3);
  g_assert_cmpstr (outlay_line_get_description (line), ==, "12\" monitor");
  g_assert_cmpint (outlay_line_get_estimate (line), ==, 12505000);
  g_assert_cmpstr (outlay_line_get_notes (line), ==, "");
  line = outlay_section_get_line (x, 4);
  g_assert_cmpstr (outlay_line_get_description (line), ==, "Van");
  g_assert_cmpstr (outlay_line_get_notes (line), ==, "");
  g_assert_cmpint (outlay_line_get_estimate (line), ==, D (300));
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==, 19105000); /* 1910.50 */
  outlay_test_assert_totals_consistent (doc);
  g_assert_cmpstr (outlay_document_get_undo_label (doc), ==, "Paste 4 Rows");
  after = outlay_test_describe (doc);

  /* one undo step takes the whole paste back */
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_document_get_undo_label (doc), ==, "Edit Rate");
  {
    g_autofree char *undone = outlay_test_describe (doc);

    g_assert_cmpstr (undone, ==, before);
  }
  g_assert_true (outlay_document_redo (doc, &error));
  g_assert_no_error (error);
  {
    g_autofree char *redone = outlay_test_describe (doc);

    g_assert_cmpstr (redone, ==, after);
  }

  /* a block without a final newline, pasted past the end */
  g_assert_true (outlay_document_paste (doc, x, 100, columns, 2, "Tail\t7", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (outlay_section_get_n_lines (x), ==, 6);
  g_assert_cmpstr (outlay_line_get_description (outlay_section_get_line (x, 5)), ==, "Tail");
  g_assert_cmpint (outlay_line_get_quantity (outlay_section_get_line (x, 5)), ==, D (7));
  g_assert_cmpstr (outlay_document_get_undo_label (doc), ==, "Paste 1 Row");
  outlay_test_assert_totals_consistent (doc);
}

static void
test_paste_insert (void)
{
  g_autoptr(OutlayDocument) doc = build_sample ();
  g_autoptr(GError) error = NULL;
  const OutlayLineField columns[] = { OUTLAY_LINE_DESCRIPTION, OUTLAY_LINE_QUANTITY };
  OutlaySection *c = outlay_document_lookup_section (doc, "C");
  OutlayLine *first;
  guint n;
  g_autofree char *before = NULL;
  g_autofree char *undone = NULL;

  /* two fresh lines on top: nothing spent on them, nothing to warn about */
  g_assert_nonnull (outlay_document_insert_line (doc, c, 0, NULL, &error));
  first = outlay_document_insert_line (doc, c, 0, NULL, &error);
  n = outlay_section_get_n_lines (c);
  g_assert_cmpuint (outlay_document_paste_count_spent (doc, c, 0, "a\t1\nb\t2\n"), ==, 0);
  g_assert_true (
      outlay_document_set_line_decimal (doc, first, OUTLAY_LINE_RESERVED, D (5), &error));
  g_assert_cmpuint (outlay_document_paste_count_spent (doc, c, 0, "a\t1\nb\t2\n"), ==, 1);
  g_assert_cmpuint (outlay_document_paste_count_spent (doc, c, 1, "a\t1\n"), ==, 0);
  g_assert_cmpuint (outlay_document_paste_count_spent (doc, c, 1, "a\t1\nb\t2\n"), ==, 1);
  g_free (before);
  before = outlay_test_describe (doc);

  /* inserted above, overwriting nothing, as one step */
  g_assert_true (outlay_document_paste_insert (doc, c, 0, columns, 2, "a\t1\nb\t2\n", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (outlay_section_get_n_lines (c), ==, n + 2);
  g_assert_cmpstr (outlay_line_get_description (outlay_section_get_line (c, 0)), ==, "a");
  g_assert_cmpstr (outlay_line_get_description (outlay_section_get_line (c, 1)), ==, "b");
  g_assert_true (outlay_section_get_line (c, 2) == first);
  g_assert_cmpint (outlay_line_get_decimal (first, OUTLAY_LINE_RESERVED), ==, D (5));
  g_assert_cmpstr (outlay_document_get_undo_label (doc), ==, "Insert 2 Copied Lines");
  outlay_test_assert_totals_consistent (doc);
  g_assert_true (outlay_document_undo (doc, &error));
  undone = outlay_test_describe (doc);
  g_assert_cmpstr (undone, ==, before);
}

static void
test_next_line_code (void)
{
  g_autoptr(OutlayDocument) doc = build_sample ();
  g_autoptr(GError) error = NULL;
  OutlaySection *added = outlay_document_add_section (doc, G_MAXUINT, "Z", "Extras", &error);
  g_autofree char *first = outlay_section_next_line_code (added);
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autoptr(OutlayLine) a = outlay_line_new_with_code (first);
  g_autoptr(OutlayLine) b = outlay_line_new_with_code ("Z.9");

  g_assert_cmpstr (first, ==, "Z.1");
  g_assert_nonnull (outlay_document_insert_line (doc, added, G_MAXUINT, a, &error));
  second = outlay_section_next_line_code (added);
  g_assert_cmpstr (second, ==, "Z.2");
  /* the highest number wins, wherever it sits */
  g_assert_nonnull (outlay_document_insert_line (doc, added, 0, b, &error));
  third = outlay_section_next_line_code (added);
  g_assert_cmpstr (third, ==, "Z.10");
}

static void
test_paste_bad_row (void)
{
  g_autoptr(OutlayDocument) doc = build_sample ();
  g_autoptr(GError) error = NULL;
  const OutlayLineField columns[] = {
    OUTLAY_LINE_DESCRIPTION, OUTLAY_LINE_QUANTITY, OUTLAY_LINE_RATE,
  };
  g_autofree char *before = outlay_test_describe (doc);
  g_autofree char *after = NULL;

  g_assert_false (outlay_document_paste (doc, outlay_document_lookup_section (doc, "C"), 3,
                                         columns, G_N_ELEMENTS (columns),
                                         "a\t1\t10\nb\t2\t20\nc\t3\ttwelve\nd\t4\t40\n", &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_NUMBER);
  g_assert_nonnull (strstr (error->message, "Row 3"));
  g_assert_nonnull (strstr (error->message, "Rate"));
  after = outlay_test_describe (doc);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (outlay_document_can_undo (doc));
}

static void
test_budget_values (void)
{
  g_autoptr(OutlayDocument) doc = build_sample ();
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  OutlayBudget *budget = outlay_document_get_budget (doc);
  g_autofree char *name = g_strdup (outlay_budget_get_name (budget));
  g_autofree char *client = g_strdup (outlay_budget_get_client (budget));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Brightwater v2");
  g_assert_true (outlay_document_set_budget_value (doc, "name", &value, &error));
  g_assert_no_error (error);
  g_value_set_string (&value, "Northbeam");
  g_assert_true (outlay_document_set_budget_value (doc, "client", &value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_budget_get_name (budget), ==, "Brightwater v2");
  g_assert_cmpstr (outlay_budget_get_client (budget), ==, "Northbeam");
  g_assert_cmpstr (outlay_document_get_undo_label (doc), ==, "Edit Budget");

  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_cmpstr (outlay_budget_get_client (budget), ==, client);
  g_assert_cmpstr (outlay_budget_get_name (budget), ==, "Brightwater v2");
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_cmpstr (outlay_budget_get_name (budget), ==, name);
  g_assert_false (outlay_document_can_undo (doc));
  g_assert_true (outlay_document_redo (doc, &error));
  g_assert_true (outlay_document_redo (doc, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_budget_get_name (budget), ==, "Brightwater v2");
  g_assert_cmpstr (outlay_budget_get_client (budget), ==, "Northbeam");

  /* several fields in one update are one step */
  {
    g_autoptr(OutlayBudget) edited = outlay_budget_copy (budget);

    g_object_set (edited, "name", "Brightwater v3", "client", "Acme", "currency", "EUR", NULL);
    g_assert_true (outlay_document_update_budget (doc, edited, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (outlay_budget_get_name (budget), ==, "Brightwater v3");
    g_assert_cmpstr (outlay_budget_get_client (budget), ==, "Acme");
    g_assert_cmpstr (outlay_budget_get_currency (budget), ==, "EUR");
    /* the copy is not the budget: changing it later changes nothing */
    g_object_set (edited, "name", "Elsewhere", NULL);
    g_assert_cmpstr (outlay_budget_get_name (budget), ==, "Brightwater v3");
    g_assert_true (outlay_document_undo (doc, &error));
    g_assert_cmpstr (outlay_budget_get_name (budget), ==, "Brightwater v2");
    g_assert_cmpstr (outlay_budget_get_client (budget), ==, "Northbeam");
    g_assert_cmpstr (outlay_budget_get_currency (budget), ==, "USD");
    g_assert_true (outlay_document_redo (doc, &error));
    g_assert_cmpstr (outlay_budget_get_currency (budget), ==, "EUR");
    g_assert_true (outlay_document_undo (doc, &error));
    g_assert_no_error (error);
  }

  /* no such property; an empty name */
  g_assert_false (outlay_document_set_budget_value (doc, "colour", &value, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_value_set_string (&value, "");
  g_assert_false (outlay_document_set_budget_value (doc, "name", &value, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (outlay_budget_get_name (budget), ==, "Brightwater v2");
}

static gboolean
set_status (OutlayDocument *doc, OutlayBudgetStatus status, const char *name, GError **error)
{
  g_autoptr(OutlayBudget) edited = outlay_budget_copy (outlay_document_get_budget (doc));

  g_object_set (edited, "status", status, NULL);
  if (name != NULL)
    g_object_set (edited, "name", name, NULL);
  return outlay_document_update_budget (doc, edited, error);
}

static void
assert_locked (OutlayDocument *doc, gboolean ok, GError **error)
{
  g_assert_false (ok);
  g_assert_error (*error, OUTLAY_ERROR, OUTLAY_ERROR_LOCKED);
  g_clear_error (error);
}

static void
test_locked (void)
{
  g_autoptr(OutlayDocument) doc = build_sample ();
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  const OutlayLineField columns[] = { OUTLAY_LINE_RATE };
  OutlayLine *producer = line_by_code (doc, "1");
  OutlaySection *a = outlay_document_lookup_section (doc, "A");
  OutlaySection *c = outlay_document_lookup_section (doc, "C");
  OutlayLine *victims[] = { producer };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_RATE, "900", &error));
  g_assert_false (outlay_document_get_read_only (doc));
  g_assert_true (set_status (doc, OUTLAY_BUDGET_STATUS_LOCKED, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (outlay_document_get_read_only (doc));
  g_assert_cmpstr (outlay_document_get_undo_label (doc), ==, "Change Status");
  before = outlay_test_describe (doc);

  assert_locked (doc, outlay_document_set_line_text (doc, producer, OUTLAY_LINE_RATE, "1000",
                                                     &error), &error);
  assert_locked (doc, outlay_document_set_line_decimal (doc, producer, OUTLAY_LINE_ACTUAL, D (1),
                                                        &error), &error);
  assert_locked (doc, outlay_document_insert_line (doc, a, 0, NULL, &error) != NULL, &error);
  assert_locked (doc, outlay_document_delete_lines (doc, victims, 1, &error), &error);
  assert_locked (doc, outlay_document_move_line (doc, producer, c, 0, &error), &error);
  assert_locked (doc, outlay_document_paste (doc, a, 0, columns, 1, "5\n6\n", &error), &error);
  assert_locked (doc, outlay_document_add_section (doc, 0, "Z", "Zed", &error) != NULL, &error);
  assert_locked (doc, outlay_document_update_section (doc, a, "A", "Renamed", 0, &error),
                 &error);
  assert_locked (doc, outlay_document_move_section (doc, a, 3, &error), &error);
  assert_locked (doc, outlay_document_delete_section (doc, a, &error), &error);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Renamed");
  assert_locked (doc, outlay_document_set_budget_value (doc, "name", &value, &error), &error);
  /* unlocking and renaming in one go is still an edit of a locked budget */
  assert_locked (doc, set_status (doc, OUTLAY_BUDGET_STATUS_APPROVED, "Renamed", &error), &error);

  after = outlay_test_describe (doc);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (outlay_document_get_read_only (doc));
  g_assert_cmpstr (outlay_document_get_undo_label (doc), ==, "Change Status");
  g_assert_false (outlay_document_can_redo (doc));

  /* undoing and redoing the lock is allowed: it only changes the status */
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_false (outlay_document_get_read_only (doc));
  g_assert_true (outlay_document_redo (doc, &error));
  g_assert_true (outlay_document_get_read_only (doc));

  /* the status alone can change back, and then edits work again */
  g_assert_true (set_status (doc, OUTLAY_BUDGET_STATUS_APPROVED, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (outlay_document_get_read_only (doc));
  g_assert_cmpint (outlay_budget_get_status (outlay_document_get_budget (doc)), ==,
                   OUTLAY_BUDGET_STATUS_APPROVED);
  g_assert_true (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_RATE, "1000", &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_line_get_estimate (producer), ==, D (8000));
  outlay_test_assert_totals_consistent (doc);
}

/* ---- signals ---- */

typedef struct
{
  OutlaySection *section;
  guint          position;
  guint          removed;
  guint          added;
  guint          count;
} LinesChanged;

static void
lines_changed_cb (OutlayDocument *doc, OutlaySection *section, guint position, guint removed,
                  guint added, LinesChanged *record)
{
  record->section = section;
  record->position = position;
  record->removed = removed;
  record->added = added;
  record->count++;
}

static void
count_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_signals (void)
{
  g_autoptr(OutlayDocument) doc = build_sample ();
  g_autoptr(GError) error = NULL;
  LinesChanged record = { 0 };
  OutlaySection *a = outlay_document_lookup_section (doc, "A");
  OutlaySection *b = outlay_document_lookup_section (doc, "B");
  OutlayLine *producer = line_by_code (doc, "1");
  OutlayLine *line;
  OutlayLine *victims[1];
  guint a_estimate = 0, b_estimate = 0, doc_estimate = 0, line_rate = 0;
  guint can_undo = 0, can_redo = 0;
  guint64 description;

  g_signal_connect (doc, "lines-changed", G_CALLBACK (lines_changed_cb), &record);
  g_signal_connect (a, "notify::estimate", G_CALLBACK (count_cb), &a_estimate);
  g_signal_connect (b, "notify::estimate", G_CALLBACK (count_cb), &b_estimate);
  g_signal_connect (doc, "notify::estimate", G_CALLBACK (count_cb), &doc_estimate);
  g_signal_connect (producer, "notify::rate", G_CALLBACK (count_cb), &line_rate);
  g_signal_connect (doc, "notify::can-undo", G_CALLBACK (count_cb), &can_undo);
  g_signal_connect (doc, "notify::can-redo", G_CALLBACK (count_cb), &can_redo);

  line = outlay_document_insert_line (doc, a, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (record.count, ==, 1);
  g_assert_true (record.section == a);
  g_assert_cmpuint (record.position, ==, 2);
  g_assert_cmpuint (record.removed, ==, 0);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_cmpuint (can_undo, ==, 1);
  /* an empty line adds nothing to the sums */
  g_assert_cmpuint (a_estimate, ==, 0);

  victims[0] = line;
  g_assert_true (outlay_document_delete_lines (doc, victims, 1, &error));
  g_assert_cmpuint (record.count, ==, 2);
  g_assert_true (record.section == a);
  g_assert_cmpuint (record.position, ==, 2);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_cmpuint (record.added, ==, 0);
  g_assert_cmpuint (can_undo, ==, 1);

  /* a value edit notifies the line, its section and the document, and
   * is not a structural change */
  g_assert_true (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_RATE, "900", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (line_rate, ==, 1);
  g_assert_cmpuint (a_estimate, ==, 1);
  g_assert_cmpuint (doc_estimate, ==, 1);
  g_assert_cmpuint (b_estimate, ==, 0);
  g_assert_cmpuint (record.count, ==, 2);
  g_assert_cmpstr (outlay_document_get_undo_label (doc), ==, "Edit Rate");

  /* a description changes no sum */
  g_assert_true (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_DESCRIPTION, "LP",
                                                &error));
  g_assert_cmpuint (a_estimate, ==, 1);
  g_assert_cmpuint (doc_estimate, ==, 1);
  g_assert_cmpstr (outlay_document_get_undo_label (doc), ==, "Edit Description");
  description = outlay_document_get_undo_serial (doc);
  g_assert_cmpuint (description, >, 0);
  g_assert_cmpint (outlay_document_get_command_state (doc, description), ==, OUTLAY_COMMAND_DONE);

  /* typing the same value again is no command at all */
  g_assert_true (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_RATE, "900.00", &error));
  g_assert_cmpuint (line_rate, ==, 1);
  g_assert_cmpstr (outlay_document_get_undo_label (doc), ==, "Edit Description");

  g_assert_cmpuint (can_redo, ==, 0);
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_cmpuint (can_redo, ==, 1);
  g_assert_cmpstr (outlay_document_get_redo_label (doc), ==, "Edit Description");
  g_assert_cmpstr (outlay_document_get_undo_label (doc), ==, "Edit Rate");
  g_assert_cmpint (outlay_document_get_command_state (doc, description), ==, OUTLAY_COMMAND_UNDONE);
  g_assert_cmpuint (outlay_document_get_undo_serial (doc), <, description);
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_cmpuint (line_rate, ==, 2);
  g_assert_cmpuint (a_estimate, ==, 2);
  g_assert_cmpuint (can_redo, ==, 1);
  g_assert_cmpstr (outlay_document_get_redo_label (doc), ==, "Edit Rate");
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_false (outlay_document_can_undo (doc));
  g_assert_cmpuint (can_undo, ==, 2);
  g_assert_null (outlay_document_get_undo_label (doc));
  g_assert_false (outlay_document_undo (doc, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* a new command clears the redo stack */
  g_assert_true (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_QUANTITY, "3", &error));
  g_assert_cmpuint (can_undo, ==, 3);
  g_assert_cmpuint (can_redo, ==, 2);
  g_assert_false (outlay_document_can_redo (doc));
  g_assert_cmpint (outlay_document_get_command_state (doc, description), ==,
                   OUTLAY_COMMAND_FORGOTTEN);
  g_assert_cmpuint (outlay_document_get_undo_serial (doc), >, description);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/document/estimate-formula", test_estimate_formula);
  g_test_add_func ("/model/document/scratch", test_scratch);
  g_test_add_func ("/model/document/estimate-override", test_estimate_override);
  g_test_add_func ("/model/document/invalid-number", test_invalid_number);
  g_test_add_func ("/model/document/overflow", test_overflow);
  g_test_add_func ("/model/document/insert-delete", test_insert_delete);
  g_test_add_func ("/model/document/move-lines", test_move_lines);
  g_test_add_func ("/model/document/sections", test_sections);
  g_test_add_func ("/model/document/paste", test_paste);
  g_test_add_func ("/model/document/paste-bad-row", test_paste_bad_row);
  g_test_add_func ("/model/document/paste-insert", test_paste_insert);
  g_test_add_func ("/model/document/next-line-code", test_next_line_code);
  g_test_add_func ("/model/document/budget-values", test_budget_values);
  g_test_add_func ("/model/document/locked", test_locked);
  g_test_add_func ("/model/document/signals", test_signals);
  return g_test_run ();
}
