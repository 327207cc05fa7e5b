/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-dashboard-facts"

#include "config.h"

#include "outlay-dashboard-facts.h"

static void
row_clear (gpointer data)
{
  OutlayFactsRow *row = data;

  g_clear_pointer (&row->name, g_free);
}

/**
 * outlay_facts_rows_new:
 *
 * Returns: (transfer full) (element-type OutlayFactsRow): an empty
 *   breakdown that frees its rows' names
 */
GArray *
outlay_facts_rows_new (void)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (OutlayFactsRow));

  g_array_set_clear_func (rows, row_clear);
  return rows;
}

static void
phased_clear (gpointer data)
{
  OutlayFactsPhased *p = data;

  g_clear_pointer (&p->phasing, outlay_line_phasing_free);
}

/**
 * outlay_dashboard_facts_new:
 *
 * Returns: (transfer full): empty facts, each array there and empty
 */
OutlayDashboardFacts *
outlay_dashboard_facts_new (void)
{
  OutlayDashboardFacts *self = g_new0 (OutlayDashboardFacts, 1);

  self->days = g_array_new (FALSE, TRUE, sizeof (OutlayFactsDay));
  self->sections = outlay_facts_rows_new ();
  self->tasks = outlay_facts_rows_new ();
  self->people = outlay_facts_rows_new ();
  self->overruns = outlay_facts_rows_new ();
  self->phased = g_array_new (FALSE, TRUE, sizeof (OutlayFactsPhased));
  g_array_set_clear_func (self->phased, phased_clear);
  return self;
}

void
outlay_dashboard_facts_free (OutlayDashboardFacts *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->sections, g_array_unref);
  g_clear_pointer (&self->tasks, g_array_unref);
  g_clear_pointer (&self->people, g_array_unref);
  g_clear_pointer (&self->overruns, g_array_unref);
  g_clear_pointer (&self->phased, g_array_unref);
  g_free (self->fiscal_start);
  g_free (self->fiscal_end);
  g_free (self);
}
