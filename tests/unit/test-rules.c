/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The built-in advice on a crafted budget: each rule fires where it
 * should, says why with its figures, and stays quiet where it should. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <sys/wait.h>

#include "outlay-error.h"
#include "outlay-rules.h"
#include "outlay-store-recommendations.h"
#include "outlay-store.h"
#include "outlay-test-util.h"

#define D(i) OUTLAY_DECIMAL_FROM_INT (i)

typedef struct
{
  char *dir;
  char *path;
  OutlayStore *store;
  OutlayDocument *doc;
  OutlayLine *camera; /* 1,000 estimate, 1,300 actual */
  OutlayLine *gaffer; /* 2 × 3 days × 900 */
  guint32 today;
} Fixture;

static OutlayLine *
add_line (OutlayDocument *doc,
          const char *description,
          const char *unit,
          const char *qty,
          const char *days,
          const char *rate)
{
  g_autoptr(GError) error = NULL;
  OutlaySection *section = outlay_document_get_section (doc, 0);
  OutlayLine *line = outlay_document_insert_line (doc, section, G_MAXUINT, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (
      outlay_document_set_line_text (doc, line, OUTLAY_LINE_DESCRIPTION, description, &error));
  g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_UNIT, unit, &error));
  g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_QUANTITY, qty, &error));
  g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_MULTIPLIER, days, &error));
  g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_RATE, rate, &error));
  g_assert_no_error (error);
  return line;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = g_date_new_dmy (15, 6, 2026);
  gint64 id;

  f->dir = outlay_test_make_dir ();
  f->path = g_build_filename (f->dir, "rules.db", NULL);
  f->store = outlay_store_open (f->path, &error);
  g_assert_no_error (error);
  id = outlay_store_create_budget (f->store, "blank", "Spot", NULL, &error);
  g_assert_no_error (error);
  f->doc = outlay_store_load_document (f->store, id, &error);
  g_assert_no_error (error);
  f->camera = add_line (f->doc, "Camera package", "flat", "1", "1", "1000");
  g_assert_true (
      outlay_document_set_line_text (f->doc, f->camera, OUTLAY_LINE_ACTUAL, "1300", &error));
  f->gaffer = add_line (f->doc, "Gaffer", "day", "2", "3", "900");
  g_assert_no_error (error);
  f->today = g_date_get_julian (date);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->doc);
  g_clear_object (&f->store);
  outlay_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static OutlayRecommendation *
find (GPtrArray *advice, const char *fingerprint)
{
  for (guint i = 0; i < advice->len; i++)
    if (g_strcmp0 (outlay_recommendation_get_fingerprint (advice->pdata[i]), fingerprint) == 0)
      return advice->pdata[i];
  return NULL;
}

static char *
fingerprint (const char *kind, OutlayLine *line)
{
  return g_strdup_printf ("%s:line:%" G_GINT64_FORMAT, kind, outlay_line_get_id (line));
}

static void
test_overrun (Fixture *f, gconstpointer data)
{
  OutlayRulesContext context = { .today = f->today };
  g_autoptr(GPtrArray) advice = outlay_rules_run (f->doc, &context);
  g_autofree char *fp = fingerprint ("overrun", f->camera);
  OutlayRecommendation *r = find (advice, fp);

  /* 300 over a 1,000 estimate: 30 %, high */
  g_assert_nonnull (r);
  g_assert_cmpstr (outlay_recommendation_get_kind (r), ==, "overrun");
  g_assert_cmpint (outlay_recommendation_get_priority (r), ==, OUTLAY_PRIORITY_HIGH);
  g_assert_nonnull (strstr (outlay_recommendation_get_title (r), "Camera package"));
  g_assert_nonnull (strstr (outlay_recommendation_get_description (r), "$300.00"));
  g_assert_nonnull (strstr (outlay_recommendation_get_description (r), "30 %"));
  g_assert_cmpint (outlay_recommendation_get_source (r), ==, OUTLAY_RECOMMENDATION_SOURCE_RULES);
  /* without other budgets, dates or spend: nothing else to say */
  g_assert_cmpuint (advice->len, ==, 1);
}

static void
test_rates (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayRatePatterns) patterns = outlay_rate_patterns_new ();
  gint64 own = outlay_budget_get_id (outlay_document_get_budget (f->doc));
  OutlayRulesContext context = { .today = f->today, .patterns = patterns };
  g_autofree char *fp = fingerprint ("rate", f->gaffer);
  g_autoptr(GPtrArray) two = NULL;
  g_autoptr(GPtrArray) three = NULL;
  OutlayDecimal typical;
  OutlayRecommendation *r;
  guint n;

  /* one vote per budget: budget 11's two gaffers count as their median */
  outlay_rate_patterns_add (patterns, 11, "Gaffer", "day", D (640));
  outlay_rate_patterns_add (patterns, 11, " gaffer ", "Day", D (1000));
  outlay_rate_patterns_add (patterns, 12, "Gaffer", "day", D (700));
  /* the budget asking is not its own evidence; other units are other roles */
  outlay_rate_patterns_add (patterns, own, "Gaffer", "day", D (900));
  outlay_rate_patterns_add (patterns, 14, "Gaffer", "week", D (3000));
  outlay_rate_patterns_add (patterns, 15, "Gaffer", "day", 0);

  g_assert_true (outlay_rate_patterns_lookup (patterns, "GAFFER", "day", own, &typical, &n));
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (typical, ==, D (640));
  /* two budgets are too few to call a rate high */
  two = outlay_rules_run (f->doc, &context);
  g_assert_null (find (two, fp));

  outlay_rate_patterns_add (patterns, 13, "Gaffer", "day", D (650));
  three = outlay_rules_run (f->doc, &context);
  r = find (three, fp);
  g_assert_nonnull (r);
  /* median of 640, 650, 700 is 650; (900 − 650) × 2 × 3 */
  g_assert_cmpint (outlay_recommendation_get_estimated_savings (r), ==, D (1500));
  g_assert_cmpint (outlay_recommendation_get_priority (r), ==, OUTLAY_PRIORITY_MEDIUM);
  g_assert_cmpuint (outlay_recommendation_get_confidence (r), ==, 70);
  g_assert_nonnull (
      strstr (outlay_recommendation_get_description (r), "3 other budgets pay $650.00"));
  g_assert_cmpstr (outlay_recommendation_get_patterns (r), ==,
                   "{\"budgets\":3,\"typical\":\"650.0000\"}");
  {
    g_autofree char *action = g_strdup_printf ("{\"line\":%" G_GINT64_FORMAT
                                               ",\"field\":\"rate\",\"value\":\"650.0000\"}",
                                               outlay_line_get_id (f->gaffer));

    g_assert_cmpstr (outlay_recommendation_get_action (r), ==, action);
  }

  /* within a quarter of the typical rate: nothing to say */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) fine = NULL;

    g_assert_true (
        outlay_document_set_line_text (f->doc, f->gaffer, OUTLAY_LINE_RATE, "812.50", &error));
    fine = outlay_rules_run (f->doc, &context);
    g_assert_null (find (fine, fp));
  }
}

static void
test_idle (Fixture *f, gconstpointer data)
{
  OutlayRulesContext context = { .today = f->today };
  g_autofree char *gaffer = fingerprint ("idle", f->gaffer);
  g_autofree char *camera = fingerprint ("idle", f->camera);
  g_autoptr(GPtrArray) early = NULL;
  g_autoptr(GPtrArray) late = NULL;
  OutlayRecommendation *r;

  /* 40 % of the way through: too early to call money idle */
  context.start_day = f->today - 40;
  context.end_day = f->today + 60;
  early = outlay_rules_run (f->doc, &context);
  g_assert_null (find (early, gaffer));

  /* 60 %: the gaffer's 5,400 is untouched; the camera has spend */
  context.start_day = f->today - 60;
  context.end_day = f->today + 40;
  late = outlay_rules_run (f->doc, &context);
  r = find (late, gaffer);
  g_assert_nonnull (r);
  g_assert_null (find (late, camera));
  g_assert_cmpint (outlay_recommendation_get_estimated_savings (r), ==, D (5400));
  g_assert_cmpuint (outlay_recommendation_get_confidence (r), ==, 70);
  g_assert_nonnull (strstr (outlay_recommendation_get_description (r), "60 %"));
}

static void
test_burn (Fixture *f, gconstpointer data)
{
  OutlaySpend spend[30];
  OutlayRulesContext context = { .today = f->today, .spend = spend, .n_spend = 30 };
  g_autoptr(GPtrArray) slow = NULL;
  g_autoptr(GPtrArray) fast = NULL;
  OutlayRecommendation *r;

  /* 6,400 estimate, 1,300 spent: 5,100 left for 40 days */
  context.end_day = f->today + 40;
  for (guint i = 0; i < 30; i++)
    spend[i] = (OutlaySpend){ f->today - i, D (100) };
  /* 100 a day lasts 51 days */
  slow = outlay_rules_run (f->doc, &context);
  g_assert_null (find (slow, "burn:budget"));

  /* 200 a day lasts 26: out 14 days early */
  for (guint i = 0; i < 30; i++)
    spend[i].amount = D (200);
  fast = outlay_rules_run (f->doc, &context);
  r = find (fast, "burn:budget");
  g_assert_nonnull (r);
  /* 40 days at 200 is 8,000; 2,900 more than is left */
  g_assert_cmpint (outlay_recommendation_get_estimated_savings (r), ==, D (2900));
  g_assert_cmpint (outlay_recommendation_get_priority (r), ==, OUTLAY_PRIORITY_MEDIUM);
  g_assert_nonnull (strstr (outlay_recommendation_get_description (r), "14 days early"));
  /* 5,100 over 40 days */
  g_assert_nonnull (strstr (outlay_recommendation_get_description (r), "$127.50 a day"));
  /* the most pressing first: the burn (medium, 2,900) after the overrun (high) */
  g_assert_cmpstr (outlay_recommendation_get_kind (fast->pdata[0]), ==, "overrun");

  /* no end date: nothing to run out before */
  context.end_day = 0;
  g_clear_pointer (&fast, g_ptr_array_unref);
  fast = outlay_rules_run (f->doc, &context);
  g_assert_null (find (fast, "burn:budget"));
}

/* ---- kept advice ---- */

static OutlayRecommendation *
advice (const char *kind, const char *fp, const char *title)
{
  return g_object_new (OUTLAY_TYPE_RECOMMENDATION, "kind", kind, "fingerprint", fp, "title", title,
                       "priority", OUTLAY_PRIORITY_MEDIUM, NULL);
}

static gint64
id_of (GPtrArray *list, const char *fp)
{
  OutlayRecommendation *r = find (list, fp);

  return r != NULL ? outlay_recommendation_get_id (r) : 0;
}

static void
test_saved (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 budget = outlay_budget_get_id (outlay_document_get_budget (f->doc));
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) second = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(OutlayRecommendation) got = NULL;
  gint64 a, b;

  g_ptr_array_add (first, advice ("overrun", "overrun:line:1", "A over"));
  g_ptr_array_add (first, advice ("idle", "idle:line:2", "B idle"));
  g_ptr_array_add (first, advice ("rate", "rate:line:3", "C rate"));
  saved = outlay_store_save_advice (f->store, budget, OUTLAY_RECOMMENDATION_SOURCE_RULES, first,
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, ==, 3);
  a = id_of (saved, "overrun:line:1");
  b = id_of (saved, "idle:line:2");
  g_assert_true (outlay_store_set_recommendation_status (
      f->store, b, OUTLAY_RECOMMENDATION_STATUS_REJECTED, &error));
  g_assert_no_error (error);

  /* the next run: A again (new words), B again (rejected: not offered),
   * C no longer, D new */
  g_ptr_array_add (second, advice ("overrun", "overrun:line:1", "A further over"));
  g_ptr_array_add (second, advice ("idle", "idle:line:2", "B idle"));
  g_ptr_array_add (second, advice ("overrun", "overrun:line:4", "D over"));
  again = outlay_store_save_advice (f->store, budget, OUTLAY_RECOMMENDATION_SOURCE_RULES, second,
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 3);
  g_assert_cmpint (id_of (again, "overrun:line:1"), ==, a);
  g_assert_cmpstr (outlay_recommendation_get_title (find (again, "overrun:line:1")), ==,
                   "A further over");
  g_assert_cmpint (id_of (again, "idle:line:2"), ==, b);
  g_assert_cmpint (outlay_recommendation_get_status (find (again, "idle:line:2")), ==,
                   OUTLAY_RECOMMENDATION_STATUS_REJECTED);
  g_assert_cmpint (id_of (again, "rate:line:3"), ==, 0);
  g_assert_cmpint (id_of (again, "overrun:line:4"), !=, 0);
  /* open advice first */
  g_assert_cmpint (outlay_recommendation_get_status (again->pdata[2]), ==,
                   OUTLAY_RECOMMENDATION_STATUS_REJECTED);

  got = outlay_store_get_recommendation (f->store, 999, &error);
  g_assert_null (got);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
}

/* ---- the CLI ---- */

static int run_cli (Fixture *f, char **out, const char *first, ...) G_GNUC_NULL_TERMINATED;

static int
run_cli (Fixture *f, char **out, const char *first, ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  const char *cli = g_getenv ("OUTLAY_CLI");
  int wait_status = 0;
  va_list args;

  if (cli == NULL)
    g_error ("OUTLAY_CLI is not set; run the tests with meson test");
  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, f->path);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out,
                               &err, &wait_status, &error));
  g_assert_no_error (error);
  g_test_message ("%s", err);
  return WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static gint64
other_budget (Fixture *f, const char *name, const char *rate)
{
  g_autoptr(GError) error = NULL;
  gint64 id = outlay_store_create_budget (f->store, "blank", name, NULL, &error);
  g_autoptr(OutlayDocument) doc = outlay_store_load_document (f->store, id, &error);

  g_assert_no_error (error);
  add_line (doc, "Gaffer", "day", "1", "1", rate);
  return id;
}

static void
test_cli (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(OutlayDocument) reloaded = NULL;
  g_autofree char *out = NULL;
  g_autofree char *done = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *budget = g_strdup_printf (
      "%" G_GINT64_FORMAT, outlay_budget_get_id (outlay_document_get_budget (f->doc)));
  gint64 rate_id = 0, overrun_id = 0;
  JsonArray *list;

  other_budget (f, "Other 1", "640");
  other_budget (f, "Other 2", "650");
  other_budget (f, "Other 3", "700");
  g_assert_cmpint (run_cli (f, &out, "recommend", budget, "--today", "2026-06-15", "--json", NULL),
                   ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  list = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *o = json_array_get_object_element (list, i);

      if (g_str_equal (json_object_get_string_member (o, "kind"), "rate"))
        {
          rate_id = json_object_get_int_member (o, "id");
          /* amounts as decimal strings, like the rest of the CLI */
          g_assert_cmpstr (json_object_get_string_member (o, "estimated_savings"), ==, "1500.00");
          g_assert_true (json_object_get_boolean_member (o, "can_implement"));
        }
      if (g_str_equal (json_object_get_string_member (o, "kind"), "overrun"))
        overrun_id = json_object_get_int_member (o, "id");
    }
  g_assert_cmpint (rate_id, >, 0);
  g_assert_cmpint (overrun_id, >, 0);

  /* implement sets the rate, as typing it would */
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, rate_id);

    g_assert_cmpint (run_cli (f, &done, "recommendation", "implement", id, NULL), ==, 0);
  }
  reloaded = outlay_store_load_document (
      f->store, outlay_budget_get_id (outlay_document_get_budget (f->doc)), &error);
  g_assert_no_error (error);
  g_assert_cmpint (
      outlay_line_get_decimal (
          outlay_section_get_line (outlay_document_get_section (reloaded, 0), 1), OUTLAY_LINE_RATE),
      ==, D (650));

  /* advice for a person has no change to make */
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, overrun_id);

    g_assert_cmpint (run_cli (f, &refused, "recommendation", "implement", id, NULL), ==, 1);
  }
  g_clear_pointer (&refused, g_free);
  g_assert_cmpint (run_cli (f, &refused, "recommendation", "frobnicate", "1", NULL), ==, 2);
}

/* Roles match whatever their case and spaces, in any script; the answer
 * kept for one budget left out is not given for another. */
static void
test_rate_keys (void)
{
  g_autoptr(OutlayRatePatterns) patterns = outlay_rate_patterns_new ();
  OutlayDecimal typical;
  guint n;

  outlay_rate_patterns_add (patterns, 1, "Électricien", "jour", D (300));
  outlay_rate_patterns_add (patterns, 2, "  ÉLECTRICIEN ", "JOUR", D (500));
  outlay_rate_patterns_add (patterns, 3, "électricien", "jour ", D (400));
  outlay_rate_patterns_add (patterns, 3, "   ", "jour", D (999));

  g_assert_true (outlay_rate_patterns_lookup (patterns, "ÉlectricieN", "Jour", 1, &typical, &n));
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (typical, ==, D (400));
  /* asked again for budget 1 (kept), then for budget 3 (not the same) */
  g_assert_true (outlay_rate_patterns_lookup (patterns, "électricien", "jour", 1, &typical, &n));
  g_assert_cmpint (typical, ==, D (400));
  g_assert_true (outlay_rate_patterns_lookup (patterns, "électricien", "jour", 3, &typical, &n));
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (typical, ==, D (300));
  /* a rate added after drops what was kept */
  outlay_rate_patterns_add (patterns, 4, "Electricien", "jour", D (100));
  g_assert_false (outlay_rate_patterns_lookup (patterns, "Electricien", "jour", 4, &typical, &n));
  outlay_rate_patterns_add (patterns, 5, "ELECTRICIEN", "jour", D (200));
  g_assert_true (outlay_rate_patterns_lookup (patterns, "electricien", "JOUR", 4, &typical, &n));
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (typical, ==, D (200));
  g_assert_false (outlay_rate_patterns_lookup (patterns, "", "jour", 4, &typical, &n));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/rules/overrun", test_overrun);
  ADD ("/rules/rates", test_rates);
  ADD ("/rules/idle", test_idle);
  ADD ("/rules/burn", test_burn);
  ADD ("/rules/saved", test_saved);
  ADD ("/rules/cli", test_cli);
#undef ADD
  g_test_add_func ("/rules/rate-keys", test_rate_keys);
  return g_test_run ();
}
