/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-cli"

/* outlay-cli dashboard and forecast: a budget's utilization, burn rate,
 * the day the money runs out and its breakdowns; its earned value with
 * the final cost's range and last month's forecast beside today's. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-currency.h"
#include "outlay-dashboard-json.h"
#include "outlay-dashboard-load.h"
#include "outlay-error.h"

#include "outlay-cli-private.h"

static char *
day_text (guint32 day)
{
  GDate date;
  char text[64];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  g_date_strftime (text, sizeof text, "%x", &date);
  return g_strdup (text);
}

static char *
pct_text (OutlayDecimal pct)
{
  g_autofree char *n = outlay_decimal_format_locale (outlay_decimal_round (pct, 1), 1);

  return g_strdup_printf ("%s %%", n);
}

static char *
ratio_text (gboolean set, OutlayDecimal value)
{
  return set ? outlay_decimal_format_locale (outlay_decimal_round (value, 2), 2) : g_strdup ("—");
}

/* The dashboard, or with @forecast_only its forecast alone (its own,
 * shorter read). */
static OutlayDashboard *
load (Cli *cli, const char *budget, guint window, gboolean forecast_only, GError **error)
{
  g_autoptr(OutlayStore) store = outlay_cli_open_store (cli, error);
  gint64 id;

  if (store == NULL || (id = outlay_store_find_budget (store, budget, error)) == 0)
    return NULL;
  if (forecast_only)
    return outlay_forecast_load (store, id, outlay_dashboard_today (), error);
  return outlay_dashboard_load (store, id, outlay_dashboard_today (), window, error);
}

static void print_forecast (OutlayDashboard *d);

static void
print_rows (const char *title, GArray *rows, const char *cur, gboolean hours)
{
  if (rows->len == 0)
    return;
  g_print ("\n%s\n", title);
  for (guint i = 0; i < rows->len; i++)
    {
      const OutlayFactsRow *r = &g_array_index (rows, OutlayFactsRow, i);
      g_autofree char *actual = outlay_currency_format (r->actual, cur);
      g_autofree char *estimate = outlay_currency_format (r->estimate, cur);
      g_autofree char *h = outlay_decimal_format_locale (outlay_decimal_round (r->hours, 2), 2);

      if (hours)
        /* Translators: a person's row, "  Ann   $1,200.00   (12.50 h)" */
        g_print (_("  %-32s %16s  (%s h)\n"),
                    r->name && *r->name ? r->name : _("Nobody"), actual, h);
      else
        /* Translators: "  A Crew   $1,200.00 of $1,000.00" */
        g_print (_("  %-32s %16s of %s\n"), r->name ? r->name : "", actual, estimate);
    }
}

static void
print_utilization (OutlayDashboard *d)
{
  const char *cur = d->facts->currency;
  g_autofree char *spent = outlay_currency_format (d->spent, cur);
  g_autofree char *cap = outlay_currency_format (d->cap, cur);
  g_autofree char *pct = pct_text (d->used_percent);
  g_autofree char *warn = pct_text (d->facts->warning);
  g_autofree char *crit = pct_text (d->facts->critical);

  if (d->cap <= 0)
    g_print (_("Spent: %s (no allocation or estimate to measure against)\n"), spent);
  else
    g_print (d->cap_is_allocation
             ? _("Utilization: %s of %s allocated (%s)\n")
             : _("Utilization: %s of the %s estimate (%s)\n"), spent, cap, pct);
  if (d->level == OUTLAY_UTILIZATION_CRITICAL)
    g_print (_("  Past the critical threshold of %s\n"), crit);
  else if (d->level == OUTLAY_UTILIZATION_WARNING)
    g_print (_("  Past the warning threshold of %s\n"), warn);
}

static void
print_burn (OutlayDashboard *d)
{
  const char *cur = d->facts->currency;
  g_autofree char *per_day = outlay_currency_format (d->burn.per_day, cur);
  g_autofree char *per_week = outlay_currency_format (d->burn.per_week, cur);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Burn rate over the last %u day: %s a day, %s a week\n",
                        "Burn rate over the last %u days: %s a day, %s a week\n",
                        d->burn.window_days),
           d->burn.window_days, per_day, per_week);
  if (!d->burn.runs_out)
    g_print (_("The money does not run out at this rate\n"));
  else
    {
      g_autofree char *out = day_text (d->burn.runs_out_day);

      if (d->burn.has_range && d->burn.has_latest)
        {
          g_autofree char *lo = day_text (d->burn.earliest_day);
          g_autofree char *hi = day_text (d->burn.latest_day);

          g_print (_("The money runs out on %s (between %s and %s)\n"), out, lo, hi);
        }
      else if (d->burn.has_range)
        {
          g_autofree char *lo = day_text (d->burn.earliest_day);

          g_print (_("The money runs out on %s (as early as %s)\n"), out, lo);
        }
      else
        g_print (_("The money runs out on %s\n"), out);
    }
}

static void
print_dashboard (OutlayDashboard *d)
{
  const OutlayDashboardFacts *f = d->facts;
  g_autofree char *logged = outlay_decimal_format_locale (outlay_decimal_round (f->logged_hours, 2),
                                                          2);
  g_autofree char *est = outlay_decimal_format_locale (outlay_decimal_round (f->estimated_hours, 2),
                                                       2);
  g_autofree char *alloc = outlay_decimal_format_locale (
      outlay_decimal_round (f->allocated_hours, 2), 2);

  print_utilization (d);
  print_burn (d);
  if (f->allocated_hours > 0)
    g_print (_("Hours: %s logged of %s estimated for the tasks, %s allocated\n"), logged, est,
                alloc);
  else
    g_print (_("Hours: %s logged of %s estimated for the tasks\n"), logged, est);
  print_rows (_("By section"), f->sections, f->currency, FALSE);
  print_rows (_("By person"), f->people, f->currency, TRUE);
  print_rows (_("By task"), f->tasks, f->currency, FALSE);
  print_rows (_("Over their estimate"), f->overruns, f->currency, FALSE);
}

static gboolean
parse_window (const char *text, guint *window, GError **error)
{
  guint64 n = 30;

  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, 1, 3660, &n, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--window takes a number of days from 1 to 3660, not “%s”"), text);
      return FALSE;
    }
  *window = (guint) n;
  return TRUE;
}

int
outlay_cli_dashboard (Cli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  g_autofree char *window_text = NULL;
  GOptionEntry entries[] = {
    { "window", 'w', 0, G_OPTION_ARG_STRING, &window_text,
      N_("Measure the burn rate over the last DAYS days (7, 14, 30 or 90; default 30)"),
          N_("DAYS") },
      { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL }, { NULL } };
  g_autoptr(OutlayDashboard) d = NULL;
  GError *error = NULL;
  guint window = 30;

  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error)
                                 || !parse_window (window_text, &window, &error))
    return outlay_cli_fail (error);
  if (argc != 2)
    return outlay_cli_usage_error (_("“dashboard” needs exactly one BUDGET"));
  if ((d = load (cli, argv[1], window, FALSE, &error)) == NULL)
    return outlay_cli_fail (error);
  if (json)
    {
      g_autoptr(JsonNode) root = outlay_dashboard_to_json (d);

      outlay_cli_print_json (root);
    }
  else
    {
      print_dashboard (d);
      g_print ("\n");
      print_forecast (d);
    }
  return 0;
}

static void
print_evm (OutlayDashboard *d)
{
  const char *cur = d->facts->currency;
  const OutlayEvm *e = &d->evm;
  g_autofree char *bac = outlay_currency_format (e->bac, cur);
  g_autofree char *pv = outlay_currency_format (e->pv, cur);
  g_autofree char *ev = outlay_currency_format (e->ev, cur);
  g_autofree char *ac = outlay_currency_format (e->ac, cur);
  g_autofree char *cv = outlay_currency_format (e->cv, cur);
  g_autofree char *sv = outlay_currency_format (e->sv, cur);
  g_autofree char *cpi = ratio_text (e->has_cpi, e->cpi);
  g_autofree char *spi = ratio_text (e->has_spi, e->spi);
  g_autofree char *tcpi = ratio_text (e->has_tcpi, e->tcpi);
  g_autofree char *typ = outlay_currency_format (e->eac_typical, cur);
  g_autofree char *atyp = outlay_currency_format (e->eac_atypical, cur);
  g_autofree char *both = outlay_currency_format (e->eac_cpi_spi, cur);
  g_autofree char *etc = outlay_currency_format (e->etc, cur);
  g_autofree char *vac = outlay_currency_format (e->vac, cur);

  g_print (_("Budget at completion (BAC)  %s\n"), bac);
  g_print (_("Planned value (PV)          %s\n"), pv);
  g_print (_("Earned value (EV)           %s\n"), ev);
  g_print (_("Actual cost (AC)            %s\n"), ac);
  g_print (_("CPI %s   SPI %s   TCPI %s\n"), cpi, spi, tcpi);
  g_print (_("Cost variance (CV)          %s\n"), cv);
  g_print (_("Schedule variance (SV)      %s\n"), sv);
  g_print (_("EAC, the rest as so far     %s\n"), typ);
  g_print (_("EAC, the rest to plan       %s\n"), atyp);
  g_print (_("EAC, CPI × SPI              %s\n"), both);
  g_print (_("Estimate to complete (ETC)  %s\n"), etc);
  g_print (_("Variance at completion      %s\n"), vac);
}

static void
print_forecast (OutlayDashboard *d)
{
  const char *cur = d->facts->currency;

  if (!d->has_evm)
    {
      g_print (_("No earned value yet: give the budget’s tasks estimated costs\n"));
      return;
    }
  print_evm (d);
  if (d->has_range)
    {
      g_autofree char *p10 = outlay_currency_format (d->range.eac_p10, cur);
      g_autofree char *p50 = outlay_currency_format (d->range.eac_p50, cur);
      g_autofree char *p90 = outlay_currency_format (d->range.eac_p90, cur);

      g_print (g_dngettext (GETTEXT_PACKAGE, "Final cost: P10 %s, P50 %s, P90 %s (from %u week)\n",
                            "Final cost: P10 %s, P50 %s, P90 %s (from %u weeks)\n", d->range.n),
               p10, p50, p90, d->range.n);
    }
  else
    g_print (_("No range yet: it needs two weeks with both work and cost\n"));
  if (d->facts->has_snapshot_then)
    {
      g_autofree char *when = day_text (d->facts->snapshot_then.day);
      g_autofree char *then = outlay_currency_format (d->facts->snapshot_then.eac_typical, cur);
      g_autofree char *now = outlay_currency_format (d->evm.eac_typical, cur);

      g_print (_("Forecast on %s: %s; today: %s\n"), when, then, now);
    }
}

int
outlay_cli_forecast (Cli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = { { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
                               { NULL } };
  g_autoptr(OutlayDashboard) d = NULL;
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2)
    return outlay_cli_usage_error (_("“forecast” needs exactly one BUDGET"));
  if ((d = load (cli, argv[1], 30, TRUE, &error)) == NULL)
    return outlay_cli_fail (error);
  if (json)
    {
      g_autoptr(JsonNode) root = outlay_forecast_to_json (d);

      outlay_cli_print_json (root);
    }
  else
    print_forecast (d);
  return 0;
}
