/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "outlay-cashflow.h"
#include "outlay-error.h"

/* A crafted month and a half of one checking account; every balance below
 * is added up by hand:
 *
 *   opening 1,000.00 at the end of 1 March 2026 (after that day's rent),
 *   reserve 100.00, today 10 March
 *   salary  +2,000.00 on the last business day (31 March, 30 April)
 *   rent    −1,200.00 on the 1st (1 March, in the opening; 1 April)
 *   phone      −50.00 on the 15th (15 March, 15 April)
 *   insurance −300.00 once on 20 March, priority 5 (the first to move)
 */

#define D(units) OUTLAY_DECIMAL_FROM_INT (units)

static GDate
day (const char *iso)
{
  GDate d;

  g_assert_true (outlay_date_parse_iso (iso, &d));
  return d;
}

static OutlayBill *
bill (gint64 id,
      const char *payee,
      gint64 amount,
      const char *start,
      const char *rule,
      gboolean income,
      gint64 priority)
{
  return g_object_new (OUTLAY_TYPE_BILL, "id", id, "account-id", (gint64) 1, "payee", payee,
                       "amount", D (amount), "due-date", start, "recurrence", rule, "income",
                       income, "priority", priority, NULL);
}

static GPtrArray *
crafted_bills (gint64 rent)
{
  GPtrArray *bills = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (bills, bill (1, "Salary", 2000, "2026-01-30",
                                "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", TRUE, 0));
  g_ptr_array_add (bills, bill (2, "Rent", rent, "2026-01-01", "FREQ=MONTHLY", FALSE, 0));
  g_ptr_array_add (bills, bill (3, "Phone", 50, "2026-01-15", "FREQ=MONTHLY", FALSE, 0));
  g_ptr_array_add (bills, bill (4, "Insurance", 300, "2026-03-20", "", FALSE, 5));
  return bills;
}

static OutlayAccount *
account (gint64 id, const char *name, gint64 opening, gint64 reserve)
{
  return g_object_new (OUTLAY_TYPE_ACCOUNT, "id", id, "name", name, "currency", "EUR", "balance",
                       D (opening), "balance-date", "2026-03-01", "reserve", D (reserve), NULL);
}

static OutlayProjection *
project (OutlayAccount *a, GArray *snapshots, GPtrArray *bills, GArray *occ, const char *from)
{
  g_autoptr (GError) error = NULL;
  GDate f = day (from), t = day ("2026-04-30"), today = day ("2026-03-10");
  OutlayProjection *p = outlay_cashflow_project (a, snapshots, bills, occ, &f, &t, &today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (p);
  return p;
}

static void
assert_point (OutlayProjection *p, const char *iso, gint64 balance, gint64 minimum)
{
  GDate d = day (iso);
  const OutlayBalancePoint *pt = outlay_projection_point_at (p, &d);

  g_assert_nonnull (pt);
  g_assert_cmpint (pt->balance, ==, D (balance));
  g_assert_cmpint (pt->minimum, ==, D (minimum));
}

static void
test_balance_and_minimum (void)
{
  g_autoptr (GPtrArray) bills = crafted_bills (1200);
  g_autoptr (OutlayAccount) a = account (1, "Checking", 1000, 100);
  g_autoptr (OutlayProjection) p = project (a, NULL, bills, NULL, "2026-03-01");
  g_autofree char *until = NULL;

  g_assert_cmpuint (p->points->len, ==, 61);
  assert_point (p, "2026-03-01", 1000, 650);
  assert_point (p, "2026-03-14", 1000, 650);
  assert_point (p, "2026-03-15", 950, 650);
  assert_point (p, "2026-03-20", 650, 650);
  assert_point (p, "2026-03-30", 650, 650);
  assert_point (p, "2026-03-31", 2650, 1400);
  assert_point (p, "2026-04-01", 1450, 1400);
  assert_point (p, "2026-04-15", 1400, 1400);
  assert_point (p, "2026-04-30", 3400, 3400);
  /* the items in order with the balance after each */
  g_assert_cmpuint (p->items->len, ==, 7);
  /* 1 March's rent is in the opening balance: shown, not counted again */
  g_assert_cmpint (g_array_index (p->items, OutlayScheduleItem, 0).balance, ==, D (1000));
  g_assert_cmpint (g_array_index (p->items, OutlayScheduleItem, 0).status, ==,
                   OUTLAY_OCCURRENCE_DUE);
  g_assert_cmpint (g_array_index (p->items, OutlayScheduleItem, 1).balance, ==, D (950));
  g_assert_cmpint (g_array_index (p->items, OutlayScheduleItem, 3).amount, ==, D (2000));
  g_assert_cmpint (g_array_index (p->items, OutlayScheduleItem, 4).balance, ==, D (1450));
  /* safe to spend until the low point on 20 March: 650 − 100 */
  g_assert_cmpint (p->safe_amount, ==, D (550));
  until = outlay_date_to_iso (&p->safe_until);
  g_assert_cmpstr (until, ==, "2026-03-20");
  g_assert_false (p->shortfall);
  g_assert_cmpuint (p->suggestions->len, ==, 0);
}

static void
test_snapshot_reanchors (void)
{
  g_autoptr (GPtrArray) bills = crafted_bills (1200);
  g_autoptr (OutlayAccount) a = account (1, "Checking", 1000, 100);
  g_autoptr (GArray) snaps = g_array_new (FALSE, FALSE, sizeof (OutlayBalanceSnapshot));
  OutlayBalanceSnapshot s = { 1, day ("2026-03-16"), D (900) };
  OutlayBalanceSnapshot other = { 2, day ("2026-03-17"), D (5) };

  g_array_append_val (snaps, s);
  g_array_append_val (snaps, other);
  {
    g_autoptr (OutlayProjection) p = project (a, snaps, bills, NULL, "2026-03-01");

    assert_point (p, "2026-03-15", 950, 600);
    assert_point (p, "2026-03-16", 900, 600);
    assert_point (p, "2026-03-20", 600, 600);
    assert_point (p, "2026-04-01", 1400, 1350);
    assert_point (p, "2026-04-30", 3350, 3350);
    g_assert_cmpint (p->safe_amount, ==, D (500));
  }
  {
    /* a range after the snapshot starts from it, not from the opening */
    g_autoptr (OutlayProjection) p = project (a, snaps, bills, NULL, "2026-03-20");

    g_assert_cmpuint (p->points->len, ==, 42);
    assert_point (p, "2026-03-20", 600, 600);
    assert_point (p, "2026-04-15", 1350, 1350);
  }
}

static void
test_shortfall (void)
{
  g_autoptr (GPtrArray) bills = crafted_bills (2800);
  g_autoptr (OutlayAccount) a = account (1, "Checking", 1000, 100);
  g_autoptr (OutlayAccount) savings = account (2, "Savings", 5000, 1000);
  g_autoptr (OutlayProjection) p = project (a, NULL, bills, NULL, "2026-03-01");
  g_autoptr (OutlayProjection) ps = project (savings, NULL, bills, NULL, "2026-03-01");
  OutlayProjection *others[] = { p, ps };
  OutlaySuggestion *s;
  g_autofree char *when = NULL, *to = NULL;

  /* 31 March 2,650, rent 2,800 leaves −150 on 1 April, phone −200 on the 15th */
  assert_point (p, "2026-04-01", -150, -200);
  assert_point (p, "2026-04-15", -200, -200);
  g_assert_true (p->shortfall);
  when = outlay_date_to_iso (&p->shortfall_date);
  g_assert_cmpstr (when, ==, "2026-04-01");
  g_assert_cmpint (p->shortfall_amount, ==, D (300));
  g_assert_cmpint (p->safe_amount, ==, 0);
  /* the lowest-priority bill before the low point covers it: insurance
   * moves to the next salary */
  g_assert_cmpuint (p->suggestions->len, ==, 1);
  s = &g_array_index (p->suggestions, OutlaySuggestion, 0);
  g_assert_cmpint (s->kind, ==, OUTLAY_SUGGESTION_MOVE_BILL);
  g_assert_cmpstr (outlay_bill_get_payee (s->bill), ==, "Insurance");
  g_assert_cmpint (s->amount, ==, D (300));
  to = outlay_date_to_iso (&s->date);
  g_assert_cmpstr (to, ==, "2026-04-30");
  /* savings (no bills of its own) can spare 300 above its 1,000 reserve */
  g_assert_false (ps->shortfall);
  g_assert_cmpint (ps->safe_amount, ==, D (4000));
  outlay_cashflow_suggest_transfers (p, others, G_N_ELEMENTS (others));
  g_assert_cmpuint (p->suggestions->len, ==, 2);
  s = &g_array_index (p->suggestions, OutlaySuggestion, 1);
  g_assert_cmpint (s->kind, ==, OUTLAY_SUGGESTION_TRANSFER);
  g_assert_cmpint (s->from_account_id, ==, 2);
  g_assert_cmpint (s->amount, ==, D (300));
}

static void
test_occurrence_states (void)
{
  g_autoptr (GPtrArray) bills = crafted_bills (1200);
  g_autoptr (OutlayAccount) a = account (1, "Checking", 1000, 100);
  g_autoptr (GArray) occ = g_array_new (FALSE, FALSE, sizeof (OutlayBillOccurrence));
  g_autoptr (OutlayProjection) p = NULL;
  OutlayBillOccurrence paid = { 3, day ("2026-03-15"), OUTLAY_BILL_STATUS_PAID, { 0 }, D (65), -1 };
  OutlayBillOccurrence skipped = {
    4, day ("2026-03-20"), OUTLAY_BILL_STATUS_SKIPPED, { 0 }, 0, -1
  };
  OutlayBillOccurrence moved = { 2, day ("2026-04-01"), OUTLAY_BILL_STATUS_DUE, { 0 }, 0, -1 };

  g_date_clear (&paid.moved_to, 1);
  g_date_clear (&skipped.moved_to, 1);
  moved.moved_to = day ("2026-04-03");
  g_array_append_val (occ, paid);
  g_array_append_val (occ, skipped);
  g_array_append_val (occ, moved);
  p = project (a, NULL, bills, occ, "2026-03-01");
  /* phone paid 65 instead of 50; insurance skipped; rent on the 3rd */
  assert_point (p, "2026-03-15", 935, 935);
  assert_point (p, "2026-03-20", 935, 935);
  assert_point (p, "2026-04-02", 2935, 1685);
  assert_point (p, "2026-04-03", 1735, 1685);
  assert_point (p, "2026-04-15", 1685, 1685);
  g_assert_cmpint (g_array_index (p->items, OutlayScheduleItem, 1).status, ==,
                   OUTLAY_OCCURRENCE_PAID);
  g_assert_cmpint (g_array_index (p->items, OutlayScheduleItem, 2).status, ==,
                   OUTLAY_OCCURRENCE_SKIPPED);
  g_assert_true (g_array_index (p->items, OutlayScheduleItem, 4).moved);
}

static void
test_overdue_and_order (void)
{
  g_autoptr (GPtrArray) bills = crafted_bills (1200);
  g_autoptr (OutlayAccount) a = account (1, "Checking", 1000, 0);
  g_autoptr (GArray) occ = g_array_new (FALSE, FALSE, sizeof (OutlayBillOccurrence));
  g_autoptr (OutlayProjection) p = NULL;
  g_autoptr (GArray) sched = NULL;
  g_autoptr (GError) error = NULL;
  OutlayBillOccurrence car_first = { 5, day ("2026-04-01"), OUTLAY_BILL_STATUS_DUE, { 0 }, 0, 0 };
  OutlayBillOccurrence rent_second = { 2, day ("2026-04-01"), OUTLAY_BILL_STATUS_DUE, { 0 }, 0, 1 };
  GDate f = day ("2026-03-20"), t = day ("2026-04-05"), today = day ("2026-03-10");
  OutlayScheduleItem *i0, *i1;
  gboolean seen = FALSE;

  g_ptr_array_add (bills, bill (5, "Car", 200, "2026-04-01", "", FALSE, 0));
  g_ptr_array_add (bills, bill (6, "Water", 40, "2026-03-05", "", FALSE, 0));
  g_date_clear (&car_first.moved_to, 1);
  g_date_clear (&rent_second.moved_to, 1);
  /* unordered, rent (id 2) comes before the car (id 5) */
  p = project (a, NULL, bills, NULL, "2026-03-01");
  /* water was due on 5 March, is unpaid, and is carried forward to today */
  assert_point (p, "2026-03-09", 1000, 610);
  assert_point (p, "2026-03-10", 960, 610);
  g_assert_cmpint (g_array_index (p->items, OutlayScheduleItem, 1).status, ==,
                   OUTLAY_OCCURRENCE_OVERDUE);
  g_clear_pointer (&p, outlay_projection_free);
  /* stored order: the car first, then rent */
  g_array_append_val (occ, car_first);
  g_array_append_val (occ, rent_second);
  p = project (a, NULL, bills, occ, "2026-03-01");
  for (guint i = 0; i < p->items->len; i++)
    if (outlay_bill_get_id (g_array_index (p->items, OutlayScheduleItem, i).bill) == 5)
      {
        i0 = &g_array_index (p->items, OutlayScheduleItem, i);
        i1 = &g_array_index (p->items, OutlayScheduleItem, i + 1);
        g_assert_cmpstr (outlay_bill_get_payee (i1->bill), ==, "Rent");
        /* 31 March: 960 − 50 − 300 + 2,000 = 2,610; car, then rent */
        g_assert_cmpint (i0->balance, ==, D (2410));
        g_assert_cmpint (i1->balance, ==, D (1210));
        seen = TRUE;
      }
  g_assert_true (seen);
  /* the plain schedule (no balances) carries the unpaid ones of the
   * 62 days before the range as overdue: from 17 January, salary 30 Jan,
   * rent 1 Feb, phone 15 Feb, salary 27 Feb, rent 1 Mar, water 5 Mar */
  sched = outlay_cashflow_schedule (bills, occ, &f, &t, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sched->len, ==, 10);
  for (guint i = 0; i < 6; i++)
    g_assert_cmpint (g_array_index (sched, OutlayScheduleItem, i).status, ==,
                     OUTLAY_OCCURRENCE_OVERDUE);
  g_assert_cmpstr (outlay_bill_get_payee (g_array_index (sched, OutlayScheduleItem, 5).bill), ==,
                   "Water");
  g_assert_cmpint (g_array_index (sched, OutlayScheduleItem, 6).status, ==, OUTLAY_OCCURRENCE_DUE);
  g_assert_cmpstr (outlay_bill_get_payee (g_array_index (sched, OutlayScheduleItem, 8).bill), ==,
                   "Car");
  g_assert_cmpstr (outlay_bill_get_payee (g_array_index (sched, OutlayScheduleItem, 9).bill), ==,
                   "Rent");
}

/* The schedule's sort (by day, then within the day) gives the same order
 * as a plain sort with the schedule's compare, for runs in order already,
 * days crowded with items, and days spread over centuries. */
static void
test_schedule_sort (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (15);

  for (guint round = 0; round < 6; round++)
    {
      guint n = round == 0 ? 1 : 40 * round * round;
      guint32 spread = round == 5 ? 3000000 : round == 4 ? 3 : 400;
      g_autoptr (GArray) items = g_array_new (FALSE, TRUE, sizeof (OutlayScheduleItem));
      g_autoptr (GArray) expected = NULL;

      for (guint i = 0; i < n; i++)
        {
          OutlayScheduleItem item = { 0 };

          item.day = 700000 + g_rand_int_range (rand, 0, spread);
          item.position = g_rand_int_range (rand, -1, 3);
          item.amount = g_rand_int_range (rand, -5, 5) * 10000;
          item.priority = g_rand_int_range (rand, 0, 3);
          item.bill_id = g_rand_int_range (rand, 1, 30);
          g_date_clear (&item.original, 1);
          /* (bill, original) is unique, as in a real schedule */
          g_date_set_julian (&item.original, 1 + i);
          g_array_append_val (items, item);
        }
      /* one bill's run in order, as schedule() gets them */
      if (round == 3)
        g_array_sort (items, outlay_schedule_item_compare);
      expected = g_array_copy (items);
      g_array_sort (expected, outlay_schedule_item_compare);
      outlay_schedule_sort (items);
      g_assert_cmpuint (items->len, ==, expected->len);
      for (guint i = 0; i < n; i++)
        {
          OutlayScheduleItem *a = &g_array_index (items, OutlayScheduleItem, i);
          OutlayScheduleItem *b = &g_array_index (expected, OutlayScheduleItem, i);

          g_assert_cmpuint (a->day, ==, b->day);
          g_assert_cmpint (a->bill_id, ==, b->bill_id);
          g_assert_cmpuint (g_date_get_julian (&a->original), ==, g_date_get_julian (&b->original));
        }
    }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cashflow/balance-and-minimum", test_balance_and_minimum);
  g_test_add_func ("/cashflow/snapshot-reanchors", test_snapshot_reanchors);
  g_test_add_func ("/cashflow/shortfall", test_shortfall);
  g_test_add_func ("/cashflow/occurrence-states", test_occurrence_states);
  g_test_add_func ("/cashflow/overdue-and-order", test_overdue_and_order);
  g_test_add_func ("/cashflow/schedule-sort", test_schedule_sort);
  return g_test_run ();
}
