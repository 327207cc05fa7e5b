/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Between the xlsx reader's two halves: outlay-xlsx-reader.c reads the
 * parts every sheet needs (workbook, relationships, styles, shared
 * strings) when the file is opened; outlay-xlsx-sheet.c streams a sheet. */

#include "outlay-workbook-private.h"
#include "outlay-workbook-xml.h"

G_BEGIN_DECLS

/* A shared string longer than OUTLAY_WORKBOOK_MAX_CELL_BYTES: its text is
 * dropped, and the first cell showing it fails the read. */
#define XLSX_STRING_TOO_LONG G_MAXUINT32

typedef struct
{
  guint32 offset;  /* in XlsxReader.pool */
  guint32 length;  /* or XLSX_STRING_TOO_LONG */
} XlsxString;

typedef struct
{
  OutlayZip *zip;
  GPtrArray *paths;        /* per sheet: its member, or NULL (a chart sheet) */
  GString   *pool;         /* every shared string, nul-terminated */
  GArray    *strings;      /* XlsxString */
  GArray    *date_styles;  /* guint8 per cellXfs entry: a date format */
  gboolean   date1904;
} XlsxReader;

/* Decodes Excel's _xHHHH_ escapes in place; returns the new length. */
gsize    xlsx_decode_escapes (char       *text,
                              gsize       length);
/* "2025-01-07" or "2025-01-07T09:30:00" for a serial; FALSE when it is
 * no date (negative, past 9999, not a number). @buf holds 32 bytes. */
gboolean xlsx_serial_to_iso  (const char *serial,
                              gboolean    date1904,
                              char       *buf);

gboolean outlay_xlsx_is_spreadsheet (OutlayZip *zip);

gboolean xlsx_read_sheet     (gpointer             reader,
                              OutlayWorkbookInfo  *info,
                              guint                sheet,
                              guint                max_rows,
                              OutlayRowFunc        func,
                              gpointer             user_data,
                              GCancellable        *cancellable,
                              GError             **error);

G_END_DECLS
