/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-versions-dialog"

/* The rows of the Compare page: which sections' sums moved, and which
 * lines were added, removed or changed, each with its delta. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-currency.h"
#include "outlay-versions-compare.h"

/* Wide enough for "−$99,999,999.00" with its icon */
#define DELTA_WIDTH  136
/* Wide enough for "$99,999,999.00 → $99,999,999.00" */
#define CHANGE_WIDTH 220
/* More rows than anyone reads; a budget replaced wholesale stays quick */
#define MAX_ROWS     300

/**
 * outlay_versions_format_delta:
 * @delta: a difference
 * @currency: its currency
 *
 * A difference as the Compare page shows it: outlay_currency_format(),
 * with a "+" in front of an increase ("+$1,200.00", "−$300.00", "$0.00").
 *
 * Returns: (transfer full): the text
 */
char *
outlay_versions_format_delta (OutlayDecimal  delta,
                              const char    *currency)
{
  g_autofree char *text = outlay_currency_format (delta, currency);

  if (delta > 0)
    return g_strconcat ("+", text, NULL);
  return g_steal_pointer (&text);
}

/**
 * outlay_versions_style_delta:
 * @box: the widget around the delta's icon and text
 * @icon: the icon
 * @delta: the difference shown
 *
 * Marks an increase or decrease with an arrow and a name for screen
 * readers as well as a colour; no change is dimmed and has no arrow.
 */
void
outlay_versions_style_delta (GtkWidget     *box,
                             GtkImage      *icon,
                             OutlayDecimal  delta)
{
  const char *name = delta > 0 ? _("Increase") : _("Decrease");

  gtk_widget_remove_css_class (box, "error");
  gtk_widget_remove_css_class (box, "success");
  gtk_widget_remove_css_class (box, "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (icon), delta != 0);
  if (delta == 0)
    {
      gtk_widget_add_css_class (box, "dim-label");
      return;
    }
  /* more cost is the warning sign in a budget */
  gtk_widget_add_css_class (box, delta > 0 ? "error" : "success");
  gtk_image_set_from_icon_name (icon, delta > 0 ? "go-up-symbolic" : "go-down-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (icon), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* A right-aligned delta of a fixed width; @text NULL for none. */
static GtkWidget *
delta_widget (const char *text, OutlayDecimal delta)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_size_request (box, DELTA_WIDTH, -1);
  /* the icon's hexpand pushes it right; the column stays fixed */
  gtk_widget_set_hexpand (box, FALSE);
  gtk_widget_set_halign (icon, GTK_ALIGN_END);
  gtk_widget_set_hexpand (icon, TRUE);
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  if (text != NULL)
    outlay_versions_style_delta (box, GTK_IMAGE (icon), delta);
  else
    gtk_widget_set_visible (icon, FALSE);
  return box;
}

static GtkWidget *
money_delta (OutlayDecimal delta, const char *currency)
{
  g_autofree char *text = outlay_versions_format_delta (delta, currency);

  return delta_widget (text, delta);
}

static GtkWidget *
cell (const char *text, int width_chars, float xalign, gboolean expand)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_width_chars (GTK_LABEL (label), width_chars);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, expand);
  return label;
}

/* "from → to", dimmed, in a column of its own. */
static GtkWidget *
change_cell (const char *from, const char *to, gboolean numeric)
{
  /* Translators: a value before and after, "$1,000.00 → $1,200.00" */
  g_autofree char *text = g_strdup_printf (_("%s → %s"), from, to);
  GtkWidget *label = cell (text, 0, 1, FALSE);

  gtk_widget_set_size_request (label, CHANGE_WIDTH, -1);
  gtk_widget_set_tooltip_text (label, text);
  gtk_widget_add_css_class (label, "dim-label");
  if (numeric)
    {
      gtk_widget_add_css_class (label, "numeric");
      /* an amount is never cut short */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
    }
  return label;
}

static GtkWidget *
row_box (GtkListBox *list, const char *css)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_add_css_class (row, css);
  gtk_list_box_append (list, row);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (row)), FALSE);
  return row;
}

static void
add_cells (GtkWidget *row, ...) G_GNUC_NULL_TERMINATED;

static void
add_cells (GtkWidget *row, ...)
{
  va_list args;
  GtkWidget *child;

  va_start (args, row);
  while ((child = va_arg (args, GtkWidget *)) != NULL)
    gtk_box_append (GTK_BOX (row), child);
  va_end (args);
}

static GtkWidget *
header_cell (const char *text, int width_chars, int width, float xalign, gboolean expand)
{
  GtkWidget *label = cell (text, width_chars, xalign, expand);

  if (width > 0)
    gtk_widget_set_size_request (label, width, -1);
  return label;
}

/* A heading with a count and a boxed list under it, in @results. */
static GtkListBox *
add_group (GtkBox *results, const char *title, guint n, const char *accessible)
{
  GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (title);
  g_autofree char *count_text = g_strdup_printf ("%u", n);
  GtkWidget *count = gtk_label_new (count_text);
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (count, "fact-badge");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (heading), label);
  gtk_box_append (GTK_BOX (heading), count);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_box_append (GTK_BOX (group), heading);
  gtk_box_append (GTK_BOX (group), list);
  gtk_box_append (results, group);
  return GTK_LIST_BOX (list);
}

static void
add_more_row (GtkListBox *list, guint n_more)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more",
                                                        "And %u more", n_more), n_more);
  GtkWidget *row = row_box (list, "section-row");
  GtkWidget *label = cell (text, 0, 0, TRUE);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (row), label);
}

/* ---- sections ---- */

static gboolean
section_moved (const OutlaySectionDelta *d)
{
  return d->from.estimate != d->to.estimate || d->from.actual != d->to.actual;
}

static void
add_section_rows (GtkBox *results, OutlayComparison *cmp)
{
  GtkListBox *list;
  guint n = 0;
  GtkWidget *row;

  for (guint i = 0; i < cmp->sections->len; i++)
    n += section_moved (g_ptr_array_index (cmp->sections, i));
  if (n == 0)
    return;
  list = add_group (results, _("Sections"), n, _("Sections whose estimate changed"));
  row = row_box (list, "section-header");
  gtk_widget_add_css_class (row, "dim-label");
  add_cells (row, header_cell (_("Code"), 4, 0, 0, FALSE),
             header_cell (_("Section"), 8, 0, 0, TRUE),
             header_cell (_("Estimate"), 0, CHANGE_WIDTH, 1, FALSE),
             header_cell (_("Difference"), 0, DELTA_WIDTH, 1, FALSE), NULL);
  for (guint i = 0; i < cmp->sections->len; i++)
    {
      OutlaySectionDelta *d = g_ptr_array_index (cmp->sections, i);
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      if (!section_moved (d))
        continue;
      from = outlay_currency_format (d->from.estimate, cmp->currency);
      to = outlay_currency_format (d->to.estimate, cmp->currency);
      row = row_box (list, "section-row");
      add_cells (row, cell (d->code, 4, 0, FALSE), cell (d->name, 8, 0, TRUE),
                 change_cell (from, to, TRUE),
                 money_delta (outlay_comparison_delta (d->from.estimate, d->to.estimate),
                              cmp->currency), NULL);
    }
}

/* ---- added and removed lines ---- */

static GtkWidget *
code_cell (const char *code)
{
  GtkWidget *label = cell (*code != '\0' ? code : "—", 5, 0, FALSE);

  gtk_widget_add_css_class (label, "numeric");
  return label;
}

static void
add_line_rows (GtkBox *results, GPtrArray *lines, const char *title, const char *accessible,
               int sign, const char *currency)
{
  GtkListBox *list;
  GtkWidget *row;

  if (lines->len == 0)
    return;
  list = add_group (results, title, lines->len, accessible);
  row = row_box (list, "section-header");
  gtk_widget_add_css_class (row, "dim-label");
  add_cells (row, header_cell (_("Code"), 5, 0, 0, FALSE),
             header_cell (_("Description"), 8, 0, 0, TRUE),
             header_cell (_("Section"), 0, 60, 0, FALSE),
             header_cell (_("Estimate"), 0, DELTA_WIDTH, 1, FALSE), NULL);
  for (guint i = 0; i < lines->len && i < MAX_ROWS; i++)
    {
      OutlayComparedLine *l = g_ptr_array_index (lines, i);
      GtkWidget *section = cell (l->section, 0, 0, FALSE);

      gtk_widget_set_size_request (section, 60, -1);
      gtk_widget_add_css_class (section, "dim-label");
      row = row_box (list, "section-row");
      add_cells (row, code_cell (l->code), cell (l->description, 8, 0, TRUE), section,
                 money_delta (sign * l->estimate, currency), NULL);
    }
  if (lines->len > MAX_ROWS)
    add_more_row (list, lines->len - MAX_ROWS);
}

/* ---- changed lines ---- */

static gboolean
is_money (OutlayLineField field)
{
  return field < OUTLAY_LINE_N_FIELDS && outlay_line_field_is_decimal (field)
         && field != OUTLAY_LINE_QUANTITY && field != OUTLAY_LINE_MULTIPLIER;
}

/* outlay_currency_format_plain() text as the user reads money. */
static char *
money_text (const char *json, const char *currency)
{
  OutlayDecimal value;

  if (!outlay_decimal_parse_full (json, -1, OUTLAY_DECIMAL_STYLE_POINT, &value, NULL, NULL))
    return g_strdup (json);
  return outlay_currency_format (value, currency);
}

/* "Rate $850.00 → $1,000.00 · Days 8 → 10": every field but the
 * estimate, which has its own column. */
static char *
fields_text (OutlayComparison *cmp, OutlayLineChange *l)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint k = l->first; k < l->first + l->n_fields; k++)
    {
      OutlayFieldChange *c = g_ptr_array_index (cmp->changed, k);
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      if (c->field == OUTLAY_LINE_ESTIMATE)
        continue;
      from = is_money (c->field) ? money_text (c->from, cmp->currency)
                                 : g_strdup (*c->from != '\0' ? c->from : _("(empty)"));
      to = is_money (c->field) ? money_text (c->to, cmp->currency)
                               : g_strdup (*c->to != '\0' ? c->to : _("(empty)"));
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: one changed field, "Rate $850.00 → $1,000.00" */
      g_string_append_printf (text, _("%s %s → %s"), c->field < OUTLAY_LINE_N_FIELDS
                                                          ? outlay_line_field_title (c->field)
                                                          : _("Section"), from, to);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The description, and under it what else changed, small and dimmed. */
static GtkWidget *
description_cell (const char *description, const char *fields)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = cell (description, 8, 0, TRUE);

  gtk_box_append (GTK_BOX (box), title);
  if (*fields != '\0')
    {
      GtkWidget *detail = cell (fields, 8, 0, TRUE);

      gtk_widget_add_css_class (detail, "caption");
      gtk_widget_add_css_class (detail, "dim-label");
      gtk_widget_set_tooltip_text (detail, fields);
      gtk_box_append (GTK_BOX (box), detail);
    }
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  return box;
}

static void
add_change_rows (GtkBox *results, OutlayComparison *cmp)
{
  GtkListBox *list;
  GtkWidget *row;

  if (cmp->lines->len == 0)
    return;
  list = add_group (results, _("Changed Lines"), cmp->lines->len, _("Changed lines"));
  row = row_box (list, "section-header");
  gtk_widget_add_css_class (row, "dim-label");
  add_cells (row, header_cell (_("Code"), 5, 0, 0, FALSE),
                               header_cell (_("Description"), 8, 0, 0, TRUE),
                                            header_cell (_("Estimate"), 0, CHANGE_WIDTH, 1, FALSE),
                                                         header_cell (_("Difference"), 0,
                                                                         DELTA_WIDTH, 1, FALSE),
                                                                      NULL);
  for (guint i = 0; i < cmp->lines->len && i < MAX_ROWS; i++)
    {
      OutlayLineChange *l = g_ptr_array_index (cmp->lines, i);
      g_autofree char *fields = fields_text (cmp, l);
      g_autofree char *from = outlay_currency_format (l->from_estimate, cmp->currency);
      g_autofree char *to = outlay_currency_format (l->to_estimate, cmp->currency);
      GtkWidget *estimate = change_cell (from, to, TRUE);
      OutlayDecimal delta = outlay_comparison_delta (l->from_estimate, l->to_estimate);

      if (delta == 0)
        gtk_label_set_text (GTK_LABEL (estimate), to);
      row = row_box (list, "section-row");
      add_cells (row, code_cell (l->code), description_cell (l->description, fields), estimate,
                 money_delta (delta, cmp->currency), NULL);
    }
  if (cmp->lines->len > MAX_ROWS)
    add_more_row (list, cmp->lines->len - MAX_ROWS);
}

static void
add_no_changes (GtkBox *results)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "object-select-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("No Differences"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                   _("Every line is the same in both."));
  gtk_widget_add_css_class (page, "compact");
  gtk_box_append (results, page);
}

/**
 * outlay_versions_compare_fill:
 * @results: the box to fill; emptied first
 * @comparison: what changed
 * @to: the newer side
 *
 * Section deltas, then lines added, removed and changed (one row each,
 * the changed fields under the description).
 */
void
outlay_versions_compare_fill (GtkBox           *results,
                              OutlayComparison *comparison,
                              OutlayDocument   *to)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (results))) != NULL)
    gtk_box_remove (results, child);
  if (comparison == NULL)
    return;
  if (comparison->changed->len == 0 && comparison->added->len == 0
      && comparison->removed->len == 0)
    {
      add_no_changes (results);
      return;
    }
  add_section_rows (results, comparison);
  add_line_rows (results, comparison->added, _("Added Lines"), _("Added lines"), 1,
                 comparison->currency);
  add_line_rows (results, comparison->removed, _("Removed Lines"), _("Removed lines"), -1,
                 comparison->currency);
  add_change_rows (results, comparison);
}

/**
 * outlay_versions_compare_summary:
 * @comparison: what changed
 *
 * Returns: (transfer full): "2 lines changed · 1 added · none removed"
 */
char *
outlay_versions_compare_summary (OutlayComparison *comparison)
{
  guint changed = comparison->lines->len;
  guint added = comparison->added->len;
  guint removed = comparison->removed->len;
  g_autofree char *a = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line changed",
                                                     "%u lines changed", changed), changed);
  g_autofree char *b = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u added", "%u added",
                                                     added), added);
  g_autofree char *c = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u removed",
                                                     "%u removed", removed), removed);

  /* Translators: "2 lines changed · 1 added · 0 removed" */
  return g_strdup_printf (_("%s · %s · %s"), a, b, c);
}
