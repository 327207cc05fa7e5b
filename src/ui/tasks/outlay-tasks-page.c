/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-tasks-page"

/* The Tasks page: the budget's tasks in a column view, with what each
 * has cost so far.  Names, estimates, rates, resource costs, the line a
 * task charges and its due date are edited in place with the sheet's keys
 * (typing edits, Enter and Tab keep and move on, Escape drops the change;
 * outlay-cell-keys.c); status and assignee from a list.
 * Every edit is a document command, so the window's Undo takes it back,
 * and a task's figures follow its notify signals without rebinding rows. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-application.h"
#include "outlay-cell-keys.h"
#include "outlay-currency.h"
#include "outlay-document-tasks.h"
#include "outlay-error.h"
#include "outlay-log-time-dialog.h"
#include "outlay-model-enum-types.h"
#include "outlay-recost-dialog.h"
#include "outlay-store-tasks.h"
#include "outlay-tasks-page.h"
#include "outlay-week-grid.h"

typedef enum
{
  COL_NAME,
  COL_STATUS,
  COL_ASSIGNEE,
  COL_LINE,
  COL_EST_HOURS,
  COL_EST_COST,
  COL_RATE,
  COL_RESOURCE,
  COL_ACTUAL,
  COL_PERCENT,
  COL_DONE,
  COL_DUE,
  N_COLUMNS
} Column;

typedef enum
{
  CELL_TEXT,
  CELL_LABEL
} CellKind;

static const struct
{
  const char *title;
  int width;
  CellKind kind;
  const char *property; /* what an edit sets */
} columns[N_COLUMNS] = {
  /* clang-format off */
  [COL_NAME]      = { N_("Task"), 220, CELL_TEXT, "name" },
  [COL_STATUS]    = { N_("Status"), 130, CELL_LABEL, "status" },
  [COL_ASSIGNEE]  = { N_("Assignee"), 130, CELL_LABEL, "assignee-id" },
  [COL_LINE]      = { N_("Line"), 70, CELL_TEXT, "line-id" },
  [COL_EST_HOURS] = { N_("Est. Hours"), 80, CELL_TEXT, "estimated-hours" },
  [COL_EST_COST]  = { N_("Est. Cost"), 110, CELL_TEXT, "estimated-cost" },
  [COL_RATE]      = { N_("Rate"), 80, CELL_TEXT, "hourly-rate" },
  [COL_RESOURCE]  = { N_("Resources"), 100, CELL_TEXT, "resource-cost" },
  [COL_ACTUAL]    = { N_("Actual"), 110, CELL_LABEL, NULL },
  /* xgettext:no-c-format */
  [COL_PERCENT]   = { N_("% of Est."), 80, CELL_LABEL, NULL },
  /* xgettext:no-c-format */
  [COL_DONE]      = { N_("% Done"), 70, CELL_TEXT, "percent-complete" },
  [COL_DUE]       = { N_("Due"), 100, CELL_TEXT, "due-date" },
                                              /* clang-format on */
                                              };

static const char *const status_titles[] = {
  N_("To Do"), N_("In Progress"), N_("Done"), N_("Cancelled") };

struct _OutlayTasksPage
{
  OutlayDocumentPage parent_instance;
  OutlayStore *store;
  GListStore *tasks;
  GtkCustomFilter *filter;
  GtkSingleSelection *selection;
  GtkStringList *people_names; /* "Nobody", then people, for the assignee list */
  GArray *people_ids;          /* gint64, parallel to people_names */

  GtkColumnView *view;
  GtkDropDown *status_filter;
  GtkSearchEntry *search;
  GtkLabel *summary;
  GtkDropDown *status_edit;
  GtkDropDown *assignee_edit;
  gboolean syncing; /* while the toolbar's lists follow the selection */
  GtkStack *pages;
  OutlayWeekGrid *week;
  OutlayCellKeys *keys;
};

G_DEFINE_FINAL_TYPE (OutlayTasksPage, outlay_tasks_page, OUTLAY_TYPE_DOCUMENT_PAGE)

static OutlayDocument *
document (OutlayTasksPage *self)
{
  return outlay_document_page_get_document (OUTLAY_DOCUMENT_PAGE (self));
}

static const char *
currency (OutlayTasksPage *self)
{
  return outlay_budget_get_currency (outlay_document_get_budget (document (self)));
}

static char *
line_text (OutlayTasksPage *self, OutlayTask *task)
{
  OutlayLine *line = outlay_document_get_task_line (document (self), task);

  if (line == NULL)
    return g_strdup ("");
  return g_strdup_printf ("%s/%s", outlay_section_get_code (outlay_line_get_section (line)),
                          outlay_line_get_code (line));
}

static OutlayLine *
find_line (OutlayTasksPage *self, const char *text)
{
  const char *slash = strchr (text, '/');
  g_autofree char *code = slash != NULL ? g_strndup (text, slash - text) : NULL;
  OutlaySection *section = code != NULL ? outlay_document_lookup_section (document (self), code)
                                        : NULL;

  if (slash == NULL)
    return outlay_document_lookup_line (document (self), text);
  for (guint i = 0; section != NULL && i < outlay_section_get_n_lines (section); i++)
    if (g_strcmp0 (outlay_line_get_code (outlay_section_get_line (section, i)), slash + 1) == 0)
      return outlay_section_get_line (section, i);
  return NULL;
}

static guint
person_position (OutlayTasksPage *self, gint64 id)
{
  for (guint i = 0; i < self->people_ids->len; i++)
    if (g_array_index (self->people_ids, gint64, i) == id)
      return i;
  return 0;
}

static char *
cell_text (OutlayTasksPage *self, OutlayTask *task, Column column)
{
  OutlayDecimal p;

  switch (column)
    {
      case COL_NAME:
        return g_strdup (outlay_task_get_name (task));
      case COL_STATUS:
        return g_strdup (_(status_titles[outlay_task_get_status (task)]));
      case COL_ASSIGNEE:
        return g_strdup (gtk_string_list_get_string (
            self->people_names, person_position (self, outlay_task_get_assignee_id (task))));
      case COL_LINE:
        return line_text (self, task);
      case COL_EST_HOURS:
        return outlay_decimal_to_string_trim (outlay_task_get_estimated_hours (task));
      case COL_EST_COST:
        return outlay_currency_format (outlay_task_get_estimated_cost (task), currency (self));
      case COL_RATE:
        return outlay_currency_format (outlay_task_get_hourly_rate (task), currency (self));
      case COL_RESOURCE:
        return outlay_currency_format (outlay_task_get_resource_cost (task), currency (self));
      case COL_ACTUAL:
        return outlay_currency_format (outlay_task_get_actual_cost (task), currency (self));
      case COL_PERCENT:
        if (outlay_task_get_estimated_cost (task) <= 0
            || !outlay_decimal_as_percent (outlay_task_get_actual_cost (task),
                                           outlay_task_get_estimated_cost (task), &p))
          return g_strdup ("—");
        {
          g_autofree char *n = outlay_decimal_to_string (outlay_decimal_round (p, 0), 0);

          return g_strdup_printf ("%s %%", n);
        }
      case COL_DONE:
        if (outlay_task_get_percent_complete (task) < 0)
          return g_strdup ("");
        return g_strdup_printf ("%d %%", outlay_task_get_percent_complete (task));
      case COL_DUE:
        return g_strdup (outlay_task_get_due_date (task) ? outlay_task_get_due_date (task) : "");
      default:
        g_assert_not_reached ();
    }
}

static void
show_cell (OutlaySheetCell *cell, gpointer item, guint column, gpointer data)
{
  g_autofree char *text = NULL;

  if (outlay_sheet_cell_is_editing (cell))
    return;
  text = cell_text (data, item, column);
  outlay_sheet_cell_set_text (cell, text);
}

/* Turns what was typed in @column into the task property's value. */
static gboolean
parse_cell (OutlayTasksPage *self, Column column, const char *text, GValue *value)
{
  OutlayDecimal d = 0;
  int percent = -1;

  switch (column)
    {
      case COL_DONE: /* a whole percent, or nothing: not given */
        g_value_init (value, G_TYPE_INT);
        if (!outlay_task_parse_percent (text, &percent, NULL))
          return FALSE;
        g_value_set_int (value, percent);
        return TRUE;
      case COL_NAME:
        g_value_init (value, G_TYPE_STRING);
        g_value_set_string (value, text);
        return *text != '\0';
      case COL_DUE:
        g_value_init (value, G_TYPE_STRING);
        g_value_set_string (value, *text != '\0' ? text : NULL);
        return TRUE;
      case COL_LINE:
        {
          OutlayLine *line = *text != '\0' ? find_line (self, text) : NULL;

          g_value_init (value, G_TYPE_INT64);
          g_value_set_int64 (value, line != NULL ? outlay_line_get_id (line) : 0);
          return line != NULL || *text == '\0';
        }
      default:
        g_value_init (value, G_TYPE_INT64);
        if (!outlay_decimal_parse (text, &d, NULL) || d < 0)
          return FALSE;
        g_value_set_int64 (value, d);
        return TRUE;
    }
}

/* What an editor opens with: plain figures, so "€1,234.00" is not read
 * back through its currency and grouping; NULL for the columns edited
 * from the toolbar or worked out */
static char *
edit_text (gpointer item, guint column, gpointer data)
{
  OutlayTask *task = item;

  switch ((Column) column)
    {
      case COL_EST_COST:
        return outlay_decimal_to_string_trim (outlay_task_get_estimated_cost (task));
      case COL_RATE:
        return outlay_decimal_to_string_trim (outlay_task_get_hourly_rate (task));
      case COL_RESOURCE:
        return outlay_decimal_to_string_trim (outlay_task_get_resource_cost (task));
      case COL_DONE:
        if (outlay_task_get_percent_complete (task) < 0)
          return g_strdup ("");
        return g_strdup_printf ("%d", outlay_task_get_percent_complete (task));
      default:
        return columns[column].kind == CELL_TEXT ? cell_text (data, task, column) : NULL;
    }
}

static gboolean
commit_cell (gpointer item,
             guint position,
             guint column,
             const char *text,
             GError **error,
             gpointer data)
{
  OutlayTasksPage *self = data;
  OutlayTask *task = item;
  g_autoptr(OutlayTask) edited = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *before = edit_text (task, column, self);

  if (g_strcmp0 (text, before) == 0)
    return TRUE;
  if (!parse_cell (self, column, text, &value))
    {
      if (column == COL_NAME)
        g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                             _("A task needs a name"));
      else if (column == COL_LINE)
        g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                     _("No line has the code “%s”: type a line's code, or SECTION/CODE"), text);
      else if (column == COL_DONE)
        outlay_task_parse_percent (text, &(int){ 0 }, error);
      else
        g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                     _("“%s” is not an amount of zero or more"), text);
      return FALSE;
    }
  edited = outlay_task_copy (task);
  g_object_set_property (G_OBJECT (edited), columns[column].property, &value);
  return outlay_document_update_task (document (self), task, edited, error);
}

static void
message (const char *text, gpointer data)
{
  OutlayTasksPage *self = data;

  gtk_label_set_text (self->summary, text);
}

static const OutlayCellKeysFuncs cell_funcs = { edit_text, commit_cell, show_cell, message };

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, OutlayTasksPage *self)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "outlay-column"));
  gboolean figure = column != COL_NAME && column != COL_STATUS && column != COL_ASSIGNEE
                    && column != COL_LINE && column != COL_DUE;
  GtkWidget *cell = outlay_sheet_cell_new (column, figure ? 1.0f : 0.0f);

  /* never measured: the table gives it one line's height */
  gtk_widget_set_size_request (
      cell, -1, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "outlay-height")));
  /* drawn in the table's font: no text widget per cell */
  outlay_sheet_cell_set_context (OUTLAY_SHEET_CELL (cell),
                                 gtk_widget_get_pango_context (GTK_WIDGET (self->view)));
  gtk_list_item_set_child (item, cell);
}

static void
task_notify_cb (OutlayTask *task, GParamSpec *pspec, OutlaySheetCell *cell)
{
  show_cell (cell, task, outlay_sheet_cell_get_column (cell),
             g_object_get_data (G_OBJECT (cell), "outlay-page"));
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, OutlayTasksPage *self)
{
  OutlaySheetCell *cell = OUTLAY_SHEET_CELL (gtk_list_item_get_child (item));
  OutlayTask *task = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (cell), "outlay-page", self);
  outlay_cell_keys_bind (self->keys, cell, item);
  show_cell (cell, task, outlay_sheet_cell_get_column (cell), self);
  g_signal_connect_object (task, "notify", G_CALLBACK (task_notify_cb), cell, 0);
}

static void
unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, OutlayTasksPage *self)
{
  OutlayTask *task = gtk_list_item_get_item (item);
  OutlaySheetCell *cell = OUTLAY_SHEET_CELL (gtk_list_item_get_child (item));

  if (task != NULL)
    g_signal_handlers_disconnect_by_func (task, task_notify_cb, cell);
  if (self->keys != NULL)
    outlay_cell_keys_unbind (self->keys, cell, item);
}

static void
add_columns (OutlayTasksPage *self)
{
  int height = outlay_sheet_cell_line_height (GTK_WIDGET (self->view));

  self->keys = outlay_cell_keys_new (self->view, N_COLUMNS, &cell_funcs, self);
  for (Column c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "outlay-column", GUINT_TO_POINTER (c));
      g_object_set_data (G_OBJECT (factory), "outlay-height", GINT_TO_POINTER (height));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
      column = gtk_column_view_column_new (_(columns[c].title), factory);
      gtk_column_view_column_set_fixed_width (column, columns[c].width);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (c == COL_NAME)
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->view, column);
    }
}

/* The toolbar's status and assignee lists show the selected task's; a
 * list in every row would cost a popover per row on screen. */
static void
sync_edits (OutlayTasksPage *self)
{
  OutlayTask *task;

  if (self->selection == NULL) /* disposed */
    return;
  task = gtk_single_selection_get_selected_item (self->selection);
  self->syncing = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_edit), task != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->assignee_edit), task != NULL);
  if (task != NULL)
    {
      gtk_drop_down_set_selected (self->status_edit, outlay_task_get_status (task));
      gtk_drop_down_set_selected (self->assignee_edit,
                                  person_position (self, outlay_task_get_assignee_id (task)));
    }
  self->syncing = FALSE;
}

static void
edit_selected_cb (OutlayTasksPage *self, GParamSpec *pspec, GtkDropDown *list)
{
  OutlayTask *task = self->selection != NULL
                         ? gtk_single_selection_get_selected_item (self->selection)
                         : NULL;
  g_autoptr(OutlayTask) edited = NULL;
  g_autoptr(GError) error = NULL;
  guint i;

  if (self->syncing || task == NULL)
    return;
  edited = outlay_task_copy (task);
  i = gtk_drop_down_get_selected (self->status_edit);
  if (i != GTK_INVALID_LIST_POSITION)
    g_object_set (edited, "status", i, NULL);
  i = gtk_drop_down_get_selected (self->assignee_edit);
  if (i != GTK_INVALID_LIST_POSITION && i < self->people_ids->len)
    g_object_set (edited, "assignee-id", g_array_index (self->people_ids, gint64, i), NULL);
  if (outlay_task_get_status (edited) == outlay_task_get_status (task)
      && outlay_task_get_assignee_id (edited) == outlay_task_get_assignee_id (task))
    return;
  if (!outlay_document_update_task (document (self), task, edited, &error))
    {
      gtk_widget_error_bell (GTK_WIDGET (list));
      gtk_label_set_text (self->summary, error->message);
      sync_edits (self);
    }
}

/* ---- filter ---- */

static gboolean
matches (const char *haystack, const char *needle)
{
  g_autofree char *h = NULL;

  if (haystack == NULL)
    return FALSE;
  h = g_utf8_casefold (haystack, -1);
  return strstr (h, needle) != NULL;
}

static gboolean
filter_func (gpointer item, gpointer data)
{
  OutlayTasksPage *self = data;
  OutlayTask *task = item;
  guint status = gtk_drop_down_get_selected (self->status_filter);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));
  g_autofree char *needle = NULL;
  g_autofree char *line = NULL;
  guint person;

  if (status > 0 && status != GTK_INVALID_LIST_POSITION
      && outlay_task_get_status (task) != (OutlayTaskStatus) (status - 1))
    return FALSE;
  if (*text == '\0')
    return TRUE;
  needle = g_utf8_casefold (text, -1);
  line = line_text (self, task);
  person = person_position (self, outlay_task_get_assignee_id (task));
  return matches (outlay_task_get_name (task), needle) || matches (line, needle)
         || (person > 0
             && matches (gtk_string_list_get_string (self->people_names, person), needle));
}

static void
update_summary (OutlayTasksPage *self)
{
  OutlayDocument *doc = document (self);
  OutlayDecimal actual = 0;
  g_autofree char *text = NULL;
  g_autofree char *amount = NULL;

  if (doc == NULL)
    return;
  for (guint i = 0; i < outlay_document_get_n_tasks (doc); i++)
    outlay_decimal_add (actual, outlay_task_get_actual_cost (outlay_document_get_task (doc, i)),
                        &actual);
  amount = outlay_currency_format (actual, currency (self));
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task, %s actual", "%u tasks, %s actual",
                                       outlay_document_get_n_tasks (doc)),
                          outlay_document_get_n_tasks (doc), amount);
  gtk_label_set_text (self->summary, text);
}

static void
filter_changed_cb (OutlayTasksPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* ---- people ---- */

static void
load_people (OutlayTasksPage *self)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gint64 nobody = 0;
  OutlayStore *store = outlay_tasks_page_get_store (self);

  g_array_set_size (self->people_ids, 0);
  g_array_append_val (self->people_ids, nobody);
  g_ptr_array_add (names, (gpointer) _("Nobody"));
  if (store != NULL && (people = outlay_store_list_people (store, NULL)) != NULL)
    for (guint i = 0; i < people->len; i++)
      {
        gint64 id = outlay_person_get_id (g_ptr_array_index (people, i));

        g_array_append_val (self->people_ids, id);
        g_ptr_array_add (names, (gpointer) outlay_person_get_name (g_ptr_array_index (people, i)));
      }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->people_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->people_names)),
                          (const char *const *) names->pdata);
}

/* ---- document ---- */

static gboolean
list_is_current (OutlayTasksPage *self, OutlayDocument *doc)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tasks));

  if (n != outlay_document_get_n_tasks (doc))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OutlayTask) task = g_list_model_get_item (G_LIST_MODEL (self->tasks), i);

      if (task != outlay_document_get_task (doc, i))
        return FALSE;
    }
  return TRUE;
}

static void
refresh (OutlayDocumentPage *page)
{
  OutlayTasksPage *self = OUTLAY_TASKS_PAGE (page);
  OutlayDocument *doc = document (self);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  if (self->tasks == NULL)
    return;
  if (doc == NULL)
    {
      g_list_store_remove_all (self->tasks);
      return;
    }
  if (!list_is_current (self, doc))
    {
      for (guint i = 0; i < outlay_document_get_n_tasks (doc); i++)
        g_ptr_array_add (items, outlay_document_get_task (doc, i));
      g_list_store_splice (self->tasks, 0, g_list_model_get_n_items (G_LIST_MODEL (self->tasks)),
                           items->pdata, items->len);
    }
  update_summary (self);
  sync_edits (self);
}

static void
document_set (OutlayDocumentPage *page, OutlayDocument *old_document)
{
  OutlayTasksPage *self = OUTLAY_TASKS_PAGE (page);

  load_people (self);
  if (self->week != NULL)
    outlay_week_grid_set_document (self->week, document (self), outlay_tasks_page_get_store (self));
  if (self->tasks != NULL)
    g_list_store_remove_all (self->tasks);
}

/* ---- actions ---- */

static OutlayTask *
selected_task (OutlayTasksPage *self)
{
  return self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

static void
report (OutlayTasksPage *self, GError *error)
{
  if (error == NULL)
    return;
  gtk_widget_error_bell (GTK_WIDGET (self));
  gtk_label_set_text (self->summary, error->message);
  g_error_free (error);
}

static void
add_action (GtkWidget *widget, const char *name, GVariant *param)
{
  OutlayTasksPage *self = OUTLAY_TASKS_PAGE (widget);
  g_autoptr(OutlayTask) task = outlay_task_new ();
  OutlayTask *selected = selected_task (self);
  OutlayDocument *doc = document (self);
  GError *error = NULL;
  guint index;

  if (doc == NULL)
    return;
  if (selected == NULL || !outlay_document_find_task (doc, selected, &index))
    index = outlay_document_get_n_tasks (doc);
  else
    index++;
  g_object_set (task, "name", _("New Task"), NULL);
  if (outlay_document_add_task (doc, index, task, &error) == NULL)
    report (self, error);
}

static void
delete_action (GtkWidget *widget, const char *name, GVariant *param)
{
  OutlayTasksPage *self = OUTLAY_TASKS_PAGE (widget);
  OutlayTask *task = selected_task (self);
  GError *error = NULL;

  if (task != NULL && !outlay_document_delete_task (document (self), task, &error))
    report (self, error);
}

static void
move_action (GtkWidget *widget, const char *name, GVariant *param)
{
  OutlayTasksPage *self = OUTLAY_TASKS_PAGE (widget);
  g_autoptr(OutlayTask) task = NULL;
  OutlayDocument *doc = document (self);
  gboolean up = g_str_equal (name, "tasks.move-up");
  GError *error = NULL;
  guint index;

  if (selected_task (self) == NULL)
    return;
  task = g_object_ref (selected_task (self));
  outlay_document_find_task (doc, task, &index);
  if ((up && index == 0) || (!up && index + 1 >= outlay_document_get_n_tasks (doc)))
    return;
  if (!outlay_document_move_task (doc, task, up ? index - 1 : index + 1, &error))
    {
      report (self, error);
      return;
    }
  /* keep the moved task selected, so Alt+↑ can be pressed again */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->selection)); i++)
    {
      g_autoptr(OutlayTask) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (item == task)
        gtk_single_selection_set_selected (self->selection, i);
    }
}

static void
log_action (GtkWidget *widget, const char *name, GVariant *param)
{
  outlay_tasks_page_log_time (OUTLAY_TASKS_PAGE (widget));
}

static void
recost_action (GtkWidget *widget, const char *name, GVariant *param)
{
  outlay_tasks_page_recost (OUTLAY_TASKS_PAGE (widget));
}

/* ---- GObject ---- */

static void
outlay_tasks_page_dispose (GObject *object)
{
  OutlayTasksPage *self = OUTLAY_TASKS_PAGE (object);

  g_clear_pointer (&self->keys, outlay_cell_keys_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_TASKS_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->tasks);
  g_clear_object (&self->filter);
  g_clear_object (&self->selection);
  G_OBJECT_CLASS (outlay_tasks_page_parent_class)->dispose (object);
}

static void
outlay_tasks_page_finalize (GObject *object)
{
  OutlayTasksPage *self = OUTLAY_TASKS_PAGE (object);

  /* the base's dispose drops the document, which reloads the people */
  g_clear_object (&self->people_names);
  g_clear_pointer (&self->people_ids, g_array_unref);
  G_OBJECT_CLASS (outlay_tasks_page_parent_class)->finalize (object);
}

static void
outlay_tasks_page_class_init (OutlayTasksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_tasks_page_dispose;
  object_class->finalize = outlay_tasks_page_finalize;
  OUTLAY_DOCUMENT_PAGE_CLASS (klass)->refresh = refresh;
  OUTLAY_DOCUMENT_PAGE_CLASS (klass)->document_set = document_set;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/outlay/Outlay/ui/outlay-tasks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayTasksPage, view);
  gtk_widget_class_bind_template_child (widget_class, OutlayTasksPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, OutlayTasksPage, search);
  gtk_widget_class_bind_template_child (widget_class, OutlayTasksPage, summary);
  gtk_widget_class_bind_template_child (widget_class, OutlayTasksPage, pages);
  gtk_widget_class_bind_template_child (widget_class, OutlayTasksPage, week);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edit_selected_cb);
  gtk_widget_class_bind_template_child (widget_class, OutlayTasksPage, status_edit);
  gtk_widget_class_bind_template_child (widget_class, OutlayTasksPage, assignee_edit);

  gtk_widget_class_install_action (widget_class, "tasks.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "tasks.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "tasks.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "tasks.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "tasks.log-time", NULL, log_action);
  gtk_widget_class_install_action (widget_class, "tasks.recost", NULL, recost_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "tasks.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK,
                                       "tasks.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "tasks.move-up",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "tasks.move-down",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "tasks.log-time",
                                       NULL);
}

static void
outlay_tasks_page_init (OutlayTasksPage *self)
{
  g_autoptr(GtkFilterListModel) filtered = NULL;

  g_type_ensure (OUTLAY_TYPE_WEEK_GRID);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->tasks = g_list_store_new (OUTLAY_TYPE_TASK);
  self->people_names = gtk_string_list_new (NULL);
  self->people_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->tasks)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&filtered)));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  gtk_drop_down_set_model (self->assignee_edit, G_LIST_MODEL (self->people_names));
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (sync_edits),
                            self);
  add_columns (self);
}

/* ---- public API ---- */

GtkWidget *
outlay_tasks_page_new (void)
{
  return g_object_new (OUTLAY_TYPE_TASKS_PAGE, NULL);
}

/**
 * outlay_tasks_page_set_store:
 * @self: a tasks page
 * @store: (nullable): where people and rates come from; without one the
 *   page asks the application for its store
 */
void
outlay_tasks_page_set_store (OutlayTasksPage *self, OutlayStore *store)
{
  g_return_if_fail (OUTLAY_IS_TASKS_PAGE (self));
  if (g_set_object (&self->store, store))
    {
      load_people (self);
      outlay_week_grid_set_document (self->week, document (self), store);
    }
}

OutlayStore *
outlay_tasks_page_get_store (OutlayTasksPage *self)
{
  GApplication *app = g_application_get_default ();

  g_return_val_if_fail (OUTLAY_IS_TASKS_PAGE (self), NULL);
  if (self->store == NULL && OUTLAY_IS_APPLICATION (app))
    return outlay_application_get_store (OUTLAY_APPLICATION (app));
  return self->store;
}

/**
 * outlay_tasks_page_get_n_shown:
 * @self: a tasks page
 *
 * Returns: how many tasks the filter lets through
 */
guint
outlay_tasks_page_get_n_shown (OutlayTasksPage *self)
{
  g_return_val_if_fail (OUTLAY_IS_TASKS_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

/**
 * outlay_tasks_page_log_time:
 * @self: a tasks page
 *
 * Opens the Log Time dialog on the selected task.
 *
 * Returns: (transfer none) (nullable): the dialog
 */
GtkWindow *
outlay_tasks_page_log_time (OutlayTasksPage *self)
{
  GtkWindow *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_return_val_if_fail (OUTLAY_IS_TASKS_PAGE (self), NULL);
  if (document (self) == NULL || outlay_tasks_page_get_store (self) == NULL)
    return NULL;
  dialog = GTK_WINDOW (outlay_log_time_dialog_new (
      document (self), outlay_tasks_page_get_store (self), selected_task (self)));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  gtk_window_present (dialog);
  return dialog;
}

/**
 * outlay_tasks_page_show_week:
 * @self: a tasks page
 *
 * Returns: (transfer none): its week grid, and shows it
 */
GtkWidget *
outlay_tasks_page_show_week (OutlayTasksPage *self)
{
  g_return_val_if_fail (OUTLAY_IS_TASKS_PAGE (self), NULL);
  gtk_stack_set_visible_child_name (self->pages, "week");
  return GTK_WIDGET (self->week);
}

static void
recost_response_cb (AdwMessageDialog *dialog, const char *response, OutlayTasksPage *self)
{
  const char *result = outlay_recost_dialog_get_result (dialog);

  if (result != NULL)
    gtk_label_set_text (self->summary, result);
}

/**
 * outlay_tasks_page_recost:
 * @self: a tasks page
 *
 * Opens Re-cost Entries: the time logged from a day on, costed again at
 * the rates that now apply, as one undoable command.
 *
 * Returns: (transfer none) (nullable): the dialog
 */
AdwMessageDialog *
outlay_tasks_page_recost (OutlayTasksPage *self)
{
  AdwMessageDialog *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_return_val_if_fail (OUTLAY_IS_TASKS_PAGE (self), NULL);
  if (document (self) == NULL || outlay_tasks_page_get_store (self) == NULL)
    return NULL;
  dialog = outlay_recost_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     document (self), outlay_tasks_page_get_store (self));
  /* after the dialog's own handler, which re-costs */
  g_signal_connect_object (dialog, "response", G_CALLBACK (recost_response_cb), self,
                           G_CONNECT_AFTER);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
