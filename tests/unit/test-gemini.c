/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Gemini advice against the local fake Gemini (tests/servers): one request
 * per analysis, structured output, validation, every kind of unusable
 * answer reported plainly, and the engine's context within its budget. */

#include "outlay-advice-context.h"
#include "outlay-error.h"
#include "outlay-fake-server.h"
#include "outlay-gemini.h"
#include "outlay-store-advice.h"
#include "outlay-store-private.h"
#include "outlay-test-util.h"

#include "../bench/bench-budget.h"

#define GOOD_ANSWER                                                                                \
  "{\"summary\":\"Camera is over plan.\",\"recommendations\":["                                    \
  "{\"kind\":\"cost-saving\",\"title\":\"Rent lenses by the week\",\"description\":\"Weekly "      \
  "rates.\","                                                                                      \
  "\"lineCode\":\"1100\",\"estimatedSavings\":\"1250.50\",\"confidence\":70,\"priority\":"         \
  "\"high\","                                                                                      \
  "\"reasoning\":\"Three weeks of daily rentals.\"},"                                              \
  "{\"kind\":\"risk\",\"title\":\"Catering trend\",\"description\":\"Over by 9%.\","               \
  "\"estimatedSavings\":\"0\",\"confidence\":40,\"priority\":\"medium\",\"reasoning\":\"Trend.\"}" \
  ","                                                                                              \
  "{\"kind\":\"cost-saving\",\"title\":\"Bad\",\"description\":\"\",\"estimatedSavings\":1250.5,"  \
  "\"confidence\":70,\"priority\":\"high\",\"reasoning\":\"\"},"                                   \
  "{\"kind\":\"cost-saving\",\"title\":\"Too "                                                     \
  "sure\",\"description\":\"\",\"estimatedSavings\":\"5\","                                        \
  "\"confidence\":170,\"priority\":\"high\",\"reasoning\":\"\"}]}"

typedef struct
{
  char *dir;
  OutlayStore *store;
  OutlayFakeServer *server;
  OutlayHttpClient *http;
  gint64 budget;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = outlay_test_make_dir ();
  path = g_build_filename (f->dir, "outlay.db", NULL);
  f->store = outlay_store_open (path, &error);
  g_assert_no_error (error);
  f->budget = outlay_store_create_budget (f->store, "blank", "Film", "EUR", &error);
  g_assert_no_error (error);
  f->server = outlay_fake_server_new (&error);
  g_assert_no_error (error);
  f->http = outlay_http_client_new (OUTLAY_HTTP_SERVICE_GEMINI);
  outlay_http_client_set_base_url (f->http, outlay_fake_server_gemini_url (f->server));
  outlay_http_client_set_secret (f->http, OUTLAY_FAKE_GEMINI_KEY);
  outlay_http_client_set_delay_scale (f->http, 0.001);
  outlay_fake_server_set_gemini_text (f->server, GOOD_ANSWER);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_assert_cmpuint (outlay_fake_server_invalid (f->server), ==, 0);
  g_clear_object (&f->http);
  g_clear_pointer (&f->server, outlay_fake_server_free);
  g_clear_object (&f->store);
  outlay_test_remove_dir (f->dir);
  g_free (f->dir);
}

static gboolean
recommend (Fixture *f, GPtrArray **rows, guint *left_out, char **why, GError **error)
{
  g_autofree char *summary = NULL;

  return outlay_gemini_recommend (f->http, OUTLAY_GEMINI_DEFAULT_MODEL, "Budget \"Film\" (EUR).",
                                  "EUR", OUTLAY_DECIMAL_FROM_INT (100000), &summary, rows, left_out,
                                  why, NULL, error);
}

static void
test_saved (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *why = NULL;
  JsonObject *config;
  guint left_out = 0;

  g_assert_true (recommend (f, &rows, &left_out, &why, &error));
  g_assert_no_error (error);
  /* one request, with the schema and a JSON answer asked for */
  g_assert_cmpuint (outlay_fake_server_total (f->server), ==, 1);
  g_assert_cmpuint (outlay_fake_server_count (
                        f->server, "POST /v1beta/models/gemini-flash-latest:generateContent"),
                    ==, 1);
  config = json_object_get_object_member (
      json_node_get_object (outlay_fake_server_last_gemini_request (f->server)),
      "generationConfig");
  g_assert_cmpstr (json_object_get_string_member (config, "responseMimeType"), ==,
                   "application/json");
  g_assert_true (json_object_has_member (config, "responseSchema"));
  /* two valid; a number for an amount and a confidence of 170 left out */
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpuint (left_out, ==, 2);
  g_assert_cmpstr (why, ==, "savings that are not a decimal amount");
  g_assert_cmpint (((OutlayAdviceRow *) g_ptr_array_index (rows, 0))->savings, ==, 12505000);
  g_assert_cmpstr (((OutlayAdviceRow *) g_ptr_array_index (rows, 0))->description, ==,
                   "Line 1100: Weekly rates.");

  g_assert_true (outlay_store_save_advice_rows (f->store, f->budget, "gemini", rows, &error));
  g_assert_true (outlay_store_save_advice_rows (f->store, f->budget, "gemini", rows, &error));
  g_assert_cmpint (
      outlay_test_query_int (
          outlay_store_get_db (f->store),
          "SELECT count(*) FROM recommendations WHERE source = 'gemini' AND status = 'new'"),
      ==, 2);
  g_assert_cmpint (outlay_test_query_int (outlay_store_get_db (f->store),
                                          "SELECT sum(estimated_savings) FROM recommendations"),
                   ==, 12505000);
}

static void
expect_error (Fixture *f, int code, const char *words)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *why = NULL;
  guint left_out = 0;

  g_assert_false (recommend (f, &rows, &left_out, &why, &error));
  g_assert_error (error, OUTLAY_ERROR, code);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

static void
test_unusable_answers (Fixture *f, gconstpointer data)
{
  outlay_fake_server_set_gemini_block (f->server, "PROHIBITED_CONTENT");
  expect_error (f, OUTLAY_ERROR_SERVICE, "blocked: PROHIBITED_CONTENT");
  outlay_fake_server_set_gemini_block (f->server, NULL);
  outlay_fake_server_set_gemini_finish (f->server, "MAX_TOKENS");
  expect_error (f, OUTLAY_ERROR_SERVICE, "ran out of room");
  outlay_fake_server_set_gemini_finish (f->server, "SAFETY");
  expect_error (f, OUTLAY_ERROR_SERVICE, "(SAFETY)");
  outlay_fake_server_set_gemini_finish (f->server, NULL);
  outlay_fake_server_set_gemini_text (f->server, "{\"summary\":\"cut");
  expect_error (f, OUTLAY_ERROR_SERVICE, "not the JSON");
  outlay_fake_server_set_gemini_text (f->server, "Sure! Here are my thoughts.");
  expect_error (f, OUTLAY_ERROR_SERVICE, "not the JSON");
  /* none of them retried: each a single request */
  g_assert_cmpuint (outlay_fake_server_total (f->server), ==, 5);
}

static void
test_faults (Fixture *f, gconstpointer data)
{
  static const OutlayFakeFault transient[] = {
    OUTLAY_FAKE_429_RETRY_INFO, OUTLAY_FAKE_429_RETRY_AFTER, OUTLAY_FAKE_500,      OUTLAY_FAKE_503,
    OUTLAY_FAKE_RESET,          OUTLAY_FAKE_TRUNCATED,       OUTLAY_FAKE_NOT_JSON,
  };

  for (guint i = 0; i < G_N_ELEMENTS (transient); i++)
    {
      g_autoptr (GPtrArray) rows = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *why = NULL;
      guint left_out = 0, before = outlay_fake_server_total (f->server);

      outlay_fake_server_push_fault (f->server, "/v1beta/models/", transient[i]);
      g_assert_true (recommend (f, &rows, &left_out, &why, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 2);
      g_assert_cmpuint (outlay_fake_server_total (f->server) - before, ==, 2);
    }
  /* a daily quota is reported at once */
  outlay_fake_server_push_fault (f->server, "/v1beta/models/", OUTLAY_FAKE_429_DAILY);
  expect_error (f, OUTLAY_ERROR_NETWORK, "daily quota");
  g_assert_cmpuint (outlay_fake_server_total (f->server), ==, 2 * G_N_ELEMENTS (transient) + 1);
  /* five failures in a row: given up with a plain message */
  for (guint i = 0; i < 5; i++)
    outlay_fake_server_push_fault (f->server, "/v1beta/models/", OUTLAY_FAKE_503);
  expect_error (f, OUTLAY_ERROR_NETWORK, "Gemini kept failing");
}

static void
test_timeout (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *why = NULL;
  guint left_out = 0;

  /* Gemini waits minutes by default; the fault needs a short wait */
  g_assert_cmpuint (outlay_http_client_get_timeout (f->http), ==, 300);
  outlay_http_client_set_timeout (f->http, 1);
  outlay_fake_server_push_fault (f->server, "/v1beta/models/", OUTLAY_FAKE_SLOW);
  g_assert_true (recommend (f, &rows, &left_out, &why, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (outlay_fake_server_total (f->server), ==, 2);
}

static void
test_key_and_model (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = outlay_gemini_check (f->http, "gemini-flash-latest", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Gemini Flash");
  g_assert_null (outlay_gemini_check (f->http, "gemini-2.0-flash", NULL, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Pick another model"));
  g_clear_error (&error);
  outlay_fake_server_revoke_tokens (f->server);
  expect_error (f, OUTLAY_ERROR_AUTH, "connect Gemini again");
}

static void
test_context_names (void)
{
  g_autoptr (OutlayBudget) budget = outlay_budget_new ("Film");
  g_autoptr (OutlayDocument) doc = NULL;
  g_autoptr (OutlaySection) section = outlay_section_new ("1000", "Crew");
  g_autoptr (OutlayLine) line = outlay_line_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *named = NULL;

  g_object_set (budget, "client", "Halvorsen Pictures", "currency", "EUR", NULL);
  doc = outlay_document_new (budget);
  outlay_document_load_section (doc, section);
  outlay_line_load_text (line, OUTLAY_LINE_CODE, "1100");
  outlay_line_load_text (line, OUTLAY_LINE_DESCRIPTION, "Gaffer");
  outlay_line_load_text (line, OUTLAY_LINE_ASSIGNEE, "Jane Okafor");
  outlay_line_load_text (line, OUTLAY_LINE_VENDOR, "Brightlight Rentals");
  outlay_line_load_decimal (line, OUTLAY_LINE_ESTIMATE, OUTLAY_DECIMAL_FROM_INT (1000));
  outlay_line_load_decimal (line, OUTLAY_LINE_ACTUAL, OUTLAY_DECIMAL_FROM_INT (1250));
  outlay_document_load_line (doc, section, line);
  g_assert_true (outlay_document_finish_load (doc, &error));

  plain = outlay_advice_context_build (doc, FALSE);
  named = outlay_advice_context_build (doc, TRUE);
  g_assert_nonnull (
      strstr (plain, "[1100] Gaffer (section Crew): estimate 1000.00, actual 1250.00"));
  g_assert_null (strstr (plain, "Jane Okafor"));
  g_assert_null (strstr (plain, "Halvorsen"));
  g_assert_null (strstr (plain, "Brightlight"));
  g_assert_nonnull (strstr (named, "assigned to Jane Okafor"));
  g_assert_nonnull (strstr (named, "Client: Halvorsen Pictures"));
}

/* A 100,000-line budget is told in summaries, within the stated budget */
static void
test_context_size (void)
{
  g_autoptr (OutlayDocument) doc = bench_build_budget (100000, NULL);
  g_autofree char *context = outlay_advice_context_build (doc, FALSE);

  g_assert_cmpuint (strlen (context), <, OUTLAY_ADVICE_CONTEXT_MAX_TOKENS * 4);
  g_assert_nonnull (strstr (context, "Patterns: 100000 lines"));
  g_test_message ("context for 100,000 lines: %zu characters, about %zu tokens", strlen (context),
                  strlen (context) / 4);
}

/* The fake Gemini refuses what the published API refuses, as the
 * independent checker would, so a deviation of Outlay's request fails a
 * test; and Outlay's own request passes (teardown counts none invalid). */
static void
test_strict_server (Fixture *f, gconstpointer data)
{
  static const char *const bodies[] = {
    /* no model in the body */
    "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"x\"}]}]}",
    /* a lowercase Type */
    "{\"model\":\"models/gemini-flash-latest\",\"contents\":[{\"parts\":[{\"text\":\"x\"}]}],"
    "\"generationConfig\":{\"responseMimeType\":\"application/json\","
    "\"responseSchema\":{\"type\":\"object\"}}}",
    /* maxItems as a number, where proto JSON has an int64 string */
    "{\"model\":\"models/gemini-flash-latest\",\"contents\":[{\"parts\":[{\"text\":\"x\"}]}],"
    "\"generationConfig\":{\"responseMimeType\":\"application/json\","
    "\"responseSchema\":{\"type\":\"ARRAY\",\"maxItems\":20,\"items\":{\"type\":\"STRING\"}}}}",
    /* a JSON Schema key the Schema object does not have */
    "{\"model\":\"models/gemini-flash-latest\",\"contents\":[{\"parts\":[{\"text\":\"x\"}]}],"
    "\"generationConfig\":{\"responseMimeType\":\"application/json\","
    "\"responseSchema\":{\"type\":\"OBJECT\",\"additionalProperties\":false}}}",
    /* responseSchema without a JSON responseMimeType */
    "{\"model\":\"models/gemini-flash-latest\",\"contents\":[{\"parts\":[{\"text\":\"x\"}]}],"
    "\"generationConfig\":{\"responseSchema\":{\"type\":\"STRING\"}}}",
    /* an unknown field */
    "{\"model\":\"models/gemini-flash-latest\",\"contents\":[{\"parts\":[{\"text\":\"x\"}]}],"
    "\"generation_config\":{}}",
  };
  g_autoptr (JsonNode)
                 mine = outlay_gemini_build_request (OUTLAY_GEMINI_DEFAULT_MODEL, "Budget.", "EUR");
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr (JsonNode) body = json_from_string (bodies[i], NULL);
      g_autoptr (JsonNode) refused = NULL;
      g_autoptr (GError) local = NULL;

      g_assert_nonnull (body);
      refused = outlay_http_client_request (f->http, "POST",
                                            "/v1beta/models/gemini-flash-latest:generateContent",
                                            body, NULL, &local);
      g_assert_null (refused);
      g_assert_error (local, OUTLAY_ERROR, OUTLAY_ERROR_SERVICE);
      g_assert_cmpuint (outlay_fake_server_invalid (f->server), ==, i + 1);
    }
  /* the request Outlay sends is accepted */
  answer = outlay_http_client_request (
      f->http, "POST", "/v1beta/models/gemini-flash-latest:generateContent", mine, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outlay_fake_server_invalid (f->server), ==, G_N_ELEMENTS (bodies));
  g_assert_cmpstr (
      json_object_get_string_member (
          json_node_get_object (outlay_fake_server_last_gemini_request (f->server)), "model"),
      ==, "models/gemini-flash-latest");
  /* counted: the teardown expects none */
  outlay_fake_server_forget_invalid (f->server);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gemini/context/names", test_context_names);
  g_test_add_func ("/gemini/context/size", test_context_size);
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/gemini/saved", test_saved);
  ADD ("/gemini/unusable-answers", test_unusable_answers);
  ADD ("/gemini/faults", test_faults);
  ADD ("/gemini/timeout", test_timeout);
  ADD ("/gemini/key-and-model", test_key_and_model);
  ADD ("/gemini/strict-server", test_strict_server);
  return g_test_run ();
}
