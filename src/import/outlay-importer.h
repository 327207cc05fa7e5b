/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Turns an analysed workbook into budget lines: checked without writing
 * (for the assistant), or written in one transaction (all or nothing),
 * streaming rows straight into SQLite so a million rows fit in little
 * memory. */

#include <json-glib/json-glib.h>

#include "outlay-import-analysis.h"
#include "outlay-store-import.h"
#include "outlay-workbook.h"

G_BEGIN_DECLS

typedef struct
{
  OutlayImportMode  mode;
  gint64            budget_id;         /* APPEND and REPLACE */
  const char       *budget_name;       /* NEW; NULL: the file's name */
  const char       *currency;          /* NEW; NULL: from the file, else USD */
  gboolean          abort_on_bad_row;  /* else bad rows are skipped and listed */
  const char       *source;            /* "window", "drop", "cli" */
  const char       *fingerprint;       /* from outlay_import_fingerprint() */
  const char       *uri;
} OutlayImportOptions;

typedef struct
{
  guint  row;       /* as in the file */
  char  *column;    /* the column's header, or its letter */
  char  *value;
  char  *message;
  char *cells; /* the row's values, "Crew | C1 | Gaffer | twelve" */
} OutlayImportRowError;

typedef struct
{
  char          *code;
  char          *name;
  guint          lines;
  OutlayDecimal  estimate;
  OutlayDecimal  actual;
} OutlayImportSection;

typedef struct
{
  gint64         import_id;     /* 0 for a check */
  gint64         budget_id;
  char          *budget_name;
  char          *currency;
  gboolean       currency_from_file;  /* a header, symbol or "Currency:" said so */
  guint          rows_total;    /* rows that looked like lines */
  guint          rows_imported;
  guint          rows_skipped;  /* bad rows left out */
  GPtrArray     *errors;        /* OutlayImportRowError* */
  GPtrArray     *sections;      /* OutlayImportSection*, in file order */
  GPtrArray     *warnings;      /* char*: subtotal mismatches and the like */
  OutlayDecimal  estimate;
  OutlayDecimal  actual;
  /* the title block above the header, as OutlayBudget properties:
   * "name" (the job's title), "client", "agency", "job-number",
   * "bid-date", "shoot-dates", "director", "producer",
   * "production-company", "currency" */
  GHashTable    *details;
} OutlayImportResult;

void outlay_import_result_free (OutlayImportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayImportResult, outlay_import_result_free)

/* Hex SHA-256 of the file's bytes: the same file imported twice is noticed. */
char     *outlay_import_fingerprint (GFile                      *file,
                                     GCancellable               *cancellable,
                                     GError                    **error);
/* Reads every row as the import would and reports what it would do;
 * writes nothing. */
OutlayImportResult *outlay_import_check (OutlayWorkbook             *workbook,
                                         OutlayImportAnalysis       *analysis,
                                         const OutlayImportOptions  *options,
                                         OutlayProgressFunc          progress,
                                         gpointer                    user_data,
                                         GCancellable               *cancellable,
                                         GError                    **error);
/* Imports in one transaction. With abort_on_bad_row the first bad row
 * fails it (the error names row, column, value and why); a failure or a
 * cancel leaves the database as it was. */
OutlayImportResult *outlay_import_run   (OutlayStore                *store,
                                         OutlayWorkbook             *workbook,
                                         OutlayImportAnalysis       *analysis,
                                         const OutlayImportOptions  *options,
                                         OutlayProgressFunc          progress,
                                         gpointer                    user_data,
                                         GCancellable               *cancellable,
                                         GError                    **error);
void      outlay_import_add_errors_json (JsonBuilder *builder,
                                         GPtrArray   *errors);
/* The mapping as stored with the import and remembered per layout:
 * [{"column": 0, "header": "Line", "field": "code", "confidence": 0.95}, …] */
char     *outlay_import_mapping_to_json   (OutlayImportAnalysis *analysis);
/* Applies a remembered mapping when the columns match; FALSE if not. */
gboolean  outlay_import_mapping_apply_json (OutlayImportAnalysis *analysis,
                                            const char           *json);

G_END_DECLS
