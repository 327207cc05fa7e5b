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
JsonNode *outlay_gemini_build_request (const char *context, const char *currency);
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

G_END_DECLS
