/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-cashflow-window"

/* Cash Flow: the due schedule of every account's bills with each
 * account's running balance, the projected balance chart of one account,
 * what is safe to spend, and what to do about a shortfall.  Occurrences
 * are marked paid (the amount may differ), skipped, moved, and ordered
 * within their day by drag and drop or Alt+↑/↓; each change is one store
 * transaction and undoable.  OUTLAY_TODAY=YYYY-MM-DD stands in for today. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-account-dialog.h"
#include "outlay-bill-dialog.h"
#include "outlay-cashflow-json.h"
#include "outlay-cashflow-row.h"
#include "outlay-cashflow-window-private.h"
#include "outlay-chart-view.h"
#include "outlay-currency.h"

enum
{
  BUDGET_WRITTEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OutlayCashflowWindow, outlay_cashflow_window, ADW_TYPE_WINDOW)

static void refresh (OutlayCashflowWindow *self);

static void
command_free (gpointer data)
{
  Command *c = data;

  g_clear_pointer (&c->before, g_array_unref);
  g_clear_pointer (&c->after, g_array_unref);
  g_clear_object (&c->bill_before);
  g_clear_object (&c->bill_after);
  g_clear_object (&c->deleted);
  g_clear_object (&c->account_before);
  g_clear_object (&c->account_after);
  g_free (c);
}

static void
today (GDate *d)
{
  const char *env = g_getenv ("OUTLAY_TODAY");

  if (env == NULL || !outlay_date_parse_iso (env, d))
    {
      g_date_clear (d, 1);
      g_date_set_time_t (d, time (NULL));
    }
}

static void
toast (OutlayCashflowWindow *self, const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

char *
outlay_cashflow_day_words (const GDate *d)
{
  char buf[64];

  /* Translators: a day in the cash-flow summary, see strftime */
  g_date_strftime (buf, sizeof buf, _("%a %-d %B"), d);
  return g_strdup (buf);
}

/* ---- the selected occurrence ---- */

static OutlayCashflowRow *
selected_row (OutlayCashflowWindow *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* The occurrence as stored, or as its rule gives it */
static OutlayBillOccurrence
state_of (OutlayCashflowWindow *self, const OutlayScheduleItem *item)
{
  OutlayBillOccurrence o = {
    outlay_bill_get_id (item->bill), item->original, OUTLAY_BILL_STATUS_DUE, { 0 }, 0, -1
  };

  g_date_clear (&o.moved_to, 1);
  for (guint i = 0; self->book != NULL && i < self->book->occurrences->len; i++)
    {
      OutlayBillOccurrence *s = &g_array_index (self->book->occurrences, OutlayBillOccurrence, i);

      if (s->bill_id == o.bill_id && g_date_compare (&s->original, &o.original) == 0)
        return *s;
    }
  return o;
}

static gboolean
touches_budget (OutlayCashflowWindow *self, GArray *states, gint64 *budget_id)
{
  for (guint i = 0; i < states->len; i++)
    for (guint j = 0; j < self->book->bills->len; j++)
      {
        OutlayBill *b = g_ptr_array_index (self->book->bills, j);

        if (outlay_bill_get_id (b) == g_array_index (states, OutlayBillOccurrence, i).bill_id
            && outlay_bill_get_line_id (b) > 0)
          {
            *budget_id = outlay_bill_get_budget_id (b);
            return TRUE;
          }
      }
  return FALSE;
}

static gboolean
write_states (OutlayCashflowWindow *self, GArray *states)
{
  g_autoptr (GError) error = NULL;
  gint64 budget_id = 0;

  if (!outlay_store_set_occurrences (self->store, (OutlayBillOccurrence *) states->data,
                                     states->len, &error))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      toast (self, error->message);
      return FALSE;
    }
  if (touches_budget (self, states, &budget_id))
    g_signal_emit (self, signals[BUDGET_WRITTEN], 0, budget_id);
  return TRUE;
}

/* Writes @after, remembers @before for undo, and shows the result */
static gboolean
apply (OutlayCashflowWindow *self, GArray *before, GArray *after)
{
  Command *c;

  if (!write_states (self, after))
    return FALSE;
  c = g_new0 (Command, 1);
  c->before = g_array_ref (before);
  c->after = g_array_ref (after);
  g_ptr_array_add (self->undo, c);
  g_ptr_array_set_size (self->redo, 0);
  refresh (self);
  return TRUE;
}

static gboolean
apply_one (OutlayCashflowWindow *self,
           const OutlayBillOccurrence *before,
           const OutlayBillOccurrence *after)
{
  g_autoptr (GArray) b = g_array_new (FALSE, FALSE, sizeof (OutlayBillOccurrence));
  g_autoptr (GArray) a = g_array_new (FALSE, FALSE, sizeof (OutlayBillOccurrence));

  g_array_append_vals (b, before, 1);
  g_array_append_vals (a, after, 1);
  return apply (self, b, a);
}

/* ---- public edits (the actions and the tests use them) ---- */

/**
 * outlay_cashflow_window_mark_paid:
 * @self: the window
 * @position: a row of the schedule
 * @amount: what was paid (positive)
 *
 * Returns: %TRUE when it was recorded
 */
gboolean
outlay_cashflow_window_mark_paid (OutlayCashflowWindow *self, guint position, OutlayDecimal amount)
{
  g_autoptr (OutlayCashflowRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  OutlayBillOccurrence before, after;

  g_return_val_if_fail (row != NULL, FALSE);
  before = after = state_of (self, outlay_cashflow_row_get_item (row));
  after.status = OUTLAY_BILL_STATUS_PAID;
  after.paid_amount = amount;
  return apply_one (self, &before, &after);
}

static gboolean
set_status (OutlayCashflowWindow *self, OutlayBillStatus status, const GDate *moved_to)
{
  OutlayCashflowRow *row = selected_row (self);
  OutlayBillOccurrence before, after;

  if (row == NULL)
    return FALSE;
  before = after = state_of (self, outlay_cashflow_row_get_item (row));
  after.status = status;
  if (moved_to != NULL)
    after.moved_to = *moved_to;
  if (status != OUTLAY_BILL_STATUS_PAID)
    after.paid_amount = 0;
  return apply_one (self, &before, &after);
}

/**
 * outlay_cashflow_window_reorder:
 * @self: the window
 * @position: a row of the schedule
 * @target: the row it goes to, on the same day
 *
 * Stores the new order of the day's occurrences, all in one transaction.
 *
 * Returns: %TRUE when the order changed
 */
gboolean
outlay_cashflow_window_reorder (OutlayCashflowWindow *self, guint position, guint target)
{
  GListModel *model = G_LIST_MODEL (self->rows);
  g_autoptr (OutlayCashflowRow) row = g_list_model_get_item (model, position);
  g_autoptr (OutlayCashflowRow) dest = g_list_model_get_item (model, target);
  g_autoptr (GArray) before = g_array_new (FALSE, FALSE, sizeof (OutlayBillOccurrence));
  g_autoptr (GArray) after = g_array_new (FALSE, FALSE, sizeof (OutlayBillOccurrence));
  g_autoptr (GPtrArray) day = g_ptr_array_new_with_free_func (g_object_unref);
  const GDate *date;
  guint from_i = 0, to_i = 0;

  if (row == NULL || dest == NULL || position == target)
    return FALSE;
  date = &outlay_cashflow_row_get_item (row)->date;
  if (g_date_compare (date, &outlay_cashflow_row_get_item (dest)->date) != 0)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      OutlayCashflowRow *r = g_list_model_get_item (model, i);

      if (g_date_compare (&outlay_cashflow_row_get_item (r)->date, date) != 0)
        {
          g_object_unref (r);
          continue;
        }
      if (i == position)
        from_i = day->len;
      if (i == target)
        to_i = day->len;
      g_ptr_array_add (day, r);
    }
  {
    gpointer moving = g_ptr_array_steal_index (day, from_i);
    g_ptr_array_insert (day, to_i, moving);
  }
  for (guint i = 0; i < day->len; i++)
    {
      OutlayBillOccurrence s = state_of (self,
                                         outlay_cashflow_row_get_item (g_ptr_array_index (day, i)));

      g_array_append_val (before, s);
      s.position = i;
      g_array_append_val (after, s);
    }
  if (!apply (self, before, after))
    return FALSE;
  /* keep the moved row selected, where it went */
  gtk_single_selection_set_selected (self->selection, target);
  return TRUE;
}

/* ---- actions ---- */

static void
move_within_day (OutlayCashflowWindow *self, int delta)
{
  guint pos = gtk_single_selection_get_selected (self->selection);

  if (pos == GTK_INVALID_LIST_POSITION || (delta < 0 && pos == 0)
      || !outlay_cashflow_window_reorder (self, pos, pos + delta))
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
move_up_action (GtkWidget *widget, const char *name, GVariant *param)
{
  move_within_day (OUTLAY_CASHFLOW_WINDOW (widget), -1);
}

static void
move_down_action (GtkWidget *widget, const char *name, GVariant *param)
{
  move_within_day (OUTLAY_CASHFLOW_WINDOW (widget), 1);
}

static void
pay_response_cb (AdwMessageDialog *dialog, const char *response, OutlayCashflowWindow *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "position"));
  OutlayDecimal amount;

  self->dialog = NULL;
  if (!g_str_equal (response, "pay"))
    return;
  if (!outlay_decimal_parse (gtk_editable_get_text (entry), &amount, NULL) || amount < 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      toast (self, _("The amount paid must be a number, such as 61.30"));
      return;
    }
  outlay_cashflow_window_mark_paid (self, position, amount);
}

static void
mark_paid_action (GtkWidget *widget, const char *name, GVariant *param)
{
  OutlayCashflowWindow *self = OUTLAY_CASHFLOW_WINDOW (widget);
  OutlayCashflowRow *row = selected_row (self);
  const OutlayScheduleItem *item;
  g_autofree char *amount = NULL, *when = NULL, *heading = NULL;
  GtkWidget *entry;

  if (row == NULL)
    return gtk_widget_error_bell (widget);
  item = outlay_cashflow_row_get_item (row);
  when = outlay_cashflow_day_words (&item->date);
  heading = g_strdup_printf (_("Mark “%s” Paid"), outlay_bill_get_payee (item->bill));
  self->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));
  adw_message_dialog_format_body (self->dialog, _("Due on %s. Change the amount if it differed."),
                                                   when);
  amount = outlay_decimal_to_string_trim (item->amount < 0 ? -item->amount : item->amount);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), amount);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Amount paid"), -1);
  adw_message_dialog_set_extra_child (self->dialog, entry);
  adw_message_dialog_add_responses (self->dialog, "cancel",
                                    _("_Cancel"), "pay", _("Mark _Paid"), NULL);
  adw_message_dialog_set_response_appearance (self->dialog, "pay", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (self->dialog, "pay");
  g_object_set_data (G_OBJECT (self->dialog), "entry", entry);
  g_object_set_data (G_OBJECT (self->dialog), "position",
                     GUINT_TO_POINTER (gtk_single_selection_get_selected (self->selection)));
  g_signal_connect (self->dialog, "response", G_CALLBACK (pay_response_cb), self);
  gtk_window_present (GTK_WINDOW (self->dialog));
}

static void
skip_action (GtkWidget *widget, const char *name, GVariant *param)
{
  if (!set_status (OUTLAY_CASHFLOW_WINDOW (widget), OUTLAY_BILL_STATUS_SKIPPED, NULL))
    gtk_widget_error_bell (widget);
}

static void
mark_due_action (GtkWidget *widget, const char *name, GVariant *param)
{
  if (!set_status (OUTLAY_CASHFLOW_WINDOW (widget), OUTLAY_BILL_STATUS_DUE, NULL))
    gtk_widget_error_bell (widget);
}

static void
move_response_cb (AdwMessageDialog *dialog, const char *response, OutlayCashflowWindow *self)
{
  GtkCalendar *calendar = g_object_get_data (G_OBJECT (dialog), "calendar");
  g_autoptr (GDateTime) dt = gtk_calendar_get_date (calendar);
  GDate d;

  self->dialog = NULL;
  if (!g_str_equal (response, "move"))
    return;
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
  set_status (self, OUTLAY_BILL_STATUS_DUE, &d);
}

static void
move_action (GtkWidget *widget, const char *name, GVariant *param)
{
  OutlayCashflowWindow *self = OUTLAY_CASHFLOW_WINDOW (widget);
  OutlayCashflowRow *row = selected_row (self);
  const OutlayScheduleItem *item;
  g_autoptr (GDateTime) dt = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *calendar;

  if (row == NULL)
    return gtk_widget_error_bell (widget);
  item = outlay_cashflow_row_get_item (row);
  heading = g_strdup_printf (_("Move “%s”"), outlay_bill_get_payee (item->bill));
  self->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_WINDOW (self), heading, _("The new date applies to this occurrence only.")));
  calendar = gtk_calendar_new ();
  dt = g_date_time_new_local (g_date_get_year (&item->date), g_date_get_month (&item->date),
                              g_date_get_day (&item->date), 0, 0, 0);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), dt);
  adw_message_dialog_set_extra_child (self->dialog, calendar);
  adw_message_dialog_add_responses (self->dialog, "cancel",
                                    _("_Cancel"), "move", _("_Move"), NULL);
  adw_message_dialog_set_response_appearance (self->dialog, "move", ADW_RESPONSE_SUGGESTED);
  g_object_set_data (G_OBJECT (self->dialog), "calendar", calendar);
  g_signal_connect (self->dialog, "response", G_CALLBACK (move_response_cb), self);
  gtk_window_present (GTK_WINDOW (self->dialog));
}

/* Puts a bill back as it was (@bill NULL: deletes @other, which was added) */
static gboolean
write_bill (OutlayCashflowWindow *self, OutlayBill *bill, OutlayBill *other)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayBill) copy = bill ? outlay_bill_copy (bill) : NULL;
  gboolean ok = copy ? outlay_store_save_bill (self->store, copy, &error)
                     : outlay_store_delete_bill (self->store, outlay_bill_get_id (other), &error);

  if (!ok)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      toast (self, error->message);
    }
  return ok;
}

static OutlayAccount *
account_copy (OutlayAccount *a)
{
  return g_object_new (
      OUTLAY_TYPE_ACCOUNT, "id", outlay_account_get_id (a), "name", outlay_account_get_name (a),
      "institution", outlay_account_get_institution (a), "currency",
      outlay_account_get_currency (a), "balance", outlay_account_get_balance (a), "balance-date",
      outlay_account_get_balance_date (a), "kind", outlay_account_get_kind (a), "reserve",
      outlay_account_get_reserve (a), NULL);
}

static gboolean
write_account (OutlayCashflowWindow *self, OutlayAccount *account, OutlayAccount *other)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayAccount) copy = account ? account_copy (account) : NULL;
  gboolean ok = copy ? outlay_store_save_account (self->store, copy, &error)
                     : outlay_store_delete_account (self->store, outlay_account_get_id (other),
                                                    &error);

  if (!ok)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      toast (self, error->message);
    }
  return ok;
}

static gboolean
write_snapshot (OutlayCashflowWindow *self, Command *c, gboolean undo)
{
  g_autoptr (GError) error = NULL;
  GDate now;
  gboolean ok;

  today (&now);
  if (undo && !c->had_before)
    ok = outlay_store_delete_snapshot (self->store, c->snapshot_after.account_id,
                                       &c->snapshot_after.date, &error);
  else
    ok = outlay_store_set_snapshot (self->store, undo ? &c->snapshot_before : &c->snapshot_after,
                                    &now, &error);
  if (!ok)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      toast (self, error->message);
    }
  return ok;
}

static void
undo_redo (OutlayCashflowWindow *self, GPtrArray *from, GPtrArray *to, gboolean undo)
{
  Command *c;

  if (from->len == 0)
    return gtk_widget_error_bell (GTK_WIDGET (self));
  c = g_ptr_array_steal_index (from, from->len - 1);
  if (c->account_after != NULL || c->snapshot)
    {
      gboolean ok = c->snapshot ? write_snapshot (self, c, undo)
                                : write_account (self, undo ? c->account_before : c->account_after,
                                                 c->account_after);

      g_ptr_array_add (ok ? to : from, c);
      refresh (self);
      return;
    }
  if (c->deleted != NULL)
    {
      /* undo puts the bill back with what was paid, skipped or moved */
      gboolean ok = undo ? write_bill (self, c->deleted, NULL)
                               && (c->before->len == 0 || write_states (self, c->before))
                         : write_bill (self, NULL, c->deleted);

      g_ptr_array_add (ok ? to : from, c);
      refresh (self);
      return;
    }
  if (c->bill_after != NULL)
    {
      if (!write_bill (self, undo ? c->bill_before : c->bill_after, c->bill_after))
        g_ptr_array_add (from, c);
      else
        g_ptr_array_add (to, c);
      refresh (self);
      return;
    }
  if (!write_states (self, undo ? c->before : c->after))
    {
      g_ptr_array_add (from, c);
      return;
    }
  g_ptr_array_add (to, c);
  refresh (self);
}

static void
undo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  OutlayCashflowWindow *self = OUTLAY_CASHFLOW_WINDOW (widget);

  undo_redo (self, self->undo, self->redo, TRUE);
}

static void
redo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  OutlayCashflowWindow *self = OUTLAY_CASHFLOW_WINDOW (widget);

  undo_redo (self, self->redo, self->undo, FALSE);
}

static void
push (OutlayCashflowWindow *self, Command *c)
{
  g_ptr_array_add (self->undo, c);
  g_ptr_array_set_size (self->redo, 0);
  refresh (self);
}

static void
bill_saved_cb (OutlayBillDialog *dialog,
               OutlayBill *before,
               OutlayBill *after,
               OutlayCashflowWindow *self)
{
  Command *c = g_new0 (Command, 1);

  c->bill_before = before ? outlay_bill_copy (before) : NULL;
  c->bill_after = outlay_bill_copy (after);
  g_ptr_array_add (self->undo, c);
  g_ptr_array_set_size (self->redo, 0);
  refresh (self);
}

static void
open_bill_dialog (OutlayCashflowWindow *self, OutlayBill *bill)
{
  OutlayBillDialog *dialog;
  GDate now;

  today (&now);
  dialog = outlay_bill_dialog_new (GTK_WINDOW (self), self->store, bill, &now);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (bill_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_bill_action (GtkWidget *widget, const char *name, GVariant *param)
{
  open_bill_dialog (OUTLAY_CASHFLOW_WINDOW (widget), NULL);
}

static void
delete_bill_action (GtkWidget *widget, const char *name, GVariant *param)
{
  OutlayCashflowWindow *self = OUTLAY_CASHFLOW_WINDOW (widget);
  OutlayCashflowRow *row = selected_row (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  OutlayBill *bill;
  Command *c;
  AdwToast *undo_toast;

  if (row == NULL)
    return gtk_widget_error_bell (widget);
  bill = outlay_cashflow_row_get_item (row)->bill;
  c = g_new0 (Command, 1);
  c->deleted = outlay_bill_copy (bill);
  c->before = g_array_new (FALSE, FALSE, sizeof (OutlayBillOccurrence));
  for (guint i = 0; i < self->book->occurrences->len; i++)
    if (g_array_index (self->book->occurrences, OutlayBillOccurrence, i).bill_id
        == outlay_bill_get_id (bill))
      g_array_append_val (c->before,
                          g_array_index (self->book->occurrences, OutlayBillOccurrence, i));
  if (!outlay_store_delete_bill (self->store, outlay_bill_get_id (bill), &error))
    {
      command_free (c);
      gtk_widget_error_bell (widget);
      return toast (self, error->message);
    }
  text = g_strdup_printf (_("“%s” deleted"), outlay_bill_get_payee (c->deleted));
  push (self, c);
  undo_toast = adw_toast_new (text);
  adw_toast_set_button_label (undo_toast, _("_Undo"));
  adw_toast_set_action_name (undo_toast, "cashflow.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, undo_toast);
}

static void
edit_bill_action (GtkWidget *widget, const char *name, GVariant *param)
{
  OutlayCashflowWindow *self = OUTLAY_CASHFLOW_WINDOW (widget);
  OutlayCashflowRow *row = selected_row (self);

  if (row == NULL)
    return gtk_widget_error_bell (widget);
  open_bill_dialog (self, outlay_cashflow_row_get_item (row)->bill);
}

static void
account_saved_cb (OutlayAccountDialog *dialog,
                  OutlayAccount *before,
                  OutlayAccount *after,
                  OutlayCashflowWindow *self)
{
  Command *c = g_new0 (Command, 1);

  c->account_before = before ? account_copy (before) : NULL;
  c->account_after = account_copy (after);
  push (self, c);
}

static OutlayAccount *
current_account (OutlayCashflowWindow *self)
{
  guint i = gtk_drop_down_get_selected (self->account_dropdown);

  if (self->book == NULL || i == GTK_INVALID_LIST_POSITION || i >= self->book->accounts->len)
    return NULL;
  return g_ptr_array_index (self->book->accounts, i);
}

static void
open_account_dialog (OutlayCashflowWindow *self, OutlayAccount *account)
{
  OutlayAccountDialog *dialog;
  GDate now;

  today (&now);
  dialog = outlay_account_dialog_new (GTK_WINDOW (self), self->store, account, &now);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (account_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_account_action (GtkWidget *widget, const char *name, GVariant *param)
{
  open_account_dialog (OUTLAY_CASHFLOW_WINDOW (widget), NULL);
}

static void
edit_account_action (GtkWidget *widget, const char *name, GVariant *param)
{
  OutlayCashflowWindow *self = OUTLAY_CASHFLOW_WINDOW (widget);
  OutlayAccount *account = current_account (self);

  if (account == NULL)
    return gtk_widget_error_bell (widget);
  open_account_dialog (self, account);
}

static void
balance_response_cb (AdwMessageDialog *dialog, const char *response, OutlayCashflowWindow *self)
{
  GtkEditable *amount = g_object_get_data (G_OBJECT (dialog), "amount");
  GtkEditable *date = g_object_get_data (G_OBJECT (dialog), "date");
  OutlayAccount *account = current_account (self);
  g_autoptr (GError) error = NULL;
  Command *c;
  GDate now;

  self->dialog = NULL;
  if (!g_str_equal (response, "record") || account == NULL)
    return;
  c = g_new0 (Command, 1);
  c->snapshot = TRUE;
  c->snapshot_after.account_id = outlay_account_get_id (account);
  today (&now);
  if (!outlay_decimal_parse (gtk_editable_get_text (amount), &c->snapshot_after.balance, NULL)
      || !outlay_date_parse_iso (gtk_editable_get_text (date), &c->snapshot_after.date))
    {
      g_free (c);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return toast (self, _("Type the balance as a number and its day as YYYY-MM-DD"));
    }
  c->snapshot_before = c->snapshot_after;
  for (guint i = 0; i < self->book->snapshots->len; i++)
    {
      OutlayBalanceSnapshot *s = &g_array_index (self->book->snapshots, OutlayBalanceSnapshot, i);

      if (s->account_id == c->snapshot_after.account_id
          && g_date_compare (&s->date, &c->snapshot_after.date) == 0)
        c->had_before = TRUE, c->snapshot_before = *s;
    }
  if (!outlay_store_set_snapshot (self->store, &c->snapshot_after, &now, &error))
    {
      g_free (c);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return toast (self, error->message);
    }
  push (self, c);
}

static void
record_balance_action (GtkWidget *widget, const char *name, GVariant *param)
{
  OutlayCashflowWindow *self = OUTLAY_CASHFLOW_WINDOW (widget);
  OutlayAccount *account = current_account (self);
  g_autofree char *heading = NULL, *date_text = NULL;
  GtkWidget *box, *amount, *date;
  GDate now;

  if (account == NULL)
    return gtk_widget_error_bell (widget);
  today (&now);
  date_text = outlay_date_to_iso (&now);
  heading = g_strdup_printf (_("Balance of “%s”"), outlay_account_get_name (account));
  self->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_WINDOW (self), heading,
      _("What the bank showed at the end of a day. The projection starts again from it.")));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  amount = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (amount), _("Balance"));
  gtk_entry_set_activates_default (GTK_ENTRY (amount), TRUE);
  date = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (date), date_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (amount), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Balance"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (date), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Day (YYYY-MM-DD)"), -1);
  gtk_box_append (GTK_BOX (box), amount);
  gtk_box_append (GTK_BOX (box), date);
  adw_message_dialog_set_extra_child (self->dialog, box);
  adw_message_dialog_add_responses (self->dialog, "cancel",
                                    _("_Cancel"), "record", _("_Record"), NULL);
  adw_message_dialog_set_default_response (self->dialog, "record");
  adw_message_dialog_set_response_appearance (self->dialog, "record", ADW_RESPONSE_SUGGESTED);
  g_object_set_data (G_OBJECT (self->dialog), "amount", amount);
  g_object_set_data (G_OBJECT (self->dialog), "date", date);
  g_signal_connect (self->dialog, "response", G_CALLBACK (balance_response_cb), self);
  gtk_window_present (GTK_WINDOW (self->dialog));
}

static void
refresh (OutlayCashflowWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  OutlayCashflowBook *book;
  guint selected = gtk_single_selection_get_selected (self->selection);
  GDate now;

  today (&now);
  book = outlay_cashflow_book_load (self->store, &self->from, &self->to, &now, &error);
  if (book == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->book, outlay_cashflow_book_free);
  self->book = book;
  self->updating = TRUE;
  outlay_cashflow_window_fill_accounts (self);
  for (guint i = 0; i < book->schedule->len; i++)
    {
      OutlayScheduleItem *item = g_ptr_array_index (book->schedule, i);

      g_ptr_array_add (
          rows, outlay_cashflow_row_new (item, outlay_cashflow_book_account (
                                                   book, outlay_bill_get_account_id (item->bill))));
    }
  /* one items-changed for the whole schedule */
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
  if (selected != GTK_INVALID_LIST_POSITION && selected < rows->len)
    gtk_single_selection_set_selected (self->selection, selected);
  self->updating = FALSE;
  gtk_stack_set_visible_child_name (self->stack, book->accounts->len > 0 ? "schedule" : "empty");
  outlay_cashflow_window_update_range_label (self);
  outlay_cashflow_window_show_projection (self);
}

static void
calendar_set (GtkCalendar *calendar, const GDate *d)
{
  g_autoptr (GDateTime) dt = g_date_time_new_local (g_date_get_year (d), g_date_get_month (d),
                                                    g_date_get_day (d), 0, 0, 0);

  gtk_calendar_select_day (calendar, dt);
}

static void
calendar_get (GtkCalendar *calendar, GDate *d)
{
  g_autoptr (GDateTime) dt = gtk_calendar_get_date (calendar);

  g_date_clear (d, 1);
  g_date_set_dmy (d, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
}

static void
range_changed_cb (OutlayCashflowWindow *self)
{
  GDate from, to;

  if (self->updating)
    return;
  calendar_get (self->from_calendar, &from);
  calendar_get (self->to_calendar, &to);
  if (g_date_compare (&to, &from) < 0)
    return gtk_widget_error_bell (GTK_WIDGET (self));
  outlay_cashflow_window_set_range (self, &from, &to);
}

/* ---- the window ---- */

static void
outlay_cashflow_window_dispose (GObject *object)
{
  OutlayCashflowWindow *self = OUTLAY_CASHFLOW_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_CASHFLOW_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->account_names);
  g_clear_pointer (&self->book, outlay_cashflow_book_free);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (outlay_cashflow_window_parent_class)->dispose (object);
}

static void
outlay_cashflow_window_class_init (OutlayCashflowWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct
  {
    const char *action;
    void (*func) (GtkWidget *, const char *, GVariant *);
    guint key;
    GdkModifierType mods;
  } actions[] = {
    { "cashflow.mark-paid", mark_paid_action, GDK_KEY_p, GDK_CONTROL_MASK },
    { "cashflow.skip", skip_action, GDK_KEY_k, GDK_CONTROL_MASK },
    { "cashflow.move", move_action, GDK_KEY_m, GDK_CONTROL_MASK },
    { "cashflow.mark-due", mark_due_action, GDK_KEY_d, GDK_CONTROL_MASK },
    { "cashflow.move-up", move_up_action, GDK_KEY_Up, GDK_ALT_MASK },
    { "cashflow.move-down", move_down_action, GDK_KEY_Down, GDK_ALT_MASK },
    { "cashflow.add-bill", add_bill_action, GDK_KEY_n, GDK_CONTROL_MASK },
    { "cashflow.edit-bill", edit_bill_action, GDK_KEY_e, GDK_CONTROL_MASK },
    { "cashflow.delete-bill", delete_bill_action, GDK_KEY_Delete, 0 },
    { "cashflow.add-account", add_account_action, 0, 0 },
    { "cashflow.edit-account", edit_account_action, 0, 0 },
    { "cashflow.record-balance", record_balance_action, GDK_KEY_b, GDK_CONTROL_MASK },
    { "cashflow.undo", undo_action, GDK_KEY_z, GDK_CONTROL_MASK },
    { "cashflow.redo", redo_action, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
  };

  object_class->dispose = outlay_cashflow_window_dispose;
  signals[BUDGET_WRITTEN] = g_signal_new ("budget-written", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                          G_TYPE_INT64);
  g_type_ensure (OUTLAY_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/outlay/Outlay/ui/outlay-cashflow-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayCashflowWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OutlayCashflowWindow, range_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayCashflowWindow, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, OutlayCashflowWindow, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, OutlayCashflowWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, OutlayCashflowWindow, account_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OutlayCashflowWindow, safe_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayCashflowWindow, shortfall_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayCashflowWindow, chart_view);
  gtk_widget_class_bind_template_child (widget_class, OutlayCashflowWindow, column_view);
  gtk_widget_class_bind_template_callback (widget_class, range_changed_cb);
  gtk_widget_class_bind_template_callback_full (
      widget_class, "account_changed_cb", G_CALLBACK (outlay_cashflow_window_account_changed_cb));
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      gtk_widget_class_install_action (widget_class, actions[i].action, NULL, actions[i].func);
      if (actions[i].key != 0)
        gtk_widget_class_add_binding_action (widget_class, actions[i].key, actions[i].mods,
                                             actions[i].action, NULL);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
outlay_cashflow_window_init (OutlayCashflowWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_list_store_new (OUTLAY_TYPE_CASHFLOW_ROW);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  self->account_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->account_dropdown, G_LIST_MODEL (self->account_names));
  self->undo = g_ptr_array_new_with_free_func (command_free);
  self->redo = g_ptr_array_new_with_free_func (command_free);
  outlay_cashflow_window_add_columns (self);
}

/**
 * outlay_cashflow_window_new:
 * @parent: (nullable): the main window
 * @store: the database
 *
 * Returns: (transfer floating): the Cash Flow window, on the default range
 */
OutlayCashflowWindow *
outlay_cashflow_window_new (GtkWindow *parent, OutlayStore *store)
{
  OutlayCashflowWindow *self = g_object_new (OUTLAY_TYPE_CASHFLOW_WINDOW, "transient-for", parent,
                                             NULL);
  g_autoptr (GArray) snapshots = outlay_store_list_snapshots (store, NULL);
  GDate now, from, to;

  self->store = g_object_ref (store);
  today (&now);
  outlay_cashflow_default_range (snapshots, &now, &from, &to);
  outlay_cashflow_window_set_range (self, &from, &to);
  return self;
}

/**
 * outlay_cashflow_window_set_range:
 * @self: the window
 * @from: the first day shown
 * @to: the last
 */
void
outlay_cashflow_window_set_range (OutlayCashflowWindow *self, const GDate *from, const GDate *to)
{
  g_return_if_fail (OUTLAY_IS_CASHFLOW_WINDOW (self));
  self->from = *from;
  self->to = *to;
  self->updating = TRUE;
  calendar_set (self->from_calendar, from);
  calendar_set (self->to_calendar, to);
  self->updating = FALSE;
  refresh (self);
}

/**
 * outlay_cashflow_window_get_selection:
 * @self: the window
 *
 * Returns: (transfer none): the schedule's rows and the selected one
 */
GtkSingleSelection *
outlay_cashflow_window_get_selection (OutlayCashflowWindow *self)
{
  g_return_val_if_fail (OUTLAY_IS_CASHFLOW_WINDOW (self), NULL);
  return self->selection;
}

/**
 * outlay_cashflow_window_get_dialog:
 * @self: the window
 *
 * Returns: (transfer none) (nullable): the Mark Paid or Move dialog while
 *   it is open
 */
AdwMessageDialog *
outlay_cashflow_window_get_dialog (OutlayCashflowWindow *self)
{
  g_return_val_if_fail (OUTLAY_IS_CASHFLOW_WINDOW (self), NULL);
  return self->dialog;
}
