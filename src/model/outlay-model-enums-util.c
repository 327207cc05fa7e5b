/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-model-enums.h"

static const char *kind_ids[] = { "aicp", "project", "department", "sales", "household", "event" };
static const char *kind_titles[] = { N_("AICP bid"), N_("Project"), N_("Department"),
                                     N_("Sales"), N_("Household"), N_("Event") };
static const char *status_ids[] = { "draft", "submitted", "approved", "locked" };
static const char *status_titles[] = { N_("Draft"), N_("Submitted"), N_("Approved"), N_("Locked") };

const char *
outlay_budget_kind_to_string (OutlayBudgetKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_ids), "project");
  return kind_ids[kind];
}

gboolean
outlay_budget_kind_from_string (const char       *text,
                                OutlayBudgetKind *kind)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kind_ids); i++)
    if (g_ascii_strcasecmp (text, kind_ids[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
outlay_budget_kind_title (OutlayBudgetKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_titles), "");
  return g_dgettext (GETTEXT_PACKAGE, kind_titles[kind]);
}

const char *
outlay_budget_status_to_string (OutlayBudgetStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_ids), "draft");
  return status_ids[status];
}

const char *
outlay_budget_status_title (OutlayBudgetStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_titles), "");
  return g_dgettext (GETTEXT_PACKAGE, status_titles[status]);
}

static const char *commitment_ids[] = { "requested", "approved", "ordered",   "invoiced",
                                        "paid",      "rejected", "cancelled", "closed" };
static const char *commitment_titles[] = {
  N_("Requested"), N_("Approved"), N_("Ordered"),   N_("Invoiced"),
                                                           N_("Paid"),      N_("Rejected"), N_("Cancelled"), N_("Closed") };

const char *
outlay_commitment_status_to_string (OutlayCommitmentStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (commitment_ids), "requested");
  return commitment_ids[status];
}

gboolean
outlay_commitment_status_from_string (const char *text, OutlayCommitmentStatus *status)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (commitment_ids); i++)
    if (g_ascii_strcasecmp (text, commitment_ids[i]) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

const char *
outlay_commitment_status_title (OutlayCommitmentStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (commitment_titles), "");
  return g_dgettext (GETTEXT_PACKAGE, commitment_titles[status]);
}

/* The enum classes of the model live as long as the program: the first
 * lookup takes a reference that is kept. */
static GEnumClass *
enum_class (GType type)
{
  gpointer klass = g_type_class_peek (type);

  return klass != NULL ? klass : g_type_class_ref (type);
}

/**
 * outlay_enum_to_nick:
 * @type: a registered enum type (OUTLAY_TYPE_TASK_STATUS, …)
 * @value: one of its values
 * @fallback: (nullable): what to return for a value it does not have
 *
 * Returns: (transfer none): the value's nick, as stored and printed
 */
const char *
outlay_enum_to_nick (GType type, int value, const char *fallback)
{
  GEnumValue *v = g_enum_get_value (enum_class (type), value);

  return v != NULL ? v->value_nick : fallback;
}

/**
 * outlay_enum_from_nick:
 * @type: a registered enum type
 * @nick: (nullable): a nick
 * @fallback: the value for a missing or unknown nick
 *
 * Returns: the value with that nick
 */
int
outlay_enum_from_nick (GType type, const char *nick, int fallback)
{
  GEnumValue *v = nick != NULL ? g_enum_get_value_by_nick (enum_class (type), nick) : NULL;

  return v != NULL ? v->value : fallback;
}
