/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Notifications for long work that finished while the user was elsewhere:
 * the test is the desktop's notification server (org.freedesktop.Notifications
 * on the private bus, GNOTIFICATION_BACKEND=freedesktop) and records what
 * Outlay sends.
 * - an import finished while another window has the focus sends "Import
 *   Finished" with the count and file, and clicking it (the server's
 *   ActionInvoked "default") brings up the imported budget.
 * - actuals edited across the budget's warning and critical thresholds
 *   send exactly one notification per crossing (none for edits that stay
 *   inside a level, one again after dropping below and crossing back),
 *   the sidebar row and the sheet's footer show it, a new window on the
 *   same database sends nothing again, and clicking the last one brings
 *   the budget up.
 * Not checked here: that nothing is sent while Outlay has the focus. Xvfb
 * has no window manager, so whether a window is active is up to X's
 * focus, which a test cannot make certain (it waited in vain for it). */

#include "config.h"

#include "outlay-ui-test-util.h"

#include <string.h>

#include "outlay-application.h"
#include "outlay-import-dialog.h"
#include "outlay-spend-level.h"
#include "outlay-store.h"
#include "outlay-window.h"

#define WAIT_TIMEOUT_S 30

typedef struct
{
  OutlayApplication *app;
  char *dir;
  char *db;
  GDBusConnection *bus;
  guint registration;
  GPtrArray *summaries; /* "summary | body" of each Notify */
  guint32 last_id;
  GtkWindow *elsewhere; /* another program's window, as far as Outlay knows */
  gboolean done;
} Fixture;

static Fixture *current;

/* ---- the notification server ---- */

static const char server_xml[] =
    "<node><interface name='org.freedesktop.Notifications'>"
    "  <method name='Notify'>"
    "    <arg type='s' direction='in'/><arg type='u' direction='in'/>"
    "    <arg type='s' direction='in'/><arg type='s' direction='in'/>"
    "    <arg type='s' direction='in'/><arg type='as' direction='in'/>"
    "    <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
    "    <arg type='u' direction='out'/>"
    "  </method>"
    "  <method name='CloseNotification'><arg type='u' direction='in'/></method>"
    "  <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
    "  <method name='GetServerInformation'>"
    "    <arg type='s' direction='out'/><arg type='s' direction='out'/>"
    "    <arg type='s' direction='out'/><arg type='s' direction='out'/>"
    "  </method>"
    "  <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
    "  <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
    "</interface></node>";

static void
server_call_cb (GDBusConnection *connection,
                const char *sender,
                const char *path,
                const char *iface,
                const char *method,
                GVariant *params,
                GDBusMethodInvocation *invocation,
                gpointer data)
{
  Fixture *fixture = data;

  if (g_str_equal (method, "Notify"))
    {
      const char *summary, *body;

      g_variant_get_child (params, 3, "&s", &summary);
      g_variant_get_child (params, 4, "&s", &body);
      g_ptr_array_add (fixture->summaries, g_strdup_printf ("%s | %s", summary, body));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", ++fixture->last_id));
    }
  else if (g_str_equal (method, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else if (g_str_equal (method, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(ssss)", "test", "outlay", "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static const GDBusInterfaceVTable server_vtable = { server_call_cb, NULL, NULL };

static void
start_server (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (server_xml, &error);
  g_autoptr(GVariant) reply = NULL;

  g_assert_no_error (error);
  fixture->bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  fixture->registration = g_dbus_connection_register_object (
      fixture->bus, "/org/freedesktop/Notifications", info->interfaces[0], &server_vtable, fixture,
      NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (
      fixture->bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
      "RequestName", g_variant_new ("(su)", "org.freedesktop.Notifications", 4),
      G_VARIANT_TYPE ("(u)"), 0, -1, NULL, &error);
  g_assert_no_error (error);
}

/* ---- waiting ---- */

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

typedef gboolean (*Condition) (Fixture *fixture);

#define wait_until(cond, fixture) wait_until_full ((cond), (fixture), #cond)

static void
wait_until_full (Condition cond, Fixture *fixture, const char *what)
{
  guint tick = g_timeout_add (10, tick_cb, NULL);
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;

  while (!cond (fixture))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("gave up after %d s waiting for %s", WAIT_TIMEOUT_S, what);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
}

static GtkWidget *
find_id (GtkWidget *widget, const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_id (c, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static OutlayWindow *
main_window (Fixture *fixture)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l; l = l->next)
    if (OUTLAY_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static OutlayImportDialog *
assistant (void)
{
  OutlayImportDialog *found = NULL;
  GList *list = gtk_window_list_toplevels ();

  for (GList *l = list; l != NULL; l = l->next)
    if (OUTLAY_IS_IMPORT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (list);
  return found;
}

static gboolean
has_window (Fixture *fixture)
{
  return main_window (fixture) != NULL
         && gtk_widget_get_mapped (GTK_WIDGET (main_window (fixture)));
}

static gboolean
assistant_ready (Fixture *fixture)
{
  OutlayImportDialog *dialog = assistant ();

  return dialog != NULL && !outlay_import_dialog_get_busy (dialog)
         && gtk_widget_is_sensitive (find_id (GTK_WIDGET (dialog), "import_button"));
}

static gboolean
assistant_gone (Fixture *fixture)
{
  return assistant () == NULL;
}

static gboolean
outlay_inactive (Fixture *fixture)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l; l = l->next)
    if (gtk_window_is_active (l->data))
      return FALSE;
  return TRUE;
}

static gboolean
notified (Fixture *fixture)
{
  return fixture->summaries->len > 0;
}

static gint64
shown_budget (Fixture *fixture)
{
  OutlayDocument *doc = outlay_window_get_document (main_window (fixture));

  return doc != NULL ? outlay_budget_get_id (outlay_document_get_budget (doc)) : 0;
}

static gint64 imported_budget;

static gboolean
imported_shown (Fixture *fixture)
{
  return shown_budget (fixture) == imported_budget;
}

/* Opens the CSV with Outlay and imports it from the assistant. */
static void
import_csv (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (g_getenv ("OUTLAY_FIXTURES"), "departments_fy2025.csv",
                                            NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_application_open (G_APPLICATION (fixture->app), &file, 1, "");
  wait_until (assistant_ready, fixture);
  gtk_window_present (fixture->elsewhere);
  wait_until (outlay_inactive, fixture);
  g_signal_emit_by_name (find_id (GTK_WIDGET (assistant ()), "import_button"), "clicked");
  wait_until (assistant_gone, fixture);
}

static gboolean
check_cb (gpointer data)
{
  Fixture *fixture = data;

  wait_until (has_window, fixture);
  /* not one of the application's windows */
  fixture->elsewhere = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (fixture->elsewhere, "Another program");

  /* elsewhere: a notification, which brings the budget up */
  import_csv (fixture);
  wait_until (notified, fixture);
  g_assert_cmpstr (g_ptr_array_index (fixture->summaries, 0), ==,
                   "Import Finished | Imported 39 lines from departments_fy2025.csv");
  imported_budget = shown_budget (fixture);
  g_assert_cmpint (imported_budget, !=, 1); /* a new budget, not the sample */
  outlay_window_select_budget (main_window (fixture), 1);
  g_assert_cmpint (shown_budget (fixture), ==, 1);
  g_assert_true (g_dbus_connection_emit_signal (
      fixture->bus, NULL, "/org/freedesktop/Notifications", "org.freedesktop.Notifications",
      "ActionInvoked", g_variant_new ("(us)", fixture->last_id, "default"), NULL));
  wait_until (imported_shown, fixture);

  fixture->done = TRUE;
  gtk_window_destroy (fixture->elsewhere);
  g_application_quit (G_APPLICATION (fixture->app));
  return G_SOURCE_REMOVE;
}

static void
test_import_notification (void)
{
  Fixture fixture = { 0 };
  char *argv[4];

  current = &fixture;
  fixture.dir = g_dir_make_tmp ("outlay-notify-XXXXXX", NULL);
  fixture.db = g_build_filename (fixture.dir, "outlay.db", NULL);
  fixture.summaries = g_ptr_array_new_with_free_func (g_free);
  start_server (&fixture);
  fixture.app = outlay_application_new ();
  argv[0] = (char *) "outlay";
  argv[1] = (char *) "--database";
  argv[2] = fixture.db;
  argv[3] = NULL;
  g_idle_add (check_cb, &fixture);
  g_assert_cmpint (g_application_run (G_APPLICATION (fixture.app), 3, argv), ==, 0);
  g_assert_true (fixture.done);

  g_object_unref (fixture.app);
  g_dbus_connection_unregister_object (fixture.bus, fixture.registration);
  g_object_unref (fixture.bus);
  g_ptr_array_unref (fixture.summaries);
  outlay_ui_test_remove_db (fixture.db);
  g_rmdir (fixture.dir);
  g_free (fixture.db);
  g_free (fixture.dir);
}

/* ---- spend warnings ---- */

static guint expected_count;

static gboolean
count_reached (Fixture *fixture)
{
  return fixture->summaries->len >= expected_count;
}

static gboolean
sample_shown (Fixture *fixture)
{
  return has_window (fixture) && shown_budget (fixture) == 1;
}

/* Sets the first line's actual so that the budget's spend is @percent of
 * its 1,000,000 allocation. */
static void
spend (Fixture *fixture, int percent)
{
  OutlayDocument *doc = outlay_window_get_document (main_window (fixture));
  OutlaySection *section = outlay_document_get_section (doc, 0);
  OutlayLine *line = outlay_section_get_line (section, 0);
  OutlayDecimal spent = outlay_totals_get_spent (outlay_document_get_totals (doc));
  OutlayDecimal target = OUTLAY_DECIMAL_FROM_INT (10000) * percent;
  g_autoptr(GError) error = NULL;

  g_assert_true (outlay_document_set_line_decimal (
      doc, line, OUTLAY_LINE_ACTUAL, outlay_line_get_actual (line) + (target - spent), &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_totals_get_spent (outlay_document_get_totals (doc)), ==, target);
}

/* Edits, then waits for the notifications expected so far; an edit that
 * should send nothing is caught by the next one that should, since the
 * bus keeps them in order. */
static void
spend_and_expect (Fixture *fixture, int percent, guint count)
{
  spend (fixture, percent);
  expected_count = count;
  wait_until (count_reached, fixture);
  g_assert_cmpuint (fixture->summaries->len, ==, count);
}

static GtkWidget *
find_visible_class (GtkWidget *widget, const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class) && gtk_widget_get_visible (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_visible_class (c, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
assert_summaries (Fixture *fixture, const char *const *expected)
{
  for (guint i = 0; expected[i] != NULL; i++)
    {
      g_assert_cmpuint (i, <, fixture->summaries->len);
      g_assert_true (g_str_has_prefix (g_ptr_array_index (fixture->summaries, i), expected[i]));
    }
  g_assert_cmpuint (fixture->summaries->len, ==, g_strv_length ((char **) expected));
}

static gboolean
spend_check_cb (gpointer data)
{
  Fixture *fixture = data;
  OutlayDocument *doc;
  g_auto(GValue) v = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  GtkWidget *icon, *badge;
  gint64 other;
  const char *const expected[] = {
    "“Sample: Brightwater “First Light” commercial” Is Past Its Warning Threshold | Spent 85% of "
    "the "
    "allocation (actual + committed), past the warning threshold of 80%",
    "“Sample: Brightwater “First Light” commercial” Is Past Its Critical Threshold | Spent 96%",
    "“Sample: Brightwater “First Light” commercial” Is Past Its Critical Threshold | Spent 97%",
    "“Sample: Brightwater “First Light” commercial” Is Past Its Warning Threshold | Spent 81%",
    "“Sample: Brightwater “First Light” commercial” Is Past Its Critical Threshold | Spent 99%",
    NULL,
  };

  wait_until (sample_shown, fixture);
  doc = outlay_window_get_document (main_window (fixture));
  /* a million allocated: the sample's spend is well under the warning */
  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, OUTLAY_DECIMAL_FROM_INT (1000000));
  g_assert_true (outlay_document_set_budget_value (doc, "allocated", &v, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outlay_spend_level_for_document (doc, NULL), ==, OUTLAY_SPEND_LEVEL_OK);
  g_assert_null (find_visible_class (GTK_WIDGET (main_window (fixture)), "spend-icon"));

  spend_and_expect (fixture, 85, 1); /* over the warning */
  spend (fixture, 90);               /* still a warning: nothing */
  spend_and_expect (fixture, 96, 2); /* warning → critical */
  spend (fixture, 98);               /* still critical: nothing */
  spend_and_expect (fixture, 90, 2); /* back to a warning: nothing */
  spend_and_expect (fixture, 97, 3); /* critical again */
  spend (fixture, 50);               /* under both */
  spend_and_expect (fixture, 81, 4); /* over the warning again */

  /* the sidebar row and the sheet's footer say so, with words */
  icon = find_visible_class (GTK_WIDGET (main_window (fixture)), "spend-icon");
  g_assert_nonnull (icon);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (icon), ==,
                   "Spent 81% of the allocation (actual + committed), past the warning "
                   "threshold of 80%");
  badge = find_visible_class (find_id (GTK_WIDGET (main_window (fixture)), "sheet"), "spend-badge");
  g_assert_nonnull (badge);
  g_assert_true (gtk_widget_has_css_class (badge, "warning"));

  /* a new window on the same database (as after a restart) sends nothing */
  gtk_window_destroy (GTK_WINDOW (main_window (fixture)));
  g_application_activate (G_APPLICATION (fixture->app));
  wait_until (sample_shown, fixture);
  spend_and_expect (fixture, 99, 5); /* the next crossing is the next one sent */
  assert_summaries (fixture, expected);

  /* clicking it brings the budget up from another */
  other = outlay_store_create_budget (outlay_application_get_store (fixture->app), "blank", "Other",
                                      "USD", &error);
  g_assert_no_error (error);
  g_assert_true (outlay_window_show_line (main_window (fixture), other, 0));
  g_assert_cmpint (shown_budget (fixture), ==, other);
  g_assert_true (g_dbus_connection_emit_signal (
      fixture->bus, NULL, "/org/freedesktop/Notifications", "org.freedesktop.Notifications",
      "ActionInvoked", g_variant_new ("(us)", fixture->last_id, "default"), NULL));
  wait_until (sample_shown, fixture);

  fixture->done = TRUE;
  g_application_quit (G_APPLICATION (fixture->app));
  return G_SOURCE_REMOVE;
}

static void
test_spend_notification (void)
{
  Fixture fixture = { 0 };
  char *argv[4];

  current = &fixture;
  fixture.dir = g_dir_make_tmp ("outlay-notify-XXXXXX", NULL);
  fixture.db = g_build_filename (fixture.dir, "outlay.db", NULL);
  fixture.summaries = g_ptr_array_new_with_free_func (g_free);
  start_server (&fixture);
  fixture.app = outlay_application_new ();
  argv[0] = (char *) "outlay";
  argv[1] = (char *) "--database";
  argv[2] = fixture.db;
  argv[3] = NULL;
  g_idle_add (spend_check_cb, &fixture);
  g_assert_cmpint (g_application_run (G_APPLICATION (fixture.app), 3, argv), ==, 0);
  g_assert_true (fixture.done);

  g_object_unref (fixture.app);
  g_dbus_connection_unregister_object (fixture.bus, fixture.registration);
  g_object_unref (fixture.bus);
  g_ptr_array_unref (fixture.summaries);
  outlay_ui_test_remove_db (fixture.db);
  g_rmdir (fixture.dir);
  g_free (fixture.db);
  g_free (fixture.dir);
}

int
main (int argc, char *argv[])
{
  g_setenv ("GNOTIFICATION_BACKEND", "freedesktop", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui/notify/import", test_import_notification);
  g_test_add_func ("/ui/notify/spend", test_spend_notification);
  return g_test_run ();
}
