/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-rules"

/* The built-in advice, offline and always on: lines running over, a burn
 * rate that spends the money before the work ends, allocations nobody has
 * touched halfway through, and rates well above what the same role costs
 * in the user's other budgets.  Each piece of advice says why, with its
 * figures, how sure it is and what it would save; the rate advice carries
 * the change "Implement" makes. */

#include "config.h"

#include "outlay-rules.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-currency.h"
#include "outlay-recurrence.h"

/* At most this many overrunning lines are named one by one. */
#define MAX_OVERRUNS 10

/* ---- rates across budgets ---- */

struct _OutlayRatePatterns
{
  /* "description\x1funit" (folded) → Role */
  GHashTable *roles;
};

/* One role's rates by budget, and the last lookup's answer: the rules ask
 * for every line of one budget, always leaving out that same budget. */
typedef struct
{
  GHashTable *budgets; /* budget id → GArray of rates */
  gint64 cached_for;   /* the budget left out; 0: nothing cached */
  OutlayDecimal typical;
  guint n_budgets;
} Role;

/* Trimmed and folded, in one allocation; plain ASCII (nearly every role)
 * skips the Unicode case folding. */
static char *
fold_into (GString *out, const char *text)
{
  const char *end;
  gboolean ascii = TRUE;

  text = text ? text : "";
  while (g_ascii_isspace (*text))
    text++;
  end = text + strlen (text);
  while (end > text && g_ascii_isspace (end[-1]))
    end--;
  for (const char *p = text; p < end && ascii; p++)
    ascii = (guchar) *p < 0x80;
  if (ascii)
    for (const char *p = text; p < end; p++)
      g_string_append_c (out, g_ascii_tolower (*p));
  else
    {
      g_autofree char *folded = g_utf8_casefold (text, end - text);

      g_string_append (out, folded);
    }
  return out->str;
}

static char *
role_key (const char *description, const char *unit)
{
  GString *key = g_string_sized_new (48);

  if (*fold_into (key, description) == '\0')
    {
      g_string_free (key, TRUE);
      return NULL;
    }
  g_string_append_c (key, '\x1f');
  fold_into (key, unit);
  return g_string_free (key, FALSE);
}

static void
free_rates (gpointer rates)
{
  g_array_unref (rates);
}

static void
free_role (gpointer data)
{
  Role *role = data;

  g_hash_table_unref (role->budgets);
  g_free (role);
}

/**
 * outlay_rate_patterns_new:
 *
 * Returns: (transfer full): empty patterns, filled by outlay_rate_patterns_add()
 */
OutlayRatePatterns *
outlay_rate_patterns_new (void)
{
  OutlayRatePatterns *self = g_new0 (OutlayRatePatterns, 1);

  self->roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_role);
  return self;
}

void
outlay_rate_patterns_free (OutlayRatePatterns *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->roles);
  g_free (self);
}

/**
 * outlay_rate_patterns_add:
 * @self: the patterns
 * @budget_id: the budget the line belongs to
 * @description: the line's description, the role ("Gaffer")
 * @unit: its unit ("day")
 * @rate: its rate; zero and negative rates say nothing and are left out
 */
void
outlay_rate_patterns_add (OutlayRatePatterns *self,
                          gint64 budget_id,
                          const char *description,
                          const char *unit,
                          OutlayDecimal rate)
{
  g_autofree char *key = NULL;
  Role *role;
  GArray *rates;

  g_return_if_fail (self != NULL);
  if (rate <= 0 || (key = role_key (description, unit)) == NULL)
    return;
  role = g_hash_table_lookup (self->roles, key);
  if (role == NULL)
    {
      role = g_new0 (Role, 1);
      role->budgets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, free_rates);
      g_hash_table_insert (self->roles, g_steal_pointer (&key), role);
    }
  role->cached_for = 0;
  rates = g_hash_table_lookup (role->budgets, &budget_id);
  if (rates == NULL)
    {
      rates = g_array_new (FALSE, FALSE, sizeof (OutlayDecimal));
      g_hash_table_insert (role->budgets, g_memdup2 (&budget_id, sizeof budget_id), rates);
    }
  g_array_append_val (rates, rate);
}

static int
compare_decimals (gconstpointer a, gconstpointer b)
{
  OutlayDecimal x = *(const OutlayDecimal *) a, y = *(const OutlayDecimal *) b;

  return (x > y) - (x < y);
}

/* The median, the lower middle value for an even count (an amount
 * somebody really paid). */
static OutlayDecimal
median (GArray *values)
{
  g_array_sort (values, compare_decimals);
  return g_array_index (values, OutlayDecimal, (values->len - 1) / 2);
}

/**
 * outlay_rate_patterns_lookup:
 * @self: the patterns
 * @description: the role
 * @unit: its unit
 * @excluding_budget: the budget asking, left out of what is typical
 * @typical: (out): the median over the other budgets of each one's median rate
 * @n_budgets: (out): how many other budgets that rests on
 *
 * Returns: %TRUE when at least one other budget has the role
 */
gboolean
outlay_rate_patterns_lookup (OutlayRatePatterns *self,
                             const char *description,
                             const char *unit,
                             gint64 excluding_budget,
                             OutlayDecimal *typical,
                             guint *n_budgets)
{
  g_autofree char *key = role_key (description, unit);
  g_autoptr(GArray) medians = NULL;
  Role *role;
  GHashTableIter iter;
  gpointer id, rates;

  g_return_val_if_fail (self != NULL, FALSE);
  *typical = 0;
  *n_budgets = 0;
  if (key == NULL || (role = g_hash_table_lookup (self->roles, key)) == NULL)
    return FALSE;
  if (role->cached_for == 0 || role->cached_for != excluding_budget)
    {
      medians = g_array_new (FALSE, FALSE, sizeof (OutlayDecimal));
      g_hash_table_iter_init (&iter, role->budgets);
      while (g_hash_table_iter_next (&iter, &id, &rates))
        if (*(gint64 *) id != excluding_budget)
          {
            OutlayDecimal m = median (rates);

            g_array_append_val (medians, m);
          }
      role->n_budgets = medians->len;
      role->typical = medians->len > 0 ? median (medians) : 0;
      /* budget ids start at 1: a lookup leaving none out is not kept */
      role->cached_for = excluding_budget;
    }
  if (role->n_budgets == 0)
    return FALSE;
  *typical = role->typical;
  *n_budgets = role->n_budgets;
  return TRUE;
}

/* ---- the rules ---- */

typedef struct
{
  OutlayDocument *document;
  const OutlayRulesContext *context;
  const char *currency;
  GPtrArray *out;
} Run;

static char *
money (Run *run, OutlayDecimal value)
{
  return outlay_currency_format (value, run->currency);
}

static OutlayRecommendation *
add (Run *run,
     const char *kind,
     const char *fingerprint,
     OutlayPriority priority,
     guint confidence,
     OutlayDecimal savings)
{
  OutlayRecommendation *r = g_object_new (
      OUTLAY_TYPE_RECOMMENDATION, "budget-id",
      outlay_budget_get_id (outlay_document_get_budget (run->document)), "kind", kind,
      "fingerprint", fingerprint, "priority", priority, "confidence", MIN (confidence, 100u),
      "estimated-savings", MAX (savings, 0), "source", OUTLAY_RECOMMENDATION_SOURCE_RULES,
      "created", g_get_real_time () / G_USEC_PER_SEC, NULL);

  g_ptr_array_add (run->out, r);
  return r;
}

/* Sets the advice's words, taking the strings. */
static void
set_texts (OutlayRecommendation *r, char *title, char *description, char *reasoning)
{
  g_object_set (r, "title", title, "description", description, "reasoning", reasoning, NULL);
  g_free (title);
  g_free (description);
  g_free (reasoning);
}

/* Sets the evidence and the change "Implement" makes, taking the strings. */
static void
set_evidence (OutlayRecommendation *r, char *patterns, char *action)
{
  g_object_set (r, "patterns", patterns, "action", action, NULL);
  g_free (patterns);
  g_free (action);
}

static const char *
line_name (OutlayLine *line)
{
  const char *d = outlay_line_get_text (line, OUTLAY_LINE_DESCRIPTION);

  return d != NULL && *d != '\0' ? d : outlay_line_get_text (line, OUTLAY_LINE_CODE);
}

typedef struct
{
  OutlayLine *line;
  OutlayDecimal over;
} Overrun;

static int
compare_overruns (gconstpointer a, gconstpointer b)
{
  OutlayDecimal x = ((const Overrun *) a)->over, y = ((const Overrun *) b)->over;

  return (y > x) - (y < x);
}

/* Lines whose spend (actual + committed) passed their estimate, the
 * largest first. */
static void
rule_overruns (Run *run)
{
  g_autoptr(GArray) overruns = g_array_new (FALSE, FALSE, sizeof (Overrun));

  for (guint s = 0; s < outlay_document_get_n_sections (run->document); s++)
    {
      OutlaySection *section = outlay_document_get_section (run->document, s);

      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        {
          OutlayLine *line = outlay_section_get_line (section, l);
          OutlayDecimal estimate = outlay_line_get_estimate (line);
          OutlayDecimal spend;
          Overrun o = { line, 0 };

          if (estimate <= 0
              || !outlay_decimal_add (outlay_line_get_total_actual (line),
                                      outlay_line_get_decimal (line, OUTLAY_LINE_COMMITTED), &spend)
              || !outlay_decimal_sub (spend, estimate, &o.over) || o.over <= 0)
            continue;
          g_array_append_val (overruns, o);
        }
    }
  g_array_sort (overruns, compare_overruns);

  for (guint i = 0; i < MIN (overruns->len, MAX_OVERRUNS); i++)
    {
      Overrun *o = &g_array_index (overruns, Overrun, i);
      OutlayDecimal estimate = outlay_line_get_estimate (o->line);
      OutlayDecimal pct = 0;
      g_autofree char *fp = g_strdup_printf ("overrun:line:%" G_GINT64_FORMAT,
                                             outlay_line_get_id (o->line));
      g_autofree char *over = money (run, o->over);
      g_autofree char *est = money (run, estimate);
      g_autofree char *pct_text = NULL;
      OutlayRecommendation *r;

      outlay_decimal_as_percent (o->over, estimate, &pct);
      pct_text = outlay_decimal_format_locale (outlay_decimal_round (pct, 0), 0);
      r = add (run, "overrun", fp,
               pct >= OUTLAY_DECIMAL_FROM_INT (20) ? OUTLAY_PRIORITY_HIGH : OUTLAY_PRIORITY_MEDIUM,
               95, 0);
      set_texts (
          r,
          /* Translators: %s is a budget line, "Gaffer" */
          g_strdup_printf (
              _("“%s” is over its estimate"), line_name (o->line)),
              /* Translators: "Spent 1,200.00 more than its estimate of 5,000.00 (24 %)…" */
              g_strdup_printf (
                  _("Spent %s more than its estimate of %s (%s %%). Find what "
                                    "drove it, and move money from a line with room or raise "
                                    "the estimate so the forecast stays honest."),
                     over, est, pct_text),
                  g_strdup_printf (_("Actual plus committed is above the estimate by %s."), over));
    }
}

/* The money runs out before the work ends at the current burn rate. */
static void
rule_burn (Run *run)
{
  const OutlayRulesContext *c = run->context;
  const OutlayTotals *t = outlay_document_get_totals (run->document);
  OutlayDecimal cap = outlay_document_get_budgeted (run->document);
  OutlayDecimal spent = outlay_totals_get_spent (t), needed, savings;
  OutlayBurn burn;
  g_autoptr(GDate) out_date = NULL, end_date = NULL;
  char out_text[64], end_text[64];
  g_autofree char *rate = NULL, *cut = NULL;
  OutlayRecommendation *r;
  guint days_left;

  if (c->spend == NULL || c->end_day == 0 || c->end_day <= c->today || cap <= 0
      || spent == OUTLAY_DECIMAL_MAX
      || !outlay_burn_compute (c->spend, c->n_spend, c->today,
                               c->burn_window_days ? c->burn_window_days : 30, cap, spent, &burn,
                               NULL)
      || !burn.runs_out || burn.remaining <= 0 || burn.runs_out_day >= c->end_day)
    return;

  /* what the rest of the time costs at this rate, less what is left */
  days_left = c->end_day - c->today;
  if (!outlay_decimal_mul (burn.per_day, OUTLAY_DECIMAL_FROM_INT (days_left), &needed)
      || !outlay_decimal_sub (needed, burn.remaining, &savings))
    return;
  out_date = g_date_new_julian (burn.runs_out_day);
  end_date = g_date_new_julian (c->end_day);
  g_date_strftime (out_text, sizeof out_text, "%x", out_date);
  g_date_strftime (end_text, sizeof end_text, "%x", end_date);
  rate = money (run, burn.per_day);
  {
    OutlayDecimal per_day_ok = 0;

    outlay_decimal_mul_div (burn.remaining, 1, days_left, &per_day_ok);
    cut = money (run, per_day_ok);
  }
  r = add (run, "burn", "burn:budget",
           c->end_day - burn.runs_out_day > 14 ? OUTLAY_PRIORITY_HIGH : OUTLAY_PRIORITY_MEDIUM,
           burn.has_range && burn.has_latest && burn.latest_day < c->end_day ? 85 : 65, savings);
  set_texts (
      r, g_strdup_printf (
             _("The money runs out on %s, before the work ends on %s"), out_text, end_text),
             g_strdup_printf (_("At %s a day the remaining budget is spent %u days early. Keep "
                                "spending under %s a day, or find the difference elsewhere."),
                                 rate, c->end_day - burn.runs_out_day, cut),
                              g_strdup_printf (_("Burn rate over the last %u days: %s a day."),
                                                  burn.window_days, rate));
}

/* Lines with money set aside and nothing spent, committed or reserved
 * once more than half the budget's time has passed. */
static void
rule_idle (Run *run)
{
  const OutlayRulesContext *c = run->context;

  if (c->start_day == 0 || c->end_day <= c->start_day || c->today <= c->start_day
      || (c->today - c->start_day) * 2 < (c->end_day - c->start_day) || c->today >= c->end_day)
    return;
  for (guint s = 0; s < outlay_document_get_n_sections (run->document); s++)
    {
      OutlaySection *section = outlay_document_get_section (run->document, s);

      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        {
          OutlayLine *line = outlay_section_get_line (section, l);
          OutlayDecimal estimate = outlay_line_get_estimate (line);
          g_autofree char *fp = NULL, *est = NULL;
          OutlayRecommendation *r;
          guint elapsed;

          if (estimate <= 0 || outlay_line_get_total_actual (line) != 0
              || outlay_line_get_decimal (line, OUTLAY_LINE_COMMITTED) != 0
              || outlay_line_get_decimal (line, OUTLAY_LINE_RESERVED) != 0)
            continue;
          fp = g_strdup_printf ("idle:line:%" G_GINT64_FORMAT, outlay_line_get_id (line));
          est = money (run, estimate);
          elapsed = (c->today - c->start_day) * 100 / (c->end_day - c->start_day);
          /* the later it is, the surer that the money will not be used */
          r = add (run, "idle", fp, OUTLAY_PRIORITY_LOW, 40 + elapsed / 2, estimate);
          set_texts (r, g_strdup_printf (
                            _("Nothing spent yet on “%s”"), line_name (line)),
                            g_strdup_printf (
                                _("%s is set aside and nothing is spent, committed or "
                                        "reserved, %u %% of the way through. Release it to a "
                                        "line that needs it, or confirm it is still planned."),
                                   est, elapsed),
                                g_strdup_printf (
                                    _("No actual, committed or reserved amount after %u %% of "
                                        "the budget’s time."),
                                       elapsed));
        }
    }
}

/* Rates well above what the same role and unit cost in other budgets. */
static void
rule_rates (Run *run)
{
  const OutlayRulesContext *c = run->context;
  gint64 budget_id = outlay_budget_get_id (outlay_document_get_budget (run->document));

  if (c->patterns == NULL)
    return;
  for (guint s = 0; s < outlay_document_get_n_sections (run->document); s++)
    {
      OutlaySection *section = outlay_document_get_section (run->document, s);

      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        {
          OutlayLine *line = outlay_section_get_line (section, l);
          OutlayDecimal rate = outlay_line_get_decimal (line, OUTLAY_LINE_RATE);
          OutlayDecimal typical, limit, diff, savings, units;
          g_autofree char *fp = NULL, *rate_text = NULL, *typical_text = NULL, *value = NULL;
          OutlayRecommendation *r;
          guint n;

          if (rate <= 0 || outlay_line_get_estimate_overridden (line)
              || !outlay_rate_patterns_lookup (
                  c->patterns, outlay_line_get_text (line, OUTLAY_LINE_DESCRIPTION),
                  outlay_line_get_text (line, OUTLAY_LINE_UNIT), budget_id, &typical, &n)
              || n < OUTLAY_RULES_RATE_MIN_BUDGETS
              || !outlay_decimal_percent_of (
                  typical, OUTLAY_DECIMAL_FROM_INT (100 + OUTLAY_RULES_RATE_MARGIN_PERCENT), &limit)
              || rate <= limit)
            continue;
          /* the estimate at the typical rate: (rate − typical) × qty × days */
          if (!outlay_decimal_sub (rate, typical, &diff)
              || !outlay_decimal_mul (outlay_line_get_decimal (line, OUTLAY_LINE_QUANTITY),
                                      outlay_line_get_decimal (line, OUTLAY_LINE_MULTIPLIER),
                                      &units)
              || !outlay_decimal_mul (diff, units, &savings))
            continue;
          fp = g_strdup_printf ("rate:line:%" G_GINT64_FORMAT, outlay_line_get_id (line));
          rate_text = money (run, rate);
          typical_text = money (run, typical);
          value = outlay_decimal_to_string (typical, 4);
          r = add (run, "rate", fp,
                   savings >= OUTLAY_DECIMAL_FROM_INT (1000) ? OUTLAY_PRIORITY_MEDIUM
                                                             : OUTLAY_PRIORITY_LOW,
                   40 + 10 * MIN (n, 5u), savings);
          set_texts (
              r, g_strdup_printf (
                     _("“%s” costs more here than in your other budgets"), line_name (line)),
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "The rate is %s; %u other budget pays %s "
                                                   "(median). Implement sets the rate to %s.",
                                                   "The rate is %s; %u other budgets pay %s "
                                                   "(median). Implement sets the rate to %s.",
                                                   n),
                                      rate_text, n, typical_text, typical_text),
                     g_strdup_printf (_("More than %d %% above the median of %u budgets for the "
                                        "same role and unit."),
                                         OUTLAY_RULES_RATE_MARGIN_PERCENT, n));
          set_evidence (r, g_strdup_printf ("{\"budgets\":%u,\"typical\":\"%s\"}", n, value),
                        g_strdup_printf ("{\"line\":%" G_GINT64_FORMAT
                                         ",\"field\":\"rate\",\"value\":\"%s\"}",
                                         outlay_line_get_id (line), value));
        }
    }
}

/* The most pressing first: priority, then what it would save. */
static int
compare_advice (gconstpointer a, gconstpointer b)
{
  OutlayRecommendation *x = *(OutlayRecommendation **) a, *y = *(OutlayRecommendation **) b;
  OutlayDecimal sx = outlay_recommendation_get_estimated_savings (x);
  OutlayDecimal sy = outlay_recommendation_get_estimated_savings (y);
  int px = outlay_recommendation_get_priority (x), py = outlay_recommendation_get_priority (y);

  if (px != py)
    return py - px;
  return (sy > sx) - (sy < sx);
}

/**
 * outlay_rules_run:
 * @document: the budget
 * @context: what the rules need besides it
 *
 * Runs every built-in rule.  Each result has status new, source rules, a
 * fingerprint naming what it is about and, where one exists, the change
 * that implements it.
 *
 * Returns: (transfer full) (element-type OutlayRecommendation): the advice,
 *   the most pressing first
 */
GPtrArray *
outlay_rules_run (OutlayDocument *document, const OutlayRulesContext *context)
{
  Run run = { document, context, NULL, g_ptr_array_new_with_free_func (g_object_unref) };

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (context != NULL, NULL);
  run.currency = outlay_budget_get_currency (outlay_document_get_budget (document));

  rule_burn (&run);
  rule_overruns (&run);
  rule_rates (&run);
  rule_idle (&run);
  g_ptr_array_sort (run.out, compare_advice);
  return run.out;
}

/**
 * outlay_rules_parse_day:
 * @iso_date: (nullable): a date as YYYY-MM-DD
 *
 * Returns: its Julian day, or 0 when it is not a valid date
 */
guint32
outlay_rules_parse_day (const char *iso_date)
{
  GDate date;

  return outlay_date_parse_iso (iso_date, &date) ? g_date_get_julian (&date) : 0;
}

/**
 * outlay_rules_dated_spend:
 * @document: a budget
 *
 * Returns: (transfer full) (element-type OutlaySpend): each line's actual
 *   on the line's date, for lines with both
 */
GArray *
outlay_rules_dated_spend (OutlayDocument *document)
{
  GArray *spend = g_array_new (FALSE, FALSE, sizeof (OutlaySpend));

  for (guint s = 0; s < outlay_document_get_n_sections (document); s++)
    {
      OutlaySection *section = outlay_document_get_section (document, s);

      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        {
          OutlayLine *line = outlay_section_get_line (section, l);
          OutlaySpend one = { outlay_rules_parse_day (
                                  outlay_line_get_text (line, OUTLAY_LINE_DATE)),
                              outlay_line_get_actual (line) };

          if (one.day != 0 && one.amount != 0)
            g_array_append_val (spend, one);
        }
    }
  return spend;
}

/**
 * outlay_rules_context_init:
 * @context: (out caller-allocates): the context to fill
 * @document: the budget
 * @today: the Julian day to look from
 * @spend: (nullable) (element-type OutlaySpend): dated spend, kept by the caller
 *
 * Fills @context from the budget's fiscal dates; the caller adds patterns.
 */
void
outlay_rules_context_init (OutlayRulesContext *context,
                           OutlayDocument *document,
                           guint32 today,
                           GArray *spend)
{
  OutlayBudget *budget = outlay_document_get_budget (document);

  memset (context, 0, sizeof *context);
  context->today = today;
  context->start_day = outlay_rules_parse_day (outlay_budget_get_fiscal_start (budget));
  context->end_day = outlay_rules_parse_day (outlay_budget_get_fiscal_end (budget));
  if (spend != NULL)
    {
      context->spend = (const OutlaySpend *) (gpointer) spend->data;
      context->n_spend = spend->len;
    }
}
