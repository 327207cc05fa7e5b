/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-store.h"

G_BEGIN_DECLS

/* One thing a search found: a budget (line_id 0) or one of its lines. */
typedef struct
{
  gint64 budget_id;
  gint64 line_id;
  char *budget_name;
  char *client;      /* "" when none */
  char *code;        /* a line's, "" for a budget */
  char *description; /* a line's, "" for a budget */
} OutlaySearchHit;

void outlay_search_hit_free (OutlaySearchHit *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlaySearchHit, outlay_search_hit_free)

/* Budgets whose name or client, and lines whose code or description,
 * contain every one of @terms (case-insensitive), budgets first, at most
 * @max_lines lines; templates and budgets in the trash are left out.
 * Returns: (transfer full) (element-type OutlaySearchHit): the hits */
GPtrArray *
outlay_store_search (OutlayStore *self, const char *const *terms, guint max_lines, GError **error);

gboolean outlay_store_search_prepare (OutlayStore *self, GError **error);
OutlaySearchHit *outlay_store_search_line (OutlayStore *self, gint64 line_id, GError **error);

G_END_DECLS
