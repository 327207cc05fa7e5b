/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-window"

/* The main window's way out: File ▸ Print (Ctrl+P) and Export as an
 * Excel workbook, CSV or a PDF report. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-export.h"
#include "outlay-compat.h"
#include "outlay-print.h"
#include "outlay-versions-dialog.h"
#include "outlay-window-private.h"

static void
open_file_cb (AdwToast *toast, gpointer data)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "file");
  g_autofree char *uri = g_file_get_uri (file);

  outlay_compat_show_uri (GTK_WINDOW (data), uri);
}

/* "Exported “x”" with an Open button, a message when it failed, or NULL
 * when the user cancelled. */
static AdwToast *
exported_toast (GAsyncResult *result, GtkWindow *owner)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = outlay_export_document_finish (result, &error);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (file == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return NULL;
      return adw_toast_new_format (_("Not exported: %s"), error->message);
    }
  name = g_file_get_basename (file);
  /* Translators: the file's name */
  title = g_strdup_printf (_("Exported “%s”"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_file_cb), owner, 0);
  return toast;
}

/* @data: the exported budget's id */
static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  OutlayWindow *self = OUTLAY_WINDOW (source);
  g_autofree gint64 *budget_id = data;
  AdwToast *toast = exported_toast (result, GTK_WINDOW (self));

  if (toast != NULL)
    {
      outlay_application_notify_finished (
          OUTLAY_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), "export",
          _("Export Finished"), adw_toast_get_title (toast), *budget_id);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
comparison_exported_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  AdwToast *toast = exported_toast (result, GTK_WINDOW (source));

  if (toast != NULL)
    outlay_versions_dialog_add_toast (OUTLAY_VERSIONS_DIALOG (source), toast);
}

/**
 * outlay_window_report_comparison_cb:
 *
 * The Versions dialog's Print… and Export as PDF…, run over the dialog.
 */
void
outlay_window_report_comparison_cb (OutlayVersionsDialog *dialog,
                                    OutlayDocument *from,
                                    const char *from_name,
                                    OutlayDocument *to,
                                    const char *to_name,
                                    gboolean print,
                                    OutlayWindow *self)
{
  if (print)
    outlay_print_comparison (GTK_WINDOW (dialog), from, from_name, to, to_name);
  else
    outlay_export_comparison_async (GTK_WINDOW (dialog), from, from_name, to, to_name,
                                    self->cancellable, comparison_exported_cb, NULL);
}

/* win.export::xlsx, ::csv, ::pdf-summary, ::pdf-detail, ::pdf-variance,
 * ::pdf-time-by-person, ::pdf-time-by-task, ::pdf-cost */
static void
export_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);
  const char *what = g_variant_get_string (param, NULL);
  OutlayExportFormat format = OUTLAY_EXPORT_PDF;
  OutlayReportKind kind = OUTLAY_REPORT_SUMMARY;

  if (self->document == NULL)
    return;
  if (g_str_equal (what, "xlsx"))
    format = OUTLAY_EXPORT_XLSX;
  else if (g_str_equal (what, "csv"))
    format = OUTLAY_EXPORT_CSV;
  else if (!g_str_has_prefix (what, "pdf-")
           || !outlay_report_kind_from_string (what + strlen ("pdf-"), &kind))
    {
      g_warning ("Unknown export “%s”", what);
      return;
    }
  outlay_export_document_async (
      GTK_WINDOW (self), self->document, outlay_store_get_path (self->store), format, kind,
      self->cancellable, export_done_cb,
      g_memdup2 (&(gint64){ outlay_budget_get_id (outlay_document_get_budget (self->document)) },
                 sizeof (gint64)));
}

static void
print_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);

  if (self->document != NULL)
    outlay_print_document (GTK_WINDOW (self), self->document, OUTLAY_REPORT_SUMMARY);
}

void
outlay_window_export_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
}

void
outlay_window_export_update (OutlayWindow *self)
{
  gboolean has = self->document != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has);
}
