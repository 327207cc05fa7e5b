/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-connections"

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-application.h"
#include "outlay-connection-check.h"
#include "outlay-connections-page.h"
#include "outlay-gemini.h"
#include "outlay-google-auth.h"
#include "outlay-secrets.h"

struct _OutlayConnectionsPage
{
  AdwPreferencesPage parent_instance;

  AdwActionRow *clickup_status;
  GtkImage *clickup_icon;
  GtkWidget *clickup_test;
  GtkWidget *clickup_remove;
  AdwEntryRow *clickup_token;
  AdwActionRow *gemini_status;
  GtkImage *gemini_icon;
  GtkWidget *gemini_test;
  GtkWidget *gemini_remove;
  AdwEntryRow *gemini_key;
  AdwEntryRow *gemini_model;
  GtkSwitch *allow_names;
  AdwActionRow *google_status;
  GtkImage *google_icon;
  GtkWidget *google_sign_in;
  GtkWidget *google_cancel;
  GtkWidget *google_sign_out;
  GCancellable *google_cancellable; /* the sign-in waiting for the browser */

  GSettings *settings;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (OutlayConnectionsPage, outlay_connections_page, ADW_TYPE_PREFERENCES_PAGE)

typedef struct
{
  OutlayConnectionsPage *page;
  char *service;
  char *secret;
} Op;

static void refresh (OutlayConnectionsPage *self);

static void
op_free (Op *op)
{
  g_object_unref (op->page);
  g_free (op->service);
  g_free (op->secret);
  g_free (op);
}

static Op *
op_new (OutlayConnectionsPage *self, const char *service, const char *secret)
{
  Op *op = g_new0 (Op, 1);

  op->page = g_object_ref (self);
  op->service = g_strdup (service);
  op->secret = g_strdup (secret);
  return op;
}

static const char *
service_of (OutlayConnectionsPage *self, gpointer widget)
{
  return widget == self->clickup_test || widget == self->clickup_remove
                 || widget == self->clickup_token
             ? "clickup"
             : "gemini";
}

static AdwActionRow *
status_row (OutlayConnectionsPage *self, const char *service)
{
  return g_str_equal (service, "clickup") ? self->clickup_status : self->gemini_status;
}

static void
say (OutlayConnectionsPage *self, const char *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_autofree char *escaped = g_markup_escape_text (message, -1);

  /* a toast's title is markup: "Ann <ann@x>" would vanish */
  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (escaped));
}

static void
set_busy (OutlayConnectionsPage *self, const char *service, gboolean busy)
{
  gboolean clickup = g_str_equal (service, "clickup");

  gtk_widget_set_sensitive (clickup ? self->clickup_test : self->gemini_test, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (clickup ? self->clickup_token : self->gemini_key), !busy);
}

static void
show_connection (OutlayConnectionsPage *self, const char *service, OutlayConnection *c)
{
  gboolean clickup = g_str_equal (service, "clickup");
  AdwActionRow *row = status_row (self, service);
  g_autofree char *subtitle = NULL;

  if (c && c->workspace && *c->workspace)
    subtitle = g_strdup_printf (clickup ? _("Workspaces: %s") : _("Model: %s"), c->workspace);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c ? c->account : _("Not connected"));
  adw_action_row_set_subtitle (row, subtitle ? subtitle : "");
  gtk_image_set_from_icon_name (clickup ? self->clickup_icon : self->gemini_icon,
                                c ? "network-transmit-receive-symbolic"
                                  : "network-offline-symbolic");
  gtk_widget_set_visible (clickup ? self->clickup_test : self->gemini_test, c != NULL);
  gtk_widget_set_visible (clickup ? self->clickup_remove : self->gemini_remove, c != NULL);
  adw_preferences_row_set_title (
      ADW_PREFERENCES_ROW (clickup ? self->clickup_token : self->gemini_key),
      c ? (clickup ? _("Replace the personal token") : _("Replace the API key"))
        : (clickup ? _("Personal token") : _("API key")));
}

static void
show_google (OutlayConnectionsPage *self, gboolean signed_in)
{
  gboolean waiting = self->google_cancellable != NULL;

  adw_preferences_row_set_title (
      ADW_PREFERENCES_ROW (self->google_status),
      waiting ? _("Waiting for the browser…") : signed_in ? _("Signed in") : _("Not signed in"));
  adw_action_row_set_subtitle (self->google_status, signed_in && !waiting
                               ? _("Access to the spreadsheets Outlay creates")
                               : "");
  gtk_image_set_from_icon_name (self->google_icon, signed_in ? "network-transmit-receive-symbolic"
                                                             : "network-offline-symbolic");
  gtk_widget_set_visible (self->google_sign_in, !signed_in && !waiting);
  gtk_widget_set_visible (self->google_cancel, waiting);
  gtk_widget_set_visible (self->google_sign_out, signed_in && !waiting);
}

typedef struct
{
  char *url;
  GtkWidget *widget;
} ShowUri;

static gboolean
show_uri_cb (gpointer data)
{
  ShowUri *s = data;
  GtkRoot *root = gtk_widget_get_root (s->widget);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, s->url, GDK_CURRENT_TIME);
  g_object_unref (s->widget);
  g_free (s->url);
  g_free (s);
  return G_SOURCE_REMOVE;
}

/* Called in the sign-in's worker thread: the browser opens from the main
 * thread (the OpenURI portal inside Flatpak) */
static void
browser_cb (const char *url, gpointer data)
{
  ShowUri *s = g_new0 (ShowUri, 1);

  s->url = g_strdup (url);
  s->widget = g_object_ref (data);
  g_main_context_invoke (NULL, show_uri_cb, s);
}

static void
signed_in_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (OutlayConnectionsPage) self = data;
  g_autoptr (GError) error = NULL;
  gboolean ok = outlay_google_auth_sign_in_finish (OUTLAY_GOOGLE_AUTH (source), result, &error);

  g_clear_object (&self->google_cancellable);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
        refresh (self);
      return;
    }
  say (self, ok ? _("Signed in to Google") : error->message);
  refresh (self);
}

static void
google_sign_in_cb (GtkButton *button, OutlayConnectionsPage *self)
{
  g_autoptr (OutlayGoogleAuth) auth = outlay_google_auth_new ();

  self->google_cancellable = g_cancellable_new ();
  outlay_google_auth_set_browser_func (auth, browser_cb, self);
  show_google (self, FALSE);
  outlay_google_auth_sign_in_async (auth, 300, self->google_cancellable, signed_in_cb,
                                    g_object_ref (self));
}

static void
google_cancel_cb (GtkButton *button, OutlayConnectionsPage *self)
{
  g_cancellable_cancel (self->google_cancellable);
}

static void
sign_out_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (OutlayGoogleAuth) auth = NULL;
  GError *error = NULL;
  gboolean ok;

  /* the revoke request runs on this thread's own main context */
  g_main_context_push_thread_default (context);
  auth = outlay_google_auth_new ();
  ok = outlay_google_auth_sign_out (auth, cancellable, &error);
  g_clear_object (&auth);
  g_main_context_pop_thread_default (context);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
signed_out_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (OutlayConnectionsPage) self = data;
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      say (self, error->message);
    }
  else
    say (self, _("Signed out of Google; Outlay’s access was revoked"));
  gtk_widget_set_sensitive (self->google_sign_out, TRUE);
  refresh (self);
}

static void
google_sign_out_cb (GtkButton *button, OutlayConnectionsPage *self)
{
  g_autoptr (GTask) task = g_task_new (NULL, self->cancellable, signed_out_cb, g_object_ref (self));

  gtk_widget_set_sensitive (self->google_sign_out, FALSE);
  g_task_run_in_thread (task, sign_out_thread);
}

static void
listed_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (OutlayConnectionsPage) self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = outlay_connection_list_finish (result, &error);
  OutlayConnection *found[3] = { NULL, NULL, NULL };

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (list == NULL)
    {
      adw_action_row_set_subtitle (self->clickup_status, error->message);
      adw_action_row_set_subtitle (self->gemini_status, error->message);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    {
      OutlayConnection *c = g_ptr_array_index (list, i);

      found[g_str_equal (c->service, "clickup")  ? 0
            : g_str_equal (c->service, "gemini") ? 1
                                                 : 2] = c;
    }
  show_connection (self, "clickup", found[0]);
  show_connection (self, "gemini", found[1]);
  show_google (self, found[2] != NULL);
}

static void
refresh (OutlayConnectionsPage *self)
{
  outlay_connection_list_async (self->cancellable, listed_cb, g_object_ref (self));
}

static void
stored_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Op *op = data;
  g_autoptr (GError) error = NULL;

  if (!outlay_secrets_store_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        say (op->page, error->message);
    }
  else
    refresh (op->page);
  op_free (op);
}

static void
checked_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Op *op = data;
  OutlayConnectionsPage *self = op->page;
  g_autoptr (GError) error = NULL;
  g_autofree char *account = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *message = NULL;
  gboolean clickup = g_str_equal (op->service, "clickup");

  if (!outlay_connection_check_finish (result, &account, &workspace, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_busy (self, op->service, FALSE);
          adw_action_row_set_subtitle (status_row (self, op->service), error->message);
          say (self, error->message);
        }
      op_free (op);
      return;
    }
  set_busy (self, op->service, FALSE);
  message = clickup
      ? g_strdup_printf (_("Reached ClickUp as %s, workspaces %s"), account, workspace)
      : g_strdup_printf (_("Reached Gemini: the key works with %s"), workspace);
  adw_action_row_set_subtitle (status_row (self, op->service), message);
  say (self, message);
  if (op->secret != NULL)
    {
      /* a new token: kept only once the service took it */
      gtk_editable_set_text (GTK_EDITABLE (clickup ? self->clickup_token : self->gemini_key), "");
      outlay_secrets_store_async (op->service, account, workspace, op->secret, self->cancellable,
                                  stored_cb, op_new (self, op->service, NULL));
    }
  op_free (op);
}

static char *
model (OutlayConnectionsPage *self)
{
  return g_settings_get_string (self->settings, "gemini-model");
}

static void
connect_cb (AdwEntryRow *row, OutlayConnectionsPage *self)
{
  const char *service = service_of (self, row);
  g_autofree char *secret = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autofree char *m = model (self);

  if (*secret == '\0')
    return;
  set_busy (self, service, TRUE);
  adw_action_row_set_subtitle (status_row (self, service), _("Checking…"));
  outlay_connection_check_async (service, secret, m, self->cancellable, checked_cb,
                                 op_new (self, service, secret));
}

static void
test_clicked_cb (GtkButton *button, OutlayConnectionsPage *self)
{
  const char *service = service_of (self, button);
  g_autofree char *m = model (self);

  set_busy (self, service, TRUE);
  adw_action_row_set_subtitle (status_row (self, service), _("Checking…"));
  outlay_connection_check_async (service, NULL, m, self->cancellable, checked_cb,
                                 op_new (self, service, NULL));
}

static void
removed_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Op *op = data;
  g_autoptr (GError) error = NULL;

  if (!outlay_secrets_clear_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        say (op->page, error->message);
    }
  else
    refresh (op->page);
  op_free (op);
}

static void
remove_clicked_cb (GtkButton *button, OutlayConnectionsPage *self)
{
  const char *service = service_of (self, button);

  outlay_secrets_clear_async (service, self->cancellable, removed_cb, op_new (self, service, NULL));
}

static void
model_apply_cb (AdwEntryRow *row, OutlayConnectionsPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  g_settings_set_string (self->settings, "gemini-model",
                         *text ? text : OUTLAY_GEMINI_DEFAULT_MODEL);
}

static void
outlay_connections_page_dispose (GObject *object)
{
  OutlayConnectionsPage *self = OUTLAY_CONNECTIONS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->google_cancellable);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_CONNECTIONS_PAGE);
  G_OBJECT_CLASS (outlay_connections_page_parent_class)->dispose (object);
}

static void
outlay_connections_page_class_init (OutlayConnectionsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = outlay_connections_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/outlay-connections-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayConnectionsPage, clickup_status);
  gtk_widget_class_bind_template_child (widget_class, OutlayConnectionsPage, clickup_icon);
  gtk_widget_class_bind_template_child (widget_class, OutlayConnectionsPage, clickup_test);
  gtk_widget_class_bind_template_child (widget_class, OutlayConnectionsPage, clickup_remove);
  gtk_widget_class_bind_template_child (widget_class, OutlayConnectionsPage, clickup_token);
  gtk_widget_class_bind_template_child (widget_class, OutlayConnectionsPage, gemini_status);
  gtk_widget_class_bind_template_child (widget_class, OutlayConnectionsPage, gemini_icon);
  gtk_widget_class_bind_template_child (widget_class, OutlayConnectionsPage, gemini_test);
  gtk_widget_class_bind_template_child (widget_class, OutlayConnectionsPage, gemini_remove);
  gtk_widget_class_bind_template_child (widget_class, OutlayConnectionsPage, gemini_key);
  gtk_widget_class_bind_template_child (widget_class, OutlayConnectionsPage, gemini_model);
  gtk_widget_class_bind_template_child (widget_class, OutlayConnectionsPage, allow_names);
  gtk_widget_class_bind_template_callback (widget_class, connect_cb);
  gtk_widget_class_bind_template_callback (widget_class, test_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, model_apply_cb);
  gtk_widget_class_bind_template_child (widget_class, OutlayConnectionsPage, google_status);
  gtk_widget_class_bind_template_child (widget_class, OutlayConnectionsPage, google_icon);
  gtk_widget_class_bind_template_child (widget_class, OutlayConnectionsPage, google_sign_in);
  gtk_widget_class_bind_template_child (widget_class, OutlayConnectionsPage, google_cancel);
  gtk_widget_class_bind_template_child (widget_class, OutlayConnectionsPage, google_sign_out);
  gtk_widget_class_bind_template_callback (widget_class, google_sign_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, google_cancel_cb);
  gtk_widget_class_bind_template_callback (widget_class, google_sign_out_cb);
}

static void
outlay_connections_page_init (OutlayConnectionsPage *self)
{
  g_autofree char *m = NULL;
  GApplication *app;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  /* the application's settings, found wherever it found them (installed,
   * the build tree, or in memory): never a bare g_settings_new(), which
   * aborts when the schema is not installed */
  app = g_application_get_default ();
  if (OUTLAY_IS_APPLICATION (app))
    self->settings = g_object_ref (outlay_application_get_settings (OUTLAY_APPLICATION (app)));
  else
    self->settings = g_settings_new (SCHEMA_ID);
  m = model (self);
  gtk_editable_set_text (GTK_EDITABLE (self->gemini_model), m);
  g_settings_bind (self->settings, "ai-allow-names", self->allow_names, "active",
                   G_SETTINGS_BIND_DEFAULT);
  show_connection (self, "clickup", NULL);
  show_connection (self, "gemini", NULL);
  show_google (self, FALSE);
  refresh (self);
}

GtkWidget *
outlay_connections_page_new (void)
{
  return g_object_new (OUTLAY_TYPE_CONNECTIONS_PAGE, NULL);
}

/**
 * outlay_connections_page_present:
 * @parent: (nullable): the window it belongs to
 *
 * Shows the page in a small preferences window of its own, until the
 * preferences window takes it in.
 */
void
outlay_connections_page_present (GtkWindow *parent)
{
  GtkWidget *window = adw_preferences_window_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("Connections"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 620, 640);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (window), FALSE);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window),
                              ADW_PREFERENCES_PAGE (outlay_connections_page_new ()));
  gtk_window_present (GTK_WINDOW (window));
}
