/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-week-grid"

/* One row of the week grid: a person or a task, and the hours logged on
 * each day of the week.  Notifies "hours" when a day changes, so the row's
 * cells update without the grid rebinding it. */

#include "config.h"

#include <string.h>

#include "outlay-week-row.h"

struct _OutlayWeekRow
{
  GObject parent_instance;
  gint64 id;
  char *name;
  OutlayDecimal hours[OUTLAY_WEEK_DAYS];
};

enum
{
  PROP_0,
  PROP_HOURS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OutlayWeekRow, outlay_week_row, G_TYPE_OBJECT)

static void
outlay_week_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  if (prop_id == PROP_HOURS)
    g_value_set_int64 (value, outlay_week_row_get_total (OUTLAY_WEEK_ROW (object)));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
outlay_week_row_finalize (GObject *object)
{
  g_free (OUTLAY_WEEK_ROW (object)->name);
  G_OBJECT_CLASS (outlay_week_row_parent_class)->finalize (object);
}

static void
outlay_week_row_class_init (OutlayWeekRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = outlay_week_row_get_property;
  object_class->finalize = outlay_week_row_finalize;
  /* the week's total; notified when any day changes */
  properties[PROP_HOURS] = g_param_spec_int64 ("hours", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS
                                                   | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
outlay_week_row_init (OutlayWeekRow *self)
{
}

OutlayWeekRow *
outlay_week_row_new (gint64 id, const char *name)
{
  OutlayWeekRow *self = g_object_new (OUTLAY_TYPE_WEEK_ROW, NULL);

  self->id = id;
  self->name = g_strdup (name);
  return self;
}

gint64
outlay_week_row_get_id (OutlayWeekRow *self)
{
  return self->id;
}

const char *
outlay_week_row_get_name (OutlayWeekRow *self)
{
  return self->name;
}

OutlayDecimal
outlay_week_row_get_hours (OutlayWeekRow *self, guint day)
{
  g_return_val_if_fail (day < OUTLAY_WEEK_DAYS, 0);
  return self->hours[day];
}

OutlayDecimal
outlay_week_row_get_total (OutlayWeekRow *self)
{
  OutlayDecimal total = 0;

  for (guint d = 0; d < OUTLAY_WEEK_DAYS; d++)
    total += self->hours[d]; /* at most 7 × 24 h */
  return total;
}

void
outlay_week_row_set_hours (OutlayWeekRow *self, guint day, OutlayDecimal hours)
{
  g_return_if_fail (day < OUTLAY_WEEK_DAYS);
  if (self->hours[day] == hours)
    return;
  self->hours[day] = hours;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOURS]);
}

/* All seven days at once: one notify (one redraw of the row's cells) */
void
outlay_week_row_set_week (OutlayWeekRow *self, const OutlayDecimal *hours)
{
  if (memcmp (self->hours, hours, sizeof self->hours) == 0)
    return;
  memcpy (self->hours, hours, sizeof self->hours);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOURS]);
}
