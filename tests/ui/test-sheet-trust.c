/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sheet's numbers can be trusted as read: figures are never cut short
 * (columns fit them; what still does not fit shows ### with the whole
 * value in its tooltip). Runs the sheet in a window under Xvfb. */

#include "config.h"

#include "outlay-ui-test-util.h"

#include <adwaita.h>

#include "outlay-currency.h"
#include "outlay-sheet-view-private.h"
#include "outlay-template.h"

typedef struct
{
  GtkWidget *window;
  OutlaySheetView *sheet;
  OutlayDocument *doc;
  GPtrArray *messages;
} Fixture;

static void
iterate (guint n)
{
  for (guint i = 0; i < n; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
message_cb (OutlaySheetView *sheet, const char *text, Fixture *f)
{
  g_ptr_array_add (f->messages, g_strdup (text));
}

static void
fixture_show (Fixture *f, OutlayDocument *doc)
{
  guint tries = 0;

  f->doc = doc;
  f->messages = g_ptr_array_new_with_free_func (g_free);
  f->window = gtk_window_new ();
  f->sheet = g_object_new (OUTLAY_TYPE_SHEET_VIEW, NULL);
  g_signal_connect (f->sheet, "message", G_CALLBACK (message_cb), f);
  outlay_sheet_view_set_document (f->sheet, doc);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 760);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->sheet));
  gtk_window_present (GTK_WINDOW (f->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (f->sheet)))
    {
      g_assert_cmpuint (++tries, <, 500);
      g_usleep (10000);
      iterate (1);
    }
  iterate (5);
}

static void
fixture_free (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate (2);
  g_clear_object (&f->doc);
  g_ptr_array_unref (f->messages);
}

static OutlaySheetCell *
cell_of (Fixture *f, gpointer item, guint column)
{
  OutlaySheetCell **cells = g_object_get_data (item, "outlay-sheet-cells");

  return cells != NULL ? cells[column] : NULL;
}

static GtkColumnViewColumn *
column_of (Fixture *f, guint column)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (
      outlay_ui_test_find_type (GTK_WIDGET (f->sheet), GTK_TYPE_COLUMN_VIEW));
  g_autoptr(GtkColumnViewColumn)
                 c = g_list_model_get_item (gtk_column_view_get_columns (view), column);

  return c;
}

/* A budget of about 22 billion, as a national infrastructure plan has. */
static OutlayDocument *
big_budget (void)
{
  g_autoptr(GError) error = NULL;
  OutlayDocument *doc = outlay_template_build ("software", NULL, &error);
  OutlaySection *first;

  g_assert_no_error (error);
  first = outlay_document_get_section (doc, 0);
  g_assert_true (outlay_document_set_line_decimal (doc, outlay_section_get_line (first, 0),
                                                   OUTLAY_LINE_ESTIMATE,
                                                   OUTLAY_DECIMAL_FROM_INT (12276548612), &error));
  g_assert_true (outlay_document_set_line_decimal (doc, outlay_section_get_line (first, 1),
                                                   OUTLAY_LINE_ESTIMATE,
                                                   OUTLAY_DECIMAL_FROM_INT (9800000000), &error));
  g_assert_no_error (error);
  return doc;
}

static void
test_figures (void)
{
  Fixture f = { 0 };
  OutlaySection *first;
  OutlaySheetCell *cell;
  g_autofree char *total = NULL;
  g_autofree char *tooltip = NULL;
  int width;

  fixture_show (&f, big_budget ());
  first = outlay_document_get_section (f.doc, 0);
  total = outlay_currency_format_amount (outlay_section_get_totals (first)->estimate, "USD");
  g_assert_cmpuint (g_utf8_strlen (total, -1), >=, 17); /* 22,076,548,…: wider than 120 px */

  /* opened: the column fits the section's total, whole */
  cell = cell_of (&f, first, OUTLAY_SHEET_COLUMN_ESTIMATE);
  g_assert_nonnull (cell);
  g_assert_cmpstr (outlay_sheet_cell_get_text (cell), ==, total);
  g_assert_cmpint (
      gtk_column_view_column_get_fixed_width (column_of (&f, OUTLAY_SHEET_COLUMN_ESTIMATE)), >,
      120);

  /* narrowed by hand: ### with the whole figure in the tooltip, never 22,076,5… */
  gtk_column_view_column_set_fixed_width (column_of (&f, OUTLAY_SHEET_COLUMN_ESTIMATE), 80);
  iterate (3);
  g_assert_cmpstr (outlay_sheet_cell_get_text (cell), ==, "###");
  tooltip = outlay_sheet_cell_get_tooltip_text (cell);
  g_assert_cmpstr (tooltip, ==, total);
  g_assert_cmpstr (outlay_sheet_cell_get_full_text (cell), ==, total);
  /* a small figure in the same column still shows */
  cell = cell_of (&f, outlay_section_get_line (first, 2), OUTLAY_SHEET_COLUMN_ESTIMATE);
  g_assert_nonnull (cell);
  g_assert_cmpstr (outlay_sheet_cell_get_text (cell), !=, "###");

  /* a double-click on the Estimate header's right edge fits it again */
  {
    GtkWidget *view = outlay_ui_test_find_type (GTK_WIDGET (f.sheet), GTK_TYPE_COLUMN_VIEW);
    GtkWidget *header = gtk_widget_get_first_child (view);
    GtkWidget *title = gtk_widget_get_first_child (header);
    graphene_rect_t bounds;
    int edge;

    for (guint c = 0; c < OUTLAY_SHEET_COLUMN_ESTIMATE; c++)
      title = gtk_widget_get_next_sibling (title);
    g_assert_true (gtk_widget_compute_bounds (title, view, &bounds));
    edge = outlay_sheet_view_header_edge (f.sheet, bounds.origin.x + bounds.size.width - 2,
                                          bounds.size.height / 2);
    g_assert_cmpint (edge, ==, OUTLAY_SHEET_COLUMN_ESTIMATE);
    g_assert_cmpint (outlay_sheet_view_header_edge (
                         f.sheet, bounds.origin.x + bounds.size.width / 2, bounds.size.height / 2),
                     ==, -1);
    outlay_sheet_view_fit_column (f.sheet, (guint) edge);
  }
  iterate (3);
  width = gtk_column_view_column_get_fixed_width (column_of (&f, OUTLAY_SHEET_COLUMN_ESTIMATE));
  g_assert_cmpint (width, >, 80);
  cell = cell_of (&f, first, OUTLAY_SHEET_COLUMN_ESTIMATE);
  g_assert_cmpstr (outlay_sheet_cell_get_text (cell), ==, total);
  fixture_free (&f);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_test_add_func ("/ui/sheet/figures", test_figures);
  return g_test_run ();
}
