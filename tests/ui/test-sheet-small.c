/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small things a spreadsheet user trips on: the find bar matches section
 * names, counts and says when nothing matches; the "Days" header follows
 * the lines' units; a budget with no allocation says so; a saved version
 * on show keeps a bar with the way back; a budget opens at its top; the
 * last budget used opens in the next window. Runs under Xvfb. */

#include "config.h"

#include "outlay-ui-test-util.h"

#include "outlay-sheet-cell.h"

#include <adwaita.h>
#include <string.h>

#include "outlay-application.h"
#include "outlay-budget-overview.h"
#include "outlay-sheet-view-private.h"
#include "outlay-store-versions.h"
#include "outlay-template.h"
#include "outlay-topsheet-view.h"
#include "outlay-window.h"

static void
iterate (guint n)
{
  for (guint i = 0; i < n; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* Lets a few frames pass: GtkSearchEntry and the column view act on
 * their own time; every wait here is bounded. */
static void
settle (void)
{
  for (guint i = 0; i < 5; i++)
    {
      g_usleep (20000);
      iterate (1);
    }
}

/* A label (or sheet cell) on screen showing @text. */
static GtkWidget *
find_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  if (GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0)
    return widget;
  /* the sheet's cells draw their text themselves */
  if (OUTLAY_IS_SHEET_CELL (widget) && gtk_widget_get_mapped (widget)
      && !outlay_sheet_cell_is_editing (OUTLAY_SHEET_CELL (widget))
      && g_strcmp0 (outlay_sheet_cell_get_text (OUTLAY_SHEET_CELL (widget)), text) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether a mapped widget at or below @widget has the CSS class @css. */
static gboolean
shows_class (GtkWidget *widget, const char *css)
{
  if (gtk_widget_get_mapped (widget) && gtk_widget_has_css_class (widget, css))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (shows_class (c, css))
      return TRUE;
  return FALSE;
}

static GtkWidget *
show_in_window (GtkWidget *page, int width, int height)
{
  GtkWidget *window = gtk_window_new ();
  guint tries = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (page))
    {
      g_assert_cmpuint (++tries, <, 500);
      g_usleep (10000);
      iterate (1);
    }
  settle ();
  return window;
}

static void
save_png (GtkWidget *window, const char *name)
{
  g_autofree char *path = outlay_ui_test_screenshot_path (name);

  for (guint tries = 0; !outlay_ui_test_save_png (window, path); tries++)
    {
      g_assert_cmpuint (tries, <, 100);
      settle ();
    }
}

/* Light, then dark. */
static void
save_pngs (GtkWidget *window, const char *stem)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *light = g_strconcat (stem, ".png", NULL);
  g_autofree char *dark = g_strconcat (stem, "-dark.png", NULL);

  save_png (window, light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  settle ();
  save_png (window, dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  settle ();
}

static OutlayDocument *template(const char *id)
{
  g_autoptr(GError) error = NULL;
  OutlayDocument *doc = outlay_template_build (id, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

/* ---- the find bar ---- */

static void
search (OutlaySheetView *sheet, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (sheet->search_entry), text);
  /* what the entry does a moment after the last key */
  g_signal_emit_by_name (sheet->search_entry, "search-changed");
  settle ();
}

static guint
n_lines_shown (OutlaySheetView *sheet)
{
  GListModel *rows = outlay_sheet_view_get_rows (sheet);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (rows, i);

      n += OUTLAY_IS_LINE (item);
    }
  return n;
}

static void
test_search (void)
{
  g_autoptr(OutlayDocument) doc = template("software");
  OutlaySheetView *sheet = g_object_new (OUTLAY_TYPE_SHEET_VIEW, NULL);
  OutlaySection *frontend = outlay_document_get_section (doc, 3);
  GtkWidget *window;

  g_assert_cmpstr (outlay_section_get_name (frontend), ==, "Frontend");
  outlay_sheet_view_set_document (sheet, doc);
  window = show_in_window (GTK_WIDGET (sheet), 1100, 600);
  outlay_sheet_view_start_search (sheet);
  settle ();

  /* a section's name shows all its lines, though none says "frontend" */
  search (sheet, "frontend");
  g_assert_cmpuint (n_lines_shown (sheet), ==, outlay_section_get_n_lines (frontend));
  g_assert_cmpuint (outlay_section_get_n_lines (frontend), ==, 5);
  g_assert_nonnull (find_label (window, "5 lines match"));
  g_assert_nonnull (find_label (window, "Component development"));

  /* lines still match by their own words, across sections */
  search (sheet, "review");
  g_assert_cmpuint (n_lines_shown (sheet), ==, 3);
  g_assert_nonnull (find_label (window, "3 lines match"));
  g_assert_nonnull (find_label (window, "Code review"));
  save_pngs (window, "sheet-small-search");

  /* nothing: a page that says so in place of an empty sheet */
  search (sheet, "Marketing");
  g_assert_cmpuint (n_lines_shown (sheet), ==, 0);
  g_assert_nonnull (find_label (window, "No lines match “Marketing”"));
  g_assert_nonnull (find_label (window, "No lines match"));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (sheet->column_view)));
  save_pngs (window, "sheet-small-search-empty");

  /* cleared: the whole sheet, no count */
  search (sheet, "");
  g_assert_cmpuint (n_lines_shown (sheet), ==, outlay_document_get_n_lines (doc));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (sheet->column_view)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (sheet->match_label)));

  /* closed with its button: no lines stay hidden behind a closed bar */
  search (sheet, "review");
  g_assert_cmpuint (n_lines_shown (sheet), ==, 3);
  gtk_search_bar_set_search_mode (sheet->search_bar, FALSE);
  settle ();
  g_assert_cmpuint (n_lines_shown (sheet), ==, outlay_document_get_n_lines (doc));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (2);
}

/* ---- the multiplier's header ---- */

static const char *
multiplier_title (OutlaySheetView *sheet)
{
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (
      gtk_column_view_get_columns (sheet->column_view), OUTLAY_SHEET_COLUMN_MULTIPLIER);

  settle ();
  return gtk_column_view_column_get_title (column);
}

static void
set_unit (OutlayDocument *doc, OutlayLine *line, const char *unit)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_UNIT, unit, &error));
  g_assert_no_error (error);
}

static void
test_multiplier_title (void)
{
  g_autoptr(OutlayDocument) event = template("event");
  g_autoptr(OutlayDocument) software = template("software");
  g_autoptr(OutlayDocument) blank = template("blank");
  OutlaySheetView *sheet = g_object_new (OUTLAY_TYPE_SHEET_VIEW, NULL);
  GtkWidget *columns = g_object_ref_sink (outlay_sheet_view_columns_button (sheet));
  GtkCheckButton *check = GTK_CHECK_BUTTON (sheet->column_checks[OUTLAY_SHEET_COLUMN_MULTIPLIER]);
  OutlayLine *first;
  GtkWidget *window;

  /* an event's lines are by the day, or flat, or each */
  outlay_sheet_view_set_document (sheet, event);
  window = show_in_window (GTK_WIDGET (sheet), 1100, 500);
  g_assert_cmpstr (multiplier_title (sheet), ==, "Days");
  /* the Columns menu and a typed estimate's tooltip say it too */
  g_assert_cmpstr (gtk_check_button_get_label (check), ==, "Days");
  g_assert_nonnull (strstr (outlay_sheet_view_overridden_tip (sheet), "qty × days × rate"));
  save_pngs (window, "sheet-small-days");

  /* one line by the hour among days: the header says neither */
  first = outlay_section_get_line (outlay_document_get_section (event, 0), 0);
  set_unit (event, first, "hours");
  g_assert_cmpstr (multiplier_title (sheet), ==, "×");
  set_unit (event, first, "Day");
  g_assert_cmpstr (multiplier_title (sheet), ==, "Days");

  /* a software project is priced by the hour */
  outlay_sheet_view_set_document (sheet, software);
  g_assert_cmpstr (multiplier_title (sheet), ==, "Hours");
  g_assert_cmpstr (gtk_check_button_get_label (check), ==, "Hours");
  g_assert_nonnull (strstr (outlay_sheet_view_overridden_tip (sheet), "qty × hours × rate"));

  /* no units at all: the menu names the column by what it is */
  outlay_sheet_view_set_document (sheet, blank);
  g_assert_cmpstr (multiplier_title (sheet), ==, "×");
  g_assert_cmpstr (gtk_check_button_get_label (check), ==, "Multiplier");
  g_assert_nonnull (strstr (outlay_sheet_view_overridden_tip (sheet), "qty × multiplier × rate"));
  g_object_unref (columns);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (2);
}

/* ---- no allocation ---- */

static void
test_no_allocation (void)
{
  g_autoptr(OutlayDocument) doc = template("event");
  g_autoptr(GError) error = NULL;
  g_auto(GValue) cap = G_VALUE_INIT;
  GtkWidget *topsheet = outlay_topsheet_view_new ();
  GtkWidget *window;

  g_assert_cmpint (outlay_budget_get_allocated (outlay_document_get_budget (doc)), ==, 0);
  g_assert_true (outlay_document_set_line_decimal (
      doc, outlay_section_get_line (outlay_document_get_section (doc, 0), 0), OUTLAY_LINE_ESTIMATE,
      OUTLAY_DECIMAL_FROM_INT (5400), &error));
  outlay_topsheet_view_set_document (OUTLAY_TOPSHEET_VIEW (topsheet), doc);
  window = show_in_window (topsheet, 900, 1000);

  /* the top sheet: no red "Remaining −5,400.00" */
  g_assert_nonnull (find_label (window, "No allocation set"));
  g_assert_null (find_label (window, "Remaining"));
  g_assert_false (shows_class (window, "over-budget"));
  save_pngs (window, "sheet-small-no-allocation");

  /* with an allocation, what remains of it */
  g_value_init (&cap, G_TYPE_INT64);
  g_value_set_int64 (&cap, OUTLAY_DECIMAL_FROM_INT (5000));
  g_assert_true (outlay_document_set_budget_value (doc, "allocated", &cap, &error));
  g_assert_no_error (error);
  settle ();
  g_assert_nonnull (find_label (window, "Remaining"));
  g_assert_null (find_label (window, "No allocation set"));
  g_assert_true (shows_class (window, "over-budget"));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (2);

  /* the overview says so too, with no percentage of nothing */
  g_value_set_int64 (&cap, 0);
  g_assert_true (outlay_document_set_budget_value (doc, "allocated", &cap, &error));
  window = show_in_window (g_object_new (OUTLAY_TYPE_BUDGET_OVERVIEW, "document", doc, NULL), 900,
                           600);
  save_pngs (window, "sheet-small-overview-no-allocation");
  g_assert_nonnull (find_label (window, "No allocation set"));
  g_assert_false (shows_class (window, "over-budget"));
  save_pngs (window, "sheet-small-overview-no-allocation");
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (2);
}

/* ---- the window: versions, scrolling, the last budget ---- */

typedef struct
{
  OutlayApplication *app;
  OutlayWindow *window;
  gint64 first; /* listed first: shown when nothing is remembered */
  gint64 other;
  gboolean done;
  guint waited;
} App;

static void
window_added_cb (GtkApplication *app, GtkWindow *window, App *a)
{
  if (OUTLAY_IS_WINDOW (window) && a->window == NULL)
    a->window = OUTLAY_WINDOW (window);
}

static gint64
shown_id (OutlayWindow *window)
{
  OutlayDocument *doc = outlay_window_get_document (window);

  return doc != NULL ? outlay_budget_get_id (outlay_document_get_budget (doc)) : 0;
}

static OutlaySheetView *
sheet_of (OutlayWindow *window)
{
  return OUTLAY_SHEET_VIEW (outlay_ui_test_find_type (GTK_WIDGET (window), OUTLAY_TYPE_SHEET_VIEW));
}

static GtkAdjustment *
sheet_vadjustment (OutlayWindow *window)
{
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (sheet_of (window)->column_view));
}

static GtkWidget *
versions_dialog (void)
{
  GListModel *tops = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (tops, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (w), "OutlayVersionsDialog"))
        return w;
    }
  return NULL;
}

/* Saves "Bid" of the budget shown and opens it from the Versions dialog. */
static void
check_version_bar (App *a)
{
  GtkWidget *window = GTK_WIDGET (a->window);
  OutlayStore *store = outlay_application_get_store (a->app);
  OutlayDocument *current = outlay_window_get_document (a->window);
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayVersion) bid = outlay_store_save_version (store, current, "Bid", NULL, &error);
  g_autoptr(OutlayDocument) frozen = NULL;
  g_autofree char *title = NULL;
  g_autofree char *bar = NULL;
  AdwViewStack *views;

  g_assert_no_error (error);
  frozen = outlay_store_load_version (store, outlay_version_get_id (bid), &error);
  g_assert_no_error (error);
  title = outlay_document_page_version_title (frozen);
  g_assert_true (g_str_has_prefix (title, "Version “Bid”, saved "));
  bar = g_strdup_printf ("%s · read only", title);

  g_assert_null (find_label (window, bar));
  gtk_widget_activate_action (window, "win.versions", NULL);
  g_assert_nonnull (versions_dialog ());
  g_signal_emit_by_name (versions_dialog (), "open-version", frozen);
  gtk_window_destroy (GTK_WINDOW (versions_dialog ()));
  settle ();
  g_assert_true (outlay_window_get_document (a->window) == frozen);

  /* the bar stays, on every page, and the top sheet calls it a version */
  g_assert_nonnull (find_label (window, bar));
  /* said once: the header's subtitle stays the client's */
  g_assert_null (strstr (adw_view_switcher_title_get_subtitle (ADW_VIEW_SWITCHER_TITLE (
                             outlay_ui_test_find_type (window, ADW_TYPE_VIEW_SWITCHER_TITLE))),
                         "Bid"));
  g_assert_nonnull (find_label (window, "Back to Current Budget"));
  save_pngs (window, "sheet-small-version");
  views = ADW_VIEW_STACK (outlay_ui_test_find_type (window, ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (views, "topsheet");
  settle ();
  g_assert_nonnull (find_label (window, bar));
  g_assert_nonnull (find_label (window, title));
  g_assert_null (find_label (window, "Locked"));
  save_pngs (window, "sheet-small-version-topsheet");
  adw_view_stack_set_visible_child_name (views, "sheet");
  settle ();
  g_assert_nonnull (find_label (window, bar));

  /* back: the current budget, editable, no bar */
  g_assert_true (gtk_widget_activate_action (window, "win.back-to-current", NULL));
  settle ();
  g_assert_null (outlay_document_get_frozen_name (outlay_window_get_document (a->window)));
  g_assert_cmpint (shown_id (a->window), ==, a->other);
  g_assert_null (find_label (window, bar));
}

/* One budget scrolled to its end, then another: seen from its top. */
static void
check_opens_at_top (App *a)
{
  GtkAdjustment *v = sheet_vadjustment (a->window);
  AdwViewStack *views;

  g_assert_true (outlay_window_select_budget (a->window, a->first));
  settle ();
  gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v));
  settle ();
  g_assert_cmpfloat (gtk_adjustment_get_value (v), >, 0);
  g_assert_true (outlay_window_select_budget (a->window, a->other));
  settle ();
  g_assert_cmpint (shown_id (a->window), ==, a->other);
  g_assert_cmpfloat (gtk_adjustment_get_value (sheet_vadjustment (a->window)), ==, 0);

  /* the top sheet too */
  views = ADW_VIEW_STACK (outlay_ui_test_find_type (GTK_WIDGET (a->window), ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (views, "topsheet");
  settle ();
  v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (outlay_ui_test_find_type (
      outlay_ui_test_find_type (GTK_WIDGET (a->window), OUTLAY_TYPE_TOPSHEET_VIEW),
      GTK_TYPE_SCROLLED_WINDOW)));
  gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v));
  settle ();
  g_assert_cmpfloat (gtk_adjustment_get_value (v), >, 0);
  g_assert_true (outlay_window_select_budget (a->window, a->first));
  settle ();
  g_assert_cmpfloat (gtk_adjustment_get_value (v), ==, 0);
  g_assert_true (outlay_window_select_budget (a->window, a->other));
  adw_view_stack_set_visible_child_name (views, "sheet");
  settle ();
}

static gboolean
run_cb (gpointer data)
{
  App *a = data;
  OutlayWindow *second;

  if (a->window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (a->window)))
    {
      g_assert_cmpuint (++a->waited, <, 100);
      return G_SOURCE_CONTINUE;
    }
  settle ();
  check_opens_at_top (a);
  check_version_bar (a);

  /* the next window opens on the budget used last, not the first listed */
  g_application_hold (G_APPLICATION (a->app));
  gtk_window_destroy (GTK_WINDOW (a->window));
  settle ();
  second = outlay_window_new (a->app);
  gtk_window_present (GTK_WINDOW (second));
  settle ();
  g_assert_cmpint (shown_id (second), ==, a->other);
  gtk_window_destroy (GTK_WINDOW (second));
  g_application_release (G_APPLICATION (a->app));
  a->done = TRUE;
  g_application_quit (G_APPLICATION (a->app));
  return G_SOURCE_REMOVE;
}

static void
test_window (void)
{
  g_autofree char *dir = g_dir_make_tmp ("outlay-sheet-small-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "outlay.db", NULL);
  char *argv[] = { (char *) "outlay", (char *) "--database", db, NULL };
  g_autoptr(GError) error = NULL;
  App a = { 0 };

  {
    g_autoptr(OutlayStore) store = outlay_store_open (db, &error);
    g_autoptr(GPtrArray) listed = NULL;
    gint64 sample, copy;

    g_assert_no_error (error);
    g_assert_true (outlay_store_add_sample (store, &sample, &error));
    copy = outlay_store_duplicate_budget (store, sample, "Second bid", &error);
    g_assert_no_error (error);
    g_assert_cmpint (copy, >, 0);
    listed = outlay_store_list_budgets (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (listed->len, ==, 2);
    a.first = outlay_budget_get_id (g_ptr_array_index (listed, 0));
    a.other = a.first == sample ? copy : sample;
  }
  a.app = outlay_application_new ();
  g_signal_connect (a.app, "window-added", G_CALLBACK (window_added_cb), &a);
  g_timeout_add (100, run_cb, &a);
  g_assert_cmpint (g_application_run (G_APPLICATION (a.app), 3, argv), ==, 0);
  g_assert_true (a.done);
  g_object_unref (a.app);
  outlay_ui_test_remove_db (db);
  g_rmdir (dir);
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
  g_test_add_func ("/ui/sheet-small/search", test_search);
  g_test_add_func ("/ui/sheet-small/multiplier-title", test_multiplier_title);
  g_test_add_func ("/ui/sheet-small/no-allocation", test_no_allocation);
  g_test_add_func ("/ui/sheet-small/window", test_window);
  return g_test_run ();
}
