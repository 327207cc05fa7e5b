/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-import-text"

/* Reading cell texts the way the import analysis needs: is it a number,
 * a date, a code, a total's label, a section heading?  All of it runs for
 * every row of an import, so nothing here allocates except the section
 * names that outlay_import_parse_section() returns. */

#include "config.h"

#include <string.h>

#include "outlay-import-private.h"

/* ---- cells ---- */

static gboolean
is_space_at (const char *p, const char *end, gsize *n)
{
  const guchar *u = (const guchar *) p;

  if (p >= end)
    return FALSE;
  if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    return (*n = 1, TRUE);
  /* no-break space, narrow no-break space, thin space */
  if (end - p >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
    return (*n = 2, TRUE);
  if (end - p >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xAF || u[2] == 0x89))
    return (*n = 3, TRUE);
  return FALSE;
}

void
outlay_import_trim (const char **start,
                    const char **end)
{
  gsize n;

  while (is_space_at (*start, *end, &n))
    *start += n;
  while (*end > *start)
    {
      const char *p = *end - 1;

      while (p > *start && ((guchar) *p & 0xC0) == 0x80)
        p--;
      if (!is_space_at (p, *end, &n) || p + n != *end)
        break;
      *end = p;
    }
}

/* A currency sign at @p: $, €, £, ¥, ₹ or an upper-case ISO code. */
static gsize
currency_at (const char *p, const char *end)
{
  const guchar *u = (const guchar *) p;

  if (p >= end)
    return 0;
  if (*p == '$')
    return 1;
  if (end - p >= 2 && u[0] == 0xC2 && (u[1] == 0xA3 || u[1] == 0xA5))
    return 2;
  if (end - p >= 3 && u[0] == 0xE2 && u[1] == 0x82 && (u[2] == 0xAC || u[2] == 0xB9))
    return 3;
  if (end - p >= 3 && g_ascii_isupper (p[0]) && g_ascii_isupper (p[1]) && g_ascii_isupper (p[2])
      && (end - p == 3 || !g_ascii_isalpha (p[3])))
    return 3;
  return 0;
}

static gboolean
strip_prefix_decoration (const char **p, const char *end)
{
  gsize n;

  if (*p < end && (**p == '+' || **p == '-' || **p == '('))
    return (*p += 1, TRUE);
  if ((n = currency_at (*p, end)) > 0)
    return (*p += n, TRUE);
  if (is_space_at (*p, end, &n))
    return (*p += n, TRUE);
  return FALSE;
}

static gboolean
strip_suffix_decoration (const char *start, const char **end)
{
  const char *e = *end;
  gsize n;

  if (e <= start)
    return FALSE;
  if (e[-1] == '%' || e[-1] == ')' || e[-1] == '-' || e[-1] == '+' || e[-1] == '$'
      || e[-1] == ' ')
    return (*end -= 1, TRUE);
  for (gsize k = 2; k <= 3; k++)
    if (e - start >= (gssize) k && (currency_at (e - k, e) == k || (is_space_at (e - k, e, &n) && n == k)))
      return (*end -= k, TRUE);
  if (e - start >= 4 && currency_at (e - 3, e) == 3 && !g_ascii_isalpha (e[-4]))
    return (*end -= 3, TRUE);
  return FALSE;
}

/**
 * outlay_import_text_is_number:
 *
 * Whether the text is a number as spreadsheets write them; what
 * outlay_decimal_parse_full() reads, give or take grouping checks.
 * Dates ("2025-01-07"), codes ("CC-100") and placeholders ("-") are not.
 */
/* Plain "1234.5", "-1,234": most cells; NULL-free and decoration-free. */
static int
plain_number (const char *text, gsize length)
{
  gboolean digit = FALSE;
  gsize i = (text[0] == '-');

  for (; i < length; i++)
    {
      char c = text[i];

      if (c >= '0' && c <= '9')
        digit = TRUE;
      else if (c != '.' && c != ',')
        return -1; /* look closer */
    }
  return digit;
}

gboolean
outlay_import_text_is_number (const char *text,
                              gsize       length)
{
  const char *p = text, *end = text + length;
  gboolean digit = FALSE, exp = FALSE;
  int plain;

  if (length == 0 || g_ascii_islower (text[0]))
    return FALSE;
  /* a capital can only start a currency code: "EUR 12" */
  if (g_ascii_isupper (text[0]) && (length < 4 || !g_ascii_isupper (text[1]) || !g_ascii_isupper (text[2])))
    return FALSE;
  if ((plain = plain_number (text, length)) >= 0)
    return plain;

  while (strip_prefix_decoration (&p, end))
    ;
  while (strip_suffix_decoration (p, &end))
    ;
  for (; p < end; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if ((*p == 'e' || *p == 'E') && digit && !exp && p + 1 < end)
        {
          exp = TRUE;
          if (p[1] == '+' || p[1] == '-')
            p++;
        }
      else if ((*p != '.' && *p != ',' && *p != '\'' && *p != ' ') || exp)
        {
          gsize n;

          if (!is_space_at (p, end, &n))
            return FALSE;
          p += n - 1;
        }
    }
  return digit;
}

gboolean
outlay_import_cell_is_number (const OutlayCell *cell)
{
  if (cell->kind == OUTLAY_CELL_NUMBER)
    return TRUE;
  return cell->kind == OUTLAY_CELL_STRING && cell->length <= 64
         && outlay_import_text_is_number (cell->text, cell->length);
}

/* "2025-01-07", "07/01/2025", "7.1.25", "2025/01/07 10:00" */
gboolean
outlay_import_text_is_date (const char *text)
{
  guint groups = 0, digits = 0, longest = 0;
  char sep = 0;
  const char *p;

  for (p = text; *p != '\0' && *p != ' ' && *p != 'T'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if ((*p == '-' || *p == '/' || *p == '.') && digits > 0 && (sep == 0 || sep == *p))
        {
          sep = *p;
          groups++;
          longest = MAX (longest, digits);
          digits = 0;
        }
      else
        return FALSE;
    }
  longest = MAX (longest, digits);
  return groups == 2 && digits > 0 && longest <= 4 && (longest == 4 || sep != '.' || digits == 2);
}

gboolean
outlay_import_is_blank (const char *text,
                        gsize       length)
{
  const char *s = text, *e = text + length;

  if (length > 0 && (guchar) text[0] > ' ' && (guchar) text[0] < 0x80)
    return FALSE;

  outlay_import_trim (&s, &e);
  return s == e;
}

gboolean
outlay_import_cell_is_text (const OutlayCell *cell)
{
  return cell->kind == OUTLAY_CELL_STRING && !outlay_import_is_blank (cell->text, cell->length)
         && !outlay_import_cell_is_number (cell) && !outlay_import_text_is_date (cell->text);
}

/* ---- folding ---- */

/* The ASCII letter for a two-byte UTF-8 Latin-1 letter (0xC3 xx), or 0. */
static const char *
fold_latin1 (guchar second)
{
  static const char *const map = "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
  guint i = (second & 0x1F);

  if (second < 0x80 || second > 0xBF)
    return NULL;
  if (second == 0x9F)
    return "ss";
  if (map[i] == '/' || (second < 0xA0 && (i == 0x17 || i == 0x1E)))
    return NULL;
  return map + i;
}

gsize
outlay_import_fold (const char *text,
                    gsize       length,
                    char       *buf,
                    gsize       size)
{
  gsize n = 0;
  gboolean space = TRUE;

  g_assert (size > 0);
  for (gsize i = 0; i < length && n + 2 < size; i++)
    {
      guchar c = text[i];
      const char *f = NULL;

      if (c == 0xC3 && i + 1 < length && (f = fold_latin1 (text[i + 1])) != NULL)
        {
          buf[n++] = f[0];
          if (text[i + 1] == (char) 0x9F)
            buf[n++] = 's';
          i++;
          space = FALSE;
        }
      else if (c >= 0x80 || g_ascii_isalnum (c))
        {
          buf[n++] = g_ascii_tolower (c);
          space = FALSE;
        }
      else if (!space)
        {
          buf[n++] = ' ';
          space = TRUE;
        }
    }
  while (n > 0 && buf[n - 1] == ' ')
    n--;
  buf[n] = '\0';
  return n;
}

/* ---- totals ---- */

static const char * const subtotal_words[] = {
  "subtotal", "sub total", "zwischensumme", "sous total", "subtotale", "teilsumme",
  "zwischentotal", "subtotaal",
};

/* Always the grand total. */
static const char * const grand_words[] = {
  "grand total", "grandtotal", "total general", "totale generale", "total geral", "gran total",
  "gesamtsumme", "endsumme", "gesamtbetrag", "total due", "amount due", "balance due",
  "total a payer", "overall total", "sum total", "suma total", "importe total", "montant total",
  "total budget", "budget total", "project total", "totals",
};

/* The total alone, a subtotal with a name after or before them. */
static const char * const total_words[] = {
  "total", "summe", "gesamt", "sum", "suma", "totale", "totaal",
};

/* Words after "Total" that mean the whole file rather than one section. */
static const char * const whole_words[] = {
  "budget", "direct", "indirect", "cost", "costs", "project", "amount", "all", "overall",
  "production", "general", "estimate", "estimated", "expenses", "bid", "job", "net", "gross",
  "due", "incl", "including", "excl", "excluding", "before", "after", "with", "sheet", "page",
  "usd", "eur", "gbp", "budgeted", "actual", "spent", "hours", "above", "fees", "price",
};

static gboolean
word_is (const char *s, gsize len, const char *word)
{
  return strlen (word) == len && memcmp (s, word, len) == 0;
}

static gboolean
starts_with_word (const char *s, const char *word, const char **rest)
{
  gsize n = strlen (word);

  if (strncmp (s, word, n) != 0 || (s[n] != '\0' && s[n] != ' '))
    return FALSE;
  *rest = s[n] == ' ' ? s + n + 1 : s + n;
  return TRUE;
}

static gboolean
in_words (const char *s, gsize len, const char * const *list, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (word_is (s, len, list[i]))
      return TRUE;
  return FALSE;
}

/* Whether the first word of @s says "the whole budget". */
static gboolean
first_word_is_whole (const char *s)
{
  const char *sp = strchr (s, ' ');
  gsize len = sp != NULL ? (gsize) (sp - s) : strlen (s);

  return in_words (s, len, whole_words, G_N_ELEMENTS (whole_words));
}

/* "Travel total", "Section A subtotal", "Budget total" */
static OutlayTotalWord
total_at_end (const char *f)
{
  const char *sp = strrchr (f, ' ');

  if (sp == NULL)
    return OUTLAY_TOTAL_NONE;
  if (in_words (sp + 1, strlen (sp + 1), subtotal_words, G_N_ELEMENTS (subtotal_words)))
    return OUTLAY_TOTAL_SUBTOTAL;
  if (!in_words (sp + 1, strlen (sp + 1), total_words, G_N_ELEMENTS (total_words)))
    return OUTLAY_TOTAL_NONE;
  return strchr (f, ' ') == sp && first_word_is_whole (f) ? OUTLAY_TOTAL_GRAND
                                                          : OUTLAY_TOTAL_SUBTOTAL;
}

/**
 * outlay_import_total_word:
 *
 * "Subtotal", "Sub-total", "Zwischensumme", "Total A: Crew", "Total Travel",
 * "Travel total" are subtotals; "TOTAL", "GRAND TOTAL", "Total budget",
 * "Total direct costs", "Summe", "Gesamt", "Total général" the total.
 */
/* Whether the text may hold "tot", "sum", "due" or "ges", before folding it. */
static gboolean
may_be_total (const char *text, gsize length)
{
  length = MIN (length, (gsize) 64);
  for (gsize i = 0; i + 2 < length; i++)
    {
      char a = text[i] | 0x20, b = text[i + 1] | 0x20, c = text[i + 2] | 0x20;

      if ((a == 't' && b == 'o' && c == 't') || (a == 's' && b == 'u' && c == 'm')
          || (a == 'd' && b == 'u' && c == 'e') || (a == 'g' && b == 'e' && c == 's'))
        return TRUE;
    }
  return FALSE;
}

OutlayTotalWord
outlay_import_total_word (const char *text,
                          gsize       length,
                          gboolean   *whole)
{
  char f[72];
  gsize n;
  const char *rest;

  *whole = FALSE;
  if (!may_be_total (text, length))
    return OUTLAY_TOTAL_NONE;
  n = outlay_import_fold (text, MIN (length, (gsize) 64), f, sizeof f);
  if (n == 0 || n > 60)
    return OUTLAY_TOTAL_NONE;
  for (gsize i = 0; i < G_N_ELEMENTS (subtotal_words); i++)
    if (starts_with_word (f, subtotal_words[i], &rest))
      return (*whole = (*rest == '\0'), OUTLAY_TOTAL_SUBTOTAL);
  for (gsize i = 0; i < G_N_ELEMENTS (grand_words); i++)
    if (starts_with_word (f, grand_words[i], &rest))
      return (*whole = (*rest == '\0'), OUTLAY_TOTAL_GRAND);
  for (gsize i = 0; i < G_N_ELEMENTS (total_words); i++)
    if (starts_with_word (f, total_words[i], &rest))
      {
        *whole = (*rest == '\0');
        return *whole || first_word_is_whole (rest) ? OUTLAY_TOTAL_GRAND : OUTLAY_TOTAL_SUBTOTAL;
      }
  return total_at_end (f);
}

/* ---- codes and section headings ---- */

gboolean
outlay_import_text_is_code (const char *text,
                            gsize       length)
{
  const char *s = text, *e = text + length;
  guint digits = 0, upper = 0, lower = 0, roman = 0;

  outlay_import_trim (&s, &e);
  if (s == e || e - s > 12)
    return FALSE;
  for (const char *p = s; p < e; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (g_ascii_isupper (*p))
        upper++, roman += (strchr ("IVXLC", *p) != NULL);
      else if (g_ascii_islower (*p))
        lower++;
      else if (*p != '.' && *p != '-' && *p != '/' && *p != '_')
        return FALSE;
    }
  if (digits > 0)
    return lower <= 1 || (upper + lower) <= 3;
  if (upper + lower == 1)
    return TRUE;
  return lower == 0 && (upper <= 2 || roman == upper);
}

static const char * const section_prefixes[] = {
  "section", "sect", "sec", "part", "group", "category", "phase", "department", "dept",
  "account", "acct", "abschnitt", "kapitel", "teil", "gruppe", "bereich", "partie",
  "chapitre", "titre", "seccion", "capitulo", "grupo", "fase", "chapter", "division",
};

static const char * const note_starts[] = {
  "note", "notes", "nb", "please", "prepared", "printed", "page", "source", "remarks",
  "comment", "comments", "hinweis", "anmerkung", "remarque", "all amounts", "amounts in",
  "all figures", "figures in", "created", "generated", "last updated", "updated",
  "version", "confidential", "draft",
};

static gsize
leading_word (const char *s, const char *e)
{
  const char *p = s;

  while (p < e && (g_ascii_isalnum (*p) || ((guchar) *p >= 0x80)))
    p++;
  return p - s;
}

/* "Section 3 - Travel" → "3 - Travel" when a code follows the word. */
static const char *
skip_section_prefix (const char *s, const char *e)
{
  char f[24];
  gsize n = leading_word (s, e);
  const char *p = s + n;

  if (n == 0 || n > 16)
    return s;
  outlay_import_fold (s, n, f, sizeof f);
  if (!in_words (f, strlen (f), section_prefixes, G_N_ELEMENTS (section_prefixes)))
    return s;
  if (p < e && *p == '.')
    p++;
  while (p < e && *p == ' ')
    p++;
  return p;
}

static gboolean
is_separator (const char *p, const char *e, gsize *n)
{
  const guchar *u = (const guchar *) p;

  if (p >= e)
    return FALSE;
  if (*p == ':' || *p == ')' || *p == '-' || *p == '|' || *p == '.' || *p == '=')
    return (*n = 1, TRUE);
  /* en and em dashes */
  if (e - p >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x93 || u[2] == 0x94))
    return (*n = 3, TRUE);
  return FALSE;
}

/* Splits "A: Name", "(A) Name", "A. Name", "1100 NAME", "1.2 - Name";
 * @code_end is where the code stops and @name where the name starts. */
static gboolean
split_code (const char *s, const char *e, const char **code, const char **code_end,
            const char **name)
{
  const char *p, *t = s, *te;
  gboolean explicit = FALSE, letters = TRUE;
  gsize n = 1;

  if (*t == '(' || *t == '[' || *t == '#')
    t++;
  for (p = t; p < e && (g_ascii_isalnum (*p) || *p == '.' || *p == '-' || *p == '/' || *p == '_'); p++)
    letters &= !g_ascii_isdigit (*p);
  te = p;
  while (te > t && (te[-1] == '.' || te[-1] == '-'))
    te--, explicit = TRUE;
  if (te == t || !outlay_import_text_is_code (t, te - t))
    return FALSE;
  while (p < e && (*p == ' ' || *p == ']' || is_separator (p, e, &n)))
    {
      explicit |= (*p != ' ');
      p += (*p == ' ' || *p == ']') ? 1 : n;
    }
  if (p == e || p == te || (letters && !explicit) || (!explicit && *te != ' '))
    return FALSE;
  *code = t, *code_end = te, *name = p;
  return TRUE;
}

/* Copies the text with runs of white space as single spaces, without a
 * trailing colon. */
static char *
clean_name (const char *s, const char *e)
{
  GString *out = g_string_sized_new (e - s);
  gsize n;

  outlay_import_trim (&s, &e);
  while (e > s && (e[-1] == ':' || e[-1] == ' '))
    e--;
  for (const char *p = s; p < e;)
    if (is_space_at (p, e, &n))
      {
        if (out->len > 0 && out->str[out->len - 1] != ' ')
          g_string_append_c (out, ' ');
        p += n;
      }
    else
      g_string_append_c (out, *p++);
  return g_string_free (out, FALSE);
}

/* Whether a text reads as a heading rather than a sentence or a
 * "Label: value" pair. */
static gboolean
looks_like_heading (const char *s, const char *e)
{
  char f[72];
  gsize fl, words = 1;
  const char *colon = memchr (s, ':', e - s);

  if (e - s > 80)
    return FALSE;
  for (const char *p = s; p < e; p++)
    words += (*p == ' ');
  fl = outlay_import_fold (s, MIN ((gsize) (e - s), (gsize) 64), f, sizeof f);
  if (words > 10 || fl == 0 || (e[-1] == '.' && words > 3) || e[-1] == '!' || e[-1] == '?')
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (note_starts); i++)
    {
      const char *rest;

      if (starts_with_word (f, note_starts[i], &rest))
        return FALSE;
    }
  /* "Client: Northwind" is a label and its value */
  return colon == NULL || colon + 1 >= e || colon[1] == '\0';
}

gboolean
outlay_import_parse_section (const char  *text,
                             char       **code,
                             char       **name)
{
  const char *s = text, *e, *c, *ce, *n;

  g_return_val_if_fail (text != NULL, FALSE);
  if (code != NULL)
    *code = NULL;
  if (name != NULL)
    *name = NULL;
  e = s + strlen (s);
  outlay_import_trim (&s, &e);
  if (s == e)
    return FALSE;
  if (split_code (skip_section_prefix (s, e), e, &c, &ce, &n))
    {
      if (!looks_like_heading (n, e))
        return FALSE;
      if (code != NULL)
        *code = g_strndup (c, ce - c);
      if (name != NULL)
        *name = clean_name (n, e);
      return TRUE;
    }
  if (!looks_like_heading (s, e) || outlay_import_text_is_number (s, e - s))
    return FALSE;
  if (name != NULL)
    *name = clean_name (s, e);
  return TRUE;
}
