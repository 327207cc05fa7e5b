/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "outlay-document.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_CHECK_DIALOG (outlay_check_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OutlayCheckDialog, outlay_check_dialog, OUTLAY, CHECK_DIALOG, AdwWindow)

GtkWidget *outlay_check_dialog_new (GtkWindow *parent, OutlayDocument *document);
void outlay_check_dialog_set_question (OutlayCheckDialog *self,
                                       OutlaySection *section,
                                       OutlayLine *line,
                                       const char *period,
                                       const char *amount);
const char *outlay_check_dialog_get_decision (OutlayCheckDialog *self);
const char *outlay_check_dialog_get_reason (OutlayCheckDialog *self);

G_END_DECLS
