/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-store"

/* OutlayStore as the sink of OutlayDocument: every command's changes, and
 * their audit rows, in one transaction. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-document-sink.h"
#include "outlay-document-tasks.h"
#include "outlay-line-private.h"
#include "outlay-section-private.h"
#include "outlay-store-private.h"

#define LINE_JSON \
  "json_object('section_id', section_id, 'position', position, 'code', code," \
  " 'description', description, 'unit', unit, 'notes', notes, 'qty', qty," \
  " 'multiplier', multiplier, 'rate', rate, 'estimate', estimate," \
  " 'estimate_overridden', estimate_overridden, 'actual', actual, 'committed', committed," \
  " 'reserved', reserved, 'vendor', vendor, 'assignee', assignee, 'date', date," \
  " 'period', period)"

#define SECTION_JSON \
  "json_object('position', position, 'code', code, 'name', name, 'fringe', fringe," \
  " 'lines', (SELECT count(*) FROM lines WHERE section_id = sections.id))"

static gint64
budget_id_of (OutlayDocument *doc)
{
  return outlay_budget_get_id (outlay_document_get_budget (doc));
}

static gboolean
run (OutlayStore *self, sqlite3_stmt *stmt, GError **error)
{
  return stmt != NULL && outlay_store_step_done (self, stmt, error);
}

/* Audits a whole row as JSON, read from the table itself. */
static gboolean
audit_snapshot (OutlayStore *self, const char *sql, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_text (stmt, 2, g_get_user_name (), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);
  return run (self, stmt, error);
}

static gboolean
shift_lines (OutlayStore *self, gint64 section_id, guint from, int delta, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (self,
    "UPDATE lines SET position = position + ?1 WHERE section_id = ?2 AND position >= ?3", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, delta);
  sqlite3_bind_int64 (stmt, 2, section_id);
  sqlite3_bind_int64 (stmt, 3, from);
  return run (self, stmt, error);
}

static gboolean
shift_sections (OutlayStore *self, gint64 budget_id, guint from, int delta, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (self,
    "UPDATE sections SET position = position + ?1 WHERE budget_id = ?2 AND position >= ?3",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, delta);
  sqlite3_bind_int64 (stmt, 2, budget_id);
  sqlite3_bind_int64 (stmt, 3, from);
  return run (self, stmt, error);
}

/* Inserts @line's row, keeping its id if it has one (undo of a delete)
 * unless another row took that id meanwhile (ids are not AUTOINCREMENT,
 * so another budget can reuse a deleted one): then it gets a new id. */
gboolean
outlay_store_insert_line_row (OutlayStore  *self,
                              gint64        budget_id,
                              gint64        section_id,
                              guint         position,
                              OutlayLine   *line,
                              GError      **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (self,
    "INSERT INTO lines (id, budget_id, section_id, position, " OUTLAY_STORE_LINE_VALUES ","
    " import_id) VALUES ((SELECT ?1 WHERE NOT EXISTS (SELECT 1 FROM lines WHERE id = ?1)),"
    " ?, ?, ?, " OUTLAY_STORE_LINE_PARAMS ", ?)", error);

  if (stmt == NULL)
    return FALSE;
  if (outlay_line_get_id (line) > 0)
    sqlite3_bind_int64 (stmt, 1, outlay_line_get_id (line));
  sqlite3_bind_int64 (stmt, 2, budget_id);
  sqlite3_bind_int64 (stmt, 3, section_id);
  sqlite3_bind_int64 (stmt, 4, position);
  outlay_store_bind_line_values (stmt, 5, line);
  if (outlay_line_get_import_id (line) > 0)
    sqlite3_bind_int64 (stmt, 5 + OUTLAY_STORE_N_LINE_VALUES, outlay_line_get_import_id (line));
  if (!run (self, stmt, error))
    return FALSE;
  outlay_line_set_id (line, sqlite3_last_insert_rowid (outlay_store_get_db (self)));
  return TRUE;
}

gboolean
outlay_store_insert_section_row (OutlayStore    *self,
                                 gint64          budget_id,
                                 guint           position,
                                 OutlaySection  *section,
                                 GError        **error)
{
  /* like a line, keeps its id unless it was taken meanwhile */
  sqlite3_stmt *stmt = outlay_store_statement (self,
    "INSERT INTO sections (id, budget_id, parent_id, position, code, name, fringe)"
    " VALUES ((SELECT ?1 WHERE NOT EXISTS (SELECT 1 FROM sections WHERE id = ?1)),"
    " ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  if (outlay_section_get_id (section) > 0)
    sqlite3_bind_int64 (stmt, 1, outlay_section_get_id (section));
  sqlite3_bind_int64 (stmt, 2, budget_id);
  if (outlay_section_get_parent_id (section) > 0)
    sqlite3_bind_int64 (stmt, 3, outlay_section_get_parent_id (section));
  sqlite3_bind_int64 (stmt, 4, position);
  sqlite3_bind_text (stmt, 5, outlay_section_get_code (section), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, outlay_section_get_name (section), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, outlay_section_get_fringe (section));
  if (!run (self, stmt, error))
    return FALSE;
  g_object_set (section, "id", sqlite3_last_insert_rowid (outlay_store_get_db (self)), NULL);
  return TRUE;
}

/* ---- OutlayDocumentSink ---- */

static gboolean
sink_begin (OutlayDocumentSink *sink, OutlayDocument *doc, const char *action, GError **error)
{
  return outlay_store_exec (OUTLAY_STORE (sink), "BEGIN IMMEDIATE", error);
}

static gboolean
sink_commit (OutlayDocumentSink *sink, OutlayDocument *doc, GError **error)
{
  OutlayStore *self = OUTLAY_STORE (sink);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  sqlite3_stmt *stmt = outlay_store_statement (self,
    "UPDATE budgets SET modified = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, budget_id_of (doc));
  if (!run (self, stmt, error)
      || !outlay_store_expect_change (self, _("budget"), error)
                                      || !outlay_store_run_commit_hook (self, error)
                                      || !outlay_store_exec (self, "COMMIT", error))
    return FALSE;
  outlay_budget_set_modified (outlay_document_get_budget (doc), now);
  return TRUE;
}

static void
sink_rollback (OutlayDocumentSink *sink, OutlayDocument *doc)
{
  outlay_store_exec (OUTLAY_STORE (sink), "ROLLBACK", NULL);
}

static gboolean
sink_line_inserted (OutlayDocumentSink *sink, OutlayDocument *doc, OutlaySection *section,
                    guint index, OutlayLine *line, GError **error)
{
  OutlayStore *self = OUTLAY_STORE (sink);

  return shift_lines (self, outlay_section_get_id (section), index, +1, error)
         && outlay_store_insert_line_row (self, budget_id_of (doc), outlay_section_get_id (section),
                                          index, line, error)
         && audit_snapshot (self,
                            "INSERT INTO audit (at, actor, budget_id, entity, entity_id, action,"
                            " new_value) SELECT ?1, ?2, budget_id, 'line', id, 'insert', " LINE_JSON
                            " FROM lines WHERE id = ?3",
                            outlay_line_get_id (line), error)
         && outlay_store_write_line_phasing (self, doc, line, error);
}

static gboolean
sink_line_removed (OutlayDocumentSink *sink, OutlayDocument *doc, OutlaySection *section,
                   guint index, OutlayLine *line, GError **error)
{
  OutlayStore *self = OUTLAY_STORE (sink);
  sqlite3_stmt *stmt;

  if (!audit_snapshot (self,
                       "INSERT INTO audit (at, actor, budget_id, entity, entity_id, action,"
                       " old_value) SELECT ?1, ?2, budget_id, 'line', id, 'delete', "
                       LINE_JSON " FROM lines WHERE id = ?3",
                       outlay_line_get_id (line), error))
    return FALSE;
  stmt = outlay_store_statement (self, "DELETE FROM lines WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, outlay_line_get_id (line));
  return run (self, stmt, error) && outlay_store_expect_change (self, _("line"), error)
         && shift_lines (self, outlay_section_get_id (section), index + 1, -1, error);
}

static char *
state_value (const OutlayLineState *state, OutlayLineField field)
{
  if (outlay_line_field_is_decimal (field))
    return outlay_decimal_to_string_trim (state->decimals[outlay_line_decimal_slot (field)]);
  return g_strdup (state->texts[outlay_line_text_slot (field)]);
}

static gboolean
state_field_equal (const OutlayLineState *a, const OutlayLineState *b, OutlayLineField field)
{
  if (outlay_line_field_is_decimal (field))
    return a->decimals[outlay_line_decimal_slot (field)]
           == b->decimals[outlay_line_decimal_slot (field)];
  return g_strcmp0 (a->texts[outlay_line_text_slot (field)],
                    b->texts[outlay_line_text_slot (field)]) == 0;
}

static gboolean
audit_line_fields (OutlayStore *self, OutlayDocument *doc, OutlayLine *line,
                   const OutlayLineState *before, const OutlayLineState *after, GError **error)
{
  for (guint f = 0; f < OUTLAY_LINE_N_FIELDS; f++)
    {
      g_autofree char *old_value = NULL;
      g_autofree char *new_value = NULL;

      /* an edit changes one or two fields: format only those */
      if (state_field_equal (before, after, f))
        continue;
      old_value = state_value (before, f);
      new_value = state_value (after, f);
      if (g_strcmp0 (old_value, new_value) != 0
          && !outlay_store_audit (self, budget_id_of (doc), "line", outlay_line_get_id (line),
                                  "update", outlay_line_field_name (f), old_value, new_value,
                                  error))
        return FALSE;
    }
  if (before->overridden != after->overridden)
    return outlay_store_audit (self, budget_id_of (doc), "line", outlay_line_get_id (line),
                               "update", "estimate_overridden", before->overridden ? "1" : "0",
                               after->overridden ? "1" : "0", error);
  return TRUE;
}

static gboolean
sink_line_changed (OutlayDocumentSink *sink, OutlayDocument *doc, OutlayLine *line,
                   const OutlayLineState *before, GError **error)
{
  OutlayStore *self = OUTLAY_STORE (sink);
  OutlayLineState after = { 0 };
  gboolean ok;
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "UPDATE lines SET code = ?, description = ?, unit = ?, notes = ?, qty = ?, multiplier = ?,"
      " rate = ?, estimate = ?, estimate_overridden = ?, actual = ?, committed = ?, reserved = ?,"
      " vendor = ?, assignee = ?, date = ?, period = ?"
      " WHERE id = ?",
      error);

  if (stmt == NULL)
    return FALSE;
  /* all the values, so a date or vendor typed in the sheet is kept too */
  outlay_store_bind_line_values (stmt, 1, line);
  sqlite3_bind_int64 (stmt, OUTLAY_STORE_N_LINE_VALUES + 1, outlay_line_get_id (line));
  if (!run (self, stmt, error) || !outlay_store_expect_change (self, _("line"), error))
    return FALSE;
  outlay_line_save_state (line, &after);
  ok = audit_line_fields (self, doc, line, before, &after, error);
  outlay_line_state_clear (&after);
  return ok;
}

static gboolean
sink_line_moved (OutlayDocumentSink *sink, OutlayDocument *doc, OutlayLine *line,
                 OutlaySection *from, guint from_index, OutlaySection *to, guint to_index,
                 GError **error)
{
  OutlayStore *self = OUTLAY_STORE (sink);
  g_autofree char *old_value = g_strdup_printf ("%s:%u", outlay_section_get_code (from), from_index);
  g_autofree char *new_value = g_strdup_printf ("%s:%u", outlay_section_get_code (to), to_index);
  sqlite3_stmt *stmt;

  if (!shift_lines (self, outlay_section_get_id (from), from_index + 1, -1, error)
      || !shift_lines (self, outlay_section_get_id (to), to_index, +1, error))
    return FALSE;
  stmt = outlay_store_statement (self,
    "UPDATE lines SET section_id = ?, position = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, outlay_section_get_id (to));
  sqlite3_bind_int64 (stmt, 2, to_index);
  sqlite3_bind_int64 (stmt, 3, outlay_line_get_id (line));
  return run (self, stmt, error) && outlay_store_expect_change (self, _("line"), error)
         && outlay_store_audit (self, budget_id_of (doc), "line", outlay_line_get_id (line),
                                "move", "position", old_value, new_value, error);
}

/* Removing a section set its lines' tasks' line_id to NULL (ON DELETE SET
 * NULL); when the lines come back with their ids (undo, a restored
 * version), the tasks that still charge them in @doc point at them again. */
static gboolean
relink_tasks (OutlayStore *self, OutlayDocument *doc, OutlaySection *section, GError **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *lines = outlay_section_get_lines_array (section);
  /* sized up front: the table points into it */
  g_autoptr(GArray) keys = g_array_sized_new (FALSE, FALSE, sizeof (gint64), lines->len);
  sqlite3_stmt *stmt = NULL;

  if (outlay_document_get_n_tasks (doc) == 0)
    return TRUE;
  g_array_set_size (keys, lines->len);
  for (guint i = 0; i < lines->len; i++)
    {
      g_array_index (keys, gint64, i) = outlay_line_get_id (g_ptr_array_index (lines, i));
      g_hash_table_add (ids, &g_array_index (keys, gint64, i));
    }
  for (guint i = 0; i < outlay_document_get_n_tasks (doc); i++)
    {
      OutlayTask *task = outlay_document_get_task (doc, i);
      gint64 line_id = outlay_task_get_line_id (task);

      if (line_id <= 0 || outlay_task_get_id (task) <= 0 || !g_hash_table_contains (ids, &line_id))
        continue;
      if (stmt == NULL
          && (stmt = outlay_store_statement (self,
                                             "UPDATE tasks SET line_id = ?1 WHERE id = ?2 AND"
                                             " line_id IS NULL",
                                             error))
                 == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, line_id);
      sqlite3_bind_int64 (stmt, 2, outlay_task_get_id (task));
      if (!run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
sink_section_inserted (OutlayDocumentSink *sink, OutlayDocument *doc, guint index,
                       OutlaySection *section, GError **error)
{
  OutlayStore *self = OUTLAY_STORE (sink);

  if (!shift_sections (self, budget_id_of (doc), index, +1, error)
      || !outlay_store_insert_section_row (self, budget_id_of (doc), index, section, error))
    return FALSE;
  for (guint i = 0; i < outlay_section_get_n_lines (section); i++)
    if (!outlay_store_insert_line_row (self, budget_id_of (doc), outlay_section_get_id (section),
                                       i, outlay_section_get_line (section, i), error))
      return FALSE;
  if (!relink_tasks (self, doc, section, error))
    return FALSE;
  return audit_snapshot (self,
                         "INSERT INTO audit (at, actor, budget_id, entity, entity_id, action,"
                         " new_value) SELECT ?1, ?2, budget_id, 'section', id, 'insert', "
                         SECTION_JSON " FROM sections WHERE id = ?3",
                         outlay_section_get_id (section), error)
         && audit_snapshot (self,
                            "INSERT INTO audit (at, actor, budget_id, entity, entity_id, action,"
                            " new_value) SELECT ?1, ?2, budget_id, 'line', id, 'insert', "
                            LINE_JSON " FROM lines WHERE section_id = ?3 ORDER BY position",
                            outlay_section_get_id (section), error);
}

static gboolean
sink_section_removed (OutlayDocumentSink *sink, OutlayDocument *doc, guint index,
                      OutlaySection *section, GError **error)
{
  OutlayStore *self = OUTLAY_STORE (sink);
  sqlite3_stmt *stmt;

  /* each line's values go into the trail before the cascade removes them */
  if (!audit_snapshot (self,
                       "INSERT INTO audit (at, actor, budget_id, entity, entity_id, action,"
                       " old_value) SELECT ?1, ?2, budget_id, 'line', id, 'delete', "
                       LINE_JSON " FROM lines WHERE section_id = ?3 ORDER BY position",
                       outlay_section_get_id (section), error)
      || !audit_snapshot (self,
                          "INSERT INTO audit (at, actor, budget_id, entity, entity_id, action,"
                          " old_value) SELECT ?1, ?2, budget_id, 'section', id, 'delete', "
                          SECTION_JSON " FROM sections WHERE id = ?3",
                          outlay_section_get_id (section), error))
    return FALSE;
  /* the section's lines go with it (ON DELETE CASCADE) */
  stmt = outlay_store_statement (self, "DELETE FROM sections WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, outlay_section_get_id (section));
  return run (self, stmt, error) && outlay_store_expect_change (self, _("section"), error)
         && shift_sections (self, budget_id_of (doc), index + 1, -1, error);
}

static gboolean
sink_section_changed (OutlayDocumentSink *sink, OutlayDocument *doc, OutlaySection *section,
                      const OutlaySectionState *before, GError **error)
{
  OutlayStore *self = OUTLAY_STORE (sink);
  g_autofree char *old_fringe = outlay_decimal_to_string_trim (before->fringe);
  g_autofree char *new_fringe = outlay_decimal_to_string_trim (outlay_section_get_fringe (section));
  gint64 id = outlay_section_get_id (section);
  sqlite3_stmt *stmt = outlay_store_statement (self,
    "UPDATE sections SET code = ?, name = ?, fringe = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, outlay_section_get_code (section), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, outlay_section_get_name (section), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, outlay_section_get_fringe (section));
  sqlite3_bind_int64 (stmt, 4, id);
  if (!run (self, stmt, error) || !outlay_store_expect_change (self, _("section"), error))
    return FALSE;
#define AUDIT_IF(name, a, b) \
  (g_strcmp0 (a, b) == 0 \
   || outlay_store_audit (self, budget_id_of (doc), "section", id, "update", name, a, b, error))
  return AUDIT_IF ("code", before->code, outlay_section_get_code (section))
         && AUDIT_IF ("name", before->name, outlay_section_get_name (section))
         && AUDIT_IF ("fringe", old_fringe, new_fringe);
#undef AUDIT_IF
}

static gboolean
sink_section_moved (OutlayDocumentSink *sink, OutlayDocument *doc, OutlaySection *section,
                    guint from_index, guint to_index, GError **error)
{
  OutlayStore *self = OUTLAY_STORE (sink);
  g_autofree char *old_value = g_strdup_printf ("%u", from_index);
  g_autofree char *new_value = g_strdup_printf ("%u", to_index);
  sqlite3_stmt *stmt;

  if (!shift_sections (self, budget_id_of (doc), from_index + 1, -1, error)
      || !shift_sections (self, budget_id_of (doc), to_index, +1, error))
    return FALSE;
  stmt = outlay_store_statement (self, "UPDATE sections SET position = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, to_index);
  sqlite3_bind_int64 (stmt, 2, outlay_section_get_id (section));
  return run (self, stmt, error) && outlay_store_expect_change (self, _("section"), error)
         && outlay_store_audit (self, budget_id_of (doc), "section",
                                outlay_section_get_id (section), "move", "position", old_value,
                                new_value, error);
}

static char *
property_text (GObject *object, GParamSpec *pspec)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, pspec->value_type);
  g_object_get_property (object, pspec->name, &v);
  if (G_VALUE_HOLDS_STRING (&v))
    return g_value_dup_string (&v);
  if (G_VALUE_HOLDS_INT64 (&v))
    return outlay_decimal_to_string_trim (g_value_get_int64 (&v));
  if (G_VALUE_HOLDS_BOOLEAN (&v))
    return g_strdup (g_value_get_boolean (&v) ? "1" : "0");
  if (G_VALUE_HOLDS_ENUM (&v))
    {
      GEnumValue *e = g_enum_get_value (G_ENUM_CLASS (g_type_class_peek (pspec->value_type)),
                                        g_value_get_enum (&v));
      return g_strdup (e != NULL ? e->value_nick : "");
    }
  return g_strdup_value_contents (&v);
}

static gboolean
sink_budget_changed (OutlayDocumentSink *sink, OutlayDocument *doc, OutlayBudget *before,
                     GError **error)
{
  OutlayStore *self = OUTLAY_STORE (sink);
  OutlayBudget *budget = outlay_document_get_budget (doc);
  guint n = 0;
  g_autofree GParamSpec **specs = NULL;
  sqlite3_stmt *stmt = outlay_store_statement (self,
    "UPDATE budgets SET " OUTLAY_BUDGET_ASSIGNMENTS " WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  outlay_store_bind_budget (stmt, 1, budget);
  sqlite3_bind_int64 (stmt, OUTLAY_BUDGET_N_COLUMNS + 1, outlay_budget_get_id (budget));
  if (!run (self, stmt, error) || !outlay_store_expect_change (self, _("budget"), error))
    return FALSE;
  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (budget), &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *old_value = NULL;
      g_autofree char *new_value = NULL;

      if (g_str_equal (specs[i]->name, "modified") || g_str_equal (specs[i]->name, "id"))
        continue;
      old_value = property_text (G_OBJECT (before), specs[i]);
      new_value = property_text (G_OBJECT (budget), specs[i]);
      if (g_strcmp0 (old_value, new_value) != 0
          && !outlay_store_audit (self, outlay_budget_get_id (budget), "budget",
                                  outlay_budget_get_id (budget), "update", specs[i]->name,
                                  old_value, new_value, error))
        return FALSE;
    }
  /* each change of status keeps what the return looked like then */
  if (outlay_budget_get_status (before) != outlay_budget_get_status (budget))
    {
      g_autofree char *reason = g_strconcat (
          "status:", outlay_budget_status_to_string (outlay_budget_get_status (budget)), NULL);
      g_autoptr(OutlayRoiSnapshot)
                     snapshot = outlay_store_insert_roi_snapshot (self, doc, reason, NULL, error);

      if (snapshot == NULL)
        return FALSE;
    }
  return TRUE;
}

void
outlay_store_sink_iface_init (gpointer g_iface)
{
  OutlayDocumentSinkInterface *iface = g_iface;

  iface->begin = sink_begin;
  iface->commit = sink_commit;
  iface->rollback = sink_rollback;
  iface->line_inserted = sink_line_inserted;
  iface->line_removed = sink_line_removed;
  iface->line_changed = sink_line_changed;
  iface->line_moved = sink_line_moved;
  iface->section_inserted = sink_section_inserted;
  iface->section_removed = sink_section_removed;
  iface->section_changed = sink_section_changed;
  iface->section_moved = sink_section_moved;
  iface->budget_changed = sink_budget_changed;
  iface->commitment_inserted = outlay_store_sink_commitment_inserted;
  iface->commitment_removed = outlay_store_sink_commitment_removed;
  iface->commitment_changed = outlay_store_sink_commitment_changed;
  outlay_store_tasks_sink_init (iface);
  outlay_store_phasing_sink_init (iface);
}
