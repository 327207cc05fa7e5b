/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How fast and in how much memory a big budget is exported to xlsx.
 *
 * Builds the same budget as bench-store (--lines lines, 20 sections) and,
 * per run:
 *
 *   outlay   outlay_xlsx_export() in a forked child (constant-memory
 *            mode), timed around the call; its peak resident set is the
 *            child's VmHWM, the document in memory included
 *   python   /usr/bin/python3 with python3-xlsxwriter (constant_memory)
 *            writing the same sheets, rows and formulas from a CSV of the
 *            lines: timed as the whole process (interpreter start and CSV
 *            parse included) and as the script's own clock around the
 *            workbook alone; its peak is the process's ru_maxrss
 *
 * and prints the medians, and what deflating the detail sheet's XML alone
 * takes (zlib's default level, as both libraries use): the floor under
 * both.  Targets: Outlay ≥ 5× faster than Python (on
 * the workbook-only time), and a peak under 150 MB.  Timings never fail
 * the program; it exits non-zero only when an export does not work.
 *
 *   bench-export [--runs N] [--lines N] [--keep DIR]
 */

#include "config.h"

#include "bench-budget.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-stdio.h>
#include <gsf/gsf-utils.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "outlay-xlsx-export.h"

#define PYTHON "/usr/bin/python3"

/* The python3-xlsxwriter side: the same layout as outlay-xlsx-export.c
 * (summary first, then the detail with section, line, subtotal, fringe,
 * total and blank rows, and a grand total of the section totals). */
static const char python_script[] =
  "import csv, sys, time\n"
  "import xlsxwriter\n"
  "\n"
  "MONEY = '#,##0.00 \"\\u20ac\";[Red]-#,##0.00 \"\\u20ac\"'\n"
  "\n"
  "def layout(sections):\n"
  "    row = 1\n"
  "    for s in sections:\n"
  "        row += 1\n"
  "        s['first'] = row\n"
  "        row += len(s['lines'])\n"
  "        s['subtotal'] = s['total'] = row\n"
  "        s['fringe_row'] = None\n"
  "        if s['fringe']:\n"
  "            s['fringe_row'] = row + 1\n"
  "            s['total'] = row = row + 2\n"
  "        row += 2\n"
  "    return row\n"
  "\n"
  "def write_summary(ws, sections, f):\n"
  "    ws.write_row(0, 0, ['Code', 'Item', 'Estimate', 'Actual', 'Variance'], f['header'])\n"
  "    for i, s in enumerate(sections, start=1):\n"
  "        t = s['total'] + 1\n"
  "        ws.write_string(i, 0, s['code'])\n"
  "        ws.write_string(i, 1, s['name'])\n"
  "        ws.write_formula(i, 2, '=Detail!G%d' % t, f['money'], s['est'])\n"
  "        ws.write_formula(i, 3, '=Detail!H%d' % t, f['money'], s['act'])\n"
  "        ws.write_formula(i, 4, '=C%d-D%d' % (i + 1, i + 1), f['money'], s['est'] - s['act'])\n"
  "    n = len(sections) + 1\n"
  "    ws.write_string(n, 1, 'Total', f['total'])\n"
  "    ws.write_formula(n, 2, '=SUM(C2:C%d)' % n, f['total'])\n"
  "    ws.write_formula(n, 3, '=SUM(D2:D%d)' % n, f['total'])\n"
  "\n"
  "def write_line(ws, r, l, f):\n"
  "    x = r + 1\n"
  "    ws.write_string(r, 0, l[3])\n"
  "    ws.write_string(r, 1, l[4])\n"
  "    ws.write_number(r, 2, float(l[5]), f['qty'])\n"
  "    if l[6]:\n"
  "        ws.write_string(r, 3, l[6])\n"
  "    ws.write_number(r, 4, float(l[7]), f['qty'])\n"
  "    ws.write_number(r, 5, float(l[8]), f['money'])\n"
  "    est, act = float(l[9]), float(l[11])\n"
  "    if l[10] == '1':\n"
  "        ws.write_number(r, 6, est, f['money'])\n"
  "    else:\n"
  "        ws.write_formula(r, 6, '=C%d*E%d*F%d' % (x, x, x), f['money'], est)\n"
  "    ws.write_number(r, 7, act, f['money'])\n"
  "    ws.write_formula(r, 8, '=G%d-H%d' % (x, x), f['money'], est - act)\n"
  "    ws.write_number(r, 9, float(l[12]), f['money'])\n"
  "    if l[13]:\n"
  "        ws.write_string(r, 10, l[13])\n"
  "    return est, act\n"
  "\n"
  "def write_section(ws, s, f):\n"
  "    ws.write_string(s['first'] - 1, 0, s['code'], f['bold'])\n"
  "    ws.write_string(s['first'] - 1, 1, s['name'], f['bold'])\n"
  "    est = act = 0.0\n"
  "    for i, l in enumerate(s['lines']):\n"
  "        e, a = write_line(ws, s['first'] + i, l, f)\n"
  "        est += e\n"
  "        act += a\n"
  "    sub = s['subtotal']\n"
  "    for c, col, v in ((6, 'G', est), (7, 'H', act), (8, 'I', est - act), (9, 'J', 0)):\n"
  "        sums = '=SUM(%s%d:%s%d)' % (col, s['first'] + 1, col, sub)\n"
  "        ws.write_formula(sub, c, sums, f['total'], v)\n"
  "    if s['fringe_row']:\n"
  "        fr = s['fringe_row']\n"
  "        ws.write_number(fr, 5, s['fringe'] / 100)\n"
  "        ws.write_formula(fr, 6, '=ROUND(ROUND(G%d*F%d,10),4)' % (sub + 1, fr + 1), f['money'])\n"
  "        ws.write_formula(s['total'], 6, '=G%d+G%d' % (sub + 1, fr + 1), f['total'])\n"
  "        ws.write_formula(s['total'], 7, '=H%d' % (sub + 1), f['total'])\n"
  "    s['est'], s['act'] = est, act\n"
  "\n"
  "def main():\n"
  "    src, out, tmpdir = sys.argv[1:4]\n"
  "    with open(src, newline='', encoding='utf-8') as fp:\n"
  "        records = list(csv.reader(fp))\n"
  "    sections = []\n"
  "    for r in records:\n"
  "        if not sections or sections[-1]['code'] != r[0]:\n"
  "            sections.append({'code': r[0], 'name': r[1], 'fringe': float(r[2]), 'lines': []})\n"
  "        sections[-1]['lines'].append(r)\n"
  "    for s in sections:\n"
  "        s['est'] = sum(float(l[9]) for l in s['lines'])\n"
  "        s['act'] = sum(float(l[11]) for l in s['lines'])\n"
  "    t0 = time.perf_counter()\n"
  "    grand = layout(sections)\n"
  "    wb = xlsxwriter.Workbook(out, {'constant_memory': True, 'tmpdir': tmpdir})\n"
  "    f = {'header': wb.add_format({'bold': True, 'bottom': 1}),\n"
  "         'bold': wb.add_format({'bold': True}),\n"
  "         'money': wb.add_format({'num_format': MONEY}),\n"
  "         'qty': wb.add_format({'num_format': '#,##0.0###'}),\n"
  "         'total': wb.add_format({'bold': True, 'top': 1, 'num_format': MONEY})}\n"
  "    summary = wb.add_worksheet('Summary')\n"
  "    detail = wb.add_worksheet('Detail')\n"
  "    write_summary(summary, sections, f)\n"
  "    detail.set_column(1, 1, 45)\n"
  "    detail.freeze_panes(1, 0)\n"
  "    detail.write_row(0, 0, ['Code', 'Description', 'Qty', 'Unit', 'Days', 'Rate', 'Estimate',\n"
  "                            'Actual', 'Variance', 'Committed', 'Notes'], f['header'])\n"
  "    for s in sections:\n"
  "        write_section(detail, s, f)\n"
  "    for c, col in ((6, 'G'), (7, 'H'), (8, 'I'), (9, 'J')):\n"
  "        refs = '+'.join('%s%d' % (col, s['total'] + 1) for s in sections)\n"
  "        detail.write_formula(grand, c, '=' + refs, f['total'])\n"
  "    wb.close()\n"
  "    print('%.3f' % ((time.perf_counter() - t0) * 1000))\n"
  "\n"
  "main()\n";

typedef struct
{
  double ms;        /* the export call */
  long   rss_kb;    /* resident before it: the document and the program */
  long   peak_kb;   /* the process's peak during it */
  int    ok;
} ChildResult;

/* ---- helpers ---- */

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values, guint n)
{
  if (n == 0)
    return NAN;
  qsort (values, n, sizeof *values, compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* "VmHWM:  123456 kB" from /proc/self/status, in kB, or -1. */
static long
proc_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (p = strstr (status, field)) == NULL)
    return -1;
  return strtol (p + strlen (field) + 1, NULL, 10);
}

static void
csv_field (GString *s, const char *text, gboolean last)
{
  if (text != NULL && strpbrk (text, "\",\n\r") != NULL)
    {
      g_string_append_c (s, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (s, '"');
          g_string_append_c (s, *p);
        }
      g_string_append_c (s, '"');
    }
  else if (text != NULL)
    g_string_append (s, text);
  g_string_append_c (s, last ? '\n' : ',');
}

static void
csv_decimal (GString *s, OutlayDecimal value)
{
  g_autofree char *text = outlay_decimal_to_string_trim (value);

  csv_field (s, text, FALSE);
}

/* The python side's input: every line with its section, fringe and
 * whether the estimate was typed. */
static gboolean
write_data (OutlayDocument *doc, const char *path, GError **error)
{
  g_autoptr(GString) s = g_string_sized_new (16 * 1024 * 1024);

  for (guint i = 0; i < outlay_document_get_n_sections (doc); i++)
    {
      OutlaySection *section = outlay_document_get_section (doc, i);

      for (guint j = 0; j < outlay_section_get_n_lines (section); j++)
        {
          OutlayLine *line = outlay_section_get_line (section, j);

          csv_field (s, outlay_section_get_code (section), FALSE);
          csv_field (s, outlay_section_get_name (section), FALSE);
          csv_decimal (s, outlay_section_get_fringe (section));
          csv_field (s, outlay_line_get_code (line), FALSE);
          csv_field (s, outlay_line_get_description (line), FALSE);
          csv_decimal (s, outlay_line_get_quantity (line));
          csv_field (s, outlay_line_get_unit (line), FALSE);
          csv_decimal (s, outlay_line_get_multiplier (line));
          csv_decimal (s, outlay_line_get_rate (line));
          csv_decimal (s, outlay_line_get_estimate (line));
          csv_field (s, outlay_line_get_estimate_overridden (line) ? "1" : "0", FALSE);
          csv_decimal (s, outlay_line_get_actual (line));
          csv_decimal (s, outlay_line_get_committed (line));
          csv_field (s, outlay_line_get_notes (line), TRUE);
        }
    }
  return g_file_set_contents (path, s->str, s->len, error);
}

/* ---- the two exporters ---- */

static void G_GNUC_NORETURN
child_export (OutlayDocument *doc, const char *path, int fd)
{
  g_autoptr(GError) error = NULL;
  ChildResult r = { 0 };
  gint64 t0;

  r.rss_kb = proc_status_kb ("VmRSS:");
  t0 = g_get_monotonic_time ();
  r.ok = outlay_xlsx_export (doc, path, NULL, NULL, NULL, &error);
  r.ms = (g_get_monotonic_time () - t0) / 1000.0;
  r.peak_kb = proc_status_kb ("VmHWM:");
  if (!r.ok)
    g_printerr ("bench-export: %s\n", error->message);
  if (write (fd, &r, sizeof r) != sizeof r)
    _exit (1);
  _exit (0);
}

/* One Outlay export in a fresh child, so its peak is its own. */
static gboolean
run_outlay (OutlayDocument *doc, const char *path, ChildResult *r)
{
  int fds[2];
  pid_t pid;
  int status = 0;
  gboolean got;

  if (pipe (fds) != 0)
    return FALSE;
  fflush (stdout);
  pid = fork ();
  if (pid == 0)
    {
      close (fds[0]);
      child_export (doc, path, fds[1]);
    }
  close (fds[1]);
  got = pid > 0 && read (fds[0], r, sizeof *r) == sizeof *r;
  close (fds[0]);
  if (pid > 0)
    waitpid (pid, &status, 0);
  return got && r->ok && WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* One python run: the whole process's time and peak, and the script's
 * own time around the workbook. */
static gboolean
run_python (const char *script, const char *data, const char *out, const char *dir,
            double *total_ms, double *write_ms, long *peak_kb)
{
  const char *argv[] = { PYTHON, script, data, out, dir, NULL };
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  char buf[64] = { 0 };
  int out_fd = -1, status = 0;
  GPid pid;
  gint64 t0 = g_get_monotonic_time ();
  ssize_t n;

  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                 &pid, NULL, &out_fd, NULL, &error))
    {
      g_printerr ("bench-export: %s\n", error->message);
      return FALSE;
    }
  /* to the end: the script must never write into a closed pipe */
  for (gsize got = 0; (n = read (out_fd, buf + got, sizeof buf - 1 - got)) > 0;)
    got += n;
  close (out_fd);
  wait4 (pid, &status, 0, &usage);
  *total_ms = (g_get_monotonic_time () - t0) / 1000.0;
  g_spawn_close_pid (pid);
  *write_ms = buf[0] != '\0' ? g_ascii_strtod (buf, NULL) : NAN;
  *peak_kb = usage.ru_maxrss;
  return WIFEXITED (status) && WEXITSTATUS (status) == 0 && buf[0] != '\0';
}

static gboolean
python_has_xlsxwriter (void)
{
  const char *argv[] = { PYTHON, "-c", "import xlsxwriter", NULL };
  int status = 0;

  return g_spawn_sync (NULL, (char **) argv, NULL,
                       G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL,
                       NULL, &status, NULL)
         && g_spawn_check_wait_status (status, NULL);
}

static double
file_mb (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size / 1e6 : NAN;
}

/* The time zlib takes to deflate @xlsx's detail sheet XML, as the zip
 * writers of both libraries do (default level): the cost neither avoids. */
static double
deflate_ms (const char *xlsx, gsize *xml_bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GZlibCompressor) z = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW, -1);
  g_autofree guint8 *xml = NULL;
  g_autofree guint8 *out = g_malloc (1 << 20);
  const char *path[] = { "xl", "worksheets", "sheet2.xml", NULL };
  GsfInput *input = gsf_input_stdio_new (xlsx, NULL);
  GsfInfile *zip = input != NULL ? gsf_infile_zip_new (input, NULL) : NULL;
  GsfInput *member = zip != NULL ? gsf_infile_child_by_aname (zip, path) : NULL;
  GConverterResult result = G_CONVERTER_CONVERTED;
  gsize size = member != NULL ? gsf_input_size (member) : 0, pos = 0, got, made;
  gint64 t0;

  xml = g_malloc (size + 1);
  if (member == NULL || gsf_input_read (member, size, xml) == NULL)
    size = 0;
  g_clear_object (&member);
  g_clear_object (&zip);
  g_clear_object (&input);
  if (size == 0)
    return NAN;
  t0 = g_get_monotonic_time ();
  while (result != G_CONVERTER_FINISHED && result != G_CONVERTER_ERROR)
    {
      result = g_converter_convert (G_CONVERTER (z), xml + pos, size - pos, out, 1 << 20,
                                    G_CONVERTER_INPUT_AT_END, &got, &made, &error);
      pos += got;
    }
  *xml_bytes = size;
  return result == G_CONVERTER_FINISHED ? (g_get_monotonic_time () - t0) / 1000.0 : NAN;
}

/* ---- main ---- */

typedef struct
{
  double *outlay_ms, *python_ms, *python_write_ms;
  long    outlay_peak_kb, outlay_rss_kb, python_peak_kb;
  double  outlay_mb, python_mb;
  double  deflate_ms;
  gsize   xml_bytes;
} Results;

static gboolean
run_all (OutlayDocument *doc, const char *dir, int runs, gboolean python, Results *res)
{
  g_autofree char *script = g_build_filename (dir, "bench_export.py", NULL);
  g_autofree char *data = g_build_filename (dir, "bench-lines.csv", NULL);
  g_autofree char *outlay_xlsx = g_build_filename (dir, "outlay.xlsx", NULL);
  g_autofree char *python_xlsx = g_build_filename (dir, "python.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  if (python && (!g_file_set_contents (script, python_script, -1, &error)
                 || !write_data (doc, data, &error)))
    {
      g_printerr ("bench-export: %s\n", error->message);
      return FALSE;
    }
  for (int run = 0; run < runs; run++)
    {
      ChildResult r;
      long peak = 0;

      printf ("run %d/%d…\n", run + 1, runs);
      if (!run_outlay (doc, outlay_xlsx, &r))
        return FALSE;
      res->outlay_ms[run] = r.ms;
      res->outlay_peak_kb = MAX (res->outlay_peak_kb, r.peak_kb);
      res->outlay_rss_kb = r.rss_kb;
      if (python && !run_python (script, data, python_xlsx, dir, &res->python_ms[run],
                                 &res->python_write_ms[run], &peak))
        {
          g_printerr ("bench-export: the python3-xlsxwriter run failed\n");
          return FALSE;
        }
      res->python_peak_kb = MAX (res->python_peak_kb, peak);
    }
  res->outlay_mb = file_mb (outlay_xlsx);
  res->deflate_ms = deflate_ms (outlay_xlsx, &res->xml_bytes);
  res->python_mb = python ? file_mb (python_xlsx) : NAN;
  return TRUE;
}

static void
print_results (Results *res, int runs, gboolean python)
{
  double outlay = median (res->outlay_ms, runs);
  double py = median (res->python_ms, runs);
  double py_write = median (res->python_write_ms, runs);
  double peak_mb = res->outlay_peak_kb / 1024.0;

  printf ("\n%-44s %10s %10s %9s\n", "median of the runs", "time ms", "peak MB", "file MB");
  printf ("%-44s %10.1f %10.1f %9.2f\n", "Outlay outlay_xlsx_export()", outlay, peak_mb,
          res->outlay_mb);
  printf ("%-44s %10s %10.1f\n", "  (resident before the export: the document)", "",
          res->outlay_rss_kb / 1024.0);
  printf ("%-44s %10.1f %21.1f MB of XML\n", "  zlib deflating the detail sheet alone",
          res->deflate_ms, res->xml_bytes / 1e6);
  if (!python)
    {
      printf ("python3-xlsxwriter: not installed for %s, no comparison\n", PYTHON);
      return;
    }
  printf ("%-44s %10.1f %10s %9.2f\n", "python3-xlsxwriter, workbook only", py_write, "",
          res->python_mb);
  printf ("%-44s %10.1f %10.1f\n", "python3-xlsxwriter, whole process", py,
          res->python_peak_kb / 1024.0);
  printf ("\nOutlay is %.1f× faster than python3-xlsxwriter on the workbook alone "
          "(%.1f× on the whole python process): target ≥ 5× %s\n",
          py_write / outlay, py / outlay, py_write / outlay >= 5 ? "met" : "NOT met");
  printf ("Less the deflate both pay (%.0f ms), Outlay is %.1f× faster\n", res->deflate_ms,
          (py_write - res->deflate_ms) / (outlay - res->deflate_ms));
  printf ("Outlay's peak resident memory %.1f MB: target < 150 MB %s\n", peak_mb,
          peak_mb < 150 ? "met" : "NOT met");
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *keep = NULL;
  g_autofree double *times = NULL;
  int runs = 3, n_lines = 100000;
  gboolean python, ok;
  Results res = { 0 };
  const GOptionEntry entries[] = {
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Runs to take the median of (default 3)", "N" },
    { "lines", 'l', 0, G_OPTION_ARG_INT, &n_lines, "Lines in the budget (default 100000)", "N" },
    { "keep", 'k', 0, G_OPTION_ARG_FILENAME, &keep, "Write the files to DIR and keep them", "DIR" },
    { NULL }
  };

  setlocale (LC_ALL, "C.UTF-8");
  gsf_init ();
  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
    "Times exporting a big Outlay budget to xlsx, beside python3-xlsxwriter.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-export: %s\n", error->message);
      return 2;
    }
  if (runs < 1 || n_lines < 1)
    {
      g_printerr ("bench-export: --runs and --lines must be at least 1\n");
      return 2;
    }
  if (keep != NULL && g_mkdir_with_parents (keep, 0700) != 0)
    {
      g_printerr ("bench-export: could not create %s\n", keep);
      return 1;
    }
  dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("outlay-bench-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("bench-export: %s\n", error->message);
      return 1;
    }

  doc = bench_build_budget (n_lines, NULL);
  python = python_has_xlsxwriter ();
  printf ("Outlay xlsx export benchmark: %d lines in %u sections, %d runs, files in %s%s\n",
          n_lines, outlay_document_get_n_sections (doc), runs, dir, keep != NULL ? " (kept)" : "");
  times = g_new0 (double, 3 * runs);
  res.outlay_ms = times;
  res.python_ms = times + runs;
  res.python_write_ms = times + 2 * runs;
  ok = run_all (doc, dir, runs, python, &res);
  if (ok)
    print_results (&res, runs, python);

  if (keep == NULL)
    {
      const char *names[] = { "bench_export.py", "bench-lines.csv", "outlay.xlsx", "python.xlsx" };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *path = g_build_filename (dir, names[i], NULL);

          g_unlink (path);
        }
      g_rmdir (dir);
    }
  return ok ? 0 : 1;
}
