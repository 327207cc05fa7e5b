/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-cli"

/* outlay-cli backup, backups and restore: copies of the database in
 * backups/ next to it, and putting one back. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-store-backup.h"

#include "outlay-cli-private.h"

static char *
database_path (Cli *cli)
{
  return cli->database != NULL ? g_strdup (cli->database) : outlay_store_default_path ();
}

int
outlay_cli_backup (Cli *cli, int argc, char **argv)
{
  g_autofree char *to = NULL;
  GOptionEntry entries[] = {
    { "to", 'o', 0, G_OPTION_ARG_FILENAME, &to,
      N_("Write the copy to FILE instead of the backups folder"), N_("FILE") }, { NULL } };
  g_autoptr(OutlayStore) store = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, NULL, entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc > 1)
    return outlay_cli_usage_error (_("“backup” takes no arguments"));
  if ((store = outlay_cli_open_store (cli, &error)) == NULL
      || (path = outlay_store_backup (store, to, &error)) == NULL)
    return outlay_cli_fail (error);
  g_print ("%s\n", path);
  return 0;
}

int
outlay_cli_backups (Cli *cli, int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, NULL, NULL, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc > 1)
    return outlay_cli_usage_error (_("“backups” takes no arguments"));
  db = database_path (cli);
  backups = outlay_store_list_backups (db);
  for (guint i = 0; i < backups->len; i++)
    g_print ("%s\n", (char *) g_ptr_array_index (backups, i));
  return 0;
}

int
outlay_cli_restore (Cli *cli, int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  const char *backup;
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, _("BACKUP|latest"), NULL, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2)
    return outlay_cli_usage_error (_("“restore” needs exactly one BACKUP file, or latest"));
  db = database_path (cli);
  backup = argv[1];
  if (g_str_equal (backup, "latest"))
    {
      backups = outlay_store_list_backups (db);
      if (backups->len == 0)
        {
          g_autofree char *dir = outlay_store_backup_dir (db);

          return outlay_cli_fail (g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                               _("There are no backups in “%s”"), dir));
        }
      backup = g_ptr_array_index (backups, 0);
    }
  if (!outlay_store_restore (db, backup, &kept, &error))
    return outlay_cli_fail (error);
  if (kept != NULL)
    g_printerr (_("outlay-cli: the file it replaced is kept as “%s”\n"), kept);
  g_print ("%s\n", backup);
  return 0;
}
