/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What is in a spreadsheet dropped on Outlay: which sheet holds the budget,
 * which row is the header, what each column means, what each row is
 * (a line, a section heading, a subtotal…) and what kind of file it is
 * (budget, payroll, invoice, expense report).
 *
 * The analysis looks at a sample of each sheet (the first 200 rows) and
 * never at the whole file; outlay_import_analysis_classify_row() is then
 * called by the importer for every row of the chosen sheet.
 */

#include <gio/gio.h>

#include "outlay-decimal.h"
#include "outlay-error.h"
#include "outlay-workbook.h"

G_BEGIN_DECLS

/**
 * OutlayImportField:
 * What a column of an imported file holds.  %OUTLAY_IMPORT_FIELD_IGNORE
 * columns are not imported; %OUTLAY_IMPORT_FIELD_DERIVED columns are
 * computed from others (variance, remaining, %) and are not imported either.
 */
typedef enum
{
  OUTLAY_IMPORT_FIELD_IGNORE,
  OUTLAY_IMPORT_FIELD_CODE,
  OUTLAY_IMPORT_FIELD_DESCRIPTION,
  OUTLAY_IMPORT_FIELD_CATEGORY,
  OUTLAY_IMPORT_FIELD_QTY,
  OUTLAY_IMPORT_FIELD_UNIT,
  OUTLAY_IMPORT_FIELD_MULTIPLIER,
  OUTLAY_IMPORT_FIELD_RATE,
  OUTLAY_IMPORT_FIELD_ESTIMATE,
  OUTLAY_IMPORT_FIELD_ACTUAL,
  OUTLAY_IMPORT_FIELD_COMMITTED,
  OUTLAY_IMPORT_FIELD_NOTES,
  OUTLAY_IMPORT_FIELD_DATE,
  OUTLAY_IMPORT_FIELD_VENDOR,
  OUTLAY_IMPORT_FIELD_ASSIGNEE,
  OUTLAY_IMPORT_FIELD_PERIOD,
  OUTLAY_IMPORT_FIELD_DERIVED,
  OUTLAY_IMPORT_N_FIELDS
} OutlayImportField;

/* "code", "qty", …, "ignore", "derived": stable, used in JSON */
const char *outlay_import_field_name      (OutlayImportField  field);
/* translated, for the column drop-down */
const char *outlay_import_field_title     (OutlayImportField  field);
gboolean    outlay_import_field_from_name (const char        *name,
                                           OutlayImportField *out);
/* Whether the field holds a number that is imported (qty, multiplier, rate,
 * estimate, actual, committed). */
gboolean    outlay_import_field_is_number (OutlayImportField  field);

typedef enum
{
  OUTLAY_FILE_KIND_BUDGET,
  OUTLAY_FILE_KIND_PAYROLL,
  OUTLAY_FILE_KIND_INVOICE,
  OUTLAY_FILE_KIND_EXPENSE_REPORT,
  OUTLAY_FILE_KIND_UNKNOWN,
} OutlayFileKind;

/* "budget", "payroll", "invoice", "expense_report", "unknown" */
const char *outlay_file_kind_name (OutlayFileKind kind);

typedef struct
{
  guint              column;      /* 0-based */
  char              *header;      /* as in the file; two-row headers joined with " " */
  OutlayImportField  field;
  double             confidence;  /* 0..1, for display */
} OutlayColumnMapping;

/* A deep copy of the first rows of one sheet.  To bound memory a copied
 * row keeps at most OUTLAY_SHEET_SAMPLE_MAX_CELLS cells and a cell at most
 * OUTLAY_SHEET_SAMPLE_MAX_TEXT bytes of text (cut at a character). */
#define OUTLAY_SHEET_SAMPLE_MAX_CELLS 512
#define OUTLAY_SHEET_SAMPLE_MAX_TEXT  4096

typedef struct _OutlaySheetSample OutlaySheetSample;

OutlaySheetSample *outlay_sheet_sample_read       (OutlayWorkbook    *wb,
                                                   guint              sheet,
                                                   guint              max_rows,
                                                   GCancellable      *cancellable,
                                                   GError           **error);
OutlaySheetSample *outlay_sheet_sample_new        (void);
void               outlay_sheet_sample_add_row    (OutlaySheetSample *sample,
                                                   const OutlayRow   *row);
guint              outlay_sheet_sample_get_n_rows (OutlaySheetSample *sample);
const OutlayRow   *outlay_sheet_sample_get_row    (OutlaySheetSample *sample,
                                                   guint              i);
void               outlay_sheet_sample_free       (OutlaySheetSample *sample);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlaySheetSample, outlay_sheet_sample_free)

typedef enum
{
  OUTLAY_ROW_LINE,
  OUTLAY_ROW_SECTION,
  OUTLAY_ROW_SUBTOTAL,
  OUTLAY_ROW_TOTAL,
  OUTLAY_ROW_BLANK,
  OUTLAY_ROW_HEADER,
  /* text without any amount: a note, a title, a repeated title */
  OUTLAY_ROW_TEXT,
} OutlayRowKind;

/* "line", "section", "subtotal", "total", "blank", "header", "text" */
const char *outlay_row_kind_name (OutlayRowKind kind);

typedef struct _OutlayImportAnalysis OutlayImportAnalysis;

/* Samples every visible sheet (first 200 rows), picks the sheet holding
 * the budget (or @sheet when it is not -1), finds the header, maps the
 * columns and detects the file kind.  Hidden sheets are considered only
 * when no visible sheet holds a table. */
OutlayImportAnalysis *outlay_import_analyze         (OutlayWorkbook     *wb,
                                                     int                 sheet,
                                                     GCancellable       *cancellable,
                                                     GError            **error);
/* The same from samples (index = sheet; a NULL entry is a sheet to skip).
 * The analysis keeps a reference to @samples.  @number_style AUTO sniffs
 * the decimal mark from the sampled text. */
OutlayImportAnalysis *outlay_import_analyze_samples (const char         *file_name,
                                                     GPtrArray          *samples,
                                                     GStrv               sheet_names,
                                                     int                 sheet,
                                                     OutlayDecimalStyle  number_style);
void                  outlay_import_analysis_free   (OutlayImportAnalysis *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayImportAnalysis, outlay_import_analysis_free)

guint                 outlay_import_analysis_get_sheet        (OutlayImportAnalysis *self);
const char           *outlay_import_analysis_get_sheet_name   (OutlayImportAnalysis *self);
/* 1-based row number (OutlayRow.number) of the header's last row; 0 when
 * no header was found (the columns are then named A, B, …) */
guint                 outlay_import_analysis_get_header_row   (OutlayImportAnalysis *self);
/* 1 or 2 (0 without a header) */
guint                 outlay_import_analysis_get_header_rows  (OutlayImportAnalysis *self);
/* User override: @row_number is the header's last row (0: no header).
 * Maps the columns again; earlier set_field() choices are dropped. */
void                  outlay_import_analysis_set_header_row   (OutlayImportAnalysis *self,
                                                               guint                 row_number);
/* (element-type OutlayColumnMapping) (transfer none) */
GPtrArray            *outlay_import_analysis_get_columns      (OutlayImportAnalysis *self);
/* The column mapped to @field, or -1. */
int                   outlay_import_analysis_find_field       (OutlayImportAnalysis *self,
                                                               OutlayImportField     field);
/* User override, confidence 1.0.  A field other than ignore/derived is held
 * by one column only: a column that had @field becomes ignore. */
void                  outlay_import_analysis_set_field        (OutlayImportAnalysis *self,
                                                               guint                 column,
                                                               OutlayImportField     field);
OutlayFileKind        outlay_import_analysis_get_kind         (OutlayImportAnalysis *self,
                                                               double               *confidence);
/* Sentences a user reads: why the file looks like its kind. */
const char * const   *outlay_import_analysis_get_reasons      (OutlayImportAnalysis *self);
/* The normalised header texts, for remembering mappings per layout:
 * "line|description|qty|rate|estimate"; "no-header:8" without a header. */
const char           *outlay_import_analysis_get_signature    (OutlayImportAnalysis *self);
OutlayDecimalStyle    outlay_import_analysis_get_number_style (OutlayImportAnalysis *self);
/* (element-type utf8) (transfer none): "No column looks like an amount." */
GPtrArray            *outlay_import_analysis_get_warnings     (OutlayImportAnalysis *self);

/* Whether @column's amounts add up into each line's estimate (quarters
 * across without a total column). */
gboolean outlay_import_analysis_column_is_summed (OutlayImportAnalysis *self, guint column);
/* When tables are stacked, the first one's title (its lines' section). */
const char *outlay_import_analysis_get_table_title (OutlayImportAnalysis *self);

/* Classifies one row of the chosen sheet.  Rows at or above the header
 * are HEADER, TEXT or BLANK.  For SECTION rows, @section_code and
 * @section_name (both optional) receive newly allocated strings:
 * "A: Pre-production wages" → ("A", "Pre-production wages"),
 * "1100 STORY & RIGHTS" → ("1100", "STORY & RIGHTS"), "Section 3 - Travel"
 * → ("3", "Travel"), "Travel" → (NULL, "Travel").  Names keep the file's
 * case: title-casing would mangle acronyms ("VFX", "DIT").  Allocates
 * nothing for other rows; safe to call from one thread at a time. */
OutlayRowKind         outlay_import_analysis_classify_row     (OutlayImportAnalysis *self,
                                                               const OutlayRow      *row,
                                                               char                **section_code,
                                                               char                **section_name);

/* Splits a section heading into code and name as classify_row() does;
 * FALSE when @text does not look like a heading. */
gboolean              outlay_import_parse_section             (const char           *text,
                                                               char                **code,
                                                               char                **name);

G_END_DECLS
