/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-store"

/* Accounts, their balance snapshots, bills, what the user did with single
 * occurrences of a bill, and the categories bills and budget sections
 * share.  None belongs to a budget; a bill that pays into a budget line
 * turns its paid occurrences into that line's actual cost, in the same
 * transaction.  The recurrence rule itself is checked by the engine
 * (outlay_cashflow_bill_rule()) before a bill gets here. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "outlay-currency.h"
#include "outlay-error.h"
#include "outlay-store-bills.h"
#include "outlay-store-private.h"

void
outlay_category_free (OutlayCategory *category)
{
  if (category == NULL)
    return;
  g_free (category->name);
  g_free (category);
}

/* ---- helpers ---- */

static gboolean
begin (OutlayStore *self, GError **error)
{
  return outlay_store_exec (self, "BEGIN IMMEDIATE", error);
}

static gboolean
commit (OutlayStore *self, gboolean ok, GError **error)
{
  if (ok && outlay_store_exec (self, "COMMIT", error))
    return TRUE;
  outlay_store_exec (self, "ROLLBACK", NULL);
  return FALSE;
}

static gboolean refuse (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
refuse (GError **error, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT, message);
  return FALSE;
}

static gboolean
valid_iso_date (const char *text)
{
  guint y, m, dd;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  y = atoi (text);
  m = atoi (text + 5);
  dd = atoi (text + 8);
  return g_date_valid_dmy (dd, m, y);
}

static char *
iso (const GDate *d)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (d), g_date_get_month (d),
                          g_date_get_day (d));
}

static void
date_from_text (GDate *d, const char *text)
{
  g_date_clear (d, 1);
  if (valid_iso_date (text))
    g_date_set_dmy (d, atoi (text + 8), atoi (text + 5), atoi (text));
}

static gboolean
all_digits (const char *s)
{
  if (s == NULL || *s == '\0')
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

static char *
amount_text (OutlayDecimal v)
{
  return outlay_decimal_to_string_trim (v);
}

/* ---- accounts ---- */

#define ACCOUNT_COLUMNS "id, name, institution, currency, balance, balance_date, kind, reserve"

static OutlayAccount *
read_account (sqlite3_stmt *stmt)
{
  OutlayAccountKind kind = OUTLAY_ACCOUNT_KIND_CHECKING;

  outlay_account_kind_from_string ((const char *) sqlite3_column_text (stmt, 6), &kind);
  return g_object_new (
      OUTLAY_TYPE_ACCOUNT, "id", sqlite3_column_int64 (stmt, 0), "name",
      sqlite3_column_text (stmt, 1), "institution", sqlite3_column_text (stmt, 2), "currency",
      sqlite3_column_text (stmt, 3), "balance", sqlite3_column_int64 (stmt, 4), "balance-date",
      sqlite3_column_text (stmt, 5), "kind", kind, "reserve", sqlite3_column_int64 (stmt, 7), NULL);
}

/**
 * outlay_store_list_accounts:
 * @self: a store
 * @error: why they could not be read
 *
 * Returns: (transfer container) (element-type OutlayAccount): the accounts
 *   by name
 */
GPtrArray *
outlay_store_list_accounts (OutlayStore *self, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = outlay_store_statement (
      self, "SELECT " ACCOUNT_COLUMNS " FROM accounts ORDER BY name COLLATE NOCASE, id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, read_account (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return outlay_store_fail (self, error), NULL;
  return g_steal_pointer (&out);
}

/**
 * outlay_store_find_account:
 * @self: a store
 * @name_or_id: an account's id or its name (any case)
 * @error: %OUTLAY_ERROR_NOT_FOUND when there is none
 *
 * Returns: (transfer full): the account
 */
OutlayAccount *
outlay_store_find_account (OutlayStore *self, const char *name_or_id, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT " ACCOUNT_COLUMNS " FROM accounts WHERE id = ? OR name = ? COLLATE NOCASE"
      " ORDER BY id = ? DESC LIMIT 1",
      error);
  OutlayAccount *account = NULL;
  gint64 id = all_digits (name_or_id) ? g_ascii_strtoll (name_or_id, NULL, 10) : -1;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, name_or_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    account = read_account (stmt);
  sqlite3_reset (stmt);
  if (account == NULL)
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                 _("There is no account “%s”. “outlay-cli accounts” lists them."), name_or_id);
  return account;
}

static gboolean
check_account (OutlayStore *self, OutlayAccount *a, GError **error)
{
  const char *name = outlay_account_get_name (a);
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  if (*stripped == '\0')
    return refuse (error, _("An account needs a name."));
  if (!outlay_currency_is_valid (outlay_account_get_currency (a)))
    return refuse (error,
                   _("“%s” is not a currency code such as EUR or USD."),
                      outlay_account_get_currency (a) ? outlay_account_get_currency (a) : "");
  if (outlay_account_get_balance_date (a) != NULL
      && !valid_iso_date (outlay_account_get_balance_date (a)))
    return refuse (error, _("The opening date “%s” is not a date (YYYY-MM-DD)."),
                             outlay_account_get_balance_date (a));
  return TRUE;
}

static gboolean
account_currency_used (OutlayStore *self, OutlayAccount *a, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT payee FROM bills WHERE account_id = ? AND currency IS NOT NULL AND currency <> ?"
      " LIMIT 1",
      error);
  g_autofree char *payee = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, outlay_account_get_id (a));
  sqlite3_bind_text (stmt, 2, outlay_account_get_currency (a), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    payee = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (payee != NULL)
    return refuse (error, _("The bill “%s” on this account is in another currency than %s. "
                            "Change the bill first. Nothing was changed."),
                             payee, outlay_account_get_currency (a));
  return TRUE;
}

/**
 * outlay_store_save_account:
 * @self: a store
 * @account: an account; a new one (id 0) gets its id
 * @error: why it was refused (no name, a bad currency or date): nothing
 *   is written then
 *
 * Writes the account and its audit row in one transaction.  An account
 * with an id that is not in the table is inserted with that id (undoing a
 * delete).
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_store_save_account (OutlayStore *self, OutlayAccount *a, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (OUTLAY_IS_ACCOUNT (a), FALSE);
  if (!check_account (self, a, error) || !begin (self, error))
    return FALSE;
  ok = account_currency_used (self, a, error);
  stmt =
      ok ? outlay_store_statement (
          self,
          "INSERT INTO accounts (id, name, institution, currency, balance, balance_date, kind, "
          "reserve)"
          " VALUES (?, trim(?), ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = "
          "excluded.name,"
          " institution = excluded.institution, currency = excluded.currency,"
          " balance = excluded.balance, balance_date = excluded.balance_date, kind = excluded.kind,"
          " reserve = excluded.reserve",
          error)
         : NULL;
  if (stmt != NULL)
    {
      if (outlay_account_get_id (a) > 0)
        sqlite3_bind_int64 (stmt, 1, outlay_account_get_id (a));
      outlay_store_bind_text (stmt, 2, outlay_account_get_name (a));
      outlay_store_bind_text (stmt, 3, outlay_account_get_institution (a));
      outlay_store_bind_text (stmt, 4, outlay_account_get_currency (a));
      sqlite3_bind_int64 (stmt, 5, outlay_account_get_balance (a));
      outlay_store_bind_text (stmt, 6, outlay_account_get_balance_date (a));
      sqlite3_bind_text (stmt, 7, outlay_account_kind_to_string (outlay_account_get_kind (a)), -1,
                         SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 8, outlay_account_get_reserve (a));
    }
  ok = stmt != NULL && outlay_store_step_done (self, stmt, error);
  if (ok && outlay_account_get_id (a) == 0)
    g_object_set (a, "id", (gint64) sqlite3_last_insert_rowid (outlay_store_get_db (self)), NULL);
  ok = ok
       && outlay_store_audit (self, 0, "account", outlay_account_get_id (a), "save", NULL, NULL,
                              outlay_account_get_name (a), error);
  return commit (self, ok, error);
}

/**
 * outlay_store_delete_account:
 * @self: a store
 * @account_id: the account
 * @error: why it failed
 *
 * Deletes the account and its snapshots; its bills stay, with no account.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_store_delete_account (OutlayStore *self, gint64 account_id, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!begin (self, error))
    return FALSE;
  stmt = outlay_store_statement (self, "DELETE FROM accounts WHERE id = ?", error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, account_id);
  ok = stmt != NULL && outlay_store_step_done (self, stmt, error)
       && outlay_store_expect_change (self, _("account"), error)
                                      && outlay_store_audit (self, 0, "account", account_id,
                                                             "delete", NULL, NULL, NULL, error);
  return commit (self, ok, error);
}

/* ---- snapshots ---- */

/**
 * outlay_store_list_snapshots:
 * @self: a store
 * @error: why they could not be read
 *
 * Returns: (transfer full) (element-type OutlayBalanceSnapshot): every
 *   account's snapshots, by account and date
 */
GArray *
outlay_store_list_snapshots (OutlayStore *self, GError **error)
{
  g_autoptr (GArray) out = g_array_new (FALSE, FALSE, sizeof (OutlayBalanceSnapshot));
  sqlite3_stmt *stmt = outlay_store_statement (
      self, "SELECT account_id, date, balance FROM balance_snapshots ORDER BY account_id, date",
      error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutlayBalanceSnapshot s;

      s.account_id = sqlite3_column_int64 (stmt, 0);
      date_from_text (&s.date, (const char *) sqlite3_column_text (stmt, 1));
      s.balance = sqlite3_column_int64 (stmt, 2);
      if (g_date_valid (&s.date))
        g_array_append_val (out, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return outlay_store_fail (self, error), NULL;
  return g_steal_pointer (&out);
}

/**
 * outlay_store_set_snapshot:
 * @self: a store
 * @snapshot: the account, day and balance
 * @today: today: a snapshot after it is refused
 * @error: why it was refused
 *
 * Records (or replaces) the balance at the end of a day.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_store_set_snapshot (OutlayStore *self,
                           const OutlayBalanceSnapshot *snapshot,
                           const GDate *today,
                           GError **error)
{
  g_autofree char *date = NULL;
  g_autofree char *amount = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (snapshot != NULL && today != NULL, FALSE);
  if (!g_date_valid (&snapshot->date))
    return refuse (error, _("A balance needs the date it was read on."));
  date = iso (&snapshot->date);
  if (g_date_compare (&snapshot->date, today) > 0)
    return refuse (error, _("The balance on %s is in the future: a balance snapshot records what "
                            "the bank showed on a day that has passed. Nothing was changed."),
                             date);
  amount = amount_text (snapshot->balance);
  if (!begin (self, error))
    return FALSE;
  stmt = outlay_store_statement (
      self,
      "INSERT INTO balance_snapshots (account_id, date, balance) SELECT id, ?, ? FROM accounts"
      " WHERE id = ? ON CONFLICT (account_id, date) DO UPDATE SET balance = excluded.balance",
      error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, snapshot->balance);
      sqlite3_bind_int64 (stmt, 3, snapshot->account_id);
    }
  ok = stmt != NULL && outlay_store_step_done (self, stmt, error)
       && outlay_store_expect_change (self, _("account"), error)
                                      && outlay_store_audit (self, 0, "snapshot",
                                                             snapshot->account_id, "set", date,
                                                             NULL, amount, error);
  return commit (self, ok, error);
}

/**
 * outlay_store_delete_snapshot:
 * @self: a store
 * @account_id: the account
 * @date: the snapshot's day
 * @error: why it failed
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_store_delete_snapshot (OutlayStore *self,
                              gint64 account_id,
                              const GDate *date,
                              GError **error)
{
  g_autofree char *day = iso (date);
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!begin (self, error))
    return FALSE;
  stmt = outlay_store_statement (
      self, "DELETE FROM balance_snapshots WHERE account_id = ? AND date = ?", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
    }
  ok = stmt != NULL && outlay_store_step_done (self, stmt, error)
       && outlay_store_expect_change (self, _("balance"), error)
                                      && outlay_store_audit (self, 0, "snapshot", account_id,
                                                             "delete", day, NULL, NULL, error);
  return commit (self, ok, error);
}

/* ---- bills ---- */

#define BILL_COLUMNS                                                                               \
  "id, account_id, budget_id, line_id, payee, amount, due_date, recurrence, notes, currency,"      \
  " income, approximate, weekend, priority, category_id"

static OutlayBill *
read_bill (sqlite3_stmt *stmt)
{
  return g_object_new (
      OUTLAY_TYPE_BILL, "id", sqlite3_column_int64 (stmt, 0), "account-id",
      sqlite3_column_int64 (stmt, 1), "budget-id", sqlite3_column_int64 (stmt, 2), "line-id",
      sqlite3_column_int64 (stmt, 3), "payee", sqlite3_column_text (stmt, 4), "amount",
      sqlite3_column_int64 (stmt, 5), "due-date", sqlite3_column_text (stmt, 6), "recurrence",
      sqlite3_column_text (stmt, 7), "notes", sqlite3_column_text (stmt, 8), "currency",
      sqlite3_column_text (stmt, 9), "income", sqlite3_column_int (stmt, 10) != 0, "approximate",
      sqlite3_column_int (stmt, 11) != 0, "weekend", sqlite3_column_text (stmt, 12), "priority",
      sqlite3_column_int64 (stmt, 13), "category-id", sqlite3_column_int64 (stmt, 14), NULL);
}

/**
 * outlay_store_list_bills:
 * @self: a store
 * @error: why they could not be read
 *
 * Returns: (transfer container) (element-type OutlayBill): the bills by
 *   payee
 */
GPtrArray *
outlay_store_list_bills (OutlayStore *self, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = outlay_store_statement (
      self, "SELECT " BILL_COLUMNS " FROM bills ORDER BY payee COLLATE NOCASE, id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, read_bill (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return outlay_store_fail (self, error), NULL;
  return g_steal_pointer (&out);
}

/**
 * outlay_store_find_bill:
 * @self: a store
 * @name_or_id: a bill's id or its payee (any case)
 * @error: %OUTLAY_ERROR_NOT_FOUND when there is none
 *
 * Returns: (transfer full): the bill
 */
OutlayBill *
outlay_store_find_bill (OutlayStore *self, const char *name_or_id, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT " BILL_COLUMNS " FROM bills WHERE id = ? OR payee = ? COLLATE NOCASE"
      " ORDER BY id = ? DESC, id LIMIT 1",
      error);
  OutlayBill *bill = NULL;
  gint64 id = all_digits (name_or_id) ? g_ascii_strtoll (name_or_id, NULL, 10) : -1;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, name_or_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    bill = read_bill (stmt);
  sqlite3_reset (stmt);
  if (bill == NULL)
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                 _("There is no bill “%s”. “outlay-cli bills” lists them."), name_or_id);
  return bill;
}

/* The budget of @line_id, and its currency; 0 when there is no such line */
static gint64
line_budget (OutlayStore *self, gint64 line_id, char **currency, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT l.budget_id, b.currency FROM lines l JOIN budgets b ON b.id = l.budget_id"
      " WHERE l.id = ?",
      error);
  gint64 budget = 0;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, line_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      budget = sqlite3_column_int64 (stmt, 0);
      *currency = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  return budget;
}

/* Checks what the engine does not: amount, account and currencies.  Sets
 * @budget_id to the line's budget. */
static gboolean
check_bill (OutlayStore *self, OutlayBill *bill, gint64 *budget_id, GError **error)
{
  g_autoptr (OutlayAccount) account = NULL;
  g_autofree char *id = NULL;
  g_autofree char *line_currency = NULL;
  const char *payee = outlay_bill_get_payee (bill);
  const char *currency;

  if (payee == NULL || *payee == '\0')
    return refuse (error, _("A bill needs a payee."));
  if (!valid_iso_date (outlay_bill_get_due_date (bill)))
    return refuse (error, _("“%s” needs a first due date (YYYY-MM-DD)."), payee);
  if (outlay_bill_get_account_id (bill) <= 0)
    return refuse (error, _("“%s” needs an account to be paid from."), payee);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, outlay_bill_get_account_id (bill));
  account = outlay_store_find_account (self, id, error);
  if (account == NULL)
    return FALSE;
  currency = outlay_bill_get_currency (bill);
  if (currency != NULL && g_strcmp0 (currency, outlay_account_get_currency (account)) != 0)
    return refuse (error, _("“%s” is in %s but the account “%s” is in %s: a bill is paid in its "
                            "account's currency. Nothing was changed."),
                             payee, currency, outlay_account_get_name (account),
                             outlay_account_get_currency (account));
  *budget_id = 0;
  if (outlay_bill_get_line_id (bill) > 0)
    {
      *budget_id = line_budget (self, outlay_bill_get_line_id (bill), &line_currency, error);
      if (*budget_id < 0)
        return FALSE;
      if (*budget_id == 0)
        return refuse (error, _("The budget line “%s” pays into is gone."), payee);
      if (g_strcmp0 (line_currency, outlay_account_get_currency (account)) != 0)
        return refuse (error,
                       _("“%s” is paid in %s but its budget line's budget is in %s. Nothing "
                                "was changed."),
                          payee, outlay_account_get_currency (account), line_currency);
    }
  return TRUE;
}

/* Moves @delta into a line's actual cost, audited under its budget */
static gboolean
add_actual (OutlayStore *self, gint64 line_id, OutlayDecimal delta, gint64 bill_id, GError **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *text = NULL;
  gint64 budget = 0;

  if (line_id <= 0 || delta == 0)
    return TRUE;
  stmt = outlay_store_statement (
      self, "UPDATE lines SET actual = actual + ? WHERE id = ? RETURNING budget_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, delta);
  sqlite3_bind_int64 (stmt, 2, line_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    budget = sqlite3_column_int64 (stmt, 0);
  if (!outlay_store_step_done (self, stmt, error))
    return FALSE;
  if (budget == 0)
    return TRUE;
  text = amount_text (delta);
  return outlay_store_audit (self, budget, "line", line_id, "bill-paid", "actual", NULL, text,
                             error);
}

/* The paid amounts of a bill's occurrences */
static gboolean
paid_total (OutlayStore *self, gint64 bill_id, OutlayDecimal *total, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT coalesce(sum(paid_amount), 0) FROM bill_occurrences WHERE bill_id = ?"
      " AND status = 'paid'",
      error);

  *total = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bill_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *total = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static gint64
stored_line (OutlayStore *self, gint64 bill_id, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self, "SELECT coalesce(line_id, 0) FROM bills WHERE id = ?", error);
  gint64 line = 0;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, bill_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    line = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return line;
}

static void
bind_bill (sqlite3_stmt *stmt, OutlayBill *bill, gint64 budget_id)
{
  if (outlay_bill_get_id (bill) > 0)
    sqlite3_bind_int64 (stmt, 1, outlay_bill_get_id (bill));
  sqlite3_bind_int64 (stmt, 2, outlay_bill_get_account_id (bill));
  if (budget_id > 0)
    sqlite3_bind_int64 (stmt, 3, budget_id);
  if (outlay_bill_get_line_id (bill) > 0)
    sqlite3_bind_int64 (stmt, 4, outlay_bill_get_line_id (bill));
  outlay_store_bind_text (stmt, 5, outlay_bill_get_payee (bill));
  sqlite3_bind_int64 (stmt, 6, outlay_bill_get_amount (bill));
  outlay_store_bind_text (stmt, 7, outlay_bill_get_due_date (bill));
  outlay_store_bind_text (stmt, 8, outlay_bill_get_recurrence (bill));
  outlay_store_bind_text (stmt, 9, outlay_bill_get_notes (bill));
  outlay_store_bind_text (stmt, 10, outlay_bill_get_currency (bill));
  sqlite3_bind_int (stmt, 11, outlay_bill_get_income (bill));
  sqlite3_bind_int (stmt, 12, outlay_bill_get_approximate (bill));
  sqlite3_bind_text (stmt, 13,
                     outlay_bill_get_weekend (bill) ? outlay_bill_get_weekend (bill) : "keep", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 14, outlay_bill_get_priority (bill));
  if (outlay_bill_get_category_id (bill) > 0)
    sqlite3_bind_int64 (stmt, 15, outlay_bill_get_category_id (bill));
}

/**
 * outlay_store_save_bill:
 * @self: a store
 * @bill: a bill whose rule the engine accepted; a new one (id 0) gets its
 *   id
 * @error: why it was refused (no payee or date, no account, another
 *   currency than its account's or its budget line's): nothing is written
 *   then
 *
 * Writes the bill and its audit row in one transaction.  When the budget
 * line it pays into changes, what was paid moves with it.  A bill with an
 * id that is not in the table is inserted with that id (undoing a delete).
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_store_save_bill (OutlayStore *self, OutlayBill *bill, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 budget_id = 0, old_line = 0;
  OutlayDecimal paid = 0;
  gboolean ok;

  g_return_val_if_fail (OUTLAY_IS_BILL (bill), FALSE);
  if (!begin (self, error))
    return FALSE;
  ok = check_bill (self, bill, &budget_id, error);
  if (ok && outlay_bill_get_id (bill) > 0)
    {
      old_line = stored_line (self, outlay_bill_get_id (bill), error);
      ok = old_line >= 0 && paid_total (self, outlay_bill_get_id (bill), &paid, error);
    }
  stmt =
      ok ? outlay_store_statement (
          self,
          "INSERT INTO bills (id, account_id, budget_id, line_id, payee, amount, due_date, "
          "recurrence,"
          " notes, currency, income, approximate, weekend, priority, category_id)"
          " VALUES (?, ?, ?, ?, trim(?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE "
          "SET"
          " account_id = excluded.account_id, budget_id = excluded.budget_id,"
          " line_id = excluded.line_id, payee = excluded.payee, amount = excluded.amount,"
          " due_date = excluded.due_date, recurrence = excluded.recurrence, notes = excluded.notes,"
          " currency = excluded.currency, income = excluded.income,"
          " approximate = excluded.approximate, weekend = excluded.weekend,"
          " priority = excluded.priority, category_id = excluded.category_id",
          error)
         : NULL;
  if (stmt != NULL)
    bind_bill (stmt, bill, budget_id);
  ok = stmt != NULL && outlay_store_step_done (self, stmt, error);
  if (ok && outlay_bill_get_id (bill) == 0)
    g_object_set (bill, "id", (gint64) sqlite3_last_insert_rowid (outlay_store_get_db (self)),
                  "budget-id", budget_id, NULL);
  if (ok && old_line != outlay_bill_get_line_id (bill))
    ok = add_actual (self, old_line, -paid, outlay_bill_get_id (bill), error)
         && add_actual (self, outlay_bill_get_line_id (bill), paid, outlay_bill_get_id (bill),
                        error);
  ok = ok
       && outlay_store_audit (self, budget_id, "bill", outlay_bill_get_id (bill), "save",
                              "recurrence", NULL, outlay_bill_get_recurrence (bill), error);
  return commit (self, ok, error);
}

/**
 * outlay_store_delete_bill:
 * @self: a store
 * @bill_id: the bill
 * @error: why it failed
 *
 * Deletes the bill and what was recorded of its occurrences; what it paid
 * into a budget line leaves that line's actual cost.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_store_delete_bill (OutlayStore *self, gint64 bill_id, GError **error)
{
  sqlite3_stmt *stmt;
  OutlayDecimal paid = 0;
  gint64 line;
  gboolean ok;

  if (!begin (self, error))
    return FALSE;
  line = stored_line (self, bill_id, error);
  ok = line >= 0 && paid_total (self, bill_id, &paid, error)
       && add_actual (self, line, -paid, bill_id, error);
  stmt = ok ? outlay_store_statement (self, "DELETE FROM bills WHERE id = ?", error) : NULL;
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, bill_id);
  ok = stmt != NULL && outlay_store_step_done (self, stmt, error)
       && outlay_store_expect_change (self, _("bill"), error)
                                      && outlay_store_audit (self, 0, "bill", bill_id, "delete",
                                                             NULL, NULL, NULL, error);
  return commit (self, ok, error);
}

/* ---- occurrences ---- */

static OutlayBillStatus
status_from_text (const char *text)
{
  if (g_strcmp0 (text, "paid") == 0)
    return OUTLAY_BILL_STATUS_PAID;
  if (g_strcmp0 (text, "skipped") == 0)
    return OUTLAY_BILL_STATUS_SKIPPED;
  return OUTLAY_BILL_STATUS_DUE;
}

static const char *
status_text (OutlayBillStatus status)
{
  return status == OUTLAY_BILL_STATUS_PAID      ? "paid"
         : status == OUTLAY_BILL_STATUS_SKIPPED ? "skipped"
                                                : "due";
}

/**
 * outlay_store_list_occurrences:
 * @self: a store
 * @error: why they could not be read
 *
 * Returns: (transfer full) (element-type OutlayBillOccurrence): every
 *   occurrence the user paid, skipped, moved or ordered
 */
GArray *
outlay_store_list_occurrences (OutlayStore *self, GError **error)
{
  g_autoptr (GArray) out = g_array_new (FALSE, FALSE, sizeof (OutlayBillOccurrence));
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT bill_id, original, status, moved_to, paid_amount, position FROM bill_occurrences",
      error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutlayBillOccurrence o;

      o.bill_id = sqlite3_column_int64 (stmt, 0);
      date_from_text (&o.original, (const char *) sqlite3_column_text (stmt, 1));
      o.status = status_from_text ((const char *) sqlite3_column_text (stmt, 2));
      date_from_text (&o.moved_to, (const char *) sqlite3_column_text (stmt, 3));
      o.paid_amount = sqlite3_column_int64 (stmt, 4);
      o.position = sqlite3_column_int (stmt, 5);
      if (g_date_valid (&o.original))
        g_array_append_val (out, o);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return outlay_store_fail (self, error), NULL;
  return g_steal_pointer (&out);
}

/* What a stored occurrence paid into its line: 0 when it is not paid */
static gboolean
stored_paid (OutlayStore *self,
             const OutlayBillOccurrence *o,
             const char *original,
             OutlayDecimal *paid,
             GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT paid_amount FROM bill_occurrences WHERE bill_id = ? AND original = ?"
      " AND status = 'paid'",
      error);

  *paid = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, o->bill_id);
  sqlite3_bind_text (stmt, 2, original, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *paid = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
write_occurrence (OutlayStore *self, const OutlayBillOccurrence *o, GError **error)
{
  g_autofree char *original = NULL;
  g_autofree char *moved = NULL;
  OutlayDecimal before = 0, after;
  gboolean plain;
  sqlite3_stmt *stmt;
  gint64 line;

  if (!g_date_valid (&o->original))
    return refuse (error, _("An occurrence needs its date."));
  original = iso (&o->original);
  moved = g_date_valid (&o->moved_to) ? iso (&o->moved_to) : NULL;
  line = stored_line (self, o->bill_id, error);
  if (line < 0 || !stored_paid (self, o, original, &before, error))
    return FALSE;
  after = o->status == OUTLAY_BILL_STATUS_PAID ? o->paid_amount : 0;
  /* an occurrence back to what its rule says needs no row */
  plain = o->status == OUTLAY_BILL_STATUS_DUE && moved == NULL && o->position < 0;
  stmt = outlay_store_statement (
      self,
      plain ? "DELETE FROM bill_occurrences WHERE bill_id = ?1 AND original = ?2"
            : "INSERT INTO bill_occurrences (bill_id, original, status, moved_to, paid_amount, "
              "position)"
              " SELECT id, ?2, ?3, ?4, ?5, ?6 FROM bills WHERE id = ?1"
              " ON CONFLICT (bill_id, original) DO UPDATE SET status = excluded.status,"
              " moved_to = excluded.moved_to, paid_amount = excluded.paid_amount,"
              " position = excluded.position",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, o->bill_id);
  sqlite3_bind_text (stmt, 2, original, -1, SQLITE_TRANSIENT);
  if (!plain)
    {
      sqlite3_bind_text (stmt, 3, status_text (o->status), -1, SQLITE_STATIC);
      outlay_store_bind_text (stmt, 4, moved);
      sqlite3_bind_int64 (stmt, 5, after);
      sqlite3_bind_int (stmt, 6, o->position);
    }
  if (!outlay_store_step_done (self, stmt, error)
      || (!plain && !outlay_store_expect_change (self, _("bill"), error)))
    return FALSE;
  return add_actual (self, line, after - before, o->bill_id, error)
         && outlay_store_audit (self, 0, "occurrence", o->bill_id, status_text (o->status),
                                original, NULL, moved, error);
}

/**
 * outlay_store_set_occurrences:
 * @self: a store
 * @occurrences: (array length=n_occurrences): what each occurrence now is
 * @n_occurrences: their number
 * @error: why it failed: nothing is written then
 *
 * Records paid (with the amount paid, which becomes the bill's budget
 * line's actual cost), skipped, moved and the order within a day, all in
 * one transaction: a reorder of a day writes every position at once.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_store_set_occurrences (OutlayStore *self,
                              const OutlayBillOccurrence *occurrences,
                              guint n_occurrences,
                              GError **error)
{
  gboolean ok = TRUE;

  if (!begin (self, error))
    return FALSE;
  for (guint i = 0; ok && i < n_occurrences; i++)
    ok = write_occurrence (self, &occurrences[i], error);
  return commit (self, ok, error);
}

/* ---- categories ---- */

/**
 * outlay_store_list_categories:
 * @self: a store
 * @error: why they could not be read
 *
 * Returns: (transfer container) (element-type OutlayCategory): by name
 */
GPtrArray *
outlay_store_list_categories (OutlayStore *self, GError **error)
{
  g_autoptr (GPtrArray)
                 out = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_category_free);
  sqlite3_stmt *stmt = outlay_store_statement (
      self, "SELECT id, name FROM categories ORDER BY name COLLATE NOCASE", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutlayCategory *c = g_new0 (OutlayCategory, 1);

      c->id = sqlite3_column_int64 (stmt, 0);
      c->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (out, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return outlay_store_fail (self, error), NULL;
  return g_steal_pointer (&out);
}

/**
 * outlay_store_add_category:
 * @self: a store
 * @name: its name; an existing one (any case) is reused
 * @error: why it failed
 *
 * Returns: its id, 0 on failure
 */
gint64
outlay_store_add_category (OutlayStore *self, const char *name, GError **error)
{
  g_autofree char *text = g_strstrip (g_strdup (name ? name : ""));
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  if (*text == '\0')
    return refuse (error, _("A category needs a name.")), 0;
  if (!begin (self, error))
    return 0;
  stmt = outlay_store_statement (
      self,
      "INSERT INTO categories (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = name"
      " RETURNING id",
      error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      ok = outlay_store_step_done (self, stmt, error) && id > 0
           && outlay_store_audit (self, 0, "category", id, "add", NULL, NULL, text, error);
    }
  return commit (self, ok, error) ? id : 0;
}

/**
 * outlay_store_link_category:
 * @self: a store
 * @category_id: a category
 * @section_id: a budget section that shares it
 * @error: why it failed
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_store_link_category (OutlayStore *self,
                            gint64 category_id,
                            gint64 section_id,
                            GError **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!begin (self, error))
    return FALSE;
  stmt = outlay_store_statement (
      self, "INSERT OR IGNORE INTO category_sections (category_id, section_id) VALUES (?, ?)",
      error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, category_id);
      sqlite3_bind_int64 (stmt, 2, section_id);
    }
  ok = stmt != NULL && outlay_store_step_done (self, stmt, error)
       && outlay_store_audit (self, 0, "category", category_id, "link", "section", NULL, NULL,
                              error);
  return commit (self, ok, error);
}

/**
 * outlay_store_list_category_sections:
 * @self: a store
 * @category_id: a category
 * @error: why they could not be read
 *
 * Returns: (transfer container) (element-type utf8): the budget sections
 *   linked to it, as "Budget — CODE Name"
 */
GPtrArray *
outlay_store_list_category_sections (OutlayStore *self, gint64 category_id, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT b.name, s.code, s.name FROM category_sections cs JOIN sections s ON s.id ="
      " cs.section_id JOIN budgets b ON b.id = s.budget_id WHERE cs.category_id = ?"
      " ORDER BY b.name, s.position",
      error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, category_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, g_strdup_printf ("%s — %s %s", sqlite3_column_text (stmt, 0),
                                           sqlite3_column_text (stmt, 1),
                                           sqlite3_column_text (stmt, 2)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return outlay_store_fail (self, error), NULL;
  return g_steal_pointer (&out);
}
