/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Deleting budgets (the undo toast) and edits to rows that are gone. */

#include "config.h"

#include "outlay-error.h"
#include "outlay-store-private.h"
#include "outlay-test-util.h"

typedef struct
{
  char        *dir;
  char        *path;
  OutlayStore *store;
} Fixture;

static void
set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = outlay_test_make_dir ();
  f->path = g_build_filename (f->dir, "outlay.db", NULL);
  f->store = outlay_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  outlay_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
create (Fixture *f, const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = outlay_store_create_budget (f->store, "sample", name, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
count_budgets (Fixture *f)
{
  return outlay_test_query_int (outlay_store_get_db (f->store), "SELECT count(*) FROM budgets");
}

/* Delete A, delete B, B's toast times out: only B goes; A can still come
 * back from its own toast. */
static void
test_purge_one (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = create (f, "A"), b = create (f, "B");

  g_assert_true (outlay_store_trash_budget (f->store, a, TRUE, &error));
  g_assert_true (outlay_store_trash_budget (f->store, b, TRUE, &error));
  g_assert_true (outlay_store_purge_trashed (f->store, b, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_budgets (f), ==, 1);
  g_assert_true (outlay_store_trash_budget (f->store, a, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_store_find_budget (f->store, "A", &error), ==, a);

  /* purging a budget that is not in the trash leaves it alone */
  g_assert_true (outlay_store_purge_trashed (f->store, a, &error));
  g_assert_cmpint (count_budgets (f), ==, 1);
}

static void
test_restore_purged (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = create (f, "A");

  g_assert_true (outlay_store_trash_budget (f->store, a, TRUE, &error));
  g_assert_true (outlay_store_purge_trashed (f->store, 0, &error));
  g_assert_false (outlay_store_trash_budget (f->store, a, FALSE, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
  g_assert_cmpint (count_budgets (f), ==, 0);
}

/* Another window or program deleted the budget that is open here. */
static void
test_edit_gone (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) other = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  OutlayLine *line;
  gint64 a = create (f, "A");

  doc = outlay_store_load_document (f->store, a, &error);
  g_assert_no_error (error);
  before = outlay_test_describe (doc);
  other = outlay_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_store_trash_budget (other, a, TRUE, &error));
  g_assert_true (outlay_store_purge_trashed (other, a, &error));

  line = outlay_section_get_line (outlay_document_get_section (doc, 0), 0);
  g_assert_false (outlay_document_set_line_text (doc, line, OUTLAY_LINE_RATE, "999", &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (outlay_document_delete_lines (doc, &line, 1, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = outlay_test_describe (doc);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (outlay_document_can_undo (doc));
  outlay_test_assert_totals_consistent (doc);
}

/* Deleting a section keeps each of its lines' values in the audit trail. */
static void
test_section_delete_audit (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  sqlite3 *db = outlay_store_get_db (f->store);
  OutlaySection *section;
  guint n;

  doc = outlay_store_load_document (f->store, create (f, "A"), &error);
  g_assert_no_error (error);
  section = outlay_document_get_section (doc, 0);
  n = outlay_section_get_n_lines (section);
  g_assert_cmpuint (n, >, 0);
  g_assert_true (outlay_document_delete_section (doc, section, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM audit WHERE entity = 'line'"
                                          " AND action = 'delete'"
                                          " AND json_extract(old_value, '$.rate') IS NOT NULL"),
                   ==, n);
  g_assert_true (outlay_document_undo (doc, &error));
  g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM audit WHERE entity = 'line'"
                                          " AND action = 'insert'"), ==, n);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)
  ADD ("/store/trash/purge-one", test_purge_one);
  ADD ("/store/trash/restore-purged", test_restore_purged);
  ADD ("/store/gone/edit", test_edit_gone);
  ADD ("/store/audit/section-delete", test_section_delete_audit);
  return g_test_run ();
}
