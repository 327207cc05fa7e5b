/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-recommendations"

/* Gemini's advice on the open budget: the context is built here, on the
 * main thread, from the document; the request and the saving run in a
 * worker thread (outlay_gemini_advise_async). */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-advice-context.h"
#include "outlay-currency.h"
#include "outlay-error.h"
#include "outlay-gemini-dialog.h"
#include "outlay-gemini.h"
#include "outlay-store-advice.h"

struct _OutlayGeminiDialog
{
  AdwWindow parent_instance;

  GtkWidget *cancel_button;
  GtkWidget *ask_button;
  GtkWidget *done_button;
  GtkStack *stack;
  AdwStatusPage *ask_page;
  GtkSwitch *ai_switch;
  AdwActionRow *model_row;
  GtkSpinner *spinner;
  AdwStatusPage *error_page;
  GtkWidget *connections_button;
  GtkLabel *summary_label;
  AdwPreferencesGroup *advice_group;
  GtkListBox *advice_box;
  GtkLabel *left_out_label;

  OutlayStore *store;
  OutlayDocument *document;
  GSettings *settings;
  GCancellable *cancellable;
  char *model;
};

G_DEFINE_FINAL_TYPE (OutlayGeminiDialog, outlay_gemini_dialog, ADW_TYPE_WINDOW)

enum
{
  RECOMMENDATIONS_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static OutlayBudget *
budget_of (OutlayGeminiDialog *self)
{
  return outlay_document_get_budget (self->document);
}

static void
show_page (OutlayGeminiDialog *self, const char *page)
{
  gboolean end = g_str_equal (page, "answer") || g_str_equal (page, "error");

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (page, "asking"));
  gtk_widget_set_visible (self->ask_button, g_str_equal (page, "ask"));
  gtk_widget_set_visible (self->done_button, end);
  gtk_widget_set_visible (self->cancel_button, !end);
}

static void
update_ask (OutlayGeminiDialog *self)
{
  gtk_widget_set_sensitive (self->ask_button, outlay_budget_get_ai_analysis (budget_of (self)));
}

static void
ai_switched_cb (OutlayGeminiDialog *self)
{
  gboolean on = gtk_switch_get_active (self->ai_switch);
  g_auto (GValue) value = G_VALUE_INIT;
  g_autoptr (GError) error = NULL;

  if (on == outlay_budget_get_ai_analysis (budget_of (self)))
    return;
  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, on);
  /* the budget's own setting, undoable like any edit */
  if (!outlay_document_set_budget_value (self->document, "ai-analysis", &value, &error))
    {
      gtk_switch_set_active (self->ai_switch, !on);
      adw_status_page_set_description (self->ask_page, error->message);
    }
  update_ask (self);
}

static const char *
priority_label (const char *priority)
{
  if (g_strcmp0 (priority, "critical") == 0)
    return _("Critical");
  if (g_strcmp0 (priority, "high") == 0)
    return _("High");
  if (g_strcmp0 (priority, "medium") == 0)
    return _("Medium");
  return _("Low");
}

static GtkWidget *
text_row (const char *text, gboolean dim)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* One suggestion: its title, priority, savings and confidence, opened to
 * show what to do and Gemini's reasons */
static GtkWidget *
advice_row (OutlayGeminiDialog *self, OutlayAdviceRow *r)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *savings = outlay_currency_format (r->savings,
                                                     outlay_budget_get_currency (budget_of (self)));
  g_autofree char *subtitle = NULL;
  g_autofree char *why = g_strdup_printf (_("Why: %s"), r->reasoning ? r->reasoning : "");

  subtitle = r->savings > 0
      /* Translators: "High · saves €1,500.00 · confidence 70 %" */
      ? g_strdup_printf (_("%s · saves %s · confidence %d %%"), priority_label (r->priority),
                            savings, r->confidence)
      : g_strdup_printf (_("%s · confidence %d %%"), priority_label (r->priority), r->confidence);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text_row (r->description, FALSE));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text_row (why, TRUE));
  return row;
}

static void
show_answer (OutlayGeminiDialog *self, OutlayGeminiAdvice *advice)
{
  guint n = advice->recommendations->len;
  g_autofree char *title = g_strdup_printf (
      g_dngettext (NULL, "%u Recommendation from Gemini", "%u Recommendations from Gemini", n), n);
  GtkWidget *child;

  gtk_label_set_text (self->summary_label, advice->summary ? advice->summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label),
                          advice->summary != NULL && *advice->summary != '\0');
  adw_preferences_group_set_title (self->advice_group, title);
  adw_preferences_group_set_description (
      self->advice_group, n ? _("Kept with the budget’s recommendations, marked as from Gemini")
                            : _("Gemini found nothing to suggest for this budget"));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->advice_box))) != NULL)
    gtk_list_box_remove (self->advice_box, child);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->advice_box,
                         advice_row (self, g_ptr_array_index (advice->recommendations, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->advice_box), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->left_out_label), advice->left_out > 0);
  if (advice->left_out > 0)
    {
      g_autofree char *text = g_strdup_printf (
          g_dngettext (NULL, "%u suggestion was left out because it could not be checked: %s",
                       "%u suggestions were left out because they could not be checked: %s",
                       advice->left_out),
          advice->left_out, advice->why ? advice->why : "");

      gtk_label_set_text (self->left_out_label, text);
    }
  show_page (self, "answer");
}

static void
advised_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (OutlayGeminiDialog) self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayGeminiAdvice) advice = outlay_gemini_advise_finish (result, &error);

  if (self->stack == NULL)
    return; /* closed meanwhile */
  if (advice == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_object (&self->cancellable);
          self->cancellable = g_cancellable_new ();
          show_page (self, "ask");
          return;
        }
      adw_status_page_set_description (self->error_page, error->message);
      gtk_widget_set_visible (self->connections_button,
                              g_error_matches (error, OUTLAY_ERROR, OUTLAY_ERROR_AUTH));
      show_page (self, "error");
      return;
    }
  g_signal_emit (self, signals[RECOMMENDATIONS_SAVED], 0, outlay_budget_get_id (budget_of (self)));
  show_answer (self, advice);
}

static void
ask_clicked_cb (OutlayGeminiDialog *self)
{
  OutlayBudget *budget = budget_of (self);
  gboolean names = self->settings && g_settings_get_boolean (self->settings, "ai-allow-names");
  g_autofree char *context = NULL;

  if (!outlay_budget_get_ai_analysis (budget))
    return;
  context = outlay_advice_context_build (self->document, names);
  show_page (self, "asking");
  outlay_gemini_advise_async (outlay_store_get_path (self->store), outlay_budget_get_id (budget),
                              self->model, context, outlay_budget_get_currency (budget),
                              MAX (outlay_document_get_totals (self->document)->estimate, 0),
                              self->cancellable, advised_cb, g_object_ref (self));
}

static void
cancel_clicked_cb (OutlayGeminiDialog *self)
{
  /* the question stops; an answer that comes later is not saved */
  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "asking"))
    {
      g_cancellable_cancel (self->cancellable);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
done_clicked_cb (OutlayGeminiDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
outlay_gemini_dialog_dispose (GObject *object)
{
  OutlayGeminiDialog *self = OUTLAY_GEMINI_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_GEMINI_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (outlay_gemini_dialog_parent_class)->dispose (object);
}

static void
outlay_gemini_dialog_finalize (GObject *object)
{
  OutlayGeminiDialog *self = OUTLAY_GEMINI_DIALOG (object);

  g_free (self->model);
  G_OBJECT_CLASS (outlay_gemini_dialog_parent_class)->finalize (object);
}

static void
outlay_gemini_dialog_class_init (OutlayGeminiDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_gemini_dialog_dispose;
  object_class->finalize = outlay_gemini_dialog_finalize;

  signals[RECOMMENDATIONS_SAVED] = g_signal_new ("recommendations-saved", G_TYPE_FROM_CLASS (klass),
                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                 G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/outlay-gemini-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayGeminiDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayGeminiDialog, ask_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayGeminiDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayGeminiDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, OutlayGeminiDialog, ask_page);
  gtk_widget_class_bind_template_child (widget_class, OutlayGeminiDialog, ai_switch);
  gtk_widget_class_bind_template_child (widget_class, OutlayGeminiDialog, model_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayGeminiDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, OutlayGeminiDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, OutlayGeminiDialog, connections_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayGeminiDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayGeminiDialog, advice_group);
  gtk_widget_class_bind_template_child (widget_class, OutlayGeminiDialog, advice_box);
  gtk_widget_class_bind_template_child (widget_class, OutlayGeminiDialog, left_out_label);
  gtk_widget_class_bind_template_callback (widget_class, ai_switched_cb);
  gtk_widget_class_bind_template_callback (widget_class, ask_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);
}

static void
outlay_gemini_dialog_init (OutlayGeminiDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

OutlayGeminiDialog *
outlay_gemini_dialog_new (GtkWindow *parent,
                          OutlayStore *store,
                          OutlayDocument *document,
                          GSettings *settings)
{
  OutlayGeminiDialog *self = g_object_new (OUTLAY_TYPE_GEMINI_DIALOG, "transient-for", parent,
                                           NULL);

  g_return_val_if_fail (OUTLAY_IS_STORE (store) && OUTLAY_IS_DOCUMENT (document), NULL);

  self->store = g_object_ref (store);
  self->document = g_object_ref (document);
  self->settings = settings ? g_object_ref (settings) : NULL;
  self->model = settings ? g_settings_get_string (settings, "gemini-model")
                         : g_strdup (OUTLAY_GEMINI_DEFAULT_MODEL);
  if (*self->model == '\0')
    {
      g_free (self->model);
      self->model = g_strdup (OUTLAY_GEMINI_DEFAULT_MODEL);
    }
  adw_action_row_set_subtitle (self->model_row, self->model);
  gtk_switch_set_active (self->ai_switch, outlay_budget_get_ai_analysis (budget_of (self)));
  update_ask (self);
  show_page (self, "ask");
  return self;
}
