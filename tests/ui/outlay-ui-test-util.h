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

/* ---- a notification server that shows nothing ----
 * The private bus has none, and without a window manager Outlay's windows
 * are never active, so a finished import sends a notification; GLib warns
 * (fatal in a test) when no one takes it. A test that finishes imports or
 * exports calls this first. */

static inline void
outlay_ui_test_sink_call_cb (GDBusConnection *connection,
                             const char *sender,
                             const char *path,
                             const char *iface,
                             const char *method,
                             GVariant *params,
                             GDBusMethodInvocation *invocation,
                             gpointer data)
{
  if (g_str_equal (method, "Notify"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", 1));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static inline void
outlay_ui_test_sink_notifications (void)
{
  static const char xml[] =
      "<node><interface name='org.freedesktop.Notifications'>"
      "  <method name='Notify'>"
      "    <arg type='s' direction='in'/><arg type='u' direction='in'/>"
      "    <arg type='s' direction='in'/><arg type='s' direction='in'/>"
      "    <arg type='s' direction='in'/><arg type='as' direction='in'/>"
      "    <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
      "    <arg type='u' direction='out'/>"
      "  </method>"
      "  <method name='CloseNotification'><arg type='u' direction='in'/></method>"
      "</interface></node>";
  static const GDBusInterfaceVTable vtable = { outlay_ui_test_sink_call_cb, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (xml, &error);
  GDBusConnection *bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr(GVariant) reply = NULL;

  g_assert_no_error (error);
  g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications", info->interfaces[0],
                                     &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.Notifications", 4),
                                       G_VARIANT_TYPE ("(u)"), 0, -1, NULL, &error);
  g_assert_no_error (error);
  /* the bus stays for the test's life */
}

G_END_DECLS
