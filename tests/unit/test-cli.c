/* SPDX-License-Identifier: GPL-3.0-or-later */

/* outlay-cli as a script uses it: exit status, stdout, stderr, JSON. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "outlay-decimal.h"
#include "outlay-store.h"
#include "outlay-template.h"
#include "outlay-test-util.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  int   status; /* exit status, or -1 if it did not exit */
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = outlay_test_make_dir ();
  f->db = g_build_filename (f->dir, "cli.db", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  outlay_test_remove_dir (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

/* Runs outlay-cli with @args (NULL-terminated) on the fixture's database,
 * with XDG_DATA_HOME pointing into the fixture so that nothing can touch
 * a real database. */
static void
run_cli (Fixture *f, Result *r, const char *first, ...) G_GNUC_NULL_TERMINATED;

static void
run_cli (Fixture *f, Result *r, const char *first, ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  const char *cli = g_getenv ("OUTLAY_CLI");
  int wait_status = 0;
  va_list args;

  if (cli == NULL)
    g_error ("OUTLAY_CLI is not set; run the tests with meson test");
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", f->dir, TRUE);
  g_ptr_array_add (argv, (gpointer) cli);
  if (first == NULL || !g_str_equal (first, "--version"))
    {
      g_ptr_array_add (argv, (gpointer) "--database");
      g_ptr_array_add (argv, f->db);
    }
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &r->out, &r->err, &wait_status, &error));
  g_assert_no_error (error);
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static OutlayDecimal
amount (JsonObject *o, const char *member)
{
  g_autoptr(GError) error = NULL;
  const char *text = json_object_get_string_member (o, member);
  OutlayDecimal v = 0;

  g_assert_nonnull (text);
  if (!outlay_decimal_parse (text, &v, &error))
    g_error ("%s “%s”: %s", member, text, error->message);
  return v;
}

static OutlayDecimal
sum (OutlayDecimal a, OutlayDecimal b)
{
  OutlayDecimal out = 0;

  g_assert_true (outlay_decimal_add (a, b, &out));
  return out;
}

static void
assert_ok (Result *r)
{
  if (r->status != 0)
    g_error ("outlay-cli exited with %d: %s", r->status, r->err);
}

static void
test_version (Fixture *f, gconstpointer data)
{
  g_auto(Result) r = { 0 };

  run_cli (f, &r, "--version", NULL);
  assert_ok (&r);
  g_assert_cmpstr (r.out, ==, "outlay-cli " PACKAGE_VERSION "\n");
  g_assert_cmpstr (r.out, ==, "outlay-cli 0.1.0\n");
  g_assert_cmpstr (r.err, ==, "");
}

static void
test_list (Fixture *f, gconstpointer data)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(OutlayDocument) sample = outlay_template_build ("sample", NULL, NULL);
  JsonArray *list;
  JsonObject *budget;

  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
  run_cli (f, &r, "list", "--json", NULL);
  assert_ok (&r);
  g_assert_true (g_file_test (f->db, G_FILE_TEST_EXISTS));
  root = parse_json (r.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  list = json_node_get_array (root);
  /* a new database starts with the sample */
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  budget = json_array_get_object_element (list, 0);
  g_assert_cmpint (json_object_get_int_member (budget, "id"), >, 0);
  g_assert_cmpstr (json_object_get_string_member (budget, "name"), ==,
                   outlay_budget_get_name (outlay_document_get_budget (sample)));
  g_assert_cmpstr (json_object_get_string_member (budget, "currency"), ==, "USD");
  g_assert_cmpstr (json_object_get_string_member (budget, "status"), ==, "draft");
  g_assert_cmpint (amount (json_object_get_object_member (budget, "totals"), "estimate"), ==,
                   outlay_document_get_totals (sample)->estimate);
  g_assert_cmpint (amount (json_object_get_object_member (budget, "totals"), "actual"), ==,
                   outlay_document_get_totals (sample)->actual);

  /* a second run finds the same database and does not add the sample again */
  result_clear (&r);
  run_cli (f, &r, "list", NULL);
  assert_ok (&r);
  g_assert_nonnull (strstr (r.out, "Brightwater"));
  g_assert_nonnull (strstr (r.out, "USD"));
  {
    g_auto(GStrv) rows = g_strsplit (g_strchomp (r.out), "\n", -1);

    g_assert_cmpuint (g_strv_length (rows), ==, 1);
  }
}

static void
test_show (Fixture *f, gconstpointer data)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(OutlayDocument) sample = outlay_template_build ("sample", NULL, NULL);
  g_autoptr(GHashTable) est = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) act = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) count = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  OutlayDecimal line_est = 0, line_act = 0;
  JsonObject *doc, *totals;
  JsonArray *sections, *lines;

  run_cli (f, &r, "show", "sample", "--json", NULL);
  assert_ok (&r);
  g_assert_cmpstr (r.err, ==, "");
  root = parse_json (r.out);
  doc = json_node_get_object (root);
  totals = json_object_get_object_member (doc, "totals");
  lines = json_object_get_array_member (doc, "lines");
  sections = json_object_get_array_member (doc, "sections");
  g_assert_cmpuint (json_array_get_length (lines), ==, outlay_document_get_n_lines (sample));

  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonObject *line = json_array_get_object_element (lines, i);
      const char *section = json_object_get_string_member (line, "section");
      OutlayDecimal *e = g_hash_table_lookup (est, section);
      OutlayDecimal *a = g_hash_table_lookup (act, section);

      if (e == NULL)
        {
          e = g_new0 (OutlayDecimal, 1);
          a = g_new0 (OutlayDecimal, 1);
          g_hash_table_insert (est, g_strdup (section), e);
          g_hash_table_insert (act, g_strdup (section), a);
        }
      *e = sum (*e, amount (line, "estimate"));
      *a = sum (*a, amount (line, "actual"));
      g_hash_table_insert (count, g_strdup (section),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (count, section)) + 1));
      line_est = sum (line_est, amount (line, "estimate"));
      line_act = sum (line_act, amount (line, "actual"));
    }
  /* the printed totals are the exact sums of the printed lines */
  g_assert_cmpint (amount (totals, "estimate"), ==, line_est);
  g_assert_cmpint (amount (totals, "actual"), ==, line_act);
  g_assert_cmpint (amount (totals, "variance"), ==, line_est - line_act);
  g_assert_cmpint (line_est, ==, outlay_document_get_totals (sample)->estimate);

  /* sixteen sections A to P, each the sum of its lines */
  g_assert_cmpuint (json_array_get_length (sections), ==, 16);
  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      JsonObject *section = json_array_get_object_element (sections, i);
      char code[2] = { (char) ('A' + i), '\0' };
      OutlayDecimal *e = g_hash_table_lookup (est, code);
      OutlayDecimal *a = g_hash_table_lookup (act, code);

      g_assert_cmpstr (json_object_get_string_member (section, "code"), ==, code);
      g_assert_nonnull (e);
      g_assert_cmpint (amount (section, "estimate"), ==, *e);
      g_assert_cmpint (amount (section, "actual"), ==, *a);
      g_assert_cmpint (json_object_get_int_member (section, "lines"), ==,
                       GPOINTER_TO_UINT (g_hash_table_lookup (count, code)));
    }
  g_assert_cmpuint (g_hash_table_size (est), ==, 16);

  /* the plain form names the budget and its total */
  result_clear (&r);
  run_cli (f, &r, "show", "sample", NULL);
  assert_ok (&r);
  g_assert_true (g_str_has_prefix (r.out, "Sample: Brightwater"));
  g_assert_nonnull (strstr (r.out, json_object_get_string_member (totals, "estimate")));
}

static void
test_new (Fixture *f, gconstpointer data)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *id = NULL;
  JsonObject *doc;
  JsonArray *sections;

  run_cli (f, &r, "new", "Test", "--template", "aicp", "--currency", "EUR", NULL);
  assert_ok (&r);
  g_assert_true (g_regex_match_simple ("^[1-9][0-9]*\n$", r.out, 0, 0));
  id = g_strchomp (g_steal_pointer (&r.out));
  result_clear (&r);

  run_cli (f, &r, "show", id, "--json", NULL);
  assert_ok (&r);
  root = parse_json (r.out);
  doc = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (doc, "name"), ==, "Test");
  g_assert_cmpstr (json_object_get_string_member (doc, "currency"), ==, "EUR");
  g_assert_cmpint (json_object_get_int_member (doc, "id"), ==, g_ascii_strtoll (id, NULL, 10));
  sections = json_object_get_array_member (doc, "sections");
  g_assert_cmpuint (json_array_get_length (sections), ==, 16);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sections, 0),
                                                  "code"), ==, "A");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sections, 15),
                                                  "code"), ==, "P");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (doc, "totals"),
                                                  "estimate"), ==, "0.00");

  /* the sample and the new one */
  result_clear (&r);
  run_cli (f, &r, "list", "--json", NULL);
  assert_ok (&r);
  {
    g_autoptr(JsonNode) list = parse_json (r.out);

    g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 2);
  }
}

/* Amounts with more places than the currency has, and negative ones,
 * must print exactly so that a script's sums match the totals. */
static void
test_show_exact (Fixture *f, gconstpointer data)
{
  const struct { const char *qty, *rate, *actual; } values[] = {
    { "3", "0.3333", "10.0001" },
    { "1", "-5.5", "-0.0001" },
    { "0.5", "0.0003", "0" },
    { "7", "1234.5678", "999.99" },
  };
  g_autoptr(GError) error = NULL;
  g_auto(Result) r = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autofree char *id_text = NULL;
  OutlayDecimal est = 0, act = 0;
  JsonArray *lines;
  JsonObject *totals;
  gint64 id;

  {
    g_autoptr(OutlayStore) store = outlay_store_open (f->db, &error);
    OutlaySection *section;

    g_assert_no_error (error);
    id = outlay_store_create_budget (store, "blank", "Exact", "JPY", &error);
    g_assert_no_error (error);
    doc = outlay_store_load_document (store, id, &error);
    g_assert_no_error (error);
    section = outlay_document_get_section (doc, 0);
    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      {
        OutlayLine *line = outlay_document_insert_line (doc, section, G_MAXUINT, NULL, &error);

        g_assert_no_error (error);
        g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_QUANTITY,
                                                      values[i].qty, &error));
        g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_RATE,
                                                      values[i].rate, &error));
        g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_ACTUAL,
                                                      values[i].actual, &error));
        g_assert_no_error (error);
      }
  }

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  run_cli (f, &r, "show", id_text, "--json", NULL);
  assert_ok (&r);
  root = parse_json (r.out);
  lines = json_object_get_array_member (json_node_get_object (root), "lines");
  totals = json_object_get_object_member (json_node_get_object (root), "totals");
  g_assert_cmpuint (json_array_get_length (lines), ==, G_N_ELEMENTS (values));
  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonObject *line = json_array_get_object_element (lines, i);
      OutlayLine *want = outlay_section_get_line (outlay_document_get_section (doc, 0), i);

      g_assert_cmpint (amount (line, "rate"), ==, outlay_line_get_rate (want));
      g_assert_cmpint (amount (line, "estimate"), ==, outlay_line_get_estimate (want));
      g_assert_cmpint (amount (line, "actual"), ==, outlay_line_get_actual (want));
      est = sum (est, amount (line, "estimate"));
      act = sum (act, amount (line, "actual"));
    }
  g_assert_cmpint (amount (totals, "estimate"), ==, est);
  g_assert_cmpint (amount (totals, "actual"), ==, act);
  g_assert_cmpint (est, ==, outlay_document_get_totals (doc)->estimate);
  /* 0.9999 − 5.5 + 0.00015 → 0.0002 (rounded per line) + 8641.9746 */
  g_assert_cmpstr (json_object_get_string_member (totals, "estimate"), ==, "8637.4747");
  /* yen have no minor unit: whole amounts print without a point, and
   * fractions that are there anyway are not rounded away */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (lines, 2),
                                                  "actual"), ==, "0");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (lines, 3),
                                                  "actual"), ==, "999.99");
}

/* Long names with accents are cut to fit the table on whole characters. */
static void
test_show_utf8 (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_auto(Result) r = { 0 };
  g_autoptr(GString) name = g_string_new ("a");
  g_autofree char *id_text = NULL;
  gint64 id;

  for (guint i = 0; i < 45; i++)
    g_string_append (name, "É");
  {
    g_autoptr(OutlayStore) store = outlay_store_open (f->db, &error);
    g_autoptr(OutlayDocument) doc = NULL;

    g_assert_no_error (error);
    id = outlay_store_create_budget (store, "blank", "Budget été", NULL, &error);
    g_assert_no_error (error);
    doc = outlay_store_load_document (store, id, &error);
    g_assert_no_error (error);
    g_assert_true (outlay_document_update_section (doc, outlay_document_get_section (doc, 0), "É",
                                                   name->str, 0, &error));
    g_assert_no_error (error);
  }
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  run_cli (f, &r, "show", id_text, NULL);
  assert_ok (&r);
  g_assert_true (g_utf8_validate (r.out, -1, NULL));
  g_assert_true (g_str_has_prefix (r.out, "Budget été\n"));
  /* the first 40 characters of the name, then the line count */
  {
    g_autofree char *cut = g_utf8_substring (name->str, 0, 40);
    g_autofree char *row = g_strconcat (" ", cut, "      0 ", NULL);
    g_autofree char *longer = g_utf8_substring (name->str, 0, 41);

    g_assert_nonnull (strstr (r.out, row));
    g_assert_null (strstr (r.out, longer));
  }
  result_clear (&r);
  run_cli (f, &r, "list", NULL);
  assert_ok (&r);
  g_assert_true (g_utf8_validate (r.out, -1, NULL));
  g_assert_nonnull (strstr (r.out, "Budget été"));
}

static guint
count_budgets (Fixture *f)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonNode) list = NULL;

  run_cli (f, &r, "list", "--json", NULL);
  assert_ok (&r);
  list = parse_json (r.out);
  return json_array_get_length (json_node_get_array (list));
}

static void
assert_fails (Result *r, const char *in_message)
{
  g_assert_cmpint (r->status, >, 0);
  g_assert_cmpstr (r->out, ==, "");
  g_assert_true (g_str_has_prefix (r->err, "outlay-cli: "));
  if (in_message != NULL && strstr (r->err, in_message) == NULL)
    g_error ("“%s” is not in the error: %s", in_message, r->err);
}

static void
test_errors (Fixture *f, gconstpointer data)
{
  g_auto(Result) r = { 0 };

  g_assert_cmpuint (count_budgets (f), ==, 1);

  run_cli (f, &r, "show", "nonexistent", NULL);
  assert_fails (&r, "nonexistent");
  result_clear (&r);
  run_cli (f, &r, "show", "nonexistent", "--json", NULL);
  assert_fails (&r, "nonexistent");
  result_clear (&r);

  run_cli (f, &r, "new", NULL);
  assert_fails (&r, "NAME");
  result_clear (&r);
  run_cli (f, &r, "new", "X", "--template", "nope", NULL);
  assert_fails (&r, "--template");
  result_clear (&r);
  run_cli (f, &r, "new", "X", "--template", "sample", NULL);
  assert_fails (&r, "--template");
  result_clear (&r);
  run_cli (f, &r, "new", "X", "--currency", "euro", NULL);
  assert_fails (&r, "--currency");
  result_clear (&r);
  run_cli (f, &r, "frobnicate", NULL);
  assert_fails (&r, "Unknown command “frobnicate”");
  result_clear (&r);
  run_cli (f, &r, NULL, NULL);
  assert_fails (&r, "No command");
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  run_cli (f, &r, "list", "--jsn", NULL);
  assert_fails (&r, "--jsn");
  g_assert_cmpint (r.status, ==, 2); /* a usage error, like the others */
  result_clear (&r);
  run_cli (f, &r, "new", "X", "--database", "", NULL);
  assert_fails (&r, "empty");
  result_clear (&r);

  /* nothing was created by the failed commands */
  g_assert_cmpuint (count_budgets (f), ==, 1);
}

/* "show 3" means budget 3, even when another budget is named "3"; two
 * budgets with the same name are ambiguous, not a guess. */
static void
test_show_id_first (Fixture *f, gconstpointer data)
{
  g_auto(Result) r = { 0 };
  g_autofree char *id = NULL;
  g_autofree char *expected = NULL;

  run_cli (f, &r, "new", "Budget three", NULL);
  g_assert_cmpint (r.status, ==, 0);
  id = g_strstrip (g_strdup (r.out));
  result_clear (&r);
  run_cli (f, &r, "new", id, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  run_cli (f, &r, "show", id, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  expected = g_strdup_printf ("\"id\" : %s,", id);
  g_assert_nonnull (strstr (r.out, expected));
  g_assert_nonnull (strstr (r.out, "Budget three"));
  result_clear (&r);

  run_cli (f, &r, "new", "Dup", NULL);
  result_clear (&r);
  run_cli (f, &r, "new", "Dup", NULL);
  result_clear (&r);
  run_cli (f, &r, "show", "Dup", NULL);
  assert_fails (&r, "several");
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/version", test_version);
  ADD ("/cli/list", test_list);
  ADD ("/cli/show", test_show);
  ADD ("/cli/show-exact", test_show_exact);
  ADD ("/cli/show-utf8", test_show_utf8);
  ADD ("/cli/new", test_new);
  ADD ("/cli/errors", test_errors);
  ADD ("/cli/show-id-first", test_show_id_first);
#undef ADD
  return g_test_run ();
}
