/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-chart-view"

/* A chart from src/report drawn in snapshot(): tooltips on hover, and
 * Left/Right/Home/End walk the points when it has the keyboard focus.
 * Its context menu (right click, Menu, Shift+F10) exports it as PNG, SVG
 * or PDF through the same drawing code (chart.export, with the format). */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "outlay-chart-export.h"
#include "outlay-chart-view.h"

struct _OutlayChartView
{
  GtkWidget parent_instance;
  OutlayChart *chart;
  int highlight;
  GtkWidget *menu;               /* the context menu */
  GtkFileChooserNative *chooser; /* while Export as… is asked */
  OutlayChartFileFormat format;  /* what it exports */
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

/* ---- export ---- */

/* a toast where the window has an overlay, else a dialog */
static void
tell (OutlayChartView *self, const char *message, gboolean is_error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  GtkWidget *dialog;

  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (escaped);

      if (is_error)
        adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      return;
    }
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   is_error ? _("Could Not Export the Chart")
                                            : _("Chart Exported"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_response_cb (GtkNativeDialog *chooser, int response, OutlayChartView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  double w = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 640);
  double h = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 360);

  if (response == GTK_RESPONSE_ACCEPT && self->chart != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file != NULL ? g_file_get_path (file) : NULL;
      if (path == NULL)
        tell (self, _("Could not export the chart: choose a file on this computer"), TRUE);
      else if (!outlay_chart_view_export (self, path, self->format, w, h, &error))
        tell (self, error->message, TRUE);
      else
        {
          g_autofree char *base = g_file_get_basename (file);
          /* Translators: a toast, "Chart saved as “balance.pdf”" */
          g_autofree char *text = g_strdup_printf (_("Chart saved as “%s”"), base);

          tell (self, text, FALSE);
        }
    }
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayChartView *self = OUTLAY_CHART_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *pattern = NULL;
  const char *ext;

  if (self->chart == NULL
      || !outlay_chart_file_format_from_string (g_variant_get_string (param, NULL), &self->format))
    return;
  ext = outlay_chart_file_format_extension (self->format);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (
      _("Export Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  /* Translators: the file name Export as… suggests, "Chart.png" */
  name = g_strdup_printf ("%s.%s", _("Chart"), ext);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  pattern = g_strdup_printf ("*.%s", ext);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_set_name (filter, self->format == OUTLAY_CHART_FILE_PNG
                            ? _("PNG image")
                            : self->format == OUTLAY_CHART_FILE_SVG
                            ? _("SVG drawing")
                            : _("PDF document"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
popup_menu (OutlayChartView *self, double x, double y)
{
  if (self->chart == NULL)
    return;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle){ (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
menu_action (GtkWidget *widget, const char *action, GVariant *param)
{
  popup_menu (OUTLAY_CHART_VIEW (widget), gtk_widget_get_width (widget) / 2.0,
              gtk_widget_get_height (widget) / 2.0);
}

static void
right_click_cb (GtkGestureClick *gesture, int n_press, double x, double y, OutlayChartView *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu (self, x, y);
}

static GMenuModel *
export_menu (void)
{
  GMenu *menu = g_menu_new ();

  g_menu_append (menu, _("Export as _PNG…"), "chart.export::png");
  g_menu_append (menu, _("Export as _SVG…"), "chart.export::svg");
  g_menu_append (menu, _("Export as P_DF…"), "chart.export::pdf");
  return G_MENU_MODEL (menu);
}

static void
outlay_chart_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  gtk_popover_present (GTK_POPOVER (OUTLAY_CHART_VIEW (widget)->menu));
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
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
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
  widget_class->size_allocate = outlay_chart_view_size_allocate;

  properties[PROP_CHART] = g_param_spec_boxed ("chart", NULL, NULL, OUTLAY_TYPE_CHART,
                                               G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS
                                                   | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);

  gtk_widget_class_install_action (widget_class, "chart.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "chart.menu", NULL, menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "chart.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "chart.menu",
                                       NULL);
}

static void
outlay_chart_view_init (OutlayChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  g_autoptr(GMenuModel) menu = export_menu ();

  self->highlight = -1;
  self->menu = gtk_popover_menu_new_from_model (menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (right_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
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

/**
 * outlay_chart_view_export:
 * @self: a chart view
 * @path: the file to write
 * @format: PNG, SVG or PDF
 * @width: the width, in pixels (PNG) or points
 * @height: the height
 * @error: why it failed, naming the file
 *
 * Writes the chart shown with outlay_chart_write_file(): what Export
 * as… does once a file is chosen.
 *
 * Returns: %TRUE when the file is written
 */
gboolean
outlay_chart_view_export (OutlayChartView *self,
                          const char *path,
                          OutlayChartFileFormat format,
                          double width,
                          double height,
                          GError **error)
{
  g_return_val_if_fail (OUTLAY_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (self->chart != NULL, FALSE);
  return outlay_chart_write_file (self->chart, path, format, width, height, error);
}
