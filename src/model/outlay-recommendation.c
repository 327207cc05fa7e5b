/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-recommendation"

#include "config.h"

#include "outlay-recommendation.h"
#include "outlay-model-enum-types.h"

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
};

enum {
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
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OutlayRecommendation, outlay_recommendation, G_TYPE_OBJECT)

static char **
string_field (OutlayRecommendation *self, guint prop_id)
{
  switch (prop_id)
    {
    case PROP_KIND: return &self->kind;
    case PROP_TITLE: return &self->title;
    case PROP_DESCRIPTION: return &self->description;
    case PROP_REASONING: return &self->reasoning;
    case PROP_PATTERNS: return &self->patterns;
    default: return NULL;
    }
}

static gint64 *
int64_field (OutlayRecommendation *self, guint prop_id)
{
  switch (prop_id)
    {
    case PROP_ID: return &self->id;
    case PROP_BUDGET_ID: return &self->budget_id;
    case PROP_ESTIMATED_SAVINGS: return &self->estimated_savings;
    case PROP_CREATED: return &self->created;
    default: return NULL;
    }
}

static guint *
uint_field (OutlayRecommendation *self, guint prop_id)
{
  switch (prop_id)
    {
    case PROP_CONFIDENCE: return &self->confidence;
    default: return NULL;
    }
}

static void
outlay_recommendation_finalize (GObject *object)
{
  OutlayRecommendation *self = OUTLAY_RECOMMENDATION (object);

  g_free (self->kind);
  g_free (self->title);
  g_free (self->description);
  g_free (self->reasoning);
  g_free (self->patterns);
  G_OBJECT_CLASS (outlay_recommendation_parent_class)->finalize (object);
}

static void
outlay_recommendation_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  OutlayRecommendation *self = OUTLAY_RECOMMENDATION (object);
  char **s = string_field (self, prop_id);
  gint64 *i = int64_field (self, prop_id);
  guint *u = uint_field (self, prop_id);

  if (s != NULL)
    g_value_set_string (value, *s);
  else if (i != NULL)
    g_value_set_int64 (value, *i);
  else if (u != NULL)
    g_value_set_uint (value, *u);
  else if (prop_id == PROP_PRIORITY)
    g_value_set_enum (value, self->priority);
  else if (prop_id == PROP_STATUS)
    g_value_set_enum (value, self->status);
  else if (prop_id == PROP_SOURCE)
    g_value_set_enum (value, self->source);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
outlay_recommendation_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  OutlayRecommendation *self = OUTLAY_RECOMMENDATION (object);
  char **s = string_field (self, prop_id);
  gint64 *i = int64_field (self, prop_id);
  guint *u = uint_field (self, prop_id);
  gboolean changed = FALSE;

  if (s != NULL)
    {
      const char *v = g_value_get_string (value);

      if ((changed = g_strcmp0 (*s, v) != 0))
        {
          g_free (*s);
          *s = g_strdup (v);
        }
    }
  else if (i != NULL)
    {
      if ((changed = *i != g_value_get_int64 (value)))
        *i = g_value_get_int64 (value);
    }
  else if (u != NULL)
    {
      if ((changed = *u != g_value_get_uint (value)))
        *u = g_value_get_uint (value);
    }
  else if (prop_id == PROP_PRIORITY)
    {
      if ((changed = self->priority != (OutlayPriority) g_value_get_enum (value)))
        self->priority = g_value_get_enum (value);
    }
  else if (prop_id == PROP_STATUS)
    {
      if ((changed = self->status != (OutlayRecommendationStatus) g_value_get_enum (value)))
        self->status = g_value_get_enum (value);
    }
  else if (prop_id == PROP_SOURCE)
    {
      if ((changed = self->source != (OutlayRecommendationSource) g_value_get_enum (value)))
        self->source = g_value_get_enum (value);
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);

  if (changed)
    g_object_notify_by_pspec (object, pspec);
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
