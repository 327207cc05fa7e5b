/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-decimal.h"
#include "outlay-store.h"

G_BEGIN_DECLS

/* Rows a ClickUp sync writes: the mapping (src/sync/clickup) makes them
 * from ClickUp's records; this file writes them in one transaction. */

typedef struct
{
  char *external_id; /* ClickUp user id, as text */
  char *name;
  char *email;
} OutlayClickupPersonRow;

typedef struct
{
  char *external_id; /* ClickUp task id */
  char *name;
  char *description;
  const char *status; /* "todo", "in-progress", "done", "cancelled" */
  char *assignee;     /* external id of a person, or NULL */
  OutlayDecimal estimated_hours;
  char *due_date;    /* YYYY-MM-DD or NULL */
  gint64 line_id;    /* the budget line the rule picked, 0 none */
  gint64 updated_ms; /* ClickUp's date_updated */
} OutlayClickupTaskRow;

typedef struct
{
  char *external_id; /* ClickUp time entry id */
  char *task;        /* external id of its task */
  char *person;      /* external id of its user, or NULL */
  char *date;        /* YYYY-MM-DD (UTC) of its start */
  OutlayDecimal hours;
  char *description;
} OutlayClickupTimeRow;

/* One list's sync, fetched in full before anything is written. */
typedef struct
{
  gint64 budget_id;
  char *list_id;
  gboolean complete;       /* every task of the list was listed */
  gint64 updated_after;    /* the cursor to keep for the next sync */
  gint64 since_ms;         /* first time window's start */
  GPtrArray *people;       /* OutlayClickupPersonRow */
  GPtrArray *tasks;        /* OutlayClickupTaskRow */
  GPtrArray *time_entries; /* OutlayClickupTimeRow */
  GArray *windows;         /* pairs of gint64 ms [start, end) fetched in full */
  gboolean remove_deleted; /* apply the removals, not just count them */
  gboolean dry_run;        /* count everything, then roll back */
} OutlayClickupBatch;

typedef struct
{
  guint tasks_added;
  guint tasks_updated;
  guint tasks_unchanged;
  guint tasks_removed; /* or that would be, without remove_deleted */
  guint entries_added;
  guint entries_updated;
  guint entries_unchanged;
  guint entries_removed;
  guint entries_skipped; /* no task of this budget, or a running timer */
  guint people_added;
  GPtrArray *removed_names; /* char*: tasks removed (or to remove) */
  GPtrArray *removed_ids;   /* char*: their ClickUp ids, in the same order */
} OutlayClickupSummary;

OutlayClickupBatch *outlay_clickup_batch_new (gint64 budget_id, const char *list_id);
void outlay_clickup_batch_free (OutlayClickupBatch *batch);
void outlay_clickup_summary_clear (OutlayClickupSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayClickupBatch, outlay_clickup_batch_free)

/* The state a previous sync of @list_id into @budget_id left; FALSE when
 * there was none. */
gboolean outlay_store_clickup_get_state (OutlayStore *self,
                                         gint64 budget_id,
                                         const char *list_id,
                                         gint64 *updated_after,
                                         gint64 *since_ms,
                                         GError **error);
/* Lines of @budget_id as (id, code, description) for the mapping rule:
 * a GPtrArray of char*[3] (id as text); free with g_ptr_array_unref. */
GPtrArray *outlay_store_clickup_line_keys (OutlayStore *self, gint64 budget_id, GError **error);
/* Writes @batch in one transaction: upserts by ClickUp id, removes what
 * ClickUp no longer has (when @batch says so), keeps the cursor.  Running
 * it again with the same batch changes nothing. */
gboolean outlay_store_clickup_apply (OutlayStore *self,
                                     OutlayClickupBatch *batch,
                                     OutlayClickupSummary *summary,
                                     GError **error);

/* Removes the tasks of @budget_id with these ClickUp ids (and their time
 * entries) in one transaction: what a sync found deleted in ClickUp, once
 * the user has seen the summary.  @removed: how many were there. */
gboolean outlay_store_clickup_remove_tasks (OutlayStore *self,
                                            gint64 budget_id,
                                            GPtrArray *external_ids,
                                            guint *removed,
                                            GError **error);

G_END_DECLS
