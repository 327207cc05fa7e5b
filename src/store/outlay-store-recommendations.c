/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-store"

/* Advice kept per budget: each run of the rules (or of Gemini) replaces the
 * advice of its source the user has not acted on, and never offers again
 * what the user rejected or implemented (matched by fingerprint).  Every
 * change of status is audited in its transaction. */

#include "config.h"

#include "outlay-store-recommendations.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "outlay-error.h"
#include "outlay-model-enum-types.h"
#include "outlay-store-private.h"

/**
 * outlay_store_foreach_rated_line_except:
 * @self: a store
 * @except_budget: a budget whose lines are left out (the one the rules
 *   look at, which is never compared with itself), or 0
 * @func: (scope call): called for each line with a rate above zero, in the
 *   budgets (not templates, not in the trash)
 * @user_data: for @func
 * @error: why it failed
 *
 * Reads each budget's lines through the lines_order index, so a big
 * budget left out costs nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_store_foreach_rated_line_except (OutlayStore *self,
                                        gint64 except_budget,
                                        OutlayRatedLineFunc func,
                                        gpointer user_data,
                                        GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), FALSE);
  stmt = outlay_store_statement (self,
                                 /* ANALYZE's statistics see few budgets and pick a scan
                                  * of every line: the index is named */
                                 "SELECT l.budget_id, l.description, l.unit, l.rate"
                                 " FROM budgets b CROSS JOIN lines l INDEXED BY lines_order"
                                 " ON l.budget_id = b.id"
                                 " WHERE b.is_template = 0 AND b.trashed = 0 AND b.id != ?"
                                 " AND l.rate > 0",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, except_budget);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
          (const char *) sqlite3_column_text (stmt, 2), sqlite3_column_int64 (stmt, 3), user_data);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || outlay_store_fail (self, error);
}

#define COLUMNS                                                                                    \
  "id, budget_id, kind, title, description, estimated_savings, confidence, priority, status,"      \
  " reasoning, source, patterns, created, fingerprint, action"

static OutlayRecommendation *
read_row (sqlite3_stmt *stmt)
{
  return g_object_new (
      OUTLAY_TYPE_RECOMMENDATION, "id", sqlite3_column_int64 (stmt, 0), "budget-id",
      sqlite3_column_int64 (stmt, 1), "kind", (const char *) sqlite3_column_text (stmt, 2), "title",
      (const char *) sqlite3_column_text (stmt, 3), "description",
      (const char *) sqlite3_column_text (stmt, 4), "estimated-savings",
      sqlite3_column_int64 (stmt, 5), "confidence",
      (guint) CLAMP (sqlite3_column_int (stmt, 6), 0, 100), "priority",
      outlay_enum_from_nick (OUTLAY_TYPE_PRIORITY, (const char *) sqlite3_column_text (stmt, 7),
                             OUTLAY_PRIORITY_MEDIUM),
      "status",
      outlay_enum_from_nick (OUTLAY_TYPE_RECOMMENDATION_STATUS,
                             (const char *) sqlite3_column_text (stmt, 8),
                             OUTLAY_RECOMMENDATION_STATUS_NEW),
      "reasoning", (const char *) sqlite3_column_text (stmt, 9), "source",
      outlay_enum_from_nick (OUTLAY_TYPE_RECOMMENDATION_SOURCE,
                             (const char *) sqlite3_column_text (stmt, 10),
                             OUTLAY_RECOMMENDATION_SOURCE_RULES),
      "patterns", (const char *) sqlite3_column_text (stmt, 11), "created",
      sqlite3_column_int64 (stmt, 12), "fingerprint", (const char *) sqlite3_column_text (stmt, 13),
      "action", (const char *) sqlite3_column_text (stmt, 14), NULL);
}

static gboolean
insert (OutlayStore *self, gint64 budget_id, OutlayRecommendation *r, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "INSERT INTO recommendations (budget_id, kind, title, description, estimated_savings,"
      " confidence, priority, status, reasoning, source, patterns, created, fingerprint, action)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'new', ?8, ?9, ?10, ?11, ?12, ?13)",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  outlay_store_bind_text (stmt, 2, outlay_recommendation_get_kind (r));
  outlay_store_bind_text (stmt, 3, outlay_recommendation_get_title (r));
  outlay_store_bind_text (stmt, 4, outlay_recommendation_get_description (r));
  sqlite3_bind_int64 (stmt, 5, outlay_recommendation_get_estimated_savings (r));
  sqlite3_bind_int (stmt, 6, (int) outlay_recommendation_get_confidence (r));
  outlay_store_bind_text (
      stmt, 7,
      outlay_enum_to_nick (OUTLAY_TYPE_PRIORITY, outlay_recommendation_get_priority (r), NULL));
  outlay_store_bind_text (stmt, 8, outlay_recommendation_get_reasoning (r));
  outlay_store_bind_text (stmt, 9,
                          outlay_enum_to_nick (OUTLAY_TYPE_RECOMMENDATION_SOURCE,
                                               outlay_recommendation_get_source (r), NULL));
  outlay_store_bind_text (stmt, 10, outlay_recommendation_get_patterns (r));
  sqlite3_bind_int64 (stmt, 11,
                      outlay_recommendation_get_created (r) > 0
                          ? outlay_recommendation_get_created (r)
                          : g_get_real_time () / G_USEC_PER_SEC);
  outlay_store_bind_text (stmt, 12, outlay_recommendation_get_fingerprint (r));
  outlay_store_bind_text (stmt, 13, outlay_recommendation_get_action (r));
  return outlay_store_step_done (self, stmt, error);
}

/* Fingerprints of the budget's advice the user already acted on. */
static GHashTable *
settled_fingerprints (OutlayStore *self, gint64 budget_id, GError **error)
{
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT fingerprint FROM recommendations"
      " WHERE budget_id = ?1 AND status != 'new' AND fingerprint IS NOT NULL",
      error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (set, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      outlay_store_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&set);
}

/* The budget's advice from @source nobody acted on yet: fingerprint → id. */
static GHashTable *
open_advice (OutlayStore *self, gint64 budget_id, OutlayRecommendationSource source, GError **error)
{
  g_autoptr(GHashTable) open = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT id, coalesce(fingerprint, 'id:' || id) FROM recommendations"
      " WHERE budget_id = ?1 AND status = 'new' AND source = ?2",
      error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  sqlite3_bind_text (stmt, 2, outlay_enum_to_nick (OUTLAY_TYPE_RECOMMENDATION_SOURCE, source, NULL),
                     -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (open, g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                           g_memdup2 (&id, sizeof id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      outlay_store_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&open);
}

/* Refreshes the words and figures of advice still open, keeping its id. */
static gboolean
update (OutlayStore *self, gint64 id, OutlayRecommendation *r, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "UPDATE recommendations SET kind = ?2, title = ?3, description = ?4, estimated_savings = ?5,"
      " confidence = ?6, priority = ?7, reasoning = ?8, patterns = ?9, action = ?10 WHERE id = ?1",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  outlay_store_bind_text (stmt, 2, outlay_recommendation_get_kind (r));
  outlay_store_bind_text (stmt, 3, outlay_recommendation_get_title (r));
  outlay_store_bind_text (stmt, 4, outlay_recommendation_get_description (r));
  sqlite3_bind_int64 (stmt, 5, outlay_recommendation_get_estimated_savings (r));
  sqlite3_bind_int (stmt, 6, (int) outlay_recommendation_get_confidence (r));
  outlay_store_bind_text (
      stmt, 7,
      outlay_enum_to_nick (OUTLAY_TYPE_PRIORITY, outlay_recommendation_get_priority (r), NULL));
  outlay_store_bind_text (stmt, 8, outlay_recommendation_get_reasoning (r));
  outlay_store_bind_text (stmt, 9, outlay_recommendation_get_patterns (r));
  outlay_store_bind_text (stmt, 10, outlay_recommendation_get_action (r));
  return outlay_store_step_done (self, stmt, error);
}

static gboolean
delete_by_id (OutlayStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (self, "DELETE FROM recommendations WHERE id = ?1",
                                               error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return outlay_store_step_done (self, stmt, error);
}

/* Advice given again keeps its id (so "recommendation implement 3" means
 * the same thing after another run), new advice is added, advice no
 * longer given goes, and advice the user acted on is not offered again. */
static gboolean
save_advice (OutlayStore *self,
             gint64 budget_id,
             OutlayRecommendationSource source,
             GPtrArray *advice,
             guint *n_saved,
             GError **error)
{
  g_autoptr(GHashTable) settled = settled_fingerprints (self, budget_id, error);
  g_autoptr(GHashTable) open = settled ? open_advice (self, budget_id, source, error) : NULL;
  g_autofree char *count = NULL;
  GHashTableIter iter;
  gpointer id;

  if (open == NULL)
    return FALSE;
  *n_saved = 0;
  for (guint i = 0; i < advice->len; i++)
    {
      OutlayRecommendation *r = advice->pdata[i];
      const char *fp = outlay_recommendation_get_fingerprint (r);
      gint64 *existing = fp != NULL ? g_hash_table_lookup (open, fp) : NULL;

      if (fp != NULL && g_hash_table_contains (settled, fp))
        continue;
      g_object_set (r, "source", source, NULL);
      if (existing != NULL)
        {
          if (!update (self, *existing, r, error))
            return FALSE;
          g_hash_table_remove (open, fp);
        }
      else if (!insert (self, budget_id, r, error))
        return FALSE;
      (*n_saved)++;
    }
  g_hash_table_iter_init (&iter, open);
  while (g_hash_table_iter_next (&iter, NULL, &id))
    if (!delete_by_id (self, *(gint64 *) id, error))
      return FALSE;
  count = g_strdup_printf ("%u", *n_saved);
  return outlay_store_audit (self, budget_id, "recommendations", budget_id, "advise",
                             outlay_enum_to_nick (OUTLAY_TYPE_RECOMMENDATION_SOURCE, source, NULL),
                             NULL, count, error);
}

/**
 * outlay_store_save_advice:
 * @self: a store
 * @budget_id: the budget advised
 * @source: who gave the advice (the rules or Gemini)
 * @advice: (element-type OutlayRecommendation): what it said
 * @error: why it failed
 *
 * Replaces the budget's open advice from @source with @advice, in one
 * transaction: advice given again keeps its id, advice no longer given
 * goes, and what the user already accepted, rejected or implemented is
 * not offered again.
 *
 * Returns: (transfer container) (element-type OutlayRecommendation) (nullable):
 *   the budget's advice after the change, as outlay_store_list_recommendations()
 */
GPtrArray *
outlay_store_save_advice (OutlayStore *self,
                          gint64 budget_id,
                          OutlayRecommendationSource source,
                          GPtrArray *advice,
                          GError **error)
{
  guint n_saved = 0;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), NULL);
  g_return_val_if_fail (advice != NULL, NULL);
  if (!outlay_store_exec (self, "BEGIN IMMEDIATE", error))
    return NULL;
  if (!save_advice (self, budget_id, source, advice, &n_saved, error)
      || !outlay_store_exec (self, "COMMIT", error))
    {
      outlay_store_exec (self, "ROLLBACK", NULL);
      return NULL;
    }
  return outlay_store_list_recommendations (self, budget_id, error);
}

/**
 * outlay_store_list_recommendations:
 * @self: a store
 * @budget_id: a budget
 * @error: why it failed
 *
 * Returns: (transfer container) (element-type OutlayRecommendation) (nullable):
 *   the budget's advice: new first, then by priority and what it saves
 */
GPtrArray *
outlay_store_list_recommendations (OutlayStore *self, gint64 budget_id, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), NULL);
  stmt = outlay_store_statement (
      self,
      "SELECT " COLUMNS " FROM recommendations WHERE budget_id = ?1"
      " ORDER BY status != 'new',"
      " CASE priority WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END,"
      " estimated_savings DESC, id",
      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      outlay_store_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/**
 * outlay_store_get_recommendation:
 * @self: a store
 * @id: a recommendation
 * @error: %OUTLAY_ERROR_NOT_FOUND when there is none
 *
 * Returns: (transfer full) (nullable): the recommendation
 */
OutlayRecommendation *
outlay_store_get_recommendation (OutlayStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *stmt;
  OutlayRecommendation *r = NULL;
  int rc;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), NULL);
  stmt = outlay_store_statement (self, "SELECT " COLUMNS " FROM recommendations WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    r = read_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return r;
  if (rc == SQLITE_DONE)
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                 _("There is no recommendation %" PRId64), id);
  else
    outlay_store_fail (self, error);
  return NULL;
}

static gboolean
set_status (OutlayStore *self,
            OutlayRecommendation *r,
            OutlayRecommendationStatus status,
            GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self, "UPDATE recommendations SET status = ?2 WHERE id = ?1", error);
  const char *old_nick = outlay_enum_to_nick (OUTLAY_TYPE_RECOMMENDATION_STATUS,
                                              outlay_recommendation_get_status (r), NULL);
  const char *new_nick = outlay_enum_to_nick (OUTLAY_TYPE_RECOMMENDATION_STATUS, status, NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, outlay_recommendation_get_id (r));
  sqlite3_bind_text (stmt, 2, new_nick, -1, SQLITE_STATIC);
  return outlay_store_step_done (self, stmt, error)
         && outlay_store_audit (self, outlay_recommendation_get_budget_id (r), "recommendation",
                                outlay_recommendation_get_id (r), "update", "status", old_nick,
                                new_nick, error);
}

/**
 * outlay_store_set_recommendation_status:
 * @self: a store
 * @id: a recommendation
 * @status: what the user did with it
 * @error: why it failed
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_store_set_recommendation_status (OutlayStore *self,
                                        gint64 id,
                                        OutlayRecommendationStatus status,
                                        GError **error)
{
  g_autoptr(OutlayRecommendation) r = NULL;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), FALSE);
  if (!outlay_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if ((r = outlay_store_get_recommendation (self, id, error)) == NULL
      || !set_status (self, r, status, error) || !outlay_store_exec (self, "COMMIT", error))
    {
      outlay_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}
