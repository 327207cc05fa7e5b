/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by outlay-sheets.c (the sync) and outlay-sheets-layout.c (how a
 * budget looks in a spreadsheet, and the requests that write it). */

#include "outlay-decimal.h"
#include "outlay-document.h"
#include "outlay-sheets.h"

G_BEGIN_DECLS

/* The Detail tab's columns; A (the line id) is hidden */
typedef enum
{
  COL_ID,
  COL_SECTION,
  COL_CODE,
  COL_DESCRIPTION,
  COL_QTY,
  COL_UNIT,
  COL_DAYS,
  COL_RATE,
  COL_ESTIMATE,
  COL_ACTUAL,
  COL_NOTES,
  N_COLS
} SheetColumn;

#define META_LINE "outlay.line"
#define META_BUDGET "outlay.budget"
#define HEADROOM_ROWS 100
/* a row the last read did not find (deleted there, kept here) */
#define ROW_GONE G_MAXINT32

int sheets_column_field (guint col); /* OutlayLineField, or -1 */
gboolean sheets_column_is_decimal (guint col);
const char *sheets_column_title (guint col);

/* A line's row as canonical texts (decimals as "1234.5") */
char **sheets_line_cells (OutlayLine *line);
/* A row read with UNFORMATTED_VALUE as canonical texts; numbers typed as
 * text are read in the spreadsheet's @style ("1.234,56" in de_DE) */
char **
sheets_remote_cells (JsonArray *row, guint row_index, OutlayDecimalStyle style, GError **error);
gboolean sheets_row_empty (JsonArray *row);
OutlayDecimal sheets_cell_decimal (char **cells, guint col);
/* qty × days × rate of a row */
OutlayDecimal sheets_cells_product (char **cells);
/* The JSON a cell is written as: numbers as numbers, text as text */
JsonNode *sheets_cell_node (guint col, const char *canonical);
OutlayDecimalStyle sheets_locale_style (const char *locale);
/* The spreadsheet's locale for a new one: the user's, "de_DE" */
char *sheets_user_locale (void);

/* A node holding @object, taking its reference */
JsonNode *sheets_node_take (JsonObject *object);

/* Request bodies */
JsonNode *sheets_create_body (OutlayDocument *document, const char *locale, guint n_lines);
void sheets_add_format_requests (JsonArray *requests,
                                 OutlayDocument *document,
                                 gint64 summary_sheet,
                                 gint64 detail_sheet);
JsonArray *sheets_header_row (void);
/* The Summary tab's cells for @document's sections; rows up to
 * @rows_to_clear past them are emptied */
JsonObject *sheets_summary_cells (OutlayDocument *document,
                                  gint64 summary_sheet,
                                  const char *detail_title,
                                  guint rows_to_clear);
/* What the Summary depends on: the sections' codes and names */
char *sheets_summary_key (OutlayDocument *document);
JsonNode *sheets_first_batch_body (OutlayDocument *document,
                                   gint64 summary_sheet,
                                   gint64 detail_sheet,
                                   GPtrArray *rows); /* char** per line, in order */
JsonObject *sheets_grid_range (gint64 sheet_id, guint r0, guint r1, guint c0, guint c1);
JsonObject *sheets_formula_request (gint64 sheet_id, guint r0, guint r1);
JsonObject *sheets_metadata_request (gint64 sheet_id, guint row, gint64 line_id);
JsonObject *sheets_row_count_request (gint64 sheet_id, guint rows);

G_END_DECLS
