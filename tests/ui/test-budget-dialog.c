/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opens the Budget Properties dialog on the sample budget of a new
 * database, edits it as a user would and checks the document, the undo
 * stack and the audit trail in SQLite; then locks and unlocks it. */

#include "config.h"

#include "outlay-ui-test-util.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "outlay-budget-dialog.h"
#include "outlay-error.h"
#include "outlay-store-private.h"

#define LOCKED_TEXT "This budget is locked. Unlock it to make changes."

typedef struct
{
  char           *dir;
  char           *db;
  OutlayStore    *store;
  OutlayDocument *doc;
  GtkWidget      *dialog;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  f->dir = g_dir_make_tmp ("outlay-budget-dialog-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "outlay.db", NULL);
  f->store = outlay_store_open (f->db, &error);
  g_assert_no_error (error);
  id = outlay_store_create_budget (f->store, "sample", NULL, NULL, &error);
  g_assert_no_error (error);
  f->doc = outlay_store_load_document (f->store, id, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (f->dialog));
  g_clear_weak_pointer (&f->dialog);
  g_clear_object (&f->doc);
  g_clear_object (&f->store);
  outlay_ui_test_remove_db (f->db);
  g_rmdir (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

static void
open_dialog (Fixture *f)
{
  GtkWidget *dialog = outlay_budget_dialog_new (NULL, f->doc);

  g_set_weak_pointer (&f->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  for (guint i = 0; i < 100 && !gtk_widget_get_mapped (dialog); i++)
    outlay_ui_test_run_for (50);
  g_assert_true (gtk_widget_get_mapped (dialog));
  outlay_ui_test_run_for (200);
}

/* The preferences row titled @title, as a user finds it. */
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
find_button (GtkWidget *widget, const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
click (GtkWidget *root, const char *label)
{
  GtkWidget *button = find_button (root, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static GtkWidget *
row (Fixture *f, const char *title)
{
  GtkWidget *found = find_row (f->dialog, title);

  g_assert_nonnull (found);
  return found;
}

static void
type_into (Fixture *f, const char *title, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row (f, title)), text);
}

/* The question on screen, if any. */
static AdwMessageDialog *
shown_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  AdwMessageDialog *dialog = shown_message_dialog ();

  g_assert_nonnull (dialog);
  return dialog;
}

static gint64
sql_count (Fixture *f, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (outlay_store_get_db (f->store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
save_screenshot (GtkWidget *widget, const char *name)
{
  g_autofree char *path = outlay_ui_test_screenshot_path (name);

  g_assert_true (outlay_ui_test_save_png (widget, path));
}

static void
test_apply (Fixture *f, gconstpointer data)
{
  OutlayBudget *budget = outlay_document_get_budget (f->doc);
  g_autofree char *client = g_strdup (outlay_budget_get_client (budget));
  OutlayDecimal allocated = outlay_budget_get_allocated (budget);
  g_autoptr(GError) error = NULL;
  GtkWidget *apply;

  g_assert_cmpint (outlay_budget_get_kind (budget), ==, OUTLAY_BUDGET_KIND_AICP);
  open_dialog (f);
  apply = find_button (f->dialog, "_Apply");
  g_assert_nonnull (apply);
  g_assert_true (gtk_widget_get_mapped (row (f, "Agency")));
  g_assert_false (gtk_widget_get_mapped (row (f, LOCKED_TEXT)));
  g_assert_false (gtk_widget_is_sensitive (apply));

  /* a bad number is marked, named, and blocks Apply */
  type_into (f, "Allocated Amount", "12,,5");
  g_assert_true (gtk_widget_has_css_class (row (f, "Allocated Amount"), "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (row (f, "Allocated Amount")),
                            "“12,,5” is not a number"));
  g_assert_false (gtk_widget_is_sensitive (apply));
  type_into (f, "Fiscal Start", "2025-02-30");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row (f, "Fiscal Start")), ==,
                   "“2025-02-30” is not a date; write it as YYYY-MM-DD");
  type_into (f, "Fiscal Start", "");
  type_into (f, "Warning Threshold", "99");
  g_assert_true (gtk_widget_has_css_class (row (f, "Warning Threshold"), "error"));
  type_into (f, "Warning Threshold", "80%");
  g_assert_false (gtk_widget_has_css_class (row (f, "Warning Threshold"), "error"));

  type_into (f, "Client", "Northwind Pictures");
  type_into (f, "Allocated Amount", "250000.50");
  g_assert_false (gtk_widget_has_css_class (row (f, "Allocated Amount"), "error"));
  g_assert_null (gtk_widget_get_tooltip_text (row (f, "Allocated Amount")));
  g_assert_true (gtk_widget_is_sensitive (apply));
  outlay_ui_test_run_for (200);
  save_screenshot (f->dialog, "budget-dialog.png");

  click (f->dialog, "_Apply");
  g_assert_cmpstr (outlay_budget_get_client (budget), ==, "Northwind Pictures");
  g_assert_cmpint (outlay_budget_get_allocated (budget), ==, 2500005000);
  /* "80%" is the stored 80: not a change */
  g_assert_cmpint (outlay_budget_get_warning_threshold (budget), ==, OUTLAY_DECIMAL_FROM_INT (80));
  outlay_ui_test_run_for (100);
  g_assert_null (f->dialog);
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM budgets WHERE client = "
                                 "'Northwind Pictures' AND allocated = 2500005000"), ==, 1);
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM audit WHERE entity = 'budget'"
                                 " AND action = 'update' AND field IN ('client', 'allocated')"),
                   ==, 2);
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM audit WHERE entity = 'budget'"
                                 " AND field = 'allocated' AND new_value = '250000.5'"), ==, 1);

  /* both changes are one command */
  g_assert_cmpstr (outlay_document_get_undo_label (f->doc), ==, "Edit Budget");
  g_assert_true (outlay_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_budget_get_client (budget), ==, client);
  g_assert_cmpint (outlay_budget_get_allocated (budget), ==, allocated);
  g_assert_false (outlay_document_can_undo (f->doc));
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM budgets WHERE client = "
                                 "'Northwind Pictures'"), ==, 0);
}

static void
choose_status (Fixture *f, OutlayBudgetStatus status)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (f, "Status")), status);
  outlay_ui_test_run_for (100);
}

static void
test_lock (Fixture *f, gconstpointer data)
{
  OutlayBudget *budget = outlay_document_get_budget (f->doc);
  OutlayLine *line = outlay_section_get_line (outlay_document_get_section (f->doc, 0), 0);
  g_autofree char *heading = g_strdup_printf ("Lock “%s”?", outlay_budget_get_name (budget));
  OutlayBudgetStatus before = outlay_budget_get_status (budget);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *question;

  g_assert_cmpint (before, !=, OUTLAY_BUDGET_STATUS_LOCKED);
  open_dialog (f);

  /* Cancel puts the row back */
  choose_status (f, OUTLAY_BUDGET_STATUS_LOCKED);
  question = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, heading);
  click (GTK_WIDGET (question), "_Cancel");
  outlay_ui_test_run_for (100);
  g_assert_cmpint (outlay_budget_get_status (budget), ==, before);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row (f, "Status"))), ==, before);

  choose_status (f, OUTLAY_BUDGET_STATUS_LOCKED);
  g_signal_emit_by_name (find_message_dialog (), "response", "lock");
  outlay_ui_test_run_for (200);
  g_assert_null (shown_message_dialog ());
  g_assert_true (outlay_document_get_read_only (f->doc));
  g_assert_cmpint (outlay_budget_get_status (budget), ==, OUTLAY_BUDGET_STATUS_LOCKED);
  g_assert_true (gtk_widget_get_mapped (row (f, LOCKED_TEXT)));
  g_assert_false (gtk_widget_is_sensitive (row (f, "Client")));
  g_assert_false (gtk_widget_is_sensitive (find_button (f->dialog, "_Apply")));
  g_assert_true (gtk_widget_is_sensitive (row (f, "Status")));
  g_assert_false (outlay_document_set_line_text (f->doc, line, OUTLAY_LINE_DESCRIPTION, "Grip",
                                                 &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM audit WHERE field = 'status'"
                                 " AND new_value = 'locked'"), ==, 1);
  save_screenshot (f->dialog, "budget-dialog-locked.png");

  /* unlocking from the status row, cancelled: still locked */
  choose_status (f, OUTLAY_BUDGET_STATUS_DRAFT);
  question = find_message_dialog ();
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_heading (question), "Unlock “"));
  adw_message_dialog_response (question, "cancel");
  outlay_ui_test_run_for (100);
  g_assert_null (shown_message_dialog ());
  g_assert_true (outlay_document_get_read_only (f->doc));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row (f, "Status"))), ==,
                    OUTLAY_BUDGET_STATUS_LOCKED);

  /* and from the banner's Unlock… button */
  click (f->dialog, "_Unlock…");
  outlay_ui_test_run_for (100);
  click (GTK_WIDGET (find_message_dialog ()), "_Unlock");
  outlay_ui_test_run_for (100);
  g_assert_false (outlay_document_get_read_only (f->doc));
  g_assert_cmpint (outlay_budget_get_status (budget), ==, OUTLAY_BUDGET_STATUS_APPROVED);
  g_assert_true (gtk_widget_is_sensitive (row (f, "Client")));
  g_assert_false (gtk_widget_get_mapped (row (f, LOCKED_TEXT)));
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM audit WHERE entity = 'budget'"
                                 " AND field = 'status' AND old_value = 'locked'"
                                 " AND new_value = 'approved'"), ==, 1);
  g_assert_true (outlay_document_set_line_text (f->doc, line, OUTLAY_LINE_DESCRIPTION, "Grip",
                                                &error));
  g_assert_no_error (error);
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
  g_test_add ("/ui/budget-dialog/apply", Fixture, NULL, fixture_set_up, test_apply,
              fixture_tear_down);
  g_test_add ("/ui/budget-dialog/lock", Fixture, NULL, fixture_set_up, test_lock,
              fixture_tear_down);
  return g_test_run ();
}
