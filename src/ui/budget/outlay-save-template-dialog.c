/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-save-template-dialog"

/* "Save as Template…": asks for the template's name and saves the budget
 * as a template of the user's own.  A name that is taken or empty is said
 * in the dialog, which stays open to fix it. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-save-template-dialog.h"
#include "outlay-store-templates.h"

typedef struct
{
  OutlayStore *store;
  gint64       budget_id;
  GtkEditable *entry;
} SaveTemplate;

static const char *
explanation (void)
{
  return _("New budgets can start from it. Its sections and lines are kept, without actual, "
           "committed or reserved amounts.");
}

static void
save_template_free (gpointer data)
{
  SaveTemplate *st = data;

  g_clear_object (&st->store);
  g_free (st);
}

static void
entry_changed_cb (GtkEditable      *entry,
                  AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "save", *name != '\0');
  /* the last error was about the name before this edit */
  adw_message_dialog_set_body (dialog, explanation ());
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

/* A response closes an AdwMessageDialog before it is emitted; this one
 * must stay open when saving fails, so it refuses and response_cb closes
 * it itself. */
static gboolean
close_request_cb (GtkWindow *dialog,
                  gpointer   user_data)
{
  return TRUE;
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             SaveTemplate     *st)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "save")
      && outlay_store_save_as_template (st->store, st->budget_id,
                                        gtk_editable_get_text (st->entry), &error) == 0)
    {
      adw_message_dialog_set_body (dialog, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (st->entry), "error");
      gtk_widget_grab_focus (GTK_WIDGET (st->entry));
      return;
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/**
 * outlay_save_template_dialog_present:
 * @parent: (nullable): the window it belongs to
 * @store: the store @document is in
 * @document: a saved budget
 *
 * Asks for a name, "<budget> template" to start with, and saves the budget
 * with outlay_store_save_as_template(); New Budget then offers it.
 */
void
outlay_save_template_dialog_present (GtkWindow      *parent,
                                     OutlayStore    *store,
                                     OutlayDocument *document)
{
  OutlayBudget *budget;
  AdwMessageDialog *dialog;
  SaveTemplate *st;
  g_autofree char *name = NULL;

  g_return_if_fail (OUTLAY_IS_STORE (store));
  g_return_if_fail (OUTLAY_IS_DOCUMENT (document));
  budget = outlay_document_get_budget (document);
  g_return_if_fail (outlay_budget_get_id (budget) > 0);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Save as Template"),
                                                       explanation ()));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  st = g_new0 (SaveTemplate, 1);
  st->store = g_object_ref (store);
  st->budget_id = outlay_budget_get_id (budget);
  st->entry = GTK_EDITABLE (gtk_entry_new ());
  /* Translators: the name a new template of the budget %s starts with */
  name = g_strdup_printf (_("%s template"), outlay_budget_get_name (budget));
  gtk_editable_set_text (st->entry, name);
  gtk_entry_set_activates_default (GTK_ENTRY (st->entry), TRUE);
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (st->entry));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "outlay-save-template", st, save_template_free);
  g_signal_connect (st->entry, "changed", G_CALLBACK (entry_changed_cb), dialog);
  g_signal_connect_after (dialog, "close-request", G_CALLBACK (close_request_cb), NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), st);
  gtk_window_present (GTK_WINDOW (dialog));
}
