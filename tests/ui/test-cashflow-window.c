/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Cash Flow window: Alt+Down pays a bill later in its day (stored,
 * undoable), Mark Paid records a different amount through its dialog and
 * the running balance follows; screenshots of the schedule and the chart
 * in the light and dark styles. */

#include "config.h"

#include "outlay-ui-test-util.h"

#include <string.h>

#include "outlay-account-dialog.h"
#include "outlay-bill-dialog.h"
#include "outlay-cashflow-row.h"
#include "outlay-cashflow-window.h"
#include "outlay-chart-view.h"
#include "outlay-store-bills.h"
#include "outlay-store-private.h"

#define D(units) OUTLAY_DECIMAL_FROM_INT (units)

typedef struct
{
  char *dir;
  char *db;
  OutlayStore *store;
  OutlayCashflowWindow *window;
} Fixture;

static gint64
add_bill (Fixture *f,
          gint64 account,
          const char *payee,
          gint64 amount,
          const char *start,
          const char *rule,
          gboolean income)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayBill) b = g_object_new (OUTLAY_TYPE_BILL, "payee", payee, "account-id", account,
                                           "amount", D (amount), "due-date", start, "recurrence",
                                           rule, "income", income, NULL);

  g_assert_true (outlay_store_save_bill (f->store, b, &error));
  g_assert_no_error (error);
  return outlay_bill_get_id (b);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayAccount) checking = g_object_new (
      OUTLAY_TYPE_ACCOUNT, "name", "Checking", "currency", "EUR", "balance", D (1000),
      "balance-date", "2026-03-01", "reserve", D (100), NULL);
  g_autoptr (OutlayAccount) savings = g_object_new (
      OUTLAY_TYPE_ACCOUNT, "name", "Savings", "currency", "EUR", "balance", D (5000),
      "balance-date", "2026-03-01", "kind", OUTLAY_ACCOUNT_KIND_SAVINGS, NULL);
  GDate from, to;
  gint64 id;

  g_setenv ("OUTLAY_TODAY", "2026-03-10", TRUE);
  f->dir = g_dir_make_tmp ("outlay-cashflow-XXXXXX", &error);
  f->db = g_build_filename (f->dir, "outlay.db", NULL);
  f->store = outlay_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_store_save_account (f->store, checking, &error));
  g_assert_true (outlay_store_save_account (f->store, savings, &error));
  id = outlay_account_get_id (checking);
  add_bill (f, id, "Salary", 2400, "2026-01-30", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
            TRUE);
  add_bill (f, id, "Rent", 1200, "2026-01-01", "FREQ=MONTHLY", FALSE);
  add_bill (f, id, "Car loan", 200, "2026-01-01", "FREQ=MONTHLY", FALSE);
  add_bill (f, id, "Phone", 50, "2026-01-15", "FREQ=MONTHLY", FALSE);
  add_bill (f, id, "Insurance", 300, "2026-03-20", "", FALSE);
  add_bill (f, id, "Groceries", 90, "2026-03-07", "FREQ=WEEKLY", FALSE);
  add_bill (f, outlay_account_get_id (savings), "Interest", 12, "2026-03-31",
            "FREQ=MONTHLY;BYMONTHDAY=-1", TRUE);
  f->window = outlay_cashflow_window_new (NULL, f->store);
  g_date_set_dmy (&from, 1, 3, 2026);
  g_date_set_dmy (&to, 30, 4, 2026);
  outlay_cashflow_window_set_range (f->window, &from, &to);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  outlay_ui_test_run_for (300);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
  outlay_ui_test_remove_db (f->db);
  g_rmdir (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

/* The schedule's row of @payee on @iso, or -1 */
static int
row_of (Fixture *f, const char *payee, const char *iso)
{
  GListModel *model = G_LIST_MODEL (outlay_cashflow_window_get_selection (f->window));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (OutlayCashflowRow) row = g_list_model_get_item (model, i);
      const OutlayScheduleItem *item = outlay_cashflow_row_get_item (row);
      g_autofree char *date = outlay_date_to_iso (&item->date);

      if (g_str_equal (outlay_bill_get_payee (item->bill), payee) && g_str_equal (date, iso))
        return i;
    }
  return -1;
}

static char *
cell_text (Fixture *f, int position, guint column)
{
  GListModel *model = G_LIST_MODEL (outlay_cashflow_window_get_selection (f->window));
  g_autoptr (OutlayCashflowRow) row = g_list_model_get_item (model, position);

  return outlay_cashflow_row_get_text (row, column);
}

static int
query (Fixture *f, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int v = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (outlay_store_get_db (f->store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

static void
test_alt_down (Fixture *f, gconstpointer data)
{
  GtkSingleSelection *selection = outlay_cashflow_window_get_selection (f->window);
  int rent = row_of (f, "Rent", "2026-04-01");
  int car = row_of (f, "Car loan", "2026-04-01");
  g_autofree char *rent_balance = NULL;

  /* unordered, the rent (added first) is paid first */
  g_assert_cmpint (rent, >=, 0);
  g_assert_cmpint (car, ==, rent + 1);
  gtk_single_selection_set_selected (selection, rent);
  gtk_widget_grab_focus (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "cashflow.move-down", NULL));
  outlay_ui_test_run_for (50);
  g_assert_cmpint (row_of (f, "Car loan", "2026-04-01"), ==, rent);
  g_assert_cmpint (row_of (f, "Rent", "2026-04-01"), ==, rent + 1);
  /* the moved row stays selected */
  g_assert_cmpint (gtk_single_selection_get_selected (selection), ==, rent + 1);
  /* stored: the car first, then the rent */
  g_assert_cmpint (query (f, "SELECT position FROM bill_occurrences o JOIN bills b ON b.id ="
                             " o.bill_id WHERE b.payee = 'Car loan' AND original = '2026-04-01'"),
                   ==, 0);
  g_assert_cmpint (query (f, "SELECT position FROM bill_occurrences o JOIN bills b ON b.id ="
                             " o.bill_id WHERE b.payee = 'Rent' AND original = '2026-04-01'"),
                   ==, 1);
  /* 31 March: 1,000 − 90 × 4 − 50 − 300 + 2,400 = 2,690; car 2,490; rent 1,290 */
  rent_balance = cell_text (f, rent + 1, OUTLAY_CASHFLOW_COLUMN_BALANCE);
  g_assert_cmpstr (rent_balance, ==, "€1,290.00");
  /* Alt+Up past the first of the day rings the bell, changes nothing */
  gtk_single_selection_set_selected (selection, rent);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "cashflow.move-up", NULL));
  g_assert_cmpint (row_of (f, "Car loan", "2026-04-01"), ==, rent);
  /* undo puts the rule's order back, and the rows go */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "cashflow.undo", NULL));
  outlay_ui_test_run_for (50);
  g_assert_cmpint (row_of (f, "Rent", "2026-04-01"), ==, rent);
  g_assert_cmpint (query (f, "SELECT count(*) FROM bill_occurrences"), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "cashflow.redo", NULL));
  g_assert_cmpint (row_of (f, "Rent", "2026-04-01"), ==, rent + 1);
}

/* The cell widget showing @row in the schedule, or NULL */
static GtkWidget *
cell_for_row (GtkWidget *widget, OutlayCashflowRow *row)
{
  if (g_object_get_data (G_OBJECT (widget), "row") == row)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = cell_for_row (c, row);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkDropTarget *
drop_target_of (GtkWidget *cell)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (cell);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (c))
        return GTK_DROP_TARGET (c);
    }
  return NULL;
}

/* Dropping the car loan's row on the rent's (what a drag ends with) pays
 * the car loan first */
static void
test_drop (Fixture *f, gconstpointer data)
{
  GListModel *model = G_LIST_MODEL (outlay_cashflow_window_get_selection (f->window));
  int rent = row_of (f, "Rent", "2026-04-01");
  g_autoptr (OutlayCashflowRow) dragged = g_list_model_get_item (model, rent + 1);
  g_autoptr (OutlayCashflowRow) onto = g_list_model_get_item (model, rent);
  g_auto (GValue) value = G_VALUE_INIT;
  GtkDropTarget *target;
  GtkWidget *cell, *view;
  graphene_point_t at;
  graphene_rect_t bounds;
  gboolean dropped = FALSE;

  /* the day's rows are on screen (rows 10 and 11), so they have cells */
  outlay_ui_test_run_for (100);
  cell = cell_for_row (GTK_WIDGET (f->window), onto);
  g_assert_nonnull (cell);
  /* the schedule's one drop target, at a point of the rent's cell */
  view = gtk_widget_get_ancestor (cell, GTK_TYPE_COLUMN_VIEW);
  target = drop_target_of (view);
  g_assert_nonnull (target);
  g_assert_true (gtk_widget_compute_bounds (cell, view, &bounds));
  graphene_rect_get_center (&bounds, &at);
  g_value_init (&value, OUTLAY_TYPE_CASHFLOW_ROW);
  g_value_set_object (&value, dragged);
  g_signal_emit_by_name (target, "drop", &value, (double) at.x, (double) at.y, &dropped);
  g_assert_true (dropped);
  outlay_ui_test_run_for (50);
  g_assert_cmpint (row_of (f, "Car loan", "2026-04-01"), ==, rent);
  g_assert_cmpint (query (f, "SELECT position FROM bill_occurrences o JOIN bills b ON b.id ="
                             " o.bill_id WHERE b.payee = 'Car loan' AND original = '2026-04-01'"),
                   ==, 0);
}

static void
test_mark_paid (Fixture *f, gconstpointer data)
{
  GtkSingleSelection *selection = outlay_cashflow_window_get_selection (f->window);
  int phone = row_of (f, "Phone", "2026-03-15");
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  g_autofree char *status = NULL, *balance = NULL, *amount = NULL;

  g_assert_cmpint (phone, >=, 0);
  gtk_single_selection_set_selected (selection, phone);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "cashflow.mark-paid", NULL));
  outlay_ui_test_run_for (100);
  dialog = outlay_cashflow_window_get_dialog (f->window);
  g_assert_nonnull (dialog);
  entry = outlay_ui_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_TEXT);
  g_assert_nonnull (entry);
  /* the bill's amount is offered */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "50");
  gtk_editable_set_text (GTK_EDITABLE (entry), "61.30");
  adw_message_dialog_response (dialog, "pay");
  outlay_ui_test_run_for (100);
  g_assert_cmpint (query (f, "SELECT paid_amount FROM bill_occurrences WHERE status = 'paid'"
                             " AND original = '2026-03-15'"),
                   ==, 613000);
  status = cell_text (f, phone, OUTLAY_CASHFLOW_COLUMN_STATUS);
  g_assert_cmpstr (status, ==, "Paid");
  amount = cell_text (f, phone, OUTLAY_CASHFLOW_COLUMN_AMOUNT);
  g_assert_cmpstr (amount, ==, "−€61.30");
  /* 1,000 − 90 (7 March's groceries, overdue, carried to today) − 90
   * (14 March) − 61.30 */
  balance = cell_text (f, phone, OUTLAY_CASHFLOW_COLUMN_BALANCE);
  g_assert_cmpstr (balance, ==, "€758.70");
}

/* The preferences row titled @title under @widget */
static GtkWidget *
find_row (GtkWidget *widget, const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_row (c, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_save_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "suggested-action"))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_save_button (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_bill_dialog (void)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (OUTLAY_IS_BILL_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static GtkWidget *
find_named (GtkWidget *widget, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A bill pays into a budget line picked by searching as you type: the
 * row says which, Save stores it with its budget, No Budget Line takes
 * it off again */
static void
test_bill_line (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = NULL;
  GtkWidget *dialog, *search, *row;
  gint64 budget_id = 0, line_id;

  g_assert_true (outlay_store_add_sample (f->store, &budget_id, &error));
  g_assert_no_error (error);
  line_id = query (f, "SELECT max(id) FROM lines");
  sql = g_strdup_printf (
      "UPDATE budgets SET currency = 'EUR';"
      " UPDATE lines SET description = 'Grip truck rental' WHERE id = %" G_GINT64_FORMAT,
      line_id);
  g_assert_true (outlay_store_exec (f->store, sql, &error));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "cashflow.add-bill", NULL));
  outlay_ui_test_run_for (200);
  dialog = find_bill_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, "Payee")), "Grips Ltd");
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, "Amount")), "640");
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, "First Due Date (YYYY-MM-DD)")),
                         "2026-03-20");
  row = find_row (dialog, "Budget Line");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "None: paying it changes no budget");
  gtk_menu_button_popup (GTK_MENU_BUTTON (find_named (dialog, "bill-line-button")));
  outlay_ui_test_run_for (100);
  search = find_named (dialog, "bill-line-search");
  g_assert_true (gtk_widget_has_focus (search) || gtk_widget_get_focus_child (search) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), "grip truck");
  /* the search entry waits a moment before it searches */
  outlay_ui_test_run_for (400);
  {
    GListModel *found = G_LIST_MODEL (
        gtk_list_view_get_model (GTK_LIST_VIEW (find_named (dialog, "bill-line-list"))));
    g_autoptr (GtkStringObject) first = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
    first = g_list_model_get_item (found, 0);
    g_assert_nonnull (strstr (gtk_string_object_get_string (first), "Grip truck rental"));
  }
  {
    GtkWidget *popover = gtk_widget_get_ancestor (search, GTK_TYPE_POPOVER);
    g_autofree char *light = outlay_ui_test_screenshot_path ("cashflow-bill-line-search.png");
    g_autofree char *dark = outlay_ui_test_screenshot_path ("cashflow-bill-line-search-dark.png");
    AdwStyleManager *style = adw_style_manager_get_default ();

    for (int i = 0; i < 20 && !outlay_ui_test_save_png (popover, light); i++)
      outlay_ui_test_run_for (50);
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
    outlay_ui_test_run_for (100);
    for (int i = 0; i < 20 && !outlay_ui_test_save_png (popover, dark); i++)
      outlay_ui_test_run_for (50);
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  }
  g_signal_emit_by_name (find_named (dialog, "bill-line-list"), "activate", 0);
  outlay_ui_test_run_for (100);
  g_assert_nonnull (
      strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Grip truck rental"));
  {
    g_autofree char *path = outlay_ui_test_screenshot_path ("cashflow-bill-line.png");

    for (int i = 0; i < 20 && !outlay_ui_test_save_png (dialog, path); i++)
      outlay_ui_test_run_for (50);
  }
  g_signal_emit_by_name (find_save_button (dialog), "clicked");
  outlay_ui_test_run_for (100);
  g_assert_null (find_bill_dialog ());
  g_free (sql);
  sql = g_strdup_printf (
      "SELECT count(*) FROM bills WHERE payee = 'Grips Ltd' AND line_id = %" G_GINT64_FORMAT
      " AND budget_id = %" G_GINT64_FORMAT,
      line_id, budget_id);
  g_assert_cmpint (query (f, sql), ==, 1);
}

static void save_when_drawn (Fixture *f, const char *name);

/* New Bill: the preset writes the rule, the words follow, Save writes it,
 * undo takes it out again */
static void
test_new_bill (Fixture *f, gconstpointer data)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "cashflow.add-bill", NULL));
  outlay_ui_test_run_for (200);
  dialog = find_bill_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, "Payee")), "Payroll tax");
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, "Amount")), "410.5");
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, "First Due Date (YYYY-MM-DD)")),
                         "2026-03-31");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (dialog, "Repeats")), 6);
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (find_row (dialog, "Rule (RFC 5545 RRULE)"))), ==,
      "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1");
  {
    g_autofree char *path = outlay_ui_test_screenshot_path ("cashflow-bill-dialog.png");

    outlay_ui_test_run_for (200);
    for (int i = 0; i < 20 && !outlay_ui_test_save_png (dialog, path); i++)
      outlay_ui_test_run_for (50);
  }
  gtk_window_close (GTK_WINDOW (dialog));
  outlay_ui_test_run_for (100);
  /* closing without Save writes nothing */
  g_assert_cmpint (query (f, "SELECT count(*) FROM bills WHERE payee = 'Payroll tax'"), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "cashflow.add-bill", NULL));
  outlay_ui_test_run_for (200);
  dialog = find_bill_dialog ();
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, "Payee")), "Payroll tax");
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, "Amount")), "410.5");
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, "First Due Date (YYYY-MM-DD)")),
                         "2026-03-31");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (dialog, "Repeats")), 6);
  /* a rule that never occurs is refused, and nothing is written */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (dialog, "Repeats")), 9);
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, "Rule (RFC 5545 RRULE)")),
                         "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30");
  g_signal_emit_by_name (find_save_button (dialog), "clicked");
  outlay_ui_test_run_for (100);
  g_assert_true (find_bill_dialog () == dialog);
  g_assert_cmpint (query (f, "SELECT count(*) FROM bills WHERE payee = 'Payroll tax'"), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (dialog, "Repeats")), 5);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (dialog, "Repeats")), 6);
  g_signal_emit_by_name (find_save_button (dialog), "clicked");
  outlay_ui_test_run_for (100);
  g_assert_null (find_bill_dialog ());
  g_assert_cmpint (query (f, "SELECT amount FROM bills WHERE payee = 'Payroll tax' AND recurrence"
                             " = 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1'"),
                   ==, 4105000);
  g_assert_cmpint (row_of (f, "Payroll tax", "2026-03-31"), >=, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "cashflow.undo", NULL));
  g_assert_cmpint (query (f, "SELECT count(*) FROM bills WHERE payee = 'Payroll tax'"), ==, 0);
  g_assert_cmpint (row_of (f, "Payroll tax", "2026-03-31"), ==, -1);
}

/* Delete Bill takes every occurrence out; undo brings it back with the
 * occurrence that was marked paid */
static void
test_delete_bill (Fixture *f, gconstpointer data)
{
  GtkSingleSelection *selection = outlay_cashflow_window_get_selection (f->window);

  g_assert_true (
      outlay_cashflow_window_mark_paid (f->window, row_of (f, "Phone", "2026-03-15"), 613000));
  gtk_single_selection_set_selected (selection, row_of (f, "Phone", "2026-04-15"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "cashflow.delete-bill", NULL));
  g_assert_cmpint (row_of (f, "Phone", "2026-03-15"), ==, -1);
  g_assert_cmpint (query (f, "SELECT count(*) FROM bills WHERE payee = 'Phone'"), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "cashflow.undo", NULL));
  g_assert_cmpint (query (f, "SELECT count(*) FROM bills WHERE payee = 'Phone'"), ==, 1);
  g_assert_cmpint (query (f, "SELECT paid_amount FROM bill_occurrences WHERE status = 'paid'"), ==,
                   613000);
  g_assert_cmpint (row_of (f, "Phone", "2026-04-15"), >=, 0);
}

static GtkWidget *
find_account_dialog (void)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (OUTLAY_IS_ACCOUNT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* New Account writes it; Record Balance re-anchors the projection; both
 * undo */
static void
test_accounts (Fixture *f, gconstpointer data)
{
  GtkWidget *dialog, *box, *amount, *date;
  AdwMessageDialog *balance;
  int phone;
  g_autofree char *after = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "cashflow.add-account", NULL));
  outlay_ui_test_run_for (200);
  dialog = find_account_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, "Name")), "Cash box");
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, "Currency (ISO 4217)")), "eur");
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, "Opening Balance")), "120");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (dialog, "Kind")), OUTLAY_ACCOUNT_KIND_CASH);
  g_signal_emit_by_name (find_save_button (dialog), "clicked");
  outlay_ui_test_run_for (100);
  g_assert_null (find_account_dialog ());
  g_assert_cmpint (query (f, "SELECT balance FROM accounts WHERE name = 'Cash box' AND currency ="
                             " 'EUR' AND kind = 'cash'"),
                   ==, 1200000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "cashflow.undo", NULL));
  g_assert_cmpint (query (f, "SELECT count(*) FROM accounts WHERE name = 'Cash box'"), ==, 0);

  /* Checking (the first account) read 700 at the end of 9 March */
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (f->window), "cashflow.record-balance", NULL));
  outlay_ui_test_run_for (100);
  balance = outlay_cashflow_window_get_dialog (f->window);
  g_assert_nonnull (balance);
  box = adw_message_dialog_get_extra_child (balance);
  amount = gtk_widget_get_first_child (box);
  date = gtk_widget_get_next_sibling (amount);
  gtk_editable_set_text (GTK_EDITABLE (amount), "700");
  gtk_editable_set_text (GTK_EDITABLE (date), "2026-03-09");
  adw_message_dialog_response (balance, "record");
  outlay_ui_test_run_for (100);
  g_assert_cmpint (query (f, "SELECT balance FROM balance_snapshots WHERE date = '2026-03-09'"), ==,
                   7000000);
  /* 700 − 90 (14 March) − 50 */
  phone = row_of (f, "Phone", "2026-03-15");
  after = cell_text (f, phone, OUTLAY_CASHFLOW_COLUMN_BALANCE);
  g_assert_cmpstr (after, ==, "€560.00");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "cashflow.undo", NULL));
  g_assert_cmpint (query (f, "SELECT count(*) FROM balance_snapshots"), ==, 0);
}

static void
save_when_drawn (Fixture *f, const char *name)
{
  g_autofree char *path = outlay_ui_test_screenshot_path (name);

  for (int i = 0; i < 20 && !outlay_ui_test_save_png (GTK_WIDGET (f->window), path); i++)
    outlay_ui_test_run_for (50);
}

/* The balance chart's context menu (Shift+F10) offers Export as PNG, SVG
 * and PDF; what the chosen file gets is the chart the window draws. */
static void
test_chart_export (Fixture *f, gconstpointer data)
{
  GtkWidget *chart = outlay_ui_test_find_type (GTK_WIDGET (f->window), OUTLAY_TYPE_CHART_VIEW);
  GtkWidget *menu = NULL;
  g_autofree char *path = g_build_filename (f->dir, "balance.png", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  gsize length = 0;

  g_assert_nonnull (chart);
  g_assert_nonnull (outlay_chart_view_get_chart (OUTLAY_CHART_VIEW (chart)));
  g_assert_true (gtk_widget_activate_action (chart, "chart.menu", NULL));
  outlay_ui_test_run_for (100);
  for (GtkWidget *c = gtk_widget_get_first_child (chart); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_POPOVER_MENU (c))
      menu = c;
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_get_visible (menu));
  {
    GMenuModel *model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu));
    g_autofree char *action = NULL;

    g_assert_cmpint (g_menu_model_get_n_items (model), ==, 3);
    g_assert_true (
        g_menu_model_get_item_attribute (model, 2, G_MENU_ATTRIBUTE_ACTION, "s", &action));
    g_assert_cmpstr (action, ==, "chart.export");
  }
  gtk_popover_popdown (GTK_POPOVER (menu));

  g_assert_true (outlay_chart_view_export (OUTLAY_CHART_VIEW (chart), path, OUTLAY_CHART_FILE_PNG,
                                           800, 300, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, 4, "\x89PNG", 4);
  g_unlink (path);
}

static void
test_screenshots (Fixture *f, gconstpointer data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  GDate from, to;

  /* a tax bill that takes Checking below zero before the salary: the
   * shortfall and what would cover it show above the chart */
  add_bill (f, 1, "Tax instalment", 600, "2026-03-25", "", FALSE);
  g_date_set_dmy (&from, 1, 3, 2026);
  g_date_set_dmy (&to, 30, 4, 2026);
  outlay_cashflow_window_set_range (f->window, &from, &to);
  gtk_single_selection_set_selected (outlay_cashflow_window_get_selection (f->window),
                                     row_of (f, "Rent", "2026-04-01"));
  outlay_ui_test_run_for (200);
  save_when_drawn (f, "cashflow-light.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  outlay_ui_test_run_for (300);
  save_when_drawn (f, "cashflow-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/cashflow/alt-down", test_alt_down);
  ADD ("/ui/cashflow/drop", test_drop);
  ADD ("/ui/cashflow/mark-paid", test_mark_paid);
  ADD ("/ui/cashflow/new-bill", test_new_bill);
  ADD ("/ui/cashflow/bill-line", test_bill_line);
  ADD ("/ui/cashflow/delete-bill", test_delete_bill);
  ADD ("/ui/cashflow/accounts", test_accounts);
  ADD ("/ui/cashflow/chart-export", test_chart_export);
  ADD ("/ui/cashflow/screenshots", test_screenshots);
#undef ADD
  return g_test_run ();
}
