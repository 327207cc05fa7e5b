/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GNOME Shell's search in the store (outlay_store_search()): budgets by
 * name and client, lines by code and description, every term anywhere,
 * whatever the case; and what it found follows the database when another
 * connection (the window's) or its own changes it, since the lines are
 * kept in memory between queries. */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "outlay-store-private.h"
#include "outlay-store-search.h"
#include "outlay-store.h"

typedef struct
{
  char *dir;
  char *path;
  OutlayStore *store;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("outlay-search-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "search.db", NULL);
  f->store = outlay_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_store_add_sample (f->store, NULL, &error));
  g_assert_no_error (error);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  for (guint i = 0; i < 3; i++)
    {
      const char *suffix[] = { "", "-wal", "-shm" };
      g_autofree char *file = g_strconcat (f->path, suffix[i], NULL);

      g_unlink (file);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static GPtrArray *
search (Fixture *f, const char *text)
{
  g_auto(GStrv) terms = g_strsplit (text, " ", -1);
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = outlay_store_search (f->store, (const char *const *) terms, 20, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static guint
count_lines (GPtrArray *hits)
{
  guint n = 0;

  for (guint i = 0; i < hits->len; i++)
    n += ((OutlaySearchHit *) g_ptr_array_index (hits, i))->line_id != 0;
  return n;
}

/* What another program (the window) writes, on a connection of its own */
static void
other_connection (Fixture *f, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_terms (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) budget = search (f, "BRIGHTWATER");
  g_autoptr(GPtrArray) two = NULL;
  g_autoptr(GPtrArray) none = NULL;
  OutlaySearchHit *hit;

  /* the sample budget by its name, whatever the case, before its lines */
  g_assert_cmpuint (budget->len, >=, 1);
  hit = g_ptr_array_index (budget, 0);
  g_assert_cmpint (hit->line_id, ==, 0);
  g_assert_nonnull (strstr (hit->budget_name, "Brightwater"));

  /* every term must be found, in the code or the description */
  two = search (f, "director photography");
  g_assert_cmpuint (count_lines (two), >=, 1);
  for (guint i = 0; i < two->len; i++)
    {
      hit = g_ptr_array_index (two, i);
      if (hit->line_id != 0)
        {
          g_autofree char *folded = g_utf8_casefold (hit->description, -1);

          g_assert_nonnull (strstr (folded, "director"));
          g_assert_nonnull (strstr (folded, "photography"));
        }
    }
  none = search (f, "director zzzzqqq");
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_follows_changes (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) before = search (f, "zebra");
  g_autoptr(GPtrArray) other = NULL;
  g_autoptr(GPtrArray) own = NULL;
  g_autoptr(GPtrArray) folded = NULL;
  g_autoptr(GPtrArray) trashed = NULL;
  g_autoptr(GError) error = NULL;
  OutlaySearchHit *hit;
  gint64 budget_id;

  g_assert_cmpuint (before->len, ==, 0);

  /* the window renames a line on its own connection */
  other_connection (f, "UPDATE lines SET description = 'Zebra wrangler' "
                       "WHERE id = (SELECT min(id) FROM lines)");
  other = search (f, "zebra");
  g_assert_cmpuint (count_lines (other), ==, 1);
  hit = g_ptr_array_index (other, 0);
  g_assert_cmpstr (hit->description, ==, "Zebra wrangler");
  budget_id = hit->budget_id;

  /* a change on the search's own connection is seen too */
  g_assert_true (outlay_store_exec (f->store,
                                    "UPDATE lines SET description = 'Ünïcode Straße' "
                                    "WHERE id = (SELECT max(id) FROM lines)",
                                    &error));
  g_assert_no_error (error);
  own = search (f, "STRASSE");
  /* casefolding turns ß into ss */
  g_assert_cmpuint (count_lines (own), ==, 1);
  folded = search (f, "ünïcode");
  g_assert_cmpuint (count_lines (folded), ==, 1);

  /* a trashed budget's lines are no longer found */
  g_assert_true (outlay_store_trash_budget (f->store, budget_id, TRUE, &error));
  g_assert_no_error (error);
  trashed = search (f, "zebra");
  g_assert_cmpuint (trashed->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/search/terms", Fixture, NULL, setup, test_terms, teardown);
  g_test_add ("/search/follows-changes", Fixture, NULL, setup, test_follows_changes, teardown);
  return g_test_run ();
}
