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

  stmt = outlay_store_statement (
      self,
      "SELECT l.budget_id, l.id, b.name, COALESCE(b.client, ''), COALESCE(l.code, ''),"
      " COALESCE(l.description, '') FROM lines l JOIN budgets b ON b.id = l.budget_id"
      " WHERE b.trashed = 0 AND b.is_template = 0"
      " AND (l.description LIKE ?1 ESCAPE '\\' OR l.code LIKE ?1 ESCAPE '\\')",
      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
  if (!collect (self, stmt, folded, 4, 5, max_lines, hits, error))
    return NULL;
  return g_steal_pointer (&hits);
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
