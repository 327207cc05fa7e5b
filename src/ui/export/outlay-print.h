/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "outlay-document.h"
#include "outlay-report.h"

G_BEGIN_DECLS

void outlay_print_document (GtkWindow        *parent,
                            OutlayDocument   *doc,
                            OutlayReportKind  kind);
void outlay_print_comparison (GtkWindow *parent,
                              OutlayDocument *from,
                              const char *from_name,
                              OutlayDocument *to,
                              const char *to_name);

G_END_DECLS
