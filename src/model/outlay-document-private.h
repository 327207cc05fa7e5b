/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared between outlay-document.c (state, totals, undo) and
 * outlay-document-edit.c (the public edit API that builds commands). */

#include "outlay-document-sink.h"
#include "outlay-section-private.h"

G_BEGIN_DECLS

typedef enum
{
  OP_LINE_INSERT,   /* reverse: remove */
  OP_LINE_REMOVE,   /* reverse: insert */
  OP_LINE_STATE,    /* before ⇄ after */
  OP_LINE_MOVE,     /* (section, index) ⇄ (section2, index2) */
  OP_SECTION_INSERT,
  OP_SECTION_REMOVE,
  OP_SECTION_STATE,
  OP_SECTION_MOVE,  /* index ⇄ index2 */
  OP_BUDGET_STATE,  /* budget ⇄ budget2 (copies) */
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

G_END_DECLS
