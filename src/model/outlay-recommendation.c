/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-recommendation"

#include "config.h"

#include "outlay-recommendation.h"
#include "outlay-model-enum-types.h"
#include "outlay-model-property.h"

struct _OutlayRecommendation
{
  GObject                     parent_instance;
  gint64                      id;
  gint64                      budget_id;
  char                       *kind;
  char                       *title;
  char                       *description;
  OutlayDecimal               estimated_savings;
  guint                       confidence;
  OutlayPriority              priority;
  OutlayRecommendationStatus  status;
  char                       *reasoning;
  OutlayRecommendationSource  source;
  char                       *patterns;
  gint64                      created;
  char *fingerprint;
  char *action;
};

enum
{
  PROP_0,
  PROP_ID,
  PROP_BUDGET_ID,
  PROP_KIND,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_ESTIMATED_SAVINGS,
  PROP_CONFIDENCE,
  PROP_PRIORITY,
  PROP_STATUS,
  PROP_REASONING,
  PROP_SOURCE,
  PROP_PATTERNS,
  PROP_CREATED,
  PROP_FINGERPRINT,
  PROP_ACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OutlayRecommendation, outlay_recommendation, G_TYPE_OBJECT)

static const OutlayModelField fields[] = {
  OUTLAY_MODEL_INT64 (PROP_ID, OutlayRecommendation, id),
  OUTLAY_MODEL_INT64 (PROP_BUDGET_ID, OutlayRecommendation, budget_id),
  OUTLAY_MODEL_STRING (PROP_KIND, OutlayRecommendation, kind),
  OUTLAY_MODEL_STRING (PROP_TITLE, OutlayRecommendation, title),
  OUTLAY_MODEL_STRING (PROP_DESCRIPTION, OutlayRecommendation, description),
  OUTLAY_MODEL_INT64 (PROP_ESTIMATED_SAVINGS, OutlayRecommendation, estimated_savings),
  OUTLAY_MODEL_UINT (PROP_CONFIDENCE, OutlayRecommendation, confidence),
  OUTLAY_MODEL_ENUM (PROP_PRIORITY, OutlayRecommendation, priority),
  OUTLAY_MODEL_ENUM (PROP_STATUS, OutlayRecommendation, status),
  OUTLAY_MODEL_STRING (PROP_REASONING, OutlayRecommendation, reasoning),
  OUTLAY_MODEL_ENUM (PROP_SOURCE, OutlayRecommendation, source),
  OUTLAY_MODEL_STRING (PROP_PATTERNS, OutlayRecommendation, patterns),
  OUTLAY_MODEL_INT64 (PROP_CREATED, OutlayRecommendation, created),
  OUTLAY_MODEL_STRING (PROP_FINGERPRINT, OutlayRecommendation, fingerprint),
  OUTLAY_MODEL_STRING (PROP_ACTION, OutlayRecommendation, action),
};

static void
outlay_recommendation_finalize (GObject *object)
{
  outlay_model_property_clear_strings (object, fields, G_N_ELEMENTS (fields));
  G_OBJECT_CLASS (outlay_recommendation_parent_class)->finalize (object);
}

static void
outlay_recommendation_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  if (!outlay_model_property_get (object, fields, G_N_ELEMENTS (fields), prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
outlay_recommendation_set_property (GObject      *object,
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
outlay_recommendation_class_init (OutlayRecommendationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = outlay_recommendation_finalize;
  object_class->get_property = outlay_recommendation_get_property;
  object_class->set_property = outlay_recommendation_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_BUDGET_ID] = g_param_spec_int64 ("budget-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);
  properties[PROP_ESTIMATED_SAVINGS] = decimal_spec ("estimated-savings", OUTLAY_DECIMAL_MIN);
  properties[PROP_CONFIDENCE] = g_param_spec_uint ("confidence", NULL, NULL, 0, 100, 0, rw);
  properties[PROP_PRIORITY] = g_param_spec_enum ("priority", NULL, NULL, OUTLAY_TYPE_PRIORITY,
                                                 OUTLAY_PRIORITY_MEDIUM, rw);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, OUTLAY_TYPE_RECOMMENDATION_STATUS,
                       OUTLAY_RECOMMENDATION_STATUS_NEW, rw);
  properties[PROP_REASONING] = g_param_spec_string ("reasoning", NULL, NULL, NULL, rw);
  properties[PROP_SOURCE] =
    g_param_spec_enum ("source", NULL, NULL, OUTLAY_TYPE_RECOMMENDATION_SOURCE,
                       OUTLAY_RECOMMENDATION_SOURCE_RULES, rw);
  properties[PROP_PATTERNS] = g_param_spec_string ("patterns", NULL, NULL, NULL, rw);
  properties[PROP_CREATED] = g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0, rw);
  /* what the advice is about ("rate:line:42"), so advice a user rejected
   * is not offered again on the next run */
  properties[PROP_FINGERPRINT] = g_param_spec_string ("fingerprint", NULL, NULL, NULL, rw);
  /* the change "Implement" makes, as JSON ({"line":42,"field":"rate","value":"650"}),
   * or NULL when the advice is for a person to act on */
  properties[PROP_ACTION] = g_param_spec_string ("action", NULL, NULL, NULL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
outlay_recommendation_init (OutlayRecommendation *self)
{
  self->priority = OUTLAY_PRIORITY_MEDIUM;
}

/**
 * outlay_recommendation_new:
 *
 * Returns: (transfer full): a new, medium-priority recommendation from the rules
 */
OutlayRecommendation *
outlay_recommendation_new (void)
{
  return g_object_new (OUTLAY_TYPE_RECOMMENDATION, NULL);
}

gint64 outlay_recommendation_get_id (OutlayRecommendation *self) { g_return_val_if_fail (OUTLAY_IS_RECOMMENDATION (self), 0); return self->id; }
gint64 outlay_recommendation_get_budget_id (OutlayRecommendation *self) { g_return_val_if_fail (OUTLAY_IS_RECOMMENDATION (self), 0); return self->budget_id; }
const char *outlay_recommendation_get_kind (OutlayRecommendation *self) { g_return_val_if_fail (OUTLAY_IS_RECOMMENDATION (self), NULL); return self->kind; }
const char *outlay_recommendation_get_title (OutlayRecommendation *self) { g_return_val_if_fail (OUTLAY_IS_RECOMMENDATION (self), NULL); return self->title; }
const char *outlay_recommendation_get_description (OutlayRecommendation *self) { g_return_val_if_fail (OUTLAY_IS_RECOMMENDATION (self), NULL); return self->description; }
OutlayDecimal outlay_recommendation_get_estimated_savings (OutlayRecommendation *self) { g_return_val_if_fail (OUTLAY_IS_RECOMMENDATION (self), 0); return self->estimated_savings; }
guint outlay_recommendation_get_confidence (OutlayRecommendation *self) { g_return_val_if_fail (OUTLAY_IS_RECOMMENDATION (self), 0); return self->confidence; }
OutlayPriority outlay_recommendation_get_priority (OutlayRecommendation *self) { g_return_val_if_fail (OUTLAY_IS_RECOMMENDATION (self), 0); return self->priority; }
OutlayRecommendationStatus outlay_recommendation_get_status (OutlayRecommendation *self) { g_return_val_if_fail (OUTLAY_IS_RECOMMENDATION (self), 0); return self->status; }
const char *outlay_recommendation_get_reasoning (OutlayRecommendation *self) { g_return_val_if_fail (OUTLAY_IS_RECOMMENDATION (self), NULL); return self->reasoning; }
OutlayRecommendationSource outlay_recommendation_get_source (OutlayRecommendation *self) { g_return_val_if_fail (OUTLAY_IS_RECOMMENDATION (self), 0); return self->source; }
const char *outlay_recommendation_get_patterns (OutlayRecommendation *self) { g_return_val_if_fail (OUTLAY_IS_RECOMMENDATION (self), NULL); return self->patterns; }
gint64 outlay_recommendation_get_created (OutlayRecommendation *self) { g_return_val_if_fail (OUTLAY_IS_RECOMMENDATION (self), 0); return self->created; }
const char *
outlay_recommendation_get_fingerprint (OutlayRecommendation *self)
{
  g_return_val_if_fail (OUTLAY_IS_RECOMMENDATION (self), NULL);
  return self->fingerprint;
}
const char *
outlay_recommendation_get_action (OutlayRecommendation *self)
{
  g_return_val_if_fail (OUTLAY_IS_RECOMMENDATION (self), NULL);
  return self->action;
}
