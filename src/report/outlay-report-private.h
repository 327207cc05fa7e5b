/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the report's files: outlay-report.c (the object, PDF),
 * outlay-report-content.c and outlay-report-compare.c (what the rows say)
 * and outlay-report-layout.c (measuring, paginating, drawing).
 *
 * A report is made in two steps.  When it is created, the document is
 * turned into prepared rows of text (so the report holds no reference to
 * the document and can be drawn in a worker thread while the document
 * changes).  Paginating measures the rows for a page size once and
 * remembers each page as a range of rows; drawing a page lays out only
 * that page's rows again. */

#include <pango/pangocairo.h>

#include "outlay-chart.h"
#include "outlay-rates.h"
#include "outlay-report.h"

G_BEGIN_DECLS

#define REPORT_MAX_COLUMNS 8
#define REPORT_NO_HEADING  G_MAXUINT32

typedef enum
{
  REPORT_COLUMN_TEXT    = 0,
  REPORT_COLUMN_NUMERIC = 1 << 0, /* tabular figures, right-aligned */
  REPORT_COLUMN_FILL    = 1 << 1, /* takes the width the others leave, wraps */
  REPORT_COLUMN_END     = 1 << 2, /* right-aligned text */
  REPORT_COLUMN_ALERT   = 1 << 3, /* red on an over-budget row (besides bold and words) */
} ReportColumnFlags;

typedef struct
{
  char              *title;
  ReportColumnFlags  flags;
  double             max_width; /* a cap in points for text columns, 0 for none */
  double             width;     /* set by paginating */
} ReportColumn;

typedef struct
{
  guint         n_columns;
  gboolean      zebra;          /* shade every other line */
  double        header_height;  /* of its column titles, set by paginating */
  ReportColumn  columns[REPORT_MAX_COLUMNS];
} ReportTable;

typedef enum
{
  REPORT_ROW_TITLE,    /* cells: title, subtitle */
  REPORT_ROW_FIELDS,   /* cells: label, value, label, value, … */
  REPORT_ROW_CAPTION,  /* cells: the caption of the table that follows */
  REPORT_ROW_COLUMNS,  /* the column titles of its table (no cells) */
  REPORT_ROW_HEADING,  /* cells: code, name; a section starts */
  REPORT_ROW_LINE,     /* cells: one per column */
  REPORT_ROW_SUBTOTAL, /* cells: one per column */
  REPORT_ROW_TOTAL,    /* cells: one per column */
  REPORT_ROW_NOTE,     /* cells: label, paragraph */
  REPORT_ROW_CHART,    /* cells: title; its table is the chart's index in charts */
} ReportRowKind;

typedef enum
{
  REPORT_ROW_OVER   = 1 << 0, /* over budget: bold, variance in red */
  REPORT_ROW_SHADED = 1 << 1, /* zebra stripe */
  REPORT_ROW_MUTED  = 1 << 2, /* grey: removed lines, fringes */
  REPORT_ROW_STRONG = 1 << 3, /* an emphasised subtotal */
} ReportRowFlags;

typedef struct
{
  guint8   kind;
  guint8   flags;
  guint8   table;
  guint8   keep;     /* the next @keep rows stay on this row's page */
  guint16  n_cells;
  float    height;   /* set by paginating */
  guint32  heading;  /* the row of its section's heading, or REPORT_NO_HEADING */
  char   **cells;    /* @n_cells strings, %NULL for an empty cell */
} ReportRow;

typedef struct
{
  guint first;
  guint n_rows;
} ReportPage;

typedef enum
{
  REPORT_FONT_BODY,
  REPORT_FONT_BOLD,
  REPORT_FONT_SMALL,     /* column titles, field labels */
  REPORT_FONT_HEADING,   /* section headings, captions */
  REPORT_FONT_TOTAL,
  REPORT_FONT_TITLE,
  REPORT_FONT_SUBTITLE,
  REPORT_FONT_FURNITURE, /* running header and footer */
  REPORT_N_FONTS,
} ReportFont;

struct _OutlayReport
{
  GObject               parent_instance;

  OutlayReportOptions   options;
  char                 *title;        /* "Top sheet" */
  char                 *budget_name;
  char                 *version;      /* for the running header */
  char                 *currency;
  GDateTime            *printed;
  GArray               *tables;       /* of ReportTable */
  GArray               *rows;         /* of ReportRow */
  GPtrArray *charts;                  /* of OutlayChart, drawn by REPORT_ROW_CHART rows */
  guint32               heading;      /* while building: the open section's heading */

  /* set by paginating */
  PangoFontMap         *fontmap;      /* our own: see outlay_report_layout_setup() */
  PangoContext         *context;
  PangoLayout          *layout;       /* scratch, for measuring and drawing */
  PangoAttrList        *tabular;      /* "tnum" for numbers */
  PangoFontDescription *fonts[REPORT_N_FONTS];
  double                line_height[REPORT_N_FONTS];
  float                *advances[REPORT_N_FONTS]; /* of Latin characters, measured lazily */
  double                width;
  double                height;
  double                body_top;
  double                body_bottom;
  GArray               *pages;        /* of ReportPage */
};

/* outlay-report-content.c */
guint      outlay_report_add_table     (OutlayReport      *self,
                                        gboolean           zebra,
                                        ...) G_GNUC_NULL_TERMINATED;
ReportRow *outlay_report_add_row       (OutlayReport      *self,
                                        ReportRowKind      kind,
                                        guint              table,
                                        guint              n_cells);
void       outlay_report_add_columns   (OutlayReport      *self,
                                        guint              table);
void       outlay_report_add_caption   (OutlayReport      *self,
                                        const char        *caption);
guint      outlay_report_add_heading   (OutlayReport      *self,
                                        guint              table,
                                        const char        *code,
                                        const char        *name,
                                        guint              n_lines);
void       outlay_report_add_note      (OutlayReport      *self,
                                        const char        *label,
                                        const char        *text);
void       outlay_report_add_fields    (OutlayReport      *self,
                                        GPtrArray         *fields);
void       outlay_report_add_title     (OutlayReport      *self,
                                        const char        *subtitle);
char      *outlay_report_money         (OutlayReport      *self,
                                        OutlayDecimal      value);
char      *outlay_report_number        (OutlayDecimal      value);
char      *outlay_report_number_places (OutlayDecimal      value,
                                        guint              places);
char      *outlay_report_percent       (OutlayDecimal      percent);
const char *outlay_report_section_ref  (OutlaySection     *section);
void       outlay_report_field         (GPtrArray         *fields,
                                        const char        *label,
                                        const char        *value);
void       outlay_report_build_summary  (OutlayReport     *self,
                                         OutlayDocument   *doc);
void       outlay_report_build_detail   (OutlayReport     *self,
                                         OutlayDocument   *doc);
void       outlay_report_build_variance (OutlayReport     *self,
                                         OutlayDocument   *doc);
void       outlay_report_budget_fields  (OutlayReport     *self,
                                         OutlayDocument   *doc,
                                         GPtrArray        *fields,
                                         gboolean          full);

/* outlay-report-compare.c */
void       outlay_report_build_compare  (OutlayReport     *self,
                                         OutlayDocument   *from,
                                         const char       *from_name,
                                         OutlayDocument   *to,
                                         const char       *to_name);

/* outlay-report-periods.c */
void outlay_report_build_period_variance (OutlayReport *self, OutlayDocument *doc);

/* outlay-report-time.c */
void outlay_report_build_time (OutlayReport *self,
                               OutlayDocument *doc,
                               GPtrArray *entries,
                               GPtrArray *people);

void outlay_report_add_time_table (OutlayReport *self,
                                   GArray *rows,
                                   const OutlayTimeRow *total,
                                   gboolean by_person);

/* outlay-report-cost.c */
void outlay_report_build_cost (OutlayReport *self,
                               OutlayDocument *doc,
                               OutlayDashboard *dashboard,
                               GPtrArray *entries,
                               GPtrArray *people);

/* outlay-report-layout.c */
void       outlay_report_layout_setup   (OutlayReport     *self,
                                         cairo_t          *cr);
void       outlay_report_layout_clear   (OutlayReport     *self);
void       outlay_report_layout_pages   (OutlayReport     *self);
void       outlay_report_layout_draw    (OutlayReport     *self,
                                         cairo_t          *cr,
                                         guint             page);

G_END_DECLS
