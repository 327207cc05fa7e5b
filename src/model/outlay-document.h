/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "outlay-budget.h"
#include "outlay-commitment.h"
#include "outlay-line.h"
#include "outlay-section.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_DOCUMENT (outlay_document_get_type ())

G_DECLARE_FINAL_TYPE (OutlayDocument, outlay_document, OUTLAY, DOCUMENT, GObject)

OutlayDocument     *outlay_document_new              (OutlayBudget        *budget);
OutlayBudget       *outlay_document_get_budget       (OutlayDocument      *self);
guint               outlay_document_get_n_sections   (OutlayDocument      *self);
OutlaySection      *outlay_document_get_section      (OutlayDocument      *self,
                                                      guint                index);
gboolean            outlay_document_find_section     (OutlayDocument      *self,
                                                      OutlaySection       *section,
                                                      guint               *index);
OutlaySection      *outlay_document_lookup_section   (OutlayDocument      *self,
                                                      const char          *code);
OutlayLine         *outlay_document_lookup_line      (OutlayDocument      *self,
                                                      const char          *code);
guint               outlay_document_get_n_lines      (OutlayDocument      *self);
const OutlayTotals *outlay_document_get_totals       (OutlayDocument      *self);
gboolean            outlay_document_sum_totals       (OutlayDocument      *self,
                                                      OutlayTotals        *out);
gboolean            outlay_document_get_read_only    (OutlayDocument      *self);
void                outlay_document_set_frozen       (OutlayDocument      *self,
                                                      const char          *name,
                                                      const char          *reason);
const char         *outlay_document_get_frozen_name  (OutlayDocument      *self);
void outlay_document_set_frozen_saved (OutlayDocument *self, gint64 saved);
gint64 outlay_document_get_frozen_saved (OutlayDocument *self);

/* Edits: each is one undoable command, written through the sink at once. */
gboolean            outlay_document_set_line_text    (OutlayDocument      *self,
                                                      OutlayLine          *line,
                                                      OutlayLineField      field,
                                                      const char          *text,
                                                      GError             **error);
gboolean            outlay_document_set_line_decimal (OutlayDocument      *self,
                                                      OutlayLine          *line,
                                                      OutlayLineField      field,
                                                      OutlayDecimal        value,
                                                      GError             **error);
gboolean            outlay_document_reset_estimate   (OutlayDocument      *self,
                                                      OutlayLine          *line,
                                                      GError             **error);
OutlayLine         *outlay_document_insert_line      (OutlayDocument      *self,
                                                      OutlaySection       *section,
                                                      guint                index,
                                                      OutlayLine          *line,
                                                      GError             **error);
gboolean            outlay_document_delete_lines     (OutlayDocument      *self,
                                                      OutlayLine         **lines,
                                                      guint                n_lines,
                                                      GError             **error);
gboolean            outlay_document_move_line        (OutlayDocument      *self,
                                                      OutlayLine          *line,
                                                      OutlaySection       *to_section,
                                                      guint                to_index,
                                                      GError             **error);
gboolean            outlay_document_paste            (OutlayDocument      *self,
                                                      OutlaySection       *section,
                                                      guint                start_index,
                                                      const OutlayLineField *columns,
                                                      guint                n_columns,
                                                      const char          *tsv,
                                                      GError             **error);
gboolean outlay_document_paste_insert (OutlayDocument *self,
                                       OutlaySection *section,
                                       guint start_index,
                                       const OutlayLineField *columns,
                                       guint n_columns,
                                       const char *tsv,
                                       GError **error);
guint outlay_document_paste_count_spent (OutlayDocument *self,
                                         OutlaySection *section,
                                         guint start_index,
                                         const char *tsv);
OutlaySection      *outlay_document_add_section      (OutlayDocument      *self,
                                                      guint                index,
                                                      const char          *code,
                                                      const char          *name,
                                                      GError             **error);
gboolean            outlay_document_update_section   (OutlayDocument      *self,
                                                      OutlaySection       *section,
                                                      const char          *code,
                                                      const char          *name,
                                                      OutlayDecimal        fringe,
                                                      GError             **error);
gboolean            outlay_document_delete_section   (OutlayDocument      *self,
                                                      OutlaySection       *section,
                                                      GError             **error);
gboolean            outlay_document_move_section     (OutlayDocument      *self,
                                                      OutlaySection       *section,
                                                      guint                to_index,
                                                      GError             **error);
gboolean            outlay_document_set_budget_value (OutlayDocument      *self,
                                                      const char          *property,
                                                      const GValue        *value,
                                                      GError             **error);
gboolean            outlay_document_update_budget    (OutlayDocument      *self,
                                                      OutlayBudget        *edited,
                                                      GError             **error);
gboolean            outlay_document_restore          (OutlayDocument      *self,
                                                      OutlayDocument      *version,
                                                      GError             **error);

/* Money control (outlay-document-commitments.c) */
OutlayDecimal outlay_document_get_budgeted (OutlayDocument *self);
gboolean outlay_document_get_budgeted_is_allocation (OutlayDocument *self);
OutlayDecimal outlay_document_get_available (OutlayDocument *self);
guint outlay_document_get_n_commitments (OutlayDocument *self);
OutlayCommitment *outlay_document_get_commitment (OutlayDocument *self, guint index);
OutlayCommitment *outlay_document_lookup_commitment (OutlayDocument *self, const char *reference);
guint outlay_document_count_line_commitments (OutlayDocument *self, OutlayLine *line);
gboolean outlay_document_add_commitment (OutlayDocument *self,
                                         OutlayCommitment *commitment,
                                         OutlaySection *section,
                                         OutlayLine *line,
                                         GError **error);
gboolean outlay_document_update_commitment (OutlayDocument *self,
                                            OutlayCommitment *commitment,
                                            OutlayCommitment *edited,
                                            OutlaySection *section,
                                            OutlayLine *line,
                                            GError **error);
gboolean outlay_document_order_commitment (OutlayDocument *self,
                                           OutlayCommitment *commitment,
                                           GError **error);
gboolean outlay_document_invoice_commitment (OutlayDocument *self,
                                             OutlayCommitment *commitment,
                                             OutlayDecimal amount,
                                             GError **error);
gboolean outlay_document_close_commitment (OutlayDocument *self,
                                           OutlayCommitment *commitment,
                                           GError **error);
gboolean outlay_document_cancel_commitment (OutlayDocument *self,
                                            OutlayCommitment *commitment,
                                            GError **error);
gboolean outlay_document_delete_commitment (OutlayDocument *self,
                                            OutlayCommitment *commitment,
                                            GError **error);

gboolean            outlay_document_can_undo         (OutlayDocument      *self);
gboolean            outlay_document_can_redo         (OutlayDocument      *self);
const char         *outlay_document_get_undo_label   (OutlayDocument      *self);
const char         *outlay_document_get_redo_label   (OutlayDocument      *self);
/**
 * OutlayCommandState:
 * @OUTLAY_COMMAND_DONE: on the undo stack
 * @OUTLAY_COMMAND_UNDONE: on the redo stack
 * @OUTLAY_COMMAND_FORGOTTEN: on neither
 */
typedef enum
{
  OUTLAY_COMMAND_DONE,
  OUTLAY_COMMAND_UNDONE,
  OUTLAY_COMMAND_FORGOTTEN,
} OutlayCommandState;

guint64 outlay_document_get_undo_serial (OutlayDocument *self);
OutlayCommandState outlay_document_get_command_state (OutlayDocument *self, guint64 serial);
gboolean            outlay_document_undo             (OutlayDocument      *self,
                                                      GError             **error);
gboolean            outlay_document_redo             (OutlayDocument      *self,
                                                      GError             **error);

G_END_DECLS
