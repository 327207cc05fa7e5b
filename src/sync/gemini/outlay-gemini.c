/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-gemini"

/* Gemini v1beta generateContent with structured output (responseSchema),
 * and the validation of what comes back before anything is saved. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-error.h"
#include "outlay-gemini.h"
#include "outlay-secrets.h"
#include "outlay-store-advice.h"

static const char *const kinds[] = { "cost-saving", "reallocation", "risk", "schedule", NULL };
static const char *const priorities[] = { "low", "medium", "high", "critical", NULL };

static const char schema_json[] =
    "{\"type\":\"OBJECT\",\"properties\":{"
    "\"summary\":{\"type\":\"STRING\",\"description\":\"Two sentences on the budget's state\"},"
    "\"recommendations\":{\"type\":\"ARRAY\",\"maxItems\":\"20\",\"items\":{\"type\":\"OBJECT\","
    "\"properties\":{"
    "\"kind\":{\"type\":\"STRING\",\"format\":\"enum\",\"enum\":[\"cost-saving\",\"reallocation\","
    "\"risk\",\"schedule\"]},"
    "\"title\":{\"type\":\"STRING\",\"description\":\"At most 80 characters\"},"
    "\"description\":{\"type\":\"STRING\"},"
    "\"lineCode\":{\"type\":\"STRING\",\"nullable\":true,\"description\":\"The code of the budget "
    "line it is about, if one\"},"
    "\"estimatedSavings\":{\"type\":\"STRING\",\"pattern\":\"^[0-9]+(\\\\.[0-9]{1,2})?$\","
    "\"description\":\"A decimal amount in the budget's currency, e.g. 1250.00; 0 when none\"},"
    "\"confidence\":{\"type\":\"INTEGER\",\"minimum\":0,\"maximum\":100},"
    "\"priority\":{\"type\":\"STRING\",\"format\":\"enum\",\"enum\":[\"low\",\"medium\",\"high\","
    "\"critical\"]},"
    "\"reasoning\":{\"type\":\"STRING\"}},"
    "\"required\":[\"kind\",\"title\",\"description\",\"estimatedSavings\",\"confidence\","
    "\"priority\",\"reasoning\"],"
    "\"propertyOrdering\":[\"kind\",\"title\",\"description\",\"lineCode\",\"estimatedSavings\","
    "\"confidence\",\"priority\",\"reasoning\"]}}},"
    "\"required\":[\"summary\",\"recommendations\"],\"propertyOrdering\":[\"summary\","
    "\"recommendations\"]}";

char *
outlay_gemini_check (OutlayHttpClient *http,
                     const char *model,
                     GCancellable *cancellable,
                     GError **error)
{
  g_autofree char *id = g_uri_escape_string (model, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/v1beta/models/%s", id);
  g_autoptr (JsonNode)
                 info = outlay_http_client_request (http, "GET", path, NULL, cancellable, error);
  JsonObject *o;

  if (info == NULL)
    return NULL;
  o = JSON_NODE_HOLDS_OBJECT (info) ? json_node_get_object (info) : NULL;
  return g_strdup (o ? json_object_get_string_member_with_default (o, "displayName", model)
                     : model);
}

JsonNode *
outlay_gemini_build_request (const char *model, const char *context, const char *currency)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autofree char *name = g_strconcat ("models/", model, NULL);
  g_autofree char *system = g_strdup_printf (
      "You are a careful budget analyst for film, event and project budgets. Answer in English. "
      "Use only the figures given. Amounts are in %s; write them as decimal strings with two "
      "places. "
      "Suggest at most 8 concrete recommendations, the most valuable first.",
      currency);

  json_builder_begin_object (b);
  /* GenerateContentRequest requires it, though the path names it too */
  json_builder_set_member_name (b, "model");
  json_builder_add_string_value (b, name);
  json_builder_set_member_name (b, "systemInstruction");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "parts");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "text");
  json_builder_add_string_value (b, system);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "contents");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "role");
  json_builder_add_string_value (b, "user");
  json_builder_set_member_name (b, "parts");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "text");
  json_builder_add_string_value (b, context);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "generationConfig");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "temperature");
  json_builder_add_double_value (b, 0.2);
  /* thinking counts against this: leave room (§4.3) */
  json_builder_set_member_name (b, "maxOutputTokens");
  json_builder_add_int_value (b, 8192);
  json_builder_set_member_name (b, "responseMimeType");
  json_builder_add_string_value (b, "application/json");
  json_builder_set_member_name (b, "responseSchema");
  json_builder_add_value (b, json_from_string (schema_json, NULL));
  json_builder_end_object (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static gboolean
fail (GError **error, const char *message)
{
  g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_SERVICE, message);
  return FALSE;
}

static char *
answer_text (JsonNode *answer, GError **error)
{
  JsonObject *root = JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  JsonArray *candidates;
  JsonObject *candidate, *content;
  JsonArray *parts;
  const char *finish;
  g_autoptr (GString) text = g_string_new (NULL);

  if (root && json_object_has_member (root, "promptFeedback")
      && JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "promptFeedback")))
    {
      const char *reason = json_object_get_string_member_with_default (
          json_object_get_object_member (root, "promptFeedback"), "blockReason", NULL);

      if (reason)
        {
          g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_SERVICE,
                       _("Gemini refused to read the budget (blocked: %s). Nothing was saved; try again without names, or later."),
                          reason);
          return NULL;
        }
    }
  if (root == NULL || !json_object_has_member (root, "candidates")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "candidates"))
      || json_array_get_length (candidates = json_object_get_array_member (root, "candidates")) == 0
      || (candidate = json_array_get_object_element (candidates, 0)) == NULL)
    return fail (error, _("Gemini sent no answer. Nothing was saved; try again later.")), NULL;
  finish = json_object_get_string_member_with_default (candidate, "finishReason", "STOP");
  if (!g_str_equal (finish, "STOP"))
    {
      g_set_error (
          error, OUTLAY_ERROR, OUTLAY_ERROR_SERVICE,
          g_str_equal (finish, "MAX_TOKENS")
          ? _("Gemini ran out of room before finishing its answer (%s). Nothing was saved; try again, or pick another model.")
          : _("Gemini stopped without a usable answer (%s). Nothing was saved; try again later."),
               finish);
      return NULL;
    }
  content = json_object_has_member (candidate, "content")
                    && JSON_NODE_HOLDS_OBJECT (json_object_get_member (candidate, "content"))
                ? json_object_get_object_member (candidate, "content")
                : NULL;
  parts = content && json_object_has_member (content, "parts")
                  && JSON_NODE_HOLDS_ARRAY (json_object_get_member (content, "parts"))
              ? json_object_get_array_member (content, "parts")
              : NULL;
  for (guint i = 0; parts && i < json_array_get_length (parts); i++)
    {
      JsonObject *part = json_array_get_object_element (parts, i);

      /* thought summaries are not the answer */
      if (part && !json_object_get_boolean_member_with_default (part, "thought", FALSE))
        g_string_append (text, json_object_get_string_member_with_default (part, "text", ""));
    }
  if (text->len == 0)
    return fail (error, _("Gemini’s answer was empty. Nothing was saved; try again later.")), NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
string_of (JsonObject *o, const char *member)
{
  JsonNode *n = json_object_get_member (o, member);

  return n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING
             ? json_node_get_string (n)
             : NULL;
}

static OutlayAdviceRow *
validate (JsonNode *node, OutlayDecimal max_savings, const char **why)
{
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *confidence = o ? json_object_get_member (o, "confidence") : NULL;
  const char *kind = o ? string_of (o, "kind") : NULL;
  const char *title = o ? string_of (o, "title") : NULL;
  const char *savings = o ? string_of (o, "estimatedSavings") : NULL;
  const char *priority = o ? string_of (o, "priority") : NULL;
  const char *line = o ? string_of (o, "lineCode") : NULL;
  OutlayAdviceRow *row;
  OutlayDecimal amount = 0;
  gint64 c;

  if (o == NULL || kind == NULL || !g_strv_contains (kinds, kind))
    return *why = _("an unknown kind of recommendation"), NULL;
  if (title == NULL || *title == '\0' || g_utf8_strlen (title, -1) > 200)
    return *why = _("a missing or overlong title"), NULL;
  if (priority == NULL || !g_strv_contains (priorities, priority))
    return *why = _("an unknown priority"), NULL;
  if (confidence == NULL || !JSON_NODE_HOLDS_VALUE (confidence)
      || json_node_get_value_type (confidence) != G_TYPE_INT64
      || (c = json_node_get_int (confidence)) < 0 || c > 100)
    return *why = _("a confidence that is not a whole number from 0 to 100"), NULL;
  /* amounts arrive as decimal strings and are read exactly, never as doubles */
  if (savings == NULL || !outlay_decimal_parse (savings, &amount, NULL) || amount < 0)
    return *why = _("savings that are not a decimal amount"), NULL;
  if (max_savings >= 0 && amount > max_savings)
    return *why = _("savings larger than the whole budget"), NULL;
  row = g_new0 (OutlayAdviceRow, 1);
  row->kind = g_strdup (kind);
  row->title = g_strdup (title);
  row->description = line && *line ? g_strdup_printf (
      _("Line %s: %s"), line, string_of (o, "description") ? string_of (o, "description") : "")
                                   : g_strdup (string_of (o, "description"));
  row->savings = amount;
  row->confidence = (int) c;
  row->priority = g_intern_string (priority);
  row->reasoning = g_strdup (string_of (o, "reasoning"));
  row->line_code = g_strdup (line);
  return row;
}

gboolean
outlay_gemini_parse_answer (JsonNode *answer,
                            OutlayDecimal max_savings,
                            char **summary,
                            GPtrArray **recommendations,
                            guint *left_out,
                            char **why,
                            GError **error)
{
  g_autofree char *text = answer_text (answer, error);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray)
                 rows = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_advice_row_free);
  JsonObject *root;
  JsonArray *list;

  *left_out = 0;
  *why = NULL;
  if (text == NULL)
    return FALSE;
  if (!json_parser_load_from_data (parser, text, -1, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return fail (error, _("Gemini’s answer is not the JSON Outlay asked for (it may be cut short). Nothing was saved; try again."));
  root = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (root, "recommendations")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "recommendations")))
    return fail (
        error, _("Gemini’s answer has no list of recommendations. Nothing was saved; try again."));
  list = json_object_get_array_member (root, "recommendations");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      const char *reason = NULL;
      OutlayAdviceRow *row = rows->len < OUTLAY_GEMINI_MAX_RECOMMENDATIONS
                                 ? validate (json_array_get_element (list, i), max_savings, &reason)
                                 : (reason = _("more suggestions than Outlay keeps"), NULL);

      if (row)
        g_ptr_array_add (rows, row);
      else
        {
          (*left_out)++;
          if (*why == NULL)
            *why = g_strdup (reason);
        }
    }
  *summary = g_strdup (string_of (root, "summary"));
  *recommendations = g_steal_pointer (&rows);
  return TRUE;
}

gboolean
outlay_gemini_recommend (OutlayHttpClient *http,
                         const char *model,
                         const char *context,
                         const char *currency,
                         OutlayDecimal max_savings,
                         char **summary,
                         GPtrArray **recommendations,
                         guint *left_out,
                         char **why,
                         GCancellable *cancellable,
                         GError **error)
{
  g_autofree char *id = g_uri_escape_string (model, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/v1beta/models/%s:generateContent", id);
  g_autoptr (JsonNode) request = outlay_gemini_build_request (model, context, currency);
  g_autoptr (JsonNode) answer = outlay_http_client_request (http, "POST", path, request,
                                                            cancellable, error);

  if (answer == NULL)
    return FALSE;
  return outlay_gemini_parse_answer (answer, max_savings, summary, recommendations, left_out, why,
                                     error);
}

/* ---- one analysis from a worker thread ---- */

typedef struct
{
  char *path;
  gint64 budget_id;
  char *model;
  char *context;
  char *currency;
  OutlayDecimal max_savings;
} AdviseJob;

static void
advise_job_free (AdviseJob *job)
{
  g_free (job->path);
  g_free (job->model);
  g_free (job->context);
  g_free (job->currency);
  g_free (job);
}

void
outlay_gemini_advice_free (OutlayGeminiAdvice *advice)
{
  if (advice == NULL)
    return;
  g_free (advice->summary);
  g_free (advice->why);
  g_clear_pointer (&advice->recommendations, g_ptr_array_unref);
  g_free (advice);
}

static OutlayGeminiAdvice *
advise (AdviseJob *job, GCancellable *cancellable, GError **error)
{
  g_autoptr (OutlayHttpClient) http = outlay_http_client_new (OUTLAY_HTTP_SERVICE_GEMINI);
  g_autoptr (OutlayGeminiAdvice) advice = g_new0 (OutlayGeminiAdvice, 1);
  g_autoptr (OutlayStore) store = NULL;
  char *key = outlay_secrets_lookup ("gemini", cancellable, error);

  if (key == NULL)
    return NULL;
  outlay_http_client_set_secret (http, key);
  outlay_secrets_free (key);
  if (!outlay_gemini_recommend (http, job->model, job->context, job->currency, job->max_savings,
                                &advice->summary, &advice->recommendations, &advice->left_out,
                                &advice->why, cancellable, error))
    return NULL;
  /* an answer that came after Cancel is not kept */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if ((store = outlay_store_open (job->path, error)) == NULL
      || !outlay_store_save_advice_rows (store, job->budget_id, "gemini", advice->recommendations,
                                         error))
    return NULL;
  return g_steal_pointer (&advice);
}

static void
advise_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  g_autoptr (GMainContext) context = g_main_context_new ();
  OutlayGeminiAdvice *advice;
  GError *error = NULL;

  g_main_context_push_thread_default (context);
  advice = advise (data, cancellable, &error);
  g_main_context_pop_thread_default (context);
  if (advice != NULL)
    g_task_return_pointer (task, advice, (GDestroyNotify) outlay_gemini_advice_free);
  else
    g_task_return_error (task, error);
}

void
outlay_gemini_advise_async (const char *database_path,
                            gint64 budget_id,
                            const char *model,
                            const char *context,
                            const char *currency,
                            OutlayDecimal max_savings,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  AdviseJob *job = g_new0 (AdviseJob, 1);

  g_return_if_fail (database_path != NULL && model != NULL && context != NULL);

  g_task_set_source_tag (task, outlay_gemini_advise_async);
  job->path = g_strdup (database_path);
  job->budget_id = budget_id;
  job->model = g_strdup (model);
  job->context = g_strdup (context);
  job->currency = g_strdup (currency);
  job->max_savings = max_savings;
  g_task_set_task_data (task, job, (GDestroyNotify) advise_job_free);
  g_task_run_in_thread (task, advise_thread);
}

OutlayGeminiAdvice *
outlay_gemini_advise_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
