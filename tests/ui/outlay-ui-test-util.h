/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers shared by the UI tests. */

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The first widget of @type at or below @widget, depth first. */
static inline GtkWidget *
outlay_ui_test_find_type (GtkWidget *widget,
                          GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = outlay_ui_test_find_type (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Renders @widget (a window) to the PNG @path; FALSE until it has content
 * to render (the first frame). */
static inline gboolean
outlay_ui_test_save_png (GtkWidget  *widget,
                         const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
  return TRUE;
}

/* The screenshot folder (OUTLAY_SCREENSHOT_DIR, set by meson) + @name. */
static inline char *
outlay_ui_test_screenshot_path (const char *name)
{
  return g_build_filename (g_getenv ("OUTLAY_SCREENSHOT_DIR") ?: ".", name, NULL);
}

G_END_DECLS
