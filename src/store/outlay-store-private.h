/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "outlay-roi-snapshot.h"
#include "outlay-document-sink.h"
#include "outlay-store.h"

G_BEGIN_DECLS

sqlite3      *outlay_store_get_db      (OutlayStore  *self);
sqlite3_stmt *outlay_store_statement   (OutlayStore  *self,
                                        const char   *sql,
                                        GError      **error);
gboolean      outlay_store_exec        (OutlayStore  *self,
                                        const char   *sql,
                                        GError      **error);
gboolean      outlay_store_step_done   (OutlayStore  *self,
                                        sqlite3_stmt *stmt,
                                        GError      **error);
gboolean      outlay_store_expect_change (OutlayStore *self,
                                          const char  *what,
                                          GError     **error);
gboolean      outlay_store_fail        (OutlayStore  *self,
                                        GError      **error);
gboolean outlay_store_set_damaged (OutlayStore *self, GError **error);
gboolean outlay_store_run_commit_hook (OutlayStore *self, GError **error);
gboolean      outlay_store_audit       (OutlayStore  *self,
                                        gint64        budget_id,
                                        const char   *entity,
                                        gint64        entity_id,
                                        const char   *action,
                                        const char   *field,
                                        const char   *old_value,
                                        const char   *new_value,
                                        GError      **error);
OutlayRoiSnapshot *outlay_store_insert_roi_snapshot (OutlayStore *self,
                                                     OutlayDocument *document,
                                                     const char *reason,
                                                     const char *note,
                                                     GError **error);
void          outlay_store_bind_text   (sqlite3_stmt *stmt,
                                        int           index,
                                        const char   *text);

/* The budgets table's user-editable columns, each with the OutlayBudget
 * property it holds, in one place: the SELECT, INSERT and UPDATE texts,
 * outlay_store_bind_budget() and the reading all come from this list, so
 * they cannot fall out of step.  Add a column here (and in a migration). */
#define OUTLAY_BUDGET_COLUMN_LIST(X, SEP)                                                          \
  X (name, "name")                                                                                 \
  SEP X (client, "client") SEP X (kind, "kind") SEP X (currency, "currency") SEP X (               \
      allocated, "allocated") SEP                                                                  \
  X (allocated_hours, "allocated-hours") SEP                                                       \
  X (warning_threshold, "warning-threshold") SEP                                                   \
  X (critical_threshold, "critical-threshold") SEP                                                 \
  X (status, "status") SEP                                                                         \
  X (fiscal_start, "fiscal-start") SEP                                                             \
  X (fiscal_end, "fiscal-end") SEP                                                                 \
  X (expected_value, "expected-value") SEP                                                         \
  X (realized_value, "realized-value") SEP                                                         \
  X (ai_analysis, "ai-analysis") SEP                                                               \
  X (markup_percent, "markup-percent") SEP                                                         \
  X (contingency, "contingency") SEP                                                               \
  X (insurance_percent, "insurance-percent") SEP                                                   \
  X (production_fee_percent, "production-fee-percent") SEP                                         \
  X (handling_fee_percent, "handling-fee-percent") SEP                                             \
  X (production_company, "production-company") SEP                                                 \
  X (agency, "agency") SEP                                                                         \
  X (job_number, "job-number") SEP                                                                 \
  X (bid_date, "bid-date") SEP                                                                     \
  X (shoot_dates, "shoot-dates") SEP                                                               \
  X (director, "director") SEP                                                                     \
  X (producer, "producer") SEP                                                                     \
  X (comments, "comments") SEP                                                                     \
  X (auto_approval_threshold, "auto-approval-threshold") SEP                                       \
  X (overrun_policy, "overrun-policy") SEP                                                         \
  X (check_basis, "check-basis")

#define OUTLAY_BUDGET_COLUMN_NAME_(column, property) #column
#define OUTLAY_BUDGET_COLUMN_SET_(column, property) #column " = ?"
#define OUTLAY_BUDGET_COLUMN_MARK_(column, property) "?"
#define OUTLAY_BUDGET_COLUMN_ONE_(column, property) + 1

/* "name, client, …" */
#define OUTLAY_BUDGET_COLUMNS OUTLAY_BUDGET_COLUMN_LIST (OUTLAY_BUDGET_COLUMN_NAME_, ", ")
/* "name = ?, client = ?, …" */
#define OUTLAY_BUDGET_ASSIGNMENTS OUTLAY_BUDGET_COLUMN_LIST (OUTLAY_BUDGET_COLUMN_SET_, ", ")
/* "?, ?, …", one per column */
#define OUTLAY_BUDGET_MARKS OUTLAY_BUDGET_COLUMN_LIST (OUTLAY_BUDGET_COLUMN_MARK_, ", ")
#define OUTLAY_BUDGET_N_COLUMNS (0 OUTLAY_BUDGET_COLUMN_LIST (OUTLAY_BUDGET_COLUMN_ONE_, ))

/* Binds OUTLAY_BUDGET_COLUMNS to parameters @first … @first + N − 1. */
/* A line's stored values, in this order, in lines and version_lines. */
#define OUTLAY_STORE_LINE_VALUES \
  "code, description, unit, notes, qty, multiplier, rate, estimate, estimate_overridden," \
  " actual, committed, reserved, vendor, assignee, date, period"
#define OUTLAY_STORE_N_LINE_VALUES 16
/* as many parameters */
#define OUTLAY_STORE_LINE_PARAMS "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"

void          outlay_store_bind_line_values (sqlite3_stmt *stmt,
                                             int           first,
                                             OutlayLine   *line);
/* @line's OUTLAY_STORE_LINE_VALUES, packed at the end of @out to be bound
 * later (a big import holds lines back); outlay_store_bind_packed_line_values()
 * binds them as outlay_store_bind_line_values() would, moves *@p past them,
 * and the bytes must outlive the statement's step. */
void outlay_store_pack_line_values (GByteArray *out, OutlayLine *line);
void outlay_store_bind_packed_line_values (sqlite3_stmt *stmt, int first, const guint8 **p);
void          outlay_store_read_line_values (sqlite3_stmt *stmt,
                                             int           first,
                                             OutlayLine   *line);
void          outlay_store_bind_budget (sqlite3_stmt *stmt,
                                        int           first,
                                        OutlayBudget *budget);
gboolean      outlay_store_insert_line_row    (OutlayStore   *self,
                                               gint64         budget_id,
                                               gint64         section_id,
                                               guint          position,
                                               OutlayLine    *line,
                                               GError       **error);
gboolean      outlay_store_insert_section_row (OutlayStore   *self,
                                               gint64         budget_id,
                                               guint          position,
                                               OutlaySection *section,
                                               GError       **error);

/* Reads "id, " OUTLAY_BUDGET_COLUMNS ", created, modified" from @stmt. */
OutlayBudget *outlay_store_read_budget (sqlite3_stmt *stmt);
gboolean      outlay_store_check_new_budget (const char  *name,
                                             const char  *currency,
                                             char       **stripped,
                                             GError     **error);
/* An unsaved copy of @src's sections and lines under @budget, in
 * outlay-store-templates.c */
OutlayDocument *outlay_store_copy_document (OutlayDocument  *src,
                                            OutlayBudget    *budget,
                                            gboolean         keep_spending,
                                            GError         **error);

/* Inside a transaction the caller holds: a whole new budget (ids set on
 * the objects), or a saved version of @doc (returns its id or 0). */
gboolean      outlay_store_write_document (OutlayStore        *self,
                                           OutlayDocument     *doc,
                                           OutlayProgressFunc  progress,
                                           gpointer            user_data,
                                           GCancellable       *cancellable,
                                           GError            **error);
gint64        outlay_store_write_version  (OutlayStore        *self,
                                           OutlayDocument     *doc,
                                           const char         *name,
                                           const char         *note,
                                           gint64              created,
                                           GError            **error);

/* The sink half, in outlay-store-sink.c */
void          outlay_store_sink_iface_init (gpointer iface);

/* Commitments, in outlay-store-commitments.c */
gboolean outlay_store_load_commitments (OutlayStore *self,
                                        OutlayDocument *doc,
                                        gint64 budget_id,
                                        GError **error);
gboolean outlay_store_sink_commitment_inserted (OutlayDocumentSink *sink,
                                                OutlayDocument *doc,
                                                OutlayCommitment *commitment,
                                                GError **error);
gboolean outlay_store_sink_commitment_removed (OutlayDocumentSink *sink,
                                               OutlayDocument *doc,
                                               OutlayCommitment *commitment,
                                               GError **error);
gboolean outlay_store_sink_commitment_changed (OutlayDocumentSink *sink,
                                               OutlayDocument *doc,
                                               OutlayCommitment *commitment,
                                               OutlayCommitment *before,
                                               const char *action,
                                               GError **error);
/* Tasks and time, in outlay-store-tasks.c */
gboolean
outlay_store_load_tasks (OutlayStore *self, OutlayDocument *doc, gint64 budget_id, GError **error);
struct _OutlayDocumentSinkInterface;
void outlay_store_tasks_sink_init (struct _OutlayDocumentSinkInterface *iface);

/* Phasing, in outlay-store-phasing.c */
gboolean outlay_store_load_phasing (OutlayStore *self,
                                    OutlayDocument *doc,
                                    gint64 budget_id,
                                    GError **error);
gboolean outlay_store_write_phasing (OutlayStore *self, OutlayDocument *doc, GError **error);
gboolean outlay_store_write_line_phasing (OutlayStore *self,
                                          OutlayDocument *doc,
                                          OutlayLine *line,
                                          GError **error);
void outlay_store_phasing_sink_init (struct _OutlayDocumentSinkInterface *iface);

G_END_DECLS
