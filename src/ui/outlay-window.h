/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "outlay-application.h"
#include "outlay-document.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_WINDOW (outlay_window_get_type ())

G_DECLARE_FINAL_TYPE (OutlayWindow, outlay_window, OUTLAY, WINDOW, AdwApplicationWindow)

OutlayWindow   *outlay_window_new           (OutlayApplication *application);
OutlayDocument *outlay_window_get_document  (OutlayWindow      *self);
gboolean        outlay_window_select_budget (OutlayWindow      *self,
                                             gint64             budget_id);
gboolean outlay_window_show_line (OutlayWindow *self, gint64 budget_id, gint64 line_id);
void outlay_window_import_files (OutlayWindow *self, GFile **files, int n_files);

G_END_DECLS
