/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-row-pipe"

/* A reader thread fills batches of copied rows; the caller's thread takes
 * them in order. At most IN_FLIGHT batches exist at once, so memory stays
 * bounded however big the sheet. */

#include "config.h"

#include <string.h>

#include "outlay-row-pipe.h"

#define BATCH_ROWS  2048
#define BATCH_BYTES (1024 * 1024)
#define IN_FLIGHT   6

typedef struct
{
  GArray  *rows;   /* OutlayRow; cells and texts are offsets until sealed */
  GArray  *cells;  /* OutlayCell */
  GString *text;
  gboolean end;    /* the last one: the reader has finished */
} Batch;

typedef struct
{
  OutlayWorkbook *workbook;
  guint           sheet;
  GCancellable   *cancellable;
  GAsyncQueue    *full;    /* Batch* for the caller */
  GAsyncQueue    *tokens;  /* one per batch that may be in flight */
  Batch          *filling;
  gint            stop;    /* the caller wants no more rows */
  GError         *error;   /* the reader's */
} Pipe;

static Batch *
batch_new (void)
{
  Batch *b = g_new0 (Batch, 1);

  b->rows = g_array_sized_new (FALSE, FALSE, sizeof (OutlayRow), BATCH_ROWS);
  b->cells = g_array_sized_new (FALSE, FALSE, sizeof (OutlayCell), BATCH_ROWS * 8);
  b->text = g_string_sized_new (BATCH_BYTES / 4);
  return b;
}

static void
batch_free (Batch *b)
{
  g_array_unref (b->rows);
  g_array_unref (b->cells);
  g_string_free (b->text, TRUE);
  g_free (b);
}

static gsize
add_text (Batch *b, const char *text, gsize length)
{
  gsize at = b->text->len;

  g_string_append_len (b->text, text, length);
  g_string_append_c (b->text, '\0');
  return at;
}

/* Offsets become pointers once nothing is appended any more. */
static void
seal (Batch *b)
{
  for (guint i = 0; i < b->cells->len; i++)
    {
      OutlayCell *c = &g_array_index (b->cells, OutlayCell, i);

      c->text = b->text->str + GPOINTER_TO_SIZE (c->text);
      if (c->number != NULL)
        c->number = b->text->str + GPOINTER_TO_SIZE (c->number) - 1;
    }
  for (guint i = 0; i < b->rows->len; i++)
    {
      OutlayRow *r = &g_array_index (b->rows, OutlayRow, i);

      r->cells = r->n_cells > 0 ? &g_array_index (b->cells, OutlayCell, GPOINTER_TO_SIZE (r->cells))
                                : NULL;
    }
}

static void
push (Pipe *pipe, Batch *b)
{
  seal (b);
  g_async_queue_push (pipe->full, b);
}

static gboolean
copy_row (const OutlayRow *row, gpointer data, GError **error)
{
  Pipe *pipe = data;
  Batch *b;
  OutlayRow copy = *row;

  if (g_atomic_int_get (&pipe->stop))
    return FALSE;
  if (pipe->filling == NULL)
    {
      g_async_queue_pop (pipe->tokens);
      pipe->filling = batch_new ();
    }
  b = pipe->filling;
  copy.cells = GSIZE_TO_POINTER ((gsize) b->cells->len);
  for (guint i = 0; i < row->n_cells; i++)
    {
      OutlayCell c = row->cells[i];

      c.text = GSIZE_TO_POINTER (add_text (b, row->cells[i].text, row->cells[i].length));
      /* +1 keeps a NULL number apart from offset 0 */
      c.number = c.number != NULL ? GSIZE_TO_POINTER (add_text (b, c.number, strlen (c.number)) + 1)
                                  : NULL;
      g_array_append_val (b->cells, c);
    }
  g_array_append_val (b->rows, copy);
  if (b->rows->len >= BATCH_ROWS || b->text->len >= BATCH_BYTES)
    {
      push (pipe, b);
      pipe->filling = NULL;
    }
  return TRUE;
}

static gpointer
reader_thread (gpointer data)
{
  Pipe *pipe = data;
  Batch *last;

  outlay_workbook_read_sheet (pipe->workbook, pipe->sheet, 0, copy_row, pipe, pipe->cancellable,
                              &pipe->error);
  if (pipe->filling == NULL)
    {
      g_async_queue_pop (pipe->tokens);
      pipe->filling = batch_new ();
    }
  last = pipe->filling;
  pipe->filling = NULL;
  last->end = TRUE;
  push (pipe, last);
  return NULL;
}

gboolean
outlay_workbook_read_sheet_piped (OutlayWorkbook  *workbook,
                                  guint            sheet,
                                  OutlayRowFunc    func,
                                  gpointer         user_data,
                                  GCancellable    *cancellable,
                                  GError         **error)
{
  Pipe pipe = {
    .workbook = workbook,
    .sheet = sheet,
    .cancellable = cancellable,
    .full = g_async_queue_new (),
    .tokens = g_async_queue_new (),
  };
  GError *local = NULL;
  gboolean going = TRUE;
  GThread *thread;

  g_return_val_if_fail (OUTLAY_IS_WORKBOOK (workbook), FALSE);

  for (guint i = 0; i < IN_FLIGHT; i++)
    g_async_queue_push (pipe.tokens, GUINT_TO_POINTER (1));
  thread = g_thread_new ("outlay-reader", reader_thread, &pipe);
  for (;;)
    {
      Batch *b = g_async_queue_pop (pipe.full);
      gboolean end = b->end;

      for (guint i = 0; going && i < b->rows->len; i++)
        if (!func (&g_array_index (b->rows, OutlayRow, i), user_data, &local))
          {
            /* stop the reader; keep taking batches until it has seen it */
            going = FALSE;
            g_atomic_int_set (&pipe.stop, 1);
          }
      batch_free (b);
      g_async_queue_push (pipe.tokens, GUINT_TO_POINTER (1));
      if (end)
        break;
    }
  g_thread_join (thread);
  g_async_queue_unref (pipe.full);
  g_async_queue_unref (pipe.tokens);
  if (local != NULL)
    {
      g_clear_error (&pipe.error);
      g_propagate_error (error, local);
      return FALSE;
    }
  if (pipe.error != NULL && !going)
    g_clear_error (&pipe.error);  /* the reader stopped because we asked */
  if (pipe.error != NULL)
    {
      g_propagate_error (error, pipe.error);
      return FALSE;
    }
  return TRUE;
}
