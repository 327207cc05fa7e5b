/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-cli"

/* outlay-cli export: a budget, or one of its saved versions, as xlsx or CSV. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-csv-export.h"
#include "outlay-xlsx-export.h"

#include "outlay-store-tasks.h"

#include "outlay-cli-private.h"

typedef enum
{
  FORMAT_NONE,
  FORMAT_XLSX,
  FORMAT_CSV,
} Format;

static Format
format_from_name (const char *name)
{
  if (g_ascii_strcasecmp (name, "xlsx") == 0)
    return FORMAT_XLSX;
  if (g_ascii_strcasecmp (name, "csv") == 0)
    return FORMAT_CSV;
  return FORMAT_NONE;
}

/* "budget.XLSX" → xlsx */
static Format
format_from_path (const char *path)
{
  const char *dot = strrchr (path, '.');

  return dot != NULL && strchr (dot, G_DIR_SEPARATOR) == NULL ? format_from_name (dot + 1)
                                                              : FORMAT_NONE;
}

/* The budget as it is now also gets its time sheets in xlsx. */
static int
export_document (OutlayStore *store,
                 OutlayDocument *doc,
                 gboolean current,
                 Format format,
                 const char *output)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) people = NULL;
  GError *error = NULL;
  gboolean ok;

  if (format == FORMAT_XLSX && current
      && ((entries = outlay_store_list_time (
               store, outlay_budget_get_id (outlay_document_get_budget (doc)), NULL, NULL, &error))
              == NULL
          || (people = outlay_store_list_people (store, &error)) == NULL))
    return outlay_cli_fail (error);
  ok = format == FORMAT_XLSX
           ? outlay_xlsx_export_with_time (doc, entries, people, output, NULL, NULL, NULL, &error)
           : outlay_csv_export (doc, output, NULL, NULL, NULL, &error);
  return ok ? 0 : outlay_cli_fail (error);
}

int
outlay_cli_export (Cli *cli, int argc, char **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *version = NULL;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("xlsx or csv (default: from the file name)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("FILE") },
    { "version", 'V', 0, G_OPTION_ARG_STRING, &version,
      N_("Export this saved version (name or id) instead of the budget as it is now"), N_("V") },
    { NULL }
  };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(OutlayDocument) saved = NULL;
  GError *error = NULL;
  Format format;
  gint64 id;

  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2)
    return outlay_cli_usage_error (_("“export” needs exactly one BUDGET"));
  if (output == NULL || *output == '\0')
    return outlay_cli_usage_error (_("“export” needs -o FILE"));
  format = format_name != NULL ? format_from_name (format_name) : format_from_path (output);
  if (format == FORMAT_NONE)
    return outlay_cli_usage_error (format_name != NULL
                                     ? _("--format is xlsx or csv")
                                     : _("Give --format xlsx or csv: the file name does not end in "
                                         ".xlsx or .csv"));
  if ((doc = outlay_cli_open_document (cli, argv[1], &store, &error)) == NULL)
    return outlay_cli_fail (error);
  id = outlay_budget_get_id (outlay_document_get_budget (doc));
  if (version != NULL && (saved = outlay_cli_open_version (store, id, version, &error)) == NULL)
    return outlay_cli_fail (error);
  return export_document (store, saved != NULL ? saved : doc, saved == NULL, format, output);
}
