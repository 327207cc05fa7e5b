/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-recurrence"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "outlay-error.h"
#include "outlay-recurrence.h"

/* How far ahead a rule is searched for its first date before it is called
 * one that never occurs: 28 years repeat every weekday and leap year. */
#define SEARCH_YEARS 28

static const char *const weekday_codes[] = { NULL, "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

/* Expanding five years of hundreds of rules makes tens of thousands of
 * dates: these keep GDate's day-month-year and Julian forms both valid
 * without a library call per conversion. */

/* GDate's Julian day of a valid y-m-d (1 is 1 January of year 1) */
static inline guint32
julian_of_dmy (guint y, guint m, guint d)
{
  gint64 yy = (gint64) y - (m <= 2);
  gint64 era = (yy >= 0 ? yy : yy - 399) / 400;
  guint64 yoe = (guint64) (yy - era * 400);
  guint64 doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  guint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  /* days from 1970-01-01, which is GDate's day 719163 */
  return (guint32) (era * 146097 + (gint64) doe - 719468 + 719163);
}

static inline void
date_set (GDate *date, guint day, guint month, guint year)
{
  memset (date, 0, sizeof *date);
  date->day = day;
  date->month = month;
  date->year = year;
  date->dmy = 1;
  date->julian_days = julian_of_dmy (year, month, day);
  date->julian = 1;
}

static inline guint32
date_julian (const GDate *date)
{
  return date->julian ? date->julian_days : g_date_get_julian (date);
}

/* One period's dates: at most a year's days (a yearly rule on every day
 * of every month), on the stack rather than in a growing array */
#define MAX_PERIOD_DATES 372

typedef struct
{
  guint len;
  GDate d[MAX_PERIOD_DATES];
} Dates;

static inline void
dates_push (Dates *dates, const GDate *d)
{
  if (dates->len < MAX_PERIOD_DATES)
    dates->d[dates->len++] = *d;
}

/* ---------------------------------------------------------------- dates */

/**
 * outlay_date_parse_iso:
 * @text: "YYYY-MM-DD"
 * @date: (out): the date
 *
 * Returns: %TRUE when @text is a valid ISO date
 */
gboolean
outlay_date_parse_iso (const char *text, GDate *date)
{
  guint y, m, d;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  y = g_ascii_digit_value (text[0]) * 1000 + g_ascii_digit_value (text[1]) * 100
      + g_ascii_digit_value (text[2]) * 10 + g_ascii_digit_value (text[3]);
  m = g_ascii_digit_value (text[5]) * 10 + g_ascii_digit_value (text[6]);
  d = g_ascii_digit_value (text[8]) * 10 + g_ascii_digit_value (text[9]);
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/**
 * outlay_date_to_iso:
 * @date: a valid date
 *
 * Returns: (transfer full): "YYYY-MM-DD"
 */
char *
outlay_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (g_date_valid (date), NULL);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static char *
date_words (const GDate *date)
{
  char buf[128];

  /* Translators: a date in a rule's description, see strftime */
  if (g_date_strftime (buf, sizeof buf, _("%-d %B %Y"), date) == 0)
    return outlay_date_to_iso (date);
  return g_strdup (buf);
}

void
outlay_weekend_apply (OutlayWeekendRule weekend, GDate *date)
{
  GDateWeekday wd;

  if (weekend == OUTLAY_WEEKEND_KEEP)
    return;
  wd = g_date_get_weekday (date);
  if (wd < G_DATE_SATURDAY)
    return;
  if (weekend == OUTLAY_WEEKEND_BEFORE)
    g_date_subtract_days (date, wd - G_DATE_FRIDAY);
  else
    g_date_add_days (date, 8 - wd);
}

gboolean
outlay_weekend_rule_from_string (const char *text, OutlayWeekendRule *rule)
{
  if (text == NULL || *text == '\0' || g_str_equal (text, "keep"))
    *rule = OUTLAY_WEEKEND_KEEP;
  else if (g_str_equal (text, "before"))
    *rule = OUTLAY_WEEKEND_BEFORE;
  else if (g_str_equal (text, "after"))
    *rule = OUTLAY_WEEKEND_AFTER;
  else
    return FALSE;
  return TRUE;
}

const char *
outlay_weekend_rule_to_string (OutlayWeekendRule rule)
{
  switch (rule)
    {
      case OUTLAY_WEEKEND_BEFORE:
        return "before";
      case OUTLAY_WEEKEND_AFTER:
        return "after";
      case OUTLAY_WEEKEND_KEEP:
      default:
        return "keep";
    }
}

/* -------------------------------------------------------------- parsing */

static GDateWeekday
weekday_from_code (const char *code)
{
  for (guint i = 1; i <= 7; i++)
    if (g_ascii_strcasecmp (code, weekday_codes[i]) == 0)
      return i;
  return G_DATE_BAD_WEEKDAY;
}

static gboolean
parse_int (const char *text, gint64 min, gint64 max, gint64 *out)
{
  return g_ascii_string_to_signed (text, 10, min, max, out, NULL);
}

static gboolean
fail (GError **error, const char *rule, const char *why)
{
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
               _("The repeat rule “%s” is not valid: %s"), rule, why);
  return FALSE;
}

static gboolean
parse_list (const char *value,
            gint64 min,
            gint64 max,
            gboolean no_zero,
            gpointer out,
            gsize elem,
            guint capacity,
            guint *n)
{
  g_auto (GStrv) parts = g_strsplit (value, ",", -1);

  *n = 0;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 v;

      if (*n >= capacity || !parse_int (parts[i], min, max, &v) || (no_zero && v == 0))
        return FALSE;
      if (elem == 1)
        ((gint8 *) out)[(*n)++] = (gint8) v;
      else
        ((gint16 *) out)[(*n)++] = (gint16) v;
    }
  return *n > 0;
}

static gboolean
parse_days (OutlayRecurrence *self, const char *value)
{
  g_auto (GStrv) parts = g_strsplit (value, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *p = parts[i];
      gsize len = strlen (p);
      gint64 ordinal = 0;

      if (len < 2 || self->n_days >= G_N_ELEMENTS (self->days))
        return FALSE;
      if (len > 2)
        {
          g_autofree char *num = g_strndup (p, len - 2);

          if (*num == '+')
            memmove (num, num + 1, strlen (num));
          if (!parse_int (num, -53, 53, &ordinal) || ordinal == 0)
            return FALSE;
        }
      self->days[self->n_days].ordinal = (gint8) ordinal;
      self->days[self->n_days].weekday = weekday_from_code (p + len - 2);
      if (self->days[self->n_days].weekday == G_DATE_BAD_WEEKDAY)
        return FALSE;
      self->n_days++;
    }
  return self->n_days > 0;
}

static gboolean
parse_part (OutlayRecurrence *self,
            const char *rule,
            const char *name,
            const char *value,
            GError **error)
{
  gint64 v;
  guint n = 0;

  if (g_str_equal (name, "FREQ"))
    {
      const char *freqs[] = { NULL, "DAILY", "WEEKLY", "MONTHLY", "YEARLY" };

      for (guint i = 1; i < G_N_ELEMENTS (freqs); i++)
        if (g_str_equal (value, freqs[i]))
          self->frequency = i;
      if (self->frequency == OUTLAY_RECURRENCE_ONCE)
        return fail (error, rule, _("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY."));
    }
  else if (g_str_equal (name, "INTERVAL"))
    {
      if (!parse_int (value, 1, 1000, &v))
        return fail (error, rule, _("INTERVAL must be a whole number from 1 to 1000."));
      self->interval = v;
    }
  else if (g_str_equal (name, "COUNT"))
    {
      if (!parse_int (value, 1, 100000, &v))
        return fail (error, rule, _("COUNT must be a whole number from 1 to 100000."));
      self->count = v;
    }
  else if (g_str_equal (name, "UNTIL"))
    {
      g_autofree char *iso = NULL;

      if (strlen (value) < 8)
        return fail (error, rule, _("UNTIL must be a date such as 20271231."));
      iso = g_strdup_printf ("%.4s-%.2s-%.2s", value, value + 4, value + 6);
      if (!outlay_date_parse_iso (iso, &self->until) || (value[8] != '\0' && value[8] != 'T'))
        return fail (error, rule, _("UNTIL must be a date such as 20271231."));
    }
  else if (g_str_equal (name, "BYMONTH"))
    {
      if (!parse_list (value, 1, 12, TRUE, self->months, 1, 12, &n))
        return fail (error, rule, _("BYMONTH takes months 1 to 12."));
      self->n_months = n;
    }
  else if (g_str_equal (name, "BYMONTHDAY"))
    {
      if (!parse_list (value, -31, 31, TRUE, self->month_days, 1, 31, &n))
        return fail (error, rule, _("BYMONTHDAY takes days 1 to 31 or −1 to −31."));
      self->n_month_days = n;
    }
  else if (g_str_equal (name, "BYDAY"))
    {
      if (!parse_days (self, value))
        return fail (error, rule, _("BYDAY takes days such as MO, FR or -1FR."));
    }
  else if (g_str_equal (name, "BYSETPOS"))
    {
      if (!parse_list (value, -366, 366, TRUE, self->set_positions, 2, 16, &n))
        return fail (error, rule, _("BYSETPOS takes positions such as 1 or -1."));
      self->n_set_positions = n;
    }
  else if (g_str_equal (name, "WKST"))
    {
      self->week_start = weekday_from_code (value);
      if (self->week_start == G_DATE_BAD_WEEKDAY)
        return fail (error, rule, _("WKST takes a day such as MO."));
    }
  else if (g_str_equal (name, "RSCALE"))
    {
      if (g_ascii_strcasecmp (value, "GREGORIAN") != 0)
        return fail (error, rule, _("only the Gregorian calendar is supported."));
    }
  else if (g_str_equal (name, "SKIP"))
    {
      if (g_str_equal (value, "OMIT"))
        self->skip = OUTLAY_RECURRENCE_SKIP_OMIT;
      else if (g_str_equal (value, "BACKWARD"))
        self->skip = OUTLAY_RECURRENCE_SKIP_BACKWARD;
      else if (g_str_equal (value, "FORWARD"))
        self->skip = OUTLAY_RECURRENCE_SKIP_FORWARD;
      else
        return fail (error, rule, _("SKIP must be OMIT, BACKWARD or FORWARD."));
    }
  else
    {
      g_autofree char *why = g_strdup_printf (_("“%s” is not a part Outlay understands."), name);
      return fail (error, rule, why);
    }
  return TRUE;
}

static gboolean
check_parts (OutlayRecurrence *self, const char *rule, GError **error)
{
  if (self->frequency == OUTLAY_RECURRENCE_ONCE)
    return fail (error, rule, _("it has no FREQ."));
  if (self->count > 0 && g_date_valid (&self->until))
    return fail (error, rule, _("it has both COUNT and UNTIL; keep one."));
  for (guint i = 0; i < self->n_days; i++)
    {
      gboolean ordinals_ok = self->frequency == OUTLAY_RECURRENCE_MONTHLY
                             || (self->frequency == OUTLAY_RECURRENCE_YEARLY && self->n_months > 0);

      if (self->days[i].ordinal != 0 && !ordinals_ok)
        return fail (error, rule,
                     _("a numbered day such as -1FR needs FREQ=MONTHLY, or YEARLY with BYMONTH."));
      if (self->days[i].ordinal != 0 && ABS (self->days[i].ordinal) > 5)
        return fail (error, rule, _("a month has at most five of each weekday."));
    }
  if (self->frequency == OUTLAY_RECURRENCE_YEARLY && self->n_days > 0 && self->n_months == 0)
    return fail (error, rule, _("a yearly rule with BYDAY needs BYMONTH."));
  if (self->frequency == OUTLAY_RECURRENCE_WEEKLY && self->n_month_days > 0)
    return fail (error, rule, _("BYMONTHDAY does not go with FREQ=WEEKLY."));
  return TRUE;
}

/**
 * outlay_recurrence_parse:
 * @self: (out caller-allocates): the parsed rule
 * @rule: (nullable): an RRULE value ("FREQ=MONTHLY;BYMONTHDAY=-1"), with
 *   or without the "RRULE:" prefix; %NULL or "" happens once
 * @start: the first date (DTSTART)
 * @error: why the rule is refused: not understood, ending before @start,
 *   or giving no date at all
 *
 * Returns: %TRUE when @rule is valid and gives at least one date
 */
gboolean
outlay_recurrence_parse (OutlayRecurrence *self,
                         const char *rule,
                         const GDate *start,
                         GError **error)
{
  g_auto (GStrv) parts = NULL;
  GDate first;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (start != NULL && g_date_valid (start), FALSE);

  memset (self, 0, sizeof *self);
  g_date_clear (&self->until, 1);
  self->start = *start;
  self->interval = 1;
  self->week_start = G_DATE_MONDAY;
  if (rule != NULL && g_str_has_prefix (rule, "RRULE:"))
    rule += strlen ("RRULE:");
  if (rule == NULL || *rule == '\0')
    return TRUE;

  parts = g_strsplit (rule, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto (GStrv) kv = g_strsplit (parts[i], "=", 2);

      if (*parts[i] == '\0' && parts[i + 1] == NULL)
        continue;
      if (kv[0] == NULL || kv[1] == NULL)
        return fail (error, rule, _("each part must look like NAME=VALUE."));
      if (!parse_part (self, rule, g_strstrip (kv[0]), g_strstrip (kv[1]), error))
        return FALSE;
    }
  if (!check_parts (self, rule, error))
    return FALSE;
  if (g_date_valid (&self->until) && g_date_compare (&self->until, start) < 0)
    {
      g_autofree char *until = date_words (&self->until);
      g_autofree char *from = date_words (start);

      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("The repeat rule ends on %s, before its first date, %s."), until, from);
      return FALSE;
    }
  if (!outlay_recurrence_first (self, &first))
    {
      g_autofree char *desc = outlay_recurrence_describe (self);
      g_autofree char *from = date_words (start);

      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("The repeat rule “%s” (%s) never gives a date from %s on. Check the days "
                     "and months it names, and its end."),
                      rule, desc, from);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------ expanding */

static int
date_cmp (gconstpointer a, gconstpointer b)
{
  guint32 x = date_julian (a), y = date_julian (b);

  return (x > y) - (x < y);
}

/* Most periods give their dates in order already: no sort then */
static gboolean
dates_sorted (const Dates *dates)
{
  for (guint i = 1; i < dates->len; i++)
    if (date_julian (&dates->d[i - 1]) > date_julian (&dates->d[i]))
      return FALSE;
  return TRUE;
}

static void
add_month_day (Dates *out, guint year, GDateMonth month, int day, OutlayRecurrenceSkip skip)
{
  guint8 n = g_date_get_days_in_month (month, year);
  GDate d;

  if (day < 0)
    day = n + 1 + day;
  if (day >= 1 && day <= n)
    {
      date_set (&d, day, month, year);
      dates_push (out, &d);
      return;
    }
  if (day < 1 || skip == OUTLAY_RECURRENCE_SKIP_OMIT)
    return;
  date_set (&d, n, month, year);
  if (skip == OUTLAY_RECURRENCE_SKIP_FORWARD)
    g_date_add_days (&d, 1);
  dates_push (out, &d);
}

static gboolean
weekday_matches (const OutlayRecurrence *self, GDateWeekday wd, guint dom, guint n_in_month)
{
  guint nth = (dom - 1) / 7 + 1;
  int nth_last = -(int) ((n_in_month - dom) / 7 + 1);

  for (guint i = 0; i < self->n_days; i++)
    if (self->days[i].weekday == wd
        && (self->days[i].ordinal == 0 || self->days[i].ordinal == (int) nth
            || self->days[i].ordinal == nth_last))
      return TRUE;
  return FALSE;
}

static gboolean
day_matches (const OutlayRecurrence *self, const GDate *d, guint n_in_month)
{
  GDateWeekday wd = g_date_get_weekday (d);
  guint dom = g_date_get_day (d);
  guint nth = (dom - 1) / 7 + 1;
  int nth_last = -(int) ((n_in_month - dom) / 7 + 1);

  for (guint i = 0; i < self->n_days; i++)
    if (self->days[i].weekday == wd
        && (self->days[i].ordinal == 0 || self->days[i].ordinal == (int) nth
            || self->days[i].ordinal == nth_last))
      return TRUE;
  return FALSE;
}

static gboolean
month_day_matches (const OutlayRecurrence *self, const GDate *d)
{
  guint8 n = g_date_get_days_in_month (g_date_get_month (d), g_date_get_year (d));
  int dom = g_date_get_day (d);

  for (guint i = 0; i < self->n_month_days; i++)
    {
      int md = self->month_days[i];

      if (md == dom || n + 1 + md == dom)
        return TRUE;
      if (self->skip == OUTLAY_RECURRENCE_SKIP_BACKWARD && md > n && dom == n)
        return TRUE;
    }
  return FALSE;
}

static gboolean
month_allowed (const OutlayRecurrence *self, GDateMonth m)
{
  if (self->n_months == 0)
    return TRUE;
  for (guint i = 0; i < self->n_months; i++)
    if (self->months[i] == m)
      return TRUE;
  return FALSE;
}

/* The dates of one month under BYMONTHDAY and BYDAY */
static void
expand_month (const OutlayRecurrence *self, guint year, GDateMonth month, Dates *out)
{
  guint8 n = g_date_get_days_in_month (month, year);

  if (self->n_days > 0)
    {
      GDate first;
      GDateWeekday wd1;

      g_date_clear (&first, 1);
      g_date_set_dmy (&first, 1, month, year);
      wd1 = g_date_get_weekday (&first);
      for (guint dom = 1; dom <= n; dom++)
        {
          /* the weekday follows from the 1st's: no calendar per day */
          GDateWeekday wd = (wd1 - 1 + dom - 1) % 7 + 1;
          GDate d;

          if (!weekday_matches (self, wd, dom, n))
            continue;
          date_set (&d, dom, month, year);
          if (self->n_month_days == 0 || month_day_matches (self, &d))
            dates_push (out, &d);
        }
      return;
    }
  if (self->n_month_days == 0)
    {
      add_month_day (out, year, month, g_date_get_day (&self->start), self->skip);
      return;
    }
  for (guint i = 0; i < self->n_month_days; i++)
    add_month_day (out, year, month, self->month_days[i], self->skip);
}

/* The first day of period @k */
static void
period_start (const OutlayRecurrence *self, gint64 k, GDate *d)
{
  guint step = self->interval;

  *d = self->start;
  switch (self->frequency)
    {
      case OUTLAY_RECURRENCE_DAILY:
        g_date_add_days (d, k * step);
        break;
      case OUTLAY_RECURRENCE_WEEKLY:
        g_date_subtract_days (d, (g_date_get_weekday (d) - self->week_start + 7) % 7);
        g_date_add_days (d, 7 * k * step);
        break;
      case OUTLAY_RECURRENCE_MONTHLY:
        {
          guint64 months = (guint64) g_date_get_year (d) * 12 + g_date_get_month (d) - 1
                           + (guint64) k * step;

          /* the walk stops long before a year GDate cannot hold */
          date_set (d, 1, months % 12 + 1, MIN (months / 12, G_MAXUINT16));
        }
        break;
      case OUTLAY_RECURRENCE_YEARLY:
        date_set (d, 1, G_DATE_JANUARY,
                  MIN ((guint64) g_date_get_year (d) + (guint64) k * step, G_MAXUINT16));
        break;
      case OUTLAY_RECURRENCE_ONCE:
      default:
        break;
    }
}

static void
expand_period (const OutlayRecurrence *self, const GDate *p, Dates *out)
{
  GDate d;
  guint kept;

  out->len = 0;
  switch (self->frequency)
    {
      case OUTLAY_RECURRENCE_DAILY:
        if (month_allowed (self, g_date_get_month (p))
            && (self->n_month_days == 0 || month_day_matches (self, p))
            && (self->n_days == 0
                || day_matches (
                    self, p, g_date_get_days_in_month (g_date_get_month (p), g_date_get_year (p)))))
          dates_push (out, p);
        break;
      case OUTLAY_RECURRENCE_WEEKLY:
        if (self->n_days == 0 && self->n_months == 0)
          {
            /* the start's weekday in the week: no need to look at seven days */
            d = *p;
            g_date_add_days (&d,
                             (g_date_get_weekday (&self->start) - g_date_get_weekday (p) + 7) % 7);
            dates_push (out, &d);
            break;
          }
        for (guint i = 0; i < 7; i++)
          {
            d = *p;
            g_date_add_days (&d, i);
            if (!month_allowed (self, g_date_get_month (&d)))
              continue;
            if (self->n_days == 0 ? g_date_get_weekday (&d) == g_date_get_weekday (&self->start)
                                  : day_matches (self, &d, 31))
              dates_push (out, &d);
          }
        break;
      case OUTLAY_RECURRENCE_MONTHLY:
        if (month_allowed (self, g_date_get_month (p)))
          expand_month (self, g_date_get_year (p), g_date_get_month (p), out);
        break;
      case OUTLAY_RECURRENCE_YEARLY:
        for (GDateMonth m = G_DATE_JANUARY; m <= G_DATE_DECEMBER; m++)
          if (self->n_months > 0 ? month_allowed (self, m) : m == g_date_get_month (&self->start))
            expand_month (self, g_date_get_year (p), m, out);
        break;
      case OUTLAY_RECURRENCE_ONCE:
      default:
        break;
    }
  if (!dates_sorted (out))
    qsort (out->d, out->len, sizeof (GDate), date_cmp);
  /* once each */
  for (guint i = kept = MIN (out->len, 1); i < out->len; i++)
    if (date_julian (&out->d[i]) != date_julian (&out->d[kept - 1]))
      out->d[kept++] = out->d[i];
  out->len = kept;
  if (self->n_set_positions > 0 && out->len > 0)
    {
      Dates picked = { 0 };

      for (guint i = 0; i < self->n_set_positions; i++)
        {
          int pos = self->set_positions[i];
          int idx = pos > 0 ? pos - 1 : (int) out->len + pos;

          if (idx >= 0 && idx < (int) out->len)
            dates_push (&picked, &out->d[idx]);
        }
      qsort (picked.d, picked.len, sizeof (GDate), date_cmp);
      out->len = 0;
      for (guint i = 0; i < picked.len; i++)
        if (i == 0 || date_julian (&picked.d[i - 1]) != date_julian (&picked.d[i]))
          dates_push (out, &picked.d[i]);
    }
}

/* The period index to begin at to reach @from without walking every
 * period before it; 0 when the rule counts its dates (COUNT). */
static gint64
first_period (const OutlayRecurrence *self, const GDate *from)
{
  gint64 k;
  GDate p0;

  if (self->count > 0 || g_date_compare (from, &self->start) <= 0)
    return 0;
  period_start (self, 0, &p0);
  switch (self->frequency)
    {
      case OUTLAY_RECURRENCE_DAILY:
        k = g_date_days_between (&p0, from) / self->interval;
        break;
      case OUTLAY_RECURRENCE_WEEKLY:
        k = g_date_days_between (&p0, from) / (7 * (gint64) self->interval);
        break;
      case OUTLAY_RECURRENCE_MONTHLY:
        k = ((gint64) (g_date_get_year (from) - g_date_get_year (&p0)) * 12
             + g_date_get_month (from) - g_date_get_month (&p0))
            / self->interval;
        break;
      case OUTLAY_RECURRENCE_YEARLY:
        k = (g_date_get_year (from) - g_date_get_year (&p0)) / self->interval;
        break;
      case OUTLAY_RECURRENCE_ONCE:
      default:
        k = 0;
        break;
    }
  /* a FORWARD skip can push a date into the next period */
  return MAX (0, k - 1);
}

/* Calls @func with each rule date from @from (inclusive) to @to, in order;
 * stops when @func returns FALSE. */
static void
walk (const OutlayRecurrence *self,
      const GDate *from,
      const GDate *to,
      gboolean (*func) (const GDate *d, gpointer data),
      gpointer data)
{
  Dates dates;
  guint seen = 0;
  guint32 start_j = g_date_get_julian (&self->start), from_j = g_date_get_julian (from);
  guint32 to_j = g_date_get_julian (to);
  guint32 until_j = g_date_valid (&self->until) ? g_date_get_julian (&self->until) : G_MAXUINT32;

  if (self->frequency == OUTLAY_RECURRENCE_ONCE)
    {
      if (g_date_compare (&self->start, from) >= 0 && g_date_compare (&self->start, to) <= 0)
        func (&self->start, data);
      return;
    }
  for (gint64 k = first_period (self, from);; k++)
    {
      GDate p;

      period_start (self, k, &p);
      if (date_julian (&p) > to_j || g_date_get_year (&p) > 9000)
        return;
      expand_period (self, &p, &dates);
      for (guint i = 0; i < dates.len; i++)
        {
          const GDate *d = &dates.d[i];
          guint32 j = date_julian (d);

          if (j < start_j)
            continue;
          if (j > until_j)
            return;
          if (self->count > 0 && ++seen > self->count)
            return;
          if (j > to_j)
            return;
          if (j >= from_j && !func (d, data))
            return;
        }
    }
}

static gboolean
take_first (const GDate *d, gpointer data)
{
  *(GDate *) data = *d;
  return FALSE;
}

/**
 * outlay_recurrence_first:
 * @self: a rule
 * @first: (out): its first date
 *
 * Returns: %FALSE when the rule gives no date in the years it is searched
 */
gboolean
outlay_recurrence_first (const OutlayRecurrence *self, GDate *first)
{
  GDate to = self->start;

  g_date_clear (first, 1);
  g_date_add_years (&to, SEARCH_YEARS);
  if (g_date_valid (&self->until) && g_date_compare (&self->until, &to) < 0)
    to = self->until;
  walk (self, &self->start, &to, take_first, first);
  return g_date_valid (first);
}

typedef struct
{
  OutlayWeekendRule weekend;
  guint32 from_j;
  guint32 to_j;
  OutlayRecurrenceFunc func;
  gpointer data;
} ForeachData;

static gboolean
foreach_date (const GDate *d, gpointer data)
{
  ForeachData *e = data;
  GDate date = *d;
  guint32 j;

  outlay_weekend_apply (e->weekend, &date);
  j = date_julian (&date);
  if (j >= e->from_j && j <= e->to_j)
    e->func (d, &date, e->data);
  return TRUE;
}

/**
 * outlay_recurrence_foreach:
 * @self: a rule
 * @weekend: how a date on a weekend moves
 * @from: the first day of the range
 * @to: the last day of the range
 * @func: called with each occurrence's rule date and its date after
 *   weekend handling, when that falls in the range
 * @data: for @func
 *
 * The occurrences of outlay_recurrence_expand() without an array: in the
 * rule's order, which only a weekend move can take out of date order.
 */
void
outlay_recurrence_foreach (const OutlayRecurrence *self,
                           OutlayWeekendRule weekend,
                           const GDate *from,
                           const GDate *to,
                           OutlayRecurrenceFunc func,
                           gpointer data)
{
  ForeachData e = { weekend, g_date_get_julian (from), g_date_get_julian (to), func, data };
  GDate wide_from = *from, wide_to = *to;

  g_return_if_fail (self != NULL);
  /* a weekend move crosses at most two days */
  g_date_subtract_days (&wide_from, MIN (2, g_date_get_julian (&wide_from) - 1));
  g_date_add_days (&wide_to, 2);
  walk (self, &wide_from, &wide_to, foreach_date, &e);
}

static void
collect (const GDate *original, const GDate *date, gpointer data)
{
  OutlayRecurrenceDate rd = { *original, *date };

  g_array_append_val ((GArray *) data, rd);
}

static int
recurrence_date_cmp (gconstpointer a, gconstpointer b)
{
  const OutlayRecurrenceDate *x = a, *y = b;
  int c = date_cmp (&x->date, &y->date);

  return c != 0 ? c : date_cmp (&x->original, &y->original);
}

/**
 * outlay_recurrence_expand:
 * @self: a rule
 * @weekend: how a date on a weekend moves
 * @from: the first day of the range
 * @to: the last day of the range
 *
 * Returns: (transfer full) (element-type OutlayRecurrenceDate): the
 *   occurrences whose date, after weekend handling, falls in the range, in
 *   date order
 */
GArray *
outlay_recurrence_expand (const OutlayRecurrence *self,
                          OutlayWeekendRule weekend,
                          const GDate *from,
                          const GDate *to)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (OutlayRecurrenceDate));

  g_return_val_if_fail (self != NULL, out);
  outlay_recurrence_foreach (self, weekend, from, to, collect, out);
  /* only a weekend move can put two dates out of order */
  for (guint i = 1; i < out->len; i++)
    if (recurrence_date_cmp (&g_array_index (out, OutlayRecurrenceDate, i - 1),
                             &g_array_index (out, OutlayRecurrenceDate, i))
        > 0)
      {
        g_array_sort (out, recurrence_date_cmp);
        break;
      }
  return out;
}

/* ------------------------------------------------------------ to string */

/**
 * outlay_recurrence_to_string:
 * @self: a rule
 *
 * Returns: (transfer full): the RRULE value, "" for a rule that happens
 *   once
 */
char *
outlay_recurrence_to_string (const OutlayRecurrence *self)
{
  const char *freqs[] = { NULL, "DAILY", "WEEKLY", "MONTHLY", "YEARLY" };
  GString *s;

  g_return_val_if_fail (self != NULL, NULL);
  if (self->frequency == OUTLAY_RECURRENCE_ONCE)
    return g_strdup ("");
  s = g_string_new (NULL);
  if (self->skip != OUTLAY_RECURRENCE_SKIP_OMIT)
    g_string_append_printf (s, "RSCALE=GREGORIAN;SKIP=%s;",
                            self->skip == OUTLAY_RECURRENCE_SKIP_BACKWARD ? "BACKWARD" : "FORWARD");
  g_string_append_printf (s, "FREQ=%s", freqs[self->frequency]);
  if (self->interval > 1)
    g_string_append_printf (s, ";INTERVAL=%u", self->interval);
  if (self->n_months > 0)
    for (guint i = 0; i < self->n_months; i++)
      g_string_append_printf (s, "%s%u", i == 0 ? ";BYMONTH=" : ",", self->months[i]);
  for (guint i = 0; i < self->n_month_days; i++)
    g_string_append_printf (s, "%s%d", i == 0 ? ";BYMONTHDAY=" : ",", self->month_days[i]);
  for (guint i = 0; i < self->n_days; i++)
    {
      g_string_append (s, i == 0 ? ";BYDAY=" : ",");
      if (self->days[i].ordinal != 0)
        g_string_append_printf (s, "%d", self->days[i].ordinal);
      g_string_append (s, weekday_codes[self->days[i].weekday]);
    }
  for (guint i = 0; i < self->n_set_positions; i++)
    g_string_append_printf (s, "%s%d", i == 0 ? ";BYSETPOS=" : ",", self->set_positions[i]);
  if (self->week_start != G_DATE_MONDAY)
    g_string_append_printf (s, ";WKST=%s", weekday_codes[self->week_start]);
  if (self->count > 0)
    g_string_append_printf (s, ";COUNT=%u", self->count);
  if (g_date_valid (&self->until))
    g_string_append_printf (s, ";UNTIL=%04u%02u%02u", g_date_get_year (&self->until),
                            g_date_get_month (&self->until), g_date_get_day (&self->until));
  return g_string_free (s, FALSE);
}

/* ------------------------------------------------------------- in words */

static char *
weekday_name (GDateWeekday wd)
{
  char buf[64];
  GDate d;

  g_date_set_dmy (&d, 1, G_DATE_JANUARY, 2024); /* a Monday */
  g_date_add_days (&d, wd - G_DATE_MONDAY);
  g_date_strftime (buf, sizeof buf, "%A", &d);
  return g_strdup (buf);
}

static char *
month_name (GDateMonth m)
{
  char buf[64];
  GDate d;

  g_date_set_dmy (&d, 1, m, 2024);
  g_date_strftime (buf, sizeof buf, "%B", &d);
  return g_strdup (buf);
}

static const char *
ordinal_word (int n)
{
  switch (n)
    {
      case 1:
        return _("first");
      case 2:
        return _("second");
      case 3:
        return _("third");
      case 4:
        return _("fourth");
      case 5:
        return _("fifth");
      case -1:
        return _("last");
      case -2:
        return _("second to last");
      default:
        return NULL;
    }
}

static void
join (GString *s, GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        /* Translators: between the items of a list, and before the last */
        g_string_append (s, i + 1 == items->len ? _(" and ") : _(", "));
      g_string_append (s, g_ptr_array_index (items, i));
    }
}

static gboolean
is_business_days (const OutlayRecurrence *self)
{
  guint mask = 0;

  for (guint i = 0; i < self->n_days; i++)
    {
      if (self->days[i].ordinal != 0)
        return FALSE;
      mask |= 1u << self->days[i].weekday;
    }
  return mask
         == ((1u << G_DATE_MONDAY) | (1u << G_DATE_TUESDAY) | (1u << G_DATE_WEDNESDAY)
             | (1u << G_DATE_THURSDAY) | (1u << G_DATE_FRIDAY));
}

static char *
day_of_month_words (int md, OutlayRecurrenceSkip skip)
{
  if (md == -1)
    return g_strdup (_("the last day"));
  if (md < 0)
    return g_strdup_printf (_("the %d. day from the end"), -md);
  if (md > 28 && skip == OUTLAY_RECURRENCE_SKIP_BACKWARD)
    return g_strdup_printf (_("day %d or the month’s last day"), md);
  return g_strdup_printf (_("day %d"), md);
}

/* "on the last business day", "on day 1 and day 15", "on the last Friday" */
static void
describe_within_month (const OutlayRecurrence *self, GString *s)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  if (self->n_days > 0 && is_business_days (self) && self->n_set_positions == 1
      && ordinal_word (self->set_positions[0]) != NULL && self->n_month_days == 0)
    {
      g_string_append_printf (s, _(" on the %s business day"),
                                    ordinal_word (self->set_positions[0]));
      return;
    }
  for (guint i = 0; i < self->n_days; i++)
    {
      g_autofree char *name = weekday_name (self->days[i].weekday);
      const char *ord = ordinal_word (self->days[i].ordinal);

      if (self->days[i].ordinal == 0)
        g_ptr_array_add (items, g_strdup_printf (_("every %s"), name));
      else if (ord != NULL)
        g_ptr_array_add (items, g_strdup_printf (_("the %s %s"), ord, name));
      else
        g_ptr_array_add (items, g_strdup_printf (_("the %d. %s"), self->days[i].ordinal, name));
    }
  for (guint i = 0; i < self->n_month_days; i++)
    g_ptr_array_add (items, day_of_month_words (self->month_days[i], self->skip));
  if (items->len == 0)
    g_ptr_array_add (items, day_of_month_words (g_date_get_day (&self->start), self->skip));
  g_string_append (s, _(" on "));
  join (s, items);
  if (self->n_set_positions > 0)
    {
      g_autoptr (GPtrArray) pos = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < self->n_set_positions; i++)
        g_ptr_array_add (pos, g_strdup_printf ("%d", self->set_positions[i]));
      g_string_append (s, _(", position "));
      join (s, pos);
    }
}

static void
describe_months (const OutlayRecurrence *self, GString *s)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->n_months; i++)
    g_ptr_array_add (items, month_name (self->months[i]));
  if (items->len == 0)
    return;
  g_string_append (s, _(" in "));
  join (s, items);
}

/**
 * outlay_recurrence_describe:
 * @self: a rule
 *
 * Returns: (transfer full): the rule in words, "Every month on the last
 *   business day", translated
 */
char *
outlay_recurrence_describe (const OutlayRecurrence *self)
{
  GString *s = g_string_new (NULL);
  guint n = self->interval;

  switch (self->frequency)
    {
      case OUTLAY_RECURRENCE_ONCE:
        {
          g_autofree char *d = date_words (&self->start);
          g_string_append_printf (s, _("Once, on %s"), d);
          return g_string_free (s, FALSE);
        }
      case OUTLAY_RECURRENCE_DAILY:
        g_string_append_printf (s, n == 1 ? _("Every day") : _("Every %u days"), n);
        break;
      case OUTLAY_RECURRENCE_WEEKLY:
        {
          g_autoptr (GPtrArray) days = g_ptr_array_new_with_free_func (g_free);

          g_string_append_printf (s, n == 1 ? _("Every week") : _("Every %u weeks"), n);
          for (guint i = 0; i < self->n_days; i++)
            g_ptr_array_add (days, weekday_name (self->days[i].weekday));
          if (days->len == 0)
            g_ptr_array_add (days, weekday_name (g_date_get_weekday (&self->start)));
          g_string_append (s, _(" on "));
          join (s, days);
          break;
        }
      case OUTLAY_RECURRENCE_MONTHLY:
        g_string_append_printf (s, n == 1 ? _("Every month") : _("Every %u months"), n);
        describe_within_month (self, s);
        break;
      case OUTLAY_RECURRENCE_YEARLY:
        g_string_append_printf (s, n == 1 ? _("Every year") : _("Every %u years"), n);
        if (self->n_months == 0 && self->n_month_days == 0)
          {
            g_autofree char *m = month_name (g_date_get_month (&self->start));
            g_string_append_printf (s, _(" on %u %s"), g_date_get_day (&self->start), m);
          }
        else
          describe_within_month (self, s);
        break;
      default:
        break;
    }
  if (self->frequency != OUTLAY_RECURRENCE_YEARLY || self->n_month_days > 0 || self->n_days > 0)
    describe_months (self, s);
  if (self->count > 0)
    g_string_append_printf (s, self->count == 1 ? _(", once") : _(", %u times"), self->count);
  if (g_date_valid (&self->until))
    {
      g_autofree char *d = date_words (&self->until);
      g_string_append_printf (s, _(", until %s"), d);
    }
  return g_string_free (s, FALSE);
}
