/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-cli"

/* outlay-cli recommend and recommendation: the built-in advice on a
 * budget, and accepting, rejecting or implementing one piece of it. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-currency.h"
#include "outlay-document-json.h"
#include "outlay-engine-json.h"
#include "outlay-error.h"
#include "outlay-model-enum-types.h"
#include "outlay-rules.h"
#include "outlay-store-recommendations.h"

#include "outlay-cli-private.h"

static void
add_rated_line (gint64 budget_id,
                const char *description,
                const char *unit,
                OutlayDecimal rate,
                gpointer patterns)
{
  outlay_rate_patterns_add (patterns, budget_id, description, unit, rate);
}

static JsonNode *
advice_to_json (GPtrArray *list, const char *currency)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < list->len; i++)
    {
      OutlayRecommendation *r = list->pdata[i];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, outlay_recommendation_get_id (r));
      outlay_json_add_string (b, "kind", outlay_recommendation_get_kind (r));
      outlay_json_add_string (b, "status",
                              outlay_enum_to_nick (OUTLAY_TYPE_RECOMMENDATION_STATUS,
                                                   outlay_recommendation_get_status (r), ""));
      outlay_json_add_string (b, "source",
                              outlay_enum_to_nick (OUTLAY_TYPE_RECOMMENDATION_SOURCE,
                                                   outlay_recommendation_get_source (r), ""));
      outlay_json_add_string (
          b, "priority",
          outlay_enum_to_nick (OUTLAY_TYPE_PRIORITY, outlay_recommendation_get_priority (r), ""));
      json_builder_set_member_name (b, "confidence");
      json_builder_add_int_value (b, outlay_recommendation_get_confidence (r));
      outlay_json_add_amount (b, "estimated_savings",
                              outlay_recommendation_get_estimated_savings (r), currency);
      outlay_json_add_string (b, "title", outlay_recommendation_get_title (r));
      outlay_json_add_string (b, "description", outlay_recommendation_get_description (r));
      outlay_json_add_string (b, "reasoning", outlay_recommendation_get_reasoning (r));
      json_builder_set_member_name (b, "can_implement");
      json_builder_add_boolean_value (b, outlay_recommendation_get_action (r) != NULL);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}

static void
print_advice (GPtrArray *list, const char *currency)
{
  guint shown = 0;

  for (guint i = 0; i < list->len; i++)
    {
      OutlayRecommendation *r = list->pdata[i];
      OutlayDecimal savings = outlay_recommendation_get_estimated_savings (r);

      if (outlay_recommendation_get_status (r) != OUTLAY_RECOMMENDATION_STATUS_NEW)
        continue;
      g_print (
          "%4" G_GINT64_FORMAT "  [%s] %s\n", outlay_recommendation_get_id (r),
          outlay_enum_to_nick (OUTLAY_TYPE_PRIORITY, outlay_recommendation_get_priority (r), ""),
          outlay_recommendation_get_title (r));
      g_print ("      %s\n", outlay_recommendation_get_description (r));
      if (savings > 0)
        {
          g_autofree char *amount = outlay_currency_format (savings, currency);

          /* Translators: "Saves up to $1,500.00 · confidence 70 %" */
          g_print (_("      Saves up to %s · confidence %u %%\n"), amount,
                      outlay_recommendation_get_confidence (r));
        }
      else
        g_print (_("      Confidence %u %%\n"), outlay_recommendation_get_confidence (r));
      shown++;
    }
  if (shown == 0)
    g_print ("%s\n", _("No advice: nothing in this budget needs a look."));
}

int
outlay_cli_recommend (Cli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  g_autofree char *today_text = NULL;
  GOptionEntry entries[] = { { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
                               N_("Look from DATE (YYYY-MM-DD) instead of today"), N_("DATE") },
                               { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
                                 { NULL } };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(OutlayRatePatterns) patterns = outlay_rate_patterns_new ();
  g_autoptr(GArray) spend = NULL;
  g_autoptr(GPtrArray) advice = NULL;
  g_autoptr(GPtrArray) list = NULL;
  OutlayRulesContext context;
  OutlayBudget *budget;
  guint32 today;
  GError *error = NULL;

  /* --ai asks Gemini instead of the built-in rules */
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--ai"))
      return outlay_cli_recommend_ai (cli, argc, argv);
  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2)
    return outlay_cli_usage_error (_("“recommend” needs exactly one BUDGET"));
  if (today_text != NULL)
    {
      if ((today = outlay_rules_parse_day (today_text)) == 0)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a date (YYYY-MM-DD)"),
                                                         today_text);

          return outlay_cli_usage_error (message);
        }
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDate) date = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                               g_date_time_get_month (now),
                                               g_date_time_get_year (now));

      today = g_date_get_julian (date);
    }
  /* the budget's own lines are never compared with themselves */
  if ((doc = outlay_cli_open_document (cli, argv[1], &store, &error)) == NULL
      || !outlay_store_foreach_rated_line_except (
          store, outlay_budget_get_id (outlay_document_get_budget (doc)), add_rated_line, patterns,
          &error))
    return outlay_cli_fail (error);
  budget = outlay_document_get_budget (doc);
  spend = outlay_rules_dated_spend (doc);
  outlay_rules_context_init (&context, doc, today, spend);
  context.patterns = patterns;
  advice = outlay_rules_run (doc, &context);
  if ((list = outlay_store_save_advice (store, outlay_budget_get_id (budget),
                                        OUTLAY_RECOMMENDATION_SOURCE_RULES, advice, &error))
      == NULL)
    return outlay_cli_fail (error);
  if (json)
    {
      g_autoptr(JsonNode) node = advice_to_json (list, outlay_budget_get_currency (budget));

      outlay_cli_print_json (node);
    }
  else
    print_advice (list, outlay_budget_get_currency (budget));
  return 0;
}

/* Makes the change the advice carries, as typing it in the cell would:
 * one undoable, audited edit, refused on a locked budget. */
static gboolean
implement (OutlayStore *store, OutlayRecommendation *r, GError **error)
{
  g_autoptr(OutlayDocument) doc = outlay_store_load_document (
      store, outlay_recommendation_get_budget_id (r), error);

  return doc != NULL && outlay_recommendation_implement (r, doc, error);
}

int
outlay_cli_recommendation (Cli *cli, int argc, char **argv)
{
  static const struct
  {
    const char *verb;
    OutlayRecommendationStatus status;
  } verbs[] = {
    { "accept", OUTLAY_RECOMMENDATION_STATUS_ACCEPTED },
    { "reject", OUTLAY_RECOMMENDATION_STATUS_REJECTED },
    { "implement", OUTLAY_RECOMMENDATION_STATUS_IMPLEMENTED },
  };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayRecommendation) r = NULL;
  GError *error = NULL;
  guint64 id = 0;
  int verb = -1;

  if (!outlay_cli_parse_options (cli, _("accept|reject|implement ID"), NULL, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 3)
    return outlay_cli_usage_error (
        _("“recommendation” needs accept, reject or implement and an ID"));
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_str_equal (argv[1], verbs[i].verb))
      verb = (int) i;
  if (verb < 0 || !g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXINT64, &id, NULL))
    return outlay_cli_usage_error (
        _("“recommendation” needs accept, reject or implement and an ID"));
  if ((store = outlay_cli_open_store (cli, &error)) == NULL
      || (r = outlay_store_get_recommendation (store, (gint64) id, &error)) == NULL)
    return outlay_cli_fail (error);
  if (verbs[verb].status == OUTLAY_RECOMMENDATION_STATUS_IMPLEMENTED
      && !implement (store, r, &error))
    return outlay_cli_fail (error);
  if (!outlay_store_set_recommendation_status (store, (gint64) id, verbs[verb].status, &error))
    return outlay_cli_fail (error);
  g_print ("%s\n", outlay_recommendation_get_title (r));
  return 0;
}
