/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-periods-page"

/* The Periods page's other ways to spread lines: by percentages typed
 * for the focused line, and following last year's actuals (another
 * budget's, line by line with the same code) for the line, its section or
 * the whole budget.  Each is one undoable step of the document; the CLI's
 * `outlay-cli phase` does the same. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-currency.h"
#include "outlay-error.h"
#include "outlay-periods-page-private.h"

typedef enum
{
  SCOPE_LINE,
  SCOPE_SECTION,
  SCOPE_BUDGET,
} Scope;

static GtkWindow *
toplevel (OutlayPeriodsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The line's split as percentages, two places, adding up to 100: its
 * typed percentages, else what its phasing gives each period now. */
static char *
current_percentages (OutlayPeriodsPage *self, OutlayLine *line)
{
  const OutlayLinePhasing *old = outlay_document_get_line_phasing (self->document, line);
  guint n = self->grid->periods->n;
  int r = outlay_phasing_grid_row_of (self->grid, line);
  OutlayDecimal estimate = outlay_line_get_estimate (line);
  OutlayDecimal left = OUTLAY_DECIMAL_FROM_INT (100);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint p = 0; p < n; p++)
    {
      OutlayDecimal pct = 0;
      g_autofree char *s = NULL;

      if (old != NULL && old->method == OUTLAY_PHASING_METHOD_PERCENT && old->n_weights == n)
        pct = old->weights[p];
      else if (p == n - 1)
        pct = left;
      else if (r < 0 || estimate == 0
               || !outlay_decimal_as_percent (OUTLAY_GRID_AT (self->grid, planned, r, p), estimate,
                                              &pct))
        pct = outlay_decimal_round (OUTLAY_DECIMAL_FROM_INT (100) / n, 2);
      else
        pct = outlay_decimal_round (pct, 2);
      left -= pct;
      s = outlay_decimal_format_locale (pct, pct % OUTLAY_DECIMAL_SCALE == 0 ? 0 : 2);
      g_string_append_printf (text, "%s%s", p > 0 ? " " : "", s);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
parse_percentages (const char *text, GArray *values, GError **error)
{
  g_auto (GStrv) parts = g_regex_split_simple ("[\\s;%]+", text, 0, 0);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autoptr(GError) local = NULL;
      OutlayDecimalParseFlags flags = 0;
      OutlayDecimal v;

      if (parts[i][0] == '\0')
        continue;
      if (!outlay_decimal_parse_full (parts[i], -1, outlay_decimal_style_for_locale (), &v, &flags,
                                      &local))
        {
          g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                       _("Value %u, “%s”, is not a number"), values->len + 1, parts[i]);
          return FALSE;
        }
      g_array_append_val (values, v);
    }
  return TRUE;
}

typedef struct
{
  OutlayPeriodsPage *page;
  OutlayLine *line;
  GtkEntry *entry;
} PercentRequest;

static void
percent_request_free (gpointer data)
{
  PercentRequest *request = data;

  g_object_unref (request->page);
  g_object_unref (request->line);
  g_free (request);
}

static void
percent_response_cb (AdwMessageDialog *dialog, const char *response, PercentRequest *request)
{
  OutlayPeriodsPage *self = request->page;
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (OutlayDecimal));
  g_autoptr(OutlayLinePhasing) phasing = NULL;
  g_autoptr(GError) error = NULL;
  const OutlayLinePhasing *old;

  if (!g_str_equal (response, "spread") || self->grid == NULL)
    return;
  old = outlay_document_get_line_phasing (self->document, request->line);
  if (!parse_percentages (gtk_editable_get_text (GTK_EDITABLE (request->entry)), values, &error)
      || (phasing = outlay_phasing_make (OUTLAY_PHASING_METHOD_PERCENT,
                                         (const OutlayDecimal *) values->data, values->len,
                                         self->grid->periods->n, &error))
             == NULL)
    {
      outlay_periods_page_message (self, error->message);
      return;
    }
  /* the actuals recorded per period stay */
  if (old != NULL)
    outlay_line_phasing_set_actuals (phasing, old->actuals, old->n_actuals);
  if (!outlay_document_set_phasing (self->document, &request->line, &phasing, 1,
                                    _("Spread by Percentages"), &error))
    outlay_periods_page_message (self, error->message);
}

void
outlay_periods_page_spread_percent_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayPeriodsPage *self = OUTLAY_PERIODS_PAGE (widget);
  OutlayLine *line = outlay_periods_page_focused_line (
      self, _("Click a line to spread it by percentages"));
  const OutlayPeriods *periods;
  PercentRequest *request;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *current = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (line == NULL)
    return;
  periods = self->grid->periods;
  heading = g_strdup_printf (_("Spread “%s” by Percentages"), outlay_line_get_description (line));
  body = g_strdup_printf (_("One percentage for each of the %u periods from %s to %s, separated "
                            "by spaces, adding up to 100."),
                             periods->n, periods->names[0], periods->names[periods->n - 1]);
  dialog = adw_message_dialog_new (toplevel (self), heading, body);
  current = current_percentages (self, line);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), current);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Percentages, one per period"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel",
                                    _("_Cancel"), "spread", _("_Spread"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "spread",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "spread");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  request = g_new0 (PercentRequest, 1);
  request->page = g_object_ref (self);
  request->line = g_object_ref (line);
  request->entry = GTK_ENTRY (entry);
  g_signal_connect_data (dialog, "response", G_CALLBACK (percent_response_cb), request,
                         (GClosureNotify) (void (*) (void)) percent_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Following last year's actuals */

typedef struct
{
  OutlayPeriodsPage *page;
  OutlayLine *line;
  GtkDropDown *budgets;
  GtkDropDown *scope;
  GArray *ids; /* gint64, the drop-down's budgets */
} FollowRequest;

static void
follow_request_free (gpointer data)
{
  FollowRequest *request = data;

  g_object_unref (request->page);
  g_object_unref (request->line);
  g_array_unref (request->ids);
  g_free (request);
}

static GPtrArray *
scope_lines (OutlayDocument *doc, OutlayLine *line, Scope scope)
{
  GPtrArray *lines = g_ptr_array_new ();

  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);

      if (scope == SCOPE_SECTION && section != outlay_line_get_section (line))
        continue;
      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        if (scope != SCOPE_LINE || outlay_section_get_line (section, l) == line)
          g_ptr_array_add (lines, outlay_section_get_line (section, l));
    }
  return lines;
}

/* @lines phased after @source's actuals; those @source has no line (or
 * no actuals) for are left out and counted in @skipped.  FALSE when the
 * budgets cannot be laid over each other. */
static gboolean
follow_lines (OutlayPeriodsPage *self,
              OutlayDocument *source,
              GPtrArray *lines,
              GPtrArray *followed,
              GPtrArray *phasings,
              guint *skipped,
              GError **error)
{
  g_autoptr(OutlayPhasingGrid) grid = outlay_phasing_grid_new (source, error);
  const char *name = outlay_budget_get_name (outlay_document_get_budget (source));
  guint n = self->grid->periods->n;

  if (grid == NULL)
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      OutlayLine *line = g_ptr_array_index (lines, i);
      const OutlayLinePhasing *old = outlay_document_get_line_phasing (self->document, line);
      g_autoptr(GError) local = NULL;
      g_autofree OutlayDecimal *weights = outlay_phasing_grid_actuals_of (grid, source, line, n,
                                                                          &local);
      OutlayLinePhasing *p = NULL;

      if (weights == NULL && g_error_matches (local, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (weights != NULL)
        p = outlay_phasing_make (OUTLAY_PHASING_METHOD_LAST_YEAR, weights, n, n, NULL);
      if (p == NULL)
        {
          (*skipped)++;
          continue;
        }
      outlay_line_phasing_set_source (p, name);
      if (old != NULL)
        outlay_line_phasing_set_actuals (p, old->actuals, old->n_actuals);
      g_ptr_array_add (followed, line);
      g_ptr_array_add (phasings, p);
    }
  return TRUE;
}

static void
follow_response_cb (AdwMessageDialog *dialog, const char *response, FollowRequest *request)
{
  OutlayPeriodsPage *self = request->page;
  OutlayStore *store = outlay_periods_page_get_store (self);
  guint pick = gtk_drop_down_get_selected (request->budgets);
  g_autoptr(OutlayDocument) source = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) followed = g_ptr_array_new ();
  g_autoptr(GPtrArray) phasings = g_ptr_array_new_with_free_func (
      (GDestroyNotify) outlay_line_phasing_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint skipped = 0;

  if (!g_str_equal (response, "follow") || self->grid == NULL || pick >= request->ids->len
      || store == NULL)
    return;
  source = outlay_store_load_document (store, g_array_index (request->ids, gint64, pick), &error);
  lines = scope_lines (self->document, request->line,
                       (Scope) gtk_drop_down_get_selected (request->scope));
  if (source == NULL || !follow_lines (self, source, lines, followed, phasings, &skipped, &error)
      || (followed->len > 0
          && !outlay_document_set_phasing (self->document, (OutlayLine *const *) followed->pdata,
                                           (OutlayLinePhasing *const *) phasings->pdata,
                                           followed->len,
                                           _("Follow Last Year’s Actuals"), &error)))
    {
      outlay_periods_page_message (self, error->message);
      return;
    }
  if (skipped == 0)
    text = g_strdup_printf (
        g_dngettext (NULL, "%u line follows “%s”", "%u lines follow “%s”", followed->len),
        followed->len, outlay_budget_get_name (outlay_document_get_budget (source)));
  else
    text = g_strdup_printf (
        g_dngettext (NULL,
                     "%u of %u lines follow “%s”; the other has no line with its code or no "
                     "actuals there and keeps its phasing",
                     "%u of %u lines follow “%s”; the others have no line with their code or no "
                     "actuals there and keep their phasing",
                     skipped),
        followed->len, lines->len, outlay_budget_get_name (outlay_document_get_budget (source)));
  outlay_periods_page_message (self, text);
}

static GtkWidget *
follow_choices (OutlayPeriodsPage *self, FollowRequest *request)
{
  OutlayStore *store = outlay_periods_page_get_store (self);
  gint64 own = outlay_budget_get_id (outlay_document_get_budget (self->document));
  g_autoptr(GPtrArray) budgets = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *scopes[] = { _("This Line"), _("Its Section"), _("All Lines"), NULL };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  if (store != NULL)
    budgets = outlay_store_list_budgets (store, NULL);
  for (guint i = 0; budgets != NULL && i < budgets->len; i++)
    {
      OutlayBudget *b = g_ptr_array_index (budgets, i);
      gint64 id = outlay_budget_get_id (b);

      if (id == own)
        continue;
      gtk_string_list_append (names, outlay_budget_get_name (b));
      g_array_append_val (request->ids, id);
    }
  request->budgets = GTK_DROP_DOWN (
      gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
  gtk_drop_down_set_enable_search (request->budgets, request->ids->len > 10);
  gtk_accessible_update_property (GTK_ACCESSIBLE (request->budgets), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Budget to follow"), -1);
  request->scope = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (scopes));
  gtk_accessible_update_property (GTK_ACCESSIBLE (request->scope), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Lines to spread"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (request->budgets));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (request->scope));
  return box;
}

void
outlay_periods_page_follow_actuals_action (GtkWidget *widget, const char *action, GVariant *param)
{
  OutlayPeriodsPage *self = OUTLAY_PERIODS_PAGE (widget);
  OutlayLine *line = outlay_periods_page_focused_line (
      self, _("Click a line to spread it after last year’s"));
  FollowRequest *request;
  GtkWidget *dialog;

  if (line == NULL)
    return;
  request = g_new0 (FollowRequest, 1);
  request->page = g_object_ref (self);
  request->line = g_object_ref (line);
  request->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  dialog = adw_message_dialog_new (
      toplevel (self),
      _("Follow Last Year’s Actuals"),
         _("Each line is spread like the actuals of the line with its code in the budget chosen "
        "here, period by period. Lines it has no match for keep their phasing."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), follow_choices (self, request));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel",
                                    _("_Cancel"), "follow", _("_Spread"), NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "follow",
                                           request->ids->len > 0);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "follow",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "follow");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (follow_response_cb), request,
                         (GClosureNotify) (void (*) (void)) follow_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
