/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-cli"

/* outlay-cli report: a budget, a saved version or a comparison as PDF. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-dashboard-load.h"
#include "outlay-report.h"
#include "outlay-store-versions.h"

#include "outlay-store-tasks.h"

#include "outlay-cli-private.h"

typedef struct
{
  char     *kind;
  char     *version;
  char     *against;
  char     *paper;
  char     *sort;
  char     *output;
  char *from;
  char *to;
  gboolean  landscape;
  gboolean  over_only;
} ReportArgs;

static void
report_args_clear (ReportArgs *a)
{
  g_free (a->kind);
  g_free (a->version);
  g_free (a->against);
  g_free (a->paper);
  g_free (a->sort);
  g_free (a->output);
  g_free (a->from);
  g_free (a->to);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReportArgs, report_args_clear)

/* Fills @options from @a; NULL, or the usage error to print. */
static const char *
check_args (const ReportArgs *a, OutlayReportOptions *options)
{
  OutlayReportKind kind = OUTLAY_REPORT_SUMMARY;

  if (a->kind != NULL && !outlay_report_kind_from_string (a->kind, &kind))
    return _("The report --kind is one of summary, detail, variance, compare, time-by-person, "
             "time-by-task, period-variance, cost");
  outlay_report_options_init (options, kind);
  if (a->output == NULL || *a->output == '\0')
    return _("“report” needs -o FILE.pdf");
  if (a->paper != NULL && g_ascii_strcasecmp (a->paper, "letter") == 0)
    options->paper = OUTLAY_REPORT_PAPER_LETTER;
  else if (a->paper != NULL && g_ascii_strcasecmp (a->paper, "a4") != 0)
    return _("The --paper is a4 or letter");
  options->landscape = a->landscape;
  options->over_only = a->over_only;
  if (a->sort == NULL || g_ascii_strcasecmp (a->sort, "section") == 0)
    options->sort = OUTLAY_REPORT_SORT_SECTION;
  else if (g_ascii_strcasecmp (a->sort, "amount") == 0)
    options->sort = OUTLAY_REPORT_SORT_AMOUNT;
  else if (g_ascii_strcasecmp (a->sort, "percent") == 0)
    options->sort = OUTLAY_REPORT_SORT_PERCENT;
  else
    return _("The --sort is section, amount or percent");
  if ((a->sort != NULL || a->over_only) && kind != OUTLAY_REPORT_VARIANCE)
    return _("--sort and --over-only go with --kind variance");
  if (kind == OUTLAY_REPORT_COMPARE && a->version == NULL)
    return _("“report --kind compare” needs --version V, the version to compare from");
  if (a->against != NULL && kind != OUTLAY_REPORT_COMPARE)
    return _("--against goes with --kind compare");
  if ((a->from != NULL || a->to != NULL) && kind != OUTLAY_REPORT_TIME_BY_PERSON
      && kind != OUTLAY_REPORT_TIME_BY_TASK)
    return _("--from and --to go with --kind time-by-person or time-by-task");
  return NULL;
}

static OutlayReport *
make_compare (OutlayStore *store, OutlayDocument *current, const ReportArgs *a,
              const OutlayReportOptions *options, GError **error)
{
  gint64 id = outlay_budget_get_id (outlay_document_get_budget (current));
  g_autoptr(OutlayDocument) from = outlay_cli_open_version (store, id, a->version, error);
  g_autoptr(OutlayDocument) to = NULL;

  if (from == NULL)
    return NULL;
  if (a->against != NULL && (to = outlay_cli_open_version (store, id, a->against, error)) == NULL)
    return NULL;
  return outlay_report_new_compare (from, outlay_document_get_frozen_name (from),
                                    to != NULL ? to : current,
                                    to != NULL ? outlay_document_get_frozen_name (to)
                                               : _("Current budget"),
                                    options);
}

static OutlayReport *
make_report (Cli *cli, const char *budget, const ReportArgs *a, const OutlayReportOptions *options,
             GError **error)
{
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) current = outlay_cli_open_document (cli, budget, &store, error);
  g_autoptr(OutlayDocument) version = NULL;
  gint64 id;

  if (current == NULL)
    return NULL;
  if (options->kind == OUTLAY_REPORT_COMPARE)
    return make_compare (store, current, a, options, error);
  if (options->kind == OUTLAY_REPORT_COST)
    {
      g_autoptr(GPtrArray) entries = NULL;
      g_autoptr(GPtrArray) people = NULL;
      g_autoptr(OutlayDashboard) dashboard = NULL;

      id = outlay_budget_get_id (outlay_document_get_budget (current));
      if ((dashboard = outlay_dashboard_load (store, id, outlay_dashboard_today (), 30, error))
              == NULL
          || (entries = outlay_store_list_time (store, id, NULL, NULL, error)) == NULL
          || (people = outlay_store_list_people (store, error)) == NULL)
        return NULL;
      return outlay_report_new_cost (current, dashboard, entries, people, options);
    }
  if (options->kind == OUTLAY_REPORT_TIME_BY_PERSON || options->kind == OUTLAY_REPORT_TIME_BY_TASK)
    {
      g_autoptr(GPtrArray) entries = NULL;
      g_autoptr(GPtrArray) people = NULL;

      id = outlay_budget_get_id (outlay_document_get_budget (current));
      if ((entries = outlay_store_list_time (store, id, a->from, a->to, error)) == NULL
          || (people = outlay_store_list_people (store, error)) == NULL)
        return NULL;
      return outlay_report_new_time (current, entries, people, options);
    }
  if (a->version == NULL)
    return outlay_report_new (current, options);
  id = outlay_budget_get_id (outlay_document_get_budget (current));
  if ((version = outlay_cli_open_version (store, id, a->version, error)) == NULL)
    return NULL;
  return outlay_report_new (version, options);
}

int
outlay_cli_report (Cli *cli, int argc, char **argv)
{
  g_auto(ReportArgs) a = { 0 };
  GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &a.kind,
      N_("summary (default), detail, variance, compare, time-by-person, time-by-task or cost"),
          N_("KIND") },
      { "from", 0, 0, G_OPTION_ARG_STRING, &a.from, N_("For time: the first day"), N_("DATE") },
        { "to", 0, 0, G_OPTION_ARG_STRING, &a.to, N_("For time: the last day"), N_("DATE") },
          { "version", 0, 0, G_OPTION_ARG_STRING, &a.version,
            N_("Report this saved version (for compare: the one to compare from)"), N_("V") },
            { "against", 0, 0, G_OPTION_ARG_STRING, &a.against,
              N_("For compare: the version to compare with (default: the current budget)"),
                  N_("V2") },
              { "paper", 0, 0, G_OPTION_ARG_STRING, &a.paper,
                N_("a4 (default) or letter"), N_("PAPER") },
                { "landscape", 0, 0, G_OPTION_ARG_NONE, &a.landscape,
                  N_("Landscape pages"), NULL },
                  { "sort", 0, 0, G_OPTION_ARG_STRING, &a.sort,
                    N_("For variance: section (default), amount or percent"), N_("ORDER") },
                    { "over-only", 0, 0, G_OPTION_ARG_NONE, &a.over_only,
                      N_("For variance: only the lines over budget"), NULL },
                      { "output", 'o', 0, G_OPTION_ARG_FILENAME, &a.output,
                        N_("Write the PDF to FILE"), N_("FILE") }, { NULL } };
  g_autoptr(OutlayReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  OutlayReportOptions options;
  const char *problem;
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2)
    return outlay_cli_usage_error (_("“report” needs exactly one BUDGET"));
  if ((problem = check_args (&a, &options)) != NULL)
    return outlay_cli_usage_error (problem);
  if ((report = make_report (cli, argv[1], &a, &options, &error)) == NULL)
    return outlay_cli_fail (error);
  file = g_file_new_for_commandline_arg (a.output);
  if (!outlay_report_write_pdf (report, file, NULL, &error))
    return outlay_cli_fail (error);
  return 0;
}
