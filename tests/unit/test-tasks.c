/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "outlay-compare.h"
#include "outlay-document-tasks.h"
#include "outlay-error.h"
#include "outlay-rates.h"
#include "outlay-store-private.h"
#include "outlay-store-tasks.h"
#include "outlay-store-versions.h"
#include "outlay-store.h"
#include "outlay-test-util.h"

#define D(units) OUTLAY_DECIMAL_FROM_INT (units)

typedef struct
{
  char *dir;
  char *path;
  OutlayStore *store;
  OutlayDocument *doc;
  gint64 budget_id;
  OutlayLine *line; /* the sample's first line */
  gint64 ana;
  gint64 bo;
  GPtrArray *rates; /* the last resolve()'s, which its result points into */
} Fixture;

static void
reload (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->doc);
  f->doc = outlay_store_load_document (f->store, f->budget_id, &error);
  g_assert_no_error (error);
  f->line = outlay_section_get_line (outlay_document_get_section (f->doc, 0), 0);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = outlay_test_make_dir ();
  f->path = g_build_filename (f->dir, "outlay.db", NULL);
  f->store = outlay_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_store_add_sample (f->store, &f->budget_id, &error));
  g_assert_no_error (error);
  g_assert_true (outlay_store_exec (f->store, "UPDATE budgets SET currency = 'EUR'", &error));
  f->ana = outlay_store_add_person (f->store, "Ana", NULL, "Camera", &error);
  g_assert_no_error (error);
  f->bo = outlay_store_add_person (f->store, "Bo", NULL, NULL, &error);
  g_assert_no_error (error);
  reload (f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->doc);
  g_clear_object (&f->store);
  g_clear_pointer (&f->rates, g_ptr_array_unref);
  outlay_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
set_rate (Fixture *f,
          gint64 person,
          gint64 budget,
          const char *from,
          gint64 units,
          const char *currency)
{
  g_autoptr(GError) error = NULL;
  OutlayRateChange change = { .person_id = person,
                              .budget_id = budget,
                              .valid_from = (char *) from,
                              .cost_rate = D (units),
                              .currency = (char *) currency };

  g_assert_true (outlay_store_set_rate (f->store, &change, &error));
  g_assert_no_error (error);
}

static OutlayTask *
add_task (Fixture *f, const char *name, OutlayLine *line, gint64 rate_units, gint64 resource)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayTask) task = outlay_task_new ();

  g_object_set (task, "name", name, "line-id", line != NULL ? outlay_line_get_id (line) : 0,
                "hourly-rate", D (rate_units), "resource-cost", D (resource), "estimated-cost",
                D (1000), NULL);
  g_assert_nonnull (
      outlay_document_add_task (f->doc, outlay_document_get_n_tasks (f->doc), task, &error));
  g_assert_no_error (error);
  return task;
}

static gboolean
resolve (Fixture *f,
         OutlayTask *task,
         gint64 person,
         const char *date,
         const OutlayDecimal *typed,
         OutlayRateResolution *out,
         GError **error)
{
  g_clear_pointer (&f->rates, g_ptr_array_unref);
  f->rates = outlay_store_list_rates (f->store, f->budget_id, error);
  g_assert_nonnull (f->rates);
  return outlay_rates_resolve (f->rates, outlay_document_get_budget (f->doc), task, person, date,
                               typed, out, error);
}

static OutlayTimeEntry *
log_time (Fixture *f,
          OutlayTask *task,
          gint64 person,
          const char *date,
          OutlayDecimal hours,
          GError **error)
{
  OutlayRateResolution r;
  OutlayTimeLog log = { task, person, date, hours, 0, FALSE, NULL, NULL };

  if (!resolve (f, task, person, date, NULL, &r, error))
    return NULL;
  log.rate = r.rate;
  log.rate_source = outlay_rate_source_to_string (r.source);
  return outlay_document_log_time (f->doc, &log, error);
}

static gint64
n_entries (Fixture *f)
{
  return outlay_test_query_int (outlay_store_get_db (f->store),
                                "SELECT count(*) FROM time_entries");
}

static void
assert_store_agrees (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  OutlayTotals stored;

  outlay_test_assert_totals_consistent (f->doc);
  g_assert_true (outlay_store_get_budget_totals (f->store, f->budget_id, &stored, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored.actual, ==, outlay_document_get_totals (f->doc)->actual);
}

/* Each level of the rate resolution, and what it says about itself. */
static void
test_rate_levels (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  OutlayTask *plain = add_task (f, "Grade", f->line, 0, 0);
  OutlayTask *rated = add_task (f, "Edit", f->line, 70, 0);
  OutlayDecimal typed = D (99);
  OutlayRateResolution r;
  g_autofree char *text = NULL;

  g_assert_true (resolve (f, plain, f->ana, "2026-03-01", NULL, &r, &error));
  g_assert_cmpint (r.source, ==, OUTLAY_RATE_SOURCE_NONE);
  g_assert_cmpint (r.rate, ==, 0);

  set_rate (f, 0, f->budget_id, NULL, 40, NULL);
  g_assert_true (resolve (f, plain, f->ana, "2026-03-01", NULL, &r, &error));
  g_assert_cmpint (r.source, ==, OUTLAY_RATE_SOURCE_BUDGET);
  g_assert_cmpint (r.rate, ==, D (40));

  set_rate (f, f->ana, 0, NULL, 60, NULL);
  g_assert_true (resolve (f, plain, f->ana, "2026-03-01", NULL, &r, &error));
  g_assert_cmpint (r.source, ==, OUTLAY_RATE_SOURCE_PERSON);
  g_assert_cmpint (r.rate, ==, D (60));
  /* Bo has no rate of his own: the budget's applies */
  g_assert_true (resolve (f, plain, f->bo, "2026-03-01", NULL, &r, &error));
  g_assert_cmpint (r.source, ==, OUTLAY_RATE_SOURCE_BUDGET);

  set_rate (f, f->ana, f->budget_id, NULL, 85, NULL);
  g_assert_true (resolve (f, plain, f->ana, "2026-03-01", NULL, &r, &error));
  g_assert_cmpint (r.source, ==, OUTLAY_RATE_SOURCE_PERSON_BUDGET);
  g_assert_cmpint (r.rate, ==, D (85));
  text = outlay_rates_describe (&r, "EUR");
  g_assert_cmpstr (text, ==, "€85.00/h — person's rate for this budget");

  g_assert_true (resolve (f, rated, f->ana, "2026-03-01", NULL, &r, &error));
  g_assert_cmpint (r.source, ==, OUTLAY_RATE_SOURCE_TASK);
  g_assert_cmpint (r.rate, ==, D (70));

  g_assert_true (resolve (f, rated, f->ana, "2026-03-01", &typed, &r, &error));
  g_assert_cmpint (r.source, ==, OUTLAY_RATE_SOURCE_ENTRY);
  g_assert_cmpint (r.rate, ==, D (99));
  g_assert_no_error (error);
}

/* A rate change applies from its day forward; earlier entries keep the
 * rate they were costed at until they are re-costed, which undo reverts. */
static void
test_rate_dated_recost (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  OutlayTask *task = add_task (f, "Shoot", f->line, 0, 0);
  OutlayRateResolution r;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree OutlayDecimal *rates = NULL;
  g_autofree const char **sources = NULL;
  OutlayDecimal actual0 = outlay_document_get_totals (f->doc)->actual;

  set_rate (f, f->ana, f->budget_id, NULL, 80, NULL);
  g_assert_nonnull (log_time (f, task, f->ana, "2026-03-01", D (10), &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_task_get_actual_cost (task), ==, D (800));

  set_rate (f, f->ana, f->budget_id, "2026-03-02", 90, NULL);
  g_assert_true (resolve (f, task, f->ana, "2026-03-01", NULL, &r, &error));
  g_assert_cmpint (r.rate, ==, D (80));
  g_assert_true (resolve (f, task, f->ana, "2026-03-02", NULL, &r, &error));
  g_assert_cmpint (r.rate, ==, D (90));
  g_assert_nonnull (r.change);
  g_assert_cmpstr (r.change->valid_from, ==, "2026-03-02");
  g_assert_nonnull (log_time (f, task, f->ana, "2026-03-05", D (1), &error));
  /* the first entry kept its 80 */
  g_assert_cmpint (outlay_task_get_actual_cost (task), ==, D (890));

  /* the change was meant from the start: re-cost the past */
  set_rate (f, f->ana, f->budget_id, NULL, 90, NULL);
  entries = outlay_store_list_time (f->store, f->budget_id, NULL, NULL, &error);
  g_assert_cmpuint (entries->len, ==, 2);
  rates = g_new0 (OutlayDecimal, entries->len);
  sources = g_new0 (const char *, entries->len);
  for (guint i = 0; i < entries->len; i++)
    {
      OutlayTimeEntry *e = g_ptr_array_index (entries, i);

      g_assert_true (resolve (f, task, outlay_time_entry_get_person_id (e),
                              outlay_time_entry_get_date (e), NULL, &r, &error));
      rates[i] = r.rate;
      sources[i] = outlay_rate_source_to_string (r.source);
    }
  g_assert_true (outlay_document_recost_time (f->doc, entries, rates, sources, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_task_get_actual_cost (task), ==, D (990));
  g_assert_cmpint (outlay_document_get_totals (f->doc)->actual, ==, actual0 + D (990));
  assert_store_agrees (f);
  g_assert_true (outlay_document_undo (f->doc, &error));
  g_assert_cmpint (outlay_task_get_actual_cost (task), ==, D (890));
  assert_store_agrees (f);
  g_assert_true (outlay_document_redo (f->doc, &error));
  reload (f);
  g_assert_cmpint (outlay_task_get_actual_cost (outlay_document_get_task (f->doc, 0)), ==, D (990));
  /* only the first entry changed rate: re-costed, undone, redone */
  g_assert_cmpint (outlay_test_query_int (outlay_store_get_db (f->store),
                                          "SELECT count(*) FROM audit WHERE action = 'recost'"),
                   ==, 3);
}

/* Logged time and resource costs roll up into the task, its line, the
 * section and the budget, through undo and redo and a reload. */
static void
test_rollup_undo (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  OutlaySection *section = outlay_document_get_section (f->doc, 0);
  OutlayDecimal line0 = outlay_line_get_total_actual (f->line);
  OutlayDecimal section0 = outlay_section_get_totals (section)->actual;
  OutlayDecimal budget0 = outlay_document_get_totals (f->doc)->actual;
  OutlayTask *task;
  g_autoptr(OutlayTask) edited = NULL;
  OutlayLine *other = outlay_section_get_line (outlay_document_get_section (f->doc, 1), 0);

  set_rate (f, f->ana, 0, NULL, 50, NULL);
  task = add_task (f, "Lights", f->line, 0, 200);
  g_assert_cmpint (outlay_line_get_total_actual (f->line), ==, line0 + D (200));
  g_assert_nonnull (log_time (f, task, f->ana, "2026-03-01", D (3) + 5000, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_task_get_actual_hours (task), ==, D (3) + 5000);
  g_assert_cmpint (outlay_task_get_actual_cost (task), ==, D (375));
  g_assert_cmpint (outlay_line_get_task_actual (f->line), ==, D (375));
  g_assert_cmpint (outlay_line_get_total_actual (f->line), ==, line0 + D (375));
  g_assert_cmpint (outlay_section_get_totals (section)->actual, ==, section0 + D (375));
  g_assert_cmpint (outlay_document_get_totals (f->doc)->actual, ==, budget0 + D (375));
  assert_store_agrees (f);

  g_assert_true (outlay_document_undo (f->doc, &error));
  g_assert_cmpint (outlay_document_get_totals (f->doc)->actual, ==, budget0 + D (200));
  g_assert_cmpint (n_entries (f), ==, 0);
  assert_store_agrees (f);
  g_assert_true (outlay_document_redo (f->doc, &error));
  g_assert_cmpint (outlay_document_get_totals (f->doc)->actual, ==, budget0 + D (375));
  g_assert_cmpint (n_entries (f), ==, 1);

  /* the task moves to another line, its actual with it */
  edited = outlay_task_copy (task);
  g_object_set (edited, "line-id", outlay_line_get_id (other), NULL);
  g_assert_true (outlay_document_update_task (f->doc, task, edited, &error));
  g_assert_cmpint (outlay_line_get_total_actual (f->line), ==, line0);
  g_assert_cmpint (outlay_line_get_task_actual (other), ==, D (375));
  g_assert_cmpint (outlay_document_get_totals (f->doc)->actual, ==, budget0 + D (375));
  assert_store_agrees (f);

  /* deleted: out of the budget with its time; undo brings both back */
  g_assert_true (outlay_document_delete_task (f->doc, task, &error));
  g_assert_cmpint (outlay_document_get_n_tasks (f->doc), ==, 0);
  g_assert_cmpint (outlay_document_get_totals (f->doc)->actual, ==, budget0);
  assert_store_agrees (f);
  g_assert_true (outlay_document_undo (f->doc, &error));
  g_assert_cmpint (outlay_document_get_totals (f->doc)->actual, ==, budget0 + D (375));
  assert_store_agrees (f);

  reload (f);
  g_assert_cmpuint (outlay_document_get_n_tasks (f->doc), ==, 1);
  task = outlay_document_get_task (f->doc, 0);
  g_assert_cmpint (outlay_task_get_actual_cost (task), ==, D (375));
  g_assert_cmpint (outlay_task_get_actual_hours (task), ==, D (3) + 5000);
  g_assert_cmpint (outlay_document_get_totals (f->doc)->actual, ==, budget0 + D (375));
  outlay_test_assert_totals_consistent (f->doc);
  g_assert_cmpint (outlay_test_query_int (outlay_store_get_db (f->store),
                                          "SELECT count(*) FROM audit WHERE entity = 'time'"),
                   ==, 3);
}

/* Tasks keep their order through a move, undo and a reload. */
static void
test_reorder (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  OutlayTask *a = add_task (f, "A", NULL, 0, 0);

  add_task (f, "B", NULL, 0, 0);
  add_task (f, "C", NULL, 0, 0);
  g_assert_true (outlay_document_move_task (f->doc, a, 2, &error));
  g_assert_no_error (error);
  reload (f);
  g_assert_cmpstr (outlay_task_get_name (outlay_document_get_task (f->doc, 0)), ==, "B");
  g_assert_cmpstr (outlay_task_get_name (outlay_document_get_task (f->doc, 2)), ==, "A");
  g_assert_true (
      outlay_document_delete_task (f->doc, outlay_document_get_task (f->doc, 0), &error));
  reload (f);
  g_assert_cmpstr (outlay_task_get_name (outlay_document_get_task (f->doc, 0)), ==, "C");
  g_assert_cmpstr (outlay_task_get_name (outlay_document_get_task (f->doc, 1)), ==, "A");
}

static void
assert_refused (Fixture *f, gboolean ok, GError **error, int code, const char *words)
{
  g_assert_false (ok);
  g_assert_error (*error, OUTLAY_ERROR, code);
  g_assert_nonnull (strstr ((*error)->message, words));
  g_clear_error (error);
}

/* Bad input is refused with a message, and nothing is written. */
static void
test_bad_input (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  OutlayTask *task = add_task (f, "Dolly", f->line, 0, 0);
  OutlayTask *gone = add_task (f, "Crane", f->line, 0, 0);
  OutlayDecimal budget0;
  gint64 audit0;
  g_autoptr(OutlayBudget) locked = NULL;
  OutlayTimeLog bad = { task, f->ana, "2026-03-01", -D (2), D (10), TRUE, "entry", NULL };

  set_rate (f, f->ana, 0, NULL, 50, NULL);
  log_time (f, task, f->ana, "2026-03-01", D (20), &error);
  g_assert_no_error (error);
  g_assert_true (outlay_document_delete_task (f->doc, gone, &error));
  budget0 = outlay_document_get_totals (f->doc)->actual;
  audit0 = outlay_test_query_int (outlay_store_get_db (f->store), "SELECT count(*) FROM audit");

  assert_refused (f, outlay_document_log_time (f->doc, &bad, &error) != NULL, &error,
                  OUTLAY_ERROR_INVALID_ARGUMENT, "more than zero");
  bad.hours = D (25);
  assert_refused (f, outlay_document_log_time (f->doc, &bad, &error) != NULL, &error,
                  OUTLAY_ERROR_INVALID_ARGUMENT, "more than a day");
  bad.hours = D (1);
  bad.date = "2026-02-30";
  assert_refused (f, outlay_document_log_time (f->doc, &bad, &error) != NULL, &error,
                  OUTLAY_ERROR_INVALID_ARGUMENT, "not a date");
  /* 20 h already that day: 5 more would make 25 */
  assert_refused (f, log_time (f, task, f->ana, "2026-03-01", D (5), &error) != NULL, &error,
                  OUTLAY_ERROR_INVALID_ARGUMENT, "Ana would have 25 hours on 2026-03-01");
  assert_refused (f, log_time (f, gone, f->ana, "2026-03-02", D (1), &error) != NULL, &error,
                  OUTLAY_ERROR_NOT_FOUND, "“Crane” was deleted");
  /* a rate in another currency than the budget's */
  set_rate (f, f->bo, 0, NULL, 30, "USD");
  assert_refused (f, log_time (f, task, f->bo, "2026-03-02", D (1), &error) != NULL, &error,
                  OUTLAY_ERROR_INVALID_ARGUMENT, "is in USD, but");

  locked = outlay_budget_copy (outlay_document_get_budget (f->doc));
  g_object_set (locked, "status", OUTLAY_BUDGET_STATUS_LOCKED, NULL);
  g_assert_true (outlay_document_update_budget (f->doc, locked, &error));
  audit0 = outlay_test_query_int (outlay_store_get_db (f->store), "SELECT count(*) FROM audit");
  assert_refused (f, log_time (f, task, f->ana, "2026-03-02", D (1), &error) != NULL, &error,
                  OUTLAY_ERROR_LOCKED, "locked");

  g_assert_cmpint (n_entries (f), ==, 1);
  g_assert_cmpint (outlay_document_get_totals (f->doc)->actual, ==, budget0);
  g_assert_cmpint (outlay_task_get_actual_cost (task), ==, D (1000));
  g_assert_cmpint (
      outlay_test_query_int (outlay_store_get_db (f->store), "SELECT count(*) FROM audit"), ==,
      audit0);
  assert_store_agrees (f);
}

/* A line that tasks charge cannot be deleted from under them. */
static void
test_line_with_tasks (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  add_task (f, "Scout", f->line, 0, 0);
  assert_refused (f, outlay_document_delete_lines (f->doc, &f->line, 1, &error), &error,
                  OUTLAY_ERROR_INVALID_ARGUMENT, "Tasks charge the line");
}

static gint64
task_line_in_store (Fixture *f, OutlayTask *task)
{
  g_autofree char *sql = g_strdup_printf (
      "SELECT coalesce(line_id, 0) FROM tasks WHERE id = %" G_GINT64_FORMAT,
      outlay_task_get_id (task));

  return outlay_test_query_int (outlay_store_get_db (f->store), sql);
}

/* A saved version keeps the lines' rolled-up task actual; restoring it
 * keeps the tasks on their lines with their time, through undo, redo
 * and a reload. */
static void
test_version_restore (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayVersion) version = NULL;
  g_autoptr(OutlayDocument) frozen = NULL;
  g_autoptr(OutlayComparison) cmp = NULL;
  OutlayTask *task;
  OutlayDecimal line0 = outlay_line_get_total_actual (f->line);
  OutlayDecimal budget0 = outlay_document_get_totals (f->doc)->actual;
  gint64 line_id = outlay_line_get_id (f->line);
  OutlayLine *restored;

  set_rate (f, f->ana, 0, NULL, 50, NULL);
  task = add_task (f, "Lights", f->line, 0, 100);
  g_assert_nonnull (log_time (f, task, f->ana, "2026-03-01", D (4), &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_line_get_task_actual (f->line), ==, D (300));

  version = outlay_store_save_version (f->store, f->doc, "Bid", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_version_get_total_actual (version), ==, budget0 + D (300));
  frozen = outlay_store_load_version (f->store, outlay_version_get_id (version), &error);
  g_assert_no_error (error);
  /* the frozen copy adds up to what the version says it holds */
  g_assert_cmpint (outlay_line_get_task_actual (outlay_document_get_line_by_id (frozen, line_id)),
                   ==, D (300));
  g_assert_cmpint (outlay_document_get_totals (frozen)->actual, ==, budget0 + D (300));
  outlay_test_assert_totals_consistent (frozen);

  /* more time after the version: a restore keeps it, time is not versioned */
  g_assert_nonnull (log_time (f, task, f->ana, "2026-03-02", D (2), &error));
  /* a comparison shows only the time logged since */
  cmp = outlay_compare_documents (frozen, f->doc);
  g_assert_cmpint (cmp->to.actual - cmp->from.actual, ==, D (100));
  g_assert_true (outlay_document_restore (f->doc, frozen, &error));
  g_assert_no_error (error);
  restored = outlay_document_get_line_by_id (f->doc, line_id);
  g_assert_nonnull (restored);
  g_assert_true (outlay_document_get_task_line (f->doc, task) == restored);
  g_assert_cmpint (outlay_line_get_task_actual (restored), ==, D (400));
  g_assert_cmpint (outlay_line_get_total_actual (restored), ==, line0 + D (400));
  g_assert_cmpint (outlay_document_get_totals (f->doc)->actual, ==, budget0 + D (400));
  g_assert_cmpint (task_line_in_store (f, task), ==, line_id);
  assert_store_agrees (f);

  g_assert_true (outlay_document_undo (f->doc, &error));
  g_assert_cmpint (outlay_document_get_totals (f->doc)->actual, ==, budget0 + D (400));
  g_assert_cmpint (task_line_in_store (f, task), ==, line_id);
  assert_store_agrees (f);
  g_assert_true (outlay_document_redo (f->doc, &error));
  g_assert_no_error (error);
  assert_store_agrees (f);

  reload (f);
  g_assert_cmpint (outlay_line_get_task_actual (outlay_document_get_line_by_id (f->doc, line_id)),
                   ==, D (400));
  g_assert_cmpint (outlay_document_get_totals (f->doc)->actual, ==, budget0 + D (400));
  g_assert_cmpint (n_entries (f), ==, 2);
}

/* A version without the line that tasks charge cannot be restored over
 * them: the message says which line, and nothing changed. */
static void
test_version_restore_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayVersion) version = NULL;
  g_autoptr(OutlayDocument) frozen = NULL;
  OutlaySection *section = outlay_document_get_section (f->doc, 0);
  g_autoptr(OutlayLine) line = outlay_line_new ();
  OutlayDecimal budget0;

  version = outlay_store_save_version (f->store, f->doc, "Bid", NULL, &error);
  g_assert_no_error (error);
  frozen = outlay_store_load_version (f->store, outlay_version_get_id (version), &error);
  g_assert_no_error (error);
  g_assert_nonnull (outlay_document_insert_line (f->doc, section, 0, line, &error));
  g_assert_true (
      outlay_document_set_line_text (f->doc, line, OUTLAY_LINE_DESCRIPTION, "Grip truck", &error));
  g_assert_no_error (error);
  add_task (f, "Rig", line, 0, 250);
  budget0 = outlay_document_get_totals (f->doc)->actual;
  assert_refused (f, outlay_document_restore (f->doc, frozen, &error), &error,
                  OUTLAY_ERROR_INVALID_ARGUMENT, "Grip truck");
  g_assert_cmpint (outlay_document_get_totals (f->doc)->actual, ==, budget0);
  g_assert_cmpint (outlay_section_get_n_lines (section), ==,
                   outlay_section_get_n_lines (outlay_document_get_section (frozen, 0)) + 1);
  /* a section with such a line cannot be deleted either */
  assert_refused (f, outlay_document_delete_section (f->doc, section, &error), &error,
                  OUTLAY_ERROR_INVALID_ARGUMENT, "Grip truck");
}

/* What re-costing from a day on would change, for everyone or one
 * person: a typed rate stays, an unchanged rate is left out, and the
 * plan applied is one undoable command. */
static void
test_recost_plan (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  OutlayTask *task = add_task (f, "Shoot", f->line, 0, 0);
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(OutlayRecostPlan) plan = NULL;
  g_autoptr(OutlayRecostPlan) bo_only = NULL;
  OutlayTimeLog typed = { task, f->ana, "2026-03-06", D (1), D (200), TRUE, "entry", NULL };
  OutlayDecimal actual0;

  set_rate (f, f->ana, f->budget_id, NULL, 80, NULL);
  set_rate (f, f->bo, f->budget_id, NULL, 50, NULL);
  g_assert_nonnull (log_time (f, task, f->ana, "2026-03-01", D (10), &error));
  g_assert_nonnull (log_time (f, task, f->ana, "2026-03-05", D (2), &error));
  g_assert_nonnull (log_time (f, task, f->bo, "2026-03-05", D (4), &error));
  g_assert_nonnull (outlay_document_log_time (f->doc, &typed, &error));
  g_assert_no_error (error);
  actual0 = outlay_document_get_totals (f->doc)->actual;
  /* Ana costs 90 from the 2nd on; her entry of the 5th was costed at 80 */
  set_rate (f, f->ana, f->budget_id, "2026-03-02", 90, NULL);

  rates = outlay_store_list_rates (f->store, f->budget_id, &error);
  entries = outlay_store_list_time (f->store, f->budget_id, "2026-03-01", NULL, &error);
  g_assert_cmpuint (entries->len, ==, 4);
  plan = outlay_rates_plan_recost (rates, f->doc, entries, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->entries->len, ==, 1);
  g_assert_cmpstr (outlay_time_entry_get_date (g_ptr_array_index (plan->entries, 0)), ==,
                   "2026-03-05");
  g_assert_cmpint (g_array_index (plan->rates, OutlayDecimal, 0), ==, D (90));
  g_assert_cmpint (plan->before, ==, D (160));
  g_assert_cmpint (plan->after, ==, D (180));
  /* Bo's rate did not change */
  bo_only = outlay_rates_plan_recost (rates, f->doc, entries, f->bo, &error);
  g_assert_cmpuint (bo_only->entries->len, ==, 0);

  g_assert_true (outlay_document_recost_time (f->doc, plan->entries,
                                              (OutlayDecimal *) plan->rates->data,
                                              (const char *const *) plan->sources->pdata, &error));
  g_assert_cmpint (outlay_document_get_totals (f->doc)->actual, ==, actual0 + D (20));
  assert_store_agrees (f);
  g_assert_true (outlay_document_undo (f->doc, &error));
  g_assert_cmpint (outlay_document_get_totals (f->doc)->actual, ==, actual0);
  assert_store_agrees (f);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/tasks/rates/levels", test_rate_levels);
  ADD ("/tasks/rates/dated-and-recost", test_rate_dated_recost);
  ADD ("/tasks/rates/recost-plan", test_recost_plan);
  ADD ("/tasks/rollup/undo-redo", test_rollup_undo);
  ADD ("/tasks/reorder", test_reorder);
  ADD ("/tasks/bad-input", test_bad_input);
  ADD ("/tasks/line-with-tasks", test_line_with_tasks);
  ADD ("/tasks/version/restore", test_version_restore);
  ADD ("/tasks/version/restore-refused", test_version_restore_refused);
  return g_test_run ();
}
