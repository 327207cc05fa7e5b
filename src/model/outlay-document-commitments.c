/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-document"

/* Money control on OutlayDocument: purchase requests and orders.  A
 * commitment holds part of its line's budget (see
 * outlay_commitment_get_held()); every change to one is a command that
 * moves its line's actual, committed and reserved amounts (or its
 * section's, when it charges a section as a whole) by the difference, so
 * the running totals, the undo stack and the audit trail work as for a
 * typed edit.  Amounts typed on a line with no commitment stay as typed;
 * on a line with commitments, the typed part is what is left once the
 * commitments' part is taken out. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "outlay-currency.h"
#include "outlay-document-private.h"
#include "outlay-document-totals.h"
#include "outlay-error.h"

#define MAX_TEXT 4096

static gboolean
fail (GError **error, int code, const char *message)
{
  g_set_error_literal (error, OUTLAY_ERROR, code, message);
  return FALSE;
}

static const char *
currency_of (OutlayDocument *self)
{
  return outlay_budget_get_currency (outlay_document_get_budget (self));
}

/* "PO-1001", or "the commitment" when it has no number yet */
static char *
name_of (OutlayCommitment *c)
{
  const char *ref = outlay_commitment_get_reference (c);

  if (ref != NULL && *ref != '\0')
    return g_strdup (ref);
  return g_strdup (_("The commitment"));
}

static void
held_of (OutlayCommitment *c, OutlayTotals *t)
{
  *t = (OutlayTotals){ 0 };
  if (c != NULL)
    outlay_commitment_get_held (c, &t->actual, &t->committed, &t->reserved);
}

static gboolean
parse_iso_date (const char *text, GDate *date)
{
  int y, m, d;
  char tail;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || strlen (text) != 10
      || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static gboolean
check_date (OutlayDocument *self, const char *text, GError **error)
{
  OutlayBudget *budget = outlay_document_get_budget (self);
  const char *start = outlay_budget_get_fiscal_start (budget);
  const char *end = outlay_budget_get_fiscal_end (budget);
  GDate date, s, e;

  if (text == NULL || *text == '\0')
    return TRUE;
  if (!parse_iso_date (text, &date))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a date: write it as YYYY-MM-DD, like 2026-03-31"), text);
      return FALSE;
    }
  if ((parse_iso_date (start, &s) && g_date_compare (&date, &s) < 0)
      || (parse_iso_date (end, &e) && g_date_compare (&date, &e) > 0))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("%s is outside the budget’s fiscal year (%s to %s); nothing was changed"),
                      text, start != NULL ? start : "…", end != NULL ? end : "…");
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_text (const char *text, GError **error)
{
  if (text != NULL && (strlen (text) > MAX_TEXT || !g_utf8_validate (text, -1, NULL)))
    return fail (error, OUTLAY_ERROR_INVALID_ARGUMENT,
                 _("A commitment’s number, vendor and description are text of at most 4096 "
                   "characters"));
  return TRUE;
}

static gboolean
check_target (OutlayDocument *self, OutlaySection *section, OutlayLine *line, GError **error)
{
  if (line != NULL)
    section = outlay_line_get_section (line);
  if (section == NULL)
    return fail (error, OUTLAY_ERROR_INVALID_ARGUMENT,
                 _("Choose the line or the section the commitment charges"));
  if (!outlay_document_find_section (self, section, NULL)
      || (line != NULL && !outlay_section_find_line (section, line, NULL)))
    return fail (error, OUTLAY_ERROR_NOT_FOUND,
                 _("That line or section is no longer part of this budget"));
  return TRUE;
}

/* Everything a commitment's fields must be, whatever the command. */
static gboolean
check_fields (OutlayDocument *self, OutlayCommitment *c, GError **error)
{
  g_autofree char *name = name_of (c);
  OutlayDecimal amount = outlay_commitment_get_amount (c);
  OutlayDecimal invoiced = outlay_commitment_get_invoiced (c);

  if (amount <= 0)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("%s: the amount must be more than zero; nothing was changed"), name);
      return FALSE;
    }
  if (invoiced > amount)
    {
      g_autofree char *a = outlay_currency_format (amount, currency_of (self));
      g_autofree char *i = outlay_currency_format (invoiced, currency_of (self));

      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("%s would be invoiced %s, more than its amount of %s; nothing was changed"),
                      name, i, a);
      return FALSE;
    }
  return check_text (outlay_commitment_get_reference (c), error)
         && check_text (outlay_commitment_get_vendor (c), error)
         && check_text (outlay_commitment_get_description (c), error)
         && check_text (outlay_commitment_get_requested_by (c), error)
         && check_date (self, outlay_commitment_get_date (c), error)
         && check_date (self, outlay_commitment_get_expected_date (c), error);
}

static gboolean
check_unique (OutlayDocument *self, OutlayCommitment *c, OutlayCommitment *except, GError **error)
{
  const char *ref = outlay_commitment_get_reference (c);
  OutlayCommitment *other;

  if (ref == NULL || *ref == '\0')
    return TRUE;
  other = outlay_document_lookup_commitment (self, ref);
  if (other != NULL && other != except)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("This budget already has a commitment numbered %s"), ref);
      return FALSE;
    }
  return TRUE;
}

/* @t += sign × @held, field by field, on a line's state. */
static gboolean
state_add_held (OutlayLineState *state, const OutlayTotals *held, int sign)
{
  struct
  {
    OutlayLineField f;
    OutlayDecimal v;
  } parts[] = {
    { OUTLAY_LINE_ACTUAL, held->actual },
    { OUTLAY_LINE_COMMITTED, held->committed },
    { OUTLAY_LINE_RESERVED, held->reserved },
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      OutlayDecimal *slot = &state->decimals[outlay_line_decimal_slot (parts[i].f)];

      if (!(sign > 0 ? outlay_decimal_add : outlay_decimal_sub) (*slot, parts[i].v, slot))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_line_op (Command *command,
             OutlayLine *line,
             const OutlayTotals *minus,
             const OutlayTotals *plus,
             GError **error)
{
  Op *op;

  if (outlay_totals_is_zero (minus) && outlay_totals_is_zero (plus))
    return TRUE;
  op = outlay_command_add_op (command, OP_LINE_STATE);
  op->line = g_object_ref (line);
  outlay_line_save_state (line, &op->before);
  outlay_line_save_state (line, &op->after);
  if (!state_add_held (&op->after, minus, -1) || !state_add_held (&op->after, plus, +1))
    return fail (error, OUTLAY_ERROR_OVERFLOW,
                 _("The line’s amounts would exceed the largest amount Outlay can hold"));
  return TRUE;
}

static void
add_held_op (Command *command, OutlaySection *section, const OutlayTotals *held, int sign)
{
  Op *op;

  if (outlay_totals_is_zero (held))
    return;
  op = outlay_command_add_op (command, OP_HELD_SHIFT);
  op->section = section != NULL ? g_object_ref (section) : NULL;
  op->held = *held;
  if (sign < 0)
    {
      op->held.actual = -held->actual;
      op->held.committed = -held->committed;
      op->held.reserved = -held->reserved;
    }
}

/* The ops that take what @before holds off its line or section and put
 * what @after holds on its own (either may be %NULL). */
static gboolean
plan_held (Command *command, OutlayCommitment *before, OutlayCommitment *after, GError **error)
{
  OutlayTotals old_h, new_h, none = { 0 };
  OutlayLine *old_line = before != NULL ? outlay_commitment_get_line (before) : NULL;
  OutlayLine *new_line = after != NULL ? outlay_commitment_get_line (after) : NULL;

  held_of (before, &old_h);
  held_of (after, &new_h);
  if (old_line != NULL && old_line == new_line)
    return add_line_op (command, old_line, &old_h, &new_h, error);
  if (before != NULL)
    {
      if (old_line != NULL && !add_line_op (command, old_line, &old_h, &none, error))
        return FALSE;
      if (old_line == NULL)
        add_held_op (command, outlay_commitment_get_section (before), &old_h, -1);
    }
  if (after != NULL)
    {
      if (new_line != NULL && !add_line_op (command, new_line, &none, &new_h, error))
        return FALSE;
      if (new_line == NULL)
        add_held_op (command, outlay_commitment_get_section (after), &new_h, +1);
    }
  return TRUE;
}

static gboolean
find_commitment (OutlayDocument *self, OutlayCommitment *c, guint *index, GError **error)
{
  if (!g_ptr_array_find (outlay_document_get_commitments_array (self), c, index))
    return fail (error, OUTLAY_ERROR_NOT_FOUND,
                 _("That commitment is no longer part of this budget"));
  return TRUE;
}

/* One command that turns @c into @after (a copy, target set). */
static gboolean
execute_state (OutlayDocument *self,
               OutlayCommitment *c,
               OutlayCommitment *after,
               const char *label,
               GError **error)
{
  g_autoptr(Command) command = NULL;
  Op *op;

  if (!outlay_document_check_writable (self, FALSE, error)
      || !find_commitment (self, c, NULL, error) || !check_fields (self, after, error))
    return FALSE;
  command = outlay_command_new (label, FALSE);
  if (!plan_held (command, c, after, error))
    return FALSE;
  op = outlay_command_add_op (command, OP_COMMITMENT_STATE);
  op->commitment = g_object_ref (c);
  op->cbefore = outlay_commitment_copy (c);
  op->cafter = g_object_ref (after);
  return outlay_document_execute (self, g_steal_pointer (&command), error);
}

/* ---- applying ops (from outlay-document.c's apply_op) ---- */

static void
count_line (OutlayDocument *self, OutlayLine *line, int delta)
{
  GHashTable *counts = outlay_document_get_line_commitment_counts (self);
  guint n;

  if (line == NULL)
    return;
  n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, line));
  g_assert (delta > 0 || n > 0);
  if (n + delta == 0)
    g_hash_table_remove (counts, line);
  else
    g_hash_table_insert (counts, line, GUINT_TO_POINTER (n + delta));
}

static gboolean
prim_insert (OutlayDocument *self, OutlayCommitment *c, guint index, GError **error)
{
  GPtrArray *all = outlay_document_get_commitments_array (self);
  OutlayDocumentSink *sink = outlay_document_get_sink (self);

  g_assert (index <= all->len);
  g_ptr_array_insert (all, index, g_object_ref (c));
  if (sink != NULL && OUTLAY_DOCUMENT_SINK_GET_IFACE (sink)->commitment_inserted != NULL
      && !OUTLAY_DOCUMENT_SINK_GET_IFACE (sink)->commitment_inserted (sink, self, c, error))
    {
      g_ptr_array_remove_index (all, index);
      return FALSE;
    }
  count_line (self, outlay_commitment_get_line (c), +1);
  outlay_document_emit_commitments_changed (self, index, 0, 1);
  return TRUE;
}

static gboolean
prim_remove (OutlayDocument *self, OutlayCommitment *c, GError **error)
{
  GPtrArray *all = outlay_document_get_commitments_array (self);
  OutlayDocumentSink *sink = outlay_document_get_sink (self);
  g_autoptr(OutlayCommitment) keep = g_object_ref (c);
  guint index;

  if (!find_commitment (self, c, &index, error))
    return FALSE;
  g_ptr_array_remove_index (all, index);
  if (sink != NULL && OUTLAY_DOCUMENT_SINK_GET_IFACE (sink)->commitment_removed != NULL
      && !OUTLAY_DOCUMENT_SINK_GET_IFACE (sink)->commitment_removed (sink, self, c, error))
    {
      g_ptr_array_insert (all, index, g_object_ref (c));
      return FALSE;
    }
  count_line (self, outlay_commitment_get_line (c), -1);
  outlay_document_emit_commitments_changed (self, index, 1, 0);
  return TRUE;
}

static const char *
action_for (OutlayCommitment *before, OutlayCommitment *after)
{
  if (outlay_commitment_get_invoiced (before) != outlay_commitment_get_invoiced (after))
    return "invoice";
  if (outlay_commitment_get_status (before) != outlay_commitment_get_status (after))
    return outlay_commitment_get_status (after) == OUTLAY_COMMITMENT_STATUS_CLOSED ? "close"
                                                                                   : "status";
  return "update";
}

static gboolean
prim_state (OutlayDocument *self, OutlayCommitment *c, OutlayCommitment *to, GError **error)
{
  OutlayDocumentSink *sink = outlay_document_get_sink (self);
  g_autoptr(OutlayCommitment) before = outlay_commitment_copy (c);

  outlay_commitment_assign (c, to);
  if (sink != NULL && OUTLAY_DOCUMENT_SINK_GET_IFACE (sink)->commitment_changed != NULL
      && !OUTLAY_DOCUMENT_SINK_GET_IFACE (sink)->commitment_changed (sink, self, c, before,
                                                                     action_for (before, c), error))
    {
      outlay_commitment_assign (c, before);
      return FALSE;
    }
  if (outlay_commitment_get_line (before) != outlay_commitment_get_line (c))
    {
      count_line (self, outlay_commitment_get_line (before), -1);
      count_line (self, outlay_commitment_get_line (c), +1);
    }
  return TRUE;
}

gboolean
outlay_document_apply_commitment_op (OutlayDocument *self, Op *op, gboolean forward, GError **error)
{
  switch (op->kind)
    {
      case OP_COMMITMENT_INSERT:
      case OP_COMMITMENT_REMOVE:
        if (forward == (op->kind == OP_COMMITMENT_INSERT))
          return prim_insert (self, op->commitment, op->index, error);
        return prim_remove (self, op->commitment, error);
      case OP_COMMITMENT_STATE:
        return prim_state (self, op->commitment, forward ? op->cafter : op->cbefore, error);
      default:
        g_assert_not_reached ();
    }
}

/* ---- public API ---- */

guint
outlay_document_get_n_commitments (OutlayDocument *self)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), 0);
  return outlay_document_get_commitments_array (self)->len;
}

/**
 * outlay_document_get_commitment:
 * @self: a document
 * @index: which, in the order they were added
 *
 * Returns: (transfer none): the commitment
 */
OutlayCommitment *
outlay_document_get_commitment (OutlayDocument *self, guint index)
{
  GPtrArray *all;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), NULL);
  all = outlay_document_get_commitments_array (self);
  g_return_val_if_fail (index < all->len, NULL);
  return g_ptr_array_index (all, index);
}

/**
 * outlay_document_lookup_commitment:
 * @self: a document
 * @reference: a commitment's number ("PO-1001"), or its id as digits
 *
 * Returns: (transfer none) (nullable): the commitment
 */
OutlayCommitment *
outlay_document_lookup_commitment (OutlayDocument *self, const char *reference)
{
  GPtrArray *all;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (reference != NULL, NULL);
  all = outlay_document_get_commitments_array (self);
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (outlay_commitment_get_reference (g_ptr_array_index (all, i)), reference) == 0)
      return g_ptr_array_index (all, i);
  for (guint i = 0; i < all->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             outlay_commitment_get_id (g_ptr_array_index (all, i)));

      if (outlay_commitment_get_id (g_ptr_array_index (all, i)) > 0 && g_str_equal (id, reference))
        return g_ptr_array_index (all, i);
    }
  return NULL;
}

/**
 * outlay_document_count_line_commitments:
 * @self: a document
 * @line: one of its lines
 *
 * Returns: how many commitments charge @line: when any do, part of its
 *   actual, committed and reserved amounts comes from them
 */
guint
outlay_document_count_line_commitments (OutlayDocument *self, OutlayLine *line)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), 0);
  return GPOINTER_TO_UINT (
      g_hash_table_lookup (outlay_document_get_line_commitment_counts (self), line));
}

/**
 * outlay_document_add_commitment:
 * @self: a document
 * @commitment: a new commitment (requested or ordered), not in a document
 * @section: (nullable): the section it charges as a whole, or @line's
 * @line: (nullable): the line it charges
 * @error: why it was refused: a negative or zero amount, a date outside
 *   the fiscal year, a number already used, a locked budget
 *
 * Adds @commitment as one undoable command; its line's (or section's)
 * reserved or committed amount grows by its amount.
 *
 * Returns: %TRUE when added
 */
gboolean
outlay_document_add_commitment (OutlayDocument *self,
                                OutlayCommitment *commitment,
                                OutlaySection *section,
                                OutlayLine *line,
                                GError **error)
{
  g_autoptr(Command) command = NULL;
  Op *op;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (OUTLAY_IS_COMMITMENT (commitment), FALSE);
  g_return_val_if_fail (
      !g_ptr_array_find (outlay_document_get_commitments_array (self), commitment, NULL), FALSE);

  if (!outlay_document_check_writable (self, FALSE, error)
      || !check_target (self, section, line, error) || !check_fields (self, commitment, error)
      || !check_unique (self, commitment, NULL, error))
    return FALSE;
  outlay_commitment_set_target (commitment, section, line);
  command = outlay_command_new (_("Add Commitment"), FALSE);
  if (!plan_held (command, NULL, commitment, error))
    return FALSE;
  op = outlay_command_add_op (command, OP_COMMITMENT_INSERT);
  op->commitment = g_object_ref (commitment);
  op->index = outlay_document_get_commitments_array (self)->len;
  return outlay_document_execute (self, g_steal_pointer (&command), error);
}

/**
 * outlay_document_update_commitment:
 * @self: a document
 * @commitment: one of its commitments
 * @edited: a copy of it with the new number, vendor, description, dates
 *   and amount (its status and invoices are kept from @commitment)
 * @section: (nullable): the section it charges as a whole, or @line's
 * @line: (nullable): the line it charges
 * @error: why it was refused
 *
 * Returns: %TRUE when changed
 */
gboolean
outlay_document_update_commitment (OutlayDocument *self,
                                   OutlayCommitment *commitment,
                                   OutlayCommitment *edited,
                                   OutlaySection *section,
                                   OutlayLine *line,
                                   GError **error)
{
  g_autoptr(OutlayCommitment) after = NULL;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (OUTLAY_IS_COMMITMENT (commitment), FALSE);
  g_return_val_if_fail (OUTLAY_IS_COMMITMENT (edited), FALSE);

  if (!outlay_document_check_writable (self, FALSE, error)
      || !check_target (self, section, line, error)
      || !check_unique (self, edited, commitment, error))
    return FALSE;
  after = outlay_commitment_copy (edited);
  g_object_set (after, "id", outlay_commitment_get_id (commitment), "status",
                outlay_commitment_get_status (commitment), "invoiced",
                outlay_commitment_get_invoiced (commitment), NULL);
  outlay_commitment_set_target (after, section, line);
  return execute_state (self, commitment, after, _("Edit Commitment"), error);
}

static gboolean
wrong_status (OutlayCommitment *c, const char *what, GError **error)
{
  g_autofree char *name = name_of (c);

  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
               /* Translators: "PO-7 is Closed: it cannot be invoiced" */
               _("%s is %s: it cannot be %s"), name,
                  outlay_commitment_status_title (outlay_commitment_get_status (c)), what);
  return FALSE;
}

static gboolean
change_status (OutlayDocument *self,
               OutlayCommitment *c,
               OutlayCommitmentStatus status,
               const char *label,
               GError **error)
{
  g_autoptr(OutlayCommitment) after = outlay_commitment_copy (c);

  g_object_set (after, "status", status, NULL);
  return execute_state (self, c, after, label, error);
}

/**
 * outlay_document_order_commitment:
 * @self: a document
 * @commitment: a requested (or approved) commitment
 * @error: why it was refused
 *
 * Turns a request into a purchase order: what it reserved is now committed.
 *
 * Returns: %TRUE when ordered
 */
gboolean
outlay_document_order_commitment (OutlayDocument *self,
                                  OutlayCommitment *commitment,
                                  GError **error)
{
  OutlayCommitmentStatus s;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (OUTLAY_IS_COMMITMENT (commitment), FALSE);
  s = outlay_commitment_get_status (commitment);
  if (s != OUTLAY_COMMITMENT_STATUS_REQUESTED && s != OUTLAY_COMMITMENT_STATUS_APPROVED)
    return wrong_status (commitment, _("ordered"), error);
  return change_status (self, commitment, OUTLAY_COMMITMENT_STATUS_ORDERED,
                        _("Order Commitment"), error);
}

/**
 * outlay_document_invoice_commitment:
 * @self: a document
 * @commitment: an ordered commitment
 * @amount: the invoice's amount, more than zero
 * @error: why it was refused: not ordered, or invoiced beyond its amount
 *
 * Records an invoice against a purchase order: @amount moves from
 * committed to actual.  The invoice that brings its invoices to its
 * amount makes it invoiced.
 *
 * Returns: %TRUE when recorded
 */
gboolean
outlay_document_invoice_commitment (OutlayDocument *self,
                                    OutlayCommitment *commitment,
                                    OutlayDecimal amount,
                                    GError **error)
{
  g_autoptr(OutlayCommitment) after = NULL;
  g_autofree char *name = NULL;
  OutlayCommitmentStatus s;
  OutlayDecimal total;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (OUTLAY_IS_COMMITMENT (commitment), FALSE);
  if (!outlay_document_check_writable (self, FALSE, error))
    return FALSE;
  name = name_of (commitment);
  s = outlay_commitment_get_status (commitment);
  if (s == OUTLAY_COMMITMENT_STATUS_REQUESTED)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("%s is still a request: order it before recording an invoice"), name);
      return FALSE;
    }
  if (s != OUTLAY_COMMITMENT_STATUS_APPROVED && s != OUTLAY_COMMITMENT_STATUS_ORDERED)
    return wrong_status (commitment, _("invoiced"), error);
  if (amount <= 0)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("%s: an invoice must be more than zero; nothing was recorded"), name);
      return FALSE;
    }
  if (!outlay_decimal_add (outlay_commitment_get_invoiced (commitment), amount, &total)
      || total > outlay_commitment_get_amount (commitment))
    {
      g_autofree char *a = outlay_currency_format (amount, currency_of (self));
      g_autofree char *left = outlay_currency_format (
          outlay_commitment_get_amount (commitment) - outlay_commitment_get_invoiced (commitment),
          currency_of (self));

      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("An invoice of %s is more than the %s left to invoice on %s; nothing was "
                     "recorded"),
                      a, left, name);
      return FALSE;
    }
  after = outlay_commitment_copy (commitment);
  g_object_set (after, "invoiced", total, NULL);
  if (total == outlay_commitment_get_amount (commitment))
    g_object_set (after, "status", OUTLAY_COMMITMENT_STATUS_INVOICED, NULL);
  return execute_state (self, commitment, after, _("Record Invoice"), error);
}

/**
 * outlay_document_close_commitment:
 * @self: a document
 * @commitment: an ordered or invoiced commitment
 * @error: why it was refused
 *
 * Closes a purchase order: what was not invoiced is released.
 *
 * Returns: %TRUE when closed
 */
gboolean
outlay_document_close_commitment (OutlayDocument *self,
                                  OutlayCommitment *commitment,
                                  GError **error)
{
  OutlayCommitmentStatus s;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (OUTLAY_IS_COMMITMENT (commitment), FALSE);
  s = outlay_commitment_get_status (commitment);
  if (s != OUTLAY_COMMITMENT_STATUS_APPROVED && s != OUTLAY_COMMITMENT_STATUS_ORDERED
      && s != OUTLAY_COMMITMENT_STATUS_INVOICED && s != OUTLAY_COMMITMENT_STATUS_PAID)
    return wrong_status (commitment, _("closed"), error);
  return change_status (self, commitment, OUTLAY_COMMITMENT_STATUS_CLOSED,
                        _("Close Commitment"), error);
}

/**
 * outlay_document_cancel_commitment:
 * @self: a document
 * @commitment: a request, or an order with no invoice yet
 * @error: why it was refused
 *
 * Cancels it: it holds nothing any more.
 *
 * Returns: %TRUE when cancelled
 */
gboolean
outlay_document_cancel_commitment (OutlayDocument *self,
                                   OutlayCommitment *commitment,
                                   GError **error)
{
  OutlayCommitmentStatus s;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (OUTLAY_IS_COMMITMENT (commitment), FALSE);
  s = outlay_commitment_get_status (commitment);
  if (outlay_commitment_get_invoiced (commitment) > 0)
    {
      g_autofree char *name = name_of (commitment);

      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("%s has invoices: close it instead, which releases what was not invoiced"),
                      name);
      return FALSE;
    }
  if (s != OUTLAY_COMMITMENT_STATUS_REQUESTED && s != OUTLAY_COMMITMENT_STATUS_APPROVED
      && s != OUTLAY_COMMITMENT_STATUS_ORDERED)
    return wrong_status (commitment, _("cancelled"), error);
  return change_status (self, commitment, OUTLAY_COMMITMENT_STATUS_CANCELLED,
                        _("Cancel Commitment"), error);
}

/**
 * outlay_document_delete_commitment:
 * @self: a document
 * @commitment: one of its commitments
 * @error: why it was refused
 *
 * Removes it and what it held, as one undoable command.
 *
 * Returns: %TRUE when deleted
 */
gboolean
outlay_document_delete_commitment (OutlayDocument *self,
                                   OutlayCommitment *commitment,
                                   GError **error)
{
  g_autoptr(Command) command = NULL;
  Op *op;
  guint index;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (OUTLAY_IS_COMMITMENT (commitment), FALSE);
  if (!find_commitment (self, commitment, &index, error))
    return FALSE;
  command = outlay_command_new (_("Delete Commitment"), FALSE);
  op = outlay_command_add_op (command, OP_COMMITMENT_REMOVE);
  op->commitment = g_object_ref (commitment);
  op->index = index;
  if (!plan_held (command, commitment, NULL, error))
    return FALSE;
  return outlay_document_execute (self, g_steal_pointer (&command), error);
}

/* Lines and sections that commitments charge cannot go: the commitments
 * would lose what they hold.  @section %NULL: any section at all. */
gboolean
outlay_document_check_uncommitted (OutlayDocument *self,
                                   OutlaySection *section,
                                   OutlayLine *line,
                                   GError **error)
{
  GPtrArray *all = outlay_document_get_commitments_array (self);

  for (guint i = 0; i < all->len; i++)
    {
      OutlayCommitment *c = g_ptr_array_index (all, i);
      OutlaySection *s = outlay_commitment_get_section (c);
      g_autofree char *name = NULL;

      if (s == NULL || (line != NULL && outlay_commitment_get_line (c) != line)
          || (line == NULL && section != NULL && s != section))
        continue;
      name = name_of (c);
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("%s charges “%s”: delete that commitment or charge it elsewhere first"), name,
                      line != NULL ? outlay_line_get_description (line)
                                   : outlay_section_get_name (s));
      return FALSE;
    }
  return TRUE;
}
