/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-workbook"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gsf/gsf.h>
#include <libxml/parser.h>
#include <string.h>

#include "outlay-error.h"
#include "outlay-workbook-private.h"
#include "outlay-workbook-xml.h"
#include "outlay-xlsx-private.h"

/* libgsf 1.14.50 has no autoptr support */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutput, g_object_unref)

/* Picks the reader by content, never by extension: a zip is an xlsx when
 * its officeDocument relationship (or xl/workbook.xml) is a spreadsheet
 * and an ODS when its mimetype says so; an OLE2 compound file is an xls,
 * unless it holds an encrypted OOXML package, a password-protected or an
 * older (Excel 5) workbook; formats Outlay does not read (xlsb, Numbers,
 * Excel 2–4, SYLK) are named; anything else goes to the CSV reader, which
 * refuses binary.  OLE2 files are read by outlay-workbook-reader, in
 * another process: libfreexl is not safe with hostile files (see
 * outlay-workbook-remote.c). */

#define ODS_MIMETYPE "application/vnd.oasis.opendocument.spreadsheet"
/* Rows between two looks at the cancellable. */
#define CANCEL_EVERY 1000

struct _OutlayWorkbook
{
  GObject                          parent_instance;

  OutlayWorkbookFormat             format;
  const OutlayWorkbookFormatClass *klass;
  gpointer                         reader;
  OutlayWorkbookInfo               info;
  char                            *name;
  GsfInput                        *input;
  GBytes                          *bytes;      /* open_bytes(): backs @input */
  char                            *temp_path;  /* a local copy for the xls reader */
  gboolean in_process;                         /* no outlay-workbook-reader: it is the reader */
  GMutex                           lock;
};

typedef struct
{
  OutlayRowFunc  func;
  gpointer       user_data;
  GCancellable  *cancellable;
  guint          max_rows;
  guint          count;
} ReadClosure;

G_DEFINE_FINAL_TYPE (OutlayWorkbook, outlay_workbook, G_TYPE_OBJECT)

static const guint8 zip_magic[] = { 'P', 'K', 3, 4 };
static const guint8 ole2_magic[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

void
outlay_workbook_sheet_free (OutlayWorkbookSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->name);
  g_free (sheet);
}

/* ---- sniffing ---- */

static gboolean
is_ods_mimetype (GBytes *bytes)
{
  gsize size;
  const char *data = bytes ? g_bytes_get_data (bytes, &size) : NULL;
  gsize n = strlen (ODS_MIMETYPE);

  if (data == NULL || size < n || memcmp (data, ODS_MIMETYPE, n) != 0)
    return FALSE;
  while (n < size && g_ascii_isspace (data[n]))
    n++;
  return n == size || (size - n == 9 && memcmp (data + n, "-template", 9) == 0);
}

/* "“x.xlsb” is an Excel binary workbook (.xlsb), which Outlay cannot
 * read: …" with what to do. */
static void
set_unsupported (OutlayWorkbook *self, const char *format, GError **error)
{
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_FILE,
               _("“%s” is %s, which Outlay cannot read. Open it in your spreadsheet, "
                 "save it as .xlsx or .ods, and import that."),
                  self->name, format);
}

static gboolean
sniff_zip (OutlayWorkbook *self, GsfInput *input, GError **error)
{
  g_autoptr(OutlayZip) zip = outlay_zip_open (input, self->name, error);
  g_autoptr(GBytes) mimetype = NULL;
  GError *local_error = NULL;

  if (zip == NULL)
    return FALSE;
  if (outlay_zip_has (zip, "xl/workbook.bin"))
    {
      set_unsupported (self, _("an Excel binary workbook (.xlsb)"), error);
      return FALSE;
    }
  if (outlay_zip_has (zip, "Index/Document.iwa"))
    {
      set_unsupported (self, _("an Apple Numbers document"), error);
      return FALSE;
    }
  if (outlay_zip_has (zip, "xl/workbook.xml") || outlay_xlsx_is_spreadsheet (zip))
    {
      self->format = OUTLAY_WORKBOOK_XLSX;
      self->klass = &outlay_xlsx_format;
      return TRUE;
    }
  mimetype = outlay_zip_read_small (zip, "mimetype", 256, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (is_ods_mimetype (mimetype))
    {
      self->format = OUTLAY_WORKBOOK_ODS;
      self->klass = &outlay_ods_format;
      return TRUE;
    }
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_FILE,
               _("“%s” is a zip archive but not a spreadsheet"), self->name);
  return FALSE;
}

static gboolean
copy_to_temp (OutlayWorkbook *self, GsfInput *input, GError **error)
{
  g_autoptr(GsfOutput) output = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;
  int fd;

  fd = g_file_open_tmp ("outlay-XXXXXX.xls", &self->temp_path, &local_error);
  if (fd < 0 || !g_close (fd, &local_error)
      || (output = gsf_output_stdio_new (self->temp_path, &local_error)) == NULL)
    {
      g_debug ("temporary copy: %s", local_error ? local_error->message : "");
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_FAILED,
                   _("“%s” could not be copied to a temporary file to read it; the temporary "
                     "folder may be full or read-only"),
                      self->name);
      return FALSE;
    }
  ok = gsf_input_seek (input, 0, G_SEEK_SET) == FALSE && gsf_input_copy (input, output);
  ok = gsf_output_close (output) && ok;
  if (!ok)
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_FAILED,
                 _("“%s” could not be copied to a temporary file"), self->name);
  return ok;
}

#define BIFF_BOF 0x0809
#define BIFF_EOF 0x000A
#define BIFF_FILEPASS 0x002F
#define BIFF5_VERSION 0x0500
/* records looked at for FILEPASS, which comes right after the BOF */
#define BIFF_SCAN 64

static void
set_password_protected (OutlayWorkbook *self, GError **error)
{
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_ENCRYPTED,
               _("“%s” is protected with a password. Open it in your spreadsheet, "
                 "remove the password, save, and import again."),
                  self->name);
}

/* Tells Excel 5 from Excel 97–2003 by the BOF record, and finds the
 * FILEPASS record of a password-protected workbook, which freexl would
 * otherwise report as damaged. */
static gboolean
check_biff (OutlayWorkbook *self, GsfInfile *ole, GError **error)
{
  g_autoptr(GsfInput) stream = gsf_infile_child_by_name (ole, "Workbook");
  guint8 head[4], version[2];

  if (stream == NULL)
    {
      g_autoptr(GsfInput) book = gsf_infile_child_by_name (ole, "Book");

      if (book != NULL)
        {
          set_unsupported (self, _("an Excel 5 or Excel 95 workbook"), error);
          return FALSE;
        }
      return TRUE; /* freexl says what is wrong */
    }
  for (guint i = 0; i < BIFF_SCAN && gsf_input_read (stream, 4, head) != NULL; i++)
    {
      guint type = head[0] | head[1] << 8;
      guint length = head[2] | head[3] << 8;

      if (i == 0 && type == BIFF_BOF && length >= 2 && gsf_input_read (stream, 2, version) != NULL)
        {
          if ((version[0] | version[1] << 8) <= BIFF5_VERSION)
            {
              set_unsupported (self, _("an Excel 5 or Excel 95 workbook"), error);
              return FALSE;
            }
          length -= 2;
        }
      else if (i == 0 && type != BIFF_BOF)
        return TRUE;
      if (type == BIFF_FILEPASS)
        {
          set_password_protected (self, error);
          return FALSE;
        }
      if (type == BIFF_EOF || gsf_input_seek (stream, length, G_SEEK_CUR))
        break;
    }
  return TRUE;
}

/* A BIFF2–4 worksheet or workbook is a bare record stream, not an OLE2
 * file: a BOF record (0x0009, 0x0209, 0x0409) of 4 to 16 bytes. */
static gboolean
is_old_biff (const guint8 *head, gsize size)
{
  return size >= 8 && head[0] == 0x09 && (head[1] == 0x00 || head[1] == 0x02 || head[1] == 0x04)
         && head[3] == 0 && head[2] >= 4 && head[2] <= 16;
}

static gboolean
is_sylk (const guint8 *head, gsize size)
{
  return size >= 4 && memcmp (head, "ID;P", 4) == 0;
}

/* Whether the sectors an OLE2 header points at (its first 109 FAT
 * sectors and the directory) are inside the file: libgsf prints a
 * critical warning for a cut-short file before it fails. */
static gboolean
ole2_fits (GsfInput *input)
{
  guint8 header[512];
  gsf_off_t size = gsf_input_size (input);
  guint shift, n_fat, sector;

  if (size < (gsf_off_t) sizeof header || gsf_input_seek (input, 0, G_SEEK_SET)
      || gsf_input_read (input, sizeof header, header) == NULL)
    return FALSE;
  gsf_input_seek (input, 0, G_SEEK_SET);
  shift = GSF_LE_GET_GUINT16 (header + 30);
  if (shift != 9 && shift != 12)
    return FALSE;
  n_fat = GSF_LE_GET_GUINT32 (header + 44);
  if ((guint64) n_fat << shift > (guint64) size)
    return FALSE;
  /* the header's unused FAT slots are free or in the file (libgsf warns
   * about them otherwise) */
  for (guint i = n_fat; i < 109; i++)
    {
      sector = GSF_LE_GET_GUINT32 (header + 76 + 4 * i);
      if (sector != 0xFFFFFFFF && ((gsf_off_t) sector + 2) << shift > size)
        return FALSE;
    }
  for (guint i = 0; i <= MIN (n_fat, 109); i++)
    {
      /* the FAT sectors, then the first directory sector */
      sector = GSF_LE_GET_GUINT32 (i < MIN (n_fat, 109) ? header + 76 + 4 * i : header + 48);
      if (sector >= 0xFFFFFFFA || ((gsf_off_t) sector + 2) << shift > size)
        return FALSE;
    }
  return TRUE;
}

static gboolean
sniff_ole2 (OutlayWorkbook *self, GsfInput *input, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GsfInfile) ole = ole2_fits (input) ? gsf_infile_msole_new (input, &local_error) : NULL;
  g_autoptr(GsfInput) info = NULL;
  g_autoptr(GsfInput) package = NULL;

  if (ole == NULL)
    {
      outlay_file_set_damaged (error, self->name, _("not a readable Office file"));
      return FALSE;
    }
  info = gsf_infile_child_by_name (ole, "EncryptionInfo");
  package = gsf_infile_child_by_name (ole, "EncryptedPackage");
  if (info != NULL || package != NULL)
    {
      set_password_protected (self, error);
      return FALSE;
    }
  if (!check_biff (self, ole, error))
    return FALSE;
  self->format = OUTLAY_WORKBOOK_XLS;
  self->klass = &outlay_xls_format;
  return TRUE;
}

static gboolean
sniff (OutlayWorkbook *self, GsfInput *input, GError **error)
{
  guint8 head[8] = { 0 };
  gsf_off_t size = gsf_input_size (input);
  gboolean ok;

  if (size <= 0)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_FILE, _("“%s” is empty"), self->name);
      return FALSE;
    }
  if (gsf_input_read (input, (gsize) MIN (size, 8), head) == NULL)
    {
      outlay_file_set_damaged (error, self->name, _("it cannot be read"));
      return FALSE;
    }
  gsf_input_seek (input, 0, G_SEEK_SET);

  if (size >= 4 && memcmp (head, zip_magic, sizeof zip_magic) == 0)
    ok = sniff_zip (self, input, error);
  else if (size >= 8 && memcmp (head, ole2_magic, sizeof ole2_magic) == 0 && self->in_process)
    ok = sniff_ole2 (self, input, error);
  else if (size >= 8 && memcmp (head, ole2_magic, sizeof ole2_magic) == 0)
    {
      /* even the OLE2 directory is read in the other process (libgsf's
       * parser complains loudly about crafted ones), which then tells
       * an encrypted workbook from an .xls */
      self->format = OUTLAY_WORKBOOK_XLS;
      self->klass = &outlay_remote_format;
      ok = TRUE;
    }
  else if (is_old_biff (head, (gsize) MIN (size, 8)))
    {
      set_unsupported (self, _("an Excel 2, 3 or 4 worksheet"), error);
      ok = FALSE;
    }
  else if (is_sylk (head, (gsize) MIN (size, 8)))
    {
      set_unsupported (self, _("a SYLK file"), error);
      ok = FALSE;
    }
  else
    {
      self->format = OUTLAY_WORKBOOK_CSV;
      self->klass = &outlay_csv_format;
      ok = TRUE;
    }
  gsf_input_seek (input, 0, G_SEEK_SET);
  return ok;
}

/* ---- opening ---- */

static OutlayWorkbook *
open_input (GsfInput *input,
            const char *name,
            const char *local_path,
            GBytes *bytes,
            gboolean in_process,
            GCancellable *cancellable,
            GError **error)
{
  g_autoptr(OutlayWorkbook) self = g_object_new (OUTLAY_TYPE_WORKBOOK, NULL);
  const char *path = NULL;

  self->in_process = in_process;
  self->name = g_strdup (name);
  self->info.name = self->name;
  self->input = g_object_ref (input);
  self->bytes = bytes ? g_bytes_ref (bytes) : NULL;
  if (!sniff (self, input, error))
    return NULL;

  if (self->format == OUTLAY_WORKBOOK_XLS)
    {
      if (local_path == NULL && !copy_to_temp (self, input, error))
        return NULL;
      path = local_path ? local_path : self->temp_path;
      gsf_input_seek (input, 0, G_SEEK_SET);
    }
  self->reader = self->klass->open (input, path, &self->info, cancellable, error);
  if (self->reader == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_FILE, _("“%s” cannot be read"), name);
      return NULL;
    }
  return g_steal_pointer (&self);
}

/* Why a file cannot be opened, in Outlay's words. */
static const char *
open_problem (const GError *error)
{
  if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ACCES)
      || g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_PERM)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return _("you do not have permission to read it");
  if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return _("it is a folder, not a file");
  if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return _("it is not there any more");
  return _("it cannot be read");
}

/* The name to show for @file; FALSE with @error set when it is not there. */
static gboolean
query_name (GFile *file, GCancellable *cancellable, char **name, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = g_file_query_info (
      file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
      G_FILE_QUERY_INFO_NONE, cancellable, &local_error);

  if (info != NULL && g_file_info_get_display_name (info) != NULL)
    *name = g_strdup (g_file_info_get_display_name (info));
  else
    *name = g_file_get_basename (file);
  if (*name == NULL)
    *name = g_file_get_uri (file);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                   _("“%s” could not be found; it may have been moved or deleted"), *name);
      return FALSE;
    }
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_TYPE)
      && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_FILE,
                   _("“%s” is a folder, not a spreadsheet"), *name);
      return FALSE;
    }
  return TRUE;
}

/**
 * outlay_workbook_open:
 * @file: a spreadsheet anywhere GIO reaches (local, sftp://, smb://)
 * @cancellable: (nullable): a #GCancellable
 * @error: what went wrong, naming the file
 *
 * Opens @file, picking the reader from its content, and lists its sheets.
 *
 * Returns: (transfer full): the workbook, or %NULL with @error set
 */
OutlayWorkbook *
outlay_workbook_open (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GsfInput) input = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error)
      || !query_name (file, cancellable, &name, error))
    return NULL;
  path = g_file_get_path (file);
  /* a local file is read in place; libgsf's GIO input copies the whole
   * file into memory, which only a remote (sftp://, smb://) one needs */
  if (path != NULL)
    input = gsf_input_stdio_new (path, &local_error);
  else
    input = gsf_input_gio_new (file, &local_error);
  if (input == NULL)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_FAILED,
                   _("“%s” could not be opened: %s"), name, open_problem (local_error));
      return NULL;
    }
  return open_input (input, name, path, NULL, FALSE, cancellable, error);
}

OutlayWorkbook *
outlay_workbook_open_in_process (const char *path, const char *name, GError **error)
{
  g_autoptr(GsfInput) input = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL && name != NULL, NULL);

  input = gsf_input_stdio_new (path, &local_error);
  if (input == NULL)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_FAILED,
                   _("“%s” could not be opened: %s"), name, open_problem (local_error));
      return NULL;
    }
  return open_input (input, name, path, NULL, TRUE, NULL, error);
}

/**
 * outlay_workbook_open_bytes:
 * @bytes: the file's content
 * @name: a name for messages
 * @error: what went wrong, naming @name
 *
 * Like outlay_workbook_open() for a file in memory.
 *
 * Returns: (transfer full): the workbook, or %NULL with @error set
 */
OutlayWorkbook *
outlay_workbook_open_bytes (GBytes      *bytes,
                            const char  *name,
                            GError     **error)
{
  g_autoptr(GsfInput) input = NULL;
  gsize size;
  const guint8 *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  input = gsf_input_memory_new (data ? data : (const guint8 *) "", (gsf_off_t) size, FALSE);
  return open_input (input, name, NULL, bytes, FALSE, NULL, error);
}

/* ---- GObject ---- */

static void
outlay_workbook_finalize (GObject *object)
{
  OutlayWorkbook *self = OUTLAY_WORKBOOK (object);

  if (self->reader != NULL && self->klass != NULL && self->klass->free != NULL)
    self->klass->free (self->reader);
  g_clear_pointer (&self->info.sheets, g_ptr_array_unref);
  g_clear_object (&self->input);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  if (self->temp_path != NULL)
    g_unlink (self->temp_path);
  g_free (self->temp_path);
  g_free (self->name);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (outlay_workbook_parent_class)->finalize (object);
}

/* libgsf warns on stderr about damage it then reports as an error, which
 * Outlay words for the user: its text is dropped. (Logging again from
 * here would be a fatal recursion; tests run with fatal warnings, so
 * there a libgsf warning still fails the test.) */
static void
libgsf_log_cb (const char *domain, GLogLevelFlags level, const char *message, gpointer user_data)
{
}

static void
outlay_workbook_class_init (OutlayWorkbookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char *const libgsf_domains[] = { "libgsf:msole", "libgsf:zip", "libgsf" };

  object_class->finalize = outlay_workbook_finalize;
  for (guint i = 0; i < G_N_ELEMENTS (libgsf_domains); i++)
    g_log_set_handler (libgsf_domains[i],
                       G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_MESSAGE,
                       libgsf_log_cb, NULL);
  /* once, before any reader thread touches libxml2 */
  xmlInitParser ();
}

static void
outlay_workbook_init (OutlayWorkbook *self)
{
  g_mutex_init (&self->lock);
  self->info.sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_workbook_sheet_free);
  self->info.number_style = OUTLAY_DECIMAL_STYLE_POINT;
}

/* ---- public API ---- */

OutlayWorkbookFormat
outlay_workbook_get_format (OutlayWorkbook *self)
{
  g_return_val_if_fail (OUTLAY_IS_WORKBOOK (self), OUTLAY_WORKBOOK_CSV);
  return self->format;
}

const char *
outlay_workbook_get_name (OutlayWorkbook *self)
{
  g_return_val_if_fail (OUTLAY_IS_WORKBOOK (self), NULL);
  return self->name;
}

guint
outlay_workbook_get_n_sheets (OutlayWorkbook *self)
{
  g_return_val_if_fail (OUTLAY_IS_WORKBOOK (self), 0);
  return self->info.sheets->len;
}

const char *
outlay_workbook_get_sheet_name (OutlayWorkbook *self,
                                guint           sheet)
{
  g_return_val_if_fail (OUTLAY_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (sheet < self->info.sheets->len, NULL);
  return ((OutlayWorkbookSheet *) self->info.sheets->pdata[sheet])->name;
}

gboolean
outlay_workbook_get_sheet_hidden (OutlayWorkbook *self,
                                  guint           sheet)
{
  g_return_val_if_fail (OUTLAY_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (sheet < self->info.sheets->len, FALSE);
  return ((OutlayWorkbookSheet *) self->info.sheets->pdata[sheet])->hidden;
}

OutlayDecimalStyle
outlay_workbook_get_number_style (OutlayWorkbook *self)
{
  g_return_val_if_fail (OUTLAY_IS_WORKBOOK (self), OUTLAY_DECIMAL_STYLE_POINT);
  return self->info.number_style;
}

const char *
outlay_workbook_get_encoding (OutlayWorkbook *self)
{
  g_return_val_if_fail (OUTLAY_IS_WORKBOOK (self), NULL);
  return self->info.encoding;
}

char
outlay_workbook_get_delimiter (OutlayWorkbook *self)
{
  g_return_val_if_fail (OUTLAY_IS_WORKBOOK (self), 0);
  return self->info.delimiter;
}

static gboolean
read_row_cb (const OutlayRow *row,
             gpointer         user_data,
             GError         **error)
{
  ReadClosure *closure = user_data;

  if (closure->max_rows > 0 && closure->count >= closure->max_rows)
    return FALSE;
  if (++closure->count % CANCEL_EVERY == 0
      && g_cancellable_set_error_if_cancelled (closure->cancellable, error))
    return FALSE;
  return closure->func (row, closure->user_data, error);
}

/**
 * outlay_workbook_read_sheet:
 * @self: a workbook
 * @sheet: the sheet's index
 * @max_rows: the most rows to deliver, 0 for all
 * @func: called for each row that has a non-empty cell
 * @user_data: for @func
 * @cancellable: (nullable): looked at every 1,000 rows
 * @error: what went wrong, naming the file, sheet and cell
 *
 * Streams @sheet's rows to @func. Reads are serialized.
 *
 * Returns: %TRUE when the sheet was read (or @func asked to stop)
 */
gboolean
outlay_workbook_read_sheet (OutlayWorkbook *self,
                            guint           sheet,
                            guint           max_rows,
                            OutlayRowFunc   func,
                            gpointer        user_data,
                            GCancellable   *cancellable,
                            GError        **error)
{
  ReadClosure closure = { func, user_data, cancellable, max_rows, 0 };
  gboolean ok;

  g_return_val_if_fail (OUTLAY_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (sheet < self->info.sheets->len, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (self->klass->read_sheet == NULL)
    return TRUE;
  g_mutex_lock (&self->lock);
  ok = self->klass->read_sheet (self->reader, &self->info, sheet, max_rows,
                                read_row_cb, &closure, cancellable, error);
  g_mutex_unlock (&self->lock);
  return ok;
}
