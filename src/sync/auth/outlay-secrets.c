/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-secrets"

/* Tokens and API keys live in the keyring only: never in SQLite,
 * GSettings, logs or the CLI's JSON.  The attributes (stored in clear by
 * the keyring) hold only what the Connections page shows. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <string.h>

#include "outlay-error.h"
#include "outlay-secrets.h"

static const SecretSchema *
connection_schema (void)
{
  static const SecretSchema schema = {
    "io.github.outlay.Outlay.Connection",
    SECRET_SCHEMA_NONE,
    {
        { "service", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { "workspace", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { NULL, 0 },
    },
  };
  return &schema;
}

void
outlay_connection_free (OutlayConnection *connection)
{
  if (connection == NULL)
    return;
  g_free (connection->service);
  g_free (connection->account);
  g_free (connection->workspace);
  g_free (connection);
}

gboolean
outlay_secrets_is_service (const char *service)
{
  return g_strcmp0 (service, "clickup") == 0 || g_strcmp0 (service, "gemini") == 0
         || g_strcmp0 (service, "google") == 0;
}

static const char *
display_name (const char *service)
{
  if (g_str_equal (service, "google"))
    return "Google";
  return g_str_equal (service, "clickup") ? "ClickUp" : "Gemini";
}

static GError *
keyring_error (const char *what, GError *cause)
{
  GError *error = g_error_new (
      OUTLAY_ERROR, OUTLAY_ERROR_FAILED,
      _("Could not %s the keyring: %s. Outlay keeps tokens only in the keyring; "
                                 "make sure a keyring (such as GNOME Keyring) is running."),
         what, cause->message);

  g_error_free (cause);
  return error;
}

gboolean
outlay_secrets_store (const char *service,
                      const char *account,
                      const char *workspace,
                      const char *secret,
                      GCancellable *cancellable,
                      GError **error)
{
  g_autofree char *label = NULL;
  GError *local = NULL;

  g_return_val_if_fail (outlay_secrets_is_service (service), FALSE);
  g_return_val_if_fail (secret != NULL && *secret != '\0', FALSE);

  /* one item per service: the old one goes first */
  if (!outlay_secrets_clear (service, NULL, cancellable, error))
    return FALSE;
  label = g_strdup_printf (_("Outlay: %s (%s)"), display_name (service), account ? account : "");
  if (!secret_password_store_sync (connection_schema (), SECRET_COLLECTION_DEFAULT, label, secret,
                                   cancellable, &local, "service", service, "account",
                                   account ? account : "", "workspace", workspace ? workspace : "",
                                   NULL))
    {
      g_propagate_error (error, keyring_error (_("write to"), local));
      return FALSE;
    }
  return TRUE;
}

char *
outlay_secrets_lookup (const char *service, GCancellable *cancellable, GError **error)
{
  GError *local = NULL;
  char *secret;

  g_return_val_if_fail (outlay_secrets_is_service (service), NULL);

  secret = secret_password_lookup_sync (connection_schema (), cancellable, &local, "service",
                                        service, NULL);
  if (local != NULL)
    {
      g_propagate_error (error, keyring_error (_("read"), local));
      return NULL;
    }
  if (secret == NULL)
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_AUTH,
                 _("%s is not connected. Connect it first (outlay-cli connect %s, or Connections in the menu)."),
                    display_name (service), service);
  return secret;
}

void
outlay_secrets_free (char *secret)
{
  secret_password_free (secret);
}

gboolean
outlay_secrets_clear (const char *service,
                      gboolean *removed,
                      GCancellable *cancellable,
                      GError **error)
{
  GError *local = NULL;
  gboolean any = FALSE;

  g_return_val_if_fail (outlay_secrets_is_service (service), FALSE);

  while (secret_password_clear_sync (connection_schema (), cancellable, &local, "service", service,
                                     NULL))
    any = TRUE;
  if (local != NULL)
    {
      g_propagate_error (error, keyring_error (_("change"), local));
      return FALSE;
    }
  if (removed)
    *removed = any;
  return TRUE;
}

static int
compare_connections (gconstpointer a, gconstpointer b)
{
  const OutlayConnection *ca = *(OutlayConnection **) a;
  const OutlayConnection *cb = *(OutlayConnection **) b;

  return g_strcmp0 (ca->service, cb->service);
}

GPtrArray *
outlay_secrets_list (GCancellable *cancellable, GError **error)
{
  g_autoptr (GPtrArray)
                 list = g_ptr_array_new_with_free_func ((GDestroyNotify) outlay_connection_free);
  g_autoptr (GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  GError *local = NULL;
  GList *items;

  items = secret_password_searchv_sync (connection_schema (), attributes, SECRET_SEARCH_ALL,
                                        cancellable, &local);
  if (local != NULL)
    {
      g_propagate_error (error, keyring_error (_("read"), local));
      return NULL;
    }
  for (GList *l = items; l; l = l->next)
    {
      g_autoptr (GHashTable) attrs = secret_retrievable_get_attributes (l->data);
      OutlayConnection *c = g_new0 (OutlayConnection, 1);

      c->service = g_strdup (g_hash_table_lookup (attrs, "service"));
      c->account = g_strdup (g_hash_table_lookup (attrs, "account"));
      c->workspace = g_strdup (g_hash_table_lookup (attrs, "workspace"));
      if (outlay_secrets_is_service (c->service))
        g_ptr_array_add (list, c);
      else
        outlay_connection_free (c);
    }
  g_list_free_full (items, g_object_unref);
  g_ptr_array_sort (list, compare_connections);
  return g_steal_pointer (&list);
}

/* The async forms run the calls above in a worker thread, so the keyring
 * (or its unlock prompt) never blocks the window. */

typedef struct
{
  char *service;
  char *account;
  char *workspace;
  char *secret;
} Args;

static void
args_free (Args *args)
{
  g_free (args->service);
  g_free (args->account);
  g_free (args->workspace);
  if (args->secret)
    memset (args->secret, 0, strlen (args->secret));
  g_free (args->secret);
  g_free (args);
}

static GTask *
new_task (const char *service,
          GCancellable *cancellable,
          GAsyncReadyCallback callback,
          gpointer user_data,
          gpointer tag)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Args *args = g_new0 (Args, 1);

  g_task_set_source_tag (task, tag);
  args->service = g_strdup (service);
  g_task_set_task_data (task, args, (GDestroyNotify) args_free);
  return task;
}

static void
lookup_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Args *args = data;
  GError *error = NULL;
  char *secret = outlay_secrets_lookup (args->service, cancellable, &error);

  if (secret == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, secret, (GDestroyNotify) secret_password_free);
}

void
outlay_secrets_lookup_async (const char *service,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_autoptr (GTask) task = new_task (service, cancellable, callback, user_data,
                                     outlay_secrets_lookup_async);

  g_task_run_in_thread (task, lookup_thread);
}

char *
outlay_secrets_lookup_finish (GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
store_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Args *args = data;
  GError *error = NULL;

  if (outlay_secrets_store (args->service, args->account, args->workspace, args->secret,
                            cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
outlay_secrets_store_async (const char *service,
                            const char *account,
                            const char *workspace,
                            const char *secret,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (GTask) task = new_task (service, cancellable, callback, user_data,
                                     outlay_secrets_store_async);
  Args *args = g_task_get_task_data (task);

  args->account = g_strdup (account);
  args->workspace = g_strdup (workspace);
  args->secret = g_strdup (secret);
  g_task_run_in_thread (task, store_thread);
}

gboolean
outlay_secrets_store_finish (GAsyncResult *result, GError **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
clear_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Args *args = data;
  GError *error = NULL;

  if (outlay_secrets_clear (args->service, NULL, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
outlay_secrets_clear_async (const char *service,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (GTask) task = new_task (service, cancellable, callback, user_data,
                                     outlay_secrets_clear_async);

  g_task_run_in_thread (task, clear_thread);
}

gboolean
outlay_secrets_clear_finish (GAsyncResult *result, GError **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
