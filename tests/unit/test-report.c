/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The printed report as a reader sees it: the PDF's text (pdftotext), its
 * pages and paper (pdfinfo), its fonts (pdffonts), and outlay-cli report.
 *
 * Expected figures are the sample budget's, as `outlay-cli show` prints
 * them and worked out by hand for the top sheet (1.5 % insurance on A–K,
 * 12 % production fee on A–K plus insurance), never computed with the
 * code under test. */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "outlay-document-sink.h"
#include "outlay-line-private.h"
#include "outlay-report.h"
#include "outlay-template.h"
#include "outlay-test-util.h"

/* Fontconfig leaks a little while it parses its configuration, once per
 * process (FcInitLoadConfigAndFonts, in the thread Pango starts it in):
 * not ours to fix, so LeakSanitizer is told, in this program and in the
 * outlay-cli it runs. */
#define LSAN_SUPPRESSIONS "leak:libfontconfig.so\n"

const char *__lsan_default_suppressions (void);

const char *
__lsan_default_suppressions (void)
{
  return LSAN_SUPPRESSIONS;
}

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = outlay_test_make_dir ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  outlay_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* ---- helpers ---- */

static gboolean
have_poppler (void)
{
  g_autofree char *text = g_find_program_in_path ("pdftotext");
  g_autofree char *info = g_find_program_in_path ("pdfinfo");

  if (text != NULL && info != NULL)
    return TRUE;
  g_test_skip ("pdftotext and pdfinfo (poppler-utils) are not installed");
  return FALSE;
}

/* Runs @argv; returns its standard output, asserting it exits with 0. */
static char *
run (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };

  return run (argv);
}

static char *
pdf_page_text (const char *pdf, guint page)
{
  g_autofree char *n = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-layout", "-f", n, "-l", n, pdf, "-", NULL };

  return run (argv);
}

/* The value of @key in pdfinfo's report ("Pages", "Page size"). */
static char *
pdf_info (const char *pdf, const char *key)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = run (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autofree char *prefix = g_strconcat (key, ":", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
  g_error ("pdfinfo has no “%s”", key);
  return NULL;
}

static guint
pdf_pages (const char *pdf)
{
  g_autofree char *pages = pdf_info (pdf, "Pages");

  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

static char *
write_report (Fixture *f, OutlayReport *report, const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GDateTime) printed = g_date_time_new_utc (2024, 6, 1, 9, 30, 0);

  outlay_report_set_printed (report, printed);
  g_assert_true (outlay_report_write_pdf (report, file, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static OutlayDocument *
build (const char *template_id)
{
  g_autoptr(GError) error = NULL;
  OutlayDocument *doc = outlay_template_build (template_id, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static char *
report_text (Fixture *f, OutlayDocument *doc, const OutlayReportOptions *options, char **path_out)
{
  g_autoptr(OutlayReport) report = outlay_report_new (doc, options);
  g_autofree char *path = write_report (f, report, "report.pdf");
  char *text = pdf_text (path);

  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return text;
}

/* The line of @text that contains @needle, or fails. */
static char *
line_with (const char *text, const char *needle)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], needle) != NULL)
      return g_strdup (lines[i]);
  g_error ("no line with “%s” in:\n%s", needle, text);
  return NULL;
}

/* The line of @text that contains both @a and @b, or fails. */
static char *
line_with_both (const char *text, const char *a, const char *b)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], a) != NULL && strstr (lines[i], b) != NULL)
      return g_strdup (lines[i]);
  g_error ("no line with “%s” and “%s” in:\n%s", a, b, text);
  return NULL;
}

static guint
count_lines_with (const char *text, const char *a, const char *b)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += strstr (lines[i], a) != NULL && (b == NULL || strstr (lines[i], b) != NULL);
  return n;
}

/* The first line of @text with @key has @needle (or, lacks, has not). */
static void
check_line (const char *text, const char *key, const char *needle, gboolean has)
{
  g_autofree char *line = line_with (text, key);

  if ((strstr (line, needle) != NULL) != has)
    g_error ("“%s” %s in the line “%s”", needle, has ? "is not" : "is", line);
}

static void
assert_line (const char *text, const char *key, const char *needle)
{
  check_line (text, key, needle, TRUE);
}

static void
assert_line_lacks (const char *text, const char *key, const char *needle)
{
  check_line (text, key, needle, FALSE);
}

#define assert_contains(text, needle) \
  G_STMT_START { \
    if (strstr ((text), (needle)) == NULL) \
      g_error ("“%s” is not in:\n%s", (needle), (text)); \
  } G_STMT_END

/* ---- summary ---- */

static void
test_summary_aicp (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *total = NULL;
  g_autofree char *subtotal = NULL;
  OutlayReportOptions options;

  if (!have_poppler ())
    return;
  doc = build ("sample");
  outlay_report_options_init (&options, OUTLAY_REPORT_SUMMARY);
  text = report_text (f, doc, &options, &path);

  g_assert_cmpuint (pdf_pages (path), ==, 1);
  assert_contains (text, "Production cost summary");
  assert_contains (text, "Sample: Brightwater “First Light” commercial");
  assert_contains (text, "Page 1 of 1");
  assert_contains (text, "Printed 1 June 2024");
  /* the header block */
  assert_contains (text, "Production company");
  assert_contains (text, "Job number");
  assert_contains (text, "Director");
  /* every AICP section, in order, with its name */
  for (guint i = 0; i < 16; i++)
    {
      char code[2] = { (char) ('A' + i), '\0' };
      OutlaySection *section = outlay_document_lookup_section (doc, code);
      g_autofree char *needle = g_strdup_printf (" %s ", code);
      g_autofree char *line = line_with (text, outlay_section_get_name (section));

      g_assert_nonnull (strstr (line, needle));
    }
  g_assert_true (strstr (text, "Pre-production & wrap labour") < strstr (text, "A to K subtotal"));
  g_assert_true (strstr (text, "A to K subtotal") < strstr (text, "Director / creative fees"));
  /* B is over: its variance in parentheses */
  assert_line (text, "Shooting labour", "(322.11)");
  subtotal = line_with (text, "A to K subtotal");
  assert_contains (subtotal, "253,030.00");
  assert_line (text, "Insurance (1.5%)", "3,795.45");
  assert_line (text, "Production fee (12%)", "30,819.05");
  total = line_with (text, "Contracted total");
  assert_contains (total, "497,384.50");
  assert_contains (total, "315,415.72");
  g_assert_null (strstr (text, "Handling fee"));
}

static void
test_summary_allocation (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autofree char *text = NULL;
  OutlayReportOptions options;
  OutlaySection *first;

  if (!have_poppler ())
    return;
  doc = build ("department");
  first = outlay_document_get_section (doc, 0);
  g_assert_true (outlay_document_set_line_text (doc, outlay_section_get_line (first, 0),
                                                OUTLAY_LINE_ESTIMATE, "1200", &error));
  g_assert_no_error (error);
  g_object_set (outlay_document_get_budget (doc), "allocated", OUTLAY_DECIMAL_FROM_INT (1000),
                NULL);
  outlay_report_options_init (&options, OUTLAY_REPORT_SUMMARY);
  text = report_text (f, doc, &options, NULL);

  assert_contains (text, "Budget summary");
  g_assert_null (strstr (text, "A to K subtotal"));
  for (guint i = 0; i < outlay_document_get_n_sections (doc); i++)
    assert_contains (text, outlay_section_get_name (outlay_document_get_section (doc, i)));
  assert_line (text, "Total", "1,200.00");
  assert_line (text, "Allocated", "1,000.00");
  /* 1,000.00 − 1,200.00, in parentheses */
  assert_line (text, "Remaining", "(200.00)");
  assert_line (text, "Percent used", "120%");
  /* the status in words */
  g_assert_cmpuint (count_lines_with (text, "Status", "Over"), ==, 1);
}

static void
test_summary_no_allocation (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autofree char *text = NULL;
  OutlayReportOptions options;
  OutlaySection *first;

  if (!have_poppler ())
    return;
  doc = build ("department");
  first = outlay_document_get_section (doc, 0);
  g_assert_true (outlay_document_set_line_text (doc, outlay_section_get_line (first, 0),
                                                OUTLAY_LINE_ESTIMATE, "1200", &error));
  g_assert_no_error (error);
  outlay_report_options_init (&options, OUTLAY_REPORT_SUMMARY);
  text = report_text (f, doc, &options, NULL);

  /* no cap: no remainder of 0 − 1,200 printed as if overspent */
  assert_line (text, "Total", "1,200.00");
  assert_contains (text, "No allocation set");
  g_assert_null (strstr (text, "Remaining"));
  g_assert_null (strstr (text, "(1,200.00)"));
}

/* ---- detail ---- */

static void
test_detail_sample (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *grand = NULL;
  g_autofree char *last = NULL;
  g_autofree char *of = NULL;
  OutlayReportOptions options;
  guint pages;

  if (!have_poppler ())
    return;
  doc = build ("sample");
  outlay_report_options_init (&options, OUTLAY_REPORT_DETAIL);
  text = report_text (f, doc, &options, &path);
  pages = pdf_pages (path);

  g_assert_cmpuint (pages, >, 1);
  assert_contains (text, "Detailed budget");
  of = g_strdup_printf ("Page 1 of %u", pages);
  assert_contains (text, of);
  /* a line: code, description, qty, unit, ×, rate, estimate, actual */
  assert_line (text, "Line producer", "850.00");
  assert_line (text, "Total A", "33,150.00");
  assert_line (text, "Total B", "40,900.00");
  grand = line_with (text, "Grand total");
  assert_contains (grand, "462,770.00");
  assert_contains (grand, "287,340.51");
  /* the grand total is on the last page */
  last = pdf_page_text (path, pages);
  assert_contains (last, "Grand total");
  g_free (of);
  of = g_strdup_printf ("Page %u of %u", pages, pages);
  assert_contains (last, of);
}

static void
test_detail_fringes (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayDocument) doc = NULL;
  g_autofree char *text = NULL;
  OutlayReportOptions options;

  if (!have_poppler ())
    return;
  doc = build ("sample");
  outlay_test_add_sample_fringes (doc);
  outlay_report_options_init (&options, OUTLAY_REPORT_DETAIL);
  text = report_text (f, doc, &options, NULL);

  /* A, B, G, M, O carry 28 % P&W: 33,150.00 × 0.28 = 9,282.00 */
  g_assert_cmpuint (count_lines_with (text, "Fringes (P&W) at 28%", NULL), ==, 5);
  assert_line (text, "Fringes (P&W) at 28%", "9,282.00");
  assert_line (text, "Total A", "42,432.00");
}

#define LONG_LINES    2000
#define LONG_SECTIONS 80

/* Lines of section @s (from 0): 15 to 35, so that headings fall at many
 * heights on a page; the last section takes the rest of 2,000. */
static guint
long_section_size (guint s)
{
  guint before = 0;

  for (guint i = 0; i < s; i++)
    before += 15 + (i * 5) % 21;
  return s + 1 < LONG_SECTIONS ? 15 + (s * 5) % 21 : LONG_LINES - before;
}

/* 2,000 lines in 80 sections; every seventh description is long enough
 * to wrap. */
static OutlayDocument *
build_long (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayBudget) budget = outlay_budget_new ("Long budget");
  OutlayDocument *doc;

  g_object_set (budget, "kind", OUTLAY_BUDGET_KIND_PROJECT, "currency", "EUR", NULL);
  doc = outlay_document_new (budget);
  for (guint s = 0; s < LONG_SECTIONS; s++)
    {
      g_autofree char *code = g_strdup_printf ("S%02u", s + 1);
      g_autofree char *name = g_strdup_printf ("Section heading %02u", s + 1);
      g_autoptr(OutlaySection) section = outlay_section_new (code, name);

      outlay_document_load_section (doc, section);
      for (guint i = 0; i < long_section_size (s); i++)
        {
          g_autoptr(OutlayLine) line = outlay_line_new ();

          outlay_line_take_text (line, OUTLAY_LINE_CODE, g_strdup_printf ("%u-%03u", s + 1, i));
          outlay_line_take_text (line, OUTLAY_LINE_DESCRIPTION,
                                 i % 7 == 3
                                 ? g_strdup_printf ("Item %u with a long description that goes on "
                                                    "to explain the rental terms, the delivery "
                                                    "and the insurance of the kit in detail", i)
                                 : g_strdup_printf ("Item %u", i));
          outlay_line_load_text (line, OUTLAY_LINE_UNIT, "day");
          outlay_line_load_decimal (line, OUTLAY_LINE_QUANTITY, OUTLAY_DECIMAL_FROM_INT (1));
          outlay_line_load_decimal (line, OUTLAY_LINE_MULTIPLIER, OUTLAY_DECIMAL_FROM_INT (2));
          outlay_line_load_decimal (line, OUTLAY_LINE_RATE, OUTLAY_DECIMAL_FROM_INT (50));
          outlay_line_load_decimal (line, OUTLAY_LINE_ESTIMATE, OUTLAY_DECIMAL_FROM_INT (100));
          outlay_document_load_line (doc, section, line);
        }
    }
  g_assert_true (outlay_document_finish_load (doc, &error));
  g_assert_no_error (error);
  return doc;
}

/* The last line of a page above its footer. */
static const char *
last_body_line (char **lines)
{
  const char *last = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strstr (lines[i], "Printed ") != NULL)
        break;
      if (*g_strstrip (lines[i]) != '\0')
        last = lines[i];
    }
  return last;
}

static void
test_detail_long (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;

  if (!have_poppler ())
    return;
  doc = build_long ();
  {
    OutlayReportOptions options;

    outlay_report_options_init (&options, OUTLAY_REPORT_DETAIL);
    text = report_text (f, doc, &options, &path);
  }
  n_pages = pdf_pages (path);
  g_assert_cmpuint (n_pages, >, 30);
  /* the column titles on every page */
  g_assert_cmpuint (count_lines_with (text, "Code", "Description"), ==, n_pages);
  /* pdftotext ends each page with a form feed */
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), ==, n_pages + 1);
  for (guint p = 0; p < n_pages; p++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[p], "\n", -1);
      const char *last = last_body_line (lines);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", p + 1, n_pages);

      g_test_message ("page %u ends with “%s”", p + 1, last);
      g_assert_nonnull (last);
      g_assert_null (strstr (last, "Section heading"));
      assert_contains (pages[p], footer);
      assert_contains (pages[p], "Long budget");
    }
  g_assert_cmpuint (outlay_document_get_n_lines (doc), ==, LONG_LINES);
  /* every section's total: 100.00 a line */
  for (guint s = 0; s < LONG_SECTIONS; s++)
    {
      g_autofree char *total = g_strdup_printf ("Total S%02u ", s + 1);
      guint hundreds = long_section_size (s) * 100;
      g_autofree char *amount = g_strdup_printf ("%u,%03u.00", hundreds / 1000, hundreds % 1000);

      assert_line (text, total, amount);
    }
  assert_line (text, "Grand total", "200,000.00");
}

/* ---- variance ---- */

static void
test_variance_by_section (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dp = NULL;
  OutlayReportOptions options;

  if (!have_poppler ())
    return;
  doc = build ("sample");
  outlay_report_options_init (&options, OUTLAY_REPORT_VARIANCE);
  text = report_text (f, doc, &options, NULL);

  assert_contains (text, "Variance report");
  assert_contains (text, "Var. %");
  /* over budget: in parentheses and in words, not by colour alone */
  dp = line_with_both (text, " 54 ", "Director of photography");
  assert_contains (dp, "(498.62)");
  assert_contains (dp, "(8.3%)");
  assert_contains (dp, "▲ Over");
  assert_line (text, "Total B", "(322.11)");
  assert_line (text, "Total B", "▲ Over");
  /* under budget: no marker */
  assert_line_lacks (text, "Total A", "Over");
  assert_line (text, "Total A", "8,708.23");
  assert_line (text, "Grand total", "175,429.49");
}

static void
test_variance_sorted (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  OutlayReportOptions options;
  guint over = 0, first = 0;

  if (!have_poppler ())
    return;
  doc = build ("sample");
  outlay_report_options_init (&options, OUTLAY_REPORT_VARIANCE);
  options.sort = OUTLAY_REPORT_SORT_AMOUNT;
  options.over_only = TRUE;
  text = report_text (f, doc, &options, NULL);

  assert_contains (text, "Largest overrun first");
  assert_contains (text, "Over budget only");
  /* the largest overrun first: B 54 Director of photography, 498.62 over */
  lines = g_strsplit (strstr (text, "Lines, largest overrun first"), "\n", -1);
  for (guint i = 0; lines[i] != NULL && first == 0; i++)
    if (strstr (lines[i], "▲ Over") != NULL)
      first = i;
  assert_contains (lines[first], "Director of photography");
  assert_contains (lines[first], "(498.62)");
  for (guint i = 0; lines[i] != NULL; i++)
    over += strstr (lines[i], "▲ Over") != NULL;
  /* no line under budget is listed */
  g_assert_null (strstr (text, "Line producer"));
  g_assert_cmpuint (over, >, 5);
}

/* ---- compare ---- */

static void
test_compare_changed_line (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayDocument) from = NULL;
  g_autoptr(OutlayDocument) to = NULL;
  g_autoptr(OutlayReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *changed = NULL;
  OutlayReportOptions options;
  OutlaySection *a;
  OutlayLine *line;

  if (!have_poppler ())
    return;
  from = build ("sample");
  to = build ("sample");
  a = outlay_document_lookup_section (to, "A");
  line = outlay_section_get_line (a, 0);
  g_assert_cmpstr (outlay_line_get_description (line), ==, "Line producer");
  g_assert_true (outlay_document_set_line_text (to, line, OUTLAY_LINE_RATE, "950", &error));
  g_assert_no_error (error);

  outlay_report_options_init (&options, OUTLAY_REPORT_COMPARE);
  report = outlay_report_new_compare (from, "Bid 1", to, "Bid 2", &options);
  path = write_report (f, report, "compare.pdf");
  text = pdf_text (path);

  assert_contains (text, "Version comparison");
  assert_contains (text, "Bid 1");
  assert_contains (text, "Bid 2");
  assert_contains (text, "Lines changed: 1, added: 0, removed: 0");
  /* 1 × 8 × 850.00 = 6,800.00 before, 1 × 8 × 950.00 = 7,600.00 after */
  changed = line_with (text, "Line producer");
  assert_contains (changed, "6,800.00");
  assert_contains (changed, "7,600.00");
  assert_contains (changed, "800.00");
  assert_contains (changed, "Changed: Rate");
  assert_line (text, "Total A", "33,950.00");
  assert_line (text, "Grand total", "463,570.00");
}

static void
test_compare_added_removed (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayDocument) from = NULL;
  g_autoptr(OutlayDocument) to = NULL;
  g_autoptr(OutlayReport) report = NULL;
  g_autoptr(OutlayLine) blank = outlay_line_new ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  OutlayReportOptions options;
  OutlaySection *p;
  OutlayLine *added, *gone;

  if (!have_poppler ())
    return;
  from = build ("sample");
  to = build ("sample");
  p = outlay_document_lookup_section (to, "P");
  gone = outlay_section_get_line (p, 0);
  g_assert_cmpstr (outlay_line_get_description (gone), ==, "Edit suite rental");
  g_assert_true (outlay_document_delete_lines (to, &gone, 1, &error));
  added = outlay_document_insert_line (to, p, 0, blank, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_document_set_line_text (to, added, OUTLAY_LINE_DESCRIPTION,
                                                "Second colour session", &error));
  g_assert_true (outlay_document_set_line_text (to, added, OUTLAY_LINE_ESTIMATE, "4200",
                                                &error));
  g_assert_no_error (error);

  outlay_report_options_init (&options, OUTLAY_REPORT_COMPARE);
  report = outlay_report_new_compare (from, "Bid 1", to, "Bid 2", &options);
  path = write_report (f, report, "compare.pdf");
  text = pdf_text (path);

  assert_contains (text, "Lines changed: 0, added: 1, removed: 1");
  /* said in words; the removed line keeps its old amount, the new its new */
  assert_line (text, "Second colour session", "Added");
  assert_line (text, "Second colour session", "4,200.00");
  assert_line (text, "Edit suite rental", "Removed");
  assert_line (text, "Edit suite rental", "(10,500.00)");
  /* P: 70,200.00 − 10,500.00 + 4,200.00 */
  assert_line (text, "Total P", "63,900.00");
  assert_line (text, "Total P", "(6,300.00)");
}

/* The PDF written by a worker thread, as the app does (no GTK). */
static gpointer
write_in_thread (gpointer data)
{
  OutlayReport *report = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  gboolean ok = outlay_report_write_pdf_to_stream (report, stream, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  return GSIZE_TO_POINTER (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
}

static void
test_pdf_thread (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayDocument) doc = build ("sample");
  OutlayReport *reports[OUTLAY_REPORT_COMPARE];
  GThread *threads[OUTLAY_REPORT_COMPARE];

  for (OutlayReportKind k = 0; k < OUTLAY_REPORT_COMPARE; k++)
    {
      OutlayReportOptions options;

      outlay_report_options_init (&options, k);
      reports[k] = outlay_report_new (doc, &options);
    }
  /* the document may change once the reports are made */
  g_clear_object (&doc);
  for (guint k = 0; k < OUTLAY_REPORT_COMPARE; k++)
    threads[k] = g_thread_new ("report", write_in_thread, reports[k]);
  for (guint k = 0; k < OUTLAY_REPORT_COMPARE; k++)
    {
      gsize size = GPOINTER_TO_SIZE (g_thread_join (threads[k]));

      g_assert_cmpuint (size, >, 1000);
      g_object_unref (reports[k]);
    }
}

/* ---- paper, PDF ---- */

static void
test_paper_letter_landscape (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(OutlayReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *size = NULL;
  OutlayReportOptions options;

  if (!have_poppler ())
    return;
  doc = build ("sample");
  outlay_report_options_init (&options, OUTLAY_REPORT_DETAIL);
  options.paper = OUTLAY_REPORT_PAPER_LETTER;
  options.landscape = TRUE;
  report = outlay_report_new (doc, &options);
  path = write_report (f, report, "letter.pdf");
  size = pdf_info (path, "Page size");
  g_assert_true (g_str_has_prefix (size, "792 x 612 pts"));

  /* A4 portrait by default */
  outlay_report_set_paper (report, OUTLAY_REPORT_PAPER_A4, FALSE);
  g_free (path);
  path = write_report (f, report, "a4.pdf");
  g_free (size);
  size = pdf_info (path, "Page size");
  g_assert_true (g_str_has_prefix (size, "595.28 x 841.89 pts"));
}

static void
test_pdf_metadata (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(OutlayReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *date = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *pdffonts = g_find_program_in_path ("pdffonts");
  OutlayReportOptions options;

  if (!have_poppler ())
    return;
  doc = build ("sample");
  outlay_report_options_init (&options, OUTLAY_REPORT_SUMMARY);
  report = outlay_report_new (doc, &options);
  path = write_report (f, report, "meta.pdf");
  title = pdf_info (path, "Title");
  creator = pdf_info (path, "Creator");
  g_assert_cmpstr (title, ==, "Sample: Brightwater “First Light” commercial — Production cost summary");
  g_assert_cmpstr (creator, ==, "Outlay");
  date = pdf_info (path, "CreationDate");
  assert_contains (date, "2024");
  if (pdffonts != NULL)
    {
      const char *argv[] = { "pdffonts", path, NULL };
      g_auto(GStrv) lines = NULL;

      fonts = run (argv);
      lines = g_strsplit (fonts, "\n", -1);
      /* name, type, encoding, then "emb" yes for every font */
      g_assert_cmpuint (g_strv_length (lines), >, 3);
      for (guint i = 2; lines[i] != NULL && *lines[i] != '\0'; i++)
        assert_contains (lines[i], " yes ");
    }
}

static void
test_pdf_unwritable (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayDocument) doc = build ("sample");
  g_autoptr(OutlayReport) report = NULL;
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "out.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  OutlayReportOptions options;

  outlay_report_options_init (&options, OUTLAY_REPORT_SUMMARY);
  report = outlay_report_new (doc, &options);
  g_assert_false (outlay_report_write_pdf (report, file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "out.pdf"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_pdf_cancelled (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayDocument) doc = build ("sample");
  g_autoptr(OutlayReport) report = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (f->dir, "cancelled.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  OutlayReportOptions options;

  outlay_report_options_init (&options, OUTLAY_REPORT_DETAIL);
  report = outlay_report_new (doc, &options);
  g_cancellable_cancel (cancellable);
  g_assert_false (outlay_report_write_pdf (report, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Printing: paginate for the printable area a print context gives, then
 * draw each page at the origin of a translated context. */
static void
test_print_pages (Fixture *f, gconstpointer data)
{
  g_autoptr(OutlayDocument) doc = build ("sample");
  g_autoptr(OutlayReport) report = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 400);
  cairo_t *cr = cairo_create (surface);
  OutlayReportOptions options;
  guint n_a4, n_small;

  outlay_report_options_init (&options, OUTLAY_REPORT_DETAIL);
  report = outlay_report_new (doc, &options);
  g_assert_cmpuint (outlay_report_get_n_pages (report), ==, 0);
  n_a4 = outlay_report_paginate (report, cr, 523.0, 770.0);
  n_small = outlay_report_paginate (report, cr, 300.0, 400.0);
  g_assert_cmpuint (n_a4, >, 1);
  g_assert_cmpuint (n_small, >, n_a4);
  g_assert_cmpuint (outlay_report_get_n_pages (report), ==, n_small);
  for (guint i = 0; i < n_small; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, 0, 0);
      outlay_report_draw_page (report, cr, i);
      cairo_restore (cr);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* ---- outlay-cli report ---- */

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliResult;

static void
cli_result_clear (CliResult *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

static CliResult
run_cli (Fixture *f, const char *first, ...) G_GNUC_NULL_TERMINATED;

static CliResult
run_cli (Fixture *f, const char *first, ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *db = g_build_filename (f->dir, "cli.db", NULL);
  g_autofree char *supp = g_build_filename (f->dir, "lsan.supp", NULL);
  g_autofree char *lsan = g_strconcat ("suppressions=", supp, ":print_suppressions=0", NULL);
  const char *cli = g_getenv ("OUTLAY_CLI");
  CliResult r = { -1, NULL, NULL };
  int wait_status = 0;
  va_list args;

  if (cli == NULL)
    g_error ("OUTLAY_CLI is not set; run the tests with meson test");
  g_assert_true (g_file_set_contents (supp, LSAN_SUPPRESSIONS, -1, NULL));
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", f->dir, TRUE);
  envp = g_environ_setenv (envp, "LSAN_OPTIONS", lsan, TRUE);
  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, db);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &r.out, &r.err, &wait_status, &error));
  g_assert_no_error (error);
  r.status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return r;
}

static void
test_cli (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "sample.pdf", NULL);
  g_autofree char *text = NULL;
  CliResult r;

  r = run_cli (f, "report", "Sample", "--kind", "pie-chart", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_contains (r.err, "summary, detail, variance, compare");
  cli_result_clear (&r);

  r = run_cli (f, "report", "Sample", "--kind", "compare", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_contains (r.err, "--version");
  cli_result_clear (&r);

  r = run_cli (f, "report", "Sample", "--kind", "summary", NULL);
  g_assert_cmpint (r.status, ==, 2);
  cli_result_clear (&r);

  r = run_cli (f, "report", "No such budget", "--kind", "summary", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_contains (r.err, "No such budget");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  cli_result_clear (&r);

  r = run_cli (f, "report", "Sample", "--kind", "variance", "--version", "Nope", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 1);
  cli_result_clear (&r);

  r = run_cli (f, "report", "Sample", "--kind", "summary", "--paper", "letter", "-o", pdf, NULL);
  /* nothing printed on success */
  if (r.status != 0)
    g_error ("outlay-cli report failed (%d): %s", r.status, r.err);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_cmpstr (r.err, ==, "");
  cli_result_clear (&r);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  if (!have_poppler ())
    return;
  text = pdf_text (pdf);
  assert_line (text, "Contracted total", "497,384.50");
}

static void
test_cli_compare (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "compare.pdf", NULL);
  g_autofree char *text = NULL;
  CliResult r;

  if (!have_poppler ())
    return;
  r = run_cli (f, "version", "Sample", "--save", "Bid 1", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli_result_clear (&r);
  r = run_cli (f, "set", "Sample", "--line", "1", "--section", "A", "--field", "rate",
               "--value", "950", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli_result_clear (&r);
  r = run_cli (f, "report", "Sample", "--kind", "compare", "--version", "Bid 1", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli_result_clear (&r);
  text = pdf_text (pdf);
  assert_contains (text, "Bid 1");
  assert_contains (text, "Current budget");
  assert_line (text, "Line producer", "6,800.00");
  assert_line (text, "Line producer", "7,600.00");
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/report/summary/aicp", test_summary_aicp);
  ADD ("/report/summary/allocation", test_summary_allocation);
  ADD ("/report/summary/no-allocation", test_summary_no_allocation);
  ADD ("/report/detail/sample", test_detail_sample);
  ADD ("/report/detail/fringes", test_detail_fringes);
  ADD ("/report/detail/long", test_detail_long);
  ADD ("/report/variance/by-section", test_variance_by_section);
  ADD ("/report/variance/sorted-over-only", test_variance_sorted);
  ADD ("/report/compare/changed-line", test_compare_changed_line);
  ADD ("/report/compare/added-removed", test_compare_added_removed);
  ADD ("/report/pdf/thread", test_pdf_thread);
  ADD ("/report/pdf/letter-landscape", test_paper_letter_landscape);
  ADD ("/report/pdf/metadata", test_pdf_metadata);
  ADD ("/report/pdf/unwritable", test_pdf_unwritable);
  ADD ("/report/pdf/cancelled", test_pdf_cancelled);
  ADD ("/report/print/pages", test_print_pages);
  ADD ("/report/cli/errors-and-success", test_cli);
  ADD ("/report/cli/compare", test_cli_compare);

#undef ADD
  return g_test_run ();
}
