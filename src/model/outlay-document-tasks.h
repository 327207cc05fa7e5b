/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-document.h"
#include "outlay-task.h"
#include "outlay-time-entry.h"

G_BEGIN_DECLS

/* Most hours one person can log in a day, and in one entry. */
#define OUTLAY_MAX_DAY_HOURS (24 * OUTLAY_DECIMAL_ONE)

/**
 * OutlayTimeLog:
 * @task: the task the hours go to (one of the document's)
 * @person_id: who worked them, 0 for nobody in particular
 * @date: the day, YYYY-MM-DD
 * @hours: how long, more than 0 and at most 24
 * @rate: the hourly rate it is costed at, already resolved
 * @rate_typed: whether the user typed @rate on the entry
 * @rate_source: where @rate came from ("entry", "task", "person-budget",
 *   "person", "budget" or "none"), kept with the entry
 * @note: (nullable): what was done
 *
 * One time entry to log, before it is saved.
 */
typedef struct
{
  OutlayTask *task;
  gint64 person_id;
  const char *date;
  OutlayDecimal hours;
  OutlayDecimal rate;
  gboolean rate_typed;
  const char *rate_source;
  const char *note;
} OutlayTimeLog;

guint outlay_document_get_n_tasks (OutlayDocument *self);
OutlayTask *outlay_document_get_task (OutlayDocument *self, guint index);
gboolean outlay_document_find_task (OutlayDocument *self, OutlayTask *task, guint *index);
OutlayTask *outlay_document_lookup_task (OutlayDocument *self, const char *name_or_id);
OutlayTask *outlay_document_get_task_by_id (OutlayDocument *self, gint64 id);
OutlayLine *outlay_document_get_line_by_id (OutlayDocument *self, gint64 id);
OutlayLine *outlay_document_get_task_line (OutlayDocument *self, OutlayTask *task);
OutlayTask *outlay_task_copy (OutlayTask *task);

OutlayTask *
outlay_document_add_task (OutlayDocument *self, guint index, OutlayTask *task, GError **error);
gboolean outlay_document_update_task (OutlayDocument *self,
                                      OutlayTask *task,
                                      OutlayTask *edited,
                                      GError **error);
gboolean outlay_document_delete_task (OutlayDocument *self, OutlayTask *task, GError **error);
gboolean
outlay_document_move_task (OutlayDocument *self, OutlayTask *task, guint to_index, GError **error);

gboolean
outlay_document_check_time_log (OutlayDocument *self, const OutlayTimeLog *log, GError **error);
OutlayTimeEntry *
outlay_document_log_time (OutlayDocument *self, const OutlayTimeLog *log, GError **error);
gboolean outlay_document_log_times (OutlayDocument *self,
                                    const OutlayTimeLog *logs,
                                    guint n_logs,
                                    GError **error);
gboolean outlay_document_remove_time (OutlayDocument *self, OutlayTimeEntry *entry, GError **error);
gboolean outlay_document_recost_time (OutlayDocument *self,
                                      GPtrArray *entries,
                                      const OutlayDecimal *rates,
                                      const char *const *sources,
                                      GError **error);

G_END_DECLS
