/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Static tables behind the budget templates and the first-run sample.
 * Numbers are decimal text, parsed exactly by outlay_decimal_parse(). */

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *code;        /* line number, "1" … (AICP numbers run on across sections) */
  const char *description; /* "Line producer" */
  const char *unit;        /* "day", "week", "hour", "flat", "each", "allow" */
  const char *qty;         /* "2"; NULL means 1 */
  const char *multiplier;  /* days/weeks, "5"; NULL means 1 */
  const char *rate;        /* "850.00"; NULL means 0 (template lines have no rate) */
  const char *actual;      /* NULL or "7377.70" (sample only) */
  const char *notes;       /* NULL or short text */
} OutlayTemplateLine;

typedef struct
{
  const char               *code;   /* "A" */
  const char               *name;   /* "Pre-production & wrap labour" */
  const char               *fringe; /* percent on labour sections, "28"; NULL for none */
  const OutlayTemplateLine *lines;
  guint                     n_lines;
} OutlayTemplateSection;

/* A bid's header block and top-sheet markups; every field may be NULL
 * (empty text, or 0 for the numbers). */
typedef struct
{
  const char *production_company;     /* "Northbeam Films" */
  const char *agency;
  const char *job_number;             /* "NB-2611" */
  const char *bid_date;               /* ISO date */
  const char *shoot_dates;            /* free text */
  const char *director;
  const char *producer;
  const char *comments;
  const char *markup_percent;         /* decimal text, percent: "12" */
  const char *contingency;            /* decimal text, amount */
  const char *insurance_percent;
  const char *production_fee_percent;
  const char *handling_fee_percent;
} OutlayTemplateBid;

typedef struct
{
  const char                  *id;          /* "aicp", "blank", "software", "department", "event", "sample" */
  const char                  *name;        /* shown in the New Budget dialog (translatable, N_()) */
  const char                  *description; /* one sentence (N_()) */
  const char                  *kind;        /* budget kind: "aicp", "project", "department", "sales", "household", "event" */
  const char                  *currency;    /* "USD" */
  const char                  *client;      /* NULL, or the sample's client */
  const char                  *allocated;   /* NULL, or the cap, decimal text */
  const OutlayTemplateSection *sections;
  guint                        n_sections;
  const OutlayTemplateBid     *bid;         /* NULL, or the sample's header and markups */
} OutlayTemplate;

/* All templates offered for new budgets, then the sample ("sample" id) last. */
extern const OutlayTemplate outlay_template_table[];
extern const guint          outlay_template_table_len;

G_END_DECLS
