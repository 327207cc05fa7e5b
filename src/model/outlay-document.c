/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-document-private.h"
#include "outlay-document-totals.h"
#include "outlay-error.h"

/* Enough for a day of work; a big paste holds a copy of every row. */
#define MAX_UNDO 1000

struct _Command
{
  char     *label;
  GArray   *ops;
  gboolean  status_only; /* allowed on a locked budget */
  guint64 serial;        /* which command it is, from 1 */
};

struct _OutlayDocument
{
  GObject             parent_instance;
  OutlayBudget       *budget;
  GPtrArray          *sections;
  OutlayTotals        totals;
  guint               n_lines;
  OutlayDocumentSink *sink;
  GQueue              undo;
  GQueue              redo;
  guint64 last_serial;
  char               *frozen_name;   /* a saved version: refuses every edit */
  char               *frozen_reason;
  gint64 frozen_saved; /* when that version was saved, Unix time */
  GPtrArray *commitments;       /* OutlayCommitment, in the order added */
  GHashTable *line_commitments; /* OutlayLine → how many charge it */
  OutlayTotals held;            /* commitments on the budget as a whole */
  OutlayDocumentTasks *tasks;
  OutlayDocumentPhasing *phasing;
};

enum
{
  PROP_0,
  PROP_BUDGET,
  PROP_ESTIMATE,
  PROP_ACTUAL,
  PROP_COMMITTED,
  PROP_VARIANCE,
  PROP_FRINGE,
  PROP_N_LINES,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_READ_ONLY,
  PROP_RESERVED,
  PROP_AVAILABLE,
  N_PROPS
};

enum
{
  SECTIONS_CHANGED,
  LINES_CHANGED,
  CHANGED,
  COMMITMENTS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OutlayDocument, outlay_document, G_TYPE_OBJECT)
G_DEFINE_INTERFACE (OutlayDocumentSink, outlay_document_sink, G_TYPE_OBJECT)

static void
outlay_document_sink_default_init (OutlayDocumentSinkInterface *iface)
{
}

#define SINK(self) OUTLAY_DOCUMENT_SINK_GET_IFACE ((self)->sink)

void
outlay_section_state_clear (OutlaySectionState *state)
{
  g_clear_pointer (&state->code, g_free);
  g_clear_pointer (&state->name, g_free);
}

/* ---- commands ---- */

static void
op_clear (gpointer data)
{
  Op *op = data;

  g_clear_object (&op->line);
  g_clear_object (&op->section);
  g_clear_object (&op->section2);
  g_clear_object (&op->budget);
  g_clear_object (&op->budget2);
  g_clear_object (&op->commitment);
  g_clear_object (&op->cbefore);
  g_clear_object (&op->cafter);
  g_clear_object (&op->task);
  g_clear_object (&op->task_before);
  g_clear_object (&op->task_after);
  g_clear_object (&op->entry);
  g_clear_object (&op->entry2);
  g_clear_pointer (&op->pbefore, outlay_line_phasing_free);
  g_clear_pointer (&op->pafter, outlay_line_phasing_free);
  outlay_period_settings_clear (&op->set_before);
  outlay_period_settings_clear (&op->set_after);
  outlay_line_state_clear (&op->before);
  outlay_line_state_clear (&op->after);
  outlay_section_state_clear (&op->sbefore);
  outlay_section_state_clear (&op->safter);
}

Command *
outlay_command_new (const char *label,
                    gboolean    status_only)
{
  Command *command = g_new0 (Command, 1);

  command->label = g_strdup (label);
  command->ops = g_array_new (FALSE, TRUE, sizeof (Op));
  g_array_set_clear_func (command->ops, op_clear);
  command->status_only = status_only;
  return command;
}

Op *
outlay_command_add_op (Command *command,
                       OpKind   kind)
{
  Op op = { .kind = kind };

  g_array_append_val (command->ops, op);
  return &g_array_index (command->ops, Op, command->ops->len - 1);
}

guint
outlay_command_get_n_ops (Command *command)
{
  return command->ops->len;
}

void
outlay_command_free (Command *command)
{
  g_free (command->label);
  g_array_unref (command->ops);
  g_free (command);
}

/* ---- totals (the arithmetic, fringes included, is in outlay-document-totals.c) ---- */

static gboolean
overflow_error (GError **error)
{
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW,
               _("The totals would exceed the largest amount Outlay can hold (±922 trillion)"));
  return FALSE;
}

static void
set_totals (OutlayDocument *self, const OutlayTotals *t)
{
  OutlayTotals old = self->totals;

  self->totals = *t;
  if (old.estimate != t->estimate)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ESTIMATE]);
  if (old.actual != t->actual)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTUAL]);
  if (old.committed != t->committed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMMITTED]);
  if (old.estimate != t->estimate || old.actual != t->actual)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VARIANCE]);
  if (old.fringe != t->fringe)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRINGE]);
  if (old.reserved != t->reserved)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESERVED]);
  if (old.estimate != t->estimate || old.actual != t->actual || old.committed != t->committed
      || old.reserved != t->reserved)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}

/* Moves the sums of @section's lines (then its fringe follows) and the
 * document's by ±@delta; with no @section, moves the document's sums by
 * ±@delta, a whole section's totals.  Changes nothing and fails on
 * overflow. */
static gboolean
shift_totals (OutlayDocument     *self,
              OutlaySection      *section,
              const OutlayTotals *delta,
              int                 sign,
              GError            **error)
{
  OutlayTotals s, d;

  if (outlay_totals_is_zero (delta))
    return TRUE;
  if (section == NULL)
    {
      if (!outlay_totals_add (&self->totals, delta, sign, &d))
        return overflow_error (error);
      set_totals (self, &d);
      return TRUE;
    }
  if (!outlay_totals_section_shifted (section, delta, sign, outlay_section_get_fringe (section), &s)
      || !outlay_totals_replace (&self->totals, outlay_section_get_totals (section), &s, &d))
    return overflow_error (error);
  outlay_section_set_totals (section, &s);
  set_totals (self, &d);
  return TRUE;
}

gboolean
outlay_document_shift_task_actual (OutlayDocument *self,
                                   OutlayLine *line,
                                   OutlayDecimal delta,
                                   int sign,
                                   GError **error)
{
  OutlayTotals t = { .actual = delta };
  OutlayDecimal v;

  if (!(sign > 0 ? outlay_decimal_add : outlay_decimal_sub) (outlay_line_get_task_actual (line),
                                                             delta, &v))
    return overflow_error (error);
  if (!shift_totals (self, outlay_line_get_section (line), &t, sign, error))
    return FALSE;
  outlay_line_set_task_actual (line, v);
  return TRUE;
}

OutlayDocumentTasks *
outlay_document_get_tasks_data (OutlayDocument *self)
{
  return self->tasks;
}

OutlayDocumentPhasing *
outlay_document_get_phasing_data (OutlayDocument *self)
{
  return self->phasing;
}

OutlayDocumentSink *
outlay_document_get_sink (OutlayDocument *self)
{
  return self->sink;
}

static void
add_lines (OutlayDocument *self, int delta)
{
  self->n_lines += delta;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_LINES]);
}

/* ---- primitive changes: each changes the model and the sink, or neither ---- */

static gboolean
prim_insert_line (OutlayDocument *self,
                  OutlaySection  *section,
                  guint           index,
                  OutlayLine     *line,
                  GError        **error)
{
  GPtrArray *lines = outlay_section_get_lines_array (section);
  OutlayTotals t;

  g_assert (index <= lines->len);
  outlay_totals_from_line (line, &t);
  if (!shift_totals (self, section, &t, +1, error))
    return FALSE;
  g_ptr_array_insert (lines, index, g_object_ref (line));
  outlay_line_set_section (line, section);
  if (self->sink != NULL
      && !SINK (self)->line_inserted (self->sink, self, section, index, line, error))
    {
      outlay_line_set_section (line, NULL);
      g_ptr_array_remove_index (lines, index);
      shift_totals (self, section, &t, -1, NULL);
      return FALSE;
    }
  add_lines (self, +1);
  outlay_section_notify_n_lines (section);
  g_signal_emit (self, signals[LINES_CHANGED], 0, section, index, 0, 1);
  return TRUE;
}

static gboolean
prim_remove_line (OutlayDocument *self,
                  OutlaySection  *section,
                  guint           index,
                  GError        **error)
{
  GPtrArray *lines = outlay_section_get_lines_array (section);
  g_autoptr(OutlayLine) line = NULL;
  OutlayTotals t;

  g_assert (index < lines->len);
  line = g_object_ref (g_ptr_array_index (lines, index));
  outlay_totals_from_line (line, &t);
  if (!shift_totals (self, section, &t, -1, error))
    return FALSE;
  g_ptr_array_remove_index (lines, index);
  if (self->sink != NULL
      && !SINK (self)->line_removed (self->sink, self, section, index, line, error))
    {
      g_ptr_array_insert (lines, index, g_object_ref (line));
      shift_totals (self, section, &t, +1, NULL);
      return FALSE;
    }
  outlay_line_set_section (line, NULL);
  add_lines (self, -1);
  outlay_section_notify_n_lines (section);
  g_signal_emit (self, signals[LINES_CHANGED], 0, section, index, 1, 0);
  return TRUE;
}

gboolean
outlay_document_prim_line_state (OutlayDocument *self,
                                 OutlayLine *line,
                                 const OutlayLineState *state,
                                 GError **error)
{
  OutlayLineState before = { 0 };
  OutlayTotals old_t, new_t, delta;
  OutlaySection *section = outlay_line_get_section (line);

  outlay_totals_from_line (line, &old_t);
  outlay_totals_from_line_state (state, &new_t);
  /* the state holds the typed actual; the line's tasks stay with it */
  if (!outlay_decimal_add (new_t.actual, outlay_line_get_task_actual (line), &new_t.actual))
    return overflow_error (error);
  if (!outlay_totals_add (&new_t, &old_t, -1, &delta))
    return overflow_error (error);
  if (!shift_totals (self, section, &delta, +1, error))
    return FALSE;
  outlay_line_save_state (line, &before);
  outlay_line_restore_state (line, state);
  if (self->sink != NULL && !SINK (self)->line_changed (self->sink, self, line, &before, error))
    {
      outlay_line_restore_state (line, &before);
      shift_totals (self, section, &delta, -1, NULL);
      outlay_line_state_clear (&before);
      return FALSE;
    }
  outlay_line_state_clear (&before);
  return TRUE;
}

static void
move_in_arrays (OutlayLine *line, OutlaySection *from, guint from_index,
                OutlaySection *to, guint to_index)
{
  GPtrArray *src = outlay_section_get_lines_array (from);
  GPtrArray *dst = outlay_section_get_lines_array (to);

  g_ptr_array_steal_index (src, from_index);
  g_ptr_array_insert (dst, to_index, line);
  outlay_line_set_section (line, to);
}

static gboolean
prim_move_line (OutlayDocument *self,
                OutlaySection  *from,
                guint           from_index,
                OutlaySection  *to,
                guint           to_index,
                GError        **error)
{
  OutlayLine *line = g_ptr_array_index (outlay_section_get_lines_array (from), from_index);
  OutlayTotals t, s_from, s_to, d;

  outlay_totals_from_line (line, &t);
  /* the line's estimate leaves one fringe and joins another */
  if (from != to
      && (!outlay_totals_section_shifted (from, &t, -1, outlay_section_get_fringe (from), &s_from)
          || !outlay_totals_section_shifted (to, &t, +1, outlay_section_get_fringe (to), &s_to)
          || !outlay_totals_replace (&self->totals, outlay_section_get_totals (from), &s_from, &d)
          || !outlay_totals_replace (&d, outlay_section_get_totals (to), &s_to, &d)))
    return overflow_error (error);
  move_in_arrays (line, from, from_index, to, to_index);
  if (self->sink != NULL
      && !SINK (self)->line_moved (self->sink, self, line, from, from_index, to, to_index, error))
    {
      move_in_arrays (line, to, to_index, from, from_index);
      return FALSE;
    }
  if (from != to)
    {
      outlay_section_set_totals (from, &s_from);
      outlay_section_set_totals (to, &s_to);
      set_totals (self, &d);
      outlay_section_notify_n_lines (from);
      outlay_section_notify_n_lines (to);
    }
  g_signal_emit (self, signals[LINES_CHANGED], 0, from, from_index, 1, 0);
  g_signal_emit (self, signals[LINES_CHANGED], 0, to, to_index, 0, 1);
  return TRUE;
}

static gboolean
prim_insert_section (OutlayDocument *self,
                     guint           index,
                     OutlaySection  *section,
                     GError        **error)
{
  GPtrArray *lines = outlay_section_get_lines_array (section);

  if (!shift_totals (self, NULL, outlay_section_get_totals (section), +1, error))
    return FALSE;
  g_ptr_array_insert (self->sections, index, g_object_ref (section));
  for (guint i = 0; i < lines->len; i++)
    outlay_line_set_section (g_ptr_array_index (lines, i), section);
  if (self->sink != NULL
      && !SINK (self)->section_inserted (self->sink, self, index, section, error))
    {
      g_ptr_array_remove_index (self->sections, index);
      shift_totals (self, NULL, outlay_section_get_totals (section), -1, NULL);
      return FALSE;
    }
  if (lines->len > 0)
    add_lines (self, (int) lines->len);
  g_signal_emit (self, signals[SECTIONS_CHANGED], 0, index, 0, 1);
  return TRUE;
}

static gboolean
prim_remove_section (OutlayDocument *self,
                     guint           index,
                     GError        **error)
{
  g_autoptr(OutlaySection) section = g_object_ref (g_ptr_array_index (self->sections, index));
  guint n = outlay_section_get_n_lines (section);

  if (!shift_totals (self, NULL, outlay_section_get_totals (section), -1, error))
    return FALSE;
  g_ptr_array_remove_index (self->sections, index);
  if (self->sink != NULL
      && !SINK (self)->section_removed (self->sink, self, index, section, error))
    {
      g_ptr_array_insert (self->sections, index, g_object_ref (section));
      shift_totals (self, NULL, outlay_section_get_totals (section), +1, NULL);
      return FALSE;
    }
  if (n > 0)
    add_lines (self, -(int) n);
  g_signal_emit (self, signals[SECTIONS_CHANGED], 0, index, 1, 0);
  return TRUE;
}

static void
section_apply (OutlaySection *section, const OutlaySectionState *state)
{
  g_object_set (section, "code", state->code, "name", state->name, "fringe", state->fringe, NULL);
}

/* A new fringe percentage moves the section's fringe, and with it the
 * section's and the document's estimates. */
static gboolean
prim_set_section_state (OutlayDocument           *self,
                        OutlaySection            *section,
                        const OutlaySectionState *state,
                        GError                  **error)
{
  OutlaySectionState before = {
    g_strdup (outlay_section_get_code (section)),
    g_strdup (outlay_section_get_name (section)),
    outlay_section_get_fringe (section),
  };
  OutlayTotals old_s = *outlay_section_get_totals (section);
  OutlayTotals old_d = self->totals;
  OutlayTotals lines, s, d;
  gboolean ok = TRUE;

  outlay_totals_section_lines (section, &lines);
  if (!outlay_totals_with_fringe (&lines, state->fringe, &s) || !outlay_totals_replace (&old_d, &old_s, &s, &d))
    {
      outlay_section_state_clear (&before);
      return overflow_error (error);
    }
  section_apply (section, state);
  outlay_section_set_totals (section, &s);
  set_totals (self, &d);
  if (self->sink != NULL
      && !SINK (self)->section_changed (self->sink, self, section, &before, error))
    {
      section_apply (section, &before);
      outlay_section_set_totals (section, &old_s);
      set_totals (self, &old_d);
      ok = FALSE;
    }
  outlay_section_state_clear (&before);
  return ok;
}

static gboolean
prim_move_section (OutlayDocument *self,
                   guint           from,
                   guint           to,
                   GError        **error)
{
  OutlaySection *section = g_ptr_array_steal_index (self->sections, from);

  g_ptr_array_insert (self->sections, to, section);
  if (self->sink != NULL
      && !SINK (self)->section_moved (self->sink, self, section, from, to, error))
    {
      g_ptr_array_steal_index (self->sections, to);
      g_ptr_array_insert (self->sections, from, section);
      return FALSE;
    }
  g_signal_emit (self, signals[SECTIONS_CHANGED], 0, from, 1, 0);
  g_signal_emit (self, signals[SECTIONS_CHANGED], 0, to, 0, 1);
  return TRUE;
}

/* Copies every user-editable property (not id or timestamps). */
static void
budget_apply (OutlayBudget *budget, OutlayBudget *state)
{
  guint n = 0;
  g_autofree GParamSpec **specs =
    g_object_class_list_properties (G_OBJECT_GET_CLASS (budget), &n);

  g_object_freeze_notify (G_OBJECT (budget));
  for (guint i = 0; i < n; i++)
    {
      const char *name = specs[i]->name;
      g_auto(GValue) v = G_VALUE_INIT;

      if (g_str_equal (name, "id") || g_str_equal (name, "created") || g_str_equal (name, "modified"))
        continue;
      g_value_init (&v, specs[i]->value_type);
      g_object_get_property (G_OBJECT (state), name, &v);
      g_object_set_property (G_OBJECT (budget), name, &v);
    }
  g_object_thaw_notify (G_OBJECT (budget));
}

static gboolean
prim_set_budget (OutlayDocument *self,
                 OutlayBudget   *state,
                 GError        **error)
{
  g_autoptr(OutlayBudget) before = outlay_budget_copy (self->budget);

  budget_apply (self->budget, state);
  if (self->sink != NULL && !SINK (self)->budget_changed (self->sink, self, before, error))
    {
      budget_apply (self->budget, before);
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_op (OutlayDocument *self, Op *op, gboolean forward, GError **error)
{
  switch (op->kind)
    {
    case OP_LINE_INSERT:
    case OP_LINE_REMOVE:
      if (forward == (op->kind == OP_LINE_INSERT))
        return prim_insert_line (self, op->section, op->index, op->line, error);
      return prim_remove_line (self, op->section, op->index, error);
    case OP_LINE_STATE:
      return outlay_document_prim_line_state (self, op->line, forward ? &op->after : &op->before,
                                              error);
    case OP_LINE_MOVE:
      if (forward)
        return prim_move_line (self, op->section, op->index, op->section2, op->index2, error);
      return prim_move_line (self, op->section2, op->index2, op->section, op->index, error);
    case OP_SECTION_INSERT:
    case OP_SECTION_REMOVE:
      if (forward == (op->kind == OP_SECTION_INSERT))
        return prim_insert_section (self, op->index, op->section, error);
      return prim_remove_section (self, op->index, error);
    case OP_SECTION_STATE:
      return prim_set_section_state (self, op->section, forward ? &op->safter : &op->sbefore, error);
    case OP_SECTION_MOVE:
      if (forward)
        return prim_move_section (self, op->index, op->index2, error);
      return prim_move_section (self, op->index2, op->index, error);
    case OP_BUDGET_STATE:
      return prim_set_budget (self, forward ? op->budget2 : op->budget, error);
    case OP_HELD_SHIFT:
      return outlay_document_prim_held (self, op->section, &op->held, forward ? +1 : -1, error);
    case OP_COMMITMENT_INSERT:
    case OP_COMMITMENT_REMOVE:
    case OP_COMMITMENT_STATE:
      return outlay_document_apply_commitment_op (self, op, forward, error);
    case OP_TASK_INSERT:
    case OP_TASK_REMOVE:
    case OP_TASK_STATE:
    case OP_TASK_MOVE:
    case OP_TIME_ADD:
    case OP_TIME_REMOVE:
    case OP_TIME_RECOST:
      return outlay_document_apply_task_op (self, op, forward, error);
    case OP_LINE_PHASING:
    case OP_PERIOD_SETTINGS:
      return outlay_document_apply_phasing_op (self, op, forward, error);
    default:
      g_assert_not_reached ();
    }
}

static Op *
nth_op (Command *command, guint k, gboolean forward)
{
  guint n = command->ops->len;

  return &g_array_index (command->ops, Op, forward ? k : n - 1 - k);
}

/* Whether a command may run: not on a saved version, nor on a locked
 * budget unless it only changes the status. */
gboolean
outlay_document_check_writable (OutlayDocument *self, gboolean status_only, GError **error)
{
  if (self->frozen_reason != NULL)
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_LOCKED, self->frozen_reason);
      return FALSE;
    }
  if (outlay_document_get_read_only (self) && !status_only)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_LOCKED,
                   _("“%s” is locked, so it cannot be changed. Unlock it in Budget "
                     "Properties, or with “outlay-cli status BUDGET approved”."),
                   outlay_budget_get_name (self->budget));
      return FALSE;
    }
  return TRUE;
}

/* Runs the ops of @command in one sink transaction: all of them or none. */
static gboolean
run_command (OutlayDocument *self, Command *command, gboolean forward, GError **error)
{
  guint n = command->ops->len;
  guint k;
  OutlayDocumentSink *sink;

  if (!outlay_document_check_writable (self, command->status_only, error))
    return FALSE;
  if (self->sink != NULL && !SINK (self)->begin (self->sink, self, command->label, error))
    return FALSE;
  for (k = 0; k < n; k++)
    if (!apply_op (self, nth_op (command, k, forward), forward, error))
      break;
  if (k == n && (self->sink == NULL || SINK (self)->commit (self->sink, self, error)))
    return TRUE;

  /* Put the model back without the sink: its rollback discards what it
   * wrote, and writing the reverse changes could fail again or, when the
   * database already ended the transaction (full disk, I/O error), be
   * committed on their own. */
  sink = g_steal_pointer (&self->sink);
  while (k-- > 0)
    if (!apply_op (self, nth_op (command, k, forward), !forward, NULL))
      g_critical ("Could not revert a failed change to “%s”", outlay_budget_get_name (self->budget));
  self->sink = sink;
  if (self->sink != NULL)
    SINK (self)->rollback (self->sink, self);
  return FALSE;
}

static void
stacks_changed (OutlayDocument *self, gboolean could_undo, gboolean could_redo)
{
  if (could_undo != outlay_document_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != outlay_document_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
clear_queue (GQueue *queue)
{
  g_queue_clear_full (queue, (GDestroyNotify) outlay_command_free);
}

gboolean
outlay_document_execute (OutlayDocument *self,
                         Command        *command,
                         GError        **error)
{
  gboolean could_undo = outlay_document_can_undo (self);
  gboolean could_redo = outlay_document_can_redo (self);

  if (command->ops->len == 0)
    {
      outlay_command_free (command);
      return TRUE;
    }
  if (!run_command (self, command, TRUE, error))
    {
      outlay_command_free (command);
      return FALSE;
    }
  command->serial = ++self->last_serial;
  g_queue_push_head (&self->undo, command);
  if (self->undo.length > MAX_UNDO)
    outlay_command_free (g_queue_pop_tail (&self->undo));
  clear_queue (&self->redo);
  stacks_changed (self, could_undo, could_redo);
  return TRUE;
}

static gboolean
step (OutlayDocument *self, GQueue *from, GQueue *to, gboolean forward, GError **error)
{
  gboolean could_undo = outlay_document_can_undo (self);
  gboolean could_redo = outlay_document_can_redo (self);
  Command *command = g_queue_peek_head (from);

  if (command == NULL)
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           forward ? _("There is nothing to redo") : _("There is nothing to undo"));
      return FALSE;
    }
  if (!run_command (self, command, forward, error))
    return FALSE;
  g_queue_pop_head (from);
  g_queue_push_head (to, command);
  stacks_changed (self, could_undo, could_redo);
  return TRUE;
}

/* ---- GObject ---- */

static void
budget_status_cb (OutlayDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

static void
budget_allocated_cb (OutlayDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}

static void
outlay_document_dispose (GObject *object)
{
  OutlayDocument *self = OUTLAY_DOCUMENT (object);

  clear_queue (&self->undo);
  clear_queue (&self->redo);
  g_clear_object (&self->sink);
  G_OBJECT_CLASS (outlay_document_parent_class)->dispose (object);
}

static void
outlay_document_finalize (GObject *object)
{
  OutlayDocument *self = OUTLAY_DOCUMENT (object);

  g_clear_object (&self->budget);
  g_ptr_array_unref (self->sections);
  g_ptr_array_unref (self->commitments);
  g_hash_table_unref (self->line_commitments);
  outlay_document_tasks_free (self->tasks);
  outlay_document_phasing_free (self->phasing);
  g_free (self->frozen_name);
  g_free (self->frozen_reason);
  G_OBJECT_CLASS (outlay_document_parent_class)->finalize (object);
}

static void
outlay_document_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OutlayDocument *self = OUTLAY_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_BUDGET:
      g_value_set_object (value, self->budget);
      break;
    case PROP_ESTIMATE:
      g_value_set_int64 (value, self->totals.estimate);
      break;
    case PROP_ACTUAL:
      g_value_set_int64 (value, self->totals.actual);
      break;
    case PROP_COMMITTED:
      g_value_set_int64 (value, self->totals.committed);
      break;
    case PROP_VARIANCE:
      g_value_set_int64 (value, outlay_totals_get_variance (&self->totals));
      break;
    case PROP_FRINGE:
      g_value_set_int64 (value, self->totals.fringe);
      break;
    case PROP_N_LINES:
      g_value_set_uint (value, self->n_lines);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, outlay_document_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, outlay_document_can_redo (self));
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, outlay_document_get_read_only (self));
      break;
    case PROP_RESERVED:
      g_value_set_int64 (value, self->totals.reserved);
      break;
    case PROP_AVAILABLE:
      g_value_set_int64 (value, outlay_document_get_available (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_document_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OutlayDocument *self = OUTLAY_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_BUDGET:
      self->budget = g_value_dup_object (value);
      if (self->budget == NULL)
        self->budget = outlay_budget_new (_("Untitled budget"));
      g_signal_connect_object (self->budget, "notify::status", G_CALLBACK (budget_status_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->budget, "notify::allocated", G_CALLBACK (budget_allocated_cb),
                               self, G_CONNECT_SWAPPED);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
total_spec (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, OUTLAY_DECIMAL_MIN, OUTLAY_DECIMAL_MAX, 0,
                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static GParamSpec *
flag_spec (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE,
                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static void
outlay_document_class_init (OutlayDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = outlay_document_dispose;
  object_class->finalize = outlay_document_finalize;
  object_class->get_property = outlay_document_get_property;
  object_class->set_property = outlay_document_set_property;

  properties[PROP_BUDGET] =
    g_param_spec_object ("budget", NULL, NULL, OUTLAY_TYPE_BUDGET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ESTIMATE] = total_spec ("estimate");
  properties[PROP_ACTUAL] = total_spec ("actual");
  properties[PROP_COMMITTED] = total_spec ("committed");
  properties[PROP_VARIANCE] = total_spec ("variance");
  /* the fringes' part of "estimate" */
  properties[PROP_FRINGE] = total_spec ("fringe");
  properties[PROP_N_LINES] =
    g_param_spec_uint ("n-lines", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_UNDO] = flag_spec ("can-undo");
  properties[PROP_CAN_REDO] = flag_spec ("can-redo");
  properties[PROP_READ_ONLY] = flag_spec ("read-only");
  properties[PROP_RESERVED] = total_spec ("reserved");
  /* outlay_document_get_available() */
  properties[PROP_AVAILABLE] = total_spec ("available");
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OutlayDocument::sections-changed:
   * @position: where the change happened
   * @removed: sections removed there
   * @added: sections added there
   */
  signals[SECTIONS_CHANGED] =
    g_signal_new ("sections-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
  /**
   * OutlayDocument::lines-changed:
   * @section: the section whose lines changed
   * @position: where
   * @removed: lines removed there
   * @added: lines added there
   *
   * Structural changes only; value edits notify on the line.
   */
  signals[LINES_CHANGED] =
    g_signal_new ("lines-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 4, OUTLAY_TYPE_SECTION, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
  /**
   * OutlayDocument::changed:
   *
   * After each command, undo or redo.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /**
   * OutlayDocument::commitments-changed:
   * @position: where in outlay_document_get_commitments()
   * @removed: commitments removed there
   * @added: commitments added there
   *
   * Added and removed commitments; edits notify on the commitment.
   */
  signals[COMMITMENTS_CHANGED] = g_signal_new ("commitments-changed", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                               3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
  outlay_document_tasks_class_init (object_class);
  outlay_document_phasing_class_init (object_class);
}

static void
outlay_document_init (OutlayDocument *self)
{
  self->sections = g_ptr_array_new_with_free_func (g_object_unref);
  self->commitments = g_ptr_array_new_with_free_func (g_object_unref);
  self->line_commitments = g_hash_table_new (NULL, NULL);
  self->tasks = outlay_document_tasks_new ();
  self->phasing = outlay_document_phasing_new ();
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

/* ---- public API ---- */

/**
 * outlay_document_new:
 * @budget: (nullable): the budget being edited
 *
 * Returns: (transfer full): an empty document for @budget
 */
OutlayDocument *
outlay_document_new (OutlayBudget *budget)
{
  return g_object_new (OUTLAY_TYPE_DOCUMENT, "budget", budget, NULL);
}

/**
 * outlay_document_set_sink:
 * @self: a document
 * @sink: (nullable): where changes are written
 */
void
outlay_document_set_sink (OutlayDocument     *self,
                          OutlayDocumentSink *sink)
{
  g_return_if_fail (OUTLAY_IS_DOCUMENT (self));
  g_set_object (&self->sink, sink);
}

OutlayBudget *
outlay_document_get_budget (OutlayDocument *self)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), NULL);
  return self->budget;
}

guint
outlay_document_get_n_sections (OutlayDocument *self)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), 0);
  return self->sections->len;
}

/**
 * outlay_document_get_section:
 * @self: a document
 * @index: a section position
 *
 * Returns: (transfer none): the section
 */
OutlaySection *
outlay_document_get_section (OutlayDocument *self,
                             guint           index)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);
  return g_ptr_array_index (self->sections, index);
}

gboolean
outlay_document_find_section (OutlayDocument *self,
                              OutlaySection  *section,
                              guint          *index)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  return g_ptr_array_find (self->sections, section, index);
}

/**
 * outlay_document_lookup_section:
 * @self: a document
 * @code: a section code, compared without case
 *
 * Returns: (transfer none) (nullable): the first section with @code
 */
OutlaySection *
outlay_document_lookup_section (OutlayDocument *self,
                                const char     *code)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), NULL);
  for (guint i = 0; i < self->sections->len; i++)
    {
      OutlaySection *s = g_ptr_array_index (self->sections, i);

      if (g_ascii_strcasecmp (outlay_section_get_code (s), code) == 0)
        return s;
    }
  return NULL;
}

/**
 * outlay_document_lookup_line:
 * @self: a document
 * @code: a line code
 *
 * Returns: (transfer none) (nullable): the first line with @code
 */
OutlayLine *
outlay_document_lookup_line (OutlayDocument *self,
                             const char     *code)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), NULL);
  for (guint i = 0; i < self->sections->len; i++)
    {
      GPtrArray *lines = outlay_section_get_lines_array (g_ptr_array_index (self->sections, i));

      for (guint j = 0; j < lines->len; j++)
        if (g_strcmp0 (outlay_line_get_code (g_ptr_array_index (lines, j)), code) == 0)
          return g_ptr_array_index (lines, j);
    }
  return NULL;
}

guint
outlay_document_get_n_lines (OutlayDocument *self)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), 0);
  return self->n_lines;
}

/**
 * outlay_document_get_totals:
 * @self: a document
 *
 * Returns: (transfer none): the budget's sums, kept up to date on every edit
 */
const OutlayTotals *
outlay_document_get_totals (OutlayDocument *self)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), NULL);
  return &self->totals;
}

/**
 * outlay_document_sum_totals:
 * @self: a document
 * @out: (out): the sums, added up afresh from every line, each section's
 *   fringe applied to the sum of its lines
 *
 * The check against which the incremental totals are tested.
 *
 * Returns: %FALSE on overflow
 */
gboolean
outlay_document_sum_totals (OutlayDocument *self,
                            OutlayTotals   *out)
{
  OutlayTotals sum = { 0 };

  for (guint i = 0; i < self->sections->len; i++)
    {
      OutlayTotals t;

      if (!outlay_totals_sum_section (g_ptr_array_index (self->sections, i), &t)
          || !outlay_totals_add (&sum, &t, +1, &sum))
        return FALSE;
    }
  if (!outlay_totals_add (&sum, &self->held, +1, &sum))
    return FALSE;
  *out = sum;
  return TRUE;
}

/**
 * outlay_document_get_read_only:
 * @self: a document
 *
 * Returns: %TRUE when the budget is locked or the document is a saved
 *   version, and refuses edits
 */
gboolean
outlay_document_get_read_only (OutlayDocument *self)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), TRUE);
  return self->frozen_reason != NULL
         || outlay_budget_get_status (self->budget) == OUTLAY_BUDGET_STATUS_LOCKED;
}

/**
 * outlay_document_set_frozen:
 * @self: a document
 * @name: the saved version it shows ("Bid")
 * @reason: the message every edit fails with, saying why and what to do
 *
 * Makes @self a read-only view of a saved version: every command,
 * a status change included, fails with %OUTLAY_ERROR_LOCKED and @reason.
 */
void
outlay_document_set_frozen (OutlayDocument *self,
                            const char     *name,
                            const char     *reason)
{
  g_return_if_fail (OUTLAY_IS_DOCUMENT (self));
  g_return_if_fail (name != NULL && reason != NULL);
  g_free (self->frozen_name);
  self->frozen_name = g_strdup (name);
  g_free (self->frozen_reason);
  self->frozen_reason = g_strdup (reason);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/**
 * outlay_document_get_frozen_name:
 * @self: a document
 *
 * Returns: (nullable): the name of the saved version @self shows, or %NULL
 *   for a budget's current state
 */
const char *
outlay_document_get_frozen_name (OutlayDocument *self)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), NULL);
  return self->frozen_name;
}

/**
 * outlay_document_set_frozen_saved:
 * @self: a document made read-only with outlay_document_set_frozen()
 * @saved: when the version it shows was saved, in Unix time
 */
void
outlay_document_set_frozen_saved (OutlayDocument *self, gint64 saved)
{
  g_return_if_fail (OUTLAY_IS_DOCUMENT (self));
  self->frozen_saved = saved;
}

/**
 * outlay_document_get_frozen_saved:
 * @self: a document
 *
 * Returns: when the saved version @self shows was saved (Unix time), or 0
 */
gint64
outlay_document_get_frozen_saved (OutlayDocument *self)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), 0);
  return self->frozen_saved;
}

gboolean
outlay_document_can_undo (OutlayDocument *self)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  return self->undo.length > 0;
}

gboolean
outlay_document_can_redo (OutlayDocument *self)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  return self->redo.length > 0;
}

/**
 * outlay_document_get_undo_label:
 * @self: a document
 *
 * Returns: (nullable): what undo would undo, "Edit Rate"
 */
const char *
outlay_document_get_undo_label (OutlayDocument *self)
{
  Command *c = g_queue_peek_head (&self->undo);

  return c != NULL ? c->label : NULL;
}

/**
 * outlay_document_get_undo_serial:
 * @self: a document
 *
 * Names the command undo would undo, so that what goes with it outside
 * the document (a recommendation marked implemented) can follow it
 * through undo and redo (outlay_document_get_command_state()).
 *
 * Returns: its serial, 0 when there is nothing to undo
 */
guint64
outlay_document_get_undo_serial (OutlayDocument *self)
{
  Command *c;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), 0);
  c = g_queue_peek_head (&self->undo);
  return c != NULL ? c->serial : 0;
}

static gboolean
has_serial (GQueue *queue, guint64 serial)
{
  for (GList *l = queue->head; l != NULL; l = l->next)
    if (((Command *) l->data)->serial == serial)
      return TRUE;
  return FALSE;
}

/**
 * outlay_document_get_command_state:
 * @self: a document
 * @serial: a command's serial (outlay_document_get_undo_serial())
 *
 * Returns: whether the command is done (undo would reach it), undone
 *   (redo would) or forgotten (dropped from both stacks)
 */
OutlayCommandState
outlay_document_get_command_state (OutlayDocument *self, guint64 serial)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), OUTLAY_COMMAND_FORGOTTEN);
  if (serial != 0 && has_serial (&self->undo, serial))
    return OUTLAY_COMMAND_DONE;
  if (serial != 0 && has_serial (&self->redo, serial))
    return OUTLAY_COMMAND_UNDONE;
  return OUTLAY_COMMAND_FORGOTTEN;
}

const char *
outlay_document_get_redo_label (OutlayDocument *self)
{
  Command *c = g_queue_peek_head (&self->redo);

  return c != NULL ? c->label : NULL;
}

/**
 * outlay_document_undo:
 * @self: a document
 * @error: why it could not be undone
 *
 * Reverts the last command, in the model and through the sink.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_document_undo (OutlayDocument *self,
                      GError        **error)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  return step (self, &self->undo, &self->redo, FALSE, error);
}

/**
 * outlay_document_redo:
 * @self: a document
 * @error: why it could not be redone
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_document_redo (OutlayDocument *self,
                      GError        **error)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  return step (self, &self->redo, &self->undo, TRUE, error);
}

/* ---- loading ---- */

void
outlay_document_load_section (OutlayDocument *self,
                              OutlaySection  *section)
{
  g_ptr_array_add (self->sections, g_object_ref (section));
}

void
outlay_document_load_line (OutlayDocument *self,
                           OutlaySection  *section,
                           OutlayLine     *line)
{
  g_ptr_array_add (outlay_section_get_lines_array (section), g_object_ref (line));
  outlay_line_set_section (line, section);
}

gboolean
outlay_document_finish_load (OutlayDocument *self,
                             GError        **error)
{
  OutlayTotals doc = { 0 };
  guint n = 0;

  for (guint i = 0; i < self->sections->len; i++)
    {
      OutlaySection *section = g_ptr_array_index (self->sections, i);
      OutlayTotals sum;

      if (!outlay_totals_sum_section (section, &sum))
        return overflow_error (error);
      outlay_section_set_totals (section, &sum);
      if (!outlay_totals_add (&doc, &sum, +1, &doc))
        return overflow_error (error);
      n += outlay_section_get_n_lines (section);
    }
  if (!outlay_totals_add (&doc, &self->held, +1, &doc))
    return overflow_error (error);
  self->n_lines = n;
  set_totals (self, &doc);
  return TRUE;
}

/* Its held amounts go onto its section's (or the budget's) before
 * outlay_document_finish_load() adds everything up; a line's stored
 * amounts already include its commitments'. */
void
outlay_document_load_commitment (OutlayDocument *self,
                                 OutlayCommitment *commitment,
                                 OutlaySection *section,
                                 OutlayLine *line)
{
  outlay_commitment_set_target (commitment, section, line);
  g_ptr_array_add (self->commitments, g_object_ref (commitment));
  if (line != NULL)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->line_commitments, line));

      g_hash_table_insert (self->line_commitments, line, GUINT_TO_POINTER (n + 1));
      return;
    }
  {
    OutlayTotals held = { 0 };
    OutlayTotals *into = section != NULL ? (OutlayTotals *) outlay_section_get_held (section)
                                         : &self->held;

    outlay_commitment_get_held (commitment, &held.actual, &held.committed, &held.reserved);
    if (outlay_totals_add (into, &held, +1, &held))
      {
        if (section != NULL)
          outlay_section_set_held (section, &held);
        else
          self->held = held;
      }
  }
}

/* ---- money control: what outlay-document-commitments.c needs ---- */

/* Moves what commitments on @section as a whole (on the budget, with no
 * @section) hold, and with it the section's and the document's totals. */
gboolean
outlay_document_prim_held (OutlayDocument *self,
                           OutlaySection *section,
                           const OutlayTotals *held,
                           int sign,
                           GError **error)
{
  OutlayTotals h;

  g_assert (held->estimate == 0 && held->fringe == 0);
  if (!outlay_totals_add (section != NULL ? outlay_section_get_held (section) : &self->held, held,
                          sign, &h))
    return overflow_error (error);
  if (!shift_totals (self, section, held, sign, error))
    return FALSE;
  if (section != NULL)
    outlay_section_set_held (section, &h);
  else
    self->held = h;
  return TRUE;
}

GPtrArray *
outlay_document_get_commitments_array (OutlayDocument *self)
{
  return self->commitments;
}

GHashTable *
outlay_document_get_line_commitment_counts (OutlayDocument *self)
{
  return self->line_commitments;
}

void
outlay_document_emit_commitments_changed (OutlayDocument *self,
                                          guint position,
                                          guint removed,
                                          guint added)
{
  g_signal_emit (self, signals[COMMITMENTS_CHANGED], 0, position, removed, added);
}

/**
 * outlay_document_get_budgeted:
 * @self: a document
 *
 * Returns: what the budget holds spending against: its allocation where
 *   one is set, else its estimate (outlay_document_get_budgeted_is_allocation()
 *   says which)
 */
OutlayDecimal
outlay_document_get_budgeted (OutlayDocument *self)
{
  OutlayDecimal allocated;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), 0);
  allocated = outlay_budget_get_allocated (self->budget);
  return allocated > 0 ? allocated : self->totals.estimate;
}

gboolean
outlay_document_get_budgeted_is_allocation (OutlayDocument *self)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  return outlay_budget_get_allocated (self->budget) > 0;
}

/**
 * outlay_document_get_available:
 * @self: a document
 *
 * Returns: outlay_document_get_budgeted() less actual, committed and
 *   reserved; saturated at the smallest amount on overflow
 */
OutlayDecimal
outlay_document_get_available (OutlayDocument *self)
{
  OutlayDecimal v;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), 0);
  if (!outlay_decimal_sub (outlay_document_get_budgeted (self), self->totals.actual, &v)
      || !outlay_decimal_sub (v, self->totals.committed, &v)
      || !outlay_decimal_sub (v, self->totals.reserved, &v))
    v = OUTLAY_DECIMAL_MIN;
  return v;
}
