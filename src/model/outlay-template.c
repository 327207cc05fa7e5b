/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-template"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-document-sink.h"
#include "outlay-error.h"
#include "outlay-section-private.h"
#include "outlay-template-data.h"
#include "outlay-template.h"

static const OutlayTemplate *
lookup (const char *id)
{
  for (guint i = 0; i < outlay_template_table_len; i++)
    if (g_strcmp0 (outlay_template_table[i].id, id) == 0)
      return &outlay_template_table[i];
  return NULL;
}

/**
 * outlay_template_get_n_templates:
 *
 * Returns: how many templates a new budget can start from (the sample is
 *   not one of them)
 */
guint
outlay_template_get_n_templates (void)
{
  guint n = 0;

  for (guint i = 0; i < outlay_template_table_len; i++)
    n += !g_str_equal (outlay_template_table[i].id, "sample");
  return n;
}

const char *
outlay_template_get_id (guint index)
{
  g_return_val_if_fail (index < outlay_template_table_len, NULL);
  return outlay_template_table[index].id;
}

const char *
outlay_template_get_name (guint index)
{
  g_return_val_if_fail (index < outlay_template_table_len, NULL);
  return g_dgettext (GETTEXT_PACKAGE, outlay_template_table[index].name);
}

const char *
outlay_template_get_description (guint index)
{
  g_return_val_if_fail (index < outlay_template_table_len, NULL);
  if (outlay_template_table[index].description == NULL)
    return "";
  return g_dgettext (GETTEXT_PACKAGE, outlay_template_table[index].description);
}

/* The ISO 4217 code the template's rates are in. */
const char *
outlay_template_get_currency (guint index)
{
  g_return_val_if_fail (index < outlay_template_table_len, NULL);
  return outlay_template_table[index].currency;
}

gboolean
outlay_template_exists (const char *id)
{
  return lookup (id) != NULL;
}

static gboolean
parse_or (const char *text, OutlayDecimal fallback, OutlayDecimal *out, GError **error)
{
  if (text == NULL)
    {
      *out = fallback;
      return TRUE;
    }
  return outlay_decimal_parse (text, out, error);
}

static OutlayLine *
build_line (const OutlayTemplateLine *t, GError **error)
{
  g_autoptr(OutlayLine) line = outlay_line_new ();
  OutlayDecimal qty, mult, rate, actual, estimate;

  if (!parse_or (t->qty, OUTLAY_DECIMAL_ONE, &qty, error)
      || !parse_or (t->multiplier, OUTLAY_DECIMAL_ONE, &mult, error)
      || !parse_or (t->rate, 0, &rate, error)
      || !parse_or (t->actual, 0, &actual, error))
    return NULL;
  outlay_line_load_text (line, OUTLAY_LINE_CODE, t->code);
  outlay_line_load_text (line, OUTLAY_LINE_DESCRIPTION, t->description);
  outlay_line_load_text (line, OUTLAY_LINE_UNIT, t->unit);
  outlay_line_load_text (line, OUTLAY_LINE_NOTES, t->notes);
  outlay_line_load_decimal (line, OUTLAY_LINE_QUANTITY, qty);
  outlay_line_load_decimal (line, OUTLAY_LINE_MULTIPLIER, mult);
  outlay_line_load_decimal (line, OUTLAY_LINE_RATE, rate);
  outlay_line_load_decimal (line, OUTLAY_LINE_ACTUAL, actual);
  if (!outlay_line_compute_estimate (line, &estimate))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW, "line %s overflows", t->code);
      return NULL;
    }
  outlay_line_load_decimal (line, OUTLAY_LINE_ESTIMATE, estimate);
  return g_steal_pointer (&line);
}

/* Sets the header block and markups of @bid on @budget. */
static gboolean
apply_bid (OutlayBudget *budget, const OutlayTemplateBid *bid, GError **error)
{
  const struct { const char *property, *text; } texts[] = {
    { "production-company", bid->production_company },
    { "agency", bid->agency },
    { "job-number", bid->job_number },
    { "bid-date", bid->bid_date },
    { "shoot-dates", bid->shoot_dates },
    { "director", bid->director },
    { "producer", bid->producer },
    { "comments", bid->comments },
  };
  const struct { const char *property, *text; } numbers[] = {
    { "markup-percent", bid->markup_percent },
    { "contingency", bid->contingency },
    { "insurance-percent", bid->insurance_percent },
    { "production-fee-percent", bid->production_fee_percent },
    { "handling-fee-percent", bid->handling_fee_percent },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_object_set (budget, texts[i].property, texts[i].text, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      OutlayDecimal value;

      if (!parse_or (numbers[i].text, 0, &value, error))
        return FALSE;
      g_object_set (budget, numbers[i].property, value, NULL);
    }
  return TRUE;
}

/**
 * outlay_template_build:
 * @id: a template id
 * @name: (nullable): the new budget's name; %NULL for the template's
 * @error: why it failed
 *
 * Builds an unsaved document from a template, ready for
 * outlay_store_save_new_document().
 *
 * Returns: (transfer full) (nullable): the document
 */
OutlayDocument *
outlay_template_build (const char  *id,
                       const char  *name,
                       GError     **error)
{
  const OutlayTemplate *t = lookup (id);
  g_autoptr(OutlayBudget) budget = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  OutlayBudgetKind kind = OUTLAY_BUDGET_KIND_PROJECT;
  OutlayDecimal allocated = 0;

  if (t == NULL)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                   _("There is no template “%s”; choose aicp, blank, software, department or "
                     "event"), id);
      return NULL;
    }
  outlay_budget_kind_from_string (t->kind, &kind);
  if (!parse_or (t->allocated, 0, &allocated, error))
    return NULL;
  budget = g_object_new (OUTLAY_TYPE_BUDGET,
                         "name", name != NULL ? name : g_dgettext (GETTEXT_PACKAGE, t->name),
                         "kind", kind,
                         "currency", t->currency,
                         "client", t->client,
                         "allocated", allocated,
                         NULL);
  if (t->bid != NULL && !apply_bid (budget, t->bid, error))
    return NULL;
  doc = outlay_document_new (budget);
  for (guint s = 0; s < t->n_sections; s++)
    {
      const OutlayTemplateSection *ts = &t->sections[s];
      g_autoptr(OutlaySection) section =
        outlay_section_new (ts->code, g_dgettext (GETTEXT_PACKAGE, ts->name));
      OutlayDecimal fringe;

      if (!parse_or (ts->fringe, 0, &fringe, error))
        return NULL;
      g_object_set (section, "fringe", fringe, NULL);
      outlay_document_load_section (doc, section);
      for (guint l = 0; l < ts->n_lines; l++)
        {
          g_autoptr(OutlayLine) line = build_line (&ts->lines[l], error);

          if (line == NULL)
            return NULL;
          outlay_document_load_line (doc, section, line);
        }
    }
  if (!outlay_document_finish_load (doc, error))
    return NULL;
  return g_steal_pointer (&doc);
}

/**
 * outlay_template_set_currency:
 * @document: an unsaved document from outlay_template_build()
 * @currency: an ISO 4217 code
 *
 * Sets the new budget's currency.  Rates a template carries (the software
 * template's hourly rates) are in the template's own currency, so in
 * another currency they are cleared rather than shown as wrong amounts.
 */
void
outlay_template_set_currency (OutlayDocument *document,
                              const char     *currency)
{
  OutlayBudget *budget = outlay_document_get_budget (document);
  g_autofree char *code = g_ascii_strup (currency, -1);

  if (g_strcmp0 (outlay_budget_get_currency (budget), code) == 0)
    return;
  g_object_set (budget, "currency", code, NULL);
  for (guint s = 0; s < outlay_document_get_n_sections (document); s++)
    {
      OutlaySection *section = outlay_document_get_section (document, s);

      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        {
          OutlayLine *line = outlay_section_get_line (section, l);

          outlay_line_load_decimal (line, OUTLAY_LINE_RATE, 0);
          outlay_line_load_decimal (line, OUTLAY_LINE_ESTIMATE, 0);
        }
    }
  outlay_document_finish_load (document, NULL);
}
