/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "outlay-document.h"
#include "outlay-store.h"

G_BEGIN_DECLS

AdwMessageDialog *
outlay_recost_dialog_new (GtkWindow *parent, OutlayDocument *document, OutlayStore *store);
const char *outlay_recost_dialog_get_summary (AdwMessageDialog *dialog);
const char *outlay_recost_dialog_get_result (AdwMessageDialog *dialog);

G_END_DECLS
