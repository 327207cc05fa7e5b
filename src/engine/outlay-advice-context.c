/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-engine"

#include "config.h"

#include "outlay-advice-context.h"
#include "outlay-line.h"
#include "outlay-section.h"

#define MAX_SECTIONS 40
#define MAX_LINES 15

typedef struct
{
  OutlayLine *line;
  OutlayDecimal key;
} Ranked;

static void
amount (GString *s, const char *label, OutlayDecimal value)
{
  char buf[64];

  outlay_decimal_to_buffer (value, 2, buf, sizeof buf);
  g_string_append_printf (s, "%s %s", label, buf);
}

static int
by_key_desc (gconstpointer a, gconstpointer b)
{
  const Ranked *ra = a, *rb = b;

  return ra->key < rb->key ? 1 : ra->key > rb->key ? -1 : 0;
}

static int
percent (OutlayDecimal part, OutlayDecimal whole)
{
  if (whole <= 0)
    return 0;
  return (int) MIN ((double) part * 100.0 / (double) whole, 9999.0);
}

/* Only the lines ranked highest are kept, in a small sorted array */
static void
keep_top (GArray *top, OutlayLine *line, OutlayDecimal key)
{
  Ranked r = { line, key };

  if (top->len == MAX_LINES && key <= g_array_index (top, Ranked, MAX_LINES - 1).key)
    return;
  g_array_append_val (top, r);
  g_array_sort (top, by_key_desc);
  if (top->len > MAX_LINES)
    g_array_set_size (top, MAX_LINES);
}

static void
line_text (GString *s, OutlayLine *line, gboolean allow_names)
{
  OutlaySection *section = outlay_line_get_section (line);
  const char *assignee = allow_names ? outlay_line_get_text (line, OUTLAY_LINE_ASSIGNEE) : NULL;
  const char *vendor = allow_names ? outlay_line_get_text (line, OUTLAY_LINE_VENDOR) : NULL;

  g_string_append_printf (
      s, "- [%s] %s (section %s)", outlay_line_get_code (line) ? outlay_line_get_code (line) : "",
      outlay_line_get_description (line) ? outlay_line_get_description (line) : "",
      section ? outlay_section_get_name (section) : "");
  if (vendor && *vendor)
    g_string_append_printf (s, ", vendor %s", vendor);
  if (assignee && *assignee)
    g_string_append_printf (s, ", assigned to %s", assignee);
  amount (s, ": estimate", outlay_line_get_estimate (line));
  amount (s, ", actual", outlay_line_get_total_actual (line));
  amount (s, ", committed", outlay_line_get_committed (line));
  g_string_append_c (s, '\n');
}

char *
outlay_advice_context_build (OutlayDocument *document, gboolean allow_names)
{
  OutlayBudget *budget = outlay_document_get_budget (document);
  const OutlayTotals *totals = outlay_document_get_totals (document);
  g_autoptr (GString) s = g_string_new (NULL);
  g_autoptr (GArray) over = g_array_new (FALSE, FALSE, sizeof (Ranked));
  g_autoptr (GArray) under = g_array_new (FALSE, FALSE, sizeof (Ranked));
  g_autoptr (GArray) biggest = g_array_new (FALSE, FALSE, sizeof (Ranked));
  guint n_sections = outlay_document_get_n_sections (document);
  guint n_lines = 0, n_over = 0, n_unbudgeted = 0, n_overcommitted = 0, n_idle = 0;
  OutlayDecimal top_sum = 0;

  g_string_append_printf (s, "Budget \"%s\" (%s), %s.\n", outlay_budget_get_name (budget),
                          outlay_budget_kind_to_string (outlay_budget_get_kind (budget)),
                          outlay_budget_get_currency (budget));
  if (allow_names && outlay_budget_get_client (budget) && *outlay_budget_get_client (budget))
    g_string_append_printf (s, "Client: %s.\n", outlay_budget_get_client (budget));
  amount (s, "Totals: allocated", outlay_budget_get_allocated (budget));
  amount (s, ", estimate", totals->estimate);
  amount (s, ", actual", totals->actual);
  amount (s, ", committed", totals->committed);
  amount (s, ", fringes", totals->fringe);
  g_string_append_printf (s, ".\nBurn: %d%% of the estimate spent, %d%% spent or committed",
                          percent (totals->actual, totals->estimate),
                          percent (totals->actual + totals->committed, totals->estimate));
  if (outlay_budget_get_allocated (budget) > 0)
    g_string_append_printf (s, ", %d%% of the allocation",
                            percent (totals->actual, outlay_budget_get_allocated (budget)));
  g_string_append (s, ".\n\nSections (estimate, actual, committed, % used):\n");

  for (guint i = 0; i < n_sections; i++)
    {
      OutlaySection *section = outlay_document_get_section (document, i);
      const OutlayTotals *t = outlay_section_get_totals (section);

      if (i < MAX_SECTIONS)
        {
          g_string_append_printf (s, "- %s %s:", outlay_section_get_code (section),
                                  outlay_section_get_name (section));
          amount (s, "", t->estimate);
          amount (s, ",", t->actual);
          amount (s, ",", t->committed);
          g_string_append_printf (s, ", %d%%\n", percent (t->actual, t->estimate));
        }
      for (guint j = 0; j < outlay_section_get_n_lines (section); j++)
        {
          OutlayLine *line = outlay_section_get_line (section, j);
          OutlayDecimal est = outlay_line_get_estimate (line);
          OutlayDecimal act = outlay_line_get_total_actual (line);
          OutlayDecimal com = outlay_line_get_committed (line);

          n_lines++;
          if (act > est)
            {
              n_over++;
              keep_top (over, line, act - est);
            }
          else if (est > 0 && act == 0 && com == 0)
            n_idle++;
          if (est == 0 && act > 0)
            n_unbudgeted++;
          if (act + com > est && com > 0)
            n_overcommitted++;
          if (totals->actual > 0 && est > act)
            keep_top (under, line, est - act);
          keep_top (biggest, line, est);
        }
    }
  if (n_sections > MAX_SECTIONS)
    g_string_append_printf (s, "(%u more sections not listed)\n", n_sections - MAX_SECTIONS);

  g_string_append (s, "\nLargest overruns (actual over estimate):\n");
  for (guint i = 0; i < over->len; i++)
    line_text (s, g_array_index (over, Ranked, i).line, allow_names);
  if (over->len == 0)
    g_string_append (s, "- none\n");
  g_string_append (s, "\nLargest lines by estimate:\n");
  for (guint i = 0; i < biggest->len; i++)
    {
      line_text (s, g_array_index (biggest, Ranked, i).line, allow_names);
      top_sum += g_array_index (biggest, Ranked, i).key;
    }
  g_string_append (s, "\nLargest unspent remainders:\n");
  for (guint i = 0; i < MIN (under->len, 10); i++)
    line_text (s, g_array_index (under, Ranked, i).line, allow_names);
  if (under->len == 0)
    g_string_append (s, "- none\n");

  g_string_append_printf (
      s,
      "\nPatterns: %u lines; %u over their estimate; %u with spending but no estimate; "
      "%u committed past their estimate; %u with an estimate and nothing spent or committed; "
      "the %u largest lines hold %d%% of the estimate.\n",
      n_lines, n_over, n_unbudgeted, n_overcommitted, n_idle, biggest->len,
      percent (top_sum, totals->estimate));
  /* the bounds above keep it far below the limit; this is the guarantee */
  if (s->len > OUTLAY_ADVICE_CONTEXT_MAX_TOKENS * 4)
    g_string_truncate (s, OUTLAY_ADVICE_CONTEXT_MAX_TOKENS * 4);
  return g_string_free (g_steal_pointer (&s), FALSE);
}
