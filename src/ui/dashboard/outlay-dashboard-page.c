/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-dashboard-page"

/* The Dashboard page: what is spent against the allocation and its
 * thresholds, the burn rate over a chosen window and the day the money
 * runs out, earned value from the tasks with the final cost's range,
 * and the charts (cost trend, by section, person and task, hours), drawn
 * by the same code as the cost report.  The figures are computed on a
 * worker thread with its own connection (outlay_dashboard_load_async()),
 * at the next idle after the document changes, so a burst of edits or a
 * logged entry costs one computation and the window never waits. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "outlay-application.h"
#include "outlay-chart-view.h"
#include "outlay-currency.h"
#include "outlay-dashboard-charts.h"
#include "outlay-dashboard-load.h"
#include "outlay-dashboard-page.h"
#include "outlay-document-tasks.h"
#include "outlay-rules.h"

struct _OutlayDashboardPage
{
  OutlayDocumentPage parent_instance;

  char *database;
  OutlayDashboard *dashboard;
  GCancellable *cancellable;
  guint idle_id;
  guint n_loads;

  GtkLabel *status_label;
  GtkDropDown *window_drop;
  GtkLabel *spent_value;
  GtkLevelBar *used_bar;
  GtkLabel *used_detail;
  GtkLabel *per_day_value;
  GtkLabel *per_week_label;
  GtkLabel *runs_out_value;
  GtkLabel *runs_out_range;
  GtkLabel *eac_value;
  GtkDrawingArea *eac_range;
  GtkLabel *eac_then;
  GtkLabel *evm_note;
  GtkWidget *evm_grid;
  GtkLabel *bac_value, *pv_value, *ev_value, *ac_value;
  GtkLabel *cpi_value, *spi_value, *cv_value, *sv_value;
  GtkLabel *etc_value, *vac_value, *tcpi_value;
  OutlayChartView *trend_chart, *sections_chart, *people_chart, *tasks_chart, *hours_chart;
  GtkLabel *trend_note;
  GtkLabel *trend_title, *sections_title, *people_title, *tasks_title, *hours_title;
  GtkListBox *overruns;
};

G_DEFINE_FINAL_TYPE (OutlayDashboardPage, outlay_dashboard_page, OUTLAY_TYPE_DOCUMENT_PAGE)

static const guint windows[] = { OUTLAY_DASHBOARD_WINDOWS };

/* How earned value is counted; "% done" is no printf directive */
/* xgettext:no-c-format */
static const char evm_rule[] = N_ ("A task earns its % done of its estimate when given; else done "
                                   "tasks earn their estimate, tasks in progress half of it; the "
                                   "plan is each task’s estimate on its due date");
/* xgettext:no-c-format */
static const char ev_rule[] = N_ ("Each task’s % done of its estimate when given; else done "
                                  "tasks’ estimates, and half the estimates of tasks in progress");

/* ---- text ---- */

static char *
money (OutlayDashboardPage *self, OutlayDecimal v)
{
  return outlay_currency_format (v, self->dashboard->facts->currency);
}

static char *
day_text (guint32 day)
{
  GDate date;
  char text[64];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  /* Translators: a date on the dashboard, see strftime */
  g_date_strftime (text, sizeof text, _("%-d %B %Y"), &date);
  return g_strdup (text);
}

static char *
ratio (OutlayDecimal v)
{
  return outlay_decimal_format_locale (outlay_decimal_round (v, 2), 2);
}

static char *
percent (OutlayDecimal v)
{
  g_autofree char *n = outlay_decimal_format_locale (outlay_decimal_round (v, 1), 1);

  return g_strdup_printf ("%s %%", n);
}

/* A figure and what it means, with its inputs, for the tooltip and a
 * screen reader. */
static void
set_figure (GtkLabel *label, const char *value, const char *explanation)
{
  gtk_label_set_text (label, value);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), explanation);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  explanation, -1);
}

/* ---- the cards ---- */

static void
show_utilization (OutlayDashboardPage *self)
{
  OutlayDashboard *d = self->dashboard;
  g_autofree char *spent = money (self, d->spent);
  g_autofree char *cap = money (self, d->cap);
  g_autofree char *used = percent (d->used_percent);
  g_autofree char *warn = percent (d->facts->warning);
  g_autofree char *crit = percent (d->facts->critical);
  g_autofree char *value = NULL, *detail = NULL;
  double max = MAX (100.0, (double) d->used_percent / OUTLAY_DECIMAL_SCALE);

  value = d->cap > 0 ? g_strdup_printf (_("%s of %s"), spent, cap) : g_strdup (spent);
  if (d->cap <= 0)
    detail = g_strdup (_("No allocation or estimate to measure against"));
  else
    detail = g_strdup_printf (d->level == OUTLAY_UTILIZATION_CRITICAL
                              ? _("%s of the %s — past the critical threshold (%s)")
                              : d->level == OUTLAY_UTILIZATION_WARNING
                              ? _("%s of the %s — past the warning threshold (%s)")
                              : _("%s of the %s — warning at %s"), used,
                                   d->cap_is_allocation
                                   ? _("allocation")
                                   : _("estimate"),
                                        d->level == OUTLAY_UTILIZATION_CRITICAL ? crit : warn);
  set_figure (self->spent_value, value,
              _("Actual plus committed, against the allocation (or the estimate when there is "
                "none)"));
  gtk_label_set_text (self->used_detail, detail);
  /* the bar's color changes at the thresholds (style.css) */
  gtk_level_bar_set_max_value (self->used_bar, max);
  gtk_level_bar_remove_offset_value (self->used_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->used_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->used_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_add_offset_value (self->used_bar, "ok",
                                  (double) d->facts->warning / OUTLAY_DECIMAL_SCALE);
  gtk_level_bar_add_offset_value (self->used_bar, "warning",
                                  (double) d->facts->critical / OUTLAY_DECIMAL_SCALE);
  gtk_level_bar_add_offset_value (self->used_bar, "critical", max);
  gtk_level_bar_set_value (self->used_bar,
                           MIN (max, (double) d->used_percent / OUTLAY_DECIMAL_SCALE));
}

static void
show_burn (OutlayDashboardPage *self)
{
  OutlayBurn *b = &self->dashboard->burn;
  g_autofree char *per_day = money (self, b->per_day);
  g_autofree char *per_week = money (self, b->per_week);
  g_autofree char *spent = money (self, b->spent_in_window);
  g_autofree char *value = g_strdup_printf (_("%s a day"), per_day);
  g_autofree char *week = g_strdup_printf (_("%s a week"), per_week);
  g_autofree char *why = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%s spent in the last %u day, divided by %u",
                   "%s spent in the last %u days, divided by %u", b->window_days),
      spent, b->window_days, b->window_days);

  set_figure (self->per_day_value, value, why);
  gtk_label_set_text (self->per_week_label, week);
}

static void
show_runs_out (OutlayDashboardPage *self)
{
  OutlayBurn *b = &self->dashboard->burn;
  g_autofree char *left = money (self, b->remaining);
  g_autofree char *why = g_strdup_printf (_("%s left at the burn rate"), left);
  g_autofree char *range = NULL;

  if (!b->runs_out)
    {
      set_figure (self->runs_out_value, _("Not at this rate"), why);
      gtk_label_set_text (self->runs_out_range, "");
      return;
    }
  {
    g_autofree char *day = day_text (b->runs_out_day);

    set_figure (self->runs_out_value, day, why);
  }
  if (b->has_range && b->has_latest)
    {
      g_autofree char *lo = day_text (b->earliest_day);
      g_autofree char *hi = day_text (b->latest_day);

      range = g_strdup_printf (_("Likely between %s and %s"), lo, hi);
    }
  else if (b->has_range)
    {
      g_autofree char *lo = day_text (b->earliest_day);

      range = g_strdup_printf (_("As early as %s"), lo);
    }
  gtk_label_set_text (self->runs_out_range, range ? range : "");
}

static void
show_eac (OutlayDashboardPage *self)
{
  OutlayDashboard *d = self->dashboard;
  g_autofree char *eac = NULL, *why = NULL, *then = NULL;

  if (!d->has_evm)
    {
      set_figure (self->eac_value, "—", _("Give the tasks estimated costs to forecast"));
      gtk_label_set_text (self->eac_then, "");
      gtk_widget_queue_draw (GTK_WIDGET (self->eac_range));
      return;
    }
  eac = money (self, d->evm.eac_typical);
  if (d->has_range)
    {
      g_autofree char *p10 = money (self, d->range.eac_p10);
      g_autofree char *p50 = money (self, d->range.eac_p50);
      g_autofree char *p90 = money (self, d->range.eac_p90);

      why = g_strdup_printf (
          _("AC + (BAC − EV) ÷ CPI. From the weekly cost indexes of %u weeks: P10 %s, P50 %s, "
            "P90 %s"),
             d->range.n, p10, p50, p90);
    }
  else
    why = g_strdup (_("AC + (BAC − EV) ÷ CPI. A range needs two weeks with both work and cost"));
  set_figure (self->eac_value, eac, why);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->eac_range),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why, -1);
  if (d->facts->has_snapshot_then)
    {
      g_autofree char *when = day_text (d->facts->snapshot_then.day);
      g_autofree char *was = money (self, d->facts->snapshot_then.eac_typical);

      then = g_strdup_printf (_("Forecast on %s: %s"), when, was);
    }
  gtk_label_set_text (self->eac_then,
                      then ? then : _("Today’s forecast is kept; a month from now it shows here"));
  gtk_widget_queue_draw (GTK_WIDGET (self->eac_range));
}

static void
show_evm (OutlayDashboardPage *self)
{
  OutlayDashboard *d = self->dashboard;
  OutlayEvm *e = &d->evm;
  g_autofree char *bac = money (self, e->bac), *pv = money (self, e->pv);
  g_autofree char *ev = money (self, e->ev), *ac = money (self, e->ac);
  g_autofree char *cv = money (self, e->cv), *sv = money (self, e->sv);
  g_autofree char *etc = money (self, e->etc), *vac = money (self, e->vac);
  g_autofree char *eac = money (self, e->eac_typical);
  g_autofree char *cpi = e->has_cpi ? ratio (e->cpi) : g_strdup ("—");
  g_autofree char *spi = e->has_spi ? ratio (e->spi) : g_strdup ("—");
  g_autofree char *tcpi = e->has_tcpi ? ratio (e->tcpi) : g_strdup ("—");
  g_autofree char *t_cpi = NULL, *t_spi = NULL, *t_tcpi = NULL, *t_cv = NULL, *t_sv = NULL;
  g_autofree char *t_etc = NULL, *t_vac = NULL, *rest = NULL, *left = NULL;

  gtk_widget_set_visible (self->evm_grid, d->has_evm);
  gtk_label_set_text (self->evm_note,
                      d->has_evm ? _(evm_rule)
                                 : _("No earned value yet: give the budget’s tasks estimated "
                                     "costs and due dates"));
  if (!d->has_evm)
    return;
  {
    OutlayDecimal r = 0, l = 0;

    outlay_decimal_sub (e->bac, e->ev, &r);
    outlay_decimal_sub (e->bac, e->ac, &l);
    rest = money (self, r);
    left = money (self, l);
  }
  /* Translators: "CPI 0.89 = EV $40.00 ÷ AC $45.00" and what it means */
  t_cpi = g_strdup_printf (_("CPI %s = EV %s ÷ AC %s: the work done for each unit spent "
                             "(below 1, over budget)"),
                              cpi, ev, ac);
  t_spi = g_strdup_printf (_("SPI %s = EV %s ÷ PV %s: the work done for each unit planned by "
                             "now (below 1, behind schedule)"),
                              spi, ev, pv);
  t_tcpi = g_strdup_printf (_("TCPI %s = (BAC − EV) %s ÷ (BAC − AC) %s: the efficiency the rest "
                              "needs to land on budget"),
                               tcpi, rest, left);
  t_cv = g_strdup_printf (_("CV %s = EV %s − AC %s"), cv, ev, ac);
  t_sv = g_strdup_printf (_("SV %s = EV %s − PV %s"), sv, ev, pv);
  t_etc = g_strdup_printf (_("ETC %s = EAC %s − AC %s"), etc, eac, ac);
  t_vac = g_strdup_printf (_("VAC %s = BAC %s − EAC %s"), vac, bac, eac);
  set_figure (self->bac_value, bac, _("The tasks’ estimated costs, cancelled ones left out"));
  set_figure (self->pv_value, pv, _("The estimates of the tasks due by today"));
  set_figure (self->ev_value, ev, _(ev_rule));
  set_figure (self->ac_value, ac, _("Time logged on the tasks and their resource costs"));
  set_figure (self->cpi_value, cpi, t_cpi);
  set_figure (self->spi_value, spi, t_spi);
  set_figure (self->cv_value, cv, t_cv);
  set_figure (self->sv_value, sv, t_sv);
  set_figure (self->etc_value, etc, t_etc);
  set_figure (self->vac_value, vac, t_vac);
  set_figure (self->tcpi_value, tcpi, t_tcpi);
}

static void
show_chart (OutlayDashboardPage *self,
            OutlayChartView *view,
            GtkLabel *title,
            OutlayDashboardChart which)
{
  g_autoptr(OutlayChart) chart = outlay_dashboard_chart (self->dashboard, which);

  gtk_label_set_text (title, outlay_dashboard_chart_title (which));
  outlay_chart_view_set_chart (view, chart);
}

static GtkWidget *
overrun_row (OutlayDashboardPage *self, const OutlayFactsRow *r)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (r->name);
  OutlayDecimal over = r->actual + r->committed - r->estimate, pct = 0;
  g_autofree char *over_text = money (self, over);
  g_autofree char *est = money (self, r->estimate);
  g_autofree char *pct_text = NULL, *text = NULL;
  GtkWidget *amount;

  outlay_decimal_as_percent (over, r->estimate, &pct);
  pct_text = percent (pct);
  text = r->estimate > 0 ? g_strdup_printf (_("%s over %s (%s)"), over_text, est, pct_text)
                         : g_strdup_printf (_("%s with no estimate"), over_text);
  amount = gtk_label_new (text);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (amount, "numeric");
  gtk_widget_add_css_class (amount, "error");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), amount);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  return box;
}

static void
show_overruns (OutlayDashboardPage *self)
{
  GArray *rows = self->dashboard->facts->overruns;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->overruns))) != NULL)
    gtk_list_box_remove (self->overruns, child);
  if (rows->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("No line or task is over its estimate"));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_margin_top (none, 12);
      gtk_widget_set_margin_bottom (none, 12);
      gtk_list_box_append (self->overruns, none);
    }
  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_append (self->overruns,
                         overrun_row (self, &g_array_index (rows, OutlayFactsRow, i)));
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->overruns)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (child), FALSE);
}

/* Says where the trend's plan comes from when it is not the tasks', and
 * that there is none rather than drawing a flat line. */
static void
show_plan_note (OutlayDashboardPage *self)
{
  const char *note = NULL;

  if (self->dashboard->plan_basis == OUTLAY_PLAN_NONE)
    note = _("No plan to compare with: give the tasks due dates and estimated costs, or set "
             "the budget’s fiscal year to phase its lines");
  else if (self->dashboard->plan_basis == OUTLAY_PLAN_PHASING)
    note = _("The plan is the lines’ phasing over the fiscal year: no task has a due date");
  gtk_label_set_label (self->trend_note, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->trend_note), note != NULL);
}

static void
show (OutlayDashboardPage *self)
{
  show_utilization (self);
  show_burn (self);
  show_runs_out (self);
  show_eac (self);
  show_evm (self);
  show_chart (self, self->trend_chart, self->trend_title, OUTLAY_DASHBOARD_CHART_TREND);
  show_plan_note (self);
  show_chart (self, self->sections_chart, self->sections_title, OUTLAY_DASHBOARD_CHART_SECTIONS);
  show_chart (self, self->people_chart, self->people_title, OUTLAY_DASHBOARD_CHART_PEOPLE);
  show_chart (self, self->tasks_chart, self->tasks_title, OUTLAY_DASHBOARD_CHART_TASKS);
  show_chart (self, self->hours_chart, self->hours_title, OUTLAY_DASHBOARD_CHART_HOURS);
  show_overruns (self);
}

/* ---- the EAC range: P10…P90 as a band, P50 and the three EACs as marks ---- */

static void
eac_mark (cairo_t *cr,
          PangoLayout *layout,
          int width,
          double x,
          double y,
          const char *text,
          gboolean above)
{
  int w, h;

  cairo_move_to (cr, x, y - 8);
  cairo_line_to (cr, x, y + 8);
  cairo_stroke (cr);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  /* centred on its mark, but never cut off at either end */
  cairo_move_to (cr, CLAMP (x - w / 2.0, 0, MAX (0, width - w)), above ? y - 9 - h : y + 9);
  pango_cairo_show_layout (cr, layout);
}

static void
eac_draw (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  OutlayDashboardPage *self = data;
  OutlayDashboard *d = self->dashboard;
  OutlayChartColors c;
  g_autoptr(PangoLayout) layout = NULL;
  OutlayDecimal lo, hi;
  OutlayDecimal marks[3];
  const char *names[3];
  double y = height / 2.0, pad = 24;

  if (d == NULL || !d->has_evm)
    return;
  outlay_chart_colors_init (&c, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  marks[0] = d->evm.eac_typical;
  marks[1] = d->evm.eac_atypical;
  marks[2] = d->evm.eac_cpi_spi;
  lo = MIN (MIN (marks[0], marks[1]), MIN (marks[2], d->evm.bac));
  hi = MAX (MAX (marks[0], marks[1]), MAX (marks[2], d->evm.bac));
  if (d->has_range)
    {
      lo = MIN (lo, d->range.eac_p10);
      hi = MAX (hi, d->range.eac_p90);
    }
  if (hi <= lo)
    hi = lo + OUTLAY_DECIMAL_SCALE;
#define X(v) (pad + (width - 2 * pad) * (double) ((v) -lo) / (double) (hi - lo))
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
  {
    PangoFontDescription *font = pango_font_description_from_string ("Sans 8");

    pango_layout_set_font_description (layout, font);
    pango_font_description_free (font);
  }
  cairo_set_line_width (cr, 1);
  cairo_set_source_rgba (cr, c.grid[0], c.grid[1], c.grid[2], c.grid[3]);
  cairo_move_to (cr, pad, y);
  cairo_line_to (cr, width - pad, y);
  cairo_stroke (cr);
  if (d->has_range)
    {
      cairo_set_source_rgba (cr, c.series[0][0], c.series[0][1], c.series[0][2], 0.3);
      cairo_rectangle (cr, X (d->range.eac_p10), y - 6, X (d->range.eac_p90) - X (d->range.eac_p10),
                       12);
      cairo_fill (cr);
      cairo_set_line_width (cr, 3);
      cairo_set_source_rgba (cr, c.series[0][0], c.series[0][1], c.series[0][2], 1);
      eac_mark (cr, layout, width, X (d->range.eac_p50), y, "P50", FALSE);
    }
  cairo_set_line_width (cr, 1.5);
  cairo_set_source_rgba (cr, c.threshold[0], c.threshold[1], c.threshold[2], 1);
  eac_mark (cr, layout, width, X (d->evm.bac), y, C_ ("earned value", "BAC"), FALSE);
  cairo_set_source_rgba (cr, c.foreground[0], c.foreground[1], c.foreground[2], c.foreground[3]);
  /* Translators: the three textbook final costs, marked on a range:
   * at the cost index so far, to plan, and with the schedule index */
  names[0] = C_ ("eac", "CPI");
  names[1] = C_ ("eac", "Plan");
  names[2] = C_ ("eac", "CPI×SPI");
  /* marks closer than a label's width share one label */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      double x = X (marks[i]);
      gboolean first = TRUE;

      for (guint j = 0; j < 3; j++)
        if (fabs (X (marks[j]) - x) < 36)
          {
            if (j < i)
              first = FALSE;
            else if (first)
              g_string_append_printf (text, "%s%s", text->len ? " · " : "", names[j]);
          }
      if (first)
        eac_mark (cr, layout, width, x, y, text->str, TRUE);
      else
        eac_mark (cr, layout, width, x, y, "", TRUE);
    }
#undef X
}

/* ---- loading ---- */

static const char *
database (OutlayDashboardPage *self)
{
  GApplication *app = g_application_get_default ();
  OutlayStore *store;

  if (self->database != NULL)
    return self->database;
  if (!OUTLAY_IS_APPLICATION (app)
      || (store = outlay_application_get_store (OUTLAY_APPLICATION (app))) == NULL)
    return NULL;
  return outlay_store_get_path (store);
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(OutlayDashboardPage) self = data;
  g_autoptr(GError) error = NULL;
  OutlayDashboard *d = outlay_dashboard_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (d == NULL)
    {
      gtk_label_set_text (self->status_label, error->message);
      return;
    }
  g_clear_pointer (&self->dashboard, outlay_dashboard_free);
  self->dashboard = d;
  self->n_loads++;
  gtk_label_set_text (self->status_label, d->facts->n_tasks == 0
                      ? _("Add tasks and log time to see earned value and where the hours go")
                      : "");
  show (self);
}

static gboolean
load_idle_cb (gpointer data)
{
  OutlayDashboardPage *self = data;
  OutlayDocument *doc = outlay_document_page_get_document (OUTLAY_DOCUMENT_PAGE (self));
  const char *path = database (self);
  guint selected = gtk_drop_down_get_selected (self->window_drop);

  self->idle_id = 0;
  /* a newer change supersedes a load still running */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (doc == NULL || path == NULL)
    {
      gtk_label_set_text (self->status_label, _("Open a budget to see its dashboard"));
      return G_SOURCE_REMOVE;
    }
  self->cancellable = g_cancellable_new ();
  outlay_dashboard_load_async (path, outlay_budget_get_id (outlay_document_get_budget (doc)),
                               windows[MIN (selected, G_N_ELEMENTS (windows) - 1)],
                               self->cancellable, loaded_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
queue_load (OutlayDashboardPage *self)
{
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_LOW, load_idle_cb, self, NULL);
}

static void
window_changed_cb (OutlayDashboardPage *self)
{
  queue_load (self);
}

/* ---- a logged entry, at once ---- */

/* Time logged, removed or recosted moves the sums in memory and the
 * figures and charts are computed again from them (well under a
 * millisecond), so the entry is on screen in the next frame; the full
 * read the document's "changed" queues then catches up with what sums
 * cannot say (overruns, earned value). */
static void
time_changed_cb (OutlayDashboardPage *self,
                 OutlayTask *task,
                 OutlayTimeEntry *entry,
                 int sign,
                 OutlayDocument *doc)
{
  OutlayLine *line = outlay_document_get_task_line (doc, task);
  OutlayFactsTime time = {
    .day = outlay_rules_parse_day (outlay_time_entry_get_date (entry)),
    .task_id = outlay_task_get_id (task),
    .person_id = outlay_time_entry_get_person_id (entry),
    .section_id = line != NULL ? outlay_section_get_id (outlay_line_get_section (line)) : 0,
    .hours = outlay_time_entry_get_hours (entry)
  };
  OutlayDashboardFacts *facts;
  OutlayDashboard *d;
  guint selected = gtk_drop_down_get_selected (self->window_drop);

  if (self->dashboard == NULL || time.day == 0
      || self->dashboard->facts->budget_id
             != outlay_budget_get_id (outlay_document_get_budget (doc))
      || !outlay_time_entry_get_cost (entry, &time.cost)
      || !outlay_dashboard_facts_add_time (self->dashboard->facts, &time, sign))
    return; /* the full read catches up */
  facts = g_steal_pointer (&self->dashboard->facts);
  d = outlay_dashboard_compute (facts, windows[MIN (selected, G_N_ELEMENTS (windows) - 1)], NULL);
  /* it keeps the last forecast kept, which only the full read moves */
  g_clear_pointer (&self->dashboard, outlay_dashboard_free);
  self->dashboard = d;
  if (d != NULL)
    show (self);
}

/* ---- overrides ---- */

static void
outlay_dashboard_page_refresh (OutlayDocumentPage *page)
{
  queue_load (OUTLAY_DASHBOARD_PAGE (page));
}

static void
outlay_dashboard_page_document_set (OutlayDocumentPage *page, OutlayDocument *old)
{
  OutlayDashboardPage *self = OUTLAY_DASHBOARD_PAGE (page);
  OutlayDocument *doc;

  OUTLAY_DOCUMENT_PAGE_CLASS (outlay_dashboard_page_parent_class)->document_set (page, old);
  doc = outlay_document_page_get_document (page);
  if (doc != NULL)
    g_signal_connect_object (doc, "time-changed", G_CALLBACK (time_changed_cb), self,
                             G_CONNECT_SWAPPED);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static void
outlay_dashboard_page_dispose (GObject *object)
{
  OutlayDashboardPage *self = OUTLAY_DASHBOARD_PAGE (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_DASHBOARD_PAGE);
  G_OBJECT_CLASS (outlay_dashboard_page_parent_class)->dispose (object);
}

static void
outlay_dashboard_page_finalize (GObject *object)
{
  OutlayDashboardPage *self = OUTLAY_DASHBOARD_PAGE (object);

  g_clear_pointer (&self->dashboard, outlay_dashboard_free);
  g_free (self->database);
  G_OBJECT_CLASS (outlay_dashboard_page_parent_class)->finalize (object);
}

static void
outlay_dashboard_page_class_init (OutlayDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OutlayDocumentPageClass *page_class = OUTLAY_DOCUMENT_PAGE_CLASS (klass);

  object_class->dispose = outlay_dashboard_page_dispose;
  object_class->finalize = outlay_dashboard_page_finalize;
  page_class->refresh = outlay_dashboard_page_refresh;
  page_class->document_set = outlay_dashboard_page_document_set;

  g_type_ensure (OUTLAY_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/outlay/Outlay/ui/outlay-dashboard-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, OutlayDashboardPage, name)
  CHILD (status_label);
  CHILD (window_drop);
  CHILD (spent_value);
  CHILD (used_bar);
  CHILD (used_detail);
  CHILD (per_day_value);
  CHILD (per_week_label);
  CHILD (runs_out_value);
  CHILD (runs_out_range);
  CHILD (eac_value);
  CHILD (eac_range);
  CHILD (eac_then);
  CHILD (evm_note);
  CHILD (evm_grid);
  CHILD (bac_value);
  CHILD (pv_value);
  CHILD (ev_value);
  CHILD (ac_value);
  CHILD (cpi_value);
  CHILD (spi_value);
  CHILD (cv_value);
  CHILD (sv_value);
  CHILD (etc_value);
  CHILD (vac_value);
  CHILD (tcpi_value);
  CHILD (trend_chart);
  CHILD (trend_note);
  CHILD (sections_chart);
  CHILD (people_chart);
  CHILD (tasks_chart);
  CHILD (hours_chart);
  CHILD (trend_title);
  CHILD (sections_title);
  CHILD (people_title);
  CHILD (tasks_title);
  CHILD (hours_title);
  CHILD (overruns);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, window_changed_cb);
}

static void
outlay_dashboard_page_init (OutlayDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->eac_range, eac_draw, self, NULL);
}

GtkWidget *
outlay_dashboard_page_new (void)
{
  return g_object_new (OUTLAY_TYPE_DASHBOARD_PAGE, NULL);
}

/**
 * outlay_dashboard_page_set_database:
 * @self: a page
 * @path: (nullable): the database to read, instead of the application's
 */
void
outlay_dashboard_page_set_database (OutlayDashboardPage *self, const char *path)
{
  g_return_if_fail (OUTLAY_IS_DASHBOARD_PAGE (self));
  g_free (self->database);
  self->database = g_strdup (path);
  outlay_document_page_queue_refresh (OUTLAY_DOCUMENT_PAGE (self));
}

/**
 * outlay_dashboard_page_get_dashboard:
 * @self: a page
 *
 * Returns: (transfer none) (nullable): the figures shown
 */
OutlayDashboard *
outlay_dashboard_page_get_dashboard (OutlayDashboardPage *self)
{
  g_return_val_if_fail (OUTLAY_IS_DASHBOARD_PAGE (self), NULL);
  return self->dashboard;
}

/**
 * outlay_dashboard_page_get_n_loads:
 * @self: a page
 *
 * Returns: how many times the figures were computed and shown
 */
guint
outlay_dashboard_page_get_n_loads (OutlayDashboardPage *self)
{
  g_return_val_if_fail (OUTLAY_IS_DASHBOARD_PAGE (self), 0);
  return self->n_loads;
}
