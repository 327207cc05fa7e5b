/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-aicp"

/* Which section of the AICP form a budget's section is.
 *
 * A bid lettered as the form (A = pre-production labour … P = post
 * expenses) is placed by its letters.  Some bids letter their own way
 * (J = director fees, K = talent): grouped by letter they would put the
 * director and the talent into the marked-up A to K subtotal.  So a
 * section whose name plainly names another section of the form goes
 * there, and once a budget is seen to letter its own way, a lettered
 * section whose name names no section of the form is kept off the
 * lettered rows rather than guessed. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-aicp.h"
#include "outlay-template-data.h"

static gboolean
has (const char *name, const char *word)
{
  return strstr (name, word) != NULL;
}

static gboolean
is_labour (const char *n)
{
  return has (n, "labour") || has (n, "labor") || has (n, "crew") || has (n, "wages")
         || has (n, "salar") || has (n, "editor");
}

static gboolean
is_expense (const char *n)
{
  return has (n, "expense") || has (n, "cost") || has (n, "travel") || has (n, "rental");
}

/* In order, most specific first: "Talent travel" is N, not D. */
static int
letter_of (const char *n)
{
  if (has (n, "director") || has (n, "creative fee"))
    return 'L';
  if (has (n, "casting"))
    return -1;
  if (has (n, "talent") || has (n, "cast") || has (n, "principal"))
    return is_expense (n) ? 'N' : 'M';
  if (has (n, "post") || has (n, "editorial") || has (n, "finishing") || has (n, "vfx")
      || has (n, "graphics") || has (n, "music") || has (n, "audio"))
    return is_labour (n) || has (n, "editorial") ? 'O'
           : has (n, "post") && !is_expense (n)  ? -1
                                                 : 'P';
  if (has (n, "art dep") || g_str_has_prefix (n, "art ") || has (n, " art "))
    return is_labour (n) ? 'G' : is_expense (n) ? 'H' : -1;
  if (has (n, "stage") || has (n, "studio"))
    return 'F';
  if (has (n, "build") || has (n, "construction"))
    return is_labour (n) ? 'G' : 'H';
  if (has (n, "equipment") || has (n, "camera") || has (n, "grip") || has (n, "lighting"))
    return 'I';
  if (has (n, "media") || has (n, "film stock") || has (n, "raw stock"))
    return 'J';
  if (has (n, "misc") || has (n, "general"))
    return 'K';
  if (has (n, "prop") || has (n, "wardrobe") || has (n, "animal"))
    return 'E';
  if (has (n, "location") || has (n, "travel"))
    return 'D';
  if (has (n, "shoot"))
    return is_labour (n) ? 'B' : -1;
  if (has (n, "pre-pro") || has (n, "preprod") || has (n, "prep") || has (n, "wrap"))
    return is_labour (n) ? 'A' : is_expense (n) ? 'C' : -1;
  return -1;
}

/**
 * outlay_aicp_letter_for_name:
 * @name: a section's name, "Director fees"
 *
 * Returns: 0 … 15 for the form's A … P that @name plainly names, or -1
 */
int
outlay_aicp_letter_for_name (const char *name)
{
  g_autofree char *lower = NULL;
  int c;

  if (name == NULL || *name == '\0')
    return -1;
  lower = g_utf8_strdown (name, -1);
  c = letter_of (lower);
  return c < 0 ? -1 : c - 'A';
}

/* 0 … 15 for a code "A" … "P" (any case, spaces around), or -1. */
static int
code_letter (const char *code)
{
  g_autofree char *c = g_strstrip (g_strdup (code != NULL ? code : ""));
  char l = g_ascii_toupper (c[0]);

  if (c[0] == '\0' || c[1] != '\0' || l < 'A' || l > 'P')
    return -1;
  return l - 'A';
}

/**
 * outlay_aicp_place_sections:
 * @codes: (array length=n): the sections' codes
 * @names: (array length=n): their names
 * @n: how many
 * @letters: (out) (array length=n): 0 … 15, or -1 for outside A–P
 * @how: (out) (array length=n): why
 *
 * Places a budget's sections on the AICP form.
 */
void
outlay_aicp_place_sections (const char *const *codes,
                            const char *const *names,
                            guint n,
                            int *letters,
                            OutlayAicpPlacement *how)
{
  gboolean own = FALSE;

  for (guint i = 0; i < n; i++)
    {
      int by_code = code_letter (codes[i]);
      int by_name = outlay_aicp_letter_for_name (names[i]);

      letters[i] = by_code;
      how[i] = by_code < 0 ? OUTLAY_AICP_OUTSIDE : OUTLAY_AICP_BY_CODE;
      if (by_code >= 0 && by_name >= 0 && by_name != by_code)
        {
          letters[i] = by_name;
          how[i] = OUTLAY_AICP_BY_NAME;
          own = TRUE;
        }
    }
  /* the file's own lettering: a letter alone says nothing */
  for (guint i = 0; own && i < n; i++)
    if (how[i] == OUTLAY_AICP_BY_CODE && outlay_aicp_letter_for_name (names[i]) < 0)
      {
        letters[i] = -1;
        how[i] = OUTLAY_AICP_OUTSIDE;
      }
}

/**
 * outlay_aicp_form_name:
 * @letter: 0 … 15
 *
 * Returns: the form's name for @letter, translated
 */
const char *
outlay_aicp_form_name (int letter)
{
  char code[2] = { (char) ('A' + letter), '\0' };

  g_return_val_if_fail (letter >= 0 && letter < OUTLAY_AICP_N_LETTERS, "");
  for (guint i = 0; i < outlay_template_table_len; i++)
    {
      const OutlayTemplate *t = &outlay_template_table[i];

      if (!g_str_equal (t->id, "aicp"))
        continue;
      for (guint s = 0; s < t->n_sections; s++)
        if (g_str_equal (t->sections[s].code, code))
          return g_dgettext (GETTEXT_PACKAGE, t->sections[s].name);
    }
  return "";
}

/**
 * outlay_aicp_placement_note:
 *
 * Returns: (nullable): what a user should know of a section placed
 *   other than by its letter, or %NULL
 */
char *
outlay_aicp_placement_note (const char *code, const char *name, int letter, OutlayAicpPlacement how)
{
  int by_code = code_letter (code);

  if (how == OUTLAY_AICP_BY_NAME)
    return g_strdup_printf (_("Section %s “%s” is not the AICP form's %s (%s): the top sheet "
                              "counts it under %c (%s)"),
                               code, name, code, outlay_aicp_form_name (by_code), 'A' + letter,
                               outlay_aicp_form_name (letter));
  if (how == OUTLAY_AICP_OUTSIDE && by_code >= 0)
    return g_strdup_printf (_("Section %s “%s” matches no section of the AICP form: the top "
                              "sheet lists it after the contingency, with no markup or fee"),
                               code, name);
  return NULL;
}

/**
 * outlay_aicp_place_section_list:
 * @sections: (element-type OutlaySection): a budget's sections, in order
 *
 * outlay_aicp_place_sections() for sections, as the top sheet and every
 * export of it place them.
 *
 * Returns: (transfer full): each section's letter index (0 = A … 15 = P),
 *   or -1 for one kept off the form
 */
int *
outlay_aicp_place_section_list (GPtrArray *sections)
{
  guint n = sections->len;
  g_autofree const char **codes = g_new0 (const char *, n + 1);
  g_autofree const char **names = g_new0 (const char *, n + 1);
  g_autofree OutlayAicpPlacement *how = g_new0 (OutlayAicpPlacement, n + 1);
  int *letters = g_new0 (int, n + 1);

  for (guint i = 0; i < n; i++)
    {
      codes[i] = outlay_section_get_code (g_ptr_array_index (sections, i));
      names[i] = outlay_section_get_name (g_ptr_array_index (sections, i));
    }
  outlay_aicp_place_sections (codes, names, n, letters, how);
  return letters;
}
