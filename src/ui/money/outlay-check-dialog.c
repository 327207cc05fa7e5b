/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-check-dialog"

/* Budget ▸ Check Budget…: "is there budget for this?"  Pick a section
 * (or the whole budget), a line (or the whole section), a period and an
 * amount; the answer updates as you type: the decision with its reason,
 * what is budgeted, spent, committed, reserved and available, and the
 * utilization once the amount is spent.  It only reads the open budget. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-budget-check.h"
#include "outlay-check-dialog.h"
#include "outlay-currency.h"

struct _OutlayCheckDialog
{
  AdwWindow parent_instance;

  AdwComboRow *section_row;
  AdwComboRow *line_row;
  AdwEntryRow *period_row;
  AdwEntryRow *amount_row;
  AdwPreferencesGroup *answer_group;
  AdwActionRow *budgeted_row;
  AdwActionRow *actual_row;
  AdwActionRow *committed_row;
  AdwActionRow *reserved_row;
  AdwActionRow *available_row;
  AdwActionRow *utilization_row;

  OutlayDocument *document;
  const char *decision; /* "approve", "needs-approval", "refused" or NULL */
};

G_DEFINE_FINAL_TYPE (OutlayCheckDialog, outlay_check_dialog, ADW_TYPE_WINDOW)

static OutlaySection *
selected_section (OutlayCheckDialog *self)
{
  guint i = adw_combo_row_get_selected (self->section_row);

  /* row 0 is the whole budget */
  if (i == 0 || i == GTK_INVALID_LIST_POSITION)
    return NULL;
  return outlay_document_get_section (self->document, i - 1);
}

static OutlayLine *
selected_line (OutlayCheckDialog *self)
{
  OutlaySection *section = selected_section (self);
  guint i = adw_combo_row_get_selected (self->line_row);

  if (section == NULL || i == 0 || i == GTK_INVALID_LIST_POSITION)
    return NULL;
  return outlay_section_get_line (section, i - 1);
}

static void
fill_sections (OutlayCheckDialog *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Whole budget"));
  for (guint s = 0; s < outlay_document_get_n_sections (self->document); s++)
    {
      OutlaySection *section = outlay_document_get_section (self->document, s);
      g_autofree char *text = g_strdup_printf ("%s  %s", outlay_section_get_code (section),
                                               outlay_section_get_name (section));

      gtk_string_list_append (list, text);
    }
  adw_combo_row_set_model (self->section_row, G_LIST_MODEL (list));
}

static void
fill_lines (OutlayCheckDialog *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  OutlaySection *section = selected_section (self);

  gtk_string_list_append (list, section != NULL ? _("Whole section") : _("—"));
  for (guint l = 0; section != NULL && l < outlay_section_get_n_lines (section); l++)
    {
      OutlayLine *line = outlay_section_get_line (section, l);
      g_autofree char *text = g_strdup_printf ("%s  %s", outlay_line_get_code (line),
                                               outlay_line_get_description (line));

      gtk_string_list_append (list, text);
    }
  adw_combo_row_set_model (self->line_row, G_LIST_MODEL (list));
  gtk_widget_set_sensitive (GTK_WIDGET (self->line_row), section != NULL);
}

static void
set_amount (OutlayCheckDialog *self, AdwActionRow *row, OutlayDecimal value)
{
  g_autofree char *text = outlay_currency_format (
      value, outlay_budget_get_currency (outlay_document_get_budget (self->document)));

  adw_action_row_set_subtitle (row, text);
}

static void
show_nothing (OutlayCheckDialog *self, const char *why)
{
  AdwActionRow *rows[] = { self->budgeted_row, self->actual_row,    self->committed_row,
                           self->reserved_row, self->available_row, self->utilization_row };

  self->decision = NULL;
  adw_preferences_group_set_title (self->answer_group, _("No Answer Yet"));
  adw_preferences_group_set_description (self->answer_group, why);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    adw_action_row_set_subtitle (rows[i], "");
}

static void
show_answer (OutlayCheckDialog *self, const OutlayCheck *c)
{
  g_autofree char *util = NULL;

  self->decision = outlay_check_decision_to_string (c->decision);
  adw_preferences_group_set_title (self->answer_group, outlay_check_decision_title (c->decision));
  adw_preferences_group_set_description (self->answer_group, c->reason);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->budgeted_row),
                                 c->phased ? _("Budgeted to date") : _("Budgeted"));
  set_amount (self, self->budgeted_row, c->scope.budgeted);
  set_amount (self, self->actual_row, c->scope.actual);
  set_amount (self, self->committed_row, c->scope.committed);
  set_amount (self, self->reserved_row, c->scope.reserved);
  set_amount (self, self->available_row, c->scope.available);
  if (c->has_utilization)
    {
      g_autofree char *pct = outlay_decimal_format_locale (c->utilization_after, 1);

      util = g_strdup_printf ("%s%%", pct);
    }
  adw_action_row_set_subtitle (self->utilization_row, util != NULL ? util : _("Nothing budgeted"));
}

static void
update (OutlayCheckDialog *self)
{
  const char *amount_text = gtk_editable_get_text (GTK_EDITABLE (self->amount_row));
  const char *period = gtk_editable_get_text (GTK_EDITABLE (self->period_row));
  const char *cur = outlay_budget_get_currency (outlay_document_get_budget (self->document));
  g_autoptr(GError) error = NULL;
  OutlayDecimal amount;
  OutlayCheck check;

  if (*amount_text == '\0')
    {
      show_nothing (self, _("Type the purchase’s amount."));
      return;
    }
  if (!outlay_currency_parse_amount (amount_text, cur, &amount, &error)
      || !outlay_budget_check (self->document, selected_section (self), selected_line (self),
                               period, amount, &check, &error))
    {
      show_nothing (self, error->message);
      return;
    }
  show_answer (self, &check);
  outlay_check_clear (&check);
}

static void
section_changed_cb (OutlayCheckDialog *self)
{
  if (self->document == NULL)
    return;
  fill_lines (self);
  update (self);
}

static void
input_changed_cb (OutlayCheckDialog *self)
{
  if (self->document != NULL)
    update (self);
}

static void
outlay_check_dialog_dispose (GObject *object)
{
  OutlayCheckDialog *self = OUTLAY_CHECK_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_CHECK_DIALOG);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (outlay_check_dialog_parent_class)->dispose (object);
}

static void
outlay_check_dialog_class_init (OutlayCheckDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_check_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/outlay-check-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayCheckDialog, section_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayCheckDialog, line_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayCheckDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayCheckDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayCheckDialog, answer_group);
  gtk_widget_class_bind_template_child (widget_class, OutlayCheckDialog, budgeted_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayCheckDialog, actual_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayCheckDialog, committed_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayCheckDialog, reserved_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayCheckDialog, available_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayCheckDialog, utilization_row);
  gtk_widget_class_bind_template_callback (widget_class, section_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, input_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
outlay_check_dialog_init (OutlayCheckDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * outlay_check_dialog_new:
 * @parent: (nullable): the window it is modal to
 * @document: the budget to check against
 *
 * Returns: (transfer none): the dialog, not yet presented
 */
GtkWidget *
outlay_check_dialog_new (GtkWindow *parent, OutlayDocument *document)
{
  OutlayCheckDialog *self;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (document), NULL);
  self = g_object_new (OUTLAY_TYPE_CHECK_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  fill_sections (self);
  fill_lines (self);
  update (self);
  return GTK_WIDGET (self);
}

/**
 * outlay_check_dialog_set_question:
 * @self: the dialog
 * @section: (nullable): the section, %NULL for the whole budget
 * @line: (nullable): one of @section's lines, %NULL for the whole section
 * @period: (nullable): the period
 * @amount: (nullable): the amount as typed
 *
 * Fills the question in, as a user would, and answers it.
 */
void
outlay_check_dialog_set_question (OutlayCheckDialog *self,
                                  OutlaySection *section,
                                  OutlayLine *line,
                                  const char *period,
                                  const char *amount)
{
  guint s = 0, l = 0;

  g_return_if_fail (OUTLAY_IS_CHECK_DIALOG (self));
  if (section != NULL && outlay_document_find_section (self->document, section, &s))
    s++;
  adw_combo_row_set_selected (self->section_row, s);
  if (line != NULL && section != NULL && outlay_section_find_line (section, line, &l))
    l++;
  adw_combo_row_set_selected (self->line_row, l);
  gtk_editable_set_text (GTK_EDITABLE (self->period_row), period != NULL ? period : "");
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount != NULL ? amount : "");
}

/* For tests: the decision shown ("approve", "needs-approval", "refused"),
 * or %NULL when there is no answer. */
const char *
outlay_check_dialog_get_decision (OutlayCheckDialog *self)
{
  g_return_val_if_fail (OUTLAY_IS_CHECK_DIALOG (self), NULL);
  return self->decision;
}

const char *
outlay_check_dialog_get_reason (OutlayCheckDialog *self)
{
  g_return_val_if_fail (OUTLAY_IS_CHECK_DIALOG (self), NULL);
  return adw_preferences_group_get_description (self->answer_group);
}
