/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "outlay-decimal.h"

G_BEGIN_DECLS

#define OUTLAY_WEEK_DAYS 7

#define OUTLAY_TYPE_WEEK_ROW (outlay_week_row_get_type ())

G_DECLARE_FINAL_TYPE (OutlayWeekRow, outlay_week_row, OUTLAY, WEEK_ROW, GObject)

OutlayWeekRow *outlay_week_row_new (gint64 id, const char *name);
gint64 outlay_week_row_get_id (OutlayWeekRow *self);
const char *outlay_week_row_get_name (OutlayWeekRow *self);
OutlayDecimal outlay_week_row_get_hours (OutlayWeekRow *self, guint day);
OutlayDecimal outlay_week_row_get_total (OutlayWeekRow *self);
void outlay_week_row_set_hours (OutlayWeekRow *self, guint day, OutlayDecimal hours);
void outlay_week_row_set_week (OutlayWeekRow *self, const OutlayDecimal *hours);

G_END_DECLS
