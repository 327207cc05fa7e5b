/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "outlay-document.h"
#include "outlay-store.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_TIMER_BUTTON (outlay_timer_button_get_type ())

G_DECLARE_FINAL_TYPE (OutlayTimerButton, outlay_timer_button, OUTLAY, TIMER_BUTTON, AdwBin)

void outlay_timer_button_set_document (OutlayTimerButton *self, OutlayDocument *document);
OutlayDocument *outlay_timer_button_get_document (OutlayTimerButton *self);
void outlay_timer_button_set_store (OutlayTimerButton *self, OutlayStore *store);
gboolean outlay_timer_button_start (OutlayTimerButton *self,
                                    guint task_index,
                                    gint64 started,
                                    GError **error);
gboolean outlay_timer_button_stop (OutlayTimerButton *self, gint64 now, GError **error);
gboolean outlay_timer_button_get_running (OutlayTimerButton *self);

G_END_DECLS
