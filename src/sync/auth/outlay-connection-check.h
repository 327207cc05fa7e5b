/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Checks a ClickUp token or a Gemini key against the service, in a worker
 * thread with its own main context and HTTP client, so a window never
 * waits on the network.  @secret %NULL checks the one in the keyring;
 * @model is Gemini's (ignored for ClickUp).  On success @account and
 * @workspace say what was reached ("Ann <ann@x>", "Acme"; "API key",
 * the model). */
void outlay_connection_check_async (const char *service,
                                    const char *secret,
                                    const char *model,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
gboolean outlay_connection_check_finish (GAsyncResult *result,
                                         char **account,
                                         char **workspace,
                                         GError **error);
/* outlay_secrets_list() in a worker thread: a GPtrArray of OutlayConnection */
void outlay_connection_list_async (GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
GPtrArray *outlay_connection_list_finish (GAsyncResult *result, GError **error);

G_END_DECLS
