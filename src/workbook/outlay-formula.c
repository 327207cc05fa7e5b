/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-formula"

#include "config.h"

#include <string.h>

#include "outlay-formula.h"

/* Recursive descent, Excel precedence: unary minus, then %, then ^, then
 * * and /, then + and -.  Every helper returns FALSE as soon as the
 * formula cannot be evaluated exactly; the caller shows #VALUE!. */

#define MAX_DEPTH   64
#define MAX_COLUMNS 16384
#define MAX_ROWS    (1048576u * 16u)
/* Cells the store keeps (16 bytes each) before it stops remembering. */
#define MAX_STORED  (2u * 1024u * 1024u)

typedef struct
{
  const char           *p;
  const char           *end;
  OutlayFormulaContext *ctx;
  guint                 depth;
} Parser;

typedef struct
{
  guint row0;
  guint col0;
} Ref;

typedef struct
{
  OutlayDecimal sum;
  OutlayDecimal min;
  OutlayDecimal max;
  guint         count;
} Agg;

typedef enum
{
  FN_SUM,
  FN_MIN,
  FN_MAX,
  FN_AVERAGE,
  FN_ROUND,
  FN_ABS,
} Function;

static const struct
{
  const char *name;
  Function    fn;
} functions[] = {
  { "SUM", FN_SUM },
  { "MIN", FN_MIN },
  { "MAX", FN_MAX },
  { "AVERAGE", FN_AVERAGE },
  { "ROUND", FN_ROUND },
  { "ABS", FN_ABS },
};

static gboolean parse_expr (Parser *ps, OutlayDecimal *out);

/* ---- numbers ---- */

static gboolean
parse_number_fast (const char *p, const char *end, OutlayDecimal *out)
{
  gboolean neg = FALSE, seen_digit = FALSE;
  gint64 ip = 0, frac = 0;
  guint int_digits = 0, frac_digits = 0, round_digit = 0;

  if (p < end && (*p == '-' || *p == '+'))
    neg = *p++ == '-';
  for (; p < end && g_ascii_isdigit (*p); p++, seen_digit = TRUE)
    {
      if (int_digits == 0 && *p == '0')
        continue;
      if (++int_digits > 14)
        return FALSE;
      ip = ip * 10 + (*p - '0');
    }
  if (p < end && *p == '.')
    for (p++; p < end && g_ascii_isdigit (*p); p++, seen_digit = TRUE)
      {
        if (frac_digits < OUTLAY_DECIMAL_PLACES)
          frac = frac * 10 + (*p - '0');
        else if (frac_digits == OUTLAY_DECIMAL_PLACES)
          round_digit = *p - '0';
        frac_digits++;
      }
  if (p != end || !seen_digit)
    return FALSE;
  for (; frac_digits < OUTLAY_DECIMAL_PLACES; frac_digits++)
    frac *= 10;
  ip = ip * OUTLAY_DECIMAL_SCALE + frac + (round_digit >= 5 ? 1 : 0);
  *out = neg ? -ip : ip;
  return TRUE;
}

/**
 * outlay_formula_parse_number:
 * @text: a number as a spreadsheet stores it, C locale
 * @length: bytes of @text
 * @out: (out): the value, rounded half away from zero to four places
 *
 * Returns: %FALSE if @text is not a number or is out of range
 */
gboolean
outlay_formula_parse_number (const char    *text,
                             gsize          length,
                             OutlayDecimal *out)
{
  gboolean digit = FALSE, in_integer = TRUE, exponent = FALSE;
  guint integer_digits = 0;

  if (parse_number_fast (text, text + length, out))
    return TRUE;
  /* the long forms only ("1E-3", 15 digits), never "1,5" or "$1" */
  for (gsize i = 0; i < length; i++)
    {
      if (strchr ("0123456789.eE+-", text[i]) == NULL || text[i] == '\0')
        return FALSE;
      digit |= g_ascii_isdigit (text[i]);
      exponent |= text[i] == 'e' || text[i] == 'E';
      in_integer &= text[i] != '.' && !exponent;
      if (in_integer && g_ascii_isdigit (text[i]) && (integer_digits > 0 || text[i] != '0'))
        integer_digits++;
    }
  /* past ±922 trillion without an exponent: out of range */
  if (!digit || (!exponent && integer_digits > 15))
    return FALSE;
  return outlay_decimal_parse_full (text, length, OUTLAY_DECIMAL_STYLE_POINT, out, NULL, NULL);
}

/**
 * outlay_formula_cell_name:
 * @row0: 0-based row
 * @col0: 0-based column
 * @buf: at least 16 bytes
 *
 * Writes the A1-style name of the cell, "B12".
 */
void
outlay_formula_cell_name (guint  row0,
                          guint  col0,
                          char  *buf)
{
  char letters[8];
  guint n = 0, c = col0 + 1;

  while (c > 0 && n < sizeof letters)
    {
      letters[n++] = 'A' + (c - 1) % 26;
      c = (c - 1) / 26;
    }
  for (guint i = 0; i < n; i++)
    buf[i] = letters[n - 1 - i];
  g_snprintf (buf + n, 16 - n, "%u", row0 + 1);
}

/* ---- lexing ---- */

static void
skip_spaces (Parser *ps)
{
  while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\n' || *ps->p == '\r' || *ps->p == '\t'))
    ps->p++;
}

static gboolean
accept (Parser *ps, char c)
{
  skip_spaces (ps);
  if (ps->p < ps->end && *ps->p == c)
    {
      ps->p++;
      return TRUE;
    }
  return FALSE;
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '.' || c == '$';
}

static gsize
scan_name (Parser *ps)
{
  const char *q = ps->p;

  while (q < ps->end && is_name_char (*q))
    q++;
  return q - ps->p;
}

/* ---- references ---- */

static gboolean
parse_cell_ref (const char *s, gsize len, const OutlayFormulaContext *ctx, Ref *ref)
{
  const char *p = s, *end = s + len;
  gint64 col = 0, row = 0;
  gboolean abs_col = FALSE, abs_row = FALSE;
  guint letters = 0, digits = 0;

  if (p < end && *p == '$')
    abs_col = TRUE, p++;
  for (; p < end && g_ascii_isalpha (*p) && letters < 4; p++, letters++)
    col = col * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  if (p < end && *p == '$')
    abs_row = TRUE, p++;
  for (; p < end && g_ascii_isdigit (*p) && digits < 9; p++, digits++)
    row = row * 10 + (*p - '0');
  if (p != end || letters == 0 || letters > 3 || digits == 0 || row == 0)
    return FALSE;
  col = col - 1 + (abs_col ? 0 : ctx->col_shift);
  row = row - 1 + (abs_row ? 0 : ctx->row_shift);
  if (col < 0 || col >= MAX_COLUMNS || row < 0 || row >= MAX_ROWS)
    return FALSE;
  ref->col0 = (guint) col;
  ref->row0 = (guint) row;
  return TRUE;
}

static gboolean
same_sheet (const OutlayFormulaContext *ctx, const char *name, gsize len)
{
  return ctx->sheet != NULL && strlen (ctx->sheet) == len
         && g_ascii_strncasecmp (ctx->sheet, name, len) == 0;
}

/* 'It''s' → It's, compared with the sheet's name. */
static gboolean
parse_quoted_sheet (Parser *ps)
{
  g_autoptr(GString) name = g_string_new (NULL);

  ps->p++;
  while (ps->p < ps->end)
    {
      if (*ps->p == '\'')
        {
          if (ps->p + 1 < ps->end && ps->p[1] == '\'')
            ps->p++;
          else
            break;
        }
      g_string_append_c (name, *ps->p++);
    }
  if (ps->p + 1 >= ps->end || ps->p[1] != '!')
    return FALSE;
  ps->p += 2;
  return same_sheet (ps->ctx, name->str, name->len);
}

/* [Sheet!]A1 at the cursor; moves past it only on success. */
static gboolean
parse_ref (Parser *ps, Ref *ref)
{
  const char *start;
  gsize len;

  skip_spaces (ps);
  start = ps->p;
  if (ps->p < ps->end && *ps->p == '\'')
    {
      if (!parse_quoted_sheet (ps))
        goto fail;
    }
  len = scan_name (ps);
  if (ps->p + len < ps->end && ps->p[len] == '!')
    {
      if (!same_sheet (ps->ctx, ps->p, len))
        goto fail;
      ps->p += len + 1;
      len = scan_name (ps);
    }
  if (!parse_cell_ref (ps->p, len, ps->ctx, ref))
    goto fail;
  ps->p += len;
  return TRUE;

fail:
  ps->p = start;
  return FALSE;
}

static OutlayFormulaCellKind
visit (Parser *ps, guint row0, guint col0, OutlayDecimal *value)
{
  if (ps->ctx->budget == 0)
    return OUTLAY_FORMULA_CELL_UNKNOWN;
  ps->ctx->budget--;
  *value = 0;
  return ps->ctx->lookup (row0, col0, ps->ctx->data, value);
}

/* ---- aggregates ---- */

static void
agg_add (Agg *agg, OutlayDecimal v, gboolean *ok)
{
  if (!outlay_decimal_add (agg->sum, v, &agg->sum))
    *ok = FALSE;
  if (agg->count == 0 || v < agg->min)
    agg->min = v;
  if (agg->count == 0 || v > agg->max)
    agg->max = v;
  agg->count++;
}

static gboolean
agg_range (Parser *ps, const Ref *a, const Ref *b, Agg *agg)
{
  guint r1 = MIN (a->row0, b->row0), r2 = MAX (a->row0, b->row0);
  guint c1 = MIN (a->col0, b->col0), c2 = MAX (a->col0, b->col0);
  gboolean ok = TRUE;

  for (guint r = r1; r <= r2 && ok; r++)
    for (guint c = c1; c <= c2 && ok; c++)
      {
        OutlayDecimal v;

        switch (visit (ps, r, c, &v))
          {
          case OUTLAY_FORMULA_CELL_NUMBER:
            agg_add (agg, v, &ok);
            break;
          case OUTLAY_FORMULA_CELL_EMPTY:
          case OUTLAY_FORMULA_CELL_TEXT:
            break;
          case OUTLAY_FORMULA_CELL_UNKNOWN:
          default:
            return FALSE;
          }
      }
  return ok;
}

/* One argument of SUM & co: a range, a lone reference (whose text is
 * skipped like a range's) or any expression. */
static gboolean
parse_agg_arg (Parser *ps, Agg *agg)
{
  const char *start = ps->p;
  Ref a, b;
  OutlayDecimal v;
  gboolean ok = TRUE;

  if (parse_ref (ps, &a))
    {
      if (accept (ps, ':'))
        return parse_ref (ps, &b) && agg_range (ps, &a, &b, agg);
      skip_spaces (ps);
      if (ps->p < ps->end && (*ps->p == ',' || *ps->p == ')'))
        return agg_range (ps, &a, &a, agg);
      ps->p = start;
    }
  if (!parse_expr (ps, &v))
    return FALSE;
  agg_add (agg, v, &ok);
  return ok;
}

static gboolean
finish_agg (Function fn, const Agg *agg, OutlayDecimal *out)
{
  switch (fn)
    {
    case FN_SUM:
      *out = agg->sum;
      return TRUE;
    case FN_MIN:
      *out = agg->count ? agg->min : 0;
      return TRUE;
    case FN_MAX:
      *out = agg->count ? agg->max : 0;
      return TRUE;
    case FN_AVERAGE:
      return agg->count > 0
             && outlay_decimal_div (agg->sum, OUTLAY_DECIMAL_FROM_INT (agg->count), out);
    case FN_ROUND:
    case FN_ABS:
    default:
      return FALSE;
    }
}

/* ROUND (x, n) for any n: away from zero at the nth place, like Excel. */
static gboolean
round_to (OutlayDecimal x, OutlayDecimal n, OutlayDecimal *out)
{
  gint64 places, f = 1;
  OutlayDecimal q;

  if (n % OUTLAY_DECIMAL_SCALE != 0)
    n -= n % OUTLAY_DECIMAL_SCALE; /* Excel truncates n */
  places = n / OUTLAY_DECIMAL_SCALE;
  if (places >= OUTLAY_DECIMAL_PLACES)
    {
      *out = x;
      return TRUE;
    }
  if (places < -14)
    {
      *out = 0;
      return TRUE;
    }
  for (gint64 i = places; i < OUTLAY_DECIMAL_PLACES; i++)
    f *= 10;
  q = x / f;
  if ((x % f) * 2 >= f)
    q++;
  else if ((x % f) * 2 <= -f)
    q--;
  return outlay_decimal_mul (OUTLAY_DECIMAL_FROM_INT (q), OUTLAY_DECIMAL_FROM_INT (f) / OUTLAY_DECIMAL_SCALE, out);
}

static gboolean
parse_scalar_args (Parser *ps, OutlayDecimal *args, guint max, guint *n)
{
  *n = 0;
  do
    {
      if (*n == max || !parse_expr (ps, &args[(*n)++]))
        return FALSE;
    }
  while (accept (ps, ','));
  return accept (ps, ')');
}

static gboolean
parse_call (Parser *ps, const char *name, gsize len, OutlayDecimal *out)
{
  OutlayDecimal args[2];
  Agg agg = { 0 };
  guint n, i;

  for (i = 0; i < G_N_ELEMENTS (functions); i++)
    if (strlen (functions[i].name) == len && g_ascii_strncasecmp (functions[i].name, name, len) == 0)
      break;
  if (i == G_N_ELEMENTS (functions) || !accept (ps, '('))
    return FALSE;

  switch (functions[i].fn)
    {
    case FN_ROUND:
      return parse_scalar_args (ps, args, 2, &n) && n == 2 && round_to (args[0], args[1], out);
    case FN_ABS:
      if (!parse_scalar_args (ps, args, 1, &n) || args[0] == OUTLAY_DECIMAL_MIN)
        return FALSE;
      *out = ABS (args[0]);
      return TRUE;
    case FN_SUM:
    case FN_MIN:
    case FN_MAX:
    case FN_AVERAGE:
    default:
      do
        {
          if (!parse_agg_arg (ps, &agg))
            return FALSE;
        }
      while (accept (ps, ','));
      return accept (ps, ')') && finish_agg (functions[i].fn, &agg, out);
    }
}

/* ---- expressions ---- */

static gboolean
parse_number_token (Parser *ps, OutlayDecimal *out)
{
  const char *start = ps->p, *q = ps->p;

  while (q < ps->end && (g_ascii_isdigit (*q) || *q == '.'))
    q++;
  if (q < ps->end && (*q == 'e' || *q == 'E'))
    {
      const char *e = q + 1;

      if (e < ps->end && (*e == '+' || *e == '-'))
        e++;
      if (e < ps->end && g_ascii_isdigit (*e))
        for (q = e; q < ps->end && g_ascii_isdigit (*q); q++)
          ;
    }
  ps->p = q;
  return outlay_formula_parse_number (start, q - start, out);
}

static gboolean
ref_value (Parser *ps, const Ref *ref, OutlayDecimal *out)
{
  switch (visit (ps, ref->row0, ref->col0, out))
    {
    case OUTLAY_FORMULA_CELL_NUMBER:
      return TRUE;
    case OUTLAY_FORMULA_CELL_EMPTY:
      *out = 0;
      return TRUE;
    case OUTLAY_FORMULA_CELL_TEXT:
    case OUTLAY_FORMULA_CELL_UNKNOWN:
    default:
      return FALSE;
    }
}

static gboolean
parse_primary (Parser *ps, OutlayDecimal *out)
{
  const char *name;
  gsize len;
  Ref ref;

  skip_spaces (ps);
  if (ps->p >= ps->end)
    return FALSE;
  if (*ps->p == '(')
    {
      ps->p++;
      return parse_expr (ps, out) && accept (ps, ')');
    }
  if (g_ascii_isdigit (*ps->p) || *ps->p == '.')
    return parse_number_token (ps, out);
  if (parse_ref (ps, &ref))
    return !accept (ps, ':') && ref_value (ps, &ref, out);

  name = ps->p;
  len = scan_name (ps);
  if (len == 0)
    return FALSE;
  ps->p += len;
  if ((len == 4 && g_ascii_strncasecmp (name, "TRUE", 4) == 0)
      || (len == 5 && g_ascii_strncasecmp (name, "FALSE", 5) == 0))
    {
      skip_spaces (ps);
      *out = len == 4 ? OUTLAY_DECIMAL_ONE : 0;
      return ps->p >= ps->end || *ps->p != '(';
    }
  return parse_call (ps, name, len, out);
}

static gboolean
parse_unary (Parser *ps, OutlayDecimal *out)
{
  gboolean ok;

  if (++ps->depth > MAX_DEPTH)
    return FALSE;
  if (accept (ps, '-'))
    {
      ok = parse_unary (ps, out) && *out != OUTLAY_DECIMAL_MIN;
      *out = -*out;
    }
  else if (accept (ps, '+'))
    ok = parse_unary (ps, out);
  else
    ok = parse_primary (ps, out);
  ps->depth--;
  return ok;
}

static gboolean
parse_percent (Parser *ps, OutlayDecimal *out)
{
  if (!parse_unary (ps, out))
    return FALSE;
  while (accept (ps, '%'))
    if (!outlay_decimal_div (*out, OUTLAY_DECIMAL_FROM_INT (100), out))
      return FALSE;
  return TRUE;
}

/* x ^ n for a whole n; anything else is not exact. */
static gboolean
power (OutlayDecimal x, OutlayDecimal n, OutlayDecimal *out)
{
  gint64 k;
  OutlayDecimal r = OUTLAY_DECIMAL_ONE;

  if (n % OUTLAY_DECIMAL_SCALE != 0)
    return FALSE;
  k = n / OUTLAY_DECIMAL_SCALE;
  if (k < -64 || k > 64 || (k == 0 && x == 0))
    return FALSE;
  for (gint64 i = 0; i < ABS (k); i++)
    if (!outlay_decimal_mul (r, x, &r))
      return FALSE;
  if (k < 0)
    return outlay_decimal_div (OUTLAY_DECIMAL_ONE, r, out);
  *out = r;
  return TRUE;
}

static gboolean
parse_power (Parser *ps, OutlayDecimal *out)
{
  OutlayDecimal rhs;

  if (!parse_percent (ps, out))
    return FALSE;
  while (accept (ps, '^'))
    if (!parse_percent (ps, &rhs) || !power (*out, rhs, out))
      return FALSE;
  return TRUE;
}

static gboolean
parse_term (Parser *ps, OutlayDecimal *out)
{
  OutlayDecimal rhs;

  if (!parse_power (ps, out))
    return FALSE;
  for (;;)
    {
      if (accept (ps, '*'))
        {
          if (!parse_power (ps, &rhs) || !outlay_decimal_mul (*out, rhs, out))
            return FALSE;
        }
      else if (accept (ps, '/'))
        {
          if (!parse_power (ps, &rhs) || !outlay_decimal_div (*out, rhs, out))
            return FALSE;
        }
      else
        return TRUE;
    }
}

static gboolean
parse_expr (Parser *ps, OutlayDecimal *out)
{
  OutlayDecimal rhs;

  if (++ps->depth > MAX_DEPTH || !parse_term (ps, out))
    return FALSE;
  for (;;)
    {
      if (accept (ps, '+'))
        {
          if (!parse_term (ps, &rhs) || !outlay_decimal_add (*out, rhs, out))
            return FALSE;
        }
      else if (accept (ps, '-'))
        {
          if (!parse_term (ps, &rhs) || !outlay_decimal_sub (*out, rhs, out))
            return FALSE;
        }
      else
        break;
    }
  ps->depth--;
  return TRUE;
}

/**
 * outlay_formula_eval:
 * @formula: the formula, with or without its leading '='
 * @length: bytes of @formula, or -1 when nul-terminated
 * @ctx: the sheet, how to read its cells, and the budget of cell visits
 * @out: (out): the value
 *
 * Evaluates @formula exactly in decimal.
 *
 * Returns: %FALSE if the formula uses anything unsupported, refers to a
 *   cell that is not known, is malformed, divides by zero or overflows
 */
gboolean
outlay_formula_eval (const char           *formula,
                     gssize                length,
                     OutlayFormulaContext *ctx,
                     OutlayDecimal        *out)
{
  Parser ps;
  OutlayDecimal v;

  g_return_val_if_fail (formula != NULL, FALSE);
  g_return_val_if_fail (ctx != NULL && ctx->lookup != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  ps.p = formula;
  ps.end = formula + (length < 0 ? strlen (formula) : (gsize) length);
  ps.ctx = ctx;
  ps.depth = 0;
  skip_spaces (&ps);
  if (ps.p < ps.end && *ps.p == '=')
    ps.p++;
  if (!parse_expr (&ps, &v))
    return FALSE;
  skip_spaces (&ps);
  if (ps.p != ps.end)
    return FALSE;
  *out = v;
  return TRUE;
}

/* ---- the store of values read so far ---- */

typedef struct
{
  guint32 col0;
  guint32 kind;
  gint64  value;
} StoredCell;

typedef struct
{
  guint row0;
  guint start;
} StoredRow;

struct _OutlayCellStore
{
  StoredCell *cells;
  guint       n_cells;
  guint       size;
  GArray     *rows;
  guint     row0;
  guint     col0;      /* cells of the current row at or after it are unknown */
  guint     full_from; /* rows at or after it are unknown, once full */
  gboolean  started;
  gboolean  full;
  gboolean  disabled;
};

OutlayCellStore *
outlay_cell_store_new (void)
{
  OutlayCellStore *store = g_new0 (OutlayCellStore, 1);

  store->size = 1024;
  store->cells = g_new (StoredCell, store->size);
  store->rows = g_array_sized_new (FALSE, FALSE, sizeof (StoredRow), 256);
  return store;
}

void
outlay_cell_store_free (OutlayCellStore *store)
{
  if (store == NULL)
    return;
  g_free (store->cells);
  g_array_unref (store->rows);
  g_free (store);
}

void
outlay_cell_store_begin_row (OutlayCellStore *store,
                             guint            row0)
{
  if (store->started && row0 <= store->row0)
    store->disabled = TRUE;
  store->started = TRUE;
  store->row0 = row0;
  store->col0 = 0;
}

void
outlay_cell_store_set_column (OutlayCellStore *store,
                              guint            col0)
{
  store->col0 = col0;
}

void
outlay_cell_store_add (OutlayCellStore       *store,
                       guint                  col0,
                       OutlayFormulaCellKind  kind,
                       OutlayDecimal          value)
{
  StoredCell cell = { col0, kind, value };
  StoredRow *last;

  store->col0 = col0 + 1;
  if (kind == OUTLAY_FORMULA_CELL_EMPTY || store->full || store->disabled)
    return;
  if (store->n_cells >= MAX_STORED)
    {
      store->full = TRUE;
      store->full_from = store->row0;
      return;
    }
  last = store->rows->len ? &g_array_index (store->rows, StoredRow, store->rows->len - 1) : NULL;
  if (last == NULL || last->row0 != store->row0)
    {
      StoredRow row = { store->row0, store->n_cells };

      g_array_append_val (store->rows, row);
    }
  if (store->n_cells == store->size)
    {
      store->size *= 2;
      store->cells = g_renew (StoredCell, store->cells, store->size);
    }
  store->cells[store->n_cells++] = cell;
}

static const StoredRow *
find_row (const OutlayCellStore *store, guint row0, guint *end)
{
  const StoredRow *rows = (const StoredRow *) (gpointer) store->rows->data;
  guint lo = 0, hi = store->rows->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (rows[mid].row0 < row0)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == store->rows->len || rows[lo].row0 != row0)
    return NULL;
  *end = lo + 1 < store->rows->len ? rows[lo + 1].start : store->n_cells;
  return &rows[lo];
}

OutlayFormulaCellKind
outlay_cell_store_lookup (guint          row0,
                          guint          col0,
                          gpointer       data,
                          OutlayDecimal *value)
{
  const OutlayCellStore *store = data;
  const StoredCell *cells = store->cells;
  const StoredRow *row;
  guint lo, hi, end;

  if (store->disabled || !store->started || row0 > store->row0
      || (row0 == store->row0 && col0 >= store->col0)
      || (store->full && row0 >= store->full_from))
    return OUTLAY_FORMULA_CELL_UNKNOWN;
  row = find_row (store, row0, &end);
  if (row == NULL)
    return OUTLAY_FORMULA_CELL_EMPTY;
  for (lo = row->start, hi = end; lo < hi;)
    {
      guint mid = lo + (hi - lo) / 2;

      if (cells[mid].col0 < col0)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == end || cells[lo].col0 != col0)
    return OUTLAY_FORMULA_CELL_EMPTY;
  *value = cells[lo].value;
  return cells[lo].kind;
}
