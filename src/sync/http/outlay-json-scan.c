/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-http"

/* A small JSON reader that builds only what is asked for (RFC 8259: the
 * grammar is checked everywhere, skipped values included, so a cut or
 * garbled answer is refused and retried like any other). */

#include "config.h"

#include <string.h>

#include "outlay-json-scan.h"

#define MAX_DEPTH 64

typedef struct
{
  const char *p;
  const char *end;
  const char *const *keep;
  guint depth;
} Scan;

/* Reads one value; builds it into *@out when @out is not NULL */
static gboolean value (Scan *s, JsonNode **out);

static void
space (Scan *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\n' || *s->p == '\r' || *s->p == '\t'))
    s->p++;
}

static gboolean
kept (Scan *s, const char *name, gsize len)
{
  for (guint i = 0; s->keep[i]; i++)
    if (s->keep[i][0] == name[0] && strncmp (s->keep[i], name, len) == 0 && s->keep[i][len] == '\0')
      return TRUE;
  return FALSE;
}

static int
hex4 (const char *p)
{
  int v = 0;

  for (int i = 0; i < 4; i++)
    {
      int c = g_ascii_xdigit_value (p[i]);

      if (c < 0)
        return -1;
      v = v * 16 + c;
    }
  return v;
}

static gboolean
escape (Scan *s, GString *out)
{
  static const char from[] = "\"\\/bfnrt";
  static const char to[] = "\"\\/\b\f\n\r\t";
  const char *e;
  int c, low;

  if (s->p >= s->end)
    return FALSE;
  if (*s->p != 'u')
    {
      if ((e = strchr (from, *s->p)) == NULL || *s->p == '\0')
        return FALSE;
      if (out)
        g_string_append_c (out, to[e - from]);
      s->p++;
      return TRUE;
    }
  s->p++;
  if (s->end - s->p < 4 || (c = hex4 (s->p)) < 0)
    return FALSE;
  s->p += 4;
  if (c >= 0xDC00 && c < 0xE000)
    return FALSE;
  if (c >= 0xD800 && c < 0xDC00)
    {
      /* a surrogate pair */
      if (s->end - s->p < 6 || s->p[0] != '\\' || s->p[1] != 'u' || (low = hex4 (s->p + 2)) < 0xDC00
          || low > 0xDFFF)
        return FALSE;
      s->p += 6;
      c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
    }
  if (out)
    g_string_append_unichar (out, (gunichar) c);
  return TRUE;
}

/* A string after its opening quote, decoded into @out when given; s->p
 * ends after the closing quote. */
static gboolean
string (Scan *s, GString *out)
{
  for (;;)
    {
      const char *q = s->p;

      while (q < s->end && *q != '"' && *q != '\\' && (guchar) *q >= 0x20)
        q++;
      if (out)
        g_string_append_len (out, s->p, q - s->p);
      if (q >= s->end || (guchar) *q < 0x20)
        return FALSE;
      s->p = q + 1;
      if (*q == '"')
        return out == NULL || g_utf8_validate_len (out->str, out->len, NULL);
      if (!escape (s, out))
        return FALSE;
    }
}

static gboolean
string_value (Scan *s, JsonNode **out) /* out NULL: skip */
{
  g_autoptr (GString) text = out ? g_string_new (NULL) : NULL;

  s->p++;
  if (!string (s, text))
    return FALSE;
  if (text != NULL)
    *out = json_node_init_string (json_node_alloc (), text->str);
  return TRUE;
}

static gboolean
digits (Scan *s)
{
  if (s->p >= s->end || !g_ascii_isdigit (*s->p))
    return FALSE;
  while (s->p < s->end && g_ascii_isdigit (*s->p))
    s->p++;
  return TRUE;
}

static gboolean
number (Scan *s, JsonNode **out)
{
  const char *start = s->p;
  gboolean integral = TRUE;
  g_autofree char *text = NULL;

  if (s->p < s->end && *s->p == '-')
    s->p++;
  if (s->p < s->end && *s->p == '0')
    s->p++;
  else if (!digits (s))
    return FALSE;
  if (s->p < s->end && *s->p == '.')
    {
      integral = FALSE;
      s->p++;
      if (!digits (s))
        return FALSE;
    }
  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      integral = FALSE;
      s->p++;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      if (!digits (s))
        return FALSE;
    }
  if (out == NULL)
    return TRUE;
  text = g_strndup (start, s->p - start);
  *out = json_node_alloc ();
  /* past 18 digits an integer may not fit: a double, as json-glib has it */
  if (integral && s->p - start <= 18)
    json_node_init_int (*out, g_ascii_strtoll (text, NULL, 10));
  else
    json_node_init_double (*out, g_ascii_strtod (text, NULL));
  return TRUE;
}

static gboolean
literal (Scan *s, JsonNode **out)
{
  static const char *const words[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize n = strlen (words[i]);

      if ((gsize) (s->end - s->p) < n || memcmp (s->p, words[i], n) != 0)
        continue;
      s->p += n;
      if (out)
        *out = i == 2 ? json_node_init_null (json_node_alloc ())
                      : json_node_init_boolean (json_node_alloc (), i == 0);
      return TRUE;
    }
  return FALSE;
}

static gboolean
member (Scan *s, JsonObject *o)
{
  const char *name;
  gsize len;
  JsonNode *v = NULL;
  gboolean keep;

  if (s->p >= s->end || *s->p != '"')
    return FALSE;
  name = ++s->p;
  if (!string (s, NULL))
    return FALSE;
  len = s->p - 1 - name;
  space (s);
  if (s->p >= s->end || *s->p != ':')
    return FALSE;
  s->p++;
  /* an escaped name is never one asked for */
  keep = o != NULL && memchr (name, '\\', len) == NULL && kept (s, name, len);
  if (!value (s, keep ? &v : NULL))
    return FALSE;
  if (keep)
    {
      g_autofree char *key = g_strndup (name, len);

      json_object_set_member (o, key, v);
    }
  return TRUE;
}

static gboolean
object (Scan *s, JsonNode **out)
{
  g_autoptr (JsonObject) o = out ? json_object_new () : NULL;

  s->p++;
  space (s);
  if (s->p < s->end && *s->p == '}')
    s->p++;
  else
    for (;;)
      {
        if (!member (s, o))
          return FALSE;
        space (s);
        if (s->p < s->end && *s->p == ',')
          {
            s->p++;
            space (s);
            continue;
          }
        if (s->p >= s->end || *s->p != '}')
          return FALSE;
        s->p++;
        break;
      }
  if (out)
    *out = json_node_init_object (json_node_alloc (), o);
  return TRUE;
}

static gboolean
array (Scan *s, JsonNode **out)
{
  g_autoptr (JsonArray) a = out ? json_array_new () : NULL;

  s->p++;
  space (s);
  if (s->p < s->end && *s->p == ']')
    s->p++;
  else
    for (;;)
      {
        JsonNode *v = NULL;

        if (!value (s, out ? &v : NULL))
          return FALSE;
        if (a)
          json_array_add_element (a, v);
        space (s);
        if (s->p < s->end && *s->p == ',')
          {
            s->p++;
            continue;
          }
        if (s->p >= s->end || *s->p != ']')
          return FALSE;
        s->p++;
        break;
      }
  if (out)
    *out = json_node_init_array (json_node_alloc (), a);
  return TRUE;
}

static gboolean
value (Scan *s, JsonNode **out)
{
  gboolean ok;

  space (s);
  if (s->p >= s->end)
    return FALSE;
  if (*s->p == '{' || *s->p == '[')
    {
      if (++s->depth > MAX_DEPTH)
        return FALSE;
      ok = *s->p == '{' ? object (s, out) : array (s, out);
      s->depth--;
    }
  else if (*s->p == '"')
    ok = string_value (s, out);
  else if (*s->p == '-' || g_ascii_isdigit (*s->p))
    ok = number (s, out);
  else
    ok = literal (s, out);
  if (!ok && out && *out)
    g_clear_pointer (out, json_node_unref);
  return ok;
}

JsonNode *
outlay_json_scan (const char *data, gsize length, const char *const *keep)
{
  Scan s = { data, data + length, keep, 0 };
  JsonNode *root = NULL;

  g_return_val_if_fail (keep != NULL, NULL);

  if (data == NULL || !value (&s, &root))
    return NULL;
  space (&s);
  if (s.p != s.end)
    {
      json_node_unref (root);
      return NULL;
    }
  return root;
}
