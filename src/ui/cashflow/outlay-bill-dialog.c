/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-bill-dialog"

/* Add or edit a bill: payee, account, amount (approximate or not, income
 * or not), category (with "Add…"), first date, how it repeats (presets
 * that write an RFC 5545 rule, or the rule itself), an end, and where a
 * weekend date moves, and the budget line its payments become actuals of
 * (searched for as it is typed).  The rule is shown in words as it is typed; Save
 * checks it with the engine and writes it with the store, or says why
 * not and writes nothing. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-bill-dialog.h"
#include "outlay-cashflow.h"
#include "outlay-error.h"
#include "outlay-store-bills.h"
#include "outlay-store-search.h"

struct _OutlayBillDialog
{
  AdwWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwEntryRow *payee_row;
  AdwComboRow *account_row;
  AdwEntryRow *amount_row;
  GtkSwitch *approximate_switch;
  GtkSwitch *income_switch;
  AdwComboRow *category_row;
  AdwEntryRow *start_row;
  AdwComboRow *repeat_row;
  AdwEntryRow *until_row;
  AdwComboRow *weekend_row;
  AdwEntryRow *rule_row;
  GtkLabel *words_label;
  AdwActionRow *line_row;
  GtkMenuButton *line_button;
  GtkSearchEntry *line_search;
  GtkListView *line_list;
  GtkLabel *line_hint;

  OutlayStore *store;
  OutlayBill *before; /* NULL for a new bill */
  GPtrArray *accounts;
  GPtrArray *categories;
  guint category_add; /* the position of "Add…" */
  gboolean filling;
  gint64 line_id;            /* the budget line it pays into, 0 for none */
  GtkStringList *line_names; /* what the line search found … */
  GArray *line_ids;          /* … and their ids (gint64) */
};

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OutlayBillDialog, outlay_bill_dialog, ADW_TYPE_WINDOW)

enum
{
  PRESET_ONCE,
  PRESET_WEEKLY,
  PRESET_BIWEEKLY,
  PRESET_MONTHLY,
  PRESET_TWICE,
  PRESET_LAST_DAY,
  PRESET_LAST_BUSINESS_DAY,
  PRESET_LAST_WEEKDAY,
  PRESET_YEARLY,
  PRESET_CUSTOM,
};

static const char *weekday_codes[] = { NULL, "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

static char *
preset_rule (guint preset, const GDate *start)
{
  switch (preset)
    {
      case PRESET_ONCE:
        return g_strdup ("");
      case PRESET_WEEKLY:
        return g_strdup ("FREQ=WEEKLY");
      case PRESET_BIWEEKLY:
        return g_strdup ("FREQ=WEEKLY;INTERVAL=2");
      case PRESET_MONTHLY:
        return g_strdup ("RSCALE=GREGORIAN;SKIP=BACKWARD;FREQ=MONTHLY");
      case PRESET_TWICE:
        return g_strdup ("FREQ=MONTHLY;BYMONTHDAY=1,15");
      case PRESET_LAST_DAY:
        return g_strdup ("FREQ=MONTHLY;BYMONTHDAY=-1");
      case PRESET_LAST_BUSINESS_DAY:
        return g_strdup ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1");
      case PRESET_LAST_WEEKDAY:
        return g_strdup_printf (
            "FREQ=MONTHLY;BYDAY=-1%s",
            weekday_codes[start && g_date_valid (start) ? g_date_get_weekday (start)
                                                        : G_DATE_FRIDAY]);
      case PRESET_YEARLY:
        return g_strdup ("FREQ=YEARLY");
      default:
        return NULL;
    }
}

static void
show_words (OutlayBillDialog *self)
{
  g_autoptr (GError) error = NULL;
  OutlayRecurrence rule;
  GDate start;

  if (!outlay_date_parse_iso (gtk_editable_get_text (GTK_EDITABLE (self->start_row)), &start))
    {
      gtk_label_set_text (self->words_label, _("Type the first due date as YYYY-MM-DD."));
      return;
    }
  if (!outlay_recurrence_parse (&rule, gtk_editable_get_text (GTK_EDITABLE (self->rule_row)),
                                &start, &error))
    {
      gtk_label_set_text (self->words_label, error->message);
      return;
    }
  {
    g_autofree char *words = outlay_recurrence_describe (&rule);
    gtk_label_set_text (self->words_label, words);
  }
}

static void
preset_changed_cb (OutlayBillDialog *self)
{
  guint preset = adw_combo_row_get_selected (self->repeat_row);
  const char *until_text = gtk_editable_get_text (GTK_EDITABLE (self->until_row));
  g_autofree char *rule = NULL;
  GDate start, until;

  if (self->filling || preset == PRESET_CUSTOM)
    return show_words (self);
  outlay_date_parse_iso (gtk_editable_get_text (GTK_EDITABLE (self->start_row)), &start);
  rule = preset_rule (preset, &start);
  if (rule != NULL && *rule != '\0' && outlay_date_parse_iso (until_text, &until))
    {
      char *with_end = g_strdup_printf ("%s;UNTIL=%04u%02u%02u", rule, g_date_get_year (&until),
                                        g_date_get_month (&until), g_date_get_day (&until));
      g_free (rule);
      rule = with_end;
    }
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->rule_row), rule ? rule : "");
  self->filling = FALSE;
  show_words (self);
}

static void
rule_changed_cb (OutlayBillDialog *self)
{
  if (self->filling)
    return;
  /* a rule typed by hand is a custom one; a new start date redoes a
   * preset that depends on it */
  if (gtk_widget_has_focus (GTK_WIDGET (self->rule_row))
      || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (self)), GTK_WIDGET (self->rule_row)))
    {
      self->filling = TRUE;
      adw_combo_row_set_selected (self->repeat_row, PRESET_CUSTOM);
      self->filling = FALSE;
      show_words (self);
    }
  else
    preset_changed_cb (self);
}

/* ---- categories ---- */

static void
fill_categories (OutlayBillDialog *self, gint64 select)
{
  g_autoptr (GError) error = NULL;
  GtkStringList *names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_clear_pointer (&self->categories, g_ptr_array_unref);
  self->categories = outlay_store_list_categories (self->store, &error);
  if (self->categories == NULL)
    self->categories = g_ptr_array_new ();
  gtk_string_list_append (names, _("None"));
  for (guint i = 0; i < self->categories->len; i++)
    {
      OutlayCategory *c = g_ptr_array_index (self->categories, i);

      gtk_string_list_append (names, c->name);
      if (c->id == select)
        selected = i + 1;
    }
  self->category_add = self->categories->len + 1;
  gtk_string_list_append (names, _("Add…"));
  self->filling = TRUE;
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->category_row, selected);
  self->filling = FALSE;
  g_object_unref (names);
}

static void
add_category_response_cb (AdwMessageDialog *dialog, const char *response, OutlayBillDialog *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  if (g_str_equal (response, "add"))
    {
      id = outlay_store_add_category (self->store, gtk_editable_get_text (entry), &error);
      if (id == 0)
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
    }
  fill_categories (self, id);
}

static void
category_selected_cb (OutlayBillDialog *self)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (self->filling || adw_combo_row_get_selected (self->category_row) != self->category_add)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_WINDOW (self), _("New Category"), _("Budget sections can share it.")));
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Category name"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect (dialog, "response", G_CALLBACK (add_category_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the budget line ---- */

#define MAX_LINES_FOUND 50

static char *
hit_text (const OutlaySearchHit *hit)
{
  const char *code = *hit->code != '\0' ? hit->code : "—";

  /* Translators: a budget line in the bill's line picker: code, description, budget */
  return g_strdup_printf (_("%s %s · %s"), code, hit->description, hit->budget_name);
}

static void
show_line (OutlayBillDialog *self)
{
  g_autoptr (OutlaySearchHit) hit = NULL;
  g_autofree char *text = NULL;

  if (self->line_id > 0)
    hit = outlay_store_search_line (self->store, self->line_id, NULL);
  if (hit != NULL)
    text = hit_text (hit);
  adw_action_row_set_subtitle (self->line_row,
                               text != NULL ? text
                                            : self->line_id > 0
                                   ? _("A line that is gone: choose another, or none")
                                   : _("None: paying it changes no budget"));
}

static void
line_search_changed_cb (OutlayBillDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->line_search));
  g_auto (GStrv) terms = g_strsplit_set (text, " \t", -1);
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;

  g_array_set_size (self->line_ids, 0);
  hits = outlay_store_search (self->store, (const char *const *) terms, MAX_LINES_FOUND, &error);
  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      OutlaySearchHit *hit = g_ptr_array_index (hits, i);

      if (hit->line_id <= 0)
        continue; /* a budget: bills pay into lines */
      g_ptr_array_add (names, hit_text (hit));
      g_array_append_val (self->line_ids, hit->line_id);
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->line_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->line_names)),
                          (const char *const *) names->pdata);
  gtk_label_set_text (self->line_hint, error != NULL ? error->message
                                                     : *text == '\0'
                                           ? _("Type a line's code or words of its description.")
                                           : self->line_ids->len == 0
                                           ? _("No line matches.")
                                           : "");
  gtk_widget_set_visible (GTK_WIDGET (self->line_hint),
                          *gtk_label_get_text (self->line_hint) != '\0');
}

static void
choose_line (OutlayBillDialog *self, gint64 line_id)
{
  self->line_id = line_id;
  show_line (self);
  gtk_menu_button_popdown (self->line_button);
}

static void
line_activate_cb (OutlayBillDialog *self, guint position)
{
  if (position < self->line_ids->len)
    choose_line (self, g_array_index (self->line_ids, gint64, position));
}

/* Enter in the search takes the first line found */
static void
line_search_activate_cb (OutlayBillDialog *self)
{
  if (self->line_ids->len > 0)
    choose_line (self, g_array_index (self->line_ids, gint64, 0));
  else
    gtk_widget_error_bell (GTK_WIDGET (self->line_search));
}

static void
line_clear_cb (OutlayBillDialog *self)
{
  choose_line (self, 0);
}

static void
line_popover_show_cb (OutlayBillDialog *self)
{
  line_search_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->line_search));
}

static void
line_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
line_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

/* ---- saving ---- */

static gboolean
read_form (OutlayBillDialog *self, OutlayBill *bill, GError **error)
{
  guint account = adw_combo_row_get_selected (self->account_row);
  guint category = adw_combo_row_get_selected (self->category_row);
  const char *weekends[] = { "keep", "before", "after" };
  OutlayRecurrence rule;
  OutlayWeekendRule weekend;
  OutlayDecimal amount;

  if (!outlay_decimal_parse (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)), &amount, NULL)
      || amount < 0)
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("The amount must be a number without a sign, such as 61.30; turn "
                             "on Income for money coming in."));
      return FALSE;
    }
  g_object_set (bill, "payee", gtk_editable_get_text (GTK_EDITABLE (self->payee_row)), "amount",
                amount, "due-date", gtk_editable_get_text (GTK_EDITABLE (self->start_row)),
                "recurrence", gtk_editable_get_text (GTK_EDITABLE (self->rule_row)), "weekend",
                weekends[MIN (adw_combo_row_get_selected (self->weekend_row), 2)], "approximate",
                gtk_switch_get_active (self->approximate_switch), "income",
                gtk_switch_get_active (self->income_switch), "account-id",
                account < self->accounts->len
                    ? outlay_account_get_id (g_ptr_array_index (self->accounts, account))
                    : (gint64) 0,
                "category-id",
                category > 0 && category <= self->categories->len
                    ? ((OutlayCategory *) g_ptr_array_index (self->categories, category - 1))->id
                    : (gint64) 0,
                "line-id", self->line_id, NULL);
  return outlay_cashflow_bill_rule (bill, &rule, &weekend, error);
}

static void
save_clicked_cb (OutlayBillDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayBill) after = self->before ? outlay_bill_copy (self->before)
                                              : outlay_bill_new ();

  if (!read_form (self, after, &error) || !outlay_store_save_bill (self->store, after, &error))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, self->before, after);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- filling ---- */

static void
fill (OutlayBillDialog *self, OutlayBill *bill)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *amount = NULL;
  const char *weekend = outlay_bill_get_weekend (bill);
  const char *rule = outlay_bill_get_recurrence (bill);
  guint preset = PRESET_CUSTOM;

  for (guint i = 0; i < self->accounts->len; i++)
    {
      OutlayAccount *a = g_ptr_array_index (self->accounts, i);

      gtk_string_list_append (names, outlay_account_get_name (a));
    }
  adw_combo_row_set_model (self->account_row, G_LIST_MODEL (names));
  for (guint i = 0; i < self->accounts->len; i++)
    if (outlay_account_get_id (g_ptr_array_index (self->accounts, i))
        == outlay_bill_get_account_id (bill))
      adw_combo_row_set_selected (self->account_row, i);
  fill_categories (self, outlay_bill_get_category_id (bill));
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->payee_row), outlay_bill_get_payee (bill) ?: "");
  amount = outlay_decimal_to_string_trim (outlay_bill_get_amount (bill));
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), outlay_bill_get_due_date (bill) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->rule_row), rule ?: "");
  gtk_switch_set_active (self->approximate_switch, outlay_bill_get_approximate (bill));
  gtk_switch_set_active (self->income_switch, outlay_bill_get_income (bill));
  adw_combo_row_set_selected (self->weekend_row, g_strcmp0 (weekend, "before") == 0  ? 1
                                                 : g_strcmp0 (weekend, "after") == 0 ? 2
                                                                                     : 0);
  for (guint i = PRESET_ONCE; i < PRESET_CUSTOM; i++)
    {
      GDate start;
      g_autofree char *text = NULL;

      outlay_date_parse_iso (outlay_bill_get_due_date (bill), &start);
      text = preset_rule (i, &start);
      if (g_strcmp0 (text, rule ? rule : "") == 0)
        preset = i;
    }
  adw_combo_row_set_selected (self->repeat_row, preset);
  self->filling = FALSE;
  self->line_id = outlay_bill_get_line_id (bill);
  show_line (self);
  show_words (self);
}

static void
outlay_bill_dialog_dispose (GObject *object)
{
  OutlayBillDialog *self = OUTLAY_BILL_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_BILL_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->before);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_object (&self->line_names);
  g_clear_pointer (&self->line_ids, g_array_unref);
  G_OBJECT_CLASS (outlay_bill_dialog_parent_class)->dispose (object);
}

static void
outlay_bill_dialog_class_init (OutlayBillDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_bill_dialog_dispose;
  /* (before or NULL for a new bill, after): for the caller's undo */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 2, OUTLAY_TYPE_BILL, OUTLAY_TYPE_BILL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/outlay/Outlay/ui/outlay-bill-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayBillDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OutlayBillDialog, payee_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayBillDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayBillDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayBillDialog, approximate_switch);
  gtk_widget_class_bind_template_child (widget_class, OutlayBillDialog, income_switch);
  gtk_widget_class_bind_template_child (widget_class, OutlayBillDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayBillDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayBillDialog, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayBillDialog, until_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayBillDialog, weekend_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayBillDialog, rule_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayBillDialog, words_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, preset_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, rule_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, category_selected_cb);
  gtk_widget_class_bind_template_child (widget_class, OutlayBillDialog, line_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayBillDialog, line_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayBillDialog, line_search);
  gtk_widget_class_bind_template_child (widget_class, OutlayBillDialog, line_list);
  gtk_widget_class_bind_template_child (widget_class, OutlayBillDialog, line_hint);
  gtk_widget_class_bind_template_callback (widget_class, line_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, line_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, line_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, line_clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, line_popover_show_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
outlay_bill_dialog_init (OutlayBillDialog *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkSingleSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->line_names = gtk_string_list_new (NULL);
  self->line_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (factory, "setup", G_CALLBACK (line_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (line_bind_cb), NULL);
  gtk_list_view_set_factory (self->line_list, factory);
  g_object_unref (factory);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->line_names)));
  gtk_list_view_set_model (self->line_list, GTK_SELECTION_MODEL (selection));
}

/**
 * outlay_bill_dialog_new:
 * @parent: the Cash Flow window
 * @store: the database
 * @bill: (nullable): the bill to edit, %NULL for a new one
 * @today: the first date offered for a new bill
 *
 * Returns: (transfer floating): the dialog; "saved" says what changed
 */
OutlayBillDialog *
outlay_bill_dialog_new (GtkWindow *parent, OutlayStore *store, OutlayBill *bill, const GDate *today)
{
  OutlayBillDialog *self = g_object_new (OUTLAY_TYPE_BILL_DIALOG, "transient-for", parent, NULL);
  g_autoptr (OutlayBill) fresh = NULL;
  g_autoptr (GError) error = NULL;

  self->store = g_object_ref (store);
  self->accounts = outlay_store_list_accounts (store, &error);
  if (self->accounts == NULL)
    self->accounts = g_ptr_array_new ();
  if (bill != NULL)
    self->before = outlay_bill_copy (bill);
  else
    {
      g_autofree char *date = outlay_date_to_iso (today);

      fresh = g_object_new (OUTLAY_TYPE_BILL, "due-date", date, "recurrence",
                            "RSCALE=GREGORIAN;SKIP=BACKWARD;FREQ=MONTHLY", NULL);
    }
  gtk_window_set_title (GTK_WINDOW (self), bill ? _("Edit Bill") : _("New Bill"));
  fill (self, bill ? bill : fresh);
  return self;
}
