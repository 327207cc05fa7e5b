/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-decimal.h"
#include "outlay-store.h"

G_BEGIN_DECLS

/* A recommendation as an adviser (the rules, Gemini) proposes it */
typedef struct
{
  char *kind; /* "cost-saving", "reallocation", "risk", "schedule" */
  char *title;
  char *description;
  OutlayDecimal savings; /* estimated, in the budget's currency */
  int confidence;        /* 0 … 100 */
  const char *priority;  /* "low", "medium", "high", "critical" */
  char *reasoning;
  char *line_code; /* the line it is about (named in the description), or NULL */
} OutlayAdviceRow;

void outlay_advice_row_free (OutlayAdviceRow *row);

/* Replaces @source's recommendations still marked new for @budget_id with
 * @rows (OutlayAdviceRow), in one transaction; accepted or rejected ones
 * stay (see outlay_store_save_advice()). */
gboolean outlay_store_save_advice_rows (OutlayStore *self,
                                   gint64 budget_id,
                                   const char *source,
                                   GPtrArray *rows,
                                   GError **error);

G_END_DECLS
