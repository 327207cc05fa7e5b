/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-fake-server"

/* ClickUp v2 and Gemini v1beta as their published descriptions have them
 * (clickup-api-v2-reference.json, generativelanguage.v1beta), strict about
 * what they accept: unknown query parameters, a missing header or a wrong
 * method get the service's error and are counted as invalid. */

#include <libsoup/soup.h>
#include <string.h>

#include "outlay-fake-server.h"

#define PAGE_SIZE 100
#define TEAM_ID "9012345"

typedef struct
{
  char *prefix;
  OutlayFakeFault fault;
} Fault;

typedef struct
{
  char *list_id;
  JsonObject *task;
} Task;

struct _OutlayFakeServer
{
  SoupServer *server;
  char *clickup_url;
  char *gemini_url;
  GQueue faults;
  GPtrArray *log; /* char* "GET /api/v2/…?…" */
  guint invalid;
  gboolean revoked;
  guint rate_limit;
  gint64 window_start;
  guint window_count;
  GPtrArray *tasks;   /* Task*, in creation order */
  GPtrArray *entries; /* JsonObject* */
  GPtrArray *paused;  /* SoupServerMessage* never answered */
  char *gemini_text;
  char *gemini_finish;
  char *gemini_block;
  JsonNode *gemini_request;
};

static void
task_free (Task *t)
{
  g_free (t->list_id);
  json_object_unref (t->task);
  g_free (t);
}

static void
fault_free (Fault *f)
{
  g_free (f->prefix);
  g_free (f);
}

static void
respond_json (SoupServerMessage *msg, guint status, const char *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json; charset=UTF-8", SOUP_MEMORY_COPY, json,
                                    strlen (json));
}

static void
respond_node (SoupServerMessage *msg, JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  respond_json (msg, 200, text);
}

static void
invalid (OutlayFakeServer *self, SoupServerMessage *msg, gboolean google, const char *why)
{
  g_autofree char *body = NULL;

  self->invalid++;
  g_message ("invalid request %s %s: %s", soup_server_message_get_method (msg),
             g_uri_get_path (soup_server_message_get_uri (msg)), why);
  if (google)
    body = g_strdup_printf (
        "{\"error\":{\"code\":400,\"message\":\"%s\",\"status\":\"INVALID_ARGUMENT\"}}", why);
  else
    body = g_strdup_printf ("{\"err\":\"%s\",\"ECODE\":\"INPUT_005\"}", why);
  respond_json (msg, 400, body);
}

/* The raw query as (key, value) pairs: repeated keys survive */
static GPtrArray *
query_pairs (SoupServerMessage *msg)
{
  const char *query = g_uri_get_query (soup_server_message_get_uri (msg));
  g_auto (GStrv) parts = query ? g_strsplit (query, "&", -1) : NULL;
  GPtrArray *pairs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts && parts[i]; i++)
    {
      char *eq = strchr (parts[i], '=');

      if (*parts[i] == '\0')
        continue;
      if (eq)
        *eq = '\0';
      g_ptr_array_add (pairs, g_uri_unescape_string (parts[i], NULL));
      g_ptr_array_add (pairs, eq ? g_uri_unescape_string (eq + 1, NULL) : g_strdup (""));
    }
  return pairs;
}

static const char *
query_get (GPtrArray *pairs, const char *key)
{
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    if (g_str_equal (g_ptr_array_index (pairs, i), key))
      return g_ptr_array_index (pairs, i + 1);
  return NULL;
}

static gboolean
is_bool (const char *v)
{
  return g_strcmp0 (v, "true") == 0 || g_strcmp0 (v, "false") == 0;
}

static gboolean
is_int (const char *v)
{
  char *end = NULL;

  if (v == NULL || *v == '\0')
    return FALSE;
  g_ascii_strtoll (v, &end, 10);
  return *end == '\0';
}

/* Each parameter the reference lists for the path, with its type */
static const char *
check_query (GPtrArray *pairs, const char *const *allowed)
{
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      const char *key = g_ptr_array_index (pairs, i);
      const char *value = g_ptr_array_index (pairs, i + 1);
      gboolean known = FALSE;

      for (guint j = 0; allowed[j]; j++)
        {
          const char *spec = allowed[j]; /* "name:type" */
          const char *colon = strchr (spec, ':');

          if (strncmp (spec, key, colon - spec) != 0 || key[colon - spec] != '\0')
            continue;
          known = TRUE;
          if (g_str_equal (colon + 1, "bool") && !is_bool (value))
            return "a boolean parameter is not true or false";
          if (g_str_equal (colon + 1, "int") && !is_int (value))
            return "an integer parameter is not an integer";
          if (g_str_equal (colon + 1, "ids"))
            {
              g_auto (GStrv) ids = g_strsplit (value, ",", -1);

              for (guint k = 0; ids[k]; k++)
                if (!is_int (ids[k]))
                  return "assignee is not a comma-separated list of user ids";
            }
        }
      if (!known)
        return "unknown query parameter";
    }
  return NULL;
}

static const char *
user_json (guint id)
{
  return id == 183 ? "{\"id\":183,\"username\":\"Ann "
                     "Archer\",\"email\":\"ann@example.com\",\"color\":\"#827718\",\"initials\":"
                     "\"AA\",\"profilePicture\":null}"
                   : "{\"id\":184,\"username\":\"Bob "
                     "Baker\",\"email\":\"bob@example.com\",\"color\":\"#08c7e0\",\"initials\":"
                     "\"BB\",\"profilePicture\":null}";
}

/* ---- ClickUp ---------------------------------------------------------- */

static void
rate_headers (OutlayFakeServer *self, SoupServerMessage *msg, gboolean *over)
{
  SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  char buf[32];

  if (now - self->window_start >= 60)
    {
      self->window_start = now;
      self->window_count = 0;
    }
  self->window_count++;
  *over = self->window_count > self->rate_limit;
  g_snprintf (buf, sizeof buf, "%u", self->rate_limit);
  soup_message_headers_replace (h, "X-RateLimit-Limit", buf);
  g_snprintf (buf, sizeof buf, "%u",
              self->window_count >= self->rate_limit ? 0 : self->rate_limit - self->window_count);
  soup_message_headers_replace (h, "X-RateLimit-Remaining", buf);
  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, self->window_start + 60);
  soup_message_headers_replace (h, "X-RateLimit-Reset", buf);
}

static JsonObject *
find_task (OutlayFakeServer *self, const char *id, guint *index)
{
  for (guint i = 0; i < self->tasks->len; i++)
    {
      Task *t = g_ptr_array_index (self->tasks, i);

      if (g_str_equal (json_object_get_string_member (t->task, "id"), id))
        {
          if (index)
            *index = i;
          return t->task;
        }
    }
  return NULL;
}

static gint64
ms_member (JsonObject *o, const char *member)
{
  JsonNode *n = json_object_get_member (o, member);

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return -1;
  if (json_node_get_value_type (n) == G_TYPE_STRING)
    return g_ascii_strtoll (json_node_get_string (n), NULL, 10);
  return json_node_get_int (n);
}

static void
clickup_tasks (OutlayFakeServer *self, SoupServerMessage *msg, const char *list_id, GPtrArray *q)
{
  static const char *const allowed[] = { "archived:bool",
                                         "include_markdown_description:bool",
                                         "page:int",
                                         "order_by:str",
                                         "reverse:bool",
                                         "subtasks:bool",
                                         "statuses:str",
                                         "statuses[]:str",
                                         "include_closed:bool",
                                         "include_timl:bool",
                                         "assignees:str",
                                         "assignees[]:str",
                                         "watchers:str",
                                         "watchers[]:str",
                                         "tags:str",
                                         "tags[]:str",
                                         "due_date_gt:int",
                                         "due_date_lt:int",
                                         "date_created_gt:int",
                                         "date_created_lt:int",
                                         "date_updated_gt:int",
                                         "date_updated_lt:int",
                                         "date_done_gt:int",
                                         "date_done_lt:int",
                                         "custom_fields:str",
                                         "custom_field:str",
                                         "custom_items:str",
                                         "custom_items[]:str",
                                         NULL };
  const char *why = check_query (q, allowed);
  const char *order = query_get (q, "order_by");
  const char *gt = query_get (q, "date_updated_gt");
  gboolean closed = g_strcmp0 (query_get (q, "include_closed"), "true") == 0;
  guint page = query_get (q, "page") ? atoi (query_get (q, "page")) : 0;
  g_autoptr (JsonArray) out = json_array_new ();
  g_autoptr (JsonObject) root = json_object_new ();
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  guint matched = 0;

  if (why
      || (order
          && !g_strv_contains (
              (const char *const[]){ "id", "created", "updated", "due_date", NULL }, order)))
    {
      invalid (self, msg, FALSE, why ? why : "order_by must be id, created, updated or due_date");
      return;
    }
  if (!g_str_equal (list_id, "124") && !g_str_equal (list_id, "125"))
    {
      respond_json (msg, 401, "{\"err\":\"Team(s) not authorized\",\"ECODE\":\"OAUTH_023\"}");
      return;
    }
  for (guint i = 0; i < self->tasks->len; i++)
    {
      Task *t = g_ptr_array_index (self->tasks, i);
      JsonObject *status = json_object_get_object_member (t->task, "status");

      if (!g_str_equal (t->list_id, list_id)
          || (!closed && g_str_equal (json_object_get_string_member (status, "type"), "closed"))
          || (gt && ms_member (t->task, "date_updated") <= g_ascii_strtoll (gt, NULL, 10)))
        continue;
      if (matched >= page * PAGE_SIZE && matched < (page + 1) * PAGE_SIZE)
        json_array_add_object_element (out, json_object_ref (t->task));
      matched++;
    }
  json_object_set_array_member (root, "tasks", json_array_ref (out));
  json_object_set_boolean_member (root, "last_page", matched <= (page + 1) * PAGE_SIZE);
  json_node_set_object (node, root);
  respond_node (msg, node);
}

static void
clickup_time_entries (OutlayFakeServer *self,
                      SoupServerMessage *msg,
                      const char *team,
                      GPtrArray *q)
{
  static const char *const allowed[] = { "start_date:int",
                                         "end_date:int",
                                         "assignee:ids",
                                         "include_task_tags:bool",
                                         "include_location_names:bool",
                                         "include_approval_history:bool",
                                         "include_approval_details:bool",
                                         "space_id:int",
                                         "folder_id:int",
                                         "list_id:int",
                                         "task_id:str",
                                         "custom_task_ids:bool",
                                         "team_id:int",
                                         "is_billable:bool",
                                         NULL };
  const char *why = check_query (q, allowed);
  const char *ct = soup_message_headers_get_content_type (
      soup_server_message_get_request_headers (msg), NULL);
  const char *list = query_get (q, "list_id");
  const char *assignee = query_get (q, "assignee");
  gint64 now = g_get_real_time () / 1000;
  gint64 start = query_get (q, "start_date")
                     ? g_ascii_strtoll (query_get (q, "start_date"), NULL, 10)
                     : now - 30 * 86400000LL;
  gint64 end = query_get (q, "end_date") ? g_ascii_strtoll (query_get (q, "end_date"), NULL, 10)
                                         : now;
  g_auto (GStrv) who = g_strsplit (assignee ? assignee : "183", ",", -1);
  g_autoptr (GString) out = g_string_new ("{\"data\":[");
  guint scopes = !!query_get (q, "space_id") + !!query_get (q, "folder_id") + !!list
                 + !!query_get (q, "task_id");
  gboolean first = TRUE;

  if (why || scopes > 1 || g_strcmp0 (ct, "application/json") != 0)
    {
      invalid (self, msg, FALSE,
               why          ? why
               : scopes > 1 ? "only one of space_id, folder_id, list_id, task_id"
                            : "Content-Type: application/json is required");
      return;
    }
  if (!g_str_equal (team, TEAM_ID))
    {
      respond_json (msg, 401, "{\"err\":\"Team(s) not authorized\",\"ECODE\":\"OAUTH_027\"}");
      return;
    }
  for (guint i = 0; i < self->entries->len; i++)
    {
      JsonObject *e = g_ptr_array_index (self->entries, i);
      gint64 s = ms_member (e, "start");
      JsonObject *user = json_object_get_object_member (e, "user");
      char uid[24];
      g_autofree char *text = NULL;
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      g_snprintf (uid, sizeof uid, "%" G_GINT64_FORMAT, json_object_get_int_member (user, "id"));
      if (s < start || s > end || !g_strv_contains ((const char *const *) who, uid))
        continue;
      if (list
          && json_object_get_int_member (json_object_get_object_member (e, "task_location"),
                                         "list_id")
                 != g_ascii_strtoll (list, NULL, 10))
        continue;
      json_node_set_object (node, e);
      text = json_to_string (node, FALSE);
      g_string_append_printf (out, "%s%s", first ? "" : ",", text);
      first = FALSE;
    }
  g_string_append (out, "]}");
  respond_json (msg, 200, out->str);
}

static void
clickup_route (OutlayFakeServer *self, SoupServerMessage *msg, const char *path, GPtrArray *q)
{
  static const char *const archived[] = { "archived:bool", NULL };
  g_auto (GStrv) seg = g_strsplit (path, "/", -1); /* "", "api", "v2", … */
  guint n = g_strv_length (seg);
  const char *why = NULL;

  if (n == 4 && g_str_equal (seg[3], "user") && q->len == 0)
    {
      g_autofree char *body = g_strdup_printf ("{\"user\":%s}", user_json (183));

      respond_json (msg, 200, body);
    }
  else if (n == 4 && g_str_equal (seg[3], "team") && q->len == 0)
    {
      g_autofree char *body = g_strdup_printf (
          "{\"teams\":[{\"id\":\"" TEAM_ID
          "\",\"name\":\"Acme\",\"color\":\"#7b68ee\",\"avatar\":null,"
          "\"members\":[{\"user\":%s},{\"user\":%s}]}]}",
          user_json (183), user_json (184));
      respond_json (msg, 200, body);
    }
  else if (n == 6 && g_str_equal (seg[3], "team") && g_str_equal (seg[5], "space")
           && !(why = check_query (q, archived)))
    respond_json (msg, g_str_equal (seg[4], TEAM_ID) ? 200 : 401,
                  g_str_equal (seg[4], TEAM_ID)
                      ? "{\"spaces\":[{\"id\":\"790\",\"name\":\"Ops\",\"private\":false,"
                        "\"statuses\":[],\"multiple_assignees\":true,\"archived\":false}]}"
                      : "{\"err\":\"Team(s) not authorized\",\"ECODE\":\"OAUTH_023\"}");
  else if (n == 6 && g_str_equal (seg[3], "space") && g_str_equal (seg[5], "folder")
           && !(why = check_query (q, archived)))
    respond_json (msg, 200,
                  "{\"folders\":[{\"id\":\"456\",\"name\":\"Q4\",\"orderindex\":0,\"override_"
                  "statuses\":false,\"hidden\":false,"
                  "\"space\":{\"id\":\"790\",\"name\":\"Ops\",\"access\":true},\"task_count\":"
                  "\"12\",\"lists\":[]}]}");
  else if (n == 6 && g_str_equal (seg[3], "folder") && g_str_equal (seg[5], "list")
           && !(why = check_query (q, archived)))
    respond_json (
        msg, 200,
        "{\"lists\":[{\"id\":\"124\",\"name\":\"Sprint\",\"orderindex\":1,\"task_count\":\"7\","
        "\"folder\":{\"id\":\"456\",\"name\":\"Q4\",\"hidden\":false,\"access\":true},"
        "\"space\":{\"id\":\"790\",\"name\":\"Ops\",\"access\":true},\"archived\":false}]}");
  else if (n == 6 && g_str_equal (seg[3], "space") && g_str_equal (seg[5], "list")
           && !(why = check_query (q, archived)))
    respond_json (
        msg, 200,
        "{\"lists\":[{\"id\":\"125\",\"name\":\"Backlog\",\"orderindex\":0,\"task_count\":null,"
        "\"folder\":{\"id\":\"457\",\"name\":\"hidden\",\"hidden\":true,\"access\":true},"
        "\"space\":{\"id\":\"790\",\"name\":\"Ops\",\"access\":true},\"archived\":false}]}");
  else if (n == 5 && g_str_equal (seg[3], "list") && q->len == 0)
    respond_json (msg, 200,
                  g_str_equal (seg[4], "124") ? "{\"id\":\"124\",\"name\":\"Sprint\"}"
                                              : "{\"id\":\"125\",\"name\":\"Backlog\"}");
  else if (n == 6 && g_str_equal (seg[3], "list") && g_str_equal (seg[5], "task"))
    clickup_tasks (self, msg, seg[4], q);
  else if (n == 6 && g_str_equal (seg[3], "team") && g_str_equal (seg[5], "time_entries"))
    clickup_time_entries (self, msg, seg[4], q);
  else if (why)
    invalid (self, msg, FALSE, why);
  else
    invalid (self, msg, FALSE, "no such operation in ClickUp API v2");
}

/* ---- Gemini ------------------------------------------------------------ */

/* A Schema as generativelanguage.v1beta's OpenAPI has it: known keys,
 * an uppercase Type, the int64 limits as strings (proto JSON) */
static gboolean
schema_valid (JsonNode *node)
{
  static const char *const types[] = { "STRING", "NUMBER", "INTEGER", "BOOLEAN",
                                       "ARRAY",  "OBJECT", "NULL",    NULL };
  static const char *const keys[] = { "anyOf",
                                      "default",
                                      "description",
                                      "enum",
                                      "example",
                                      "format",
                                      "items",
                                      "maximum",
                                      "maxItems",
                                      "maxLength",
                                      "maxProperties",
                                      "minimum",
                                      "minItems",
                                      "minLength",
                                      "minProperties",
                                      "nullable",
                                      "pattern",
                                      "properties",
                                      "propertyOrdering",
                                      "required",
                                      "title",
                                      "type",
                                      NULL };
  static const char *const int64_keys[] = { "maxItems",  "minItems",      "maxLength",
                                            "minLength", "maxProperties", "minProperties",
                                            NULL };
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *type = o ? json_object_get_string_member_with_default (o, "type", NULL) : NULL;
  g_autoptr (GList) members = NULL;

  if (type == NULL || !g_strv_contains (types, type))
    return FALSE;
  members = json_object_get_members (o);
  for (GList *l = members; l; l = l->next)
    {
      JsonNode *v = json_object_get_member (o, l->data);

      if (!g_strv_contains (keys, l->data))
        return FALSE;
      if (g_strv_contains (int64_keys, l->data)
          && (!JSON_NODE_HOLDS_VALUE (v) || json_node_get_value_type (v) != G_TYPE_STRING))
        return FALSE;
    }
  if (json_object_has_member (o, "items") && !schema_valid (json_object_get_member (o, "items")))
    return FALSE;
  if (json_object_has_member (o, "properties"))
    {
      JsonObject *props = json_object_get_object_member (o, "properties");
      g_autoptr (GList) names = json_object_get_members (props);

      for (GList *l = names; l; l = l->next)
        if (!schema_valid (json_object_get_member (props, l->data)))
          return FALSE;
    }
  return TRUE;
}

static const char *
check_generate (JsonNode *body, const char *model)
{
  g_autofree char *name = g_strconcat ("models/", model, NULL);
  static const char *const request_keys[] = {
    "cachedContent", "contents",       "generationConfig",
    "model",         "safetySettings", "systemInstruction",
    "toolConfig",    "tools",          NULL
  };
  static const char *const config_keys[] = { "candidateCount",
                                             "frequencyPenalty",
                                             "maxOutputTokens",
                                             "presencePenalty",
                                             "responseMimeType",
                                             "responseSchema",
                                             "seed",
                                             "stopSequences",
                                             "temperature",
                                             "thinkingConfig",
                                             "topK",
                                             "topP",
                                             NULL };
  JsonObject *o = body && JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : NULL;
  JsonObject *config;
  g_autoptr (GList) members = NULL;

  if (o == NULL)
    return "Invalid JSON payload received.";
  members = json_object_get_members (o);
  for (GList *l = members; l; l = l->next)
    if (!g_strv_contains (request_keys, l->data))
      return "Invalid JSON payload received. Unknown name in GenerateContentRequest.";
  /* GenerateContentRequest requires model ("models/{model}") as well */
  if (g_strcmp0 (json_object_get_string_member_with_default (o, "model", NULL), name) != 0)
    return "* GenerateContentRequest.model: model is not specified or does not match the path";
  if (!json_object_has_member (o, "contents")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, "contents"))
      || json_array_get_length (json_object_get_array_member (o, "contents")) == 0)
    return "* GenerateContentRequest.contents: contents is not specified";
  if (!json_object_has_member (o, "generationConfig"))
    return NULL;
  config = json_object_get_object_member (o, "generationConfig");
  g_clear_pointer (&members, g_list_free);
  members = json_object_get_members (config);
  for (GList *l = members; l; l = l->next)
    if (!g_strv_contains (config_keys, l->data))
      return "Invalid JSON payload received. Unknown name in GenerationConfig.";
  if (json_object_has_member (config, "responseSchema"))
    {
      const char *mime = json_object_get_string_member_with_default (config, "responseMimeType",
                                                                     "text/plain");

      if (!g_str_equal (mime, "application/json") && !g_str_equal (mime, "text/x.enum"))
        return "responseSchema needs responseMimeType application/json";
      if (!schema_valid (json_object_get_member (config, "responseSchema")))
        return "Invalid value at 'generation_config.response_schema.type'";
    }
  return NULL;
}

static void
gemini_generate (OutlayFakeServer *self, SoupServerMessage *msg, const char *model)
{
  SoupMessageBody *req = soup_server_message_get_request_body (msg);
  g_autoptr (JsonNode) body = req->length ? json_from_string (req->data, NULL) : NULL;
  const char *why = check_generate (body, model);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) answer = NULL;

  if (why)
    {
      invalid (self, msg, TRUE, why);
      return;
    }
  g_clear_pointer (&self->gemini_request, json_node_unref);
  self->gemini_request = json_node_copy (body);
  json_builder_begin_object (b);
  if (self->gemini_block)
    {
      json_builder_set_member_name (b, "promptFeedback");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "blockReason");
      json_builder_add_string_value (b, self->gemini_block);
      json_builder_end_object (b);
    }
  else
    {
      const char *finish = self->gemini_finish ? self->gemini_finish : "STOP";

      json_builder_set_member_name (b, "candidates");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      if (!g_str_equal (finish, "MAX_TOKENS"))
        {
          json_builder_set_member_name (b, "content");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "role");
          json_builder_add_string_value (b, "model");
          json_builder_set_member_name (b, "parts");
          json_builder_begin_array (b);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "text");
          json_builder_add_string_value (b, self->gemini_text
                                                ? self->gemini_text
                                                : "{\"summary\":\"\",\"recommendations\":[]}");
          json_builder_end_object (b);
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      json_builder_set_member_name (b, "finishReason");
      json_builder_add_string_value (b, finish);
      json_builder_set_member_name (b, "index");
      json_builder_add_int_value (b, 0);
      json_builder_end_object (b);
      json_builder_end_array (b);
    }
  json_builder_set_member_name (b, "modelVersion");
  json_builder_add_string_value (b, model);
  json_builder_end_object (b);
  answer = json_builder_get_root (b);
  respond_node (msg, answer);
}

static gboolean
known_model (const char *model)
{
  return g_str_equal (model, "gemini-flash-latest") || g_str_equal (model, "gemini-3.5-flash")
         || g_str_equal (model, "gemini-flash-lite-latest");
}

static void
gemini_route (OutlayFakeServer *self, SoupServerMessage *msg, const char *path, GPtrArray *q)
{
  static const char *const list_params[] = { "pageSize:int", "pageToken:str", NULL };
  const char *method = soup_server_message_get_method (msg);
  const char *rest = path + strlen ("/v1beta/models");
  const char *colon;
  g_autofree char *model = NULL;

  if (*rest == '\0' && g_str_equal (method, "GET"))
    {
      const char *why = check_query (q, list_params);

      if (why)
        invalid (self, msg, TRUE, why);
      else
        respond_json (msg, 200,
                      "{\"models\":[{\"name\":\"models/"
                      "gemini-flash-latest\",\"supportedGenerationMethods\":[\"generateContent\","
                      "\"countTokens\"],"
                      "\"inputTokenLimit\":1048576,\"outputTokenLimit\":65536},"
                      "{\"name\":\"models/"
                      "gemini-3.5-flash\",\"supportedGenerationMethods\":[\"generateContent\"],"
                      "\"inputTokenLimit\":1048576,\"outputTokenLimit\":65536}]}");
      return;
    }
  if (*rest != '/' || q->len != 0)
    {
      invalid (self, msg, TRUE, "no such method");
      return;
    }
  colon = strchr (rest + 1, ':');
  model = colon ? g_strndup (rest + 1, colon - rest - 1) : g_strdup (rest + 1);
  if (!known_model (model))
    {
      g_autofree char *body = g_strdup_printf (
          "{\"error\":{\"code\":404,\"message\":\"models/%s is not found for API version v1beta, "
          "or is not supported for generateContent.\",\"status\":\"NOT_FOUND\"}}",
          model);
      respond_json (msg, 404, body);
    }
  else if (colon == NULL && g_str_equal (method, "GET"))
    {
      g_autofree char *body = g_strdup_printf (
          "{\"name\":\"models/%s\",\"displayName\":\"Gemini "
          "Flash\",\"supportedGenerationMethods\":[\"generateContent\"],"
          "\"inputTokenLimit\":1048576,\"outputTokenLimit\":65536}",
          model);
      respond_json (msg, 200, body);
    }
  else if (colon && g_str_equal (colon, ":generateContent") && g_str_equal (method, "POST"))
    gemini_generate (self, msg, model);
  else
    invalid (self, msg, TRUE, "no such method");
}

/* ---- faults and dispatch ---------------------------------------------- */

static void
reset_mid_body (SoupServerMessage *msg)
{
  static const char head[] = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                             "4096\r\n\r\n{\"tasks\":[{\"id\":\"x";
  g_autoptr (GIOStream) stream = soup_server_message_steal_connection (msg);

  g_output_stream_write_all (g_io_stream_get_output_stream (stream), head, sizeof head - 1, NULL,
                             NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

static gboolean
apply_fault (OutlayFakeServer *self, SoupServerMessage *msg, OutlayFakeFault fault, gboolean google)
{
  SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);
  char buf[32];

  switch (fault)
    {
      case OUTLAY_FAKE_429_RETRY_AFTER:
        soup_message_headers_replace (h, "Retry-After", "1");
        respond_json (msg, 429,
                      google ? "{\"error\":{\"code\":429,\"message\":\"Resource has been "
                               "exhausted\",\"status\":\"RESOURCE_EXHAUSTED\"}}"
                             : "{\"err\":\"Rate limit reached\",\"ECODE\":\"APP_002\"}");
        return TRUE;
      case OUTLAY_FAKE_429_RATE_RESET:
        g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, g_get_real_time () / G_USEC_PER_SEC + 2);
        soup_message_headers_replace (h, "X-RateLimit-Reset", buf);
        soup_message_headers_replace (h, "X-RateLimit-Remaining", "0");
        respond_json (msg, 429, "{\"err\":\"Rate limit reached\",\"ECODE\":\"APP_002\"}");
        return TRUE;
      case OUTLAY_FAKE_429_RETRY_INFO:
      case OUTLAY_FAKE_429_DAILY:
        respond_json (
            msg, 429,
            fault == OUTLAY_FAKE_429_DAILY
                ? "{\"error\":{\"code\":429,\"message\":\"You exceeded your current "
                  "quota.\",\"status\":\"RESOURCE_EXHAUSTED\",\"details\":["
                  "{\"@type\":\"type.googleapis.com/"
                  "google.rpc.QuotaFailure\",\"violations\":[{\"quotaMetric\":\"generativelanguage."
                  "googleapis.com/generate_content_free_tier_requests\","
                  "\"quotaId\":\"GenerateRequestsPerDayPerProjectPerModel-FreeTier\"}]}]}}"
                : "{\"error\":{\"code\":429,\"message\":\"You exceeded your current "
                  "quota.\",\"status\":\"RESOURCE_EXHAUSTED\",\"details\":["
                  "{\"@type\":\"type.googleapis.com/"
                  "google.rpc.QuotaFailure\",\"violations\":[{\"quotaId\":"
                  "\"GenerateRequestsPerMinutePerProjectPerModel-FreeTier\"}]},"
                  "{\"@type\":\"type.googleapis.com/"
                  "google.rpc.RetryInfo\",\"retryDelay\":\"1.5s\"}]}}");
        return TRUE;
      case OUTLAY_FAKE_500:
        respond_json (msg, 500,
                      google ? "{\"error\":{\"code\":500,\"message\":\"Internal error "
                               "encountered.\",\"status\":\"INTERNAL\"}}"
                             : "{\"err\":\"Internal server error\",\"ECODE\":\"SERVER_500\"}");
        return TRUE;
      case OUTLAY_FAKE_503:
        respond_json (msg, 503,
                      google ? "{\"error\":{\"code\":503,\"message\":\"The model is "
                               "overloaded.\",\"status\":\"UNAVAILABLE\"}}"
                             : "{\"err\":\"Service unavailable\",\"ECODE\":\"SERVER_503\"}");
        return TRUE;
      case OUTLAY_FAKE_SLOW:
        soup_server_message_pause (msg);
        g_ptr_array_add (self->paused, g_object_ref (msg));
        return TRUE;
      case OUTLAY_FAKE_RESET:
        reset_mid_body (msg);
        return TRUE;
      case OUTLAY_FAKE_TRUNCATED:
        respond_json (msg, 200,
                      google ? "{\"candidates\":[{\"content\":{\"parts\":[{\"te"
                             : "{\"tasks\":[{\"id\":\"86c0a");
        return TRUE;
      case OUTLAY_FAKE_NOT_JSON:
        soup_server_message_set_status (msg, 200, NULL);
        soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                          "<html><body>Bad gateway</body></html>", 37);
        return TRUE;
      case OUTLAY_FAKE_DELETE_TASK:
      default:
        return FALSE;
    }
}

static void
handler (SoupServer *server,
         SoupServerMessage *msg,
         const char *path,
         GHashTable *query,
         gpointer data)
{
  OutlayFakeServer *self = data;
  const char *method = soup_server_message_get_method (msg);
  const char *raw_query = g_uri_get_query (soup_server_message_get_uri (msg));
  SoupMessageHeaders *req = soup_server_message_get_request_headers (msg);
  gboolean google = g_str_has_prefix (path, "/v1beta/");
  g_autoptr (GPtrArray) q = query_pairs (msg);
  OutlayFakeFault delete_after = -1;
  gboolean over = FALSE;

  g_ptr_array_add (self->log, g_strdup_printf ("%s %s%s%s", method, path, raw_query ? "?" : "",
                                               raw_query ? raw_query : ""));

  if (!google && !g_str_has_prefix (path, "/api/v2/"))
    {
      invalid (self, msg, FALSE, "not an API path");
      return;
    }
  if (!google)
    {
      const char *auth = soup_message_headers_get_one (req, "Authorization");

      rate_headers (self, msg, &over);
      if (auth == NULL)
        {
          respond_json (msg, 401,
                        "{\"err\":\"Authorization header required\",\"ECODE\":\"OAUTH_017\"}");
          self->invalid++;
          return;
        }
      if (self->revoked || !g_str_equal (auth, OUTLAY_FAKE_CLICKUP_TOKEN))
        {
          respond_json (msg, 401, "{\"err\":\"Token invalid\",\"ECODE\":\"OAUTH_025\"}");
          return;
        }
      if (!g_str_equal (method, "GET"))
        {
          invalid (self, msg, FALSE, "Outlay only reads from ClickUp");
          return;
        }
    }
  else
    {
      const char *key = soup_message_headers_get_one (req, "x-goog-api-key");

      if (key == NULL)
        {
          respond_json (
              msg, 403,
              "{\"error\":{\"code\":403,\"message\":\"Method doesn't allow unregistered callers "
              "(callers without established identity). Please use API Key or other form of API "
              "consumer identity to call this API.\",\"status\":\"PERMISSION_DENIED\"}}");
          self->invalid++;
          return;
        }
      if (self->revoked || !g_str_equal (key, OUTLAY_FAKE_GEMINI_KEY))
        {
          respond_json (msg, 400,
                        "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a "
                        "valid API key.\",\"status\":\"INVALID_ARGUMENT\","
                        "\"details\":[{\"@type\":\"type.googleapis.com/"
                        "google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\",\"domain\":"
                        "\"googleapis.com\"}]}}");
          return;
        }
      if (query_get (q, "key") != NULL)
        {
          invalid (self, msg, TRUE, "keys belong in the x-goog-api-key header");
          return;
        }
    }

  for (GList *l = self->faults.head; l; l = l->next)
    {
      Fault *f = l->data;
      const char *base = google ? path : path + strlen ("/api");

      if (!g_str_has_prefix (base, f->prefix))
        continue;
      g_queue_delete_link (&self->faults, l);
      if (f->fault == OUTLAY_FAKE_DELETE_TASK)
        delete_after = f->fault;
      else if (apply_fault (self, msg, f->fault, google))
        {
          fault_free (f);
          return;
        }
      fault_free (f);
      break;
    }
  if (over)
    {
      respond_json (msg, 429, "{\"err\":\"Rate limit reached\",\"ECODE\":\"APP_002\"}");
      return;
    }
  if (google)
    gemini_route (self, msg, path, q);
  else
    clickup_route (self, msg, path, q);
  if (delete_after == OUTLAY_FAKE_DELETE_TASK && self->tasks->len > 0)
    g_ptr_array_remove_index (self->tasks, self->tasks->len - 1);
}

OutlayFakeServer *
outlay_fake_server_new (GError **error)
{
  OutlayFakeServer *self = g_new0 (OutlayFakeServer, 1);
  GSList *uris;
  g_autofree char *base = NULL;

  g_queue_init (&self->faults);
  self->log = g_ptr_array_new_with_free_func (g_free);
  self->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) task_free);
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->paused = g_ptr_array_new ();
  self->rate_limit = 100;
  self->server = soup_server_new ("server-header", "outlay-fake-server ", NULL);
  soup_server_add_handler (self->server, NULL, handler, self, NULL);
  if (!soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    {
      outlay_fake_server_free (self);
      return NULL;
    }
  uris = soup_server_get_uris (self->server);
  base = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  if (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';
  self->clickup_url = g_strconcat (base, "/api", NULL);
  self->gemini_url = g_strdup (base);
  return self;
}

void
outlay_fake_server_free (OutlayFakeServer *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->paused->len; i++)
    {
      SoupServerMessage *msg = g_ptr_array_index (self->paused, i);

      respond_json (msg, 500, "{}");
      soup_server_message_unpause (msg);
      g_object_unref (msg);
    }
  g_ptr_array_unref (self->paused);
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_queue_clear_full (&self->faults, (GDestroyNotify) fault_free);
  g_ptr_array_unref (self->log);
  g_ptr_array_unref (self->tasks);
  g_ptr_array_unref (self->entries);
  g_clear_pointer (&self->gemini_request, json_node_unref);
  g_free (self->gemini_text);
  g_free (self->gemini_finish);
  g_free (self->gemini_block);
  g_free (self->clickup_url);
  g_free (self->gemini_url);
  g_free (self);
}

const char *
outlay_fake_server_clickup_url (OutlayFakeServer *self)
{
  return self->clickup_url;
}

const char *
outlay_fake_server_gemini_url (OutlayFakeServer *self)
{
  return self->gemini_url;
}

void
outlay_fake_server_revoke_tokens (OutlayFakeServer *self)
{
  self->revoked = TRUE;
}

void
outlay_fake_server_push_fault (OutlayFakeServer *self, const char *prefix, OutlayFakeFault fault)
{
  Fault *f = g_new0 (Fault, 1);

  f->prefix = g_strdup (prefix);
  f->fault = fault;
  g_queue_push_tail (&self->faults, f);
}

guint
outlay_fake_server_count (OutlayFakeServer *self, const char *needle)
{
  guint n = 0;

  for (guint i = 0; i < self->log->len; i++)
    if (strstr (g_ptr_array_index (self->log, i), needle))
      n++;
  return n;
}

guint
outlay_fake_server_total (OutlayFakeServer *self)
{
  return self->log->len;
}

guint
outlay_fake_server_invalid (OutlayFakeServer *self)
{
  return self->invalid;
}

void
outlay_fake_server_forget_invalid (OutlayFakeServer *self)
{
  self->invalid = 0;
}

void
outlay_fake_server_set_rate_limit (OutlayFakeServer *self, guint per_minute)
{
  self->rate_limit = per_minute;
}

static char *
ms_text (gint64 ms)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, ms);
}

void
outlay_fake_server_generate (OutlayFakeServer *self,
                             const char *list_id,
                             guint n_tasks,
                             guint n_entries,
                             gint64 first_ms,
                             gint64 last_ms)
{
  static const char *const tags[] = { "camera", "crew", "post", "travel" };
  guint base = self->tasks->len;
  gint64 span = MAX (last_ms - first_ms, 1);

  for (guint i = 0; i < n_tasks; i++)
    {
      g_autofree char *json = NULL;
      gint64 created = first_ms + span * i / MAX (n_tasks, 1);
      Task *t = g_new0 (Task, 1);
      guint k = base + i;
      g_autoptr (JsonNode) node = NULL;

      /* ClickUp's type variants: time_estimate as number, string or null;
       * status open, custom or closed; one or no assignee */
      json = g_strdup_printf (
          "{\"id\":\"t%06u\",\"custom_id\":null,\"name\":\"%s task "
          "%u\",\"text_content\":\"\",\"description\":\"\","
          "\"status\":{\"id\":\"p1\",\"status\":\"%s\",\"color\":\"#d3d3d3\",\"orderindex\":%u,"
          "\"type\":\"%s\"},"
          "\"orderindex\":\"1.0\",\"date_created\":\"%" G_GINT64_FORMAT
          "\",\"date_updated\":\"%" G_GINT64_FORMAT "\","
          "\"date_closed\":null,\"date_done\":null,\"archived\":false,"
          "\"creator\":%s,\"assignees\":[%s],\"watchers\":[],"
          "\"tags\":[{\"name\":\"%s\",\"tag_fg\":\"#fff\",\"tag_bg\":\"#000\",\"creator\":183}],"
          "\"parent\":null,\"priority\":null,\"due_date\":%s,\"start_date\":null,\"points\":null,"
          "\"time_estimate\":%s,"
          "\"custom_fields\":[{\"id\":\"b2e4\",\"name\":\"Phase\",\"type\":\"drop_down\",\"type_"
          "config\":{\"options\":["
          "{\"id\":\"f1\",\"name\":\"Build\",\"orderindex\":0},{\"id\":\"f2\",\"name\":\"Shoot\","
          "\"orderindex\":1}]},\"value\":%u}],"
          "\"list\":{\"id\":\"%s\",\"name\":\"Sprint\",\"access\":true},\"space\":{\"id\":\"790\"},"
          "\"team_id\":\"" TEAM_ID "\",\"url\":\"https://app.clickup.com/t/t%06u\"}",
          k, tags[k % 4], k,
          k % 3 == 2 ? "complete"
          : k % 3    ? "in progress"
                     : "to do",
          k % 3,
          k % 3 == 2 ? "closed"
          : k % 3    ? "custom"
                     : "open",
          created, created, user_json (183), k % 5 == 4 ? "" : user_json (k % 2 ? 184 : 183),
          tags[k % 4], k % 2 ? "null" : "\"1767225600000\"",
          k % 3 == 0   ? "7200000"
          : k % 3 == 1 ? "\"8640000\""
                       : "null",
          k % 2, list_id, k);
      node = json_from_string (json, NULL);
      g_assert (node != NULL);
      t->list_id = g_strdup (list_id);
      t->task = json_object_ref (json_node_get_object (node));
      g_ptr_array_add (self->tasks, t);
    }
  for (guint i = 0; i < n_entries && n_tasks > 0; i++)
    {
      guint k = self->entries->len;
      Task *t = g_ptr_array_index (self->tasks, base + i % n_tasks);
      gint64 start = first_ms + span * i / MAX (n_entries, 1);
      gint64 duration = 900000 + (i % 16) * 450000;
      g_autofree char *s = ms_text (start), *e = ms_text (start + duration),
                      *d = ms_text (duration);
      g_autofree char *json = g_strdup_printf (
          "{\"id\":\"%u\",\"task\":{\"id\":\"%s\",\"custom_id\":null,\"name\":\"%s\","
          "\"status\":{\"status\":\"to "
          "do\",\"color\":\"#d3d3d3\",\"type\":\"open\",\"orderindex\":0},\"custom_type\":null},"
          "\"wid\":\"" TEAM_ID
          "\",\"user\":%s,\"billable\":false,\"start\":\"%s\",\"end\":\"%s\",\"duration\":\"%s\","
          "\"description\":\"\",\"tags\":[],\"source\":\"clickup\",\"at\":\"%s\","
          "\"task_location\":{\"list_id\":%s,\"folder_id\":456,\"space_id\":790},"
          "\"task_url\":\"https://app.clickup.com/t/x\"}",
          1963465985u + k, json_object_get_string_member (t->task, "id"),
          json_object_get_string_member (t->task, "name"), user_json (i % 2 ? 184 : 183), s, e, d,
          e, list_id);
      g_autoptr (JsonNode) node = json_from_string (json, NULL);

      g_assert (node != NULL);
      g_ptr_array_add (self->entries, json_object_ref (json_node_get_object (node)));
    }
}

void
outlay_fake_server_rename_task (OutlayFakeServer *self,
                                const char *task_id,
                                const char *name,
                                gint64 now_ms)
{
  JsonObject *task = find_task (self, task_id, NULL);
  g_autofree char *updated = ms_text (now_ms);

  g_assert (task != NULL);
  json_object_set_string_member (task, "name", name);
  json_object_set_string_member (task, "date_updated", updated);
}

void
outlay_fake_server_delete_task (OutlayFakeServer *self, const char *task_id)
{
  guint index;

  g_assert (find_task (self, task_id, &index) != NULL);
  g_ptr_array_remove_index (self->tasks, index);
}

void
outlay_fake_server_delete_entry (OutlayFakeServer *self, const char *entry_id)
{
  for (guint i = 0; i < self->entries->len; i++)
    if (g_str_equal (json_object_get_string_member (g_ptr_array_index (self->entries, i), "id"),
                     entry_id))
      {
        g_ptr_array_remove_index (self->entries, i);
        return;
      }
  g_assert_not_reached ();
}

void
outlay_fake_server_set_gemini_text (OutlayFakeServer *self, const char *text)
{
  g_free (self->gemini_text);
  self->gemini_text = g_strdup (text);
}

void
outlay_fake_server_set_gemini_finish (OutlayFakeServer *self, const char *finish_reason)
{
  g_free (self->gemini_finish);
  self->gemini_finish = g_strdup (finish_reason);
}

void
outlay_fake_server_set_gemini_block (OutlayFakeServer *self, const char *block_reason)
{
  g_free (self->gemini_block);
  self->gemini_block = g_strdup (block_reason);
}

JsonNode *
outlay_fake_server_last_gemini_request (OutlayFakeServer *self)
{
  return self->gemini_request;
}
