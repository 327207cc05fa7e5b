/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "outlay-document.h"
#include "outlay-store.h"
#include "outlay-task.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_LOG_TIME_DIALOG (outlay_log_time_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OutlayLogTimeDialog,
                      outlay_log_time_dialog,
                      OUTLAY,
                      LOG_TIME_DIALOG,
                      AdwWindow)

GtkWidget *
outlay_log_time_dialog_new (OutlayDocument *document, OutlayStore *store, OutlayTask *task);
void outlay_log_time_dialog_set_person (OutlayLogTimeDialog *self, const char *name);
const char *outlay_log_time_dialog_get_rate_text (OutlayLogTimeDialog *self);
const char *outlay_log_time_dialog_get_impact_text (OutlayLogTimeDialog *self);
gboolean outlay_log_time_dialog_save (OutlayLogTimeDialog *self, GError **error);

G_END_DECLS
