/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-compat"

/* Every branch on the GTK or libadwaita version lives here and nowhere
 * else.  The code targets Debian 12 (GTK 4.8, libadwaita 1.2): meson pins
 * GDK_VERSION_MAX_ALLOWED and ADW_VERSION_MAX_ALLOWED there, so newer API
 * is only reachable through these functions, where it is used when the
 * build has it (the GNOME Flatpak runtime) and the 4.8 way otherwise. */

#include "config.h"

#include "outlay-compat.h"

/**
 * outlay_compat_show_uri:
 * @parent: (nullable): the window asking
 * @uri: what to open with the user's default application
 *
 * gtk_show_uri() is deprecated from GTK 4.10 on, in favour of
 * GtkUriLauncher, which goes through the OpenURI portal in a sandbox.
 */
void
outlay_compat_show_uri (GtkWindow  *parent,
                        const char *uri)
{
  g_return_if_fail (uri != NULL);

#if GTK_CHECK_VERSION(4, 10, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

    gtk_uri_launcher_launch (launcher, parent, NULL, NULL, NULL);
  }
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
#endif
}

/**
 * outlay_compat_widget_get_color:
 * @widget: a widget
 * @color: (out): its CSS text colour
 *
 * gtk_style_context_get_color() is deprecated from GTK 4.10 on, in favour
 * of gtk_widget_get_color().
 */
void
outlay_compat_widget_get_color (GtkWidget *widget, GdkRGBA *color)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

#if GTK_CHECK_VERSION(4, 10, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_widget_get_color (widget, color);
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
#endif
}
