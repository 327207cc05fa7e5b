/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-cashflow-window"

/* The Cash Flow window's view: the schedule's cells (with drag and drop
 * between rows of a day), the account's chart, what is safe to spend and
 * the shortfall with its suggestions. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-cashflow-row.h"
#include "outlay-cashflow-window-private.h"
#include "outlay-currency.h"
#include "outlay-sheet-cell.h"

#define MAX_SUGGESTIONS_SHOWN 3

/* ---- the schedule's cells ---- */

/* The cell (with its row) under a point of the column view: the pick may
 * stop at the column view's own cell around ours (its padding) */
static GtkWidget *
cell_at (GtkWidget *view, double x, double y)
{
  GtkWidget *w = gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT);

  if (w != NULL && !OUTLAY_IS_SHEET_CELL (w)
      && OUTLAY_IS_SHEET_CELL (gtk_widget_get_first_child (w)))
    w = gtk_widget_get_first_child (w);
  for (; w != NULL && w != view; w = gtk_widget_get_parent (w))
    if (OUTLAY_IS_SHEET_CELL (w))
      return g_object_get_data (G_OBJECT (w), "row") != NULL ? w : NULL;
  return NULL;
}

/* One drag source and one drop target for the whole schedule, rather
 * than two controllers on each of its ~1,200 cells */
static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, GtkWidget *view)
{
  OutlayCashflowWindow *self = OUTLAY_CASHFLOW_WINDOW (
      gtk_widget_get_ancestor (view, OUTLAY_TYPE_CASHFLOW_WINDOW));
  OutlayCashflowRow *dragged = g_value_get_object (value);
  GtkWidget *cell = cell_at (view, x, y);
  OutlayCashflowRow *onto = cell != NULL ? g_object_get_data (G_OBJECT (cell), "row") : NULL;
  guint from, to;

  if (self == NULL || onto == NULL || !g_list_store_find (self->rows, dragged, &from)
      || !g_list_store_find (self->rows, onto, &to))
    return FALSE;
  return outlay_cashflow_window_reorder (self, from, to);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source, double x, double y, GtkWidget *view)
{
  GtkWidget *cell = cell_at (view, x, y);
  OutlayCashflowRow *row = cell != NULL ? g_object_get_data (G_OBJECT (cell), "row") : NULL;

  return row ? gdk_content_provider_new_typed (OUTLAY_TYPE_CASHFLOW_ROW, row) : NULL;
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer column)
{
  guint c = GPOINTER_TO_UINT (column);
  /* a cell that is never measured: the column's width and the CSS
   * min-height size it (an inscription would shape its text to measure) */
  GtkWidget *label = outlay_sheet_cell_new (
      c, c == OUTLAY_CASHFLOW_COLUMN_AMOUNT || c == OUTLAY_CASHFLOW_COLUMN_BALANCE ? 1.0f : 0.0f);

  /* rows take the focus and the selection, as before */
  gtk_widget_set_focusable (label, FALSE);
  outlay_sheet_cell_set_context (OUTLAY_SHEET_CELL (label),
                                 g_object_get_data (G_OBJECT (factory), "outlay-context"));
  gtk_widget_set_size_request (
      label, -1, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "line-height")));
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer column)
{
  OutlayCashflowRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = outlay_cashflow_row_get_text (row, GPOINTER_TO_UINT (column));
  const OutlayScheduleItem *it = outlay_cashflow_row_get_item (row);
  guint c = GPOINTER_TO_UINT (column);

  outlay_sheet_cell_set_text (OUTLAY_SHEET_CELL (label), text);
  g_object_set_data (G_OBJECT (label), "row", row);
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "dim-label");
  gtk_widget_remove_css_class (label, "success");
  if (c == OUTLAY_CASHFLOW_COLUMN_STATUS && it->status == OUTLAY_OCCURRENCE_OVERDUE)
    gtk_widget_add_css_class (label, "error");
  else if (c == OUTLAY_CASHFLOW_COLUMN_STATUS && it->status == OUTLAY_OCCURRENCE_PAID)
    gtk_widget_add_css_class (label, "success");
  else if (it->status == OUTLAY_OCCURRENCE_SKIPPED)
    gtk_widget_add_css_class (label, "dim-label");
  if (c == OUTLAY_CASHFLOW_COLUMN_BALANCE && it->balance < 0)
    gtk_widget_add_css_class (label, "error");
}

static void
unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer column)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "row", NULL);
}

void
outlay_cashflow_window_add_columns (OutlayCashflowWindow *self)
{
  static const struct
  {
    const char *title;
    int width;
    gboolean expand;
  } columns[] = {
    [OUTLAY_CASHFLOW_COLUMN_DATE] = {
        N_ ("Date"), 150, FALSE },
        [OUTLAY_CASHFLOW_COLUMN_BILL] = {
            N_ ("Bill"), 200, TRUE },
            [OUTLAY_CASHFLOW_COLUMN_ACCOUNT] = {
                N_ ("Account"), 140, FALSE },
                [OUTLAY_CASHFLOW_COLUMN_AMOUNT] = {
                    N_ ("Amount"), 130, FALSE },
                    [OUTLAY_CASHFLOW_COLUMN_STATUS] = {
                        N_ ("Status"), 130, FALSE },
                        [OUTLAY_CASHFLOW_COLUMN_BALANCE] = { N_ ("Balance After"), 140, FALSE },
                        };

  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (OUTLAY_TYPE_CASHFLOW_ROW, GDK_ACTION_MOVE);
  int line_height = outlay_sheet_cell_line_height (GTK_WIDGET (self->column_view));

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self->column_view);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self->column_view);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (source));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (target));
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "line-height", GINT_TO_POINTER (line_height));
      g_object_set_data (G_OBJECT (factory), "outlay-context",
                         gtk_widget_get_pango_context (GTK_WIDGET (self->column_view)));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }
}

/* ---- showing the book ---- */

static OutlayProjection *
current_projection (OutlayCashflowWindow *self)
{
  guint i = gtk_drop_down_get_selected (self->account_dropdown);

  if (self->book == NULL || i == GTK_INVALID_LIST_POSITION || i >= self->book->projections->len)
    return NULL;
  return g_ptr_array_index (self->book->projections, i);
}

void
outlay_cashflow_window_show_projection (OutlayCashflowWindow *self)
{
  OutlayProjection *p = current_projection (self);
  g_autoptr (OutlayChart) chart = NULL;
  g_autoptr (GArray) balance = NULL, minimum = NULL;
  const char *currency;

  if (p == NULL || p->points->len == 0)
    return;
  currency = outlay_account_get_currency (p->account);
  chart = outlay_chart_new (OUTLAY_CHART_LINE, currency);
  balance = g_array_sized_new (FALSE, FALSE, sizeof (OutlayDecimal), p->points->len);
  minimum = g_array_sized_new (FALSE, FALSE, sizeof (OutlayDecimal), p->points->len);
  for (guint i = 0; i < p->points->len; i++)
    {
      OutlayBalancePoint *pt = &g_array_index (p->points, OutlayBalancePoint, i);

      g_array_append_val (balance, pt->balance);
      g_array_append_val (minimum, pt->minimum);
    }
  outlay_chart_set_days (chart, &g_array_index (p->points, OutlayBalancePoint, 0).date,
                         p->points->len);
  outlay_chart_add_series (chart, _("Balance"), OUTLAY_CHART_STROKE_SOLID,
                                     (OutlayDecimal *) balance->data, balance->len);
  outlay_chart_add_series (chart, _("Lowest from here on"), OUTLAY_CHART_STROKE_DASHED,
                                     (OutlayDecimal *) minimum->data, minimum->len);
  if (outlay_account_get_reserve (p->account) > 0)
    outlay_chart_add_threshold (chart, _("Reserve"), outlay_account_get_reserve (p->account));
  outlay_chart_view_set_chart (self->chart_view, chart);
  {
    g_autofree char *amount = outlay_currency_format (p->safe_amount, currency);
    g_autofree char *until = g_date_valid (&p->safe_until)
                                 ? outlay_cashflow_day_words (&p->safe_until)
                                 : NULL;
    g_autofree char *text = until
        ? g_strdup_printf (_("Safe to spend until %s: %s"), until, amount)
        : g_strdup ("");

    gtk_label_set_text (self->safe_label, text);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->shortfall_label), p->shortfall);
  if (p->shortfall)
    {
      g_autofree char *amount = outlay_currency_format (p->shortfall_amount, currency);
      g_autofree char *when = outlay_cashflow_day_words (&p->shortfall_date);
      GString *s = g_string_new (NULL);

      g_string_append_printf (s, _("Below the reserve from %s, short by %s."), when, amount);
      /* the first few, by priority: a wrapped label of hundreds of them
       * is unreadable and takes longer to lay out than the whole window */
      for (guint i = 0; i < MIN (p->suggestions->len, MAX_SUGGESTIONS_SHOWN); i++)
        {
          g_autofree char *text = outlay_cashflow_suggestion_text (
              self->book, p, &g_array_index (p->suggestions, OutlaySuggestion, i));
          g_string_append_printf (s, "%s%s", i == 0 ? " " : "; ", text);
        }
      if (p->suggestions->len > MAX_SUGGESTIONS_SHOWN)
        {
          guint more = p->suggestions->len - MAX_SUGGESTIONS_SHOWN;

          g_string_append (s, "; ");
          /* Translators: after the first suggestions of what to move */
          g_string_append_printf (
              s, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", more), more);
        }
      gtk_label_set_text (self->shortfall_label, s->str);
      g_string_free (s, TRUE);
    }
}

void
outlay_cashflow_window_account_changed_cb (OutlayCashflowWindow *self)
{
  if (!self->updating)
    outlay_cashflow_window_show_projection (self);
}

void
outlay_cashflow_window_update_range_label (OutlayCashflowWindow *self)
{
  char a[64], b[64];
  g_autofree char *text = NULL;

  /* Translators: the range of days shown, see strftime */
  g_date_strftime (a, sizeof a, _("%-d %b"), &self->from);
  g_date_strftime (b, sizeof b, _("%-d %b %Y"), &self->to);
  text = g_strdup_printf ("%s – %s", a, b);
  gtk_menu_button_set_label (self->range_button, text);
}

void
outlay_cashflow_window_fill_accounts (OutlayCashflowWindow *self)
{
  guint keep = gtk_drop_down_get_selected (self->account_dropdown);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->account_names));
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < self->book->accounts->len; i++)
    g_ptr_array_add (
        names, (char *) outlay_account_get_name (g_ptr_array_index (self->book->accounts, i)));
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->account_names, 0, n, (const char *const *) names->pdata);
  if (keep != GTK_INVALID_LIST_POSITION && keep < self->book->accounts->len)
    gtk_drop_down_set_selected (self->account_dropdown, keep);
}
