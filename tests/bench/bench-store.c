/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How fast a big budget is written, loaded and edited.
 *
 * Builds a budget of --lines lines (20 sections, realistic values) and,
 * per run, into a fresh database file:
 *
 *   write   outlay_store_save_new_document() (one transaction)
 *   load    outlay_store_load_document() on a new store connection
 *   shell   the sqlite3 shell reading the same rows to /dev/null, and
 *           "SELECT 1" as its process-start baseline
 *   edit    1,000 rate edits on random lines of the loaded document
 *           (estimate recomputed, section and budget totals moved, the
 *           row and its audit rows written), then 1,000 undos
 *   model   the same edits and undos on a document that only lives in
 *           memory (no sink), which is the model and totals cost alone
 *
 * and prints the median over the runs.  Timings never fail the program:
 * machines are noisy.  It exits non-zero only when something does not
 * work (a save, a load, or totals that do not add up).
 *
 *   bench-store [--runs N] [--lines N] [--keep DIR]
 */

#include "config.h"

#include "bench-budget.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "outlay-document-sink.h"
#include "outlay-line-private.h"
#include "outlay-store-private.h"
#include "outlay-store.h"

#define N_SECTIONS BENCH_N_SECTIONS
#define N_EDITS    1000 /* at most the document's undo depth (1,000) */

/* ---- clocks ---- */

/* Macro timings (ms) use g_get_monotonic_time().  One edit can take about
 * a microsecond, below that clock's resolution, so single operations are
 * timed on the same clock (CLOCK_MONOTONIC) in nanoseconds. */
static inline gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Median of @n values; sorts them. */
static double
median (double *values, guint n)
{
  if (n == 0)
    return NAN;
  qsort (values, n, sizeof *values, compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* The 99th percentile of @n values sorted already (nearest rank). */
static double
p99_sorted (const double *values, guint n)
{
  return n > 0 ? values[MIN (n - 1, (guint) ceil (n * 0.99) - 1)] : NAN;
}

static double
mean (const double *values, guint n)
{
  double sum = 0;

  for (guint i = 0; i < n; i++)
    sum += values[i];
  return n > 0 ? sum / n : NAN;
}

/* ---- the metrics, one value per run ---- */

typedef enum
{
  M_WRITE,
  M_OPEN,
  M_LOAD,
  M_SHELL_START,
  M_SHELL_READ,
  M_SHELL_NET,
  M_RAW_STEP,
  M_EDIT_MODEL,
  M_EDIT_MODEL_MEAN,
  M_EDIT_MODEL_P99,
  M_UNDO_MODEL,
  M_UNDO_MODEL_MEAN,
  M_UNDO_MODEL_P99,
  M_EDIT_DB,
  M_EDIT_DB_MEAN,
  M_EDIT_DB_P99,
  M_UNDO_DB,
  M_UNDO_DB_MEAN,
  M_UNDO_DB_P99,
  N_METRICS
} Metric;

/* time_edits() records a median, then its mean and 99th percentile */
G_STATIC_ASSERT (M_EDIT_MODEL_MEAN == M_EDIT_MODEL + 1 && M_EDIT_MODEL_P99 == M_EDIT_MODEL + 2);
G_STATIC_ASSERT (M_UNDO_MODEL_MEAN == M_UNDO_MODEL + 1 && M_UNDO_MODEL_P99 == M_UNDO_MODEL + 2);
G_STATIC_ASSERT (M_EDIT_DB_MEAN == M_EDIT_DB + 1 && M_EDIT_DB_P99 == M_EDIT_DB + 2);
G_STATIC_ASSERT (M_UNDO_DB_MEAN == M_UNDO_DB + 1 && M_UNDO_DB_P99 == M_UNDO_DB + 2);

static const struct
{
  const char *name;
  const char *unit;
} metric_info[N_METRICS] = {
  [M_WRITE]           = { "write: save_new_document (1 transaction)", "ms" },
  [M_OPEN]            = { "open: new store connection", "ms" },
  [M_LOAD]            = { "load: load_document on it", "ms" },
  [M_SHELL_START]     = { "sqlite3 shell: SELECT 1 (process start)", "ms" },
  [M_SHELL_READ]      = { "sqlite3 shell: SELECT * FROM lines", "ms" },
  [M_SHELL_NET]       = { "sqlite3 shell: read − process start", "ms" },
  [M_RAW_STEP]        = { "C API: the load's SELECT, no objects", "ms" },
  [M_EDIT_MODEL]      = { "edit rate + totals, model only, median", "µs" },
  [M_EDIT_MODEL_MEAN] = { "edit rate + totals, model only, mean", "µs" },
  [M_EDIT_MODEL_P99]  = { "edit rate + totals, model only, 99th %", "µs" },
  [M_UNDO_MODEL]      = { "undo, model only, median", "µs" },
  [M_UNDO_MODEL_MEAN] = { "undo, model only, mean", "µs" },
  [M_UNDO_MODEL_P99]  = { "undo, model only, 99th %", "µs" },
  [M_EDIT_DB]         = { "edit rate + totals + SQLite, median", "µs" },
  [M_EDIT_DB_MEAN]    = { "edit rate + totals + SQLite, mean", "µs" },
  [M_EDIT_DB_P99]     = { "edit rate + totals + SQLite, 99th %", "µs" },
  [M_UNDO_DB]         = { "undo + SQLite, median", "µs" },
  [M_UNDO_DB_MEAN]    = { "undo + SQLite, mean", "µs" },
  [M_UNDO_DB_P99]     = { "undo + SQLite, 99th %", "µs" },
};

typedef struct
{
  GArray *values[N_METRICS]; /* of double */
} Results;

static void
record (Results *r, Metric m, double value)
{
  g_array_append_val (r->values[m], value);
}

static gboolean
has (Results *r, Metric m)
{
  return r->values[m]->len > 0;
}

/* The median, or NAN when never measured. */
static double
result (Results *r, Metric m)
{
  g_autofree double *copy = g_memdup2 (r->values[m]->data, r->values[m]->len * sizeof (double));

  return median (copy, r->values[m]->len);
}

static double
result_min (Results *r, Metric m)
{
  double v = INFINITY;

  for (guint i = 0; i < r->values[m]->len; i++)
    v = MIN (v, g_array_index (r->values[m], double, i));
  return v;
}

static double
result_max (Results *r, Metric m)
{
  double v = -INFINITY;

  for (guint i = 0; i < r->values[m]->len; i++)
    v = MAX (v, g_array_index (r->values[m], double, i));
  return v;
}

/* ---- the budget ---- */

typedef struct
{
  OutlayDocument *doc;
  OutlayTotals    totals; /* as built */
  double          mean_description;
} Budget;

static void
budget_clear (Budget *b)
{
  g_clear_object (&b->doc);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Budget, budget_clear)

static void
build_budget (guint n_lines, Budget *out)
{
  guint64 chars = 0;

  out->doc = bench_build_budget (n_lines, &chars);
  out->totals = *outlay_document_get_totals (out->doc);
  out->mean_description = n_lines > 0 ? (double) chars / n_lines : 0;
}

static GPtrArray *
collect_lines (OutlayDocument *doc)
{
  GPtrArray *lines = g_ptr_array_sized_new (outlay_document_get_n_lines (doc));

  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);

      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        g_ptr_array_add (lines, outlay_section_get_line (section, l));
    }
  return lines;
}

static gboolean
totals_equal (const OutlayTotals *a, const OutlayTotals *b)
{
  return a->estimate == b->estimate && a->actual == b->actual && a->committed == b->committed;
}

/* The incremental totals agree with a fresh sum and with @expected. */
static gboolean
check_totals (OutlayDocument *doc, const OutlayTotals *expected, const char *when)
{
  OutlayTotals sum;

  if (!outlay_document_sum_totals (doc, &sum) || !totals_equal (&sum, outlay_document_get_totals (doc)))
    {
      g_printerr ("bench-store: %s: the running totals differ from the sum of the lines\n", when);
      return FALSE;
    }
  if (expected != NULL && !totals_equal (&sum, expected))
    {
      g_printerr ("bench-store: %s: the totals are not what they should be\n", when);
      return FALSE;
    }
  return TRUE;
}

/* ---- edits ---- */

typedef struct
{
  guint         index[N_EDITS]; /* which line */
  OutlayDecimal delta[N_EDITS]; /* added to its rate: 0.01–9.99, never 0 */
} EditPlan;

static void
plan_edits (guint run, guint n_lines, EditPlan *plan)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1000 + run);

  for (guint i = 0; i < N_EDITS; i++)
    {
      plan->index[i] = g_rand_int_range (rand, 0, n_lines);
      plan->delta[i] = (OutlayDecimal) g_rand_int_range (rand, 1, 1000) * 100;
    }
}

/* Runs the planned edits and then undoes them all, timing each; the
 * median, mean and 99th percentile of each go to @r in µs.  Leaves @doc
 * as it found it (the totals are checked). */
static gboolean
time_edits (OutlayDocument *doc, const EditPlan *plan, Results *r, Metric edit_median,
            Metric undo_median)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = collect_lines (doc);
  OutlayTotals before = *outlay_document_get_totals (doc);
  double edit_us[N_EDITS], undo_us[N_EDITS];

  for (guint i = 0; i < N_EDITS; i++)
    {
      OutlayLine *line = g_ptr_array_index (lines, plan->index[i]);
      OutlayDecimal rate = outlay_line_get_rate (line) + plan->delta[i];
      gint64 t0 = now_ns ();
      gboolean ok = outlay_document_set_line_decimal (doc, line, OUTLAY_LINE_RATE, rate, &error);

      edit_us[i] = (now_ns () - t0) / 1000.0;
      if (!ok)
        {
          g_printerr ("bench-store: edit %u failed: %s\n", i, error->message);
          return FALSE;
        }
    }
  if (!check_totals (doc, NULL, "after the edits"))
    return FALSE;
  for (guint i = 0; i < N_EDITS; i++)
    {
      gint64 t0 = now_ns ();
      gboolean ok = outlay_document_undo (doc, &error);

      undo_us[i] = (now_ns () - t0) / 1000.0;
      if (!ok)
        {
          g_printerr ("bench-store: undo %u failed: %s\n", i, error->message);
          return FALSE;
        }
    }
  if (outlay_document_can_undo (doc))
    {
      g_printerr ("bench-store: an edit was left on the undo stack\n");
      return FALSE;
    }
  if (!check_totals (doc, &before, "after undoing every edit"))
    return FALSE;
  /* each median is followed by its mean and 99th percentile in Metric */
  record (r, edit_median + 1, mean (edit_us, N_EDITS));
  record (r, edit_median, median (edit_us, N_EDITS));
  record (r, edit_median + 2, p99_sorted (edit_us, N_EDITS));
  record (r, undo_median + 1, mean (undo_us, N_EDITS));
  record (r, undo_median, median (undo_us, N_EDITS));
  record (r, undo_median + 2, p99_sorted (undo_us, N_EDITS));
  return TRUE;
}

/* ---- the sqlite3 shell ---- */

/* Wall time in ms of running `sqlite3 DB SQL > /dev/null`, or < 0. */
static double
time_shell (const char *sqlite3, const char *db, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { sqlite3, db, sql, NULL };
  int status = 0;
  gint64 t0 = g_get_monotonic_time (), t1;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                     &err, &status, &error))
    {
      g_printerr ("bench-store: could not run %s: %s\n", sqlite3, error->message);
      return -1;
    }
  t1 = g_get_monotonic_time ();
  if (!g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("bench-store: %s \"%s\" failed: %s\n%s", sqlite3, sql, error->message,
                  err != NULL ? err : "");
      return -1;
    }
  return (t1 - t0) / 1000.0;
}

/* What the shell prints for @sql (checks it reads what we wrote). */
static char *
shell_output (const char *sqlite3, const char *db, const char *sql)
{
  const char *argv[] = { sqlite3, db, sql, NULL };
  char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                     NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    {
      g_free (out);
      return NULL;
    }
  return g_strstrip (out);
}

/* ---- the floor: the load's own query through the C API ---- */

/* Wall time in ms of opening @path and stepping through the rows that
 * load_lines() reads, touching every column but building nothing. */
static double
time_raw_step (const char *path, gint64 budget_id, guint n_lines)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 t0 = g_get_monotonic_time (), t1;
  guint64 check = 0;
  guint rows = 0;
  int rc;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (db,
           "SELECT section_id, id, code, description, unit, notes, qty, multiplier, rate, estimate,"
           " estimate_overridden, actual, committed, reserved, import_id FROM lines"
           " WHERE budget_id = ? ORDER BY section_id, position", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_printerr ("bench-store: %s: %s\n", path, db != NULL ? sqlite3_errmsg (db) : "no memory");
      sqlite3_close (db);
      return -1;
    }
  sqlite3_bind_int64 (stmt, 1, budget_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int col = 0; col < 15; col++)
        if (col >= 2 && col <= 5)
          check += sqlite3_column_bytes (stmt, col) + (sqlite3_column_text (stmt, col) != NULL);
        else
          check += (guint64) sqlite3_column_int64 (stmt, col);
      rows++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  t1 = g_get_monotonic_time ();
  if (rc != SQLITE_DONE || rows != n_lines || check == 0)
    {
      g_printerr ("bench-store: stepping %s read %u rows, not %u\n", path, rows, n_lines);
      return -1;
    }
  return (t1 - t0) / 1000.0;
}

/* ---- files ---- */

static void
remove_database (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (p, G_FILE_TEST_EXISTS) && g_unlink (p) != 0)
        g_printerr ("bench-store: could not remove %s\n", p);
    }
}

/* Empties the temporary folder (a failed run leaves its database). */
static void
remove_dir_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_unlink (path) != 0)
        g_printerr ("bench-store: could not remove %s\n", path);
    }
}

/* ---- one run ---- */

static gboolean
run_once (guint run, guint n_lines, const char *dir, gboolean keep, const char *sqlite3,
          Budget *model, Results *r)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("bench-run-%u.db", run + 1);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *read_sql = NULL;
  g_auto(Budget) built = { 0 };
  g_autoptr(OutlayStore) reader = NULL;
  g_autoptr(OutlayDocument) loaded = NULL;
  EditPlan plan;
  gint64 budget_id, t0;

  remove_database (path);
  build_budget (n_lines, &built);

  /* write */
  {
    g_autoptr(OutlayStore) writer = outlay_store_open (path, &error);
    gboolean ok;

    if (writer == NULL)
      {
        g_printerr ("bench-store: %s\n", error->message);
        return FALSE;
      }
    t0 = g_get_monotonic_time ();
    ok = outlay_store_save_new_document (writer, built.doc, NULL, NULL, NULL, &error);
    record (r, M_WRITE, (g_get_monotonic_time () - t0) / 1000.0);
    if (!ok)
      {
        g_printerr ("bench-store: saving failed: %s\n", error->message);
        return FALSE;
      }
    budget_id = outlay_budget_get_id (outlay_document_get_budget (built.doc));
    /* the document keeps the store as its sink; drop both so the last
     * connection closes and checkpoints the WAL into the file */
    budget_clear (&built);
  }

  /* the shell reads the file first, so neither reader warms it for the other */
  read_sql = g_strdup_printf ("SELECT * FROM lines WHERE budget_id=%" G_GINT64_FORMAT, budget_id);
  if (sqlite3 != NULL)
    {
      double start = time_shell (sqlite3, path, "SELECT 1");
      double read = time_shell (sqlite3, path, read_sql);

      if (start < 0 || read < 0)
        return FALSE;
      record (r, M_SHELL_START, start);
      record (r, M_SHELL_READ, read);
      record (r, M_SHELL_NET, read - start);
      if (run == 0)
        {
          g_autofree char *count_sql =
            g_strdup_printf ("SELECT count(*) FROM lines WHERE budget_id=%" G_GINT64_FORMAT, budget_id);
          g_autofree char *count = shell_output (sqlite3, path, count_sql);
          g_autofree char *expected = g_strdup_printf ("%u", n_lines);

          if (g_strcmp0 (count, expected) != 0)
            {
              g_printerr ("bench-store: the shell counts %s lines, not %s\n", count, expected);
              return FALSE;
            }
        }
    }

  /* the same rows through the C API, with nothing built from them */
  {
    double raw = time_raw_step (path, budget_id, n_lines);

    if (raw < 0)
      return FALSE;
    record (r, M_RAW_STEP, raw);
  }

  /* load, on a connection of its own */
  t0 = g_get_monotonic_time ();
  reader = outlay_store_open (path, &error);
  record (r, M_OPEN, (g_get_monotonic_time () - t0) / 1000.0);
  if (reader == NULL)
    {
      g_printerr ("bench-store: %s\n", error->message);
      return FALSE;
    }
  t0 = g_get_monotonic_time ();
  loaded = outlay_store_load_document (reader, budget_id, &error);
  record (r, M_LOAD, (g_get_monotonic_time () - t0) / 1000.0);
  if (loaded == NULL)
    {
      g_printerr ("bench-store: loading failed: %s\n", error->message);
      return FALSE;
    }
  if (outlay_document_get_n_lines (loaded) != n_lines)
    {
      g_printerr ("bench-store: loaded %u lines, not %u\n", outlay_document_get_n_lines (loaded),
                  n_lines);
      return FALSE;
    }
  if (!check_totals (loaded, &model->totals, "after loading"))
    return FALSE;

  /* edits and undos, in memory and then through the store */
  plan_edits (run, n_lines, &plan);
  if (!time_edits (model->doc, &plan, r, M_EDIT_MODEL, M_UNDO_MODEL)
      || !time_edits (loaded, &plan, r, M_EDIT_DB, M_UNDO_DB))
    return FALSE;

  g_clear_object (&loaded);
  g_clear_object (&reader);
  if (!keep)
    remove_database (path);
  return TRUE;
}

/* ---- report ---- */

static void
print_table (Results *r)
{
  /* one value per run (for edits: of its 1,000 operations), then over the runs */
  printf ("\n%-44s %10s %10s %10s\n", "over the runs:", "median", "min", "max");
  for (guint m = 0; m < N_METRICS; m++)
    {
      g_autofree char *label = NULL;

      if (!has (r, m))
        continue;
      label = g_strdup_printf ("%s (%s)", metric_info[m].name, metric_info[m].unit);
      /* pad by characters, not bytes: some labels hold "µ" or "−" */
      printf ("%s%*s %10.3f %10.3f %10.3f\n", label,
              (int) MAX (0, 44 - (glong) g_utf8_strlen (label, -1)), "",
              result (r, m), result_min (r, m), result_max (r, m));
    }
}

static void
print_summary (Results *r, guint n_lines)
{
  double load = result (r, M_LOAD);

  printf ("\nwrite %u lines: %.1f ms (target < 1000 ms)\n", n_lines, result (r, M_WRITE));
  if (has (r, M_SHELL_READ))
    {
      double read = result (r, M_SHELL_READ), net = result (r, M_SHELL_NET);

      printf ("load into document: %.1f ms; sqlite3 shell read: %.1f ms (%.1f ms without process "
              "start) → ratio %.2f× (%.2f× without process start) (target ≤ 3×, < 250 ms)\n",
              load, read, net, load / read, net > 0 ? load / net : NAN);
      printf ("  (for scale: stepping the load's own SELECT through the C API, building nothing: "
              "%.1f ms)\n", result (r, M_RAW_STEP));
    }
  else
    printf ("load into document: %.1f ms; sqlite3 shell read: not measured (no sqlite3) "
            "(target ≤ 3×, < 250 ms)\n", load);
  printf ("edit + totals (model only): %.2f µs; with SQLite write + audit: %.2f µs "
          "(target < 50 µs)\n", result (r, M_EDIT_MODEL), result (r, M_EDIT_DB));
  printf ("undo (model only): %.2f µs; with SQLite: %.2f µs\n", result (r, M_UNDO_MODEL),
          result (r, M_UNDO_DB));
}

/* ---- main ---- */

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *sqlite3 = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *keep = NULL;
  g_auto(Budget) model = { 0 };
  Results results = { { 0 } };
  int runs = 7, n_lines = 100000;
  int status = 0;
  gint64 t0;
  const GOptionEntry entries[] = {
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Runs to take the median of (default 7)", "N" },
    { "lines", 'l', 0, G_OPTION_ARG_INT, &n_lines, "Lines in the budget (default 100000)", "N" },
    { "keep", 'k', 0, G_OPTION_ARG_FILENAME, &keep, "Write the databases to DIR and keep them", "DIR" },
    { NULL }
  };

  /* C numbers ("12.5") and UTF-8 labels printed as they are */
  setlocale (LC_ALL, "C.UTF-8");
  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
    "Times writing, loading, editing and undoing a big Outlay budget, beside the sqlite3 shell.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-store: %s\n", error->message);
      return 2;
    }
  if (runs < 1 || n_lines < 1)
    {
      g_printerr ("bench-store: --runs and --lines must be at least 1\n");
      return 2;
    }

  sqlite3 = g_find_program_in_path ("sqlite3");
  if (sqlite3 == NULL)
    g_printerr ("bench-store: the sqlite3 shell is not in PATH, so the load cannot be compared "
                "with it.\n  Install it (Debian/Ubuntu: sudo apt install sqlite3) and run again.\n");

  if (keep != NULL)
    {
      if (g_mkdir_with_parents (keep, 0700) != 0)
        {
          g_printerr ("bench-store: could not create %s\n", keep);
          return 1;
        }
      dir = g_strdup (keep);
    }
  else if ((dir = g_dir_make_tmp ("outlay-bench-XXXXXX", &error)) == NULL)
    {
      g_printerr ("bench-store: %s\n", error->message);
      return 1;
    }

  for (guint m = 0; m < N_METRICS; m++)
    results.values[m] = g_array_new (FALSE, FALSE, sizeof (double));

  t0 = g_get_monotonic_time ();
  build_budget (n_lines, &model);
  printf ("Outlay store benchmark: %d lines in %u sections, %d runs, %d edits a run\n",
          n_lines, outlay_document_get_n_sections (model.doc), runs, N_EDITS);
  printf ("  mean description %.1f characters; building it in memory took %.1f ms\n",
          model.mean_description, (g_get_monotonic_time () - t0) / 1000.0);
  printf ("  databases in %s%s\n", dir, keep != NULL ? " (kept)" : "");
  printf ("  sqlite3 shell: %s (SQLite library %s)\n", sqlite3 != NULL ? sqlite3 : "missing",
          sqlite3_libversion ());

  for (int run = 0; run < runs; run++)
    {
      printf ("run %d/%d…\n", run + 1, runs);
      fflush (stdout);
      if (!run_once (run, n_lines, dir, keep != NULL, sqlite3, &model, &results))
        {
          status = 1;
          break;
        }
    }

  if (status == 0)
    {
      print_table (&results);
      print_summary (&results, n_lines);
    }

  if (keep == NULL)
    remove_dir_files (dir);
  if (keep == NULL && g_rmdir (dir) != 0)
    g_printerr ("bench-store: could not remove %s\n", dir);
  for (guint m = 0; m < N_METRICS; m++)
    g_array_unref (results.values[m]);
  return status;
}
