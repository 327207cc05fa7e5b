/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-report"

/* The comparison report: two states of a budget side by side, line by
 * line and section by section, each changed line saying what changed.
 *
 * Lines and sections are paired by outlay_compare_pair(), as comparisons
 * pair them; the section sums and totals come from the comparison itself. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-compare.h"
#include "outlay-report-private.h"

typedef OutlayPairedLine Entry;

typedef struct
{
  GArray *from;
  GArray *to;
  GArray *from_sections; /* partner index of each older section, or -1 */
  guint   n_changed;
  guint   n_added;
  guint   n_removed;
} Pairing;

static gboolean
field_equal (OutlayLine *a, OutlayLine *b, OutlayLineField field)
{
  if (outlay_line_field_is_decimal (field))
    return outlay_line_get_decimal (a, field) == outlay_line_get_decimal (b, field);
  return g_strcmp0 (outlay_line_get_text (a, field) ? outlay_line_get_text (a, field) : "",
                    outlay_line_get_text (b, field) ? outlay_line_get_text (b, field) : "") == 0;
}

/* What changed on a paired line, in words; NULL when nothing did. */
static char *
change_words (Pairing *p, Entry *from, Entry *to)
{
  g_autoptr(GString) fields = g_string_new (NULL);
  g_autoptr(GString) words = g_string_new (NULL);
  const char *was = outlay_section_get_code (from->section);

  for (OutlayLineField f = 0; f < OUTLAY_LINE_N_FIELDS; f++)
    if (!field_equal (from->line, to->line, f))
      g_string_append_printf (fields, "%s%s", fields->len > 0 ? ", " : "",
                              outlay_line_field_title (f));
  if (g_array_index (p->from_sections, int, from->section_index) != (int) to->section_index)
    g_string_append_printf (words, _("Moved from %s"), was);
  if (fields->len > 0)
    {
      if (words->len > 0)
        g_string_append (words, "; ");
      /* TRANSLATORS: %s lists the fields that differ, "Rate, Qty" */
      g_string_append_printf (words, _("Changed: %s"), fields->str);
    }
  return words->len > 0 ? g_string_free (g_steal_pointer (&words), FALSE) : NULL;
}

static void
add_line_row (OutlayReport *self, guint table, OutlayLine *shown, OutlayLine *old,
              OutlayLine *new, char *words, gboolean shaded)
{
  ReportRow *row = outlay_report_add_row (self, REPORT_ROW_LINE, table, 6);
  OutlayDecimal from = old != NULL ? outlay_line_get_estimate (old) : 0;
  OutlayDecimal to = new != NULL ? outlay_line_get_estimate (new) : 0;

  row->cells[0] = g_strdup (outlay_line_get_code (shown));
  row->cells[1] = g_strdup (outlay_line_get_description (shown));
  row->cells[2] = old != NULL ? outlay_report_money (self, from) : g_strdup ("—");
  row->cells[3] = new != NULL ? outlay_report_money (self, to) : g_strdup ("—");
  /* an unchanged line shows no difference, so the changes stand out */
  if (words != NULL)
    row->cells[4] = outlay_report_money (self, outlay_comparison_delta (from, to));
  row->cells[5] = words;
  if (shaded)
    row->flags |= REPORT_ROW_SHADED;
  if (words != NULL)
    row->flags |= REPORT_ROW_STRONG;
  if (new == NULL)
    row->flags |= REPORT_ROW_MUTED;
}

static gboolean
in_section (Entry *e, OutlaySection *section)
{
  return section != NULL && e->section == section;
}

/* Rows for the lines of the paired sections @d: the newer side's, then
 * those it no longer has.  Returns how many. */
static guint
add_section_lines (OutlayReport *self, guint table, Pairing *p, OutlaySectionDelta *d)
{
  guint n = 0;

  for (guint j = 0; j < p->to->len; j++)
    {
      Entry *e = &g_array_index (p->to, Entry, j);
      Entry *old = e->partner >= 0 ? &g_array_index (p->from, Entry, e->partner) : NULL;

      if (!in_section (e, d->to_section))
        continue;
      add_line_row (self, table, e->line, old != NULL ? old->line : NULL, e->line,
                    old != NULL ? change_words (p, old, e) : g_strdup (_("Added")), n++ % 2 == 1);
    }
  for (guint i = 0; i < p->from->len; i++)
    {
      Entry *e = &g_array_index (p->from, Entry, i);

      if (e->partner < 0 && in_section (e, d->from_section))
        add_line_row (self, table, e->line, e->line, NULL, g_strdup (_("Removed")),
                      n++ % 2 == 1);
    }
  return n;
}

static guint
count_section_lines (Pairing *p, OutlaySectionDelta *d)
{
  guint n = 0;

  for (guint j = 0; j < p->to->len; j++)
    n += in_section (&g_array_index (p->to, Entry, j), d->to_section);
  for (guint i = 0; i < p->from->len; i++)
    n += g_array_index (p->from, Entry, i).partner < 0
         && in_section (&g_array_index (p->from, Entry, i), d->from_section);
  return n;
}

static void
add_sums_row (OutlayReport *self, guint table, ReportRowKind kind, const char *label,
              OutlayDecimal from, OutlayDecimal to)
{
  ReportRow *row;

  /* nothing ends a page alone */
  g_array_index (self->rows, ReportRow, self->rows->len - 1).keep = 1;
  row = outlay_report_add_row (self, kind, table, 6);
  row->cells[1] = g_strdup (label);
  row->cells[2] = outlay_report_money (self, from);
  row->cells[3] = outlay_report_money (self, to);
  row->cells[4] = outlay_report_money (self, outlay_comparison_delta (from, to));
  if (kind == REPORT_ROW_LINE)
    row->flags |= REPORT_ROW_MUTED;
}

static void
add_section (OutlayReport *self, guint table, Pairing *p, OutlaySectionDelta *d)
{
  g_autofree char *total = NULL;
  const char *ref = *d->code != '\0' ? d->code : d->name;

  outlay_report_add_heading (self, table, d->code, d->name, count_section_lines (p, d));
  add_section_lines (self, table, p, d);
  if (d->from.fringe != 0 || d->to.fringe != 0)
    add_sums_row (self, table, REPORT_ROW_LINE, _("Fringes (P&W)"), d->from.fringe,
                  d->to.fringe);
  /* TRANSLATORS: a section's total, "Total A" */
  total = g_strdup_printf (_("Total %s"), ref);
  add_sums_row (self, table, REPORT_ROW_SUBTOTAL, total, d->from.estimate, d->to.estimate);
}

static void
count_changes (Pairing *p)
{
  for (guint j = 0; j < p->to->len; j++)
    {
      Entry *e = &g_array_index (p->to, Entry, j);
      g_autofree char *words = NULL;

      if (e->partner < 0)
        p->n_added++;
      else if ((words = change_words (p, &g_array_index (p->from, Entry, e->partner), e)) != NULL)
        p->n_changed++;
    }
  for (guint i = 0; i < p->from->len; i++)
    p->n_removed += g_array_index (p->from, Entry, i).partner < 0;
}

static void
add_compare_title (OutlayReport *self, OutlayDocument *to, const char *from_name,
                   const char *to_name, Pairing *p)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  OutlayBudget *b = outlay_document_get_budget (to);
  g_autofree char *changes = NULL;

  outlay_report_add_title (self, self->budget_name);
  outlay_report_field (fields, _("From"), from_name);
  outlay_report_field (fields, _("To"), to_name);
  outlay_report_field (fields, _("Client"), outlay_budget_get_client (b));
  outlay_report_field (fields, _("Job number"), outlay_budget_get_job_number (b));
  outlay_report_field (fields, _("Currency"), self->currency);
  outlay_report_add_fields (self, fields);
  /* TRANSLATORS: the first line of a comparison report */
  changes = g_strdup_printf (_("Lines changed: %u, added: %u, removed: %u. Amounts are "
                               "estimates; differences in parentheses are decreases."),
                             p->n_changed, p->n_added, p->n_removed);
  outlay_report_add_note (self, NULL, changes);
}

void
outlay_report_build_compare (OutlayReport   *self,
                             OutlayDocument *from,
                             const char     *from_name,
                             OutlayDocument *to,
                             const char     *to_name)
{
  g_autoptr(OutlayComparison) c = outlay_compare_documents (from, to);
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;
  g_autoptr(GArray) from_sections = NULL;
  Pairing p = { 0 };
  guint table;

  outlay_compare_pair (from, to, &a, &b, &from_sections, NULL);
  p.from = a;
  p.to = b;
  p.from_sections = from_sections;
  count_changes (&p);
  add_compare_title (self, to, from_name, to_name, &p);
  table = outlay_report_add_table (self, TRUE,
                                   _("Code"), REPORT_COLUMN_TEXT, 64,
                                   _("Description"), REPORT_COLUMN_FILL, 0,
                                   from_name, REPORT_COLUMN_NUMERIC, 90,
                                   to_name, REPORT_COLUMN_NUMERIC, 90,
                                   _("Difference"), REPORT_COLUMN_NUMERIC, 0,
                                   _("Change"), REPORT_COLUMN_TEXT, 120,
                                   NULL);
  outlay_report_add_columns (self, table);
  for (guint i = 0; i < c->sections->len; i++)
    add_section (self, table, &p, g_ptr_array_index (c->sections, i));
  add_sums_row (self, table, REPORT_ROW_TOTAL, _("Grand total"), c->from.estimate,
                c->to.estimate);
}
