/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-compare"

/* Comparing two states of a budget (a saved version and another, or the
 * current state) line by line. */

#include "config.h"

#include <string.h>

#include "outlay-compare.h"
#include "outlay-currency.h"

typedef OutlayPairedLine Entry;

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
  {
    const char *x = outlay_line_get_text (a, field);
    const char *y = outlay_line_get_text (b, field);

    /* no text and empty text look the same */
    return strcmp (x != NULL ? x : "", y != NULL ? y : "") == 0;
  }
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
line_change_free (OutlayLineChange *l)
{
  g_free (l->section);
  g_free (l->code);
  g_free (l->description);
  g_free (l);
}

static OutlayLineChange *
line_change_new (Entry *from, Entry *to, guint first, guint n_fields)
{
  OutlayLineChange *l = g_new0 (OutlayLineChange, 1);
  const char *code = outlay_line_get_code (to->line);
  const char *description = outlay_line_get_description (to->line);

  l->section = g_strdup (outlay_section_get_code (to->section));
  l->code = g_strdup (code != NULL ? code : "");
  l->description = g_strdup (description != NULL ? description : "");
  l->from_estimate = outlay_line_get_estimate (from->line);
  l->to_estimate = outlay_line_get_estimate (to->line);
  l->first = first;
  l->n_fields = n_fields;
  return l;
}

/* @moved: the line's section is not its old section's partner */
static void
diff_line (OutlayComparison *self,
           Entry *from,
           Entry *to,
           gboolean moved,
           const char *from_currency)
{
  guint first = self->changed->len;

  if (moved)
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
  if (self->changed->len > first)
    g_ptr_array_add (self->lines, line_change_new (from, to, first, self->changed->len - first));
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
  l->actual = outlay_line_get_total_actual (e->line); /* its tasks included, as in the totals */
  return l;
}

static void
section_delta_free (OutlaySectionDelta *d)
{
  g_free (d->code);
  g_free (d->name);
  g_free (d);
}

static OutlaySectionDelta *
section_delta_new (OutlaySection *from, OutlaySection *to)
{
  OutlaySectionDelta *d = g_new0 (OutlaySectionDelta, 1);
  OutlaySection *shown = to != NULL ? to : from;

  d->code = g_strdup (outlay_section_get_code (shown));
  d->name = g_strdup (outlay_section_get_name (shown));
  d->from_section = from;
  d->to_section = to;
  if (from != NULL)
    d->from = *outlay_section_get_totals (from);
  if (to != NULL)
    d->to = *outlay_section_get_totals (to);
  return d;
}

/* Paired sections in the newer side's order, then those it no longer has. */
static void
add_sections (OutlayComparison *self,
              OutlayDocument *from,
              GArray *from_sections,
              OutlayDocument *to,
              GArray *to_sections)
{
  for (guint j = 0; j < to_sections->len; j++)
    {
      int i = g_array_index (to_sections, int, j);

      g_ptr_array_add (self->sections,
                       section_delta_new (i >= 0 ? outlay_document_get_section (from, i) : NULL,
                                          outlay_document_get_section (to, j)));
    }
  for (guint i = 0; i < from_sections->len; i++)
    if (g_array_index (from_sections, int, i) < 0)
      g_ptr_array_add (self->sections,
                       section_delta_new (outlay_document_get_section (from, i), NULL));
}

/**
 * outlay_compare_documents:
 * @from: the older state (a saved version)
 * @to: the newer state (another version or the current budget)
 *
 * Pairs lines and sections as outlay_compare_pair() does.  A paired line
 * reports each field that differs (and its section, if it moved to a
 * section that is not its old one's partner); the others are added or
 * removed.
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
  g_autoptr(GArray) from_sections = NULL;
  g_autoptr(GArray) to_sections = NULL;
  const char *from_currency;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (from), NULL);
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (to), NULL);

  self = g_new0 (OutlayComparison, 1);
  self->currency = g_strdup (outlay_budget_get_currency (outlay_document_get_budget (to)));
  from_currency = outlay_budget_get_currency (outlay_document_get_budget (from));
  self->changed = g_ptr_array_new_with_free_func ((GDestroyNotify) field_change_free);
  self->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_change_free);
  self->added = g_ptr_array_new_with_free_func ((GDestroyNotify) compared_line_free);
  self->removed = g_ptr_array_new_with_free_func ((GDestroyNotify) compared_line_free);
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_delta_free);
  self->from = *outlay_document_get_totals (from);
  self->to = *outlay_document_get_totals (to);

  outlay_compare_pair (from, to, &a, &b, &from_sections, &to_sections);

  for (guint j = 0; j < b->len; j++)
    {
      Entry *e = &g_array_index (b, Entry, j);

      if (e->partner >= 0)
        {
          Entry *old = &g_array_index (a, Entry, e->partner);
          int partner = g_array_index (from_sections, int, old->section_index);

          diff_line (self, old, e, partner != (int) e->section_index, from_currency);
        }
      else
        g_ptr_array_add (self->added, compared_line_new (e));
    }
  for (guint i = 0; i < a->len; i++)
    if (g_array_index (a, Entry, i).partner < 0)
      g_ptr_array_add (self->removed, compared_line_new (&g_array_index (a, Entry, i)));
  add_sections (self, from, from_sections, to, to_sections);
  return self;
}

void
outlay_comparison_free (OutlayComparison *self)
{
  if (self == NULL)
    return;
  g_free (self->currency);
  g_ptr_array_unref (self->changed);
  g_ptr_array_unref (self->lines);
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
