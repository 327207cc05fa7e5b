/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-window"

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-budget-dialog.h"
#include "outlay-budget-overview.h"
#include "outlay-cashflow-window.h"
#include "outlay-currency.h"
#include "outlay-document-page.h"
#include "outlay-new-budget-dialog.h"
#include "outlay-recommendations-page.h"
#include "outlay-save-template-dialog.h"
#include "outlay-sheet-view.h"
#include "outlay-dashboard-page.h"
#include "outlay-tasks-page.h"
#include "outlay-timer-button.h"
#include "outlay-topsheet-view.h"
#include "outlay-versions-dialog.h"
#include "outlay-store.h"
#include "outlay-window-private.h"

G_DEFINE_FINAL_TYPE (OutlayWindow, outlay_window, ADW_TYPE_APPLICATION_WINDOW)

static void
toast (OutlayWindow *self, const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
toast_error (OutlayWindow *self, const GError *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  toast (self, escaped);
}

static void
update_actions (OutlayWindow *self)
{
  gboolean has = self->document != NULL;

  /* a locked budget refuses edits; its status can still be undone */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-budget",
                                 has && !outlay_document_get_read_only (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate-budget", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.budget-properties", has);
  outlay_window_money_update (self);
  outlay_window_connections_update (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.versions", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-template",
                                 has && outlay_document_get_frozen_name (self->document) == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-section",
                                 has && !outlay_document_get_read_only (self->document));
  /* a locked budget (or a saved version on show) is not deleted by accident */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-budget",
                                 has && !outlay_document_get_read_only (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back-to-current",
                                 has && outlay_document_get_frozen_name (self->document) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 has && outlay_document_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 has && outlay_document_can_redo (self->document));
  gtk_widget_set_sensitive (GTK_WIDGET (self->budget_menu_button), has && !self->sheets_busy);
  outlay_window_export_update (self);
  outlay_window_sheets_update (self);
}

static void
update_title (OutlayWindow *self)
{
  OutlayBudget *b = self->document ? outlay_document_get_budget (self->document) : NULL;

  adw_view_switcher_title_set_title (self->content_title, b ? outlay_budget_get_name (b) : "");
  /* a saved version on show says so in the bar above the page, once */
  adw_view_switcher_title_set_subtitle (self->content_title, b ? outlay_budget_get_client (b) : "");
  if (b != NULL)
    {
      /* Translators: window title, "Budget name — Outlay" */
      g_autofree char *title = g_strdup_printf (_("%s — Outlay"), outlay_budget_get_name (b));

      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _("Outlay"));
}

/* A saved version on show keeps a bar saying so, with the way back. */
static void
update_version_bar (OutlayWindow *self)
{
  g_autofree char *title = self->document != NULL
                               ? outlay_document_page_version_title (self->document)
                               : NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->version_bar, title != NULL);
  if (title == NULL)
    return;
  /* Translators: the bar above a saved version, "Version “Bid”, saved 14 March · read only" */
  text = g_strdup_printf (_("%s · read only"), title);
  gtk_label_set_text (self->version_label, text);
}

/* ---- the sidebar ---- */

static GtkWidget *
create_budget_row (gpointer item, gpointer user_data)
{
  OutlayWindow *self = user_data;
  OutlayBudget *budget = item;
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = outlay_window_alerts_row_icon (self, budget);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  const char *client = outlay_budget_get_client (budget);

  g_object_bind_property (budget, "name", name, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (budget, "name", box, "tooltip-text", G_BINDING_SYNC_CREATE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_text (GTK_LABEL (detail), *client ? client
                                          : outlay_budget_kind_title (outlay_budget_get_kind (budget)));
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (row), box);
  /* spend past a threshold: an icon with a tooltip, beside the name */
  gtk_box_append (GTK_BOX (row), icon);
  g_object_set_data (G_OBJECT (row), OUTLAY_WINDOW_SPEND_ICON_KEY, icon);
  return row;
}

static guint
find_budget (OutlayWindow *self, gint64 id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->budgets));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OutlayBudget) b = g_list_model_get_item (G_LIST_MODEL (self->budgets), i);

      if (outlay_budget_get_id (b) == id)
        return i;
    }
  return G_MAXUINT;
}

static void budget_selected_cb (OutlayWindow *self, GtkListBoxRow *row);

/* Closes documents of budgets deleted here or elsewhere, except the one
 * shown (a deleted budget can come back from the undo toast). */
static void
forget_missing_documents (OutlayWindow *self, GPtrArray *listed)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->documents);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gboolean found = value == self->document;

      for (guint i = 0; !found && i < listed->len; i++)
        found = outlay_budget_get_id (g_ptr_array_index (listed, i)) == *(gint64 *) key;
      if (!found)
        g_hash_table_iter_remove (&iter);
    }
}

/* Refreshes the sidebar from the database, keeping the open document (and
 * with it the undo history) selected. */
static void
reload_budgets (OutlayWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = outlay_store_list_budgets (self->store, &error);
  guint index;

  if (list == NULL)
    {
      toast_error (self, error);
      return;
    }
  forget_missing_documents (self, list);
  g_signal_handlers_block_by_func (self->budget_list, budget_selected_cb, self);
  g_list_store_splice (self->budgets, 0, g_list_model_get_n_items (G_LIST_MODEL (self->budgets)),
                       list->pdata, list->len);
  for (guint i = 0; i < list->len; i++)
    outlay_window_alerts_update_row (self, i);
  if (self->document != NULL
      && (index = find_budget (self, outlay_budget_get_id (outlay_document_get_budget (self->document))))
         != G_MAXUINT)
    gtk_list_box_select_row (self->budget_list, gtk_list_box_get_row_at_index (self->budget_list, index));
  g_signal_handlers_unblock_by_func (self->budget_list, budget_selected_cb, self);
}

static void
show_document (OutlayWindow *self, OutlayDocument *document)
{
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (outlay_document_get_budget (self->document), self);
    }
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      OutlayBudget *budget = outlay_document_get_budget (document);

      g_signal_connect_object (document, "changed", G_CALLBACK (update_actions), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::read-only", G_CALLBACK (update_actions), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (budget, "notify::name", G_CALLBACK (update_title), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (budget, "notify::client", G_CALLBACK (update_title), self,
                               G_CONNECT_SWAPPED);
      outlay_window_alerts_watch (self, document);
    }
  outlay_budget_overview_set_document (self->overview, document);
  outlay_sheet_view_set_document (self->sheet, document);
  outlay_topsheet_view_set_document (self->topsheet, document);
  gtk_stack_set_visible_child_name (self->stack, document != NULL ? "budget" : "empty");
  update_version_bar (self);
  update_title (self);
  update_actions (self);
}

static void
budget_selected_cb (OutlayWindow  *self,
                    GtkListBoxRow *row)
{
  g_autoptr(OutlayBudget) budget = NULL;
  g_autoptr(OutlayDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (row == NULL)
    {
      show_document (self, NULL);
      return;
    }
  budget = g_list_model_get_item (G_LIST_MODEL (self->budgets), gtk_list_box_row_get_index (row));
  id = outlay_budget_get_id (budget);
  /* Documents stay open while the window is, so switching budgets keeps
   * each one's undo history. */
  document = g_hash_table_lookup (self->documents, &id);
  if (document != NULL && document == self->document)
    {
      document = NULL; /* borrowed: not ours to release */
      return;
    }
  if (document != NULL)
    g_object_ref (document);
  else if ((document = outlay_store_load_document (self->store, id, &error)) != NULL)
    g_hash_table_insert (self->documents, g_memdup2 (&id, sizeof id), g_object_ref (document));
  else
    {
      toast_error (self, error);
      return;
    }
  show_document (self, document);
  g_settings_set_int64 (self->settings, "last-budget", outlay_budget_get_id (budget));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/**
 * outlay_window_select_budget:
 * @self: the window
 * @budget_id: a budget listed in the sidebar
 *
 * Returns: %TRUE if the budget was found and is now shown
 */
gboolean
outlay_window_select_budget (OutlayWindow *self,
                             gint64        budget_id)
{
  guint index = find_budget (self, budget_id);

  if (index == G_MAXUINT)
    return FALSE;
  gtk_list_box_select_row (self->budget_list, gtk_list_box_get_row_at_index (self->budget_list, index));
  return TRUE;
}

/* Focuses @line_id's description in the sheet; FALSE while the sheet has
 * no cells for it yet (a window just made has not laid out). */
static gboolean
focus_line (OutlayWindow *self, gint64 line_id)
{
  GListModel *rows = outlay_sheet_view_get_rows (self->sheet);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);

      if (OUTLAY_IS_LINE (row) && outlay_line_get_id (OUTLAY_LINE (row)) == line_id)
        return outlay_sheet_view_focus_cell (self->sheet, i, OUTLAY_SHEET_COLUMN_DESCRIPTION);
    }
  return FALSE;
}

typedef struct
{
  OutlayWindow *window;
  gint64 line_id;
  guint frames;
} PendingLine;

/* Tries again on each of the first frames of a window just shown. */
static gboolean
focus_line_tick_cb (GtkWidget *sheet, GdkFrameClock *clock, gpointer data)
{
  PendingLine *pending = data;

  if (focus_line (pending->window, pending->line_id) || ++pending->frames > 30)
    return G_SOURCE_REMOVE;
  return G_SOURCE_CONTINUE;
}

/**
 * outlay_window_show_line:
 * @self: the window
 * @budget_id: a budget
 * @line_id: one of its lines, or 0
 *
 * Shows the budget, and with a line, the sheet with that line's
 * description focused (a search result or a notification opened).
 *
 * Returns: whether the budget is there to show
 */
gboolean
outlay_window_show_line (OutlayWindow *self, gint64 budget_id, gint64 line_id)
{
  PendingLine *pending;

  g_return_val_if_fail (OUTLAY_IS_WINDOW (self), FALSE);

  /* made by another program since the list was read */
  if (find_budget (self, budget_id) == G_MAXUINT)
    reload_budgets (self);
  if (!outlay_window_select_budget (self, budget_id))
    return FALSE;
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  if (line_id == 0)
    return TRUE;
  adw_view_stack_set_visible_child_name (self->views, "sheet");
  if (focus_line (self, line_id))
    return TRUE;
  pending = g_new0 (PendingLine, 1);
  pending->window = self;
  pending->line_id = line_id;
  gtk_widget_add_tick_callback (GTK_WIDGET (self->sheet), focus_line_tick_cb, pending, g_free);
  return TRUE;
}

static void
select_first_or_none (OutlayWindow *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->budget_list, 0);

  if (first != NULL)
    gtk_list_box_select_row (self->budget_list, first);
  else
    show_document (self, NULL);
}

void
outlay_window_budget_written (OutlayWindow *self,
                              gint64        budget_id)
{
  gint64 shown = 0;

  /* written by us: not a reason to reload every document */
  self->data_version = outlay_store_get_data_version (self->store);
  outlay_window_alerts_forget (self, budget_id);
  if (self->document != NULL && outlay_document_get_frozen_name (self->document) == NULL)
    shown = outlay_budget_get_id (outlay_document_get_budget (self->document));
  g_hash_table_remove (self->documents, &budget_id);
  if (shown == budget_id)
    {
      g_autoptr(OutlayDocument) fresh = outlay_store_load_document (self->store, budget_id, NULL);

      if (fresh != NULL)
        g_hash_table_insert (self->documents, g_memdup2 (&budget_id, sizeof budget_id),
                             g_object_ref (fresh));
      show_document (self, fresh);
    }
  reload_budgets (self);
  if (self->document == NULL)
    select_first_or_none (self);
}

/* ---- actions ---- */

/* A new budget covers the fiscal year under way, which starts in the
 * month chosen in Preferences. */
static void
set_fiscal_year (OutlayWindow *self)
{
  int first = g_settings_get_int (self->settings, "fiscal-year-start-month");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now) - (g_date_time_get_month (now) < first ? 1 : 0);
  g_autoptr(GDateTime) start = g_date_time_new_local (year, first, 1, 0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_years (start, 1);
  g_autoptr(GDateTime) end = g_date_time_add_days (next, -1);
  g_autoptr(OutlayBudget)
                 edited = outlay_budget_copy (outlay_document_get_budget (self->document));
  g_autofree char *start_text = g_date_time_format (start, "%Y-%m-%d");
  g_autofree char *end_text = g_date_time_format (end, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;

  g_object_set (edited, "fiscal-start", start_text, "fiscal-end", end_text, NULL);
  if (!outlay_document_update_budget (self->document, edited, &error))
    toast_error (self, error);
}

static void
new_budget_response_cb (OutlayNewBudgetDialog *dialog,
                        const char            *response,
                        OutlayWindow          *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  if (!g_str_equal (response, "create"))
    return;
  name = g_strstrip (g_strdup (outlay_new_budget_dialog_get_name (dialog)));
  id = outlay_store_create_budget (self->store, outlay_new_budget_dialog_get_template (dialog),
                                   name, outlay_new_budget_dialog_get_currency (dialog), &error);
  if (id == 0)
    {
      toast_error (self, error);
      return;
    }
  reload_budgets (self);
  if (outlay_window_select_budget (self, id) && self->document != NULL)
    set_fiscal_year (self);
}

/* Ctrl+Shift+D: the Dashboard page, from wherever the window is */
static void
show_dashboard_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->views, "dashboard");
}

static void
new_budget_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);
  GtkWidget *dialog = outlay_new_budget_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "response", G_CALLBACK (new_budget_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    OutlayWindow     *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "rename") || self->document == NULL)
    return;
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, name);
  if (!outlay_document_set_budget_value (self->document, "name", &value, &error))
    {
      toast_error (self, error);
      return;
    }
  reload_budgets (self);
}

static void
rename_entry_changed_cb (GtkEditable *entry, AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", *name != '\0');
}

static void
rename_budget_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);
  GtkWidget *dialog, *entry;

  if (self->document == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Rename Budget"), NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry),
                         outlay_budget_get_name (outlay_document_get_budget (self->document)));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "rename", _("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (rename_entry_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
name_taken (OutlayWindow *self, const char *name)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->budgets));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OutlayBudget) b = g_list_model_get_item (G_LIST_MODEL (self->budgets), i);

      if (g_strcmp0 (outlay_budget_get_name (b), name) == 0)
        return TRUE;
    }
  return FALSE;
}

/* "Bid (Copy)", then "Bid (Copy 2)", … */
static char *
copy_name (OutlayWindow *self, const char *name)
{
  /* Translators: the name of a copied budget */
  char *candidate = g_strdup_printf (_("%s (Copy)"), name);

  for (guint n = 2; name_taken (self, candidate); n++)
    {
      g_free (candidate);
      /* Translators: the name of the nth copy of a budget */
      candidate = g_strdup_printf (_("%s (Copy %u)"), name, n);
    }
  return candidate;
}

static void
duplicate_budget_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);
  OutlayBudget *budget;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->document == NULL)
    return;
  budget = outlay_document_get_budget (self->document);
  name = copy_name (self, outlay_budget_get_name (budget));
  id = outlay_store_duplicate_budget (self->store, outlay_budget_get_id (budget), name, &error);
  if (id == 0)
    {
      toast_error (self, error);
      return;
    }
  reload_budgets (self);
  outlay_window_select_budget (self, id);
}

typedef struct
{
  OutlayWindow *self;
  gint64        id;
  gboolean      undone;
} DeleteData;

static void
delete_undo_cb (AdwToast *toast_, DeleteData *data)
{
  g_autoptr(GError) error = NULL;

  data->undone = TRUE;
  if (!outlay_store_trash_budget (data->self->store, data->id, FALSE, &error))
    {
      toast_error (data->self, error);
      return;
    }
  reload_budgets (data->self);
  outlay_window_select_budget (data->self, data->id);
}

static void
delete_dismissed_cb (AdwToast *toast_, DeleteData *data)
{
  g_autoptr(GError) error = NULL;

  if (!data->undone && !outlay_store_purge_trashed (data->self->store, data->id, &error))
    g_warning ("Could not remove deleted budgets: %s", error->message);
  g_object_unref (data->self);
  g_free (data);
}

static void
delete_budget_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  DeleteData *data;
  AdwToast *t;
  guint index;

  if (self->document == NULL)
    return;
  data = g_new0 (DeleteData, 1);
  data->id = outlay_budget_get_id (outlay_document_get_budget (self->document));
  if (!outlay_store_trash_budget (self->store, data->id, TRUE, &error))
    {
      g_free (data);
      toast_error (self, error);
      return;
    }
  data->self = g_object_ref (self);
  title = g_markup_printf_escaped (_("“%s” deleted"),
                                   outlay_budget_get_name (outlay_document_get_budget (self->document)));
  index = find_budget (self, data->id);
  show_document (self, NULL);
  reload_budgets (self);
  if (index != G_MAXUINT && g_list_model_get_n_items (G_LIST_MODEL (self->budgets)) > 0)
    gtk_list_box_select_row (self->budget_list,
                             gtk_list_box_get_row_at_index (self->budget_list,
                                                            MIN (index, g_list_model_get_n_items (G_LIST_MODEL (self->budgets)) - 1)));
  t = adw_toast_new (title);
  adw_toast_set_button_label (t, _("_Undo"));
  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (t, "button-clicked", G_CALLBACK (delete_undo_cb), data);
  g_signal_connect (t, "dismissed", G_CALLBACK (delete_dismissed_cb), data);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
undo_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->document == NULL)
    return;
  ok = g_str_equal (action, "win.undo") ? outlay_document_undo (self->document, &error)
                                        : outlay_document_redo (self->document, &error);
  if (!ok)
    {
      gtk_widget_error_bell (widget);
      toast_error (self, error);
      return;
    }
  reload_budgets (self);
}

/* Right-click (or long-press) on a budget: select it and offer the same
 * menu as the header's budget menu. */
static void
row_menu_cb (OutlayWindow *self, double x, double y)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->budget_list, (int) y);
  double wx, wy;

  if (row == NULL)
    return;
  /* parented outside the scrolled list, whose height would cut it short */
  gtk_widget_translate_coordinates (GTK_WIDGET (self->budget_list), GTK_WIDGET (self->leaflet),
                                    x, y, &wx, &wy);
  gtk_list_box_select_row (self->budget_list, row);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->row_menu),
                               &(GdkRectangle) { (int) wx, (int) wy, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->row_menu));
}

static void
right_click_cb (GtkGestureClick *gesture, int n_press, double x, double y, OutlayWindow *self)
{
  row_menu_cb (self, x, y);
}

static void
long_press_cb (GtkGestureLongPress *gesture, double x, double y, OutlayWindow *self)
{
  row_menu_cb (self, x, y);
}

static void
sheet_message_cb (OutlayWindow *self, const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *t = adw_toast_new (escaped);

  /* one toast at a time for a run of refused edits */
  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (t, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

/* Another program (outlay-cli, a second window) wrote to the database:
 * the open documents may be stale, and writing from them would undo its
 * changes, so they are read again. Their undo history goes with them. */
static void
reload_documents (OutlayWindow *self)
{
  gint64 shown = 0;
  g_autoptr(OutlayDocument) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (self->document != NULL && outlay_document_get_frozen_name (self->document) == NULL)
    shown = outlay_budget_get_id (outlay_document_get_budget (self->document));
  g_hash_table_remove_all (self->documents);
  if (shown == 0)
    return;
  fresh = outlay_store_load_document (self->store, shown, &error);
  if (fresh == NULL)
    {
      show_document (self, NULL);
      return;
    }
  g_hash_table_insert (self->documents, g_memdup2 (&shown, sizeof shown), g_object_ref (fresh));
  show_document (self, fresh);
  toast (self, _("The budget was changed by another program and has been reloaded"));
}

/* Budgets added, changed or removed with outlay-cli show up when the user
 * comes back to the window. */
static void
active_cb (OutlayWindow *self)
{
  gint64 version;

  if (!gtk_window_is_active (GTK_WINDOW (self)) || self->store == NULL)
    return;
  version = outlay_store_get_data_version (self->store);
  if (version != self->data_version)
    {
      self->data_version = version;
      outlay_window_alerts_forget (self, 0);
      reload_documents (self);
    }
  reload_budgets (self);
}

static void
find_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);

  if (self->document == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->views, "sheet");
  outlay_sheet_view_start_search (self->sheet);
}

static void
add_section_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);

  if (self->document == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->views, "sheet");
  outlay_sheet_view_add_section (self->sheet);
}

/* Leaves a saved version for the budget's current state. */
static void
back_to_current (OutlayWindow *self)
{
  g_autoptr(OutlayDocument) current = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->document == NULL || outlay_document_get_frozen_name (self->document) == NULL)
    return;
  id = outlay_budget_get_id (outlay_document_get_budget (self->document));
  current = g_hash_table_lookup (self->documents, &id);
  if (current != NULL)
    g_object_ref (current);
  else if ((current = outlay_store_load_document (self->store, id, &error)) != NULL)
    g_hash_table_insert (self->documents, g_memdup2 (&id, sizeof id), g_object_ref (current));
  else
    {
      toast_error (self, error);
      return;
    }
  show_document (self, current);
}

static void
back_to_current_action (GtkWidget *widget, const char *action, GVariant *param)
{
  back_to_current (OUTLAY_WINDOW (widget));
}

/* Shows a saved version read-only in place of the budget; the version bar
 * says so until the user goes back. */
static void
open_version_cb (OutlayVersionsDialog *dialog, OutlayDocument *version, OutlayWindow *self)
{
  show_document (self, version);
}

static void
versions_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);
  GtkWidget *dialog;

  back_to_current (self);
  if (self->document == NULL)
    return;
  dialog = outlay_versions_dialog_new (GTK_WINDOW (self), self->store, self->document);
  g_signal_connect_object (dialog, "open-version", G_CALLBACK (open_version_cb), self, 0);
  g_signal_connect_object (dialog, "report-comparison",
                           G_CALLBACK (outlay_window_report_comparison_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_template_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);

  if (self->document != NULL)
    outlay_save_template_dialog_present (GTK_WINDOW (self), self->store, self->document);
}

static void
properties_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);

  if (self->document == NULL)
    return;
  gtk_window_present (GTK_WINDOW (outlay_budget_dialog_new (GTK_WINDOW (self), self->document)));
}

static void
back_clicked_cb (OutlayWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ---- GObject ---- */

static gboolean
outlay_window_close_request (GtkWindow *window)
{
  OutlayWindow *self = OUTLAY_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  return GTK_WINDOW_CLASS (outlay_window_parent_class)->close_request (window);
}

static void
outlay_window_dispose (GObject *object)
{
  OutlayWindow *self = OUTLAY_WINDOW (object);

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (outlay_document_get_budget (self->document), self);
    }
  g_clear_object (&self->document);
  outlay_window_import_dispose (self);
  outlay_window_sheets_dispose (self);
  g_clear_pointer (&self->row_menu, gtk_widget_unparent);
  /* tearing down the list would otherwise "select" nothing into a
   * half-disposed window */
  if (self->budget_list != NULL)
    g_signal_handlers_disconnect_by_data (self->budget_list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_WINDOW);
  g_clear_object (&self->budgets);
  g_clear_pointer (&self->documents, g_hash_table_unref);
  g_clear_pointer (&self->spend_levels, g_hash_table_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (outlay_window_parent_class)->dispose (object);
}

static void
cash_flow_written_cb (OutlayCashflowWindow *window, gint64 budget_id, OutlayWindow *self)
{
  /* a paid bill became a budget line's actual cost */
  outlay_window_budget_written (self, budget_id);
}

static void
cash_flow_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);
  OutlayCashflowWindow *window = outlay_cashflow_window_new (GTK_WINDOW (self), self->store);

  g_signal_connect_object (window, "budget-written", G_CALLBACK (cash_flow_written_cb), self, 0);
  gtk_window_present (GTK_WINDOW (window));
}

static void
outlay_window_class_init (OutlayWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = outlay_window_close_request;

  g_type_ensure (OUTLAY_TYPE_BUDGET_OVERVIEW);
  g_type_ensure (OUTLAY_TYPE_SHEET_VIEW);
  g_type_ensure (OUTLAY_TYPE_TOPSHEET_VIEW);
  g_type_ensure (OUTLAY_TYPE_TASKS_PAGE);
  g_type_ensure (OUTLAY_TYPE_RECOMMENDATIONS_PAGE);
  g_type_ensure (OUTLAY_TYPE_DASHBOARD_PAGE);
  g_type_ensure (OUTLAY_TYPE_TIMER_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/outlay-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, content);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, budget_list);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, budget_menu_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, overview);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, views);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, sheet);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, topsheet);
  gtk_widget_class_bind_template_callback (widget_class, sheet_message_cb);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, budget_menu);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, drop_highlight);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, version_bar);
  gtk_widget_class_bind_template_child (widget_class, OutlayWindow, version_label);

  gtk_widget_class_install_action (widget_class, "win.new-budget", NULL, new_budget_action);
  gtk_widget_class_install_action (widget_class, "win.show-dashboard", NULL, show_dashboard_action);
  gtk_widget_class_install_action (widget_class, "win.rename-budget", NULL, rename_budget_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-budget", NULL,
                                   duplicate_budget_action);
  gtk_widget_class_install_action (widget_class, "win.delete-budget", NULL, delete_budget_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.add-section", NULL, add_section_action);
  gtk_widget_class_install_action (widget_class, "win.budget-properties", NULL, properties_action);
  gtk_widget_class_install_action (widget_class, "win.versions", NULL, versions_action);
  gtk_widget_class_install_action (widget_class, "win.back-to-current", NULL,
                                   back_to_current_action);
  gtk_widget_class_install_action (widget_class, "win.save-template", NULL, save_template_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  outlay_window_import_class_init (widget_class);
  gtk_widget_class_install_action (widget_class, "win.cash-flow", NULL, cash_flow_action);
  outlay_window_export_class_init (widget_class);
  outlay_window_money_class_init (widget_class);
  outlay_window_connections_class_init (widget_class);
  outlay_window_sheets_class_init (widget_class);
}

static void
outlay_window_init (OutlayWindow *self)
{
  GtkGesture *click, *press;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* libadwaita stripes a development build's header bars */
  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
  self->budgets = g_list_store_new (OUTLAY_TYPE_BUDGET);
  self->documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->spend_levels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gtk_list_box_bind_model (self->budget_list, G_LIST_MODEL (self->budgets), create_budget_row, self,
                           NULL);
  g_signal_connect_swapped (self->budget_list, "row-selected", G_CALLBACK (budget_selected_cb), self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_cb), NULL);
  /* made up front: created on first use, GTK 4.8 sizes it too short once */
  self->row_menu = gtk_popover_menu_new_from_model (self->budget_menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->row_menu), FALSE);
  gtk_widget_set_parent (self->row_menu, GTK_WIDGET (self->leaflet));
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (right_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->budget_list), GTK_EVENT_CONTROLLER (click));
  press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (press), TRUE);
  g_signal_connect (press, "pressed", G_CALLBACK (long_press_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->budget_list), GTK_EVENT_CONTROLLER (press));
  outlay_window_import_init (self);
}

/**
 * outlay_window_new:
 * @application: the application, with its store open
 *
 * Returns: (transfer full): a window showing the last budget used
 */
OutlayWindow *
outlay_window_new (OutlayApplication *application)
{
  OutlayWindow *self = g_object_new (OUTLAY_TYPE_WINDOW, "application", application, NULL);

  self->store = g_object_ref (outlay_application_get_store (application));
  self->settings = g_object_ref (outlay_application_get_settings (application));
  outlay_sheet_view_set_settings (self->sheet, self->settings);
  outlay_recommendations_page_set_store (
      OUTLAY_RECOMMENDATIONS_PAGE (adw_view_stack_get_child_by_name (self->views, "advice")),
      self->store);
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  self->data_version = outlay_store_get_data_version (self->store);
  reload_budgets (self);
  if (!outlay_window_select_budget (self, g_settings_get_int64 (self->settings, "last-budget")))
    select_first_or_none (self);
  return self;
}

/**
 * outlay_window_get_document:
 * @self: the window
 *
 * Returns: (transfer none) (nullable): the budget shown
 */
OutlayDocument *
outlay_window_get_document (OutlayWindow *self)
{
  g_return_val_if_fail (OUTLAY_IS_WINDOW (self), NULL);
  return self->document;
}
