/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-timer-button"

/* The running timer in the header bar.  Its task, person and start are
 * kept in the database (the timer table), so a timer started before a
 * restart, or in another window, is still running; stopping it logs the
 * minutes since the start on the start's day, at the rate that applies,
 * as one undoable entry. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-application.h"
#include "outlay-document-tasks.h"
#include "outlay-error.h"
#include "outlay-rates.h"
#include "outlay-store-tasks.h"
#include "outlay-timer-button.h"

struct _OutlayTimerButton
{
  AdwBin parent_instance;
  OutlayDocument *document;
  OutlayStore *store;
  gint64 task_id; /* the running timer's, 0 when none runs */
  gint64 person_id;
  gint64 started;
  guint tick;

  GtkMenuButton *button;
  GtkLabel *time_label;
  GtkLabel *status_label;
  GtkDropDown *task_list;
  GtkWidget *start_button;
  GtkWidget *stop_button;
};

enum
{
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OutlayTimerButton, outlay_timer_button, ADW_TYPE_BIN)

static OutlayStore *
store (OutlayTimerButton *self)
{
  GApplication *app = g_application_get_default ();

  if (self->store == NULL && OUTLAY_IS_APPLICATION (app))
    return outlay_application_get_store (OUTLAY_APPLICATION (app));
  return self->store;
}

static OutlayTask *
running_task (OutlayTimerButton *self)
{
  if (self->document == NULL || self->task_id == 0)
    return NULL;
  return outlay_document_get_task_by_id (self->document, self->task_id);
}

static gboolean
tick_cb (gpointer data)
{
  OutlayTimerButton *self = data;
  gint64 seconds = MAX (0, g_get_real_time () / G_USEC_PER_SEC - self->started);
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d", seconds / 3600,
                                           (int) (seconds / 60 % 60), (int) (seconds % 60));

  gtk_label_set_text (self->time_label, text);
  return G_SOURCE_CONTINUE;
}

static void
update (OutlayTimerButton *self)
{
  OutlayTask *task = running_task (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *status = NULL;
  gboolean running = self->task_id != 0;

  for (guint i = 0; self->document != NULL && i < outlay_document_get_n_tasks (self->document); i++)
    gtk_string_list_append (names,
                            outlay_task_get_name (outlay_document_get_task (self->document, i)));
  gtk_drop_down_set_model (self->task_list, G_LIST_MODEL (names));
  if (!running)
    status = g_strdup (_("No timer is running"));
  else if (task != NULL)
    status = g_strdup_printf (_("Timing “%s”"), outlay_task_get_name (task));
  else
    status = g_strdup (_("The timer runs on a task of another budget: open it to stop"));
  gtk_label_set_text (self->status_label, status);
  gtk_widget_set_visible (GTK_WIDGET (self->task_list), !running);
  gtk_widget_set_visible (self->start_button, !running);
  gtk_widget_set_sensitive (
      self->start_button, self->document != NULL && outlay_document_get_n_tasks (self->document) > 0
                              && !outlay_document_get_read_only (self->document));
  gtk_widget_set_visible (self->stop_button, running);
  gtk_widget_set_sensitive (self->stop_button, task != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->time_label), running);
  if (running)
    gtk_widget_add_css_class (GTK_WIDGET (self->button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->button), "accent");
  g_clear_handle_id (&self->tick, g_source_remove);
  if (running)
    {
      tick_cb (self);
      self->tick = g_timeout_add_seconds (1, tick_cb, self);
    }
}

static void
reload (OutlayTimerButton *self)
{
  if (store (self) == NULL
      || !outlay_store_get_timer (store (self), &self->task_id, &self->person_id, &self->started,
                                  NULL))
    self->task_id = 0;
  update (self);
}

static void
start_clicked_cb (OutlayTimerButton *self)
{
  g_autoptr(GError) error = NULL;

  if (!outlay_timer_button_start (self, gtk_drop_down_get_selected (self->task_list),
                                  g_get_real_time () / G_USEC_PER_SEC, &error))
    gtk_label_set_text (self->status_label, error->message);
}

static void
stop_clicked_cb (OutlayTimerButton *self)
{
  g_autoptr(GError) error = NULL;

  if (!outlay_timer_button_stop (self, g_get_real_time () / G_USEC_PER_SEC, &error))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      gtk_label_set_text (self->status_label, error->message);
      return;
    }
  gtk_menu_button_popdown (self->button);
}

static void
outlay_timer_button_dispose (GObject *object)
{
  OutlayTimerButton *self = OUTLAY_TIMER_BUTTON (object);

  g_clear_handle_id (&self->tick, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  /* the menu button is AdwBin's child, which the parent's dispose drops */
  g_clear_object (&self->document);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (outlay_timer_button_parent_class)->dispose (object);
}

static void
outlay_timer_button_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  if (prop_id == PROP_DOCUMENT)
    g_value_set_object (value, OUTLAY_TIMER_BUTTON (object)->document);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
outlay_timer_button_set_property (GObject *object,
                                  guint prop_id,
                                  const GValue *value,
                                  GParamSpec *pspec)
{
  if (prop_id == PROP_DOCUMENT)
    outlay_timer_button_set_document (OUTLAY_TIMER_BUTTON (object), g_value_get_object (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
outlay_timer_button_class_init (OutlayTimerButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_timer_button_dispose;
  object_class->get_property = outlay_timer_button_get_property;
  object_class->set_property = outlay_timer_button_set_property;
  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, OUTLAY_TYPE_DOCUMENT,
                                                   G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS
                                                       | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/outlay/Outlay/ui/outlay-timer-button.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayTimerButton, button);
  gtk_widget_class_bind_template_child (widget_class, OutlayTimerButton, time_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayTimerButton, status_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayTimerButton, task_list);
  gtk_widget_class_bind_template_child (widget_class, OutlayTimerButton, start_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayTimerButton, stop_button);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
}

static void
outlay_timer_button_init (OutlayTimerButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

void
outlay_timer_button_set_document (OutlayTimerButton *self, OutlayDocument *document)
{
  g_return_if_fail (OUTLAY_IS_TIMER_BUTTON (self));
  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_swapped (document, "tasks-changed", G_CALLBACK (update), self);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

OutlayDocument *
outlay_timer_button_get_document (OutlayTimerButton *self)
{
  g_return_val_if_fail (OUTLAY_IS_TIMER_BUTTON (self), NULL);
  return self->document;
}

/* Without one, the button uses the application's store. */
void
outlay_timer_button_set_store (OutlayTimerButton *self, OutlayStore *store_)
{
  g_return_if_fail (OUTLAY_IS_TIMER_BUTTON (self));
  g_set_object (&self->store, store_);
  reload (self);
}

gboolean
outlay_timer_button_get_running (OutlayTimerButton *self)
{
  g_return_val_if_fail (OUTLAY_IS_TIMER_BUTTON (self), FALSE);
  return self->task_id != 0;
}

/**
 * outlay_timer_button_start:
 * @self: a timer button
 * @task_index: which of the budget's tasks to time
 * @started: since when, Unix time
 * @error: why it did not start
 *
 * Starts timing a task for its assignee; the timer survives a restart.
 *
 * Returns: %TRUE when the timer runs
 */
gboolean
outlay_timer_button_start (OutlayTimerButton *self,
                           guint task_index,
                           gint64 started,
                           GError **error)
{
  OutlayTask *task;

  g_return_val_if_fail (OUTLAY_IS_TIMER_BUTTON (self), FALSE);
  if (self->document == NULL || task_index >= outlay_document_get_n_tasks (self->document)
      || store (self) == NULL)
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("Choose a task to time"));
      return FALSE;
    }
  task = outlay_document_get_task (self->document, task_index);
  if (!outlay_store_set_timer (store (self), outlay_task_get_id (task),
                               outlay_task_get_assignee_id (task), started, error))
    return FALSE;
  reload (self);
  return TRUE;
}

/**
 * outlay_timer_button_stop:
 * @self: a timer button
 * @now: the end, Unix time
 * @error: why nothing was logged (the timer then keeps running)
 *
 * Stops the timer and logs its whole minutes on the start's day.
 *
 * Returns: %TRUE when the timer stopped
 */
gboolean
outlay_timer_button_stop (OutlayTimerButton *self, gint64 now, GError **error)
{
  OutlayTask *task = running_task (self);
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GPtrArray) rates = NULL;
  OutlayRateResolution r;
  OutlayTimeLog log = { 0 };
  gint64 minutes = (now - self->started) / 60;

  g_return_val_if_fail (OUTLAY_IS_TIMER_BUTTON (self), FALSE);
  if (task == NULL)
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                           _("The timer's task is not in this budget"));
      return FALSE;
    }
  start = g_date_time_new_from_unix_local (self->started);
  date = g_date_time_format (start, "%Y-%m-%d");
  log = (OutlayTimeLog){ task, self->person_id, date, 0, 0, FALSE, NULL, NULL };
  if (minutes > 0)
    {
      if (!outlay_decimal_div (OUTLAY_DECIMAL_FROM_INT (minutes), OUTLAY_DECIMAL_FROM_INT (60),
                               &log.hours)
          || !outlay_document_check_time_log (self->document, &log, error)
          || (rates = outlay_store_list_rates (
                  store (self), outlay_budget_get_id (outlay_document_get_budget (self->document)),
                  error))
                 == NULL
          || !outlay_rates_resolve (rates, outlay_document_get_budget (self->document), task,
                                    self->person_id, date, NULL, &r, error))
        return FALSE;
      log.rate = r.rate;
      log.rate_source = outlay_rate_source_to_string (r.source);
      if (outlay_document_log_time (self->document, &log, error) == NULL)
        return FALSE;
    }
  if (!outlay_store_set_timer (store (self), 0, 0, 0, error))
    return FALSE;
  reload (self);
  return TRUE;
}
