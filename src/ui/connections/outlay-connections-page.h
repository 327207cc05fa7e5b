/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OUTLAY_TYPE_CONNECTIONS_PAGE (outlay_connections_page_get_type ())

G_DECLARE_FINAL_TYPE (OutlayConnectionsPage,
                      outlay_connections_page,
                      OUTLAY,
                      CONNECTIONS_PAGE,
                      AdwPreferencesPage)

/* ClickUp and Gemini: connect (the token is checked, then kept in the
 * keyring), test (says which account and workspace it reached), remove.
 * A page for the preferences window; outlay_connections_page_present()
 * shows it in a small window of its own. */
GtkWidget *outlay_connections_page_new (void);
void outlay_connections_page_present (GtkWindow *parent);

G_END_DECLS
