/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-xlsx-reader"

#include "config.h"

#include <math.h>
#include <string.h>

#include "outlay-xlsx-private.h"

/* Opening an xlsx reads what every sheet needs: the sheet list from the
 * workbook part (xl/workbook.xml, or wherever the package's
 * officeDocument relationship in _rels/.rels puts it), where each sheet
 * lives from its relationships, which cell styles are dates from the
 * styles part, and the shared strings. */

#define WORKBOOK_PART "xl/workbook.xml"
#define PACKAGE_RELS "_rels/.rels"
#define CONTENT_TYPES "[Content_Types].xml"
#define REL_TYPE_SUFFIX_OFFICE_DOCUMENT "/officeDocument"
#define REL_TYPE_SUFFIX_SHEET   "/worksheet"
#define REL_TYPE_SUFFIX_STRINGS "/sharedStrings"
#define REL_TYPE_SUFFIX_STYLES  "/styles"

typedef struct
{
  char     *name;
  char     *rel_id;
  gboolean  hidden;
} WorkbookSheet;

typedef struct
{
  OutlayXml      xml;
  const xmlChar *n_sheet, *n_name, *n_state, *n_id, *n_workbook_pr, *n_date1904;
  GPtrArray     *sheets;  /* WorkbookSheet */
  gboolean       date1904;
} WorkbookParse;

typedef struct
{
  char *path;
  char *type;
} Relationship;

typedef struct
{
  OutlayXml      xml;
  const xmlChar *n_relationship, *n_id, *n_target, *n_type, *n_target_mode;
  const char *base;     /* the folder targets are relative to */
  GHashTable    *rels;  /* id → Relationship */
} RelsParse;

typedef struct
{
  OutlayXml      xml;
  XlsxReader    *reader;
  const xmlChar *n_si, *n_t, *n_rph;
  gsize          start;
  gboolean       in_si;
  gboolean       in_t;
  gboolean       too_long;
  guint          rph_depth;
} StringsParse;

typedef struct
{
  OutlayXml      xml;
  XlsxReader    *reader;
  const xmlChar *n_num_fmt, *n_num_fmt_id, *n_format_code, *n_cell_xfs, *n_xf;
  GHashTable    *custom_dates;  /* numFmtId → non-NULL when a date */
  gboolean       in_cell_xfs;
} StylesParse;

static void
workbook_sheet_free (gpointer data)
{
  WorkbookSheet *sheet = data;

  g_free (sheet->name);
  g_free (sheet->rel_id);
  g_free (sheet);
}

static void
relationship_free (gpointer data)
{
  Relationship *rel = data;

  g_free (rel->path);
  g_free (rel->type);
  g_free (rel);
}

static char *
attr_dup (int n, const xmlChar **attrs, const xmlChar *name)
{
  OutlayXmlValue v;

  if (!outlay_xml_attr (n, attrs, name, &v))
    return NULL;
  return g_strndup ((const char *) v.value, v.length);
}

static gboolean
attr_is (int n, const xmlChar **attrs, const xmlChar *name, const char *value)
{
  OutlayXmlValue v;

  return outlay_xml_attr (n, attrs, name, &v) && v.length == strlen (value)
         && memcmp (v.value, value, v.length) == 0;
}

static gboolean
attr_true (int n, const xmlChar **attrs, const xmlChar *name)
{
  return attr_is (n, attrs, name, "1") || attr_is (n, attrs, name, "true");
}

/* ---- helpers shared with the sheet reader ---- */

static int
hex_digit (char c)
{
  return g_ascii_isxdigit (c) ? g_ascii_xdigit_value (c) : -1;
}

gsize
xlsx_decode_escapes (char  *text,
                     gsize  length)
{
  gsize in = 0, out = 0;

  if (memchr (text, '_', length) == NULL)
    return length;
  while (in < length)
    {
      if (text[in] == '_' && in + 7 <= length && text[in + 1] == 'x' && text[in + 6] == '_')
        {
          int a = hex_digit (text[in + 2]), b = hex_digit (text[in + 3]);
          int c = hex_digit (text[in + 4]), d = hex_digit (text[in + 5]);
          gunichar ch = (gunichar) ((a << 12) | (b << 8) | (c << 4) | d);

          if (a >= 0 && b >= 0 && c >= 0 && d >= 0 && ch != 0 && g_unichar_validate (ch))
            {
              out += g_unichar_to_utf8 (ch, text + out);
              in += 7;
              continue;
            }
        }
      text[out++] = text[in++];
    }
  text[out] = '\0';
  return out;
}

gboolean
xlsx_serial_to_iso (const char *serial,
                    gboolean    date1904,
                    char       *buf)
{
  char *end = NULL;
  double value = g_ascii_strtod (serial, &end);
  gint64 days, secs;
  GDate date;

  if (end == serial || *end != '\0' || !isfinite (value) || value < 0 || value >= 2958466)
    return FALSE;
  days = (gint64) floor (value);
  secs = (gint64) llround ((value - (double) days) * 86400.0);
  if (secs >= 86400)
    days++, secs -= 86400;

  if (!date1904 && days == 60)
    g_strlcpy (buf, "1900-02-29", 32); /* Lotus's leap day, kept by Excel */
  else if (!date1904 && days == 0)
    buf[0] = '\0'; /* a time of day */
  else
    {
      g_date_clear (&date, 1);
      if (date1904)
        g_date_set_dmy (&date, 1, 1, 1904);
      else
        g_date_set_dmy (&date, days < 60 ? 31 : 30, 12, 1899);
      g_date_add_days (&date, (guint) days);
      g_snprintf (buf, 32, "%04d-%02d-%02d", g_date_get_year (&date),
                  g_date_get_month (&date), g_date_get_day (&date));
    }
  if (buf[0] == '\0')
    g_snprintf (buf, 32, "%02d:%02d:%02d", (int) (secs / 3600), (int) (secs / 60 % 60), (int) (secs % 60));
  else if (secs > 0)
    g_snprintf (buf + 10, 22, "T%02d:%02d:%02d", (int) (secs / 3600), (int) (secs / 60 % 60), (int) (secs % 60));
  return TRUE;
}

/* ---- xl/workbook.xml ---- */

static void
workbook_start_document_cb (void *ctx)
{
  WorkbookParse *wp = ctx;

  wp->n_sheet = outlay_xml_intern (&wp->xml, "sheet");
  wp->n_name = outlay_xml_intern (&wp->xml, "name");
  wp->n_state = outlay_xml_intern (&wp->xml, "state");
  wp->n_id = outlay_xml_intern (&wp->xml, "id");
  wp->n_workbook_pr = outlay_xml_intern (&wp->xml, "workbookPr");
  wp->n_date1904 = outlay_xml_intern (&wp->xml, "date1904");
}

static void
workbook_start_element_cb (void           *ctx,
                           const xmlChar  *localname,
                           const xmlChar  *prefix,
                           const xmlChar  *uri,
                           int             n_namespaces,
                           const xmlChar **namespaces,
                           int             n_attributes,
                           int             n_defaulted,
                           const xmlChar **attrs)
{
  WorkbookParse *wp = ctx;

  if (localname == wp->n_sheet)
    {
      WorkbookSheet *sheet = g_new0 (WorkbookSheet, 1);

      sheet->name = attr_dup (n_attributes, attrs, wp->n_name);
      sheet->rel_id = attr_dup (n_attributes, attrs, wp->n_id);
      sheet->hidden = attr_is (n_attributes, attrs, wp->n_state, "hidden")
                      || attr_is (n_attributes, attrs, wp->n_state, "veryHidden");
      if (sheet->name == NULL)
        sheet->name = g_strdup_printf ("Sheet%u", wp->sheets->len + 1);
      g_ptr_array_add (wp->sheets, sheet);
    }
  else if (localname == wp->n_workbook_pr)
    wp->date1904 = attr_true (n_attributes, attrs, wp->n_date1904);
}

/* ---- xl/_rels/workbook.xml.rels ---- */

/* "worksheets/sheet1.xml" relative to xl/, or "/xl/worksheets/sheet1.xml" */
static char *
resolve_target (const char *base_dir, const char *target)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_auto(GStrv) base = g_strsplit (base_dir, "/", -1);
  g_auto(GStrv) rel = g_strsplit (target, "/", -1);
  GString *path = g_string_new (NULL);

  if (target[0] != '/')
    for (guint i = 0; base[i] != NULL; i++)
      if (base[i][0] != '\0')
        g_ptr_array_add (parts, base[i]);
  for (guint i = 0; rel[i] != NULL; i++)
    {
      if (rel[i][0] == '\0' || g_str_equal (rel[i], "."))
        continue;
      if (g_str_equal (rel[i], ".."))
        {
          if (parts->len > 0)
            g_ptr_array_remove_index (parts, parts->len - 1);
          continue;
        }
      g_ptr_array_add (parts, rel[i]);
    }
  for (guint i = 0; i < parts->len; i++)
    g_string_append_printf (path, "%s%s", i ? "/" : "", (const char *) parts->pdata[i]);
  return g_string_free (path, FALSE);
}

static void
rels_start_document_cb (void *ctx)
{
  RelsParse *rp = ctx;

  rp->n_relationship = outlay_xml_intern (&rp->xml, "Relationship");
  rp->n_id = outlay_xml_intern (&rp->xml, "Id");
  rp->n_target = outlay_xml_intern (&rp->xml, "Target");
  rp->n_type = outlay_xml_intern (&rp->xml, "Type");
  rp->n_target_mode = outlay_xml_intern (&rp->xml, "TargetMode");
}

static void
rels_start_element_cb (void           *ctx,
                       const xmlChar  *localname,
                       const xmlChar  *prefix,
                       const xmlChar  *uri,
                       int             n_namespaces,
                       const xmlChar **namespaces,
                       int             n_attributes,
                       int             n_defaulted,
                       const xmlChar **attrs)
{
  RelsParse *rp = ctx;
  g_autofree char *id = NULL;
  g_autofree char *target = NULL;
  Relationship *rel;

  if (localname != rp->n_relationship || attr_is (n_attributes, attrs, rp->n_target_mode, "External"))
    return;
  id = attr_dup (n_attributes, attrs, rp->n_id);
  target = attr_dup (n_attributes, attrs, rp->n_target);
  if (id == NULL || target == NULL)
    return;
  rel = g_new0 (Relationship, 1);
  rel->path = resolve_target (rp->base, target);
  rel->type = attr_dup (n_attributes, attrs, rp->n_type);
  if (rel->type == NULL)
    rel->type = g_strdup ("");
  g_hash_table_replace (rp->rels, g_steal_pointer (&id), rel);
}

/* ---- xl/sharedStrings.xml ---- */

static void
strings_start_document_cb (void *ctx)
{
  StringsParse *sp = ctx;

  sp->n_si = outlay_xml_intern (&sp->xml, "si");
  sp->n_t = outlay_xml_intern (&sp->xml, "t");
  sp->n_rph = outlay_xml_intern (&sp->xml, "rPh");
}

static void
strings_start_element_cb (void           *ctx,
                          const xmlChar  *localname,
                          const xmlChar  *prefix,
                          const xmlChar  *uri,
                          int             n_namespaces,
                          const xmlChar **namespaces,
                          int             n_attributes,
                          int             n_defaulted,
                          const xmlChar **attrs)
{
  StringsParse *sp = ctx;

  if (localname == sp->n_si)
    {
      sp->in_si = TRUE;
      sp->too_long = FALSE;
      sp->start = sp->reader->pool->len;
    }
  else if (localname == sp->n_t)
    sp->in_t = sp->in_si && sp->rph_depth == 0;
  else if (localname == sp->n_rph)
    sp->rph_depth++;
}

static void
strings_end_element_cb (void          *ctx,
                        const xmlChar *localname,
                        const xmlChar *prefix,
                        const xmlChar *uri)
{
  StringsParse *sp = ctx;
  GString *pool = sp->reader->pool;
  XlsxString s;

  if (localname == sp->n_t)
    sp->in_t = FALSE;
  else if (localname == sp->n_rph && sp->rph_depth > 0)
    sp->rph_depth--;
  else if (localname == sp->n_si && sp->in_si)
    {
      sp->in_si = FALSE;
      s.offset = (guint32) sp->start;
      if (sp->too_long)
        s.length = XLSX_STRING_TOO_LONG;
      else
        {
          s.length = (guint32) xlsx_decode_escapes (pool->str + sp->start, pool->len - sp->start);
          g_string_truncate (pool, sp->start + s.length);
        }
      g_string_append_c (pool, '\0');
      g_array_append_val (sp->reader->strings, s);
    }
}

static void
strings_characters_cb (void          *ctx,
                       const xmlChar *text,
                       int            length)
{
  StringsParse *sp = ctx;
  GString *pool = sp->reader->pool;

  if (!sp->in_t || sp->too_long)
    return;
  if (pool->len - sp->start + (gsize) length > OUTLAY_WORKBOOK_MAX_CELL_BYTES)
    {
      sp->too_long = TRUE;
      g_string_truncate (pool, sp->start);
      return;
    }
  outlay_string_append (pool, (const char *) text, (gsize) length);
}

/* ---- xl/styles.xml ---- */

/* Elapsed time ([h]:mm) is a duration, not a date. */
static gboolean
bracket_is_elapsed (const char *p, gsize len)
{
  if (len == 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (strchr ("hHmMsS", p[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* A date when the code has d, m, y, h or s outside quotes, escapes and
 * brackets ([$-409], [Red]). */
static gboolean
format_is_date (const char *code)
{
  gsize len = strlen (code);

  for (gsize i = 0; i < len; i++)
    {
      const char *close;

      switch (code[i])
        {
        case '"':
          close = strchr (code + i + 1, '"');
          if (close == NULL)
            return FALSE;
          i = close - code;
          break;
        case '\\':
        case '_':
        case '*':
          i++;
          break;
        case '[':
          close = strchr (code + i + 1, ']');
          if (close == NULL || bracket_is_elapsed (code + i + 1, close - code - i - 1))
            return FALSE;
          i = close - code;
          break;
        case 'd': case 'D': case 'm': case 'M': case 'y': case 'Y':
        case 'h': case 'H': case 's': case 'S':
          return TRUE;
        default:
          break;
        }
    }
  return FALSE;
}

static gboolean
builtin_is_date (guint64 id)
{
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47)
         || (id >= 50 && id <= 58);
}

static void
styles_start_document_cb (void *ctx)
{
  StylesParse *sp = ctx;

  sp->n_num_fmt = outlay_xml_intern (&sp->xml, "numFmt");
  sp->n_num_fmt_id = outlay_xml_intern (&sp->xml, "numFmtId");
  sp->n_format_code = outlay_xml_intern (&sp->xml, "formatCode");
  sp->n_cell_xfs = outlay_xml_intern (&sp->xml, "cellXfs");
  sp->n_xf = outlay_xml_intern (&sp->xml, "xf");
}

static void
styles_start_element_cb (void           *ctx,
                         const xmlChar  *localname,
                         const xmlChar  *prefix,
                         const xmlChar  *uri,
                         int             n_namespaces,
                         const xmlChar **namespaces,
                         int             n_attributes,
                         int             n_defaulted,
                         const xmlChar **attrs)
{
  StylesParse *sp = ctx;
  OutlayXmlValue v;
  guint64 id = 0;

  if (localname == sp->n_num_fmt)
    {
      g_autofree char *code = attr_dup (n_attributes, attrs, sp->n_format_code);

      if (outlay_xml_attr (n_attributes, attrs, sp->n_num_fmt_id, &v) && outlay_xml_value_uint (&v, &id)
          && code != NULL && format_is_date (code))
        g_hash_table_add (sp->custom_dates, GSIZE_TO_POINTER ((gsize) id));
    }
  else if (localname == sp->n_cell_xfs)
    sp->in_cell_xfs = TRUE;
  else if (localname == sp->n_xf && sp->in_cell_xfs)
    {
      guint8 is_date = 0;

      if (outlay_xml_attr (n_attributes, attrs, sp->n_num_fmt_id, &v) && outlay_xml_value_uint (&v, &id))
        is_date = builtin_is_date (id) || g_hash_table_contains (sp->custom_dates, GSIZE_TO_POINTER ((gsize) id));
      g_array_append_val (sp->reader->date_styles, is_date);
    }
}

static void
styles_end_element_cb (void          *ctx,
                       const xmlChar *localname,
                       const xmlChar *prefix,
                       const xmlChar *uri)
{
  StylesParse *sp = ctx;

  if (localname == sp->n_cell_xfs)
    sp->in_cell_xfs = FALSE;
}

/* ---- opening ---- */

static gboolean
read_workbook (XlsxReader *reader,
               const char *part,
               GPtrArray *sheets,
               GCancellable *cancellable,
               GError **error)
{
  WorkbookParse wp = { 0 };
  xmlSAXHandler sax;

  outlay_xml_init_sax (&sax);
  sax.startDocument = workbook_start_document_cb;
  sax.startElementNs = workbook_start_element_cb;
  wp.sheets = sheets;
  if (!outlay_xml_parse (reader->zip, part, &sax, &wp.xml, cancellable, error))
    return FALSE;
  reader->date1904 = wp.date1904;
  return TRUE;
}

/* The relationships of @part ("xl/workbook.xml" → xl/_rels/workbook.xml.rels,
 * "" → _rels/.rels), targets resolved against @part's folder; empty
 * when there are none. */
static GHashTable *
read_rels (OutlayZip *zip, const char *part, GCancellable *cancellable, GError **error)
{
  RelsParse rp = { 0 };
  xmlSAXHandler sax;
  g_autoptr(GHashTable) rels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, relationship_free);
  g_autofree char *dir = *part ? g_path_get_dirname (part) : g_strdup (".");
  g_autofree char *base = *part ? g_path_get_basename (part) : g_strdup ("");
  g_autofree char *rels_part = NULL;

  if (g_str_equal (dir, "."))
    dir[0] = '\0';
  rels_part = g_strdup_printf ("%s%s_rels/%s.rels", dir, *dir ? "/" : "", base);
  if (!outlay_zip_has (zip, rels_part))
    return g_steal_pointer (&rels);
  outlay_xml_init_sax (&sax);
  sax.startDocument = rels_start_document_cb;
  sax.startElementNs = rels_start_element_cb;
  rp.base = dir;
  rp.rels = rels;
  if (!outlay_xml_parse (zip, rels_part, &sax, &rp.xml, cancellable, error))
    return NULL;
  return g_steal_pointer (&rels);
}

/* The part the package's officeDocument relationship names, when it is
 * in the zip; else NULL, with @error set only when _rels/.rels is damaged. */
static char *
find_office_document (OutlayZip *zip, GCancellable *cancellable, GError **error)
{
  g_autoptr(GHashTable) rels = NULL;
  GHashTableIter iter;
  Relationship *rel;

  if (!outlay_zip_has (zip, PACKAGE_RELS))
    return NULL;
  rels = read_rels (zip, "", cancellable, error);
  if (rels == NULL)
    return NULL;
  g_hash_table_iter_init (&iter, rels);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &rel))
    if (g_str_has_suffix (rel->type, REL_TYPE_SUFFIX_OFFICE_DOCUMENT)
        && outlay_zip_has (zip, rel->path))
      return g_strdup (rel->path);
  return NULL;
}

/**
 * outlay_xlsx_is_spreadsheet:
 * @zip: an Office Open XML package
 *
 * Whether @zip's main part, found through _rels/.rels, is a spreadsheet
 * workbook in XML (not a document, a presentation or an .xlsb), as its
 * [Content_Types].xml declares.
 */
gboolean
outlay_xlsx_is_spreadsheet (OutlayZip *zip)
{
  g_autofree char *part = find_office_document (zip, NULL, NULL);
  g_autoptr(GBytes) types = NULL;
  gsize size;
  const char *data;

  if (part == NULL || !g_str_has_suffix (part, ".xml"))
    return FALSE;
  types = outlay_zip_read_small (zip, CONTENT_TYPES, 1024 * 1024, NULL);
  if (types == NULL)
    return FALSE;
  data = g_bytes_get_data (types, &size);
  return g_strstr_len (data, (gssize) size, "spreadsheetml") != NULL
         || g_strstr_len (data, (gssize) size, "ms-excel.sheet") != NULL
         || g_strstr_len (data, (gssize) size, "ms-excel.template") != NULL;
}

/* The part of the relationship whose type ends in @suffix, else @fallback. */
static const char *
find_part (XlsxReader *reader, GHashTable *rels, const char *suffix, const char *fallback)
{
  GHashTableIter iter;
  Relationship *rel;

  g_hash_table_iter_init (&iter, rels);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &rel))
    if (g_str_has_suffix (rel->type, suffix) && outlay_zip_has (reader->zip, rel->path))
      return rel->path;
  return outlay_zip_has (reader->zip, fallback) ? fallback : NULL;
}

static gboolean
read_strings (XlsxReader *reader, const char *part, GCancellable *cancellable, GError **error)
{
  StringsParse sp = { 0 };
  xmlSAXHandler sax;

  outlay_xml_init_sax (&sax);
  sax.startDocument = strings_start_document_cb;
  sax.startElementNs = strings_start_element_cb;
  sax.endElementNs = strings_end_element_cb;
  sax.characters = strings_characters_cb;
  sax.ignorableWhitespace = strings_characters_cb;
  sp.reader = reader;
  return outlay_xml_parse (reader->zip, part, &sax, &sp.xml, cancellable, error);
}

static gboolean
read_styles (XlsxReader *reader, const char *part, GCancellable *cancellable, GError **error)
{
  StylesParse sp = { 0 };
  xmlSAXHandler sax;
  gboolean ok;

  outlay_xml_init_sax (&sax);
  sax.startDocument = styles_start_document_cb;
  sax.startElementNs = styles_start_element_cb;
  sax.endElementNs = styles_end_element_cb;
  sp.reader = reader;
  sp.custom_dates = g_hash_table_new (NULL, NULL);
  ok = outlay_xml_parse (reader->zip, part, &sax, &sp.xml, cancellable, error);
  g_hash_table_unref (sp.custom_dates);
  return ok;
}

static void
xlsx_free (gpointer data)
{
  XlsxReader *reader = data;

  if (reader == NULL)
    return;
  g_clear_pointer (&reader->zip, outlay_zip_free);
  g_clear_pointer (&reader->paths, g_ptr_array_unref);
  g_clear_pointer (&reader->strings, g_array_unref);
  g_clear_pointer (&reader->date_styles, g_array_unref);
  if (reader->pool != NULL)
    g_string_free (reader->pool, TRUE);
  g_free (reader);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XlsxReader, xlsx_free)

static void
add_sheets (XlsxReader *reader, GPtrArray *sheets, GHashTable *rels, OutlayWorkbookInfo *info)
{
  for (guint i = 0; i < sheets->len; i++)
    {
      WorkbookSheet *ws = sheets->pdata[i];
      Relationship *rel = ws->rel_id ? g_hash_table_lookup (rels, ws->rel_id) : NULL;
      OutlayWorkbookSheet *sheet;

      /* chart and dialog sheets have no cells */
      if (rel != NULL && !g_str_has_suffix (rel->type, REL_TYPE_SUFFIX_SHEET))
        continue;
      sheet = g_new0 (OutlayWorkbookSheet, 1);
      sheet->name = g_strdup (ws->name);
      sheet->hidden = ws->hidden;
      g_ptr_array_add (info->sheets, sheet);
      g_ptr_array_add (reader->paths, rel && outlay_zip_has (reader->zip, rel->path) ? g_strdup (rel->path) : NULL);
    }
}

static gpointer
xlsx_open (GsfInput            *input,
           const char          *path,
           OutlayWorkbookInfo  *info,
           GCancellable        *cancellable,
           GError             **error)
{
  g_autoptr(XlsxReader) reader = g_new0 (XlsxReader, 1);
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func (workbook_sheet_free);
  g_autoptr(GHashTable) rels = NULL;
  g_autofree char *workbook = NULL;
  const char *part;

  reader->paths = g_ptr_array_new_with_free_func (g_free);
  reader->pool = g_string_sized_new (4096);
  reader->strings = g_array_new (FALSE, FALSE, sizeof (XlsxString));
  reader->date_styles = g_array_new (FALSE, FALSE, sizeof (guint8));
  reader->zip = outlay_zip_open (input, info->name, error);
  if (reader->zip == NULL)
    return NULL;
  if (!outlay_zip_has (reader->zip, WORKBOOK_PART))
    {
      GError *local_error = NULL;

      workbook = find_office_document (reader->zip, cancellable, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
    }
  if (workbook == NULL)
    workbook = g_strdup (WORKBOOK_PART);
  if (!read_workbook (reader, workbook, sheets, cancellable, error))
    return NULL;
  rels = read_rels (reader->zip, workbook, cancellable, error);
  if (rels == NULL)
    return NULL;

  part = find_part (reader, rels, REL_TYPE_SUFFIX_STRINGS, "xl/sharedStrings.xml");
  if (part != NULL && !read_strings (reader, part, cancellable, error))
    return NULL;
  part = find_part (reader, rels, REL_TYPE_SUFFIX_STYLES, "xl/styles.xml");
  if (part != NULL && !read_styles (reader, part, cancellable, error))
    return NULL;
  add_sheets (reader, sheets, rels, info);
  return g_steal_pointer (&reader);
}

const OutlayWorkbookFormatClass outlay_xlsx_format = {
  xlsx_open,
  xlsx_read_sheet,
  xlsx_free,
};
