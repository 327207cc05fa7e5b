/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-window-import"

/* Ways into an import: files dropped on the window, File ▸ Import…, and
 * files opened with Outlay (Files, `outlay FILE…`, `gio open`).
 * Each file is opened in a worker thread; one that is not a spreadsheet
 * gets a toast, the others go through the import assistant one after the
 * other.  Also the Imports view, and undoing an import from its toast. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-import-dialog.h"
#include "outlay-import-preview.h"
#include "outlay-importer.h"
#include "outlay-imports-dialog.h"
#include "outlay-store-import.h"
#include "outlay-window-private.h"
#include "outlay-workbook.h"

/* A file waiting for the assistant, and then what opening it found. */
typedef struct
{
  GFile          *file;
  char *source; /* "drop", "window" or "open" */
  OutlayWorkbook *workbook;
  char           *fingerprint;
} ImportRequest;

static void
import_request_free (ImportRequest *request)
{
  g_clear_object (&request->file);
  g_clear_object (&request->workbook);
  g_free (request->source);
  g_free (request->fingerprint);
  g_free (request);
}

static void next_import (OutlayWindow *self);

/* Toasts about imports queue up with normal priority: on libadwaita 1.2 a
 * high-priority toast pushing back one still on screen trips an assertion
 * when that one comes back. */
static void
show_toast (OutlayWindow *self, AdwToast *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_message (OutlayWindow *self, const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  show_toast (self, adw_toast_new (escaped));
}

/* ---- undoing ---- */

static void
undo_import (OutlayWindow *self, gint64 import_id, gint64 budget_id)
{
  g_autoptr(GError) error = NULL;

  if (!outlay_store_undo_import (self->store, import_id, &error))
    {
      show_message (self, error->message);
      return;
    }
  outlay_window_budget_written (self, budget_id);
  show_message (self, _("Import undone"));
}

static void
undo_toast_cb (AdwToast *toast, OutlayWindow *self)
{
  gint64 *ids = g_object_get_data (G_OBJECT (toast), "outlay-import");

  undo_import (self, ids[0], ids[1]);
}

/* The new lines are in: show them, with a way back. */
static void
imported_cb (OutlayImportDialog *dialog,
             gint64              import_id,
             gint64              budget_id,
             guint               lines,
             const char         *file_name,
             OutlayWindow       *self)
{
  gint64 ids[2] = { import_id, budget_id };
  g_autofree char *count = outlay_import_format_count (lines);
  /* Translators: "Imported 260 lines from budget.xlsx" */
  g_autofree char *title = g_markup_printf_escaped (ngettext ("Imported %s line from %s",
                                                              "Imported %s lines from %s", lines),
                                                    count, file_name);
  AdwToast *toast = adw_toast_new (title);
  g_autofree char *body = NULL;

  outlay_window_budget_written (self, budget_id);
  outlay_window_select_budget (self, budget_id);
  /* the toast's title is markup, the notification's body plain text */
  body = g_strdup_printf (ngettext ("Imported %s line from %s", "Imported %s lines from %s", lines),
                          count, file_name);
  outlay_application_notify_finished (
      OUTLAY_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), "import",
      _("Import Finished"), body, budget_id);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "outlay-import", g_memdup2 (ids, sizeof ids), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_toast_cb), self, 0);
  show_toast (self, toast);
}

static void
assistant_gone_cb (OutlayWindow *self)
{
  if (self->import_queue == NULL)
    return; /* the window is going */
  self->importing = FALSE;
  next_import (self);
}

/* ---- opening ---- */

static void
open_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ImportRequest *request = data;
  GError *error = NULL;

  request->workbook = outlay_workbook_open (request->file, cancellable, &error);
  if (request->workbook != NULL)
    request->fingerprint = outlay_import_fingerprint (request->file, cancellable, &error);
  if (request->fingerprint == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* The readers' messages name the file ("“photo.png” is not a spreadsheet
 * or text file"); others get the name put in front. */
static void
cannot_import (OutlayWindow *self, GFile *file, const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: a dropped file that cannot be imported: "Could not import
   * “photo.png”: the reason" */
  g_autofree char *text = strstr (error->message, name) != NULL
                            ? g_markup_escape_text (error->message, -1)
                            : g_markup_printf_escaped (_("Could not import “%s”: %s"), name,
                                                       error->message);
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 8);
  show_toast (self, toast);
}

static void
opened_cb (GObject *source, GAsyncResult *res, gpointer data)
{
  OutlayWindow *self = OUTLAY_WINDOW (source);
  ImportRequest *request = g_task_get_task_data (G_TASK (res));
  g_autoptr(GError) error = NULL;
  OutlayImportDialog *dialog;

  if (!g_task_propagate_boolean (G_TASK (res), &error))
    {
      if (self->import_queue == NULL)
        return; /* the window is going */
      cannot_import (self, request->file, error);
      self->importing = FALSE;
      next_import (self);
      return;
    }
  if (self->import_queue == NULL)
    return;
  dialog = outlay_import_dialog_new (GTK_WINDOW (self), self->store, request->file,
                                     request->workbook, request->fingerprint, request->source);
  if (self->document != NULL)
    outlay_import_dialog_set_target (dialog, outlay_budget_get_id (
                                               outlay_document_get_budget (self->document)));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, 0);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (assistant_gone_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Opens the next file waiting, unless one is in the assistant. */
static void
next_import (OutlayWindow *self)
{
  ImportRequest *request;
  g_autoptr(GTask) task = NULL;

  if (self->importing || self->import_queue == NULL
      || (request = g_queue_pop_head (self->import_queue)) == NULL)
    return;
  self->importing = TRUE;
  task = g_task_new (self, self->cancellable, opened_cb, NULL);
  g_task_set_source_tag (task, next_import);
  g_task_set_task_data (task, request, (GDestroyNotify) import_request_free);
  g_task_run_in_thread (task, open_thread);
}

static void
queue_file (OutlayWindow *self, GFile *file, const char *source)
{
  ImportRequest *request = g_new0 (ImportRequest, 1);

  request->file = g_object_ref (file);
  request->source = g_strdup (source);
  g_queue_push_tail (self->import_queue, request);
}

/* ---- dropping ---- */

static GdkDragAction
drop_enter_cb (GtkDropTarget *target, double x, double y, OutlayWindow *self)
{
  gtk_widget_set_visible (self->drop_highlight, TRUE);
  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GtkDropTarget *target, OutlayWindow *self)
{
  gtk_widget_set_visible (self->drop_highlight, FALSE);
}

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, OutlayWindow *self)
{
  GSList *files;

  gtk_widget_set_visible (self->drop_highlight, FALSE);
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    queue_file (self, l->data, "drop");
  g_slist_free (files);
  next_import (self);
  return TRUE;
}

/* ---- opening with Outlay ---- */

/**
 * outlay_window_import_files:
 * @self: the window
 * @files: (array length=n_files): the files to import
 * @n_files: how many
 *
 * Takes files opened with Outlay (from Files, the command line or another
 * program through the application's open path) through the import
 * assistant one after the other, as if they had been dropped on the window.
 */
void
outlay_window_import_files (OutlayWindow *self, GFile **files, int n_files)
{
  g_return_if_fail (OUTLAY_IS_WINDOW (self));
  g_return_if_fail (n_files == 0 || files != NULL);

  for (int i = 0; i < n_files; i++)
    queue_file (self, files[i], "open");
  next_import (self);
}

/* ---- actions ---- */

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, OutlayWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          queue_file (self, file, "window");
        }
      next_import (self);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);
  static const char *const suffixes[] = { "xlsx", "ods", "xls", "csv", "tsv", "txt" };
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) sheets = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Spreadsheets"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (sheets, _("Spreadsheets (*.xlsx *.ods *.xls *.csv *.tsv *.txt)"));
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    gtk_file_filter_add_suffix (sheets, suffixes[i]);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), sheets);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), sheets);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_undone_cb (OutlayImportsDialog *dialog, gint64 import_id, gint64 budget_id,
                  OutlayWindow *self)
{
  outlay_window_budget_written (self, budget_id);
}

static void
imports_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);
  OutlayImportsDialog *dialog = outlay_imports_dialog_new (GTK_WINDOW (self), self->store);

  g_signal_connect_object (dialog, "import-undone", G_CALLBACK (import_undone_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the window's parts ---- */

void
outlay_window_import_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.imports", NULL, imports_action);
}

void
outlay_window_import_init (OutlayWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  self->cancellable = g_cancellable_new ();
  self->import_queue = g_queue_new ();
  outlay_import_load_css (GTK_WIDGET (self));
  g_signal_connect (target, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
outlay_window_import_dispose (OutlayWindow *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->import_queue != NULL)
    g_queue_free_full (g_steal_pointer (&self->import_queue), (GDestroyNotify) import_request_free);
}
