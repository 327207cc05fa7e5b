/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-week-grid"

/* The week grid: people (or tasks) down, the seven days of a week across,
 * the hours logged in each cell.  Typing a larger number in a cell logs
 * the difference as one entry, costed like any other (on the task chosen
 * for the people view, for the person chosen for the tasks view); the
 * grid reads its sums from the store with one GROUP BY when the budget
 * changes, and the column view builds cells only for the rows on screen. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-cell-keys.h"
#include "outlay-document-tasks.h"
#include "outlay-error.h"
#include "outlay-rates.h"
#include "outlay-recurrence.h"
#include "outlay-store-tasks.h"
#include "outlay-task-names.h"
#include "outlay-week-grid.h"
#include "outlay-week-row.h"

struct _OutlayWeekGrid
{
  GtkBox parent_instance;
  OutlayDocument *document;
  OutlayStore *store;
  GDate monday;
  gboolean by_tasks;
  GListStore *rows;
  GArray *target_ids; /* gint64: tasks, or people (0 first) */

  GtkDropDown *mode;
  GtkLabel *week_label;
  GtkLabel *target_label;
  GtkDropDown *target;
  GtkColumnView *view;
  GtkLabel *message;
  OutlayCellKeys *keys;
};

G_DEFINE_FINAL_TYPE (OutlayWeekGrid, outlay_week_grid, GTK_TYPE_BOX)

#define DAY_COLUMN 1 /* the name comes first, then seven days, then the total */
#define TOTAL_COLUMN (DAY_COLUMN + OUTLAY_WEEK_DAYS)

static void
day_text (OutlayWeekGrid *self, guint day, char *buf, gsize size)
{
  GDate d = self->monday;

  g_date_add_days (&d, day);
  g_snprintf (buf, size, "%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d),
              g_date_get_day (&d));
}

static char *
hours_text (OutlayDecimal hours)
{
  return hours == 0 ? g_strdup ("") : outlay_decimal_to_string_trim (hours);
}

static void
show_cell (OutlaySheetCell *cell, gpointer item, guint column, gpointer data)
{
  OutlayWeekRow *row = item;
  g_autofree char *text = NULL;

  if (outlay_sheet_cell_is_editing (cell))
    return;
  if (column == 0)
    outlay_sheet_cell_set_text (cell, outlay_week_row_get_name (row));
  else
    {
      text = hours_text (column == TOTAL_COLUMN
                             ? outlay_week_row_get_total (row)
                             : outlay_week_row_get_hours (row, column - DAY_COLUMN));
      outlay_sheet_cell_set_text (cell, text);
    }
}

/* The days take typed hours; the name and the total do not */
static char *
edit_text (gpointer item, guint column, gpointer data)
{
  if (column < DAY_COLUMN || column >= TOTAL_COLUMN)
    return NULL;
  return hours_text (outlay_week_row_get_hours (item, column - DAY_COLUMN));
}

static gboolean
commit_cell (gpointer item,
             guint position,
             guint column,
             const char *text,
             GError **error,
             gpointer data)
{
  g_autofree char *shown = edit_text (item, column, data);

  if (g_strcmp0 (shown, text) == 0)
    return TRUE;
  return outlay_week_grid_type_hours (data, position, column - DAY_COLUMN, text, error);
}

static void
message (const char *text, gpointer data)
{
  gtk_label_set_text (OUTLAY_WEEK_GRID (data)->message, text);
}

static const OutlayCellKeysFuncs cell_funcs = { edit_text, commit_cell, show_cell, message };

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, OutlayWeekGrid *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "outlay-column"));
  GtkWidget *cell = outlay_sheet_cell_new (column, column == 0 ? 0.0f : 1.0f);

  /* never measured: the grid gives it one line's height */
  gtk_widget_set_size_request (
      cell, -1, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "outlay-height")));
  /* drawn in the table's font: no text widget per cell */
  outlay_sheet_cell_set_context (OUTLAY_SHEET_CELL (cell),
                                 gtk_widget_get_pango_context (GTK_WIDGET (self->view)));
  gtk_list_item_set_child (item, cell);
}

static void
row_notify_cb (OutlayWeekRow *row, GParamSpec *pspec, OutlaySheetCell *cell)
{
  show_cell (cell, row, outlay_sheet_cell_get_column (cell), NULL);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, OutlayWeekGrid *self)
{
  OutlaySheetCell *cell = OUTLAY_SHEET_CELL (gtk_list_item_get_child (item));

  outlay_cell_keys_bind (self->keys, cell, item);
  show_cell (cell, gtk_list_item_get_item (item), outlay_sheet_cell_get_column (cell), self);
  g_signal_connect_object (gtk_list_item_get_item (item), "notify::hours",
                           G_CALLBACK (row_notify_cb), cell, 0);
}

static void
unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, OutlayWeekGrid *self)
{
  OutlaySheetCell *cell = OUTLAY_SHEET_CELL (gtk_list_item_get_child (item));

  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), row_notify_cb, cell);
  if (self->keys != NULL)
    outlay_cell_keys_unbind (self->keys, cell, item);
}

static void
update_titles (OutlayWeekGrid *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);
  g_autofree char *week = NULL;
  char day[11];

  for (guint d = 0; d < OUTLAY_WEEK_DAYS; d++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, DAY_COLUMN + d);
      GDate date = self->monday;
      char title[32];

      g_date_add_days (&date, d);
      /* Translators: a weekday and day of month, as strftime: "Mon 2" */
      g_date_strftime (title, sizeof title, _("%a %e"), &date);
      gtk_column_view_column_set_title (column, title);
    }
  day_text (self, 0, day, sizeof day);
  week = g_strdup_printf (_("Week of %s"), day);
  gtk_label_set_text (self->week_label, week);
}

static void
add_columns (OutlayWeekGrid *self)
{
  int height = outlay_sheet_cell_line_height (GTK_WIDGET (self->view));

  self->keys = outlay_cell_keys_new (self->view, TOTAL_COLUMN + 1, &cell_funcs, self);
  for (guint c = 0; c <= TOTAL_COLUMN; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "outlay-column", GUINT_TO_POINTER (c));
      g_object_set_data (G_OBJECT (factory), "outlay-height", GINT_TO_POINTER (height));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
      column = gtk_column_view_column_new (c == 0 ? (self->by_tasks ? _("Task") : _("Person"))
                                                  : c == TOTAL_COLUMN
                                           ? _("Total") : "", factory);
      gtk_column_view_column_set_fixed_width (column, c == 0 ? 200 : 72);
      if (c == 0)
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->view, column);
    }
  update_titles (self);
}

static void read_hours (OutlayWeekGrid *self, GPtrArray *rows);

/* The rows (everyone, or every task) and the target list (the other). */
static void
fill_rows (OutlayWeekGrid *self, GPtrArray *people)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkStringList) targets = gtk_string_list_new (NULL);
  gint64 nobody = 0;

  g_array_set_size (self->target_ids, 0);
  if (!self->by_tasks)
    g_ptr_array_add (rows, outlay_week_row_new (0, _("Nobody in particular")));
  else
    {
      gtk_string_list_append (targets, _("Nobody in particular"));
      g_array_append_val (self->target_ids, nobody);
    }
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      OutlayPerson *p = g_ptr_array_index (people, i);
      gint64 id = outlay_person_get_id (p);

      if (self->by_tasks)
        {
          gtk_string_list_append (targets, outlay_person_get_name (p));
          g_array_append_val (self->target_ids, id);
        }
      else
        g_ptr_array_add (rows, outlay_week_row_new (id, outlay_person_get_name (p)));
    }
  for (guint i = 0; i < outlay_document_get_n_tasks (self->document); i++)
    {
      OutlayTask *task = outlay_document_get_task (self->document, i);
      gint64 id = outlay_task_get_id (task);

      if (self->by_tasks)
        g_ptr_array_add (rows, outlay_week_row_new (id, outlay_task_get_name (task)));
      else
        g_array_append_val (self->target_ids, id);
    }
  /* the week's hours go in before the rows have cells to redraw */
  read_hours (self, rows);
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
  if (self->by_tasks)
    gtk_drop_down_set_model (self->target, G_LIST_MODEL (targets));
  else
    {
      /* thousands of tasks: their names are made as the list shows them */
      g_autoptr(OutlayTaskNames) names = outlay_task_names_new (self->document, self->target_ids);

      gtk_drop_down_set_model (self->target, G_LIST_MODEL (names));
    }
  gtk_label_set_text (self->target_label,
                      self->by_tasks ? _("Typed hours are for") : _("Typed hours go to"));
}

/* Puts the store's sums into @rows, a row at a time: only the rows that
 * changed notify, once each. */
static void
read_hours (OutlayWeekGrid *self, GPtrArray *rows)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) cells = NULL;
  guint n = rows->len;
  g_autofree gint64 *ids = g_new (gint64, MAX (n, 1));
  g_autofree OutlayDecimal *fresh = g_new0 (OutlayDecimal, (gsize) MAX (n, 1) * OUTLAY_WEEK_DAYS);
  char from[11], to[11];

  day_text (self, 0, from, sizeof from);
  day_text (self, OUTLAY_WEEK_DAYS - 1, to, sizeof to);
  cells = outlay_store_hours_by_day (
      self->store, outlay_budget_get_id (outlay_document_get_budget (self->document)),
      !self->by_tasks, from, to, NULL);
  for (guint i = 0; i < n; i++)
    {
      ids[i] = outlay_week_row_get_id (g_ptr_array_index (rows, i));
      g_hash_table_insert (index, &ids[i], &fresh[i * OUTLAY_WEEK_DAYS]);
    }
  for (guint i = 0; cells != NULL && i < cells->len; i++)
    {
      OutlayHoursCell *c = &g_array_index (cells, OutlayHoursCell, i);
      OutlayDecimal *days = g_hash_table_lookup (index, &c->key);
      GDate d;
      int day;

      if (days == NULL)
        continue;
      /* ISO dates: no locale-aware g_date_set_parse() per cell */
      day = outlay_date_parse_iso (c->date, &d) ? (int) g_date_days_between (&self->monday, &d)
                                                : -1;
      if (day >= 0 && day < OUTLAY_WEEK_DAYS)
        days[day] = c->hours;
    }
  for (guint i = 0; i < n; i++)
    outlay_week_row_set_week (g_ptr_array_index (rows, i), &fresh[i * OUTLAY_WEEK_DAYS]);
}

static void
fill_hours (OutlayWeekGrid *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, g_list_model_get_item (G_LIST_MODEL (self->rows), i));
  read_hours (self, rows);
}

static void
mode_changed_cb (OutlayWeekGrid *self)
{
  outlay_week_grid_set_by_tasks (self, gtk_drop_down_get_selected (self->mode) == 1);
}

static void
move_week (OutlayWeekGrid *self, int days)
{
  if (days < 0)
    g_date_subtract_days (&self->monday, -days);
  else
    g_date_add_days (&self->monday, days);
  update_titles (self);
  outlay_week_grid_reload (self);
}

static void
previous_clicked_cb (OutlayWeekGrid *self)
{
  move_week (self, -OUTLAY_WEEK_DAYS);
}

static void
next_clicked_cb (OutlayWeekGrid *self)
{
  move_week (self, OUTLAY_WEEK_DAYS);
}

static void
document_changed_cb (OutlayWeekGrid *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    fill_hours (self);
}

static void
outlay_week_grid_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (outlay_week_grid_parent_class)->map (widget);
  outlay_week_grid_reload (OUTLAY_WEEK_GRID (widget));
}

static void
outlay_week_grid_dispose (GObject *object)
{
  OutlayWeekGrid *self = OUTLAY_WEEK_GRID (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_pointer (&self->keys, outlay_cell_keys_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_WEEK_GRID);
  g_clear_object (&self->document);
  g_clear_object (&self->store);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->target_ids, g_array_unref);
  G_OBJECT_CLASS (outlay_week_grid_parent_class)->dispose (object);
}

static void
outlay_week_grid_class_init (OutlayWeekGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_week_grid_dispose;
  widget_class->map = outlay_week_grid_map;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/outlay/Outlay/ui/outlay-week-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayWeekGrid, mode);
  gtk_widget_class_bind_template_child (widget_class, OutlayWeekGrid, week_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayWeekGrid, target_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayWeekGrid, target);
  gtk_widget_class_bind_template_child (widget_class, OutlayWeekGrid, view);
  gtk_widget_class_bind_template_child (widget_class, OutlayWeekGrid, message);
  gtk_widget_class_bind_template_callback (widget_class, mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
}

static void
outlay_week_grid_init (OutlayWeekGrid *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_list_store_new (OUTLAY_TYPE_WEEK_ROW);
  self->target_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_date_clear (&self->monday, 1);
  g_date_set_dmy (&self->monday, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_date_subtract_days (&self->monday, g_date_get_weekday (&self->monday) - G_DATE_MONDAY);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (gtk_no_selection_new (
                                             G_LIST_MODEL (g_object_ref (self->rows)))));
  add_columns (self);
}

/**
 * outlay_week_grid_set_document:
 * @self: a week grid
 * @document: (nullable): the open budget
 * @store: (nullable): where its time is
 */
void
outlay_week_grid_set_document (OutlayWeekGrid *self, OutlayDocument *document, OutlayStore *store)
{
  g_return_if_fail (OUTLAY_IS_WEEK_GRID (self));
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_set_object (&self->store, store);
  if (document != NULL)
    g_signal_connect_swapped (document, "changed", G_CALLBACK (document_changed_cb), self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    outlay_week_grid_reload (self);
}

/* Shows the week that starts on @monday (YYYY-MM-DD). */
void
outlay_week_grid_set_week (OutlayWeekGrid *self, const char *monday)
{
  g_date_set_parse (&self->monday, monday);
  g_return_if_fail (g_date_valid (&self->monday));
  update_titles (self);
  outlay_week_grid_reload (self);
}

void
outlay_week_grid_set_by_tasks (OutlayWeekGrid *self, gboolean by_tasks)
{
  if (self->by_tasks == by_tasks)
    return;
  self->by_tasks = by_tasks;
  gtk_drop_down_set_selected (self->mode, by_tasks ? 1 : 0);
  gtk_column_view_column_set_title (
      g_list_model_get_item (gtk_column_view_get_columns (self->view), 0),
      by_tasks ? _("Task") : _("Person"));
  g_object_unref (g_list_model_get_item (gtk_column_view_get_columns (self->view), 0));
  outlay_week_grid_reload (self);
}

/* Rebuilds the rows with the week's sums. */
void
outlay_week_grid_reload (OutlayWeekGrid *self)
{
  g_autoptr(GPtrArray) people = NULL;

  if (self->document == NULL || self->store == NULL)
    {
      g_list_store_remove_all (self->rows);
      return;
    }
  people = outlay_store_list_people (self->store, NULL);
  fill_rows (self, people);
}

guint
outlay_week_grid_get_n_rows (OutlayWeekGrid *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

/**
 * outlay_week_grid_type_hours:
 * @self: a week grid
 * @row: a row
 * @day: 0 for Monday … 6
 * @text: the hours typed in that cell
 * @error: why nothing was logged
 *
 * What typing in a cell does: more hours than the cell has log the
 * difference as one entry, costed at the rate that applies.
 *
 * Returns: %TRUE when the cell now has @text's hours
 */
gboolean
outlay_week_grid_type_hours (OutlayWeekGrid *self,
                             guint row,
                             guint day,
                             const char *text,
                             GError **error)
{
  g_autoptr(OutlayWeekRow) r = g_list_model_get_item (G_LIST_MODEL (self->rows), row);
  g_autoptr(GPtrArray) rates = NULL;
  guint t = gtk_drop_down_get_selected (self->target);
  gint64 target = t < self->target_ids->len ? g_array_index (self->target_ids, gint64, t) : 0;
  OutlayDecimal hours = 0, had;
  OutlayRateResolution res;
  OutlayTimeLog log = { 0 };
  char date[11];

  g_return_val_if_fail (r != NULL && day < OUTLAY_WEEK_DAYS, FALSE);
  had = outlay_week_row_get_hours (r, day);
  if (*text != '\0' && !outlay_decimal_parse (text, &hours, NULL))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_NUMBER,
                   _("“%s” is not a number of hours"), text);
      return FALSE;
    }
  if (hours < had)
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("The grid only adds hours: to take logged time back, use Undo"));
      return FALSE;
    }
  if (hours == had)
    return TRUE;
  day_text (self, day, date, sizeof date);
  log.task = outlay_document_get_task_by_id (self->document,
                                             self->by_tasks ? outlay_week_row_get_id (r) : target);
  log.person_id = self->by_tasks ? target : outlay_week_row_get_id (r);
  log.date = date;
  log.hours = hours - had;
  if (log.task == NULL)
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("Choose the task the hours go to"));
      return FALSE;
    }
  if (!outlay_document_check_time_log (self->document, &log, error)
      || (rates = outlay_store_list_rates (
              self->store, outlay_budget_get_id (outlay_document_get_budget (self->document)),
              error))
             == NULL
      || !outlay_rates_resolve (rates, outlay_document_get_budget (self->document), log.task,
                                log.person_id, date, NULL, &res, error))
    return FALSE;
  log.rate = res.rate;
  log.rate_source = outlay_rate_source_to_string (res.source);
  if (outlay_document_log_time (self->document, &log, error) == NULL)
    return FALSE;
  gtk_label_set_text (self->message, "");
  fill_hours (self);
  return TRUE;
}
