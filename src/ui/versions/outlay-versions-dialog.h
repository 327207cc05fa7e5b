/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "outlay-document.h"
#include "outlay-store.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_VERSIONS_DIALOG (outlay_versions_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OutlayVersionsDialog, outlay_versions_dialog, OUTLAY, VERSIONS_DIALOG,
                      AdwWindow)

GtkWidget      *outlay_versions_dialog_new          (GtkWindow            *parent,
                                                     OutlayStore          *store,
                                                     OutlayDocument       *doc);
OutlayStore    *outlay_versions_dialog_get_store    (OutlayVersionsDialog *self);
OutlayDocument *outlay_versions_dialog_get_document (OutlayVersionsDialog *self);
void            outlay_versions_dialog_show_compare (OutlayVersionsDialog *self,
                                                     gint64                from_version_id,
                                                     gint64                to_version_id);
void outlay_versions_dialog_add_toast (OutlayVersionsDialog *self, AdwToast *toast);

G_END_DECLS
