/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-store"

/* Phasing in SQLite: each line's spread (a row only for a line that is
 * not spread evenly), the budget's periods and freeze line, the sections'
 * forecast methods, and the forecast snapshots a closed period keeps
 * (triggers refuse any UPDATE of them). */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-document-phasing.h"
#include "outlay-model-enum-types.h"
#include "outlay-store-private.h"

static gint64
budget_id_of (OutlayDocument *doc)
{
  return outlay_budget_get_id (outlay_document_get_budget (doc));
}

static const char *
nick (GType type, int value)
{
  return outlay_enum_to_nick (type, value, "");
}

/* ---- writing ---- */

static gboolean
write_line (OutlayStore *self, OutlayLine *line, const OutlayLinePhasing *p, GError **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *weights = NULL;
  g_autofree char *actuals = NULL;

  if (p == NULL)
    {
      stmt = outlay_store_statement (self, "DELETE FROM line_phasing WHERE line_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, outlay_line_get_id (line));
      return outlay_store_step_done (self, stmt, error);
    }
  stmt = outlay_store_statement (self,
                                 "INSERT OR REPLACE INTO line_phasing"
                                 " (line_id, method, weights, actuals, source)"
                                 " VALUES (?, ?, ?, ?, ?)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  weights = outlay_decimals_to_text (p->weights, p->n_weights);
  actuals = outlay_decimals_to_text (p->actuals, p->n_actuals);
  sqlite3_bind_int64 (stmt, 1, outlay_line_get_id (line));
  sqlite3_bind_text (stmt, 2, nick (OUTLAY_TYPE_PHASING_METHOD, p->method), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, weights, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, actuals, -1, SQLITE_STATIC);
  outlay_store_bind_text (stmt, 5, p->source);
  return outlay_store_step_done (self, stmt, error);
}

static gboolean
sink_line_phasing_changed (OutlayDocumentSink *sink,
                           OutlayDocument *doc,
                           OutlayLine *line,
                           const OutlayLinePhasing *phasing,
                           GError **error)
{
  OutlayStore *self = OUTLAY_STORE (sink);
  g_autofree char *text = phasing != NULL
                              ? g_strdup_printf ("%s %s",
                                                 nick (OUTLAY_TYPE_PHASING_METHOD, phasing->method),
                                                 phasing->n_weights > 0 ? "weights" : "")
                              : g_strdup ("even");

  return write_line (self, line, phasing, error)
         && outlay_store_audit (self, budget_id_of (doc), "line", outlay_line_get_id (line),
                                "phase", "phasing", NULL, g_strstrip (text), error);
}

static gboolean
write_settings (OutlayStore *self, OutlayDocument *doc, GError **error)
{
  const OutlayPeriodSettings *s = outlay_document_get_period_settings (doc);
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "INSERT INTO budget_periods (budget_id, kind, closed, run_rate_periods) VALUES (?1, ?2, ?3, "
      "?4)"
      " ON CONFLICT (budget_id) DO UPDATE SET kind = ?2, closed = ?3, run_rate_periods = ?4",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budget_id_of (doc));
  sqlite3_bind_text (stmt, 2, nick (OUTLAY_TYPE_PERIOD_KIND, s->kind), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, (int) outlay_document_get_closed_periods (doc));
  sqlite3_bind_int (stmt, 4, (int) s->run_rate_periods);
  if (!outlay_store_step_done (self, stmt, error))
    return FALSE;
  stmt = outlay_store_statement (self,
                                 "DELETE FROM section_forecast WHERE section_id IN"
                                 " (SELECT id FROM sections WHERE budget_id = ?)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budget_id_of (doc));
  if (!outlay_store_step_done (self, stmt, error))
    return FALSE;
  for (guint i = 0; i < outlay_document_get_n_sections (doc); i++)
    {
      OutlaySection *section = outlay_document_get_section (doc, i);
      OutlayForecastMethod m = outlay_document_get_forecast_method (doc, section);

      if (m == OUTLAY_FORECAST_METHOD_REMAINING || outlay_section_get_id (section) <= 0)
        continue;
      stmt = outlay_store_statement (
          self, "INSERT INTO section_forecast (section_id, method) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, outlay_section_get_id (section));
      sqlite3_bind_text (stmt, 2, nick (OUTLAY_TYPE_FORECAST_METHOD, m), -1, SQLITE_STATIC);
      if (!outlay_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
sink_period_settings_changed (OutlayDocumentSink *sink, OutlayDocument *doc, GError **error)
{
  OutlayStore *self = OUTLAY_STORE (sink);
  const OutlayPeriodSettings *s = outlay_document_get_period_settings (doc);

  return write_settings (self, doc, error)
         && outlay_store_audit (self, budget_id_of (doc), "budget", budget_id_of (doc), "update",
                                "periods", NULL, nick (OUTLAY_TYPE_PERIOD_KIND, s->kind), error);
}

static gboolean
sink_period_closed (OutlayDocumentSink *sink,
                    OutlayDocument *doc,
                    OutlayForecastSnapshot *snap,
                    GError **error)
{
  OutlayStore *self = OUTLAY_STORE (sink);
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "INSERT INTO budget_periods (budget_id, closed) VALUES (?1, ?2)"
      " ON CONFLICT (budget_id) DO UPDATE SET closed = ?2",
      error);
  gint64 id;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budget_id_of (doc));
  sqlite3_bind_int (stmt, 2, (int) snap->closed);
  if (!outlay_store_step_done (self, stmt, error))
    return FALSE;
  stmt = outlay_store_statement (
      self,
      "INSERT INTO forecast_snapshots (budget_id, closed, period, created)"
      " VALUES (?, ?, ?, ?)",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budget_id_of (doc));
  sqlite3_bind_int (stmt, 2, (int) snap->closed);
  outlay_store_bind_text (stmt, 3, snap->period);
  sqlite3_bind_int64 (stmt, 4, snap->created);
  if (!outlay_store_step_done (self, stmt, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (outlay_store_get_db (self));
  for (guint i = 0; i < snap->values->len; i++)
    {
      const OutlaySnapshotValue *v = &g_array_index (snap->values, OutlaySnapshotValue, i);

      stmt = outlay_store_statement (
          self,
          "INSERT INTO forecast_snapshot_values"
          " (snapshot_id, section_id, period, amount) VALUES (?, ?, ?, ?)",
          error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, v->section_id);
      sqlite3_bind_int (stmt, 3, (int) v->period);
      sqlite3_bind_int64 (stmt, 4, v->amount);
      if (!outlay_store_step_done (self, stmt, error))
        return FALSE;
    }
  if (!outlay_store_audit (self, budget_id_of (doc), "budget", budget_id_of (doc), "close-period",
                           "closed", NULL, snap->period, error))
    return FALSE;
  snap->id = id;
  return TRUE;
}

/* A line back from undo keeps its phasing: its row went with the line. */
gboolean
outlay_store_write_line_phasing (OutlayStore *self,
                                 OutlayDocument *doc,
                                 OutlayLine *line,
                                 GError **error)
{
  const OutlayLinePhasing *p = outlay_document_get_line_phasing (doc, line);

  return p == NULL || write_line (self, line, p, error);
}

/* Inside the caller's transaction, for a whole new budget. */
gboolean
outlay_store_write_phasing (OutlayStore *self, OutlayDocument *doc, GError **error)
{
  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);

      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        if (!outlay_store_write_line_phasing (self, doc, outlay_section_get_line (section, l),
                                              error))
          return FALSE;
    }
  return write_settings (self, doc, error);
}

void
outlay_store_phasing_sink_init (struct _OutlayDocumentSinkInterface *iface)
{
  iface->line_phasing_changed = sink_line_phasing_changed;
  iface->period_settings_changed = sink_period_settings_changed;
  iface->period_closed = sink_period_closed;
}

/* ---- loading ---- */

static GHashTable *
index_lines (OutlayDocument *doc)
{
  GHashTable *lines = g_hash_table_new (NULL, NULL);

  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);

      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        {
          OutlayLine *line = outlay_section_get_line (section, l);

          g_hash_table_insert (lines, GSIZE_TO_POINTER (outlay_line_get_id (line)), line);
        }
    }
  return lines;
}

static gboolean
load_lines (OutlayStore *self, OutlayDocument *doc, gint64 budget_id, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT p.line_id, p.method, p.weights, p.actuals, p.source FROM line_phasing p"
      " JOIN lines l ON l.id = p.line_id WHERE l.budget_id = ?",
      error);
  g_autoptr(GHashTable) lines = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autofree OutlayDecimal *weights = NULL;
      g_autofree OutlayDecimal *actuals = NULL;
      guint nw = 0, na = 0;
      OutlayLinePhasing *p;
      OutlayLine *line;

      if (lines == NULL)
        lines = index_lines (doc);
      line = g_hash_table_lookup (lines, GSIZE_TO_POINTER (id));
      if (line == NULL
          || !outlay_decimals_from_text ((const char *) sqlite3_column_text (stmt, 2), &weights,
                                         &nw)
          || !outlay_decimals_from_text ((const char *) sqlite3_column_text (stmt, 3), &actuals,
                                         &na))
        continue;
      p = outlay_line_phasing_new (
          outlay_enum_from_nick (OUTLAY_TYPE_PHASING_METHOD,
                                 (const char *) sqlite3_column_text (stmt, 1),
                                 OUTLAY_PHASING_METHOD_EVEN),
          weights, nw);
      outlay_line_phasing_set_actuals (p, actuals, na);
      outlay_line_phasing_set_source (p, (const char *) sqlite3_column_text (stmt, 4));
      outlay_document_load_phasing (doc, line, p);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || outlay_store_fail (self, error);
}

static gboolean
load_settings (OutlayStore *self, OutlayDocument *doc, gint64 budget_id, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self, "SELECT kind, closed, run_rate_periods FROM budget_periods WHERE budget_id = ?", error);
  OutlayPeriodSettings settings;
  guint closed = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  outlay_period_settings_init (&settings);
  sqlite3_bind_int64 (stmt, 1, budget_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      settings.kind = outlay_enum_from_nick (OUTLAY_TYPE_PERIOD_KIND,
                                             (const char *) sqlite3_column_text (stmt, 0),
                                             OUTLAY_PERIOD_KIND_MONTH);
      closed = (guint) MAX (sqlite3_column_int (stmt, 1), 0);
      settings.run_rate_periods = (guint) MAX (sqlite3_column_int (stmt, 2), 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      outlay_period_settings_clear (&settings);
      return outlay_store_fail (self, error);
    }
  stmt = outlay_store_statement (self,
                                 "SELECT f.section_id, f.method FROM section_forecast f"
                                 " JOIN sections s ON s.id = f.section_id WHERE s.budget_id = ?",
                                 error);
  if (stmt == NULL)
    {
      outlay_period_settings_clear (&settings);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, budget_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int m = outlay_enum_from_nick (OUTLAY_TYPE_FORECAST_METHOD,
                                     (const char *) sqlite3_column_text (stmt, 1),
                                     OUTLAY_FORECAST_METHOD_REMAINING);

      for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
        if (outlay_section_get_id (outlay_document_get_section (doc, s)) == id)
          g_hash_table_insert (settings.methods, outlay_document_get_section (doc, s),
                               GUINT_TO_POINTER ((guint) m + 1));
    }
  sqlite3_reset (stmt);
  outlay_document_load_periods (doc, &settings, closed);
  outlay_period_settings_clear (&settings);
  return rc == SQLITE_DONE || outlay_store_fail (self, error);
}

static gboolean
load_snapshots (OutlayStore *self, OutlayDocument *doc, gint64 budget_id, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (
      self,
      "SELECT s.id, s.closed, s.period, s.created, v.section_id, v.period, v.amount"
      " FROM forecast_snapshots s LEFT JOIN forecast_snapshot_values v ON v.snapshot_id = s.id"
      " WHERE s.budget_id = ? ORDER BY s.closed, v.section_id, v.period",
      error);
  OutlayForecastSnapshot *snap = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (snap == NULL || snap->id != id)
        {
          snap = outlay_forecast_snapshot_new ((guint) sqlite3_column_int (stmt, 1),
                                               (const char *) sqlite3_column_text (stmt, 2));
          snap->id = id;
          snap->created = sqlite3_column_int64 (stmt, 3);
          outlay_document_load_snapshot (doc, snap);
        }
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        outlay_forecast_snapshot_add (snap, sqlite3_column_int64 (stmt, 4),
                                      (guint) sqlite3_column_int (stmt, 5),
                                      sqlite3_column_int64 (stmt, 6));
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || outlay_store_fail (self, error);
}

/* In the caller's read transaction, after the lines. */
gboolean
outlay_store_load_phasing (OutlayStore *self, OutlayDocument *doc, gint64 budget_id, GError **error)
{
  return load_lines (self, doc, budget_id, error) && load_settings (self, doc, budget_id, error)
         && load_snapshots (self, doc, budget_id, error);
}
