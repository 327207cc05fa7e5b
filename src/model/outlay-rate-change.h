/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "outlay-decimal.h"

G_BEGIN_DECLS

/**
 * OutlayRateChange:
 * @id: its row, 0 for a person's undated default
 * @person_id: whose rate, 0 for a budget's default rate
 * @budget_id: the budget it applies to, 0 for every budget
 * @valid_from: (nullable): the first day it applies (YYYY-MM-DD), %NULL
 *   for always
 * @cost_rate: what an hour costs; what entries are costed at
 * @bill_rate: what an hour is billed at
 * @currency: (nullable): the rates' currency, %NULL when it takes the
 *   budget's
 *
 * An hourly rate from a day forward.
 */
typedef struct
{
  gint64 id;
  gint64 person_id;
  gint64 budget_id;
  char *valid_from;
  OutlayDecimal cost_rate;
  OutlayDecimal bill_rate;
  char *currency;
} OutlayRateChange;

OutlayRateChange *outlay_rate_change_new (void);
void outlay_rate_change_free (OutlayRateChange *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayRateChange, outlay_rate_change_free)

G_END_DECLS
