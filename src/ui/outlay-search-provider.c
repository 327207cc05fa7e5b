/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-search-provider"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "outlay-application.h"
#include "outlay-search-provider.h"
#include "outlay-store-search.h"

#define MAX_LINES 20
#define MAX_REMEMBERED 2000

struct _OutlaySearchProvider
{
  GObject parent_instance;

  GApplication *application; /* weak: it owns the provider */
  GDBusConnection *connection;
  guint registration;
  GHashTable *hits; /* result id → OutlaySearchHit, for the metas */

  /* the worker's connection, used by one query at a time */
  GMutex lock;
  OutlayStore *store;
  guint warm_source;
};

G_DEFINE_FINAL_TYPE (OutlaySearchProvider, outlay_search_provider, G_TYPE_OBJECT)

static const char introspection_xml[] =
    "<node>"
    "  <interface name='org.gnome.Shell.SearchProvider2'>"
    "    <method name='GetInitialResultSet'>"
    "      <arg type='as' name='terms' direction='in'/>"
    "      <arg type='as' name='results' direction='out'/>"
    "    </method>"
    "    <method name='GetSubsearchResultSet'>"
    "      <arg type='as' name='previous_results' direction='in'/>"
    "      <arg type='as' name='terms' direction='in'/>"
    "      <arg type='as' name='results' direction='out'/>"
    "    </method>"
    "    <method name='GetResultMetas'>"
    "      <arg type='as' name='identifiers' direction='in'/>"
    "      <arg type='aa{sv}' name='metas' direction='out'/>"
    "    </method>"
    "    <method name='ActivateResult'>"
    "      <arg type='s' name='identifier' direction='in'/>"
    "      <arg type='as' name='terms' direction='in'/>"
    "      <arg type='u' name='timestamp' direction='in'/>"
    "    </method>"
    "    <method name='LaunchSearch'>"
    "      <arg type='as' name='terms' direction='in'/>"
    "      <arg type='u' name='timestamp' direction='in'/>"
    "    </method>"
    "  </interface>"
    "</node>";

typedef struct
{
  char *path;
  char **terms;
} Query;

static void
query_free (Query *query)
{
  g_free (query->path);
  g_strfreev (query->terms);
  g_free (query);
}

/* ---- the worker ---- */

static void
search_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  OutlaySearchProvider *self = source;
  Query *query = data;
  GError *error = NULL;
  GPtrArray *hits = NULL;

  /* a database that is not there yet has nothing to find; it is not
   * made here (only the window makes one, with its sample budget) */
  if (!g_file_test (query->path, G_FILE_TEST_IS_REGULAR))
    {
      g_task_return_pointer (task, g_ptr_array_new (), (GDestroyNotify) g_ptr_array_unref);
      return;
    }
  g_mutex_lock (&self->lock);
  if (self->store != NULL && g_strcmp0 (outlay_store_get_path (self->store), query->path) != 0)
    g_clear_object (&self->store);
  if (self->store == NULL)
    self->store = outlay_store_open (query->path, &error);
  if (self->store != NULL)
    hits = outlay_store_search (self->store, (const char *const *) query->terms, MAX_LINES, &error);
  g_mutex_unlock (&self->lock);
  if (hits != NULL)
    g_task_return_pointer (task, hits, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

/* The worker's connection opened and the lines read a moment after
 * start, in the background, so the first query a search sends is as quick
 * as the ones after it. */
static void
warm_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  OutlaySearchProvider *self = source;
  const char *path = data;
  g_autoptr(GError) error = NULL;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return;
  g_mutex_lock (&self->lock);
  if (self->store == NULL)
    self->store = outlay_store_open (path, &error);
  if (self->store != NULL && !outlay_store_search_prepare (self->store, &error))
    g_clear_object (&self->store);
  g_mutex_unlock (&self->lock);
  if (error != NULL)
    g_debug ("Search not prepared: %s", error->message);
}

static gboolean
warm_cb (gpointer data)
{
  OutlaySearchProvider *self = data;
  g_autoptr(GTask) task = g_task_new (self, NULL, NULL, NULL);

  self->warm_source = 0;
  g_task_set_source_tag (task, warm_cb);
  g_task_set_task_data (
      task, outlay_application_dup_database_path (OUTLAY_APPLICATION (self->application)), g_free);
  g_task_set_priority (task, G_PRIORITY_LOW);
  g_task_run_in_thread (task, warm_thread);
  return G_SOURCE_REMOVE;
}

static char *
hit_id (OutlaySearchHit *hit)
{
  if (hit->line_id == 0)
    return g_strdup_printf ("budget:%" G_GINT64_FORMAT, hit->budget_id);
  return g_strdup_printf ("line:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, hit->budget_id,
                          hit->line_id);
}

static void
searched_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  OutlaySearchProvider *self = OUTLAY_SEARCH_PROVIDER (source);
  GDBusMethodInvocation *invocation = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = g_task_propagate_pointer (G_TASK (result), &error);
  GVariantBuilder ids;

  g_application_release (self->application);
  if (hits == NULL)
    {
      g_message ("Search failed: %s", error->message);
      g_dbus_method_invocation_return_gerror (invocation, error);
      return;
    }
  if (g_hash_table_size (self->hits) > MAX_REMEMBERED)
    g_hash_table_remove_all (self->hits);
  g_variant_builder_init (&ids, G_VARIANT_TYPE ("as"));
  /* the hits move to the table */
  g_ptr_array_set_free_func (hits, NULL);
  for (guint i = 0; i < hits->len; i++)
    {
      OutlaySearchHit *hit = g_ptr_array_index (hits, i);
      char *id = hit_id (hit);

      g_variant_builder_add (&ids, "s", id);
      g_hash_table_replace (self->hits, id, hit);
    }
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(as)", &ids));
}

static void
search (OutlaySearchProvider *self, GVariant *terms, GDBusMethodInvocation *invocation)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, searched_cb, invocation);
  Query *query = g_new0 (Query, 1);

  query->path = outlay_application_dup_database_path (OUTLAY_APPLICATION (self->application));
  query->terms = g_variant_dup_strv (terms, NULL);
  g_task_set_source_tag (task, search);
  g_task_set_task_data (task, query, (GDestroyNotify) query_free);
  /* a search started the application (D-Bus activation): it stays until
   * the answer is sent */
  g_application_hold (self->application);
  g_task_run_in_thread (task, search_thread);
}

/* ---- what the Shell shows ---- */

static GVariant *
hit_meta (const char *id, OutlaySearchHit *hit)
{
  GVariantDict meta;
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);
  g_autofree char *icon_text = g_icon_to_string (icon);
  g_autofree char *description = NULL;
  const char *name;

  if (hit->line_id == 0)
    {
      name = hit->budget_name;
      description = g_strdup (*hit->client != '\0' ? hit->client : _("Budget"));
    }
  else
    {
      name = *hit->description != '\0' ? hit->description : hit->code;
      /* Translators: a budget line found by GNOME Shell's search, under the
       * line's description: "Brightwater bid, A-1" (budget, line code) */
      description = *hit->code != '\0' ? g_strdup_printf (_("%s, %s"), hit->budget_name, hit->code)
                                       : g_strdup (hit->budget_name);
    }
  g_variant_dict_init (&meta, NULL);
  g_variant_dict_insert (&meta, "id", "s", id);
  g_variant_dict_insert (&meta, "name", "s", name);
  g_variant_dict_insert (&meta, "description", "s", description);
  g_variant_dict_insert (&meta, "gicon", "s", icon_text);
  return g_variant_dict_end (&meta);
}

static GVariant *
result_metas (OutlaySearchProvider *self, GVariant *ids)
{
  GVariantBuilder metas;
  GVariantIter iter;
  const char *id;

  g_variant_builder_init (&metas, G_VARIANT_TYPE ("aa{sv}"));
  g_variant_iter_init (&iter, ids);
  while (g_variant_iter_next (&iter, "&s", &id))
    {
      OutlaySearchHit *hit = g_hash_table_lookup (self->hits, id);

      if (hit != NULL)
        g_variant_builder_add_value (&metas, hit_meta (id, hit));
    }
  return g_variant_new ("(aa{sv})", &metas);
}

static void
activate_result (OutlaySearchProvider *self, const char *id)
{
  gint64 budget = 0, line = 0;

  if (sscanf (id, "line:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, &budget, &line) != 2
      && sscanf (id, "budget:%" G_GINT64_FORMAT, &budget) != 1)
    return;
  g_action_group_activate_action (G_ACTION_GROUP (self->application), "show-line",
                                  g_variant_new ("(xx)", budget, line));
}

static void
method_call_cb (GDBusConnection *connection,
                const char *sender,
                const char *object_path,
                const char *interface_name,
                const char *method_name,
                GVariant *parameters,
                GDBusMethodInvocation *invocation,
                gpointer data)
{
  OutlaySearchProvider *self = data;
  g_autoptr(GVariant) strings = NULL;

  if (g_str_equal (method_name, "GetInitialResultSet"))
    search (self, (strings = g_variant_get_child_value (parameters, 0)), invocation);
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    search (self, (strings = g_variant_get_child_value (parameters, 1)), invocation);
  else if (g_str_equal (method_name, "GetResultMetas"))
    g_dbus_method_invocation_return_value (
        invocation, result_metas (self, (strings = g_variant_get_child_value (parameters, 0))));
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *id;

      g_variant_get_child (parameters, 0, "&s", &id);
      activate_result (self, id);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_application_activate (self->application);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No method %s", method_name);
}

static const GDBusInterfaceVTable vtable = { method_call_cb, NULL, NULL };

/* ---- the object ---- */

static void
outlay_search_provider_finalize (GObject *object)
{
  OutlaySearchProvider *self = OUTLAY_SEARCH_PROVIDER (object);

  outlay_search_provider_unregister (self);
  g_clear_pointer (&self->hits, g_hash_table_unref);
  g_clear_object (&self->store);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (outlay_search_provider_parent_class)->finalize (object);
}

static void
outlay_search_provider_class_init (OutlaySearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = outlay_search_provider_finalize;
}

static void
outlay_search_provider_init (OutlaySearchProvider *self)
{
  g_mutex_init (&self->lock);
  self->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) outlay_search_hit_free);
}

OutlaySearchProvider *
outlay_search_provider_new (GApplication *application)
{
  OutlaySearchProvider *self = g_object_new (OUTLAY_TYPE_SEARCH_PROVIDER, NULL);

  g_return_val_if_fail (OUTLAY_IS_APPLICATION (application), NULL);
  self->application = application;
  return self;
}

gboolean
outlay_search_provider_register (OutlaySearchProvider *self,
                                 GDBusConnection *connection,
                                 const char *object_path,
                                 GError **error)
{
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (introspection_xml, error);

  g_return_val_if_fail (OUTLAY_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (self->registration == 0, FALSE);

  if (info == NULL)
    return FALSE;
  self->registration = g_dbus_connection_register_object (
      connection, object_path, info->interfaces[0], &vtable, self, NULL, error);
  if (self->registration == 0)
    return FALSE;
  self->connection = g_object_ref (connection);
  self->warm_source = g_timeout_add_seconds (3, warm_cb, self);
  return TRUE;
}

void
outlay_search_provider_unregister (OutlaySearchProvider *self)
{
  g_return_if_fail (OUTLAY_IS_SEARCH_PROVIDER (self));

  g_clear_handle_id (&self->warm_source, g_source_remove);
  if (self->registration != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration);
  self->registration = 0;
  g_clear_object (&self->connection);
}
