/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Between the parts of the import analysis: header vocabulary
 * (outlay-import-fields.c), row kinds (outlay-import-rows.c), column
 * contents (outlay-import-content.c), file kinds (outlay-import-kind.c)
 * and the analysis itself (outlay-import-analysis.c). */

#include "outlay-import-analysis.h"

G_BEGIN_DECLS

/* ---- header texts (outlay-import-fields.c) ---- */

#define OUTLAY_IMPORT_MAX_CANDIDATES 4

typedef struct
{
  OutlayImportField field;
  double            score;
} OutlayFieldScore;

/* What a header text says, best candidate first; n == 0 when nothing. */
typedef struct
{
  guint            n;
  OutlayFieldScore c[OUTLAY_IMPORT_MAX_CANDIDATES];
} OutlayFieldMatch;

/* Lower-case, accent-free, punctuation-free words joined by single spaces;
 * "#" becomes "no", "%" stays, currency tags ("(EUR)", "$") and per-unit
 * tags ("/hr") are dropped and reported in @flags. */
enum
{
  OUTLAY_HEADER_CURRENCY = 1 << 0,
  OUTLAY_HEADER_PER_UNIT = 1 << 1,
  OUTLAY_HEADER_PERCENT  = 1 << 2,
};
char    *outlay_import_normalize_header (const char       *text,
                                         guint            *flags);
void     outlay_import_match_header     (const char       *text,
                                         OutlayFieldMatch *out);
/* 1–12 when a header names a month ("Jan", "Mar-25", "May Budget"), else 0. */
guint outlay_import_header_month (const char *text);
/* 1–4 when a header names a quarter ("Q1", "Qtr 2", "3rd Quarter"), else 0. */
guint outlay_import_header_quarter (const char *text);
/* Optimal string alignment distance (Damerau–Levenshtein with adjacent
 * transpositions), giving up above @max: then returns @max + 1. */
guint    outlay_import_edit_distance    (const char       *a,
                                         const char       *b,
                                         guint             max);
/* Whether two normalised words are close enough to be a typo. */
gboolean outlay_import_is_typo          (const char       *word,
                                         const char       *vocab);

/* ---- header rows (outlay-import-header.c) ---- */

typedef struct
{
  int    index;      /* of the header's last row in the sample, -1: none */
  guint  rows;       /* 1 or 2 */
  double score;
  double vocabulary; /* what the header words alone are worth */
} OutlayHeaderChoice;

/* @memo maps header texts to OutlayFieldMatch, from outlay_import_memo_new(). */
GHashTable             *outlay_import_memo_new        (void);
const OutlayFieldMatch *outlay_import_match_cached    (GHashTable        *memo,
                                                       const char        *text);
OutlayHeaderChoice      outlay_import_find_header     (OutlaySheetSample *sample,
                                                       GHashTable        *memo);
guint                   outlay_import_header_rows_at  (OutlaySheetSample *sample,
                                                       guint              index,
                                                       GHashTable        *memo);
/* (element-type utf8): per column, the header text or NULL */
GPtrArray              *outlay_import_header_texts    (const OutlayRow   *lower,
                                                       const OutlayRow   *upper,
                                                       guint              n_columns);
/* Columns used by the sample's cells (capped). */
guint                   outlay_import_count_columns   (OutlaySheetSample *sample);
/* "A", "B", …, "AA" */
char                   *outlay_import_column_letters  (guint              column);

/* ---- cells and rows (outlay-import-text.c, outlay-import-rows.c) ---- */

/* Whether a cell holds a number: a NUMBER cell, or text such as
 * "1.234,56 €", "(1,200.00)", "12%", "$ 3 400". Allocation-free. */
/* Moves @start and @end past white space (including no-break spaces). */
void     outlay_import_trim             (const char      **start,
                                         const char      **end);
gboolean outlay_import_is_blank         (const char       *text,
                                         gsize             length);
gboolean outlay_import_text_is_number   (const char       *text,
                                         gsize             length);
gboolean outlay_import_cell_is_number   (const OutlayCell *cell);
/* Whether a cell holds text that is not a number or a date. */
gboolean outlay_import_cell_is_text     (const OutlayCell *cell);
gboolean outlay_import_text_is_date     (const char       *text);
/* ASCII lower-case, common accents dropped, punctuation as single spaces,
 * trimmed, into @buf (NUL-terminated, cut at @size - 1).  Returns the length. */
gsize    outlay_import_fold             (const char       *text,
                                         gsize             length,
                                         char             *buf,
                                         gsize             size);

typedef enum
{
  OUTLAY_TOTAL_NONE,
  OUTLAY_TOTAL_SUBTOTAL,
  OUTLAY_TOTAL_GRAND,
} OutlayTotalWord;

/* Whether a cell's text labels a total; @whole is set when the text is
 * nothing but the keyword ("Total", "Subtotal", "Summe"). */
OutlayTotalWord outlay_import_total_word (const char *text,
                                          gsize       length,
                                          gboolean   *whole);
/* Whether @text looks like a line or section code: "A", "1100", "PX-001", "1.2". */
gboolean outlay_import_text_is_code     (const char       *text,
                                         gsize             length);

/* ---- the analysis ---- */

struct _OutlaySheetSample
{
  GPtrArray *rows; /* OutlayRow*, each one allocation with its cells and texts */
};

typedef struct
{
  /* per column, 0 … n_columns - 1 */
  guint       n_columns;
  guint8     *fields;       /* OutlayImportField */
  char      **header_lower; /* raw header texts of the last header row (or NULL) */
  char      **header_upper; /* of the first of two header rows (or NULL) */
  int         code_column;
  int         description_column;
  int         category_column;
  int         notes_column;
  gboolean    has_description;
  guint8 *summed; /* per column: adds up into the estimate, or NULL */
} OutlayRowRules;

struct _OutlayImportAnalysis
{
  char               *file_name;
  GPtrArray          *samples;      /* OutlaySheetSample* or NULL, reffed */
  GStrv               sheet_names;
  guint               sheet;
  guint               header_row;
  guint               header_rows;
  GPtrArray          *columns;      /* OutlayColumnMapping* */
  OutlayFileKind      kind;
  double              kind_confidence;
  GPtrArray          *reasons;      /* char*, NULL-terminated */
  char               *signature;
  OutlayDecimalStyle  number_style;
  GPtrArray          *warnings;     /* char* */
  double              table_score;  /* how well the sheet reads as a budget table */
  double              header_score;
  int                 product[4];   /* columns: estimate = qty × rate (× multiplier), or -1 */
  OutlayRowRules      rules;
  char *table_title;                /* of the first of stacked tables, or NULL */
  guint8 *quarters;                 /* per column of the mapping: a quarter's amounts, or NULL */
  OutlaySheetSample  *empty;        /* stands in for a sheet without a sample */
};

/* Content checks and content-only mapping (outlay-import-content.c):
 * adjusts @scores (n_columns × OUTLAY_IMPORT_N_FIELDS, header evidence)
 * with what the data rows below the header hold. */
typedef struct
{
  guint         n_columns;
  double       *scores;   /* [column * OUTLAY_IMPORT_N_FIELDS + field] */
  const char  **headers;  /* per column, may be NULL or "" */
} OutlayColumnEvidence;

void     outlay_import_content_adjust  (OutlayImportAnalysis *self,
                                        OutlaySheetSample    *sample,
                                        OutlayColumnEvidence *ev);

/* The first table's title when tables are stacked (outlay-import-rows.c). */
char *outlay_import_table_title (OutlayImportAnalysis *self, OutlaySheetSample *sample);

/* Fills rules from the current columns and header rows. */
void     outlay_import_rules_build     (OutlayImportAnalysis *self,
                                        OutlaySheetSample    *sample);
void     outlay_import_rules_clear     (OutlayRowRules       *rules);

/* File kind, confidence and reasons (outlay-import-kind.c). */
void     outlay_import_detect_kind     (OutlayImportAnalysis *self,
                                        OutlaySheetSample    *sample);

/* A list of quoted texts for a sentence: "“A”, “B” and “C”". */
char    *outlay_import_quote_list      (const char * const   *texts,
                                        guint                 n);

G_END_DECLS
