/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-cli"

/* outlay-cli: Outlay's core without GTK, for scripts and CI. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "outlay-currency.h"
#include "outlay-document-json.h"
#include "outlay-error.h"
#include "outlay-store.h"
#include "outlay-template.h"

typedef struct
{
  char  *database;
  char **args;
} Cli;

typedef int (*CommandFunc) (Cli *cli, int argc, char **argv);

static const char *usage_text =
  N_("Usage: outlay-cli [--database PATH] COMMAND [OPTIONS]\n"
     "\n"
     "Commands:\n"
     "  list [--json]                                     List the budgets\n"
     "  new NAME [--template ID] [--currency CODE]        Create a budget, print its id\n"
     "  show BUDGET [--json]                              Totals by section; everything with --json\n"
     "\n"
     "BUDGET is a budget's id, its name, or a part of its name.\n"
     "Templates: aicp, blank, software, department, event.");

static int
fail (GError *error)
{
  /* a bad option is a usage error, like the others */
  int status = error->domain == G_OPTION_ERROR ? 2 : 1;

  g_printerr ("outlay-cli: %s\n", error->message);
  g_error_free (error);
  return status;
}

static int
usage_error (const char *message)
{
  g_printerr ("outlay-cli: %s\n%s\n", message, _(usage_text));
  return 2;
}

static OutlayStore *
open_store (Cli *cli, GError **error)
{
  g_autoptr(OutlayStore) store = cli->database != NULL ? outlay_store_open (cli->database, error)
                                                       : outlay_store_open_default (error);

  if (store == NULL)
    return NULL;
  /* A new database starts with the sample budget, as in the app. */
  if (outlay_store_get_created (store) && !outlay_store_add_sample (store, NULL, error))
    return NULL;
  return g_steal_pointer (&store);
}

/* Parses @entries (plus --database) out of argv after the command word. */
static gboolean
parse_options (Cli *cli, const char *params, GOptionEntry *entries, int *argc, char ***argv,
               GError **error)
{
  g_autofree char *database = NULL;
  GOptionEntry common[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("Use this database file"),
      N_("PATH") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (params);

  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, TRUE);
  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;
  if (database != NULL)
    {
      /* after the command word, it overrides one given before it */
      g_free (cli->database);
      cli->database = g_steal_pointer (&database);
    }
  return TRUE;
}

static void
print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_root (gen, node);
  text = json_generator_to_data (gen, NULL);
  g_print ("%s\n", text);
}

static int
cmd_list (Cli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(GPtrArray) budgets = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GError *error = NULL;

  if (!parse_options (cli, NULL, entries, &argc, &argv, &error))
    return fail (error);
  if (argc > 1)
    return usage_error (_("“list” takes no arguments"));
  if ((store = open_store (cli, &error)) == NULL
      || (budgets = outlay_store_list_budgets (store, &error)) == NULL)
    return fail (error);

  json_builder_begin_array (builder);
  for (guint i = 0; i < budgets->len; i++)
    {
      OutlayBudget *b = g_ptr_array_index (budgets, i);
      OutlayTotals t;
      g_autofree char *estimate = NULL;

      if (!outlay_store_get_budget_totals (store, outlay_budget_get_id (b), &t, &error))
        return fail (error);
      if (json)
        {
          json_builder_add_value (builder, outlay_budget_summary_to_json (b, &t));
          continue;
        }
      estimate = outlay_json_amount (t.estimate, outlay_budget_get_currency (b));
      g_print ("%4" G_GINT64_FORMAT "  %-44s %-9s %s %16s\n", outlay_budget_get_id (b),
               outlay_budget_get_name (b),
               outlay_budget_status_to_string (outlay_budget_get_status (b)),
               outlay_budget_get_currency (b), estimate);
    }
  json_builder_end_array (builder);
  if (json)
    print_json (json_builder_get_root (builder));
  return 0;
}

static int
cmd_new (Cli *cli, int argc, char **argv)
{
  g_autofree char *template_id = NULL;
  g_autofree char *currency = NULL;
  GOptionEntry entries[] = {
    { "template", 't', 0, G_OPTION_ARG_STRING, &template_id,
      N_("Start from a template: aicp, blank, software, department, event"), N_("ID") },
    { "currency", 'c', 0, G_OPTION_ARG_STRING, &currency, N_("ISO 4217 currency code"),
      N_("CODE") },
    { NULL }
  };
  g_autoptr(OutlayStore) store = NULL;
  GError *error = NULL;
  gint64 id;

  if (!parse_options (cli, _("NAME"), entries, &argc, &argv, &error))
    return fail (error);
  if (argc != 2)
    return usage_error (_("“new” needs exactly one NAME"));
  if (currency != NULL && !outlay_currency_is_known (currency))
    return usage_error (_("--currency needs an ISO 4217 code such as USD or EUR"));
  if (template_id != NULL && (g_str_equal (template_id, "sample")
                              || !outlay_template_exists (template_id)))
    return usage_error (_("--template must be one of aicp, blank, software, department, event"));
  if ((store = open_store (cli, &error)) == NULL)
    return fail (error);
  id = outlay_store_create_budget (store, template_id ? template_id : "blank", argv[1], currency,
                                   &error);
  if (id == 0)
    return fail (error);
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return 0;
}

/* @text cut to @width characters and padded to @width: printf's "%-40.40s"
 * counts bytes and would cut a character in two. */
static char *
fit (const char *text, glong width)
{
  glong n = g_utf8_strlen (text, -1);
  g_autofree char *cut = g_utf8_substring (text, 0, MIN (n, width));
  GString *s = g_string_new (cut);

  for (glong i = n; i < width; i++)
    g_string_append_c (s, ' ');
  return g_string_free (s, FALSE);
}

static void
print_document (OutlayDocument *doc)
{
  OutlayBudget *b = outlay_document_get_budget (doc);
  const char *cur = outlay_budget_get_currency (b);
  const OutlayTotals *t = outlay_document_get_totals (doc);
  g_autofree char *est = outlay_json_amount (t->estimate, cur);
  g_autofree char *act = outlay_json_amount (t->actual, cur);
  g_autofree char *var = outlay_json_amount (outlay_totals_get_variance (t), cur);

  g_print ("%s\n", outlay_budget_get_name (b));
  if (*outlay_budget_get_client (b))
    g_print ("%s: %s\n", _("Client"), outlay_budget_get_client (b));
  g_print ("%s: %s   %s: %s\n\n", _("Currency"), cur, _("Status"),
           outlay_budget_status_title (outlay_budget_get_status (b)));
  g_print ("%-6s %-40s %6s %16s %16s %16s\n", _("Code"), _("Section"), _("Lines"), _("Estimate"),
           _("Actual"), _("Variance"));
  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);
      const OutlayTotals *st = outlay_section_get_totals (section);
      g_autofree char *se = outlay_json_amount (st->estimate, cur);
      g_autofree char *sa = outlay_json_amount (st->actual, cur);
      g_autofree char *sv = outlay_json_amount (outlay_totals_get_variance (st), cur);
      g_autofree char *name = fit (outlay_section_get_name (section), 40);

      g_print ("%-6s %s %6u %16s %16s %16s\n", outlay_section_get_code (section), name,
               outlay_section_get_n_lines (section), se, sa, sv);
    }
  g_print ("%-6s %-40s %6u %16s %16s %16s\n", "", _("Total"), outlay_document_get_n_lines (doc),
           est, act, var);
}

static int
cmd_show (Cli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  GError *error = NULL;
  gint64 id;

  if (!parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return fail (error);
  if (argc != 2)
    return usage_error (_("“show” needs exactly one BUDGET"));
  if ((store = open_store (cli, &error)) == NULL
      || (id = outlay_store_find_budget (store, argv[1], &error)) == 0
      || (doc = outlay_store_load_document (store, id, &error)) == NULL)
    return fail (error);
  if (json)
    print_json (outlay_document_to_json (doc));
  else
    print_document (doc);
  return 0;
}

static const struct
{
  const char  *name;
  CommandFunc  func;
} commands[] = {
  { "list", cmd_list },
  { "new", cmd_new },
  { "show", cmd_show },
};

static int
run (Cli *cli, int argc, char *argv[])
{
  gboolean version = FALSE;
  int first = 1;

  /* Global options come before the command word. */
  while (first < argc && argv[first][0] == '-')
    {
      if (g_str_equal (argv[first], "--version"))
        version = TRUE;
      else if (g_str_equal (argv[first], "--database") || g_str_equal (argv[first], "-d"))
        {
          if (first + 1 >= argc)
            return usage_error (_("--database needs a PATH"));
          g_free (cli->database);
          cli->database = g_strdup (argv[++first]);
        }
      else if (g_str_has_prefix (argv[first], "--database="))
        {
          g_free (cli->database);
          cli->database = g_strdup (argv[first] + strlen ("--database="));
        }
      else if (g_str_equal (argv[first], "--help") || g_str_equal (argv[first], "-h"))
        {
          g_print ("%s\n", _(usage_text));
          return 0;
        }
      else
        {
          g_autofree char *message = g_strdup_printf (_("Unknown option “%s”"), argv[first]);

          return usage_error (message);
        }
      first++;
    }
  if (version)
    {
      g_print ("outlay-cli %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (cli->database != NULL && *cli->database == '\0')
    return usage_error (_("--database needs a PATH, not an empty string"));
  if (first >= argc)
    return usage_error (_("No command given"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[first], commands[i].name))
      return commands[i].func (cli, argc - first, argv + first);
  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”"), argv[first]);

    return usage_error (message);
  }
}

int
main (int   argc,
      char *argv[])
{
  Cli cli = { 0 };
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* Scripts parse our numbers: keep the C decimal point. */
  setlocale (LC_NUMERIC, "C");

  status = run (&cli, argc, argv);
  g_free (cli.database);
  return status;
}
