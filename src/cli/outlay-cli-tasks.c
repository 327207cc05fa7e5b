/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-cli"

/* outlay-cli tasks, task, log, people, person, rates and time: the
 * project lead's tasks, who worked on them at which rate, and the hours
 * that roll up into the budget. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "outlay-currency.h"
#include "outlay-document-json.h"
#include "outlay-document-tasks.h"
#include "outlay-error.h"
#include "outlay-model-enum-types.h"
#include "outlay-rates.h"
#include "outlay-store-tasks.h"

#include "outlay-cli-private.h"

static gboolean
parse_decimal (const char *option, const char *text, OutlayDecimal *out, GError **error)
{
  g_autoptr(GError) local = NULL;

  if (text == NULL)
    return TRUE;
  if (!outlay_decimal_parse (text, out, &local))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_NUMBER,
                   _("%s: “%s” is not a number"), option, text);
      return FALSE;
    }
  return TRUE;
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static const char *
status_nick (OutlayTaskStatus status)
{
  return outlay_enum_to_nick (OUTLAY_TYPE_TASK_STATUS, status, "todo");
}

static gboolean
parse_status (const char *text, OutlayTaskStatus *out, GError **error)
{
  GEnumValue *v;

  if (text == NULL)
    return TRUE;
  v = g_enum_get_value_by_nick (g_type_class_ref (OUTLAY_TYPE_TASK_STATUS), text);
  if (v == NULL)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("--status: “%s” is not todo, in-progress, done or cancelled"), text);
      return FALSE;
    }
  *out = v->value;
  return TRUE;
}

static char *
person_name (GPtrArray *people, gint64 id)
{
  for (guint i = 0; people != NULL && i < people->len; i++)
    if (outlay_person_get_id (g_ptr_array_index (people, i)) == id)
      return g_strdup (outlay_person_get_name (g_ptr_array_index (people, i)));
  return g_strdup ("");
}

/* "A/1": the section's code and the line's, as --line takes it. */
static char *
line_label (OutlayDocument *doc, gint64 line_id)
{
  OutlayLine *line = outlay_document_get_line_by_id (doc, line_id);

  if (line == NULL)
    return g_strdup ("");
  return g_strdup_printf ("%s/%s", outlay_section_get_code (outlay_line_get_section (line)),
                          outlay_line_get_code (line));
}

/* A line by "SECTION/CODE", or by its code alone when that is unique
 * enough (the first line with it). */
static OutlayLine *
find_line (OutlayDocument *doc, const char *text)
{
  const char *slash = strchr (text, '/');
  OutlaySection *section;

  if (slash == NULL)
    return outlay_document_lookup_line (doc, text);
  {
    g_autofree char *code = g_strndup (text, slash - text);

    section = outlay_document_lookup_section (doc, code);
  }
  for (guint i = 0; section != NULL && i < outlay_section_get_n_lines (section); i++)
    if (g_strcmp0 (outlay_line_get_code (outlay_section_get_line (section, i)), slash + 1) == 0)
      return outlay_section_get_line (section, i);
  return NULL;
}

/* A task's estimate as a percentage of its actual, or 0 with no
 * estimate. */
static OutlayDecimal
percent_of_estimate (OutlayTask *task)
{
  OutlayDecimal p = 0;

  if (outlay_task_get_estimated_cost (task) > 0)
    outlay_decimal_as_percent (outlay_task_get_actual_cost (task),
                               outlay_task_get_estimated_cost (task), &p);
  return outlay_decimal_round (p, 1);
}

static JsonNode *
task_to_json (OutlayDocument *doc, OutlayTask *task, const char *assignee)
{
  const char *currency = outlay_budget_get_currency (outlay_document_get_budget (doc));
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, outlay_task_get_id (task));
  outlay_json_add_string (b, "name", outlay_task_get_name (task));
  outlay_json_add_string (b, "status", status_nick (outlay_task_get_status (task)));
  outlay_json_add_string (b, "assignee", assignee);
  {
    g_autofree char *line = line_label (doc, outlay_task_get_line_id (task));

    outlay_json_add_string (b, "line", line);
  }
  outlay_json_add_number (b, "estimated_hours", outlay_task_get_estimated_hours (task));
  outlay_json_add_amount (b, "estimated_cost", outlay_task_get_estimated_cost (task), currency);
  outlay_json_add_amount (b, "hourly_rate", outlay_task_get_hourly_rate (task), currency);
  outlay_json_add_amount (b, "resource_cost", outlay_task_get_resource_cost (task), currency);
  outlay_json_add_number (b, "actual_hours", outlay_task_get_actual_hours (task));
  outlay_json_add_amount (b, "actual_cost", outlay_task_get_actual_cost (task), currency);
  outlay_json_add_number (b, "percent_of_estimate", percent_of_estimate (task));
  json_builder_set_member_name (b, "percent_complete");
  if (outlay_task_get_percent_complete (task) >= 0)
    json_builder_add_int_value (b, outlay_task_get_percent_complete (task));
  else
    json_builder_add_null_value (b);
  outlay_json_add_string (b, "due", outlay_task_get_due_date (task));
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

int
outlay_cli_tasks (Cli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = { { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
                               { NULL } };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *currency;
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2)
    return outlay_cli_usage_error (_("“tasks” needs exactly one BUDGET"));
  if ((doc = outlay_cli_open_document (cli, argv[1], &store, &error)) == NULL
      || (people = outlay_store_list_people (store, &error)) == NULL)
    return outlay_cli_fail (error);
  currency = outlay_budget_get_currency (outlay_document_get_budget (doc));
  json_builder_begin_array (builder);
  for (guint i = 0; i < outlay_document_get_n_tasks (doc); i++)
    {
      OutlayTask *task = outlay_document_get_task (doc, i);
      g_autofree char *assignee = person_name (people, outlay_task_get_assignee_id (task));
      g_autofree char *actual = NULL;
      g_autofree char *estimate = NULL;
      g_autofree char *hours = NULL;
      g_autofree char *line = NULL;

      if (json)
        {
          json_builder_add_value (builder, task_to_json (doc, task, assignee));
          continue;
        }
      actual = outlay_currency_format_plain (outlay_task_get_actual_cost (task), currency);
      estimate = outlay_currency_format_plain (outlay_task_get_estimated_cost (task), currency);
      hours = outlay_decimal_to_string (outlay_task_get_actual_hours (task), 2);
      line = line_label (doc, outlay_task_get_line_id (task));
      g_print ("%5" G_GINT64_FORMAT "  %-24.24s %-11s %-12.12s %-8.8s %8s h %14s / %14s\n",
               outlay_task_get_id (task), outlay_task_get_name (task),
               status_nick (outlay_task_get_status (task)), assignee, line, hours, actual,
               estimate);
    }
  json_builder_end_array (builder);
  if (json)
    outlay_cli_print_json (json_builder_get_root (builder));
  return 0;
}

typedef struct
{
  char *name;
  char *line;
  char *assignee;
  char *hours;
  char *cost;
  char *rate;
  char *resource;
  char *due;
  char *status;
  char *percent;
} TaskOptions;

static void
task_options_clear (TaskOptions *o)
{
  g_free (o->name);
  g_free (o->line);
  g_free (o->assignee);
  g_free (o->hours);
  g_free (o->cost);
  g_free (o->rate);
  g_free (o->resource);
  g_free (o->due);
  g_free (o->status);
  g_free (o->percent);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TaskOptions, task_options_clear)

/* Applies the options given to @task. */
static gboolean
apply_task_options (OutlayStore *store,
                    OutlayDocument *doc,
                    TaskOptions *o,
                    OutlayTask *task,
                    GError **error)
{
  OutlayDecimal hours = outlay_task_get_estimated_hours (task);
  OutlayDecimal cost = outlay_task_get_estimated_cost (task);
  OutlayDecimal rate = outlay_task_get_hourly_rate (task);
  OutlayDecimal resource = outlay_task_get_resource_cost (task);
  OutlayTaskStatus status = outlay_task_get_status (task);
  gint64 person = outlay_task_get_assignee_id (task);
  gint64 line_id = outlay_task_get_line_id (task);
  int percent = outlay_task_get_percent_complete (task);
  g_autoptr(GError) local = NULL;

  if (o->percent != NULL && !outlay_task_parse_percent (o->percent, &percent, &local))
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_NUMBER, "--percent: %s",
                   local->message);
      return FALSE;
    }
  if (!parse_decimal ("--hours", o->hours, &hours, error)
      || !parse_decimal ("--cost", o->cost, &cost, error)
      || !parse_decimal ("--rate", o->rate, &rate, error)
      || !parse_decimal ("--resource", o->resource, &resource, error)
      || !parse_status (o->status, &status, error))
    return FALSE;
  if (hours < 0 || cost < 0 || rate < 0 || resource < 0)
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("Estimates, rates and costs cannot be negative"));
      return FALSE;
    }
  if (o->assignee != NULL)
    person = *o->assignee == '\0' ? 0 : outlay_store_find_person (store, o->assignee, error);
  if (o->assignee != NULL && *o->assignee != '\0' && person == 0)
    return FALSE;
  if (o->line != NULL && *o->line != '\0')
    {
      OutlayLine *line = find_line (doc, o->line);

      if (line == NULL)
        {
          g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                       _("--line: the budget has no line “%s” (write SECTION/CODE, like A/1)"),
                          o->line);
          return FALSE;
        }
      line_id = outlay_line_get_id (line);
    }
  else if (o->line != NULL)
    line_id = 0;
  if (o->name != NULL)
    g_object_set (task, "name", o->name, NULL);
  if (o->due != NULL)
    g_object_set (task, "due-date", *o->due != '\0' ? o->due : NULL, NULL);
  g_object_set (task, "estimated-hours", hours, "estimated-cost", cost, "hourly-rate", rate,
                "resource-cost", resource, "status", status, "assignee-id", person, "line-id",
                line_id, "percent-complete", percent, NULL);
  return TRUE;
}

static OutlayTask *
find_task (OutlayDocument *doc, const char *name, GError **error)
{
  OutlayTask *task = outlay_document_lookup_task (doc, name);

  if (task == NULL)
    g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                 _("“%s” has no task “%s” (it may have been deleted): see “outlay-cli tasks”"),
                    outlay_budget_get_name (outlay_document_get_budget (doc)), name);
  return task;
}

int
outlay_cli_task (Cli *cli, int argc, char **argv)
{
  g_auto(TaskOptions) o = { 0 };
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &o.name, N_("Rename the task"), N_("NAME") },
      { "line", 'l', 0, G_OPTION_ARG_STRING, &o.line,
        N_("The line it charges (\"\" for none)"), N_("CODE") },
        { "assignee", 'a', 0, G_OPTION_ARG_STRING, &o.assignee, N_("Who does it"), N_("PERSON") },
          { "hours", 0, 0, G_OPTION_ARG_STRING, &o.hours, N_("Estimated hours"), N_("H") },
            { "cost", 0, 0, G_OPTION_ARG_STRING, &o.cost, N_("Estimated cost"), N_("AMOUNT") },
              { "rate", 'r', 0, G_OPTION_ARG_STRING, &o.rate,
                N_("The task's hourly rate"), N_("RATE") },
                { "resource", 0, 0, G_OPTION_ARG_STRING, &o.resource,
                  N_("Resource (non-labour) cost"), N_("AMOUNT") },
                  { "due", 0, 0, G_OPTION_ARG_STRING, &o.due, N_("Due date"), N_("YYYY-MM-DD") },
                    { "status", 's', 0, G_OPTION_ARG_STRING, &o.status,
                      N_("todo, in-progress, done or cancelled"), N_("STATUS") },
                      { "percent", 0, 0, G_OPTION_ARG_STRING, &o.percent,
                        N_("Percent done, 0 to 100 (\"\" for not given)"), N_("P") }, { NULL } };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  GError *error = NULL;
  OutlayTask *task;

  if (!outlay_cli_parse_options (cli, _("add|set|delete BUDGET TASK"), entries, &argc, &argv,
                                         &error))
    return outlay_cli_fail (error);
  if (argc != 4 || !g_strv_contains ((const char *[]){ "add", "set", "delete", NULL }, argv[1]))
    return outlay_cli_usage_error (_("“task” needs add, set or delete, a BUDGET and a TASK"));
  if ((doc = outlay_cli_open_document (cli, argv[2], &store, &error)) == NULL)
    return outlay_cli_fail (error);
  if (g_str_equal (argv[1], "add"))
    {
      g_autoptr(OutlayTask) added = outlay_task_new ();

      g_object_set (added, "name", argv[3], NULL);
      if (!apply_task_options (store, doc, &o, added, &error)
          || outlay_document_add_task (doc, outlay_document_get_n_tasks (doc), added, &error)
                 == NULL)
        return outlay_cli_fail (error);
      g_print ("%" G_GINT64_FORMAT "\n", outlay_task_get_id (added));
      return 0;
    }
  if ((task = find_task (doc, argv[3], &error)) == NULL)
    return outlay_cli_fail (error);
  if (g_str_equal (argv[1], "delete"))
    return outlay_document_delete_task (doc, task, &error) ? 0 : outlay_cli_fail (error);
  {
    g_autoptr(OutlayTask) edited = outlay_task_copy (task);

    if (!apply_task_options (store, doc, &o, edited, &error)
        || !outlay_document_update_task (doc, task, edited, &error))
      return outlay_cli_fail (error);
  }
  return 0;
}

static gboolean
resolve_rate (OutlayStore *store,
              OutlayDocument *doc,
              OutlayTask *task,
              gint64 person,
              const char *date,
              const OutlayDecimal *typed,
              GPtrArray **rates,
              OutlayRateResolution *r,
              GError **error)
{
  *rates = outlay_store_list_rates (store, outlay_budget_get_id (outlay_document_get_budget (doc)),
                                    error);
  return *rates != NULL
         && outlay_rates_resolve (*rates, outlay_document_get_budget (doc), task, person, date,
                                  typed, r, error);
}

int
outlay_cli_log (Cli *cli, int argc, char **argv)
{
  g_autofree char *task_name = NULL, *person = NULL, *hours_text = NULL, *date = NULL;
  g_autofree char *rate_text = NULL, *note = NULL;
  GOptionEntry entries[] = {
    { "task", 't', 0, G_OPTION_ARG_STRING, &task_name, N_("The task"), N_("TASK") },
      { "person", 'p', 0, G_OPTION_ARG_STRING, &person, N_("Who worked"), N_("PERSON") },
        { "hours", 'H', 0, G_OPTION_ARG_STRING, &hours_text, N_("How long"), N_("H") },
          { "date", 0, 0, G_OPTION_ARG_STRING, &date,
            N_("The day (default: today)"), N_("YYYY-MM-DD") },
            { "rate", 'r', 0, G_OPTION_ARG_STRING, &rate_text,
              N_("An hourly rate for this entry only"), N_("RATE") },
              { "note", 'n', 0, G_OPTION_ARG_STRING, &note, N_("What was done"), N_("TEXT") },
                { NULL } };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(GPtrArray) rates = NULL;
  g_auto(GStrv) impact_text = NULL;
  g_autofree char *described = NULL;
  g_autofree char *cost_text = NULL;
  OutlayDecimal hours = 0, rate = 0, cost = 0;
  OutlayRateResolution r;
  OutlayTimeImpact impact;
  OutlayTask *task;
  GError *error = NULL;
  gint64 person_id;

  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2 || task_name == NULL || person == NULL || hours_text == NULL)
    return outlay_cli_usage_error (_("“log” needs a BUDGET, --task, --person and --hours"));
  if (date == NULL)
    date = today ();
  if (!parse_decimal ("--hours", hours_text, &hours, &error)
      || !parse_decimal ("--rate", rate_text, &rate, &error)
      || (doc = outlay_cli_open_document (cli, argv[1], &store, &error)) == NULL
      || (task = find_task (doc, task_name, &error)) == NULL
      || (person_id = outlay_store_find_person (store, person, &error)) == 0)
    return outlay_cli_fail (error);
  {
    OutlayTimeLog log = { task, person_id, date, hours, rate, rate_text != NULL, NULL, note };

    /* what is wrong with the entry itself first, then with its rate */
    if (!outlay_document_check_time_log (doc, &log, &error)
        || !resolve_rate (store, doc, task, person_id, date, rate_text != NULL ? &rate : NULL,
                          &rates, &r, &error))
      return outlay_cli_fail (error);
    log.rate = r.rate;
    log.rate_source = outlay_rate_source_to_string (r.source);
    outlay_decimal_mul (hours, r.rate, &cost);
    outlay_time_impact (doc, task, cost, &impact);
    impact_text = outlay_time_impact_describe (doc, task, &impact);
    if (outlay_document_log_time (doc, &log, &error) == NULL)
      return outlay_cli_fail (error);
  }
  described = outlay_rates_describe (&r,
                                     outlay_budget_get_currency (outlay_document_get_budget (doc)));
  cost_text = outlay_currency_format (
      cost, outlay_budget_get_currency (outlay_document_get_budget (doc)));
  g_print (_("Logged %s h on “%s”: %s at %s\n"), hours_text, outlay_task_get_name (task),
              cost_text, described);
  for (guint i = 0; impact_text[i] != NULL; i++)
    g_print ("  %s\n", impact_text[i]);
  return 0;
}

int
outlay_cli_people (Cli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = { { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
                               { NULL } };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  GError *error = NULL;

  if (!outlay_cli_parse_options (cli, NULL, entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 1)
    return outlay_cli_usage_error (_("“people” takes no arguments"));
  if ((store = outlay_cli_open_store (cli, &error)) == NULL
      || (people = outlay_store_list_people (store, &error)) == NULL
      || (rates = outlay_store_list_rates (store, 0, &error)) == NULL)
    return outlay_cli_fail (error);
  json_builder_begin_array (b);
  for (guint i = 0; i < people->len; i++)
    {
      OutlayPerson *p = g_ptr_array_index (people, i);
      const OutlayRateChange *c = NULL;
      g_autofree char *cost = NULL, *bill = NULL;

      for (guint j = 0; j < rates->len; j++)
        {
          const OutlayRateChange *x = g_ptr_array_index (rates, j);

          if (x->person_id == outlay_person_get_id (p) && x->budget_id == 0)
            c = x; /* by day: the last is the latest */
        }
      cost = outlay_decimal_to_string_trim (c != NULL ? c->cost_rate : 0);
      bill = outlay_decimal_to_string_trim (c != NULL ? c->bill_rate : 0);
      if (!json)
        {
          g_print ("%4" G_GINT64_FORMAT "  %-24.24s %-16.16s %10s %10s %s\n",
                   outlay_person_get_id (p), outlay_person_get_name (p),
                   outlay_person_get_role (p) ? outlay_person_get_role (p) : "", cost, bill,
                   c != NULL && c->currency != NULL ? c->currency : "");
          continue;
        }
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, outlay_person_get_id (p));
      outlay_json_add_string (b, "name", outlay_person_get_name (p));
      outlay_json_add_string (b, "email", outlay_person_get_email (p));
      outlay_json_add_string (b, "role", outlay_person_get_role (p));
      outlay_json_add_string (b, "cost_rate", cost);
      outlay_json_add_string (b, "bill_rate", bill);
      outlay_json_add_string (b, "currency", c != NULL ? c->currency : NULL);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (json)
    outlay_cli_print_json (json_builder_get_root (b));
  return 0;
}

/* Re-costs @person_id's entries in @budget from @from on at the rates
 * that now apply, as one undoable command. */
static gboolean
recost (Cli *cli, const char *budget, gint64 person_id, const char *from, guint *n, GError **error)
{
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(OutlayRecostPlan) plan = NULL;
  gint64 budget_id;

  if ((doc = outlay_cli_open_document (cli, budget, &store, error)) == NULL)
    return FALSE;
  budget_id = outlay_budget_get_id (outlay_document_get_budget (doc));
  if ((rates = outlay_store_list_rates (store, budget_id, error)) == NULL
      || (all = outlay_store_list_time (store, budget_id, from, NULL, error)) == NULL
      || (plan = outlay_rates_plan_recost (rates, doc, all, person_id, error)) == NULL)
    return FALSE;
  *n = plan->entries->len;
  return outlay_document_recost_time (doc, plan->entries, (OutlayDecimal *) plan->rates->data,
                                      (const char *const *) plan->sources->pdata, error);
}

int
outlay_cli_person (Cli *cli, int argc, char **argv)
{
  g_autofree char *name = NULL, *email = NULL, *role = NULL, *cost = NULL, *bill = NULL;
  g_autofree char *currency = NULL, *budget = NULL, *from = NULL;
  gboolean do_recost = FALSE;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Rename them"), N_("NAME") },
      { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("Their address"), N_("ADDRESS") },
        { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("What they do"), N_("ROLE") },
          { "cost-rate", 0, 0, G_OPTION_ARG_STRING, &cost, N_("What an hour costs"), N_("RATE") },
            { "bill-rate", 0, 0, G_OPTION_ARG_STRING, &bill,
              N_("What an hour is billed at"), N_("RATE") },
              { "currency", 'c', 0, G_OPTION_ARG_STRING, &currency,
                N_("The rates' currency"), N_("CODE") },
                { "budget", 'b', 0, G_OPTION_ARG_STRING, &budget,
                  N_("The rates apply to this budget only"), N_("BUDGET") },
                  { "from", 0, 0, G_OPTION_ARG_STRING, &from,
                    N_("The rates apply from this day on"), N_("YYYY-MM-DD") },
                    { "recost", 0, 0, G_OPTION_ARG_NONE, &do_recost,
                      N_("Cost the entries already logged in --budget (from --from on) again at the new rates"),
                          NULL },
                      { NULL } };
  g_autoptr(OutlayStore) store = NULL;
  GError *error = NULL;
  gint64 id;

  if (!outlay_cli_parse_options (cli, _("add|set PERSON"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 3 || !g_strv_contains ((const char *[]){ "add", "set", NULL }, argv[1]))
    return outlay_cli_usage_error (_("“person” needs add or set, and a PERSON"));
  if (do_recost && budget == NULL)
    return outlay_cli_usage_error (_("--recost needs the --budget whose entries to re-cost"));
  if ((store = outlay_cli_open_store (cli, &error)) == NULL)
    return outlay_cli_fail (error);
  if (g_str_equal (argv[1], "add"))
    id = outlay_store_add_person (store, argv[2], email, role, &error);
  else if ((id = outlay_store_find_person (store, argv[2], &error)) != 0
           && (name != NULL || email != NULL || role != NULL)
           && !outlay_store_set_person (store, id, name, email, role, &error))
    id = 0;
  if (id == 0)
    return outlay_cli_fail (error);
  if (cost != NULL || bill != NULL)
    {
      OutlayRateChange change = { .person_id = id, .valid_from = from, .currency = currency };

      if (!parse_decimal ("--cost-rate", cost, &change.cost_rate, &error)
          || !parse_decimal ("--bill-rate", bill, &change.bill_rate, &error)
          || (budget != NULL
              && (change.budget_id = outlay_store_find_budget (store, budget, &error)) == 0)
          || !outlay_store_set_rate (store, &change, &error))
        return outlay_cli_fail (error);
    }
  if (do_recost)
    {
      guint n = 0;

      if (!recost (cli, budget, id, from, &n, &error))
        return outlay_cli_fail (error);
      g_printerr (
          g_dngettext (GETTEXT_PACKAGE, "Re-costed %u entry\n", "Re-costed %u entries\n", n), n);
    }
  if (g_str_equal (argv[1], "add"))
    g_print ("%" G_GINT64_FORMAT "\n", id);
  return 0;
}

int
outlay_cli_rates (Cli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  g_autofree char *set_default = NULL, *from = NULL;
  GOptionEntry entries[] = { { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
                               { "set-default", 0, 0, G_OPTION_ARG_STRING, &set_default,
                                 N_("Set the budget's default hourly rate"), N_("RATE") },
                                 { "from", 0, 0, G_OPTION_ARG_STRING, &from,
                                   N_("… from this day on"), N_("YYYY-MM-DD") }, { NULL } };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  GError *error = NULL;
  const char *currency;
  gint64 budget_id;

  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2)
    return outlay_cli_usage_error (_("“rates” needs exactly one BUDGET"));
  if ((doc = outlay_cli_open_document (cli, argv[1], &store, &error)) == NULL)
    return outlay_cli_fail (error);
  budget_id = outlay_budget_get_id (outlay_document_get_budget (doc));
  currency = outlay_budget_get_currency (outlay_document_get_budget (doc));
  if (set_default != NULL)
    {
      OutlayRateChange change = { .budget_id = budget_id, .valid_from = from };

      if (!parse_decimal ("--set-default", set_default, &change.cost_rate, &error)
          || !outlay_store_set_rate (store, &change, &error))
        return outlay_cli_fail (error);
      return 0;
    }
  if ((rates = outlay_store_list_rates (store, budget_id, &error)) == NULL
      || (people = outlay_store_list_people (store, &error)) == NULL)
    return outlay_cli_fail (error);
  json_builder_begin_array (b);
  for (guint i = 0; i < rates->len; i++)
    {
      const OutlayRateChange *c = g_ptr_array_index (rates, i);
      g_autofree char *who = c->person_id ? person_name (people, c->person_id) : g_strdup ("");
      const char *cur = c->currency != NULL ? c->currency : currency;
      OutlayRateSource source = c->person_id == 0 ? OUTLAY_RATE_SOURCE_BUDGET
                                : c->budget_id    ? OUTLAY_RATE_SOURCE_PERSON_BUDGET
                                                  : OUTLAY_RATE_SOURCE_PERSON;
      g_autofree char *cost = outlay_currency_format_plain (c->cost_rate, cur);
      g_autofree char *bill = outlay_currency_format_plain (c->bill_rate, cur);

      if (!json)
        {
          g_print ("%-20.20s %-32s %-10s %12s %12s %s\n", who, outlay_rate_source_title (source),
                   c->valid_from ? c->valid_from : "", cost, bill, cur);
          continue;
        }
      json_builder_begin_object (b);
      outlay_json_add_string (b, "person", who);
      outlay_json_add_string (b, "level", outlay_rate_source_to_string (source));
      outlay_json_add_string (b, "from", c->valid_from);
      outlay_json_add_string (b, "cost_rate", cost);
      outlay_json_add_string (b, "bill_rate", bill);
      outlay_json_add_string (b, "currency", cur);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (json)
    outlay_cli_print_json (json_builder_get_root (b));
  return 0;
}

int
outlay_cli_time (Cli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  g_autofree char *from = NULL, *to = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
      { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The first day"), N_("YYYY-MM-DD") },
        { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The last day"), N_("YYYY-MM-DD") },
          { NULL } };
  g_autoptr(OutlayStore) store = NULL;
  g_autoptr(OutlayDocument) doc = NULL;
  g_autoptr(GPtrArray) entries_ = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  GError *error = NULL;
  const char *currency;

  if (!outlay_cli_parse_options (cli, _("BUDGET"), entries, &argc, &argv, &error))
    return outlay_cli_fail (error);
  if (argc != 2)
    return outlay_cli_usage_error (_("“time” needs exactly one BUDGET"));
  if ((doc = outlay_cli_open_document (cli, argv[1], &store, &error)) == NULL
      || (people = outlay_store_list_people (store, &error)) == NULL
      || (entries_ = outlay_store_list_time (
              store, outlay_budget_get_id (outlay_document_get_budget (doc)), from, to, &error))
             == NULL)
    return outlay_cli_fail (error);
  currency = outlay_budget_get_currency (outlay_document_get_budget (doc));
  json_builder_begin_array (b);
  for (guint i = 0; i < entries_->len; i++)
    {
      OutlayTimeEntry *e = g_ptr_array_index (entries_, i);
      OutlayTask *task = outlay_document_get_task_by_id (doc, outlay_time_entry_get_task_id (e));
      g_autofree char *who = person_name (people, outlay_time_entry_get_person_id (e));
      g_autofree char *hours = outlay_decimal_to_string_trim (outlay_time_entry_get_hours (e));
      g_autofree char *rate = outlay_currency_format_plain (outlay_time_entry_get_rate (e),
                                                            currency);
      g_autofree char *cost_text = NULL;
      OutlayDecimal cost = 0;

      outlay_time_entry_get_cost (e, &cost);
      cost_text = outlay_currency_format_plain (cost, currency);
      if (!json)
        {
          g_print ("%s  %-20.20s %-24.24s %6s h %10s %12s  %s\n", outlay_time_entry_get_date (e),
                   who, task ? outlay_task_get_name (task) : "", hours, rate, cost_text,
                   outlay_time_entry_get_rate_source (e) ? outlay_time_entry_get_rate_source (e)
                                                         : "");
          continue;
        }
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, outlay_time_entry_get_id (e));
      outlay_json_add_string (b, "date", outlay_time_entry_get_date (e));
      outlay_json_add_string (b, "person", who);
      outlay_json_add_string (b, "task", task ? outlay_task_get_name (task) : "");
      outlay_json_add_string (b, "hours", hours);
      outlay_json_add_string (b, "rate", rate);
      outlay_json_add_string (b, "rate_source", outlay_time_entry_get_rate_source (e));
      outlay_json_add_string (b, "cost", cost_text);
      outlay_json_add_string (b, "note", outlay_time_entry_get_description (e));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (json)
    outlay_cli_print_json (json_builder_get_root (b));
  return 0;
}
