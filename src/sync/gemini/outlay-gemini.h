/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-decimal.h"
#include "outlay-http-client.h"

G_BEGIN_DECLS

/* The current Flash alias (CONTRACTS.md §4.7): model ids retire often */
#define OUTLAY_GEMINI_DEFAULT_MODEL "gemini-flash-latest"
/* Suggestions kept from one answer */
#define OUTLAY_GEMINI_MAX_RECOMMENDATIONS 20

/* Checks the key and that @model serves generateContent; returns the
 * model's display name. */
char *outlay_gemini_check (OutlayHttpClient *http,
                           const char *model,
                           GCancellable *cancellable,
                           GError **error);
/* The generateContent request for @context (text from the engine) */
JsonNode *
outlay_gemini_build_request (const char *model, const char *context, const char *currency);
/* Reads a GenerateContentResponse: a blocked prompt, a finishReason other
 * than STOP or text that is not the JSON asked for is an error saying so.
 * @recommendations gets the valid OutlayAdviceRow-like suggestions as
 * OutlayAdviceRow (see outlay-store-advice.h); @left_out counts the
 * invalid ones, with the first reason in @why. */
gboolean outlay_gemini_parse_answer (JsonNode *answer,
                                     OutlayDecimal max_savings,
                                     char **summary,
                                     GPtrArray **recommendations,
                                     guint *left_out,
                                     char **why,
                                     GError **error);
/* One request: asks @model for recommendations about @context. */
gboolean outlay_gemini_recommend (OutlayHttpClient *http,
                                  const char *model,
                                  const char *context,
                                  const char *currency,
                                  OutlayDecimal max_savings,
                                  char **summary,
                                  GPtrArray **recommendations,
                                  guint *left_out,
                                  char **why,
                                  GCancellable *cancellable,
                                  GError **error);

/* What one analysis brought back, already saved */
typedef struct
{
  char *summary;
  GPtrArray *recommendations; /* OutlayAdviceRow, as saved (source Gemini) */
  guint left_out;             /* suggestions that failed validation */
  char *why;                  /* the first one's reason */
} OutlayGeminiAdvice;

void outlay_gemini_advice_free (OutlayGeminiAdvice *advice);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayGeminiAdvice, outlay_gemini_advice_free)

/* Asks @model about @context (from outlay_advice_context_build()) in a
 * worker thread with the key in the keyring, and saves the answer as
 * @budget_id's Gemini recommendations through its own connection to
 * @database_path.  Nothing is saved when the answer is refused, cut short
 * or cancelled. */
void outlay_gemini_advise_async (const char *database_path,
                                 gint64 budget_id,
                                 const char *model,
                                 const char *context,
                                 const char *currency,
                                 OutlayDecimal max_savings,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
OutlayGeminiAdvice *outlay_gemini_advise_finish (GAsyncResult *result, GError **error);

G_END_DECLS
