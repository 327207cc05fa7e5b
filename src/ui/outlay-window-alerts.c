/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-window"

/* Spend warnings in the main window: the sidebar row's icon, and a desktop
 * notification once per crossing of the warning or critical threshold.
 * The level last notified for each budget lives in the database
 * (spend_alerts), so a restart sends nothing again. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-application.h"
#include "outlay-spend-level.h"
#include "outlay-store-alerts.h"
#include "outlay-window-private.h"

typedef struct
{
  OutlaySpendLevel level;
  OutlayDecimal percent;
} Cached;

/* A budget's level for the sidebar: from its open document, else from the
 * database's sums (kept until something else writes to the database). */
static OutlaySpendLevel
budget_level (OutlayWindow *self, OutlayBudget *budget, OutlayDecimal *percent)
{
  gint64 id = outlay_budget_get_id (budget);
  OutlayDocument *document = g_hash_table_lookup (self->documents, &id);
  OutlayTotals totals = { 0 };
  Cached *cached;

  *percent = 0;
  if (document != NULL && outlay_document_get_frozen_name (document) == NULL)
    return outlay_spend_level_for_document (document, percent);
  if ((cached = g_hash_table_lookup (self->spend_levels, &id)) == NULL)
    {
      cached = g_new0 (Cached, 1);
      if (self->store != NULL && outlay_store_get_budget_totals (self->store, id, &totals, NULL))
        cached->level = outlay_spend_level_compute (budget, &totals, &cached->percent);
      g_hash_table_insert (self->spend_levels, g_memdup2 (&id, sizeof id), cached);
    }
  *percent = cached->percent;
  return cached->level;
}

static void
set_icon (GtkWidget *icon,
          GtkWidget *row,
          OutlayBudget *budget,
          OutlaySpendLevel level,
          OutlayDecimal percent)
{
  g_autofree char *description = NULL;

  gtk_widget_remove_css_class (icon, "warning");
  gtk_widget_remove_css_class (icon, "critical");
  gtk_widget_set_visible (icon, level >= OUTLAY_SPEND_LEVEL_WARNING);
  if (level < OUTLAY_SPEND_LEVEL_WARNING)
    {
      if (row != NULL)
        gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  description = outlay_spend_level_describe (budget, level, percent);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), outlay_spend_level_icon_name (level));
  gtk_widget_add_css_class (icon, level == OUTLAY_SPEND_LEVEL_CRITICAL ? "critical" : "warning");
  gtk_widget_set_tooltip_text (icon, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  level == OUTLAY_SPEND_LEVEL_CRITICAL
                                  ? _("Spending past the critical threshold")
                                  : _("Spending past the warning threshold"), -1);
  /* the row is what a screen reader lands on */
  if (row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    description, -1);
}

/**
 * outlay_window_alerts_row_icon:
 * @self: the window
 * @budget: the budget of a sidebar row being made
 *
 * Returns: (transfer floating): the row's spend icon, hidden while spend
 *   is under the warning threshold
 */
GtkWidget *
outlay_window_alerts_row_icon (OutlayWindow *self, OutlayBudget *budget)
{
  GtkWidget *icon = gtk_image_new ();
  OutlayDecimal percent;
  OutlaySpendLevel level = budget_level (self, budget, &percent);

  gtk_widget_add_css_class (icon, "spend-icon");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  set_icon (icon, NULL, budget, level, percent);
  return icon;
}

/* The row isn't made yet when create_budget_row() runs: the description
 * goes on it once it is. */
void
outlay_window_alerts_update_row (OutlayWindow *self, guint index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->budget_list, (int) index);
  g_autoptr(OutlayBudget) budget = g_list_model_get_item (G_LIST_MODEL (self->budgets), index);
  GtkWidget *child;
  OutlayDecimal percent;
  OutlaySpendLevel level;

  if (row == NULL || budget == NULL || (child = gtk_list_box_row_get_child (row)) == NULL)
    return;
  level = budget_level (self, budget, &percent);
  set_icon (g_object_get_data (G_OBJECT (child), OUTLAY_WINDOW_SPEND_ICON_KEY), GTK_WIDGET (row),
            budget, level, percent);
}

static void
update_row_of (OutlayWindow *self, gint64 budget_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->budgets));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OutlayBudget) b = g_list_model_get_item (G_LIST_MODEL (self->budgets), i);

      if (outlay_budget_get_id (b) == budget_id)
        outlay_window_alerts_update_row (self, i);
    }
}

static void
notify_crossing (OutlayWindow *self,
                 OutlayBudget *budget,
                 OutlaySpendLevel level,
                 OutlayDecimal percent)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *id = g_strdup_printf ("spend-%" G_GINT64_FORMAT, outlay_budget_get_id (budget));
  g_autofree char *body = outlay_spend_level_describe (budget, level, percent);
  g_autofree char *title = level == OUTLAY_SPEND_LEVEL_CRITICAL
      /* Translators: a desktop notification, "“Launch” Is Past Its Critical Threshold" */
      ? g_strdup_printf (_("“%s” Is Past Its Critical Threshold"), outlay_budget_get_name (budget))
      /* Translators: a desktop notification, "“Launch” Is Past Its Warning Threshold" */
      : g_strdup_printf (_("“%s” Is Past Its Warning Threshold"), outlay_budget_get_name (budget));

  if (OUTLAY_IS_APPLICATION (app))
    outlay_application_notify_budget (OUTLAY_APPLICATION (app), id, title, body,
                                      outlay_budget_get_id (budget));
}

/* Compares the level now with the one remembered in the database: a
 * climb past a threshold notifies; any change is remembered.  A budget
 * never looked at before is remembered as it is, without a notification
 * (a new user's sample, a database from before warnings were kept). */
static void
check_document (OutlayWindow *self, OutlayDocument *document)
{
  OutlayBudget *budget = outlay_document_get_budget (document);
  gint64 id = outlay_budget_get_id (budget);
  OutlayDecimal percent;
  OutlaySpendLevel level;
  int remembered = -1;
  g_autoptr(GError) error = NULL;

  if (outlay_document_get_frozen_name (document) != NULL || id <= 0 || self->store == NULL)
    return;
  level = outlay_spend_level_for_document (document, &percent);
  g_hash_table_remove (self->spend_levels, &id);
  update_row_of (self, id);
  /* most edits stay inside a level: no need to ask the database */
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (document), "outlay-spend-checked"))
      == (int) level + 1)
    return;
  g_object_set_data (G_OBJECT (document), "outlay-spend-checked",
                     GINT_TO_POINTER ((int) level + 1));
  if (outlay_store_get_spend_alert (self->store, id, &remembered, &error)
      && remembered == (int) level)
    return;
  if (error != NULL)
    {
      g_debug ("Spend level of budget %" G_GINT64_FORMAT ": %s", id, error->message);
      return;
    }
  if (remembered >= 0 && outlay_spend_level_should_notify (remembered, level))
    notify_crossing (self, budget, level, percent);
  if (!outlay_store_set_spend_alert (self->store, id, level, &error))
    g_debug ("Spend level of budget %" G_GINT64_FORMAT ": %s", id, error->message);
}

static void
changed_cb (OutlayWindow *self)
{
  if (self->document != NULL)
    check_document (self, self->document);
}

/**
 * outlay_window_alerts_watch:
 * @self: the window
 * @document: the document just shown
 *
 * Follows @document's spend for the sidebar and the notifications, until
 * another is shown (show_document() disconnects what is connected with
 * the window as data).
 */
void
outlay_window_alerts_watch (OutlayWindow *self, OutlayDocument *document)
{
  OutlayBudget *budget = outlay_document_get_budget (document);

  g_signal_connect_object (document, "notify::available", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (budget, "notify::warning-threshold", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (budget, "notify::critical-threshold", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  check_document (self, document);
}

/* @budget_id's sums moved (0: another program wrote, any budget's may
 * have): its level is read again when next shown. */
void
outlay_window_alerts_forget (OutlayWindow *self, gint64 budget_id)
{
  if (budget_id == 0)
    g_hash_table_remove_all (self->spend_levels);
  else
    g_hash_table_remove (self->spend_levels, &budget_id);
}
