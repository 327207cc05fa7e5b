/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-secrets"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-clickup.h"
#include "outlay-connection-check.h"
#include "outlay-gemini.h"
#include "outlay-secrets.h"

typedef struct
{
  char *service;
  char *secret;
  char *model;
  char *account;
  char *workspace;
} Check;

static void
check_free (Check *c)
{
  g_free (c->service);
  if (c->secret)
    memset (c->secret, 0, strlen (c->secret));
  g_free (c->secret);
  g_free (c->model);
  g_free (c->account);
  g_free (c->workspace);
  g_free (c);
}

static gboolean
run_check (Check *c, GCancellable *cancellable, GError **error)
{
  gboolean clickup = g_str_equal (c->service, "clickup");
  g_autoptr (OutlayHttpClient) http = outlay_http_client_new (clickup ? OUTLAY_HTTP_SERVICE_CLICKUP
                                                                      : OUTLAY_HTTP_SERVICE_GEMINI);
  g_autofree char *name = NULL;

  if (c->secret == NULL)
    {
      char *stored = outlay_secrets_lookup (c->service, cancellable, error);

      if (stored == NULL)
        return FALSE;
      c->secret = g_strdup (stored);
      outlay_secrets_free (stored);
    }
  outlay_http_client_set_secret (http, c->secret);
  if (clickup)
    return outlay_clickup_check (http, &c->account, &c->workspace, cancellable, error);
  if ((name = outlay_gemini_check (http, c->model, cancellable, error)) == NULL)
    return FALSE;
  c->account = g_strdup (_("API key"));
  c->workspace = g_strdup (c->model);
  return TRUE;
}

static void
check_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  g_autoptr (GMainContext) context = g_main_context_new ();
  GError *error = NULL;
  gboolean ok;

  /* the HTTP client's callbacks run here, not on the window's context */
  g_main_context_push_thread_default (context);
  ok = run_check (data, cancellable, &error);
  g_main_context_pop_thread_default (context);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
outlay_connection_check_async (const char *service,
                               const char *secret,
                               const char *model,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Check *c = g_new0 (Check, 1);

  g_return_if_fail (outlay_secrets_is_service (service));
  g_task_set_source_tag (task, outlay_connection_check_async);
  c->service = g_strdup (service);
  c->secret = g_strdup (secret);
  c->model = g_strdup (model ? model : OUTLAY_GEMINI_DEFAULT_MODEL);
  g_task_set_task_data (task, c, (GDestroyNotify) check_free);
  g_task_run_in_thread (task, check_thread);
}

gboolean
outlay_connection_check_finish (GAsyncResult *result,
                                char **account,
                                char **workspace,
                                GError **error)
{
  Check *c = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  *account = g_strdup (c->account);
  *workspace = g_strdup (c->workspace);
  return TRUE;
}

static void
list_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *list = outlay_secrets_list (cancellable, &error);

  if (list)
    g_task_return_pointer (task, list, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

void
outlay_connection_list_async (GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, outlay_connection_list_async);
  g_task_run_in_thread (task, list_thread);
}

GPtrArray *
outlay_connection_list_finish (GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
