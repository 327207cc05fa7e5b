/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-import-preview"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "outlay-currency.h"
#include "outlay-import-preview.h"

/* wide enough for "A: Pre-production wages", short enough for nine columns */
#define CELL_MAX_CHARS    28
#define FIELD_MAX_CHARS   14
/* a few thousand widgets at most, however wide the sheet */
#define MAX_COLUMNS       64

typedef struct
{
  OutlayImportFieldFunc func;
  gpointer              user_data;
  guint                 column;
} FieldBinding;

/* "A" … "Z", "AA" … */
static char *
column_letters (guint column)
{
  char buf[8];
  int i = G_N_ELEMENTS (buf) - 1;

  buf[i] = '\0';
  do
    {
      buf[--i] = 'A' + column % 26;
      column = column / 26;
    }
  while (column-- > 0 && i > 0);
  return g_strdup (buf + i);
}

/* What a cell shows: numbers as stored, without float noise
 * ("1447.2999999999999998" is 1447.3), on one line. */
static char *
cell_text (const OutlayCell *cell)
{
  OutlayDecimal value;
  char *text;

  if (cell->kind == OUTLAY_CELL_NUMBER
      && outlay_decimal_parse_full (cell->text, cell->length, OUTLAY_DECIMAL_STYLE_POINT, &value,
                                    NULL, NULL))
    return outlay_decimal_to_string_trim (value);
  text = g_utf8_make_valid (cell->text, cell->length);
  return g_strdelimit (text, "\r\n\t", ' ');
}

static GtkWidget *
cell_label (const char *text, gboolean numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), CELL_MAX_CHARS);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "preview-cell");
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (text != NULL && g_utf8_strlen (text, -1) > CELL_MAX_CHARS)
    gtk_widget_set_tooltip_text (label, text);
  return label;
}

static const char *
kind_tag (OutlayRowKind kind)
{
  switch (kind)
    {
    case OUTLAY_ROW_SECTION:
      /* Translators: in the import preview, a row that starts a section */
      return _("Section");
    case OUTLAY_ROW_SUBTOTAL:
      /* Translators: in the import preview, a subtotal row (not imported) */
      return _("Subtotal");
    case OUTLAY_ROW_TOTAL:
      /* Translators: in the import preview, a total row (not imported) */
      return _("Total");
    case OUTLAY_ROW_HEADER:
      /* Translators: in the import preview, a repeated header row (not imported) */
      return _("Header");
    case OUTLAY_ROW_TEXT:
      /* Translators: in the import preview, a row of text without amounts (not imported) */
      return _("Note");
    case OUTLAY_ROW_LINE:
    case OUTLAY_ROW_BLANK:
    default:
      return NULL;
    }
}

static const char *
kind_class (OutlayRowKind kind)
{
  switch (kind)
    {
    case OUTLAY_ROW_SECTION:
      return "preview-section";
    case OUTLAY_ROW_SUBTOTAL:
    case OUTLAY_ROW_TOTAL:
      return "preview-total";
    case OUTLAY_ROW_HEADER:
    case OUTLAY_ROW_TEXT:
      return "preview-skipped";
    case OUTLAY_ROW_LINE:
    case OUTLAY_ROW_BLANK:
    default:
      return "preview-line";
    }
}

/* The row number and, unless it is a line, what the import makes of it. */
static GtkWidget *
gutter (guint number, OutlayRowKind kind)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *text = g_strdup_printf ("%u", number);
  GtkWidget *label = gtk_label_new (text);
  const char *tag = kind_tag (kind);

  gtk_widget_add_css_class (box, "preview-gutter");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_width_chars (GTK_LABEL (label), 4);
  gtk_box_append (GTK_BOX (box), label);
  if (tag != NULL)
    {
      GtkWidget *pill = gtk_label_new (tag);

      gtk_widget_add_css_class (pill, "row-kind-tag");
      gtk_widget_add_css_class (pill, kind_class (kind));
      gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), pill);
    }
  return box;
}

static void
setup_field_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  short_label)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (short_label != NULL)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), FIELD_MAX_CHARS);
      gtk_label_set_width_chars (GTK_LABEL (label), FIELD_MAX_CHARS);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_field_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

static GtkListItemFactory *
field_factory (gboolean short_label)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_field_cb),
                    GINT_TO_POINTER (short_label));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_field_cb), NULL);
  return factory;
}

static void
field_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, FieldBinding *binding)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected < OUTLAY_IMPORT_N_FIELDS)
    binding->func (binding->column, (OutlayImportField) selected, binding->user_data);
}

typedef struct
{
  GtkStringList      *fields;
  GtkListItemFactory *button_factory;
  GtkListItemFactory *list_factory;
  OutlayImportFieldFunc func;
  gpointer            user_data;
} HeaderParts;

/* The column's header text over its field drop-down and confidence pill. */
static GtkWidget *
column_header (HeaderParts *parts, const OutlayColumnMapping *m)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *letters = column_letters (m->column);
  gboolean named = m->header != NULL && *m->header != '\0';
  GtkWidget *title = cell_label (named ? m->header : letters, FALSE);
  GtkWidget *dropdown = gtk_drop_down_new (g_object_ref (G_LIST_MODEL (parts->fields)), NULL);
  g_autofree char *percent = outlay_import_format_confidence (m->confidence);
  GtkWidget *badge = gtk_label_new (percent);
  FieldBinding *binding = g_new0 (FieldBinding, 1);
  /* Translators: tooltip of a column in the import preview, "Column C" */
  g_autofree char *tip = g_strdup_printf (_("Column %s"), letters);

  gtk_widget_add_css_class (box, "preview-column-header");
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_tooltip_text (title, named ? tip : NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (dropdown), parts->button_factory);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (dropdown), parts->list_factory);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), m->field);
  gtk_widget_set_hexpand (dropdown, TRUE);
  gtk_widget_set_tooltip_text (dropdown, _("What this column holds"));
  binding->func = parts->func;
  binding->user_data = parts->user_data;
  binding->column = m->column;
  g_signal_connect_data (dropdown, "notify::selected", G_CALLBACK (field_selected_cb), binding,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_widget_add_css_class (badge, "confidence-badge");
  if (m->confidence < 0.6)
    gtk_widget_add_css_class (badge, "low");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (badge, _("How sure Outlay is of what this column holds"));
  gtk_widget_set_visible (badge, m->field != OUTLAY_IMPORT_FIELD_IGNORE || m->confidence > 0);
  gtk_box_append (GTK_BOX (row), dropdown);
  gtk_box_append (GTK_BOX (row), badge);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), row);
  return box;
}

static void
header_parts_init (HeaderParts *parts, OutlayImportFieldFunc func, gpointer user_data)
{
  parts->fields = gtk_string_list_new (NULL);
  for (guint f = 0; f < OUTLAY_IMPORT_N_FIELDS; f++)
    gtk_string_list_append (parts->fields, outlay_import_field_title (f));
  parts->button_factory = field_factory (TRUE);
  parts->list_factory = field_factory (FALSE);
  parts->func = func;
  parts->user_data = user_data;
}

static void
header_parts_clear (HeaderParts *parts)
{
  g_clear_object (&parts->fields);
  g_clear_object (&parts->button_factory);
  g_clear_object (&parts->list_factory);
}

/* The grid column of each sheet column shown (0 is the gutter), or 0, and
 * each one's field. */
static guint *
grid_columns (GPtrArray *columns, guint *n_sheet_columns, guint8 **fields)
{
  guint n = 0;
  guint *map;

  for (guint i = 0; i < columns->len && i < MAX_COLUMNS; i++)
    n = MAX (n, ((OutlayColumnMapping *) g_ptr_array_index (columns, i))->column + 1);
  map = g_new0 (guint, n + 1);
  *fields = g_new0 (guint8, n + 1);
  for (guint i = 0; i < columns->len && i < MAX_COLUMNS; i++)
    {
      OutlayColumnMapping *m = g_ptr_array_index (columns, i);

      map[m->column] = i + 1;
      (*fields)[m->column] = m->field;
    }
  *n_sheet_columns = n;
  return map;
}

/* Cells of headings and totals run on over the empty cells after them, as
 * they read in the spreadsheet. */
/* Numbers line up on the right in amount columns only: codes stay left. */
static gboolean
right_aligned (const OutlayCell *cell, OutlayImportField field)
{
  return cell->kind == OUTLAY_CELL_NUMBER
         && (outlay_import_field_is_number (field) || field == OUTLAY_IMPORT_FIELD_DERIVED
             || field == OUTLAY_IMPORT_FIELD_IGNORE);
}

static void
attach_row (GtkGrid *grid, const OutlayRow *row, OutlayRowKind kind, int y, const guint *map,
            const guint8 *fields, guint n_sheet_columns, guint n_grid_columns)
{
  const char *css = kind_class (kind);

  gtk_grid_attach (grid, gutter (row->number, kind), 0, y, 1, 1);
  for (guint i = 0; i < row->n_cells; i++)
    {
      const OutlayCell *cell = &row->cells[i];
      g_autofree char *text = NULL;
      GtkWidget *label;
      guint x, end = n_grid_columns;

      if (cell->column >= n_sheet_columns || (x = map[cell->column]) == 0)
        continue;
      for (guint j = i + 1; j < row->n_cells && end == n_grid_columns; j++)
        if (row->cells[j].column < n_sheet_columns && map[row->cells[j].column] > x)
          end = map[row->cells[j].column];
      if (kind == OUTLAY_ROW_LINE)
        end = MIN (end, x + MAX (cell->span, 1));
      text = cell_text (cell);
      label = cell_label (text, right_aligned (cell, fields[cell->column]));
      gtk_widget_add_css_class (label, css);
      gtk_grid_attach (grid, label, x, y, end - x, 1);
    }
}

/* The corner over the row numbers, then each column's header. */
static void
attach_headers (GtkGrid *grid, GPtrArray *columns, OutlayImportFieldFunc func, gpointer user_data)
{
  GtkWidget *corner = gtk_label_new (_("Row"));
  HeaderParts parts = { 0 };

  gtk_widget_add_css_class (corner, "dim-label");
  gtk_widget_add_css_class (corner, "preview-corner");
  gtk_label_set_xalign (GTK_LABEL (corner), 1.0);
  gtk_label_set_yalign (GTK_LABEL (corner), 1.0);
  gtk_grid_attach (grid, corner, 0, 0, 1, 1);
  header_parts_init (&parts, func, user_data);
  for (guint i = 0; i < columns->len && i < MAX_COLUMNS; i++)
    gtk_grid_attach (grid, column_header (&parts, g_ptr_array_index (columns, i)), i + 1, 0, 1, 1);
  header_parts_clear (&parts);
}

GtkWidget *
outlay_import_preview_new (OutlayImportAnalysis  *analysis,
                           OutlaySheetSample     *sample,
                           guint                  max_rows,
                           OutlayImportFieldFunc  func,
                           gpointer               user_data)
{
  GtkWidget *grid;
  GPtrArray *columns;
  guint header_row, n_sheet_columns, shown = 0;
  g_autofree guint8 *fields = NULL;
  g_autofree guint *map = NULL;

  g_return_val_if_fail (analysis != NULL && sample != NULL, NULL);

  grid = gtk_grid_new ();
  gtk_widget_add_css_class (grid, "import-preview");
  columns = outlay_import_analysis_get_columns (analysis);
  header_row = outlay_import_analysis_get_header_row (analysis);
  map = grid_columns (columns, &n_sheet_columns, &fields);
  attach_headers (GTK_GRID (grid), columns, func, user_data);
  for (guint i = 0; i < outlay_sheet_sample_get_n_rows (sample) && shown < max_rows; i++)
    {
      const OutlayRow *row = outlay_sheet_sample_get_row (sample, i);
      OutlayRowKind kind;

      if (row->number <= header_row)
        continue;
      kind = outlay_import_analysis_classify_row (analysis, row, NULL, NULL);
      if (kind == OUTLAY_ROW_BLANK)
        continue;
      attach_row (GTK_GRID (grid), row, kind, ++shown, map, fields, n_sheet_columns,
                  MIN (columns->len, MAX_COLUMNS) + 1);
    }
  return grid;
}

char *
outlay_import_result_summary (const OutlayImportResult *result,
                              gboolean                  has_actual)
{
  guint n_sections = result->sections != NULL ? result->sections->len : 0;
  g_autofree char *n_lines = outlay_import_format_count (result->rows_imported);
  /* Translators: "260 lines", the number already formatted */
  g_autofree char *lines = g_strdup_printf (ngettext ("%s line", "%s lines", result->rows_imported),
                                            n_lines);
  g_autofree char *sections = g_strdup_printf (ngettext ("%u section", "%u sections", n_sections),
                                               n_sections);
  g_autofree char *estimate = outlay_currency_format (result->estimate, result->currency);
  g_autofree char *actual = outlay_currency_format (result->actual, result->currency);

  if (has_actual)
    /* Translators: "260 lines in 16 sections · Estimate $557,068.00 · Actual $474,487.03" */
    return g_strdup_printf (_("%s in %s · Estimate %s · Actual %s"), lines, sections, estimate,
                            actual);
  /* Translators: "260 lines in 16 sections · Estimate $557,068.00" */
  return g_strdup_printf (_("%s in %s · Estimate %s"), lines, sections, estimate);
}

GtkWidget *
outlay_import_error_row_new (guint       row,
                             const char *column,
                             const char *value,
                             const char *message)
{
  GtkWidget *widget = adw_action_row_new ();
  /* Translators: a row that cannot be imported: "Row 14, Rate" */
  g_autofree char *title = g_strdup_printf (_("Row %u, %s"), row, column != NULL ? column : "");
  g_autofree char *subtitle = NULL;

  message = message != NULL ? message : "";
  /* the message often quotes the value already */
  if (value == NULL || *value == '\0' || strstr (message, value) != NULL)
    subtitle = g_strdup (message);
  else
    /* Translators: why a cell cannot be imported: "“twelve”: not a number" */
    subtitle = g_strdup_printf (_("“%s”: %s"), value, message);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (widget), 3);
  return widget;
}

const char *
outlay_import_kind_title (OutlayFileKind kind)
{
  switch (kind)
    {
    case OUTLAY_FILE_KIND_BUDGET:
      return _("Budget");
    case OUTLAY_FILE_KIND_PAYROLL:
      return _("Payroll");
    case OUTLAY_FILE_KIND_INVOICE:
      return _("Invoice");
    case OUTLAY_FILE_KIND_EXPENSE_REPORT:
      return _("Expense Report");
    case OUTLAY_FILE_KIND_UNKNOWN:
    default:
      return _("Not Recognised");
    }
}

const char *
outlay_import_kind_anyway (OutlayFileKind kind)
{
  switch (kind)
    {
    case OUTLAY_FILE_KIND_BUDGET:
      return NULL;
    case OUTLAY_FILE_KIND_PAYROLL:
      return _("Import this payroll file as a budget anyway");
    case OUTLAY_FILE_KIND_INVOICE:
      return _("Import this invoice as a budget anyway");
    case OUTLAY_FILE_KIND_EXPENSE_REPORT:
      return _("Import this expense report as a budget anyway");
    case OUTLAY_FILE_KIND_UNKNOWN:
    default:
      return _("Import this file as a budget anyway");
    }
}

char *
outlay_import_format_count (guint64 n)
{
  const struct lconv *lc = localeconv ();
  OutlayDecimal value = OUTLAY_DECIMAL_FROM_INT (MIN (n, (guint64) G_MAXINT32));

  if (lc->thousands_sep != NULL && *lc->thousands_sep != '\0')
    return outlay_decimal_format_locale (value, 0);
  return outlay_decimal_format (value, 0, ".", ",");
}

char *
outlay_import_format_confidence (double confidence)
{
  /* Translators: how sure the import is of a column or file type, "92 %" */
  return g_strdup_printf (_("%d %%"), (int) (CLAMP (confidence, 0.0, 1.0) * 100 + 0.5));
}

void
outlay_import_load_css (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  GtkCssProvider *provider;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "outlay-import-css") != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/outlay-import.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "outlay-import-css", provider, g_object_unref);
}
