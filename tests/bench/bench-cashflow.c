/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How fast the due schedule and the projected balance are, and how fast
 * the Cash Flow window opens.
 *
 * Builds a database of 8 accounts and --bills bills (500) with a mix of
 * rules: weekly, every two weeks, day N of every month or every third
 * month clamped to the month's end, twice a month, the last business day,
 * the last Friday, yearly.  Per run:
 *
 *   outlay   outlay_cashflow_book_load(): read accounts, bills, snapshots
 *            and occurrence states, expand every rule, project every
 *            account's balance B(t) and future minimum m(t) for five
 *            years ahead, find shortfalls and suggestions
 *   sqlite3  the sqlite3 shell expanding the same rules with a recursive
 *            CTE and computing each account's running balance and future
 *            minimum with window functions (no weekend handling, no
 *            occurrence states, no suggestions), less the shell's start
 *            ("SELECT 1")
 *   window   the Cash Flow window from new to its first painted frame,
 *            when a display is there (run under xvfb-run by meson)
 *
 * and prints the medians and the ratio.  Timings never fail the program;
 * it exits non-zero only when something does not work.
 *
 *   bench-cashflow [--runs N] [--bills N] [--keep DIR]
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <time.h>

#include "outlay-cashflow-json.h"
#include "outlay-cashflow-window.h"
#include "outlay-store-bills.h"
#include "outlay-store-private.h"

#define N_ACCOUNTS 8

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* This thread's CPU time: what the wall clock says less the waits for a
 * core on a busy machine */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
median (double *values, guint n)
{
  if (n == 0)
    return NAN;
  qsort (values, n, sizeof *values, compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

typedef struct
{
  const char *kind; /* for the SQL: days, monthday, lastbiz, lastfri, yearly */
  int n;            /* days between, or months between */
} Shape;

/* One bill: its Outlay rule, and its rows for the SQL expansion */
static void
add_bill (OutlayStore *store, GString *sql, gint64 id, gint64 account, GRand *rand)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayBill) bill = NULL;
  g_autofree char *rule = NULL, *start = NULL;
  int shape = g_rand_int_range (rand, 0, 8);
  int month = g_rand_int_range (rand, 1, 4);
  int day = g_rand_int_range (rand, 1, 32);
  gint64 amount = g_rand_int_range (rand, 5, 400) * 10000;
  gboolean income = g_rand_int_range (rand, 0, 10) == 0;
  const char *kind = "monthday";
  int n = 1, sql_day = 1;
  GDate d;

  g_date_set_dmy (&d, 1, month, 2026);
  switch (shape)
    {
      case 0:
        rule = g_strdup ("FREQ=WEEKLY");
        g_date_add_days (&d, day % 7);
        kind = "days", n = 7;
        break;
      case 1:
        rule = g_strdup ("FREQ=WEEKLY;INTERVAL=2");
        g_date_add_days (&d, day % 14);
        kind = "days", n = 14;
        break;
      case 2:
      case 3:
        n = shape == 2 ? 1 : 3;
        rule = g_strdup_printf (
            "RSCALE=GREGORIAN;SKIP=BACKWARD;FREQ=MONTHLY;INTERVAL=%d;BYMONTHDAY=%d", n, day);
        sql_day = day;
        break;
      case 4:
        rule = g_strdup ("FREQ=MONTHLY;BYMONTHDAY=1,15");
        break;
      case 5:
        rule = g_strdup ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1");
        kind = "lastbiz";
        break;
      case 6:
        rule = g_strdup ("FREQ=MONTHLY;BYDAY=-1FR");
        kind = "lastfri";
        break;
      default:
        rule = g_strdup ("FREQ=YEARLY");
        g_date_add_days (&d, day % 28);
        kind = "yearly";
        break;
    }
  start = outlay_date_to_iso (&d);
  bill = g_object_new (OUTLAY_TYPE_BILL, "payee", "Bill", "account-id", account, "amount", amount,
                       "due-date", start, "recurrence", rule, "income", income, NULL);
  if (!outlay_store_save_bill (store, bill, &error))
    g_error ("%s", error->message);
  amount = income ? amount : -amount;
  g_string_append_printf (sql,
                          "INSERT INTO bench_rules VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                          ", '%s', %d, %d, '%s', %" G_GINT64_FORMAT ");\n",
                          id, account, kind, n, sql_day, start, amount);
  if (shape == 4)
    g_string_append_printf (sql,
                            "INSERT INTO bench_rules VALUES (%" G_GINT64_FORMAT
                            ", %" G_GINT64_FORMAT ", 'monthday', 1, 15, '%s', %" G_GINT64_FORMAT
                            ");\n",
                            id, account, start, amount);
}

static const char *expand_sql =
    "WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < 400),\n"
    "ends AS (SELECT r.*, k.i, date(r.start, 'start of month', '+' || (k.i * r.n + 1) || ' months',"
    " '-1 day') AS e FROM bench_rules r JOIN k ON k.i <= CASE r.kind WHEN 'days' THEN 1900 / r.n"
    " WHEN 'yearly' THEN 6 ELSE 64 / r.n END),\n"
    "occ AS (SELECT bill_id, account_id, amount, CASE kind\n"
    "  WHEN 'days' THEN date(start, '+' || (i * n) || ' days')\n"
    "  WHEN 'monthday' THEN min(date(start, 'start of month', '+' || (i * n) || ' months', '+' ||"
    " (day - 1) || ' days'), e)\n"
    "  WHEN 'lastbiz' THEN date(e, CASE strftime('%w', e) WHEN '6' THEN '-1 days' WHEN '0' THEN"
    " '-2 days' ELSE '+0 days' END)\n"
    "  WHEN 'lastfri' THEN date(e, '-' || ((strftime('%w', e) - 5 + 7) % 7) || ' days')\n"
    "  ELSE date(start, '+' || i || ' years') END AS d FROM ends),\n"
    "bal AS (SELECT account_id, d, sum(amount) OVER (PARTITION BY account_id ORDER BY d, bill_id"
    " ROWS UNBOUNDED PRECEDING) AS b FROM occ WHERE d BETWEEN '2026-03-10' AND '2031-03-10'),\n"
    "fut AS (SELECT account_id, d, b, min(b) OVER (PARTITION BY account_id ORDER BY d DESC"
    " ROWS UNBOUNDED PRECEDING) AS m FROM bal)\n"
    "SELECT count(*), min(m) FROM fut;\n";

static double
run_shell (const char *db, const char *sql, char **out)
{
  g_autoptr (GError) error = NULL;
  const char *argv[] = { "sqlite3", "-bail", db, sql, NULL };
  gint64 t0 = g_get_monotonic_time ();
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out, NULL,
                     &status, &error))
    {
      g_printerr ("bench-cashflow: sqlite3: %s\n", error->message);
      return NAN;
    }
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static gboolean
painted_cb (GdkFrameClock *clock, gpointer loop)
{
  g_main_loop_quit (loop);
  return FALSE;
}

static void
realize_cb (GtkWidget *window, GMainLoop *loop)
{
  GdkFrameClock *clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));

  g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), loop);
}

static double
open_window (OutlayStore *store)
{
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  gint64 t0 = g_get_monotonic_time ();
  OutlayCashflowWindow *window = outlay_cashflow_window_new (NULL, store);
  double ms;

  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), loop);
  gtk_window_present (GTK_WINDOW (window));
  g_main_loop_run (loop);
  ms = (g_get_monotonic_time () - t0) / 1000.0;
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return ms;
}

int
main (int argc, char **argv)
{
  int runs = 5, n_bills = 500;
  g_autofree char *keep = NULL;
  GOptionEntry entries[] = {
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Runs (median reported)", "N" },
    { "bills", 'b', 0, G_OPTION_ARG_INT, &n_bills, "Bills", "N" },
    { "keep", 'k', 0, G_OPTION_ARG_FILENAME, &keep, "Keep the database in DIR", "DIR" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayStore) store = NULL;
  g_autoptr (GString) sql = g_string_new ("CREATE TABLE bench_rules (bill_id, account_id, kind,"
                                          " n, day, start, amount);\n");
  g_autoptr (GRand) rand = g_rand_new_with_seed (15);
  g_autofree char *dir = NULL, *db = NULL, *setup_out = NULL;
  g_autofree double *outlay = NULL, *outlay_cpu = NULL, *shell = NULL, *window = NULL;
  gboolean have_display;
  guint n_items = 0;
  GDate today, to;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();
  dir = keep ? g_strdup (keep) : g_dir_make_tmp ("bench-cashflow-XXXXXX", NULL);
  db = g_build_filename (dir, "cashflow.db", NULL);
  g_remove (db);
  store = outlay_store_open (db, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  for (int i = 0; i < N_ACCOUNTS; i++)
    {
      g_autoptr (OutlayAccount) a = g_object_new (
          OUTLAY_TYPE_ACCOUNT, "name", g_strdup_printf ("Account %d", i + 1), "currency", "EUR",
          "balance", (gint64) 50000000, "balance-date", "2026-01-01", NULL);

      if (!outlay_store_save_account (store, a, &error))
        g_error ("%s", error->message);
    }
  for (int i = 0; i < n_bills; i++)
    add_bill (store, sql, i + 1, 1 + i % N_ACCOUNTS, rand);
  run_shell (db, sql->str, &setup_out);
  g_date_set_dmy (&today, 10, 3, 2026);
  to = today;
  g_date_add_years (&to, 5);
  g_setenv ("OUTLAY_TODAY", "2026-03-10", TRUE);

  outlay = g_new0 (double, runs);
  outlay_cpu = g_new0 (double, runs);
  shell = g_new0 (double, runs);
  window = g_new0 (double, runs);
  for (int r = 0; r < runs; r++)
    {
      g_autofree char *out = NULL, *base_out = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double c0 = cpu_ms ();
      g_autoptr (OutlayCashflowBook)
                     book = outlay_cashflow_book_load (store, &today, &to, &today, &error);
      double base;

      if (book == NULL)
        g_error ("%s", error->message);
      outlay[r] = (g_get_monotonic_time () - t0) / 1000.0;
      outlay_cpu[r] = cpu_ms () - c0;
      n_items = book->schedule->len;
      base = run_shell (db, "SELECT 1;", &base_out);
      shell[r] = run_shell (db, expand_sql, &out) - base;
      if (r == 0)
        g_print ("occurrences: outlay %u, sqlite3 %s", n_items, out ? out : "?\n");
      window[r] = have_display ? open_window (store) : NAN;
    }
  {
    double o = median (outlay, runs), s = median (shell, runs), w = median (window, runs);
    double oc = median (outlay_cpu, runs);

    g_print ("%d bills over %d accounts, five years from 2026-03-10, %d runs (median)\n", n_bills,
             N_ACCOUNTS, runs);
    g_print (
        "  outlay  schedule + projection  %8.1f ms (%.1f ms of CPU: the machine may be shared)\n",
        o, oc);
    g_print ("  sqlite3 recursive CTE + window %8.1f ms (shell start subtracted)\n", s);
    g_print ("  ratio   outlay / sqlite3       %8.2f\n", o / s);
    if (have_display)
      g_print ("  window  Cash Flow open, first frame %8.1f ms (default range)\n", w);
    else
      g_print ("  window  not measured: no display\n");
  }
  g_clear_object (&store);
  if (keep == NULL)
    {
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db, "-shm", NULL);

      g_remove (db);
      g_remove (wal);
      g_remove (shm);
      g_rmdir (dir);
    }
  return 0;
}
