/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-cli"

/* outlay-cli sheets push|pull|sync|unlink|status BUDGET: a budget and its
 * Google spreadsheet (sign in first with outlay-cli connect google). */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-error.h"
#include "outlay-sheets.h"
#include "outlay-store-sheets.h"

#include "outlay-cli-private.h"

static JsonNode *
summary_json (const OutlaySheetsSummary *s)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  const struct
  {
    const char *name;
    guint value;
  } counts[] = {
    { "lines_changed_there", s->lines_changed_there },
    { "cells_pulled", s->cells_pulled },
    { "lines_added_there", s->lines_added_there },
    { "lines_removed_there", s->lines_removed_there },
    { "lines_removed_there_pending", s->lines_removed_pending },
    { "lines_pushed", s->lines_pushed },
    { "lines_removed_here_emptied_there", s->lines_blanked },
    { "requests", s->requests },
  };

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "spreadsheet_id");
  json_builder_add_string_value (b, s->spreadsheet_id);
  json_builder_set_member_name (b, "url");
  json_builder_add_string_value (b, s->url);
  json_builder_set_member_name (b, "created");
  json_builder_add_boolean_value (b, s->created);
  json_builder_set_member_name (b, "read_remote");
  json_builder_add_boolean_value (b, s->remote_read);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      json_builder_set_member_name (b, counts[i].name);
      json_builder_add_int_value (b, counts[i].value);
    }
  json_builder_set_member_name (b, "conflicts");
  json_builder_begin_array (b);
  for (guint i = 0; s->conflicts && i < s->conflicts->len; i++)
    {
      OutlaySheetsConflict *c = g_ptr_array_index (s->conflicts, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "line_id");
      json_builder_add_int_value (b, c->line_id);
      json_builder_set_member_name (b, "line");
      json_builder_add_string_value (b, c->line);
      json_builder_set_member_name (b, "row");
      json_builder_add_int_value (b, c->row);
      json_builder_set_member_name (b, "column");
      json_builder_add_string_value (b, c->column);
      json_builder_set_member_name (b, "base");
      json_builder_add_string_value (b, c->base);
      json_builder_set_member_name (b, "local");
      json_builder_add_string_value (b, c->local);
      json_builder_set_member_name (b, "remote");
      json_builder_add_string_value (b, c->remote);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  /* formulas typed there, taken by their values */
  json_builder_set_member_name (b, "formulas");
  json_builder_begin_array (b);
  for (guint i = 0; s->formulas && i < s->formulas->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (s->formulas, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "journal");
  json_builder_add_string_value (b, s->journal);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
print_summary (const OutlaySheetsSummary *s)
{
  if (s->created)
    g_print (_("Created %s\n"), s->url);
  g_print ("%s (%u %s)\n", s->journal, s->requests,
           g_dngettext (GETTEXT_PACKAGE, "request", "requests", s->requests));
  for (guint i = 0; s->conflicts && i < s->conflicts->len; i++)
    {
      OutlaySheetsConflict *c = g_ptr_array_index (s->conflicts, i);

      g_print (_("Conflict: row %u, %s, %s: here “%s”, there “%s” (was “%s”)\n"), c->row, c->line,
                  c->column, c->local, c->remote, c->base);
    }
  for (guint i = 0; s->formulas && i < s->formulas->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (s->formulas, i));
  if (s->conflicts && s->conflicts->len > 0)
    g_print (_("Resolve with --prefer local or --prefer remote.\n"));
  if (s->lines_removed_pending > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u line was deleted in the spreadsheet; run again with "
                          "--delete-remote-removed to remove it here.\n",
                          "%u lines were deleted in the spreadsheet; run again with "
                          "--delete-remote-removed to remove them here.\n",
                          s->lines_removed_pending),
             s->lines_removed_pending);
}

static int
sheets_run (Cli *cli, OutlaySheetsMode mode, int argc, char **argv)
{
  g_autofree char *prefer = NULL;
  gboolean json = FALSE, delete_removed = FALSE;
  GOptionEntry entries[] = {
    { "prefer", 0, 0, G_OPTION_ARG_STRING, &prefer,
      N_("Resolve conflicts with this side's values: local or remote"), N_("SIDE") },
      { "delete-remote-removed", 0, 0, G_OPTION_ARG_NONE, &delete_removed,
        N_("Remove the lines whose rows were deleted in the spreadsheet"), NULL },
        { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL }, { NULL },
      };
  g_autoptr (OutlayStore) store = NULL;
  g_autoptr (OutlayDocument) doc = NULL;
  g_autoptr (OutlayGoogleAuth) auth = NULL;
  g_autoptr (OutlaySheetsService) service = NULL;
  OutlaySheetsOptions options = { .mode = mode };
  OutlaySheetsSummary summary = { 0 };
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2)
    return outlay_cli_usage_error (_("“sheets push|pull|sync” needs a BUDGET"));
  if (prefer && g_str_equal (prefer, "local"))
    options.prefer = OUTLAY_SHEETS_PREFER_LOCAL;
  else if (prefer && g_str_equal (prefer, "remote"))
    options.prefer = OUTLAY_SHEETS_PREFER_REMOTE;
  else if (prefer)
    return outlay_cli_usage_error (_("--prefer takes local or remote"));
  options.delete_remote_removed = delete_removed;
  if ((doc = outlay_cli_open_document (cli, argv[1], &store, &error)) == NULL)
    return outlay_cli_fail (error);
  auth = outlay_google_auth_new ();
  service = outlay_sheets_service_new (auth);
  if (!outlay_sheets_sync (service, store, doc, &options, &summary, NULL, &error))
    {
      outlay_sheets_summary_clear (&summary);
      return outlay_cli_fail (error);
    }
  if (json)
    {
      g_autoptr (JsonNode) node = summary_json (&summary);

      outlay_cli_print_json (node);
    }
  else
    print_summary (&summary);
  /* conflicts left: exit 3, so scripts notice */
  {
    int status = summary.conflicts->len > 0 ? 3 : 0;

    outlay_sheets_summary_clear (&summary);
    return status;
  }
}

static int
sheets_unlink (Cli *cli, int argc, char **argv)
{
  g_autoptr (OutlayStore) store = NULL;
  GError *error = NULL;
  gint64 budget;

  if (!outlay_cli_parse_options (cli, _("BUDGET"), NULL, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2)
    return outlay_cli_usage_error (_("“sheets unlink” needs a BUDGET"));
  if ((store = outlay_cli_open_store (cli, &error)) == NULL
      || (budget = outlay_store_find_budget (store, argv[1], &error)) == 0
      || !outlay_sheets_unlink (store, budget, &error))
    return outlay_cli_fail (error);
  g_print (_("Unlinked; the spreadsheet stays in your Google Drive\n"));
  return 0;
}

static int
sheets_status (Cli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = { { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
                               { NULL } };
  g_autoptr (OutlayStore) store = NULL;
  g_autoptr (OutlaySheetLink) link = NULL;
  g_autoptr (GPtrArray) journal = NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  GError *error = NULL;
  gint64 budget;

  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2)
    return outlay_cli_usage_error (_("“sheets status” needs a BUDGET"));
  if ((store = outlay_cli_open_store (cli, &error)) == NULL
      || (budget = outlay_store_find_budget (store, argv[1], &error)) == 0)
    return outlay_cli_fail (error);
  link = outlay_store_sheets_get_link (store, budget, &error);
  if (error)
    return outlay_cli_fail (error);
  if ((journal = outlay_store_sheets_get_journal (store, budget, 10, &error)) == NULL)
    return outlay_cli_fail (error);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "linked");
  json_builder_add_boolean_value (b, link != NULL);
  json_builder_set_member_name (b, "url");
  json_builder_add_string_value (b, link ? link->url : NULL);
  json_builder_set_member_name (b, "lines");
  json_builder_add_int_value (b, link ? g_hash_table_size (link->rows) : 0);
  json_builder_set_member_name (b, "journal");
  json_builder_begin_array (b);
  for (guint i = 0; i < journal->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (journal, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  if (json)
    {
      g_autoptr (JsonNode) node = json_builder_get_root (b);

      outlay_cli_print_json (node);
      return 0;
    }
  if (link == NULL)
    g_print (_("Not linked to a Google spreadsheet\n"));
  else
    g_print (_("Linked to %s (%u lines)\n"), link->url, g_hash_table_size (link->rows));
  for (guint i = 0; i < journal->len; i++)
    g_print ("  %s\n", (char *) g_ptr_array_index (journal, i));
  return 0;
}

int
outlay_cli_sheets (Cli *cli, int argc, char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "push"))
    return sheets_run (cli, OUTLAY_SHEETS_PUSH, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "pull"))
    return sheets_run (cli, OUTLAY_SHEETS_PULL, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "sync"))
    return sheets_run (cli, OUTLAY_SHEETS_SYNC, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "unlink"))
    return sheets_unlink (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "status"))
    return sheets_status (cli, argc - 1, argv + 1);
  return outlay_cli_usage_error (_("“sheets” needs push, pull, sync, unlink or status"));
}
