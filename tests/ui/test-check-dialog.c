/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Budget ▸ Check Budget… on the sample budget: the answer as a user reads
 * it, for an amount that is approved, one that needs approval and one that
 * is refused, with a purchase order on the line; then bad input. */

#include "config.h"

#include "outlay-ui-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

#include "outlay-check-dialog.h"
#include "outlay-budget-dialog.h"
#include "outlay-budget-overview.h"
#include "outlay-commitments-page.h"
#include "outlay-sheet-view.h"
#include "outlay-store.h"

typedef struct
{
  char *dir;
  char *db;
  OutlayStore *store;
  OutlayDocument *doc;
  GtkWidget *dialog;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayBudget) rules = NULL;
  gint64 id;

  f->dir = g_dir_make_tmp ("outlay-check-dialog-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "outlay.db", NULL);
  f->store = outlay_store_open (f->db, &error);
  g_assert_no_error (error);
  id = outlay_store_create_budget (f->store, "sample", NULL, NULL, &error);
  g_assert_no_error (error);
  f->doc = outlay_store_load_document (f->store, id, &error);
  g_assert_no_error (error);
  rules = outlay_budget_copy (outlay_document_get_budget (f->doc));
  g_object_set (rules, "auto-approval-threshold", OUTLAY_DECIMAL_FROM_INT (500), NULL);
  g_assert_true (outlay_document_update_budget (f->doc, rules, &error));
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
test_answers (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayCommitment) po = g_object_new (OUTLAY_TYPE_COMMITMENT, "reference", "PO-1",
                                                  "amount", OUTLAY_DECIMAL_FROM_INT (3000), NULL);
  OutlaySection *n = outlay_document_lookup_section (f->doc, "N");
  OutlayCheckDialog *dialog;
  g_autofree char *path = outlay_ui_test_screenshot_path ("check-dialog.png");

  /* section N: 3,550.00 budgeted; a request for 3,000 leaves 550 */
  g_assert_nonnull (n);
  g_assert_true (outlay_document_add_commitment (f->doc, po, n, NULL, &error));
  g_assert_no_error (error);
  f->dialog = outlay_check_dialog_new (NULL, f->doc);
  g_object_add_weak_pointer (G_OBJECT (f->dialog), (gpointer *) &f->dialog);
  dialog = OUTLAY_CHECK_DIALOG (f->dialog);
  gtk_window_present (GTK_WINDOW (f->dialog));
  for (guint i = 0; i < 100 && !gtk_widget_get_mapped (f->dialog); i++)
    outlay_ui_test_run_for (50);
  g_assert_true (gtk_widget_get_mapped (f->dialog));
  /* nothing typed yet: no answer */
  g_assert_null (outlay_check_dialog_get_decision (dialog));

  outlay_check_dialog_set_question (dialog, n, NULL, NULL, "500");
  g_assert_cmpstr (outlay_check_dialog_get_decision (dialog), ==, "approve");
  g_assert_nonnull (strstr (outlay_check_dialog_get_reason (dialog), "$550.00 available"));
  outlay_check_dialog_set_question (dialog, n, NULL, NULL, "550");
  g_assert_cmpstr (outlay_check_dialog_get_decision (dialog), ==, "needs-approval");
  outlay_check_dialog_set_question (dialog, n, NULL, NULL, "550.01");
  g_assert_cmpstr (outlay_check_dialog_get_decision (dialog), ==, "refused");
  g_assert_cmpstr (outlay_check_dialog_get_reason (dialog), ==,
                   "Refused: $550.01 is $0.01 more than the $550.00 available on section N "
                   "“Talent expenses”.");
  outlay_ui_test_run_for (300);
  while (!outlay_ui_test_save_png (f->dialog, path))
    outlay_ui_test_run_for (50);

  /* a line of the section: its own estimate; the section's request is not on it */
  outlay_check_dialog_set_question (dialog, n, outlay_section_get_line (n, 0), NULL, "100");
  g_assert_cmpstr (outlay_check_dialog_get_decision (dialog), ==, "approve");

  /* another currency, and a period with no fiscal year: a message, no answer */
  outlay_check_dialog_set_question (dialog, n, NULL, NULL, "EUR 10");
  g_assert_null (outlay_check_dialog_get_decision (dialog));
  g_assert_nonnull (strstr (outlay_check_dialog_get_reason (dialog), "another currency"));
  outlay_check_dialog_set_question (dialog, NULL, NULL, "2026-03", "10");
  g_assert_null (outlay_check_dialog_get_decision (dialog));
  g_assert_nonnull (strstr (outlay_check_dialog_get_reason (dialog), "no fiscal year"));
}

/* The Commitments page lists, filters and follows undo. */
static void
test_page (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = outlay_ui_test_screenshot_path ("commitments-page.png");
  OutlaySection *a = outlay_document_lookup_section (f->doc, "A");
  const char *vendors[] = { "Grip Co", "Lens Rental", "Catering Ltd" };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = g_object_new (OUTLAY_TYPE_COMMITMENTS_PAGE, NULL);
  GListModel *rows = outlay_commitments_page_get_rows (OUTLAY_COMMITMENTS_PAGE (page));

  for (guint i = 0; i < G_N_ELEMENTS (vendors); i++)
    {
      g_autofree char *ref = g_strdup_printf ("PO-%u", i + 1);
      g_autoptr(OutlayCommitment) c = g_object_new (
          OUTLAY_TYPE_COMMITMENT, "reference", ref, "vendor", vendors[i], "date", "2026-02-01",
          "amount", OUTLAY_DECIMAL_FROM_INT (100 * (i + 1)), NULL);

      g_assert_true (
          outlay_document_add_commitment (f->doc, c, a, outlay_section_get_line (a, i), &error));
      g_assert_no_error (error);
    }
  g_assert_true (outlay_document_order_commitment (
      f->doc, outlay_document_get_commitment (f->doc, 0), &error));
  g_assert_true (outlay_document_invoice_commitment (
      f->doc, outlay_document_get_commitment (f->doc, 0), OUTLAY_DECIMAL_FROM_INT (40), &error));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 400);
  gtk_window_set_child (GTK_WINDOW (window), page);
  outlay_document_page_set_document (OUTLAY_DOCUMENT_PAGE (page), f->doc);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 100 && !gtk_widget_get_mapped (page); i++)
    outlay_ui_test_run_for (50);
  outlay_ui_test_run_for (300);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  while (!outlay_ui_test_save_png (window, path))
    outlay_ui_test_run_for (50);

  /* New… asks for the commitment with a quick check as the amount is typed */
  {
    g_autofree char *new_png = outlay_ui_test_screenshot_path ("commitments-new.png");
    g_autoptr(GList) toplevels = NULL;
    GtkWidget *dialog = NULL;
    GtkWidget *entry;

    g_assert_true (gtk_widget_activate_action (page, "commitments.new", NULL));
    outlay_ui_test_run_for (300);
    toplevels = gtk_window_list_toplevels ();
    for (GList *l = toplevels; l != NULL; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data))
        dialog = l->data;
    g_assert_nonnull (dialog);
    entry = outlay_ui_test_find_type (
        adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)), GTK_TYPE_GRID);
    g_assert_nonnull (entry);
    /* the amount is the sixth row's entry */
    entry = gtk_grid_get_child_at (GTK_GRID (entry), 1, 5);
    gtk_editable_set_text (GTK_EDITABLE (entry), "6000");
    outlay_ui_test_run_for (300);
    while (!outlay_ui_test_save_png (dialog, new_png))
      outlay_ui_test_run_for (50);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* Edit… on PO-2: a new amount, saved as one undoable command */
  {
    g_autoptr(GList) toplevels = NULL;
    OutlayCommitment *po2 = outlay_document_lookup_commitment (f->doc, "PO-2");
    GtkWidget *dialog = NULL;
    GtkWidget *grid;

    g_assert_nonnull (po2);
    gtk_single_selection_set_selected (
        GTK_SINGLE_SELECTION (gtk_column_view_get_model (
            GTK_COLUMN_VIEW (outlay_ui_test_find_type (page, GTK_TYPE_COLUMN_VIEW)))),
        1);
    g_assert_true (gtk_widget_activate_action (page, "commitments.edit", NULL));
    outlay_ui_test_run_for (300);
    toplevels = gtk_window_list_toplevels ();
    for (GList *l = toplevels; l != NULL; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data))
        dialog = l->data;
    g_assert_nonnull (dialog);
    grid = outlay_ui_test_find_type (
        adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)), GTK_TYPE_GRID);
    g_assert_cmpstr (
        gtk_editable_get_text (GTK_EDITABLE (gtk_grid_get_child_at (GTK_GRID (grid), 1, 0))), ==,
        "PO-2");
    gtk_editable_set_text (GTK_EDITABLE (gtk_grid_get_child_at (GTK_GRID (grid), 1, 5)), "250");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
    outlay_ui_test_run_for (200);
    g_assert_cmpint (outlay_commitment_get_amount (po2), ==, OUTLAY_DECIMAL_FROM_INT (250));
    g_assert_cmpint (outlay_line_get_reserved (outlay_section_get_line (a, 1)), ==,
                     OUTLAY_DECIMAL_FROM_INT (250));
    g_assert_true (outlay_document_undo (f->doc, &error));
    g_assert_cmpint (outlay_commitment_get_amount (po2), ==, OUTLAY_DECIMAL_FROM_INT (200));
  }

  /* the sheet's Reserved and Available columns, other columns hidden so
   * they fit the screen; the held amounts are marked */
  {
    GtkWidget *w = gtk_window_new ();
    OutlaySheetView *sheet = g_object_new (OUTLAY_TYPE_SHEET_VIEW, NULL);
    g_autoptr(GSettings) settings = g_settings_new ("io.github.outlay.Outlay");
    g_autofree char *sheet_png = outlay_ui_test_screenshot_path ("commitments-sheet.png");

    g_settings_set_value (settings, "hidden-columns",
                          g_variant_new_parsed ("{'aicp': ['qty', 'unit', 'multiplier', 'rate', "
                                                "'variance-percent', 'notes']}"));
    gtk_window_set_default_size (GTK_WINDOW (w), 1250, 400);
    gtk_window_set_child (GTK_WINDOW (w), GTK_WIDGET (sheet));
    outlay_sheet_view_set_settings (sheet, settings);
    gtk_widget_set_size_request (GTK_WIDGET (sheet), 1200, 380);
    outlay_sheet_view_set_document (sheet, f->doc);
    gtk_window_present (GTK_WINDOW (w));
    for (guint i = 0; i < 10; i++)
      {
        g_usleep (20000);
        outlay_ui_test_run_for (100);
      }
    while (!outlay_ui_test_save_png (w, sheet_png))
      outlay_ui_test_run_for (50);
    gtk_window_destroy (GTK_WINDOW (w));
  }

  /* the overview shows what they reserve and what is left */
  {
    GtkWidget *w = gtk_window_new ();
    g_autofree char *overview_png = outlay_ui_test_screenshot_path ("commitments-overview.png");
    GtkWidget *overview = g_object_new (OUTLAY_TYPE_BUDGET_OVERVIEW, NULL);

    gtk_window_set_child (GTK_WINDOW (w), overview);
    gtk_window_set_default_size (GTK_WINDOW (w), 1000, 700);
    outlay_budget_overview_set_document (OUTLAY_BUDGET_OVERVIEW (overview), f->doc);
    gtk_window_present (GTK_WINDOW (w));
    outlay_ui_test_run_for (500);
    while (!outlay_ui_test_save_png (w, overview_png))
      outlay_ui_test_run_for (50);
    gtk_window_destroy (GTK_WINDOW (w));
  }

  /* undo the invoice and the order: still three, the first a request again */
  g_assert_true (outlay_document_undo (f->doc, &error));
  g_assert_true (outlay_document_undo (f->doc, &error));
  outlay_ui_test_run_for (200);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  g_assert_cmpint (outlay_commitment_get_status (outlay_document_get_commitment (f->doc, 0)), ==,
                   OUTLAY_COMMITMENT_STATUS_REQUESTED);
  /* undo an add: two */
  g_assert_true (outlay_document_undo (f->doc, &error));
  outlay_ui_test_run_for (200);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The preferences row titled @title. */
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

/* Budget Properties sets the check's rules, as one undoable command. */
static void
test_rules (Fixture *f, gconstpointer data)
{
  OutlayBudget *budget = outlay_document_get_budget (f->doc);
  GtkWidget *dialog = outlay_budget_dialog_new (NULL, f->doc);
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  for (guint i = 0; i < 100 && !gtk_widget_get_mapped (dialog); i++)
    outlay_ui_test_run_for (50);
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, "Auto-Approve Up To")), "250");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (dialog, "When a Purchase Would Overrun")),
                              OUTLAY_OVERRUN_POLICY_WARN);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (dialog, "Check Against")),
                              OUTLAY_CHECK_BASIS_ACCUMULATED);
  g_assert_true (gtk_widget_activate_action (dialog, "budget.apply", NULL));
  outlay_ui_test_run_for (100);
  g_assert_cmpint (outlay_budget_get_auto_approval_threshold (budget), ==,
                   OUTLAY_DECIMAL_FROM_INT (250));
  g_assert_cmpint (outlay_budget_get_overrun_policy (budget), ==, OUTLAY_OVERRUN_POLICY_WARN);
  g_assert_cmpint (outlay_budget_get_check_basis (budget), ==, OUTLAY_CHECK_BASIS_ACCUMULATED);
  g_assert_true (outlay_document_undo (f->doc, &error));
  g_assert_cmpint (outlay_budget_get_overrun_policy (budget), ==, OUTLAY_OVERRUN_POLICY_STOP);
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
  g_test_add ("/ui/check-dialog/answers", Fixture, NULL, fixture_set_up, test_answers,
              fixture_tear_down);
  g_test_add ("/ui/check-dialog/rules", Fixture, NULL, fixture_set_up, test_rules,
              fixture_tear_down);
  g_test_add ("/ui/commitments-page/list", Fixture, NULL, fixture_set_up, test_page,
              fixture_tear_down);
  return g_test_run ();
}
