/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-store.h"
#include "outlay-version.h"

G_BEGIN_DECLS

OutlayVersion  *outlay_store_save_version  (OutlayStore     *self,
                                            OutlayDocument  *document,
                                            const char      *name,
                                            const char      *note,
                                            GError         **error);
GPtrArray      *outlay_store_list_versions (OutlayStore     *self,
                                            gint64           budget_id,
                                            GError         **error);
OutlayVersion  *outlay_store_find_version  (OutlayStore     *self,
                                            gint64           budget_id,
                                            const char      *name_or_id,
                                            GError         **error);
OutlayDocument *outlay_store_load_version  (OutlayStore     *self,
                                            gint64           version_id,
                                            GError         **error);

G_END_DECLS
