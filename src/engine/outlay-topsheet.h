/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-document.h"

G_BEGIN_DECLS

/**
 * OutlayTopSheetRowKind:
 * @OUTLAY_TOPSHEET_ROW_SECTION: the totals of a section (AICP: of a letter)
 * @OUTLAY_TOPSHEET_ROW_SUBTOTAL: the AICP "A to K" subtotal
 * @OUTLAY_TOPSHEET_ROW_PERCENT: a percentage of a base: markup, insurance,
 *   production fee, handling fee
 * @OUTLAY_TOPSHEET_ROW_AMOUNT: an amount typed on the budget: contingency
 * @OUTLAY_TOPSHEET_ROW_TOTAL: the contracted total (AICP) or the total
 * @OUTLAY_TOPSHEET_ROW_ALLOCATED: the budget's cap (not AICP)
 * @OUTLAY_TOPSHEET_ROW_REMAINING: the cap less the total (not AICP)
 * @OUTLAY_TOPSHEET_ROW_PERCENT_USED: the total as a percentage of the cap;
 *   its estimate and actual are percentages, not money (not AICP)
 */
typedef enum
{
  OUTLAY_TOPSHEET_ROW_SECTION,
  OUTLAY_TOPSHEET_ROW_SUBTOTAL,
  OUTLAY_TOPSHEET_ROW_PERCENT,
  OUTLAY_TOPSHEET_ROW_AMOUNT,
  OUTLAY_TOPSHEET_ROW_TOTAL,
  OUTLAY_TOPSHEET_ROW_ALLOCATED,
  OUTLAY_TOPSHEET_ROW_REMAINING,
  OUTLAY_TOPSHEET_ROW_PERCENT_USED,
} OutlayTopSheetRowKind;

/**
 * OutlayTopSheetStatus:
 * @OUTLAY_TOPSHEET_STATUS_NONE: nothing to compare with (AICP, or no cap)
 * @OUTLAY_TOPSHEET_STATUS_OK: below the warning threshold
 * @OUTLAY_TOPSHEET_STATUS_WARNING: at or past the warning threshold
 * @OUTLAY_TOPSHEET_STATUS_CRITICAL: at or past the critical threshold
 */
typedef enum
{
  OUTLAY_TOPSHEET_STATUS_NONE,
  OUTLAY_TOPSHEET_STATUS_OK,
  OUTLAY_TOPSHEET_STATUS_WARNING,
  OUTLAY_TOPSHEET_STATUS_CRITICAL,
} OutlayTopSheetStatus;

/**
 * OutlayTopSheetRow:
 * @kind: what the row is
 * @id: a stable name: the section code for section rows ("A"), else
 *   "a-to-k", "markup", "contingency", "insurance", "production-fee",
 *   "handling-fee", "contracted-total", "total", "allocated", "remaining",
 *   "percent-used"
 * @code: the section code, "" for other rows
 * @label: the row's title, translated
 * @section: (nullable): the (first) section the row shows
 * @property: (nullable): the #OutlayBudget property the row's percentage
 *   or amount edits ("markup-percent", "contingency", …), for editing in
 *   place with outlay_document_set_budget_value()
 * @percent: for percentage rows, the percentage (12.5 for 12.5 %)
 * @base_estimate: for percentage rows, what the percentage is of
 * @base_actual: the same, in actuals
 * @estimate: the estimate column
 * @actual: the actual column
 * @variance: @estimate − @actual (under is positive); 0 for allocated,
 *   remaining and percent-used rows
 *
 * One printed row of a top sheet.  Boxed; copied with
 * outlay_topsheet_row_copy().
 */
typedef struct
{
  OutlayTopSheetRowKind  kind;
  char                  *id;
  char                  *code;
  char                  *label;
  OutlaySection         *section;
  const char            *property;
  OutlayDecimal          percent;
  OutlayDecimal          base_estimate;
  OutlayDecimal          base_actual;
  OutlayDecimal          estimate;
  OutlayDecimal          actual;
  OutlayDecimal          variance;
} OutlayTopSheetRow;

#define OUTLAY_TYPE_TOPSHEET_ROW (outlay_topsheet_row_get_type ())

GType              outlay_topsheet_row_get_type (void) G_GNUC_CONST;
OutlayTopSheetRow *outlay_topsheet_row_copy     (const OutlayTopSheetRow *row);
void               outlay_topsheet_row_free     (OutlayTopSheetRow       *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayTopSheetRow, outlay_topsheet_row_free)

#define OUTLAY_TYPE_TOPSHEET (outlay_topsheet_get_type ())

G_DECLARE_FINAL_TYPE (OutlayTopSheet, outlay_topsheet, OUTLAY, TOPSHEET, GObject)

OutlayTopSheet          *outlay_topsheet_new           (OutlayDocument *doc);
OutlayTopSheet *outlay_topsheet_new_aicp (OutlayBudget *budget, GPtrArray *sections);
gboolean                 outlay_topsheet_is_aicp       (OutlayTopSheet *self);
OutlayBudget            *outlay_topsheet_get_budget    (OutlayTopSheet *self);
GPtrArray               *outlay_topsheet_get_rows      (OutlayTopSheet *self);
guint                    outlay_topsheet_get_n_rows    (OutlayTopSheet *self);
const OutlayTopSheetRow *outlay_topsheet_get_row       (OutlayTopSheet *self,
                                                        guint           index);
const OutlayTopSheetRow *outlay_topsheet_lookup_row    (OutlayTopSheet *self,
                                                        const char     *id);
const OutlayTopSheetRow *outlay_topsheet_get_total     (OutlayTopSheet *self);
OutlayTopSheetStatus     outlay_topsheet_get_status    (OutlayTopSheet *self);
OutlayDecimal outlay_topsheet_get_available (OutlayTopSheet *self);
const GError            *outlay_topsheet_get_error     (OutlayTopSheet *self);

const char              *outlay_topsheet_status_to_string   (OutlayTopSheetStatus  status);
const char              *outlay_topsheet_row_kind_to_string (OutlayTopSheetRowKind kind);

G_END_DECLS
