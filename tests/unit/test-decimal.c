/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "outlay-currency.h"
#include "outlay-decimal.h"
#include "outlay-error.h"

typedef struct
{
  const char         *text;
  OutlayDecimalStyle  style;
  OutlayDecimal       value;
} Case;

static void
check_parses (const Case *cases, gsize n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      OutlayDecimal v = -1;

      if (!outlay_decimal_parse_full (cases[i].text, -1, cases[i].style, &v, NULL, &error))
        g_error ("“%s” failed: %s", cases[i].text, error->message);
      if (v != cases[i].value)
        g_error ("“%s” gave %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                 cases[i].text, v, cases[i].value);
    }
}

static void
test_parse_spreadsheet_forms (void)
{
  const Case cases[] = {
    { "1234.5", OUTLAY_DECIMAL_STYLE_AUTO, 12345000 },
    { "1,234.50", OUTLAY_DECIMAL_STYLE_AUTO, 12345000 },
    { "1.234,50", OUTLAY_DECIMAL_STYLE_COMMA, 12345000 },
    { "1.234,50", OUTLAY_DECIMAL_STYLE_AUTO, 12345000 },
    { "(1,200.00)", OUTLAY_DECIMAL_STYLE_AUTO, -12000000 },
    { "-1200", OUTLAY_DECIMAL_STYLE_AUTO, -12000000 },
    { "$ 3 400", OUTLAY_DECIMAL_STYLE_AUTO, 34000000 },
    { "€1.200", OUTLAY_DECIMAL_STYLE_COMMA, 12000000 },
    { "€1.200,00", OUTLAY_DECIMAL_STYLE_AUTO, 12000000 },
    { "12%", OUTLAY_DECIMAL_STYLE_AUTO, 1200 },
    { "12.5 %", OUTLAY_DECIMAL_STYLE_AUTO, 1250 },
    { "1.2345E+5", OUTLAY_DECIMAL_STYLE_AUTO, 1234500000 },
    { "1.5e-3", OUTLAY_DECIMAL_STYLE_AUTO, 15 },
    { "", OUTLAY_DECIMAL_STYLE_AUTO, 0 },
    { "   ", OUTLAY_DECIMAL_STYLE_AUTO, 0 },
    { "0", OUTLAY_DECIMAL_STYLE_AUTO, 0 },
    { ".5", OUTLAY_DECIMAL_STYLE_AUTO, 5000 },
    { "-0.0001", OUTLAY_DECIMAL_STYLE_AUTO, -1 },
    { "1200-", OUTLAY_DECIMAL_STYLE_AUTO, -12000000 },
    { "−42", OUTLAY_DECIMAL_STYLE_AUTO, -420000 },
    { "23.606,91 €", OUTLAY_DECIMAL_STYLE_AUTO, 236069100 },
    { "USD 1,000", OUTLAY_DECIMAL_STYLE_AUTO, 10000000 },
    { "1000 EUR", OUTLAY_DECIMAL_STYLE_AUTO, 10000000 },
    { "1'234.50", OUTLAY_DECIMAL_STYLE_AUTO, 12345000 },
    { "1 234 567,89", OUTLAY_DECIMAL_STYLE_COMMA, 12345678900 },
    { "12,34,567.00", OUTLAY_DECIMAL_STYLE_AUTO, 12345670000 },
    { "12,5", OUTLAY_DECIMAL_STYLE_AUTO, 125000 },
    { "1,234", OUTLAY_DECIMAL_STYLE_AUTO, 12340000 },
    { "1,234", OUTLAY_DECIMAL_STYLE_COMMA, 12340 },
    { "-$1,200", OUTLAY_DECIMAL_STYLE_AUTO, -12000000 },
    { "($1,200.00)", OUTLAY_DECIMAL_STYLE_AUTO, -12000000 },
    { "+7", OUTLAY_DECIMAL_STYLE_AUTO, 70000 },
    { "1.234.567", OUTLAY_DECIMAL_STYLE_AUTO, 12345670000 },
    { "\xc2\xa0" "5\xc2\xa0" "000", OUTLAY_DECIMAL_STYLE_AUTO, 50000000 },
    /* a lone comma before three digits groups only after 1–3 digits, no leading zero */
    { "0,500", OUTLAY_DECIMAL_STYLE_AUTO, 5000 },
    { "-0,250", OUTLAY_DECIMAL_STYLE_AUTO, -2500 },
    { "1234,567", OUTLAY_DECIMAL_STYLE_AUTO, 12345670 },
    { "2,125", OUTLAY_DECIMAL_STYLE_COMMA, 21250 },
    { "2,125", OUTLAY_DECIMAL_STYLE_POINT, 21250000 },
    { "1 000 EUR", OUTLAY_DECIMAL_STYLE_AUTO, 10000000 },
    { "NGN 5", OUTLAY_DECIMAL_STYLE_AUTO, 50000 },
  };

  check_parses (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_rounding (void)
{
  const Case cases[] = {
    { "1447.2999999999999998", OUTLAY_DECIMAL_STYLE_AUTO, 14473000 },
    { "0.00005", OUTLAY_DECIMAL_STYLE_AUTO, 1 },
    { "0.00004999", OUTLAY_DECIMAL_STYLE_AUTO, 0 },
    { "-0.00005", OUTLAY_DECIMAL_STYLE_AUTO, -1 },
    { "2.71828", OUTLAY_DECIMAL_STYLE_AUTO, 27183 },
    { "12.345%", OUTLAY_DECIMAL_STYLE_AUTO, 1235 },
  };
  OutlayDecimalParseFlags flags;
  OutlayDecimal v;

  check_parses (cases, G_N_ELEMENTS (cases));
  g_assert_true (outlay_decimal_parse_full ("2.71828", -1, 0, &v, &flags, NULL));
  g_assert_true (flags & OUTLAY_DECIMAL_PARSED_ROUNDED);
  g_assert_true (outlay_decimal_parse_full ("12%", -1, 0, &v, &flags, NULL));
  g_assert_true (flags & OUTLAY_DECIMAL_PARSED_PERCENT);
  g_assert_false (flags & OUTLAY_DECIMAL_PARSED_ROUNDED);
  g_assert_true (outlay_decimal_parse_full ("", -1, 0, &v, &flags, NULL));
  g_assert_true (flags & OUTLAY_DECIMAL_PARSED_EMPTY);
  g_assert_true (outlay_decimal_parse_full ("$5", -1, 0, &v, &flags, NULL));
  g_assert_true (flags & OUTLAY_DECIMAL_PARSED_CURRENCY);
}

static void
test_parse_rejects (void)
{
  const char *bad[] = {
    "twelve", "1.2.3,4,5", "12abc", "--5", "(5", "1,2", "$", "-", "1e", "1e+", "1 2",
    "1..2", "5%%", "1,23,4.5", ",5,", "(-5)", "1e99999", "\xff\xfe", "0x10", "½",
    "1234 567", "1234,567.5", "0,000,001", "5 DAY", "1 ABC", "$5$", "USD EUR 5", "€€5",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      OutlayDecimal v = 42;

      if (outlay_decimal_parse_full (bad[i], -1, OUTLAY_DECIMAL_STYLE_POINT, &v, NULL, &error))
        g_error ("“%s” parsed as %" G_GINT64_FORMAT, bad[i], v);
      g_assert_nonnull (error);
      g_assert_true (error->domain == OUTLAY_ERROR);
    }
}

static void
test_parse_message (void)
{
  g_autoptr(GError) error = NULL;
  OutlayDecimal v;

  g_assert_false (outlay_decimal_parse ("twelve", &v, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_NUMBER);
  g_assert_nonnull (strstr (error->message, "twelve"));
}

static void
test_parse_huge (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autofree char *big = g_strnfill (2 * 1024 * 1024, '9');
  OutlayDecimal v;

  g_assert_false (outlay_decimal_parse (big, &v, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_NUMBER);
  g_assert_false (outlay_decimal_parse ("922337203685478", &v, &error2));
  g_assert_error (error2, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW);
  g_assert_true (outlay_decimal_parse ("922337203685477.5807", &v, NULL));
  g_assert_cmpint (v, ==, G_MAXINT64);
  g_assert_true (outlay_decimal_parse ("-922337203685477.5807", &v, NULL));
  g_assert_cmpint (v, ==, -G_MAXINT64);
  g_assert_false (outlay_decimal_parse ("922337203685477.5808", &v, NULL));
  g_assert_false (outlay_decimal_parse ("1e15", &v, NULL));
  g_assert_true (outlay_decimal_parse ("0e999", &v, NULL));
  g_assert_cmpint (v, ==, 0);

  /* messages quote the text cut on a character, never mid-way */
  {
    g_autoptr(GString) text = g_string_new (NULL);
    g_autoptr(GError) e3 = NULL;

    for (int i = 0; i < 30; i++)
      g_string_append (text, "\xe2\x80\xaf"); /* narrow no-break space, 3 bytes */
    g_string_append (text, "1e30");
    g_assert_false (outlay_decimal_parse (text->str, &v, &e3));
    g_assert_error (e3, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW);
    g_assert_true (g_utf8_validate (e3->message, -1, NULL));
  }
}

static void
test_format (void)
{
  struct { OutlayDecimal v; guint places; const char *plain; const char *grouped; } cases[] = {
    { 12345000, 2, "1234.50", "1,234.50" },
    { -12345000, 2, "-1234.50", "-1,234.50" },
    { 5, 2, "0.00", "0.00" },
    { 50, 2, "0.01", "0.01" },
    { -50, 2, "-0.01", "-0.01" },
    { 1234567890000, 0, "123456789", "123,456,789" },
    { 1, 4, "0.0001", "0.0001" },
    { G_MAXINT64, 4, "922337203685477.5807", "922,337,203,685,477.5807" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *plain = outlay_decimal_to_string (cases[i].v, cases[i].places);
      g_autofree char *grouped = outlay_decimal_format (cases[i].v, cases[i].places, ".", ",");

      g_assert_cmpstr (plain, ==, cases[i].plain);
      g_assert_cmpstr (grouped, ==, cases[i].grouped);
    }
  {
    g_autofree char *t1 = outlay_decimal_to_string_trim (125000);
    g_autofree char *t2 = outlay_decimal_to_string_trim (30000);
    g_autofree char *eu = outlay_decimal_format (12345000, 2, ",", ".");

    g_assert_cmpstr (t1, ==, "12.5");
    g_assert_cmpstr (t2, ==, "3");
    g_assert_cmpstr (eu, ==, "1.234,50");
  }
}

static void
test_round_trip (void)
{
  GRand *rand = g_rand_new_with_seed (42);

  for (int i = 0; i < 20000; i++)
    {
      OutlayDecimal v = ((gint64) g_rand_int (rand) << 20 ^ g_rand_int (rand)) - (1LL << 50);
      g_autofree char *text = outlay_decimal_to_string (v, 4);
      g_autofree char *grouped = outlay_decimal_format (v, 4, ",", ".");
      OutlayDecimal back, back2;

      g_assert_true (outlay_decimal_parse (text, &back, NULL));
      g_assert_cmpint (back, ==, v);
      g_assert_true (outlay_decimal_parse_full (grouped, -1, OUTLAY_DECIMAL_STYLE_COMMA, &back2,
                                                NULL, NULL));
      g_assert_cmpint (back2, ==, v);
    }
  g_rand_free (rand);
}

static void
test_arithmetic (void)
{
  OutlayDecimal r;

  g_assert_true (outlay_decimal_add (15000, 25000, &r));
  g_assert_cmpint (r, ==, 40000);
  g_assert_true (outlay_decimal_sub (15000, 25000, &r));
  g_assert_cmpint (r, ==, -10000);
  g_assert_true (outlay_decimal_mul (17650000, 50000, &r)); /* 1765 × 5 */
  g_assert_cmpint (r, ==, 88250000);
  g_assert_true (outlay_decimal_mul (3333, 3333, &r)); /* 0.3333² = 0.11108889 */
  g_assert_cmpint (r, ==, 1111);
  g_assert_true (outlay_decimal_mul (5, 5000, &r)); /* 0.0005 × 0.5 = 0.00025 → 0.0003 */
  g_assert_cmpint (r, ==, 3);
  g_assert_true (outlay_decimal_mul (-5, 5000, &r));
  g_assert_cmpint (r, ==, -3);
  g_assert_true (outlay_decimal_div (10000, 30000, &r)); /* 1/3 */
  g_assert_cmpint (r, ==, 3333);
  g_assert_true (outlay_decimal_div (20000, 30000, &r)); /* 2/3 → 0.6667 */
  g_assert_cmpint (r, ==, 6667);
  g_assert_true (outlay_decimal_div (-20000, 30000, &r));
  g_assert_cmpint (r, ==, -6667);
  g_assert_false (outlay_decimal_div (1, 0, &r));
  g_assert_true (outlay_decimal_percent_of (5570680000, 120000, &r)); /* 12 % of 557,068 */
  g_assert_cmpint (r, ==, 668481600);
  g_assert_true (outlay_decimal_as_percent (10000, 30000, &r));
  g_assert_cmpint (r, ==, 333333);
  g_assert_false (outlay_decimal_as_percent (1, 0, &r));
  g_assert_cmpint (outlay_decimal_round (12345, 2), ==, 12300);
  g_assert_cmpint (outlay_decimal_round (12350, 2), ==, 12400);
  g_assert_cmpint (outlay_decimal_round (-12350, 2), ==, -12400);
  g_assert_cmpint (outlay_decimal_round (14999, 0), ==, 10000);
  g_assert_cmpint (outlay_decimal_round (15000, 0), ==, 20000);
  g_assert_cmpint (outlay_decimal_compare (1, 2), <, 0);
}

static void
test_overflow (void)
{
  OutlayDecimal r = 7;

  g_assert_false (outlay_decimal_add (OUTLAY_DECIMAL_MAX, 1, &r));
  g_assert_cmpint (r, ==, 7);
  g_assert_false (outlay_decimal_sub (OUTLAY_DECIMAL_MIN, 1, &r));
  g_assert_false (outlay_decimal_mul (OUTLAY_DECIMAL_MAX / 2, OUTLAY_DECIMAL_FROM_INT (3), &r));
  g_assert_true (outlay_decimal_mul (OUTLAY_DECIMAL_MAX, OUTLAY_DECIMAL_ONE, &r));
  g_assert_cmpint (r, ==, OUTLAY_DECIMAL_MAX);
  g_assert_false (outlay_decimal_div (OUTLAY_DECIMAL_MAX, 1, &r));
  g_assert_false (outlay_decimal_percent_of (OUTLAY_DECIMAL_MAX, OUTLAY_DECIMAL_FROM_INT (200), &r));
}

static void
test_currency (void)
{
  g_autofree char *usd = NULL;
  g_autofree char *neg = NULL;

  g_assert_cmpuint (outlay_currency_minor_units ("USD"), ==, 2);
  g_assert_cmpuint (outlay_currency_minor_units ("JPY"), ==, 0);
  g_assert_cmpuint (outlay_currency_minor_units ("KWD"), ==, 3);
  g_assert_cmpuint (outlay_currency_minor_units ("XYZ"), ==, 2);
  g_assert_true (outlay_currency_is_valid ("EUR"));
  g_assert_false (outlay_currency_is_valid ("eur"));
  g_assert_false (outlay_currency_is_valid ("EURO"));
  usd = outlay_currency_format (12345000, "USD");
  g_assert_cmpstr (usd, ==, "$1,234.50"); /* grouped even in the C locale */
  neg = outlay_currency_format (-12345000, "CHF");
  g_assert_cmpstr (neg, ==, "−CHF 1,234.50");
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/decimal/parse/spreadsheet-forms", test_parse_spreadsheet_forms);
  g_test_add_func ("/decimal/parse/rounding", test_parse_rounding);
  g_test_add_func ("/decimal/parse/rejects", test_parse_rejects);
  g_test_add_func ("/decimal/parse/message", test_parse_message);
  g_test_add_func ("/decimal/parse/huge", test_parse_huge);
  g_test_add_func ("/decimal/format", test_format);
  g_test_add_func ("/decimal/round-trip", test_round_trip);
  g_test_add_func ("/decimal/arithmetic", test_arithmetic);
  g_test_add_func ("/decimal/overflow", test_overflow);
  g_test_add_func ("/decimal/currency", test_currency);
  return g_test_run ();
}
