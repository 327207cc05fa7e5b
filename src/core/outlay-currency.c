/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-currency"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "outlay-currency.h"

typedef struct
{
  const char *code;
  guint       minor_units;
  const char *symbol;
} Currency;

/* ISO 4217 minor units for the currencies budgets are commonly kept in;
 * any other well-formed code gets two places and its code as symbol. */
static const Currency currencies[] = {
  { "AED", 2, "AED" }, { "ARS", 2, "ARS" }, { "AUD", 2, "A$" },  { "BHD", 3, "BHD" },
  { "BRL", 2, "R$" },  { "CAD", 2, "CA$" }, { "CHF", 2, "CHF" }, { "CLP", 0, "CLP" },
  { "CNY", 2, "CN¥" }, { "COP", 2, "COP" }, { "CZK", 2, "Kč" },  { "DKK", 2, "kr." },
  { "EUR", 2, "€" },   { "GBP", 2, "£" },   { "HKD", 2, "HK$" }, { "HUF", 2, "Ft" },
  { "IDR", 2, "Rp" },  { "ILS", 2, "₪" },   { "INR", 2, "₹" },   { "ISK", 0, "kr" },
  { "JOD", 3, "JOD" }, { "JPY", 0, "¥" },   { "KRW", 0, "₩" },   { "KWD", 3, "KWD" },
  { "MXN", 2, "MX$" }, { "MYR", 2, "RM" },  { "NOK", 2, "kr" },  { "NZD", 2, "NZ$" },
  { "OMR", 3, "OMR" }, { "PHP", 2, "₱" },   { "PLN", 2, "zł" },  { "RON", 2, "lei" },
  { "SAR", 2, "SAR" }, { "SEK", 2, "kr" },  { "SGD", 2, "S$" },  { "THB", 2, "฿" },
  { "TND", 3, "TND" }, { "TRY", 2, "₺" },   { "TWD", 2, "NT$" }, { "UAH", 2, "₴" },
  { "USD", 2, "$" },   { "VND", 0, "₫" },   { "ZAR", 2, "R" },
};

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
 * outlay_currency_minor_units:
 * @code: an ISO 4217 code
 *
 * Returns: the decimal places amounts in @code are shown and rounded to
 */
guint
outlay_currency_minor_units (const char *code)
{
  const Currency *c = lookup (code);

  return c != NULL ? c->minor_units : 2;
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

  return c != NULL ? c->symbol : code;
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
