/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-document"

/* Phasing on OutlayDocument: each line's spread over the budget's periods,
 * the period settings (months or quarters, each section's forecast method)
 * and the closed periods with their forecast snapshots.  A phasing or
 * settings change is a command like any edit (undo, one transaction);
 * closing a period is not undone: its snapshot is kept as it was. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-document-phasing.h"
#include "outlay-document-private.h"
#include "outlay-error.h"

struct _OutlayDocumentPhasing
{
  GHashTable *lines; /* OutlayLine (ref) → OutlayLinePhasing */
  OutlayPeriodSettings settings;
  guint closed;
  GPtrArray *snapshots; /* OutlayForecastSnapshot, oldest first */
};

static guint phasing_changed_signal;
static guint periods_changed_signal;

#define SINK_OF(self) OUTLAY_DOCUMENT_SINK_GET_IFACE (outlay_document_get_sink (self))

OutlayDocumentPhasing *
outlay_document_phasing_new (void)
{
  OutlayDocumentPhasing *p = g_new0 (OutlayDocumentPhasing, 1);

  p->lines = g_hash_table_new_full (NULL, NULL, g_object_unref,
                                    (GDestroyNotify) outlay_line_phasing_free);
  outlay_period_settings_init (&p->settings);
  p->snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_forecast_snapshot_free);
  return p;
}

void
outlay_document_phasing_free (OutlayDocumentPhasing *p)
{
  if (p == NULL)
    return;
  g_hash_table_unref (p->lines);
  outlay_period_settings_clear (&p->settings);
  g_ptr_array_unref (p->snapshots);
  g_free (p);
}

void
outlay_document_phasing_class_init (GObjectClass *klass)
{
  /**
   * OutlayDocument::phasing-changed:
   * @line: the line whose phasing changed
   */
  phasing_changed_signal = g_signal_new ("phasing-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                         OUTLAY_TYPE_LINE);
  /**
   * OutlayDocument::periods-changed:
   *
   * The period settings changed, or a period was closed.
   */
  periods_changed_signal = g_signal_new ("periods-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static OutlayDocumentPhasing *
data (OutlayDocument *self)
{
  return outlay_document_get_phasing_data (self);
}

static void
put (OutlayDocument *self, OutlayLine *line, const OutlayLinePhasing *phasing)
{
  if (phasing == NULL)
    g_hash_table_remove (data (self)->lines, line);
  else
    g_hash_table_replace (data (self)->lines, g_object_ref (line),
                          outlay_line_phasing_copy (phasing));
}

static gboolean
prim_phasing (OutlayDocument *self, OutlayLine *line, const OutlayLinePhasing *to, GError **error)
{
  OutlayDocumentSink *sink = outlay_document_get_sink (self);
  g_autoptr(OutlayLinePhasing)
                 old = outlay_line_phasing_copy (g_hash_table_lookup (data (self)->lines, line));

  put (self, line, to);
  if (sink != NULL && SINK_OF (self)->line_phasing_changed != NULL
      && !SINK_OF (self)->line_phasing_changed (sink, self, line, to, error))
    {
      put (self, line, old);
      return FALSE;
    }
  g_signal_emit (self, phasing_changed_signal, 0, line);
  return TRUE;
}

static gboolean
prim_settings (OutlayDocument *self, const OutlayPeriodSettings *to, GError **error)
{
  OutlayDocumentSink *sink = outlay_document_get_sink (self);
  OutlayPeriodSettings old;

  outlay_period_settings_copy (&old, &data (self)->settings);
  outlay_period_settings_clear (&data (self)->settings);
  outlay_period_settings_copy (&data (self)->settings, to);
  if (sink != NULL && SINK_OF (self)->period_settings_changed != NULL
      && !SINK_OF (self)->period_settings_changed (sink, self, error))
    {
      outlay_period_settings_clear (&data (self)->settings);
      data (self)->settings = old;
      return FALSE;
    }
  outlay_period_settings_clear (&old);
  g_signal_emit (self, periods_changed_signal, 0);
  return TRUE;
}

gboolean
outlay_document_apply_phasing_op (OutlayDocument *self, Op *op, gboolean forward, GError **error)
{
  switch (op->kind)
    {
      case OP_LINE_PHASING:
        return prim_phasing (self, op->line, forward ? op->pafter : op->pbefore, error);
      case OP_PERIOD_SETTINGS:
        return prim_settings (self, forward ? &op->set_after : &op->set_before, error);
      default:
        g_assert_not_reached ();
    }
}

/* ---- public API ---- */

/**
 * outlay_document_get_line_phasing:
 * @self: a document
 * @line: one of its lines
 *
 * Returns: (transfer none) (nullable): @line's phasing; %NULL when it is
 *   spread evenly
 */
const OutlayLinePhasing *
outlay_document_get_line_phasing (OutlayDocument *self, OutlayLine *line)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), NULL);
  return g_hash_table_lookup (data (self)->lines, line);
}

/* An even phasing with nothing recorded is stored as none. */
static const OutlayLinePhasing *
normalized (const OutlayLinePhasing *p)
{
  if (p != NULL && p->method == OUTLAY_PHASING_METHOD_EVEN && p->n_actuals == 0)
    return NULL;
  return p;
}

/**
 * outlay_document_set_phasing:
 * @self: a document
 * @lines: (array length=n): the lines
 * @phasings: (array length=n): each line's new phasing (%NULL: even)
 * @n: how many
 * @label: (nullable): the undo label, "Change Phasing" by default
 * @error: why not: a locked budget, a failed write
 *
 * Changes the phasing of @n lines in one undoable command.  The caller
 * (the engine's outlay_phasing_make()) has checked the weights.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_document_set_phasing (OutlayDocument *self,
                             OutlayLine *const *lines,
                             OutlayLinePhasing *const *phasings,
                             guint n,
                             const char *label,
                             GError **error)
{
  g_autoptr(Command) command = NULL;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  if (!outlay_document_check_writable (self, FALSE, error))
    return FALSE;
  command = outlay_command_new (label != NULL ? label : _("Change Phasing"), FALSE);
  for (guint i = 0; i < n; i++)
    {
      const OutlayLinePhasing *before = g_hash_table_lookup (data (self)->lines, lines[i]);
      const OutlayLinePhasing *after = normalized (phasings[i]);
      Op *op;

      g_return_val_if_fail (outlay_line_get_section (lines[i]) != NULL, FALSE);
      if (outlay_line_phasing_equal (before, after))
        continue;
      op = outlay_command_add_op (command, OP_LINE_PHASING);
      op->line = g_object_ref (lines[i]);
      op->pbefore = outlay_line_phasing_copy (before);
      op->pafter = outlay_line_phasing_copy (after);
    }
  return outlay_document_execute (self, g_steal_pointer (&command), error);
}

/**
 * outlay_document_get_period_settings:
 * @self: a document
 *
 * Returns: (transfer none): months or quarters, the run rate's periods
 *   and each section's forecast method
 */
const OutlayPeriodSettings *
outlay_document_get_period_settings (OutlayDocument *self)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), NULL);
  return &data (self)->settings;
}

static gboolean
settings_equal (const OutlayPeriodSettings *a, const OutlayPeriodSettings *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (a->kind != b->kind || a->run_rate_periods != b->run_rate_periods
      || g_hash_table_size (a->methods) != g_hash_table_size (b->methods))
    return FALSE;
  g_hash_table_iter_init (&iter, a->methods);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_hash_table_lookup (b->methods, key) != value)
      return FALSE;
  return TRUE;
}

/**
 * outlay_document_set_period_settings:
 * @self: a document
 * @settings: the new settings
 * @lines: (array length=n) (nullable): lines whose phasing changes with
 *   them (months to quarters)
 * @phasings: (array length=n) (nullable): their new phasing
 * @n: how many
 * @error: why not: periods already closed (months and quarters cannot
 *   change then), a locked budget, a failed write
 *
 * Returns: %TRUE on success; one undoable command
 */
gboolean
outlay_document_set_period_settings (OutlayDocument *self,
                                     const OutlayPeriodSettings *settings,
                                     OutlayLine *const *lines,
                                     OutlayLinePhasing *const *phasings,
                                     guint n,
                                     GError **error)
{
  g_autoptr(Command) command = NULL;
  Op *op;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (settings != NULL && settings->methods != NULL, FALSE);
  if (settings_equal (settings, &data (self)->settings) && n == 0)
    return TRUE;
  if (settings->kind != data (self)->settings.kind && data (self)->closed > 0)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("“%s” has closed periods, so its periods stay %s"),
                      outlay_budget_get_name (outlay_document_get_budget (self)),
                      data (self)->settings.kind == OUTLAY_PERIOD_KIND_MONTH ? _("months")
                                                                             : _("quarters"));
      return FALSE;
    }
  if (settings->run_rate_periods < 1)
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("The run rate needs at least one closed period"));
      return FALSE;
    }
  command = outlay_command_new (_("Change Periods"), FALSE);
  op = outlay_command_add_op (command, OP_PERIOD_SETTINGS);
  outlay_period_settings_copy (&op->set_before, &data (self)->settings);
  outlay_period_settings_copy (&op->set_after, settings);
  for (guint i = 0; i < n; i++)
    {
      op = outlay_command_add_op (command, OP_LINE_PHASING);
      op->line = g_object_ref (lines[i]);
      op->pbefore = outlay_line_phasing_copy (g_hash_table_lookup (data (self)->lines, lines[i]));
      op->pafter = outlay_line_phasing_copy (normalized (phasings[i]));
    }
  return outlay_document_execute (self, g_steal_pointer (&command), error);
}

/**
 * outlay_document_get_forecast_method:
 * @self: a document
 * @section: one of its sections
 *
 * Returns: how @section's open periods are forecast
 */
OutlayForecastMethod
outlay_document_get_forecast_method (OutlayDocument *self, OutlaySection *section)
{
  guint stored;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), OUTLAY_FORECAST_METHOD_REMAINING);
  stored = GPOINTER_TO_UINT (g_hash_table_lookup (data (self)->settings.methods, section));
  return stored == 0 ? OUTLAY_FORECAST_METHOD_REMAINING : (OutlayForecastMethod) (stored - 1);
}

/**
 * outlay_document_get_closed_periods:
 * @self: a document
 *
 * Returns: how many periods are closed, from the first: the freeze line
 *   is after period number this (0: none closed)
 */
guint
outlay_document_get_closed_periods (OutlayDocument *self)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), 0);
  return data (self)->closed;
}

guint
outlay_document_get_n_snapshots (OutlayDocument *self)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), 0);
  return data (self)->snapshots->len;
}

/**
 * outlay_document_get_snapshot:
 * @self: a document
 * @index: which, oldest first
 *
 * Returns: (transfer none): the forecast kept when a period was closed
 */
const OutlayForecastSnapshot *
outlay_document_get_snapshot (OutlayDocument *self, guint index)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < data (self)->snapshots->len, NULL);
  return g_ptr_array_index (data (self)->snapshots, index);
}

/**
 * outlay_document_find_snapshot:
 * @self: a document
 * @closed: the closed-period count it was taken at
 *
 * Returns: (transfer none) (nullable): the snapshot taken when period
 *   @closed − 1 was closed
 */
const OutlayForecastSnapshot *
outlay_document_find_snapshot (OutlayDocument *self, guint closed)
{
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), NULL);
  for (guint i = 0; i < data (self)->snapshots->len; i++)
    {
      const OutlayForecastSnapshot *s = g_ptr_array_index (data (self)->snapshots, i);

      if (s->closed == closed)
        return s;
    }
  return NULL;
}

/**
 * outlay_document_close_period:
 * @self: a document
 * @snapshot: (transfer full): the forecast as it stands, its @closed one
 *   more than outlay_document_get_closed_periods()
 * @error: why not: a saved version, a failed write
 *
 * Moves the freeze line one period on and keeps @snapshot.  Not undoable:
 * what was forecast when a period closed stays as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_document_close_period (OutlayDocument *self,
                              OutlayForecastSnapshot *snapshot,
                              GError **error)
{
  g_autoptr(OutlayForecastSnapshot) owned = snapshot;
  OutlayDocumentSink *sink;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);
  g_return_val_if_fail (snapshot->closed == data (self)->closed + 1, FALSE);
  /* a locked budget still closes its periods: that records, not edits */
  if (!outlay_document_check_writable (self, TRUE, error))
    return FALSE;
  sink = outlay_document_get_sink (self);
  if (sink != NULL && SINK_OF (self)->period_closed != NULL)
    {
      if (!SINK_OF (self)->begin (sink, self, _("Close Period"), error))
        return FALSE;
      if (!SINK_OF (self)->period_closed (sink, self, snapshot, error)
          || !SINK_OF (self)->commit (sink, self, error))
        {
          SINK_OF (self)->rollback (sink, self);
          return FALSE;
        }
    }
  data (self)->closed = snapshot->closed;
  g_ptr_array_add (data (self)->snapshots, g_steal_pointer (&owned));
  g_signal_emit (self, periods_changed_signal, 0);
  return TRUE;
}

/* ---- loading ---- */

void
outlay_document_load_phasing (OutlayDocument *self, OutlayLine *line, OutlayLinePhasing *phasing)
{
  g_hash_table_replace (data (self)->lines, g_object_ref (line), phasing);
}

void
outlay_document_load_periods (OutlayDocument *self,
                              const OutlayPeriodSettings *settings,
                              guint closed)
{
  outlay_period_settings_clear (&data (self)->settings);
  outlay_period_settings_copy (&data (self)->settings, settings);
  data (self)->closed = closed;
}

void
outlay_document_load_snapshot (OutlayDocument *self, OutlayForecastSnapshot *snapshot)
{
  g_ptr_array_add (data (self)->snapshots, snapshot);
}
