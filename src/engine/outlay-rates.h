/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-budget.h"
#include "outlay-document.h"
#include "outlay-rate-change.h"
#include "outlay-task.h"

G_BEGIN_DECLS

/**
 * OutlayRateSource:
 * @OUTLAY_RATE_SOURCE_NONE: no rate applies; the hours cost nothing
 * @OUTLAY_RATE_SOURCE_ENTRY: typed on the entry
 * @OUTLAY_RATE_SOURCE_TASK: the task's hourly rate
 * @OUTLAY_RATE_SOURCE_PERSON_BUDGET: the person's rate for this budget
 * @OUTLAY_RATE_SOURCE_PERSON: the person's default rate
 * @OUTLAY_RATE_SOURCE_BUDGET: the budget's default rate
 *
 * Where an entry's rate comes from, strongest first after NONE.
 */
typedef enum
{
  OUTLAY_RATE_SOURCE_NONE,
  OUTLAY_RATE_SOURCE_ENTRY,
  OUTLAY_RATE_SOURCE_TASK,
  OUTLAY_RATE_SOURCE_PERSON_BUDGET,
  OUTLAY_RATE_SOURCE_PERSON,
  OUTLAY_RATE_SOURCE_BUDGET,
} OutlayRateSource;

typedef struct
{
  OutlayDecimal rate;
  OutlayRateSource source;
  const OutlayRateChange *change; /* the rate row it came from, if any */
} OutlayRateResolution;

/* Where an entry of a given cost takes its task, line and budget. */
typedef struct
{
  OutlayDecimal task_before; /* the task's actual, before and after */
  OutlayDecimal task_after;
  OutlayDecimal task_estimate; /* its estimated cost, 0 when none */
  OutlayDecimal line_before;   /* the line's actual (typed + tasks) */
  OutlayDecimal line_after;
  OutlayDecimal line_estimate;
  OutlayDecimal budget_before;
  OutlayDecimal budget_after;
  OutlayDecimal budget_cap; /* the allocation, or the estimate without one */
  gboolean has_line;
} OutlayTimeImpact;

const char *outlay_rate_source_to_string (OutlayRateSource source);
gboolean outlay_rate_source_from_string (const char *text, OutlayRateSource *source);
const char *outlay_rate_source_title (OutlayRateSource source);
gboolean outlay_rates_resolve (GPtrArray *rates,
                               OutlayBudget *budget,
                               OutlayTask *task,
                               gint64 person_id,
                               const char *date,
                               const OutlayDecimal *typed,
                               OutlayRateResolution *out,
                               GError **error);
char *outlay_rates_describe (const OutlayRateResolution *resolution, const char *currency);
gboolean outlay_time_impact (OutlayDocument *document,
                             OutlayTask *task,
                             OutlayDecimal cost,
                             OutlayTimeImpact *out);

char **outlay_time_impact_describe (OutlayDocument *document,
                                    OutlayTask *task,
                                    const OutlayTimeImpact *impact);

/**
 * OutlayTimeRow:
 * @key: the person's or task's id (0: nobody in particular)
 * @name: the person's or task's name
 * @detail: the person's role, or the task's line ("A/1 Gaffer")
 * @hours: hours logged
 * @cost: their cost, each entry at the rate it was saved with
 * @n_entries: how many entries
 *
 * One row of a time-by-person or time-by-task summary.
 */
typedef struct
{
  gint64 key;
  char *name;
  char *detail;
  OutlayDecimal hours;
  OutlayDecimal cost;
  guint n_entries;
} OutlayTimeRow;

/**
 * OutlayRecostPlan:
 * @entries: (element-type OutlayTimeEntry): the entries whose rate changes
 * @rates: (element-type OutlayDecimal): each one's new rate
 * @sources: (element-type utf8): where each new rate comes from (static
 *   strings, outlay_rate_source_to_string())
 * @before: what they cost now
 * @after: what they cost at the new rates
 *
 * What re-costing logged time at the rates that now apply would change,
 * for outlay_document_recost_time().
 */
typedef struct
{
  GPtrArray *entries;
  GArray *rates;
  GPtrArray *sources;
  OutlayDecimal before;
  OutlayDecimal after;
} OutlayRecostPlan;

OutlayRecostPlan *outlay_rates_plan_recost (GPtrArray *rates,
                                            OutlayDocument *document,
                                            GPtrArray *entries,
                                            gint64 person_id,
                                            GError **error);
void outlay_recost_plan_free (OutlayRecostPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayRecostPlan, outlay_recost_plan_free)

GArray *outlay_time_summarize (OutlayDocument *document,
                               GPtrArray *entries,
                               GPtrArray *people,
                               gboolean by_person,
                               OutlayTimeRow *total);

G_END_DECLS
