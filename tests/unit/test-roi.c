/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Return on investment: the figure, the cost it is measured against,
 * snapshots by hand and at each change of status (in the same
 * transaction), and outlay-cli roi's JSON. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <sys/wait.h>

#include "outlay-model-enum-types.h"
#include "outlay-store-roi.h"
#include "outlay-store.h"
#include "outlay-test-util.h"

#define D(i) OUTLAY_DECIMAL_FROM_INT (i)

static void
test_percent (void)
{
  OutlayDecimal roi = 0;
  OutlayTotals totals = { .estimate = D (1000) };
  gboolean is_estimate = FALSE;

  /* (150 − 100) ÷ 100 */
  g_assert_true (outlay_decimal_roi_percent (D (150), D (100), &roi));
  g_assert_cmpint (roi, ==, D (50));
  /* a loss: (250,000 − 287,340.51) ÷ 287,340.51= −12.99521… %, to four places */
  g_assert_true (outlay_decimal_roi_percent (D (250000), 2873405100, &roi));
  g_assert_cmpint (roi, ==, -129952);
  g_assert_false (outlay_decimal_roi_percent (D (10), 0, &roi));

  /* nothing spent: the estimate stands in */
  g_assert_cmpint (outlay_totals_get_roi_cost (&totals, &is_estimate), ==, D (1000));
  g_assert_true (is_estimate);
  totals.actual = D (300);
  totals.committed = D (200);
  g_assert_cmpint (outlay_totals_get_roi_cost (&totals, &is_estimate), ==, D (500));
  g_assert_false (is_estimate);
}

typedef struct
{
  char *dir;
  char *path;
  OutlayStore *store;
  OutlayDocument *doc;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  f->dir = outlay_test_make_dir ();
  f->path = g_build_filename (f->dir, "roi.db", NULL);
  f->store = outlay_store_open (f->path, &error);
  g_assert_no_error (error);
  id = outlay_store_create_budget (f->store, "event", "Launch", NULL, &error);
  g_assert_no_error (error);
  f->doc = outlay_store_load_document (f->store, id, &error);
  g_assert_no_error (error);
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

static void
set_budget (OutlayDocument *doc, const char *property, GType type, gint64 number)
{
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, type);
  if (type == G_TYPE_INT64)
    g_value_set_int64 (&value, number);
  else
    g_value_set_enum (&value, (int) number);
  g_assert_true (outlay_document_set_budget_value (doc, property, &value, &error));
  g_assert_no_error (error);
}

static void
test_snapshots (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = outlay_budget_get_id (outlay_document_get_budget (f->doc));
  OutlayLine *line = outlay_section_get_line (outlay_document_get_section (f->doc, 0), 0);
  g_autoptr(OutlayRoiSnapshot) manual = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *tasks = NULL;
  OutlayRoiSnapshot *approved;

  g_assert_true (
      outlay_document_set_line_text (f->doc, line, OUTLAY_LINE_ESTIMATE, "8000", &error));
  g_assert_true (outlay_document_set_line_text (f->doc, line, OUTLAY_LINE_ACTUAL, "2000", &error));
  g_assert_no_error (error);
  set_budget (f->doc, "expected-value", G_TYPE_INT64, D (5000));
  /* two tasks, one done */
  tasks = g_strdup_printf ("INSERT INTO tasks (budget_id, name, status) VALUES"
                           " (%" G_GINT64_FORMAT ", 'Shoot', 'done'),"
                           " (%" G_GINT64_FORMAT ", 'Edit', 'todo')",
                           id, id);
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, tasks, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }

  manual = outlay_store_take_roi_snapshot (f->store, f->doc, "kick-off", &error);
  g_assert_no_error (error);
  /* (5,000 − 2,000) ÷ 2,000 */
  g_assert_cmpint (outlay_roi_snapshot_get_roi_percent (manual), ==, D (150));
  g_assert_cmpint (outlay_roi_snapshot_get_cost (manual), ==, D (2000));
  g_assert_cmpuint (outlay_roi_snapshot_get_tasks_done (manual), ==, 1);
  g_assert_cmpuint (outlay_roi_snapshot_get_tasks_total (manual), ==, 2);
  g_assert_cmpstr (outlay_roi_snapshot_get_reason (manual), ==, "manual");

  /* value realized, then approved: a snapshot in the status change */
  set_budget (f->doc, "realized-value", G_TYPE_INT64, D (3000));
  set_budget (f->doc, "status", OUTLAY_TYPE_BUDGET_STATUS, OUTLAY_BUDGET_STATUS_APPROVED);
  list = outlay_store_list_roi_snapshots (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  approved = list->pdata[1];
  g_assert_cmpstr (outlay_roi_snapshot_get_reason (approved), ==, "status:approved");
  g_assert_cmpint (outlay_roi_snapshot_get_value (approved), ==, D (3000));
  g_assert_cmpint (outlay_roi_snapshot_get_expected_value (approved), ==, D (5000));
  g_assert_cmpint (outlay_roi_snapshot_get_roi_percent (approved), ==, D (50));
  g_assert_cmpstr (outlay_roi_snapshot_get_note (list->pdata[0]), ==, "kick-off");

  /* undoing the status change takes it back and keeps another snapshot */
  g_assert_true (outlay_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = outlay_store_list_roi_snapshots (f->store, id, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (outlay_roi_snapshot_get_reason (list->pdata[2]), ==, "status:draft");
}

static void
test_cli (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *budget = g_strdup_printf (
      "%" G_GINT64_FORMAT, outlay_budget_get_id (outlay_document_get_budget (f->doc)));
  const char *argv[] = { g_getenv ("OUTLAY_CLI"),
                         "--database",
                         f->path,
                         "roi",
                         budget,
                         "--expected",
                         "1200",
                         "--snapshot",
                         "--json",
                         NULL };
  JsonObject *root, *current;
  int status = 0;

  g_assert_nonnull (argv[0]);
  /* nothing spent: measured against the 0 estimate of an empty event */
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_no_error (error);
  g_test_message ("%s", err);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  current = json_object_get_object_member (root, "current");
  g_assert_cmpstr (json_object_get_string_member (current, "expected_value"), ==, "1200.00");
  g_assert_cmpstr (json_object_get_string_member (current, "cost_basis"), ==, "estimate");
  /* no cost to measure against: no figure rather than a division by zero */
  g_assert_true (json_object_get_null_member (current, "roi_percent"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "snapshots")), ==,
                    1);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/roi/percent", test_percent);
  g_test_add ("/roi/snapshots", Fixture, NULL, fixture_set_up, test_snapshots, fixture_tear_down);
  g_test_add ("/roi/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  return g_test_run ();
}
