/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "outlay-cashflow.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_CASHFLOW_ROW (outlay_cashflow_row_get_type ())

G_DECLARE_FINAL_TYPE (OutlayCashflowRow, outlay_cashflow_row, OUTLAY, CASHFLOW_ROW, GObject)

OutlayCashflowRow *outlay_cashflow_row_new (const OutlayScheduleItem *item, OutlayAccount *account);
const OutlayScheduleItem *outlay_cashflow_row_get_item (OutlayCashflowRow *self);
OutlayAccount *outlay_cashflow_row_get_account (OutlayCashflowRow *self);
char *outlay_cashflow_row_get_text (OutlayCashflowRow *self, guint column);

/* the schedule's columns */
enum
{
  OUTLAY_CASHFLOW_COLUMN_DATE,
  OUTLAY_CASHFLOW_COLUMN_BILL,
  OUTLAY_CASHFLOW_COLUMN_ACCOUNT,
  OUTLAY_CASHFLOW_COLUMN_AMOUNT,
  OUTLAY_CASHFLOW_COLUMN_STATUS,
  OUTLAY_CASHFLOW_COLUMN_BALANCE,
  OUTLAY_CASHFLOW_N_COLUMNS
};

G_END_DECLS
