/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-versions-dialog"

/* Saved versions of a budget: save one under a name, list them, open one
 * read-only, compare any two (or one with the current budget) and restore
 * one as the current budget, undoably. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-compare.h"
#include "outlay-currency.h"
#include "outlay-store-versions.h"
#include "outlay-versions-compare.h"
#include "outlay-versions-dialog.h"

struct _OutlayVersionsDialog
{
  AdwWindow        parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwLeaflet      *leaflet;
  AdwWindowTitle  *list_title;
  AdwWindowTitle  *compare_title;
  AdwEntryRow     *name_row;
  GtkLabel        *name_error;
  GtkWidget       *suggestions;
  GtkStack        *list_stack;
  GtkListBox      *version_list;
  AdwComboRow     *from_row;
  AdwComboRow     *to_row;
  GtkWidget       *estimate_delta_box;
  GtkImage        *estimate_delta_icon;
  GtkLabel        *estimate_delta_label;
  GtkLabel        *estimate_change_label;
  GtkWidget       *actual_delta_box;
  GtkImage        *actual_delta_icon;
  GtkLabel        *actual_delta_label;
  GtkLabel        *actual_change_label;
  GtkLabel        *summary_label;
  GtkBox          *results;

  OutlayStore     *store;
  OutlayDocument  *document;
  GPtrArray       *versions; /* OutlayVersion, oldest first */
  GHashTable      *loaded;   /* version id → its read-only OutlayDocument */
  AdwToast        *toast;    /* the one on screen (weak) */
  gboolean         filling;  /* the combo rows' models are being replaced */
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_DOCUMENT,
  N_PROPS
};

enum
{
  OPEN_VERSION,
  REPORT_COMPARISON,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OutlayVersionsDialog, outlay_versions_dialog, ADW_TYPE_WINDOW)

/* The names most budgets are saved under, in the order they happen. */
static const char *suggested_names[] = { N_("Bid"), N_("Awarded"), N_("Wrap") };

static void update_comparison (OutlayVersionsDialog *self);
static void name_changed_cb   (OutlayVersionsDialog *self);

/* ---- helpers ---- */

/* The newest message replaces the one on screen rather than queueing
 * behind it: an error must not wait for "Saved “Bid”" to time out. */
static void
show_toast (OutlayVersionsDialog *self, AdwToast *toast)
{
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  g_set_weak_pointer (&self->toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
toast (OutlayVersionsDialog *self, const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  show_toast (self, adw_toast_new (escaped));
}

static void
toast_error (OutlayVersionsDialog *self, const GError *error)
{
  toast (self, error->message);
}

static gint64
budget_id (OutlayVersionsDialog *self)
{
  return outlay_budget_get_id (outlay_document_get_budget (self->document));
}

static const char *
currency (OutlayVersionsDialog *self)
{
  return outlay_budget_get_currency (outlay_document_get_budget (self->document));
}

static OutlayVersion *
find_version (OutlayVersionsDialog *self, gint64 id, guint *index)
{
  for (guint i = 0; i < self->versions->len; i++)
    if (outlay_version_get_id (g_ptr_array_index (self->versions, i)) == id)
      {
        if (index != NULL)
          *index = i;
        return g_ptr_array_index (self->versions, i);
      }
  return NULL;
}

/* A version's read-only document, loaded once: versions never change. */
static OutlayDocument *
load_version (OutlayVersionsDialog *self, gint64 id, GError **error)
{
  OutlayDocument *doc = g_hash_table_lookup (self->loaded, &id);

  if (doc == NULL && (doc = outlay_store_load_version (self->store, id, error)) != NULL)
    g_hash_table_insert (self->loaded, g_memdup2 (&id, sizeof id), doc);
  return doc;
}

static gboolean
name_taken (OutlayVersionsDialog *self, const char *name)
{
  g_autofree char *needle = g_utf8_casefold (name, -1);

  for (guint i = 0; i < self->versions->len; i++)
    {
      g_autofree char *have =
        g_utf8_casefold (outlay_version_get_name (g_ptr_array_index (self->versions, i)), -1);

      if (g_str_equal (have, needle))
        return TRUE;
    }
  return FALSE;
}

/* ---- the list of versions ---- */

static char *
saved_text (OutlayVersion *version)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (outlay_version_get_created (version));
  g_autofree char *date = when != NULL ? g_date_time_format (when, "%x %X") : NULL;

  /* Translators: when a version was saved, in the user's date format */
  return g_strdup_printf (_("Saved %s"), date != NULL ? date : "");
}

static GMenuModel *
row_menu (gint64 id)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenuItem) compare = g_menu_item_new (_("_Compare…"), NULL);
  g_autoptr(GMenuItem) restore = g_menu_item_new (_("_Restore…"), NULL);

  g_menu_item_set_action_and_target_value (compare, "versions.compare",
                                           g_variant_new_int64 (id));
  g_menu_item_set_action_and_target_value (restore, "versions.restore",
                                           g_variant_new_int64 (id));
  g_menu_append_item (menu, compare);
  g_menu_append_item (menu, restore);
  return G_MENU_MODEL (menu);
}

static void
set_label (GtkWidget *widget, const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static GtkWidget *
version_row_new (OutlayVersionsDialog *self, OutlayVersion *version)
{
  gint64 id = outlay_version_get_id (version);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *saved = saved_text (version);
  g_autofree char *total = outlay_currency_format (outlay_version_get_total_estimate (version),
                                                   currency (self));
  GtkWidget *amount = gtk_label_new (total);
  GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open"));
  GtkWidget *more = gtk_menu_button_new ();
  g_autoptr(GMenuModel) menu = row_menu (id);
  g_autofree char *open_label = NULL;
  g_autofree char *more_label = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), outlay_version_get_name (version));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), saved);
  gtk_widget_add_css_class (amount, "numeric");
  gtk_widget_set_tooltip_text (amount, _("Estimate when saved"));
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (open, _("Show this version, read-only"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "versions.open");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (open), g_variant_new_int64 (id));
  gtk_widget_set_valign (more, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (more, "flat");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), menu);
  gtk_widget_set_tooltip_text (more, _("More Actions"));
  /* many rows have these buttons: say which version each one is for */
  open_label = g_strdup_printf (_("Open “%s”"), outlay_version_get_name (version));
  more_label = g_strdup_printf (_("More Actions for “%s”"), outlay_version_get_name (version));
  set_label (open, open_label);
  set_label (more, more_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), more);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);
  return row;
}

static void
update_suggestions (OutlayVersionsDialog *self)
{
  GtkWidget *child = gtk_widget_get_first_child (self->suggestions);
  gboolean any = FALSE;

  /* the caption, then one button per name */
  for (guint i = 0; i < G_N_ELEMENTS (suggested_names); i++)
    {
      gboolean available = !name_taken (self, _(suggested_names[i]));

      child = gtk_widget_get_next_sibling (child);
      gtk_widget_set_visible (child, available);
      any |= available;
    }
  gtk_widget_set_visible (self->suggestions, any);
}

static void
add_choice (GtkStringList *list, OutlayVersion *version)
{
  gtk_string_list_append (list, outlay_version_get_name (version));
}

static gint64
selected_id (OutlayVersionsDialog *self, AdwComboRow *row)
{
  guint i = adw_combo_row_get_selected (row);

  return i < self->versions->len ? outlay_version_get_id (g_ptr_array_index (self->versions, i))
                                 : 0;
}

/* Every version in From; every version and the current budget in To.
 * Keeps what was chosen if it is still there. */
static void
fill_choices (OutlayVersionsDialog *self)
{
  g_autoptr(GtkStringList) from = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) to = gtk_string_list_new (NULL);
  gint64 from_id = selected_id (self, self->from_row);
  gint64 to_id = selected_id (self, self->to_row);
  guint from_index = self->versions->len > 0 ? self->versions->len - 1 : 0;
  guint to_index = self->versions->len;

  for (guint i = 0; i < self->versions->len; i++)
    {
      add_choice (from, g_ptr_array_index (self->versions, i));
      add_choice (to, g_ptr_array_index (self->versions, i));
    }
  gtk_string_list_append (to, _("Current Budget"));
  if (from_id != 0)
    find_version (self, from_id, &from_index);
  if (to_id != 0)
    find_version (self, to_id, &to_index);
  self->filling = TRUE;
  adw_combo_row_set_model (self->from_row, G_LIST_MODEL (from));
  adw_combo_row_set_model (self->to_row, G_LIST_MODEL (to));
  adw_combo_row_set_selected (self->from_row, from_index);
  adw_combo_row_set_selected (self->to_row, to_index);
  self->filling = FALSE;
}

static void
refresh_versions (OutlayVersionsDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = outlay_store_list_versions (self->store, budget_id (self), &error);
  GtkWidget *child;
  g_autofree char *subtitle = NULL;

  if (list == NULL)
    {
      toast_error (self, error);
      return;
    }
  g_ptr_array_unref (self->versions);
  self->versions = g_steal_pointer (&list);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->version_list))) != NULL)
    gtk_list_box_remove (self->version_list, child);
  for (guint i = 0; i < self->versions->len; i++)
    gtk_list_box_append (self->version_list,
                         version_row_new (self, g_ptr_array_index (self->versions, i)));
  gtk_stack_set_visible_child_name (self->list_stack, self->versions->len > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "versions.compare-latest",
                                 self->versions->len > 0);
  update_suggestions (self);
  name_changed_cb (self);
  subtitle = g_strdup (outlay_budget_get_name (outlay_document_get_budget (self->document)));
  adw_window_title_set_subtitle (self->list_title, subtitle);
  fill_choices (self);
  update_comparison (self);
}

/* ---- the comparison ---- */

static OutlayDocument *
chosen_document (OutlayVersionsDialog *self, AdwComboRow *row, GError **error)
{
  guint i = adw_combo_row_get_selected (row);

  if (i < self->versions->len)
    return load_version (self, outlay_version_get_id (g_ptr_array_index (self->versions, i)),
                         error);
  return row == self->to_row ? self->document : NULL;
}

static const char *
chosen_name (OutlayVersionsDialog *self, AdwComboRow *row)
{
  guint i = adw_combo_row_get_selected (row);

  if (i < self->versions->len)
    return outlay_version_get_name (g_ptr_array_index (self->versions, i));
  return _("Current Budget");
}

static void
show_total (GtkWidget *box, GtkImage *icon, GtkLabel *delta_label, GtkLabel *change_label,
            OutlayDecimal from, OutlayDecimal to, const char *code)
{
  OutlayDecimal delta = outlay_comparison_delta (from, to);
  g_autofree char *delta_text = outlay_versions_format_delta (delta, code);
  g_autofree char *from_text = outlay_currency_format (from, code);
  g_autofree char *to_text = outlay_currency_format (to, code);
  /* Translators: a total before and after, "$1,000.00 → $1,200.00" */
  g_autofree char *change = g_strdup_printf (_("%s → %s"), from_text, to_text);

  gtk_label_set_text (delta_label, delta_text);
  gtk_label_set_text (change_label, change);
  outlay_versions_style_delta (box, icon, delta);
}

static void
update_comparison (OutlayVersionsDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayComparison) cmp = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *title = NULL;
  OutlayDocument *from, *to;

  if (self->filling)
    return;
  from = chosen_document (self, self->from_row, &error);
  to = from != NULL ? chosen_document (self, self->to_row, &error) : NULL;
  if (from == NULL || to == NULL)
    {
      if (error != NULL)
        toast_error (self, error);
      outlay_versions_compare_fill (self->results, NULL, NULL);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "versions.print", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "versions.export-pdf", FALSE);
      return;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "versions.print", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "versions.export-pdf", TRUE);
  cmp = outlay_compare_documents (from, to);
  show_total (self->estimate_delta_box, self->estimate_delta_icon, self->estimate_delta_label,
              self->estimate_change_label, cmp->from.estimate, cmp->to.estimate, cmp->currency);
  show_total (self->actual_delta_box, self->actual_delta_icon, self->actual_delta_label,
              self->actual_change_label, cmp->from.actual, cmp->to.actual, cmp->currency);
  summary = outlay_versions_compare_summary (cmp);
  gtk_label_set_text (self->summary_label, summary);
  /* Translators: the compared pair, "Bid → Current Budget" */
  title = g_strdup_printf (_("%s → %s"), chosen_name (self, self->from_row),
                           chosen_name (self, self->to_row));
  adw_window_title_set_subtitle (self->compare_title, title);
  outlay_versions_compare_fill (self->results, cmp, to);
}

/* Print… and Export as PDF…: the window prints and exports (the
 * export feature's code), this dialog says what. */
static void
report_comparison (OutlayVersionsDialog *self, gboolean print)
{
  g_autoptr(GError) error = NULL;
  OutlayDocument *from = chosen_document (self, self->from_row, &error);
  OutlayDocument *to = from != NULL ? chosen_document (self, self->to_row, &error) : NULL;

  if (from == NULL || to == NULL)
    {
      if (error != NULL)
        toast_error (self, error);
      return;
    }
  g_signal_emit (self, signals[REPORT_COMPARISON], 0, from, chosen_name (self, self->from_row), to,
                 chosen_name (self, self->to_row), print);
}

static void
print_action (GtkWidget *widget, const char *name, GVariant *param)
{
  report_comparison (OUTLAY_VERSIONS_DIALOG (widget), TRUE);
}

static void
export_pdf_action (GtkWidget *widget, const char *name, GVariant *param)
{
  report_comparison (OUTLAY_VERSIONS_DIALOG (widget), FALSE);
}

/* ---- restoring ---- */

typedef struct
{
  OutlayVersionsDialog *self;
  gint64                id;
} RestoreData;

static void
restore_data_free (gpointer data, GClosure *closure)
{
  RestoreData *rd = data;

  g_object_unref (rd->self);
  g_free (rd);
}

static void
restore_response_cb (AdwMessageDialog *dialog, const char *response, RestoreData *rd)
{
  OutlayVersionsDialog *self = rd->self;
  g_autoptr(GError) error = NULL;
  OutlayVersion *version = find_version (self, rd->id, NULL);
  OutlayDocument *doc;
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *done;

  if (!g_str_equal (response, "restore") || version == NULL)
    return;
  if ((doc = load_version (self, rd->id, &error)) == NULL
      || !outlay_document_restore (self->document, doc, &error))
    {
      toast_error (self, error);
      return;
    }
  /* Translators: after restoring version “Bid” */
  text = g_strdup_printf (_("Restored “%s” — Ctrl+Z undoes it"), outlay_version_get_name (version));
  escaped = g_markup_escape_text (text, -1);
  done = adw_toast_new (escaped);
  adw_toast_set_button_label (done, _("_Undo"));
  adw_toast_set_action_name (done, "versions.undo");
  show_toast (self, done);
}

static void
ask_restore (OutlayVersionsDialog *self, OutlayVersion *version)
{
  GtkWidget *dialog;
  RestoreData *rd = g_new0 (RestoreData, 1);

  /* Translators: asks before restoring version “Bid” */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL,
                                   _("The current lines are replaced by the version's. "
                                     "You can undo this."));
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Restore “%s”?"),
                                     outlay_version_get_name (version));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  rd->self = g_object_ref (self);
  rd->id = outlay_version_get_id (version);
  g_signal_connect_data (dialog, "response", G_CALLBACK (restore_response_cb), rd,
                         restore_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- actions ---- */

static void
save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  OutlayVersionsDialog *self = OUTLAY_VERSIONS_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayVersion) version = NULL;
  g_autofree char *text = NULL;
  const char *entered = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  version = outlay_store_save_version (self->store, self->document, entered, NULL, &error);
  if (version == NULL)
    {
      toast_error (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  refresh_versions (self);
  /* Translators: after saving version “Bid” */
  text = g_strdup_printf (_("Saved “%s”"), outlay_version_get_name (version));
  toast (self, text);
}

static void
suggest_action (GtkWidget *widget, const char *name, GVariant *param)
{
  OutlayVersionsDialog *self = OUTLAY_VERSIONS_DIALOG (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), g_variant_get_string (param, NULL));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  gtk_editable_set_position (GTK_EDITABLE (self->name_row), -1);
}

static void
open_action (GtkWidget *widget, const char *name, GVariant *param)
{
  OutlayVersionsDialog *self = OUTLAY_VERSIONS_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  /* a fresh copy: whoever shows it owns it */
  g_autoptr(OutlayDocument) doc =
    outlay_store_load_version (self->store, g_variant_get_int64 (param), &error);

  if (doc == NULL)
    {
      toast_error (self, error);
      return;
    }
  g_signal_emit (self, signals[OPEN_VERSION], 0, doc);
  gtk_window_close (GTK_WINDOW (self));
}

static void
compare_action (GtkWidget *widget, const char *name, GVariant *param)
{
  outlay_versions_dialog_show_compare (OUTLAY_VERSIONS_DIALOG (widget),
                                       g_variant_get_int64 (param), 0);
}

static void
compare_latest_action (GtkWidget *widget, const char *name, GVariant *param)
{
  OutlayVersionsDialog *self = OUTLAY_VERSIONS_DIALOG (widget);

  if (self->versions->len > 0)
    outlay_versions_dialog_show_compare (
      self, outlay_version_get_id (g_ptr_array_index (self->versions, self->versions->len - 1)),
      0);
}

static void
restore_action (GtkWidget *widget, const char *name, GVariant *param)
{
  OutlayVersionsDialog *self = OUTLAY_VERSIONS_DIALOG (widget);
  OutlayVersion *version = find_version (self, g_variant_get_int64 (param), NULL);

  if (version != NULL)
    ask_restore (self, version);
}

static void
undo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  OutlayVersionsDialog *self = OUTLAY_VERSIONS_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (outlay_document_can_undo (self->document)
      && !outlay_document_undo (self->document, &error))
    toast_error (self, error);
}

static void
back_action (GtkWidget *widget, const char *name, GVariant *param)
{
  OutlayVersionsDialog *self = OUTLAY_VERSIONS_DIALOG (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

/* Escape steps back from Compare, and closes the list. */
static gboolean
escape_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  OutlayVersionsDialog *self = OUTLAY_VERSIONS_DIALOG (widget);

  if (g_str_equal (adw_leaflet_get_visible_child_name (self->leaflet), "compare"))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
  else
    gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/* ---- callbacks ---- */

/* Says at once that a name is taken; Save still reports it too. */
static void
name_changed_cb (OutlayVersionsDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  gboolean taken = *name != '\0' && self->versions != NULL && name_taken (self, name);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "versions.save", *name != '\0');
  if (taken)
    {
      /* Translators: under the name entry while it holds a saved name */
      g_autofree char *text = g_strdup_printf (_("There is already a version named “%s”"), name);

      gtk_label_set_text (self->name_error, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->name_error), taken);
}

static void
name_activated_cb (OutlayVersionsDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "versions.save", NULL);
}

static void
selection_changed_cb (OutlayVersionsDialog *self)
{
  update_comparison (self);
}

static void
page_changed_cb (OutlayVersionsDialog *self)
{
  if (self->versions == NULL) /* being built or torn down */
    return;
  /* the list page's entry, or the first choice on Compare */
  if (g_str_equal (adw_leaflet_get_visible_child_name (self->leaflet), "compare"))
    gtk_widget_grab_focus (GTK_WIDGET (self->from_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
document_changed_cb (OutlayVersionsDialog *self)
{
  /* restore, undo: the current budget is one side of the comparison */
  update_comparison (self);
}

static void
can_undo_cb (OutlayVersionsDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "versions.undo",
                                 outlay_document_can_undo (self->document));
}

/* ---- overrides ---- */

static void
outlay_versions_dialog_constructed (GObject *object)
{
  OutlayVersionsDialog *self = OUTLAY_VERSIONS_DIALOG (object);

  G_OBJECT_CLASS (outlay_versions_dialog_parent_class)->constructed (object);
  g_assert (self->store != NULL && self->document != NULL);
  g_signal_connect_object (self->document, "changed", G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::can-undo", G_CALLBACK (can_undo_cb), self,
                           G_CONNECT_SWAPPED);
  can_undo_cb (self);
  refresh_versions (self);
}

static void
outlay_versions_dialog_dispose (GObject *object)
{
  OutlayVersionsDialog *self = OUTLAY_VERSIONS_DIALOG (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_VERSIONS_DIALOG);
  g_clear_weak_pointer (&self->toast);
  g_clear_pointer (&self->loaded, g_hash_table_unref);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (outlay_versions_dialog_parent_class)->dispose (object);
}

static void
outlay_versions_dialog_get_property (GObject *object, guint prop_id, GValue *value,
                                     GParamSpec *pspec)
{
  OutlayVersionsDialog *self = OUTLAY_VERSIONS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_versions_dialog_set_property (GObject *object, guint prop_id, const GValue *value,
                                     GParamSpec *pspec)
{
  OutlayVersionsDialog *self = OUTLAY_VERSIONS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "versions.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "versions.suggest", "s", suggest_action);
  gtk_widget_class_install_action (widget_class, "versions.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "versions.compare", "x", compare_action);
  gtk_widget_class_install_action (widget_class, "versions.compare-latest", NULL,
                                   compare_latest_action);
  gtk_widget_class_install_action (widget_class, "versions.restore", "x", restore_action);
  gtk_widget_class_install_action (widget_class, "versions.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "versions.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "versions.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "versions.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "versions.print",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "versions.undo", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "versions.back", NULL);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/outlay-versions-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayVersionsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OutlayVersionsDialog, leaflet);
  gtk_widget_class_bind_template_child (widget_class, OutlayVersionsDialog, list_title);
  gtk_widget_class_bind_template_child (widget_class, OutlayVersionsDialog, compare_title);
  gtk_widget_class_bind_template_child (widget_class, OutlayVersionsDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayVersionsDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, OutlayVersionsDialog, suggestions);
  gtk_widget_class_bind_template_child (widget_class, OutlayVersionsDialog, list_stack);
  gtk_widget_class_bind_template_child (widget_class, OutlayVersionsDialog, version_list);
  gtk_widget_class_bind_template_child (widget_class, OutlayVersionsDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayVersionsDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayVersionsDialog, estimate_delta_box);
  gtk_widget_class_bind_template_child (widget_class, OutlayVersionsDialog, estimate_delta_icon);
  gtk_widget_class_bind_template_child (widget_class, OutlayVersionsDialog, estimate_delta_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayVersionsDialog, estimate_change_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayVersionsDialog, actual_delta_box);
  gtk_widget_class_bind_template_child (widget_class, OutlayVersionsDialog, actual_delta_icon);
  gtk_widget_class_bind_template_child (widget_class, OutlayVersionsDialog, actual_delta_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayVersionsDialog, actual_change_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayVersionsDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayVersionsDialog, results);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);
}

static void
outlay_versions_dialog_class_init (OutlayVersionsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = outlay_versions_dialog_constructed;
  object_class->dispose = outlay_versions_dialog_dispose;
  object_class->get_property = outlay_versions_dialog_get_property;
  object_class->set_property = outlay_versions_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, OUTLAY_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, OUTLAY_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OutlayVersionsDialog::open-version:
   * @version_doc: the saved version, loaded as a read-only document
   *
   * The user chose Open on a version; the dialog closes after this.
   */
  signals[OPEN_VERSION] =
    g_signal_new ("open-version", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, OUTLAY_TYPE_DOCUMENT);

  /**
   * OutlayVersionsDialog::report-comparison:
   * @from: the older side shown
   * @from_name: its name ("Bid")
   * @to: the newer side
   * @to_name: its name ("Current Budget")
   * @print: %TRUE for Print…, %FALSE for Export as PDF…
   *
   * The user asked for the comparison on screen on paper or as a PDF;
   * the handler runs the print dialog or the export with this dialog as
   * parent, and may report back with outlay_versions_dialog_add_toast().
   */
  signals[REPORT_COMPARISON] = g_signal_new ("report-comparison", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 5,
                                             OUTLAY_TYPE_DOCUMENT, G_TYPE_STRING,
                                             OUTLAY_TYPE_DOCUMENT, G_TYPE_STRING, G_TYPE_BOOLEAN);

  bind_template (widget_class);
  install_actions (widget_class);
}

static void
add_suggestion (OutlayVersionsDialog *self, const char *name)
{
  GtkWidget *button = gtk_button_new_with_label (name);

  gtk_widget_add_css_class (button, "fact-badge");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "versions.suggest");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (name));
  gtk_box_append (GTK_BOX (self->suggestions), button);
}

static void
outlay_versions_dialog_init (OutlayVersionsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->versions = g_ptr_array_new_with_free_func (g_object_unref);
  self->loaded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (suggested_names); i++)
    add_suggestion (self, _(suggested_names[i]));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "versions.save", FALSE);
}

/* ---- public API ---- */

/**
 * outlay_versions_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: the store @doc lives in
 * @doc: the budget's current state
 *
 * A modal window to save, list, open, compare and restore versions of
 * @doc.  Connect to #OutlayVersionsDialog::open-version to show one.
 *
 * Returns: (transfer floating): the dialog, not yet shown
 */
GtkWidget *
outlay_versions_dialog_new (GtkWindow      *parent,
                            OutlayStore    *store,
                            OutlayDocument *doc)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (OUTLAY_IS_STORE (store), NULL);
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (doc), NULL);

  return g_object_new (OUTLAY_TYPE_VERSIONS_DIALOG, "transient-for", parent, "modal", TRUE,
                       "store", store, "document", doc, NULL);
}

OutlayStore *
outlay_versions_dialog_get_store (OutlayVersionsDialog *self)
{
  g_return_val_if_fail (OUTLAY_IS_VERSIONS_DIALOG (self), NULL);
  return self->store;
}

OutlayDocument *
outlay_versions_dialog_get_document (OutlayVersionsDialog *self)
{
  g_return_val_if_fail (OUTLAY_IS_VERSIONS_DIALOG (self), NULL);
  return self->document;
}

/**
 * outlay_versions_dialog_show_compare:
 * @self: the dialog
 * @from_version_id: the older version's id
 * @to_version_id: the newer version's id, or 0 for the current budget
 *
 * Goes to the Compare page with those two chosen.
 */
void
outlay_versions_dialog_show_compare (OutlayVersionsDialog *self,
                                     gint64                from_version_id,
                                     gint64                to_version_id)
{
  guint from = 0, to = 0;

  g_return_if_fail (OUTLAY_IS_VERSIONS_DIALOG (self));

  if (find_version (self, from_version_id, &from) == NULL)
    return;
  if (to_version_id == 0 || find_version (self, to_version_id, &to) == NULL)
    to = self->versions->len;
  self->filling = TRUE;
  adw_combo_row_set_selected (self->from_row, from);
  adw_combo_row_set_selected (self->to_row, to);
  self->filling = FALSE;
  update_comparison (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "compare");
}

/**
 * outlay_versions_dialog_add_toast:
 * @self: the dialog
 * @toast: (transfer full): a toast, such as "Exported “Bid.pdf”"
 *
 * Shows @toast in the dialog, in place of the one on screen.
 */
void
outlay_versions_dialog_add_toast (OutlayVersionsDialog *self, AdwToast *toast)
{
  g_return_if_fail (OUTLAY_IS_VERSIONS_DIALOG (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  show_toast (self, toast);
}
