/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Between the parts of the main window: outlay-window.c (the sidebar, the
 * budget and its actions) and outlay-window-import.c (drops, File ▸ Import,
 * the Imports view). */

#include "outlay-budget-overview.h"
#include "outlay-sheet-view.h"
#include "outlay-store.h"
#include "outlay-topsheet-view.h"
#include "outlay-versions-dialog.h"
#include "outlay-window.h"

G_BEGIN_DECLS

struct _OutlayWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *content;
  GtkListBox           *budget_list;
  AdwViewSwitcherTitle *content_title;
  AdwViewStack         *views;
  OutlaySheetView      *sheet;
  OutlayTopSheetView   *topsheet;
  GtkMenuButton        *budget_menu_button;
  GtkStack             *stack;
  OutlayBudgetOverview *overview;
  GMenuModel           *budget_menu;
  GtkWidget            *row_menu;
  GtkWidget            *drop_highlight;
  GtkWidget *version_bar;
  GtkLabel *version_label;

  OutlayStore          *store;
  GSettings            *settings;
  GListStore           *budgets;
  OutlayDocument       *document;
  GHashTable           *documents; /* budget id → OutlayDocument, with its undo history */
  gint64                data_version; /* the store's, when the documents were last in step */
  GHashTable *spend_levels; /* budget id → level of a budget not open (outlay-window-alerts.c) */

  /* Google Sheets (outlay-window-sheets.c) */
  GtkWidget *sheets_status;
  GtkLabel *sheets_label;
  GtkWidget *sheets_spinner;
  GtkWidget *sheets_cancel;
  GCancellable *sheets_cancellable;
  gboolean sheets_busy; /* a sync is running: the budget is not to be edited */

  /* importing (outlay-window-import.c) */
  GCancellable         *cancellable;  /* cancelled in dispose */
  GQueue               *import_queue; /* files waiting for the assistant */
  gboolean              importing;    /* a file is being opened or is in the assistant */
};

/* @budget_id was written through another connection (an import) or
 * wholesale (an undone import): its open document is read again, or let go
 * if the budget is gone. */
void outlay_window_budget_written (OutlayWindow *self,
                                   gint64        budget_id);

/* outlay-window-alerts.c: spend past the warning or critical threshold */
GtkWidget *outlay_window_alerts_row_icon (OutlayWindow *self, OutlayBudget *budget);
void outlay_window_alerts_update_row (OutlayWindow *self, guint index);
void outlay_window_alerts_watch (OutlayWindow *self, OutlayDocument *document);
void outlay_window_alerts_forget (OutlayWindow *self, gint64 budget_id);
/* a sidebar row's spend icon, kept on the row */
#define OUTLAY_WINDOW_SPEND_ICON_KEY "outlay-spend-icon"

/* outlay-window-money.c: the budget check */
void outlay_window_money_class_init (GtkWidgetClass *widget_class);
void outlay_window_money_update (OutlayWindow *self);

/* outlay-window-connections.c: ClickUp import and Gemini advice */
void outlay_window_connections_class_init (GtkWidgetClass *widget_class);
void outlay_window_connections_update (OutlayWindow *self);

/* outlay-window-export.c: print and export */
void outlay_window_export_class_init (GtkWidgetClass *widget_class);
void outlay_window_export_update     (OutlayWindow   *self);
void outlay_window_report_comparison_cb (OutlayVersionsDialog *dialog,
                                         OutlayDocument *from,
                                         const char *from_name,
                                         OutlayDocument *to,
                                         const char *to_name,
                                         gboolean print,
                                         OutlayWindow *self);

/* outlay-window-sheets.c: Budget ▸ Google Sheets */
void outlay_window_sheets_class_init (GtkWidgetClass *widget_class);
void outlay_window_sheets_update (OutlayWindow *self);
void outlay_window_sheets_dispose (OutlayWindow *self);

/* outlay-window-import.c */
void outlay_window_import_class_init (GtkWidgetClass *widget_class);
void outlay_window_import_init       (OutlayWindow   *self);
void outlay_window_import_dispose    (OutlayWindow   *self);

G_END_DECLS
