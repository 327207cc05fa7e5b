/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a screen reader is told: the real window on the sample budget, every
 * page of it, and the dialogs of the budget menu, walked widget by widget.
 * Every control (button, drop-down, entry, switch, check box, table) must
 * have a name or a description: a label inside it, an accessible label, a
 * labelled-by relation, or a tooltip (which GTK gives as the description).
 * GTK's test accessibility backend keeps what the widgets say, so no
 * accessibility bus is needed. build-aux/a11y-audit asks the real AT-SPI
 * tree the same question. */

#include "config.h"

#include "outlay-ui-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

#include "outlay-application.h"
#include "outlay-window.h"

typedef struct
{
  OutlayApplication *app;
  OutlayWindow *window;
  guint waited;
  guint checked;
  GString *unnamed;
} Run;

static gboolean
has_text_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_text_label (c))
      return TRUE;
  return FALSE;
}

static gboolean
is_control (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  /* the parts GTK builds inside its own controls answer for themselves */
  if (parent != NULL
      && (GTK_IS_MENU_BUTTON (parent) || GTK_IS_DROP_DOWN (parent) || GTK_IS_SPIN_BUTTON (parent)
          || GTK_IS_SEARCH_ENTRY (parent) || GTK_IS_WINDOW_CONTROLS (parent)))
    return FALSE;
  if (gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW_CONTROLS) != NULL
      || gtk_widget_get_ancestor (widget, GTK_TYPE_DROP_DOWN) != NULL
      || gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_SWITCHER) != NULL
      || gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_SWITCHER_BAR) != NULL)
    return FALSE;
  /* libadwaita's own search in Preferences */
  if (GTK_IS_SEARCH_ENTRY (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_HEADER_BAR) != NULL
      && gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_WINDOW) != NULL)
    return FALSE;
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget)
         || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_ENTRY (widget) || GTK_IS_SPIN_BUTTON (widget)
         || GTK_IS_SWITCH (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_COLUMN_VIEW (widget);
}

static gboolean
is_named (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL)
      || gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION)
      || gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY)
      || gtk_widget_get_tooltip_text (widget) != NULL)
    return TRUE;
  /* a button or check box says what its label says; an entry row's
   * editable is named by the row's title */
  if ((GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget))
      && has_text_label (widget))
    return TRUE;
  if (gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW) != NULL)
    return TRUE;
  return FALSE;
}

static void
describe (GString *out, GtkWidget *widget)
{
  g_string_append_printf (out, "\n  %s", G_OBJECT_TYPE_NAME (widget));
  if (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)) != NULL)
    g_string_append_printf (out, " #%s", gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)));
  for (GtkWidget *p = gtk_widget_get_parent (widget); p != NULL; p = gtk_widget_get_parent (p))
    if (G_OBJECT_TYPE (p) != GTK_TYPE_BOX && G_OBJECT_TYPE (p) != GTK_TYPE_GRID
        && !GTK_IS_WINDOW (p))
      {
        g_string_append_printf (out, " in %s", G_OBJECT_TYPE_NAME (p));
        if (g_str_has_prefix (G_OBJECT_TYPE_NAME (p), "Outlay"))
          break;
      }
}

static void
walk (Run *run, GtkWidget *widget)
{
  /* the sheet's and tables' own rows and cells are checked by their
   * tests (sheet-keys: the focused cell's label) */
  if (GTK_IS_COLUMN_VIEW (widget))
    {
      run->checked++;
      if (!is_named (widget))
        describe (run->unnamed, widget);
      return;
    }
  if (is_control (widget))
    {
      run->checked++;
      if (!is_named (widget))
        describe (run->unnamed, widget);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    walk (run, c);
}

static GtkWindow *
newest_dialog (Run *run, GList *before)
{
  g_autoptr(GList) now = gtk_window_list_toplevels ();

  for (GList *l = now; l != NULL; l = l->next)
    if (g_list_find (before, l->data) == NULL && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
check_cb (gpointer data)
{
  Run *run = data;
  const char *actions[] = { "win.budget-properties", "win.check-budget", "win.versions",
                            "win.new-budget" };

  if (run->window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (run->window)))
    {
      g_assert_cmpuint (++run->waited, <, 100);
      return G_SOURCE_CONTINUE;
    }

  /* every page of the window, shown or not */
  walk (run, GTK_WIDGET (run->window));

  /* the budget menu's dialogs, one at a time */
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autoptr(GList) before = gtk_window_list_toplevels ();
      GtkWindow *dialog;

      gtk_widget_activate_action (GTK_WIDGET (run->window), actions[i], NULL);
      dialog = newest_dialog (run, before);
      g_assert_nonnull (dialog);
      walk (run, GTK_WIDGET (dialog));
      gtk_window_destroy (dialog);
    }
  /* and Preferences */
  {
    g_autoptr(GList) before = gtk_window_list_toplevels ();
    GtkWindow *prefs;

    g_action_group_activate_action (G_ACTION_GROUP (run->app), "preferences", NULL);
    prefs = newest_dialog (run, before);
    g_assert_nonnull (prefs);
    walk (run, GTK_WIDGET (prefs));
    gtk_window_destroy (prefs);
  }

  g_test_message ("%u controls checked", run->checked);
  g_assert_cmpuint (run->checked, >, 50);
  if (run->unnamed->len > 0)
    g_error ("Controls a screen reader cannot name:%s", run->unnamed->str);
  g_application_quit (G_APPLICATION (run->app));
  return G_SOURCE_REMOVE;
}

static void
activate_cb (GApplication *app, Run *run)
{
  run->window = OUTLAY_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static void
test_named (void)
{
  Run run = { 0 };
  g_autofree char *dir = g_dir_make_tmp ("outlay-a11y-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "outlay.db", NULL);
  char *argv[] = { (char *) "outlay", (char *) "--database", db, NULL };

  run.unnamed = g_string_new (NULL);
  run.app = outlay_application_new ();
  g_signal_connect_after (run.app, "activate", G_CALLBACK (activate_cb), &run);
  g_timeout_add (200, check_cb, &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (run.app), 3, argv), ==, 0);
  g_assert_cmpuint (run.checked, >, 0);

  g_object_unref (run.app);
  g_string_free (run.unnamed, TRUE);
  outlay_ui_test_remove_db (db);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  /* GTK's test accessibility backend keeps what each widget says */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui/a11y/named", test_named);
  return g_test_run ();
}
