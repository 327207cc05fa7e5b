/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "outlay-application.h"
#include "outlay-connections-page.h"
#include "outlay-error.h"
#include "outlay-preferences-window.h"
#include "outlay-search-provider.h"
#include "outlay-store-backup.h"
#include "outlay-window.h"

struct _OutlayApplication
{
  AdwApplication  parent_instance;
  char           *database;
  OutlayStore    *store;
  GSettings      *settings;
  OutlaySearchProvider *search_provider;
};

G_DEFINE_FINAL_TYPE (OutlayApplication, outlay_application, ADW_TYPE_APPLICATION)

static void
show_fatal (OutlayApplication *self, GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("Could Not Open the Budget Database"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (gtk_window_destroy), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
database_path (OutlayApplication *self)
{
  if (self->store != NULL)
    return g_strdup (outlay_store_get_path (self->store));
  return self->database != NULL ? g_strdup (self->database) : outlay_store_default_path ();
}

static void
damaged_later_response_cb (AdwMessageDialog *dialog, const char *response, OutlayApplication *self)
{
  if (g_str_equal (response, "quit"))
    g_action_group_activate_action (G_ACTION_GROUP (self), "quit", NULL);
}

/* Found damaged while open (an edit read a damaged page): nothing more is
 * written; the way back is the backup, offered when Outlay starts. */
static void
store_damaged_cb (OutlayStore *store, GParamSpec *pspec, OutlayApplication *self)
{
  g_autofree char *path = database_path (self);
  g_autofree char *body = g_strdup_printf (
      _("“%s” is damaged, so Outlay has stopped writing to it: changes from "
                       "now on are refused.\n\nQuit, and Outlay offers to open the latest "
                       "backup when it starts again."),
         path);
  GtkWidget *dialog = adw_message_dialog_new (
      gtk_application_get_active_window (GTK_APPLICATION (self)),
      _("The Budget Database Is Damaged"), body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep Open"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "quit",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (damaged_later_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

#define MAX_RECENT_DATABASES 8

/* @path goes first in the recent list, once. */
static void
remember_database (OutlayApplication *self, const char *path)
{
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-databases");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT_DATABASES; i++)
    if (!g_str_equal (old[i], path))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  if (!g_strv_equal ((const char *const *) old, (const char *const *) recent))
    g_settings_set_strv (self->settings, "recent-databases", (const char *const *) recent);
}

/* Opens @path (NULL: the default database) and checks it; a new one gets
 * the sample budget, budgets deleted last time (their undo toast long
 * gone) are removed for good, and a copy is kept once a day. */
static OutlayStore *
open_store (OutlayApplication *self, const char *path, GError **error)
{
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(GError) backup_error = NULL;

  store = path != NULL ? outlay_store_open (path, error) : outlay_store_open_default (error);
  if (store == NULL || !outlay_store_check (store, error))
    return NULL;
  if (outlay_store_get_created (store) && !outlay_store_add_sample (store, NULL, error))
    return NULL;
  if (!outlay_store_purge_trashed (store, 0, error))
    return NULL;
  /* a missed daily copy is no reason not to open; a new file has nothing
   * to lose yet */
  if (!outlay_store_get_created (store) && !outlay_store_backup_daily (store, &backup_error))
    g_message ("No daily backup: %s", backup_error->message);
  g_signal_connect_object (store, "notify::damaged", G_CALLBACK (store_damaged_cb), self, 0);
  /* the window's edits: while another program imports, an edit is refused
   * as busy after a moment rather than freezing the window until it ends */
  outlay_store_set_max_wait (store, 1500);
  remember_database (self, outlay_store_get_path (store));
  return g_steal_pointer (&store);
}

/* The database chosen in Preferences, unless --database named another;
 * one that has gone (an unplugged disk) leaves the default for this run. */
static void
use_chosen_database (OutlayApplication *self)
{
  g_autofree char *chosen = g_settings_get_string (self->settings, "database");

  if (self->database != NULL || *chosen == '\0')
    return;
  if (g_file_test (chosen, G_FILE_TEST_IS_REGULAR))
    self->database = g_steal_pointer (&chosen);
  else
    g_message ("The chosen database “%s” is not there; opening the default one", chosen);
}

static gboolean
ensure_store (OutlayApplication *self, GError **error)
{
  if (self->store != NULL)
    return TRUE;
  use_chosen_database (self);
  self->store = open_store (self, self->database, error);
  return self->store != NULL;
}

static void
open_window (OutlayApplication *self)
{
  gtk_window_present (GTK_WINDOW (outlay_window_new (self)));
}

static void
damaged_response_cb (AdwMessageDialog *dialog, const char *response, OutlayApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = database_path (self);
  g_autoptr(GPtrArray) backups = outlay_store_list_backups (path);

  if (g_str_equal (response, "restore") && backups->len > 0)
    {
      /* the damaged file is kept in backups/, never deleted */
      if (outlay_store_restore (path, g_ptr_array_index (backups, 0), NULL, &error)
          && ensure_store (self, &error))
        open_window (self);
      else
        show_fatal (self, error);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The file is damaged: say so, name it, and offer the latest backup. */
static void
show_damaged (OutlayApplication *self)
{
  g_autofree char *path = database_path (self);
  g_autofree char *dir = outlay_store_backup_dir (path);
  g_autoptr(GPtrArray) backups = outlay_store_list_backups (path);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GStatBuf st;

  if (backups->len > 0 && g_stat (g_ptr_array_index (backups, 0), &st) == 0)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (st.st_mtime);
      /* Translators: when the latest backup was made, see g_date_time_format() */
      g_autofree char *date = g_date_time_format (when, _("%-d %B %Y at %H:%M"));

      body = g_strdup_printf (_("“%s” is damaged, so Outlay will not open it or write to it.\n\n"
                                "The latest backup is from %s. Opening it puts it in place of "
                                "the damaged file, which is kept in “%s”."),
                                 path, date, dir);
    }
  else
    body = g_strdup_printf (_("“%s” is damaged, so Outlay will not open it or write to it, and "
                              "there is no backup of it in “%s”."),
                               path, dir);
  dialog = adw_message_dialog_new (NULL, _("The Budget Database Is Damaged"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  if (backups->len > 0)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "restore",
                                       _("Open Latest _Backup"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (damaged_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The budget window, not a dialog that may be the active window. */
static OutlayWindow *
find_main_window (OutlayApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (OUTLAY_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* Brings up the budget window, opening the database first if need be;
 * NULL when it cannot be opened (a dialog then says why). */
static OutlayWindow *
present_main_window (OutlayApplication *self)
{
  g_autoptr(GError) error = NULL;
  OutlayWindow *window = find_main_window (self);

  if (window == NULL && ensure_store (self, &error))
    window = outlay_window_new (self);
  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));
  else if (g_error_matches (error, OUTLAY_ERROR, OUTLAY_ERROR_DAMAGED))
    show_damaged (self);
  else if (error != NULL)
    show_fatal (self, error);
  return window;
}

static void
outlay_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  /* a dialog up front (the damaged-file question) stays up front */
  if (window != NULL)
    gtk_window_present (window);
  else
    present_main_window (OUTLAY_APPLICATION (app));
}

/* Spreadsheets opened with Outlay go through the import assistant in the
 * running window, as if dropped on it. */
static void
outlay_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  OutlayWindow *window = present_main_window (OUTLAY_APPLICATION (app));

  if (window != NULL)
    outlay_window_import_files (window, files, n_files);
}

static int
outlay_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  OutlayApplication *self = OUTLAY_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("outlay %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "database", "^&ay", &path))
    {
      g_autoptr(GFile) file = NULL;

      if (*path == '\0')
        {
          g_printerr ("outlay: %s\n", _("--database needs a file path"));
          return 2;
        }
      file = g_file_new_for_commandline_arg (path);

      self->database = g_file_get_path (file);
      /* Another database is another session: do not hand over to a
       * running instance that has the default one open. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  return -1;
}

/* Closes the windows rather than stopping the main loop, so each saves
 * its size and state as when the user closes it. */
static void
quit_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
about_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { "The Outlay developers", NULL };
  GtkWidget *about = g_object_new (
      ADW_TYPE_ABOUT_WINDOW, "transient-for", gtk_application_get_active_window (app),
      "application-name",
      _("Outlay"), "application-icon", APP_ID, "developer-name",
         _("The Outlay developers"), "version", PACKAGE_VERSION, "comments",
            _("Build, compare and report production and project "
                                                 "budgets, offline."),
               "website", "https://github.com/outlay/outlay", "issue-url",
               "https://github.com/outlay/outlay/issues", "license-type", GTK_LICENSE_GPL_3_0,
               "developers", developers, "translator-credits", _("translator-credits"), NULL);

  gtk_window_present (GTK_WINDOW (about));
}

/* Preferences, with the connections as one of its pages, shown at @page
 * (or where the window opens by itself). */
static void
show_preferences (OutlayApplication *self, const char *page)
{
  OutlayPreferencesWindow *prefs =
      outlay_preferences_window_new (self, GTK_WINDOW (find_main_window (self)));
  GtkWidget *connections = outlay_connections_page_new ();

  gtk_widget_set_name (connections, "connections");
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (prefs), ADW_PREFERENCES_PAGE (connections));
  if (page != NULL)
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), page);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
preferences_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  show_preferences (OUTLAY_APPLICATION (user_data), NULL);
}

static void
connections_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  show_preferences (OUTLAY_APPLICATION (user_data), "connections");
}

/* (budget id, line id): brings up the budget, at the line unless it is 0;
 * what a GNOME Shell search result and a notification open. */
static void
show_line_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  OutlayWindow *window = present_main_window (OUTLAY_APPLICATION (user_data));
  gint64 budget_id, line_id;

  g_variant_get (param, "(xx)", &budget_id, &line_id);
  if (window != NULL)
    outlay_window_show_line (window, budget_id, line_id);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "show-line", show_line_activated, "(xx)" },
  { "connections", connections_activated },
};

static void
outlay_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *undo_accels[] = { "<Control>z", NULL };
  static const char *redo_accels[] = { "<Control><Shift>z", "<Control>y", NULL };
  static const char *find_accels[] = { "<Control>f", NULL };
  static const char *properties_accels[] = { "<Alt>Return", NULL };
  static const char *import_accels[] = { "<Control>i", NULL };
  static const char *print_accels[] = { "<Control>p", NULL };
  static const char *check_accels[] = { "<Control>b", NULL };
  static const char *dashboard_accels[] = { "<Control><Shift>d", NULL };

  G_APPLICATION_CLASS (outlay_application_parent_class)->startup (app);

  /* No global keys for renaming or deleting a budget: F2 and Ctrl+Delete
   * belong to the cell being edited (edit, delete a word). */

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new-budget", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.undo", undo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.redo", redo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.find", find_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.budget-properties",
                                         properties_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.import", import_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.print", print_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.check-budget", check_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-dashboard",
                                         dashboard_accels);
}

/* GNOME Shell's search provider lives on the application's object path. */
static gboolean
outlay_application_dbus_register (GApplication *app,
                                  GDBusConnection *connection,
                                  const char *object_path,
                                  GError **error)
{
  OutlayApplication *self = OUTLAY_APPLICATION (app);
  g_autofree char *path = g_strconcat (object_path, "/SearchProvider", NULL);

  if (!G_APPLICATION_CLASS (outlay_application_parent_class)
           ->dbus_register (app, connection, object_path, error))
    return FALSE;
  if (self->search_provider == NULL)
    self->search_provider = outlay_search_provider_new (app);
  return outlay_search_provider_register (self->search_provider, connection, path, error);
}

static void
outlay_application_dbus_unregister (GApplication *app,
                                    GDBusConnection *connection,
                                    const char *object_path)
{
  OutlayApplication *self = OUTLAY_APPLICATION (app);

  if (self->search_provider != NULL)
    outlay_search_provider_unregister (self->search_provider);
  G_APPLICATION_CLASS (outlay_application_parent_class)
      ->dbus_unregister (app, connection, object_path);
}

static void
outlay_application_finalize (GObject *object)
{
  OutlayApplication *self = OUTLAY_APPLICATION (object);

  g_clear_object (&self->search_provider);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_free (self->database);
  G_OBJECT_CLASS (outlay_application_parent_class)->finalize (object);
}

static void
outlay_application_class_init (OutlayApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = outlay_application_finalize;
  app_class->activate = outlay_application_activate;
  app_class->open = outlay_application_open;
  app_class->dbus_register = outlay_application_dbus_register;
  app_class->dbus_unregister = outlay_application_dbus_unregister;
  app_class->startup = outlay_application_startup;
  app_class->handle_local_options = outlay_application_handle_local_options;
}

/* The schema from where GLib looks (installed, or GSETTINGS_SCHEMA_DIR),
 * else the one compiled into the build tree when Outlay runs straight
 * from it (build/src/ui/outlay next to build/data), else none. */
static GSettingsSchema *
lookup_schema (void)
{
  GSettingsSchemaSource *installed = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchemaSource) built = NULL;
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *exe_dir = exe != NULL ? g_path_get_dirname (exe) : NULL;
  g_autofree char *dir = NULL;
  g_autofree char *compiled = NULL;
  GSettingsSchema *schema;

  schema = installed != NULL ? g_settings_schema_source_lookup (installed, SCHEMA_ID, TRUE) : NULL;
  if (schema != NULL || exe == NULL)
    return schema;
  dir = g_build_filename (exe_dir, "..", "..", "data", NULL);
  compiled = g_build_filename (dir, "gschemas.compiled", NULL);
  if (!g_file_test (compiled, G_FILE_TEST_IS_REGULAR))
    return NULL;
  built = g_settings_schema_source_new_from_directory (dir, installed, FALSE, NULL);
  return built != NULL ? g_settings_schema_source_lookup (built, SCHEMA_ID, FALSE) : NULL;
}

/* A schema that is nowhere to be found (the binary copied out of its
 * build tree) costs the remembered window size and columns, not the
 * start: the settings live in memory for this run. */
static GSettings *
new_settings (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GSettingsBackend) memory = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (schema != NULL)
    return g_settings_new_full (schema, NULL, NULL);
  g_warning ("The settings schema %s is not installed: window size, columns and the last "
             "budget are kept for this run only. Run build-aux/dev run, or install Outlay.",
             SCHEMA_ID);
  /* the build embeds its compiled schema for this */
  bytes = g_resources_lookup_data (RESOURCE_PREFIX "/gschemas.compiled", 0, NULL);
  dir = g_dir_make_tmp ("outlay-schema-XXXXXX", NULL);
  g_assert (bytes != NULL && dir != NULL);
  path = g_build_filename (dir, "gschemas.compiled", NULL);
  if (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
    source = g_settings_schema_source_new_from_directory (dir, NULL, TRUE, NULL);
  /* the source has mapped the file; the folder can go */
  g_unlink (path);
  g_rmdir (dir);
  g_assert (source != NULL);
  g_clear_pointer (&schema, g_settings_schema_unref);
  schema = g_settings_schema_source_lookup (source, SCHEMA_ID, FALSE);
  memory = g_memory_settings_backend_new ();
  return g_settings_new_full (schema, memory, NULL);
}

static void
outlay_application_init (OutlayApplication *self)
{
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open this budget database instead of the default one"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  self->settings = new_settings ();
  /* started by D-Bus for a search, with no window: stay a little for the
   * next keystroke's query */
  g_application_set_inactivity_timeout (G_APPLICATION (self), 10000);
}

OutlayApplication *
outlay_application_new (void)
{
  return g_object_new (OUTLAY_TYPE_APPLICATION, "application-id", APP_ID, "flags",
                       G_APPLICATION_HANDLES_OPEN, "resource-base-path", RESOURCE_PREFIX, NULL);
}

/**
 * outlay_application_get_store:
 * @self: the application
 *
 * Returns: (transfer none): the main thread's database connection
 */
OutlayStore *
outlay_application_get_store (OutlayApplication *self)
{
  g_return_val_if_fail (OUTLAY_IS_APPLICATION (self), NULL);
  return self->store;
}

GSettings *
outlay_application_get_settings (OutlayApplication *self)
{
  g_return_val_if_fail (OUTLAY_IS_APPLICATION (self), NULL);
  return self->settings;
}

/**
 * outlay_application_switch_database:
 * @self: the application
 * @path: the database file to open, created with the sample budget if new
 * @error: where to say why it could not be opened
 *
 * Opens @path in place of the current database: the budget window closes
 * (saving its state as always) and opens again on the other file, which
 * Outlay then opens at every start and puts first in the recent list.
 * The current database stays open when @path cannot be opened.
 *
 * Returns: whether @path is now open
 */
gboolean
outlay_application_switch_database (OutlayApplication *self, const char *path, GError **error)
{
  g_autoptr(OutlayStore) store = NULL;
  g_autofree char *default_path = outlay_store_default_path ();
  OutlayWindow *window;

  g_return_val_if_fail (OUTLAY_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->store != NULL && g_str_equal (path, outlay_store_get_path (self->store)))
    return TRUE;
  store = open_store (self, path, error);
  if (store == NULL)
    return FALSE;
  /* the window goes before its store; the application must not quit for
   * the moment it has no window */
  g_application_hold (G_APPLICATION (self));
  if ((window = find_main_window (self)) != NULL)
    gtk_window_close (GTK_WINDOW (window));
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_free (self->database);
  self->database = g_strdup (outlay_store_get_path (store));
  g_settings_set_string (self->settings, "database",
                         g_str_equal (self->database, default_path) ? "" : self->database);
  present_main_window (self);
  g_application_release (G_APPLICATION (self));
  return TRUE;
}

/**
 * outlay_application_dup_database_path:
 * @self: the application
 *
 * Returns: (transfer full): the database that is open, or that opening
 * the window would open
 */
char *
outlay_application_dup_database_path (OutlayApplication *self)
{
  g_autofree char *chosen = NULL;

  g_return_val_if_fail (OUTLAY_IS_APPLICATION (self), NULL);

  if (self->store != NULL || self->database != NULL)
    return database_path (self);
  chosen = g_settings_get_string (self->settings, "database");
  if (*chosen != '\0' && g_file_test (chosen, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&chosen);
  return outlay_store_default_path ();
}

/**
 * outlay_application_notify_finished:
 * @self: the application
 * @id: the notification's id ("import", "export"): a newer one replaces it
 * @title: what finished
 * @body: (nullable): more about it
 * @budget_id: the budget clicking the notification brings up
 *
 * Long work (an import, an export) that finished while the user was in
 * another program gets a desktop notification; clicking it brings up the
 * budget. Nothing is sent while one of Outlay's windows has the focus:
 * its toast says the same.
 */
void
outlay_application_notify_finished (OutlayApplication *self,
                                    const char *id,
                                    const char *title,
                                    const char *body,
                                    gint64 budget_id)
{
  g_return_if_fail (OUTLAY_IS_APPLICATION (self));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (gtk_window_is_active (l->data))
      return;
  outlay_application_notify_budget (self, id, title, body, budget_id);
}

/**
 * outlay_application_notify_budget:
 * @self: the application
 * @id: the notification's id: a newer one with the same id replaces it
 * @title: what happened
 * @body: (nullable): more about it
 * @budget_id: the budget clicking the notification brings up
 *
 * Sends a desktop notification about a budget, whichever window has the
 * focus; clicking it brings the budget up.
 */
void
outlay_application_notify_budget (OutlayApplication *self,
                                  const char *id,
                                  const char *title,
                                  const char *body,
                                  gint64 budget_id)
{
  g_autoptr(GNotification) notification = NULL;

  g_return_if_fail (OUTLAY_IS_APPLICATION (self));

  notification = g_notification_new (title);
  if (body != NULL)
    g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.show-line", "(xx)", budget_id,
                                                (gint64) 0);
  g_application_send_notification (G_APPLICATION (self), id, notification);
}
