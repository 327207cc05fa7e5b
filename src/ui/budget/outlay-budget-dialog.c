/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-budget-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "outlay-budget-dialog.h"
#include "outlay-currency.h"
#include "outlay-decimal.h"
#include "outlay-model-enum-types.h"

/* How a row's text turns into its property's value. */
typedef enum
{
  FIELD_TEXT,
  FIELD_NAME,
  FIELD_CURRENCY,
  FIELD_AMOUNT,   /* money that cannot be negative */
  FIELD_VALUE,    /* money of either sign */
  FIELD_HOURS,
  FIELD_PERCENT,  /* 12.5 for 12.5 %; "12.5%" is read the same */
  FIELD_DATE,     /* YYYY-MM-DD or empty */
} FieldKind;

typedef struct
{
  const char *row;       /* the row's id in the template */
  const char *property;  /* the OutlayBudget property it edits */
  FieldKind   kind;
  const char *negative;  /* the message when it cannot be negative */
} Field;

enum
{
  F_NAME,
  F_CLIENT,
  F_CURRENCY,
  F_ALLOCATED,
  F_HOURS,
  F_WARNING,
  F_CRITICAL,
  F_EXPECTED,
  F_REALIZED,
  F_FISCAL_START,
  F_FISCAL_END,
  F_AUTO_APPROVE,
  F_FIRST_AICP,
  N_FIELDS = F_FIRST_AICP + 8
};

static const Field fields[N_FIELDS] = {
  { "name_row", "name", FIELD_NAME, NULL },
  { "client_row", "client", FIELD_TEXT, NULL },
  { "currency_row", "currency", FIELD_CURRENCY, NULL },
  { "allocated_row", "allocated", FIELD_AMOUNT, N_("The allocated amount cannot be negative") },
    { "hours_row", "allocated-hours", FIELD_HOURS, N_("Allocated hours cannot be negative") },
      { "warning_row", "warning-threshold", FIELD_PERCENT, N_("A threshold cannot be negative") },
        { "critical_row", "critical-threshold", FIELD_PERCENT,
          N_("A threshold cannot be negative") },
          { "expected_row", "expected-value", FIELD_VALUE, NULL },
          { "realized_row", "realized-value", FIELD_VALUE, NULL },
          { "fiscal_start_row", "fiscal-start", FIELD_DATE, NULL },
          { "fiscal_end_row", "fiscal-end", FIELD_DATE, NULL },
          { "auto_approve_row", "auto-approval-threshold", FIELD_AMOUNT,
            N_("The auto-approval threshold cannot be negative") },
            { "company_row", "production-company", FIELD_TEXT, NULL },
            { "agency_row", "agency", FIELD_TEXT, NULL },
            { "job_row", "job-number", FIELD_TEXT, NULL },
            { "bid_date_row", "bid-date", FIELD_TEXT, NULL },
            { "shoot_row", "shoot-dates", FIELD_TEXT, NULL },
            { "director_row", "director", FIELD_TEXT, NULL },
            { "producer_row", "producer", FIELD_TEXT, NULL },
            { "comments_row", "comments", FIELD_TEXT, NULL },
        };

struct _OutlayBudgetDialog
{
  AdwPreferencesWindow  parent_instance;
  OutlayDocument       *doc;
  AdwEntryRow          *rows[N_FIELDS];
  char                 *initial[N_FIELDS];  /* each row's text as loaded */
  GtkWidget            *lock_group;
  AdwPreferencesRow    *lock_row;
  GtkWidget            *unlock_button;
  GtkLabel             *kind_label;
  AdwComboRow          *status_row;
  GtkWidget            *aicp_group;
  GtkLabel             *allocated_unit;
  GtkLabel             *expected_unit;
  GtkLabel             *realized_unit;
  AdwComboRow *overrun_row; /* OutlayOverrunPolicy, in order */
  AdwComboRow *basis_row;   /* OutlayCheckBasis, in order */
  GtkWidget            *apply_button;
  AdwMessageDialog     *confirm;            /* the open Lock/Unlock question */
  gboolean              syncing;
};

G_DEFINE_FINAL_TYPE (OutlayBudgetDialog, outlay_budget_dialog, ADW_TYPE_PREFERENCES_WINDOW)

static OutlayBudget *
budget_of (OutlayBudgetDialog *self)
{
  return outlay_document_get_budget (self->doc);
}

static GParamSpec *
field_pspec (guint i)
{
  static GObjectClass *klass;

  if (klass == NULL)
    klass = g_type_class_ref (OUTLAY_TYPE_BUDGET);
  return g_object_class_find_property (klass, fields[i].property);
}

static const char *
row_text (OutlayBudgetDialog *self, guint i)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->rows[i]));
}

static gboolean
row_edited (OutlayBudgetDialog *self, guint i)
{
  return g_strcmp0 (row_text (self, i), self->initial[i]) != 0;
}

/* Fewest decimal places that show @value exactly. */
static guint
places_needed (OutlayDecimal value)
{
  static const gint64 factors[] = { 10000, 1000, 100, 10 };

  for (guint p = 0; p < G_N_ELEMENTS (factors); p++)
    if (value % factors[p] == 0)
      return p;
  return OUTLAY_DECIMAL_PLACES;
}

static char *
field_text (OutlayBudget *budget, guint i)
{
  g_auto(GValue) value = G_VALUE_INIT;
  OutlayDecimal d;
  guint places;

  g_value_init (&value, field_pspec (i)->value_type);
  g_object_get_property (G_OBJECT (budget), fields[i].property, &value);
  if (G_VALUE_HOLDS_STRING (&value))
    return g_strdup (g_value_get_string (&value) ?: "");
  d = g_value_get_int64 (&value);
  places = places_needed (d);
  if (fields[i].kind == FIELD_AMOUNT || fields[i].kind == FIELD_VALUE)
    places = MAX (places, outlay_currency_minor_units (outlay_budget_get_currency (budget)));
  return outlay_decimal_format_locale (d, places);
}

static gboolean
parse_date (const char *text, GDate *date)
{
  static const char pattern[] = "dddd-dd-dd";
  int year, month, day;

  if (strlen (text) != strlen (pattern))
    return FALSE;
  for (guint i = 0; pattern[i] != '\0'; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != '-')
      return FALSE;
  year = atoi (text);
  month = atoi (text + 5);
  day = atoi (text + 8);
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static gboolean
parse_number (guint i, const char *text, GValue *value, char **problem)
{
  g_autoptr(GError) error = NULL;
  OutlayDecimalParseFlags flags;
  OutlayDecimal d;

  if (!outlay_decimal_parse_full (text, -1, outlay_decimal_style_for_locale (), &d, &flags,
                                  &error))
    {
      *problem = g_strdup (error->message);
      return FALSE;
    }
  /* "80%" parses as 0.8, but thresholds are kept as 80 */
  if (fields[i].kind == FIELD_PERCENT && (flags & OUTLAY_DECIMAL_PARSED_PERCENT)
      && !outlay_decimal_mul (d, OUTLAY_DECIMAL_FROM_INT (100), &d))
    {
      *problem = g_strdup_printf (_("“%s” is too large"), text);
      return FALSE;
    }
  if (d < 0 && fields[i].negative != NULL)
    {
      *problem = g_strdup (_(fields[i].negative));
      return FALSE;
    }
  g_value_set_int64 (value, d);
  return TRUE;
}

/* Reads row @i into @value; on bad input sets @problem to a message that
 * names the text and what is wrong with it. */
static gboolean
read_field (OutlayBudgetDialog *self, guint i, GValue *value, char **problem)
{
  g_autofree char *text = g_strstrip (g_strdup (row_text (self, i)));
  g_autofree char *upper = NULL;
  GDate date;

  switch (fields[i].kind)
    {
    case FIELD_NAME:
      if (*text == '\0')
        *problem = g_strdup (_("A budget needs a name"));
      break;
    case FIELD_CURRENCY:
      upper = g_ascii_strup (text, -1);
      if (!outlay_currency_is_known (upper))
        *problem = g_strdup_printf (_("“%s” is not a currency; use a three-letter ISO 4217 code "
                                      "such as USD, EUR or GBP"), text);
      g_value_set_string (value, upper);
      return *problem == NULL;
    case FIELD_DATE:
      if (*text != '\0' && !parse_date (text, &date))
        *problem = g_strdup_printf (_("“%s” is not a date; write it as YYYY-MM-DD"), text);
      g_value_set_string (value, *text != '\0' ? text : NULL);
      return *problem == NULL;
    case FIELD_TEXT:
      break;
    case FIELD_AMOUNT:
    case FIELD_VALUE:
    case FIELD_HOURS:
    case FIELD_PERCENT:
      return parse_number (i, text, value, problem);
    default:
      g_assert_not_reached ();
    }
  g_value_set_string (value, text);
  return *problem == NULL;
}

/* The row to blame for a rule between two fields: the one just edited. */
static guint
blame (OutlayBudgetDialog *self, guint first, guint second)
{
  return row_edited (self, first) && !row_edited (self, second) ? first : second;
}

static void
check_rules (OutlayBudgetDialog *self, OutlayBudget *edited, char **problems)
{
  const char *start = outlay_budget_get_fiscal_start (edited);
  const char *end = outlay_budget_get_fiscal_end (edited);
  guint i;

  if (problems[F_WARNING] == NULL && problems[F_CRITICAL] == NULL
      && outlay_budget_get_critical_threshold (edited)
         < outlay_budget_get_warning_threshold (edited))
    {
      i = blame (self, F_WARNING, F_CRITICAL);
      problems[i] = g_strdup (_("The critical threshold must not be below the warning "
                                "threshold"));
    }
  /* both are YYYY-MM-DD by now, so they compare as text */
  if (problems[F_FISCAL_START] == NULL && problems[F_FISCAL_END] == NULL
      && start != NULL && end != NULL && strcmp (end, start) < 0)
    {
      i = blame (self, F_FISCAL_START, F_FISCAL_END);
      problems[i] = g_strdup (_("The fiscal year cannot end before it starts"));
    }
}

static void
mark_row (AdwEntryRow *row, const char *problem)
{
  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), problem);
}

/* Returns a copy of the budget with the rows' values, or %NULL when a row
 * is invalid; every row is marked with what is wrong with it, if anything. */
static OutlayBudget *
build_budget (OutlayBudgetDialog *self)
{
  g_autoptr(OutlayBudget) edited = outlay_budget_copy (budget_of (self));
  char *problems[N_FIELDS] = { NULL };
  gboolean valid = TRUE;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      /* untouched rows keep the exact value, whatever its formatting */
      if (!row_edited (self, i))
        continue;
      g_value_init (&value, field_pspec (i)->value_type);
      if (read_field (self, i, &value, &problems[i]))
        g_object_set_property (G_OBJECT (edited), fields[i].property, &value);
    }
  g_object_set (edited, "overrun-policy", adw_combo_row_get_selected (self->overrun_row),
                "check-basis", adw_combo_row_get_selected (self->basis_row), NULL);
  check_rules (self, edited, problems);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      mark_row (self->rows[i], problems[i]);
      valid = valid && problems[i] == NULL;
      g_free (problems[i]);
    }
  return valid ? g_steal_pointer (&edited) : NULL;
}

static gboolean
budget_differs (OutlayBudget *a, OutlayBudget *b)
{
  if (outlay_budget_get_overrun_policy (a) != outlay_budget_get_overrun_policy (b)
      || outlay_budget_get_check_basis (a) != outlay_budget_get_check_basis (b))
    return TRUE;
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      g_value_init (&va, field_pspec (i)->value_type);
      g_value_init (&vb, field_pspec (i)->value_type);
      g_object_get_property (G_OBJECT (a), fields[i].property, &va);
      g_object_get_property (G_OBJECT (b), fields[i].property, &vb);
      if (g_param_values_cmp (field_pspec (i), &va, &vb) != 0)
        return TRUE;
    }
  return FALSE;
}

static void
update_units (OutlayBudgetDialog *self)
{
  g_autofree char *code = g_strstrip (g_ascii_strup (row_text (self, F_CURRENCY), -1));

  if (!outlay_currency_is_known (code))
    return;
  gtk_label_set_text (self->allocated_unit, code);
  gtk_label_set_text (self->expected_unit, code);
  gtk_label_set_text (self->realized_unit, code);
}

static void
update_state (OutlayBudgetDialog *self)
{
  g_autoptr(OutlayBudget) edited = build_budget (self);
  gboolean changed = edited != NULL && budget_differs (budget_of (self), edited);

  update_units (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.apply",
                                 changed && !outlay_document_get_read_only (self->doc));
}

static void
toast (OutlayBudgetDialog *self, const char *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);
  AdwToast *t = adw_toast_new (markup);

  adw_toast_set_timeout (t, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), t);
}

/* Shows the budget's status and, when it is locked, why nothing can be
 * edited and how to change that. */
static void
sync_lock (OutlayBudgetDialog *self)
{
  const char *frozen = outlay_document_get_frozen_name (self->doc);
  gboolean read_only = outlay_document_get_read_only (self->doc);

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->status_row, outlay_budget_get_status (budget_of (self)));
  self->syncing = FALSE;
  gtk_widget_set_visible (self->lock_group, read_only);
  gtk_widget_set_visible (self->unlock_button, frozen == NULL);
  if (frozen != NULL)
    {
      g_autofree char *title =
        g_strdup_printf (_("“%s” is a saved version. Restore it as the current budget to make "
                           "changes."), frozen);

      adw_preferences_row_set_title (self->lock_row, title);
    }
  for (guint i = 0; i < N_FIELDS; i++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->rows[i]), !read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), frozen == NULL);
  update_state (self);
}

static void
set_status (OutlayBudgetDialog *self, OutlayBudgetStatus status)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_value_init (&value, OUTLAY_TYPE_BUDGET_STATUS);
  g_value_set_enum (&value, status);
  if (!outlay_document_set_budget_value (self->doc, "status", &value, &error))
    toast (self, error->message);
  sync_lock (self);
}

static void
confirm_response_cb (AdwMessageDialog   *dialog,
                     const char         *response,
                     OutlayBudgetDialog *self)
{
  OutlayBudgetStatus status = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "status"));

  g_clear_weak_pointer (&self->confirm);
  /* a click has closed it already; adw_message_dialog_response() has not */
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
  if (g_str_equal (response, "lock") || g_str_equal (response, "unlock"))
    set_status (self, status);
  else
    sync_lock (self);
}

/* Asks before locking or unlocking; the answer sets @status or puts the
 * status row back. */
static void
confirm_status (OutlayBudgetDialog *self, OutlayBudgetStatus status)
{
  gboolean locking = status == OUTLAY_BUDGET_STATUS_LOCKED;
  const char *name = outlay_budget_get_name (budget_of (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  const char *response = locking ? "lock" : "unlock";

  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                     locking ? _("Lock “%s”?") : _("Unlock “%s”?"), name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               locking ? _("Nobody can change its lines or settings until it "
                                           "is unlocked.")
                                       : _("Unlocking is recorded in the budget's history."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    response, locking ? _("_Lock") : _("_Unlock"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response,
                                              locking ? ADW_RESPONSE_SUGGESTED
                                                      : ADW_RESPONSE_DESTRUCTIVE);
  /* a destructive answer is never the default */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           locking ? response : "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "status", GINT_TO_POINTER (status));
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  g_set_weak_pointer (&self->confirm, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
field_changed_cb (OutlayBudgetDialog *self)
{
  if (!self->syncing)
    update_state (self);
}

static void
status_selected_cb (OutlayBudgetDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);
  OutlayBudgetStatus old;

  if (self->syncing || selected > OUTLAY_BUDGET_STATUS_LOCKED)
    return;
  old = outlay_budget_get_status (budget_of (self));
  if (selected == old)
    return;
  if (selected == OUTLAY_BUDGET_STATUS_LOCKED || old == OUTLAY_BUDGET_STATUS_LOCKED)
    confirm_status (self, selected);
  else
    set_status (self, selected);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  OutlayBudgetDialog *self = OUTLAY_BUDGET_DIALOG (widget);
  g_autoptr(OutlayBudget) edited = build_budget (self);
  g_autoptr(GError) error = NULL;

  if (edited == NULL)
    return;
  if (!outlay_document_update_budget (self->doc, edited, &error))
    {
      toast (self, error->message);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  /* the status a locked budget had before, as the locked message says */
  confirm_status (OUTLAY_BUDGET_DIALOG (widget), OUTLAY_BUDGET_STATUS_APPROVED);
}

static AdwHeaderBar *
find_header_bar (GtkWidget *widget)
{
  if (ADW_IS_HEADER_BAR (widget))
    return ADW_HEADER_BAR (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      AdwHeaderBar *found = find_header_bar (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* AdwPreferencesWindow has no API for header buttons before libadwaita
 * 1.4, so Cancel and Apply go into the header bar its template builds. */
static void
add_header_buttons (OutlayBudgetDialog *self)
{
  AdwHeaderBar *bar = find_header_bar (GTK_WIDGET (self));
  GtkWidget *cancel;

  g_return_if_fail (bar != NULL);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  self->apply_button = gtk_button_new_with_mnemonic (_("_Apply"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->apply_button), "budget.apply");
  gtk_widget_add_css_class (self->apply_button, "suggested-action");
  gtk_window_set_default_widget (GTK_WINDOW (self), self->apply_button);
  adw_header_bar_pack_start (bar, cancel);
  adw_header_bar_pack_end (bar, self->apply_button);
  adw_header_bar_set_show_start_title_buttons (bar, FALSE);
  adw_header_bar_set_show_end_title_buttons (bar, FALSE);
}

static void
load_rows (OutlayBudgetDialog *self)
{
  OutlayBudget *budget = budget_of (self);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      self->initial[i] = field_text (budget, i);
      gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), self->initial[i]);
    }
  adw_combo_row_set_selected (self->overrun_row, outlay_budget_get_overrun_policy (budget));
  adw_combo_row_set_selected (self->basis_row, outlay_budget_get_check_basis (budget));
  gtk_label_set_text (self->kind_label, outlay_budget_kind_title (outlay_budget_get_kind (budget)));
  gtk_widget_set_visible (self->aicp_group,
                          outlay_budget_get_kind (budget) == OUTLAY_BUDGET_KIND_AICP);
}

static void
outlay_budget_dialog_dispose (GObject *object)
{
  OutlayBudgetDialog *self = OUTLAY_BUDGET_DIALOG (object);

  if (self->confirm != NULL)
    gtk_window_destroy (GTK_WINDOW (self->confirm));
  g_clear_weak_pointer (&self->confirm);
  if (self->doc != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->doc, self);
      g_signal_handlers_disconnect_by_data (budget_of (self), self);
    }
  g_clear_object (&self->doc);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_BUDGET_DIALOG);
  G_OBJECT_CLASS (outlay_budget_dialog_parent_class)->dispose (object);
}

static void
outlay_budget_dialog_finalize (GObject *object)
{
  OutlayBudgetDialog *self = OUTLAY_BUDGET_DIALOG (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->initial[i]);
  G_OBJECT_CLASS (outlay_budget_dialog_parent_class)->finalize (object);
}

static void
outlay_budget_dialog_class_init (OutlayBudgetDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_budget_dialog_dispose;
  object_class->finalize = outlay_budget_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/outlay-budget-dialog.ui");
  for (guint i = 0; i < N_FIELDS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, fields[i].row, FALSE,
                                               G_STRUCT_OFFSET (OutlayBudgetDialog, rows)
                                               + i * sizeof (gpointer));
  gtk_widget_class_bind_template_child (widget_class, OutlayBudgetDialog, lock_group);
  gtk_widget_class_bind_template_child (widget_class, OutlayBudgetDialog, lock_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayBudgetDialog, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, OutlayBudgetDialog, kind_label);
  gtk_widget_class_bind_template_child (widget_class, OutlayBudgetDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayBudgetDialog, aicp_group);
  gtk_widget_class_bind_template_child (widget_class, OutlayBudgetDialog, allocated_unit);
  gtk_widget_class_bind_template_child (widget_class, OutlayBudgetDialog, expected_unit);
  gtk_widget_class_bind_template_child (widget_class, OutlayBudgetDialog, realized_unit);
  gtk_widget_class_bind_template_child (widget_class, OutlayBudgetDialog, overrun_row);
  gtk_widget_class_bind_template_child (widget_class, OutlayBudgetDialog, basis_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_selected_cb);

  gtk_widget_class_install_action (widget_class, "budget.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "budget.unlock", NULL, unlock_action);
}

static void
outlay_budget_dialog_init (OutlayBudgetDialog *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  /* no signal handler may run before the document is set */
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint s = OUTLAY_BUDGET_STATUS_DRAFT; s <= OUTLAY_BUDGET_STATUS_LOCKED; s++)
    gtk_string_list_append (statuses, outlay_budget_status_title (s));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  add_header_buttons (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.apply", FALSE);
}

/**
 * outlay_budget_dialog_new:
 * @parent: (nullable): the window it is modal to
 * @doc: the document whose budget it edits
 *
 * Creates the Budget Properties window.  Apply changes every edited
 * property as one undoable command; the status changes at once, asking
 * first before locking or unlocking.
 *
 * Returns: (transfer none): the dialog, not yet presented
 */
GtkWidget *
outlay_budget_dialog_new (GtkWindow      *parent,
                          OutlayDocument *doc)
{
  OutlayBudgetDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (doc), NULL);

  self = g_object_new (OUTLAY_TYPE_BUDGET_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->doc = g_object_ref (doc);
  load_rows (self);
  self->syncing = FALSE;
  g_signal_connect_swapped (doc, "notify::read-only", G_CALLBACK (sync_lock), self);
  g_signal_connect_swapped (budget_of (self), "notify::status", G_CALLBACK (sync_lock), self);
  sync_lock (self);
  return GTK_WIDGET (self);
}
