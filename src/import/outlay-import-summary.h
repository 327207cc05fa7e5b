/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A bid's own summary sheet ("Summary", "Top sheet", "Recap"): its
 * markup, insurance and fee percentages and its grand total, read to
 * set up the new budget and to check Outlay's figures against the file's. */

#include "outlay-budget.h"
#include "outlay-importer.h"
#include "outlay-workbook.h"

G_BEGIN_DECLS

typedef enum
{
  OUTLAY_SUMMARY_MARKUP,
  OUTLAY_SUMMARY_INSURANCE,
  OUTLAY_SUMMARY_PRODUCTION_FEE,
  OUTLAY_SUMMARY_HANDLING_FEE,
  OUTLAY_SUMMARY_N_PERCENTS,
} OutlaySummaryPercent;

typedef struct
{
  char *sheet; /* NULL: the file has no summary */
  gboolean has_percent[OUTLAY_SUMMARY_N_PERCENTS];
  OutlayDecimal percent[OUTLAY_SUMMARY_N_PERCENTS];
  gboolean has_total;
  OutlayDecimal total;
  guint total_row;
  char *total_label;
} OutlayImportSummary;

void outlay_import_summary_read (OutlayImportSummary *summary,
                                 OutlayWorkbook *workbook,
                                 guint data_sheet,
                                 GCancellable *cancellable);
void outlay_import_summary_apply (const OutlayImportSummary *summary, OutlayBudget *budget);
void outlay_import_summary_check (const OutlayImportSummary *summary,
                                  OutlayImportResult *result,
                                  GPtrArray *notes);
void outlay_import_summary_clear (OutlayImportSummary *summary);

G_END_DECLS
