/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-recommendations-page"

/* The Advice page: the rules' recommendations and Gemini's in one list,
 * each with what it saves, how sure it is and how urgent, and Accept,
 * Reject and Implement (the change a recommendation carries is made on the
 * open document, so Ctrl+Z takes it back); below, the return on
 * investment now, snapshots of it and two of them compared.  The rules run
 * again a moment after the budget stops changing. */

#include "config.h"

#include <glib/gi18n.h>
#include "outlay-currency.h"
#include "outlay-dashboard-load.h"
#include "outlay-document-tasks.h"
#include "outlay-engine-json.h"
#include "outlay-error.h"
#include "outlay-recommendations-page.h"
#include "outlay-rules.h"
#include "outlay-store-recommendations.h"
#include "outlay-store-roi.h"

/* after the last change, before the rules run again */
#define DEBOUNCE_MS 300

struct _OutlayRecommendationsPage
{
  OutlayDocumentPage parent_instance;

  GtkLabel *empty_label;
  GtkListBox *advice_list;
  AdwActionRow *value_row;
  AdwActionRow *cost_row;
  AdwActionRow *roi_row;
  AdwActionRow *tasks_row;
  GtkButton *snapshot_button;
  GtkDropDown *from_drop;
  GtkDropDown *to_drop;
  GtkLabel *compare_label;

  OutlayStore *store;
  GPtrArray *shown;     /* OutlayRecommendation, as listed */
  GPtrArray *snapshots; /* OutlayRoiSnapshot, oldest first */
  guint32 today;        /* 0: the real today */
  guint debounce;
  GArray *implemented; /* Implemented: what undo and redo carry along */
};

/* A recommendation implemented here: its status follows the edit that
 * implemented it through undo and redo (the status is kept beside the
 * budget, not in it). */
typedef struct
{
  guint64 serial; /* the document's command */
  gint64 id;      /* the recommendation */
  OutlayRecommendationStatus before;
  gboolean done;
} Implemented;

G_DEFINE_FINAL_TYPE (OutlayRecommendationsPage,
                     outlay_recommendations_page,
                     OUTLAY_TYPE_DOCUMENT_PAGE)

static const char *
currency (OutlayRecommendationsPage *self)
{
  OutlayDocument *doc = outlay_document_page_get_document (OUTLAY_DOCUMENT_PAGE (self));

  return doc != NULL ? outlay_budget_get_currency (outlay_document_get_budget (doc)) : "USD";
}

static void
message (OutlayRecommendationsPage *self, const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
  else
    g_message ("%s", text);
}

static guint32
today (OutlayRecommendationsPage *self)
{
  return self->today != 0 ? self->today : outlay_dashboard_today ();
}

/* ---- running the rules ---- */

static void
add_rated_line (gint64 budget_id,
                const char *description,
                const char *unit,
                OutlayDecimal rate,
                gpointer patterns)
{
  outlay_rate_patterns_add (patterns, budget_id, description, unit, rate);
}

/* What outlay-cli recommend does: the rules over the open document,
 * kept with what the user already accepted or rejected. */
static void
run_rules (OutlayRecommendationsPage *self, OutlayDocument *doc)
{
  gint64 id = outlay_budget_get_id (outlay_document_get_budget (doc));
  g_autoptr(OutlayRatePatterns) patterns = outlay_rate_patterns_new ();
  g_autoptr(GArray) spend = NULL;
  g_autoptr(GPtrArray) advice = NULL;
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GError) error = NULL;
  OutlayRulesContext context;

  if (outlay_document_get_read_only (doc) || id <= 0)
    return;
  if (!outlay_store_foreach_rated_line_except (self->store, id, add_rated_line, patterns, &error))
    {
      message (self, error->message);
      return;
    }
  spend = outlay_rules_dated_spend (doc);
  outlay_rules_context_init (&context, doc, today (self), spend);
  context.patterns = patterns;
  advice = outlay_rules_run (doc, &context);
  saved = outlay_store_save_advice (self->store, id, OUTLAY_RECOMMENDATION_SOURCE_RULES, advice,
                                    &error);
  if (saved == NULL)
    message (self, error->message);
}

/* ---- the list ---- */

static const char *
priority_title (OutlayPriority priority)
{
  switch (priority)
    {
      case OUTLAY_PRIORITY_CRITICAL:
        return _("Critical priority");
      case OUTLAY_PRIORITY_HIGH:
        return _("High priority");
      case OUTLAY_PRIORITY_MEDIUM:
        return _("Medium priority");
      case OUTLAY_PRIORITY_LOW:
      default:
        return _("Low priority");
    }
}

static const char *
status_title (OutlayRecommendationStatus status)
{
  switch (status)
    {
      case OUTLAY_RECOMMENDATION_STATUS_ACCEPTED:
        return _("Accepted");
      case OUTLAY_RECOMMENDATION_STATUS_REJECTED:
        return _("Rejected");
      case OUTLAY_RECOMMENDATION_STATUS_IMPLEMENTED:
        return _("Implemented");
      case OUTLAY_RECOMMENDATION_STATUS_NEW:
      default:
        return _("New");
    }
}

static void reload_list (OutlayRecommendationsPage *self);

static void
act (OutlayRecommendationsPage *self, OutlayRecommendation *r, OutlayRecommendationStatus status)
{
  OutlayDocument *doc = outlay_document_page_get_document (OUTLAY_DOCUMENT_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (status == OUTLAY_RECOMMENDATION_STATUS_IMPLEMENTED)
    {
      Implemented done = { .id = outlay_recommendation_get_id (r),
                           .before = outlay_recommendation_get_status (r),
                           .done = TRUE };

      if (doc == NULL || !outlay_recommendation_implement (r, doc, &error))
        {
          if (error != NULL)
            message (self, error->message);
          return;
        }
      done.serial = outlay_document_get_undo_serial (doc);
      g_array_append_val (self->implemented, done);
    }
  if (!outlay_store_set_recommendation_status (self->store, outlay_recommendation_get_id (r),
                                               status, &error))
    message (self, error->message);
  reload_list (self);
}

/* Undo or redo moved the document: an implemented recommendation whose
 * edit was undone goes back to what it was, and is implemented again on
 * redo. */
static void
document_changed_cb (OutlayRecommendationsPage *self, OutlayDocument *doc)
{
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE;

  for (guint i = self->implemented->len; i-- > 0;)
    {
      Implemented *it = &g_array_index (self->implemented, Implemented, i);
      OutlayCommandState state = outlay_document_get_command_state (doc, it->serial);

      if (state == OUTLAY_COMMAND_FORGOTTEN)
        {
          g_array_remove_index (self->implemented, i);
          continue;
        }
      if ((state == OUTLAY_COMMAND_DONE) == it->done || self->store == NULL)
        continue;
      it->done = state == OUTLAY_COMMAND_DONE;
      changed = TRUE;
      if (!outlay_store_set_recommendation_status (
              self->store, it->id, it->done ? OUTLAY_RECOMMENDATION_STATUS_IMPLEMENTED : it->before,
              &error))
        {
          message (self, error->message);
          g_clear_error (&error);
        }
    }
  if (changed)
    reload_list (self);
}

static void
document_set (OutlayDocumentPage *page, OutlayDocument *old)
{
  OutlayRecommendationsPage *self = OUTLAY_RECOMMENDATIONS_PAGE (page);
  OutlayDocument *doc = outlay_document_page_get_document (page);

  OUTLAY_DOCUMENT_PAGE_CLASS (outlay_recommendations_page_parent_class)->document_set (page, old);
  if (self->implemented != NULL)
    g_array_set_size (self->implemented, 0);
  if (doc != NULL)
    g_signal_connect_object (doc, "changed", G_CALLBACK (document_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

static void
button_clicked_cb (GtkButton *button, OutlayRecommendationsPage *self)
{
  OutlayRecommendation *r = g_object_get_data (G_OBJECT (button), "recommendation");
  int status = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "status"));

  act (self, r, status);
}

static GtkWidget *
action_button (OutlayRecommendationsPage *self,
               OutlayRecommendation *r,
               const char *label,
               OutlayRecommendationStatus status,
               gboolean sensitive)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_object_set_data_full (G_OBJECT (button), "recommendation", g_object_ref (r), g_object_unref);
  g_object_set_data (G_OBJECT (button), "status", GINT_TO_POINTER (status));
  /* "Accept" alone is the same for every row: the title says which */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  outlay_recommendation_get_title (r), -1);
  gtk_widget_set_sensitive (button, sensitive);
  g_signal_connect (button, "clicked", G_CALLBACK (button_clicked_cb), self);
  return button;
}

static GtkWidget *
label (const char *text, const char *css)
{
  GtkWidget *l = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (l), TRUE);
  gtk_label_set_xalign (GTK_LABEL (l), 0);
  if (css != NULL)
    gtk_widget_add_css_class (l, css);
  return l;
}

static GtkWidget *
advice_row (OutlayRecommendationsPage *self, OutlayRecommendation *r, gboolean editable)
{
  OutlayRecommendationStatus status = outlay_recommendation_get_status (r);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *savings = outlay_currency_format (
      outlay_recommendation_get_estimated_savings (r), currency (self));
  g_autofree char *saves = outlay_recommendation_get_estimated_savings (r) > 0
      /* Translators: "Saves $1,500.00 · " before the other facts */
      ? g_strdup_printf (_("Saves %s · "), savings)
      : g_strdup ("");
  g_autofree char *facts = g_strdup_printf (
      /* Translators: "[Saves $1,500.00 · ]70% confidence · Medium priority · Rules · New" */
      _("%s%u%% confidence · %s · %s · %s"), saves, outlay_recommendation_get_confidence (r),
         priority_title (outlay_recommendation_get_priority (r)),
         outlay_recommendation_get_source (r) == OUTLAY_RECOMMENDATION_SOURCE_GEMINI
         ? _("Gemini")
         : _("Rules"), status_title (status));
  gboolean open = status == OUTLAY_RECOMMENDATION_STATUS_NEW
                  || status == OUTLAY_RECOMMENDATION_STATUS_ACCEPTED;

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), label (outlay_recommendation_get_title (r), "heading"));
  gtk_box_append (GTK_BOX (box), label (outlay_recommendation_get_description (r), NULL));
  if (outlay_recommendation_get_reasoning (r) != NULL && *outlay_recommendation_get_reasoning (r))
    gtk_box_append (GTK_BOX (box), label (outlay_recommendation_get_reasoning (r), "dim-label"));
  gtk_box_append (GTK_BOX (box), label (facts, "caption"));
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (
      GTK_BOX (buttons),
      action_button (self, r,
                     _("_Reject"), OUTLAY_RECOMMENDATION_STATUS_REJECTED, editable && open));
  gtk_box_append (GTK_BOX (buttons),
                  action_button (self, r,
                                 _("_Accept"), OUTLAY_RECOMMENDATION_STATUS_ACCEPTED,
                                    editable && status == OUTLAY_RECOMMENDATION_STATUS_NEW));
  if (outlay_recommendation_get_action (r) != NULL)
    {
      GtkWidget *implement = action_button (
          self, r, _("_Implement"), OUTLAY_RECOMMENDATION_STATUS_IMPLEMENTED, editable && open);

      gtk_widget_add_css_class (implement, "suggested-action");
      gtk_box_append (GTK_BOX (buttons), implement);
    }
  gtk_box_append (GTK_BOX (box), buttons);
  if (!open)
    gtk_widget_add_css_class (box, "dim-label");
  return box;
}

static void
reload_list (OutlayRecommendationsPage *self)
{
  OutlayDocument *doc = outlay_document_page_get_document (OUTLAY_DOCUMENT_PAGE (self));
  GtkWidget *child;
  g_autoptr(GError) error = NULL;
  gboolean editable;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->advice_list))) != NULL)
    gtk_list_box_remove (self->advice_list, child);
  g_ptr_array_set_size (self->shown, 0);
  if (doc == NULL || self->store == NULL)
    return;
  editable = !outlay_document_get_read_only (doc);
  {
    g_autoptr(GPtrArray) list = outlay_store_list_recommendations (
        self->store, outlay_budget_get_id (outlay_document_get_budget (doc)), &error);

    if (list == NULL)
      {
        message (self, error->message);
        return;
      }
    for (guint i = 0; i < list->len; i++)
      {
        GtkWidget *row = advice_row (self, list->pdata[i], editable);

        g_ptr_array_add (self->shown, g_object_ref (list->pdata[i]));
        gtk_list_box_append (self->advice_list, row);
        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (row)), FALSE);
      }
  }
  gtk_widget_set_visible (GTK_WIDGET (self->advice_list), self->shown->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), self->shown->len == 0);
}

/* ---- return on investment ---- */

static char *
roi_text (OutlayDecimal value, OutlayDecimal cost)
{
  OutlayDecimal roi;
  g_autofree char *pct = NULL;

  if (value == 0 || !outlay_decimal_roi_percent (value, cost, &roi))
    return g_strdup (_("No return yet: set the expected or realized value in Properties"));
  pct = outlay_decimal_format_locale (outlay_decimal_round (roi, 1), 1);
  return g_strdup_printf ("%s %%", pct);
}

static char *
snapshot_title (OutlayRoiSnapshot *s)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_local (outlay_roi_snapshot_get_taken (s));
  g_autofree char *when = g_date_time_format (t, "%x %H:%M");
  g_autofree char *roi = roi_text (outlay_roi_snapshot_get_value (s),
                                   outlay_roi_snapshot_get_cost (s));

  /* Translators: a snapshot in the drop-down, "12/03/2026 10:15 · 24.5 %" */
  return g_strdup_printf (_("%s · %s"), when, roi);
}

static void
update_compare (OutlayRecommendationsPage *self)
{
  guint a = gtk_drop_down_get_selected (self->from_drop);
  guint b = gtk_drop_down_get_selected (self->to_drop);
  OutlayRoiSnapshot *from, *to;
  g_autofree char *v1 = NULL, *v2 = NULL, *c1 = NULL, *c2 = NULL, *r1 = NULL, *r2 = NULL;
  g_autofree char *text = NULL;

  if (self->snapshots == NULL || a >= self->snapshots->len || b >= self->snapshots->len)
    {
      gtk_label_set_text (self->compare_label,
                          _("Take a snapshot now and again later to see how the return moves."));
      return;
    }
  from = self->snapshots->pdata[a];
  to = self->snapshots->pdata[b];
  v1 = outlay_currency_format (outlay_roi_snapshot_get_value (from), currency (self));
  v2 = outlay_currency_format (outlay_roi_snapshot_get_value (to), currency (self));
  c1 = outlay_currency_format (outlay_roi_snapshot_get_cost (from), currency (self));
  c2 = outlay_currency_format (outlay_roi_snapshot_get_cost (to), currency (self));
  r1 = roi_text (outlay_roi_snapshot_get_value (from), outlay_roi_snapshot_get_cost (from));
  r2 = roi_text (outlay_roi_snapshot_get_value (to), outlay_roi_snapshot_get_cost (to));
  /* Translators: two snapshots compared, each "before → after" */
  text = g_strdup_printf (_("Value %s → %s · Cost %s → %s · Return %s → %s · Tasks done %u/%u → %u/%u"), v1, v2, c1, c2,
      r1, r2, outlay_roi_snapshot_get_tasks_done (from), outlay_roi_snapshot_get_tasks_total (from),
      outlay_roi_snapshot_get_tasks_done (to), outlay_roi_snapshot_get_tasks_total (to));
  gtk_label_set_text (self->compare_label, text);
}

static void
compare_changed_cb (OutlayRecommendationsPage *self)
{
  update_compare (self);
}

static void
reload_snapshots (OutlayRecommendationsPage *self, OutlayDocument *doc)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->snapshots, g_ptr_array_unref);
  self->snapshots = outlay_store_list_roi_snapshots (
      self->store, outlay_budget_get_id (outlay_document_get_budget (doc)), &error);
  if (self->snapshots == NULL)
    message (self, error->message);
  for (guint i = 0; self->snapshots != NULL && i < self->snapshots->len; i++)
    {
      g_autofree char *title = snapshot_title (self->snapshots->pdata[i]);

      gtk_string_list_append (titles, title);
    }
  g_signal_handlers_block_by_func (self->from_drop, compare_changed_cb, self);
  g_signal_handlers_block_by_func (self->to_drop, compare_changed_cb, self);
  gtk_drop_down_set_model (self->from_drop, G_LIST_MODEL (titles));
  gtk_drop_down_set_model (self->to_drop, G_LIST_MODEL (titles));
  if (self->snapshots != NULL && self->snapshots->len >= 2)
    {
      gtk_drop_down_set_selected (self->from_drop, self->snapshots->len - 2);
      gtk_drop_down_set_selected (self->to_drop, self->snapshots->len - 1);
    }
  else
    {
      gtk_drop_down_set_selected (self->from_drop, GTK_INVALID_LIST_POSITION);
      gtk_drop_down_set_selected (self->to_drop, GTK_INVALID_LIST_POSITION);
    }
  g_signal_handlers_unblock_by_func (self->from_drop, compare_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->to_drop, compare_changed_cb, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->from_drop),
                            self->snapshots && self->snapshots->len >= 2);
  gtk_widget_set_sensitive (GTK_WIDGET (self->to_drop),
                            self->snapshots && self->snapshots->len >= 2);
  update_compare (self);
}

static void
update_roi (OutlayRecommendationsPage *self, OutlayDocument *doc)
{
  OutlayBudget *budget = outlay_document_get_budget (doc);
  OutlayDecimal expected = outlay_budget_get_expected_value (budget);
  OutlayDecimal realized = outlay_budget_get_realized_value (budget);
  OutlayDecimal value = realized != 0 ? realized : expected;
  gboolean cost_is_estimate = FALSE;
  OutlayDecimal cost = outlay_totals_get_roi_cost (outlay_document_get_totals (doc),
                                                   &cost_is_estimate);
  g_autofree char *e = outlay_currency_format (expected, currency (self));
  g_autofree char *r = outlay_currency_format (realized, currency (self));
  g_autofree char *value_text = g_strdup_printf (_("Expected %s · realized %s"), e, r);
  g_autofree char *cost_text = outlay_currency_format (cost, currency (self));
  g_autofree char *roi = roi_text (value, cost);
  g_autofree char *tasks = NULL;
  guint done = 0, total = 0;

  for (guint i = 0; i < outlay_document_get_n_tasks (doc); i++)
    {
      OutlayTaskStatus s = outlay_task_get_status (outlay_document_get_task (doc, i));

      if (s == OUTLAY_TASK_STATUS_CANCELLED)
        continue;
      total++;
      done += s == OUTLAY_TASK_STATUS_DONE;
    }
  tasks = g_strdup_printf (_("%u of %u"), done, total);
  adw_action_row_set_subtitle (self->value_row, value_text);
  if (cost_is_estimate)
    {
      /* Translators: the cost while nothing is spent yet */
      g_autofree char *text = g_strdup_printf (_("%s (the estimate: nothing spent yet)"),
                                                  cost_text);

      adw_action_row_set_subtitle (self->cost_row, text);
    }
  else
    adw_action_row_set_subtitle (self->cost_row, cost_text);
  adw_action_row_set_subtitle (self->roi_row, roi);
  adw_action_row_set_subtitle (self->tasks_row, tasks);
  gtk_widget_set_sensitive (GTK_WIDGET (self->snapshot_button),
                            !outlay_document_get_read_only (doc));
}

static void
snapshot_clicked_cb (OutlayRecommendationsPage *self)
{
  OutlayDocument *doc = outlay_document_page_get_document (OUTLAY_DOCUMENT_PAGE (self));
  g_autoptr(OutlayRoiSnapshot) taken = NULL;
  g_autoptr(GError) error = NULL;

  if (doc == NULL || self->store == NULL)
    return;
  if ((taken = outlay_store_take_roi_snapshot (self->store, doc, NULL, &error)) == NULL)
    {
      message (self, error->message);
      return;
    }
  reload_snapshots (self, doc);
}

/* ---- refreshing ---- */

static void
reload_now (OutlayRecommendationsPage *self)
{
  OutlayDocument *doc = outlay_document_page_get_document (OUTLAY_DOCUMENT_PAGE (self));

  g_clear_handle_id (&self->debounce, g_source_remove);
  if (doc == NULL || self->store == NULL)
    {
      reload_list (self);
      return;
    }
  run_rules (self, doc);
  reload_list (self);
  update_roi (self, doc);
  reload_snapshots (self, doc);
}

static gboolean
debounce_cb (gpointer data)
{
  OutlayRecommendationsPage *self = data;

  self->debounce = 0;
  reload_now (self);
  return G_SOURCE_REMOVE;
}

/* Every edit calls this: the rules run once the edits pause. */
static void
refresh (OutlayDocumentPage *page)
{
  OutlayRecommendationsPage *self = OUTLAY_RECOMMENDATIONS_PAGE (page);

  g_clear_handle_id (&self->debounce, g_source_remove);
  self->debounce = g_timeout_add (DEBOUNCE_MS, debounce_cb, self);
}

static void
outlay_recommendations_page_dispose (GObject *object)
{
  OutlayRecommendationsPage *self = OUTLAY_RECOMMENDATIONS_PAGE (object);

  g_clear_handle_id (&self->debounce, g_source_remove);
  outlay_document_page_set_document (OUTLAY_DOCUMENT_PAGE (self), NULL);
  /* leaving the document queued a refresh */
  g_clear_handle_id (&self->debounce, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_RECOMMENDATIONS_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->snapshots, g_ptr_array_unref);
  g_clear_pointer (&self->implemented, g_array_unref);
  G_OBJECT_CLASS (outlay_recommendations_page_parent_class)->dispose (object);
}

static void
outlay_recommendations_page_class_init (OutlayRecommendationsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = outlay_recommendations_page_dispose;
  OUTLAY_DOCUMENT_PAGE_CLASS (klass)->refresh = refresh;
  OUTLAY_DOCUMENT_PAGE_CLASS (klass)->document_set = document_set;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/outlay-recommendations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayRecommendationsPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayRecommendationsPage, advice_list);
  gtk_widget_class_bind_template_child (widget_class, OutlayRecommendationsPage, value_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayRecommendationsPage, cost_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayRecommendationsPage, roi_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayRecommendationsPage, tasks_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayRecommendationsPage, snapshot_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayRecommendationsPage, from_drop);
  gtk_widget_class_bind_template_child (widget_class, OutlayRecommendationsPage, to_drop);
  gtk_widget_class_bind_template_child (widget_class, OutlayRecommendationsPage, compare_label);
  gtk_widget_class_bind_template_callback (widget_class, snapshot_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, compare_changed_cb);
}

static void
outlay_recommendations_page_init (OutlayRecommendationsPage *self)
{
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
  self->implemented = g_array_new (FALSE, FALSE, sizeof (Implemented));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * outlay_recommendations_page_set_store:
 * @self: the page
 * @store: where recommendations and ROI snapshots are kept
 */
void
outlay_recommendations_page_set_store (OutlayRecommendationsPage *self, OutlayStore *store)
{
  g_return_if_fail (OUTLAY_IS_RECOMMENDATIONS_PAGE (self));
  g_set_object (&self->store, store);
  outlay_document_page_queue_refresh (OUTLAY_DOCUMENT_PAGE (self));
}

/* For tests: the day the rules look from (a Julian day), 0 for today */
void
outlay_recommendations_page_set_today (OutlayRecommendationsPage *self, guint32 julian_day)
{
  g_return_if_fail (OUTLAY_IS_RECOMMENDATIONS_PAGE (self));
  self->today = julian_day;
}

/**
 * outlay_recommendations_page_reload:
 * @self: the page
 *
 * Runs the rules and reads the list and the snapshots now, without
 * waiting for the edits to pause.
 */
void
outlay_recommendations_page_reload (OutlayRecommendationsPage *self)
{
  g_return_if_fail (OUTLAY_IS_RECOMMENDATIONS_PAGE (self));
  reload_now (self);
}

/**
 * outlay_recommendations_page_get_shown:
 * @self: the page
 *
 * Returns: (transfer none) (element-type OutlayRecommendation): what the
 *   list shows, in order
 */
GPtrArray *
outlay_recommendations_page_get_shown (OutlayRecommendationsPage *self)
{
  g_return_val_if_fail (OUTLAY_IS_RECOMMENDATIONS_PAGE (self), NULL);
  return self->shown;
}
