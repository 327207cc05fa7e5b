/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-document.h"

G_BEGIN_DECLS

/* The templates offered for a new budget, by id: "aicp", "blank",
 * "software", "department", "event"; "sample" is the first-run budget. */
guint           outlay_template_get_n_templates (void);
const char     *outlay_template_get_id          (guint        index);
const char     *outlay_template_get_name        (guint        index);
const char     *outlay_template_get_description (guint        index);
const char     *outlay_template_get_currency    (guint        index);
gboolean        outlay_template_exists          (const char  *id);
OutlayDocument *outlay_template_build           (const char  *id,
                                                 const char  *name,
                                                 GError     **error);
void            outlay_template_set_currency    (OutlayDocument *document,
                                                 const char     *currency);

G_END_DECLS
