/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Periods page on a department budget with a fiscal year: the layout
 * (sections, lines, the budget's total row; periods across), typing a
 * month with real key events (xdotool against the Xvfb display), what
 * that does to the phasing, the totals, the database and undo, then the
 * Forecast mode after closing a period; light and dark screenshots. */

#include "config.h"

#include "outlay-ui-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "outlay-document-phasing.h"
#include "outlay-periods-page.h"
#include "outlay-rolling-forecast.h"
#include "outlay-store.h"

#define TITLE "Outlay periods test"

typedef struct
{
  char *dir;
  char *db;
  OutlayStore *store;
  OutlayDocument *doc;
  GtkWidget *window;
  OutlayPeriodsPage *page;
} Fixture;

static void
set (Fixture *f, const char *code, OutlayLineField field, const char *value)
{
  g_autoptr(GError) error = NULL;
  OutlayLine *line = outlay_document_lookup_line (f->doc, code);

  g_assert_nonnull (line);
  g_assert_true (outlay_document_set_line_text (f->doc, line, field, value, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayBudget) edited = NULL;
  gint64 id;

  f->dir = g_dir_make_tmp ("outlay-periods-XXXXXX", &error);
  f->db = g_build_filename (f->dir, "outlay.db", NULL);
  f->store = outlay_store_open (f->db, &error);
  g_assert_no_error (error);
  id = outlay_store_create_budget (f->store, "department", "Marketing FY2025", NULL, &error);
  g_assert_no_error (error);
  f->doc = outlay_store_load_document (f->store, id, &error);
  g_assert_no_error (error);
  edited = outlay_budget_copy (outlay_document_get_budget (f->doc));
  g_object_set (edited, "fiscal-start", "2025-01-01", "fiscal-end", "2025-12-31", NULL);
  g_assert_true (outlay_document_update_budget (f->doc, edited, &error));
  set (f, "6010", OUTLAY_LINE_RATE, "8000");
  set (f, "6050", OUTLAY_LINE_ESTIMATE, "12000");
  set (f, "6510", OUTLAY_LINE_RATE, "1500");
  set (f, "6010", OUTLAY_LINE_ACTUAL, "7900");
  set (f, "6010", OUTLAY_LINE_PERIOD, "2025-01");
  f->window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (f->window), TITLE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 700);
  f->page = OUTLAY_PERIODS_PAGE (outlay_periods_page_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  outlay_document_page_set_document (OUTLAY_DOCUMENT_PAGE (f->page), f->doc);
  gtk_window_present (GTK_WINDOW (f->window));
  for (guint i = 0; i < 100 && !gtk_widget_get_mapped (GTK_WIDGET (f->page)); i++)
    outlay_ui_test_run_for (50);
  outlay_ui_test_run_for (300);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  outlay_ui_test_run_for (50);
  g_clear_object (&f->doc);
  g_clear_object (&f->store);
  outlay_ui_test_remove_db (f->db);
  g_rmdir (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

/* The row of @code (a line), or of the budget (NULL). */
static guint
row_of (Fixture *f, const char *code)
{
  GListModel *rows = outlay_periods_page_get_rows (f->page);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (rows, i);

      if (code == NULL ? OUTLAY_IS_DOCUMENT (item)
                       : OUTLAY_IS_LINE (item)
                             && g_str_equal (outlay_line_get_code (OUTLAY_LINE (item)), code))
        return i;
    }
  g_error ("no row %s", code ? code : "total");
}

static char *
text (Fixture *f, const char *code, guint column)
{
  return outlay_periods_page_get_cell_text (f->page, row_of (f, code), column);
}

static void
xdo (const char *args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cmd = g_strdup_printf ("xdotool %s", args);
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  outlay_ui_test_run_for (300);
}

static gint64
db_int (Fixture *f, const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 v = -1;

  g_assert_cmpint (sqlite3_open_v2 (f->db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return v;
}

static void
save (Fixture *f, const char *name)
{
  g_autofree char *path = outlay_ui_test_screenshot_path (name);

  outlay_ui_test_run_for (300);
  for (guint i = 0; i < 20 && !outlay_ui_test_save_png (f->window, path); i++)
    outlay_ui_test_run_for (50);
}

#define JAN OUTLAY_PERIODS_FIRST_PERIOD
#define TOTAL (OUTLAY_PERIODS_FIRST_PERIOD + 12)
#define DIFFERENCE (TOTAL + 1)

static void
test_layout_and_typing (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  OutlayLine *bonus = outlay_document_lookup_line (f->doc, "6050");
  const OutlayLinePhasing *p;
  g_autofree char *s = NULL;

  /* 8 sections, 39 lines and the budget's row */
  g_assert_cmpuint (g_list_model_get_n_items (outlay_periods_page_get_rows (f->page)), ==,
                    8 + 39 + 1);
  /* Salaries 8,000 × 12 evenly; the budget per month: 8,000 + 1,000 + 1,500 */
  s = text (f, "6010", JAN);
  g_assert_cmpstr (s, ==, "8,000.00");
  g_free (s);
  s = text (f, NULL, JAN);
  g_assert_cmpstr (s, ==, "10,500.00");
  g_free (s);
  s = text (f, NULL, TOTAL);
  g_assert_cmpstr (s, ==, "126,000.00");
  g_free (s);
  save (f, "periods-light.png");

  if (g_find_program_in_path ("xdotool") == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return;
    }
  /* type December's bonus on its own: 0 in January … */
  g_assert_true (outlay_periods_page_focus_cell (f->page, row_of (f, "6050"), JAN));
  xdo ("search --onlyvisible --name '" TITLE "' windowfocus --sync");
  xdo ("type --delay 40 0");
  xdo ("key Return");
  p = outlay_document_get_line_phasing (f->doc, bonus);
  g_assert_nonnull (p);
  g_assert_cmpint (p->method, ==, OUTLAY_PHASING_METHOD_AMOUNTS);
  g_assert_cmpint (p->weights[0], ==, 0);
  g_assert_cmpint (p->weights[1], ==, OUTLAY_DECIMAL_FROM_INT (1000));
  /* the periods no longer hold the estimate: the difference is shown, and
   * the totals moved with the edit */
  s = text (f, "6050", DIFFERENCE);
  g_assert_cmpstr (s, ==, "1,000.00");
  g_free (s);
  s = text (f, NULL, JAN);
  g_assert_cmpstr (s, ==, "9,500.00");
  g_free (s);
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM line_phasing"), ==, 1);
  /* Enter moved down a row; back up and right, letters are refused */
  xdo ("key Up Right");
  xdo ("type --delay 40 abc");
  xdo ("key Return");
  s = text (f, "6050", JAN + 1);
  g_assert_cmpstr (s, ==, "1,000.00");
  g_free (s);
  xdo ("key Escape");
  /* undo brings the even spread back */
  g_assert_true (outlay_document_undo (f->doc, &error));
  g_assert_no_error (error);
  outlay_ui_test_run_for (200);
  g_assert_null (outlay_document_get_line_phasing (f->doc, bonus));
  s = text (f, NULL, JAN);
  g_assert_cmpstr (s, ==, "10,500.00");
  g_free (s);
  s = text (f, "6050", DIFFERENCE);
  g_assert_cmpstr (s, ==, "");
  g_free (s);
  s = text (f, "6020", JAN);
  g_assert_cmpstr (s, ==, "");
}

static void
test_forecast (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *s = NULL;

  g_assert_true (outlay_rolling_forecast_close (f->doc, "2025-01", NULL, &error));
  g_assert_no_error (error);
  outlay_periods_page_set_forecast (f->page, TRUE);
  outlay_ui_test_run_for (200);
  /* January shows what was spent; the rest of Salaries' 96,000 (88,100)
   * over the eleven open months */
  s = text (f, "6010", JAN);
  g_assert_cmpstr (s, ==, "7,900.00");
  g_free (s);
  s = text (f, "6010", JAN + 1);
  g_assert_cmpstr (s, ==, "8,009.09");
  g_free (s);
  s = text (f, "6010", TOTAL);
  g_assert_cmpstr (s, ==, "96,000.00");
  save (f, "periods-forecast-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  save (f, "periods-forecast-dark.png");
  outlay_periods_page_set_forecast (f->page, FALSE);
  save (f, "periods-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* The Spread menu and the Months/Quarters choice. */
static void
test_menu (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  OutlayLine *bonus = outlay_document_lookup_line (f->doc, "6050");
  const OutlayDecimal pct[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, OUTLAY_DECIMAL_FROM_INT (100) };
  g_autoptr(OutlayLinePhasing)
                 december = outlay_line_phasing_new (OUTLAY_PHASING_METHOD_PERCENT, pct, 12);
  GtkWidget *kinds;
  g_autofree char *s = NULL;

  g_assert_true (outlay_document_set_phasing (f->doc, &bonus, &december, 1, NULL, &error));
  outlay_ui_test_run_for (100);
  s = text (f, "6050", JAN + 11);
  g_assert_cmpstr (s, ==, "12,000.00");
  g_free (s);
  /* Spread ▸ Spread the Line Evenly, on the focused line */
  g_assert_true (outlay_periods_page_focus_cell (f->page, row_of (f, "6050"), JAN + 3));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "periods.spread-evenly", NULL));
  outlay_ui_test_run_for (100);
  g_assert_null (outlay_document_get_line_phasing (f->doc, bonus));
  s = text (f, "6050", JAN + 11);
  g_assert_cmpstr (s, ==, "1,000.00");
  g_free (s);
  /* the section's forecast by run rate: Forecast mode, and the section says so */
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (f->page), "periods.section-method", "s", "run-rate"));
  outlay_ui_test_run_for (100);
  g_assert_cmpint (outlay_document_get_forecast_method (f->doc, outlay_line_get_section (bonus)),
                   ==, OUTLAY_FORECAST_METHOD_RUN_RATE);
  s = outlay_periods_page_get_cell_text (f->page, row_of (f, "6050") - 5, 1);
  g_assert_cmpstr (s, ==, "Personnel · run rate");
  g_free (s);
  /* quarters: four periods, the same total */
  kinds = outlay_ui_test_find_type (GTK_WIDGET (f->page), GTK_TYPE_DROP_DOWN);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kinds), 1);
  outlay_ui_test_run_for (200);
  g_assert_cmpint (outlay_document_get_period_settings (f->doc)->kind, ==,
                   OUTLAY_PERIOD_KIND_QUARTER);
  outlay_periods_page_set_forecast (f->page, FALSE);
  s = text (f, NULL, JAN);
  g_assert_cmpstr (s, ==, "31,500.00");
  g_free (s);
  s = text (f, NULL, JAN + 4);
  g_assert_cmpstr (s, ==, "126,000.00");
  /* one undo takes the quarters back */
  g_assert_true (outlay_document_undo (f->doc, &error));
  g_assert_cmpint (outlay_document_get_period_settings (f->doc)->kind, ==,
                   OUTLAY_PERIOD_KIND_MONTH);
}

/* The message dialog the page has open. */
static AdwMessageDialog *
open_dialog (void)
{
  GListModel *tops = gtk_window_get_toplevels ();

  outlay_ui_test_run_for (200);
  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (tops, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        {
          const char *name = adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (w));
          g_autofree char *file = g_strdup_printf ("periods-%s-dialog.png", name);
          g_autofree char *path = outlay_ui_test_screenshot_path (file);

          for (guint t = 0; t < 20 && !outlay_ui_test_save_png (GTK_WIDGET (w), path); t++)
            outlay_ui_test_run_for (50);
          return ADW_MESSAGE_DIALOG (w);
        }
    }
  g_error ("no dialog open");
}

static void
message_cb (OutlayPeriodsPage *page, const char *text, char **last)
{
  g_free (*last);
  *last = g_strdup (text);
}

/* Spread ▸ by Percentages: the dialog shows the line's split now; typed
 * percentages that do not add up to 100 are refused with the reason and
 * change nothing; good ones spread the line, one undoable step. */
static void
test_spread_percent (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  OutlayLine *bonus = outlay_document_lookup_line (f->doc, "6050");
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  char *s;

  g_signal_connect (f->page, "message", G_CALLBACK (message_cb), &message);
  g_assert_true (outlay_periods_page_focus_cell (f->page, row_of (f, "6050"), JAN));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "periods.spread-percent", NULL));
  dialog = open_dialog ();
  entry = outlay_ui_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  /* evenly spread now: 8.33 eleven times, the rest in December */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==,
                   "8.33 8.33 8.33 8.33 8.33 8.33 8.33 8.33 8.33 8.33 8.33 8.37");
  gtk_editable_set_text (GTK_EDITABLE (entry), "50 40");
  adw_message_dialog_response (dialog, "spread");
  gtk_window_destroy (GTK_WINDOW (dialog));
  outlay_ui_test_run_for (100);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "12 periods"));
  g_assert_null (outlay_document_get_line_phasing (f->doc, bonus));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "periods.spread-percent", NULL));
  dialog = open_dialog ();
  entry = outlay_ui_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "50% 25 12.5 12.5 0 0 0 0 0 0 0 0");
  adw_message_dialog_response (dialog, "spread");
  gtk_window_destroy (GTK_WINDOW (dialog));
  outlay_ui_test_run_for (100);
  g_assert_nonnull (outlay_document_get_line_phasing (f->doc, bonus));
  g_assert_cmpint (outlay_document_get_line_phasing (f->doc, bonus)->method, ==,
                   OUTLAY_PHASING_METHOD_PERCENT);
  s = text (f, "6050", JAN);
  g_assert_cmpstr (s, ==, "6,000.00");
  g_free (s);
  s = text (f, "6050", JAN + 3);
  g_assert_cmpstr (s, ==, "1,500.00");
  g_free (s);
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM line_phasing"), >=, 1);
  /* one undo: even again */
  g_assert_true (outlay_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_null (outlay_document_get_line_phasing (f->doc, bonus));
}

/* Spread ▸ Follow Last Year's Actuals: another budget's line with the
 * same code gives the weights; lines it has no actuals for keep theirs,
 * and the message says how many. */
static void
test_follow_actuals (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayDocument) last = NULL;
  g_autoptr(OutlayBudget) edited = NULL;
  g_autofree char *message = NULL;
  OutlayLine *salaries = outlay_document_lookup_line (f->doc, "6010");
  AdwMessageDialog *dialog;
  GtkWidget *drop;
  gint64 id;
  char *s;

  id = outlay_store_create_budget (f->store, "department", "Marketing FY2024", NULL, &error);
  g_assert_no_error (error);
  last = outlay_store_load_document (f->store, id, &error);
  g_assert_no_error (error);
  edited = outlay_budget_copy (outlay_document_get_budget (last));
  g_object_set (edited, "fiscal-start", "2024-01-01", "fiscal-end", "2024-12-31", NULL);
  g_assert_true (outlay_document_update_budget (last, edited, &error));
  g_assert_true (outlay_document_set_line_text (last, outlay_document_lookup_line (last, "6010"),
                                                OUTLAY_LINE_ACTUAL, "5000", &error));
  g_assert_true (outlay_document_set_line_text (last, outlay_document_lookup_line (last, "6010"),
                                                OUTLAY_LINE_PERIOD, "2024-03", &error));
  g_assert_no_error (error);
  outlay_periods_page_set_store (f->page, f->store);

  g_signal_connect (f->page, "message", G_CALLBACK (message_cb), &message);
  g_assert_true (outlay_periods_page_focus_cell (f->page, row_of (f, "6010"), JAN));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "periods.follow-actuals", NULL));
  dialog = open_dialog ();
  /* the budgets to follow (not this one), then which lines */
  drop = outlay_ui_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (drop);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (drop))), ==,
                    1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_next_sibling (drop)), 2);
  adw_message_dialog_response (dialog, "follow");
  gtk_window_destroy (GTK_WINDOW (dialog));
  outlay_ui_test_run_for (100);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Marketing FY2024"));
  g_assert_nonnull (strstr (message, "1 of "));
  g_assert_cmpint (outlay_document_get_line_phasing (f->doc, salaries)->method, ==,
                   OUTLAY_PHASING_METHOD_LAST_YEAR);
  /* all of it in March, as last year */
  s = text (f, "6010", JAN + 2);
  g_assert_cmpstr (s, ==, "96,000.00");
  g_free (s);
  s = text (f, "6010", JAN + 1);
  g_assert_cmpstr (s, ==, "");
  g_free (s);
  g_assert_true (outlay_document_undo (f->doc, &error));
  g_assert_null (outlay_document_get_line_phasing (f->doc, salaries));
}

static void
load_css (void)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  load_css ();
  g_test_add ("/ui/periods-page/typing", Fixture, NULL, fixture_set_up, test_layout_and_typing,
              fixture_tear_down);
  g_test_add ("/ui/periods-page/forecast", Fixture, NULL, fixture_set_up, test_forecast,
              fixture_tear_down);
  g_test_add ("/ui/periods-page/menu", Fixture, NULL, fixture_set_up, test_menu, fixture_tear_down);
  g_test_add ("/ui/periods-page/spread-percent", Fixture, NULL, fixture_set_up, test_spread_percent,
              fixture_tear_down);
  g_test_add ("/ui/periods-page/follow-actuals", Fixture, NULL, fixture_set_up, test_follow_actuals,
              fixture_tear_down);
  return g_test_run ();
}
