/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-compare"

/* Comparing two states of a budget (a saved version and another, or the
 * current state) line by line. */

#include "config.h"

#include "outlay-compare.h"
#include "outlay-currency.h"

typedef OutlayPairedLine Entry;

static GArray *
collect (OutlayDocument *doc)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));

  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);

      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        {
          Entry e = { outlay_section_get_line (section, l), section, -1 };

          g_array_append_val (entries, e);
        }
    }
  return entries;
}

static void
pair (GArray *from, guint i, GArray *to, guint j)
{
  g_array_index (from, Entry, i).partner = (int) j;
  g_array_index (to, Entry, j).partner = (int) i;
}

/* Within one budget a line keeps its id through edits, moves and saved
 * versions, so ids follow a line whose code or section changed. */
static void
match_by_id (GArray *from, GArray *to)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < from->len; i++)
    {
      gint64 id = outlay_line_get_id (g_array_index (from, Entry, i).line);

      if (id > 0)
        g_hash_table_insert (ids, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (i + 1));
    }
  for (guint j = 0; j < to->len; j++)
    {
      gint64 id = outlay_line_get_id (g_array_index (to, Entry, j).line);
      guint i = id > 0 ? GPOINTER_TO_UINT (g_hash_table_lookup (ids, &id)) : 0;

      if (i > 0 && g_array_index (from, Entry, i - 1).partner < 0)
        pair (from, i - 1, to, j);
    }
}

static char *
line_key (Entry *e)
{
  const char *code = outlay_line_get_code (e->line);

  return g_strconcat (outlay_section_get_code (e->section), "\x1f", code != NULL ? code : "",
                      NULL);
}

/* The rest by (section code, line code); repeated keys pair in order. */
static void
match_by_key (GArray *from, GArray *to)
{
  g_autoptr(GHashTable) keys =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_queue_free);

  for (guint i = 0; i < from->len; i++)
    {
      Entry *e = &g_array_index (from, Entry, i);
      char *key;
      GQueue *queue;

      if (e->partner >= 0)
        continue;
      key = line_key (e);
      if ((queue = g_hash_table_lookup (keys, key)) == NULL)
        g_hash_table_insert (keys, key, (queue = g_queue_new ()));
      else
        g_free (key);
      g_queue_push_tail (queue, GUINT_TO_POINTER (i + 1));
    }
  for (guint j = 0; j < to->len; j++)
    {
      Entry *e = &g_array_index (to, Entry, j);
      g_autofree char *key = NULL;
      GQueue *queue;

      if (e->partner >= 0)
        continue;
      key = line_key (e);
      queue = g_hash_table_lookup (keys, key);
      if (queue != NULL && !g_queue_is_empty (queue))
        pair (from, GPOINTER_TO_UINT (g_queue_pop_head (queue)) - 1, to, j);
    }
}

/**
 * outlay_comparison_delta:
 * @from: a value before
 * @to: the value after
 *
 * Returns: @to − @from, held at the largest amount instead of overflowing
 */
OutlayDecimal
outlay_comparison_delta (OutlayDecimal from,
                         OutlayDecimal to)
{
  OutlayDecimal d;

  if (outlay_decimal_sub (to, from, &d))
    return d;
  return to > from ? OUTLAY_DECIMAL_MAX : OUTLAY_DECIMAL_MIN;
}

/**
 * outlay_compare_field_text:
 * @line: a line
 * @field: one of its fields
 * @currency: the budget's currency
 *
 * A field's value as comparisons and the CLI print it: amounts as
 * outlay_currency_format_plain() does, quantity and multiplier without trailing
 * zeros, text as it is ("" for none).
 *
 * Returns: (transfer full): the text
 */
char *
outlay_compare_field_text (OutlayLine      *line,
                           OutlayLineField  field,
                           const char      *currency)
{
  OutlayDecimal v;

  g_return_val_if_fail (OUTLAY_IS_LINE (line), NULL);
  g_return_val_if_fail (field < OUTLAY_LINE_N_FIELDS, NULL);

  if (!outlay_line_field_is_decimal (field))
    return g_strdup (outlay_line_get_text (line, field) != NULL
                     ? outlay_line_get_text (line, field) : "");
  v = outlay_line_get_decimal (line, field);
  if (field == OUTLAY_LINE_QUANTITY || field == OUTLAY_LINE_MULTIPLIER)
    return outlay_decimal_to_string_trim (v);
  return outlay_currency_format_plain (v, currency);
}

static gboolean
field_equal (OutlayLine *a, OutlayLine *b, OutlayLineField field)
{
  if (outlay_line_field_is_decimal (field))
    return outlay_line_get_decimal (a, field) == outlay_line_get_decimal (b, field);
  /* no text and empty text look the same */
  return g_strcmp0 (outlay_line_get_text (a, field) ? outlay_line_get_text (a, field) : "",
                    outlay_line_get_text (b, field) ? outlay_line_get_text (b, field) : "") == 0;
}

static void
field_change_free (OutlayFieldChange *c)
{
  g_free (c->section);
  g_free (c->code);
  g_free (c->from);
  g_free (c->to);
  g_free (c);
}

static OutlayFieldChange *
field_change_new (Entry *to, OutlayLineField field, char *from_text, char *to_text)
{
  OutlayFieldChange *c = g_new0 (OutlayFieldChange, 1);
  const char *code = outlay_line_get_code (to->line);

  c->section = g_strdup (outlay_section_get_code (to->section));
  c->code = g_strdup (code != NULL ? code : "");
  c->field = field;
  c->from = from_text;
  c->to = to_text;
  return c;
}

static void
diff_line (OutlayComparison *self, Entry *from, Entry *to, const char *from_currency)
{
  if (g_strcmp0 (outlay_section_get_code (from->section),
                 outlay_section_get_code (to->section)) != 0)
    g_ptr_array_add (self->changed,
                     field_change_new (to, OUTLAY_LINE_N_FIELDS,
                                       g_strdup (outlay_section_get_code (from->section)),
                                       g_strdup (outlay_section_get_code (to->section))));
  for (OutlayLineField f = 0; f < OUTLAY_LINE_N_FIELDS; f++)
    {
      OutlayFieldChange *c;

      if (field_equal (from->line, to->line, f))
        continue;
      c = field_change_new (to, f, outlay_compare_field_text (from->line, f, from_currency),
                            outlay_compare_field_text (to->line, f, self->currency));
      if (outlay_line_field_is_decimal (f))
        c->delta = outlay_comparison_delta (outlay_line_get_decimal (from->line, f),
                                            outlay_line_get_decimal (to->line, f));
      g_ptr_array_add (self->changed, c);
    }
}

static void
compared_line_free (OutlayComparedLine *l)
{
  g_free (l->section);
  g_free (l->code);
  g_free (l->description);
  g_free (l);
}

static OutlayComparedLine *
compared_line_new (Entry *e)
{
  OutlayComparedLine *l = g_new0 (OutlayComparedLine, 1);
  const char *code = outlay_line_get_code (e->line);
  const char *description = outlay_line_get_description (e->line);

  l->section = g_strdup (outlay_section_get_code (e->section));
  l->code = g_strdup (code != NULL ? code : "");
  l->description = g_strdup (description != NULL ? description : "");
  l->estimate = outlay_line_get_estimate (e->line);
  l->actual = outlay_line_get_actual (e->line);
  return l;
}

static void
section_delta_free (OutlaySectionDelta *d)
{
  g_free (d->code);
  g_free (d->name);
  g_free (d);
}

static void
totals_add (OutlayTotals *sum, const OutlayTotals *t)
{
  /* a section's sums already fit; two sections with one code might not */
  if (!outlay_decimal_add (sum->estimate, t->estimate, &sum->estimate))
    sum->estimate = t->estimate > 0 ? OUTLAY_DECIMAL_MAX : OUTLAY_DECIMAL_MIN;
  if (!outlay_decimal_add (sum->actual, t->actual, &sum->actual))
    sum->actual = t->actual > 0 ? OUTLAY_DECIMAL_MAX : OUTLAY_DECIMAL_MIN;
  if (!outlay_decimal_add (sum->committed, t->committed, &sum->committed))
    sum->committed = t->committed > 0 ? OUTLAY_DECIMAL_MAX : OUTLAY_DECIMAL_MIN;
  if (!outlay_decimal_add (sum->fringe, t->fringe, &sum->fringe))
    sum->fringe = t->fringe > 0 ? OUTLAY_DECIMAL_MAX : OUTLAY_DECIMAL_MIN;
}

/* Sections by code: the newer side's order, then those it no longer has. */
static void
add_sections (OutlayComparison *self, OutlayDocument *doc, GHashTable *by_code, gboolean newer)
{
  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);
      OutlaySectionDelta *d = g_hash_table_lookup (by_code, outlay_section_get_code (section));

      if (d == NULL)
        {
          d = g_new0 (OutlaySectionDelta, 1);
          d->code = g_strdup (outlay_section_get_code (section));
          d->name = g_strdup (outlay_section_get_name (section));
          g_ptr_array_add (self->sections, d);
          g_hash_table_insert (by_code, d->code, d);
        }
      totals_add (newer ? &d->to : &d->from, outlay_section_get_totals (section));
    }
}

/**
 * outlay_compare_pair_lines:
 * @from: the older state
 * @to: the newer state
 * @from_lines: (out) (transfer full): @from's lines as #OutlayPairedLine
 * @to_lines: (out) (transfer full): @to's lines as #OutlayPairedLine
 *
 * Pairs the lines of two states of a budget the way comparisons do: by
 * line id within one budget, then by section and line code.
 */
void
outlay_compare_pair_lines (OutlayDocument  *from,
                           OutlayDocument  *to,
                           GArray         **from_lines,
                           GArray         **to_lines)
{
  gint64 budget_id = outlay_budget_get_id (outlay_document_get_budget (from));

  g_return_if_fail (OUTLAY_IS_DOCUMENT (from));
  g_return_if_fail (OUTLAY_IS_DOCUMENT (to));

  *from_lines = collect (from);
  *to_lines = collect (to);
  if (budget_id != 0 && budget_id == outlay_budget_get_id (outlay_document_get_budget (to)))
    match_by_id (*from_lines, *to_lines);
  match_by_key (*from_lines, *to_lines);
}

/**
 * outlay_compare_documents:
 * @from: the older state (a saved version)
 * @to: the newer state (another version or the current budget)
 *
 * Matches lines by id when both sides belong to the same budget (a saved
 * version keeps the ids of the lines it copied), and the rest by section
 * code and line code.  A matched line reports each field that differs
 * (and its section, if it moved); the others are added or removed.
 *
 * Returns: (transfer full): the comparison
 */
OutlayComparison *
outlay_compare_documents (OutlayDocument *from,
                          OutlayDocument *to)
{
  OutlayComparison *self;
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  const char *from_currency;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (from), NULL);
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (to), NULL);

  self = g_new0 (OutlayComparison, 1);
  self->currency = g_strdup (outlay_budget_get_currency (outlay_document_get_budget (to)));
  from_currency = outlay_budget_get_currency (outlay_document_get_budget (from));
  self->changed = g_ptr_array_new_with_free_func ((GDestroyNotify) field_change_free);
  self->added = g_ptr_array_new_with_free_func ((GDestroyNotify) compared_line_free);
  self->removed = g_ptr_array_new_with_free_func ((GDestroyNotify) compared_line_free);
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_delta_free);
  self->from = *outlay_document_get_totals (from);
  self->to = *outlay_document_get_totals (to);

  outlay_compare_pair_lines (from, to, &a, &b);

  for (guint j = 0; j < b->len; j++)
    {
      Entry *e = &g_array_index (b, Entry, j);

      if (e->partner >= 0)
        diff_line (self, &g_array_index (a, Entry, e->partner), e, from_currency);
      else
        g_ptr_array_add (self->added, compared_line_new (e));
    }
  for (guint i = 0; i < a->len; i++)
    if (g_array_index (a, Entry, i).partner < 0)
      g_ptr_array_add (self->removed, compared_line_new (&g_array_index (a, Entry, i)));
  add_sections (self, to, by_code, TRUE);
  add_sections (self, from, by_code, FALSE);
  return self;
}

void
outlay_comparison_free (OutlayComparison *self)
{
  if (self == NULL)
    return;
  g_free (self->currency);
  g_ptr_array_unref (self->changed);
  g_ptr_array_unref (self->added);
  g_ptr_array_unref (self->removed);
  g_ptr_array_unref (self->sections);
  g_free (self);
}

/**
 * outlay_field_change_name:
 * @change: a change
 *
 * Returns: the field's name as the CLI spells it ("rate", "qty"), or
 *   "section" when the line moved to another section
 */
const char *
outlay_field_change_name (const OutlayFieldChange *change)
{
  if (change->field >= OUTLAY_LINE_N_FIELDS)
    return "section";
  return outlay_line_field_name (change->field);
}
