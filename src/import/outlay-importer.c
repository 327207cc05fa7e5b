/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-importer"

/* Rows → lines. One pass over the chosen sheet: each row is classified
 * (line, section heading, subtotal, total, other), a line's cells are
 * converted by the column mapping, and the line goes to the store, or,
 * for a check, only into the counts. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "outlay-currency.h"
#include "outlay-error.h"
#include "outlay-import-summary.h"
#include "outlay-import-periods.h"
#include "outlay-importer.h"
#include "outlay-line-private.h"
#include "outlay-row-pipe.h"

#define PROGRESS_EVERY 2000
#define MAX_LISTED_ERRORS 1000
/* bytes of a bad row's values kept for its message */
#define MAX_CELLS_TEXT 200

typedef struct
{
  OutlayImportAnalysis      *analysis;
  const OutlayImportOptions *options;
  OutlayStoreImport         *import;       /* NULL for a check */
  OutlayImportResult        *result;
  OutlayDecimalStyle         style;
  OutlayImportField         *fields;       /* by column */
  gboolean *summed;                        /* by column: adds up into the estimate */
  guint                      n_fields;
  char                     **headers;      /* by column, for messages */
  gboolean                   mapped[OUTLAY_IMPORT_N_FIELDS];
  guint                      header_row;
  const char                *default_section;
  OutlayLine                *line;         /* scratch, reused for every row */
  OutlayImportSection       *section;      /* the one lines go to now */
  gint64                     section_id;
  GHashTable                *sections;     /* "code\x1fname" → OutlayImportSection* */
  OutlayDecimal              run_estimate; /* since the last subtotal */
  OutlayDecimal              run_actual;
  OutlayDecimal              sec_estimate; /* since the section began, fringe included */
  OutlayDecimal table_estimate;            /* since the last header (stacked tables) */
  gboolean                   csv;          /* fields past the header mean a broken row */
  guint header_width;                      /* columns up to the header's last name */
  const char *category;                    /* the last category cell's text (a key of categories) */
  GHashTable *categories;                  /* a category cell's text → CategorySection */
  const char                *unit;         /* from the qty column's header: "Est. Hours" */
  gboolean                   file_currency; /* result->currency came from the file */
  OutlayProgressFunc         progress;
  gpointer                   progress_data;
  GCancellable              *cancellable;
  guint                      rows_seen;
  const OutlayRow *row;        /* the row being taken, for messages */
  OutlayImportSummary summary; /* the bid's own summary sheet */
  OutlayPeriodFold *fold;      /* rows per line and period, folded into lines */
  OutlayMonthColumns *months;  /* a month per column: the lines' phasing */
} Importer;

/* The section a category names, and its id in the store. */
typedef struct
{
  char *text; /* the category cell's, the key in Importer.categories */
  OutlayImportSection *section;
  gint64 section_id;
} CategorySection;

static void
category_section_free (gpointer data)
{
  CategorySection *c = data;

  g_free (c->text);
  g_free (c);
}

static void
row_error_free (OutlayImportRowError *e)
{
  g_free (e->column);
  g_free (e->value);
  g_free (e->cells);
  g_free (e->message);
  g_free (e);
}

static void
section_free (OutlayImportSection *s)
{
  g_free (s->code);
  g_free (s->name);
  g_free (s);
}

void
outlay_import_result_free (OutlayImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->budget_name);
  g_free (result->currency);
  g_clear_pointer (&result->errors, g_ptr_array_unref);
  g_clear_pointer (&result->sections, g_ptr_array_unref);
  g_clear_pointer (&result->warnings, g_ptr_array_unref);
  g_clear_pointer (&result->details, g_hash_table_unref);
  g_free (result);
}

static OutlayImportResult *
result_new (void)
{
  OutlayImportResult *result = g_new0 (OutlayImportResult, 1);

  result->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) row_error_free);
  result->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  result->warnings = g_ptr_array_new_with_free_func (g_free);
  result->details = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  return result;
}

/* ---- cells ---- */

static char *
column_letters (guint column)
{
  char buf[8];
  int i = G_N_ELEMENTS (buf) - 1;
  guint n = column + 1;

  if (column == G_MAXUINT)
    return g_strdup (_("Estimate"));
  buf[i] = '\0';
  while (n > 0 && i > 0)
    {
      n--;
      buf[--i] = 'A' + n % 26;
      n /= 26;
    }
  return g_strdup (buf + i);
}

static const char *
header_of (Importer *self, guint column)
{
  if (column < self->n_fields && self->headers[column] != NULL)
    return self->headers[column];
  return NULL;
}

/* The row's values as a user sees them, to find it in the file. */
static char *
row_cells (const OutlayRow *row)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; row != NULL && i < row->n_cells && text->len < MAX_CELLS_TEXT; i++)
    {
      if (row->cells[i].length == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, " | ");
      g_string_append_len (text, row->cells[i].text, (gssize) row->cells[i].length);
    }
  if (text->len > MAX_CELLS_TEXT)
    {
      const char *end = g_utf8_find_prev_char (text->str, text->str + MAX_CELLS_TEXT);

      g_string_truncate (text, end != NULL ? (gsize) (end - text->str) : 0);
      g_string_append (text, "…");
    }
  if (!g_utf8_validate (text->str, (gssize) text->len, NULL))
    {
      char *valid = g_utf8_make_valid (text->str, (gssize) text->len);

      g_string_free (text, TRUE);
      return valid;
    }
  return g_string_free (text, FALSE);
}

static void
add_row_error (Importer *self, guint row, guint column, const char *value, const char *message)
{
  OutlayImportRowError *e;

  if (self->result->errors->len >= MAX_LISTED_ERRORS)
    return;
  e = g_new0 (OutlayImportRowError, 1);
  e->row = row;
  e->column = header_of (self, column) != NULL ? g_strdup (header_of (self, column))
                                                : column_letters (column);
  e->value = g_utf8_make_valid (value != NULL ? value : "", MIN (strlen (value ? value : ""), 200));
  e->message = g_strdup (message);
  e->cells = row_cells (self->row);
  g_ptr_array_add (self->result->errors, e);
}

static gboolean
cell_decimal (Importer *self, const OutlayCell *cell, OutlayDecimal *out, char **why)
{
  g_autoptr(GError) error = NULL;
  OutlayDecimalStyle style = cell->kind == OUTLAY_CELL_STRING ? self->style
                                                              : OUTLAY_DECIMAL_STYLE_POINT;

  if (cell->kind == OUTLAY_CELL_ERROR)
    {
      *why = g_strdup_printf (_("the cell shows the error %s"), cell->text);
      return FALSE;
    }
  if (cell->kind == OUTLAY_CELL_DATE || cell->kind == OUTLAY_CELL_BOOLEAN)
    {
      *why = g_strdup (cell->kind == OUTLAY_CELL_DATE ? _("a date is not an amount")
                                                     : _("TRUE/FALSE is not an amount"));
      return FALSE;
    }
  if (!outlay_decimal_parse_full (cell->text, cell->length, style, out, NULL, &error))
    {
      *why = g_strdup (error->message);
      return FALSE;
    }
  return TRUE;
}

static const char *
field_text (const OutlayCell *cell, char buf[32])
{
  /* a date keeps its day; a time of day adds nothing to a budget line */
  if (cell->kind == OUTLAY_CELL_DATE && cell->length > 10 && cell->text[10] == 'T')
    {
      memcpy (buf, cell->text, 10);
      buf[10] = '\0';
      return buf;
    }
  return cell->text;
}

/* ---- sections ---- */

/* "A: Pre-production wages", "1100 - Story", "3. Travel" → code and name */
static void
split_category (const char *text, char **code, char **name)
{
  const char *p = text;
  gsize n = 0;

  while (g_ascii_isalnum (p[n]) && n < 6)
    n++;
  if (n > 0 && (n == 1 || g_ascii_isdigit (p[0]) || g_ascii_isdigit (p[n - 1])))
    {
      const char *q = p + n;

      while (*q == ' ')
        q++;
      if ((*q == ':' || *q == '.' || *q == '-' || *q == ')') && q[1] == ' ')
        {
          *code = g_strndup (p, n);
          *name = g_strstrip (g_strdup (q + 1));
          return;
        }
    }
  *code = g_strdup ("");
  *name = g_strstrip (g_strdup (text));
}

static gboolean
use_section (Importer *self, const char *code, const char *name, GError **error)
{
  g_autofree char *key = NULL;
  OutlayImportSection *section;

  /* most rows stay in the section of the row before */
  if (self->section != NULL && g_strcmp0 (self->section->code, code) == 0
      && g_strcmp0 (self->section->name, name) == 0)
    return TRUE;
  key = g_strconcat (code != NULL ? code : "", "\x1f", name, NULL);
  section = g_hash_table_lookup (self->sections, key);

  if (section == NULL)
    {
      section = g_new0 (OutlayImportSection, 1);
      section->code = g_strdup (code);
      section->name = g_strdup (name);
      g_ptr_array_add (self->result->sections, section);
      g_hash_table_insert (self->sections, g_steal_pointer (&key), section);
    }
  if (section == self->section)
    return TRUE;
  self->section = section;
  self->sec_estimate = 0;
  if (self->import != NULL)
    {
      self->section_id = outlay_store_import_section (self->import, code, name, error);
      return self->section_id != 0;
    }
  return TRUE;
}

/* ---- rows ---- */

static void
warn (Importer *self, const char *message)
{
  if (self->result->warnings->len < 200)
    g_ptr_array_add (self->result->warnings, g_strdup (message));
}

static gboolean
row_amount (Importer *self, const OutlayRow *row, OutlayImportField field, OutlayDecimal *out)
{
  for (guint i = 0; i < row->n_cells; i++)
    {
      const OutlayCell *cell = &row->cells[i];
      g_autofree char *why = NULL;

      if (cell->column < self->n_fields && self->fields[cell->column] == field)
        return cell_decimal (self, cell, out, &why);
    }
  return FALSE;
}

static char *
money (Importer *self, OutlayDecimal value)
{
  return outlay_decimal_to_string (outlay_decimal_round (value, 2), 2);
}

/* Subtotal and total rows are checked against what was read, to the cent. */
/* The description, or else the first text: what the row calls itself. */
static const char *
row_label (Importer *self, const OutlayRow *row)
{
  const char *first = NULL;

  for (guint i = 0; i < row->n_cells; i++)
    if (row->cells[i].kind == OUTLAY_CELL_STRING)
      {
        guint c = row->cells[i].column;

        if (c < self->n_fields && self->fields[c] == OUTLAY_IMPORT_FIELD_DESCRIPTION)
          return row->cells[i].text;
        if (first == NULL)
          first = row->cells[i].text;
      }
  return first != NULL ? first : "";
}

static gboolean
same_cents (OutlayDecimal a, OutlayDecimal b)
{
  return outlay_decimal_round (a, 2) == outlay_decimal_round (b, 2);
}

/* A subtotal may close the lines since the last subtotal or the whole
 * section (a "Total" under "Subtotal" and "Fringe"). */
static void
check_total (Importer *self, const OutlayRow *row, gboolean grand)
{
  OutlayDecimal said, sum = grand ? self->result->estimate : self->run_estimate;
  g_autofree char *s1 = NULL;
  g_autofree char *s2 = NULL;
  g_autofree char *message = NULL;

  if (!row_amount (self, row, OUTLAY_IMPORT_FIELD_ESTIMATE, &said) || same_cents (said, sum)
      || same_cents (said, self->table_estimate)
      || (!grand && same_cents (said, self->sec_estimate)))
    return;
  s1 = money (self, said);
  s2 = money (self, sum);
  message = g_strdup_printf (grand ? _("Row %u (“%s”) was read as the total and not imported: "
                                       "it says %s, but the lines add up to %s")
                                   : _("Row %u (“%s”) was read as a subtotal and not imported: "
                                       "it says %s, but the lines above it add up to %s"),
                             row->number, row_label (self, row), s1, s2);
  warn (self, message);
}

static void
reset_line (Importer *self)
{
  for (OutlayLineField f = 0; f < OUTLAY_LINE_N_FIELDS; f++)
    {
      if (outlay_line_field_is_decimal (f))
        outlay_line_load_decimal (self->line, f, 0);
      else
        outlay_line_take_text (self->line, f, NULL);
    }
  outlay_line_load_decimal (self->line, OUTLAY_LINE_QUANTITY, OUTLAY_DECIMAL_ONE);
  outlay_line_load_decimal (self->line, OUTLAY_LINE_MULTIPLIER, OUTLAY_DECIMAL_ONE);
  outlay_line_load_overridden (self->line, FALSE);
  if (self->unit != NULL)
    outlay_line_load_text (self->line, OUTLAY_LINE_UNIT, self->unit);
}

static const OutlayLineField line_field_of[OUTLAY_IMPORT_N_FIELDS] = {
  [OUTLAY_IMPORT_FIELD_IGNORE] = OUTLAY_LINE_N_FIELDS,
  [OUTLAY_IMPORT_FIELD_CODE] = OUTLAY_LINE_CODE,
  [OUTLAY_IMPORT_FIELD_DESCRIPTION] = OUTLAY_LINE_DESCRIPTION,
  [OUTLAY_IMPORT_FIELD_CATEGORY] = OUTLAY_LINE_N_FIELDS,
  [OUTLAY_IMPORT_FIELD_QTY] = OUTLAY_LINE_QUANTITY,
  [OUTLAY_IMPORT_FIELD_UNIT] = OUTLAY_LINE_UNIT,
  [OUTLAY_IMPORT_FIELD_MULTIPLIER] = OUTLAY_LINE_MULTIPLIER,
  [OUTLAY_IMPORT_FIELD_RATE] = OUTLAY_LINE_RATE,
  [OUTLAY_IMPORT_FIELD_ESTIMATE] = OUTLAY_LINE_ESTIMATE,
  [OUTLAY_IMPORT_FIELD_ACTUAL] = OUTLAY_LINE_ACTUAL,
  [OUTLAY_IMPORT_FIELD_COMMITTED] = OUTLAY_LINE_COMMITTED,
  [OUTLAY_IMPORT_FIELD_NOTES] = OUTLAY_LINE_NOTES,
  [OUTLAY_IMPORT_FIELD_DATE] = OUTLAY_LINE_DATE,
  [OUTLAY_IMPORT_FIELD_VENDOR] = OUTLAY_LINE_VENDOR,
  [OUTLAY_IMPORT_FIELD_ASSIGNEE] = OUTLAY_LINE_ASSIGNEE,
  [OUTLAY_IMPORT_FIELD_PERIOD] = OUTLAY_LINE_PERIOD,
  [OUTLAY_IMPORT_FIELD_DERIVED] = OUTLAY_LINE_N_FIELDS,
};

/* A quarter of a cross-tab without a total: added to the line's estimate. */
static gboolean
add_to_estimate (Importer *self, const OutlayRow *row, const OutlayCell *cell)
{
  OutlayDecimal value, sum;
  g_autofree char *why = NULL;

  if (!cell_decimal (self, cell, &value, &why))
    {
      add_row_error (self, row->number, cell->column, cell->text, why);
      return FALSE;
    }
  if (!outlay_decimal_add (outlay_line_get_estimate (self->line), value, &sum))
    {
      add_row_error (self, row->number, cell->column, cell->text,
                     _("the amounts are too large to add up"));
      return FALSE;
    }
  outlay_line_load_decimal (self->line, OUTLAY_LINE_ESTIMATE, sum);
  return TRUE;
}

/* The months across: their sums are the line's estimate and actual where
 * the sheet has no year's columns. */
static gboolean
month_sums (Importer *self, const OutlayRow *row, gboolean *has_estimate)
{
  OutlayDecimal budget, actual;
  gboolean any_actual;

  if (!outlay_month_columns_sums (self->months, &budget, &actual, &any_actual))
    {
      add_row_error (self, row->number, G_MAXUINT, "", _("the months are too large to add up"));
      return FALSE;
    }
  if (!self->mapped[OUTLAY_IMPORT_FIELD_ESTIMATE] && !*has_estimate)
    {
      outlay_line_load_decimal (self->line, OUTLAY_LINE_ESTIMATE, budget);
      *has_estimate = TRUE;
    }
  if (!self->mapped[OUTLAY_IMPORT_FIELD_ACTUAL] && any_actual)
    outlay_line_load_decimal (self->line, OUTLAY_LINE_ACTUAL, actual);
  return TRUE;
}

/* Fills the scratch line from @row; FALSE (with a row error) when a cell
 * cannot be read. */
static gboolean
convert_line (Importer *self, const OutlayRow *row, const OutlayCell **category,
              gboolean *has_estimate)
{
  reset_line (self);
  *category = NULL;
  *has_estimate = FALSE;
  if (self->months != NULL)
    outlay_month_columns_reset (self->months);
  for (guint i = 0; i < row->n_cells; i++)
    {
      const OutlayCell *cell = &row->cells[i];
      OutlayImportField field = cell->column < self->n_fields ? self->fields[cell->column]
                                                              : OUTLAY_IMPORT_FIELD_IGNORE;
      OutlayLineField lf = line_field_of[field];
      char buf[32];

      /* a blank header cell between named ones is a column too */
      if (self->csv && self->header_row > 0 && cell->column >= self->header_width)
        {
          add_row_error (self, row->number, cell->column, cell->text,
                         _("the row has more fields than the header: is a number with a "
                           "decimal comma missing its quotes?"));
          return FALSE;
        }
      if (field == OUTLAY_IMPORT_FIELD_CATEGORY)
        *category = cell;
      if (cell->column < self->n_fields && self->summed[cell->column])
        {
          if (!add_to_estimate (self, row, cell))
            return FALSE;
          *has_estimate = TRUE;
          continue;
        }
      if (self->months != NULL && outlay_month_columns_has (self->months, cell->column))
        {
          OutlayDecimal value;
          g_autofree char *why = NULL;

          if (!cell_decimal (self, cell, &value, &why))
            {
              add_row_error (self, row->number, cell->column, cell->text, why);
              return FALSE;
            }
          outlay_month_columns_take (self->months, cell->column, value);
          continue;
        }
      if (lf == OUTLAY_LINE_N_FIELDS)
        continue;
      if (outlay_line_field_is_decimal (lf))
        {
          OutlayDecimal value;
          g_autofree char *why = NULL;

          if (!cell_decimal (self, cell, &value, &why))
            {
              add_row_error (self, row->number, cell->column, cell->text, why);
              return FALSE;
            }
          outlay_line_load_decimal (self->line, lf, value);
          if (lf == OUTLAY_LINE_ESTIMATE)
            *has_estimate = TRUE;
        }
      else
        outlay_line_load_text (self->line, lf, field_text (cell, buf));
    }
  return self->months == NULL || month_sums (self, row, has_estimate);
}

/* qty × multiplier × rate when the file has them; the file's own
 * estimate wins and is marked as typed in when it differs. */
static gboolean
settle_estimate (Importer *self, guint row, gboolean has_estimate)
{
  OutlayDecimal computed;
  gboolean priced = self->mapped[OUTLAY_IMPORT_FIELD_RATE];

  if (!outlay_line_compute_estimate (self->line, &computed))
    {
      add_row_error (self, row, G_MAXUINT, "", _("qty × rate is too large"));
      return FALSE;
    }
  if (!has_estimate)
    {
      if (priced)
        outlay_line_load_decimal (self->line, OUTLAY_LINE_ESTIMATE, computed);
      return TRUE;
    }
  outlay_line_load_overridden (self->line,
                               computed != outlay_line_get_estimate (self->line));
  return TRUE;
}

static gboolean
add_amounts (Importer *self, OutlayImportSection *section)
{
  OutlayDecimal estimate = outlay_line_get_estimate (self->line);
  OutlayDecimal actual = outlay_line_get_actual (self->line);

  return outlay_decimal_add (section->estimate, estimate, &section->estimate)
         && outlay_decimal_add (section->actual, actual, &section->actual)
         && outlay_decimal_add (self->result->estimate, estimate, &self->result->estimate)
         && outlay_decimal_add (self->result->actual, actual, &self->result->actual)
         && outlay_decimal_add (self->run_estimate, estimate, &self->run_estimate)
         && outlay_decimal_add (self->sec_estimate, estimate, &self->sec_estimate)
         && outlay_decimal_add (self->table_estimate, estimate, &self->table_estimate)
         && outlay_decimal_add (self->run_actual, actual, &self->run_actual);
}

static gboolean
bad_row (Importer *self, const OutlayRow *row, GError **error)
{
  OutlayImportRowError *e;

  self->result->rows_skipped++;
  if (!self->options->abort_on_bad_row)
    return TRUE;
  e = self->result->errors->len > 0 ? g_ptr_array_index (self->result->errors,
                                                         self->result->errors->len - 1) : NULL;
  if (e != NULL && e->cells != NULL && *e->cells != '\0')
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_NUMBER,
                 _("Row %u, column “%s”: %s. The row reads: %s. Nothing was imported."),
                    row->number, e->column, e->message, e->cells);
  else
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_NUMBER,
                 _("Row %u, column “%s”: %s. Nothing was imported."), row->number,
                    e ? e->column : "", e ? e->message : "");
  return FALSE;
}

static gboolean
take_line (Importer *self, const OutlayRow *row, GError **error)
{
  const OutlayCell *category = NULL;
  gboolean has_estimate;
  gint64 line_id = 0;

  self->result->rows_total++;
  if (!convert_line (self, row, &category, &has_estimate)
      || !settle_estimate (self, row->number, has_estimate))
    return bad_row (self, row, error);
  /* most rows stay in the category of the row before; the others go
   * back to a category seen before (a file may mix them on every row) */
  if (category != NULL && (self->category == NULL || strcmp (self->category, category->text) != 0))
    {
      CategorySection *known = g_hash_table_lookup (self->categories, category->text);

      if (known != NULL && known->section != self->section)
        {
          /* as use_section() does for a section it has seen */
          self->section = known->section;
          self->section_id = known->section_id;
          self->sec_estimate = 0;
        }
      else if (known == NULL)
        {
          g_autofree char *code = NULL;
          g_autofree char *name = NULL;

          split_category (category->text, &code, &name);
          if (!use_section (self, code, name, error))
            return FALSE;
          known = g_new (CategorySection, 1);
          known->text = g_strdup (category->text);
          known->section = self->section;
          known->section_id = self->section_id;
          g_hash_table_insert (self->categories, known->text, known);
        }
      self->category = known->text;
    }
  else if (self->section == NULL && !use_section (self, "", self->default_section, error))
    return FALSE;
  if (!add_amounts (self, self->section))
    {
      add_row_error (self, row->number, G_MAXUINT, "", _("the amounts are too large to add up"));
      return bad_row (self, row, error);
    }
  /* one row per line and period: the line's rows are folded into it, and
   * the lines are counted, not the rows */
  if (self->mapped[OUTLAY_IMPORT_FIELD_PERIOD])
    {
      gboolean new_line;

      if (self->fold == NULL)
        self->fold = outlay_period_fold_new ();
      if (outlay_period_fold_take (self->fold, self->section_id, self->line, &new_line))
        {
          self->section->lines += new_line ? 1 : 0;
          self->result->rows_imported += new_line ? 1 : 0;
          return TRUE;
        }
    }
  self->result->rows_imported++;
  self->section->lines++;
  if (self->import == NULL)
    return TRUE;
  if (!outlay_store_import_line (self->import, self->section_id, self->line,
                                 self->months != NULL ? &line_id : NULL, error))
    return FALSE;
  return self->months == NULL
         || outlay_month_columns_write (self->months, self->import, line_id, error);
}

/* "Fringe" under a section's lines (as Outlay's own xlsx export writes
 * it): the section's fringe percentage, not a line. */
static gboolean
is_fringe_row (Importer *self, const OutlayRow *row, const OutlayCell **rate,
               const OutlayCell **amount)
{
  gboolean labelled = FALSE;

  *rate = *amount = NULL;
  if (self->section == NULL)
    return FALSE;
  for (guint i = 0; i < row->n_cells; i++)
    {
      const OutlayCell *cell = &row->cells[i];
      OutlayImportField field = cell->column < self->n_fields ? self->fields[cell->column]
                                                              : OUTLAY_IMPORT_FIELD_IGNORE;

      if (field == OUTLAY_IMPORT_FIELD_CODE)
        return FALSE;
      if (field == OUTLAY_IMPORT_FIELD_DESCRIPTION && cell->kind == OUTLAY_CELL_STRING)
        labelled = g_ascii_strcasecmp (cell->text, "Fringe") == 0
                   || g_utf8_collate (cell->text, _("Fringe")) == 0;
      if (field == OUTLAY_IMPORT_FIELD_RATE)
        *rate = cell;
      if (field == OUTLAY_IMPORT_FIELD_ESTIMATE)
        *amount = cell;
    }
  return labelled && *rate != NULL && (*rate)->kind == OUTLAY_CELL_NUMBER;
}

static gboolean
take_fringe (Importer *self, const OutlayCell *rate, const OutlayCell *amount, GError **error)
{
  OutlayDecimal fraction = 0, percent, value = 0;
  g_autofree char *why = NULL;

  /* a percent-formatted cell holds the fraction: 0.225 is 22.5 % */
  if (!cell_decimal (self, rate, &fraction, &why)
      || !outlay_decimal_mul (fraction, OUTLAY_DECIMAL_FROM_INT (100), &percent))
    return TRUE;
  if (amount != NULL && cell_decimal (self, amount, &value, &why))
    {
      outlay_decimal_add (self->section->estimate, value, &self->section->estimate);
      outlay_decimal_add (self->result->estimate, value, &self->result->estimate);
      outlay_decimal_add (self->sec_estimate, value, &self->sec_estimate);
    }
  return self->import == NULL
         || outlay_store_import_set_fringe (self->import, self->section_id, percent, error);
}

static gboolean
take_row_now (Importer *self, const OutlayRow *row, GError **error)
{
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;

  if (++self->rows_seen % PROGRESS_EVERY == 0)
    {
      if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
        return FALSE;
      if (self->progress != NULL)
        self->progress (self->rows_seen, 0, self->progress_data);
    }
  if (row->number <= self->header_row)
    return TRUE;
  {
    const OutlayCell *rate, *amount;

    if (is_fringe_row (self, row, &rate, &amount))
      return take_fringe (self, rate, amount, error);
  }
  switch (outlay_import_analysis_classify_row (self->analysis, row, &code, &name))
    {
    case OUTLAY_ROW_LINE:
      return take_line (self, row, error);
    case OUTLAY_ROW_SECTION:
      self->run_estimate = self->run_actual = 0;
      self->category = NULL;
      return use_section (self, code != NULL ? code : "", name != NULL ? name : "", error);
    case OUTLAY_ROW_SUBTOTAL:
      check_total (self, row, FALSE);
      self->run_estimate = self->run_actual = 0;
      return TRUE;
    case OUTLAY_ROW_TOTAL:
      check_total (self, row, TRUE);
      return TRUE;
    case OUTLAY_ROW_HEADER:
      /* a table stacked below: its total is its own */
      self->table_estimate = self->run_estimate = self->run_actual = 0;
      return TRUE;
    case OUTLAY_ROW_BLANK:
    case OUTLAY_ROW_TEXT:
    default:
      return TRUE;
    }
}

static gboolean
take_row (const OutlayRow *row, gpointer data, GError **error)
{
  Importer *self = data;
  gboolean ok;

  self->row = row;
  ok = take_row_now (self, row, error);
  self->row = NULL;
  return ok;
}

/* ---- the title block ---- */

static const struct
{
  const char *label;     /* lower case, without the colon */
  const char *property;  /* of OutlayBudget */
} detail_labels[] = {
  { "client", "client" }, { "customer", "client" }, { "agency", "agency" },
  { "job", "job-number" }, { "job #", "job-number" }, { "job no", "job-number" },
  { "job no.", "job-number" }, { "job number", "job-number" }, { "job nr", "job-number" },
  { "title", "name" }, { "job name", "name" }, { "job title", "name" }, { "project", "name" },
  { "project name", "name" }, { "spot", "name" }, { "campaign", "name" },
  { "director", "director" }, { "producer", "producer" }, { "date", "bid-date" },
  { "bid date", "bid-date" }, { "estimate date", "bid-date" }, { "shoot days", "shoot-dates" },
  { "shoot dates", "shoot-dates" }, { "shoot date", "shoot-dates" }, { "shoot", "shoot-dates" },
  { "production company", "production-company" }, { "company", "production-company" },
  { "currency", "currency" },
};

static const char *
detail_property (const char *text, gsize length)
{
  g_autofree char *label = NULL;

  while (length > 0 && (text[length - 1] == ':' || text[length - 1] == ' '))
    length--;
  if (length == 0 || length > 40)
    return NULL;
  label = g_utf8_strdown (text, length);
  for (guint i = 0; i < G_N_ELEMENTS (detail_labels); i++)
    if (g_str_equal (label, detail_labels[i].label))
      return detail_labels[i].property;
  return NULL;
}

static void
add_detail (OutlayImportResult *r, const char *property, const OutlayCell *value)
{
  char buf[32];
  g_autofree char *text = g_strstrip (g_strdup (field_text (value, buf)));

  if (*text == '\0' || g_hash_table_contains (r->details, property)
      || (g_str_equal (property, "currency") && !outlay_currency_is_known (text)))
    return;
  if (g_str_equal (property, "shoot-dates") && value->kind == OUTLAY_CELL_NUMBER)
    {
      /* Translators: "Shoot days: 3" in a bid's title block */
      char *days = g_strdup_printf (_("%s days"), text);

      g_free (text);
      text = days;
    }
  g_hash_table_insert (r->details, (gpointer) property, g_steal_pointer (&text));
}

/* "Client:" with the value in the next cell, or "Client: Northwind" in one */
static gboolean
take_title_row (const OutlayRow *row, gpointer data, GError **error)
{
  OutlayImportResult *r = data;

  for (guint i = 0; i < row->n_cells; i++)
    {
      const OutlayCell *cell = &row->cells[i];
      const char *colon = cell->kind == OUTLAY_CELL_STRING ? strchr (cell->text, ':') : NULL;
      const char *property;

      if (colon == NULL)
        continue;
      if (colon[1] == '\0' && i + 1 < row->n_cells
          && (property = detail_property (cell->text, cell->length)) != NULL)
        add_detail (r, property, &row->cells[++i]);
      else if (colon[1] == ' ' && (property = detail_property (cell->text, colon - cell->text)))
        {
          OutlayCell rest = *cell;

          rest.text = colon + 1;
          rest.length = strlen (rest.text);
          add_detail (r, property, &rest);
        }
    }
  return TRUE;
}

static void
read_details (Importer *self, OutlayWorkbook *workbook)
{
  outlay_import_summary_read (&self->summary, workbook,
                              outlay_import_analysis_get_sheet (self->analysis), self->cancellable);
  if (self->header_row < 2)
    return;
  /* a few rows at the top: a failure here only means no details */
  outlay_workbook_read_sheet (workbook, outlay_import_analysis_get_sheet (self->analysis),
                              self->header_row - 1, take_title_row, self->result,
                              self->cancellable, NULL);
  if (self->options->currency == NULL && g_hash_table_contains (self->result->details, "currency"))
    {
      g_free (self->result->currency);
      self->result->currency = g_strdup (g_hash_table_lookup (self->result->details, "currency"));
      self->file_currency = self->result->currency_from_file = TRUE;
    }
}

/* ---- setup ---- */

/* "Est. Hours" counts hours: the unit of lines that have none */
static const char *
unit_in (const char *header)
{
  g_autofree char *lower = g_utf8_strdown (header, -1);

  if (strstr (lower, "hour") != NULL || strstr (lower, "hrs") != NULL)
    return _("hours");
  if (strstr (lower, "days") != NULL)
    return _("days");
  if (strstr (lower, "weeks") != NULL)
    return _("weeks");
  return NULL;
}

static const char *
currency_in (const char *header)
{
  static const struct { const char *symbol, *code; } symbols[] = {
    { "€", "EUR" }, { "£", "GBP" }, { "¥", "JPY" }, { "₹", "INR" }, { "$", "USD" },
  };
  char code[4];

  for (const char *p = header; *p != '\0'; p++)
    if (g_ascii_isupper (p[0]) && g_ascii_isupper (p[1]) && g_ascii_isupper (p[2])
        && (p == header || !g_ascii_isalpha (p[-1])) && !g_ascii_isalpha (p[3]))
      {
        memcpy (code, p, 3);
        code[3] = '\0';
        if (outlay_currency_is_known (code))
          return g_intern_string (code);
      }
  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (strstr (header, symbols[i].symbol) != NULL)
      return symbols[i].code;
  return NULL;
}

/* A text file that is not UTF-8 was guessed at: say as what, so a wrong
 * guess (é read as Ã©) is noticed before the lines are trusted. */
static void
warn_encoding (Importer *self, OutlayWorkbook *workbook)
{
  const char *encoding = outlay_workbook_get_encoding (workbook);
  const char *label;

  if (encoding == NULL || g_ascii_strcasecmp (encoding, "UTF-8") == 0)
    return;
  if (g_ascii_strcasecmp (encoding, "WINDOWS-1252") == 0)
    label = _("Windows-1252 (Western European)");
  else if (g_ascii_strncasecmp (encoding, "UTF-16", 6) == 0)
    label = _("UTF-16");
  else
    label = encoding;
  g_ptr_array_add (
      self->result->warnings,
      g_strdup_printf (_("“%s” is not UTF-8 text; it was read as %s. If accented letters "
                                      "look wrong, save it as UTF-8 and import again."),
                          outlay_workbook_get_name (workbook), label));
}

static void
importer_init (Importer *self, OutlayWorkbook *workbook, OutlayImportAnalysis *analysis,
               const OutlayImportOptions *options)
{
  GPtrArray *columns = outlay_import_analysis_get_columns (analysis);
  guint sheet = outlay_import_analysis_get_sheet (analysis);
  const char *found;

  self->analysis = analysis;
  self->options = options;
  self->result = result_new ();
  self->style = outlay_import_analysis_get_number_style (analysis);
  self->header_row = outlay_import_analysis_get_header_row (analysis);
  self->default_section = outlay_import_analysis_get_table_title (analysis);
  if (self->default_section == NULL)
    self->default_section = outlay_workbook_get_sheet_name (workbook, sheet);
  self->csv = outlay_workbook_get_format (workbook) == OUTLAY_WORKBOOK_CSV;
  self->line = outlay_line_new ();
  if (self->csv)
    warn_encoding (self, workbook);
  self->sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->categories = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, category_section_free);
  for (guint i = 0; i < columns->len; i++)
    {
      OutlayColumnMapping *m = g_ptr_array_index (columns, i);

      self->n_fields = MAX (self->n_fields, m->column + 1);
    }
  self->fields = g_new0 (OutlayImportField, self->n_fields);
  self->summed = g_new0 (gboolean, self->n_fields);
  for (guint c = 0; c < self->n_fields; c++)
    self->summed[c] = outlay_import_analysis_column_is_summed (analysis, c);
  self->headers = g_new0 (char *, self->n_fields + 1);
  for (guint i = 0; i < columns->len; i++)
    {
      OutlayColumnMapping *m = g_ptr_array_index (columns, i);

      self->fields[m->column] = m->field;
      self->headers[m->column] = g_strdup (m->header != NULL && *m->header ? m->header : NULL);
      if (m->header != NULL && *m->header)
        self->header_width = MAX (self->header_width, m->column + 1);
      self->mapped[m->field] = TRUE;
      if (m->field == OUTLAY_IMPORT_FIELD_QTY && m->header != NULL)
        self->unit = unit_in (m->header);
      if (self->result->currency == NULL && m->header != NULL
          && (m->field == OUTLAY_IMPORT_FIELD_ESTIMATE || m->field == OUTLAY_IMPORT_FIELD_ACTUAL
              || m->field == OUTLAY_IMPORT_FIELD_RATE) && (found = currency_in (m->header)) != NULL)
        {
          self->result->currency = g_strdup (found);
          self->file_currency = self->result->currency_from_file = TRUE;
        }
    }
  if (self->mapped[OUTLAY_IMPORT_FIELD_UNIT])
    self->unit = NULL;
  if (options->currency != NULL)
    {
      g_free (self->result->currency);
      self->result->currency = g_strdup (options->currency);
    }
  if (self->result->currency == NULL)
    self->result->currency = g_strdup ("USD");
  self->months = outlay_month_columns_new (self->headers, (const int *) self->fields,
                                           self->n_fields, OUTLAY_IMPORT_FIELD_IGNORE);
}

static void
importer_clear (Importer *self)
{
  g_clear_object (&self->line);
  self->category = NULL;
  g_clear_pointer (&self->sections, g_hash_table_unref);
  g_clear_pointer (&self->categories, g_hash_table_unref);
  g_clear_pointer (&self->fields, g_free);
  g_clear_pointer (&self->summed, g_free);
  /* unmapped columns leave holes, where g_strfreev() would stop */
  for (guint i = 0; self->headers != NULL && i < self->n_fields; i++)
    g_free (self->headers[i]);
  g_clear_pointer (&self->headers, g_free);
  g_clear_pointer (&self->result, outlay_import_result_free);
  outlay_import_summary_clear (&self->summary);
  g_clear_pointer (&self->fold, outlay_period_fold_free);
  g_clear_pointer (&self->months, outlay_month_columns_free);
}

static OutlayBudgetKind guess_kind (Importer *self);

static gboolean
read_rows (Importer *self, OutlayWorkbook *workbook, GError **error)
{
  /* parsing in one thread, converting and writing in this one */
  if (!outlay_workbook_read_sheet_piped (workbook, outlay_import_analysis_get_sheet (self->analysis),
                                         take_row, self, self->cancellable, error))
    return FALSE;
  if (self->rows_seen == 0)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_FILE,
                   _("“%s” has nothing in it to import: every row is empty"),
                      outlay_workbook_get_name (workbook));
      return FALSE;
    }
  if (self->result->rows_imported == 0 && self->header_row == 0)
    {
      /* no header was found: there is no "row 0" to point at */
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_FILE,
                   _("“%s” has no rows that look like budget lines (a description and an "
                     "amount), and no row of column names"),
                      outlay_workbook_get_name (workbook));
      return FALSE;
    }
  if (self->result->rows_imported == 0)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_FILE,
                   _("“%s” has no rows that look like budget lines (a description and an "
                     "amount) under the header in row %u"),
                   outlay_workbook_get_name (workbook), self->header_row);
      return FALSE;
    }
  /* a bid: how its sections land on the AICP top sheet, and its summary */
  if (guess_kind (self) == OUTLAY_BUDGET_KIND_AICP)
    outlay_import_summary_check (&self->summary, self->result, self->result->warnings);
  return TRUE;
}

OutlayImportResult *
outlay_import_check (OutlayWorkbook             *workbook,
                     OutlayImportAnalysis       *analysis,
                     const OutlayImportOptions  *options,
                     OutlayProgressFunc          progress,
                     gpointer                    user_data,
                     GCancellable               *cancellable,
                     GError                    **error)
{
  Importer self = { 0 };
  OutlayImportResult *result = NULL;

  g_return_val_if_fail (OUTLAY_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (analysis != NULL && options != NULL, NULL);

  importer_init (&self, workbook, analysis, options);
  self.progress = progress;
  self.progress_data = user_data;
  self.cancellable = cancellable;
  read_details (&self, workbook);
  if (read_rows (&self, workbook, error))
    result = g_steal_pointer (&self.result);
  importer_clear (&self);
  return result;
}

/**
 * outlay_import_add_errors_json:
 *
 * Adds @errors (#OutlayImportRowError) to @b as an array of {row, column,
 * value, message, cells}: stored with the import, printed by outlay-cli.
 */
void
outlay_import_add_errors_json (JsonBuilder *b,
                               GPtrArray   *errors)
{
  json_builder_begin_array (b);
  for (guint i = 0; errors != NULL && i < errors->len; i++)
    {
      OutlayImportRowError *e = g_ptr_array_index (errors, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "row");
      json_builder_add_int_value (b, e->row);
      json_builder_set_member_name (b, "column");
      json_builder_add_string_value (b, e->column);
      json_builder_set_member_name (b, "value");
      json_builder_add_string_value (b, e->value);
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, e->message);
      json_builder_set_member_name (b, "cells");
      json_builder_add_string_value (b, e->cells);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static char *
errors_to_json (GPtrArray *errors)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  outlay_import_add_errors_json (b, errors);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

static char *
strings_to_json (GPtrArray *strings)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; i < strings->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (strings, i));
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

/* "aicp_commercial.xlsx" → "aicp commercial" */
static char *
default_budget_name (OutlayWorkbook *workbook)
{
  const char *name = outlay_workbook_get_name (workbook);
  const char *dot = strrchr (name, '.');
  char *base = dot != NULL && dot != name ? g_strndup (name, dot - name) : g_strdup (name);

  return g_strstrip (g_strdelimit (base, "_", ' '));
}

/* Sections lettered A to P make an AICP bid (its top sheet); a file with
 * fiscal periods is a department budget. */
static OutlayBudgetKind
guess_kind (Importer *self)
{
  guint letters = 0;

  for (guint i = 0; i < self->result->sections->len; i++)
    {
      OutlayImportSection *s = g_ptr_array_index (self->result->sections, i);

      if (strlen (s->code) == 1 && s->code[0] >= 'A' && s->code[0] <= 'P')
        letters++;
    }
  if (letters >= 8)
    return OUTLAY_BUDGET_KIND_AICP;
  if (self->mapped[OUTLAY_IMPORT_FIELD_PERIOD])
    return OUTLAY_BUDGET_KIND_DEPARTMENT;
  return OUTLAY_BUDGET_KIND_PROJECT;
}

static OutlayStoreImport *
begin (OutlayStore *store, OutlayWorkbook *workbook, Importer *self, GError **error)
{
  const OutlayImportOptions *options = self->options;
  g_autofree char *mapping = outlay_import_mapping_to_json (self->analysis);
  const char *title = g_hash_table_lookup (self->result->details, "name");
  g_autofree char *name = options->budget_name != NULL ? g_strdup (options->budget_name)
                          : title != NULL ? g_strdup (title)
                          : default_budget_name (workbook);
  g_autoptr(OutlayBudget) budget = outlay_budget_new (name);
  OutlayImportInfo info = {
    .file_name = outlay_workbook_get_name (workbook),
    .uri = options->uri,
    .fingerprint = options->fingerprint,
    .source = options->source,
    .file_type = outlay_file_kind_name (outlay_import_analysis_get_kind (self->analysis, NULL)),
    .sheet = outlay_workbook_get_sheet_name (workbook,
                                             outlay_import_analysis_get_sheet (self->analysis)),
    .header_row = self->header_row,
    .mapping = mapping,
  };

  OutlayStoreImport *import;
  GHashTableIter iter;
  gpointer property, value;

  g_object_set (budget, "currency", self->result->currency, NULL);
  outlay_import_summary_apply (&self->summary, budget);
  /* the bid's header block, for its top sheet and reports */
  g_hash_table_iter_init (&iter, self->result->details);
  while (g_hash_table_iter_next (&iter, &property, &value))
    if (!g_str_equal (property, "name") && !g_str_equal (property, "currency")
        && g_object_class_find_property (G_OBJECT_GET_CLASS (budget), property) != NULL)
      g_object_set (budget, property, value, NULL);
  import = outlay_store_import_begin (store, &info, options->mode, budget, options->budget_id,
                                      error);
  if (import == NULL)
    return NULL;
  if (self->file_currency
      && g_strcmp0 (self->result->currency, outlay_store_import_get_currency (import)) != 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("The file's amounts are in %s, but “%s” is in %s: they were added as "
                           "%s amounts, not converted"), self->result->currency,
                         outlay_store_import_get_budget_name (import),
                         outlay_store_import_get_currency (import),
                         outlay_store_import_get_currency (import));

      warn (self, message);
    }
  /* amounts are in the budget's currency from here on */
  g_free (self->result->budget_name);
  self->result->budget_name = g_strdup (outlay_store_import_get_budget_name (import));
  g_free (self->result->currency);
  self->result->currency = g_strdup (outlay_store_import_get_currency (import));
  return import;
}

OutlayImportResult *
outlay_import_run (OutlayStore                *store,
                   OutlayWorkbook             *workbook,
                   OutlayImportAnalysis       *analysis,
                   const OutlayImportOptions  *options,
                   OutlayProgressFunc          progress,
                   gpointer                    user_data,
                   GCancellable               *cancellable,
                   GError                    **error)
{
  Importer self = { 0 };
  g_autoptr(OutlayStoreImport) import = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;
  OutlayImportResult *result = NULL;

  g_return_val_if_fail (OUTLAY_IS_STORE (store), NULL);
  g_return_val_if_fail (OUTLAY_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (analysis != NULL && options != NULL, NULL);

  importer_init (&self, workbook, analysis, options);
  self.progress = progress;
  self.progress_data = user_data;
  self.cancellable = cancellable;
  read_details (&self, workbook);
  if ((import = begin (store, workbook, &self, error)) == NULL)
    goto out;
  self.import = import;
  if (!read_rows (&self, workbook, error)
      || (self.fold != NULL && !outlay_period_fold_flush (self.fold, import, error)))
    goto out;
  errors = errors_to_json (self.result->errors);
  warnings = strings_to_json (self.result->warnings);
  if (g_cancellable_set_error_if_cancelled (cancellable, error)
      || (options->mode == OUTLAY_IMPORT_MODE_NEW
          && !outlay_store_import_set_kind (import, guess_kind (&self), error))
      || !outlay_store_import_commit (import, self.result->rows_total, self.result->rows_imported,
                                      self.result->rows_skipped, errors, warnings, cancellable,
                                      error))
    goto out;
  self.result->import_id = outlay_store_import_get_id (import);
  self.result->budget_id = outlay_store_import_get_budget_id (import);
  result = g_steal_pointer (&self.result);
out:
  importer_clear (&self);
  return result;
}

/* ---- fingerprint and mapping ---- */

char *
outlay_import_fingerprint (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GFileInputStream) in = g_file_read (file, cancellable, error);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buf = NULL;
  gssize n;

  if (in == NULL)
    return NULL;
  buf = g_malloc (256 * 1024);
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buf, 256 * 1024, cancellable, error)) > 0)
    g_checksum_update (sum, buf, n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (sum));
}

char *
outlay_import_mapping_to_json (OutlayImportAnalysis *analysis)
{
  GPtrArray *columns = outlay_import_analysis_get_columns (analysis);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; i < columns->len; i++)
    {
      OutlayColumnMapping *m = g_ptr_array_index (columns, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "column");
      json_builder_add_int_value (b, m->column);
      json_builder_set_member_name (b, "header");
      json_builder_add_string_value (b, m->header != NULL ? m->header : "");
      json_builder_set_member_name (b, "field");
      json_builder_add_string_value (b, outlay_import_field_name (m->field));
      json_builder_set_member_name (b, "confidence");
      json_builder_add_double_value (b, ((int) (m->confidence * 100 + 0.5)) / 100.0);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

gboolean
outlay_import_mapping_apply_json (OutlayImportAnalysis *analysis,
                                  const char           *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  GPtrArray *columns = outlay_import_analysis_get_columns (analysis);
  JsonArray *array;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL)
      || !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return FALSE;
  array = json_node_get_array (json_parser_get_root (parser));
  if (json_array_get_length (array) != columns->len)
    return FALSE;
  for (guint i = 0; i < columns->len; i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      OutlayColumnMapping *m = g_ptr_array_index (columns, i);

      if (o == NULL || (guint) json_object_get_int_member_with_default (o, "column", -1) != m->column
          || g_strcmp0 (json_object_get_string_member_with_default (o, "header", ""),
                        m->header != NULL ? m->header : "") != 0)
        return FALSE;
    }
  for (guint i = 0; i < columns->len; i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      OutlayColumnMapping *m = g_ptr_array_index (columns, i);
      OutlayImportField field;

      if (outlay_import_field_from_name (json_object_get_string_member_with_default (o, "field", ""),
                                         &field) && field != m->field)
        outlay_import_analysis_set_field (analysis, m->column, field);
    }
  return TRUE;
}
