/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target for the CSV reader. Besides not crashing (which
 * fuzz-reader.c checks for every format), it checks what the reader
 * promises about the rows it hands out, and aborts when one is broken:
 *  - every text is valid UTF-8, NUL-terminated at @length, not empty, and
 *    no longer than OUTLAY_WORKBOOK_MAX_CELL_BYTES;
 *  - cells are STRING, span 1, in ascending columns under the column limit;
 *  - row numbers go up; a second read gives the same rows;
 *  - a failure is an OUTLAY_ERROR with a message that names the file.
 *
 * Standalone build, from the source root with a configured BUILDDIR:
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined \
 *     -Isrc/core -Isrc/io -IBUILDDIR $(pkg-config --cflags gio-2.0 libgsf-1) \
 *     tests/fuzz/fuzz-csv.c src/io/outlay-csv-reader.c src/core/outlay-error.c \
 *     $(pkg-config --libs gio-2.0 libgsf-1) -o fuzz-csv
 * Add -DOUTLAY_CSV_CHUNK_SIZE=7 to have the reader decode in 7-byte chunks,
 * so that small inputs cut characters and records at chunk edges.
 */

#include <stdint.h>
#include <string.h>

#include "outlay-error.h"
#include "outlay-workbook-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

typedef struct
{
  guint   rows;
  guint   last_number;
  guint64 digest;   /* of every row number, column and text */
} Tally;

static guint64
mix (guint64 digest, guint64 value)
{
  return (digest ^ value) * G_GUINT64_CONSTANT (0x100000001b3);
}

static gboolean
check_row (const OutlayRow *row, gpointer user_data, GError **error)
{
  Tally *tally = user_data;

  g_assert (row->n_cells > 0);
  g_assert (row->number > tally->last_number);
  tally->last_number = row->number;
  tally->digest = mix (tally->digest, row->number);
  for (guint i = 0; i < row->n_cells; i++)
    {
      const OutlayCell *cell = &row->cells[i];

      g_assert (cell->kind == OUTLAY_CELL_STRING && cell->span == 1 && cell->number == NULL);
      g_assert (cell->column < OUTLAY_WORKBOOK_MAX_COLUMNS);
      g_assert (i == 0 || cell->column > row->cells[i - 1].column);
      g_assert (cell->length > 0 && cell->length <= OUTLAY_WORKBOOK_MAX_CELL_BYTES);
      g_assert (strlen (cell->text) == cell->length);
      g_assert (g_utf8_validate (cell->text, cell->length, NULL));
      tally->digest = mix (tally->digest, cell->column);
      for (gsize j = 0; j < cell->length; j++)
        tally->digest = mix (tally->digest, (guint8) cell->text[j]);
    }
  tally->rows++;
  return TRUE;
}

static void
free_sheet (gpointer data)
{
  OutlayWorkbookSheet *sheet = data;

  g_free (sheet->name);
  g_free (sheet);
}

/* Reads sheet 0 into @tally; the error, if any, is checked and dropped. */
static void
read_once (gpointer reader, OutlayWorkbookInfo *info, Tally *tally)
{
  GError *error = NULL;

  memset (tally, 0, sizeof *tally);
  if (!outlay_csv_format.read_sheet (reader, info, 0, 0, check_row, tally, NULL, &error))
    {
      g_assert (error != NULL && error->domain == OUTLAY_ERROR);
      g_assert (strstr (error->message, "fuzz.csv") != NULL);
      tally->digest = mix (tally->digest, error->code);
      g_error_free (error);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GsfInput *input = gsf_input_memory_new (data, size, FALSE);
  OutlayWorkbookInfo info = {
    .name = "fuzz.csv",
    .sheets = g_ptr_array_new_with_free_func (free_sheet),
    .number_style = OUTLAY_DECIMAL_STYLE_POINT,
  };
  GError *error = NULL;
  gpointer reader = outlay_csv_format.open (input, NULL, &info, NULL, &error);

  if (reader != NULL)
    {
      Tally first, second;

      g_assert (info.sheets->len == 1 && info.encoding != NULL);
      g_assert (strchr (",;\t|", info.delimiter) != NULL && info.delimiter != '\0');
      read_once (reader, &info, &first);
      read_once (reader, &info, &second);
      g_assert (first.rows == second.rows && first.digest == second.digest);
      outlay_csv_format.free (reader);
    }
  else
    {
      g_assert (error != NULL && error->domain == OUTLAY_ERROR);
      g_error_free (error);
    }
  g_ptr_array_unref (info.sheets);
  g_object_unref (input);
  return 0;
}
