/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-chart-view"

/* A chart from src/report drawn in snapshot(): tooltips on hover, and
 * Left/Right/Home/End walk the points when it has the keyboard focus. */

#include "config.h"

#include <adwaita.h>

#include "outlay-chart-view.h"

struct _OutlayChartView
{
  GtkWidget parent_instance;
  OutlayChart *chart;
  int highlight;
};

enum
{
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OutlayChartView, outlay_chart_view, GTK_TYPE_WIDGET)

static void
set_highlight (OutlayChartView *self, int index)
{
  g_autofree char *text = NULL;

  if (self->highlight == index)
    return;
  self->highlight = index;
  if (self->chart != NULL && index >= 0)
    {
      text = outlay_chart_describe_point (self->chart, index);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      text, -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
query_tooltip_cb (GtkWidget *widget,
                  int x,
                  int y,
                  gboolean keyboard,
                  GtkTooltip *tooltip,
                  gpointer data)
{
  OutlayChartView *self = OUTLAY_CHART_VIEW (widget);
  g_autofree char *text = NULL;
  int index;

  if (self->chart == NULL)
    return FALSE;
  index = keyboard ? self->highlight
                   : outlay_chart_point_at (self->chart, gtk_widget_get_width (widget),
                                            gtk_widget_get_height (widget), x, y);
  if (index < 0)
    return FALSE;
  set_highlight (self, index);
  text = outlay_chart_describe_point (self->chart, index);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
leave_cb (GtkEventControllerMotion *motion, OutlayChartView *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    set_highlight (self, -1);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *key,
                guint keyval,
                guint keycode,
                GdkModifierType state,
                OutlayChartView *self)
{
  int n = self->chart ? (int) outlay_chart_get_n_points (self->chart) : 0;
  int i = self->highlight;

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
      case GDK_KEY_Left:
        i = i <= 0 ? 0 : i - 1;
        break;
      case GDK_KEY_Right:
        i = i < 0 ? 0 : MIN (n - 1, i + 1);
        break;
      case GDK_KEY_Home:
        i = 0;
        break;
      case GDK_KEY_End:
        i = n - 1;
        break;
      default:
        return FALSE;
    }
  set_highlight (self, i);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  return TRUE;
}

static void
outlay_chart_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  OutlayChartView *self = OUTLAY_CHART_VIEW (widget);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  OutlayChartColors colors;
  cairo_t *cr;

  if (self->chart == NULL || w <= 0 || h <= 0)
    return;
  outlay_chart_colors_init (&colors, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  outlay_chart_draw (self->chart, cr, w, h, &colors, self->highlight);
  cairo_destroy (cr);
}

static void
outlay_chart_view_dispose (GObject *object)
{
  OutlayChartView *self = OUTLAY_CHART_VIEW (object);

  g_clear_pointer (&self->chart, outlay_chart_unref);
  G_OBJECT_CLASS (outlay_chart_view_parent_class)->dispose (object);
}

static void
outlay_chart_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OutlayChartView *self = OUTLAY_CHART_VIEW (object);

  switch (prop_id)
    {
      case PROP_CHART:
        g_value_set_boxed (value, self->chart);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_chart_view_set_property (GObject *object,
                                guint prop_id,
                                const GValue *value,
                                GParamSpec *pspec)
{
  OutlayChartView *self = OUTLAY_CHART_VIEW (object);

  switch (prop_id)
    {
      case PROP_CHART:
        outlay_chart_view_set_chart (self, g_value_get_boxed (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_chart_view_class_init (OutlayChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_chart_view_dispose;
  object_class->get_property = outlay_chart_view_get_property;
  object_class->set_property = outlay_chart_view_set_property;
  widget_class->snapshot = outlay_chart_view_snapshot;

  properties[PROP_CHART] = g_param_spec_boxed ("chart", NULL, NULL, OUTLAY_TYPE_CHART,
                                               G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS
                                                   | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
outlay_chart_view_init (OutlayChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();

  self->highlight = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 240, 160);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  /* the palette follows the style */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

/**
 * outlay_chart_view_new:
 *
 * Returns: (transfer floating): a chart view with no chart
 */
GtkWidget *
outlay_chart_view_new (void)
{
  return g_object_new (OUTLAY_TYPE_CHART_VIEW, NULL);
}

/**
 * outlay_chart_view_set_chart:
 * @self: a chart view
 * @chart: (nullable): the chart to draw
 */
void
outlay_chart_view_set_chart (OutlayChartView *self, OutlayChart *chart)
{
  g_autofree char *text = NULL;

  g_return_if_fail (OUTLAY_IS_CHART_VIEW (self));
  if (self->chart == chart)
    return;
  g_clear_pointer (&self->chart, outlay_chart_unref);
  self->chart = chart ? outlay_chart_ref (chart) : NULL;
  self->highlight = -1;
  if (chart != NULL)
    {
      text = outlay_chart_describe (chart);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                      -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

OutlayChart *
outlay_chart_view_get_chart (OutlayChartView *self)
{
  g_return_val_if_fail (OUTLAY_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

int
outlay_chart_view_get_highlight (OutlayChartView *self)
{
  g_return_val_if_fail (OUTLAY_IS_CHART_VIEW (self), -1);
  return self->highlight;
}
