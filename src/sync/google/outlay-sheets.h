/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-document.h"
#include "outlay-google-auth.h"
#include "outlay-store.h"

G_BEGIN_DECLS

typedef enum
{
  OUTLAY_SHEETS_SYNC, /* both ways */
  OUTLAY_SHEETS_PUSH, /* Outlay's values win; nothing comes in */
  OUTLAY_SHEETS_PULL, /* the spreadsheet's edits come in; nothing goes out */
} OutlaySheetsMode;

typedef enum
{
  OUTLAY_SHEETS_PREFER_NONE, /* conflicts are reported and left as they are */
  OUTLAY_SHEETS_PREFER_LOCAL,
  OUTLAY_SHEETS_PREFER_REMOTE,
} OutlaySheetsPrefer;

typedef struct
{
  OutlaySheetsMode mode;
  OutlaySheetsPrefer prefer;
  /* remove lines whose rows were deleted in the spreadsheet (else they
   * are only counted: the user confirms first) */
  gboolean delete_remote_removed;
  /* optional: a value for single conflicts, by outlay_sheets_conflict_key()
   * (line id and column) → the value as typed; it goes to both sides */
  GHashTable *resolutions;
} OutlaySheetsOptions;

/* A cell both sides changed to different values since the last sync */
typedef struct
{
  gint64 line_id;
  char *line; /* "1100 Camera operator" */
  guint row;  /* 1-based, as the spreadsheet shows it */
  char *column;
  guint column_index;
  gboolean is_number; /* the value is read as a number */
  char *base;
  char *local;
  char *remote;
} OutlaySheetsConflict;

typedef struct
{
  char *spreadsheet_id;
  char *url;
  gboolean created;     /* this run made the spreadsheet */
  gboolean remote_read; /* the values were read (Drive said they changed) */
  guint lines_changed_there;
  guint cells_pulled;
  guint lines_added_there;
  guint lines_removed_there;   /* and removed here */
  guint lines_removed_pending; /* deleted there, kept here until confirmed */
  guint lines_pushed;          /* rows written there (changed or new) */
  guint lines_blanked;         /* lines deleted here, their rows emptied there */
  guint formulas_read;         /* cells taken from there that hold a formula */
  GPtrArray *formulas;         /* char*: "Row 12, Rate: =E12*2 there, read as its value 150" */
  GPtrArray *conflicts;        /* OutlaySheetsConflict */
  guint requests;              /* to Sheets and Drive, every attempt */
  char *journal;               /* "3 lines changed there, 1 conflict, 2 pushed" */
} OutlaySheetsSummary;

void outlay_sheets_summary_clear (OutlaySheetsSummary *summary);
/* The key of a conflict in OutlaySheetsOptions.resolutions */
char *outlay_sheets_conflict_key (gint64 line_id, guint column_index);

/* Sheets and Drive clients sharing one sign-in */
typedef struct _OutlaySheetsService OutlaySheetsService;

OutlaySheetsService *outlay_sheets_service_new (OutlayGoogleAuth *auth);
void outlay_sheets_service_free (OutlaySheetsService *service);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlaySheetsService, outlay_sheets_service_free)
OutlayHttpClient *outlay_sheets_service_get_sheets (OutlaySheetsService *service);
OutlayHttpClient *outlay_sheets_service_get_drive (OutlaySheetsService *service);
/* Multiplies every retry wait (tests) */
void outlay_sheets_service_set_delay_scale (OutlaySheetsService *service, double scale);
void outlay_sheets_service_set_timeout (OutlaySheetsService *service, guint seconds);

/* Links @document (whose sink is @store) to a new spreadsheet the first
 * time, then merges both ways per cell against the last synced state.
 * Remote edits come in as one undoable command, in the same transaction
 * as the new sync state; remote writes go to fixed ranges only.  On any
 * error nothing is applied here and the state is left for the next run. */
gboolean outlay_sheets_sync (OutlaySheetsService *service,
                             OutlayStore *store,
                             OutlayDocument *document,
                             const OutlaySheetsOptions *options,
                             OutlaySheetsSummary *summary,
                             GCancellable *cancellable,
                             GError **error);
/* Forgets the link (the spreadsheet stays in the user's Drive) */
gboolean outlay_sheets_unlink (OutlayStore *store, gint64 budget_id, GError **error);

G_END_DECLS
