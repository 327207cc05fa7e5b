/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-recost-dialog"

/* Re-cost Entries: after a rate change, cost the time already logged from
 * a day on (for everyone, or one person) again at the rates that now
 * apply.  The dialog says how many entries change and what they cost
 * before and after as the day or the person is changed; Re-cost applies
 * it as one undoable command of the budget.  An entry whose rate was
 * typed on it keeps it. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-currency.h"
#include "outlay-document-tasks.h"
#include "outlay-rates.h"
#include "outlay-recost-dialog.h"
#include "outlay-recurrence.h"
#include "outlay-store-tasks.h"

typedef struct
{
  OutlayDocument *document;
  OutlayStore *store;
  GPtrArray *people; /* OutlayPerson, parallel to the list after "Everyone" */
  GtkEditable *from;
  GtkDropDown *person;
  GtkLabel *summary;
  OutlayRecostPlan *plan; /* for the current day and person */
  char *result;           /* what Re-cost did, or why it did not */
} Recost;

static void
recost_free (gpointer data)
{
  Recost *r = data;

  g_clear_object (&r->document);
  g_clear_object (&r->store);
  g_clear_pointer (&r->people, g_ptr_array_unref);
  g_clear_pointer (&r->plan, outlay_recost_plan_free);
  g_free (r->result);
  g_free (r);
}

static const char *
currency (Recost *r)
{
  return outlay_budget_get_currency (outlay_document_get_budget (r->document));
}

static gint64
person_id (Recost *r)
{
  guint i = gtk_drop_down_get_selected (r->person);

  if (i == 0 || i == GTK_INVALID_LIST_POSITION || i > r->people->len)
    return 0;
  return outlay_person_get_id (g_ptr_array_index (r->people, i - 1));
}

/* Works the plan out again and says what it would do */
static void
update (AdwMessageDialog *dialog)
{
  Recost *r = g_object_get_data (G_OBJECT (dialog), "outlay-recost");
  const char *from = gtk_editable_get_text (r->from);
  gint64 budget_id = outlay_budget_get_id (outlay_document_get_budget (r->document));
  g_autoptr (GPtrArray) rates = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  GDate day;

  g_clear_pointer (&r->plan, outlay_recost_plan_free);
  if (!outlay_date_parse_iso (from, &day))
    text = g_strdup (_("Type the first day to re-cost as YYYY-MM-DD."));
  else if ((rates = outlay_store_list_rates (r->store, budget_id, &error)) == NULL
           || (entries = outlay_store_list_time (r->store, budget_id, from, NULL, &error)) == NULL
           || (r->plan = outlay_rates_plan_recost (rates, r->document, entries, person_id (r),
                                                   &error))
                  == NULL)
    text = g_strdup (error->message);
  else if (r->plan->entries->len == 0)
    text = g_strdup_printf (_("No entry from %s on changes: each is at the rate that applies."),
                               from);
  else
    {
      g_autofree char *before = outlay_currency_format (r->plan->before, currency (r));
      g_autofree char *after = outlay_currency_format (r->plan->after, currency (r));
      g_autofree char *change = outlay_currency_format (r->plan->after - r->plan->before,
                                                        currency (r));
      guint n = r->plan->entries->len;

      /* Translators: "3 entries from 2026-03-02: €1,020.00 → €1,140.00 (+€120.00)" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry from %s: %s → %s (%s%s)",
                                           "%u entries from %s: %s → %s (%s%s)", n),
                              n, from, before, after, r->plan->after >= r->plan->before ? "+" : "",
                              change);
    }
  gtk_label_set_text (r->summary, text);
  adw_message_dialog_set_response_enabled (dialog, "recost",
                                           r->plan != NULL && r->plan->entries->len > 0);
}

static void
response_cb (AdwMessageDialog *dialog, const char *response, gpointer data)
{
  Recost *r = g_object_get_data (G_OBJECT (dialog), "outlay-recost");
  g_autoptr (GError) error = NULL;
  g_autofree char *change = NULL;
  guint n;

  if (!g_str_equal (response, "recost") || r->plan == NULL || r->plan->entries->len == 0)
    return;
  n = r->plan->entries->len;
  g_clear_pointer (&r->result, g_free);
  if (!outlay_document_recost_time (r->document, r->plan->entries,
                                    (OutlayDecimal *) r->plan->rates->data,
                                    (const char *const *) r->plan->sources->pdata, &error))
    {
      r->result = g_strdup (error->message);
      return;
    }
  change = outlay_currency_format (r->plan->after - r->plan->before, currency (r));
  /* Translators: said after re-costing, "Re-costed 3 entries: +€120.00" */
  r->result = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "Re-costed %u entry: %s%s", "Re-costed %u entries: %s%s", n), n,
      r->plan->after >= r->plan->before ? "+" : "", change);
}

/* The latest day a rate of this budget (or everyone's) starts on, up to
 * today: where a re-cost most likely starts */
static char *
latest_change (GPtrArray *rates)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *best = NULL;

  for (guint i = 0; rates != NULL && i < rates->len; i++)
    {
      const char *from = ((OutlayRateChange *) g_ptr_array_index (rates, i))->valid_from;

      if (from != NULL && *from != '\0' && g_strcmp0 (from, today) <= 0
          && (best == NULL || g_strcmp0 (from, best) > 0))
        best = from;
    }
  return g_strdup (best != NULL ? best : today);
}

/**
 * outlay_recost_dialog_new:
 * @parent: (nullable): the window
 * @document: the budget
 * @store: where its time and rates are
 *
 * Returns: (transfer floating): the dialog, to present
 */
AdwMessageDialog *
outlay_recost_dialog_new (GtkWindow *parent, OutlayDocument *document, OutlayStore *store)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      parent,
      _("Re-cost Entries"),
         _("Cost the time logged from a day on again at the rates that apply now. An entry whose "
        "rate was typed on it keeps it.")));
  Recost *r = g_new0 (Recost, 1);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) rates = NULL;
  g_autofree char *day = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *from = gtk_entry_new ();
  GtkWidget *person, *summary;

  r->document = g_object_ref (document);
  r->store = g_object_ref (store);
  r->people = outlay_store_list_people (store, NULL);
  if (r->people == NULL)
    r->people = g_ptr_array_new ();
  gtk_string_list_append (names, _("Everyone"));
  for (guint i = 0; i < r->people->len; i++)
    gtk_string_list_append (names, outlay_person_get_name (g_ptr_array_index (r->people, i)));
  rates = outlay_store_list_rates (
      store, outlay_budget_get_id (outlay_document_get_budget (document)), NULL);
  day = latest_change (rates);

  gtk_widget_set_name (from, "recost-from");
  gtk_editable_set_text (GTK_EDITABLE (from), day);
  gtk_accessible_update_property (GTK_ACCESSIBLE (from), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("From (YYYY-MM-DD)"), -1);
  person = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_widget_set_name (person, "recost-person");
  gtk_accessible_update_property (GTK_ACCESSIBLE (person), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Whose entries"), -1);
  summary = gtk_label_new (NULL);
  gtk_widget_set_name (summary, "recost-summary");
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  {
    GtkWidget *caption = gtk_label_new_with_mnemonic (_("_From this day (YYYY-MM-DD)"));

    gtk_label_set_xalign (GTK_LABEL (caption), 0);
    gtk_label_set_mnemonic_widget (GTK_LABEL (caption), from);
    gtk_widget_add_css_class (caption, "dim-label");
    gtk_box_set_spacing (GTK_BOX (box), 6);
    gtk_box_append (GTK_BOX (box), caption);
  }
  gtk_box_append (GTK_BOX (box), from);
  gtk_box_append (GTK_BOX (box), person);
  gtk_box_append (GTK_BOX (box), summary);
  adw_message_dialog_set_extra_child (dialog, box);
  r->from = GTK_EDITABLE (from);
  r->person = GTK_DROP_DOWN (person);
  r->summary = GTK_LABEL (summary);
  g_object_set_data_full (G_OBJECT (dialog), "outlay-recost", r, recost_free);

  adw_message_dialog_add_responses (dialog, "cancel",
                                    _("_Cancel"), "recost", _("_Re-cost"), NULL);
  adw_message_dialog_set_default_response (dialog, "recost");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_appearance (dialog, "recost", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_swapped (from, "changed", G_CALLBACK (update), dialog);
  g_signal_connect_swapped (person, "notify::selected", G_CALLBACK (update), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), NULL);
  update (dialog);
  return dialog;
}

/**
 * outlay_recost_dialog_get_summary:
 * @dialog: a Re-cost Entries dialog
 *
 * Returns: what it says re-costing would change
 */
const char *
outlay_recost_dialog_get_summary (AdwMessageDialog *dialog)
{
  Recost *r = g_object_get_data (G_OBJECT (dialog), "outlay-recost");

  return r != NULL ? gtk_label_get_text (r->summary) : NULL;
}

/**
 * outlay_recost_dialog_get_result:
 * @dialog: a Re-cost Entries dialog, after its response
 *
 * Returns: (nullable): what Re-cost did ("Re-costed 3 entries: +€120.00")
 *   or why it failed; %NULL when it was not chosen
 */
const char *
outlay_recost_dialog_get_result (AdwMessageDialog *dialog)
{
  Recost *r = g_object_get_data (G_OBJECT (dialog), "outlay-recost");

  return r != NULL ? r->result : NULL;
}
