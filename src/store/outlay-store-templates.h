/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-store.h"

G_BEGIN_DECLS

/* A template of the user's own goes by "user:ID" wherever a built-in
 * template id ("aicp", "blank", …) is taken. */
#define OUTLAY_USER_TEMPLATE_PREFIX "user:"

char      *outlay_user_template_id            (gint64        template_id);
gboolean   outlay_user_template_parse_id      (const char   *text,
                                               gint64       *template_id,
                                               GError      **error);

gint64     outlay_store_save_as_template      (OutlayStore  *self,
                                               gint64        budget_id,
                                               const char   *name,
                                               GError      **error);
GPtrArray *outlay_store_list_templates        (OutlayStore  *self,
                                               GError      **error);
gboolean   outlay_store_delete_template       (OutlayStore  *self,
                                               gint64        template_id,
                                               GError      **error);
gint64     outlay_store_create_from_template  (OutlayStore  *self,
                                               gint64        template_id,
                                               const char   *name,
                                               const char   *currency,
                                               GError      **error);

G_END_DECLS
