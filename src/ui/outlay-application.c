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
#include "outlay-store-backup.h"
#include "outlay-window.h"

struct _OutlayApplication
{
  AdwApplication  parent_instance;
  char           *database;
  OutlayStore    *store;
  GSettings      *settings;
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

/* Opens the database once and checks it; a new one gets the sample
 * budget, budgets deleted last time (their undo toast long gone) are
 * removed for good, and a copy is kept once a day. */
static gboolean
ensure_store (OutlayApplication *self, GError **error)
{
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(GError) backup_error = NULL;

  if (self->store != NULL)
    return TRUE;
  store = self->database != NULL ? outlay_store_open (self->database, error)
                                 : outlay_store_open_default (error);
  if (store == NULL || !outlay_store_check (store, error))
    return FALSE;
  if (outlay_store_get_created (store) && !outlay_store_add_sample (store, NULL, error))
    return FALSE;
  if (!outlay_store_purge_trashed (store, 0, error))
    return FALSE;
  /* a missed daily copy is no reason not to open; a new file has nothing
   * to lose yet */
  if (!outlay_store_get_created (store) && !outlay_store_backup_daily (store, &backup_error))
    g_message ("No daily backup: %s", backup_error->message);
  g_signal_connect_object (store, "notify::damaged", G_CALLBACK (store_damaged_cb), self, 0);
  /* the window's edits: while another program imports, an edit is refused
   * as busy after a moment rather than freezing the window until it ends */
  outlay_store_set_max_wait (store, 1500);
  self->store = g_steal_pointer (&store);
  return TRUE;
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

static void
outlay_application_activate (GApplication *app)
{
  OutlayApplication *self = OUTLAY_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  if (ensure_store (self, &error))
    open_window (self);
  else if (g_error_matches (error, OUTLAY_ERROR, OUTLAY_ERROR_DAMAGED))
    show_damaged (self);
  else
    show_fatal (self, error);
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

static void
connections_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  outlay_connections_page_present (gtk_application_get_active_window (GTK_APPLICATION (user_data)));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "connections", connections_activated },
};

static void
outlay_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *undo_accels[] = { "<Control>z", NULL };
  static const char *redo_accels[] = { "<Control><Shift>z", "<Control>y", NULL };
  static const char *find_accels[] = { "<Control>f", NULL };
  static const char *properties_accels[] = { "<Alt>Return", NULL };
  static const char *import_accels[] = { "<Control>i", NULL };
  static const char *print_accels[] = { "<Control>p", NULL };

  G_APPLICATION_CLASS (outlay_application_parent_class)->startup (app);

  /* No global keys for renaming or deleting a budget: F2 and Ctrl+Delete
   * belong to the cell being edited (edit, delete a word). */

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new-budget", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.undo", undo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.redo", redo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.find", find_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.budget-properties",
                                         properties_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.import", import_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.print", print_accels);
}

static void
outlay_application_finalize (GObject *object)
{
  OutlayApplication *self = OUTLAY_APPLICATION (object);

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
}

OutlayApplication *
outlay_application_new (void)
{
  return g_object_new (OUTLAY_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
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
