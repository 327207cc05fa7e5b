/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-cashflow-json"

/* The cash-flow book (store read + engine projection, for the CLI and the
 * UI alike) and the JSON `outlay-cli schedule`, `cashflow`, `accounts`
 * and `bills` print.  Amounts are decimal strings, as everywhere. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-cashflow-json.h"
#include "outlay-currency.h"
#include "outlay-document-json.h"
#include "outlay-recurrence.h"

void
outlay_cashflow_book_free (OutlayCashflowBook *book)
{
  if (book == NULL)
    return;
  g_clear_pointer (&book->schedule, g_ptr_array_unref);
  g_clear_pointer (&book->projections, g_ptr_array_unref);
  g_clear_pointer (&book->accounts, g_ptr_array_unref);
  g_clear_pointer (&book->bills, g_ptr_array_unref);
  g_clear_pointer (&book->snapshots, g_array_unref);
  g_clear_pointer (&book->occurrences, g_array_unref);
  g_free (book);
}

/**
 * outlay_cashflow_default_range:
 * @snapshots: (element-type OutlayBalanceSnapshot): the balance snapshots
 * @today: today
 * @from: (out): two weeks before the anchor
 * @to: (out): four weeks after it
 *
 * The schedule's default range around the balance the projection starts
 * from: the latest snapshot when it is at most two weeks old, else today.
 */
void
outlay_cashflow_default_range (GArray *snapshots, const GDate *today, GDate *from, GDate *to)
{
  GDate anchor = *today, recent = *today;

  g_date_subtract_days (&recent, 14);
  for (guint i = 0; snapshots != NULL && i < snapshots->len; i++)
    {
      const GDate *d = &g_array_index (snapshots, OutlayBalanceSnapshot, i).date;

      if (g_date_compare (d, &recent) >= 0 && g_date_compare (d, today) <= 0
          && (g_date_compare (&anchor, today) == 0 || g_date_compare (d, &anchor) > 0))
        anchor = *d;
    }
  *from = anchor;
  *to = anchor;
  g_date_subtract_days (from, 14);
  g_date_add_days (to, 28);
}

/* The accounts' schedules are each in order: merged a day at a time,
 * each account's run of the day taken whole, and only a day that several
 * accounts share put in order (an insertion sort of a few sorted runs).
 * Pointers, not copies of the items: megabytes fewer to write. */
static void
merge_schedules (OutlayCashflowBook *book)
{
  guint n = book->projections->len, total = 0, k = 0;
  g_autofree guint *next = g_new0 (guint, MAX (n, 1));
  OutlayScheduleItem **out;

  for (guint i = 0; i < n; i++)
    total += ((OutlayProjection *) g_ptr_array_index (book->projections, i))->items->len;
  g_ptr_array_set_size (book->schedule, total);
  out = (OutlayScheduleItem **) book->schedule->pdata;
  while (k < total)
    {
      guint32 day = G_MAXUINT32;
      guint start = k;

      for (guint i = 0; i < n; i++)
        {
          GArray *items = ((OutlayProjection *) g_ptr_array_index (book->projections, i))->items;

          if (next[i] < items->len)
            day = MIN (day, g_array_index (items, OutlayScheduleItem, next[i]).day);
        }
      for (guint i = 0; i < n; i++)
        {
          GArray *items = ((OutlayProjection *) g_ptr_array_index (book->projections, i))->items;

          for (; next[i] < items->len
                 && g_array_index (items, OutlayScheduleItem, next[i]).day == day;
               next[i]++)
            out[k++] = &g_array_index (items, OutlayScheduleItem, next[i]);
        }
      for (guint i = start + 1; i < k; i++)
        {
          OutlayScheduleItem *tmp = out[i];
          guint j = i;

          for (; j > start && outlay_schedule_item_compare (out[j - 1], tmp) > 0; j--)
            out[j] = out[j - 1];
          out[j] = tmp;
        }
    }
}

/**
 * outlay_cashflow_book_load:
 * @store: a store
 * @from: the first day
 * @to: the last day
 * @today: today
 * @error: why it failed (a database error, or a bill whose rule is not
 *   valid)
 *
 * Returns: (transfer full): the book
 */
OutlayCashflowBook *
outlay_cashflow_book_load (OutlayStore *store,
                           const GDate *from,
                           const GDate *to,
                           const GDate *today,
                           GError **error)
{
  g_autoptr (OutlayCashflowBook) book = g_new0 (OutlayCashflowBook, 1);

  book->from = *from;
  book->to = *to;
  book->today = *today;
  if ((book->accounts = outlay_store_list_accounts (store, error)) == NULL
      || (book->bills = outlay_store_list_bills (store, error)) == NULL
      || (book->snapshots = outlay_store_list_snapshots (store, error)) == NULL
      || (book->occurrences = outlay_store_list_occurrences (store, error)) == NULL)
    return NULL;
  book->projections = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_projection_free);
  book->schedule = g_ptr_array_new ();
  for (guint i = 0; i < book->accounts->len; i++)
    {
      OutlayProjection *p = outlay_cashflow_project (g_ptr_array_index (book->accounts, i),
                                                     book->snapshots, book->bills,
                                                     book->occurrences, from, to, today, error);

      if (p == NULL)
        return NULL;
      g_ptr_array_add (book->projections, p);
    }
  merge_schedules (book);
  for (guint i = 0; i < book->projections->len; i++)
    outlay_cashflow_suggest_transfers (g_ptr_array_index (book->projections, i),
                                       (OutlayProjection **) book->projections->pdata,
                                       book->projections->len);
  return g_steal_pointer (&book);
}

OutlayProjection *
outlay_cashflow_book_projection (OutlayCashflowBook *book, gint64 account_id)
{
  for (guint i = 0; i < book->projections->len; i++)
    {
      OutlayProjection *p = g_ptr_array_index (book->projections, i);

      if (outlay_account_get_id (p->account) == account_id)
        return p;
    }
  return NULL;
}

OutlayAccount *
outlay_cashflow_book_account (OutlayCashflowBook *book, gint64 account_id)
{
  OutlayProjection *p = outlay_cashflow_book_projection (book, account_id);

  return p != NULL ? p->account : NULL;
}

static char *
date_text (const GDate *d)
{
  return g_date_valid (d) ? outlay_date_to_iso (d) : g_strdup ("");
}

/**
 * outlay_cashflow_suggestion_text:
 * @book: the book
 * @projection: the account short of money
 * @suggestion: one of its suggestions
 *
 * Returns: (transfer full): the suggestion in words, translated
 */
char *
outlay_cashflow_suggestion_text (OutlayCashflowBook *book,
                                 OutlayProjection *projection,
                                 const OutlaySuggestion *suggestion)
{
  const char *currency = outlay_account_get_currency (projection->account);
  g_autofree char *amount = outlay_currency_format (suggestion->amount, currency);
  g_autofree char *date = date_text (&suggestion->date);
  g_autofree char *original = date_text (&suggestion->original);

  if (suggestion->kind == OUTLAY_SUGGESTION_MOVE_BILL)
    return g_strdup_printf (_("Move “%s” (%s) from %s to %s"),
                               outlay_bill_get_payee (suggestion->bill), amount, original, date);
  else
    {
      OutlayAccount *from = outlay_cashflow_book_account (book, suggestion->from_account_id);

      return g_strdup_printf (_("Transfer %s from “%s” by %s"), amount,
                                 from ? outlay_account_get_name (from) : "?", date);
    }
}

static void
add_date (JsonBuilder *b, const char *name, const GDate *d)
{
  g_autofree char *text = date_text (d);

  outlay_json_add_string (b, name, text);
}

static void
add_item (JsonBuilder *b, OutlayCashflowBook *book, const OutlayScheduleItem *item)
{
  OutlayAccount *account = outlay_cashflow_book_account (book,
                                                         outlay_bill_get_account_id (item->bill));
  const char *currency = account ? outlay_account_get_currency (account) : "";

  json_builder_begin_object (b);
  add_date (b, "date", &item->date);
  add_date (b, "original", &item->original);
  json_builder_set_member_name (b, "bill_id");
  json_builder_add_int_value (b, outlay_bill_get_id (item->bill));
  outlay_json_add_string (b, "bill", outlay_bill_get_payee (item->bill));
  outlay_json_add_string (b, "account", account ? outlay_account_get_name (account) : "");
  outlay_json_add_amount (b, "amount", item->amount, currency);
  json_builder_set_member_name (b, "approximate");
  json_builder_add_boolean_value (b, outlay_bill_get_approximate (item->bill));
  outlay_json_add_string (b, "status", outlay_occurrence_status_to_string (item->status));
  json_builder_set_member_name (b, "moved");
  json_builder_add_boolean_value (b, item->moved);
  outlay_json_add_amount (b, "balance", item->balance, currency);
  json_builder_end_object (b);
}

/**
 * outlay_cashflow_schedule_to_json:
 * @book: the book
 *
 * Returns: (transfer full): {"from", "to", "items": [...]}
 */
JsonNode *
outlay_cashflow_schedule_to_json (OutlayCashflowBook *book)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  add_date (b, "from", &book->from);
  add_date (b, "to", &book->to);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < book->schedule->len; i++)
    add_item (b, book, g_ptr_array_index (book->schedule, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
add_suggestions (JsonBuilder *b, OutlayCashflowBook *book, OutlayProjection *p)
{
  const char *currency = outlay_account_get_currency (p->account);

  json_builder_set_member_name (b, "suggestions");
  json_builder_begin_array (b);
  for (guint i = 0; i < p->suggestions->len; i++)
    {
      OutlaySuggestion *s = &g_array_index (p->suggestions, OutlaySuggestion, i);
      g_autofree char *text = outlay_cashflow_suggestion_text (book, p, s);

      json_builder_begin_object (b);
      outlay_json_add_string (b, "kind",
                              s->kind == OUTLAY_SUGGESTION_MOVE_BILL ? "move-bill" : "transfer");
      if (s->bill != NULL)
        {
          outlay_json_add_string (b, "bill", outlay_bill_get_payee (s->bill));
          add_date (b, "original", &s->original);
        }
      else
        {
          OutlayAccount *from = outlay_cashflow_book_account (book, s->from_account_id);
          outlay_json_add_string (b, "from_account", from ? outlay_account_get_name (from) : "");
        }
      add_date (b, "date", &s->date);
      outlay_json_add_amount (b, "amount", s->amount, currency);
      outlay_json_add_string (b, "text", text);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/**
 * outlay_cashflow_projection_to_json:
 * @book: the book
 * @projection: one account's projection
 *
 * Returns: (transfer full): the account, the daily balance and minimum,
 *   what is safe to spend, the shortfall and the suggestions
 */
JsonNode *
outlay_cashflow_projection_to_json (OutlayCashflowBook *book, OutlayProjection *p)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  const char *currency = outlay_account_get_currency (p->account);

  json_builder_begin_object (b);
  outlay_json_add_string (b, "account", outlay_account_get_name (p->account));
  outlay_json_add_string (b, "currency", currency);
  add_date (b, "from", &book->from);
  add_date (b, "to", &book->to);
  outlay_json_add_amount (b, "reserve", outlay_account_get_reserve (p->account), currency);
  if (p->points->len > 0)
    {
      OutlayBalancePoint *first = &g_array_index (p->points, OutlayBalancePoint, 0);
      OutlayBalancePoint *last = &g_array_index (p->points, OutlayBalancePoint, p->points->len - 1);

      outlay_json_add_amount (b, "start_balance", first->balance, currency);
      outlay_json_add_amount (b, "end_balance", last->balance, currency);
      outlay_json_add_amount (b, "minimum", first->minimum, currency);
    }
  outlay_json_add_amount (b, "safe_to_spend", p->safe_amount, currency);
  add_date (b, "safe_until", &p->safe_until);
  json_builder_set_member_name (b, "shortfall");
  if (p->shortfall)
    {
      json_builder_begin_object (b);
      add_date (b, "date", &p->shortfall_date);
      outlay_json_add_amount (b, "amount", p->shortfall_amount, currency);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);
  add_suggestions (b, book, p);
  json_builder_set_member_name (b, "balances");
  json_builder_begin_array (b);
  for (guint i = 0; i < p->points->len; i++)
    {
      OutlayBalancePoint *pt = &g_array_index (p->points, OutlayBalancePoint, i);

      json_builder_begin_object (b);
      add_date (b, "date", &pt->date);
      outlay_json_add_amount (b, "balance", pt->balance, currency);
      outlay_json_add_amount (b, "minimum", pt->minimum, currency);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < p->items->len; i++)
    add_item (b, book, &g_array_index (p->items, OutlayScheduleItem, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
outlay_cashflow_accounts_to_json (OutlayCashflowBook *book)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < book->accounts->len; i++)
    {
      OutlayAccount *a = g_ptr_array_index (book->accounts, i);
      OutlayProjection *p = g_ptr_array_index (book->projections, i);
      const char *currency = outlay_account_get_currency (a);
      const OutlayBalancePoint *today = outlay_projection_point_at (p, &book->today);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, outlay_account_get_id (a));
      outlay_json_add_string (b, "name", outlay_account_get_name (a));
      outlay_json_add_string (b, "kind",
                              outlay_account_kind_to_string (outlay_account_get_kind (a)));
      outlay_json_add_string (b, "currency", currency);
      outlay_json_add_amount (b, "opening_balance", outlay_account_get_balance (a), currency);
      outlay_json_add_string (b, "opening_date", outlay_account_get_balance_date (a));
      outlay_json_add_amount (b, "reserve", outlay_account_get_reserve (a), currency);
      if (today != NULL)
        outlay_json_add_amount (b, "balance_today", today->balance, currency);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}

JsonNode *
outlay_cashflow_bills_to_json (OutlayCashflowBook *book)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < book->bills->len; i++)
    {
      OutlayBill *bill = g_ptr_array_index (book->bills, i);
      OutlayAccount *a = outlay_cashflow_book_account (book, outlay_bill_get_account_id (bill));
      OutlayRecurrence rule;
      OutlayWeekendRule weekend;
      g_autofree char *words = NULL;

      if (outlay_cashflow_bill_rule (bill, &rule, &weekend, NULL))
        words = outlay_recurrence_describe (&rule);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, outlay_bill_get_id (bill));
      outlay_json_add_string (b, "payee", outlay_bill_get_payee (bill));
      outlay_json_add_string (b, "account", a ? outlay_account_get_name (a) : "");
      outlay_json_add_amount (b, "amount", outlay_bill_get_amount (bill),
                              a ? outlay_account_get_currency (a) : "");
      json_builder_set_member_name (b, "income");
      json_builder_add_boolean_value (b, outlay_bill_get_income (bill));
      json_builder_set_member_name (b, "approximate");
      json_builder_add_boolean_value (b, outlay_bill_get_approximate (bill));
      outlay_json_add_string (b, "start", outlay_bill_get_due_date (bill));
      outlay_json_add_string (b, "rule", outlay_bill_get_recurrence (bill));
      outlay_json_add_string (b, "repeats", words);
      outlay_json_add_string (
          b, "weekend", outlay_bill_get_weekend (bill) ? outlay_bill_get_weekend (bill) : "keep");
      json_builder_set_member_name (b, "priority");
      json_builder_add_int_value (b, outlay_bill_get_priority (bill));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}
