/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Templates of the user's own: saved from a budget without its spending,
 * kept out of the budget list, copied back into new budgets. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "outlay-error.h"
#include "outlay-model-enum-types.h"
#include "outlay-schema.h"
#include "outlay-store-private.h"
#include "outlay-store-templates.h"
#include "outlay-store.h"
#include "outlay-template.h"
#include "outlay-test-util.h"

#define D(units) OUTLAY_DECIMAL_FROM_INT (units)

typedef struct
{
  char        *dir;
  char        *path;
  OutlayStore *store;
  gint64       sample;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = outlay_test_make_dir ();
  f->path = g_build_filename (f->dir, "outlay.db", NULL);
  if (data != NULL)
    return; /* the test opens the database itself */
  f->store = outlay_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_store_add_sample (f->store, &f->sample, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  outlay_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static OutlayDocument *
load (Fixture *f, gint64 id)
{
  g_autoptr(GError) error = NULL;
  OutlayDocument *doc = outlay_store_load_document (f->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static gint64
save_template (Fixture *f, gint64 budget_id, const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = outlay_store_save_as_template (f->store, budget_id, name, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
query_int (Fixture *f, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gint64
query_int (Fixture *f, const char *format, ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return outlay_test_query_int (outlay_store_get_db (f->store), sql);
}

/* outlay_test_describe() without its first row, the budget's own. */
static char *
describe_sheet (OutlayDocument *doc)
{
  g_autofree char *all = outlay_test_describe (doc);
  const char *rest = strchr (all, '\n');

  g_assert_nonnull (rest);
  return g_strdup (rest + 1);
}

static gboolean
listed (GPtrArray *budgets, gint64 id)
{
  for (guint i = 0; i < budgets->len; i++)
    if (outlay_budget_get_id (g_ptr_array_index (budgets, i)) == id)
      return TRUE;
  return FALSE;
}

static void
set_text (OutlayDocument *doc, OutlayLine *line, OutlayLineField field, const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (outlay_document_set_line_text (doc, line, field, text, &error));
  g_assert_no_error (error);
}

static void
set_status (OutlayDocument *doc, OutlayBudgetStatus status)
{
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, OUTLAY_TYPE_BUDGET_STATUS);
  g_value_set_enum (&value, status);
  g_assert_true (outlay_document_set_budget_value (doc, "status", &value, &error));
  g_assert_no_error (error);
}

/* Everything a line holds but what was spent on it. */
static void
assert_same_plan (OutlayLine *a, OutlayLine *b)
{
  const OutlayLineField plan[] = {
    OUTLAY_LINE_QUANTITY, OUTLAY_LINE_MULTIPLIER, OUTLAY_LINE_RATE, OUTLAY_LINE_ESTIMATE,
  };

  g_assert_cmpstr (outlay_line_get_code (a), ==, outlay_line_get_code (b));
  g_assert_cmpstr (outlay_line_get_description (a), ==, outlay_line_get_description (b));
  g_assert_cmpstr (outlay_line_get_unit (a), ==, outlay_line_get_unit (b));
  g_assert_cmpstr (outlay_line_get_notes (a), ==, outlay_line_get_notes (b));
  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    g_assert_cmpint (outlay_line_get_decimal (a, plan[i]), ==, outlay_line_get_decimal (b, plan[i]));
  g_assert_cmpint (outlay_line_get_estimate_overridden (a), ==,
                   outlay_line_get_estimate_overridden (b));
}

static void
test_save_clears_spending (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayDocument) budget = load (f, f->sample);
  g_autoptr(OutlayDocument) tmpl = NULL;
  g_autoptr(OutlayDocument) again = NULL;
  OutlayLine *first = outlay_section_get_line (outlay_document_get_section (budget, 0), 0);
  OutlayDecimal actual;
  gint64 id;

  set_text (budget, first, OUTLAY_LINE_COMMITTED, "1500");
  set_text (budget, first, OUTLAY_LINE_RESERVED, "250.50");
  set_status (budget, OUTLAY_BUDGET_STATUS_APPROVED);
  actual = outlay_document_get_totals (budget)->actual;
  g_assert_cmpint (actual, >, 0);

  id = save_template (f, f->sample, "  Commercial bid  ");
  tmpl = load (f, id);
  g_assert_cmpstr (outlay_budget_get_name (outlay_document_get_budget (tmpl)), ==,
                   "Commercial bid");
  g_assert_cmpint (outlay_budget_get_status (outlay_document_get_budget (tmpl)), ==,
                   OUTLAY_BUDGET_STATUS_DRAFT);
  g_assert_cmpuint (outlay_document_get_n_sections (tmpl), ==,
                    outlay_document_get_n_sections (budget));
  g_assert_cmpuint (outlay_document_get_n_lines (tmpl), ==, outlay_document_get_n_lines (budget));
  for (guint s = 0; s < outlay_document_get_n_sections (tmpl); s++)
    {
      OutlaySection *from = outlay_document_get_section (budget, s);
      OutlaySection *to = outlay_document_get_section (tmpl, s);

      g_assert_cmpstr (outlay_section_get_code (to), ==, outlay_section_get_code (from));
      g_assert_cmpstr (outlay_section_get_name (to), ==, outlay_section_get_name (from));
      g_assert_cmpint (outlay_section_get_fringe (to), ==, outlay_section_get_fringe (from));
      for (guint l = 0; l < outlay_section_get_n_lines (to); l++)
        {
          OutlayLine *line = outlay_section_get_line (to, l);

          assert_same_plan (line, outlay_section_get_line (from, l));
          g_assert_cmpint (outlay_line_get_actual (line), ==, 0);
          g_assert_cmpint (outlay_line_get_committed (line), ==, 0);
          g_assert_cmpint (outlay_line_get_reserved (line), ==, 0);
        }
    }
  /* the estimate is kept, the spending is not */
  g_assert_cmpint (outlay_document_get_totals (tmpl)->estimate, ==,
                   outlay_document_get_totals (budget)->estimate);
  g_assert_cmpint (outlay_document_get_totals (tmpl)->actual, ==, 0);
  g_assert_cmpint (outlay_document_get_totals (tmpl)->committed, ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM lines WHERE budget_id = %" G_GINT64_FORMAT
                              " AND (actual != 0 OR committed != 0 OR reserved != 0)", id), ==, 0);

  /* the budget itself keeps what was spent */
  again = load (f, f->sample);
  g_assert_cmpint (outlay_document_get_totals (again)->actual, ==, actual);
  g_assert_cmpint (outlay_line_get_committed (
                     outlay_section_get_line (outlay_document_get_section (again, 0), 0)), ==,
                   D (1500));

  /* audited as a template, not as a budget */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit WHERE entity = 'template'"
                              " AND action = 'create' AND entity_id = %" G_GINT64_FORMAT
                              " AND json_extract(new_value, '$.budget') = %" G_GINT64_FORMAT
                              " AND json_extract(new_value, '$.lines') = %u", id, f->sample,
                              outlay_document_get_n_lines (budget)), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit WHERE entity = 'budget'"
                              " AND budget_id = %" G_GINT64_FORMAT, id), ==, 0);
}

static void
test_list (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GPtrArray) budgets = NULL;
  g_autofree char *id_text = NULL;
  gint64 zebra = save_template (f, f->sample, "Zebra");
  gint64 alpha = save_template (f, f->sample, "alpha");

  templates = outlay_store_list_templates (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, 2);
  /* by name, without case */
  g_assert_cmpint (outlay_budget_get_id (g_ptr_array_index (templates, 0)), ==, alpha);
  g_assert_cmpstr (outlay_budget_get_name (g_ptr_array_index (templates, 0)), ==, "alpha");
  g_assert_cmpint (outlay_budget_get_id (g_ptr_array_index (templates, 1)), ==, zebra);
  g_assert_cmpstr (outlay_budget_get_currency (g_ptr_array_index (templates, 1)), ==, "USD");

  /* templates are not budgets: not listed, not found by name or id */
  budgets = outlay_store_list_budgets (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (budgets->len, ==, 1);
  g_assert_true (listed (budgets, f->sample));
  g_assert_false (listed (budgets, zebra));
  g_assert_cmpint (outlay_store_find_budget (f->store, "Zebra", &error), ==, 0);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, alpha);
  g_assert_cmpint (outlay_store_find_budget (f->store, id_text, &error), ==, 0);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
}

static void
test_create_from (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayDocument) tmpl = NULL;
  g_autoptr(OutlayDocument) made = NULL;
  g_autoptr(OutlayDocument) by_ref = NULL;
  g_autoptr(GPtrArray) budgets = NULL;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  g_autofree char *ref = NULL;
  g_autofree char *tmpl_before = NULL;
  g_autofree char *tmpl_after = NULL;
  gint64 id = save_template (f, f->sample, "Commercial bid");
  gint64 budget, budget2;

  tmpl = load (f, id);
  tmpl_before = outlay_test_describe (tmpl);
  budget = outlay_store_create_from_template (f->store, id, " Spring spot ", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (budget, >, 0);
  made = load (f, budget);
  g_assert_cmpstr (outlay_budget_get_name (outlay_document_get_budget (made)), ==, "Spring spot");
  g_assert_cmpstr (outlay_budget_get_currency (outlay_document_get_budget (made)), ==, "USD");
  g_assert_cmpint (outlay_budget_get_kind (outlay_document_get_budget (made)), ==,
                   outlay_budget_get_kind (outlay_document_get_budget (tmpl)));
  want = describe_sheet (tmpl);
  got = describe_sheet (made);
  g_assert_cmpstr (got, ==, want);
  g_assert_cmpuint (outlay_document_get_n_sections (made), ==, 16);
  g_assert_cmpint (outlay_document_get_totals (made)->estimate, ==,
                   outlay_document_get_totals (tmpl)->estimate);
  g_assert_cmpint (outlay_document_get_totals (made)->estimate, >, 0);

  /* it is a budget, in the list */
  budgets = outlay_store_list_budgets (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (listed (budgets, budget));
  g_assert_cmpint (query_int (f, "SELECT is_template FROM budgets WHERE id = %" G_GINT64_FORMAT,
                              budget), ==, 0);

  /* editing the new budget leaves the template alone */
  set_text (made, outlay_section_get_line (outlay_document_get_section (made, 0), 0),
            OUTLAY_LINE_RATE, "1");
  g_clear_object (&tmpl);
  tmpl = load (f, id);
  tmpl_after = outlay_test_describe (tmpl);
  g_assert_cmpstr (tmpl_after, ==, tmpl_before);

  /* New Budget's way: "user:ID" to outlay_store_create_budget(); no name
   * means the template's */
  ref = outlay_user_template_id (id);
  budget2 = outlay_store_create_budget (f->store, ref, NULL, NULL, &error);
  g_assert_no_error (error);
  by_ref = load (f, budget2);
  g_assert_cmpstr (outlay_budget_get_name (outlay_document_get_budget (by_ref)), ==,
                   "Commercial bid");
  g_clear_pointer (&got, g_free);
  got = describe_sheet (by_ref);
  g_assert_cmpstr (got, ==, want);
}

static void
test_create_errors (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample_ref = NULL;
  gint64 id = save_template (f, f->sample, "Bid");
  gint64 before = query_int (f, "SELECT count(*) FROM budgets");
  const char *bad[] = { "user:", "user:abc", "user:-1", "user:0", "user:1x", "user: 1" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_cmpint (outlay_store_create_budget (f->store, bad[i], "X", NULL, &error), ==, 0);
      g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (strstr (error->message, bad[i]));
      g_clear_error (&error);
    }
  /* a budget is not a template */
  sample_ref = outlay_user_template_id (f->sample);
  g_assert_cmpint (outlay_store_create_budget (f->store, sample_ref, "X", NULL, &error), ==, 0);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, sample_ref));
  g_clear_error (&error);
  g_assert_cmpint (outlay_store_create_from_template (f->store, 999999, "X", NULL, &error), ==, 0);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (outlay_store_create_from_template (f->store, id, "  ", NULL, &error), ==, 0);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (outlay_store_create_from_template (f->store, id, "X", "euro", &error), ==, 0);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM budgets"), ==, before);
}

static void
test_name_clash (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GPtrArray) budgets = NULL;
  gint64 lines = query_int (f, "SELECT count(*) FROM lines");
  gint64 per_template;

  save_template (f, f->sample, "My AICP bid");
  per_template = query_int (f, "SELECT count(*) FROM lines") - lines;
  g_assert_cmpint (per_template, >, 0);

  g_assert_cmpint (outlay_store_save_as_template (f->store, f->sample, "my aicp BID", &error), ==,
                   0);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==,
                   "You already have a template named “My AICP bid”. Choose another name.");
  g_clear_error (&error);
  g_assert_cmpint (outlay_store_save_as_template (f->store, f->sample, " \t", &error), ==, 0);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "A template needs a name");
  g_clear_error (&error);
  g_assert_cmpint (outlay_store_save_as_template (f->store, f->sample, NULL, &error), ==, 0);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (outlay_store_save_as_template (f->store, 999999, "Other", &error), ==, 0);
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* nothing was half written */
  templates = outlay_store_list_templates (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM lines"), ==, lines + per_template);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit WHERE entity = 'template'"), ==, 1);

  /* only templates must differ: one may have a budget's name */
  budgets = outlay_store_list_budgets (f->store, &error);
  g_assert_no_error (error);
  save_template (f, f->sample, outlay_budget_get_name (g_ptr_array_index (budgets, 0)));
}

static void
test_delete (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  gint64 id = save_template (f, f->sample, "Short-lived");
  gint64 made = outlay_store_create_from_template (f->store, id, "Made", NULL, &error);

  g_assert_no_error (error);
  g_assert_true (outlay_store_delete_template (f->store, id, &error));
  g_assert_no_error (error);
  templates = outlay_store_list_templates (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM lines WHERE budget_id = %" G_GINT64_FORMAT,
                              id), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit WHERE entity = 'template'"
                              " AND action = 'delete' AND entity_id = %" G_GINT64_FORMAT, id), ==, 1);
  /* what was made from it stays */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM lines WHERE budget_id = %" G_GINT64_FORMAT,
                              made), >, 0);

  /* twice, or a budget: refused, and the budget is still there */
  g_assert_false (outlay_store_delete_template (f->store, id, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (outlay_store_delete_template (f->store, f->sample, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM budgets WHERE id = %" G_GINT64_FORMAT,
                              f->sample), ==, 1);
}

/* The software template's rates are dollars: in euros they are cleared,
 * and so are the budget's own amounts; in dollars they are kept. */
static void
test_currency (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayDocument) source = NULL;
  g_autoptr(OutlayDocument) eur = NULL;
  g_autoptr(OutlayDocument) usd = NULL;
  g_auto(GValue) allocated = G_VALUE_INIT;
  OutlayDecimal rates = 0;
  gint64 software = outlay_store_create_budget (f->store, "software", "App", NULL, &error);
  gint64 id, eur_id, usd_id;

  g_assert_no_error (error);
  source = load (f, software);
  g_value_init (&allocated, G_TYPE_INT64);
  g_value_set_int64 (&allocated, D (250000));
  g_assert_true (outlay_document_set_budget_value (source, "allocated", &allocated, &error));
  g_assert_no_error (error);
  id = save_template (f, software, "Software");

  eur_id = outlay_store_create_from_template (f->store, id, "App EU", "eur", &error);
  g_assert_no_error (error);
  eur = load (f, eur_id);
  g_assert_cmpstr (outlay_budget_get_currency (outlay_document_get_budget (eur)), ==, "EUR");
  g_assert_cmpint (outlay_budget_get_allocated (outlay_document_get_budget (eur)), ==, 0);
  g_assert_cmpuint (outlay_document_get_n_lines (eur), ==, outlay_document_get_n_lines (source));
  for (guint s = 0; s < outlay_document_get_n_sections (eur); s++)
    {
      OutlaySection *section = outlay_document_get_section (eur, s);

      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        {
          OutlayLine *line = outlay_section_get_line (section, l);
          OutlayLine *from = outlay_section_get_line (outlay_document_get_section (source, s), l);

          g_assert_cmpint (outlay_line_get_rate (line), ==, 0);
          g_assert_cmpint (outlay_line_get_estimate (line), ==, 0);
          g_assert_cmpstr (outlay_line_get_description (line), ==,
                           outlay_line_get_description (from));
          g_assert_cmpint (outlay_line_get_quantity (line), ==, outlay_line_get_quantity (from));
          rates += outlay_line_get_rate (from);
        }
    }
  g_assert_cmpint (rates, >, 0); /* there were rates to clear */
  g_assert_cmpint (outlay_document_get_totals (eur)->estimate, ==, 0);
  g_assert_cmpint (query_int (f, "SELECT sum(rate) + sum(estimate) FROM lines"
                              " WHERE budget_id = %" G_GINT64_FORMAT, eur_id), ==, 0);

  /* the template's own currency, in any case, keeps them */
  usd_id = outlay_store_create_from_template (f->store, id, "App US", "usd", &error);
  g_assert_no_error (error);
  usd = load (f, usd_id);
  g_assert_cmpstr (outlay_budget_get_currency (outlay_document_get_budget (usd)), ==, "USD");
  g_assert_cmpint (outlay_budget_get_allocated (outlay_document_get_budget (usd)), ==, D (250000));
  g_assert_cmpint (outlay_document_get_totals (usd)->estimate, ==,
                   outlay_document_get_totals (source)->estimate);
  g_assert_cmpint (outlay_document_get_totals (usd)->estimate, >, 0);
}

/* A database from before templates: its budgets stay budgets. */
static void
test_migrate (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) budgets = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  sqlite3 *db = NULL;
  char *msg = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                    NULL), ==, SQLITE_OK);
  g_assert_true (outlay_schema_migrate (db, 3 /* before templates */, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM pragma_table_info('budgets')"
                                              " WHERE name = 'is_template'"), ==, 0);
  if (sqlite3_exec (db, "INSERT INTO budgets (id, name, created, modified)"
                        " VALUES (5, 'Old one', 1, 1), (6, 'Old two', 1, 1);"
                        "INSERT INTO sections (id, budget_id, position, code, name)"
                        " VALUES (1, 5, 0, 'A', 'Labour');"
                        "INSERT INTO lines (budget_id, section_id, position, code, rate, estimate)"
                        " VALUES (5, 1, 0, '1', 1000000, 1000000);", NULL, NULL, &msg)
      != SQLITE_OK)
    g_error ("%s", msg);
  sqlite3_close (db);

  f->store = outlay_store_open (f->path, &error);
  g_assert_no_error (error);
  db = outlay_store_get_db (f->store);
  g_assert_cmpint (outlay_test_query_int (db, "PRAGMA user_version"), ==, OUTLAY_SCHEMA_VERSION);
  g_assert_cmpint (outlay_test_query_int (db, "SELECT count(*) FROM budgets"
                                              " WHERE is_template = 0"), ==, 2);
  budgets = outlay_store_list_budgets (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (budgets->len, ==, 2);
  g_assert_true (listed (budgets, 5));
  g_assert_true (listed (budgets, 6));
  templates = outlay_store_list_templates (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, 0);
  g_assert_cmpint (outlay_store_find_budget (f->store, "old one", &error), ==, 5);
  g_assert_no_error (error);

  /* and a migrated budget saves as a template */
  f->sample = 5;
  g_assert_cmpint (save_template (f, 5, "From old"), >, 6);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/templates/save/clears-spending", test_save_clears_spending, NULL);
  ADD ("/templates/save/name-clash", test_name_clash, NULL);
  ADD ("/templates/list", test_list, NULL);
  ADD ("/templates/create-from", test_create_from, NULL);
  ADD ("/templates/create-from/errors", test_create_errors, NULL);
  ADD ("/templates/create-from/currency", test_currency, NULL);
  ADD ("/templates/delete", test_delete, NULL);
  ADD ("/templates/migrate", test_migrate, "raw");
#undef ADD
  return g_test_run ();
}
