/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-cli"

/* outlay-cli's phasing and rolling forecast: phasing, phase, periods,
 * close-period, forecast-periods. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-currency.h"
#include "outlay-error.h"
#include "outlay-model-enum-types.h"
#include "outlay-period-export.h"
#include "outlay-phasing-json.h"
#include "outlay-report.h"
#include "outlay-rolling-forecast.h"

#include "outlay-cli-private.h"

static const char *
currency_of (OutlayDocument *doc)
{
  return outlay_budget_get_currency (outlay_document_get_budget (doc));
}

static OutlaySection *
find_section (OutlayDocument *doc, const char *key, GError **error)
{
  for (guint pass = 0; pass < 2; pass++)
    for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
      {
        OutlaySection *section = outlay_document_get_section (doc, s);
        const char *text = pass == 0 ? outlay_section_get_code (section)
                                     : outlay_section_get_name (section);

        if (text != NULL && g_utf8_collate (text, key) == 0)
          return section;
      }
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
               _("“%s” has no section “%s”"),
                  outlay_budget_get_name (outlay_document_get_budget (doc)), key);
  return NULL;
}

static gboolean
enum_value (GType type, const char *option, const char *nick, int *value, GError **error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  g_autoptr(GString) names = g_string_new (NULL);
  GEnumValue *v = g_enum_get_value_by_nick (klass, nick);

  if (v != NULL)
    {
      *value = v->value;
      return TRUE;
    }
  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (names, i == 0 ? "%s" : ", %s", klass->values[i].value_nick);
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
               _("%s: “%s” is not one of %s"), option, nick, names->str);
  return FALSE;
}

/* "10 10 20", "10;10;20" or "10,10,20" (then amounts have no thousands
 * separators) */
static gboolean
parse_values (const char *text, OutlayDecimal **values, guint *n, GError **error)
{
  g_auto (GStrv) parts = g_regex_split_simple ("[\\s;,]+", text, 0, 0);
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (OutlayDecimal));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autoptr(GError) local = NULL;
      OutlayDecimal v;
      gsize len = strlen (parts[i]);

      if (len == 0)
        continue;
      if (parts[i][len - 1] == '%')
        parts[i][len - 1] = '\0';
      if (!outlay_decimal_parse (parts[i], &v, &local))
        {
          g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                       _("--values, value %u: %s"), out->len + 1, local->message);
          return FALSE;
        }
      g_array_append_val (out, v);
    }
  *n = out->len;
  *values = (OutlayDecimal *) g_array_free (g_steal_pointer (&out), FALSE);
  return TRUE;
}

static void
print_row (const char *label, const OutlayDecimal *values, guint n, const char *cur)
{
  g_print ("%-28.28s", label);
  for (guint p = 0; p < n; p++)
    {
      g_autofree char *text = outlay_currency_format_plain (values[p], cur);

      g_print (" %12s", text);
    }
  g_print ("\n");
}

static void
print_header (const OutlayPeriods *periods)
{
  g_print ("%-28s", "");
  for (guint p = 0; p < periods->n; p++)
    g_print (" %12s", periods->names[p]);
  g_print ("\n");
}

int
outlay_cli_phasing (Cli *cli, int argc, char **argv)
{
  gboolean json = FALSE, sections_only = FALSE;
  GOptionEntry entries[] = { { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
                               { "sections", 0, 0, G_OPTION_ARG_NONE, &sections_only,
                                 N_("Only the sections and the total, not each line"), NULL },
                                 { NULL } };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(OutlayPhasingGrid) grid = NULL;
  GError *error = NULL;
  const char *cur;
  guint n, r = 0;

  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2)
    return outlay_cli_usage_error (_("“phasing” needs exactly one BUDGET"));
  if ((doc = outlay_cli_open_document (cli, argv[1], &store, &error)) == NULL
      || (grid = outlay_phasing_grid_new (doc, &error)) == NULL)
    return outlay_cli_fail (error);
  if (json)
    {
      g_autoptr(JsonNode) node = outlay_phasing_grid_to_json (grid, doc, !sections_only);

      outlay_cli_print_json (node);
      return 0;
    }
  cur = currency_of (doc);
  n = grid->periods->n;
  print_header (grid->periods);
  for (guint s = 0; s < grid->n_sections; s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);
      g_autofree char *label = g_strdup_printf ("%s %s", outlay_section_get_code (section),
                                                outlay_section_get_name (section));

      for (; r < grid->n_rows && grid->row_section[r] == s; r++)
        {
          g_autofree char *line_label = NULL;

          if (sections_only)
            continue;
          line_label = g_strdup_printf ("  %s %s", outlay_line_get_code (grid->lines[r]),
                                        outlay_line_get_description (grid->lines[r]));
          print_row (line_label, &OUTLAY_GRID_AT (grid, planned, r, 0), n, cur);
          if (grid->unphased[r] != 0)
            {
              g_autofree char *diff = outlay_currency_format_plain (grid->unphased[r], cur);

              g_print ("    %s %s\n", _("not phased:"), diff);
            }
        }
      print_row (label, &grid->section_planned[(gsize) s * n], n, cur);
    }
  print_row (_("Total"), grid->total_planned, n, cur);
  print_row (_("Actual"), grid->total_actual, n, cur);
  return 0;
}

static gboolean
lines_of (OutlayDocument *doc,
          const char *line_code,
          const char *section_key,
          gboolean all,
          GPtrArray *lines,
          GError **error)
{
  OutlaySection *only = NULL;

  if (line_code != NULL)
    {
      OutlayLine *line = outlay_cli_find_line (doc, line_code, section_key, error);

      if (line == NULL)
        return FALSE;
      g_ptr_array_add (lines, line);
      return TRUE;
    }
  if (!all && section_key == NULL)
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("Say which lines: --line L, --section S or --all"));
      return FALSE;
    }
  if (section_key != NULL && (only = find_section (doc, section_key, error)) == NULL)
    return FALSE;
  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);

      if (only != NULL && section != only)
        continue;
      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        g_ptr_array_add (lines, outlay_section_get_line (section, l));
    }
  return TRUE;
}

int
outlay_cli_phase (Cli *cli, int argc, char **argv)
{
  g_autofree char *line_code = NULL;
  g_autofree char *section_key = NULL;
  g_autofree char *method_text = NULL;
  g_autofree char *values_text = NULL;
  g_autofree char *from = NULL;
  g_autofree char *version = NULL;
  gboolean all = FALSE;
  GOptionEntry entries[] = {
    { "line", 'l', 0, G_OPTION_ARG_STRING, &line_code, N_("The line's code"), N_("L") },
      { "section", 's', 0, G_OPTION_ARG_STRING, &section_key,
        N_("Every line of a section (with --line: the line's section)"), N_("S") },
        { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Every line of the budget"), NULL },
          { "method", 'm', 0, G_OPTION_ARG_STRING, &method_text,
            N_("even, percent, amounts or last-year"), N_("M") },
            { "values", 0, 0, G_OPTION_ARG_STRING, &values_text,
              N_("One percentage or amount per period: \"10 10 20 …\""), N_("V") },
              { "from", 0, 0, G_OPTION_ARG_STRING, &from,
                N_("last-year: the budget whose actuals to follow"), N_("BUDGET") },
                { "version", 0, 0, G_OPTION_ARG_STRING, &version,
                  N_("last-year: a saved version (of --from, else of BUDGET) to follow"),
                      N_("V") },
                  { NULL } };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayStore) source_store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(OutlayDocument) source_doc = NULL;
  g_autoptr(OutlayPhasingGrid) source = NULL;
  g_autoptr(OutlayPeriods) periods = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_autoptr(GPtrArray) phasings = g_ptr_array_new_with_free_func (
      (GDestroyNotify) outlay_line_phasing_free);
  g_autofree OutlayDecimal *values = NULL;
  g_autofree char *source_name = NULL;
  guint n_values = 0;
  int method;
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2)
    return outlay_cli_usage_error (_("“phase” needs exactly one BUDGET"));
  if (method_text == NULL)
    return outlay_cli_usage_error (_("“phase” needs --method even|percent|amounts|last-year"));
  if (!enum_value (OUTLAY_TYPE_PHASING_METHOD, "--method", method_text, &method, &error))
    return outlay_cli_fail (error);
  if ((method == OUTLAY_PHASING_METHOD_PERCENT || method == OUTLAY_PHASING_METHOD_AMOUNTS)
      && values_text == NULL)
    return outlay_cli_usage_error (_("--method percent and amounts need --values"));
  if (method == OUTLAY_PHASING_METHOD_LAST_YEAR && from == NULL && version == NULL)
    return outlay_cli_usage_error (_("--method last-year needs --from BUDGET or --version V"));
  if (values_text != NULL && !parse_values (values_text, &values, &n_values, &error))
    return outlay_cli_fail (error);
  if ((doc = outlay_cli_open_document (cli, argv[1], &store, &error)) == NULL
      || (periods = outlay_periods_for_document (doc, &error)) == NULL
      || !lines_of (doc, line_code, section_key, all, lines, &error))
    return outlay_cli_fail (error);
  if (method == OUTLAY_PHASING_METHOD_LAST_YEAR)
    {
      if (from != NULL)
        source_doc = outlay_cli_open_document (cli, from, &source_store, &error);
      else
        source_doc = g_object_ref (doc);
      if (source_doc != NULL && version != NULL)
        {
          gint64 id = outlay_budget_get_id (outlay_document_get_budget (source_doc));

          g_clear_object (&source_doc);
          source_doc = outlay_cli_open_version (source_store ? source_store : store, id, version,
                                                &error);
        }
      if (source_doc == NULL || (source = outlay_phasing_grid_new (source_doc, &error)) == NULL)
        return outlay_cli_fail (error);
      source_name = version != NULL
                        ? g_strdup_printf ("%s (%s)", from != NULL ? from : argv[1], version)
                        : g_strdup (
                            outlay_budget_get_name (outlay_document_get_budget (source_doc)));
    }
  for (guint i = 0; i < lines->len; i++)
    {
      OutlayLine *line = g_ptr_array_index (lines, i);
      g_autofree OutlayDecimal *weights = NULL;
      const OutlayLinePhasing *old = outlay_document_get_line_phasing (doc, line);
      OutlayLinePhasing *p;

      if (source != NULL
          && (weights = outlay_phasing_grid_actuals_of (source, source_doc, line, periods->n,
                                                        &error))
                 == NULL)
        return outlay_cli_fail (error);
      p = outlay_phasing_make (method, weights != NULL ? weights : values,
                               weights != NULL ? periods->n : n_values, periods->n, &error);
      if (p == NULL)
        {
          g_prefix_error (&error, _("Line %s: "), outlay_line_get_code (line));
          return outlay_cli_fail (error);
        }
      outlay_line_phasing_set_source (p, source_name);
      /* the actuals recorded per period stay */
      if (old != NULL)
        outlay_line_phasing_set_actuals (p, old->actuals, old->n_actuals);
      g_ptr_array_add (phasings, p);
    }
  if (!outlay_document_set_phasing (doc, (OutlayLine *const *) lines->pdata,
                                    (OutlayLinePhasing *const *) phasings->pdata, lines->len, NULL,
                                    &error))
    return outlay_cli_fail (error);
  g_print (g_dngettext (NULL, "Phased %u line %s\n", "Phased %u lines %s\n", lines->len),
           lines->len, method_text);
  return 0;
}

int
outlay_cli_periods (Cli *cli, int argc, char **argv)
{
  g_autofree char *kind = NULL;
  g_auto (GStrv) forecasts = NULL;
  int run_rate = 0;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("month or quarter"), N_("K") },
      { "run-rate", 0, 0, G_OPTION_ARG_INT, &run_rate,
        N_("How many closed periods the run-rate forecast averages"), N_("N") },
        { "forecast", 0, 0, G_OPTION_ARG_STRING_ARRAY, &forecasts,
          N_("A section's forecast: S=remaining|run-rate|commitments (repeat for more)"),
              N_("S=M") },
          { NULL } };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(OutlayPeriods) periods = NULL;
  OutlayPeriodSettings settings;
  const OutlayPeriodSettings *now;
  GError *error = NULL;
  int value;

  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2)
    return outlay_cli_usage_error (_("“periods” needs exactly one BUDGET"));
  if ((doc = outlay_cli_open_document (cli, argv[1], &store, &error)) == NULL)
    return outlay_cli_fail (error);
  outlay_period_settings_copy (&settings, outlay_document_get_period_settings (doc));
  if (kind != NULL && !enum_value (OUTLAY_TYPE_PERIOD_KIND, "--kind", kind, &value, &error))
    goto fail;
  if (kind != NULL)
    settings.kind = value;
  if (run_rate != 0)
    settings.run_rate_periods = (guint) MAX (run_rate, 0);
  for (guint i = 0; forecasts != NULL && forecasts[i] != NULL; i++)
    {
      g_auto (GStrv) kv = g_strsplit (forecasts[i], "=", 2);
      OutlaySection *section;

      if (g_strv_length (kv) != 2)
        {
          outlay_period_settings_clear (&settings);
          return outlay_cli_usage_error (_("--forecast takes SECTION=METHOD"));
        }
      if ((section = find_section (doc, kv[0], &error)) == NULL
          || !enum_value (OUTLAY_TYPE_FORECAST_METHOD, "--forecast", kv[1], &value, &error))
        goto fail;
      g_hash_table_insert (settings.methods, section, GUINT_TO_POINTER ((guint) value + 1));
    }
  if (run_rate < 0)
    {
      g_set_error_literal (&error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("The run rate needs at least one closed period"));
      goto fail;
    }
  if (!outlay_phasing_set_settings (doc, &settings, &error))
    goto fail;
  outlay_period_settings_clear (&settings);
  if ((periods = outlay_periods_for_document (doc, &error)) == NULL)
    return outlay_cli_fail (error);
  now = outlay_document_get_period_settings (doc);
  g_print ("%s: %s × %u (%s … %s)\n",
           _("Periods"), outlay_enum_to_nick (OUTLAY_TYPE_PERIOD_KIND, now->kind, ""), periods->n,
              periods->names[0], periods->names[periods->n - 1]);
  g_print ("%s: %s\n", _("Closed up to"),
                          outlay_document_get_closed_periods (doc) > 0
                              ? periods->names[outlay_document_get_closed_periods (doc) - 1]
                              : _("none"));
  g_print ("%s: %u\n", _("Run rate over"), now->run_rate_periods);
  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);

      g_print ("  %s %s: %s\n", outlay_section_get_code (section),
               outlay_section_get_name (section),
               outlay_enum_to_nick (OUTLAY_TYPE_FORECAST_METHOD,
                                    outlay_document_get_forecast_method (doc, section), ""));
    }
  return 0;

fail:
  outlay_period_settings_clear (&settings);
  return outlay_cli_fail (error);
}

int
outlay_cli_close_period (Cli *cli, int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(OutlayPhasingGrid) grid = NULL;
  g_autofree char *total = NULL;
  OutlayDecimal sum = 0;
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, _("BUDGET [PERIOD]"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2 && argc != 3)
    return outlay_cli_usage_error (_("“close-period” needs a BUDGET and optionally the PERIOD"));
  if ((doc = outlay_cli_open_document (cli, argv[1], &store, &error)) == NULL
      || (grid = outlay_phasing_grid_new (doc, &error)) == NULL
      || !outlay_rolling_forecast_close (doc, argc == 3 ? argv[2] : NULL, grid, &error))
    return outlay_cli_fail (error);
  for (guint p = 0; p < grid->periods->n; p++)
    sum += grid->total_forecast[p];
  total = outlay_currency_format_plain (sum, currency_of (doc));
  g_print (_("Closed %s; forecast at completion %s\n"), grid->periods->names[grid->closed - 1],
              total);
  return 0;
}

int
outlay_cli_forecast_periods (Cli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = { { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
                               { NULL } };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(OutlayPhasingGrid) grid = NULL;
  GError *error = NULL;
  const char *cur;
  guint n;

  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2)
    return outlay_cli_usage_error (_("“forecast-periods” needs exactly one BUDGET"));
  if ((doc = outlay_cli_open_document (cli, argv[1], &store, &error)) == NULL
      || (grid = outlay_phasing_grid_new (doc, &error)) == NULL
      || !outlay_rolling_forecast_compute (grid, doc, outlay_document_get_closed_periods (doc),
                                           &error))
    return outlay_cli_fail (error);
  if (json)
    {
      g_autoptr(JsonNode) node = outlay_rolling_forecast_to_json (grid, doc);

      outlay_cli_print_json (node);
      return 0;
    }
  cur = currency_of (doc);
  n = grid->periods->n;
  print_header (grid->periods);
  g_print ("%-28s", _("(A actual, F forecast)"));
  for (guint p = 0; p < n; p++)
    g_print (" %12s", p < grid->closed ? "A" : "F");
  g_print ("\n");
  for (guint s = 0; s < grid->n_sections; s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);
      g_autofree char *label = g_strdup_printf ("%s %s", outlay_section_get_code (section),
                                                outlay_section_get_name (section));

      print_row (label, &grid->section_forecast[(gsize) s * n], n, cur);
    }
  print_row (_("Total"), grid->total_forecast, n, cur);
  print_row (_("Phased budget"), grid->total_planned, n, cur);
  for (guint p = 0; p < grid->closed; p++)
    {
      OutlayForecastAccuracy a;
      g_autofree char *f = NULL;
      g_autofree char *act = NULL;
      g_autofree char *pct = NULL;

      outlay_rolling_forecast_accuracy (grid, doc, NULL, p, &a);
      if (!a.has_forecast)
        continue;
      f = outlay_currency_format_plain (a.forecast, cur);
      act = outlay_currency_format_plain (a.actual, cur);
      pct = a.has_percent ? outlay_decimal_to_string (a.error_percent, 1) : g_strdup ("—");
      g_print (_("%s: forecast %s, actual %s (%s%%)\n"), grid->periods->names[p], f, act, pct);
    }
  return 0;
}

int
outlay_cli_export_periods (Cli *cli, int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *shape = NULL;
  GOptionEntry entries[] = {
    { "shape", 0, 0, G_OPTION_ARG_STRING, &shape,
      N_("rows (one row per line and period, the default) or months (months across)"), N_("S") },
      { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
        N_("Write FILE.csv or FILE.xlsx"), N_("FILE") }, { NULL } };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  OutlayPeriodLayout layout = OUTLAY_PERIOD_LAYOUT_ROWS;
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2 || output == NULL)
    return outlay_cli_usage_error (_("“export-periods” needs a BUDGET and -o FILE"));
  if (shape != NULL && g_str_equal (shape, "months"))
    layout = OUTLAY_PERIOD_LAYOUT_COLUMNS;
  else if (shape != NULL && !g_str_equal (shape, "rows"))
    return outlay_cli_usage_error (_("--shape is rows or months"));
  if ((doc = outlay_cli_open_document (cli, argv[1], &store, &error)) == NULL
      || !outlay_period_export (doc, layout, output, &error))
    return outlay_cli_fail (error);
  g_print (_("Wrote %s\n"), output);
  return 0;
}

int
outlay_cli_period_variance (Cli *cli, int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *amount_text = NULL;
  g_autofree char *percent_text = NULL;
  GOptionEntry entries[] = {
    { "flag-amount", 0, 0, G_OPTION_ARG_STRING, &amount_text,
      N_("Flag a variance over this amount"), N_("A") },
      { "flag-percent", 0, 0, G_OPTION_ARG_STRING, &percent_text,
        N_("Flag a variance over this percentage of the period's budget (the lower limit wins)"),
            N_("P") },
        { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
          N_("Write FILE.pdf or FILE.xlsx"), N_("FILE") }, { NULL } };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  OutlayDecimal amount = 0, percent = 0;
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2 || output == NULL)
    return outlay_cli_usage_error (_("“period-variance” needs a BUDGET and -o FILE"));
  if ((amount_text != NULL && (!outlay_decimal_parse (amount_text, &amount, &error) || amount < 0))
      || (percent_text != NULL
          && (!outlay_decimal_parse (percent_text, &percent, &error) || percent < 0)))
    {
      if (error != NULL)
        g_prefix_error (&error, "--flag-amount/--flag-percent: ");
      else
        g_set_error_literal (&error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                             _("--flag-amount and --flag-percent cannot be negative"));
      return outlay_cli_fail (error);
    }
  if ((doc = outlay_cli_open_document (cli, argv[1], &store, &error)) == NULL)
    return outlay_cli_fail (error);
  if (g_str_has_suffix (output, ".xlsx"))
    {
      if (!outlay_period_variance_xlsx (doc, amount, percent, output, &error))
        return outlay_cli_fail (error);
    }
  else
    {
      OutlayReportOptions options;
      g_autoptr(OutlayReport) report = NULL;
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      outlay_report_options_init (&options, OUTLAY_REPORT_PERIOD_VARIANCE);
      options.landscape = TRUE;
      options.flag_amount = amount;
      options.flag_percent = percent;
      report = outlay_report_new (doc, &options);
      if (!outlay_report_write_pdf (report, file, NULL, &error))
        return outlay_cli_fail (error);
    }
  g_print (_("Wrote %s\n"), output);
  return 0;
}
