/* SPDX-License-Identifier: GPL-3.0-or-later */

/* outlay-cli's tasks, people, rates and time commands as a script uses them. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "outlay-decimal.h"
#include "outlay-workbook.h"
#include "outlay-model-enum-types.h"
#include "outlay-store-private.h"
#include "outlay-store.h"
#include "outlay-template.h"
#include "outlay-test-cli.h"

static void
assert_fails (Result *r, const char *in_message)
{
  g_assert_cmpint (r->status, >, 0);
  g_assert_cmpstr (r->out, ==, "");
  if (in_message != NULL && strstr (r->err, in_message) == NULL)
    g_error ("“%s” is not in the error: %s", in_message, r->err);
}

static OutlayDecimal
budget_actual (Fixture *f)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonNode) root = NULL;

  run_cli (f, &r, "show", "1", "--json", NULL);
  assert_ok (&r);
  root = parse_json (r.out);
  return amount (json_object_get_object_member (json_node_get_object (root), "totals"), "actual");
}

/* A project lead's morning: people and rates, a task on a line, time
 * logged, and the budget's actual moving by exactly the entry's cost. */
static void
test_log (Fixture *f, gconstpointer data)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *task, *entry;
  OutlayDecimal before;

  run_cli (f, &r, "person", "add", "Ana", "--role", "Camera", "--cost-rate", "60", NULL);
  assert_ok (&r);
  g_assert_cmpstr (r.out, ==, "1\n");
  result_clear (&r);
  run_cli (f, &r, "person", "set", "ana", "--budget", "1", "--cost-rate", "85", NULL);
  assert_ok (&r);
  result_clear (&r);
  run_cli (f, &r, "task", "add", "1", "Lights", "--line", "A/1", "--assignee", "Ana", "--cost",
           "2000", "--resource", "100", NULL);
  assert_ok (&r);
  result_clear (&r);
  before = budget_actual (f);

  run_cli (f, &r, "log", "1", "--task", "Lights", "--person", "Ana", "--hours", "3.5", "--date",
           "2026-03-02", "--note", "rig", NULL);
  assert_ok (&r);
  g_assert_nonnull (strstr (r.out, "$297.50 at $85.00/h — person's rate for this budget"));
  g_assert_nonnull (strstr (r.out, "Task “Lights”: 5 % → 20 % of its estimate"));
  result_clear (&r);
  g_assert_cmpint (budget_actual (f), ==, sum (before, OUTLAY_DECIMAL_FROM_INT (297) + 5000));

  run_cli (f, &r, "tasks", "1", "--json", NULL);
  assert_ok (&r);
  root = parse_json (r.out);
  task = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (task, "line"), ==, "A/1");
  g_assert_cmpstr (json_object_get_string_member (task, "assignee"), ==, "Ana");
  g_assert_cmpstr (json_object_get_string_member (task, "actual_cost"), ==, "397.50");
  g_assert_cmpstr (json_object_get_string_member (task, "actual_hours"), ==, "3.5");
  g_clear_pointer (&root, json_node_unref);
  result_clear (&r);

  run_cli (f, &r, "time", "1", "--from", "2026-03-01", "--to", "2026-03-31", "--json", NULL);
  assert_ok (&r);
  root = parse_json (r.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  entry = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "cost"), ==, "297.50");
  g_assert_cmpstr (json_object_get_string_member (entry, "rate_source"), ==, "person-budget");
  g_clear_pointer (&root, json_node_unref);
  result_clear (&r);
  run_cli (f, &r, "time", "1", "--from", "2026-04-01", "--json", NULL);
  assert_ok (&r);
  root = parse_json (r.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 0);
  result_clear (&r);

  /* the time reports, as PDF and as sheets of the xlsx export */
  {
    g_autofree char *pdf = g_build_filename (f->dir, "time.pdf", NULL);
    g_autofree char *xlsx = g_build_filename (f->dir, "budget.xlsx", NULL);
    g_autofree char *bytes = NULL;
    g_autoptr(GFile) file = g_file_new_for_path (xlsx);
    g_autoptr(OutlayWorkbook) wb = NULL;
    g_autoptr(GError) error = NULL;
    gsize length = 0;

    for (guint i = 0; i < 2; i++)
      {
        run_cli (f, &r, "report", "1", "--kind", i == 0 ? "time-by-person" : "time-by-task", "-o",
                 pdf, NULL);
        assert_ok (&r);
        result_clear (&r);
        g_assert_true (g_file_get_contents (pdf, &bytes, &length, NULL));
        g_assert_true (g_str_has_prefix (bytes, "%PDF"));
        g_clear_pointer (&bytes, g_free);
      }
    run_cli (f, &r, "report", "1", "--kind", "summary", "--from", "2026-01-01", "-o", pdf, NULL);
    g_assert_cmpint (r.status, ==, 2);
    result_clear (&r);
    run_cli (f, &r, "export", "1", "-o", xlsx, NULL);
    assert_ok (&r);
    wb = outlay_workbook_open (file, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (outlay_workbook_get_n_sheets (wb), ==, 4);
    g_assert_cmpstr (outlay_workbook_get_sheet_name (wb, 2), ==, "Time by Person");
    g_assert_cmpstr (outlay_workbook_get_sheet_name (wb, 3), ==, "Time by Task");
  }
}

/* A rate change from a day on; --recost brings the past entries to it. */
static void
test_rates_recost (Fixture *f, gconstpointer data)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonNode) root = NULL;

  run_cli (f, &r, "person", "add", "Bo", "--cost-rate", "50", NULL);
  assert_ok (&r);
  result_clear (&r);
  run_cli (f, &r, "task", "add", "1", "Grade", NULL);
  result_clear (&r);
  run_cli (f, &r, "log", "1", "-t", "Grade", "-p", "Bo", "-H", "2", "--date", "2026-01-10", NULL);
  assert_ok (&r);
  result_clear (&r);
  run_cli (f, &r, "person", "set", "Bo", "--cost-rate", "60", "--from", "2026-02-01", NULL);
  assert_ok (&r);
  result_clear (&r);
  run_cli (f, &r, "log", "1", "-t", "Grade", "-p", "Bo", "-H", "1", "--date", "2026-02-02", NULL);
  g_assert_nonnull (strstr (r.out, "$60.00/h — person's default rate, from 2026-02-01"));
  result_clear (&r);
  run_cli (f, &r, "rates", "1", "--json", NULL);
  assert_ok (&r);
  root = parse_json (r.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 2);
  g_clear_pointer (&root, json_node_unref);
  result_clear (&r);

  /* the January entry kept its 50 */
  run_cli (f, &r, "tasks", "1", "--json", NULL);
  g_assert_nonnull (strstr (r.out, "\"actual_cost\" : \"160.00\""));
  result_clear (&r);
  run_cli (f, &r, "person", "set", "Bo", "--cost-rate", "60", "--budget", "1", "--recost", NULL);
  assert_ok (&r);
  g_assert_nonnull (strstr (r.err, "Re-costed 1 entry"));
  result_clear (&r);
  run_cli (f, &r, "tasks", "1", "--json", NULL);
  g_assert_nonnull (strstr (r.out, "\"actual_cost\" : \"180.00\""));
}

/* --percent sets a task's percent complete, "" clears it, anything but a
 * whole number from 0 to 100 is refused; the JSON has percent_complete,
 * null when not given. */
static void
test_percent (Fixture *f, gconstpointer data)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *task;

  run_cli (f, &r, "task", "add", "1", "Edit", "--cost", "50", "--percent", "40", NULL);
  assert_ok (&r);
  result_clear (&r);
  run_cli (f, &r, "task", "add", "1", "Mix", "--cost", "50", "--status", "in-progress", NULL);
  assert_ok (&r);
  result_clear (&r);
  run_cli (f, &r, "tasks", "1", "--json", NULL);
  assert_ok (&r);
  root = parse_json (r.out);
  task = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpint (json_object_get_int_member (task, "percent_complete"), ==, 40);
  task = json_array_get_object_element (json_node_get_array (root), 1);
  g_assert_true (json_object_has_member (task, "percent_complete"));
  g_assert_true (json_object_get_null_member (task, "percent_complete"));
  g_clear_pointer (&root, json_node_unref);
  result_clear (&r);

  run_cli (f, &r, "task", "set", "1", "Edit", "--percent", "101", NULL);
  assert_fails (&r, "--percent: “101” is not a percent done");
  result_clear (&r);
  run_cli (f, &r, "task", "set", "1", "Edit", "--percent", "half", NULL);
  assert_fails (&r, "--percent: “half” is not a percent done");
  result_clear (&r);
  run_cli (f, &r, "task", "set", "1", "Edit", "--percent", "", NULL);
  assert_ok (&r);
  result_clear (&r);
  run_cli (f, &r, "tasks", "1", "--json", NULL);
  assert_ok (&r);
  root = parse_json (r.out);
  task = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_true (json_object_get_null_member (task, "percent_complete"));
}

static void
test_errors (Fixture *f, gconstpointer data)
{
  g_auto(Result) r = { 0 };
  OutlayDecimal before;

  run_cli (f, &r, "person", "add", "Cy", "--cost-rate", "40", "--currency", "EUR", NULL);
  assert_ok (&r);
  result_clear (&r);
  run_cli (f, &r, "task", "add", "1", "Build", NULL);
  result_clear (&r);
  before = budget_actual (f);
  run_cli (f, &r, "log", "1", "-t", "Build", "-p", "Cy", "-H", "-1", NULL);
  assert_fails (&r, "Hours must be more than zero");
  result_clear (&r);
  run_cli (f, &r, "log", "1", "-t", "Build", "-p", "Cy", "-H", "2", NULL);
  assert_fails (&r, "is in EUR, but");
  result_clear (&r);
  run_cli (f, &r, "log", "1", "-t", "Nope", "-p", "Cy", "-H", "2", NULL);
  assert_fails (&r, "has no task “Nope”");
  result_clear (&r);
  run_cli (f, &r, "log", "1", "-t", "Build", "-p", "Dee", "-H", "2", NULL);
  assert_fails (&r, "nobody called “Dee”");
  result_clear (&r);
  run_cli (f, &r, "log", "1", "-t", "Build", "-p", "Cy", "-H", "two", NULL);
  assert_fails (&r, "--hours: “two” is not a number");
  result_clear (&r);
  run_cli (f, &r, "task", "delete", "1", "Build", NULL);
  assert_ok (&r);
  result_clear (&r);
  run_cli (f, &r, "log", "1", "-t", "Build", "-p", "Cy", "-H", "2", "--rate", "10", NULL);
  assert_fails (&r, "has no task “Build” (it may have been deleted)");
  result_clear (&r);
  run_cli (f, &r, "log", "1", "-t", "Build", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpint (budget_actual (f), ==, before);
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
    g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM time_entries"), ==, 0);
    sqlite3_close (db);
  }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/tasks/log", test_log);
  ADD ("/cli/tasks/rates-recost", test_rates_recost);
  ADD ("/cli/tasks/errors", test_errors);
  ADD ("/cli/tasks/percent", test_percent);
#undef ADD
  return g_test_run ();
}
