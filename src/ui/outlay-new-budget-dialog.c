/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-new-budget-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-currency.h"
#include "outlay-new-budget-dialog.h"
#include "outlay-template.h"

struct _OutlayNewBudgetDialog
{
  AdwMessageDialog  parent_instance;
  AdwEntryRow      *name_row;
  AdwComboRow      *template_row;
  AdwEntryRow      *currency_row;
  GtkWidget        *currency_error;
  GPtrArray        *template_ids;
  char             *currency;
};

G_DEFINE_FINAL_TYPE (OutlayNewBudgetDialog, outlay_new_budget_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
name_changed_cb (OutlayNewBudgetDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  const char *currency = gtk_editable_get_text (GTK_EDITABLE (self->currency_row));
  g_autofree char *upper = g_ascii_strup (currency, -1);
  gboolean currency_ok = outlay_currency_is_known (upper);

  if (currency_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->currency_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->currency_row), "error");
  gtk_widget_set_visible (self->currency_error, !currency_ok);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create",
                                           *name != '\0' && currency_ok);
}

static void
outlay_new_budget_dialog_finalize (GObject *object)
{
  OutlayNewBudgetDialog *self = OUTLAY_NEW_BUDGET_DIALOG (object);

  g_ptr_array_unref (self->template_ids);
  g_free (self->currency);
  G_OBJECT_CLASS (outlay_new_budget_dialog_parent_class)->finalize (object);
}

static void
outlay_new_budget_dialog_class_init (OutlayNewBudgetDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = outlay_new_budget_dialog_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/outlay-new-budget-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayNewBudgetDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayNewBudgetDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayNewBudgetDialog, currency_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayNewBudgetDialog, currency_error);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
}

static void
outlay_new_budget_dialog_init (OutlayNewBudgetDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->template_ids = g_ptr_array_new ();
  for (guint i = 0; i < outlay_template_get_n_templates (); i++)
    {
      gtk_string_list_append (names, outlay_template_get_name (i));
      g_ptr_array_add (self->template_ids, (gpointer) outlay_template_get_id (i));
    }
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (names));
  /* start blank, as outlay-cli new does */
  for (guint i = 0; i < self->template_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->template_ids, i), "blank"))
      adw_combo_row_set_selected (self->template_row, i);
}

GtkWidget *
outlay_new_budget_dialog_new (GtkWindow *parent)
{
  return g_object_new (OUTLAY_TYPE_NEW_BUDGET_DIALOG, "transient-for", parent, "modal", TRUE,
                       NULL);
}

const char *
outlay_new_budget_dialog_get_name (OutlayNewBudgetDialog *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->name_row));
}

const char *
outlay_new_budget_dialog_get_template (OutlayNewBudgetDialog *self)
{
  guint i = adw_combo_row_get_selected (self->template_row);

  return i < self->template_ids->len ? g_ptr_array_index (self->template_ids, i) : "blank";
}

const char *
outlay_new_budget_dialog_get_currency (OutlayNewBudgetDialog *self)
{
  g_free (self->currency);
  self->currency = g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (self->currency_row)), -1);
  return self->currency;
}
