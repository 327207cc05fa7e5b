/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared between outlay-document.c (state, totals, undo) and
 * outlay-document-edit.c (the public edit API that builds commands). */

#include "outlay-commitment-private.h"
#include "outlay-document-sink.h"
#include "outlay-line-phasing.h"
#include "outlay-section-private.h"
#include "outlay-task.h"
#include "outlay-time-entry.h"

G_BEGIN_DECLS

typedef enum
{
  OP_LINE_INSERT, /* reverse: remove */
  OP_LINE_REMOVE, /* reverse: insert */
  OP_LINE_STATE,  /* before ⇄ after */
  OP_LINE_MOVE,   /* (section, index) ⇄ (section2, index2) */
  OP_SECTION_INSERT,
  OP_SECTION_REMOVE,
  OP_SECTION_STATE,
  OP_SECTION_MOVE, /* index ⇄ index2 */
  OP_BUDGET_STATE, /* budget ⇄ budget2 (copies) */
  OP_HELD_SHIFT,   /* ±held on section (NULL: the budget as a whole) */
  OP_COMMITMENT_INSERT,
  OP_COMMITMENT_REMOVE,
  OP_COMMITMENT_STATE, /* cbefore ⇄ cafter (copies) */
  OP_TASK_INSERT,      /* reverse: remove (a removed task is kept, marked deleted) */
  OP_TASK_REMOVE,
  OP_TASK_STATE, /* task takes task_before ⇄ task_after (copies) */
  OP_TASK_MOVE,  /* index ⇄ index2 */
  OP_TIME_ADD,   /* entry on task; reverse: remove it */
  OP_TIME_REMOVE,
  OP_TIME_RECOST,     /* entry (its rate before) ⇄ entry2 (after) */
  OP_LINE_PHASING,    /* line takes pbefore ⇄ pafter (NULL: even) */
  OP_PERIOD_SETTINGS, /* set_before ⇄ set_after */
} OpKind;

typedef struct
{
  OpKind              kind;
  OutlayLine         *line;
  OutlaySection      *section;
  OutlaySection      *section2;
  guint               index;
  guint               index2;
  OutlayLineState     before;
  OutlayLineState     after;
  OutlaySectionState  sbefore;
  OutlaySectionState  safter;
  OutlayBudget       *budget;
  OutlayBudget       *budget2;
  OutlayTotals held;
  OutlayCommitment *commitment;
  OutlayCommitment *cbefore;
  OutlayCommitment *cafter;
  OutlayTask *task;
  OutlayTask *task_before;
  OutlayTask *task_after;
  OutlayTimeEntry *entry;
  OutlayTimeEntry *entry2;
  OutlayLinePhasing *pbefore;
  OutlayLinePhasing *pafter;
  OutlayPeriodSettings set_before;
  OutlayPeriodSettings set_after;
} Op;

typedef struct _Command Command;

Command *outlay_command_new       (const char     *label,
                                   gboolean        status_only);
Op      *outlay_command_add_op    (Command        *command,
                                   OpKind          kind);
guint    outlay_command_get_n_ops (Command        *command);
void     outlay_command_free      (Command        *command);

/* Runs @command (taking it) and puts it on the undo stack. */
gboolean outlay_document_execute  (OutlayDocument *self,
                                   Command        *command,
                                   GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Command, outlay_command_free)

/* estimate = qty × multiplier × rate unless typed (overflow is an error) */
gboolean outlay_document_line_state_recompute (OutlayLineState *state, GError **error);

gboolean
outlay_document_check_writable (OutlayDocument *self, gboolean status_only, GError **error);

/* For outlay-document-commitments.c */
gboolean outlay_document_prim_line_state (OutlayDocument *self,
                                          OutlayLine *line,
                                          const OutlayLineState *state,
                                          GError **error);
gboolean outlay_document_prim_held (OutlayDocument *self,
                                    OutlaySection *section,
                                    const OutlayTotals *held,
                                    int sign,
                                    GError **error);
gboolean outlay_document_apply_commitment_op (OutlayDocument *self,
                                              Op *op,
                                              gboolean forward,
                                              GError **error);
OutlayDocumentSink *outlay_document_get_sink (OutlayDocument *self);
GPtrArray *outlay_document_get_commitments_array (OutlayDocument *self);
GHashTable *outlay_document_get_line_commitment_counts (OutlayDocument *self);
gboolean outlay_document_check_uncommitted (OutlayDocument *self,
                                            OutlaySection *section,
                                            OutlayLine *line,
                                            GError **error);
void outlay_document_emit_commitments_changed (OutlayDocument *self,
                                               guint position,
                                               guint removed,
                                               guint added);
/* Tasks and time, in outlay-document-tasks.c */
typedef struct _OutlayDocumentTasks OutlayDocumentTasks;

OutlayDocumentTasks *outlay_document_tasks_new (void);
void outlay_document_tasks_free (OutlayDocumentTasks *tasks);
OutlayDocumentTasks *outlay_document_get_tasks_data (OutlayDocument *self);
OutlayDocumentSink *outlay_document_get_sink (OutlayDocument *self);
gboolean
outlay_document_apply_task_op (OutlayDocument *self, Op *op, gboolean forward, GError **error);
void outlay_document_tasks_class_init (GObjectClass *klass);
/* Moves @line's task actual and its section's and the document's actual
 * by ±@delta; changes nothing and fails on overflow. */
gboolean outlay_document_shift_task_actual (OutlayDocument *self,
                                            OutlayLine *line,
                                            OutlayDecimal delta,
                                            int sign,
                                            GError **error);
gboolean outlay_document_line_has_tasks (OutlayDocument *self, OutlayLine *line);
gboolean outlay_document_check_tasks_kept (OutlayDocument *self,
                                           OutlaySection *section,
                                           OutlayDocument *version,
                                           GError **error);

/* Phasing, in outlay-document-phasing.c */
typedef struct _OutlayDocumentPhasing OutlayDocumentPhasing;

OutlayDocumentPhasing *outlay_document_phasing_new (void);
void outlay_document_phasing_free (OutlayDocumentPhasing *phasing);
OutlayDocumentPhasing *outlay_document_get_phasing_data (OutlayDocument *self);
gboolean
outlay_document_apply_phasing_op (OutlayDocument *self, Op *op, gboolean forward, GError **error);
void outlay_document_phasing_class_init (GObjectClass *klass);

G_END_DECLS
