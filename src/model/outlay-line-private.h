/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the document (which owns all edits) and the store (which loads). */

#include "outlay-line.h"

G_BEGIN_DECLS

#define OUTLAY_LINE_N_TEXTS    8
#define OUTLAY_LINE_N_DECIMALS 7

/* A line's editable state, copied for undo/redo and audit. */
typedef struct
{
  char          *texts[OUTLAY_LINE_N_TEXTS];
  OutlayDecimal  decimals[OUTLAY_LINE_N_DECIMALS];
  gboolean       overridden;
} OutlayLineState;

void      outlay_line_state_clear    (OutlayLineState       *state);
void      outlay_line_save_state     (OutlayLine            *self,
                                      OutlayLineState       *state);
void      outlay_line_restore_state  (OutlayLine            *self,
                                      const OutlayLineState *state);
gboolean  outlay_line_state_equal    (const OutlayLineState *a,
                                      const OutlayLineState *b);
int       outlay_line_text_slot      (OutlayLineField        field);
int       outlay_line_decimal_slot   (OutlayLineField        field);

void      outlay_line_set_id         (OutlayLine            *self,
                                      gint64                 id);
void      outlay_line_set_section    (OutlayLine            *self,
                                      OutlaySection         *section);
void      outlay_line_set_import_id  (OutlayLine            *self,
                                      gint64                 import_id);
/* Sets a field without notify or recomputing; for loading and building. */
void      outlay_line_load_text      (OutlayLine            *self,
                                      OutlayLineField        field,
                                      const char            *text);
void      outlay_line_load_decimal   (OutlayLine            *self,
                                      OutlayLineField        field,
                                      OutlayDecimal          value);
void      outlay_line_load_overridden (OutlayLine           *self,
                                       gboolean              overridden);
/* Takes ownership of @text. */
void      outlay_line_take_text      (OutlayLine            *self,
                                      OutlayLineField        field,
                                      char                  *text);
/* Set by the document as its tasks' time is logged. */
void outlay_line_set_task_actual (OutlayLine *self, OutlayDecimal value);
gboolean  outlay_line_compute_estimate (OutlayLine          *self,
                                        OutlayDecimal       *out);

G_END_DECLS
