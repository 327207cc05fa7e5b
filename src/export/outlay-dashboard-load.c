/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-dashboard-load"

/* A budget's dashboard from its database: the store's sums, the engine's
 * figures, and today's forecast kept (one row a day, replaced while the
 * day lasts).  The async form runs on a worker thread with its own
 * connection, for the window. */

#include "config.h"

#include "outlay-dashboard-load.h"

#include "outlay-store-dashboard.h"

typedef struct
{
  char *path;
  gint64 budget_id;
  guint window_days;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->path);
  g_free (job);
}

static void
keep_forecast (OutlayStore *store, OutlayDashboard *d)
{
  g_autoptr(GError) local = NULL;

  if (d->has_evm && outlay_store_get_read_only (store) == NULL
      && !outlay_store_put_forecast (store, d->facts->budget_id, &d->snapshot, &local))
    g_warning ("Could not keep today’s forecast: %s", local->message);
}

/**
 * outlay_dashboard_today:
 *
 * Returns: today's Julian day, in local time
 */
guint32
outlay_dashboard_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return g_date_get_julian (&date);
}

/**
 * outlay_dashboard_load:
 * @store: a store, outside a transaction
 * @budget_id: a budget
 * @today: the Julian day to look from
 * @window_days: the burn rate's window
 * @error: why it failed
 *
 * Computes the budget's dashboard and keeps @today's forecast when the
 * tasks give one (a read-only store keeps nothing).
 *
 * Returns: (transfer full) (nullable): the figures
 */
OutlayDashboard *
outlay_dashboard_load (OutlayStore *store,
                       gint64 budget_id,
                       guint32 today,
                       guint window_days,
                       GError **error)
{
  OutlayDashboardFacts *facts = outlay_store_dashboard_facts (store, budget_id, today, error);
  OutlayDashboard *dashboard;

  if (facts == NULL)
    return NULL;
  dashboard = outlay_dashboard_compute (facts, window_days, error);
  if (dashboard == NULL)
    return NULL;
  keep_forecast (store, dashboard);
  return dashboard;
}

/**
 * outlay_forecast_load:
 * @store: a store, outside a transaction
 * @budget_id: a budget
 * @today: the Julian day to look from
 * @error: why it failed
 *
 * Computes only the budget's forecast (earned value, the EAC range, last
 * month's forecast) from outlay_store_forecast_facts(): the figures
 * outlay_dashboard_load() gives, without the breakdowns, the burn rate and
 * the trend.  Keeps @today's forecast as it does.
 *
 * Returns: (transfer full) (nullable): the figures
 */
OutlayDashboard *
outlay_forecast_load (OutlayStore *store, gint64 budget_id, guint32 today, GError **error)
{
  OutlayDashboardFacts *facts = outlay_store_forecast_facts (store, budget_id, today, error);
  OutlayDashboard *forecast;

  if (facts == NULL || (forecast = outlay_dashboard_compute_forecast (facts, error)) == NULL)
    return NULL;
  keep_forecast (store, forecast);
  return forecast;
}

static void
load_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = outlay_store_open (job->path, &error);
  OutlayDashboard *dashboard;

  if (store == NULL || g_task_return_error_if_cancelled (task))
    {
      if (error != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  dashboard = outlay_dashboard_load (store, job->budget_id, outlay_dashboard_today (),
                                     job->window_days, &error);
  if (dashboard == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, dashboard, (GDestroyNotify) outlay_dashboard_free);
}

/**
 * outlay_dashboard_load_async:
 * @database_path: the database's file
 * @budget_id: a budget
 * @window_days: the burn rate's window
 * @cancellable: (nullable): to give up
 * @callback: called on the caller's thread when done
 * @user_data: for @callback
 *
 * outlay_dashboard_load() on a worker thread with its own connection.
 */
void
outlay_dashboard_load_async (const char *database_path,
                             gint64 budget_id,
                             guint window_days,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->path = g_strdup (database_path);
  job->budget_id = budget_id;
  job->window_days = window_days;
  g_task_set_source_tag (task, outlay_dashboard_load_async);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * outlay_dashboard_load_finish:
 * @result: the result
 * @error: why it failed
 *
 * Returns: (transfer full) (nullable): the figures
 */
OutlayDashboard *
outlay_dashboard_load_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
