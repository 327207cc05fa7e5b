/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-line"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-line-private.h"

struct _OutlayLine
{
  GObject        parent_instance;
  gint64         id;
  gint64         import_id;
  OutlaySection *section; /* unowned: the section holds the line */
  char          *texts[OUTLAY_LINE_N_TEXTS];
  OutlayDecimal  decimals[OUTLAY_LINE_N_DECIMALS];
  OutlayDecimal task_actual; /* its tasks' actual cost, kept by the document */
  guint          overridden : 1;
};

/* Field properties come first so that PROP for field f is f + 1. */
enum
{
  PROP_0,
  PROP_FIELD_LAST = OUTLAY_LINE_N_FIELDS,
  PROP_ID,
  PROP_ESTIMATE_OVERRIDDEN,
  PROP_VARIANCE,
  PROP_IMPORT_ID,
  PROP_TASK_ACTUAL,
  PROP_TOTAL_ACTUAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  const char *name;
  const char *title;
  int         text_slot;
  int         decimal_slot;
} FieldInfo;

static const FieldInfo fields[OUTLAY_LINE_N_FIELDS] = {
  [OUTLAY_LINE_CODE]        = { "code", N_("Code"), 0, -1 },
  [OUTLAY_LINE_DESCRIPTION] = { "description", N_("Description"), 1, -1 },
  [OUTLAY_LINE_QUANTITY]    = { "qty", N_("Qty"), -1, 0 },
  [OUTLAY_LINE_UNIT]        = { "unit", N_("Unit"), 2, -1 },
  [OUTLAY_LINE_MULTIPLIER]  = { "multiplier", N_("Days"), -1, 1 },
  [OUTLAY_LINE_RATE]        = { "rate", N_("Rate"), -1, 2 },
  [OUTLAY_LINE_ESTIMATE]    = { "estimate", N_("Estimate"), -1, 3 },
  [OUTLAY_LINE_ACTUAL]      = { "actual", N_("Actual"), -1, 4 },
  [OUTLAY_LINE_COMMITTED]   = { "committed", N_("Committed"), -1, 5 },
  [OUTLAY_LINE_RESERVED]    = { "reserved", N_("Reserved"), -1, 6 },
  [OUTLAY_LINE_NOTES]       = { "notes", N_("Notes"), 3, -1 },
  [OUTLAY_LINE_VENDOR]      = { "vendor", N_("Vendor"), 4, -1 },
  [OUTLAY_LINE_ASSIGNEE]    = { "assignee", N_("Assignee"), 5, -1 },
  [OUTLAY_LINE_DATE]        = { "date", N_("Date"), 6, -1 },
  [OUTLAY_LINE_PERIOD]      = { "period", N_("Period"), 7, -1 },
};

G_DEFINE_FINAL_TYPE (OutlayLine, outlay_line, G_TYPE_OBJECT)

static void
notify_field (OutlayLine *self, OutlayLineField field)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[field + 1]);
  if (field == OUTLAY_LINE_ESTIMATE || field == OUTLAY_LINE_ACTUAL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VARIANCE]);
  if (field == OUTLAY_LINE_ACTUAL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL_ACTUAL]);
}

static void
set_text (OutlayLine *self, OutlayLineField field, const char *text)
{
  int slot = fields[field].text_slot;

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (self->texts[slot], text) == 0)
    return;
  g_free (self->texts[slot]);
  self->texts[slot] = g_strdup (text);
  notify_field (self, field);
}

static void
set_decimal (OutlayLine *self, OutlayLineField field, OutlayDecimal value)
{
  int slot = fields[field].decimal_slot;

  if (self->decimals[slot] == value)
    return;
  self->decimals[slot] = value;
  notify_field (self, field);
}

static void
outlay_line_finalize (GObject *object)
{
  OutlayLine *self = OUTLAY_LINE (object);

  for (guint i = 0; i < OUTLAY_LINE_N_TEXTS; i++)
    g_free (self->texts[i]);
  G_OBJECT_CLASS (outlay_line_parent_class)->finalize (object);
}

static void
outlay_line_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OutlayLine *self = OUTLAY_LINE (object);

  if (prop_id >= 1 && prop_id <= OUTLAY_LINE_N_FIELDS)
    {
      OutlayLineField field = prop_id - 1;

      if (outlay_line_field_is_decimal (field))
        g_value_set_int64 (value, outlay_line_get_decimal (self, field));
      else
        g_value_set_string (value, outlay_line_get_text (self, field));
      return;
    }
  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ESTIMATE_OVERRIDDEN:
      g_value_set_boolean (value, self->overridden);
      break;
    case PROP_VARIANCE:
      g_value_set_int64 (value, outlay_line_get_variance (self));
      break;
    case PROP_IMPORT_ID:
      g_value_set_int64 (value, self->import_id);
      break;
    case PROP_TASK_ACTUAL:
      g_value_set_int64 (value, self->task_actual);
      break;
    case PROP_TOTAL_ACTUAL:
      g_value_set_int64 (value, outlay_line_get_total_actual (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_line_class_init (OutlayLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  /* Read-only: a line changes through OutlayDocument, which keeps the
   * totals, the undo history and the database in step. */
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = outlay_line_finalize;
  object_class->get_property = outlay_line_get_property;

  for (guint f = 0; f < OUTLAY_LINE_N_FIELDS; f++)
    {
      if (fields[f].decimal_slot >= 0)
        properties[f + 1] = g_param_spec_int64 (fields[f].name, NULL, NULL,
                                                OUTLAY_DECIMAL_MIN, OUTLAY_DECIMAL_MAX,
                                                f == OUTLAY_LINE_QUANTITY || f == OUTLAY_LINE_MULTIPLIER
                                                  ? OUTLAY_DECIMAL_ONE : 0,
                                                flags);
      else
        properties[f + 1] = g_param_spec_string (fields[f].name, NULL, NULL, NULL, flags);
    }
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ESTIMATE_OVERRIDDEN] =
    g_param_spec_boolean ("estimate-overridden", NULL, NULL, FALSE, flags);
  properties[PROP_VARIANCE] =
    g_param_spec_int64 ("variance", NULL, NULL, OUTLAY_DECIMAL_MIN, OUTLAY_DECIMAL_MAX, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_IMPORT_ID] =
    g_param_spec_int64 ("import-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TASK_ACTUAL] = g_param_spec_int64 ("task-actual", NULL, NULL, OUTLAY_DECIMAL_MIN,
                                                     OUTLAY_DECIMAL_MAX, 0, flags);
  properties[PROP_TOTAL_ACTUAL] = g_param_spec_int64 (
      "total-actual", NULL, NULL, OUTLAY_DECIMAL_MIN, OUTLAY_DECIMAL_MAX, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
outlay_line_init (OutlayLine *self)
{
  self->decimals[fields[OUTLAY_LINE_QUANTITY].decimal_slot] = OUTLAY_DECIMAL_ONE;
  self->decimals[fields[OUTLAY_LINE_MULTIPLIER].decimal_slot] = OUTLAY_DECIMAL_ONE;
}

/**
 * outlay_line_new:
 *
 * Creates a line with quantity and multiplier 1 and everything else empty.
 * Lines are edited through #OutlayDocument so that totals, undo and the
 * database stay in step.
 *
 * Returns: (transfer full): a new line
 */
OutlayLine *
outlay_line_new (void)
{
  return g_object_new (OUTLAY_TYPE_LINE, NULL);
}

/**
 * outlay_line_new_with_code:
 * @code: the new line's code
 *
 * Returns: (transfer full): an empty line with a code, for
 *   outlay_document_insert_line()
 */
OutlayLine *
outlay_line_new_with_code (const char *code)
{
  OutlayLine *self = outlay_line_new ();
  int slot = outlay_line_text_slot (OUTLAY_LINE_CODE);

  g_free (self->texts[slot]);
  self->texts[slot] = g_strdup (code != NULL ? code : "");
  return self;
}

gint64
outlay_line_get_id (OutlayLine *self)
{
  g_return_val_if_fail (OUTLAY_IS_LINE (self), 0);
  return self->id;
}

/**
 * outlay_line_get_section:
 * @self: a line
 *
 * Returns: (transfer none) (nullable): the section holding the line in its
 *   document
 */
OutlaySection *
outlay_line_get_section (OutlayLine *self)
{
  g_return_val_if_fail (OUTLAY_IS_LINE (self), NULL);
  return self->section;
}

void
outlay_line_set_section (OutlayLine    *self,
                         OutlaySection *section)
{
  self->section = section;
}

gint64
outlay_line_get_import_id (OutlayLine *self)
{
  g_return_val_if_fail (OUTLAY_IS_LINE (self), 0);
  return self->import_id;
}

/**
 * outlay_line_get_text:
 * @self: a line
 * @field: a text field (code, description, unit, notes)
 *
 * Returns: the text, "" when empty
 */
const char *
outlay_line_get_text (OutlayLine      *self,
                      OutlayLineField  field)
{
  const char *t;

  g_return_val_if_fail (OUTLAY_IS_LINE (self), "");
  g_return_val_if_fail (field < OUTLAY_LINE_N_FIELDS && fields[field].text_slot >= 0, "");
  t = self->texts[fields[field].text_slot];
  return t != NULL ? t : "";
}

/**
 * outlay_line_get_decimal:
 * @self: a line
 * @field: a numeric field
 *
 * Returns: the value
 */
OutlayDecimal
outlay_line_get_decimal (OutlayLine      *self,
                         OutlayLineField  field)
{
  g_return_val_if_fail (OUTLAY_IS_LINE (self), 0);
  g_return_val_if_fail (field < OUTLAY_LINE_N_FIELDS && fields[field].decimal_slot >= 0, 0);
  return self->decimals[fields[field].decimal_slot];
}

const char *outlay_line_get_code (OutlayLine *self) { return outlay_line_get_text (self, OUTLAY_LINE_CODE); }
const char *outlay_line_get_description (OutlayLine *self) { return outlay_line_get_text (self, OUTLAY_LINE_DESCRIPTION); }
const char *outlay_line_get_unit (OutlayLine *self) { return outlay_line_get_text (self, OUTLAY_LINE_UNIT); }
const char *outlay_line_get_notes (OutlayLine *self) { return outlay_line_get_text (self, OUTLAY_LINE_NOTES); }
OutlayDecimal outlay_line_get_quantity (OutlayLine *self) { return outlay_line_get_decimal (self, OUTLAY_LINE_QUANTITY); }
OutlayDecimal outlay_line_get_multiplier (OutlayLine *self) { return outlay_line_get_decimal (self, OUTLAY_LINE_MULTIPLIER); }
OutlayDecimal outlay_line_get_rate (OutlayLine *self) { return outlay_line_get_decimal (self, OUTLAY_LINE_RATE); }
OutlayDecimal outlay_line_get_estimate (OutlayLine *self) { return outlay_line_get_decimal (self, OUTLAY_LINE_ESTIMATE); }
OutlayDecimal outlay_line_get_actual (OutlayLine *self) { return outlay_line_get_decimal (self, OUTLAY_LINE_ACTUAL); }
OutlayDecimal outlay_line_get_committed (OutlayLine *self) { return outlay_line_get_decimal (self, OUTLAY_LINE_COMMITTED); }
OutlayDecimal outlay_line_get_reserved (OutlayLine *self) { return outlay_line_get_decimal (self, OUTLAY_LINE_RESERVED); }

/**
 * outlay_line_get_variance:
 * @self: a line
 *
 * Returns: estimate − actual (negative when over budget)
 */
OutlayDecimal
outlay_line_get_variance (OutlayLine *self)
{
  OutlayDecimal v;

  if (!outlay_decimal_sub (outlay_line_get_estimate (self), outlay_line_get_total_actual (self),
                           &v))
    v = outlay_line_get_estimate (self) > 0 ? OUTLAY_DECIMAL_MAX : OUTLAY_DECIMAL_MIN;
  return v;
}

/**
 * outlay_line_get_available:
 * @self: a line
 *
 * Returns: its estimate less actual (its tasks' included), committed and
 *   reserved: what is left to spend on it (saturated on overflow)
 */
OutlayDecimal
outlay_line_get_available (OutlayLine *self)
{
  OutlayDecimal v;

  g_return_val_if_fail (OUTLAY_IS_LINE (self), 0);
  if (!outlay_decimal_sub (outlay_line_get_estimate (self), outlay_line_get_total_actual (self), &v)
      || !outlay_decimal_sub (v, outlay_line_get_committed (self), &v)
      || !outlay_decimal_sub (v, outlay_line_get_reserved (self), &v))
    v = OUTLAY_DECIMAL_MIN;
  return v;
}

/**
 * outlay_line_get_estimate_overridden:
 * @self: a line
 *
 * Returns: %TRUE when the estimate was typed rather than computed as
 *   quantity × multiplier × rate
 */
gboolean
outlay_line_get_estimate_overridden (OutlayLine *self)
{
  g_return_val_if_fail (OUTLAY_IS_LINE (self), FALSE);
  return self->overridden;
}

gboolean
outlay_line_field_is_decimal (OutlayLineField field)
{
  g_return_val_if_fail (field < OUTLAY_LINE_N_FIELDS, FALSE);
  return fields[field].decimal_slot >= 0;
}

/**
 * outlay_line_field_name:
 * @field: a field
 *
 * Returns: the field's name in JSON, on the command line and as property
 */
const char *
outlay_line_field_name (OutlayLineField field)
{
  g_return_val_if_fail (field < OUTLAY_LINE_N_FIELDS, NULL);
  return fields[field].name;
}

/**
 * outlay_line_field_title:
 * @field: a field
 *
 * Returns: the translated column title
 */
const char *
outlay_line_field_title (OutlayLineField field)
{
  g_return_val_if_fail (field < OUTLAY_LINE_N_FIELDS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, fields[field].title);
}

/**
 * outlay_line_field_from_name:
 * @name: "qty", "rate", … (case-insensitive; "quantity" works too)
 * @field: (out): the field
 *
 * Returns: %TRUE if @name names a field
 */
gboolean
outlay_line_field_from_name (const char      *name,
                             OutlayLineField *field)
{
  g_return_val_if_fail (name != NULL, FALSE);
  if (g_ascii_strcasecmp (name, "quantity") == 0)
    name = "qty";
  for (guint f = 0; f < OUTLAY_LINE_N_FIELDS; f++)
    if (g_ascii_strcasecmp (fields[f].name, name) == 0)
      {
        *field = f;
        return TRUE;
      }
  return FALSE;
}

/* ---- private API ---- */

int
outlay_line_text_slot (OutlayLineField field)
{
  return fields[field].text_slot;
}

int
outlay_line_decimal_slot (OutlayLineField field)
{
  return fields[field].decimal_slot;
}

void
outlay_line_set_id (OutlayLine *self,
                    gint64      id)
{
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
outlay_line_set_import_id (OutlayLine *self,
                           gint64      import_id)
{
  if (self->import_id == import_id)
    return;
  self->import_id = import_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORT_ID]);
}

void
outlay_line_load_text (OutlayLine      *self,
                       OutlayLineField  field,
                       const char      *text)
{
  outlay_line_take_text (self, field, (text != NULL && *text != '\0') ? g_strdup (text) : NULL);
}

void
outlay_line_take_text (OutlayLine      *self,
                       OutlayLineField  field,
                       char            *text)
{
  int slot = fields[field].text_slot;

  g_assert (slot >= 0);
  g_free (self->texts[slot]);
  self->texts[slot] = text;
}

void
outlay_line_load_decimal (OutlayLine      *self,
                          OutlayLineField  field,
                          OutlayDecimal    value)
{
  g_assert (fields[field].decimal_slot >= 0);
  self->decimals[fields[field].decimal_slot] = value;
}

void
outlay_line_load_overridden (OutlayLine *self,
                             gboolean    overridden)
{
  self->overridden = !!overridden;
}

/**
 * outlay_line_compute_estimate:
 * @self: a line
 * @out: (out): quantity × multiplier × rate
 *
 * Returns: %FALSE on overflow
 */
gboolean
outlay_line_compute_estimate (OutlayLine    *self,
                              OutlayDecimal *out)
{
  OutlayDecimal qm;

  return outlay_decimal_mul (outlay_line_get_quantity (self), outlay_line_get_multiplier (self), &qm)
         && outlay_decimal_mul (qm, outlay_line_get_rate (self), out);
}

void
outlay_line_state_clear (OutlayLineState *state)
{
  for (guint i = 0; i < OUTLAY_LINE_N_TEXTS; i++)
    g_clear_pointer (&state->texts[i], g_free);
}

void
outlay_line_save_state (OutlayLine      *self,
                        OutlayLineState *state)
{
  for (guint i = 0; i < OUTLAY_LINE_N_TEXTS; i++)
    state->texts[i] = g_strdup (self->texts[i]);
  memcpy (state->decimals, self->decimals, sizeof state->decimals);
  state->overridden = self->overridden;
}

/* Applies @state, notifying only the properties that really change. */
void
outlay_line_restore_state (OutlayLine            *self,
                           const OutlayLineState *state)
{
  g_object_freeze_notify (G_OBJECT (self));
  for (guint f = 0; f < OUTLAY_LINE_N_FIELDS; f++)
    {
      if (fields[f].text_slot >= 0)
        set_text (self, f, state->texts[fields[f].text_slot]);
      else
        set_decimal (self, f, state->decimals[fields[f].decimal_slot]);
    }
  if (self->overridden != state->overridden)
    {
      self->overridden = state->overridden;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ESTIMATE_OVERRIDDEN]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
outlay_line_state_equal (const OutlayLineState *a,
                         const OutlayLineState *b)
{
  for (guint i = 0; i < OUTLAY_LINE_N_TEXTS; i++)
    if (g_strcmp0 (a->texts[i], b->texts[i]) != 0)
      return FALSE;
  return memcmp (a->decimals, b->decimals, sizeof a->decimals) == 0
         && a->overridden == b->overridden;
}

/**
 * outlay_line_get_task_actual:
 * @self: a line
 *
 * Returns: the actual cost of the tasks that charge this line (their
 *   logged time and resource costs)
 */
OutlayDecimal
outlay_line_get_task_actual (OutlayLine *self)
{
  g_return_val_if_fail (OUTLAY_IS_LINE (self), 0);
  return self->task_actual;
}

/**
 * outlay_line_get_total_actual:
 * @self: a line
 *
 * Returns: the typed actual plus its tasks' actual cost; what the
 *   section and budget totals add up
 */
OutlayDecimal
outlay_line_get_total_actual (OutlayLine *self)
{
  OutlayDecimal v;

  g_return_val_if_fail (OUTLAY_IS_LINE (self), 0);
  /* the document refuses a change that would overflow, so this fits */
  if (!outlay_decimal_add (outlay_line_get_actual (self), self->task_actual, &v))
    v = self->task_actual > 0 ? OUTLAY_DECIMAL_MAX : OUTLAY_DECIMAL_MIN;
  return v;
}

void
outlay_line_set_task_actual (OutlayLine *self, OutlayDecimal value)
{
  g_return_if_fail (OUTLAY_IS_LINE (self));
  if (self->task_actual == value)
    return;
  self->task_actual = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TASK_ACTUAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL_ACTUAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VARIANCE]);
}
