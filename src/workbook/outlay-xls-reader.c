/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-xls-reader"

/* The Excel 97–2003 (.xls, BIFF) reader, on freexl.
 *
 * freexl only opens paths and reads the whole workbook into memory when it
 * opens it; that is fine for .xls, which has at most 65,536 rows. A
 * workbook given as bytes is copied to a temporary file for freexl first.
 *
 * freexl 1.0 gives nothing for formula cells, yet most budget cells are
 * formulas (=D8*E8) with their value cached in the file. So for BIFF8 the
 * reader also walks the sheet's records in the "Workbook" stream itself
 * (through libgsf) and takes from FORMULA / STRING records the cached
 * results, and from BOOLERR records the booleans and errors; the
 * BOUNDSHEET records tell which sheets are hidden.
 *
 * Still not known: merged cells (span is 1), and date formats on formula
 * results (they come out as numbers). Date cells get their text from
 * freexl ("2025-03-14", "2025-03-14T09:30:00", "09:30:00") and a serial
 * computed back from it, exact to the second.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <freexl.h>

#include "outlay-error.h"
#include "outlay-workbook-private.h"

#define CELL_BUF 32   /* text and serial of a number or date cell, each */

#define BIFF_FORMULA    0x0006
#define BIFF_EOF        0x000A
#define BIFF_CONTINUE   0x003C
#define BIFF_BOUNDSHEET 0x0085
#define BIFF_BOOLERR    0x0205
#define BIFF_STRING     0x0207
#define BIFF_BOF        0x0809
#define BIFF8_VERSION   0x0600

#define CELL_KEY(row, column) GUINT_TO_POINTER (((row) << 16) | (column))

typedef struct
{
  const void *handle;
  char       *name;
  GPtrArray  *sheet_names;
  gboolean    date1904;
  GsfInfile  *ole;
  GsfInput   *stream;       /* "Workbook", BIFF8 only; else NULL */
  GArray     *sheet_starts; /* guint32 offset of each sheet's BOF, by freexl index */
} XlsReader;

/* A value freexl does not give: a cached formula result or a BOOLERR. */
typedef struct
{
  OutlayCellKind kind;
  gboolean       formula;
  char          *text;
} XlsValue;

/* Per read: one slot of cells and number texts per column. */
typedef struct
{
  XlsReader  *reader;
  guint       sheet;
  guint       n_columns;
  OutlayCell *cells;
  char       *texts;      /* 2 × CELL_BUF per column */
  GPtrArray  *scratch;    /* texts made valid UTF-8, freed per row */
  GHashTable *values;     /* CELL_KEY → XlsValue, for this sheet */
} XlsRowBuffer;

static void
xls_reader_free (gpointer data)
{
  XlsReader *reader = data;

  if (reader == NULL)
    return;
  if (reader->handle != NULL)
    freexl_close (reader->handle);
  g_clear_pointer (&reader->sheet_names, g_ptr_array_unref);
  g_clear_pointer (&reader->sheet_starts, g_array_unref);
  g_clear_object (&reader->stream);
  g_clear_object (&reader->ole);
  g_free (reader->name);
  g_free (reader);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XlsReader, xls_reader_free)

static void
damaged_error (const char  *name,
               int          code,
               GError     **error)
{
  /* freexl's code is for a debugger, not for the user */
  g_debug ("freexl error %d on “%s”", code, name);
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_FILE,
               _("“%s” is damaged or not an Excel 97–2003 workbook (%s)"), name,
                  code == FREEXL_INSUFFICIENT_MEMORY ? _("it is too large to read")
                                                     : _("its workbook records cannot be read"));
}

static void
encrypted_error (const char  *name,
                 GError     **error)
{
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_ENCRYPTED,
               _("“%s” is protected with a password; save it without one in Excel "
                 "or LibreOffice and try again"), name);
}

/* "A", "Z", "AA"… for column @column (0-based). */
static void
column_name (guint  column,
             char  *buf)
{
  char tmp[8];
  guint n = 0;

  column++;
  while (column > 0 && n < sizeof tmp)
    {
      tmp[n++] = (char) ('A' + (column - 1) % 26);
      column = (column - 1) / 26;
    }
  for (guint i = 0; i < n; i++)
    buf[i] = tmp[n - 1 - i];
  buf[n] = '\0';
}

/* freexl needs a path: writes @input to a temporary file. */
static char *
copy_to_temp_file (GsfInput  *input,
                   GError   **error)
{
  g_autofree char *path = NULL;
  GsfOutput *output;
  gboolean ok;
  int fd;

  fd = g_file_open_tmp ("outlay-XXXXXX.xls", &path, error);
  if (fd < 0)
    return NULL;
  g_close (fd, NULL);
  output = gsf_output_stdio_new (path, error);
  if (output == NULL)
    {
      g_unlink (path);
      return NULL;
    }
  ok = gsf_input_seek (input, 0, G_SEEK_SET) == FALSE && gsf_input_copy (input, output);
  ok = gsf_output_close (output) && ok;
  g_object_unref (output);
  if (!ok)
    {
      g_unlink (path);
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_FAILED,
                   _("The workbook could not be copied to a temporary file"));
      return NULL;
    }
  return g_steal_pointer (&path);
}

/* Opens @path; tells a password-protected file from a damaged one. */
static gboolean
xls_open_handle (XlsReader   *reader,
                 const char  *path,
                 GError     **error)
{
  unsigned int password = FREEXL_BIFF_PLAIN;
  const void *info_handle = NULL;
  int rc = freexl_open (path, &reader->handle);

  if (rc != FREEXL_OK)
    {
      freexl_close (reader->handle);
      reader->handle = NULL;
      if (freexl_open_info (path, &info_handle) == FREEXL_OK)
        freexl_get_info (info_handle, FREEXL_BIFF_PASSWORD, &password);
      freexl_close (info_handle);
      if (password == FREEXL_BIFF_OBFUSCATED)
        encrypted_error (reader->name, error);
      else
        damaged_error (reader->name, rc, error);
      return FALSE;
    }
  if (freexl_get_info (reader->handle, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK
      && password == FREEXL_BIFF_OBFUSCATED)
    {
      encrypted_error (reader->name, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
xls_list_sheets (XlsReader           *reader,
                 OutlayWorkbookInfo  *info,
                 GError             **error)
{
  unsigned int n_sheets = 0, mode = FREEXL_BIFF_DATEMODE_1900;
  int rc;

  rc = freexl_get_info (reader->handle, FREEXL_BIFF_SHEET_COUNT, &n_sheets);
  if (rc == FREEXL_OK)
    rc = freexl_get_info (reader->handle, FREEXL_BIFF_DATEMODE, &mode);
  if (rc != FREEXL_OK)
    {
      damaged_error (reader->name, rc, error);
      return FALSE;
    }
  reader->date1904 = mode == FREEXL_BIFF_DATEMODE_1904;
  for (unsigned int i = 0; i < n_sheets && i <= G_MAXUINT16; i++)
    {
      OutlayWorkbookSheet *sheet;
      const char *name = NULL;

      rc = freexl_get_worksheet_name (reader->handle, (unsigned short) i, &name);
      if (rc != FREEXL_OK)
        {
          damaged_error (reader->name, rc, error);
          return FALSE;
        }
      sheet = g_new0 (OutlayWorkbookSheet, 1);
      sheet->name = name != NULL ? g_utf8_make_valid (name, -1) : g_strdup_printf ("Sheet%u", i + 1);
      g_ptr_array_add (info->sheets, sheet);
      g_ptr_array_add (reader->sheet_names, g_strdup (sheet->name));
    }
  return TRUE;
}

/* The shortest text that reads back as @value. */
static void
format_double (double  value,
               char   *buf)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, CELL_BUF, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        return;
    }
}

/* The serial of a "YYYY-MM-DD" date as freexl computed it (it counts the
 * 29th of February 1900 that Excel believes in); -1 if not a date. */
static double
date_serial (XlsReader  *reader,
             const char *text)
{
  guint y, m, d;
  GDate date, epoch;
  double serial;

  if (sscanf (text, "%4u-%2u-%2u", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return -1;
  g_date_clear (&date, 1);
  g_date_clear (&epoch, 1);
  g_date_set_dmy (&date, d, m, y);
  if (reader->date1904)
    g_date_set_dmy (&epoch, 1, 1, 1904);
  else
    g_date_set_dmy (&epoch, 31, 12, 1899);
  serial = g_date_days_between (&epoch, &date);
  if (!reader->date1904 && (y > 1900 || m > 2))
    serial += 1;
  return serial;
}

/* The fraction of a day of "HH:MM:SS"; -1 if not a time. */
static double
time_fraction (const char *text)
{
  guint h, m, s;

  if (sscanf (text, "%2u:%2u:%2u", &h, &m, &s) != 3 || h > 23 || m > 59 || s > 59)
    return -1;
  return (h * 3600 + m * 60 + s) / 86400.0;
}

/* Fills @cell from a freexl date, datetime or time value. */
static void
xls_date_cell (XlsRowBuffer           *rb,
               const FreeXL_CellValue *value,
               OutlayCell             *cell,
               char                   *text_buf,
               char                   *serial_buf)
{
  const char *text = value->value.text_value;
  double serial = 0;

  cell->kind = OUTLAY_CELL_DATE;
  if (value->type == FREEXL_CELL_TIME)
    {
      cell->text = text;
      serial = time_fraction (text);
    }
  else
    {
      g_strlcpy (text_buf, text, CELL_BUF);
      if (value->type == FREEXL_CELL_DATETIME && strlen (text_buf) > 10)
        text_buf[10] = 'T';
      cell->text = text_buf;
      serial = date_serial (rb->reader, text);
      if (serial >= 0 && value->type == FREEXL_CELL_DATETIME)
        serial = strlen (text) > 11 && time_fraction (text + 11) >= 0
                 ? serial + time_fraction (text + 11) : -1;
    }
  if (serial >= 0)
    {
      format_double (serial, serial_buf);
      cell->number = serial_buf;
    }
}

/* ---- what freexl leaves out, read from the BIFF8 records ---- */

static void
xls_value_free (gpointer data)
{
  XlsValue *value = data;

  g_free (value->text);
  g_free (value);
}

static void
xls_value_set (GHashTable     *values,
               gpointer        key,
               OutlayCellKind  kind,
               gboolean        formula,
               char           *text)
{
  XlsValue *value = g_new0 (XlsValue, 1);

  value->kind = kind;
  value->formula = formula;
  value->text = text;
  g_hash_table_replace (values, key, value);
}

static const char *
biff_error_text (guint8 code)
{
  switch (code)
    {
    case 0x00: return "#NULL!";
    case 0x07: return "#DIV/0!";
    case 0x17: return "#REF!";
    case 0x1D: return "#NAME?";
    case 0x24: return "#NUM!";
    case 0x2A: return "#N/A";
    case 0x0F:
    default: return "#VALUE!";
    }
}

/* The next record; FALSE at the end of @stream or when a record is cut. */
static gboolean
biff_next (GsfInput      *stream,
           guint16       *type,
           const guint8 **data,
           guint16       *len)
{
  const guint8 *header;

  if (gsf_input_remaining (stream) < 4 || (header = gsf_input_read (stream, 4, NULL)) == NULL)
    return FALSE;
  *type = GSF_LE_GET_GUINT16 (header);
  *len = GSF_LE_GET_GUINT16 (header + 2);
  *data = (const guint8 *) "";
  if (*len == 0)
    return TRUE;
  *data = gsf_input_read (stream, *len, NULL);
  return *data != NULL;
}

/* Adds up to @n characters of a BIFF8 string body (8-bit when !@high, else
 * UTF-16LE) from @avail bytes at @p to @units; returns how many. */
static guint
biff_take_chars (GArray       *units,
                 const guint8 *p,
                 gsize         avail,
                 guint         n,
                 gboolean      high)
{
  guint i;

  for (i = 0; i < n && (high ? 2 * i + 2 : i + 1) <= avail; i++)
    {
      gunichar2 unit = high ? GSF_LE_GET_GUINT16 (p + 2 * i) : p[i];

      g_array_append_val (units, unit);
    }
  return i;
}

/* @units as UTF-8, broken surrogates and NULs made U+FFFD. */
static char *
biff_units_to_utf8 (GArray *units)
{
  gunichar2 *u = (gunichar2 *) units->data;
  char *text = g_utf16_to_utf8 (u, units->len, NULL, NULL, NULL);

  if (text != NULL && strlen (text) == 0 && units->len > 0)
    g_clear_pointer (&text, g_free);
  if (text != NULL)
    return text;
  for (guint i = 0; i < units->len; i++)
    if (u[i] == 0 || (u[i] >= 0xD800 && u[i] <= 0xDFFF))
      u[i] = 0xFFFD;
  return g_utf16_to_utf8 (u, units->len, NULL, NULL, NULL);
}

typedef struct
{
  GHashTable *values;
  gpointer    string_key;   /* the formula cell whose STRING comes next */
  gboolean    string_wanted;
  GArray     *units;        /* that string so far */
  guint       units_left;   /* its characters still in CONTINUE records */
} BiffSheetScan;

static void
biff_string_done (BiffSheetScan *scan)
{
  xls_value_set (scan->values, scan->string_key, OUTLAY_CELL_STRING, TRUE,
                 biff_units_to_utf8 (scan->units));
  scan->string_wanted = FALSE;
  scan->units_left = 0;
}

static void
biff_formula (BiffSheetScan *scan,
              const guint8  *d,
              guint16        len)
{
  gpointer key;
  double number;
  char buf[CELL_BUF];

  if (len < 20)
    return;
  key = CELL_KEY (GSF_LE_GET_GUINT16 (d), GSF_LE_GET_GUINT16 (d + 2));
  scan->string_wanted = FALSE;
  if (GSF_LE_GET_GUINT16 (d + 12) != 0xFFFF)
    {
      number = GSF_LE_GET_DOUBLE (d + 6);
      if (!isfinite (number))
        return xls_value_set (scan->values, key, OUTLAY_CELL_ERROR, TRUE, g_strdup ("#NUM!"));
      format_double (number, buf);
      xls_value_set (scan->values, key, OUTLAY_CELL_NUMBER, TRUE, g_strdup (buf));
    }
  else if (d[6] == 0)
    {
      scan->string_key = key;
      scan->string_wanted = TRUE;
    }
  else if (d[6] == 1)
    xls_value_set (scan->values, key, OUTLAY_CELL_BOOLEAN, TRUE, g_strdup (d[8] ? "TRUE" : "FALSE"));
  else if (d[6] == 2)
    xls_value_set (scan->values, key, OUTLAY_CELL_ERROR, TRUE, g_strdup (biff_error_text (d[8])));
}

static void
biff_record (BiffSheetScan *scan,
             guint16        type,
             const guint8  *d,
             guint16        len)
{
  if (scan->units_left > 0 && type != BIFF_CONTINUE)
    biff_string_done (scan);
  switch (type)
    {
    case BIFF_FORMULA:
      biff_formula (scan, d, len);
      break;
    case BIFF_STRING:
      if (!scan->string_wanted || len < 3)
        break;
      g_array_set_size (scan->units, 0);
      scan->units_left = GSF_LE_GET_GUINT16 (d);
      scan->units_left -= biff_take_chars (scan->units, d + 3, len - 3, scan->units_left, d[2] & 1);
      if (scan->units_left == 0)
        biff_string_done (scan);
      break;
    case BIFF_CONTINUE:
      if (scan->units_left == 0 || len < 1)
        break;
      scan->units_left -= biff_take_chars (scan->units, d + 1, len - 1, scan->units_left, d[0] & 1);
      if (scan->units_left == 0)
        biff_string_done (scan);
      break;
    case BIFF_BOOLERR:
      if (len < 8)
        break;
      xls_value_set (scan->values, CELL_KEY (GSF_LE_GET_GUINT16 (d), GSF_LE_GET_GUINT16 (d + 2)),
                     d[7] ? OUTLAY_CELL_ERROR : OUTLAY_CELL_BOOLEAN, FALSE,
                     g_strdup (d[7] ? biff_error_text (d[6]) : d[6] ? "TRUE" : "FALSE"));
      break;
    default:
      break;
    }
}

/* The cached formula results and BOOLERR values of @sheet, or NULL with
 * nothing to add (not BIFF8). */
static gboolean
xls_scan_sheet (XlsReader   *reader,
                guint        sheet,
                GHashTable **values,
                GError     **error)
{
  BiffSheetScan scan = { NULL, NULL, FALSE, NULL, 0 };
  guint32 start;
  const guint8 *d;
  guint16 type = 0, len;
  int depth = 0;

  *values = NULL;
  if (reader->stream == NULL || sheet >= reader->sheet_starts->len
      || (start = g_array_index (reader->sheet_starts, guint32, sheet)) == G_MAXUINT32)
    return TRUE;
  scan.values = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, xls_value_free);
  scan.units = g_array_new (FALSE, FALSE, sizeof (gunichar2));
  if (!gsf_input_seek (reader->stream, start, G_SEEK_SET))
    {
      while (biff_next (reader->stream, &type, &d, &len))
        {
          depth += (type == BIFF_BOF) - (type == BIFF_EOF);
          if (depth <= 0)
            break;
          biff_record (&scan, type, d, len);
        }
    }
  g_array_unref (scan.units);
  if (depth > 0 || type != BIFF_EOF)
    {
      g_hash_table_unref (scan.values);
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_FILE,
                   _("“%s” is damaged or not an Excel 97–2003 workbook (sheet “%s” is cut short)"),
                   reader->name, (const char *) g_ptr_array_index (reader->sheet_names, sheet));
      return FALSE;
    }
  *values = scan.values;
  return TRUE;
}

/* Where each of freexl's sheets starts and whether it is hidden, from the
 * BOUNDSHEET records; names tell which is which. */
static void
biff_bound_sheet (XlsReader          *reader,
                  OutlayWorkbookInfo *info,
                  const guint8       *d,
                  guint16             len)
{
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (gunichar2));
  g_autofree char *name = NULL;

  if (len < 8)
    return;
  biff_take_chars (units, d + 8, len - 8, d[6], d[7] & 1);
  name = biff_units_to_utf8 (units);
  for (guint i = 0; name != NULL && i < reader->sheet_names->len; i++)
    {
      OutlayWorkbookSheet *sheet = g_ptr_array_index (info->sheets, info->sheets->len - reader->sheet_names->len + i);

      if (g_strcmp0 (name, g_ptr_array_index (reader->sheet_names, i)) != 0)
        continue;
      g_array_index (reader->sheet_starts, guint32, i) = GSF_LE_GET_GUINT32 (d);
      sheet->hidden = (d[4] & 3) != 0;
    }
}

/* Opens the "Workbook" stream of a BIFF8 file and reads its sheet list. */
static gboolean
xls_scan_globals (XlsReader           *reader,
                  GsfInput            *input,
                  const char          *path,
                  OutlayWorkbookInfo  *info,
                  GError             **error)
{
  GsfInput *source = input != NULL ? g_object_ref (input) : gsf_input_stdio_new (path, NULL);
  const guint8 *d;
  guint16 type, len;

  reader->sheet_starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_array_set_size (reader->sheet_starts, reader->sheet_names->len);
  /* no sheets: no array to fill (memset on NULL is undefined, even for 0 bytes) */
  if (reader->sheet_names->len > 0)
    memset (reader->sheet_starts->data, 0xFF, reader->sheet_names->len * sizeof (guint32));
  if (source != NULL && !gsf_input_seek (source, 0, G_SEEK_SET))
    reader->ole = gsf_infile_msole_new (source, NULL);
  g_clear_object (&source);
  if (reader->ole != NULL)
    reader->stream = gsf_infile_child_by_name (reader->ole, "Workbook");
  if (reader->stream == NULL || !biff_next (reader->stream, &type, &d, &len)
      || type != BIFF_BOF || len < 2 || GSF_LE_GET_GUINT16 (d) < BIFF8_VERSION)
    {
      /* BIFF5 or older: "Book", other records; freexl's values only */
      g_clear_object (&reader->stream);
      return TRUE;
    }
  while (biff_next (reader->stream, &type, &d, &len) && type != BIFF_EOF)
    if (type == BIFF_BOUNDSHEET)
      biff_bound_sheet (reader, info, d, len);
  return TRUE;
}

static gpointer
xls_open (GsfInput            *input,
          const char          *path,
          OutlayWorkbookInfo  *info,
          GCancellable        *cancellable,
          GError             **error)
{
  g_autoptr(XlsReader) reader = g_new0 (XlsReader, 1);
  g_autofree char *temp_path = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL || GSF_IS_INPUT (input), NULL);

  reader->name = g_strdup (info->name != NULL ? info->name : "workbook");
  reader->sheet_names = g_ptr_array_new_with_free_func (g_free);
  if (path == NULL)
    {
      temp_path = copy_to_temp_file (input, error);
      if (temp_path == NULL)
        return NULL;
      path = temp_path;
    }
  ok = xls_open_handle (reader, path, error)
       && xls_list_sheets (reader, info, error)
       && xls_scan_globals (reader, input, path, info, error);
  if (temp_path != NULL)
    g_unlink (temp_path);
  return ok ? g_steal_pointer (&reader) : NULL;
}

/* Fills @cell for @column; FALSE when the cell is empty. */
static gboolean
xls_fill_cell (XlsRowBuffer           *rb,
               unsigned int            row,
               guint                   column,
               const FreeXL_CellValue *value,
               OutlayCell             *cell)
{
  char *text_buf = rb->texts + column * 2 * CELL_BUF;
  XlsValue *known = rb->values != NULL ? g_hash_table_lookup (rb->values, CELL_KEY (row, column)) : NULL;
  const char *text;

  memset (cell, 0, sizeof *cell);
  cell->column = column;
  cell->span = 1;
  if (known != NULL && known->text != NULL && *known->text != '\0')
    {
      cell->kind = known->kind;
      cell->formula = known->formula;
      cell->text = known->text;
      cell->length = strlen (known->text);
      return TRUE;
    }
  if (known != NULL)
    return FALSE;
  switch (value->type)
    {
    case FREEXL_CELL_INT:
      g_snprintf (text_buf, CELL_BUF, "%d", value->value.int_value);
      cell->kind = OUTLAY_CELL_NUMBER;
      cell->text = text_buf;
      break;
    case FREEXL_CELL_DOUBLE:
      cell->kind = isfinite (value->value.double_value) ? OUTLAY_CELL_NUMBER : OUTLAY_CELL_ERROR;
      if (cell->kind == OUTLAY_CELL_NUMBER)
        format_double (value->value.double_value, text_buf);
      cell->text = cell->kind == OUTLAY_CELL_NUMBER ? text_buf : "#NUM!";
      break;
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
      text = value->value.text_value;
      if (text == NULL || *text == '\0')
        return FALSE;
      if (!g_utf8_validate (text, -1, NULL))
        {
          char *valid = g_utf8_make_valid (text, -1);

          g_ptr_array_add (rb->scratch, valid);
          text = valid;
        }
      cell->kind = OUTLAY_CELL_STRING;
      cell->text = text;
      break;
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
    case FREEXL_CELL_TIME:
      if (value->value.text_value == NULL)
        return FALSE;
      xls_date_cell (rb, value, cell, text_buf, text_buf + CELL_BUF);
      break;
    default:
      return FALSE;
    }
  cell->length = strlen (cell->text);
  return TRUE;
}

static gboolean
xls_cell_error (XlsRowBuffer  *rb,
                unsigned int   row,
                guint          column,
                int            code,
                GError       **error)
{
  char col[8];

  column_name (column, col);
  g_debug ("freexl error %d", code);
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_FILE,
               _("“%s”, sheet “%s”, cell %s%u: the workbook is damaged here"), rb->reader->name,
                  (const char *) g_ptr_array_index (rb->reader->sheet_names, rb->sheet), col,
                  row + 1);
  return FALSE;
}

/* Collects the non-empty cells of @row into @rb->cells; their count in @n. */
static gboolean
xls_read_row (XlsRowBuffer  *rb,
              unsigned int   row,
              guint         *n,
              GError       **error)
{
  *n = 0;
  g_ptr_array_set_size (rb->scratch, 0);
  for (guint c = 0; c < rb->n_columns; c++)
    {
      FreeXL_CellValue value;
      int rc = freexl_get_cell_value (rb->reader->handle, row, (unsigned short) c, &value);

      if (rc != FREEXL_OK)
        return xls_cell_error (rb, row, c, rc, error);
      if (xls_fill_cell (rb, row, c, &value, &rb->cells[*n]))
        (*n)++;
    }
  return TRUE;
}

static gboolean
xls_stream_rows (XlsRowBuffer  *rb,
                 unsigned int   n_rows,
                 guint          max_rows,
                 OutlayRowFunc  func,
                 gpointer       user_data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  guint delivered = 0;

  for (unsigned int r = 0; r < n_rows; r++)
    {
      g_autoptr(GError) local_error = NULL;
      OutlayRow row;

      if (r % 1024 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!xls_read_row (rb, r, &row.n_cells, error))
        return FALSE;
      if (row.n_cells == 0)
        continue;
      row.number = r + 1;
      row.cells = rb->cells;
      if (!func (&row, user_data, &local_error))
        {
          if (local_error == NULL)
            return TRUE;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (max_rows != 0 && ++delivered >= max_rows)
        break;
    }
  return TRUE;
}

static gboolean
xls_read_sheet (gpointer             data,
                OutlayWorkbookInfo  *info,
                guint                sheet,
                guint                max_rows,
                OutlayRowFunc        func,
                gpointer             user_data,
                GCancellable        *cancellable,
                GError             **error)
{
  XlsReader *reader = data;
  XlsRowBuffer rb = { reader, sheet, 0, NULL, NULL, NULL, NULL };
  unsigned int n_rows = 0;
  unsigned short n_columns = 0;
  gboolean ok;
  int rc;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (sheet < reader->sheet_names->len, FALSE);

  rc = freexl_select_active_worksheet (reader->handle, (unsigned short) sheet);
  if (rc == FREEXL_OK)
    rc = freexl_worksheet_dimensions (reader->handle, &n_rows, &n_columns);
  if (rc != FREEXL_OK)
    {
      damaged_error (reader->name, rc, error);
      return FALSE;
    }
  if (!xls_scan_sheet (reader, sheet, &rb.values, error))
    return FALSE;
  rb.n_columns = MIN (n_columns, OUTLAY_WORKBOOK_MAX_COLUMNS);
  rb.cells = g_new (OutlayCell, MAX (rb.n_columns, 1));
  rb.texts = g_malloc (MAX (rb.n_columns, 1) * 2 * CELL_BUF);
  rb.scratch = g_ptr_array_new_with_free_func (g_free);
  ok = xls_stream_rows (&rb, n_rows, max_rows, func, user_data, cancellable, error);
  g_free (rb.cells);
  g_free (rb.texts);
  g_ptr_array_unref (rb.scratch);
  g_clear_pointer (&rb.values, g_hash_table_unref);
  return ok;
}

const OutlayWorkbookFormatClass outlay_xls_format = {
  xls_open,
  xls_read_sheet,
  xls_reader_free,
};
