/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-window"

/* The main window's money control: Budget ▸ Check Budget… (Ctrl+Shift+B). */

#include "config.h"

#include "outlay-check-dialog.h"
#include "outlay-window-private.h"

static void
check_budget_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayWindow *self = OUTLAY_WINDOW (widget);

  if (self->document == NULL)
    return;
  gtk_window_present (GTK_WINDOW (outlay_check_dialog_new (GTK_WINDOW (self), self->document)));
}

void
outlay_window_money_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.check-budget", NULL, check_budget_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_B, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.check-budget", NULL);
}

void
outlay_window_money_update (OutlayWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.check-budget", self->document != NULL);
}
