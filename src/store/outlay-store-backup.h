/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Rolling copies of the database in a backups/ folder next to it, made
 * with SQLite's online backup (safe while other programs use the file),
 * and putting one back. */

#include "outlay-store.h"

G_BEGIN_DECLS

/* How many rolling backups are kept per database. */
#define OUTLAY_STORE_N_BACKUPS 5

char *outlay_store_backup_dir (const char *db_path);
GPtrArray *outlay_store_list_backups (const char *db_path);
char *outlay_store_backup (OutlayStore *self, const char *dest, GError **error);
gboolean outlay_store_backup_daily (OutlayStore *self, GError **error);
gboolean
outlay_store_restore (const char *db_path, const char *backup, char **kept, GError **error);

G_END_DECLS
