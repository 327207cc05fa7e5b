/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "outlay-document.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_TASK_NAMES (outlay_task_names_get_type ())

G_DECLARE_FINAL_TYPE (OutlayTaskNames, outlay_task_names, OUTLAY, TASK_NAMES, GObject)

OutlayTaskNames *outlay_task_names_new (OutlayDocument *document, GArray *ids);

G_END_DECLS
