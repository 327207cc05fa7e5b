/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-import-dialog"

/* The import assistant's view of the analysis and of the check: the file
 * type, what will be imported, warnings, rows with errors, and the
 * choices of where to import. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-budget.h"
#include "outlay-import-dialog-private.h"
#include "outlay-import-preview.h"
#include "outlay-store-import.h"

/* rows with errors listed; the rest are counted */
#define MAX_ERRORS 100

/* The reasons for the file type, one row each under it. */
static void
show_reasons (OutlayImportDialog *self, const char * const *reasons)
{
  for (guint i = 0; i < self->reason_rows->len; i++)
    adw_expander_row_remove (self->kind_row, g_ptr_array_index (self->reason_rows, i));
  g_ptr_array_set_size (self->reason_rows, 0);
  for (guint i = 0; reasons != NULL && reasons[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), reasons[i]);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "import-reason");
      adw_expander_row_add_row (self->kind_row, row);
      g_ptr_array_add (self->reason_rows, row);
    }
}

/* A budget needs no second look; anything else shows why it is not one and
 * asks before importing it. */
void
outlay_import_dialog_show_kind (OutlayImportDialog *self)
{
  double confidence = 0;
  OutlayFileKind kind = outlay_import_analysis_get_kind (self->analysis, &confidence);
  g_autofree char *percent = outlay_import_format_confidence (confidence);
  const char *anyway = outlay_import_kind_anyway (kind);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row),
                                 outlay_import_kind_title (kind));
  adw_expander_row_set_subtitle (self->kind_row, kind == OUTLAY_FILE_KIND_BUDGET
                                                   ? _("Looks like a budget")
                                                   : _("Does not look like a budget"));
  adw_expander_row_set_icon_name (self->kind_row, kind == OUTLAY_FILE_KIND_BUDGET
                                                    ? "emblem-ok-symbolic"
                                                    : "dialog-warning-symbolic");
  adw_expander_row_set_expanded (self->kind_row, kind != OUTLAY_FILE_KIND_BUDGET);
  show_reasons (self, outlay_import_analysis_get_reasons (self->analysis));
  gtk_label_set_text (self->kind_badge, percent);
  if (confidence < 0.6)
    gtk_widget_add_css_class (GTK_WIDGET (self->kind_badge), "low");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->kind_badge), "low");
  gtk_widget_set_visible (GTK_WIDGET (self->anyway_row), anyway != NULL);
  if (anyway != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->anyway_row), anyway);
}

static GtkWidget *
add_warning (OutlayImportDialog *self, const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (box, "import-warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (self->warnings_box, box);
  return box;
}

static void
show_errors (OutlayImportDialog *self, GPtrArray *errors, guint n_rows)
{
  g_autofree char *title = NULL;
  g_autofree char *skip = NULL;

  gtk_widget_set_visible (self->errors_box, errors->len > 0);
  if (errors->len == 0)
    return;
  n_rows = MAX (n_rows, 1);
  title = g_strdup_printf (ngettext ("%u row cannot be imported", "%u rows cannot be imported",
                                     n_rows), n_rows);
  skip = g_strdup_printf (ngettext ("Skip this row and import the rest",
                                    "Skip these %u rows and import the rest", n_rows), n_rows);
  gtk_label_set_text (self->errors_title, title);
  gtk_check_button_set_label (self->skip_check, skip);
  for (guint i = 0; i < errors->len && i < MAX_ERRORS; i++)
    {
      OutlayImportRowError *e = g_ptr_array_index (errors, i);

      gtk_list_box_append (self->error_list,
                           outlay_import_error_row_new (e->row, e->column, e->value, e->message));
    }
  if (errors->len > MAX_ERRORS)
    {
      /* Translators: after the first 100 rows with errors */
      g_autofree char *more = g_strdup_printf (_("And %u more"), errors->len - MAX_ERRORS);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_append (self->error_list, row);
    }
}

void
outlay_import_dialog_select_currency (OutlayImportDialog *self, const char *code)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->currencies));
  guint i;

  for (i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->currencies, i), code) == 0)
      break;
  self->filling = TRUE;
  if (i == n)
    gtk_string_list_append (self->currencies, code);
  adw_combo_row_set_selected (self->currency_row, i);
  self->filling = FALSE;
}

static char *budget_name_for (const char *file_name);

/* Adding to a budget in another currency is said whenever the target
 * or the mode changes, as the CLI warns: amounts are not converted. */
void
outlay_import_dialog_show_currency (OutlayImportDialog *self)
{
  OutlayImportResult *r = self->result;
  OutlayBudget *target = adw_combo_row_get_selected_item (self->budget_row);
  guint mode = adw_combo_row_get_selected (self->mode_row);
  g_autofree char *message = NULL;

  if (self->currency_warning != NULL)
    gtk_box_remove (self->warnings_box, self->currency_warning);
  self->currency_warning = NULL;
  if (r == NULL || mode == OUTLAY_IMPORT_MODE_NEW || target == NULL || !r->currency_from_file
      || g_strcmp0 (r->currency, outlay_budget_get_currency (target)) == 0)
    return;
  message = g_strdup_printf (_("The file's amounts are in %s, but “%s” is in %s: they would be "
                               "added as %s amounts, not converted."),
                                r->currency, outlay_budget_get_name (target),
                                outlay_budget_get_currency (target),
                                outlay_budget_get_currency (target));
  self->currency_warning = add_warning (self, message);
}

/* The job's title from the file's title block names the new budget,
 * unless the user typed a name. */
static void
show_details (OutlayImportDialog *self, OutlayImportResult *r)
{
  const char *title = g_hash_table_lookup (r->details, "name");
  g_autofree char *default_name = budget_name_for (outlay_workbook_get_name (self->workbook));

  if (title != NULL
      && g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->name_row)), default_name))
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), title);
  outlay_import_dialog_show_currency (self);
}

/* More than a tenth of the lines unreadable is more likely a wrong
 * mapping than a few bad cells: said at the top, before the import. */
static void
show_skipped (OutlayImportDialog *self, OutlayImportResult *r)
{
  g_autofree char *text = NULL;

  if (r->rows_skipped == 0 || (guint64) r->rows_skipped * 10 <= r->rows_total)
    return;
  /* Translators: "34 of 120 rows cannot be read…"; the plural is for the second number */
  text = g_strdup_printf (ngettext ("%u of %u row cannot be read and will be skipped — check the "
                                    "column mapping",
                                    "%u of %u rows cannot be read and will be skipped — check the "
                                    "column mapping",
                                    r->rows_total),
                          r->rows_skipped, r->rows_total);
  gtk_label_set_text (self->skipped_label, text);
  gtk_widget_set_visible (self->skipped_banner, TRUE);
}

void
outlay_import_dialog_show_result (OutlayImportDialog *self)
{
  OutlayImportResult *r = self->result;
  gboolean has_actual = outlay_import_analysis_find_field (self->analysis,
                                                           OUTLAY_IMPORT_FIELD_ACTUAL) >= 0;
  g_autofree char *summary = outlay_import_result_summary (r, has_actual);
  GPtrArray *warnings = outlay_import_analysis_get_warnings (self->analysis);

  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), TRUE);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    add_warning (self, g_ptr_array_index (warnings, i));
  for (guint i = 0; r->warnings != NULL && i < r->warnings->len; i++)
    add_warning (self, g_ptr_array_index (r->warnings, i));
  show_errors (self, r->errors, r->rows_skipped);
  show_skipped (self, r);
  if (!self->currency_chosen && r->currency != NULL)
    outlay_import_dialog_select_currency (self, r->currency);
  show_details (self, r);
}

void
outlay_import_dialog_clear_check (OutlayImportDialog *self)
{
  GtkWidget *child;

  g_clear_pointer (&self->result, outlay_import_result_free);
  self->currency_warning = NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->check_error_label), FALSE);
  gtk_widget_set_visible (self->errors_box, FALSE);
  gtk_widget_set_visible (self->skipped_banner, FALSE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->warnings_box))) != NULL)
    gtk_box_remove (self->warnings_box, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->error_list))) != NULL)
    gtk_list_box_remove (self->error_list, child);
}

static void
setup_budget_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

/* Locked budgets are listed, but cannot be chosen. */
static void
bind_budget_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  OutlayBudget *budget = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  gboolean locked = outlay_budget_get_status (budget) == OUTLAY_BUDGET_STATUS_LOCKED;
  /* Translators: a locked budget in the list of budgets to import into */
  const char *name = outlay_budget_get_name (budget);
  g_autofree char *text = locked ? g_strdup_printf (_("%s (locked)"), name) : g_strdup (name);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_sensitive (label, !locked);
  gtk_list_item_set_activatable (item, !locked);
  gtk_list_item_set_selectable (item, !locked);
}

static void
fill_budgets (OutlayImportDialog *self)
{
  g_autoptr(GPtrArray) list = outlay_store_list_budgets (self->store, NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  guint first_open = GTK_INVALID_LIST_POSITION;

  self->budgets = g_list_store_new (OUTLAY_TYPE_BUDGET);
  if (list != NULL)
    g_list_store_splice (self->budgets, 0, 0, list->pdata, list->len);
  for (guint i = 0; list != NULL && i < list->len && first_open == GTK_INVALID_LIST_POSITION; i++)
    if (outlay_budget_get_status (g_ptr_array_index (list, i)) != OUTLAY_BUDGET_STATUS_LOCKED)
      first_open = i;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_budget_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_budget_cb), NULL);
  adw_combo_row_set_expression (self->budget_row,
                                gtk_property_expression_new (OUTLAY_TYPE_BUDGET, NULL, "name"));
  adw_combo_row_set_list_factory (self->budget_row, factory);
  adw_combo_row_set_model (self->budget_row, G_LIST_MODEL (self->budgets));
  if (first_open != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->budget_row, first_open);
}

static void
fill_sheets (OutlayImportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; i < outlay_workbook_get_n_sheets (self->workbook); i++)
    {
      const char *name = outlay_workbook_get_sheet_name (self->workbook, i);
      /* Translators: a hidden sheet in the list of a workbook's sheets */
      g_autofree char *hidden = g_strdup_printf (_("%s (hidden)"), name);

      gtk_string_list_append (names, outlay_workbook_get_sheet_hidden (self->workbook, i) ? hidden
                                                                                          : name);
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->sheet_dropdown, G_LIST_MODEL (names));
  self->filling = FALSE;
}

static void
show_duplicate (OutlayImportDialog *self)
{
  g_autoptr(OutlayImportRecord) record = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  if (self->fingerprint == NULL
      || (record = outlay_store_find_import_by_fingerprint (self->store, self->fingerprint,
                                                            NULL)) == NULL)
    return;
  when = g_date_time_new_from_unix_local (outlay_import_record_get_started (record));
  /* Translators: the date of an earlier import, as strftime() writes it */
  date = g_date_time_format (when, _("%B %-d, %Y"));
  text = g_strdup_printf (_("This file was already imported on %s into “%s”"), date,
                          outlay_import_record_get_budget_name (record) ?: "");
  gtk_label_set_text (self->duplicate_label, text);
  gtk_widget_set_visible (self->duplicate_banner, TRUE);
}

/* "aicp_commercial.xlsx" → "aicp_commercial" */
static char *
budget_name_for (const char *file_name)
{
  const char *dot = strrchr (file_name, '.');

  return dot != NULL && dot != file_name ? g_strndup (file_name, dot - file_name)
                                         : g_strdup (file_name);
}

/* Fills what depends on the file and the database, before the analysis. */
void
outlay_import_dialog_fill (OutlayImportDialog *self)
{
  const char *file_name = outlay_workbook_get_name (self->workbook);
  g_autofree char *name = budget_name_for (file_name);

  adw_window_title_set_subtitle (self->window_title, file_name);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  outlay_import_dialog_select_currency (self, "USD");
  fill_budgets (self);
  fill_sheets (self);
  show_duplicate (self);
}

void
outlay_import_dialog_set_target (OutlayImportDialog *self,
                                 gint64              budget_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->budgets));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OutlayBudget) b = g_list_model_get_item (G_LIST_MODEL (self->budgets), i);

      if (outlay_budget_get_id (b) == budget_id
          && outlay_budget_get_status (b) != OUTLAY_BUDGET_STATUS_LOCKED)
        adw_combo_row_set_selected (self->budget_row, i);
    }
}
