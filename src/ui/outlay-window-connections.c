/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-window"

/* The main window's connections: Budget ▸ Import from ClickUp… and
 * Budget ▸ Ask Gemini… (win.ask-gemini, also the Dashboard's button). */

#include "config.h"

#include "outlay-clickup-dialog.h"
#include "outlay-gemini-dialog.h"
#include "outlay-window-private.h"

static void
clickup_written_cb (OutlayClickupDialog *dialog, gint64 budget_id, OutlayWindow *self)
{
  /* the Tasks page shows what came in */
  outlay_window_budget_written (self, budget_id);
}

static void
import_clickup_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);
  OutlayClickupDialog *dialog;

  if (self->document == NULL)
    return;
  dialog = outlay_clickup_dialog_new (
      GTK_WINDOW (self), self->store,
      outlay_budget_get_id (outlay_document_get_budget (self->document)));
  g_signal_connect_object (dialog, "budget-written", G_CALLBACK (clickup_written_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ask_gemini_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);

  if (self->document == NULL)
    return;
  gtk_window_present (GTK_WINDOW (
      outlay_gemini_dialog_new (GTK_WINDOW (self), self->store, self->document, self->settings)));
}

void
outlay_window_connections_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-clickup", NULL, import_clickup_action);
  gtk_widget_class_install_action (widget_class, "win.ask-gemini", NULL, ask_gemini_action);
}

void
outlay_window_connections_update (OutlayWindow *self)
{
  gboolean current = self->document != NULL
                     && outlay_document_get_frozen_name (self->document) == NULL;

  /* a saved version is read only: nothing comes into it */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-clickup",
                                 current && !outlay_document_get_read_only (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.ask-gemini", current);
}
