/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void outlay_compat_show_uri (GtkWindow  *parent,
                             const char *uri);

void outlay_compat_widget_get_color (GtkWidget *widget, GdkRGBA *color);

G_END_DECLS
