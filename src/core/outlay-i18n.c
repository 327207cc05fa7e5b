/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-i18n"

#include "config.h"

#include "outlay-i18n.h"

#include <glib/gi18n.h>
#include <locale.h>

/* The user's locale, and Outlay's translations from where they are
 * installed, or from the build tree when a program runs straight from it
 * (build/src/ui/outlay and build/src/cli/outlay-cli, with meson's
 * compiled catalogues in build/po/<lang>/LC_MESSAGES): the translated UI
 * can be looked at and tested without installing. */
void
outlay_i18n_init (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *exe_dir = exe != NULL ? g_path_get_dirname (exe) : NULL;
  g_autofree char *built = NULL;
  g_autofree char *marker = NULL;
  const char *dir = LOCALEDIR;

  setlocale (LC_ALL, "");
  if (exe_dir != NULL)
    {
      built = g_build_filename (exe_dir, "..", "..", "po", NULL);
      marker = g_build_filename (built, "LINGUAS.built", NULL);
      if (g_file_test (marker, G_FILE_TEST_IS_REGULAR))
        dir = built;
    }
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
