/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "outlay-decimal.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_VERSION (outlay_version_get_type ())

G_DECLARE_FINAL_TYPE (OutlayVersion, outlay_version, OUTLAY, VERSION, GObject)

OutlayVersion *outlay_version_new                (void);
gint64         outlay_version_get_id             (OutlayVersion *self);
gint64         outlay_version_get_budget_id      (OutlayVersion *self);
const char    *outlay_version_get_name           (OutlayVersion *self);
const char    *outlay_version_get_note           (OutlayVersion *self);
gint64         outlay_version_get_created        (OutlayVersion *self);
gboolean       outlay_version_get_locked         (OutlayVersion *self);
OutlayDecimal  outlay_version_get_total_estimate (OutlayVersion *self);
OutlayDecimal  outlay_version_get_total_actual   (OutlayVersion *self);

G_END_DECLS
