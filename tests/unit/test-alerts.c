/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Spend warnings: where actual + committed stands against the allocation
 * (else the estimate), and when crossing a threshold deserves a
 * notification: once per crossing, remembered in the database. */
#include "config.h"

#include "outlay-spend-level.h"
#include "outlay-store-alerts.h"
#include "outlay-store.h"
#include "outlay-test-util.h"

#define D(units) OUTLAY_DECIMAL_FROM_INT (units)

static OutlayLine *
add_line (OutlayDocument *doc, OutlaySection *section, const char *rate)
{
  g_autoptr(GError) error = NULL;
  OutlayLine *line = outlay_document_insert_line (doc, section, G_MAXUINT, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_RATE, rate, &error));
  g_assert_no_error (error);
  return line;
}

static void
set (OutlayDocument *doc, OutlayLine *line, OutlayLineField field, const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (outlay_document_set_line_text (doc, line, field, text, &error));
  g_assert_no_error (error);
}

static OutlaySpendLevel
level (OutlayDocument *doc, OutlayDecimal *percent)
{
  return outlay_spend_level_for_document (doc, percent);
}

static void
test_levels (void)
{
  g_autoptr(OutlayBudget) budget = g_object_new (OUTLAY_TYPE_BUDGET, "name", "Launch", "allocated",
                                                  D (1000), NULL);
  g_autoptr(OutlayDocument) doc = outlay_document_new (budget);
  g_autoptr(GError) error = NULL;
  OutlaySection *section = outlay_document_add_section (doc, G_MAXUINT, "1", "Build", &error);
  OutlayLine *line;
  OutlayDecimal pct;

  g_assert_no_error (error);
  /* the estimate alone, past the allocation, is not spending */
  line = add_line (doc, section, "1200");
  g_assert_cmpint (level (doc, &pct), ==, OUTLAY_SPEND_LEVEL_OK);
  g_assert_cmpint (pct, ==, 0);

  /* 790 of 1,000: under the 80 % warning */
  set (doc, line, OUTLAY_LINE_ACTUAL, "790");
  g_assert_cmpint (level (doc, &pct), ==, OUTLAY_SPEND_LEVEL_OK);
  g_assert_cmpint (pct, ==, D (79));
  /* committed counts: 790 + 10 = 800, at the warning threshold */
  set (doc, line, OUTLAY_LINE_COMMITTED, "10");
  g_assert_cmpint (level (doc, &pct), ==, OUTLAY_SPEND_LEVEL_WARNING);
  g_assert_cmpint (pct, ==, D (80));
  /* 949.99 is still a warning, 950 critical */
  set (doc, line, OUTLAY_LINE_ACTUAL, "939.99");
  g_assert_cmpint (level (doc, NULL), ==, OUTLAY_SPEND_LEVEL_WARNING);
  set (doc, line, OUTLAY_LINE_ACTUAL, "940");
  g_assert_cmpint (level (doc, &pct), ==, OUTLAY_SPEND_LEVEL_CRITICAL);
  g_assert_cmpint (pct, ==, D (95));

  /* the budget's own thresholds */
  g_object_set (budget, "critical-threshold", D (99), NULL);
  g_assert_cmpint (level (doc, NULL), ==, OUTLAY_SPEND_LEVEL_WARNING);

  /* no allocation: measured against the estimate, 950 of 1,200 = 79 % */
  g_object_set (budget, "allocated", (gint64) 0, NULL);
  g_assert_cmpint (level (doc, &pct), ==, OUTLAY_SPEND_LEVEL_OK);
  g_assert_cmpint (pct, ==, 791667);
  set (doc, line, OUTLAY_LINE_ACTUAL, "1000");
  g_assert_cmpint (level (doc, NULL), ==, OUTLAY_SPEND_LEVEL_WARNING);

  /* nothing to measure against */
  set (doc, line, OUTLAY_LINE_RATE, "0");
  set (doc, line, OUTLAY_LINE_ESTIMATE, "0");
  g_assert_cmpint (level (doc, &pct), ==, OUTLAY_SPEND_LEVEL_NONE);
  g_assert_cmpint (pct, ==, 0);
}

static void
test_describe (void)
{
  g_autoptr(OutlayBudget) budget = g_object_new (OUTLAY_TYPE_BUDGET, "name", "Launch", "allocated",
                                                  D (1000), NULL);
  g_autofree char *warning = outlay_spend_level_describe (budget, OUTLAY_SPEND_LEVEL_WARNING,
                                                          D (85));
  g_autofree char *critical = NULL;

  g_assert_cmpstr (warning, ==,
                   "Spent 85% of the allocation (actual + committed), past the warning threshold "
                   "of 80%");
  g_object_set (budget, "allocated", (gint64) 0, NULL);
  critical = outlay_spend_level_describe (budget, OUTLAY_SPEND_LEVEL_CRITICAL, D (120));
  g_assert_cmpstr (critical, ==,
                   "Spent 120% of the estimate (actual + committed), past the critical threshold "
                   "of 95%");
}

/* The walk the window does on each change: notify when should_notify()
 * says so, then remember the level now. */
static guint
walk (const OutlaySpendLevel *levels, guint n, OutlaySpendLevel *remembered, GString *sent)
{
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      if (outlay_spend_level_should_notify (*remembered, levels[i]))
        {
          count++;
          g_string_append_printf (sent, "%s%s", sent->len ? "," : "",
                                  outlay_spend_level_to_string (levels[i]));
        }
      *remembered = levels[i];
    }
  return count;
}

static void
test_crossings (void)
{
  const OutlaySpendLevel ok = OUTLAY_SPEND_LEVEL_OK, warn = OUTLAY_SPEND_LEVEL_WARNING,
                         crit = OUTLAY_SPEND_LEVEL_CRITICAL, none = OUTLAY_SPEND_LEVEL_NONE;
  /* edits inside a level notify once; warning → critical again; down to
   * warning and up to critical again; under, then back over the warning */
  const OutlaySpendLevel levels[] = { ok,   ok,   warn, warn, warn, crit, crit,
                                      warn, crit, ok,   ok,   warn, none, crit };
  OutlaySpendLevel remembered = none;
  g_autoptr(GString) sent = g_string_new (NULL);

  g_assert_cmpuint (walk (levels, G_N_ELEMENTS (levels), &remembered, sent), ==, 5);
  g_assert_cmpstr (sent->str, ==, "warning,critical,critical,warning,critical");
}

static void
test_crossings_straight_to_critical (void)
{
  const OutlaySpendLevel levels[] = { OUTLAY_SPEND_LEVEL_OK, OUTLAY_SPEND_LEVEL_CRITICAL,
                                      OUTLAY_SPEND_LEVEL_CRITICAL };
  OutlaySpendLevel remembered = OUTLAY_SPEND_LEVEL_NONE;
  g_autoptr(GString) sent = g_string_new (NULL);

  /* straight past both thresholds: one notification, the critical one */
  g_assert_cmpuint (walk (levels, G_N_ELEMENTS (levels), &remembered, sent), ==, 1);
  g_assert_cmpstr (sent->str, ==, "critical");
  /* a restart finds critical remembered: nothing again */
  g_assert_false (outlay_spend_level_should_notify (remembered, OUTLAY_SPEND_LEVEL_CRITICAL));
  g_assert_false (
      outlay_spend_level_should_notify (OUTLAY_SPEND_LEVEL_CRITICAL, OUTLAY_SPEND_LEVEL_WARNING));
}

static void
test_store (void)
{
  g_autofree char *dir = outlay_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "outlay.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = outlay_store_open (path, &error);
  gint64 id = 0;
  int remembered = -1;

  g_assert_no_error (error);
  g_assert_true (outlay_store_add_sample (store, &id, &error));
  g_assert_no_error (error);

  g_assert_true (outlay_store_get_spend_alert (store, id, &remembered, &error));
  g_assert_cmpint (remembered, ==, -1);
  g_assert_true (outlay_store_set_spend_alert (store, id, OUTLAY_SPEND_LEVEL_WARNING, &error));
  g_assert_true (outlay_store_set_spend_alert (store, id, OUTLAY_SPEND_LEVEL_CRITICAL, &error));
  g_assert_no_error (error);
  /* a budget that is not there is let be */
  g_assert_true (
      outlay_store_set_spend_alert (store, id + 1000, OUTLAY_SPEND_LEVEL_WARNING, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* kept over a restart */
  store = outlay_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_store_get_spend_alert (store, id, &remembered, &error));
  g_assert_cmpint (remembered, ==, OUTLAY_SPEND_LEVEL_CRITICAL);
  g_assert_true (outlay_store_get_spend_alert (store, id + 1000, &remembered, &error));
  g_assert_cmpint (remembered, ==, -1);
  g_clear_object (&store);
  outlay_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/alerts/levels", test_levels);
  g_test_add_func ("/alerts/describe", test_describe);
  g_test_add_func ("/alerts/crossings", test_crossings);
  g_test_add_func ("/alerts/crossings/straight-to-critical", test_crossings_straight_to_critical);
  g_test_add_func ("/alerts/store", test_store);
  return g_test_run ();
}
