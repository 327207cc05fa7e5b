/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-currency"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "outlay-currency.h"
#include "outlay-error.h"

typedef struct
{
  const char *code;
  const char *symbol;
} Currency;

/* Symbols for the currencies budgets are commonly kept in; any other code
 * shows as itself. */
static const Currency currencies[] = {
  { "AED", "AED" }, { "ARS", "ARS" }, { "AUD", "A$" },  { "BHD", "BHD" },
  { "BRL", "R$" },  { "CAD", "CA$" }, { "CHF", "CHF" }, { "CLP", "CLP" },
  { "CNY", "CN¥" }, { "COP", "COP" }, { "CZK", "Kč" },  { "DKK", "kr." },
  { "EUR", "€" },   { "GBP", "£" },   { "HKD", "HK$" }, { "HUF", "Ft" },
  { "IDR", "Rp" },  { "ILS", "₪" },   { "INR", "₹" },   { "ISK", "kr" },
  { "JOD", "JOD" }, { "JPY", "¥" },   { "KRW", "₩" },   { "KWD", "KWD" },
  { "MXN", "MX$" }, { "MYR", "RM" },  { "NOK", "kr" },  { "NZD", "NZ$" },
  { "OMR", "OMR" }, { "PHP", "₱" },   { "PLN", "zł" },  { "RON", "lei" },
  { "SAR", "SAR" }, { "SEK", "kr" },  { "SGD", "S$" },  { "THB", "฿" },
  { "TND", "TND" }, { "TRY", "₺" },   { "TWD", "NT$" }, { "UAH", "₴" },
  { "USD", "$" },   { "VND", "₫" },   { "ZAR", "R" },
};

/* Active ISO 4217 codes, to tell "1,000 EUR" from "5 DAY". */
static const char iso_codes[] =
  "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN "
  "BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD "
  "FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY "
  "KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP "
  "MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR "
  "RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT "
  "TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW "
  "ZWL";

/* Codes whose minor unit is not 2 (ISO 4217). */
static const char zero_places[] = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF";
static const char three_places[] = "BHD IQD JOD KWD LYD OMR TND";

static gboolean
in_list (const char *list, const char *code)
{
  for (const char *p = list; *p != '\0'; p += (p[3] == ' ') ? 4 : 3)
    if (g_ascii_strncasecmp (p, code, 3) == 0)
      return TRUE;
  return FALSE;
}

static const Currency *
lookup (const char *code)
{
  if (code == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (currencies); i++)
    if (g_ascii_strcasecmp (currencies[i].code, code) == 0)
      return &currencies[i];
  return NULL;
}

/**
 * outlay_currency_is_valid:
 * @code: text
 *
 * Returns: %TRUE if @code has the form of an ISO 4217 code (three letters)
 */
gboolean
outlay_currency_is_valid (const char *code)
{
  return code != NULL && strlen (code) == 3 && g_ascii_isupper (code[0])
         && g_ascii_isupper (code[1]) && g_ascii_isupper (code[2]);
}

/**
 * outlay_currency_is_known:
 * @code: text
 *
 * Returns: %TRUE if @code is an active ISO 4217 currency code (any case)
 */
gboolean
outlay_currency_is_known (const char *code)
{
  return code != NULL && strlen (code) == 3 && in_list (iso_codes, code);
}

/**
 * outlay_currency_minor_units:
 * @code: an ISO 4217 code
 *
 * Returns: the decimal places amounts in @code are shown and rounded to
 */
guint
outlay_currency_minor_units (const char *code)
{
  if (code == NULL || strlen (code) != 3)
    return 2;
  if (in_list (zero_places, code))
    return 0;
  if (in_list (three_places, code))
    return 3;
  return 2;
}

/**
 * outlay_currency_symbol:
 * @code: an ISO 4217 code
 *
 * Returns: the symbol to show, or the code itself when it has none
 */
const char *
outlay_currency_symbol (const char *code)
{
  const Currency *c = lookup (code);

  if (c != NULL)
    return c->symbol;
  return (code != NULL && *code != '\0') ? code : "¤";
}

/**
 * outlay_currency_format:
 * @value: an amount
 * @code: its ISO 4217 currency
 *
 * Formats for display with the user's separators: "$1,234.50" where the
 * decimal mark is a point, "1.234,50 €" where it is a comma.  Amounts are
 * always grouped in thousands, even in the C locale.
 *
 * Returns: (transfer full): the text
 */
char *
outlay_currency_format (OutlayDecimal  value,
                        const char    *code)
{
  const struct lconv *lc = localeconv ();
  gboolean comma = lc->decimal_point != NULL && strcmp (lc->decimal_point, ",") == 0;
  gboolean grouped = lc->thousands_sep != NULL && *lc->thousands_sep != '\0';
  const char *symbol = outlay_currency_symbol (code);
  OutlayDecimal magnitude = value < 0 ? -value : value;
  guint places = outlay_currency_minor_units (code);
  /* The C locale has no grouping, but money without it is hard to read. */
  g_autofree char *number = grouped ? outlay_decimal_format_locale (magnitude, places)
                                    : outlay_decimal_format (magnitude, places,
                                                             comma ? "," : ".",
                                                             comma ? "." : ",");
  gboolean word = g_ascii_isalpha (symbol[strlen (symbol) - 1]);

  if (comma)
    return g_strdup_printf ("%s%s %s", value < 0 ? "−" : "", number, symbol);
  return g_strdup_printf ("%s%s%s%s", value < 0 ? "−" : "", symbol, word ? " " : "", number);
}

/**
 * outlay_currency_format_amount:
 * @value: an amount
 * @code: its ISO 4217 currency
 *
 * Like outlay_currency_format() without the symbol, for columns of
 * numbers: "1,234.50", or "1.234,50" where the decimal mark is a comma.
 *
 * Returns: (transfer full): the text
 */
char *
outlay_currency_format_amount (OutlayDecimal  value,
                               const char    *code)
{
  const struct lconv *lc = localeconv ();
  gboolean comma = lc->decimal_point != NULL && strcmp (lc->decimal_point, ",") == 0;
  gboolean grouped = lc->thousands_sep != NULL && *lc->thousands_sep != '\0';
  guint places = outlay_currency_minor_units (code);

  if (grouped)
    return outlay_decimal_format_locale (value, places);
  return outlay_decimal_format (value, places, comma ? "," : ".", comma ? "." : ",");
}

/**
 * outlay_currency_format_plain:
 * @value: an amount
 * @code: its ISO 4217 currency
 *
 * Formats an amount for JSON, CSV and scripts: plain digits with a point, at
 * least the currency's decimals ("1234.50") and more only when the value
 * has them ("12.3456"), so sums of printed values stay exact.
 *
 * Returns: (transfer full): the text
 */
char *
outlay_currency_format_plain (OutlayDecimal  value,
                              const char    *code)
{
  guint places = outlay_currency_minor_units (code);

  while (places < OUTLAY_DECIMAL_PLACES && outlay_decimal_round (value, places) != value)
    places++;
  return outlay_decimal_to_string (value, places);
}

/* The currency an amount's text names, if any: an ISO code ("EUR 120")
 * or a symbol ("€120"); "" when it names none. */
static char *
named_currency (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL)
        return g_strndup (p, g_utf8_next_char (p) - p);
      if (g_ascii_isupper (p[0]) && g_ascii_isupper (p[1]) && g_ascii_isupper (p[2])
          && !g_ascii_isalpha (p[3]) && (p == text || !g_ascii_isalpha (p[-1])))
        return g_strndup (p, 3);
    }
  return g_strdup ("");
}

/**
 * outlay_currency_parse_amount:
 * @text: an amount as typed: "1,200.50", "$1,200.50", "EUR 90"
 * @currency: the budget's ISO 4217 currency
 * @out: (out): the amount
 * @error: why it is not an amount in @currency
 *
 * Parses an amount with the user's decimal mark and refuses one in
 * another currency (by its code or its symbol), so that euros are never
 * counted as dollars.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_currency_parse_amount (const char *text,
                              const char *currency,
                              OutlayDecimal *out,
                              GError **error)
{
  g_autofree char *named = NULL;
  OutlayDecimalParseFlags flags = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  named = named_currency (text);
  if (*named != '\0' && g_strcmp0 (named, currency) != 0
      && g_strcmp0 (named, outlay_currency_symbol (currency)) != 0
      && !(g_str_equal (named, "$") && g_str_has_suffix (outlay_currency_symbol (currency), "$")))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("“%s” is in another currency (%s): this budget is in %s; convert it first"),
                      text, named, currency);
      return FALSE;
    }
  if (!outlay_decimal_parse_full (text, -1, outlay_decimal_style_for_locale (), out, &flags, error))
    return FALSE;
  if (flags & (OUTLAY_DECIMAL_PARSED_EMPTY | OUTLAY_DECIMAL_PARSED_PERCENT))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an amount"), text);
      return FALSE;
    }
  return TRUE;
}
