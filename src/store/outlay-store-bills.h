/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-account.h"
#include "outlay-bill-occurrence.h"
#include "outlay-bill.h"
#include "outlay-store.h"

G_BEGIN_DECLS

/**
 * OutlayCategory:
 * @id: its row
 * @name: what the user called it
 *
 * A user-defined category of bills, which budget sections may share.
 */
typedef struct
{
  gint64 id;
  char *name;
} OutlayCategory;

void outlay_category_free (OutlayCategory *category);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayCategory, outlay_category_free)

GPtrArray *outlay_store_list_accounts (OutlayStore *self, GError **error);
OutlayAccount *
outlay_store_find_account (OutlayStore *self, const char *name_or_id, GError **error);
gboolean outlay_store_save_account (OutlayStore *self, OutlayAccount *account, GError **error);
gboolean outlay_store_delete_account (OutlayStore *self, gint64 account_id, GError **error);

GArray *outlay_store_list_snapshots (OutlayStore *self, GError **error);
gboolean outlay_store_set_snapshot (OutlayStore *self,
                                    const OutlayBalanceSnapshot *snapshot,
                                    const GDate *today,
                                    GError **error);
gboolean outlay_store_delete_snapshot (OutlayStore *self,
                                       gint64 account_id,
                                       const GDate *date,
                                       GError **error);

GPtrArray *outlay_store_list_bills (OutlayStore *self, GError **error);
OutlayBill *outlay_store_find_bill (OutlayStore *self, const char *name_or_id, GError **error);
gboolean outlay_store_save_bill (OutlayStore *self, OutlayBill *bill, GError **error);
gboolean outlay_store_delete_bill (OutlayStore *self, gint64 bill_id, GError **error);

GArray *outlay_store_list_occurrences (OutlayStore *self, GError **error);
gboolean outlay_store_set_occurrences (OutlayStore *self,
                                       const OutlayBillOccurrence *occurrences,
                                       guint n_occurrences,
                                       GError **error);

GPtrArray *outlay_store_list_categories (OutlayStore *self, GError **error);
gint64 outlay_store_add_category (OutlayStore *self, const char *name, GError **error);
gboolean outlay_store_link_category (OutlayStore *self,
                                     gint64 category_id,
                                     gint64 section_id,
                                     GError **error);

GPtrArray *
outlay_store_list_category_sections (OutlayStore *self, gint64 category_id, GError **error);

G_END_DECLS
