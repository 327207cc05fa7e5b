/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GNOME Shell's search in Outlay, over D-Bus as the Shell does it: the
 * private bus activates Outlay from the build folder (--gapplication-service,
 * no window) on the first query, with the default database in
 * $XDG_DATA_HOME made here with the sample budget.
 * - "producer" finds the sample's line producers and its post producer,
 *   shown as "Line producer" over "<budget>, <code>";
 * - a subsearch with "line producer" narrows to the two line producers;
 * - a budget is found by its client;
 * - a word in nothing finds nothing, and a hit's metas carry the app icon.
 * The application is ended at the end so nothing outlives the test. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>

#include "outlay-store.h"

#define PROVIDER_PATH "/io/github/outlay/Outlay/SearchProvider"
#define PROVIDER_IFACE "org.gnome.Shell.SearchProvider2"

static GDBusConnection *bus;

static GVariant *
call (const char *method, GVariant *args, const char *reply_type)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply = g_dbus_connection_call_sync (bus, APP_ID, PROVIDER_PATH, PROVIDER_IFACE, method,
                                                 args, G_VARIANT_TYPE (reply_type),
                                                 G_DBUS_CALL_FLAGS_NONE, 60000, NULL, &error);

  g_assert_no_error (error);
  return reply;
}

static char **
search (const char *const *terms)
{
  g_autoptr(GVariant) reply = call ("GetInitialResultSet", g_variant_new ("(^as)", terms), "(as)");
  char **ids;

  g_variant_get (reply, "(^as)", &ids);
  return ids;
}

/* The metas of @ids as "name | description" lines. */
static GPtrArray *
metas (char **ids)
{
  g_autoptr(GVariant) reply = call ("GetResultMetas", g_variant_new ("(^as)", ids), "(aa{sv})");
  g_autoptr(GVariant) list = g_variant_get_child_value (reply, 0);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (gsize i = 0; i < g_variant_n_children (list); i++)
    {
      g_autoptr(GVariant) meta = g_variant_get_child_value (list, i);
      const char *name = NULL, *description = NULL, *icon = NULL;

      g_assert_true (g_variant_lookup (meta, "name", "&s", &name));
      g_assert_true (g_variant_lookup (meta, "description", "&s", &description));
      g_assert_true (g_variant_lookup (meta, "gicon", "&s", &icon));
      g_assert_cmpstr (icon, ==, APP_ID);
      g_ptr_array_add (out, g_strdup_printf ("%s | %s", name, description));
    }
  return out;
}

static void
test_lines (void)
{
  const char *terms[] = { "producer", NULL };
  g_auto(GStrv) ids = search (terms);
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_auto(GStrv) narrowed = NULL;
  const char *narrower[] = { "line", "PRODUCER", NULL };

  /* the sample has a line producer in section A (1) and B (51), and a
   * post producer (292) */
  g_assert_cmpuint (g_strv_length (ids), ==, 3);
  g_assert_true (g_str_has_prefix (ids[0], "line:"));
  shown = metas (ids);
  g_assert_cmpuint (shown->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (shown, 0), ==,
                   "Line producer | Sample: Brightwater “First Light” commercial, 1");
  g_assert_cmpstr (g_ptr_array_index (shown, 1), ==,
                   "Line producer | Sample: Brightwater “First Light” commercial, 51");
  g_assert_cmpstr (g_ptr_array_index (shown, 2), ==,
                   "Post producer | Sample: Brightwater “First Light” commercial, 292");

  reply = call ("GetSubsearchResultSet", g_variant_new ("(^as^as)", ids, narrower), "(as)");
  g_variant_get (reply, "(^as)", &narrowed);
  g_assert_cmpuint (g_strv_length (narrowed), ==, 2);
}

static void
test_budget_by_client (void)
{
  const char *terms[] = { "northbeam", NULL };
  g_auto(GStrv) ids = search (terms);
  g_autoptr(GPtrArray) shown = NULL;

  g_assert_cmpuint (g_strv_length (ids), ==, 1);
  g_assert_true (g_str_has_prefix (ids[0], "budget:"));
  shown = metas (ids);
  g_assert_cmpstr (g_ptr_array_index (shown, 0), ==,
                   "Sample: Brightwater “First Light” commercial | "
                   "Brightwater Beverages / Northbeam Agency");
}

static void
test_nothing (void)
{
  const char *terms[] = { "zyxwvut", NULL };
  const char *code[] = { "51", "producer", NULL };
  g_auto(GStrv) none = search (terms);
  g_auto(GStrv) one = search (code);

  g_assert_cmpuint (g_strv_length (none), ==, 0);
  /* the words may be in the code and the description */
  g_assert_cmpuint (g_strv_length (one), ==, 1);
}

/* The activated application goes with the test, not after it. */
static void
end_application (void)
{
  g_autoptr(GVariant) reply = g_dbus_connection_call_sync (
      bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
      "GetConnectionUnixProcessID", g_variant_new ("(s)", APP_ID), G_VARIANT_TYPE ("(u)"),
      G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  guint32 pid;

  if (reply == NULL)
    return;
  g_variant_get (reply, "(u)", &pid);
  kill ((pid_t) pid, SIGTERM);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = NULL;
  g_autofree char *path = outlay_store_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  int status;

  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (g_getenv ("XDG_DATA_HOME"));
  g_assert_true (g_str_has_prefix (path, g_getenv ("XDG_DATA_HOME")));
  g_mkdir_with_parents (dir, 0700);
  g_unlink (path);
  store = outlay_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (outlay_store_add_sample (store, NULL, &error));
  g_clear_object (&store);

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  g_test_add_func ("/search-provider/lines", test_lines);
  g_test_add_func ("/search-provider/budget-by-client", test_budget_by_client);
  g_test_add_func ("/search-provider/nothing", test_nothing);
  status = g_test_run ();
  end_application ();
  g_clear_object (&bus);
  return status;
}
