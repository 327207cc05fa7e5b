/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The fake services as a program, for the CLI tests and the bench:
 *   outlay-fake-server [--tasks N --entries N --list ID]
 * prints "CLICKUP_URL GEMINI_URL" on one line, serves until SIGTERM or
 * SIGINT, then prints the number of requests it answered (and refused as
 * invalid) and its CPU time on stderr. */

#include <glib-unix.h>
#include <stdio.h>
#include <sys/resource.h>

#include "outlay-fake-server.h"

static gboolean
quit_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

int
main (int argc, char **argv)
{
  int tasks = 0, entries = 0, rate = 100;
  g_autofree char *list = NULL;
  gint64 last = 1767225600000; /* 2026-01-01 */
  gint64 first = last - (gint64) 365 * 86400 * 1000;
  GOptionEntry options[] = {
    { "tasks", 0, 0, G_OPTION_ARG_INT, &tasks, "Tasks in the list", "N" },
    { "entries", 0, 0, G_OPTION_ARG_INT, &entries, "Time entries", "N" },
    { "list", 0, 0, G_OPTION_ARG_STRING, &list, "The list (124 or 125)", "ID" },
    { "rate-limit", 0, 0, G_OPTION_ARG_INT, &rate, "Requests a minute before 429", "N" },
    { "first-ms", 0, 0, G_OPTION_ARG_INT64, &first, "Oldest task and entry", "MS" },
    { "last-ms", 0, 0, G_OPTION_ARG_INT64, &last, "Newest task and entry", "MS" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (OutlayFakeServer) server = NULL;
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error)
      || (server = outlay_fake_server_new (&error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  outlay_fake_server_set_rate_limit (server, rate);
  outlay_fake_server_generate (server, list ? list : "124", tasks, entries, first, last);
  g_print ("%s %s\n", outlay_fake_server_clickup_url (server),
           outlay_fake_server_gemini_url (server));
  fflush (stdout);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_main_loop_run (loop);
  {
    struct rusage usage;

    getrusage (RUSAGE_SELF, &usage);
    g_printerr ("requests %u invalid %u cpu %.2f s\n", outlay_fake_server_total (server),
                outlay_fake_server_invalid (server),
                usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
                    + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6);
  }
  return 0;
}
