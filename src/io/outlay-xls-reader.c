/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-xls-reader"

/* PLACEHOLDER while the reader is written: it refuses every file. */

#include "outlay-error.h"
#include "outlay-workbook-private.h"

static gpointer
placeholder_open (GsfInput *input, const char *path, OutlayWorkbookInfo *info,
                  GCancellable *cancellable, GError **error)
{
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_FAILED, "%s: not readable yet", info->name);
  return NULL;
}

const OutlayWorkbookFormatClass outlay_xls_format = { placeholder_open, NULL, NULL };
