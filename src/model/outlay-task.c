/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-task"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-error.h"
#include "outlay-task.h"
#include "outlay-model-enum-types.h"
#include "outlay-model-property.h"

struct _OutlayTask
{
  GObject           parent_instance;
  gint64            id;
  gint64            budget_id;
  gint64            line_id;
  char             *name;
  char             *description;
  OutlayTaskStatus  status;
  int percent_complete;
  gint64            assignee_id;
  char             *assignee;
  OutlayDecimal     estimated_hours;
  OutlayDecimal     estimated_cost;
  OutlayDecimal     hourly_rate;
  OutlayDecimal     resource_cost;
  OutlayDecimal     direct_cost;
  OutlayDecimal     actual_hours;
  OutlayDecimal     actual_cost;
  char             *due_date;
  char             *external_id;
  char             *external_source;
};

enum
{
  PROP_0,
  PROP_ID,
  PROP_BUDGET_ID,
  PROP_LINE_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_STATUS,
  PROP_PERCENT_COMPLETE,
  PROP_ASSIGNEE_ID,
  PROP_ASSIGNEE,
  PROP_ESTIMATED_HOURS,
  PROP_ESTIMATED_COST,
  PROP_HOURLY_RATE,
  PROP_RESOURCE_COST,
  PROP_DIRECT_COST,
  PROP_ACTUAL_HOURS,
  PROP_ACTUAL_COST,
  PROP_DUE_DATE,
  PROP_EXTERNAL_ID,
  PROP_EXTERNAL_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OutlayTask, outlay_task, G_TYPE_OBJECT)

static const OutlayModelField fields[] = {
  OUTLAY_MODEL_INT64 (PROP_ID, OutlayTask, id),
  OUTLAY_MODEL_INT64 (PROP_BUDGET_ID, OutlayTask, budget_id),
  OUTLAY_MODEL_INT64 (PROP_LINE_ID, OutlayTask, line_id),
  OUTLAY_MODEL_STRING (PROP_NAME, OutlayTask, name),
  OUTLAY_MODEL_STRING (PROP_DESCRIPTION, OutlayTask, description),
  OUTLAY_MODEL_ENUM (PROP_STATUS, OutlayTask, status),
  OUTLAY_MODEL_INT (PROP_PERCENT_COMPLETE, OutlayTask, percent_complete),
  OUTLAY_MODEL_INT64 (PROP_ASSIGNEE_ID, OutlayTask, assignee_id),
  OUTLAY_MODEL_STRING (PROP_ASSIGNEE, OutlayTask, assignee),
  OUTLAY_MODEL_INT64 (PROP_ESTIMATED_HOURS, OutlayTask, estimated_hours),
  OUTLAY_MODEL_INT64 (PROP_ESTIMATED_COST, OutlayTask, estimated_cost),
  OUTLAY_MODEL_INT64 (PROP_HOURLY_RATE, OutlayTask, hourly_rate),
  OUTLAY_MODEL_INT64 (PROP_RESOURCE_COST, OutlayTask, resource_cost),
  OUTLAY_MODEL_INT64 (PROP_DIRECT_COST, OutlayTask, direct_cost),
  OUTLAY_MODEL_INT64 (PROP_ACTUAL_HOURS, OutlayTask, actual_hours),
  OUTLAY_MODEL_INT64 (PROP_ACTUAL_COST, OutlayTask, actual_cost),
  OUTLAY_MODEL_STRING (PROP_DUE_DATE, OutlayTask, due_date),
  OUTLAY_MODEL_STRING (PROP_EXTERNAL_ID, OutlayTask, external_id),
  OUTLAY_MODEL_STRING (PROP_EXTERNAL_SOURCE, OutlayTask, external_source),
};

static void
outlay_task_finalize (GObject *object)
{
  outlay_model_property_clear_strings (object, fields, G_N_ELEMENTS (fields));
  G_OBJECT_CLASS (outlay_task_parent_class)->finalize (object);
}

static void
outlay_task_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  if (!outlay_model_property_get (object, fields, G_N_ELEMENTS (fields), prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
outlay_task_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  if (!outlay_model_property_set (object, fields, G_N_ELEMENTS (fields), prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static GParamSpec *
decimal_spec (const char *name, gint64 min)
{
  return g_param_spec_int64 (name, NULL, NULL, min, OUTLAY_DECIMAL_MAX, 0,
                             G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static void
outlay_task_class_init (OutlayTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = outlay_task_finalize;
  object_class->get_property = outlay_task_get_property;
  object_class->set_property = outlay_task_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_BUDGET_ID] = g_param_spec_int64 ("budget-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_LINE_ID] = g_param_spec_int64 ("line-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, OUTLAY_TYPE_TASK_STATUS,
                                               OUTLAY_TASK_STATUS_TODO, rw);
  /* how much of the task is done, in whole percent; -1: not given */
  properties[PROP_PERCENT_COMPLETE] = g_param_spec_int ("percent-complete", NULL, NULL, -1, 100, -1,
                                                        rw);
  properties[PROP_ASSIGNEE_ID] =
    g_param_spec_int64 ("assignee-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ASSIGNEE] = g_param_spec_string ("assignee", NULL, NULL, NULL, rw);
  properties[PROP_ESTIMATED_HOURS] = decimal_spec ("estimated-hours", 0);
  properties[PROP_ESTIMATED_COST] = decimal_spec ("estimated-cost", 0);
  properties[PROP_HOURLY_RATE] = decimal_spec ("hourly-rate", 0);
  properties[PROP_RESOURCE_COST] = decimal_spec ("resource-cost", 0);
  properties[PROP_DIRECT_COST] = decimal_spec ("direct-cost", OUTLAY_DECIMAL_MIN);
  properties[PROP_ACTUAL_HOURS] = decimal_spec ("actual-hours", 0);
  properties[PROP_ACTUAL_COST] = decimal_spec ("actual-cost", OUTLAY_DECIMAL_MIN);
  properties[PROP_DUE_DATE] = g_param_spec_string ("due-date", NULL, NULL, NULL, rw);
  properties[PROP_EXTERNAL_ID] = g_param_spec_string ("external-id", NULL, NULL, NULL, rw);
  properties[PROP_EXTERNAL_SOURCE] = g_param_spec_string ("external-source", NULL, NULL, NULL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
outlay_task_init (OutlayTask *self)
{
  self->percent_complete = -1;
}

/**
 * outlay_task_new:
 *
 * Returns: (transfer full): a to-do task
 */
OutlayTask *
outlay_task_new (void)
{
  return g_object_new (OUTLAY_TYPE_TASK, NULL);
}

gint64 outlay_task_get_id (OutlayTask *self) { g_return_val_if_fail (OUTLAY_IS_TASK (self), 0); return self->id; }
gint64 outlay_task_get_budget_id (OutlayTask *self) { g_return_val_if_fail (OUTLAY_IS_TASK (self), 0); return self->budget_id; }
gint64 outlay_task_get_line_id (OutlayTask *self) { g_return_val_if_fail (OUTLAY_IS_TASK (self), 0); return self->line_id; }
const char *outlay_task_get_name (OutlayTask *self) { g_return_val_if_fail (OUTLAY_IS_TASK (self), NULL); return self->name; }
const char *outlay_task_get_description (OutlayTask *self) { g_return_val_if_fail (OUTLAY_IS_TASK (self), NULL); return self->description; }
OutlayTaskStatus outlay_task_get_status (OutlayTask *self) { g_return_val_if_fail (OUTLAY_IS_TASK (self), 0); return self->status; }
int
outlay_task_get_percent_complete (OutlayTask *self)
{
  g_return_val_if_fail (OUTLAY_IS_TASK (self), -1);
  return self->percent_complete;
}
gint64 outlay_task_get_assignee_id (OutlayTask *self) { g_return_val_if_fail (OUTLAY_IS_TASK (self), 0); return self->assignee_id; }
const char *outlay_task_get_assignee (OutlayTask *self) { g_return_val_if_fail (OUTLAY_IS_TASK (self), NULL); return self->assignee; }
OutlayDecimal outlay_task_get_estimated_hours (OutlayTask *self) { g_return_val_if_fail (OUTLAY_IS_TASK (self), 0); return self->estimated_hours; }
OutlayDecimal outlay_task_get_estimated_cost (OutlayTask *self) { g_return_val_if_fail (OUTLAY_IS_TASK (self), 0); return self->estimated_cost; }
OutlayDecimal outlay_task_get_hourly_rate (OutlayTask *self) { g_return_val_if_fail (OUTLAY_IS_TASK (self), 0); return self->hourly_rate; }
OutlayDecimal outlay_task_get_resource_cost (OutlayTask *self) { g_return_val_if_fail (OUTLAY_IS_TASK (self), 0); return self->resource_cost; }
OutlayDecimal outlay_task_get_direct_cost (OutlayTask *self) { g_return_val_if_fail (OUTLAY_IS_TASK (self), 0); return self->direct_cost; }
OutlayDecimal outlay_task_get_actual_hours (OutlayTask *self) { g_return_val_if_fail (OUTLAY_IS_TASK (self), 0); return self->actual_hours; }
OutlayDecimal outlay_task_get_actual_cost (OutlayTask *self) { g_return_val_if_fail (OUTLAY_IS_TASK (self), 0); return self->actual_cost; }
const char *outlay_task_get_due_date (OutlayTask *self) { g_return_val_if_fail (OUTLAY_IS_TASK (self), NULL); return self->due_date; }
const char *outlay_task_get_external_id (OutlayTask *self) { g_return_val_if_fail (OUTLAY_IS_TASK (self), NULL); return self->external_id; }
const char *outlay_task_get_external_source (OutlayTask *self) { g_return_val_if_fail (OUTLAY_IS_TASK (self), NULL); return self->external_source; }

/**
 * outlay_task_earned:
 * @estimated_cost: the task's estimate
 * @status: its status
 * @percent_complete: how much of it is done in whole percent, -1 if not given
 *
 * The value a task has earned, the one rule earned value uses here and in
 * the database (outlay-schema.c's EARNED_PCT, kept by migration 18's
 * triggers): a cancelled task earns nothing; with a percent complete the
 * estimate times it over 100, else by status, a done task its estimate,
 * one in progress half of it, others nothing.  Divisions truncate toward
 * zero, as SQLite's integer division does; the estimate is split into
 * hundreds and the rest so that no product can overflow.
 *
 * Returns: the earned value
 */
OutlayDecimal
outlay_task_earned (OutlayDecimal estimated_cost, OutlayTaskStatus status, int percent_complete)
{
  if (status == OUTLAY_TASK_STATUS_CANCELLED)
    return 0;
  if (percent_complete >= 0)
    return estimated_cost / 100 * percent_complete + estimated_cost % 100 * percent_complete / 100;
  if (status == OUTLAY_TASK_STATUS_DONE)
    return estimated_cost;
  if (status == OUTLAY_TASK_STATUS_IN_PROGRESS)
    return estimated_cost / 2;
  return 0;
}

/**
 * outlay_task_parse_percent:
 * @text: what was typed: a whole number from 0 to 100, or nothing
 * @out: (out): the percent complete, -1 for nothing
 * @error: why @text is refused
 *
 * Reads a percent complete as the Tasks page and outlay-cli take it;
 * spaces around it and a trailing "%" are allowed.
 *
 * Returns: %TRUE if @text is a percent complete or empty
 */
gboolean
outlay_task_parse_percent (const char *text, int *out, GError **error)
{
  g_autofree char *s = g_strstrip (g_strdup (text != NULL ? text : ""));
  guint64 n = 0;
  gsize len = strlen (s);

  if (len == 0)
    {
      *out = -1;
      return TRUE;
    }
  if (s[len - 1] == '%')
    s[len - 1] = '\0';
  g_strchomp (s);
  if (*s == '\0' || !g_ascii_string_to_unsigned (s, 10, 0, 100, &n, NULL))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_NUMBER,
                   _("“%s” is not a percent done: type a whole number from 0 to 100, or nothing"),
                      text);
      return FALSE;
    }
  *out = (int) n;
  return TRUE;
}
