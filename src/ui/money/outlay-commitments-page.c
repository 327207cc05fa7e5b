/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-commitments-page"

/* The Commitments page: the budget's purchase requests and orders, shown
 * by status or found by number or vendor; New… adds one with a quick
 * "is there budget for this?" as you type; Order, Invoice…, Close and
 * Delete move the selected one along.  Every change is a document command:
 * Ctrl+Z undoes it, the audit trail records it. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-budget-check.h"
#include "outlay-commitments-page.h"
#include "outlay-currency.h"

struct _OutlayCommitmentsPage
{
  OutlayDocumentPage parent_instance;

  GtkDropDown *status_filter;
  GtkSearchEntry *search_entry;
  GtkColumnView *column_view;
  GtkLabel *summary_label;

  GListStore *rows;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (OutlayCommitmentsPage, outlay_commitments_page, OUTLAY_TYPE_DOCUMENT_PAGE)

enum
{
  COL_NUMBER,
  COL_DATE,
  COL_VENDOR,
  COL_CHARGES,
  COL_STATUS,
  COL_AMOUNT,
  COL_INVOICED,
  COL_HELD,
  N_COLS
};

static const struct
{
  const char *title;
  gboolean figure;
  int width;
} cols
    [N_COLS] = {
      [COL_NUMBER] = { N_("Number"), FALSE, 110 },
                       [COL_DATE] = { N_("Date"), FALSE, 100 },
                                      [COL_VENDOR] = { N_("Vendor"), FALSE, 180 },
                                                       [COL_CHARGES] = { N_("Charges"), FALSE, 200 },
                                                                         [COL_STATUS] = { N_("Status"), FALSE, 100 },
                                                                                          [COL_AMOUNT] = { N_("Amount"), TRUE, 120 },
                                                                                                           [COL_INVOICED] = { N_("Invoiced"), TRUE, 120 },
                                                                                                                              [COL_HELD] = { N_("Holds"), TRUE, 160 },
                                                                                                                              };

static OutlayDocument *
document (OutlayCommitmentsPage *self)
{
  return outlay_document_page_get_document (OUTLAY_DOCUMENT_PAGE (self));
}

static const char *
currency (OutlayCommitmentsPage *self)
{
  return outlay_budget_get_currency (outlay_document_get_budget (document (self)));
}

static char *
charges_text (OutlayCommitment *c)
{
  OutlaySection *section = outlay_commitment_get_section (c);
  OutlayLine *line = outlay_commitment_get_line (c);

  if (line != NULL)
    return g_strdup_printf ("%s · %s %s", outlay_section_get_code (section),
                            outlay_line_get_code (line), outlay_line_get_description (line));
  if (section != NULL)
    return g_strdup_printf ("%s %s", outlay_section_get_code (section),
                            outlay_section_get_name (section));
  return g_strdup (_("The whole budget"));
}

/* "Committed $600.00" — what it holds now, and as what */
static char *
held_text (OutlayCommitmentsPage *self, OutlayCommitment *c)
{
  OutlayDecimal actual, committed, reserved;
  g_autofree char *amount = NULL;

  outlay_commitment_get_held (c, &actual, &committed, &reserved);
  if (reserved > 0)
    return (amount = outlay_currency_format (reserved, currency (self)),
            g_strdup_printf (_("Reserved %s"), amount));
  if (committed > 0)
    return (amount = outlay_currency_format (committed, currency (self)),
            g_strdup_printf (_("Committed %s"), amount));
  return g_strdup ("");
}

static char *
cell_text (OutlayCommitmentsPage *self, OutlayCommitment *c, guint col)
{
  switch (col)
    {
      case COL_NUMBER:
        return g_strdup (outlay_commitment_get_reference (c));
      case COL_DATE:
        return g_strdup (outlay_commitment_get_date (c));
      case COL_VENDOR:
        return g_strdup (outlay_commitment_get_vendor (c));
      case COL_CHARGES:
        return charges_text (c);
      case COL_STATUS:
        return g_strdup (outlay_commitment_status_title (outlay_commitment_get_status (c)));
      case COL_AMOUNT:
        return outlay_currency_format (outlay_commitment_get_amount (c), currency (self));
      case COL_INVOICED:
        return outlay_currency_format (outlay_commitment_get_invoiced (c), currency (self));
      case COL_HELD:
      default:
        return held_text (self, c);
    }
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  guint col = GPOINTER_TO_UINT (data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), cols[col].figure ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (cols[col].figure)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  OutlayCommitmentsPage *self = g_object_get_data (G_OBJECT (factory), "page");
  g_autofree char *text = cell_text (self, gtk_list_item_get_item (item), GPOINTER_TO_UINT (data));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
}

static void
add_columns (OutlayCommitmentsPage *self)
{
  for (guint c = 0; c < N_COLS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "page", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (_(cols[c].title), factory);
      gtk_column_view_column_set_fixed_width (column, cols[c].width);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }
}

/* ---- filtering ---- */

static gboolean
matches (OutlayCommitmentsPage *self, OutlayCommitment *c)
{
  static const int shown[] = { -1,
                               -2,
                               OUTLAY_COMMITMENT_STATUS_REQUESTED,
                               OUTLAY_COMMITMENT_STATUS_ORDERED,
                               OUTLAY_COMMITMENT_STATUS_INVOICED,
                               OUTLAY_COMMITMENT_STATUS_CLOSED,
                               OUTLAY_COMMITMENT_STATUS_CANCELLED };
  guint which = gtk_drop_down_get_selected (self->status_filter);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  OutlayCommitmentStatus s = outlay_commitment_get_status (c);
  int want = which < G_N_ELEMENTS (shown) ? shown[which] : -1;

  if (want == -2 /* open: still holds something committed or reserved */
      && s != OUTLAY_COMMITMENT_STATUS_REQUESTED && s != OUTLAY_COMMITMENT_STATUS_APPROVED
      && s != OUTLAY_COMMITMENT_STATUS_ORDERED)
    return FALSE;
  if (want >= 0 && (int) s != want)
    return FALSE;
  if (*text == '\0')
    return TRUE;
  {
    g_autofree char *needle = g_utf8_casefold (text, -1);
    g_autofree char *ref = g_utf8_casefold (outlay_commitment_get_reference (c) ?: "", -1);
    g_autofree char *vendor = g_utf8_casefold (outlay_commitment_get_vendor (c) ?: "", -1);

    return strstr (ref, needle) != NULL || strstr (vendor, needle) != NULL;
  }
}

static void
refresh (OutlayDocumentPage *page)
{
  OutlayCommitmentsPage *self = OUTLAY_COMMITMENTS_PAGE (page);
  OutlayDocument *doc = document (self);
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autofree char *available = NULL;
  g_autofree char *summary = NULL;
  guint n = doc != NULL ? outlay_document_get_n_commitments (doc) : 0;

  for (guint i = 0; i < n; i++)
    if (matches (self, outlay_document_get_commitment (doc, i)))
      g_ptr_array_add (shown, outlay_document_get_commitment (doc, i));
  /* one items-changed for the whole list */
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       shown->pdata, shown->len);
  if (doc == NULL)
    return;
  available = outlay_currency_format (outlay_document_get_available (doc), currency (self));
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u commitment · %s available",
                                          "%u of %u commitments · %s available", n),
                             shown->len, n, available);
  gtk_label_set_text (self->summary_label, summary);
}

static void
filter_changed_cb (OutlayCommitmentsPage *self)
{
  outlay_document_page_queue_refresh (OUTLAY_DOCUMENT_PAGE (self));
}

static void
document_set (OutlayDocumentPage *page, OutlayDocument *old)
{
  OutlayDocument *doc = outlay_document_page_get_document (page);

  /* every command (and its undo) may move a commitment or its line */
  if (doc != NULL)
    g_signal_connect_swapped (doc, "changed", G_CALLBACK (outlay_document_page_queue_refresh),
                              page);
  OUTLAY_DOCUMENT_PAGE_CLASS (outlay_commitments_page_parent_class)->document_set (page, old);
}

/* ---- actions ---- */

static OutlayCommitment *
selected (OutlayCommitmentsPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
show_error (OutlayCommitmentsPage *self, GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("Nothing Was Changed"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef gboolean (*StepFunc) (OutlayDocument *, OutlayCommitment *, GError **);

static void
step (OutlayCommitmentsPage *self, StepFunc func)
{
  g_autoptr(GError) error = NULL;
  OutlayCommitment *c = selected (self);

  if (c != NULL && document (self) != NULL && !func (document (self), c, &error))
    show_error (self, error);
}

static void
order_action (GtkWidget *widget, const char *name, GVariant *param)
{
  step (OUTLAY_COMMITMENTS_PAGE (widget), outlay_document_order_commitment);
}

static void
close_action (GtkWidget *widget, const char *name, GVariant *param)
{
  step (OUTLAY_COMMITMENTS_PAGE (widget), outlay_document_close_commitment);
}

static void
delete_action (GtkWidget *widget, const char *name, GVariant *param)
{
  step (OUTLAY_COMMITMENTS_PAGE (widget), outlay_document_delete_commitment);
}

static void
invoice_response_cb (AdwMessageDialog *dialog, const char *response, OutlayCommitmentsPage *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  OutlayCommitment *c = g_object_get_data (G_OBJECT (dialog), "commitment");
  g_autoptr(GError) error = NULL;
  OutlayDecimal amount;

  if (!g_str_equal (response, "invoice") || document (self) == NULL)
    return;
  if (!outlay_currency_parse_amount (gtk_editable_get_text (entry), currency (self), &amount,
                                     &error)
      || !outlay_document_invoice_commitment (document (self), c, amount, &error))
    show_error (self, error);
}

static void
invoice_action (GtkWidget *widget, const char *name, GVariant *param)
{
  OutlayCommitmentsPage *self = OUTLAY_COMMITMENTS_PAGE (widget);
  OutlayCommitment *c = selected (self);
  g_autofree char *left = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog, *entry;

  if (c == NULL)
    return;
  left = outlay_currency_format (
      outlay_commitment_get_amount (c) - outlay_commitment_get_invoiced (c), currency (self));
  body = g_strdup_printf (_("%s is left to invoice on %s."), left,
                             outlay_commitment_get_reference (c) ?: "");
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Record Invoice"),
                                                                                 body);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Invoice amount"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel",
                                    _("_Cancel"), "invoice", _("_Record"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "invoice");
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "invoice",
                                              ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "commitment", g_object_ref (c), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (invoice_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- New… ---- */

typedef struct
{
  OutlayCommitmentsPage *page;
  OutlayCommitment *editing; /* NULL for a new one */
  GtkEntry *number, *vendor, *date, *amount;
  GtkDropDown *section, *line;
  GtkCheckButton *ordered;
  GtkLabel *check;
} NewForm;

static OutlaySection *
form_section (NewForm *f)
{
  OutlayDocument *doc = document (f->page);
  guint i = gtk_drop_down_get_selected (f->section);

  return i < outlay_document_get_n_sections (doc) ? outlay_document_get_section (doc, i) : NULL;
}

static OutlayLine *
form_line (NewForm *f)
{
  OutlaySection *section = form_section (f);
  guint i = gtk_drop_down_get_selected (f->line);

  /* row 0: the section as a whole */
  if (section == NULL || i == 0 || i == GTK_INVALID_LIST_POSITION)
    return NULL;
  return outlay_section_get_line (section, i - 1);
}

/* The quick check: what the amount would do to the chosen line or section. */
static void
form_update (NewForm *f)
{
  g_autoptr(GError) error = NULL;
  OutlayDecimal amount;
  OutlayCheck c;

  if (!outlay_currency_parse_amount (gtk_editable_get_text (GTK_EDITABLE (f->amount)),
                                     currency (f->page), &amount, &error)
      || !outlay_budget_check (document (f->page), form_section (f), form_line (f), NULL, amount,
                               &c, &error))
    {
      gtk_label_set_text (f->check, *gtk_editable_get_text (GTK_EDITABLE (f->amount)) != '\0'
                                        ? error->message
                                        : "");
      return;
    }
  gtk_label_set_text (f->check, c.reason);
  outlay_check_clear (&c);
}

static void
form_fill_lines (NewForm *f)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  OutlaySection *section = form_section (f);

  gtk_string_list_append (list, _("The section as a whole"));
  for (guint l = 0; section != NULL && l < outlay_section_get_n_lines (section); l++)
    {
      OutlayLine *line = outlay_section_get_line (section, l);
      g_autofree char *text = g_strdup_printf ("%s  %s", outlay_line_get_code (line),
                                               outlay_line_get_description (line));

      gtk_string_list_append (list, text);
    }
  gtk_drop_down_set_model (f->line, G_LIST_MODEL (list));
  form_update (f);
}

static GtkWidget *
form_row (GtkGrid *grid, int row, const char *label, GtkWidget *widget)
{
  GtkWidget *l = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (l), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (l), widget);
  gtk_widget_add_css_class (l, "dim-label");
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (grid, l, 0, row, 1, 1);
  gtk_grid_attach (grid, widget, 1, row, 1, 1);
  return widget;
}

static void
form_free (NewForm *f)
{
  g_clear_object (&f->editing);
  g_free (f);
}

static void
new_response_cb (AdwMessageDialog *dialog, const char *response, NewForm *f)
{
  g_autoptr(OutlayCommitment) c = NULL;
  g_autoptr(GError) error = NULL;
  OutlayDecimal amount;
  const char *date = gtk_editable_get_text (GTK_EDITABLE (f->date));

  if (!g_str_equal (response, "add") || document (f->page) == NULL)
    return;
  if (!outlay_currency_parse_amount (gtk_editable_get_text (GTK_EDITABLE (f->amount)),
                                     currency (f->page), &amount, &error))
    {
      show_error (f->page, error);
      return;
    }
  c = g_object_new (OUTLAY_TYPE_COMMITMENT, "reference",
                    gtk_editable_get_text (GTK_EDITABLE (f->number)), "vendor",
                    gtk_editable_get_text (GTK_EDITABLE (f->vendor)), "date",
                    *date != '\0' ? date : NULL, "amount", amount, "status",
                    gtk_check_button_get_active (f->ordered) ? OUTLAY_COMMITMENT_STATUS_ORDERED
                                                             : OUTLAY_COMMITMENT_STATUS_REQUESTED,
                    NULL);
  if (f->editing != NULL ? !outlay_document_update_commitment (
          document (f->page), f->editing, c, form_section (f), form_line (f), &error)
                         : !outlay_document_add_commitment (document (f->page), c, form_section (f),
                                                            form_line (f), &error))
    show_error (f->page, error);
}

/* Puts @c's fields in the form. */
static void
form_load (NewForm *f, OutlayCommitment *c)
{
  OutlaySection *section = outlay_commitment_get_section (c);
  OutlayLine *line = outlay_commitment_get_line (c);
  g_autofree char *amount = outlay_decimal_to_string_trim (outlay_commitment_get_amount (c));
  guint s = 0, l = 0;

  gtk_editable_set_text (GTK_EDITABLE (f->number), outlay_commitment_get_reference (c) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (f->vendor), outlay_commitment_get_vendor (c) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (f->date), outlay_commitment_get_date (c) ?: "");
  if (section != NULL && outlay_document_find_section (document (f->page), section, &s))
    gtk_drop_down_set_selected (f->section, s);
  if (line != NULL && outlay_section_find_line (section, line, &l))
    gtk_drop_down_set_selected (f->line, l + 1);
  gtk_editable_set_text (GTK_EDITABLE (f->amount), amount);
  /* its status moves with Order, Invoice… and Close, not here */
  gtk_widget_set_visible (GTK_WIDGET (f->ordered), FALSE);
}

static void
open_form (OutlayCommitmentsPage *self, OutlayCommitment *editing)
{
  GtkWidget *widget = GTK_WIDGET (self);
  OutlayDocument *doc = document (self);
  NewForm *f;
  GtkWidget *dialog;
  GtkGrid *grid;
  g_autoptr(GtkStringList) sections = gtk_string_list_new (NULL);

  if (doc == NULL || outlay_document_get_n_sections (doc) == 0)
    return;
  f = g_new0 (NewForm, 1);
  f->page = self;
  f->editing = editing != NULL ? g_object_ref (editing) : NULL;
  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);
      g_autofree char *text = g_strdup_printf ("%s  %s", outlay_section_get_code (section),
                                               outlay_section_get_name (section));

      gtk_string_list_append (sections, text);
    }
  grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 12);
  f->number = GTK_ENTRY (form_row (grid, 0, _("_Number"), gtk_entry_new ()));
  f->vendor = GTK_ENTRY (form_row (grid, 1, _("_Vendor"), gtk_entry_new ()));
  f->date = GTK_ENTRY (form_row (grid, 2, _("_Date"), gtk_entry_new ()));
  gtk_entry_set_placeholder_text (f->date, _("YYYY-MM-DD"));
  f->section = GTK_DROP_DOWN (form_row (
      grid, 3, _("_Section"), gtk_drop_down_new (G_LIST_MODEL (g_object_ref (sections)), NULL)));
  f->line = GTK_DROP_DOWN (form_row (grid, 4, _("_Line"), gtk_drop_down_new (NULL, NULL)));
  f->amount = GTK_ENTRY (form_row (grid, 5, _("_Amount"), gtk_entry_new ()));
  f->ordered = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (
      _("A purchase _order (commits); otherwise a request (reserves)")));
  gtk_grid_attach (grid, GTK_WIDGET (f->ordered), 1, 6, 1, 1);
  f->check = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (f->check, TRUE);
  gtk_label_set_xalign (f->check, 0);
  gtk_label_set_max_width_chars (f->check, 40);
  gtk_grid_attach (grid, GTK_WIDGET (f->check), 0, 7, 2, 1);
  form_fill_lines (f);
  g_signal_connect_swapped (f->section, "notify::selected", G_CALLBACK (form_fill_lines), f);
  g_signal_connect_swapped (f->line, "notify::selected", G_CALLBACK (form_update), f);
  g_signal_connect_swapped (f->amount, "changed", G_CALLBACK (form_update), f);
  if (editing != NULL)
    form_load (f, editing);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   editing != NULL ? _("Edit Commitment")
                                                   : _("New Commitment"), NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (grid));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel",
                                    _("_Cancel"), "add",
                                       editing != NULL ? _("_Save") : _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  g_signal_connect_data (dialog, "response", G_CALLBACK (new_response_cb), f,
                         (GClosureNotify) (void (*) (void)) form_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_action (GtkWidget *widget, const char *name, GVariant *param)
{
  open_form (OUTLAY_COMMITMENTS_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget *widget, const char *name, GVariant *param)
{
  OutlayCommitmentsPage *self = OUTLAY_COMMITMENTS_PAGE (widget);

  if (selected (self) != NULL)
    open_form (self, selected (self));
}

static void
cancel_action (GtkWidget *widget, const char *name, GVariant *param)
{
  step (OUTLAY_COMMITMENTS_PAGE (widget), outlay_document_cancel_commitment);
}

static void
activate_cb (OutlayCommitmentsPage *self, guint position)
{
  gtk_single_selection_set_selected (self->selection, position);
  edit_action (GTK_WIDGET (self), NULL, NULL);
}

/* ---- GObject ---- */

static void
outlay_commitments_page_dispose (GObject *object)
{
  OutlayCommitmentsPage *self = OUTLAY_COMMITMENTS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_COMMITMENTS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  G_OBJECT_CLASS (outlay_commitments_page_parent_class)->dispose (object);
}

static void
outlay_commitments_page_class_init (OutlayCommitmentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OutlayDocumentPageClass *page_class = OUTLAY_DOCUMENT_PAGE_CLASS (klass);

  object_class->dispose = outlay_commitments_page_dispose;
  page_class->refresh = refresh;
  page_class->document_set = document_set;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/outlay-commitments-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayCommitmentsPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, OutlayCommitmentsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OutlayCommitmentsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, OutlayCommitmentsPage, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_install_action (widget_class, "commitments.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "commitments.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "commitments.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "commitments.order", NULL, order_action);
  gtk_widget_class_install_action (widget_class, "commitments.invoice", NULL, invoice_action);
  gtk_widget_class_install_action (widget_class, "commitments.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "commitments.delete", NULL, delete_action);
}

static void
outlay_commitments_page_init (OutlayCommitmentsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_list_store_new (OUTLAY_TYPE_COMMITMENT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  /* Enter or a double click edits */
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (activate_cb), self);
  add_columns (self);
}

/* For tests: the commitments shown, after the filter. */
GListModel *
outlay_commitments_page_get_rows (OutlayCommitmentsPage *self)
{
  g_return_val_if_fail (OUTLAY_IS_COMMITMENTS_PAGE (self), NULL);
  return G_LIST_MODEL (self->rows);
}
