/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Advice page on the sample budget, with three other budgets paying a
 * gaffer less: the rules' advice is listed with its savings, confidence
 * and priority; Implement sets the gaffer's rate on the open document
 * (and Ctrl+Z, the document's undo, takes it back), Accept and Reject are
 * kept in the database; ROI snapshots are compared; screenshots in light
 * and dark. */

#include "config.h"

#include "outlay-ui-test-util.h"

#include <stdio.h>
#include <string.h>

#include "outlay-recommendations-page.h"
#include "outlay-rules.h"
#include "outlay-store-recommendations.h"
#include "outlay-store.h"

typedef struct
{
  char *dir;
  char *db;
  OutlayStore *store;
  OutlayDocument *doc;
  GtkWindow *window;
  OutlayRecommendationsPage *page;
} Fixture;

static OutlayLine *
find_line (OutlayDocument *doc, const char *description)
{
  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);

      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        {
          OutlayLine *line = outlay_section_get_line (section, l);

          if (g_strcmp0 (outlay_line_get_text (line, OUTLAY_LINE_DESCRIPTION), description) == 0)
            return line;
        }
    }
  return NULL;
}

/* a budget with one "Gaffer" line by the day at @rate */
static void
add_peer (Fixture *f, const char *name, const char *rate)
{
  g_autoptr(GError) error = NULL;
  gint64 id = outlay_store_create_budget (f->store, "blank", name, "USD", &error);
  g_autoptr(OutlayDocument) doc = NULL;
  OutlaySection *section;
  OutlayLine *line;

  g_assert_no_error (error);
  doc = outlay_store_load_document (f->store, id, &error);
  g_assert_no_error (error);
  section = outlay_document_get_n_sections (doc) > 0
                ? outlay_document_get_section (doc, 0)
                : outlay_document_add_section (doc, G_MAXUINT, "1", "Crew", &error);
  g_assert_no_error (error);
  line = outlay_document_insert_line (doc, section, G_MAXUINT, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (
      outlay_document_set_line_text (doc, line, OUTLAY_LINE_DESCRIPTION, "Gaffer", &error));
  g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_UNIT, "day", &error));
  g_assert_true (outlay_document_set_line_text (doc, line, OUTLAY_LINE_RATE, rate, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 sample = 0;

  f->dir = g_dir_make_tmp ("outlay-advice-XXXXXX", &error);
  f->db = g_build_filename (f->dir, "outlay.db", NULL);
  f->store = outlay_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_store_add_sample (f->store, &sample, &error));
  add_peer (f, "Spot A", "500");
  add_peer (f, "Spot B", "520");
  add_peer (f, "Spot C", "480");
  f->doc = outlay_store_load_document (f->store, sample, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  f->page = g_object_new (OUTLAY_TYPE_RECOMMENDATIONS_PAGE, NULL);
  outlay_recommendations_page_set_today (f->page, outlay_rules_parse_day ("2026-03-10"));
  outlay_recommendations_page_set_store (f->page, f->store);
  outlay_document_page_set_document (OUTLAY_DOCUMENT_PAGE (f->page), f->doc);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_set_default_size (f->window, 900, 900);
  gtk_window_present (f->window);
  outlay_recommendations_page_reload (f->page);
  outlay_ui_test_run_for (200);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->doc);
  g_clear_object (&f->store);
  outlay_ui_test_remove_db (f->db);
  g_rmdir (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

static OutlayRecommendation *
find_kind (Fixture *f, const char *kind)
{
  GPtrArray *shown = outlay_recommendations_page_get_shown (f->page);

  for (guint i = 0; i < shown->len; i++)
    if (g_str_equal (outlay_recommendation_get_kind (shown->pdata[i]), kind))
      return shown->pdata[i];
  return NULL;
}

/* the button of @r's row that sets @status */
static GtkWidget *
find_button (GtkWidget *widget, gint64 id, OutlayRecommendationStatus status)
{
  OutlayRecommendation *r = g_object_get_data (G_OBJECT (widget), "recommendation");

  if (GTK_IS_BUTTON (widget) && r != NULL && outlay_recommendation_get_id (r) == id
      && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "status")) == (int) status)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, id, status);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static OutlayRecommendationStatus
stored_status (Fixture *f, gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayRecommendation) r = outlay_store_get_recommendation (f->store, id, &error);

  g_assert_no_error (error);
  return outlay_recommendation_get_status (r);
}

static void
click (Fixture *f, gint64 id, OutlayRecommendationStatus status)
{
  GtkWidget *button = find_button (GTK_WIDGET (f->page), id, status);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  outlay_ui_test_run_for (50);
}

static void
test_act (Fixture *f, gconstpointer data)
{
  OutlayLine *gaffer = NULL;
  OutlayRecommendation *rate, *other;
  gint64 rate_id, other_id, line_id = 0;
  OutlayDecimal before;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (find_line (f->doc, "Gaffer"));
  rate = find_kind (f, "rate");
  g_assert_nonnull (rate);
  g_assert_cmpstr (outlay_recommendation_get_title (rate), ==,
                   "“Gaffer” costs more here than in your other budgets");
  g_assert_cmpint (outlay_recommendation_get_estimated_savings (rate), >, 0);
  g_assert_cmpint (
      sscanf (outlay_recommendation_get_action (rate), "{\"line\":%" G_GINT64_FORMAT, &line_id), ==,
      1);
  for (guint s = 0; s < outlay_document_get_n_sections (f->doc); s++)
    for (guint l = 0; l < outlay_section_get_n_lines (outlay_document_get_section (f->doc, s)); l++)
      {
        OutlayLine *line = outlay_section_get_line (outlay_document_get_section (f->doc, s), l);

        if (outlay_line_get_id (line) == line_id)
          gaffer = line;
      }
  g_assert_nonnull (gaffer);
  g_assert_cmpstr (outlay_line_get_text (gaffer, OUTLAY_LINE_DESCRIPTION), ==, "Gaffer");
  before = outlay_line_get_decimal (gaffer, OUTLAY_LINE_RATE);
  g_assert_cmpint (before, >, OUTLAY_DECIMAL_FROM_INT (625));
  rate_id = outlay_recommendation_get_id (rate);

  /* Implement: the rate of the open document, one undoable edit */
  click (f, rate_id, OUTLAY_RECOMMENDATION_STATUS_IMPLEMENTED);
  g_assert_cmpint (outlay_line_get_decimal (gaffer, OUTLAY_LINE_RATE), ==,
                   OUTLAY_DECIMAL_FROM_INT (500));
  g_assert_cmpint (stored_status (f, rate_id), ==, OUTLAY_RECOMMENDATION_STATUS_IMPLEMENTED);
  /* done: its buttons are off */
  g_assert_false (gtk_widget_is_sensitive (
      find_button (GTK_WIDGET (f->page), rate_id, OUTLAY_RECOMMENDATION_STATUS_ACCEPTED)));
  g_assert_true (outlay_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_line_get_decimal (gaffer, OUTLAY_LINE_RATE), ==, before);
  /* undone: the recommendation is open again, on screen and kept */
  g_assert_cmpint (stored_status (f, rate_id), ==, OUTLAY_RECOMMENDATION_STATUS_NEW);
  g_assert_true (gtk_widget_is_sensitive (
      find_button (GTK_WIDGET (f->page), rate_id, OUTLAY_RECOMMENDATION_STATUS_IMPLEMENTED)));
  /* redone: implemented again */
  g_assert_true (outlay_document_redo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_line_get_decimal (gaffer, OUTLAY_LINE_RATE), ==,
                   OUTLAY_DECIMAL_FROM_INT (500));
  g_assert_cmpint (stored_status (f, rate_id), ==, OUTLAY_RECOMMENDATION_STATUS_IMPLEMENTED);
  g_assert_false (gtk_widget_is_sensitive (
      find_button (GTK_WIDGET (f->page), rate_id, OUTLAY_RECOMMENDATION_STATUS_IMPLEMENTED)));
  g_assert_true (outlay_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored_status (f, rate_id), ==, OUTLAY_RECOMMENDATION_STATUS_NEW);
  /* a new edit drops the redo: the status stays where the undo left it */
  g_assert_true (
      outlay_document_set_line_text (f->doc, gaffer, OUTLAY_LINE_NOTES, "Ask again", &error));
  g_assert_no_error (error);
  g_assert_false (outlay_document_can_redo (f->doc));
  g_assert_cmpint (stored_status (f, rate_id), ==, OUTLAY_RECOMMENDATION_STATUS_NEW);

  /* Accept and Reject are kept, also after the rules run again */
  other = find_kind (f, "overrun");
  g_assert_nonnull (other);
  other_id = outlay_recommendation_get_id (other);
  click (f, other_id, OUTLAY_RECOMMENDATION_STATUS_ACCEPTED);
  g_assert_cmpint (stored_status (f, other_id), ==, OUTLAY_RECOMMENDATION_STATUS_ACCEPTED);
  click (f, other_id, OUTLAY_RECOMMENDATION_STATUS_REJECTED);
  g_assert_cmpint (stored_status (f, other_id), ==, OUTLAY_RECOMMENDATION_STATUS_REJECTED);
  outlay_recommendations_page_reload (f->page);
  g_assert_cmpint (stored_status (f, other_id), ==, OUTLAY_RECOMMENDATION_STATUS_REJECTED);
}

static void
collect (GtkWidget *widget, GType type, GPtrArray *all)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (all, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect (c, type, all);
}

static GtkWidget *
find_type (GtkWidget *widget, GType type, guint skip)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  collect (widget, type, all);
  return skip < all->len ? all->pdata[skip] : NULL;
}

static void
test_roi (Fixture *f, gconstpointer data)
{
  GtkWidget *snapshot = NULL;
  GtkLabel *compare;
  g_auto(GValue) v = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; (snapshot = find_type (GTK_WIDGET (f->page), GTK_TYPE_BUTTON, i)) != NULL; i++)
    if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (snapshot)), "Take _Snapshot") == 0)
      break;
  g_assert_nonnull (snapshot);
  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, OUTLAY_DECIMAL_FROM_INT (600000));
  g_assert_true (outlay_document_set_budget_value (f->doc, "expected-value", &v, &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (snapshot, "clicked");
  g_value_set_int64 (&v, OUTLAY_DECIMAL_FROM_INT (650000));
  g_assert_true (outlay_document_set_budget_value (f->doc, "realized-value", &v, &error));
  g_signal_emit_by_name (snapshot, "clicked");
  outlay_ui_test_run_for (100);
  for (guint i = 0; (compare = GTK_LABEL (find_type (GTK_WIDGET (f->page), GTK_TYPE_LABEL, i)));
       i++)
    if (strstr (gtk_label_get_text (compare), "Value ") == gtk_label_get_text (compare))
      break;
  g_assert_nonnull (compare);
  g_assert_nonnull (strstr (gtk_label_get_text (compare), "Value $600,000.00 → $650,000.00"));
}

static void
save_when_drawn (Fixture *f, const char *name)
{
  g_autofree char *path = outlay_ui_test_screenshot_path (name);

  for (int i = 0; i < 20 && !outlay_ui_test_save_png (GTK_WIDGET (f->window), path); i++)
    outlay_ui_test_run_for (50);
}

static void
test_screenshots (Fixture *f, gconstpointer data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  outlay_ui_test_run_for (200);
  save_when_drawn (f, "advice-light.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  outlay_ui_test_run_for (300);
  save_when_drawn (f, "advice-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/advice/act", test_act);
  ADD ("/ui/advice/roi", test_roi);
  ADD ("/ui/advice/screenshots", test_screenshots);
#undef ADD
  return g_test_run ();
}
