/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The database half of an import: one transaction that lands whole or not
 * at all, a record of every import, and undoing one whole. */

#include "outlay-import-record.h"
#include "outlay-store.h"

G_BEGIN_DECLS

typedef enum
{
  OUTLAY_IMPORT_MODE_NEW,      /* a new budget */
  OUTLAY_IMPORT_MODE_APPEND,   /* lines added to an existing budget */
  OUTLAY_IMPORT_MODE_REPLACE,  /* an existing budget's sections and lines replaced */
} OutlayImportMode;

/* What is known of the file when the import starts. */
typedef struct
{
  const char *file_name;
  const char *uri;
  const char *fingerprint;   /* hex SHA-256 of the file's bytes */
  const char *source;        /* "window", "drop", "cli" */
  const char *file_type;     /* "budget", "payroll", … */
  const char *sheet;
  guint       header_row;
  const char *mapping;       /* JSON */
} OutlayImportInfo;

typedef struct _OutlayStoreImport OutlayStoreImport;

/* Starts the transaction and the import's record. For NEW, @budget is the
 * new budget's header (name, currency, kind); for APPEND and REPLACE,
 * @budget_id the budget (not locked). REPLACE first saves the budget as a
 * version, so undoing the import brings it back. */
OutlayStoreImport *outlay_store_import_begin    (OutlayStore             *store,
                                                 const OutlayImportInfo  *info,
                                                 OutlayImportMode         mode,
                                                 OutlayBudget            *budget,
                                                 gint64                   budget_id,
                                                 GError                 **error);
gint64             outlay_store_import_get_id        (OutlayStoreImport *self);
gint64             outlay_store_import_get_budget_id (OutlayStoreImport *self);
/* The budget imported into: its name and currency. */
const char        *outlay_store_import_get_budget_name (OutlayStoreImport *self);
const char        *outlay_store_import_get_currency    (OutlayStoreImport *self);
/* The section for @code/@name, made on first use (APPEND reuses the
 * budget's section of the same code, or else of the same name). */
gint64             outlay_store_import_section  (OutlayStoreImport       *self,
                                                 const char              *code,
                                                 const char              *name,
                                                 GError                 **error);
/* Adds @line at the end of @section_id; @line is not kept.  Without
 * @line_id the line may only be written at the commit (it is held back,
 * to write a new budget's lines in order); with it, the line is written
 * now and @line_id gets its id. */
gboolean outlay_store_import_line (OutlayStoreImport *self,
                                   gint64 section_id,
                                   OutlayLine *line,
                                   gint64 *line_id,
                                   GError **error);
/* Phasing an import brings (a file with one row per line and period): a
 * line's phasing (by the id outlay_store_import_line() gave), and the
 * budget's fiscal year and periods when it has none yet ("2025-01-01",
 * "2025-12-31"). */
gboolean outlay_store_import_phasing (OutlayStoreImport *self,
                                      gint64 line_id,
                                      const char *method,
                                      const char *weights,
                                      const char *actuals,
                                      GError **error);
gboolean outlay_store_import_set_periods (OutlayStoreImport *self,
                                          const char *fiscal_start,
                                          const char *fiscal_end,
                                          const char *kind,
                                          char **start_out,
                                          char **end_out,
                                          GError **error);
/* The fringe (P&W) percentage of a section the import made or fills. */
gboolean           outlay_store_import_set_fringe (OutlayStoreImport     *self,
                                                   gint64                 section_id,
                                                   OutlayDecimal          percent,
                                                   GError               **error);
/* NEW: what kind of budget the file turned out to be ("aicp", …). */
gboolean           outlay_store_import_set_kind (OutlayStoreImport       *self,
                                                 OutlayBudgetKind         kind,
                                                 GError                 **error);
/* Writes the lines held back, records the outcome (@errors and @warnings
 * are JSON arrays) and commits; cancelled while it writes, it fails and
 * nothing was changed. */
gboolean outlay_store_import_commit (OutlayStoreImport *self,
                                     guint rows_total,
                                     guint rows_imported,
                                     guint rows_skipped,
                                     const char *errors,
                                     const char *warnings,
                                     GCancellable *cancellable,
                                     GError **error);
/* Rolls back everything since begin (safe after a failed commit) and frees. */
void               outlay_store_import_free     (OutlayStoreImport       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayStoreImport, outlay_store_import_free)

/* Takes a whole import back out: the budget it made, the lines it
 * appended, or the lines it replaced (restored from the version saved
 * first). Lines since edited by hand go with it. */
gboolean    outlay_store_undo_import         (OutlayStore  *store,
                                              gint64        import_id,
                                              GError      **error);
/* Imports, newest first; of one budget when @budget_id is not 0. */
GPtrArray  *outlay_store_list_imports        (OutlayStore  *store,
                                              gint64        budget_id,
                                              GError      **error);
OutlayImportRecord *outlay_store_get_import  (OutlayStore  *store,
                                              gint64        import_id,
                                              GError      **error);
/* The newest import of the same bytes that is still in, or NULL. */
OutlayImportRecord *outlay_store_find_import_by_fingerprint (OutlayStore  *store,
                                                             const char   *fingerprint,
                                                             GError      **error);
/* Column mappings the user confirmed, per header layout. */
gboolean    outlay_store_remember_mapping    (OutlayStore  *store,
                                              const char   *signature,
                                              const char   *mapping,
                                              GError      **error);
char       *outlay_store_lookup_mapping      (OutlayStore  *store,
                                              const char   *signature);

G_END_DECLS
