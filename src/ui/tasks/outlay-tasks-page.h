/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "outlay-document-page.h"
#include "outlay-store.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_TASKS_PAGE (outlay_tasks_page_get_type ())

G_DECLARE_FINAL_TYPE (OutlayTasksPage, outlay_tasks_page, OUTLAY, TASKS_PAGE, OutlayDocumentPage)

GtkWidget *outlay_tasks_page_new (void);
void outlay_tasks_page_set_store (OutlayTasksPage *self, OutlayStore *store);
OutlayStore *outlay_tasks_page_get_store (OutlayTasksPage *self);
guint outlay_tasks_page_get_n_shown (OutlayTasksPage *self);
GtkWindow *outlay_tasks_page_log_time (OutlayTasksPage *self);
GtkWidget *outlay_tasks_page_show_week (OutlayTasksPage *self);
AdwMessageDialog *outlay_tasks_page_recost (OutlayTasksPage *self);

G_END_DECLS
