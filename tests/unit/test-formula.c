/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The formula evaluator for cells without a cached value and the store of
 * values it reads: precedence, references, ranges, exact division, and
 * garbage that must never crash. Expected values are worked out by hand. */

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "outlay-formula.h"

#define D(units) OUTLAY_DECIMAL_FROM_INT (units)

static OutlayDecimal
dec (const char *text)
{
  g_autoptr(GError) error = NULL;
  OutlayDecimal v = 0;

  g_assert_true (outlay_decimal_parse_full (text, -1, OUTLAY_DECIMAL_STYLE_POINT, &v, NULL, &error));
  g_assert_no_error (error);
  return v;
}

/* A1=10, B1=2.5, C1="text", A2=-4, B2 empty, C2=0.1; row 3 and later unknown */
static OutlayFormulaCellKind
grid_lookup (guint row0, guint col0, gpointer data, OutlayDecimal *value)
{
  if (row0 >= 2)
    return OUTLAY_FORMULA_CELL_UNKNOWN;
  switch (row0 * 10 + col0)
    {
    case 0:
      *value = D (10);
      return OUTLAY_FORMULA_CELL_NUMBER;
    case 1:
      *value = dec ("2.5");
      return OUTLAY_FORMULA_CELL_NUMBER;
    case 2:
      return OUTLAY_FORMULA_CELL_TEXT;
    case 10:
      *value = D (-4);
      return OUTLAY_FORMULA_CELL_NUMBER;
    case 12:
      *value = dec ("0.1");
      return OUTLAY_FORMULA_CELL_NUMBER;
    default:
      return OUTLAY_FORMULA_CELL_EMPTY;
    }
}

static OutlayFormulaContext
grid_context (void)
{
  OutlayFormulaContext ctx = { "Sheet1", grid_lookup, NULL, 0, 0, 1000000 };

  return ctx;
}

static void
assert_formula (const char *formula, const char *expected)
{
  OutlayFormulaContext ctx = grid_context ();
  OutlayDecimal v = 0;

  g_test_message ("%s", formula);
  g_assert_true (outlay_formula_eval (formula, -1, &ctx, &v));
  g_assert_cmpint (v, ==, dec (expected));
}

static void
assert_formula_fails (const char *formula)
{
  OutlayFormulaContext ctx = grid_context ();
  OutlayDecimal v = 12345;

  g_test_message ("%s", formula);
  g_assert_false (outlay_formula_eval (formula, -1, &ctx, &v));
  g_assert_cmpint (v, ==, 12345);
}

static void
test_formula_precedence (void)
{
  assert_formula ("1+2*3", "7");
  assert_formula ("=(1+2)*3", "9");
  assert_formula ("10-2-3", "5");
  assert_formula ("2*-3", "-6");
  assert_formula ("-2^2", "4");      /* Excel: negation binds tighter than ^ */
  assert_formula ("2^3^2", "64");    /* left to right */
  assert_formula ("2^-2", "0.25");
  assert_formula ("--3", "3");
  assert_formula ("+3", "3");
  assert_formula ("50%", "0.5");
  assert_formula ("200*10%", "20");
  assert_formula ("1+2*3-4/2", "5");
  assert_formula (" ( 1 + 2 ) * ( 3 - 5 ) ", "-6");
  assert_formula ("1.5E2+1e-2", "150.01");
}

static void
test_formula_division (void)
{
  assert_formula ("10/4", "2.5");
  assert_formula ("1/3", "0.3333");
  assert_formula ("2/3", "0.6667");
  assert_formula ("-2/3", "-0.6667");
  assert_formula ("1/3*3", "0.9999"); /* four places, like every OutlayDecimal */
  assert_formula ("0.1+0.2", "0.3");
  assert_formula ("1447.3-1447.2", "0.1");
  assert_formula_fails ("1/0");
  assert_formula_fails ("A1/B2");     /* empty is 0 */
}

static void
test_formula_references (void)
{
  assert_formula ("A1*B1", "25");
  assert_formula ("$A$1+a2", "6");
  assert_formula ("A$1*$B1", "25");
  assert_formula ("Sheet1!A1+'Sheet1'!B1", "12.5");
  assert_formula ("sheet1!A1", "10");  /* sheet names ignore case */
  assert_formula ("B2+1", "1");        /* empty counts as 0 */
  assert_formula ("C2*100", "10");
  assert_formula_fails ("C1+1");       /* text in arithmetic: #VALUE! */
  assert_formula_fails ("A3");         /* a later row */
  assert_formula_fails ("Other!A1");
  assert_formula_fails ("'Other sheet'!A1");
  assert_formula_fails ("A1:B1");
  assert_formula_fails ("XFE1");
  assert_formula_fails ("A0");
}

static void
test_formula_functions (void)
{
  assert_formula ("SUM(A1:B2)", "8.5");        /* 10 + 2.5 - 4, text and empty skipped */
  assert_formula ("sum(B2:A1)", "8.5");        /* corners in any order */
  assert_formula ("SUM(A1:A2,100,B1)", "108.5");
  assert_formula ("SUM(C1)", "0");             /* a lone text reference is skipped */
  assert_formula ("SUM(A1:C2)*2", "17.2");
  assert_formula ("MIN(A1:C2)", "-4");
  assert_formula ("MAX(A1:C2,11)", "11");
  assert_formula ("MIN(C1)", "0");
  assert_formula ("AVERAGE(A1:B1)", "6.25");
  assert_formula ("AVERAGE(A1,B1,C2)", "4.2");
  assert_formula ("ROUND(2.345,2)", "2.35");
  assert_formula ("ROUND(-2.345,2)", "-2.35");
  assert_formula ("ROUND(1234.5,0)", "1235");
  assert_formula ("ROUND(1250,-2)", "1300");
  assert_formula ("ROUND(1/3,6)", "0.3333");
  assert_formula ("ABS(A2)*ABS(-1)", "4");
  assert_formula ("SUM(1,(2+3)*2)", "11");
  assert_formula_fails ("SUM(A1:A3)");         /* reaches a later row */
  assert_formula_fails ("AVERAGE(C1)");        /* #DIV/0! */
  assert_formula_fails ("SUM()");
  assert_formula_fails ("ROUND(1)");
  assert_formula_fails ("ABS(A1:B1)");
  assert_formula_fails ("VLOOKUP(A1,B1:C2,2)");
  assert_formula_fails ("IF(A1>1,1,0)");
  assert_formula_fails ("\"text\"");
  assert_formula_fails ("A1&B1");
}

static void
test_formula_garbage (void)
{
  static const char *garbage[] = {
    "", "=", "(", ")", "1+", "+", "*2", "SUM(", "SUM(A1:", "SUM(A1:)", "1..2", "1 2",
    "'unterminated!A1", "'Sheet1'A1", "Sheet1!", "!A1", "$", "$$A1", "A", "1E", "2^0.5",
    "0^0", "999999999999999*999999999999999", "ROUND(1,2,3)", "SUM(,)", "%", "1%%(",
  };
  g_autoptr(GString) deep = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (20250314);
  const char alphabet[] = "0123456789.+-*/^%(),:$!'\" ABCSUMINXabc=E";

  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
    assert_formula_fails (garbage[i]);

  for (guint i = 0; i < 5000; i++)
    g_string_append_c (deep, '(');
  g_string_append_c (deep, '1');
  assert_formula_fails (deep->str);

  /* never crashes, whatever it is fed */
  for (guint i = 0; i < 20000; i++)
    {
      char text[40];
      guint n = g_rand_int_range (rand, 0, sizeof text);
      OutlayFormulaContext ctx = grid_context ();
      OutlayDecimal v;

      for (guint j = 0; j < n; j++)
        text[j] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      outlay_formula_eval (text, n, &ctx, &v);
    }
  g_rand_free (rand);
}

static void
test_formula_budget (void)
{
  OutlayFormulaContext ctx = grid_context ();
  OutlayDecimal v;

  ctx.budget = 5;
  g_assert_false (outlay_formula_eval ("SUM(A1:C2)", -1, &ctx, &v));
  ctx.budget = 6;
  g_assert_true (outlay_formula_eval ("SUM(A1:C2)", -1, &ctx, &v));
  g_assert_cmpint (ctx.budget, ==, 0);
  /* a huge range stops at the first unknown row, or the budget */
  ctx.budget = 1000000;
  g_assert_false (outlay_formula_eval ("SUM(A1:XFD1048576)", -1, &ctx, &v));
}

static void
test_formula_shift (void)
{
  OutlayFormulaContext ctx = grid_context ();
  OutlayDecimal v;

  /* a shared formula "A1*2" written for row 1, read in row 2 */
  ctx.row_shift = 1;
  g_assert_true (outlay_formula_eval ("A1*2+$A$1", -1, &ctx, &v));
  g_assert_cmpint (v, ==, D (2));
  ctx.row_shift = 0;
  ctx.col_shift = 1;
  g_assert_true (outlay_formula_eval ("A1*2", -1, &ctx, &v));
  g_assert_cmpint (v, ==, D (5));
  ctx.col_shift = -1;
  g_assert_false (outlay_formula_eval ("A1", -1, &ctx, &v));
}

static void
test_formula_numbers (void)
{
  static const struct
  {
    const char *text;
    gint64      expected;
  } cases[] = {
    { "0", 0 }, { "1765", 17650000 }, { "-12.5", -125000 }, { "8825.0", 88250000 },
    { "1447.2999999999999998", 14473000 }, { "4040.18999999999999995", 40401900 },
    { "952.6799999999999", 9526800 }, { "0.00005", 1 }, { "-0.00005", -1 }, { "0.00004999", 0 },
    { "1E-3", 10 }, { "1.5e3", 15000000 }, { ".5", 5000 }, { "+2", 20000 },
    { "12345678901234", G_GINT64_CONSTANT (123456789012340000) },
  };
  static const char *bad[] = { "", "-", ".", "abc", "1,5", "1e999", "99999999999999999999" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      OutlayDecimal v = -1;

      g_test_message ("%s", cases[i].text);
      g_assert_true (outlay_formula_parse_number (cases[i].text, strlen (cases[i].text), &v));
      g_assert_cmpint (v, ==, cases[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      OutlayDecimal v;

      g_test_message ("%s", bad[i]);
      g_assert_false (outlay_formula_parse_number (bad[i], strlen (bad[i]), &v));
    }
}

static void
test_formula_cell_names (void)
{
  char buf[16];

  outlay_formula_cell_name (0, 0, buf);
  g_assert_cmpstr (buf, ==, "A1");
  outlay_formula_cell_name (11, 1, buf);
  g_assert_cmpstr (buf, ==, "B12");
  outlay_formula_cell_name (0, 25, buf);
  g_assert_cmpstr (buf, ==, "Z1");
  outlay_formula_cell_name (0, 26, buf);
  g_assert_cmpstr (buf, ==, "AA1");
  outlay_formula_cell_name (1048575, 16383, buf);
  g_assert_cmpstr (buf, ==, "XFD1048576");
}

static void
test_formula_store (void)
{
  g_autoptr(OutlayCellStore) store = outlay_cell_store_new ();
  OutlayFormulaContext ctx = { "S", outlay_cell_store_lookup, store, 0, 0, 1000 };
  OutlayDecimal v;

  outlay_cell_store_begin_row (store, 0);
  outlay_cell_store_add (store, 0, OUTLAY_FORMULA_CELL_NUMBER, D (3));
  outlay_cell_store_add (store, 2, OUTLAY_FORMULA_CELL_TEXT, 0);
  outlay_cell_store_begin_row (store, 4);
  outlay_cell_store_add (store, 1, OUTLAY_FORMULA_CELL_NUMBER, D (7));
  outlay_cell_store_set_column (store, 3);

  g_assert_true (outlay_formula_eval ("A1+B5+A3+C5", -1, &ctx, &v)); /* A3 and C5 are blank */
  g_assert_cmpint (v, ==, D (10));
  g_assert_true (outlay_formula_eval ("SUM(A1:C5)", -1, &ctx, &v));
  g_assert_cmpint (v, ==, D (10));
  g_assert_false (outlay_formula_eval ("D5", -1, &ctx, &v));    /* the cell itself */
  g_assert_false (outlay_formula_eval ("E5", -1, &ctx, &v));    /* not read yet */
  g_assert_false (outlay_formula_eval ("A6", -1, &ctx, &v));
  g_assert_false (outlay_formula_eval ("C1*1", -1, &ctx, &v));

  /* rows out of order: nothing can be trusted */
  outlay_cell_store_begin_row (store, 2);
  g_assert_false (outlay_formula_eval ("A1", -1, &ctx, &v));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/formula/precedence", test_formula_precedence);
  g_test_add_func ("/formula/division", test_formula_division);
  g_test_add_func ("/formula/references", test_formula_references);
  g_test_add_func ("/formula/functions", test_formula_functions);
  g_test_add_func ("/formula/garbage", test_formula_garbage);
  g_test_add_func ("/formula/budget", test_formula_budget);
  g_test_add_func ("/formula/shared-shift", test_formula_shift);
  g_test_add_func ("/formula/numbers", test_formula_numbers);
  g_test_add_func ("/formula/cell-names", test_formula_cell_names);
  g_test_add_func ("/formula/store", test_formula_store);
  return g_test_run ();
}
