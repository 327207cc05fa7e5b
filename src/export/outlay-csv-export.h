/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "outlay-document.h"
#include "outlay-store.h"

G_BEGIN_DECLS

gboolean outlay_csv_export           (OutlayDocument     *doc,
                                      const char         *path,
                                      OutlayProgressFunc  progress,
                                      gpointer            user_data,
                                      GCancellable       *cancellable,
                                      GError            **error);
gboolean outlay_csv_export_to_stream (OutlayDocument     *doc,
                                      GOutputStream      *stream,
                                      OutlayProgressFunc  progress,
                                      gpointer            user_data,
                                      GCancellable       *cancellable,
                                      GError            **error);

/* Shared by the exporters: a file is written beside @path under a
 * temporary name and only renamed over @path once it is complete, so a
 * failed or cancelled export never leaves a broken file at @path. */
gboolean outlay_export_create_temp   (const char         *path,
                                      char              **tmp_path,
                                      GError            **error);
gboolean outlay_export_finish        (const char         *tmp_path,
                                      const char         *path,
                                      gboolean            success,
                                      GError            **error);

G_END_DECLS
