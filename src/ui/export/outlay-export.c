/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-export"

/* File ▸ Export: a save chooser, then the export in a worker thread. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "outlay-application.h"
#include "outlay-csv-export.h"
#include "outlay-dashboard-load.h"
#include "outlay-export.h"
#include "outlay-store.h"
#include "outlay-store-tasks.h"
#include "outlay-xlsx-export.h"

typedef struct
{
  OutlayExportFormat  format;
  OutlayDocument     *doc;         /* a frozen version: read as it is */
  gint64              budget_id;   /* else: loaded again in the worker */
  char               *store_path;
  OutlayReport       *report;      /* PDF */
  GFile              *file;
  GtkNativeDialog    *chooser;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->doc);
  g_free (job->store_path);
  g_clear_object (&job->report);
  g_clear_object (&job->file);
  if (job->chooser != NULL)
    gtk_native_dialog_destroy (job->chooser);
  g_clear_object (&job->chooser);
  g_free (job);
}

static const struct
{
  const char *extension;
  const char *filter_name;
  const char *mime_type;
} formats[] = {
  [OUTLAY_EXPORT_XLSX] = { "xlsx", N_("Excel Workbook"),
                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  [OUTLAY_EXPORT_CSV] = { "csv", N_("CSV (comma-separated values)"), "text/csv" },
  [OUTLAY_EXPORT_PDF] = { "pdf", N_("PDF Document"), "application/pdf" },
};

static OutlayDocument *
document_for (ExportJob *job, GError **error)
{
  g_autoptr(OutlayStore) store = NULL;

  if (job->doc != NULL)
    return g_object_ref (job->doc);
  /* SQLite connections are per thread: this worker opens its own */
  if ((store = outlay_store_open (job->store_path, error)) == NULL)
    return NULL;
  return outlay_store_load_document (store, job->budget_id, error);
}

static gboolean
write_local (ExportJob *job, const char *path, GCancellable *cancellable, GError **error)
{
  g_autoptr(OutlayDocument) doc = NULL;

  if (job->format == OUTLAY_EXPORT_PDF)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      return outlay_report_write_pdf (job->report, file, cancellable, error);
    }
  if ((doc = document_for (job, error)) == NULL)
    return FALSE;
  if (job->format == OUTLAY_EXPORT_XLSX && job->doc == NULL)
    {
      /* the budget as it is now: with its time sheets */
      g_autoptr(OutlayStore) store = outlay_store_open (job->store_path, error);
      g_autoptr(GPtrArray) entries = NULL;
      g_autoptr(GPtrArray) people = NULL;

      if (store == NULL
          || (entries = outlay_store_list_time (store, job->budget_id, NULL, NULL, error)) == NULL
          || (people = outlay_store_list_people (store, error)) == NULL)
        return FALSE;
      return outlay_xlsx_export_with_time (doc, entries, people, path, NULL, NULL, cancellable,
                                           error);
    }
  if (job->format == OUTLAY_EXPORT_XLSX)
    return outlay_xlsx_export (doc, path, NULL, NULL, cancellable, error);
  return outlay_csv_export (doc, path, NULL, NULL, cancellable, error);
}

static void
export_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ExportJob *job = data;
  g_autofree char *path = g_file_get_path (job->file);
  g_autofree char *tmp_dir = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(GFile) tmp_file = NULL;
  GError *error = NULL;

  if (path != NULL)
    {
      if (write_local (job, path, cancellable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      return;
    }
  /* a remote folder (sftp://, smb://): write here, then copy there */
  if ((tmp_dir = g_dir_make_tmp ("outlay-export-XXXXXX", &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  tmp = g_build_filename (tmp_dir, "export", NULL);
  tmp_file = g_file_new_for_path (tmp);
  if (write_local (job, tmp, cancellable, &error)
      && g_file_copy (tmp_file, job->file, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  g_unlink (tmp);
  g_rmdir (tmp_dir);
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, gpointer data)
{
  GTask *task = data;
  ExportJob *job = g_task_get_task_data (task);

  if (response != GTK_RESPONSE_ACCEPT)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Not exported"));
      g_object_unref (task);
      return;
    }
  job->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_task_run_in_thread (task, export_thread);
  g_object_unref (task);
}

static char *
suggested_name (OutlayDocument *doc, ExportJob *job)
{
  OutlayBudget *budget = outlay_document_get_budget (doc);
  const char *version = outlay_document_get_frozen_name (doc);
  g_autofree char *base = version != NULL
    ? g_strdup_printf ("%s (%s)", outlay_budget_get_name (budget), version)
    : g_strdup (outlay_budget_get_name (budget));

  g_strdelimit (base, "/\\:", '-');
  if (job->report != NULL)
    return g_strdup_printf ("%s - %s.pdf", base, outlay_report_get_title (job->report));
  return g_strdup_printf ("%s.%s", base, formats[job->format].extension);
}

/**
 * outlay_export_paper_name:
 * @parent: (nullable): a window of Outlay's
 *
 * Returns: the GTK paper name of the paper chosen in Preferences
 * ("iso_a4" or "na_letter"), or the locale's when it is Automatic
 */
const char *
outlay_export_paper_name (GtkWindow *parent)
{
  GtkApplication *app = parent != NULL ? gtk_window_get_application (parent) : NULL;
  g_autofree char *chosen = NULL;

  if (OUTLAY_IS_APPLICATION (app))
    chosen = g_settings_get_string (outlay_application_get_settings (OUTLAY_APPLICATION (app)),
                                    "paper-size");
  if (g_strcmp0 (chosen, "a4") == 0)
    return GTK_PAPER_NAME_A4;
  if (g_strcmp0 (chosen, "letter") == 0)
    return GTK_PAPER_NAME_LETTER;
  return gtk_paper_size_get_default ();
}

static OutlayReportPaper
default_paper (GtkWindow *parent)
{
  const char *name = outlay_export_paper_name (parent);

  return g_str_has_prefix (name, "na_") ? OUTLAY_REPORT_PAPER_LETTER : OUTLAY_REPORT_PAPER_A4;
}

/* Asks where to save @job's file, then writes it in a worker thread. */
static void
choose_file (GTask *task, ExportJob *job, GtkWindow *parent, OutlayDocument *doc)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  job->chooser = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (
      _("Export"), parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel")));
  gtk_native_dialog_set_modal (job->chooser, TRUE);
  gtk_file_filter_set_name (filter, _(formats[job->format].filter_name));
  gtk_file_filter_add_mime_type (filter, formats[job->format].mime_type);
  gtk_file_filter_add_suffix (filter, formats[job->format].extension);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (job->chooser), filter);
  name = suggested_name (doc, job);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (job->chooser), name);
  g_signal_connect (job->chooser, "response", G_CALLBACK (chooser_response_cb), task);
  gtk_native_dialog_show (job->chooser);
}

void
outlay_export_document_async (GtkWindow           *parent,
                              OutlayDocument      *doc,
                              const char          *store_path,
                              OutlayExportFormat   format,
                              OutlayReportKind     kind,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;
  ExportJob *job;

  g_return_if_fail (OUTLAY_IS_DOCUMENT (doc));

  task = g_task_new (parent, cancellable, callback, user_data);
  job = g_new0 (ExportJob, 1);
  g_task_set_source_tag (task, outlay_export_document_async);
  job->format = format;
  job->store_path = g_strdup (store_path);
  job->budget_id = outlay_budget_get_id (outlay_document_get_budget (doc));
  if (outlay_document_get_frozen_name (doc) != NULL || job->budget_id == 0)
    job->doc = g_object_ref (doc);
  if (format == OUTLAY_EXPORT_PDF)
    {
      OutlayReportOptions options;

      outlay_report_options_init (&options, kind);
      options.paper = default_paper (parent);
      /* made now, on this thread: the report keeps text, not the document */
      if (kind == OUTLAY_REPORT_TIME_BY_PERSON || kind == OUTLAY_REPORT_TIME_BY_TASK
          || kind == OUTLAY_REPORT_COST)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(OutlayStore) store = outlay_store_open (store_path, &error);
          g_autoptr(GPtrArray) entries = NULL;
          g_autoptr(GPtrArray) people = NULL;
          g_autoptr(OutlayDashboard) dashboard = NULL;

          if (store == NULL
              || (entries = outlay_store_list_time (store, job->budget_id, NULL, NULL, &error))
                     == NULL
              || (people = outlay_store_list_people (store, &error)) == NULL
              || (kind == OUTLAY_REPORT_COST
                  && (dashboard = outlay_dashboard_load (store, job->budget_id,
                                                         outlay_dashboard_today (), 30, &error))
                         == NULL))
            {
              export_job_free (job);
              g_task_return_error (task, g_steal_pointer (&error));
              g_object_unref (task);
              return;
            }
          job->report = dashboard != NULL
                            ? outlay_report_new_cost (doc, dashboard, entries, people, &options)
                            : outlay_report_new_time (doc, entries, people, &options);
        }
      else
        job->report = outlay_report_new (doc, &options);
    }
  choose_file (task, job, parent, doc);
}

/**
 * outlay_export_comparison_async:
 * @parent: (nullable): the window the file chooser belongs to
 * @from: the older state (a saved version)
 * @from_name: its name, as the report's column heads it
 * @to: the newer state
 * @to_name: its name
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written, or not
 * @user_data: for @callback
 *
 * Asks where to save the comparison report of @from and @to as a PDF,
 * then writes it in a worker thread.  Finish with
 * outlay_export_document_finish().
 */
void
outlay_export_comparison_async (GtkWindow *parent,
                                OutlayDocument *from,
                                const char *from_name,
                                OutlayDocument *to,
                                const char *to_name,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  OutlayReportOptions options;
  GTask *task;
  ExportJob *job;

  g_return_if_fail (OUTLAY_IS_DOCUMENT (from));
  g_return_if_fail (OUTLAY_IS_DOCUMENT (to));

  task = g_task_new (parent, cancellable, callback, user_data);
  job = g_new0 (ExportJob, 1);
  /* one finish for both */
  g_task_set_source_tag (task, outlay_export_document_async);
  job->format = OUTLAY_EXPORT_PDF;
  outlay_report_options_init (&options, OUTLAY_REPORT_COMPARE);
  options.paper = default_paper (parent);
  job->report = outlay_report_new_compare (from, from_name, to, to_name, &options);
  choose_file (task, job, parent, to);
}

GFile *
outlay_export_document_finish (GAsyncResult  *result,
                               GError       **error)
{
  ExportJob *job;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == outlay_export_document_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  job = g_task_get_task_data (G_TASK (result));
  return g_object_ref (job->file);
}
