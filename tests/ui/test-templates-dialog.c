/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Templates of the user's own in the UI: New Budget lists them after the
 * built-in ones and creates from them, also in the running application;
 * Save as Template suggests a name, says why a taken one cannot be saved
 * and stays open, and saves a free one. */

#include "config.h"

#include "outlay-ui-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

#include "outlay-application.h"
#include "outlay-new-budget-dialog.h"
#include "outlay-save-template-dialog.h"
#include "outlay-store-templates.h"
#include "outlay-template.h"
#include "outlay-window.h"

typedef struct
{
  char           *dir;
  char           *db;
  OutlayStore    *store;
  OutlayDocument *doc;
  GtkWidget      *parent;
  GtkWidget      *dialog;
} Fixture;

static void
remove_database (const char *db)
{
  outlay_ui_test_remove_db (db);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  f->dir = g_dir_make_tmp ("outlay-templates-dialog-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "outlay.db", NULL);
  f->store = outlay_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_store_add_sample (f->store, &id, &error));
  g_assert_no_error (error);
  f->doc = outlay_store_load_document (f->store, id, &error);
  g_assert_no_error (error);
  f->parent = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (f->parent));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (f->dialog));
  g_clear_weak_pointer (&f->dialog);
  gtk_window_destroy (GTK_WINDOW (f->parent));
  g_clear_object (&f->doc);
  g_clear_object (&f->store);
  remove_database (f->db);
  g_rmdir (f->dir);
  g_free (f->db);
  g_free (f->dir);
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

/* A label on screen showing @text. */
static gboolean
shows_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (shows_label (c, text))
      return TRUE;
  return FALSE;
}

/* The visible top-level window of @type titled @title, or NULL. */
static GtkWidget *
find_toplevel (GType type, const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window)
          && (title == NULL || g_strcmp0 (gtk_window_get_title (GTK_WINDOW (window)), title) == 0))
        return window;
    }
  return NULL;
}

static void
click (GtkWidget *dialog, const char *label)
{
  GtkWidget *button = find_button (dialog, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  outlay_ui_test_run_for (100);
}

/* The Start From choices, "Blank,…,Mine (yours)". */
static char *
start_from (GtkWidget *dialog)
{
  AdwComboRow *row = ADW_COMBO_ROW (outlay_ui_test_find_type (dialog, ADW_TYPE_COMBO_ROW));
  GListModel *model = adw_combo_row_get_model (row);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_string_append_printf (s, "%s%s", i ? "," : "",
                            gtk_string_list_get_string (GTK_STRING_LIST (model), i));
  return g_string_free (s, FALSE);
}

static void
select_start_from (GtkWidget *dialog, const char *label)
{
  AdwComboRow *row = ADW_COMBO_ROW (outlay_ui_test_find_type (dialog, ADW_TYPE_COMBO_ROW));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  g_error ("“%s” is not in Start From: %s", label, start_from (dialog));
}

static const char *
entry_row_text (GtkWidget *dialog, const char *title)
{
  for (GtkWidget *w = outlay_ui_test_find_type (dialog, ADW_TYPE_ENTRY_ROW); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (ADW_IS_ENTRY_ROW (w)
        && g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), title))
      return gtk_editable_get_text (GTK_EDITABLE (w));
  g_error ("no row “%s”", title);
  return NULL;
}

static void
set_entry_row_text (GtkWidget *dialog, const char *title, const char *text)
{
  for (GtkWidget *w = outlay_ui_test_find_type (dialog, ADW_TYPE_ENTRY_ROW); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (ADW_IS_ENTRY_ROW (w)
        && g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), title))
      {
        gtk_editable_set_text (GTK_EDITABLE (w), text);
        return;
      }
  g_error ("no row “%s”", title);
}

static char *
built_in_names (void)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < outlay_template_get_n_templates (); i++)
    g_string_append_printf (s, "%s%s", i ? "," : "", outlay_template_get_name (i));
  return g_string_free (s, FALSE);
}

static gint64
save_template (Fixture *f, gint64 budget_id, const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = outlay_store_save_as_template (f->store, budget_id, name, &error);

  g_assert_no_error (error);
  return id;
}

static void
test_new_budget (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayDocument) made = NULL;
  g_autoptr(OutlayDocument) tmpl = NULL;
  g_autoptr(OutlayDocument) app = NULL;
  g_auto(GValue) currency = G_VALUE_INIT;
  g_autofree char *builtins = built_in_names ();
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  g_autofree char *mine_ref = NULL;
  OutlayNewBudgetDialog *dialog;
  gint64 euro, mine, euro_template, id;

  /* a software project with its rates, kept in euros */
  euro = outlay_store_create_budget (f->store, "software", "App", NULL, &error);
  g_assert_no_error (error);
  app = outlay_store_load_document (f->store, euro, &error);
  g_assert_no_error (error);
  g_value_init (&currency, G_TYPE_STRING);
  g_value_set_string (&currency, "EUR");
  g_assert_true (outlay_document_set_budget_value (app, "currency", &currency, &error));
  g_assert_no_error (error);
  euro_template = save_template (f, euro, "Euro app");
  mine = save_template (f, outlay_budget_get_id (outlay_document_get_budget (f->doc)),
                        "My AICP bid");
  mine_ref = outlay_user_template_id (mine);

  f->dialog = outlay_new_budget_dialog_new_for_store (GTK_WINDOW (f->parent), f->store);
  g_object_add_weak_pointer (G_OBJECT (f->dialog), (gpointer *) &f->dialog);
  dialog = OUTLAY_NEW_BUDGET_DIALOG (f->dialog);
  gtk_window_present (GTK_WINDOW (f->dialog));
  outlay_ui_test_run_for (200);

  /* the built-in ones, then the user's, by name */
  want = g_strconcat (builtins, ",Euro app (yours),My AICP bid (yours)", NULL);
  got = start_from (f->dialog);
  g_assert_cmpstr (got, ==, want);
  g_assert_cmpstr (outlay_new_budget_dialog_get_template (dialog), ==, "blank");
  g_assert_cmpstr (entry_row_text (f->dialog, "Currency (ISO code)"), ==, "USD");

  select_start_from (f->dialog, "My AICP bid (yours)");
  g_assert_cmpstr (outlay_new_budget_dialog_get_template (dialog), ==, mine_ref);
  /* a template in euros brings its currency, so its rates are kept */
  select_start_from (f->dialog, "Euro app (yours)");
  g_assert_cmpstr (entry_row_text (f->dialog, "Currency (ISO code)"), ==, "EUR");
  set_entry_row_text (f->dialog, "Name", "Euro launch");
  g_assert_true (gtk_widget_is_sensitive (find_button (f->dialog, "C_reate")));

  /* what the window does with the answers */
  id = outlay_store_create_budget (f->store, outlay_new_budget_dialog_get_template (dialog),
                                   outlay_new_budget_dialog_get_name (dialog),
                                   outlay_new_budget_dialog_get_currency (dialog), &error);
  g_assert_no_error (error);
  made = outlay_store_load_document (f->store, id, &error);
  g_assert_no_error (error);
  tmpl = outlay_store_load_document (f->store, euro_template, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (outlay_budget_get_name (outlay_document_get_budget (made)), ==, "Euro launch");
  g_assert_cmpstr (outlay_budget_get_currency (outlay_document_get_budget (made)), ==, "EUR");
  g_assert_cmpuint (outlay_document_get_n_lines (made), ==, outlay_document_get_n_lines (tmpl));
  g_assert_cmpint (outlay_document_get_totals (made)->estimate, ==,
                   outlay_document_get_totals (tmpl)->estimate);
  g_assert_cmpint (outlay_document_get_totals (made)->estimate, >, 0);

  /* a currency the user typed stays, whatever the template */
  set_entry_row_text (f->dialog, "Currency (ISO code)", "GBP");
  select_start_from (f->dialog, "My AICP bid (yours)");
  g_assert_cmpstr (entry_row_text (f->dialog, "Currency (ISO code)"), ==, "GBP");
  g_assert_cmpstr (outlay_new_budget_dialog_get_currency (dialog), ==, "GBP");
}

/* Without templates of the user's, or without a store, the list is the
 * built-in one, as before. */
static void
test_new_budget_none (Fixture *f, gconstpointer data)
{
  g_autofree char *builtins = built_in_names ();
  g_autofree char *got = NULL;

  g_assert_null (g_application_get_default ());
  f->dialog = outlay_new_budget_dialog_new (GTK_WINDOW (f->parent));
  g_object_add_weak_pointer (G_OBJECT (f->dialog), (gpointer *) &f->dialog);
  got = start_from (f->dialog);
  g_assert_cmpstr (got, ==, builtins);
  gtk_window_destroy (GTK_WINDOW (f->dialog));
  g_clear_pointer (&got, g_free);

  f->dialog = outlay_new_budget_dialog_new_for_store (GTK_WINDOW (f->parent), f->store);
  g_object_add_weak_pointer (G_OBJECT (f->dialog), (gpointer *) &f->dialog);
  got = start_from (f->dialog);
  g_assert_cmpstr (got, ==, builtins);
}

static GtkWidget *
present_save_dialog (Fixture *f)
{
  GtkWidget *dialog;

  outlay_save_template_dialog_present (GTK_WINDOW (f->parent), f->store, f->doc);
  outlay_ui_test_run_for (200);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Save as Template");
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->parent));
  g_set_weak_pointer (&f->dialog, dialog);
  return dialog;
}

static guint
n_templates (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = outlay_store_list_templates (f->store, &error);

  g_assert_no_error (error);
  return templates->len;
}

static void
test_save (Fixture *f, gconstpointer data)
{
  const char *budget_name = outlay_budget_get_name (outlay_document_get_budget (f->doc));
  g_autofree char *suggested = g_strdup_printf ("%s template", budget_name);
  g_autofree char *clash = g_strdup_printf ("You already have a template named “%s”. Choose "
                                            "another name.", suggested);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  GtkWidget *dialog;
  GtkEditable *entry;

  save_template (f, outlay_budget_get_id (outlay_document_get_budget (f->doc)), suggested);
  dialog = present_save_dialog (f);
  entry = GTK_EDITABLE (outlay_ui_test_find_type (dialog, GTK_TYPE_ENTRY));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, suggested);
  g_assert_true (shows_label (dialog, "New budgets can start from it. Its sections and lines are "
                                      "kept, without actual, committed or reserved amounts."));

  /* taken: said in the dialog, which stays open */
  click (dialog, "_Save");
  g_assert_nonnull (f->dialog);
  g_assert_true (gtk_widget_get_mapped (dialog));
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, clash);
  g_assert_true (shows_label (dialog, clash));
  g_assert_cmpuint (n_templates (f), ==, 1);

  /* an empty name cannot be saved; a new one can */
  gtk_editable_set_text (entry, "  ");
  g_assert_false (gtk_widget_is_sensitive (find_button (dialog, "_Save")));
  gtk_editable_set_text (entry, "Commercial bid");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), !=, clash);
  click (dialog, "_Save");
  g_assert_null (f->dialog);
  templates = outlay_store_list_templates (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, 2);
  g_assert_cmpstr (outlay_budget_get_name (g_ptr_array_index (templates, 0)), ==,
                   "Commercial bid");
}

/* Cancel, and closing the dialog (Escape), save nothing and close it. */
static void
test_save_cancel (Fixture *f, gconstpointer data)
{
  GtkWidget *dialog = present_save_dialog (f);

  click (dialog, "_Cancel");
  g_assert_null (f->dialog);
  dialog = present_save_dialog (f);
  gtk_window_close (GTK_WINDOW (dialog));
  outlay_ui_test_run_for (100);
  g_assert_null (f->dialog);
  g_assert_cmpuint (n_templates (f), ==, 0);
}

/* The running application: New Budget finds the user's templates in the
 * application's store, and Create makes a budget from one. */
typedef struct
{
  OutlayApplication *app;
  OutlayWindow      *window;
  char              *template_label;
  guint              waited;
  gboolean           checked;
} App;

static gboolean
app_check_cb (gpointer data)
{
  App *a = data;
  OutlayDocument *doc;
  GtkWidget *dialog;

  if (a->window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (a->window)))
    {
      g_assert_cmpuint (++a->waited, <, 100);
      return G_SOURCE_CONTINUE;
    }
  gtk_widget_activate_action (GTK_WIDGET (a->window), "win.new-budget", NULL);
  outlay_ui_test_run_for (200);
  dialog = find_toplevel (OUTLAY_TYPE_NEW_BUDGET_DIALOG, NULL);
  g_assert_nonnull (dialog);
  select_start_from (dialog, a->template_label);
  set_entry_row_text (dialog, "Name", "From my template");
  click (dialog, "C_reate");
  outlay_ui_test_run_for (200);

  /* the window opened the new budget: the template's sections and lines */
  doc = outlay_window_get_document (a->window);
  g_assert_nonnull (doc);
  g_assert_cmpstr (outlay_budget_get_name (outlay_document_get_budget (doc)), ==,
                   "From my template");
  g_assert_cmpuint (outlay_document_get_n_sections (doc), ==, 16);
  g_assert_cmpuint (outlay_document_get_n_lines (doc), >=, 95);
  g_assert_cmpint (outlay_document_get_totals (doc)->actual, ==, 0);
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, >, 0);
  a->checked = TRUE;
  g_application_quit (G_APPLICATION (a->app));
  return G_SOURCE_REMOVE;
}

static void
window_added_cb (GtkApplication *app, GtkWindow *window, App *a)
{
  if (OUTLAY_IS_WINDOW (window))
    a->window = OUTLAY_WINDOW (window);
}

static void
test_application (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("outlay-templates-app-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "outlay.db", NULL);
  char *argv[] = { (char *) "outlay", (char *) "--database", db, NULL };
  App a = { 0 };

  {
    g_autoptr(OutlayStore) store = outlay_store_open (db, &error);
    gint64 sample;

    g_assert_no_error (error);
    g_assert_true (outlay_store_add_sample (store, &sample, &error));
    g_assert_cmpint (outlay_store_save_as_template (store, sample, "Mine", &error), >, 0);
    g_assert_no_error (error);
  }
  a.app = outlay_application_new ();
  a.template_label = g_strdup ("Mine (yours)");
  g_signal_connect (a.app, "window-added", G_CALLBACK (window_added_cb), &a);
  g_timeout_add (300, app_check_cb, &a);
  g_assert_cmpint (g_application_run (G_APPLICATION (a.app), 3, argv), ==, 0);
  g_assert_true (a.checked);
  g_object_unref (a.app);
  g_free (a.template_label);
  remove_database (db);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/templates/new-budget", test_new_budget);
  ADD ("/ui/templates/new-budget-none", test_new_budget_none);
  ADD ("/ui/templates/save", test_save);
  ADD ("/ui/templates/save-cancel", test_save_cancel);
#undef ADD
  /* last: a subsuite runs after the cases, and the application outlives
   * its test as the default one */
  g_test_add_func ("/ui/templates/application/new-budget", test_application);
  return g_test_run ();
}
