/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-document-page"

/* The base of every page that shows one open budget (the sheet, the top
 * sheet, the overview, and the dashboards to come), after sysprof's
 * SysprofSection: a "document" property that templates and bindings can
 * follow, and one rule for staying current.  The page refreshes when its
 * document, the document's budget or its read-only state changes, but
 * only while it is on screen: the window's view stack keeps every page,
 * and a hidden one only marks itself dirty and catches up when mapped,
 * so an edit in the sheet never rebuilds the pages behind it. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-document-page.h"

typedef struct
{
  OutlayDocument *document;
  OutlayBudget   *budget;
  gboolean        dirty;
} OutlayDocumentPagePrivate;

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_TYPE_WITH_PRIVATE (OutlayDocumentPage, outlay_document_page, ADW_TYPE_BIN)

static void
budget_notify_cb (OutlayDocumentPage *self, GParamSpec *pspec)
{
  /* every commit stamps "modified"; no page shows it */
  if (!g_str_equal (pspec->name, "modified"))
    outlay_document_page_queue_refresh (self);
}

static void
outlay_document_page_real_refresh (OutlayDocumentPage *self)
{
}

/* Another budget opens at its top, not where the last one was left, on
 * a page that scrolls as a whole (the sheet scrolls its own rows). */
static void
outlay_document_page_real_document_set (OutlayDocumentPage *self, OutlayDocument *old_document)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (self));

  if (!GTK_IS_SCROLLED_WINDOW (child)) /* none, or being disposed */
    return;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child)), 0);
  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (child)), 0);
}

static void
outlay_document_page_map (GtkWidget *widget)
{
  OutlayDocumentPage *self = OUTLAY_DOCUMENT_PAGE (widget);
  OutlayDocumentPagePrivate *priv = outlay_document_page_get_instance_private (self);

  GTK_WIDGET_CLASS (outlay_document_page_parent_class)->map (widget);
  if (priv->dirty)
    {
      priv->dirty = FALSE;
      OUTLAY_DOCUMENT_PAGE_GET_CLASS (self)->refresh (self);
    }
}

static void
outlay_document_page_dispose (GObject *object)
{
  outlay_document_page_set_document (OUTLAY_DOCUMENT_PAGE (object), NULL);
  G_OBJECT_CLASS (outlay_document_page_parent_class)->dispose (object);
}

static void
outlay_document_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  OutlayDocumentPage *self = OUTLAY_DOCUMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, outlay_document_page_get_document (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_document_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  OutlayDocumentPage *self = OUTLAY_DOCUMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      outlay_document_page_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_document_page_class_init (OutlayDocumentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_document_page_dispose;
  object_class->get_property = outlay_document_page_get_property;
  object_class->set_property = outlay_document_page_set_property;
  widget_class->map = outlay_document_page_map;
  klass->refresh = outlay_document_page_real_refresh;
  klass->document_set = outlay_document_page_real_document_set;

  /**
   * OutlayDocumentPage:document: (nullable)
   *
   * The open budget the page shows.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, OUTLAY_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
outlay_document_page_init (OutlayDocumentPage *self)
{
}

/**
 * outlay_document_page_get_document:
 * @self: a page
 *
 * Returns: (transfer none) (nullable): the document shown
 */
OutlayDocument *
outlay_document_page_get_document (OutlayDocumentPage *self)
{
  OutlayDocumentPagePrivate *priv = outlay_document_page_get_instance_private (self);

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT_PAGE (self), NULL);
  return priv->document;
}

/**
 * outlay_document_page_set_document:
 * @self: a page
 * @document: (nullable): the budget to show; the page follows its changes
 */
void
outlay_document_page_set_document (OutlayDocumentPage *self,
                                   OutlayDocument     *document)
{
  OutlayDocumentPagePrivate *priv = outlay_document_page_get_instance_private (self);
  g_autoptr(OutlayDocument) old = NULL;

  g_return_if_fail (OUTLAY_IS_DOCUMENT_PAGE (self));
  g_return_if_fail (document == NULL || OUTLAY_IS_DOCUMENT (document));

  if (priv->document == document)
    return;
  old = g_steal_pointer (&priv->document);
  if (old != NULL)
    g_signal_handlers_disconnect_by_data (old, self);
  if (priv->budget != NULL)
    g_signal_handlers_disconnect_by_data (priv->budget, self);
  g_clear_object (&priv->budget);
  if (document != NULL)
    {
      priv->document = g_object_ref (document);
      priv->budget = g_object_ref (outlay_document_get_budget (document));
      g_signal_connect_swapped (document, "changed",
                                G_CALLBACK (outlay_document_page_queue_refresh), self);
      /* a saved version is frozen without a command */
      g_signal_connect_swapped (document, "notify::read-only",
                                G_CALLBACK (outlay_document_page_queue_refresh), self);
      g_signal_connect_swapped (priv->budget, "notify", G_CALLBACK (budget_notify_cb), self);
    }
  if (OUTLAY_DOCUMENT_PAGE_GET_CLASS (self)->document_set != NULL)
    OUTLAY_DOCUMENT_PAGE_GET_CLASS (self)->document_set (self, old);
  outlay_document_page_queue_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * outlay_document_page_queue_refresh:
 * @self: a page
 *
 * Refreshes the page now if it is on screen, else when it is next shown.
 */
void
outlay_document_page_queue_refresh (OutlayDocumentPage *self)
{
  OutlayDocumentPagePrivate *priv = outlay_document_page_get_instance_private (self);

  g_return_if_fail (OUTLAY_IS_DOCUMENT_PAGE (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      priv->dirty = FALSE;
      OUTLAY_DOCUMENT_PAGE_GET_CLASS (self)->refresh (self);
    }
  else
    priv->dirty = TRUE;
}

/**
 * outlay_document_page_version_title:
 * @document: a document
 *
 * What a saved version shown read-only is called on screen: a version,
 * not a locked budget.
 *
 * Returns: (transfer full) (nullable): "Version “Bid”, saved 14 March",
 *   or %NULL when @document is a budget's current state
 */
char *
outlay_document_page_version_title (OutlayDocument *document)
{
  const char *name;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = NULL;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (document), NULL);
  name = outlay_document_get_frozen_name (document);
  if (name == NULL)
    return NULL;
  if (outlay_document_get_frozen_saved (document) > 0)
    when = g_date_time_new_from_unix_local (outlay_document_get_frozen_saved (document));
  if (when == NULL)
    /* Translators: a saved version shown read-only, "Version “Bid”" */
    return g_strdup_printf (_("Version “%s”"), name);
  /* Translators: a date in this year, "14 March" (strftime format) */
  date = g_date_time_format (when, g_date_time_get_year (when) == g_date_time_get_year (now)
                             ? C_("version date", "%-d %B")
                                   /* Translators: a date in another year, "14 March 2025" */
                                   : C_("version date", "%-d %B %Y"));
  /* Translators: a saved version shown read-only, "Version “Bid”, saved 14 March" */
  return g_strdup_printf (_("Version “%s”, saved %s"), name, date);
}
