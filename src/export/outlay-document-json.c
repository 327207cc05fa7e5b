/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-json"

#include "config.h"

#include "outlay-currency.h"
#include "outlay-document-json.h"

/* Adds member @name: @value as outlay_currency_format_plain() writes it. */
void
outlay_json_add_amount (JsonBuilder   *b,
                        const char    *name,
                        OutlayDecimal  value,
                        const char    *currency)
{
  g_autofree char *text = outlay_currency_format_plain (value, currency);

  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, text);
}

/* Adds member @name: a quantity or percentage without trailing zeros. */
void
outlay_json_add_number (JsonBuilder *b, const char *name, OutlayDecimal value)
{
  g_autofree char *text = outlay_decimal_to_string_trim (value);

  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, text);
}

/* Adds member @name: @value, "" for none. */
void
outlay_json_add_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value != NULL ? value : "");
}

static void
add_totals (JsonBuilder *b, const OutlayTotals *t, const char *currency)
{
  json_builder_set_member_name (b, "totals");
  json_builder_begin_object (b);
  outlay_json_add_amount (b, "estimate", t->estimate, currency);
  outlay_json_add_amount (b, "actual", t->actual, currency);
  outlay_json_add_amount (b, "variance", outlay_totals_get_variance (t), currency);
  outlay_json_add_amount (b, "committed", t->committed, currency);
  outlay_json_add_amount (b, "reserved", t->reserved, currency);
  outlay_json_add_amount (b, "fringe", t->fringe, currency);
  json_builder_end_object (b);
}

static void
add_header (JsonBuilder *b, OutlayBudget *budget)
{
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, outlay_budget_get_id (budget));
  outlay_json_add_string (b, "name", outlay_budget_get_name (budget));
  outlay_json_add_string (b, "client", outlay_budget_get_client (budget));
  outlay_json_add_string (b, "kind",
                          outlay_budget_kind_to_string (outlay_budget_get_kind (budget)));
  outlay_json_add_string (b, "currency", outlay_budget_get_currency (budget));
  outlay_json_add_string (b, "status",
                          outlay_budget_status_to_string (outlay_budget_get_status (budget)));
  outlay_json_add_amount (b, "allocated", outlay_budget_get_allocated (budget),
              outlay_budget_get_currency (budget));
}

/**
 * outlay_budget_summary_to_json:
 * @budget: a budget
 * @totals: its totals
 *
 * Returns: (transfer full): `{"id","name","client","kind","currency","status","totals"}`
 */
JsonNode *
outlay_budget_summary_to_json (OutlayBudget       *budget,
                               const OutlayTotals *totals)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  add_header (b, budget);
  add_totals (b, totals, outlay_budget_get_currency (budget));
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
add_line (JsonBuilder *b, OutlaySection *section, OutlayLine *line, const char *currency)
{
  json_builder_begin_object (b);
  outlay_json_add_string (b, "section", outlay_section_get_code (section));
  outlay_json_add_string (b, "code", outlay_line_get_code (line));
  outlay_json_add_string (b, "description", outlay_line_get_description (line));
  outlay_json_add_number (b, "qty", outlay_line_get_quantity (line));
  outlay_json_add_string (b, "unit", outlay_line_get_unit (line));
  outlay_json_add_amount (b, "rate", outlay_line_get_rate (line), currency);
  outlay_json_add_number (b, "multiplier", outlay_line_get_multiplier (line));
  outlay_json_add_amount (b, "estimate", outlay_line_get_estimate (line), currency);
  outlay_json_add_amount (b, "actual", outlay_line_get_actual (line), currency);
  /* the tasks that charge the line, which the totals include */
  if (outlay_line_get_task_actual (line) != 0)
    outlay_json_add_amount (b, "task_actual", outlay_line_get_task_actual (line), currency);
  outlay_json_add_string (b, "notes", outlay_line_get_notes (line));
  /* only when set: most budgets have none of these */
  for (OutlayLineField f = OUTLAY_LINE_VENDOR; f <= OUTLAY_LINE_PERIOD; f++)
    if (*outlay_line_get_text (line, f) != '\0')
      outlay_json_add_string (b, outlay_line_field_name (f), outlay_line_get_text (line, f));
  json_builder_end_object (b);
}

/**
 * outlay_document_to_json:
 * @document: a document
 *
 * The shape `outlay-cli show --json` prints: the budget's header, totals,
 * sections (code, name, estimate, actual, variance, fringe_percent,
 * fringe, lines) and every line.  A section's estimate is the sum of its
 * lines' estimates plus its fringe.
 *
 * Returns: (transfer full): the JSON tree
 */
JsonNode *
outlay_document_to_json (OutlayDocument *document)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  OutlayBudget *budget = outlay_document_get_budget (document);
  const char *currency = outlay_budget_get_currency (budget);
  guint n = outlay_document_get_n_sections (document);

  json_builder_begin_object (b);
  add_header (b, budget);
  add_totals (b, outlay_document_get_totals (document), currency);
  json_builder_set_member_name (b, "sections");
  json_builder_begin_array (b);
  for (guint s = 0; s < n; s++)
    {
      OutlaySection *section = outlay_document_get_section (document, s);
      const OutlayTotals *t = outlay_section_get_totals (section);

      json_builder_begin_object (b);
      outlay_json_add_string (b, "code", outlay_section_get_code (section));
      outlay_json_add_string (b, "name", outlay_section_get_name (section));
      outlay_json_add_amount (b, "estimate", t->estimate, currency);
      outlay_json_add_amount (b, "actual", t->actual, currency);
      outlay_json_add_amount (b, "variance", outlay_totals_get_variance (t), currency);
      outlay_json_add_number (b, "fringe_percent", outlay_section_get_fringe (section));
      outlay_json_add_amount (b, "fringe", t->fringe, currency);
      json_builder_set_member_name (b, "lines");
      json_builder_add_int_value (b, outlay_section_get_n_lines (section));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "lines");
  json_builder_begin_array (b);
  for (guint s = 0; s < n; s++)
    {
      OutlaySection *section = outlay_document_get_section (document, s);

      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        add_line (b, section, outlay_section_get_line (section, l), currency);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
