/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-cashflow-row"

/* One row of the due schedule: an occurrence, its account, and the texts
 * its cells show.  Rows are rebuilt with the schedule, never edited in
 * place. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-cashflow-row.h"
#include "outlay-currency.h"

struct _OutlayCashflowRow
{
  GObject parent_instance;
  OutlayScheduleItem item;
  OutlayBill *bill;
  OutlayAccount *account;
};

G_DEFINE_FINAL_TYPE (OutlayCashflowRow, outlay_cashflow_row, G_TYPE_OBJECT)

static void
outlay_cashflow_row_dispose (GObject *object)
{
  OutlayCashflowRow *self = OUTLAY_CASHFLOW_ROW (object);

  g_clear_object (&self->bill);
  g_clear_object (&self->account);
  G_OBJECT_CLASS (outlay_cashflow_row_parent_class)->dispose (object);
}

static void
outlay_cashflow_row_class_init (OutlayCashflowRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = outlay_cashflow_row_dispose;
}

static void
outlay_cashflow_row_init (OutlayCashflowRow *self)
{
}

/**
 * outlay_cashflow_row_new:
 * @item: the occurrence (its bill is referenced)
 * @account: (nullable): its account
 *
 * Returns: (transfer full): a row
 */
OutlayCashflowRow *
outlay_cashflow_row_new (const OutlayScheduleItem *item, OutlayAccount *account)
{
  OutlayCashflowRow *self = g_object_new (OUTLAY_TYPE_CASHFLOW_ROW, NULL);

  self->item = *item;
  self->bill = g_object_ref (item->bill);
  self->account = account ? g_object_ref (account) : NULL;
  return self;
}

const OutlayScheduleItem *
outlay_cashflow_row_get_item (OutlayCashflowRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_CASHFLOW_ROW (self), NULL);
  return &self->item;
}

OutlayAccount *
outlay_cashflow_row_get_account (OutlayCashflowRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_CASHFLOW_ROW (self), NULL);
  return self->account;
}

/**
 * outlay_cashflow_row_get_text:
 * @self: a row
 * @column: an OUTLAY_CASHFLOW_COLUMN_*
 *
 * Returns: (transfer full): what the cell shows
 */
char *
outlay_cashflow_row_get_text (OutlayCashflowRow *self, guint column)
{
  const char *currency = self->account ? outlay_account_get_currency (self->account) : "USD";
  char buf[64];

  switch (column)
    {
      case OUTLAY_CASHFLOW_COLUMN_DATE:
        /* Translators: a due date in the schedule, see strftime */
        g_date_strftime (buf, sizeof buf, _("%a %-d %b %Y"), &self->item.date);
        return g_strdup (buf);
      case OUTLAY_CASHFLOW_COLUMN_BILL:
        return g_strdup (outlay_bill_get_payee (self->bill));
      case OUTLAY_CASHFLOW_COLUMN_ACCOUNT:
        return g_strdup (self->account ? outlay_account_get_name (self->account) : "");
      case OUTLAY_CASHFLOW_COLUMN_AMOUNT:
        {
          g_autofree char *amount = outlay_currency_format (self->item.amount, currency);

          /* Translators: an approximate amount */
          return outlay_bill_get_approximate (self->bill) ? g_strdup_printf (_("≈ %s"), amount)
                                                          : g_steal_pointer (&amount);
        }
      case OUTLAY_CASHFLOW_COLUMN_STATUS:
        if (self->item.moved && self->item.status != OUTLAY_OCCURRENCE_PAID)
          return g_strdup_printf (_("%s (moved)"),
                                     outlay_occurrence_status_title (self->item.status));
        return g_strdup (outlay_occurrence_status_title (self->item.status));
      case OUTLAY_CASHFLOW_COLUMN_BALANCE:
        return outlay_currency_format (self->item.balance, currency);
      default:
        g_return_val_if_reached (NULL);
    }
}
