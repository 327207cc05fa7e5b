/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "outlay-application.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_PREFERENCES_WINDOW (outlay_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (OutlayPreferencesWindow,
                      outlay_preferences_window,
                      OUTLAY,
                      PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* Outlay's preferences: the new budgets' currency and fiscal year, the
 * reports' paper, and which database file is open. Every choice is saved
 * in GSettings at once. Other pages (connections) are added with
 * adw_preferences_window_add(). */
OutlayPreferencesWindow *outlay_preferences_window_new (OutlayApplication *application,
                                                        GtkWindow *parent);

G_END_DECLS
