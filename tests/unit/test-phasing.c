/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Phasing and the rolling forecast: the budget's periods, each spreading
 * method and its rounding, actuals and commitments landing by date, the
 * accumulated budget check following the phasing, the three forecast
 * methods, closing periods with their kept snapshots and the forecast's
 * accuracy, in memory and in the store, and the CLI's commands. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "outlay-budget-check.h"
#include "outlay-document-phasing.h"
#include "outlay-document-sink.h"
#include "outlay-error.h"
#include "outlay-rolling-forecast.h"
#include "outlay-store.h"
#include "outlay-test-cli.h"
#include "outlay-test-util.h"

#define D(units) OUTLAY_DECIMAL_FROM_INT (units)
#define CENTS(c) ((OutlayDecimal) (c) *100)

/* Section A (lines A1 12,000 and A2 1,000) and B (line B1 6,000);
 * fiscal year 2025, in USD. */
static OutlayDocument *
build_doc (const char *currency)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayBudget) budget = g_object_new (OUTLAY_TYPE_BUDGET, "name", "Dept", "currency",
                                                  currency, "fiscal-start", "2025-01-01",
                                                  "fiscal-end", "2025-12-31", NULL);
  OutlayDocument *doc = outlay_document_new (budget);
  struct
  {
    const char *section, *code, *estimate;
  } lines[] = { { "A", "A1", "12000" }, { "A", "A2", "1000" }, { "B", "B1", "6000" } };

  outlay_document_add_section (doc, G_MAXUINT, "A", "Staff", &error);
  outlay_document_add_section (doc, G_MAXUINT, "B", "Travel", &error);
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

static OutlayLine *
line (OutlayDocument *doc, const char *code)
{
  OutlayLine *l = outlay_document_lookup_line (doc, code);

  g_assert_nonnull (l);
  return l;
}

static void
phase (OutlayDocument *doc,
       const char *code,
       OutlayPhasingMethod method,
       const gint *units,
       guint n)
{
  g_autoptr(GError) error = NULL;
  g_autofree OutlayDecimal *values = g_new0 (OutlayDecimal, MAX (n, 1));
  g_autoptr(OutlayLinePhasing) p = NULL;
  OutlayLine *l = line (doc, code);

  for (guint i = 0; i < n; i++)
    values[i] = D (units[i]);
  p = outlay_phasing_make (method, values, n, 12, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_document_set_phasing (doc, &l, &p, 1, NULL, &error));
  g_assert_no_error (error);
}

static OutlayDecimal
sum_of (const OutlayDecimal *v, guint n)
{
  OutlayDecimal s = 0;

  for (guint i = 0; i < n; i++)
    s += v[i];
  return s;
}

/* ---- periods ---- */

static void
test_periods (void)
{
  g_autoptr(OutlayBudget) b = g_object_new (OUTLAY_TYPE_BUDGET, "name", "FY", "fiscal-start",
                                             "2025-04-01", "fiscal-end", "2026-03-31", NULL);
  g_autoptr(OutlayPeriods) months = outlay_periods_new (b, OUTLAY_PERIOD_KIND_MONTH, NULL);
  g_autoptr(OutlayPeriods) quarters = outlay_periods_new (b, OUTLAY_PERIOD_KIND_QUARTER, NULL);
  g_autoptr(OutlayBudget) none = outlay_budget_new ("No year");
  g_autoptr(GError) error = NULL;
  guint index;

  g_assert_cmpuint (months->n, ==, 12);
  g_assert_cmpstr (months->names[0], ==, "2025-04");
  g_assert_cmpstr (months->names[11], ==, "2026-03");
  g_assert_cmpuint (quarters->n, ==, 4);
  g_assert_cmpstr (quarters->names[0], ==, "2025-Q2");
  g_assert_cmpstr (quarters->names[3], ==, "2026-Q1");
  /* a date, a month in several spellings, a quarter's name */
  g_assert_cmpint (outlay_periods_index_of (months, "2025-06-30"), ==, 2);
  g_assert_cmpint (outlay_periods_index_of (months, "Jun 2025"), ==, 2);
  g_assert_cmpint (outlay_periods_index_of (months, "June 2025"), ==, 2);
  g_assert_cmpint (outlay_periods_index_of (months, "Jan-26"), ==, 9);
  g_assert_cmpint (outlay_periods_index_of (quarters, "2026-02-14"), ==, 3);
  g_assert_cmpint (outlay_periods_index_of (quarters, "2025-Q3"), ==, 1);
  g_assert_cmpint (outlay_periods_index_of (months, "2025-03"), ==, -1);
  g_assert_cmpint (outlay_periods_index_of (months, ""), ==, -1);
  g_assert_false (outlay_periods_lookup (months, "2026-04", &index, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (
      strstr (error->message, "outside the budget’s fiscal year (2025-04 to 2026-03)"));
  g_clear_error (&error);
  g_assert_false (outlay_periods_lookup (months, "soon", &index, &error));
  g_assert_nonnull (strstr (error->message, "is not a period"));
  g_clear_error (&error);
  g_assert_null (outlay_periods_new (none, OUTLAY_PERIOD_KIND_MONTH, &error));
  g_assert_nonnull (strstr (error->message, "has no fiscal year"));
}

/* ---- spreading ---- */

static void
test_spread_even (void)
{
  OutlayDecimal out[12], unphased = 1;

  /* 1,000.00 over 12: 83.33 a month, the last 83.37 */
  g_assert_true (outlay_phasing_spread (NULL, D (1000), 12, 2, out, &unphased));
  for (guint p = 0; p < 11; p++)
    g_assert_cmpint (out[p], ==, CENTS (8333));
  g_assert_cmpint (out[11], ==, CENTS (8337));
  g_assert_cmpint (sum_of (out, 12), ==, D (1000));
  g_assert_cmpint (unphased, ==, 0);
  /* a credit too, and a currency with no minor unit */
  g_assert_true (outlay_phasing_spread (NULL, -D (100), 3, 2, out, NULL));
  g_assert_cmpint (out[0], ==, -CENTS (3333));
  g_assert_cmpint (out[2], ==, -CENTS (3334));
  g_assert_true (outlay_phasing_spread (NULL, D (1000), 3, 0, out, NULL));
  g_assert_cmpint (out[0], ==, D (333));
  g_assert_cmpint (out[2], ==, D (334));
}

static void
test_spread_methods (void)
{
  g_autoptr(GError) error = NULL;
  OutlayDecimal w[4] = { D (10), D (20), D (70), 0 };
  OutlayDecimal out[4], unphased;
  g_autoptr(OutlayLinePhasing)
                 pct = outlay_phasing_make (OUTLAY_PHASING_METHOD_PERCENT, w, 4, 4, &error);
  g_autoptr(OutlayLinePhasing) amounts = NULL;
  g_autoptr(OutlayLinePhasing) last = NULL;
  g_autoptr(OutlayLinePhasing) bad = NULL;

  g_assert_no_error (error);
  /* percentages of 100.01: the remainder goes to the last period with a
   * share, never to the empty one */
  g_assert_true (outlay_phasing_spread (pct, CENTS (10001), 4, 2, out, &unphased));
  g_assert_cmpint (out[0], ==, CENTS (1000));
  g_assert_cmpint (out[1], ==, CENTS (2000));
  g_assert_cmpint (out[2], ==, CENTS (7001));
  g_assert_cmpint (out[3], ==, 0);
  g_assert_cmpint (unphased, ==, 0);
  /* typed amounts are kept as typed; the difference is shown */
  amounts = outlay_phasing_make (OUTLAY_PHASING_METHOD_AMOUNTS, w, 4, 4, &error);
  g_assert_true (outlay_phasing_spread (amounts, D (90), 4, 2, out, &unphased));
  g_assert_cmpint (out[2], ==, D (70));
  g_assert_cmpint (unphased, ==, -D (10));
  /* last year's actuals give the shape */
  w[3] = D (100);
  last = outlay_phasing_make (OUTLAY_PHASING_METHOD_LAST_YEAR, w, 4, 4, &error);
  g_assert_true (outlay_phasing_spread (last, D (400), 4, 2, out, NULL));
  g_assert_cmpint (out[0], ==, D (20));
  g_assert_cmpint (out[2], ==, D (140));
  g_assert_cmpint (out[3], ==, D (200));
  /* a phasing made for other periods spreads evenly */
  g_assert_true (outlay_phasing_spread (last, D (300), 3, 2, out, NULL));
  g_assert_cmpint (out[0], ==, D (100));
  /* what is refused, in words */
  bad = outlay_phasing_make (OUTLAY_PHASING_METHOD_PERCENT, w, 4, 4, &error);
  g_assert_null (bad);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "The percentages add up to 200%, not 100%");
  g_clear_error (&error);
  g_assert_null (outlay_phasing_make (OUTLAY_PHASING_METHOD_PERCENT, w, 3, 4, &error));
  g_assert_cmpstr (error->message, ==, "The budget has 4 periods, but 3 values were given");
  g_clear_error (&error);
  w[0] = -D (1);
  g_assert_null (outlay_phasing_make (OUTLAY_PHASING_METHOD_LAST_YEAR, w, 4, 4, &error));
  g_assert_nonnull (strstr (error->message, "Period 1: -1 is negative"));
  g_clear_error (&error);
  memset (w, 0, sizeof w);
  g_assert_null (outlay_phasing_make (OUTLAY_PHASING_METHOD_LAST_YEAR, w, 4, 4, &error));
  g_assert_nonnull (strstr (error->message, "no actuals to follow"));
}

/* ---- the document ---- */

static void
test_document_undo (void)
{
  g_autoptr(OutlayDocument) doc = build_doc ("USD");
  g_autoptr(GError) error = NULL;
  const gint pct[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 50, 50 };
  OutlayLine *a1 = line (doc, "A1");

  g_assert_null (outlay_document_get_line_phasing (doc, a1));
  phase (doc, "A1", OUTLAY_PHASING_METHOD_PERCENT, pct, 12);
  g_assert_cmpint (outlay_document_get_line_phasing (doc, a1)->method, ==,
                   OUTLAY_PHASING_METHOD_PERCENT);
  g_assert_cmpstr (outlay_document_get_undo_label (doc), ==, "Change Phasing");
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_null (outlay_document_get_line_phasing (doc, a1));
  g_assert_true (outlay_document_redo (doc, &error));
  g_assert_cmpint (outlay_document_get_line_phasing (doc, a1)->weights[11], ==, D (50));
  /* a locked budget refuses */
  g_object_set (outlay_document_get_budget (doc), "status", OUTLAY_BUDGET_STATUS_LOCKED, NULL);
  {
    g_autoptr(OutlayLinePhasing)
                   even = outlay_line_phasing_new (OUTLAY_PHASING_METHOD_EVEN, NULL, 0);

    g_assert_false (outlay_document_set_phasing (doc, &a1, &even, 1, NULL, &error));
    g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_LOCKED);
  }
}

static void
test_months_to_quarters (void)
{
  g_autoptr(OutlayDocument) doc = build_doc ("USD");
  g_autoptr(GError) error = NULL;
  const gint pct[12] = { 10, 10, 10, 0, 0, 0, 0, 0, 0, 0, 0, 70 };
  OutlayPeriodSettings s;
  const OutlayLinePhasing *p;

  phase (doc, "A1", OUTLAY_PHASING_METHOD_PERCENT, pct, 12);
  outlay_period_settings_copy (&s, outlay_document_get_period_settings (doc));
  s.kind = OUTLAY_PERIOD_KIND_QUARTER;
  g_assert_true (outlay_phasing_set_settings (doc, &s, &error));
  g_assert_no_error (error);
  outlay_period_settings_clear (&s);
  p = outlay_document_get_line_phasing (doc, line (doc, "A1"));
  g_assert_cmpuint (p->n_weights, ==, 4);
  g_assert_cmpint (p->weights[0], ==, D (30));
  g_assert_cmpint (p->weights[3], ==, D (70));
  /* one command: undo brings the months back */
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_cmpint (outlay_document_get_period_settings (doc)->kind, ==, OUTLAY_PERIOD_KIND_MONTH);
  g_assert_cmpuint (outlay_document_get_line_phasing (doc, line (doc, "A1"))->n_weights, ==, 12);
}

/* ---- by period ---- */

static void
test_grid_dates (void)
{
  g_autoptr(OutlayDocument) doc = build_doc ("USD");
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayCommitment)
                 po = g_object_new (OUTLAY_TYPE_COMMITMENT, "reference", "PO-1", "amount", D (900),
                                    "date", "2025-03-10", "expected-date", "2025-05-20", NULL);
  g_autoptr(OutlayPhasingGrid) grid = NULL;
  OutlayLine *a2 = line (doc, "A2");
  OutlayLine *b1 = line (doc, "B1");
  int r;

  /* A2 spent 300 in February (its date), B1 200 with no date */
  g_assert_true (outlay_document_set_line_text (doc, a2, OUTLAY_LINE_ACTUAL, "300", &error));
  g_assert_true (outlay_document_set_line_text (doc, a2, OUTLAY_LINE_DATE, "2025-02-14", &error));
  g_assert_true (outlay_document_set_line_text (doc, b1, OUTLAY_LINE_ACTUAL, "200", &error));
  /* an order on B1, invoiced 400 (in March, its date), 500 still due in May */
  g_assert_true (outlay_document_add_commitment (doc, po, NULL, b1, &error));
  g_assert_true (outlay_document_order_commitment (doc, po, &error));
  g_assert_true (outlay_document_invoice_commitment (doc, po, D (400), &error));
  g_assert_no_error (error);
  grid = outlay_phasing_grid_new (doc, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (grid->n_rows, ==, 3);
  r = outlay_phasing_grid_row_of (grid, a2);
  g_assert_cmpint (OUTLAY_GRID_AT (grid, actual, r, 1), ==, D (300));
  r = outlay_phasing_grid_row_of (grid, b1);
  g_assert_cmpint (OUTLAY_GRID_AT (grid, actual, r, 2), ==, D (400));
  g_assert_cmpint (grid->undated[r], ==, D (200));
  g_assert_cmpint (OUTLAY_GRID_AT (grid, scheduled, r, 4), ==, D (500));
  /* sums per section and for the budget; planned adds up to the estimate */
  g_assert_cmpint (grid->section_actual[1 * 12 + 2], ==, D (400));
  g_assert_cmpint (sum_of (grid->total_planned, 12), ==, D (19000));
  g_assert_cmpint (sum_of (&grid->section_planned[0], 12), ==, D (13000));
  /* a line edited afterwards: its row and the sums move by the difference */
  g_assert_true (outlay_document_set_line_text (doc, a2, OUTLAY_LINE_DATE, "2025-07-01", &error));
  g_assert_true (outlay_phasing_grid_update_line (grid, doc, a2));
  r = outlay_phasing_grid_row_of (grid, a2);
  g_assert_cmpint (OUTLAY_GRID_AT (grid, actual, r, 1), ==, 0);
  g_assert_cmpint (OUTLAY_GRID_AT (grid, actual, r, 6), ==, D (300));
  g_assert_cmpint (grid->total_actual[6], ==, D (300));
  g_assert_cmpint (grid->total_actual[1], ==, 0);
}

static void
test_recorded_actuals (void)
{
  g_autoptr(OutlayDocument) doc = build_doc ("USD");
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayLinePhasing) p = outlay_line_phasing_new (OUTLAY_PHASING_METHOD_EVEN, NULL, 0);
  g_autoptr(OutlayPhasingGrid) grid = NULL;
  OutlayDecimal actuals[12] = { D (10), D (20), D (30) };
  OutlayLine *a1 = line (doc, "A1");
  int r;

  outlay_line_phasing_set_actuals (p, actuals, 12);
  g_assert_true (outlay_document_set_phasing (doc, &a1, &p, 1, NULL, &error));
  /* 100 spent: 60 recorded per month, the 40 left has no date */
  g_assert_true (outlay_document_set_line_text (doc, a1, OUTLAY_LINE_ACTUAL, "100", &error));
  grid = outlay_phasing_grid_new (doc, &error);
  r = outlay_phasing_grid_row_of (grid, a1);
  g_assert_cmpint (OUTLAY_GRID_AT (grid, actual, r, 2), ==, D (30));
  g_assert_cmpint (grid->undated[r], ==, D (40));
}

/* ---- the budget check, accumulated to date ---- */

static void
test_check_follows_phasing (void)
{
  g_autoptr(OutlayDocument) doc = build_doc ("USD");
  g_autoptr(GError) error = NULL;
  const gint december[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100 };
  OutlayCheck c;

  g_object_set (outlay_document_get_budget (doc), "check-basis", OUTLAY_CHECK_BASIS_ACCUMULATED,
                "overrun-policy", OUTLAY_OVERRUN_POLICY_STOP, NULL);
  /* evenly, A1's 12,000 to the end of March is 3,000 */
  g_assert_true (outlay_budget_check (doc, NULL, line (doc, "A1"), "2025-03", D (100), &c, &error));
  g_assert_cmpint (c.scope.budgeted, ==, D (3000));
  outlay_check_clear (&c);
  /* all of it in December: nothing is phased to March, so it is refused */
  phase (doc, "A1", OUTLAY_PHASING_METHOD_PERCENT, december, 12);
  g_assert_true (outlay_budget_check (doc, NULL, line (doc, "A1"), "2025-03", D (100), &c, &error));
  g_assert_cmpint (c.scope.budgeted, ==, 0);
  g_assert_cmpint (c.decision, ==, OUTLAY_CHECK_REFUSED);
  outlay_check_clear (&c);
  g_assert_true (outlay_budget_check (doc, NULL, line (doc, "A1"), "2025-12", D (100), &c, &error));
  g_assert_cmpint (c.scope.budgeted, ==, D (12000));
  outlay_check_clear (&c);
  /* section A to March: A2's three months of 83.33 only; the budget:
   * those and B1's 1,500 */
  g_assert_true (outlay_budget_check (doc, outlay_document_lookup_section (doc, "A"), NULL,
                                      "2025-03", D (100), &c, &error));
  g_assert_cmpint (c.scope.budgeted, ==, CENTS (24999));
  g_assert_cmpint (c.budget.budgeted, ==, CENTS (174999));
  outlay_check_clear (&c);
  /* a quarter counts to its last month; an undo changes the answer */
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_true (outlay_budget_check (doc, outlay_document_lookup_section (doc, "A"), NULL,
                                      "2025-Q2", D (100), &c, &error));
  g_assert_cmpint (c.scope.budgeted, ==, D (6000) + CENTS (49998));
  outlay_check_clear (&c);
}

/* ---- the rolling forecast ---- */

static OutlayPhasingGrid *
forecast (OutlayDocument *doc, guint closed)
{
  g_autoptr(GError) error = NULL;
  OutlayPhasingGrid *grid = outlay_phasing_grid_new (doc, &error);

  g_assert_no_error (error);
  g_assert_true (outlay_rolling_forecast_compute (grid, doc, closed, &error));
  g_assert_no_error (error);
  return grid;
}

static void
set_method (OutlayDocument *doc, const char *section, OutlayForecastMethod m)
{
  g_autoptr(GError) error = NULL;
  OutlayPeriodSettings s;

  outlay_period_settings_copy (&s, outlay_document_get_period_settings (doc));
  g_hash_table_insert (s.methods, outlay_document_lookup_section (doc, section),
                       GUINT_TO_POINTER (m + 1));
  s.run_rate_periods = 2;
  g_assert_true (outlay_phasing_set_settings (doc, &s, &error));
  g_assert_no_error (error);
  outlay_period_settings_clear (&s);
}

static void
test_forecast_methods (void)
{
  g_autoptr(OutlayDocument) doc = build_doc ("USD");
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayPhasingGrid) grid = NULL;
  g_autoptr(OutlayCommitment)
                 po = g_object_new (OUTLAY_TYPE_COMMITMENT, "reference", "PO-9", "amount", D (700),
                                    "date", "2025-01-05", "expected-date", "2025-08-01", NULL);
  OutlayLine *a1 = line (doc, "A1");
  OutlayLine *b1 = line (doc, "B1");
  g_autoptr(OutlayLinePhasing) p = outlay_line_phasing_new (OUTLAY_PHASING_METHOD_EVEN, NULL, 0);
  OutlayDecimal actuals[12] = { D (900), D (1300), D (1100) };
  int r;

  /* A1 spent 3,300 in the first quarter, as recorded per month */
  outlay_line_phasing_set_actuals (p, actuals, 12);
  g_assert_true (outlay_document_set_phasing (doc, &a1, &p, 1, NULL, &error));
  g_assert_true (outlay_document_set_line_text (doc, a1, OUTLAY_LINE_ACTUAL, "3300", &error));
  /* remaining: 8,700 left over 9 months, as phased (evenly): 966.67 */
  grid = forecast (doc, 3);
  r = outlay_phasing_grid_row_of (grid, a1);
  g_assert_cmpint (OUTLAY_GRID_AT (grid, forecast, r, 0), ==, D (900));
  g_assert_cmpint (OUTLAY_GRID_AT (grid, forecast, r, 3), ==, CENTS (96667));
  g_assert_cmpint (sum_of (&OUTLAY_GRID_AT (grid, forecast, r, 0), 12), ==, D (12000));
  g_clear_pointer (&grid, outlay_phasing_grid_free);
  /* run rate of the last 2 closed months: (1,300 + 1,100) / 2 */
  set_method (doc, "A", OUTLAY_FORECAST_METHOD_RUN_RATE);
  grid = forecast (doc, 3);
  g_assert_cmpint (OUTLAY_GRID_AT (grid, forecast, r, 3), ==, D (1200));
  g_assert_cmpint (sum_of (&OUTLAY_GRID_AT (grid, forecast, r, 0), 12), ==, D (3300 + 9 * 1200));
  g_assert_cmpint (grid->section_forecast[11], ==, D (1200));
  g_clear_pointer (&grid, outlay_phasing_grid_free);
  /* scheduled commitments: B1's order lands in August */
  g_assert_true (outlay_document_add_commitment (doc, po, NULL, b1, &error));
  g_assert_true (outlay_document_order_commitment (doc, po, &error));
  set_method (doc, "B", OUTLAY_FORECAST_METHOD_COMMITMENTS);
  grid = forecast (doc, 3);
  r = outlay_phasing_grid_row_of (grid, b1);
  g_assert_cmpint (OUTLAY_GRID_AT (grid, forecast, r, 7), ==, D (700));
  g_assert_cmpint (OUTLAY_GRID_AT (grid, forecast, r, 6), ==, 0);
  g_assert_cmpint (grid->total_forecast[7], ==, D (1200 + 700));
}

/* ---- in the store ---- */

static void
test_store (void)
{
  g_autofree char *dir = outlay_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "phasing.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = outlay_store_open (path, &error);
  g_autoptr(OutlayDocument) doc = build_doc ("USD");
  g_autoptr(OutlayDocument) again = NULL;
  g_autoptr(OutlayPhasingGrid) grid = NULL;
  const gint pct[12] = { 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 45 };
  OutlayForecastAccuracy acc;
  OutlayLine *a2;
  sqlite3 *db;
  gint64 id;

  g_assert_no_error (error);
  g_assert_true (outlay_store_save_new_document (store, doc, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  id = outlay_budget_get_id (outlay_document_get_budget (doc));
  phase (doc, "A2", OUTLAY_PHASING_METHOD_PERCENT, pct, 12);
  set_method (doc, "B", OUTLAY_FORECAST_METHOD_RUN_RATE);
  /* January closes with nothing spent: February's forecast is kept */
  g_assert_true (outlay_rolling_forecast_close (doc, "2025-01", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (outlay_rolling_forecast_close (doc, "2025-03", NULL, &error));
  g_assert_cmpstr (error->message, ==, "Periods close in order: close 2025-02 before 2025-03");
  g_clear_error (&error);
  g_assert_false (outlay_rolling_forecast_close (doc, "2025-01", NULL, &error));
  g_assert_nonnull (strstr (error->message, "2025-01 is already closed"));
  g_clear_error (&error);
  /* February costs 150 on A2 */
  a2 = line (doc, "A2");
  g_assert_true (outlay_document_set_line_text (doc, a2, OUTLAY_LINE_ACTUAL, "150", &error));
  g_assert_true (outlay_document_set_line_text (doc, a2, OUTLAY_LINE_PERIOD, "2025-02", &error));
  grid = outlay_phasing_grid_new (doc, &error);
  g_assert_true (outlay_rolling_forecast_close (doc, NULL, grid, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (outlay_document_get_closed_periods (doc), ==, 2);
  g_assert_cmpuint (grid->closed, ==, 2);
  g_clear_pointer (&grid, outlay_phasing_grid_free);

  /* everything comes back from the database */
  again = outlay_store_load_document (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outlay_document_get_closed_periods (again), ==, 2);
  g_assert_cmpuint (outlay_document_get_n_snapshots (again), ==, 2);
  g_assert_cmpint (
      outlay_document_get_forecast_method (again, outlay_document_lookup_section (again, "B")), ==,
      OUTLAY_FORECAST_METHOD_RUN_RATE);
  g_assert_cmpint (outlay_document_get_line_phasing (again, line (again, "A2"))->weights[11], ==,
                   D (45));
  /* what January's close forecast for February against what February
   * cost: section A's lines had all their budget left, spread over the
   * eleven open months as phased (A1 12,000 × 1,000 / 11,000 = 1,090.91;
   * A2 1,000 × 50 / 950 = 52.63); B ran at January's rate, nothing */
  grid = forecast (again, 2);
  outlay_rolling_forecast_accuracy (grid, again, NULL, 1, &acc);
  g_assert_true (acc.has_forecast);
  g_assert_cmpint (acc.actual, ==, D (150));
  g_assert_cmpint (acc.forecast, ==, CENTS (109091 + 5263));
  g_assert_cmpint (acc.error_amount, ==, D (150) - acc.forecast);
  outlay_rolling_forecast_accuracy (grid, again, NULL, 0, &acc);
  g_assert_false (acc.has_forecast);

  /* the snapshot cannot be changed behind Outlay's back */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (
      sqlite3_exec (db, "UPDATE forecast_snapshot_values SET amount = 1", NULL, NULL, NULL), ==,
      SQLITE_CONSTRAINT);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM forecast_snapshots"), ==, 2);
  /* a deleted line's phasing comes back with its undo */
  {
    OutlayLine *l = line (again, "A2");

    g_assert_true (outlay_document_delete_lines (again, &l, 1, &error));
    g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM line_phasing"), ==, 0);
    g_assert_true (outlay_document_undo (again, &error));
    g_assert_no_error (error);
    g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM line_phasing"), ==, 1);
  }
  sqlite3_close (db);
  /* a copy of the budget keeps the phasing and the forecast methods, and
   * starts with every period open */
  {
    gint64 copy_id = outlay_store_duplicate_budget (store, id, "Dept copy", &error);
    g_autoptr(OutlayDocument) copy = NULL;

    g_assert_no_error (error);
    copy = outlay_store_load_document (store, copy_id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (outlay_document_get_line_phasing (copy, line (copy, "A2"))->weights[11], ==,
                     D (45));
    g_assert_cmpint (
        outlay_document_get_forecast_method (copy, outlay_document_lookup_section (copy, "B")), ==,
        OUTLAY_FORECAST_METHOD_RUN_RATE);
    g_assert_cmpuint (outlay_document_get_closed_periods (copy), ==, 0);
  }
  g_clear_object (&again);
  g_clear_object (&doc);
  g_clear_object (&store);
  outlay_test_remove_dir (dir);
}

/* ---- the CLI ---- */

static void
test_cli (Fixture *f, gconstpointer data)
{
  g_auto (Result) r = { 0 };
  g_autoptr(JsonNode) node = NULL;
  sqlite3 *db;
  JsonObject *o, *line6050;
  JsonArray *planned;

  run_cli (f, &r, "new", "Dept", "--template", "department", NULL);
  assert_ok (&r);
  result_clear (&r);
  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "UPDATE budgets SET fiscal_start = '2025-01-01',"
                                 " fiscal_end = '2025-12-31'",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  run_cli (f, &r, "set", "Dept", "--line", "6050", "--field", "estimate", "--value", "1000", NULL);
  result_clear (&r);
  /* refusals say why and write nothing */
  run_cli (f, &r, "phase", "Dept", "--line", "6050", "--method", "percent", "--values", "50 40",
           NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (
      strstr (r.err, "Line 6050: The budget has 12 periods, but 2 values were given"));
  result_clear (&r);
  run_cli (f, &r, "phase", "Dept", "--line", "6050", "--method", "weekly", NULL);
  g_assert_nonnull (strstr (r.err, "“weekly” is not one of even, percent, amounts, last-year"));
  result_clear (&r);
  run_cli (f, &r, "phase", "Dept", "--line", "6050", "--method", "percent", "--values",
           "0 0 0 0 0 0 0 0 0 0 50 50", NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  run_cli (f, &r, "phasing", "Dept", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  node = parse_json (r.out);
  o = json_node_get_object (node);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "periods")), ==, 12);
  line6050 = json_array_get_object_element (
      json_object_get_array_member (
          json_array_get_object_element (json_object_get_array_member (o, "sections"), 0), "lines"),
      4);
  g_assert_cmpstr (json_object_get_string_member (line6050, "code"), ==, "6050");
  g_assert_cmpstr (json_object_get_string_member (line6050, "method"), ==, "percent");
  planned = json_object_get_array_member (line6050, "planned");
  g_assert_cmpstr (json_array_get_string_element (planned, 10), ==, "500.00");
  g_assert_cmpstr (json_array_get_string_element (planned, 0), ==, "0.00");
  result_clear (&r);
  g_clear_pointer (&node, json_node_unref);
  /* close January, then the forecast says so */
  run_cli (f, &r, "close-period", "Dept", "2025-01", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Closed 2025-01"));
  result_clear (&r);
  run_cli (f, &r, "close-period", "Dept", "2026-01", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "outside the budget’s fiscal year"));
  result_clear (&r);
  run_cli (f, &r, "forecast-periods", "Dept", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  node = parse_json (r.out);
  o = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (o, "closed"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (o, "freeze_after"), ==, "2025-01");
  /* November and December's 500 each, as phased */
  g_assert_cmpint (amount (json_object_get_object_member (o, "total"), "at_completion"), ==,
                   sum (D (500), D (500)));
}

/* The lower of the two limits flags a variance, in both directions. */
static void
test_variance_flags (void)
{
  OutlayPeriodVariance v;

  /* 1,000 planned, 1,080 spent: 80 over; 8% */
  outlay_period_variance (D (1000), D (1080), D (100), D (10), &v);
  g_assert_cmpint (v.variance, ==, -D (80));
  g_assert_cmpint (v.percent, ==, -D (8));
  g_assert_false (v.flagged);
  /* 5% of 1,000 is 50, lower than 100: flagged */
  outlay_period_variance (D (1000), D (1080), D (100), D (5), &v);
  g_assert_true (v.flagged);
  /* an amount of 60 is lower than 10%: flagged; under-spending too */
  outlay_period_variance (D (1000), D (920), D (60), D (10), &v);
  g_assert_true (v.flagged);
  /* at the limit is not over it; no limits flag nothing */
  outlay_period_variance (D (1000), D (1060), D (60), 0, &v);
  g_assert_false (v.flagged);
  outlay_period_variance (D (1000), D (5000), 0, 0, &v);
  g_assert_false (v.flagged);
  /* nothing planned: no percentage, the amount still counts */
  outlay_period_variance (0, D (70), D (60), D (10), &v);
  g_assert_false (v.has_percent);
  g_assert_true (v.flagged);
}

/* The "sections" of `phasing --json`: what a round trip must keep. */
static char *
sections_of (Fixture *f, const char *budget)
{
  g_auto (Result) r = { 0 };
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) sections = NULL;
  JsonArray *a;

  run_cli (f, &r, "phasing", budget, "--json", NULL);
  assert_ok (&r);
  node = parse_json (r.out);
  a = json_object_get_array_member (json_node_get_object (node), "sections");
  /* the lines' ids differ between budgets */
  for (guint s = 0; s < json_array_get_length (a); s++)
    {
      JsonArray *lines = json_object_get_array_member (json_array_get_object_element (a, s),
                                                       "lines");

      for (guint l = 0; l < json_array_get_length (lines); l++)
        json_object_remove_member (json_array_get_object_element (lines, l), "id");
    }
  sections = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (sections, a);
  return json_to_string (sections, FALSE);
}

static void
import_new (Fixture *f, const char *path, const char *name)
{
  g_auto (Result) r = { 0 };

  run_cli (f, &r, "import", path, "--new", name, "--yes", NULL);
  assert_ok (&r);
}

/* Months across (budget and actual) become phased lines with their
 * actuals by month; both export shapes, as CSV and xlsx, import back as
 * the same; the variance-by-period report is written as PDF and xlsx. */
static void
test_cli_files (Fixture *f, gconstpointer data)
{
  static const char *const shapes[][2] = {
    { "rows", "rows.csv" },
    { "rows", "rows.xlsx" },
    { "months", "months.csv" },
    { "months", "months.xlsx" },
  };
  g_autofree char *wide = g_build_filename (f->dir, "wide.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("Account,Description,Budget,Actual");
  g_autofree char *original = NULL;
  g_auto (Result) r = { 0 };
  g_autoptr(JsonNode) node = NULL;
  JsonObject *salaries;
  JsonArray *planned, *actual;

  for (guint m = 0; m < 12; m++)
    g_string_append_printf (csv, ",%s 2025 Budget,%s 2025 Actual",
                            (const char *[]){ "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
                                              "Aug", "Sep", "Oct", "Nov", "Dec" }[m],
                            (const char *[]){ "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
                                              "Aug", "Sep", "Oct", "Nov", "Dec" }[m]);
  g_string_append (csv, "\n6100,Salaries,12500,3000");
  for (guint m = 0; m < 12; m++)
    g_string_append_printf (csv, ",%u,%u", m == 11 ? 1500 : 1000, m < 3 ? 1000 : 0);
  g_string_append (csv, "\n6200,Rent,6000,1500");
  for (guint m = 0; m < 12; m++)
    g_string_append_printf (csv, ",500,%u", m < 3 ? 500 : 0);
  g_string_append_c (csv, '\n');
  g_assert_true (g_file_set_contents (wide, csv->str, -1, NULL));
  import_new (f, wide, "Wide");
  run_cli (f, &r, "phasing", "Wide", "--json", NULL);
  assert_ok (&r);
  node = parse_json (r.out);
  g_assert_cmpstr (json_array_get_string_element (
                       json_object_get_array_member (json_node_get_object (node), "periods"), 0),
                   ==, "2025-01");
  salaries = json_array_get_object_element (
      json_object_get_array_member (
          json_array_get_object_element (
              json_object_get_array_member (json_node_get_object (node), "sections"), 0),
          "lines"),
      0);
  planned = json_object_get_array_member (salaries, "planned");
  actual = json_object_get_array_member (salaries, "actual");
  g_assert_cmpstr (json_array_get_string_element (planned, 0), ==, "1000.00");
  g_assert_cmpstr (json_array_get_string_element (planned, 11), ==, "1500.00");
  g_assert_cmpstr (json_array_get_string_element (actual, 2), ==, "1000.00");
  g_assert_cmpstr (json_array_get_string_element (actual, 3), ==, "0.00");
  g_assert_cmpstr (json_object_get_string_member (salaries, "unphased"), ==, "0.00");
  result_clear (&r);
  original = sections_of (f, "Wide");
  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, shapes[i][1], NULL);
      g_autofree char *name = g_strdup_printf ("Back %u", i);
      g_autofree char *back = NULL;

      run_cli (f, &r, "export-periods", "Wide", "--shape", shapes[i][0], "-o", path, NULL);
      assert_ok (&r);
      result_clear (&r);
      import_new (f, path, name);
      back = sections_of (f, name);
      g_assert_cmpstr (back, ==, original);
    }
  /* the report, both files; a bad limit is refused */
  {
    g_autofree char *pdf = g_build_filename (f->dir, "variance.pdf", NULL);
    g_autofree char *xlsx = g_build_filename (f->dir, "variance.xlsx", NULL);
    g_autofree char *bytes = NULL;
    gsize len = 0;

    run_cli (f, &r, "period-variance", "Wide", "--flag-amount", "100", "--flag-percent", "5", "-o",
             pdf, NULL);
    assert_ok (&r);
    result_clear (&r);
    g_assert_true (g_file_get_contents (pdf, &bytes, &len, NULL));
    g_assert_true (len > 1000 && memcmp (bytes, "%PDF", 4) == 0);
    g_clear_pointer (&bytes, g_free);
    run_cli (f, &r, "period-variance", "Wide", "--flag-amount", "100", "-o", xlsx, NULL);
    assert_ok (&r);
    result_clear (&r);
    g_assert_true (g_file_get_contents (xlsx, &bytes, &len, NULL));
    g_assert_true (len > 1000 && memcmp (bytes, "PK", 2) == 0);
    run_cli (f, &r, "period-variance", "Wide", "--flag-percent", "-5", "-o", xlsx, NULL);
    g_assert_cmpint (r.status, ==, 1);
  }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/phasing/periods", test_periods);
  g_test_add_func ("/phasing/spread/even", test_spread_even);
  g_test_add_func ("/phasing/spread/methods", test_spread_methods);
  g_test_add_func ("/phasing/document/undo", test_document_undo);
  g_test_add_func ("/phasing/document/months-to-quarters", test_months_to_quarters);
  g_test_add_func ("/phasing/grid/dates", test_grid_dates);
  g_test_add_func ("/phasing/grid/recorded-actuals", test_recorded_actuals);
  g_test_add_func ("/phasing/check/accumulated", test_check_follows_phasing);
  g_test_add_func ("/phasing/forecast/methods", test_forecast_methods);
  g_test_add_func ("/phasing/store", test_store);
  g_test_add_func ("/phasing/variance/flags", test_variance_flags);
  g_test_add ("/phasing/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  g_test_add ("/phasing/cli/files", Fixture, NULL, fixture_set_up, test_cli_files,
              fixture_tear_down);
  return g_test_run ();
}
