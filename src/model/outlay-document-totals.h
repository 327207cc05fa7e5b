/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The arithmetic behind OutlayDocument's running totals (private to the
 * model).
 *
 * A section's estimate is its lines' estimates plus its fringe,
 * outlay_fringe_amount() of that sum.  A line edit moves the section's
 * line sum by the line's difference and recomputes the fringe from the
 * new sum (not by adding up the lines again); the document moves by the
 * section's difference, fringe included.  So the running totals stay exact
 * and equal to outlay_document_sum_totals().  Every function that can
 * overflow returns %FALSE and leaves its output alone. */

#include "outlay-line-private.h"
#include "outlay-section-private.h"

G_BEGIN_DECLS

void     outlay_totals_from_line        (OutlayLine            *line,
                                         OutlayTotals          *out);
void     outlay_totals_from_line_state  (const OutlayLineState *state,
                                         OutlayTotals          *out);
gboolean outlay_totals_add              (const OutlayTotals    *a,
                                         const OutlayTotals    *b,
                                         int                    sign,
                                         OutlayTotals          *out);
gboolean outlay_totals_is_zero          (const OutlayTotals    *totals);
gboolean outlay_totals_with_fringe      (const OutlayTotals    *lines,
                                         OutlayDecimal          percent,
                                         OutlayTotals          *out);
void     outlay_totals_section_lines    (OutlaySection         *section,
                                         OutlayTotals          *out);
gboolean outlay_totals_section_shifted  (OutlaySection         *section,
                                         const OutlayTotals    *delta,
                                         int                    sign,
                                         OutlayDecimal          percent,
                                         OutlayTotals          *out);
gboolean outlay_totals_replace          (const OutlayTotals    *base,
                                         const OutlayTotals    *before,
                                         const OutlayTotals    *after,
                                         OutlayTotals          *out);
gboolean outlay_totals_sum_section      (OutlaySection         *section,
                                         OutlayTotals          *out);

G_END_DECLS
