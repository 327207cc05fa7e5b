/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A spreadsheet file read as rows of cells, whatever its format.
 *
 * outlay_workbook_open() looks at the content (not the extension) to pick
 * the reader, reads what it needs to list the sheets (for xlsx: the
 * workbook, styles and shared strings) and keeps it. Each sheet is then
 * streamed row by row to a callback as often as needed, in bounded memory:
 * the readers never hold a whole sheet.
 *
 * Every failure is a GError in OUTLAY_ERROR whose message names the file
 * and, where there is one, the sheet and cell ("budget.xlsx, sheet “Bid
 * Form”, cell F12: …"). Nothing is written anywhere by a reader.
 */

#include <gio/gio.h>

#include "outlay-decimal.h"

G_BEGIN_DECLS

typedef enum
{
  OUTLAY_WORKBOOK_XLSX,
  OUTLAY_WORKBOOK_ODS,
  OUTLAY_WORKBOOK_XLS,
  OUTLAY_WORKBOOK_CSV,
} OutlayWorkbookFormat;

typedef enum
{
  OUTLAY_CELL_EMPTY,
  /* text is the string, valid UTF-8 */
  OUTLAY_CELL_STRING,
  /* text is the number as stored, C locale, e.g. "1447.2999999999999998",
   * "-12.5", "1E-3": parse with outlay_decimal_parse_full (C style) */
  OUTLAY_CELL_NUMBER,
  /* text is "TRUE" or "FALSE" */
  OUTLAY_CELL_BOOLEAN,
  /* a number formatted as a date: text is ISO 8601, "2025-01-07" or
   * "2025-01-07T09:30:00"; number is the spreadsheet serial as stored */
  OUTLAY_CELL_DATE,
  /* text is the error as shown, "#DIV/0!", "#REF!" */
  OUTLAY_CELL_ERROR,
} OutlayCellKind;

typedef struct
{
  guint           column;    /* 0-based: A = 0 */
  OutlayCellKind  kind;
  const char     *text;      /* NUL-terminated; owned by the reader, valid during the callback */
  gsize           length;    /* strlen (text) */
  const char     *number;    /* OUTLAY_CELL_DATE only: the serial as stored, else NULL */
  guint           span;      /* columns this cell covers when merged across (1 if not merged) */
  guint           formula : 1; /* the value came from a formula (cached or evaluated) */
} OutlayCell;

typedef struct
{
  guint             number;   /* 1-based row number as the user sees it in the
                               * spreadsheet; for CSV the physical line on
                               * which the record starts */
  guint             n_cells;
  const OutlayCell *cells;    /* non-empty cells only, ascending column */
} OutlayRow;

/* Return FALSE to stop reading (not an error); set @error and return FALSE
 * to fail the read with that error. */
typedef gboolean (*OutlayRowFunc) (const OutlayRow *row,
                                   gpointer         user_data,
                                   GError         **error);

/* Limits that keep a hostile file from taking the machine. */
#define OUTLAY_WORKBOOK_MAX_CELL_BYTES   (32767 * 4)      /* Excel's 32,767 characters */
#define OUTLAY_WORKBOOK_MAX_INFLATED     (1024 * 1024 * 1024ll) /* a zip's total unpacked size */
#define OUTLAY_WORKBOOK_MAX_RATIO        200              /* unpacked ÷ packed, per member over 1 MB */
#define OUTLAY_WORKBOOK_MAX_COLUMNS      16384
#define OUTLAY_WORKBOOK_MAX_ROWS         (1048576 * 16)

#define OUTLAY_TYPE_WORKBOOK (outlay_workbook_get_type ())

G_DECLARE_FINAL_TYPE (OutlayWorkbook, outlay_workbook, OUTLAY, WORKBOOK, GObject)

OutlayWorkbook       *outlay_workbook_open             (GFile          *file,
                                                        GCancellable   *cancellable,
                                                        GError        **error);
/* For tests and fuzzing: @name is used in messages and, for CSV, nothing else. */
OutlayWorkbook       *outlay_workbook_open_bytes       (GBytes         *bytes,
                                                        const char     *name,
                                                        GError        **error);
OutlayWorkbookFormat  outlay_workbook_get_format       (OutlayWorkbook *self);
/* The file's display name, for messages. */
const char           *outlay_workbook_get_name         (OutlayWorkbook *self);
guint                 outlay_workbook_get_n_sheets     (OutlayWorkbook *self);
const char           *outlay_workbook_get_sheet_name   (OutlayWorkbook *self,
                                                        guint           sheet);
gboolean              outlay_workbook_get_sheet_hidden (OutlayWorkbook *self,
                                                        guint           sheet);
/* CSV: how numbers written as text are grouped ("1.234,56" → OUTLAY_DECIMAL_STYLE_COMMA),
 * sniffed from the file; other formats: OUTLAY_DECIMAL_STYLE_POINT. */
OutlayDecimalStyle    outlay_workbook_get_number_style (OutlayWorkbook *self);
/* CSV: "UTF-8", "UTF-16LE", "UTF-16BE" or "WINDOWS-1252"; else NULL. */
const char           *outlay_workbook_get_encoding     (OutlayWorkbook *self);
/* CSV: ',', ';', '\t' or '|'; else 0. */
char                  outlay_workbook_get_delimiter    (OutlayWorkbook *self);
/* Streams @sheet's rows (at most @max_rows when not 0) to @func. A formula
 * cell without a cached value is evaluated when it is simple (arithmetic,
 * cell references on the same sheet, SUM of ranges); one that cannot be is
 * an OUTLAY_CELL_ERROR "#VALUE!". Thread-safe for one read at a time. */
gboolean              outlay_workbook_read_sheet       (OutlayWorkbook *self,
                                                        guint           sheet,
                                                        guint           max_rows,
                                                        OutlayRowFunc   func,
                                                        gpointer        user_data,
                                                        GCancellable   *cancellable,
                                                        GError        **error);

G_END_DECLS
