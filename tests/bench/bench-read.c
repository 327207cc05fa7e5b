/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How fast a big spreadsheet is read.
 *
 * Opens large_100k.xlsx (100,000 rows × 8 columns, shared strings) with
 * OutlayWorkbook and streams every row of its sheet to a callback that
 * touches every cell, --runs times, and prints the median of
 *
 *   open    outlay_workbook_open(): zip directory, workbook, styles,
 *           shared strings
 *   read    outlay_workbook_read_sheet() over the whole sheet
 *   total   both, and the CPU time they took (steadier on a busy machine)
 *   unzip   `unzip -p FILE xl/worksheets/sheet1.xml > /dev/null`, the
 *           floor: only inflating the sheet, no parsing (when unzip exists)
 *
 * It then checks the Estimate column adds up to the total that
 * EXPECTED.json beside the file gives (when there is one).
 * Timings never fail the program; a wrong total does.
 *
 *   bench-read [--runs N] [--file PATH]
 *
 * PATH defaults to $OUTLAY_FIXTURES/large_100k.xlsx, else to the one the
 * build generated (BUILDDIR/tests/fixtures, see tests/fixtures/meson.build).
 */

#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "outlay-workbook.h"

#define ESTIMATE_COLUMN 6

/* The estimate total EXPECTED.json beside @path gives for its file, or NULL. */
static char *
expected_total (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *json = g_build_filename (dir, "EXPECTED.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o;

  if (!json_parser_load_from_file (parser, json, NULL))
    return NULL;
  o = json_node_get_object (json_parser_get_root (parser));
  if (o == NULL || !json_object_has_member (o, base))
    return NULL;
  o = json_object_get_object_member (o, base);
  return o != NULL && json_object_has_member (o, "estimate_total")
         ? g_strdup (json_object_get_string_member (o, "estimate_total")) : NULL;
}

typedef struct
{
  guint64        rows;
  guint64        cells;
  guint64        bytes;
  OutlayDecimal  total;
  gboolean       sum;
} Count;

static gboolean
count_row_cb (const OutlayRow *row, gpointer user_data, GError **error)
{
  Count *count = user_data;

  count->rows++;
  for (guint i = 0; i < row->n_cells; i++)
    {
      const OutlayCell *cell = &row->cells[i];

      count->cells++;
      count->bytes += cell->length;
      if (count->sum && row->number > 1 && cell->column == ESTIMATE_COLUMN)
        {
          OutlayDecimal v;

          if (!outlay_decimal_parse_full (cell->text, (gssize) cell->length,
                                          OUTLAY_DECIMAL_STYLE_POINT, &v, NULL, error))
            return FALSE;
          count->total += v;
        }
    }
  return TRUE;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* CPU time of this process: steadier than the wall clock on a busy machine */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
time_unzip (const char *path)
{
  const char *argv[] = { "unzip", "-p", path, "xl/worksheets/sheet1.xml", NULL };
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    return -1;
  return ms_since (start);
}

static OutlayWorkbook *
open_workbook (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  OutlayWorkbook *wb = outlay_workbook_open (file, NULL, &error);

  if (wb == NULL)
    g_error ("%s", error->message);
  return wb;
}

static void
read_all (OutlayWorkbook *wb, Count *count)
{
  g_autoptr(GError) error = NULL;

  if (!outlay_workbook_read_sheet (wb, 0, 0, count_row_cb, count, NULL, &error))
    g_error ("%s", error->message);
}

int
main (int argc, char **argv)
{
  int runs = 5;
  g_autofree char *path = NULL;
  g_autoptr(GArray) opens = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reads = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) unzips = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpus = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(OutlayWorkbook) wb = NULL;
  g_autofree char *total = NULL;
  g_autofree char *want = NULL;
  Count count = { 0 };
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs (median reported)", "N" },
    { "file", 0, 0, G_OPTION_ARG_FILENAME, &path, "The xlsx to read", "PATH" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time reading a big xlsx");
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (path == NULL)
    {
      const char *dir = g_getenv ("OUTLAY_FIXTURES");

      path = g_build_filename (dir != NULL ? dir : OUTLAY_BUILD_FIXTURES, "large_100k.xlsx", NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_error ("%s is missing: build the project, set OUTLAY_FIXTURES or pass --file", path);
    }
  runs = MAX (runs, 1);

  for (int i = 0; i < runs; i++)
    {
      double cpu_start = cpu_ms ();
      gint64 start = g_get_monotonic_time ();
      g_autoptr(OutlayWorkbook) run_wb = open_workbook (path);
      double t_open = ms_since (start), t_read, t_unzip, t_cpu;

      start = g_get_monotonic_time ();
      memset (&count, 0, sizeof count);
      read_all (run_wb, &count);
      t_read = ms_since (start);
      t_cpu = cpu_ms () - cpu_start;
      g_array_append_val (opens, t_open);
      g_array_append_val (reads, t_read);
      g_array_append_val (cpus, t_cpu);
      t_unzip = time_unzip (path);
      if (t_unzip >= 0)
        g_array_append_val (unzips, t_unzip);
    }

  g_print ("file    %s\n", path);
  g_print ("rows    %" G_GUINT64_FORMAT ", cells %" G_GUINT64_FORMAT ", text %" G_GUINT64_FORMAT " bytes\n",
           count.rows, count.cells, count.bytes);
  g_print ("open    %8.1f ms  (median of %d)\n", median (opens), runs);
  g_print ("read    %8.1f ms\n", median (reads));
  g_print ("total   %8.1f ms  (CPU time %.1f ms)\n", median (opens) + median (reads), median (cpus));
  if (unzips->len > 0)
    g_print ("unzip   %8.1f ms  (unzip -p of the sheet, the floor)\n", median (unzips));
  else
    g_print ("unzip   not found\n");

  wb = open_workbook (path);
  memset (&count, 0, sizeof count);
  count.sum = TRUE;
  read_all (wb, &count);
  total = outlay_decimal_to_string (count.total, 2);
  want = expected_total (path);
  if (want == NULL)
    {
      g_print ("check   estimate total %s (no EXPECTED.json beside the file)\n", total);
      return EXIT_SUCCESS;
    }
  g_print ("check   estimate total %s (expected %s)\n", total, want);
  return g_str_equal (total, want) ? EXIT_SUCCESS : EXIT_FAILURE;
}
