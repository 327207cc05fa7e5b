/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-person.h"
#include "outlay-rate-change.h"
#include "outlay-store.h"
#include "outlay-time-entry.h"

G_BEGIN_DECLS

GPtrArray *outlay_store_list_people (OutlayStore *self, GError **error);
gint64 outlay_store_find_person (OutlayStore *self, const char *name_or_id, GError **error);
gint64 outlay_store_add_person (OutlayStore *self,
                                const char *name,
                                const char *email,
                                const char *role,
                                GError **error);
gboolean outlay_store_set_person (OutlayStore *self,
                                  gint64 person_id,
                                  const char *name,
                                  const char *email,
                                  const char *role,
                                  GError **error);
gboolean outlay_store_set_rate (OutlayStore *self, const OutlayRateChange *change, GError **error);
GPtrArray *outlay_store_list_rates (OutlayStore *self, gint64 budget_id, GError **error);
GPtrArray *outlay_store_list_time (OutlayStore *self,
                                   gint64 budget_id,
                                   const char *from,
                                   const char *to,
                                   GError **error);

/**
 * OutlayHoursCell:
 * @key: a person's id or a task's id
 * @date: the day, YYYY-MM-DD
 * @hours: the hours logged on it
 */
typedef struct
{
  gint64 key;
  char date[11];
  OutlayDecimal hours;
} OutlayHoursCell;

GArray *outlay_store_hours_by_day (OutlayStore *self,
                                   gint64 budget_id,
                                   gboolean by_person,
                                   const char *from,
                                   const char *to,
                                   GError **error);

gboolean outlay_store_get_timer (OutlayStore *self,
                                 gint64 *task_id,
                                 gint64 *person_id,
                                 gint64 *started,
                                 GError **error);
gboolean outlay_store_set_timer (OutlayStore *self,
                                 gint64 task_id,
                                 gint64 person_id,
                                 gint64 started,
                                 GError **error);

G_END_DECLS
