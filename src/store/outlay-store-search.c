/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-store-search"

/* Finding budgets and lines by a few words, for GNOME Shell's search: the
 * first word narrows the rows in SQL (LIKE, which folds ASCII case only),
 * every word is then checked case-folded in C. */

#include "config.h"

#include <string.h>

#include "outlay-store-private.h"
#include "outlay-store-search.h"

void
outlay_search_hit_free (OutlaySearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->budget_name);
  g_free (hit->client);
  g_free (hit->code);
  g_free (hit->description);
  g_free (hit);
}

/* "%part%" for LIKE with its wildcards escaped, where part is the longest
 * run of ASCII in @term: SQLite folds only ASCII case, so a word with other
 * letters ("Überstunden") narrows the rows by its ASCII part ("berstunden")
 * and C checks the whole word; "%" (every row) when no run of two is left. */
static char *
like_pattern (const char *term)
{
  const char *best = term, *run = term;
  gsize best_len = 0;
  GString *pattern = g_string_new ("%");

  for (const char *p = term;; p++)
    {
      if (*p == '\0' || (guchar) *p >= 0x80)
        {
          if ((gsize) (p - run) > best_len)
            best = run, best_len = p - run;
          if (*p == '\0')
            break;
          run = p + 1;
        }
    }
  if (best_len < 2 && best_len != strlen (term))
    best_len = 0;
  for (gsize i = 0; i < best_len; i++)
    {
      if (best[i] == '%' || best[i] == '_' || best[i] == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, best[i]);
    }
  if (best_len > 0)
    g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

/* Whether @a or @b holds every one of the case-folded @folded. */
static gboolean
matches_all (GPtrArray *folded, const char *a, const char *b)
{
  g_autofree char *text = g_strconcat (a, "\n", b, NULL);
  g_autofree char *haystack = g_utf8_casefold (text, -1);

  for (guint i = 0; i < folded->len; i++)
    if (strstr (haystack, g_ptr_array_index (folded, i)) == NULL)
      return FALSE;
  return TRUE;
}

static const char *
column_text (sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static OutlaySearchHit *
read_hit (sqlite3_stmt *stmt)
{
  OutlaySearchHit *hit = g_new0 (OutlaySearchHit, 1);

  hit->budget_id = sqlite3_column_int64 (stmt, 0);
  hit->line_id = sqlite3_column_int64 (stmt, 1);
  hit->budget_name = g_strdup (column_text (stmt, 2));
  hit->client = g_strdup (column_text (stmt, 3));
  hit->code = g_strdup (column_text (stmt, 4));
  hit->description = g_strdup (column_text (stmt, 5));
  return hit;
}

/* Steps @stmt, keeping at most @max rows whose columns @a and @b match. */
static gboolean
collect (OutlayStore *self,
         sqlite3_stmt *stmt,
         GPtrArray *folded,
         int a,
         int b,
         guint max,
         GPtrArray *hits,
         GError **error)
{
  guint kept = 0;
  int rc = SQLITE_DONE;

  while (kept < max && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (matches_all (folded, column_text (stmt, a), column_text (stmt, b)))
      {
        g_ptr_array_add (hits, read_hit (stmt));
        kept++;
      }
  if (kept < max && rc != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return outlay_store_fail (self, error);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * outlay_store_search:
 * @self: the store
 * @terms: the words searched for
 * @max_lines: how many lines at most
 * @error: where a database error goes
 *
 * Returns: (transfer full) (element-type OutlaySearchHit): budgets, then lines
 */
/* Every line, case-folded once and kept in memory for as
 * long as the database is unchanged (on this connection or any other:
 * the search provider's connection sees the window's edits through
 * PRAGMA data_version), so each query of a search-as-you-type is a scan of
 * memory rather than of the lines table: a few milliseconds for 100,000
 * lines instead of about 40. Trashed budgets and templates are left out
 * when a match is looked up. */
typedef struct
{
  gint64 budget_id;
  gint64 line_id;
  gsize text; /* offset of the folded "code\ndescription" in the index's text */
} IndexEntry;

typedef struct
{
  gint64 data_version;
  gint64 changes;
  GArray *entries;
  GString *text;
} LineIndex;

#define LINE_INDEX_KEY "outlay-search-line-index"

static void
line_index_free (LineIndex *index)
{
  g_array_unref (index->entries);
  g_string_free (index->text, TRUE);
  g_free (index);
}

/* g_utf8_casefold() without its allocation for the usual all-ASCII text */
static void
append_folded (GString *out, const char *text)
{
  const char *p;

  for (p = text; *p != '\0' && (guchar) *p < 0x80; p++)
    ;
  if (*p == '\0')
    {
      for (p = text; *p != '\0'; p++)
        g_string_append_c (out, g_ascii_tolower (*p));
    }
  else
    {
      g_autofree char *folded = g_utf8_casefold (text, -1);

      g_string_append (out, folded);
    }
}

static LineIndex *
line_index (OutlayStore *self, GError **error)
{
  LineIndex *index = g_object_get_data (G_OBJECT (self), LINE_INDEX_KEY);
  gint64 version = outlay_store_get_data_version (self);
  gint64 changes = sqlite3_total_changes64 (outlay_store_get_db (self));
  sqlite3_stmt *stmt;
  int rc;

  if (index != NULL && index->data_version == version && index->changes == changes)
    return index;
  stmt = outlay_store_statement (
      self, "SELECT budget_id, id, COALESCE(code, ''), COALESCE(description, '') FROM lines",
      error);
  if (stmt == NULL)
    return NULL;
  index = g_new0 (LineIndex, 1);
  index->data_version = version;
  index->changes = changes;
  index->entries = g_array_new (FALSE, FALSE, sizeof (IndexEntry));
  index->text = g_string_new (NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IndexEntry entry = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                           index->text->len };

      append_folded (index->text, column_text (stmt, 2));
      g_string_append_c (index->text, '\n');
      append_folded (index->text, column_text (stmt, 3));
      g_string_append_c (index->text, '\0');
      g_array_append_val (index->entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      line_index_free (index);
      outlay_store_fail (self, error);
      return NULL;
    }
  g_object_set_data_full (G_OBJECT (self), LINE_INDEX_KEY, index, (GDestroyNotify) line_index_free);
  return index;
}

static gboolean
search_lines (OutlayStore *self, GPtrArray *folded, guint max, GPtrArray *hits, GError **error)
{
  LineIndex *index = line_index (self, error);
  sqlite3_stmt *stmt;

  if (index == NULL)
    return FALSE;
  stmt = outlay_store_statement (
      self,
      "SELECT l.budget_id, l.id, b.name, COALESCE(b.client, ''), COALESCE(l.code, ''),"
      " COALESCE(l.description, '') FROM lines l JOIN budgets b ON b.id = l.budget_id"
      " WHERE l.id = ? AND b.trashed = 0 AND b.is_template = 0",
      error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0, kept = 0; i < index->entries->len && kept < max; i++)
    {
      const IndexEntry *entry = &g_array_index (index->entries, IndexEntry, i);
      const char *haystack = index->text->str + entry->text;
      gboolean all = TRUE;
      int rc;

      for (guint t = 0; t < folded->len && all; t++)
        all = strstr (haystack, g_ptr_array_index (folded, t)) != NULL;
      if (!all)
        continue;
      sqlite3_bind_int64 (stmt, 1, entry->line_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          g_ptr_array_add (hits, read_hit (stmt));
          kept++;
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return outlay_store_fail (self, error);
    }
  return TRUE;
}

/**
 * outlay_store_search_prepare:
 * @self: a store
 * @error: where to say why the lines could not be read
 *
 * Reads the lines outlay_store_search() looks through, ahead of the first
 * query (they are read again only once the database has changed).
 *
 * Returns: %TRUE when ready
 */
gboolean
outlay_store_search_prepare (OutlayStore *self, GError **error)
{
  g_return_val_if_fail (OUTLAY_IS_STORE (self), FALSE);

  return line_index (self, error) != NULL;
}

GPtrArray *
outlay_store_search (OutlayStore *self, const char *const *terms, guint max_lines, GError **error)
{
  g_autoptr(GPtrArray)
                 hits = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_search_hit_free);
  g_autoptr(GPtrArray) folded = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *pattern = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), NULL);
  g_return_val_if_fail (terms != NULL, NULL);

  for (guint i = 0; terms[i] != NULL; i++)
    if (*terms[i] != '\0')
      g_ptr_array_add (folded, g_utf8_casefold (terms[i], -1));
  if (folded->len == 0)
    return g_steal_pointer (&hits);
  pattern = like_pattern (terms[0]);

  stmt = outlay_store_statement (
      self,
      "SELECT id, 0, name, COALESCE(client, ''), '', '' FROM budgets"
      " WHERE trashed = 0 AND is_template = 0"
      " AND (name LIKE ?1 ESCAPE '\\' OR client LIKE ?1 ESCAPE '\\') ORDER BY modified DESC",
      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
  if (!collect (self, stmt, folded, 2, 3, G_MAXUINT, hits, error))
    return NULL;

  return search_lines (self, folded, max_lines, hits, error) ? g_steal_pointer (&hits) : NULL;
}

/**
 * outlay_store_search_line:
 * @self: a store
 * @line_id: a line's id
 * @error: a database error
 *
 * Returns: (transfer full) (nullable): the line as a search would find
 *   it (its budget's name, its code and description); %NULL without an
 *   error when there is no such line
 */
OutlaySearchHit *
outlay_store_search_line (OutlayStore *self, gint64 line_id, GError **error)
{
  sqlite3_stmt *stmt;
  OutlaySearchHit *hit = NULL;
  int rc;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), NULL);
  stmt = outlay_store_statement (
      self,
      "SELECT l.budget_id, l.id, b.name, COALESCE(b.client, ''), COALESCE(l.code, ''),"
      " COALESCE(l.description, '') FROM lines l JOIN budgets b ON b.id = l.budget_id"
      " WHERE l.id = ?",
      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, line_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    hit = read_hit (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    outlay_store_fail (self, error);
  return hit;
}
