/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-cli"

/* outlay-cli accounts, account, bills, bill, schedule and cashflow: bank
 * accounts, recurring bills, the due schedule and the projected balance.
 * OUTLAY_TODAY=YYYY-MM-DD stands in for today (scripts and tests). */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-cashflow-json.h"
#include "outlay-currency.h"
#include "outlay-error.h"

#include "outlay-cli-private.h"

static void
today (GDate *d)
{
  const char *env = g_getenv ("OUTLAY_TODAY");

  if (env == NULL || !outlay_date_parse_iso (env, d))
    {
      g_date_clear (d, 1);
      g_date_set_time_t (d, time (NULL));
    }
}

static gboolean
parse_date (const char *text, const char *what, GDate *d, GError **error)
{
  if (outlay_date_parse_iso (text, d))
    return TRUE;
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
               _("%s “%s” is not a date (YYYY-MM-DD)"), what, text ? text : "");
  return FALSE;
}

static gboolean
parse_amount (const char *text, const char *what, OutlayDecimal *v, GError **error)
{
  if (outlay_decimal_parse (text, v, NULL))
    return TRUE;
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
               _("%s “%s” is not an amount"), what, text ? text : "");
  return FALSE;
}

static OutlayCashflowBook *
load_book (OutlayStore *store, const char *from_text, const char *to_text, GError **error)
{
  g_autoptr (GArray) snapshots = NULL;
  GDate now, from, to;

  today (&now);
  if ((snapshots = outlay_store_list_snapshots (store, error)) == NULL)
    return NULL;
  outlay_cashflow_default_range (snapshots, &now, &from, &to);
  if ((from_text != NULL && !parse_date (from_text, "--from", &from, error))
      || (to_text != NULL && !parse_date (to_text, "--to", &to, error)))
    return NULL;
  if (g_date_compare (&to, &from) < 0)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("--to %s is before --from %s"), to_text ? to_text : "",
                      from_text ? from_text : "");
      return NULL;
    }
  return outlay_cashflow_book_load (store, &from, &to, &now, error);
}

/* ---- accounts ---- */

int
outlay_cli_accounts (Cli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = { { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
                               { NULL } };
  g_autoptr (OutlayStore) store = NULL;
  g_autoptr (OutlayCashflowBook) book = NULL;
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, NULL, entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc > 1)
    return outlay_cli_usage_error (_("“accounts” takes no arguments"));
  if ((store = outlay_cli_open_store (cli, &error)) == NULL
      || (book = load_book (store, NULL, NULL, &error)) == NULL)
    return outlay_cli_fail (error);
  if (json)
    {
      g_autoptr (JsonNode) node = outlay_cashflow_accounts_to_json (book);
      outlay_cli_print_json (node);
      return 0;
    }
  for (guint i = 0; i < book->accounts->len; i++)
    {
      OutlayAccount *a = g_ptr_array_index (book->accounts, i);
      OutlayProjection *p = g_ptr_array_index (book->projections, i);
      const OutlayBalancePoint *pt = outlay_projection_point_at (p, &book->today);
      g_autofree char *balance = outlay_currency_format_plain (
          pt ? pt->balance : outlay_account_get_balance (a), outlay_account_get_currency (a));

      g_print ("%4" G_GINT64_FORMAT "  %-30s %-12s %s %16s\n", outlay_account_get_id (a),
               outlay_account_get_name (a),
               outlay_account_kind_to_string (outlay_account_get_kind (a)),
               outlay_account_get_currency (a), balance);
    }
  return 0;
}

static int
account_add (Cli *cli, int argc, char **argv)
{
  g_autoptr (OutlayStore) store = NULL;
  g_autofree char *kind = NULL, *currency = NULL, *opening = NULL, *date = NULL, *reserve = NULL;
  GOptionEntry entries[] = { { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind,
                               N_ ("checking, savings, credit-card or cash"), N_ ("KIND") },
                               { "currency", 'c', 0, G_OPTION_ARG_STRING, &currency,
                                 N_ ("ISO 4217 currency code"), N_ ("CODE") },
                                 { "opening", 'o', 0, G_OPTION_ARG_STRING, &opening,
                                   N_ ("The opening balance"), N_ ("AMOUNT") },
                                   { "date", 0, 0, G_OPTION_ARG_STRING, &date,
                                     N_ ("The opening balance's date"), N_ ("DATE") },
                                     { "reserve", 'r', 0, G_OPTION_ARG_STRING, &reserve,
                                       N_ ("The balance to keep at least"), N_ ("AMOUNT") },
                                       { NULL } };
  g_autoptr (OutlayAccount) a = outlay_account_new ();
  OutlayAccountKind k = OUTLAY_ACCOUNT_KIND_CHECKING;
  OutlayDecimal v = 0, r = 0;
  GDate d;
  g_autofree char *date_iso = NULL;
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, _("add NAME"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 3)
    return outlay_cli_usage_error (_("“account add” needs exactly one NAME"));
  if (kind != NULL && !outlay_account_kind_from_string (kind, &k))
    return outlay_cli_usage_error (_("--kind is checking, savings, credit-card or cash"));
  today (&d);
  if ((opening != NULL && !parse_amount (opening, "--opening", &v, &error))
      || (reserve != NULL && !parse_amount (reserve, "--reserve", &r, &error))
      || (date != NULL && !parse_date (date, "--date", &d, &error)))
    return outlay_cli_fail (error);
  date_iso = outlay_date_to_iso (&d);
  g_object_set (a, "name", argv[2], "kind", k, "currency", currency ? currency : "USD", "balance",
                v, "balance-date", date_iso, "reserve", r, NULL);
  if ((store = outlay_cli_open_store (cli, &error)) == NULL
      || !outlay_store_save_account (store, a, &error))
    return outlay_cli_fail (error);
  g_print ("%" G_GINT64_FORMAT "\n", outlay_account_get_id (a));
  return 0;
}

static int
account_balance (Cli *cli, int argc, char **argv)
{
  g_autoptr (OutlayStore) store = NULL;
  g_autofree char *date = NULL;
  GOptionEntry entries[] = { { "date", 0, 0, G_OPTION_ARG_STRING, &date,
                               N_ ("The day of the balance (default: today)"), N_ ("DATE") },
                               { NULL } };
  g_autoptr (OutlayAccount) a = NULL;
  OutlayBalanceSnapshot s = { 0 };
  GDate now;
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, _("balance ACCOUNT AMOUNT"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 4)
    return outlay_cli_usage_error (_("“account balance” needs an ACCOUNT and an AMOUNT"));
  today (&now);
  s.date = now;
  if (!parse_amount (argv[3], _("The balance"), &s.balance, &error)
                     || (date != NULL && !parse_date (date, "--date", &s.date, &error))
                     || (store = outlay_cli_open_store (cli, &error)) == NULL
                     || (a = outlay_store_find_account (store, argv[2], &error)) == NULL)
    return outlay_cli_fail (error);
  s.account_id = outlay_account_get_id (a);
  if (!outlay_store_set_snapshot (store, &s, &now, &error))
    return outlay_cli_fail (error);
  return 0;
}

int
outlay_cli_account (Cli *cli, int argc, char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return account_add (cli, argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "balance"))
    return account_balance (cli, argc, argv);
  return outlay_cli_usage_error (_("“account” takes add or balance"));
}

/* ---- bills ---- */

int
outlay_cli_bills (Cli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = { { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
                               { NULL } };
  g_autoptr (OutlayStore) store = NULL;
  g_autoptr (OutlayCashflowBook) book = NULL;
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, NULL, entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc > 1)
    return outlay_cli_usage_error (_("“bills” takes no arguments"));
  if ((store = outlay_cli_open_store (cli, &error)) == NULL
      || (book = load_book (store, NULL, NULL, &error)) == NULL)
    return outlay_cli_fail (error);
  if (json)
    {
      g_autoptr (JsonNode) node = outlay_cashflow_bills_to_json (book);
      outlay_cli_print_json (node);
      return 0;
    }
  for (guint i = 0; i < book->bills->len; i++)
    {
      OutlayBill *bill = g_ptr_array_index (book->bills, i);
      OutlayAccount *a = outlay_cashflow_book_account (book, outlay_bill_get_account_id (bill));
      OutlayRecurrence rule;
      OutlayWeekendRule weekend;
      g_autofree char *words = NULL;
      g_autofree char *amount = outlay_currency_format_plain (
          outlay_bill_get_amount (bill), a ? outlay_account_get_currency (a) : "USD");

      if (outlay_cashflow_bill_rule (bill, &rule, &weekend, NULL))
        words = outlay_recurrence_describe (&rule);
      g_print ("%4" G_GINT64_FORMAT "  %-24s %-16s %s%14s  %s\n", outlay_bill_get_id (bill),
               outlay_bill_get_payee (bill), a ? outlay_account_get_name (a) : "",
               outlay_bill_get_income (bill) ? "+" : "-", amount, words ? words : "");
    }
  return 0;
}

typedef struct
{
  char *account;
  char *amount;
  char *start;
  char *rule;
  char *weekend;
  char *currency;
  char *category;
  char *notes;
  char *budget;
  char *line;
  char *line_section;
  gboolean no_line;
  gboolean approximate;
  gboolean exact;
  gboolean income;
  gint priority;
} BillOptions;

static void
bill_options_clear (BillOptions *o)
{
  g_free (o->account);
  g_free (o->amount);
  g_free (o->start);
  g_free (o->rule);
  g_free (o->weekend);
  g_free (o->currency);
  g_free (o->category);
  g_free (o->notes);
  g_free (o->budget);
  g_free (o->line);
  g_free (o->line_section);
}

/* Applies the options given to @bill, checking each as it goes */
static gboolean
apply_bill_options (Cli *cli, OutlayStore *store, OutlayBill *bill, BillOptions *o, GError **error)
{
  OutlayRecurrence rule;
  OutlayWeekendRule weekend;
  OutlayDecimal v;
  GDate d;

  if (o->account != NULL)
    {
      g_autoptr (OutlayAccount) a = outlay_store_find_account (store, o->account, error);

      if (a == NULL)
        return FALSE;
      g_object_set (bill, "account-id", outlay_account_get_id (a), NULL);
    }
  if (o->amount != NULL)
    {
      if (!parse_amount (o->amount, "--amount", &v, error))
        return FALSE;
      if (v < 0)
        return g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                            _("--amount is what is paid or received, without a sign; use "
                              "--income for money coming in")),
                            FALSE;
      g_object_set (bill, "amount", v, NULL);
    }
  if (o->start != NULL)
    {
      if (!parse_date (o->start, "--start", &d, error))
        return FALSE;
      g_object_set (bill, "due-date", o->start, NULL);
    }
  if (o->rule != NULL)
    g_object_set (bill, "recurrence", o->rule, NULL);
  if (o->weekend != NULL)
    g_object_set (bill, "weekend", o->weekend, NULL);
  if (o->currency != NULL)
    g_object_set (bill, "currency", o->currency, NULL);
  if (o->notes != NULL)
    g_object_set (bill, "notes", o->notes, NULL);
  if (o->approximate || o->exact)
    g_object_set (bill, "approximate", o->approximate, NULL);
  if (o->income)
    g_object_set (bill, "income", TRUE, NULL);
  if (o->priority >= 0)
    g_object_set (bill, "priority", (gint64) o->priority, NULL);
  if (o->no_line)
    g_object_set (bill, "line-id", (gint64) 0, NULL);
  else if (o->line != NULL || o->budget != NULL)
    {
      g_autoptr (OutlayStore) other = NULL;
      g_autoptr (OutlayDocument) doc = NULL;
      OutlayLine *line;

      if (o->line == NULL || o->budget == NULL)
        return g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                            _("--budget and --line go together: the budget line paid bills "
                              "become actuals of")),
                            FALSE;
      if ((doc = outlay_cli_open_document (cli, o->budget, &other, error)) == NULL
          || (line = outlay_cli_find_line (doc, o->line, o->line_section, error)) == NULL)
        return FALSE;
      g_object_set (bill, "line-id", outlay_line_get_id (line), NULL);
    }
  if (o->category != NULL)
    {
      gint64 id = outlay_store_add_category (store, o->category, error);

      if (id == 0)
        return FALSE;
      g_object_set (bill, "category-id", id, NULL);
    }
  /* the engine checks the rule; the store checks the rest */
  return outlay_cashflow_bill_rule (bill, &rule, &weekend, error);
}

static int
bill_write (Cli *cli, int argc, char **argv, gboolean add)
{
  BillOptions o = { .priority = -1 };
  GOptionEntry entries[] = {
    { "account", 'a', 0, G_OPTION_ARG_STRING, &o.account,
      N_ ("The account it is paid from"), N_ ("ACCOUNT") },
      { "amount", 'm', 0, G_OPTION_ARG_STRING, &o.amount, N_ ("The amount"), N_ ("AMOUNT") },
        { "start", 's', 0, G_OPTION_ARG_STRING, &o.start, N_ ("The first due date"), N_ ("DATE") },
          { "rule", 'r', 0, G_OPTION_ARG_STRING, &o.rule,
            N_ ("How it repeats, an RFC 5545 RRULE (FREQ=MONTHLY;BYMONTHDAY=-1); empty: once"),
                N_ ("RRULE") },
            { "weekend", 'w', 0, G_OPTION_ARG_STRING, &o.weekend,
              N_ ("A date on a weekend moves before, after, or keep"), N_ ("WHERE") },
              { "currency", 'c', 0, G_OPTION_ARG_STRING, &o.currency,
                N_ ("Its currency (must be the account's)"), N_ ("CODE") },
                { "category", 0, 0, G_OPTION_ARG_STRING, &o.category,
                  N_ ("Its category"), N_ ("NAME") },
                  { "notes", 'n', 0, G_OPTION_ARG_STRING, &o.notes, N_ ("Notes"), N_ ("TEXT") },
                    { "budget", 'b', 0, G_OPTION_ARG_STRING, &o.budget,
                      N_ ("The budget whose line it pays into"), N_ ("BUDGET") },
                      { "line", 'l', 0, G_OPTION_ARG_STRING, &o.line,
                        N_ ("The line (its code) whose actuals its payments become"), N_ ("CODE") },
                        { "section", 0, 0, G_OPTION_ARG_STRING, &o.line_section,
                          N_ ("The line's section, when codes repeat"), N_ ("CODE") },
                          { "no-line", 0, 0, G_OPTION_ARG_NONE, &o.no_line,
                            N_ ("Pay into no budget line"), NULL },
                            { "approximate", 0, 0, G_OPTION_ARG_NONE, &o.approximate,
                              N_ ("The amount is an estimate"), NULL },
                              { "exact", 0, 0, G_OPTION_ARG_NONE, &o.exact,
                                N_ ("The amount is exact"), NULL },
                                { "income", 0, 0, G_OPTION_ARG_NONE, &o.income,
                                  N_ ("Money coming in"), NULL },
                                  { "priority", 'p', 0, G_OPTION_ARG_INT, &o.priority,
                                    N_ ("Its order within a day, lower first"), N_ ("N") },
                                    { NULL } };
  g_autoptr (OutlayStore) store = NULL;
  g_autoptr (OutlayBill) bill = NULL;
  GError *error = NULL;
  int status = 0;

  if (!outlay_cli_parse_options (cli, add ? _("add PAYEE")
                                          : _("set BILL"), entries, &argc, &argv, &error))
    status = outlay_cli_fail (error);
  else if (argc != 3)
    status = outlay_cli_usage_error (add ? _("“bill add” needs exactly one PAYEE")
                                         : _("“bill set” needs exactly one BILL"));
  else if (add && (o.account == NULL || o.amount == NULL || o.start == NULL))
    status = outlay_cli_usage_error (_("“bill add” needs --account, --amount and --start"));
  else if ((store = outlay_cli_open_store (cli, &error)) == NULL)
    status = outlay_cli_fail (error);
  else
    {
      bill = add ? g_object_new (OUTLAY_TYPE_BILL, "payee", argv[2], NULL)
                 : outlay_store_find_bill (store, argv[2], &error);
      if (bill == NULL || !apply_bill_options (cli, store, bill, &o, &error)
          || !outlay_store_save_bill (store, bill, &error))
        status = outlay_cli_fail (error);
      else if (add)
        g_print ("%" G_GINT64_FORMAT "\n", outlay_bill_get_id (bill));
    }
  bill_options_clear (&o);
  return status;
}

static int
bill_delete (Cli *cli, int argc, char **argv)
{
  g_autoptr (OutlayStore) store = NULL;
  g_autoptr (OutlayBill) bill = NULL;
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, _("delete BILL"), NULL, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 3)
    return outlay_cli_usage_error (_("“bill delete” needs exactly one BILL"));
  if ((store = outlay_cli_open_store (cli, &error)) == NULL
      || (bill = outlay_store_find_bill (store, argv[2], &error)) == NULL
      || !outlay_store_delete_bill (store, outlay_bill_get_id (bill), &error))
    return outlay_cli_fail (error);
  return 0;
}

/* bill pay|skip|move|due BILL DATE: one occurrence, named by its rule's date */
static int
bill_occurrence (Cli *cli, int argc, char **argv)
{
  g_autofree char *amount = NULL, *to = NULL;
  GOptionEntry entries[] = { { "amount", 'm', 0, G_OPTION_ARG_STRING, &amount,
                               N_ ("What was paid (default: the bill's amount)"), N_ ("AMOUNT") },
                               { "to", 0, 0, G_OPTION_ARG_STRING, &to,
                                 N_ ("The date to move it to"), N_ ("DATE") }, { NULL } };
  g_autoptr (OutlayStore) store = NULL;
  g_autoptr (OutlayBill) bill = NULL;
  OutlayBillOccurrence o = { 0 };
  OutlayRecurrence rule;
  OutlayWeekendRule weekend;
  g_autoptr (GArray) check = NULL;
  const char *verb = argv[1];
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, _("pay|skip|move|due BILL DATE"), entries, &argc, &argv,
                                         &error))
    return outlay_cli_fail (error);
  if (argc != 4)
    return outlay_cli_usage_error (_("this needs a BILL and the DATE of its occurrence"));
  o.position = -1;
  g_date_clear (&o.moved_to, 1);
  if (!parse_date (argv[3], _("The occurrence"), &o.original, &error)
                   || (store = outlay_cli_open_store (cli, &error)) == NULL
                   || (bill = outlay_store_find_bill (store, argv[2], &error)) == NULL
                   || !outlay_cashflow_bill_rule (bill, &rule, &weekend, &error))
    return outlay_cli_fail (error);
  check = outlay_recurrence_expand (&rule, OUTLAY_WEEKEND_KEEP, &o.original, &o.original);
  if (check->len == 0)
    return outlay_cli_fail (g_error_new (OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                                         _("“%s” is not due on %s (see “outlay-cli schedule”)"),
                                            outlay_bill_get_payee (bill), argv[3]));
  o.bill_id = outlay_bill_get_id (bill);
  o.paid_amount = outlay_bill_get_amount (bill);
  if (g_str_equal (verb, "pay"))
    {
      o.status = OUTLAY_BILL_STATUS_PAID;
      if (amount != NULL && !parse_amount (amount, "--amount", &o.paid_amount, &error))
        return outlay_cli_fail (error);
    }
  else if (g_str_equal (verb, "skip"))
    o.status = OUTLAY_BILL_STATUS_SKIPPED;
  else if (g_str_equal (verb, "move"))
    {
      if (to == NULL)
        return outlay_cli_usage_error (_("“bill move” needs --to DATE"));
      if (!parse_date (to, "--to", &o.moved_to, &error))
        return outlay_cli_fail (error);
    }
  if (!outlay_store_set_occurrences (store, &o, 1, &error))
    return outlay_cli_fail (error);
  return 0;
}

int
outlay_cli_bill (Cli *cli, int argc, char **argv)
{
  const char *verb = argc >= 2 ? argv[1] : "";

  if (g_str_equal (verb, "add") || g_str_equal (verb, "set"))
    return bill_write (cli, argc, argv, g_str_equal (verb, "add"));
  if (g_str_equal (verb, "delete"))
    return bill_delete (cli, argc, argv);
  if (g_str_equal (verb, "pay") || g_str_equal (verb, "skip") || g_str_equal (verb, "move")
      || g_str_equal (verb, "due"))
    return bill_occurrence (cli, argc, argv);
  return outlay_cli_usage_error (_("“bill” takes add, set, delete, pay, skip, move or due"));
}

/* ---- schedule and cash flow ---- */

static const char *
status_mark (const OutlayScheduleItem *item)
{
  return outlay_occurrence_status_to_string (item->status);
}

int
outlay_cli_schedule (Cli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  g_autofree char *from = NULL, *to = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_ ("The first day"), N_ ("DATE") },
      { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_ ("The last day"), N_ ("DATE") },
        { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL }, { NULL } };
  g_autoptr (OutlayStore) store = NULL;
  g_autoptr (OutlayCashflowBook) book = NULL;
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, NULL, entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc > 1)
    return outlay_cli_usage_error (_("“schedule” takes no arguments"));
  if ((store = outlay_cli_open_store (cli, &error)) == NULL
      || (book = load_book (store, from, to, &error)) == NULL)
    return outlay_cli_fail (error);
  if (json)
    {
      g_autoptr (JsonNode) node = outlay_cashflow_schedule_to_json (book);
      outlay_cli_print_json (node);
      return 0;
    }
  for (guint i = 0; i < book->schedule->len; i++)
    {
      OutlayScheduleItem *item = g_ptr_array_index (book->schedule, i);
      OutlayAccount *a = outlay_cashflow_book_account (book,
                                                       outlay_bill_get_account_id (item->bill));
      g_autofree char *date = outlay_date_to_iso (&item->date);
      g_autofree char *amount = outlay_currency_format_plain (item->amount,
                                                              outlay_account_get_currency (a));
      g_autofree char *balance = outlay_currency_format_plain (item->balance,
                                                               outlay_account_get_currency (a));

      g_print ("%s  %-24s %-16s %14s%s %-8s %14s\n", date, outlay_bill_get_payee (item->bill),
               outlay_account_get_name (a), amount,
               outlay_bill_get_approximate (item->bill) ? "~" : " ", status_mark (item), balance);
    }
  return 0;
}

int
outlay_cli_cashflow (Cli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  g_autofree char *until = NULL;
  GOptionEntry entries[] = {
    { "until", 'u', 0, G_OPTION_ARG_STRING, &until, N_ ("The last day to project"), N_ ("DATE") },
      { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL }, { NULL } };
  g_autoptr (OutlayStore) store = NULL;
  g_autoptr (OutlayCashflowBook) book = NULL;
  g_autoptr (OutlayAccount) account = NULL;
  g_autofree char *from = NULL;
  OutlayProjection *p;
  const char *cur;
  GDate now;
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, _("ACCOUNT"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2)
    return outlay_cli_usage_error (_("“cashflow” needs exactly one ACCOUNT"));
  today (&now);
  from = outlay_date_to_iso (&now);
  if ((store = outlay_cli_open_store (cli, &error)) == NULL
      || (account = outlay_store_find_account (store, argv[1], &error)) == NULL
      || (book = load_book (store, from, until, &error)) == NULL)
    return outlay_cli_fail (error);
  p = outlay_cashflow_book_projection (book, outlay_account_get_id (account));
  if (json)
    {
      g_autoptr (JsonNode) node = outlay_cashflow_projection_to_json (book, p);
      outlay_cli_print_json (node);
      return 0;
    }
  cur = outlay_account_get_currency (p->account);
  {
    g_autofree char *safe = outlay_currency_format (p->safe_amount, cur);
    g_autofree char *safe_until = g_date_valid (&p->safe_until)
                                      ? outlay_date_to_iso (&p->safe_until)
                                      : g_strdup ("-");
    g_autofree char *minimum = outlay_currency_format (
        g_array_index (p->points, OutlayBalancePoint, 0).minimum, cur);

    g_print (_("%s: lowest balance %s; safe to spend until %s: %s\n"),
                outlay_account_get_name (p->account), minimum, safe_until, safe);
  }
  if (p->shortfall)
    {
      g_autofree char *when = outlay_date_to_iso (&p->shortfall_date);
      g_autofree char *short_by = outlay_currency_format (p->shortfall_amount, cur);

      g_print (_("Shortfall from %s: %s below the reserve\n"), when, short_by);
      for (guint i = 0; i < p->suggestions->len; i++)
        {
          g_autofree char *text = outlay_cashflow_suggestion_text (
              book, p, &g_array_index (p->suggestions, OutlaySuggestion, i));
          g_print ("  %s\n", text);
        }
    }
  for (guint i = 0; i < p->items->len; i++)
    {
      OutlayScheduleItem *item = &g_array_index (p->items, OutlayScheduleItem, i);
      g_autofree char *date = outlay_date_to_iso (&item->date);
      g_autofree char *amount = outlay_currency_format_plain (item->amount, cur);
      g_autofree char *balance = outlay_currency_format_plain (item->balance, cur);

      g_print ("%s  %-24s %14s %-8s %14s\n", date, outlay_bill_get_payee (item->bill), amount,
               status_mark (item), balance);
    }
  return 0;
}

/* ---- categories ---- */

int
outlay_cli_categories (Cli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = { { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
                               { NULL } };
  g_autoptr (OutlayStore) store = NULL;
  g_autoptr (GPtrArray) categories = NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, NULL, entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc > 1)
    return outlay_cli_usage_error (_("“categories” takes no arguments"));
  if ((store = outlay_cli_open_store (cli, &error)) == NULL
      || (categories = outlay_store_list_categories (store, &error)) == NULL)
    return outlay_cli_fail (error);
  json_builder_begin_array (b);
  for (guint i = 0; i < categories->len; i++)
    {
      OutlayCategory *c = g_ptr_array_index (categories, i);
      g_autoptr (GPtrArray) sections = outlay_store_list_category_sections (store, c->id, &error);

      if (sections == NULL)
        return outlay_cli_fail (error);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, c->name);
      json_builder_set_member_name (b, "sections");
      json_builder_begin_array (b);
      for (guint j = 0; j < sections->len; j++)
        json_builder_add_string_value (b, g_ptr_array_index (sections, j));
      json_builder_end_array (b);
      json_builder_end_object (b);
      if (!json)
        {
          g_print ("%s\n", c->name);
          for (guint j = 0; j < sections->len; j++)
            g_print ("    %s\n", (char *) g_ptr_array_index (sections, j));
        }
    }
  json_builder_end_array (b);
  if (json)
    {
      g_autoptr (JsonNode) root = json_builder_get_root (b);
      outlay_cli_print_json (root);
    }
  return 0;
}

/* category link NAME --budget B --section CODE: the section shares it */
int
outlay_cli_category (Cli *cli, int argc, char **argv)
{
  g_autofree char *budget = NULL, *section_code = NULL;
  GOptionEntry entries[] = { { "budget", 'b', 0, G_OPTION_ARG_STRING, &budget,
                               N_ ("The budget"), N_ ("BUDGET") },
                               { "section", 's', 0, G_OPTION_ARG_STRING, &section_code,
                                 N_ ("The section's code or name"), N_ ("CODE") }, { NULL } };
  g_autoptr (OutlayStore) store = NULL;
  g_autoptr (OutlayStore) doc_store = NULL;
  g_autoptr (OutlayDocument) doc = NULL;
  OutlaySection *section = NULL;
  gint64 id;
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, _("link NAME"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 3 || !g_str_equal (argv[1], "link") || budget == NULL || section_code == NULL)
    return outlay_cli_usage_error (_("“category” takes link NAME --budget BUDGET --section CODE"));
  if ((doc = outlay_cli_open_document (cli, budget, &doc_store, &error)) == NULL)
    return outlay_cli_fail (error);
  for (guint i = 0; section == NULL && i < outlay_document_get_n_sections (doc); i++)
    {
      OutlaySection *s = outlay_document_get_section (doc, i);

      if (g_strcmp0 (outlay_section_get_code (s), section_code) == 0
          || g_strcmp0 (outlay_section_get_name (s), section_code) == 0)
        section = s;
    }
  if (section == NULL)
    return outlay_cli_fail (
        g_error_new (OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                     _("“%s” has no section “%s”"),
                        outlay_budget_get_name (outlay_document_get_budget (doc)), section_code));
  if ((store = outlay_cli_open_store (cli, &error)) == NULL
      || (id = outlay_store_add_category (store, argv[2], &error)) == 0
      || !outlay_store_link_category (store, id, outlay_section_get_id (section), &error))
    return outlay_cli_fail (error);
  return 0;
}
