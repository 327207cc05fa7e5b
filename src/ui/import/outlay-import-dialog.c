/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-import-dialog"

/* The import assistant.  Analysing, checking and importing run in worker
 * threads, one at a time: a workbook reads one sheet at a time and the
 * analysis is not safe for two threads.  A change the user makes while a
 * check runs cancels the check and is applied once the worker has let go
 * (settle()), then the check runs again. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-budget.h"
#include "outlay-error.h"
#include "outlay-import-dialog-private.h"
#include "outlay-import-preview.h"
#include "outlay-store-import.h"

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OutlayImportDialog, outlay_import_dialog, ADW_TYPE_WINDOW)

/* Currencies offered for a new budget; one found in the file is added. */
static const char *const common_currencies[] = {
  "AED", "ARS", "AUD", "BRL", "CAD", "CHF", "CLP", "CNY", "COP", "CZK", "DKK", "EUR", "GBP",
  "HKD", "HUF", "IDR", "ILS", "INR", "ISK", "JPY", "KRW", "MXN", "MYR", "NOK", "NZD", "PHP",
  "PLN", "RON", "SAR", "SEK", "SGD", "THB", "TRY", "TWD", "UAH", "USD", "VND", "ZAR",
};

static void settle       (OutlayImportDialog *self);
static void queue_settle (OutlayImportDialog *self);

/* ---- workers ---- */

static void
job_free (Job *job)
{
  g_clear_object (&job->cancellable);
  g_clear_object (&job->workbook);
  if (job->kind == JOB_ANALYZE)
    g_clear_pointer (&job->analysis, outlay_import_analysis_free);
  g_clear_pointer (&job->sample, outlay_sheet_sample_free);
  g_clear_pointer (&job->result, outlay_import_result_free);
  g_free (job->store_path);
  g_free (job->signature);
  g_free (job->mapping);
  g_free (job->budget_name);
  g_free (job->currency);
  g_free (job->fingerprint);
  g_free (job->uri);
  g_free (job->source);
  g_free (job);
}

static Job *
job_new (OutlayImportDialog *self, JobKind kind)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->cancellable = g_cancellable_new ();
  job->workbook = g_object_ref (self->workbook);
  job->sheet = -1;
  return job;
}

static void
progress_func (guint64 done, guint64 total, gpointer data)
{
  Job *job = data;

  g_atomic_int_set (&job->rows, (gint) MIN (done, (guint64) G_MAXINT));
}

/* Hands the worker's outcome to the main thread, whatever the callee did
 * with @error. */
static void
return_outcome (GTask *task, gboolean ok, GError *error)
{
  if (ok)
    {
      g_clear_error (&error);
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (error == NULL)
    error = g_error_new_literal (OUTLAY_ERROR, OUTLAY_ERROR_INVALID_FILE,
                                 _("The spreadsheet could not be read"));
  g_task_return_error (task, error);
}

static void
analyze_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;

  job->analysis = outlay_import_analyze (job->workbook, job->sheet, cancellable, &error);
  if (job->analysis != NULL)
    job->sample = outlay_sheet_sample_read (job->workbook,
                                            outlay_import_analysis_get_sheet (job->analysis),
                                            SAMPLE_ROWS, cancellable, &error);
  if (job->sample == NULL && error == NULL)
    g_set_error (&error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_FILE,
                 _("“%s” has no sheet with a table Outlay can read"),
                 outlay_workbook_get_name (job->workbook));
  return_outcome (task, job->sample != NULL, error);
}

static void
check_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;

  job->result = outlay_import_check (job->workbook, job->analysis, &job->options, progress_func,
                                     job, cancellable, &error);
  return_outcome (task, job->result != NULL, error);
}

static void
wait_func (OutlayStore *store, gpointer data)
{
  Job *job = data;

  g_atomic_int_set (&job->waiting, 1);
}

/* SQLite connections are per thread: the import opens its own, and waits
 * there for another Outlay's import to finish. */
static void
run_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  g_autoptr(OutlayStore) store = outlay_store_open (job->store_path, &error);

  if (store != NULL)
    {
      g_autoptr(GError) mapping_error = NULL;

      outlay_store_set_wait_func (store, wait_func, job);
      outlay_store_set_wait_cancellable (store, cancellable);
      /* a write: here, not on the main thread, which would freeze while
       * another program imports */
      if (job->signature != NULL
          && !outlay_store_remember_mapping (store, job->signature, job->mapping, &mapping_error))
        g_message ("Could not remember the column mapping: %s", mapping_error->message);
    }
  if (store != NULL)
    job->result = outlay_import_run (store, job->workbook, job->analysis, &job->options,
                                     progress_func, job, cancellable, &error);
  return_outcome (task, job->result != NULL, error);
}

static char *
rows_read_text (gint rows)
{
  g_autofree char *count = outlay_import_format_count (rows);

  /* Translators: progress of reading a file, "12,345 rows read" */
  return g_strdup_printf (ngettext ("%s row read", "%s rows read", rows), count);
}

static gboolean
progress_cb (gpointer data)
{
  OutlayImportDialog *self = data;
  g_autofree char *text = NULL;

  if (self->job == NULL)
    return G_SOURCE_CONTINUE;
  text = rows_read_text (g_atomic_int_get (&self->job->rows));
  if (self->job->kind == JOB_RUN && g_atomic_int_get (&self->job->waiting)
      && g_atomic_int_get (&self->job->rows) == 0)
    {
      gtk_progress_bar_pulse (self->progress_bar);
      gtk_progress_bar_set_text (self->progress_bar,
                                 _("Waiting for another Outlay import to finish…"));
    }
  else if (self->job->kind == JOB_RUN)
    {
      gtk_progress_bar_pulse (self->progress_bar);
      gtk_progress_bar_set_text (self->progress_bar, text);
    }
  else if (self->job->kind == JOB_CHECK)
    {
      /* Translators: "Checking every row… 12,345 rows read" */
      g_autofree char *label = g_strdup_printf (_("Checking every row… %s"), text);

      gtk_label_set_text (self->checking_label, label);
    }
  return G_SOURCE_CONTINUE;
}

static void job_done_cb (GObject *source, GAsyncResult *res, gpointer data);

static void
start_job (OutlayImportDialog *self, Job *job, GTaskThreadFunc func)
{
  g_autoptr(GTask) task = g_task_new (self, job->cancellable, job_done_cb, NULL);

  g_assert (self->job == NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  /* Cancel pressed once an import is past its last check still ends in
   * the import: say so, not "Nothing was changed". */
  if (job->kind == JOB_RUN)
    g_task_set_check_cancellable (task, FALSE);
  self->job = job;
  if (self->progress_id == 0)
    self->progress_id = g_timeout_add (100, progress_cb, self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", FALSE);
  g_task_run_in_thread (task, func);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* ---- showing the analysis ---- */

static gboolean
import_possible (OutlayImportDialog *self)
{
  OutlayFileKind kind;
  guint mode = adw_combo_row_get_selected (self->mode_row);

  if (self->job != NULL || self->settle_id != 0 || self->analysis == NULL || self->result == NULL)
    return FALSE;
  kind = outlay_import_analysis_get_kind (self->analysis, NULL);
  if (kind != OUTLAY_FILE_KIND_BUDGET && !gtk_check_button_get_active (self->anyway_check))
    return FALSE;
  if (mode == OUTLAY_IMPORT_MODE_NEW)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
      g_autofree char *name = g_strstrip (g_strdup (text));

      return *name != '\0';
    }
  else
    {
      OutlayBudget *budget = adw_combo_row_get_selected_item (self->budget_row);

      return budget != NULL && outlay_budget_get_status (budget) != OUTLAY_BUDGET_STATUS_LOCKED;
    }
}

static void
update_import_cb (OutlayImportDialog *self)
{
  outlay_import_dialog_show_currency (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", import_possible (self));
}

static void
field_chosen_cb (guint column, OutlayImportField field, gpointer data)
{
  OutlayImportDialog *self = data;
  FieldChange change = { column, field };

  if (self->filling)
    return;
  g_array_append_val (self->pending_fields, change);
  queue_settle (self);
}

static void
show_preview (OutlayImportDialog *self)
{
  GtkWidget *grid = outlay_import_preview_new (self->analysis, self->sample, PREVIEW_ROWS,
                                               field_chosen_cb, self);

  gtk_scrolled_window_set_child (self->preview_scroller, grid);
}

static void
show_analysis (OutlayImportDialog *self)
{
  guint last_row = outlay_import_analysis_get_header_row (self->analysis);
  guint n = outlay_sheet_sample_get_n_rows (self->sample);

  if (n > 0)
    last_row = MAX (last_row, outlay_sheet_sample_get_row (self->sample, n - 1)->number);
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->sheet_dropdown,
                              outlay_import_analysis_get_sheet (self->analysis));
  gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->header_spin), last_row);
  gtk_spin_button_set_value (self->header_spin,
                             outlay_import_analysis_get_header_row (self->analysis));
  self->filling = FALSE;
  outlay_import_dialog_show_kind (self);
  show_preview (self);
}

/* A remembered mapping for this layout of columns wins over the guess. */
static void
apply_remembered (OutlayImportDialog *self)
{
  const char *signature = outlay_import_analysis_get_signature (self->analysis);
  g_autofree char *json = signature != NULL ? outlay_store_lookup_mapping (self->store, signature)
                                            : NULL;

  gtk_widget_set_visible (self->mapping_banner,
                          json != NULL && outlay_import_mapping_apply_json (self->analysis, json));
}

/* ---- the check ---- */

static void
start_check (OutlayImportDialog *self)
{
  Job *job = job_new (self, JOB_CHECK);

  job->analysis = self->analysis;
  job->options.mode = OUTLAY_IMPORT_MODE_NEW;
  job->options.abort_on_bad_row = FALSE;
  outlay_import_dialog_clear_check (self);
  gtk_label_set_text (self->checking_label, _("Checking every row…"));
  gtk_widget_set_visible (self->checking_box, TRUE);
  start_job (self, job, check_thread);
}

/* ---- a worker is done ---- */

static void
analyze_done (OutlayImportDialog *self, Job *job, const GError *error)
{
  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (self->analysis == NULL)
        {
          adw_status_page_set_description (self->failed_page, error->message);
          gtk_stack_set_visible_child_name (self->pages, "failed");
          return;
        }
      /* another sheet did not read: back to the one that did */
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      self->filling = TRUE;
      gtk_drop_down_set_selected (self->sheet_dropdown,
                                  outlay_import_analysis_get_sheet (self->analysis));
      self->filling = FALSE;
      start_check (self);
      return;
    }
  g_clear_pointer (&self->analysis, outlay_import_analysis_free);
  g_clear_pointer (&self->sample, outlay_sheet_sample_free);
  self->analysis = g_steal_pointer (&job->analysis);
  self->sample = g_steal_pointer (&job->sample);
  /* choices made on the sheet analysed before no longer apply */
  g_array_set_size (self->pending_fields, 0);
  self->pending_header = -1;
  apply_remembered (self);
  show_analysis (self);
  gtk_stack_set_visible_child_name (self->pages, "main");
  if (self->pending_sheet < 0)
    start_check (self);
}

static void
check_done (OutlayImportDialog *self, Job *job, const GError *error)
{
  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_set_visible (self->checking_box, FALSE);
  if (error != NULL)
    {
      gtk_label_set_text (self->check_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->check_error_label), TRUE);
      return;
    }
  self->result = g_steal_pointer (&job->result);
  outlay_import_dialog_show_result (self);
}

static void
run_failed (OutlayImportDialog *self, const GError *error)
{
  /* Translators: heading of the message when an import fails */
  g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"),
                                              outlay_workbook_get_name (self->workbook));
  /* the import's messages say that nothing was imported */
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
run_done (OutlayImportDialog *self, Job *job, const GError *error)
{
  if (error == NULL)
    {
      OutlayImportResult *r = job->result;

      g_signal_emit (self, signals[IMPORTED], 0, r->import_id, r->budget_id, r->rows_imported,
                     outlay_workbook_get_name (self->workbook));
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (self->close_after_run)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  gtk_stack_set_visible_child_name (self->pages, "main");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("Import cancelled. Nothing was changed.")));
  else
    run_failed (self, error);
}

static void
job_done_cb (GObject *source, GAsyncResult *res, gpointer data)
{
  OutlayImportDialog *self = OUTLAY_IMPORT_DIALOG (source);
  Job *job = g_task_get_task_data (G_TASK (res));
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (res), &error);
  if (self->job == job)
    self->job = NULL;
  if (self->disposed)
    return;
  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (job->kind == JOB_ANALYZE)
    analyze_done (self, job, error);
  else if (job->kind == JOB_CHECK)
    check_done (self, job, error);
  else
    {
      run_done (self, job, error);
      if (self->disposed)
        return;
    }
  settle (self);
  update_import_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* ---- changes ---- */

/* Applies what the user changed, if no worker holds the analysis. */
static void
settle (OutlayImportDialog *self)
{
  g_clear_handle_id (&self->settle_id, g_source_remove);
  if (self->job != NULL)
    return; /* again when it is done */
  if (self->pending_sheet >= 0)
    {
      Job *job = job_new (self, JOB_ANALYZE);

      job->sheet = self->pending_sheet;
      self->pending_sheet = -1;
      outlay_import_dialog_clear_check (self);
      start_job (self, job, analyze_thread);
      return;
    }
  if (self->analysis == NULL || (self->pending_header < 0 && self->pending_fields->len == 0))
    return;
  if (self->pending_header >= 0)
    {
      outlay_import_analysis_set_header_row (self->analysis, self->pending_header);
      self->pending_header = -1;
      apply_remembered (self);
      outlay_import_dialog_show_kind (self);
    }
  for (guint i = 0; i < self->pending_fields->len; i++)
    {
      FieldChange *change = &g_array_index (self->pending_fields, FieldChange, i);

      outlay_import_analysis_set_field (self->analysis, change->column, change->field);
    }
  g_array_set_size (self->pending_fields, 0);
  show_preview (self);
  start_check (self);
}

static gboolean
settle_cb (gpointer data)
{
  OutlayImportDialog *self = data;

  self->settle_id = 0;
  settle (self);
  return G_SOURCE_REMOVE;
}

/* Cancels the check (it reads the analysis about to change) and settles
 * once it has stopped. */
static void
queue_settle (OutlayImportDialog *self)
{
  if (self->job != NULL && self->job->kind != JOB_RUN)
    g_cancellable_cancel (self->job->cancellable);
  if (self->settle_id == 0)
    self->settle_id = g_idle_add (settle_cb, self);
  update_import_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
sheet_selected_cb (OutlayImportDialog *self)
{
  if (self->filling)
    return;
  self->pending_sheet = gtk_drop_down_get_selected (self->sheet_dropdown);
  queue_settle (self);
}

static void
header_changed_cb (OutlayImportDialog *self)
{
  if (self->filling)
    return;
  self->pending_header = gtk_spin_button_get_value_as_int (self->header_spin);
  queue_settle (self);
}

static void
currency_changed_cb (OutlayImportDialog *self)
{
  if (!self->filling)
    self->currency_chosen = TRUE;
}

static void
mode_changed_cb (OutlayImportDialog *self)
{
  guint mode = adw_combo_row_get_selected (self->mode_row);

  gtk_widget_set_visible (GTK_WIDGET (self->name_row), mode == OUTLAY_IMPORT_MODE_NEW);
  gtk_widget_set_visible (GTK_WIDGET (self->currency_row), mode == OUTLAY_IMPORT_MODE_NEW);
  gtk_widget_set_visible (GTK_WIDGET (self->budget_row), mode != OUTLAY_IMPORT_MODE_NEW);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->budget_row),
                               mode == OUTLAY_IMPORT_MODE_REPLACE
                                 ? _("Its sections and lines are saved as a version first")
                                 : "");
  update_import_cb (self);
}

/* ---- actions ---- */

static void
fill_run_options (OutlayImportDialog *self, Job *job)
{
  guint mode = adw_combo_row_get_selected (self->mode_row);
  OutlayBudget *budget = adw_combo_row_get_selected_item (self->budget_row);
  guint currency = adw_combo_row_get_selected (self->currency_row);

  job->budget_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  /* unless the user picked one, the file's currency wins, as on the CLI */
  job->currency = self->currency_chosen
                      ? g_strdup (gtk_string_list_get_string (self->currencies, currency))
                      : NULL;
  job->fingerprint = g_strdup (self->fingerprint);
  job->uri = g_file_get_uri (self->file);
  job->source = g_strdup (self->source);
  job->options.mode = mode;
  job->options.budget_id = budget != NULL && mode != OUTLAY_IMPORT_MODE_NEW
                             ? outlay_budget_get_id (budget) : 0;
  job->options.budget_name = job->budget_name;
  job->options.currency = job->currency;
  job->options.abort_on_bad_row = gtk_check_button_get_active (self->stop_check);
  job->options.source = job->source;
  job->options.fingerprint = job->fingerprint;
  job->options.uri = job->uri;
}

static void
import_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayImportDialog *self = OUTLAY_IMPORT_DIALOG (widget);
  g_autofree char *title = NULL;
  Job *job;

  if (!import_possible (self))
    return;
  job = job_new (self, JOB_RUN);
  job->analysis = self->analysis;
  job->signature = g_strdup (outlay_import_analysis_get_signature (self->analysis));
  job->mapping = outlay_import_mapping_to_json (self->analysis);
  job->store_path = g_strdup (outlay_store_get_path (self->store));
  fill_run_options (self, job);
  /* Translators: while a file is imported, "Importing “budget.xlsx”…" */
  title = g_strdup_printf (_("Importing “%s”…"), outlay_workbook_get_name (self->workbook));
  adw_status_page_set_title (self->progress_page, title);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Starting…"));
  gtk_stack_set_visible_child_name (self->pages, "progress");
  start_job (self, job, run_thread);
}

static void
cancel_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayImportDialog *self = OUTLAY_IMPORT_DIALOG (widget);

  if (self->job != NULL && self->job->kind == JOB_RUN)
    g_cancellable_cancel (self->job->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* ---- GObject ---- */

static gboolean
outlay_import_dialog_close_request (GtkWindow *window)
{
  OutlayImportDialog *self = OUTLAY_IMPORT_DIALOG (window);

  /* an import stops cleanly, then the window goes */
  if (self->job != NULL && self->job->kind == JOB_RUN)
    {
      self->close_after_run = TRUE;
      g_cancellable_cancel (self->job->cancellable);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (outlay_import_dialog_parent_class)->close_request (window);
}

static void
outlay_import_dialog_dispose (GObject *object)
{
  OutlayImportDialog *self = OUTLAY_IMPORT_DIALOG (object);

  self->disposed = TRUE;
  if (self->job != NULL)
    g_cancellable_cancel (self->job->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (outlay_import_dialog_parent_class)->dispose (object);
}

/* A worker keeps the dialog alive until it is done: the analysis it
 * borrows goes only now. */
static void
outlay_import_dialog_finalize (GObject *object)
{
  OutlayImportDialog *self = OUTLAY_IMPORT_DIALOG (object);

  g_clear_pointer (&self->analysis, outlay_import_analysis_free);
  g_clear_pointer (&self->sample, outlay_sheet_sample_free);
  g_clear_pointer (&self->result, outlay_import_result_free);
  g_clear_pointer (&self->pending_fields, g_array_unref);
  g_clear_object (&self->workbook);
  g_clear_object (&self->file);
  g_clear_object (&self->store);
  g_clear_object (&self->budgets);
  g_clear_object (&self->currencies);
  g_clear_pointer (&self->reason_rows, g_ptr_array_unref);
  g_free (self->fingerprint);
  g_free (self->source);
  G_OBJECT_CLASS (outlay_import_dialog_parent_class)->finalize (object);
}

static void
outlay_import_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OutlayImportDialog *self = OUTLAY_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, outlay_import_dialog_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/outlay-import-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, OutlayImportDialog, name)
  BIND (toast_overlay);
  BIND (window_title);
  BIND (pages);
  BIND (failed_page);
  BIND (duplicate_banner);
  BIND (duplicate_label);
  BIND (skipped_banner);
  BIND (skipped_label);
  BIND (mapping_banner);
  BIND (sheet_dropdown);
  BIND (header_spin);
  BIND (preview_scroller);
  BIND (kind_row);
  BIND (kind_badge);
  BIND (anyway_row);
  BIND (anyway_check);
  BIND (mode_row);
  BIND (name_row);
  BIND (currency_row);
  BIND (budget_row);
  BIND (checking_box);
  BIND (checking_label);
  BIND (summary_label);
  BIND (check_error_label);
  BIND (warnings_box);
  BIND (errors_box);
  BIND (errors_title);
  BIND (error_list);
  BIND (skip_check);
  BIND (stop_check);
  BIND (progress_page);
  BIND (progress_bar);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, sheet_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, header_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_import_cb);
  gtk_widget_class_bind_template_callback (widget_class, mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, currency_changed_cb);
}

static void
outlay_import_dialog_class_init (OutlayImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_import_dialog_dispose;
  object_class->finalize = outlay_import_dialog_finalize;
  object_class->get_property = outlay_import_dialog_get_property;
  GTK_WINDOW_CLASS (klass)->close_request = outlay_import_dialog_close_request;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OutlayImportDialog::imported:
   * @import_id: the import's record
   * @budget_id: the budget imported into
   * @lines: the lines imported
   * @file_name: the file's name
   *
   * The import is in the database; the dialog closes after this.
   */
  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_UINT, G_TYPE_STRING);

  bind_template (widget_class);
  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
outlay_import_dialog_init (OutlayImportDialog *self)
{
  self->pending_sheet = -1;
  self->pending_header = -1;
  self->pending_fields = g_array_new (FALSE, FALSE, sizeof (FieldChange));
  self->currencies = gtk_string_list_new ((const char * const *) common_currencies);
  self->reason_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  outlay_import_load_css (GTK_WIDGET (self));
  /* setting the model selects its first currency: not the user's choice */
  self->filling = TRUE;
  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (self->currencies));
  self->filling = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", FALSE);
}

/* ---- setting up ---- */

OutlayImportDialog *
outlay_import_dialog_new (GtkWindow      *parent,
                          OutlayStore    *store,
                          GFile          *file,
                          OutlayWorkbook *workbook,
                          const char     *fingerprint,
                          const char     *source)
{
  OutlayImportDialog *self;

  g_return_val_if_fail (OUTLAY_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (OUTLAY_IS_WORKBOOK (workbook), NULL);

  self = g_object_new (OUTLAY_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->file = g_object_ref (file);
  self->workbook = g_object_ref (workbook);
  self->fingerprint = g_strdup (fingerprint);
  self->source = g_strdup (source != NULL ? source : "window");
  outlay_import_dialog_fill (self);
  mode_changed_cb (self);
  start_job (self, job_new (self, JOB_ANALYZE), analyze_thread);
  return self;
}

gboolean
outlay_import_dialog_get_busy (OutlayImportDialog *self)
{
  g_return_val_if_fail (OUTLAY_IS_IMPORT_DIALOG (self), FALSE);
  return self->job != NULL || self->settle_id != 0 || self->pending_sheet >= 0
         || self->pending_header >= 0 || self->pending_fields->len > 0;
}
