/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-commitment"

#include "config.h"

#include "outlay-commitment-private.h"
#include "outlay-model-enum-types.h"
#include "outlay-model-property.h"

struct _OutlayCommitment
{
  GObject                 parent_instance;
  gint64                  id;
  gint64                  budget_id;
  gint64                  line_id;
  char                   *reference;
  char                   *vendor;
  char                   *description;
  OutlayDecimal           amount;
  OutlayCommitmentStatus  status;
  char                   *requested_by;
  char                   *date;
  char                   *expected_date;
  gboolean                auto_approved;
  gint64 section_id;
  OutlayDecimal invoiced;
  /* where it charges, while it is part of a document (not owned) */
  OutlayLine *line;
  OutlaySection *section;
};

enum
{
  PROP_0,
  PROP_ID,
  PROP_BUDGET_ID,
  PROP_LINE_ID,
  PROP_REFERENCE,
  PROP_VENDOR,
  PROP_DESCRIPTION,
  PROP_AMOUNT,
  PROP_STATUS,
  PROP_REQUESTED_BY,
  PROP_DATE,
  PROP_EXPECTED_DATE,
  PROP_AUTO_APPROVED,
  PROP_SECTION_ID,
  PROP_INVOICED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OutlayCommitment, outlay_commitment, G_TYPE_OBJECT)

static const OutlayModelField fields[] = {
  OUTLAY_MODEL_INT64 (PROP_ID, OutlayCommitment, id),
  OUTLAY_MODEL_INT64 (PROP_BUDGET_ID, OutlayCommitment, budget_id),
  OUTLAY_MODEL_INT64 (PROP_LINE_ID, OutlayCommitment, line_id),
  OUTLAY_MODEL_STRING (PROP_REFERENCE, OutlayCommitment, reference),
  OUTLAY_MODEL_STRING (PROP_VENDOR, OutlayCommitment, vendor),
  OUTLAY_MODEL_STRING (PROP_DESCRIPTION, OutlayCommitment, description),
  OUTLAY_MODEL_INT64 (PROP_AMOUNT, OutlayCommitment, amount),
  OUTLAY_MODEL_ENUM (PROP_STATUS, OutlayCommitment, status),
  OUTLAY_MODEL_STRING (PROP_REQUESTED_BY, OutlayCommitment, requested_by),
  OUTLAY_MODEL_STRING (PROP_DATE, OutlayCommitment, date),
  OUTLAY_MODEL_STRING (PROP_EXPECTED_DATE, OutlayCommitment, expected_date),
  OUTLAY_MODEL_BOOLEAN (PROP_AUTO_APPROVED, OutlayCommitment, auto_approved),
  OUTLAY_MODEL_INT64 (PROP_SECTION_ID, OutlayCommitment, section_id),
  OUTLAY_MODEL_INT64 (PROP_INVOICED, OutlayCommitment, invoiced),
};

static void
outlay_commitment_finalize (GObject *object)
{
  outlay_model_property_clear_strings (object, fields, G_N_ELEMENTS (fields));
  G_OBJECT_CLASS (outlay_commitment_parent_class)->finalize (object);
}

static void
outlay_commitment_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  if (!outlay_model_property_get (object, fields, G_N_ELEMENTS (fields), prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
outlay_commitment_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  if (!outlay_model_property_set (object, fields, G_N_ELEMENTS (fields), prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static GParamSpec *
decimal_spec (const char *name, gint64 min)
{
  return g_param_spec_int64 (name, NULL, NULL, min, OUTLAY_DECIMAL_MAX, 0,
                             G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static void
outlay_commitment_class_init (OutlayCommitmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = outlay_commitment_finalize;
  object_class->get_property = outlay_commitment_get_property;
  object_class->set_property = outlay_commitment_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_BUDGET_ID] = g_param_spec_int64 ("budget-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_LINE_ID] = g_param_spec_int64 ("line-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_REFERENCE] = g_param_spec_string ("reference", NULL, NULL, NULL, rw);
  properties[PROP_VENDOR] = g_param_spec_string ("vendor", NULL, NULL, NULL, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);
  properties[PROP_AMOUNT] = decimal_spec ("amount",
                                          OUTLAY_DECIMAL_MIN); /* checked by the document */
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, OUTLAY_TYPE_COMMITMENT_STATUS,
                                               OUTLAY_COMMITMENT_STATUS_REQUESTED, rw);
  properties[PROP_REQUESTED_BY] = g_param_spec_string ("requested-by", NULL, NULL, NULL, rw);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, rw);
  properties[PROP_EXPECTED_DATE] = g_param_spec_string ("expected-date", NULL, NULL, NULL, rw);
  properties[PROP_AUTO_APPROVED] = g_param_spec_boolean ("auto-approved", NULL, NULL, FALSE, rw);
  properties[PROP_SECTION_ID] = g_param_spec_int64 ("section-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  /* what its invoices add up to so far: the part that is actual cost */
  properties[PROP_INVOICED] = decimal_spec ("invoiced", 0);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
outlay_commitment_init (OutlayCommitment *self)
{
}

/**
 * outlay_commitment_new:
 *
 * Returns: (transfer full): a requested commitment of zero
 */
OutlayCommitment *
outlay_commitment_new (void)
{
  return g_object_new (OUTLAY_TYPE_COMMITMENT, NULL);
}

gint64 outlay_commitment_get_id (OutlayCommitment *self) { g_return_val_if_fail (OUTLAY_IS_COMMITMENT (self), 0); return self->id; }
gint64 outlay_commitment_get_budget_id (OutlayCommitment *self) { g_return_val_if_fail (OUTLAY_IS_COMMITMENT (self), 0); return self->budget_id; }
gint64 outlay_commitment_get_line_id (OutlayCommitment *self) { g_return_val_if_fail (OUTLAY_IS_COMMITMENT (self), 0); return self->line_id; }
const char *outlay_commitment_get_reference (OutlayCommitment *self) { g_return_val_if_fail (OUTLAY_IS_COMMITMENT (self), NULL); return self->reference; }
const char *outlay_commitment_get_vendor (OutlayCommitment *self) { g_return_val_if_fail (OUTLAY_IS_COMMITMENT (self), NULL); return self->vendor; }
const char *outlay_commitment_get_description (OutlayCommitment *self) { g_return_val_if_fail (OUTLAY_IS_COMMITMENT (self), NULL); return self->description; }
OutlayDecimal outlay_commitment_get_amount (OutlayCommitment *self) { g_return_val_if_fail (OUTLAY_IS_COMMITMENT (self), 0); return self->amount; }
OutlayCommitmentStatus outlay_commitment_get_status (OutlayCommitment *self) { g_return_val_if_fail (OUTLAY_IS_COMMITMENT (self), 0); return self->status; }
const char *outlay_commitment_get_requested_by (OutlayCommitment *self) { g_return_val_if_fail (OUTLAY_IS_COMMITMENT (self), NULL); return self->requested_by; }
const char *outlay_commitment_get_date (OutlayCommitment *self) { g_return_val_if_fail (OUTLAY_IS_COMMITMENT (self), NULL); return self->date; }
const char *outlay_commitment_get_expected_date (OutlayCommitment *self) { g_return_val_if_fail (OUTLAY_IS_COMMITMENT (self), NULL); return self->expected_date; }
gboolean outlay_commitment_get_auto_approved (OutlayCommitment *self) { g_return_val_if_fail (OUTLAY_IS_COMMITMENT (self), FALSE); return self->auto_approved; }
OutlayDecimal
outlay_commitment_get_invoiced (OutlayCommitment *self)
{
  g_return_val_if_fail (OUTLAY_IS_COMMITMENT (self), 0);
  return self->invoiced;
}
gint64
outlay_commitment_get_section_id (OutlayCommitment *self)
{
  g_return_val_if_fail (OUTLAY_IS_COMMITMENT (self), 0);
  return self->section_id;
}

/**
 * outlay_commitment_copy:
 * @self: a commitment
 *
 * Returns: (transfer full): a copy of every field, and of where it charges
 */
OutlayCommitment *
outlay_commitment_copy (OutlayCommitment *self)
{
  OutlayCommitment *copy;

  g_return_val_if_fail (OUTLAY_IS_COMMITMENT (self), NULL);
  copy = outlay_commitment_new ();
  outlay_commitment_assign (copy, self);
  return copy;
}

/* Copies @from's fields and target into @self, with one notify each for
 * the fields that changed. */
void
outlay_commitment_assign (OutlayCommitment *self, OutlayCommitment *from)
{
  g_object_freeze_notify (G_OBJECT (self));
  for (guint p = 1; p < N_PROPS; p++)
    {
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;

      g_value_init (&a, properties[p]->value_type);
      g_value_init (&b, properties[p]->value_type);
      g_object_get_property (G_OBJECT (self), properties[p]->name, &a);
      g_object_get_property (G_OBJECT (from), properties[p]->name, &b);
      if (g_param_values_cmp (properties[p], &a, &b) != 0)
        {
          g_object_set_property (G_OBJECT (self), properties[p]->name, &b);
          g_object_notify_by_pspec (G_OBJECT (self), properties[p]);
        }
    }
  self->line = from->line;
  self->section = from->section;
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * outlay_commitment_get_line:
 * @self: a commitment in a document
 *
 * Returns: (transfer none) (nullable): the line it charges, %NULL when it
 *   charges a section (or the budget) as a whole
 */
OutlayLine *
outlay_commitment_get_line (OutlayCommitment *self)
{
  g_return_val_if_fail (OUTLAY_IS_COMMITMENT (self), NULL);
  return self->line;
}

/**
 * outlay_commitment_get_section:
 * @self: a commitment in a document
 *
 * Returns: (transfer none) (nullable): the section it charges (the line's
 *   section for a line), %NULL for the budget as a whole
 */
OutlaySection *
outlay_commitment_get_section (OutlayCommitment *self)
{
  g_return_val_if_fail (OUTLAY_IS_COMMITMENT (self), NULL);
  return self->line != NULL ? outlay_line_get_section (self->line) : self->section;
}

void
outlay_commitment_set_target (OutlayCommitment *self, OutlaySection *section, OutlayLine *line)
{
  self->line = line;
  self->section = line != NULL ? NULL : section;
}

/**
 * outlay_commitment_get_held:
 * @self: a commitment
 * @actual: (out): what it has made actual cost
 * @committed: (out): what it commits (ordered, not yet invoiced)
 * @reserved: (out): what it reserves (requested, not yet ordered)
 *
 * What the commitment holds of its line's budget in its status: a request
 * reserves its amount; an approved or ordered one commits what is not
 * invoiced yet and makes its invoices actual; an invoiced, paid or closed
 * one is its invoices (closing releases the rest); a rejected or cancelled
 * one holds nothing.
 */
void
outlay_commitment_get_held (OutlayCommitment *self,
                            OutlayDecimal *actual,
                            OutlayDecimal *committed,
                            OutlayDecimal *reserved)
{
  *actual = *committed = *reserved = 0;
  switch (self->status)
    {
      case OUTLAY_COMMITMENT_STATUS_REQUESTED:
        *reserved = self->amount;
        break;
      case OUTLAY_COMMITMENT_STATUS_APPROVED:
      case OUTLAY_COMMITMENT_STATUS_ORDERED:
        *actual = self->invoiced;
        *committed = MAX (self->amount - self->invoiced, 0);
        break;
      case OUTLAY_COMMITMENT_STATUS_INVOICED:
      case OUTLAY_COMMITMENT_STATUS_PAID:
      case OUTLAY_COMMITMENT_STATUS_CLOSED:
        *actual = self->invoiced;
        break;
      case OUTLAY_COMMITMENT_STATUS_REJECTED:
      case OUTLAY_COMMITMENT_STATUS_CANCELLED:
      default:
        break;
    }
}
