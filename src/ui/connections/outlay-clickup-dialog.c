/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-connections"

/* Import from ClickUp: the lists come from the API (a worker thread), the
 * sync runs one list at a time in a worker thread (one transaction each),
 * and tasks deleted in ClickUp are only listed until the user removes
 * them. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-clickup-dialog.h"
#include "outlay-clickup.h"
#include "outlay-error.h"

#define MAX_DELETED_SHOWN 50

struct _OutlayClickupDialog
{
  AdwWindow parent_instance;

  GtkWidget *cancel_button;
  GtkWidget *import_button;
  GtkWidget *done_button;
  GtkStack *stack;
  AdwStatusPage *error_page;
  GtkWidget *connections_button;
  AdwComboRow *workspace_row;
  AdwComboRow *space_row;
  AdwComboRow *folder_row;
  GtkListBox *lists_box;
  AdwComboRow *rule_row;
  AdwEntryRow *field_row;
  GtkSwitch *deleted_switch;
  AdwStatusPage *progress_page;
  GtkProgressBar *progress_bar;
  AdwPreferencesGroup *summary_group;
  AdwActionRow *tasks_row;
  AdwActionRow *entries_row;
  AdwActionRow *people_row;
  AdwPreferencesGroup *deleted_group;
  GtkWidget *remove_button;
  GtkListBox *deleted_box;

  OutlayStore *store;
  gint64 budget_id;
  GCancellable *cancellable;
  JsonNode *lists;       /* from outlay_clickup_lists() */
  GPtrArray *workspaces; /* ids shown in workspace_row, in order */
  GPtrArray *spaces;
  GPtrArray *folders; /* "" for the space's lists in no folder */
  GPtrArray *checks;  /* GtkCheckButton per list row, with "list-id" data */

  /* the import under way */
  GPtrArray *queue; /* list ids still to import */
  char *team_id;
  char *rule;
  guint n_lists;
  OutlayClickupSummary total;
  GPtrArray *deleted_ids;
  GPtrArray *deleted_names;
  gboolean wrote;
};

G_DEFINE_FINAL_TYPE (OutlayClickupDialog, outlay_clickup_dialog, ADW_TYPE_WINDOW)

enum
{
  BUDGET_WRITTEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void import_next (OutlayClickupDialog *self);

/* ---- the hierarchy ---- */

static const char *
member (JsonObject *o, const char *name)
{
  return json_object_get_string_member_with_default (o, name, NULL);
}

static gboolean
matches (JsonObject *list, const char *workspace, const char *space, const char *folder)
{
  const char *f = member (list, "folder_id");

  return (workspace == NULL || g_strcmp0 (member (list, "workspace_id"), workspace) == 0)
         && (space == NULL || g_strcmp0 (member (list, "space_id"), space) == 0)
         && (folder == NULL || g_strcmp0 (f ? f : "", folder) == 0);
}

/* Fills @row with the distinct (@id_key, @name_key) of the lists under
 * the given parents; @ids gets the ids in the same order. */
static void
fill_row (OutlayClickupDialog *self,
          AdwComboRow *row,
          GPtrArray *ids,
          const char *id_key,
          const char *name_key,
          const char *workspace,
          const char *space)
{
  JsonArray *lists = json_node_get_array (self->lists);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  g_ptr_array_set_size (ids, 0);
  for (guint i = 0; i < json_array_get_length (lists); i++)
    {
      JsonObject *l = json_array_get_object_element (lists, i);
      const char *id = member (l, id_key);
      const char *name = member (l, name_key);
      gboolean seen = FALSE;

      if (!matches (l, workspace, space, NULL))
        continue;
      for (guint k = 0; k < ids->len && !seen; k++)
        seen = g_str_equal (g_ptr_array_index (ids, k), id ? id : "");
      if (seen)
        continue;
      g_ptr_array_add (ids, g_strdup (id ? id : ""));
      gtk_string_list_append (names, id ? name : _("No folder"));
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, 0);
}

static const char *
selected_id (AdwComboRow *row, GPtrArray *ids)
{
  guint i = adw_combo_row_get_selected (row);

  return i < ids->len ? g_ptr_array_index (ids, i) : NULL;
}

static gboolean
can_import (OutlayClickupDialog *self)
{
  gboolean any = FALSE;
  g_autofree char *field = g_strstrip (
      g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->field_row))));

  for (guint i = 0; i < self->checks->len && !any; i++)
    any = gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  return any && (adw_combo_row_get_selected (self->rule_row) != 2 || *field != '\0');
}

static void
update_import (OutlayClickupDialog *self)
{
  gtk_widget_set_sensitive (self->import_button, can_import (self));
}

static void
check_toggled_cb (OutlayClickupDialog *self)
{
  update_import (self);
}

static void
folder_changed_cb (OutlayClickupDialog *self)
{
  JsonArray *lists;
  const char *workspace = selected_id (self->workspace_row, self->workspaces);
  const char *space = selected_id (self->space_row, self->spaces);
  const char *folder = selected_id (self->folder_row, self->folders);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lists_box))) != NULL)
    gtk_list_box_remove (self->lists_box, child);
  g_ptr_array_set_size (self->checks, 0);
  if (self->lists == NULL || folder == NULL)
    return update_import (self);
  lists = json_node_get_array (self->lists);
  for (guint i = 0; i < json_array_get_length (lists); i++)
    {
      JsonObject *l = json_array_get_object_element (lists, i);
      GtkWidget *row, *check;

      if (!matches (l, workspace, space, folder))
        continue;
      row = adw_action_row_new ();
      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member (l, "list"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data_full (G_OBJECT (check), "list-id", g_strdup (member (l, "list_id")),
                              g_free);
      /* the folder's first list is the likely one */
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), self->checks->len == 0);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (check_toggled_cb), self);
      g_ptr_array_add (self->checks, check);
      gtk_list_box_append (self->lists_box, row);
    }
  update_import (self);
}

static void
space_changed_cb (OutlayClickupDialog *self)
{
  if (self->lists == NULL)
    return;
  fill_row (self, self->folder_row, self->folders, "folder_id", "folder",
            selected_id (self->workspace_row, self->workspaces),
            selected_id (self->space_row, self->spaces));
  folder_changed_cb (self);
}

static void
workspace_changed_cb (OutlayClickupDialog *self)
{
  if (self->lists == NULL)
    return;
  fill_row (self, self->space_row, self->spaces, "space_id", "space",
            selected_id (self->workspace_row, self->workspaces), NULL);
  space_changed_cb (self);
}

static void
rule_changed_cb (OutlayClickupDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->field_row),
                          adw_combo_row_get_selected (self->rule_row) == 2);
  update_import (self);
}

static void
field_changed_cb (OutlayClickupDialog *self)
{
  update_import (self);
}

static void
show_page (OutlayClickupDialog *self, const char *page)
{
  gboolean pick = g_str_equal (page, "pick");
  gboolean end = g_str_equal (page, "summary") || g_str_equal (page, "error");

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_visible (self->import_button, pick);
  gtk_widget_set_visible (self->done_button, end);
  gtk_widget_set_visible (self->cancel_button, !end);
}

static void
show_error (OutlayClickupDialog *self, const char *title, const GError *error)
{
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, error->message);
  /* a missing or refused token is fixed in Preferences ▸ Connections */
  gtk_widget_set_visible (self->connections_button,
                          g_error_matches (error, OUTLAY_ERROR, OUTLAY_ERROR_AUTH));
  show_page (self, "error");
}

static void
lists_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (OutlayClickupDialog) self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) lists = outlay_clickup_lists_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->stack == NULL)
    return;
  if (lists == NULL)
    return show_error (self, _("ClickUp Could Not Be Read"), error);
  if (json_array_get_length (json_node_get_array (lists)) == 0)
    {
      g_autoptr (GError) none = g_error_new_literal (
          OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
          _("The ClickUp token sees no lists. Make a list in ClickUp, or connect a token of a "
            "member of the workspace."));

      return show_error (self, _("No Lists"), none);
    }
  self->lists = g_steal_pointer (&lists);
  fill_row (self, self->workspace_row, self->workspaces, "workspace_id", "workspace", NULL, NULL);
  workspace_changed_cb (self);
  show_page (self, "pick");
}

/* ---- the import ---- */

static void
add_summary (OutlayClickupSummary *total, const OutlayClickupSummary *s)
{
  total->tasks_added += s->tasks_added;
  total->tasks_updated += s->tasks_updated;
  total->tasks_unchanged += s->tasks_unchanged;
  total->entries_added += s->entries_added;
  total->entries_updated += s->entries_updated;
  total->entries_unchanged += s->entries_unchanged;
  total->entries_removed += s->entries_removed;
  total->entries_skipped += s->entries_skipped;
  total->people_added += s->people_added;
}

static void
progress_cb (const char *stage, guint done, guint total, gpointer data)
{
  OutlayClickupDialog *self = data;
  guint n = self->n_lists - self->queue->len;
  g_autofree char *text = NULL;

  if (self->progress_bar == NULL)
    return; /* closed meanwhile */
  if (g_str_equal (stage, "tasks"))
    {
      /* Translators: "List 1 of 2: tasks, page 3" */
      text = g_strdup_printf (_("List %u of %u: tasks, page %u"), n, self->n_lists, done);
      gtk_progress_bar_pulse (self->progress_bar);
    }
  else
    {
      /* Translators: "List 1 of 2: time entries, month 4 of 12" */
      text = g_strdup_printf (_("List %u of %u: time entries, month %u of %u"), n, self->n_lists,
                                 done, total);
      gtk_progress_bar_set_fraction (self->progress_bar, total ? (double) done / total : 0);
    }
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
set_count_row (AdwActionRow *row, const char *text)
{
  adw_action_row_set_subtitle (row, text);
}

static void
show_summary (OutlayClickupDialog *self, const char *title)
{
  OutlayClickupSummary *s = &self->total;
  g_autofree char *tasks = g_strdup_printf (_("%u new, %u changed, %u unchanged"), s->tasks_added,
                                               s->tasks_updated, s->tasks_unchanged);
  g_autofree char *entries = g_strdup_printf (
      _("%u new, %u changed, %u removed, %u unchanged, %u skipped (no task here, or a timer "
        "still running)"),
         s->entries_added, s->entries_updated, s->entries_removed, s->entries_unchanged,
         s->entries_skipped);
  g_autofree char *people = g_strdup_printf (_("%u new"), s->people_added);
  guint n = self->deleted_ids->len;
  GtkWidget *child;

  adw_preferences_group_set_title (self->summary_group, title);
  set_count_row (self->tasks_row, tasks);
  set_count_row (self->entries_row, entries);
  set_count_row (self->people_row, people);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->deleted_box))) != NULL)
    gtk_list_box_remove (self->deleted_box, child);
  gtk_widget_set_visible (GTK_WIDGET (self->deleted_group), n > 0);
  if (n > 0)
    {
      g_autofree char *group = g_strdup_printf (g_dngettext (NULL, "%u task was deleted in ClickUp",
                                                             "%u tasks were deleted in ClickUp", n),
                                                n);
      g_autofree char *button = g_strdup_printf (
          g_dngettext (NULL, "Remove %u Task", "Remove %u Tasks", n), n);

      adw_preferences_group_set_title (self->deleted_group, group);
      adw_preferences_group_set_description (
          self->deleted_group,
          _("They are still in this budget with their logged time. Remove them, or keep them as "
            "they are."));
      gtk_button_set_label (GTK_BUTTON (self->remove_button), button);
      for (guint i = 0; i < MIN (n, MAX_DELETED_SHOWN); i++)
        {
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         g_ptr_array_index (self->deleted_names, i));
          gtk_list_box_append (self->deleted_box, row);
        }
      if (n > MAX_DELETED_SHOWN)
        {
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *more = g_strdup_printf (_("and %u more"), n - MAX_DELETED_SHOWN);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
          gtk_list_box_append (self->deleted_box, row);
        }
    }
  show_page (self, "summary");
}

static void
sync_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (OutlayClickupDialog) self = data;
  g_autoptr (GError) error = NULL;
  OutlayClickupSummary summary = { 0 };

  if (!outlay_clickup_sync_finish (result, &summary, &error))
    {
      if (self->stack == NULL)
        return; /* closed meanwhile */
      if (g_cancellable_is_cancelled (self->cancellable))
        {
          show_summary (self, self->wrote ? _("Cancelled: the lists already imported stay")
                                          : _("Cancelled: nothing was changed"));
          return;
        }
      g_ptr_array_set_size (self->queue, 0);
      return show_error (self, _("The Import Stopped"), error);
    }
  add_summary (&self->total, &summary);
  for (guint i = 0; summary.removed_ids && i < summary.removed_ids->len; i++)
    {
      g_ptr_array_add (self->deleted_ids, g_strdup (g_ptr_array_index (summary.removed_ids, i)));
      g_ptr_array_add (self->deleted_names,
                       g_strdup (g_ptr_array_index (summary.removed_names, i)));
    }
  outlay_clickup_summary_clear (&summary);
  self->wrote = TRUE;
  g_signal_emit (self, signals[BUDGET_WRITTEN], 0, self->budget_id);
  if (self->stack != NULL)
    import_next (self);
}

static void
import_next (OutlayClickupDialog *self)
{
  OutlayClickupSyncOptions options = { 0 };
  g_autofree char *list_id = NULL;

  if (self->queue->len == 0)
    return show_summary (self, _("Imported from ClickUp"));
  list_id = g_ptr_array_steal_index (self->queue, 0);
  options.list_id = list_id;
  options.team_id = self->team_id;
  options.rule = self->rule;
  /* deletions show only when every task is listed; removing them waits
   * for the user (the summary's button) */
  options.full = gtk_switch_get_active (self->deleted_switch);
  options.progress = progress_cb;
  options.progress_data = self;
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  outlay_clickup_sync_async (outlay_store_get_path (self->store), self->budget_id, &options, NULL,
                             self->cancellable, sync_cb, g_object_ref (self));
}

static void
import_clicked_cb (OutlayClickupDialog *self)
{
  static const char *const rules[] = { "name", "tag", "field:", "list" };
  guint rule = adw_combo_row_get_selected (self->rule_row);
  g_autofree char *field = g_strstrip (
      g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->field_row))));

  if (!can_import (self))
    return;
  g_ptr_array_set_size (self->queue, 0);
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_ptr_array_add (self->queue, g_strdup (g_object_get_data (
                                        g_ptr_array_index (self->checks, i), "list-id")));
  self->n_lists = self->queue->len;
  g_free (self->team_id);
  self->team_id = g_strdup (selected_id (self->workspace_row, self->workspaces));
  g_free (self->rule);
  self->rule = rule == 2 ? g_strconcat (rules[2], field, NULL) : g_strdup (rules[MIN (rule, 3)]);
  outlay_clickup_summary_clear (&self->total);
  g_ptr_array_set_size (self->deleted_ids, 0);
  g_ptr_array_set_size (self->deleted_names, 0);
  show_page (self, "progress");
  import_next (self);
}

static void
remove_clicked_cb (OutlayClickupDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  guint removed = 0;

  if (!outlay_store_clickup_remove_tasks (self->store, self->budget_id, self->deleted_ids, &removed,
                                          &error))
    return show_error (self, _("The Tasks Were Not Removed"), error);
  g_ptr_array_set_size (self->deleted_ids, 0);
  g_ptr_array_set_size (self->deleted_names, 0);
  g_signal_emit (self, signals[BUDGET_WRITTEN], 0, self->budget_id);
  title = g_strdup_printf (g_dngettext (NULL, "Imported from ClickUp; %u deleted task removed",
                                        "Imported from ClickUp; %u deleted tasks removed", removed),
                           removed);
  show_summary (self, title);
}

static void
cancel_clicked_cb (OutlayClickupDialog *self)
{
  /* an import under way stops (its list is not written); the dialog
   * stays to say so */
  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "progress"))
    {
      g_ptr_array_set_size (self->queue, 0);
      g_cancellable_cancel (self->cancellable);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
done_clicked_cb (OutlayClickupDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
outlay_clickup_dialog_dispose (GObject *object)
{
  OutlayClickupDialog *self = OUTLAY_CLICKUP_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_CLICKUP_DIALOG);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (outlay_clickup_dialog_parent_class)->dispose (object);
}

static void
outlay_clickup_dialog_finalize (GObject *object)
{
  OutlayClickupDialog *self = OUTLAY_CLICKUP_DIALOG (object);

  g_clear_pointer (&self->lists, json_node_unref);
  g_ptr_array_unref (self->workspaces);
  g_ptr_array_unref (self->spaces);
  g_ptr_array_unref (self->folders);
  g_ptr_array_unref (self->checks);
  g_ptr_array_unref (self->queue);
  g_ptr_array_unref (self->deleted_ids);
  g_ptr_array_unref (self->deleted_names);
  outlay_clickup_summary_clear (&self->total);
  g_free (self->team_id);
  g_free (self->rule);
  G_OBJECT_CLASS (outlay_clickup_dialog_parent_class)->finalize (object);
}

static void
outlay_clickup_dialog_class_init (OutlayClickupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_clickup_dialog_dispose;
  object_class->finalize = outlay_clickup_dialog_finalize;

  signals[BUDGET_WRITTEN] = g_signal_new ("budget-written", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                          G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/outlay-clickup-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayClickupDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayClickupDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayClickupDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayClickupDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, OutlayClickupDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, OutlayClickupDialog, connections_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayClickupDialog, workspace_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayClickupDialog, space_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayClickupDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayClickupDialog, lists_box);
  gtk_widget_class_bind_template_child (widget_class, OutlayClickupDialog, rule_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayClickupDialog, field_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayClickupDialog, deleted_switch);
  gtk_widget_class_bind_template_child (widget_class, OutlayClickupDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, OutlayClickupDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, OutlayClickupDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, OutlayClickupDialog, tasks_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayClickupDialog, entries_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayClickupDialog, people_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayClickupDialog, deleted_group);
  gtk_widget_class_bind_template_child (widget_class, OutlayClickupDialog, remove_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayClickupDialog, deleted_box);
  gtk_widget_class_bind_template_callback (widget_class, workspace_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, space_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, folder_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, rule_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);
}

static void
outlay_clickup_dialog_init (OutlayClickupDialog *self)
{
  self->workspaces = g_ptr_array_new_with_free_func (g_free);
  self->spaces = g_ptr_array_new_with_free_func (g_free);
  self->folders = g_ptr_array_new_with_free_func (g_free);
  self->checks = g_ptr_array_new ();
  self->queue = g_ptr_array_new_with_free_func (g_free);
  self->deleted_ids = g_ptr_array_new_with_free_func (g_free);
  self->deleted_names = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "outlay-clickup-dialog");
}

OutlayClickupDialog *
outlay_clickup_dialog_new (GtkWindow *parent, OutlayStore *store, gint64 budget_id)
{
  OutlayClickupDialog *self = g_object_new (OUTLAY_TYPE_CLICKUP_DIALOG, "transient-for", parent,
                                            NULL);

  g_return_val_if_fail (OUTLAY_IS_STORE (store), NULL);

  self->store = g_object_ref (store);
  self->budget_id = budget_id;
  outlay_clickup_lists_async (NULL, self->cancellable, lists_cb, g_object_ref (self));
  return self;
}
