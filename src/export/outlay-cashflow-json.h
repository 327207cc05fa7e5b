/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "outlay-cashflow.h"
#include "outlay-store-bills.h"

G_BEGIN_DECLS

/**
 * OutlayCashflowBook:
 * @accounts: (element-type OutlayAccount): every account, by name
 * @bills: (element-type OutlayBill): every bill
 * @snapshots: (element-type OutlayBalanceSnapshot): every balance snapshot
 * @occurrences: (element-type OutlayBillOccurrence): what the user did
 *   with single occurrences
 * @projections: (element-type OutlayProjection): one per account, in the
 *   order of @accounts, with transfer suggestions between them
 * @schedule: (element-type OutlayScheduleItem): every account's items in
 *   schedule order, each with its account's balance after it (pointers
 *   into @projections' items, not copies)
 * @from: the range's first day
 * @to: its last day
 * @today: today
 *
 * Everything the cash-flow views and `outlay-cli schedule` and `cashflow`
 * show, read from the store and projected by the engine in one go.
 */
typedef struct
{
  GPtrArray *accounts;
  GPtrArray *bills;
  GArray *snapshots;
  GArray *occurrences;
  GPtrArray *projections;
  GPtrArray *schedule;
  GDate from;
  GDate to;
  GDate today;
} OutlayCashflowBook;

OutlayCashflowBook *outlay_cashflow_book_load (OutlayStore *store,
                                               const GDate *from,
                                               const GDate *to,
                                               const GDate *today,
                                               GError **error);
void outlay_cashflow_book_free (OutlayCashflowBook *book);
void outlay_cashflow_default_range (GArray *snapshots, const GDate *today, GDate *from, GDate *to);
OutlayProjection *outlay_cashflow_book_projection (OutlayCashflowBook *book, gint64 account_id);
OutlayAccount *outlay_cashflow_book_account (OutlayCashflowBook *book, gint64 account_id);
char *outlay_cashflow_suggestion_text (OutlayCashflowBook *book,
                                       OutlayProjection *projection,
                                       const OutlaySuggestion *suggestion);
JsonNode *outlay_cashflow_schedule_to_json (OutlayCashflowBook *book);
JsonNode *outlay_cashflow_projection_to_json (OutlayCashflowBook *book,
                                              OutlayProjection *projection);
JsonNode *outlay_cashflow_accounts_to_json (OutlayCashflowBook *book);
JsonNode *outlay_cashflow_bills_to_json (OutlayCashflowBook *book);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayCashflowBook, outlay_cashflow_book_free)

G_END_DECLS
