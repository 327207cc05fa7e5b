/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-topsheet-view"

/* The top sheet page: the one-page summary a producer sends with a bid.
 *
 * A header block (who, what, when) and a table of the engine's rows in
 * printed order (outlay-topsheet.c): for AICP bids A … K, the A to K
 * subtotal, markup, L … P, contingency, insurance, production fee,
 * handling fee and the contracted total; for other budgets the sections,
 * the total and the allocation with its status.
 *
 * Rows that name a budget property (the percentages, contingency, the
 * allocation) carry a small entry that edits it in place.  The table is
 * rebuilt only when its rows change; a value edit updates the labels in
 * place, so the entry being typed in keeps its focus and its text.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-currency.h"
#include "outlay-error.h"
#include "outlay-topsheet-view.h"
#include "outlay-topsheet.h"

/* Wide enough for "−$99,999,999.00" */
#define AMOUNT_WIDTH 116
/* The line column: "A", "6100" */
#define CODE_WIDTH 44
/* "% of $999,999,999.00" after a percentage's entry */
#define BASE_WIDTH 124

typedef struct
{
  GtkWidget *box;
  GtkWidget *icon;
  GtkLabel  *label;
} AmountCell;

/* The widgets of one table row that change with the figures. */
typedef struct
{
  char       *id;
  GtkLabel   *title;
  GtkLabel   *base;   /* "of $158,000.00" on percentage rows */
  GtkEntry   *entry;  /* on rows that edit a budget property */
  GtkWidget  *badge;  /* the status on the percent-used row */
  AmountCell  estimate;
  AmountCell  actual;
  AmountCell  variance;
} RowWidgets;

struct _OutlayTopSheetView
{
  OutlayDocumentPage parent_instance;
  OutlayTopSheet *sheet;
  GPtrArray      *rows;       /* of RowWidgets, one per engine row */
  gboolean        updating;   /* while we set an entry's text ourselves */
  gboolean        no_commit;  /* while we move the focus or tear rows down */

  GtkLabel       *kind_label;
  GtkLabel       *name_label;
  GtkLabel       *status_label;
  GtkGrid        *facts_grid;
  GtkWidget      *error_box;
  GtkLabel       *error_label;
  GtkListBox     *table;
  GtkWidget      *comments_box;
  GtkLabel       *comments_label;
};

G_DEFINE_FINAL_TYPE (OutlayTopSheetView, outlay_topsheet_view, OUTLAY_TYPE_DOCUMENT_PAGE)

enum
{
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *status_classes[] = { "draft", "submitted", "approved", "locked" };
static const char *level_classes[] = { "none", "ok", "warning", "critical" };


/* ---- helpers ---- */

static void
row_widgets_free (RowWidgets *rw)
{
  g_free (rw->id);
  g_free (rw);
}

static const char *
currency (OutlayTopSheetView *self)
{
  return outlay_budget_get_currency (outlay_topsheet_get_budget (self->sheet));
}

static OutlayDocument *
document (OutlayTopSheetView *self)
{
  return outlay_document_page_get_document (OUTLAY_DOCUMENT_PAGE (self));
}

static gboolean
is_read_only (OutlayTopSheetView *self)
{
  return document (self) == NULL || outlay_document_get_read_only (document (self));
}

/* "12", "1.5", "12.345": as many decimals as the value has. */
static char *
format_percent (OutlayDecimal value)
{
  gint64 frac = ABS (value % OUTLAY_DECIMAL_SCALE);
  guint places = OUTLAY_DECIMAL_PLACES;

  while (places > 0 && frac % 10 == 0)
    {
      frac /= 10;
      places--;
    }
  return outlay_decimal_format_locale (value, places);
}

static GtkWidget *
cell (const char *text, int width_chars, float xalign, gboolean expand)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_width_chars (GTK_LABEL (label), width_chars);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, expand);
  return label;
}

/* A right-aligned amount in a fixed-width column; over budget shows an
 * icon beside the figure as well as the colour. */
static void
amount_cell_init (AmountCell *ac, const char *name)
{
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  ac->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  ac->icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  ac->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_size_request (ac->box, AMOUNT_WIDTH, -1);
  /* the spacer takes the slack; the column keeps its width */
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_widget_set_hexpand (ac->box, FALSE);
  gtk_widget_set_tooltip_text (ac->icon, _("Over budget"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (ac->icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Over budget"), -1);
  gtk_widget_set_visible (ac->icon, FALSE);
  gtk_label_set_xalign (ac->label, 1);
  gtk_widget_add_css_class (GTK_WIDGET (ac->label), "numeric");
  if (name != NULL)
    gtk_widget_set_name (GTK_WIDGET (ac->label), name);
  gtk_box_append (GTK_BOX (ac->box), spacer);
  gtk_box_append (GTK_BOX (ac->box), ac->icon);
  gtk_box_append (GTK_BOX (ac->box), GTK_WIDGET (ac->label));
}

static void
amount_cell_set (AmountCell *ac, const char *text, gboolean over)
{
  gtk_label_set_text (ac->label, text != NULL ? text : "");
  gtk_widget_set_visible (ac->icon, over);
  if (over)
    gtk_widget_add_css_class (ac->box, "over-budget");
  else
    gtk_widget_remove_css_class (ac->box, "over-budget");
}

static void
amount_cell_set_money (AmountCell *ac, OutlayDecimal value, const char *code, gboolean over)
{
  g_autofree char *text = outlay_currency_format (value, code);

  amount_cell_set (ac, text, over);
}

static void
amount_cell_set_percent (AmountCell *ac, OutlayDecimal value, gboolean over)
{
  g_autofree char *number = outlay_decimal_format_locale (outlay_decimal_round (value, 1), 1);
  /* Translators: a percentage in a table cell, "89.5%" */
  g_autofree char *text = g_strdup_printf (_("%s%%"), number);

  amount_cell_set (ac, text, over);
}

/* ---- parsing what is typed ---- */

/* The rows' entries are labelled "%", so "12", "12 %" and "12%" all mean
 * twelve percent.  outlay_decimal_parse_full() reads "12%" as the fraction
 * 0.12, as a spreadsheet would; rather than multiply that back by 100,
 * which would lose digits past the fourth decimal of the fraction
 * ("12.345%" → 0.1235 → 12.35), one "%" at either end is removed before
 * parsing.  Should the parser still see a percent sign ("12%%"), the
 * fraction is multiplied back. */
static gboolean
parse_percent (const char *text, OutlayDecimal *out, GError **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gsize len = strlen (copy);
  OutlayDecimalParseFlags flags = 0;

  if (len > 0 && copy[len - 1] == '%')
    copy[len - 1] = '\0';
  else if (copy[0] == '%')
    memmove (copy, copy + 1, len);
  if (!outlay_decimal_parse_full (copy, -1, outlay_decimal_style_for_locale (), out, &flags,
                                  error))
    return FALSE;
  if ((flags & OUTLAY_DECIMAL_PARSED_CURRENCY) != 0)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("“%s” is an amount; type a percentage such as 12.5"), text);
      return FALSE;
    }
  if ((flags & OUTLAY_DECIMAL_PARSED_PERCENT) != 0
      && !outlay_decimal_mul (*out, OUTLAY_DECIMAL_FROM_INT (100), out))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW, _("“%s” is too large"), text);
      return FALSE;
    }
  return TRUE;
}

/* An amount in the budget's currency, rounded to its minor unit. */
static gboolean
parse_amount (const char *text, const char *code, OutlayDecimal *out, GError **error)
{
  OutlayDecimalParseFlags flags = 0;

  if (!outlay_decimal_parse_full (text, -1, outlay_decimal_style_for_locale (), out, &flags,
                                  error))
    return FALSE;
  if ((flags & OUTLAY_DECIMAL_PARSED_PERCENT) != 0)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("“%s” is a percentage; type an amount in %s"), text, code);
      return FALSE;
    }
  *out = outlay_decimal_round (*out, outlay_currency_minor_units (code));
  return TRUE;
}

/* ---- entries ---- */

static gboolean
entry_is_percent (GtkEntry *entry)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "outlay-percent"));
}

static const char *
entry_property (GtkEntry *entry)
{
  return g_object_get_data (G_OBJECT (entry), "outlay-property");
}

/* Whether the user has typed something not yet committed. */
static gboolean
entry_is_dirty (GtkEntry *entry)
{
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)),
                    g_object_get_data (G_OBJECT (entry), "outlay-shown"))
         != 0;
}

/* Shows the budget's value of the entry's property, as the figures do. */
static void
entry_show_value (OutlayTopSheetView *self, GtkEntry *entry)
{
  OutlayBudget *budget = outlay_document_get_budget (document (self));
  g_auto(GValue) v = G_VALUE_INIT;
  char *text;

  g_value_init (&v, G_TYPE_INT64);
  g_object_get_property (G_OBJECT (budget), entry_property (entry), &v);
  text = entry_is_percent (entry)
           ? format_percent (g_value_get_int64 (&v))
           : outlay_currency_format_amount (g_value_get_int64 (&v),
                                            outlay_budget_get_currency (budget));
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  self->updating = FALSE;
  g_object_set_data_full (G_OBJECT (entry), "outlay-shown", text, g_free);
}

static void
entry_refuse (OutlayTopSheetView *self, GtkEntry *entry, const char *why)
{
  gtk_widget_error_bell (GTK_WIDGET (entry));
  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  g_signal_emit (self, signals[MESSAGE], 0, why);
  entry_show_value (self, entry);
}

static gboolean
parse_entry (OutlayTopSheetView *self, GtkEntry *entry, OutlayDecimal *value, GError **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  const char *title = g_object_get_data (G_OBJECT (entry), "outlay-title");
  g_autoptr(GError) local = NULL;
  gboolean ok = entry_is_percent (entry) ? parse_percent (text, value, &local)
                                         : parse_amount (text, currency (self), value, &local);

  if (!ok)
    {
      /* Translators: "Production fee: “twelve” is not a number" */
      g_set_error (error, local->domain, local->code, _("%s: %s"), title, local->message);
      return FALSE;
    }
  if (*value < 0)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("%s can’t be negative"), title);
      return FALSE;
    }
  return TRUE;
}

/* Parses the entry and sets its budget property: one undoable edit.  On
 * bad input: a bell, the entry marked, a message saying why, the old
 * value back. */
static void
commit_entry (OutlayTopSheetView *self, GtkEntry *entry)
{
  g_autoptr(GError) error = NULL;
  g_auto(GValue) v = G_VALUE_INIT;
  OutlayDecimal value = 0;

  if (document (self) == NULL || self->no_commit || !entry_is_dirty (entry))
    return;
  if (!parse_entry (self, entry, &value, &error))
    {
      entry_refuse (self, entry, error->message);
      return;
    }
  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, value);
  if (!outlay_document_set_budget_value (document (self), entry_property (entry), &v, &error))
    {
      entry_refuse (self, entry, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  entry_show_value (self, entry);
}

/* ---- callbacks ---- */

static void
entry_activate_cb (GtkEntry *entry, OutlayTopSheetView *self)
{
  commit_entry (self, entry);
}

static void
entry_changed_cb (GtkEntry *entry, OutlayTopSheetView *self)
{
  if (!self->updating)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static void
focus_leave_cb (GtkEventControllerFocus *controller, OutlayTopSheetView *self)
{
  commit_entry (self, GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

/* Escape puts the value back. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, OutlayTopSheetView *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (keyval != GDK_KEY_Escape || !entry_is_dirty (GTK_ENTRY (entry)))
    return FALSE;
  gtk_widget_remove_css_class (entry, "error");
  entry_show_value (self, GTK_ENTRY (entry));
  return TRUE;
}

/* ---- the header block ---- */

static void
add_fact (OutlayTopSheetView *self, guint *n, const char *caption, const char *value)
{
  GtkWidget *box, *title, *text;

  if (value == NULL || *value == '\0')
    return;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  title = gtk_label_new (caption);
  text = gtk_label_new (value);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), text);
  gtk_grid_attach (self->facts_grid, box, (int) (*n % 4), (int) (*n / 4), 1, 1);
  (*n)++;
}

static void
update_facts (OutlayTopSheetView *self, OutlayBudget *b)
{
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->facts_grid))) != NULL)
    gtk_grid_remove (self->facts_grid, child);
  add_fact (self, &n, _("Production company"), outlay_budget_get_production_company (b));
  add_fact (self, &n, _("Client"), outlay_budget_get_client (b));
  add_fact (self, &n, _("Agency"), outlay_budget_get_agency (b));
  add_fact (self, &n, _("Job number"), outlay_budget_get_job_number (b));
  add_fact (self, &n, _("Bid date"), outlay_budget_get_bid_date (b));
  add_fact (self, &n, _("Shoot dates"), outlay_budget_get_shoot_dates (b));
  add_fact (self, &n, _("Director"), outlay_budget_get_director (b));
  add_fact (self, &n, _("Producer"), outlay_budget_get_producer (b));
  gtk_widget_set_visible (GTK_WIDGET (self->facts_grid), n > 0);
}

static void
update_header (OutlayTopSheetView *self)
{
  OutlayBudget *b = outlay_topsheet_get_budget (self->sheet);
  OutlayBudgetStatus status = outlay_budget_get_status (b);
  const GError *error = outlay_topsheet_get_error (self->sheet);
  const char *comments = outlay_budget_get_comments (b);
  g_autofree char *version = outlay_document_page_version_title (document (self));

  gtk_label_set_text (self->kind_label, outlay_topsheet_is_aicp (self->sheet)
                                          ? _("Production Cost Summary")
                                          : _("Budget Summary"));
  gtk_label_set_text (self->name_label, outlay_budget_get_name (b));
  gtk_label_set_text (self->status_label,
                      version != NULL ? version : outlay_budget_status_title (status));
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "version");
  /* a saved version is a version, not a locked budget */
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label),
                            version != NULL ? "version" : status_classes[status]);
  update_facts (self, b);
  gtk_widget_set_visible (self->error_box, error != NULL);
  gtk_label_set_text (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (self->comments_box, comments != NULL && *comments != '\0');
  gtk_label_set_text (self->comments_label, comments != NULL ? comments : "");
}

static void
clear_header (OutlayTopSheetView *self)
{
  gtk_label_set_text (self->kind_label, "");
  gtk_label_set_text (self->name_label, "");
  gtk_label_set_text (self->status_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->facts_grid), FALSE);
  gtk_widget_set_visible (self->error_box, FALSE);
  gtk_widget_set_visible (self->comments_box, FALSE);
}

/* ---- the table ---- */

static GtkWidget *
status_badge (void)
{
  GtkWidget *badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_widget_add_css_class (badge, "topsheet-status");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (badge), gtk_image_new ());
  gtk_box_append (GTK_BOX (badge), gtk_label_new (NULL));
  return badge;
}

static GtkWidget *
make_entry (OutlayTopSheetView *self, const OutlayTopSheetRow *row)
{
  gboolean percent = row->kind == OUTLAY_TOPSHEET_ROW_PERCENT;
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  g_autofree char *name = g_strconcat (row->id, "-entry", NULL);
  g_autofree char *a11y = percent ? g_strdup_printf (_("%s, percent"), row->label)
                                  : g_strdup (row->label);

  gtk_widget_set_name (entry, name);
  gtk_entry_set_alignment (GTK_ENTRY (entry), 1);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), percent ? 7 : 11);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), percent ? 7 : 11);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (entry, "numeric");
  gtk_widget_add_css_class (entry, "topsheet-input");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_object_set_data (G_OBJECT (entry), "outlay-property", (gpointer) row->property);
  g_object_set_data (G_OBJECT (entry), "outlay-percent", GINT_TO_POINTER (percent));
  g_object_set_data_full (G_OBJECT (entry), "outlay-title", g_strdup (row->label), g_free);
  g_signal_connect (entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  /* before the text sees it, so Escape with nothing typed still
   * reaches the window */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (entry, focus);
  gtk_widget_add_controller (entry, keys);
  return entry;
}

/* The description column: the title, then what the row's figure is of,
 * then the entry for the percentage or amount, right-aligned so the
 * entries line up. */
static GtkWidget *
description_cell (OutlayTopSheetView *self, RowWidgets *rw, const OutlayTopSheetRow *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  rw->title = GTK_LABEL (cell (row->label, 10, 0, TRUE));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (rw->title));
  if (row->kind == OUTLAY_TOPSHEET_ROW_PERCENT_USED)
    {
      rw->badge = status_badge ();
      gtk_box_append (GTK_BOX (box), rw->badge);
    }
  if (row->property != NULL)
    {
      rw->entry = GTK_ENTRY (make_entry (self, row));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (rw->entry));
      /* "% of $253,030.00", in a fixed width so the entries line up */
      rw->base = GTK_LABEL (cell (NULL, 0, 0, FALSE));
      gtk_widget_set_size_request (GTK_WIDGET (rw->base), BASE_WIDTH, -1);
      gtk_widget_add_css_class (GTK_WIDGET (rw->base), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (rw->base), "numeric");
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (rw->base));
    }
  gtk_widget_set_hexpand (box, TRUE);
  return box;
}

static void
append_row (OutlayTopSheetView *self, GtkWidget *box, const char *css)
{
  GtkWidget *row;

  gtk_widget_add_css_class (box, "topsheet-row");
  gtk_list_box_append (self->table, box);
  row = gtk_widget_get_parent (box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  if (css != NULL)
    gtk_widget_add_css_class (row, css);
}

static void
add_table_header (OutlayTopSheetView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gboolean aicp = outlay_topsheet_is_aicp (self->sheet);
  const char *titles[] = { _("Estimate"), _("Actual"), _("Variance") };

  GtkWidget *code = cell (aicp ? _("Line") : _("Code"), 0, 0, FALSE);

  gtk_widget_set_size_request (code, CODE_WIDTH, -1);
  gtk_box_append (GTK_BOX (box), code);
  gtk_box_append (GTK_BOX (box), cell (_("Description"), 10, 0, TRUE));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkWidget *title = cell (titles[i], 0, 1, FALSE);

      gtk_widget_set_size_request (title, AMOUNT_WIDTH, -1);
      gtk_box_append (GTK_BOX (box), title);
    }
  append_row (self, box, "topsheet-header");
}

static void
add_table_row (OutlayTopSheetView *self, const OutlayTopSheetRow *row)
{
  RowWidgets *rw = g_new0 (RowWidgets, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *estimate_name = g_strconcat (row->id, "-estimate", NULL);
  GtkWidget *code = cell (row->code, 0, 0, FALSE);

  rw->id = g_strdup (row->id);
  gtk_widget_set_size_request (code, CODE_WIDTH, -1);
  gtk_widget_add_css_class (code, "topsheet-code");
  gtk_box_append (GTK_BOX (box), code);
  gtk_box_append (GTK_BOX (box), description_cell (self, rw, row));
  amount_cell_init (&rw->estimate, estimate_name);
  amount_cell_init (&rw->actual, NULL);
  amount_cell_init (&rw->variance, NULL);
  gtk_box_append (GTK_BOX (box), rw->estimate.box);
  gtk_box_append (GTK_BOX (box), rw->actual.box);
  gtk_box_append (GTK_BOX (box), rw->variance.box);
  append_row (self, box, outlay_topsheet_row_kind_to_string (row->kind));
  g_ptr_array_add (self->rows, rw);
}

static void
rebuild_table (OutlayTopSheetView *self)
{
  GtkWidget *child;

  /* removing a focused entry moves the focus: that is not a commit */
  self->no_commit = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_list_box_remove (self->table, child);
  g_ptr_array_set_size (self->rows, 0);
  self->no_commit = FALSE;
  if (self->sheet == NULL)
    return;
  add_table_header (self);
  for (guint i = 0; i < outlay_topsheet_get_n_rows (self->sheet); i++)
    add_table_row (self, outlay_topsheet_get_row (self->sheet, i));
  /* GTK 4.8 restyles a row that stops being :last-child (the boxed
   * list's rounded bottom) but may paint it from its cached render node */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->table)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_queue_draw (child);
}

/* Whether the table already has the sheet's rows, in order. */
static gboolean
same_rows (OutlayTopSheetView *self)
{
  guint n = self->sheet != NULL ? outlay_topsheet_get_n_rows (self->sheet) : 0;

  if (n != self->rows->len)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      RowWidgets *rw = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (rw->id, outlay_topsheet_get_row (self->sheet, i)->id) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
update_badge (OutlayTopSheetView *self, GtkWidget *badge)
{
  static const char *icons[] = { NULL, "emblem-ok-symbolic", "dialog-warning-symbolic",
                                 "dialog-error-symbolic" };
  const char *texts[] = { NULL, _("On track"), _("Warning"), _("Critical") };
  OutlayTopSheetStatus status = outlay_topsheet_get_status (self->sheet);
  OutlayBudget *b = outlay_topsheet_get_budget (self->sheet);
  g_autofree char *warning = format_percent (outlay_budget_get_warning_threshold (b));
  g_autofree char *critical = format_percent (outlay_budget_get_critical_threshold (b));
  g_autofree char *available = outlay_currency_format (outlay_topsheet_get_available (self->sheet),
                                                       currency (self));
  /* Translators: the top sheet's status badge, "On track · $12,000.00 available" */
  g_autofree char *label = NULL;
  g_autofree char *tip = g_strdup_printf (_("Warning at %s%%, critical at %s%% of the allocation, "
                                            "estimated or spent (actual + committed)"),
                                             warning, critical);

  gtk_widget_set_visible (badge, status != OUTLAY_TOPSHEET_STATUS_NONE);
  if (status == OUTLAY_TOPSHEET_STATUS_NONE)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (level_classes); i++)
    gtk_widget_remove_css_class (badge, level_classes[i]);
  gtk_widget_add_css_class (badge, level_classes[status]);
  gtk_image_set_from_icon_name (GTK_IMAGE (gtk_widget_get_first_child (badge)), icons[status]);
  label = g_strdup_printf (_("%s · %s available"), texts[status], available);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (badge)), label);
  gtk_widget_set_tooltip_text (badge, tip);
}

static void
update_base (OutlayTopSheetView *self, RowWidgets *rw, const OutlayTopSheetRow *row)
{
  g_autofree char *amount = NULL;
  g_autofree char *text = NULL;

  if (rw->base == NULL)
    return;
  if (row->kind == OUTLAY_TOPSHEET_ROW_PERCENT)
    {
      amount = outlay_currency_format (row->base_estimate, currency (self));
      /* Translators: after a percentage's entry: "12 % of $158,000.00" */
      text = g_strdup_printf (_("%% of %s"), amount);
    }
  gtk_label_set_text (rw->base, text != NULL ? text : "");
}

static void
update_entry (OutlayTopSheetView *self, GtkEntry *entry)
{
  GtkWidget *widget = GTK_WIDGET (entry);
  gboolean focused = (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;

  /* leave what the user is typing alone */
  if (!focused || !entry_is_dirty (entry) || is_read_only (self))
    entry_show_value (self, entry);
  if (is_read_only (self) && focused)
    {
      /* an insensitive GtkText that keeps the focus keeps blinking */
      self->no_commit = TRUE;
      gtk_root_set_focus (gtk_widget_get_root (widget), NULL);
      self->no_commit = FALSE;
    }
  gtk_widget_set_sensitive (widget, !is_read_only (self));
}

static void
update_row (OutlayTopSheetView *self, RowWidgets *rw, const OutlayTopSheetRow *row)
{
  const char *code = currency (self);
  gboolean no_cap = outlay_budget_get_allocated (outlay_topsheet_get_budget (self->sheet)) == 0;

  gtk_label_set_text (rw->title, row->label);
  if (row->kind == OUTLAY_TOPSHEET_ROW_REMAINING && no_cap)
    gtk_widget_add_css_class (GTK_WIDGET (rw->title), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (rw->title), "dim-label");
  update_base (self, rw, row);
  switch (row->kind)
    {
    case OUTLAY_TOPSHEET_ROW_PERCENT_USED:
      amount_cell_set_percent (&rw->estimate, row->estimate, FALSE);
      amount_cell_set_percent (&rw->actual, row->actual, FALSE);
      amount_cell_set (&rw->variance, NULL, FALSE);
      update_badge (self, rw->badge);
      break;
    case OUTLAY_TOPSHEET_ROW_REMAINING:
    case OUTLAY_TOPSHEET_ROW_ALLOCATED:
      if (no_cap)
        {
          /* nothing remains of no cap: say so, not "−54 M" in red; the
           * Allocated row keeps its entry to set one */
          if (row->kind == OUTLAY_TOPSHEET_ROW_REMAINING)
            gtk_label_set_text (rw->title, _("No allocation set"));
          amount_cell_set (&rw->estimate, NULL, FALSE);
          amount_cell_set (&rw->actual, NULL, FALSE);
          amount_cell_set (&rw->variance, NULL, FALSE);
          break;
        }
      /* there is no variance of a cap; below zero remaining is over */
      amount_cell_set_money (&rw->estimate, row->estimate, code, row->estimate < 0);
      amount_cell_set_money (&rw->actual, row->actual, code, row->actual < 0);
      amount_cell_set (&rw->variance, NULL, FALSE);
      break;
    default:
      amount_cell_set_money (&rw->estimate, row->estimate, code, FALSE);
      amount_cell_set_money (&rw->actual, row->actual, code, FALSE);
      amount_cell_set_money (&rw->variance, row->variance, code, row->variance < 0);
      break;
    }
  if (rw->entry != NULL)
    update_entry (self, rw->entry);
}

static void
refresh (OutlayDocumentPage *page)
{
  OutlayTopSheetView *self = OUTLAY_TOPSHEET_VIEW (page);
  OutlayDocument *document = outlay_document_page_get_document (page);

  if (self->rows == NULL) /* disposed */
    return;
  g_clear_object (&self->sheet);
  if (document != NULL)
    self->sheet = outlay_topsheet_new (document);
  if (!same_rows (self))
    rebuild_table (self);
  gtk_widget_set_visible (GTK_WIDGET (self->table), self->sheet != NULL);
  if (self->sheet == NULL)
    {
      clear_header (self);
      return;
    }
  update_header (self);
  for (guint i = 0; i < self->rows->len; i++)
    update_row (self, g_ptr_array_index (self->rows, i), outlay_topsheet_get_row (self->sheet, i));
}

/* ---- GObject ---- */

static void
outlay_topsheet_view_dispose (GObject *object)
{
  OutlayTopSheetView *self = OUTLAY_TOPSHEET_VIEW (object);

  outlay_topsheet_view_set_document (self, NULL);
  self->no_commit = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_TOPSHEET_VIEW);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (outlay_topsheet_view_parent_class)->dispose (object);
}

static void
outlay_topsheet_view_class_init (OutlayTopSheetViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = outlay_topsheet_view_dispose;

  /**
   * OutlayTopSheetView::message:
   * @text: what to tell the user (why an edit was refused)
   */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  OUTLAY_DOCUMENT_PAGE_CLASS (klass)->refresh = refresh;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/outlay-topsheet-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayTopSheetView, kind_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayTopSheetView, name_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayTopSheetView, status_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayTopSheetView, facts_grid);
  gtk_widget_class_bind_template_child (widget_class, OutlayTopSheetView, error_box);
  gtk_widget_class_bind_template_child (widget_class, OutlayTopSheetView, error_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayTopSheetView, table);
  gtk_widget_class_bind_template_child (widget_class, OutlayTopSheetView, comments_box);
  gtk_widget_class_bind_template_child (widget_class, OutlayTopSheetView, comments_label);
}

static void
outlay_topsheet_view_init (OutlayTopSheetView *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_widgets_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- public API ---- */

/**
 * outlay_topsheet_view_new:
 *
 * Returns: (transfer floating): a top sheet view with no document
 */
GtkWidget *
outlay_topsheet_view_new (void)
{
  return g_object_new (OUTLAY_TYPE_TOPSHEET_VIEW, NULL);
}

/**
 * outlay_topsheet_view_set_document:
 * @self: the view
 * @document: (nullable): the budget to summarise; kept up to date as it
 *   changes
 *
 * Shows @document's top sheet.  Edits typed into the view go through
 * outlay_document_set_budget_value(), so they are undoable; an edit the
 * view refuses is explained with #OutlayTopSheetView::message.
 */
void
outlay_topsheet_view_set_document (OutlayTopSheetView *self,
                                   OutlayDocument     *document)
{
  outlay_document_page_set_document (OUTLAY_DOCUMENT_PAGE (self), document);
}

/**
 * outlay_topsheet_view_get_document:
 * @self: the view
 *
 * Returns: (transfer none) (nullable): the document shown
 */
OutlayDocument *
outlay_topsheet_view_get_document (OutlayTopSheetView *self)
{
  return outlay_document_page_get_document (OUTLAY_DOCUMENT_PAGE (self));
}
