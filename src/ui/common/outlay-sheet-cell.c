/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-sheet-cell"

/* One cell of the budget sheet and the other tables: a focusable widget
 * that is never measured and draws its text itself with its table's pango
 * context (outlay_sheet_cell_set_context()), or else through a
 * GtkInscription (which redraws without re-measuring); a GtkText editor
 * exists only while editing.  GTK 4.8 keeps about 205 rows of cells alive
 * whatever the window's size and binds them all again on a jump, so the
 * fewer widgets a cell is, the faster the sheet scrolls. */

#include "config.h"

#include "outlay-compat.h"
#include "outlay-sheet-cell.h"

struct _OutlaySheetCell
{
  GtkWidget parent_instance;
  GtkWidget *inscription;
  GtkWidget *icon;
  GtkWidget *editor;
  GtkListItem *list_item; /* unowned: the item owns the cell */
  guint column;
  /* the state the CSS classes show, so rebinding touches
   * them (and the accessible) only on change */
  guint is_section : 1;
  guint is_overridden : 1;
  guint is_selected : 1;
  const char *warning; /* static (translated) string */
  const char *tooltip; /* static (translated) string */
  char *full;          /* a figure too wide for the column, shown as ### */
  float xalign;
  guint overflow_clip : 1;
  /* drawn by the cell itself with its table's pango context (see
   * outlay_sheet_cell_set_context()): no inscription, no context of its own */
  PangoContext *context;
  PangoLayout *layout;
  char *text;
  guint layout_stale : 1; /* @text changed since @layout had it */
};

G_DEFINE_FINAL_TYPE (OutlaySheetCell, outlay_sheet_cell, GTK_TYPE_WIDGET)

static gboolean
query_tooltip_cb (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip);

static void
outlay_sheet_cell_dispose (GObject *object)
{
  OutlaySheetCell *self = OUTLAY_SHEET_CELL (object);

  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_pointer (&self->icon, gtk_widget_unparent);
  g_clear_pointer (&self->inscription, gtk_widget_unparent);
  g_clear_pointer (&self->full, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_object (&self->layout);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (outlay_sheet_cell_parent_class)->dispose (object);
}

/* the column's fixed width and the CSS min-height size the
 * cell, so nothing inside is measured (no pango metrics per inscription) */
static void
outlay_sheet_cell_measure (GtkWidget *widget,
                           GtkOrientation orientation,
                           int for_size,
                           int *minimum,
                           int *natural,
                           int *minimum_baseline,
                           int *natural_baseline)
{
  *minimum = *natural = 0;
}

/* One line of text in @inscription's font, for a few fonts at a time
 * (the family and size: bold or italic do not change it); measured with
 * the context the inscription has anyway */
static int
line_height (GtkWidget *inscription)
{
  static struct
  {
    char *family;
    int size;
    int height;
  } cache[4];
  static guint next;
  PangoContext *context = gtk_widget_get_pango_context (inscription);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  const char *family = font != NULL ? pango_font_description_get_family (font) : NULL;
  int size = font != NULL ? pango_font_description_get_size (font) : 0;
  g_autoptr (PangoLayout) layout = NULL;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cache); i++)
    if (cache[i].height > 0 && cache[i].size == size && g_strcmp0 (cache[i].family, family) == 0)
      return cache[i].height;
  layout = pango_layout_new (context);
  pango_layout_set_text (layout, "Ag", -1);
  i = next++ % G_N_ELEMENTS (cache);
  g_free (cache[i].family);
  cache[i].family = g_strdup (family);
  cache[i].size = size;
  pango_layout_get_pixel_size (layout, NULL, &cache[i].height);
  return cache[i].height;
}

static void
outlay_sheet_cell_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  OutlaySheetCell *self = OUTLAY_SHEET_CELL (widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      int h = c == self->inscription ? MIN (line_height (c), height) : height;

      if (!gtk_widget_should_layout (c))
        continue;
      /* the text gets one line, in the middle: an inscription draws an
       * ellipsized text at its top, not where its yalign says */
      gtk_widget_allocate (
          c, width, h, -1,
          gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, (height - h) / 2)));
    }
}

/* The inscription comes with the first text: an empty cell (most of a
 * week grid's) costs no text widget and no pango context of its own */
static GtkInscription *
ensure_inscription (OutlaySheetCell *self)
{
  if (self->inscription == NULL)
    {
      self->inscription = gtk_inscription_new (NULL);
      gtk_widget_set_hexpand (self->inscription, TRUE);
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (self->inscription),
                                         self->overflow_clip
                                             ? GTK_INSCRIPTION_OVERFLOW_CLIP
                                             : GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
      /* no per-inscription pango metrics for the height; the
       * row height comes from the CSS min-height */
      gtk_inscription_set_min_lines (GTK_INSCRIPTION (self->inscription), 0);
      gtk_inscription_set_xalign (GTK_INSCRIPTION (self->inscription), self->xalign);
      gtk_widget_insert_after (self->inscription, GTK_WIDGET (self), NULL);
      gtk_widget_set_visible (self->inscription, self->editor == NULL);
    }
  return GTK_INSCRIPTION (self->inscription);
}

/* What the sheet's CSS would give an inscription: digits of one width
 * in figures (.numeric), bold on section rows (.section), italic for a
 * typed estimate (.overridden); the font is the table's. */
static void
apply_attributes (OutlaySheetCell *self, PangoLayout *layout)
{
  g_autoptr (PangoAttrList) attrs = pango_attr_list_new ();

  if (self->xalign > 0.5f)
    pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  if (self->is_section)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (self->is_overridden)
    pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
  pango_layout_set_attributes (layout, attrs);
}

static void
set_attributes (OutlaySheetCell *self)
{
  if (self->layout != NULL)
    apply_attributes (self, self->layout);
}

/* A layout for the cell's kind of text, @width wide when it ellipsizes
 * (a figure is clipped, never cut short: set_figure() shows ### instead) */
static PangoLayout *
new_layout (OutlaySheetCell *self, int width)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_single_paragraph_mode (layout, TRUE);
  if (self->xalign <= 0.5f)
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (layout, width * PANGO_SCALE);
    }
  apply_attributes (self, layout);
  return layout;
}

/* Most shaped texts kept per table: a few screens' worth */
#define SHARED_LAYOUTS 2048

/* A table's shaped texts, the least recently drawn dropped first, one
 * at a time (dropping them all at once made a frame of its own) */
typedef struct
{
  GHashTable *by_key; /* key → Shared */
  GQueue order;       /* Shared, most recently drawn first */
} SharedLayouts;

typedef struct
{
  GList link; /* in SharedLayouts.order, data = this */
  char *key;
  PangoLayout *layout;
} Shared;

static void
shared_free (gpointer data)
{
  Shared *shared = data;

  g_object_unref (shared->layout);
  g_free (shared->key);
  g_free (shared);
}

static void
shared_layouts_free (gpointer data)
{
  SharedLayouts *cache = data;

  g_hash_table_unref (cache->by_key); /* frees each Shared */
  g_free (cache);
}

/* Texts repeat down a column ("day", "1", "0.00") and on every scroll:
 * the table's cells share their shaped layouts through its pango
 * context, so each text is laid out once, not once per cell and frame.
 * NULL for a text too long to share. */
static PangoLayout *
shared_layout (OutlaySheetCell *self, int width)
{
  SharedLayouts *cache = g_object_get_data (G_OBJECT (self->context), "outlay-shared-layouts");
  gboolean figure = self->xalign > 0.5f;
  Shared *shared;
  char key[128];

  if (g_snprintf (key, sizeof key, "%d%d%d%d|%s", figure, self->is_section, self->is_overridden,
                  figure ? 0 : width, self->text)
      >= (int) sizeof key)
    return NULL;
  if (cache == NULL)
    {
      cache = g_new0 (SharedLayouts, 1);
      cache->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, shared_free);
      g_queue_init (&cache->order);
      g_object_set_data_full (G_OBJECT (self->context), "outlay-shared-layouts", cache,
                              shared_layouts_free);
    }
  shared = g_hash_table_lookup (cache->by_key, key);
  if (shared != NULL)
    {
      g_queue_unlink (&cache->order, &shared->link);
      g_queue_push_head_link (&cache->order, &shared->link);
      return shared->layout;
    }
  if (cache->order.length >= SHARED_LAYOUTS)
    {
      Shared *oldest = g_queue_pop_tail_link (&cache->order)->data;

      g_hash_table_remove (cache->by_key, oldest->key);
    }
  shared = g_new0 (Shared, 1);
  shared->link.data = shared;
  shared->key = g_strdup (key);
  shared->layout = new_layout (self, width);
  pango_layout_set_text (shared->layout, self->text, -1);
  g_hash_table_insert (cache->by_key, shared->key, shared);
  g_queue_push_head_link (&cache->order, &shared->link);
  return shared->layout;
}

static void
draw_text (OutlaySheetCell *self, GtkSnapshot *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  PangoLayout *layout = shared_layout (self, width);
  PangoRectangle logical;
  GdkRGBA color;
  gboolean clip;
  float x = 0;

  if (layout == NULL)
    {
      if (self->layout == NULL)
        {
          self->layout = new_layout (self, width);
          self->layout_stale = TRUE;
        }
      if (self->layout_stale)
        {
          pango_layout_set_text (self->layout, self->text, -1);
          self->layout_stale = FALSE;
        }
      if (self->xalign <= 0.5f)
        pango_layout_set_width (self->layout, width * PANGO_SCALE);
      layout = self->layout;
    }
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (self->xalign > 0.5f)
    x = width - logical.width - logical.x;
  outlay_compat_widget_get_color (widget, &color);
  /* a clip only for text wider than the cell (ellipsized text and
   * figures fit): one node less per cell on screen */
  clip = x + logical.x < 0 || x + logical.x + logical.width > width || logical.height > height;
  if (clip)
    gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, (height - logical.height) / 2));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
  if (clip)
    gtk_snapshot_pop (snapshot);
}

static void
outlay_sheet_cell_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  OutlaySheetCell *self = OUTLAY_SHEET_CELL (widget);

  if (self->context != NULL && self->editor == NULL && self->text != NULL && *self->text != '\0')
    draw_text (self, snapshot);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    gtk_widget_snapshot_child (widget, c, snapshot);
}

static void
outlay_sheet_cell_class_init (OutlaySheetCellClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = outlay_sheet_cell_dispose;
  widget_class->measure = outlay_sheet_cell_measure;
  widget_class->size_allocate = outlay_sheet_cell_size_allocate;
  widget_class->snapshot = outlay_sheet_cell_snapshot;
  gtk_widget_class_set_css_name (widget_class, "sheetcell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_CELL);
}

static void
outlay_sheet_cell_init (OutlaySheetCell *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

static void
set_drawn_text (OutlaySheetCell *self, const char *text)
{
  char *old = self->text;

  self->text = g_strdup (text); /* before the free: @text may be it */
  g_free (old);
  /* laid out when drawn: of the rows GTK keeps bound, only those on
   * screen are drawn */
  self->layout_stale = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A drawn cell has no text child to be read: its label is its whole
 * value (the figure behind ###, too). */
static void
update_label (OutlaySheetCell *self)
{
  const char *text = self->full != NULL ? self->full : self->text;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
}

/**
 * outlay_sheet_cell_reset_label:
 * @self: a cell
 *
 * Gives the cell back its plain accessible label (its value), after a
 * view labelled it for a while ("A-3, Rate: 850.00" while focused).
 */
void
outlay_sheet_cell_reset_label (OutlaySheetCell *self)
{
  if (self->context != NULL)
    update_label (self);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

GtkWidget *
outlay_sheet_cell_new (guint column, float xalign)
{
  OutlaySheetCell *self = g_object_new (OUTLAY_TYPE_SHEET_CELL, NULL);

  self->column = column;
  self->xalign = xalign;
  if (xalign > 0.5f)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "numeric");
      /* figures are never cut short: too wide shows ### instead */
      self->overflow_clip = TRUE;
    }
  return GTK_WIDGET (self);
}

guint
outlay_sheet_cell_get_column (OutlaySheetCell *self)
{
  return self->column;
}

GtkListItem *
outlay_sheet_cell_get_list_item (OutlaySheetCell *self)
{
  return self->list_item;
}

void
outlay_sheet_cell_set_list_item (OutlaySheetCell *self, GtkListItem *item)
{
  self->list_item = item;
}

void
outlay_sheet_cell_set_text (OutlaySheetCell *self, const char *text)
{
  gboolean had_full = self->full != NULL;

  g_clear_pointer (&self->full, g_free);
  if (self->context != NULL)
    {
      if (had_full || g_strcmp0 (self->text, text) != 0)
        {
          set_drawn_text (self, text);
          update_label (self);
        }
      return;
    }
  if (self->inscription == NULL && (text == NULL || *text == '\0'))
    return;
  gtk_inscription_set_text (ensure_inscription (self), text);
}

/**
 * outlay_sheet_cell_set_figure:
 * @self: a cell
 * @text: a formatted number
 * @max_chars: how many characters the column has room for; 0 for no limit
 *
 * Shows a number whole or not at all: one too wide for the column shows
 * `###` with the full value in its tooltip, as spreadsheets do, because
 * an ellipsized `2,276,548,6…` can be misread by a factor of 1,000.
 * Counting characters (the width comes from the widest digit) keeps the
 * bind path free of text measuring.
 */
void
outlay_sheet_cell_set_figure (OutlaySheetCell *self, const char *text, guint max_chars)
{
  if (max_chars == 0 || g_utf8_strlen (text, -1) <= (glong) max_chars)
    {
      outlay_sheet_cell_set_text (self, text);
      return;
    }
  if (g_strcmp0 (self->full, text) == 0)
    return;
  g_free (self->full);
  self->full = g_strdup (text);
  if (self->context != NULL)
    {
      set_drawn_text (self, "###");
      update_label (self);
    }
  else
    gtk_inscription_set_text (ensure_inscription (self), "###");
}

/**
 * outlay_sheet_cell_get_full_text:
 * @self: a cell
 *
 * Returns: what the cell stands for: its text, or the whole figure
 *   behind `###`
 */
const char *
outlay_sheet_cell_get_full_text (OutlaySheetCell *self)
{
  return self->full != NULL ? self->full : outlay_sheet_cell_get_text (self);
}

/**
 * outlay_sheet_cell_get_tooltip_text:
 * @self: a cell
 *
 * Returns: (transfer full) (nullable): what its tooltip says
 */
char *
outlay_sheet_cell_get_tooltip_text (OutlaySheetCell *self)
{
  const char *note = self->warning != NULL ? self->warning : self->tooltip;

  if (self->full != NULL && note != NULL)
    return g_strdup_printf ("%s\n%s", self->full, note);
  return g_strdup (self->full != NULL ? self->full : note);
}

const char *
outlay_sheet_cell_get_text (OutlaySheetCell *self)
{
  const char *text = self->context != NULL ? self->text
                     : self->inscription != NULL
                         ? gtk_inscription_get_text (GTK_INSCRIPTION (self->inscription))
                         : NULL;

  return text != NULL ? text : "";
}

/**
 * outlay_sheet_cell_set_warning:
 * @self: a cell
 * @warning: (nullable): shown as an icon with this tooltip (over budget);
 *   %NULL for none
 *
 * Marks the cell with an icon, not colour alone.
 */
void
outlay_sheet_cell_set_warning (OutlaySheetCell *self, const char *warning)
{
  /* the icon is a CSS background; the tooltip is asked for */
  if (warning == self->warning)
    return;
  if (warning == NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "over-budget");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "over-budget");
  self->warning = warning;
  if (warning != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    warning, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

void
outlay_sheet_cell_set_state (OutlaySheetCell *self,
                             gboolean section,
                             gboolean overridden,
                             const char *tooltip)
{
  gboolean changed = FALSE;

  if (self->is_section != !!section)
    {
      if (section)
        gtk_widget_add_css_class (GTK_WIDGET (self), "section");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), "section");
      self->is_section = !!section;
      changed = TRUE;
    }
  if (self->is_overridden != !!overridden)
    {
      if (overridden)
        gtk_widget_add_css_class (GTK_WIDGET (self), "overridden");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), "overridden");
      self->is_overridden = !!overridden;
      changed = TRUE;
    }
  if (changed)
    {
      set_attributes (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  self->tooltip = tooltip;
}

/**
 * outlay_sheet_cell_set_selected:
 * @self: a cell
 * @selected: whether it is in the selected range
 *
 * Shows it as selected (the "selected" CSS class), touching the style
 * only on a change: rebinding a row costs no style lookups.
 */
void
outlay_sheet_cell_set_selected (OutlaySheetCell *self, gboolean selected)
{
  if (self->is_selected == !!selected)
    return;
  self->is_selected = !!selected;
  if (selected)
    gtk_widget_add_css_class (GTK_WIDGET (self), "selected");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "selected");
}

static gboolean
query_tooltip_cb (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  g_autofree char *text = outlay_sheet_cell_get_tooltip_text (OUTLAY_SHEET_CELL (widget));

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

gboolean
outlay_sheet_cell_is_editing (OutlaySheetCell *self)
{
  return self->editor != NULL;
}

/**
 * outlay_sheet_cell_start_editing:
 * @self: a cell
 * @initial: the editor's text
 *
 * Returns: (transfer none): the editor, a #GtkText, focused
 */
GtkWidget *
outlay_sheet_cell_start_editing (OutlaySheetCell *self, const char *initial)
{
  if (self->editor == NULL)
    {
      self->editor = gtk_text_new ();
      gtk_widget_set_hexpand (self->editor, TRUE);
      if (self->inscription != NULL)
        gtk_widget_set_visible (self->inscription, FALSE);
      gtk_widget_set_parent (self->editor, GTK_WIDGET (self));
      gtk_widget_add_css_class (GTK_WIDGET (self), "editing");
    }
  gtk_editable_set_text (GTK_EDITABLE (self->editor), initial);
  gtk_editable_set_alignment (GTK_EDITABLE (self->editor), self->xalign);
  gtk_widget_grab_focus (self->editor);
  gtk_editable_set_position (GTK_EDITABLE (self->editor), -1);
  return self->editor;
}

/**
 * outlay_sheet_cell_stop_editing:
 * @self: a cell
 *
 * Removes the editor, leaving focus on the cell.
 *
 * Returns: (transfer full) (nullable): what the editor held
 */
char *
outlay_sheet_cell_stop_editing (OutlaySheetCell *self)
{
  char *text;

  if (self->editor == NULL)
    return NULL;
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor)));
  /* focus first, so the window never keeps a detached GtkText focused */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  if (self->inscription != NULL)
    gtk_widget_set_visible (self->inscription, TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "editing");
  return text;
}

/**
 * outlay_sheet_cell_line_height:
 * @widget: the table the cells go in
 *
 * The cells are never measured; a table without the sheet's CSS gives
 * them this height with gtk_widget_set_size_request(): one line of
 * @widget's text, measured once for the whole table.
 *
 * Returns: the height in pixels, with a little room above and below
 */
int
outlay_sheet_cell_line_height (GtkWidget *widget)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (widget, "Ag");
  int height = 0;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height + 8;
}

/**
 * outlay_sheet_cell_set_context:
 * @self: a new cell, with no text yet
 * @context: its table's pango context (gtk_widget_get_pango_context() of
 *   the column view)
 *
 * Has the cell draw its text itself with @context, in the table's font,
 * rather than through a text widget with a pango context of its own:
 * what a table of a thousand cells spends most of its opening on, and
 * the budget sheet most of a jump to another part of the budget (2,870
 * cells bound again).  The colour follows the cell's CSS; of its font
 * only what outlay_sheet_cell_set_state() says (bold section rows, an
 * italic typed estimate), in the table's family and size.
 */
void
outlay_sheet_cell_set_context (OutlaySheetCell *self, PangoContext *context)
{
  g_return_if_fail (OUTLAY_IS_SHEET_CELL (self));
  g_return_if_fail (self->inscription == NULL);
  g_set_object (&self->context, context);
  g_clear_object (&self->layout);
}
