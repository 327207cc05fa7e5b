/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A small, exact evaluator for the formulas a budget sheet carries without
 * a cached value (files written by scripts rather than by a spreadsheet):
 * numbers, + - * / ^, unary minus, %, parentheses, cell references (A1,
 * $A$1, Sheet!A1 when Sheet is the sheet being read), ranges inside
 * functions, and SUM, MIN, MAX, AVERAGE, ROUND, ABS. All arithmetic is in
 * OutlayDecimal; anything else makes the formula unevaluable.
 *
 * OutlayCellStore keeps the values of the rows read so far, compactly, so
 * that references to earlier rows and to earlier cells of the current row
 * resolve while a sheet is streamed.
 */

#include <glib.h>

#include "outlay-decimal.h"

G_BEGIN_DECLS

typedef enum
{
  /* a blank cell: 0 in arithmetic, skipped by SUM */
  OUTLAY_FORMULA_CELL_EMPTY,
  OUTLAY_FORMULA_CELL_NUMBER,
  /* text: fails arithmetic (#VALUE!), skipped by SUM */
  OUTLAY_FORMULA_CELL_TEXT,
  /* not known (a later row, an error): fails the formula */
  OUTLAY_FORMULA_CELL_UNKNOWN,
} OutlayFormulaCellKind;

/* @row0 and @col0 are 0-based (A1 is 0, 0); sets @value for a number. */
typedef OutlayFormulaCellKind (*OutlayFormulaLookup) (guint          row0,
                                                      guint          col0,
                                                      gpointer       data,
                                                      OutlayDecimal *value);

typedef struct
{
  /* the sheet's name: "Name!A1" resolves only when Name is this sheet */
  const char          *sheet;
  OutlayFormulaLookup  lookup;
  gpointer             data;
  /* added to the relative parts of references (shared formulas) */
  int                  row_shift;
  int                  col_shift;
  /* cell visits left; ranges consume it, 0 fails every formula. Keeps a
   * hostile sheet of SUM(A1:XFD99999) cells from taking hours. */
  guint64              budget;
} OutlayFormulaContext;

gboolean outlay_formula_eval (const char           *formula,
                              gssize                length,
                              OutlayFormulaContext *ctx,
                              OutlayDecimal        *out);

/* "B12" for (11, 1); @buf holds at least 16 bytes. */
void     outlay_formula_cell_name (guint  row0,
                                   guint  col0,
                                   char  *buf);

/* Parses a number as spreadsheets store it ("1447.2999999999999998",
 * "-12.5", "1E-3"), rounded half away from zero to four places, without
 * allocating for the common forms. */
gboolean outlay_formula_parse_number (const char    *text,
                                      gsize          length,
                                      OutlayDecimal *out);

typedef struct _OutlayCellStore OutlayCellStore;

OutlayCellStore       *outlay_cell_store_new       (void);
void                   outlay_cell_store_free      (OutlayCellStore       *store);
/* Rows come in ascending order; a row out of order disables the store
 * (every lookup is then UNKNOWN). */
void                   outlay_cell_store_begin_row (OutlayCellStore       *store,
                                                    guint                  row0);
/* Cells of the current row, ascending; also marks @col0 as the cell being
 * read, so references to it or to later columns are UNKNOWN. */
void                   outlay_cell_store_set_column (OutlayCellStore      *store,
                                                     guint                 col0);
void                   outlay_cell_store_add       (OutlayCellStore       *store,
                                                    guint                  col0,
                                                    OutlayFormulaCellKind  kind,
                                                    OutlayDecimal          value);
/* An OutlayFormulaLookup; @data is the store. */
OutlayFormulaCellKind  outlay_cell_store_lookup    (guint                  row0,
                                                    guint                  col0,
                                                    gpointer               data,
                                                    OutlayDecimal         *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayCellStore, outlay_cell_store_free)

G_END_DECLS
