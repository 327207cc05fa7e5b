/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-task-names"

/* The names of a budget's tasks as a list of GtkStringObjects for a drop
 * down, made when the list asks for one: the week grid offers 20,000
 * tasks, and a GtkStringList would make all their objects up front. */

#include "config.h"

#include "outlay-document-tasks.h"
#include "outlay-task-names.h"

struct _OutlayTaskNames
{
  GObject parent_instance;
  OutlayDocument *document;
  GArray *ids;     /* gint64: the tasks, in the list's order */
  GPtrArray *made; /* GtkStringObject or NULL, parallel to @ids */
};

static GType
get_item_type (GListModel *list)
{
  return GTK_TYPE_STRING_OBJECT;
}

static guint
get_n_items (GListModel *list)
{
  return OUTLAY_TASK_NAMES (list)->ids->len;
}

static gpointer
get_item (GListModel *list, guint position)
{
  OutlayTaskNames *self = OUTLAY_TASK_NAMES (list);
  OutlayTask *task;

  if (position >= self->ids->len)
    return NULL;
  if (g_ptr_array_index (self->made, position) == NULL)
    {
      /* a task deleted since shows no name */
      task = outlay_document_get_task_by_id (self->document,
                                             g_array_index (self->ids, gint64, position));
      g_ptr_array_index (self->made, position) = gtk_string_object_new (
          task != NULL ? outlay_task_get_name (task) : "");
    }
  return g_object_ref (g_ptr_array_index (self->made, position));
}

static void
list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (OutlayTaskNames,
                               outlay_task_names,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_init))

static void
outlay_task_names_finalize (GObject *object)
{
  OutlayTaskNames *self = OUTLAY_TASK_NAMES (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->made, g_ptr_array_unref);
  G_OBJECT_CLASS (outlay_task_names_parent_class)->finalize (object);
}

static void
outlay_task_names_class_init (OutlayTaskNamesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = outlay_task_names_finalize;
}

static void
outlay_task_names_init (OutlayTaskNames *self)
{
}

/**
 * outlay_task_names_new:
 * @document: the budget
 * @ids: (element-type gint64): its tasks' ids, in the list's order (copied)
 *
 * Returns: (transfer full): the list
 */
OutlayTaskNames *
outlay_task_names_new (OutlayDocument *document, GArray *ids)
{
  OutlayTaskNames *self = g_object_new (OUTLAY_TYPE_TASK_NAMES, NULL);

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (document), self);
  self->document = g_object_ref (document);
  self->ids = g_array_copy (ids);
  self->made = g_ptr_array_new_full (ids->len, g_object_unref);
  g_ptr_array_set_size (self->made, ids->len);
  return self;
}
