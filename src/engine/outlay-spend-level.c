/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-spend-level"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-spend-level.h"

/* The one rule for a budget's warning and critical thresholds, used by the
 * overview, the top sheet, the sidebar, the sheet's footer and the desktop
 * notification alike. */

/**
 * outlay_spend_level_classify:
 * @budget: a budget, for its thresholds
 * @percent: a percentage of what the budget is held to (80.0 for 80 %)
 *
 * Returns: the level @percent reaches: critical at or past the critical
 *   threshold, warning at or past the warning threshold, else OK
 */
OutlaySpendLevel
outlay_spend_level_classify (OutlayBudget *budget, OutlayDecimal percent)
{
  g_return_val_if_fail (OUTLAY_IS_BUDGET (budget), OUTLAY_SPEND_LEVEL_NONE);

  if (percent >= outlay_budget_get_critical_threshold (budget))
    return OUTLAY_SPEND_LEVEL_CRITICAL;
  if (percent >= outlay_budget_get_warning_threshold (budget))
    return OUTLAY_SPEND_LEVEL_WARNING;
  return OUTLAY_SPEND_LEVEL_OK;
}

/**
 * outlay_spend_level_compute:
 * @budget: a budget
 * @totals: its totals (a document's, or the store's for a budget not open)
 * @percent: (out) (optional): spend as a percentage of the allocation (else
 *   the estimate), held at the limit on overflow; 0 with no level
 *
 * Spend is actual plus committed; it is measured against the allocation
 * where one is set, else against the estimate.
 *
 * Returns: the level; %OUTLAY_SPEND_LEVEL_NONE when there is neither an
 *   allocation nor an estimate
 */
OutlaySpendLevel
outlay_spend_level_compute (OutlayBudget *budget,
                            const OutlayTotals *totals,
                            OutlayDecimal *percent)
{
  OutlayDecimal allocated, held_to, spent, pct;

  g_return_val_if_fail (OUTLAY_IS_BUDGET (budget), OUTLAY_SPEND_LEVEL_NONE);
  g_return_val_if_fail (totals != NULL, OUTLAY_SPEND_LEVEL_NONE);

  if (percent != NULL)
    *percent = 0;
  allocated = outlay_budget_get_allocated (budget);
  held_to = allocated > 0 ? allocated : totals->estimate;
  if (held_to <= 0)
    return OUTLAY_SPEND_LEVEL_NONE;
  spent = outlay_totals_get_spent (totals);
  if (!outlay_decimal_as_percent (spent, held_to, &pct))
    pct = spent > 0 ? OUTLAY_DECIMAL_MAX : OUTLAY_DECIMAL_MIN;
  if (percent != NULL)
    *percent = pct;
  return outlay_spend_level_classify (budget, pct);
}

/**
 * outlay_spend_level_for_document:
 * @document: an open budget
 * @percent: (out) (optional): as for outlay_spend_level_compute()
 *
 * Returns: where @document's spend stands, from its running totals
 */
OutlaySpendLevel
outlay_spend_level_for_document (OutlayDocument *document, OutlayDecimal *percent)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (document), OUTLAY_SPEND_LEVEL_NONE);
  return outlay_spend_level_compute (outlay_document_get_budget (document),
                                     outlay_document_get_totals (document), percent);
}

/**
 * outlay_spend_level_should_notify:
 * @last_notified: the level remembered for the budget: the last one a
 *   notification was sent for, lowered whenever spend drops below it
 * @now: the level now
 *
 * A notification goes out once per crossing: when spend climbs past a
 * threshold it had not reached since it was last below it.  Going from
 * warning to critical notifies again; dropping below and climbing back
 * notifies again; staying put does not.  Whatever this returns, @now is
 * the level to remember next.
 *
 * Returns: whether crossing into @now deserves a notification
 */
gboolean
outlay_spend_level_should_notify (OutlaySpendLevel last_notified, OutlaySpendLevel now)
{
  return now >= OUTLAY_SPEND_LEVEL_WARNING && now > last_notified;
}

const char *
outlay_spend_level_to_string (OutlaySpendLevel level)
{
  static const char *const ids[] = { "none", "ok", "warning", "critical" };

  g_return_val_if_fail (level < G_N_ELEMENTS (ids), "none");
  return ids[level];
}

/**
 * outlay_spend_level_icon_name:
 * @level: a level
 *
 * Returns: (nullable): the symbolic icon that shows @level, %NULL for none
 */
const char *
outlay_spend_level_icon_name (OutlaySpendLevel level)
{
  static const char *const icons[] = { NULL, "emblem-ok-symbolic", "dialog-warning-symbolic",
                                       "dialog-error-symbolic" };

  g_return_val_if_fail (level < G_N_ELEMENTS (icons), NULL);
  return icons[level];
}

static char *
percent_text (OutlayDecimal percent)
{
  return outlay_decimal_to_string (percent, 0);
}

/**
 * outlay_spend_level_describe:
 * @budget: the budget, for its thresholds and what it is held to
 * @level: its level, from outlay_spend_level_compute()
 * @percent: its spend as a percentage, from the same
 *
 * Returns: (transfer full): a sentence for a tooltip, an accessible
 *   description or a notification: "Spent 85% of the allocation (actual +
 *   committed), past the warning threshold of 80%"
 */
char *
outlay_spend_level_describe (OutlayBudget *budget, OutlaySpendLevel level, OutlayDecimal percent)
{
  g_autofree char *pct = percent_text (percent);
  g_autofree char *warning = NULL;
  g_autofree char *critical = NULL;
  gboolean allocation;

  g_return_val_if_fail (OUTLAY_IS_BUDGET (budget), NULL);

  allocation = outlay_budget_get_allocated (budget) > 0;
  warning = percent_text (outlay_budget_get_warning_threshold (budget));
  critical = percent_text (outlay_budget_get_critical_threshold (budget));
  switch (level)
    {
      case OUTLAY_SPEND_LEVEL_CRITICAL:
        return allocation
            /* Translators: "Spent 97% of the allocation (actual + committed), past the critical
               threshold of 95%" */
            ? g_strdup_printf (_("Spent %s%% of the allocation (actual + committed), past the "
                                      "critical threshold of %s%%"),
                                  pct, critical)
            : g_strdup_printf (_("Spent %s%% of the estimate (actual + committed), past the "
                                      "critical threshold of %s%%"),
                                  pct, critical);
      case OUTLAY_SPEND_LEVEL_WARNING:
        return allocation
            ? g_strdup_printf (_("Spent %s%% of the allocation (actual + committed), past the "
                                      "warning threshold of %s%%"),
                                  pct, warning)
            : g_strdup_printf (_("Spent %s%% of the estimate (actual + committed), past the "
                                      "warning threshold of %s%%"),
                                  pct, warning);
      case OUTLAY_SPEND_LEVEL_OK:
        return allocation
            ? g_strdup_printf (_("Spent %s%% of the allocation (actual + committed)"), pct)
            : g_strdup_printf (_("Spent %s%% of the estimate (actual + committed)"), pct);
      case OUTLAY_SPEND_LEVEL_NONE:
      default:
        return g_strdup (_("No allocation or estimate to measure spending against"));
    }
}
