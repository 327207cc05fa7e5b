/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-section"

#include "config.h"

#include <string.h>

#include "outlay-model-property.h"
#include "outlay-section-private.h"

struct _OutlaySection
{
  GObject       parent_instance;
  gint64        id;
  gint64        parent_id;
  char         *code;
  char         *name;
  OutlayDecimal fringe;
  GPtrArray    *lines;
  OutlayTotals  totals;
  OutlayTotals held; /* commitments on the section as a whole */
};

enum
{
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_FRINGE,
  PROP_PARENT_ID,
  PROP_N_LINES,
  PROP_ESTIMATE,
  PROP_ACTUAL,
  PROP_COMMITTED,
  PROP_VARIANCE,
  PROP_FRINGE_AMOUNT,
  PROP_RESERVED,
  PROP_AVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OutlaySection, outlay_section, G_TYPE_OBJECT)

/* The stored properties; the rest are read-only sums kept by the document. */
static const OutlayModelField fields[] = {
  OUTLAY_MODEL_INT64 (PROP_ID, OutlaySection, id),
  OUTLAY_MODEL_STRING (PROP_CODE, OutlaySection, code),
  OUTLAY_MODEL_STRING (PROP_NAME, OutlaySection, name),
  OUTLAY_MODEL_INT64 (PROP_FRINGE, OutlaySection, fringe),
  OUTLAY_MODEL_INT64 (PROP_PARENT_ID, OutlaySection, parent_id),
};

OutlayDecimal
outlay_totals_get_variance (const OutlayTotals *totals)
{
  OutlayDecimal v;

  if (!outlay_decimal_sub (totals->estimate, totals->actual, &v))
    v = totals->estimate > 0 ? OUTLAY_DECIMAL_MAX : OUTLAY_DECIMAL_MIN;
  return v;
}

/**
 * outlay_totals_get_spent:
 * @totals: sums
 *
 * Returns: what is spent against a budget: actual plus committed (the
 *   thresholds are measured on it), saturated on overflow
 */
OutlayDecimal
outlay_totals_get_spent (const OutlayTotals *totals)
{
  OutlayDecimal v;

  if (!outlay_decimal_add (totals->actual, totals->committed, &v))
    v = totals->actual > 0 ? OUTLAY_DECIMAL_MAX : OUTLAY_DECIMAL_MIN;
  return v;
}

/* The estimate less actual, committed and reserved, saturated. */
static OutlayDecimal
totals_available (const OutlayTotals *t)
{
  OutlayDecimal v;

  if (!outlay_decimal_sub (t->estimate, t->actual, &v) || !outlay_decimal_sub (v, t->committed, &v)
      || !outlay_decimal_sub (v, t->reserved, &v))
    v = OUTLAY_DECIMAL_MIN;
  return v;
}

/**
 * outlay_fringe_amount:
 * @lines_estimate: the sum of a section's line estimates
 * @percent: the section's fringe, 28.0 for 28 %
 * @out: (out): @percent % of @lines_estimate, rounded half away from zero
 *   to four places
 *
 * The one rule for a fringe: a percentage of the sum of the lines (not of
 * each line), rounded once.  Anything that shows section totals (the
 * document, the store's sums, versions, reports) uses it so that every
 * figure equals the detail.
 *
 * Returns: %FALSE on overflow
 */
gboolean
outlay_fringe_amount (OutlayDecimal  lines_estimate,
                      OutlayDecimal  percent,
                      OutlayDecimal *out)
{
  if (percent == 0)
    {
      *out = 0;
      return TRUE;
    }
  return outlay_decimal_percent_of (lines_estimate, percent, out);
}

static void
outlay_section_finalize (GObject *object)
{
  OutlaySection *self = OUTLAY_SECTION (object);

  outlay_model_property_clear_strings (object, fields, G_N_ELEMENTS (fields));
  g_ptr_array_unref (self->lines);
  G_OBJECT_CLASS (outlay_section_parent_class)->finalize (object);
}

static void
outlay_section_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  OutlaySection *self = OUTLAY_SECTION (object);

  if (outlay_model_property_get (object, fields, G_N_ELEMENTS (fields), prop_id, value))
    return;
  switch (prop_id)
    {
    case PROP_N_LINES:
      g_value_set_uint (value, self->lines->len);
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
    case PROP_FRINGE_AMOUNT:
      g_value_set_int64 (value, self->totals.fringe);
      break;
    case PROP_RESERVED:
      g_value_set_int64 (value, self->totals.reserved);
      break;
    case PROP_AVAILABLE:
      g_value_set_int64 (value, totals_available (&self->totals));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_section_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  if (!outlay_model_property_set (object, fields, G_N_ELEMENTS (fields), prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
outlay_section_class_init (OutlaySectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = outlay_section_finalize;
  object_class->get_property = outlay_section_get_property;
  object_class->set_property = outlay_section_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_FRINGE] =
    g_param_spec_int64 ("fringe", NULL, NULL, 0, OUTLAY_DECIMAL_MAX, 0, rw);
  properties[PROP_PARENT_ID] = g_param_spec_int64 ("parent-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_N_LINES] = g_param_spec_uint ("n-lines", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_ESTIMATE] =
    g_param_spec_int64 ("estimate", NULL, NULL, OUTLAY_DECIMAL_MIN, OUTLAY_DECIMAL_MAX, 0, ro);
  properties[PROP_ACTUAL] =
    g_param_spec_int64 ("actual", NULL, NULL, OUTLAY_DECIMAL_MIN, OUTLAY_DECIMAL_MAX, 0, ro);
  properties[PROP_COMMITTED] =
    g_param_spec_int64 ("committed", NULL, NULL, OUTLAY_DECIMAL_MIN, OUTLAY_DECIMAL_MAX, 0, ro);
  properties[PROP_VARIANCE] =
    g_param_spec_int64 ("variance", NULL, NULL, OUTLAY_DECIMAL_MIN, OUTLAY_DECIMAL_MAX, 0, ro);
  /* the fringe part of "estimate": "fringe" % of the lines' estimates */
  properties[PROP_FRINGE_AMOUNT] =
    g_param_spec_int64 ("fringe-amount", NULL, NULL, OUTLAY_DECIMAL_MIN, OUTLAY_DECIMAL_MAX, 0,
                        ro);
  properties[PROP_RESERVED] = g_param_spec_int64 ("reserved", NULL, NULL, OUTLAY_DECIMAL_MIN,
                                                  OUTLAY_DECIMAL_MAX, 0, ro);
  /* estimate − actual − committed − reserved */
  properties[PROP_AVAILABLE] = g_param_spec_int64 ("available", NULL, NULL, OUTLAY_DECIMAL_MIN,
                                                   OUTLAY_DECIMAL_MAX, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
outlay_section_init (OutlaySection *self)
{
  self->lines = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * outlay_section_new:
 * @code: the section code ("A", "6000")
 * @name: the section name
 *
 * Returns: (transfer full): an empty section
 */
OutlaySection *
outlay_section_new (const char *code,
                    const char *name)
{
  return g_object_new (OUTLAY_TYPE_SECTION, "code", code, "name", name, NULL);
}

gint64 outlay_section_get_id (OutlaySection *self) { g_return_val_if_fail (OUTLAY_IS_SECTION (self), 0); return self->id; }
const char *outlay_section_get_code (OutlaySection *self) { g_return_val_if_fail (OUTLAY_IS_SECTION (self), NULL); return self->code ? self->code : ""; }
const char *outlay_section_get_name (OutlaySection *self) { g_return_val_if_fail (OUTLAY_IS_SECTION (self), NULL); return self->name ? self->name : ""; }
OutlayDecimal outlay_section_get_fringe (OutlaySection *self) { g_return_val_if_fail (OUTLAY_IS_SECTION (self), 0); return self->fringe; }
OutlayDecimal outlay_section_get_fringe_amount (OutlaySection *self) { g_return_val_if_fail (OUTLAY_IS_SECTION (self), 0); return self->totals.fringe; }

/**
 * outlay_section_get_lines_estimate:
 * @self: a section
 *
 * Returns: the sum of the lines' estimates, before the fringe
 */
OutlayDecimal
outlay_section_get_lines_estimate (OutlaySection *self)
{
  g_return_val_if_fail (OUTLAY_IS_SECTION (self), 0);
  /* exact: the estimate was made as lines + fringe */
  return self->totals.estimate - self->totals.fringe;
}

gint64 outlay_section_get_parent_id (OutlaySection *self) { g_return_val_if_fail (OUTLAY_IS_SECTION (self), 0); return self->parent_id; }
guint outlay_section_get_n_lines (OutlaySection *self) { g_return_val_if_fail (OUTLAY_IS_SECTION (self), 0); return self->lines->len; }

/**
 * outlay_section_get_line:
 * @self: a section
 * @index: a position below @self
 *
 * Returns: (transfer none): the line at @index
 */
OutlayLine *
outlay_section_get_line (OutlaySection *self,
                         guint          index)
{
  g_return_val_if_fail (OUTLAY_IS_SECTION (self), NULL);
  g_return_val_if_fail (index < self->lines->len, NULL);
  return g_ptr_array_index (self->lines, index);
}

/**
 * outlay_section_find_line:
 * @self: a section
 * @line: a line
 * @index: (out) (optional): its position
 *
 * Returns: %TRUE if @line is in @self
 */
gboolean
outlay_section_find_line (OutlaySection *self,
                          OutlayLine    *line,
                          guint         *index)
{
  g_return_val_if_fail (OUTLAY_IS_SECTION (self), FALSE);
  return g_ptr_array_find (self->lines, line, index);
}

/**
 * outlay_section_get_totals:
 * @self: a section
 *
 * Returns: (transfer none): the sums of the section's lines, its fringe
 *   included in the estimate
 */
const OutlayTotals *
outlay_section_get_totals (OutlaySection *self)
{
  g_return_val_if_fail (OUTLAY_IS_SECTION (self), NULL);
  return &self->totals;
}

void
outlay_section_set_id (OutlaySection *self,
                       gint64         id)
{
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

GPtrArray *
outlay_section_get_lines_array (OutlaySection *self)
{
  return self->lines;
}

void
outlay_section_set_totals (OutlaySection      *self,
                           const OutlayTotals *totals)
{
  OutlayTotals old = self->totals;

  self->totals = *totals;
  if (old.estimate != totals->estimate)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ESTIMATE]);
  if (old.actual != totals->actual)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTUAL]);
  if (old.committed != totals->committed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMMITTED]);
  if (old.estimate != totals->estimate || old.actual != totals->actual)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VARIANCE]);
  if (old.fringe != totals->fringe)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRINGE_AMOUNT]);
  if (old.reserved != totals->reserved)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESERVED]);
  if (totals_available (&old) != totals_available (totals))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}

const OutlayTotals *
outlay_section_get_held (OutlaySection *self)
{
  return &self->held;
}

void
outlay_section_set_held (OutlaySection *self, const OutlayTotals *held)
{
  self->held = *held;
}

void
outlay_section_notify_n_lines (OutlaySection *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_LINES]);
}

void
outlay_section_load (OutlaySection *self,
                     gint64         id,
                     const char    *code,
                     const char    *name,
                     OutlayDecimal  fringe,
                     gint64         parent_id)
{
  self->id = id;
  g_free (self->code);
  self->code = g_strdup (code);
  g_free (self->name);
  self->name = g_strdup (name);
  self->fringe = fringe;
  self->parent_id = parent_id;
}

/* The code's trailing number, and where it starts. */
static gboolean
trailing_number (const char *code, gsize *start, guint64 *number)
{
  gsize len = strlen (code), i = len;

  while (i > 0 && g_ascii_isdigit (code[i - 1]))
    i--;
  if (i == len || len - i > 18)
    return FALSE;
  *start = i;
  *number = g_ascii_strtoull (code + i, NULL, 10);
  return TRUE;
}

/**
 * outlay_section_next_line_code:
 * @self: a section
 *
 * The code a new line of the section gets: one past the highest numbered
 * line code, keeping its prefix ("1.5" → "1.6", "17" → "18"); the
 * section's first line is "<section code>.1".
 *
 * Returns: (transfer full): the next free code
 */
char *
outlay_section_next_line_code (OutlaySection *self)
{
  g_autofree char *prefix = NULL;
  guint64 best = 0;
  gboolean any = FALSE;

  g_return_val_if_fail (OUTLAY_IS_SECTION (self), NULL);
  for (guint i = 0; i < outlay_section_get_n_lines (self); i++)
    {
      const char *code = outlay_line_get_code (outlay_section_get_line (self, i));
      gsize start;
      guint64 number;

      if (!trailing_number (code, &start, &number) || (any && number <= best))
        continue;
      best = number;
      any = TRUE;
      g_free (prefix);
      prefix = g_strndup (code, start);
    }
  if (!any)
    return *self->code != '\0' ? g_strdup_printf ("%s.1", self->code) : g_strdup ("1");
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT, prefix, best + 1);
}

/**
 * outlay_totals_get_roi_cost:
 * @totals: a budget's totals
 * @is_estimate: (out) (optional): set when the estimate stands in for the
 *   cost because nothing is spent or committed yet
 *
 * The cost a return on investment is measured against: what is spent and
 * committed, or the estimate while that is still nothing.
 *
 * Returns: the cost (saturated, never wrapped)
 */
OutlayDecimal
outlay_totals_get_roi_cost (const OutlayTotals *totals, gboolean *is_estimate)
{
  OutlayDecimal spend = outlay_totals_get_spent (totals);

  if (is_estimate != NULL)
    *is_estimate = spend == 0;
  return spend != 0 ? spend : totals->estimate;
}
