/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sheet's numbers can be trusted as read: figures are never cut short
 * (columns fit them; what still does not fit shows ### with the whole
 * value in its tooltip). Runs the sheet in a window under Xvfb. */

#include "config.h"

#include "outlay-ui-test-util.h"

#include <adwaita.h>
#include <string.h>

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

/* The message dialog that is up, waiting up to a few seconds for it. */
static AdwMessageDialog *
wait_dialog (void)
{
  for (guint tries = 0; tries < 300; tries++)
    {
      GListModel *tops = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
        {
          g_autoptr(GObject) w = g_list_model_get_item (tops, i);

          if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
            return ADW_MESSAGE_DIALOG (w);
        }
      g_usleep (10000);
      iterate (1);
    }
  return NULL;
}

static void
set_clipboard (Fixture *f, const char *text)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (f->window), text);
}

/* Runs a sheet action on line @index of the first section's @column. */
static void
act_on (Fixture *f, guint index, guint column, const char *action)
{
  OutlaySection *first = outlay_document_get_section (f->doc, 0);
  gpointer item = index == G_MAXUINT ? (gpointer) first : outlay_section_get_line (first, index);
  guint row;

  g_assert_true (
      g_list_store_find (G_LIST_STORE (outlay_sheet_view_get_rows (f->sheet)), item, &row));
  g_assert_true (outlay_sheet_view_focus_cell (f->sheet, row, column));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->sheet), action, NULL));
  iterate (3);
}

static const char *
description (Fixture *f, guint index)
{
  return outlay_line_get_description (
      outlay_section_get_line (outlay_document_get_section (f->doc, 0), index));
}

static void
test_paste_spent (void)
{
  g_autoptr(GError) error = NULL;
  Fixture f = { 0 };
  OutlaySection *first;
  OutlayLine *spent;
  g_autofree char *was = NULL;
  AdwMessageDialog *dialog;
  guint n;

  fixture_show (&f, outlay_template_build ("software", NULL, &error));
  g_assert_no_error (error);
  first = outlay_document_get_section (f.doc, 0);
  spent = outlay_section_get_line (first, 0);
  was = g_strdup (outlay_line_get_description (spent));
  g_assert_true (outlay_document_set_line_decimal (f.doc, spent, OUTLAY_LINE_ACTUAL,
                                                   OUTLAY_DECIMAL_FROM_INT (500), &error));
  n = outlay_section_get_n_lines (first);
  set_clipboard (&f, "Catering\nSecurity\n");

  /* over a line with spending: asked first; Cancel changes nothing */
  act_on (&f, 0, OUTLAY_SHEET_COLUMN_DESCRIPTION, "sheet.paste");
  dialog = wait_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Paste Over Lines With Spending?");
  g_assert_true (strstr (adw_message_dialog_get_body (dialog), "1 of the lines") != NULL);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate (3);
  g_assert_cmpstr (description (&f, 0), ==, was);
  g_assert_cmpuint (outlay_section_get_n_lines (first), ==, n);

  /* "Insert as New Lines": the spending stays under its own description */
  act_on (&f, 0, OUTLAY_SHEET_COLUMN_DESCRIPTION, "sheet.paste");
  dialog = wait_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "insert");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate (3);
  g_assert_cmpuint (outlay_section_get_n_lines (first), ==, n + 2);
  g_assert_cmpstr (description (&f, 0), ==, "Catering");
  g_assert_cmpstr (description (&f, 1), ==, "Security");
  g_assert_cmpstr (description (&f, 2), ==, was);
  g_assert_cmpint (outlay_line_get_actual (outlay_section_get_line (first, 2)), ==,
                   OUTLAY_DECIMAL_FROM_INT (500));
  g_assert_true (outlay_document_undo (f.doc, &error));
  g_assert_cmpuint (outlay_section_get_n_lines (first), ==, n);

  /* "Paste Over", chosen knowingly, relabels it */
  act_on (&f, 0, OUTLAY_SHEET_COLUMN_DESCRIPTION, "sheet.paste");
  dialog = wait_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "replace");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate (3);
  g_assert_cmpuint (outlay_section_get_n_lines (first), ==, n);
  g_assert_cmpstr (description (&f, 0), ==, "Catering");
  g_assert_true (outlay_document_undo (f.doc, &error));

  /* lines without spending are pasted over without a question */
  act_on (&f, 2, OUTLAY_SHEET_COLUMN_DESCRIPTION, "sheet.paste");
  iterate (5);
  g_assert_cmpstr (description (&f, 2), ==, "Catering");
  g_assert_cmpstr (description (&f, 3), ==, "Security");
  g_assert_cmpuint (outlay_section_get_n_lines (first), ==, n);
  fixture_free (&f);
}

static void
test_insert_copied (void)
{
  g_autoptr(GError) error = NULL;
  Fixture f = { 0 };
  OutlaySection *first;
  g_autofree char *was = NULL;
  guint n;

  fixture_show (&f, outlay_template_build ("software", NULL, &error));
  g_assert_no_error (error);
  first = outlay_document_get_section (f.doc, 0);
  was = g_strdup (description (&f, 1));
  g_assert_true (outlay_document_set_line_decimal (f.doc, outlay_section_get_line (first, 1),
                                                   OUTLAY_LINE_COMMITTED,
                                                   OUTLAY_DECIMAL_FROM_INT (70), &error));
  n = outlay_section_get_n_lines (first);
  set_clipboard (&f, "Venue\t1\tday\t2\t300\n");
  /* adds above the focused line, overwriting nothing: no question */
  act_on (&f, 1, OUTLAY_SHEET_COLUMN_DESCRIPTION, "sheet.insert-copied");
  iterate (5);
  g_assert_cmpuint (outlay_section_get_n_lines (first), ==, n + 1);
  g_assert_cmpstr (description (&f, 1), ==, "Venue");
  g_assert_cmpint (outlay_line_get_estimate (outlay_section_get_line (first, 1)), ==,
                   OUTLAY_DECIMAL_FROM_INT (600));
  g_assert_cmpstr (description (&f, 2), ==, was);
  g_assert_cmpstr (outlay_document_get_undo_label (f.doc), ==, "Insert 1 Copied Line");
  fixture_free (&f);
}

static gboolean
menu_has (GMenuModel *model, const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has (section, action))
        return TRUE;
      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_str_equal (name, action))
        return TRUE;
    }
  return FALSE;
}

static void
test_menu (void)
{
  g_autoptr(GError) error = NULL;
  Fixture f = { 0 };
  static const char *const actions[] = { "sheet.cut",         "sheet.copy",
                                         "sheet.paste",       "sheet.insert-copied",
                                         "sheet.insert-line", "sheet.delete-line" };
  GtkWidget *menu;
  OutlaySection *first;
  g_autofree char *was = NULL;
  guint n;

  fixture_show (&f, outlay_template_build ("software", NULL, &error));
  g_assert_no_error (error);
  first = outlay_document_get_section (f.doc, 0);
  menu = outlay_sheet_view_get_menu (f.sheet);
  g_assert_true (GTK_IS_POPOVER_MENU (menu));
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_true (
        menu_has (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu)), actions[i]));

  /* the menu's actions do what their keys do */
  n = outlay_section_get_n_lines (first);
  act_on (&f, 0, OUTLAY_SHEET_COLUMN_DESCRIPTION, "sheet.insert-line");
  g_assert_cmpuint (outlay_section_get_n_lines (first), ==, n + 1);
  g_assert_cmpstr (description (&f, 1), ==, "");
  /* with the section's next free code: 1.1 … 1.5, then 1.6 */
  g_assert_cmpstr (outlay_line_get_code (outlay_section_get_line (first, 1)), ==, "1.6");
  act_on (&f, 1, OUTLAY_SHEET_COLUMN_DESCRIPTION, "sheet.delete-line");
  g_assert_cmpuint (outlay_section_get_n_lines (first), ==, n);

  /* Cut takes the line out; Insert Copied Lines on the Code column puts it back */
  was = g_strdup (description (&f, 0));
  act_on (&f, 0, OUTLAY_SHEET_COLUMN_DESCRIPTION, "sheet.cut");
  g_assert_cmpuint (outlay_section_get_n_lines (first), ==, n - 1);
  g_assert_cmpstr (description (&f, 0), !=, was);
  act_on (&f, 2, OUTLAY_SHEET_COLUMN_CODE, "sheet.insert-copied");
  iterate (5);
  g_assert_cmpuint (outlay_section_get_n_lines (first), ==, n);
  g_assert_cmpstr (description (&f, 2), ==, was);

  /* Copy, then Paste over another line */
  act_on (&f, 2, OUTLAY_SHEET_COLUMN_DESCRIPTION, "sheet.copy");
  act_on (&f, 3, OUTLAY_SHEET_COLUMN_DESCRIPTION, "sheet.paste");
  iterate (5);
  g_assert_cmpstr (description (&f, 3), ==, was);
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
  g_test_add_func ("/ui/sheet/paste-over-spending", test_paste_spent);
  g_test_add_func ("/ui/sheet/insert-copied-lines", test_insert_copied);
  g_test_add_func ("/ui/sheet/context-menu", test_menu);
  return g_test_run ();
}
