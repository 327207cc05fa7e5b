/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-report"

/* The printed report: one renderer for PDF export and for printing.
 *
 * outlay_report_new() turns a document into prepared rows;
 * outlay_report_paginate() measures them for a page size and
 * outlay_report_draw_page() draws one page at the origin.  The PDF path
 * (outlay_report_write_pdf()) does both itself on a cairo PDF surface,
 * with margins; printing gets a cairo context already translated to the
 * printable area.  Nothing here uses GTK, so a report can be written in a
 * worker thread. */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "outlay-error.h"
#include "outlay-report-private.h"

/* PDF margins in points: about 15 mm at the sides, 12.5 mm top and bottom
 * (the running header and footer sit inside them). */
#define PDF_MARGIN_X 42.0
#define PDF_MARGIN_Y 36.0

G_DEFINE_FINAL_TYPE (OutlayReport, outlay_report, G_TYPE_OBJECT)

static const char *const kind_ids[] = { "summary",         "detail",
                                        "variance",        "compare",
                                        "time-by-person",  "time-by-task",
                                        "period-variance", "cost" };
static const char *const kind_titles[] = {
  N_("Production cost summary"), N_("Detailed budget"), N_("Variance report"),
  N_("Version comparison"),      N_("Time by person"),  N_("Time by task"),
  N_("Variance by period"),      N_("Cost report"),
};

static void
row_clear (ReportRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    g_free (row->cells[i]);
  g_clear_pointer (&row->cells, g_free);
}

static void
table_clear (ReportTable *table)
{
  for (guint i = 0; i < table->n_columns; i++)
    g_clear_pointer (&table->columns[i].title, g_free);
}

static void
outlay_report_finalize (GObject *object)
{
  OutlayReport *self = OUTLAY_REPORT (object);

  outlay_report_layout_clear (self);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->tables, g_array_unref);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_pointer (&self->printed, g_date_time_unref);
  g_free (self->title);
  g_free (self->budget_name);
  g_free (self->version);
  g_free (self->currency);
  G_OBJECT_CLASS (outlay_report_parent_class)->finalize (object);
}

static void
outlay_report_class_init (OutlayReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = outlay_report_finalize;
}

static void
outlay_report_init (OutlayReport *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (ReportRow));
  g_array_set_clear_func (self->rows, (GDestroyNotify) row_clear);
  self->tables = g_array_new (FALSE, TRUE, sizeof (ReportTable));
  g_array_set_clear_func (self->tables, (GDestroyNotify) table_clear);
  self->charts = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_chart_unref);
  self->printed = g_date_time_new_now_local ();
  self->heading = REPORT_NO_HEADING;
}

/**
 * outlay_report_options_init:
 * @options: (out caller-allocates): options to fill in
 * @kind: the report
 *
 * Sets @options to @kind on A4 portrait, lines in section order, every line.
 */
void
outlay_report_options_init (OutlayReportOptions *options,
                            OutlayReportKind     kind)
{
  g_return_if_fail (options != NULL);

  *options = (OutlayReportOptions) { .kind = kind, .paper = OUTLAY_REPORT_PAPER_A4 };
}

static OutlayReport *
report_new (OutlayDocument *doc, const OutlayReportOptions *options)
{
  OutlayReport *self = g_object_new (OUTLAY_TYPE_REPORT, NULL);
  OutlayBudget *budget = outlay_document_get_budget (doc);
  const char *frozen = outlay_document_get_frozen_name (doc);

  self->options = *options;
  self->title = g_strdup (outlay_report_kind_title (options->kind));
  self->budget_name = g_strdup (outlay_budget_get_name (budget));
  self->currency = g_strdup (outlay_budget_get_currency (budget));
  self->version = frozen != NULL ? g_strdup_printf (_("Version “%s”"), frozen)
                                 : g_strdup (_("Current budget"));
  return self;
}

/**
 * outlay_report_new:
 * @doc: the budget
 * @options: what to report and how
 *
 * Prepares a summary, detail or variance report of @doc as it is now.  The
 * report keeps no reference to @doc.  For a comparison use
 * outlay_report_new_compare().
 *
 * Returns: (transfer full): the report
 */
OutlayReport *
outlay_report_new (OutlayDocument            *doc,
                   const OutlayReportOptions *options)
{
  OutlayReport *self;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->kind <= OUTLAY_REPORT_VARIANCE
                            || options->kind == OUTLAY_REPORT_PERIOD_VARIANCE,
                        NULL);

  self = report_new (doc, options);
  switch (options->kind)
    {
    case OUTLAY_REPORT_SUMMARY:
      outlay_report_build_summary (self, doc);
      break;
    case OUTLAY_REPORT_DETAIL:
      outlay_report_build_detail (self, doc);
      break;
    case OUTLAY_REPORT_PERIOD_VARIANCE:
      outlay_report_build_period_variance (self, doc);
      break;
    case OUTLAY_REPORT_VARIANCE:
    default:
      outlay_report_build_variance (self, doc);
      break;
    }
  return self;
}

/**
 * outlay_report_new_time:
 * @doc: the budget
 * @entries: (element-type OutlayTimeEntry): the time logged on its tasks
 *   (outlay_store_list_time()), for the period to report
 * @people: (element-type OutlayPerson) (nullable): everyone, for names
 * @options: time-by-person or time-by-task, and how to print
 *
 * Prepares a time report: hours and their cost per person or per task.
 *
 * Returns: (transfer full): the report
 */
OutlayReport *
outlay_report_new_time (OutlayDocument *doc,
                        GPtrArray *entries,
                        GPtrArray *people,
                        const OutlayReportOptions *options)
{
  OutlayReport *self;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (entries != NULL && options != NULL, NULL);
  g_return_val_if_fail (options->kind == OUTLAY_REPORT_TIME_BY_PERSON
                            || options->kind == OUTLAY_REPORT_TIME_BY_TASK,
                        NULL);
  self = report_new (doc, options);
  outlay_report_build_time (self, doc, entries, people);
  return self;
}

/**
 * outlay_report_new_cost:
 * @doc: the budget
 * @dashboard: its dashboard (outlay_dashboard_load())
 * @entries: (element-type OutlayTimeEntry): the time logged on its tasks
 * @people: (element-type OutlayPerson) (nullable): everyone, for names
 * @options: how to print (@options->kind is taken as cost)
 *
 * Prepares the cost report: the dashboard's figures and charts, drawn by
 * the code the window draws them with, and the time by person.
 *
 * Returns: (transfer full): the report
 */
OutlayReport *
outlay_report_new_cost (OutlayDocument *doc,
                        OutlayDashboard *dashboard,
                        GPtrArray *entries,
                        GPtrArray *people,
                        const OutlayReportOptions *options)
{
  OutlayReportOptions o;
  OutlayReport *self;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (dashboard != NULL && entries != NULL && options != NULL, NULL);
  o = *options;
  o.kind = OUTLAY_REPORT_COST;
  self = report_new (doc, &o);
  outlay_report_build_cost (self, doc, dashboard, entries, people);
  return self;
}

/**
 * outlay_report_new_compare:
 * @from: the older state (a saved version)
 * @from_name: what to call it ("Bid 1")
 * @to: the newer state (another version or the current budget)
 * @to_name: what to call it
 * @options: how to print (@options->kind is taken as compare)
 *
 * Prepares a comparison of two states of a budget, line by line.
 *
 * Returns: (transfer full): the report
 */
OutlayReport *
outlay_report_new_compare (OutlayDocument            *from,
                           const char                *from_name,
                           OutlayDocument            *to,
                           const char                *to_name,
                           const OutlayReportOptions *options)
{
  OutlayReport *self;
  OutlayReportOptions o;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (from), NULL);
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (to), NULL);
  g_return_val_if_fail (from_name != NULL && to_name != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  o = *options;
  o.kind = OUTLAY_REPORT_COMPARE;
  self = report_new (to, &o);
  g_free (self->version);
  /* TRANSLATORS: the two versions a comparison report compares */
  self->version = g_strdup_printf (_("%s → %s"), from_name, to_name);
  outlay_report_build_compare (self, from, from_name, to, to_name);
  return self;
}

OutlayReportKind
outlay_report_get_kind (OutlayReport *self)
{
  g_return_val_if_fail (OUTLAY_IS_REPORT (self), OUTLAY_REPORT_SUMMARY);
  return self->options.kind;
}

/**
 * outlay_report_get_title:
 * @self: a report
 *
 * Returns: the report's translated title, "Detailed budget"
 */
const char *
outlay_report_get_title (OutlayReport *self)
{
  g_return_val_if_fail (OUTLAY_IS_REPORT (self), NULL);
  return self->title;
}

/**
 * outlay_report_set_paper:
 * @self: a report
 * @paper: the PDF's paper
 * @landscape: whether its pages are landscape
 *
 * Sets the page size outlay_report_write_pdf() uses.
 */
void
outlay_report_set_paper (OutlayReport      *self,
                         OutlayReportPaper  paper,
                         gboolean           landscape)
{
  g_return_if_fail (OUTLAY_IS_REPORT (self));
  self->options.paper = paper;
  self->options.landscape = landscape;
}

/**
 * outlay_report_get_paper_size:
 * @self: a report
 * @width: (out): the PDF page's width in points
 * @height: (out): its height in points
 */
void
outlay_report_get_paper_size (OutlayReport *self,
                              double       *width,
                              double       *height)
{
  gboolean letter;
  double w, h;

  g_return_if_fail (OUTLAY_IS_REPORT (self));
  /* ISO 216 A4 is 210 × 297 mm; US Letter 8.5 × 11 in */
  letter = self->options.paper == OUTLAY_REPORT_PAPER_LETTER;
  w = letter ? 612.0 : 595.28;
  h = letter ? 792.0 : 841.89;
  *width = self->options.landscape ? h : w;
  *height = self->options.landscape ? w : h;
}

/**
 * outlay_report_set_printed:
 * @self: a report
 * @printed: the date the footers show (now by default)
 */
void
outlay_report_set_printed (OutlayReport *self,
                           GDateTime    *printed)
{
  g_return_if_fail (OUTLAY_IS_REPORT (self));
  g_return_if_fail (printed != NULL);
  g_date_time_unref (self->printed);
  self->printed = g_date_time_ref (printed);
}

/**
 * outlay_report_paginate:
 * @self: a report
 * @cr: a cairo context of the surface the pages will be drawn on
 * @page_width: the width of the area to draw in, in points
 * @page_height: its height
 *
 * Lays the report out for pages of this size (once: drawing a page does
 * not paginate again).  Text is measured without hinting, so the pages
 * are the same on any surface.
 *
 * Returns: the number of pages (at least 1)
 */
guint
outlay_report_paginate (OutlayReport *self,
                        cairo_t      *cr,
                        double        page_width,
                        double        page_height)
{
  g_return_val_if_fail (OUTLAY_IS_REPORT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (page_width > 0 && page_height > 0, 0);

  self->width = page_width;
  self->height = page_height;
  outlay_report_layout_setup (self, cr);
  outlay_report_layout_pages (self);
  return self->pages->len;
}

/**
 * outlay_report_get_n_pages:
 * @self: a report
 *
 * Returns: the number of pages of the last outlay_report_paginate(), or 0
 */
guint
outlay_report_get_n_pages (OutlayReport *self)
{
  g_return_val_if_fail (OUTLAY_IS_REPORT (self), 0);
  return self->pages != NULL ? self->pages->len : 0;
}

/**
 * outlay_report_draw_page:
 * @self: a paginated report
 * @cr: where to draw; the page's top left corner is at the origin
 * @page: the page, from 0
 */
void
outlay_report_draw_page (OutlayReport *self,
                         cairo_t      *cr,
                         guint         page)
{
  g_return_if_fail (OUTLAY_IS_REPORT (self));
  g_return_if_fail (self->pages != NULL);
  g_return_if_fail (page < self->pages->len);

  outlay_report_layout_draw (self, cr, page);
}

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} PdfWriter;

static cairo_status_t
pdf_write_cb (void *closure, const unsigned char *data, unsigned int length)
{
  PdfWriter *w = closure;

  if (w->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (w->stream, data, length, NULL, w->cancellable, &w->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static void
pdf_set_metadata (OutlayReport *self, cairo_surface_t *surface)
{
  g_autofree char *title = g_strdup_printf ("%s — %s", self->budget_name, self->title);
  g_autofree char *date = g_date_time_format (self->printed, "%Y-%m-%dT%H:%M:%S%:z");

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Outlay");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

/* Draws every page; FALSE when cancelled. */
static gboolean
pdf_draw_pages (OutlayReport *self, cairo_t *cr, double w, double h, GCancellable *cancellable)
{
  guint n = outlay_report_paginate (self, cr, w - 2 * PDF_MARGIN_X, h - 2 * PDF_MARGIN_Y);

  for (guint page = 0; page < n; page++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;
      cairo_save (cr);
      cairo_translate (cr, PDF_MARGIN_X, PDF_MARGIN_Y);
      outlay_report_draw_page (self, cr, page);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  return TRUE;
}

/**
 * outlay_report_write_pdf_to_stream:
 * @self: a report
 * @stream: where to write the PDF
 * @cancellable: (nullable): to stop between pages
 * @error: return location for an error
 *
 * Paginates the report for its paper (see outlay_report_set_paper()) with
 * margins and writes it as PDF, fonts embedded.  @stream is not closed.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_report_write_pdf_to_stream (OutlayReport  *self,
                                   GOutputStream *stream,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  PdfWriter w = { stream, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  gboolean drawn;
  double width, height;

  g_return_val_if_fail (OUTLAY_IS_REPORT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  outlay_report_get_paper_size (self, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (pdf_write_cb, &w, width, height);
  pdf_set_metadata (self, surface);
  cr = cairo_create (surface);
  drawn = pdf_draw_pages (self, cr, width, height, cancellable);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (w.error != NULL)
    {
      g_propagate_error (error, w.error);
      return FALSE;
    }
  if (!drawn)
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_FAILED, _("Could not make the PDF: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/**
 * outlay_report_write_pdf:
 * @self: a report
 * @file: where to write it (any GIO location); replaced only on success
 * @cancellable: (nullable): to stop between pages
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_report_write_pdf (OutlayReport  *self,
                         GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abort = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (OUTLAY_IS_REPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable,
                           &local_error);
  if (stream != NULL
      && outlay_report_write_pdf_to_stream (self, G_OUTPUT_STREAM (stream), cancellable,
                                            &local_error)
      && g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
    return TRUE;

  if (stream != NULL && !g_output_stream_is_closed (G_OUTPUT_STREAM (stream)))
    {
      /* closing cancelled leaves the old file in place */
      abort = g_cancellable_new ();
      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);
    }
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  name = g_file_get_parse_name (file);
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_FAILED, _("Could not write “%s”: %s"), name,
               local_error->message);
  return FALSE;
}

const char *
outlay_report_kind_to_string (OutlayReportKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_ids), "summary");
  return kind_ids[kind];
}

gboolean
outlay_report_kind_from_string (const char       *text,
                                OutlayReportKind *kind)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kind_ids); i++)
    if (g_ascii_strcasecmp (text, kind_ids[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * outlay_report_kind_title:
 * @kind: a report kind
 *
 * Returns: its translated title, "Detailed budget"
 */
const char *
outlay_report_kind_title (OutlayReportKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_titles), "");
  return g_dgettext (GETTEXT_PACKAGE, kind_titles[kind]);
}
