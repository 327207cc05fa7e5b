/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-topsheet"

/* The top sheet: the one-page summary of a budget.
 *
 * For AICP budgets it is the bid's production cost summary, in printed
 * order (AICP.md):
 *
 *   A … K              section totals, fringes included
 *   A to K subtotal    AK = A + … + K, the direct production costs
 *   Markup             markup % × AK
 *   L … P              director/creative fees, talent labour, talent
 *                      expenses, post labour, post expenses
 *   Contingency        an amount typed on the budget
 *   (other sections)   sections coded outside A–P: AICP's user-named
 *                      extra lines
 *   Insurance          insurance % × AK
 *   Production fee     production fee % × (AK + insurance)
 *   Handling fee       handling fee % × (M + N + O + P)
 *   Contracted total   every row above except the subtotal, added up
 *
 * Why these bases.  AICP's guidelines mark up one base, "A to K": the
 * costs the production company itself spends.  The AICP summary lists the
 * director's fees "not included in direct cost", then insurance, then
 * "Sub-total: direct costs" (A to K plus insurance) and the production
 * fee as a percentage of that subtotal; talent (M, N) and editorial and
 * finishing (O, P) follow the fee and carry none.  Hence: insurance on A
 * to K; the production fee on A to K plus insurance; the optional extra
 * markup on A to K alone (a fee is not charged on a fee).  A handling fee
 * is what a company may charge for paying out the talent and post costs
 * that carry no production fee, so it is a percentage of M to P.
 * Contingency is the client's allowance: nothing is charged on it.
 *
 * The actual column applies the same percentages to the actuals;
 * contingency has no actual (what is drawn from it shows in the lines it
 * is spent on).  Each percentage amount is rounded once, half away from
 * zero, to four places, like a fringe.  Sections' totals include their
 * fringes, so every figure equals the detail.
 *
 * Other kinds get one row per section, the total, the allocated amount
 * (the cap), what remains of it, the percentage used and a status against
 * the budget's warning and critical thresholds.
 *
 * A top sheet is a snapshot: make a new one after the document changes
 * (it costs one pass over the sections, not the lines).
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-aicp.h"
#include "outlay-error.h"
#include "outlay-topsheet.h"
#include "outlay-spend-level.h"

#define N_AICP_LETTERS OUTLAY_AICP_N_LETTERS /* A … P */

struct _OutlayTopSheet
{
  GObject               parent_instance;
  OutlayBudget         *budget;
  GPtrArray            *rows;   /* of OutlayTopSheetRow */
  gboolean              aicp;
  OutlayTopSheetStatus  status;
  GError               *error;  /* an overflow, or NULL */
  OutlayDecimal spent;          /* actual + committed */
  OutlayDecimal available;      /* outlay_document_get_available() */
};

G_DEFINE_FINAL_TYPE (OutlayTopSheet, outlay_topsheet, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (OutlayTopSheetRow, outlay_topsheet_row, outlay_topsheet_row_copy,
                     outlay_topsheet_row_free)

typedef struct
{
  OutlayDecimal estimate;
  OutlayDecimal actual;
} Pair;

/* ---- rows ---- */

OutlayTopSheetRow *
outlay_topsheet_row_copy (const OutlayTopSheetRow *row)
{
  OutlayTopSheetRow *copy = g_new (OutlayTopSheetRow, 1);

  *copy = *row;
  copy->id = g_strdup (row->id);
  copy->code = g_strdup (row->code);
  copy->label = g_strdup (row->label);
  if (copy->section != NULL)
    g_object_ref (copy->section);
  return copy;
}

void
outlay_topsheet_row_free (OutlayTopSheetRow *row)
{
  if (row == NULL)
    return;
  g_free (row->id);
  g_free (row->code);
  g_free (row->label);
  g_clear_object (&row->section);
  g_free (row);
}

/* ---- saturating arithmetic: an overflow is remembered, not wrapped ---- */

static OutlayDecimal
saturate (OutlayTopSheet *self, gboolean ok, OutlayDecimal value, int sign)
{
  if (ok)
    return value;
  if (self->error == NULL)
    g_set_error (&self->error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW,
                 _("The top sheet's figures would exceed the largest amount Outlay can hold "
                   "(±922 trillion)"));
  return sign >= 0 ? OUTLAY_DECIMAL_MAX : OUTLAY_DECIMAL_MIN;
}

static OutlayDecimal
add (OutlayTopSheet *self, OutlayDecimal a, OutlayDecimal b)
{
  OutlayDecimal r = 0;
  gboolean ok = outlay_decimal_add (a, b, &r);

  return saturate (self, ok, r, b >= 0 ? 1 : -1);
}

static OutlayDecimal
sub (OutlayTopSheet *self, OutlayDecimal a, OutlayDecimal b)
{
  OutlayDecimal r = 0;
  gboolean ok = outlay_decimal_sub (a, b, &r);

  return saturate (self, ok, r, a > 0 ? 1 : -1);
}

static void
pair_add (OutlayTopSheet *self, Pair *sum, const Pair *p)
{
  sum->estimate = add (self, sum->estimate, p->estimate);
  sum->actual = add (self, sum->actual, p->actual);
}

static OutlayDecimal
percent_of (OutlayTopSheet *self, OutlayDecimal base, OutlayDecimal percent)
{
  OutlayDecimal r = 0;
  gboolean ok = outlay_decimal_percent_of (base, percent, &r);

  return saturate (self, ok, r, (base > 0) == (percent > 0) ? 1 : -1);
}

static OutlayTopSheetRow *
add_row (OutlayTopSheet        *self,
         OutlayTopSheetRowKind  kind,
         const char            *id,
         const char            *code,
         const char            *label,
         const Pair            *values)
{
  OutlayTopSheetRow *row = g_new0 (OutlayTopSheetRow, 1);

  row->kind = kind;
  row->id = g_strdup (id);
  row->code = g_strdup (code != NULL ? code : "");
  row->label = g_strdup (label);
  row->estimate = values->estimate;
  row->actual = values->actual;
  if (kind != OUTLAY_TOPSHEET_ROW_ALLOCATED && kind != OUTLAY_TOPSHEET_ROW_REMAINING
      && kind != OUTLAY_TOPSHEET_ROW_PERCENT_USED)
    row->variance = sub (self, values->estimate, values->actual);
  g_ptr_array_add (self->rows, row);
  return row;
}

static void
add_section_row (OutlayTopSheet *self,
                 const char *id,
                 const char *code,
                 const char *name,
                 OutlaySection *section,
                 const Pair *values)
{
  OutlayTopSheetRow *row = add_row (self, OUTLAY_TOPSHEET_ROW_SECTION, id, code, name, values);

  if (section != NULL)
    row->section = g_object_ref (section);
}

/* A percentage row: @percent of @base, in both columns. */
static Pair
add_percent_row (OutlayTopSheet *self, const char *id, const char *label,
                 const char *property, const Pair *base)
{
  g_auto(GValue) v = G_VALUE_INIT;
  OutlayDecimal percent;
  OutlayTopSheetRow *row;
  Pair amount;

  g_value_init (&v, G_TYPE_INT64);
  g_object_get_property (G_OBJECT (self->budget), property, &v);
  percent = g_value_get_int64 (&v);
  amount.estimate = percent_of (self, base->estimate, percent);
  amount.actual = percent_of (self, base->actual, percent);
  row = add_row (self, OUTLAY_TOPSHEET_ROW_PERCENT, id, NULL, label, &amount);
  row->property = property;
  row->percent = percent;
  row->base_estimate = base->estimate;
  row->base_actual = base->actual;
  return amount;
}

static void
section_pair (OutlaySection *section, Pair *out)
{
  const OutlayTotals *t = outlay_section_get_totals (section);

  out->estimate = t->estimate;
  out->actual = t->actual;
}

/* ---- AICP ---- */

typedef struct
{
  Pair           totals[N_AICP_LETTERS];
  OutlaySection *first[N_AICP_LETTERS];
  GString *label[N_AICP_LETTERS]; /* every section's name on that row */
  GPtrArray     *others; /* sections outside A–P, in order */
} Letters;

/* Sections go to the form's letters by outlay_aicp_place_sections(): a
 * bid lettered its own way is placed by its sections' names. */
static void
letters_collect (OutlayTopSheet *self, GPtrArray *sections, Letters *l)
{
  guint n = sections->len;
  g_autofree int *letters = outlay_aicp_place_section_list (sections);

  for (guint i = 0; i < n; i++)
    {
      OutlaySection *section = g_ptr_array_index (sections, i);
      int letter = letters[i];
      Pair p;

      if (letter < 0)
        {
          g_ptr_array_add (l->others, section);
          continue;
        }
      /* two sections with one letter are added up: nothing is left out */
      section_pair (section, &p);
      pair_add (self, &l->totals[letter], &p);
      if (l->first[letter] == NULL)
        {
          l->first[letter] = section;
          l->label[letter] = g_string_new (outlay_section_get_name (section));
        }
      else
        /* Translators: joins the names of two sections on one top sheet row */
        g_string_append_printf (l->label[letter], _(" + %s"), outlay_section_get_name (section));
    }
}

/* Rows for letters @from … @to; returns their sum. */
static Pair
add_letter_rows (OutlayTopSheet *self, const Letters *l, int from, int to)
{
  Pair sum = { 0 };

  for (int i = from; i <= to; i++)
    {
      char code[2] = { (char) ('A' + i), '\0' };
      const char *name = l->label[i] != NULL ? l->label[i]->str : outlay_aicp_form_name (i);

      add_section_row (self, code, code, name, l->first[i], &l->totals[i]);
      pair_add (self, &sum, &l->totals[i]);
    }
  return sum;
}

static void
build_aicp (OutlayTopSheet *self, GPtrArray *sections)
{
  Letters l = { .others = g_ptr_array_new () };
  Pair a_to_k, markup, l_to_p, m_to_p, insurance, fee_base, fee, handling, total;
  Pair contingency = { outlay_budget_get_contingency (self->budget), 0 };
  OutlayTopSheetRow *row;

  letters_collect (self, sections, &l);

  a_to_k = add_letter_rows (self, &l, 0, 10);
  add_row (self, OUTLAY_TOPSHEET_ROW_SUBTOTAL, "a-to-k", NULL, _("A to K subtotal"), &a_to_k);
  markup = add_percent_row (self, "markup", _("Markup"), "markup-percent", &a_to_k);
  l_to_p = add_letter_rows (self, &l, 11, 15);
  row = add_row (self, OUTLAY_TOPSHEET_ROW_AMOUNT, "contingency", NULL, _("Contingency"),
                 &contingency);
  row->property = "contingency";
  total = a_to_k;
  pair_add (self, &total, &markup);
  pair_add (self, &total, &l_to_p);
  pair_add (self, &total, &contingency);
  for (guint i = 0; i < l.others->len; i++)
    {
      OutlaySection *section = g_ptr_array_index (l.others, i);
      const char *code = outlay_section_get_code (section);
      gboolean lettered = strlen (code) == 1 && g_ascii_toupper (code[0]) >= 'A'
                          && g_ascii_toupper (code[0]) <= 'P';
      /* a lettered section kept off the form's rows takes neither the
       * letter's id nor its letter: a second "P" row would read as the form's */
      g_autofree char *id = lettered ? g_strconcat ("outside-", code, NULL) : g_strdup (code);
      g_autofree char *label = lettered ? g_strdup_printf (
          _("%s (its %s, not on the AICP form)"), outlay_section_get_name (section), code)
                                        : g_strdup (outlay_section_get_name (section));
      Pair p;

      section_pair (section, &p);
      add_section_row (self, id, lettered ? "" : code, label, section, &p);
      pair_add (self, &total, &p);
    }

  insurance = add_percent_row (self, "insurance", _("Insurance"), "insurance-percent", &a_to_k);
  fee_base = a_to_k;
  pair_add (self, &fee_base, &insurance);
  fee = add_percent_row (self, "production-fee", _("Production fee"), "production-fee-percent",
                         &fee_base);
  m_to_p = (Pair) { 0 };
  for (int i = 12; i <= 15; i++)
    pair_add (self, &m_to_p, &l.totals[i]);
  handling = add_percent_row (self, "handling-fee", _("Handling fee"), "handling-fee-percent",
                              &m_to_p);
  pair_add (self, &total, &insurance);
  pair_add (self, &total, &fee);
  pair_add (self, &total, &handling);
  add_row (self, OUTLAY_TOPSHEET_ROW_TOTAL, "contracted-total", NULL, _("Contracted total"),
           &total);
  g_ptr_array_unref (l.others);
  for (int i = 0; i < N_AICP_LETTERS; i++)
    if (l.label[i] != NULL)
      g_string_free (l.label[i], TRUE);
}

/* ---- other kinds ---- */

G_STATIC_ASSERT ((int) OUTLAY_TOPSHEET_STATUS_CRITICAL == (int) OUTLAY_SPEND_LEVEL_CRITICAL);
G_STATIC_ASSERT ((int) OUTLAY_TOPSHEET_STATUS_WARNING == (int) OUTLAY_SPEND_LEVEL_WARNING);

/* the same thresholds as the warnings everywhere else */
static OutlayTopSheetStatus
status_for (OutlayBudget *budget, OutlayDecimal percent_used)
{
  return (OutlayTopSheetStatus) outlay_spend_level_classify (budget, percent_used);
}

/* The cap, what remains of it, how much of it is used, and the status:
 * the higher of the planned (estimate) and spent (actual + committed)
 * percentages against the thresholds, since either one past the line is a
 * warning. */
static void
add_allocation_rows (OutlayTopSheet *self, const Pair *total)
{
  OutlayDecimal cap = outlay_budget_get_allocated (self->budget);
  Pair allocated = { cap, cap };
  Pair remaining = { sub (self, cap, total->estimate), sub (self, cap, total->actual) };
  Pair used = { 0 };
  OutlayTopSheetRow *row;

  row = add_row (self, OUTLAY_TOPSHEET_ROW_ALLOCATED, "allocated", NULL, _("Allocated"),
                 &allocated);
  row->property = "allocated";
  add_row (self, OUTLAY_TOPSHEET_ROW_REMAINING, "remaining", NULL, _("Remaining"), &remaining);
  if (cap == 0)
    {
      self->status = OUTLAY_TOPSHEET_STATUS_NONE;
      return;
    }
  if (!outlay_decimal_as_percent (total->estimate, cap, &used.estimate)
      || !outlay_decimal_as_percent (total->actual, cap, &used.actual))
    {
      saturate (self, FALSE, 0, 1);
      used.estimate = used.actual = OUTLAY_DECIMAL_MAX;
    }
  add_row (self, OUTLAY_TOPSHEET_ROW_PERCENT_USED, "percent-used", NULL, _("Percent used"), &used);
  {
    OutlayDecimal spent_pct = used.actual;

    /* thresholds are measured on spend: what is committed counts */
    if (outlay_decimal_as_percent (self->spent, cap, &spent_pct))
      spent_pct = MAX (spent_pct, used.actual);
    self->status = status_for (self->budget, MAX (used.estimate, spent_pct));
  }
}

static void
build_sections (OutlayTopSheet *self, OutlayDocument *doc)
{
  Pair total = { 0 };

  for (guint i = 0; i < outlay_document_get_n_sections (doc); i++)
    {
      OutlaySection *section = outlay_document_get_section (doc, i);
      Pair p;

      section_pair (section, &p);
      add_section_row (self, outlay_section_get_code (section), outlay_section_get_code (section),
                       outlay_section_get_name (section), section, &p);
      pair_add (self, &total, &p);
    }
  add_row (self, OUTLAY_TOPSHEET_ROW_TOTAL, "total", NULL, _("Total"), &total);
  add_allocation_rows (self, &total);
}

/* ---- GObject ---- */

static void
outlay_topsheet_finalize (GObject *object)
{
  OutlayTopSheet *self = OUTLAY_TOPSHEET (object);

  g_clear_object (&self->budget);
  g_ptr_array_unref (self->rows);
  g_clear_error (&self->error);
  G_OBJECT_CLASS (outlay_topsheet_parent_class)->finalize (object);
}

static void
outlay_topsheet_class_init (OutlayTopSheetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = outlay_topsheet_finalize;
}

static void
outlay_topsheet_init (OutlayTopSheet *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_topsheet_row_free);
}

/* ---- public API ---- */

/**
 * outlay_topsheet_new:
 * @doc: a document
 *
 * Computes @doc's top sheet as it is now: the AICP bid summary for AICP
 * budgets, a summary by section against the allocation for the others.
 * It never fails: figures that would overflow are held at the limit and
 * outlay_topsheet_get_error() says so.
 *
 * Returns: (transfer full): the top sheet
 */
OutlayTopSheet *
outlay_topsheet_new (OutlayDocument *doc)
{
  OutlayTopSheet *self;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (doc), NULL);

  self = g_object_new (OUTLAY_TYPE_TOPSHEET, NULL);
  self->budget = g_object_ref (outlay_document_get_budget (doc));
  self->aicp = outlay_budget_get_kind (self->budget) == OUTLAY_BUDGET_KIND_AICP;
  self->spent = outlay_totals_get_spent (outlay_document_get_totals (doc));
  self->available = outlay_document_get_available (doc);
  if (self->aicp)
    {
      g_autoptr(GPtrArray) sections = g_ptr_array_new ();

      for (guint i = 0; i < outlay_document_get_n_sections (doc); i++)
        g_ptr_array_add (sections, outlay_document_get_section (doc, i));
      build_aicp (self, sections);
    }
  else
    build_sections (self, doc);
  return self;
}

/**
 * outlay_topsheet_new_aicp:
 * @budget: the budget's percentages and contingency
 * @sections: (element-type OutlaySection): sections with their totals
 *
 * The AICP top sheet of @sections, for figures not yet in a document
 * (an import compares them with the file's own summary).
 *
 * Returns: (transfer full): the top sheet
 */
OutlayTopSheet *
outlay_topsheet_new_aicp (OutlayBudget *budget, GPtrArray *sections)
{
  OutlayTopSheet *self;

  g_return_val_if_fail (OUTLAY_IS_BUDGET (budget), NULL);
  g_return_val_if_fail (sections != NULL, NULL);

  self = g_object_new (OUTLAY_TYPE_TOPSHEET, NULL);
  self->budget = g_object_ref (budget);
  self->aicp = TRUE;
  build_aicp (self, sections);
  return self;
}

gboolean
outlay_topsheet_is_aicp (OutlayTopSheet *self)
{
  g_return_val_if_fail (OUTLAY_IS_TOPSHEET (self), FALSE);
  return self->aicp;
}

/**
 * outlay_topsheet_get_budget:
 * @self: a top sheet
 *
 * Returns: (transfer none): the budget, for the header block
 */
OutlayBudget *
outlay_topsheet_get_budget (OutlayTopSheet *self)
{
  g_return_val_if_fail (OUTLAY_IS_TOPSHEET (self), NULL);
  return self->budget;
}

/**
 * outlay_topsheet_get_rows:
 * @self: a top sheet
 *
 * Returns: (transfer none) (element-type OutlayTopSheetRow): the rows in
 *   printed order
 */
GPtrArray *
outlay_topsheet_get_rows (OutlayTopSheet *self)
{
  g_return_val_if_fail (OUTLAY_IS_TOPSHEET (self), NULL);
  return self->rows;
}

guint
outlay_topsheet_get_n_rows (OutlayTopSheet *self)
{
  g_return_val_if_fail (OUTLAY_IS_TOPSHEET (self), 0);
  return self->rows->len;
}

const OutlayTopSheetRow *
outlay_topsheet_get_row (OutlayTopSheet *self,
                         guint           index)
{
  g_return_val_if_fail (OUTLAY_IS_TOPSHEET (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, index);
}

/**
 * outlay_topsheet_lookup_row:
 * @self: a top sheet
 * @id: a row id, "A", "a-to-k", "insurance", …
 *
 * Returns: (nullable): the first row with @id
 */
const OutlayTopSheetRow *
outlay_topsheet_lookup_row (OutlayTopSheet *self,
                            const char     *id)
{
  g_return_val_if_fail (OUTLAY_IS_TOPSHEET (self), NULL);
  for (guint i = 0; i < self->rows->len; i++)
    {
      OutlayTopSheetRow *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (row->id, id) == 0)
        return row;
    }
  return NULL;
}

/**
 * outlay_topsheet_get_total:
 * @self: a top sheet
 *
 * Returns: the contracted total (AICP) or the total row
 */
const OutlayTopSheetRow *
outlay_topsheet_get_total (OutlayTopSheet *self)
{
  g_return_val_if_fail (OUTLAY_IS_TOPSHEET (self), NULL);
  return outlay_topsheet_lookup_row (self, self->aicp ? "contracted-total" : "total");
}

/**
 * outlay_topsheet_get_status:
 * @self: a top sheet
 *
 * Returns: how the budget stands against its warning and critical
 *   thresholds; %OUTLAY_TOPSHEET_STATUS_NONE for AICP bids and budgets
 *   with no allocation
 */
OutlayTopSheetStatus
outlay_topsheet_get_status (OutlayTopSheet *self)
{
  g_return_val_if_fail (OUTLAY_IS_TOPSHEET (self), OUTLAY_TOPSHEET_STATUS_NONE);
  return self->status;
}

/**
 * outlay_topsheet_get_error:
 * @self: a top sheet
 *
 * Returns: (nullable): why some figures are held at the limit, or %NULL
 */
const GError *
outlay_topsheet_get_error (OutlayTopSheet *self)
{
  g_return_val_if_fail (OUTLAY_IS_TOPSHEET (self), NULL);
  return self->error;
}

const char *
outlay_topsheet_status_to_string (OutlayTopSheetStatus status)
{
  static const char *const ids[] = { "none", "ok", "warning", "critical" };

  g_return_val_if_fail (status < G_N_ELEMENTS (ids), "none");
  return ids[status];
}

const char *
outlay_topsheet_row_kind_to_string (OutlayTopSheetRowKind kind)
{
  static const char *const ids[] = {
    "section", "subtotal", "percent", "amount", "total", "allocated", "remaining", "percent-used",
  };

  g_return_val_if_fail (kind < G_N_ELEMENTS (ids), "section");
  return ids[kind];
}

/**
 * outlay_topsheet_get_available:
 * @self: a top sheet made from a document
 *
 * Returns: what is available: the allocation (else the estimate) less
 *   actual, committed and reserved
 */
OutlayDecimal
outlay_topsheet_get_available (OutlayTopSheet *self)
{
  g_return_val_if_fail (OUTLAY_IS_TOPSHEET (self), 0);
  return self->available;
}
