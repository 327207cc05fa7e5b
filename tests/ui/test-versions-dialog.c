/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drives the Versions dialog on the sample budget of a new database as a
 * user would: saves "Bid", edits a rate, saves "Awarded", compares Bid
 * with the current budget, restores Bid and undoes that, opens a version;
 * saves screenshots of the list and of the comparison. */

#include "config.h"

#include "outlay-ui-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

#include "outlay-currency.h"
#include "outlay-error.h"
#include "outlay-store-versions.h"
#include "outlay-versions-dialog.h"

#define D(units) OUTLAY_DECIMAL_FROM_INT (units)

typedef struct
{
  char           *dir;
  char           *db;
  OutlayStore    *store;
  OutlayDocument *doc;
  GtkWidget      *dialog;
  OutlayDocument *opened;
  guint n_reports;
  gboolean printed;
  char *reported; /* "Bid → Current Budget" */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  f->dir = g_dir_make_tmp ("outlay-versions-dialog-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "outlay.db", NULL);
  f->store = outlay_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_store_add_sample (f->store, &id, &error));
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
  g_clear_object (&f->opened);
  g_free (f->reported);
  g_clear_object (&f->doc);
  g_clear_object (&f->store);
  outlay_ui_test_remove_db (f->db);
  g_rmdir (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

/* The widget the dialog's template calls @id. */
static GtkWidget *
find_id (GtkWidget *widget, const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_id (c, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
child (Fixture *f, const char *id)
{
  GtkWidget *found = find_id (f->dialog, id);

  g_assert_nonnull (found);
  return found;
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

/* The titles of the rows in the list of saved versions, "Bid,Awarded". */
static char *
listed_versions (Fixture *f)
{
  GtkWidget *list = child (f, "version_list");
  g_autoptr(GString) titles = g_string_new (NULL);

  for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
    if (ADW_IS_ACTION_ROW (c) && gtk_widget_get_mapped (c))
      g_string_append_printf (titles, "%s%s", titles->len ? "," : "",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (c)));
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static GtkWidget *
version_row (Fixture *f, const char *name)
{
  GtkWidget *list = child (f, "version_list");

  for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
    if (ADW_IS_ACTION_ROW (c)
        && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (c)), name) == 0)
      return c;
  g_assert_not_reached ();
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

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  g_assert_not_reached ();
  return NULL;
}

static gboolean
in_toast (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (g_str_equal (gtk_widget_get_css_name (widget), "toast"))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_toast_close (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && in_toast (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_toast_close (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Clicks the close button of the toasts on screen, one by one. */
static void
dismiss_toasts (GtkWidget *window)
{
  GtkWidget *close;

  for (guint i = 0; i < 10 && (close = find_toast_close (window)) != NULL; i++)
    {
      g_signal_emit_by_name (close, "clicked");
      outlay_ui_test_run_for (100);
    }
}

static void
save_screenshot (GtkWidget *widget, const char *name)
{
  g_autofree char *path = outlay_ui_test_screenshot_path (name);

  g_assert_true (outlay_ui_test_save_png (widget, path));
}

/* The dialog can shrink to a phone's width (the tables scroll). */
static void
assert_fits_phone (Fixture *f)
{
  int min_width = 0;

  gtk_widget_measure (f->dialog, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_test_message ("minimum dialog width: %d px", min_width);
  g_assert_cmpint (min_width, <=, 400);
}

static void
open_version_cb (OutlayVersionsDialog *dialog, OutlayDocument *version, Fixture *f)
{
  g_set_object (&f->opened, version);
}

static void
report_comparison_cb (OutlayVersionsDialog *dialog,
                      OutlayDocument *from,
                      const char *from_name,
                      OutlayDocument *to,
                      const char *to_name,
                      gboolean print,
                      Fixture *f)
{
  f->n_reports++;
  f->printed = print;
  g_free (f->reported);
  f->reported = g_strdup_printf ("%s → %s", from_name, to_name);
  /* the current budget is the document itself; a version is frozen */
  g_assert_cmpstr (outlay_document_get_frozen_name (from), ==, from_name);
  g_assert_true (to == f->doc);
}

/* The rows of the list labelled @accessible, its header included. */
static guint
count_rows (GtkWidget *widget, const char *accessible)
{
  guint n = 0;

  if (GTK_IS_LIST_BOX (widget) && gtk_widget_get_mapped (widget))
    {
      GtkWidget *heading = gtk_widget_get_first_child (gtk_widget_get_parent (widget));
      GtkWidget *title = gtk_widget_get_first_child (heading);

      if (GTK_IS_LABEL (title)
          && g_strcmp0 (gtk_label_get_text (GTK_LABEL (title)), accessible) == 0)
        {
          for (GtkWidget *c = gtk_widget_get_first_child (widget); c;
               c = gtk_widget_get_next_sibling (c))
            n += GTK_IS_LIST_BOX_ROW (c);
          return n;
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n += count_rows (c, accessible);
  return n;
}

static void
open_dialog (Fixture *f)
{
  GtkWidget *dialog = outlay_versions_dialog_new (NULL, f->store, f->doc);

  g_set_weak_pointer (&f->dialog, dialog);
  g_signal_connect (dialog, "open-version", G_CALLBACK (open_version_cb), f);
  g_signal_connect (dialog, "report-comparison", G_CALLBACK (report_comparison_cb), f);
  gtk_window_present (GTK_WINDOW (dialog));
  for (guint i = 0; i < 100 && !gtk_widget_get_mapped (dialog); i++)
    outlay_ui_test_run_for (50);
  g_assert_true (gtk_widget_get_mapped (dialog));
  outlay_ui_test_run_for (200);
}

/* Types @name into the name row and saves it, by the button or Enter. */
static void
save_version (Fixture *f, const char *name, gboolean by_enter)
{
  gtk_editable_set_text (GTK_EDITABLE (child (f, "name_row")), name);
  if (by_enter)
    g_signal_emit_by_name (child (f, "name_row"), "entry-activated");
  else
    {
      g_assert_true (gtk_widget_is_sensitive (child (f, "save_button")));
      g_signal_emit_by_name (child (f, "save_button"), "clicked");
    }
  outlay_ui_test_run_for (100);
}

static OutlayLine *
first_line (Fixture *f)
{
  return outlay_section_get_line (outlay_document_get_section (f->doc, 0), 0);
}

static const char *
delta_text (Fixture *f)
{
  return gtk_label_get_text (GTK_LABEL (child (f, "estimate_delta_label")));
}

static void
test_save_compare_restore (Fixture *f, gconstpointer data)
{
  const char *cur = outlay_budget_get_currency (outlay_document_get_budget (f->doc));
  gint64 budget_id = outlay_budget_get_id (outlay_document_get_budget (f->doc));
  OutlayDecimal bid_total = outlay_document_get_totals (f->doc)->estimate;
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayVersion) bid = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *zero = NULL;
  g_autofree char *amount_up = NULL;
  g_autofree char *rate_change = NULL;
  g_autofree char *estimate_change = NULL;
  g_autofree char *estimate_from = NULL;
  g_autofree char *estimate_to = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  OutlayLine *line = first_line (f);
  AdwMessageDialog *ask;

  open_dialog (f);
  /* nothing saved yet: the empty state, Save off until there is a name */
  g_assert_true (shows_label (f->dialog, "No Saved Versions"));
  g_assert_false (gtk_widget_is_sensitive (child (f, "save_button")));
  save_screenshot (f->dialog, "versions-empty.png");
  assert_fits_phone (f);

  save_version (f, "Bid", FALSE);
  listed = listed_versions (f);
  g_assert_cmpstr (listed, ==, "Bid");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "name_row"))), ==, "");
  g_assert_false (shows_label (f->dialog, "No Saved Versions"));
  /* the row shows the total it was saved with */
  amount = outlay_currency_format (bid_total, cur);
  g_assert_true (shows_label (version_row (f, "Bid"), amount));

  /* The line producer: 1 × 8 days at 850.00; at 1,000.00 it costs
   * 8 × 150.00 = 1,200.00 more (the sample's sections have no fringe). */
  g_assert_cmpstr (outlay_line_get_description (line), ==, "Line producer");
  g_assert_cmpint (outlay_line_get_rate (line), ==, D (850));
  g_assert_cmpint (outlay_section_get_fringe (outlay_document_get_section (f->doc, 0)), ==, 0);
  g_assert_true (outlay_document_set_line_text (f->doc, line, OUTLAY_LINE_RATE, "1000", &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_document_get_totals (f->doc)->estimate, ==, bid_total + D (1200));

  save_version (f, "Awarded", TRUE);
  g_free (listed);
  listed = listed_versions (f);
  g_assert_cmpstr (listed, ==, "Bid,Awarded");

  /* a taken name (in any case) is refused with the store's message */
  {
    g_autoptr(GError) taken = NULL;

    g_assert_null (outlay_store_save_version (f->store, f->doc, "bid", NULL, &taken));
    g_assert_error (taken, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT);
    save_version (f, "bid", FALSE);
    outlay_ui_test_run_for (300);
    g_assert_true (shows_label (f->dialog, taken->message));
    /* and under the entry as soon as it is typed */
    g_assert_true (gtk_widget_has_css_class (child (f, "name_row"), "error"));
    g_assert_true (shows_label (f->dialog, "There is already a version named “bid”"));
    g_free (listed);
    listed = listed_versions (f);
    g_assert_cmpstr (listed, ==, "Bid,Awarded");
    gtk_editable_set_text (GTK_EDITABLE (child (f, "name_row")), "");
    g_assert_false (gtk_widget_has_css_class (child (f, "name_row"), "error"));
  }
  dismiss_toasts (f->dialog);
  outlay_ui_test_run_for (300);
  save_screenshot (f->dialog, "versions-list.png");

  /* Compare…: From Bid, To the current budget (the default To) */
  g_signal_emit_by_name (child (f, "compare_button"), "clicked");
  outlay_ui_test_run_for (100);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (child (f, "leaflet"))), ==,
                   "compare");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, "from_row")), 0);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (f, "to_row"))), ==, 2);
  outlay_ui_test_run_for (300);
  amount_up = outlay_currency_format (D (1200), cur);
  expected = g_strconcat ("+", amount_up, NULL);
  g_assert_cmpstr (delta_text (f), ==, expected);
  g_assert_true (gtk_widget_has_css_class (child (f, "estimate_delta_box"), "error"));
  g_assert_true (gtk_widget_get_visible (child (f, "estimate_delta_icon")));
  /* the changed rate, line by line */
  from_text = outlay_currency_format (D (850), cur);
  to_text = outlay_currency_format (D (1000), cur);
  rate_change = g_strdup_printf ("Rate %s → %s", from_text, to_text);
  g_assert_true (shows_label (f->dialog, "Changed Lines"));
  /* one row for the line: its estimate before and after, the rate under
   * its description (the estimate is not listed twice) */
  g_assert_cmpuint (count_rows (f->dialog, "Changed Lines"), ==, 2);
  estimate_from = outlay_currency_format (D (6800), cur);
  estimate_to = outlay_currency_format (D (8000), cur);
  estimate_change = g_strdup_printf ("%s → %s", estimate_from, estimate_to);
  g_assert_true (shows_label (f->dialog, estimate_change));
  g_assert_true (shows_label (f->dialog, rate_change));
  g_assert_true (shows_label (f->dialog, "Line producer"));
  g_assert_true (shows_label (f->dialog, "1 line changed · 0 added · 0 removed"));
  save_screenshot (f->dialog, "versions-compare.png");

  /* Print… (and Ctrl+P) and Export as PDF… hand the pair on screen over */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (child (f, "print_button"))), ==,
                   "versions.print");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (child (f, "export_pdf_button"))),
                   ==, "versions.export-pdf");
  g_assert_true (gtk_widget_is_sensitive (child (f, "print_button")));
  g_signal_emit_by_name (child (f, "print_button"), "clicked");
  outlay_ui_test_run_for (50);
  g_assert_cmpuint (f->n_reports, ==, 1);
  g_assert_true (f->printed);
  g_assert_cmpstr (f->reported, ==, "Bid → Current Budget");
  g_signal_emit_by_name (child (f, "export_pdf_button"), "clicked");
  outlay_ui_test_run_for (50);
  g_assert_cmpuint (f->n_reports, ==, 2);
  g_assert_false (f->printed);

  /* back to the list, and Restore… on Bid */
  gtk_widget_activate_action (f->dialog, "versions.back", NULL);
  outlay_ui_test_run_for (100);
  bid = outlay_store_find_version (f->store, budget_id, "Bid", &error);
  g_assert_no_error (error);
  gtk_widget_activate_action (version_row (f, "Bid"), "versions.restore", "x",
                              outlay_version_get_id (bid));
  outlay_ui_test_run_for (100);
  ask = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ask), ==, "Restore “Bid”?");
  g_assert_cmpstr (adw_message_dialog_get_body (ask), ==,
                   "The current lines are replaced by the version's. You can undo this.");
  g_signal_emit_by_name (ask, "response", "restore");
  if (gtk_widget_get_visible (GTK_WIDGET (ask)))
    gtk_window_close (GTK_WINDOW (ask));
  outlay_ui_test_run_for (300);
  g_assert_cmpint (outlay_document_get_totals (f->doc)->estimate, ==, bid_total);
  g_assert_cmpint (outlay_line_get_rate (first_line (f)), ==, D (850));
  g_assert_true (shows_label (f->dialog, "Restored “Bid” — Ctrl+Z undoes it"));
  /* Compare… on Bid: Bid → Current is now even */
  gtk_widget_activate_action (version_row (f, "Bid"), "versions.compare", "x",
                              outlay_version_get_id (bid));
  outlay_ui_test_run_for (200);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (child (f, "leaflet"))), ==,
                   "compare");
  zero = outlay_currency_format (0, cur);
  g_assert_cmpstr (delta_text (f), ==, zero);
  g_assert_true (shows_label (f->dialog, "No Differences"));

  /* one undo brings the edit back */
  g_assert_cmpstr (outlay_document_get_undo_label (f->doc), ==, "Restore Version “Bid”");
  g_assert_true (outlay_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_document_get_totals (f->doc)->estimate, ==, bid_total + D (1200));
  g_assert_cmpint (outlay_line_get_rate (first_line (f)), ==, D (1000));
  outlay_ui_test_run_for (100);
  g_assert_cmpstr (delta_text (f), ==, expected);
  g_assert_true (shows_label (f->dialog, rate_change));
  g_assert_cmpuint (count_rows (f->dialog, "Changed Lines"), ==, 2);
  gtk_widget_activate_action (f->dialog, "versions.back", NULL);
  outlay_ui_test_run_for (100);

  /* Compare… on Awarded after adding a line and deleting another */
  {
    OutlaySection *section = outlay_document_get_section (f->doc, 1);
    OutlayLine *added = outlay_document_insert_line (f->doc, section, G_MAXUINT, NULL, &error);
    OutlayLine *gone = outlay_section_get_line (section, 0);
    g_autofree char *plus = NULL;
    g_autofree char *minus = NULL;
    g_autofree char *gone_estimate = NULL;
    g_autofree char *added_estimate = NULL;
    GtkAdjustment *scroll;
    g_autoptr(OutlayVersion) awarded = NULL;

    g_assert_no_error (error);
    g_assert_true (outlay_document_set_line_text (f->doc, added, OUTLAY_LINE_CODE, "72", NULL));
    g_assert_true (outlay_document_set_line_text (f->doc, added, OUTLAY_LINE_DESCRIPTION,
                                                  "Drone operator", NULL));
    g_assert_true (outlay_document_set_line_text (f->doc, added, OUTLAY_LINE_MULTIPLIER, "1", NULL));
    g_assert_true (outlay_document_set_line_text (f->doc, added, OUTLAY_LINE_RATE, "2400", NULL));
    g_assert_cmpstr (outlay_line_get_description (gone), ==, "Line producer");
    gone_estimate = outlay_currency_format (outlay_line_get_estimate (gone), cur);
    minus = g_strconcat ("−", gone_estimate, NULL);
    g_assert_true (outlay_document_delete_lines (f->doc, &gone, 1, &error));
    g_assert_no_error (error);
    awarded = outlay_store_find_version (f->store, budget_id, "awarded", &error);
    g_assert_no_error (error);
    gtk_widget_activate_action (version_row (f, "Awarded"), "versions.compare", "x",
                                outlay_version_get_id (awarded));
    outlay_ui_test_run_for (300);
    g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (child (f, "leaflet"))), ==,
                     "compare");
    g_assert_true (shows_label (f->dialog, "0 lines changed · 1 added · 1 removed"));
    g_assert_true (shows_label (f->dialog, "Added Lines"));
    g_assert_true (shows_label (f->dialog, "Drone operator"));
    added_estimate = outlay_currency_format (D (2400), cur);
    plus = g_strconcat ("+", added_estimate, NULL);
    g_assert_true (shows_label (f->dialog, plus));
    g_assert_true (shows_label (f->dialog, "Removed Lines"));
    g_assert_true (shows_label (f->dialog, minus));
    scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child (f, "compare_scroller")));
    gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll));
    dismiss_toasts (f->dialog);
    outlay_ui_test_run_for (200);
    save_screenshot (f->dialog, "versions-compare-lines.png");
    assert_fits_phone (f);
    gtk_widget_activate_action (f->dialog, "versions.back", NULL);
  }

  /* Open shows a version read-only and closes the dialog */
  g_signal_emit_by_name (find_button (version_row (f, "Bid"), "_Open"), "clicked");
  outlay_ui_test_run_for (100);
  g_assert_nonnull (f->opened);
  g_assert_cmpstr (outlay_document_get_frozen_name (f->opened), ==, "Bid");
  g_assert_true (outlay_document_get_read_only (f->opened));
  g_assert_cmpint (outlay_document_get_totals (f->opened)->estimate, ==, bid_total);
  g_assert_null (f->dialog);
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
  adw_init ();
  load_css ();
  /* no slide between pages: what is asserted is what is drawn */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_test_add ("/ui/versions-dialog/save-compare-restore", Fixture, NULL, fixture_set_up,
              test_save_compare_restore, fixture_tear_down);
  return g_test_run ();
}
