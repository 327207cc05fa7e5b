/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-document.h"

G_BEGIN_DECLS

/**
 * OutlayComparedLine:
 * @section: the code of its section
 * @code: its code ("" when it has none)
 * @description: its description ("" when it has none)
 * @estimate: its estimate
 * @actual: its actual cost
 *
 * A line only one side has (added or removed).
 */
typedef struct
{
  char          *section;
  char          *code;
  char          *description;
  OutlayDecimal  estimate;
  OutlayDecimal  actual;
} OutlayComparedLine;

/**
 * OutlayFieldChange:
 * @section: the code of the line's section (after the change)
 * @code: the line's code (after the change)
 * @field: the field that differs; %OUTLAY_LINE_N_FIELDS when the line
 *   moved to another section (@from and @to are then section codes)
 * @from: the old value, as text (amounts as outlay_currency_format_plain() prints
 *   them, quantity and multiplier without trailing zeros)
 * @to: the new value, as text
 * @delta: @to − @from for a numeric field, else 0
 *
 * One field of one line that differs between the two sides.
 */
typedef struct
{
  char            *section;
  char            *code;
  OutlayLineField  field;
  char            *from;
  char            *to;
  OutlayDecimal    delta;
} OutlayFieldChange;

/**
 * OutlayLineChange:
 * @section: the code of the line's section (after the change)
 * @code: the line's code (after the change)
 * @description: its description (after the change)
 * @from_estimate: its estimate before
 * @to_estimate: its estimate after
 * @first: the index of its first #OutlayFieldChange in the comparison's
 *   @changed
 * @n_fields: how many follow there (the section, if it moved, first)
 *
 * One changed line, all its fields together.
 */
typedef struct
{
  char *section;
  char *code;
  char *description;
  OutlayDecimal from_estimate;
  OutlayDecimal to_estimate;
  guint first;
  guint n_fields;
} OutlayLineChange;

/**
 * OutlaySectionDelta:
 * @code: the section code (on the newer side if it has it)
 * @name: its name (on the newer side if it has it)
 * @from: its sums on the older side (zero if it was not there)
 * @to: its sums on the newer side (zero if it is not there)
 * @from_section: (nullable): the section on the older side, valid while
 *   that document is
 * @to_section: (nullable): the section on the newer side
 *
 * How one section's sums moved.  Sections are paired as
 * outlay_compare_pair() pairs them.
 */
typedef struct
{
  char *code;
  char *name;
  OutlayTotals from;
  OutlayTotals to;
  OutlaySection *from_section;
  OutlaySection *to_section;
} OutlaySectionDelta;

/**
 * OutlayComparison:
 * @currency: the currency amounts are printed in (the newer side's)
 * @changed: (element-type OutlayFieldChange): fields that differ, in the
 *   newer side's line order
 * @lines: (element-type OutlayLineChange): the changed lines, one each, in
 *   the same order
 * @added: (element-type OutlayComparedLine): lines only the newer side has
 * @removed: (element-type OutlayComparedLine): lines only the older side has
 * @sections: (element-type OutlaySectionDelta): every section of either side
 * @from: the older side's totals
 * @to: the newer side's totals
 *
 * What changed from one state of a budget to another, line by line.
 */
typedef struct
{
  char         *currency;
  GPtrArray    *changed;
  GPtrArray *lines;
  GPtrArray    *added;
  GPtrArray    *removed;
  GPtrArray    *sections;
  OutlayTotals  from;
  OutlayTotals  to;
} OutlayComparison;

/**
 * OutlayPairedLine:
 * @line: a line of one side
 * @section: its section
 * @partner: the index of the same line on the other side, or -1
 * @section_index: its section's position in its document
 */
typedef struct
{
  OutlayLine    *line;
  OutlaySection *section;
  int            partner;
  guint section_index;
} OutlayPairedLine;

void outlay_compare_pair (OutlayDocument *from,
                          OutlayDocument *to,
                          GArray **from_lines,
                          GArray **to_lines,
                          GArray **from_sections,
                          GArray **to_sections);
gboolean outlay_compare_similar_descriptions (const char *a, const char *b);
void              outlay_compare_pair_lines   (OutlayDocument   *from,
                                               OutlayDocument   *to,
                                               GArray          **from_lines,
                                               GArray          **to_lines);
OutlayComparison *outlay_compare_documents    (OutlayDocument   *from,
                                               OutlayDocument   *to);
void              outlay_comparison_free      (OutlayComparison *self);
OutlayDecimal     outlay_comparison_delta     (OutlayDecimal     from,
                                               OutlayDecimal     to);
const char       *outlay_field_change_name    (const OutlayFieldChange *change);
char             *outlay_compare_field_text   (OutlayLine       *line,
                                               OutlayLineField   field,
                                               const char       *currency);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayComparison, outlay_comparison_free)

G_END_DECLS
