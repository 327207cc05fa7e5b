/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-json"

/* The JSON `outlay-cli check` and `outlay-cli commitments` print.
 * Amounts are decimal strings, as in the rest of the CLI's JSON. */

#include "config.h"

#include "outlay-document-json.h"
#include "outlay-money-json.h"

static void
add_availability (JsonBuilder *b,
                  const char *name,
                  gint64 id,
                  const OutlayAvailability *a,
                  const char *currency)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, id);
  outlay_json_add_amount (b, "budgeted", a->budgeted, currency);
  outlay_json_add_amount (b, "actual", a->actual, currency);
  outlay_json_add_amount (b, "committed", a->committed, currency);
  outlay_json_add_amount (b, "reserved", a->reserved, currency);
  outlay_json_add_amount (b, "available", a->available, currency);
  json_builder_end_object (b);
}

/**
 * outlay_check_to_json:
 * @document: the budget checked
 * @check: the answer
 * @section: (nullable): the section asked about
 * @line: (nullable): the line asked about
 *
 * The seed API's shape: `{"available": bool, "budget": {"id", "budgeted",
 * "committed", "reserved", "available"}, "can_auto_approve": bool,
 * "auto_approval_threshold", "utilization_percent", "reason"}`, where
 * "budget" holds the figures of what was asked about (the line, the
 * section or the budget), plus "decision" (approve, needs-approval,
 * refused), "amount", "scope", "basis", "period" and "budget_total", the
 * budget as a whole.
 *
 * Returns: (transfer full): the JSON tree
 */
JsonNode *
outlay_check_to_json (OutlayDocument *document,
                      const OutlayCheck *check,
                      OutlaySection *section,
                      OutlayLine *line)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  OutlayBudget *budget = outlay_document_get_budget (document);
  const char *cur = outlay_budget_get_currency (budget);
  gint64 id = outlay_budget_get_id (budget);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "available");
  json_builder_add_boolean_value (b, check->within_budget);
  add_availability (b, "budget", id, &check->scope, cur);
  json_builder_set_member_name (b, "can_auto_approve");
  json_builder_add_boolean_value (b, check->can_auto_approve);
  outlay_json_add_amount (b, "auto_approval_threshold", check->threshold, cur);
  json_builder_set_member_name (b, "utilization_percent");
  if (check->has_utilization)
    {
      g_autofree char *pct = outlay_decimal_to_string (check->utilization_after, 2);

      json_builder_add_string_value (b, pct);
    }
  else
    json_builder_add_null_value (b);
  outlay_json_add_string (b, "reason", check->reason);
  outlay_json_add_string (b, "decision", outlay_check_decision_to_string (check->decision));
  outlay_json_add_amount (b, "amount", check->amount, cur);
  outlay_json_add_string (b, "currency", cur);
  outlay_json_add_string (b, "scope",
                          line != NULL      ? "line"
                          : section != NULL ? "section"
                                            : "budget");
  if (section != NULL || line != NULL)
    outlay_json_add_string (
        b, "section",
        outlay_section_get_code (line != NULL ? outlay_line_get_section (line) : section));
  if (line != NULL)
    outlay_json_add_string (b, "line", outlay_line_get_code (line));
  outlay_json_add_string (b, "basis", check->phased ? "accumulated" : "annual");
  outlay_json_add_string (b, "budgeted_from", check->from_allocation ? "allocation" : "estimate");
  outlay_json_add_string (b, "period", check->period);
  add_availability (b, "budget_total", id, &check->budget, cur);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/**
 * outlay_commitment_to_json:
 * @document: its budget
 * @commitment: one of its commitments
 *
 * Returns: (transfer full): `{"id", "number", "vendor", "description",
 *   "date", "section", "line", "status", "amount", "invoiced", "actual",
 *   "committed", "reserved"}`
 */
JsonNode *
outlay_commitment_to_json (OutlayDocument *document, OutlayCommitment *c)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const char *cur = outlay_budget_get_currency (outlay_document_get_budget (document));
  OutlaySection *section = outlay_commitment_get_section (c);
  OutlayLine *line = outlay_commitment_get_line (c);
  OutlayDecimal actual, committed, reserved;

  outlay_commitment_get_held (c, &actual, &committed, &reserved);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, outlay_commitment_get_id (c));
  outlay_json_add_string (b, "number", outlay_commitment_get_reference (c));
  outlay_json_add_string (b, "vendor", outlay_commitment_get_vendor (c));
  outlay_json_add_string (b, "description", outlay_commitment_get_description (c));
  outlay_json_add_string (b, "date", outlay_commitment_get_date (c));
  outlay_json_add_string (b, "section", section != NULL ? outlay_section_get_code (section) : "");
  outlay_json_add_string (b, "line", line != NULL ? outlay_line_get_code (line) : "");
  outlay_json_add_string (b, "status",
                          outlay_commitment_status_to_string (outlay_commitment_get_status (c)));
  outlay_json_add_amount (b, "amount", outlay_commitment_get_amount (c), cur);
  outlay_json_add_amount (b, "invoiced", outlay_commitment_get_invoiced (c), cur);
  outlay_json_add_amount (b, "actual", actual, cur);
  outlay_json_add_amount (b, "committed", committed, cur);
  outlay_json_add_amount (b, "reserved", reserved, cur);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
