/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the xlsx and ODS readers share: a zip archive opened with the
 * safety limits of OutlayWorkbook (declared sizes, packing ratio, total
 * unpacked bytes), SAX parsing of one of its members with libxml2 that
 * never expands entities nor touches the network, a buffer for the row
 * being read, and messages that name the file, sheet and cell. */

#include <gsf/gsf.h>
#include <libxml/parser.h>
#include <string.h>

#include "outlay-error.h"
#include "outlay-workbook.h"

G_BEGIN_DECLS

/* ---- zip ---- */

typedef struct _OutlayZip OutlayZip;

/* @name is the file's display name, for messages. */
OutlayZip *outlay_zip_open         (GsfInput    *input,
                                    const char  *name,
                                    GError     **error);
void       outlay_zip_free         (OutlayZip   *zip);
gboolean   outlay_zip_has          (OutlayZip   *zip,
                                    const char  *path);
/* The whole of a member declared at most @max bytes; NULL if absent or
 * larger (no error then), or with @error set if it cannot be read. */
GBytes    *outlay_zip_read_small   (OutlayZip   *zip,
                                    const char  *path,
                                    gsize        max,
                                    GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayZip, outlay_zip_free)

/* ---- SAX parsing of a member ---- */

typedef struct _OutlayXml OutlayXml;

/* Embed first in a reader's parse state: callbacks get it as user data. */
struct _OutlayXml
{
  xmlParserCtxtPtr  ctxt;
  const char       *file;     /* display name */
  const char       *part;     /* member path */
  /* optional: "sheet “Budget”, cell B12" for where a libxml2 error hit */
  char           *(*where) (OutlayXml *xml);
  /* private */
  GError           *error;
  gboolean          done;
  int               xml_code;
  gboolean xml_huge;
  int               xml_line;
};

/* Fills in the handlers OutlayXml needs (errors, entity declarations,
 * ignorable whitespace as characters); set the element ones yourself. */
void           outlay_xml_init_sax (xmlSAXHandler  *sax);
/* Streams @part of @zip through @sax. FALSE with @error set when the
 * member is missing, too large, not well-formed, declares entities, or a
 * callback failed. */
gboolean       outlay_xml_parse    (OutlayZip      *zip,
                                    const char     *part,
                                    xmlSAXHandler  *sax,
                                    OutlayXml      *xml,
                                    GCancellable   *cancellable,
                                    GError        **error);
/* From a callback: fail the parse with @error (taken). */
void           outlay_xml_fail     (OutlayXml      *xml,
                                    GError         *error);
/* From a callback: stop, successfully. */
void           outlay_xml_stop     (OutlayXml      *xml);
gboolean       outlay_xml_stopped  (OutlayXml      *xml);
/* The parser's interned copy of @name: compare element and attribute
 * names by pointer. Call from startDocument or later. */
const xmlChar *outlay_xml_intern   (OutlayXml      *xml,
                                    const char     *name);

/* Attributes of startElementNs come as (localname, prefix, URI, value,
 * end) quintuples; values are not nul-terminated. */
typedef struct
{
  const xmlChar *value;
  gsize          length;
} OutlayXmlValue;

gboolean       outlay_xml_attr     (int             n_attributes,
                                    const xmlChar **attributes,
                                    const xmlChar  *localname,
                                    OutlayXmlValue *out);
/* The value as a gint64 when it is only decimal digits (no sign). */
gboolean       outlay_xml_value_uint (const OutlayXmlValue *value,
                                      guint64              *out);

/* ---- the row being read ---- */

typedef struct
{
  OutlayCell *cells;
  gpointer    offsets;  /* per cell, where its text is in @text until emitted */
  guint       n_cells;
  guint       size;
  GString    *text;
} OutlayRowBuffer;

void        outlay_row_buffer_init      (OutlayRowBuffer *rb);
void        outlay_row_buffer_clear     (OutlayRowBuffer *rb);
void        outlay_row_buffer_reset     (OutlayRowBuffer *rb);
/* @text stays valid until the row is emitted (a shared string). */
OutlayCell *outlay_row_buffer_add_static (OutlayRowBuffer *rb,
                                          guint            column,
                                          OutlayCellKind   kind,
                                          const char      *text,
                                          gsize            length);
/* @text (and @number, when not NULL) are copied. */
OutlayCell *outlay_row_buffer_add_copy  (OutlayRowBuffer *rb,
                                         guint            column,
                                         OutlayCellKind   kind,
                                         const char      *text,
                                         gsize            length,
                                         const char      *number);
/* Another cell with the text of the last one added (a repeated cell). */
OutlayCell *outlay_row_buffer_add_again (OutlayRowBuffer *rb,
                                         guint            column);
guint       outlay_row_buffer_n_cells   (OutlayRowBuffer *rb);
/* Hands the row to @func; *@stop is set when it asked to stop. */
gboolean    outlay_row_buffer_emit      (OutlayRowBuffer *rb,
                                         guint            number,
                                         OutlayRowFunc    func,
                                         gpointer         user_data,
                                         gboolean        *stop,
                                         GError         **error);

/* g_string_append_len() without the call when there is room: readers
 * append a few bytes per cell, millions of times. */
static inline void
outlay_string_append (GString    *string,
                      const char *text,
                      gsize       length)
{
  if (string->len + length < string->allocated_len)
    {
      memcpy (string->str + string->len, text, length);
      string->len += length;
      string->str[string->len] = '\0';
    }
  else
    g_string_append_len (string, text, (gssize) length);
}

/* ---- messages ---- */

/* "“file.xlsx”, sheet “Budget”, cell B12: <message>"; without the cell
 * when @col0 is G_MAXUINT ("row 12"), without the row too when @row0 is. */
void outlay_sheet_set_error (GError          **error,
                             OutlayErrorCode    code,
                             const char        *file,
                             const char        *sheet,
                             guint              row0,
                             guint              col0,
                             const char        *format,
                             ...) G_GNUC_PRINTF (7, 8);
/* "sheet “Budget”, cell B12" */
char *outlay_sheet_where    (const char        *sheet,
                             guint              row0,
                             guint              col0);
/* "“file.xlsx” is damaged (<why>)" */
void outlay_file_set_damaged (GError         **error,
                              const char      *file,
                              const char      *format,
                              ...) G_GNUC_PRINTF (3, 4);

G_END_DECLS
