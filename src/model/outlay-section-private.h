/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-section.h"

G_BEGIN_DECLS

void       outlay_section_set_id          (OutlaySection      *self,
                                           gint64              id);
GPtrArray *outlay_section_get_lines_array (OutlaySection      *self);
void       outlay_section_set_totals      (OutlaySection      *self,
                                           const OutlayTotals *totals);
void       outlay_section_notify_n_lines  (OutlaySection      *self);
/* The actual, committed and reserved amounts of the commitments that
 * charge the section as a whole (no line); part of its totals. */
const OutlayTotals *outlay_section_get_held (OutlaySection *self);
void outlay_section_set_held (OutlaySection *self, const OutlayTotals *held);
/* Sets fields without notify; for loading and building. */
void       outlay_section_load            (OutlaySection      *self,
                                           gint64              id,
                                           const char         *code,
                                           const char         *name,
                                           OutlayDecimal       fringe,
                                           gint64              parent_id);

G_END_DECLS
