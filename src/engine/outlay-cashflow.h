/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-account.h"
#include "outlay-bill-occurrence.h"
#include "outlay-bill.h"
#include "outlay-recurrence.h"

G_BEGIN_DECLS

/**
 * OutlayOccurrenceStatus:
 * @OUTLAY_OCCURRENCE_DUE: still to pay, on or after today
 * @OUTLAY_OCCURRENCE_PAID: paid (its amount may differ from the bill's)
 * @OUTLAY_OCCURRENCE_SKIPPED: will not be paid
 * @OUTLAY_OCCURRENCE_OVERDUE: its date has passed and it is not paid: the
 *   projection carries it forward to today
 */
typedef enum
{
  OUTLAY_OCCURRENCE_DUE,
  OUTLAY_OCCURRENCE_PAID,
  OUTLAY_OCCURRENCE_SKIPPED,
  OUTLAY_OCCURRENCE_OVERDUE,
} OutlayOccurrenceStatus;

/**
 * OutlayScheduleItem:
 * @bill: the bill (a borrowed pointer into the caller's array)
 * @original: the rule's date, which names the occurrence
 * @date: the date it is due (after weekend handling and a move)
 * @amount: its effect on the account: negative for a bill, positive for
 *   income; a paid one's amount is what was paid
 * @status: due, paid, skipped or overdue
 * @position: its stored order within the day, or -1
 * @moved: the user moved it
 * @balance: the account's projected balance right after it
 * @day: @date's Julian day, @bill_id and @priority: the bill's; sort keys,
 *   so that sorting 50,000 items does not ask GDate and GObject each time
 */
typedef struct
{
  OutlayBill *bill;
  GDate original;
  GDate date;
  OutlayDecimal amount;
  OutlayDecimal balance;
  gint64 bill_id;
  gint64 priority;
  /* the four-byte fields together: 72 bytes, not 88, for tens of thousands */
  OutlayOccurrenceStatus status;
  gint position;
  gboolean moved;
  guint32 day;
} OutlayScheduleItem;

/**
 * OutlayBalancePoint:
 * @date: a day
 * @balance: B(t), the balance at its end
 * @minimum: m(t), the lowest balance from this day on to the horizon
 */
typedef struct
{
  GDate date;
  OutlayDecimal balance;
  OutlayDecimal minimum;
} OutlayBalancePoint;

typedef enum
{
  OUTLAY_SUGGESTION_MOVE_BILL,
  OUTLAY_SUGGESTION_TRANSFER,
} OutlaySuggestionKind;

/**
 * OutlaySuggestion:
 * @kind: move a bill, or transfer money in
 * @bill: (nullable): the bill to move
 * @original: the occurrence to move
 * @date: the date to move it to, or the day a transfer must arrive by
 * @amount: the bill's amount, or the transfer's (positive)
 * @from_account_id: the account a transfer comes from
 */
typedef struct
{
  OutlaySuggestionKind kind;
  OutlayBill *bill;
  GDate original;
  GDate date;
  OutlayDecimal amount;
  gint64 from_account_id;
} OutlaySuggestion;

/**
 * OutlayProjection:
 * @account: the account
 * @items: (element-type OutlayScheduleItem): its occurrences in the range,
 *   in order, each with the balance after it
 * @points: (element-type OutlayBalancePoint): one per day of the range
 * @safe_amount: what can be spent today without going below the reserve
 *   before @safe_until (0 when there is a shortfall)
 * @safe_until: the day of the lowest projected balance
 * @shortfall: the balance goes below the reserve in the range
 * @shortfall_date: the first day it does
 * @shortfall_amount: how much is missing at the worst (positive)
 * @suggestions: (element-type OutlaySuggestion): bills that could move,
 *   by priority, then transfers that would cover it
 */
typedef struct
{
  OutlayAccount *account;
  GArray *items;
  GArray *points;
  OutlayDecimal safe_amount;
  GDate safe_until;
  gboolean shortfall;
  GDate shortfall_date;
  OutlayDecimal shortfall_amount;
  GArray *suggestions;
} OutlayProjection;

GArray *outlay_cashflow_schedule (GPtrArray *bills,
                                  GArray *occurrences,
                                  const GDate *from,
                                  const GDate *to,
                                  const GDate *today,
                                  GError **error);
OutlayProjection *outlay_cashflow_project (OutlayAccount *account,
                                           GArray *snapshots,
                                           GPtrArray *bills,
                                           GArray *occurrences,
                                           const GDate *from,
                                           const GDate *to,
                                           const GDate *today,
                                           GError **error);
void outlay_cashflow_suggest_transfers (OutlayProjection *projection,
                                        OutlayProjection **others,
                                        guint n_others);
const OutlayBalancePoint *outlay_projection_point_at (OutlayProjection *self, const GDate *date);
void outlay_projection_free (OutlayProjection *self);
int outlay_schedule_item_compare (gconstpointer a, gconstpointer b);
void outlay_schedule_sort (GArray *items);
const char *outlay_occurrence_status_to_string (OutlayOccurrenceStatus status);
const char *outlay_occurrence_status_title (OutlayOccurrenceStatus status);
gboolean outlay_cashflow_bill_rule (OutlayBill *bill,
                                    OutlayRecurrence *rule,
                                    OutlayWeekendRule *weekend,
                                    GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayProjection, outlay_projection_free)

G_END_DECLS
