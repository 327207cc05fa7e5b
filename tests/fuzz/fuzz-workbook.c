/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target for OutlayWorkbook's real entry, as an import uses it:
 * whatever the bytes, outlay_workbook_open_bytes() picks a reader by
 * content and returns rows or an error.  .xls files go through
 * outlay-workbook-reader in another process (OUTLAY_WORKBOOK_READER), so
 * a crash in libfreexl there must come back as an error here. */

#include <stdint.h>

#include "outlay-workbook.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static gboolean
count_row (const OutlayRow *row, gpointer user_data, GError **error)
{
  guint64 *cells = user_data;

  for (guint i = 0; i < row->n_cells; i++)
    *cells += row->cells[i].length + row->cells[i].column;
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayWorkbook) wb = outlay_workbook_open_bytes (bytes, "fuzz", &error);
  guint64 cells = 0;

  g_assert ((wb == NULL) == (error != NULL));
  for (guint i = 0; wb != NULL && i < outlay_workbook_get_n_sheets (wb); i++)
    {
      g_autoptr(GError) sheet_error = NULL;

      outlay_workbook_read_sheet (wb, i, 0, count_row, &cells, NULL, &sheet_error);
    }
  return 0;
}
