/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-document"

#include "config.h"

#include "outlay-document-totals.h"

/* A line's sums; a line has no fringe of its own. */
void
outlay_totals_from_line (OutlayLine   *line,
                         OutlayTotals *out)
{
  out->estimate = outlay_line_get_estimate (line);
  out->actual = outlay_line_get_total_actual (line);
  out->committed = outlay_line_get_committed (line);
  out->reserved = outlay_line_get_reserved (line);
  out->fringe = 0;
}

void
outlay_totals_from_line_state (const OutlayLineState *state,
                               OutlayTotals          *out)
{
  out->estimate = state->decimals[outlay_line_decimal_slot (OUTLAY_LINE_ESTIMATE)];
  out->actual = state->decimals[outlay_line_decimal_slot (OUTLAY_LINE_ACTUAL)];
  out->committed = state->decimals[outlay_line_decimal_slot (OUTLAY_LINE_COMMITTED)];
  out->reserved = state->decimals[outlay_line_decimal_slot (OUTLAY_LINE_RESERVED)];
  out->fringe = 0;
}

/* @a ± @b, field by field. */
gboolean
outlay_totals_add (const OutlayTotals *a,
                   const OutlayTotals *b,
                   int                 sign,
                   OutlayTotals       *out)
{
  gboolean (*op) (OutlayDecimal, OutlayDecimal, OutlayDecimal *) =
    sign > 0 ? outlay_decimal_add : outlay_decimal_sub;
  OutlayTotals t;

  if (!op (a->estimate, b->estimate, &t.estimate) || !op (a->actual, b->actual, &t.actual)
      || !op (a->committed, b->committed, &t.committed) || !op (a->fringe, b->fringe, &t.fringe)
      || !op (a->reserved, b->reserved, &t.reserved))
    return FALSE;
  *out = t;
  return TRUE;
}

gboolean
outlay_totals_is_zero (const OutlayTotals *totals)
{
  return totals->estimate == 0 && totals->actual == 0 && totals->committed == 0
         && totals->fringe == 0 && totals->reserved == 0;
}

/* A section's totals from the sums of its lines (@lines, no fringe) and
 * its fringe @percent. */
gboolean
outlay_totals_with_fringe (const OutlayTotals *lines,
                           OutlayDecimal       percent,
                           OutlayTotals       *out)
{
  OutlayTotals t = *lines;

  g_assert (lines->fringe == 0);
  if (!outlay_fringe_amount (lines->estimate, percent, &t.fringe)
      || !outlay_decimal_add (lines->estimate, t.fringe, &t.estimate))
    return FALSE;
  *out = t;
  return TRUE;
}

/* The sums of @section's lines, without the fringe. */
void
outlay_totals_section_lines (OutlaySection *section,
                             OutlayTotals  *out)
{
  const OutlayTotals *t = outlay_section_get_totals (section);

  out->estimate = t->estimate - t->fringe; /* exact: made as lines + fringe */
  out->actual = t->actual;
  out->committed = t->committed;
  out->reserved = t->reserved;
  out->fringe = 0;
}

/* @section's totals once its lines' sums move by ±@delta (a line's
 * totals) and its fringe is @percent. */
gboolean
outlay_totals_section_shifted (OutlaySection      *section,
                               const OutlayTotals *delta,
                               int                 sign,
                               OutlayDecimal       percent,
                               OutlayTotals       *out)
{
  OutlayTotals lines;

  outlay_totals_section_lines (section, &lines);
  return outlay_totals_add (&lines, delta, sign, &lines)
         && outlay_totals_with_fringe (&lines, percent, out);
}

/* @base (a document's totals) once one of its sections' totals goes from
 * @before to @after. */
gboolean
outlay_totals_replace (const OutlayTotals *base,
                       const OutlayTotals *before,
                       const OutlayTotals *after,
                       OutlayTotals       *out)
{
  OutlayTotals d;

  return outlay_totals_add (after, before, -1, &d) && outlay_totals_add (base, &d, +1, out);
}

/* Adds up @section's lines afresh, fringe applied. */
gboolean
outlay_totals_sum_section (OutlaySection *section,
                           OutlayTotals  *out)
{
  GPtrArray *lines = outlay_section_get_lines_array (section);
  OutlayTotals sum = { 0 };

  for (guint j = 0; j < lines->len; j++)
    {
      OutlayTotals t;

      outlay_totals_from_line (g_ptr_array_index (lines, j), &t);
      if (!outlay_totals_add (&sum, &t, +1, &sum))
        return FALSE;
    }
  /* what is held by commitments on the section as a whole */
  if (!outlay_totals_add (&sum, outlay_section_get_held (section), +1, &sum))
    return FALSE;
  return outlay_totals_with_fringe (&sum, outlay_section_get_fringe (section), out);
}
