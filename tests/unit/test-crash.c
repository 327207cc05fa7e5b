/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Power cut in the middle of saving a big budget: a child process writes
 * 100,000 lines and is killed with SIGKILL part way through.  The
 * database must come back intact with the whole budget or none of it. */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "outlay-document-sink.h"
#include "outlay-store-private.h"
#include "outlay-store.h"
#include "outlay-test-util.h"

#define N_SECTIONS        10
#define LINES_PER_SECTION 10000
#define N_LINES           (N_SECTIONS * LINES_PER_SECTION)
#define CHILD_ARG         "--crash-child"

static char *self_path;

/* ---- the child ---- */

typedef struct
{
  int      percent; /* report at this share of the rows; < 0 never */
  gboolean reported;
} ChildProgress;

static void
child_progress_cb (guint64 done, guint64 total, gpointer user_data)
{
  ChildProgress *p = user_data;

  if (p->percent < 0 || p->reported || done * 100 < total * (guint64) p->percent)
    return;
  /* tell the parent where we are; wait long enough for the kill to land
   * inside the open transaction, then carry on writing */
  if (write (STDOUT_FILENO, "x", 1) != 1)
    _exit (5);
  p->reported = TRUE;
  g_usleep (G_USEC_PER_SEC / 2);
}

static OutlayDocument *
build_big_document (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayBudget) budget = outlay_budget_new ("Crash test");
  OutlayDocument *doc = outlay_document_new (budget);

  for (guint s = 0; s < N_SECTIONS; s++)
    {
      g_autofree char *code = g_strdup_printf ("S%u", s);
      g_autoptr(OutlaySection) section = outlay_section_new (code, "Section");

      outlay_document_load_section (doc, section);
      for (guint i = 0; i < LINES_PER_SECTION; i++)
        {
          g_autoptr(OutlayLine) line = outlay_line_new ();
          guint k = s * LINES_PER_SECTION + i;

          outlay_line_take_text (line, OUTLAY_LINE_CODE, g_strdup_printf ("%u", k));
          outlay_line_load_text (line, OUTLAY_LINE_DESCRIPTION, "Line written before the crash");
          outlay_line_load_decimal (line, OUTLAY_LINE_RATE, OUTLAY_DECIMAL_FROM_INT (k % 1000));
          outlay_line_load_decimal (line, OUTLAY_LINE_ESTIMATE, OUTLAY_DECIMAL_FROM_INT (k % 1000));
          outlay_line_load_decimal (line, OUTLAY_LINE_ACTUAL, OUTLAY_DECIMAL_ONE);
          outlay_document_load_line (doc, section, line);
        }
    }
  if (!outlay_document_finish_load (doc, &error))
    g_error ("%s", error->message);
  return doc;
}

static int
child_main (const char *path, const char *percent)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = outlay_store_open (path, &error);
  g_autoptr(OutlayDocument) doc = NULL;
  ChildProgress progress = { atoi (percent), FALSE };

  if (store == NULL)
    {
      g_printerr ("child: %s\n", error->message);
      return 3;
    }
  doc = build_big_document ();
  if (!outlay_store_save_new_document (store, doc, child_progress_cb, &progress, NULL, &error))
    {
      g_printerr ("child: %s\n", error->message);
      return 4;
    }
  return 0;
}

/* ---- the parent ---- */

static GPid
spawn_child (const char *path, int percent, int *out_fd)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *percent_text = g_strdup_printf ("%d", percent);
  const char *argv[] = { self_path, CHILD_ARG, path, percent_text, NULL };
  GPid pid = 0;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, out_fd, NULL, &error));
  g_assert_no_error (error);
  return pid;
}

static int
wait_child (GPid pid)
{
  int status = 0;

  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  g_spawn_close_pid (pid);
  return status;
}

/* Opens what the child left, as the app would next time, and checks it
 * holds all of the budget or none of it.  Returns whether it was all. */
static gboolean
check_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = outlay_store_open (path, &error);
  g_autofree char *integrity = NULL;
  sqlite3 *db;
  gint64 budgets, sections, lines;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  db = outlay_store_get_db (store);
  integrity = outlay_test_query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  budgets = outlay_test_query_int (db, "SELECT count(*) FROM budgets");
  sections = outlay_test_query_int (db, "SELECT count(*) FROM sections");
  lines = outlay_test_query_int (db, "SELECT count(*) FROM lines");
  g_test_message ("after the child: %" G_GINT64_FORMAT " budgets, %" G_GINT64_FORMAT
                  " sections, %" G_GINT64_FORMAT " lines", budgets, sections, lines);
  if (lines == 0)
    {
      g_assert_cmpint (budgets, ==, 0);
      g_assert_cmpint (sections, ==, 0);
      g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM audit"), ==, 0);
      return FALSE;
    }
  g_assert_cmpint (lines, ==, N_LINES);
  g_assert_cmpint (budgets, ==, 1);
  g_assert_cmpint (sections, ==, N_SECTIONS);
  {
    gint64 id = outlay_test_query_int (db, "SELECT id FROM budgets");
    OutlayTotals totals;

    g_assert_true (outlay_store_get_budget_totals (store, id, &totals, &error));
    g_assert_no_error (error);
    /* 100 × (0 + 1 + … + 999) and 1.00 a line */
    g_assert_cmpint (totals.estimate, ==, OUTLAY_DECIMAL_FROM_INT (49950000));
    g_assert_cmpint (totals.actual, ==, OUTLAY_DECIMAL_FROM_INT (N_LINES));
    g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM lines WHERE code = '99999'"
                                                " AND position = 9999"), ==, 1);
  }
  return TRUE;
}

static void
test_kill (gconstpointer data)
{
  int percent = GPOINTER_TO_INT (data);
  g_autofree char *dir = outlay_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "crash.db", NULL);
  int out_fd = -1;
  GPid pid = spawn_child (path, percent, &out_fd);
  char byte = 0;
  gssize n;
  int status;
  gboolean complete;

  do
    n = read (out_fd, &byte, 1);
  while (n < 0 && errno == EINTR);
  if (n == 1)
    g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  status = wait_child (pid);
  close (out_fd);
  /* the child reached the kill point rather than failing on its own */
  g_assert_cmpint (n, ==, 1);
  g_assert_cmpint (byte, ==, 'x');
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    GStatBuf st;

    /* how much the child had written (uncommitted) when it died */
    if (g_stat (wal, &st) == 0)
      g_test_message ("killed at %d%%: %" G_GINT64_FORMAT " bytes in the WAL", percent,
                      (gint64) st.st_size);
  }
  complete = check_database (path);
  if (WIFSIGNALED (status) && complete)
    g_test_message ("killed after the commit");
  outlay_test_remove_dir (dir);
}

static void
test_complete (void)
{
  g_autofree char *dir = outlay_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "crash.db", NULL);
  int out_fd = -1;
  GPid pid = spawn_child (path, -1, &out_fd);
  int status = wait_child (pid);
  char byte;

  g_assert_cmpint (read (out_fd, &byte, 1), ==, 0);
  close (out_fd);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_true (check_database (path));
  outlay_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  if (argc == 4 && g_str_equal (argv[1], CHILD_ARG))
    return child_main (argv[2], argv[3]);

  self_path = g_path_is_absolute (argv[0]) ? g_strdup (argv[0])
                                           : g_canonicalize_filename (argv[0], NULL);
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/store/crash/sigkill-mid-write/10", GINT_TO_POINTER (10), test_kill);
  g_test_add_data_func ("/store/crash/sigkill-mid-write/50", GINT_TO_POINTER (50), test_kill);
  g_test_add_data_func ("/store/crash/sigkill-mid-write/90", GINT_TO_POINTER (90), test_kill);
  g_test_add_func ("/store/crash/complete", test_complete);
  return g_test_run ();
}
