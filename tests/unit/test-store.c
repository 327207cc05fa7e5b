/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "outlay-document-sink.h"
#include "outlay-error.h"
#include "outlay-schema.h"
#include "outlay-store-private.h"
#include "outlay-store.h"
#include "outlay-template.h"
#include "outlay-test-util.h"

#define D(units) OUTLAY_DECIMAL_FROM_INT (units)

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = outlay_test_make_dir ();
  f->path = g_build_filename (f->dir, "outlay.db", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  outlay_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static OutlayStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  OutlayStore *store = outlay_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static OutlayDocument *
load (OutlayStore *store, gint64 id)
{
  g_autoptr(GError) error = NULL;
  OutlayDocument *doc = outlay_store_load_document (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static gint64
create (OutlayStore *store, const char *template_id, const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = outlay_store_create_budget (store, template_id, name, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
count (OutlayStore *store, const char *sql)
{
  return outlay_test_query_int (outlay_store_get_db (store), sql);
}

static gint64
count_printf (OutlayStore *store, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gint64
count_printf (OutlayStore *store, const char *format, ...)
{
  va_list args;
  g_autofree char *sql = NULL;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return count (store, sql);
}

/* outlay_test_describe() without its first line (the budget's header). */
static char *
describe_body (OutlayDocument *doc)
{
  g_autofree char *all = outlay_test_describe (doc);

  return g_strdup (strchr (all, '\n') + 1);
}

/* ---- round trip ---- */

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  const char *ids[] = { "aicp", "blank", "software", "department", "event", "sample" };
  g_autoptr(OutlayStore) store = open_store (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(OutlayDocument) built = outlay_template_build (ids[i], NULL, &error);
      g_autoptr(OutlayDocument) loaded = NULL;
      g_autofree char *want = NULL;
      g_autofree char *got = NULL;
      OutlayTotals db_totals;
      gint64 id;

      g_assert_no_error (error);
      id = create (store, ids[i], NULL);
      loaded = load (store, id);
      g_assert_cmpint (outlay_budget_get_id (outlay_document_get_budget (loaded)), ==, id);
      g_assert_cmpuint (outlay_document_get_n_sections (loaded), ==,
                        outlay_document_get_n_sections (built));
      g_assert_cmpuint (outlay_document_get_n_lines (loaded), ==,
                        outlay_document_get_n_lines (built));
      outlay_test_assert_totals_equal (outlay_document_get_totals (loaded),
                                       outlay_document_get_totals (built));
      g_assert_true (outlay_store_get_budget_totals (store, id, &db_totals, &error));
      outlay_test_assert_totals_equal (&db_totals, outlay_document_get_totals (built));
      /* every section, line and value, in order */
      want = outlay_test_describe (built);
      got = outlay_test_describe (loaded);
      g_assert_cmpstr (got, ==, want);
      outlay_test_assert_totals_consistent (loaded);
      g_assert_cmpint (count_printf (store, "SELECT count(*) FROM lines WHERE budget_id = %"
                                     G_GINT64_FORMAT, id),
                       ==, outlay_document_get_n_lines (built));
    }
  g_assert_cmpint (count (store, "SELECT count(*) FROM budgets"), ==, G_N_ELEMENTS (ids));
}

/* ---- edits ---- */

static void
test_edit_persisted (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before_close = NULL;
  g_autofree char *after_open = NULL;
  gint64 id;

  {
    g_autoptr(OutlayStore) store = open_store (f->path);
    g_autoptr(OutlayDocument) doc = NULL;
    OutlayLine *producer;

    id = create (store, "sample", NULL);
    doc = load (store, id);
    producer = outlay_document_lookup_line (doc, "1");
    g_assert_true (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_RATE, "900", &error));
    g_assert_true (outlay_document_set_line_text (doc, outlay_document_lookup_line (doc, "2"),
                                                  OUTLAY_LINE_ESTIMATE, "1,234.56", &error));
    g_assert_true (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_NOTES, "Rate agreed",
                                                  &error));
    g_assert_nonnull (outlay_document_add_section (doc, 2, "AB", "Added", &error));
    g_assert_true (outlay_document_move_line (doc, outlay_document_lookup_line (doc, "3"),
                                              outlay_document_lookup_section (doc, "AB"), 0,
                                              &error));
    g_assert_no_error (error);
    {
      g_autoptr(OutlayBudget) edited = outlay_budget_copy (outlay_document_get_budget (doc));

      g_object_set (edited, "name", "First Light v2", "client", "Northbeam", NULL);
      g_assert_true (outlay_document_update_budget (doc, edited, &error));
      g_object_set (edited, "status", OUTLAY_BUDGET_STATUS_LOCKED, NULL);
      g_assert_true (outlay_document_update_budget (doc, edited, &error));
      g_assert_no_error (error);
    }
    before_close = outlay_test_describe (doc);
  }
  {
    g_autoptr(OutlayStore) store = open_store (f->path);
    g_autoptr(OutlayDocument) doc = load (store, id);
    OutlayLine *producer = outlay_document_lookup_line (doc, "1");

    g_assert_false (outlay_store_get_created (store));
    g_assert_cmpint (outlay_line_get_rate (producer), ==, D (900));
    g_assert_cmpint (outlay_line_get_estimate (producer), ==, D (7200));
    g_assert_cmpstr (outlay_line_get_notes (producer), ==, "Rate agreed");
    g_assert_true (outlay_line_get_estimate_overridden (outlay_document_lookup_line (doc, "2")));
    g_assert_true (outlay_line_get_section (outlay_document_lookup_line (doc, "3"))
                   == outlay_document_get_section (doc, 2));
    after_open = outlay_test_describe (doc);
    g_assert_cmpstr (after_open, ==, before_close);
    /* the budget's own fields too, and a locked budget stays locked */
    g_assert_cmpstr (outlay_budget_get_name (outlay_document_get_budget (doc)), ==,
                     "First Light v2");
    g_assert_cmpstr (outlay_budget_get_client (outlay_document_get_budget (doc)), ==, "Northbeam");
    g_assert_true (outlay_document_get_read_only (doc));
    g_assert_false (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_RATE, "1", &error));
    g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_LOCKED);
    g_clear_error (&error);
    g_assert_cmpint (count_printf (store, "SELECT count(*) FROM audit WHERE entity = 'budget'"
                                   " AND field = 'status' AND old_value = 'draft'"
                                   " AND new_value = 'locked' AND entity_id = %" G_GINT64_FORMAT,
                                   id), ==, 1);
    /* a reloaded document starts with nothing to undo */
    g_assert_false (outlay_document_can_undo (doc));
  }
}

static gint64
audit_rows (OutlayStore *store)
{
  return count (store, "SELECT count(*) FROM audit");
}

static void
test_audit_update (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayStore) store = open_store (f->path);
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *expected = NULL;
  sqlite3 *db = outlay_store_get_db (store);
  OutlayLine *producer;
  gint64 id, line_id, n_audit;

  id = create (store, "sample", NULL);
  doc = load (store, id);
  producer = outlay_document_lookup_line (doc, "1");
  line_id = outlay_line_get_id (producer);
  g_assert_cmpint (line_id, >, 0);
  n_audit = audit_rows (store);

  g_assert_true (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_RATE, "900", &error));
  g_assert_no_error (error);
  /* one row per changed field: the rate and the estimate computed from it */
  g_assert_cmpint (audit_rows (store), ==, n_audit + 2);
  sql = g_strdup_printf ("SELECT entity || '|' || action || '|' || field || '|' || old_value"
                         " || '|' || new_value || '|' || budget_id FROM audit"
                         " WHERE entity_id = %" G_GINT64_FORMAT " AND field = 'rate'", line_id);
  text = outlay_test_query_text (db, sql);
  expected = g_strdup_printf ("line|update|rate|850|900|%" G_GINT64_FORMAT, id);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT old_value || '>' || new_value FROM audit"
                         " WHERE entity_id = %" G_GINT64_FORMAT " AND field = 'estimate'", line_id);
  text = outlay_test_query_text (db, sql);
  g_assert_cmpstr (text, ==, "6800>7200");
  n_audit = audit_rows (store);

  /* a write that fails leaves the document, the database and the audit
   * trail as they were */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA query_only = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  before = outlay_test_describe (doc);
  g_assert_false (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_RATE, "950", &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_STORE);
  g_assert_nonnull (strstr (error->message, f->path));
  g_clear_error (&error);
  g_assert_false (outlay_document_insert_line (doc, outlay_document_lookup_section (doc, "A"), 0,
                                               NULL, &error) != NULL);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_STORE);
  g_clear_error (&error);
  after = outlay_test_describe (doc);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (outlay_document_get_undo_label (doc), ==, "Edit Rate");
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA query_only = 0", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (sqlite3_get_autocommit (db));
  g_assert_cmpint (audit_rows (store), ==, n_audit);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT rate FROM lines WHERE id = %" G_GINT64_FORMAT, line_id);
  g_assert_cmpint (outlay_test_query_int (db, sql), ==, D (900));

  /* and the store carries on afterwards */
  g_assert_true (outlay_document_set_line_text (doc, producer, OUTLAY_LINE_RATE, "950", &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_test_query_int (db, sql), ==, D (950));
  g_assert_cmpint (audit_rows (store), ==, n_audit + 2);

  /* undo writes through too, with its own audit rows */
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_cmpint (outlay_test_query_int (db, sql), ==, D (900));
  g_assert_cmpint (audit_rows (store), ==, n_audit + 4);
}

static JsonObject *
audit_json (OutlayStore *store, JsonParser *parser, const char *action, gint64 entity_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf (
    "SELECT %s FROM audit WHERE entity = 'line' AND action = '%s' AND entity_id = %"
    G_GINT64_FORMAT " ORDER BY id DESC LIMIT 1",
    g_str_equal (action, "delete") ? "old_value" : "new_value", action, entity_id);
  g_autofree char *text = outlay_test_query_text (outlay_store_get_db (store), sql);

  g_assert_nonnull (text);
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_audit_snapshots (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayStore) store = open_store (f->path);
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(OutlayLine) fresh = outlay_line_new ();
  OutlayLine *victims[1];
  OutlaySection *a, *b;
  JsonObject *o;
  gint64 id, dp_id;

  id = create (store, "sample", NULL);
  doc = load (store, id);
  a = outlay_document_lookup_section (doc, "A");
  b = outlay_document_lookup_section (doc, "B");
  victims[0] = outlay_document_lookup_line (doc, "3");
  dp_id = outlay_line_get_id (victims[0]);

  g_assert_true (outlay_document_delete_lines (doc, victims, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_printf (store, "SELECT count(*) FROM lines WHERE id = %" G_GINT64_FORMAT,
                                 dp_id), ==, 0);
  o = audit_json (store, parser, "delete", dp_id);
  g_assert_cmpstr (json_object_get_string_member (o, "code"), ==, "3");
  g_assert_cmpstr (json_object_get_string_member (o, "description"), ==,
                   "Director of photography");
  g_assert_cmpstr (json_object_get_string_member (o, "notes"), ==, "Tech scout + prep");
  g_assert_cmpint (json_object_get_int_member (o, "qty"), ==, D (1));
  g_assert_cmpint (json_object_get_int_member (o, "multiplier"), ==, D (2));
  g_assert_cmpint (json_object_get_int_member (o, "rate"), ==, D (2500));
  g_assert_cmpint (json_object_get_int_member (o, "estimate"), ==, D (5000));
  g_assert_cmpint (json_object_get_int_member (o, "actual"), ==, 48906300);
  g_assert_cmpint (json_object_get_int_member (o, "position"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (o, "section_id"), ==, outlay_section_get_id (a));

  /* undo restores the row under its old id */
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_line_get_id (victims[0]), ==, dp_id);
  g_assert_cmpint (count_printf (store, "SELECT position FROM lines WHERE id = %" G_GINT64_FORMAT,
                                 dp_id), ==, 2);
  o = audit_json (store, parser, "insert", dp_id);
  g_assert_cmpstr (json_object_get_string_member (o, "code"), ==, "3");

  outlay_line_load_text (fresh, OUTLAY_LINE_CODE, "50");
  outlay_line_load_text (fresh, OUTLAY_LINE_DESCRIPTION, "Producer");
  g_assert_nonnull (outlay_document_insert_line (doc, b, 0, fresh, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_line_get_id (fresh), >, 0);
  o = audit_json (store, parser, "insert", outlay_line_get_id (fresh));
  g_assert_cmpstr (json_object_get_string_member (o, "code"), ==, "50");
  g_assert_cmpstr (json_object_get_string_member (o, "description"), ==, "Producer");
  g_assert_cmpint (json_object_get_int_member (o, "section_id"), ==, outlay_section_get_id (b));
  g_assert_cmpint (json_object_get_int_member (o, "position"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (o, "qty"), ==, D (1));
  /* the rows below moved down one place */
  g_assert_cmpint (count_printf (store, "SELECT group_concat(code, ',') = '50,51,52,53' FROM"
                                 " (SELECT code FROM lines WHERE section_id = %" G_GINT64_FORMAT
                                 " ORDER BY position LIMIT 4)", outlay_section_get_id (b)),
                   ==, 1);
}

/* Row ids are reused after a delete, so by the time a delete is undone
 * another budget may own the old id: the undo must still work. */
static void
test_undo_after_other_budget (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayStore) store = open_store (f->path);
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(OutlayDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  OutlaySection *p, *z;
  OutlayLine *last, *line;
  OutlayTotals other_before, other_after, totals;
  gint64 id, other, third, old_id, old_section_id;

  id = create (store, "sample", NULL);
  doc = load (store, id);
  p = outlay_document_lookup_section (doc, "P");
  last = outlay_section_get_line (p, outlay_section_get_n_lines (p) - 1);
  old_id = outlay_line_get_id (last);
  g_assert_cmpint (old_id, ==, count (store, "SELECT max(id) FROM lines"));
  g_assert_true (outlay_document_delete_lines (doc, &last, 1, &error));
  g_assert_no_error (error);

  other = create (store, "event", "Other");
  /* the new budget took the deleted line's id */
  g_assert_cmpint (count_printf (store, "SELECT budget_id FROM lines WHERE id = %" G_GINT64_FORMAT,
                                 old_id), ==, other);
  g_assert_true (outlay_store_get_budget_totals (store, other, &other_before, &error));

  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_true (outlay_section_get_line (p, outlay_section_get_n_lines (p) - 1) == last);
  g_assert_cmpint (outlay_line_get_id (last), >, 0);
  g_assert_cmpint (outlay_line_get_id (last), !=, old_id);
  g_assert_cmpint (count_printf (store, "SELECT budget_id FROM lines WHERE id = %" G_GINT64_FORMAT,
                                 outlay_line_get_id (last)), ==, id);
  g_assert_cmpint (count_printf (store, "SELECT budget_id FROM lines WHERE id = %" G_GINT64_FORMAT,
                                 old_id), ==, other);
  g_assert_true (outlay_store_get_budget_totals (store, other, &other_after, &error));
  outlay_test_assert_totals_equal (&other_after, &other_before);
  /* and the restored row is the one edits go to */
  g_assert_true (outlay_document_set_line_text (doc, last, OUTLAY_LINE_RATE, "1", &error));
  g_assert_no_error (error);
  g_assert_true (outlay_store_get_budget_totals (store, id, &totals, &error));
  outlay_test_assert_totals_equal (&totals, outlay_document_get_totals (doc));

  /* the same for a section and its lines */
  z = outlay_document_add_section (doc, G_MAXUINT, "Z", "Last", &error);
  line = outlay_document_insert_line (doc, z, 0, NULL, &error);
  g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_RATE, "75", &error));
  g_assert_no_error (error);
  old_section_id = outlay_section_get_id (z);
  g_assert_true (outlay_document_delete_section (doc, z, &error));
  third = create (store, "sample", "Third");
  g_assert_cmpint (count_printf (store, "SELECT budget_id FROM sections WHERE id = %"
                                 G_GINT64_FORMAT, old_section_id), ==, third);
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_section_get_id (z), !=, old_section_id);
  g_assert_cmpint (count_printf (store, "SELECT count(*) FROM lines WHERE section_id = %"
                                 G_GINT64_FORMAT " AND budget_id = %" G_GINT64_FORMAT,
                                 outlay_section_get_id (z), id), ==, 1);
  g_assert_cmpint (count_printf (store, "SELECT count(*) FROM lines WHERE budget_id = %"
                                 G_GINT64_FORMAT, third), ==, 105);

  reloaded = load (store, id);
  want = outlay_test_describe (doc);
  got = outlay_test_describe (reloaded);
  g_assert_cmpstr (got, ==, want);
}

/* ---- migration and opening ---- */

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  return db;
}

static void
raw_exec (sqlite3 *db, const char *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
}

static gboolean
table_exists (sqlite3 *db, const char *table)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%s'", table);

  return outlay_test_query_int (db, sql) == 1;
}

static void
test_migrate_v1 (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  const char *tables[] = {
    "imports", "people", "tasks", "time_entries", "recommendations", "roi_snapshots",
    "cost_patterns", "commitments", "accounts", "bills",
  };
  sqlite3 *db = raw_open (f->path);
  gboolean created = FALSE;
  OutlayTotals totals;
  OutlayLine *line;
  gint64 id;

  g_assert_true (outlay_schema_migrate (db, 1, &created, &error));
  g_assert_no_error (error);
  g_assert_true (created);
  g_assert_cmpint (outlay_test_query_int (db, "PRAGMA user_version"), ==, 1);
  g_assert_false (table_exists (db, "tasks"));
  /* a budget as version 1 wrote it: 2 × 3 days × 500.00, 1234.56 spent */
  raw_exec (db, "INSERT INTO budgets (id, name, created, modified) VALUES (7, 'Legacy', 1, 1);"
                "INSERT INTO sections (id, budget_id, position, code, name)"
                " VALUES (3, 7, 0, 'A', 'Labour');"
                "INSERT INTO lines (budget_id, section_id, position, code, description, qty,"
                " multiplier, rate, estimate, actual)"
                " VALUES (7, 3, 0, '1', 'Editor', 20000, 30000, 5000000, 30000000, 12345600);");
  sqlite3_close (db);

  store = outlay_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_false (outlay_store_get_created (store));
  db = outlay_store_get_db (store);
  g_assert_cmpint (outlay_test_query_int (db, "PRAGMA user_version"), ==, OUTLAY_SCHEMA_VERSION);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (!table_exists (db, tables[i]))
      g_error ("table %s is missing after the migration", tables[i]);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM pragma_table_info('lines')"
                                              " WHERE name = 'import_id'"), ==, 1);

  id = outlay_store_find_budget (store, "legacy", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 7);
  doc = load (store, id);
  g_assert_cmpstr (outlay_budget_get_name (outlay_document_get_budget (doc)), ==, "Legacy");
  g_assert_cmpstr (outlay_budget_get_currency (outlay_document_get_budget (doc)), ==, "USD");
  g_assert_cmpuint (outlay_document_get_n_sections (doc), ==, 1);
  g_assert_cmpuint (outlay_document_get_n_lines (doc), ==, 1);
  line = outlay_document_lookup_line (doc, "1");
  g_assert_nonnull (line);
  g_assert_cmpstr (outlay_line_get_description (line), ==, "Editor");
  g_assert_cmpint (outlay_line_get_import_id (line), ==, 0);
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==, D (3000));
  g_assert_cmpint (outlay_document_get_totals (doc)->actual, ==, 12345600);
  g_assert_true (outlay_store_get_budget_totals (store, id, &totals, &error));
  outlay_test_assert_totals_equal (&totals, outlay_document_get_totals (doc));

  /* the migrated budget takes edits */
  g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_RATE, "600", &error));
  g_assert_no_error (error);
  g_assert_true (outlay_store_get_budget_totals (store, id, &totals, &error));
  g_assert_cmpint (totals.estimate, ==, D (3600));
}

/* A command whose second write fails leaves no trace, whether SQLite
 * keeps the transaction open (ABORT) or rolls it back by itself
 * (ROLLBACK, as after a full disk or an I/O error). */
static void
check_failed_command (Fixture *f, const char *raise)
{
  g_autoptr(OutlayStore) store = open_store (f->path);
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(OutlayDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *trigger = NULL;
  const OutlayLineField columns[] = { OUTLAY_LINE_DESCRIPTION };
  OutlayLine *victims[2];
  sqlite3 *db = outlay_store_get_db (store);
  gint64 id, n_audit;

  id = create (store, "sample", NULL);
  doc = load (store, id);
  trigger = g_strdup_printf ("CREATE TEMP TRIGGER fail_delete BEFORE DELETE ON lines"
                             " WHEN OLD.code = '3' BEGIN SELECT RAISE(%s, 'disk on fire'); END;"
                             "CREATE TEMP TRIGGER fail_update BEFORE UPDATE ON lines"
                             " WHEN NEW.description = 'boom' BEGIN SELECT RAISE(%s, 'disk on fire');"
                             " END;", raise, raise);
  raw_exec (db, trigger);
  n_audit = audit_rows (store);
  before = outlay_test_describe (doc);

  /* line 52 goes first (bottom up), then 3 fails */
  victims[0] = outlay_document_lookup_line (doc, "52");
  victims[1] = outlay_document_lookup_line (doc, "3");
  g_assert_false (outlay_document_delete_lines (doc, victims, 2, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_STORE);
  g_assert_nonnull (strstr (error->message, "disk on fire"));
  g_clear_error (&error);
  after = outlay_test_describe (doc);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (outlay_line_get_section (victims[0]) == outlay_document_lookup_section (doc, "B"));

  /* a paste whose second row fails */
  g_assert_false (outlay_document_paste (doc, outlay_document_lookup_section (doc, "C"), 0,
                                         columns, 1, "fine\nboom\nfine too\n", &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_STORE);
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = outlay_test_describe (doc);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (outlay_document_can_undo (doc));

  /* the database is as it was, with no transaction left open */
  g_assert_true (sqlite3_get_autocommit (db));
  g_assert_cmpint (audit_rows (store), ==, n_audit);
  reloaded = load (store, id);
  stored = outlay_test_describe (reloaded);
  g_assert_cmpstr (stored, ==, before);
  g_assert_cmpint (count_printf (store, "SELECT count(*) FROM lines WHERE budget_id = %"
                                 G_GINT64_FORMAT, id), ==, outlay_document_get_n_lines (doc));

  /* and the next edit works */
  raw_exec (db, "DROP TRIGGER fail_delete; DROP TRIGGER fail_update;");
  g_assert_true (outlay_document_delete_lines (doc, victims, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_printf (store, "SELECT count(*) FROM lines WHERE budget_id = %"
                                 G_GINT64_FORMAT, id), ==, outlay_document_get_n_lines (doc));
}

static void
test_failure_abort (Fixture *f, gconstpointer data)
{
  check_failed_command (f, "ABORT");
}

static void
test_failure_rollback (Fixture *f, gconstpointer data)
{
  check_failed_command (f, "ROLLBACK");
}

static void
test_schema_too_new (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = NULL;
  sqlite3 *db = raw_open (f->path);

  raw_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 99;");
  sqlite3_close (db);

  store = outlay_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_SCHEMA_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version of Outlay"));

  /* and the file was left alone */
  db = raw_open (f->path);
  g_assert_cmpint (outlay_test_query_int (db, "PRAGMA user_version"), ==, 99);
  g_assert_false (table_exists (db, "budgets"));
  sqlite3_close (db);
}

static void
test_not_a_database (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree char *garbage = g_malloc (4096);
  g_autofree char *contents = NULL;
  gsize length = 0;

  for (guint i = 0; i < 4096; i++)
    garbage[i] = (char) g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (f->path, garbage, 4096, &error));

  store = outlay_store_open (f->path, &error);
  g_assert_null (store);
  /* damaged or never a database: either way nothing is written to it */
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "is not an Outlay database"));
  g_assert_nonnull (strstr (error->message, f->path));
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (f->path, &contents, &length, &error));
  g_assert_cmpmem (contents, length, garbage, 4096);
}

static void
test_pragmas (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayStore) store = open_store (f->path);
  g_autofree char *mode = outlay_test_query_text (outlay_store_get_db (store), "PRAGMA journal_mode");
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (count (store, "PRAGMA foreign_keys"), ==, 1);
  /* so a line cannot point at a section that does not exist */
  g_assert_false (outlay_store_exec (store, "INSERT INTO lines (budget_id, section_id, position)"
                                            " VALUES (12345, 12345, 0)", &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_STORE);
}

static void
test_created (Fixture *f, gconstpointer data)
{
  {
    g_autoptr(OutlayStore) store = open_store (f->path);

    g_assert_true (outlay_store_get_created (store));
    g_assert_cmpstr (outlay_store_get_path (store), ==, f->path);
    g_assert_cmpint (count (store, "SELECT count(*) FROM budgets"), ==, 0);
  }
  {
    g_autoptr(OutlayStore) store = open_store (f->path);

    g_assert_false (outlay_store_get_created (store));
  }
}

/* ---- budgets ---- */

static gboolean
listed (OutlayStore *store, gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = outlay_store_list_budgets (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    if (outlay_budget_get_id (g_ptr_array_index (list, i)) == id)
      return TRUE;
  return FALSE;
}

static void
test_trash (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayStore) store = open_store (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *sql = NULL;
  gint64 keep = create (store, "aicp", "Keep");
  gint64 old = create (store, "sample", "Old");
  gint64 keep_lines = count_printf (store, "SELECT count(*) FROM lines WHERE budget_id = %"
                                    G_GINT64_FORMAT, keep);

  g_assert_true (listed (store, old));
  g_assert_true (outlay_store_trash_budget (store, old, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (listed (store, old));
  g_assert_true (listed (store, keep));
  g_assert_cmpint (outlay_store_find_budget (store, "Old", &error), ==, 0);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (outlay_store_trash_budget (store, old, FALSE, &error));
  g_assert_true (listed (store, old));
  g_assert_cmpint (outlay_store_find_budget (store, "Old", &error), ==, old);
  g_assert_no_error (error);

  /* purging deletes only what is in the trash, with its sections and lines */
  g_assert_true (outlay_store_trash_budget (store, old, TRUE, &error));
  g_assert_true (outlay_store_purge_trashed (store, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_printf (store, "SELECT count(*) FROM budgets WHERE id = %" G_GINT64_FORMAT,
                                 old), ==, 0);
  g_assert_cmpint (count_printf (store, "SELECT count(*) FROM sections WHERE budget_id = %"
                                 G_GINT64_FORMAT, old), ==, 0);
  g_assert_cmpint (count_printf (store, "SELECT count(*) FROM lines WHERE budget_id = %"
                                 G_GINT64_FORMAT, old), ==, 0);
  g_assert_cmpint (count_printf (store, "SELECT count(*) FROM lines WHERE budget_id = %"
                                 G_GINT64_FORMAT, keep), ==, keep_lines);
  g_assert_true (listed (store, keep));
  g_assert_null (outlay_store_load_document (store, old, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  sql = g_strdup_printf ("SELECT old_value FROM audit WHERE entity = 'budget' AND action = 'delete'"
                         " AND entity_id = %" G_GINT64_FORMAT, old);
  deleted = outlay_test_query_text (outlay_store_get_db (store), sql);
  g_assert_cmpstr (deleted, ==, "Old");
}

static void
test_duplicate (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayStore) store = open_store (f->path);
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(OutlayDocument) copy = NULL;
  g_autoptr(OutlayBudget) locked = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  OutlayTotals original, copied;
  OutlayBudget *budget;
  gint64 id, copy_id;

  id = create (store, "sample", NULL);
  doc = load (store, id);
  /* the copy takes the budget as it is now, not as the template was */
  g_assert_true (outlay_document_set_line_text (doc, outlay_document_lookup_line (doc, "1"),
                                                OUTLAY_LINE_ESTIMATE, "999.99", &error));
  g_assert_true (outlay_document_delete_section (doc, outlay_document_lookup_section (doc, "C"),
                                                 &error));
  locked = outlay_budget_copy (outlay_document_get_budget (doc));
  g_object_set (locked, "status", OUTLAY_BUDGET_STATUS_LOCKED, NULL);
  g_assert_true (outlay_document_update_budget (doc, locked, &error));
  g_assert_no_error (error);

  copy_id = outlay_store_duplicate_budget (store, id, "Copy of sample", &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy_id, >, 0);
  g_assert_cmpint (copy_id, !=, id);
  copy = load (store, copy_id);
  budget = outlay_document_get_budget (copy);
  g_assert_cmpstr (outlay_budget_get_name (budget), ==, "Copy of sample");
  g_assert_cmpint (outlay_budget_get_status (budget), ==, OUTLAY_BUDGET_STATUS_DRAFT);
  g_assert_cmpstr (outlay_budget_get_client (budget), ==,
                   outlay_budget_get_client (outlay_document_get_budget (doc)));
  g_assert_cmpuint (outlay_document_get_n_sections (copy), ==, 15);
  g_assert_cmpuint (outlay_document_get_n_lines (copy), ==, outlay_document_get_n_lines (doc));
  want = describe_body (doc);
  got = describe_body (copy);
  g_assert_cmpstr (got, ==, want);

  g_assert_true (outlay_store_get_budget_totals (store, id, &original, &error));
  g_assert_true (outlay_store_get_budget_totals (store, copy_id, &copied, &error));
  outlay_test_assert_totals_equal (&copied, &original);
  outlay_test_assert_totals_equal (&copied, outlay_document_get_totals (doc));

  /* the copy has rows of its own */
  g_assert_cmpint (count_printf (store, "SELECT count(*) FROM lines a JOIN lines b ON a.id = b.id"
                                 " WHERE a.budget_id = %" G_GINT64_FORMAT " AND b.budget_id = %"
                                 G_GINT64_FORMAT, id, copy_id), ==, 0);
  g_assert_true (outlay_document_set_line_text (copy, outlay_document_lookup_line (copy, "2"),
                                                OUTLAY_LINE_RATE, "1", &error));
  g_assert_no_error (error);
  g_assert_true (outlay_store_get_budget_totals (store, id, &copied, &error));
  outlay_test_assert_totals_equal (&copied, &original);
}

static void
test_find (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayStore) store = open_store (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *id_text = NULL;
  gint64 party = create (store, "blank", "Launch Party");
  gint64 review = create (store, "blank", "Launch Review");
  gint64 beta = create (store, "blank", "Beta");
  gint64 beta_ext = create (store, "blank", "Beta Extended");

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, review);
  g_assert_cmpint (outlay_store_find_budget (store, id_text, &error), ==, review);
  g_assert_cmpint (outlay_store_find_budget (store, "Launch Party", &error), ==, party);
  g_assert_cmpint (outlay_store_find_budget (store, "launch party", &error), ==, party);
  /* an exact name wins over names that contain it */
  g_assert_cmpint (outlay_store_find_budget (store, "beta", &error), ==, beta);
  g_assert_cmpint (outlay_store_find_budget (store, "extended", &error), ==, beta_ext);
  g_assert_cmpint (outlay_store_find_budget (store, "REVIEW", &error), ==, review);
  g_assert_no_error (error);

  g_assert_cmpint (outlay_store_find_budget (store, "launch", &error), ==, 0);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_AMBIGUOUS);
  g_assert_nonnull (strstr (error->message, "Launch Party"));
  g_assert_nonnull (strstr (error->message, "Launch Review"));
  g_assert_null (strstr (error->message, "Beta"));
  g_clear_error (&error);

  g_assert_cmpint (outlay_store_find_budget (store, "gamma", &error), ==, 0);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "gamma"));
  g_clear_error (&error);
  g_assert_cmpint (outlay_store_find_budget (store, "999999", &error), ==, 0);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* after a rename the new name finds it and the old one does not */
  g_assert_true (outlay_store_rename_budget (store, review, "Gamma Review", &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_store_find_budget (store, "gamma", &error), ==, review);
  g_assert_cmpint (outlay_store_find_budget (store, "launch", &error), ==, party);
  g_assert_no_error (error);
  g_assert_false (outlay_store_rename_budget (store, review, "", &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
}

static void
test_create_errors (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayStore) store = open_store (f->path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (outlay_store_create_budget (store, "nope", "X", NULL, &error), ==, 0);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (outlay_store_create_budget (store, "blank", "   ", NULL, &error), ==, 0);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM budgets"), ==, 0);
  g_assert_cmpint (outlay_store_create_budget (store, "event", "Gala", "EUR", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM budgets WHERE currency = 'EUR'"), ==, 1);
}

/* ---- cancelling a save ---- */

typedef struct
{
  GCancellable *cancellable;
  guint64       cancel_at;
  guint         calls;
} CancelData;

static void
cancel_progress_cb (guint64 done, guint64 total, gpointer user_data)
{
  CancelData *data = user_data;

  data->calls++;
  g_assert_cmpuint (done, <=, total);
  if (done >= data->cancel_at)
    g_cancellable_cancel (data->cancellable);
}

static void
assert_no_ids (OutlayDocument *doc)
{
  g_assert_cmpint (outlay_budget_get_id (outlay_document_get_budget (doc)), ==, 0);
  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);

      g_assert_cmpint (outlay_section_get_id (section), ==, 0);
      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        g_assert_cmpint (outlay_line_get_id (outlay_section_get_line (section, l)), ==, 0);
    }
}

static OutlayDocument *
build_big (guint n_lines)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayBudget) budget = outlay_budget_new ("Big");
  g_autoptr(OutlaySection) section = outlay_section_new ("A", "Everything");
  OutlayDocument *doc = outlay_document_new (budget);

  outlay_document_load_section (doc, section);
  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(OutlayLine) line = outlay_line_new ();

      outlay_line_load_decimal (line, OUTLAY_LINE_RATE, D (i % 100));
      outlay_line_load_decimal (line, OUTLAY_LINE_ESTIMATE, D (i % 100));
      outlay_document_load_line (doc, section, line);
    }
  g_assert_true (outlay_document_finish_load (doc, &error));
  g_assert_no_error (error);
  return doc;
}

static void
check_cancelled_save (OutlayStore *store, OutlayDocument *doc, guint64 cancel_at)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  CancelData data = { cancellable, cancel_at, 0 };
  gint64 n_audit = audit_rows (store);

  g_assert_false (outlay_store_save_new_document (store, doc, cancel_progress_cb, &data,
                                                  cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (data.calls, >=, 1);
  g_assert_true (g_cancellable_is_cancelled (cancellable));
  g_assert_cmpint (count (store, "SELECT count(*) FROM budgets"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM sections"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM lines"), ==, 0);
  g_assert_cmpint (audit_rows (store), ==, n_audit);
  g_assert_true (sqlite3_get_autocommit (outlay_store_get_db (store)));
  assert_no_ids (doc);
}

static void
test_save_cancelled (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayStore) store = open_store (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayDocument) sample = outlay_template_build ("sample", NULL, &error);
  g_autoptr(OutlayDocument) big = build_big (20000);
  OutlayTotals totals;

  g_assert_no_error (error);
  /* cancelled at the first report, before any line is written */
  check_cancelled_save (store, sample, 0);
  /* and half way through a big one */
  check_cancelled_save (store, big, 10000);

  /* the same documents save fine afterwards */
  g_assert_true (outlay_store_save_new_document (store, sample, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_budget_get_id (outlay_document_get_budget (sample)), >, 0);
  g_assert_true (outlay_store_save_new_document (store, big, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM lines"), ==,
                   outlay_document_get_n_lines (sample) + 20000);
  g_assert_true (outlay_store_get_budget_totals (
                   store, outlay_budget_get_id (outlay_document_get_budget (big)), &totals,
                   &error));
  outlay_test_assert_totals_equal (&totals, outlay_document_get_totals (big));
  /* 200 × (0 + 1 + … + 99) */
  g_assert_cmpint (totals.estimate, ==, D (990000));
  /* and now edits on them are written through */
  g_assert_true (outlay_document_set_line_text (sample, outlay_document_lookup_line (sample, "1"),
                                                OUTLAY_LINE_RATE, "900", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT rate FROM lines WHERE code = '1'"), ==, D (900));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/round-trip", test_round_trip);
  ADD ("/store/edit-persisted", test_edit_persisted);
  ADD ("/store/audit/update", test_audit_update);
  ADD ("/store/audit/snapshots", test_audit_snapshots);
  ADD ("/store/undo-after-another-budget", test_undo_after_other_budget);
  ADD ("/store/failure/abort", test_failure_abort);
  ADD ("/store/failure/rollback", test_failure_rollback);
  ADD ("/store/migrate/v1", test_migrate_v1);
  ADD ("/store/open/schema-too-new", test_schema_too_new);
  ADD ("/store/open/not-a-database", test_not_a_database);
  ADD ("/store/open/pragmas", test_pragmas);
  ADD ("/store/open/created", test_created);
  ADD ("/store/budgets/trash", test_trash);
  ADD ("/store/budgets/duplicate", test_duplicate);
  ADD ("/store/budgets/find", test_find);
  ADD ("/store/budgets/create-errors", test_create_errors);
  ADD ("/store/save/cancelled", test_save_cancelled);
#undef ADD
  return g_test_run ();
}
