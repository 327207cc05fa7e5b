/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by outlay-cli's command files. */

#include <json-glib/json-glib.h>

#include "outlay-document.h"
#include "outlay-store.h"

G_BEGIN_DECLS

typedef struct
{
  char  *database;
  char **args;
} Cli;

typedef int (*CommandFunc) (Cli *cli, int argc, char **argv);

/* Prints @error and frees it; returns 2 for option errors, 4 for a
 * damaged database or backup, 5 for a database in use elsewhere, else 1. */
int             outlay_cli_fail          (GError       *error);
/* Prints @message and the usage; returns 2. */
int             outlay_cli_usage_error   (const char   *message);
OutlayStore    *outlay_cli_open_store    (Cli          *cli,
                                          GError      **error);
/* Parses @entries (plus --database) out of argv after the command word. */
gboolean        outlay_cli_parse_options (Cli          *cli,
                                          const char   *params,
                                          GOptionEntry *entries,
                                          int          *argc,
                                          char       ***argv,
                                          GError      **error);
void            outlay_cli_print_json    (JsonNode     *node);
/* Finds BUDGET (id, name or part of a name) and loads it. */
OutlayDocument *outlay_cli_open_document (Cli          *cli,
                                          const char   *budget,
                                          OutlayStore **store,
                                          GError      **error);
/* Loads a saved version of @budget_id by name or id. */
OutlayDocument *outlay_cli_open_version  (OutlayStore  *store,
                                          gint64        budget_id,
                                          const char   *name_or_id,
                                          GError      **error);

/* Finds the line with @code (in section @section_code, a code or name). */
OutlayLine *outlay_cli_find_line (OutlayDocument *doc,
                                  const char *code,
                                  const char *section_code,
                                  GError **error);

/* Commands in their own files */
int outlay_cli_import      (Cli *cli, int argc, char **argv);
int outlay_cli_imports     (Cli *cli, int argc, char **argv);
int outlay_cli_undo_import (Cli *cli, int argc, char **argv);
int outlay_cli_export      (Cli *cli, int argc, char **argv);
int outlay_cli_report      (Cli *cli, int argc, char **argv);
int outlay_cli_backup (Cli *cli, int argc, char **argv);
int outlay_cli_backups (Cli *cli, int argc, char **argv);
int outlay_cli_restore (Cli *cli, int argc, char **argv);
int outlay_cli_recommend (Cli *cli, int argc, char **argv);
/* recommend --ai: Gemini's advice (outlay-cli-connections.c) */
int outlay_cli_recommend_ai (Cli *cli, int argc, char **argv);
int outlay_cli_recommendation (Cli *cli, int argc, char **argv);
int outlay_cli_roi (Cli *cli, int argc, char **argv);
int outlay_cli_dashboard (Cli *cli, int argc, char **argv);
int outlay_cli_forecast (Cli *cli, int argc, char **argv);
int outlay_cli_accounts (Cli *cli, int argc, char **argv);
int outlay_cli_account (Cli *cli, int argc, char **argv);
int outlay_cli_bills (Cli *cli, int argc, char **argv);
int outlay_cli_bill (Cli *cli, int argc, char **argv);
int outlay_cli_schedule (Cli *cli, int argc, char **argv);
int outlay_cli_cashflow (Cli *cli, int argc, char **argv);
int outlay_cli_connect (Cli *cli, int argc, char **argv);
int outlay_cli_disconnect (Cli *cli, int argc, char **argv);
int outlay_cli_connections (Cli *cli, int argc, char **argv);
int outlay_cli_clickup (Cli *cli, int argc, char **argv);
int outlay_cli_sheets (Cli *cli, int argc, char **argv);
int outlay_cli_categories (Cli *cli, int argc, char **argv);
int outlay_cli_category (Cli *cli, int argc, char **argv);
int outlay_cli_check (Cli *cli, int argc, char **argv);
int outlay_cli_commitments (Cli *cli, int argc, char **argv);
int outlay_cli_commitment (Cli *cli, int argc, char **argv);
int outlay_cli_policy (Cli *cli, int argc, char **argv);
int outlay_cli_tasks (Cli *cli, int argc, char **argv);
int outlay_cli_task (Cli *cli, int argc, char **argv);
int outlay_cli_log (Cli *cli, int argc, char **argv);
int outlay_cli_people (Cli *cli, int argc, char **argv);
int outlay_cli_person (Cli *cli, int argc, char **argv);
int outlay_cli_rates (Cli *cli, int argc, char **argv);
int outlay_cli_time (Cli *cli, int argc, char **argv);
int outlay_cli_phasing (Cli *cli, int argc, char **argv);
int outlay_cli_phase (Cli *cli, int argc, char **argv);
int outlay_cli_periods (Cli *cli, int argc, char **argv);
int outlay_cli_close_period (Cli *cli, int argc, char **argv);
int outlay_cli_forecast_periods (Cli *cli, int argc, char **argv);
int outlay_cli_export_periods (Cli *cli, int argc, char **argv);
int outlay_cli_period_variance (Cli *cli, int argc, char **argv);

G_END_DECLS
