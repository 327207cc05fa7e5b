/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A stored connection: which service, the account it reached, the
 * workspace(s); never the secret itself. */
typedef struct
{
  char *service;   /* "clickup", "gemini", "google" */
  char *account;   /* "Ann <ann@example.com>" or "API key" */
  char *workspace; /* ClickUp workspaces, Gemini model; may be empty */
} OutlayConnection;

void outlay_connection_free (OutlayConnection *connection);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayConnection, outlay_connection_free)

gboolean outlay_secrets_is_service (const char *service);

/* The keyring (libsecret; the Secret portal inside Flatpak).  One item per
 * service: storing replaces the previous one. */
gboolean outlay_secrets_store (const char *service,
                               const char *account,
                               const char *workspace,
                               const char *secret,
                               GCancellable *cancellable,
                               GError **error);
/* The secret, or %NULL with @error set (also when none is stored). Free
 * with outlay_secrets_free(). */
char *outlay_secrets_lookup (const char *service, GCancellable *cancellable, GError **error);
void outlay_secrets_free (char *secret);
gboolean outlay_secrets_clear (const char *service,
                               gboolean *removed,
                               GCancellable *cancellable,
                               GError **error);
/* Every stored connection (OutlayConnection), sorted by service. */
GPtrArray *outlay_secrets_list (GCancellable *cancellable, GError **error);

void outlay_secrets_lookup_async (const char *service,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
char *outlay_secrets_lookup_finish (GAsyncResult *result, GError **error);
void outlay_secrets_store_async (const char *service,
                                 const char *account,
                                 const char *workspace,
                                 const char *secret,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
gboolean outlay_secrets_store_finish (GAsyncResult *result, GError **error);
void outlay_secrets_clear_async (const char *service,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
gboolean outlay_secrets_clear_finish (GAsyncResult *result, GError **error);

G_END_DECLS
