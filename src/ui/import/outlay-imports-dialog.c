/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-imports-dialog"

/* The Imports view: every spreadsheet imported, when, into which budget,
 * how, what it brought and what it left out, and Undo Import. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "outlay-import-preview.h"
#include "outlay-imports-dialog.h"
#include "outlay-store-import.h"

struct _OutlayImportsDialog
{
  AdwWindow        parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkListBox      *import_list;

  OutlayStore     *store;
  GPtrArray       *records; /* OutlayImportRecord, newest first */
};

enum {
  IMPORT_UNDONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OutlayImportsDialog, outlay_imports_dialog, ADW_TYPE_WINDOW)

static OutlayImportRecord *
find_record (OutlayImportsDialog *self, gint64 id)
{
  for (guint i = 0; self->records != NULL && i < self->records->len; i++)
    if (outlay_import_record_get_id (g_ptr_array_index (self->records, i)) == id)
      return g_ptr_array_index (self->records, i);
  return NULL;
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (unix_time);

  /* Translators: when a file was imported, as strftime() writes it */
  return when != NULL ? g_date_time_format (when, _("%B %-d, %Y, %H:%M")) : g_strdup ("");
}

static GtkWidget *
status_pill (OutlayImportStatus status)
{
  static const struct { const char *title, *css; } kinds[] = {
    [OUTLAY_IMPORT_STATUS_RUNNING] = { N_("Running"), "running" },
    [OUTLAY_IMPORT_STATUS_DONE] = { N_("Imported"), "done" },
    [OUTLAY_IMPORT_STATUS_FAILED] = { N_("Failed"), "failed" },
    [OUTLAY_IMPORT_STATUS_UNDONE] = { N_("Undone"), "undone" },
  };
  GtkWidget *label = gtk_label_new (_(kinds[status].title));

  gtk_widget_add_css_class (label, "import-status");
  gtk_widget_add_css_class (label, kinds[status].css);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

/* "New budget “Bid”", "Added to “Bid”", "Replaced the lines of “Bid”" */
static char *
describe_target (OutlayImportRecord *record)
{
  const char *mode = outlay_import_record_get_mode (record);
  const char *budget = outlay_import_record_get_budget_name (record);

  if (budget == NULL)
    return g_strdup (g_strcmp0 (mode, "new") == 0 ? _("New budget, since deleted")
                                                  : _("A budget since deleted"));
  if (g_strcmp0 (mode, "append") == 0)
    return g_strdup_printf (_("Added to “%s”"), budget);
  if (g_strcmp0 (mode, "replace") == 0)
    return g_strdup_printf (_("Replaced the lines of “%s”"), budget);
  return g_strdup_printf (_("New budget “%s”"), budget);
}

/* "New budget “Bid” · 260 lines, 2 rows skipped" over "May 3, 2025, 14:02" */
static char *
describe (OutlayImportRecord *record)
{
  guint imported = outlay_import_record_get_rows_imported (record);
  guint skipped = outlay_import_record_get_rows_skipped (record);
  g_autofree char *when = format_time (outlay_import_record_get_started (record));
  g_autofree char *target = describe_target (record);
  g_autofree char *count = outlay_import_format_count (imported);
  g_autofree char *lines = g_strdup_printf (ngettext ("%s line", "%s lines", imported), count);
  g_autofree char *rows = NULL;

  if (outlay_import_record_get_status (record) == OUTLAY_IMPORT_STATUS_FAILED)
    return g_strdup_printf ("%s\n%s", target, when);
  if (skipped == 0)
    return g_strdup_printf ("%s · %s\n%s", target, lines, when);
  /* Translators: "260 lines, 2 rows skipped" */
  rows = g_strdup_printf (ngettext ("%s, %u row skipped", "%s, %u rows skipped", skipped), lines,
                          skipped);
  return g_strdup_printf ("%s · %s\n%s", target, rows, when);
}

static JsonArray *
parse_array (JsonParser *parser, const char *json)
{
  if (json == NULL || *json == '\0' || !json_parser_load_from_data (parser, json, -1, NULL)
      || !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return NULL;
  return json_node_get_array (json_parser_get_root (parser));
}

static GtkWidget *
warning_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "dialog-warning-symbolic");
  return row;
}

/* The rows left out and the warnings, as rows under the import's. */
static GPtrArray *
detail_rows (OutlayImportRecord *record)
{
  g_autoptr(JsonParser) errors_parser = json_parser_new ();
  g_autoptr(JsonParser) warnings_parser = json_parser_new ();
  JsonArray *errors = parse_array (errors_parser, outlay_import_record_get_errors (record));
  JsonArray *warnings = parse_array (warnings_parser, outlay_import_record_get_warnings (record));
  GPtrArray *rows = g_ptr_array_new ();

  for (guint i = 0; errors != NULL && i < json_array_get_length (errors) && i < 100; i++)
    {
      JsonObject *e = json_array_get_object_element (errors, i);

      if (e != NULL)
        g_ptr_array_add (rows, outlay_import_error_row_new (
          json_object_get_int_member_with_default (e, "row", 0),
          json_object_get_string_member_with_default (e, "column", ""),
          json_object_get_string_member_with_default (e, "value", ""),
          json_object_get_string_member_with_default (e, "message", "")));
    }
  for (guint i = 0; warnings != NULL && i < json_array_get_length (warnings); i++)
    if (json_array_get_string_element (warnings, i) != NULL)
      g_ptr_array_add (rows, warning_row (json_array_get_string_element (warnings, i)));
  return rows;
}

static GtkWidget *
undo_button (OutlayImportRecord *record)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Undo Import"));
  gint64 id = outlay_import_record_get_id (record);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "imports.undo");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  return button;
}

/* An expander when there are rows left out or warnings to show. */
static GtkWidget *
import_row (OutlayImportRecord *record)
{
  g_autoptr(GPtrArray) details = detail_rows (record);
  g_autofree char *subtitle = describe (record);
  const char *name = outlay_import_record_get_file_name (record);
  OutlayImportStatus status = outlay_import_record_get_status (record);
  GtkWidget *row = details->len > 0 ? adw_expander_row_new () : adw_action_row_new ();
  GtkWidget *pill = status_pill (status);
  GtkWidget *button = status == OUTLAY_IMPORT_STATUS_DONE ? undo_button (record) : NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : "");
  if (ADW_IS_EXPANDER_ROW (row))
    {
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      /* each action goes before the ones added earlier */
      if (button != NULL)
        adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), pill);
      for (guint i = 0; i < details->len; i++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), g_ptr_array_index (details, i));
      return row;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
  if (button != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

void
outlay_imports_dialog_refresh (OutlayImportsDialog *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (OUTLAY_IS_IMPORTS_DIALOG (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->import_list))) != NULL)
    gtk_list_box_remove (self->import_list, child);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  self->records = outlay_store_list_imports (self->store, 0, &error);
  if (self->records == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
    }
  for (guint i = 0; self->records != NULL && i < self->records->len; i++)
    gtk_list_box_append (self->import_list, import_row (g_ptr_array_index (self->records, i)));
  gtk_stack_set_visible_child_name (self->stack, self->records != NULL && self->records->len > 0
                                                   ? "list" : "empty");
}

/* ---- undo ---- */

static void
undo_response_cb (AdwMessageDialog *dialog, const char *response, OutlayImportsDialog *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "import-id");
  OutlayImportRecord *record = find_record (self, id);
  g_autoptr(GError) error = NULL;
  gint64 budget_id;

  if (!g_str_equal (response, "undo") || record == NULL)
    return;
  budget_id = outlay_import_record_get_budget_id (record);
  if (!outlay_store_undo_import (self->store, id, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
      return;
    }
  outlay_imports_dialog_refresh (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Import undone")));
  g_signal_emit (self, signals[IMPORT_UNDONE], 0, id, budget_id);
}

/* What undoing takes away, in the user's terms. */
static char *
undo_consequence (OutlayImportRecord *record)
{
  const char *mode = outlay_import_record_get_mode (record);
  const char *budget = outlay_import_record_get_budget_name (record);
  guint lines = outlay_import_record_get_rows_imported (record);

  if (g_strcmp0 (mode, "new") == 0)
    return g_strdup_printf (_("The budget “%s” it created will be deleted."), budget ?: "");
  if (g_strcmp0 (mode, "replace") == 0)
    return g_strdup_printf (_("The budget “%s” gets back the sections and lines it had before."),
                            budget ?: "");
  return g_strdup_printf (ngettext ("The line it added will be removed.",
                                    "The %u lines it added will be removed.", lines), lines);
}

static void
undo_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayImportsDialog *self = OUTLAY_IMPORTS_DIALOG (widget);
  gint64 id = g_variant_get_int64 (param);
  OutlayImportRecord *record = find_record (self, id);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (record == NULL)
    return;
  heading = g_strdup_printf (_("Undo the import of “%s”?"),
                             outlay_import_record_get_file_name (record));
  body = undo_consequence (record);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "undo", _("_Undo Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "undo",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "import-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (undo_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- GObject ---- */

static void
outlay_imports_dialog_dispose (GObject *object)
{
  OutlayImportsDialog *self = OUTLAY_IMPORTS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_IMPORTS_DIALOG);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (outlay_imports_dialog_parent_class)->dispose (object);
}

static void
outlay_imports_dialog_class_init (OutlayImportsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = outlay_imports_dialog_dispose;

  /**
   * OutlayImportsDialog::import-undone:
   * @import_id: the import undone
   * @budget_id: the budget it had changed or made
   */
  signals[IMPORT_UNDONE] =
    g_signal_new ("import-undone", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/outlay-imports-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayImportsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportsDialog, import_list);
  gtk_widget_class_install_action (widget_class, "imports.undo", "x", undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
outlay_imports_dialog_init (OutlayImportsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  outlay_import_load_css (GTK_WIDGET (self));
}

OutlayImportsDialog *
outlay_imports_dialog_new (GtkWindow   *parent,
                           OutlayStore *store)
{
  OutlayImportsDialog *self;

  g_return_val_if_fail (OUTLAY_IS_STORE (store), NULL);

  self = g_object_new (OUTLAY_TYPE_IMPORTS_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  outlay_imports_dialog_refresh (self);
  return self;
}
