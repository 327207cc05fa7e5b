/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-clickup"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-clickup-map.h"
#include "outlay-error.h"

struct _OutlayClickupMap
{
  OutlayClickupRuleKind kind;
  char *field;
  GHashTable *lines;  /* casefolded code or description → gint64* id */
  GHashTable *people; /* external ids already in the batch */
  guint skipped;
};

static char *
key (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  return g_utf8_casefold (stripped, -1);
}

OutlayClickupMap *
outlay_clickup_map_new (const char *rule, GPtrArray *lines, GError **error)
{
  g_autoptr (OutlayClickupMap) map = g_new0 (OutlayClickupMap, 1);

  map->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  map->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (rule == NULL || g_str_equal (rule, "name"))
    map->kind = OUTLAY_CLICKUP_RULE_NAME;
  else if (g_str_equal (rule, "tag"))
    map->kind = OUTLAY_CLICKUP_RULE_TAG;
  else if (g_str_equal (rule, "list"))
    map->kind = OUTLAY_CLICKUP_RULE_LIST;
  else if (g_str_has_prefix (rule, "field:") && rule[6] != '\0')
    {
      map->kind = OUTLAY_CLICKUP_RULE_FIELD;
      map->field = key (rule + 6);
    }
  else
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("Unknown mapping rule “%s”: use name, tag, list or field:NAME"), rule);
      return NULL;
    }
  /* codes win over descriptions; the first line of a duplicate wins */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; lines && i < lines->len; i++)
      {
        char **line = g_ptr_array_index (lines, i);
        char *k = key (line[pass == 0 ? 1 : 2]);
        gint64 id = g_ascii_strtoll (line[0], NULL, 10);

        if (*k == '\0' || g_hash_table_contains (map->lines, k))
          g_free (k);
        else
          g_hash_table_insert (map->lines, k, g_memdup2 (&id, sizeof id));
      }
  return g_steal_pointer (&map);
}

void
outlay_clickup_map_free (OutlayClickupMap *map)
{
  if (map == NULL)
    return;
  g_free (map->field);
  g_clear_pointer (&map->lines, g_hash_table_unref);
  g_clear_pointer (&map->people, g_hash_table_unref);
  g_free (map);
}

guint
outlay_clickup_map_get_skipped (OutlayClickupMap *map)
{
  return map->skipped;
}

gint64
outlay_clickup_ms (JsonObject *object, const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;
  const char *text;
  char *end = NULL;
  gint64 value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return -1;
  switch (json_node_get_value_type (node))
    {
      case G_TYPE_INT64:
        return json_node_get_int (node);
      case G_TYPE_DOUBLE:
        return (gint64) json_node_get_double (node);
      case G_TYPE_STRING:
        text = json_node_get_string (node);
        value = g_ascii_strtoll (text, &end, 10);
        return end != text && *end == '\0' ? value : -1;
      default:
        return -1;
    }
}

gint64
outlay_clickup_ms_to_hours (gint64 ms)
{
  /* an hour is 3,600,000 ms and 10,000 ten-thousandths: 360 ms each */
  return ms >= 0 ? (ms + 180) / 360 : -((-ms + 180) / 360);
}

static gint64
match (OutlayClickupMap *map, const char *text)
{
  g_autofree char *k = key (text);
  gint64 *id = g_hash_table_lookup (map->lines, k);
  const char *space;

  if (id != NULL)
    return *id;
  /* "1100 Camera rental" or "1100: …" names line 1100 */
  space = strpbrk (k, " :");
  if (space != NULL && space != k)
    {
      g_autofree char *code = g_strndup (k, space - k);

      id = g_hash_table_lookup (map->lines, code);
    }
  return id ? *id : 0;
}

static char *
field_text (JsonObject *field)
{
  JsonNode *value = json_object_get_member (field, "value");
  JsonObject *config;
  JsonArray *options;

  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value))
    return NULL;
  if (g_strcmp0 (json_object_get_string_member_with_default (field, "type", ""), "drop_down") == 0
      && json_object_has_member (field, "type_config")
      && (config = json_object_get_object_member (field, "type_config")) != NULL
      && json_object_has_member (config, "options"))
    {
      /* a drop-down's value is its option's orderindex */
      gint64 index = json_node_get_value_type (value) == G_TYPE_STRING
                         ? g_ascii_strtoll (json_node_get_string (value), NULL, 10)
                         : json_node_get_int (value);

      options = json_object_get_array_member (config, "options");
      for (guint i = 0; options && i < json_array_get_length (options); i++)
        {
          JsonObject *o = json_array_get_object_element (options, i);

          if (o && json_object_get_int_member_with_default (o, "orderindex", -1) == index)
            return g_strdup (json_object_get_string_member_with_default (o, "name", NULL));
        }
      return NULL;
    }
  switch (json_node_get_value_type (value))
    {
      case G_TYPE_STRING:
        return g_strdup (json_node_get_string (value));
      case G_TYPE_INT64:
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
      default:
        return NULL;
    }
}

static gint64
pick_line (OutlayClickupMap *map, JsonObject *task, const char *list_name)
{
  JsonArray *array;
  const char *member = map->kind == OUTLAY_CLICKUP_RULE_TAG ? "tags" : "custom_fields";

  switch (map->kind)
    {
      case OUTLAY_CLICKUP_RULE_NAME:
        return match (map, json_object_get_string_member_with_default (task, "name", ""));
      case OUTLAY_CLICKUP_RULE_LIST:
        return match (map, list_name);
      case OUTLAY_CLICKUP_RULE_TAG:
      case OUTLAY_CLICKUP_RULE_FIELD:
        if (!json_object_has_member (task, member)
            || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (task, member)))
          return 0;
        array = json_object_get_array_member (task, member);
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonObject *o = json_array_get_object_element (array, i);
            g_autofree char *name = NULL;
            g_autofree char *text = NULL;
            gint64 id;

            if (o == NULL)
              continue;
            name = key (json_object_get_string_member_with_default (o, "name", ""));
            if (map->kind == OUTLAY_CLICKUP_RULE_TAG)
              id = match (map, name);
            else if (g_str_equal (name, map->field) && (text = field_text (o)) != NULL)
              id = match (map, text);
            else
              id = 0;
            if (id != 0)
              return id;
          }
        return 0;
      default:
        g_assert_not_reached ();
    }
}

static const char *
status_of (JsonObject *task)
{
  JsonObject *status = json_object_has_member (task, "status")
                               && JSON_NODE_HOLDS_OBJECT (json_object_get_member (task, "status"))
                           ? json_object_get_object_member (task, "status")
                           : NULL;
  const char *type = status ? json_object_get_string_member_with_default (status, "type", "") : "";

  if (g_str_equal (type, "closed") || g_str_equal (type, "done"))
    return "done";
  if (g_str_equal (type, "open"))
    return "todo";
  return status ? "in-progress" : "todo";
}

static char *
add_person (OutlayClickupMap *map, OutlayClickupBatch *batch, JsonObject *user)
{
  OutlayClickupPersonRow *row;
  JsonNode *id = user ? json_object_get_member (user, "id") : NULL;
  char *external;

  if (id == NULL || !JSON_NODE_HOLDS_VALUE (id))
    return NULL;
  external = json_node_get_value_type (id) == G_TYPE_STRING
                 ? g_strdup (json_node_get_string (id))
                 : g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (id));
  if (g_hash_table_contains (map->people, external))
    return external;
  g_hash_table_add (map->people, g_strdup (external));
  row = g_new0 (OutlayClickupPersonRow, 1);
  row->external_id = g_strdup (external);
  row->name = g_strdup (json_object_get_string_member_with_default (user, "username", NULL));
  row->email = g_strdup (json_object_get_string_member_with_default (user, "email", NULL));
  g_ptr_array_add (batch->people, row);
  return external;
}

static char *
ms_to_date (gint64 ms)
{
  g_autoptr (GDateTime) dt = NULL;

  if (ms < 0)
    return NULL;
  dt = g_date_time_new_from_unix_utc (ms / 1000);
  return dt ? g_date_time_format (dt, "%Y-%m-%d") : NULL;
}

static gboolean
bad_record (const char *what, GError **error)
{
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_SERVICE,
               _("ClickUp sent a %s Outlay cannot read (no id or name). Nothing was changed; try again later."),
                  what);
  return FALSE;
}

gboolean
outlay_clickup_map_task (OutlayClickupMap *map,
                         OutlayClickupBatch *batch,
                         JsonNode *node,
                         const char *list_name,
                         GError **error)
{
  JsonObject *task = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  OutlayClickupTaskRow *row;
  JsonArray *assignees;
  const char *id = task ? json_object_get_string_member_with_default (task, "id", NULL) : NULL;
  const char *name = task ? json_object_get_string_member_with_default (task, "name", NULL) : NULL;
  gint64 estimate;

  if (id == NULL || name == NULL)
    return bad_record (_("task"), error);
  row = g_new0 (OutlayClickupTaskRow, 1);
  row->external_id = g_strdup (id);
  row->name = g_strdup (name);
  row->description = g_strdup (
      json_object_get_string_member_with_default (task, "text_content", NULL));
  if (row->description && *row->description == '\0')
    g_clear_pointer (&row->description, g_free);
  row->status = status_of (task);
  estimate = outlay_clickup_ms (task, "time_estimate");
  row->estimated_hours = estimate > 0 ? outlay_clickup_ms_to_hours (estimate) : 0;
  row->due_date = ms_to_date (outlay_clickup_ms (task, "due_date"));
  row->updated_ms = MAX (outlay_clickup_ms (task, "date_updated"), 0);
  row->line_id = pick_line (map, task, list_name);
  if (json_object_has_member (task, "assignees")
      && JSON_NODE_HOLDS_ARRAY (json_object_get_member (task, "assignees")))
    {
      assignees = json_object_get_array_member (task, "assignees");
      /* Outlay's task has one assignee: ClickUp's first */
      for (guint i = 0; i < json_array_get_length (assignees); i++)
        {
          g_autofree char *person = add_person (map, batch,
                                                json_array_get_object_element (assignees, i));

          if (i == 0)
            row->assignee = g_steal_pointer (&person);
        }
    }
  g_ptr_array_add (batch->tasks, row);
  return TRUE;
}

gboolean
outlay_clickup_map_time_entry (OutlayClickupMap *map,
                               OutlayClickupBatch *batch,
                               JsonNode *node,
                               GError **error)
{
  JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonObject *task;
  OutlayClickupTimeRow *row;
  const char *id = entry ? json_object_get_string_member_with_default (entry, "id", NULL) : NULL;
  gint64 duration, start;

  if (id == NULL)
    return bad_record (_("time entry"), error);
  duration = outlay_clickup_ms (entry, "duration");
  start = outlay_clickup_ms (entry, "start");
  task = json_object_has_member (entry, "task")
                 && JSON_NODE_HOLDS_OBJECT (json_object_get_member (entry, "task"))
             ? json_object_get_object_member (entry, "task")
             : NULL;
  /* a negative duration is a timer still running */
  if (duration < 0 || start < 0 || task == NULL
      || json_object_get_string_member_with_default (task, "id", NULL) == NULL)
    {
      map->skipped++;
      return TRUE;
    }
  row = g_new0 (OutlayClickupTimeRow, 1);
  row->external_id = g_strdup (id);
  row->task = g_strdup (json_object_get_string_member (task, "id"));
  if (json_object_has_member (entry, "user")
      && JSON_NODE_HOLDS_OBJECT (json_object_get_member (entry, "user")))
    row->person = add_person (map, batch, json_object_get_object_member (entry, "user"));
  row->date = ms_to_date (start);
  row->hours = outlay_clickup_ms_to_hours (duration);
  row->description = g_strdup (
      json_object_get_string_member_with_default (entry, "description", NULL));
  if (row->description && *row->description == '\0')
    g_clear_pointer (&row->description, g_free);
  g_ptr_array_add (batch->time_entries, row);
  return TRUE;
}
