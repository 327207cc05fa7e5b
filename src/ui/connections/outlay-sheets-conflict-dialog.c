/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-sheets-conflict"

/* Cells changed on both sides since the last sync, shown per row with both
 * values: keep Outlay's, take the spreadsheet's, or type another. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-sheets-conflict-dialog.h"
#include "outlay-sheets.h"

typedef struct
{
  char *key; /* outlay_sheets_conflict_key() */
  char *local;
  char *remote;
  GtkCheckButton *take_local;
  GtkCheckButton *take_remote;
  GtkCheckButton *take_typed;
  AdwEntryRow *typed;
} Choice;

struct _OutlaySheetsConflictDialog
{
  AdwWindow parent_instance;

  AdwPreferencesPage *page;
  GtkWidget *apply_button;

  GPtrArray *choices; /* Choice* */
};

G_DEFINE_FINAL_TYPE (OutlaySheetsConflictDialog, outlay_sheets_conflict_dialog, ADW_TYPE_WINDOW)

enum
{
  RESOLVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
choice_free (Choice *c)
{
  g_free (c->key);
  g_free (c->local);
  g_free (c->remote);
  g_free (c);
}

static void
later_clicked_cb (OutlaySheetsConflictDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
apply_clicked_cb (OutlaySheetsConflictDialog *self)
{
  g_autoptr (GHashTable)
                 resolutions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *c = g_ptr_array_index (self->choices, i);
      const char *value = NULL;

      if (gtk_check_button_get_active (c->take_local))
        value = c->local;
      else if (gtk_check_button_get_active (c->take_remote))
        value = c->remote;
      else
        value = gtk_editable_get_text (GTK_EDITABLE (c->typed));
      g_hash_table_insert (resolutions, g_strdup (c->key), g_strdup (value));
    }
  g_signal_emit (self, signals[RESOLVED], 0, resolutions);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
typed_changed_cb (GtkEditable *editable, Choice *c)
{
  /* typing picks "another value" */
  gtk_check_button_set_active (c->take_typed, TRUE);
}

static GtkCheckButton *
choice_row (AdwPreferencesGroup *group,
            const char *title,
            const char *subtitle,
            GtkCheckButton *peer)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (peer)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), peer);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), *subtitle ? subtitle : _("(empty)"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (group, row);
  return GTK_CHECK_BUTTON (check);
}

/* One group per conflict: which is truly dynamic, so it is built here */
static void
add_conflict (OutlaySheetsConflictDialog *self, OutlaySheetsConflict *conflict)
{
  Choice *c = g_new0 (Choice, 1);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *check = gtk_check_button_new ();
  /* Translators: a conflict's heading: "Row 5 · 1100 Camera operator" */
  g_autofree char *title = g_strdup_printf (_("Row %u · %s"), conflict->row, conflict->line);
  /* Translators: "Rate, was 450 at the last sync" */
  g_autofree char *description = g_strdup_printf (_("%s, was “%s” at the last sync"),
                                                     conflict->column, conflict->base);

  c->key = outlay_sheets_conflict_key (conflict->line_id, conflict->column_index);
  c->local = g_strdup (conflict->local);
  c->remote = g_strdup (conflict->remote);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  c->take_local = choice_row (ADW_PREFERENCES_GROUP (group), _("Outlay’s value"), c->local, NULL);
  c->take_remote = choice_row (ADW_PREFERENCES_GROUP (group), _("The spreadsheet’s value"),
                                                                 c->remote, c->take_local);
  c->typed = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (c->typed), _("Another value"));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_group (GTK_CHECK_BUTTON (check), c->take_local);
  adw_entry_row_add_prefix (c->typed, check);
  c->take_typed = GTK_CHECK_BUTTON (check);
  g_signal_connect (c->typed, "changed", G_CALLBACK (typed_changed_cb), c);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (c->typed));
  gtk_check_button_set_active (c->take_local, TRUE);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->choices, c);
}

static void
outlay_sheets_conflict_dialog_dispose (GObject *object)
{
  OutlaySheetsConflictDialog *self = OUTLAY_SHEETS_CONFLICT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_SHEETS_CONFLICT_DIALOG);
  G_OBJECT_CLASS (outlay_sheets_conflict_dialog_parent_class)->dispose (object);
}

static void
outlay_sheets_conflict_dialog_finalize (GObject *object)
{
  OutlaySheetsConflictDialog *self = OUTLAY_SHEETS_CONFLICT_DIALOG (object);

  g_ptr_array_unref (self->choices);
  G_OBJECT_CLASS (outlay_sheets_conflict_dialog_parent_class)->finalize (object);
}

static void
outlay_sheets_conflict_dialog_class_init (OutlaySheetsConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_sheets_conflict_dialog_dispose;
  object_class->finalize = outlay_sheets_conflict_dialog_finalize;
  /**
   * OutlaySheetsConflictDialog::resolved:
   * @resolutions: conflict key → the value for both sides
   */
  signals[RESOLVED] = g_signal_new ("resolved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_HASH_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/outlay-sheets-conflict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlaySheetsConflictDialog, page);
  gtk_widget_class_bind_template_child (widget_class, OutlaySheetsConflictDialog, apply_button);
  gtk_widget_class_bind_template_callback (widget_class, later_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
outlay_sheets_conflict_dialog_init (OutlaySheetsConflictDialog *self)
{
  self->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
outlay_sheets_conflict_dialog_new (GtkWindow *parent, GPtrArray *conflicts)
{
  OutlaySheetsConflictDialog *self = g_object_new (OUTLAY_TYPE_SHEETS_CONFLICT_DIALOG,
                                                   "transient-for", parent, NULL);

  for (guint i = 0; i < conflicts->len; i++)
    add_conflict (self, g_ptr_array_index (conflicts, i));
  return GTK_WIDGET (self);
}
