/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "outlay-store-clickup.h"

G_BEGIN_DECLS

/* ClickUp records in, Outlay rows out.  Kept apart from the fetching so
 * the tasks code can take the rows over. */

typedef enum
{
  OUTLAY_CLICKUP_RULE_NAME,  /* the task's name is a line's code or description */
  OUTLAY_CLICKUP_RULE_TAG,   /* one of its tags is */
  OUTLAY_CLICKUP_RULE_FIELD, /* the value of a custom field is */
  OUTLAY_CLICKUP_RULE_LIST,  /* its list's name is */
} OutlayClickupRuleKind;

typedef struct _OutlayClickupMap OutlayClickupMap;

/* @rule: "name", "tag", "list" or "field:NAME"; @lines from
 * outlay_store_clickup_line_keys(). */
OutlayClickupMap *outlay_clickup_map_new (const char *rule, GPtrArray *lines, GError **error);
void outlay_clickup_map_free (OutlayClickupMap *map);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayClickupMap, outlay_clickup_map_free)

/* Adds @task (a ClickUp Task object) and its people to @batch; FALSE (with
 * @error) when a required field is missing or of the wrong type. */
gboolean outlay_clickup_map_task (OutlayClickupMap *map,
                                  OutlayClickupBatch *batch,
                                  JsonNode *task,
                                  const char *list_name,
                                  GError **error);
/* Adds a time entry; running timers (negative duration) and entries with
 * no task are skipped and counted. */
gboolean outlay_clickup_map_time_entry (OutlayClickupMap *map,
                                        OutlayClickupBatch *batch,
                                        JsonNode *entry,
                                        GError **error);
guint outlay_clickup_map_get_skipped (OutlayClickupMap *map);

/* A ClickUp time: a Unix-ms string, number, or null (-1) */
gint64 outlay_clickup_ms (JsonObject *object, const char *member);
/* Milliseconds as hours with four places, rounded to the nearest */
gint64 outlay_clickup_ms_to_hours (gint64 ms);

G_END_DECLS
