/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-import-analysis"

/* Understanding a dropped spreadsheet: samples of each sheet, the header
 * row (below any title block; two-row headers joined), the column
 * mapping (header vocabulary first, then the data's evidence, each field
 * held by one column), the sheet that reads best as a budget table, and
 * the file kind. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-error.h"
#include "outlay-import-private.h"

#define F(x) OUTLAY_IMPORT_FIELD_##x
#define SAMPLE_ROWS 200
/* below this no sheet holds a table; hidden sheets are then tried */
#define FIT_SCORE 3.0

/* ---- samples ---- */

OutlaySheetSample *
outlay_sheet_sample_new (void)
{
  OutlaySheetSample *s = g_new0 (OutlaySheetSample, 1);

  s->rows = g_ptr_array_new_with_free_func (g_free);
  return s;
}

void
outlay_sheet_sample_free (OutlaySheetSample *sample)
{
  if (sample == NULL)
    return;
  g_ptr_array_unref (sample->rows);
  g_free (sample);
}

static gsize
capped_length (const OutlayCell *cell)
{
  gsize n = cell->text != NULL ? strlen (cell->text) : 0;

  if (n <= OUTLAY_SHEET_SAMPLE_MAX_TEXT)
    return n;
  n = OUTLAY_SHEET_SAMPLE_MAX_TEXT;
  while (n > 0 && ((guchar) cell->text[n] & 0xC0) == 0x80)
    n--;
  return n;
}

static char *
copy_text (char **at, const char *text, gsize n)
{
  char *start = *at;

  if (n > 0)
    memcpy (start, text, n);
  start[n] = '\0';
  *at += n + 1;
  return start;
}

/**
 * outlay_sheet_sample_add_row:
 * @sample: a sample
 * @row: a row from a reader, valid for the call only
 *
 * Copies @row (at most %OUTLAY_SHEET_SAMPLE_MAX_CELLS cells, texts cut at
 * %OUTLAY_SHEET_SAMPLE_MAX_TEXT bytes) into one allocation.
 */
void
outlay_sheet_sample_add_row (OutlaySheetSample *sample,
                             const OutlayRow   *row)
{
  guint n = MIN (row->n_cells, (guint) OUTLAY_SHEET_SAMPLE_MAX_CELLS);
  gsize size = sizeof (OutlayRow) + n * sizeof (OutlayCell);
  OutlayRow *copy;
  OutlayCell *cells;
  char *at;

  g_return_if_fail (sample != NULL && row != NULL);
  for (guint i = 0; i < n; i++)
    size += capped_length (&row->cells[i]) + 1
            + (row->cells[i].number != NULL ? strlen (row->cells[i].number) + 1 : 0);
  copy = g_malloc (size);
  cells = (OutlayCell *) (copy + 1);
  at = (char *) (cells + n);
  copy->number = row->number;
  copy->n_cells = n;
  copy->cells = cells;
  for (guint i = 0; i < n; i++)
    {
      cells[i] = row->cells[i];
      cells[i].length = capped_length (&row->cells[i]);
      cells[i].text = copy_text (&at, row->cells[i].text, cells[i].length);
      if (row->cells[i].number != NULL)
        cells[i].number = copy_text (&at, row->cells[i].number, strlen (row->cells[i].number));
    }
  g_ptr_array_add (sample->rows, copy);
}

guint
outlay_sheet_sample_get_n_rows (OutlaySheetSample *sample)
{
  g_return_val_if_fail (sample != NULL, 0);
  return sample->rows->len;
}

const OutlayRow *
outlay_sheet_sample_get_row (OutlaySheetSample *sample,
                             guint              i)
{
  g_return_val_if_fail (sample != NULL && i < sample->rows->len, NULL);
  return sample->rows->pdata[i];
}

static gboolean
sample_row_cb (const OutlayRow *row,
               gpointer         user_data,
               GError         **error)
{
  outlay_sheet_sample_add_row (user_data, row);
  return TRUE;
}

/**
 * outlay_sheet_sample_read:
 * @wb: a workbook
 * @sheet: the sheet
 * @max_rows: rows to read (0: all)
 *
 * Returns: (transfer full): the first rows of @sheet, or %NULL with @error set
 */
OutlaySheetSample *
outlay_sheet_sample_read (OutlayWorkbook  *wb,
                          guint            sheet,
                          guint            max_rows,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_autoptr(OutlaySheetSample) sample = outlay_sheet_sample_new ();

  if (!outlay_workbook_read_sheet (wb, sheet, max_rows, sample_row_cb, sample, cancellable, error))
    return NULL;
  return g_steal_pointer (&sample);
}

/* ---- columns ---- */

static void
mapping_free (gpointer data)
{
  OutlayColumnMapping *m = data;

  g_free (m->header);
  g_free (m);
}

typedef struct
{
  guint  column;
  guint  field;
  double score;
} Candidate;

static int
compare_candidates (gconstpointer a, gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  return (int) x->field - (int) y->field;
}

static gboolean
is_shared_field (OutlayImportField f)
{
  return f == F (IGNORE) || f == F (DERIVED);
}

/* Below this a person would not put a column's cells into a number
 * field: its rows would be skipped as "not a number". */
#define MIN_NUMBER_SCORE 0.25

static gboolean
plausible (const Candidate *k)
{
  return k->score >= 0.1
         && (k->score >= MIN_NUMBER_SCORE || !outlay_import_field_is_number (k->field));
}

/* Best candidates first; a column gets one field and a field one column. */
static void
resolve (OutlayImportAnalysis *self, OutlayColumnEvidence *ev)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (Candidate));
  gboolean used[OUTLAY_IMPORT_N_FIELDS] = { FALSE };

  for (guint c = 0; c < ev->n_columns; c++)
    for (guint f = 0; f < OUTLAY_IMPORT_N_FIELDS; f++)
      {
        Candidate k = { c, f, ev->scores[c * OUTLAY_IMPORT_N_FIELDS + f] };

        if (plausible (&k))
          g_array_append_val (all, k);
      }
  g_array_sort (all, compare_candidates);
  for (guint i = 0; i < all->len; i++)
    {
      const Candidate *k = &g_array_index (all, Candidate, i);
      OutlayColumnMapping *m = self->columns->pdata[k->column];

      if (m->confidence > 0 || (used[k->field] && !is_shared_field (k->field)))
        continue;
      m->field = k->field;
      m->confidence = MIN (k->score, 1.0);
      used[k->field] = TRUE;
    }
  for (guint c = 0; c < self->columns->len; c++)
    {
      OutlayColumnMapping *m = self->columns->pdata[c];

      if (m->confidence == 0)
        m->confidence = 0.5;
    }
}

/* "Days" without a quantity column is the quantity. */
static void
fix_up (OutlayImportAnalysis *self)
{
  int mult = outlay_import_analysis_find_field (self, F (MULTIPLIER));

  if (mult >= 0 && outlay_import_analysis_find_field (self, F (QTY)) < 0)
    ((OutlayColumnMapping *) self->columns->pdata[mult])->field = F (QTY);
}

/* A wide planning sheet has a column per month and the year's totals
 * beside them. The months are not lines' amounts (they would be read as
 * the estimate, the first month winning): they are left out of the
 * mapping, and the importer reads them as the lines' phasing
 * (outlay-import-periods.c); the warning says so. */
#define MIN_MONTH_COLUMNS 6

static void
leave_out_months (OutlayImportAnalysis *self, OutlayColumnEvidence *ev)
{
  guint months = 0, seen = 0, first = 0, last = 0;

  for (guint c = 0; c < ev->n_columns; c++)
    {
      guint m = ev->headers[c] != NULL ? outlay_import_header_month (ev->headers[c]) : 0;

      if (m == 0)
        continue;
      if (months++ == 0)
        first = c;
      last = c;
      seen |= 1u << m;
    }
  if (months < MIN_MONTH_COLUMNS || (guint) __builtin_popcount (seen) < MIN_MONTH_COLUMNS)
    return;
  for (guint c = 0; c < ev->n_columns; c++)
    if (ev->headers[c] != NULL && outlay_import_header_month (ev->headers[c]) != 0)
      for (guint f = 0; f < OUTLAY_IMPORT_N_FIELDS; f++)
        ev->scores[c * OUTLAY_IMPORT_N_FIELDS + f] = f == F (IGNORE) ? 1.0 : 0.0;
  g_ptr_array_add (self->warnings,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "The %u month column (“%s” to “%s”) becomes "
                                                 "each line’s phasing by month (an “Actual” "
                                                 "month its actual in that month).",
                                                 "The %u month columns (“%s” to “%s”) become "
                                                 "each line’s phasing by month (“Actual” months "
                                                 "its actual in each month).",
                                                 months),
                                    months, ev->headers[first], ev->headers[last]));
}

/* Quarters across (a cross-tab of "Q1" … "Q4"): like months, left out of
 * the mapping. With a total beside them the total is the estimate, and
 * without one their sum is (outlay_import_rules_build() marks them). */
#define MIN_QUARTER_COLUMNS 2

static void
leave_out_quarters (OutlayImportAnalysis *self, OutlayColumnEvidence *ev)
{
  guint n = 0, seen = 0;

  g_clear_pointer (&self->quarters, g_free);
  for (guint c = 0; c < ev->n_columns; c++)
    {
      guint q = ev->headers[c] != NULL ? outlay_import_header_quarter (ev->headers[c]) : 0;

      n += q != 0;
      seen |= 1u << q;
    }
  if (n < MIN_QUARTER_COLUMNS || (guint) __builtin_popcount (seen & ~1u) < MIN_QUARTER_COLUMNS)
    return;
  self->quarters = g_new0 (guint8, ev->n_columns);
  for (guint c = 0; c < ev->n_columns; c++)
    if (ev->headers[c] != NULL && outlay_import_header_quarter (ev->headers[c]) != 0)
      {
        self->quarters[c] = TRUE;
        for (guint f = 0; f < OUTLAY_IMPORT_N_FIELDS; f++)
          ev->scores[c * OUTLAY_IMPORT_N_FIELDS + f] = f == F (IGNORE) ? 1.0 : 0.0;
      }
}

static void
warn_quarters (OutlayImportAnalysis *self, OutlayColumnEvidence *ev)
{
  guint n = 0, first = 0, last = 0;

  if (self->quarters == NULL)
    return;
  for (guint c = 0; c < ev->n_columns; c++)
    if (self->quarters[c])
      {
        if (n++ == 0)
          first = c;
        last = c;
      }
  if (outlay_import_analysis_find_field (self, F (ESTIMATE)) >= 0)
    g_ptr_array_add (self->warnings,
                     g_strdup_printf (_("The %u quarter columns (“%s” to “%s”) are left out: "
                                        "Outlay imports the total beside them, not amounts per "
                                        "quarter."),
                                         n, ev->headers[first], ev->headers[last]));
  else
    g_ptr_array_add (self->warnings,
                     g_strdup_printf (_("The %u quarter columns (“%s” to “%s”) are left out: "
                                        "Outlay adds them up into each line’s estimate, as there "
                                        "is no total column."),
                                         n, ev->headers[first], ev->headers[last]));
}

static void
map_columns (OutlayImportAnalysis *self, OutlaySheetSample *sample, char **texts,
             guint n_columns, GHashTable *memo)
{
  OutlayColumnEvidence ev = { n_columns, g_new0 (double, MAX (n_columns, 1) * OUTLAY_IMPORT_N_FIELDS),
                              (const char **) texts };

  g_ptr_array_set_size (self->columns, 0);
  for (guint c = 0; c < n_columns; c++)
    {
      OutlayColumnMapping *m = g_new0 (OutlayColumnMapping, 1);

      m->column = c;
      m->header = self->header_row == 0 ? outlay_import_column_letters (c) : g_strdup (texts[c] ? texts[c] : "");
      g_ptr_array_add (self->columns, m);
      if (texts[c] != NULL)
        {
          const OutlayFieldMatch *fm = outlay_import_match_cached (memo, texts[c]);

          for (guint k = 0; k < fm->n; k++)
            ev.scores[c * OUTLAY_IMPORT_N_FIELDS + fm->c[k].field] = fm->c[k].score;
        }
    }
  outlay_import_content_adjust (self, sample, &ev);
  leave_out_months (self, &ev);
  leave_out_quarters (self, &ev);
  resolve (self, &ev);
  fix_up (self);
  warn_quarters (self, &ev);
  g_free (ev.scores);
}

/* ---- the whole ---- */

static void
set_signature (OutlayImportAnalysis *self)
{
  g_autoptr(GString) s = g_string_new (NULL);
  guint last = 0;

  g_free (self->signature);
  if (self->header_row == 0)
    {
      self->signature = g_strdup_printf ("no-header:%u", self->columns->len);
      return;
    }
  for (guint c = 0; c < self->columns->len; c++)
    if (*((OutlayColumnMapping *) self->columns->pdata[c])->header != '\0')
      last = c + 1;
  for (guint c = 0; c < last; c++)
    {
      g_autofree char *norm =
        outlay_import_normalize_header (((OutlayColumnMapping *) self->columns->pdata[c])->header, NULL);

      if (c > 0)
        g_string_append_c (s, '|');
      g_string_append (s, norm);
    }
  self->signature = g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
has_any (OutlayImportAnalysis *self, const OutlayImportField *fields, guint n)
{
  for (guint i = 0; i < n; i++)
    if (outlay_import_analysis_find_field (self, fields[i]) >= 0)
      return TRUE;
  return FALSE;
}

static void
add_warnings (OutlayImportAnalysis *self)
{
  static const OutlayImportField amounts[] = { F (ESTIMATE), F (ACTUAL), F (COMMITTED), F (RATE) };
  static const OutlayImportField description[] = { F (DESCRIPTION) };

  if (self->header_row == 0)
    g_ptr_array_add (self->warnings,
                     g_strdup (_("No header row was found: the columns were matched by what they hold.")));
  if (!has_any (self, amounts, G_N_ELEMENTS (amounts)) && self->rules.summed == NULL)
    g_ptr_array_add (self->warnings, g_strdup (_("No column looks like an amount.")));
  if (!has_any (self, description, 1))
    g_ptr_array_add (self->warnings, g_strdup (_("No column looks like a description.")));
}

/* How well the sheet reads as a budget table: header words, line rows,
 * an amount and a description column. */
static double
table_score (OutlayImportAnalysis *self, OutlaySheetSample *sample)
{
  static const OutlayImportField amounts[] = { F (ESTIMATE), F (ACTUAL), F (COMMITTED), F (RATE) };
  static const OutlayImportField description[] = { F (DESCRIPTION) };
  guint lines = 0;

  for (guint i = 0; i < sample->rows->len; i++)
    lines += outlay_import_analysis_classify_row (self, sample->rows->pdata[i], NULL, NULL)
             == OUTLAY_ROW_LINE;
  return self->header_score + MIN (lines, 150u) / 10.0
         + (has_any (self, amounts, G_N_ELEMENTS (amounts)) ? 2.0 : 0.0)
         + (has_any (self, description, 1) ? 1.0 : 0.0);
}

static OutlaySheetSample *
current_sample (OutlayImportAnalysis *self)
{
  if (self->sheet < self->samples->len && self->samples->pdata[self->sheet] != NULL)
    return self->samples->pdata[self->sheet];
  if (self->empty == NULL)
    self->empty = outlay_sheet_sample_new ();
  return self->empty;
}

/* Maps the columns below the current header row and derives the rest. */
static void
analyse_header (OutlayImportAnalysis *self, GHashTable *memo)
{
  OutlaySheetSample *sample = current_sample (self);
  guint n_columns = outlay_import_count_columns (sample);
  const OutlayRow *lower = NULL, *upper = NULL;
  g_autoptr(GPtrArray) texts = NULL;

  for (guint i = 0; self->header_row > 0 && i < sample->rows->len; i++)
    {
      const OutlayRow *row = sample->rows->pdata[i];

      if (row->number == self->header_row)
        lower = row;
      else if (row->number + 1 == self->header_row)
        upper = row;
    }
  if (self->header_rows < 2)
    upper = NULL;
  if (lower == NULL)
    {
      texts = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_set_size (texts, n_columns);
    }
  else
    texts = outlay_import_header_texts (lower, upper, n_columns);
  g_ptr_array_set_size (self->warnings, 0);
  map_columns (self, sample, (char **) texts->pdata, n_columns, memo);
  outlay_import_rules_build (self, sample);
  g_free (self->table_title);
  self->table_title = outlay_import_table_title (self, sample);
  set_signature (self);
  add_warnings (self);
  self->table_score = table_score (self, sample);
  outlay_import_detect_kind (self, sample);
}

static void
analyse_sheet (OutlayImportAnalysis *self, GHashTable *memo)
{
  OutlaySheetSample *sample = current_sample (self);
  OutlayHeaderChoice h = outlay_import_find_header (sample, memo);

  self->header_row = h.index >= 0 ? ((const OutlayRow *) sample->rows->pdata[h.index])->number : 0;
  self->header_rows = h.index >= 0 ? h.rows : 0;
  self->header_score = h.index >= 0 ? h.vocabulary : 0;
  analyse_header (self, memo);
}

static OutlayImportAnalysis *
analysis_new (const char *file_name, GPtrArray *samples, GStrv sheet_names, guint sheet,
              OutlayDecimalStyle style)
{
  OutlayImportAnalysis *self = g_new0 (OutlayImportAnalysis, 1);

  self->file_name = g_strdup (file_name);
  self->samples = g_ptr_array_ref (samples);
  self->sheet_names = g_strdupv (sheet_names);
  self->sheet = sheet;
  self->number_style = style;
  self->columns = g_ptr_array_new_with_free_func (mapping_free);
  self->reasons = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->reasons, NULL);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->kind = OUTLAY_FILE_KIND_UNKNOWN;
  return self;
}

void
outlay_import_analysis_free (OutlayImportAnalysis *self)
{
  if (self == NULL)
    return;
  outlay_import_rules_clear (&self->rules);
  g_free (self->table_title);
  g_free (self->quarters);
  g_free (self->file_name);
  g_ptr_array_unref (self->samples);
  g_strfreev (self->sheet_names);
  g_ptr_array_unref (self->columns);
  g_ptr_array_unref (self->reasons);
  g_free (self->signature);
  g_ptr_array_unref (self->warnings);
  outlay_sheet_sample_free (self->empty);
  g_free (self);
}

/* "1.234,56" and "12,5" vote for the decimal comma, "1,234.56" and "12.5" against. */
static OutlayDecimalStyle
sniff_style (GPtrArray *samples)
{
  int comma = 0, point = 0;

  for (guint s = 0; s < samples->len; s++)
    for (guint i = 0; samples->pdata[s] != NULL && i < ((OutlaySheetSample *) samples->pdata[s])->rows->len; i++)
      {
        const OutlayRow *row = ((OutlaySheetSample *) samples->pdata[s])->rows->pdata[i];

        for (guint k = 0; k < row->n_cells; k++)
          {
            const OutlayCell *c = &row->cells[k];
            const char *dot, *com;

            if (c->kind != OUTLAY_CELL_STRING || !outlay_import_cell_is_number (c))
              continue;
            dot = strrchr (c->text, '.');
            com = strrchr (c->text, ',');
            if (com != NULL && (dot == NULL || com > dot) && strspn (com + 1, "0123456789") != 3)
              comma++;
            else if (dot != NULL && (com == NULL || dot > com) && strspn (dot + 1, "0123456789") != 3)
              point++;
          }
      }
  return comma > point ? OUTLAY_DECIMAL_STYLE_COMMA : OUTLAY_DECIMAL_STYLE_POINT;
}

/**
 * outlay_import_analyze_samples:
 * @file_name: the file's name, for messages and as a cue ("invoice_2025.xlsx")
 * @samples: (element-type OutlaySheetSample): one per sheet; %NULL skips a sheet
 * @sheet_names: (nullable): the sheets' names
 * @sheet: the sheet to use, or -1 to choose the one that reads best as a budget
 * @number_style: how the file writes numbers as text; AUTO to sniff
 *
 * Returns: (transfer full): the analysis
 */
OutlayImportAnalysis *
outlay_import_analyze_samples (const char         *file_name,
                               GPtrArray          *samples,
                               GStrv               sheet_names,
                               int                 sheet,
                               OutlayDecimalStyle  number_style)
{
  g_autoptr(GHashTable) memo = outlay_import_memo_new ();
  OutlayImportAnalysis *best = NULL;
  OutlayDecimalStyle style;

  g_return_val_if_fail (samples != NULL, NULL);
  style = number_style == OUTLAY_DECIMAL_STYLE_AUTO ? sniff_style (samples) : number_style;
  for (guint i = 0; i < MAX (samples->len, 1u); i++)
    {
      OutlayImportAnalysis *a;

      if ((sheet >= 0 && (guint) sheet != i) || (sheet < 0 && i < samples->len && samples->pdata[i] == NULL))
        continue;
      a = analysis_new (file_name, samples, sheet_names, i, style);
      analyse_sheet (a, memo);
      if (best == NULL || a->table_score > best->table_score)
        {
          outlay_import_analysis_free (best);
          best = a;
        }
      else
        outlay_import_analysis_free (a);
    }
  if (best == NULL)
    {
      best = analysis_new (file_name, samples, sheet_names, MAX (sheet, 0), style);
      analyse_sheet (best, memo);
    }
  return best;
}

static gboolean
read_samples (OutlayWorkbook *wb, GPtrArray *samples, gboolean hidden, int only,
              GCancellable *cancellable, GError **error)
{
  for (guint i = 0; i < samples->len; i++)
    {
      gboolean wanted = only >= 0 ? (guint) only == i : outlay_workbook_get_sheet_hidden (wb, i) == hidden;

      if (!wanted || samples->pdata[i] != NULL)
        continue;
      samples->pdata[i] = outlay_sheet_sample_read (wb, i, SAMPLE_ROWS, cancellable, error);
      if (samples->pdata[i] == NULL)
        return FALSE;
    }
  return TRUE;
}

static GStrv
sheet_names_of (OutlayWorkbook *wb)
{
  guint n = outlay_workbook_get_n_sheets (wb);
  GStrv names = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    names[i] = g_strdup (outlay_workbook_get_sheet_name (wb, i));
  return names;
}

static gboolean
has_hidden (OutlayWorkbook *wb)
{
  for (guint i = 0; i < outlay_workbook_get_n_sheets (wb); i++)
    if (outlay_workbook_get_sheet_hidden (wb, i))
      return TRUE;
  return FALSE;
}

/**
 * outlay_import_analyze:
 * @wb: an open workbook
 * @sheet: the sheet to use, or -1 to choose
 *
 * Returns: (transfer full): the analysis, or %NULL with @error set when a
 *   sheet cannot be read
 */
OutlayImportAnalysis *
outlay_import_analyze (OutlayWorkbook  *wb,
                       int              sheet,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_autoptr(GPtrArray) samples = NULL;
  g_auto(GStrv) names = NULL;
  OutlayImportAnalysis *a;
  guint n;

  g_return_val_if_fail (OUTLAY_IS_WORKBOOK (wb), NULL);
  n = outlay_workbook_get_n_sheets (wb);
  if (n == 0 || (sheet >= 0 && (guint) sheet >= n))
    {
      g_set_error (error, OUTLAY_ERROR, n == 0 ? OUTLAY_ERROR_INVALID_FILE : OUTLAY_ERROR_NOT_FOUND,
                   n == 0 ? _("“%s” has no sheets.") : _("“%s” has no sheet %d."),
                   outlay_workbook_get_name (wb), sheet + 1);
      return NULL;
    }
  samples = g_ptr_array_new_full (n, (GDestroyNotify) outlay_sheet_sample_free);
  g_ptr_array_set_size (samples, n);
  names = sheet_names_of (wb);
  if (!read_samples (wb, samples, FALSE, sheet, cancellable, error))
    return NULL;
  a = outlay_import_analyze_samples (outlay_workbook_get_name (wb), samples, names, sheet,
                                     outlay_workbook_get_number_style (wb));
  if (sheet < 0 && a->table_score < FIT_SCORE && has_hidden (wb))
    {
      outlay_import_analysis_free (a);
      if (!read_samples (wb, samples, TRUE, -1, cancellable, error))
        return NULL;
      a = outlay_import_analyze_samples (outlay_workbook_get_name (wb), samples, names, -1,
                                         outlay_workbook_get_number_style (wb));
      if (outlay_workbook_get_sheet_hidden (wb, a->sheet))
        g_ptr_array_add (a->warnings, g_strdup_printf (_("The table is on the hidden sheet “%s”."),
                                                       names[a->sheet]));
    }
  return a;
}

/* ---- accessors and overrides ---- */

guint
outlay_import_analysis_get_sheet (OutlayImportAnalysis *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->sheet;
}

const char *
outlay_import_analysis_get_sheet_name (OutlayImportAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (self->sheet_names == NULL || self->sheet >= g_strv_length (self->sheet_names))
    return NULL;
  return self->sheet_names[self->sheet];
}

guint
outlay_import_analysis_get_header_row (OutlayImportAnalysis *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->header_row;
}

guint
outlay_import_analysis_get_header_rows (OutlayImportAnalysis *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->header_rows;
}

void
outlay_import_analysis_set_header_row (OutlayImportAnalysis *self,
                                       guint                 row_number)
{
  g_autoptr(GHashTable) memo = outlay_import_memo_new ();
  OutlaySheetSample *sample;

  g_return_if_fail (self != NULL);
  sample = current_sample (self);
  self->header_row = row_number;
  self->header_rows = row_number > 0 ? 1 : 0;
  /* the user points at the last header row; the one above joins it when
   * the pair reads better */
  for (guint i = 0; row_number > 0 && i < sample->rows->len; i++)
    if (((const OutlayRow *) sample->rows->pdata[i])->number == row_number)
      {
        self->header_rows = outlay_import_header_rows_at (sample, i, memo);
        break;
      }
  analyse_header (self, memo);
}

GPtrArray *
outlay_import_analysis_get_columns (OutlayImportAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->columns;
}

int
outlay_import_analysis_find_field (OutlayImportAnalysis *self,
                                   OutlayImportField     field)
{
  g_return_val_if_fail (self != NULL, -1);
  for (guint c = 0; c < self->columns->len; c++)
    if (((OutlayColumnMapping *) self->columns->pdata[c])->field == field)
      return c;
  return -1;
}

void
outlay_import_analysis_set_field (OutlayImportAnalysis *self,
                                  guint                 column,
                                  OutlayImportField     field)
{
  OutlayColumnMapping *m;

  g_return_if_fail (self != NULL && field < OUTLAY_IMPORT_N_FIELDS);
  g_return_if_fail (column < self->columns->len);
  if (!is_shared_field (field))
    for (guint c = 0; c < self->columns->len; c++)
      {
        OutlayColumnMapping *other = self->columns->pdata[c];

        if (c != column && other->field == field)
          {
            other->field = F (IGNORE);
            other->confidence = 1.0;
          }
      }
  m = self->columns->pdata[column];
  m->field = field;
  m->confidence = 1.0;
  outlay_import_rules_build (self, current_sample (self));
}

OutlayFileKind
outlay_import_analysis_get_kind (OutlayImportAnalysis *self,
                                 double               *confidence)
{
  g_return_val_if_fail (self != NULL, OUTLAY_FILE_KIND_UNKNOWN);
  if (confidence != NULL)
    *confidence = self->kind_confidence;
  return self->kind;
}

const char * const *
outlay_import_analysis_get_reasons (OutlayImportAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->reasons->pdata;
}

const char *
outlay_import_analysis_get_signature (OutlayImportAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->signature;
}

OutlayDecimalStyle
outlay_import_analysis_get_number_style (OutlayImportAnalysis *self)
{
  g_return_val_if_fail (self != NULL, OUTLAY_DECIMAL_STYLE_POINT);
  return self->number_style;
}

GPtrArray *
outlay_import_analysis_get_warnings (OutlayImportAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->warnings;
}

/**
 * outlay_import_analysis_get_table_title:
 *
 * Returns: (nullable): when the sheet holds tables stacked one below the
 * other, the title above the first one (the section its lines go to)
 */
const char *
outlay_import_analysis_get_table_title (OutlayImportAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->table_title;
}

/**
 * outlay_import_analysis_column_is_summed:
 *
 * Returns: whether @column's amounts add up into each line's estimate: a
 * quarter of a cross-tab without a total column, while no column is the
 * estimate
 */
gboolean
outlay_import_analysis_column_is_summed (OutlayImportAnalysis *self, guint column)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->rules.summed != NULL && column < self->rules.n_columns && self->rules.summed[column];
}
