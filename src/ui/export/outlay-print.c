/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-print"

/* Printing a budget: the print dialog with a "Report" tab, and the same
 * renderer as the PDF export (OutlayReport), paginated for the printable
 * area of the page setup the user picks in the dialog.
 *
 * A comparison of two versions is printed from the Versions dialog, which
 * has both states (outlay_print_comparison()); the print dialog offers it
 * no Report tab. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "outlay-export.h"
#include "outlay-print.h"

/* The dialog's choices are remembered for the session. */
static GtkPrintSettings *session_settings;
static GtkPageSetup *session_page_setup;

typedef struct
{
  GtkWindow        *parent;
  OutlayDocument   *doc;
  OutlayDocument *from; /* a comparison's older side, or NULL */
  char *from_name;
  char *to_name;
  OutlayReport     *report;
  OutlayReportKind  kind;
  OutlayReportSort  sort;
  gboolean          over_only;
  GtkDropDown      *kind_choice;
  GtkDropDown      *sort_choice;
  GtkCheckButton   *over_only_check;
  gboolean          error_shown;
} PrintJob;

/* The kinds in the drop-down, in order. */
static const OutlayReportKind offered[] = {
  OUTLAY_REPORT_SUMMARY, OUTLAY_REPORT_DETAIL, OUTLAY_REPORT_VARIANCE,
};

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->parent);
  g_clear_object (&job->doc);
  g_clear_object (&job->from);
  g_free (job->from_name);
  g_free (job->to_name);
  g_clear_object (&job->report);
  if (job->kind_choice != NULL)
    g_signal_handlers_disconnect_by_data (job->kind_choice, job);
  g_clear_object (&job->kind_choice);
  g_clear_object (&job->sort_choice);
  g_clear_object (&job->over_only_check);
  g_free (job);
}

static void
show_error (GtkWindow *parent, const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Print"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the Report tab ---- */

static void
kind_changed_cb (GtkDropDown *choice, GParamSpec *pspec, PrintJob *job)
{
  gboolean variance = offered[gtk_drop_down_get_selected (choice)] == OUTLAY_REPORT_VARIANCE;

  gtk_widget_set_sensitive (GTK_WIDGET (job->sort_choice), variance);
  gtk_widget_set_sensitive (GTK_WIDGET (job->over_only_check), variance);
}

static GtkWidget *
grid_label (GtkGrid *grid, const char *mnemonic, GtkWidget *target, int row)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), target);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, target, 1, row, 1, 1);
  return label;
}

static guint
offered_index (OutlayReportKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (offered); i++)
    if (offered[i] == kind)
      return i;
  return 0;
}

static GObject *
create_custom_widget_cb (GtkPrintOperation *op, PrintJob *job)
{
  const char *kinds[] = { outlay_report_kind_title (OUTLAY_REPORT_SUMMARY),
                          outlay_report_kind_title (OUTLAY_REPORT_DETAIL),
                          outlay_report_kind_title (OUTLAY_REPORT_VARIANCE), NULL };
  const char *sorts[] = { _("Budget order"), _("Largest overrun first"),
                          _("Largest overrun in percent first"), NULL };
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());

  gtk_grid_set_row_spacing (grid, 12);
  gtk_grid_set_column_spacing (grid, 12);
  g_object_set (grid, "margin-top", 18, "margin-bottom", 18, "margin-start", 18,
                "margin-end", 18, NULL);
  job->kind_choice = g_object_ref (GTK_DROP_DOWN (gtk_drop_down_new_from_strings (kinds)));
  job->sort_choice = g_object_ref (GTK_DROP_DOWN (gtk_drop_down_new_from_strings (sorts)));
  job->over_only_check = g_object_ref (GTK_CHECK_BUTTON (
    gtk_check_button_new_with_mnemonic (_("Only lines _over budget"))));
  gtk_drop_down_set_selected (job->kind_choice, offered_index (job->kind));
  gtk_drop_down_set_selected (job->sort_choice, job->sort);
  gtk_check_button_set_active (job->over_only_check, job->over_only);
  grid_label (grid, _("_Report"), GTK_WIDGET (job->kind_choice), 0);
  grid_label (grid, _("_Order of lines"), GTK_WIDGET (job->sort_choice), 1);
  gtk_grid_attach (grid, GTK_WIDGET (job->over_only_check), 1, 2, 1, 1);
  g_signal_connect (job->kind_choice, "notify::selected", G_CALLBACK (kind_changed_cb), job);
  kind_changed_cb (job->kind_choice, NULL, job);
  return G_OBJECT (grid);
}

static void
custom_widget_apply_cb (GtkPrintOperation *op, GtkWidget *widget, PrintJob *job)
{
  job->kind = offered[gtk_drop_down_get_selected (job->kind_choice)];
  job->sort = gtk_drop_down_get_selected (job->sort_choice);
  job->over_only = gtk_check_button_get_active (job->over_only_check);
}

/* ---- printing ---- */

static void
begin_print_cb (GtkPrintOperation *op, GtkPrintContext *context, PrintJob *job)
{
  OutlayReportOptions options;
  guint n_pages;

  outlay_report_options_init (&options, job->kind);
  options.sort = job->sort;
  options.over_only = job->over_only;
  g_clear_object (&job->report);
  if (job->from != NULL)
    job->report = outlay_report_new_compare (job->from, job->from_name, job->doc, job->to_name,
                                             &options);
  else
    job->report = outlay_report_new (job->doc, &options);
  /* use_full_page is off and the unit is points: the context's size is
   * the printable area in points, its origin at the area's corner */
  n_pages = outlay_report_paginate (job->report, gtk_print_context_get_cairo_context (context),
                                    gtk_print_context_get_width (context),
                                    gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (op, (int) n_pages);
  g_clear_object (&session_page_setup);
  session_page_setup = gtk_page_setup_copy (gtk_print_context_get_page_setup (context));
}

static void
draw_page_cb (GtkPrintOperation *op, GtkPrintContext *context, int page_nr, PrintJob *job)
{
  if (job->report != NULL && page_nr >= 0
      && (guint) page_nr < outlay_report_get_n_pages (job->report))
    outlay_report_draw_page (job->report, gtk_print_context_get_cairo_context (context),
                             (guint) page_nr);
}

static void
end_print_cb (GtkPrintOperation *op, GtkPrintContext *context, PrintJob *job)
{
  g_clear_object (&job->report);
}

static void
done_cb (GtkPrintOperation *op, GtkPrintOperationResult result, PrintJob *job)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&session_settings, gtk_print_operation_get_print_settings (op));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (op, &error);
      if (error != NULL)
        show_error (job->parent, error);
      job->error_shown = error != NULL;
    }
}

static GtkPrintOperation *
make_operation (PrintJob *job)
{
  GtkPrintOperation *op = gtk_print_operation_new ();
  OutlayBudget *budget = outlay_document_get_budget (job->doc);
  g_autofree char *name = g_strdup_printf ("%s — %s", outlay_budget_get_name (budget),
                                           outlay_report_kind_title (job->kind));

  gtk_print_operation_set_job_name (op, name);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (op, FALSE);
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  gtk_print_operation_set_show_progress (op, TRUE);
  gtk_print_operation_set_allow_async (op, TRUE);
  gtk_print_operation_set_custom_tab_label (op, _("Report"));
  if (session_settings != NULL)
    gtk_print_operation_set_print_settings (op, session_settings);
  if (session_page_setup != NULL)
    gtk_print_operation_set_default_page_setup (op, session_page_setup);
  else
    {
      /* the paper chosen in Preferences, until one is picked in the dialog */
      g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
      g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (outlay_export_paper_name (job->parent));

      gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
      gtk_print_operation_set_default_page_setup (op, setup);
    }
  if (job->from == NULL)
    {
      g_signal_connect (op, "create-custom-widget", G_CALLBACK (create_custom_widget_cb), job);
      g_signal_connect (op, "custom-widget-apply", G_CALLBACK (custom_widget_apply_cb), job);
    }
  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (op, "end-print", G_CALLBACK (end_print_cb), job);
  g_signal_connect (op, "done", G_CALLBACK (done_cb), job);
  /* the job lives as long as the operation */
  g_object_set_data_full (G_OBJECT (op), "outlay-print-job", job,
                          (GDestroyNotify) print_job_free);
  return op;
}

static void
run_print (GtkWindow *parent, PrintJob *job)
{
  g_autoptr(GtkPrintOperation) op = make_operation (job);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  result = gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  /* with allow-async, "done" reports the outcome unless it failed at once */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL && !job->error_shown)
    show_error (parent, error);
}

/**
 * outlay_print_document:
 * @parent: (nullable): the window the print dialog belongs to
 * @doc: the budget
 * @kind: the report chosen at first in the dialog's Report tab (summary,
 *   detail or variance; a comparison is not offered and starts as summary)
 *
 * Shows the print dialog and prints the chosen report of @doc as it is
 * when printing starts.  Print settings and page setup are remembered for
 * the session; a failure shows in a message dialog.
 */
void
outlay_print_document (GtkWindow        *parent,
                       OutlayDocument   *doc,
                       OutlayReportKind  kind)
{
  PrintJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (OUTLAY_IS_DOCUMENT (doc));

  job = g_new0 (PrintJob, 1);
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->doc = g_object_ref (doc);
  job->kind = kind == OUTLAY_REPORT_COMPARE ? OUTLAY_REPORT_SUMMARY : kind;
  job->sort = OUTLAY_REPORT_SORT_SECTION;
  run_print (parent, job);
}

/**
 * outlay_print_comparison:
 * @parent: (nullable): the window the print dialog belongs to
 * @from: the older state (a saved version)
 * @from_name: its name, as the report's column heads it
 * @to: the newer state (another version or the current budget)
 * @to_name: its name
 *
 * Shows the print dialog and prints the comparison report of @from and
 * @to, the same pages as its PDF.
 */
void
outlay_print_comparison (GtkWindow *parent,
                         OutlayDocument *from,
                         const char *from_name,
                         OutlayDocument *to,
                         const char *to_name)
{
  PrintJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (OUTLAY_IS_DOCUMENT (from));
  g_return_if_fail (OUTLAY_IS_DOCUMENT (to));

  job = g_new0 (PrintJob, 1);
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->doc = g_object_ref (to);
  job->from = g_object_ref (from);
  job->from_name = g_strdup (from_name);
  job->to_name = g_strdup (to_name);
  job->kind = OUTLAY_REPORT_COMPARE;
  run_print (parent, job);
}
