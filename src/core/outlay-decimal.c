/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-decimal"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "outlay-currency.h"
#include "outlay-decimal.h"
#include "outlay-error.h"

/* Text longer than this is not a number anyone typed or exported; refusing
 * it early keeps a 2 GB cell from costing more than a glance. */
#define MAX_NUMBER_TEXT 256
#define MAX_EXPONENT    40

typedef __int128 wide;

static gboolean
narrow (wide value, OutlayDecimal *out)
{
  if (value > OUTLAY_DECIMAL_MAX || value < OUTLAY_DECIMAL_MIN)
    return FALSE;
  *out = (OutlayDecimal) value;
  return TRUE;
}

/* Divides rounding half away from zero, the rule used for all money here. */
static wide
div_round (wide num, wide den)
{
  wide q = num / den;
  wide r = num % den;
  wide ar = r < 0 ? -r : r;
  wide ad = den < 0 ? -den : den;

  if (ar * 2 >= ad)
    q += ((num < 0) != (den < 0)) ? -1 : 1;
  return q;
}

/* At most 40 characters of @text for a message, cut on a character
 * boundary and always valid UTF-8. */
static char *
shown_text (const char *text, gsize len)
{
  g_autofree char *valid = g_utf8_make_valid (text, (gssize) MIN (len, (gsize) 200));

  if (g_utf8_strlen (valid, -1) <= 40)
    return g_steal_pointer (&valid);
  *g_utf8_offset_to_pointer (valid, 40) = '\0';
  return g_strconcat (valid, "…", NULL);
}

static gboolean
invalid (GError **error, const char *text, gsize len, const char *why)
{
  g_autofree char *shown = shown_text (text, len);

  if (why != NULL)
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_NUMBER,
                 _("“%s” is not a number: %s"), shown, why);
  else
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_NUMBER,
                 _("“%s” is not a number"), shown);
  return FALSE;
}

/* Maps the text to a short ASCII form: digits, marks and signs kept, every
 * kind of space a plain space, any currency symbol '$'.  Returns FALSE for
 * characters that can never be part of a number. */
static gboolean
normalize (const char *text, gsize len, GString *core)
{
  const char *p = text;
  const char *end = text + len;

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && (g_ascii_isalnum (c) || strchr (".,'%()+-$", (int) c) != NULL) && c != 0)
        g_string_append_c (core, (char) c);
      else if (c == 0x2212 || c == 0x2013)
        g_string_append_c (core, '-');
      else if (c == 0x2019 || c == 0x02BC)
        g_string_append_c (core, '\'');
      else if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2009 || c == 0x2007)
        g_string_append_c (core, ' ');
      else if (g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL)
        g_string_append_c (core, '$');
      else
        return FALSE;
      p = g_utf8_next_char (p);
    }
  return TRUE;
}

static void
trim (const char **start, const char **end)
{
  while (*start < *end && **start == ' ')
    (*start)++;
  while (*end > *start && (*end)[-1] == ' ')
    (*end)--;
}

static gboolean
is_code_at (const char *p, const char *end)
{
  char code[4];

  /* only real ISO 4217 codes: "5 DAY" and "12abc" stay errors */
  if (end - p < 3 || (end - p > 3 && g_ascii_isalpha (p[3])))
    return FALSE;
  memcpy (code, p, 3);
  code[3] = '\0';
  return outlay_currency_is_known (code);
}

typedef struct
{
  gboolean negative;
  gboolean percent;
  int      currencies;
  int      signs;
} Decorations;

/* Strips signs, currency symbols or ISO codes and a percent sign from both
 * ends: "-$1,200", "$-1,200", "1.200 €", "USD 1200", "1200-", "12 %". */
static void
strip_decorations (const char **start, const char **end, Decorations *d)
{
  gboolean changed = TRUE;

  while (changed && *start < *end)
    {
      changed = FALSE;
      trim (start, end);
      if (*start < *end && (**start == '-' || **start == '+'))
        {
          d->negative ^= (**start == '-');
          d->signs++;
          (*start)++;
          changed = TRUE;
        }
      else if (*start < *end && **start == '$')
        {
          d->currencies++;
          (*start)++;
          changed = TRUE;
        }
      else if (is_code_at (*start, *end))
        {
          d->currencies++;
          *start += 3;
          changed = TRUE;
        }
      trim (start, end);
      if (*end > *start && ((*end)[-1] == '-' || (*end)[-1] == '+'))
        {
          d->negative ^= ((*end)[-1] == '-');
          d->signs++;
          (*end)--;
          changed = TRUE;
        }
      else if (*end > *start && (*end)[-1] == '$')
        {
          d->currencies++;
          (*end)--;
          changed = TRUE;
        }
      else if (*end > *start && (*end)[-1] == '%' && !d->percent)
        {
          d->percent = TRUE;
          (*end)--;
          changed = TRUE;
        }
      else if (*end - *start >= 3 && is_code_at (*end - 3, *end)
               && (*end - *start == 3 || !g_ascii_isalpha ((*end)[-4])))
        {
          d->currencies++;
          *end -= 3;
          changed = TRUE;
        }
    }
}

static int
count_char (const char *start, const char *end, char c)
{
  int n = 0;

  for (const char *p = start; p < end; p++)
    n += (*p == c);
  return n;
}

static const char *
last_char (const char *start, const char *end, char c)
{
  for (const char *p = end; p > start; p--)
    if (p[-1] == c)
      return p - 1;
  return NULL;
}

static int
digits_after (const char *p, const char *end)
{
  int n = 0;

  for (p++; p < end && g_ascii_isdigit (*p); p++)
    n++;
  return (p == end) ? n : -1;
}

/* Whether the digits before @mark could be a first group: "1" to "999". */
static gboolean
could_group (const char *start, const char *mark)
{
  const char *p = start;

  while (p < mark && !g_ascii_isdigit (*p))
    p++;
  return mark - p >= 1 && mark - p <= 3 && *p != '0';
}

static char
pick_decimal_mark (const char *start, const char *end, OutlayDecimalStyle style, gboolean has_exp)
{
  int dots = count_char (start, end, '.');
  int commas = count_char (start, end, ',');

  if (style == OUTLAY_DECIMAL_STYLE_POINT)
    return '.';
  if (style == OUTLAY_DECIMAL_STYLE_COMMA)
    return ',';
  if (dots > 0 && commas > 0)
    return last_char (start, end, '.') > last_char (start, end, ',') ? '.' : ',';
  if (dots > 1)
    return ',';
  if (commas > 1)
    return '.';
  if (commas == 1 && !has_exp && digits_after (last_char (start, end, ','), end) == 3
      && could_group (start, last_char (start, end, ',')))
    return '.';
  return commas == 1 ? ',' : '.';
}

/* Splits "1,234.5" into integer digits "1234" and fraction digits "5",
 * checking that group marks sit between digits in groups of two or three
 * (three for the last group, as in "12,34,567" and "1 234 567"). */
static const char *
split_mantissa (const char *start, const char *end, char mark, GString *int_digits,
                GString *frac_digits)
{
  gboolean seen_mark = FALSE;
  gboolean grouped = FALSE;
  int run = 0;

  for (const char *p = start; p < end; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (seen_mark ? frac_digits : int_digits, *p);
          run++;
        }
      else if (*p == mark)
        {
          if (seen_mark)
            return N_("more than one decimal mark");
          if (grouped && run != 3)
            return N_("digits are grouped unevenly");
          seen_mark = TRUE;
          run = 0;
        }
      else if (*p == ',' || *p == '.' || *p == ' ' || *p == '\'')
        {
          if (seen_mark)
            return N_("a group mark after the decimal mark");
          if (run == 0 || p + 1 >= end || !g_ascii_isdigit (p[1]))
            return N_("misplaced group mark");
          if (grouped && run != 2 && run != 3)
            return N_("digits are grouped unevenly");
          /* the first group has one to three digits and no leading zero */
          if (!grouped && (run > 3 || (int_digits->str[0] == '0')))
            return N_("digits are grouped unevenly");
          grouped = TRUE;
          run = 0;
        }
      else
        return N_("unexpected character");
    }
  if (grouped && !seen_mark && run != 3)
    return N_("digits are grouped unevenly");
  if (int_digits->len == 0 && frac_digits->len == 0)
    return N_("no digits");
  return NULL;
}

static gboolean
parse_exponent (const char *p, const char *end, int *exponent)
{
  gboolean neg = FALSE;
  int value = 0;

  if (p < end && (*p == '+' || *p == '-'))
    neg = (*p++ == '-');
  if (p == end)
    return FALSE;
  for (; p < end; p++)
    {
      if (!g_ascii_isdigit (*p) || value > 1000)
        return FALSE;
      value = value * 10 + (*p - '0');
    }
  *exponent = neg ? -value : value;
  return TRUE;
}

/* Scales the digit string, whose decimal point sits after @point digits, to
 * ten-thousandths, rounding half away from zero. */
static gboolean
scale_digits (const GString *digits, int point, OutlayDecimal *out, gboolean *rounded)
{
  int keep = point + OUTLAY_DECIMAL_PLACES;
  guint64 v = 0;

  *rounded = FALSE;
  for (int i = 0; i < keep; i++)
    {
      guint d = (i < (int) digits->len) ? (guint) (digits->str[i] - '0') : 0;

      if (v > (guint64) (G_MAXINT64 - d) / 10)
        return FALSE;
      v = v * 10 + d;
    }
  for (int i = MAX (keep, 0); i < (int) digits->len; i++)
    if (digits->str[i] != '0')
      *rounded = TRUE;
  if (keep >= 0 && keep < (int) digits->len && digits->str[keep] >= '5')
    {
      if (v == G_MAXINT64)
        return FALSE;
      v++;
    }
  *out = (OutlayDecimal) v;
  return TRUE;
}

/* The common case, "-1234.5" with at most 14 integer and 4 fraction
 * digits, without allocating: an import parses millions of these. */
static gboolean
parse_plain (const char *text, gsize len, OutlayDecimalStyle style, OutlayDecimal *out)
{
  const char *p = text, *end = text + len;
  gboolean negative = FALSE;
  gint64 value = 0;
  guint digits = 0, places = 0;

  if (p < end && *p == '-')
    {
      negative = TRUE;
      p++;
    }
  for (; p < end && g_ascii_isdigit (*p); p++, digits++)
    {
      if (digits == 14)
        return FALSE;
      value = value * 10 + (*p - '0');
    }
  if (digits == 0)
    return FALSE;
  if (p < end && *p == '.' && style != OUTLAY_DECIMAL_STYLE_COMMA)
    for (p++; p < end && g_ascii_isdigit (*p) && places < 4; p++, places++)
      value = value * 10 + (*p - '0');
  if (p != end)
    return FALSE;
  for (; places < 4; places++)
    value *= 10;
  *out = negative ? -value : value;
  return TRUE;
}

/**
 * outlay_decimal_parse_full:
 * @text: the text, as typed or as found in a file
 * @length: its length in bytes, or -1 if nul-terminated
 * @style: which decimal mark the source uses, if known
 * @out: (out): the value
 * @flags: (out) (optional): what else was found (empty, percent, …)
 * @error: a message naming the text and the problem
 *
 * Parses a number exactly, without going through floating point.  Accepts
 * grouping ("1,234.50", "1.234,50", "$ 3 400", "1'234"), signs and
 * accounting negatives ("-1200", "1200-", "(1,200.00)"), currency symbols
 * and ISO codes on either side ("€1.200", "1.200 EUR"), percentages ("12%"
 * is 0.12) and exponents ("1.2345E+5").  Empty text is 0 with
 * %OUTLAY_DECIMAL_PARSED_EMPTY set.  More than four decimals are rounded half
 * away from zero (%OUTLAY_DECIMAL_PARSED_ROUNDED).
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_decimal_parse_full (const char               *text,
                           gssize                    length,
                           OutlayDecimalStyle        style,
                           OutlayDecimal            *out,
                           OutlayDecimalParseFlags  *flags,
                           GError                  **error)
{
  g_autoptr(GString) core = NULL;
  g_autoptr(GString) int_digits = NULL;
  g_autoptr(GString) frac_digits = NULL;
  Decorations deco = { 0 };
  const char *start, *end, *exp_at = NULL, *why;
  gsize len;
  int exponent = 0;
  gboolean rounded;
  OutlayDecimal value;

  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  len = length < 0 ? strlen (text) : (gsize) length;
  if (flags != NULL)
    *flags = OUTLAY_DECIMAL_PARSED_NONE;
  /* the common cases, without allocating: "", "1200", "-48.5" (a big
   * import parses millions) */
  if (len == 0)
    {
      *out = 0;
      if (flags != NULL)
        *flags = OUTLAY_DECIMAL_PARSED_EMPTY;
      return TRUE;
    }
  if (parse_plain (text, len, style, out))
    return TRUE;
  if (len > MAX_NUMBER_TEXT)
    return invalid (error, text, len, _("too long"));
  if (!g_utf8_validate_len (text, len, NULL))
    return invalid (error, text, len, _("not valid text"));

  core = g_string_sized_new (len);
  if (!normalize (text, len, core))
    return invalid (error, text, len, NULL);

  start = core->str;
  end = core->str + core->len;
  trim (&start, &end);
  if (start == end)
    {
      *out = 0;
      if (flags != NULL)
        *flags = OUTLAY_DECIMAL_PARSED_EMPTY;
      return TRUE;
    }

  if (*start == '(' && end[-1] == ')')
    {
      deco.negative = TRUE;
      deco.signs++;
      start++;
      end--;
    }
  strip_decorations (&start, &end, &deco);
  if (deco.signs > 1)
    return invalid (error, text, len, _("more than one sign"));
  if (deco.currencies > 1)
    return invalid (error, text, len, _("more than one currency"));

  for (const char *p = start; p < end; p++)
    if (*p == 'e' || *p == 'E')
      {
        exp_at = p;
        break;
      }
  if (exp_at != NULL)
    {
      if (!parse_exponent (exp_at + 1, end, &exponent))
        return invalid (error, text, len, NULL);
      end = exp_at;
    }
  if (exponent > MAX_EXPONENT)
    exponent = MAX_EXPONENT; /* enough to overflow any non-zero mantissa */
  if (exponent < -MAX_EXPONENT)
    exponent = -MAX_EXPONENT;

  int_digits = g_string_new (NULL);
  frac_digits = g_string_new (NULL);
  why = split_mantissa (start, end,
                        pick_decimal_mark (start, end, style, exp_at != NULL),
                        int_digits, frac_digits);
  if (why != NULL)
    return invalid (error, text, len, _(why));

  g_string_append_len (int_digits, frac_digits->str, frac_digits->len);
  if (!scale_digits (int_digits,
                     (int) (int_digits->len - frac_digits->len) + exponent - (deco.percent ? 2 : 0),
                     &value, &rounded))
    {
      g_autofree char *shown = shown_text (text, len);

      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW,
                   _("“%s” is too large: amounts are limited to ±922 trillion"), shown);
      return FALSE;
    }

  *out = deco.negative ? -value : value;
  if (flags != NULL)
    *flags = (deco.percent ? OUTLAY_DECIMAL_PARSED_PERCENT : 0)
             | (deco.currencies > 0 ? OUTLAY_DECIMAL_PARSED_CURRENCY : 0)
             | (rounded ? OUTLAY_DECIMAL_PARSED_ROUNDED : 0);
  return TRUE;
}

/**
 * outlay_decimal_parse:
 * @text: nul-terminated text
 * @out: (out): the value
 * @error: a message naming the text
 *
 * Parses @text guessing the decimal mark; see outlay_decimal_parse_full().
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_decimal_parse (const char     *text,
                      OutlayDecimal  *out,
                      GError        **error)
{
  return outlay_decimal_parse_full (text, -1, OUTLAY_DECIMAL_STYLE_AUTO, out, NULL, error);
}

/**
 * outlay_decimal_style_for_locale:
 *
 * Returns: the decimal mark the user types (LC_NUMERIC): %OUTLAY_DECIMAL_STYLE_COMMA
 *   in "1.234,50" locales, %OUTLAY_DECIMAL_STYLE_POINT in "1,234.50" ones, and
 *   %OUTLAY_DECIMAL_STYLE_AUTO in the C locale
 */
OutlayDecimalStyle
outlay_decimal_style_for_locale (void)
{
  const struct lconv *lc = localeconv ();

  if (lc->decimal_point != NULL && strcmp (lc->decimal_point, ",") == 0)
    return OUTLAY_DECIMAL_STYLE_COMMA;
  if (lc->thousands_sep != NULL && *lc->thousands_sep != '\0')
    return OUTLAY_DECIMAL_STYLE_POINT;
  return OUTLAY_DECIMAL_STYLE_AUTO;
}

/**
 * outlay_decimal_round:
 * @value: a decimal
 * @places: decimal places to keep (0–4), e.g. a currency's minor unit
 *
 * Returns: @value rounded half away from zero to @places
 */
OutlayDecimal
outlay_decimal_round (OutlayDecimal value,
                      guint         places)
{
  static const gint64 factors[] = { 10000, 1000, 100, 10, 1 };
  OutlayDecimal result;
  wide f;

  if (places >= OUTLAY_DECIMAL_PLACES)
    return value;
  f = factors[places];
  if (!narrow (div_round (value, f) * f, &result))
    return value > 0 ? (OUTLAY_DECIMAL_MAX / f) * f : (OUTLAY_DECIMAL_MIN / f) * f;
  return result;
}

/**
 * outlay_decimal_to_buffer:
 * @value: a decimal
 * @places: decimal places (0–4), rounded half away from zero
 * @buf: where to write, at least 32 bytes
 * @size: the size of @buf
 *
 * Writes the plain form, "-1234.50": no grouping, '.' as the mark.
 */
void
outlay_decimal_to_buffer (OutlayDecimal value,
                          guint         places,
                          char         *buf,
                          gsize         size)
{
  static const guint64 factors[] = { 1, 10, 100, 1000, 10000 };
  OutlayDecimal r;
  guint64 mag, ip, fp;

  char text[48], *p = text + sizeof text;

  places = MIN (places, (guint) OUTLAY_DECIMAL_PLACES);
  r = outlay_decimal_round (value, places);
  mag = r < 0 ? (guint64) (-r) : (guint64) r;
  ip = mag / OUTLAY_DECIMAL_SCALE;
  fp = (mag % OUTLAY_DECIMAL_SCALE) / factors[OUTLAY_DECIMAL_PLACES - places];
  /* written backwards by hand: the sheet formats every figure of every
   * row it binds, and printf was a tenth of that */
  *--p = '\0';
  if (places > 0)
    {
      for (guint i = 0; i < places; i++, fp /= 10)
        *--p = (char) ('0' + fp % 10);
      *--p = '.';
    }
  do
    *--p = (char) ('0' + ip % 10);
  while ((ip /= 10) != 0);
  if (r < 0)
    *--p = '-';
  g_strlcpy (buf, p, size);
}

/**
 * outlay_decimal_to_string:
 * @value: a decimal
 * @places: decimal places (0–4)
 *
 * Returns: (transfer full): the plain form, "1234.50"
 */
char *
outlay_decimal_to_string (OutlayDecimal value,
                          guint         places)
{
  char buf[40];

  outlay_decimal_to_buffer (value, places, buf, sizeof buf);
  return g_strdup (buf);
}

/**
 * outlay_decimal_to_string_trim:
 * @value: a decimal
 *
 * Returns: (transfer full): the shortest exact plain form, "12.5", "3"
 */
char *
outlay_decimal_to_string_trim (OutlayDecimal value)
{
  char buf[40];
  gsize n;

  outlay_decimal_to_buffer (value, OUTLAY_DECIMAL_PLACES, buf, sizeof buf);
  n = strlen (buf);
  while (buf[n - 1] == '0')
    buf[--n] = '\0';
  if (buf[n - 1] == '.')
    buf[--n] = '\0';
  return g_strdup (buf);
}

/**
 * outlay_decimal_format:
 * @value: a decimal
 * @places: decimal places (0–4)
 * @decimal_mark: the decimal mark, e.g. "." or ","
 * @group_mark: (nullable): the thousands separator, or %NULL for none
 *
 * Returns: (transfer full): @value for display, "-1,234.50"
 */
char *
outlay_decimal_format (OutlayDecimal  value,
                       guint          places,
                       const char    *decimal_mark,
                       const char    *group_mark)
{
  char plain[40];
  const char *digits, *point;
  GString *out = g_string_new (NULL);
  gsize int_len;

  outlay_decimal_to_buffer (value, places, plain, sizeof plain);
  digits = plain[0] == '-' ? plain + 1 : plain;
  if (plain[0] == '-')
    g_string_append_c (out, '-');
  point = strchr (digits, '.');
  int_len = point != NULL ? (gsize) (point - digits) : strlen (digits);
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0 && group_mark != NULL)
        g_string_append (out, group_mark);
      g_string_append_c (out, digits[i]);
    }
  if (point != NULL)
    {
      g_string_append (out, decimal_mark);
      g_string_append (out, point + 1);
    }
  return g_string_free (out, FALSE);
}

/**
 * outlay_decimal_format_locale:
 * @value: a decimal
 * @places: decimal places (0–4)
 *
 * Returns: (transfer full): @value with the user's decimal mark and
 *   grouping (LC_NUMERIC)
 */
char *
outlay_decimal_format_locale (OutlayDecimal value,
                              guint         places)
{
  const struct lconv *lc = localeconv ();
  const char *mark = (lc->decimal_point && *lc->decimal_point) ? lc->decimal_point : ".";
  const char *group = (lc->thousands_sep && *lc->thousands_sep) ? lc->thousands_sep : NULL;

  return outlay_decimal_format (value, places, mark, group);
}

/**
 * outlay_decimal_add:
 * @a: a decimal
 * @b: a decimal
 * @out: (out): @a + @b
 *
 * Returns: %FALSE if the sum would overflow (then @out is unchanged)
 */
gboolean
outlay_decimal_add (OutlayDecimal  a,
                    OutlayDecimal  b,
                    OutlayDecimal *out)
{
  return narrow ((wide) a + b, out);
}

/**
 * outlay_decimal_sub:
 * @a: a decimal
 * @b: a decimal
 * @out: (out): @a - @b
 *
 * Returns: %FALSE on overflow
 */
gboolean
outlay_decimal_sub (OutlayDecimal  a,
                    OutlayDecimal  b,
                    OutlayDecimal *out)
{
  return narrow ((wide) a - b, out);
}

/**
 * outlay_decimal_mul:
 * @a: a decimal
 * @b: a decimal
 * @out: (out): @a × @b, rounded half away from zero to four places
 *
 * Returns: %FALSE on overflow
 */
gboolean
outlay_decimal_mul (OutlayDecimal  a,
                    OutlayDecimal  b,
                    OutlayDecimal *out)
{
  return narrow (div_round ((wide) a * b, OUTLAY_DECIMAL_SCALE), out);
}

/**
 * outlay_decimal_div:
 * @a: a decimal
 * @b: a decimal
 * @out: (out): @a ÷ @b, rounded half away from zero to four places
 *
 * Returns: %FALSE if @b is zero or the result overflows
 */
gboolean
outlay_decimal_div (OutlayDecimal  a,
                    OutlayDecimal  b,
                    OutlayDecimal *out)
{
  if (b == 0)
    return FALSE;
  return narrow (div_round ((wide) a * OUTLAY_DECIMAL_SCALE, b), out);
}

/**
 * outlay_decimal_mul_div:
 * @a: a decimal
 * @b: a decimal
 * @c: a decimal
 * @out: (out): @a × @b ÷ @c, computed exactly and rounded once, half away
 *   from zero, to four places
 *
 * For ratios of amounts ("the rest of the budget at the cost rate so
 * far", (BAC − EV) × AC ÷ EV) without rounding the ratio first.
 *
 * Returns: %FALSE if @c is zero or the result overflows
 */
gboolean
outlay_decimal_mul_div (OutlayDecimal a, OutlayDecimal b, OutlayDecimal c, OutlayDecimal *out)
{
  if (c == 0)
    return FALSE;
  return narrow (div_round ((wide) a * b, c), out);
}

/**
 * outlay_decimal_percent_of:
 * @base: an amount
 * @percent: a percentage, 12.5 for 12.5 %
 * @out: (out): @percent % of @base
 *
 * Returns: %FALSE on overflow
 */
gboolean
outlay_decimal_percent_of (OutlayDecimal  base,
                           OutlayDecimal  percent,
                           OutlayDecimal *out)
{
  return narrow (div_round ((wide) base * percent, OUTLAY_DECIMAL_SCALE * 100), out);
}

/**
 * outlay_decimal_as_percent:
 * @part: an amount
 * @whole: the amount it is a part of
 * @out: (out): @part as a percentage of @whole (50.0 for a half)
 *
 * Returns: %FALSE if @whole is zero or on overflow
 */
gboolean
outlay_decimal_as_percent (OutlayDecimal  part,
                           OutlayDecimal  whole,
                           OutlayDecimal *out)
{
  if (whole == 0)
    return FALSE;
  return narrow (div_round ((wide) part * 100 * OUTLAY_DECIMAL_SCALE, whole), out);
}

/**
 * outlay_decimal_roi_percent:
 * @value: what the money brought (or is expected to)
 * @cost: what it cost
 * @out: (out): the return on investment, (value − cost) ÷ cost, as a
 *   percentage (50.0 when the value is one and a half times the cost)
 *
 * Returns: %FALSE if @cost is not above zero or on overflow
 */
gboolean
outlay_decimal_roi_percent (OutlayDecimal value, OutlayDecimal cost, OutlayDecimal *out)
{
  if (cost <= 0)
    return FALSE;
  return narrow (div_round (((wide) value - cost) * 100 * OUTLAY_DECIMAL_SCALE, cost), out);
}

/**
 * outlay_decimal_compare:
 * @a: a decimal
 * @b: a decimal
 *
 * Returns: negative, zero or positive as @a is less, equal or greater
 */
int
outlay_decimal_compare (OutlayDecimal a,
                        OutlayDecimal b)
{
  return (a > b) - (a < b);
}
