/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Private to the xlsx export: its time sheets. */

#include <xlsxwriter.h>

#include "outlay-document.h"

G_BEGIN_DECLS

#define OUTLAY_XLSX_TIME_PERSON_SHEET "Time by Person"
#define OUTLAY_XLSX_TIME_TASK_SHEET "Time by Task"

lxw_error outlay_xlsx_add_time_sheets (lxw_workbook *workbook,
                                       OutlayDocument *doc,
                                       GPtrArray *entries,
                                       GPtrArray *people,
                                       lxw_format *header,
                                       lxw_format *money,
                                       lxw_format *total_text,
                                       lxw_format *total_money);

G_END_DECLS
