/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "outlay-application.h"
#include "outlay-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(OutlayApplication) app = NULL;

  outlay_i18n_init ();

  app = outlay_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
