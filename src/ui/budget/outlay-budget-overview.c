/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-budget-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-budget-overview.h"
#include "outlay-currency.h"
#include "outlay-spend-badge.h"
#include "outlay-topsheet.h"

struct _OutlayBudgetOverview
{
  OutlayDocumentPage parent_instance;
  GtkLabel       *name_label;
  GtkLabel       *client_label;
  GtkLabel       *status_label;
  GtkLabel       *kind_label;
  GtkLabel       *currency_label;
  GtkLabel       *lines_label;
  GtkLabel       *allocated_label;
  GtkBox *facts_box;
  GtkWidget *spend_badge;
  GtkFlowBox     *cards;
  GtkListBox     *sections_list;
};

G_DEFINE_FINAL_TYPE (OutlayBudgetOverview, outlay_budget_overview, OUTLAY_TYPE_DOCUMENT_PAGE)

/* Wide enough for "−$99,999,999.00" */
#define AMOUNT_WIDTH 124

static const char *status_classes[] = { "draft", "submitted", "approved", "locked" };

static void
clear_children (GtkWidget *parent, void (*remove) (GtkWidget *, GtkWidget *))
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    remove (parent, child);
}

static void
flow_remove (GtkWidget *parent, GtkWidget *child)
{
  gtk_flow_box_remove (GTK_FLOW_BOX (parent), child);
}

static void
list_remove (GtkWidget *parent, GtkWidget *child)
{
  gtk_list_box_remove (GTK_LIST_BOX (parent), child);
}

/* An amount label; negative variances say "over" with an icon, not only
 * with colour. */
static GtkWidget *
amount_widget (OutlayDecimal value, const char *currency, gboolean is_variance, gboolean large)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  g_autofree char *text = outlay_currency_format (value, currency);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  if (large)
    gtk_widget_add_css_class (label, "amount");
  else
    {
      /* right-align in the fixed-width column without asking the row for
       * space: a spacer takes the slack, the icon stays by the amount */
      GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_set_hexpand (spacer, TRUE);
      gtk_box_append (GTK_BOX (box), spacer);
      gtk_widget_set_hexpand (box, FALSE);
    }
  if (is_variance && value < 0)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_set_tooltip_text (icon, _("Over budget"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Over budget"), -1);
      gtk_widget_add_css_class (box, "over-budget");
      gtk_box_append (GTK_BOX (box), icon);
    }
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
add_card (OutlayBudgetOverview *self, const char *caption, OutlayDecimal value,
          const char *currency, gboolean is_variance)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (caption);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "total-card");
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (card), title);
  gtk_box_append (GTK_BOX (card), amount_widget (value, currency, is_variance, TRUE));
  gtk_flow_box_append (self->cards, card);
}

static GtkWidget *
cell (const char *text, int width, float xalign, gboolean expand)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_width_chars (GTK_LABEL (label), width);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, expand);
  return label;
}

static GtkWidget *
sized (GtkWidget *widget, int width)
{
  gtk_widget_set_size_request (widget, width, -1);
  return widget;
}

static void
add_section_row (OutlayBudgetOverview *self, const char *code, const char *name, guint n_lines,
                 const OutlayTotals *t, const char *currency, const char *css)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *count = g_strdup_printf ("%u", n_lines);
  GtkWidget *count_label = cell (count, 5, 1, FALSE);

  gtk_widget_add_css_class (row, "section-row");
  if (css != NULL)
    gtk_widget_add_css_class (row, css);
  gtk_widget_add_css_class (count_label, "numeric");
  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_box_append (GTK_BOX (row), cell (code, 3, 0, FALSE));
  gtk_box_append (GTK_BOX (row), cell (name, 12, 0, TRUE));
  gtk_box_append (GTK_BOX (row), count_label);
  gtk_box_append (GTK_BOX (row), sized (amount_widget (t->estimate, currency, FALSE, FALSE), AMOUNT_WIDTH));
  gtk_box_append (GTK_BOX (row), sized (amount_widget (t->actual, currency, FALSE, FALSE), AMOUNT_WIDTH));
  gtk_box_append (GTK_BOX (row),
                  sized (amount_widget (outlay_totals_get_variance (t), currency, TRUE, FALSE), AMOUNT_WIDTH));
  gtk_list_box_append (self->sections_list, row);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (row)), FALSE);
}

static void
add_header_row (OutlayBudgetOverview *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_add_css_class (row, "section-header");
  gtk_widget_add_css_class (row, "dim-label");
  gtk_box_append (GTK_BOX (row), cell (_("Code"), 3, 0, FALSE));
  gtk_box_append (GTK_BOX (row), cell (_("Section"), 12, 0, TRUE));
  gtk_box_append (GTK_BOX (row), cell (_("Lines"), 5, 1, FALSE));
  gtk_box_append (GTK_BOX (row), sized (cell (_("Estimate"), 0, 1, FALSE), AMOUNT_WIDTH));
  gtk_box_append (GTK_BOX (row), sized (cell (_("Actual"), 0, 1, FALSE), AMOUNT_WIDTH));
  gtk_box_append (GTK_BOX (row), sized (cell (_("Variance"), 0, 1, FALSE), AMOUNT_WIDTH));
  gtk_list_box_append (self->sections_list, row);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (row)), FALSE);
}

static void
refresh (OutlayDocumentPage *page)
{
  OutlayBudgetOverview *self = OUTLAY_BUDGET_OVERVIEW (page);
  OutlayDocument *document = outlay_document_page_get_document (page);
  OutlayBudget *b;
  const OutlayTotals *t;
  const char *cur;
  g_autofree char *lines = NULL;
  g_autofree char *version = NULL;
  OutlayBudgetStatus status;

  clear_children (GTK_WIDGET (self->cards), flow_remove);
  clear_children (GTK_WIDGET (self->sections_list), list_remove);
  outlay_spend_badge_show_document (self->spend_badge, document);
  if (document == NULL)
    return;

  b = outlay_document_get_budget (document);
  t = outlay_document_get_totals (document);
  cur = outlay_budget_get_currency (b);
  status = outlay_budget_get_status (b);

  gtk_label_set_text (self->name_label, outlay_budget_get_name (b));
  gtk_label_set_text (self->client_label, outlay_budget_get_client (b));
  gtk_widget_set_visible (GTK_WIDGET (self->client_label), *outlay_budget_get_client (b) != '\0');
  version = outlay_document_page_version_title (document);
  gtk_label_set_text (self->status_label,
                      version != NULL ? version : outlay_budget_status_title (status));
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "version");
  /* a saved version is a version, not a locked budget */
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label),
                            version != NULL ? "version" : status_classes[status]);
  gtk_label_set_text (self->kind_label, outlay_budget_kind_title (outlay_budget_get_kind (b)));
  gtk_label_set_text (self->currency_label, cur);
  lines = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line", "%u lines",
                                        outlay_document_get_n_lines (document)),
                           outlay_document_get_n_lines (document));
  gtk_label_set_text (self->lines_label, lines);

  gtk_widget_remove_css_class (GTK_WIDGET (self->allocated_label), "over-budget");
  gtk_widget_remove_css_class (GTK_WIDGET (self->allocated_label), "dim-label");
  if (outlay_budget_get_allocated (b) == 0)
    {
      /* nothing to be over or under: no figure, no percentage */
      gtk_label_set_text (self->allocated_label, _("No allocation set"));
      gtk_widget_add_css_class (GTK_WIDGET (self->allocated_label), "dim-label");
    }
  else
    {
      g_autofree char *amount = outlay_currency_format (outlay_budget_get_allocated (b), cur);
      g_autofree char *text = NULL;
      OutlayDecimal pct;

      g_autoptr(OutlayTopSheet) sheet = outlay_topsheet_new (document);
      gboolean aicp = outlay_topsheet_is_aicp (sheet);
      /* an AICP bid is held against its contracted total, markups and fees
       * included, not just its lines */
      OutlayDecimal bid = aicp ? outlay_topsheet_get_total (sheet)->estimate : t->estimate;

      if (outlay_decimal_as_percent (bid, outlay_budget_get_allocated (b), &pct))
        {
          g_autofree char *share = outlay_decimal_to_string (pct, 0);

          if (aicp)
            /* Translators: "Allocated $520,000.00 · contracted total 102% of it" */
            text = g_strdup_printf (_("Allocated %s · contracted total %s%% of it"), amount, share);
          else
            /* Translators: "Allocated $520,000.00 · 89% estimated" */
            text = g_strdup_printf (_("Allocated %s · %s%% estimated"), amount, share);
          /* the thresholds also apply to what is spent: actual + committed */
          if (outlay_spend_level_classify (b, pct) == OUTLAY_SPEND_LEVEL_CRITICAL
              || outlay_spend_level_for_document (document, NULL) == OUTLAY_SPEND_LEVEL_CRITICAL)
            gtk_widget_add_css_class (GTK_WIDGET (self->allocated_label), "over-budget");
          else
            gtk_widget_remove_css_class (GTK_WIDGET (self->allocated_label), "over-budget");
        }
      else
        text = g_strdup_printf (_("Allocated %s"), amount);
      gtk_label_set_text (self->allocated_label, text);
    }
  add_card (self, _("Estimate"), t->estimate, cur, FALSE);
  add_card (self, _("Actual"), t->actual, cur, FALSE);
  add_card (self, _("Variance"), outlay_totals_get_variance (t), cur, TRUE);
  add_card (self, _("Committed"), t->committed, cur, FALSE);
  add_card (self, _("Reserved"), t->reserved, cur, FALSE);
  /* what is left once actual, committed and reserved are taken out of the
   * allocation (or the estimate when no allocation is set) */
  add_card (self, outlay_document_get_budgeted_is_allocation (document)
            ? _("Available of allocation")
            : _("Available of estimate"), outlay_document_get_available (document), cur, TRUE);

  add_header_row (self);
  for (guint s = 0; s < outlay_document_get_n_sections (document); s++)
    {
      OutlaySection *section = outlay_document_get_section (document, s);

      add_section_row (self, outlay_section_get_code (section), outlay_section_get_name (section),
                       outlay_section_get_n_lines (section), outlay_section_get_totals (section),
                       cur, NULL);
    }
  add_section_row (self, "", _("Total"), outlay_document_get_n_lines (document), t, cur,
                   "total");
}

static void
outlay_budget_overview_dispose (GObject *object)
{
  OutlayBudgetOverview *self = OUTLAY_BUDGET_OVERVIEW (object);

  outlay_budget_overview_set_document (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_BUDGET_OVERVIEW);
  G_OBJECT_CLASS (outlay_budget_overview_parent_class)->dispose (object);
}

static void
outlay_budget_overview_class_init (OutlayBudgetOverviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = outlay_budget_overview_dispose;
  OUTLAY_DOCUMENT_PAGE_CLASS (klass)->refresh = refresh;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/outlay-budget-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayBudgetOverview, name_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayBudgetOverview, client_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayBudgetOverview, status_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayBudgetOverview, kind_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayBudgetOverview, currency_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayBudgetOverview, lines_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayBudgetOverview, allocated_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayBudgetOverview, facts_box);
  gtk_widget_class_bind_template_child (widget_class, OutlayBudgetOverview, cards);
  gtk_widget_class_bind_template_child (widget_class, OutlayBudgetOverview, sections_list);
}

static void
outlay_budget_overview_init (OutlayBudgetOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->spend_badge = outlay_spend_badge_new ();
  gtk_box_append (self->facts_box, self->spend_badge);
}

/**
 * outlay_budget_overview_set_document:
 * @self: the overview
 * @document: (nullable): the budget to show; kept up to date as it changes
 */
void
outlay_budget_overview_set_document (OutlayBudgetOverview *self,
                                     OutlayDocument       *document)
{
  outlay_document_page_set_document (OUTLAY_DOCUMENT_PAGE (self), document);
}

OutlayDocument *
outlay_budget_overview_get_document (OutlayBudgetOverview *self)
{
  return outlay_document_page_get_document (OUTLAY_DOCUMENT_PAGE (self));
}
