/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "outlay-commitment.h"
#include "outlay-document.h"
#include "outlay-line-phasing.h"
#include "outlay-line-private.h"
#include "outlay-task.h"
#include "outlay-time-entry.h"

G_BEGIN_DECLS

/* What a section looked like before a change, for the audit trail. */
typedef struct
{
  char          *code;
  char          *name;
  OutlayDecimal  fringe;
} OutlaySectionState;

void outlay_section_state_clear (OutlaySectionState *state);

#define OUTLAY_TYPE_DOCUMENT_SINK (outlay_document_sink_get_type ())

G_DECLARE_INTERFACE (OutlayDocumentSink, outlay_document_sink, OUTLAY, DOCUMENT_SINK, GObject)

/**
 * OutlayDocumentSinkInterface:
 *
 * Where a document writes its changes (the SQLite store implements it, so
 * the model does not depend on the store).  Every command runs between
 * begin() and commit(); if any step fails the document undoes its model
 * changes and calls rollback(), so the sink must leave no trace then.
 * Each callback runs after the model has changed.
 */
struct _OutlayDocumentSinkInterface
{
  GTypeInterface parent_iface;

  gboolean (*begin)            (OutlayDocumentSink       *sink,
                                OutlayDocument           *document,
                                const char               *action,
                                GError                  **error);
  gboolean (*commit)           (OutlayDocumentSink       *sink,
                                OutlayDocument           *document,
                                GError                  **error);
  void     (*rollback)         (OutlayDocumentSink       *sink,
                                OutlayDocument           *document);
  gboolean (*line_inserted)    (OutlayDocumentSink       *sink,
                                OutlayDocument           *document,
                                OutlaySection            *section,
                                guint                     index,
                                OutlayLine               *line,
                                GError                  **error);
  gboolean (*line_removed)     (OutlayDocumentSink       *sink,
                                OutlayDocument           *document,
                                OutlaySection            *section,
                                guint                     index,
                                OutlayLine               *line,
                                GError                  **error);
  gboolean (*line_changed)     (OutlayDocumentSink       *sink,
                                OutlayDocument           *document,
                                OutlayLine               *line,
                                const OutlayLineState    *before,
                                GError                  **error);
  gboolean (*line_moved)       (OutlayDocumentSink       *sink,
                                OutlayDocument           *document,
                                OutlayLine               *line,
                                OutlaySection            *from,
                                guint                     from_index,
                                OutlaySection            *to,
                                guint                     to_index,
                                GError                  **error);
  gboolean (*section_inserted) (OutlayDocumentSink       *sink,
                                OutlayDocument           *document,
                                guint                     index,
                                OutlaySection            *section,
                                GError                  **error);
  gboolean (*section_removed)  (OutlayDocumentSink       *sink,
                                OutlayDocument           *document,
                                guint                     index,
                                OutlaySection            *section,
                                GError                  **error);
  gboolean (*section_changed)  (OutlayDocumentSink       *sink,
                                OutlayDocument           *document,
                                OutlaySection            *section,
                                const OutlaySectionState *before,
                                GError                  **error);
  gboolean (*section_moved)    (OutlayDocumentSink       *sink,
                                OutlayDocument           *document,
                                OutlaySection            *section,
                                guint                     from_index,
                                guint                     to_index,
                                GError                  **error);
  gboolean (*budget_changed)   (OutlayDocumentSink       *sink,
                                OutlayDocument           *document,
                                OutlayBudget             *before,
                                GError                  **error);
  /* money control: optional (a sink without them keeps no commitments) */
  gboolean (*commitment_inserted) (OutlayDocumentSink *sink,
                                   OutlayDocument *document,
                                   OutlayCommitment *commitment,
                                   GError **error);
  gboolean (*commitment_removed) (OutlayDocumentSink *sink,
                                  OutlayDocument *document,
                                  OutlayCommitment *commitment,
                                  GError **error);
  gboolean (*commitment_changed) (OutlayDocumentSink *sink,
                                  OutlayDocument *document,
                                  OutlayCommitment *commitment,
                                  OutlayCommitment *before,
                                  const char *action,
                                  GError **error);
  /* Tasks and time (NULL in a sink that keeps no tasks).  A removed task
   * is kept, marked deleted, so undo brings it back with its entries;
   * task_inserted() gets one with an id when it comes back. */
  gboolean (*task_inserted) (OutlayDocumentSink *sink,
                             OutlayDocument *document,
                             guint index,
                             OutlayTask *task,
                             GError **error);
  gboolean (*task_removed) (OutlayDocumentSink *sink,
                            OutlayDocument *document,
                            guint index,
                            OutlayTask *task,
                            GError **error);
  gboolean (*task_changed) (OutlayDocumentSink *sink,
                            OutlayDocument *document,
                            OutlayTask *task,
                            OutlayTask *before,
                            GError **error);
  gboolean (*task_moved) (OutlayDocumentSink *sink,
                          OutlayDocument *document,
                          OutlayTask *task,
                          guint from_index,
                          guint to_index,
                          GError **error);
  /* The sink refuses an entry that takes its person past 24 hours in a
   * day (with %OUTLAY_ERROR_INVALID_ARGUMENT). */
  gboolean (*time_added) (OutlayDocumentSink *sink,
                          OutlayDocument *document,
                          OutlayTask *task,
                          OutlayTimeEntry *entry,
                          GError **error);
  gboolean (*time_removed) (OutlayDocumentSink *sink,
                            OutlayDocument *document,
                            OutlayTask *task,
                            OutlayTimeEntry *entry,
                            GError **error);
  gboolean (*time_recosted) (OutlayDocumentSink *sink,
                             OutlayDocument *document,
                             OutlayTimeEntry *entry,
                             OutlayTimeEntry *before,
                             GError **error);
  /* Phasing (NULL in a sink that keeps none): @line's phasing is now
   * @phasing (%NULL: even); the period settings changed; a period was
   * closed with its forecast @snapshot (the sink sets its id). */
  gboolean (*line_phasing_changed) (OutlayDocumentSink *sink,
                                    OutlayDocument *document,
                                    OutlayLine *line,
                                    const OutlayLinePhasing *phasing,
                                    GError **error);
  gboolean (*period_settings_changed) (OutlayDocumentSink *sink,
                                       OutlayDocument *document,
                                       GError **error);
  gboolean (*period_closed) (OutlayDocumentSink *sink,
                             OutlayDocument *document,
                             OutlayForecastSnapshot *snapshot,
                             GError **error);
};

void outlay_document_set_sink (OutlayDocument     *self,
                               OutlayDocumentSink *sink);

/* For loaders: appends without commands, notification or sink. */
void outlay_document_load_section (OutlayDocument *self,
                                   OutlaySection  *section);
void outlay_document_load_line    (OutlayDocument *self,
                                   OutlaySection  *section,
                                   OutlayLine     *line);
/* Appends a stored commitment; its amounts are already in its line's. */
void outlay_document_load_commitment (OutlayDocument *self,
                                      OutlayCommitment *commitment,
                                      OutlaySection *section,
                                      OutlayLine *line);
/* For loaders: appends a task with its logged hours and their cost
 * (its actual is that cost plus its resource cost); call after the lines
 * are loaded and before outlay_document_finish_load(). */
void outlay_document_load_task (OutlayDocument *self,
                                OutlayTask *task,
                                OutlayDecimal logged_hours,
                                OutlayDecimal logged_cost);
/* Recomputes every sum after loading. */
gboolean outlay_document_finish_load (OutlayDocument *self,
                                      GError        **error);

G_END_DECLS
