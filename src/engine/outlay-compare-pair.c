/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-compare"

/* Which line (and section) of one state of a budget is which line of
 * another.  A line keeps its id through edits and saved versions, so ids
 * come first.  A replace-import gives every line a new id and may reuse a
 * code for a different line, so a code pairs two lines only when their
 * descriptions still say the same thing; a line renumbered in its section
 * pairs by its description. */

#include "config.h"

#include <string.h>

#include "outlay-compare.h"

typedef OutlayPairedLine Entry;

/* Descriptions longer than this are compared by their words only */
#define MAX_EDIT_LENGTH 256

static GArray *
collect (OutlayDocument *doc)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));

  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);

      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        {
          Entry e = { outlay_section_get_line (section, l), section, -1, s };

          g_array_append_val (entries, e);
        }
    }
  return entries;
}

static GArray *
section_partners (OutlayDocument *doc)
{
  guint n = outlay_document_get_n_sections (doc);
  GArray *partners = g_array_sized_new (FALSE, FALSE, sizeof (int), n);

  for (guint s = 0; s < n; s++)
    {
      int none = -1;

      g_array_append_val (partners, none);
    }
  return partners;
}

static void
pair (GArray *from, guint i, GArray *to, guint j)
{
  g_array_index (from, Entry, i).partner = (int) j;
  g_array_index (to, Entry, j).partner = (int) i;
}

static void
pair_sections (GArray *from, guint i, GArray *to, guint j)
{
  g_array_index (from, int, i) = (int) j;
  g_array_index (to, int, j) = (int) i;
}

/* ---- descriptions ---- */

/* Lower case, letters and digits only, one space between words:
 * "Line Producer  (2nd unit)" → "line producer 2nd unit". */
static char *
normalise (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (folded));
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static guint
edit_distance (const char *a, const char *b)
{
  gsize n = strlen (a), m = strlen (b);
  g_autofree guint *row = g_new (guint, m + 1);

  for (gsize j = 0; j <= m; j++)
    row[j] = j;
  for (gsize i = 1; i <= n; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= m; j++)
        {
          guint above = row[j];
          guint best = MIN (above, row[j - 1]) + 1;

          row[j] = MIN (best, diagonal + (a[i - 1] != b[j - 1]));
          diagonal = above;
        }
    }
  return row[m];
}

/* Shared words over all words (Jaccard), as a percentage. */
static guint
word_overlap (const char *a, const char *b)
{
  g_auto(GStrv) wa = g_strsplit (a, " ", -1);
  g_auto(GStrv) wb = g_strsplit (b, " ", -1);
  guint na = g_strv_length (wa), nb = g_strv_length (wb), shared = 0;

  for (guint i = 0; i < na; i++)
    {
      gboolean repeated = FALSE;

      for (guint k = 0; k < i && !repeated; k++)
        repeated = g_str_equal (wa[k], wa[i]);
      if (!repeated && g_strv_contains ((const char *const *) wb, wa[i]))
        shared++;
    }
  if (na + nb == shared)
    return 100;
  return shared * 100 / (na + nb - shared);
}

/**
 * outlay_compare_similar_descriptions:
 * @a: (nullable): a description
 * @b: (nullable): another
 *
 * Whether two descriptions name the same line: the same words once case
 * and punctuation are set aside, a few typing differences (at most a
 * quarter of the letters), or at least half their words in common.  An
 * empty description is like any other: there is nothing to tell them
 * apart by.
 *
 * Returns: %TRUE when they are alike
 */
gboolean
outlay_compare_similar_descriptions (const char *a, const char *b)
{
  g_autofree char *na = NULL;
  g_autofree char *nb = NULL;
  gsize longest;

  if (g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") == 0)
    return TRUE;
  na = normalise (a);
  nb = normalise (b);
  if (*na == '\0' || *nb == '\0' || g_str_equal (na, nb))
    return TRUE;
  longest = MAX (strlen (na), strlen (nb));
  if (longest <= MAX_EDIT_LENGTH && edit_distance (na, nb) * 4 <= longest)
    return TRUE;
  return word_overlap (na, nb) >= 50;
}

/* ---- lines by id ---- */

/* Within one budget a line keeps its id through edits, moves and saved
 * versions, so ids follow a line whose code or section changed. */
static void
match_by_id (GArray *from, GArray *to)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < from->len; i++)
    {
      gint64 id = outlay_line_get_id (g_array_index (from, Entry, i).line);

      if (id > 0)
        g_hash_table_insert (ids, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (i + 1));
    }
  for (guint j = 0; j < to->len; j++)
    {
      gint64 id = outlay_line_get_id (g_array_index (to, Entry, j).line);
      guint i = id > 0 ? GPOINTER_TO_UINT (g_hash_table_lookup (ids, &id)) : 0;

      if (i > 0 && g_array_index (from, Entry, i - 1).partner < 0)
        pair (from, i - 1, to, j);
    }
}

/* ---- sections ---- */

static void
match_sections_by_id (OutlayDocument *a, GArray *from, OutlayDocument *b, GArray *to)
{
  for (guint i = 0; i < from->len; i++)
    {
      gint64 id = outlay_section_get_id (outlay_document_get_section (a, i));

      for (guint j = 0; id > 0 && j < to->len; j++)
        if (g_array_index (to, int, j) < 0
            && outlay_section_get_id (outlay_document_get_section (b, j)) == id)
          {
            pair_sections (from, i, to, j);
            break;
          }
    }
}

/* A saved version's sections have no ids: a section is the one that
 * holds most of its lines (paired by id) on the other side. */
static void
match_sections_by_lines (GArray *from_lines, GArray *to_lines, GArray *from, GArray *to)
{
  g_autofree guint *votes = g_new0 (guint, (gsize) from->len * MAX (to->len, 1));

  for (guint j = 0; j < to_lines->len; j++)
    {
      Entry *e = &g_array_index (to_lines, Entry, j);

      if (e->partner >= 0)
        votes[(gsize) g_array_index (from_lines, Entry, e->partner).section_index * to->len
              + e->section_index]++;
    }
  for (guint i = 0; i < from->len; i++)
    {
      guint best = 0;
      int best_j = -1;

      if (g_array_index (from, int, i) >= 0)
        continue;
      for (guint j = 0; j < to->len; j++)
        if (g_array_index (to, int, j) < 0 && votes[(gsize) i * to->len + j] > best)
          best = votes[(gsize) i * to->len + (best_j = (int) j)];
      if (best_j >= 0)
        pair_sections (from, i, to, (guint) best_j);
    }
}

static char *
section_name_key (OutlaySection *section)
{
  return normalise (outlay_section_get_name (section));
}

static char *
section_code_key (OutlaySection *section)
{
  return g_strdup (outlay_section_get_code (section));
}

/* The sections still unpaired whose @key is the same; repeated keys pair
 * in order, empty ones never. */
static void
match_sections_by (OutlayDocument *a,
                   GArray *from,
                   OutlayDocument *b,
                   GArray *to,
                   char *(*key) (OutlaySection *) )
{
  for (guint i = 0; i < from->len; i++)
    {
      g_autofree char *ki = NULL;

      if (g_array_index (from, int, i) >= 0)
        continue;
      ki = key (outlay_document_get_section (a, i));
      for (guint j = 0; *ki != '\0' && j < to->len; j++)
        {
          g_autofree char *kj = NULL;

          if (g_array_index (to, int, j) >= 0)
            continue;
          kj = key (outlay_document_get_section (b, j));
          if (g_str_equal (ki, kj))
            {
              pair_sections (from, i, to, j);
              break;
            }
        }
    }
}

/* ---- lines by code or description within paired sections ---- */

/* The line's section on the newer side (its partner for the older
 * side), or a number of its own when its section has no partner. */
static int
section_slot (Entry *e, GArray *sections, gboolean older)
{
  int partner = older ? g_array_index (sections, int, e->section_index) : (int) e->section_index;

  return partner >= 0 ? partner : -1 - (int) e->section_index;
}

/* A line's key: its section's slot and a text (its code, or its
 * normalised description), pointing into the line or into @owned. */
typedef struct
{
  int slot;
  const char *text;
  char *owned;
} Key;

static guint
key_hash (gconstpointer p)
{
  const Key *k = p;

  return g_str_hash (k->text) * 31u + (guint) k->slot;
}

static gboolean
key_equal (gconstpointer a, gconstpointer b)
{
  const Key *x = a, *y = b;

  return x->slot == y->slot && strcmp (x->text, y->text) == 0;
}

typedef enum
{
  BY_CODE,          /* within paired sections, descriptions alike */
  BY_DESCRIPTION,   /* within paired sections: renumbered */
  BY_CODE_ANYWHERE, /* moved to another section, descriptions alike */
} KeyKind;

/* FALSE when the line has no such key (no code, no description). */
static gboolean
make_key (Entry *e, int slot, KeyKind kind, Key *key)
{
  key->slot = kind == BY_CODE_ANYWHERE ? 0 : slot;
  key->owned = NULL;
  if (kind == BY_DESCRIPTION)
    key->text = key->owned = normalise (outlay_line_get_description (e->line));
  else
    key->text = outlay_line_get_code (e->line);
  if (key->text != NULL && *key->text != '\0')
    return TRUE;
  g_free (key->owned);
  return FALSE;
}

static void
key_free (gpointer p)
{
  Key *k = p;

  g_free (k->owned);
  g_free (k);
}

/* The unpaired lines with the same key; repeated keys pair in order,
 * and by code only when the descriptions are alike.  A key names a
 * group; its older lines are chained through @next (index + 1, 0 ends). */
static void
match_by_key (GArray *from, GArray *to, GArray *from_sections, KeyKind kind)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (key_hash, key_equal, key_free, NULL);
  g_autofree guint *next = g_new0 (guint, from->len + 1);
  g_autofree guint *heads = g_new0 (guint, from->len + 1);
  g_autofree guint *tails = g_new0 (guint, from->len + 1);
  guint n_groups = 0;

  for (guint i = 0; i < from->len; i++)
    {
      Entry *e = &g_array_index (from, Entry, i);
      Key key;
      guint g;

      if (e->partner >= 0 || !make_key (e, section_slot (e, from_sections, TRUE), kind, &key))
        continue;
      if ((g = GPOINTER_TO_UINT (g_hash_table_lookup (groups, &key))) == 0)
        {
          g = ++n_groups;
          g_hash_table_insert (groups, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (g));
          heads[g] = i + 1;
        }
      else
        {
          g_free (key.owned);
          next[tails[g]] = i + 1;
        }
      tails[g] = i + 1;
    }
  for (guint j = 0; j < to->len; j++)
    {
      Entry *e = &g_array_index (to, Entry, j);
      Key key;
      guint g, prev = 0;

      if (e->partner >= 0 || !make_key (e, section_slot (e, NULL, FALSE), kind, &key))
        continue;
      g = GPOINTER_TO_UINT (g_hash_table_lookup (groups, &key));
      g_free (key.owned);
      for (guint k = g != 0 ? heads[g] : 0; k != 0; prev = k, k = next[k])
        {
          Entry *old = &g_array_index (from, Entry, k - 1);

          if (kind != BY_DESCRIPTION
              && !outlay_compare_similar_descriptions (outlay_line_get_description (old->line),
                                                       outlay_line_get_description (e->line)))
            continue;
          pair (from, k - 1, to, j);
          if (prev != 0)
            next[prev] = next[k];
          else
            heads[g] = next[k];
          if (tails[g] == k)
            tails[g] = prev;
          break;
        }
    }
}

/**
 * outlay_compare_pair:
 * @from: the older state
 * @to: the newer state
 * @from_lines: (out) (transfer full): @from's lines as #OutlayPairedLine
 * @to_lines: (out) (transfer full): @to's lines as #OutlayPairedLine
 * @from_sections: (out) (optional) (transfer full) (element-type int): for
 *   each section of @from, the index of its partner in @to or -1
 * @to_sections: (out) (optional) (transfer full) (element-type int): the same
 *   for @to
 *
 * Pairs two states of a budget the way comparisons do.  Lines by id
 * within one budget.  Sections by id, then by where their lines went,
 * then by name, then by code.  The other lines by code within paired
 * sections when their descriptions are alike
 * (outlay_compare_similar_descriptions()), then by description within
 * paired sections, then by code in any section when their descriptions
 * are alike (a line moved to another section).  A line whose code was reused for something else is
 * left unpaired: removed on one side, added on the other.
 */
void
outlay_compare_pair (OutlayDocument *from,
                     OutlayDocument *to,
                     GArray **from_lines,
                     GArray **to_lines,
                     GArray **from_sections,
                     GArray **to_sections)
{
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;
  gint64 budget_id;
  gboolean same;

  g_return_if_fail (OUTLAY_IS_DOCUMENT (from));
  g_return_if_fail (OUTLAY_IS_DOCUMENT (to));

  budget_id = outlay_budget_get_id (outlay_document_get_budget (from));
  same = budget_id != 0 && budget_id == outlay_budget_get_id (outlay_document_get_budget (to));
  *from_lines = collect (from);
  *to_lines = collect (to);
  a = section_partners (from);
  b = section_partners (to);
  if (same)
    {
      match_by_id (*from_lines, *to_lines);
      match_sections_by_id (from, a, to, b);
      match_sections_by_lines (*from_lines, *to_lines, a, b);
    }
  match_sections_by (from, a, to, b, section_name_key);
  match_sections_by (from, a, to, b, section_code_key);
  match_by_key (*from_lines, *to_lines, a, BY_CODE);
  match_by_key (*from_lines, *to_lines, a, BY_DESCRIPTION);
  match_by_key (*from_lines, *to_lines, a, BY_CODE_ANYWHERE);
  if (from_sections != NULL)
    *from_sections = g_steal_pointer (&a);
  if (to_sections != NULL)
    *to_sections = g_steal_pointer (&b);
}

/**
 * outlay_compare_pair_lines:
 * @from: the older state
 * @to: the newer state
 * @from_lines: (out) (transfer full): @from's lines as #OutlayPairedLine
 * @to_lines: (out) (transfer full): @to's lines as #OutlayPairedLine
 *
 * outlay_compare_pair() for the lines only.
 */
void
outlay_compare_pair_lines (OutlayDocument *from,
                           OutlayDocument *to,
                           GArray **from_lines,
                           GArray **to_lines)
{
  outlay_compare_pair (from, to, from_lines, to_lines, NULL, NULL);
}
