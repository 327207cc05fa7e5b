/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-store.h"

G_BEGIN_DECLS

/* A budget's link to a Google spreadsheet (src/sync/google writes it) */

typedef struct
{
  gint64 line_id;
  guint row;    /* 0-based grid row on the Detail tab */
  char **cells; /* the row as last synced, one text per column */
} OutlaySheetRow;

typedef struct
{
  gint64 budget_id;
  char *spreadsheet_id;
  char *url;
  gint64 summary_sheet; /* sheetIds: tabs are found by id, never by title */
  gint64 detail_sheet;
  char *locale;        /* the spreadsheet's, e.g. "de_DE" */
  char *drive_version; /* Drive's version after the last read; NULL: unknown */
  guint used_rows;     /* header included */
  guint grid_rows;
  char *summary_key;  /* the sections the Summary tab was written for */
  guint summary_rows; /* its grid rows */
  gint64 synced;      /* unix seconds */
  GHashTable *rows;   /* line id (gint64*) → OutlaySheetRow* */
} OutlaySheetLink;

OutlaySheetLink *outlay_sheet_link_new (gint64 budget_id);
void outlay_sheet_link_free (OutlaySheetLink *link);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlaySheetLink, outlay_sheet_link_free)
/* Adds or replaces a row (taking @cells) */
void outlay_sheet_link_set_row (OutlaySheetLink *link, gint64 line_id, guint row, char **cells);
OutlaySheetRow *outlay_sheet_link_get_row (OutlaySheetLink *link, gint64 line_id);

/* The budget's link, or %NULL (without an error) when it has none */
OutlaySheetLink *outlay_store_sheets_get_link (OutlayStore *self, gint64 budget_id, GError **error);
/* Replaces the stored link and rows with @link; joins the transaction
 * already open (a sync's command) or runs its own. */
gboolean outlay_store_sheets_save_link (OutlayStore *self, OutlaySheetLink *link, GError **error);
/* The linked spreadsheet's address, or %NULL when not linked (cheap:
 * the rows are not read) */
char *outlay_store_sheets_get_url (OutlayStore *self, gint64 budget_id, gint64 *synced);
gboolean outlay_store_sheets_unlink (OutlayStore *self, gint64 budget_id, GError **error);
/* One line of the sync journal ("3 lines changed there, 2 pushed"),
 * in the open transaction or its own */
gboolean outlay_store_sheets_journal (OutlayStore *self,
                                      gint64 budget_id,
                                      const char *summary,
                                      GError **error);
/* The newest @limit journal lines, newest first (char*) */
GPtrArray *
outlay_store_sheets_get_journal (OutlayStore *self, gint64 budget_id, guint limit, GError **error);

G_END_DECLS
