/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-log-time-dialog"

/* Log Time: task, person, date, hours (or a start and an end) and a
 * note.  Before anything is saved it shows the rate the entry will be
 * costed at and where that rate comes from, and where the entry takes
 * its task, its line and the budget, updated as the user types. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "outlay-currency.h"
#include "outlay-error.h"
#include "outlay-document-tasks.h"
#include "outlay-log-time-dialog.h"
#include "outlay-rates.h"
#include "outlay-store-tasks.h"

struct _OutlayLogTimeDialog
{
  AdwWindow parent_instance;
  OutlayDocument *document;
  OutlayStore *store;
  GPtrArray *rates;   /* OutlayRateChange */
  GArray *people_ids; /* gint64, one per person_row item */
  char *rate_text;
  char *impact_text;
  gboolean ready;

  AdwComboRow *task_row;
  AdwComboRow *person_row;
  AdwEntryRow *date_row;
  AdwEntryRow *hours_row;
  AdwEntryRow *start_row;
  AdwEntryRow *end_row;
  AdwEntryRow *rate_row;
  AdwEntryRow *note_row;
  GtkWidget *log_button;
  GtkLabel *rate_label;
  GtkLabel *impact_label;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (OutlayLogTimeDialog, outlay_log_time_dialog, ADW_TYPE_WINDOW)

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static OutlayTask *
chosen_task (OutlayLogTimeDialog *self)
{
  guint i = adw_combo_row_get_selected (self->task_row);

  if (i == GTK_INVALID_LIST_POSITION || i >= outlay_document_get_n_tasks (self->document))
    return NULL;
  return outlay_document_get_task (self->document, i);
}

static gint64
chosen_person (OutlayLogTimeDialog *self)
{
  guint i = adw_combo_row_get_selected (self->person_row);

  if (i == GTK_INVALID_LIST_POSITION || i >= self->people_ids->len)
    return 0;
  return g_array_index (self->people_ids, gint64, i);
}

static gboolean
parse_clock (const char *text, int *minutes)
{
  int h, m;
  char tail;

  if (sscanf (text, "%d:%d%c", &h, &m, &tail) != 2 || h < 0 || h > 24 || m < 0 || m > 59)
    return FALSE;
  *minutes = h * 60 + m;
  return *minutes <= 24 * 60;
}

/* The hours typed, or worked out from start and end. */
static gboolean
read_hours (OutlayLogTimeDialog *self, OutlayDecimal *hours, GError **error)
{
  int start, end;

  if (*text_of (self->hours_row) != '\0')
    {
      if (outlay_decimal_parse (text_of (self->hours_row), hours, NULL))
        return TRUE;
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_NUMBER,
                   _("Hours: “%s” is not a number"), text_of (self->hours_row));
      return FALSE;
    }
  if (*text_of (self->start_row) == '\0' && *text_of (self->end_row) == '\0')
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("Type the hours, or a start and an end"));
      return FALSE;
    }
  if (!parse_clock (text_of (self->start_row), &start)
      || !parse_clock (text_of (self->end_row), &end))
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("Write the start and the end as HH:MM, like 09:30"));
      return FALSE;
    }
  if (end <= start)
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("The end comes before the start"));
      return FALSE;
    }
  return outlay_decimal_div (OUTLAY_DECIMAL_FROM_INT (end - start), OUTLAY_DECIMAL_FROM_INT (60),
                             hours);
}

/* Fills @log and @r from the form, or says what is wrong with it. */
static gboolean
read_form (OutlayLogTimeDialog *self,
           OutlayTimeLog *log,
           OutlayRateResolution *r,
           OutlayDecimal *typed,
           GError **error)
{
  gboolean has_rate = *text_of (self->rate_row) != '\0';

  *log = (OutlayTimeLog){
    chosen_task (self),      chosen_person (self), text_of (self->date_row), 0, 0, has_rate, NULL,
    text_of (self->note_row)
  };
  if (log->task == NULL)
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("Add a task on the Tasks page first"));
      return FALSE;
    }
  if (!read_hours (self, &log->hours, error))
    return FALSE;
  if (has_rate && !outlay_decimal_parse (text_of (self->rate_row), typed, NULL))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_NUMBER,
                   _("Rate: “%s” is not a number"), text_of (self->rate_row));
      return FALSE;
    }
  log->rate = has_rate ? *typed : 0;
  if (!outlay_document_check_time_log (self->document, log, error)
      || !outlay_rates_resolve (self->rates, outlay_document_get_budget (self->document), log->task,
                                log->person_id, log->date, has_rate ? typed : NULL, r, error))
    return FALSE;
  log->rate = r->rate;
  log->rate_source = outlay_rate_source_to_string (r->source);
  return TRUE;
}

static void
changed_cb (OutlayLogTimeDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *currency = outlay_budget_get_currency (outlay_document_get_budget (self->document));
  OutlayTimeLog log;
  OutlayRateResolution r;
  OutlayDecimal typed = 0, cost = 0;
  OutlayTimeImpact impact;
  g_auto(GStrv) lines = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *amount = NULL;

  self->ready = read_form (self, &log, &r, &typed, &error)
                && outlay_decimal_mul (log.hours, r.rate, &cost)
                && outlay_time_impact (self->document, log.task, cost, &impact);
  gtk_widget_set_sensitive (self->log_button, self->ready);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  gtk_label_set_text (self->error_label, error != NULL ? error->message : "");
  g_clear_pointer (&self->rate_text, g_free);
  g_clear_pointer (&self->impact_text, g_free);
  if (!self->ready)
    {
      gtk_label_set_text (self->rate_label, "");
      gtk_label_set_text (self->impact_label, "");
      return;
    }
  rate = outlay_rates_describe (&r, currency);
  amount = outlay_currency_format (cost, currency);
  /* Translators: "€297.50 at €85.00/h — person's rate for this budget" */
  self->rate_text = g_strdup_printf (_("%s at %s"), amount, rate);
  lines = outlay_time_impact_describe (self->document, log.task, &impact);
  self->impact_text = g_strjoinv ("\n", lines);
  gtk_label_set_text (self->rate_label, self->rate_text);
  gtk_label_set_text (self->impact_label, self->impact_text);
}

static void
log_clicked_cb (OutlayLogTimeDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!outlay_log_time_dialog_save (self, &error))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fill_lists (OutlayLogTimeDialog *self, OutlayTask *task)
{
  g_autoptr(GtkStringList) tasks = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) people = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) list = outlay_store_list_people (self->store, NULL);
  guint task_index = 0, person_index = 0;
  gint64 nobody = 0;

  for (guint i = 0; i < outlay_document_get_n_tasks (self->document); i++)
    {
      gtk_string_list_append (tasks,
                              outlay_task_get_name (outlay_document_get_task (self->document, i)));
      if (outlay_document_get_task (self->document, i) == task)
        task_index = i;
    }
  gtk_string_list_append (people, _("Nobody in particular"));
  g_array_append_val (self->people_ids, nobody);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      OutlayPerson *p = g_ptr_array_index (list, i);
      gint64 id = outlay_person_get_id (p);

      gtk_string_list_append (people, outlay_person_get_name (p));
      g_array_append_val (self->people_ids, id);
      if (task != NULL && id == outlay_task_get_assignee_id (task))
        person_index = self->people_ids->len - 1;
    }
  adw_combo_row_set_model (self->task_row, G_LIST_MODEL (tasks));
  adw_combo_row_set_model (self->person_row, G_LIST_MODEL (people));
  adw_combo_row_set_selected (self->task_row, task_index);
  adw_combo_row_set_selected (self->person_row, person_index);
}

static void
outlay_log_time_dialog_dispose (GObject *object)
{
  OutlayLogTimeDialog *self = OUTLAY_LOG_TIME_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_LOG_TIME_DIALOG);
  g_clear_object (&self->document);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rates, g_ptr_array_unref);
  g_clear_pointer (&self->people_ids, g_array_unref);
  g_clear_pointer (&self->rate_text, g_free);
  g_clear_pointer (&self->impact_text, g_free);
  G_OBJECT_CLASS (outlay_log_time_dialog_parent_class)->dispose (object);
}

static void
outlay_log_time_dialog_class_init (OutlayLogTimeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_log_time_dialog_dispose;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/outlay/Outlay/ui/outlay-log-time-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayLogTimeDialog, task_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayLogTimeDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayLogTimeDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayLogTimeDialog, hours_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayLogTimeDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayLogTimeDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayLogTimeDialog, rate_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayLogTimeDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayLogTimeDialog, log_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayLogTimeDialog, rate_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayLogTimeDialog, impact_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayLogTimeDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, log_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
outlay_log_time_dialog_init (OutlayLogTimeDialog *self)
{
  self->people_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * outlay_log_time_dialog_new:
 * @document: the open budget
 * @store: where its people and rates are
 * @task: (nullable): the task to start with
 *
 * Returns: (transfer floating): the dialog
 */
GtkWidget *
outlay_log_time_dialog_new (OutlayDocument *document, OutlayStore *store, OutlayTask *task)
{
  OutlayLogTimeDialog *self = g_object_new (OUTLAY_TYPE_LOG_TIME_DIALOG, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  self->document = g_object_ref (document);
  self->store = g_object_ref (store);
  self->rates = outlay_store_list_rates (
      store, outlay_budget_get_id (outlay_document_get_budget (document)), NULL);
  if (self->rates == NULL)
    self->rates = g_ptr_array_new ();
  fill_lists (self, task);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  changed_cb (self);
  return GTK_WIDGET (self);
}

/* For tests and the timer: picks a person by name. */
void
outlay_log_time_dialog_set_person (OutlayLogTimeDialog *self, const char *name)
{
  GListModel *people = adw_combo_row_get_model (self->person_row);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (people), i), name) == 0)
      adw_combo_row_set_selected (self->person_row, i);
}

/* What the dialog shows before saving; %NULL while the form is not ready. */
const char *
outlay_log_time_dialog_get_rate_text (OutlayLogTimeDialog *self)
{
  return self->rate_text;
}

const char *
outlay_log_time_dialog_get_impact_text (OutlayLogTimeDialog *self)
{
  return self->impact_text;
}

/**
 * outlay_log_time_dialog_save:
 * @self: the dialog
 * @error: what is wrong with the entry; then nothing was logged
 *
 * Logs the entry as the form has it, as one undoable command.
 *
 * Returns: %TRUE when it was logged
 */
gboolean
outlay_log_time_dialog_save (OutlayLogTimeDialog *self, GError **error)
{
  OutlayTimeLog log;
  OutlayRateResolution r;
  OutlayDecimal typed = 0;

  return read_form (self, &log, &r, &typed, error)
         && outlay_document_log_time (self->document, &log, error) != NULL;
}
