/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "outlay-decimal.h"
#include "outlay-model-enums.h"

G_BEGIN_DECLS

/**
 * OutlayBillOccurrence:
 * @bill_id: the bill
 * @original: the date its rule gives, which names the occurrence
 * @status: due, paid or skipped
 * @moved_to: the date the user moved it to, or an invalid date
 * @paid_amount: what was paid (may differ from the bill's amount)
 * @position: its order among the occurrences of its day, or -1
 *
 * What the user did with one occurrence of a bill: the store keeps one
 * row per occurrence that differs from its rule, the engine reads them.
 */
typedef struct
{
  gint64 bill_id;
  GDate original;
  OutlayBillStatus status;
  GDate moved_to;
  OutlayDecimal paid_amount;
  gint position;
} OutlayBillOccurrence;

/**
 * OutlayBalanceSnapshot:
 * @account_id: the account
 * @date: the day, whose end the balance is
 * @balance: the balance the bank showed
 */
typedef struct
{
  gint64 account_id;
  GDate date;
  OutlayDecimal balance;
} OutlayBalanceSnapshot;

G_END_DECLS
