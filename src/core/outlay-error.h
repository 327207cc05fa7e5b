/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OUTLAY_ERROR (outlay_error_quark ())

/**
 * OutlayErrorCode:
 * Errors in the %OUTLAY_ERROR domain.  The message always says what
 * went wrong in words a user can act on; the code is for callers that
 * branch on the kind of failure.
 */
typedef enum
{
  OUTLAY_ERROR_FAILED,
  OUTLAY_ERROR_INVALID_NUMBER,
  OUTLAY_ERROR_OVERFLOW,
  OUTLAY_ERROR_INVALID_ARGUMENT,
  OUTLAY_ERROR_NOT_FOUND,
  OUTLAY_ERROR_LOCKED,
  OUTLAY_ERROR_STORE,
  OUTLAY_ERROR_SCHEMA_TOO_NEW,
  OUTLAY_ERROR_AMBIGUOUS,
  /* a file that is not what it claims, is damaged, or is not a spreadsheet */
  OUTLAY_ERROR_INVALID_FILE,
  /* a file or cell over a safety limit (zip bomb, 2 GB cell) */
  OUTLAY_ERROR_TOO_LARGE,
  /* a password-protected (encrypted) workbook */
  OUTLAY_ERROR_ENCRYPTED,
  /* the database file is damaged (SQLite found it corrupt or not a
   * database): nothing more is written to it; restore a backup */
  OUTLAY_ERROR_DAMAGED,
  /* the database is in use by another program and the operation needs
   * it alone (restoring a backup) */
  OUTLAY_ERROR_BUSY,
  /* a network service could not be reached, or kept failing */
  OUTLAY_ERROR_NETWORK,
  /* a service refused the token or key: connect again */
  OUTLAY_ERROR_AUTH,
  /* a service answered with an error or an answer Outlay cannot use */
  OUTLAY_ERROR_SERVICE,
} OutlayErrorCode;

GQuark outlay_error_quark (void);

G_END_DECLS
