/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Money control: the commitment lifecycle and its releases, what is
 * available on a line, a section and a budget, the budget check and its
 * threshold edges, and commitments in the store (reload, audit, refusals
 * that leave nothing behind). */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "outlay-budget-check.h"
#include "outlay-currency.h"
#include "outlay-document-sink.h"
#include "outlay-document.h"
#include "outlay-error.h"
#include "outlay-model-enum-types.h"
#include "outlay-store.h"
#include "outlay-test-util.h"

#define D(units) OUTLAY_DECIMAL_FROM_INT (units)

/* Section X with lines X1 (estimate 1,000) and X2 (estimate 500); section
 * Y with line Y1 (estimate 2,000).  Fiscal year 2026. */
static OutlayDocument *
build_doc (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayBudget) budget = g_object_new (OUTLAY_TYPE_BUDGET, "name", "Dept", "currency",
                                                  "USD", "fiscal-start", "2026-01-01", "fiscal-end",
                                                  "2026-12-31", NULL);
  OutlayDocument *doc = outlay_document_new (budget);
  struct
  {
    const char *section, *code, *estimate;
  } lines[] = {
    { "X", "X1", "1000" },
    { "X", "X2", "500" },
    { "Y", "Y1", "2000" },
  };

  outlay_document_add_section (doc, G_MAXUINT, "X", "Equipment", &error);
  g_assert_no_error (error);
  outlay_document_add_section (doc, G_MAXUINT, "Y", "Travel", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      OutlayLine *line = outlay_document_insert_line (
          doc, outlay_document_lookup_section (doc, lines[i].section), G_MAXUINT, NULL, &error);

      g_assert_no_error (error);
      g_assert_true (
          outlay_document_set_line_text (doc, line, OUTLAY_LINE_CODE, lines[i].code, &error));
      g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_ESTIMATE,
                                                    lines[i].estimate, &error));
      g_assert_no_error (error);
    }
  return doc;
}

static OutlayCommitment *
new_commitment (const char *number, OutlayDecimal amount)
{
  return g_object_new (OUTLAY_TYPE_COMMITMENT, "reference", number, "vendor", "Acme", "amount",
                       amount, "date", "2026-03-10", NULL);
}

static OutlayLine *
line (OutlayDocument *doc, const char *code)
{
  OutlayLine *l = outlay_document_lookup_line (doc, code);

  g_assert_nonnull (l);
  return l;
}

/* The running totals equal a fresh sum, reserved included. */
static void
assert_consistent (OutlayDocument *doc)
{
  OutlayTotals sum;
  const OutlayTotals *t = outlay_document_get_totals (doc);

  g_assert_true (outlay_document_sum_totals (doc, &sum));
  g_assert_cmpint (t->estimate, ==, sum.estimate);
  g_assert_cmpint (t->actual, ==, sum.actual);
  g_assert_cmpint (t->committed, ==, sum.committed);
  g_assert_cmpint (t->reserved, ==, sum.reserved);
}

static void
assert_line (OutlayLine *l, gint64 actual, gint64 committed, gint64 reserved)
{
  g_assert_cmpint (outlay_line_get_actual (l), ==, D (actual));
  g_assert_cmpint (outlay_line_get_committed (l), ==, D (committed));
  g_assert_cmpint (outlay_line_get_reserved (l), ==, D (reserved));
}

static void
test_lifecycle (void)
{
  g_autoptr(OutlayDocument) doc = build_doc ();
  g_autoptr(OutlayCommitment) po = new_commitment ("PO-1", D (600));
  g_autoptr(GError) error = NULL;
  OutlayLine *x1 = line (doc, "X1");
  OutlayAvailability a;

  /* a request reserves */
  g_assert_true (outlay_document_add_commitment (doc, po, NULL, x1, &error));
  g_assert_no_error (error);
  assert_line (x1, 0, 0, 600);
  g_assert_cmpuint (outlay_document_count_line_commitments (doc, x1), ==, 1);
  g_assert_cmpint (outlay_document_get_totals (doc)->reserved, ==, D (600));
  /* an order commits */
  g_assert_true (outlay_document_order_commitment (doc, po, &error));
  assert_line (x1, 0, 600, 0);
  /* a partial invoice makes that part actual */
  g_assert_true (outlay_document_invoice_commitment (doc, po, D (250), &error));
  assert_line (x1, 250, 350, 0);
  g_assert_cmpint (outlay_commitment_get_status (po), ==, OUTLAY_COMMITMENT_STATUS_ORDERED);
  /* invoicing beyond the order is refused, nothing moves */
  g_assert_false (outlay_document_invoice_commitment (doc, po, D (400), &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "$350.00 left to invoice on PO-1"));
  g_clear_error (&error);
  assert_line (x1, 250, 350, 0);
  g_assert_cmpint (outlay_commitment_get_invoiced (po), ==, D (250));
  /* closing releases what was not invoiced */
  g_assert_true (outlay_document_close_commitment (doc, po, &error));
  assert_line (x1, 250, 0, 0);
  outlay_availability_of_line (x1, &a);
  g_assert_cmpint (a.available, ==, D (750));
  assert_consistent (doc);

  /* undo walks it back step by step, redo forward again */
  g_assert_true (outlay_document_undo (doc, &error));
  assert_line (x1, 250, 350, 0);
  g_assert_cmpint (outlay_commitment_get_status (po), ==, OUTLAY_COMMITMENT_STATUS_ORDERED);
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_true (outlay_document_undo (doc, &error));
  assert_line (x1, 0, 0, 0);
  g_assert_cmpuint (outlay_document_get_n_commitments (doc), ==, 0);
  g_assert_cmpuint (outlay_document_count_line_commitments (doc, x1), ==, 0);
  for (int i = 0; i < 4; i++)
    g_assert_true (outlay_document_redo (doc, &error));
  g_assert_no_error (error);
  assert_line (x1, 250, 0, 0);
  assert_consistent (doc);
}

static void
test_full_invoice_and_typed (void)
{
  g_autoptr(OutlayDocument) doc = build_doc ();
  g_autoptr(OutlayCommitment) po = new_commitment ("PO-2", D (300));
  g_autoptr(GError) error = NULL;
  OutlayLine *x2 = line (doc, "X2");

  /* a typed actual stays; the commitments add to it */
  g_assert_true (outlay_document_set_line_text (doc, x2, OUTLAY_LINE_ACTUAL, "40", &error));
  g_object_set (po, "status", OUTLAY_COMMITMENT_STATUS_ORDERED, NULL);
  g_assert_true (outlay_document_add_commitment (doc, po, NULL, x2, &error));
  assert_line (x2, 40, 300, 0);
  g_assert_true (outlay_document_invoice_commitment (doc, po, D (300), &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_commitment_get_status (po), ==, OUTLAY_COMMITMENT_STATUS_INVOICED);
  assert_line (x2, 340, 0, 0);
  /* a line with commitments cannot be deleted */
  g_assert_false (outlay_document_delete_lines (doc, &x2, 1, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_true (outlay_document_delete_commitment (doc, po, &error));
  assert_line (x2, 40, 0, 0);
  g_assert_true (outlay_document_delete_lines (doc, &x2, 1, &error));
  g_assert_no_error (error);
  assert_consistent (doc);
}

static void
test_section_and_move (void)
{
  g_autoptr(OutlayDocument) doc = build_doc ();
  g_autoptr(OutlayCommitment) pr = new_commitment ("PR-3", D (100));
  g_autoptr(OutlayCommitment) edited = NULL;
  g_autoptr(GError) error = NULL;
  OutlaySection *x = outlay_document_lookup_section (doc, "X");
  OutlaySection *y = outlay_document_lookup_section (doc, "Y");
  OutlayAvailability a;

  /* on a section as a whole: the section's reserved grows, no line's */
  g_assert_true (outlay_document_add_commitment (doc, pr, x, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_section_get_totals (x)->reserved, ==, D (100));
  assert_line (line (doc, "X1"), 0, 0, 0);
  outlay_availability_of_section (x, &a);
  g_assert_cmpint (a.budgeted, ==, D (1500));
  g_assert_cmpint (a.available, ==, D (1400));
  assert_consistent (doc);
  /* moved to a line of another section, with a new amount */
  edited = outlay_commitment_copy (pr);
  g_object_set (edited, "amount", D (120), NULL);
  g_assert_true (
      outlay_document_update_commitment (doc, pr, edited, NULL, line (doc, "Y1"), &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_section_get_totals (x)->reserved, ==, 0);
  assert_line (line (doc, "Y1"), 0, 0, 120);
  g_assert_true (outlay_commitment_get_section (pr) == y);
  assert_consistent (doc);
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_cmpint (outlay_section_get_totals (x)->reserved, ==, D (100));
  assert_line (line (doc, "Y1"), 0, 0, 0);
  assert_consistent (doc);
  /* a section with commitments cannot be deleted */
  g_assert_false (outlay_document_delete_section (doc, x, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
  /* cancelling a request releases it */
  g_clear_error (&error);
  g_assert_true (outlay_document_cancel_commitment (doc, pr, &error));
  g_assert_cmpint (outlay_section_get_totals (x)->reserved, ==, 0);
  assert_consistent (doc);
}

static void
test_bad_input (void)
{
  g_autoptr(OutlayDocument) doc = build_doc ();
  g_autoptr(OutlayCommitment) c = NULL;
  g_autoptr(GError) error = NULL;
  OutlayLine *x1 = line (doc, "X1");
  OutlayDecimal v;
  g_autoptr(OutlayBudget) locked = NULL;

  c = new_commitment ("N-1", -D (5));
  g_assert_false (outlay_document_add_commitment (doc, c, NULL, x1, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "more than zero"));
  g_clear_error (&error);
  g_clear_object (&c);

  c = new_commitment ("N-2", D (5));
  g_object_set (c, "date", "2027-02-01", NULL);
  g_assert_false (outlay_document_add_commitment (doc, c, NULL, x1, &error));
  g_assert_nonnull (strstr (error->message, "outside the budget’s fiscal year"));
  g_clear_error (&error);
  g_object_set (c, "date", "2026-02-30", NULL);
  g_assert_false (outlay_document_add_commitment (doc, c, NULL, x1, &error));
  g_assert_nonnull (strstr (error->message, "is not a date"));
  g_clear_error (&error);
  g_object_set (c, "date", "2026-02-28", NULL);
  g_assert_true (outlay_document_add_commitment (doc, c, NULL, x1, &error));
  g_clear_object (&c);

  /* the same number twice */
  c = new_commitment ("N-2", D (5));
  g_assert_false (outlay_document_add_commitment (doc, c, NULL, x1, &error));
  g_assert_nonnull (strstr (error->message, "already has a commitment numbered N-2"));
  g_clear_error (&error);

  /* a request is not invoiced */
  g_assert_false (outlay_document_invoice_commitment (
      doc, outlay_document_lookup_commitment (doc, "N-2"), D (1), &error));
  g_assert_nonnull (strstr (error->message, "order it before"));
  g_clear_error (&error);

  /* another currency */
  g_assert_false (outlay_currency_parse_amount ("EUR 12", "USD", &v, &error));
  g_assert_nonnull (strstr (error->message, "another currency (EUR)"));
  g_clear_error (&error);
  g_assert_false (outlay_currency_parse_amount ("€12", "USD", &v, &error));
  g_clear_error (&error);
  g_assert_true (outlay_currency_parse_amount ("$1,200.50", "USD", &v, &error));
  g_assert_cmpint (v, ==, 12005000);
  g_assert_true (outlay_currency_parse_amount ("USD 7", "USD", &v, &error));
  g_assert_cmpint (v, ==, D (7));

  /* a locked budget refuses, nothing changes */
  locked = outlay_budget_copy (outlay_document_get_budget (doc));
  g_object_set (locked, "status", OUTLAY_BUDGET_STATUS_LOCKED, NULL);
  g_assert_true (outlay_document_update_budget (doc, locked, &error));
  g_assert_no_error (error);
  g_assert_false (outlay_document_add_commitment (doc, c, NULL, x1, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_LOCKED);
  g_assert_cmpuint (outlay_document_get_n_commitments (doc), ==, 1);
  assert_line (x1, 0, 0, 5); /* only N-2's request */
}

/* ---- availability and the check ---- */

static void
set_rules (OutlayDocument *doc,
           gint64 allocated,
           gint64 threshold,
           OutlayOverrunPolicy policy,
           OutlayCheckBasis basis)
{
  g_autoptr(OutlayBudget) b = outlay_budget_copy (outlay_document_get_budget (doc));
  g_autoptr(GError) error = NULL;

  g_object_set (b, "allocated", D (allocated), "auto-approval-threshold", D (threshold),
                "overrun-policy", policy, "check-basis", basis, NULL);
  g_assert_true (outlay_document_update_budget (doc, b, &error));
  g_assert_no_error (error);
}

static OutlayCheckDecision
check (OutlayDocument *doc,
       const char *line_code,
       const char *period,
       OutlayDecimal amount,
       OutlayCheck *out)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (outlay_budget_check (doc, NULL, line_code ? line (doc, line_code) : NULL, period,
                                      amount, out, &error));
  g_assert_no_error (error);
  g_assert_nonnull (out->reason);
  return out->decision;
}

static void
test_availability (void)
{
  g_autoptr(OutlayDocument) doc = build_doc ();
  g_autoptr(OutlayCommitment) po = new_commitment ("PO-9", D (400));
  g_autoptr(OutlayCommitment) pr = new_commitment ("PR-9", D (100));
  g_autoptr(GError) error = NULL;
  OutlayAvailability a;

  g_object_set (po, "status", OUTLAY_COMMITMENT_STATUS_ORDERED, NULL);
  g_assert_true (outlay_document_add_commitment (doc, po, NULL, line (doc, "Y1"), &error));
  g_assert_true (outlay_document_add_commitment (doc, pr, NULL, line (doc, "X1"), &error));
  g_assert_true (
      outlay_document_set_line_text (doc, line (doc, "X2"), OUTLAY_LINE_ACTUAL, "50", &error));
  g_assert_no_error (error);
  /* no allocation: the budget is its estimate */
  outlay_availability_of_budget (doc, &a);
  g_assert_false (outlay_document_get_budgeted_is_allocation (doc));
  g_assert_cmpint (a.budgeted, ==, D (3500));
  g_assert_cmpint (a.available, ==, D (3500 - 400 - 100 - 50));
  g_assert_cmpint (outlay_document_get_available (doc), ==, D (2950));
  /* with one, the allocation */
  set_rules (doc, 3000, 0, OUTLAY_OVERRUN_POLICY_STOP, OUTLAY_CHECK_BASIS_ANNUAL);
  outlay_availability_of_budget (doc, &a);
  g_assert_true (outlay_document_get_budgeted_is_allocation (doc));
  g_assert_cmpint (a.available, ==, D (2450));
  g_assert_cmpint (outlay_document_get_available (doc), ==, D (2450));
  outlay_availability_of_section (outlay_document_lookup_section (doc, "X"), &a);
  g_assert_cmpint (a.available, ==, D (1500 - 150));
}

static void
test_check_edges (void)
{
  g_autoptr(OutlayDocument) doc = build_doc ();
  g_autoptr(OutlayCommitment) po = new_commitment ("PO-1", D (400));
  g_autoptr(GError) error = NULL;
  OutlayCheck c;

  g_assert_true (outlay_document_add_commitment (doc, po, NULL, line (doc, "X1"), &error));
  /* X1: 1,000 budgeted, 400 reserved, 600 available */
  set_rules (doc, 0, 250, OUTLAY_OVERRUN_POLICY_STOP, OUTLAY_CHECK_BASIS_ANNUAL);

  g_assert_cmpint (check (doc, "X1", NULL, D (250), &c), ==, OUTLAY_CHECK_APPROVE);
  g_assert_true (c.can_auto_approve);
  g_assert_true (c.within_budget);
  g_assert_cmpint (c.scope.available, ==, D (600));
  g_assert_cmpint (c.scope.reserved, ==, D (400));
  g_assert_cmpint (c.utilization_after, ==, D (65));
  g_assert_cmpstr (c.reason, ==,
                   "Approved: $250.00 is within the $600.00 available on line X1 "
                   "“” and at or under the auto-approval threshold of $250.00.");
  outlay_check_clear (&c);

  /* one cent over the threshold */
  g_assert_cmpint (check (doc, "X1", NULL, D (250) + 100, &c), ==, OUTLAY_CHECK_NEEDS_APPROVAL);
  g_assert_false (c.can_auto_approve);
  g_assert_true (c.within_budget);
  outlay_check_clear (&c);

  /* exactly what is available is within budget */
  g_assert_cmpint (check (doc, "X1", NULL, D (600), &c), ==, OUTLAY_CHECK_NEEDS_APPROVAL);
  g_assert_true (c.within_budget);
  g_assert_cmpint (c.utilization_after, ==, D (100));
  outlay_check_clear (&c);

  /* one cent more is refused */
  g_assert_cmpint (check (doc, "X1", NULL, D (600) + 100, &c), ==, OUTLAY_CHECK_REFUSED);
  g_assert_false (c.within_budget);
  g_assert_cmpstr (c.reason, ==,
                   "Refused: $600.01 is $0.01 more than the $600.00 available on "
                   "line X1 “”.");
  outlay_check_clear (&c);

  /* warn: the overrun needs approval instead */
  set_rules (doc, 0, 250, OUTLAY_OVERRUN_POLICY_WARN, OUTLAY_CHECK_BASIS_ANNUAL);
  g_assert_cmpint (check (doc, "X1", NULL, D (700), &c), ==, OUTLAY_CHECK_NEEDS_APPROVAL);
  g_assert_false (c.within_budget);
  outlay_check_clear (&c);

  /* ignore: a small overrun under the threshold is approved */
  set_rules (doc, 0, 250, OUTLAY_OVERRUN_POLICY_IGNORE, OUTLAY_CHECK_BASIS_ANNUAL);
  g_assert_true (outlay_document_invoice_commitment (doc, po, D (1), &error) == FALSE);
  g_clear_error (&error);
  g_assert_true (outlay_document_order_commitment (doc, po, &error));
  g_assert_cmpint (check (doc, "X2", NULL, D (200), &c), ==, OUTLAY_CHECK_APPROVE);
  outlay_check_clear (&c);
  g_assert_cmpint (check (doc, "X2", NULL, D (600), &c), ==, OUTLAY_CHECK_NEEDS_APPROVAL);
  g_assert_false (c.within_budget);
  outlay_check_clear (&c);

  /* the line has room but the budget's allocation does not */
  set_rules (doc, 500, 250, OUTLAY_OVERRUN_POLICY_STOP, OUTLAY_CHECK_BASIS_ANNUAL);
  g_assert_cmpint (check (doc, "Y1", NULL, D (200), &c), ==, OUTLAY_CHECK_REFUSED);
  g_assert_cmpint (c.scope.available, ==, D (2000));
  g_assert_cmpint (c.budget.available, ==, D (100));
  g_assert_nonnull (strstr (c.reason, "the budget as a whole"));
  outlay_check_clear (&c);
}

static void
test_check_accumulated (void)
{
  g_autoptr(OutlayDocument) doc = build_doc ();
  g_autoptr(GError) error = NULL;
  OutlayCheck c;

  set_rules (doc, 0, 0, OUTLAY_OVERRUN_POLICY_STOP, OUTLAY_CHECK_BASIS_ACCUMULATED);
  /* Y1's 2,000 spread evenly is 166.67 a month (the last takes the
   * rounding), so 500.01 to the end of March */
  g_assert_cmpint (check (doc, "Y1", "2026-03", D (500), &c), ==, OUTLAY_CHECK_NEEDS_APPROVAL);
  g_assert_true (c.phased);
  g_assert_cmpint (c.scope.budgeted, ==, D (500) + 100);
  outlay_check_clear (&c);
  g_assert_cmpint (check (doc, "Y1", "2026-03", D (501), &c), ==, OUTLAY_CHECK_REFUSED);
  outlay_check_clear (&c);
  /* a quarter counts to its last month */
  g_assert_cmpint (check (doc, "Y1", "2026-Q2", D (1000), &c), ==, OUTLAY_CHECK_NEEDS_APPROVAL);
  outlay_check_clear (&c);
  /* annual ignores the period's phasing */
  set_rules (doc, 0, 0, OUTLAY_OVERRUN_POLICY_STOP, OUTLAY_CHECK_BASIS_ANNUAL);
  g_assert_cmpint (check (doc, "Y1", "2026-03", D (1500), &c), ==, OUTLAY_CHECK_NEEDS_APPROVAL);
  g_assert_false (c.phased);
  outlay_check_clear (&c);
  /* outside the fiscal year, and not a period */
  g_assert_false (outlay_budget_check (doc, NULL, line (doc, "Y1"), "2027-01", D (1), &c, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "outside the budget’s fiscal year"));
  g_clear_error (&error);
  g_assert_false (outlay_budget_check (doc, NULL, NULL, "March", D (1), &c, &error));
  g_clear_error (&error);
  g_assert_false (outlay_budget_check (doc, NULL, NULL, NULL, 0, &c, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
}

/* ---- in the store ---- */

static void
test_store (void)
{
  g_autofree char *dir = outlay_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "money.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = outlay_store_open (path, &error);
  g_autoptr(OutlayDocument) doc = build_doc ();
  g_autoptr(OutlayDocument) again = NULL;
  g_autoptr(OutlayCommitment) po = new_commitment ("PO-7", D (300));
  g_autoptr(OutlayCommitment) sec = new_commitment ("PR-8", D (50));
  g_autoptr(OutlayCommitment) bad = new_commitment ("PO-9", D (10));
  g_autoptr(OutlayBudget) rules = NULL;
  sqlite3 *db;
  gint64 id;

  g_assert_no_error (error);
  g_assert_true (outlay_store_save_new_document (store, doc, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  id = outlay_budget_get_id (outlay_document_get_budget (doc));
  g_assert_true (outlay_document_add_commitment (doc, po, NULL, line (doc, "X1"), &error));
  g_assert_true (outlay_document_order_commitment (doc, po, &error));
  g_assert_true (outlay_document_invoice_commitment (doc, po, D (120), &error));
  g_assert_true (outlay_document_add_commitment (
      doc, sec, outlay_document_lookup_section (doc, "Y"), NULL, &error));
  rules = outlay_budget_copy (outlay_document_get_budget (doc));
  g_object_set (rules, "auto-approval-threshold", D (75), "overrun-policy",
                OUTLAY_OVERRUN_POLICY_WARN, "check-basis", OUTLAY_CHECK_BASIS_ACCUMULATED, NULL);
  g_assert_true (outlay_document_update_budget (doc, rules, &error));
  g_assert_no_error (error);
  /* a refused invoice writes nothing */
  g_assert_false (outlay_document_invoice_commitment (doc, po, D (181), &error));
  g_clear_error (&error);

  again = outlay_store_load_document (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outlay_document_get_n_commitments (again), ==, 2);
  assert_line (line (again, "X1"), 120, 180, 0);
  g_assert_cmpuint (outlay_document_count_line_commitments (again, line (again, "X1")), ==, 1);
  g_assert_cmpint (
      outlay_section_get_totals (outlay_document_lookup_section (again, "Y"))->reserved, ==,
      D (50));
  g_assert_cmpint (outlay_document_get_totals (again)->reserved, ==, D (50));
  assert_consistent (again);
  {
    OutlayCommitment *c = outlay_document_lookup_commitment (again, "PO-7");
    OutlayBudget *b = outlay_document_get_budget (again);

    g_assert_nonnull (c);
    g_assert_cmpint (outlay_commitment_get_invoiced (c), ==, D (120));
    g_assert_cmpint (outlay_commitment_get_status (c), ==, OUTLAY_COMMITMENT_STATUS_ORDERED);
    g_assert_cmpstr (outlay_commitment_get_vendor (c), ==, "Acme");
    g_assert_true (outlay_commitment_get_line (c) == line (again, "X1"));
    g_assert_cmpint (outlay_budget_get_auto_approval_threshold (b), ==, D (75));
    g_assert_cmpint (outlay_budget_get_overrun_policy (b), ==, OUTLAY_OVERRUN_POLICY_WARN);
    g_assert_cmpint (outlay_budget_get_check_basis (b), ==, OUTLAY_CHECK_BASIS_ACCUMULATED);
    /* the later document closes it: the earlier one's write did not hold
     * anything back */
    g_assert_true (outlay_document_close_commitment (again, c, &error));
    g_assert_no_error (error);
  }

  /* the audit trail: insert, status, invoice, close; the line's fields */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM audit WHERE entity = "
                                              "'commitment' AND action = 'insert'"),
                   ==, 2);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM audit WHERE entity = "
                                              "'commitment' AND action = 'invoice'"),
                   ==, 1);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM audit WHERE entity = "
                                              "'commitment' AND action = 'close'"),
                   ==, 1);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM audit WHERE entity = 'line' "
                                              "AND field = 'committed'"),
                   >=, 3);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT committed FROM lines WHERE code = 'X1'"), ==,
                   0);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT invoiced FROM commitments WHERE reference "
                                              "= 'PO-7'"),
                   ==, D (120));
  sqlite3_close (db);

  /* locked: nothing written */
  rules = (g_object_unref (rules), outlay_budget_copy (outlay_document_get_budget (again)));
  g_object_set (rules, "status", OUTLAY_BUDGET_STATUS_LOCKED, NULL);
  g_assert_true (outlay_document_update_budget (again, rules, &error));
  g_assert_false (outlay_document_add_commitment (again, bad, NULL, line (again, "X2"), &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_LOCKED);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM commitments"), ==, 2);
  sqlite3_close (db);
  g_clear_object (&store);
  outlay_test_remove_dir (dir);
}

/* ---- outlay-cli ---- */

typedef struct
{
  int status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

static void
run_cli (const char *dir, Result *r, const char *const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) envp = g_get_environ ();
  const char *cli = g_getenv ("OUTLAY_CLI");
  int wait_status = 0;

  if (cli == NULL)
    g_error ("OUTLAY_CLI is not set; run the tests with meson test");
  result_clear (r);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", dir, TRUE);
  g_ptr_array_add (argv, g_strdup (cli));
  g_ptr_array_add (argv, g_strdup ("--database"));
  g_ptr_array_add (argv, g_build_filename (dir, "cli.db", NULL));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &r->out, &r->err, &wait_status, &error));
  g_assert_no_error (error);
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

#define CLI(dir, r, ...) run_cli (dir, r, (const char *const[]){ __VA_ARGS__, NULL })

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_cli (void)
{
  g_autofree char *dir = outlay_test_make_dir ();
  Result r = { 0 };
  g_autoptr(JsonObject) o = NULL;
  JsonObject *budget;

  /* the sample: section N "Talent expenses", 3,550.00, nothing spent */
  CLI (dir, &r, "policy", "1", "--auto-approve", "500", "--overrun", "stop");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Auto-approve up to: 500.00"));

  CLI (dir, &r, "check", "1", "--section", "N", "--amount", "500", "--json");
  g_assert_cmpint (r.status, ==, 0);
  o = parse_object (r.out);
  g_assert_true (json_object_get_boolean_member (o, "available"));
  g_assert_true (json_object_get_boolean_member (o, "can_auto_approve"));
  g_assert_cmpstr (json_object_get_string_member (o, "auto_approval_threshold"), ==, "500.00");
  g_assert_cmpstr (json_object_get_string_member (o, "utilization_percent"), ==, "14.08");
  g_assert_cmpstr (json_object_get_string_member (o, "decision"), ==, "approve");
  g_assert_nonnull (strstr (json_object_get_string_member (o, "reason"), "Approved: "));
  budget = json_object_get_object_member (o, "budget");
  g_assert_cmpint (json_object_get_int_member (budget, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (budget, "budgeted"), ==, "3550.00");
  g_assert_cmpstr (json_object_get_string_member (budget, "committed"), ==, "0.00");
  g_assert_cmpstr (json_object_get_string_member (budget, "reserved"), ==, "0.00");
  g_assert_cmpstr (json_object_get_string_member (budget, "available"), ==, "3550.00");
  g_clear_pointer (&o, json_object_unref);

  CLI (dir, &r, "check", "1", "--section", "N", "--amount", "500.01");
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "Needs approval"));
  CLI (dir, &r, "check", "1", "--section", "N", "--amount", "3550.01", "--json");
  g_assert_cmpint (r.status, ==, 2);
  o = parse_object (r.out);
  g_assert_false (json_object_get_boolean_member (o, "available"));
  g_assert_cmpstr (json_object_get_string_member (o, "decision"), ==, "refused");
  g_clear_pointer (&o, json_object_unref);
  /* no answer: another currency, a bad period, no such section */
  CLI (dir, &r, "check", "1", "--section", "N", "--amount", "EUR 5");
  g_assert_cmpint (r.status, ==, 3);
  g_assert_nonnull (strstr (r.err, "another currency"));
  CLI (dir, &r, "check", "1", "--section", "N", "--period", "2026-03", "--amount", "5");
  g_assert_cmpint (r.status, ==, 3);
  CLI (dir, &r, "check", "1", "--section", "ZZ", "--amount", "5");
  g_assert_cmpint (r.status, ==, 3);

  /* a request, an order, a partial invoice, one too many */
  CLI (dir, &r, "commitment", "1", "add", "--section", "N", "--number", "PO-1", "--vendor", "Acme",
       "--amount", "1000");
  g_assert_cmpint (r.status, ==, 0);
  CLI (dir, &r, "commitment", "1", "order", "PO-1");
  g_assert_cmpint (r.status, ==, 0);
  CLI (dir, &r, "commitment", "1", "invoice", "PO-1", "--amount", "400");
  g_assert_cmpint (r.status, ==, 0);
  CLI (dir, &r, "commitment", "1", "invoice", "PO-1", "--amount", "700");
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "nothing was recorded"));
  CLI (dir, &r, "check", "1", "--section", "N", "--amount", "2550", "--json");
  g_assert_cmpint (r.status, ==, 1);
  o = parse_object (r.out);
  budget = json_object_get_object_member (o, "budget");
  g_assert_cmpstr (json_object_get_string_member (budget, "committed"), ==, "600.00");
  g_assert_cmpstr (json_object_get_string_member (budget, "actual"), ==, "400.00");
  g_assert_cmpstr (json_object_get_string_member (budget, "available"), ==, "2550.00");
  g_clear_pointer (&o, json_object_unref);
  CLI (dir, &r, "commitment", "1", "close", "PO-1");
  g_assert_cmpint (r.status, ==, 0);
  CLI (dir, &r, "commitments", "1", "--json");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"status\" : \"closed\""));
  g_assert_nonnull (strstr (r.out, "\"committed\" : \"0.00\""));
  /* bad input writes nothing */
  CLI (dir, &r, "commitment", "1", "add", "--section", "N", "--amount", "-5");
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "more than zero"));
  CLI (dir, &r, "commitments", "1");
  g_assert_null (strstr (r.out, "-5"));
  result_clear (&r);
  outlay_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/money/commitment/lifecycle", test_lifecycle);
  g_test_add_func ("/money/commitment/full-invoice-typed", test_full_invoice_and_typed);
  g_test_add_func ("/money/commitment/section-and-move", test_section_and_move);
  g_test_add_func ("/money/commitment/bad-input", test_bad_input);
  g_test_add_func ("/money/availability", test_availability);
  g_test_add_func ("/money/check/edges", test_check_edges);
  g_test_add_func ("/money/check/accumulated", test_check_accumulated);
  g_test_add_func ("/money/store", test_store);
  g_test_add_func ("/money/cli", test_cli);
  return g_test_run ();
}
