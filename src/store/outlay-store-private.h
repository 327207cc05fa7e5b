/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

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
gboolean      outlay_store_audit       (OutlayStore  *self,
                                        gint64        budget_id,
                                        const char   *entity,
                                        gint64        entity_id,
                                        const char   *action,
                                        const char   *field,
                                        const char   *old_value,
                                        const char   *new_value,
                                        GError      **error);
void          outlay_store_bind_text   (sqlite3_stmt *stmt,
                                        int           index,
                                        const char   *text);

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

/* The sink half, in outlay-store-sink.c */
void          outlay_store_sink_iface_init (gpointer iface);

G_END_DECLS
