/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-import-header"

/* Which row of a sheet is the header: below any title block, mostly short
 * texts naming fields, followed by rows of numbers; two-row headers
 * ("Estimated" over "Qty | Rate | Total") joined column by column. */

#include "config.h"

#include <string.h>

#include "outlay-import-private.h"

#define F(x) OUTLAY_IMPORT_FIELD_##x
/* a header is looked for in the first rows only */
#define HEADER_SEARCH_ROWS 100
#define MAX_COLUMNS 1024
/* a pair of header rows must beat one row by this much */
#define PAIR_MARGIN 0.75

/* ---- header matching, remembered per text ---- */

const OutlayFieldMatch *
outlay_import_match_cached (GHashTable *memo, const char *text)
{
  OutlayFieldMatch *m = g_hash_table_lookup (memo, text);

  if (m == NULL)
    {
      m = g_new0 (OutlayFieldMatch, 1);
      outlay_import_match_header (text, m);
      g_hash_table_insert (memo, g_strdup (text), m);
    }
  return m;
}

GHashTable *
outlay_import_memo_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* ---- header rows ---- */

typedef struct
{
  guint texts, numbers, dates, labels, longs;
} Shape;

static char *
cell_text (const OutlayCell *c)
{
  return g_strstrip (g_strndup (c->text, c->length));
}

static void
shape_of (const OutlayRow *row, Shape *s)
{
  memset (s, 0, sizeof *s);
  for (guint i = 0; i < row->n_cells; i++)
    {
      const OutlayCell *c = &row->cells[i];

      if (outlay_import_cell_is_number (c))
        s->numbers++;
      else if (c->kind == OUTLAY_CELL_DATE || (c->kind == OUTLAY_CELL_STRING && outlay_import_text_is_date (c->text)))
        s->dates++;
      else if (outlay_import_cell_is_text (c))
        {
          g_autofree char *t = cell_text (c);

          s->texts++;
          s->labels += g_str_has_suffix (t, ":");
          s->longs += strlen (t) > 40;
        }
    }
}

/* Texts per column of a header: the lower row, each joined after the text
 * of the upper row above it ("Estimated" over "Qty | Rate | Total").  An
 * upper text spans its merged columns, or without merge information the
 * following columns up to the next upper text. */
GPtrArray *
outlay_import_header_texts (const OutlayRow *lower, const OutlayRow *upper, guint n_columns)
{
  GPtrArray *array = g_ptr_array_new_full (n_columns, g_free);
  char **texts;
  g_autofree const OutlayCell **above = g_new0 (const OutlayCell *, MAX (n_columns, 1));

  g_ptr_array_set_size (array, n_columns);
  texts = (char **) array->pdata;

  for (guint i = 0; i < lower->n_cells; i++)
    if (lower->cells[i].column < n_columns && lower->cells[i].kind != OUTLAY_CELL_EMPTY)
      texts[lower->cells[i].column] = cell_text (&lower->cells[i]);
  for (guint i = 0; upper != NULL && i < upper->n_cells; i++)
    if (upper->cells[i].column < n_columns && outlay_import_cell_is_text (&upper->cells[i]))
      above[upper->cells[i].column] = &upper->cells[i];
  for (guint c = 0; upper != NULL && c < n_columns; c++)
    {
      const OutlayCell *u = above[c];
      g_autofree char *ut = NULL;
      guint end = c + 1;

      if (u == NULL)
        continue;
      ut = cell_text (u);
      if (u->span > 1)
        end = MIN (c + u->span, n_columns);
      else if (upper->n_cells > 1 && texts[c] != NULL)
        while (end < n_columns && above[end] == NULL && texts[end] != NULL)
          end++;
      for (guint k = c; k < end; k++)
        {
          char *joined = texts[k] == NULL ? (k == c ? g_strdup (ut) : NULL)
                                          : g_strconcat (ut, " ", texts[k], NULL);

          g_free (texts[k]);
          texts[k] = joined;
        }
    }
  for (guint c = 0; c < n_columns; c++)
    if (texts[c] != NULL && *texts[c] == '\0')
      g_clear_pointer (&texts[c], g_free);
  return array;
}

/* What the header words name: the best score of each field they name. */
static double
vocabulary_score (char **texts, guint n_columns, GHashTable *memo)
{
  double best[OUTLAY_IMPORT_N_FIELDS] = { 0 };
  double score = 0;

  for (guint c = 0; c < n_columns; c++)
    {
      const OutlayFieldMatch *m;

      if (texts[c] == NULL)
        continue;
      m = outlay_import_match_cached (memo, texts[c]);
      if (m->n == 0)
        score -= 0.15;
      else if (m->c[0].field == F (IGNORE))
        score += 0.3;
      else
        best[m->c[0].field] = MAX (best[m->c[0].field], m->c[0].score);
    }
  for (guint f = 0; f < OUTLAY_IMPORT_N_FIELDS; f++)
    score += f == F (DERIVED) ? best[f] * 0.5 : best[f];
  return score;
}

/* The share of the next rows that hold numbers. */
static double
data_below (OutlaySheetSample *sample, guint index)
{
  guint seen = 0, with_numbers = 0;

  for (guint i = index + 1; i < sample->rows->len && seen < 8; i++)
    {
      const OutlayRow *row = sample->rows->pdata[i];
      Shape s;

      shape_of (row, &s);
      if (s.texts + s.numbers + s.dates == 0)
        continue;
      seen++;
      with_numbers += s.numbers > 0;
    }
  return seen == 0 ? 0.0 : (double) with_numbers / seen;
}


static double
score_header (OutlaySheetSample *sample, guint index, const Shape *s, char **texts,
              guint n_columns, GHashTable *memo, double *vocab)
{
  *vocab = vocabulary_score (texts, n_columns, memo);
  return *vocab - 0.6 * s->labels - 0.4 * s->longs - 0.5 * s->dates
         + 1.5 * data_below (sample, index) + 0.1 * MIN (s->texts, 10u);
}

static gboolean
could_be_header (const Shape *s, gboolean single_column)
{
  return (s->texts >= 2 || (single_column && s->texts == 1)) && s->numbers * 4 <= s->texts;
}

static void
consider_header (OutlayHeaderChoice *best, int index, guint rows, double score, double vocab)
{
  if (score > best->score)
    *best = (OutlayHeaderChoice) { index, rows, score, vocab };
}

/* A row directly above @index with text only, read as the upper half. */
static void
consider_pair (OutlaySheetSample *sample, guint index, const Shape *lower, guint n_columns,
               GHashTable *memo, OutlayHeaderChoice *best)
{
  const OutlayRow *l = sample->rows->pdata[index], *u;
  g_autoptr(GPtrArray) texts = NULL;
  Shape su, both;
  double score, vocab;

  if (index == 0)
    return;
  u = sample->rows->pdata[index - 1];
  shape_of (u, &su);
  if (u->number + 1 != l->number || su.texts == 0 || su.numbers > 0 || su.labels > 0)
    return;
  both = *lower;
  both.dates += su.dates;
  both.longs += su.longs;
  texts = outlay_import_header_texts (l, u, n_columns);
  score = score_header (sample, index, &both, (char **) texts->pdata, n_columns, memo, &vocab);
  if (vocab >= 0.9)
    consider_header (best, index, 2, score - PAIR_MARGIN, vocab);
}

guint
outlay_import_count_columns (OutlaySheetSample *sample)
{
  guint n = 0;

  for (guint i = 0; i < sample->rows->len; i++)
    {
      const OutlayRow *row = sample->rows->pdata[i];

      for (guint k = 0; k < row->n_cells; k++)
        if (row->cells[k].kind != OUTLAY_CELL_EMPTY && row->cells[k].column < MAX_COLUMNS)
          n = MAX (n, row->cells[k].column + 1);
    }
  return n;
}

static gboolean
single_column (OutlaySheetSample *sample)
{
  return outlay_import_count_columns (sample) <= 1;
}

/* Whether @texts name the same fields as @best in at least two columns and
 * half of theirs: the header of a second table stacked below the first. */
static gboolean
same_fields (char **texts, GPtrArray *best, guint n_columns, GHashTable *memo)
{
  guint named = 0, same = 0;

  if (best == NULL)
    return FALSE;
  for (guint c = 0; c < n_columns; c++)
    {
      const OutlayFieldMatch *m, *b;

      if (texts[c] == NULL)
        continue;
      named++;
      if (best->pdata[c] == NULL)
        continue;
      m = outlay_import_match_cached (memo, texts[c]);
      b = outlay_import_match_cached (memo, best->pdata[c]);
      same += m->n > 0 && b->n > 0 && m->c[0].field == b->c[0].field;
    }
  return same >= 2 && same * 2 >= named;
}

static char *
joined_texts (char **texts, guint n_columns)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (s, "%s\x1f", texts[c] ? texts[c] : "");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/**
 * outlay_import_find_header:
 *
 * The row, in the first %HEADER_SEARCH_ROWS, whose cells are mostly short
 * texts in the header vocabulary and which is followed by rows of numbers;
 * "Client:"-style labels, long texts and dates count against a row.  A
 * text-only row directly above joins it when the pair reads better by
 * %PAIR_MARGIN.  A first row of unknown words over rows of numbers is a
 * header too.  A later row naming the same fields is the header of a
 * table stacked below: the first one stays the header.
 */
OutlayHeaderChoice
outlay_import_find_header (OutlaySheetSample *sample,
                           GHashTable        *memo)
{
  guint n_columns = outlay_import_count_columns (sample);
  OutlayHeaderChoice best = { -1, 0, 1.5, 0 };
  gboolean first = TRUE, one_column = single_column (sample);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) best_texts = NULL;

  for (guint i = 0; i < sample->rows->len && i < HEADER_SEARCH_ROWS; i++)
    {
      const OutlayRow *row = sample->rows->pdata[i];
      g_autoptr(GPtrArray) texts = NULL;
      double score, vocab;
      Shape s;

      shape_of (row, &s);
      if (s.texts + s.numbers + s.dates == 0)
        continue;
      if (could_be_header (&s, one_column))
        {
          texts = outlay_import_header_texts (row, NULL, n_columns);
          /* a header repeated on later pages is the same header */
          if (!g_hash_table_add (seen, joined_texts ((char **) texts->pdata, n_columns))
              || same_fields ((char **) texts->pdata, best_texts, n_columns, memo))
            continue;
          score = score_header (sample, i, &s, (char **) texts->pdata, n_columns, memo, &vocab);
          if (vocab >= 0.9 && score > best.score)
            {
              consider_header (&best, i, 1, score, vocab);
              g_clear_pointer (&best_texts, g_ptr_array_unref);
              /* a table's header, with its lines below it */
              if (data_below (sample, i) >= 0.5)
                best_texts = g_ptr_array_ref (texts);
            }
          /* a first row of words over rows of numbers, in no known words */
          else if (first && s.numbers == 0 && s.dates == 0 && data_below (sample, i) >= 0.6)
            consider_header (&best, i, 1, 1.0 + data_below (sample, i), vocab);
          if (s.texts >= 1 && s.numbers * 4 <= s.texts)
            consider_pair (sample, i, &s, n_columns, memo, &best);
        }
      first = FALSE;
    }
  return best;
}

/* 2 when the row above @index joins it as the header's upper half, else 1. */
guint
outlay_import_header_rows_at (OutlaySheetSample *sample,
                              guint              index,
                              GHashTable        *memo)
{
  guint n_columns = outlay_import_count_columns (sample);
  OutlayHeaderChoice pair = { -1, 0, -G_MAXDOUBLE, 0 };
  g_autoptr(GPtrArray) texts = NULL;
  double vocab, single;
  Shape s;

  shape_of (sample->rows->pdata[index], &s);
  if (!could_be_header (&s, FALSE))
    return 1;
  consider_pair (sample, index, &s, n_columns, memo, &pair);
  if (pair.index < 0)
    return 1;
  texts = outlay_import_header_texts (sample->rows->pdata[index], NULL, n_columns);
  single = score_header (sample, index, &s, (char **) texts->pdata, n_columns, memo, &vocab);
  return pair.score > single ? 2 : 1;
}

char *
outlay_import_column_letters (guint column)
{
  char buf[8];
  int i = sizeof buf - 1;

  buf[i] = '\0';
  do
    {
      buf[--i] = 'A' + column % 26;
      column = column / 26;
    }
  while (column-- > 0 && i > 0);
  return g_strdup (buf + i);
}
