/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The schema version this build writes (PRAGMA user_version). */
#define OUTLAY_SCHEMA_VERSION 18

gboolean outlay_schema_get_version (sqlite3  *db,
                                    int      *version,
                                    GError  **error);
gboolean outlay_schema_migrate (sqlite3  *db,
                                int       target,
                                gboolean *created,
                                GError  **error);

G_END_DECLS
