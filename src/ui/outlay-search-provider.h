/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define OUTLAY_TYPE_SEARCH_PROVIDER (outlay_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (OutlaySearchProvider,
                      outlay_search_provider,
                      OUTLAY,
                      SEARCH_PROVIDER,
                      GObject)

/* GNOME Shell's search in Outlay's budgets (org.gnome.Shell.SearchProvider2):
 * budgets by name and client, lines by code and description. Queries run
 * on a worker thread with a connection of their own, so the main loop
 * never waits on SQLite. Activating a result activates the application's
 * "show-line" action with (budget id, line id), line id 0 for a budget. */
OutlaySearchProvider *outlay_search_provider_new (GApplication *application);
gboolean outlay_search_provider_register (OutlaySearchProvider *self,
                                          GDBusConnection *connection,
                                          const char *object_path,
                                          GError **error);
void outlay_search_provider_unregister (OutlaySearchProvider *self);

G_END_DECLS
