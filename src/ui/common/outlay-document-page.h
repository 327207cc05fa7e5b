/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "outlay-document.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_DOCUMENT_PAGE (outlay_document_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (OutlayDocumentPage, outlay_document_page, OUTLAY, DOCUMENT_PAGE, AdwBin)

/**
 * OutlayDocumentPageClass:
 * @document_set: the page now shows another document (@old_document is
 *   the one before, or %NULL): connect what the page needs beyond the
 *   base's signals and reset per-document state.  Handlers connected on
 *   the document with the page as data are disconnected for you.  The
 *   default scrolls a page whose child is a #GtkScrolledWindow to its top.
 * @refresh: bring the page up to date with its document.  Called only
 *   while the page is mapped; a hidden page catches up when shown.
 */
struct _OutlayDocumentPageClass
{
  AdwBinClass parent_class;

  void (*document_set) (OutlayDocumentPage *self,
                        OutlayDocument     *old_document);
  void (*refresh)      (OutlayDocumentPage *self);

  /*< private >*/
  gpointer padding[8];
};

OutlayDocument *outlay_document_page_get_document   (OutlayDocumentPage *self);
void            outlay_document_page_set_document   (OutlayDocumentPage *self,
                                                     OutlayDocument     *document);
void            outlay_document_page_queue_refresh  (OutlayDocumentPage *self);
char *outlay_document_page_version_title (OutlayDocument *document);

G_END_DECLS
