/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-currency.h"
#include "outlay-preferences-window.h"
#include "outlay-store.h"

struct _OutlayPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwComboRow *currency_row;
  AdwComboRow *fiscal_row;
  AdwComboRow *paper_row;
  AdwActionRow *database_row;
  GtkWidget *recent_group;
  GtkListBox *recent_list;

  OutlayApplication *application;
  GSettings *settings;
  GPtrArray *currencies; /* the codes of currency_row's items; "" first */
};

G_DEFINE_FINAL_TYPE (OutlayPreferencesWindow,
                     outlay_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* The currencies offered; one set with gsettings is added to them. */
static const char *const common_currencies[] = {
  "USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "JPY", "CNY",
  "INR", "SEK", "NOK", "DKK", "PLN", "CZK", "BRL", "MXN", "ZAR",
};

static const char *const papers[] = { "auto", "a4", "letter" };

/* ---- helpers ---- */

static void
toast (OutlayPreferencesWindow *self, const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
}

static void
fill_currencies (OutlayPreferencesWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *chosen = g_settings_get_string (self->settings, "default-currency");
  guint selected = 0;

  self->currencies = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->currencies, g_strdup (""));
  gtk_string_list_append (names, _("Template’s Currency"));
  for (guint i = 0; i < G_N_ELEMENTS (common_currencies); i++)
    g_ptr_array_add (self->currencies, g_strdup (common_currencies[i]));
  if (*chosen != '\0' && !g_strv_contains (common_currencies, chosen))
    g_ptr_array_add (self->currencies, g_strdup (chosen));
  for (guint i = 1; i < self->currencies->len; i++)
    {
      const char *code = g_ptr_array_index (self->currencies, i);
      /* Translators: a currency in Preferences: "EUR (€)" */
      g_autofree char *label = g_strdup_printf (_("%s (%s)"), code, outlay_currency_symbol (code));

      gtk_string_list_append (names, label);
      if (g_str_equal (code, chosen))
        selected = i;
    }
  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->currency_row, selected);
}

static void
fill_months (OutlayPreferencesWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (int month = 1; month <= 12; month++)
    {
      g_autoptr(GDateTime) date = g_date_time_new_utc (2001, month, 1, 0, 0, 0);
      g_autofree char *name = g_date_time_format (date, "%B");

      gtk_string_list_append (names, name);
    }
  adw_combo_row_set_model (self->fiscal_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->fiscal_row,
                              g_settings_get_int (self->settings, "fiscal-year-start-month") - 1);
}

static void
fill_papers (OutlayPreferencesWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *chosen = g_settings_get_string (self->settings, "paper-size");
  gboolean letter = g_str_has_prefix (gtk_paper_size_get_default (), "na_");

  /* Translators: the paper size the language and region use */
  gtk_string_list_append (names, letter ? _("Automatic (US Letter)") : _("Automatic (A4)"));
  gtk_string_list_append (names, _("A4"));
  gtk_string_list_append (names, _("US Letter"));
  adw_combo_row_set_model (self->paper_row, G_LIST_MODEL (names));
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (g_str_equal (papers[i], chosen))
      adw_combo_row_set_selected (self->paper_row, i);
}

static const char *
current_database (OutlayPreferencesWindow *self)
{
  OutlayStore *store = outlay_application_get_store (self->application);

  return store != NULL ? outlay_store_get_path (store) : "";
}

/* The recent databases but the open one, each a row that opens it. */
static void
fill_databases (OutlayPreferencesWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-databases");
  const char *current = current_database (self);
  GtkWidget *row;
  gboolean any = FALSE;

  adw_action_row_set_subtitle (self->database_row, current);
  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, row);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *dir = NULL;
      GtkWidget *arrow;

      if (g_str_equal (recent[i], current))
        continue;
      name = g_path_get_basename (recent[i]);
      dir = g_path_get_dirname (recent[i]);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dir);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      C_("action", "Open"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      g_object_set_data_full (G_OBJECT (row), "outlay-path", g_strdup (recent[i]), g_free);
      gtk_list_box_append (self->recent_list, row);
      any = TRUE;
    }
  gtk_widget_set_visible (self->recent_group, any);
}

/* The application's main window: the one no other window belongs to. */
static GtkWindow *
main_window (OutlayPreferencesWindow *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self->application)); l; l = l->next)
    if (l->data != (gpointer) self && gtk_window_get_transient_for (l->data) == NULL)
      return l->data;
  return NULL;
}

/* The budget window closes and opens again on @path; Preferences stays
 * up (a window it belonged to would take it along) and follows it. */
static void
switch_database (OutlayPreferencesWindow *self, const char *path)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
  if (!outlay_application_switch_database (self->application, path, &error))
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      toast (self, error->message);
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (self), main_window (self));
  fill_databases (self);
  gtk_window_present (GTK_WINDOW (self));
  toast (self, _("Opened the other database"));
}

/* ---- callbacks ---- */

static void
currency_selected_cb (OutlayPreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (self->currency_row);

  if (i < self->currencies->len)
    g_settings_set_string (self->settings, "default-currency",
                           g_ptr_array_index (self->currencies, i));
}

static void
fiscal_selected_cb (OutlayPreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (self->fiscal_row);

  if (i < 12)
    g_settings_set_int (self->settings, "fiscal-year-start-month", (int) i + 1);
}

static void
paper_selected_cb (OutlayPreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (self->paper_row);

  if (i < G_N_ELEMENTS (papers))
    g_settings_set_string (self->settings, "paper-size", papers[i]);
}

static void
recent_activated_cb (OutlayPreferencesWindow *self, GtkListBoxRow *row)
{
  g_autofree char *path = g_strdup (g_object_get_data (G_OBJECT (row), "outlay-path"));

  switch_database (self, path);
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, OutlayPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        switch_database (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* An existing database file: Outlay's own, or one copied from elsewhere. */
static void
open_clicked_cb (OutlayPreferencesWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = NULL;
  g_autofree char *dir = g_path_get_dirname (current_database (self));

  chooser = gtk_file_chooser_native_new (_("Open Another Database"), GTK_WINDOW (self),
                                            GTK_FILE_CHOOSER_ACTION_OPEN,
                                            _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Budget Databases (*.db)"));
  gtk_file_filter_add_suffix (filter, "db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  folder = g_file_new_for_path (dir);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- the window ---- */

static void
outlay_preferences_window_dispose (GObject *object)
{
  OutlayPreferencesWindow *self = OUTLAY_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->application);
  g_clear_pointer (&self->currencies, g_ptr_array_unref);
  G_OBJECT_CLASS (outlay_preferences_window_parent_class)->dispose (object);
}

static void
outlay_preferences_window_class_init (OutlayPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_preferences_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/outlay-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayPreferencesWindow, fiscal_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayPreferencesWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, OutlayPreferencesWindow, recent_list);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, recent_activated_cb);
}

static void
outlay_preferences_window_init (OutlayPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

OutlayPreferencesWindow *
outlay_preferences_window_new (OutlayApplication *application, GtkWindow *parent)
{
  OutlayPreferencesWindow *self;

  g_return_val_if_fail (OUTLAY_IS_APPLICATION (application), NULL);

  self = g_object_new (OUTLAY_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->application = g_object_ref (application);
  self->settings = g_object_ref (outlay_application_get_settings (application));
  fill_currencies (self);
  fill_months (self);
  fill_papers (self);
  fill_databases (self);
  /* connected once filled, so filling writes nothing */
  g_signal_connect_swapped (self->currency_row, "notify::selected",
                            G_CALLBACK (currency_selected_cb), self);
  g_signal_connect_swapped (self->fiscal_row, "notify::selected", G_CALLBACK (fiscal_selected_cb),
                            self);
  g_signal_connect_swapped (self->paper_row, "notify::selected", G_CALLBACK (paper_selected_cb),
                            self);
  return self;
}
