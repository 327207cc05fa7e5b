/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-window"

/* Budget ▸ Google Sheets: Link to New Spreadsheet, Sync Now, Open in
 * Browser, Unlink; the sync's status, spinner and Cancel in the header
 * bar; conflicts (outlay-sheets-conflict-dialog) and rows deleted there
 * asked about in dialogs.
 *
 * The sync edits the open document (one undoable step), so it runs here,
 * on the main thread: its requests are libsoup's async calls on this main
 * context, and while they run the budget's pages are insensitive so the
 * document cannot change under the merge; Cancel stays live. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-sheets-conflict-dialog.h"
#include "outlay-sheets.h"
#include "outlay-store-sheets.h"
#include "outlay-window-private.h"

static void run_sync (OutlayWindow *self,
                      OutlaySheetsMode mode,
                      OutlaySheetsPrefer prefer,
                      gboolean delete_removed,
                      GHashTable *resolutions);

static void
toast (OutlayWindow *self, const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *t = adw_toast_new (escaped);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static gint64
budget_id (OutlayWindow *self)
{
  return self->document ? outlay_budget_get_id (outlay_document_get_budget (self->document)) : 0;
}

static void
show_status (OutlayWindow *self)
{
  gint64 synced = 0;
  g_autofree char *url = self->document && self->store
                             ? outlay_store_sheets_get_url (self->store, budget_id (self), &synced)
                             : NULL;

  if (self->sheets_busy)
    return;
  gtk_widget_set_visible (self->sheets_status, url != NULL);
  if (url != NULL && synced > 0)
    {
      g_autoptr (GDateTime) when = g_date_time_new_from_unix_local (synced);
      g_autofree char *time = g_date_time_format (when, "%H:%M");
      /* Translators: the header bar's status, "Synced 14:05" */
      g_autofree char *text = g_strdup_printf (_("Synced %s"), time);

      gtk_label_set_text (self->sheets_label, text);
    }
  else if (url != NULL)
    gtk_label_set_text (self->sheets_label, _("Linked"));
}

void
outlay_window_sheets_update (OutlayWindow *self)
{
  g_autofree char *url = self->document && self->store
                             ? outlay_store_sheets_get_url (self->store, budget_id (self), NULL)
                             : NULL;
  gboolean idle = self->document != NULL && !self->sheets_busy
                  && outlay_document_get_frozen_name (self->document) == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sheets-link", idle && url == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sheets-sync", idle && url != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sheets-open", url != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sheets-unlink", idle && url != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sheets-cancel", self->sheets_busy);
  show_status (self);
}

static void
set_busy (OutlayWindow *self, gboolean busy)
{
  self->sheets_busy = busy;
  /* the document must not change under the merge */
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->budget_list), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->budget_menu_button), !busy);
  gtk_widget_set_visible (self->sheets_spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->sheets_spinner), busy);
  gtk_widget_set_visible (self->sheets_cancel, busy);
  if (busy)
    {
      gtk_widget_set_visible (self->sheets_status, TRUE);
      gtk_label_set_text (self->sheets_label, _("Syncing…"));
    }
  outlay_window_sheets_update (self);
}

static void
open_uri (OutlayWindow *self, const char *url)
{
  gtk_show_uri (GTK_WINDOW (self), url, GDK_CURRENT_TIME);
}

static void
resolved_cb (OutlaySheetsConflictDialog *dialog, GHashTable *resolutions, OutlayWindow *self)
{
  run_sync (self, OUTLAY_SHEETS_SYNC, OUTLAY_SHEETS_PREFER_NONE, FALSE, resolutions);
}

/* Both sides changed these cells: shown per row with both values, each
 * settled with one side's value or a typed one */
static void
ask_conflicts (OutlayWindow *self, GPtrArray *conflicts)
{
  GtkWidget *dialog = outlay_sheets_conflict_dialog_new (GTK_WINDOW (self), conflicts);

  g_signal_connect_object (dialog, "resolved", G_CALLBACK (resolved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
removed_response_cb (AdwMessageDialog *dialog, const char *response, OutlayWindow *self)
{
  if (g_str_equal (response, "remove"))
    run_sync (self, OUTLAY_SHEETS_SYNC, OUTLAY_SHEETS_PREFER_NONE, TRUE, NULL);
}

static void
ask_removed (OutlayWindow *self, guint n)
{
  g_autofree char *heading = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "Remove %u Line Deleted in the Spreadsheet?",
                   "Remove %u Lines Deleted in the Spreadsheet?", n),
      n);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (GTK_WINDOW (self), heading,
                              _("Their rows were deleted in the spreadsheet. They stay in Outlay until you remove them; removing them can be undone.")));

  adw_message_dialog_add_responses (dialog, "keep",
                                    _("_Keep Them"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (removed_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
run_sync (OutlayWindow *self,
          OutlaySheetsMode mode,
          OutlaySheetsPrefer prefer,
          gboolean delete_removed,
          GHashTable *resolutions)
{
  g_autoptr (OutlayWindow) hold = g_object_ref (self);
  g_autoptr (OutlayGoogleAuth) auth = outlay_google_auth_new ();
  g_autoptr (OutlaySheetsService) service = NULL;
  g_autoptr (OutlayDocument) document = NULL;
  OutlaySheetsOptions options = { .mode = mode,
                                  .prefer = prefer,
                                  .delete_remote_removed = delete_removed,
                                  .resolutions = resolutions };
  OutlaySheetsSummary summary = { 0 };
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (self->document == NULL || self->sheets_busy)
    return;
  if (!outlay_google_auth_load (auth, NULL, &error))
    {
      toast (self, _("Sign in to Google first: main menu ▸ Connections"));
      return;
    }
  document = g_object_ref (self->document);
  service = outlay_sheets_service_new (auth);
  g_clear_object (&self->sheets_cancellable);
  self->sheets_cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  ok = outlay_sheets_sync (service, self->store, document, &options, &summary,
                           self->sheets_cancellable, &error);
  set_busy (self, FALSE);
  if (!ok)
    {
      toast (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
             ? _("Sync cancelled; nothing was changed here")
             : error->message);
      outlay_sheets_summary_clear (&summary);
      return;
    }
  if (summary.formulas->len == 1)
    {
      /* which cell held a formula, and the value that came in */
      g_autofree char *text = g_strdup_printf (
          "%s. %s", summary.journal, (const char *) g_ptr_array_index (summary.formulas, 0));

      toast (self, text);
    }
  else
    toast (self, summary.journal);
  if (summary.conflicts->len > 0)
    ask_conflicts (self, summary.conflicts);
  else if (summary.lines_removed_pending > 0)
    ask_removed (self, summary.lines_removed_pending);
  outlay_sheets_summary_clear (&summary);
}

static void
link_action (GtkWidget *widget, const char *action, GVariant *param)
{
  run_sync (OUTLAY_WINDOW (widget), OUTLAY_SHEETS_PUSH, OUTLAY_SHEETS_PREFER_NONE, FALSE, NULL);
}

static void
sync_action (GtkWidget *widget, const char *action, GVariant *param)
{
  run_sync (OUTLAY_WINDOW (widget), OUTLAY_SHEETS_SYNC, OUTLAY_SHEETS_PREFER_NONE, FALSE, NULL);
}

static void
open_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);
  g_autofree char *url = outlay_store_sheets_get_url (self->store, budget_id (self), NULL);

  if (url != NULL && *url != '\0')
    open_uri (self, url);
}

static void
cancel_action (GtkWidget *widget, const char *action, GVariant *param)
{
  g_cancellable_cancel (OUTLAY_WINDOW (widget)->sheets_cancellable);
}

static void
unlink_response_cb (AdwMessageDialog *dialog, const char *response, OutlayWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "unlink"))
    return;
  if (!outlay_sheets_unlink (self->store, budget_id (self), &error))
    toast (self, error->message);
  else
    toast (self, _("Unlinked; the spreadsheet stays in your Google Drive"));
  outlay_window_sheets_update (self);
}

static void
unlink_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_WINDOW (self), _("Unlink from the Spreadsheet?"),
                            _("Edits will no longer go back and forth. The spreadsheet stays in your Google Drive; linking again makes a new one.")));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "unlink", _("_Unlink"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "unlink", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unlink_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
outlay_window_sheets_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, sheets_status);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, sheets_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, sheets_spinner);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, sheets_cancel);
  gtk_widget_class_install_action (widget_class, "win.sheets-link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "win.sheets-sync", NULL, sync_action);
  gtk_widget_class_install_action (widget_class, "win.sheets-open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.sheets-unlink", NULL, unlink_action);
  gtk_widget_class_install_action (widget_class, "win.sheets-cancel", NULL, cancel_action);
}

void
outlay_window_sheets_dispose (OutlayWindow *self)
{
  g_cancellable_cancel (self->sheets_cancellable);
  g_clear_object (&self->sheets_cancellable);
}
