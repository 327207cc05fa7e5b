/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "outlay-decimal.h"
#include "outlay-model-enums.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_TIME_ENTRY (outlay_time_entry_get_type ())

G_DECLARE_FINAL_TYPE (OutlayTimeEntry, outlay_time_entry, OUTLAY, TIME_ENTRY, GObject)

OutlayTimeEntry   *outlay_time_entry_new                 (void);
gint64             outlay_time_entry_get_id              (OutlayTimeEntry *self);
gint64             outlay_time_entry_get_task_id         (OutlayTimeEntry *self);
gint64             outlay_time_entry_get_person_id       (OutlayTimeEntry *self);
const char        *outlay_time_entry_get_date            (OutlayTimeEntry *self);
OutlayDecimal      outlay_time_entry_get_hours           (OutlayTimeEntry *self);
const char        *outlay_time_entry_get_description     (OutlayTimeEntry *self);
OutlayDecimal      outlay_time_entry_get_rate            (OutlayTimeEntry *self);
gboolean           outlay_time_entry_get_rate_overridden (OutlayTimeEntry *self);
OutlayEntrySource  outlay_time_entry_get_source          (OutlayTimeEntry *self);
const char        *outlay_time_entry_get_external_id     (OutlayTimeEntry *self);
const char *outlay_time_entry_get_rate_source (OutlayTimeEntry *self);
gboolean           outlay_time_entry_get_cost            (OutlayTimeEntry *self,
                                                          OutlayDecimal   *out);

G_END_DECLS
