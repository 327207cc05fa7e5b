/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-schema"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-error.h"
#include "outlay-schema.h"

/* Migrations only ever go forward.  Never edit one that has shipped: add
 * the next.  Amounts, rates, quantities and hours are INTEGER
 * ten-thousandths (OutlayDecimal); dates are ISO text; times unix seconds. */
/* Migration 17's pieces: today in local time (the day the dashboard
 * looks from), a task's earned value by its status, the estimate it plans
 * (a cancelled one plans nothing), its due day ('' without one), and the
 * change of its earned value on one day of its history. */
#define TODAY "date('now', 'localtime')"
#define EARNED(t)                                                                                  \
  "(CASE " t ".status WHEN 'done' THEN " t ".estimated_cost WHEN 'in-progress' THEN " t            \
  ".estimated_cost / 2 ELSE 0 END)"
/* Migration 18's: outlay_task_earned(), which documents the rule. */
#define EARNED_PCT(t)                                                                              \
  "(CASE WHEN " t ".status = 'cancelled' THEN 0 WHEN " t ".percent_complete IS NOT NULL THEN " t   \
  ".estimated_cost / 100 * " t ".percent_complete + " t ".estimated_cost % 100 * " t               \
  ".percent_complete / 100 ELSE " EARNED (t) " END)"
#define PLANNED(t) "(CASE WHEN " t ".status != 'cancelled' THEN " t ".estimated_cost ELSE 0 END)"
#define DUE(t) "ifnull(date(" t ".due_date), '')"
#define CHANGE_ON(task, day)                                                                       \
  "(SELECT c.earned - ifnull((SELECT b.earned FROM task_progress b WHERE b.task_id = " task        \
  " AND b.day < c.day ORDER BY b.day DESC LIMIT 1), 0) FROM task_progress c"                       \
  " WHERE c.task_id = " task " AND c.day = " day ")"

/* The two triggers that write earned values, with @earned the rule
 * (migration 17's by status, 18's with the percent complete) and @cols
 * the columns whose change writes the day's history. */
/* clang-format off */
#define TASK_TOTALS_INSERT(earned) \
  "CREATE TRIGGER task_totals_insert AFTER INSERT ON tasks BEGIN" \
  "  INSERT INTO task_progress (task_id, day, status, earned)" \
  "   VALUES (new.id, " TODAY ", new.status, " earned ("new") ")" \
  "   ON CONFLICT DO UPDATE SET status = excluded.status, earned = excluded.earned;" \
  "  INSERT INTO task_day_totals (budget_id, day, tasks, resource, planned)" \
  "   SELECT new.budget_id, " DUE ("new") ", 1, new.resource_cost, " PLANNED ("new") "" \
  "   WHERE new.deleted = 0 ON CONFLICT DO UPDATE SET tasks = tasks + excluded.tasks," \
  "   resource = resource + excluded.resource, planned = planned + excluded.planned;" \
  "  INSERT INTO task_day_totals (budget_id, day, earned)" \
  "   SELECT new.budget_id, " TODAY ", " earned ("new") " WHERE new.deleted = 0" \
  "   ON CONFLICT DO UPDATE SET earned = earned + excluded.earned;" \
  " END;"
#define TASK_PROGRESS_UPDATE(earned, cols) \
  "CREATE TRIGGER task_progress_update AFTER UPDATE OF " cols " ON tasks" \
  " WHEN old.budget_id = new.budget_id AND old.deleted = new.deleted" \
  "  AND (old.status IS NOT new.status OR " earned ("old") " != " earned ("new") ") BEGIN" \
  "  INSERT INTO task_progress (task_id, day, status, earned)" \
  "   VALUES (new.id, " TODAY ", new.status, " earned ("new") ")" \
  "   ON CONFLICT DO UPDATE SET status = excluded.status, earned = excluded.earned;" \
  "  INSERT INTO task_day_totals (budget_id, day, earned)" \
  "   SELECT new.budget_id, " TODAY ", " earned ("new") " - " earned ("old") "" \
  "   WHERE new.deleted = 0" \
  "   ON CONFLICT DO UPDATE SET earned = earned + excluded.earned;" \
  " END;"
/* A task deleted, restored or moved: its history's changes leave one
 * budget's days and join the other's.  A status (or estimate, or
 * percent) changed in the same statement, as a ClickUp sync does, is
 * written to the history here, between the two, since
 * task_progress_update leaves such statements alone: SQLite promises no
 * order between two triggers. */
#define TASK_PROGRESS_MOVE(earned) \
  "CREATE TRIGGER task_progress_move AFTER UPDATE OF deleted, budget_id ON tasks" \
  " WHEN old.deleted != new.deleted OR old.budget_id != new.budget_id BEGIN" \
  "  UPDATE task_day_totals SET earned = earned - " CHANGE_ON ("old.id", "task_day_totals.day") "" \
  "   WHERE budget_id = old.budget_id AND old.deleted = 0" \
  "   AND day IN (SELECT day FROM task_progress WHERE task_id = old.id);" \
  "  INSERT INTO task_progress (task_id, day, status, earned)" \
  "   SELECT new.id, " TODAY ", new.status, " earned ("new") "" \
  "   WHERE old.status IS NOT new.status OR " earned ("old") " != " earned ("new") "" \
  "   ON CONFLICT DO UPDATE SET status = excluded.status, earned = excluded.earned;" \
  "  INSERT INTO task_day_totals (budget_id, day, earned)" \
  "   SELECT new.budget_id, p.day, " CHANGE_ON ("new.id", "p.day") "" \
  "   FROM task_progress p WHERE p.task_id = new.id AND new.deleted = 0" \
  "   ON CONFLICT DO UPDATE SET earned = earned + excluded.earned;" \
  " END;"
/* clang-format on */

/* clang-format off */
/* 17: earned value's history and the sums the forecast reads.
 * task_progress holds each task's status by day, one row per task and
 * day (a later change that day replaces it), with the earned value it
 * gave: the estimate times the status's share, done all, in progress
 * half.  Triggers keep it on insert and on a change of status or
 * estimate, whatever path writes the task (the Tasks page, outlay-cli,
 * a ClickUp sync).  Existing tasks get one row, dated where their value
 * was counted as earned before there was a history: the day of their
 * last logged hour, else their due date if it has passed, else the day
 * of the migration.  task_day_totals sums a budget's live tasks by day,
 * kept by triggers as migration 15's time sums are: at its due date
 * ('' without one) a task's count, resource cost and planned estimate
 * (cancelled ones plan nothing), and on each day of its history the
 * change of its earned value, so the forecast reads a few hundred sums
 * instead of every task.  A task deleted (kept for undo) or moved to
 * another budget takes its sums and history with it. */
#define MIGRATION_17 \
  "CREATE TABLE task_progress (" \
  "  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE," \
  "  day TEXT NOT NULL," \
  "  status TEXT NOT NULL," \
  "  earned INTEGER NOT NULL," \
  "  PRIMARY KEY (task_id, day)" \
  ") WITHOUT ROWID;" \
  "CREATE TABLE task_day_totals (" \
  "  budget_id INTEGER NOT NULL REFERENCES budgets(id) ON DELETE CASCADE," \
  "  day TEXT NOT NULL," \
  "  tasks INTEGER NOT NULL DEFAULT 0," \
  "  resource INTEGER NOT NULL DEFAULT 0," \
  "  planned INTEGER NOT NULL DEFAULT 0," \
  "  earned INTEGER NOT NULL DEFAULT 0," \
  "  PRIMARY KEY (budget_id, day)" \
  ") WITHOUT ROWID;" \
  "INSERT INTO task_progress (task_id, day, status, earned)" \
  " SELECT t.id, CASE WHEN tt.last_date IS NOT NULL" \
  "  THEN min(substr(tt.last_date, 1, 10), " TODAY ")" \
  "  WHEN date(t.due_date) < " TODAY " THEN date(t.due_date)" \
  "  ELSE " TODAY " END, t.status, " EARNED ("t") "" \
  " FROM tasks t LEFT JOIN time_task_totals tt ON tt.task_id = t.id;" \
  "INSERT INTO task_day_totals (budget_id, day, tasks, resource, planned)" \
  " SELECT budget_id, " DUE ("tasks") ", count(*), sum(resource_cost), sum(" PLANNED ("tasks") ")" \
  " FROM tasks WHERE deleted = 0 GROUP BY 1, 2;" \
  "INSERT INTO task_day_totals (budget_id, day, earned)" \
  " SELECT t.budget_id, p.day, sum(p.earned) FROM task_progress p" \
  " JOIN tasks t ON t.id = p.task_id WHERE t.deleted = 0 GROUP BY 1, 2" \
  " ON CONFLICT DO UPDATE SET earned = earned + excluded.earned;" \
  TASK_TOTALS_INSERT (EARNED) \
  "CREATE TRIGGER task_totals_update AFTER UPDATE OF budget_id, status, estimated_cost," \
  " resource_cost, due_date, deleted ON tasks" \
  " WHEN old.budget_id != new.budget_id OR old.status IS NOT new.status" \
  "  OR old.estimated_cost != new.estimated_cost OR old.resource_cost != new.resource_cost" \
  "  OR old.due_date IS NOT new.due_date OR old.deleted != new.deleted BEGIN" \
  "  UPDATE task_day_totals SET tasks = tasks - 1, resource = resource - old.resource_cost," \
  "   planned = planned - " PLANNED ("old") "" \
  "   WHERE budget_id = old.budget_id AND day = " DUE ("old") " AND old.deleted = 0;" \
  "  INSERT INTO task_day_totals (budget_id, day, tasks, resource, planned)" \
  "   SELECT new.budget_id, " DUE ("new") ", 1, new.resource_cost, " PLANNED ("new") "" \
  "   WHERE new.deleted = 0 ON CONFLICT DO UPDATE SET tasks = tasks + excluded.tasks," \
  "   resource = resource + excluded.resource, planned = planned + excluded.planned;" \
  " END;" \
  TASK_PROGRESS_UPDATE (EARNED, "status, estimated_cost") \
  TASK_PROGRESS_MOVE (EARNED) \
  "CREATE TRIGGER task_totals_delete BEFORE DELETE ON tasks WHEN old.deleted = 0 BEGIN" \
  "  UPDATE task_day_totals SET tasks = tasks - 1, resource = resource - old.resource_cost," \
  "   planned = planned - " PLANNED ("old") "" \
  "   WHERE budget_id = old.budget_id AND day = " DUE ("old") ";" \
  "  UPDATE task_day_totals SET earned = earned - " CHANGE_ON ("old.id", "task_day_totals.day") "" \
  "   WHERE budget_id = old.budget_id" \
  "   AND day IN (SELECT day FROM task_progress WHERE task_id = old.id);" \
  " END;"
/* clang-format on */

/* clang-format off */
/* 18: a task's percent complete (NULL: not given, else whole percent).
 * Earned value follows outlay_task_earned(): a cancelled task earns
 * nothing, one with a percent complete its estimate times it, others by
 * status as before.  The triggers that write earned values are made
 * again with that rule, and a change of percent complete writes the
 * day's history too; the others read task_progress and stay.  Existing
 * tasks have no percent, so their history and sums stand as they are. */
#define MIGRATION_18 \
  "ALTER TABLE tasks ADD COLUMN percent_complete INTEGER" \
  " CHECK (percent_complete IS NULL OR percent_complete BETWEEN 0 AND 100);" \
  "DROP TRIGGER task_totals_insert;" \
  "DROP TRIGGER task_progress_update;" \
  "DROP TRIGGER task_progress_move;" \
  TASK_TOTALS_INSERT (EARNED_PCT) \
  TASK_PROGRESS_UPDATE (EARNED_PCT, "status, estimated_cost, percent_complete") \
  TASK_PROGRESS_MOVE (EARNED_PCT)
/* clang-format on */

static const char *const migrations[] = {
  /* 1: budgets, sections, lines, versions, audit */
  "CREATE TABLE budgets ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  client TEXT,"
  "  kind TEXT NOT NULL DEFAULT 'project',"
  "  currency TEXT NOT NULL DEFAULT 'USD',"
  "  allocated INTEGER NOT NULL DEFAULT 0,"
  "  allocated_hours INTEGER NOT NULL DEFAULT 0,"
  "  warning_threshold INTEGER NOT NULL DEFAULT 800000,"
  "  critical_threshold INTEGER NOT NULL DEFAULT 950000,"
  "  status TEXT NOT NULL DEFAULT 'draft',"
  "  fiscal_start TEXT,"
  "  fiscal_end TEXT,"
  "  expected_value INTEGER NOT NULL DEFAULT 0,"
  "  realized_value INTEGER NOT NULL DEFAULT 0,"
  "  ai_analysis INTEGER NOT NULL DEFAULT 0,"
  "  created INTEGER NOT NULL,"
  "  modified INTEGER NOT NULL,"
  "  trashed INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE sections ("
  "  id INTEGER PRIMARY KEY,"
  "  budget_id INTEGER NOT NULL REFERENCES budgets(id) ON DELETE CASCADE,"
  "  parent_id INTEGER REFERENCES sections(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  code TEXT NOT NULL DEFAULT '',"
  "  name TEXT NOT NULL DEFAULT '',"
  "  fringe INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX sections_order ON sections(budget_id, position);"
  "CREATE TABLE lines ("
  "  id INTEGER PRIMARY KEY,"
  "  budget_id INTEGER NOT NULL REFERENCES budgets(id) ON DELETE CASCADE,"
  "  section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  code TEXT,"
  "  description TEXT,"
  "  unit TEXT,"
  "  notes TEXT,"
  "  qty INTEGER NOT NULL DEFAULT 10000,"
  "  multiplier INTEGER NOT NULL DEFAULT 10000,"
  "  rate INTEGER NOT NULL DEFAULT 0,"
  "  estimate INTEGER NOT NULL DEFAULT 0,"
  "  estimate_overridden INTEGER NOT NULL DEFAULT 0,"
  "  actual INTEGER NOT NULL DEFAULT 0,"
  "  committed INTEGER NOT NULL DEFAULT 0,"
  "  reserved INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX lines_order ON lines(budget_id, section_id, position);"
  "CREATE INDEX lines_section ON lines(section_id, position);"
  "CREATE TABLE versions ("
  "  id INTEGER PRIMARY KEY,"
  "  budget_id INTEGER NOT NULL REFERENCES budgets(id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  note TEXT,"
  "  created INTEGER NOT NULL,"
  "  locked INTEGER NOT NULL DEFAULT 1,"
  "  total_estimate INTEGER NOT NULL DEFAULT 0,"
  "  total_actual INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX versions_budget ON versions(budget_id);"
  "CREATE TABLE version_sections ("
  "  id INTEGER PRIMARY KEY,"
  "  version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  code TEXT NOT NULL DEFAULT '',"
  "  name TEXT NOT NULL DEFAULT '',"
  "  fringe INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX version_sections_version ON version_sections(version_id, position);"
  "CREATE TABLE version_lines ("
  "  id INTEGER PRIMARY KEY,"
  "  version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,"
  "  version_section_id INTEGER NOT NULL REFERENCES version_sections(id) ON DELETE CASCADE,"
  "  line_id INTEGER,"
  "  position INTEGER NOT NULL,"
  "  code TEXT, description TEXT, unit TEXT, notes TEXT,"
  "  qty INTEGER NOT NULL, multiplier INTEGER NOT NULL, rate INTEGER NOT NULL,"
  "  estimate INTEGER NOT NULL, estimate_overridden INTEGER NOT NULL,"
  "  actual INTEGER NOT NULL, committed INTEGER NOT NULL, reserved INTEGER NOT NULL"
  ");"
  "CREATE INDEX version_lines_version ON version_lines(version_id, version_section_id, position);"
  /* No foreign key: the trail outlives what it describes. */
  "CREATE TABLE audit ("
  "  id INTEGER PRIMARY KEY,"
  "  at INTEGER NOT NULL,"
  "  actor TEXT,"
  "  budget_id INTEGER,"
  "  entity TEXT NOT NULL,"
  "  entity_id INTEGER,"
  "  action TEXT NOT NULL,"
  "  field TEXT,"
  "  old_value TEXT,"
  "  new_value TEXT"
  ");"
  "CREATE INDEX audit_budget ON audit(budget_id, at);",

  /* 2: work tracking, commitments, bills, imports; lines remember their import */
  "ALTER TABLE lines ADD COLUMN import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL;"
  "CREATE TABLE imports ("
  "  id INTEGER PRIMARY KEY,"
  "  budget_id INTEGER REFERENCES budgets(id) ON DELETE SET NULL,"
  "  file_name TEXT NOT NULL,"
  "  uri TEXT,"
  "  fingerprint TEXT,"
  "  source TEXT,"
  "  file_type TEXT,"
  "  mapping TEXT,"
  "  rows_total INTEGER NOT NULL DEFAULT 0,"
  "  rows_imported INTEGER NOT NULL DEFAULT 0,"
  "  rows_skipped INTEGER NOT NULL DEFAULT 0,"
  "  errors TEXT,"
  "  started INTEGER NOT NULL,"
  "  finished INTEGER,"
  "  status TEXT NOT NULL DEFAULT 'running'"
  ");"
  "CREATE INDEX imports_fingerprint ON imports(fingerprint);"
  "CREATE INDEX lines_import ON lines(import_id);"
  "CREATE TABLE people ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  email TEXT,"
  "  role TEXT,"
  "  hourly_rate INTEGER NOT NULL DEFAULT 0,"
  "  cost_rate INTEGER NOT NULL DEFAULT 0,"
  "  external_id TEXT"
  ");"
  "CREATE TABLE tasks ("
  "  id INTEGER PRIMARY KEY,"
  "  budget_id INTEGER NOT NULL REFERENCES budgets(id) ON DELETE CASCADE,"
  "  line_id INTEGER REFERENCES lines(id) ON DELETE SET NULL,"
  "  name TEXT NOT NULL,"
  "  description TEXT,"
  "  status TEXT NOT NULL DEFAULT 'todo',"
  "  assignee_id INTEGER REFERENCES people(id) ON DELETE SET NULL,"
  "  estimated_hours INTEGER NOT NULL DEFAULT 0,"
  "  estimated_cost INTEGER NOT NULL DEFAULT 0,"
  "  hourly_rate INTEGER NOT NULL DEFAULT 0,"
  "  resource_cost INTEGER NOT NULL DEFAULT 0,"
  "  direct_cost INTEGER NOT NULL DEFAULT 0,"
  "  due_date TEXT,"
  "  external_id TEXT,"
  "  external_source TEXT,"
  "  import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL"
  ");"
  "CREATE INDEX tasks_budget ON tasks(budget_id);"
  "CREATE UNIQUE INDEX tasks_external ON tasks(external_source, external_id)"
  "  WHERE external_id IS NOT NULL;"
  "CREATE TABLE time_entries ("
  "  id INTEGER PRIMARY KEY,"
  "  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,"
  "  person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,"
  "  date TEXT NOT NULL,"
  "  hours INTEGER NOT NULL,"
  "  description TEXT,"
  "  rate INTEGER NOT NULL DEFAULT 0,"
  "  rate_overridden INTEGER NOT NULL DEFAULT 0,"
  "  source TEXT NOT NULL DEFAULT 'manual',"
  "  external_id TEXT,"
  "  import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL"
  ");"
  "CREATE INDEX time_entries_task ON time_entries(task_id, date);"
  "CREATE TABLE recommendations ("
  "  id INTEGER PRIMARY KEY,"
  "  budget_id INTEGER NOT NULL REFERENCES budgets(id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  description TEXT,"
  "  estimated_savings INTEGER NOT NULL DEFAULT 0,"
  "  confidence INTEGER NOT NULL DEFAULT 0 CHECK (confidence BETWEEN 0 AND 100),"
  "  priority TEXT NOT NULL DEFAULT 'medium',"
  "  status TEXT NOT NULL DEFAULT 'new',"
  "  reasoning TEXT,"
  "  source TEXT NOT NULL DEFAULT 'rules',"
  "  patterns TEXT,"
  "  created INTEGER NOT NULL"
  ");"
  "CREATE TABLE roi_snapshots ("
  "  id INTEGER PRIMARY KEY,"
  "  budget_id INTEGER NOT NULL REFERENCES budgets(id) ON DELETE CASCADE,"
  "  taken INTEGER NOT NULL,"
  "  cost INTEGER NOT NULL,"
  "  value INTEGER NOT NULL,"
  "  roi_percent INTEGER NOT NULL,"
  "  note TEXT"
  ");"
  "CREATE TABLE cost_patterns ("
  "  id INTEGER PRIMARY KEY,"
  "  budget_id INTEGER NOT NULL REFERENCES budgets(id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL,"
  "  description TEXT,"
  "  amount INTEGER NOT NULL DEFAULT 0,"
  "  frequency INTEGER NOT NULL DEFAULT 0,"
  "  confidence INTEGER NOT NULL DEFAULT 0,"
  "  detected INTEGER NOT NULL"
  ");"
  "CREATE TABLE commitments ("
  "  id INTEGER PRIMARY KEY,"
  "  budget_id INTEGER NOT NULL REFERENCES budgets(id) ON DELETE CASCADE,"
  "  line_id INTEGER REFERENCES lines(id) ON DELETE SET NULL,"
  "  reference TEXT,"
  "  vendor TEXT,"
  "  description TEXT,"
  "  amount INTEGER NOT NULL,"
  "  status TEXT NOT NULL DEFAULT 'requested',"
  "  requested_by TEXT,"
  "  date TEXT,"
  "  expected_date TEXT,"
  "  auto_approved INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX commitments_budget ON commitments(budget_id, status);"
  "CREATE TABLE accounts ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  institution TEXT,"
  "  currency TEXT NOT NULL DEFAULT 'USD',"
  "  balance INTEGER NOT NULL DEFAULT 0,"
  "  balance_date TEXT"
  ");"
  "CREATE TABLE bills ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,"
  "  budget_id INTEGER REFERENCES budgets(id) ON DELETE SET NULL,"
  "  line_id INTEGER REFERENCES lines(id) ON DELETE SET NULL,"
  "  payee TEXT NOT NULL,"
  "  amount INTEGER NOT NULL,"
  "  due_date TEXT NOT NULL,"
  "  recurrence TEXT,"
  "  status TEXT NOT NULL DEFAULT 'due',"
  "  notes TEXT"
  ");"
  "CREATE INDEX bills_due ON bills(due_date);",

  /* 3: the AICP top sheet's markups (percentages and amounts as
   * ten-thousandths, 12.5 % is 125000) and the bid's header block */
  "ALTER TABLE budgets ADD COLUMN markup_percent INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE budgets ADD COLUMN contingency INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE budgets ADD COLUMN insurance_percent INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE budgets ADD COLUMN production_fee_percent INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE budgets ADD COLUMN handling_fee_percent INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE budgets ADD COLUMN production_company TEXT;"
  "ALTER TABLE budgets ADD COLUMN agency TEXT;"
  "ALTER TABLE budgets ADD COLUMN job_number TEXT;"
  "ALTER TABLE budgets ADD COLUMN bid_date TEXT;"
  "ALTER TABLE budgets ADD COLUMN shoot_dates TEXT;"
  "ALTER TABLE budgets ADD COLUMN director TEXT;"
  "ALTER TABLE budgets ADD COLUMN producer TEXT;"
  "ALTER TABLE budgets ADD COLUMN comments TEXT;",

  /* 4: a budget saved as a template of the user's own; hidden from the
   * budget list, offered by New Budget */
  "ALTER TABLE budgets ADD COLUMN is_template INTEGER NOT NULL DEFAULT 0;",

  /* 5: imports bring vendors, assignees, dates and periods along; a
   * column mapping is remembered per header layout; an import that
   * replaced a budget's lines keeps the version it saved first, so it can
   * be undone */
  "ALTER TABLE lines ADD COLUMN vendor TEXT;"
  "ALTER TABLE lines ADD COLUMN assignee TEXT;"
  "ALTER TABLE lines ADD COLUMN date TEXT;"
  "ALTER TABLE lines ADD COLUMN period TEXT;"
  "ALTER TABLE version_lines ADD COLUMN vendor TEXT;"
  "ALTER TABLE version_lines ADD COLUMN assignee TEXT;"
  "ALTER TABLE version_lines ADD COLUMN date TEXT;"
  "ALTER TABLE version_lines ADD COLUMN period TEXT;"
  "ALTER TABLE version_lines ADD COLUMN import_id INTEGER;"
  "ALTER TABLE version_sections ADD COLUMN import_id INTEGER;"
  "ALTER TABLE imports ADD COLUMN kind TEXT NOT NULL DEFAULT 'new';"
  "ALTER TABLE imports ADD COLUMN sheet TEXT;"
  "ALTER TABLE imports ADD COLUMN header_row INTEGER;"
  "ALTER TABLE imports ADD COLUMN warnings TEXT;"
  "ALTER TABLE imports ADD COLUMN replaced_version_id INTEGER REFERENCES versions(id) ON DELETE "
  "SET NULL;"
  "ALTER TABLE imports ADD COLUMN undone INTEGER;"
  "ALTER TABLE imports ADD COLUMN replaced_links TEXT;"
  /* an undo finds its lines through the budget (lines_order): one index
   * less to keep up on every imported line */
  "DROP INDEX lines_import;"
  "ALTER TABLE sections ADD COLUMN import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL;"
  "CREATE TABLE import_mappings ("
  "  signature TEXT PRIMARY KEY,"
  "  mapping TEXT NOT NULL,"
  "  used INTEGER NOT NULL"
  ");",

  /* 6: advice says what it is about (so what a user rejected is not
   * offered again) and carries the change "Implement" makes */
  "ALTER TABLE recommendations ADD COLUMN fingerprint TEXT;"
  "ALTER TABLE recommendations ADD COLUMN action TEXT;"
  "CREATE INDEX recommendations_budget ON recommendations(budget_id, status);",

  /* 7: an ROI snapshot keeps both values, the estimate, the tasks done
   * and why it was taken (by hand, or a change of status) */
  "ALTER TABLE roi_snapshots ADD COLUMN expected_value INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE roi_snapshots ADD COLUMN realized_value INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE roi_snapshots ADD COLUMN estimate INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE roi_snapshots ADD COLUMN tasks_done INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE roi_snapshots ADD COLUMN tasks_total INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE roi_snapshots ADD COLUMN reason TEXT NOT NULL DEFAULT 'manual';"
  "CREATE INDEX roi_snapshots_budget ON roi_snapshots(budget_id, taken);",

  /* 8: accounts, bills and cash flow: an account's kind and reserve, balance
   * snapshots, user categories (linked to budget sections), a bill's
   * currency, income flag, approximate flag, weekend handling, priority
   * and category; bills.recurrence is an RFC 5545 RRULE from due_date; one
   * row per occurrence the user paid, skipped, moved or ordered */
  "ALTER TABLE accounts ADD COLUMN kind TEXT NOT NULL DEFAULT 'checking';"
  "ALTER TABLE accounts ADD COLUMN reserve INTEGER NOT NULL DEFAULT 0;"
  "CREATE TABLE balance_snapshots ("
  "  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL,"
  "  balance INTEGER NOT NULL,"
  "  PRIMARY KEY (account_id, date)"
  ");"
  "CREATE TABLE categories ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE"
  ");"
  "CREATE TABLE category_sections ("
  "  category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,"
  "  section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,"
  "  PRIMARY KEY (category_id, section_id)"
  ");"
  "ALTER TABLE bills ADD COLUMN currency TEXT;"
  "ALTER TABLE bills ADD COLUMN income INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE bills ADD COLUMN approximate INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE bills ADD COLUMN weekend TEXT NOT NULL DEFAULT 'keep';"
  "ALTER TABLE bills ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE bills ADD COLUMN category_id INTEGER REFERENCES categories(id) ON DELETE SET NULL;"
  "CREATE TABLE bill_occurrences ("
  "  bill_id INTEGER NOT NULL REFERENCES bills(id) ON DELETE CASCADE,"
  "  original TEXT NOT NULL,"
  "  status TEXT NOT NULL DEFAULT 'due',"
  "  moved_to TEXT,"
  "  paid_amount INTEGER NOT NULL DEFAULT 0,"
  "  position INTEGER NOT NULL DEFAULT -1,"
  "  PRIMARY KEY (bill_id, original)"
  ");",

  /* 9: connections: a task remembers the ClickUp list it came from and when
   * ClickUp last changed it; a synced time entry is unique by its source's
   * id; a person by theirs; each (budget, service, list) keeps the cursor
   * of its last complete sync */
  "ALTER TABLE tasks ADD COLUMN external_list TEXT;"
  "ALTER TABLE tasks ADD COLUMN external_updated INTEGER;"
  "CREATE UNIQUE INDEX time_entries_external ON time_entries(source, external_id)"
  "  WHERE external_id IS NOT NULL;"
  "CREATE UNIQUE INDEX people_external ON people(external_id)"
  "  WHERE external_id IS NOT NULL;"
  "CREATE TABLE sync_states ("
  "  budget_id INTEGER NOT NULL REFERENCES budgets(id) ON DELETE CASCADE,"
  "  service TEXT NOT NULL,"
  "  scope TEXT NOT NULL,"
  "  updated_after INTEGER NOT NULL DEFAULT 0,"
  "  since INTEGER NOT NULL DEFAULT 0,"
  "  synced INTEGER NOT NULL,"
  "  PRIMARY KEY (budget_id, service, scope)"
  ");",

  /* 10: money control: a commitment charges a line or a section as a whole
   * and keeps what its invoices add up to (its line's stored amounts
   * include what it holds); a budget's check rules: what is approved
   * without asking, what an overrun does, annual or phased to date */
  "ALTER TABLE commitments ADD COLUMN section_id INTEGER REFERENCES sections(id) ON DELETE SET "
  "NULL;"
  "ALTER TABLE commitments ADD COLUMN invoiced INTEGER NOT NULL DEFAULT 0;"
  "CREATE INDEX commitments_line ON commitments(line_id);"
  "ALTER TABLE budgets ADD COLUMN auto_approval_threshold INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE budgets ADD COLUMN overrun_policy TEXT NOT NULL DEFAULT 'stop';"
  "ALTER TABLE budgets ADD COLUMN check_basis TEXT NOT NULL DEFAULT 'annual';",

  /* 11: tasks and time: dated rates (a person's default when budget_id is
   * NULL, a person's rate for one budget, or a budget's default rate when
   * person_id is NULL; valid_from '' is "always"); a deleted task is kept,
   * so undo brings its time back; each entry keeps the cost and the rate's
   * source it was saved with */
  "ALTER TABLE people ADD COLUMN currency TEXT;"
  "ALTER TABLE tasks ADD COLUMN position INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE tasks ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE time_entries ADD COLUMN cost INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE time_entries ADD COLUMN rate_source TEXT;"
  "CREATE INDEX time_entries_person ON time_entries(person_id, date);"
  /* covers the roll-up of a budget's tasks when it opens: no table reads */
  "CREATE INDEX time_entries_cost ON time_entries(task_id, cost, hours);"
  /* covers the week grid: a week's entries, whatever the budget's size */
  "CREATE INDEX time_entries_day ON time_entries(date, person_id, task_id, hours);"
  "CREATE TABLE rates ("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER REFERENCES people(id) ON DELETE CASCADE,"
  "  budget_id INTEGER REFERENCES budgets(id) ON DELETE CASCADE,"
  "  valid_from TEXT NOT NULL DEFAULT '',"
  "  cost_rate INTEGER NOT NULL DEFAULT 0,"
  "  bill_rate INTEGER NOT NULL DEFAULT 0,"
  "  currency TEXT,"
  "  created INTEGER NOT NULL"
  ");"
  "CREATE INDEX rates_person ON rates(person_id, budget_id, valid_from);"
  /* the header bar's running timer, one at a time, kept over a restart */
  "CREATE TABLE timer ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,"
  "  person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,"
  "  started INTEGER NOT NULL"
  ");",

  /* 12: phasing: a line's spread over the budget's periods (method, one
   * weight per period, the actual recorded per period; none is even), the
   * budget's periods (months or quarters), its freeze line and run rate,
   * each section's forecast method, and the forecast kept when a period
   * closes, which no UPDATE may change */
  "CREATE TABLE line_phasing ("
  "  line_id INTEGER PRIMARY KEY REFERENCES lines(id) ON DELETE CASCADE,"
  "  method TEXT NOT NULL DEFAULT 'even',"
  "  weights TEXT NOT NULL DEFAULT '',"
  "  actuals TEXT NOT NULL DEFAULT '',"
  "  source TEXT"
  ");"
  "CREATE TABLE budget_periods ("
  "  budget_id INTEGER PRIMARY KEY REFERENCES budgets(id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL DEFAULT 'month',"
  "  closed INTEGER NOT NULL DEFAULT 0,"
  "  run_rate_periods INTEGER NOT NULL DEFAULT 3"
  ");"
  "CREATE TABLE section_forecast ("
  "  section_id INTEGER PRIMARY KEY REFERENCES sections(id) ON DELETE CASCADE,"
  "  method TEXT NOT NULL"
  ");"
  "CREATE TABLE forecast_snapshots ("
  "  id INTEGER PRIMARY KEY,"
  "  budget_id INTEGER NOT NULL REFERENCES budgets(id) ON DELETE CASCADE,"
  "  closed INTEGER NOT NULL,"
  "  period TEXT NOT NULL,"
  "  created INTEGER NOT NULL,"
  "  UNIQUE (budget_id, closed)"
  ");"
  "CREATE TABLE forecast_snapshot_values ("
  "  snapshot_id INTEGER NOT NULL REFERENCES forecast_snapshots(id) ON DELETE CASCADE,"
  "  section_id INTEGER NOT NULL,"
  "  period INTEGER NOT NULL,"
  "  amount INTEGER NOT NULL,"
  "  PRIMARY KEY (snapshot_id, section_id, period)"
  ") WITHOUT ROWID;"
  "CREATE TRIGGER forecast_snapshots_kept BEFORE UPDATE ON forecast_snapshots"
  " BEGIN SELECT RAISE(ABORT, 'a closed period''s forecast is kept as it was'); END;"
  "CREATE TRIGGER forecast_snapshot_values_kept BEFORE UPDATE ON forecast_snapshot_values"
  " BEGIN SELECT RAISE(ABORT, 'a closed period''s forecast is kept as it was'); END;",
  /* 13: a budget's link to a Google spreadsheet, and each line's row as
   * last synced (the base of the three-way merge); line_id is no foreign
   * key: a line deleted here must still find its row there */
  "CREATE TABLE sheet_links ("
  "  budget_id INTEGER PRIMARY KEY REFERENCES budgets(id) ON DELETE CASCADE,"
  "  spreadsheet_id TEXT NOT NULL,"
  "  url TEXT,"
  "  summary_sheet INTEGER NOT NULL,"
  "  detail_sheet INTEGER NOT NULL,"
  "  locale TEXT,"
  "  drive_version TEXT,"
  "  used_rows INTEGER NOT NULL DEFAULT 1,"
  "  grid_rows INTEGER NOT NULL DEFAULT 1000,"
  "  summary_key TEXT," /* the sections the Summary tab was written for */
  "  summary_rows INTEGER NOT NULL DEFAULT 0,"
  "  synced INTEGER"
  ");"
  "CREATE TABLE sheet_rows ("
  "  budget_id INTEGER NOT NULL REFERENCES sheet_links(budget_id) ON DELETE CASCADE,"
  "  line_id INTEGER NOT NULL,"
  "  row_index INTEGER NOT NULL,"
  "  cells TEXT NOT NULL," /* tab-separated, each cell C-escaped */
  "  PRIMARY KEY (budget_id, line_id)"
  ");"
  "CREATE TABLE sheet_journal ("
  "  id INTEGER PRIMARY KEY,"
  "  budget_id INTEGER NOT NULL REFERENCES budgets(id) ON DELETE CASCADE,"
  "  at INTEGER NOT NULL,"
  "  summary TEXT NOT NULL"
  ");",
  /* 14: a version keeps each line's task actual (its tasks' logged and
   * resource cost when it was saved), so it adds up to its total */
  "ALTER TABLE version_lines ADD COLUMN task_actual INTEGER NOT NULL DEFAULT 0;",
  /* 15: the dashboard: time logged summed per task, per budget and day
   * and per budget and person, kept by triggers so the dashboard reads a
   * few thousand sums instead of a million entries (a deleted task's
   * time leaves the day and person sums, and comes back with it); the
   * forecast as it stood each day, one row per budget and day, so
   * today's can be set beside last month's */
  "CREATE TABLE time_task_totals ("
  "  task_id INTEGER PRIMARY KEY REFERENCES tasks(id) ON DELETE CASCADE,"
  "  hours INTEGER NOT NULL DEFAULT 0,"
  "  cost INTEGER NOT NULL DEFAULT 0,"
  "  last_date TEXT"
  ");"
  "CREATE TABLE time_day_totals ("
  "  budget_id INTEGER NOT NULL REFERENCES budgets(id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL,"
  "  hours INTEGER NOT NULL DEFAULT 0,"
  "  cost INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (budget_id, date)"
  ") WITHOUT ROWID;"
  "CREATE TABLE time_person_totals ("
  "  budget_id INTEGER NOT NULL REFERENCES budgets(id) ON DELETE CASCADE,"
  "  person_id INTEGER NOT NULL," /* 0: nobody */
  "  hours INTEGER NOT NULL DEFAULT 0,"
  "  cost INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (budget_id, person_id)"
  ") WITHOUT ROWID;"
  "INSERT INTO time_task_totals (task_id, hours, cost, last_date)"
  " SELECT task_id, sum(hours), sum(cost), max(date) FROM time_entries GROUP BY task_id;"
  "INSERT INTO time_day_totals (budget_id, date, hours, cost)"
  " SELECT t.budget_id, e.date, sum(e.hours), sum(e.cost) FROM time_entries e"
  " JOIN tasks t ON t.id = e.task_id WHERE t.deleted = 0 GROUP BY 1, 2;"
  "INSERT INTO time_person_totals (budget_id, person_id, hours, cost)"
  " SELECT t.budget_id, ifnull(e.person_id, 0), sum(e.hours), sum(e.cost) FROM time_entries e"
  " JOIN tasks t ON t.id = e.task_id WHERE t.deleted = 0 GROUP BY 1, 2;"
  "CREATE TRIGGER time_totals_insert AFTER INSERT ON time_entries BEGIN"
  "  INSERT INTO time_task_totals (task_id, hours, cost, last_date)"
  "   VALUES (new.task_id, new.hours, new.cost, new.date)"
  "   ON CONFLICT (task_id) DO UPDATE SET hours = hours + excluded.hours,"
  "   cost = cost + excluded.cost, last_date = max(ifnull(last_date, ''), excluded.last_date);"
  "  INSERT INTO time_day_totals (budget_id, date, hours, cost)"
  "   SELECT budget_id, new.date, new.hours, new.cost FROM tasks"
  "   WHERE id = new.task_id AND deleted = 0"
  "   ON CONFLICT DO UPDATE SET hours = hours + excluded.hours, cost = cost + excluded.cost;"
  "  INSERT INTO time_person_totals (budget_id, person_id, hours, cost)"
  "   SELECT budget_id, ifnull(new.person_id, 0), new.hours, new.cost FROM tasks"
  "   WHERE id = new.task_id AND deleted = 0"
  "   ON CONFLICT DO UPDATE SET hours = hours + excluded.hours, cost = cost + excluded.cost;"
  " END;"
  "CREATE TRIGGER time_totals_delete AFTER DELETE ON time_entries BEGIN"
  "  UPDATE time_task_totals SET hours = hours - old.hours, cost = cost - old.cost,"
  "   last_date = (SELECT max(date) FROM time_entries WHERE task_id = old.task_id)"
  "   WHERE task_id = old.task_id;"
  "  UPDATE time_day_totals SET hours = hours - old.hours, cost = cost - old.cost"
  "   WHERE date = old.date AND budget_id = (SELECT budget_id FROM tasks"
  "   WHERE id = old.task_id AND deleted = 0);"
  "  UPDATE time_person_totals SET hours = hours - old.hours, cost = cost - old.cost"
  "   WHERE person_id = ifnull(old.person_id, 0) AND budget_id = (SELECT budget_id FROM tasks"
  "   WHERE id = old.task_id AND deleted = 0);"
  " END;"
  "CREATE TRIGGER time_totals_update AFTER UPDATE OF task_id, person_id, date, hours, cost"
  " ON time_entries BEGIN"
  "  UPDATE time_task_totals SET hours = hours - old.hours, cost = cost - old.cost,"
  "   last_date = (SELECT max(date) FROM time_entries WHERE task_id = old.task_id)"
  "   WHERE task_id = old.task_id;"
  "  UPDATE time_day_totals SET hours = hours - old.hours, cost = cost - old.cost"
  "   WHERE date = old.date AND budget_id = (SELECT budget_id FROM tasks"
  "   WHERE id = old.task_id AND deleted = 0);"
  "  UPDATE time_person_totals SET hours = hours - old.hours, cost = cost - old.cost"
  "   WHERE person_id = ifnull(old.person_id, 0) AND budget_id = (SELECT budget_id FROM tasks"
  "   WHERE id = old.task_id AND deleted = 0);"
  "  INSERT INTO time_task_totals (task_id, hours, cost, last_date)"
  "   VALUES (new.task_id, new.hours, new.cost, new.date)"
  "   ON CONFLICT (task_id) DO UPDATE SET hours = hours + excluded.hours,"
  "   cost = cost + excluded.cost, last_date = max(ifnull(last_date, ''), excluded.last_date);"
  "  INSERT INTO time_day_totals (budget_id, date, hours, cost)"
  "   SELECT budget_id, new.date, new.hours, new.cost FROM tasks"
  "   WHERE id = new.task_id AND deleted = 0"
  "   ON CONFLICT DO UPDATE SET hours = hours + excluded.hours, cost = cost + excluded.cost;"
  "  INSERT INTO time_person_totals (budget_id, person_id, hours, cost)"
  "   SELECT budget_id, ifnull(new.person_id, 0), new.hours, new.cost FROM tasks"
  "   WHERE id = new.task_id AND deleted = 0"
  "   ON CONFLICT DO UPDATE SET hours = hours + excluded.hours, cost = cost + excluded.cost;"
  " END;"
  "CREATE TRIGGER time_totals_task AFTER UPDATE OF deleted, budget_id ON tasks"
  " WHEN old.deleted != new.deleted OR old.budget_id != new.budget_id BEGIN"
  "  INSERT INTO time_day_totals (budget_id, date, hours, cost)"
  "   SELECT old.budget_id, date, -sum(hours), -sum(cost) FROM time_entries"
  "   WHERE task_id = old.id AND old.deleted = 0 GROUP BY date"
  "   ON CONFLICT DO UPDATE SET hours = hours + excluded.hours, cost = cost + excluded.cost;"
  "  INSERT INTO time_person_totals (budget_id, person_id, hours, cost)"
  "   SELECT old.budget_id, ifnull(person_id, 0), -sum(hours), -sum(cost)"
  "   FROM time_entries WHERE task_id = old.id AND old.deleted = 0 GROUP BY 2"
  "   ON CONFLICT DO UPDATE SET hours = hours + excluded.hours, cost = cost + excluded.cost;"
  "  INSERT INTO time_day_totals (budget_id, date, hours, cost)"
  "   SELECT new.budget_id, date, sum(hours), sum(cost) FROM time_entries"
  "   WHERE task_id = new.id AND new.deleted = 0 GROUP BY date"
  "   ON CONFLICT DO UPDATE SET hours = hours + excluded.hours, cost = cost + excluded.cost;"
  "  INSERT INTO time_person_totals (budget_id, person_id, hours, cost)"
  "   SELECT new.budget_id, ifnull(person_id, 0), sum(hours), sum(cost)"
  "   FROM time_entries WHERE task_id = new.id AND new.deleted = 0 GROUP BY 2"
  "   ON CONFLICT DO UPDATE SET hours = hours + excluded.hours, cost = cost + excluded.cost;"
  " END;"
  "CREATE TABLE daily_forecasts ("
  "  budget_id INTEGER NOT NULL REFERENCES budgets(id) ON DELETE CASCADE,"
  "  day TEXT NOT NULL,"
  "  bac INTEGER NOT NULL,"
  "  pv INTEGER NOT NULL,"
  "  ev INTEGER NOT NULL,"
  "  ac INTEGER NOT NULL,"
  "  eac_typical INTEGER NOT NULL,"
  "  eac_p10 INTEGER," /* NULL: no range yet */
  "  eac_p50 INTEGER,"
  "  eac_p90 INTEGER,"
  "  cpi INTEGER NOT NULL,"
  "  spi INTEGER NOT NULL,"
  "  written INTEGER NOT NULL,"
  "  PRIMARY KEY (budget_id, day)"
  ") WITHOUT ROWID;",
  /* 16: the spend level last notified for each budget (OutlaySpendLevel),
   * so a crossing of the warning or critical threshold notifies once, and
   * not again after a restart */
  "CREATE TABLE spend_alerts ("
  "  budget_id INTEGER PRIMARY KEY REFERENCES budgets(id) ON DELETE CASCADE,"
  "  level INTEGER NOT NULL DEFAULT 0"
  ");",
  /* clang-format off */
  MIGRATION_17,
  MIGRATION_18,
  /* clang-format on */
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == OUTLAY_SCHEMA_VERSION);

static gboolean
exec (sqlite3 *db, const char *sql, GError **error)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_STORE,
                   _("Could not update the database: %s"), msg ? msg : sqlite3_errmsg (db));
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

static int
user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int v = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

/* The schema version, read in the caller's write transaction when
 * @in_transaction (rolled back on failure), else in a read transaction
 * of its own.  Fails when a newer Outlay wrote the database. */
static gboolean
read_version (sqlite3 *db, gboolean in_transaction, int *version, GError **error)
{
  if (!in_transaction && !exec (db, "BEGIN;", error))
    return FALSE;
  *version = user_version (db);
  if (*version < 0)
    {
      int code = sqlite3_errcode (db);

      exec (db, "ROLLBACK;", NULL);
      if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
        g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_DAMAGED,
                     _("The database is damaged: %s"), sqlite3_errstr (code));
      else
        g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_STORE,
                     _("Could not read the database's schema version: %s"), sqlite3_errmsg (db));
      return FALSE;
    }
  if (*version > OUTLAY_SCHEMA_VERSION)
    {
      exec (db, "ROLLBACK;", NULL);
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_SCHEMA_TOO_NEW,
                   _("This database was written by a newer version of Outlay (schema %d, this "
                     "version reads up to %d). Update Outlay to open it."),
                   *version, OUTLAY_SCHEMA_VERSION);
      return FALSE;
    }
  if (!in_transaction && !exec (db, "COMMIT;", error))
    return FALSE;
  return TRUE;
}

/**
 * outlay_schema_get_version:
 * @db: an open database
 * @version: (out): its schema version (0 for a new database)
 * @error: why it could not be read, or %OUTLAY_ERROR_SCHEMA_TOO_NEW
 *
 * Reads the version in a read transaction: it neither waits for nor
 * blocks a writer.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_schema_get_version (sqlite3  *db,
                           int      *version,
                           GError  **error)
{
  return read_version (db, FALSE, version, error);
}

/**
 * outlay_schema_migrate:
 * @db: an open database
 * @target: the version to reach, normally %OUTLAY_SCHEMA_VERSION
 * @created: (out) (optional): set when the database was empty
 * @error: why it failed
 *
 * Brings the schema forward to @target, each step in its own transaction
 * together with its user_version, so an interrupted upgrade resumes.  A
 * current schema is checked without taking the write lock.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_schema_migrate (sqlite3  *db,
                       int       target,
                       gboolean *created,
                       GError  **error)
{
  int version;

  g_return_val_if_fail (target >= 1 && target <= OUTLAY_SCHEMA_VERSION, FALSE);

  /* Most opens find the schema current: read its version in a read
   * transaction, which never waits for (nor blocks) another program's
   * long import. */
  if (!read_version (db, FALSE, &version, error))
    return FALSE;
  if (created != NULL)
    *created = FALSE;
  if (version >= target)
    return TRUE;
  /* Read it again inside the write lock, so that two programs opening a
   * new database at once do not both create it. */
  if (!exec (db, "BEGIN IMMEDIATE;", error))
    return FALSE;
  if (!read_version (db, TRUE, &version, error))
    return FALSE;
  if (created != NULL)
    *created = (version == 0);
  /* Each step commits with its user_version, so an interrupted upgrade
   * resumes where it stopped. */
  for (int v = version; v < target; v++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d;", v + 1);

      if ((v > version && !exec (db, "BEGIN IMMEDIATE;", error))
          || !exec (db, migrations[v], error) || !exec (db, bump, error)
          || !exec (db, "COMMIT;", error))
        {
          exec (db, "ROLLBACK;", NULL);
          return FALSE;
        }
    }
  if (version >= target)
    return exec (db, "COMMIT;", error);
  return TRUE;
}
