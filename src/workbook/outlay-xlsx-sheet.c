/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-xlsx-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "outlay-formula.h"
#include "outlay-xlsx-private.h"

/* Streams one worksheet part with SAX: a small state machine over
 * <row>, <c>, <v>, <f>, <is>/<t>, no allocation per cell (the row's cells
 * and texts live in reused buffers, shared strings are pointed at), and
 * a stop at </sheetData> since nothing after it is needed. */

/* Formula cells evaluated per sheet, counted in cell visits. */
#define FORMULA_BUDGET      G_GUINT64_CONSTANT (50000000)
/* Text of shared formulas kept for cells that only point at them. */
#define MAX_SHARED_FORMULAS (4 * 1024 * 1024)

typedef enum
{
  TYPE_NUMBER,
  TYPE_SHARED,
  TYPE_INLINE,
  TYPE_STR,
  TYPE_BOOL,
  TYPE_ERROR,
  TYPE_DATE,
} CellType;

typedef enum
{
  COLLECT_NONE,
  COLLECT_VALUE,
  COLLECT_FORMULA,
} Collect;

typedef struct
{
  char  *text;
  guint  row0;
  guint  col0;
} SharedFormula;

typedef struct
{
  OutlayXml             xml;
  XlsxReader           *reader;
  const char           *sheet;
  const xmlChar        *n_sheet_data, *n_row, *n_c, *n_v, *n_f, *n_is, *n_t, *n_rph;
  const xmlChar        *n_r, *n_s, *n_si;

  gboolean              in_row;
  gboolean              in_cell;
  guint                 row0;
  guint                 col0;
  guint                 next_row0;
  guint                 next_col0;

  CellType              type;
  guint                 style;
  gboolean              has_v;
  gboolean              has_f;
  gboolean              f_shared;
  guint64               f_si;
  gboolean              in_is;
  guint                 rph_depth;
  Collect               collect;
  GString              *value;
  GString              *formula;

  OutlayRowBuffer       rb;
  OutlayCellStore      *store;
  OutlayFormulaContext  fctx;
  GHashTable           *shared;  /* si → SharedFormula */
  gsize                 shared_bytes;

  OutlayRowFunc         func;
  gpointer              user_data;
  guint                 max_rows;
  guint                 n_rows;
} SheetParse;

static void
shared_formula_free (gpointer data)
{
  SharedFormula *sf = data;

  g_free (sf->text);
  g_free (sf);
}

static void
fail_cell (SheetParse *sp, OutlayErrorCode code, const char *message)
{
  GError *error = NULL;

  outlay_sheet_set_error (&error, code, sp->xml.file, sp->sheet, sp->row0,
                          sp->in_cell ? sp->col0 : G_MAXUINT, "%s", message);
  outlay_xml_fail (&sp->xml, error);
}

static char *
where_cb (OutlayXml *xml)
{
  SheetParse *sp = (SheetParse *) xml;

  if (!sp->in_row)
    return NULL;
  return outlay_sheet_where (sp->sheet, sp->row0, sp->in_cell ? sp->col0 : G_MAXUINT);
}

/* ---- <row> and <c> attributes ---- */

/* "AB12": the column; the row part is checked but the <row>'s wins. */
static gboolean
parse_cell_ref (const OutlayXmlValue *v, guint *col0)
{
  guint col = 0, letters = 0, digits = 0;
  gsize i = 0;

  for (; i < v->length && g_ascii_isalpha (v->value[i]); i++)
    {
      if (++letters > 3)
        return FALSE;
      col = col * 26 + (g_ascii_toupper (v->value[i]) - 'A' + 1);
    }
  for (; i < v->length && g_ascii_isdigit (v->value[i]); i++)
    digits++;
  if (i != v->length || letters == 0 || digits == 0)
    return FALSE;
  *col0 = col - 1;
  return TRUE;
}

static CellType
parse_type (const OutlayXmlValue *v)
{
  if (v->length == 0)
    return TYPE_NUMBER;
  switch (v->value[0])
    {
    case 's':
      return v->length == 1 ? TYPE_SHARED : TYPE_STR;
    case 'i':
      return TYPE_INLINE;
    case 'b':
      return TYPE_BOOL;
    case 'e':
      return TYPE_ERROR;
    case 'd':
      return TYPE_DATE;
    default:
      return TYPE_NUMBER;
    }
}

static void
fail_sheet (SheetParse *sp, const char *message)
{
  GError *error = NULL;

  outlay_sheet_set_error (&error, OUTLAY_ERROR_INVALID_FILE, sp->xml.file, sp->sheet,
                          G_MAXUINT, G_MAXUINT, "%s", message);
  outlay_xml_fail (&sp->xml, error);
}

static void
start_row (SheetParse *sp, int n, const xmlChar **attrs)
{
  OutlayXmlValue v;
  guint64 r;

  sp->row0 = sp->next_row0;
  if (outlay_xml_attr (n, attrs, sp->n_r, &v))
    {
      g_autofree char *shown = g_strndup ((const char *) v.value, MIN (v.length, 20));

      if (!outlay_xml_value_uint (&v, &r) || r == 0)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a row number; the file is damaged"), shown);

          fail_sheet (sp, message);
          return;
        }
      if (r > OUTLAY_WORKBOOK_MAX_ROWS)
        {
          g_autofree char *message = g_strdup_printf (_("row %s is past the last row a spreadsheet can have"), shown);

          fail_sheet (sp, message);
          return;
        }
      sp->row0 = (guint) r - 1;
    }
  if (sp->row0 >= OUTLAY_WORKBOOK_MAX_ROWS)
    {
      fail_sheet (sp, _("the sheet has more rows than a spreadsheet can have"));
      return;
    }
  sp->in_row = TRUE;
  sp->next_row0 = sp->row0 + 1;
  sp->next_col0 = 0;
  outlay_row_buffer_reset (&sp->rb);
  outlay_cell_store_begin_row (sp->store, sp->row0);
}

static void
start_cell (SheetParse *sp, int n, const xmlChar **attrs)
{
  OutlayXmlValue v;
  guint col0 = sp->next_col0;

  if (!sp->in_row)
    return;
  if (outlay_xml_attr (n, attrs, sp->n_r, &v) && !parse_cell_ref (&v, &col0))
    {
      g_autofree char *shown = g_strndup ((const char *) v.value, MIN (v.length, 20));
      g_autofree char *message = g_strdup_printf (_("“%s” is not a cell reference"), shown);

      fail_cell (sp, OUTLAY_ERROR_INVALID_FILE, message);
      return;
    }
  sp->in_cell = TRUE;
  sp->col0 = col0;
  if (col0 >= OUTLAY_WORKBOOK_MAX_COLUMNS)
    {
      fail_cell (sp, OUTLAY_ERROR_INVALID_FILE, _("the cell is past the last column (XFD)"));
      return;
    }
  if (col0 < sp->next_col0)
    {
      fail_cell (sp, OUTLAY_ERROR_INVALID_FILE, _("the cells of the row are out of order; the file is damaged"));
      return;
    }
  sp->next_col0 = col0 + 1;
  sp->type = outlay_xml_attr (n, attrs, sp->n_t, &v) ? parse_type (&v) : TYPE_NUMBER;
  sp->style = 0;
  if (outlay_xml_attr (n, attrs, sp->n_s, &v))
    {
      guint64 s;

      if (outlay_xml_value_uint (&v, &s) && s < G_MAXUINT)
        sp->style = (guint) s;
    }
  sp->has_v = sp->has_f = sp->f_shared = sp->in_is = FALSE;
  sp->rph_depth = 0;
  g_string_truncate (sp->value, 0);
  g_string_truncate (sp->formula, 0);
}

static void
start_formula (SheetParse *sp, int n, const xmlChar **attrs)
{
  OutlayXmlValue v;

  sp->has_f = TRUE;
  sp->collect = COLLECT_FORMULA;
  sp->f_shared = outlay_xml_attr (n, attrs, sp->n_t, &v) && v.length == 6
                 && memcmp (v.value, "shared", 6) == 0
                 && outlay_xml_attr (n, attrs, sp->n_si, &v) && outlay_xml_value_uint (&v, &sp->f_si);
}

/* ---- finishing a cell ---- */

static void
store (SheetParse *sp, OutlayFormulaCellKind kind, OutlayDecimal value)
{
  outlay_cell_store_add (sp->store, sp->col0, kind, value);
}

static void
add_number (SheetParse *sp, const char *text, gsize length, gboolean formula)
{
  XlsxReader *reader = sp->reader;
  OutlayCell *cell;
  OutlayFormulaCellKind kind;
  OutlayDecimal d = 0;
  char iso[32];

  if (sp->style < reader->date_styles->len && g_array_index (reader->date_styles, guint8, sp->style)
      && xlsx_serial_to_iso (text, reader->date1904, iso))
    cell = outlay_row_buffer_add_copy (&sp->rb, sp->col0, OUTLAY_CELL_DATE, iso, strlen (iso), text);
  else
    cell = outlay_row_buffer_add_copy (&sp->rb, sp->col0, OUTLAY_CELL_NUMBER, text, length, NULL);
  cell->formula = formula;
  kind = outlay_formula_parse_number (text, length, &d) ? OUTLAY_FORMULA_CELL_NUMBER
                                                        : OUTLAY_FORMULA_CELL_TEXT;
  store (sp, kind, d);
}

static void
add_text (SheetParse *sp, OutlayCellKind kind)
{
  OutlayCell *cell;

  sp->value->len = xlsx_decode_escapes (sp->value->str, sp->value->len);
  if (sp->value->len == 0)
    {
      store (sp, OUTLAY_FORMULA_CELL_EMPTY, 0);
      return;
    }
  cell = outlay_row_buffer_add_copy (&sp->rb, sp->col0, kind, sp->value->str, sp->value->len, NULL);
  cell->formula = sp->has_f;
  store (sp, kind == OUTLAY_CELL_ERROR ? OUTLAY_FORMULA_CELL_UNKNOWN : OUTLAY_FORMULA_CELL_TEXT, 0);
}

static void
add_shared_string (SheetParse *sp)
{
  XlsxReader *reader = sp->reader;
  OutlayXmlValue v = { (const xmlChar *) sp->value->str, sp->value->len };
  const XlsxString *s;
  OutlayCell *cell;
  guint64 index;

  if (!outlay_xml_value_uint (&v, &index) || index >= reader->strings->len)
    {
      fail_cell (sp, OUTLAY_ERROR_INVALID_FILE, _("the cell refers to a shared text that does not exist; the file is damaged"));
      return;
    }
  s = &g_array_index (reader->strings, XlsxString, index);
  if (s->length == XLSX_STRING_TOO_LONG)
    {
      fail_cell (sp, OUTLAY_ERROR_TOO_LARGE, _("the text is longer than 32,767 characters"));
      return;
    }
  if (s->length == 0)
    return;
  cell = outlay_row_buffer_add_static (&sp->rb, sp->col0, OUTLAY_CELL_STRING,
                                       reader->pool->str + s->offset, s->length);
  cell->formula = sp->has_f;
  store (sp, OUTLAY_FORMULA_CELL_TEXT, 0);
}

static void
add_boolean (SheetParse *sp)
{
  gboolean value = sp->value->len > 0 && (sp->value->str[0] == '1' || sp->value->str[0] == 't');
  OutlayCell *cell = outlay_row_buffer_add_static (&sp->rb, sp->col0, OUTLAY_CELL_BOOLEAN,
                                                   value ? "TRUE" : "FALSE", value ? 4 : 5);

  cell->formula = sp->has_f;
  store (sp, OUTLAY_FORMULA_CELL_NUMBER, value ? OUTLAY_DECIMAL_ONE : 0);
}

/* t="d": an ISO date; its serial is worked out for OutlayCell.number. */
static void
add_iso_date (SheetParse *sp)
{
  int y, m, d, hh = 0, mm = 0, ss = 0;
  GDate date, base;
  gint64 days;
  char serial[48];
  OutlayCell *cell;

  if (sscanf (sp->value->str, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &m, &d, &hh, &mm, &ss) < 3
      || !g_date_valid_dmy (d, m, y) || hh > 23 || mm > 59 || ss > 60)
    {
      add_text (sp, OUTLAY_CELL_STRING);
      return;
    }
  g_date_clear (&date, 1);
  g_date_clear (&base, 1);
  g_date_set_dmy (&date, d, m, y);
  g_date_set_dmy (&base, 30, 12, 1899);
  days = (gint64) g_date_get_julian (&date) - g_date_get_julian (&base);
  if (days < 61)
    days--; /* before Excel's phantom 1900-02-29 */
  g_snprintf (serial, sizeof serial, "%" G_GINT64_FORMAT, days);
  if (hh || mm || ss)
    g_ascii_formatd (serial, sizeof serial, "%.10g", days + (hh * 3600 + mm * 60 + ss) / 86400.0);
  cell = outlay_row_buffer_add_copy (&sp->rb, sp->col0, OUTLAY_CELL_DATE, sp->value->str, sp->value->len, serial);
  cell->formula = sp->has_f;
  store (sp, OUTLAY_FORMULA_CELL_UNKNOWN, 0);
}

static void
remember_shared (SheetParse *sp)
{
  SharedFormula *sf;

  if (!sp->f_shared || sp->formula->len == 0 || sp->shared_bytes + sp->formula->len > MAX_SHARED_FORMULAS)
    return;
  sf = g_new (SharedFormula, 1);
  sf->text = g_strndup (sp->formula->str, sp->formula->len);
  sf->row0 = sp->row0;
  sf->col0 = sp->col0;
  sp->shared_bytes += sp->formula->len;
  g_hash_table_replace (sp->shared, g_memdup2 (&sp->f_si, sizeof sp->f_si), sf);
}

static void
trim_decimal (char *buf)
{
  char *end;

  if (strchr (buf, '.') == NULL)
    return;
  end = buf + strlen (buf) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
}

/* A formula without a cached value. */
static void
evaluate (SheetParse *sp)
{
  const char *text = sp->formula->str;
  gsize length = sp->formula->len;
  OutlayDecimal value;
  OutlayCell *cell;
  char buf[48];

  sp->fctx.row_shift = sp->fctx.col_shift = 0;
  if (length == 0 && sp->f_shared)
    {
      SharedFormula *sf = g_hash_table_lookup (sp->shared, &sp->f_si);

      if (sf != NULL)
        {
          text = sf->text;
          length = strlen (sf->text);
          sp->fctx.row_shift = (int) sp->row0 - (int) sf->row0;
          sp->fctx.col_shift = (int) sp->col0 - (int) sf->col0;
        }
    }
  outlay_cell_store_set_column (sp->store, sp->col0);
  if (length > 0 && outlay_formula_eval (text, (gssize) length, &sp->fctx, &value))
    {
      outlay_decimal_to_buffer (value, OUTLAY_DECIMAL_PLACES, buf, sizeof buf);
      trim_decimal (buf);
      add_number (sp, buf, strlen (buf), TRUE);
    }
  else if (sp->type == TYPE_STR && sp->has_v)
    store (sp, OUTLAY_FORMULA_CELL_EMPTY, 0); /* a cached empty text */
  else
    {
      cell = outlay_row_buffer_add_static (&sp->rb, sp->col0, OUTLAY_CELL_ERROR, "#VALUE!", 7);
      cell->formula = TRUE;
      store (sp, OUTLAY_FORMULA_CELL_UNKNOWN, 0);
    }
}

static void
end_cell (SheetParse *sp)
{
  remember_shared (sp);
  if (sp->has_f && sp->value->len == 0 && sp->type != TYPE_INLINE)
    evaluate (sp);
  else
    switch (sp->type)
      {
      case TYPE_SHARED:
        if (sp->has_v)
          add_shared_string (sp);
        break;
      case TYPE_INLINE:
      case TYPE_STR:
        add_text (sp, OUTLAY_CELL_STRING);
        break;
      case TYPE_BOOL:
        if (sp->value->len > 0)
          add_boolean (sp);
        break;
      case TYPE_ERROR:
        add_text (sp, OUTLAY_CELL_ERROR);
        break;
      case TYPE_DATE:
        if (sp->value->len > 0)
          add_iso_date (sp);
        break;
      case TYPE_NUMBER:
      default:
        if (sp->value->len > 0)
          add_number (sp, sp->value->str, sp->value->len, sp->has_f);
        break;
      }
  sp->in_cell = FALSE;
}

static void
end_row (SheetParse *sp)
{
  GError *error = NULL;
  gboolean stop = FALSE;

  sp->in_row = FALSE;
  if (outlay_row_buffer_n_cells (&sp->rb) == 0)
    return;
  if (!outlay_row_buffer_emit (&sp->rb, sp->row0 + 1, sp->func, sp->user_data, &stop, &error))
    {
      outlay_xml_fail (&sp->xml, error);
      return;
    }
  if (stop || ++sp->n_rows == sp->max_rows)
    outlay_xml_stop (&sp->xml);
}

/* ---- SAX callbacks ---- */

static void
start_document_cb (void *ctx)
{
  SheetParse *sp = ctx;

  sp->n_sheet_data = outlay_xml_intern (&sp->xml, "sheetData");
  sp->n_row = outlay_xml_intern (&sp->xml, "row");
  sp->n_c = outlay_xml_intern (&sp->xml, "c");
  sp->n_v = outlay_xml_intern (&sp->xml, "v");
  sp->n_f = outlay_xml_intern (&sp->xml, "f");
  sp->n_is = outlay_xml_intern (&sp->xml, "is");
  sp->n_t = outlay_xml_intern (&sp->xml, "t");
  sp->n_rph = outlay_xml_intern (&sp->xml, "rPh");
  sp->n_r = outlay_xml_intern (&sp->xml, "r");
  sp->n_s = outlay_xml_intern (&sp->xml, "s");
  sp->n_si = outlay_xml_intern (&sp->xml, "si");
}

static void
start_element_cb (void           *ctx,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attrs)
{
  SheetParse *sp = ctx;

  if (localname == sp->n_c)
    start_cell (sp, n_attributes, attrs);
  else if (!sp->in_cell)
    {
      if (localname == sp->n_row)
        start_row (sp, n_attributes, attrs);
    }
  else if (localname == sp->n_v)
    {
      sp->has_v = TRUE;
      sp->collect = COLLECT_VALUE;
    }
  else if (localname == sp->n_f)
    start_formula (sp, n_attributes, attrs);
  else if (localname == sp->n_is)
    sp->in_is = TRUE;
  else if (localname == sp->n_t && sp->in_is && sp->rph_depth == 0)
    {
      sp->has_v = TRUE;
      sp->collect = COLLECT_VALUE;
    }
  else if (localname == sp->n_rph)
    sp->rph_depth++;
}

static void
end_element_cb (void          *ctx,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  SheetParse *sp = ctx;

  if (localname == sp->n_v || localname == sp->n_f || localname == sp->n_t)
    sp->collect = COLLECT_NONE;
  else if (localname == sp->n_c)
    {
      if (sp->in_cell)
        end_cell (sp);
    }
  else if (localname == sp->n_row)
    {
      if (sp->in_row)
        end_row (sp);
    }
  else if (localname == sp->n_is)
    sp->in_is = FALSE;
  else if (localname == sp->n_rph && sp->rph_depth > 0)
    sp->rph_depth--;
  else if (localname == sp->n_sheet_data)
    outlay_xml_stop (&sp->xml); /* merged cells, print settings: not needed */
}

static void
characters_cb (void          *ctx,
               const xmlChar *text,
               int            length)
{
  SheetParse *sp = ctx;
  GString *buf;

  if (sp->collect == COLLECT_NONE)
    return;
  buf = sp->collect == COLLECT_FORMULA ? sp->formula : sp->value;
  if (buf->len + (gsize) length > OUTLAY_WORKBOOK_MAX_CELL_BYTES)
    {
      sp->collect = COLLECT_NONE;
      fail_cell (sp, OUTLAY_ERROR_TOO_LARGE, _("the text is longer than 32,767 characters"));
      return;
    }
  outlay_string_append (buf, (const char *) text, (gsize) length);
}

static void
sheet_parse_init (SheetParse *sp, XlsxReader *reader, const char *sheet)
{
  sp->xml.where = where_cb;
  sp->reader = reader;
  sp->sheet = sheet;
  sp->value = g_string_sized_new (256);
  sp->formula = g_string_sized_new (256);
  outlay_row_buffer_init (&sp->rb);
  sp->store = outlay_cell_store_new ();
  sp->fctx.sheet = sheet;
  sp->fctx.lookup = outlay_cell_store_lookup;
  sp->fctx.data = sp->store;
  sp->fctx.budget = FORMULA_BUDGET;
  sp->shared = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, shared_formula_free);
}

static void
sheet_parse_clear (SheetParse *sp)
{
  g_string_free (sp->value, TRUE);
  g_string_free (sp->formula, TRUE);
  outlay_row_buffer_clear (&sp->rb);
  outlay_cell_store_free (sp->store);
  g_hash_table_unref (sp->shared);
}

gboolean
xlsx_read_sheet (gpointer             data,
                 OutlayWorkbookInfo  *info,
                 guint                sheet,
                 guint                max_rows,
                 OutlayRowFunc        func,
                 gpointer             user_data,
                 GCancellable        *cancellable,
                 GError             **error)
{
  XlsxReader *reader = data;
  const OutlayWorkbookSheet *ws = info->sheets->pdata[sheet];
  const char *part = reader->paths->pdata[sheet];
  SheetParse sp = { 0 };
  xmlSAXHandler sax;
  gboolean ok;

  if (part == NULL)
    return TRUE;
  outlay_xml_init_sax (&sax);
  sax.startDocument = start_document_cb;
  sax.startElementNs = start_element_cb;
  sax.endElementNs = end_element_cb;
  sax.characters = characters_cb;
  sax.ignorableWhitespace = characters_cb;

  sheet_parse_init (&sp, reader, ws->name);
  sp.func = func;
  sp.user_data = user_data;
  sp.max_rows = max_rows;
  ok = outlay_xml_parse (reader->zip, part, &sax, &sp.xml, cancellable, error);
  sheet_parse_clear (&sp);
  return ok;
}
