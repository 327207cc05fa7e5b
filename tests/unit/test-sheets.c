/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Google Sheets sync against the local fake Google (tests/servers), which
 * refuses any request the published discovery documents do not allow:
 * push, remote edits, pull, conflicts, rows added and deleted on either
 * side, and each fault at each step, checking the budget and the
 * spreadsheet afterwards (nothing lost, nothing doubled). */

#include "outlay-document-batch.h"
#include "outlay-error.h"
#include "outlay-fake-google.h"
#include "outlay-google-auth.h"
#include "outlay-secrets.h"
#include "outlay-sheets.h"
#include "outlay-store-sheets.h"
#include "outlay-test-util.h"

#include "../bench/bench-budget.h"

#define N_LINES 30

/* Detail's columns, 0-based */
enum
{
  C_ID,
  C_SECTION,
  C_CODE,
  C_DESCRIPTION,
  C_QTY,
  C_UNIT,
  C_DAYS,
  C_RATE,
  C_ESTIMATE,
  C_ACTUAL,
  C_NOTES
};

typedef struct
{
  char *dir;
  OutlayFakeGoogle *google;
  OutlayStore *store;
  OutlayDocument *doc;
  OutlayGoogleAuth *auth;
  OutlaySheetsService *service;
  OutlaySheetsSummary summary;
  char *id;
  gint64 detail;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean ok;

  f->dir = outlay_test_make_dir ();
  g_assert_true (outlay_secrets_clear ("google", NULL, NULL, &error));
  g_setenv ("BROWSER", g_getenv ("OUTLAY_FAKE_BROWSER"), TRUE);
  f->google = outlay_fake_google_new (&error);
  g_assert_no_error (error);
  outlay_fake_google_setenv (f->google);
  f->auth = outlay_google_auth_new ();
  ok = outlay_google_auth_sign_in (f->auth, 30, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  f->service = outlay_sheets_service_new (f->auth);
  outlay_sheets_service_set_delay_scale (f->service, 0.001);
  path = g_build_filename (f->dir, "outlay.db", NULL);
  f->store = outlay_store_open (path, &error);
  g_assert_no_error (error);
  f->doc = bench_build_budget (GPOINTER_TO_UINT (data) ? GPOINTER_TO_UINT (data) : N_LINES, NULL);
  g_assert_true (outlay_store_save_new_document (f->store, f->doc, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  outlay_fake_google_reset_counts (f->google);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_assert_cmpuint (outlay_fake_google_invalid (f->google), ==, 0);
  outlay_sheets_summary_clear (&f->summary);
  g_free (f->id);
  g_clear_object (&f->doc);
  g_clear_object (&f->store);
  g_clear_pointer (&f->service, outlay_sheets_service_free);
  g_clear_object (&f->auth);
  g_clear_pointer (&f->google, outlay_fake_google_free);
  /* let libsoup close its connections */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  outlay_test_remove_dir (f->dir);
  g_free (f->dir);
}

static gboolean
run_mode (Fixture *f,
          OutlaySheetsMode mode,
          OutlaySheetsPrefer prefer,
          gboolean delete_removed,
          GError **error)
{
  OutlaySheetsOptions options = { .mode = mode,
                                  .prefer = prefer,
                                  .delete_remote_removed = delete_removed };

  outlay_sheets_summary_clear (&f->summary);
  return outlay_sheets_sync (f->service, f->store, f->doc, &options, &f->summary, NULL, error);
}

static void
sync_ok (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = run_mode (f, OUTLAY_SHEETS_SYNC, OUTLAY_SHEETS_PREFER_NONE, FALSE, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
push (Fixture *f)
{
  sync_ok (f);
  g_assert_true (f->summary.created);
  f->id = g_strdup (outlay_fake_google_last_id (f->google));
  f->detail = outlay_fake_google_sheet_id (f->google, f->id, 1);
  /* the next sync reads once (our own writes moved Drive's version) */
  sync_ok (f);
  outlay_fake_google_reset_counts (f->google);
}

static OutlayLine *
nth_line (Fixture *f, guint n)
{
  for (guint s = 0; s < outlay_document_get_n_sections (f->doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (f->doc, s);

      if (n < outlay_section_get_n_lines (section))
        return outlay_section_get_line (section, n);
      n -= outlay_section_get_n_lines (section);
    }
  g_assert_not_reached ();
}

static char *
cell_text (Fixture *f, guint row, guint col)
{
  g_autoptr (JsonNode) node = outlay_fake_google_get_cell (f->google, f->id, f->detail, row, col);

  if (node == NULL)
    return g_strdup ("");
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  {
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.4f", json_node_get_double (node)));
  }
}

static void
set_remote (Fixture *f, guint row, guint col, JsonNode *value)
{
  outlay_fake_google_set_cell (f->google, f->id, f->detail, row, col, value);
  json_node_unref (value);
}

static JsonNode *
num (gint64 v)
{
  return json_node_init_int (json_node_alloc (), v);
}

static JsonNode *
str (const char *v)
{
  return json_node_init_string (json_node_alloc (), v);
}

static gint64
stored_lines (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayDocument) fresh = outlay_store_load_document (
      f->store, outlay_budget_get_id (outlay_document_get_budget (f->doc)), &error);

  g_assert_no_error (error);
  return outlay_document_get_n_lines (fresh);
}

/* ---- push -------------------------------------------------------------- */

static void
test_first_push (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlaySheetLink) link = NULL;
  OutlayLine *line = nth_line (f, 0);
  g_autofree char *code = NULL;
  g_autofree char *id = NULL;
  g_autofree char *estimate = NULL;
  g_autofree char *product = NULL;

  sync_ok (f);
  g_assert_true (f->summary.created);
  /* create, one batchUpdate, one values:batchUpdateByDataFilter */
  g_assert_cmpuint (f->summary.requests, ==, 3);
  g_assert_cmpuint (outlay_fake_google_total (f->google), ==, 3);
  g_assert_cmpuint (outlay_fake_google_n_spreadsheets (f->google), ==, 1);
  f->id = g_strdup (outlay_fake_google_last_id (f->google));
  f->detail = outlay_fake_google_sheet_id (f->google, f->id, 1);
  /* header + one row per line, ids in column A and in row metadata */
  g_assert_cmpuint (outlay_fake_google_used_rows (f->google, f->id, f->detail), ==, N_LINES + 1);
  g_assert_cmpuint (outlay_fake_google_n_metadata (f->google, f->id, "outlay.line"), ==, N_LINES);
  code = cell_text (f, 1, C_CODE);
  g_assert_cmpstr (code, ==, outlay_line_get_code (line));
  id = cell_text (f, 1, C_ID);
  g_assert_cmpint (g_ascii_strtoll (id, NULL, 10), ==, outlay_line_get_id (line));
  /* the estimate is a formula there, or the typed value */
  estimate = cell_text (f, 1, C_ESTIMATE);
  product = outlay_decimal_to_string (outlay_line_get_estimate (line), 4);
  g_assert_cmpfloat (g_ascii_strtod (estimate, NULL), ==, g_ascii_strtod (product, NULL));
  link = outlay_store_sheets_get_link (
      f->store, outlay_budget_get_id (outlay_document_get_budget (f->doc)), &error);
  g_assert_no_error (error);
  g_assert_nonnull (link);
  g_assert_cmpstr (link->spreadsheet_id, ==, f->id);
  g_assert_cmpint (link->detail_sheet, ==, f->detail);
  g_assert_cmpuint (g_hash_table_size (link->rows), ==, N_LINES);
}

static void
test_no_change (Fixture *f, gconstpointer data)
{
  push (f);
  sync_ok (f);
  /* Drive says nothing moved: one request, nothing read */
  g_assert_cmpuint (f->summary.requests, ==, 1);
  g_assert_cmpuint (outlay_fake_google_total (f->google), ==, 1);
  g_assert_false (f->summary.remote_read);
  g_assert_cmpstr (f->summary.journal, ==, "Nothing changed");
  g_assert_false (outlay_document_can_undo (f->doc));
}

/* ---- pull ----------------------------------------------------------------- */

static void
test_pull_edits (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  OutlayLine *third = nth_line (f, 2);
  OutlayLine *fifth = nth_line (f, 4);
  OutlayDecimal old_rate = outlay_line_get_rate (third);
  g_autofree char *old_description = g_strdup (outlay_line_get_description (fifth));

  push (f);
  set_remote (f, 3, C_RATE, num (1234));
  set_remote (f, 5, C_DESCRIPTION, str ("Drone operator, shoot day 2"));
  sync_ok (f);
  /* files.get, the values, the row metadata */
  g_assert_cmpuint (f->summary.requests, <=, 3);
  g_assert_cmpuint (f->summary.lines_changed_there, ==, 2);
  g_assert_cmpint (outlay_line_get_rate (third), ==, OUTLAY_DECIMAL_FROM_INT (1234));
  g_assert_cmpstr (outlay_line_get_description (fifth), ==, "Drone operator, shoot day 2");
  g_assert_nonnull (strstr (f->summary.journal, "2 lines changed there"));
  /* nothing went back */
  g_assert_cmpuint (outlay_fake_google_count (f->google, "values:batchUpdate"), ==, 0);
  /* one undoable step */
  g_assert_true (outlay_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_line_get_rate (third), ==, old_rate);
  g_assert_cmpstr (outlay_line_get_description (fifth), ==, old_description);
}

/* A formula typed there comes in by its value, and the journal says so
 * with the formula */
static void
test_formula_typed_there (Fixture *f, gconstpointer data)
{
  OutlayLine *third = nth_line (f, 2);
  OutlayDecimal product = 0;

  g_assert_true (outlay_decimal_mul (outlay_line_get_quantity (third),
                                     outlay_line_get_multiplier (third), &product));
  push (f);
  /* H4, the third line's rate: its quantity × its days */
  set_remote (f, 3, C_RATE, str ("=E4*G4"));
  sync_ok (f);
  /* files.get, the values, the formulas of the row that came in */
  g_assert_cmpuint (f->summary.requests, <=, 3);
  g_assert_cmpint (outlay_line_get_rate (third), ==, product);
  g_assert_cmpuint (f->summary.formulas_read, ==, 1);
  g_assert_cmpuint (f->summary.formulas->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (f->summary.formulas, 0), "Row 4, Rate: =E4*G4"));
  g_assert_nonnull (strstr (f->summary.journal, "1 formula read as its value"));
  /* a plain value typed there: no formula read */
  set_remote (f, 4, C_RATE, num (77));
  sync_ok (f);
  g_assert_cmpuint (f->summary.formulas_read, ==, 0);
  g_assert_cmpuint (outlay_fake_google_count (f->google, "batchGetByDataFilter"), >=, 2);
}

static void
test_push_edits (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  OutlayLine *second = nth_line (f, 1);
  g_autofree char *qty = NULL;
  g_autofree char *estimate = NULL;
  g_autofree char *expected = NULL;

  push (f);
  g_assert_true (outlay_document_set_line_text (f->doc, second, OUTLAY_LINE_QUANTITY, "7", &error));
  g_assert_true (
      outlay_document_set_line_text (f->doc, second, OUTLAY_LINE_NOTES, "Agreed", &error));
  sync_ok (f);
  g_assert_cmpuint (f->summary.lines_pushed, ==, 1);
  /* files.get, one values write */
  g_assert_cmpuint (f->summary.requests, ==, 2);
  qty = cell_text (f, 2, C_QTY);
  g_assert_cmpstr (qty, ==, "7");
  estimate = cell_text (f, 2, C_ESTIMATE);
  expected = outlay_decimal_to_string (outlay_line_get_estimate (second), 4);
  g_assert_cmpfloat (g_ascii_strtod (estimate, NULL), ==, g_ascii_strtod (expected, NULL));
  /* and it stays in step */
  sync_ok (f);
  g_assert_cmpuint (f->summary.lines_pushed, ==, 0);
  g_assert_cmpuint (f->summary.lines_changed_there, ==, 0);
}

static void
test_push_mode (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  OutlayLine *line = nth_line (f, 3);
  g_autofree char *rate = NULL;
  g_autofree char *estimate = NULL;
  g_autofree char *expected = NULL;

  push (f);
  /* a push makes the sheet what the budget is, and takes nothing in */
  set_remote (f, 4, C_RATE, num (999));
  set_remote (f, 4, C_ESTIMATE, num (5));
  outlay_fake_google_insert_row (f->google, f->id, f->detail, 1);
  g_assert_true (outlay_document_set_line_text (f->doc, line, OUTLAY_LINE_NOTES, "pushed", &error));
  g_assert_true (run_mode (f, OUTLAY_SHEETS_PUSH, OUTLAY_SHEETS_PREFER_NONE, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->summary.cells_pulled, ==, 0);
  /* the rows moved down one: found where they are now */
  rate = cell_text (f, 5, C_RATE);
  expected = outlay_decimal_to_string (outlay_line_get_rate (line), 4);
  g_assert_cmpfloat (g_ascii_strtod (rate, NULL), ==, g_ascii_strtod (expected, NULL));
  g_free (expected);
  estimate = cell_text (f, 5, C_ESTIMATE);
  expected = outlay_decimal_to_string (outlay_line_get_estimate (line), 4);
  g_assert_cmpfloat (g_ascii_strtod (estimate, NULL), ==, g_ascii_strtod (expected, NULL));
  g_assert_false (outlay_document_can_undo (f->doc)
                  && g_strcmp0 (outlay_document_get_undo_label (f->doc), "Sync with Google Sheets")
                         == 0);
}

static void
test_summary_follows_sections (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 summary;
  guint n = outlay_document_get_n_sections (f->doc);

  push (f);
  summary = outlay_fake_google_sheet_id (f->google, f->id, 0);
  outlay_fake_google_rename_sheet (f->google, f->id, f->detail, "Lines");
  g_assert_nonnull (outlay_document_add_section (f->doc, n, "99", "Extras", &error));
  g_assert_no_error (error);
  sync_ok (f);
  {
    g_autoptr (JsonNode) code = outlay_fake_google_get_cell (f->google, f->id, summary, n + 1, 0);
    g_autoptr (JsonNode) total = outlay_fake_google_get_cell (f->google, f->id, summary, n + 2, 1);

    g_assert_cmpstr (json_node_get_string (code), ==, "99");
    g_assert_cmpstr (json_node_get_string (total), ==, "Total");
  }
  /* nothing changed: not written again */
  sync_ok (f);
  g_assert_cmpuint (outlay_fake_google_count (f->google, "fields=sheets.properties"), ==, 1);
}

static void
test_conflict (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  OutlayLine *line = nth_line (f, 3);
  OutlaySheetsConflict *c;
  g_autofree char *there = NULL;

  push (f);
  g_assert_true (outlay_document_set_line_text (f->doc, line, OUTLAY_LINE_RATE, "500", &error));
  set_remote (f, 4, C_RATE, num (600));
  sync_ok (f);
  g_assert_cmpuint (f->summary.conflicts->len, ==, 1);
  c = g_ptr_array_index (f->summary.conflicts, 0);
  g_assert_cmpstr (c->column, ==, "Rate");
  g_assert_cmpstr (c->local, ==, "500");
  g_assert_cmpstr (c->remote, ==, "600");
  g_assert_cmpuint (c->row, ==, 5);
  /* neither side changed */
  g_assert_cmpint (outlay_line_get_rate (line), ==, OUTLAY_DECIMAL_FROM_INT (500));
  there = cell_text (f, 4, C_RATE);
  g_assert_cmpstr (there, ==, "600");
  /* still a conflict until resolved */
  sync_ok (f);
  g_assert_cmpuint (f->summary.conflicts->len, ==, 1);
  g_assert_true (run_mode (f, OUTLAY_SHEETS_SYNC, OUTLAY_SHEETS_PREFER_REMOTE, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->summary.conflicts->len, ==, 0);
  g_assert_cmpint (outlay_line_get_rate (line), ==, OUTLAY_DECIMAL_FROM_INT (600));
  sync_ok (f);
  g_assert_cmpuint (f->summary.conflicts->len, ==, 0);
}

static void
test_conflict_typed (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable)
                 resolutions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  OutlaySheetsOptions options = { .mode = OUTLAY_SHEETS_SYNC };
  OutlayLine *line = nth_line (f, 3);
  OutlaySheetsConflict *c;
  g_autofree char *there = NULL;

  push (f);
  g_assert_true (outlay_document_set_line_text (f->doc, line, OUTLAY_LINE_RATE, "500", &error));
  set_remote (f, 4, C_RATE, num (600));
  sync_ok (f);
  g_assert_cmpuint (f->summary.conflicts->len, ==, 1);
  c = g_ptr_array_index (f->summary.conflicts, 0);
  g_assert_true (c->is_number);
  /* neither: the user types 550 in the dialog, and both sides take it */
  g_hash_table_insert (resolutions, outlay_sheets_conflict_key (c->line_id, c->column_index),
                       (gpointer) "550");
  options.resolutions = resolutions;
  outlay_sheets_summary_clear (&f->summary);
  g_assert_true (
      outlay_sheets_sync (f->service, f->store, f->doc, &options, &f->summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->summary.conflicts->len, ==, 0);
  g_assert_cmpint (outlay_line_get_rate (line), ==, OUTLAY_DECIMAL_FROM_INT (550));
  there = cell_text (f, 4, C_RATE);
  g_assert_cmpstr (there, ==, "550");
  sync_ok (f);
  g_assert_cmpuint (f->summary.conflicts->len, ==, 0);
  g_assert_cmpuint (f->summary.lines_pushed + f->summary.lines_changed_there, ==, 0);
}

static void
test_conflict_prefer_local (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  OutlayLine *line = nth_line (f, 3);
  g_autofree char *there = NULL;

  push (f);
  g_assert_true (outlay_document_set_line_text (f->doc, line, OUTLAY_LINE_CODE, "X-1", &error));
  set_remote (f, 4, C_CODE, str ("Y-2"));
  g_assert_true (run_mode (f, OUTLAY_SHEETS_SYNC, OUTLAY_SHEETS_PREFER_LOCAL, FALSE, &error));
  g_assert_no_error (error);
  there = cell_text (f, 4, C_CODE);
  g_assert_cmpstr (there, ==, "X-1");
  g_assert_cmpstr (outlay_line_get_code (line), ==, "X-1");
}

static void
test_rows_added_there (Fixture *f, gconstpointer data)
{
  OutlaySection *first = outlay_document_get_section (f->doc, 0);
  guint before = outlay_section_get_n_lines (first);
  OutlayLine *added;
  g_autofree char *id = NULL;

  push (f);
  set_remote (f, N_LINES + 1, C_SECTION, str (outlay_section_get_code (first)));
  set_remote (f, N_LINES + 1, C_CODE, str ("01-NEW"));
  set_remote (f, N_LINES + 1, C_DESCRIPTION, str ("Extra grip day"));
  set_remote (f, N_LINES + 1, C_QTY, num (2));
  set_remote (f, N_LINES + 1, C_DAYS, num (3));
  set_remote (f, N_LINES + 1, C_RATE, num (450));
  sync_ok (f);
  g_assert_cmpuint (f->summary.lines_added_there, ==, 1);
  g_assert_cmpuint (outlay_section_get_n_lines (first), ==, before + 1);
  added = outlay_section_get_line (first, before);
  g_assert_cmpstr (outlay_line_get_code (added), ==, "01-NEW");
  g_assert_cmpint (outlay_line_get_estimate (added), ==, OUTLAY_DECIMAL_FROM_INT (2700));
  g_assert_cmpint (stored_lines (f), ==, N_LINES + 1);
  /* its id went back, in column A and in metadata */
  id = cell_text (f, N_LINES + 1, C_ID);
  g_assert_cmpint (g_ascii_strtoll (id, NULL, 10), ==, outlay_line_get_id (added));
  g_assert_cmpuint (outlay_fake_google_n_metadata (f->google, f->id, "outlay.line"), ==,
                    N_LINES + 1);
  /* and it is not added twice */
  sync_ok (f);
  sync_ok (f);
  g_assert_cmpuint (f->summary.lines_added_there, ==, 0);
  g_assert_cmpint (stored_lines (f), ==, N_LINES + 1);
}

static void
test_rows_deleted_there (Fixture *f, gconstpointer data)
{
  OutlayLine *line = nth_line (f, 6);
  g_autofree char *code = g_strdup (outlay_line_get_code (line));

  push (f);
  outlay_fake_google_delete_row (f->google, f->id, f->detail, 7);
  sync_ok (f);
  /* kept until the user confirms */
  g_assert_cmpuint (f->summary.lines_removed_pending, ==, 1);
  g_assert_cmpint (stored_lines (f), ==, N_LINES);
  g_assert_true (outlay_document_lookup_line (f->doc, code) != NULL);
  sync_ok (f);
  g_assert_cmpuint (f->summary.lines_removed_pending, ==, 1);
  {
    g_autoptr (GError) error = NULL;

    g_assert_true (run_mode (f, OUTLAY_SHEETS_SYNC, OUTLAY_SHEETS_PREFER_NONE, TRUE, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (f->summary.lines_removed_there, ==, 1);
  g_assert_cmpint (stored_lines (f), ==, N_LINES - 1);
  g_assert_null (outlay_document_lookup_line (f->doc, code));
}

static void
test_rows_inserted_above (Fixture *f, gconstpointer data)
{
  OutlayLine *line = nth_line (f, 9);

  push (f);
  /* someone inserts two rows at the top: every row moves down; the
   * metadata moves with its row */
  outlay_fake_google_insert_row (f->google, f->id, f->detail, 1);
  outlay_fake_google_insert_row (f->google, f->id, f->detail, 1);
  set_remote (f, 12, C_NOTES, str ("Moved down two rows"));
  sync_ok (f);
  g_assert_cmpuint (f->summary.lines_changed_there, ==, 1);
  g_assert_cmpstr (outlay_line_get_notes (line), ==, "Moved down two rows");
  g_assert_cmpuint (f->summary.lines_added_there, ==, 0);
}

static void
test_rows_id_lost_or_copied (Fixture *f, gconstpointer data)
{
  OutlayLine *line = nth_line (f, 4);
  OutlayLine *other = nth_line (f, 7);
  g_autofree char *id = NULL;
  g_autofree char *copied_id = NULL;

  push (f);
  /* someone clears the hidden id of row 6: the row metadata still knows */
  set_remote (f, 5, C_ID, str (""));
  set_remote (f, 5, C_NOTES, str ("id cleared"));
  sync_ok (f);
  g_assert_cmpuint (f->summary.lines_added_there, ==, 0);
  g_assert_cmpstr (outlay_line_get_notes (line), ==, "id cleared");
  id = cell_text (f, 5, C_ID);
  g_assert_cmpint (g_ascii_strtoll (id, NULL, 10), ==, outlay_line_get_id (line));
  /* a row copied below the table: the copy is a new line, the original
   * keeps its own (its metadata did not come along) */
  copied_id = cell_text (f, 8, C_ID);
  for (guint c = C_ID; c <= C_NOTES; c++)
    {
      g_autofree char *text = cell_text (f, 8, c);

      set_remote (f, N_LINES + 1, c, c == C_ID ? str (copied_id) : str (text));
    }
  set_remote (f, N_LINES + 1, C_CODE, str ("COPY-1"));
  sync_ok (f);
  g_assert_cmpuint (f->summary.lines_added_there, ==, 1);
  g_assert_cmpuint (f->summary.lines_changed_there, ==, 0);
  g_assert_cmpstr (outlay_line_get_code (other), !=, "COPY-1");
  g_assert_nonnull (outlay_document_lookup_line (f->doc, "COPY-1"));
  g_assert_cmpint (stored_lines (f), ==, N_LINES + 1);
}

static void
test_local_delete_and_add (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  OutlayLine *line = nth_line (f, 0);
  OutlaySection *last = outlay_document_get_section (f->doc,
                                                     outlay_document_get_n_sections (f->doc) - 1);
  g_autoptr (OutlayLine) fresh = outlay_line_new_with_code ("99-001");
  g_autofree char *blank = NULL;
  g_autofree char *code = NULL;

  push (f);
  g_assert_true (outlay_document_delete_lines (f->doc, &line, 1, &error));
  g_assert_nonnull (outlay_document_insert_line (f->doc, last, G_MAXUINT, fresh, &error));
  g_assert_no_error (error);
  sync_ok (f);
  g_assert_cmpuint (f->summary.lines_blanked, ==, 1);
  g_assert_cmpuint (f->summary.lines_pushed, ==, 1);
  /* emptied in place, and the new line after the last row */
  blank = cell_text (f, 1, C_CODE);
  g_assert_cmpstr (blank, ==, "");
  code = cell_text (f, N_LINES + 1, C_CODE);
  g_assert_cmpstr (code, ==, "99-001");
  sync_ok (f);
  g_assert_cmpuint (f->summary.lines_added_there, ==, 0);
  g_assert_cmpuint (f->summary.lines_pushed, ==, 0);
  g_assert_cmpint (stored_lines (f), ==, N_LINES);
}

static void
test_locale_text_numbers (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlaySheetLink) link = NULL;
  gint64 budget = outlay_budget_get_id (outlay_document_get_budget (f->doc));
  OutlayLine *line = nth_line (f, 2);

  push (f);
  /* a German sheet, where someone typed a number as text */
  link = outlay_store_sheets_get_link (f->store, budget, &error);
  g_free (link->locale);
  link->locale = g_strdup ("de_DE");
  g_assert_true (outlay_store_sheets_save_link (f->store, link, &error));
  set_remote (f, 3, C_ACTUAL, str ("1.234,56"));
  sync_ok (f);
  g_assert_cmpint (outlay_line_get_actual (line), ==, 12345600);
}

static void
test_not_a_number (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  OutlayLine *line = nth_line (f, 2);
  OutlayLine *other = nth_line (f, 1);
  OutlayDecimal rate = outlay_line_get_rate (line);

  push (f);
  set_remote (f, 3, C_RATE, str ("twelve"));
  set_remote (f, 2, C_NOTES, str ("an edit that must wait"));
  g_assert_false (run_mode (f, OUTLAY_SHEETS_SYNC, OUTLAY_SHEETS_PREFER_NONE, FALSE, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_NUMBER);
  g_assert_nonnull (strstr (error->message, "row 4, Rate"));
  g_assert_nonnull (strstr (error->message, "twelve"));
  /* nothing half-applied */
  g_assert_cmpint (outlay_line_get_rate (line), ==, rate);
  g_assert_cmpstr (outlay_line_get_notes (other), !=, "an edit that must wait");
  g_assert_false (outlay_document_can_undo (f->doc));
  g_clear_error (&error);
  set_remote (f, 3, C_RATE, num (12));
  sync_ok (f);
  g_assert_cmpint (outlay_line_get_rate (line), ==, OUTLAY_DECIMAL_FROM_INT (12));
  g_assert_cmpstr (outlay_line_get_notes (other), ==, "an edit that must wait");
}

/* ---- faults --------------------------------------------------------------- */

static void
test_fault_retried (Fixture *f, gconstpointer data)
{
  OutlayFakeFault faults[] = { OUTLAY_FAKE_429_RETRY_AFTER, OUTLAY_FAKE_500, OUTLAY_FAKE_503 };
  const char *steps[] = { "/drive/", "/v4/spreadsheets/", "/v4/spreadsheets/" };
  g_autoptr (GError) error = NULL;
  OutlayLine *line = nth_line (f, 0);

  push (f);
  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autofree char *desc = NULL;
      g_autofree char *text = g_strdup_printf ("Edit %u", i);

      /* an edit on each side, and a fault on the way */
      g_assert_true (outlay_document_set_line_text (f->doc, line, OUTLAY_LINE_NOTES, text, &error));
      set_remote (f, 2, C_DESCRIPTION, str (text));
      outlay_fake_google_push_fault (f->google, steps[i], faults[i]);
      sync_ok (f);
      desc = cell_text (f, 1, C_NOTES);
      g_assert_cmpstr (desc, ==, text);
      g_assert_cmpstr (outlay_line_get_description (nth_line (f, 1)), ==, text);
    }
  g_assert_cmpuint (outlay_fake_google_used_rows (f->google, f->id, f->detail), ==, N_LINES + 1);
}

static void
test_fault_lost_answer (Fixture *f, gconstpointer data)
{
  OutlaySection *last = outlay_document_get_section (f->doc,
                                                     outlay_document_get_n_sections (f->doc) - 1);
  g_autoptr (OutlayLine) fresh = outlay_line_new_with_code ("99-002");
  g_autoptr (GError) error = NULL;

  push (f);
  g_assert_nonnull (outlay_document_insert_line (f->doc, last, G_MAXUINT, fresh, &error));
  /* the write is made, its answer never comes: the client times out and
   * sends it again, to the same fixed range */
  outlay_sheets_service_set_timeout (f->service, 1);
  outlay_fake_google_push_fault (f->google, "/v4/spreadsheets/", OUTLAY_FAKE_SLOW);
  outlay_fake_google_push_fault (f->google, "/v4/spreadsheets/", OUTLAY_FAKE_RESET);
  sync_ok (f);
  g_assert_cmpuint (outlay_fake_google_used_rows (f->google, f->id, f->detail), ==, N_LINES + 2);
  g_assert_cmpuint (outlay_fake_google_n_metadata (f->google, f->id, "outlay.line"), >=,
                    N_LINES + 1);
  sync_ok (f);
  g_assert_cmpuint (f->summary.lines_added_there, ==, 0);
  g_assert_cmpuint (f->summary.lines_pushed, ==, 0);
  g_assert_cmpuint (outlay_fake_google_used_rows (f->google, f->id, f->detail), ==, N_LINES + 2);
  g_assert_cmpint (stored_lines (f), ==, N_LINES + 1);
}

static void
test_fault_fails_whole (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  OutlayLine *line = nth_line (f, 1);

  push (f);
  set_remote (f, 2, C_NOTES, str ("from the sheet"));
  g_assert_true (
      outlay_document_set_line_text (f->doc, nth_line (f, 5), OUTLAY_LINE_NOTES, "here", &error));
  /* the values write keeps failing (every attempt): nothing comes in
   * either, though the read went well */
  {
    g_autofree char *write = g_strdup_printf ("/v4/spreadsheets/%s/values:batchUpdate", f->id);

    for (guint i = 0; i < 5; i++)
      outlay_fake_google_push_fault (f->google, write, OUTLAY_FAKE_503);
  }
  g_assert_false (run_mode (f, OUTLAY_SHEETS_SYNC, OUTLAY_SHEETS_PREFER_NONE, FALSE, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NETWORK);
  /* the values, and the formulas of the row that came in: each once */
  g_assert_cmpuint (outlay_fake_google_count (f->google, "values:batchGetByDataFilter"), ==, 2);
  g_assert_cmpuint (outlay_fake_google_count (f->google, "values:batchUpdateByDataFilter"), ==, 5);
  g_assert_cmpstr (outlay_line_get_notes (line), !=, "from the sheet");
  g_clear_error (&error);
  sync_ok (f);
  g_assert_cmpstr (outlay_line_get_notes (line), ==, "from the sheet");
  g_assert_cmpuint (outlay_fake_google_used_rows (f->google, f->id, f->detail), ==, N_LINES + 1);
}

static void
test_token_expires_mid_sync (Fixture *f, gconstpointer data)
{
  OutlayLine *line = nth_line (f, 2);

  push (f);
  set_remote (f, 3, C_UNIT, str ("wk"));
  /* the access token dies between syncs (or between two requests) */
  outlay_fake_google_expire_access_tokens (f->google);
  sync_ok (f);
  g_assert_cmpstr (outlay_line_get_unit (line), ==, "wk");
  g_assert_cmpuint (outlay_fake_google_count (f->google, "POST /token"), ==, 1);
}

static void
test_create_not_repeated (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  /* made, but the connection drops before the answer */
  outlay_fake_google_push_fault (f->google, "/v4/spreadsheets", OUTLAY_FAKE_RESET);
  g_assert_false (run_mode (f, OUTLAY_SHEETS_SYNC, OUTLAY_SHEETS_PREFER_NONE, FALSE, &error));
  g_assert_nonnull (strstr (error->message, "may or may not"));
  /* never sent twice */
  g_assert_cmpuint (outlay_fake_google_count (f->google, "POST /v4/spreadsheets"), ==, 1);
  g_assert_cmpuint (outlay_fake_google_n_spreadsheets (f->google), ==, 1);
  g_assert_false (outlay_document_can_undo (f->doc));
}

static void
test_create_retried_on_429 (Fixture *f, gconstpointer data)
{
  /* a 429 means it was not made: that one is sent again */
  outlay_fake_google_push_fault (f->google, "/v4/spreadsheets", OUTLAY_FAKE_429_RETRY_AFTER);
  outlay_fake_google_push_fault (f->google, "/v4/spreadsheets", OUTLAY_FAKE_503);
  sync_ok (f);
  g_assert_true (f->summary.created);
  g_assert_cmpuint (outlay_fake_google_n_spreadsheets (f->google), ==, 1);
  g_assert_cmpuint (outlay_fake_google_count (f->google, "POST /v4/spreadsheets"), ==, 5);
}

static void
test_first_push_unfinished (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *code = NULL;

  /* made, but its formats and metadata never go in (five 500s) */
  for (guint i = 0; i < 5; i++)
    outlay_fake_google_push_fault (f->google, "/v4/spreadsheets/", OUTLAY_FAKE_500);
  g_assert_false (run_mode (f, OUTLAY_SHEETS_SYNC, OUTLAY_SHEETS_PREFER_NONE, FALSE, &error));
  g_assert_nonnull (strstr (error->message, "created but not filled in"));
  g_clear_error (&error);
  /* the next sync fills that one in: no second spreadsheet */
  sync_ok (f);
  g_assert_false (f->summary.created);
  g_assert_cmpuint (outlay_fake_google_n_spreadsheets (f->google), ==, 1);
  f->id = g_strdup (outlay_fake_google_last_id (f->google));
  f->detail = outlay_fake_google_sheet_id (f->google, f->id, 1);
  g_assert_cmpuint (outlay_fake_google_used_rows (f->google, f->id, f->detail), ==, N_LINES + 1);
  g_assert_cmpuint (outlay_fake_google_n_metadata (f->google, f->id, "outlay.line"), ==, N_LINES);
  g_free (code);
  code = cell_text (f, 0, C_CODE);
  g_assert_cmpstr (code, ==, "Code");
  g_free (code);
  code = cell_text (f, 1, C_CODE);
  g_assert_cmpstr (code, ==, outlay_line_get_code (nth_line (f, 0)));
  sync_ok (f);
  sync_ok (f);
  g_assert_cmpuint (f->summary.requests, ==, 1);
  g_assert_cmpint (stored_lines (f), ==, N_LINES);
}

static void
test_pull_mode (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  OutlayLine *line = nth_line (f, 2);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  push (f);
  g_assert_true (outlay_document_set_line_text (f->doc, line, OUTLAY_LINE_NOTES, "mine", &error));
  set_remote (f, 4, C_NOTES, str ("theirs"));
  g_assert_true (run_mode (f, OUTLAY_SHEETS_PULL, OUTLAY_SHEETS_PREFER_NONE, FALSE, &error));
  g_assert_no_error (error);
  /* taken in, nothing sent */
  g_assert_cmpstr (outlay_line_get_notes (nth_line (f, 3)), ==, "theirs");
  before = cell_text (f, 3, C_NOTES);
  g_assert_cmpstr (before, !=, "mine");
  g_assert_cmpuint (outlay_fake_google_count (f->google, "values:batchUpdate"), ==, 0);
  /* the local edit goes out with the next sync */
  sync_ok (f);
  after = cell_text (f, 3, C_NOTES);
  g_assert_cmpstr (after, ==, "mine");
}

static void
test_spreadsheet_deleted (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  push (f);
  outlay_fake_google_delete_spreadsheet (f->google, f->id);
  g_assert_false (run_mode (f, OUTLAY_SHEETS_SYNC, OUTLAY_SHEETS_PREFER_NONE, FALSE, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "unlink"));
  g_assert_false (outlay_document_can_undo (f->doc));
  g_clear_error (&error);
  /* unlinked, a push makes a new one */
  g_assert_true (outlay_sheets_unlink (
      f->store, outlay_budget_get_id (outlay_document_get_budget (f->doc)), &error));
  sync_ok (f);
  g_assert_true (f->summary.created);
}

static void
test_tab_renamed_or_deleted (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  push (f);
  outlay_fake_google_rename_sheet (f->google, f->id, f->detail, "Budget (Ann's copy!)");
  set_remote (f, 2, C_NOTES, str ("after the rename"));
  sync_ok (f);
  g_assert_cmpstr (outlay_line_get_notes (nth_line (f, 1)), ==, "after the rename");
  outlay_fake_google_delete_sheet (f->google, f->id, f->detail);
  g_assert_false (run_mode (f, OUTLAY_SHEETS_SYNC, OUTLAY_SHEETS_PREFER_NONE, FALSE, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "tab"));
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = outlay_test_make_dir ();
  g_autofree char *keyring = g_build_filename (dir, "test.keyring", NULL);
  int status;

  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "unit-test-password", TRUE);
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add ("/sheets/" path, Fixture, NULL, setup, fn, teardown)
  ADD ("push/first", test_first_push);
  ADD ("sync/no-change", test_no_change);
  ADD ("pull/edits", test_pull_edits);
  ADD ("pull/formula", test_formula_typed_there);
  ADD ("push/edits", test_push_edits);
  ADD ("push/mode", test_push_mode);
  ADD ("push/summary-follows-sections", test_summary_follows_sections);
  ADD ("pull/mode", test_pull_mode);
  ADD ("merge/conflict", test_conflict);
  ADD ("merge/conflict-prefer-local", test_conflict_prefer_local);
  ADD ("merge/conflict-typed", test_conflict_typed);
  ADD ("rows/added-there", test_rows_added_there);
  ADD ("rows/deleted-there", test_rows_deleted_there);
  ADD ("rows/inserted-above", test_rows_inserted_above);
  ADD ("rows/id-lost-or-copied", test_rows_id_lost_or_copied);
  ADD ("rows/local-delete-and-add", test_local_delete_and_add);
  ADD ("values/locale-text-numbers", test_locale_text_numbers);
  ADD ("values/not-a-number", test_not_a_number);
  ADD ("faults/retried", test_fault_retried);
  ADD ("faults/lost-answer", test_fault_lost_answer);
  ADD ("faults/fails-whole", test_fault_fails_whole);
  ADD ("faults/token-expires", test_token_expires_mid_sync);
  ADD ("faults/create-not-repeated", test_create_not_repeated);
  ADD ("faults/create-retried-on-429", test_create_retried_on_429);
  ADD ("faults/first-push-unfinished", test_first_push_unfinished);
  ADD ("faults/spreadsheet-deleted", test_spreadsheet_deleted);
  ADD ("faults/tab-renamed-or-deleted", test_tab_renamed_or_deleted);
  status = g_test_run ();
  outlay_test_remove_dir (dir);
  return status;
}
