/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Saved versions: saving, listing, the read-only view, comparing and
 * restoring one (with undo), through the store. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "outlay-compare.h"
#include "outlay-document-sink.h"
#include "outlay-engine-json.h"
#include "outlay-error.h"
#include "outlay-line-private.h"
#include "outlay-model-enum-types.h"
#include "outlay-section-private.h"
#include "outlay-store-private.h"
#include "outlay-store-versions.h"
#include "outlay-store.h"
#include "outlay-test-util.h"

#define D(units) OUTLAY_DECIMAL_FROM_INT (units)

typedef struct
{
  char           *dir;
  char           *path;
  OutlayStore    *store;
  OutlayDocument *doc;
  gint64          id;
} Fixture;

static OutlayLine *
add_line (OutlayDocument *doc, OutlaySection *section, const char *code, const char *description,
          const char *multiplier, const char *rate)
{
  g_autoptr(GError) error = NULL;
  OutlayLine *line = outlay_document_insert_line (doc, section, G_MAXUINT, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_CODE, code, &error));
  g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_DESCRIPTION, description,
                                                &error));
  g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_MULTIPLIER, multiplier,
                                                &error));
  g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_RATE, rate, &error));
  g_assert_no_error (error);
  return line;
}

/* A: Labour, fringe 10 %: 1 Director 5 × 1000, 2 Camera operator 4 × 800
 * B: Equipment: 1 Camera package 5 × 600, 2 Lighting 1 × 1500
 * A = 8200 + 820 fringe = 9020, B = 4500, total 13520. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  OutlaySection *a, *b;

  f->dir = outlay_test_make_dir ();
  f->path = g_build_filename (f->dir, "versions.db", NULL);
  f->store = outlay_store_open (f->path, &error);
  g_assert_no_error (error);
  f->id = outlay_store_create_budget (f->store, "blank", "Spot", NULL, &error);
  g_assert_no_error (error);
  f->doc = outlay_store_load_document (f->store, f->id, &error);
  g_assert_no_error (error);
  a = outlay_document_get_section (f->doc, 0);
  g_assert_true (outlay_document_update_section (f->doc, a, "A", "Labour", D (10), &error));
  b = outlay_document_add_section (f->doc, G_MAXUINT, "B", "Equipment", &error);
  g_assert_no_error (error);
  add_line (f->doc, a, "1", "Director", "5", "1000");
  add_line (f->doc, a, "2", "Camera operator", "4", "800");
  add_line (f->doc, b, "1", "Camera package", "5", "600");
  add_line (f->doc, b, "2", "Lighting", "1", "1500");
  g_assert_cmpint (outlay_document_get_totals (f->doc)->estimate, ==, D (13520));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->doc);
  g_clear_object (&f->store);
  outlay_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
query (Fixture *f, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gint64
query (Fixture *f, const char *format, ...)
{
  va_list args;
  g_autofree char *sql = NULL;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return outlay_test_query_int (outlay_store_get_db (f->store), sql);
}

static OutlayVersion *
save (Fixture *f, const char *name)
{
  g_autoptr(GError) error = NULL;
  OutlayVersion *v = outlay_store_save_version (f->store, f->doc, name, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (v);
  return v;
}

static OutlayDocument *
load_version (Fixture *f, OutlayVersion *v)
{
  g_autoptr(GError) error = NULL;
  OutlayDocument *doc = outlay_store_load_version (f->store, outlay_version_get_id (v), &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  outlay_test_assert_totals_consistent (doc);
  return doc;
}

static OutlayLine *
line_at (OutlayDocument *doc, guint section, guint index)
{
  return outlay_section_get_line (outlay_document_get_section (doc, section), index);
}

static void
set (OutlayDocument *doc, OutlayLine *line, OutlayLineField field, const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (outlay_document_set_line_text (doc, line, field, text, &error));
  g_assert_no_error (error);
}

/* After "Bid": A1 rate 1200 (6000), A1 actual 5500, A2 deleted,
 * B2 "Lighting package", B3 Grip truck 3 × 400 added.
 * A = 6000 + 600 = 6600, B = 5700, total 12300. */
static void
edit_to_awarded (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  OutlayLine *a2 = line_at (f->doc, 0, 1);

  set (f->doc, line_at (f->doc, 0, 0), OUTLAY_LINE_RATE, "1200");
  set (f->doc, line_at (f->doc, 0, 0), OUTLAY_LINE_ACTUAL, "5500");
  g_assert_true (outlay_document_delete_lines (f->doc, &a2, 1, &error));
  g_assert_no_error (error);
  set (f->doc, line_at (f->doc, 1, 1), OUTLAY_LINE_DESCRIPTION, "Lighting package");
  add_line (f->doc, outlay_document_get_section (f->doc, 1), "3", "Grip truck", "3", "400");
  g_assert_cmpint (outlay_document_get_totals (f->doc)->estimate, ==, D (12300));
}

/* The description without the first line (the budget header, whose status
 * differs between a version and the budget). */
static char *
describe_body (OutlayDocument *doc)
{
  g_autofree char *all = outlay_test_describe (doc);

  return g_strdup (strchr (all, '\n') + 1);
}

static void
assert_store_matches (Fixture *f, OutlayDecimal estimate)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayDocument) reloaded = NULL;
  g_autofree char *want = outlay_test_describe (f->doc);
  g_autofree char *got = NULL;
  OutlayTotals t = { 0 };

  outlay_test_assert_totals_consistent (f->doc);
  g_assert_cmpint (outlay_document_get_totals (f->doc)->estimate, ==, estimate);
  g_assert_true (outlay_store_get_budget_totals (f->store, f->id, &t, &error));
  g_assert_no_error (error);
  outlay_test_assert_totals_equal (&t, outlay_document_get_totals (f->doc));
  g_assert_cmpint (query (f, "SELECT count(*) FROM lines WHERE budget_id = %" G_GINT64_FORMAT,
                          f->id), ==, outlay_document_get_n_lines (f->doc));
  reloaded = outlay_store_load_document (f->store, f->id, &error);
  g_assert_no_error (error);
  got = outlay_test_describe (reloaded);
  g_assert_cmpstr (got, ==, want);
}

static JsonObject *
object_at (JsonArray *array, guint i)
{
  g_assert_cmpuint (i, <, json_array_get_length (array));
  return json_array_get_object_element (array, i);
}

static void
assert_change (JsonArray *changed, guint i, const char *section, const char *code,
               const char *field, const char *from, const char *to)
{
  JsonObject *c = object_at (changed, i);

  g_assert_cmpstr (json_object_get_string_member (c, "section"), ==, section);
  g_assert_cmpstr (json_object_get_string_member (c, "code"), ==, code);
  g_assert_cmpstr (json_object_get_string_member (c, "field"), ==, field);
  g_assert_cmpstr (json_object_get_string_member (c, "from"), ==, from);
  g_assert_cmpstr (json_object_get_string_member (c, "to"), ==, to);
}

static void
assert_moves (JsonObject *o, const char *from, const char *to, const char *delta)
{
  g_assert_cmpstr (json_object_get_string_member (o, "from"), ==, from);
  g_assert_cmpstr (json_object_get_string_member (o, "to"), ==, to);
  g_assert_cmpstr (json_object_get_string_member (o, "delta"), ==, delta);
}

static void
assert_line (JsonArray *lines, guint i, const char *section, const char *code,
             const char *description, const char *estimate)
{
  JsonObject *l = object_at (lines, i);

  g_assert_cmpstr (json_object_get_string_member (l, "section"), ==, section);
  g_assert_cmpstr (json_object_get_string_member (l, "code"), ==, code);
  g_assert_cmpstr (json_object_get_string_member (l, "description"), ==, description);
  g_assert_cmpstr (json_object_get_string_member (l, "estimate"), ==, estimate);
}

static JsonObject *
compare_json (OutlayDocument *from, OutlayDocument *to, JsonNode **root)
{
  g_autoptr(OutlayComparison) c = outlay_compare_documents (from, to);

  *root = outlay_comparison_to_json (c);
  return json_node_get_object (*root);
}

static void
test_save_list (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayVersion) bid = NULL;
  g_autoptr(OutlayVersion) awarded = NULL;
  g_autoptr(OutlayVersion) found = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *audit = NULL;
  g_autofree char *id_text = NULL;
  gint64 audit_rows = query (f, "SELECT count(*) FROM audit");

  bid = outlay_store_save_version (f->store, f->doc, "  Bid ", "first bid", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_version_get_name (bid), ==, "Bid");
  g_assert_cmpstr (outlay_version_get_note (bid), ==, "first bid");
  g_assert_cmpint (outlay_version_get_budget_id (bid), ==, f->id);
  g_assert_cmpint (outlay_version_get_total_estimate (bid), ==, D (13520));
  g_assert_true (outlay_version_get_locked (bid));
  /* the copy, line ids kept, and one audit row */
  g_assert_cmpint (query (f, "SELECT count(*) FROM version_sections WHERE version_id = %"
                          G_GINT64_FORMAT, outlay_version_get_id (bid)), ==, 2);
  g_assert_cmpint (query (f, "SELECT count(*) FROM version_lines v JOIN lines l ON l.id = v.line_id"
                          " AND l.estimate = v.estimate AND l.code = v.code WHERE v.version_id = %"
                          G_GINT64_FORMAT, outlay_version_get_id (bid)), ==, 4);
  g_assert_cmpint (query (f, "SELECT fringe FROM version_sections WHERE code = 'A'"), ==, D (10));
  g_assert_cmpint (query (f, "SELECT count(*) FROM audit"), ==, audit_rows + 1);
  g_assert_cmpint (query (f, "SELECT count(*) FROM audit WHERE entity = 'version'"
                          " AND action = 'create' AND entity_id = %" G_GINT64_FORMAT
                          " AND budget_id = %" G_GINT64_FORMAT, outlay_version_get_id (bid), f->id),
                   ==, 1);
  audit = outlay_test_query_text (outlay_store_get_db (f->store),
                                  "SELECT json_extract(new_value, '$.name') || '/' ||"
                                  " json_extract(new_value, '$.lines') FROM audit"
                                  " WHERE entity = 'version'");
  g_assert_cmpstr (audit, ==, "Bid/4");

  edit_to_awarded (f);
  awarded = save (f, "Awarded");
  g_assert_cmpint (outlay_version_get_total_estimate (awarded), ==, D (12300));
  g_assert_cmpint (outlay_version_get_total_actual (awarded), ==, D (5500));

  /* names are unique per budget, in any case; nothing is written then */
  g_assert_null (outlay_store_save_version (f->store, f->doc, "BID", NULL, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "already has a version named “Bid”"));
  g_clear_error (&error);
  g_assert_null (outlay_store_save_version (f->store, f->doc, "  ", NULL, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (query (f, "SELECT count(*) FROM versions"), ==, 2);
  g_assert_cmpint (query (f, "SELECT count(*) FROM version_sections"), ==, 4);
  g_assert_cmpint (query (f, "SELECT count(*) FROM audit WHERE entity = 'version'"), ==, 2);

  list = outlay_store_list_versions (f->store, f->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (outlay_version_get_name (g_ptr_array_index (list, 0)), ==, "Bid");
  g_assert_cmpstr (outlay_version_get_name (g_ptr_array_index (list, 1)), ==, "Awarded");
  g_assert_cmpint (outlay_version_get_total_estimate (g_ptr_array_index (list, 0)), ==, D (13520));
  g_assert_cmpint (outlay_version_get_created (g_ptr_array_index (list, 0)), >, 0);
  g_assert_cmpstr (outlay_version_get_note (g_ptr_array_index (list, 0)), ==, "first bid");
  g_assert_null (outlay_version_get_note (g_ptr_array_index (list, 1)));

  /* by name in any case, or by id */
  found = outlay_store_find_version (f->store, f->id, "awarded", &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_version_get_id (found), ==, outlay_version_get_id (awarded));
  g_clear_object (&found);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, outlay_version_get_id (bid));
  found = outlay_store_find_version (f->store, f->id, id_text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_version_get_name (found), ==, "Bid");
  g_clear_object (&found);
  g_assert_null (outlay_store_find_version (f->store, f->id, "Wrap", &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“Bid”"));
  g_assert_nonnull (strstr (error->message, "“Awarded”"));
  g_clear_error (&error);
  g_assert_null (outlay_store_load_version (f->store, 9999, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
}

static void
assert_refused (OutlayDocument *version, GError *error)
{
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "saved version"));
  g_assert_nonnull (strstr (error->message, "restore it"));
  g_assert_nonnull (strstr (error->message, outlay_document_get_frozen_name (version)));
}

static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayVersion) bid = save (f, "Bid");
  g_autoptr(OutlayDocument) version = NULL;
  g_autofree char *before = NULL;
  g_autofree char *want = describe_body (f->doc);
  g_autofree char *got = NULL;
  g_auto(GValue) status = G_VALUE_INIT;
  OutlayLine *line;
  gint64 audit_rows;

  edit_to_awarded (f);
  version = load_version (f, bid);
  /* the version as saved, not the budget as it is now */
  got = describe_body (version);
  g_assert_cmpstr (got, ==, want);
  g_assert_cmpint (outlay_document_get_totals (version)->estimate, ==, D (13520));
  g_assert_cmpstr (outlay_document_get_frozen_name (version), ==, "Bid");
  g_assert_null (outlay_document_get_frozen_name (f->doc));
  g_assert_true (outlay_document_get_read_only (version));
  g_assert_cmpint (outlay_budget_get_id (outlay_document_get_budget (version)), ==, f->id);
  g_assert_cmpstr (outlay_budget_get_name (outlay_document_get_budget (version)), ==, "Spot");
  g_assert_cmpint (outlay_budget_get_status (outlay_document_get_budget (version)), ==,
                   OUTLAY_BUDGET_STATUS_LOCKED);
  /* a version line has the id of the line it copied */
  g_assert_cmpint (outlay_line_get_id (line_at (version, 0, 0)), ==,
                   outlay_line_get_id (line_at (f->doc, 0, 0)));

  /* every edit is refused, a status change too, and nothing is written */
  audit_rows = query (f, "SELECT count(*) FROM audit");
  before = outlay_test_describe (version);
  line = line_at (version, 0, 0);
  g_assert_false (outlay_document_set_line_text (version, line, OUTLAY_LINE_RATE, "1", &error));
  assert_refused (version, error);
  g_clear_error (&error);
  g_assert_null (outlay_document_insert_line (version, outlay_document_get_section (version, 0),
                                              0, NULL, &error));
  assert_refused (version, error);
  g_clear_error (&error);
  g_assert_false (outlay_document_delete_lines (version, &line, 1, &error));
  assert_refused (version, error);
  g_clear_error (&error);
  g_value_init (&status, OUTLAY_TYPE_BUDGET_STATUS);
  g_value_set_enum (&status, OUTLAY_BUDGET_STATUS_DRAFT);
  g_assert_false (outlay_document_set_budget_value (version, "status", &status, &error));
  assert_refused (version, error);
  g_clear_error (&error);
  g_assert_false (outlay_document_restore (version, f->doc, &error));
  assert_refused (version, error);
  g_clear_error (&error);
  g_assert_false (outlay_document_can_undo (version));
  {
    g_autofree char *after = outlay_test_describe (version);

    g_assert_cmpstr (after, ==, before);
  }
  g_assert_cmpint (query (f, "SELECT count(*) FROM audit"), ==, audit_rows);
  g_assert_cmpint (query (f, "SELECT count(*) FROM version_lines WHERE rate = 10000"), ==, 0);

  /* a version is not saved again as another version */
  g_assert_null (outlay_store_save_version (f->store, version, "Bid again", NULL, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
}

static void
test_compare (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayVersion) bid = save (f, "Bid");
  g_autoptr(OutlayVersion) awarded = NULL;
  g_autoptr(OutlayDocument) bid_doc = NULL;
  g_autoptr(OutlayDocument) awarded_doc = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o;
  JsonArray *changed, *sections;

  edit_to_awarded (f);
  awarded = save (f, "Awarded");
  bid_doc = load_version (f, bid);
  awarded_doc = load_version (f, awarded);

  /* Bid → Awarded */
  o = compare_json (bid_doc, awarded_doc, &root);
  changed = json_object_get_array_member (o, "changed");
  g_assert_cmpuint (json_array_get_length (changed), ==, 4);
  assert_change (changed, 0, "A", "1", "rate", "1000.00", "1200.00");
  assert_change (changed, 1, "A", "1", "estimate", "5000.00", "6000.00");
  assert_change (changed, 2, "A", "1", "actual", "0.00", "5500.00");
  assert_change (changed, 3, "B", "2", "description", "Lighting", "Lighting package");
  g_assert_cmpstr (json_object_get_string_member (object_at (changed, 1), "delta"), ==, "1000.00");
  g_assert_false (json_object_has_member (object_at (changed, 3), "delta"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "added")), ==, 1);
  assert_line (json_object_get_array_member (o, "added"), 0, "B", "3", "Grip truck", "1200.00");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "removed")), ==, 1);
  assert_line (json_object_get_array_member (o, "removed"), 0, "A", "2", "Camera operator",
               "3200.00");
  sections = json_object_get_array_member (o, "sections");
  g_assert_cmpuint (json_array_get_length (sections), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (object_at (sections, 0), "code"), ==, "A");
  /* 8200 + 10 % → 6000 + 10 % */
  assert_moves (object_at (sections, 0), "9020.00", "6600.00", "-2420.00");
  assert_moves (object_at (sections, 1), "4500.00", "5700.00", "1200.00");
  assert_moves (json_object_get_object_member (object_at (sections, 0), "actual"), "0.00",
                "5500.00", "5500.00");
  assert_moves (json_object_get_object_member (o, "totals"), "13520.00", "12300.00", "-1220.00");
  g_clear_pointer (&root, json_node_unref);

  /* after Awarded: B1 twice the quantity (+3000), B3 recoded "9" */
  set (f->doc, line_at (f->doc, 1, 0), OUTLAY_LINE_QUANTITY, "2");
  set (f->doc, line_at (f->doc, 1, 2), OUTLAY_LINE_CODE, "9");
  g_assert_cmpint (outlay_document_get_totals (f->doc)->estimate, ==, D (15300));

  /* Bid → current: the recoded line is the same line (same id), added
   * since Bid under its new code */
  o = compare_json (bid_doc, f->doc, &root);
  changed = json_object_get_array_member (o, "changed");
  g_assert_cmpuint (json_array_get_length (changed), ==, 6);
  assert_change (changed, 3, "B", "1", "qty", "1", "2");
  assert_change (changed, 4, "B", "1", "estimate", "3000.00", "6000.00");
  g_assert_cmpstr (json_object_get_string_member (object_at (changed, 3), "delta"), ==, "1");
  assert_line (json_object_get_array_member (o, "added"), 0, "B", "9", "Grip truck", "1200.00");
  assert_line (json_object_get_array_member (o, "removed"), 0, "A", "2", "Camera operator",
               "3200.00");
  sections = json_object_get_array_member (o, "sections");
  assert_moves (object_at (sections, 1), "4500.00", "8700.00", "4200.00");
  assert_moves (json_object_get_object_member (o, "totals"), "13520.00", "15300.00", "1780.00");
  g_clear_pointer (&root, json_node_unref);

  /* Awarded → current: matched by id, so a new code is a change */
  o = compare_json (awarded_doc, f->doc, &root);
  changed = json_object_get_array_member (o, "changed");
  g_assert_cmpuint (json_array_get_length (changed), ==, 3);
  assert_change (changed, 2, "B", "9", "code", "3", "9");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "added")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "removed")), ==, 0);
  assert_moves (json_object_get_object_member (o, "totals"), "12300.00", "15300.00", "3000.00");
  g_clear_pointer (&root, json_node_unref);

  /* a version against itself: nothing */
  o = compare_json (bid_doc, bid_doc, &root);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "changed")), ==, 0);
  assert_moves (json_object_get_object_member (o, "totals"), "13520.00", "13520.00", "0.00");
}

/* A copy of the budget has other line ids: lines pair by section and
 * code; a line that moved to another section within the budget reports
 * the move. */
static void
test_compare_keys (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayVersion) bid = save (f, "Bid");
  g_autoptr(OutlayDocument) bid_doc = load_version (f, bid);
  g_autoptr(OutlayDocument) copy = NULL;
  g_autoptr(OutlayComparison) c = NULL;
  OutlayFieldChange *change;
  gint64 copy_id;

  copy_id = outlay_store_duplicate_budget (f->store, f->id, "Spot copy", &error);
  g_assert_no_error (error);
  copy = outlay_store_load_document (f->store, copy_id, &error);
  g_assert_no_error (error);
  set (copy, line_at (copy, 1, 1), OUTLAY_LINE_RATE, "1750.5");
  c = outlay_compare_documents (bid_doc, copy);
  g_assert_cmpuint (c->changed->len, ==, 2);
  change = g_ptr_array_index (c->changed, 0);
  g_assert_cmpstr (change->section, ==, "B");
  g_assert_cmpstr (change->code, ==, "2");
  g_assert_cmpint (change->field, ==, OUTLAY_LINE_RATE);
  g_assert_cmpstr (change->to, ==, "1750.50");
  g_assert_cmpint (change->delta, ==, D (250) + 5000);
  g_assert_cmpuint (c->added->len, ==, 0);
  g_assert_cmpuint (c->removed->len, ==, 0);
  g_clear_pointer (&c, outlay_comparison_free);

  /* Camera operator moves from A (10 % fringe) to B */
  g_assert_true (outlay_document_move_line (f->doc, line_at (f->doc, 0, 1),
                                            outlay_document_get_section (f->doc, 1), 0, &error));
  g_assert_no_error (error);
  c = outlay_compare_documents (bid_doc, f->doc);
  g_assert_cmpuint (c->changed->len, ==, 1);
  change = g_ptr_array_index (c->changed, 0);
  g_assert_cmpstr (outlay_field_change_name (change), ==, "section");
  g_assert_cmpstr (change->from, ==, "A");
  g_assert_cmpstr (change->to, ==, "B");
  g_assert_cmpuint (c->added->len, ==, 0);
  /* A loses 3200 and its 320 fringe; B gains 3200 */
  g_assert_cmpint (((OutlaySectionDelta *) g_ptr_array_index (c->sections, 0))->to.estimate, ==,
                   D (5500));
  g_assert_cmpint (((OutlaySectionDelta *) g_ptr_array_index (c->sections, 1))->to.estimate, ==,
                   D (7700));
  g_assert_cmpint (outlay_comparison_delta (c->from.estimate, c->to.estimate), ==, D (-320));
}

static void
test_restore (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayVersion) bid = save (f, "Bid");
  g_autoptr(OutlayDocument) bid_doc = NULL;
  g_autoptr(OutlayComparison) c = NULL;
  g_autofree char *bid_body = describe_body (f->doc);
  g_autofree char *edited = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *body = NULL;
  gint64 audit_rows;

  edit_to_awarded (f);
  edited = outlay_test_describe (f->doc);
  assert_store_matches (f, D (12300));
  bid_doc = load_version (f, bid);
  audit_rows = query (f, "SELECT count(*) FROM audit");

  g_assert_true (outlay_document_restore (f->doc, bid_doc, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_document_get_undo_label (f->doc), ==, "Restore Version “Bid”");
  body = describe_body (f->doc);
  g_assert_cmpstr (body, ==, bid_body);
  assert_store_matches (f, D (13520));
  restored = outlay_test_describe (f->doc);
  g_assert_false (outlay_document_get_read_only (f->doc));
  /* the restored lines are the lines the version copied */
  g_assert_cmpint (query (f, "SELECT count(*) FROM version_lines v JOIN lines l ON l.id = v.line_id"
                          " WHERE v.version_id = %" G_GINT64_FORMAT " AND l.budget_id = %"
                          G_GINT64_FORMAT, outlay_version_get_id (bid), f->id), ==, 4);
  c = outlay_compare_documents (bid_doc, f->doc);
  g_assert_cmpuint (c->changed->len + c->added->len + c->removed->len, ==, 0);
  /* the trail has what went and what came back */
  g_assert_cmpint (query (f, "SELECT count(*) FROM audit WHERE id > %" G_GINT64_FORMAT
                          " AND entity = 'line' AND action = 'delete'", audit_rows), ==, 4);
  g_assert_cmpint (query (f, "SELECT count(*) FROM audit WHERE id > %" G_GINT64_FORMAT
                          " AND entity = 'line' AND action = 'insert'", audit_rows), ==, 4);

  /* one undo step puts everything back; the version may be gone by then */
  g_clear_object (&bid_doc);
  g_assert_true (outlay_document_undo (f->doc, &error));
  g_assert_no_error (error);
  {
    g_autofree char *now = outlay_test_describe (f->doc);

    g_assert_cmpstr (now, ==, edited);
  }
  assert_store_matches (f, D (12300));
  g_assert_true (outlay_document_redo (f->doc, &error));
  g_assert_no_error (error);
  {
    g_autofree char *now = outlay_test_describe (f->doc);

    g_assert_cmpstr (now, ==, restored);
  }
  assert_store_matches (f, D (13520));
  g_assert_true (outlay_document_undo (f->doc, &error));
  assert_store_matches (f, D (12300));
}

/* A locked budget refuses a restore with its own message; a version can
 * still be saved of it, and unlocking is recorded. */
static void
test_locked (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayVersion) bid = save (f, "Bid");
  g_autoptr(OutlayVersion) wrap = NULL;
  g_autoptr(OutlayDocument) bid_doc = NULL;
  g_autofree char *before = NULL;
  g_auto(GValue) status = G_VALUE_INIT;

  edit_to_awarded (f);
  bid_doc = load_version (f, bid);
  g_value_init (&status, OUTLAY_TYPE_BUDGET_STATUS);
  g_value_set_enum (&status, OUTLAY_BUDGET_STATUS_LOCKED);
  g_assert_true (outlay_document_set_budget_value (f->doc, "status", &status, &error));
  g_assert_no_error (error);
  before = outlay_test_describe (f->doc);

  g_assert_false (outlay_document_restore (f->doc, bid_doc, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "is locked"));
  g_assert_null (strstr (error->message, "saved version"));
  g_clear_error (&error);
  {
    g_autofree char *after = outlay_test_describe (f->doc);

    g_assert_cmpstr (after, ==, before);
  }
  assert_store_matches (f, D (12300));

  wrap = outlay_store_save_version (f->store, f->doc, "Wrap", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outlay_version_get_total_estimate (wrap), ==, D (12300));

  g_value_set_enum (&status, OUTLAY_BUDGET_STATUS_APPROVED);
  g_assert_true (outlay_document_set_budget_value (f->doc, "status", &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (f, "SELECT count(*) FROM audit WHERE entity = 'budget' AND"
                          " field = 'status' AND old_value = 'locked' AND new_value = 'approved'"),
                   ==, 1);
  g_assert_true (outlay_document_restore (f->doc, bid_doc, &error));
  g_assert_no_error (error);
  assert_store_matches (f, D (13520));
}

/* ---- pairing, on budgets built in memory ---- */

typedef struct
{
  guint section;
  gint64 id;
  const char *code;
  const char *description;
  const char *rate;
} Spec;

/* A budget of @budget_id with sections "code|name|id" and @lines. */
static OutlayDocument *
build (gint64 budget_id, const char *const *sections, const Spec *lines, guint n_lines)
{
  g_autoptr(OutlayBudget) budget = outlay_budget_new ("Spot");
  g_autoptr(GPtrArray) loaded = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  OutlayDocument *doc;

  outlay_budget_set_id (budget, budget_id);
  doc = outlay_document_new (budget);
  for (guint s = 0; sections[s] != NULL; s++)
    {
      g_auto(GStrv) parts = g_strsplit (sections[s], "|", 3);
      g_autoptr(OutlaySection) section = g_object_new (OUTLAY_TYPE_SECTION, NULL);

      outlay_section_load (section, g_ascii_strtoll (parts[2], NULL, 10), parts[0], parts[1], 0, 0);
      outlay_document_load_section (doc, section);
      g_ptr_array_add (loaded, section);
    }
  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(OutlayLine) line = outlay_line_new ();
      OutlayDecimal rate = D (g_ascii_strtoll (lines[i].rate, NULL, 10));

      outlay_line_set_id (line, lines[i].id);
      outlay_line_load_text (line, OUTLAY_LINE_CODE, lines[i].code);
      outlay_line_load_text (line, OUTLAY_LINE_DESCRIPTION, lines[i].description);
      outlay_line_load_decimal (line, OUTLAY_LINE_QUANTITY, D (1));
      outlay_line_load_decimal (line, OUTLAY_LINE_MULTIPLIER, D (1));
      outlay_line_load_decimal (line, OUTLAY_LINE_RATE, rate);
      outlay_line_load_decimal (line, OUTLAY_LINE_ESTIMATE, rate);
      outlay_document_load_line (doc, g_ptr_array_index (loaded, lines[i].section), line);
    }
  g_assert_true (outlay_document_finish_load (doc, &error));
  g_assert_no_error (error);
  return doc;
}

/* "field,field" of the @i-th changed line */
static char *
line_fields (OutlayComparison *c, guint i)
{
  OutlayLineChange *l = g_ptr_array_index (c->lines, i);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint k = l->first; k < l->first + l->n_fields; k++)
    g_string_append_printf (names, "%s%s", names->len > 0 ? "," : "",
                            outlay_field_change_name (g_ptr_array_index (c->changed, k)));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* A line keeps its id when its code, description and section's code
 * change: one changed line, not a removed and an added one. */
static void
test_pair_identity (void)
{
  const char *const from_sections[] = { "A|Crew|0", NULL };
  const char *const to_sections[] = { "A1|Crew and lighting|0", NULL };
  const Spec from_lines[] = { { 0, 10, "01", "Gaffer", "500" },
                              { 0, 11, "02", "Key grip", "450" } };
  const Spec to_lines[] = { { 0, 10, "05", "Best boy electric", "520" },
                            { 0, 11, "02", "Key grip", "450" } };
  g_autoptr(OutlayDocument) from = build (7, from_sections, from_lines, 2);
  g_autoptr(OutlayDocument) to = build (7, to_sections, to_lines, 2);
  g_autoptr(OutlayComparison) c = outlay_compare_documents (from, to);
  g_autofree char *fields = NULL;
  OutlayLineChange *l;
  OutlaySectionDelta *d;

  g_assert_cmpuint (c->added->len, ==, 0);
  g_assert_cmpuint (c->removed->len, ==, 0);
  g_assert_cmpuint (c->lines->len, ==, 1);
  l = g_ptr_array_index (c->lines, 0);
  g_assert_cmpstr (l->code, ==, "05");
  g_assert_cmpstr (l->description, ==, "Best boy electric");
  g_assert_cmpint (l->from_estimate, ==, D (500));
  g_assert_cmpint (l->to_estimate, ==, D (520));
  /* its section was renamed, not left: no "section" change */
  fields = line_fields (c, 0);
  g_assert_cmpstr (fields, ==, "code,description,rate,estimate");
  g_assert_cmpuint (c->sections->len, ==, 1);
  d = g_ptr_array_index (c->sections, 0);
  g_assert_cmpstr (d->code, ==, "A1");
  g_assert_cmpint (d->from.estimate, ==, D (950));
  g_assert_cmpint (d->to.estimate, ==, D (970));
}

/* After a replace-import every id is new: a code reused for a wholly
 * different line is removed + added; a similar description is a change;
 * a renumbered line pairs by its description. */
static void
test_pair_code_reused (void)
{
  const char *const sections[] = { "A|Crew|0", NULL };
  const Spec from_lines[] = { { 0, 1, "01", "Gaffer", "500" },
                              { 0, 2, "02", "Camera operator, prep day 3", "450" },
                              { 0, 3, "03", "Grip truck", "300" },
                              { 0, 4, "04", "Line producer", "850" } };
  const Spec to_lines[] = { { 0, 11, "01", "Catering truck", "900" },
                            { 0, 12, "02", "Camera Operators (prep) day 4", "450" },
                            { 0, 13, "07", "Grip truck", "300" },
                            { 0, 14, "04", "Line producer", "850" } };
  g_autoptr(OutlayDocument) from = build (0, sections, from_lines, 4);
  g_autoptr(OutlayDocument) to = build (0, sections, to_lines, 4);
  g_autoptr(OutlayComparison) c = outlay_compare_documents (from, to);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_cmpuint (c->removed->len, ==, 1);
  g_assert_cmpstr (((OutlayComparedLine *) g_ptr_array_index (c->removed, 0))->description, ==,
                   "Gaffer");
  g_assert_cmpuint (c->added->len, ==, 1);
  g_assert_cmpstr (((OutlayComparedLine *) g_ptr_array_index (c->added, 0))->description, ==,
                   "Catering truck");
  g_assert_cmpuint (c->lines->len, ==, 2);
  first = line_fields (c, 0);
  g_assert_cmpstr (first, ==, "description");
  second = line_fields (c, 1);
  g_assert_cmpstr (second, ==, "code");
  g_assert_cmpuint (c->changed->len, ==, 2);
}

static void
test_pair_similar (void)
{
  g_assert_true (outlay_compare_similar_descriptions ("Gaffer", "GAFFER."));
  g_assert_true (outlay_compare_similar_descriptions ("Camera operator", "Camera operators"));
  g_assert_true (outlay_compare_similar_descriptions ("Line producer", "Line producer (2nd unit)"));
  g_assert_true (outlay_compare_similar_descriptions ("Gaffer, prep day 3", "Gaffer, shoot day 3"));
  g_assert_true (outlay_compare_similar_descriptions ("", "Anything"));
  g_assert_true (outlay_compare_similar_descriptions (NULL, NULL));
  g_assert_false (outlay_compare_similar_descriptions ("Gaffer", "Catering truck"));
  g_assert_false (outlay_compare_similar_descriptions ("Van", "Car"));
  g_assert_false (outlay_compare_similar_descriptions ("Senior camera operator, prep day 3",
                                                       "Office rent, shoot day 9"));
}

/* Sections pair by name before code: a relettered import keeps "Crew"
 * with "Crew"; a section with a new name and code pairs by its id. */
static void
test_pair_sections (void)
{
  const char *const from_sections[] = { "A|Crew|0", "B|Equipment|0", NULL };
  const char *const to_sections[] = { "B|Crew|0", "C|Equipment|0", NULL };
  const Spec lines[] = { { 0, 1, "01", "Gaffer", "500" }, { 1, 2, "01", "Dolly", "200" } };
  g_autoptr(OutlayDocument) from = build (0, from_sections, lines, 2);
  g_autoptr(OutlayDocument) to = build (0, to_sections, lines, 2);
  g_autoptr(OutlayComparison) c = outlay_compare_documents (from, to);
  const char *const renamed[] = { "X|Labour|5", "B|Kit|6", NULL };
  g_autoptr(OutlayDocument) again = NULL;
  g_autoptr(OutlayDocument) same_budget = NULL;
  g_autoptr(OutlayComparison) by_id = NULL;
  const char *const ided[] = { "A|Crew|5", "B|Equipment|6", NULL };

  g_assert_cmpuint (c->changed->len + c->added->len + c->removed->len, ==, 0);
  g_assert_cmpuint (c->sections->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      OutlaySectionDelta *d = g_ptr_array_index (c->sections, i);

      g_assert_cmpstr (outlay_section_get_name (d->from_section), ==,
                       outlay_section_get_name (d->to_section));
      g_assert_cmpint (d->from.estimate, ==, d->to.estimate);
    }

  /* the same budget: section ids pair "Crew" with "Labour" */
  same_budget = build (3, ided, lines, 2);
  again = build (3, renamed, lines, 2);
  by_id = outlay_compare_documents (same_budget, again);
  g_assert_cmpuint (by_id->changed->len + by_id->added->len + by_id->removed->len, ==, 0);
  g_assert_cmpuint (by_id->sections->len, ==, 2);
  g_assert_cmpstr (((OutlaySectionDelta *) g_ptr_array_index (by_id->sections, 0))->name, ==,
                   "Labour");
  g_assert_cmpstr (
      outlay_section_get_name (
          ((OutlaySectionDelta *) g_ptr_array_index (by_id->sections, 0))->from_section),
      ==, "Crew");
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/versions/save-list", test_save_list);
  ADD ("/versions/read-only", test_read_only);
  ADD ("/versions/compare", test_compare);
  ADD ("/versions/compare-keys", test_compare_keys);
  ADD ("/versions/restore", test_restore);
  ADD ("/versions/locked", test_locked);
#undef ADD
  g_test_add_func ("/versions/pair/identity", test_pair_identity);
  g_test_add_func ("/versions/pair/code-reused", test_pair_code_reused);
  g_test_add_func ("/versions/pair/similar", test_pair_similar);
  g_test_add_func ("/versions/pair/sections", test_pair_sections);
  return g_test_run ();
}
