/* SPDX-License-Identifier: GPL-3.0-or-later */

/* outlay-cli as a script uses it: exit status, stdout, stderr, JSON. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "outlay-decimal.h"
#include "outlay-model-enum-types.h"
#include "outlay-store-private.h"
#include "outlay-store.h"
#include "outlay-template.h"
#include "outlay-test-cli.h"

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
  OutlayDecimal line_est = 0, line_act = 0, fringes = 0;
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
  /* sixteen sections A to P, each the sum of its lines plus its fringe */
  g_assert_cmpuint (json_array_get_length (sections), ==, 16);
  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      JsonObject *section = json_array_get_object_element (sections, i);
      char code[2] = { (char) ('A' + i), '\0' };
      OutlayDecimal *e = g_hash_table_lookup (est, code);
      OutlayDecimal *a = g_hash_table_lookup (act, code);

      g_assert_cmpstr (json_object_get_string_member (section, "code"), ==, code);
      g_assert_nonnull (e);
      g_assert_cmpint (amount (section, "estimate"), ==, sum (*e, amount (section, "fringe")));
      fringes = sum (fringes, amount (section, "fringe"));
      g_assert_cmpint (amount (section, "actual"), ==, *a);
      g_assert_cmpint (json_object_get_int_member (section, "lines"), ==,
                       GPOINTER_TO_UINT (g_hash_table_lookup (count, code)));
    }
  g_assert_cmpuint (g_hash_table_size (est), ==, 16);

  /* the printed totals are the exact sums of the printed lines and fringes */
  g_assert_cmpint (amount (totals, "fringe"), ==, fringes);
  g_assert_cmpint (amount (totals, "estimate"), ==, line_est + fringes);
  g_assert_cmpint (amount (totals, "actual"), ==, line_act);
  g_assert_cmpint (amount (totals, "variance"), ==, line_est + fringes - line_act);
  g_assert_cmpint (line_est + fringes, ==, outlay_document_get_totals (sample)->estimate);

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

static char *
show_total (Fixture *f, const char *budget)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonNode) root = NULL;

  run_cli (f, &r, "show", budget, "--json", NULL);
  assert_ok (&r);
  root = parse_json (r.out);
  return g_strdup (json_object_get_string_member (
    json_object_get_object_member (json_node_get_object (root), "totals"), "estimate"));
}

static void
assert_json_change (JsonArray *changed, guint i, const char *section, const char *code,
                    const char *field, const char *from, const char *to)
{
  JsonObject *c;

  g_assert_cmpuint (i, <, json_array_get_length (changed));
  c = json_array_get_object_element (changed, i);
  g_assert_cmpstr (json_object_get_string_member (c, "section"), ==, section);
  g_assert_cmpstr (json_object_get_string_member (c, "code"), ==, code);
  g_assert_cmpstr (json_object_get_string_member (c, "field"), ==, field);
  g_assert_cmpstr (json_object_get_string_member (c, "from"), ==, from);
  g_assert_cmpstr (json_object_get_string_member (c, "to"), ==, to);
}

static void
assert_json_totals (JsonObject *o, const char *from, const char *to)
{
  JsonObject *t = json_object_get_object_member (o, "totals");

  g_assert_cmpstr (json_object_get_string_member (t, "from"), ==, from);
  g_assert_cmpstr (json_object_get_string_member (t, "to"), ==, to);
  g_assert_cmpint (amount (t, "delta"), ==, amount (t, "to") - amount (t, "from"));
}

static JsonNode *
compare (Fixture *f, const char *v1, const char *v2)
{
  g_auto(Result) r = { 0 };

  if (v2 != NULL)
    run_cli (f, &r, "compare", "sample", v1, v2, "--json", NULL);
  else
    run_cli (f, &r, "compare", "sample", v1, "--json", NULL);
  assert_ok (&r);
  return parse_json (r.out);
}

static gint64
audit_count (Fixture *f, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = outlay_store_open (f->db, &error);

  g_assert_no_error (error);
  return outlay_test_query_int (outlay_store_get_db (store), sql);
}

/* version, versions, set and compare as a script uses them. */
static void
test_versions (Fixture *f, gconstpointer data)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *bid_id = NULL;
  g_autofree char *bid_total = show_total (f, "sample");
  g_autofree char *awarded_total = NULL;
  JsonArray *list;
  JsonObject *o;

  run_cli (f, &r, "version", "sample", "--save", "Bid", "--note", "first bid", NULL);
  assert_ok (&r);
  g_assert_true (g_regex_match_simple ("^[1-9][0-9]*\n$", r.out, 0, 0));
  bid_id = g_strchomp (g_steal_pointer (&r.out));
  result_clear (&r);

  /* through the document, as typing in the cell: recomputed and audited */
  run_cli (f, &r, "set", "sample", "--line", "1", "--field", "rate", "--value", "900", NULL);
  assert_ok (&r);
  g_assert_nonnull (strstr (r.out, "rate: 850.00 → 900.00"));
  g_assert_nonnull (strstr (r.out, "6800.00 → 7200.00"));
  result_clear (&r);
  g_assert_cmpint (audit_count (f, "SELECT count(*) FROM audit WHERE entity = 'line'"
                               " AND field = 'rate' AND old_value = '850' AND new_value = '900'"),
                   ==, 1);
  awarded_total = show_total (f, "sample");
  g_assert_cmpstr (awarded_total, !=, bid_total);

  run_cli (f, &r, "version", "sample", "--save", "Awarded", NULL);
  assert_ok (&r);
  result_clear (&r);

  run_cli (f, &r, "versions", "sample", "--json", NULL);
  assert_ok (&r);
  root = parse_json (r.out);
  list = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (list), ==, 2);
  o = json_array_get_object_element (list, 0);
  g_assert_cmpint (json_object_get_int_member (o, "id"), ==, g_ascii_strtoll (bid_id, NULL, 10));
  g_assert_cmpstr (json_object_get_string_member (o, "name"), ==, "Bid");
  g_assert_cmpstr (json_object_get_string_member (o, "note"), ==, "first bid");
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
                                       json_object_get_string_member (o, "created"), 0, 0));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "totals"),
                                                  "estimate"), ==, bid_total);
  o = json_array_get_object_element (list, 1);
  g_assert_cmpstr (json_object_get_string_member (o, "name"), ==, "Awarded");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "totals"),
                                                  "estimate"), ==, awarded_total);
  g_clear_pointer (&root, json_node_unref);
  result_clear (&r);
  run_cli (f, &r, "versions", "sample", NULL);
  assert_ok (&r);
  g_assert_nonnull (strstr (r.out, "Awarded"));
  g_assert_nonnull (strstr (r.out, awarded_total));
  result_clear (&r);

  /* one more edit after Awarded */
  run_cli (f, &r, "set", "sample", "--line", "2", "--field", "description", "--value", "1st AD",
           NULL);
  assert_ok (&r);
  result_clear (&r);

  /* Bid → current (the default), by name in any case */
  root = compare (f, "bid", NULL);
  o = json_node_get_object (root);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "changed")), ==, 3);
  assert_json_change (json_object_get_array_member (o, "changed"), 0, "A", "1", "rate", "850.00",
                      "900.00");
  assert_json_change (json_object_get_array_member (o, "changed"), 1, "A", "1", "estimate",
                      "6800.00", "7200.00");
  assert_json_change (json_object_get_array_member (o, "changed"), 2, "A", "2", "description",
                      "Assistant director", "1st AD");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "added")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "removed")), ==, 0);
  assert_json_totals (o, bid_total, awarded_total);
  g_clear_pointer (&root, json_node_unref);

  /* Bid → Awarded, by id and name */
  root = compare (f, bid_id, "Awarded");
  o = json_node_get_object (root);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "changed")), ==, 2);
  assert_json_totals (o, bid_total, awarded_total);
  g_clear_pointer (&root, json_node_unref);

  /* the readable form */
  run_cli (f, &r, "compare", "sample", "Bid", NULL);
  assert_ok (&r);
  g_assert_nonnull (strstr (r.out, "850.00 → 900.00"));
  g_assert_nonnull (strstr (r.out, "Total"));
  g_assert_nonnull (strstr (r.out, bid_total));
}

static void
test_versions_errors (Fixture *f, gconstpointer data)
{
  g_auto(Result) r = { 0 };

  run_cli (f, &r, "version", "sample", "--save", "Bid", NULL);
  assert_ok (&r);
  result_clear (&r);
  run_cli (f, &r, "version", "sample", "--save", "BID", NULL);
  assert_fails (&r, "already has a version named “Bid”");
  g_assert_cmpint (r.status, ==, 1);
  result_clear (&r);
  run_cli (f, &r, "version", "sample", NULL);
  assert_fails (&r, "--save");
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  run_cli (f, &r, "versions", NULL);
  assert_fails (&r, "BUDGET");
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  run_cli (f, &r, "compare", "sample", "Wrap", "--json", NULL);
  assert_fails (&r, "no version “Wrap”");
  g_assert_cmpint (r.status, ==, 1);
  result_clear (&r);
  run_cli (f, &r, "compare", "sample", NULL);
  assert_fails (&r, "version");
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);

  run_cli (f, &r, "set", "sample", "--line", "999", "--field", "rate", "--value", "1", NULL);
  assert_fails (&r, "no line “999”");
  g_assert_cmpint (r.status, ==, 1);
  result_clear (&r);
  run_cli (f, &r, "set", "sample", "--line", "1", "--field", "colour", "--value", "1", NULL);
  assert_fails (&r, "no field “colour”");
  g_assert_cmpint (r.status, ==, 1);
  result_clear (&r);
  run_cli (f, &r, "set", "sample", "--line", "1", "--field", "rate", "--value", "twelve", NULL);
  assert_fails (&r, "Rate");
  g_assert_cmpint (r.status, ==, 1);
  result_clear (&r);
  run_cli (f, &r, "set", "sample", "--line", "1", "--field", "rate", NULL);
  assert_fails (&r, "--value");
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  run_cli (f, &r, "set", "sample", "--section", "Z", "--line", "1", "--field", "rate", "--value",
           "1", NULL);
  assert_fails (&r, "no section “Z”");
}

/* Two lines with one code: --section picks one. */
static void
test_set_section (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_auto(Result) r = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *id = NULL;
  JsonArray *lines;

  {
    g_autoptr(OutlayStore) store = outlay_store_open (f->db, &error);
    g_autoptr(OutlayDocument) doc = NULL;
    gint64 budget_id;

    g_assert_no_error (error);
    budget_id = outlay_store_create_budget (store, "blank", "Twins", NULL, &error);
    doc = outlay_store_load_document (store, budget_id, &error);
    g_assert_no_error (error);
    g_assert_nonnull (outlay_document_add_section (doc, G_MAXUINT, "2", "Second", &error));
    for (guint s = 0; s < 2; s++)
      {
        OutlayLine *line = outlay_document_insert_line (doc, outlay_document_get_section (doc, s),
                                                        0, NULL, &error);

        g_assert_no_error (error);
        g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_CODE, "1", &error));
      }
    id = g_strdup_printf ("%" G_GINT64_FORMAT, budget_id);
  }
  run_cli (f, &r, "set", id, "--line", "1", "--field", "rate", "--value", "10", NULL);
  assert_fails (&r, "--section");
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "sections 1, 2"));
  result_clear (&r);
  run_cli (f, &r, "set", id, "--section", "2", "--line", "1", "--field", "rate", "--value", "10",
           NULL);
  assert_ok (&r);
  result_clear (&r);
  run_cli (f, &r, "show", id, "--json", NULL);
  assert_ok (&r);
  root = parse_json (r.out);
  lines = json_object_get_array_member (json_node_get_object (root), "lines");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (lines, 0),
                                                  "rate"), ==, "0.00");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (lines, 1),
                                                  "rate"), ==, "10.00");
}

/* A locked budget refuses "set" with the model's message; nothing changes. */
static void
test_set_locked (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_auto(Result) r = { 0 };
  g_autofree char *before = show_total (f, "sample");
  g_autofree char *after = NULL;

  {
    g_autoptr(OutlayStore) store = outlay_store_open (f->db, &error);
    g_autoptr(OutlayDocument) doc = NULL;
    g_auto(GValue) status = G_VALUE_INIT;

    g_assert_no_error (error);
    doc = outlay_store_load_document (store, outlay_store_find_budget (store, "sample", &error),
                                      &error);
    g_assert_no_error (error);
    g_value_init (&status, OUTLAY_TYPE_BUDGET_STATUS);
    g_value_set_enum (&status, OUTLAY_BUDGET_STATUS_LOCKED);
    g_assert_true (outlay_document_set_budget_value (doc, "status", &status, &error));
    g_assert_no_error (error);
  }
  run_cli (f, &r, "set", "sample", "--line", "1", "--field", "rate", "--value", "900", NULL);
  assert_fails (&r, "is locked, so it cannot be changed");
  g_assert_cmpint (r.status, ==, 1);
  result_clear (&r);
  after = show_total (f, "sample");
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (audit_count (f, "SELECT count(*) FROM audit WHERE field = 'rate'"), ==, 0);
  /* saving a version of a locked budget is fine */
  run_cli (f, &r, "version", "sample", "--save", "Wrap", NULL);
  assert_ok (&r);
}

static JsonArray *
templates_json (Fixture *f, JsonNode **root)
{
  g_auto(Result) r = { 0 };

  run_cli (f, &r, "templates", "--json", NULL);
  assert_ok (&r);
  g_assert_cmpstr (r.err, ==, "");
  *root = parse_json (r.out);
  return json_node_get_array (*root);
}

/* template --save, templates, new --template user:N, template --delete as
 * a script uses them. */
static void
test_templates (Fixture *f, gconstpointer data)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(OutlayDocument) sample = outlay_template_build ("sample", NULL, NULL);
  g_autofree char *ref = NULL;
  g_autofree char *budget = NULL;
  g_autofree char *sample_total = show_total (f, "sample");
  JsonArray *list;
  JsonObject *o;

  list = templates_json (f, &root);
  g_assert_cmpuint (json_array_get_length (list), ==, 0);
  g_clear_pointer (&root, json_node_unref);

  run_cli (f, &r, "template", "sample", "--save", "My AICP bid", NULL);
  assert_ok (&r);
  g_assert_true (g_regex_match_simple ("^user:[1-9][0-9]*\n$", r.out, 0, 0));
  ref = g_strchomp (g_steal_pointer (&r.out));
  result_clear (&r);

  list = templates_json (f, &root);
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  o = json_array_get_object_element (list, 0);
  g_assert_cmpstr (json_object_get_string_member (o, "id"), ==, ref);
  g_assert_cmpstr (json_object_get_string_member (o, "name"), ==, "My AICP bid");
  g_assert_cmpstr (json_object_get_string_member (o, "currency"), ==, "USD");
  g_assert_cmpint (json_object_get_int_member (o, "sections"), ==, 16);
  g_assert_cmpint (json_object_get_int_member (o, "lines"), ==,
                   outlay_document_get_n_lines (sample));
  g_clear_pointer (&root, json_node_unref);
  run_cli (f, &r, "templates", NULL);
  assert_ok (&r);
  g_assert_true (g_str_has_prefix (r.out, ref));
  g_assert_nonnull (strstr (r.out, "My AICP bid"));
  result_clear (&r);

  /* a template is not a budget */
  g_assert_cmpuint (count_budgets (f), ==, 1);
  run_cli (f, &r, "show", "My AICP bid", NULL);
  assert_fails (&r, "no budget “My AICP bid”");
  result_clear (&r);

  /* a new budget from it has the sample's lines and estimate, nothing spent */
  run_cli (f, &r, "new", "Spring spot", "--template", ref, NULL);
  assert_ok (&r);
  g_assert_true (g_regex_match_simple ("^[1-9][0-9]*\n$", r.out, 0, 0));
  budget = g_strchomp (g_steal_pointer (&r.out));
  result_clear (&r);
  run_cli (f, &r, "show", budget, "--json", NULL);
  assert_ok (&r);
  shown = parse_json (r.out);
  o = json_node_get_object (shown);
  g_assert_cmpstr (json_object_get_string_member (o, "name"), ==, "Spring spot");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "sections")), ==, 16);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "lines")), ==,
                    outlay_document_get_n_lines (sample));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "totals"),
                                                  "estimate"), ==, sample_total);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "totals"),
                                                  "actual"), ==, "0.00");
  result_clear (&r);

  /* in another currency the dollar rates are gone */
  run_cli (f, &r, "new", "Euro spot", "--template", ref, "--currency", "EUR", NULL);
  assert_ok (&r);
  result_clear (&r);
  {
    g_autofree char *total = show_total (f, "Euro spot");

    g_assert_cmpstr (total, ==, "0.00");
  }
  g_assert_cmpuint (count_budgets (f), ==, 3);

  /* deleting it leaves the budgets made from it */
  run_cli (f, &r, "template", ref, "--delete", NULL);
  assert_ok (&r);
  g_assert_cmpstr (r.out, ==, "");
  result_clear (&r);
  list = templates_json (f, &root);
  g_assert_cmpuint (json_array_get_length (list), ==, 0);
  g_assert_cmpuint (count_budgets (f), ==, 3);
}

static void
test_templates_errors (Fixture *f, gconstpointer data)
{
  g_auto(Result) r = { 0 };

  run_cli (f, &r, "template", "sample", "--save", "Bid", NULL);
  assert_ok (&r);
  result_clear (&r);
  run_cli (f, &r, "template", "sample", "--save", "BID", NULL);
  assert_fails (&r, "already have a template named “Bid”");
  g_assert_cmpint (r.status, ==, 1);
  result_clear (&r);
  run_cli (f, &r, "template", "sample", NULL);
  assert_fails (&r, "--save");
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  run_cli (f, &r, "template", "nonexistent", "--save", "X", NULL);
  assert_fails (&r, "no budget “nonexistent”");
  g_assert_cmpint (r.status, ==, 1);
  result_clear (&r);
  run_cli (f, &r, "templates", "extra", NULL);
  assert_fails (&r, "no arguments");
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  run_cli (f, &r, "new", "X", "--template", "user:abc", NULL);
  assert_fails (&r, "“user:abc” is not a template id");
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  run_cli (f, &r, "new", "X", "--template", "user:99999", NULL);
  assert_fails (&r, "no template “user:99999”");
  g_assert_cmpint (r.status, ==, 1);
  result_clear (&r);
  run_cli (f, &r, "template", "sample", "--delete", NULL);
  assert_fails (&r, "not a template id");
  g_assert_cmpint (r.status, ==, 1);
  result_clear (&r);
  /* the sample is a budget, not a template: not deleted */
  run_cli (f, &r, "template", "user:1", "--delete", NULL);
  assert_fails (&r, "no template “user:1”");
  result_clear (&r);
  g_assert_cmpuint (count_budgets (f), ==, 1);
}

/* status shows and changes the status; a locked budget refuses "set" and
 * says how to unlock; every change is in the audit trail */
static void
test_status (Fixture *f, gconstpointer data)
{
  g_auto(Result) r = { 0 };

  run_cli (f, &r, "status", "sample", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "draft\n");
  result_clear (&r);
  run_cli (f, &r, "status", "sample", "locked", NULL);
  g_assert_cmpstr (r.out, ==, "locked\n");
  result_clear (&r);
  run_cli (f, &r, "set", "sample", "--line", "1", "--field", "rate", "--value", "5", NULL);
  assert_fails (&r, "outlay-cli status BUDGET approved");
  result_clear (&r);
  run_cli (f, &r, "status", "sample", "approved", NULL);
  g_assert_cmpstr (r.out, ==, "approved\n");
  result_clear (&r);
  run_cli (f, &r, "status", "sample", "finished", NULL);
  assert_fails (&r, "draft, submitted, approved, locked");
  g_assert_cmpint (r.status, ==, 2);
}

/* Sections without a code are picked by name. */
static void
test_set_section_name (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_auto(Result) r = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *id = NULL;
  static const char *names[] = { "Crew", "Travel" };
  JsonArray *lines;
  guint found = 0;

  {
    g_autoptr(OutlayStore) store = outlay_store_open (f->db, &error);
    g_autoptr(OutlayDocument) doc = NULL;
    gint64 budget_id;

    g_assert_no_error (error);
    budget_id = outlay_store_create_budget (store, "blank", "Uncoded", NULL, &error);
    doc = outlay_store_load_document (store, budget_id, &error);
    g_assert_no_error (error);
    for (guint s = 0; s < G_N_ELEMENTS (names); s++)
      {
        OutlaySection *section = outlay_document_add_section (doc, G_MAXUINT, "", names[s], &error);
        OutlayLine *line;

        g_assert_no_error (error);
        line = outlay_document_insert_line (doc, section, 0, NULL, &error);
        g_assert_no_error (error);
        g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_CODE, "7", &error));
      }
    id = g_strdup_printf ("%" G_GINT64_FORMAT, budget_id);
  }
  run_cli (f, &r, "set", id, "--line", "7", "--field", "rate", "--value", "10", NULL);
  assert_fails (&r, "in sections “Crew”, “Travel”");
  g_assert_cmpint (r.status, ==, 1);
  result_clear (&r);
  run_cli (f, &r, "set", id, "--section", "travel", "--line", "7", "--field", "rate", "--value",
           "10", NULL);
  assert_ok (&r);
  result_clear (&r);
  run_cli (f, &r, "set", id, "--section", "Props", "--line", "7", "--field", "rate", "--value",
           "10", NULL);
  assert_fails (&r, "has no section “Props”");
  result_clear (&r);

  run_cli (f, &r, "show", id, "--json", NULL);
  assert_ok (&r);
  root = parse_json (r.out);
  lines = json_object_get_array_member (json_node_get_object (root), "lines");
  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonObject *line = json_array_get_object_element (lines, i);

      if (!g_str_equal (json_object_get_string_member (line, "code"), "7"))
        continue;
      /* in section order: Crew's, then Travel's */
      g_assert_cmpstr (json_object_get_string_member (line, "rate"), ==,
                       found++ == 1 ? "10.00" : "0.00");
    }
  g_assert_cmpuint (found, ==, 2);
}

static const char skipping_csv[] = "Category,Code,Description,Qty,Rate,Estimate,Actual\n"
                                   "Travel,T1,Flights,2,450.00,900.00,880.00\n"
                                   "Crew,C1,Gaffer,5,twelve,6000.00,5900.00\n";

/* An import that skipped rows lands, and says so with status 4. */
static void
test_import_skipped (Fixture *f, gconstpointer data)
{
  g_autofree char *bad = g_build_filename (f->dir, "bad.csv", NULL);
  g_autofree char *good = g_build_filename (f->dir, "good.csv", NULL);
  g_autoptr(JsonNode) root = NULL;
  g_auto(Result) r = { 0 };
  JsonObject *rows, *e;

  g_assert_true (g_file_set_contents (bad, skipping_csv, -1, NULL));
  g_assert_true (g_file_set_contents (good, "Description,Estimate\nFlights,900.00\n", -1, NULL));

  run_cli (f, &r, "import", bad, NULL);
  g_assert_cmpint (r.status, ==, 4);
  g_assert_nonnull (strstr (r.out, "Imported 1 lines"));
  g_assert_nonnull (strstr (r.out, "row 3, column “Rate”"));
  g_assert_nonnull (
      strstr (r.out, "the row reads: Crew | C1 | Gaffer | 5 | twelve | 6000.00 | 5900.00"));
  g_assert_nonnull (
      strstr (r.err, "outlay-cli: 1 row could not be read and was left out of import 1"));
  result_clear (&r);

  run_cli (f, &r, "import", bad, "--json", "--new", "Again", NULL);
  g_assert_cmpint (r.status, ==, 4);
  root = parse_json (r.out);
  rows = json_object_get_object_member (json_node_get_object (root), "rows");
  g_assert_cmpint (json_object_get_int_member (rows, "imported"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (rows, "skipped"), ==, 1);
  e = json_array_get_object_element (json_object_get_array_member (rows, "errors"), 0);
  g_assert_cmpstr (json_object_get_string_member (e, "cells"), ==,
                   "Crew | C1 | Gaffer | 5 | twelve | 6000.00 | 5900.00");
  result_clear (&r);

  /* --strict still refuses, and a clean file exits 0 */
  run_cli (f, &r, "import", bad, "--strict", "--new", "Strict", NULL);
  assert_fails (
      &r,
      "The row reads: Crew | C1 | Gaffer | 5 | twelve | 6000.00 | 5900.00. Nothing was imported.");
  g_assert_cmpint (r.status, ==, 1);
  result_clear (&r);
  run_cli (f, &r, "import", good, NULL);
  assert_ok (&r);
  result_clear (&r);
  run_cli (f, &r, "list", NULL);
  assert_ok (&r);
  g_assert_nonnull (strstr (r.out, "bad"));
  g_assert_nonnull (strstr (r.out, "Again"));
  g_assert_null (strstr (r.out, "Strict"));
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
  ADD ("/cli/status", test_status);
  ADD ("/cli/show-id-first", test_show_id_first);
  ADD ("/cli/versions", test_versions);
  ADD ("/cli/versions-errors", test_versions_errors);
  ADD ("/cli/set-section", test_set_section);
  ADD ("/cli/set-section-name", test_set_section_name);
  ADD ("/cli/import-skipped", test_import_skipped);
  ADD ("/cli/set-locked", test_set_locked);
  ADD ("/cli/templates", test_templates);
  ADD ("/cli/templates-errors", test_templates_errors);
#undef ADD
  return g_test_run ();
}
