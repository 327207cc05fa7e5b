/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-document"

/* Restoring a saved version as the current state: one command that swaps
 * every section (with its lines) for copies of the version's. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-document-private.h"
#include "outlay-document-tasks.h"
#include "outlay-error.h"

/* A fresh line with @from's values.  Within one budget it keeps @from's
 * id (a version remembers the id of the line it copied), so the restored
 * line is the same line to the audit trail and to a comparison. */
static OutlayLine *
copy_line (OutlayDocument *self, OutlayLine *from, gboolean keep_id)
{
  OutlayLine *line = outlay_line_new ();
  OutlayLineState state = { 0 };
  OutlayLine *live;

  outlay_line_save_state (from, &state);
  outlay_line_restore_state (line, &state);
  outlay_line_state_clear (&state);
  if (keep_id)
    {
      outlay_line_set_id (line, outlay_line_get_id (from));
      /* tasks and their time are not versioned: the line keeps what its
       * tasks cost now, not what they had cost when the version was saved */
      live = outlay_document_get_line_by_id (self, outlay_line_get_id (from));
      if (live != NULL)
        outlay_line_set_task_actual (line, outlay_line_get_task_actual (live));
    }
  return line;
}

static gboolean
overflow_error (GError **error)
{
  g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW,
                       _("The version's totals exceed the largest amount Outlay can hold "
                         "(±922 trillion)"));
  return FALSE;
}

/* A fresh section with copies of @from's lines and their sums, fringe
 * applied as everywhere else (outlay_fringe_amount()). */
static OutlaySection *
copy_section (OutlayDocument *self, OutlaySection *from, gboolean keep_ids, GError **error)
{
  g_autoptr(OutlaySection) section = outlay_section_new (outlay_section_get_code (from),
                                                         outlay_section_get_name (from));
  GPtrArray *lines = outlay_section_get_lines_array (section);
  OutlayTotals sum = { 0 };

  g_object_set (section, "fringe", outlay_section_get_fringe (from), NULL);
  for (guint i = 0; i < outlay_section_get_n_lines (from); i++)
    {
      OutlayLine *line = copy_line (self, outlay_section_get_line (from, i), keep_ids);

      g_ptr_array_add (lines, line);
      outlay_line_set_section (line, section);
      if (!outlay_decimal_add (sum.estimate, outlay_line_get_estimate (line), &sum.estimate)
          || !outlay_decimal_add (sum.actual, outlay_line_get_total_actual (line), &sum.actual)
          || !outlay_decimal_add (sum.committed, outlay_line_get_committed (line), &sum.committed))
        {
          overflow_error (error);
          return NULL;
        }
    }
  if (!outlay_fringe_amount (sum.estimate, outlay_section_get_fringe (section), &sum.fringe)
      || !outlay_decimal_add (sum.estimate, sum.fringe, &sum.estimate))
    {
      overflow_error (error);
      return NULL;
    }
  outlay_section_set_totals (section, &sum);
  return g_steal_pointer (&section);
}

/**
 * outlay_document_restore:
 * @self: a document (the budget's current state)
 * @version: a saved version of it (outlay_store_load_version()), or any
 *   other document whose sections and lines should replace @self's
 * @error: why it failed (%OUTLAY_ERROR_LOCKED on a locked budget)
 *
 * Replaces every section and line of @self with copies of @version's, as
 * one undoable command ("Restore Version “Bid”") written through the sink
 * in one transaction.  The budget's own properties are left as they are.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
outlay_document_restore (OutlayDocument  *self,
                         OutlayDocument  *version,
                         GError         **error)
{
  g_autoptr(Command) command = NULL;
  g_autofree char *label = NULL;
  const char *name;
  gint64 budget_id;
  gboolean keep_ids;
  guint n;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (version), FALSE);
  g_return_val_if_fail (self != version, FALSE);

  /* the restored lines are copies: commitments would lose their lines */
  if (!outlay_document_check_uncommitted (self, NULL, NULL, error)
      || !outlay_document_check_tasks_kept (self, NULL, version, error))
    return FALSE;
  name = outlay_document_get_frozen_name (version);
  if (name == NULL)
    name = outlay_budget_get_name (outlay_document_get_budget (version));
  /* Translators: an undo label, "Restore Version “Bid”" */
  label = g_strdup_printf (_("Restore Version “%s”"), name);
  command = outlay_command_new (label, FALSE);
  /* line ids only mean something within one budget */
  budget_id = outlay_budget_get_id (outlay_document_get_budget (self));
  keep_ids = budget_id != 0
             && budget_id == outlay_budget_get_id (outlay_document_get_budget (version));

  /* from the end, so every index stays valid; undo puts them back in order */
  n = outlay_document_get_n_sections (self);
  for (guint i = n; i-- > 0;)
    {
      Op *op = outlay_command_add_op (command, OP_SECTION_REMOVE);

      op->section = g_object_ref (outlay_document_get_section (self, i));
      op->index = i;
    }
  for (guint i = 0; i < outlay_document_get_n_sections (version); i++)
    {
      OutlaySection *copy = copy_section (self, outlay_document_get_section (version, i), keep_ids,
                                          error);
      Op *op;

      if (copy == NULL)
        return FALSE;
      op = outlay_command_add_op (command, OP_SECTION_INSERT);
      op->section = copy;
      op->index = i;
    }
  return outlay_document_execute (self, g_steal_pointer (&command), error);
}
