/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Between OutlayWorkbook and its format readers. */

#include <gsf/gsf.h>

#include "outlay-workbook.h"

G_BEGIN_DECLS

typedef struct
{
  char     *name;
  gboolean  hidden;
} OutlayWorkbookSheet;

void outlay_workbook_sheet_free (OutlayWorkbookSheet *sheet);

/* What OutlayWorkbook knows of an open file; a reader fills it in. */
typedef struct
{
  const char         *name;          /* display name of the file, for messages */
  GPtrArray          *sheets;        /* OutlayWorkbookSheet*, the reader appends */
  OutlayDecimalStyle  number_style;  /* CSV sets it; default POINT */
  const char         *encoding;      /* CSV sets it (static string) */
  char                delimiter;     /* CSV sets it */
} OutlayWorkbookInfo;

/* One format. open() returns the reader's state (freed with free()) or
 * NULL with @error set; read_sheet() streams one sheet as documented for
 * outlay_workbook_read_sheet(). Formula cells without a cached value are
 * handed to outlay_formula_eval() by the reader. */
typedef struct
{
  gpointer (*open)       (GsfInput             *input,   /* seekable; xlsx/ods/csv */
                          const char           *path,    /* local file; xls (NULL: use input) */
                          OutlayWorkbookInfo   *info,
                          GCancellable         *cancellable,
                          GError              **error);
  gboolean (*read_sheet) (gpointer              reader,
                          OutlayWorkbookInfo   *info,
                          guint                 sheet,
                          guint                 max_rows,
                          OutlayRowFunc         func,
                          gpointer              user_data,
                          GCancellable         *cancellable,
                          GError              **error);
  void     (*free)       (gpointer              reader);
} OutlayWorkbookFormatClass;

extern const OutlayWorkbookFormatClass outlay_xlsx_format;
extern const OutlayWorkbookFormatClass outlay_ods_format;
extern const OutlayWorkbookFormatClass outlay_xls_format;
extern const OutlayWorkbookFormatClass outlay_csv_format;
/* a format read in the outlay-workbook-reader process */
extern const OutlayWorkbookFormatClass outlay_remote_format;

/* For outlay-workbook-reader: opens @path with the readers in this
 * process; @name is the file's name for messages. */
OutlayWorkbook *
outlay_workbook_open_in_process (const char *path, const char *name, GError **error);
GBytes *outlay_workbook_remote_write (OutlayWorkbook *workbook, const GError *open_error);

G_END_DECLS
