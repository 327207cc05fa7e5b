/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "outlay-store.h"

G_BEGIN_DECLS

void outlay_save_template_dialog_present (GtkWindow      *parent,
                                          OutlayStore    *store,
                                          OutlayDocument *document);

G_END_DECLS
