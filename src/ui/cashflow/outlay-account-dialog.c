/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-account-dialog"

/* Add or edit a bank account: name, kind, currency, the opening balance
 * and its date, and the reserve the projection warns about. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-account-dialog.h"
#include "outlay-error.h"
#include "outlay-recurrence.h"
#include "outlay-store-bills.h"

struct _OutlayAccountDialog
{
  AdwWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwEntryRow *name_row;
  AdwComboRow *kind_row;
  AdwEntryRow *currency_row;
  AdwEntryRow *opening_row;
  AdwEntryRow *date_row;
  AdwEntryRow *reserve_row;

  OutlayStore *store;
  OutlayAccount *before; /* NULL for a new account */
};

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OutlayAccountDialog, outlay_account_dialog, ADW_TYPE_WINDOW)

static gboolean
read_amount (AdwEntryRow *row, OutlayDecimal *v, GError **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (*text == '\0')
    {
      *v = 0;
      return TRUE;
    }
  if (outlay_decimal_parse (text, v, NULL))
    return TRUE;
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
               _("%s: “%s” is not an amount"),
                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), text);
  return FALSE;
}

static void
save_clicked_cb (OutlayAccountDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayAccount) after = outlay_account_new ();
  g_autofree char *currency = g_ascii_strup (
      gtk_editable_get_text (GTK_EDITABLE (self->currency_row)), -1);
  OutlayDecimal opening, reserve;
  GDate d;

  if (!read_amount (self->opening_row, &opening, &error)
      || !read_amount (self->reserve_row, &reserve, &error))
    goto fail;
  if (!outlay_date_parse_iso (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &d))
    {
      g_set_error_literal (&error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("The opening balance needs its date, as YYYY-MM-DD."));
      goto fail;
    }
  g_object_set (after, "id", self->before ? outlay_account_get_id (self->before) : (gint64) 0,
                "name", gtk_editable_get_text (GTK_EDITABLE (self->name_row)), "kind",
                adw_combo_row_get_selected (self->kind_row), "currency", g_strstrip (currency),
                "balance", opening, "balance-date",
                gtk_editable_get_text (GTK_EDITABLE (self->date_row)), "reserve", reserve,
                "institution", self->before ? outlay_account_get_institution (self->before) : NULL,
                NULL);
  if (!outlay_store_save_account (self->store, after, &error))
    goto fail;
  g_signal_emit (self, signals[SAVED], 0, self->before, after);
  gtk_window_destroy (GTK_WINDOW (self));
  return;

fail:
  gtk_widget_error_bell (GTK_WIDGET (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
outlay_account_dialog_dispose (GObject *object)
{
  OutlayAccountDialog *self = OUTLAY_ACCOUNT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_ACCOUNT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->before);
  G_OBJECT_CLASS (outlay_account_dialog_parent_class)->dispose (object);
}

static void
outlay_account_dialog_class_init (OutlayAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_account_dialog_dispose;
  /* (before or NULL for a new account, after): for the caller's undo */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 2, OUTLAY_TYPE_ACCOUNT,
                                 OUTLAY_TYPE_ACCOUNT);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/outlay/Outlay/ui/outlay-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayAccountDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OutlayAccountDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayAccountDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayAccountDialog, currency_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayAccountDialog, opening_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayAccountDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayAccountDialog, reserve_row);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
outlay_account_dialog_init (OutlayAccountDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
set_amount (AdwEntryRow *row, OutlayDecimal v)
{
  g_autofree char *text = outlay_decimal_to_string_trim (v);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/**
 * outlay_account_dialog_new:
 * @parent: the Cash Flow window
 * @store: the database
 * @account: (nullable): the account to edit, %NULL for a new one
 * @today: the opening date offered for a new account
 *
 * Returns: (transfer floating): the dialog; "saved" says what changed
 */
OutlayAccountDialog *
outlay_account_dialog_new (GtkWindow *parent,
                           OutlayStore *store,
                           OutlayAccount *account,
                           const GDate *today)
{
  OutlayAccountDialog *self = g_object_new (OUTLAY_TYPE_ACCOUNT_DIALOG, "transient-for", parent,
                                            NULL);
  g_autofree char *date = outlay_date_to_iso (today);

  self->store = g_object_ref (store);
  gtk_window_set_title (GTK_WINDOW (self), account ? _("Edit Account") : _("New Account"));
  if (account == NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->currency_row), "USD");
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
      set_amount (self->opening_row, 0);
      set_amount (self->reserve_row, 0);
      return self;
    }
  self->before = g_object_ref (account);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), outlay_account_get_name (account));
  adw_combo_row_set_selected (self->kind_row, outlay_account_get_kind (account));
  gtk_editable_set_text (GTK_EDITABLE (self->currency_row), outlay_account_get_currency (account));
  set_amount (self->opening_row, outlay_account_get_balance (account));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row),
                         outlay_account_get_balance_date (account) ?: date);
  set_amount (self->reserve_row, outlay_account_get_reserve (account));
  return self;
}
