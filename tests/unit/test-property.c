/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Random edits on a budget kept in SQLite: after thousands of inserts,
 * deletes, moves, pastes, undos and redos, the running totals, the sums
 * made afresh, the database and a fresh load must all agree.
 *
 * The seed is printed; OUTLAY_TEST_SEED=<n> repeats a run and
 * OUTLAY_TEST_OPS=<n> changes its length. */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "outlay-error.h"
#include "outlay-store-private.h"
#include "outlay-store.h"
#include "outlay-test-util.h"

#define CHECK_EVERY 500

typedef enum
{
  OP_SET_FIELD,
  OP_INSERT_LINE,
  OP_DELETE_LINES,
  OP_MOVE_LINE,
  OP_PASTE,
  OP_ADD_SECTION,
  OP_RENAME_SECTION,
  OP_MOVE_SECTION,
  OP_DELETE_SECTION,
  OP_UNDO,
  OP_REDO,
  N_OPS
} OpKind;

static const struct
{
  const char *name;
  guint       weight;
} ops[N_OPS] = {
  [OP_SET_FIELD] = { "set field", 38 },
  [OP_INSERT_LINE] = { "insert line", 11 },
  [OP_DELETE_LINES] = { "delete lines", 5 },
  [OP_MOVE_LINE] = { "move line", 9 },
  [OP_PASTE] = { "paste", 6 },
  [OP_ADD_SECTION] = { "add section", 1 },
  [OP_RENAME_SECTION] = { "rename section", 3 },
  [OP_MOVE_SECTION] = { "move section", 1 },
  [OP_DELETE_SECTION] = { "delete section", 1 },
  [OP_UNDO] = { "undo", 17 },
  [OP_REDO] = { "redo", 10 },
};

typedef struct
{
  GRand          *rand;
  OutlayStore    *store;
  OutlayDocument *doc;
  gint64          budget_id;
  guint           done[N_OPS];
  guint           refused;
  guint           serial;
} Run;

static const char *const bad_numbers[] = { "twelve", "1..2", "12abc", "--5", "$", "0x10", "(5" };

static guint
rand_below (Run *run, guint n)
{
  return (guint) g_rand_int_range (run->rand, 0, (gint32) n);
}

static gboolean
chance (Run *run, guint percent)
{
  return rand_below (run, 100) < percent;
}

/* A number as someone would type it; small enough that qty × days × rate
 * over a few thousand lines stays far from the limits. */
static char *
random_number (Run *run)
{
  int sign = chance (run, 15) ? -1 : 1;

  switch (rand_below (run, 6))
    {
    case 0:
      return g_strdup_printf ("%d", sign * (int) rand_below (run, 1000));
    case 1:
      return g_strdup_printf ("%s%u.%02u", sign < 0 ? "-" : "", rand_below (run, 500),
                              rand_below (run, 100));
    case 2:
      return g_strdup_printf ("%u,%03u.%u", 1 + rand_below (run, 9), rand_below (run, 1000),
                              rand_below (run, 10));
    case 3:
      return g_strdup_printf ("%u%%", rand_below (run, 200));
    case 4:
      return g_strdup_printf ("%s0.%04u", sign < 0 ? "-" : "", rand_below (run, 10000));
    default:
      return g_strdup_printf ("%u", rand_below (run, 20));
    }
}

static char *
random_word (Run *run)
{
  static const char *const words[] = {
    "Gaffer", "Grip", "Catering", "Van", "Hotel", "Permit", "Edit", "Grade", "Crew", "Mix",
  };

  return g_strdup_printf ("%s %u", words[rand_below (run, G_N_ELEMENTS (words))],
                          run->serial++);
}

static OutlaySection *
random_section (Run *run)
{
  guint n = outlay_document_get_n_sections (run->doc);

  return n > 0 ? outlay_document_get_section (run->doc, rand_below (run, n)) : NULL;
}

static OutlayLine *
random_line (Run *run)
{
  guint n = outlay_document_get_n_lines (run->doc);
  guint k;

  if (n == 0)
    return NULL;
  k = rand_below (run, n);
  for (guint s = 0; s < outlay_document_get_n_sections (run->doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (run->doc, s);

      if (k < outlay_section_get_n_lines (section))
        return outlay_section_get_line (section, k);
      k -= outlay_section_get_n_lines (section);
    }
  g_assert_not_reached ();
}

/* Runs one edit.  An edit that is expected to be refused must fail with
 * @expected_code and change nothing; any other failure is a bug. */
static void
expect (Run *run, OpKind kind, gboolean ok, GError **perror, int expected_code, const char *before)
{
  GError *error = *perror;

  if (ok)
    {
      g_assert_no_error (error);
      g_assert_cmpint (expected_code, <, 0);
      run->done[kind]++;
      return;
    }
  if (error == NULL)
    g_error ("%s failed without saying why", ops[kind].name);
  if (expected_code < 0)
    g_error ("%s failed: %s", ops[kind].name, error->message);
  g_assert_error (error, OUTLAY_ERROR, expected_code);
  if (before != NULL)
    {
      g_autofree char *after = outlay_test_describe (run->doc);

      g_assert_cmpstr (after, ==, before);
    }
  run->refused++;
}

static void
op_set_field (Run *run)
{
  static const OutlayLineField decimals[] = {
    OUTLAY_LINE_QUANTITY, OUTLAY_LINE_MULTIPLIER, OUTLAY_LINE_RATE, OUTLAY_LINE_ESTIMATE,
    OUTLAY_LINE_ACTUAL, OUTLAY_LINE_COMMITTED, OUTLAY_LINE_RESERVED,
  };
  static const OutlayLineField texts[] = {
    OUTLAY_LINE_CODE, OUTLAY_LINE_DESCRIPTION, OUTLAY_LINE_UNIT, OUTLAY_LINE_NOTES,
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  OutlayLine *line = random_line (run);
  OutlayLineField field;
  int expected = -1;
  gboolean ok;

  if (line == NULL)
    return;
  if (chance (run, 12))
    {
      field = texts[rand_below (run, G_N_ELEMENTS (texts))];
      text = chance (run, 15) ? g_strdup ("") : random_word (run);
    }
  else
    {
      field = decimals[rand_below (run, G_N_ELEMENTS (decimals))];
      if (chance (run, 8))
        {
          text = g_strdup (bad_numbers[rand_below (run, G_N_ELEMENTS (bad_numbers))]);
          expected = OUTLAY_ERROR_INVALID_NUMBER;
        }
      else if (chance (run, 8))
        text = g_strdup ("");
      else
        text = random_number (run);
    }
  if (expected >= 0)
    before = outlay_test_describe (run->doc);
  ok = outlay_document_set_line_text (run->doc, line, field, text, &error);
  expect (run, OP_SET_FIELD, ok, &error, expected, before);
}

static void
op_insert_line (Run *run)
{
  g_autoptr(GError) error = NULL;
  OutlaySection *section = random_section (run);
  OutlayLine *line;

  if (section == NULL)
    return;
  line = outlay_document_insert_line (run->doc, section,
                                      rand_below (run, outlay_section_get_n_lines (section) + 2),
                                      NULL, &error);
  expect (run, OP_INSERT_LINE, line != NULL, &error, -1, NULL);
  g_assert_true (outlay_line_get_section (line) == section);
  g_assert_cmpint (outlay_line_get_id (line), >, 0);
}

static void
op_delete_lines (Run *run)
{
  g_autoptr(GError) error = NULL;
  OutlayLine *lines[3];
  guint n = 1 + rand_below (run, 3);
  guint n_before = outlay_document_get_n_lines (run->doc);
  guint distinct = 0;

  if (n_before < 3)
    return;
  for (guint i = 0; i < n; i++)
    {
      gboolean seen = FALSE;

      lines[i] = random_line (run);
      for (guint j = 0; j < i; j++)
        seen |= lines[j] == lines[i];
      distinct += !seen;
    }
  expect (run, OP_DELETE_LINES, outlay_document_delete_lines (run->doc, lines, n, &error), &error,
          -1, NULL);
  g_assert_cmpuint (outlay_document_get_n_lines (run->doc), ==, n_before - distinct);
}

static void
op_move_line (Run *run)
{
  g_autoptr(GError) error = NULL;
  OutlayLine *line = random_line (run);
  OutlaySection *to = random_section (run);
  guint index;

  if (line == NULL)
    return;
  index = rand_below (run, outlay_section_get_n_lines (to) + 1);
  expect (run, OP_MOVE_LINE, outlay_document_move_line (run->doc, line, to, index, &error), &error,
          -1, NULL);
  g_assert_true (outlay_line_get_section (line) == to);
}

/* A cell for a TSV block, quoted when it holds a tab, newline or quote. */
static void
append_cell (GString *tsv, const char *text)
{
  if (strpbrk (text, "\t\n\"") == NULL)
    {
      g_string_append (tsv, text);
      return;
    }
  g_string_append_c (tsv, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (tsv, '"');
      g_string_append_c (tsv, *p);
    }
  g_string_append_c (tsv, '"');
}

static void
op_paste (Run *run)
{
  static const OutlayLineField columns[] = {
    OUTLAY_LINE_CODE, OUTLAY_LINE_DESCRIPTION, OUTLAY_LINE_QUANTITY, OUTLAY_LINE_MULTIPLIER,
    OUTLAY_LINE_RATE, OUTLAY_LINE_ACTUAL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) tsv = g_string_new (NULL);
  g_autofree char *before = NULL;
  OutlaySection *section = random_section (run);
  guint n_rows = 1 + rand_below (run, 4);
  guint first = rand_below (run, G_N_ELEMENTS (columns) - 1);
  const char *eol = chance (run, 50) ? "\r\n" : "\n";
  int expected = -1;
  guint start;

  if (section == NULL)
    return;
  for (guint r = 0; r < n_rows; r++)
    {
      for (guint c = first; c < G_N_ELEMENTS (columns); c++)
        {
          g_autofree char *cell = NULL;

          if (c > first)
            g_string_append_c (tsv, '\t');
          if (!outlay_line_field_is_decimal (columns[c]))
            cell = chance (run, 10) ? g_strdup_printf ("say \"%u\"\tnow\nplease", run->serial++)
                                    : random_word (run);
          else if (chance (run, 2))
            {
              cell = g_strdup ("twelve");
              expected = OUTLAY_ERROR_INVALID_NUMBER;
            }
          else
            cell = random_number (run);
          append_cell (tsv, cell);
        }
      if (r + 1 < n_rows || chance (run, 70))
        g_string_append (tsv, eol);
    }
  if (expected >= 0)
    before = outlay_test_describe (run->doc);
  start = rand_below (run, outlay_section_get_n_lines (section) + 1);
  expect (run, OP_PASTE,
          outlay_document_paste (run->doc, section, start, columns + first,
                                 G_N_ELEMENTS (columns) - first, tsv->str, &error),
          &error, expected, before);
}

static void
op_add_section (Run *run)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = g_strdup_printf ("S%u", run->serial++);
  g_autofree char *name = random_word (run);
  OutlaySection *section;

  section = outlay_document_add_section (run->doc,
                                         rand_below (run, outlay_document_get_n_sections (run->doc) + 1),
                                         code, name, &error);
  expect (run, OP_ADD_SECTION, section != NULL, &error, -1, NULL);
  g_assert_cmpint (outlay_section_get_id (section), >, 0);
}

static void
op_rename_section (Run *run)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = g_strdup_printf ("R%u", run->serial++);
  g_autofree char *name = random_word (run);
  OutlaySection *section = random_section (run);

  if (section == NULL)
    return;
  expect (run, OP_RENAME_SECTION,
          outlay_document_update_section (run->doc, section, code, name,
                                          OUTLAY_DECIMAL_FROM_INT (rand_below (run, 40)), &error),
          &error, -1, NULL);
  g_assert_cmpstr (outlay_section_get_code (section), ==, code);
}

static void
op_move_section (Run *run)
{
  g_autoptr(GError) error = NULL;
  OutlaySection *section = random_section (run);

  if (section == NULL)
    return;
  expect (run, OP_MOVE_SECTION,
          outlay_document_move_section (run->doc, section,
                                        rand_below (run, outlay_document_get_n_sections (run->doc)),
                                        &error),
          &error, -1, NULL);
}

static void
op_delete_section (Run *run)
{
  g_autoptr(GError) error = NULL;

  if (outlay_document_get_n_sections (run->doc) < 12)
    return;
  expect (run, OP_DELETE_SECTION,
          outlay_document_delete_section (run->doc, random_section (run), &error), &error, -1,
          NULL);
}

static void
op_undo_redo (Run *run, gboolean undo)
{
  g_autoptr(GError) error = NULL;

  if (undo ? !outlay_document_can_undo (run->doc) : !outlay_document_can_redo (run->doc))
    return;
  if (undo)
    expect (run, OP_UNDO, outlay_document_undo (run->doc, &error), &error, -1, NULL);
  else
    expect (run, OP_REDO, outlay_document_redo (run->doc, &error), &error, -1, NULL);
}

static OpKind
pick_op (Run *run)
{
  guint total = 0, k;

  for (guint i = 0; i < N_OPS; i++)
    total += ops[i].weight;
  k = rand_below (run, total);
  for (guint i = 0; i < N_OPS; i++)
    {
      if (k < ops[i].weight)
        return i;
      k -= ops[i].weight;
    }
  g_assert_not_reached ();
}

static void
run_op (Run *run, OpKind kind)
{
  switch (kind)
    {
    case OP_SET_FIELD: op_set_field (run); break;
    case OP_INSERT_LINE: op_insert_line (run); break;
    case OP_DELETE_LINES: op_delete_lines (run); break;
    case OP_MOVE_LINE: op_move_line (run); break;
    case OP_PASTE: op_paste (run); break;
    case OP_ADD_SECTION: op_add_section (run); break;
    case OP_RENAME_SECTION: op_rename_section (run); break;
    case OP_MOVE_SECTION: op_move_section (run); break;
    case OP_DELETE_SECTION: op_delete_section (run); break;
    case OP_UNDO: op_undo_redo (run, TRUE); break;
    case OP_REDO: op_undo_redo (run, FALSE); break;
    default: g_assert_not_reached ();
    }
}

/* The integer @sql returns, with every ? bound to the budget's id. */
static gint64
query_budget_int (Run *run, const char *sql)
{
  sqlite3 *db = outlay_store_get_db (run->store);
  sqlite3_stmt *stmt = NULL;
  gint64 v = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  for (int i = 1; i <= sqlite3_bind_parameter_count (stmt); i++)
    sqlite3_bind_int64 (stmt, i, run->budget_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

/* The running sums against fresh sums and against SQLite; the rows'
 * positions form 0…n−1 in every section. */
static void
check (Run *run, guint n_done)
{
  g_autoptr(GError) error = NULL;
  OutlayTotals db_totals;

  outlay_test_assert_totals_consistent (run->doc);
  g_assert_true (outlay_store_get_budget_totals (run->store, run->budget_id, &db_totals, &error));
  g_assert_no_error (error);
  outlay_test_assert_totals_equal (&db_totals, outlay_document_get_totals (run->doc));
  g_assert_cmpint (query_budget_int (run, "SELECT count(*) FROM lines WHERE budget_id = ?"),
                   ==, outlay_document_get_n_lines (run->doc));
  g_assert_cmpint (query_budget_int (run, "SELECT count(*) FROM sections WHERE budget_id = ?"),
                   ==, outlay_document_get_n_sections (run->doc));
  g_assert_cmpint (query_budget_int (run,
                     "SELECT count(*) FROM (SELECT section_id, count(*) AS n,"
                     " count(DISTINCT position) AS d, min(position) AS lo, max(position) AS hi"
                     " FROM lines WHERE budget_id = ? GROUP BY section_id)"
                     " WHERE n != d OR lo != 0 OR hi != n - 1"), ==, 0);
  g_assert_cmpint (query_budget_int (run,
                     "SELECT count(DISTINCT position) = count(*) AND min(position) = 0"
                     " AND max(position) = count(*) - 1 FROM sections WHERE budget_id = ?"), ==, 1);
  for (guint s = 0; s < outlay_document_get_n_sections (run->doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (run->doc, s);
      g_autofree char *sql = NULL;

      /* estimates nobody typed follow qty × days × rate */
      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        {
          OutlayLine *line = outlay_section_get_line (section, l);
          OutlayDecimal qm, formula;

          if (outlay_line_get_estimate_overridden (line))
            continue;
          g_assert_true (outlay_decimal_mul (outlay_line_get_quantity (line),
                                             outlay_line_get_multiplier (line), &qm));
          g_assert_true (outlay_decimal_mul (qm, outlay_line_get_rate (line), &formula));
          g_assert_cmpint (outlay_line_get_estimate (line), ==, formula);
        }
      sql = g_strdup_printf (
        "SELECT coalesce(sum(estimate), 0) FROM lines WHERE section_id = %" G_GINT64_FORMAT,
        outlay_section_get_id (section));

      /* the section's estimate is its lines' plus its fringe */
      g_assert_cmpint (outlay_test_query_int (outlay_store_get_db (run->store), sql), ==,
                       outlay_section_get_lines_estimate (section));
    }
  g_test_message ("after %u operations: %u sections, %u lines", n_done,
                  outlay_document_get_n_sections (run->doc),
                  outlay_document_get_n_lines (run->doc));
}

/* What the database holds, read back on a new connection. */
static void
check_reload (Run *run, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = outlay_store_open (path, &error);
  g_autoptr(OutlayDocument) loaded = NULL;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;

  g_assert_no_error (error);
  loaded = outlay_store_load_document (store, run->budget_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpuint (outlay_document_get_n_sections (loaded), ==,
                    outlay_document_get_n_sections (run->doc));
  g_assert_cmpuint (outlay_document_get_n_lines (loaded), ==,
                    outlay_document_get_n_lines (run->doc));
  for (guint s = 0; s < outlay_document_get_n_sections (loaded); s++)
    {
      OutlaySection *a = outlay_document_get_section (run->doc, s);
      OutlaySection *b = outlay_document_get_section (loaded, s);

      g_assert_cmpint (outlay_section_get_id (b), ==, outlay_section_get_id (a));
      for (guint l = 0; l < outlay_section_get_n_lines (b); l++)
        g_assert_cmpint (outlay_line_get_id (outlay_section_get_line (b, l)), ==,
                         outlay_line_get_id (outlay_section_get_line (a, l)));
    }
  /* codes, names, order and every value of every line */
  want = outlay_test_describe (run->doc);
  got = outlay_test_describe (loaded);
  g_assert_cmpstr (got, ==, want);
  outlay_test_assert_totals_consistent (loaded);
}

static guint
env_uint (const char *name, guint fallback)
{
  const char *v = g_getenv (name);

  return v != NULL && *v != '\0' ? (guint) strtoul (v, NULL, 10) : fallback;
}

static void
test_random_edits (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = outlay_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "property.db", NULL);
  g_autofree char *integrity = NULL;
  guint32 seed = env_uint ("OUTLAY_TEST_SEED", g_random_int ());
  guint n_ops = env_uint ("OUTLAY_TEST_OPS", 10000);
  Run run = { 0 };

  g_test_message ("seed %u (OUTLAY_TEST_SEED=%u repeats this run)", seed, seed);
  run.rand = g_rand_new_with_seed (seed);
  run.store = outlay_store_open (path, &error);
  g_assert_no_error (error);
  run.budget_id = outlay_store_create_budget (run.store, "sample", NULL, NULL, &error);
  g_assert_no_error (error);
  run.doc = outlay_store_load_document (run.store, run.budget_id, &error);
  g_assert_no_error (error);
  check (&run, 0);

  for (guint i = 1; i <= n_ops; i++)
    {
      run_op (&run, pick_op (&run));
      if (i % CHECK_EVERY == 0 || i == n_ops)
        check (&run, i);
    }
  for (guint k = 0; k < N_OPS; k++)
    {
      g_test_message ("%-15s %u", ops[k].name, run.done[k]);
      /* every kind of operation really ran, in a run of any length */
      if (n_ops >= 2000)
        g_assert_cmpuint (run.done[k], >, 0);
    }
  g_test_message ("refused as expected: %u", run.refused);

  check_reload (&run, path);
  integrity = outlay_test_query_text (outlay_store_get_db (run.store), "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (outlay_test_query_int (outlay_store_get_db (run.store),
                                          "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  g_object_unref (run.doc);
  g_object_unref (run.store);
  g_rand_free (run.rand);
  outlay_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/property/random-edits", test_random_edits);
  return g_test_run ();
}
