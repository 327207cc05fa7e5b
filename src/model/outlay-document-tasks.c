/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-document"

/* A document's tasks and the time logged on them.  A task's actual is
 * its logged cost plus its resource cost; it rolls up into the line it
 * charges (the line's task actual), and from there into the section's and
 * budget's running totals by the difference, like a line edit.  Time
 * entries are not kept as objects: each command carries the ones it adds,
 * removes or re-costs. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "outlay-currency.h"
#include "outlay-document-private.h"
#include "outlay-document-tasks.h"
#include "outlay-error.h"

struct _OutlayDocumentTasks
{
  GPtrArray *tasks;  /* the live ones, in order */
  GHashTable *by_id; /* id → task, live ones */
  GHashTable *lines; /* line id → line, filled on demand */
  gboolean stale;    /* lines came or went since @lines was filled */
  gboolean watching;
};

/* The fields a user edits, copied for undo. */
static const char *const task_fields[] = {
  "line-id",          "name",
  "description",      "status",
  "assignee-id",      "assignee",
  "estimated-hours",  "estimated-cost",
  "hourly-rate",      "resource-cost",
  "direct-cost",      "due-date",
  "external-id",      "external-source",
  "percent-complete",
};

static guint tasks_changed_signal;
static guint time_changed_signal;

#define SINK(self) OUTLAY_DOCUMENT_SINK_GET_IFACE (outlay_document_get_sink (self))
#define HAS_SINK(self, member)                                                                     \
  (outlay_document_get_sink (self) != NULL && SINK (self)->member != NULL)

OutlayDocumentTasks *
outlay_document_tasks_new (void)
{
  OutlayDocumentTasks *tasks = g_new0 (OutlayDocumentTasks, 1);

  tasks->tasks = g_ptr_array_new_with_free_func (g_object_unref);
  tasks->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  tasks->lines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  tasks->stale = TRUE;
  return tasks;
}

void
outlay_document_tasks_free (OutlayDocumentTasks *tasks)
{
  g_hash_table_unref (tasks->by_id);
  g_hash_table_unref (tasks->lines);
  g_ptr_array_unref (tasks->tasks);
  g_free (tasks);
}

void
outlay_document_tasks_class_init (GObjectClass *klass)
{
  /**
   * OutlayDocument::tasks-changed:
   * @position: where the change happened
   * @removed: tasks removed there
   * @added: tasks added there
   *
   * Structural changes only; value edits, logged time included, notify
   * on the task.
   */
  tasks_changed_signal = g_signal_new ("tasks-changed", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                       G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);

  /**
   * OutlayDocument::time-changed:
   * @task: the task the entry is on
   * @entry: a time entry
   * @sign: +1 when @entry now counts, -1 when it no longer does
   *
   * A time entry was logged or removed (undo and redo included); a
   * recosted entry is its old form removed and its new one logged.  For
   * views that keep sums of their own, such as the dashboard, to follow
   * an entry before the budget is read again.
   */
  time_changed_signal = g_signal_new ("time-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 3, OUTLAY_TYPE_TASK,
                                      OUTLAY_TYPE_TIME_ENTRY, G_TYPE_INT);
}

static OutlayDocumentTasks *
data (OutlayDocument *self)
{
  return outlay_document_get_tasks_data (self);
}

static gboolean
overflow_error (GError **error)
{
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW,
               _("The totals would exceed the largest amount Outlay can hold (±922 trillion)"));
  return FALSE;
}

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static void
index_lines (OutlayDocument *self)
{
  GHashTable *lines = data (self)->lines;

  g_hash_table_remove_all (lines);
  for (guint s = 0; s < outlay_document_get_n_sections (self); s++)
    {
      OutlaySection *section = outlay_document_get_section (self, s);

      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        {
          OutlayLine *line = outlay_section_get_line (section, l);
          gint64 id = outlay_line_get_id (line);

          if (id > 0)
            g_hash_table_insert (lines, id_key (id), line);
        }
    }
}

static void
lines_changed_cb (OutlayDocument *self)
{
  data (self)->stale = TRUE;
}

static gboolean
line_is_live (OutlayDocument *self, OutlayLine *line)
{
  OutlaySection *section = outlay_line_get_section (line);

  return section != NULL && outlay_document_find_section (self, section, NULL);
}

/**
 * outlay_document_get_line_by_id:
 * @self: a document
 * @id: a saved line's id
 *
 * Returns: (transfer none) (nullable): the line, if it is in the budget
 */
OutlayLine *
outlay_document_get_line_by_id (OutlayDocument *self, gint64 id)
{
  OutlayLine *line;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), NULL);
  if (id <= 0)
    return NULL;
  if (!data (self)->watching)
    {
      /* a miss re-reads every line only when lines came or went since */
      g_signal_connect (self, "lines-changed", G_CALLBACK (lines_changed_cb), NULL);
      g_signal_connect (self, "sections-changed", G_CALLBACK (lines_changed_cb), NULL);
      data (self)->watching = TRUE;
    }
  line = g_hash_table_lookup (data (self)->lines, &id);
  if ((line == NULL || outlay_line_get_id (line) != id || !line_is_live (self, line))
      && data (self)->stale)
    {
      index_lines (self);
      data (self)->stale = FALSE;
      line = g_hash_table_lookup (data (self)->lines, &id);
    }
  if (line != NULL && (outlay_line_get_id (line) != id || !line_is_live (self, line)))
    return NULL;
  return line;
}

/**
 * outlay_document_get_task_line:
 * @self: a document
 * @task: one of its tasks
 *
 * Returns: (transfer none) (nullable): the line @task charges
 */
OutlayLine *
outlay_document_get_task_line (OutlayDocument *self, OutlayTask *task)
{
  return outlay_document_get_line_by_id (self, outlay_task_get_line_id (task));
}

gboolean
outlay_document_line_has_tasks (OutlayDocument *self, OutlayLine *line)
{
  GPtrArray *tasks = data (self)->tasks;

  for (guint i = 0; i < tasks->len; i++)
    if (outlay_task_get_line_id (g_ptr_array_index (tasks, i)) == outlay_line_get_id (line))
      return TRUE;
  return FALSE;
}

static const char *
line_label (OutlayLine *line)
{
  const char *description = outlay_line_get_description (line);

  return description != NULL && *description != '\0' ? description : outlay_line_get_code (line);
}

/* Refuses to take a line from under its tasks: a line of @section (or
 * of any section when %NULL) that tasks charge, when it is to go away,
 * or, with @version, when restoring @version would drop it (@version has
 * no line with its id).  One pass over the tasks. */
gboolean
outlay_document_check_tasks_kept (OutlayDocument *self,
                                  OutlaySection *section,
                                  OutlayDocument *version,
                                  GError **error)
{
  GPtrArray *tasks = data (self)->tasks;
  gboolean same_budget = version != NULL
                         && outlay_budget_get_id (outlay_document_get_budget (self)) != 0
                         && outlay_budget_get_id (outlay_document_get_budget (self))
                                == outlay_budget_get_id (outlay_document_get_budget (version));

  for (guint i = 0; i < tasks->len; i++)
    {
      OutlayLine *line = outlay_document_get_task_line (self, g_ptr_array_index (tasks, i));

      if (line == NULL || (section != NULL && outlay_line_get_section (line) != section))
        continue;
      if (version == NULL)
        {
          g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                       _("Tasks charge the line “%s”: move them to another line or delete them "
                         "first"),
                          line_label (line));
          return FALSE;
        }
      if (!same_budget
          || outlay_document_get_line_by_id (version, outlay_line_get_id (line)) == NULL)
        {
          g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                       _("Tasks charge the line “%s”, which the version does not have: move "
                         "them to another line or delete them first"),
                          line_label (line));
          return FALSE;
        }
    }
  return TRUE;
}

OutlayTask *
outlay_task_copy (OutlayTask *task)
{
  OutlayTask *copy = outlay_task_new ();

  for (guint i = 0; i < G_N_ELEMENTS (task_fields); i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (task), task_fields[i], &value);
      g_object_set_property (G_OBJECT (copy), task_fields[i], &value);
    }
  g_object_set (copy, "id", outlay_task_get_id (task), "budget-id",
                outlay_task_get_budget_id (task), "actual-hours",
                outlay_task_get_actual_hours (task), "actual-cost",
                outlay_task_get_actual_cost (task), NULL);
  return copy;
}

/* ---- primitives: each changes the model and the sink, or neither ---- */

/* Moves @task's line (if it is in the budget) by ±@amount. */
static gboolean
shift_line (OutlayDocument *self, gint64 line_id, OutlayDecimal amount, int sign, GError **error)
{
  OutlayLine *line = outlay_document_get_line_by_id (self, line_id);

  if (line == NULL || amount == 0)
    return TRUE;
  return outlay_document_shift_task_actual (self, line, amount, sign, error);
}

static void
index_task (OutlayDocument *self, OutlayTask *task)
{
  if (outlay_task_get_id (task) > 0)
    g_hash_table_insert (data (self)->by_id, id_key (outlay_task_get_id (task)), task);
}

static gboolean
prim_insert_task (OutlayDocument *self, guint index, OutlayTask *task, GError **error)
{
  GPtrArray *tasks = data (self)->tasks;
  gint64 line_id = outlay_task_get_line_id (task);

  g_assert (index <= tasks->len);
  if (!shift_line (self, line_id, outlay_task_get_actual_cost (task), +1, error))
    return FALSE;
  g_ptr_array_insert (tasks, index, g_object_ref (task));
  if (HAS_SINK (self, task_inserted)
      && !SINK (self)->task_inserted (outlay_document_get_sink (self), self, index, task, error))
    {
      g_ptr_array_remove_index (tasks, index);
      shift_line (self, line_id, outlay_task_get_actual_cost (task), -1, NULL);
      return FALSE;
    }
  index_task (self, task);
  g_signal_emit (self, tasks_changed_signal, 0, index, 0, 1);
  return TRUE;
}

static gboolean
prim_remove_task (OutlayDocument *self, guint index, GError **error)
{
  GPtrArray *tasks = data (self)->tasks;
  g_autoptr(OutlayTask) task = NULL;
  gint64 line_id;
  gint64 id;

  g_assert (index < tasks->len);
  task = g_object_ref (g_ptr_array_index (tasks, index));
  line_id = outlay_task_get_line_id (task);
  if (!shift_line (self, line_id, outlay_task_get_actual_cost (task), -1, error))
    return FALSE;
  g_ptr_array_remove_index (tasks, index);
  if (HAS_SINK (self, task_removed)
      && !SINK (self)->task_removed (outlay_document_get_sink (self), self, index, task, error))
    {
      g_ptr_array_insert (tasks, index, g_object_ref (task));
      shift_line (self, line_id, outlay_task_get_actual_cost (task), +1, NULL);
      return FALSE;
    }
  id = outlay_task_get_id (task);
  g_hash_table_remove (data (self)->by_id, &id);
  g_signal_emit (self, tasks_changed_signal, 0, index, 1, 0);
  return TRUE;
}

static void
task_apply (OutlayTask *task, OutlayTask *state, OutlayDecimal actual)
{
  g_object_freeze_notify (G_OBJECT (task));
  for (guint i = 0; i < G_N_ELEMENTS (task_fields); i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (state), task_fields[i], &value);
      g_object_set_property (G_OBJECT (task), task_fields[i], &value);
    }
  g_object_set (task, "actual-cost", actual, NULL);
  g_object_thaw_notify (G_OBJECT (task));
}

/* @task's actual once it takes @state's resource cost. */
static gboolean
actual_with (OutlayTask *task, OutlayTask *state, OutlayDecimal *out)
{
  OutlayDecimal logged;

  return outlay_decimal_sub (outlay_task_get_actual_cost (task),
                             outlay_task_get_resource_cost (task), &logged)
         && outlay_decimal_add (logged, outlay_task_get_resource_cost (state), out);
}

static gboolean
prim_set_task_state (OutlayDocument *self, OutlayTask *task, OutlayTask *state, GError **error)
{
  g_autoptr(OutlayTask) before = outlay_task_copy (task);
  gint64 old_line = outlay_task_get_line_id (task);
  gint64 new_line = outlay_task_get_line_id (state);
  OutlayDecimal old_actual = outlay_task_get_actual_cost (task);
  OutlayDecimal new_actual;

  if (!actual_with (task, state, &new_actual))
    return overflow_error (error);
  if (!shift_line (self, old_line, old_actual, -1, error))
    return FALSE;
  if (!shift_line (self, new_line, new_actual, +1, error))
    {
      shift_line (self, old_line, old_actual, +1, NULL);
      return FALSE;
    }
  task_apply (task, state, new_actual);
  if (HAS_SINK (self, task_changed)
      && !SINK (self)->task_changed (outlay_document_get_sink (self), self, task, before, error))
    {
      task_apply (task, before, old_actual);
      shift_line (self, new_line, new_actual, -1, NULL);
      shift_line (self, old_line, old_actual, +1, NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
prim_move_task (OutlayDocument *self, guint from, guint to, GError **error)
{
  GPtrArray *tasks = data (self)->tasks;
  OutlayTask *task;

  g_assert (from < tasks->len && to < tasks->len);
  task = g_ptr_array_steal_index (tasks, from);
  g_ptr_array_insert (tasks, to, task);
  if (HAS_SINK (self, task_moved)
      && !SINK (self)->task_moved (outlay_document_get_sink (self), self, task, from, to, error))
    {
      g_ptr_array_steal_index (tasks, to);
      g_ptr_array_insert (tasks, from, task);
      return FALSE;
    }
  g_signal_emit (self, tasks_changed_signal, 0, MIN (from, to), MAX (from, to) - MIN (from, to) + 1,
                 MAX (from, to) - MIN (from, to) + 1);
  return TRUE;
}

/* Moves @task's logged hours and cost (and so its actual and its line's)
 * by ±@hours and ±@cost. */
static gboolean
shift_task (OutlayDocument *self,
            OutlayTask *task,
            OutlayDecimal hours,
            OutlayDecimal cost,
            int sign,
            GError **error)
{
  gboolean (*op) (OutlayDecimal, OutlayDecimal, OutlayDecimal *) = sign > 0 ? outlay_decimal_add
                                                                            : outlay_decimal_sub;
  OutlayDecimal h, c;

  if (!op (outlay_task_get_actual_hours (task), hours, &h)
      || !op (outlay_task_get_actual_cost (task), cost, &c))
    return overflow_error (error);
  if (!shift_line (self, outlay_task_get_line_id (task), cost, sign, error))
    return FALSE;
  g_object_set (task, "actual-hours", h, "actual-cost", c, NULL);
  return TRUE;
}

static gboolean
entry_cost (OutlayTimeEntry *entry, OutlayDecimal *cost, GError **error)
{
  if (!outlay_time_entry_get_cost (entry, cost))
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW,
                           _("Hours × rate is larger than Outlay can hold (±922 trillion)"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
prim_time (OutlayDocument *self, OutlayTask *task, OutlayTimeEntry *entry, int sign, GError **error)
{
  OutlayDocumentSink *sink = outlay_document_get_sink (self);
  OutlayDecimal hours = outlay_time_entry_get_hours (entry);
  OutlayDecimal cost;
  gboolean ok = TRUE;

  if (!entry_cost (entry, &cost, error) || !shift_task (self, task, hours, cost, sign, error))
    return FALSE;
  if (sign > 0 && HAS_SINK (self, time_added))
    ok = SINK (self)->time_added (sink, self, task, entry, error);
  else if (sign < 0 && HAS_SINK (self, time_removed))
    ok = SINK (self)->time_removed (sink, self, task, entry, error);
  if (!ok)
    shift_task (self, task, hours, cost, -sign, NULL);
  else
    g_signal_emit (self, time_changed_signal, 0, task, entry, sign);
  return ok;
}

static gboolean
prim_recost (OutlayDocument *self,
             OutlayTask *task,
             OutlayTimeEntry *from,
             OutlayTimeEntry *to,
             GError **error)
{
  OutlayDecimal a, b, delta;

  if (!entry_cost (from, &a, error) || !entry_cost (to, &b, error))
    return FALSE;
  if (!outlay_decimal_sub (b, a, &delta))
    return overflow_error (error);
  if (!shift_task (self, task, 0, delta, +1, error))
    return FALSE;
  if (HAS_SINK (self, time_recosted)
      && !SINK (self)->time_recosted (outlay_document_get_sink (self), self, to, from, error))
    {
      shift_task (self, task, 0, delta, -1, NULL);
      return FALSE;
    }
  g_signal_emit (self, time_changed_signal, 0, task, from, -1);
  g_signal_emit (self, time_changed_signal, 0, task, to, +1);
  return TRUE;
}

gboolean
outlay_document_apply_task_op (OutlayDocument *self, Op *op, gboolean forward, GError **error)
{
  switch (op->kind)
    {
      case OP_TASK_INSERT:
      case OP_TASK_REMOVE:
        if (forward == (op->kind == OP_TASK_INSERT))
          return prim_insert_task (self, op->index, op->task, error);
        return prim_remove_task (self, op->index, error);
      case OP_TASK_STATE:
        return prim_set_task_state (self, op->task, forward ? op->task_after : op->task_before,
                                    error);
      case OP_TASK_MOVE:
        if (forward)
          return prim_move_task (self, op->index, op->index2, error);
        return prim_move_task (self, op->index2, op->index, error);
      case OP_TIME_ADD:
      case OP_TIME_REMOVE:
        return prim_time (self, op->task, op->entry, forward == (op->kind == OP_TIME_ADD) ? +1 : -1,
                          error);
      case OP_TIME_RECOST:
        if (forward)
          return prim_recost (self, op->task, op->entry, op->entry2, error);
        return prim_recost (self, op->task, op->entry2, op->entry, error);
      default:
        g_assert_not_reached ();
    }
}

/* ---- loading ---- */

void
outlay_document_load_task (OutlayDocument *self,
                           OutlayTask *task,
                           OutlayDecimal logged_hours,
                           OutlayDecimal logged_cost)
{
  OutlayDecimal actual;
  OutlayLine *line;

  if (!outlay_decimal_add (logged_cost, outlay_task_get_resource_cost (task), &actual))
    actual = OUTLAY_DECIMAL_MAX;
  g_object_set (task, "actual-hours", logged_hours, "actual-cost", actual, NULL);
  g_ptr_array_add (data (self)->tasks, g_object_ref (task));
  index_task (self, task);
  line = outlay_document_get_line_by_id (self, outlay_task_get_line_id (task));
  if (line != NULL && outlay_decimal_add (outlay_line_get_task_actual (line), actual, &actual))
    outlay_line_set_task_actual (line, actual);
}

/* ---- public API ---- */

/**
 * outlay_document_get_n_tasks:
 * @self: a document
 *
 * Returns: how many tasks the budget has (deleted ones not counted)
 */
guint
outlay_document_get_n_tasks (OutlayDocument *self)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), 0);
  return data (self)->tasks->len;
}

/**
 * outlay_document_get_task:
 * @self: a document
 * @index: a position
 *
 * Returns: (transfer none): the task there
 */
OutlayTask *
outlay_document_get_task (OutlayDocument *self, guint index)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < data (self)->tasks->len, NULL);
  return g_ptr_array_index (data (self)->tasks, index);
}

gboolean
outlay_document_find_task (OutlayDocument *self, OutlayTask *task, guint *index)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  return g_ptr_array_find (data (self)->tasks, task, index);
}

/**
 * outlay_document_get_task_by_id:
 * @self: a document
 * @id: a saved task's id
 *
 * Returns: (transfer none) (nullable): the task, unless it was deleted
 */
OutlayTask *
outlay_document_get_task_by_id (OutlayDocument *self, gint64 id)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), NULL);
  return g_hash_table_lookup (data (self)->by_id, &id);
}

/**
 * outlay_document_lookup_task:
 * @self: a document
 * @name_or_id: a task's id, or its name (case does not matter)
 *
 * Returns: (transfer none) (nullable): the task
 */
OutlayTask *
outlay_document_lookup_task (OutlayDocument *self, const char *name_or_id)
{
  GPtrArray *tasks;
  char *end = NULL;
  gint64 id;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (name_or_id != NULL, NULL);
  tasks = data (self)->tasks;
  for (guint i = 0; i < tasks->len; i++)
    {
      OutlayTask *task = g_ptr_array_index (tasks, i);

      if (g_utf8_collate (outlay_task_get_name (task), name_or_id) == 0
          || g_ascii_strcasecmp (outlay_task_get_name (task), name_or_id) == 0)
        return task;
    }
  id = g_ascii_strtoll (name_or_id, &end, 10);
  if (end != name_or_id && *end == '\0')
    return outlay_document_get_task_by_id (self, id);
  return NULL;
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gboolean
check_task_fields (OutlayDocument *self, OutlayTask *task, GError **error)
{
  const char *name = outlay_task_get_name (task);

  if (is_blank (name))
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("A task needs a name"));
      return FALSE;
    }
  if (outlay_task_get_line_id (task) > 0
      && outlay_document_get_line_by_id (self, outlay_task_get_line_id (task)) == NULL)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                   _("The task “%s” charges a line that is not in “%s”"), name,
                      outlay_budget_get_name (outlay_document_get_budget (self)));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_live (OutlayDocument *self, OutlayTask *task, GError **error)
{
  if (task == NULL || !outlay_document_find_task (self, task, NULL))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                   _("The task “%s” was deleted: undo the deletion, or choose another task"),
                      task != NULL ? outlay_task_get_name (task) : "");
      return FALSE;
    }
  return TRUE;
}

/**
 * outlay_document_add_task:
 * @self: a document
 * @index: where, at most the number of tasks
 * @task: a new task, its fields set (its actual is worked out here)
 * @error: why it failed
 *
 * Adds @task as one undoable command.
 *
 * Returns: (transfer none) (nullable): @task, now in the document
 */
OutlayTask *
outlay_document_add_task (OutlayDocument *self, guint index, OutlayTask *task, GError **error)
{
  Command *command;
  Op *op;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (OUTLAY_IS_TASK (task), NULL);
  g_return_val_if_fail (index <= data (self)->tasks->len, NULL);
  if (!check_task_fields (self, task, error))
    return NULL;
  g_object_set (task, "budget-id", outlay_budget_get_id (outlay_document_get_budget (self)),
                "actual-hours", (gint64) 0, "actual-cost", outlay_task_get_resource_cost (task),
                NULL);
  command = outlay_command_new (_("Add Task"), FALSE);
  op = outlay_command_add_op (command, OP_TASK_INSERT);
  op->task = g_object_ref (task);
  op->index = index;
  if (!outlay_document_execute (self, command, error))
    return NULL;
  return task;
}

/**
 * outlay_document_update_task:
 * @self: a document
 * @task: one of its tasks
 * @edited: a copy of @task (outlay_task_copy()) with the fields changed
 * @error: why it failed
 *
 * Gives @task @edited's fields as one undoable command; its actual and
 * the lines it charges follow.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_document_update_task (OutlayDocument *self,
                             OutlayTask *task,
                             OutlayTask *edited,
                             GError **error)
{
  Command *command;
  Op *op;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  if (!check_live (self, task, error) || !check_task_fields (self, edited, error))
    return FALSE;
  command = outlay_command_new (_("Edit Task"), FALSE);
  op = outlay_command_add_op (command, OP_TASK_STATE);
  op->task = g_object_ref (task);
  op->task_before = outlay_task_copy (task);
  op->task_after = outlay_task_copy (edited);
  return outlay_document_execute (self, command, error);
}

/**
 * outlay_document_delete_task:
 * @self: a document
 * @task: one of its tasks
 * @error: why it failed
 *
 * Deletes @task as one undoable command; its time stays with it, out of
 * the budget, and comes back on undo.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_document_delete_task (OutlayDocument *self, OutlayTask *task, GError **error)
{
  Command *command;
  Op *op;
  guint index;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  if (!check_live (self, task, error))
    return FALSE;
  outlay_document_find_task (self, task, &index);
  command = outlay_command_new (_("Delete Task"), FALSE);
  op = outlay_command_add_op (command, OP_TASK_REMOVE);
  op->task = g_object_ref (task);
  op->index = index;
  return outlay_document_execute (self, command, error);
}

gboolean
outlay_document_move_task (OutlayDocument *self, OutlayTask *task, guint to_index, GError **error)
{
  Command *command;
  Op *op;
  guint index;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  if (!check_live (self, task, error))
    return FALSE;
  g_return_val_if_fail (to_index < data (self)->tasks->len, FALSE);
  outlay_document_find_task (self, task, &index);
  if (index == to_index)
    return TRUE;
  command = outlay_command_new (_("Move Task"), FALSE);
  op = outlay_command_add_op (command, OP_TASK_MOVE);
  op->index = index;
  op->index2 = to_index;
  return outlay_document_execute (self, command, error);
}

static gboolean
valid_date (const char *date)
{
  int y, m, d;
  char tail;

  return date != NULL && sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3
         && strlen (date) == 10 && g_date_valid_dmy (d, m, y);
}

/**
 * outlay_document_check_time_log:
 * @self: a document
 * @log: an entry to log
 * @error: what is wrong with it, in words a user can act on
 *
 * The checks outlay_document_log_time() makes before it writes anything,
 * for a dialog to run as the user types.  The 24-hours-a-day check across
 * all of a person's entries is the store's, when the entry is written.
 *
 * Returns: %TRUE when @log can be logged
 */
gboolean
outlay_document_check_time_log (OutlayDocument *self, const OutlayTimeLog *log, GError **error)
{
  OutlayDecimal cost;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (log != NULL, FALSE);
  if (!check_live (self, log->task, error))
    return FALSE;
  if (outlay_document_get_read_only (self))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_LOCKED,
                   _("“%s” is locked, so no time can be logged on it. Unlock it in Budget "
                     "Properties, or with “outlay-cli status BUDGET approved”."),
                      outlay_budget_get_name (outlay_document_get_budget (self)));
      return FALSE;
    }
  if (log->hours <= 0)
    {
      g_autofree char *text = outlay_decimal_to_string (log->hours, 2);

      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("Hours must be more than zero (not %s)"), text);
      return FALSE;
    }
  if (log->hours > OUTLAY_MAX_DAY_HOURS)
    {
      g_autofree char *text = outlay_decimal_to_string (log->hours, 2);

      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("%s hours is more than a day has: log at most 24 hours per person and day"),
                      text);
      return FALSE;
    }
  if (!valid_date (log->date))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a date: write it as YYYY-MM-DD"), log->date ? log->date : "");
      return FALSE;
    }
  if (log->rate < 0)
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("An hourly rate cannot be negative"));
      return FALSE;
    }
  if (!outlay_decimal_mul (log->hours, log->rate, &cost))
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW,
                           _("Hours × rate is larger than Outlay can hold (±922 trillion)"));
      return FALSE;
    }
  return TRUE;
}

static OutlayTimeEntry *
entry_from_log (const OutlayTimeLog *log)
{
  OutlayTimeEntry *entry = outlay_time_entry_new ();

  g_object_set (entry, "task-id", outlay_task_get_id (log->task), "person-id", log->person_id,
                "date", log->date, "hours", log->hours, "rate", log->rate, "rate-overridden",
                log->rate_typed, "rate-source", log->rate_source, "description",
                log->note != NULL && *log->note != '\0' ? log->note : NULL, NULL);
  return entry;
}

/**
 * outlay_document_log_times:
 * @self: a document
 * @logs: (array length=n_logs): entries to log
 * @n_logs: how many
 * @error: why it failed; then nothing was logged
 *
 * Logs the entries as one undoable command, each costed at its rate from
 * now on; their tasks, lines, sections and the budget move by their cost.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_document_log_times (OutlayDocument *self,
                           const OutlayTimeLog *logs,
                           guint n_logs,
                           GError **error)
{
  Command *command;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  for (guint i = 0; i < n_logs; i++)
    if (!outlay_document_check_time_log (self, &logs[i], error))
      return FALSE;
  command = outlay_command_new (_("Log Time"), FALSE);
  for (guint i = 0; i < n_logs; i++)
    {
      Op *op = outlay_command_add_op (command, OP_TIME_ADD);

      op->task = g_object_ref (logs[i].task);
      op->entry = entry_from_log (&logs[i]);
    }
  return outlay_document_execute (self, command, error);
}

/**
 * outlay_document_log_time:
 * @self: a document
 * @log: the entry to log
 * @error: why it failed; then nothing was logged
 *
 * Logs one entry as an undoable command (see outlay_document_log_times()).
 *
 * Returns: (transfer none) (nullable): the saved entry, with its id
 */
OutlayTimeEntry *
outlay_document_log_time (OutlayDocument *self, const OutlayTimeLog *log, GError **error)
{
  Command *command;
  OutlayTimeEntry *entry;
  Op *op;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), NULL);
  if (!outlay_document_check_time_log (self, log, error))
    return NULL;
  command = outlay_command_new (_("Log Time"), FALSE);
  op = outlay_command_add_op (command, OP_TIME_ADD);
  op->task = g_object_ref (log->task);
  op->entry = entry_from_log (log);
  entry = op->entry; /* the undo stack keeps it */
  if (!outlay_document_execute (self, command, error))
    return NULL;
  return entry;
}

/**
 * outlay_document_remove_time:
 * @self: a document
 * @entry: a saved entry on one of its tasks
 * @error: why it failed
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_document_remove_time (OutlayDocument *self, OutlayTimeEntry *entry, GError **error)
{
  OutlayTask *task;
  Command *command;
  Op *op;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  task = outlay_document_get_task_by_id (self, outlay_time_entry_get_task_id (entry));
  if (!check_live (self, task, error))
    return FALSE;
  command = outlay_command_new (_("Remove Time"), FALSE);
  op = outlay_command_add_op (command, OP_TIME_REMOVE);
  op->task = g_object_ref (task);
  op->entry = g_object_ref (entry);
  return outlay_document_execute (self, command, error);
}

static OutlayTimeEntry *
entry_copy (OutlayTimeEntry *entry, OutlayDecimal rate, const char *source)
{
  OutlayTimeEntry *copy = outlay_time_entry_new ();

  g_object_set (copy, "id", outlay_time_entry_get_id (entry), "task-id",
                outlay_time_entry_get_task_id (entry), "person-id",
                outlay_time_entry_get_person_id (entry), "date", outlay_time_entry_get_date (entry),
                "hours", outlay_time_entry_get_hours (entry), "rate", rate, "rate-overridden",
                outlay_time_entry_get_rate_overridden (entry), "rate-source", source, "description",
                outlay_time_entry_get_description (entry), NULL);
  return copy;
}

/**
 * outlay_document_recost_time:
 * @self: a document
 * @entries: (element-type OutlayTimeEntry): saved entries on its tasks
 * @rates: (array): each entry's new rate
 * @sources: (array): where each new rate comes from
 * @error: why it failed; then nothing changed
 *
 * Costs saved entries again at new rates (after a rate change the user
 * chose to apply to the past), as one undoable command.  Entries whose
 * rate does not change are left out.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_document_recost_time (OutlayDocument *self,
                             GPtrArray *entries,
                             const OutlayDecimal *rates,
                             const char *const *sources,
                             GError **error)
{
  Command *command;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  command = outlay_command_new (_("Re-cost Time"), FALSE);
  for (guint i = 0; i < entries->len; i++)
    {
      OutlayTimeEntry *entry = g_ptr_array_index (entries, i);
      OutlayTask *task = outlay_document_get_task_by_id (self,
                                                         outlay_time_entry_get_task_id (entry));
      Op *op;

      if (task == NULL || rates[i] == outlay_time_entry_get_rate (entry))
        continue;
      op = outlay_command_add_op (command, OP_TIME_RECOST);
      op->task = g_object_ref (task);
      op->entry = entry_copy (entry, outlay_time_entry_get_rate (entry),
                              outlay_time_entry_get_rate_source (entry));
      op->entry2 = entry_copy (entry, rates[i], sources[i]);
    }
  return outlay_document_execute (self, command, error);
}
