/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "outlay-spend-level.h"

G_BEGIN_DECLS

/* A small pill that says a budget's spend has passed its warning or
 * critical threshold, with an icon (not colour alone), a tooltip and an
 * accessible description; hidden below the warning threshold.  Shared by
 * the overview and the sheet's footer. */
GtkWidget *outlay_spend_badge_new (void);
void outlay_spend_badge_update (GtkWidget *badge,
                                OutlayBudget *budget,
                                OutlaySpendLevel level,
                                OutlayDecimal percent);
void outlay_spend_badge_show_document (GtkWidget *badge, OutlayDocument *document);

G_END_DECLS
