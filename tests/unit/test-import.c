/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Imports every file of $OUTLAY_FIXTURES (tests/fixtures, or the team's
 * shared set for the -shared run) and compares with its EXPECTED.json: the detected type, sheet, header row, mapping, the line
 * count, section names and totals; then what the database holds, undo,
 * cancel, bad rows, and the same file twice. */

#include <json-glib/json-glib.h>
#include <string.h>

#include "outlay-csv-export.h"
#include "outlay-importer.h"
#include "outlay-line-private.h"
#include "outlay-phasing.h"
#include "outlay-xlsx-export.h"
#include "outlay-store-private.h"
#include "outlay-test-util.h"

typedef struct
{
  char        *dir;
  OutlayStore *store;
} Fixture;

static JsonObject *expected_root;

static char *
fixture_path (const char *name)
{
  const char *dir = g_getenv ("OUTLAY_FIXTURES");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static JsonObject *
expected (const char *name)
{
  JsonObject *o = json_object_get_object_member (expected_root, name);

  g_assert_nonnull (o);
  if (json_object_has_member (o, "same_as"))
    return expected (json_object_get_string_member (o, "same_as"));
  return o;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = outlay_test_make_dir ();
  path = g_build_filename (f->dir, "outlay.db", NULL);
  f->store = outlay_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  outlay_test_remove_dir (f->dir);
  g_free (f->dir);
}

static OutlayWorkbook *
open_fixture (const char *name, OutlayImportAnalysis **analysis)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(OutlayWorkbook) wb = outlay_workbook_open (file, NULL, &error);

  g_assert_no_error (error);
  *analysis = outlay_import_analyze (wb, -1, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&wb);
}

static OutlayDecimal
money (const char *text)
{
  OutlayDecimal v = 0;

  g_assert_true (outlay_decimal_parse (text, &v, NULL));
  return v;
}

static void
assert_money (OutlayDecimal value, const char *text)
{
  g_autofree char *got = outlay_decimal_to_string (value, 2);

  g_assert_cmpstr (got, ==, text);
  g_assert_cmpint (outlay_decimal_round (value, 2), ==, money (text));
}

/* EXPECTED.json writes "qty (hours)", "(derived: …)", "status/notes" */
static gboolean
field_matches (OutlayImportField field, const char *want)
{
  const char *name = outlay_import_field_name (field);

  if (g_str_has_prefix (want, "(derived"))
    return field == OUTLAY_IMPORT_FIELD_DERIVED || field == OUTLAY_IMPORT_FIELD_IGNORE;
  if (g_str_has_prefix (want, "actual_qty"))
    return field == OUTLAY_IMPORT_FIELD_IGNORE || field == OUTLAY_IMPORT_FIELD_NOTES;
  if (g_str_has_prefix (want, "status/notes"))
    return field == OUTLAY_IMPORT_FIELD_NOTES || field == OUTLAY_IMPORT_FIELD_IGNORE;
  return g_str_has_prefix (want, name)
         && (want[strlen (name)] == '\0' || want[strlen (name)] == ' ');
}

static void
assert_mapping (OutlayImportAnalysis *analysis, JsonObject *want)
{
  GPtrArray *columns = outlay_import_analysis_get_columns (analysis);
  JsonObject *mapping = json_object_get_object_member (want, "mapping");
  g_autoptr(GList) headers = json_object_get_members (mapping);

  for (GList *l = headers; l != NULL; l = l->next)
    {
      const char *header = l->data;
      const char *field = json_object_get_string_member (mapping, header);
      gboolean found = FALSE;

      for (guint i = 0; i < columns->len; i++)
        {
          OutlayColumnMapping *m = g_ptr_array_index (columns, i);

          if (g_strcmp0 (m->header, header) != 0)
            continue;
          found = TRUE;
          if (!field_matches (m->field, field))
            g_error ("column “%s” mapped to %s, expected %s", header,
                     outlay_import_field_name (m->field), field);
        }
      if (!found)
        g_error ("no column “%s”", header);
    }
}

static OutlayImportResult *
import_new (Fixture *f, OutlayWorkbook *wb, OutlayImportAnalysis *analysis, gboolean yes)
{
  g_autoptr(GError) error = NULL;
  OutlayImportOptions options = { .mode = OUTLAY_IMPORT_MODE_NEW, .source = "test" };
  OutlayImportResult *result;

  g_assert_true (yes || outlay_import_analysis_get_kind (analysis, NULL) == OUTLAY_FILE_KIND_BUDGET);
  result = outlay_import_run (f->store, wb, analysis, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static OutlayImportSection *
find_section (OutlayImportResult *r, const char *name)
{
  for (guint i = 0; i < r->sections->len; i++)
    {
      OutlayImportSection *s = g_ptr_array_index (r->sections, i);

      if (g_strcmp0 (s->name, name) == 0)
        return s;
    }
  g_error ("no section “%s”", name);
  return NULL;
}

/* What the database holds equals what the import reported. */
static void
assert_stored (Fixture *f, OutlayImportResult *r, guint lines)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayDocument) doc = outlay_store_load_document (f->store, r->budget_id, &error);
  const OutlayTotals *totals;

  g_assert_no_error (error);
  g_assert_cmpuint (outlay_document_get_n_lines (doc), ==, lines);
  g_assert_cmpuint (outlay_document_get_n_sections (doc), ==, r->sections->len);
  totals = outlay_document_get_totals (doc);
  g_assert_cmpint (totals->estimate, ==, r->estimate);
  g_assert_cmpint (totals->actual, ==, r->actual);
  outlay_test_assert_totals_consistent (doc);
}

static void
check_budget_fixture (Fixture *f, const char *name)
{
  JsonObject *want = expected (name);
  g_autoptr(OutlayImportAnalysis) analysis = NULL;
  g_autoptr(OutlayWorkbook) wb = open_fixture (name, &analysis);
  g_autoptr(OutlayImportResult) r = NULL;
  guint lines = json_object_get_int_member (want, "line_items");

  /* one row per line and period: each line's rows fold into one line */
  if (json_object_has_member (want, "periods"))
    lines /= json_object_get_int_member (want, "periods");

  g_assert_cmpint (outlay_import_analysis_get_kind (analysis, NULL), ==, OUTLAY_FILE_KIND_BUDGET);
  if (json_object_has_member (want, "budget_sheet"))
    g_assert_cmpstr (outlay_workbook_get_sheet_name (wb, outlay_import_analysis_get_sheet (analysis)),
                     ==, json_object_get_string_member (want, "budget_sheet"));
  g_assert_cmpint (outlay_import_analysis_get_header_row (analysis), ==,
                   json_object_get_int_member (want, "header_row"));
  assert_mapping (analysis, want);

  r = import_new (f, wb, analysis, FALSE);
  g_assert_cmpuint (r->rows_imported, ==, lines);
  g_assert_cmpuint (r->rows_skipped, ==, 0);
  assert_money (r->estimate, json_object_get_string_member (want, "estimate_total"));
  if (!json_object_get_null_member (want, "actual_total"))
    assert_money (r->actual, json_object_get_string_member (want, "actual_total"));
  else
    g_assert_cmpint (r->actual, ==, 0);
  assert_stored (f, r, lines);
}

static void
check_groups (OutlayImportResult *r, JsonObject *groups)
{
  g_autoptr(GList) names = json_object_get_members (groups);

  g_assert_cmpuint (r->sections->len, ==, g_list_length (names));
  for (GList *l = names; l != NULL; l = l->next)
    assert_money (find_section (r, l->data)->estimate,
                  json_object_get_string_member (groups, l->data));
}

static void
test_aicp (Fixture *f, gconstpointer data)
{
  const char *name = data;
  JsonObject *want = expected (name);
  JsonArray *sections = json_object_get_array_member (want, "sections");
  g_autoptr(OutlayImportAnalysis) analysis = NULL;
  g_autoptr(OutlayWorkbook) wb = NULL;
  g_autoptr(OutlayImportResult) r = NULL;
  g_autofree char *kinds = NULL;

  check_budget_fixture (f, name);
  wb = open_fixture (name, &analysis);
  r = import_new (f, wb, analysis, FALSE);
  g_assert_cmpuint (r->sections->len, ==, json_array_get_length (sections));
  for (guint i = 0; i < r->sections->len; i++)
    {
      OutlayImportSection *s = g_ptr_array_index (r->sections, i);
      JsonObject *w = json_array_get_object_element (sections, i);

      g_assert_cmpstr (s->code, ==, json_object_get_string_member (w, "letter"));
      g_assert_cmpstr (s->name, ==, json_object_get_string_member (w, "name"));
      g_assert_cmpuint (s->lines, ==, json_object_get_int_member (w, "lines"));
      assert_money (s->estimate, json_object_get_string_member (w, "estimate"));
      assert_money (s->actual, json_object_get_string_member (w, "actual"));
    }
  /* the subtotal and grand total rows agree with the lines */
  for (guint i = 0; i < r->warnings->len; i++)
    g_assert_null (strstr (g_ptr_array_index (r->warnings, i), " was read as "));
  g_assert_cmpstr (r->currency, ==, "USD");
  /* the title block: the job's title names the budget, the rest is its
   * header (described in our own EXPECTED.json, not in the shared one) */
  if (json_object_has_member (want, "title_block"))
    {
      JsonObject *block = json_object_get_object_member (want, "title_block");
      static const char * const details[] = { "client", "job-number", "bid-date", "director",
                                              "agency", "shoot-dates" };

      g_assert_cmpstr (r->budget_name, ==, json_object_get_string_member (block, "name"));
      for (guint i = 0; i < G_N_ELEMENTS (details); i++)
        g_assert_cmpstr (g_hash_table_lookup (r->details, details[i]), ==,
                         json_object_get_string_member (block, details[i]));
      kinds = outlay_test_query_text (outlay_store_get_db (f->store),
                                      "SELECT group_concat(DISTINCT client) FROM budgets");
      g_assert_cmpstr (kinds, ==, json_object_get_string_member (block, "client"));
      g_free (kinds);
    }
  else
    g_assert_nonnull (g_hash_table_lookup (r->details, "client"));
  kinds = outlay_test_query_text (outlay_store_get_db (f->store),
                                  "SELECT group_concat(DISTINCT kind) FROM budgets");
  g_assert_cmpstr (kinds, ==, "aicp");
}

static void
test_software (Fixture *f, gconstpointer data)
{
  JsonObject *want = expected ("software_project.xlsx");
  g_autoptr(OutlayImportAnalysis) analysis = NULL;
  g_autoptr(OutlayWorkbook) wb = NULL;
  g_autoptr(OutlayImportResult) r = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  OutlayLine *first;

  check_budget_fixture (f, "software_project.xlsx");
  wb = open_fixture ("software_project.xlsx", &analysis);
  r = import_new (f, wb, analysis, FALSE);
  check_groups (r, json_object_get_object_member (want, "phases"));
  doc = outlay_store_load_document (f->store, r->budget_id, &error);
  g_assert_no_error (error);
  first = outlay_section_get_line (outlay_document_get_section (doc, 0), 0);
  g_assert_cmpstr (outlay_line_get_text (first, OUTLAY_LINE_DATE), ==,
                   json_object_get_string_member (want, "first_due_date"));
  g_assert_cmpstr (outlay_line_get_text (first, OUTLAY_LINE_ASSIGNEE), !=, "");
}

static void
test_departments (Fixture *f, gconstpointer data)
{
  JsonObject *want = expected ("departments_fy2025.csv");
  g_autoptr(OutlayImportAnalysis) analysis = NULL;
  g_autoptr(OutlayWorkbook) wb = NULL;
  g_autoptr(OutlayImportResult) r = NULL;

  check_budget_fixture (f, "departments_fy2025.csv");
  wb = open_fixture ("departments_fy2025.csv", &analysis);
  r = import_new (f, wb, analysis, FALSE);
  check_groups (r, json_object_get_object_member (want, "departments"));
  /* phased by month: the first period holds what the file's P01 rows say */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(OutlayDocument) doc = outlay_store_load_document (f->store, r->budget_id, &error);
    g_autoptr(OutlayPhasingGrid) grid = NULL;
    OutlayDecimal total = 0;

    g_assert_no_error (error);
    grid = outlay_phasing_grid_new (doc, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (grid->periods->n, ==, json_object_get_int_member (want, "periods"));
    assert_money (grid->total_planned[0], json_object_get_string_member (want, "period_P01_total"));
    for (guint p = 0; p < grid->periods->n; p++)
      total += grid->total_planned[p];
    g_assert_cmpint (total, ==, r->estimate);
    g_assert_cmpint (outlay_document_get_line_phasing (doc, grid->lines[0])->method, ==,
                     OUTLAY_PHASING_METHOD_AMOUNTS);
  }
}

static void
test_messy (Fixture *f, gconstpointer data)
{
  JsonObject *example = json_object_get_object_member (expected ("messy_eu.csv"), "example");
  g_autoptr(OutlayImportAnalysis) analysis = NULL;
  g_autoptr(OutlayWorkbook) wb = NULL;
  g_autoptr(OutlayImportResult) r = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  OutlayLine *first;

  check_budget_fixture (f, "messy_eu.csv");
  wb = open_fixture ("messy_eu.csv", &analysis);
  r = import_new (f, wb, analysis, FALSE);
  g_assert_cmpstr (r->currency, ==, "EUR");
  doc = outlay_store_load_document (f->store, r->budget_id, &error);
  g_assert_no_error (error);
  first = outlay_section_get_line (outlay_document_get_section (doc, 0), 0);
  g_assert_cmpstr (outlay_line_get_code (first), ==, json_object_get_string_member (example, "pos"));
  g_assert_cmpstr (outlay_line_get_description (first), ==,
                   json_object_get_string_member (example, "description"));
  g_assert_cmpint (outlay_line_get_quantity (first), ==,
                   money (json_object_get_string_member (example, "qty")));
  g_assert_cmpint (outlay_line_get_rate (first), ==,
                   money (json_object_get_string_member (example, "rate")));
  g_assert_cmpint (outlay_line_get_estimate (first), ==,
                   money (json_object_get_string_member (example, "estimate")));
}

static gint64 count (Fixture *f, const char *sql);

#define LINES_INDEXES                                                                              \
  "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'lines'"

/* @sql's plan uses @index (and scans no table whole). */
static void
check_plan (Fixture *f, const char *sql, const char *index)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(GString) plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (outlay_store_get_db (f->store), explain, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  g_assert_nonnull (strstr (plan->str, index));
  g_assert_null (strstr (plan->str, "SCAN lines\n"));
}

static void
test_large (Fixture *f, gconstpointer data)
{
  const char *name = data;
  JsonObject *want = expected (name);
  g_autoptr(OutlayImportAnalysis) analysis = NULL;
  g_autoptr(OutlayWorkbook) wb = NULL;
  g_autoptr(OutlayImportResult) r = NULL;
  gint64 lines;

  check_budget_fixture (f, name);
  wb = open_fixture (name, &analysis);
  r = import_new (f, wb, analysis, FALSE);
  check_groups (r, json_object_get_object_member (want, "estimate_by_category"));
  /* the indexes a big import builds at its end are there and whole */
  g_assert_cmpint (count (f, LINES_INDEXES), ==, 2);
  g_assert_cmpint (
      count (f, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), ==,
      0);
  lines = count (f, "SELECT count(*) FROM lines NOT INDEXED");
  g_assert_cmpint (lines, >=, 100000);
  g_assert_cmpint (count (f, "SELECT count(*) FROM lines INDEXED BY lines_section"), ==, lines);
  g_assert_cmpint (
      count (f, "SELECT count(*) FROM lines INDEXED BY lines_order WHERE budget_id > 0"), ==,
      lines);
  /* the file mixes its categories on every row; its lines, written
   * section by section, keep their place: positions 0 … n − 1 in each
   * section, in the file's order (the codes end in the row number) */
  g_assert_cmpint (count (f, "SELECT count(*) FROM (SELECT count(*) AS n, min(position) AS lo,"
                             " max(position) AS hi FROM lines GROUP BY section_id)"
                             " WHERE lo <> 0 OR hi <> n - 1"),
                   ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM lines a JOIN lines b"
                             " ON b.section_id = a.section_id AND b.position = a.position + 1"
                             " WHERE substr(b.code, 4) <= substr(a.code, 4)"),
                   ==, 0);
  g_assert_cmpint (count (f, "SELECT count(DISTINCT section_id) FROM lines"), >, 1);
  /* the queries that read a budget's and a section's lines use them */
  check_plan (f, "SELECT id FROM lines WHERE budget_id = 1 ORDER BY section_id, position",
              "lines_order");
  check_plan (f, "SELECT id FROM lines WHERE section_id = 1 ORDER BY position", "lines_section");
  /* and the connection's settings are its own again */
  g_assert_cmpint (count (f, "PRAGMA cache_size"), ==, -2000);
  g_assert_cmpint (count (f, "PRAGMA threads"), ==, 0);
  g_assert_cmpint (count (f, "PRAGMA foreign_keys"), ==, 1);
}

static void
test_not_budget (Fixture *f, gconstpointer data)
{
  const char *name = data;
  JsonObject *want = expected (name);
  g_autoptr(OutlayImportAnalysis) analysis = NULL;
  g_autoptr(OutlayWorkbook) wb = open_fixture (name, &analysis);
  double confidence = 0;
  OutlayFileKind kind = outlay_import_analysis_get_kind (analysis, &confidence);
  const char * const *reasons = outlay_import_analysis_get_reasons (analysis);

  g_assert_cmpstr (outlay_file_kind_name (kind), ==, json_object_get_string_member (want, "kind"));
  g_assert_cmpfloat (confidence, >, 0.5);
  g_assert_nonnull (reasons);
  g_assert_nonnull (reasons[0]);
}

/* ---- the database side ---- */

static gint64
count (Fixture *f, const char *sql)
{
  return outlay_test_query_int (outlay_store_get_db (f->store), sql);
}

static char *
write_temp (Fixture *f, const char *name, const char *content)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, content, -1, NULL));
  return path;
}

static OutlayWorkbook *
open_path (const char *path, OutlayImportAnalysis **analysis)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(OutlayWorkbook) wb = outlay_workbook_open (file, NULL, &error);

  g_assert_no_error (error);
  *analysis = outlay_import_analyze (wb, -1, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&wb);
}

static const char small_csv[] =
  "Category,Code,Description,Qty,Rate,Estimate,Actual\n"
  "Travel,T1,Flights,2,450.00,900.00,880.00\n"
  "Travel,T2,Hotel,3,120.00,360.00,\n"
  "Crew,C1,Gaffer,5,twelve,6000.00,5900.00\n"
  "Crew,C2,Grip,5,1100.00,5500.00,5500.00\n";

static void
test_bad_rows (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_temp (f, "bad.csv", small_csv);
  g_autoptr(OutlayImportAnalysis) analysis = NULL;
  g_autoptr(OutlayWorkbook) wb = open_path (path, &analysis);
  g_autoptr(OutlayImportResult) r = NULL;
  g_autoptr(GError) error = NULL;
  OutlayImportOptions strict = { .mode = OUTLAY_IMPORT_MODE_NEW, .abort_on_bad_row = TRUE };
  gint64 budgets = count (f, "SELECT count(*) FROM budgets");
  OutlayImportRowError *e;

  /* stop: nothing at all is written, and the message says where and why */
  r = outlay_import_run (f->store, wb, analysis, &strict, NULL, NULL, NULL, &error);
  g_assert_null (r);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_NUMBER);
  g_assert_nonnull (strstr (error->message, "Row 4"));
  g_assert_nonnull (strstr (error->message, "Rate"));
  g_assert_nonnull (strstr (error->message, "twelve"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM budgets"), ==, budgets);
  g_assert_cmpint (count (f, "SELECT count(*) FROM imports"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM lines WHERE import_id IS NOT NULL"), ==, 0);

  /* skip: the row is listed, the rest lands */
  r = import_new (f, wb, analysis, FALSE);
  g_assert_cmpuint (r->rows_total, ==, 4);
  g_assert_cmpuint (r->rows_imported, ==, 3);
  g_assert_cmpuint (r->rows_skipped, ==, 1);
  g_assert_cmpuint (r->errors->len, ==, 1);
  e = g_ptr_array_index (r->errors, 0);
  g_assert_cmpuint (e->row, ==, 4);
  g_assert_cmpstr (e->column, ==, "Rate");
  g_assert_cmpstr (e->value, ==, "twelve");
  assert_money (r->estimate, "6760.00");
  assert_money (r->actual, "6380.00");
  g_assert_cmpint (count (f, "SELECT rows_skipped FROM imports"), ==, 1);
  g_assert_cmpint (count (f, "SELECT json_array_length(errors) FROM imports"), ==, 1);
}

static void
cancel_after_first (guint64 done, guint64 total, gpointer data)
{
  g_cancellable_cancel (data);
}

static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayImportAnalysis) analysis = NULL;
  g_autoptr(OutlayWorkbook) wb = open_fixture ("large_100k.csv", &analysis);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  OutlayImportOptions options = { .mode = OUTLAY_IMPORT_MODE_NEW };
  gint64 budgets = count (f, "SELECT count(*) FROM budgets");
  OutlayImportResult *r;

  r = outlay_import_run (f->store, wb, analysis, &options, cancel_after_first, cancellable,
                         cancellable, &error);
  g_assert_null (r);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count (f, "SELECT count(*) FROM budgets"), ==, budgets);
  g_assert_cmpint (count (f, "SELECT count(*) FROM lines WHERE import_id IS NOT NULL"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM imports"), ==, 0);
}

static void
cancel_late (guint64 done, guint64 total, gpointer data)
{
  /* past the point where a big import builds the lines' indexes at the end */
  if (done > 60000)
    g_cancellable_cancel (data);
}

/* Cancelled late, a big import leaves the database as it was, its
 * indexes included. */
static void
test_cancel_late (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayImportAnalysis) analysis = NULL;
  g_autoptr(OutlayWorkbook) wb = open_fixture ("large_100k.csv", &analysis);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  OutlayImportOptions options = { .mode = OUTLAY_IMPORT_MODE_NEW };
  gint64 indexes = count (f, LINES_INDEXES);
  OutlayImportResult *r;

  g_assert_cmpint (indexes, >=, 2);
  r = outlay_import_run (f->store, wb, analysis, &options, cancel_late, cancellable, cancellable,
                         &error);
  g_assert_null (r);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count (f, "SELECT count(*) FROM lines"), ==, 0);
  g_assert_cmpint (count (f, LINES_INDEXES), ==, indexes);
}

/* A new budget's lines are written at the commit; cancelled then, the
 * import leaves nothing, not even the budget it began. */
static void
test_cancel_commit (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayBudget) budget = outlay_budget_new ("Held back");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStoreImport) import = NULL;
  OutlayImportInfo info = { .file_name = "held.csv" };
  gint64 budgets = count (f, "SELECT count(*) FROM budgets");
  gint64 section;

  import = outlay_store_import_begin (f->store, &info, OUTLAY_IMPORT_MODE_NEW, budget, 0, &error);
  g_assert_no_error (error);
  section = outlay_store_import_section (import, "A", "Crew", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 5000; i++)
    {
      g_autoptr(OutlayLine) line = outlay_line_new ();
      g_autofree char *code = g_strdup_printf ("A-%u", i);

      outlay_line_load_text (line, OUTLAY_LINE_CODE, code);
      g_assert_true (outlay_store_import_line (import, section, line, NULL, &error));
    }
  /* held back until the commit */
  g_assert_cmpint (count (f, "SELECT count(*) FROM lines"), ==, 0);
  g_cancellable_cancel (cancellable);
  g_assert_false (
      outlay_store_import_commit (import, 5000, 5000, 0, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_pointer (&import, outlay_store_import_free);
  g_assert_cmpint (count (f, "SELECT count(*) FROM lines"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM budgets"), ==, budgets);
  g_assert_cmpint (count (f, LINES_INDEXES), ==, 2);
  g_assert_cmpint (count (f, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (count (f, "PRAGMA cache_size"), ==, -2000);
}

/* Lines held back, then one whose id is needed now (as phasing does, or
 * when too many are held): those held go in first, and every line keeps
 * its section and place. */
static void
test_held_then_ids (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayBudget) budget = outlay_budget_new ("Mixed");
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStoreImport) import = NULL;
  OutlayImportInfo info = { .file_name = "mixed.csv" };
  gint64 sections[2];
  gint64 id = 0;

  /* an SQLite built to take fewer parameters gets fewer lines per statement */
  sqlite3_limit (outlay_store_get_db (f->store), SQLITE_LIMIT_VARIABLE_NUMBER, 100);
  import = outlay_store_import_begin (f->store, &info, OUTLAY_IMPORT_MODE_NEW, budget, 0, &error);
  g_assert_no_error (error);
  sections[0] = outlay_store_import_section (import, "A", "Crew", &error);
  sections[1] = outlay_store_import_section (import, "B", "Gear", &error);
  g_assert_no_error (error);
  /* rows 0 … 1999 alternate between the sections; row 1500 wants its id */
  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(OutlayLine) line = outlay_line_new ();
      g_autofree char *code = g_strdup_printf ("%05u", i);

      outlay_line_load_text (line, OUTLAY_LINE_CODE, code);
      g_assert_true (
          outlay_store_import_line (import, sections[i % 2], line, i == 1500 ? &id : NULL, &error));
      g_assert_no_error (error);
      if (i == 1500)
        {
          g_autofree char *sql = g_strdup_printf (
              "SELECT count(*) FROM lines WHERE id = %" G_GINT64_FORMAT
              " AND code = '01500' AND position = 750",
              id);

          g_assert_cmpint (count (f, sql), ==, 1);
          /* the lines held so far went in with it */
          g_assert_cmpint (count (f, "SELECT count(*) FROM lines"), ==, 1501);
        }
    }
  g_assert_true (outlay_store_import_commit (import, 2000, 2000, 0, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM lines"), ==, 2000);
  /* in each section, positions 0 … 999 follow the rows */
  g_assert_cmpint (count (f, "SELECT count(*) FROM lines WHERE"
                             " position * 2 + CAST(code AS INTEGER) % 2 <> CAST(code AS INTEGER)"
                             " OR section_id <> (SELECT s.id FROM sections s"
                             " WHERE s.budget_id = lines.budget_id AND s.code ="
                             " CASE CAST(lines.code AS INTEGER) % 2 WHEN 0 THEN 'A' ELSE 'B' END)"),
                   ==, 0);
  g_assert_cmpint (
      count (f, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), ==,
      0);
}

static void
test_undo_new (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayImportAnalysis) analysis = NULL;
  g_autoptr(OutlayWorkbook) wb = open_fixture ("aicp_commercial.xlsx", &analysis);
  g_autoptr(OutlayImportResult) r = import_new (f, wb, analysis, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayImportRecord) record = NULL;

  /* the import ran without checking its own references; all others are
   * checked again, and its rows point where they should */
  g_assert_cmpint (count (f, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  record = outlay_store_get_import (f->store, r->import_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_import_record_get_file_name (record), ==, "aicp_commercial.xlsx");
  g_assert_cmpstr (outlay_import_record_get_file_type (record), ==, "budget");
  g_assert_cmpstr (outlay_import_record_get_sheet (record), ==, "Bid Form");
  g_assert_cmpuint (outlay_import_record_get_rows_imported (record), ==,
                    json_object_get_int_member (expected ("aicp_commercial.xlsx"), "line_items"));
  g_assert_nonnull (strstr (outlay_import_record_get_mapping (record), "\"estimate\""));
  g_assert_cmpint (outlay_import_record_get_status (record), ==, OUTLAY_IMPORT_STATUS_DONE);

  g_assert_true (outlay_store_undo_import (f->store, r->import_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM budgets"), ==, 0);
  /* the budget's lines went with it (the cascades ran) */
  g_assert_cmpint (count (f, "SELECT count(*) FROM lines"), ==, 0);
  g_clear_object (&record);
  record = outlay_store_get_import (f->store, r->import_id, &error);
  g_assert_cmpint (outlay_import_record_get_status (record), ==, OUTLAY_IMPORT_STATUS_UNDONE);
  /* twice is refused with a reason */
  g_assert_false (outlay_store_undo_import (f->store, r->import_id, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
}

static char *
lines_text (Fixture *f)
{
  return outlay_test_query_text (outlay_store_get_db (f->store),
    "SELECT group_concat(code || ':' || estimate, ',') FROM (SELECT * FROM lines ORDER BY id)");
}

static void
test_append_replace_undo (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = outlay_store_create_budget (f->store, "aicp", "Spot", NULL, &error);
  g_autofree char *path = write_temp (f, "more.csv", small_csv);
  g_autoptr(OutlayImportAnalysis) analysis = NULL;
  g_autoptr(OutlayWorkbook) wb = open_path (path, &analysis);
  g_autoptr(OutlayImportResult) appended = NULL;
  g_autoptr(OutlayImportResult) replaced = NULL;
  OutlayImportOptions append = { .mode = OUTLAY_IMPORT_MODE_APPEND, .budget_id = id };
  OutlayImportOptions replace = { .mode = OUTLAY_IMPORT_MODE_REPLACE, .budget_id = id };
  g_autofree char *before = NULL;
  g_autofree char *after_append = NULL;
  g_autofree char *now = NULL;
  gint64 lines;

  g_assert_no_error (error);
  before = lines_text (f);
  lines = count (f, "SELECT count(*) FROM lines");

  appended = outlay_import_run (f->store, wb, analysis, &append, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM lines"), ==, lines + 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sections WHERE import_id IS NOT NULL"), ==, 2);
  after_append = lines_text (f);

  replaced = outlay_import_run (f->store, wb, analysis, &replace, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM lines"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM versions WHERE name LIKE 'Before import%'"),
                   ==, 1);

  /* undo the replace: back to after the append, line for line */
  g_assert_true (outlay_store_undo_import (f->store, replaced->import_id, &error));
  g_assert_no_error (error);
  g_free (now);
  now = lines_text (f);
  g_assert_cmpstr (now, ==, after_append);
  /* undo the append: back to the template */
  g_assert_true (outlay_store_undo_import (f->store, appended->import_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sections WHERE import_id IS NOT NULL"), ==, 0);
  g_free (now);
  now = lines_text (f);
  g_assert_cmpstr (now, ==, before);
}

static OutlayImportResult *
import_into (Fixture *f, const char *path, OutlayImportMode mode, gint64 budget_id)
{
  g_autoptr(OutlayImportAnalysis) analysis = NULL;
  g_autoptr(OutlayWorkbook) wb = open_path (path, &analysis);
  g_autoptr(GError) error = NULL;
  OutlayImportOptions options = { .mode = mode, .budget_id = budget_id };
  OutlayImportResult *r = outlay_import_run (f->store, wb, analysis, &options, NULL, NULL, NULL,
                                             &error);

  g_assert_no_error (error);
  return r;
}

/* Undo works like a stack where it has to, keeps links and order. */
static void
test_undo_order (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = outlay_store_create_budget (f->store, "blank", "Target", "EUR", &error);
  g_autofree char *p1 = write_temp (f, "p1.csv", "Category,Description,Estimate\n"
                                    "Travel,one a,101\nTravel,one b,102\n");
  g_autofree char *p2 = write_temp (f, "p2.csv", "Category,Description,Estimate\n"
                                    "Travel,two a,201\nCrew,two b,202\n");
  g_autofree char *p3 = write_temp (f, "p3.csv", "Category,Description,Estimate\n"
                                    "Travel,three a,301\n");
  g_autoptr(OutlayImportResult) r1 = NULL;
  g_autoptr(OutlayImportResult) r2 = NULL;
  g_autoptr(OutlayImportResult) r3 = NULL;
  g_autoptr(OutlayImportResult) rr = NULL;
  g_autofree char *order = NULL;

  g_assert_no_error (error);
  r1 = import_into (f, p1, OUTLAY_IMPORT_MODE_APPEND, id);
  g_assert_cmpstr (r1->budget_name, ==, "Target");
  g_assert_cmpstr (r1->currency, ==, "EUR");
  r2 = import_into (f, p2, OUTLAY_IMPORT_MODE_APPEND, id);
  g_assert_true (outlay_store_undo_import (f->store, r1->import_id, &error));
  r3 = import_into (f, p3, OUTLAY_IMPORT_MODE_APPEND, id);
  order = outlay_test_query_text (outlay_store_get_db (f->store),
    "SELECT group_concat(description, ',') FROM (SELECT description FROM lines"
    " JOIN sections s ON s.id = section_id ORDER BY s.position, lines.position)");
  g_assert_cmpstr (order, ==, "two a,three a,two b");
  /* the Travel section was made by import 1 and is kept by import 2's line */
  g_assert_true (outlay_store_undo_import (f->store, r2->import_id, &error));
  g_assert_true (outlay_store_undo_import (f->store, r3->import_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sections WHERE import_id IS NOT NULL"), ==, 0);

  /* a replace: a task linked to a line finds it again after the undo */
  r1 = (outlay_import_result_free (r1), import_into (f, p1, OUTLAY_IMPORT_MODE_APPEND, id));
  g_assert_true (outlay_store_exec (f->store, "INSERT INTO tasks (budget_id, line_id, name)"
                                    " SELECT budget_id, min(id), 'Book flights' FROM lines", NULL));
  rr = import_into (f, p3, OUTLAY_IMPORT_MODE_REPLACE, id);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tasks WHERE line_id IS NULL"), ==, 1);
  r2 = (outlay_import_result_free (r2), import_into (f, p2, OUTLAY_IMPORT_MODE_APPEND, id));
  /* undoing the replace first would take import 2 with it: refused */
  g_assert_false (outlay_store_undo_import (f->store, rr->import_id, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_true (outlay_store_undo_import (f->store, r2->import_id, &error));
  g_assert_true (outlay_store_undo_import (f->store, rr->import_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tasks WHERE line_id IS NULL"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM lines"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM versions WHERE name LIKE 'Before undoing%'"),
                   ==, 1);

  /* a locked budget refuses an undo too */
  g_assert_true (outlay_store_exec (f->store, "UPDATE budgets SET status = 'locked'", NULL));
  g_assert_false (outlay_store_undo_import (f->store, r1->import_id, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_LOCKED);
  g_assert_cmpint (count (f, "SELECT count(*) FROM lines"), ==, 2);
}

static void
test_locked (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = outlay_store_create_budget (f->store, "blank", "Locked", NULL, &error);
  g_autofree char *path = write_temp (f, "l.csv", small_csv);
  g_autoptr(OutlayImportAnalysis) analysis = NULL;
  g_autoptr(OutlayWorkbook) wb = open_path (path, &analysis);
  OutlayImportOptions append = { .mode = OUTLAY_IMPORT_MODE_APPEND, .budget_id = id };
  OutlayImportResult *r;

  g_assert_true (outlay_store_exec (f->store, "UPDATE budgets SET status = 'locked'", NULL));
  r = outlay_import_run (f->store, wb, analysis, &append, NULL, NULL, NULL, &error);
  g_assert_null (r);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_LOCKED);
  g_assert_cmpint (count (f, "SELECT count(*) FROM imports"), ==, 0);
}

static void
test_fingerprint_and_mapping (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture_path ("messy_eu.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *fp = outlay_import_fingerprint (file, NULL, &error);
  g_autoptr(OutlayImportAnalysis) analysis = NULL;
  g_autoptr(OutlayImportAnalysis) again = NULL;
  g_autoptr(OutlayWorkbook) wb = open_path (path, &analysis);
  g_autoptr(OutlayImportResult) r = NULL;
  g_autoptr(OutlayImportRecord) seen = NULL;
  g_autofree char *json = NULL;
  g_autofree char *stored = NULL;
  OutlayImportOptions options = { .mode = OUTLAY_IMPORT_MODE_NEW, .fingerprint = fp };
  int notes;

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (fp), ==, 64);
  g_assert_null (outlay_store_find_import_by_fingerprint (f->store, fp, NULL));
  r = outlay_import_run (f->store, wb, analysis, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  seen = outlay_store_find_import_by_fingerprint (f->store, fp, &error);
  g_assert_nonnull (seen);
  g_assert_cmpint (outlay_import_record_get_id (seen), ==, r->import_id);

  /* the user maps "Unit" to notes; the next file with this layout gets it */
  notes = outlay_import_analysis_find_field (analysis, OUTLAY_IMPORT_FIELD_UNIT);
  g_assert_cmpint (notes, >=, 0);
  outlay_import_analysis_set_field (analysis, notes, OUTLAY_IMPORT_FIELD_NOTES);
  json = outlay_import_mapping_to_json (analysis);
  g_assert_true (outlay_store_remember_mapping (f->store,
                                                outlay_import_analysis_get_signature (analysis),
                                                json, &error));
  g_clear_object (&wb);
  wb = open_path (path, &again);
  stored = outlay_store_lookup_mapping (f->store, outlay_import_analysis_get_signature (again));
  g_assert_nonnull (stored);
  g_assert_true (outlay_import_mapping_apply_json (again, stored));
  g_assert_cmpint (outlay_import_analysis_find_field (again, OUTLAY_IMPORT_FIELD_NOTES), ==, notes);
}

/* An exported budget imports back to the same lines, sections and totals. */
static void
test_round_trip (Fixture *f, gconstpointer format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayDocument) before = NULL;
  g_autoptr(OutlayDocument) after = NULL;
  g_autoptr(OutlayImportResult) r = NULL;
  g_autofree char *path = g_build_filename (f->dir, format, NULL);
  gboolean xlsx = g_str_has_suffix (format, "xlsx");

  g_assert_true (outlay_store_add_sample (f->store, NULL, &error));
  g_assert_true (outlay_store_exec (f->store,
    "UPDATE budgets SET currency = 'EUR';"
    "UPDATE sections SET fringe = 225000 WHERE code = 'A';"
    "UPDATE lines SET vendor = 'Acme Rentals', period = '2026-P01', date = '2026-01-07'"
    " WHERE id = (SELECT min(id) FROM lines);"
    "UPDATE lines SET estimate = estimate + 12345, estimate_overridden = 1"
    " WHERE id = (SELECT max(id) FROM lines);", &error));
  before = outlay_store_load_document (f->store, 1, &error);
  g_assert_no_error (error);
  if (xlsx)
    g_assert_true (outlay_xlsx_export (before, path, NULL, NULL, NULL, &error));
  else
    g_assert_true (outlay_csv_export (before, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  {
    g_autoptr(OutlayImportAnalysis) analysis = NULL;
    g_autoptr(OutlayWorkbook) wb = open_path (path, &analysis);
    OutlayImportOptions options = { .mode = OUTLAY_IMPORT_MODE_NEW };

    g_assert_cmpint (outlay_import_analysis_get_kind (analysis, NULL), ==, OUTLAY_FILE_KIND_BUDGET);
    r = outlay_import_run (f->store, wb, analysis, &options, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (r->rows_skipped, ==, 0);
  /* the xlsx's summary agrees with the lines, and gives back the percentages */
  g_assert_cmpuint (r->warnings->len, ==, xlsx ? 1 : 0);
  if (xlsx)
    g_assert_cmpstr (g_ptr_array_index (r->warnings, 0), ==,
                     "Read from the sheet “Summary”: insurance 1.5%, production fee 12%");
  after = outlay_store_load_document (f->store, r->budget_id, &error);
  g_assert_no_error (error);
  if (xlsx)
    g_assert_cmpint (
        outlay_budget_get_production_fee_percent (outlay_document_get_budget (after)), ==,
        outlay_budget_get_production_fee_percent (outlay_document_get_budget (before)));
  g_assert_cmpuint (outlay_document_get_n_lines (after), ==, outlay_document_get_n_lines (before));
  g_assert_cmpuint (outlay_document_get_n_sections (after), ==,
                    outlay_document_get_n_sections (before));
  g_assert_cmpint (outlay_document_get_totals (after)->actual, ==,
                   outlay_document_get_totals (before)->actual);
  /* the CSV has lines only: no fringes, no currency */
  if (xlsx)
    {
      g_assert_cmpstr (outlay_budget_get_currency (outlay_document_get_budget (after)), ==, "EUR");
      g_assert_cmpint (outlay_document_get_totals (after)->estimate, ==,
                       outlay_document_get_totals (before)->estimate);
    }
  else
    g_assert_cmpint (outlay_document_get_totals (after)->estimate, ==,
                     outlay_document_get_totals (before)->estimate
                       - outlay_document_get_totals (before)->fringe);
  for (guint s = 0; s < outlay_document_get_n_sections (before); s++)
    {
      OutlaySection *a = outlay_document_get_section (before, s);
      OutlaySection *b = outlay_document_get_section (after, s);

      g_assert_cmpstr (outlay_section_get_code (a), ==, outlay_section_get_code (b));
      g_assert_cmpstr (outlay_section_get_name (a), ==, outlay_section_get_name (b));
      g_assert_cmpuint (outlay_section_get_n_lines (a), ==, outlay_section_get_n_lines (b));
      if (xlsx)
        g_assert_cmpint (outlay_section_get_fringe (a), ==, outlay_section_get_fringe (b));
      for (guint l = 0; l < outlay_section_get_n_lines (a); l++)
        {
          OutlayLine *x = outlay_section_get_line (a, l);
          OutlayLine *y = outlay_section_get_line (b, l);

          for (OutlayLineField field = 0; field < OUTLAY_LINE_N_FIELDS; field++)
            if (field == OUTLAY_LINE_RESERVED || field == OUTLAY_LINE_COMMITTED)
              continue;
            else if (outlay_line_field_is_decimal (field))
              g_assert_cmpint (outlay_line_get_decimal (x, field), ==,
                               outlay_line_get_decimal (y, field));
            else
              g_assert_cmpstr (outlay_line_get_text (x, field), ==, outlay_line_get_text (y, field));
          g_assert_cmpint (outlay_line_get_estimate_overridden (x), ==,
                           outlay_line_get_estimate_overridden (y));
        }
    }
}

static void
test_encoding_warning (Fixture *f, gconstpointer data)
{
  g_autofree char *latin1_path = write_temp (f, "latin1.csv",
                                             "Description,Estimate\nCaf\xE9 cr\xE8me,12.50\n");
  g_autofree char *utf8_path = write_temp (f, "utf8.csv",
                                           "Description,Estimate\nCaf\xC3\xA9,12.50\n");
  g_autoptr(OutlayImportAnalysis) latin1_analysis = NULL;
  g_autoptr(OutlayImportAnalysis) utf8_analysis = NULL;
  g_autoptr(OutlayWorkbook) latin1 = open_path (latin1_path, &latin1_analysis);
  g_autoptr(OutlayWorkbook) utf8 = open_path (utf8_path, &utf8_analysis);
  g_autoptr(OutlayImportResult) r = import_new (f, latin1, latin1_analysis, TRUE);
  g_autoptr(OutlayImportResult) r_utf8 = import_new (f, utf8, utf8_analysis, TRUE);

  g_assert_cmpuint (r->rows_imported, ==, 1);
  g_assert_cmpuint (r->warnings->len, ==, 1);
  g_assert_cmpstr (
      g_ptr_array_index (r->warnings, 0), ==,
      "“latin1.csv” is not UTF-8 text; it was read as Windows-1252 (Western European). "
      "If accented letters look wrong, save it as UTF-8 and import again.");
  g_assert_cmpuint (r_utf8->rows_imported, ==, 1);
  g_assert_cmpuint (r_utf8->warnings->len, ==, 0);
}

/* A file with no header row has no "row 0" to point at. */
static void
test_no_header_message (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_temp (f, "words.csv", "just\nsome words\n");
  g_autoptr(OutlayImportAnalysis) analysis = NULL;
  g_autoptr(OutlayWorkbook) wb = open_path (path, &analysis);
  g_autoptr(GError) error = NULL;
  OutlayImportOptions options = { .mode = OUTLAY_IMPORT_MODE_NEW, .source = "test" };
  g_autoptr(OutlayImportResult)
                 r = outlay_import_run (f->store, wb, analysis, &options, NULL, NULL, NULL, &error);

  g_assert_null (r);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_FILE);
  g_assert_cmpstr (error->message, ==,
                   "“words.csv” has no rows that look like budget lines "
                   "(a description and an amount), and no row of column names");
}

static void
add (const char *path, gconstpointer data, void (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown);
}

int
main (int argc, char *argv[])
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_test_init (&argc, &argv, NULL);
  path = fixture_path ("EXPECTED.json");
  if (!json_parser_load_from_file (parser, path, &error))
    g_error ("The fixtures are needed (tests/fixtures, copied to the build folder): %s",
             error->message);
  expected_root = json_node_get_object (json_parser_get_root (parser));

  add ("/import/fixtures/aicp-xlsx", "aicp_commercial.xlsx", test_aicp);
  add ("/import/fixtures/aicp-ods", "aicp_commercial.ods", test_aicp);
  add ("/import/fixtures/aicp-xls", "aicp_commercial.xls", test_aicp);
  add ("/import/fixtures/software-project", NULL, test_software);
  add ("/import/fixtures/departments", NULL, test_departments);
  add ("/import/fixtures/messy-eu", NULL, test_messy);
  add ("/import/fixtures/large-csv", "large_100k.csv", test_large);
  add ("/import/fixtures/large-xlsx", "large_100k.xlsx", test_large);
  add ("/import/fixtures/payroll", "payroll_sample.csv", test_not_budget);
  add ("/import/fixtures/invoice", "invoice_sample.xlsx", test_not_budget);
  add ("/import/fixtures/expense-report", "expense_report.csv", test_not_budget);
  add ("/import/rows/bad-rows", NULL, test_bad_rows);
  add ("/import/rows/encoding-warning", NULL, test_encoding_warning);
  add ("/import/rows/no-header-message", NULL, test_no_header_message);
  add ("/import/store/cancel", NULL, test_cancel);
  add ("/import/store/cancel-late", NULL, test_cancel_late);
  add ("/import/store/cancel-commit", NULL, test_cancel_commit);
  add ("/import/store/held-then-ids", NULL, test_held_then_ids);
  add ("/import/store/undo-new", NULL, test_undo_new);
  add ("/import/store/append-replace-undo", NULL, test_append_replace_undo);
  add ("/import/store/locked", NULL, test_locked);
  add ("/import/store/undo-order", NULL, test_undo_order);
  add ("/import/round-trip/xlsx", "export.xlsx", test_round_trip);
  add ("/import/round-trip/csv", "export.csv", test_round_trip);
  add ("/import/store/fingerprint-and-mapping", NULL, test_fingerprint_and_mapping);
  return g_test_run ();
}
