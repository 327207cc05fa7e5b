/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-import-kind"

/* Is the file a budget, a payroll register, an invoice or an expense
 * report?  Weighted cues from the column headers, the title block and the
 * labels anywhere in the sample, plus the table's structure (sections,
 * subtotals, qty × rate lines).  An invoice has qty × price lines too, so
 * its own cues (“INVOICE”, “Bill To”, “Total due”) weigh more than shape. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "outlay-import-private.h"

#define N_KINDS OUTLAY_FILE_KIND_UNKNOWN
#define MAX_SHOWN 4

/* IN_NAME: the file or sheet name, matched by title cues */
typedef enum { IN_HEADER, IN_TITLE, IN_ANY, IN_NAME } Where;

typedef struct
{
  const char     *phrase; /* normalised words */
  OutlayFileKind  kind;
  guint8          tenths; /* weight × 10 */
  guint8          where;
  gboolean        whole;  /* the text must be the phrase, not contain it */
} Cue;

#define K(x) OUTLAY_FILE_KIND_##x

static const Cue cues[] = {
  /* payroll */
  { "gross pay", K (PAYROLL), 30, IN_HEADER, FALSE }, { "net pay", K (PAYROLL), 30, IN_HEADER, FALSE },
  { "gross wages", K (PAYROLL), 30, IN_HEADER, FALSE }, { "net wages", K (PAYROLL), 30, IN_HEADER, FALSE },
  { "federal tax", K (PAYROLL), 20, IN_HEADER, FALSE }, { "state tax", K (PAYROLL), 15, IN_HEADER, FALSE },
  { "income tax", K (PAYROLL), 15, IN_HEADER, FALSE }, { "social security", K (PAYROLL), 20, IN_HEADER, FALSE },
  { "medicare", K (PAYROLL), 20, IN_HEADER, FALSE }, { "fica", K (PAYROLL), 20, IN_HEADER, FALSE },
  { "overtime", K (PAYROLL), 15, IN_HEADER, FALSE }, { "pay period", K (PAYROLL), 25, IN_HEADER, FALSE },
  { "pay date", K (PAYROLL), 20, IN_HEADER, FALSE }, { "employee id", K (PAYROLL), 15, IN_HEADER, FALSE },
  { "employee no", K (PAYROLL), 15, IN_HEADER, FALSE }, { "employee name", K (PAYROLL), 10, IN_HEADER, FALSE },
  { "withholding", K (PAYROLL), 20, IN_HEADER, FALSE }, { "deductions", K (PAYROLL), 15, IN_HEADER, FALSE },
  { "ytd", K (PAYROLL), 10, IN_HEADER, FALSE }, { "401k", K (PAYROLL), 15, IN_HEADER, FALSE },
  { "brutto", K (PAYROLL), 20, IN_HEADER, FALSE }, { "netto", K (PAYROLL), 15, IN_HEADER, FALSE },
  { "bruttolohn", K (PAYROLL), 25, IN_HEADER, FALSE }, { "lohnsteuer", K (PAYROLL), 20, IN_HEADER, FALSE },
  { "salaire brut", K (PAYROLL), 25, IN_HEADER, FALSE }, { "salaire net", K (PAYROLL), 25, IN_HEADER, FALSE },
  { "payroll", K (PAYROLL), 30, IN_TITLE, FALSE }, { "payslip", K (PAYROLL), 30, IN_TITLE, FALSE },
  { "pay stub", K (PAYROLL), 30, IN_TITLE, FALSE },
  /* invoice */
  { "invoice", K (INVOICE), 40, IN_ANY, TRUE }, { "tax invoice", K (INVOICE), 40, IN_ANY, TRUE },
  { "rechnung", K (INVOICE), 40, IN_ANY, TRUE }, { "facture", K (INVOICE), 40, IN_ANY, TRUE },
  { "factura", K (INVOICE), 40, IN_ANY, TRUE }, { "invoice no", K (INVOICE), 30, IN_ANY, FALSE },
  { "invoice number", K (INVOICE), 30, IN_ANY, FALSE }, { "invoice date", K (INVOICE), 20, IN_ANY, FALSE },
  { "bill to", K (INVOICE), 30, IN_ANY, FALSE }, { "ship to", K (INVOICE), 15, IN_ANY, FALSE },
  { "sold to", K (INVOICE), 15, IN_ANY, FALSE }, { "remit", K (INVOICE), 15, IN_ANY, FALSE },
  { "payment terms", K (INVOICE), 15, IN_ANY, FALSE }, { "terms", K (INVOICE), 10, IN_ANY, TRUE },
  { "total due", K (INVOICE), 30, IN_ANY, FALSE }, { "amount due", K (INVOICE), 30, IN_ANY, FALSE },
  { "balance due", K (INVOICE), 25, IN_ANY, FALSE }, { "due date", K (INVOICE), 10, IN_TITLE, FALSE },
  { "sales tax", K (INVOICE), 15, IN_ANY, FALSE }, { "vat", K (INVOICE), 10, IN_ANY, FALSE },
  { "net 30", K (INVOICE), 10, IN_ANY, FALSE }, { "po no", K (INVOICE), 10, IN_TITLE, FALSE },
  { "unit price", K (INVOICE), 5, IN_HEADER, FALSE }, { "item no", K (INVOICE), 5, IN_HEADER, FALSE },
  /* expense report */
  { "merchant", K (EXPENSE_REPORT), 30, IN_HEADER, FALSE },
  { "payment method", K (EXPENSE_REPORT), 30, IN_HEADER, FALSE },
  { "paid with", K (EXPENSE_REPORT), 20, IN_HEADER, FALSE },
  { "receipt", K (EXPENSE_REPORT), 25, IN_HEADER, FALSE },
  { "expense category", K (EXPENSE_REPORT), 25, IN_HEADER, FALSE },
  { "expense type", K (EXPENSE_REPORT), 25, IN_HEADER, FALSE },
  { "approved by", K (EXPENSE_REPORT), 20, IN_HEADER, FALSE },
  { "reimbursable", K (EXPENSE_REPORT), 25, IN_HEADER, FALSE },
  { "business purpose", K (EXPENSE_REPORT), 25, IN_HEADER, FALSE },
  { "purpose", K (EXPENSE_REPORT), 10, IN_HEADER, TRUE },
  { "employee", K (EXPENSE_REPORT), 10, IN_HEADER, TRUE },
  { "paid by", K (EXPENSE_REPORT), 15, IN_HEADER, FALSE },
  { "expense report", K (EXPENSE_REPORT), 50, IN_TITLE, FALSE },
  { "expense claim", K (EXPENSE_REPORT), 50, IN_TITLE, FALSE },
  { "note de frais", K (EXPENSE_REPORT), 50, IN_TITLE, FALSE },
  { "reisekosten", K (EXPENSE_REPORT), 40, IN_TITLE, FALSE },
  /* budget */
  { "estimate", K (BUDGET), 20, IN_HEADER, FALSE }, { "estimated", K (BUDGET), 20, IN_HEADER, FALSE },
  { "est", K (BUDGET), 15, IN_HEADER, FALSE }, { "budget", K (BUDGET), 20, IN_HEADER, FALSE },
  { "budgeted", K (BUDGET), 20, IN_HEADER, FALSE }, { "actual", K (BUDGET), 15, IN_HEADER, FALSE },
  { "variance", K (BUDGET), 25, IN_HEADER, FALSE }, { "over under", K (BUDGET), 25, IN_HEADER, FALSE },
  { "remaining", K (BUDGET), 15, IN_HEADER, FALSE }, { "forecast", K (BUDGET), 15, IN_HEADER, FALSE },
  { "planned", K (BUDGET), 15, IN_HEADER, FALSE }, { "committed", K (BUDGET), 15, IN_HEADER, FALSE },
  { "rate", K (BUDGET), 10, IN_HEADER, FALSE }, { "fringe", K (BUDGET), 15, IN_HEADER, FALSE },
  { "phase", K (BUDGET), 10, IN_HEADER, FALSE }, { "department", K (BUDGET), 10, IN_HEADER, FALSE },
  { "cost center", K (BUDGET), 10, IN_HEADER, FALSE }, { "fiscal period", K (BUDGET), 10, IN_HEADER, FALSE },
  { "bid", K (BUDGET), 15, IN_HEADER, FALSE }, { "cost code", K (BUDGET), 10, IN_HEADER, FALSE },
  { "soll", K (BUDGET), 20, IN_HEADER, FALSE }, { "presupuesto", K (BUDGET), 20, IN_HEADER, FALSE },
  { "budget", K (BUDGET), 20, IN_TITLE, FALSE }, { "estimate", K (BUDGET), 20, IN_TITLE, FALSE },
  { "bid", K (BUDGET), 15, IN_TITLE, FALSE }, { "cost report", K (BUDGET), 20, IN_TITLE, FALSE },
  { "forecast", K (BUDGET), 10, IN_TITLE, FALSE },
};

typedef struct
{
  double     score[N_KINDS];
  gboolean   hit[G_N_ELEMENTS (cues)];
  GPtrArray *header_hits[N_KINDS]; /* texts, as in the file */
  GPtrArray *title_hits[N_KINDS];
  GPtrArray *name_hits[N_KINDS];
  guint      sections, subtotals, lines;
} Evidence;

static gboolean
contains_words (const char *norm, const char *phrase)
{
  gsize n = strlen (phrase);

  for (const char *p = strstr (norm, phrase); p != NULL; p = strstr (p + 1, phrase))
    if ((p == norm || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
      return TRUE;
  return FALSE;
}

/* Keeps the texts that matched, heaviest cue first. */
static void
add_hit (GPtrArray *hits, const char *text, guint tenths)
{
  g_autofree char *t = g_strstrip (g_strdup (text));
  guint at = hits->len;

  for (guint i = 0; i < hits->len; i++)
    if (strcmp ((char *) hits->pdata[i] + 1, t) == 0)
      {
        if ((guchar) *(char *) hits->pdata[i] >= tenths)
          return;
        g_ptr_array_remove_index (hits, i);
        break;
      }
  for (guint i = 0; i < hits->len; i++)
    if ((guchar) *(char *) hits->pdata[i] < tenths)
      {
        at = i;
        break;
      }
  /* the weight rides in the first byte */
  g_ptr_array_insert (hits, at, g_strdup_printf ("%c%s", (char) tenths, t));
}

static void
match_text (Evidence *ev, const char *text, Where where)
{
  g_autofree char *norm = NULL;

  if (text == NULL || strlen (text) > 60)
    return;
  norm = outlay_import_normalize_header (text, NULL);
  if (*norm == '\0')
    return;
  for (guint i = 0; i < G_N_ELEMENTS (cues); i++)
    {
      const Cue *c = &cues[i];

      if (c->where != IN_ANY && c->where != where && !(where == IN_NAME && c->where == IN_TITLE))
        continue;
      if (c->whole ? strcmp (norm, c->phrase) != 0 : !contains_words (norm, c->phrase))
        continue;
      add_hit (where == IN_HEADER ? ev->header_hits[c->kind]
               : where == IN_NAME ? ev->name_hits[c->kind] : ev->title_hits[c->kind], text, c->tenths);
      if (!ev->hit[i])
        ev->score[c->kind] += c->tenths / 10.0;
      ev->hit[i] = TRUE;
    }
}

/* A line's own words ("Sales tax on rentals") are not labels of the file. */
static gboolean
is_line_text (OutlayImportAnalysis *self, OutlayRowKind kind, guint column)
{
  OutlayImportField f = column < self->rules.n_columns ? self->rules.fields[column]
                                                       : OUTLAY_IMPORT_FIELD_IGNORE;

  return kind == OUTLAY_ROW_LINE
         && (f == OUTLAY_IMPORT_FIELD_DESCRIPTION || f == OUTLAY_IMPORT_FIELD_NOTES
             || f == OUTLAY_IMPORT_FIELD_CATEGORY || f == OUTLAY_IMPORT_FIELD_VENDOR);
}

static void
match_sample (OutlayImportAnalysis *self, OutlaySheetSample *sample, Evidence *ev)
{
  guint title_end = self->header_row > 0 ? self->header_row - self->header_rows : 10;

  for (guint i = 0; sample != NULL && i < sample->rows->len; i++)
    {
      const OutlayRow *row = sample->rows->pdata[i];
      gboolean title = row->number <= title_end;
      OutlayRowKind kind;

      if (row->number > title_end && row->number <= self->header_row)
        continue; /* the header itself, matched from the columns */
      kind = outlay_import_analysis_classify_row (self, row, NULL, NULL);
      for (guint k = 0; k < row->n_cells; k++)
        if (outlay_import_cell_is_text (&row->cells[k]) && !is_line_text (self, kind, row->cells[k].column))
          match_text (ev, row->cells[k].text, title ? IN_TITLE : IN_ANY);
      ev->sections += kind == OUTLAY_ROW_SECTION;
      ev->subtotals += kind == OUTLAY_ROW_SUBTOTAL;
      ev->lines += kind == OUTLAY_ROW_LINE;
    }
}

static void
match_names (OutlayImportAnalysis *self, Evidence *ev)
{
  g_autofree char *base = self->file_name != NULL ? g_path_get_basename (self->file_name) : NULL;
  g_autofree char *stem = base != NULL ? g_strdup (base) : NULL;
  const char *sheet = NULL;

  if (stem != NULL && strrchr (stem, '.') != NULL)
    *strrchr (stem, '.') = '\0';
  if (base != NULL)
    match_text (ev, base, IN_NAME);
  if (self->sheet_names != NULL && self->sheet < g_strv_length (self->sheet_names))
    sheet = self->sheet_names[self->sheet];
  /* a CSV's one sheet is named after the file */
  if (sheet != NULL && g_strcmp0 (sheet, stem) != 0)
    match_text (ev, sheet, IN_NAME);
}

static gboolean
has_field (OutlayImportAnalysis *self, OutlayImportField field)
{
  return outlay_import_analysis_find_field (self, field) >= 0;
}

static gboolean
has_amount (OutlayImportAnalysis *self)
{
  return has_field (self, OUTLAY_IMPORT_FIELD_ESTIMATE) || has_field (self, OUTLAY_IMPORT_FIELD_ACTUAL)
         || has_field (self, OUTLAY_IMPORT_FIELD_COMMITTED) || has_field (self, OUTLAY_IMPORT_FIELD_RATE);
}

static void
score_structure (OutlayImportAnalysis *self, Evidence *ev)
{
  if (ev->sections >= 2)
    ev->score[K (BUDGET)] += 2.0;
  if (ev->subtotals >= 2)
    ev->score[K (BUDGET)] += 1.0;
  if (self->product[0] >= 0)
    ev->score[K (BUDGET)] += 1.0;
  if (has_amount (self) && has_field (self, OUTLAY_IMPORT_FIELD_DESCRIPTION))
    ev->score[K (BUDGET)] += ev->lines >= 5 ? 2.0 : 1.0;
}

static void
add_reason (OutlayImportAnalysis *self, char *sentence)
{
  g_ptr_array_insert (self->reasons, self->reasons->len - 1, sentence);
}

static char *
hits_list (GPtrArray *hits)
{
  const char *texts[MAX_SHOWN];
  guint n = MIN (hits->len, MAX_SHOWN);

  for (guint i = 0; i < n; i++)
    texts[i] = (const char *) hits->pdata[i] + 1;
  return outlay_import_quote_list (texts, n);
}

static void
reason_headers (OutlayImportAnalysis *self, Evidence *ev, OutlayFileKind kind)
{
  GPtrArray *h = ev->header_hits[kind];
  g_autofree char *list = NULL;

  if (h->len == 0)
    return;
  list = hits_list (h);
  switch (kind)
    {
    case K (PAYROLL):
      add_reason (self, g_strdup_printf (ngettext ("The column %s is a payroll term.",
                                                   "The columns %s are payroll terms.", h->len), list));
      break;
    case K (INVOICE):
      add_reason (self, g_strdup_printf (ngettext ("The column %s is an invoice term.",
                                                   "The columns %s are invoice terms.", h->len), list));
      break;
    case K (EXPENSE_REPORT):
      add_reason (self, g_strdup_printf (ngettext ("The column %s is an expense report term.",
                                                   "The columns %s are expense report terms.", h->len),
                                         list));
      break;
    case K (BUDGET):
    default:
      add_reason (self, g_strdup_printf (ngettext ("The column %s is a budget term.",
                                                   "The columns %s are budget terms.", h->len), list));
      break;
    }
}

static void
reason_titles (OutlayImportAnalysis *self, Evidence *ev, OutlayFileKind kind)
{
  GPtrArray *t = ev->title_hits[kind];
  g_autofree char *list = NULL;

  if (t->len == 0)
    return;
  list = hits_list (t);
  switch (kind)
    {
    case K (PAYROLL):
      add_reason (self, g_strdup_printf (_("The sheet is labelled %s, like a payroll register."), list));
      break;
    case K (INVOICE):
      add_reason (self, g_strdup_printf (_("The sheet has %s, which is how an invoice is laid out."), list));
      break;
    case K (EXPENSE_REPORT):
      add_reason (self, g_strdup_printf (_("The sheet is labelled %s, like an expense report."), list));
      break;
    case K (BUDGET):
    default:
      add_reason (self, g_strdup_printf (_("The title says %s."), list));
      break;
    }
}

static void
reason_names (OutlayImportAnalysis *self, Evidence *ev, OutlayFileKind kind)
{
  g_autofree char *list = NULL;

  if (ev->name_hits[kind]->len == 0)
    return;
  list = hits_list (ev->name_hits[kind]);
  add_reason (self, g_strdup_printf (_("The file or sheet is named %s."), list));
}

/* The column's header, or its letter when it has none. */
static char *
header_of (OutlayImportAnalysis *self, int column)
{
  const OutlayColumnMapping *m = self->columns->pdata[column];
  g_autofree char *letters = NULL;

  if (m->header != NULL && *m->header != '\0')
    return g_strdup (m->header);
  letters = outlay_import_column_letters (column);
  return g_strdup_printf (_("column %s"), letters);
}

static void
reason_structure (OutlayImportAnalysis *self, Evidence *ev)
{
  if (ev->lines >= 5 && has_amount (self) && has_field (self, OUTLAY_IMPORT_FIELD_DESCRIPTION))
    add_reason (self, g_strdup (_("Its rows are lines with a description and an amount.")));
  if (ev->sections >= 2 && ev->subtotals >= 2)
    add_reason (self, g_strdup (_("It is divided into sections with subtotals, as budgets are.")));
  else if (ev->sections >= 2)
    add_reason (self, g_strdup (_("It is divided into sections, as budgets are.")));
  if (self->product[0] >= 0)
    {
      g_autofree char *e = header_of (self, self->product[0]);
      g_autofree char *q = header_of (self, self->product[1]);
      g_autofree char *r = header_of (self, self->product[2]);
      g_autofree char *m = self->product[3] >= 0 ? header_of (self, self->product[3]) : NULL;

      if (m != NULL)
        add_reason (self, g_strdup_printf (_("On each line “%s” is “%s” × “%s” × “%s”."), e, q, m, r));
      else
        add_reason (self, g_strdup_printf (_("On each line “%s” is “%s” × “%s”."), e, q, r));
    }
}

static void
explain (OutlayImportAnalysis *self, Evidence *ev, OutlayFileKind kind, OutlayFileKind runner_up)
{
  if (kind == K (UNKNOWN))
    {
      if (!has_amount (self))
        add_reason (self, g_strdup (_("No column looks like an amount.")));
      add_reason (self, g_strdup (_("Nothing in the headers or the title says what kind of file this is.")));
      return;
    }
  reason_titles (self, ev, kind);
  reason_headers (self, ev, kind);
  reason_names (self, ev, kind);
  if (kind == K (BUDGET))
    reason_structure (self, ev);
  if (kind != K (BUDGET) && runner_up == K (BUDGET) && ev->score[K (BUDGET)] >= 2.0)
    add_reason (self, g_strdup (_("It also has columns a budget could have, so check before importing it as one.")));
}

static void
decide (OutlayImportAnalysis *self, Evidence *ev, OutlayFileKind *runner_up)
{
  OutlayFileKind best = K (UNKNOWN), second = K (UNKNOWN);
  double s1 = 0, s2 = 0, strength, margin;

  for (guint k = 0; k < N_KINDS; k++)
    if (ev->score[k] > s1)
      {
        second = best, s2 = s1;
        best = k, s1 = ev->score[k];
      }
    else if (ev->score[k] > s2)
      second = k, s2 = ev->score[k];
  strength = 1.0 - exp (-s1 / 3.0);
  *runner_up = second;
  if (s1 < 2.0)
    {
      self->kind = K (UNKNOWN);
      self->kind_confidence = 1.0 - strength;
      return;
    }
  margin = (s1 - s2) / s1;
  self->kind = best;
  self->kind_confidence = CLAMP (strength * (0.5 + 0.5 * margin), 0.0, 1.0);
}

/**
 * outlay_import_detect_kind:
 *
 * Sets the kind, its confidence and the reasons.  The confidence grows with
 * the weight of the winning cues and with its margin over the runner-up.
 */
void
outlay_import_detect_kind (OutlayImportAnalysis *self,
                           OutlaySheetSample    *sample)
{
  Evidence ev = { 0 };
  OutlayFileKind runner_up = K (UNKNOWN);

  for (guint k = 0; k < N_KINDS; k++)
    {
      ev.header_hits[k] = g_ptr_array_new_with_free_func (g_free);
      ev.title_hits[k] = g_ptr_array_new_with_free_func (g_free);
      ev.name_hits[k] = g_ptr_array_new_with_free_func (g_free);
    }
  for (guint i = 0; self->header_row > 0 && i < self->columns->len; i++)
    match_text (&ev, ((OutlayColumnMapping *) self->columns->pdata[i])->header, IN_HEADER);
  match_sample (self, sample, &ev);
  match_names (self, &ev);
  score_structure (self, &ev);
  g_ptr_array_set_size (self->reasons, 0);
  g_ptr_array_add (self->reasons, NULL);
  decide (self, &ev, &runner_up);
  explain (self, &ev, self->kind, runner_up);
  for (guint k = 0; k < N_KINDS; k++)
    {
      g_ptr_array_unref (ev.header_hits[k]);
      g_ptr_array_unref (ev.title_hits[k]);
      g_ptr_array_unref (ev.name_hits[k]);
    }
}

const char *
outlay_file_kind_name (OutlayFileKind kind)
{
  static const char * const names[] = {
    "budget", "payroll", "invoice", "expense_report", "unknown",
  };

  g_return_val_if_fail (kind <= K (UNKNOWN), "unknown");
  return names[kind];
}

char *
outlay_import_quote_list (const char * const *texts,
                          guint               n)
{
  g_autofree char *list = NULL;

  if (n == 0)
    return g_strdup ("");
  list = g_strdup_printf ("“%s”", texts[0]);
  for (guint i = 1; i < n; i++)
    {
      g_autofree char *q = g_strdup_printf ("“%s”", texts[i]);
      char *next = i + 1 == n
                     /* TRANSLATORS: the last two items of a list */
                     ? g_strdup_printf (_("%s and %s"), list, q)
                     /* TRANSLATORS: two items of a longer list */
                     : g_strdup_printf (_("%s, %s"), list, q);

      g_free (list);
      list = next;
    }
  return g_steal_pointer (&list);
}
