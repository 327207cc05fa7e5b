/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-new-budget-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-application.h"
#include "outlay-currency.h"
#include "outlay-new-budget-dialog.h"
#include "outlay-store-templates.h"
#include "outlay-template.h"

struct _OutlayNewBudgetDialog
{
  AdwMessageDialog  parent_instance;
  AdwEntryRow      *name_row;
  AdwComboRow      *template_row;
  AdwEntryRow      *currency_row;
  GtkWidget        *currency_error;
  /* one per row of template_row: "aicp" … or "user:ID", and its currency */
  GPtrArray        *template_ids;
  GPtrArray        *currencies;
  char             *currency;
  gboolean          currency_typed;
  gboolean          setting_currency;
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

/* Until the user types a currency, it follows the template's: a template
 * of theirs in euros starts a budget in euros, its rates kept. */
static void
template_selected_cb (OutlayNewBudgetDialog *self)
{
  guint i = adw_combo_row_get_selected (self->template_row);

  if (self->currency_typed || i >= self->currencies->len)
    return;
  self->setting_currency = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->currency_row), g_ptr_array_index (self->currencies, i));
  self->setting_currency = FALSE;
}

static void
currency_changed_cb (OutlayNewBudgetDialog *self)
{
  if (!self->setting_currency)
    self->currency_typed = TRUE;
}

static void
outlay_new_budget_dialog_finalize (GObject *object)
{
  OutlayNewBudgetDialog *self = OUTLAY_NEW_BUDGET_DIALOG (object);

  g_ptr_array_unref (self->template_ids);
  g_ptr_array_unref (self->currencies);
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
  gtk_widget_class_bind_template_callback (widget_class, template_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, currency_changed_cb);
}

static void
outlay_new_budget_dialog_init (OutlayNewBudgetDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->template_ids = g_ptr_array_new_with_free_func (g_free);
  self->currencies = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < outlay_template_get_n_templates (); i++)
    {
      gtk_string_list_append (names, outlay_template_get_name (i));
      g_ptr_array_add (self->template_ids, g_strdup (outlay_template_get_id (i)));
      g_ptr_array_add (self->currencies, g_strdup (outlay_template_get_currency (i)));
    }
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (names));
  /* start blank, as outlay-cli new does */
  for (guint i = 0; i < self->template_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->template_ids, i), "blank"))
      adw_combo_row_set_selected (self->template_row, i);
  self->currency_typed = FALSE;
}

/* The user's own templates after the built-in ones, in one batch. */
static void
add_user_templates (OutlayNewBudgetDialog *self,
                    OutlayStore           *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = outlay_store_list_templates (store, &error);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GListModel *names = adw_combo_row_get_model (self->template_row);
  guint selected = adw_combo_row_get_selected (self->template_row);

  if (templates == NULL)
    {
      g_warning ("Could not list the templates: %s", error->message);
      return;
    }
  for (guint i = 0; i < templates->len; i++)
    {
      OutlayBudget *t = g_ptr_array_index (templates, i);

      /* Translators: a template the user saved, in New Budget's Start From list */
      g_ptr_array_add (labels, g_strdup_printf (_("%s (yours)"), outlay_budget_get_name (t)));
      g_ptr_array_add (self->template_ids, outlay_user_template_id (outlay_budget_get_id (t)));
      g_ptr_array_add (self->currencies, g_strdup (outlay_budget_get_currency (t)));
    }
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (GTK_STRING_LIST (names), g_list_model_get_n_items (names), 0,
                          (const char *const *) labels->pdata);
  adw_combo_row_set_selected (self->template_row, selected);
}

/* The application's store, when @parent belongs to Outlay. */
static OutlayStore *
store_for (GtkWindow *parent)
{
  GApplication *app = parent != NULL ? G_APPLICATION (gtk_window_get_application (parent)) : NULL;

  if (app == NULL)
    app = g_application_get_default ();
  return OUTLAY_IS_APPLICATION (app) ? outlay_application_get_store (OUTLAY_APPLICATION (app))
                                     : NULL;
}

/* The currency chosen in Preferences replaces the built-in templates'
 * (the user's own keep theirs). */
static void
prefer_currency (OutlayNewBudgetDialog *self, GtkWindow *parent)
{
  GApplication *app = parent != NULL ? G_APPLICATION (gtk_window_get_application (parent)) : NULL;
  g_autofree char *code = NULL;

  if (app == NULL)
    app = g_application_get_default ();
  if (!OUTLAY_IS_APPLICATION (app))
    return;
  code = g_settings_get_string (outlay_application_get_settings (OUTLAY_APPLICATION (app)),
                                "default-currency");
  if (!outlay_currency_is_known (code))
    return;
  for (guint i = 0; i < outlay_template_get_n_templates (); i++)
    {
      g_free (g_ptr_array_index (self->currencies, i));
      g_ptr_array_index (self->currencies, i) = g_strdup (code);
    }
  template_selected_cb (self);
}

/**
 * outlay_new_budget_dialog_new:
 * @parent: (nullable): the window it belongs to
 *
 * The dialog offers the built-in templates, then the user's own from the
 * application's store.
 *
 * Returns: (transfer floating): the dialog
 */
GtkWidget *
outlay_new_budget_dialog_new (GtkWindow *parent)
{
  return outlay_new_budget_dialog_new_for_store (parent, store_for (parent));
}

/**
 * outlay_new_budget_dialog_new_for_store:
 * @parent: (nullable): the window it belongs to
 * @store: (nullable): where the user's templates are
 *
 * Returns: (transfer floating): the dialog
 */
GtkWidget *
outlay_new_budget_dialog_new_for_store (GtkWindow   *parent,
                                        OutlayStore *store)
{
  OutlayNewBudgetDialog *self;

  g_return_val_if_fail (store == NULL || OUTLAY_IS_STORE (store), NULL);
  self = g_object_new (OUTLAY_TYPE_NEW_BUDGET_DIALOG, "transient-for", parent, "modal", TRUE,
                       NULL);
  prefer_currency (self, parent);
  if (store != NULL)
    add_user_templates (self, store);
  return GTK_WIDGET (self);
}

const char *
outlay_new_budget_dialog_get_name (OutlayNewBudgetDialog *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->name_row));
}

/**
 * outlay_new_budget_dialog_get_template:
 * @self: the dialog
 *
 * Returns: the chosen template's id for outlay_store_create_budget():
 *   "blank", "aicp", … or "user:ID" for one of the user's own
 */
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
