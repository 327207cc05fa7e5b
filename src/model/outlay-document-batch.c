/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-document"

/* A batch of line edits as one command: what a sync brings in lands as one
 * undoable step and one transaction, or not at all. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-document-batch.h"
#include "outlay-document-private.h"
#include "outlay-error.h"

typedef struct
{
  OutlayLine *line;
  OutlayLineState after;
} Pending;

typedef struct
{
  OutlaySection *section;
  OutlayLine *line;
} Append;

struct _OutlayLineBatch
{
  OutlayDocument *document;
  GHashTable *states; /* OutlayLine* → Pending* */
  GPtrArray *order;   /* Pending*, in first-touched order */
  GArray *appends;    /* Append */
  GPtrArray *deletes; /* OutlayLine* */
};

static void
pending_free (Pending *p)
{
  g_object_unref (p->line);
  outlay_line_state_clear (&p->after);
  g_free (p);
}

OutlayLineBatch *
outlay_line_batch_new (OutlayDocument *document)
{
  OutlayLineBatch *batch = g_new0 (OutlayLineBatch, 1);

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (document), NULL);
  batch->document = g_object_ref (document);
  batch->states = g_hash_table_new (NULL, NULL);
  batch->order = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  batch->appends = g_array_new (FALSE, TRUE, sizeof (Append));
  batch->deletes = g_ptr_array_new_with_free_func (g_object_unref);
  return batch;
}

void
outlay_line_batch_free (OutlayLineBatch *batch)
{
  if (batch == NULL)
    return;
  for (guint i = 0; i < batch->appends->len; i++)
    g_object_unref (g_array_index (batch->appends, Append, i).line);
  g_array_unref (batch->appends);
  g_hash_table_unref (batch->states);
  g_ptr_array_unref (batch->order);
  g_ptr_array_unref (batch->deletes);
  g_object_unref (batch->document);
  g_free (batch);
}

static OutlayLineState *
pending_state (OutlayLineBatch *batch, OutlayLine *line)
{
  Pending *p = g_hash_table_lookup (batch->states, line);

  if (p == NULL)
    {
      p = g_new0 (Pending, 1);
      p->line = g_object_ref (line);
      outlay_line_save_state (line, &p->after);
      g_hash_table_insert (batch->states, line, p);
      g_ptr_array_add (batch->order, p);
    }
  return &p->after;
}

gboolean
outlay_line_batch_set_text (OutlayLineBatch *batch,
                            OutlayLine *line,
                            OutlayLineField field,
                            const char *text,
                            GError **error)
{
  OutlayLineState *state;
  int slot;

  g_return_val_if_fail (batch != NULL && OUTLAY_IS_LINE (line), FALSE);
  g_return_val_if_fail (!outlay_line_field_is_decimal (field), FALSE);
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("%s: the text is not valid UTF-8"), outlay_line_field_title (field));
      return FALSE;
    }
  state = pending_state (batch, line);
  slot = outlay_line_text_slot (field);
  g_free (state->texts[slot]);
  state->texts[slot] = (text != NULL && *text != '\0') ? g_strdup (text) : NULL;
  return TRUE;
}

void
outlay_line_batch_set_decimal (OutlayLineBatch *batch,
                               OutlayLine *line,
                               OutlayLineField field,
                               OutlayDecimal value)
{
  OutlayLineState *state;

  g_return_if_fail (batch != NULL && OUTLAY_IS_LINE (line));
  g_return_if_fail (outlay_line_field_is_decimal (field));
  state = pending_state (batch, line);
  state->decimals[outlay_line_decimal_slot (field)] = value;
  if (field == OUTLAY_LINE_ESTIMATE)
    state->overridden = TRUE;
}

void
outlay_line_batch_reset_estimate (OutlayLineBatch *batch, OutlayLine *line)
{
  g_return_if_fail (batch != NULL && OUTLAY_IS_LINE (line));
  pending_state (batch, line)->overridden = FALSE;
}

OutlayDecimal
outlay_line_batch_get_decimal (OutlayLineBatch *batch, OutlayLine *line, OutlayLineField field)
{
  Pending *p = g_hash_table_lookup (batch->states, line);

  if (p == NULL)
    return outlay_line_get_decimal (line, field);
  return p->after.decimals[outlay_line_decimal_slot (field)];
}

void
outlay_line_batch_append (OutlayLineBatch *batch, OutlaySection *section, OutlayLine *line)
{
  Append a = { section, g_object_ref (line) };

  g_return_if_fail (batch != NULL && outlay_line_get_section (line) == NULL);
  g_array_append_val (batch->appends, a);
}

gboolean
outlay_line_batch_delete (OutlayLineBatch *batch, OutlayLine *line, GError **error)
{
  g_return_val_if_fail (batch != NULL && OUTLAY_IS_LINE (line), FALSE);
  if (outlay_document_line_has_tasks (batch->document, line)
      || outlay_document_count_line_commitments (batch->document, line) > 0)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("The line “%s” has tasks or commitments: move them to another line before removing it"),
                      *outlay_line_get_description (line) ? outlay_line_get_description (line)
                                                          : outlay_line_get_code (line));
      return FALSE;
    }
  g_ptr_array_add (batch->deletes, g_object_ref (line));
  return TRUE;
}

guint
outlay_line_batch_get_n_changes (OutlayLineBatch *batch)
{
  return batch->order->len + batch->appends->len + batch->deletes->len;
}

static int
compare_removes (gconstpointer a, gconstpointer b)
{
  const Op *x = *(const Op **) a, *y = *(const Op **) b;

  /* bottom up: section index in index2, then position, both descending */
  if (x->index2 != y->index2)
    return x->index2 > y->index2 ? -1 : 1;
  return x->index > y->index ? -1 : (x->index < y->index);
}

static gboolean
add_state_ops (OutlayLineBatch *batch, Command *command, GError **error)
{
  for (guint i = 0; i < batch->order->len; i++)
    {
      Pending *p = g_ptr_array_index (batch->order, i);
      OutlayLineState before = { 0 };
      Op *op;

      if (g_ptr_array_find (batch->deletes, p->line, NULL))
        continue;
      if (!outlay_document_line_state_recompute (&p->after, error))
        return FALSE;
      outlay_line_save_state (p->line, &before);
      if (outlay_line_state_equal (&before, &p->after))
        {
          outlay_line_state_clear (&before);
          continue;
        }
      op = outlay_command_add_op (command, OP_LINE_STATE);
      op->line = g_object_ref (p->line);
      op->before = before;
      op->after = p->after;
      /* the command owns the texts now */
      memset (&p->after, 0, sizeof p->after);
    }
  return TRUE;
}

static void
add_remove_ops (OutlayLineBatch *batch, Command *command)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < batch->deletes->len; i++)
    {
      OutlayLine *line = g_ptr_array_index (batch->deletes, i);
      Op *op = g_new0 (Op, 1);

      op->line = line;
      op->section = outlay_line_get_section (line);
      outlay_document_find_section (batch->document, op->section, &op->index2);
      outlay_section_find_line (op->section, line, &op->index);
      g_ptr_array_add (found, op);
    }
  g_ptr_array_sort (found, compare_removes);
  for (guint i = 0; i < found->len; i++)
    {
      Op *src = g_ptr_array_index (found, i);
      Op *op;

      if (i > 0 && ((Op *) g_ptr_array_index (found, i - 1))->line == src->line)
        continue;
      op = outlay_command_add_op (command, OP_LINE_REMOVE);
      op->line = g_object_ref (src->line);
      op->section = g_object_ref (src->section);
      op->index = src->index;
    }
}

static void
add_append_ops (OutlayLineBatch *batch, Command *command)
{
  g_autoptr (GHashTable) added = g_hash_table_new (NULL, NULL); /* section → count */

  for (guint i = 0; i < batch->appends->len; i++)
    {
      Append *a = &g_array_index (batch->appends, Append, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (added, a->section));
      guint removed = 0;
      Op *op;

      for (guint j = 0; j < batch->deletes->len; j++)
        removed += outlay_line_get_section (g_ptr_array_index (batch->deletes, j)) == a->section;
      op = outlay_command_add_op (command, OP_LINE_INSERT);
      op->line = g_object_ref (a->line);
      op->section = g_object_ref (a->section);
      op->index = outlay_section_get_n_lines (a->section) - removed + n;
      g_hash_table_insert (added, a->section, GUINT_TO_POINTER (n + 1));
    }
}

gboolean
outlay_line_batch_commit (OutlayLineBatch *batch, const char *label, GError **error)
{
  g_autoptr (Command) command = NULL;

  g_return_val_if_fail (batch != NULL, FALSE);
  command = outlay_command_new (label, FALSE);
  if (!add_state_ops (batch, command, error))
    return FALSE;
  add_remove_ops (batch, command);
  add_append_ops (batch, command);
  if (outlay_command_get_n_ops (command) == 0)
    return TRUE;
  return outlay_document_execute (batch->document, g_steal_pointer (&command), error);
}
