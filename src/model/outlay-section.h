/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "outlay-decimal.h"
#include "outlay-line.h"

G_BEGIN_DECLS

/**
 * OutlayTotals:
 * @estimate: the estimates, fringes included
 * @actual: the actuals
 * @committed: the committed amounts
 * @fringe: the part of @estimate that is fringe: for a section its fringe
 *   percentage of its lines' estimates (outlay_fringe_amount()), for a
 *   document the sum over its sections, 0 for a single line
 * @reserved: the reserved amounts (requested, not yet ordered)
 *
 * The sums kept for a section, a budget and a document.  A section's
 * fringe (payroll taxes and benefits, "P&W") applies to estimates only:
 * actuals are entered as paid, fringes included.
 */
typedef struct
{
  OutlayDecimal estimate;
  OutlayDecimal actual;
  OutlayDecimal committed;
  OutlayDecimal fringe;
  OutlayDecimal reserved;
} OutlayTotals;

OutlayDecimal outlay_totals_get_variance (const OutlayTotals *totals);
OutlayDecimal outlay_totals_get_roi_cost (const OutlayTotals *totals, gboolean *is_estimate);
OutlayDecimal outlay_totals_get_spent (const OutlayTotals *totals);
gboolean      outlay_fringe_amount       (OutlayDecimal       lines_estimate,
                                          OutlayDecimal       percent,
                                          OutlayDecimal      *out);

#define OUTLAY_TYPE_SECTION (outlay_section_get_type ())

G_DECLARE_FINAL_TYPE (OutlaySection, outlay_section, OUTLAY, SECTION, GObject)

OutlaySection      *outlay_section_new            (const char    *code,
                                                   const char    *name);
gint64              outlay_section_get_id         (OutlaySection *self);
const char         *outlay_section_get_code       (OutlaySection *self);
const char         *outlay_section_get_name       (OutlaySection *self);
OutlayDecimal       outlay_section_get_fringe     (OutlaySection *self);
OutlayDecimal       outlay_section_get_fringe_amount (OutlaySection *self);
OutlayDecimal       outlay_section_get_lines_estimate (OutlaySection *self);
gint64              outlay_section_get_parent_id  (OutlaySection *self);
guint               outlay_section_get_n_lines    (OutlaySection *self);
OutlayLine         *outlay_section_get_line       (OutlaySection *self,
                                                   guint          index);
gboolean            outlay_section_find_line      (OutlaySection *self,
                                                   OutlayLine    *line,
                                                   guint         *index);
const OutlayTotals *outlay_section_get_totals     (OutlaySection *self);
char *outlay_section_next_line_code (OutlaySection *self);

G_END_DECLS
