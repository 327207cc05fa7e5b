/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers shared by the unit test programs: temporary folders, totals
 * checks and a text picture of a document to compare before and after. */

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "outlay-document.h"
#include "outlay-document-sink.h"

G_BEGIN_DECLS

/* A fresh private folder; remove it with outlay_test_remove_dir(). */
static inline char *
outlay_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("outlay-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

/* Removes @dir and what it holds (the database, its -wal and -shm, the
 * backups folder). */
static inline void
outlay_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        outlay_test_remove_dir (path);
      else if (g_unlink (path) != 0)
        g_warning ("Could not remove %s", path);
    }
  if (g_rmdir (dir) != 0)
    g_warning ("Could not remove %s", dir);
}

/* The single integer a query returns (-1 when it returns no row). */
static inline gint64
outlay_test_query_int (sqlite3    *db,
                       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 v = -1;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

/* The single text a query returns, or NULL. */
static inline char *
outlay_test_query_text (sqlite3    *db,
                        const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *v = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    v = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return v;
}

/* Overwrites the first page of the lines table, as a failing disk or a
 * copy cut short would. */
static inline void
outlay_test_damage_lines (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (db);
  g_autoptr(GFileIOStream) io = NULL;
  g_autofree guint8 *garbage = NULL;
  sqlite3 *conn = NULL;
  gint64 root, page_size;

  g_assert_cmpint (sqlite3_open_v2 (db, &conn, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  /* everything into the main file, so the page on disk is the one read */
  g_assert_cmpint (sqlite3_exec (conn, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  root = outlay_test_query_int (conn, "SELECT rootpage FROM sqlite_schema WHERE name = 'lines'");
  page_size = outlay_test_query_int (conn, "PRAGMA page_size");
  sqlite3_close (conn);
  g_assert_cmpint (root, >, 1);

  garbage = g_malloc (page_size);
  memset (garbage, 0xa5, page_size);
  io = g_file_open_readwrite (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (
      g_seekable_seek (G_SEEKABLE (io), (root - 1) * page_size, G_SEEK_SET, NULL, &error));
  g_assert_true (g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (io)),
                                            garbage, page_size, NULL, NULL, &error));
  g_assert_true (g_io_stream_close (G_IO_STREAM (io), NULL, &error));
  g_assert_no_error (error);
}

static inline void
outlay_test_assert_totals_equal (const OutlayTotals *a,
                                 const OutlayTotals *b)
{
  g_assert_cmpint (a->estimate, ==, b->estimate);
  g_assert_cmpint (a->actual, ==, b->actual);
  g_assert_cmpint (a->committed, ==, b->committed);
  g_assert_cmpint (a->fringe, ==, b->fringe);
  g_assert_cmpint (a->reserved, ==, b->reserved);
}

/* The incremental sums (document, every section, line count) against
 * sums made afresh from the lines, each section's fringe being its
 * percentage of its lines' estimates, rounded once. */
static inline void
outlay_test_assert_totals_consistent (OutlayDocument *doc)
{
  OutlayTotals sum = { 0 };
  OutlayTotals all = { 0 };
  guint n_lines = 0;

  g_assert_true (outlay_document_sum_totals (doc, &sum));
  outlay_test_assert_totals_equal (outlay_document_get_totals (doc), &sum);
  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);
      OutlayTotals resum = { 0 };

      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        {
          OutlayLine *line = outlay_section_get_line (section, l);

          g_assert_true (outlay_line_get_section (line) == section);
          resum.estimate += outlay_line_get_estimate (line);
          resum.actual += outlay_line_get_total_actual (line);
          resum.committed += outlay_line_get_committed (line);
          resum.reserved += outlay_line_get_reserved (line);
        }
      g_assert_true (outlay_decimal_percent_of (resum.estimate, outlay_section_get_fringe (section),
                                                &resum.fringe));
      resum.estimate += resum.fringe;
      outlay_test_assert_totals_equal (outlay_section_get_totals (section), &resum);
      g_assert_cmpint (outlay_section_get_fringe_amount (section), ==, resum.fringe);
      all.estimate += resum.estimate;
      all.actual += resum.actual;
      all.committed += resum.committed;
      all.reserved += resum.reserved;
      all.fringe += resum.fringe;
      n_lines += outlay_section_get_n_lines (section);
    }
  outlay_test_assert_totals_equal (&sum, &all);
  g_assert_cmpuint (outlay_document_get_n_lines (doc), ==, n_lines);
}

/* Everything a user sees in a document, one line of text per row, so two
 * states compare with g_assert_cmpstr and a failure shows the difference. */
static inline char *
outlay_test_describe (OutlayDocument *doc)
{
  GString *s = g_string_new (NULL);
  OutlayBudget *b = outlay_document_get_budget (doc);
  const OutlayTotals *t = outlay_document_get_totals (doc);

  g_string_append_printf (s, "budget %s|%s|%s|%d lines=%u est=%" G_GINT64_FORMAT
                          " act=%" G_GINT64_FORMAT " com=%" G_GINT64_FORMAT "\n",
                          outlay_budget_get_name (b), outlay_budget_get_client (b),
                          outlay_budget_get_currency (b), (int) outlay_budget_get_status (b),
                          outlay_document_get_n_lines (doc), t->estimate, t->actual,
                          t->committed);
  for (guint i = 0; i < outlay_document_get_n_sections (doc); i++)
    {
      OutlaySection *section = outlay_document_get_section (doc, i);
      const OutlayTotals *st = outlay_section_get_totals (section);

      g_string_append_printf (s, "section %s|%s|%" G_GINT64_FORMAT " est=%" G_GINT64_FORMAT
                              " act=%" G_GINT64_FORMAT " com=%" G_GINT64_FORMAT
                              " fr=%" G_GINT64_FORMAT "\n",
                              outlay_section_get_code (section), outlay_section_get_name (section),
                              outlay_section_get_fringe (section), st->estimate, st->actual,
                              st->committed, st->fringe);
      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        {
          OutlayLine *line = outlay_section_get_line (section, l);

          g_string_append_printf (s, "  line %s|%s|%s|%s", outlay_line_get_code (line),
                                  outlay_line_get_description (line),
                                  outlay_line_get_unit (line), outlay_line_get_notes (line));
          for (OutlayLineField f = 0; f < OUTLAY_LINE_N_FIELDS; f++)
            if (outlay_line_field_is_decimal (f))
              g_string_append_printf (s, "|%" G_GINT64_FORMAT, outlay_line_get_decimal (line, f));
          g_string_append_printf (s, "|%s\n",
                                  outlay_line_get_estimate_overridden (line) ? "typed" : "formula");
        }
    }
  return g_string_free (s, FALSE);
}

/* The sample with 28 % P&W on its labour sections (A, B, G, M, O), as an
 * AICP bid from the template would have: the figures the fringe and top
 * sheet tests were worked out on. */
static inline void
outlay_test_add_sample_fringes (OutlayDocument *doc)
{
  static const char *labour[] = { "A", "B", "G", "M", "O" };

  for (guint i = 0; i < G_N_ELEMENTS (labour); i++)
    g_object_set (outlay_document_lookup_section (doc, labour[i]), "fringe",
                  OUTLAY_DECIMAL_FROM_INT (28), NULL);
  g_assert_true (outlay_document_finish_load (doc, NULL));
}

G_END_DECLS
