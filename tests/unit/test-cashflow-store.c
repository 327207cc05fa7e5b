/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "outlay-cashflow-json.h"
#include "outlay-error.h"
#include "outlay-store-bills.h"
#include "outlay-store-private.h"
#include "outlay-test-util.h"

/* Accounts, bills and occurrences in the store, and outlay-cli's cash-flow
 * commands on them.  Amounts are written out by hand. */

#define D(units) OUTLAY_DECIMAL_FROM_INT (units)

typedef struct
{
  char *dir;
  char *db;
  OutlayStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = outlay_test_make_dir ();
  f->db = g_build_filename (f->dir, "cash.db", NULL);
  f->store = outlay_store_open (f->db, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  outlay_test_remove_dir (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

static GDate
day (const char *iso)
{
  GDate d;

  g_assert_true (outlay_date_parse_iso (iso, &d));
  return d;
}

static int
count (Fixture *f, const char *sql)
{
  return outlay_test_query_int (outlay_store_get_db (f->store), sql);
}

static OutlayAccount *
add_account (Fixture *f, const char *name, const char *currency, gint64 opening)
{
  g_autoptr (GError) error = NULL;
  OutlayAccount *a = g_object_new (OUTLAY_TYPE_ACCOUNT, "name", name, "currency", currency,
                                   "balance", D (opening), "balance-date", "2026-03-01", NULL);

  g_assert_true (outlay_store_save_account (f->store, a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_account_get_id (a), >, 0);
  return a;
}

static OutlayBill *
add_bill (Fixture *f,
          OutlayAccount *a,
          const char *payee,
          gint64 amount,
          const char *start,
          const char *rule)
{
  g_autoptr (GError) error = NULL;
  OutlayBill *b = g_object_new (OUTLAY_TYPE_BILL, "payee", payee, "account-id",
                                outlay_account_get_id (a), "amount", D (amount), "due-date", start,
                                "recurrence", rule, NULL);

  g_assert_true (outlay_store_save_bill (f->store, b, &error));
  g_assert_no_error (error);
  return b;
}

static void
assert_refused (GError *error, const char *fragment)
{
  g_assert_nonnull (error);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
}

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayAccount) a = add_account (f, "Checking", "EUR", 1000);
  g_autoptr (OutlayBill) b = add_bill (f, a, "Rent", 1200, "2026-01-01", "FREQ=MONTHLY");
  g_autoptr (GPtrArray) bills = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  OutlayBill *got;

  g_object_set (b, "weekend", "after", "approximate", TRUE, "priority", (gint64) 3, NULL);
  g_assert_true (outlay_store_save_bill (f->store, b, &error));
  bills = outlay_store_list_bills (f->store, &error);
  g_assert_cmpuint (bills->len, ==, 1);
  got = g_ptr_array_index (bills, 0);
  g_assert_cmpstr (outlay_bill_get_payee (got), ==, "Rent");
  g_assert_cmpstr (outlay_bill_get_weekend (got), ==, "after");
  g_assert_true (outlay_bill_get_approximate (got));
  g_assert_cmpint (outlay_bill_get_priority (got), ==, 3);
  g_assert_cmpint (outlay_bill_get_amount (got), ==, D (1200));
  accounts = outlay_store_list_accounts (f->store, &error);
  g_assert_cmpuint (accounts->len, ==, 1);
  g_assert_cmpint (outlay_account_get_balance (g_ptr_array_index (accounts, 0)), ==, D (1000));
  /* every write is audited */
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE entity = 'bill'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE entity = 'account'"), ==, 1);
}

static void
test_bad_input (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayAccount) a = add_account (f, "Checking", "EUR", 1000);
  g_autoptr (OutlayBill) b = g_object_new (OUTLAY_TYPE_BILL, "payee", "Gym", "account-id",
                                           outlay_account_get_id (a), "amount", D (30), "due-date",
                                           "2026-01-01", "currency", "USD", NULL);
  OutlayBalanceSnapshot future = { outlay_account_get_id (a), day ("2026-03-11"), D (5) };
  GDate today = day ("2026-03-10");
  int audit = count (f, "SELECT count(*) FROM audit");

  g_assert_false (outlay_store_save_bill (f->store, b, &error));
  assert_refused (error, "is in USD but the account “Checking” is in EUR");
  g_clear_error (&error);
  g_assert_false (outlay_store_set_snapshot (f->store, &future, &today, &error));
  assert_refused (error, "in the future");
  g_clear_error (&error);
  g_object_set (b, "currency", NULL, "due-date", "2026-02-30", NULL);
  g_assert_false (outlay_store_save_bill (f->store, b, &error));
  assert_refused (error, "first due date");
  g_clear_error (&error);
  g_object_set (b, "due-date", "2026-02-01", "account-id", (gint64) 99, NULL);
  g_assert_false (outlay_store_save_bill (f->store, b, &error));
  assert_refused (error, "no account “99”");
  /* nothing written */
  g_assert_cmpint (count (f, "SELECT count(*) FROM bills"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM balance_snapshots"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audit);
}

/* the order within a day is stored, read back and used by the schedule */
static void
test_priority_order (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayAccount) a = add_account (f, "Checking", "EUR", 1000);
  g_autoptr (OutlayBill) rent = add_bill (f, a, "Rent", 700, "2026-04-01", "FREQ=MONTHLY");
  g_autoptr (OutlayBill) car = add_bill (f, a, "Car", 200, "2026-04-01", "FREQ=MONTHLY");
  g_autoptr (OutlayCashflowBook) book = NULL;
  GDate from = day ("2026-04-01"), to = day ("2026-04-01"), today = day ("2026-03-10");
  OutlayBillOccurrence order[2] = {
    { outlay_bill_get_id (car), day ("2026-04-01"), OUTLAY_BILL_STATUS_DUE, { 0 }, 0, 0 },
    { outlay_bill_get_id (rent), day ("2026-04-01"), OUTLAY_BILL_STATUS_DUE, { 0 }, 0, 1 },
  };
  OutlayScheduleItem *first, *second;

  book = outlay_cashflow_book_load (f->store, &from, &to, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (
      outlay_bill_get_payee (((OutlayScheduleItem *) g_ptr_array_index (book->schedule, 0))->bill),
      ==, "Rent");
  g_clear_pointer (&book, outlay_cashflow_book_free);
  g_date_clear (&order[0].moved_to, 1);
  g_date_clear (&order[1].moved_to, 1);
  g_assert_true (outlay_store_set_occurrences (f->store, order, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM bill_occurrences"), ==, 2);
  book = outlay_cashflow_book_load (f->store, &from, &to, &today, &error);
  first = g_ptr_array_index (book->schedule, 0);
  second = g_ptr_array_index (book->schedule, 1);
  g_assert_cmpstr (outlay_bill_get_payee (first->bill), ==, "Car");
  g_assert_cmpint (first->balance, ==, D (800));
  g_assert_cmpstr (outlay_bill_get_payee (second->bill), ==, "Rent");
  g_assert_cmpint (second->balance, ==, D (100));
  /* back to the rule's order: the rows go */
  order[0].position = order[1].position = -1;
  g_assert_true (outlay_store_set_occurrences (f->store, order, 2, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM bill_occurrences"), ==, 0);
}

static gint64
line_actual (sqlite3 *db, gint64 line)
{
  g_autofree char *sql = g_strdup_printf ("SELECT actual FROM lines WHERE id = %" G_GINT64_FORMAT,
                                          line);

  return outlay_test_query_int (db, sql);
}

/* a bill that pays into a budget line makes its paid occurrences actuals */
static void
test_paid_into_line (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayAccount) a = NULL;
  g_autoptr (OutlayBill) b = NULL;
  sqlite3 *db = outlay_store_get_db (f->store);
  gint64 line, before;
  OutlayBillOccurrence paid = { 0 };

  g_assert_true (outlay_store_add_sample (f->store, NULL, &error));
  line = outlay_test_query_int (db, "SELECT min(l.id) FROM lines l JOIN budgets b ON b.id ="
                                    " l.budget_id WHERE b.currency = 'USD'");
  before = line_actual (db, line);
  a = add_account (f, "Operating", "USD", 5000);
  b = add_bill (f, a, "Studio rent", 900, "2026-01-05", "FREQ=MONTHLY");
  g_object_set (b, "line-id", line, NULL);
  g_assert_true (outlay_store_save_bill (f->store, b, &error));
  g_assert_no_error (error);
  paid.bill_id = outlay_bill_get_id (b);
  paid.original = day ("2026-02-05");
  g_date_clear (&paid.moved_to, 1);
  paid.status = OUTLAY_BILL_STATUS_PAID;
  paid.paid_amount = D (950);
  paid.position = -1;
  g_assert_true (outlay_store_set_occurrences (f->store, &paid, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (line_actual (db, line), ==, before + D (950));
  /* paid a different amount after all: the line follows */
  paid.paid_amount = D (925);
  g_assert_true (outlay_store_set_occurrences (f->store, &paid, 1, &error));
  g_assert_cmpint (line_actual (db, line), ==, before + D (925));
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE entity = 'line' AND action ="
                             " 'bill-paid'"),
                   ==, 2);
  /* deleting the bill takes its payments out of the line */
  g_assert_true (outlay_store_delete_bill (f->store, outlay_bill_get_id (b), &error));
  g_assert_cmpint (line_actual (db, line), ==, before);
  g_assert_cmpint (count (f, "SELECT count(*) FROM bill_occurrences"), ==, 0);
}

/* ---- outlay-cli ---- */

typedef struct
{
  int status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void run_cli (Fixture *f, Result *r, const char *first, ...) G_GNUC_NULL_TERMINATED;

static void
run_cli (Fixture *f, Result *r, const char *first, ...)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) envp = g_get_environ ();
  const char *cli = g_getenv ("OUTLAY_CLI");
  int wait_status = 0;
  va_list args;

  if (cli == NULL)
    g_error ("OUTLAY_CLI is not set; run the tests with meson test");
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", f->dir, TRUE);
  envp = g_environ_setenv (envp, "OUTLAY_TODAY", "2026-03-10", TRUE);
  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, f->db);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &r->out, &r->err, &wait_status, &error));
  g_assert_no_error (error);
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

#define RUN_OK(f, ...)                                                                             \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_auto (Result) r_ = { 0 };                                                                    \
    run_cli (f, &r_, __VA_ARGS__, NULL);                                                           \
    if (r_.status != 0)                                                                            \
      g_error ("outlay-cli failed: %s", r_.err);                                                   \
  }                                                                                                \
  G_STMT_END

static JsonObject *
parse_object (const char *text, JsonNode **keep)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  *keep = json_node_copy (json_parser_get_root (parser));
  return json_node_get_object (*keep);
}

static void
crafted (Fixture *f)
{
  g_clear_object (&f->store);
  RUN_OK (f, "account", "add", "Checking", "--currency", "EUR", "--opening", "1000", "--date",
          "2026-03-01", "--reserve", "100");
  RUN_OK (f, "account", "add", "Savings", "--kind", "savings", "--currency", "EUR", "--opening",
          "5000", "--date", "2026-03-01", "--reserve", "1000");
  RUN_OK (f, "bill", "add", "Salary", "--account", "Checking", "--amount", "2000", "--start",
          "2026-01-30", "--rule", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "--income");
  RUN_OK (f, "bill", "add", "Rent", "--account", "Checking", "--amount", "2800", "--start",
          "2026-01-01", "--rule", "FREQ=MONTHLY");
  RUN_OK (f, "bill", "add", "Phone", "--account", "Checking", "--amount", "50", "--start",
          "2026-01-15", "--rule", "FREQ=MONTHLY", "--approximate");
  RUN_OK (f, "bill", "add", "Insurance", "--account", "Checking", "--amount", "300", "--start",
          "2026-03-20", "--priority", "5");
}

static void
test_cli_cashflow_json (Fixture *f, gconstpointer data)
{
  g_auto (Result) r = { 0 };
  g_autoptr (JsonNode) root = NULL;
  JsonObject *o, *shortfall, *s;
  JsonArray *items, *suggestions;

  crafted (f);
  /* 1 March's rent is in the opening balance; 31 March 2,650 − 2,800 on
   * 1 April = −150, −200 after the phone on the 15th */
  run_cli (f, &r, "cashflow", "Checking", "--until", "2026-04-30", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  o = parse_object (r.out, &root);
  g_assert_cmpstr (json_object_get_string_member (o, "start_balance"), ==, "1000.00");
  g_assert_cmpstr (json_object_get_string_member (o, "minimum"), ==, "-200.00");
  g_assert_cmpstr (json_object_get_string_member (o, "end_balance"), ==, "1800.00");
  g_assert_cmpstr (json_object_get_string_member (o, "safe_to_spend"), ==, "0.00");
  shortfall = json_object_get_object_member (o, "shortfall");
  g_assert_cmpstr (json_object_get_string_member (shortfall, "date"), ==, "2026-04-01");
  g_assert_cmpstr (json_object_get_string_member (shortfall, "amount"), ==, "300.00");
  suggestions = json_object_get_array_member (o, "suggestions");
  g_assert_cmpuint (json_array_get_length (suggestions), ==, 2);
  s = json_array_get_object_element (suggestions, 0);
  g_assert_cmpstr (json_object_get_string_member (s, "kind"), ==, "move-bill");
  g_assert_cmpstr (json_object_get_string_member (s, "bill"), ==, "Insurance");
  g_assert_cmpstr (json_object_get_string_member (s, "date"), ==, "2026-04-30");
  s = json_array_get_object_element (suggestions, 1);
  g_assert_cmpstr (json_object_get_string_member (s, "kind"), ==, "transfer");
  g_assert_cmpstr (json_object_get_string_member (s, "from_account"), ==, "Savings");
  items = json_object_get_array_member (o, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 6);
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (items, 0), "balance"), ==,
      "950.00");
}

static void
test_cli_schedule_and_marks (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) root = NULL;
  g_auto (Result) r = { 0 };
  JsonArray *items;
  JsonObject *phone;

  crafted (f);
  RUN_OK (f, "bill", "pay", "Phone", "2026-03-15", "--amount", "61.30");
  RUN_OK (f, "bill", "skip", "Insurance", "2026-03-20");
  RUN_OK (f, "bill", "move", "Rent", "2026-04-01", "--to", "2026-04-03");
  run_cli (f, &r, "schedule", "--from", "2026-03-11", "--to", "2026-04-05", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  items = json_object_get_array_member (parse_object (r.out, &root), "items");
  /* phone, insurance, salary, rent */
  g_assert_cmpuint (json_array_get_length (items), ==, 4);
  phone = json_array_get_object_element (items, 0);
  g_assert_cmpstr (json_object_get_string_member (phone, "status"), ==, "paid");
  g_assert_cmpstr (json_object_get_string_member (phone, "amount"), ==, "-61.30");
  g_assert_cmpstr (json_object_get_string_member (phone, "balance"), ==, "938.70");
  g_assert_true (json_object_get_boolean_member (phone, "approximate"));
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (items, 1), "status"), ==,
      "skipped");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 3), "date"),
                   ==, "2026-04-03");
  g_assert_true (
      json_object_get_boolean_member (json_array_get_object_element (items, 3), "moved"));
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (items, 3), "balance"), ==,
      "138.70");
}

static void
test_cli_refuses (Fixture *f, gconstpointer data)
{
  g_auto (Result) never = { 0 };
  g_auto (Result) ends = { 0 };
  g_auto (Result) currency = { 0 };
  g_auto (Result) future = { 0 };
  g_auto (Result) bills = { 0 };

  crafted (f);
  run_cli (f, &never, "bill", "add", "Leap", "--account", "Checking", "--amount", "1", "--start",
           "2026-01-01", "--rule", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", NULL);
  g_assert_cmpint (never.status, ==, 1);
  g_assert_nonnull (strstr (never.err, "never gives a date"));
  run_cli (f, &ends, "bill", "set", "Rent", "--rule", "FREQ=MONTHLY;UNTIL=20251201", NULL);
  g_assert_cmpint (ends.status, ==, 1);
  g_assert_nonnull (strstr (ends.err, "before its first date"));
  run_cli (f, &currency, "bill", "add", "Gym", "--account", "Checking", "--amount", "30", "--start",
           "2026-01-01", "--currency", "USD", NULL);
  g_assert_cmpint (currency.status, ==, 1);
  g_assert_nonnull (strstr (currency.err, "in USD but the account “Checking” is in EUR"));
  run_cli (f, &future, "account", "balance", "Checking", "900", "--date", "2026-04-01", NULL);
  g_assert_cmpint (future.status, ==, 1);
  g_assert_nonnull (strstr (future.err, "in the future"));
  /* nothing written: still four bills, Rent unchanged */
  run_cli (f, &bills, "bills", "--json", NULL);
  g_assert_nonnull (strstr (bills.out, "\"rule\" : \"FREQ=MONTHLY\""));
  g_assert_null (strstr (bills.out, "Leap"));
  g_assert_null (strstr (bills.out, "Gym"));
  g_assert_nonnull (strstr (bills.out, "Every month on the last business day"));
}

/* a bill paid into a budget line from the command line */
static void
test_cli_paid_into_line (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_auto (Result) show = { 0 };
  JsonArray *lines;
  const char *actual = NULL;

  g_assert_true (outlay_store_add_sample (f->store, NULL, &error));
  g_clear_object (&f->store);
  RUN_OK (f, "account", "add", "Operating", "--currency", "USD", "--opening", "9000", "--date",
          "2026-03-01");
  RUN_OK (f, "bill", "add", "Producer fee", "--account", "Operating", "--amount", "500", "--start",
          "2026-03-05", "--rule", "FREQ=MONTHLY", "--budget", "1", "--line", "1", "--section", "A");
  RUN_OK (f, "bill", "pay", "Producer fee", "2026-03-05", "--amount", "480");
  run_cli (f, &show, "show", "1", "--json", NULL);
  g_assert_cmpint (show.status, ==, 0);
  lines = json_object_get_array_member (parse_object (show.out, &root), "lines");
  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonObject *l = json_array_get_object_element (lines, i);

      if (g_str_equal (json_object_get_string_member (l, "section"), "A")
          && g_str_equal (json_object_get_string_member (l, "code"), "1"))
        actual = json_object_get_string_member (l, "actual");
    }
  /* the sample's line A1 had 6,571.27 of actuals; 480 more were paid */
  g_assert_cmpstr (actual, ==, "7051.27");
}

static void
test_cli_categories (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_auto (Result) list = { 0 };
  g_auto (Result) missing = { 0 };

  g_assert_true (outlay_store_add_sample (f->store, NULL, &error));
  g_clear_object (&f->store);
  RUN_OK (f, "account", "add", "Operating", "--currency", "USD");
  RUN_OK (f, "bill", "add", "Camera rental", "--account", "Operating", "--amount", "90", "--start",
          "2026-03-05", "--category", "Equipment");
  RUN_OK (f, "category", "link", "equipment", "--budget", "1", "--section", "F");
  run_cli (f, &missing, "category", "link", "Equipment", "--budget", "1", "--section", "Z", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "no section “Z”"));
  run_cli (f, &list, "categories", NULL);
  g_assert_cmpint (list.status, ==, 0);
  /* one category whatever the case it was typed in, shared by section F */
  g_assert_nonnull (g_str_has_prefix (list.out, "Equipment\n    Sample: ") ? list.out : NULL);
  g_assert_nonnull (strstr (list.out, " — F "));
}

/* The book's schedule merges the accounts' in the schedule's order, days
 * the accounts share included, and loses no occurrence */
static void
test_book_merge (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayCashflowBook) book = NULL;
  GDate from = day ("2026-03-01"), to = day ("2026-06-30"), today = day ("2026-03-10");
  const char *names[] = { "Checking", "Savings", "Card" };
  guint total = 0;

  for (guint a = 0; a < G_N_ELEMENTS (names); a++)
    {
      g_autoptr (OutlayAccount) account = add_account (f, names[a], "EUR", 1000);

      g_object_unref (add_bill (f, account, "Rent", 700 + a, "2026-03-01", "FREQ=MONTHLY"));
      g_object_unref (add_bill (f, account, "Food", 60 + a, "2026-03-02", "FREQ=WEEKLY"));
      g_object_unref (
          add_bill (f, account, "Gym", 30 + a, "2026-03-01", "FREQ=MONTHLY;BYMONTHDAY=1,15"));
    }
  book = outlay_cashflow_book_load (f->store, &from, &to, &today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < book->projections->len; i++)
    total += ((OutlayProjection *) g_ptr_array_index (book->projections, i))->items->len;
  g_assert_cmpuint (total, >, 60);
  g_assert_cmpuint (book->schedule->len, ==, total);
  for (guint i = 1; i < book->schedule->len; i++)
    g_assert_cmpint (outlay_schedule_item_compare (g_ptr_array_index (book->schedule, i - 1),
                                                   g_ptr_array_index (book->schedule, i)),
                     <, 0);
  /* 1 March: the three rents and gyms, money out in the bills' order */
  g_assert_cmpuint (((OutlayScheduleItem *) g_ptr_array_index (book->schedule, 0))->day, ==,
                    g_date_get_julian (&from));
  g_assert_cmpuint (((OutlayScheduleItem *) g_ptr_array_index (book->schedule, 5))->day, ==,
                    g_date_get_julian (&from));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cashflow-store/round-trip", test_round_trip);
  ADD ("/cashflow-store/bad-input", test_bad_input);
  ADD ("/cashflow-store/priority-order", test_priority_order);
  ADD ("/cashflow-store/book-merge", test_book_merge);
  ADD ("/cashflow-store/paid-into-line", test_paid_into_line);
  ADD ("/cashflow-store/cli-cashflow-json", test_cli_cashflow_json);
  ADD ("/cashflow-store/cli-schedule-and-marks", test_cli_schedule_and_marks);
  ADD ("/cashflow-store/cli-refuses", test_cli_refuses);
  ADD ("/cashflow-store/cli-paid-into-line", test_cli_paid_into_line);
  ADD ("/cashflow-store/cli-categories", test_cli_categories);
  return g_test_run ();
}
