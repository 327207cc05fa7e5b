/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Imports spreadsheets into the real application as a user would, by
 * dropping files on the window (a real GdkFileList handed to its drop
 * target):
 * - the drop highlight shows while files are over the window;
 * - a picture dropped with a payroll file gets a toast naming it; the
 *   payroll file needs the "as a budget anyway" tick;
 * - the AICP bid form is read right (sheet "Bid Form", header row 6, a
 *   budget, its lines in 16 sections), a changed mapping or header row
 *   checks again, and the import selects the new budget showing its
 *   estimate; dropped again, it is recognised and its mapping reused;
 * - a CSV with a fifth of its rows unreadable says so above the
 *   settings, with the count; one with a single bad row does not;
 * - an invoice stopped at its bad row fails with a message and changes
 *   nothing, then imports with the row skipped;
 * - lines added to the sample budget go again with the toast's Undo;
 * - a euro file makes a euro budget unless another currency is picked,
 *   and adding it to a dollar budget is warned about;
 * - an import started while another program holds the database waits,
 *   says so on its progress bar, and lands once the other has finished;
 * - a 100,000-row import shows its progress and is cancelled, leaving
 *   nothing;
 * - the Imports view lists what was imported and undoes the AICP import.
 * The files are the project's fixtures in $OUTLAY_FIXTURES (tests/fixtures
 * copied to the build folder); the figures checked come from their
 * EXPECTED.json. Screenshots of each step go to OUTLAY_SCREENSHOT_DIR. */

#include "config.h"

#include "outlay-ui-test-util.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "outlay-application.h"
#include "outlay-import-analysis.h"
#include "outlay-import-dialog.h"
#include "outlay-imports-dialog.h"
#include "outlay-store-private.h"
#include "outlay-window.h"

typedef struct
{
  OutlayApplication *app;
  OutlayWindow      *window;
  char              *dir;
  guint              sample_lines;
  gboolean           done;
  gint64             deadline;  /* for the window to show */
  const char *expect;           /* the budget's name shows_named_cb waits for */
} Fixture;

/* ---- waiting without timing ---- */

/* No wait is longer than this: a hang fails with what it waited for. */
#define WAIT_TIMEOUT_S 30

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

typedef gboolean (*Condition) (gpointer data);

#define wait_until(cond, data) wait_until_full ((cond), (data), #cond)

/* Runs the main loop until @cond holds, for WAIT_TIMEOUT_S at most. */
static void
wait_until_full (Condition cond, gpointer data, const char *what)
{
  guint tick = g_timeout_add (10, tick_cb, NULL);
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("gave up after %d s waiting for %s", WAIT_TIMEOUT_S, what);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
}

/* ---- finding things on screen ---- */

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

static GtkWidget *
child (gpointer widget, const char *id)
{
  GtkWidget *found = find_id (widget, id);

  g_assert_nonnull (found);
  return found;
}

/* A label on screen whose text contains @text. */
static GtkWidget *
find_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return widget;
  if (GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget *widget, const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static gboolean
has_toplevel_cb (gpointer type)
{
  return find_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

static gboolean
mapped_cb (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
gone_cb (gpointer weak)
{
  return *(gpointer *) weak == NULL;
}

typedef struct
{
  GtkWidget  *widget;
  const char *text;
} LabelWait;

static gboolean
shows_label_cb (gpointer data)
{
  LabelWait *wait = data;

  return find_label (wait->widget, wait->text) != NULL;
}

static void
wait_for_label (gpointer widget, const char *text)
{
  LabelWait wait = { widget, text };
  g_autofree char *what = g_strdup_printf ("the label “%s”", text);

  wait_until_full (shows_label_cb, &wait, what);
}

typedef struct
{
  GtkWidget *widget;
  char      *path;
  gboolean   saved;
} Shot;

static void
after_paint_cb (GdkFrameClock *clock, Shot *shot)
{
  if (!shot->saved)
    shot->saved = outlay_ui_test_save_png (shot->widget, shot->path);
}

static gboolean
saved_cb (gpointer shot)
{
  return ((Shot *) shot)->saved;
}

/* Saves @widget (a window) as it is drawn next: right after a paint, when
 * nothing waits to be laid out (a progress bar's text changes all along). */
static void
save_screenshot (gpointer widget, const char *name)
{
  Shot shot = { g_object_ref (widget), outlay_ui_test_screenshot_path (name), FALSE };
  GdkFrameClock *clock;
  gulong id;

  outlay_ui_test_run_for (100);
  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &shot);
  gtk_widget_queue_draw (widget);
  wait_until (saved_cb, &shot);
  g_signal_handler_disconnect (clock, id);
  g_object_unref (shot.widget);
  g_free (shot.path);
}

/* ---- the steps ---- */

static GtkDropTarget *
drop_target (Fixture *f)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  g_assert_not_reached ();
  return NULL;
}

/* Hands the window's drop target a real GdkFileList, as a drop does. */
static void
drop_files (Fixture *f, const char *const *paths)
{
  GtkDropTarget *target = drop_target (f);
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *files = NULL;
  gboolean handled = FALSE;
  GdkDragAction action = 0;

  for (guint i = 0; paths[i] != NULL; i++)
    files = g_slist_append (files, g_file_new_for_path (paths[i]));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free_full (files, g_object_unref);
  g_signal_emit_by_name (target, "enter", 300.0, 300.0, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_COPY);
  g_signal_emit_by_name (target, "drop", &value, 300.0, 300.0, &handled);
  g_assert_true (handled);
}

static char *
fixture_path (const char *name)
{
  const char *dir = g_getenv ("OUTLAY_FIXTURES");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

/* ---- what the fixtures hold, from their EXPECTED.json ---- */

static const char * const fixture_files[] = {
  "EXPECTED.json", "payroll_sample.csv", "aicp_commercial.xlsx", "invoice_sample.xlsx",
  "messy_eu.csv", "large_100k.csv",
};

static struct
{
  char  *name;            /* the bid's title: the new budget's name */
  char  *first_section;   /* "A: …" */
  guint  lines;
  char  *summary;         /* "N lines in 16 sections · Estimate $… · Actual $…" */
  char  *summary_estimate;
  char  *estimate;        /* "$…" */
  char  *imported;        /* "Imported N lines from aicp_commercial.xlsx" */
  char  *created;         /* "New budget “…” · N lines" */
  char  *undo_body;
  char  *invoice_imported;
  char  *invoice_created;
  char  *invoice_error;   /* "Row N, Unit Price" */
  char  *invoice_error_prefix;
  guint  messy_lines;
  char  *messy_imported;
} want;

/* "1234567.80" as the app shows dollars: "$1,234,567.80" */
static char *
dollars (const char *amount)
{
  const char *point = strchr (amount, '.');
  gsize whole = point != NULL ? (gsize) (point - amount) : strlen (amount);
  GString *s = g_string_new ("$");

  for (gsize i = 0; i < whole; i++)
    {
      if (i > 0 && (whole - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, amount[i]);
    }
  g_string_append (s, amount + whole);
  return g_string_free (s, FALSE);
}

/* Fails at once, naming the file, when a fixture is missing. */
static void
load_expected (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path ("EXPECTED.json");
  g_autofree char *estimate = NULL;
  g_autofree char *actual = NULL;
  JsonObject *root, *aicp, *invoice, *section;
  guint sections;

  for (guint i = 0; i < G_N_ELEMENTS (fixture_files); i++)
    {
      g_autofree char *file = fixture_path (fixture_files[i]);

      if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
        g_error ("The fixture %s is missing: build the project first (tests/fixtures)", file);
    }
  if (!json_parser_load_from_file (parser, path, &error))
    g_error ("%s: %s", path, error->message);
  root = json_node_get_object (json_parser_get_root (parser));
  aicp = json_object_get_object_member (root, "aicp_commercial.xlsx");
  invoice = json_object_get_object_member (root, "invoice_sample.xlsx");
  if (aicp == NULL || invoice == NULL || !json_object_has_member (aicp, "title_block")
      || !json_object_has_member (invoice, "tax_row"))
    g_error ("%s does not describe the project's fixtures", path);

  sections = json_array_get_length (json_object_get_array_member (aicp, "sections"));
  section = json_array_get_object_element (json_object_get_array_member (aicp, "sections"), 0);
  want.name = g_strdup (json_object_get_string_member (json_object_get_object_member (aicp, "title_block"),
                                                       "name"));
  want.first_section = g_strdup_printf ("%s: %s", json_object_get_string_member (section, "letter"),
                                        json_object_get_string_member (section, "name"));
  want.lines = json_object_get_int_member (aicp, "line_items");
  estimate = dollars (json_object_get_string_member (aicp, "estimate_total"));
  actual = dollars (json_object_get_string_member (aicp, "actual_total"));
  want.summary_estimate = g_strdup_printf ("%u lines in %u sections · Estimate %s",
                                           want.lines, sections, estimate);
  want.summary = g_strdup_printf ("%s · Actual %s", want.summary_estimate, actual);
  want.estimate = g_strdup (estimate);
  want.imported = g_strdup_printf ("Imported %u lines from aicp_commercial.xlsx", want.lines);
  want.created = g_strdup_printf ("New budget “%s” · %u lines", want.name, want.lines);
  want.undo_body = g_strdup_printf ("The budget “%s” it created will be deleted.", want.name);
  want.invoice_imported = g_strdup_printf ("Imported %" G_GINT64_FORMAT " lines from invoice_sample.xlsx",
                                           json_object_get_int_member (invoice, "line_items"));
  want.invoice_created = g_strdup_printf ("New budget “invoice_sample” · %" G_GINT64_FORMAT
                                          " lines, 1 row skipped",
                                          json_object_get_int_member (invoice, "line_items"));
  want.invoice_error = g_strdup_printf ("Row %" G_GINT64_FORMAT ", Unit Price",
                                        json_object_get_int_member (invoice, "tax_row"));
  want.invoice_error_prefix = g_strdup_printf ("Row %" G_GINT64_FORMAT,
                                               json_object_get_int_member (invoice, "tax_row"));
  want.messy_lines = json_object_get_int_member (json_object_get_object_member (root, "messy_eu.csv"),
                                                 "line_items");
  want.messy_imported = g_strdup_printf ("Imported %u lines from messy_eu.csv", want.messy_lines);
}

static guint
n_budgets (Fixture *f)
{
  g_autoptr(GPtrArray) list = outlay_store_list_budgets (outlay_application_get_store (f->app),
                                                         NULL);

  return list->len;
}

static gboolean
budget_named (Fixture *f, const char *name)
{
  g_autoptr(GPtrArray) list = outlay_store_list_budgets (outlay_application_get_store (f->app),
                                                         NULL);

  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (outlay_budget_get_name (g_ptr_array_index (list, i)), name) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
settled_cb (gpointer dialog)
{
  return !outlay_import_dialog_get_busy (dialog);
}

/* The assistant for a dropped file, once it has analysed and checked it. */
static GtkWidget *
wait_for_assistant (void)
{
  GtkWidget *dialog;

  wait_until (has_toplevel_cb, GSIZE_TO_POINTER (OUTLAY_TYPE_IMPORT_DIALOG));
  dialog = find_toplevel (OUTLAY_TYPE_IMPORT_DIALOG);
  wait_until (mapped_cb, dialog);
  wait_until (settled_cb, dialog);
  return dialog;
}

static void
close_assistant (GtkWidget *dialog)
{
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_signal_emit_by_name (child (dialog, "cancel_button"), "clicked");
  wait_until (gone_cb, &weak);
}

/* The assistant shrinks to a phone's width (the preview scrolls). */
static void
assert_fits_phone (GtkWidget *dialog)
{
  int min_width = 0;

  gtk_widget_measure (dialog, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_test_message ("minimum assistant width: %d px", min_width);
  g_assert_cmpint (min_width, <=, 400);
}

static const char *
selected_sheet (GtkWidget *dialog)
{
  GtkDropDown *sheets = GTK_DROP_DOWN (child (dialog, "sheet_dropdown"));

  return gtk_string_object_get_string (gtk_drop_down_get_selected_item (sheets));
}

static const char *
row_title (GtkWidget *dialog, const char *id)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child (dialog, id)));
}

static void
check_drop_highlight (Fixture *f)
{
  GtkDropTarget *target = drop_target (f);
  GtkWidget *highlight = child (f->window, "drop_highlight");
  GdkDragAction action = 0;

  g_assert_false (gtk_widget_get_visible (highlight));
  g_signal_emit_by_name (target, "enter", 300.0, 300.0, &action);
  g_assert_true (gtk_widget_get_visible (highlight));
  g_assert_nonnull (find_label (GTK_WIDGET (f->window), "Drop Spreadsheets to Import"));
  save_screenshot (f->window, "import-drop.png");
  g_signal_emit_by_name (target, "leave");
  g_assert_false (gtk_widget_get_visible (highlight));
}

/* A picture and a payroll file dropped together: a toast names the
 * picture; the payroll file needs the tick to be imported. */
static void
check_picture_and_payroll (Fixture *f)
{
  g_autofree char *png = g_build_filename (f->dir, "photo.png", NULL);
  g_autofree char *payroll = fixture_path ("payroll_sample.csv");
  const char *paths[] = { png, payroll, NULL };
  static const guchar pixels[16] = { 255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 0, 0, 0, 255 };
  g_autoptr(GBytes) bytes = g_bytes_new_static (pixels, sizeof pixels);
  g_autoptr(GdkTexture) texture = gdk_memory_texture_new (2, 2, GDK_MEMORY_R8G8B8A8, bytes, 8);
  guint before = n_budgets (f);
  GtkWidget *dialog, *import_button;
  AdwWindowTitle *title;

  g_assert_true (gdk_texture_save_to_png (texture, png));
  drop_files (f, paths);
  g_assert_false (gtk_widget_get_visible (child (f->window, "drop_highlight")));
  /* the toast names the file and why */
  wait_for_label (f->window, "“photo.png” is not a spreadsheet");

  dialog = wait_for_assistant ();
  title = ADW_WINDOW_TITLE (child (dialog, "window_title"));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "payroll_sample.csv");
  g_assert_cmpstr (row_title (dialog, "kind_row"), ==, "Payroll");
  g_assert_true (gtk_widget_get_visible (child (dialog, "anyway_row")));
  g_assert_cmpstr (row_title (dialog, "anyway_row"), ==,
                   "Import this payroll file as a budget anyway");
  import_button = child (dialog, "import_button");
  g_assert_false (gtk_widget_is_sensitive (import_button));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (dialog, "anyway_check")), TRUE);
  g_assert_true (gtk_widget_is_sensitive (import_button));
  save_screenshot (dialog, "import-assistant-payroll.png");
  close_assistant (dialog);
  g_assert_cmpuint (n_budgets (f), ==, before);
}

/* A column's title in the preview: a heading showing @text. */
static GtkWidget *
find_column_title (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "heading")
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_column_title (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The preview's drop-down under the column headed @header. */
static GtkDropDown *
column_dropdown (GtkWidget *dialog, const char *header)
{
  GtkWidget *title = find_column_title (child (dialog, "preview_scroller"), header);
  GtkWidget *dropdown;

  g_assert_nonnull (title);
  dropdown = gtk_widget_get_first_child (gtk_widget_get_next_sibling (title));
  g_assert_true (GTK_IS_DROP_DOWN (dropdown));
  return GTK_DROP_DOWN (dropdown);
}

static const char *
summary (GtkWidget *dialog)
{
  return gtk_label_get_text (GTK_LABEL (child (dialog, "summary_label")));
}

/* Choosing what a column holds checks every row again. */
static void
check_remapping (GtkWidget *dialog)
{
  GtkDropDown *actual = column_dropdown (dialog, "Actual");

  g_assert_cmpuint (gtk_drop_down_get_selected (actual), ==, OUTLAY_IMPORT_FIELD_ACTUAL);
  gtk_drop_down_set_selected (actual, OUTLAY_IMPORT_FIELD_IGNORE);
  g_assert_true (outlay_import_dialog_get_busy (OUTLAY_IMPORT_DIALOG (dialog)));
  g_assert_false (gtk_widget_is_sensitive (child (dialog, "import_button")));
  wait_until (settled_cb, dialog);
  g_assert_cmpstr (summary (dialog), ==, want.summary_estimate);
  /* the preview was rebuilt with the new mapping */
  actual = column_dropdown (dialog, "Actual");
  g_assert_cmpuint (gtk_drop_down_get_selected (actual), ==, OUTLAY_IMPORT_FIELD_IGNORE);
  gtk_drop_down_set_selected (actual, OUTLAY_IMPORT_FIELD_ACTUAL);
  wait_until (settled_cb, dialog);
  g_assert_cmpstr (summary (dialog), ==, want.summary);
  g_assert_true (gtk_widget_is_sensitive (child (dialog, "import_button")));
}

/* Another header row reads the table differently; back to row 6 as before. */
static void
check_header_row (GtkWidget *dialog)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (child (dialog, "header_spin"));

  gtk_spin_button_set_value (spin, 0);
  wait_until (settled_cb, dialog);
  g_assert_null (find_column_title (child (dialog, "preview_scroller"), "Description"));
  g_assert_cmpstr (summary (dialog), !=, want.summary);
  gtk_spin_button_set_value (spin, 6);
  wait_until (settled_cb, dialog);
  g_assert_nonnull (find_column_title (child (dialog, "preview_scroller"), "Description"));
  g_assert_cmpstr (summary (dialog), ==, want.summary);
}

/* The picture's toast has made way for the next. */
static gboolean
no_picture_toast_cb (gpointer window)
{
  return find_label (window, "photo.png") == NULL;
}

static gboolean
shows_budget_cb (gpointer data)
{
  Fixture *f = data;
  OutlayDocument *doc = outlay_window_get_document (f->window);

  return doc != NULL
         && g_strcmp0 (outlay_budget_get_name (outlay_document_get_budget (doc)),
                       want.name) == 0;
}

static void
check_aicp (Fixture *f)
{
  g_autofree char *aicp = fixture_path ("aicp_commercial.xlsx");
  const char *paths[] = { aicp, NULL };
  GtkWidget *dialog;
  GtkSpinButton *header;
  gpointer weak;
  OutlayDocument *doc;

  drop_files (f, paths);
  dialog = wait_for_assistant ();
  g_assert_cmpstr (selected_sheet (dialog), ==, "Bid Form");
  header = GTK_SPIN_BUTTON (child (dialog, "header_spin"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (header), ==, 6);
  g_assert_cmpstr (row_title (dialog, "kind_row"), ==, "Budget");
  g_assert_false (gtk_widget_get_visible (child (dialog, "anyway_row")));
  g_assert_false (gtk_widget_get_visible (child (dialog, "duplicate_banner")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, "summary_label"))), ==,
                   want.summary);
  g_assert_nonnull (find_label (dialog, want.first_section));
  g_assert_nonnull (find_label (dialog, "Section"));
  /* named after the job's title in the bid's title block */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, "name_row"))), ==,
                   want.name);
  g_assert_true (gtk_widget_is_sensitive (child (dialog, "import_button")));
  save_screenshot (dialog, "import-assistant-aicp.png");
  assert_fits_phone (dialog);
  check_remapping (dialog);
  check_header_row (dialog);

  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_signal_emit_by_name (child (dialog, "import_button"), "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (dialog, "pages"))), ==,
                   "progress");
  wait_until (gone_cb, &weak);

  /* the new budget is selected and shown */
  wait_until (shows_budget_cb, f);
  doc = outlay_window_get_document (f->window);
  g_assert_cmpuint (outlay_document_get_n_sections (doc), ==, 16);
  g_assert_cmpuint (outlay_document_get_n_lines (doc), ==, want.lines);
  g_assert_true (budget_named (f, want.name));
  wait_for_label (f->window, want.estimate);
  wait_for_label (f->window, want.imported);
  wait_until (no_picture_toast_cb, f->window);
  save_screenshot (f->window, "import-result.png");
}

/* The same file again: the assistant says so, and uses the mapping. */
static void
check_again (Fixture *f)
{
  g_autofree char *aicp = fixture_path ("aicp_commercial.xlsx");
  const char *paths[] = { aicp, NULL };
  GtkWidget *dialog;

  drop_files (f, paths);
  dialog = wait_for_assistant ();
  g_assert_true (gtk_widget_get_visible (child (dialog, "duplicate_banner")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (dialog, "duplicate_label"))),
                            "This file was already imported on "));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (dialog, "duplicate_label"))),
                            want.name));
  g_assert_true (gtk_widget_get_visible (child (dialog, "mapping_banner")));
  save_screenshot (dialog, "import-assistant-again.png");
  close_assistant (dialog);
}

/* Writes a CSV of @n_rows lines into the test's folder, every @bad_every-th
 * one with a field more than the header (as when a decimal comma lost its
 * quotes), and returns its path. */
static char *
write_csv (Fixture *f, const char *name, guint n_rows, guint bad_every)
{
  g_autoptr(GString) csv = g_string_new ("Description,Qty,Rate,Amount\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  for (guint i = 1; i <= n_rows; i++)
    if (i % bad_every == 0)
      g_string_append_printf (csv, "Item %u,1,12,50,12,50\n", i);
    else
      g_string_append_printf (csv, "Item %u,2,10,20\n", i);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, &error));
  g_assert_no_error (error);
  return path;
}

/* A few unreadable rows are listed; more than a tenth of them is said at
 * the top, with the count, before anything is imported. */
static void
check_many_skipped (Fixture *f)
{
  g_autofree char *few = write_csv (f, "few-bad.csv", 20, 20);
  g_autofree char *many = write_csv (f, "many-bad.csv", 20, 4);
  const char *paths[] = { few, NULL };
  GtkWidget *dialog;

  drop_files (f, paths);
  dialog = wait_for_assistant ();
  g_assert_true (gtk_widget_get_visible (child (dialog, "errors_box")));
  g_assert_false (gtk_widget_get_visible (child (dialog, "skipped_banner")));
  close_assistant (dialog);

  paths[0] = many;
  drop_files (f, paths);
  dialog = wait_for_assistant ();
  g_assert_true (gtk_widget_get_visible (child (dialog, "skipped_banner")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, "skipped_label"))), ==,
                   "5 of 20 rows cannot be read and will be skipped — check the column mapping");
  g_assert_true (gtk_widget_is_sensitive (child (dialog, "import_button")));
  save_screenshot (dialog, "import-assistant-many-skipped.png");
  close_assistant (dialog);
  g_remove (few);
  g_remove (many);
}

static gboolean
hidden_cb (gpointer widget)
{
  return !gtk_widget_get_visible (widget);
}

/* Answers @message as its button would: the response, then it closes. */
static void
respond (AdwMessageDialog *message, const char *response)
{
  g_object_ref (message);
  adw_message_dialog_response (message, response);
  gtk_window_close (GTK_WINDOW (message));
  wait_until (hidden_cb, message);
  g_object_unref (message);
}

static gboolean
message_shown_cb (gpointer data)
{
  GtkWidget *message = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return message != NULL && gtk_widget_get_mapped (message);
}

/* The import failed: a message says why and that nothing changed. */
static void
check_failure (Fixture *f, GtkWidget *dialog)
{
  guint before = n_budgets (f);
  AdwMessageDialog *message;

  wait_until (message_shown_cb, NULL);
  message = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (message)) == GTK_WINDOW (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==,
                   "Could Not Import “invoice_sample.xlsx”");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (message), want.invoice_error_prefix));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "Nothing was imported."));
  save_screenshot (message, "import-failed.png");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (dialog, "pages"))), ==,
                   "main");
  g_assert_cmpuint (n_budgets (f), ==, before);
  g_assert_false (budget_named (f, "invoice_sample"));
  respond (message, "close");
}

/* An invoice imported anyway: its tax row cannot be a line and is left
 * out, as the assistant says beforehand. */
static void
check_invoice (Fixture *f)
{
  g_autofree char *invoice = fixture_path ("invoice_sample.xlsx");
  const char *paths[] = { invoice, NULL };
  GtkWidget *dialog;
  gpointer weak;

  drop_files (f, paths);
  dialog = wait_for_assistant ();
  g_assert_cmpstr (row_title (dialog, "kind_row"), ==, "Invoice");
  g_assert_false (gtk_widget_is_sensitive (child (dialog, "import_button")));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (dialog, "anyway_check")), TRUE);
  g_assert_true (gtk_widget_get_visible (child (dialog, "errors_box")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, "errors_title"))), ==,
                   "1 row cannot be imported");
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (child (dialog, "skip_check"))), ==,
                   "Skip this row and import the rest");
  g_assert_nonnull (find_label (dialog, want.invoice_error));
  g_assert_nonnull (find_label (dialog, "the lines add up to"));
  save_screenshot (dialog, "import-assistant-invoice.png");

  /* stopping at the bad row fails the import, which changes nothing */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (dialog, "stop_check")), TRUE);
  g_signal_emit_by_name (child (dialog, "import_button"), "clicked");
  check_failure (f, dialog);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (dialog, "skip_check")), TRUE);

  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_signal_emit_by_name (child (dialog, "import_button"), "clicked");
  wait_until (gone_cb, &weak);
  wait_for_label (f->window, want.invoice_imported);
  g_assert_true (budget_named (f, "invoice_sample"));
}

static gboolean
sample_lines_cb (gpointer data)
{
  Fixture *f = data;
  OutlayDocument *doc = outlay_window_get_document (f->window);

  return doc != NULL
         && g_str_has_prefix (outlay_budget_get_name (outlay_document_get_budget (doc)), "Sample:")
         && outlay_document_get_n_lines (doc) == f->sample_lines;
}

/* The button of the toast saying @text (an older toast may still be
 * fading out). */
static GtkWidget *
toast_button (Fixture *f, const char *text)
{
  GtkWidget *toast = find_label (GTK_WIDGET (f->window), text);

  while (toast != NULL && g_strcmp0 (gtk_widget_get_css_name (toast), "toast") != 0)
    toast = gtk_widget_get_parent (toast);
  g_assert_nonnull (toast);
  g_assert_nonnull (find_button (toast, "_Undo"));
  return find_button (toast, "_Undo");
}

/* Lines added to the sample budget, then taken out with the toast's Undo. */
static void
check_append_and_undo (Fixture *f)
{
  g_autofree char *messy = fixture_path ("messy_eu.csv");
  const char *paths[] = { messy, NULL };
  GtkWidget *dialog;
  AdwComboRow *budgets;
  OutlayBudget *chosen;
  gpointer weak;
  guint before;

  drop_files (f, paths);
  dialog = wait_for_assistant ();
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, "mode_row")), 1);
  g_assert_false (gtk_widget_get_visible (child (dialog, "name_row")));
  g_assert_true (gtk_widget_get_visible (child (dialog, "budget_row")));
  budgets = ADW_COMBO_ROW (child (dialog, "budget_row"));
  for (guint i = 0; i < g_list_model_get_n_items (adw_combo_row_get_model (budgets)); i++)
    {
      g_autoptr(OutlayBudget) budget = g_list_model_get_item (adw_combo_row_get_model (budgets), i);

      if (g_str_has_prefix (outlay_budget_get_name (budget), "Sample:"))
        adw_combo_row_set_selected (budgets, i);
    }
  chosen = adw_combo_row_get_selected_item (budgets);
  g_assert_true (g_str_has_prefix (outlay_budget_get_name (chosen), "Sample:"));
  before = n_budgets (f);
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_signal_emit_by_name (child (dialog, "import_button"), "clicked");
  wait_until (gone_cb, &weak);

  wait_for_label (f->window, want.messy_imported);
  g_assert_cmpuint (n_budgets (f), ==, before);
  f->sample_lines = 105 + want.messy_lines;
  wait_until (sample_lines_cb, f);
  /* as a user would, once the toast has slid in: libadwaita 1.2 frees a
   * toast dismissed during its show animation before that animation ends,
   * then crashes when it does */
  outlay_ui_test_run_for (800);
  g_signal_emit_by_name (toast_button (f, want.messy_imported), "clicked");
  f->sample_lines = 105;
  wait_until (sample_lines_cb, f);
  wait_for_label (f->window, "Import undone");
}

static gboolean
rows_read_cb (gpointer dialog)
{
  const char *text = gtk_progress_bar_get_text (GTK_PROGRESS_BAR (child (dialog, "progress_bar")));

  return text != NULL && strstr (text, "rows read") != NULL && !g_str_has_prefix (text, "0 ");
}

/* large_100k.csv five times over, in the test's folder: an import long
 * enough (about a second here) that Cancel, pressed after its progress
 * was seen and photographed, always comes before it ends. */
static char *
make_long_csv (Fixture *f)
{
  g_autofree char *large = fixture_path ("large_100k.csv");
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, "large_500k.csv", NULL);
  const char *body;

  g_assert_true (g_file_get_contents (large, &contents, NULL, &error));
  g_assert_no_error (error);
  body = strchr (contents, '\n') + 1;
  text = g_string_new_len (contents, body - contents);
  for (guint i = 0; i < 5; i++)
    g_string_append (text, body);
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, &error));
  g_assert_no_error (error);
  return path;
}

/* A long import shows its progress and can be cancelled: nothing is left. */
static void
check_cancel (Fixture *f)
{
  g_autofree char *large = make_long_csv (f);
  const char *paths[] = { large, NULL };
  guint before = n_budgets (f);
  GtkWidget *dialog;

  drop_files (f, paths);
  dialog = wait_for_assistant ();
  g_assert_nonnull (
      strstr (gtk_label_get_text (GTK_LABEL (child (dialog, "summary_label"))), "500,000 lines"));
  g_signal_emit_by_name (child (dialog, "import_button"), "clicked");
  wait_until (rows_read_cb, dialog);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (dialog, "pages"))), ==,
                   "progress");
  save_screenshot (dialog, "import-progress.png");
  g_signal_emit_by_name (child (dialog, "cancel_button"), "clicked");
  wait_for_label (dialog, "Import cancelled. Nothing was changed.");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (dialog, "pages"))), ==,
                   "main");
  g_assert_cmpuint (n_budgets (f), ==, before);
  g_assert_false (budget_named (f, "large_500k"));
  close_assistant (dialog);
}

/* ---- another program's import holds the database ---- */

typedef struct
{
  char *db;
  GMutex lock;
  GCond cond;
  gboolean holding;
  gboolean release;
} Holder;

/* Another program's long import: a write transaction on a connection of
 * its own, held until the test lets go. */
static gpointer
holder_thread (gpointer data)
{
  Holder *h = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(OutlayStore) store = outlay_store_open (h->db, &error);

  g_assert_no_error (error);
  g_assert_true (outlay_store_exec (store, "BEGIN IMMEDIATE", &error));
  g_mutex_lock (&h->lock);
  h->holding = TRUE;
  while (!h->release)
    g_cond_wait (&h->cond, &h->lock);
  g_mutex_unlock (&h->lock);
  g_assert_true (outlay_store_exec (store, "COMMIT", &error));
  g_assert_no_error (error);
  return NULL;
}

static gboolean
holding_cb (gpointer data)
{
  Holder *h = data;
  gboolean holding;

  g_mutex_lock (&h->lock);
  holding = h->holding;
  g_mutex_unlock (&h->lock);
  return holding;
}

static gboolean
waiting_text_cb (gpointer dialog)
{
  return g_strcmp0 (gtk_progress_bar_get_text (GTK_PROGRESS_BAR (child (dialog, "progress_bar"))),
                    "Waiting for another Outlay import to finish…")
         == 0;
}

static void
check_waits (Fixture *f)
{
  g_autofree char *csv = fixture_path ("departments_fy2025.csv");
  const char *paths[] = { csv, NULL };
  guint before = n_budgets (f);
  Holder h = { .db = g_build_filename (f->dir, "outlay.db", NULL) };
  GtkWidget *dialog;
  GThread *thread;
  gpointer weak;

  drop_files (f, paths);
  dialog = wait_for_assistant ();
  g_mutex_init (&h.lock);
  g_cond_init (&h.cond);
  thread = g_thread_new ("holder", holder_thread, &h);
  wait_until (holding_cb, &h);
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_signal_emit_by_name (child (dialog, "import_button"), "clicked");
  /* the window stays live while the import waits, and says why */
  wait_until (waiting_text_cb, dialog);
  save_screenshot (dialog, "import-waiting.png");
  g_assert_cmpuint (n_budgets (f), ==, before);

  g_mutex_lock (&h.lock);
  h.release = TRUE;
  g_cond_signal (&h.cond);
  g_mutex_unlock (&h.lock);
  g_thread_join (thread);
  wait_until (gone_cb, &weak);
  g_assert_cmpuint (n_budgets (f), ==, before + 1);
  g_mutex_clear (&h.lock);
  g_cond_clear (&h.cond);
  g_free (h.db);
}

/* ---- a file in euros ---- */

static gboolean
shows_named_cb (gpointer data)
{
  Fixture *f = data;
  OutlayDocument *doc = outlay_window_get_document (f->window);

  return doc != NULL
         && g_strcmp0 (outlay_budget_get_name (outlay_document_get_budget (doc)), f->expect) == 0;
}

/* Imports what @dialog shows as a new budget named @name; returns it, shown. */
static OutlayDocument *
import_new (Fixture *f, GtkWidget *dialog, const char *name)
{
  gpointer weak = dialog;

  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "name_row")), name);
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_signal_emit_by_name (child (dialog, "import_button"), "clicked");
  wait_until (gone_cb, &weak);
  f->expect = name;
  wait_until (shows_named_cb, f);
  return outlay_window_get_document (f->window);
}

/* Picks @text in @row as a user would. */
static void
select_string (AdwComboRow *row, const char *text)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_error ("no “%s” to pick", text);
}

static const char *
selected_currency (GtkWidget *dialog)
{
  AdwComboRow *row = ADW_COMBO_ROW (child (dialog, "currency_row"));

  return gtk_string_object_get_string (adw_combo_row_get_selected_item (row));
}

static void
select_sample_budget (GtkWidget *dialog)
{
  AdwComboRow *budgets = ADW_COMBO_ROW (child (dialog, "budget_row"));
  GListModel *model = adw_combo_row_get_model (budgets);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(OutlayBudget) budget = g_list_model_get_item (model, i);

      if (g_str_has_prefix (outlay_budget_get_name (budget), "Sample:"))
        adw_combo_row_set_selected (budgets, i);
    }
}

/* The file's currency makes the new budget's unless the user picks
 * another; adding it to a dollar budget is warned about. */
static void
check_euro (Fixture *f)
{
  g_autofree char *csv = g_build_filename (f->dir, "lighting_quote.csv", NULL);
  const char *paths[] = { csv, NULL };
  GtkWidget *dialog;
  OutlayDocument *doc;

  g_assert_true (g_file_set_contents (csv,
                                      "Category;Description;Qty;Unit price (EUR);"
                                      "Budget (EUR);Actual (EUR)\n"
                                      "Camera;Camera package;2;2.118,66;4.237,32;4.100,00\n"
                                      "Lighting;Lighting truck;1;1.000,00;1.000,00;\n",
                                      -1, NULL));
  drop_files (f, paths);
  dialog = wait_for_assistant ();
  g_assert_cmpstr (selected_currency (dialog), ==, "EUR");
  g_assert_nonnull (strstr (summary (dialog), "€5,237.32"));
  save_screenshot (dialog, "import-assistant-euro.png");
  doc = import_new (f, dialog, "Lighting quote");
  g_assert_cmpstr (outlay_budget_get_currency (outlay_document_get_budget (doc)), ==, "EUR");
  g_assert_cmpint (outlay_document_get_totals (doc)->estimate, ==, 52373200);

  /* added to the sample budget, in dollars: the assistant says so */
  drop_files (f, paths);
  dialog = wait_for_assistant ();
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, "mode_row")), 1);
  select_sample_budget (dialog);
  wait_for_label (dialog, "The file's amounts are in EUR, but “Sample:");
  save_screenshot (dialog, "import-assistant-euro-into-dollars.png");

  /* a currency the user picks wins over the file's */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, "mode_row")), 0);
  g_assert_null (find_label (dialog, "The file's amounts are in EUR"));
  select_string (ADW_COMBO_ROW (child (dialog, "currency_row")), "GBP");
  doc = import_new (f, dialog, "Lighting quote in pounds");
  g_assert_cmpstr (outlay_budget_get_currency (outlay_document_get_budget (doc)), ==, "GBP");
  g_remove (csv);
}

/* The row of the Imports view for @file_name. */
static GtkWidget *
import_row (GtkWidget *view, const char *file_name)
{
  GtkWidget *list = child (view, "import_list");

  for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
    if (ADW_IS_PREFERENCES_ROW (c)
        && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (c)), file_name) == 0)
      return c;
  g_assert_not_reached ();
  return NULL;
}

static void
check_imports_view (Fixture *f)
{
  GtkWidget *view;
  AdwMessageDialog *confirm;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.imports", NULL);
  view = find_toplevel (OUTLAY_TYPE_IMPORTS_DIALOG);
  g_assert_nonnull (view);
  wait_until (mapped_cb, view);
  g_assert_nonnull (find_label (import_row (view, "aicp_commercial.xlsx"), want.created));
  g_assert_nonnull (find_label (import_row (view, "aicp_commercial.xlsx"), "Imported"));
  g_assert_nonnull (find_label (import_row (view, "invoice_sample.xlsx"), want.invoice_created));
  g_assert_null (find_label (view, "large_100k.csv"));
  /* what the invoice's import left out */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (import_row (view, "invoice_sample.xlsx")), TRUE);
  wait_for_label (view, want.invoice_error);
  save_screenshot (view, "imports-view.png");

  g_signal_emit_by_name (find_button (import_row (view, "aicp_commercial.xlsx"), "_Undo Import"),
                         "clicked");
  wait_until (has_toplevel_cb, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG));
  confirm = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (confirm), ==,
                   "Undo the import of “aicp_commercial.xlsx”?");
  g_assert_cmpstr (adw_message_dialog_get_body (confirm), ==, want.undo_body);
  wait_until (mapped_cb, confirm);
  save_screenshot (confirm, "imports-undo-confirm.png");
  respond (confirm, "undo");
  wait_for_label (view, "Undone");
  g_assert_null (find_button (import_row (view, "aicp_commercial.xlsx"), "_Undo Import"));
  g_assert_nonnull (find_button (import_row (view, "invoice_sample.xlsx"), "_Undo Import"));
  g_assert_false (budget_named (f, want.name));
  g_assert_false (shows_budget_cb (f));
  save_screenshot (view, "imports-view-undone.png");
  gtk_window_destroy (GTK_WINDOW (view));
}

static gboolean
run_cb (gpointer data)
{
  Fixture *f = data;

  if (f->window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (f->window))
      || outlay_window_get_document (f->window) == NULL)
    {
      if (g_get_monotonic_time () > f->deadline)
        g_error ("gave up after %d s waiting for the window and its budget", WAIT_TIMEOUT_S);
      return G_SOURCE_CONTINUE;
    }
  check_drop_highlight (f);
  check_picture_and_payroll (f);
  check_aicp (f);
  check_again (f);
  check_many_skipped (f);
  check_invoice (f);
  check_append_and_undo (f);
  check_euro (f);
  check_waits (f);
  check_cancel (f);
  check_imports_view (f);
  f->done = TRUE;
  g_application_quit (G_APPLICATION (f->app));
  return G_SOURCE_REMOVE;
}

static void
window_added_cb (GtkApplication *app, GtkWindow *window, Fixture *f)
{
  if (OUTLAY_IS_WINDOW (window))
    f->window = OUTLAY_WINDOW (window);
}

static void
test_import (void)
{
  Fixture f = { 0 };
  g_autofree char *db = NULL;
  g_autofree char *png = NULL;
  char *argv[4] = { (char *) "outlay", (char *) "--database", NULL, NULL };

  f.dir = g_dir_make_tmp ("outlay-import-ui-XXXXXX", NULL);
  db = g_build_filename (f.dir, "outlay.db", NULL);
  png = g_build_filename (f.dir, "photo.png", NULL);
  argv[2] = db;
  f.app = outlay_application_new ();
  g_signal_connect (f.app, "window-added", G_CALLBACK (window_added_cb), &f);
  f.deadline = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;
  g_timeout_add (100, run_cb, &f);
  g_assert_cmpint (g_application_run (G_APPLICATION (f.app), 3, argv), ==, 0);
  g_assert_true (f.done);

  g_object_unref (f.app);
  outlay_ui_test_remove_db (db);
  g_remove (png);
  g_rmdir (f.dir);
  g_free (f.dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("GNOTIFICATION_BACKEND", "freedesktop", TRUE);
  outlay_ui_test_sink_notifications ();
  load_expected ();
  g_test_add_func ("/ui/import/drop-check-import-undo", test_import);
  return g_test_run ();
}
