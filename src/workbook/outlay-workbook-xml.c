/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-workbook-xml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-formula.h"
#include "outlay-workbook-xml.h"

/* libgsf 1.14.50 has no autoptr support */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)

/* Bytes handed to libxml2 at a time. */
#define CHUNK           (256 * 1024)
/* A central directory larger than this is not a spreadsheet's. */
#define MAX_DIRECTORY   (64 * 1024 * 1024)
/* Members below this may pack as tightly as they like. */
#define RATIO_THRESHOLD (1024 * 1024)

#define SIG_LOCAL     0x04034b50u
#define SIG_CENTRAL   0x02014b50u
#define SIG_END       0x06054b50u
#define SIG_END64_LOC 0x07064b50u
#define SIG_END64     0x06064b50u

typedef struct
{
  guint64 packed;
  guint64 unpacked;
  guint64 local; /* offset of its local header, or G_MAXUINT64 (zip64) */
} MemberSize;

struct _OutlayZip
{
  GsfInfile  *infile;
  GsfInput *input;      /* a copy of the archive's, to check local headers */
  GHashTable *sizes;    /* path → MemberSize, from the central directory */
  char       *name;
  guint64     inflated; /* bytes unpacked so far, all members */
};

typedef struct
{
  gssize text;   /* offset in OutlayRowBuffer.text, or -1: cell.text is set */
  gssize number;
} RowOffsets;

/* ---- little-endian fields ---- */

static guint16
le16 (const guint8 *p)
{
  return (guint16) (p[0] | p[1] << 8);
}

static guint32
le32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

static guint64
le64 (const guint8 *p)
{
  return (guint64) le32 (p) | (guint64) le32 (p + 4) << 32;
}

static gboolean
read_at (GsfInput *input, gsf_off_t offset, gsize length, guint8 *buf)
{
  if (offset < 0 || gsf_input_seek (input, offset, G_SEEK_SET))
    return FALSE;
  return gsf_input_read (input, length, buf) != NULL;
}

/* ---- messages ---- */

void
outlay_file_set_damaged (GError     **error,
                         const char  *file,
                         const char  *format,
                         ...)
{
  g_autofree char *why = NULL;
  va_list args;

  va_start (args, format);
  why = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_FILE,
               _("“%s” is damaged (%s)"), file, why);
}

char *
outlay_sheet_where (const char *sheet,
                    guint       row0,
                    guint       col0)
{
  char cell[16];

  if (row0 == G_MAXUINT)
    return g_strdup_printf (_("sheet “%s”"), sheet);
  if (col0 == G_MAXUINT)
    return g_strdup_printf (_("sheet “%s”, row %u"), sheet, row0 + 1);
  outlay_formula_cell_name (row0, col0, cell);
  return g_strdup_printf (_("sheet “%s”, cell %s"), sheet, cell);
}

void
outlay_sheet_set_error (GError          **error,
                        OutlayErrorCode   code,
                        const char       *file,
                        const char       *sheet,
                        guint             row0,
                        guint             col0,
                        const char       *format,
                        ...)
{
  g_autofree char *message = NULL;
  g_autofree char *where = outlay_sheet_where (sheet, row0, col0);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, OUTLAY_ERROR, code, "“%s”, %s: %s", file, where, message);
}

static void
set_too_large (GError **error, const char *file, const char *why)
{
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_TOO_LARGE,
               _("“%s” %s — it may be a zip bomb; not imported"), file, why);
}

static void
set_too_large_total (GError **error, const char *file)
{
  g_autofree char *limit = g_format_size_full (OUTLAY_WORKBOOK_MAX_INFLATED, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *why = g_strdup_printf (_("unpacks to more than %s"), limit);

  set_too_large (error, file, why);
}

/* ---- zip central directory ---- */

static gboolean
find_end_record (GsfInput *input, gsf_off_t size, gsf_off_t *at, guint8 *record)
{
  gsize tail = (gsize) MIN (size, 65535 + 22);
  g_autofree guint8 *buf = g_malloc (tail);

  if (tail < 22 || !read_at (input, size - tail, tail, buf))
    return FALSE;
  for (gssize i = (gssize) tail - 22; i >= 0; i--)
    if (le32 (buf + i) == SIG_END)
      {
        *at = size - tail + i;
        memcpy (record, buf + i, 22);
        return TRUE;
      }
  return FALSE;
}

static gboolean
read_end64 (GsfInput *input, gsf_off_t end_at, guint64 *n, guint64 *cd_size, guint64 *cd_offset)
{
  guint8 locator[20], record[56];

  if (!read_at (input, end_at - 20, 20, locator) || le32 (locator) != SIG_END64_LOC)
    return FALSE;
  if (!read_at (input, (gsf_off_t) le64 (locator + 8), 56, record) || le32 (record) != SIG_END64)
    return FALSE;
  *n = le64 (record + 32);
  *cd_size = le64 (record + 40);
  *cd_offset = le64 (record + 48);
  return TRUE;
}

/* Zip64 keeps the real sizes in extra field 0x0001, in this order. */
static void
read_zip64_sizes (const guint8 *extra, gsize length, MemberSize *size)
{
  while (length >= 4)
    {
      guint16 id = le16 (extra), len = le16 (extra + 2);
      const guint8 *q = extra + 4;

      if ((gsize) len + 4 > length)
        return;
      if (id == 0x0001)
        {
          if (size->unpacked == 0xFFFFFFFFu && q + 8 <= extra + 4 + len)
            size->unpacked = le64 (q), q += 8;
          if (size->packed == 0xFFFFFFFFu && q + 8 <= extra + 4 + len)
            size->packed = le64 (q);
          return;
        }
      extra += len + 4;
      length -= len + 4;
    }
}

static gboolean
parse_directory (GHashTable *sizes, const guint8 *p, gsize length, guint64 n)
{
  const guint8 *end = p + length;

  for (guint64 i = 0; i < n; i++)
    {
      MemberSize *size;
      gsize name_len, extra_len, comment_len;

      if (end - p < 46 || le32 (p) != SIG_CENTRAL)
        return FALSE;
      name_len = le16 (p + 28);
      extra_len = le16 (p + 30);
      comment_len = le16 (p + 32);
      if ((gsize) (end - p) < 46 + name_len + extra_len + comment_len)
        return FALSE;
      size = g_new (MemberSize, 1);
      size->packed = le32 (p + 20);
      size->unpacked = le32 (p + 24);
      size->local = le32 (p + 42) != 0xFFFFFFFFu ? le32 (p + 42) : G_MAXUINT64;
      read_zip64_sizes (p + 46 + name_len, extra_len, size);
      g_hash_table_replace (sizes, g_strndup ((const char *) p + 46, name_len), size);
      p += 46 + name_len + extra_len + comment_len;
    }
  return TRUE;
}

static gboolean
read_directory (GsfInput *input, GHashTable *sizes)
{
  gsf_off_t size = gsf_input_size (input), end_at;
  guint8 record[22];
  guint64 n, cd_size, cd_offset;
  g_autofree guint8 *buf = NULL;

  if (!find_end_record (input, size, &end_at, record))
    return FALSE;
  n = le16 (record + 10);
  cd_size = le32 (record + 12);
  cd_offset = le32 (record + 16);
  if ((n == 0xFFFF || cd_size == 0xFFFFFFFFu || cd_offset == 0xFFFFFFFFu)
      && !read_end64 (input, end_at, &n, &cd_size, &cd_offset))
    return FALSE;
  if (cd_size > MAX_DIRECTORY || cd_offset > (guint64) size || cd_size > (guint64) size - cd_offset)
    return FALSE;
  buf = g_malloc (cd_size + 1);
  if (cd_size > 0 && !read_at (input, (gsf_off_t) cd_offset, cd_size, buf))
    return FALSE;
  return parse_directory (sizes, buf, cd_size, n);
}

/* ---- zip ---- */

/**
 * outlay_zip_open:
 * @input: a seekable zip archive
 * @name: the file's display name, for messages
 * @error: INVALID_FILE "“x” is damaged (…)"
 *
 * Returns: (transfer full): the archive
 */
OutlayZip *
outlay_zip_open (GsfInput    *input,
                 const char  *name,
                 GError     **error)
{
  g_autoptr(OutlayZip) zip = g_new0 (OutlayZip, 1);
  g_autoptr(GError) local_error = NULL;

  zip->name = g_strdup (name);
  zip->sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!read_directory (input, zip->sizes))
    {
      outlay_file_set_damaged (error, name, _("its table of contents is missing or cut short"));
      return NULL;
    }
  gsf_input_seek (input, 0, G_SEEK_SET);
  zip->input = gsf_input_dup (input, NULL);
  zip->infile = gsf_infile_zip_new (input, &local_error);
  if (zip->infile == NULL)
    {
      outlay_file_set_damaged (error, name, _("not a readable zip archive"));
      return NULL;
    }
  return g_steal_pointer (&zip);
}

void
outlay_zip_free (OutlayZip *zip)
{
  if (zip == NULL)
    return;
  g_clear_object (&zip->infile);
  g_clear_object (&zip->input);
  g_clear_pointer (&zip->sizes, g_hash_table_unref);
  g_free (zip->name);
  g_free (zip);
}

gboolean
outlay_zip_has (OutlayZip  *zip,
                const char *path)
{
  return g_hash_table_contains (zip->sizes, path);
}

/* Checks a member's size, as declared before it is unpacked (@counted is
 * 0) or as unpacked so far (@counted: the part of zip->inflated that is
 * this member's). */
static gboolean
check_member (OutlayZip *zip, const char *path, const MemberSize *size, guint64 counted, GError **error)
{
  guint64 others = zip->inflated - MIN (counted, zip->inflated);

  if (size->unpacked > (guint64) OUTLAY_WORKBOOK_MAX_INFLATED - MIN (others, (guint64) OUTLAY_WORKBOOK_MAX_INFLATED))
    {
      set_too_large_total (error, zip->name);
      return FALSE;
    }
  if (size->unpacked > RATIO_THRESHOLD && size->unpacked / OUTLAY_WORKBOOK_MAX_RATIO > size->packed)
    {
      g_autofree char *big = g_format_size_full (size->unpacked, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *small = g_format_size_full (size->packed, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *why = g_strdup_printf (_("unpacks to more than %d times its size (%s to %s in %s)"),
                                              OUTLAY_WORKBOOK_MAX_RATIO, small, big, path);

      set_too_large (error, zip->name, why);
      return FALSE;
    }
  return TRUE;
}

static gboolean
local_header_ok (OutlayZip *zip, const MemberSize *size)
{
  guint8 sig[4];

  if (zip->input == NULL || size->local == G_MAXUINT64)
    return TRUE;
  return read_at (zip->input, (gsf_off_t) size->local, 4, sig) && le32 (sig) == SIG_LOCAL;
}

static GsfInput *
open_member (OutlayZip *zip, const char *path, GError **error)
{
  const MemberSize *size = g_hash_table_lookup (zip->sizes, path);
  g_auto(GStrv) names = NULL;
  g_autoptr(GsfInput) member = NULL;
  MemberSize actual;

  if (size == NULL)
    {
      outlay_file_set_damaged (error, zip->name, _("%s is missing"), path);
      return NULL;
    }
  if (!check_member (zip, path, size, 0, error))
    return NULL;
  /* libgsf prints its own complaint about a bad local header first */
  if (!local_header_ok (zip, size))
    {
      outlay_file_set_damaged (error, zip->name, _("%s cannot be read"), path);
      return NULL;
    }
  names = g_strsplit (path, "/", -1);
  member = gsf_infile_child_by_aname (zip->infile, (const char **) names);
  if (member == NULL)
    {
      outlay_file_set_damaged (error, zip->name, _("%s cannot be read"), path);
      return NULL;
    }
  /* libgsf never unpacks more than it declares; check what it declares */
  actual.packed = size->packed;
  actual.unpacked = MAX ((guint64) gsf_input_size (member), size->unpacked);
  if (!check_member (zip, path, &actual, 0, error))
    return NULL;
  return g_steal_pointer (&member);
}

/* Counts @n more unpacked bytes of @path: the archive's total and the
 * member's packing ratio are checked as it streams, whatever the
 * directory said. */
static gboolean
account (OutlayZip *zip, const char *path, guint64 *member_total, gsize n, GError **error)
{
  const MemberSize *size = g_hash_table_lookup (zip->sizes, path);
  MemberSize seen;

  zip->inflated += n;
  *member_total += n;
  if (zip->inflated > (guint64) OUTLAY_WORKBOOK_MAX_INFLATED)
    {
      set_too_large_total (error, zip->name);
      return FALSE;
    }
  seen.packed = size ? size->packed : 0;
  seen.unpacked = *member_total;
  return check_member (zip, path, &seen, *member_total, error);
}

/* Next piece of @member into *@data; FALSE at the end or on error. */
static gboolean
read_chunk (OutlayZip *zip, GsfInput *member, const char *path, guint64 *member_total,
            const guint8 **data, gsize *length, GError **error)
{
  gsf_off_t left = gsf_input_remaining (member);

  if (left <= 0)
    return FALSE;
  *length = (gsize) MIN (left, CHUNK);
  *data = gsf_input_read (member, *length, NULL);
  if (*data == NULL)
    {
      outlay_file_set_damaged (error, zip->name, _("%s cannot be unpacked"), path);
      return FALSE;
    }
  return account (zip, path, member_total, *length, error);
}

/**
 * outlay_zip_read_small:
 * @zip: an archive
 * @path: the member
 * @max: the most bytes it may declare
 * @error: when it cannot be unpacked
 *
 * Returns: (transfer full) (nullable): its bytes, or %NULL if it is absent
 *   or larger than @max
 */
GBytes *
outlay_zip_read_small (OutlayZip   *zip,
                       const char  *path,
                       gsize        max,
                       GError     **error)
{
  const MemberSize *size = g_hash_table_lookup (zip->sizes, path);
  g_autoptr(GsfInput) member = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  const guint8 *data;
  gsize length;
  guint64 total = 0;
  GError *local_error = NULL;

  if (size == NULL || size->unpacked > max)
    return NULL;
  member = open_member (zip, path, error);
  if (member == NULL)
    return NULL;
  while (read_chunk (zip, member, path, &total, &data, &length, &local_error))
    g_byte_array_append (bytes, data, length);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* ---- XML ---- */

static void
structured_error_cb (void *data, xmlErrorPtr err)
{
  OutlayXml *xml = data;

  if (err == NULL || err->level < XML_ERR_ERROR || xml->xml_code != 0 || xml->error != NULL)
    return;
  xml->xml_code = err->code != 0 ? err->code : -1;
  /* only to tell a size limit from other faults; never shown */
  xml->xml_huge = err->message != NULL
                  && (strstr (err->message, "HUGE") != NULL
                      || strstr (err->message, "Huge") != NULL);
  xml->xml_line = err->line;
  if (xml->where != NULL && xml->xml_code == XML_ERR_INVALID_CHAR)
    {
      g_autofree char *where = xml->where (xml);

      if (where != NULL)
        xml->error = g_error_new (OUTLAY_ERROR, OUTLAY_ERROR_INVALID_FILE,
                                  _("“%s”, %s: the text is not valid UTF-8 or holds a character that is not allowed"),
                                  xml->file, where);
    }
}

/* The billion-laughs attack needs entity declarations; spreadsheets
 * never declare any, so the first one ends the parse. */
static void
entity_decl_cb (void          *ctx,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  OutlayXml *xml = ctx;

  outlay_xml_fail (xml, g_error_new (OUTLAY_ERROR, OUTLAY_ERROR_INVALID_FILE,
                                     _("“%s” declares XML entities in %s, which spreadsheets never do; "
                                       "it may be an attack (“billion laughs”) — not imported"),
                                     xml->file, xml->part));
}

static xmlEntityPtr
get_entity_cb (void *ctx, const xmlChar *name)
{
  return NULL;
}

void
outlay_xml_init_sax (xmlSAXHandler *sax)
{
  memset (sax, 0, sizeof *sax);
  sax->initialized = XML_SAX2_MAGIC;
  sax->serror = structured_error_cb;
  sax->entityDecl = entity_decl_cb;
  sax->getEntity = get_entity_cb;
  sax->getParameterEntity = get_entity_cb;
}

void
outlay_xml_fail (OutlayXml *xml,
                 GError    *error)
{
  if (xml->error == NULL)
    xml->error = error;
  else
    g_error_free (error);
  xmlStopParser (xml->ctxt);
}

void
outlay_xml_stop (OutlayXml *xml)
{
  xml->done = TRUE;
  xmlStopParser (xml->ctxt);
}

gboolean
outlay_xml_stopped (OutlayXml *xml)
{
  return xml->done || xml->error != NULL;
}

const xmlChar *
outlay_xml_intern (OutlayXml  *xml,
                   const char *name)
{
  return xmlDictLookup (xml->ctxt->dict, (const xmlChar *) name, -1);
}

gboolean
outlay_xml_attr (int             n_attributes,
                 const xmlChar **attributes,
                 const xmlChar  *localname,
                 OutlayXmlValue *out)
{
  for (int i = 0; i < n_attributes; i++)
    if (attributes[i * 5] == localname)
      {
        out->value = attributes[i * 5 + 3];
        out->length = attributes[i * 5 + 4] - attributes[i * 5 + 3];
        return TRUE;
      }
  return FALSE;
}

gboolean
outlay_xml_value_uint (const OutlayXmlValue *value,
                       guint64              *out)
{
  guint64 v = 0;

  if (value->length == 0 || value->length > 18)
    return FALSE;
  for (gsize i = 0; i < value->length; i++)
    {
      if (!g_ascii_isdigit (value->value[i]))
        return FALSE;
      v = v * 10 + (value->value[i] - '0');
    }
  *out = v;
  return TRUE;
}

/* What is wrong, in Outlay's words: libxml2's own text ("StartTag:
 * invalid element name", "use XML_PARSE_HUGE") means nothing to a user. */
static const char *
xml_problem (OutlayXml *xml)
{
  if (xml->xml_huge || xml->xml_code == XML_ERR_NAME_TOO_LONG)
    return _("an element in it is larger than Outlay reads");
  switch (xml->xml_code)
    {
      case XML_ERR_INVALID_CHAR:
      case XML_ERR_INVALID_ENCODING:
      case XML_ERR_UNKNOWN_ENCODING:
      case XML_ERR_UNSUPPORTED_ENCODING:
      case XML_ERR_INVALID_CHARREF:
        return _("its text is not valid UTF-8 or holds a character that is not allowed");
      case XML_ERR_DOCUMENT_EMPTY:
        return _("it is empty");
      case XML_ERR_DOCUMENT_END:
      case XML_ERR_EXTRA_CONTENT:
        return _("something follows the end of its content");
      case XML_ERR_TAG_NOT_FINISHED:
      case XML_ERR_LTSLASH_REQUIRED:
      case XML_ERR_GT_REQUIRED:
      case XML_ERR_TAG_NAME_MISMATCH:
        return _("it is cut short or its tags do not match");
      default:
        return _("it is not well-formed XML");
    }
}

static gboolean
finish_parse (OutlayXml *xml, GError **error)
{
  if (xml->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&xml->error));
      return FALSE;
    }
  if (xml->done)
    return TRUE;
  if (xml->xml_code != 0)
    {
      outlay_file_set_damaged (error, xml->file,
                               _("%s, line %d: %s"), xml->part, xml->xml_line, xml_problem (xml));
      return FALSE;
    }
  if (!xml->ctxt->wellFormed)
    {
      outlay_file_set_damaged (error, xml->file, _("%s is not well-formed XML"), xml->part);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  OutlayZip    *zip;
  GsfInput     *member;
  const char   *part;
  OutlayXml    *xml;
  GCancellable *cancellable;
  guint         reads;
  guint64       inflated;
} Source;

/* Records @error for a read failure: libxml2 then stops on its own.
 * xmlStopParser() must not be called here, inside libxml2's input
 * refill: it frees the buffer being refilled. */
static void
keep_error (OutlayXml *xml, GError *error)
{
  if (xml->error == NULL)
    xml->error = error;
  else
    g_error_free (error);
}

/* libxml2 pulls the member through this, a few KB at a time. */
static int
read_cb (void *data, char *buffer, int length)
{
  Source *src = data;
  gsf_off_t left = gsf_input_remaining (src->member);
  GError *error = NULL;
  gsize n;

  if (left <= 0 || length <= 0)
    return 0;
  if (++src->reads % 64 == 0 && g_cancellable_set_error_if_cancelled (src->cancellable, &error))
    {
      keep_error (src->xml, error);
      return -1;
    }
  n = (gsize) MIN (left, (gsf_off_t) length);
  if (gsf_input_read (src->member, n, (guint8 *) buffer) == NULL)
    {
      outlay_file_set_damaged (&error, src->zip->name, _("%s cannot be unpacked"), src->part);
      keep_error (src->xml, error);
      return -1;
    }
  if (!account (src->zip, src->part, &src->inflated, n, &error))
    {
      keep_error (src->xml, error);
      return -1;
    }
  return (int) n;
}

/**
 * outlay_xml_parse:
 * @zip: the archive
 * @part: the member to parse
 * @sax: handlers, set up with outlay_xml_init_sax()
 * @xml: the state the handlers get as user data
 * @cancellable: (nullable): checked between pieces
 * @error: what went wrong, naming the file
 *
 * Streams @part through @sax: no entity is ever expanded, no DTD loaded,
 * nothing fetched from the network, libxml2's size limits stay on.
 *
 * Returns: %TRUE when the whole member (or what the handlers wanted of
 *   it) was read
 */
gboolean
outlay_xml_parse (OutlayZip      *zip,
                  const char     *part,
                  xmlSAXHandler  *sax,
                  OutlayXml      *xml,
                  GCancellable   *cancellable,
                  GError        **error)
{
  g_autoptr(GsfInput) member = open_member (zip, part, error);
  Source src = { zip, member, part, xml, cancellable, 0, 0 };
  gboolean ok;

  if (member == NULL)
    return FALSE;
  xml->file = zip->name;
  xml->part = part;
  xml->ctxt = xmlCreateIOParserCtxt (sax, xml, read_cb, NULL, &src, XML_CHAR_ENCODING_NONE);
  if (xml->ctxt == NULL)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_FAILED, _("Out of memory reading “%s”"), zip->name);
      return FALSE;
    }
  xmlCtxtUseOptions (xml->ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA);
  xmlParseDocument (xml->ctxt);

  ok = finish_parse (xml, error);
  g_clear_error (&xml->error);
  /* libxml2 records entity declarations in a document of its own even in
   * SAX mode ("for expat compatibility"); it is ours to free */
  g_clear_pointer (&xml->ctxt->myDoc, xmlFreeDoc);
  xmlFreeParserCtxt (xml->ctxt);
  xml->ctxt = NULL;
  return ok;
}

/* ---- the row being read ---- */

void
outlay_row_buffer_init (OutlayRowBuffer *rb)
{
  rb->size = 64;
  rb->n_cells = 0;
  rb->cells = g_new (OutlayCell, rb->size);
  rb->offsets = g_new (RowOffsets, rb->size);
  rb->text = g_string_sized_new (4096);
}

void
outlay_row_buffer_clear (OutlayRowBuffer *rb)
{
  g_clear_pointer (&rb->cells, g_free);
  g_clear_pointer (&rb->offsets, g_free);
  if (rb->text != NULL)
    g_string_free (g_steal_pointer (&rb->text), TRUE);
}

void
outlay_row_buffer_reset (OutlayRowBuffer *rb)
{
  rb->n_cells = 0;
  g_string_truncate (rb->text, 0);
}

static OutlayCell *
append (OutlayRowBuffer *rb, const OutlayCell *cell, RowOffsets offsets)
{
  if (rb->n_cells == rb->size)
    {
      rb->size *= 2;
      rb->cells = g_renew (OutlayCell, rb->cells, rb->size);
      rb->offsets = g_renew (RowOffsets, rb->offsets, rb->size);
    }
  rb->cells[rb->n_cells] = *cell;
  ((RowOffsets *) rb->offsets)[rb->n_cells] = offsets;
  return &rb->cells[rb->n_cells++];
}

OutlayCell *
outlay_row_buffer_add_static (OutlayRowBuffer *rb,
                              guint            column,
                              OutlayCellKind   kind,
                              const char      *text,
                              gsize            length)
{
  OutlayCell cell = { column, kind, text, length, NULL, 1, 0 };
  RowOffsets offsets = { -1, -1 };

  return append (rb, &cell, offsets);
}

static gssize
keep_text (OutlayRowBuffer *rb, const char *text, gsize length)
{
  gssize at = (gssize) rb->text->len;

  outlay_string_append (rb->text, text, length);
  g_string_append_c (rb->text, '\0');
  return at;
}

OutlayCell *
outlay_row_buffer_add_copy (OutlayRowBuffer *rb,
                            guint            column,
                            OutlayCellKind   kind,
                            const char      *text,
                            gsize            length,
                            const char      *number)
{
  OutlayCell cell = { column, kind, NULL, length, NULL, 1, 0 };
  RowOffsets offsets;

  offsets.text = keep_text (rb, text, length);
  offsets.number = number != NULL ? keep_text (rb, number, strlen (number)) : -1;
  return append (rb, &cell, offsets);
}

OutlayCell *
outlay_row_buffer_add_again (OutlayRowBuffer *rb,
                             guint            column)
{
  OutlayCell cell;

  g_assert (rb->n_cells > 0);
  cell = rb->cells[rb->n_cells - 1];
  cell.column = column;
  return append (rb, &cell, ((RowOffsets *) rb->offsets)[rb->n_cells - 1]);
}

guint
outlay_row_buffer_n_cells (OutlayRowBuffer *rb)
{
  return rb->n_cells;
}

gboolean
outlay_row_buffer_emit (OutlayRowBuffer *rb,
                        guint            number,
                        OutlayRowFunc    func,
                        gpointer         user_data,
                        gboolean        *stop,
                        GError         **error)
{
  const RowOffsets *offsets = rb->offsets;
  OutlayRow row;
  GError *local_error = NULL;

  *stop = FALSE;
  if (rb->n_cells == 0)
    return TRUE;
  for (guint i = 0; i < rb->n_cells; i++)
    {
      if (offsets[i].text >= 0)
        rb->cells[i].text = rb->text->str + offsets[i].text;
      if (offsets[i].number >= 0)
        rb->cells[i].number = rb->text->str + offsets[i].number;
    }
  row.number = number;
  row.n_cells = rb->n_cells;
  row.cells = rb->cells;
  if (!func (&row, user_data, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      *stop = TRUE;
    }
  return TRUE;
}
