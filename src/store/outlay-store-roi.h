/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-document.h"
#include "outlay-roi-snapshot.h"
#include "outlay-store.h"

G_BEGIN_DECLS

OutlayRoiSnapshot *outlay_store_take_roi_snapshot (OutlayStore *self,
                                                   OutlayDocument *document,
                                                   const char *note,
                                                   GError **error);
GPtrArray *outlay_store_list_roi_snapshots (OutlayStore *self, gint64 budget_id, GError **error);

G_END_DECLS
