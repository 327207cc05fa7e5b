/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-document.h"

G_BEGIN_DECLS

/* What an AI model is told about a budget: figures, overruns, burn and
 * patterns as summaries, never the rows, so a 100,000-line budget fits
 * the same budget of tokens as a small one. */

/* Upper bound of the context, in tokens at four characters a token */
#define OUTLAY_ADVICE_CONTEXT_MAX_TOKENS 6000

/* The context as plain text; names of people, vendors and the client
 * appear only with @allow_names.  Amounts are decimals with two places
 * in the budget's currency. */
char *outlay_advice_context_build (OutlayDocument *document, gboolean allow_names);

G_END_DECLS
