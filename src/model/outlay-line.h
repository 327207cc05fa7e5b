/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "outlay-decimal.h"

G_BEGIN_DECLS

/**
 * OutlayLineField:
 *
 * The editable fields of a budget line, in sheet column order.  Each is
 * also a property of #OutlayLine (see outlay_line_field_name()).
 */
typedef enum
{
  OUTLAY_LINE_CODE,
  OUTLAY_LINE_DESCRIPTION,
  OUTLAY_LINE_QUANTITY,
  OUTLAY_LINE_UNIT,
  OUTLAY_LINE_MULTIPLIER,
  OUTLAY_LINE_RATE,
  OUTLAY_LINE_ESTIMATE,
  OUTLAY_LINE_ACTUAL,
  OUTLAY_LINE_COMMITTED,
  OUTLAY_LINE_RESERVED,
  OUTLAY_LINE_NOTES,
  OUTLAY_LINE_VENDOR,
  OUTLAY_LINE_ASSIGNEE,
  OUTLAY_LINE_DATE,
  OUTLAY_LINE_PERIOD,
  OUTLAY_LINE_N_FIELDS,
} OutlayLineField;

#define OUTLAY_TYPE_LINE (outlay_line_get_type ())

G_DECLARE_FINAL_TYPE (OutlayLine, outlay_line, OUTLAY, LINE, GObject)

typedef struct _OutlaySection OutlaySection;

OutlayLine      *outlay_line_new                    (void);
OutlayLine *outlay_line_new_with_code (const char *code);
gint64           outlay_line_get_id                 (OutlayLine      *self);
OutlaySection   *outlay_line_get_section            (OutlayLine      *self);
const char      *outlay_line_get_text               (OutlayLine      *self,
                                                     OutlayLineField  field);
OutlayDecimal    outlay_line_get_decimal            (OutlayLine      *self,
                                                     OutlayLineField  field);
const char      *outlay_line_get_code               (OutlayLine      *self);
const char      *outlay_line_get_description        (OutlayLine      *self);
const char      *outlay_line_get_unit               (OutlayLine      *self);
const char      *outlay_line_get_notes              (OutlayLine      *self);
OutlayDecimal    outlay_line_get_quantity           (OutlayLine      *self);
OutlayDecimal    outlay_line_get_multiplier         (OutlayLine      *self);
OutlayDecimal    outlay_line_get_rate               (OutlayLine      *self);
OutlayDecimal    outlay_line_get_estimate           (OutlayLine      *self);
OutlayDecimal    outlay_line_get_actual             (OutlayLine      *self);
OutlayDecimal    outlay_line_get_committed          (OutlayLine      *self);
OutlayDecimal    outlay_line_get_reserved           (OutlayLine      *self);
OutlayDecimal    outlay_line_get_variance           (OutlayLine      *self);
OutlayDecimal outlay_line_get_available (OutlayLine *self);
OutlayDecimal outlay_line_get_task_actual (OutlayLine *self);
OutlayDecimal outlay_line_get_total_actual (OutlayLine *self);
gboolean         outlay_line_get_estimate_overridden (OutlayLine     *self);
gint64           outlay_line_get_import_id          (OutlayLine      *self);

gboolean         outlay_line_field_is_decimal       (OutlayLineField  field);
const char      *outlay_line_field_name             (OutlayLineField  field);
const char      *outlay_line_field_title            (OutlayLineField  field);
gboolean         outlay_line_field_from_name        (const char      *name,
                                                     OutlayLineField *field);

G_END_DECLS
