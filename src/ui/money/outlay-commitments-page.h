/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-document-page.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_COMMITMENTS_PAGE (outlay_commitments_page_get_type ())

G_DECLARE_FINAL_TYPE (OutlayCommitmentsPage,
                      outlay_commitments_page,
                      OUTLAY,
                      COMMITMENTS_PAGE,
                      OutlayDocumentPage)

GListModel *outlay_commitments_page_get_rows (OutlayCommitmentsPage *self);

G_END_DECLS
