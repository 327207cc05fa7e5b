/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-cli"

/* outlay-cli import, imports, undo-import */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdio.h>

#include "outlay-cli-private.h"
#include "outlay-currency.h"
#include "outlay-document-json.h"
#include "outlay-error.h"
#include "outlay-importer.h"

#define EXIT_NOT_A_BUDGET 3
/* the import landed without some rows: a script should look */
#define EXIT_ROWS_SKIPPED 4

typedef struct
{
  char     *new_name;
  char     *into;
  gboolean  replace;
  char     *sheet;
  gboolean  yes;
  gboolean  strict;
  gboolean  json;
} ImportArgs;

static void
import_args_clear (ImportArgs *a)
{
  g_free (a->new_name);
  g_free (a->into);
  g_free (a->sheet);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImportArgs, import_args_clear)

static void
add_file_type (JsonBuilder *b, OutlayImportAnalysis *analysis)
{
  double confidence = 0;
  OutlayFileKind kind = outlay_import_analysis_get_kind (analysis, &confidence);
  const char * const *reasons = outlay_import_analysis_get_reasons (analysis);

  json_builder_set_member_name (b, "file_type");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, outlay_file_kind_name (kind));
  json_builder_set_member_name (b, "confidence");
  json_builder_add_double_value (b, ((int) (confidence * 100 + 0.5)) / 100.0);
  json_builder_set_member_name (b, "reasons");
  json_builder_begin_array (b);
  for (guint i = 0; reasons != NULL && reasons[i] != NULL; i++)
    json_builder_add_string_value (b, reasons[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
add_mapping (JsonBuilder *b, OutlayImportAnalysis *analysis)
{
  GPtrArray *columns = outlay_import_analysis_get_columns (analysis);

  json_builder_set_member_name (b, "mapping");
  json_builder_begin_array (b);
  for (guint i = 0; i < columns->len; i++)
    {
      OutlayColumnMapping *m = g_ptr_array_index (columns, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "column");
      json_builder_add_string_value (b, m->header != NULL ? m->header : "");
      json_builder_set_member_name (b, "index");
      json_builder_add_int_value (b, m->column);
      json_builder_set_member_name (b, "field");
      json_builder_add_string_value (b, outlay_import_field_name (m->field));
      json_builder_set_member_name (b, "confidence");
      json_builder_add_double_value (b, ((int) (m->confidence * 100 + 0.5)) / 100.0);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_rows (JsonBuilder *b, OutlayImportResult *r)
{
  json_builder_set_member_name (b, "rows");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "total");
  json_builder_add_int_value (b, r != NULL ? r->rows_total : 0);
  json_builder_set_member_name (b, "imported");
  json_builder_add_int_value (b, r != NULL ? r->rows_imported : 0);
  json_builder_set_member_name (b, "skipped");
  json_builder_add_int_value (b, r != NULL ? r->rows_skipped : 0);
  json_builder_set_member_name (b, "errors");
  outlay_import_add_errors_json (b, r != NULL ? r->errors : NULL);
  json_builder_end_object (b);
}

static void
add_sections (JsonBuilder *b, OutlayImportResult *r)
{
  json_builder_set_member_name (b, "sections");
  json_builder_begin_array (b);
  for (guint i = 0; r != NULL && i < r->sections->len; i++)
    {
      OutlayImportSection *s = g_ptr_array_index (r->sections, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, s->code);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, s->name);
      json_builder_set_member_name (b, "lines");
      json_builder_add_int_value (b, s->lines);
      outlay_json_add_amount (b, "estimate", s->estimate, r->currency);
      outlay_json_add_amount (b, "actual", s->actual, r->currency);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static JsonNode *
result_to_json (OutlayWorkbook *wb, OutlayImportAnalysis *analysis, OutlayImportResult *r)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  GPtrArray *warnings = r != NULL ? r->warnings : outlay_import_analysis_get_warnings (analysis);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "import_id");
  if (r != NULL && r->import_id > 0)
    json_builder_add_int_value (b, r->import_id);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "budget");
  if (r != NULL && r->budget_id > 0)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, r->budget_id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, r->budget_name);
      json_builder_set_member_name (b, "currency");
      json_builder_add_string_value (b, r->currency);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, outlay_workbook_get_name (wb));
  add_file_type (b, analysis);
  json_builder_set_member_name (b, "sheet");
  json_builder_add_string_value (b, outlay_workbook_get_sheet_name (
                                      wb, outlay_import_analysis_get_sheet (analysis)));
  json_builder_set_member_name (b, "header_row");
  json_builder_add_int_value (b, outlay_import_analysis_get_header_row (analysis));
  add_mapping (b, analysis);
  add_rows (b, r);
  add_sections (b, r);
  json_builder_set_member_name (b, "totals");
  json_builder_begin_object (b);
  outlay_json_add_amount (b, "estimate", r != NULL ? r->estimate : 0, r != NULL ? r->currency : "USD");
  outlay_json_add_amount (b, "actual", r != NULL ? r->actual : 0, r != NULL ? r->currency : "USD");
  json_builder_end_object (b);
  if (r != NULL && g_hash_table_size (r->details) > 0)
    {
      g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (r->details),
                                           (GCompareFunc) g_strcmp0);

      json_builder_set_member_name (b, "details");
      json_builder_begin_object (b);
      for (GList *k = keys; k != NULL; k = k->next)
        {
          json_builder_set_member_name (b, k->data);
          json_builder_add_string_value (b, g_hash_table_lookup (r->details, k->data));
        }
      json_builder_end_object (b);
    }
  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (warnings, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
print_summary (OutlayWorkbook *wb, OutlayImportResult *r)
{
  g_autofree char *estimate = outlay_currency_format_plain (r->estimate, r->currency);
  g_autofree char *actual = outlay_currency_format_plain (r->actual, r->currency);

  g_print (_("Imported %u lines in %u sections from %s into “%s” (budget %" PRId64
             ", import %" PRId64 ")\n"),
              r->rows_imported, r->sections->len, outlay_workbook_get_name (wb), r->budget_name,
              r->budget_id, r->import_id);
  g_print (_("Estimate %s %s, actual %s %s\n"), estimate, r->currency, actual, r->currency);
  if (r->rows_skipped > 0)
    g_print (_("Skipped %u rows:\n"), r->rows_skipped);
  for (guint i = 0; i < r->errors->len; i++)
    {
      OutlayImportRowError *e = g_ptr_array_index (r->errors, i);

      g_print (_("  row %u, column “%s”: %s (“%s”)\n"), e->row, e->column, e->message, e->value);
      if (e->cells != NULL && *e->cells != '\0')
        g_print (_("    the row reads: %s\n"), e->cells);
    }
  for (guint i = 0; i < r->warnings->len; i++)
    g_print (_("Warning: %s\n"), (const char *) g_ptr_array_index (r->warnings, i));
}

static int
not_a_budget (OutlayWorkbook *wb, OutlayImportAnalysis *analysis, gboolean json)
{
  double confidence = 0;
  OutlayFileKind kind = outlay_import_analysis_get_kind (analysis, &confidence);
  const char * const *reasons = outlay_import_analysis_get_reasons (analysis);

  if (json)
    {
      g_autoptr(JsonNode) node = result_to_json (wb, analysis, NULL);

      outlay_cli_print_json (node);
    }
  g_printerr (_("outlay-cli: %s does not look like a budget but like: %s (%d %% sure)\n"),
              outlay_workbook_get_name (wb), outlay_file_kind_name (kind),
              (int) (confidence * 100 + 0.5));
  for (guint i = 0; reasons != NULL && reasons[i] != NULL; i++)
    g_printerr ("  %s\n", reasons[i]);
  g_printerr (_("Nothing was imported. Add --yes to import it as a budget anyway.\n"));
  return EXIT_NOT_A_BUDGET;
}

static int
find_sheet (OutlayWorkbook *wb, const char *name, GError **error)
{
  for (guint i = 0; i < outlay_workbook_get_n_sheets (wb); i++)
    if (g_strcmp0 (outlay_workbook_get_sheet_name (wb, i), name) == 0)
      return i;
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND, _("%s has no sheet “%s”"),
               outlay_workbook_get_name (wb), name);
  return -1;
}

static int
run_import (Cli *cli, ImportArgs *a, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayWorkbook) wb = NULL;
  g_autoptr(OutlayImportAnalysis) analysis = NULL;
  g_autoptr(OutlayImportResult) result = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *remembered = NULL;
  OutlayImportOptions options = {
    .mode = OUTLAY_IMPORT_MODE_NEW,
    .budget_name = a->new_name,
    .abort_on_bad_row = a->strict,
    .source = "cli",
    .uri = uri,
  };
  int sheet = -1;

  if ((store = outlay_cli_open_store (cli, &error)) == NULL
      || (wb = outlay_workbook_open (file, NULL, &error)) == NULL
      || (fingerprint = outlay_import_fingerprint (file, NULL, &error)) == NULL
      || (a->sheet != NULL && (sheet = find_sheet (wb, a->sheet, &error)) < 0)
      || (analysis = outlay_import_analyze (wb, sheet, NULL, &error)) == NULL)
    return outlay_cli_fail (g_steal_pointer (&error));
  options.fingerprint = fingerprint;
  remembered = outlay_store_lookup_mapping (store, outlay_import_analysis_get_signature (analysis));
  if (remembered != NULL)
    outlay_import_mapping_apply_json (analysis, remembered);
  if (outlay_import_analysis_get_kind (analysis, NULL) != OUTLAY_FILE_KIND_BUDGET && !a->yes)
    return not_a_budget (wb, analysis, a->json);
  if (a->into != NULL)
    {
      options.mode = a->replace ? OUTLAY_IMPORT_MODE_REPLACE : OUTLAY_IMPORT_MODE_APPEND;
      if ((options.budget_id = outlay_store_find_budget (store, a->into, &error)) == 0)
        return outlay_cli_fail (g_steal_pointer (&error));
    }
  {
    g_autoptr(OutlayImportRecord) before =
      outlay_store_find_import_by_fingerprint (store, fingerprint, NULL);

    if (before != NULL)
      g_printerr (_("outlay-cli: note: the same file was imported before (import %" PRId64
                    ", into “%s”)\n"),
                     outlay_import_record_get_id (before),
                     outlay_import_record_get_budget_name (before) != NULL
                         ? outlay_import_record_get_budget_name (before)
                         : "");
  }
  result = outlay_import_run (store, wb, analysis, &options, NULL, NULL, NULL, &error);
  if (result == NULL)
    return outlay_cli_fail (g_steal_pointer (&error));
  if (a->json)
    {
      g_autoptr(JsonNode) node = result_to_json (wb, analysis, result);

      outlay_cli_print_json (node);
    }
  else
    print_summary (wb, result);
  if (result->rows_skipped > 0)
    {
      g_printerr (
          g_dngettext (GETTEXT_PACKAGE,
                       "outlay-cli: %u row could not be read and was left out of import %" PRId64
                       "; use --strict to import nothing instead\n",
                       "outlay-cli: %u rows could not be read and were left out of import %" PRId64
                       "; use --strict to import nothing instead\n",
                       result->rows_skipped),
          result->rows_skipped, result->import_id);
      return EXIT_ROWS_SKIPPED;
    }
  return 0;
}

int
outlay_cli_import (Cli *cli, int argc, char **argv)
{
  g_auto(ImportArgs) a = { 0 };
  GOptionEntry entries[] = {
    { "new", 'n', 0, G_OPTION_ARG_STRING, &a.new_name, N_("Import as a new budget called NAME"),
      N_("NAME") },
    { "into", 'i', 0, G_OPTION_ARG_STRING, &a.into, N_("Add the lines to BUDGET"), N_("BUDGET") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &a.replace,
      N_("With --into: replace the budget's lines (saved as a version first)"), NULL },
    { "sheet", 's', 0, G_OPTION_ARG_STRING, &a.sheet, N_("Import this sheet"), N_("NAME") },
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &a.yes,
      N_("Import even a file that does not look like a budget"), NULL },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &a.strict,
      N_("Import nothing if a row cannot be read (default: skip such rows and list them)"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &a.json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;

  if (!outlay_cli_parse_options (cli, "FILE", entries, &argc, &argv, &error))
    return outlay_cli_fail (g_steal_pointer (&error));
  if (argc != 2)
    return outlay_cli_usage_error (_("import needs exactly one FILE"));
  if (a.new_name != NULL && a.into != NULL)
    return outlay_cli_usage_error (_("--new and --into cannot be used together"));
  if (a.replace && a.into == NULL)
    return outlay_cli_usage_error (_("--replace needs --into BUDGET"));
  return run_import (cli, &a, argv[1]);
}

static const char *
status_name (OutlayImportStatus status)
{
  switch (status)
    {
    case OUTLAY_IMPORT_STATUS_DONE: return "imported";
    case OUTLAY_IMPORT_STATUS_UNDONE: return "undone";
    case OUTLAY_IMPORT_STATUS_FAILED: return "failed";
    case OUTLAY_IMPORT_STATUS_RUNNING:
    default: return "running";
    }
}

static JsonNode *
records_to_json (GPtrArray *records)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < records->len; i++)
    {
      OutlayImportRecord *r = g_ptr_array_index (records, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (outlay_import_record_get_started (r));
      g_autofree char *iso = g_date_time_format_iso8601 (when);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, outlay_import_record_get_id (r));
      json_builder_set_member_name (b, "file");
      json_builder_add_string_value (b, outlay_import_record_get_file_name (r));
      json_builder_set_member_name (b, "budget_id");
      json_builder_add_int_value (b, outlay_import_record_get_budget_id (r));
      json_builder_set_member_name (b, "budget");
      json_builder_add_string_value (b, outlay_import_record_get_budget_name (r));
      json_builder_set_member_name (b, "mode");
      json_builder_add_string_value (b, outlay_import_record_get_mode (r));
      json_builder_set_member_name (b, "file_type");
      json_builder_add_string_value (b, outlay_import_record_get_file_type (r));
      json_builder_set_member_name (b, "rows_imported");
      json_builder_add_int_value (b, outlay_import_record_get_rows_imported (r));
      json_builder_set_member_name (b, "rows_skipped");
      json_builder_add_int_value (b, outlay_import_record_get_rows_skipped (r));
      json_builder_set_member_name (b, "status");
      json_builder_add_string_value (b, status_name (outlay_import_record_get_status (r)));
      json_builder_set_member_name (b, "started");
      json_builder_add_string_value (b, iso);
      json_builder_set_member_name (b, "fingerprint");
      json_builder_add_string_value (b, outlay_import_record_get_fingerprint (r));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}

int
outlay_cli_imports (Cli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(GPtrArray) records = NULL;
  gint64 budget_id = 0;

  if (!outlay_cli_parse_options (cli, "[BUDGET]", entries, &argc, &argv, &error))
    return outlay_cli_fail (g_steal_pointer (&error));
  if (argc > 2)
    return outlay_cli_usage_error (_("imports takes at most one BUDGET"));
  if ((store = outlay_cli_open_store (cli, &error)) == NULL
      || (argc == 2 && (budget_id = outlay_store_find_budget (store, argv[1], &error)) == 0)
      || (records = outlay_store_list_imports (store, budget_id, &error)) == NULL)
    return outlay_cli_fail (g_steal_pointer (&error));
  if (json)
    {
      g_autoptr(JsonNode) node = records_to_json (records);

      outlay_cli_print_json (node);
      return 0;
    }
  for (guint i = 0; i < records->len; i++)
    {
      OutlayImportRecord *r = g_ptr_array_index (records, i);

      g_print ("%-5" G_GINT64_FORMAT " %-9s %-8s %7u %-30s %s\n", outlay_import_record_get_id (r),
               status_name (outlay_import_record_get_status (r)),
               outlay_import_record_get_mode (r), outlay_import_record_get_rows_imported (r),
               outlay_import_record_get_file_name (r),
               outlay_import_record_get_budget_name (r) != NULL
                 ? outlay_import_record_get_budget_name (r) : "");
    }
  return 0;
}

int
outlay_cli_undo_import (Cli *cli, int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = NULL;
  gint64 id;
  char *end = NULL;

  if (!outlay_cli_parse_options (cli, "ID", NULL, &argc, &argv, &error))
    return outlay_cli_fail (g_steal_pointer (&error));
  if (argc != 2)
    return outlay_cli_usage_error (_("undo-import needs the import's ID (see “imports”)"));
  id = g_ascii_strtoll (argv[1], &end, 10);
  if (end == argv[1] || *end != '\0' || id <= 0)
    return outlay_cli_usage_error (_("undo-import needs a number, the import's ID"));
  if ((store = outlay_cli_open_store (cli, &error)) == NULL
      || !outlay_store_undo_import (store, id, &error))
    return outlay_cli_fail (g_steal_pointer (&error));
  g_print (_("Undid import %" PRId64 "\n"), id);
  return 0;
}
