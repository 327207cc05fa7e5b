/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-ods-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "outlay-formula.h"
#include "outlay-workbook-private.h"
#include "outlay-workbook-xml.h"

/* OpenDocument spreadsheets: everything is in content.xml. Opening scans
 * it once for the sheet names (and which are hidden: a table whose
 * automatic style says table:display="false"); reading a sheet streams it
 * again up to the end of that table.
 *
 * Repeats are how ODS stays small: a row or cell with
 * number-*-repeated="N" stands for N copies. Blank repeats are skipped by
 * arithmetic (LibreOffice pads every sheet to its last row and column);
 * repeated contents are expanded, within limits. */

#define CONTENT_PART   "content.xml"
#define FORMULA_BUDGET G_GUINT64_CONSTANT (50000000)
/* Cells that repeats may produce in one sheet. */
#define MAX_EXPANDED   (10u * 1000u * 1000u)
/* Excel's limit on a formula's length */
#define MAX_FORMULA    8192
/* error cells: calcext:value-type="error"; frames' text is no cell text */
#define CALCEXT_NS     "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
#define DRAW_NS        "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"

typedef struct
{
  OutlayZip *zip;
  GPtrArray *styles;     /* per sheet: its table style name, may be NULL */
  GDate      null_date;  /* day 0 of the serials */
} OdsReader;

typedef struct
{
  OutlayXml           xml;
  OdsReader          *reader;
  OutlayWorkbookInfo *info;
  const xmlChar      *n_style, *n_name, *n_family, *n_table_properties, *n_display;
  const xmlChar      *n_table, *n_style_name, *n_null_date, *n_date_value;
  GHashTable         *hidden_styles;
  char               *style;       /* the table style being read */
  guint               table_depth;
} ScanParse;

typedef enum
{
  VALUE_NONE,
  VALUE_FLOAT,
  VALUE_DATE,
  VALUE_TIME,
  VALUE_BOOLEAN,
  VALUE_STRING,
} ValueType;

typedef struct
{
  guint                 col0;
  OutlayFormulaCellKind kind;
  OutlayDecimal         value;
} StoredValue;

typedef struct
{
  OutlayXml             xml;
  OdsReader            *reader;
  const char           *sheet;
  guint                 target;
  const xmlChar        *n_table, *n_row, *n_cell, *n_covered, *n_p, *n_h, *n_s, *n_tab;
  const xmlChar        *n_line_break, *n_annotation, *n_rows_repeated, *n_cols_repeated;
  const xmlChar        *n_cols_spanned, *n_value_type, *n_value, *n_date_value;
  const xmlChar        *n_boolean_value, *n_string_value, *n_formula, *n_c;

  guint                 n_tables;
  guint                 table_depth;
  gboolean              in_target;
  gboolean              in_row;
  gboolean              in_cell;
  guint                 row0;
  guint                 row_repeat;
  guint                 col0;
  guint                 skip_depth;
  guint                 p_depth;
  guint                 n_paragraphs;

  ValueType             value_type;
  gboolean              is_error;
  gboolean              has_value;
  gboolean              has_formula;
  gboolean              has_string_value;
  guint                 col_repeat;
  guint                 span;
  GString              *value;    /* office:value / date-value / boolean-value */
  GString              *formula;
  GString              *text;     /* the paragraphs, or office:string-value */

  OutlayRowBuffer       rb;
  GArray               *row_values;  /* StoredValue, to replay repeated rows */
  OutlayCellStore      *store;
  OutlayFormulaContext  fctx;
  guint64               expanded;

  OutlayRowFunc         func;
  gpointer              user_data;
  guint                 max_rows;
  guint                 n_rows;
} SheetParse;

static void
ods_free (gpointer data)
{
  OdsReader *reader = data;

  if (reader == NULL)
    return;
  g_clear_pointer (&reader->zip, outlay_zip_free);
  g_clear_pointer (&reader->styles, g_ptr_array_unref);
  g_free (reader);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdsReader, ods_free)

static gboolean
attr_is (int n, const xmlChar **attrs, const xmlChar *name, const char *value)
{
  OutlayXmlValue v;

  return outlay_xml_attr (n, attrs, name, &v) && v.length == strlen (value)
         && memcmp (v.value, value, v.length) == 0;
}

static char *
attr_dup (int n, const xmlChar **attrs, const xmlChar *name)
{
  OutlayXmlValue v;

  if (!outlay_xml_attr (n, attrs, name, &v))
    return NULL;
  return g_strndup ((const char *) v.value, v.length);
}

static guint
attr_count (int n, const xmlChar **attrs, const xmlChar *name, guint max)
{
  OutlayXmlValue v;
  guint64 count;

  if (!outlay_xml_attr (n, attrs, name, &v) || !outlay_xml_value_uint (&v, &count) || count == 0)
    return 1;
  return (guint) MIN (count, (guint64) max);
}

static gboolean
parse_iso_date (const char *text, GDate *date, int *seconds)
{
  int y = 0, m = 0, d = 0, hh = 0, mm = 0, ss = 0;

  if (sscanf (text, "%d-%d-%dT%d:%d:%d", &y, &m, &d, &hh, &mm, &ss) < 3
      || y < 1 || y > 9999 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  *seconds = CLAMP (hh, 0, 23) * 3600 + CLAMP (mm, 0, 59) * 60 + CLAMP (ss, 0, 59);
  return TRUE;
}

/* ---- opening: the sheet list ---- */

static void
scan_start_document_cb (void *ctx)
{
  ScanParse *sp = ctx;

  sp->n_style = outlay_xml_intern (&sp->xml, "style");
  sp->n_name = outlay_xml_intern (&sp->xml, "name");
  sp->n_family = outlay_xml_intern (&sp->xml, "family");
  sp->n_table_properties = outlay_xml_intern (&sp->xml, "table-properties");
  sp->n_display = outlay_xml_intern (&sp->xml, "display");
  sp->n_table = outlay_xml_intern (&sp->xml, "table");
  sp->n_style_name = outlay_xml_intern (&sp->xml, "style-name");
  sp->n_null_date = outlay_xml_intern (&sp->xml, "null-date");
  sp->n_date_value = outlay_xml_intern (&sp->xml, "date-value");
}

static void
add_sheet (ScanParse *sp, int n, const xmlChar **attrs)
{
  OutlayWorkbookSheet *sheet = g_new0 (OutlayWorkbookSheet, 1);
  char *style = attr_dup (n, attrs, sp->n_style_name);

  sheet->name = attr_dup (n, attrs, sp->n_name);
  if (sheet->name == NULL)
    sheet->name = g_strdup_printf ("Sheet%u", sp->info->sheets->len + 1);
  sheet->hidden = style != NULL && g_hash_table_contains (sp->hidden_styles, style);
  g_ptr_array_add (sp->info->sheets, sheet);
  g_ptr_array_add (sp->reader->styles, style);
}

static void
scan_start_element_cb (void           *ctx,
                       const xmlChar  *localname,
                       const xmlChar  *prefix,
                       const xmlChar  *uri,
                       int             n_namespaces,
                       const xmlChar **namespaces,
                       int             n_attributes,
                       int             n_defaulted,
                       const xmlChar **attrs)
{
  ScanParse *sp = ctx;

  if (localname == sp->n_table)
    {
      if (sp->table_depth++ == 0)
        add_sheet (sp, n_attributes, attrs);
    }
  else if (localname == sp->n_style && attr_is (n_attributes, attrs, sp->n_family, "table"))
    {
      g_free (sp->style);
      sp->style = attr_dup (n_attributes, attrs, sp->n_name);
    }
  else if (localname == sp->n_table_properties && sp->style != NULL
           && attr_is (n_attributes, attrs, sp->n_display, "false"))
    g_hash_table_add (sp->hidden_styles, g_strdup (sp->style));
  else if (localname == sp->n_null_date)
    {
      g_autofree char *date = attr_dup (n_attributes, attrs, sp->n_date_value);
      int seconds;

      if (date != NULL)
        parse_iso_date (date, &sp->reader->null_date, &seconds);
    }
}

static void
scan_end_element_cb (void          *ctx,
                     const xmlChar *localname,
                     const xmlChar *prefix,
                     const xmlChar *uri)
{
  ScanParse *sp = ctx;

  if (localname == sp->n_table && sp->table_depth > 0)
    sp->table_depth--;
  else if (localname == sp->n_style)
    g_clear_pointer (&sp->style, g_free);
}

static gpointer
ods_open (GsfInput            *input,
          const char          *path,
          OutlayWorkbookInfo  *info,
          GCancellable        *cancellable,
          GError             **error)
{
  g_autoptr(OdsReader) reader = g_new0 (OdsReader, 1);
  ScanParse sp = { 0 };
  xmlSAXHandler sax;
  gboolean ok;

  reader->styles = g_ptr_array_new_with_free_func (g_free);
  g_date_clear (&reader->null_date, 1);
  g_date_set_dmy (&reader->null_date, 30, 12, 1899);
  reader->zip = outlay_zip_open (input, info->name, error);
  if (reader->zip == NULL)
    return NULL;

  outlay_xml_init_sax (&sax);
  sax.startDocument = scan_start_document_cb;
  sax.startElementNs = scan_start_element_cb;
  sax.endElementNs = scan_end_element_cb;
  sp.reader = reader;
  sp.info = info;
  sp.hidden_styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ok = outlay_xml_parse (reader->zip, CONTENT_PART, &sax, &sp.xml, cancellable, error);
  g_hash_table_unref (sp.hidden_styles);
  g_free (sp.style);
  return ok ? g_steal_pointer (&reader) : NULL;
}

/* ---- formulas ---- */

/* "of:=SUM([.F8:.F29])*[$'Bid Form'.B2]" → "=SUM(F8:F29)*'Bid Form'!B2" */
static char *
formula_to_a1 (const char *formula)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GString) segment = g_string_new (NULL);
  const char *p = formula;
  gboolean in_bracket = FALSE, in_quote = FALSE, in_string = FALSE;

  for (const char *q = p; *q != '\0' && *q != '='; q++)
    if (*q == ':')
      p = q + 1; /* the namespace prefix, "of:" */
  for (; *p != '\0'; p++)
    {
      if (in_string)
        {
          g_string_append_c (out, *p);
          in_string = *p != '"';
        }
      else if (!in_bracket)
        {
          if (*p == '[')
            in_bracket = TRUE, g_string_truncate (segment, 0);
          else
            g_string_append_c (out, *p == ';' ? ',' : *p);
          in_string = *p == '"';
        }
      else if (*p == '\'')
        {
          in_quote = !in_quote;
          g_string_append_c (segment, *p);
        }
      else if (in_quote)
        g_string_append_c (segment, *p);
      else if (*p == '.')
        {
          const char *sheet = segment->str[0] == '$' ? segment->str + 1 : segment->str;

          if (*sheet != '\0')
            g_string_append_printf (out, "%s!", sheet);
          g_string_truncate (segment, 0);
        }
      else if (*p == ':' || *p == ']')
        {
          g_string_append_len (out, segment->str, segment->len);
          if (*p == ':')
            g_string_append_c (out, ':');
          g_string_truncate (segment, 0);
          in_bracket = *p == ':';
        }
      else
        g_string_append_c (segment, *p);
    }
  return g_string_free (out, FALSE);
}

/* ---- reading a sheet: cells ---- */

static void
fail_at (SheetParse *sp, OutlayErrorCode code, guint col0, const char *message)
{
  GError *error = NULL;

  outlay_sheet_set_error (&error, code, sp->xml.file, sp->sheet, sp->row0, col0, "%s", message);
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

static void append_text (SheetParse *sp, const char *text, gsize length);

static ValueType
parse_value_type (const OutlayXmlValue *v)
{
  static const struct
  {
    const char *name;
    ValueType   type;
  } types[] = {
    { "float", VALUE_FLOAT }, { "currency", VALUE_FLOAT }, { "percentage", VALUE_FLOAT },
    { "date", VALUE_DATE }, { "time", VALUE_TIME }, { "boolean", VALUE_BOOLEAN },
    { "string", VALUE_STRING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (v->length == strlen (types[i].name) && memcmp (v->value, types[i].name, v->length) == 0)
      return types[i].type;
  return VALUE_NONE;
}

static void
set_value (GString *buf, const OutlayXmlValue *v)
{
  g_string_truncate (buf, 0);
  g_string_append_len (buf, (const char *) v->value, (gssize) MIN (v->length, 1024));
}

static void
read_cell_attrs (SheetParse *sp, int n, const xmlChar **attrs)
{
  for (int i = 0; i < n; i++)
    {
      const xmlChar *name = attrs[i * 5], *uri = attrs[i * 5 + 2];
      OutlayXmlValue v = { attrs[i * 5 + 3], attrs[i * 5 + 4] - attrs[i * 5 + 3] };

      if (name == sp->n_value_type)
        {
          if (uri != NULL && strcmp ((const char *) uri, CALCEXT_NS) == 0)
            sp->is_error = v.length == 5 && memcmp (v.value, "error", 5) == 0;
          else
            sp->value_type = parse_value_type (&v);
        }
      else if (name == sp->n_value || name == sp->n_date_value || name == sp->n_boolean_value)
        {
          sp->has_value = TRUE;
          set_value (sp->value, &v);
        }
      else if (name == sp->n_string_value)
        {
          sp->has_string_value = TRUE;
          g_string_truncate (sp->text, 0);
          append_text (sp, (const char *) v.value, v.length);
        }
      else if (name == sp->n_formula)
        {
          /* one too long for any spreadsheet is left blank: #VALUE! */
          sp->has_formula = TRUE;
          g_string_truncate (sp->formula, 0);
          if (v.length <= MAX_FORMULA)
            g_string_append_len (sp->formula, (const char *) v.value, (gssize) v.length);
        }
    }
}

static void
start_cell (SheetParse *sp, int n, const xmlChar **attrs)
{
  sp->in_cell = TRUE;
  sp->value_type = VALUE_NONE;
  sp->is_error = sp->has_value = sp->has_formula = sp->has_string_value = FALSE;
  sp->n_paragraphs = 0;
  sp->p_depth = 0;
  g_string_truncate (sp->text, 0);
  sp->col_repeat = attr_count (n, attrs, sp->n_cols_repeated, OUTLAY_WORKBOOK_MAX_COLUMNS);
  sp->span = attr_count (n, attrs, sp->n_cols_spanned, OUTLAY_WORKBOOK_MAX_COLUMNS);
  read_cell_attrs (sp, n, attrs);
}

static OutlayCell *
add_cell (SheetParse *sp, OutlayCellKind kind, const char *text, gsize length,
          const char *number, OutlayFormulaCellKind stored, OutlayDecimal value)
{
  StoredValue sv = { sp->col0, stored, value };
  OutlayCell *cell = outlay_row_buffer_add_copy (&sp->rb, sp->col0, kind, text, length, number);

  cell->formula = sp->has_formula;
  outlay_cell_store_add (sp->store, sp->col0, stored, value);
  g_array_append_val (sp->row_values, sv);
  return cell;
}

static OutlayCell *
add_number (SheetParse *sp, const char *text, gsize length)
{
  OutlayDecimal d = 0;
  gboolean ok = outlay_formula_parse_number (text, length, &d);

  return add_cell (sp, OUTLAY_CELL_NUMBER, text, length, NULL,
                   ok ? OUTLAY_FORMULA_CELL_NUMBER : OUTLAY_FORMULA_CELL_TEXT, d);
}

static OutlayCell *
add_date (SheetParse *sp)
{
  GDate date;
  int seconds;
  char serial[48];
  gint64 days;
  char *text = sp->value->str;

  if (!parse_iso_date (text, &date, &seconds))
    return add_cell (sp, OUTLAY_CELL_STRING, text, sp->value->len, NULL, OUTLAY_FORMULA_CELL_TEXT, 0);
  days = (gint64) g_date_get_julian (&date) - g_date_get_julian (&sp->reader->null_date);
  g_snprintf (serial, sizeof serial, "%" G_GINT64_FORMAT, days);
  if (seconds > 0)
    g_ascii_formatd (serial, sizeof serial, "%.10g", (double) days + seconds / 86400.0);
  if (g_str_has_suffix (text, "T00:00:00"))
    g_string_truncate (sp->value, sp->value->len - 9);
  return add_cell (sp, OUTLAY_CELL_DATE, text, sp->value->len, serial,
                   OUTLAY_FORMULA_CELL_NUMBER, OUTLAY_DECIMAL_FROM_INT (days));
}

static OutlayCell *
add_evaluated (SheetParse *sp)
{
  g_autofree char *a1 = formula_to_a1 (sp->formula->str);
  OutlayDecimal value;
  char buf[48];

  outlay_cell_store_set_column (sp->store, sp->col0);
  if (!outlay_formula_eval (a1, -1, &sp->fctx, &value))
    return add_cell (sp, OUTLAY_CELL_ERROR, "#VALUE!", 7, NULL, OUTLAY_FORMULA_CELL_UNKNOWN, 0);
  outlay_decimal_to_buffer (value, OUTLAY_DECIMAL_PLACES, buf, sizeof buf);
  while (strchr (buf, '.') && (buf[strlen (buf) - 1] == '0' || buf[strlen (buf) - 1] == '.'))
    buf[strlen (buf) - 1] = '\0';
  return add_number (sp, buf, strlen (buf));
}

/* The cell just read, once; NULL when it is empty. */
static OutlayCell *
add_value (SheetParse *sp)
{
  GString *text = sp->text;

  if (sp->is_error)
    return add_cell (sp, OUTLAY_CELL_ERROR, text->str, text->len, NULL, OUTLAY_FORMULA_CELL_UNKNOWN, 0);
  switch (sp->value_type)
    {
    case VALUE_FLOAT:
      if (sp->has_value)
        return add_number (sp, sp->value->str, sp->value->len);
      break;
    case VALUE_DATE:
      if (sp->has_value)
        return add_date (sp);
      break;
    case VALUE_BOOLEAN:
      if (sp->has_value)
        {
          gboolean yes = g_ascii_strcasecmp (sp->value->str, "true") == 0 || g_str_equal (sp->value->str, "1");

          return add_cell (sp, OUTLAY_CELL_BOOLEAN, yes ? "TRUE" : "FALSE", yes ? 4 : 5, NULL,
                           OUTLAY_FORMULA_CELL_NUMBER, yes ? OUTLAY_DECIMAL_ONE : 0);
        }
      break;
    case VALUE_NONE:
      if (sp->has_formula)
        return add_evaluated (sp);
      break;
    case VALUE_TIME:
    case VALUE_STRING:
    default:
      break;
    }
  if (text->len == 0)
    return NULL;
  return add_cell (sp, OUTLAY_CELL_STRING, text->str, text->len, NULL, OUTLAY_FORMULA_CELL_TEXT, 0);
}

static void
end_cell (SheetParse *sp)
{
  OutlayCell *cell;
  guint repeat = sp->col_repeat;

  sp->in_cell = FALSE;
  if (sp->col0 >= OUTLAY_WORKBOOK_MAX_COLUMNS)
    {
      if (sp->text->len > 0 || sp->has_value || sp->has_formula)
        fail_at (sp, OUTLAY_ERROR_INVALID_FILE, G_MAXUINT, _("a cell is past the last column (XFD)"));
      return;
    }
  cell = add_value (sp);
  if (cell == NULL)
    {
      sp->col0 = MIN (sp->col0 + repeat, (guint) OUTLAY_WORKBOOK_MAX_COLUMNS);
      return;
    }
  cell->span = MIN (sp->span, OUTLAY_WORKBOOK_MAX_COLUMNS - sp->col0);
  repeat = MIN (repeat, OUTLAY_WORKBOOK_MAX_COLUMNS - sp->col0);
  for (guint i = 1; i < repeat; i++)
    {
      StoredValue sv = g_array_index (sp->row_values, StoredValue, sp->row_values->len - 1);

      outlay_row_buffer_add_again (&sp->rb, sp->col0 + i);
      sv.col0 = sp->col0 + i;
      outlay_cell_store_add (sp->store, sv.col0, sv.kind, sv.value);
      g_array_append_val (sp->row_values, sv);
    }
  sp->expanded += repeat - 1;
  sp->col0 += repeat;
}

/* ---- reading a sheet: rows ---- */

static void
start_row (SheetParse *sp, int n, const xmlChar **attrs)
{
  sp->in_row = TRUE;
  sp->col0 = 0;
  sp->row_repeat = attr_count (n, attrs, sp->n_rows_repeated, OUTLAY_WORKBOOK_MAX_ROWS);
  outlay_row_buffer_reset (&sp->rb);
  g_array_set_size (sp->row_values, 0);
  outlay_cell_store_begin_row (sp->store, sp->row0);
}

static gboolean
emit (SheetParse *sp, guint row0)
{
  GError *error = NULL;
  gboolean stop = FALSE;

  if (!outlay_row_buffer_emit (&sp->rb, row0 + 1, sp->func, sp->user_data, &stop, &error))
    {
      outlay_xml_fail (&sp->xml, error);
      return FALSE;
    }
  if (stop || ++sp->n_rows == sp->max_rows)
    {
      outlay_xml_stop (&sp->xml);
      return FALSE;
    }
  return TRUE;
}

static void
replay_row (SheetParse *sp, guint row0)
{
  outlay_cell_store_begin_row (sp->store, row0);
  for (guint i = 0; i < sp->row_values->len; i++)
    {
      const StoredValue *sv = &g_array_index (sp->row_values, StoredValue, i);

      outlay_cell_store_add (sp->store, sv->col0, sv->kind, sv->value);
    }
}

static void
end_row (SheetParse *sp)
{
  guint n_cells = outlay_row_buffer_n_cells (&sp->rb);
  guint repeat = sp->row_repeat;

  sp->in_row = FALSE;
  if (n_cells > 0)
    {
      if (sp->row0 >= OUTLAY_WORKBOOK_MAX_ROWS || repeat > OUTLAY_WORKBOOK_MAX_ROWS - sp->row0)
        {
          fail_at (sp, OUTLAY_ERROR_INVALID_FILE, G_MAXUINT, _("the sheet has more rows than a spreadsheet can have"));
          return;
        }
      sp->expanded += (guint64) n_cells * (repeat - 1);
      if (sp->expanded > MAX_EXPANDED)
        {
          fail_at (sp, OUTLAY_ERROR_TOO_LARGE, G_MAXUINT, _("the sheet repeats cells more than 10 million times"));
          return;
        }
      for (guint i = 0; i < repeat; i++)
        {
          if (i > 0)
            replay_row (sp, sp->row0 + i);
          if (!emit (sp, sp->row0 + i))
            return;
        }
    }
  sp->row0 = repeat > G_MAXUINT - sp->row0 ? G_MAXUINT : sp->row0 + repeat;
}

/* ---- reading a sheet: text ---- */

static void
append_text (SheetParse *sp, const char *text, gsize length)
{
  if (sp->text->len + length > OUTLAY_WORKBOOK_MAX_CELL_BYTES)
    {
      fail_at (sp, OUTLAY_ERROR_TOO_LARGE, sp->col0, _("the text is longer than 32,767 characters"));
      return;
    }
  outlay_string_append (sp->text, text, length);
}

static void
start_text_element (SheetParse *sp, const xmlChar *localname, int n, const xmlChar **attrs)
{
  if (sp->has_string_value)
    return;
  if (localname == sp->n_p || localname == sp->n_h)
    {
      if (sp->n_paragraphs++ > 0)
        append_text (sp, "\n", 1);
      sp->p_depth++;
    }
  else if (sp->p_depth == 0)
    return;
  else if (localname == sp->n_s)
    {
      guint count = attr_count (n, attrs, sp->n_c, OUTLAY_WORKBOOK_MAX_CELL_BYTES + 1);

      if (sp->text->len + count > OUTLAY_WORKBOOK_MAX_CELL_BYTES)
        fail_at (sp, OUTLAY_ERROR_TOO_LARGE, sp->col0, _("the text is longer than 32,767 characters"));
      else
        for (guint i = 0; i < count; i++)
          g_string_append_c (sp->text, ' ');
    }
  else if (localname == sp->n_tab)
    append_text (sp, "\t", 1);
  else if (localname == sp->n_line_break)
    append_text (sp, "\n", 1);
}

/* ---- reading a sheet: SAX callbacks ---- */

static void
sheet_start_document_cb (void *ctx)
{
  SheetParse *sp = ctx;

  sp->n_table = outlay_xml_intern (&sp->xml, "table");
  sp->n_row = outlay_xml_intern (&sp->xml, "table-row");
  sp->n_cell = outlay_xml_intern (&sp->xml, "table-cell");
  sp->n_covered = outlay_xml_intern (&sp->xml, "covered-table-cell");
  sp->n_p = outlay_xml_intern (&sp->xml, "p");
  sp->n_h = outlay_xml_intern (&sp->xml, "h");
  sp->n_s = outlay_xml_intern (&sp->xml, "s");
  sp->n_tab = outlay_xml_intern (&sp->xml, "tab");
  sp->n_line_break = outlay_xml_intern (&sp->xml, "line-break");
  sp->n_annotation = outlay_xml_intern (&sp->xml, "annotation");
  sp->n_rows_repeated = outlay_xml_intern (&sp->xml, "number-rows-repeated");
  sp->n_cols_repeated = outlay_xml_intern (&sp->xml, "number-columns-repeated");
  sp->n_cols_spanned = outlay_xml_intern (&sp->xml, "number-columns-spanned");
  sp->n_value_type = outlay_xml_intern (&sp->xml, "value-type");
  sp->n_value = outlay_xml_intern (&sp->xml, "value");
  sp->n_date_value = outlay_xml_intern (&sp->xml, "date-value");
  sp->n_boolean_value = outlay_xml_intern (&sp->xml, "boolean-value");
  sp->n_string_value = outlay_xml_intern (&sp->xml, "string-value");
  sp->n_formula = outlay_xml_intern (&sp->xml, "formula");
  sp->n_c = outlay_xml_intern (&sp->xml, "c");
}

static gboolean
is_drawing (const xmlChar *uri)
{
  return uri != NULL && strcmp ((const char *) uri, DRAW_NS) == 0;
}

static void
sheet_start_element_cb (void           *ctx,
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

  if (sp->skip_depth > 0)
    sp->skip_depth++;
  else if (localname == sp->n_table)
    {
      if (sp->table_depth++ == 0)
        sp->in_target = sp->n_tables++ == sp->target;
    }
  else if (!sp->in_target || sp->table_depth != 1)
    return;
  else if (sp->in_cell)
    {
      if (localname == sp->n_annotation || is_drawing (uri))
        sp->skip_depth = 1;
      else
        start_text_element (sp, localname, n_attributes, attrs);
    }
  else if (localname == sp->n_cell || localname == sp->n_covered)
    {
      if (sp->in_row)
        start_cell (sp, n_attributes, attrs);
    }
  else if (localname == sp->n_row)
    start_row (sp, n_attributes, attrs);
}

static void
sheet_end_element_cb (void          *ctx,
                      const xmlChar *localname,
                      const xmlChar *prefix,
                      const xmlChar *uri)
{
  SheetParse *sp = ctx;

  if (sp->skip_depth > 0)
    sp->skip_depth--;
  else if (localname == sp->n_table)
    {
      if (--sp->table_depth == 0 && sp->in_target)
        outlay_xml_stop (&sp->xml);
    }
  else if (!sp->in_target || sp->table_depth != 1)
    return;
  else if (localname == sp->n_cell || localname == sp->n_covered)
    {
      if (sp->in_cell)
        end_cell (sp);
    }
  else if (sp->in_cell)
    {
      if ((localname == sp->n_p || localname == sp->n_h) && sp->p_depth > 0)
        sp->p_depth--;
    }
  else if (localname == sp->n_row && sp->in_row)
    end_row (sp);
}

static void
sheet_characters_cb (void          *ctx,
                     const xmlChar *text,
                     int            length)
{
  SheetParse *sp = ctx;

  if (sp->in_cell && sp->p_depth > 0 && sp->skip_depth == 0 && !sp->has_string_value)
    append_text (sp, (const char *) text, (gsize) length);
}

static void
sheet_parse_init (SheetParse *sp, OdsReader *reader, const char *sheet, guint target)
{
  sp->xml.where = where_cb;
  sp->reader = reader;
  sp->sheet = sheet;
  sp->target = target;
  sp->value = g_string_new (NULL);
  sp->formula = g_string_new (NULL);
  sp->text = g_string_sized_new (256);
  outlay_row_buffer_init (&sp->rb);
  sp->row_values = g_array_new (FALSE, FALSE, sizeof (StoredValue));
  sp->store = outlay_cell_store_new ();
  sp->fctx.sheet = sheet;
  sp->fctx.lookup = outlay_cell_store_lookup;
  sp->fctx.data = sp->store;
  sp->fctx.budget = FORMULA_BUDGET;
}

static void
sheet_parse_clear (SheetParse *sp)
{
  g_string_free (sp->value, TRUE);
  g_string_free (sp->formula, TRUE);
  g_string_free (sp->text, TRUE);
  outlay_row_buffer_clear (&sp->rb);
  g_array_unref (sp->row_values);
  outlay_cell_store_free (sp->store);
}

static gboolean
ods_read_sheet (gpointer             data,
                OutlayWorkbookInfo  *info,
                guint                sheet,
                guint                max_rows,
                OutlayRowFunc        func,
                gpointer             user_data,
                GCancellable        *cancellable,
                GError             **error)
{
  OdsReader *reader = data;
  const OutlayWorkbookSheet *ws = info->sheets->pdata[sheet];
  SheetParse sp = { 0 };
  xmlSAXHandler sax;
  gboolean ok;

  outlay_xml_init_sax (&sax);
  sax.startDocument = sheet_start_document_cb;
  sax.startElementNs = sheet_start_element_cb;
  sax.endElementNs = sheet_end_element_cb;
  sax.characters = sheet_characters_cb;
  sax.ignorableWhitespace = sheet_characters_cb;

  sheet_parse_init (&sp, reader, ws->name, sheet);
  sp.func = func;
  sp.user_data = user_data;
  sp.max_rows = max_rows;
  ok = outlay_xml_parse (reader->zip, CONTENT_PART, &sax, &sp.xml, cancellable, error);
  sheet_parse_clear (&sp);
  return ok;
}

const OutlayWorkbookFormatClass outlay_ods_format = {
  ods_open,
  ods_read_sheet,
  ods_free,
};
