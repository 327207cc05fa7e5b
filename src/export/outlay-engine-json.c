/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-json"

/* The JSON shapes of the engine's results that `outlay-cli` prints:
 * top sheets and version comparisons; and the change a recommendation
 * carries as JSON, made.  They live here, not in the
 * engine, so the engine stays pure calculation with no output format. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-currency.h"
#include "outlay-document-tasks.h"
#include "outlay-error.h"
#include "outlay-document-json.h"
#include "outlay-engine-json.h"

/* ---- top sheets ---- */

static void
add_header_json (JsonBuilder *b, OutlayBudget *budget)
{
  json_builder_set_member_name (b, "header");
  json_builder_begin_object (b);
  outlay_json_add_string (b, "production_company", outlay_budget_get_production_company (budget));
  outlay_json_add_string (b, "agency", outlay_budget_get_agency (budget));
  outlay_json_add_string (b, "client", outlay_budget_get_client (budget));
  outlay_json_add_string (b, "job_name", outlay_budget_get_name (budget));
  outlay_json_add_string (b, "job_number", outlay_budget_get_job_number (budget));
  outlay_json_add_string (b, "bid_date", outlay_budget_get_bid_date (budget));
  outlay_json_add_string (b, "shoot_dates", outlay_budget_get_shoot_dates (budget));
  outlay_json_add_string (b, "director", outlay_budget_get_director (budget));
  outlay_json_add_string (b, "producer", outlay_budget_get_producer (budget));
  outlay_json_add_string (b, "comments", outlay_budget_get_comments (budget));
  json_builder_end_object (b);
}

static void
add_row_json (JsonBuilder *b, const OutlayTopSheetRow *row, const char *currency)
{
  json_builder_begin_object (b);
  outlay_json_add_string (b, "id", row->id);
  outlay_json_add_string (b, "kind", outlay_topsheet_row_kind_to_string (row->kind));
  outlay_json_add_string (b, "code", row->code);
  outlay_json_add_string (b, "label", row->label);
  if (row->kind == OUTLAY_TOPSHEET_ROW_PERCENT_USED)
    {
      outlay_json_add_number (b, "estimate", row->estimate);
      outlay_json_add_number (b, "actual", row->actual);
    }
  else
    {
      outlay_json_add_amount (b, "estimate", row->estimate, currency);
      outlay_json_add_amount (b, "actual", row->actual, currency);
      outlay_json_add_amount (b, "variance", row->variance, currency);
    }
  if (row->kind == OUTLAY_TOPSHEET_ROW_PERCENT)
    {
      outlay_json_add_number (b, "percent", row->percent);
      outlay_json_add_amount (b, "base_estimate", row->base_estimate, currency);
      outlay_json_add_amount (b, "base_actual", row->base_actual, currency);
    }
  if (row->property != NULL)
    outlay_json_add_string (b, "property", row->property);
  json_builder_end_object (b);
}

/**
 * outlay_topsheet_to_json:
 * @self: a top sheet
 *
 * The shape scripts read: `{"id", "name", "kind", "currency", "status",
 * "header": {production_company, agency, client, job_name, job_number,
 * bid_date, shoot_dates, director, producer, comments}, "rows": [{"id",
 * "kind", "code", "label", "estimate", "actual", "variance", and for
 * percentages "percent", "base_estimate", "base_actual"; "property" when
 * the row edits a budget property}]}`, plus "error" after an overflow.
 * Amounts are exact decimal text, as in outlay_document_to_json().
 *
 * Returns: (transfer full): the JSON tree
 */
JsonNode *
outlay_topsheet_to_json (OutlayTopSheet *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  OutlayBudget *budget;
  const char *currency;

  g_return_val_if_fail (OUTLAY_IS_TOPSHEET (self), NULL);
  budget = outlay_topsheet_get_budget (self);
  currency = outlay_budget_get_currency (budget);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, outlay_budget_get_id (budget));
  outlay_json_add_string (b, "name", outlay_budget_get_name (budget));
  outlay_json_add_string (b, "kind",
                          outlay_budget_kind_to_string (outlay_budget_get_kind (budget)));
  outlay_json_add_string (b, "currency", currency);
  outlay_json_add_string (b, "status",
                          outlay_topsheet_status_to_string (outlay_topsheet_get_status (self)));
  add_header_json (b, budget);
  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint i = 0; i < outlay_topsheet_get_n_rows (self); i++)
    add_row_json (b, outlay_topsheet_get_row (self, i), currency);
  json_builder_end_array (b);
  if (outlay_topsheet_get_error (self) != NULL)
    outlay_json_add_string (b, "error", outlay_topsheet_get_error (self)->message);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* ---- comparisons ---- */

/* "from", "to", "delta" of the estimate, and the same of the actual cost
 * in "actual". */
static void
add_moves (JsonBuilder *b, const OutlayTotals *from, const OutlayTotals *to, const char *currency)
{
  outlay_json_add_amount (b, "from", from->estimate, currency);
  outlay_json_add_amount (b, "to", to->estimate, currency);
  outlay_json_add_amount (b, "delta", outlay_comparison_delta (from->estimate, to->estimate),
                          currency);
  json_builder_set_member_name (b, "actual");
  json_builder_begin_object (b);
  outlay_json_add_amount (b, "from", from->actual, currency);
  outlay_json_add_amount (b, "to", to->actual, currency);
  outlay_json_add_amount (b, "delta", outlay_comparison_delta (from->actual, to->actual), currency);
  json_builder_end_object (b);
}

static void
add_changes (JsonBuilder *b, OutlayComparison *self)
{
  json_builder_set_member_name (b, "changed");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->changed->len; i++)
    {
      OutlayFieldChange *c = g_ptr_array_index (self->changed, i);

      json_builder_begin_object (b);
      outlay_json_add_string (b, "section", c->section);
      outlay_json_add_string (b, "code", c->code);
      outlay_json_add_string (b, "field", outlay_field_change_name (c));
      outlay_json_add_string (b, "from", c->from);
      outlay_json_add_string (b, "to", c->to);
      if (c->field < OUTLAY_LINE_N_FIELDS && outlay_line_field_is_decimal (c->field))
        {
          g_autofree char *delta = c->field == OUTLAY_LINE_QUANTITY
                                   || c->field == OUTLAY_LINE_MULTIPLIER
                                   ? outlay_decimal_to_string_trim (c->delta)
                                   : outlay_currency_format_plain (c->delta, self->currency);

          outlay_json_add_string (b, "delta", delta);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_lines (JsonBuilder *b, const char *name, GPtrArray *lines, const char *currency)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < lines->len; i++)
    {
      OutlayComparedLine *l = g_ptr_array_index (lines, i);

      json_builder_begin_object (b);
      outlay_json_add_string (b, "section", l->section);
      outlay_json_add_string (b, "code", l->code);
      outlay_json_add_string (b, "description", l->description);
      outlay_json_add_amount (b, "estimate", l->estimate, currency);
      outlay_json_add_amount (b, "actual", l->actual, currency);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/**
 * outlay_comparison_to_json:
 * @self: a comparison
 *
 * The shape `outlay-cli compare --json` prints:
 * `{"changed":[{"section","code","field","from","to","delta"}],
 *   "added":[{"section","code","description","estimate","actual"}],
 *   "removed":[…], "sections":[{"code","name","from","to","delta","actual"}],
 *   "totals":{"from","to","delta","actual":{"from","to","delta"}}}`,
 * estimates in "from", "to" and "delta".
 *
 * Returns: (transfer full): the JSON tree
 */
JsonNode *
outlay_comparison_to_json (OutlayComparison *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (b);
  add_changes (b, self);
  add_lines (b, "added", self->added, self->currency);
  add_lines (b, "removed", self->removed, self->currency);
  json_builder_set_member_name (b, "sections");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->sections->len; i++)
    {
      OutlaySectionDelta *d = g_ptr_array_index (self->sections, i);

      json_builder_begin_object (b);
      outlay_json_add_string (b, "code", d->code);
      outlay_json_add_string (b, "name", d->name);
      add_moves (b, &d->from, &d->to, self->currency);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "totals");
  json_builder_begin_object (b);
  add_moves (b, &self->from, &self->to, self->currency);
  json_builder_end_object (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* ---- recommendations ---- */

/**
 * outlay_recommendation_implement:
 * @self: a recommendation
 * @document: its budget, open
 * @error: why not: no change to make (advice for a person to act on), a
 *   change that cannot be read, its line gone, or the edit refused
 *
 * Makes the change @self carries ({"line": ID, "field": NAME, "value":
 * TEXT}) as typing it in the cell would: one undoable, audited command,
 * refused on a locked budget.
 */
gboolean
outlay_recommendation_implement (OutlayRecommendation *self,
                                 OutlayDocument *document,
                                 GError **error)
{
  const char *action = outlay_recommendation_get_action (self);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o = NULL;
  OutlayLineField field;
  OutlayLine *line;

  g_return_val_if_fail (OUTLAY_IS_RECOMMENDATION (self), FALSE);
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (document), FALSE);
  if (action == NULL)
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("This advice is for a person to act on; there is no change to "
                             "make. Mark it accepted instead."));
      return FALSE;
    }
  if (json_parser_load_from_data (parser, action, -1, NULL)
      && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    o = json_node_get_object (json_parser_get_root (parser));
  if (o == NULL || !json_object_has_member (o, "line") || !json_object_has_member (o, "field")
      || !json_object_has_member (o, "value")
      || !outlay_line_field_from_name (json_object_get_string_member (o, "field"), &field))
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_FAILED,
                           _("The change this advice carries cannot be read"));
      return FALSE;
    }
  line = outlay_document_get_line_by_id (document, json_object_get_int_member (o, "line"));
  if (line == NULL)
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                           _("The line this advice is about is no longer in the budget"));
      return FALSE;
    }
  return outlay_document_set_line_text (document, line, field,
                                        json_object_get_string_member (o, "value"), error);
}
