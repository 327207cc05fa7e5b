/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-cashflow"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <stdlib.h>

#include "outlay-cashflow.h"
#include "outlay-error.h"

/* How far before the range an unpaid occurrence is still carried forward
 * as overdue. */
#define OVERDUE_LOOKBACK_DAYS 62

static const char *status_ids[] = { "due", "paid", "skipped", "overdue" };
static const char *status_titles[] = { N_("Due"), N_("Paid"), N_("Skipped"), N_("Overdue") };

const char *
outlay_occurrence_status_to_string (OutlayOccurrenceStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_ids), "due");
  return status_ids[status];
}

const char *
outlay_occurrence_status_title (OutlayOccurrenceStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_titles), "");
  return g_dgettext (GETTEXT_PACKAGE, status_titles[status]);
}

/**
 * outlay_cashflow_bill_rule:
 * @bill: a bill
 * @rule: (out caller-allocates): its recurrence, from its due date
 * @weekend: (out): its weekend handling
 * @error: why its rule, date or weekend handling is not valid
 *
 * Returns: %TRUE when the bill has a valid, occurring rule
 */
gboolean
outlay_cashflow_bill_rule (OutlayBill *bill,
                           OutlayRecurrence *rule,
                           OutlayWeekendRule *weekend,
                           GError **error)
{
  GDate start;

  if (!outlay_date_parse_iso (outlay_bill_get_due_date (bill), &start))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("“%s” has no valid first date (YYYY-MM-DD): “%s”."),
                      outlay_bill_get_payee (bill) ? outlay_bill_get_payee (bill) : "",
                      outlay_bill_get_due_date (bill) ? outlay_bill_get_due_date (bill) : "");
      return FALSE;
    }
  if (!outlay_weekend_rule_from_string (outlay_bill_get_weekend (bill), weekend))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("Weekend handling must be keep, before or after, not “%s”."),
                      outlay_bill_get_weekend (bill));
      return FALSE;
    }
  return outlay_recurrence_parse (rule, outlay_bill_get_recurrence (bill), &start, error);
}

static guint
occurrence_hash (gconstpointer key)
{
  const OutlayBillOccurrence *o = key;

  return g_int64_hash (&o->bill_id) ^ g_date_get_julian (&o->original);
}

static gboolean
occurrence_equal (gconstpointer a, gconstpointer b)
{
  const OutlayBillOccurrence *x = a, *y = b;

  return x->bill_id == y->bill_id && g_date_compare (&x->original, &y->original) == 0;
}

static GHashTable *
index_occurrences (GArray *occurrences)
{
  GHashTable *index = g_hash_table_new (occurrence_hash, occurrence_equal);

  for (guint i = 0; occurrences != NULL && i < occurrences->len; i++)
    {
      OutlayBillOccurrence *o = &g_array_index (occurrences, OutlayBillOccurrence, i);
      g_hash_table_replace (index, o, o);
    }
  return index;
}

static void
fill_item (OutlayScheduleItem *item,
           OutlayBill *bill,
           const GDate *original,
           const GDate *date,
           const OutlayBillOccurrence *state,
           const GDate *today)
{
  OutlayDecimal amount = outlay_bill_get_amount (bill);

  item->bill = bill;
  item->original = *original;
  item->date = *date;
  item->position = state ? state->position : -1;
  item->moved = state != NULL && g_date_valid (&state->moved_to);
  if (item->moved)
    item->date = state->moved_to;
  item->day = g_date_get_julian (&item->date);
  if (state != NULL && state->status == OUTLAY_BILL_STATUS_PAID)
    {
      item->status = OUTLAY_OCCURRENCE_PAID;
      amount = state->paid_amount;
    }
  else if (state != NULL && state->status == OUTLAY_BILL_STATUS_SKIPPED)
    item->status = OUTLAY_OCCURRENCE_SKIPPED;
  else if (item->day < g_date_get_julian (today))
    item->status = OUTLAY_OCCURRENCE_OVERDUE;
  else
    item->status = OUTLAY_OCCURRENCE_DUE;
  item->amount = outlay_bill_get_income (bill) ? amount : -amount;
  item->balance = 0;
  item->bill_id = outlay_bill_get_id (bill);
  item->priority = outlay_bill_get_priority (bill);
}

/**
 * outlay_schedule_item_compare:
 * @a: an #OutlayScheduleItem
 * @b: another
 *
 * The schedule's order: by date, then the stored order within the day,
 * then money in before money out, then the bill's priority.
 *
 * Returns: <0, 0 or >0
 */
int
outlay_schedule_item_compare (gconstpointer a, gconstpointer b)
{
  const OutlayScheduleItem *x = a, *y = b;
  guint px = x->position < 0 ? G_MAXUINT : (guint) x->position;
  guint py = y->position < 0 ? G_MAXUINT : (guint) y->position;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  if (px != py)
    return px < py ? -1 : 1;
  /* money in before money out, then the bill's own priority */
  if ((x->amount > 0) != (y->amount > 0))
    return x->amount > 0 ? -1 : 1;
  if (x->priority != y->priority)
    return x->priority < y->priority ? -1 : 1;
  if (x->bill_id != y->bill_id)
    return x->bill_id < y->bill_id ? -1 : 1;
  return g_date_compare (&x->original, &y->original);
}

static gboolean
in_range (const GDate *d, const GDate *from, const GDate *to)
{
  return g_date_compare (d, from) >= 0 && g_date_compare (d, to) <= 0;
}

typedef struct
{
  OutlayBill *bill;
  gint64 bill_id;
  GHashTable *index;
  GHashTable *seen;
  const GDate *today;
  guint32 from_j;
  guint32 to_j;
  gboolean lookback;
  GArray *out;
} ScheduleContext;

/* One occurrence of a bill, made an item in place at the end of the
 * schedule, and kept when it falls in the range (or is overdue) */
static void
schedule_date (const GDate *original, const GDate *date, gpointer data)
{
  ScheduleContext *cx = data;
  gboolean states = g_hash_table_size (cx->index) > 0;
  OutlayBillOccurrence key = { .bill_id = cx->bill_id, .original = *original };
  OutlayScheduleItem *item;

  g_array_set_size (cx->out, cx->out->len + 1);
  item = &g_array_index (cx->out, OutlayScheduleItem, cx->out->len - 1);
  fill_item (item, cx->bill, original, date, states ? g_hash_table_lookup (cx->index, &key) : NULL,
             cx->today);
  if (states)
    g_hash_table_add (cx->seen, GUINT_TO_POINTER (g_date_get_julian (original)));
  if ((item->day >= cx->from_j && item->day <= cx->to_j)
      || (cx->lookback && item->status == OUTLAY_OCCURRENCE_OVERDUE && !item->moved
          && item->day < cx->from_j))
    return;
  g_array_set_size (cx->out, cx->out->len - 1);
}

/* One bill's occurrences whose date falls in [@from, @to], and when
 * @lookback its overdue ones in the weeks before @from. */
static gboolean
schedule_bill (OutlayBill *bill,
               GHashTable *index,
               GArray *occurrences,
               const GDate *from,
               const GDate *to,
               const GDate *today,
               gboolean lookback,
               GArray *out,
               GError **error)
{
  OutlayRecurrence rule;
  OutlayWeekendRule weekend;
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  GDate wide_from = *from;
  ScheduleContext cx = { bill, outlay_bill_get_id (bill), index, seen, today, 0, 0, lookback, out };

  if (!outlay_cashflow_bill_rule (bill, &rule, &weekend, error))
    {
      g_prefix_error (error, "%s: ", outlay_bill_get_payee (bill));
      return FALSE;
    }
  if (lookback)
    g_date_subtract_days (&wide_from, MIN (OVERDUE_LOOKBACK_DAYS, g_date_get_julian (from) - 1));
  cx.from_j = g_date_get_julian (from);
  cx.to_j = g_date_get_julian (to);
  outlay_recurrence_foreach (&rule, weekend, &wide_from, to, schedule_date, &cx);
  /* occurrences moved into the range from outside it */
  for (guint i = 0; occurrences != NULL && i < occurrences->len; i++)
    {
      OutlayBillOccurrence *o = &g_array_index (occurrences, OutlayBillOccurrence, i);
      g_autoptr (GArray) check = NULL;
      OutlayScheduleItem item;

      if (o->bill_id != outlay_bill_get_id (bill) || !g_date_valid (&o->moved_to)
          || !in_range (&o->moved_to, from, to)
          || g_hash_table_contains (seen, GUINT_TO_POINTER (g_date_get_julian (&o->original))))
        continue;
      check = outlay_recurrence_expand (&rule, OUTLAY_WEEKEND_KEEP, &o->original, &o->original);
      if (check->len == 0)
        continue;
      fill_item (&item, bill, &o->original, &o->original, o, today);
      g_array_append_val (out, item);
    }
  return TRUE;
}

static int
item_ptr_compare (gconstpointer a, gconstpointer b)
{
  return outlay_schedule_item_compare (*(OutlayScheduleItem **) a, *(OutlayScheduleItem **) b);
}

/* One day's items: few, and often in order already (one bill's or one
 * account's run), where an insertion sort does next to nothing */
static void
sort_bucket (OutlayScheduleItem **items, guint n)
{
  if (n > 64)
    {
      qsort (items, n, sizeof *items, item_ptr_compare);
      return;
    }
  for (guint i = 1; i < n; i++)
    {
      OutlayScheduleItem *tmp = items[i];
      guint j = i;

      for (; j > 0 && outlay_schedule_item_compare (items[j - 1], tmp) > 0; j--)
        items[j] = items[j - 1];
      items[j] = tmp;
    }
}

/**
 * outlay_schedule_sort:
 * @items: (element-type OutlayScheduleItem): schedule items
 *
 * Sorts @items in the schedule's order (outlay_schedule_item_compare()):
 * by day in one counting pass, then each day's few items, so tens of
 * thousands of items take a few compares each rather than a full sort's.
 */
void
outlay_schedule_sort (GArray *items)
{
  OutlayScheduleItem *v = (OutlayScheduleItem *) (void *) items->data;
  guint n = items->len, span;
  guint32 lo = G_MAXUINT32, hi = 0;
  g_autofree guint *start = NULL;
  g_autofree OutlayScheduleItem **order = NULL;

  if (n < 2)
    return;
  for (guint i = 0; i < n; i++)
    lo = MIN (lo, v[i].day), hi = MAX (hi, v[i].day);
  /* days spread thin (a few items over centuries): an ordinary sort */
  if (hi - lo > 8 * (guint32) n + 4096)
    {
      qsort (v, n, sizeof *v, outlay_schedule_item_compare);
      return;
    }
  span = hi - lo + 1;
  start = g_new0 (guint, span + 1);
  for (guint i = 0; i < n; i++)
    start[v[i].day - lo + 1]++;
  for (guint d = 0; d < span; d++)
    start[d + 1] += start[d];
  /* pointers into @v by day (stable), then each day in order */
  order = g_new (OutlayScheduleItem *, n);
  for (guint i = 0; i < n; i++)
    order[start[v[i].day - lo]++] = &v[i];
  for (guint d = span; d-- > 0;)
    start[d + 1] = start[d];
  start[0] = 0;
  for (guint d = 0; d < span; d++)
    if (start[d + 1] - start[d] > 1)
      sort_bucket (order + start[d], start[d + 1] - start[d]);
  /* then the items into place, cycle by cycle: no second copy of them */
  for (guint i = 0; i < n; i++)
    {
      OutlayScheduleItem tmp;
      guint j = i;

      if (order[i] == &v[i])
        continue;
      tmp = v[i];
      for (;;)
        {
          guint k = (guint) (order[j] - v);

          order[j] = &v[j];
          if (k == i)
            break;
          v[j] = v[k];
          j = k;
        }
      v[j] = tmp;
    }
}

static GArray *
schedule (GPtrArray *bills,
          GArray *occurrences,
          const GDate *from,
          const GDate *to,
          const GDate *today,
          gboolean lookback,
          GError **error)
{
  g_autoptr (GArray) out = g_array_new (FALSE, FALSE, sizeof (OutlayScheduleItem));
  g_autoptr (GHashTable) index = index_occurrences (occurrences);

  for (guint i = 0; bills != NULL && i < bills->len; i++)
    if (!schedule_bill (g_ptr_array_index (bills, i), index, occurrences, from, to, today, lookback,
                        out, error))
      return NULL;
  outlay_schedule_sort (out);
  return g_steal_pointer (&out);
}

/**
 * outlay_cashflow_schedule:
 * @bills: (element-type OutlayBill): the bills
 * @occurrences: (element-type OutlayBillOccurrence) (nullable): what the
 *   user did with single occurrences
 * @from: the range's first day
 * @to: its last day
 * @today: today, before which an unpaid occurrence is overdue
 * @error: a bill whose rule is not valid
 *
 * The due schedule: every occurrence in the range and the overdue ones of
 * the weeks before it, by date and then by their order within the day.
 * The items' balances are left at 0 (see outlay_cashflow_project()).
 *
 * Returns: (transfer full) (element-type OutlayScheduleItem): the items
 */
GArray *
outlay_cashflow_schedule (GPtrArray *bills,
                          GArray *occurrences,
                          const GDate *from,
                          const GDate *to,
                          const GDate *today,
                          GError **error)
{
  g_return_val_if_fail (from != NULL && to != NULL && today != NULL, NULL);
  return schedule (bills, occurrences, from, to, today, TRUE, error);
}

typedef struct
{
  GDate date;
  OutlayDecimal balance;
} Anchor;

static int
anchor_cmp (gconstpointer a, gconstpointer b)
{
  return g_date_compare (&((const Anchor *) a)->date, &((const Anchor *) b)->date);
}

/* The opening balance and the snapshots, by date */
static GArray *
anchors_for (OutlayAccount *account, GArray *snapshots)
{
  GArray *anchors = g_array_new (FALSE, FALSE, sizeof (Anchor));
  Anchor a;

  if (outlay_date_parse_iso (outlay_account_get_balance_date (account), &a.date))
    {
      a.balance = outlay_account_get_balance (account);
      g_array_append_val (anchors, a);
    }
  for (guint i = 0; snapshots != NULL && i < snapshots->len; i++)
    {
      OutlayBalanceSnapshot *s = &g_array_index (snapshots, OutlayBalanceSnapshot, i);

      if (s->account_id != outlay_account_get_id (account))
        continue;
      a.date = s->date;
      a.balance = s->balance;
      g_array_append_val (anchors, a);
    }
  g_array_sort (anchors, anchor_cmp);
  return anchors;
}

static gboolean
add (OutlayDecimal *total, OutlayDecimal amount, GError **error)
{
  if (outlay_decimal_add (*total, amount, total))
    return TRUE;
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW,
               _("The projected balance is too large to compute."));
  return FALSE;
}

/* When an item moves the balance (a Julian day): overdue ones are carried
 * to today */
static guint32
effective_day (const OutlayScheduleItem *item, guint32 today)
{
  if (item->status == OUTLAY_OCCURRENCE_OVERDUE && item->day < today)
    return today;
  return item->day;
}

static void
effective_date (const OutlayScheduleItem *item, const GDate *today, GDate *d)
{
  g_date_clear (d, 1);
  g_date_set_julian (d, effective_day (item, g_date_get_julian (today)));
}

static GArray *
order_by_effect (GArray *items, const GDate *today)
{
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (guint), items->len);
  g_autoptr (GArray) keys = g_array_sized_new (FALSE, FALSE, sizeof (guint32), items->len);
  guint32 t = g_date_get_julian (today);

  for (guint i = 0; i < items->len; i++)
    {
      guint32 j = effective_day (&g_array_index (items, OutlayScheduleItem, i), t);

      g_array_append_val (keys, j);
      g_array_append_val (order, i);
    }
  /* stable: items are in schedule order already, carried ones are older */
  for (guint i = 1; i < order->len; i++)
    for (guint j = i; j > 0; j--)
      {
        guint a = g_array_index (order, guint, j - 1), b = g_array_index (order, guint, j);

        if (g_array_index (keys, guint32, a) <= g_array_index (keys, guint32, b))
          break;
        g_array_index (order, guint, j - 1) = b;
        g_array_index (order, guint, j) = a;
      }
  return order;
}

static gboolean
walk_days (OutlayProjection *p,
           GArray *anchors,
           guint first_anchor,
           const GDate *start,
           const GDate *from,
           const GDate *to,
           const GDate *today,
           OutlayDecimal balance,
           GError **error)
{
  g_autoptr (GArray) order = order_by_effect (p->items, today);
  guint next = 0, anchor = first_anchor;
  guint32 t = g_date_get_julian (today), from_j = g_date_get_julian (from);
  guint32 to_j = g_date_get_julian (to);

  for (guint32 day = g_date_get_julian (start); day <= to_j; day++)
    {
      gboolean anchored = anchor < anchors->len
                          && g_date_get_julian (&g_array_index (anchors, Anchor, anchor).date)
                                 == day;

      for (; next < order->len; next++)
        {
          OutlayScheduleItem *item = &g_array_index (p->items, OutlayScheduleItem,
                                                     g_array_index (order, guint, next));

          if (effective_day (item, t) > day)
            break;
          /* a snapshot that day already holds what was paid that day */
          if (anchored)
            item->balance = g_array_index (anchors, Anchor, anchor).balance;
          else if (item->status != OUTLAY_OCCURRENCE_SKIPPED
                   && !add (&balance, item->amount, error))
            return FALSE;
          else
            item->balance = balance;
        }
      /* a snapshot is the balance at the end of its day, whatever came before */
      for (; anchor < anchors->len
             && g_date_get_julian (&g_array_index (anchors, Anchor, anchor).date) <= day;
           anchor++)
        balance = g_array_index (anchors, Anchor, anchor).balance;
      if (day >= from_j)
        {
          OutlayBalancePoint pt = { { 0 }, balance, balance };

          g_date_clear (&pt.date, 1);
          g_date_set_julian (&pt.date, day);
          g_array_append_val (p->points, pt);
        }
    }
  for (guint i = p->points->len; i-- > 1;)
    {
      OutlayBalancePoint *a = &g_array_index (p->points, OutlayBalancePoint, i - 1);
      OutlayBalancePoint *b = &g_array_index (p->points, OutlayBalancePoint, i);

      a->minimum = MIN (a->balance, b->minimum);
    }
  return TRUE;
}

static int
move_candidate_cmp (gconstpointer a, gconstpointer b)
{
  const OutlayScheduleItem *x = *(OutlayScheduleItem **) a, *y = *(OutlayScheduleItem **) b;

  /* the lowest priority first; the sort is stable and the candidates come
   * latest first, so within a priority, paid last on its day, then the latest */
  return x->priority > y->priority ? -1 : x->priority < y->priority ? 1 : 0;
}

static void
suggest_moves (OutlayProjection *p, const GDate *t0, const GDate *today)
{
  g_autoptr (GPtrArray) candidates = g_ptr_array_new ();
  const OutlayBalancePoint *target_pt;
  OutlayDecimal covered = 0, reserve = outlay_account_get_reserve (p->account);
  GDate target = p->safe_until;
  guint32 today_j = g_date_get_julian (today), t0_j = g_date_get_julian (t0);
  guint32 low_j = g_date_get_julian (&p->safe_until);

  g_date_add_days (&target, 1);
  /* the first money in after the low point is when a bill can wait for */
  for (guint i = 0; i < p->items->len; i++)
    {
      OutlayScheduleItem *item = &g_array_index (p->items, OutlayScheduleItem, i);

      if (item->amount > 0 && effective_day (item, today_j) > low_j)
        {
          effective_date (item, today, &target);
          break;
        }
    }
  /* the items are in schedule order: walked backwards, the latest first */
  for (guint i = p->items->len; i-- > 0;)
    {
      OutlayScheduleItem *item = &g_array_index (p->items, OutlayScheduleItem, i);
      guint32 d = effective_day (item, today_j);

      if (item->amount < 0
          && (item->status == OUTLAY_OCCURRENCE_DUE || item->status == OUTLAY_OCCURRENCE_OVERDUE)
          && d >= t0_j && d <= low_j)
        g_ptr_array_add (candidates, item);
    }
  /* one priority for all (the usual case): they are in order already */
  for (guint i = 1; i < candidates->len; i++)
    if (((OutlayScheduleItem *) g_ptr_array_index (candidates, i))->priority
        != ((OutlayScheduleItem *) g_ptr_array_index (candidates, 0))->priority)
      {
        g_ptr_array_sort (candidates, move_candidate_cmp);
        break;
      }
  target_pt = outlay_projection_point_at (p, &target);
  for (guint i = 0; i < candidates->len && covered < p->shortfall_amount; i++)
    {
      OutlayScheduleItem *item = g_ptr_array_index (candidates, i);
      OutlaySuggestion s = {
        OUTLAY_SUGGESTION_MOVE_BILL, item->bill, item->original, target, -item->amount, 0
      };

      /* moving it must not make a new shortfall after the target */
      if (target_pt != NULL && target_pt->minimum - reserve - covered < -item->amount)
        continue;
      covered += -item->amount;
      g_array_append_val (p->suggestions, s);
    }
}

static void
summarize (OutlayProjection *p, const GDate *from, const GDate *to, const GDate *today)
{
  OutlayDecimal reserve = outlay_account_get_reserve (p->account);
  const OutlayBalancePoint *p0;
  GDate t0 = *today;

  if (g_date_compare (&t0, from) < 0)
    t0 = *from;
  if (g_date_compare (&t0, to) > 0)
    t0 = *to;
  p0 = outlay_projection_point_at (p, &t0);
  if (p0 == NULL)
    return;
  for (const OutlayBalancePoint *q = p0;
       q < &g_array_index (p->points, OutlayBalancePoint, p->points->len); q++)
    if (q->balance == p0->minimum)
      {
        p->safe_until = q->date;
        break;
      }
  for (const OutlayBalancePoint *q = p0;
       q < &g_array_index (p->points, OutlayBalancePoint, p->points->len); q++)
    if (q->balance < reserve)
      {
        p->shortfall = TRUE;
        p->shortfall_date = q->date;
        break;
      }
  p->safe_amount = MAX (0, p0->minimum - reserve);
  if (p->shortfall)
    {
      p->shortfall_amount = reserve - p0->minimum;
      suggest_moves (p, &t0, today);
    }
}

/**
 * outlay_cashflow_project:
 * @account: the account
 * @snapshots: (element-type OutlayBalanceSnapshot) (nullable): balances
 *   the user read off the bank, of any account (others are ignored)
 * @bills: (element-type OutlayBill): the bills (others' are ignored)
 * @occurrences: (element-type OutlayBillOccurrence) (nullable): what the
 *   user did with single occurrences
 * @from: the first day to project
 * @to: the last day
 * @today: today
 * @error: a bill whose rule is not valid, or an overflow
 *
 * Projects the account's balance B(t) from its latest anchor (the opening
 * balance or a snapshot) before @from, re-anchored at each later snapshot,
 * and the minimum m(t) = min B(s), s ≥ t.  An overdue bill is carried
 * forward to today.  Then what is safe to spend until the low point, and
 * whether the balance goes below the account's reserve, with the bills
 * that could move past it.
 *
 * Returns: (transfer full): the projection
 */
OutlayProjection *
outlay_cashflow_project (OutlayAccount *account,
                         GArray *snapshots,
                         GPtrArray *bills,
                         GArray *occurrences,
                         const GDate *from,
                         const GDate *to,
                         const GDate *today,
                         GError **error)
{
  g_autoptr (OutlayProjection) p = g_new0 (OutlayProjection, 1);
  g_autoptr (GArray) anchors = anchors_for (account, snapshots);
  g_autoptr (GPtrArray) mine = g_ptr_array_new ();
  OutlayDecimal balance = 0;
  guint first = 0;
  GDate start = *from;

  g_return_val_if_fail (OUTLAY_IS_ACCOUNT (account), NULL);
  p->account = g_object_ref (account);
  p->points = g_array_new (FALSE, FALSE, sizeof (OutlayBalancePoint));
  p->suggestions = g_array_new (FALSE, FALSE, sizeof (OutlaySuggestion));
  g_date_clear (&p->safe_until, 1);
  g_date_clear (&p->shortfall_date, 1);
  for (guint i = 0; bills != NULL && i < bills->len; i++)
    if (outlay_bill_get_account_id (g_ptr_array_index (bills, i))
        == outlay_account_get_id (account))
      g_ptr_array_add (mine, g_ptr_array_index (bills, i));
  /* the latest anchor before the range; else the range starts at the first */
  for (; first + 1 < anchors->len
         && g_date_compare (&g_array_index (anchors, Anchor, first + 1).date, from) < 0;
       first++)
    ;
  if (first < anchors->len)
    {
      Anchor *a = &g_array_index (anchors, Anchor, first);

      balance = a->balance;
      if (g_date_compare (&a->date, from) < 0)
        {
          start = a->date;
          g_date_add_days (&start, 1);
          first++;
        }
    }
  p->items = schedule (mine, occurrences, &start, to, today, FALSE, error);
  /* what was due by the last snapshot up to today is in its balance:
   * not carried forward */
  for (guint i = anchors->len; p->items != NULL && i-- > 0;)
    if (g_date_compare (&g_array_index (anchors, Anchor, i).date, today) <= 0)
      {
        for (guint j = 0; j < p->items->len; j++)
          {
            OutlayScheduleItem *item = &g_array_index (p->items, OutlayScheduleItem, j);

            if (item->status == OUTLAY_OCCURRENCE_OVERDUE
                && g_date_compare (&item->date, &g_array_index (anchors, Anchor, i).date) <= 0)
              item->status = OUTLAY_OCCURRENCE_DUE;
          }
        break;
      }
  if (p->items == NULL || !walk_days (p, anchors, first, &start, from, to, today, balance, error))
    return NULL;
  /* keep what the range shows: from @from, and the overdue carried into it */
  {
    guint kept = 0, from_day = g_date_get_julian (from);

    for (guint i = 0; i < p->items->len; i++)
      {
        OutlayScheduleItem *item = &g_array_index (p->items, OutlayScheduleItem, i);

        if (item->day >= from_day || item->status == OUTLAY_OCCURRENCE_OVERDUE)
          g_array_index (p->items, OutlayScheduleItem, kept++) = *item;
      }
    g_array_set_size (p->items, kept);
  }
  summarize (p, from, to, today);
  return g_steal_pointer (&p);
}

static int
transfer_cmp (gconstpointer a, gconstpointer b)
{
  const OutlayProjection *x = *(OutlayProjection **) a, *y = *(OutlayProjection **) b;

  return x->safe_amount > y->safe_amount ? -1 : x->safe_amount < y->safe_amount ? 1 : 0;
}

/**
 * outlay_cashflow_suggest_transfers:
 * @projection: an account's projection with a shortfall
 * @others: (array length=n_others): the other accounts' projections over
 *   the same range
 * @n_others: their number
 *
 * Adds a transfer suggestion from each account in the same currency that
 * can spare the missing amount without going below its own reserve, the
 * roomiest first.
 */
void
outlay_cashflow_suggest_transfers (OutlayProjection *projection,
                                   OutlayProjection **others,
                                   guint n_others)
{
  g_autoptr (GPtrArray) sources = g_ptr_array_new ();

  g_return_if_fail (projection != NULL);
  if (!projection->shortfall)
    return;
  for (guint i = 0; i < n_others; i++)
    if (others[i] != projection && !others[i]->shortfall
        && outlay_account_get_id (others[i]->account) != outlay_account_get_id (projection->account)
        && g_strcmp0 (outlay_account_get_currency (others[i]->account),
                      outlay_account_get_currency (projection->account))
               == 0
        && others[i]->safe_amount >= projection->shortfall_amount)
      g_ptr_array_add (sources, others[i]);
  g_ptr_array_sort (sources, transfer_cmp);
  for (guint i = 0; i < sources->len; i++)
    {
      OutlayProjection *src = g_ptr_array_index (sources, i);
      OutlaySuggestion s = { OUTLAY_SUGGESTION_TRANSFER,   NULL,
                             projection->shortfall_date,   projection->shortfall_date,
                             projection->shortfall_amount, outlay_account_get_id (src->account) };
      g_array_append_val (projection->suggestions, s);
    }
}

/**
 * outlay_projection_point_at:
 * @self: a projection
 * @date: a day
 *
 * Returns: (nullable): the day's point, %NULL outside the range
 */
const OutlayBalancePoint *
outlay_projection_point_at (OutlayProjection *self, const GDate *date)
{
  gint64 i;

  if (self->points->len == 0)
    return NULL;
  i = g_date_days_between (&g_array_index (self->points, OutlayBalancePoint, 0).date, date);
  if (i < 0 || i >= self->points->len)
    return NULL;
  return &g_array_index (self->points, OutlayBalancePoint, i);
}

void
outlay_projection_free (OutlayProjection *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->account);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->suggestions, g_array_unref);
  g_free (self);
}
