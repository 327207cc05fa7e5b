/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-store.h"

G_BEGIN_DECLS

/* The spend level (OutlaySpendLevel, as an int) last notified for each
 * budget, so a desktop notification goes out once per crossing and a
 * restart does not send it again. */
gboolean
outlay_store_get_spend_alert (OutlayStore *self, gint64 budget_id, int *level, GError **error);
gboolean
outlay_store_set_spend_alert (OutlayStore *self, gint64 budget_id, int level, GError **error);

G_END_DECLS
