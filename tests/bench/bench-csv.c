/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How fast the CSV reader streams a big file.
 *
 * Writes a CSV of --rows rows shaped like large_100k.csv (Category, Code,
 * Description, Qty, Unit, Rate, Estimate, Actual; about 5 % of the
 * descriptions quoted because they hold a comma, about 10 % of the actuals
 * empty) into a temporary folder, then per run times:
 *
 *   read     outlay_csv_format: open (sniffing) and every row to a callback
 *   parse    the same, plus outlay_decimal_parse_full() on the four numbers
 *   sqlite3  the sqlite3 shell's `.import --csv FILE t` into :memory:, when
 *            the shell is installed (process start included)
 *
 * and prints the medians and the ratio read ÷ sqlite3. Timings never fail
 * the program; it exits non-zero only when the reader fails or returns the
 * wrong number of rows.
 *
 *   bench-csv [--runs N] [--rows N] [--keep DIR]
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <gsf/gsf.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "outlay-error.h"
#include "outlay-workbook-private.h"

static const char * const categories[] = {
  "Labor", "Equipment", "Travel", "Materials", "Services",
  "Software", "Facilities", "Marketing", "Post-production", "Contingency",
};
static const char * const adjectives[] = { "Weekly", "Senior", "Extra", "Premium", "Daily", "Junior" };
static const char * const things[] = { "permit", "design", "hotel", "flight", "stage", "camera" };
static const char * const items[] = { "lighting", "crew", "monitor", "lumber", "rental", "review" };
static const char * const units[] = { "Weeks", "Months", "Each", "Flat", "Days", "Hours" };

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values, guint n)
{
  if (n == 0)
    return NAN;
  qsort (values, n, sizeof *values, compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* One data line, in cents so that the estimate is exactly qty × rate. */
static void
append_line (GString *out, GRand *rand, guint i)
{
  guint category = g_rand_int_range (rand, 0, G_N_ELEMENTS (categories));
  gint64 qty2 = g_rand_int_range (rand, 2, 800);   /* halves */
  gint64 rate = g_rand_int_range (rand, 1000, 250000);
  gint64 estimate = qty2 * rate / 2;
  gboolean comma = g_rand_int_range (rand, 0, 20) == 0;

  g_string_append_printf (out, "%s,%02u-%06u,%s%s %s %s%s,", categories[category], category, i + 1,
                          comma ? "\"" : "",
                          adjectives[g_rand_int_range (rand, 0, G_N_ELEMENTS (adjectives))],
                          things[g_rand_int_range (rand, 0, G_N_ELEMENTS (things))],
                          items[g_rand_int_range (rand, 0, G_N_ELEMENTS (items))],
                          comma ? ", incl. delivery\"" : "");
  g_string_append_printf (out, "%" G_GINT64_FORMAT "%s,%s,%" G_GINT64_FORMAT ".%02d,"
                          "%" G_GINT64_FORMAT ".%02d,",
                          qty2 / 2, qty2 % 2 ? ".5" : "",
                          units[g_rand_int_range (rand, 0, G_N_ELEMENTS (units))],
                          rate / 100, (int) (rate % 100), estimate / 100, (int) (estimate % 100));
  if (g_rand_int_range (rand, 0, 10) != 0)
    {
      gint64 actual = estimate * g_rand_int_range (rand, 80, 120) / 100;

      g_string_append_printf (out, "%" G_GINT64_FORMAT ".%02d", actual / 100, (int) (actual % 100));
    }
  g_string_append_c (out, '\n');
}

static void
write_csv (const char *path, guint rows)
{
  g_autoptr(GError) error = NULL;
  GString *out = g_string_sized_new (rows * 80 + 64);
  GRand *rand = g_rand_new_with_seed (20250314);

  g_string_append (out, "Category,Code,Description,Qty,Unit,Rate,Estimate,Actual\n");
  for (guint i = 0; i < rows; i++)
    append_line (out, rand, i);
  if (!g_file_set_contents (path, out->str, out->len, &error))
    g_error ("Could not write %s: %s", path, error->message);
  g_print ("%u rows, %.1f MB in %s\n", rows, out->len / 1e6, path);
  g_string_free (out, TRUE);
  g_rand_free (rand);
}

typedef struct
{
  gboolean      parse;
  guint         rows;
  gsize         bytes;
  OutlayDecimal total;
} ReadTally;

static gboolean
tally_row_cb (const OutlayRow *row, gpointer user_data, GError **error)
{
  ReadTally *tally = user_data;

  tally->rows++;
  for (guint i = 0; i < row->n_cells; i++)
    {
      const OutlayCell *cell = &row->cells[i];
      OutlayDecimal value;

      tally->bytes += cell->length;
      if (tally->parse && row->number > 1 && cell->column >= 5
          && outlay_decimal_parse_full (cell->text, cell->length, OUTLAY_DECIMAL_STYLE_POINT,
                                        &value, NULL, NULL))
        tally->total += value;
      else if (tally->parse && row->number > 1 && cell->column == 3)
        outlay_decimal_parse_full (cell->text, cell->length, OUTLAY_DECIMAL_STYLE_POINT, &value, NULL, NULL);
    }
  return TRUE;
}

/* Milliseconds to open @path and read every row; -1 on failure. */
static double
time_read (const char *path, guint expected_rows, gboolean parse)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sheets = g_ptr_array_new ();
  OutlayWorkbookInfo info = { "bench.csv", sheets, OUTLAY_DECIMAL_STYLE_POINT, NULL, 0 };
  ReadTally tally = { parse, 0, 0, 0 };
  gint64 start = g_get_monotonic_time ();
  GsfInput *input = gsf_input_stdio_new (path, &error);
  gpointer reader = input != NULL ? outlay_csv_format.open (input, path, &info, NULL, &error) : NULL;
  gboolean ok = reader != NULL
                && outlay_csv_format.read_sheet (reader, &info, 0, 0, tally_row_cb, &tally, NULL, &error);
  double ms = (g_get_monotonic_time () - start) / 1000.0;

  if (reader != NULL)
    outlay_csv_format.free (reader);
  g_clear_object (&input);
  for (guint i = 0; i < sheets->len; i++)
    {
      OutlayWorkbookSheet *sheet = g_ptr_array_index (sheets, i);

      g_free (sheet->name);
      g_free (sheet);
    }
  if (!ok || tally.rows != expected_rows)
    {
      g_printerr ("Reading failed: %s (%u rows)\n", error != NULL ? error->message : "wrong count", tally.rows);
      return -1;
    }
  return ms;
}

/* Milliseconds for the sqlite3 shell to import @path; NAN without it. */
static double
time_sqlite3 (const char *sqlite3, const char *path)
{
  g_autofree char *command = g_strdup_printf (".import --csv %s t", path);
  const char *argv[] = { sqlite3, ":memory:", command, NULL };
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                     NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("sqlite3 failed: %s\n", error->message);
      return NAN;
    }
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int argc, char *argv[])
{
  int runs = 3, rows = 1000000;
  g_autofree char *keep = NULL;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs to take the median of (3)", "N" },
    { "rows", 0, 0, G_OPTION_ARG_INT, &rows, "Data rows in the file (1,000,000)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Write the file into DIR and keep it", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the CSV reader");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL, *path = NULL, *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autofree double *read_ms = NULL, *parse_ms = NULL, *shell_ms = NULL;
  double read, parse, shell;
  guint n_shell = 0;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1 || rows < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--runs and --rows must be positive");
      return 2;
    }
  dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("outlay-bench-csv-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "bench.csv", NULL);
  write_csv (path, rows);

  read_ms = g_new (double, runs);
  parse_ms = g_new (double, runs);
  shell_ms = g_new (double, runs);
  for (int i = 0; i < runs; i++)
    {
      read_ms[i] = time_read (path, rows + 1, FALSE);
      parse_ms[i] = time_read (path, rows + 1, TRUE);
      if (read_ms[i] < 0 || parse_ms[i] < 0)
        return 1;
      if (sqlite3 != NULL && !isnan (shell_ms[n_shell] = time_sqlite3 (sqlite3, path)))
        n_shell++;
    }
  read = median (read_ms, runs);
  parse = median (parse_ms, runs);
  shell = median (shell_ms, n_shell);
  g_print ("median of %d runs:\n", runs);
  g_print ("  read every row (open + sniff + stream)   %8.1f ms\n", read);
  g_print ("  read + parse the four numbers            %8.1f ms\n", parse);
  if (n_shell > 0)
    {
      g_print ("  sqlite3 :memory: \".import --csv\"         %8.1f ms\n", shell);
      g_print ("  read ÷ sqlite3 import                    %8.2f\n", read / shell);
      g_print ("  read + parse ÷ sqlite3 import            %8.2f\n", parse / shell);
    }
  else
    g_print ("  sqlite3 shell not found: no comparison\n");

  if (keep == NULL)
    {
      g_unlink (path);
      g_rmdir (dir);
    }
  return 0;
}
