/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-cli"

/* outlay-cli's money control: the budget check, commitments and the
 * check's rules. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-budget-check.h"
#include "outlay-currency.h"
#include "outlay-error.h"
#include "outlay-model-enum-types.h"
#include "outlay-money-json.h"

#include "outlay-cli-private.h"

/* check's own exits: 0 approve, 1 needs approval, 2 refused; a question
 * with no answer is 3 (busy and damaged keep theirs) */
#define CHECK_NO_ANSWER 3

static int
check_fail (GError *error)
{
  int status = outlay_cli_fail (error);

  return status == 1 || status == 2 ? CHECK_NO_ANSWER : status;
}

static OutlaySection *
find_section (OutlayDocument *doc, const char *key, GError **error)
{
  for (guint pass = 0; pass < 2; pass++)
    for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
      {
        OutlaySection *section = outlay_document_get_section (doc, s);
        const char *text = pass == 0 ? outlay_section_get_code (section)
                                     : outlay_section_get_name (section);

        if (text != NULL && g_utf8_collate (text, key) == 0)
          return section;
      }
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
               _("“%s” has no section “%s”"),
                  outlay_budget_get_name (outlay_document_get_budget (doc)), key);
  return NULL;
}

/* --section and --line to what they name; both %NULL for the budget. */
static gboolean
find_target (OutlayDocument *doc,
             const char *section_key,
             const char *line_code,
             OutlaySection **section,
             OutlayLine **line,
             GError **error)
{
  *section = NULL;
  *line = NULL;
  if (line_code != NULL)
    {
      *line = outlay_cli_find_line (doc, line_code, section_key, error);
      if (*line == NULL)
        return FALSE;
      *section = outlay_line_get_section (*line);
      return TRUE;
    }
  if (section_key != NULL)
    return (*section = find_section (doc, section_key, error)) != NULL;
  return TRUE;
}

static gboolean
parse_amount (OutlayDocument *doc, const char *text, OutlayDecimal *out, GError **error)
{
  const char *cur = outlay_budget_get_currency (outlay_document_get_budget (doc));
  g_autoptr(GError) local = NULL;

  if (outlay_currency_parse_amount (text, cur, out, &local))
    return TRUE;
  g_set_error (error, OUTLAY_ERROR, local->code, "--amount: %s", local->message);
  return FALSE;
}

static void
print_check (OutlayDocument *doc, const OutlayCheck *c)
{
  const char *cur = outlay_budget_get_currency (outlay_document_get_budget (doc));
  g_autofree char *budgeted = outlay_currency_format_plain (c->scope.budgeted, cur);
  g_autofree char *actual = outlay_currency_format_plain (c->scope.actual, cur);
  g_autofree char *committed = outlay_currency_format_plain (c->scope.committed, cur);
  g_autofree char *reserved = outlay_currency_format_plain (c->scope.reserved, cur);
  g_autofree char *available = outlay_currency_format_plain (c->scope.available, cur);
  g_autofree char *util = c->has_utilization ? outlay_decimal_to_string (c->utilization_after, 1)
                                             : g_strdup ("—");

  g_print ("%s\n", outlay_check_decision_title (c->decision));
  g_print ("%s\n\n", c->reason);
  g_print ("%-22s %16s%s\n", c->phased
           ? _("Budgeted to date")
           : _("Budgeted"), budgeted,
                c->scope.budgeted == c->budget.budgeted && c->from_allocation ? _(" (allocation)")
                                                                              : "");
  g_print ("%-22s %16s\n", _("Actual"), actual);
  g_print ("%-22s %16s\n", _("Committed"), committed);
  g_print ("%-22s %16s\n", _("Reserved"), reserved);
  g_print ("%-22s %16s\n", _("Available"), available);
  g_print ("%-22s %15s%%\n", _("Utilization after"), util);
}

int
outlay_cli_check (Cli *cli, int argc, char **argv)
{
  g_autofree char *section_key = NULL;
  g_autofree char *line_code = NULL;
  g_autofree char *period = NULL;
  g_autofree char *amount_text = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "section", 's', 0, G_OPTION_ARG_STRING, &section_key,
      N_("The section (its code or name); the whole budget without it"), N_("S") },
      { "line", 'l', 0, G_OPTION_ARG_STRING, &line_code, N_("The line's code"), N_("L") },
        { "period", 'p', 0, G_OPTION_ARG_STRING, &period,
          N_("The period, 2026-03 or 2026-Q1 (a budget checked to date uses it)"), N_("P") },
          { "amount", 'a', 0, G_OPTION_ARG_STRING, &amount_text,
            N_("The purchase's amount"), N_("A") },
            { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL }, { NULL } };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  OutlaySection *section;
  OutlayLine *line;
  OutlayDecimal amount;
  OutlayCheck check;
  GError *error = NULL;
  int status;

  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return check_fail (error);
  if (argc != 2 || amount_text == NULL)
    {
      outlay_cli_usage_error (_("“check” needs one BUDGET and --amount A"));
      return CHECK_NO_ANSWER;
    }
  if ((doc = outlay_cli_open_document (cli, argv[1], &store, &error)) == NULL
      || !find_target (doc, section_key, line_code, &section, &line, &error)
      || !parse_amount (doc, amount_text, &amount, &error)
      || !outlay_budget_check (doc, section, line, period, amount, &check, &error))
    return check_fail (error);
  if (json)
    {
      g_autoptr(JsonNode) node = outlay_check_to_json (doc, &check, section, line);

      outlay_cli_print_json (node);
    }
  else
    print_check (doc, &check);
  status = check.decision == OUTLAY_CHECK_APPROVE          ? 0
           : check.decision == OUTLAY_CHECK_NEEDS_APPROVAL ? 1
                                                           : 2;
  outlay_check_clear (&check);
  return status;
}

/* ---- commitments ---- */

static void
print_commitment (OutlayDocument *doc, OutlayCommitment *c)
{
  const char *cur = outlay_budget_get_currency (outlay_document_get_budget (doc));
  OutlaySection *section = outlay_commitment_get_section (c);
  OutlayLine *line = outlay_commitment_get_line (c);
  g_autofree char *amount = outlay_currency_format_plain (outlay_commitment_get_amount (c), cur);
  g_autofree char *invoiced = outlay_currency_format_plain (outlay_commitment_get_invoiced (c),
                                                            cur);
  g_autofree char *where = g_strdup_printf (
      "%s%s%s", section ? outlay_section_get_code (section) : "", line ? "/" : "",
      line ? outlay_line_get_code (line) : "");
  const char *ref = outlay_commitment_get_reference (c);
  const char *vendor = outlay_commitment_get_vendor (c);
  const char *date = outlay_commitment_get_date (c);

  g_print ("%-12s %-10s %-10s %-20s %-10s %14s %14s\n", ref ? ref : "", date ? date : "",
           outlay_commitment_status_to_string (outlay_commitment_get_status (c)),
           vendor ? vendor : "", where, amount, invoiced);
}

int
outlay_cli_commitments (Cli *cli, int argc, char **argv)
{
  g_autofree char *status_text = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text,
      N_("Only these: requested, ordered, invoiced, closed, cancelled…"), N_("S") },
      { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL }, { NULL } };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  OutlayCommitmentStatus only = 0;
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2)
    return outlay_cli_usage_error (_("“commitments” needs exactly one BUDGET"));
  if (status_text != NULL && !outlay_commitment_status_from_string (status_text, &only))
    return outlay_cli_usage_error (_("--status is one of requested, approved, ordered, invoiced, "
                                     "paid, rejected, cancelled, closed"));
  if ((doc = outlay_cli_open_document (cli, argv[1], &store, &error)) == NULL)
    return outlay_cli_fail (error);
  json_builder_begin_array (b);
  if (!json)
    g_print ("%-12s %-10s %-10s %-20s %-10s %14s %14s\n",
             _("Number"), _("Date"), _("Status"), _("Vendor"), _("Charges"),
                                                                      _("Amount"), _("Invoiced"));
  for (guint i = 0; i < outlay_document_get_n_commitments (doc); i++)
    {
      OutlayCommitment *c = outlay_document_get_commitment (doc, i);

      if (status_text != NULL && outlay_commitment_get_status (c) != only)
        continue;
      if (json)
        json_builder_add_value (b, outlay_commitment_to_json (doc, c));
      else
        print_commitment (doc, c);
    }
  json_builder_end_array (b);
  if (json)
    {
      g_autoptr(JsonNode) node = json_builder_get_root (b);

      outlay_cli_print_json (node);
    }
  return 0;
}

typedef struct
{
  char *number;
  char *vendor;
  char *description;
  char *date;
  char *amount;
  char *section;
  char *line;
  gboolean ordered;
} CommitmentOptions;

static void
options_clear (CommitmentOptions *o)
{
  g_free (o->number);
  g_free (o->vendor);
  g_free (o->description);
  g_free (o->date);
  g_free (o->amount);
  g_free (o->section);
  g_free (o->line);
}

/* The fields given on the command line, over @c's. */
static gboolean
apply_options (OutlayDocument *doc, const CommitmentOptions *o, OutlayCommitment *c, GError **error)
{
  OutlayDecimal amount;

  if (o->amount != NULL)
    {
      if (!parse_amount (doc, o->amount, &amount, error))
        return FALSE;
      g_object_set (c, "amount", amount, NULL);
    }
#define SET_IF(prop, v)                                                                            \
  if ((v) != NULL)                                                                                 \
  g_object_set (c, prop, v, NULL)
  SET_IF ("reference", o->number);
  SET_IF ("vendor", o->vendor);
  SET_IF ("description", o->description);
  SET_IF ("date", o->date);
#undef SET_IF
  return TRUE;
}

static gboolean
find_commitment (OutlayDocument *doc, const char *number, OutlayCommitment **out, GError **error)
{
  *out = number != NULL ? outlay_document_lookup_commitment (doc, number) : NULL;
  if (*out == NULL)
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                 _("“%s” has no commitment “%s”"),
                    outlay_budget_get_name (outlay_document_get_budget (doc)),
                    number != NULL ? number : "");
  return *out != NULL;
}

static gboolean
run_add (OutlayDocument *doc, const CommitmentOptions *o, GError **error)
{
  g_autoptr(OutlayCommitment) c = outlay_commitment_new ();
  OutlaySection *section;
  OutlayLine *line;

  if (o->amount == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("“commitment add” needs --amount A"));
      return FALSE;
    }
  if (o->ordered)
    g_object_set (c, "status", OUTLAY_COMMITMENT_STATUS_ORDERED, NULL);
  return find_target (doc, o->section, o->line, &section, &line, error)
         && apply_options (doc, o, c, error)
         && outlay_document_add_commitment (doc, c, section, line, error);
}

static gboolean
run_set (OutlayDocument *doc, OutlayCommitment *c, const CommitmentOptions *o, GError **error)
{
  g_autoptr(OutlayCommitment) edited = outlay_commitment_copy (c);
  OutlaySection *section = outlay_commitment_get_section (c);
  OutlayLine *line = outlay_commitment_get_line (c);

  if ((o->section != NULL || o->line != NULL)
      && !find_target (doc, o->section, o->line, &section, &line, error))
    return FALSE;
  return apply_options (doc, o, edited, error)
         && outlay_document_update_commitment (doc, c, edited, section, line, error);
}

static gboolean
run_action (OutlayDocument *doc,
            const char *action,
            const char *number,
            const CommitmentOptions *o,
            GError **error)
{
  OutlayCommitment *c;
  OutlayDecimal amount;

  if (g_str_equal (action, "add"))
    return run_add (doc, o, error);
  if (!find_commitment (doc, number, &c, error))
    return FALSE;
  if (g_str_equal (action, "set"))
    return run_set (doc, c, o, error);
  if (g_str_equal (action, "order"))
    return outlay_document_order_commitment (doc, c, error);
  if (g_str_equal (action, "invoice"))
    {
      if (o->amount == NULL)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                               _("“commitment invoice” needs --amount A"));
          return FALSE;
        }
      return parse_amount (doc, o->amount, &amount, error)
             && outlay_document_invoice_commitment (doc, c, amount, error);
    }
  if (g_str_equal (action, "close"))
    return outlay_document_close_commitment (doc, c, error);
  if (g_str_equal (action, "cancel"))
    return outlay_document_cancel_commitment (doc, c, error);
  if (g_str_equal (action, "delete"))
    return outlay_document_delete_commitment (doc, c, error);
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
               _("Unknown commitment action “%s”: add, set, order, invoice, close, cancel or "
                 "delete"),
                  action);
  return FALSE;
}

int
outlay_cli_commitment (Cli *cli, int argc, char **argv)
{
  CommitmentOptions o = { 0 };
  GOptionEntry entries[] = {
    { "number", 'n', 0, G_OPTION_ARG_STRING, &o.number,
      N_("The request or order number"), N_("NUMBER") },
      { "vendor", 0, 0, G_OPTION_ARG_STRING, &o.vendor, N_("Who it is bought from"), N_("V") },
        { "description", 0, 0, G_OPTION_ARG_STRING, &o.description,
          N_("What it is for"), N_("D") },
          { "date", 0, 0, G_OPTION_ARG_STRING, &o.date, N_("Its date, YYYY-MM-DD"), N_("DATE") },
            { "amount", 'a', 0, G_OPTION_ARG_STRING, &o.amount,
              N_("Its amount (for invoice: the invoice's)"), N_("A") },
              { "section", 's', 0, G_OPTION_ARG_STRING, &o.section,
                N_("The section it charges (its code or name)"), N_("S") },
                { "line", 'l', 0, G_OPTION_ARG_STRING, &o.line,
                  N_("The line it charges"), N_("L") },
                  { "ordered", 0, 0, G_OPTION_ARG_NONE, &o.ordered,
                    N_("add: a purchase order (commits), not a request (reserves)"), NULL },
                    { NULL } };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  GError *error = NULL;
  int status = 0;

  if (!outlay_cli_parse_options (cli, _("BUDGET ACTION [NUMBER]"), entries, &argc, &argv, &error))
    status = outlay_cli_fail (error);
  else if (argc < 3 || argc > 4 || (argc == 3 && !g_str_equal (argv[2], "add")))
    status = outlay_cli_usage_error (_("“commitment” needs BUDGET, an action and, except for "
                                       "add, the commitment’s NUMBER"));
  else if ((doc = outlay_cli_open_document (cli, argv[1], &store, &error)) == NULL
           || !run_action (doc, argv[2], argc == 4 ? argv[3] : NULL, &o, &error))
    status = outlay_cli_fail (error);
  options_clear (&o);
  return status;
}

/* ---- the check's rules ---- */

static gboolean
enum_from_nick (GType type, const char *nick, int *value, GError **error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *e = g_enum_get_value_by_nick (klass, nick);

  if (e == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a choice here"), nick);
      return FALSE;
    }
  *value = e->value;
  return TRUE;
}

static const char *
enum_nick (GType type, int value)
{
  return outlay_enum_to_nick (type, value, "");
}

int
outlay_cli_policy (Cli *cli, int argc, char **argv)
{
  g_autofree char *threshold_text = NULL;
  g_autofree char *overrun = NULL;
  g_autofree char *basis = NULL;
  GOptionEntry entries[] = {
    { "auto-approve", 0, 0, G_OPTION_ARG_STRING, &threshold_text,
      N_("Approve purchases up to this amount without asking"), N_("A") },
      { "overrun", 0, 0, G_OPTION_ARG_STRING, &overrun,
        N_("What an overrun does: stop, warn or ignore"), N_("P") },
        { "basis", 0, 0, G_OPTION_ARG_STRING, &basis,
          N_("Hold spending against the annual budget or the one accumulated to date"), N_("B") },
          { NULL } };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(OutlayBudget) edited = NULL;
  OutlayBudget *b;
  g_autofree char *threshold = NULL;
  OutlayDecimal amount;
  int value;
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2)
    return outlay_cli_usage_error (_("“policy” needs exactly one BUDGET"));
  if ((doc = outlay_cli_open_document (cli, argv[1], &store, &error)) == NULL)
    return outlay_cli_fail (error);
  edited = outlay_budget_copy (outlay_document_get_budget (doc));
  if (threshold_text != NULL)
    {
      if (!parse_amount (doc, threshold_text, &amount, &error))
        return outlay_cli_fail (error);
      if (amount < 0)
        return outlay_cli_usage_error (_("--auto-approve cannot be negative"));
      g_object_set (edited, "auto-approval-threshold", amount, NULL);
    }
  if (overrun != NULL)
    {
      if (!enum_from_nick (OUTLAY_TYPE_OVERRUN_POLICY, overrun, &value, &error))
        return outlay_cli_fail (error);
      g_object_set (edited, "overrun-policy", value, NULL);
    }
  if (basis != NULL)
    {
      if (!enum_from_nick (OUTLAY_TYPE_CHECK_BASIS, basis, &value, &error))
        return outlay_cli_fail (error);
      g_object_set (edited, "check-basis", value, NULL);
    }
  if ((threshold_text || overrun || basis) && !outlay_document_update_budget (doc, edited, &error))
    return outlay_cli_fail (error);
  b = outlay_document_get_budget (doc);
  threshold = outlay_currency_format_plain (outlay_budget_get_auto_approval_threshold (b),
                                            outlay_budget_get_currency (b));
  g_print ("%s: %s\n", _("Auto-approve up to"), threshold);
  g_print ("%s: %s\n", _("Overrun"), enum_nick (OUTLAY_TYPE_OVERRUN_POLICY,
                                                 outlay_budget_get_overrun_policy (b)));
  g_print ("%s: %s\n", _("Basis"),
                          enum_nick (OUTLAY_TYPE_CHECK_BASIS, outlay_budget_get_check_basis (b)));
  g_print ("%s: %s\n", _("Budgeted from"),
                          outlay_document_get_budgeted_is_allocation (doc) ? _("allocation")
                                                                           : _("estimate"));
  return 0;
}
