/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by outlay-cashflow-window.c (state, edits, undo) and
 * outlay-cashflow-window-view.c (the schedule's columns, the chart and
 * the summary). */

#include "outlay-cashflow-json.h"
#include "outlay-cashflow-window.h"
#include "outlay-chart-view.h"

G_BEGIN_DECLS

/* One undoable change: the occurrences as they were, and as they became */
typedef struct
{
  GArray *before;
  GArray *after;
  OutlayBill *bill_before; /* a bill edit: NULL when it was added */
  OutlayBill *bill_after;
  OutlayBill *deleted;           /* a bill deleted, with its occurrences in before */
  OutlayAccount *account_before; /* an account edit: NULL when it was added */
  OutlayAccount *account_after;
  gboolean snapshot; /* a balance recorded: before (had_before) and after */
  OutlayBalanceSnapshot snapshot_before;
  OutlayBalanceSnapshot snapshot_after;
  gboolean had_before;
} Command;

struct _OutlayCashflowWindow
{
  AdwWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkMenuButton *range_button;
  GtkCalendar *from_calendar;
  GtkCalendar *to_calendar;
  GtkStack *stack;
  GtkDropDown *account_dropdown;
  GtkLabel *safe_label;
  GtkLabel *shortfall_label;
  OutlayChartView *chart_view;
  GtkColumnView *column_view;

  OutlayStore *store;
  OutlayCashflowBook *book;
  GListStore *rows;
  GtkSingleSelection *selection;
  GtkStringList *account_names;
  GDate from;
  GDate to;
  gboolean updating;
  GPtrArray *undo; /* Command */
  GPtrArray *redo;
  AdwMessageDialog *dialog;
};

void outlay_cashflow_window_add_columns (OutlayCashflowWindow *self);
void outlay_cashflow_window_show_projection (OutlayCashflowWindow *self);
void outlay_cashflow_window_fill_accounts (OutlayCashflowWindow *self);
void outlay_cashflow_window_update_range_label (OutlayCashflowWindow *self);
void outlay_cashflow_window_account_changed_cb (OutlayCashflowWindow *self);
char *outlay_cashflow_day_words (const GDate *d);

G_END_DECLS
