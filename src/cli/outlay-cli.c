/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-cli"

/* outlay-cli: Outlay's core without GTK, for scripts and CI. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "outlay-compare.h"
#include "outlay-currency.h"
#include "outlay-document-json.h"
#include "outlay-engine-json.h"
#include "outlay-error.h"
#include "outlay-i18n.h"
#include "outlay-model-enum-types.h"
#include "outlay-store-templates.h"
#include "outlay-store-versions.h"
#include "outlay-store.h"
#include "outlay-template.h"

#include "outlay-cli-private.h"

static const char *usage_text = N_("Usage: outlay-cli [--database PATH] COMMAND [OPTIONS]\n"
     "\n"
     "Commands:\n"
     "  list [--json]                                     List the budgets\n"
     "  new NAME [--template ID] [--currency CODE]        Create a budget, print its id\n"
     "  show BUDGET [--json]                              Totals by section; everything with --json\n"
     "  version BUDGET --save NAME [--note TEXT]          Save the budget as a named version, print its id\n"
     "  versions BUDGET [--json]                          List the budget's saved versions\n"
     "  set BUDGET --line CODE [--section CODE|NAME] --field FIELD --value V\n"
     "                                                    Set one field of one line, as typed in a cell\n"
     "  compare BUDGET V1 [V2] [--json]                   Compare version V1 with V2 (default: the\n"
     "                                                    current budget) line by line\n"
     "  status BUDGET [draft|submitted|approved|locked]   Show or change the budget's status\n"
     "  templates [--json]                                List your own templates\n"
     "  template BUDGET --save NAME                       Save the budget as a template of your own,\n"
     "                                                    print its id (user:N)\n"
     "  template user:N --delete                          Delete a template of your own\n"
     "  import FILE [--new NAME | --into BUDGET [--replace]] [--sheet NAME] [--yes] [--strict] [--json]\n"
     "                                                    Import a spreadsheet (xlsx, ods, xls, csv)\n"
     "  imports [BUDGET] [--json]                         List the imports\n"
     "  undo-import ID                                    Take a whole import back out\n"
     "  export BUDGET --format xlsx|csv -o FILE           Export the budget\n"
     "  report BUDGET --kind summary|detail|variance|compare|time-by-person|time-by-task|cost\n"
     "         [--version V] [--against V2] [--from DATE] [--to DATE]\n"
     "         [--paper a4|letter] [--landscape] -o FILE.pdf\n"
     "                                                    Write a PDF report\n"
     "  backup [--to FILE]                                Copy the database into its backups folder\n"
     "  backups                                           List the backups, newest first\n"
     "  restore BACKUP|latest                             Put a backup in place of the database\n"
     "  recommend BUDGET [--today DATE] [--json]          Advice on the budget: overruns, burn rate,\n"
     "                                                    idle money, rates above your other budgets\n"
     "  recommendation accept|reject|implement ID         Act on one piece of advice\n"
     "  roi BUDGET [--expected V] [--realized V] [--snapshot [--note TEXT]]\n"
     "      [--compare A --compare B] [--json]\n"
     "                                                    Return on investment now, its snapshots\n"
     "  dashboard BUDGET [--window DAYS] [--json]         Utilization, burn rate, when the money runs\n"
     "                                                    out, and where it goes\n"
     "  forecast BUDGET [--json]                          Earned value from the tasks (CPI, SPI, EACs,\n"
     "                                                    TCPI), the final cost's range, and the\n"
     "                                                    forecast of a month ago beside today's\n"
     "  accounts [--json]                                 List the accounts and today's balances\n"
     "  account add NAME [--kind KIND] [--currency CODE] [--opening AMOUNT] [--date DATE]\n"
     "          [--reserve AMOUNT]                        Add a bank account, print its id\n"
     "  account balance ACCOUNT AMOUNT [--date DATE]      Record the balance the bank showed\n"
     "  bills [--json]                                    List the bills and how they repeat\n"
     "  bill add PAYEE --account A --amount X --start DATE [--rule RRULE] [--weekend before|after|keep]\n"
     "          [--income] [--approximate] [--priority N] [--currency CODE] [--category NAME]\n"
     "          [--budget BUDGET --line CODE [--section CODE]]\n"
     "                                                    Add a bill (or income), print its id\n"
     "  bill set BILL [the same options]                  Change a bill\n"
     "  bill delete BILL                                  Delete a bill\n"
     "  bill pay|skip|due BILL DATE [--amount X]          Mark one occurrence paid, skipped or due\n"
     "  bill move BILL DATE --to DATE                     Move one occurrence\n"
     "  schedule [--from DATE] [--to DATE] [--json]       The due bills with each account's balance\n"
     "  cashflow ACCOUNT [--until DATE] [--json]          Projected balance, minimum, shortfalls\n"
     "  connect clickup|gemini                            Check the token or API key read from standard\n"
     "                                                    input and keep it in the keyring\n"
     "  connect google [--timeout SECONDS]                Sign in to Google in the browser (Sheets sync)\n"
     "  disconnect clickup|gemini|google                  Remove the token or key from the keyring\n"
     "                                                    (Google: revoke Outlay's access too)\n"
     "  connections [--json]                              Show the connected services (never a secret)\n"
     "  clickup lists [--json]                            List the ClickUp lists the token may see\n"
     "  clickup sync BUDGET --list ID [--rule name|tag|list|field:NAME] [--since DATE]\n"
     "         [--full] [--delete] [--dry-run] [--json]   Bring a list's tasks and time into the budget\n"
     "  sheets push|pull|sync BUDGET [--prefer local|remote] [--delete-remote-removed] [--json]\n"
     "                                                    Link the budget to a new Google spreadsheet, or\n"
     "                                                    merge both ways per cell (exit 3: conflicts left)\n"
     "  sheets status|unlink BUDGET                       The link and its sync journal; forget the link\n"
     "  recommend BUDGET --ai [--enable-ai] [--model ID] [--allow-names] [--show-context] [--json]\n"
     "                                                    Ask Gemini for recommendations and keep them\n"
     "  categories [--json]                               Bill categories and the sections sharing them\n"
     "  category link NAME --budget B --section CODE      Let a budget section share a category\n"
     "  check BUDGET [--section S] [--line L] [--period P] --amount A [--json]\n"
     "                                                    Is there budget for this? Exits 0 approve,\n"
     "                                                    1 needs approval, 2 refused, 3 error\n"
     "  commitments BUDGET [--status S] [--json]          List purchase requests and orders\n"
     "  commitment BUDGET add|set|order|invoice|close|cancel|delete [NUMBER] [OPTIONS]\n"
     "                                                    Record and move a commitment along\n"
     "  policy BUDGET [--auto-approve A] [--overrun stop|warn|ignore] [--basis annual|accumulated]\n"
     "                                                    Show or set the budget check’s rules\n"
     "  phasing BUDGET [--sections] [--json]             Each line's estimate spread over the periods\n"
     "  phase BUDGET --line L|--section S|--all --method even|percent|amounts|last-year\n"
     "        [--values \"V V …\"] [--from BUDGET] [--version V]\n"
     "                                                    Spread lines evenly, by percentages, by\n"
     "                                                    amounts or as last year's actuals fell\n"
     "  periods BUDGET [--kind month|quarter] [--run-rate N] [--forecast S=remaining|run-rate|commitments]\n"
     "                                                    Show or set the periods and forecast methods\n"
     "  close-period BUDGET [PERIOD]                      Close the next period and keep its forecast\n"
     "  forecast-periods BUDGET [--json]                  Rolling forecast by period, with accuracy\n"
     "  export-periods BUDGET [--shape rows|months] -o FILE.csv|FILE.xlsx\n"
     "                                                    The phasing and actuals by period, in a\n"
     "                                                    shape that imports back\n"
     "  period-variance BUDGET [--flag-amount A] [--flag-percent P] -o FILE.pdf|FILE.xlsx\n"
     "                                                    Variance by period, flagging those over the\n"
     "                                                    lower of the two limits\n"
     "  tasks BUDGET [--json]                             List the budget's tasks with their actuals\n"
     "  task add|set|delete BUDGET TASK [--line CODE] [--assignee PERSON] [--hours H] [--cost C]\n"
     "       [--rate R] [--resource C] [--due DATE] [--status S] [--name NAME]\n"
     "       [--percent P]\n"
     "                                                    Add, change or delete a task\n"
     "  log BUDGET --task T --person P --hours H [--date D] [--rate R] [--note N]\n"
     "                                                    Log time; says the rate, its source, and\n"
     "                                                    where it takes the task, line and budget\n"
     "  people [--json]                                   List the people and their default rates\n"
     "  person add|set PERSON [--cost-rate R] [--bill-rate R] [--currency C] [--budget B]\n"
     "         [--from DATE] [--recost] [--name N] [--email E] [--role R]\n"
     "                                                    Add or change a person and their rates\n"
     "  rates BUDGET [--json] [--set-default R [--from DATE]]\n"
     "                                                    The rates that apply in a budget\n"
     "  time BUDGET [--from D] [--to D] [--json]          The time logged on the budget's tasks\n"
     "\n"
     "BUDGET is a budget's id, its name, or a part of its name. V1 and V2 are a\n"
     "version's id or name. FIELD is one of code, description, qty, unit,\n"
     "multiplier, rate, estimate, actual, committed, reserved, notes.\n"
     "Templates: aicp, blank, software, department, event, and user:N for\n"
     "one of your own (see “templates”).");

int
outlay_cli_fail (GError *error)
{
  /* a bad option is a usage error, like the others */
  int status = error->domain == G_OPTION_ERROR ? 2 : 1;

  /* 3 and 4 are import's: not a budget, rows left out */
  if (g_error_matches (error, OUTLAY_ERROR, OUTLAY_ERROR_DAMAGED))
    status = 6;
  else if (g_error_matches (error, OUTLAY_ERROR, OUTLAY_ERROR_BUSY))
    status = 5;

  g_printerr ("outlay-cli: %s\n", error->message);
  g_error_free (error);
  return status;
}

int
outlay_cli_usage_error (const char *message)
{
  g_printerr ("outlay-cli: %s\n%s\n", message, _(usage_text));
  return 2;
}

OutlayStore *
outlay_cli_open_store (Cli *cli, GError **error)
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
gboolean
outlay_cli_parse_options (Cli *cli, const char *params, GOptionEntry *entries, int *argc, char ***argv,
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

void
outlay_cli_print_json (JsonNode *node)
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

  if (!outlay_cli_parse_options (cli, NULL, entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc > 1)
    return outlay_cli_usage_error (_("“list” takes no arguments"));
  if ((store = outlay_cli_open_store (cli, &error)) == NULL
      || (budgets = outlay_store_list_budgets (store, &error)) == NULL)
    return outlay_cli_fail (error);

  json_builder_begin_array (builder);
  for (guint i = 0; i < budgets->len; i++)
    {
      OutlayBudget *b = g_ptr_array_index (budgets, i);
      OutlayTotals t;
      g_autofree char *estimate = NULL;

      if (!outlay_store_get_budget_totals (store, outlay_budget_get_id (b), &t, &error))
        return outlay_cli_fail (error);
      if (json)
        {
          json_builder_add_value (builder, outlay_budget_summary_to_json (b, &t));
          continue;
        }
      estimate = outlay_currency_format_plain (t.estimate, outlay_budget_get_currency (b));
      g_print ("%4" G_GINT64_FORMAT "  %-44s %-9s %s %16s\n", outlay_budget_get_id (b),
               outlay_budget_get_name (b),
               outlay_budget_status_to_string (outlay_budget_get_status (b)),
               outlay_budget_get_currency (b), estimate);
    }
  json_builder_end_array (builder);
  if (json)
    outlay_cli_print_json (json_builder_get_root (builder));
  return 0;
}

static int
cmd_new (Cli *cli, int argc, char **argv)
{
  g_autofree char *template_id = NULL;
  g_autofree char *currency = NULL;
  GOptionEntry entries[] = {
    { "template", 't', 0, G_OPTION_ARG_STRING, &template_id,
      N_("Start from a template: aicp, blank, software, department, event, or user:N"),
      N_("ID") },
    { "currency", 'c', 0, G_OPTION_ARG_STRING, &currency, N_("ISO 4217 currency code"),
      N_("CODE") },
    { NULL }
  };
  g_autoptr(OutlayStore) store = NULL;
  GError *error = NULL;
  gint64 id;

  if (!outlay_cli_parse_options (cli, _("NAME"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2)
    return outlay_cli_usage_error (_("“new” needs exactly one NAME"));
  if (currency != NULL && !outlay_currency_is_known (currency))
    return outlay_cli_usage_error (_("--currency needs an ISO 4217 code such as USD or EUR"));
  if (template_id != NULL && g_str_has_prefix (template_id, OUTLAY_USER_TEMPLATE_PREFIX))
    {
      gint64 ignored;

      if (!outlay_user_template_parse_id (template_id, &ignored, &error))
        {
          int status = outlay_cli_usage_error (error->message);

          g_error_free (error);
          return status;
        }
    }
  else if (template_id != NULL && (g_str_equal (template_id, "sample")
                                   || !outlay_template_exists (template_id)))
    return outlay_cli_usage_error (_("--template must be one of aicp, blank, software, department, event, "
                          "or user:N for one of your own"));
  if ((store = outlay_cli_open_store (cli, &error)) == NULL)
    return outlay_cli_fail (error);
  id = outlay_store_create_budget (store, template_id ? template_id : "blank", argv[1], currency,
                                   &error);
  if (id == 0)
    return outlay_cli_fail (error);
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
  g_autofree char *est = outlay_currency_format_plain (t->estimate, cur);
  g_autofree char *act = outlay_currency_format_plain (t->actual, cur);
  g_autofree char *var = outlay_currency_format_plain (outlay_totals_get_variance (t), cur);

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
      g_autofree char *se = outlay_currency_format_plain (st->estimate, cur);
      g_autofree char *sa = outlay_currency_format_plain (st->actual, cur);
      g_autofree char *sv = outlay_currency_format_plain (outlay_totals_get_variance (st), cur);
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

  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2)
    return outlay_cli_usage_error (_("“show” needs exactly one BUDGET"));
  if ((store = outlay_cli_open_store (cli, &error)) == NULL
      || (id = outlay_store_find_budget (store, argv[1], &error)) == 0
      || (doc = outlay_store_load_document (store, id, &error)) == NULL)
    return outlay_cli_fail (error);
  if (json)
    outlay_cli_print_json (outlay_document_to_json (doc));
  else
    print_document (doc);
  return 0;
}

/* Finds BUDGET and loads it. */
OutlayDocument *
outlay_cli_open_document (Cli *cli, const char *budget, OutlayStore **store, GError **error)
{
  gint64 id;

  if ((*store = outlay_cli_open_store (cli, error)) == NULL
      || (id = outlay_store_find_budget (*store, budget, error)) == 0)
    return NULL;
  return outlay_store_load_document (*store, id, error);
}

/* Shows or sets draft → submitted → approved → locked; unlocking is
 * recorded in the audit log like every status change. */
static int
cmd_status (Cli *cli, int argc, char **argv)
{
  static const char *names[] = { "draft", "submitted", "approved", "locked" };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GError *error = NULL;
  int status = -1;

  if (!outlay_cli_parse_options (cli, _("BUDGET [STATUS]"), NULL, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2 && argc != 3)
    return outlay_cli_usage_error (_("“status” needs a BUDGET, and optionally draft, submitted, approved or "
                          "locked"));
  for (guint i = 0; argc == 3 && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (argv[2], names[i]) == 0)
      status = (int) i;
  if (argc == 3 && status < 0)
    return outlay_cli_usage_error (_("The status is one of draft, submitted, approved, locked"));
  if ((doc = outlay_cli_open_document (cli, argv[1], &store, &error)) == NULL)
    return outlay_cli_fail (error);
  if (argc == 3)
    {
      g_value_init (&value, OUTLAY_TYPE_BUDGET_STATUS);
      g_value_set_enum (&value, status);
      if (!outlay_document_set_budget_value (doc, "status", &value, &error))
        return outlay_cli_fail (error);
    }
  g_print ("%s\n", outlay_budget_status_to_string (outlay_budget_get_status (outlay_document_get_budget (doc))));
  return 0;
}

static int
cmd_version (Cli *cli, int argc, char **argv)
{
  g_autofree char *save = NULL;
  g_autofree char *note = NULL;
  GOptionEntry entries[] = {
    { "save", 's', 0, G_OPTION_ARG_STRING, &save, N_("Save the budget as it is now as version NAME"),
      N_("NAME") },
    { "note", 'n', 0, G_OPTION_ARG_STRING, &note, N_("A note to keep with the version"),
      N_("TEXT") },
    { NULL }
  };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(OutlayVersion) version = NULL;
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2)
    return outlay_cli_usage_error (_("“version” needs exactly one BUDGET"));
  if (save == NULL)
    return outlay_cli_usage_error (_("“version” needs --save NAME"));
  if ((doc = outlay_cli_open_document (cli, argv[1], &store, &error)) == NULL
      || (version = outlay_store_save_version (store, doc, save, note, &error)) == NULL)
    return outlay_cli_fail (error);
  g_print ("%" G_GINT64_FORMAT "\n", outlay_version_get_id (version));
  return 0;
}

static char *
iso_time (gint64 unix_time)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (unix_time);

  return t != NULL ? g_date_time_format_iso8601 (t) : g_strdup ("");
}

static JsonNode *
version_to_json (OutlayVersion *v, const char *currency)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *created = iso_time (outlay_version_get_created (v));
  g_autofree char *estimate = outlay_currency_format_plain (outlay_version_get_total_estimate (v), currency);
  g_autofree char *actual = outlay_currency_format_plain (outlay_version_get_total_actual (v), currency);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, outlay_version_get_id (v));
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, outlay_version_get_name (v));
  json_builder_set_member_name (b, "note");
  json_builder_add_string_value (b, outlay_version_get_note (v) ? outlay_version_get_note (v) : "");
  json_builder_set_member_name (b, "created");
  json_builder_add_string_value (b, created);
  json_builder_set_member_name (b, "locked");
  json_builder_add_boolean_value (b, outlay_version_get_locked (v));
  json_builder_set_member_name (b, "totals");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "estimate");
  json_builder_add_string_value (b, estimate);
  json_builder_set_member_name (b, "actual");
  json_builder_add_string_value (b, actual);
  json_builder_end_object (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* The budget's currency, without loading its lines. */
static char *
budget_currency (OutlayStore *store, gint64 id, GError **error)
{
  g_autoptr(GPtrArray) budgets = outlay_store_list_budgets (store, error);

  for (guint i = 0; budgets != NULL && i < budgets->len; i++)
    if (outlay_budget_get_id (g_ptr_array_index (budgets, i)) == id)
      return g_strdup (outlay_budget_get_currency (g_ptr_array_index (budgets, i)));
  return budgets != NULL ? g_strdup ("USD") : NULL;
}

static int
cmd_versions (Cli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *currency = NULL;
  GError *error = NULL;
  gint64 id;

  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2)
    return outlay_cli_usage_error (_("“versions” needs exactly one BUDGET"));
  if ((store = outlay_cli_open_store (cli, &error)) == NULL
      || (id = outlay_store_find_budget (store, argv[1], &error)) == 0
      || (currency = budget_currency (store, id, &error)) == NULL
      || (versions = outlay_store_list_versions (store, id, &error)) == NULL)
    return outlay_cli_fail (error);
  json_builder_begin_array (builder);
  for (guint i = 0; i < versions->len; i++)
    {
      OutlayVersion *v = g_ptr_array_index (versions, i);
      g_autofree char *created = NULL;
      g_autofree char *estimate = NULL;
      g_autofree char *name = NULL;

      if (json)
        {
          json_builder_add_value (builder, version_to_json (v, currency));
          continue;
        }
      created = iso_time (outlay_version_get_created (v));
      estimate = outlay_currency_format_plain (outlay_version_get_total_estimate (v), currency);
      name = fit (outlay_version_get_name (v), 24);
      g_print ("%4" G_GINT64_FORMAT "  %s %-20s %s %16s\n", outlay_version_get_id (v), name,
               created, currency, estimate);
    }
  json_builder_end_array (builder);
  if (json)
    outlay_cli_print_json (json_builder_get_root (builder));
  return 0;
}

static const char *
line_code (OutlayLine *line)
{
  return outlay_line_get_code (line) != NULL ? outlay_line_get_code (line) : "";
}

/* @a and @b the same but for case ("crew" picks "Crew"). */
static gboolean
same_text (const char *a, const char *b)
{
  g_autofree char *fa = a != NULL ? g_utf8_casefold (a, -1) : NULL;
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return fa != NULL && g_str_equal (fa, fb);
}

/* Whether some section of @doc has the code @code. */
static gboolean
has_section_code (OutlayDocument *doc, const char *code)
{
  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    if (same_text (outlay_section_get_code (outlay_document_get_section (doc, s)), code))
      return TRUE;
  return FALSE;
}

/* A section as --section takes it: its code, or its name when it has none. */
static char *
section_label (OutlaySection *section)
{
  const char *code = outlay_section_get_code (section);

  if (code != NULL && *code != '\0')
    return g_strdup (code);
  return g_strdup_printf (
      "“%s”", outlay_section_get_name (section) ? outlay_section_get_name (section) : "");
}

/* The one line with @code (in the section @section_code if given: a
 * section's code, else its name, for sections that have no code). */
OutlayLine *
outlay_cli_find_line (OutlayDocument *doc,
                      const char *code,
                      const char *section_code,
                      GError **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GString) where = g_string_new (NULL);
  gboolean have_section = FALSE;
  gboolean by_name = section_code != NULL && !has_section_code (doc, section_code);

  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);
      const char *key = by_name ? outlay_section_get_name (section)
                                : outlay_section_get_code (section);

      if (section_code != NULL && !same_text (key, section_code))
        continue;
      have_section = TRUE;
      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        if (g_str_equal (line_code (outlay_section_get_line (section, l)), code))
          g_ptr_array_add (found, outlay_section_get_line (section, l));
    }
  if (found->len == 1)
    return g_ptr_array_index (found, 0);
  if (section_code != NULL && !have_section)
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                 _("“%s” has no section “%s”"),
                 outlay_budget_get_name (outlay_document_get_budget (doc)), section_code);
  else if (found->len == 0 && section_code != NULL)
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                 _("Section %s of “%s” has no line “%s”"), section_code,
                 outlay_budget_get_name (outlay_document_get_budget (doc)), code);
  else if (found->len == 0)
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND, _("“%s” has no line “%s”"),
                 outlay_budget_get_name (outlay_document_get_budget (doc)), code);
  else if (section_code != NULL)
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_AMBIGUOUS,
                 _("%u lines of section %s have the code “%s”; give them different codes "
                   "first"), found->len, section_code, code);
  else
    {
      for (guint i = 0; i < found->len; i++)
        {
          g_autofree char *label = section_label (
              outlay_line_get_section (g_ptr_array_index (found, i)));

          g_string_append_printf (where, "%s%s", i ? ", " : "", label);
        }
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_AMBIGUOUS,
                   _("%u lines have the code “%s” (in sections %s). Add --section with the "
                     "section's code, or its name when it has none, to pick one."),
                      found->len, code, where->str);
    }
  return NULL;
}

static gboolean
field_from_name (const char *name, OutlayLineField *field, GError **error)
{
  g_autoptr(GString) names = g_string_new (NULL);

  if (outlay_line_field_from_name (name, field))
    return TRUE;
  for (OutlayLineField f = 0; f < OUTLAY_LINE_N_FIELDS; f++)
    g_string_append_printf (names, "%s%s", f ? ", " : "", outlay_line_field_name (f));
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
               _("Lines have no field “%s”; use one of %s"), name, names->str);
  return FALSE;
}

static void
print_set (OutlayDocument *doc, OutlayLine *line, OutlayLineField field, const char *before,
           OutlayDecimal estimate_before)
{
  const char *cur = outlay_budget_get_currency (outlay_document_get_budget (doc));
  g_autofree char *after = outlay_compare_field_text (line, field, cur);
  g_autofree char *estimate = outlay_currency_format_plain (outlay_line_get_estimate (line), cur);
  g_autofree char *old_estimate = outlay_currency_format_plain (estimate_before, cur);
  g_autofree char *total = outlay_currency_format_plain (outlay_document_get_totals (doc)->estimate, cur);

  g_print ("%s %s  %s: %s → %s\n", outlay_section_get_code (outlay_line_get_section (line)),
           line_code (line), outlay_line_field_name (field), before, after);
  if (field != OUTLAY_LINE_ESTIMATE && estimate_before != outlay_line_get_estimate (line))
    g_print ("%s: %s → %s\n", _("Estimate"), old_estimate, estimate);
  g_print ("%s: %s\n", _("Budget estimate"), total);
}

static int
cmd_set (Cli *cli, int argc, char **argv)
{
  g_autofree char *code = NULL;
  g_autofree char *field_name = NULL;
  g_autofree char *value = NULL;
  g_autofree char *section = NULL;
  GOptionEntry entries[] = {
    { "line", 'l', 0, G_OPTION_ARG_STRING, &code, N_("The line's code"), N_("CODE") },
      { "section", 's', 0, G_OPTION_ARG_STRING, &section,
        N_("The line's section (its code, or its name), when several lines share its code"),
            N_("CODE|NAME") },
        { "field", 'f', 0, G_OPTION_ARG_STRING, &field_name,
          N_("code, description, qty, unit, multiplier, rate, estimate, actual, committed, "
         "reserved or notes"),
              N_("FIELD") },
          { "value", 'v', 0, G_OPTION_ARG_STRING, &value,
            N_("The new value, as typed in a cell; an empty estimate goes back to qty × days × rate"),
                N_("V") },
            { NULL } };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autofree char *before = NULL;
  OutlayLineField field;
  OutlayLine *line;
  OutlayDecimal estimate;
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2)
    return outlay_cli_usage_error (_("“set” needs exactly one BUDGET"));
  if (code == NULL || field_name == NULL || value == NULL)
    return outlay_cli_usage_error (_("“set” needs --line CODE, --field FIELD and --value V"));
  if (!field_from_name (field_name, &field, &error)
      || (doc = outlay_cli_open_document (cli, argv[1], &store, &error)) == NULL
      || (line = outlay_cli_find_line (doc, code, section, &error)) == NULL)
    return outlay_cli_fail (error);
  before = outlay_compare_field_text (line, field,
                                      outlay_budget_get_currency (outlay_document_get_budget (doc)));
  estimate = outlay_line_get_estimate (line);
  /* the same command as typing in the cell: undoable, audited, refused
   * when the budget is locked */
  if (!outlay_document_set_line_text (doc, line, field, value, &error))
    return outlay_cli_fail (error);
  print_set (doc, line, field, before, estimate);
  return 0;
}

static char *
signed_amount (OutlayDecimal value, const char *currency)
{
  g_autofree char *text = outlay_currency_format_plain (value, currency);

  return value > 0 ? g_strconcat ("+", text, NULL) : g_steal_pointer (&text);
}

static void
print_compared_lines (const char *title, GPtrArray *lines, const char *cur)
{
  if (lines->len == 0)
    return;
  g_print ("\n%s\n", title);
  for (guint i = 0; i < lines->len; i++)
    {
      OutlayComparedLine *l = g_ptr_array_index (lines, i);
      g_autofree char *description = fit (l->description, 40);
      g_autofree char *estimate = outlay_currency_format_plain (l->estimate, cur);

      g_print ("  %-6s %-8s %s %16s\n", l->section, l->code, description, estimate);
    }
}

static void
print_comparison (OutlayComparison *c, const char *from_name, const char *to_name)
{
  g_autofree char *from = outlay_currency_format_plain (c->from.estimate, c->currency);
  g_autofree char *to = outlay_currency_format_plain (c->to.estimate, c->currency);
  g_autofree char *delta = signed_amount (outlay_comparison_delta (c->from.estimate,
                                                                   c->to.estimate), c->currency);

  g_print (_("From “%s” to %s"), from_name, to_name);
  g_print ("\n");
  if (c->changed->len > 0)
    g_print ("\n%s\n", _("Changed"));
  for (guint i = 0; i < c->changed->len; i++)
    {
      OutlayFieldChange *f = g_ptr_array_index (c->changed, i);

      g_print ("  %-6s %-8s %-12s %s → %s\n", f->section, f->code, outlay_field_change_name (f),
               f->from, f->to);
    }
  print_compared_lines (_("Added"), c->added, c->currency);
  print_compared_lines (_("Removed"), c->removed, c->currency);
  g_print ("\n%-6s %-40s %16s %16s %16s\n", _("Code"), _("Section"), _("From"), _("To"),
           _("Delta"));
  for (guint i = 0; i < c->sections->len; i++)
    {
      OutlaySectionDelta *s = g_ptr_array_index (c->sections, i);
      g_autofree char *name = fit (s->name, 40);
      g_autofree char *sf = outlay_currency_format_plain (s->from.estimate, c->currency);
      g_autofree char *st = outlay_currency_format_plain (s->to.estimate, c->currency);
      g_autofree char *sd = signed_amount (outlay_comparison_delta (s->from.estimate,
                                                                    s->to.estimate), c->currency);

      g_print ("%-6s %s %16s %16s %16s\n", s->code, name, sf, st, sd);
    }
  g_print ("%-6s %-40s %16s %16s %16s\n", "", _("Total"), from, to, delta);
}

OutlayDocument *
outlay_cli_open_version (OutlayStore *store, gint64 budget_id, const char *name_or_id, GError **error)
{
  g_autoptr(OutlayVersion) version = outlay_store_find_version (store, budget_id, name_or_id,
                                                                error);

  if (version == NULL)
    return NULL;
  return outlay_store_load_version (store, outlay_version_get_id (version), error);
}

static int
cmd_compare (Cli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) current = NULL;
  g_autoptr(OutlayDocument) from = NULL;
  g_autoptr(OutlayDocument) to = NULL;
  g_autoptr(OutlayComparison) comparison = NULL;
  g_autofree char *to_name = NULL;
  GError *error = NULL;
  gint64 id;

  if (!outlay_cli_parse_options (cli, _("BUDGET V1 [V2]"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 3 && argc != 4)
    return outlay_cli_usage_error (_("“compare” needs a BUDGET, a version and optionally a second one"));
  if ((current = outlay_cli_open_document (cli, argv[1], &store, &error)) == NULL)
    return outlay_cli_fail (error);
  id = outlay_budget_get_id (outlay_document_get_budget (current));
  if ((from = outlay_cli_open_version (store, id, argv[2], &error)) == NULL
      || (argc == 4 && (to = outlay_cli_open_version (store, id, argv[3], &error)) == NULL))
    return outlay_cli_fail (error);
  comparison = outlay_compare_documents (from, to != NULL ? to : current);
  if (json)
    {
      outlay_cli_print_json (outlay_comparison_to_json (comparison));
      return 0;
    }
  to_name = to != NULL ? g_strdup_printf ("“%s”", outlay_document_get_frozen_name (to))
                       : g_strdup (_("the current budget"));
  print_comparison (comparison, outlay_document_get_frozen_name (from), to_name);
  return 0;
}

static JsonNode *
template_to_json (OutlayBudget *b, OutlayDocument *doc)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *id = outlay_user_template_id (outlay_budget_get_id (b));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, outlay_budget_get_name (b));
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, outlay_budget_kind_to_string (outlay_budget_get_kind (b)));
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, outlay_budget_get_currency (b));
  json_builder_set_member_name (builder, "sections");
  json_builder_add_int_value (builder, outlay_document_get_n_sections (doc));
  json_builder_set_member_name (builder, "lines");
  json_builder_add_int_value (builder, outlay_document_get_n_lines (doc));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static int
cmd_templates (Cli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, NULL, entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc > 1)
    return outlay_cli_usage_error (_("“templates” takes no arguments"));
  if ((store = outlay_cli_open_store (cli, &error)) == NULL
      || (templates = outlay_store_list_templates (store, &error)) == NULL)
    return outlay_cli_fail (error);
  json_builder_begin_array (builder);
  for (guint i = 0; i < templates->len; i++)
    {
      OutlayBudget *b = g_ptr_array_index (templates, i);
      g_autoptr(OutlayDocument) doc = outlay_store_load_document (store, outlay_budget_get_id (b),
                                                                  &error);
      g_autofree char *id = outlay_user_template_id (outlay_budget_get_id (b));
      g_autofree char *name = NULL;

      if (doc == NULL)
        return outlay_cli_fail (error);
      if (json)
        {
          json_builder_add_value (builder, template_to_json (b, doc));
          continue;
        }
      name = fit (outlay_budget_get_name (b), 40);
      g_print ("%-9s %s %s %4u %s %5u %s\n", id, name, outlay_budget_get_currency (b),
               outlay_document_get_n_sections (doc), _("sections"),
               outlay_document_get_n_lines (doc), _("lines"));
    }
  json_builder_end_array (builder);
  if (json)
    outlay_cli_print_json (json_builder_get_root (builder));
  return 0;
}

static int
cmd_template (Cli *cli, int argc, char **argv)
{
  g_autofree char *save = NULL;
  gboolean do_delete = FALSE;
  GOptionEntry entries[] = {
    { "save", 's', 0, G_OPTION_ARG_STRING, &save,
      N_("Save the budget as a template named NAME"), N_("NAME") },
    { "delete", 0, 0, G_OPTION_ARG_NONE, &do_delete, N_("Delete the template user:N"), NULL },
    { NULL }
  };
  g_autoptr(OutlayStore) store = NULL;
  g_autofree char *ref = NULL;
  GError *error = NULL;
  gint64 id;

  if (!outlay_cli_parse_options (cli, _("BUDGET|user:N"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2)
    return outlay_cli_usage_error (_("“template” needs exactly one BUDGET, or user:N with --delete"));
  if ((save == NULL) == !do_delete)
    return outlay_cli_usage_error (_("“template” needs --save NAME or --delete"));
  if (do_delete)
    {
      if (!outlay_user_template_parse_id (argv[1], &id, &error)
          || (store = outlay_cli_open_store (cli, &error)) == NULL
          || !outlay_store_delete_template (store, id, &error))
        return outlay_cli_fail (error);
      return 0;
    }
  if ((store = outlay_cli_open_store (cli, &error)) == NULL
      || (id = outlay_store_find_budget (store, argv[1], &error)) == 0
      || (id = outlay_store_save_as_template (store, id, save, &error)) == 0)
    return outlay_cli_fail (error);
  ref = outlay_user_template_id (id);
  g_print ("%s\n", ref);
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
  { "version", cmd_version },
  { "versions", cmd_versions },
  { "set", cmd_set },
  { "compare", cmd_compare },
  { "status", cmd_status },
  { "templates", cmd_templates },
  { "template", cmd_template },
  { "export", outlay_cli_export },
  { "import", outlay_cli_import },
  { "imports", outlay_cli_imports },
  { "undo-import", outlay_cli_undo_import },
  { "report", outlay_cli_report },
  { "backup", outlay_cli_backup },
  { "backups", outlay_cli_backups },
  { "restore", outlay_cli_restore },
  { "recommend", outlay_cli_recommend },
  { "recommendation", outlay_cli_recommendation },
  { "roi", outlay_cli_roi },
  { "dashboard", outlay_cli_dashboard },
  { "forecast", outlay_cli_forecast },
  { "accounts", outlay_cli_accounts },
  { "account", outlay_cli_account },
  { "bills", outlay_cli_bills },
  { "bill", outlay_cli_bill },
  { "schedule", outlay_cli_schedule },
  { "cashflow", outlay_cli_cashflow },
  { "connect", outlay_cli_connect },
  { "disconnect", outlay_cli_disconnect },
  { "connections", outlay_cli_connections },
  { "clickup", outlay_cli_clickup },
  { "sheets", outlay_cli_sheets },
  { "categories", outlay_cli_categories },
  { "category", outlay_cli_category },
  { "check", outlay_cli_check },
  { "phasing", outlay_cli_phasing },
  { "phase", outlay_cli_phase },
  { "periods", outlay_cli_periods },
  { "close-period", outlay_cli_close_period },
  { "forecast-periods", outlay_cli_forecast_periods },
  { "export-periods", outlay_cli_export_periods },
  { "period-variance", outlay_cli_period_variance },
  { "commitments", outlay_cli_commitments },
  { "commitment", outlay_cli_commitment },
  { "policy", outlay_cli_policy },
  { "tasks", outlay_cli_tasks },
  { "task", outlay_cli_task },
  { "log", outlay_cli_log },
  { "people", outlay_cli_people },
  { "person", outlay_cli_person },
  { "rates", outlay_cli_rates },
  { "time", outlay_cli_time },
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
            return outlay_cli_usage_error (_("--database needs a PATH"));
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

          return outlay_cli_usage_error (message);
        }
      first++;
    }
  if (version)
    {
      g_print ("outlay-cli %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (cli->database != NULL && *cli->database == '\0')
    return outlay_cli_usage_error (_("--database needs a PATH, not an empty string"));
  if (first >= argc)
    return outlay_cli_usage_error (_("No command given"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[first], commands[i].name))
      return commands[i].func (cli, argc - first, argv + first);
  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”"), argv[first]);

    return outlay_cli_usage_error (message);
  }
}

/* Once per run: a script's log needs the reason, not one line a wait. */
static void
wait_cb (OutlayStore *store, gpointer user_data)
{
  static gboolean said;

  if (said)
    return;
  said = TRUE;
  g_printerr ("outlay-cli: %s\n", _("Waiting for another Outlay import to finish…"));
}

int
main (int   argc,
      char *argv[])
{
  Cli cli = { 0 };
  int status;

  outlay_i18n_init ();
  /* Scripts parse our numbers: keep the C decimal point. */
  setlocale (LC_NUMERIC, "C");
  outlay_store_set_default_wait_func (wait_cb, NULL);

  status = run (&cli, argc, argv);
  g_free (cli.database);
  return status;
}
