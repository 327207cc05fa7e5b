/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-store"

#include "config.h"

#include "outlay-store-advice.h"
#include "outlay-model-enum-types.h"
#include "outlay-store-recommendations.h"

void
outlay_advice_row_free (OutlayAdviceRow *row)
{
  if (row == NULL)
    return;
  g_free (row->kind);
  g_free (row->title);
  g_free (row->description);
  g_free (row->reasoning);
  g_free (row->line_code);
  g_free (row);
}

/* Gemini's advice has no line to change: its fingerprint is what it says,
 * so advice the user rejected is not offered again word for word. */
static OutlayRecommendation *
row_to_recommendation (OutlayAdviceRow *row, OutlayRecommendationSource source)
{
  g_autofree char *fingerprint = g_strdup_printf ("%s:%s:%s", source == OUTLAY_RECOMMENDATION_SOURCE_GEMINI ? "gemini" : "rules",
                                                  row->kind ? row->kind : "", row->title ? row->title : "");

  return g_object_new (
      OUTLAY_TYPE_RECOMMENDATION, "kind", row->kind, "title", row->title, "description",
      row->description, "estimated-savings", MAX (row->savings, 0), "confidence",
      (guint) CLAMP (row->confidence, 0, 100), "priority",
      outlay_enum_from_nick (OUTLAY_TYPE_PRIORITY, row->priority, OUTLAY_PRIORITY_MEDIUM),
      "reasoning", row->reasoning, "source", source, "fingerprint", fingerprint, "created",
      g_get_real_time () / G_USEC_PER_SEC, NULL);
}

/**
 * outlay_store_save_advice_rows:
 * @self: a store
 * @budget_id: the budget advised
 * @source: "gemini" or "rules"
 * @rows: (element-type OutlayAdviceRow): the advice
 * @error: why it failed
 *
 * Keeps @rows through outlay_store_save_advice(): the same rules for ids,
 * advice no longer given and advice the user acted on.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_store_save_advice_rows (OutlayStore *self,
                               gint64       budget_id,
                               const char  *source,
                               GPtrArray   *rows,
                               GError     **error)
{
  OutlayRecommendationSource s = g_strcmp0 (source, "gemini") == 0
                                     ? OUTLAY_RECOMMENDATION_SOURCE_GEMINI
                                     : OUTLAY_RECOMMENDATION_SOURCE_RULES;
  g_autoptr(GPtrArray) advice = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) saved = NULL;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (advice, row_to_recommendation (g_ptr_array_index (rows, i), s));
  saved = outlay_store_save_advice (self, budget_id, s, advice, error);
  return saved != NULL;
}
