/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-currency.h"
#include "outlay-document-private.h"
#include "outlay-error.h"

/* Longest text a cell keeps; longer input is refused rather than cut. */
#define MAX_CELL_TEXT (64 * 1024)

static gboolean
check_line (OutlayDocument *self, OutlayLine *line, GError **error)
{
  OutlaySection *section = outlay_line_get_section (line);

  if (section == NULL || !outlay_document_find_section (self, section, NULL))
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                           _("That line is no longer part of this budget"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
invalid_argument (GError **error, const char *message)
{
  g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT, message);
  return FALSE;
}

static OutlayDecimal *
state_decimal (OutlayLineState *state, OutlayLineField field)
{
  return &state->decimals[outlay_line_decimal_slot (field)];
}

/* Keeps estimate = qty × multiplier × rate unless it was typed. */
gboolean
outlay_document_line_state_recompute (OutlayLineState *state, GError **error)
{
  OutlayDecimal qm;

  if (state->overridden)
    return TRUE;
  if (!outlay_decimal_mul (*state_decimal (state, OUTLAY_LINE_QUANTITY),
                           *state_decimal (state, OUTLAY_LINE_MULTIPLIER), &qm)
      || !outlay_decimal_mul (qm, *state_decimal (state, OUTLAY_LINE_RATE),
                              state_decimal (state, OUTLAY_LINE_ESTIMATE)))
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW,
                           _("Qty × days × rate is larger than Outlay can hold (±922 trillion)"));
      return FALSE;
    }
  return TRUE;
}

static void
state_set_decimal (OutlayLineState *state, OutlayLineField field, OutlayDecimal value)
{
  *state_decimal (state, field) = value;
  if (field == OUTLAY_LINE_ESTIMATE)
    state->overridden = TRUE;
}

static gboolean
state_set_text (OutlayLineState *state, OutlayLineField field, const char *text, GError **error)
{
  int slot = outlay_line_text_slot (field);

  if (text != NULL && strlen (text) > MAX_CELL_TEXT)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("%s: the text is too long (more than %d characters)"),
                   outlay_line_field_title (field), MAX_CELL_TEXT);
      return FALSE;
    }
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("%s: the text is not valid UTF-8"), outlay_line_field_title (field));
      return FALSE;
    }
  g_free (state->texts[slot]);
  state->texts[slot] = (text != NULL && *text != '\0') ? g_strdup (text) : NULL;
  return TRUE;
}

/* Parses a cell as typed.  An empty estimate means "back to the formula". */
static gboolean
state_set_from_text (OutlayLineState *state, OutlayLineField field, const char *text,
                     GError **error)
{
  OutlayDecimal value;
  OutlayDecimalParseFlags flags;
  g_autoptr(GError) local = NULL;

  if (!outlay_line_field_is_decimal (field))
    return state_set_text (state, field, text, error);
  /* "2,125" is 2.125 to a German user and 2125 to an American one */
  if (!outlay_decimal_parse_full (text != NULL ? text : "", -1, outlay_decimal_style_for_locale (),
                                  &value, &flags, &local))
    {
      g_set_error (error, OUTLAY_ERROR, local->code, "%s: %s",
                   outlay_line_field_title (field), local->message);
      return FALSE;
    }
  if (field == OUTLAY_LINE_ESTIMATE && (flags & OUTLAY_DECIMAL_PARSED_EMPTY))
    {
      state->overridden = FALSE;
      return TRUE;
    }
  state_set_decimal (state, field, value);
  return TRUE;
}

static char *
edit_label (OutlayLineField field)
{
  /* Translators: an undo label, "Edit Rate" */
  return g_strdup_printf (_("Edit %s"), outlay_line_field_title (field));
}

static gboolean
execute_line_state (OutlayDocument  *self,
                    OutlayLine      *line,
                    OutlayLineState *after,
                    const char      *label,
                    GError         **error)
{
  Command *command;
  Op *op;

  if (!outlay_document_line_state_recompute (after, error))
    {
      outlay_line_state_clear (after);
      return FALSE;
    }
  command = outlay_command_new (label, FALSE);
  op = outlay_command_add_op (command, OP_LINE_STATE);
  op->line = g_object_ref (line);
  outlay_line_save_state (line, &op->before);
  op->after = *after;
  if (outlay_line_state_equal (&op->before, &op->after))
    {
      outlay_command_free (command);
      return TRUE;
    }
  return outlay_document_execute (self, command, error);
}

/**
 * outlay_document_set_line_text:
 * @self: a document
 * @line: a line of @self
 * @field: the cell's field
 * @text: the text as typed; numbers are parsed exactly ("1,200.50", "12%")
 * @error: a message naming the field and the problem
 *
 * Sets one cell as one undoable command.  Changing qty, multiplier or rate
 * recomputes the estimate unless it was typed; typing an estimate marks it
 * overridden and clearing it returns to the formula.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
outlay_document_set_line_text (OutlayDocument  *self,
                               OutlayLine      *line,
                               OutlayLineField  field,
                               const char      *text,
                               GError         **error)
{
  OutlayLineState after = { 0 };
  g_autofree char *label = NULL;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (OUTLAY_IS_LINE (line), FALSE);
  g_return_val_if_fail (field < OUTLAY_LINE_N_FIELDS, FALSE);

  if (!check_line (self, line, error))
    return FALSE;
  outlay_line_save_state (line, &after);
  if (!state_set_from_text (&after, field, text, error))
    {
      outlay_line_state_clear (&after);
      return FALSE;
    }
  label = edit_label (field);
  return execute_line_state (self, line, &after, label, error);
}

/**
 * outlay_document_set_line_decimal:
 * @self: a document
 * @line: a line of @self
 * @field: a numeric field
 * @value: the new value
 * @error: why it failed
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_document_set_line_decimal (OutlayDocument  *self,
                                  OutlayLine      *line,
                                  OutlayLineField  field,
                                  OutlayDecimal    value,
                                  GError         **error)
{
  OutlayLineState after = { 0 };
  g_autofree char *label = NULL;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (OUTLAY_IS_LINE (line), FALSE);
  g_return_val_if_fail (outlay_line_field_is_decimal (field), FALSE);

  if (!check_line (self, line, error))
    return FALSE;
  outlay_line_save_state (line, &after);
  state_set_decimal (&after, field, value);
  label = edit_label (field);
  return execute_line_state (self, line, &after, label, error);
}

/**
 * outlay_document_reset_estimate:
 * @self: a document
 * @line: a line whose estimate was typed
 * @error: why it failed
 *
 * Returns the estimate to qty × multiplier × rate.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_document_reset_estimate (OutlayDocument  *self,
                                OutlayLine      *line,
                                GError         **error)
{
  OutlayLineState after = { 0 };

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  if (!check_line (self, line, error))
    return FALSE;
  outlay_line_save_state (line, &after);
  after.overridden = FALSE;
  return execute_line_state (self, line, &after, _("Use Formula for Estimate"), error);
}

/**
 * outlay_document_insert_line:
 * @self: a document
 * @section: a section of @self
 * @index: the position in @section, or G_MAXUINT for the end
 * @line: (nullable): a new line with its values, not yet in any document;
 *   %NULL for an empty one
 * @error: why it failed
 *
 * Returns: (transfer none) (nullable): the inserted line
 */
OutlayLine *
outlay_document_insert_line (OutlayDocument *self,
                             OutlaySection  *section,
                             guint           index,
                             OutlayLine     *line,
                             GError        **error)
{
  g_autoptr(OutlayLine) owned = line != NULL ? g_object_ref (line) : outlay_line_new ();
  Command *command;
  Op *op;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (outlay_document_find_section (self, section, NULL), NULL);
  g_return_val_if_fail (outlay_line_get_section (owned) == NULL, NULL);

  index = MIN (index, outlay_section_get_n_lines (section));
  command = outlay_command_new (_("Insert Line"), FALSE);
  op = outlay_command_add_op (command, OP_LINE_INSERT);
  op->line = g_object_ref (owned);
  op->section = g_object_ref (section);
  op->index = index;
  if (!outlay_document_execute (self, command, error))
    return NULL;
  return owned;
}

static int
compare_positions (gconstpointer a, gconstpointer b)
{
  const Op *x = a, *y = b;
  guint sx = 0, sy = 0;

  /* section indexes were stashed in index2 */
  sx = x->index2;
  sy = y->index2;
  if (sx != sy)
    return sx < sy ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index);
}

/**
 * outlay_document_delete_lines:
 * @self: a document
 * @lines: (array length=n_lines): lines of @self
 * @n_lines: how many
 * @error: why it failed
 *
 * Deletes the lines as one undoable command.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_document_delete_lines (OutlayDocument  *self,
                              OutlayLine     **lines,
                              guint            n_lines,
                              GError         **error)
{
  g_autoptr(GArray) found = g_array_new (FALSE, TRUE, sizeof (Op));
  Command *command;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);

  for (guint i = 0; i < n_lines; i++)
    {
      Op op = { .kind = OP_LINE_REMOVE };

      if (!check_line (self, lines[i], error)
          || (outlay_document_count_line_commitments (self, lines[i]) > 0
              && !outlay_document_check_uncommitted (self, NULL, lines[i], error)))
        return FALSE;
      if (outlay_document_line_has_tasks (self, lines[i]))
        {
          g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                       _("Tasks charge the line “%s”: move them to another line or delete them "
                         "first"),
                          *outlay_line_get_description (lines[i]) != '\0'
                              ? outlay_line_get_description (lines[i])
                              : outlay_line_get_code (lines[i]));
          return FALSE;
        }
      op.line = lines[i];
      op.section = outlay_line_get_section (lines[i]);
      outlay_document_find_section (self, op.section, &op.index2);
      outlay_section_find_line (op.section, lines[i], &op.index);
      g_array_append_val (found, op);
    }
  /* Remove from the bottom up so earlier indexes stay valid; undo replays
   * the inserts top down. */
  g_array_sort (found, compare_positions);
  command = outlay_command_new (n_lines == 1 ? _("Delete Line") : _("Delete Lines"), FALSE);
  for (guint i = found->len; i-- > 0;)
    {
      Op *src = &g_array_index (found, Op, i);
      Op *op;

      if (i + 1 < found->len && src->line == g_array_index (found, Op, i + 1).line)
        continue;
      op = outlay_command_add_op (command, OP_LINE_REMOVE);
      op->line = g_object_ref (src->line);
      op->section = g_object_ref (src->section);
      op->index = src->index;
    }
  return outlay_document_execute (self, command, error);
}

/**
 * outlay_document_move_line:
 * @self: a document
 * @line: a line of @self
 * @to_section: the section to move it to (may be its own)
 * @to_index: its position there after the move
 * @error: why it failed
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_document_move_line (OutlayDocument *self,
                           OutlayLine     *line,
                           OutlaySection  *to_section,
                           guint           to_index,
                           GError        **error)
{
  Command *command;
  Op *op;
  guint from_index;
  OutlaySection *from;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  if (!check_line (self, line, error))
    return FALSE;
  g_return_val_if_fail (outlay_document_find_section (self, to_section, NULL), FALSE);

  from = outlay_line_get_section (line);
  outlay_section_find_line (from, line, &from_index);
  to_index = MIN (to_index, outlay_section_get_n_lines (to_section) - (from == to_section ? 1 : 0));
  if (from == to_section && from_index == to_index)
    return TRUE;
  command = outlay_command_new (_("Move Line"), FALSE);
  op = outlay_command_add_op (command, OP_LINE_MOVE);
  op->line = g_object_ref (line);
  op->section = g_object_ref (from);
  op->index = from_index;
  op->section2 = g_object_ref (to_section);
  op->index2 = to_index;
  return outlay_document_execute (self, command, error);
}

/* Splits TSV as LibreOffice and Google Sheets put it on the clipboard:
 * rows end in \n or \r\n, cells with tabs, newlines or quotes are quoted
 * with doubled quotes inside. */
static GPtrArray *
split_tsv (const char *tsv)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *cell = g_string_new (NULL);
  const char *p = tsv;

  while (*p != '\0')
    {
      if (cell->len == 0 && *p == '"')
        {
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (cell, *p++);
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (cell, *p);
            }
          continue;
        }
      if (*p == '\t' || *p == '\n' || (*p == '\r' && p[1] == '\n'))
        {
          g_ptr_array_add (row, g_strndup (cell->str, cell->len));
          g_string_truncate (cell, 0);
          if (*p != '\t')
            {
              g_ptr_array_add (rows, row);
              row = g_ptr_array_new_with_free_func (g_free);
              p += (*p == '\r') ? 2 : 1;
              continue;
            }
        }
      else
        g_string_append_c (cell, *p);
      p++;
    }
  if (cell->len > 0 || row->len > 0)
    g_ptr_array_add (row, g_strndup (cell->str, cell->len));
  if (row->len > 0)
    g_ptr_array_add (rows, row);
  else
    g_ptr_array_unref (row);
  g_string_free (cell, TRUE);
  return rows;
}

/* A pasted estimate equal to qty × days × rate stays a formula, so a block
 * copied out of the sheet and back does not freeze its estimates. */
static void
keep_formula (OutlayLineState *state)
{
  OutlayLineState probe = *state; /* shallow: only its numbers change */

  probe.overridden = FALSE;
  if (state->overridden && outlay_document_line_state_recompute (&probe, NULL)
      && *state_decimal (&probe, OUTLAY_LINE_ESTIMATE)
             == *state_decimal (state, OUTLAY_LINE_ESTIMATE))
    state->overridden = FALSE;
}

static gboolean
paste_row (GPtrArray *cells, const OutlayLineField *columns, guint n_columns, guint row,
           OutlayLineState *state, GError **error)
{
  for (guint c = 0; c < cells->len && c < n_columns; c++)
    {
      g_autoptr(GError) local = NULL;

      if (columns[c] >= OUTLAY_LINE_N_FIELDS)
        continue;
      if (!state_set_from_text (state, columns[c], g_ptr_array_index (cells, c), &local)
          || !outlay_document_line_state_recompute (state, &local))
        {
          g_set_error (error, OUTLAY_ERROR, local->code, _("Row %u, %s"), row + 1, local->message);
          return FALSE;
        }
    }
  keep_formula (state);
  return TRUE;
}

static gboolean paste_block (OutlayDocument *self,
                             OutlaySection *section,
                             guint start_index,
                             const OutlayLineField *columns,
                             guint n_columns,
                             const char *tsv,
                             gboolean insert,
                             GError **error);

/**
 * outlay_document_paste:
 * @self: a document
 * @section: where the block lands
 * @start_index: the first line it overwrites
 * @columns: (array length=n_columns): the field each pasted column goes
 *   to; %OUTLAY_LINE_N_FIELDS skips a column (a computed one)
 * @n_columns: how many columns the block may have
 * @tsv: tab-separated rows, as copied from a spreadsheet
 * @error: the first bad cell, by row and column
 *
 * Overwrites lines from @start_index on and appends new lines when the
 * block is longer, all as one undoable command.  Every cell is checked
 * before anything changes.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_document_paste (OutlayDocument        *self,
                       OutlaySection         *section,
                       guint                  start_index,
                       const OutlayLineField *columns,
                       guint                  n_columns,
                       const char            *tsv,
                       GError               **error)
{
  return paste_block (self, section, start_index, columns, n_columns, tsv, FALSE, error);
}

/**
 * outlay_document_paste_insert:
 * @self: a document
 * @section: where the block lands
 * @start_index: where the new lines go
 * @columns: (array length=n_columns): as for outlay_document_paste()
 * @n_columns: how many columns the block may have
 * @tsv: tab-separated rows
 * @error: the first bad cell, by row and column
 *
 * "Insert Copied Lines": adds one new line per row at @start_index,
 * overwriting nothing, as one undoable command.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_document_paste_insert (OutlayDocument *self,
                              OutlaySection *section,
                              guint start_index,
                              const OutlayLineField *columns,
                              guint n_columns,
                              const char *tsv,
                              GError **error)
{
  return paste_block (self, section, start_index, columns, n_columns, tsv, TRUE, error);
}

/**
 * outlay_document_paste_count_spent:
 * @self: a document
 * @section: where a block would land
 * @start_index: the first line it would overwrite
 * @tsv: tab-separated rows
 *
 * Returns: how many of the lines a paste would overwrite carry actual,
 *   committed or reserved amounts (they would keep them under the pasted
 *   descriptions)
 */
guint
outlay_document_paste_count_spent (OutlayDocument *self,
                                   OutlaySection *section,
                                   guint start_index,
                                   const char *tsv)
{
  g_autoptr(GPtrArray) rows = NULL;
  guint n = 0;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (tsv != NULL, 0);
  if (!g_utf8_validate (tsv, -1, NULL))
    return 0;
  rows = split_tsv (tsv);
  for (guint r = 0; r < rows->len && start_index + r < outlay_section_get_n_lines (section); r++)
    {
      OutlayLine *line = outlay_section_get_line (section, start_index + r);

      if (outlay_line_get_decimal (line, OUTLAY_LINE_ACTUAL) != 0
          || outlay_line_get_decimal (line, OUTLAY_LINE_COMMITTED) != 0
          || outlay_line_get_decimal (line, OUTLAY_LINE_RESERVED) != 0)
        n++;
    }
  return n;
}

static gboolean
paste_block (OutlayDocument *self,
             OutlaySection *section,
             guint start_index,
             const OutlayLineField *columns,
             guint n_columns,
             const char *tsv,
             gboolean insert,
             GError **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(Command) command = NULL;
  g_autofree char *label = NULL;
  guint n_existing;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (outlay_document_find_section (self, section, NULL), FALSE);
  g_return_val_if_fail (tsv != NULL, FALSE);

  if (!g_utf8_validate (tsv, -1, NULL))
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("The pasted text is not valid UTF-8"));
      return FALSE;
    }
  rows = split_tsv (tsv);
  start_index = MIN (start_index, outlay_section_get_n_lines (section));
  n_existing = insert ? 0 : outlay_section_get_n_lines (section) - start_index;
  if (insert)
    label = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "Insert %u Copied Line", "Insert %u Copied Lines", rows->len),
        rows->len);
  else
    label = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "Paste %u Row", "Paste %u Rows", rows->len), rows->len);
  command = outlay_command_new (label, FALSE);
  for (guint r = 0; r < rows->len; r++)
    {
      gboolean existing = r < n_existing;
      OutlayLine *line = existing ? outlay_section_get_line (section, start_index + r) : NULL;
      g_autoptr(OutlayLine) fresh = existing ? NULL : outlay_line_new ();
      Op *op = outlay_command_add_op (command, existing ? OP_LINE_STATE : OP_LINE_INSERT);

      outlay_line_save_state (existing ? line : fresh, &op->after);
      if (!paste_row (g_ptr_array_index (rows, r), columns, n_columns, r, &op->after, error))
        return FALSE;
      if (existing)
        {
          op->line = g_object_ref (line);
          outlay_line_save_state (line, &op->before);
        }
      else
        {
          outlay_line_restore_state (fresh, &op->after);
          op->line = g_object_ref (fresh);
          op->section = g_object_ref (section);
          op->index = start_index + r;
        }
    }
  return outlay_document_execute (self, g_steal_pointer (&command), error);
}

/**
 * outlay_document_add_section:
 * @self: a document
 * @index: position among the sections, G_MAXUINT for the end
 * @code: the section code
 * @name: the section name
 * @error: why it failed
 *
 * Returns: (transfer none) (nullable): the new section
 */
OutlaySection *
outlay_document_add_section (OutlayDocument *self,
                             guint           index,
                             const char     *code,
                             const char     *name,
                             GError        **error)
{
  g_autoptr(OutlaySection) section = outlay_section_new (code, name);
  Command *command;
  Op *op;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), NULL);
  if (!g_utf8_validate (code != NULL ? code : "", -1, NULL)
      || !g_utf8_validate (name != NULL ? name : "", -1, NULL))
    {
      invalid_argument (error, _("The section's code or name is not valid UTF-8 text"));
      return NULL;
    }
  index = MIN (index, outlay_document_get_n_sections (self));
  command = outlay_command_new (_("Add Section"), FALSE);
  op = outlay_command_add_op (command, OP_SECTION_INSERT);
  op->section = g_object_ref (section);
  op->index = index;
  if (!outlay_document_execute (self, command, error))
    return NULL;
  return section;
}

/**
 * outlay_document_update_section:
 * @self: a document
 * @section: a section of @self
 * @code: its new code
 * @name: its new name
 * @fringe: its fringe, a percentage (28.0 for 28 %)
 * @error: why it failed
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_document_update_section (OutlayDocument *self,
                                OutlaySection  *section,
                                const char     *code,
                                const char     *name,
                                OutlayDecimal   fringe,
                                GError        **error)
{
  Command *command;
  Op *op;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (outlay_document_find_section (self, section, NULL), FALSE);
  if (!g_utf8_validate (code != NULL ? code : "", -1, NULL)
      || !g_utf8_validate (name != NULL ? name : "", -1, NULL))
    return invalid_argument (error, _("The section's code or name is not valid UTF-8 text"));
  if (fringe < 0)
    return invalid_argument (error, _("A fringe is a percentage of zero or more"));
  if (g_strcmp0 (code, outlay_section_get_code (section)) == 0
      && g_strcmp0 (name, outlay_section_get_name (section)) == 0
      && fringe == outlay_section_get_fringe (section))
    return TRUE;
  command = outlay_command_new (_("Rename Section"), FALSE);
  op = outlay_command_add_op (command, OP_SECTION_STATE);
  op->section = g_object_ref (section);
  op->sbefore.code = g_strdup (outlay_section_get_code (section));
  op->sbefore.name = g_strdup (outlay_section_get_name (section));
  op->sbefore.fringe = outlay_section_get_fringe (section);
  op->safter.code = g_strdup (code);
  op->safter.name = g_strdup (name);
  op->safter.fringe = fringe;
  return outlay_document_execute (self, command, error);
}

/**
 * outlay_document_delete_section:
 * @self: a document
 * @section: a section of @self, removed with its lines
 * @error: why it failed
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_document_delete_section (OutlayDocument *self,
                                OutlaySection  *section,
                                GError        **error)
{
  Command *command;
  Op *op;
  guint index;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (outlay_document_find_section (self, section, &index), FALSE);
  if (!outlay_document_check_uncommitted (self, section, NULL, error)
      || !outlay_document_check_tasks_kept (self, section, NULL, error))
    return FALSE;
  command = outlay_command_new (_("Delete Section"), FALSE);
  op = outlay_command_add_op (command, OP_SECTION_REMOVE);
  op->section = g_object_ref (section);
  op->index = index;
  return outlay_document_execute (self, command, error);
}

/**
 * outlay_document_move_section:
 * @self: a document
 * @section: a section of @self
 * @to_index: its position after the move
 * @error: why it failed
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_document_move_section (OutlayDocument *self,
                              OutlaySection  *section,
                              guint           to_index,
                              GError        **error)
{
  Command *command;
  Op *op;
  guint from;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (outlay_document_find_section (self, section, &from), FALSE);
  to_index = MIN (to_index, outlay_document_get_n_sections (self) - 1);
  if (from == to_index)
    return TRUE;
  command = outlay_command_new (_("Move Section"), FALSE);
  op = outlay_command_add_op (command, OP_SECTION_MOVE);
  op->index = from;
  op->index2 = to_index;
  return outlay_document_execute (self, command, error);
}

static gboolean
check_budget (OutlayBudget *budget, GError **error)
{
  g_autofree char *name = g_strstrip (g_strdup (outlay_budget_get_name (budget)));

  if (!g_utf8_validate (name, -1, NULL) || !g_utf8_validate (outlay_budget_get_client (budget), -1, NULL))
    return invalid_argument (error, _("The budget's name or client is not valid UTF-8 text"));
  if (*name == '\0')
    return invalid_argument (error, _("A budget needs a name"));
  if (!outlay_currency_is_known (outlay_budget_get_currency (budget)))
    return invalid_argument (error, _("The currency must be an ISO 4217 code such as USD or EUR"));
  if (outlay_budget_get_critical_threshold (budget) < outlay_budget_get_warning_threshold (budget))
    return invalid_argument (error, _("The critical threshold must not be below the warning "
                                      "threshold"));
  return TRUE;
}

static gboolean
budget_equal_except_status (OutlayBudget *a, OutlayBudget *b)
{
  guint n = 0;
  g_autofree GParamSpec **specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);

  for (guint i = 0; i < n; i++)
    {
      const char *name = specs[i]->name;
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      if (g_str_equal (name, "status") || g_str_equal (name, "id")
          || g_str_equal (name, "created") || g_str_equal (name, "modified"))
        continue;
      g_value_init (&va, specs[i]->value_type);
      g_value_init (&vb, specs[i]->value_type);
      g_object_get_property (G_OBJECT (a), name, &va);
      g_object_get_property (G_OBJECT (b), name, &vb);
      if (g_param_values_cmp (specs[i], &va, &vb) != 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * outlay_document_update_budget:
 * @self: a document
 * @edited: a copy of the budget (outlay_budget_copy()) with the changes
 * @error: why it failed
 *
 * Applies every changed property of @edited as one command.  Changing only
 * the status is allowed on a locked budget, so it can be unlocked.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_document_update_budget (OutlayDocument *self,
                               OutlayBudget   *edited,
                               GError        **error)
{
  OutlayBudget *budget;
  g_autofree char *name = NULL;
  gboolean status_changed, others_changed;
  Command *command;
  Op *op;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (OUTLAY_IS_BUDGET (edited), FALSE);

  budget = outlay_document_get_budget (self);
  if (!check_budget (edited, error))
    return FALSE;
  status_changed = outlay_budget_get_status (edited) != outlay_budget_get_status (budget);
  others_changed = !budget_equal_except_status (budget, edited);
  if (!status_changed && !others_changed)
    return TRUE;
  command = outlay_command_new (others_changed ? _("Edit Budget") : _("Change Status"),
                                !others_changed);
  op = outlay_command_add_op (command, OP_BUDGET_STATE);
  op->budget = outlay_budget_copy (budget);
  op->budget2 = outlay_budget_copy (edited);
  name = g_strstrip (g_strdup (outlay_budget_get_name (edited)));
  g_object_set (op->budget2, "name", name, NULL);
  return outlay_document_execute (self, command, error);
}

/**
 * outlay_document_set_budget_value:
 * @self: a document
 * @property: a budget property, "name", "client", "status", …
 * @value: its new value
 * @error: why it failed
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_document_set_budget_value (OutlayDocument *self,
                                  const char     *property,
                                  const GValue   *value,
                                  GError        **error)
{
  g_autoptr(OutlayBudget) edited = NULL;
  g_auto(GValue) checked = G_VALUE_INIT;
  GParamSpec *pspec;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (self), FALSE);
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (outlay_document_get_budget (self)),
                                    property) == NULL)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("Budgets have no property “%s”"), property);
      return FALSE;
    }
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (outlay_document_get_budget (self)),
                                        property);
  g_value_init (&checked, pspec->value_type);
  if (!g_value_transform (value, &checked) || g_param_value_validate (pspec, &checked))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("That is not a valid value for the budget’s %s"), property);
      return FALSE;
    }
  edited = outlay_budget_copy (outlay_document_get_budget (self));
  g_object_set_property (G_OBJECT (edited), property, &checked);
  return outlay_document_update_budget (self, edited, error);
}
