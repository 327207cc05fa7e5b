/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-store"

/* Templates of the user's own: budgets with is_template = 1, copied from a
 * budget without its spending, hidden from the budget list, and copied
 * back into a new budget by New Budget ("user:ID"). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-document-sink.h"
#include "outlay-error.h"
#include "outlay-line-private.h"
#include "outlay-document-phasing.h"
#include "outlay-store-private.h"
#include "outlay-store-templates.h"
#include "outlay-template.h"

static const OutlayLineField spending_fields[] = {
  OUTLAY_LINE_ACTUAL, OUTLAY_LINE_COMMITTED, OUTLAY_LINE_RESERVED,
};

/* ---- helpers ---- */

static gboolean
check_template_name (const char *name, char **stripped, GError **error)
{
  g_autofree char *text = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("The template's name is not valid UTF-8 text"));
      return FALSE;
    }
  if (*text == '\0')
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("A template needs a name"));
      return FALSE;
    }
  *stripped = g_steal_pointer (&text);
  return TRUE;
}

/* Fails when another template has @name, in any case. */
static gboolean
check_name_free (OutlayStore *self, const char *name, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (self,
    "SELECT name FROM budgets WHERE is_template = 1 AND name = ? COLLATE NOCASE", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                 _("You already have a template named “%s”. Choose another name."),
                 (const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    outlay_store_fail (self, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/* Fails unless @template_id is a template of the user's. */
static gboolean
check_is_template (OutlayStore *self, gint64 template_id, GError **error)
{
  sqlite3_stmt *stmt = outlay_store_statement (self,
    "SELECT is_template FROM budgets WHERE id = ?", error);
  gboolean found;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, template_id);
  rc = sqlite3_step (stmt);
  found = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return outlay_store_fail (self, error);
  if (!found)
    {
      g_autofree char *ref = outlay_user_template_id (template_id);

      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                   _("There is no template “%s”; it may have been deleted"), ref);
    }
  return found;
}

static gboolean
insert_budget_row (OutlayStore *self, OutlayBudget *budget, GError **error)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  sqlite3_stmt *stmt = outlay_store_statement (self,
    "INSERT INTO budgets (" OUTLAY_BUDGET_COLUMNS ", is_template, created, modified)"
    " VALUES (" OUTLAY_BUDGET_MARKS ", 1, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  outlay_store_bind_budget (stmt, 1, budget);
  sqlite3_bind_int64 (stmt, OUTLAY_BUDGET_N_COLUMNS + 1, now);
  sqlite3_bind_int64 (stmt, OUTLAY_BUDGET_N_COLUMNS + 2, now);
  if (!outlay_store_step_done (self, stmt, error))
    return FALSE;
  g_object_set (budget, "id", sqlite3_last_insert_rowid (outlay_store_get_db (self)),
                "created", now, "modified", now, NULL);
  return TRUE;
}

static gboolean
audit_template (OutlayStore *self, OutlayDocument *doc, gint64 from_budget, GError **error)
{
  OutlayBudget *budget = outlay_document_get_budget (doc);
  sqlite3_stmt *stmt = outlay_store_statement (self,
    "INSERT INTO audit (at, actor, budget_id, entity, entity_id, action, new_value)"
    " VALUES (?1, ?2, ?3, 'template', ?3, 'create',"
    " json_object('name', ?4, 'budget', ?5, 'sections', ?6, 'lines', ?7))", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, outlay_budget_get_created (budget));
  sqlite3_bind_text (stmt, 2, g_get_user_name (), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, outlay_budget_get_id (budget));
  sqlite3_bind_text (stmt, 4, outlay_budget_get_name (budget), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, from_budget);
  sqlite3_bind_int (stmt, 6, outlay_document_get_n_sections (doc));
  sqlite3_bind_int (stmt, 7, outlay_document_get_n_lines (doc));
  return outlay_store_step_done (self, stmt, error);
}

/* Writes @doc as a new template; inside a transaction. */
static gboolean
write_template (OutlayStore *self, OutlayDocument *doc, gint64 from_budget, GError **error)
{
  OutlayBudget *budget = outlay_document_get_budget (doc);

  if (!check_name_free (self, outlay_budget_get_name (budget), error)
      || !insert_budget_row (self, budget, error))
    return FALSE;
  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);

      if (!outlay_store_insert_section_row (self, outlay_budget_get_id (budget), s, section, error))
        return FALSE;
      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        if (!outlay_store_insert_line_row (self, outlay_budget_get_id (budget),
                                           outlay_section_get_id (section), l,
                                           outlay_section_get_line (section, l), error))
          return FALSE;
    }
  return audit_template (self, doc, from_budget, error);
}

/* ---- private API ---- */

/**
 * outlay_store_copy_document:
 * @src: a document
 * @budget: the copy's budget, with id 0
 * @keep_spending: %FALSE to leave the lines' actual, committed and
 *   reserved at 0
 * @error: why it failed
 *
 * Returns: (transfer full) (nullable): an unsaved document with copies of
 *   @src's sections and lines, for outlay_store_save_new_document()
 */
/* A line's phasing goes with its copy; the actuals recorded per period
 * only when the spending does. */
static void
copy_phasing (OutlayDocument *src,
              OutlayDocument *copy,
              OutlayLine *from,
              OutlayLine *to,
              gboolean keep_spending)
{
  OutlayLinePhasing *p = outlay_line_phasing_copy (outlay_document_get_line_phasing (src, from));

  if (p == NULL)
    return;
  if (!keep_spending)
    outlay_line_phasing_set_actuals (p, NULL, 0);
  if (p->method == OUTLAY_PHASING_METHOD_EVEN && p->n_actuals == 0)
    outlay_line_phasing_free (p);
  else
    outlay_document_load_phasing (copy, to, p);
}

OutlayDocument *
outlay_store_copy_document (OutlayDocument  *src,
                            OutlayBudget    *budget,
                            gboolean         keep_spending,
                            GError         **error)
{
  g_autoptr(OutlayDocument) copy = outlay_document_new (budget);

  for (guint s = 0; s < outlay_document_get_n_sections (src); s++)
    {
      OutlaySection *from = outlay_document_get_section (src, s);
      g_autoptr(OutlaySection) to = outlay_section_new (outlay_section_get_code (from),
                                                        outlay_section_get_name (from));

      g_object_set (to, "fringe", outlay_section_get_fringe (from), NULL);
      outlay_document_load_section (copy, to);
      for (guint l = 0; l < outlay_section_get_n_lines (from); l++)
        {
          g_autoptr(OutlayLine) line = outlay_line_new ();
          OutlayLineState state = { 0 };

          outlay_line_save_state (outlay_section_get_line (from, l), &state);
          outlay_line_restore_state (line, &state);
          outlay_line_state_clear (&state);
          for (guint i = 0; !keep_spending && i < G_N_ELEMENTS (spending_fields); i++)
            outlay_line_load_decimal (line, spending_fields[i], 0);
          outlay_document_load_line (copy, to, line);
          copy_phasing (src, copy, outlay_section_get_line (from, l), line, keep_spending);
        }
    }
  /* the periods and how each section is forecast; a copy starts open */
  {
    OutlayPeriodSettings settings;

    outlay_period_settings_copy (&settings, outlay_document_get_period_settings (src));
    g_hash_table_remove_all (settings.methods);
    for (guint s = 0; s < outlay_document_get_n_sections (src); s++)
      {
        OutlayForecastMethod m = outlay_document_get_forecast_method (
            src, outlay_document_get_section (src, s));

        if (m != OUTLAY_FORECAST_METHOD_REMAINING)
          g_hash_table_insert (settings.methods, outlay_document_get_section (copy, s),
                               GUINT_TO_POINTER ((guint) m + 1));
      }
    outlay_document_load_periods (copy, &settings, 0);
    outlay_period_settings_clear (&settings);
  }
  if (!outlay_document_finish_load (copy, error))
    return NULL;
  return g_steal_pointer (&copy);
}

/* ---- public API ---- */

/**
 * outlay_user_template_id:
 * @template_id: a template's id in the database
 *
 * Returns: (transfer full): "user:@template_id", as New Budget and
 *   outlay_store_create_budget() take it
 */
char *
outlay_user_template_id (gint64 template_id)
{
  return g_strdup_printf (OUTLAY_USER_TEMPLATE_PREFIX "%" G_GINT64_FORMAT, template_id);
}

/**
 * outlay_user_template_parse_id:
 * @text: "user:12"
 * @template_id: (out): 12
 * @error: why @text is not such an id
 *
 * Returns: %TRUE if @text is "user:" and a positive number
 */
gboolean
outlay_user_template_parse_id (const char  *text,
                               gint64      *template_id,
                               GError     **error)
{
  guint64 id = 0;

  g_return_val_if_fail (template_id != NULL, FALSE);
  if (text == NULL || !g_str_has_prefix (text, OUTLAY_USER_TEMPLATE_PREFIX)
      || !g_ascii_isdigit (text[strlen (OUTLAY_USER_TEMPLATE_PREFIX)])
      || !g_ascii_string_to_unsigned (text + strlen (OUTLAY_USER_TEMPLATE_PREFIX), 10, 1,
                                      G_MAXINT64, &id, NULL))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a template id; a template of yours goes by “user:” and its "
                     "number, such as user:12"), text != NULL ? text : "");
      return FALSE;
    }
  *template_id = (gint64) id;
  return TRUE;
}

/**
 * outlay_store_save_as_template:
 * @self: a store
 * @budget_id: the budget to copy
 * @name: the template's name, unique among the templates without case
 * @error: why it failed, e.g. the name is taken
 *
 * Saves a copy of the budget's sections and lines as a template, in
 * draft, with no actual, committed or reserved amounts.
 *
 * Returns: the template's id, or 0
 */
gint64
outlay_store_save_as_template (OutlayStore  *self,
                               gint64        budget_id,
                               const char   *name,
                               GError      **error)
{
  g_autofree char *stripped = NULL;
  g_autoptr(OutlayDocument) src = NULL;
  g_autoptr(OutlayBudget) budget = NULL;
  g_autoptr(OutlayDocument) copy = NULL;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), 0);
  if (!check_template_name (name, &stripped, error)
      || (src = outlay_store_load_document (self, budget_id, error)) == NULL)
    return 0;
  budget = outlay_budget_copy (outlay_document_get_budget (src));
  /* what was spent belongs to the budget, not to the ones to come */
  g_object_set (budget, "id", (gint64) 0, "name", stripped, "status", OUTLAY_BUDGET_STATUS_DRAFT,
                "realized-value", (gint64) 0, NULL);
  if ((copy = outlay_store_copy_document (src, budget, FALSE, error)) == NULL
      || !outlay_store_exec (self, "BEGIN IMMEDIATE", error))
    return 0;
  if (!write_template (self, copy, budget_id, error) || !outlay_store_exec (self, "COMMIT", error))
    {
      outlay_store_exec (self, "ROLLBACK", NULL);
      return 0;
    }
  return outlay_budget_get_id (budget);
}

/**
 * outlay_store_list_templates:
 * @self: a store
 * @error: why it failed
 *
 * Returns: (transfer container) (element-type OutlayBudget) (nullable): the
 *   user's templates, by name
 */
GPtrArray *
outlay_store_list_templates (OutlayStore  *self,
                             GError      **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), NULL);
  stmt = outlay_store_statement (self,
    "SELECT id, " OUTLAY_BUDGET_COLUMNS ", created, modified FROM budgets"
    " WHERE is_template = 1 AND trashed = 0 ORDER BY name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, outlay_store_read_budget (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      outlay_store_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/**
 * outlay_store_delete_template:
 * @self: a store
 * @template_id: a template; budgets are refused
 * @error: why it failed
 *
 * Deletes the template for good.  Budgets made from it keep their lines.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_store_delete_template (OutlayStore  *self,
                              gint64        template_id,
                              GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), FALSE);
  if (!outlay_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!check_is_template (self, template_id, error)
      || (stmt = outlay_store_statement (self,
            "INSERT INTO audit (at, actor, budget_id, entity, entity_id, action, old_value)"
            " SELECT ?1, ?2, id, 'template', id, 'delete', name FROM budgets WHERE id = ?3",
            error)) == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_text (stmt, 2, g_get_user_name (), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, template_id);
  if (!outlay_store_step_done (self, stmt, error)
      || (stmt = outlay_store_statement (self,
            "DELETE FROM budgets WHERE id = ? AND is_template = 1", error)) == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, template_id);
  if (!outlay_store_step_done (self, stmt, error) || !outlay_store_exec (self, "COMMIT", error))
    goto fail;
  return TRUE;

fail:
  outlay_store_exec (self, "ROLLBACK", NULL);
  return FALSE;
}

/**
 * outlay_store_create_from_template:
 * @self: a store
 * @template_id: a template from outlay_store_list_templates()
 * @name: (nullable): the new budget's name; %NULL for the template's
 * @currency: (nullable): an ISO 4217 code; %NULL for the template's
 * @error: why it failed
 *
 * Creates a budget with copies of the template's sections and lines.  In
 * another currency than the template's, the rates and estimates and the
 * budget's allocation, contingency and expected value are cleared, as
 * outlay_template_set_currency() does for the built-in templates: they are
 * amounts in the template's currency.
 *
 * Returns: the new budget's id, or 0
 */
gint64
outlay_store_create_from_template (OutlayStore  *self,
                                   gint64        template_id,
                                   const char   *name,
                                   const char   *currency,
                                   GError      **error)
{
  g_autofree char *stripped = NULL;
  g_autoptr(OutlayDocument) src = NULL;
  g_autoptr(OutlayBudget) budget = NULL;
  g_autoptr(OutlayDocument) copy = NULL;

  g_return_val_if_fail (OUTLAY_IS_STORE (self), 0);
  if (!outlay_store_check_new_budget (name, currency, &stripped, error)
      || !check_is_template (self, template_id, error)
      || (src = outlay_store_load_document (self, template_id, error)) == NULL)
    return 0;
  budget = outlay_budget_copy (outlay_document_get_budget (src));
  g_object_set (budget, "id", (gint64) 0, "status", OUTLAY_BUDGET_STATUS_DRAFT, NULL);
  if (stripped != NULL)
    g_object_set (budget, "name", stripped, NULL);
  if ((copy = outlay_store_copy_document (src, budget, FALSE, error)) == NULL)
    return 0;
  if (currency != NULL && g_ascii_strcasecmp (currency, outlay_budget_get_currency (budget)) != 0)
    {
      g_object_set (budget, "allocated", (gint64) 0, "contingency", (gint64) 0,
                    "expected-value", (gint64) 0, NULL);
      outlay_template_set_currency (copy, currency);
    }
  if (!outlay_store_save_new_document (self, copy, NULL, NULL, NULL, error))
    return 0;
  return outlay_budget_get_id (budget);
}
