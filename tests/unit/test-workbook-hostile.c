/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Hostile files for OutlayWorkbook: zip bombs, lying zip directories,
 * billion laughs, damaged and truncated archives, zips and OLE2 files that
 * are no spreadsheet or are encrypted, huge cells, invalid UTF-8, cells
 * past the limits. Each must fail fast with a message that names the
 * file and, where there is one, the sheet and cell. */

#include <glib/gstdio.h>
#include <locale.h>

#include "outlay-workbook-test-util.h"

/* @name holding @size bytes of zeros, deflated to a few KB */
static GBytes *
build_bomb (const char *name, gsize size)
{
  g_autoptr(GsfOutput) mem = gsf_output_memory_new ();
  g_autoptr(GsfOutfile) zip = gsf_outfile_zip_new (mem, NULL);
  g_autofree guint8 *zeros = g_malloc0 (65536);
  GsfOutput *child;

  add_member (zip, "xl/workbook.xml", WORKBOOK_XML, strlen (WORKBOOK_XML));
  add_member (zip, "xl/_rels/workbook.xml.rels", RELS_XML, strlen (RELS_XML));
  add_member (zip, "xl/worksheets/sheet1.xml", "<worksheet/>", 12);
  child = gsf_outfile_new_child (zip, name, FALSE);
  for (gsize done = 0; done < size; done += 65536)
    g_assert_true (gsf_output_write (child, 65536, zeros));
  g_assert_true (gsf_output_close (child));
  g_object_unref (child);
  g_assert_true (gsf_output_close (GSF_OUTPUT (zip)));
  return output_bytes (mem);
}

static void
test_hostile_zip_bomb (void)
{
  g_autoptr(GBytes) in_strings = build_bomb ("xl/sharedStrings.xml", 50 * 1024 * 1024);
  g_autoptr(GBytes) in_sheet = build_bomb ("xl/worksheets/sheet2.xml", 50 * 1024 * 1024);
  g_autoptr(OutlayWorkbook) wb = NULL;

  g_assert_cmpuint (g_bytes_get_size (in_strings), <, 1024 * 1024);
  /* the parts read on opening are checked before they are unpacked */
  assert_open_fails (in_strings, "bomb.xlsx", OUTLAY_ERROR_TOO_LARGE, "“bomb.xlsx” unpacks to more than 200 times");
  assert_open_fails (in_strings, "bomb.xlsx", OUTLAY_ERROR_TOO_LARGE, "zip bomb; not imported");
  /* a member nobody reads is harmless */
  wb = open_ok (in_sheet, "bomb.xlsx");
  g_assert_cmpuint (outlay_workbook_get_n_sheets (wb), ==, 1);
}

static void
test_hostile_bomb_sheet (void)
{
  g_autoptr(GsfOutput) mem = gsf_output_memory_new ();
  g_autoptr(GsfOutfile) zip = gsf_outfile_zip_new (mem, NULL);
  g_autofree char *row = g_strnfill (65536, ' ');
  g_autoptr(GBytes) bytes = NULL;
  GsfOutput *child;

  add_member (zip, "xl/workbook.xml", WORKBOOK_XML, strlen (WORKBOOK_XML));
  add_member (zip, "xl/_rels/workbook.xml.rels", RELS_XML, strlen (RELS_XML));
  child = gsf_outfile_new_child (zip, "xl/worksheets/sheet1.xml", FALSE);
  gsf_output_puts (child, "<worksheet><sheetData>");
  for (guint i = 0; i < 800; i++)
    g_assert_true (gsf_output_write (child, 65536, (const guint8 *) row));
  gsf_output_puts (child, "</sheetData></worksheet>");
  g_assert_true (gsf_output_close (child));
  g_object_unref (child);
  g_assert_true (gsf_output_close (GSF_OUTPUT (zip)));
  bytes = output_bytes (mem);
  /* well-formed, so only the ratio check stops it before 50 MB are parsed */
  assert_read_fails (bytes, "bomb.xlsx", OUTLAY_ERROR_TOO_LARGE, "it may be a zip bomb");
}

/* A central directory that declares 3.75 GiB for a member of 40 bytes. */
static void
test_hostile_declared_size (void)
{
  g_autoptr(GBytes) bytes = build_xlsx ("", "<si><t>x</t></si>");
  gsize size;
  guint8 *data = g_bytes_unref_to_data (g_steal_pointer (&bytes), &size);
  const char *name = "xl/sharedStrings.xml";
  gboolean patched = FALSE;

  for (gsize i = 0; i + 46 + strlen (name) <= size; i++)
    if (memcmp (data + i, "PK\1\2", 4) == 0 && memcmp (data + i + 46, name, strlen (name)) == 0)
      {
        memcpy (data + i + 24, "\0\0\0\xF0", 4);
        patched = TRUE;
      }
  g_assert_true (patched);
  bytes = g_bytes_new_take (data, size);
  assert_open_fails (bytes, "liar.xlsx", OUTLAY_ERROR_TOO_LARGE, "“liar.xlsx” unpacks to more than 1.0");
}

#define LAUGHS \
  "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">" \
  "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">" \
  "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">" \
  "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">" \
  "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">" \
  "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">" \
  "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">" \
  "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">" \
  "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">" \
  "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>"

static void
test_hostile_billion_laughs (void)
{
  Member members[] = {
    { "xl/workbook.xml", WORKBOOK_XML }, { "xl/_rels/workbook.xml.rels", RELS_XML },
    { "xl/worksheets/sheet1.xml", LAUGHS "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>" },
    { "xl/sharedStrings.xml", LAUGHS "<sst><si><t>&lol9;</t></si></sst>" },
  };
  g_autoptr(GBytes) in_strings = build_zip (members, G_N_ELEMENTS (members));
  g_autoptr(GBytes) in_sheet = build_zip (members, 3);
  g_autoptr(GBytes) in_ods = build_ods (LAUGHS "<office:document-content " ODS_NS "><table:table table:name=\"&lol9;\"/></office:document-content>");

  assert_open_fails (in_strings, "laughs.xlsx", OUTLAY_ERROR_INVALID_FILE, "“laughs.xlsx” declares XML entities in xl/sharedStrings.xml");
  assert_read_fails (in_sheet, "laughs.xlsx", OUTLAY_ERROR_INVALID_FILE, "billion laughs");
  assert_open_fails (in_ods, "laughs.ods", OUTLAY_ERROR_INVALID_FILE, "declares XML entities in content.xml");
}

/* An external entity (XXE) is refused like any entity; an external DTD is
 * never fetched, and the sheet reads as if it were not there. */
static void
test_hostile_external (void)
{
  Member members[] = {
    { "xl/workbook.xml", WORKBOOK_XML }, { "xl/_rels/workbook.xml.rels", RELS_XML },
    { "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><!DOCTYPE worksheet SYSTEM \"http://127.0.0.1:9/evil.dtd\">"
                                  "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData></worksheet>" },
    { "xl/sharedStrings.xml", "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                              "<sst><si><t>&xxe;</t></si></sst>" },
  };
  g_autoptr(GBytes) dtd = build_zip (members, 3);
  g_autoptr(GBytes) file = build_zip (members, 4);
  g_autoptr(OutlayWorkbook) wb = open_ok (dtd, "dtd.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(TestSheet) sheet = read_sheet (wb, 0, &error);

  g_assert_no_error (error);
  assert_cell (sheet, 1, 0, OUTLAY_CELL_NUMBER, "1");
  assert_open_fails (file, "xxe.xlsx", OUTLAY_ERROR_INVALID_FILE, "declares XML entities in xl/sharedStrings.xml");
}

static void
test_hostile_damaged (void)
{
  g_autoptr(GBytes) whole = fixture_bytes ("aicp_commercial.xlsx");
  g_autoptr(GBytes) half = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) / 2);
  g_autoptr(GBytes) junk = g_bytes_new_static ("PK\3\4 and then nothing like a zip", 33);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) rows = g_string_new (NULL);
  guint8 *data;
  gsize size;

  assert_open_fails (half, "aicp_commercial.xlsx", OUTLAY_ERROR_INVALID_FILE, "“aicp_commercial.xlsx” is damaged (");
  assert_open_fails (junk, "junk.xlsx", OUTLAY_ERROR_INVALID_FILE, "“junk.xlsx” is damaged (");

  /* a member whose deflated data is scrambled */
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (rows, "<row r=\"%u\"><c r=\"A%u\"><v>%u.%u</v></c></row>", i + 1, i + 1, i * 7919 % 1000, i);
  bytes = build_xlsx (rows->str, NULL);
  data = g_bytes_unref_to_data (g_steal_pointer (&bytes), &size);
  for (gsize i = size / 2 - 200; i < size / 2 + 200; i++)
    data[i] ^= 0x5A;
  bytes = g_bytes_new_take (data, size);
  assert_read_fails (bytes, "scrambled.xlsx", OUTLAY_ERROR_INVALID_FILE, "“scrambled.xlsx”");
}

static void
test_hostile_not_spreadsheet (void)
{
  Member docx[] = {
    { "[Content_Types].xml", "<Types/>" },
    { "word/document.xml", "<w:document xmlns:w=\"urn:w\"/>" },
  };
  Member odt[] = {
    { "mimetype", "application/vnd.oasis.opendocument.text" },
    { "content.xml", "<office:document-content " ODS_NS "/>" },
  };
  g_autoptr(GBytes) docx_bytes = build_zip (docx, G_N_ELEMENTS (docx));
  g_autoptr(GBytes) odt_bytes = build_zip (odt, G_N_ELEMENTS (odt));
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);

  assert_open_fails (docx_bytes, "x.xlsx", OUTLAY_ERROR_INVALID_FILE, "“x.xlsx” is a zip archive but not a spreadsheet");
  assert_open_fails (odt_bytes, "x.ods", OUTLAY_ERROR_INVALID_FILE, "“x.ods” is a zip archive but not a spreadsheet");
  assert_open_fails (empty, "x.csv", OUTLAY_ERROR_INVALID_FILE, "“x.csv” is empty");
}

static void
test_hostile_encrypted (void)
{
  g_autoptr(GsfOutput) mem = gsf_output_memory_new ();
  g_autoptr(GsfOutfile) ole = gsf_outfile_msole_new (mem);
  g_autofree guint8 *junk = g_malloc0 (8192);
  g_autoptr(GBytes) bytes = NULL;
  static const char *streams[] = { "EncryptionInfo", "EncryptedPackage" };

  for (guint i = 0; i < G_N_ELEMENTS (streams); i++)
    {
      GsfOutput *child = gsf_outfile_new_child (GSF_OUTFILE (ole), streams[i], FALSE);

      g_assert_true (gsf_output_write (child, 8192, junk));
      g_assert_true (gsf_output_close (child));
      g_object_unref (child);
    }
  g_assert_true (gsf_output_close (GSF_OUTPUT (ole)));
  bytes = output_bytes (mem);
  assert_open_fails (bytes, "x.xlsx", OUTLAY_ERROR_ENCRYPTED,
                     "“x.xlsx” is protected with a password. Open it in your spreadsheet, "
                     "remove the password, save, and import again.");
}

/* An OLE2 file with one stream @name holding @size bytes of @data. */
static GBytes *
build_ole2 (const char *name, const guint8 *data, gsize size)
{
  g_autoptr(GsfOutput) mem = gsf_output_memory_new ();
  g_autoptr(GsfOutfile) ole = gsf_outfile_msole_new (mem);
  GsfOutput *child = gsf_outfile_new_child (GSF_OUTFILE (ole), name, FALSE);
  g_autofree guint8 *padded = g_malloc0 (MAX (size, 4096));

  /* past 4,096 bytes the stream leaves the small-block area */
  memcpy (padded, data, size);
  g_assert_true (gsf_output_write (child, MAX (size, 4096), padded));
  g_assert_true (gsf_output_close (child));
  g_object_unref (child);
  g_assert_true (gsf_output_close (GSF_OUTPUT (ole)));
  return output_bytes (mem);
}

static void
test_hostile_xls_password (void)
{
  /* BOF (BIFF8, workbook globals), FILEPASS (RC4), EOF */
  static const guint8 biff8[] = {
    0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00, 0,    0,    0,    0,
    0,    0,    0,    0,    0,    0,    0,    0,    0x2F, 0x00, 0x06, 0x00,
    0x01, 0x00, 0x01, 0x00, 0x01, 0x00, 0x0A, 0x00, 0x00, 0x00,
  };
  g_autoptr(GBytes) bytes = build_ole2 ("Workbook", biff8, sizeof biff8);

  assert_open_fails (bytes, "secret.xls", OUTLAY_ERROR_ENCRYPTED,
                     "“secret.xls” is protected with a password. Open it in your spreadsheet, "
                     "remove the password, save, and import again.");
}

static void
test_hostile_other_formats (void)
{
  static const guint8 biff5[] = {
    0x09, 0x08, 0x08, 0x00, 0x00, 0x05, 0x05, 0x00, 0, 0, 0, 0, 0x0A, 0x00, 0x00, 0x00,
  };
  static const guint8 biff4[] = { 0x09, 0x04, 0x06, 0x00, 0x00, 0x00,
                                  0x10, 0x00, 0x0A, 0x00, 0x00, 0x00 };
  static const char sylk[] = "ID;PWXL;N;E\nC;Y1;X1;K\"Rent\"\nE\n";
  Member xlsb[] = {
    { "[Content_Types].xml", "<Types/>" },
    { "xl/workbook.bin", "\x83\x01\x00" },
  };
  Member numbers[] = {
    { "Index/Document.iwa", "\x00\x01\x02" },
    { "Metadata/Properties.plist", "bplist00" },
  };
  g_autoptr(GBytes) biff5_bytes = build_ole2 ("Workbook", biff5, sizeof biff5);
  g_autoptr(GBytes) book_bytes = build_ole2 ("Book", biff5, sizeof biff5);
  g_autoptr(GBytes) biff4_bytes = g_bytes_new_static (biff4, sizeof biff4);
  g_autoptr(GBytes) sylk_bytes = g_bytes_new_static (sylk, sizeof sylk - 1);
  g_autoptr(GBytes) xlsb_bytes = build_zip (xlsb, G_N_ELEMENTS (xlsb));
  g_autoptr(GBytes) numbers_bytes = build_zip (numbers, G_N_ELEMENTS (numbers));

  assert_open_fails (biff5_bytes, "old.xls", OUTLAY_ERROR_INVALID_FILE,
                     "“old.xls” is an Excel 5 or Excel 95 workbook, which Outlay cannot read. "
                     "Open it in your spreadsheet, save it as .xlsx or .ods, and import that.");
  assert_open_fails (book_bytes, "book.xls", OUTLAY_ERROR_INVALID_FILE,
                     "“book.xls” is an Excel 5 or Excel 95 workbook");
  assert_open_fails (biff4_bytes, "older.xls", OUTLAY_ERROR_INVALID_FILE,
                     "“older.xls” is an Excel 2, 3 or 4 worksheet, which Outlay cannot read");
  assert_open_fails (sylk_bytes, "budget.slk", OUTLAY_ERROR_INVALID_FILE,
                     "“budget.slk” is a SYLK file, which Outlay cannot read");
  /* named whatever the extension says */
  assert_open_fails (xlsb_bytes, "budget.xlsx", OUTLAY_ERROR_INVALID_FILE,
                     "“budget.xlsx” is an Excel binary workbook (.xlsb), which Outlay cannot read. "
                     "Open it in your spreadsheet, save it as .xlsx or .ods, and import that.");
  assert_open_fails (numbers_bytes, "budget.numbers", OUTLAY_ERROR_INVALID_FILE,
                     "“budget.numbers” is an Apple Numbers document, which Outlay cannot read");
}

#define PACKAGE_RELS(target)                                                                       \
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"         \
  "<Relationship Id=\"rId1\" Type=\"" REL_NS "officeDocument\" Target=\"" target "\"/>"            \
  "</Relationships>"

/* The standard finds the workbook through _rels/.rels, wherever it is. */
static void
test_hostile_workbook_elsewhere (void)
{
  Member moved[] = {
    { "[Content_Types].xml",
      "<Types><Override PartName=\"/book/main.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>" },
    { "_rels/.rels", PACKAGE_RELS ("/book/main.xml") },
    { "book/main.xml", WORKBOOK_XML },
    { "book/_rels/main.xml.rels",
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"" REL_NS "worksheet\" Target=\"tabs/one.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"" REL_NS "sharedStrings\" Target=\"../strings.xml\"/>"
      "</Relationships>" },
    { "book/tabs/one.xml",
      "<worksheet " MAIN_NS "><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
      "<c r=\"B1\"><v>42.5</v></c></row></sheetData></worksheet>" },
    { "strings.xml", "<sst " MAIN_NS "><si><t>Rent</t></si></sst>" },
  };
  Member docx[] = {
    { "[Content_Types].xml",
      "<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>" },
    { "_rels/.rels", PACKAGE_RELS ("word/document.xml") },
    { "word/document.xml", "<w:document xmlns:w=\"urn:w\"/>" },
  };
  g_autoptr(GBytes) bytes = build_zip (moved, G_N_ELEMENTS (moved));
  g_autoptr(GBytes) docx_bytes = build_zip (docx, G_N_ELEMENTS (docx));
  g_autoptr(OutlayWorkbook) wb = open_ok (bytes, "moved.xlsx");
  g_autoptr(TestSheet) sheet = NULL;

  g_assert_cmpint (outlay_workbook_get_format (wb), ==, OUTLAY_WORKBOOK_XLSX);
  g_assert_cmpuint (outlay_workbook_get_n_sheets (wb), ==, 1);
  g_assert_cmpstr (outlay_workbook_get_sheet_name (wb, 0), ==, "Budget");
  sheet = read_sheet_ok (wb, 0);
  assert_cell (sheet, 1, 0, OUTLAY_CELL_STRING, "Rent");
  assert_cell (sheet, 1, 1, OUTLAY_CELL_NUMBER, "42.5");
  assert_open_fails (docx_bytes, "letter.xlsx", OUTLAY_ERROR_INVALID_FILE,
                     "“letter.xlsx” is a zip archive but not a spreadsheet");
}

/* What libxml2 and libgsf say is theirs: a user reads Outlay's words. */
static void
test_hostile_library_text (void)
{
  g_autofree char *long_name = g_strnfill (60000, 'x');
  g_autofree char *long_row = g_strdup_printf ("<row r=\"1\"><%s/></row>", long_name);
  g_autoptr(GBytes)
                 bad_tag = build_xlsx ("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><1bad/>", NULL);
  g_autoptr(GBytes) huge = build_xlsx (long_row, NULL);
  g_autoptr(GBytes) latin1 = build_xlsx ("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>",
                                          "<si><t>Caf\xE9</t></si>");
  g_autoptr(GBytes) cut = build_xlsx ("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\">",
                                       NULL);
  g_autoptr(GBytes) xls = fixture_bytes ("aicp_commercial.xls");
  g_autoptr(GBytes) half_xls = g_bytes_new_from_bytes (xls, 0, g_bytes_get_size (xls) / 2);
  g_autoptr(GBytes) head_xls = g_bytes_new_from_bytes (xls, 0, 5000);

  assert_read_fails (
      bad_tag, "tag.xlsx", OUTLAY_ERROR_INVALID_FILE,
      "“tag.xlsx” is damaged (xl/worksheets/sheet1.xml, line 1: it is not well-formed XML)");
  assert_read_fails (huge, "huge.xlsx", OUTLAY_ERROR_INVALID_FILE,
                     "“huge.xlsx” is damaged (xl/worksheets/sheet1.xml, line 1: "
                     "an element in it is larger than Outlay reads)");
  assert_open_fails (latin1, "latin1.xlsx", OUTLAY_ERROR_INVALID_FILE,
                     "“latin1.xlsx” is damaged (xl/sharedStrings.xml, line 1: "
                     "its text is not valid UTF-8 or holds a character that is not allowed)");
  assert_read_fails (cut, "cut.xlsx", OUTLAY_ERROR_INVALID_FILE,
                     "“cut.xlsx” is damaged (xl/worksheets/sheet1.xml, line 1: "
                     "it is cut short or its tags do not match)");
  /* a folder, not a file */
  {
    g_autofree char *dir = g_dir_make_tmp ("outlay-folder-XXXXXX.xlsx", NULL);
    g_autoptr(GFile) folder = g_file_new_for_path (dir);
    g_autoptr(OutlayWorkbook) none = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *name = g_path_get_basename (dir);
    g_autofree char *want = g_strdup_printf ("“%s” is a folder, not a spreadsheet", name);

    g_assert_nonnull (dir);
    none = outlay_workbook_open (folder, NULL, &error);
    g_rmdir (dir);
    g_assert_null (none);
    g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_FILE);
    assert_message (error, want);
  }
  /* libgsf would print a critical warning (fatal here) before failing */
  assert_open_fails (half_xls, "half.xls", OUTLAY_ERROR_INVALID_FILE,
                     "“half.xls” is damaged (not a readable Office file)");
  assert_open_fails (head_xls, "head.xls", OUTLAY_ERROR_INVALID_FILE,
                     "“head.xls” is damaged (not a readable Office file)");
}

/* libgsf prints to stderr on some damage before it fails: nothing of
 * that reaches the user, who reads Outlay's message alone. */
static void
test_hostile_library_stderr (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GBytes) xlsx = build_xlsx ("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", NULL);
      g_autoptr(GBytes) xls = fixture_bytes ("aicp_commercial.xls");
      g_autofree guint8 *bad_xlsx = g_memdup2 (g_bytes_get_data (xlsx, NULL),
                                               g_bytes_get_size (xlsx));
      g_autofree guint8 *bad_xls = g_memdup2 (g_bytes_get_data (xls, NULL), g_bytes_get_size (xls));
      g_autoptr(GBytes) xlsx_bytes = NULL;
      g_autoptr(GBytes) xls_bytes = NULL;
      guint8 *second;

      /* xl/workbook.xml's local header signature, and an unused FAT slot */
      for (second = bad_xlsx + 4; memcmp (second, "PK\3\4", 4) != 0; second++)
        g_assert_true (second < bad_xlsx + g_bytes_get_size (xlsx) - 4);
      second[1] = 'X';
      bad_xls[76 + 4 * 100] = 0x12;
      xlsx_bytes = g_bytes_new_static (bad_xlsx, g_bytes_get_size (xlsx));
      xls_bytes = g_bytes_new_static (bad_xls, g_bytes_get_size (xls));
      assert_open_fails (xlsx_bytes, "header.xlsx", OUTLAY_ERROR_INVALID_FILE,
                         "“header.xlsx” is damaged (");
      assert_open_fails (xls_bytes, "fat.xls", OUTLAY_ERROR_INVALID_FILE,
                         "“fat.xls” is damaged (not a readable Office file)");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

static void
test_hostile_huge_cell (void)
{
  g_autofree char *text = g_strnfill (200 * 1024, 'a');
  g_autofree char *inline_row = g_strdup_printf ("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>%s</t></is></c></row>", text);
  g_autofree char *shared = g_strdup_printf ("<si><t>short</t></si><si><r><t>%s</t></r><r><t>%s</t></r></si>", text, text);
  g_autofree char *ods = g_strdup_printf ("<office:document-content " ODS_NS "><office:body><office:spreadsheet>"
                                          "<table:table table:name=\"Budget\"><table:table-row><table:table-cell/>"
                                          "<table:table-cell office:value-type=\"string\"><text:p>%s</text:p>"
                                          "</table:table-cell></table:table-row></table:table>"
                                          "</office:spreadsheet></office:body></office:document-content>", text);
  g_autoptr(GBytes) inline_bytes = build_xlsx (inline_row, NULL);
  g_autoptr(GBytes) shared_bytes = build_xlsx ("<row r=\"12\"><c r=\"A12\" t=\"s\"><v>0</v></c><c r=\"B12\" t=\"s\"><v>1</v></c></row>", shared);
  g_autoptr(GBytes) ods_bytes = build_ods (ods);

  assert_read_fails (inline_bytes, "huge.xlsx", OUTLAY_ERROR_TOO_LARGE,
                     "“huge.xlsx”, sheet “Budget”, cell A1: the text is longer than 32,767 characters");
  assert_read_fails (shared_bytes, "huge.xlsx", OUTLAY_ERROR_TOO_LARGE,
                     "“huge.xlsx”, sheet “Budget”, cell B12: the text is longer than 32,767 characters");
  assert_read_fails (ods_bytes, "huge.ods", OUTLAY_ERROR_TOO_LARGE,
                     "“huge.ods”, sheet “Budget”, cell B1: the text is longer than 32,767 characters");
}

static void
test_hostile_invalid_utf8 (void)
{
  g_autoptr(GBytes) bytes = build_xlsx ("<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>caf\xC3\x28 \xFF</t></is></c></row>", NULL);

  assert_read_fails (bytes, "bad.xlsx", OUTLAY_ERROR_INVALID_FILE, "“bad.xlsx”, sheet “Budget”, cell B2: the text is not valid UTF-8");
}

static void
test_hostile_limits (void)
{
  g_autoptr(GBytes) column = build_xlsx ("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>", NULL);
  g_autoptr(GBytes) row = build_xlsx ("<row r=\"99999999\"><c><v>1</v></c></row>", NULL);
  g_autoptr(GBytes) order = build_xlsx ("<row r=\"1\"><c r=\"C1\"><v>1</v></c><c r=\"B1\"><v>1</v></c></row>", NULL);
  g_autoptr(GBytes) ref = build_xlsx ("<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>", NULL);
  g_autoptr(GBytes) sst = build_xlsx ("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>", "<si><t>only one</t></si>");
  g_autoptr(GBytes) ods = build_ods ("<office:document-content " ODS_NS "><office:body><office:spreadsheet><table:table table:name=\"S\">"
                                     "<table:table-row><table:table-cell table:number-columns-repeated=\"16384\"/>"
                                     "<table:table-cell office:value-type=\"float\" office:value=\"1\"/></table:table-row>"
                                     "</table:table></office:spreadsheet></office:body></office:document-content>");

  assert_read_fails (column, "wide.xlsx", OUTLAY_ERROR_INVALID_FILE, "“wide.xlsx”, sheet “Budget”, cell XFE1: the cell is past the last column (XFD)");
  assert_read_fails (row, "tall.xlsx", OUTLAY_ERROR_INVALID_FILE, "“tall.xlsx”, sheet “Budget”: row 99999999 is past the last row a spreadsheet can have");
  assert_read_fails (order, "x.xlsx", OUTLAY_ERROR_INVALID_FILE, "cell B1: the cells of the row are out of order");
  assert_read_fails (ref, "x.xlsx", OUTLAY_ERROR_INVALID_FILE, "“1A” is not a cell reference");
  assert_read_fails (sst, "x.xlsx", OUTLAY_ERROR_INVALID_FILE, "cell A1: the cell refers to a shared text that does not exist");
  assert_read_fails (ods, "wide.ods", OUTLAY_ERROR_INVALID_FILE, "“wide.ods”, sheet “S”, row 1: a cell is past the last column (XFD)");
}

/* A sheet that repeats a full row of text a million times would be
 * 16 billion cells: refused, not expanded. */
static void
test_hostile_repeats (void)
{
  g_autoptr(GBytes) bytes = build_ods ("<office:document-content " ODS_NS "><office:body><office:spreadsheet><table:table table:name=\"S\">"
                                       "<table:table-row table:number-rows-repeated=\"1000000\">"
                                       "<table:table-cell table:number-columns-repeated=\"16384\" office:value-type=\"string\"><text:p>x</text:p></table:table-cell>"
                                       "</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>");

  assert_read_fails (bytes, "repeats.ods", OUTLAY_ERROR_TOO_LARGE, "repeats cells more than 10 million times");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workbook/hostile/zip-bomb", test_hostile_zip_bomb);
  g_test_add_func ("/workbook/hostile/zip-bomb-sheet", test_hostile_bomb_sheet);
  g_test_add_func ("/workbook/hostile/declared-size", test_hostile_declared_size);
  g_test_add_func ("/workbook/hostile/billion-laughs", test_hostile_billion_laughs);
  g_test_add_func ("/workbook/hostile/external-entities", test_hostile_external);
  g_test_add_func ("/workbook/hostile/damaged", test_hostile_damaged);
  g_test_add_func ("/workbook/hostile/not-a-spreadsheet", test_hostile_not_spreadsheet);
  g_test_add_func ("/workbook/hostile/encrypted", test_hostile_encrypted);
  g_test_add_func ("/workbook/hostile/xls-password", test_hostile_xls_password);
  g_test_add_func ("/workbook/hostile/other-formats", test_hostile_other_formats);
  g_test_add_func ("/workbook/hostile/workbook-elsewhere", test_hostile_workbook_elsewhere);
  g_test_add_func ("/workbook/hostile/library-text", test_hostile_library_text);
  g_test_add_func ("/workbook/hostile/library-stderr", test_hostile_library_stderr);
  g_test_add_func ("/workbook/hostile/huge-cell", test_hostile_huge_cell);
  g_test_add_func ("/workbook/hostile/invalid-utf8", test_hostile_invalid_utf8);
  g_test_add_func ("/workbook/hostile/limits", test_hostile_limits);
  g_test_add_func ("/workbook/hostile/repeats", test_hostile_repeats);
  return g_test_run ();
}
