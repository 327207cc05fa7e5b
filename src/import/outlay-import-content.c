/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-import-content"

/* What the data rows below the header say about each column: a column
 * named like an amount that holds text loses; a column of numbers equal
 * to qty × rate on every row is the estimate, whatever its name; a text
 * column with many repeats is a category; numbers counting 1, 2, 3 are
 * line codes.  Without a header this is all there is to go on. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-import-private.h"

#define F(x) OUTLAY_IMPORT_FIELD_##x
#define MAX_DATA_ROWS 200
#define MAX_DISTINCT 256
/* columns compared for qty × rate = estimate (cubed for × multiplier) */
#define MAX_PRODUCT_COLUMNS 16

typedef struct
{
  guint          nonempty, numbers, texts, dates, integers, sequential, codes;
  gsize          text_bytes;
  GHashTable    *distinct;
  OutlayDecimal *values;  /* per data row */
  guint8        *present; /* per data row */
  OutlayDecimal  last;
  gboolean       has_last;
} Profile;

typedef struct
{
  guint    n_rows;  /* data rows profiled */
  guint    n_columns;
  Profile *columns;
} Profiles;

static double *
score_at (OutlayColumnEvidence *ev, guint column, OutlayImportField field)
{
  return &ev->scores[column * OUTLAY_IMPORT_N_FIELDS + field];
}

static void
profile_number (Profile *p, const OutlayCell *cell, guint row, OutlayDecimalStyle style)
{
  OutlayDecimal v;

  p->numbers++;
  if (!outlay_decimal_parse_full (cell->text, cell->length,
                                  cell->kind == OUTLAY_CELL_NUMBER ? OUTLAY_DECIMAL_STYLE_POINT : style,
                                  &v, NULL, NULL))
    return;
  p->values[row] = v;
  p->present[row] = TRUE;
  if (v % OUTLAY_DECIMAL_ONE == 0)
    {
      p->integers++;
      if (p->has_last && v == p->last + OUTLAY_DECIMAL_ONE)
        p->sequential++;
    }
  p->last = v;
  p->has_last = TRUE;
}

static void
profile_cell (Profile *p, const OutlayCell *cell, guint row, OutlayDecimalStyle style)
{
  if (cell->kind == OUTLAY_CELL_EMPTY)
    return;
  if (cell->kind == OUTLAY_CELL_STRING && !outlay_import_cell_is_text (cell)
      && !outlay_import_cell_is_number (cell) && !outlay_import_text_is_date (cell->text))
    return; /* blank */
  p->nonempty++;
  if (outlay_import_cell_is_number (cell))
    profile_number (p, cell, row, style);
  else if (cell->kind == OUTLAY_CELL_DATE
           || (cell->kind == OUTLAY_CELL_STRING && outlay_import_text_is_date (cell->text)))
    p->dates++;
  else if (cell->kind == OUTLAY_CELL_STRING)
    {
      p->texts++;
      p->text_bytes += cell->length;
      p->codes += outlay_import_text_is_code (cell->text, cell->length);
      if (g_hash_table_size (p->distinct) < MAX_DISTINCT)
        g_hash_table_add (p->distinct, g_strndup (cell->text, MIN (cell->length, 64)));
    }
}

/* Rows that can be lines: below the header, not blank, not a total. */
static gboolean
is_data_row (const OutlayRow *row)
{
  guint texts = 0;

  for (guint i = 0; i < row->n_cells && texts < 2; i++)
    {
      const OutlayCell *c = &row->cells[i];
      gboolean whole;

      if (!outlay_import_cell_is_text (c))
        continue;
      texts++;
      if (outlay_import_total_word (c->text, c->length, &whole) != OUTLAY_TOTAL_NONE)
        return FALSE;
    }
  return row->n_cells > 0;
}

static void
profiles_build (Profiles *ps, OutlaySheetSample *sample, guint header_row, guint n_columns,
                OutlayDecimalStyle style)
{
  ps->n_columns = n_columns;
  ps->columns = g_new0 (Profile, n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      ps->columns[c].distinct = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      ps->columns[c].values = g_new0 (OutlayDecimal, MAX_DATA_ROWS);
      ps->columns[c].present = g_new0 (guint8, MAX_DATA_ROWS);
    }
  for (guint i = 0; i < sample->rows->len && ps->n_rows < MAX_DATA_ROWS; i++)
    {
      const OutlayRow *row = sample->rows->pdata[i];

      if (row->number <= header_row || !is_data_row (row))
        continue;
      for (guint k = 0; k < row->n_cells; k++)
        if (row->cells[k].column < n_columns)
          profile_cell (&ps->columns[row->cells[k].column], &row->cells[k], ps->n_rows, style);
      ps->n_rows++;
    }
}

static void
profiles_clear (Profiles *ps)
{
  for (guint c = 0; c < ps->n_columns; c++)
    {
      g_hash_table_unref (ps->columns[c].distinct);
      g_free (ps->columns[c].values);
      g_free (ps->columns[c].present);
    }
  g_free (ps->columns);
}

static double
ratio (guint part, guint whole)
{
  return whole == 0 ? 0.0 : (double) part / whole;
}

static double
best_score (OutlayColumnEvidence *ev, guint c, OutlayImportField *field)
{
  double best = 0;

  *field = F (IGNORE);
  for (guint f = 0; f < OUTLAY_IMPORT_N_FIELDS; f++)
    if (*score_at (ev, c, f) > best)
      {
        best = *score_at (ev, c, f);
        *field = f;
      }
  return best;
}

static gboolean
is_text_field (OutlayImportField f)
{
  return f == F (DESCRIPTION) || f == F (CATEGORY) || f == F (VENDOR) || f == F (ASSIGNEE)
         || f == F (UNIT);
}

static void
warn_text_amount (OutlayImportAnalysis *self, const char *header)
{
  g_ptr_array_add (self->warnings,
                   g_strdup_printf (_("The column “%s” is named like an amount but holds mostly text."),
                                    header));
}

/* A column named like an amount that holds text, or like a name that holds numbers. */
static void
check_named_columns (OutlayImportAnalysis *self, Profiles *ps, OutlayColumnEvidence *ev)
{
  for (guint c = 0; c < ps->n_columns; c++)
    {
      Profile *p = &ps->columns[c];
      OutlayImportField top;
      double num = ratio (p->numbers, p->nonempty);

      best_score (ev, c, &top);
      if (p->nonempty < 3)
        continue;
      if (num < 0.5 && outlay_import_field_is_number (top) && top != F (QTY) && top != F (MULTIPLIER)
          && *score_at (ev, c, top) >= 0.5 && ev->headers[c] != NULL)
        warn_text_amount (self, ev->headers[c]);
      for (guint f = 0; f < OUTLAY_IMPORT_N_FIELDS; f++)
        {
          double *s = score_at (ev, c, f);

          /* mostly words: a person would not call it a number */
          if (outlay_import_field_is_number (f) && p->texts * 2 > p->nonempty)
            *s = 0;
          else if (outlay_import_field_is_number (f) && num < 0.5)
            *s *= 0.3;
          else if (is_text_field (f) && num > 0.8)
            *s *= 0.4;
          else if (f == F (DATE) && ratio (p->dates, p->nonempty) < 0.5 && num < 0.8)
            *s *= 0.5;
          else if (f == F (CODE) && p->texts > 0 && p->text_bytes / p->texts > 24)
            *s *= 0.5;
        }
      /* "No." counting 1, 2, 3 is a line number, not a quantity */
      if (ratio (p->sequential + 1, p->numbers) > 0.8 && p->numbers >= 3)
        *score_at (ev, c, F (CODE)) += 0.15;
    }
}

static void
raise_score (OutlayColumnEvidence *ev, guint c, OutlayImportField f, double score)
{
  double *s = score_at (ev, c, f);

  *s = MAX (*s, score);
}

static gboolean numeric_column (Profiles *ps, guint c);

/* Columns whose header says nothing: guess from what they hold. */
static void
guess_unnamed_columns (Profiles *ps, OutlayColumnEvidence *ev, gboolean no_header)
{
  double longest = 0;
  int longest_c = -1;

  for (guint c = 0; c < ps->n_columns; c++)
    {
      Profile *p = &ps->columns[c];
      OutlayImportField top;
      double named = best_score (ev, c, &top);
      double w = named < 0.3 ? 1.0 : 0.3;
      /* numbers under a header in no known words ("Jan", "Q3") are left
       * alone rather than guessed as money */
      double wn = ev->headers[c] != NULL && *ev->headers[c] != '\0' ? 0.3 * w : w;
      double avg = p->texts > 0 ? (double) p->text_bytes / p->texts : 0;
      double distinct = ratio (g_hash_table_size (p->distinct), p->texts);

      if (p->nonempty == 0)
        continue;
      if (ratio (p->numbers, p->nonempty) >= 0.8)
        {
          if (ratio (p->sequential + 1, p->numbers) > 0.9 && p->numbers >= 3)
            raise_score (ev, c, F (CODE), 0.5 * w);
          raise_score (ev, c, F (ESTIMATE), 0.3 * wn);
          raise_score (ev, c, F (ACTUAL), 0.25 * wn);
        }
      else if (ratio (p->dates, p->nonempty) >= 0.8)
        raise_score (ev, c, F (DATE), 0.6 * w);
      else if (ratio (p->texts, p->nonempty) >= 0.6)
        {
          if (ratio (p->codes, p->texts) >= 0.8 && avg <= 12)
            raise_score (ev, c, F (CODE), 0.45 * w);
          if (distinct <= 0.5 && p->texts >= 4 && avg <= 8 && c > 0 && numeric_column (ps, c - 1))
            raise_score (ev, c, F (UNIT), 0.42 * w);
          if (distinct <= 0.5 && p->texts >= 4)
            raise_score (ev, c, F (CATEGORY), 0.4 * w);
          raise_score (ev, c, F (DESCRIPTION), MIN (0.1 + avg / 100.0, 0.3) * w);
          if (avg > longest && distinct >= 0.5)
            longest = avg, longest_c = c;
        }
    }
  if (longest_c >= 0 && no_header)
    raise_score (ev, longest_c, F (DESCRIPTION), 0.5);
}

static gboolean
cents_equal (OutlayDecimal a, OutlayDecimal b)
{
  OutlayDecimal d = outlay_decimal_round (a, 2) - outlay_decimal_round (b, 2);

  return d >= -100 && d <= 100; /* a cent */
}

/* On how many rows e == a × b (× m when m >= 0); *rows gets the rows that have them all. */
static guint
product_matches (Profiles *ps, guint e, guint a, guint b, int m, guint *rows)
{
  Profile *pe = &ps->columns[e], *pa = &ps->columns[a], *pb = &ps->columns[b];
  Profile *pm = m >= 0 ? &ps->columns[m] : NULL;
  guint hits = 0;

  *rows = 0;
  for (guint r = 0; r < ps->n_rows; r++)
    {
      OutlayDecimal v;

      if (!pe->present[r] || !pa->present[r] || !pb->present[r] || (pm != NULL && !pm->present[r]))
        continue;
      (*rows)++;
      if (!outlay_decimal_mul (pa->values[r], pb->values[r], &v)
          || (pm != NULL && !outlay_decimal_mul (v, pm->values[r], &v)))
        continue;
      hits += (pe->values[r] != 0 || v == 0) && cents_equal (v, pe->values[r]);
    }
  return hits;
}

typedef struct
{
  int e, a, b, m;
  guint hits;
} Product;

static gboolean
numeric_column (Profiles *ps, guint c)
{
  Profile *p = &ps->columns[c];

  return p->numbers >= 3 && ratio (p->numbers, p->nonempty) >= 0.7;
}

static void
consider (Profiles *ps, Product *best, int e, int a, int b, int m)
{
  guint rows, hits = product_matches (ps, e, a, b, m, &rows);

  if (hits >= 3 && hits * 10 >= rows * 8 && hits > best->hits)
    *best = (Product) { e, a, b, m, hits };
}

/* The column that is the product of two (or three) others on most rows. */
static Product
find_product (Profiles *ps, int skip_e)
{
  Product best = { -1, -1, -1, -1, 0 };
  int cols[MAX_PRODUCT_COLUMNS];
  guint n = 0;

  for (guint c = 0; c < ps->n_columns && n < MAX_PRODUCT_COLUMNS; c++)
    if (numeric_column (ps, c))
      cols[n++] = c;
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      for (guint k = j + 1; k < n; k++)
        {
          if (i == j || i == k || cols[i] == skip_e)
            continue;
          consider (ps, &best, cols[i], cols[j], cols[k], -1);
          for (guint l = k + 1; l < n; l++)
            if (l != i)
              consider (ps, &best, cols[i], cols[j], cols[k], cols[l]);
        }
  return best;
}

/* On how many rows column @a holds a larger value than column @b. */
static guint
larger_rows (Profiles *ps, guint a, guint b)
{
  Profile *pa = &ps->columns[a], *pb = &ps->columns[b];
  guint n = 0;

  for (guint r = 0; r < ps->n_rows; r++)
    n += pa->present[r] && pb->present[r] && pa->values[r] > pb->values[r];
  return n;
}

/* The role a factor's header gives it, or IGNORE. */
static OutlayImportField
named_role (OutlayColumnEvidence *ev, guint c)
{
  OutlayImportField top;
  double score = best_score (ev, c, &top);

  if (score >= 0.5 && (top == F (QTY) || top == F (RATE) || top == F (MULTIPLIER)))
    return top;
  return F (IGNORE);
}

/* Gives each factor of estimate = qty × rate (× multiplier) its role:
 * what its header says, else the largest is the rate, the next the
 * quantity, the smallest the multiplier. */
static void
assign_roles (Profiles *ps, OutlayColumnEvidence *ev, const int *factors, guint n, OutlayImportField *roles)
{
  gboolean taken[OUTLAY_IMPORT_N_FIELDS] = { FALSE };
  const OutlayImportField order[] = { F (RATE), F (QTY), F (MULTIPLIER) };

  for (guint i = 0; i < n; i++)
    {
      roles[i] = named_role (ev, factors[i]);
      if (taken[roles[i]])
        roles[i] = F (IGNORE);
      taken[roles[i]] = TRUE;
    }
  for (guint k = 0; k < G_N_ELEMENTS (order) && (k < 2 || n == 3); k++)
    {
      int pick = -1;

      if (taken[order[k]])
        continue;
      for (guint i = 0; i < n; i++)
        if (roles[i] == F (IGNORE)
            && (pick < 0 || larger_rows (ps, factors[i], factors[pick])
                              > larger_rows (ps, factors[pick], factors[i])))
          pick = i;
      if (pick >= 0)
        {
          roles[pick] = order[k];
          taken[order[k]] = TRUE;
        }
    }
}

static void
demote_money (OutlayColumnEvidence *ev, guint c)
{
  *score_at (ev, c, F (ESTIMATE)) *= 0.5;
  *score_at (ev, c, F (ACTUAL)) *= 0.5;
  *score_at (ev, c, F (COMMITTED)) *= 0.5;
}

static void
apply_product (OutlayImportAnalysis *self, Profiles *ps, OutlayColumnEvidence *ev, Product p)
{
  OutlayImportField top, roles[3];
  int factors[3] = { p.a, p.b, p.m };
  guint n = p.m >= 0 ? 3 : 2;
  double named = best_score (ev, p.e, &top);

  /* "Actual" = actual qty × actual rate: keep what the header says */
  if (named >= 0.6 && top != F (ESTIMATE))
    return;
  raise_score (ev, p.e, F (ESTIMATE), named >= 0.3 ? MIN (named + 0.15, 1.0) : 0.7);
  assign_roles (ps, ev, factors, n, roles);
  for (guint i = 0; i < n; i++)
    {
      /* a factor is not the money: Movie Magic's "Amount" is the quantity */
      demote_money (ev, factors[i]);
      if (roles[i] != F (IGNORE))
        raise_score (ev, factors[i], roles[i], roles[i] == F (MULTIPLIER) ? 0.4 : 0.45);
      if (roles[i] == F (QTY))
        self->product[1] = factors[i];
      else if (roles[i] == F (RATE))
        self->product[2] = factors[i];
      else if (roles[i] == F (MULTIPLIER))
        self->product[3] = factors[i];
    }
  self->product[0] = self->product[1] >= 0 && self->product[2] >= 0 ? p.e : -1;
}

static gboolean
difference_holds (Profiles *ps, guint v, guint e, guint a)
{
  Profile *pv = &ps->columns[v], *pe = &ps->columns[e], *pa = &ps->columns[a];
  guint rows = 0, hits = 0;

  for (guint r = 0; r < ps->n_rows; r++)
    if (pv->present[r] && pe->present[r] && pa->present[r])
      {
        rows++;
        hits += pv->values[r] != 0 && cents_equal (pe->values[r] - pa->values[r], pv->values[r]);
      }
  return hits >= 3 && hits * 10 >= rows * 8;
}

/* An unnamed column equal to one column minus another is a variance. */
static void
find_difference (Profiles *ps, OutlayColumnEvidence *ev)
{
  int cols[MAX_PRODUCT_COLUMNS];
  guint n = 0;

  for (guint c = 0; c < ps->n_columns && n < MAX_PRODUCT_COLUMNS; c++)
    if (numeric_column (ps, c))
      cols[n++] = c;
  for (guint v = 0; v < n; v++)
    {
      OutlayImportField top;
      gboolean found = FALSE;

      if (best_score (ev, cols[v], &top) >= 0.5)
        continue;
      for (guint e = 0; e < n && !found; e++)
        for (guint a = 0; a < n && !found; a++)
          found = e != a && e != v && a != v && difference_holds (ps, cols[v], cols[e], cols[a]);
      if (found)
        raise_score (ev, cols[v], F (DERIVED), 0.8);
    }
}

/**
 * outlay_import_content_adjust:
 *
 * Weighs the header evidence in @ev against the data rows of @sample.
 */
void
outlay_import_content_adjust (OutlayImportAnalysis *self,
                              OutlaySheetSample    *sample,
                              OutlayColumnEvidence *ev)
{
  Profiles ps = { 0 };
  Product p;

  self->product[0] = self->product[1] = self->product[2] = self->product[3] = -1;
  profiles_build (&ps, sample, self->header_row, ev->n_columns, self->number_style);
  check_named_columns (self, &ps, ev);
  guess_unnamed_columns (&ps, ev, self->header_row == 0);
  p = find_product (&ps, -1);
  if (p.e >= 0)
    apply_product (self, &ps, ev, p);
  find_difference (&ps, ev);
  profiles_clear (&ps);
}
