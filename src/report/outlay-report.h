/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "outlay-dashboard.h"
#include "outlay-document.h"

G_BEGIN_DECLS

/**
 * OutlayReportKind:
 * @OUTLAY_REPORT_SUMMARY: the top sheet: header block and section totals
 * @OUTLAY_REPORT_DETAIL: every section with its lines
 * @OUTLAY_REPORT_VARIANCE: estimate against actual, line by line
 * @OUTLAY_REPORT_COMPARE: two versions side by side
 * @OUTLAY_REPORT_TIME_BY_PERSON: hours and their cost per person
 * @OUTLAY_REPORT_TIME_BY_TASK: hours and their cost per task
 * @OUTLAY_REPORT_PERIOD_VARIANCE: the phased budget against actuals (closed
 *   periods) and the forecast (open ones), period by period, with the
 *   variances over a limit flagged
 * @OUTLAY_REPORT_COST: the dashboard on paper: utilization, burn rate,
 *   when the money runs out, earned value and the final cost's range, the
 *   dashboard's charts, the overruns and the time by person
 */
typedef enum
{
  OUTLAY_REPORT_SUMMARY,
  OUTLAY_REPORT_DETAIL,
  OUTLAY_REPORT_VARIANCE,
  OUTLAY_REPORT_COMPARE,
  OUTLAY_REPORT_TIME_BY_PERSON,
  OUTLAY_REPORT_TIME_BY_TASK,
  OUTLAY_REPORT_PERIOD_VARIANCE,
  OUTLAY_REPORT_COST,
} OutlayReportKind;

#define OUTLAY_REPORT_N_KINDS 8

typedef enum
{
  OUTLAY_REPORT_PAPER_A4,
  OUTLAY_REPORT_PAPER_LETTER,
} OutlayReportPaper;

/**
 * OutlayReportSort:
 * @OUTLAY_REPORT_SORT_SECTION: lines in budget order, grouped by section
 * @OUTLAY_REPORT_SORT_AMOUNT: the largest overrun (actual − estimate) first
 * @OUTLAY_REPORT_SORT_PERCENT: the largest overrun as a percentage of the
 *   estimate first
 *
 * The order of a variance report's lines.
 */
typedef enum
{
  OUTLAY_REPORT_SORT_SECTION,
  OUTLAY_REPORT_SORT_AMOUNT,
  OUTLAY_REPORT_SORT_PERCENT,
} OutlayReportSort;

/**
 * OutlayReportOptions:
 * @kind: what the report shows
 * @paper: the paper of a PDF (printing uses the page setup instead)
 * @landscape: whether a PDF's pages are landscape
 * @sort: the variance report's order
 * @over_only: a variance report shows only lines over their estimate
 * @flag_amount: a variance by period over this amount is flagged (0: none)
 * @flag_percent: or over this percentage of the period's budget (0: none),
 *   whichever limit is lower
 *
 * Set with outlay_report_options_init() first, then change fields.
 */
typedef struct
{
  OutlayReportKind  kind;
  OutlayReportPaper paper;
  gboolean          landscape;
  OutlayReportSort  sort;
  gboolean          over_only;
  OutlayDecimal flag_amount;
  OutlayDecimal flag_percent;
} OutlayReportOptions;

#define OUTLAY_TYPE_REPORT (outlay_report_get_type ())

G_DECLARE_FINAL_TYPE (OutlayReport, outlay_report, OUTLAY, REPORT, GObject)

void          outlay_report_options_init   (OutlayReportOptions       *options,
                                            OutlayReportKind           kind);

OutlayReport *outlay_report_new            (OutlayDocument            *doc,
                                            const OutlayReportOptions *options);
OutlayReport *outlay_report_new_compare    (OutlayDocument            *from,
                                            const char                *from_name,
                                            OutlayDocument            *to,
                                            const char                *to_name,
                                            const OutlayReportOptions *options);

OutlayReport *outlay_report_new_time (OutlayDocument *doc,
                                      GPtrArray *entries,
                                      GPtrArray *people,
                                      const OutlayReportOptions *options);

OutlayReport *outlay_report_new_cost (OutlayDocument *doc,
                                      OutlayDashboard *dashboard,
                                      GPtrArray *entries,
                                      GPtrArray *people,
                                      const OutlayReportOptions *options);

OutlayReportKind outlay_report_get_kind    (OutlayReport              *self);
const char   *outlay_report_get_title      (OutlayReport              *self);
void          outlay_report_set_paper      (OutlayReport              *self,
                                            OutlayReportPaper          paper,
                                            gboolean                   landscape);
void          outlay_report_get_paper_size (OutlayReport              *self,
                                            double                    *width,
                                            double                    *height);
void          outlay_report_set_printed    (OutlayReport              *self,
                                            GDateTime                 *printed);

guint         outlay_report_paginate       (OutlayReport              *self,
                                            cairo_t                   *cr,
                                            double                     page_width,
                                            double                     page_height);
guint         outlay_report_get_n_pages    (OutlayReport              *self);
void          outlay_report_draw_page      (OutlayReport              *self,
                                            cairo_t                   *cr,
                                            guint                      page);

gboolean      outlay_report_write_pdf_to_stream (OutlayReport         *self,
                                                 GOutputStream        *stream,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
gboolean      outlay_report_write_pdf      (OutlayReport              *self,
                                            GFile                     *file,
                                            GCancellable              *cancellable,
                                            GError                   **error);

const char   *outlay_report_kind_to_string   (OutlayReportKind  kind);
gboolean      outlay_report_kind_from_string (const char       *text,
                                              OutlayReportKind *kind);
const char   *outlay_report_kind_title       (OutlayReportKind  kind);

G_END_DECLS
