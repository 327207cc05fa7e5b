/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-window"

/* The main window's money control: Budget ▸ Check Budget… (Ctrl+Shift+B)
 * and the Commitments page, which follows the open budget. */

#include "config.h"

#include "outlay-check-dialog.h"
#include "outlay-commitments-page.h"
#include "outlay-periods-page.h"
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
  g_type_ensure (OUTLAY_TYPE_COMMITMENTS_PAGE);
  g_type_ensure (OUTLAY_TYPE_PERIODS_PAGE);
  gtk_widget_class_install_action (widget_class, "win.check-budget", NULL, check_budget_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_B, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.check-budget", NULL);
}

void
outlay_window_money_update (OutlayWindow *self)
{
  GtkWidget *page = adw_view_stack_get_child_by_name (self->views, "commitments");
  GtkWidget *periods = adw_view_stack_get_child_by_name (self->views, "periods");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.check-budget", self->document != NULL);
  /* the Commitments page follows the open budget (a no-op when it does) */
  if (page != NULL)
    outlay_document_page_set_document (OUTLAY_DOCUMENT_PAGE (page), self->document);
  if (periods != NULL)
    outlay_document_page_set_document (OUTLAY_DOCUMENT_PAGE (periods), self->document);
}
