/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-cli"

/* outlay-cli connect, disconnect, connections, clickup lists|sync and
 * recommend --ai: tokens come from standard input (never an argument,
 * which ps shows) and go only to the keyring. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "outlay-advice-context.h"
#include "outlay-clickup.h"
#include "outlay-error.h"
#include "outlay-gemini.h"
#include "outlay-google-auth.h"
#include "outlay-secrets.h"
#include "outlay-store-advice.h"

#include "outlay-cli-private.h"

static char *
setting_string (const char *key, const char *fallback)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema)
                 schema = source ? g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE) : NULL;
  g_autoptr (GSettings) settings = NULL;

  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return g_strdup (fallback);
  settings = g_settings_new (SCHEMA_ID);
  return g_settings_get_string (settings, key);
}

static gboolean
setting_boolean (const char *key)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema)
                 schema = source ? g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE) : NULL;
  g_autoptr (GSettings) settings = NULL;

  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return FALSE;
  settings = g_settings_new (SCHEMA_ID);
  return g_settings_get_boolean (settings, key);
}

static OutlayHttpClient *
client_for (const char *service, GError **error)
{
  OutlayHttpService kind = g_str_equal (service, "clickup") ? OUTLAY_HTTP_SERVICE_CLICKUP
                                                            : OUTLAY_HTTP_SERVICE_GEMINI;
  g_autoptr (OutlayHttpClient) http = outlay_http_client_new (kind);
  char *secret = outlay_secrets_lookup (service, NULL, error);

  if (secret == NULL)
    return NULL;
  outlay_http_client_set_secret (http, secret);
  outlay_secrets_free (secret);
  return g_steal_pointer (&http);
}

static char *
read_secret (GError **error)
{
  g_autoptr (GString) text = g_string_new (NULL);
  int c;

  while ((c = getchar ()) != EOF && c != '\n')
    g_string_append_c (text, (char) c);
  g_strstrip (text->str);
  if (*text->str == '\0')
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("No token on standard input: pipe it in, e.g. outlay-cli connect clickup < token.txt"));
      return NULL;
    }
  return g_strdup (text->str);
}

/* connect google: the browser flow, from a terminal too */
static int
connect_google (guint timeout)
{
  g_autoptr (OutlayGoogleAuth) auth = outlay_google_auth_new ();
  GError *error = NULL;

  g_printerr (
      _("Opening Google’s sign-in page in your browser; waiting for it (Ctrl+C cancels)…\n"));
  if (!outlay_google_auth_sign_in (auth, timeout, NULL, &error))
    return outlay_cli_fail (error);
  g_print (_("Connected to Google (access to the spreadsheets Outlay creates)\n"));
  return 0;
}

int
outlay_cli_connect (Cli *cli, int argc, char **argv)
{
  g_autoptr (OutlayHttpClient) http = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *account = NULL;
  g_autofree char *workspace = NULL;
  int timeout = 300;
  GOptionEntry entries[] = {
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout,
      N_("Google: seconds to wait for the browser (default 300)"), N_("SECONDS") }, { NULL } };
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, _("clickup|gemini|google"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2 || !outlay_secrets_is_service (argv[1]))
    return outlay_cli_usage_error (_("“connect” needs clickup or gemini (with the token or key on standard input), or google"));
  if (g_str_equal (argv[1], "google"))
    return connect_google ((guint) CLAMP (timeout, 1, 3600));
  if ((secret = read_secret (&error)) == NULL)
    return outlay_cli_fail (error);
  if (g_str_equal (argv[1], "clickup"))
    {
      http = outlay_http_client_new (OUTLAY_HTTP_SERVICE_CLICKUP);
      outlay_http_client_set_secret (http, secret);
      if (!outlay_clickup_check (http, &account, &workspace, NULL, &error))
        return outlay_cli_fail (error);
    }
  else
    {
      g_autofree char *model = setting_string ("gemini-model", OUTLAY_GEMINI_DEFAULT_MODEL);
      g_autofree char *name = NULL;

      http = outlay_http_client_new (OUTLAY_HTTP_SERVICE_GEMINI);
      outlay_http_client_set_secret (http, secret);
      if ((name = outlay_gemini_check (http, model, NULL, &error)) == NULL)
        return outlay_cli_fail (error);
      account = g_strdup (_("API key"));
      workspace = g_strdup (model);
    }
  if (!outlay_secrets_store (argv[1], account, workspace, secret, NULL, &error))
    return outlay_cli_fail (error);
  memset (secret, 0, strlen (secret));
  g_print (_("Connected to %s as %s (%s)\n"),
              g_str_equal (argv[1], "clickup") ? "ClickUp" : "Gemini", account, workspace);
  return 0;
}

int
outlay_cli_disconnect (Cli *cli, int argc, char **argv)
{
  gboolean removed = FALSE;
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, _("clickup|gemini|google"), NULL, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2 || !outlay_secrets_is_service (argv[1]))
    return outlay_cli_usage_error (_("“disconnect” needs clickup, gemini or google"));
  if (g_str_equal (argv[1], "google"))
    {
      g_autoptr (OutlayGoogleAuth) auth = outlay_google_auth_new ();

      /* revoke with Google too, not just forget here */
      if (!outlay_google_auth_sign_out (auth, NULL, &error))
        return outlay_cli_fail (error);
      g_print (_("Disconnected google (Outlay’s access was revoked)\n"));
      return 0;
    }
  if (!outlay_secrets_clear (argv[1], &removed, NULL, &error))
    return outlay_cli_fail (error);
  g_print (removed ? _("Disconnected %s\n") : _("%s was not connected\n"), argv[1]);
  return 0;
}

int
outlay_cli_connections (Cli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = { { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
                               { NULL } };
  static const char *const services[] = { "clickup", "gemini", "google" };
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, NULL, entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 1)
    return outlay_cli_usage_error (_("“connections” takes no arguments"));
  if ((list = outlay_secrets_list (NULL, &error)) == NULL)
    return outlay_cli_fail (error);
  json_builder_begin_array (b);
  for (guint s = 0; s < G_N_ELEMENTS (services); s++)
    {
      OutlayConnection *found = NULL;

      for (guint i = 0; i < list->len; i++)
        if (g_str_equal (((OutlayConnection *) g_ptr_array_index (list, i))->service, services[s]))
          found = g_ptr_array_index (list, i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "service");
      json_builder_add_string_value (b, services[s]);
      json_builder_set_member_name (b, "state");
      json_builder_add_string_value (b, found ? "connected" : "not-connected");
      json_builder_set_member_name (b, "account");
      json_builder_add_string_value (b, found ? found->account : NULL);
      json_builder_set_member_name (b, "workspace");
      json_builder_add_string_value (b, found ? found->workspace : NULL);
      json_builder_end_object (b);
      if (!json)
        g_print ("%-8s %-14s %s%s%s%s\n", services[s],
                 found ? _("connected")
                       : _("not connected"), found ? found->account : "",
                            found && *found->workspace ? " (" : "", found ? found->workspace : "",
                            found && *found->workspace ? ")" : "");
    }
  json_builder_end_array (b);
  if (json)
    {
      g_autoptr (JsonNode) root = json_builder_get_root (b);

      outlay_cli_print_json (root);
    }
  return 0;
}

static void
print_summary (const OutlayClickupSummary *s, gboolean dry_run, gboolean removed)
{
  g_print (dry_run ? _("Would sync: tasks %u new, %u changed, %u unchanged; time entries %u new, %u changed, %u removed, %u unchanged, %u skipped; %u new people\n")
                   : _("Synced: tasks %u new, %u changed, %u unchanged; time entries %u new, %u changed, %u removed, %u unchanged, %u skipped; %u new people\n"),
                        s->tasks_added, s->tasks_updated, s->tasks_unchanged, s->entries_added,
                        s->entries_updated, s->entries_removed, s->entries_unchanged,
                        s->entries_skipped, s->people_added);
  if (s->tasks_removed == 0)
    return;
  g_print (removed && !dry_run
           ? _("Removed %u tasks deleted in ClickUp:\n")
           : _("%u tasks were deleted in ClickUp; run again with --delete to remove them:\n"),
                s->tasks_removed);
  for (guint i = 0; i < s->removed_names->len; i++)
    g_print ("  %s\n", (char *) g_ptr_array_index (s->removed_names, i));
}

static JsonNode *
summary_json (const OutlayClickupSummary *s, gboolean dry_run, gboolean removed)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  struct
  {
    const char *name;
    guint value;
  } counts[] = {
    { "tasks_added", s->tasks_added },         { "tasks_updated", s->tasks_updated },
    { "tasks_unchanged", s->tasks_unchanged }, { "tasks_deleted_in_clickup", s->tasks_removed },
    { "entries_added", s->entries_added },     { "entries_updated", s->entries_updated },
    { "entries_removed", s->entries_removed }, { "entries_unchanged", s->entries_unchanged },
    { "entries_skipped", s->entries_skipped }, { "people_added", s->people_added },
  };

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "dry_run");
  json_builder_add_boolean_value (b, dry_run);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      json_builder_set_member_name (b, counts[i].name);
      json_builder_add_int_value (b, counts[i].value);
    }
  json_builder_set_member_name (b, "tasks_removed");
  json_builder_add_boolean_value (b, removed && !dry_run && s->tasks_removed > 0);
  json_builder_set_member_name (b, "deleted_task_names");
  json_builder_begin_array (b);
  for (guint i = 0; i < s->removed_names->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (s->removed_names, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static int
clickup_lists (Cli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = { { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
                               { NULL } };
  g_autoptr (OutlayHttpClient) http = NULL;
  g_autoptr (JsonNode) lists = NULL;
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, NULL, entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if ((http = client_for ("clickup", &error)) == NULL
      || (lists = outlay_clickup_lists (http, NULL, &error)) == NULL)
    return outlay_cli_fail (error);
  if (json)
    {
      outlay_cli_print_json (lists);
      return 0;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (lists)); i++)
    {
      JsonObject *l = json_array_get_object_element (json_node_get_array (lists), i);
      const char *folder = json_object_get_string_member_with_default (l, "folder", NULL);

      g_print ("%-12s %s / %s%s%s / %s  (workspace %s)\n",
               json_object_get_string_member (l, "list_id"),
               json_object_get_string_member (l, "workspace"),
               json_object_get_string_member (l, "space"), folder ? " / " : "",
               folder ? folder : "", json_object_get_string_member (l, "list"),
               json_object_get_string_member (l, "workspace_id"));
    }
  return 0;
}

/* On a terminal, where the sync is: it can take minutes at 100 requests a minute */
static void
sync_progress_cb (const char *stage, guint done, guint total, gpointer data)
{
  /* back to the line's start: each report overwrites the last */
  g_printerr ("\r");
  if (g_str_equal (stage, "tasks"))
    g_printerr (total ? _("Tasks: %u pages.                 \n") : _("Tasks: page %u…"), done);
  else
    g_printerr (done == total ? _("Time entries: %u of %u months.\n")
                              : _("Time entries: %u of %u months…"), done, total);
}

static int
clickup_sync (Cli *cli, int argc, char **argv)
{
  g_autofree char *list = NULL, *team = NULL, *rule = NULL, *since = NULL;
  gboolean json = FALSE, full = FALSE, remove = FALSE, dry_run = FALSE;
  GOptionEntry entries[] = {
    { "list", 'l', 0, G_OPTION_ARG_STRING, &list, N_("The ClickUp list to sync"), N_("ID") },
      { "team", 0, 0, G_OPTION_ARG_STRING, &team,
        N_("The workspace, when the token sees several"), N_("ID") },
        { "rule", 'r', 0, G_OPTION_ARG_STRING, &rule,
          N_("Map tasks to lines by name (default), tag, list or field:NAME"), N_("RULE") },
          { "since", 0, 0, G_OPTION_ARG_STRING, &since,
            N_("Import time entries from this date (YYYY-MM-DD)"), N_("DATE") },
            { "full", 0, 0, G_OPTION_ARG_NONE, &full,
              N_("List every task again, to find those deleted in ClickUp"), NULL },
              { "delete", 0, 0, G_OPTION_ARG_NONE, &remove,
                N_("Remove tasks deleted in ClickUp"), NULL },
                { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
                  N_("Show what would change, change nothing"), NULL },
                  { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL }, { NULL },
                };
  g_autoptr (OutlayHttpClient) http = NULL;
  g_autoptr (OutlayStore) store = NULL;
  OutlayClickupSummary summary = { 0 };
  OutlayClickupSyncOptions options = { 0 };
  GError *error = NULL;
  gint64 budget;

  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2 || list == NULL)
    return outlay_cli_usage_error (_("“clickup sync” needs a BUDGET and --list ID"));
  if (since)
    {
      g_autofree char *iso = g_strconcat (since, "T00:00:00Z", NULL);
      g_autoptr (GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

      if (dt == NULL)
        return outlay_cli_usage_error (_("--since needs a date as YYYY-MM-DD"));
      options.since_ms = g_date_time_to_unix (dt) * 1000;
    }
  options.list_id = list;
  options.team_id = team;
  options.rule = rule ? rule : "name";
  /* deletions are found only by listing every task */
  options.full = full || remove;
  options.remove_deleted = remove;
  options.dry_run = dry_run;
  if (isatty (STDERR_FILENO))
    options.progress = sync_progress_cb;
  if ((store = outlay_cli_open_store (cli, &error)) == NULL
      || (budget = outlay_store_find_budget (store, argv[1], &error)) == 0
      || (http = client_for ("clickup", &error)) == NULL
      || !outlay_clickup_sync (store, http, budget, &options, &summary, NULL, &error))
    return outlay_cli_fail (error);
  if (json)
    {
      g_autoptr (JsonNode) node = summary_json (&summary, dry_run, remove);

      outlay_cli_print_json (node);
    }
  else
    print_summary (&summary, dry_run, remove);
  outlay_clickup_summary_clear (&summary);
  return 0;
}

int
outlay_cli_clickup (Cli *cli, int argc, char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "lists"))
    return clickup_lists (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "sync"))
    return clickup_sync (cli, argc - 1, argv + 1);
  return outlay_cli_usage_error (_("“clickup” needs lists or sync"));
}

static JsonNode *
advice_json (const char *summary, GPtrArray *rows, guint left_out, const char *why)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "summary");
  json_builder_add_string_value (b, summary);
  json_builder_set_member_name (b, "left_out");
  json_builder_add_int_value (b, left_out);
  json_builder_set_member_name (b, "left_out_reason");
  json_builder_add_string_value (b, why);
  json_builder_set_member_name (b, "recommendations");
  json_builder_begin_array (b);
  for (guint i = 0; i < rows->len; i++)
    {
      OutlayAdviceRow *r = g_ptr_array_index (rows, i);
      g_autofree char *savings = outlay_decimal_to_string (r->savings, 2);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "source");
      json_builder_add_string_value (b, "gemini");
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, r->kind);
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, r->title);
      json_builder_set_member_name (b, "description");
      json_builder_add_string_value (b, r->description);
      json_builder_set_member_name (b, "estimated_savings");
      json_builder_add_string_value (b, savings);
      json_builder_set_member_name (b, "confidence");
      json_builder_add_int_value (b, r->confidence);
      json_builder_set_member_name (b, "priority");
      json_builder_add_string_value (b, r->priority);
      json_builder_set_member_name (b, "reasoning");
      json_builder_add_string_value (b, r->reasoning);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

int
outlay_cli_recommend_ai (Cli *cli, int argc, char **argv)
{
  gboolean ai = FALSE, enable = FALSE, json = FALSE, names = FALSE, context_only = FALSE;
  g_autofree char *model = NULL;
  GOptionEntry entries[] = {
    { "ai", 0, 0, G_OPTION_ARG_NONE, &ai,
      N_("Ask Gemini (needs AI analysis on for the budget)"), NULL },
      { "enable-ai", 0, 0, G_OPTION_ARG_NONE, &enable,
        N_("Turn AI analysis on for this budget first"), NULL },
        { "model", 'm', 0, G_OPTION_ARG_STRING, &model,
          N_("The Gemini model (default: the gemini-model setting)"), N_("ID") },
          { "allow-names", 0, 0, G_OPTION_ARG_NONE, &names,
            N_("Let names of people, vendors and the client be sent"), NULL },
            { "show-context", 0, 0, G_OPTION_ARG_NONE, &context_only,
              N_("Print what would be sent, send nothing"), NULL },
              { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL }, { NULL },
            };
  g_autoptr (OutlayStore) store = NULL;
  g_autoptr (OutlayDocument) doc = NULL;
  g_autoptr (OutlayHttpClient) http = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *context = NULL, *summary = NULL, *why = NULL;
  OutlayBudget *budget;
  GError *error = NULL;
  guint left_out = 0;

  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2 || !ai)
    return outlay_cli_usage_error (_("“recommend” needs a BUDGET and --ai"));
  if ((doc = outlay_cli_open_document (cli, argv[1], &store, &error)) == NULL)
    return outlay_cli_fail (error);
  budget = outlay_document_get_budget (doc);
  if (enable && !outlay_budget_get_ai_analysis (budget))
    {
      g_auto (GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_BOOLEAN);
      g_value_set_boolean (&value, TRUE);
      if (!outlay_document_set_budget_value (doc, "ai-analysis", &value, &error))
        return outlay_cli_fail (error);
    }
  if (!outlay_budget_get_ai_analysis (budget) && !context_only)
    return outlay_cli_fail (g_error_new (
        OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
        _("AI analysis is off for “%s”: nothing is sent to Gemini until you turn it on "
                                           "(run again with --enable-ai)."),
           outlay_budget_get_name (budget)));
  context = outlay_advice_context_build (doc, names || setting_boolean ("ai-allow-names"));
  if (context_only)
    {
      g_print ("%s", context);
      return 0;
    }
  if (model == NULL)
    model = setting_string ("gemini-model", OUTLAY_GEMINI_DEFAULT_MODEL);
  if ((http = client_for ("gemini", &error)) == NULL
      || !outlay_gemini_recommend (http, model, context, outlay_budget_get_currency (budget),
                                   MAX (outlay_document_get_totals (doc)->estimate, 0), &summary,
                                   &rows, &left_out, &why, NULL, &error)
      || !outlay_store_save_advice_rows (store, outlay_budget_get_id (budget), "gemini", rows, &error))
    return outlay_cli_fail (error);
  if (json)
    {
      g_autoptr (JsonNode) node = advice_json (summary, rows, left_out, why);

      outlay_cli_print_json (node);
      return 0;
    }
  if (summary && *summary)
    g_print ("%s\n\n", summary);
  for (guint i = 0; i < rows->len; i++)
    {
      OutlayAdviceRow *r = g_ptr_array_index (rows, i);
      g_autofree char *savings = outlay_decimal_to_string (r->savings, 2);

      g_print ("[%s, %d%%] %s (saves %s)\n  %s\n", r->priority, r->confidence, r->title, savings,
               r->description ? r->description : "");
    }
  if (left_out > 0)
    g_print (_("%u of Gemini’s suggestions were left out: %s\n"), left_out, why);
  return 0;
}
