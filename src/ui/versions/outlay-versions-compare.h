/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The comparison page of OutlayVersionsDialog: rows for the section
 * deltas and the added, removed and changed lines (private to the UI). */

#include <adwaita.h>

#include "outlay-compare.h"

G_BEGIN_DECLS

char *outlay_versions_format_delta   (OutlayDecimal     delta,
                                      const char       *currency);
void  outlay_versions_style_delta    (GtkWidget        *box,
                                      GtkImage         *icon,
                                      OutlayDecimal     delta);
void  outlay_versions_compare_fill   (GtkBox           *results,
                                      OutlayComparison *comparison,
                                      OutlayDocument   *to);
char *outlay_versions_compare_summary (OutlayComparison *comparison);

G_END_DECLS
