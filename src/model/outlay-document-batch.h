/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-document.h"

G_BEGIN_DECLS

/* Many line edits, inserts and deletes as one undoable command in one
 * transaction (a sync's changes): collect them, then commit once. */
typedef struct _OutlayLineBatch OutlayLineBatch;

OutlayLineBatch *outlay_line_batch_new (OutlayDocument *document);
void outlay_line_batch_free (OutlayLineBatch *batch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayLineBatch, outlay_line_batch_free)

/* @line's @field becomes @text (a text field) */
gboolean outlay_line_batch_set_text (OutlayLineBatch *batch,
                                     OutlayLine *line,
                                     OutlayLineField field,
                                     const char *text,
                                     GError **error);
/* @field becomes @value; an estimate set this way counts as typed */
void outlay_line_batch_set_decimal (OutlayLineBatch *batch,
                                    OutlayLine *line,
                                    OutlayLineField field,
                                    OutlayDecimal value);
/* The estimate goes back to qty × multiplier × rate */
void outlay_line_batch_reset_estimate (OutlayLineBatch *batch, OutlayLine *line);
/* Appends the new @line (not in any document) at the end of @section */
void outlay_line_batch_append (OutlayLineBatch *batch, OutlaySection *section, OutlayLine *line);
gboolean outlay_line_batch_delete (OutlayLineBatch *batch, OutlayLine *line, GError **error);
/* What a line would look like after the batch (for planning) */
OutlayDecimal
outlay_line_batch_get_decimal (OutlayLineBatch *batch, OutlayLine *line, OutlayLineField field);
guint outlay_line_batch_get_n_changes (OutlayLineBatch *batch);
/* Runs everything as one command labelled @label; nothing changes on
 * failure.  A batch with no changes succeeds without a command. */
gboolean outlay_line_batch_commit (OutlayLineBatch *batch, const char *label, GError **error);

G_END_DECLS
