/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-import-rows"

/* What one row of an imported sheet is: a line, a section heading, a
 * subtotal or total, a repeated header, a note.  The importer calls
 * outlay_import_analysis_classify_row() for every row of the sheet, up to
 * a million times, so nothing here allocates unless it returns a section
 * name, and cells are scanned once. */

#include "config.h"

#include <string.h>

#include "outlay-import-private.h"

#define F(x) OUTLAY_IMPORT_FIELD_##x

/* ---- rows ---- */

typedef struct
{
  guint             amounts;  /* numbers in qty, rate, estimate… columns */
  guint             priced;   /* of which in qty, multiplier, rate */
  guint             others;   /* numbers elsewhere, dates, booleans */
  guint             texts;
  guint             n_labels; /* texts, and numbers in the code column */
  gboolean          code;     /* a code-like value in the code column */
  gboolean          description;
  const OutlayCell *text_cells[2];
  const OutlayCell *labels[2];
} RowScan;

static inline OutlayImportField
field_at (const OutlayRowRules *rules, guint column)
{
  if (column >= rules->n_columns)
    return F (IGNORE);
  /* quarters that add up to the estimate are read as amounts */
  if (rules->summed != NULL && rules->summed[column])
    return F (ESTIMATE);
  return rules->fields[column];
}

static void
add_label (RowScan *s, const OutlayCell *cell)
{
  if (s->n_labels < 2)
    s->labels[s->n_labels] = cell;
  s->n_labels++;
}

static void
scan_number (RowScan *s, const OutlayCell *cell, OutlayImportField field)
{
  if (outlay_import_field_is_number (field))
    {
      s->amounts++;
      s->priced += (field == F (QTY) || field == F (RATE) || field == F (MULTIPLIER));
    }
  else if (field == F (CODE))
    {
      s->code = TRUE;
      add_label (s, cell);
    }
  else
    s->others++;
}

static void
scan_text (RowScan *s, const OutlayCell *cell, OutlayImportField field)
{
  if (s->texts < 2)
    s->text_cells[s->texts] = cell;
  s->texts++;
  add_label (s, cell);
  if (field == F (CODE) && outlay_import_text_is_code (cell->text, cell->length))
    s->code = TRUE;
  else if (field == F (DESCRIPTION))
    s->description = TRUE;
}

static void
scan_row (const OutlayRowRules *rules, const OutlayRow *row, RowScan *s)
{
  memset (s, 0, sizeof *s);
  for (guint i = 0; i < row->n_cells; i++)
    {
      const OutlayCell *cell = &row->cells[i];
      OutlayImportField field = field_at (rules, cell->column);

      switch (cell->kind)
        {
        case OUTLAY_CELL_EMPTY:
          break;
        case OUTLAY_CELL_NUMBER:
          scan_number (s, cell, field);
          break;
        case OUTLAY_CELL_STRING:
          if (outlay_import_is_blank (cell->text, cell->length))
            break;
          if (outlay_import_cell_is_number (cell))
            scan_number (s, cell, field);
          else if (outlay_import_text_is_date (cell->text))
            s->others++;
          else
            scan_text (s, cell, field);
          break;
        case OUTLAY_CELL_ERROR:
          /* an amount that failed to compute is still an amount: the
           * importer reports it rather than dropping the line */
          if (outlay_import_field_is_number (field))
            s->amounts++;
          else
            s->others++;
          break;
        case OUTLAY_CELL_DATE:
        case OUTLAY_CELL_BOOLEAN:
        default:
          s->others++;
          break;
        }
    }
}

static gboolean
same_text (const OutlayCell *cell, const char *header)
{
  const char *s = cell->text, *e = cell->text + cell->length;

  if (header == NULL)
    return FALSE;
  outlay_import_trim (&s, &e);
  return strlen (header) == (gsize) (e - s) && g_ascii_strncasecmp (s, header, e - s) == 0;
}

/* A header repeated mid-sheet (printed pages, pasted blocks). */
static gboolean
is_repeated_header (const OutlayRowRules *rules, const OutlayRow *row, const RowScan *s)
{
  guint lower = 0, upper = 0;

  if (s->texts < 2 || rules->header_lower == NULL)
    return FALSE;
  for (guint i = 0; i < row->n_cells; i++)
    {
      const OutlayCell *cell = &row->cells[i];

      if (cell->kind != OUTLAY_CELL_STRING || cell->column >= rules->n_columns)
        continue;
      lower += same_text (cell, rules->header_lower[cell->column]);
      upper += rules->header_upper != NULL && same_text (cell, rules->header_upper[cell->column]);
    }
  return MAX (lower, upper) >= 2 && MAX (lower, upper) * 2 >= s->texts;
}

/* The header of a second table stacked below the first: its words name
 * the fields the columns are mapped to ("Item" over the description),
 * though not in the same words.  Only rows of three or more texts without
 * amounts get here, so matching (which allocates) is rare. */
static gboolean
is_similar_header (const OutlayRowRules *rules, const OutlayRow *row, const RowScan *s)
{
  guint same = 0;

  if (s->texts < 3)
    return FALSE;
  for (guint i = 0; i < row->n_cells; i++)
    {
      const OutlayCell *cell = &row->cells[i];
      OutlayImportField field = field_at (rules, cell->column);
      g_autofree char *text = NULL;
      OutlayFieldMatch m;

      if (cell->kind != OUTLAY_CELL_STRING || field == F (IGNORE) || field == F (DERIVED))
        continue;
      text = g_strndup (cell->text, cell->length);
      outlay_import_match_header (text, &m);
      same += m.n > 0 && m.c[0].field == field;
    }
  /* three, as a code and a name ("N", "Talent expenses") can read as two */
  return same >= 3 && same * 2 >= s->texts;
}

static OutlayTotalWord
total_word_of (const RowScan *s, gboolean *whole)
{
  for (guint i = 0; i < MIN (s->texts, 2u); i++)
    {
      const OutlayCell *c = s->text_cells[i];
      OutlayTotalWord w = outlay_import_total_word (c->text, c->length, whole);

      if (w != OUTLAY_TOTAL_NONE)
        return w;
    }
  return OUTLAY_TOTAL_NONE;
}

static char *
cell_string (const OutlayCell *cell)
{
  return g_strndup (cell->text, cell->length);
}

/* One or two label cells without amounts: "A: Crew", "1100 | STORY & RIGHTS". */
static gboolean
parse_heading (const OutlayRowRules *rules, const RowScan *s, char **code, char **name)
{
  const OutlayCell *first = s->labels[0], *second = s->labels[1];
  g_autofree char *t1 = NULL;

  if (s->n_labels == 0 || s->n_labels > 2 || s->others > 0)
    return FALSE;
  t1 = cell_string (first);
  if (s->n_labels == 1)
    return first->kind == OUTLAY_CELL_STRING && outlay_import_parse_section (t1, code, name);
  if (field_at (rules, second->column) == F (NOTES))
    return first->kind == OUTLAY_CELL_STRING && outlay_import_parse_section (t1, code, name);
  if (!outlay_import_text_is_code (first->text, first->length)
      || second->kind != OUTLAY_CELL_STRING)
    return FALSE;
  {
    g_autofree char *t2 = cell_string (second);

    if (!outlay_import_parse_section (t2, NULL, name))
      return FALSE;
    if (code != NULL)
      {
        const char *b = t1, *e = t1 + strlen (t1);

        outlay_import_trim (&b, &e);
        *code = g_strndup (b, e - b);
      }
  }
  return TRUE;
}

/* "A: Crew" with the section's total beside it: one lettered heading
 * outside the description column, no code, no quantity or rate. */
static gboolean
is_heading_with_total (const OutlayRowRules *rules, const RowScan *s, char **code, char **name)
{
  g_autofree char *text = NULL;
  g_autofree char *c = NULL;
  g_autofree char *n = NULL;

  if (s->code || s->description || s->priced > 0 || s->texts != 1 || s->n_labels != 1
      || !rules->has_description)
    return FALSE;
  text = cell_string (s->text_cells[0]);
  if (!outlay_import_parse_section (text, &c, &n) || c == NULL || strchr (text, ':') == NULL)
    return FALSE;
  if (code != NULL)
    *code = g_steal_pointer (&c);
  if (name != NULL)
    *name = g_steal_pointer (&n);
  return TRUE;
}

static OutlayRowKind
classify_above_header (OutlayImportAnalysis *self, const OutlayRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    if (row->cells[i].kind != OUTLAY_CELL_EMPTY
        && !(row->cells[i].kind == OUTLAY_CELL_STRING
             && outlay_import_is_blank (row->cells[i].text, row->cells[i].length)))
      return row->number + self->header_rows > self->header_row ? OUTLAY_ROW_HEADER
                                                                : OUTLAY_ROW_TEXT;
  return OUTLAY_ROW_BLANK;
}

static OutlayRowKind
classify_without_amounts (OutlayImportAnalysis *self, const OutlayRow *row, const RowScan *s,
                          char **code, char **name)
{
  g_autofree char *c = NULL;
  g_autofree char *n = NULL;

  if (is_repeated_header (&self->rules, row, s) || is_similar_header (&self->rules, row, s))
    return OUTLAY_ROW_HEADER;
  if (!parse_heading (&self->rules, s, &c, &n))
    return OUTLAY_ROW_TEXT;
  if (code != NULL)
    *code = g_steal_pointer (&c);
  if (name != NULL)
    *name = g_steal_pointer (&n);
  return OUTLAY_ROW_SECTION;
}

/**
 * outlay_import_analysis_classify_row:
 *
 * A line has a description, code or other label and at least one number in
 * a qty/rate/estimate/actual/committed column.  A row naming a total
 * ("Total A: Crew", "GRAND TOTAL", "Summe") is a subtotal or total, unless
 * it also has a line's code or quantity and rate and the word is only part
 * of its description ("Total station rental").  A row of amounts without
 * any text below a header is an unlabelled subtotal.  A row without amounts
 * is a section heading when it has one label, or a code and a name, that
 * read as a heading; else it is text.
 */
OutlayRowKind
outlay_import_analysis_classify_row (OutlayImportAnalysis  *self,
                                     const OutlayRow       *row,
                                     char                 **section_code,
                                     char                 **section_name)
{
  RowScan s;
  OutlayTotalWord total;
  gboolean whole = FALSE;

  g_return_val_if_fail (self != NULL && row != NULL, OUTLAY_ROW_BLANK);
  if (section_code != NULL)
    *section_code = NULL;
  if (section_name != NULL)
    *section_name = NULL;
  if (self->header_row > 0 && row->number <= self->header_row)
    return classify_above_header (self, row);
  scan_row (&self->rules, row, &s);
  if (s.amounts + s.others + s.texts + s.n_labels == 0)
    return OUTLAY_ROW_BLANK;
  total = total_word_of (&s, &whole);
  if (total != OUTLAY_TOTAL_NONE && (whole || (!s.code && s.priced == 0)))
    return total == OUTLAY_TOTAL_GRAND ? OUTLAY_ROW_TOTAL : OUTLAY_ROW_SUBTOTAL;
  if (s.amounts > 0)
    {
      if (is_heading_with_total (&self->rules, &s, section_code, section_name))
        return OUTLAY_ROW_SECTION;
      if (s.texts > 0 || s.code || !self->rules.has_description || s.priced > 0
          || self->header_row == 0)
        return OUTLAY_ROW_LINE;
      return OUTLAY_ROW_SUBTOTAL;
    }
  if (s.texts == 0)
    return OUTLAY_ROW_TEXT;
  return classify_without_amounts (self, row, &s, section_code, section_name);
}

const char *
outlay_row_kind_name (OutlayRowKind kind)
{
  static const char * const names[] = {
    "line", "section", "subtotal", "total", "blank", "header", "text",
  };

  g_return_val_if_fail (kind <= OUTLAY_ROW_TEXT, "text");
  return names[kind];
}

/* ---- stacked tables ---- */

/* The title above the header, when the sheet holds more tables below it
 * (a later row reads as a header): the first table's name, as the titles
 * of the others are their sections' names.  NULL otherwise. */
char *
outlay_import_table_title (OutlayImportAnalysis *self, OutlaySheetSample *sample)
{
  guint top = self->header_row + 1 - MAX (self->header_rows, 1u);
  gboolean stacked = FALSE;
  const OutlayRow *title = NULL;

  if (self->header_row == 0)
    return NULL;
  for (guint i = 0; i < sample->rows->len && !stacked; i++)
    {
      const OutlayRow *row = sample->rows->pdata[i];

      if (row->number > self->header_row)
        stacked = outlay_import_analysis_classify_row (self, row, NULL, NULL) == OUTLAY_ROW_HEADER;
      else if (row->number < top && classify_above_header (self, row) != OUTLAY_ROW_BLANK)
        title = row;
    }
  if (!stacked || title == NULL || title->number + 3 < top)
    return NULL;
  for (guint i = 0, texts = 0; i < title->n_cells; i++)
    if (title->cells[i].kind != OUTLAY_CELL_EMPTY && ++texts > 1)
      return NULL;
  {
    g_autofree char *text = NULL;
    char *name = NULL;

    for (guint i = 0; i < title->n_cells && text == NULL; i++)
      if (title->cells[i].kind == OUTLAY_CELL_STRING)
        text = cell_string (&title->cells[i]);
    if (text != NULL && outlay_import_parse_section (text, NULL, &name))
      return name;
  }
  return NULL;
}

/* ---- rules ---- */

void
outlay_import_rules_clear (OutlayRowRules *rules)
{
  g_clear_pointer (&rules->fields, g_free);
  g_clear_pointer (&rules->summed, g_free);
  if (rules->header_lower != NULL)
    for (guint i = 0; i < rules->n_columns; i++)
      g_free (rules->header_lower[i]);
  if (rules->header_upper != NULL)
    for (guint i = 0; i < rules->n_columns; i++)
      g_free (rules->header_upper[i]);
  g_clear_pointer (&rules->header_lower, g_free);
  g_clear_pointer (&rules->header_upper, g_free);
  memset (rules, 0, sizeof *rules);
}

static const OutlayRow *
sample_row_numbered (OutlaySheetSample *sample, guint number)
{
  for (guint i = 0; sample != NULL && i < sample->rows->len; i++)
    {
      const OutlayRow *row = sample->rows->pdata[i];

      if (row->number == number)
        return row;
      if (row->number > number)
        break;
    }
  return NULL;
}

static char **
header_texts (OutlaySheetSample *sample, guint number, guint n_columns)
{
  const OutlayRow *row = sample_row_numbered (sample, number);
  char **texts;

  if (row == NULL)
    return NULL;
  texts = g_new0 (char *, n_columns);
  for (guint i = 0; i < row->n_cells; i++)
    {
      const OutlayCell *c = &row->cells[i];
      const char *b = c->text, *e = c->text + c->length;

      if (c->kind != OUTLAY_CELL_STRING || c->column >= n_columns)
        continue;
      outlay_import_trim (&b, &e);
      if (b < e)
        texts[c->column] = g_strndup (b, e - b);
    }
  return texts;
}

void
outlay_import_rules_build (OutlayImportAnalysis *self,
                           OutlaySheetSample    *sample)
{
  OutlayRowRules *r = &self->rules;

  outlay_import_rules_clear (r);
  r->n_columns = self->columns->len;
  r->fields = g_new0 (guint8, MAX (r->n_columns, 1));
  r->code_column = r->description_column = r->category_column = r->notes_column = -1;
  for (guint i = 0; i < self->columns->len; i++)
    {
      const OutlayColumnMapping *m = self->columns->pdata[i];

      r->fields[m->column] = m->field;
      if (m->field == F (CODE))
        r->code_column = m->column;
      else if (m->field == F (DESCRIPTION))
        r->description_column = m->column;
      else if (m->field == F (CATEGORY))
        r->category_column = m->column;
      else if (m->field == F (NOTES))
        r->notes_column = m->column;
    }
  r->has_description = r->description_column >= 0;
  if (self->quarters != NULL && outlay_import_analysis_find_field (self, F (ESTIMATE)) < 0)
    {
      r->summed = g_new0 (guint8, MAX (r->n_columns, 1));
      for (guint c = 0; c < r->n_columns; c++)
        r->summed[c] = self->quarters[c] && r->fields[c] == F (IGNORE);
    }
  if (self->header_row > 0)
    {
      r->header_lower = header_texts (sample, self->header_row, r->n_columns);
      if (self->header_rows == 2)
        r->header_upper = header_texts (sample, self->header_row - 1, r->n_columns);
    }
}
