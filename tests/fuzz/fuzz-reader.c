/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target for one workbook reader (chosen at build time with
 * -DOUTLAY_FUZZ_FORMAT=outlay_xlsx_format, …): whatever the bytes, the
 * reader returns rows or an error, within its memory limits. */

#include <stdint.h>

#include "outlay-workbook-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static gboolean
count_row (const OutlayRow *row, gpointer user_data, GError **error)
{
  guint64 *cells = user_data;

  /* touch every cell as a consumer would */
  for (guint i = 0; i < row->n_cells; i++)
    *cells += row->cells[i].length + row->cells[i].column;
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const OutlayWorkbookFormatClass *format = &OUTLAY_FUZZ_FORMAT;
  GsfInput *input = gsf_input_memory_new (data, size, FALSE);
  OutlayWorkbookInfo info = {
    .name = "fuzz",
    .sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_workbook_sheet_free),
    .number_style = OUTLAY_DECIMAL_STYLE_POINT,
  };
  gpointer reader = format->open (input, NULL, &info, NULL, NULL);
  guint64 cells = 0;

  if (reader != NULL)
    {
      for (guint i = 0; i < info.sheets->len; i++)
        format->read_sheet (reader, &info, i, 0, count_row, &cells, NULL, NULL);
      format->free (reader);
    }
  g_ptr_array_unref (info.sheets);
  g_object_unref (input);
  return 0;
}
