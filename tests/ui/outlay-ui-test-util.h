/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers shared by the UI tests. */

#include <glib/gstdio.h>
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

static inline gboolean
outlay_ui_test_quit_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

/* Lets GTK lay out, map and draw for @ms milliseconds. */
static inline void
outlay_ui_test_run_for (guint ms)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (ms, outlay_ui_test_quit_cb, loop);
  g_main_loop_run (loop);
}

/* Removes the database file @db with its -wal and -shm, and the backups
 * folder beside it. */
static inline void
outlay_ui_test_remove_db (const char *db)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GDir) d = g_dir_open (backups, 0, NULL);
  const char *name;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (db, suffixes[i], NULL);

      g_remove (file);
    }
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (backups, name, NULL);

      g_remove (file);
    }
  g_rmdir (backups);
}

G_END_DECLS
