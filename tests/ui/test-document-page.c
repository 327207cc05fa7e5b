/* SPDX-License-Identifier: GPL-3.0-or-later */
/* OutlayDocumentPage, the base of the sheet, top sheet and overview: a
 * page follows its document's edits, its budget and its read-only state,
 * but only redraws while on screen; a hidden page catches up once, when
 * shown. */

#include "config.h"

#include "outlay-ui-test-util.h"

#include <adwaita.h>

#include "outlay-budget-overview.h"
#include "outlay-document-page.h"
#include "outlay-sheet-view.h"
#include "outlay-topsheet-view.h"

/* ---- a page that counts its refreshes ---- */

#define TEST_TYPE_PAGE (test_page_get_type ())
G_DECLARE_FINAL_TYPE (TestPage, test_page, TEST, PAGE, OutlayDocumentPage)

struct _TestPage
{
  OutlayDocumentPage parent_instance;
  guint refreshes;
  guint document_sets;
  OutlayDocument *last_old;
};

G_DEFINE_FINAL_TYPE (TestPage, test_page, OUTLAY_TYPE_DOCUMENT_PAGE)

static void
test_page_refresh (OutlayDocumentPage *page)
{
  TEST_PAGE (page)->refreshes++;
}

static void
test_page_document_set (OutlayDocumentPage *page, OutlayDocument *old_document)
{
  TEST_PAGE (page)->document_sets++;
  TEST_PAGE (page)->last_old = old_document;
}

static void
test_page_class_init (TestPageClass *klass)
{
  OUTLAY_DOCUMENT_PAGE_CLASS (klass)->refresh = test_page_refresh;
  OUTLAY_DOCUMENT_PAGE_CLASS (klass)->document_set = test_page_document_set;
}

static void
test_page_init (TestPage *self)
{
}

/* ---- helpers ---- */

static OutlayDocument *
new_document (void)
{
  g_autoptr(OutlayBudget) budget = outlay_budget_new ("Spring campaign");
  g_autoptr(GError) error = NULL;
  OutlayDocument *doc = outlay_document_new (budget);
  OutlaySection *section = outlay_document_add_section (doc, 0, "A", "Crew", &error);
  g_autoptr(OutlayLine) line = outlay_line_new ();
  OutlayLine *inserted;

  g_assert_no_error (error);
  inserted = outlay_document_insert_line (doc, section, 0, line, &error);
  g_assert_no_error (error);
  g_assert_true (
      outlay_document_set_line_text (doc, inserted, OUTLAY_LINE_DESCRIPTION, "Gaffer", &error));
  g_assert_no_error (error);
  return doc;
}

static void
set_rate (OutlayDocument *doc, gint64 units)
{
  g_autoptr(GError) error = NULL;
  OutlaySection *section = outlay_document_get_section (doc, 0);

  g_assert_true (outlay_document_set_line_decimal (doc, outlay_section_get_line (section, 0),
                                                   OUTLAY_LINE_RATE,
                                                   OUTLAY_DECIMAL_FROM_INT (units), &error));
  g_assert_no_error (error);
}

static void
count_notify_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

/* ---- tests ---- */

static void
test_hidden_page_catches_up_once (void)
{
  g_autoptr(OutlayDocument) doc = new_document ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *front = gtk_label_new ("front");
  TestPage *page = g_object_new (TEST_TYPE_PAGE, NULL);
  guint notifies = 0;

  g_signal_connect (page, "notify::document", G_CALLBACK (count_notify_cb), &notifies);
  gtk_stack_add_named (GTK_STACK (stack), front, "front");
  gtk_stack_add_named (GTK_STACK (stack), GTK_WIDGET (page), "page");
  gtk_window_set_child (GTK_WINDOW (window), stack);
  gtk_window_present (GTK_WINDOW (window));
  outlay_ui_test_run_for (200);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));

  /* hidden behind another page: it takes the document, draws nothing */
  g_object_set (page, "document", doc, NULL);
  g_assert_true (outlay_document_page_get_document (OUTLAY_DOCUMENT_PAGE (page)) == doc);
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_cmpuint (page->document_sets, ==, 1);
  g_assert_null (page->last_old);
  set_rate (doc, 700);
  set_rate (doc, 750);
  g_assert_true (outlay_document_undo (doc, NULL));
  g_assert_cmpuint (page->refreshes, ==, 0);

  /* shown: one refresh for everything it missed */
  gtk_stack_set_visible_child (GTK_STACK (stack), GTK_WIDGET (page));
  outlay_ui_test_run_for (100);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpuint (page->refreshes, ==, 1);

  /* on screen: every change refreshes at once */
  set_rate (doc, 800);
  g_assert_cmpuint (page->refreshes, ==, 2);
  g_object_set (outlay_document_get_budget (doc), "client", "Northwind", NULL);
  g_assert_cmpuint (page->refreshes, ==, 3);
  /* every commit stamps the budget's "modified": not a reason to redraw */
  g_object_set (outlay_document_get_budget (doc), "modified", (gint64) 1234, NULL);
  g_assert_cmpuint (page->refreshes, ==, 3);
  outlay_document_set_frozen (doc, "Bid", "a saved version");
  g_assert_cmpuint (page->refreshes, ==, 4);

  /* hidden again: marks itself dirty only */
  gtk_stack_set_visible_child (GTK_STACK (stack), front);
  outlay_ui_test_run_for (100);
  g_object_set (outlay_document_get_budget (doc), "client", "Southwind", NULL);
  g_assert_cmpuint (page->refreshes, ==, 4);
  gtk_stack_set_visible_child (GTK_STACK (stack), GTK_WIDGET (page));
  outlay_ui_test_run_for (100);
  g_assert_cmpuint (page->refreshes, ==, 5);

  /* setting the same document is no change */
  outlay_document_page_set_document (OUTLAY_DOCUMENT_PAGE (page), doc);
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_cmpuint (page->document_sets, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_old_document_is_let_go (void)
{
  g_autoptr(OutlayDocument) first = new_document ();
  g_autoptr(OutlayDocument) second = new_document ();
  GtkWidget *window = gtk_window_new ();
  TestPage *page = g_object_new (TEST_TYPE_PAGE, NULL);
  guint refreshes;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  outlay_ui_test_run_for (200);
  outlay_document_page_set_document (OUTLAY_DOCUMENT_PAGE (page), first);
  outlay_document_page_set_document (OUTLAY_DOCUMENT_PAGE (page), second);
  g_assert_true (page->last_old == first);
  g_assert_cmpuint (page->document_sets, ==, 2);

  /* edits to the budget no longer shown do not reach the page */
  refreshes = page->refreshes;
  set_rate (first, 990);
  g_object_set (outlay_document_get_budget (first), "client", "Elsewhere", NULL);
  g_assert_cmpuint (page->refreshes, ==, refreshes);
  set_rate (second, 990);
  g_assert_cmpuint (page->refreshes, ==, refreshes + 1);

  /* the page holds a reference while it shows a document, and drops it */
  g_object_add_weak_pointer (G_OBJECT (second), (gpointer *) &second);
  g_clear_object (&second);
  g_assert_nonnull (outlay_document_page_get_document (OUTLAY_DOCUMENT_PAGE (page)));
  second = g_object_ref (outlay_document_page_get_document (OUTLAY_DOCUMENT_PAGE (page)));
  g_object_unref (second);
  outlay_document_page_set_document (OUTLAY_DOCUMENT_PAGE (page), NULL);
  g_assert_null (second);
  g_assert_true (page->last_old != NULL);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The app's pages are document pages and follow the property too. */
static void
test_pages_share_the_base (void)
{
  GType types[] = { OUTLAY_TYPE_SHEET_VIEW, OUTLAY_TYPE_TOPSHEET_VIEW,
                    OUTLAY_TYPE_BUDGET_OVERVIEW };
  g_autoptr(OutlayDocument) doc = new_document ();

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *page = g_object_ref_sink (g_object_new (types[i], "document", doc, NULL));

      g_test_message ("%s", g_type_name (types[i]));
      g_assert_true (g_type_is_a (types[i], OUTLAY_TYPE_DOCUMENT_PAGE));
      g_assert_true (outlay_document_page_get_document (OUTLAY_DOCUMENT_PAGE (page)) == doc);
      g_object_run_dispose (G_OBJECT (page));
      g_assert_null (outlay_document_page_get_document (OUTLAY_DOCUMENT_PAGE (page)));
      g_object_unref (page);
    }
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/document-page/hidden-page-catches-up-once", test_hidden_page_catches_up_once);
  g_test_add_func ("/document-page/old-document-is-let-go", test_old_document_is_let_go);
  g_test_add_func ("/document-page/pages-share-the-base", test_pages_share_the_base);
  return g_test_run ();
}
