/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-workbook.h"

G_BEGIN_DECLS

/* Like outlay_workbook_read_sheet(), but the file is parsed in a second
 * thread while @func runs in this one, so parsing and what @func does
 * with the rows (writing them to SQLite) overlap. Rows reach @func in
 * order, copied in batches; @func returning FALSE stops the reader. */
gboolean outlay_workbook_read_sheet_piped (OutlayWorkbook  *workbook,
                                           guint            sheet,
                                           OutlayRowFunc    func,
                                           gpointer         user_data,
                                           GCancellable    *cancellable,
                                           GError         **error);

G_END_DECLS
