/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-spend-badge"

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-spend-badge.h"

static const char *const level_classes[] = { NULL, NULL, "warning", "critical" };

/**
 * outlay_spend_badge_new:
 *
 * Returns: (transfer floating): a hidden badge for outlay_spend_badge_update()
 */
GtkWidget *
outlay_spend_badge_new (void)
{
  GtkWidget *badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (badge, "spend-badge");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Spending"), -1);
  gtk_box_append (GTK_BOX (badge), gtk_image_new ());
  gtk_box_append (GTK_BOX (badge), label);
  gtk_widget_set_visible (badge, FALSE);
  return badge;
}

/**
 * outlay_spend_badge_update:
 * @badge: a badge from outlay_spend_badge_new()
 * @budget: the budget, for its thresholds
 * @level: where its spend stands
 * @percent: its spend as a percentage of what it is held to
 */
void
outlay_spend_badge_update (GtkWidget *badge,
                           OutlayBudget *budget,
                           OutlaySpendLevel level,
                           OutlayDecimal percent)
{
  g_autofree char *pct = NULL;
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (GTK_IS_BOX (badge));

  gtk_widget_set_visible (badge, level >= OUTLAY_SPEND_LEVEL_WARNING);
  for (guint i = 0; i < G_N_ELEMENTS (level_classes); i++)
    if (level_classes[i] != NULL)
      gtk_widget_remove_css_class (badge, level_classes[i]);
  if (level < OUTLAY_SPEND_LEVEL_WARNING)
    return;
  gtk_widget_add_css_class (badge, level_classes[level]);
  gtk_image_set_from_icon_name (GTK_IMAGE (gtk_widget_get_first_child (badge)),
                                outlay_spend_level_icon_name (level));
  pct = outlay_decimal_to_string (percent, 0);
  text = level == OUTLAY_SPEND_LEVEL_CRITICAL
      /* Translators: the spend badge, "Critical · 97% spent" */
      ? g_strdup_printf (_("Critical · %s%% spent"), pct)
      /* Translators: the spend badge, "Warning · 85% spent" */
      : g_strdup_printf (_("Warning · %s%% spent"), pct);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (badge)), text);
  description = outlay_spend_level_describe (budget, level, percent);
  gtk_widget_set_tooltip_text (badge, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
}

/**
 * outlay_spend_badge_show_document:
 * @badge: a badge from outlay_spend_badge_new()
 * @document: (nullable): the budget to show the spend of
 */
void
outlay_spend_badge_show_document (GtkWidget *badge, OutlayDocument *document)
{
  OutlayDecimal pct = 0;
  OutlaySpendLevel level = OUTLAY_SPEND_LEVEL_NONE;

  /* a saved version is history: nothing to warn about */
  if (document != NULL && outlay_document_get_frozen_name (document) == NULL)
    level = outlay_spend_level_for_document (document, &pct);
  if (document == NULL)
    {
      gtk_widget_set_visible (badge, FALSE);
      return;
    }
  outlay_spend_badge_update (badge, outlay_document_get_budget (document), level, pct);
}
