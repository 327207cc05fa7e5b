/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Start to first frame: how long from starting a program until its first
 * window has been drawn, for Outlay on its default database and, in the
 * same run and measured the same way, for a peer GNOME application
 * (gnome-text-editor by default).
 *
 *   tests/bench/bench-startup [--runs N] [--cold] [--peer "CMD ARGS"] [OUTLAY]
 *
 * Needs an X display (meson runs it under xvfb-run and dbus-run-session).
 * "First frame" is the first XDamage report on the first top-level window
 * the program maps: the moment its pixels reach the server. Every run
 * starts a new process in a fresh XDG data folder after a first run made
 * the default database (with its sample budget), so what is measured is a
 * start with an existing database, the everyday case. With --cold (as
 * root) the page cache is dropped before each run. */
#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define TIMEOUT_US (30 * G_USEC_PER_SEC)

static gboolean cold;

static void
drop_caches (void)
{
  FILE *f;

  if (!cold)
    return;
  sync ();
  f = fopen ("/proc/sys/vm/drop_caches", "w");
  if (f == NULL)
    g_error ("--cold needs root: cannot write /proc/sys/vm/drop_caches");
  fputs ("3\n", f);
  fclose (f);
}

/* Microseconds from starting @argv until its first window is drawn, or a
 * negative number when it drew nothing within the timeout. */
static double
one_start (Display *dpy, char **argv, char **envp)
{
  Window root = DefaultRootWindow (dpy);
  int damage_event, damage_error;
  Window shown = None;
  Damage damage = None; /* freed with its window */
  gint64 t0, t1 = -1;
  GPid pid;
  g_autoptr(GError) error = NULL;

  if (!XDamageQueryExtension (dpy, &damage_event, &damage_error))
    g_error ("The X server has no DAMAGE extension");
  XSelectInput (dpy, root, SubstructureNotifyMask);
  XSync (dpy, True);
  drop_caches ();

  t0 = g_get_monotonic_time ();
  if (!g_spawn_async (NULL, argv, envp,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                          | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    g_error ("Cannot start %s: %s", argv[0], error->message);

  while (t1 < 0 && g_get_monotonic_time () - t0 < TIMEOUT_US)
    {
      XEvent ev;

      if (!XPending (dpy))
        {
          g_usleep (200);
          continue;
        }
      XNextEvent (dpy, &ev);
      if (ev.type == MapNotify && shown == None && ev.xmap.event == root)
        {
          shown = ev.xmap.window;
          damage = XDamageCreate (dpy, shown, XDamageReportNonEmpty);
          XFlush (dpy);
        }
      else if (ev.type == DestroyNotify && ev.xdestroywindow.window == shown)
        shown = damage = None; /* its damage went with it: wait for the next */
      else if (ev.type == damage_event + XDamageNotify
               && ((XDamageNotifyEvent *) &ev)->drawable == shown)
        t1 = g_get_monotonic_time ();
    }
  XSelectInput (dpy, root, NoEventMask);
  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  /* let the server forget the window before the next start */
  XSync (dpy, True);
  g_usleep (300 * 1000);
  return t1 < 0 ? -1 : (double) (t1 - t0);
}

/* A window may go before its damage is looked at: not an error here. */
static int
ignore_x_errors (Display *dpy, XErrorEvent *event)
{
  return 0;
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
measure (Display *dpy, const char *name, char **argv, char **envp, int runs, double *best)
{
  g_autofree double *ms = g_new0 (double, runs);
  int ok = 0;

  /* one start first: makes the default database, warms the caches */
  one_start (dpy, argv, envp);
  for (int i = 0; i < runs; i++)
    {
      double us = one_start (dpy, argv, envp);

      if (us < 0)
        g_error ("%s drew no window within %d s", name, (int) (TIMEOUT_US / G_USEC_PER_SEC));
      ms[ok++] = us / 1000.0;
    }
  qsort (ms, ok, sizeof *ms, compare_doubles);
  *best = ms[0];
  printf ("%-22s median %7.1f ms   best %7.1f ms   worst %7.1f ms   (%d starts%s)\n", name,
          ms[ok / 2], ms[0], ms[ok - 1], ok, cold ? ", page cache dropped" : "");
  return ms[ok / 2];
}

int
main (int argc, char *argv[])
{
  int runs = 7;
  const char *peer = "gnome-text-editor --standalone";
  g_autofree char *outlay = NULL;
  g_autofree char *dir = g_dir_make_tmp ("outlay-bench-startup-XXXXXX", NULL);
  g_auto(GStrv) outlay_argv = NULL;
  g_auto(GStrv) peer_argv = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *config = g_build_filename (dir, "config", NULL);
  g_autofree char *cache = g_build_filename (dir, "cache", NULL);
  g_autofree char *spawn_cmd = NULL;
  double outlay_ms, peer_ms, outlay_best, peer_best;
  Display *dpy;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        {
          runs = atoi (argv[++i]);
          runs = MAX (runs, 1);
        }
      else if (g_str_equal (argv[i], "--peer") && i + 1 < argc)
        peer = argv[++i];
      else if (g_str_equal (argv[i], "--cold"))
        cold = TRUE;
      else
        outlay = g_strdup (argv[i]);
    }
  if (outlay == NULL)
    {
      g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
      g_autofree char *here = g_path_get_dirname (self);

      outlay = g_build_filename (here, "..", "..", "src", "ui", "outlay", NULL);
    }
  dpy = XOpenDisplay (NULL);
  if (dpy == NULL)
    {
      printf ("No X display: run under xvfb-run (meson test --benchmark does)\n");
      return 77;
    }
  XSetErrorHandler (ignore_x_errors);

  /* a home of its own: the default database is made by the first start */
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data, TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", config, TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", cache, TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_setenv (envp, "ADW_DISABLE_PORTAL", "1", TRUE);
  outlay_argv = g_new0 (char *, 2);
  outlay_argv[0] = g_strdup (outlay);
  if (!g_shell_parse_argv (peer, NULL, &peer_argv, NULL))
    g_error ("Cannot parse --peer %s", peer);

  printf ("Start to first frame, %d starts each after one to warm up:\n", runs);
  outlay_ms = measure (dpy, "outlay", outlay_argv, envp, runs, &outlay_best);
  spawn_cmd = g_find_program_in_path (peer_argv[0]);
  if (spawn_cmd == NULL)
    printf ("%-22s not installed: no side-by-side figure\n", peer_argv[0]);
  else
    {
      peer_ms = measure (dpy, peer_argv[0], peer_argv, envp, runs, &peer_best);
      printf ("outlay / %s: %.2f (median), %.2f (best)\n", peer_argv[0], outlay_ms / peer_ms,
              outlay_best / peer_best);
    }
  XCloseDisplay (dpy);
  return 0;
}
