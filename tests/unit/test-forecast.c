/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Earned value, the final cost's range and the burn rate, against
 * figures computed by hand (the range's by the formula in a separate
 * script: exp(mean ± 1.2816·σ/√n) of the log periodic CPIs). */

#include "config.h"

#include <locale.h>

#include "outlay-error.h"
#include "outlay-forecast.h"

#define D(text) parse (text)

static OutlayDecimal
parse (const char *text)
{
  OutlayDecimal value = 0;

  g_assert_true (outlay_decimal_parse (text, &value, NULL));
  return value;
}

/* within one ten-thousandth: the range passes through floating point */
static void
assert_near (OutlayDecimal value, const char *expected)
{
  OutlayDecimal want = parse (expected);

  if (value < want - 1 || value > want + 1)
    {
      g_autofree char *got = outlay_decimal_to_string (value, 4);

      g_error ("expected %s, got %s", expected, got);
    }
}

static void
test_evm_textbook (void)
{
  g_autoptr(GError) error = NULL;
  OutlayEvm evm;

  /* BAC 100, PV 50, EV 40, AC 45 */
  g_assert_true (outlay_evm_compute (D ("100"), D ("50"), D ("40"), D ("45"), &evm, &error));
  g_assert_no_error (error);
  g_assert_cmpint (evm.cv, ==, D ("-5"));
  g_assert_cmpint (evm.sv, ==, D ("-10"));
  g_assert_true (evm.has_cpi);
  g_assert_cmpint (evm.cpi, ==, D ("0.8889"));
  g_assert_true (evm.has_spi);
  g_assert_cmpint (evm.spi, ==, D ("0.8"));
  /* 45 + 60 × 45 ÷ 40 */
  g_assert_cmpint (evm.eac_typical, ==, D ("112.5"));
  /* 45 + 60 */
  g_assert_cmpint (evm.eac_atypical, ==, D ("105"));
  /* 45 + 60 ÷ (0.888… × 0.8) = 45 + 84.375 */
  g_assert_cmpint (evm.eac_cpi_spi, ==, D ("129.375"));
  g_assert_cmpint (evm.etc, ==, D ("67.5"));
  g_assert_cmpint (evm.vac, ==, D ("-12.5"));
  /* 60 ÷ 55 */
  g_assert_true (evm.has_tcpi);
  g_assert_cmpint (evm.tcpi, ==, D ("1.0909"));
}

static void
test_evm_edges (void)
{
  g_autoptr(GError) error = NULL;
  OutlayEvm evm;

  /* nothing earned or spent yet: the rest goes to plan */
  g_assert_true (outlay_evm_compute (D ("1000"), 0, 0, 0, &evm, &error));
  g_assert_false (evm.has_cpi);
  g_assert_false (evm.has_spi);
  g_assert_cmpint (evm.eac_typical, ==, D ("1000"));
  g_assert_cmpint (evm.eac_cpi_spi, ==, D ("1000"));
  g_assert_cmpint (evm.tcpi, ==, D ("1"));

  /* spent with nothing earned: no index, the atypical EAC */
  g_assert_true (outlay_evm_compute (D ("1000"), D ("100"), 0, D ("300"), &evm, &error));
  g_assert_false (evm.has_cpi);
  g_assert_cmpint (evm.eac_typical, ==, D ("1300"));

  /* over budget already: no TCPI can bring it back */
  g_assert_true (outlay_evm_compute (D ("100"), D ("60"), D ("50"), D ("120"), &evm, &error));
  g_assert_false (evm.has_tcpi);
  g_assert_cmpint (evm.eac_typical, ==, D ("240"));
  g_assert_no_error (error);

  /* a ratio of amounts is not rounded before it is used:
   * 1,000,000 budget, EV 3, AC 7 → 7 + 999,997 × 7 ÷ 3 (a CPI rounded to
   * 0.4286 would make it 2,333,177.79) */
  g_assert_true (outlay_evm_compute (D ("1000000"), D ("3"), D ("3"), D ("7"), &evm, &error));
  g_assert_cmpint (evm.eac_typical, ==, D ("2333333.3333"));

  g_assert_false (outlay_evm_compute (D ("100"), D ("-1"), 0, 0, &evm, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* an EAC past what Outlay holds is reported, not wrapped */
  g_assert_false (
      outlay_evm_compute (OUTLAY_DECIMAL_MAX / 2, 0, 1, OUTLAY_DECIMAL_MAX / 2, &evm, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW);
}

static const OutlayEvmPeriod history[] = {
  { 100000, 110000 }, { 120000, 100000 }, { 90000, 100000 }, { 100000, 100000 }, { 110000, 100000 },
};

static void
test_range_known_series (void)
{
  g_autoptr(GError) error = NULL;
  OutlayEvm evm;
  OutlayEacRange range;

  /* the series' totals: EV 52, AC 51, of a 200 budget */
  g_assert_true (outlay_evm_compute (D ("200"), D ("55"), D ("52"), D ("51"), &evm, &error));
  g_assert_true (outlay_eac_range (&evm, history, G_N_ELEMENTS (history), &range, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (range.n, ==, 5);
  g_assert_cmpint (range.cpi_p10, ==, D ("1.0902"));
  g_assert_cmpint (range.cpi_p50, ==, D ("1.0155"));
  g_assert_cmpint (range.cpi_p90, ==, D ("0.9459"));
  assert_near (range.eac_p10, "186.7555");
  assert_near (range.eac_p50, "196.7394");
  assert_near (range.eac_p90, "207.4575");
  /* the typical EAC (51 + 148 × 51 ÷ 52 = 196.1538) lies inside */
  g_assert_cmpint (range.eac_p10, <, evm.eac_typical);
  g_assert_cmpint (range.eac_p90, >, evm.eac_typical);
}

static void
test_range_narrows (void)
{
  g_autoptr(GError) error = NULL;
  OutlayEvmPeriod longer[G_N_ELEMENTS (history) * 2 + 2];
  OutlayEvm evm;
  OutlayEacRange five, ten;

  for (guint i = 0; i < G_N_ELEMENTS (history) * 2; i++)
    longer[i] = history[i % G_N_ELEMENTS (history)];
  /* periods without work or without cost say nothing about efficiency */
  longer[G_N_ELEMENTS (history) * 2] = (OutlayEvmPeriod){ 0, 50000 };
  longer[G_N_ELEMENTS (history) * 2 + 1] = (OutlayEvmPeriod){ 50000, 0 };

  g_assert_true (outlay_evm_compute (D ("200"), D ("55"), D ("52"), D ("51"), &evm, &error));
  g_assert_true (outlay_eac_range (&evm, history, G_N_ELEMENTS (history), &five, &error));
  g_assert_true (outlay_eac_range (&evm, longer, G_N_ELEMENTS (longer), &ten, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ten.n, ==, 10);
  /* the same spread over twice the history: a narrower range */
  g_assert_cmpint (ten.eac_p90 - ten.eac_p10, <, five.eac_p90 - five.eac_p10);
  assert_near (ten.eac_p10, "190.0051");
  assert_near (ten.eac_p90, "203.8000");

  /* one usable period is no range */
  g_assert_false (outlay_eac_range (&evm, longer + 10, 2, &ten, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (outlay_eac_range (&evm, history, 1, &ten, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
}

static guint32
julian (int year, int month, int day)
{
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);

  return g_date_get_julian (date);
}

static void
test_burn_steady (void)
{
  g_autoptr(GError) error = NULL;
  guint32 today = julian (2026, 3, 31);
  OutlaySpend spend[32];
  OutlayBurn burn;

  /* 300 a day for the 30 days to 31 March, and older spend outside */
  for (guint i = 0; i < 30; i++)
    spend[i] = (OutlaySpend){ today - i, D ("300") };
  spend[30] = (OutlaySpend){ today - 30, D ("5000") };
  spend[31] = (OutlaySpend){ today - 400, D ("4000") };

  g_assert_true (outlay_burn_compute (spend, G_N_ELEMENTS (spend), today, 30, D ("30000"),
                                      D ("18000"), &burn, &error));
  g_assert_no_error (error);
  g_assert_cmpint (burn.spent_in_window, ==, D ("9000"));
  g_assert_cmpint (burn.per_day, ==, D ("300"));
  g_assert_cmpint (burn.per_week, ==, D ("2100"));
  g_assert_cmpint (burn.remaining, ==, D ("12000"));
  /* 12,000 at 300 a day: 40 days, on 10 May */
  g_assert_true (burn.runs_out);
  g_assert_cmpuint (burn.runs_out_day, ==, julian (2026, 5, 10));
  /* no spread, no width */
  g_assert_true (burn.has_range && burn.has_latest);
  g_assert_cmpuint (burn.earliest_day, ==, burn.runs_out_day);
  g_assert_cmpuint (burn.latest_day, ==, burn.runs_out_day);
}

static void
test_burn_range (void)
{
  g_autoptr(GError) error = NULL;
  guint32 today = julian (2026, 3, 31);
  OutlaySpend spend[15];
  OutlayBurn burn;

  /* 600 every other day: the same 300 a day, with a spread */
  for (guint i = 0; i < 15; i++)
    spend[i] = (OutlaySpend){ today - 29 + 2 * i, D ("600") };
  g_assert_true (outlay_burn_compute (spend, G_N_ELEMENTS (spend), today, 30, D ("30000"),
                                      D ("9000"), &burn, &error));
  g_assert_no_error (error);
  g_assert_cmpint (burn.per_day, ==, D ("300"));
  /* 21,000 ÷ 300: 70 days */
  g_assert_cmpuint (burn.runs_out_day, ==, today + 70);
  /* 21,000 ÷ (300 ± 1.2816 × 305.13 ÷ √30): 57 and 92 days */
  g_assert_true (burn.has_range && burn.has_latest);
  g_assert_cmpuint (burn.earliest_day, ==, today + 57);
  g_assert_cmpuint (burn.latest_day, ==, today + 92);
}

static void
test_burn_edges (void)
{
  g_autoptr(GError) error = NULL;
  guint32 today = julian (2026, 3, 31);
  OutlaySpend one = { today - 3, D ("70") };
  OutlayBurn burn;

  /* nothing spent in the window: no rate, never runs out */
  g_assert_true (outlay_burn_compute (&one, 1, today, 2, D ("100"), D ("10"), &burn, &error));
  g_assert_cmpint (burn.per_day, ==, 0);
  g_assert_false (burn.runs_out);

  /* already over: it ran out, today */
  g_assert_true (outlay_burn_compute (&one, 1, today, 7, D ("100"), D ("130"), &burn, &error));
  g_assert_true (burn.runs_out);
  g_assert_cmpuint (burn.runs_out_day, ==, today);
  g_assert_cmpint (burn.remaining, ==, D ("-30"));
  /* 70 over 7 days */
  g_assert_cmpint (burn.per_day, ==, D ("10"));
  g_assert_cmpint (burn.per_week, ==, D ("70"));

  /* a rate so slow the money outlasts the calendar */
  one.day = today;
  one.amount = 1;
  g_assert_true (outlay_burn_compute (&one, 1, today, 1, OUTLAY_DECIMAL_MAX / 2, 0, &burn, &error));
  g_assert_false (burn.runs_out);
  g_assert_no_error (error);

  g_assert_false (outlay_burn_compute (&one, 1, today, 0, D ("100"), 0, &burn, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/forecast/evm/textbook", test_evm_textbook);
  g_test_add_func ("/forecast/evm/edges", test_evm_edges);
  g_test_add_func ("/forecast/range/known-series", test_range_known_series);
  g_test_add_func ("/forecast/range/narrows", test_range_narrows);
  g_test_add_func ("/forecast/burn/steady", test_burn_steady);
  g_test_add_func ("/forecast/burn/range", test_burn_range);
  g_test_add_func ("/forecast/burn/edges", test_burn_edges);
  return g_test_run ();
}
