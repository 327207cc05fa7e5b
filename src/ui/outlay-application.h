/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "outlay-store.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_APPLICATION (outlay_application_get_type ())

G_DECLARE_FINAL_TYPE (OutlayApplication, outlay_application, OUTLAY, APPLICATION, AdwApplication)

OutlayApplication *outlay_application_new          (void);
OutlayStore       *outlay_application_get_store    (OutlayApplication *self);
GSettings         *outlay_application_get_settings (OutlayApplication *self);
gboolean
outlay_application_switch_database (OutlayApplication *self, const char *path, GError **error);

char *outlay_application_dup_database_path (OutlayApplication *self);
void outlay_application_notify_finished (OutlayApplication *self,
                                         const char *id,
                                         const char *title,
                                         const char *body,
                                         gint64 budget_id);
void outlay_application_notify_budget (OutlayApplication *self,
                                       const char *id,
                                       const char *title,
                                       const char *body,
                                       gint64 budget_id);

G_END_DECLS
