/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-sheet-view"

/* The sheet's rectangular selection, and copy and paste as TSV and HTML so
 * a range goes to and from LibreOffice and Google Sheets. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "outlay-sheet-view-private.h"

typedef struct
{
  guint top, bottom, left, right;
} Range;

/* The selection, or just the focused cell. */
static gboolean
current_range (OutlaySheetView *self, Range *range)
{
  OutlaySheetCell *cell = outlay_sheet_view_action_cell (self);
  guint row, col;

  if (cell == NULL)
    return FALSE;
  row = outlay_sheet_view_cell_row (cell);
  col = outlay_sheet_cell_get_column (cell);
  if (!self->has_anchor)
    {
      *range = (Range) { row, row, col, col };
      return TRUE;
    }
  *range = (Range) { MIN (row, self->anchor_row), MAX (row, self->anchor_row),
                     MIN (col, self->anchor_col), MAX (col, self->anchor_col) };
  return TRUE;
}

static gboolean
in_range (const Range *r, guint row, guint col)
{
  return row >= r->top && row <= r->bottom && col >= r->left && col <= r->right;
}

void
outlay_sheet_view_style_selection (OutlaySheetView *self,
                                   OutlaySheetCell *cell)
{
  Range r;
  gboolean selected = self->has_anchor && current_range (self, &r)
                      && in_range (&r, outlay_sheet_view_cell_row (cell), outlay_sheet_cell_get_column (cell));

  outlay_sheet_cell_set_selected (cell, selected);
}

static void
restyle_bound (OutlaySheetView *self)
{
  GHashTableIter iter;
  gpointer item;

  if (self->bound == NULL)
    return; /* disposed meanwhile */
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      OutlaySheetCell **cells = outlay_sheet_view_item_cells (item);

      for (guint c = 0; cells != NULL && c < OUTLAY_SHEET_N_COLUMNS; c++)
        if (cells[c] != NULL)
          outlay_sheet_view_style_selection (self, cells[c]);
    }
}

static gboolean
restyle_idle (gpointer data)
{
  restyle_bound (data);
  return G_SOURCE_REMOVE;
}

/**
 * outlay_sheet_view_select_to:
 * @self: the sheet
 * @from: the focused cell, where a new selection starts
 * @row: the row the selection now reaches
 * @column: the column it reaches
 */
void
outlay_sheet_view_select_to (OutlaySheetView *self,
                             OutlaySheetCell *from,
                             guint            row,
                             guint            column)
{
  if (!self->has_anchor)
    {
      self->has_anchor = TRUE;
      self->anchor_row = outlay_sheet_view_cell_row (from);
      self->anchor_col = outlay_sheet_cell_get_column (from);
    }
  /* styled once the focus has moved to (row, column) */
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, restyle_idle, g_object_ref (self), g_object_unref);
}

void
outlay_sheet_view_clear_selection (OutlaySheetView *self)
{
  if (!self->has_anchor)
    return;
  self->has_anchor = FALSE;
  restyle_bound (self);
}

/* ---- copy ---- */

static void copy_range (OutlaySheetView *self, const Range *range);

static void
append_tsv_cell (GString *tsv, const char *text)
{
  if (strpbrk (text, "\t\n\r\"") == NULL)
    {
      g_string_append (tsv, text);
      return;
    }
  g_string_append_c (tsv, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (tsv, '"');
      g_string_append_c (tsv, *p);
    }
  g_string_append_c (tsv, '"');
}

/**
 * outlay_sheet_view_copy:
 * @self: the sheet
 *
 * Puts the selection (or the focused cell) on the clipboard as
 * tab-separated text and as an HTML table.
 */
void
outlay_sheet_view_copy (OutlaySheetView *self)
{
  Range r;

  if (current_range (self, &r))
    copy_range (self, &r);
}

static void
copy_range (OutlaySheetView *self, const Range *range)
{
  g_autoptr(GString) tsv = g_string_new (NULL);
  g_autoptr(GString) html = g_string_new ("<table>");
  g_autoptr(GdkContentProvider) text_provider = NULL;
  g_autoptr(GdkContentProvider) html_provider = NULL;
  g_autoptr(GBytes) html_bytes = NULL;
  GdkContentProvider *providers[2];
  Range r = *range;

  for (guint row = r.top; row <= r.bottom; row++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->rows), row);

      g_string_append (html, "<tr>");
      for (guint col = r.left; col <= r.right; col++)
        {
          g_autofree char *text = outlay_sheet_view_plain_text (self, item, col);
          g_autofree char *escaped = g_markup_escape_text (text, -1);

          if (col > r.left)
            g_string_append_c (tsv, '\t');
          append_tsv_cell (tsv, text);
          g_string_append_printf (html, "<td>%s</td>", escaped);
        }
      g_string_append (tsv, "\n");
      g_string_append (html, "</tr>");
    }
  g_string_append (html, "</table>");

  text_provider = gdk_content_provider_new_typed (G_TYPE_STRING, tsv->str);
  html_bytes = g_bytes_new (html->str, html->len);
  html_provider = gdk_content_provider_new_for_bytes ("text/html", html_bytes);
  providers[0] = g_steal_pointer (&text_provider);
  providers[1] = g_steal_pointer (&html_provider);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)),
                             gdk_content_provider_new_union (providers, 2));
}

/* ---- paste ---- */

/* Where a paste lands, held until the clipboard (and maybe the user)
 * answers: by then the user may have switched budgets or deleted the
 * section. */
typedef struct
{
  OutlaySheetView *self;
  OutlayDocument  *document;
  OutlaySection   *section;
  guint            index;
  guint            column;
  gboolean insert;
  char *text;
} PasteTarget;

static void
paste_target_free (PasteTarget *target)
{
  g_object_unref (target->self);
  g_object_unref (target->document);
  g_object_unref (target->section);
  g_free (target->text);
  g_free (target);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PasteTarget, paste_target_free)

static gboolean
target_valid (PasteTarget *target)
{
  return target->self->document == target->document
         && outlay_document_find_section (target->document, target->section, NULL);
}

static void
paste_now (PasteTarget *target, gboolean insert)
{
  OutlaySheetView *self = target->self;
  g_autoptr(GError) error = NULL;
  OutlayLineField fields[OUTLAY_SHEET_N_COLUMNS];
  guint n = 0;
  gboolean ok;

  if (!target_valid (target))
    return;
  /* the block's columns go to the sheet's columns from the focused one on;
   * computed columns (variance) are skipped, as in a spreadsheet */
  for (guint c = target->column; c < OUTLAY_SHEET_N_COLUMNS; c++)
    fields[n++] = outlay_sheet_column_field (c) >= 0 ? (OutlayLineField) outlay_sheet_column_field (c)
                                                     : OUTLAY_LINE_N_FIELDS;
  if (insert)
    ok = outlay_document_paste_insert (target->document, target->section, target->index, fields, n,
                                       target->text, &error);
  else
    ok = outlay_document_paste (target->document, target->section, target->index, fields, n,
                                target->text, &error);
  if (!ok)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      outlay_sheet_view_message (self, error->message);
    }
}

static void
paste_response_cb (AdwMessageDialog *dialog, const char *response, PasteTarget *target)
{
  if (g_str_equal (response, "insert"))
    paste_now (target, TRUE);
  else if (g_str_equal (response, "replace"))
    paste_now (target, FALSE);
}

/* Pasting over lines with spending would put that spending under the
 * pasted descriptions: ask first, offering to insert instead. */
static void
ask_before_paste (PasteTarget *target, guint n_spent)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (target->self)));
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  body = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE,
                   "%u of the lines you are pasting over has actual, committed or "
                   "reserved amounts. Pasting over it keeps those amounts under "
                   "the pasted description.",
                   "%u of the lines you are pasting over have actual, committed "
                   "or reserved amounts. Pasting over them keeps those amounts "
                   "under the pasted descriptions.",
                   n_spent),
      n_spent);
  dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (window, _("Paste Over Lines With Spending?"), body));
  adw_message_dialog_add_responses (
      dialog, "cancel",
      _("_Cancel"), "insert", _("_Insert as New Lines"), "replace", _("_Paste Over"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "insert");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (paste_response_cb), target,
                         (GClosureNotify) (void (*) (void)) paste_target_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
paste_text_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(PasteTarget) target = user_data;
  guint n_spent;

  target->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (target->text == NULL || !target_valid (target))
    return;
  n_spent = target->insert ? 0
                           : outlay_document_paste_count_spent (target->document, target->section,
                                                                target->index, target->text);
  if (n_spent > 0 && !outlay_document_get_read_only (target->document))
    ask_before_paste (g_steal_pointer (&target), n_spent);
  else
    paste_now (target, target->insert);
}

/**
 * outlay_sheet_view_paste:
 * @self: the sheet
 * @insert: %TRUE to add the copied rows as new lines above the focused
 *   one ("Insert Copied Lines"), %FALSE to paste over the lines from the
 *   focused cell on
 *
 * Pastes a tab-separated block from the clipboard, adding lines when the
 * block is longer, as one undoable step. Pasting over lines that carry
 * actual, committed or reserved amounts asks first.
 */
void
outlay_sheet_view_paste (OutlaySheetView *self, gboolean insert)
{
  OutlaySheetCell *cell = outlay_sheet_view_action_cell (self);
  PasteTarget *target;
  GObject *item;

  if (cell == NULL || self->document == NULL)
    return;
  item = outlay_sheet_view_cell_item (cell);
  target = g_new0 (PasteTarget, 1);
  target->self = g_object_ref (self);
  target->document = g_object_ref (self->document);
  target->column = outlay_sheet_cell_get_column (cell);
  target->insert = insert;
  if (OUTLAY_IS_LINE (item))
    {
      target->section = g_object_ref (outlay_line_get_section (OUTLAY_LINE (item)));
      outlay_section_find_line (target->section, OUTLAY_LINE (item), &target->index);
    }
  else
    target->section = g_object_ref (OUTLAY_SECTION (item));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL,
                                 paste_text_cb, target);
}

/**
 * outlay_sheet_view_cut:
 * @self: the sheet
 *
 * Copies the selected lines, every column, and deletes them as one
 * undoable step; "Insert Copied Lines" on the Code column puts them back
 * elsewhere.
 */
void
outlay_sheet_view_cut (OutlaySheetView *self)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Range r;

  if (self->document == NULL || !current_range (self, &r))
    return;
  for (guint row = r.top; row <= r.bottom; row++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->rows), row);

      if (OUTLAY_IS_LINE (item))
        g_ptr_array_add (lines, item);
    }
  if (lines->len == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  copy_range (self, &(Range){ r.top, r.bottom, 0, OUTLAY_SHEET_N_COLUMNS - 1 });
  if (!outlay_document_delete_lines (self->document, (OutlayLine **) lines->pdata, lines->len,
                                     &error))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      outlay_sheet_view_message (self, error->message);
    }
  outlay_sheet_view_clear_selection (self);
}
