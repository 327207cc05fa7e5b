/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Between the parts of the import assistant: outlay-import-dialog.c (the
 * workers and what the user changes) and outlay-import-dialog-view.c
 * (showing the analysis and the check). */

#include "outlay-import-dialog.h"
#include "outlay-importer.h"

G_BEGIN_DECLS

/* what the analysis samples, and so what the header row can be */
#define SAMPLE_ROWS  200
#define PREVIEW_ROWS 20

typedef enum
{
  JOB_ANALYZE,
  JOB_CHECK,
  JOB_RUN,
} JobKind;

/* One worker's data, owned by its GTask. */
typedef struct
{
  JobKind               kind;
  GCancellable         *cancellable;
  gint                  rows;       /* atomic: rows read so far */
  gint                  waiting;    /* atomic: RUN waits for another import */
  OutlayWorkbook       *workbook;
  int                   sheet;      /* ANALYZE: -1 to choose */
  OutlayImportAnalysis *analysis;   /* ANALYZE: made here; else the dialog's */
  OutlaySheetSample    *sample;     /* ANALYZE: the chosen sheet's first rows */
  char                 *store_path; /* RUN */
  char *signature;                  /* RUN: the layout whose mapping is remembered */
  char *mapping;                    /* RUN: that mapping, JSON */
  OutlayImportOptions   options;    /* CHECK, RUN; its strings are the ones below */
  char                 *budget_name;
  char                 *currency;
  char                 *fingerprint;
  char                 *uri;
  char                 *source;
  OutlayImportResult   *result;
} Job;

typedef struct
{
  guint             column;
  OutlayImportField field;
} FieldChange;

struct _OutlayImportDialog
{
  AdwWindow             parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *pages;
  AdwStatusPage        *failed_page;
  GtkWidget            *duplicate_banner;
  GtkLabel             *duplicate_label;
  GtkWidget            *mapping_banner;
  GtkWidget *skipped_banner;
  GtkLabel *skipped_label;
  GtkDropDown          *sheet_dropdown;
  GtkSpinButton        *header_spin;
  GtkScrolledWindow    *preview_scroller;
  AdwExpanderRow       *kind_row;
  GtkLabel             *kind_badge;
  AdwActionRow         *anyway_row;
  GtkCheckButton       *anyway_check;
  AdwComboRow          *mode_row;
  AdwEntryRow          *name_row;
  AdwComboRow          *currency_row;
  AdwComboRow          *budget_row;
  GtkWidget            *checking_box;
  GtkLabel             *checking_label;
  GtkLabel             *summary_label;
  GtkLabel             *check_error_label;
  GtkBox               *warnings_box;
  GtkWidget *currency_warning; /* in warnings_box, or NULL */
  GtkWidget            *errors_box;
  GtkLabel             *errors_title;
  GtkListBox           *error_list;
  GtkCheckButton       *skip_check;
  GtkCheckButton       *stop_check;
  AdwStatusPage        *progress_page;
  GtkProgressBar       *progress_bar;

  OutlayStore          *store;
  GFile                *file;
  OutlayWorkbook       *workbook;
  char                 *fingerprint;
  char                 *source;
  OutlayImportAnalysis *analysis;  /* changed only while no worker uses it */
  OutlaySheetSample    *sample;    /* the analysed sheet's first rows */
  OutlayImportResult   *result;    /* the last check's, or NULL */
  GListStore           *budgets;
  GtkStringList        *currencies;
  GPtrArray            *reason_rows;  /* in kind_row */

  Job                  *job;       /* the worker running, or NULL */
  guint                 progress_id;
  guint                 settle_id;
  int                   pending_sheet;   /* -1: none */
  int                   pending_header;  /* -1: none */
  GArray               *pending_fields;  /* FieldChange */
  gboolean              currency_chosen; /* by the user: a check no longer changes it */
  gboolean              filling;         /* widgets being set from the analysis */
  gboolean              close_after_run;
  gboolean              disposed;
};

void outlay_import_dialog_fill            (OutlayImportDialog *self);
void outlay_import_dialog_show_kind       (OutlayImportDialog *self);
void outlay_import_dialog_clear_check     (OutlayImportDialog *self);
void outlay_import_dialog_show_result     (OutlayImportDialog *self);
void outlay_import_dialog_select_currency (OutlayImportDialog *self,
                                           const char         *code);
void outlay_import_dialog_show_currency (OutlayImportDialog *self);

G_END_DECLS
