/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-sheet-view"

/* Which columns the sheet shows, chosen from the footer's Columns menu and
 * remembered per budget kind (a household budget needs no "Days"). */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-sheet-view-private.h"

static const char *const column_ids[OUTLAY_SHEET_N_COLUMNS] = {
  "code",      "description", "qty",       "unit",     "multiplier",
  "rate",      "estimate",    "actual",    "variance", "variance-percent",
  "committed", "reserved",    "available", "notes",    "vendor",
  "assignee",  "date",        "period",
};

/* An optional column some line of the budget fills. */
static gboolean
has_data (OutlaySheetView *self, guint column)
{
  static const OutlayLineField fields[] = {
    [OUTLAY_SHEET_COLUMN_VENDOR] = OUTLAY_LINE_VENDOR,
    [OUTLAY_SHEET_COLUMN_ASSIGNEE] = OUTLAY_LINE_ASSIGNEE,
    [OUTLAY_SHEET_COLUMN_DATE] = OUTLAY_LINE_DATE,
    [OUTLAY_SHEET_COLUMN_PERIOD] = OUTLAY_LINE_PERIOD,
  };

  if (column < OUTLAY_SHEET_COLUMN_VENDOR)
    return TRUE;
  for (guint s = 0; s < outlay_document_get_n_sections (self->document); s++)
    {
      OutlaySection *section = outlay_document_get_section (self->document, s);

      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        if (*outlay_line_get_text (outlay_section_get_line (section, l), fields[column]) != '\0')
          return TRUE;
    }
  return FALSE;
}

static GtkColumnViewColumn *
nth_column (OutlaySheetView *self, guint column)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (columns, column);

  return c; /* the view keeps it alive */
}

gboolean
outlay_sheet_view_column_visible (OutlaySheetView *self,
                                  guint            column)
{
  return gtk_column_view_column_get_visible (nth_column (self, column));
}

static const char *
kind_id (OutlaySheetView *self)
{
  return outlay_budget_kind_to_string (outlay_budget_get_kind (outlay_document_get_budget (self->document)));
}

/* The hidden column names for this budget kind, from GSettings. */
static GStrv
hidden_for_kind (OutlaySheetView *self)
{
  g_autoptr(GVariant) all = g_settings_get_value (self->settings, "hidden-columns");
  g_autoptr(GVariant) list = g_variant_lookup_value (all, kind_id (self), G_VARIANT_TYPE ("as"));

  return list != NULL ? g_variant_dup_strv (list, NULL) : g_new0 (char *, 1);
}

void
outlay_sheet_view_apply_columns (OutlaySheetView *self)
{
  g_auto(GStrv) hidden = NULL;

  if (self->settings == NULL || self->document == NULL)
    return;
  hidden = hidden_for_kind (self);
  for (guint c = 0; c < OUTLAY_SHEET_N_COLUMNS; c++)
    {
      gboolean visible = !g_strv_contains ((const char *const *) hidden, column_ids[c])
                         && has_data (self, c);

      gtk_column_view_column_set_visible (nth_column (self, c), visible);
      if (self->column_checks[c] != NULL)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (self->column_checks[c]), visible);
    }
}

static void
save_hidden (OutlaySheetView *self)
{
  g_autoptr(GVariant) old = g_settings_get_value (self->settings, "hidden-columns");
  GVariantBuilder dict, list;
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_variant_builder_init (&dict, G_VARIANT_TYPE ("a{sas}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s@as}", &key, &value))
    {
      if (!g_str_equal (key, kind_id (self)))
        g_variant_builder_add (&dict, "{s@as}", key, value);
      g_variant_unref (value);
    }
  g_variant_builder_init (&list, G_VARIANT_TYPE ("as"));
  /* an empty optional column is not hidden by choice */
  for (guint c = 0; c < OUTLAY_SHEET_N_COLUMNS; c++)
    if (!outlay_sheet_view_column_visible (self, c) && has_data (self, c))
      g_variant_builder_add (&list, "s", column_ids[c]);
  g_variant_builder_add (&dict, "{s@as}", kind_id (self), g_variant_builder_end (&list));
  g_settings_set_value (self->settings, "hidden-columns", g_variant_builder_end (&dict));
}

static void
check_toggled_cb (GtkCheckButton *check, OutlaySheetView *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "column"));
  gboolean active = gtk_check_button_get_active (check);

  if (active == outlay_sheet_view_column_visible (self, column) || self->document == NULL)
    return;
  gtk_column_view_column_set_visible (nth_column (self, column), active);
  if (self->settings != NULL)
    save_hidden (self);
}

/* Clears a sort from the column headers. */
static void
budget_order_cb (OutlaySheetView *self)
{
  gtk_column_view_sort_by_column (self->column_view, NULL, GTK_SORT_ASCENDING);
}

/**
 * outlay_sheet_view_columns_button:
 * @self: the sheet
 *
 * Returns: (transfer none): the footer's Columns menu button
 */
GtkWidget *
outlay_sheet_view_columns_button (OutlaySheetView *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-horizontal-symbolic");
  gtk_widget_set_tooltip_text (button, _("Columns"));
  gtk_widget_add_css_class (button, "flat");
  gtk_menu_button_set_direction (GTK_MENU_BUTTON (button), GTK_ARROW_UP);
  for (guint c = 0; c < OUTLAY_SHEET_N_COLUMNS; c++)
    {
      GtkColumnViewColumn *column = nth_column (self, c);
      GtkWidget *check = gtk_check_button_new_with_label (gtk_column_view_column_get_title (column));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_object_set_data (G_OBJECT (check), "column", GUINT_TO_POINTER (c));
      g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
      gtk_box_append (GTK_BOX (box), check);
      self->column_checks[c] = check;
    }
  outlay_sheet_view_update_multiplier_title (self);
  {
    GtkWidget *order = gtk_button_new_with_mnemonic (_("Show in _Budget Order"));

    gtk_widget_set_margin_top (order, 6);
    g_signal_connect_swapped (order, "clicked", G_CALLBACK (budget_order_cb), self);
    gtk_box_append (GTK_BOX (box), order);
  }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  return button;
}

/**
 * outlay_sheet_view_set_settings:
 * @self: the sheet
 * @settings: the application's settings, where hidden columns are kept
 */
void
outlay_sheet_view_set_settings (OutlaySheetView *self,
                                GSettings       *settings)
{
  g_return_if_fail (OUTLAY_IS_SHEET_VIEW (self));
  g_set_object (&self->settings, settings);
  outlay_sheet_view_apply_columns (self);
}

/* ---- the multiplier's header follows the lines' units ---- */

typedef enum
{
  SENSE_NONE,
  SENSE_DAYS,
  SENSE_HOURS,
  SENSE_WEEKS,
  SENSE_MONTHS,
  SENSE_MIXED,
} UnitSense;

/* What a line's unit says its multiplier counts; SENSE_NONE for units
 * that are not spans of time ("flat", "each", none). */
static UnitSense
unit_sense (const char *unit)
{
  static const struct
  {
    const char *unit;
    UnitSense sense;
  } units[] = {
    { "day", SENSE_DAYS },      { "days", SENSE_DAYS },  { "d", SENSE_DAYS },
    { "dy", SENSE_DAYS },       { "dys", SENSE_DAYS },   { "hour", SENSE_HOURS },
    { "hours", SENSE_HOURS },   { "h", SENSE_HOURS },    { "hr", SENSE_HOURS },
    { "hrs", SENSE_HOURS },     { "week", SENSE_WEEKS }, { "weeks", SENSE_WEEKS },
    { "wk", SENSE_WEEKS },      { "wks", SENSE_WEEKS },  { "month", SENSE_MONTHS },
    { "months", SENSE_MONTHS }, { "mo", SENSE_MONTHS },  { "mth", SENSE_MONTHS },
  };
  gsize len;

  while (g_ascii_isspace (*unit) || *unit == '/')
    unit++;
  if (g_ascii_strncasecmp (unit, "per ", 4) == 0)
    unit += 4;
  len = strlen (unit);
  while (len > 0 && (g_ascii_isspace (unit[len - 1]) || unit[len - 1] == '.'))
    len--;
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (strlen (units[i].unit) == len && g_ascii_strncasecmp (unit, units[i].unit, len) == 0)
      return units[i].sense;
  return SENSE_NONE;
}

static UnitSense
document_sense (OutlayDocument *document)
{
  UnitSense sense = SENSE_NONE;

  for (guint s = 0; document != NULL && s < outlay_document_get_n_sections (document); s++)
    {
      OutlaySection *section = outlay_document_get_section (document, s);

      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        {
          UnitSense line = unit_sense (outlay_line_get_unit (outlay_section_get_line (section, l)));

          if (line == SENSE_NONE || line == sense)
            continue;
          if (sense != SENSE_NONE)
            return SENSE_MIXED;
          sense = line;
        }
    }
  return sense;
}

/* "Days" over lines priced by the day, "Hours" by the hour, and a plain
 * "×" (what the column does; "Multiplier" does not fit it) when they are
 * mixed or say no span of time. */
void
outlay_sheet_view_update_multiplier_title (OutlaySheetView *self)
{
  const char *titles[] = {
    /* Translators: the multiplier column's header when the lines count
     * mixed or no units of time: qty × this × rate */
    [SENSE_NONE] = C_("column", "×"),      [SENSE_DAYS] = C_("column", "Days"),
    [SENSE_HOURS] = C_("column", "Hours"), [SENSE_WEEKS] = C_("column", "Weeks"),
    [SENSE_MONTHS] = C_("column", "Months"), [SENSE_MIXED] = C_("column", "×"),
  };
  /* Translators: the multiplier column in the Columns menu and in
   * "qty × %s × rate", when it counts no one unit of time */
  const char
      *words[] = {
        [SENSE_NONE] = C_("multiplier", "multiplier"),
                           [SENSE_DAYS] = C_("multiplier", "days"),
                                              [SENSE_HOURS] = C_("multiplier", "hours"),
                                                                  [SENSE_WEEKS] = C_("multiplier", "weeks"),
                                                                                      [SENSE_MONTHS] = C_("multiplier", "months"),
                                                                                                           [SENSE_MIXED] = C_("multiplier", "multiplier"),
                                                                                                           };
  GtkColumnViewColumn *column = nth_column (self, OUTLAY_SHEET_COLUMN_MULTIPLIER);
  guint sense = document_sense (self->document);
  const char *title = titles[sense];
  GtkWidget *check = self->column_checks[OUTLAY_SHEET_COLUMN_MULTIPLIER];

  self->multiplier_word = words[sense];
  if (g_strcmp0 (gtk_column_view_column_get_title (column), title) != 0)
    gtk_column_view_column_set_title (column, title);
  /* the menu names the column as the header does, and a bare "×" by
   * what it is */
  if (check != NULL)
    {
      g_autofree char *label = sense == SENSE_NONE || sense == SENSE_MIXED
          ? g_strdup (C_("column", "Multiplier"))
          : g_strdup (title);

      if (g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), label) != 0)
        gtk_check_button_set_label (GTK_CHECK_BUTTON (check), label);
    }
}

/**
 * outlay_sheet_view_multiplier_word:
 * @self: the sheet
 *
 * Returns: what the multiplier counts over the open budget's lines, in
 *   lower case for a sentence ("days", "hours", or "multiplier")
 */
const char *
outlay_sheet_view_multiplier_word (OutlaySheetView *self)
{
  return self->multiplier_word != NULL ? self->multiplier_word : C_("multiplier", "multiplier");
}

/**
 * outlay_sheet_view_overridden_tip:
 * @self: the sheet
 *
 * The tooltip of an estimate typed by hand, naming the multiplier as the
 * header does.  Cells keep the pointer: each text is made once and lives
 * as long as the program.
 *
 * Returns: (transfer none): the tooltip
 */
const char *
outlay_sheet_view_overridden_tip (OutlaySheetView *self)
{
  static GHashTable *tips; /* word → tooltip, never freed */
  const char *word = outlay_sheet_view_multiplier_word (self);
  char *tip;

  if (tips == NULL)
    tips = g_hash_table_new (g_str_hash, g_str_equal);
  tip = g_hash_table_lookup (tips, word);
  if (tip == NULL)
    {
      /* Translators: %s is what the multiplier counts: "days", "hours",
       * … or "multiplier" */
      tip = g_strdup_printf (_("Typed by hand. Clear the cell to use qty × %s × rate."), word);
      g_hash_table_insert (tips, (gpointer) word, tip);
    }
  return tip;
}

/**
 * outlay_sheet_view_held_tip:
 * @n: how many commitments hold part of a line's amount
 *
 * The tooltip of an amount commitments hold part of.  Cells keep the
 * pointer: each text is made once and lives as long as the program.
 *
 * Returns: (transfer none): the tooltip
 */
const char *
outlay_sheet_view_held_tip (guint n)
{
  static GHashTable *tips; /* count → tooltip, never freed */
  char *tip;

  if (tips == NULL)
    tips = g_hash_table_new (g_direct_hash, g_direct_equal);
  tip = g_hash_table_lookup (tips, GUINT_TO_POINTER (n));
  if (tip == NULL)
    {
      tip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Includes what %u commitment holds (Commitments page); "
                                          "what you type here is the rest.",
                                          "Includes what %u commitments hold (Commitments page); "
                                          "what you type here is the rest.",
                                          n),
                             n);
      g_hash_table_insert (tips, GUINT_TO_POINTER (n), tip);
    }
  return tip;
}
