/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-model"

/* A line's phasing over the budget's periods, the budget's period
 * settings and the snapshots a closed period keeps: plain data the
 * document holds and the store writes. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "outlay-line-phasing.h"

G_DEFINE_BOXED_TYPE (OutlayLinePhasing,
                     outlay_line_phasing,
                     outlay_line_phasing_copy,
                     outlay_line_phasing_free)

/**
 * outlay_line_phasing_new:
 * @method: how the estimate is spread
 * @weights: (array length=n_weights) (nullable): one per period
 * @n_weights: how many
 *
 * Returns: (transfer full): a phasing; free with outlay_line_phasing_free()
 */
OutlayLinePhasing *
outlay_line_phasing_new (OutlayPhasingMethod method, const OutlayDecimal *weights, guint n_weights)
{
  OutlayLinePhasing *self = g_new0 (OutlayLinePhasing, 1);

  self->method = method;
  self->n_weights = weights != NULL ? n_weights : 0;
  self->weights = self->n_weights > 0 ? g_memdup2 (weights, sizeof *weights * n_weights) : NULL;
  return self;
}

OutlayLinePhasing *
outlay_line_phasing_copy (const OutlayLinePhasing *self)
{
  OutlayLinePhasing *copy;

  if (self == NULL)
    return NULL;
  copy = outlay_line_phasing_new (self->method, self->weights, self->n_weights);
  outlay_line_phasing_set_actuals (copy, self->actuals, self->n_actuals);
  copy->source = g_strdup (self->source);
  return copy;
}

void
outlay_line_phasing_free (OutlayLinePhasing *self)
{
  if (self == NULL)
    return;
  g_free (self->weights);
  g_free (self->actuals);
  g_free (self->source);
  g_free (self);
}

static gboolean
same_values (const OutlayDecimal *a, guint na, const OutlayDecimal *b, guint nb)
{
  return na == nb && (na == 0 || memcmp (a, b, sizeof *a * na) == 0);
}

/* Whether @a and @b spread and record the same; %NULL is "even, nothing
 * recorded". */
gboolean
outlay_line_phasing_equal (const OutlayLinePhasing *a, const OutlayLinePhasing *b)
{
  static const OutlayLinePhasing even = { 0 };

  if (a == NULL)
    a = &even;
  if (b == NULL)
    b = &even;
  return a->method == b->method && same_values (a->weights, a->n_weights, b->weights, b->n_weights)
         && same_values (a->actuals, a->n_actuals, b->actuals, b->n_actuals)
         && g_strcmp0 (a->source, b->source) == 0;
}

void
outlay_line_phasing_set_actuals (OutlayLinePhasing *self,
                                 const OutlayDecimal *actuals,
                                 guint n_actuals)
{
  g_return_if_fail (self != NULL);
  g_clear_pointer (&self->actuals, g_free);
  self->n_actuals = actuals != NULL ? n_actuals : 0;
  if (self->n_actuals > 0)
    self->actuals = g_memdup2 (actuals, sizeof *actuals * n_actuals);
}

void
outlay_line_phasing_set_source (OutlayLinePhasing *self, const char *source)
{
  g_return_if_fail (self != NULL);
  g_free (self->source);
  self->source = source != NULL && *source != '\0' ? g_strdup (source) : NULL;
}

char *
outlay_decimals_to_text (const OutlayDecimal *values, guint n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, i == 0 ? "%" G_GINT64_FORMAT : " %" G_GINT64_FORMAT, values[i]);
  return g_string_free (s, FALSE);
}

/* Reads outlay_decimals_to_text()'s form; "" is no values. */
gboolean
outlay_decimals_from_text (const char *text, OutlayDecimal **values, guint *n)
{
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (OutlayDecimal));
  const char *p = text != NULL ? text : "";

  while (*p != '\0')
    {
      char *end;
      gint64 v;

      while (*p == ' ')
        p++;
      if (*p == '\0')
        break;
      v = g_ascii_strtoll (p, &end, 10);
      if (end == p || (*end != ' ' && *end != '\0'))
        return FALSE;
      g_array_append_val (out, v);
      p = end;
    }
  *n = out->len;
  *values = out->len > 0 ? (OutlayDecimal *) g_array_free (g_steal_pointer (&out), FALSE) : NULL;
  return TRUE;
}

/* ---- period settings ---- */

void
outlay_period_settings_init (OutlayPeriodSettings *self)
{
  self->kind = OUTLAY_PERIOD_KIND_MONTH;
  self->run_rate_periods = 3;
  self->methods = g_hash_table_new (NULL, NULL);
}

void
outlay_period_settings_copy (OutlayPeriodSettings *dest, const OutlayPeriodSettings *src)
{
  GHashTableIter iter;
  gpointer key, value;

  dest->kind = src->kind;
  dest->run_rate_periods = src->run_rate_periods;
  dest->methods = g_hash_table_new (NULL, NULL);
  g_hash_table_iter_init (&iter, src->methods);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (dest->methods, key, value);
}

void
outlay_period_settings_clear (OutlayPeriodSettings *self)
{
  g_clear_pointer (&self->methods, g_hash_table_unref);
}

/* ---- snapshots ---- */

OutlayForecastSnapshot *
outlay_forecast_snapshot_new (guint closed, const char *period)
{
  OutlayForecastSnapshot *self = g_new0 (OutlayForecastSnapshot, 1);

  self->closed = closed;
  self->period = g_strdup (period);
  self->created = g_get_real_time () / G_USEC_PER_SEC;
  self->values = g_array_new (FALSE, FALSE, sizeof (OutlaySnapshotValue));
  return self;
}

void
outlay_forecast_snapshot_free (OutlayForecastSnapshot *self)
{
  if (self == NULL)
    return;
  g_free (self->period);
  g_array_unref (self->values);
  g_free (self);
}

void
outlay_forecast_snapshot_add (OutlayForecastSnapshot *self,
                              gint64 section_id,
                              guint period,
                              OutlayDecimal amount)
{
  OutlaySnapshotValue v = { section_id, period, amount };

  g_array_append_val (self->values, v);
}

gboolean
outlay_forecast_snapshot_lookup (const OutlayForecastSnapshot *self,
                                 gint64 section_id,
                                 guint period,
                                 OutlayDecimal *amount)
{
  for (guint i = 0; i < self->values->len; i++)
    {
      const OutlaySnapshotValue *v = &g_array_index (self->values, OutlaySnapshotValue, i);

      if (v->section_id == section_id && v->period == period)
        {
          *amount = v->amount;
          return TRUE;
        }
    }
  return FALSE;
}
