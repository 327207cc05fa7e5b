/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Dashboard page on a budget with tasks and six weeks of logged time:
 * its figures arrive from the worker thread, then an hour logged through
 * the document reaches the cards and charts; light and dark screenshots. */

#include "config.h"

#include "outlay-ui-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "outlay-chart-view.h"
#include "outlay-dashboard-charts.h"
#include "outlay-dashboard-load.h"
#include "outlay-dashboard-page.h"
#include "outlay-document-tasks.h"
#include "outlay-store-private.h"
#include "outlay-store.h"

#define D(n) OUTLAY_DECIMAL_FROM_INT (n)

typedef struct
{
  char *dir;
  char *db;
  OutlayStore *store;
  OutlayDocument *doc;
  GtkWidget *window;
  OutlayDashboardPage *page;
} Fixture;

static const char *const tasks[] = { "Storyboard", "Casting", "Location scout", "Shoot", "Edit" };
static const char *const statuses[] = { "done", "done", "in-progress", "in-progress", "todo" };

static void
exec (Fixture *f, const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (outlay_store_exec (f->store, sql, &error));
  g_assert_no_error (error);
}

static char *
iso (int offset)
{
  GDate date;
  char text[11];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, outlay_dashboard_today () + offset);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  return g_strdup (text);
}

static void
fill (Fixture *f)
{
  g_autoptr(GString) sql = g_string_new (
      "INSERT INTO budgets (id, name, currency, allocated, allocated_hours, created, modified)"
      " VALUES (1, 'Spring campaign', 'EUR', 600000000, 6000000, 0, 0);"
      "INSERT INTO sections (id, budget_id, position, code, name) VALUES"
      " (1, 1, 0, 'A', 'Crew'), (2, 1, 1, 'B', 'Equipment'), (3, 1, 2, 'C', 'Post');"
      "INSERT INTO lines (id, budget_id, section_id, position, code, description, estimate,"
      " actual, committed) VALUES (1, 1, 1, 0, '1', 'Director', 150000000, 90000000, 0),"
      " (2, 1, 1, 1, '2', 'Gaffer', 40000000, 46000000, 0),"
      " (3, 1, 2, 0, '3', 'Camera', 80000000, 30000000, 20000000),"
      " (4, 1, 3, 0, '4', 'Editor', 120000000, 0, 0);"
      "INSERT INTO people (id, name) VALUES (1, 'Maya Chen'), (2, 'Omar Haddad'),"
      " (3, 'Lena Vogel');");

  for (guint t = 0; t < G_N_ELEMENTS (tasks); t++)
    {
      g_autofree char *due = iso (-30 + 12 * (int) t);

      g_string_append_printf (sql,
                              "INSERT INTO tasks (id, budget_id, line_id, name, status,"
                              " estimated_cost, estimated_hours, due_date, position) VALUES"
                              " (%u, 1, %u, '%s', '%s', %d, %d, '%s', %u);",
                              t + 1, t % 2 ? 1 : 4, tasks[t], statuses[t],
                              (40 + 20 * (int) t) * 1000000, (50 + 20 * (int) t) * 10000, due, t);
    }
  /* each status set when its task's time ended, so the weekly cost
   * indexes (and the forecast's range) come from six weeks of history */
  for (guint t = 0; t < 4; t++)
    {
      g_autofree char *when = iso (-34 + 9 * (int) t);

      g_string_append_printf (
          sql,
          "UPDATE task_day_totals SET earned = earned - (SELECT earned FROM task_progress"
          " WHERE task_id = %1$u) WHERE budget_id = 1 AND day = (SELECT day FROM task_progress"
          " WHERE task_id = %1$u);"
          "UPDATE task_progress SET day = '%2$s' WHERE task_id = %1$u;"
          "INSERT INTO task_day_totals (budget_id, day, earned) SELECT 1, day, earned"
          " FROM task_progress WHERE task_id = %1$u"
          " ON CONFLICT DO UPDATE SET earned = earned + excluded.earned;",
          t + 1, when);
    }
  for (int day = -42; day <= -1; day++)
    {
      g_autofree char *date = iso (day);
      guint task = MIN (4, (guint) (day + 42) / 9);

      g_string_append_printf (sql,
                              "INSERT INTO time_entries (task_id, person_id, date, hours, rate,"
                              " cost) VALUES (%u, %d, '%s', %d, 900000, %d);",
                              task + 1, 1 + (day + 42) % 3, date, 60000 + (day % 3) * 10000,
                              (60000 + (day % 3) * 10000) * 90);
    }
  exec (f, sql->str);
}

static guint
wait_load (Fixture *f, guint seen)
{
  for (guint i = 0; i < 200 && outlay_dashboard_page_get_n_loads (f->page) <= seen; i++)
    outlay_ui_test_run_for (50);
  g_assert_cmpuint (outlay_dashboard_page_get_n_loads (f->page), >, seen);
  return outlay_dashboard_page_get_n_loads (f->page);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("outlay-dashboard-XXXXXX", &error);
  f->db = g_build_filename (f->dir, "outlay.db", NULL);
  f->store = outlay_store_open (f->db, &error);
  g_assert_no_error (error);
  fill (f);
  if (data != NULL)
    exec (f, data);
  f->doc = outlay_store_load_document (f->store, 1, &error);
  g_assert_no_error (error);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 1900);
  f->page = OUTLAY_DASHBOARD_PAGE (outlay_dashboard_page_new ());
  outlay_dashboard_page_set_database (f->page, f->db);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  outlay_document_page_set_document (OUTLAY_DOCUMENT_PAGE (f->page), f->doc);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  outlay_ui_test_run_for (100);
  g_clear_object (&f->doc);
  g_clear_object (&f->store);
  outlay_ui_test_remove_db (f->db);
  g_rmdir (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

/* Scrolls the page to @fraction of its height. */
static void
scroll (Fixture *f, double fraction)
{
  GtkWidget *sw = outlay_ui_test_find_type (GTK_WIDGET (f->page), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (sw));

  gtk_adjustment_set_value (
      adj, fraction * (gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj)));
}

static void
save (Fixture *f, const char *name)
{
  g_autofree char *path = outlay_ui_test_screenshot_path (name);

  outlay_ui_test_run_for (300);
  for (guint i = 0; i < 20 && !outlay_ui_test_save_png (f->window, path); i++)
    outlay_ui_test_run_for (50);
}

static void
collect_views (GtkWidget *widget, GPtrArray *views)
{
  if (OUTLAY_IS_CHART_VIEW (widget))
    g_ptr_array_add (views, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_views (c, views);
}

/* The chart @which shows: the page's chart views come in the order of
 * OutlayDashboardChart. */
static OutlayChart *
chart_of (Fixture *f, OutlayDashboardChart which)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  collect_views (GTK_WIDGET (f->page), views);
  g_assert_cmpuint (views->len, ==, OUTLAY_DASHBOARD_N_CHARTS);
  return outlay_chart_view_get_chart (views->pdata[which]);
}

static void
test_log_time (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = iso (0);
  g_autofree char *before = NULL, *after = NULL, *immediate = NULL, *undone = NULL;
  OutlayDashboard *d;
  OutlayDecimal logged, ac, actual, burned, trend_today;
  OutlayTimeLog log = { 0 };
  guint loads = wait_load (f, 0);

  d = outlay_dashboard_page_get_dashboard (f->page);
  g_assert_nonnull (d);
  g_assert_cmpuint (d->facts->n_tasks, ==, 5);
  g_assert_true (d->has_evm);
  g_assert_cmpuint (d->facts->people->len, ==, 3);
  logged = d->facts->logged_hours;
  ac = d->evm.ac;
  actual = d->facts->actual;
  burned = d->burn.spent_in_window;
  g_assert_cmpuint (d->trend_actual_days, >, 0);
  trend_today = d->trend_actual[d->trend_actual_days - 1];
  before = outlay_chart_describe_point (chart_of (f, OUTLAY_DASHBOARD_CHART_HOURS), 0);
  save (f, "dashboard-light.png");
  scroll (f, 1);
  save (f, "dashboard-light-charts.png");
  scroll (f, 0);

  /* an hour and a half logged today on the shoot */
  log.task = outlay_document_lookup_task (f->doc, "Shoot");
  g_assert_nonnull (log.task);
  log.person_id = 2;
  log.date = today;
  log.hours = 15000;
  log.rate = D (90);
  log.rate_typed = TRUE;
  log.rate_source = "entry";
  g_assert_true (outlay_document_log_time (f->doc, &log, &error));
  g_assert_no_error (error);

  /* on screen before the main loop runs again, so in the next frame,
   * without waiting for the database to be read */
  g_assert_cmpuint (outlay_dashboard_page_get_n_loads (f->page), ==, loads);
  d = outlay_dashboard_page_get_dashboard (f->page);
  g_assert_cmpint (d->facts->logged_hours, ==, logged + 15000);
  g_assert_cmpint (d->evm.ac, ==, ac + D (135));
  g_assert_cmpint (d->facts->actual, ==, actual + D (135));
  g_assert_cmpint (d->burn.spent_in_window, ==, burned + D (135));
  g_assert_cmpint (d->trend_actual[d->trend_actual_days - 1], ==, trend_today + D (135));
  immediate = outlay_chart_describe_point (chart_of (f, OUTLAY_DASHBOARD_CHART_HOURS), 0);
  g_assert_cmpstr (before, !=, immediate);

  /* the full read that follows agrees with the sums moved in memory */
  loads = wait_load (f, loads);
  d = outlay_dashboard_page_get_dashboard (f->page);
  g_assert_cmpint (d->facts->logged_hours, ==, logged + 15000);
  g_assert_cmpint (d->evm.ac, ==, ac + D (135));
  g_assert_cmpint (d->facts->actual, ==, actual + D (135));
  g_assert_cmpint (d->burn.spent_in_window, ==, burned + D (135));
  after = outlay_chart_describe_point (chart_of (f, OUTLAY_DASHBOARD_CHART_HOURS), 0);
  g_assert_cmpstr (immediate, ==, after);

  /* undone: back at once too */
  g_assert_true (outlay_document_undo (f->doc, &error));
  g_assert_no_error (error);
  d = outlay_dashboard_page_get_dashboard (f->page);
  g_assert_cmpint (d->facts->logged_hours, ==, logged);
  g_assert_cmpint (d->evm.ac, ==, ac);
  undone = outlay_chart_describe_point (chart_of (f, OUTLAY_DASHBOARD_CHART_HOURS), 0);
  g_assert_cmpstr (undone, ==, before);
  loads = wait_load (f, loads);
  g_assert_true (outlay_document_redo (f->doc, &error));
  g_assert_no_error (error);
  d = outlay_dashboard_page_get_dashboard (f->page);
  g_assert_cmpint (d->evm.ac, ==, ac + D (135));
  wait_load (f, loads);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  save (f, "dashboard-dark.png");
  scroll (f, 1);
  save (f, "dashboard-dark-charts.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* The visible label whose text starts with @prefix, or NULL. */
static GtkLabel *
find_label (GtkWidget *widget, const char *prefix)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix))
    return GTK_LABEL (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = find_label (c, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The tasks' due dates are the plan: no note under the trend. */
static void
test_plan_from_tasks (Fixture *f, gconstpointer data)
{
  wait_load (f, 0);
  g_assert_null (find_label (GTK_WIDGET (f->page), "No plan"));
  g_assert_null (find_label (GTK_WIDGET (f->page), "The plan is the lines"));
}

/* No due dates and no fiscal year: the page says there is no plan, and
 * the trend draws no planned line; with a fiscal year the lines' phasing
 * is the plan, and the page says so. */
static void
test_plan_note (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayBudget) edited = NULL;
  GtkLabel *note;
  guint seen = wait_load (f, 0);

  note = find_label (GTK_WIDGET (f->page), "No plan to compare with");
  g_assert_nonnull (note);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (note)));
  save (f, "dashboard-no-plan.png");

  edited = outlay_budget_copy (outlay_document_get_budget (f->doc));
  g_object_set (edited, "fiscal-start", "2026-01-01", "fiscal-end", "2026-12-31", NULL);
  g_assert_true (outlay_document_update_budget (f->doc, edited, &error));
  g_assert_no_error (error);
  wait_load (f, seen);
  g_assert_null (find_label (GTK_WIDGET (f->page), "No plan"));
  g_assert_nonnull (find_label (GTK_WIDGET (f->page), "The plan is the lines"));
}

static void
load_css (void)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (css, "/io/github/outlay/Outlay/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  load_css ();
  g_test_add ("/ui/dashboard-page/log-time", Fixture, NULL, fixture_set_up, test_log_time,
              fixture_tear_down);
  g_test_add ("/ui/dashboard-page/plan-from-tasks", Fixture, NULL, fixture_set_up,
              test_plan_from_tasks, fixture_tear_down);
  g_test_add ("/ui/dashboard-page/plan-note", Fixture, "UPDATE tasks SET due_date = NULL",
              fixture_set_up, test_plan_note, fixture_tear_down);
  return g_test_run ();
}
