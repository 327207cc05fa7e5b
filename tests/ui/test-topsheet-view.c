/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shows the sample bid's top sheet under Xvfb, edits the production fee in
 * place, checks the contracted total a producer would read, and saves a
 * screenshot. */

#include "config.h"

#include "outlay-ui-test-util.h"

#include <adwaita.h>

#include "outlay-currency.h"
#include "outlay-model-enum-types.h"
#include "outlay-template.h"
#include "outlay-topsheet-view.h"
#include "outlay-topsheet.h"

typedef struct
{
  GtkWidget      *window;
  GtkWidget      *view;
  OutlayDocument *doc;
  char           *last_message;
} Fixture;

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

static const char *
label_text (Fixture *f, const char *name)
{
  GtkWidget *label = find_named (f->window, name);

  g_assert_nonnull (label);
  g_assert_true (GTK_IS_LABEL (label));
  g_assert_true (gtk_widget_get_mapped (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
iterate (guint n)
{
  for (guint i = 0; i < n; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
screenshot (Fixture *f, const char *file)
{
  g_autofree char *path = g_build_filename (g_getenv ("OUTLAY_SCREENSHOT_DIR") ?: ".", file, NULL);
  guint tries = 0;

  iterate (10);
  while (!outlay_ui_test_save_png (f->window, path))
    {
      g_assert_cmpuint (++tries, <, 200);
      g_usleep (10000);
      iterate (1);
    }
  g_test_message ("screenshot: %s", path);
}

static void
scroll_to (Fixture *f, gboolean end)
{
  GtkWidget *scroller = gtk_widget_get_first_child (f->view);
  GtkAdjustment *adj;

  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adj, end ? gtk_adjustment_get_upper (adj) : 0);
  iterate (5);
}

static void
message_cb (GtkWidget *view, const char *text, Fixture *f)
{
  g_free (f->last_message);
  f->last_message = g_strdup (text);
}

static void
fixture_show (Fixture *f, OutlayDocument *doc)
{
  guint tries = 0;

  f->doc = doc;
  f->window = gtk_window_new ();
  f->view = outlay_topsheet_view_new ();
  g_signal_connect (f->view, "message", G_CALLBACK (message_cb), f);
  outlay_topsheet_view_set_document (OUTLAY_TOPSHEET_VIEW (f->view), doc);
  g_assert_true (outlay_topsheet_view_get_document (OUTLAY_TOPSHEET_VIEW (f->view)) == doc);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 800);
  gtk_window_set_child (GTK_WINDOW (f->window), f->view);
  gtk_window_present (GTK_WINDOW (f->window));
  while (!gtk_widget_get_mapped (f->view))
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
  g_free (f->last_message);
}

static OutlayDecimal
budget_int64 (OutlayDocument *doc, const char *property)
{
  gint64 value = 0;

  g_object_get (outlay_document_get_budget (doc), property, &value, NULL);
  return value;
}

static void
type_into (Fixture *f, const char *entry_name, const char *text)
{
  GtkWidget *entry = find_named (f->window, entry_name);

  g_assert_nonnull (entry);
  g_assert_true (GTK_IS_ENTRY (entry));
  g_assert_true (gtk_widget_get_mapped (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* what Enter does: GtkEntry has no activate_signal for gtk_widget_activate() */
  g_signal_emit_by_name (entry, "activate");
  iterate (2);
}

static void
test_aicp (void)
{
  g_autoptr(GError) error = NULL;
  Fixture f = { 0 };
  g_autoptr(OutlayTopSheet) before = NULL;
  g_autoptr(OutlayTopSheet) after = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *hand_text = NULL;
  const OutlayTopSheetRow *fee;
  OutlayDecimal new_fee, hand_total;
  GtkWidget *entry;

  fixture_show (&f, outlay_template_build ("sample", NULL, &error));
  g_assert_no_error (error);
  before = outlay_topsheet_new (f.doc);

  /* the contracted total, as the engine computes it */
  total_text = outlay_currency_format (outlay_topsheet_get_total (before)->estimate, "USD");
  g_assert_cmpstr (label_text (&f, "contracted-total-estimate"), ==, total_text);
  entry = find_named (f.window, "production-fee-entry");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "12");

  /* 12 % → 10 %, worked out by hand: the fee is a percentage of A to K
   * plus insurance, and the total moves by the difference */
  fee = outlay_topsheet_lookup_row (before, "production-fee");
  g_assert_true (outlay_decimal_percent_of (fee->base_estimate, OUTLAY_DECIMAL_FROM_INT (10),
                                            &new_fee));
  hand_total = outlay_topsheet_get_total (before)->estimate - fee->estimate + new_fee;
  hand_text = outlay_currency_format (hand_total, "USD");
  type_into (&f, "production-fee-entry", "10");
  g_assert_cmpint (budget_int64 (f.doc, "production-fee-percent"), ==, 100000);
  g_assert_cmpstr (label_text (&f, "contracted-total-estimate"), ==, hand_text);
  g_assert_cmpstr (hand_text, !=, total_text);
  after = outlay_topsheet_new (f.doc);
  g_assert_cmpint (outlay_topsheet_get_total (after)->estimate, ==, hand_total);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "10");

  /* one undoable edit: undo puts the 12 % and its total back on screen */
  g_assert_true (outlay_document_undo (f.doc, &error));
  g_assert_no_error (error);
  iterate (2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "12");
  g_assert_cmpstr (label_text (&f, "contracted-total-estimate"), ==, total_text);
  g_assert_true (outlay_document_redo (f.doc, &error));
  g_assert_no_error (error);
  iterate (2);
  g_assert_cmpstr (label_text (&f, "contracted-total-estimate"), ==, hand_text);

  /* "12.5%" is twelve and a half percent, not 0.125 % */
  type_into (&f, "production-fee-entry", "12.5%");
  g_assert_cmpint (budget_int64 (f.doc, "production-fee-percent"), ==, 125000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "12.5");

  /* bad input: a message, the entry marked, the old value back */
  type_into (&f, "production-fee-entry", "twelve");
  g_assert_nonnull (f.last_message);
  g_assert_true (g_str_has_prefix (f.last_message, "Production fee: "));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "12.5");
  g_assert_cmpint (budget_int64 (f.doc, "production-fee-percent"), ==, 125000);
  g_clear_pointer (&f.last_message, g_free);
  type_into (&f, "insurance-entry", "-2");
  g_assert_cmpstr (f.last_message, ==, "Insurance can’t be negative");
  g_assert_cmpint (budget_int64 (f.doc, "insurance-percent"), ==, 15000);
  /* typing clears the mark */
  type_into (&f, "insurance-entry", "1.5");
  g_assert_false (gtk_widget_has_css_class (find_named (f.window, "insurance-entry"), "error"));

  /* contingency is an amount */
  type_into (&f, "contingency-entry", "5,000");
  g_assert_cmpint (budget_int64 (f.doc, "contingency"), ==, OUTLAY_DECIMAL_FROM_INT (5000));
  g_assert_cmpstr (label_text (&f, "contingency-estimate"), ==, "$5,000.00");

  /* back to the sample's 12 % for the picture */
  type_into (&f, "production-fee-entry", "12");
  scroll_to (&f, FALSE);
  screenshot (&f, "topsheet.png");
  scroll_to (&f, TRUE);
  screenshot (&f, "topsheet-bottom.png");

  /* a locked budget is read-only */
  {
    g_auto(GValue) v = G_VALUE_INIT;

    g_value_init (&v, OUTLAY_TYPE_BUDGET_STATUS);
    g_value_set_enum (&v, OUTLAY_BUDGET_STATUS_LOCKED);
    g_assert_true (outlay_document_set_budget_value (f.doc, "status", &v, &error));
    g_assert_no_error (error);
    iterate (2);
    g_assert_false (gtk_widget_get_sensitive (find_named (f.window, "production-fee-entry")));
    g_assert_false (gtk_widget_get_sensitive (find_named (f.window, "contingency-entry")));
  }

  /* no document: an empty page, not a crash */
  outlay_topsheet_view_set_document (OUTLAY_TOPSHEET_VIEW (f.view), NULL);
  iterate (2);
  g_assert_null (find_named (f.window, "contracted-total-estimate"));
  fixture_free (&f);
}

/* Other kinds: sections, total, allocation, and the status as a badge. */
static void
test_sections (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GValue) v = G_VALUE_INIT;
  g_autoptr(OutlayTopSheet) sheet = NULL;
  g_autofree char *total_text = NULL;
  Fixture f = { 0 };

  fixture_show (&f, outlay_template_build ("sample", NULL, &error));
  g_assert_no_error (error);
  g_value_init (&v, OUTLAY_TYPE_BUDGET_KIND);
  g_value_set_enum (&v, OUTLAY_BUDGET_KIND_PROJECT);
  g_assert_true (outlay_document_set_budget_value (f.doc, "kind", &v, &error));
  g_assert_no_error (error);
  iterate (2);

  sheet = outlay_topsheet_new (f.doc);
  g_assert_false (outlay_topsheet_is_aicp (sheet));
  total_text = outlay_currency_format (outlay_topsheet_get_total (sheet)->estimate, "USD");
  g_assert_cmpstr (label_text (&f, "total-estimate"), ==, total_text);
  g_assert_null (find_named (f.window, "production-fee-entry"));

  /* a cap the sample is close to: the badge says so in words */
  type_into (&f, "allocated-entry", "400000");
  g_assert_cmpint (budget_int64 (f.doc, "allocated"), ==, OUTLAY_DECIMAL_FROM_INT (400000));
  g_clear_object (&sheet);
  sheet = outlay_topsheet_new (f.doc);
  g_assert_cmpint (outlay_topsheet_get_status (sheet), !=, OUTLAY_TOPSHEET_STATUS_NONE);
  scroll_to (&f, TRUE);
  screenshot (&f, "topsheet-sections.png");
  fixture_free (&f);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  /* the application loads the style sheet; here we do */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_test_add_func ("/ui/topsheet/aicp", test_aicp);
  g_test_add_func ("/ui/topsheet/sections", test_sections);
  return g_test_run ();
}
