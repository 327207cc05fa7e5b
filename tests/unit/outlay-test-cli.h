/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Running outlay-cli as a script does, for the CLI tests: a fixture with a
 * database of its own, run_cli() with the exit status, stdout and stderr,
 * and readers for its JSON. */

#include <json-glib/json-glib.h>
#include <sys/wait.h>

#include "outlay-decimal.h"
#include "outlay-test-util.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  int status; /* exit status, or -1 if it did not exit */
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = outlay_test_make_dir ();
  f->db = g_build_filename (f->dir, "cli.db", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  outlay_test_remove_dir (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

/* Runs outlay-cli with @args (NULL-terminated) on the fixture's database,
 * with XDG_DATA_HOME pointing into the fixture so that nothing can touch
 * a real database. */
static void run_cli (Fixture *f, Result *r, const char *first, ...) G_GNUC_NULL_TERMINATED;

static void
run_cli (Fixture *f, Result *r, const char *first, ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  const char *cli = g_getenv ("OUTLAY_CLI");
  int wait_status = 0;
  va_list args;

  if (cli == NULL)
    g_error ("OUTLAY_CLI is not set; run the tests with meson test");
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", f->dir, TRUE);
  g_ptr_array_add (argv, (gpointer) cli);
  if (first == NULL || !g_str_equal (first, "--version"))
    {
      g_ptr_array_add (argv, (gpointer) "--database");
      g_ptr_array_add (argv, f->db);
    }
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &r->out, &r->err, &wait_status, &error));
  g_assert_no_error (error);
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static OutlayDecimal
amount (JsonObject *o, const char *member)
{
  g_autoptr(GError) error = NULL;
  const char *text = json_object_get_string_member (o, member);
  OutlayDecimal v = 0;

  g_assert_nonnull (text);
  if (!outlay_decimal_parse (text, &v, &error))
    g_error ("%s “%s”: %s", member, text, error->message);
  return v;
}

static OutlayDecimal
sum (OutlayDecimal a, OutlayDecimal b)
{
  OutlayDecimal out = 0;

  g_assert_true (outlay_decimal_add (a, b, &out));
  return out;
}

static void
assert_ok (Result *r)
{
  if (r->status != 0)
    g_error ("outlay-cli exited with %d: %s", r->status, r->err);
}
