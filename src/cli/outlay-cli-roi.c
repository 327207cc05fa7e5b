/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-cli"

/* outlay-cli roi: the budget's return on investment now, its snapshots
 * (taken by hand or at each change of status), and two of them compared. */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "outlay-currency.h"
#include "outlay-document-json.h"
#include "outlay-error.h"
#include "outlay-store-roi.h"

#include "outlay-cli-private.h"

typedef struct
{
  const char *label;
  OutlayDecimal value;
  OutlayDecimal cost;
  OutlayDecimal expected;
  OutlayDecimal realized;
  gboolean has_roi;
  OutlayDecimal roi;
} Figures;

static void
figures_json (JsonBuilder *b, const Figures *f, const char *currency)
{
  outlay_json_add_amount (b, "expected_value", f->expected, currency);
  outlay_json_add_amount (b, "realized_value", f->realized, currency);
  outlay_json_add_amount (b, "cost", f->cost, currency);
  json_builder_set_member_name (b, "roi_percent");
  if (f->has_roi)
    {
      g_autofree char *pct = outlay_decimal_to_string (outlay_decimal_round (f->roi, 2), 2);

      json_builder_add_string_value (b, pct);
    }
  else
    json_builder_add_null_value (b);
}

static void
snapshot_figures (OutlayRoiSnapshot *s, Figures *f)
{
  f->value = outlay_roi_snapshot_get_value (s);
  f->cost = outlay_roi_snapshot_get_cost (s);
  f->expected = outlay_roi_snapshot_get_expected_value (s);
  f->realized = outlay_roi_snapshot_get_realized_value (s);
  f->has_roi = f->cost > 0 && f->value != 0;
  f->roi = outlay_roi_snapshot_get_roi_percent (s);
}

static char *
when (gint64 taken)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (taken);

  return g_date_time_format_iso8601 (t);
}

static char *
roi_text (const Figures *f)
{
  g_autofree char *pct = NULL;

  if (!f->has_roi)
    return g_strdup (_("no return yet (no value set)"));
  pct = outlay_decimal_format_locale (outlay_decimal_round (f->roi, 1), 1);
  return g_strdup_printf ("%s %%", pct);
}

static OutlayRoiSnapshot *
find_snapshot (GPtrArray *list, const char *id_text, GError **error)
{
  guint64 id = 0;

  if (g_ascii_string_to_unsigned (id_text, 10, 1, G_MAXINT64, &id, NULL))
    for (guint i = 0; i < list->len; i++)
      if (outlay_roi_snapshot_get_id (list->pdata[i]) == (gint64) id)
        return list->pdata[i];
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
               _("This budget has no ROI snapshot “%s” (see “roi BUDGET”)"), id_text);
  return NULL;
}

/* As typed in the budget's properties: one audited, undoable edit,
 * refused on a locked budget. */
static gboolean
set_value (OutlayDocument *doc, const char *property, const char *text, GError **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  OutlayDecimal amount;

  if (!outlay_decimal_parse (text, &amount, error))
    return FALSE;
  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, amount);
  return outlay_document_set_budget_value (doc, property, &value, error);
}

int
outlay_cli_roi (Cli *cli, int argc, char **argv)
{
  gboolean json = FALSE, snapshot = FALSE;
  g_autofree char *note = NULL;
  g_auto(GStrv) compare = NULL;
  g_autofree char *expected_text = NULL;
  g_autofree char *realized_text = NULL;
  GOptionEntry entries[] = {
    { "expected", 'e', 0, G_OPTION_ARG_STRING, &expected_text,
      N_("Set the value the budget is expected to bring"), N_("AMOUNT") },
      { "realized", 'r', 0, G_OPTION_ARG_STRING, &realized_text,
        N_("Set the value it has brought so far"), N_("AMOUNT") },
        { "snapshot", 's', 0, G_OPTION_ARG_NONE, &snapshot,
          N_("Take a snapshot of the ROI now"), NULL },
          { "note", 'n', 0, G_OPTION_ARG_STRING, &note,
            N_("A note to keep with the snapshot"), N_("TEXT") },
            { "compare", 'c', 0, G_OPTION_ARG_STRING_ARRAY, &compare,
              N_("Compare two snapshots (give it twice: --compare A --compare B)"), N_("ID") },
              { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL }, { NULL } };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(OutlayRoiSnapshot) taken = NULL;
  OutlayRoiSnapshot *from = NULL, *to = NULL;
  OutlayBudget *budget;
  const char *currency;
  Figures now = { 0 };
  gboolean cost_is_estimate = FALSE;
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2)
    return outlay_cli_usage_error (_("“roi” needs exactly one BUDGET"));
  if (compare != NULL && g_strv_length (compare) != 2)
    return outlay_cli_usage_error (_("--compare needs two snapshot ids: --compare A --compare B"));
  if (note != NULL && !snapshot)
    return outlay_cli_usage_error (_("--note goes with --snapshot"));
  if ((doc = outlay_cli_open_document (cli, argv[1], &store, &error)) == NULL
      || (expected_text != NULL && !set_value (doc, "expected-value", expected_text, &error))
      || (realized_text != NULL && !set_value (doc, "realized-value", realized_text, &error)))
    return outlay_cli_fail (error);
  if (snapshot && (taken = outlay_store_take_roi_snapshot (store, doc, note, &error)) == NULL)
    return outlay_cli_fail (error);
  if ((list = outlay_store_list_roi_snapshots (
           store, outlay_budget_get_id (outlay_document_get_budget (doc)), &error))
      == NULL)
    return outlay_cli_fail (error);
  if (compare != NULL
      && ((from = find_snapshot (list, compare[0], &error)) == NULL
          || (to = find_snapshot (list, compare[1], &error)) == NULL))
    return outlay_cli_fail (error);

  budget = outlay_document_get_budget (doc);
  currency = outlay_budget_get_currency (budget);
  now.expected = outlay_budget_get_expected_value (budget);
  now.realized = outlay_budget_get_realized_value (budget);
  now.value = now.realized != 0 ? now.realized : now.expected;
  now.cost = outlay_totals_get_roi_cost (outlay_document_get_totals (doc), &cost_is_estimate);
  now.has_roi = now.value != 0 && outlay_decimal_roi_percent (now.value, now.cost, &now.roi);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "current");
      json_builder_begin_object (b);
      figures_json (b, &now, currency);
      outlay_json_add_string (b, "cost_basis", cost_is_estimate ? "estimate" : "spend");
      json_builder_end_object (b);
      json_builder_set_member_name (b, "snapshots");
      json_builder_begin_array (b);
      for (guint i = 0; i < list->len; i++)
        {
          OutlayRoiSnapshot *s = list->pdata[i];
          g_autofree char *at = when (outlay_roi_snapshot_get_taken (s));
          Figures f;

          snapshot_figures (s, &f);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_int_value (b, outlay_roi_snapshot_get_id (s));
          outlay_json_add_string (b, "taken", at);
          outlay_json_add_string (b, "reason", outlay_roi_snapshot_get_reason (s));
          figures_json (b, &f, currency);
          outlay_json_add_amount (b, "estimate", outlay_roi_snapshot_get_estimate (s), currency);
          json_builder_set_member_name (b, "tasks_done");
          json_builder_add_int_value (b, outlay_roi_snapshot_get_tasks_done (s));
          json_builder_set_member_name (b, "tasks_total");
          json_builder_add_int_value (b, outlay_roi_snapshot_get_tasks_total (s));
          outlay_json_add_string (b, "note", outlay_roi_snapshot_get_note (s));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      if (from != NULL)
        {
          Figures a, z;

          snapshot_figures (from, &a);
          snapshot_figures (to, &z);
          json_builder_set_member_name (b, "compare");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "from");
          json_builder_add_int_value (b, outlay_roi_snapshot_get_id (from));
          json_builder_set_member_name (b, "to");
          json_builder_add_int_value (b, outlay_roi_snapshot_get_id (to));
          outlay_json_add_amount (b, "value_change", z.value - a.value, currency);
          outlay_json_add_amount (b, "cost_change", z.cost - a.cost, currency);
          json_builder_set_member_name (b, "roi_points_change");
          if (a.has_roi && z.has_roi)
            {
              g_autofree char *d = outlay_decimal_to_string (
                  outlay_decimal_round (z.roi - a.roi, 2), 2);

              json_builder_add_string_value (b, d);
            }
          else
            json_builder_add_null_value (b);
          json_builder_end_object (b);
        }
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      outlay_cli_print_json (root);
      return 0;
    }

  {
    g_autofree char *value = outlay_currency_format (now.value, currency);
    g_autofree char *cost = outlay_currency_format (now.cost, currency);
    g_autofree char *roi = roi_text (&now);

    g_print (_("Value %s · cost %s (%s) · ROI %s\n"), value, cost,
                cost_is_estimate ? _("the estimate: nothing spent yet")
                                 : _("spent and committed"), roi);
  }
  for (guint i = 0; i < list->len; i++)
    {
      OutlayRoiSnapshot *s = list->pdata[i];
      g_autofree char *at = when (outlay_roi_snapshot_get_taken (s));
      g_autofree char *roi = NULL;
      g_autofree char *cost = outlay_currency_format (outlay_roi_snapshot_get_cost (s), currency);
      Figures f;

      snapshot_figures (s, &f);
      roi = roi_text (&f);
      g_print ("%4" G_GINT64_FORMAT "  %s  %-16s  %s  cost %s  tasks %u/%u\n",
               outlay_roi_snapshot_get_id (s), at, outlay_roi_snapshot_get_reason (s), roi, cost,
               outlay_roi_snapshot_get_tasks_done (s), outlay_roi_snapshot_get_tasks_total (s));
    }
  if (from != NULL)
    {
      Figures a, z;
      g_autofree char *dv = NULL, *dc = NULL;

      snapshot_figures (from, &a);
      snapshot_figures (to, &z);
      dv = outlay_currency_format (z.value - a.value, currency);
      dc = outlay_currency_format (z.cost - a.cost, currency);
      g_print (_("From %" PRId64 " to %" PRId64 ": value %s, cost %s"),
                  outlay_roi_snapshot_get_id (from), outlay_roi_snapshot_get_id (to), dv, dc);
      if (a.has_roi && z.has_roi)
        {
          g_autofree char *d = outlay_decimal_format_locale (
              outlay_decimal_round (z.roi - a.roi, 1), 1);

          g_print (_(", ROI %s points"), d);
        }
      g_print ("\n");
    }
  return 0;
}
