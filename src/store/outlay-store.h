/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "outlay-document.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_STORE (outlay_store_get_type ())

G_DECLARE_FINAL_TYPE (OutlayStore, outlay_store, OUTLAY, STORE, GObject)

/* Reports bulk progress, @done of @total rows. */
typedef void (*OutlayProgressFunc) (guint64  done,
                                    guint64  total,
                                    gpointer user_data);

/* Runs inside a document command's transaction, before COMMIT */
typedef gboolean (*OutlayStoreCommitHook) (OutlayStore *store, gpointer data, GError **error);
void outlay_store_set_commit_hook (OutlayStore *self, OutlayStoreCommitHook hook, gpointer data);

/* Called when a store has waited a few seconds for another program's
 * write transaction (see outlay_store_set_wait_func()). */
typedef void (*OutlayStoreWaitFunc) (OutlayStore *store,
                                     gpointer     user_data);

char           *outlay_store_default_path        (void);
OutlayStore    *outlay_store_open                (const char          *path,
                                                  GError             **error);
OutlayStore    *outlay_store_open_default        (GError             **error);
OutlayStore *outlay_store_open_read_only (const char *path, GError **error);
const char *outlay_store_get_read_only (OutlayStore *self);
const char     *outlay_store_get_path            (OutlayStore         *self);
gboolean        outlay_store_get_created         (OutlayStore         *self);
gboolean        outlay_store_add_sample          (OutlayStore         *self,
                                                  gint64              *budget_id,
                                                  GError             **error);

GPtrArray      *outlay_store_list_budgets        (OutlayStore         *self,
                                                  GError             **error);
gboolean        outlay_store_get_budget_totals   (OutlayStore         *self,
                                                  gint64               budget_id,
                                                  OutlayTotals        *totals,
                                                  GError             **error);
gint64          outlay_store_find_budget         (OutlayStore         *self,
                                                  const char          *name_or_id,
                                                  GError             **error);
OutlayDocument *outlay_store_load_document       (OutlayStore         *self,
                                                  gint64               budget_id,
                                                  GError             **error);
gboolean        outlay_store_save_new_document   (OutlayStore         *self,
                                                  OutlayDocument      *document,
                                                  OutlayProgressFunc   progress,
                                                  gpointer             user_data,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
gint64          outlay_store_create_budget       (OutlayStore         *self,
                                                  const char          *template_id,
                                                  const char          *name,
                                                  const char          *currency,
                                                  GError             **error);
gint64          outlay_store_duplicate_budget    (OutlayStore         *self,
                                                  gint64               budget_id,
                                                  const char          *name,
                                                  GError             **error);
gboolean        outlay_store_rename_budget       (OutlayStore         *self,
                                                  gint64               budget_id,
                                                  const char          *name,
                                                  GError             **error);
gboolean        outlay_store_trash_budget        (OutlayStore         *self,
                                                  gint64               budget_id,
                                                  gboolean             trashed,
                                                  GError             **error);
gboolean        outlay_store_purge_trashed       (OutlayStore         *self,
                                                  gint64               budget_id,
                                                  GError             **error);

gint64          outlay_store_get_data_version    (OutlayStore         *self);
gboolean outlay_store_check (OutlayStore *self, GError **error);
gboolean outlay_store_is_damaged (OutlayStore *self);

void            outlay_store_set_default_wait_func (OutlayStoreWaitFunc  func,
                                                    gpointer             user_data);
void            outlay_store_set_wait_func       (OutlayStore         *self,
                                                  OutlayStoreWaitFunc  func,
                                                  gpointer             user_data);
void            outlay_store_set_wait_cancellable (OutlayStore        *self,
                                                   GCancellable       *cancellable);
void outlay_store_set_max_wait (OutlayStore *self, guint msec);

G_END_DECLS
