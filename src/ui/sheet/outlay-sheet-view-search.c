/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-sheet-view"

/* The sheet's find bar (Ctrl+F): what matches a search, how many lines
 * do, and what shows when none does. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-sheet-view-private.h"

static gboolean
contains (const char *text, const char *folded_filter)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return strstr (folded, folded_filter) != NULL;
}

/* A line matches by its code, description or notes, or by the name of its
 * section: searching "Camera" shows the whole camera section. */
gboolean
outlay_sheet_view_section_matches (OutlaySheetView *self, OutlaySection *section)
{
  return self->filter != NULL && contains (outlay_section_get_name (section), self->filter);
}

gboolean
outlay_sheet_view_line_matches (OutlaySheetView *self, OutlayLine *line)
{
  const OutlayLineField fields[] = { OUTLAY_LINE_CODE, OUTLAY_LINE_DESCRIPTION, OUTLAY_LINE_NOTES };

  if (self->filter == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (contains (outlay_line_get_text (line, fields[i]), self->filter))
      return TRUE;
  return FALSE;
}

/* After a rebuild: "12 lines match" beside the entry, and in place of an
 * empty sheet a page that says nothing matches. */
void
outlay_sheet_view_show_matches (OutlaySheetView *self, guint n_lines, gboolean any_row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *count = NULL;
  g_autofree char *title = NULL;

  if (self->body == NULL) /* still being built */
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->match_label), self->filter != NULL);
  gtk_stack_set_visible_child_name (self->body,
                                    self->filter != NULL && !any_row ? "empty" : "sheet");
  if (self->filter == NULL)
    return;
  count = n_lines == 0
      ? g_strdup (_("No lines match"))
      /* Translators: beside the sheet's find entry */
      : g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%u line matches", "%u lines match", n_lines), n_lines);
  gtk_label_set_text (self->match_label, count);
  /* Translators: the sheet when a search finds nothing, "No lines match “Marketing”" */
  title = g_strdup_printf (_("No lines match “%s”"), text);
  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty_page), title);
}

/* GtkSearchEntry already waits a moment after the last key. */
void
outlay_sheet_view_search_changed_cb (OutlaySheetView *self)
{
  g_autofree char *text = g_strstrip (
      g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  g_free (self->filter);
  self->filter = *text != '\0' ? g_utf8_casefold (text, -1) : NULL;
  outlay_sheet_view_rebuild (self);
}

static void
stop_search_cb (OutlaySheetView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  outlay_sheet_view_focus_cell (self, 0, OUTLAY_SHEET_COLUMN_DESCRIPTION);
}

/* Closed with its button: the lines it hid come back too. */
static void
search_mode_cb (OutlaySheetView *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar)
      && *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      outlay_sheet_view_search_changed_cb (self);
    }
}

/* The find bar, hidden until Ctrl+F. */
GtkWidget *
outlay_sheet_view_init_search (OutlaySheetView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->search_entry = gtk_search_entry_new ();
  gtk_widget_set_size_request (self->search_entry, 240, -1);
  /* the property exists in 4.8; its setter came in 4.10 */
  g_object_set (self->search_entry, "placeholder-text",
                _("Find lines by code, description, notes or section"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Find Lines"), -1);
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (outlay_sheet_view_search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self);
  self->match_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->match_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->match_label), "numeric");
  gtk_widget_set_visible (GTK_WIDGET (self->match_label), FALSE);
  gtk_box_append (GTK_BOX (box), self->search_entry);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->match_label));
  self->search_bar = GTK_SEARCH_BAR (gtk_search_bar_new ());
  gtk_search_bar_set_child (self->search_bar, box);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_show_close_button (self->search_bar, TRUE);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled",
                            G_CALLBACK (search_mode_cb), self);

  self->empty_page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty_page), "edit-find-symbolic");
  adw_status_page_set_description (ADW_STATUS_PAGE (self->empty_page),
                                   _("Search for a code, a description, a note or a section’s "
                                     "name"));
  return GTK_WIDGET (self->search_bar);
}
