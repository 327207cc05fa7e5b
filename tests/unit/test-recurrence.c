/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "outlay-error.h"
#include "outlay-recurrence.h"

/* Every expected date is written out by hand from a printed calendar,
 * never computed with the code under test. */

static GDate
day (const char *iso)
{
  GDate d;

  g_assert_true (outlay_date_parse_iso (iso, &d));
  return d;
}

/* The dates @rule gives from @start in [@from, @to], as "a b c" */
static char *
dates (const char *rule,
       const char *start,
       OutlayWeekendRule weekend,
       const char *from,
       const char *to)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) out = NULL;
  GString *s = g_string_new (NULL);
  OutlayRecurrence r;
  GDate ds = day (start), df = day (from), dt = day (to);

  g_assert_true (outlay_recurrence_parse (&r, rule, &ds, &error));
  g_assert_no_error (error);
  out = outlay_recurrence_expand (&r, weekend, &df, &dt);
  for (guint i = 0; i < out->len; i++)
    {
      g_autofree char *iso = outlay_date_to_iso (
          &g_array_index (out, OutlayRecurrenceDate, i).date);
      g_string_append_printf (s, "%s%s", i ? " " : "", iso);
    }
  return g_string_free (s, FALSE);
}

#define ASSERT_DATES(rule, start, from, to, expected)                                              \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree char *got_ = dates (rule, start, OUTLAY_WEEKEND_KEEP, from, to);                    \
    g_assert_cmpstr (got_, ==, expected);                                                          \
  }                                                                                                \
  G_STMT_END

static void
test_once (void)
{
  ASSERT_DATES ("", "2026-03-14", "2026-01-01", "2026-12-31", "2026-03-14");
  ASSERT_DATES (NULL, "2026-03-14", "2026-03-15", "2026-12-31", "");
}

static void
test_month_end_clamped (void)
{
  /* day 31, clamped: February has 29 days in 2024 and 28 in 2025 */
  ASSERT_DATES ("RSCALE=GREGORIAN;SKIP=BACKWARD;FREQ=MONTHLY;BYMONTHDAY=31", "2024-01-31",
                "2024-01-01", "2024-05-31",
                "2024-01-31 2024-02-29 2024-03-31 2024-04-30 2024-05-31");
  ASSERT_DATES ("RSCALE=GREGORIAN;SKIP=BACKWARD;FREQ=MONTHLY;BYMONTHDAY=31", "2024-01-31",
                "2025-02-01", "2025-03-31", "2025-02-28 2025-03-31");
  /* day 30 clamped lands on 28 February, then back to 30 */
  ASSERT_DATES ("RSCALE=GREGORIAN;SKIP=BACKWARD;FREQ=MONTHLY;BYMONTHDAY=30", "2025-01-30",
                "2025-01-01", "2025-03-31", "2025-01-30 2025-02-28 2025-03-30");
  /* RFC 5545 without SKIP leaves the short months out */
  ASSERT_DATES ("FREQ=MONTHLY;BYMONTHDAY=31", "2024-01-31", "2024-01-01", "2024-06-30",
                "2024-01-31 2024-03-31 2024-05-31");
  /* a start on the 31st with no BYMONTHDAY keeps the 31st */
  ASSERT_DATES ("FREQ=MONTHLY;SKIP=BACKWARD;RSCALE=GREGORIAN", "2026-01-31", "2026-01-01",
                "2026-04-30", "2026-01-31 2026-02-28 2026-03-31 2026-04-30");
}

static void
test_last_day (void)
{
  ASSERT_DATES ("FREQ=MONTHLY;BYMONTHDAY=-1", "2023-12-31", "2023-12-01", "2024-04-30",
                "2023-12-31 2024-01-31 2024-02-29 2024-03-31 2024-04-30");
  ASSERT_DATES ("FREQ=MONTHLY;BYMONTHDAY=-1", "2023-01-15", "2023-02-01", "2023-02-28",
                "2023-02-28");
}

static void
test_last_business_day (void)
{
  /* 31 Jan 2026 is a Saturday, 28 Feb a Saturday, 31 May a Sunday */
  ASSERT_DATES ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "2026-01-01", "2026-01-01",
                "2026-06-30", "2026-01-30 2026-02-27 2026-03-31 2026-04-30 2026-05-29 2026-06-30");
}

static void
test_nth_weekday (void)
{
  ASSERT_DATES ("FREQ=MONTHLY;BYDAY=-1FR", "2026-01-01", "2026-01-01", "2026-06-30",
                "2026-01-30 2026-02-27 2026-03-27 2026-04-24 2026-05-29 2026-06-26");
  ASSERT_DATES ("FREQ=MONTHLY;BYDAY=2TU", "2026-01-01", "2026-01-01", "2026-04-30",
                "2026-01-13 2026-02-10 2026-03-10 2026-04-14");
  /* Thanksgiving: the fourth Thursday of November */
  ASSERT_DATES ("FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", "2024-01-01", "2024-01-01", "2026-12-31",
                "2024-11-28 2025-11-27 2026-11-26");
}

static void
test_twice_a_month (void)
{
  ASSERT_DATES ("FREQ=MONTHLY;BYMONTHDAY=1,15", "2026-01-15", "2026-01-01", "2026-03-31",
                "2026-01-15 2026-02-01 2026-02-15 2026-03-01 2026-03-15");
}

static void
test_weekly_across_dst (void)
{
  /* the US changes clocks on 8 March 2026, the EU on 29 March and
   * 25 October: dates do not move */
  ASSERT_DATES ("FREQ=WEEKLY;INTERVAL=2", "2026-03-02", "2026-03-01", "2026-04-30",
                "2026-03-02 2026-03-16 2026-03-30 2026-04-13 2026-04-27");
  ASSERT_DATES ("FREQ=DAILY;COUNT=3", "2026-03-28", "2026-03-01", "2026-04-30",
                "2026-03-28 2026-03-29 2026-03-30");
  ASSERT_DATES ("FREQ=DAILY;INTERVAL=1", "2026-10-24", "2026-10-24", "2026-10-26",
                "2026-10-24 2026-10-25 2026-10-26");
  ASSERT_DATES ("FREQ=WEEKLY;BYDAY=MO,TH", "2026-03-05", "2026-03-05", "2026-03-16",
                "2026-03-05 2026-03-09 2026-03-12 2026-03-16");
}

static void
test_leap_years (void)
{
  /* 29 February: RFC 5545 skips the years without one; SKIP=BACKWARD
   * pays on the 28th */
  ASSERT_DATES ("FREQ=YEARLY", "2024-02-29", "2024-01-01", "2032-12-31",
                "2024-02-29 2028-02-29 2032-02-29");
  ASSERT_DATES ("RSCALE=GREGORIAN;SKIP=BACKWARD;FREQ=YEARLY", "2024-02-29", "2024-01-01",
                "2026-12-31", "2024-02-29 2025-02-28 2026-02-28");
  /* 2100 is not a leap year */
  ASSERT_DATES ("FREQ=MONTHLY;BYMONTHDAY=-1;BYMONTH=2", "2096-01-01", "2096-01-01", "2100-12-31",
                "2096-02-29 2097-02-28 2098-02-28 2099-02-28 2100-02-28");
}

static void
test_count_until (void)
{
  ASSERT_DATES ("FREQ=MONTHLY;COUNT=3", "2026-01-10", "2026-01-01", "2026-12-31",
                "2026-01-10 2026-02-10 2026-03-10");
  /* COUNT counts from the start even when the range begins later */
  ASSERT_DATES ("FREQ=MONTHLY;COUNT=3", "2026-01-10", "2026-03-01", "2026-12-31", "2026-03-10");
  ASSERT_DATES ("FREQ=MONTHLY;UNTIL=20260310", "2026-01-10", "2026-01-01", "2026-12-31",
                "2026-01-10 2026-02-10 2026-03-10");
  ASSERT_DATES ("FREQ=YEARLY;INTERVAL=2", "2020-06-01", "2025-01-01", "2029-12-31",
                "2026-06-01 2028-06-01");
}

static void
test_weekend (void)
{
  g_autofree char *before = dates ("FREQ=MONTHLY;BYMONTHDAY=-1", "2026-01-31",
                                   OUTLAY_WEEKEND_BEFORE, "2026-01-01", "2026-05-31");
  g_autofree char *after = dates ("FREQ=MONTHLY;BYMONTHDAY=-1", "2026-01-31", OUTLAY_WEEKEND_AFTER,
                                  "2026-01-01", "2026-06-01");
  g_autofree char *edge = dates ("FREQ=MONTHLY;BYMONTHDAY=-1", "2026-01-31", OUTLAY_WEEKEND_AFTER,
                                 "2026-02-01", "2026-02-01");

  g_assert_cmpstr (before, ==, "2026-01-30 2026-02-27 2026-03-31 2026-04-30 2026-05-29");
  g_assert_cmpstr (after, ==, "2026-02-02 2026-03-02 2026-03-31 2026-04-30 2026-06-01");
  /* 31 January moved after the weekend lands in a range that starts on 1 February */
  g_assert_cmpstr (edge, ==, "");
  g_free (g_steal_pointer (&edge));
  edge = dates ("FREQ=MONTHLY;BYMONTHDAY=-1", "2026-01-31", OUTLAY_WEEKEND_AFTER, "2026-02-02",
                "2026-02-02");
  g_assert_cmpstr (edge, ==, "2026-02-02");
}

static void
assert_refused (const char *rule, const char *start, const char *fragment)
{
  g_autoptr (GError) error = NULL;
  OutlayRecurrence r;
  GDate d = day (start);

  g_assert_false (outlay_recurrence_parse (&r, rule, &d, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
}

static void
test_refused (void)
{
  assert_refused ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "2026-01-01", "never gives a date");
  assert_refused ("FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=4,6,9,11", "2026-01-01",
                  "never gives a date");
  assert_refused ("FREQ=MONTHLY;UNTIL=20251231", "2026-01-01", "before its first date");
  assert_refused ("FREQ=MONTHLY;BYMONTHDAY=31;UNTIL=20260425", "2026-04-01", "never gives a date");
  assert_refused ("FREQ=FORTNIGHTLY", "2026-01-01", "FREQ must be");
  assert_refused ("FREQ=MONTHLY;COUNT=2;UNTIL=20270101", "2026-01-01", "both COUNT and UNTIL");
  assert_refused ("FREQ=MONTHLY;BYEASTER=1", "2026-01-01", "BYEASTER");
  assert_refused ("FREQ=WEEKLY;BYDAY=-1FR", "2026-01-01", "numbered day");
  assert_refused ("FREQ=MONTHLY;INTERVAL=0", "2026-01-01", "INTERVAL");
}

static void
assert_words (const char *rule, const char *start, const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *words = NULL;
  OutlayRecurrence r;
  GDate d = day (start);

  g_assert_true (outlay_recurrence_parse (&r, rule, &d, &error));
  g_assert_no_error (error);
  words = outlay_recurrence_describe (&r);
  g_assert_cmpstr (words, ==, expected);
}

static void
test_words (void)
{
  assert_words ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "2026-01-01",
                "Every month on the last business day");
  assert_words ("FREQ=MONTHLY;BYDAY=-1FR", "2026-01-01", "Every month on the last Friday");
  assert_words ("FREQ=MONTHLY;BYMONTHDAY=1,15", "2026-01-01", "Every month on day 1 and day 15");
  assert_words ("FREQ=MONTHLY;BYMONTHDAY=-1", "2026-01-01", "Every month on the last day");
  assert_words ("RSCALE=GREGORIAN;SKIP=BACKWARD;FREQ=MONTHLY;BYMONTHDAY=31", "2026-01-01",
                "Every month on day 31 or the month’s last day");
  assert_words ("FREQ=WEEKLY;INTERVAL=2", "2026-03-02", "Every 2 weeks on Monday");
  assert_words ("FREQ=MONTHLY;COUNT=12", "2026-01-05", "Every month on day 5, 12 times");
  assert_words ("FREQ=YEARLY", "2026-04-15", "Every year on 15 April");
  assert_words ("FREQ=DAILY;UNTIL=20261231", "2026-01-01", "Every day, until 31 December 2026");
  assert_words ("", "2026-03-14", "Once, on 14 March 2026");
}

static void
test_round_trip (void)
{
  const char *rules[] = { "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
                          "RSCALE=GREGORIAN;SKIP=BACKWARD;FREQ=MONTHLY;BYMONTHDAY=31",
                          "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=10",
                          "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH;UNTIL=20301231", "" };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *text = NULL;
      OutlayRecurrence r;
      GDate d = day ("2026-01-01");

      g_assert_true (outlay_recurrence_parse (&r, rules[i], &d, &error));
      text = outlay_recurrence_to_string (&r);
      g_assert_cmpstr (text, ==, rules[i]);
    }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/recurrence/once", test_once);
  g_test_add_func ("/recurrence/month-end-clamped", test_month_end_clamped);
  g_test_add_func ("/recurrence/last-day", test_last_day);
  g_test_add_func ("/recurrence/last-business-day", test_last_business_day);
  g_test_add_func ("/recurrence/nth-weekday", test_nth_weekday);
  g_test_add_func ("/recurrence/twice-a-month", test_twice_a_month);
  g_test_add_func ("/recurrence/across-dst", test_weekly_across_dst);
  g_test_add_func ("/recurrence/leap-years", test_leap_years);
  g_test_add_func ("/recurrence/count-until", test_count_until);
  g_test_add_func ("/recurrence/weekend", test_weekend);
  g_test_add_func ("/recurrence/refused", test_refused);
  g_test_add_func ("/recurrence/words", test_words);
  g_test_add_func ("/recurrence/round-trip", test_round_trip);
  return g_test_run ();
}
