/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "outlay-document.h"
#include "outlay-store.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_GEMINI_DIALOG (outlay_gemini_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OutlayGeminiDialog, outlay_gemini_dialog, OUTLAY, GEMINI_DIALOG, AdwWindow)

/* Ask Gemini (win.ask-gemini): the budget's AI analysis switch, one
 * request in a worker thread with a spinner and Cancel, then Gemini's
 * recommendations with their reasons, saved with source Gemini; a refused,
 * cut short or unreadable answer is said plainly and saves nothing.
 * @settings (nullable) gives the model and whether names may be sent.
 * "recommendations-saved" (gint64 budget id) follows a saved answer. */
OutlayGeminiDialog *outlay_gemini_dialog_new (GtkWindow *parent,
                                              OutlayStore *store,
                                              OutlayDocument *document,
                                              GSettings *settings);

G_END_DECLS
