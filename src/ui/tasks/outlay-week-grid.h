/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "outlay-document.h"
#include "outlay-store.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_WEEK_GRID (outlay_week_grid_get_type ())

G_DECLARE_FINAL_TYPE (OutlayWeekGrid, outlay_week_grid, OUTLAY, WEEK_GRID, GtkBox)

void
outlay_week_grid_set_document (OutlayWeekGrid *self, OutlayDocument *document, OutlayStore *store);
void outlay_week_grid_set_week (OutlayWeekGrid *self, const char *monday);
void outlay_week_grid_set_by_tasks (OutlayWeekGrid *self, gboolean by_tasks);
void outlay_week_grid_reload (OutlayWeekGrid *self);
guint outlay_week_grid_get_n_rows (OutlayWeekGrid *self);
gboolean outlay_week_grid_type_hours (OutlayWeekGrid *self,
                                      guint row,
                                      guint day,
                                      const char *text,
                                      GError **error);

G_END_DECLS
