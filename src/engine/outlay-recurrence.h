/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * OutlayRecurrenceFrequency:
 * @OUTLAY_RECURRENCE_ONCE: no rule: the start date only
 *
 * The RRULE's FREQ.
 */
typedef enum
{
  OUTLAY_RECURRENCE_ONCE,
  OUTLAY_RECURRENCE_DAILY,
  OUTLAY_RECURRENCE_WEEKLY,
  OUTLAY_RECURRENCE_MONTHLY,
  OUTLAY_RECURRENCE_YEARLY,
} OutlayRecurrenceFrequency;

/**
 * OutlayRecurrenceSkip:
 * @OUTLAY_RECURRENCE_SKIP_OMIT: a day the month does not have is left out
 *   (RFC 5545)
 * @OUTLAY_RECURRENCE_SKIP_BACKWARD: it becomes the month's last day (RFC 7529
 *   SKIP=BACKWARD): "day 31" is 30 April and 28 or 29 February
 * @OUTLAY_RECURRENCE_SKIP_FORWARD: it becomes the next month's first day
 */
typedef enum
{
  OUTLAY_RECURRENCE_SKIP_OMIT,
  OUTLAY_RECURRENCE_SKIP_BACKWARD,
  OUTLAY_RECURRENCE_SKIP_FORWARD,
} OutlayRecurrenceSkip;

/**
 * OutlayWeekendRule:
 * @OUTLAY_WEEKEND_KEEP: a date on a Saturday or Sunday stays there
 * @OUTLAY_WEEKEND_BEFORE: it moves to the Friday before
 * @OUTLAY_WEEKEND_AFTER: it moves to the Monday after
 */
typedef enum
{
  OUTLAY_WEEKEND_KEEP,
  OUTLAY_WEEKEND_BEFORE,
  OUTLAY_WEEKEND_AFTER,
} OutlayWeekendRule;

typedef struct
{
  gint8 ordinal; /* 0: every such day in the period; ±1…±53 */
  GDateWeekday weekday;
} OutlayRecurrenceDay;

/**
 * OutlayRecurrence:
 *
 * A parsed RFC 5545 RRULE subset anchored at a start date (DTSTART):
 * FREQ (DAILY, WEEKLY, MONTHLY, YEARLY), INTERVAL, COUNT or UNTIL,
 * BYMONTH, BYMONTHDAY (negative from the end), BYDAY (with an ordinal in
 * MONTHLY and YEARLY+BYMONTH: "-1FR" is the last Friday), BYSETPOS, WKST,
 * and RFC 7529's SKIP (with RSCALE=GREGORIAN) to clamp day 31 to the
 * month's end.  An empty rule happens once, on the start date.
 */
typedef struct
{
  OutlayRecurrenceFrequency frequency;
  guint interval;
  guint count;
  GDate start;
  GDate until;
  OutlayRecurrenceSkip skip;
  GDateWeekday week_start;
  guint n_months;
  guint8 months[12];
  guint n_month_days;
  gint8 month_days[31];
  guint n_days;
  OutlayRecurrenceDay days[14];
  guint n_set_positions;
  gint16 set_positions[16];
} OutlayRecurrence;

/**
 * OutlayRecurrenceDate:
 * @original: the date the rule gives, which names the occurrence
 * @date: the date after weekend handling
 */
typedef struct
{
  GDate original;
  GDate date;
} OutlayRecurrenceDate;

gboolean outlay_recurrence_parse (OutlayRecurrence *self,
                                  const char *rule,
                                  const GDate *start,
                                  GError **error);
char *outlay_recurrence_to_string (const OutlayRecurrence *self);
char *outlay_recurrence_describe (const OutlayRecurrence *self);
typedef void (*OutlayRecurrenceFunc) (const GDate *original, const GDate *date, gpointer data);

void outlay_recurrence_foreach (const OutlayRecurrence *self,
                                OutlayWeekendRule weekend,
                                const GDate *from,
                                const GDate *to,
                                OutlayRecurrenceFunc func,
                                gpointer data);
GArray *outlay_recurrence_expand (const OutlayRecurrence *self,
                                  OutlayWeekendRule weekend,
                                  const GDate *from,
                                  const GDate *to);
gboolean outlay_recurrence_first (const OutlayRecurrence *self, GDate *first);
void outlay_weekend_apply (OutlayWeekendRule weekend, GDate *date);
gboolean outlay_weekend_rule_from_string (const char *text, OutlayWeekendRule *rule);
const char *outlay_weekend_rule_to_string (OutlayWeekendRule rule);

gboolean outlay_date_parse_iso (const char *text, GDate *date);
char *outlay_date_to_iso (const GDate *date);

G_END_DECLS
