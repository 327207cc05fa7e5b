/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-fake-google"

/* Google OAuth, Sheets v4 and Drive v3 as the discovery documents have
 * them.  Every Sheets and Drive request is matched against the methods'
 * flatPath templates and checked against the published parameters and
 * request schemas (tests/servers/specs, byte-for-byte copies of
 * ../shared/specs): an unknown member, a wrong type or enum value, a
 * missing required parameter is a 400 and counts as invalid. */

#include <libsoup/soup.h>
#include <string.h>
#include <time.h>

#include "outlay-fake-google.h"

typedef struct
{
  char *prefix;
  OutlayFakeFault fault;
} Fault;

typedef struct
{
  JsonNode *value; /* number, string or bool; NULL when empty */
  char *formula;   /* "=E2*G2*H2", or NULL */
} Cell;

typedef struct
{
  gint64 id;
  char *title;
  guint rows, cols, frozen;
  GPtrArray *grid; /* GPtrArray* of Cell* per row, NULL entries empty */
  GArray *hidden_cols;
} Sheet;

typedef struct
{
  gint64 id;
  char *key;
  char *value;
  gint64 sheet_id; /* -1: the spreadsheet */
  guint start, end;
} Meta;

typedef struct
{
  char *id;
  char *title;
  char *locale;
  GPtrArray *sheets; /* Sheet* in tab order */
  GPtrArray *meta;   /* Meta* */
  gint64 version;
  gint64 modified; /* µs */
  gboolean deleted;
} Book;

typedef struct
{
  char *challenge;
  char *redirect_uri;
} Code;

struct _OutlayFakeGoogle
{
  SoupServer *server;
  char *base;
  char *auth_url, *token_url, *sheets_url, *drive_url;
  JsonObject *sheets_doc, *drive_doc;
  JsonParser *sheets_parser, *drive_parser;
  GQueue faults;
  GPtrArray *log;
  guint api_requests;
  guint invalid;
  gint64 busy_us;
  GHashTable *codes;          /* code → Code* */
  GHashTable *refresh_tokens; /* token → "" */
  GHashTable *access_tokens;  /* token → expiry µs (gint64*) */
  guint token_lifetime;
  guint serial;
  gboolean deny, wrong_state;
  GPtrArray *books;
  GPtrArray *paused;
  gint64 next_meta;
};

/* ---- helpers ----------------------------------------------------------- */

static void
cell_free (Cell *c)
{
  if (c == NULL)
    return;
  g_clear_pointer (&c->value, json_node_unref);
  g_free (c->formula);
  g_free (c);
}

static void
sheet_free (Sheet *s)
{
  g_free (s->title);
  g_ptr_array_unref (s->grid);
  g_array_unref (s->hidden_cols);
  g_free (s);
}

static void
meta_free (Meta *m)
{
  g_free (m->key);
  g_free (m->value);
  g_free (m);
}

static void
book_free (Book *b)
{
  g_free (b->id);
  g_free (b->title);
  g_free (b->locale);
  g_ptr_array_unref (b->sheets);
  g_ptr_array_unref (b->meta);
  g_free (b);
}

static void
code_free (Code *c)
{
  g_free (c->challenge);
  g_free (c->redirect_uri);
  g_free (c);
}

static void
fault_free (Fault *f)
{
  g_free (f->prefix);
  g_free (f);
}

static void
respond (SoupServerMessage *msg, guint status, const char *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json; charset=UTF-8", SOUP_MEMORY_COPY, json,
                                    strlen (json));
}

static void
respond_node (SoupServerMessage *msg, JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  respond (msg, 200, text);
}

static void
google_error (SoupServerMessage *msg, guint code, const char *status, const char *message)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "error");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "code");
  json_builder_add_int_value (b, code);
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, message);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, status);
  json_builder_end_object (b);
  json_builder_end_object (b);
  node = json_builder_get_root (b);
  text = json_to_string (node, FALSE);
  respond (msg, code, text);
}

static void
invalid (OutlayFakeGoogle *self, SoupServerMessage *msg, const char *why)
{
  self->invalid++;
  g_message ("invalid request %s %s: %s", soup_server_message_get_method (msg),
             g_uri_get_path (soup_server_message_get_uri (msg)), why);
  google_error (msg, 400, "INVALID_ARGUMENT", why);
}

static GPtrArray *
split_query (const char *query, gboolean form)
{
  g_auto (GStrv) parts = query ? g_strsplit (query, "&", -1) : NULL;
  GPtrArray *pairs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts && parts[i]; i++)
    {
      char *eq = strchr (parts[i], '=');

      if (*parts[i] == '\0')
        continue;
      if (eq)
        *eq = '\0';
      if (form)
        {
          g_strdelimit (parts[i], "+", ' ');
          if (eq)
            g_strdelimit (eq + 1, "+", ' ');
        }
      g_ptr_array_add (pairs, g_uri_unescape_string (parts[i], NULL));
      g_ptr_array_add (pairs, eq ? g_uri_unescape_string (eq + 1, NULL) : g_strdup (""));
    }
  return pairs;
}

static const char *
pair_get (GPtrArray *pairs, const char *key)
{
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    if (g_strcmp0 (g_ptr_array_index (pairs, i), key) == 0)
      return g_ptr_array_index (pairs, i + 1);
  return NULL;
}

static char *
base64url (const guint8 *data, gsize len)
{
  char *text = g_base64_encode (data, len);
  char *eq = strchr (text, '=');

  if (eq)
    *eq = '\0';
  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  return text;
}

static char *
new_token (OutlayFakeGoogle *self, const char *prefix)
{
  return g_strdup_printf ("%s%u-%08x", prefix, ++self->serial, g_random_int ());
}

/* ---- discovery-document checking ----------------------------------------- */

static const char *
check_value (JsonObject *doc, JsonObject *schema, JsonNode *node, GString *where);

static JsonObject *
resolve (JsonObject *doc, JsonObject *schema)
{
  const char *ref = json_object_get_string_member_with_default (schema, "$ref", NULL);

  if (ref == NULL)
    return schema;
  return json_object_get_object_member (json_object_get_object_member (doc, "schemas"), ref);
}

static gboolean
in_enum (JsonObject *schema, const char *value)
{
  JsonArray *values;

  if (!json_object_has_member (schema, "enum"))
    return TRUE;
  values = json_object_get_array_member (schema, "enum");
  for (guint i = 0; i < json_array_get_length (values); i++)
    if (g_strcmp0 (json_array_get_string_element (values, i), value) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_integer_text (const char *text)
{
  char *end = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  g_ascii_strtoll (text, &end, 10);
  return *end == '\0';
}

static const char *
check_value (JsonObject *doc, JsonObject *schema, JsonNode *node, GString *where)
{
  const char *type;

  schema = resolve (doc, schema);
  type = json_object_get_string_member_with_default (schema, "type", "any");
  if (g_str_equal (type, "any"))
    return NULL;
  if (JSON_NODE_HOLDS_NULL (node))
    return NULL; /* proto3 JSON: null is the default */
  if (g_str_equal (type, "object"))
    {
      JsonObject *props = json_object_has_member (schema, "properties")
                              ? json_object_get_object_member (schema, "properties")
                              : NULL;
      JsonObject *extra = json_object_has_member (schema, "additionalProperties")
                              ? json_object_get_object_member (schema, "additionalProperties")
                              : NULL;
      g_autoptr (GList) members = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return "is not an object";
      members = json_object_get_members (json_node_get_object (node));
      for (GList *l = members; l; l = l->next)
        {
          JsonObject *sub = props && json_object_has_member (props, l->data)
                                ? json_object_get_object_member (props, l->data)
                                : extra;
          gsize len = where->len;
          const char *why;

          g_string_append_printf (where, ".%s", (char *) l->data);
          if (sub == NULL)
            return "is not a field of the published schema";
          if ((why = check_value (
                   doc, sub, json_object_get_member (json_node_get_object (node), l->data), where)))
            return why;
          g_string_truncate (where, len);
        }
      return NULL;
    }
  if (g_str_equal (type, "array"))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return "is not an array";
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize len = where->len;
          const char *why;

          g_string_append_printf (where, "[%u]", i);
          if ((why = check_value (doc, json_object_get_object_member (schema, "items"),
                                  json_array_get_element (array, i), where)))
            return why;
          g_string_truncate (where, len);
        }
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node))
    return "is not a plain value";
  if (g_str_equal (type, "boolean"))
    return json_node_get_value_type (node) == G_TYPE_BOOLEAN ? NULL : "is not a boolean";
  if (g_str_equal (type, "integer"))
    return json_node_get_value_type (node) == G_TYPE_INT64 ? NULL : "is not an integer";
  if (g_str_equal (type, "number"))
    return json_node_get_value_type (node) == G_TYPE_INT64
                   || json_node_get_value_type (node) == G_TYPE_DOUBLE
               ? NULL
               : "is not a number";
  if (g_str_equal (type, "string"))
    {
      const char *format = json_object_get_string_member_with_default (schema, "format", "");

      if (g_str_equal (format, "int64") && json_node_get_value_type (node) == G_TYPE_INT64)
        return NULL;
      if (json_node_get_value_type (node) != G_TYPE_STRING)
        return "is not a string";
      if (!in_enum (schema, json_node_get_string (node)))
        return "is not one of the published enum values";
      return NULL;
    }
  return NULL;
}

/* Matches @path against a flatPath template ("v4/spreadsheets/{id}:x") */
static gboolean
template_match (const char *tmpl, const char *path, GHashTable *vars)
{
  const char *open;

  if (*tmpl == '\0')
    return *path == '\0';
  open = strchr (tmpl, '{');
  if (open == NULL)
    return g_str_equal (tmpl, path);
  if (strncmp (tmpl, path, open - tmpl) != 0)
    return FALSE;
  {
    const char *close = strchr (open, '}');
    const char *rest = close + 1;
    const char *start = path + (open - tmpl);
    g_autofree char *name = g_strndup (open + 1, close - open - 1);

    for (const char *end = start + 1; *(end - 1) != '\0' && *(end - 1) != '/'; end++)
      {
        if (template_match (rest, end, vars))
          {
            g_hash_table_replace (vars, g_strdup (name), g_strndup (start, end - start));
            return TRUE;
          }
        if (*end == '\0')
          break;
      }
  }
  return FALSE;
}

static JsonObject *
find_method (JsonObject *resources, const char *method, const char *path, GHashTable *vars)
{
  g_autoptr (GList) names = json_object_get_members (resources);

  for (GList *l = names; l; l = l->next)
    {
      JsonObject *res = json_object_get_object_member (resources, l->data);
      JsonObject *found;

      if (json_object_has_member (res, "methods"))
        {
          JsonObject *methods = json_object_get_object_member (res, "methods");
          g_autoptr (GList) mnames = json_object_get_members (methods);

          for (GList *m = mnames; m; m = m->next)
            {
              JsonObject *def = json_object_get_object_member (methods, m->data);

              g_hash_table_remove_all (vars);
              if (g_str_equal (json_object_get_string_member (def, "httpMethod"), method)
                  && template_match (json_object_get_string_member (def, "flatPath"), path, vars))
                return def;
            }
        }
      if (json_object_has_member (res, "resources")
          && (found = find_method (json_object_get_object_member (res, "resources"), method, path,
                                   vars)))
        return found;
    }
  return NULL;
}

/* Query parameters: each one published for the method or globally, of
 * its type; the required ones present. */
static const char *
check_params (JsonObject *doc, JsonObject *def, GPtrArray *q)
{
  JsonObject *params = json_object_get_object_member (def, "parameters");
  JsonObject *global = json_object_get_object_member (doc, "parameters");

  for (guint i = 0; i + 1 < q->len; i += 2)
    {
      const char *key = g_ptr_array_index (q, i);
      const char *value = g_ptr_array_index (q, i + 1);
      JsonObject *p = params && json_object_has_member (params, key)
                          ? json_object_get_object_member (params, key)
                      : json_object_has_member (global, key)
                          ? json_object_get_object_member (global, key)
                          : NULL;
      const char *type;

      if (p == NULL
          || g_strcmp0 (json_object_get_string_member_with_default (p, "location", ""), "path")
                 == 0)
        return "unknown query parameter";
      type = json_object_get_string_member_with_default (p, "type", "string");
      if (g_str_equal (type, "boolean") && !g_str_equal (value, "true")
          && !g_str_equal (value, "false"))
        return "a boolean parameter is not true or false";
      if (g_str_equal (type, "integer") && !is_integer_text (value))
        return "an integer parameter is not an integer";
      if (!in_enum (p, value))
        return "a parameter is not one of its enum values";
    }
  if (params)
    {
      g_autoptr (GList) names = json_object_get_members (params);

      for (GList *l = names; l; l = l->next)
        {
          JsonObject *p = json_object_get_object_member (params, l->data);

          if (json_object_get_boolean_member_with_default (p, "required", FALSE)
              && g_strcmp0 (json_object_get_string_member_with_default (p, "location", ""), "query")
                     == 0
              && pair_get (q, l->data) == NULL)
            return "a required query parameter is missing";
        }
    }
  return NULL;
}

/* ---- the spreadsheet model ---------------------------------------------- */

static Book *
find_book (OutlayFakeGoogle *self, const char *id)
{
  for (guint i = 0; i < self->books->len; i++)
    {
      Book *b = g_ptr_array_index (self->books, i);

      if (g_str_equal (b->id, id) && !b->deleted)
        return b;
    }
  return NULL;
}

static Sheet *
find_sheet (Book *b, gint64 id)
{
  for (guint i = 0; i < b->sheets->len; i++)
    {
      Sheet *s = g_ptr_array_index (b->sheets, i);

      if (s->id == id)
        return s;
    }
  return NULL;
}

static void
touch (Book *b)
{
  b->version++;
  b->modified = g_get_real_time ();
}

static GPtrArray *
new_row (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) cell_free);
}

static Cell *
cell_at (Sheet *s, guint row, guint col, gboolean create)
{
  GPtrArray *r;

  if (row >= s->grid->len)
    {
      if (!create)
        return NULL;
      while (s->grid->len <= row)
        g_ptr_array_add (s->grid, new_row ());
    }
  r = g_ptr_array_index (s->grid, row);
  if (col >= r->len)
    {
      if (!create)
        return NULL;
      while (r->len <= col)
        g_ptr_array_add (r, NULL);
    }
  if (g_ptr_array_index (r, col) == NULL && create)
    g_ptr_array_index (r, col) = g_new0 (Cell, 1);
  return g_ptr_array_index (r, col);
}

static Sheet *
sheet_new (gint64 id, const char *title, guint rows, guint cols, guint frozen)
{
  Sheet *s = g_new0 (Sheet, 1);

  s->id = id;
  s->title = g_strdup (title);
  s->rows = rows ? rows : 1000;
  s->cols = cols ? cols : 26;
  s->frozen = frozen;
  s->grid = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  s->hidden_cols = g_array_new (FALSE, FALSE, sizeof (guint));
  return s;
}

/* The value a reader sees: a formula's result (products of cells only,
 * which is what Outlay writes and what tests type), else the value */
static JsonNode *eval_cell (Sheet *s, Cell *c, guint depth);

static gboolean
cell_ref (const char *text, guint *row, guint *col, const char **end)
{
  guint c = 0, r = 0;
  const char *p = text;

  if (!g_ascii_isupper (*p))
    return FALSE;
  while (g_ascii_isupper (*p))
    c = c * 26 + (*p++ - 'A' + 1);
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    r = r * 10 + (*p++ - '0');
  *row = r - 1;
  *col = c - 1;
  *end = p;
  return TRUE;
}

static JsonNode *
eval_formula (Sheet *s, const char *formula, guint depth)
{
  const char *p = formula + 1;
  double product = 1;

  while (*p)
    {
      guint row, col;
      const char *end;
      Cell *c;
      g_autoptr (JsonNode) v = NULL;

      if (!cell_ref (p, &row, &col, &end))
        return json_node_init_int (json_node_alloc (), 0); /* not evaluated here */
      c = cell_at (s, row, col, FALSE);
      v = c ? eval_cell (s, c, depth + 1) : NULL;
      if (v && JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) != G_TYPE_STRING)
        product *= json_node_get_double (v);
      else
        product = 0;
      p = end;
      if (*p == '*')
        p++;
      else if (*p != '\0')
        return json_node_init_int (json_node_alloc (), 0);
    }
  if (product == (gint64) product)
    return json_node_init_int (json_node_alloc (), (gint64) product);
  return json_node_init_double (json_node_alloc (), product);
}

static JsonNode *
eval_cell (Sheet *s, Cell *c, guint depth)
{
  if (c->formula && depth < 8)
    return eval_formula (s, c->formula, depth);
  return c->value ? json_node_copy (c->value) : NULL;
}

static void
set_value (Cell *c, JsonNode *value)
{
  g_clear_pointer (&c->value, json_node_unref);
  g_clear_pointer (&c->formula, g_free);
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return;
  if (json_node_get_value_type (value) == G_TYPE_STRING && *json_node_get_string (value) == '\0')
    return;
  c->value = json_node_copy (value);
}

/* ---- Sheets methods ------------------------------------------------------ */

static void
add_sheet_properties (JsonBuilder *b, Sheet *s, guint index)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "sheetId");
  json_builder_add_int_value (b, s->id);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, s->title);
  json_builder_set_member_name (b, "index");
  json_builder_add_int_value (b, index);
  json_builder_set_member_name (b, "sheetType");
  json_builder_add_string_value (b, "GRID");
  json_builder_set_member_name (b, "gridProperties");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "rowCount");
  json_builder_add_int_value (b, s->rows);
  json_builder_set_member_name (b, "columnCount");
  json_builder_add_int_value (b, s->cols);
  if (s->frozen)
    {
      json_builder_set_member_name (b, "frozenRowCount");
      json_builder_add_int_value (b, s->frozen);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static JsonNode *
book_json (OutlayFakeGoogle *self, Book *book)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "spreadsheetId");
  json_builder_add_string_value (b, book->id);
  json_builder_set_member_name (b, "spreadsheetUrl");
  json_builder_add_string_value (b, "https://docs.google.com/spreadsheets/d/");
  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, book->title);
  json_builder_set_member_name (b, "locale");
  json_builder_add_string_value (b, book->locale);
  json_builder_set_member_name (b, "autoRecalc");
  json_builder_add_string_value (b, "ON_CHANGE");
  json_builder_end_object (b);
  json_builder_set_member_name (b, "sheets");
  json_builder_begin_array (b);
  for (guint i = 0; i < book->sheets->len; i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "properties");
      add_sheet_properties (b, g_ptr_array_index (book->sheets, i), i);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  {
    JsonNode *root = json_builder_get_root (b);
    JsonObject *o = json_node_get_object (root);
    g_autofree char *url = g_strdup_printf ("https://docs.google.com/spreadsheets/d/%s/edit",
                                            book->id);

    json_object_set_string_member (o, "spreadsheetUrl", url);
    return root;
  }
}

static void
sheets_create (OutlayFakeGoogle *self, SoupServerMessage *msg, JsonObject *body)
{
  Book *book = g_new0 (Book, 1);
  JsonObject *props = json_object_has_member (body, "properties")
                          ? json_object_get_object_member (body, "properties")
                          : NULL;
  JsonArray *sheets = json_object_has_member (body, "sheets")
                          ? json_object_get_array_member (body, "sheets")
                          : NULL;
  g_autoptr (JsonNode) answer = NULL;

  book->id = g_strdup_printf ("1FaKe%08xSheet%u", g_random_int (), ++self->serial);
  book->title = g_strdup (
      props ? json_object_get_string_member_with_default (props, "title", "Untitled spreadsheet")
            : "Untitled spreadsheet");
  book->locale = g_strdup (
      props ? json_object_get_string_member_with_default (props, "locale", "en_US") : "en_US");
  book->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_free);
  book->meta = g_ptr_array_new_with_free_func ((GDestroyNotify) meta_free);
  for (guint i = 0; sheets && i < json_array_get_length (sheets); i++)
    {
      JsonObject *sp = json_object_get_object_member (json_array_get_object_element (sheets, i),
                                                      "properties");
      JsonObject *grid = sp && json_object_has_member (sp, "gridProperties")
                             ? json_object_get_object_member (sp, "gridProperties")
                             : NULL;
      gint64 id = sp && json_object_has_member (sp, "sheetId")
                      ? json_object_get_int_member (sp, "sheetId")
                      : (i == 0 ? 0 : g_random_int_range (1, G_MAXINT32));
      g_autofree char *fallback = g_strdup_printf ("Sheet%u", i + 1);

      g_ptr_array_add (
          book->sheets,
          sheet_new (
              id,
              sp ? json_object_get_string_member_with_default (sp, "title", fallback) : fallback,
              grid ? json_object_get_int_member_with_default (grid, "rowCount", 1000) : 1000,
              grid ? json_object_get_int_member_with_default (grid, "columnCount", 26) : 26,
              grid ? json_object_get_int_member_with_default (grid, "frozenRowCount", 0) : 0));
    }
  if (book->sheets->len == 0)
    g_ptr_array_add (book->sheets, sheet_new (0, "Sheet1", 1000, 26, 0));
  touch (book);
  g_ptr_array_add (self->books, book);
  answer = book_json (self, book);
  respond_node (msg, answer);
}

static const char *
grid_range (Book *book,
            JsonObject *range,
            Sheet **sheet,
            guint *r0,
            guint *r1,
            guint *c0,
            guint *c1)
{
  gint64 id = json_object_get_int_member_with_default (range, "sheetId", 0);

  if ((*sheet = find_sheet (book, id)) == NULL)
    return "No grid with id";
  *r0 = json_object_get_int_member_with_default (range, "startRowIndex", 0);
  *r1 = json_object_get_int_member_with_default (range, "endRowIndex", (*sheet)->rows);
  *c0 = json_object_get_int_member_with_default (range, "startColumnIndex", 0);
  *c1 = json_object_get_int_member_with_default (range, "endColumnIndex", (*sheet)->cols);
  if (*r1 > (*sheet)->rows || *c1 > (*sheet)->cols || *r0 > *r1 || *c0 > *c1)
    return "Range exceeds grid limits";
  return NULL;
}

static char *
a1_of (Sheet *s, guint r0, guint r1, guint c0, guint c1)
{
  char a[8], b[8];
  guint n = 0;

  for (guint c = c0 + 1; c > 0; c = (c - 1) / 26)
    a[n++] = 'A' + (c - 1) % 26;
  a[n] = '\0';
  g_strreverse (a);
  n = 0;
  for (guint c = MAX (c1, 1); c > 0; c = (c - 1) / 26)
    b[n++] = 'A' + (c - 1) % 26;
  b[n] = '\0';
  g_strreverse (b);
  return g_strdup_printf ("'%s'!%s%u:%s%u", s->title, a, r0 + 1, b, MAX (r1, 1));
}

/* One request of a batchUpdate; NULL when it applied, else why not.
 * Every request is checked before any is applied (the batch is atomic). */
static const char *
batch_request (OutlayFakeGoogle *self,
               Book *book,
               JsonObject *req,
               gboolean apply,
               JsonBuilder *reply)
{
  g_autoptr (GList) kinds = json_object_get_members (req);
  const char *kind;
  JsonObject *r;

  if (g_list_length (kinds) != 1)
    return "each request must have exactly one kind";
  kind = kinds->data;
  r = json_object_get_object_member (req, kind);
  if (g_str_equal (kind, "repeatCell") || g_str_equal (kind, "updateCells"))
    {
      Sheet *s;
      guint r0, r1, c0, c1;
      const char *why;
      JsonObject *range = json_object_has_member (r, "range")
                              ? json_object_get_object_member (r, "range")
                              : NULL;

      if (!json_object_has_member (r, "fields"))
        return "fields is required";
      if (range == NULL)
        return "a range is required here";
      if ((why = grid_range (book, range, &s, &r0, &r1, &c0, &c1)))
        return why;
      if (apply && g_str_equal (kind, "repeatCell"))
        {
          JsonObject *cell = json_object_get_object_member (r, "cell");
          JsonObject *uev = json_object_has_member (cell, "userEnteredValue")
                                ? json_object_get_object_member (cell, "userEnteredValue")
                                : NULL;
          const char *formula = uev ? json_object_get_string_member_with_default (
                                    uev, "formulaValue", NULL)
                                    : NULL;

          for (guint row = r0; formula && row < r1; row++)
            for (guint col = c0; col < c1; col++)
              {
                /* relative references move with each row, as in Sheets */
                GString *f = g_string_new (NULL);

                for (const char *p = formula; *p;)
                  {
                    guint rr, cc;
                    const char *end;

                    if (cell_ref (p, &rr, &cc, &end))
                      {
                        char buf[8];
                        guint n = 0;

                        for (guint c = cc + 1; c > 0; c = (c - 1) / 26)
                          buf[n++] = 'A' + (c - 1) % 26;
                        buf[n] = '\0';
                        g_strreverse (buf);
                        g_string_append_printf (f, "%s%u", buf, rr + 1 + (row - r0));
                        p = end;
                      }
                    else
                      g_string_append_c (f, *p++);
                  }
                set_value (cell_at (s, row, col, TRUE), NULL);
                cell_at (s, row, col, TRUE)->formula = g_string_free (f, FALSE);
              }
        }
      else if (apply)
        {
          JsonArray *rows = json_object_has_member (r, "rows")
                                ? json_object_get_array_member (r, "rows")
                                : NULL;

          for (guint i = 0; rows && i < json_array_get_length (rows); i++)
            {
              JsonObject *rd = json_array_get_object_element (rows, i);
              JsonArray *values = json_object_has_member (rd, "values")
                                      ? json_object_get_array_member (rd, "values")
                                      : NULL;

              for (guint j = 0; values && j < json_array_get_length (values); j++)
                {
                  JsonObject *cd = json_array_get_object_element (values, j);
                  JsonObject *uev = json_object_has_member (cd, "userEnteredValue")
                                        ? json_object_get_object_member (cd, "userEnteredValue")
                                        : NULL;
                  Cell *c;

                  if (uev == NULL || r0 + i >= r1 || c0 + j >= c1)
                    continue;
                  c = cell_at (s, r0 + i, c0 + j, TRUE);
                  if (json_object_has_member (uev, "formulaValue"))
                    {
                      set_value (c, NULL);
                      c->formula = g_strdup (json_object_get_string_member (uev, "formulaValue"));
                    }
                  else if (json_object_has_member (uev, "numberValue"))
                    set_value (c, json_object_get_member (uev, "numberValue"));
                  else if (json_object_has_member (uev, "stringValue"))
                    set_value (c, json_object_get_member (uev, "stringValue"));
                }
            }
        }
    }
  else if (g_str_equal (kind, "updateSheetProperties"))
    {
      JsonObject *props = json_object_get_object_member (r, "properties");
      Sheet *s = find_sheet (book, json_object_get_int_member_with_default (props, "sheetId", 0));
      const char *fields = json_object_get_string_member_with_default (r, "fields", NULL);

      if (fields == NULL)
        return "fields is required";
      if (s == NULL)
        return "No grid with id";
      if (apply && json_object_has_member (props, "gridProperties"))
        {
          JsonObject *g = json_object_get_object_member (props, "gridProperties");

          if (strstr (fields, "rowCount"))
            s->rows = json_object_get_int_member_with_default (g, "rowCount", s->rows);
          if (strstr (fields, "columnCount"))
            s->cols = json_object_get_int_member_with_default (g, "columnCount", s->cols);
          if (strstr (fields, "frozenRowCount"))
            s->frozen = json_object_get_int_member_with_default (g, "frozenRowCount", 0);
        }
    }
  else if (g_str_equal (kind, "updateDimensionProperties"))
    {
      JsonObject *range = json_object_get_object_member (r, "range");
      Sheet *s;

      if (!json_object_has_member (r, "fields"))
        return "fields is required";
      if (range == NULL
          || (s = find_sheet (book, json_object_get_int_member_with_default (range, "sheetId", 0)))
                 == NULL)
        return "No grid with id";
      if (apply)
        for (guint c = json_object_get_int_member_with_default (range, "startIndex", 0);
             c < (guint) json_object_get_int_member_with_default (range, "endIndex", s->cols); c++)
          g_array_append_val (s->hidden_cols, c);
    }
  else if (g_str_equal (kind, "createDeveloperMetadata"))
    {
      JsonObject *dm = json_object_get_object_member (r, "developerMetadata");
      JsonObject *loc = dm && json_object_has_member (dm, "location")
                            ? json_object_get_object_member (dm, "location")
                            : NULL;
      Meta *m;

      if (dm == NULL || !json_object_has_member (dm, "metadataKey") || loc == NULL
          || !json_object_has_member (dm, "visibility"))
        return "developerMetadata needs a key, a location and a visibility";
      if (json_object_has_member (loc, "dimensionRange"))
        {
          JsonObject *dr = json_object_get_object_member (loc, "dimensionRange");
          Sheet *s = find_sheet (book, json_object_get_int_member_with_default (dr, "sheetId", 0));

          if (s == NULL)
            return "No grid with id";
          if (json_object_get_int_member_with_default (dr, "endIndex", 0) > s->rows)
            return "Range exceeds grid limits";
        }
      if (!apply)
        return NULL;
      m = g_new0 (Meta, 1);
      m->id = ++self->next_meta;
      m->key = g_strdup (json_object_get_string_member (dm, "metadataKey"));
      m->value = g_strdup (json_object_get_string_member_with_default (dm, "metadataValue", ""));
      m->sheet_id = -1;
      if (json_object_has_member (loc, "dimensionRange"))
        {
          JsonObject *dr = json_object_get_object_member (loc, "dimensionRange");

          m->sheet_id = json_object_get_int_member_with_default (dr, "sheetId", 0);
          m->start = json_object_get_int_member_with_default (dr, "startIndex", 0);
          m->end = json_object_get_int_member_with_default (dr, "endIndex", m->start + 1);
        }
      g_ptr_array_add (book->meta, m);
      json_builder_set_member_name (reply, "createDeveloperMetadata");
      json_builder_begin_object (reply);
      json_builder_set_member_name (reply, "developerMetadata");
      json_builder_begin_object (reply);
      json_builder_set_member_name (reply, "metadataId");
      json_builder_add_int_value (reply, m->id);
      json_builder_end_object (reply);
      json_builder_end_object (reply);
    }
  else
    return "a request kind this stand-in does not implement";
  return NULL;
}

static void
sheets_batch_update (OutlayFakeGoogle *self, SoupServerMessage *msg, Book *book, JsonObject *body)
{
  JsonArray *requests = json_object_has_member (body, "requests")
                            ? json_object_get_array_member (body, "requests")
                            : NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) answer = NULL;

  for (guint i = 0; requests && i < json_array_get_length (requests); i++)
    {
      const char *why = batch_request (self, book, json_array_get_object_element (requests, i),
                                       FALSE, NULL);

      if (why)
        {
          g_autofree char *message = g_strdup_printf ("Invalid requests[%u]: %s", i, why);

          if (g_str_has_prefix (why, "No grid"))
            google_error (msg, 400, "INVALID_ARGUMENT", message);
          else
            invalid (self, msg, message);
          return;
        }
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "spreadsheetId");
  json_builder_add_string_value (b, book->id);
  json_builder_set_member_name (b, "replies");
  json_builder_begin_array (b);
  for (guint i = 0; requests && i < json_array_get_length (requests); i++)
    {
      json_builder_begin_object (b);
      batch_request (self, book, json_array_get_object_element (requests, i), TRUE, b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  touch (book);
  answer = json_builder_get_root (b);
  respond_node (msg, answer);
}

static void
values_update (OutlayFakeGoogle *self, SoupServerMessage *msg, Book *book, JsonObject *body)
{
  JsonArray *data = json_object_has_member (body, "data")
                        ? json_object_get_array_member (body, "data")
                        : NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) answer = NULL;
  guint cells = 0, rows = 0;

  if (!json_object_has_member (body, "valueInputOption"))
    {
      invalid (self, msg, "'valueInputOption' is required but not specified");
      return;
    }
  /* check every range before writing any */
  for (guint i = 0; data && i < json_array_get_length (data); i++)
    {
      JsonObject *d = json_array_get_object_element (data, i);
      JsonObject *f = json_object_has_member (d, "dataFilter")
                          ? json_object_get_object_member (d, "dataFilter")
                          : NULL;
      Sheet *s;
      guint r0, r1, c0, c1;
      const char *why;

      if (f == NULL || !json_object_has_member (f, "gridRange"))
        {
          invalid (self, msg, "this stand-in takes gridRange data filters only");
          return;
        }
      if ((why = grid_range (book, json_object_get_object_member (f, "gridRange"), &s, &r0, &r1,
                             &c0, &c1)))
        {
          google_error (msg, 400, "INVALID_ARGUMENT", why);
          return;
        }
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "spreadsheetId");
  json_builder_add_string_value (b, book->id);
  json_builder_set_member_name (b, "responses");
  json_builder_begin_array (b);
  for (guint i = 0; data && i < json_array_get_length (data); i++)
    {
      JsonObject *d = json_array_get_object_element (data, i);
      JsonObject *gr = json_object_get_object_member (
          json_object_get_object_member (d, "dataFilter"), "gridRange");
      JsonArray *values = json_object_has_member (d, "values")
                              ? json_object_get_array_member (d, "values")
                              : NULL;
      Sheet *s;
      guint r0, r1, c0, c1, n = 0;
      g_autofree char *a1 = NULL;

      grid_range (book, gr, &s, &r0, &r1, &c0, &c1);
      for (guint r = 0; values && r < json_array_get_length (values) && r0 + r < r1; r++)
        {
          JsonArray *row = json_array_get_array_element (values, r);

          for (guint c = 0; c < json_array_get_length (row) && c0 + c < c1; c++)
            {
              JsonNode *v = json_array_get_element (row, c);

              if (JSON_NODE_HOLDS_NULL (v))
                continue; /* null leaves the cell as it is */
              set_value (cell_at (s, r0 + r, c0 + c, TRUE), v);
              n++;
            }
          rows++;
        }
      cells += n;
      a1 = a1_of (s, r0, r1, c0, c1);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "updatedRange");
      json_builder_add_string_value (b, a1);
      json_builder_set_member_name (b, "updatedCells");
      json_builder_add_int_value (b, n);
      json_builder_set_member_name (b, "dataFilter");
      json_builder_add_value (b, json_node_copy (json_object_get_member (d, "dataFilter")));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "totalUpdatedRows");
  json_builder_add_int_value (b, rows);
  json_builder_set_member_name (b, "totalUpdatedCells");
  json_builder_add_int_value (b, cells);
  json_builder_end_object (b);
  touch (book);
  answer = json_builder_get_root (b);
  respond_node (msg, answer);
}

static void
values_get (OutlayFakeGoogle *self, SoupServerMessage *msg, Book *book, JsonObject *body)
{
  JsonArray *filters = json_object_has_member (body, "dataFilters")
                           ? json_object_get_array_member (body, "dataFilters")
                           : NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) answer = NULL;
  const char *render = json_object_get_string_member_with_default (body, "valueRenderOption",
                                                                   "FORMATTED_VALUE");
  /* FORMULA: formulas as typed, the other cells unformatted */
  gboolean formulas = g_strcmp0 (render, "FORMULA") == 0;

  if (!formulas && g_strcmp0 (render, "UNFORMATTED_VALUE") != 0)
    {
      invalid (self, msg, "this stand-in serves UNFORMATTED_VALUE and FORMULA only");
      return;
    }
  for (guint i = 0; filters && i < json_array_get_length (filters); i++)
    {
      JsonObject *f = json_array_get_object_element (filters, i);
      Sheet *s;
      guint r0, r1, c0, c1;
      const char *why;

      if (!json_object_has_member (f, "gridRange"))
        {
          invalid (self, msg, "this stand-in takes gridRange data filters only");
          return;
        }
      if ((why = grid_range (book, json_object_get_object_member (f, "gridRange"), &s, &r0, &r1,
                             &c0, &c1)))
        {
          google_error (msg, 400, "INVALID_ARGUMENT", why);
          return;
        }
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "spreadsheetId");
  json_builder_add_string_value (b, book->id);
  json_builder_set_member_name (b, "valueRanges");
  json_builder_begin_array (b);
  for (guint i = 0; filters && i < json_array_get_length (filters); i++)
    {
      JsonObject *f = json_array_get_object_element (filters, i);
      Sheet *s;
      guint r0, r1, c0, c1;
      g_autoptr (JsonArray) rows = json_array_new ();
      g_autofree char *a1 = NULL;
      guint kept = 0;

      grid_range (book, json_object_get_object_member (f, "gridRange"), &s, &r0, &r1, &c0, &c1);
      for (guint r = r0; r < r1 && r < s->grid->len; r++)
        {
          JsonArray *row = json_array_new ();
          guint last = 0;

          for (guint c = c0; c < c1; c++)
            {
              Cell *cell = cell_at (s, r, c, FALSE);
              JsonNode *v = cell == NULL ? NULL
                            : formulas && cell->formula
                                ? json_node_init_string (json_node_alloc (), cell->formula)
                                : eval_cell (s, cell, 0);

              json_array_add_element (row, v ? v : json_node_init_string (json_node_alloc (), ""));
              if (v)
                last = c - c0 + 1;
            }
          /* trailing empty cells are dropped */
          while (json_array_get_length (row) > last)
            json_array_remove_element (row, json_array_get_length (row) - 1);
          json_array_add_array_element (rows, row);
          if (last > 0)
            kept = json_array_get_length (rows);
        }
      /* and trailing empty rows */
      while (json_array_get_length (rows) > kept)
        json_array_remove_element (rows, json_array_get_length (rows) - 1);
      a1 = a1_of (s, r0, r1, c0, c1);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "valueRange");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "range");
      json_builder_add_string_value (b, a1);
      json_builder_set_member_name (b, "majorDimension");
      json_builder_add_string_value (b, "ROWS");
      if (json_array_get_length (rows) > 0)
        {
          json_builder_set_member_name (b, "values");
          json_builder_add_value (b, json_node_init_array (json_node_alloc (), rows));
        }
      json_builder_end_object (b);
      json_builder_set_member_name (b, "dataFilters");
      json_builder_begin_array (b);
      json_builder_add_value (b, json_node_copy (json_array_get_element (filters, i)));
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  answer = json_builder_get_root (b);
  respond_node (msg, answer);
}

static void
metadata_search (OutlayFakeGoogle *self, SoupServerMessage *msg, Book *book, JsonObject *body)
{
  JsonArray *filters = json_object_has_member (body, "dataFilters")
                           ? json_object_get_array_member (body, "dataFilters")
                           : NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) answer = NULL;
  gboolean any = FALSE;

  json_builder_begin_object (b);
  for (guint i = 0; filters && i < json_array_get_length (filters); i++)
    {
      JsonObject *f = json_array_get_object_element (filters, i);
      JsonObject *lookup = json_object_has_member (f, "developerMetadataLookup")
                               ? json_object_get_object_member (f, "developerMetadataLookup")
                               : NULL;
      const char *key = lookup ? json_object_get_string_member_with_default (lookup, "metadataKey",
                                                                             NULL)
                               : NULL;

      if (key == NULL)
        {
          invalid (self, msg, "this stand-in searches by metadataKey only");
          return;
        }
      for (guint j = 0; j < book->meta->len; j++)
        {
          Meta *m = g_ptr_array_index (book->meta, j);

          if (!g_str_equal (m->key, key))
            continue;
          if (!any)
            {
              json_builder_set_member_name (b, "matchedDeveloperMetadata");
              json_builder_begin_array (b);
              any = TRUE;
            }
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "developerMetadata");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "metadataId");
          json_builder_add_int_value (b, m->id);
          json_builder_set_member_name (b, "metadataKey");
          json_builder_add_string_value (b, m->key);
          json_builder_set_member_name (b, "metadataValue");
          json_builder_add_string_value (b, m->value);
          json_builder_set_member_name (b, "location");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "locationType");
          json_builder_add_string_value (b, m->sheet_id < 0 ? "SPREADSHEET" : "ROW");
          if (m->sheet_id < 0)
            {
              json_builder_set_member_name (b, "spreadsheet");
              json_builder_add_boolean_value (b, TRUE);
            }
          else
            {
              json_builder_set_member_name (b, "dimensionRange");
              json_builder_begin_object (b);
              json_builder_set_member_name (b, "sheetId");
              json_builder_add_int_value (b, m->sheet_id);
              json_builder_set_member_name (b, "dimension");
              json_builder_add_string_value (b, "ROWS");
              json_builder_set_member_name (b, "startIndex");
              json_builder_add_int_value (b, m->start);
              json_builder_set_member_name (b, "endIndex");
              json_builder_add_int_value (b, m->end);
              json_builder_end_object (b);
            }
          json_builder_end_object (b);
          json_builder_set_member_name (b, "visibility");
          json_builder_add_string_value (b, "DOCUMENT");
          json_builder_end_object (b);
          json_builder_end_object (b);
        }
    }
  if (any)
    json_builder_end_array (b);
  json_builder_end_object (b);
  answer = json_builder_get_root (b);
  respond_node (msg, answer);
}

static void
drive_get (OutlayFakeGoogle *self, SoupServerMessage *msg, const char *id, GPtrArray *q)
{
  Book *book = find_book (self, id);
  const char *fields = pair_get (q, "fields");
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GDateTime) dt = NULL;
  g_autofree char *modified = NULL;

  if (book == NULL)
    {
      g_autofree char *body = g_strdup_printf (
          "{\"error\":{\"code\":404,\"message\":\"File not found: %s.\",\"errors\":[{\"message\":"
          "\"File not found: %s.\",\"domain\":\"global\",\"reason\":\"notFound\",\"location\":"
          "\"fileId\",\"locationType\":\"parameter\"}]}}",
          id, id);

      respond (msg, 404, body);
      return;
    }
  if (fields == NULL)
    {
      invalid (self, msg, "Outlay must ask for fields (Drive returns only kind,id,name,mimeType)");
      return;
    }
  dt = g_date_time_new_from_unix_utc (book->modified / G_USEC_PER_SEC);
  modified = g_date_time_format_iso8601 (dt);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, book->id);
  if (strstr (fields, "name"))
    {
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, book->title);
    }
  if (strstr (fields, "modifiedTime"))
    {
      json_builder_set_member_name (b, "modifiedTime");
      json_builder_add_string_value (b, modified);
    }
  if (strstr (fields, "version"))
    {
      g_autofree char *v = g_strdup_printf ("%" G_GINT64_FORMAT, book->version);

      json_builder_set_member_name (b, "version");
      json_builder_add_string_value (b, v);
    }
  if (strstr (fields, "trashed"))
    {
      json_builder_set_member_name (b, "trashed");
      json_builder_add_boolean_value (b, FALSE);
    }
  json_builder_end_object (b);
  answer = json_builder_get_root (b);
  respond_node (msg, answer);
}

/* ---- OAuth ---------------------------------------------------------------- */

static void
oauth_error (SoupServerMessage *msg, guint status, const char *error, const char *description)
{
  g_autofree char *body = g_strdup_printf ("{\"error\":\"%s\",\"error_description\":\"%s\"}", error,
                                           description);

  respond (msg, status, body);
}

static void
oauth_authorize (OutlayFakeGoogle *self, SoupServerMessage *msg, GPtrArray *q)
{
  const char *redirect = pair_get (q, "redirect_uri");
  const char *state = pair_get (q, "state");
  g_autofree char *location = NULL;
  g_autofree char *code = NULL;
  Code *c;

  if (g_strcmp0 (pair_get (q, "client_id"), OUTLAY_FAKE_GOOGLE_CLIENT_ID) != 0
      || g_strcmp0 (pair_get (q, "response_type"), "code") != 0 || redirect == NULL
      || !g_str_has_prefix (redirect, "http://127.0.0.1:")
      || g_strcmp0 (pair_get (q, "scope"), "https://www.googleapis.com/auth/drive.file") != 0
      || g_strcmp0 (pair_get (q, "code_challenge_method"), "S256") != 0
      || pair_get (q, "code_challenge") == NULL || strlen (pair_get (q, "code_challenge")) != 43
      || state == NULL)
    {
      self->invalid++;
      g_message ("invalid authorization request");
      soup_server_message_set_status (msg, 400, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                        "<html>Error 400: invalid_request</html>", 38);
      return;
    }
  if (self->deny)
    location = g_strdup_printf ("%s?error=access_denied&state=%s", redirect, state);
  else
    {
      g_autofree char *escaped_state = NULL;

      code = new_token (self, "4/0Afake");
      c = g_new0 (Code, 1);
      c->challenge = g_strdup (pair_get (q, "code_challenge"));
      c->redirect_uri = g_strdup (redirect);
      g_hash_table_replace (self->codes, g_strdup (code), c);
      escaped_state = g_uri_escape_string (self->wrong_state ? "forged" : state, NULL, FALSE);
      location = g_strdup_printf (
          "%s?state=%s&code=%s&scope=https%%3A%%2F%%2Fwww.googleapis.com%%2Fauth%%2Fdrive.file",
          redirect, escaped_state, code);
    }
  soup_server_message_set_redirect (msg, 302, location);
}

static void
issue_tokens (OutlayFakeGoogle *self,
              SoupServerMessage *msg,
              const char *refresh,
              gboolean with_refresh)
{
  g_autofree char *access = new_token (self, "ya29.fake");
  g_autofree char *body = NULL;
  gint64 *expiry = g_new (gint64, 1);

  *expiry = g_get_real_time () + (gint64) self->token_lifetime * G_USEC_PER_SEC;
  g_hash_table_replace (self->access_tokens, g_strdup (access), expiry);
  if (with_refresh)
    body = g_strdup_printf ("{\"access_token\":\"%s\",\"expires_in\":%u,\"token_type\":\"Bearer\","
                            "\"scope\":\"https://www.googleapis.com/auth/drive.file\","
                            "\"refresh_token\":\"%s\"}",
                            access, self->token_lifetime, refresh);
  else
    body = g_strdup_printf ("{\"access_token\":\"%s\",\"expires_in\":%u,\"token_type\":\"Bearer\","
                            "\"scope\":\"https://www.googleapis.com/auth/drive.file\"}",
                            access, self->token_lifetime);
  respond (msg, 200, body);
}

static void
oauth_token (OutlayFakeGoogle *self, SoupServerMessage *msg, GPtrArray *form)
{
  const char *grant = pair_get (form, "grant_type");
  SoupMessageHeaders *h = soup_server_message_get_request_headers (msg);

  if (g_strcmp0 (soup_message_headers_get_content_type (h, NULL),
                 "application/x-www-form-urlencoded")
      != 0)
    {
      self->invalid++;
      oauth_error (msg, 400, "invalid_request", "The body must be form-encoded");
      return;
    }
  if (g_strcmp0 (pair_get (form, "client_id"), OUTLAY_FAKE_GOOGLE_CLIENT_ID) != 0
      || g_strcmp0 (pair_get (form, "client_secret"), OUTLAY_FAKE_GOOGLE_CLIENT_SECRET) != 0)
    {
      oauth_error (msg, 401, "invalid_client", "Unauthorized");
      return;
    }
  if (g_strcmp0 (grant, "authorization_code") == 0)
    {
      const char *code = pair_get (form, "code");
      const char *verifier = pair_get (form, "code_verifier");
      Code *c = code ? g_hash_table_lookup (self->codes, code) : NULL;
      guint8 digest[32];
      gsize len = sizeof digest;
      g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
      g_autofree char *challenge = NULL;
      g_autofree char *refresh = NULL;

      if (c == NULL || verifier == NULL)
        {
          oauth_error (msg, 400, "invalid_grant", "Bad Request");
          return;
        }
      g_checksum_update (sum, (const guchar *) verifier, -1);
      g_checksum_get_digest (sum, digest, &len);
      challenge = base64url (digest, len);
      if (!g_str_equal (challenge, c->challenge)
          || g_strcmp0 (pair_get (form, "redirect_uri"), c->redirect_uri) != 0)
        {
          g_hash_table_remove (self->codes, code);
          oauth_error (msg, 400, "invalid_grant", "Bad Request");
          return;
        }
      g_hash_table_remove (self->codes, code); /* a code works once */
      refresh = new_token (self, "1//0gfake");
      g_hash_table_add (self->refresh_tokens, g_strdup (refresh));
      issue_tokens (self, msg, refresh, TRUE);
      return;
    }
  if (g_strcmp0 (grant, "refresh_token") == 0)
    {
      const char *refresh = pair_get (form, "refresh_token");

      if (refresh == NULL || !g_hash_table_contains (self->refresh_tokens, refresh))
        {
          oauth_error (msg, 400, "invalid_grant", "Token has been expired or revoked.");
          return;
        }
      issue_tokens (self, msg, refresh, FALSE);
      return;
    }
  self->invalid++;
  oauth_error (msg, 400, "unsupported_grant_type", "Invalid grant_type");
}

static void
oauth_revoke (OutlayFakeGoogle *self, SoupServerMessage *msg, GPtrArray *form)
{
  const char *token = pair_get (form, "token");

  if (token && g_hash_table_remove (self->refresh_tokens, token))
    {
      g_hash_table_remove_all (self->access_tokens);
      respond (msg, 200, "{}");
      return;
    }
  if (token && g_hash_table_remove (self->access_tokens, token))
    {
      respond (msg, 200, "{}");
      return;
    }
  oauth_error (msg, 400, "invalid_token", "Token expired or revoked");
}

/* ---- dispatch ---------------------------------------------------------- */

static gboolean
authorized (OutlayFakeGoogle *self, SoupServerMessage *msg)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");
  gint64 *expiry;

  if (auth == NULL)
    {
      self->invalid++;
      google_error (msg, 403, "PERMISSION_DENIED",
                    "Method doesn't allow unregistered callers (callers without established "
                    "identity). Please use API Key or other form of API consumer identity to call "
                    "this API.");
      return FALSE;
    }
  if (!g_str_has_prefix (auth, "Bearer ")
      || (expiry = g_hash_table_lookup (self->access_tokens, auth + 7)) == NULL
      || *expiry < g_get_real_time ())
    {
      google_error (msg, 401, "UNAUTHENTICATED",
                    "Request had invalid authentication credentials. Expected OAuth 2 access "
                    "token, login cookie or other valid authentication credential.");
      return FALSE;
    }
  return TRUE;
}

static void
reset_connection (SoupServerMessage *msg)
{
  static const char head[] = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                             "4096\r\n\r\n{\"spreadsheetId\":\"1";
  g_autoptr (GIOStream) stream = soup_server_message_steal_connection (msg);

  g_output_stream_write_all (g_io_stream_get_output_stream (stream), head, sizeof head - 1, NULL,
                             NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

/* Faults that answer instead of the service; SLOW and RESET are applied
 * after the request ran (see the header) */
static gboolean
early_fault (SoupServerMessage *msg, OutlayFakeFault fault)
{
  switch (fault)
    {
      case OUTLAY_FAKE_429_RETRY_AFTER:
      case OUTLAY_FAKE_429_RETRY_INFO:
      case OUTLAY_FAKE_429_RATE_RESET:
      case OUTLAY_FAKE_429_DAILY:
        respond (msg, 429,
                 "{\"error\":{\"code\":429,\"message\":\"Quota exceeded for quota metric 'Write "
                 "requests' and limit 'Write requests per minute per user' of service "
                 "'sheets.googleapis.com' for consumer "
                 "'project_number:123456789'.\",\"status\":\"RESOURCE_EXHAUSTED\",\"details\":[{"
                 "\"@type\":\"type.googleapis.com/"
                 "google.rpc.ErrorInfo\",\"reason\":\"RATE_LIMIT_EXCEEDED\",\"domain\":"
                 "\"googleapis.com\",\"metadata\":{\"quota_limit\":"
                 "\"WriteRequestsPerMinutePerUser\"}}]}}");
        return TRUE;
      case OUTLAY_FAKE_500:
        respond (msg, 500,
                 "{\"error\":{\"code\":500,\"message\":\"Internal error "
                 "encountered.\",\"status\":\"INTERNAL\"}}");
        return TRUE;
      case OUTLAY_FAKE_503:
        respond (msg, 503,
                 "{\"error\":{\"code\":503,\"message\":\"The service is currently "
                 "unavailable.\",\"status\":\"UNAVAILABLE\"}}");
        return TRUE;
      case OUTLAY_FAKE_NOT_JSON:
        soup_server_message_set_status (msg, 502, NULL);
        soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                          "<html><body>Bad gateway</body></html>", 37);
        return TRUE;
      default:
        return FALSE;
    }
}

static void
api_request (OutlayFakeGoogle *self, SoupServerMessage *msg, const char *path, GPtrArray *q)
{
  gboolean drive = g_str_has_prefix (path, "/drive/v3/");
  JsonObject *doc = drive ? self->drive_doc : self->sheets_doc;
  const char *method = soup_server_message_get_method (msg);
  g_autoptr (GHashTable) vars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonObject *def = find_method (json_object_get_object_member (doc, "resources"), method,
                                 path + (drive ? strlen ("/drive/v3/") : 1), vars);
  SoupMessageBody *raw = soup_server_message_get_request_body (msg);
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *body = NULL;
  const char *why;
  const char *id;
  Book *book = NULL;

  if (def == NULL)
    {
      invalid (self, msg, "no published method has this path and HTTP method");
      return;
    }
  if ((why = check_params (doc, def, q)))
    {
      invalid (self, msg, why);
      return;
    }
  if (json_object_has_member (def, "request"))
    {
      g_autoptr (GString) where = g_string_new ("body");

      if (raw->length == 0 || !json_parser_load_from_data (parser, raw->data, raw->length, NULL)
          || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          invalid (self, msg, "the body is not a JSON object");
          return;
        }
      if ((why = check_value (doc, json_object_get_object_member (def, "request"),
                              json_parser_get_root (parser), where)))
        {
          g_autofree char *message = g_strdup_printf ("Invalid JSON payload: %s %s", where->str,
                                                      why);

          invalid (self, msg, message);
          return;
        }
      body = json_node_get_object (json_parser_get_root (parser));
    }
  else if (raw->length > 0)
    {
      invalid (self, msg, "this method takes no body");
      return;
    }
  if (!authorized (self, msg))
    return;
  id = json_object_get_string_member (def, "id");
  if (g_str_equal (id, "sheets.spreadsheets.create"))
    {
      sheets_create (self, msg, body);
      return;
    }
  if (g_str_equal (id, "drive.files.get"))
    {
      drive_get (self, msg, g_hash_table_lookup (vars, "fileId"), q);
      return;
    }
  if ((book = find_book (self, g_hash_table_lookup (vars, "spreadsheetId") ?: "")) == NULL)
    {
      google_error (msg, 404, "NOT_FOUND", "Requested entity was not found.");
      return;
    }
  if (g_str_equal (id, "sheets.spreadsheets.batchUpdate"))
    sheets_batch_update (self, msg, book, body);
  else if (g_str_equal (id, "sheets.spreadsheets.values.batchUpdateByDataFilter"))
    values_update (self, msg, book, body);
  else if (g_str_equal (id, "sheets.spreadsheets.values.batchGetByDataFilter"))
    values_get (self, msg, book, body);
  else if (g_str_equal (id, "sheets.spreadsheets.developerMetadata.search"))
    metadata_search (self, msg, book, body);
  else if (g_str_equal (id, "sheets.spreadsheets.get"))
    {
      g_autoptr (JsonNode) node = book_json (self, book);

      respond_node (msg, node);
    }
  else
    google_error (msg, 501, "UNIMPLEMENTED", "This stand-in does not implement that method.");
}

/* CPU time of this thread: what the server costs, whatever else runs */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
handler (SoupServer *server,
         SoupServerMessage *msg,
         const char *path,
         GHashTable *query,
         gpointer data)
{
  OutlayFakeGoogle *self = data;
  const char *method = soup_server_message_get_method (msg);
  const char *raw_query = g_uri_get_query (soup_server_message_get_uri (msg));
  gboolean api = g_str_has_prefix (path, "/v4/") || g_str_has_prefix (path, "/drive/");
  g_autoptr (GPtrArray) q = split_query (raw_query, FALSE);
  OutlayFakeFault late = -1;
  gint64 started = thread_cpu_us ();

  g_ptr_array_add (self->log, g_strdup_printf ("%s %s%s%s", method, path, raw_query ? "?" : "",
                                               raw_query ? raw_query : ""));
  if (api)
    self->api_requests++;
  for (GList *l = self->faults.head; l; l = l->next)
    {
      Fault *f = l->data;

      if (!g_str_has_prefix (path, f->prefix))
        continue;
      g_queue_delete_link (&self->faults, l);
      if (early_fault (msg, f->fault))
        {
          fault_free (f);
          return;
        }
      late = f->fault;
      fault_free (f);
      break;
    }

  if (g_str_equal (path, "/o/oauth2/v2/auth") && g_str_equal (method, "GET"))
    oauth_authorize (self, msg, q);
  else if ((g_str_equal (path, "/token") || g_str_equal (path, "/revoke"))
           && g_str_equal (method, "POST"))
    {
      SoupMessageBody *raw = soup_server_message_get_request_body (msg);
      g_autofree char *text = g_strndup (raw->data, raw->length);
      g_autoptr (GPtrArray) form = split_query (text, TRUE);

      if (g_str_equal (path, "/token"))
        oauth_token (self, msg, form);
      else
        oauth_revoke (self, msg, form);
    }
  else if (api)
    api_request (self, msg, path, q);
  else
    {
      self->invalid++;
      google_error (msg, 404, "NOT_FOUND", "Not found");
    }
  self->busy_us += thread_cpu_us () - started;

  if (late == OUTLAY_FAKE_SLOW)
    {
      soup_server_message_pause (msg);
      g_ptr_array_add (self->paused, g_object_ref (msg));
    }
  else if (late == OUTLAY_FAKE_RESET || late == OUTLAY_FAKE_TRUNCATED)
    reset_connection (msg);
}

static JsonObject *
load_doc (const char *name, JsonParser **parser, GError **error)
{
  g_autofree char *path = g_build_filename (OUTLAY_SPECS_DIR, name, NULL);

  *parser = json_parser_new ();
  if (!json_parser_load_from_file (*parser, path, error))
    return NULL;
  return json_node_get_object (json_parser_get_root (*parser));
}

OutlayFakeGoogle *
outlay_fake_google_new (GError **error)
{
  OutlayFakeGoogle *self = g_new0 (OutlayFakeGoogle, 1);
  GSList *uris;

  g_queue_init (&self->faults);
  self->log = g_ptr_array_new_with_free_func (g_free);
  self->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) code_free);
  self->refresh_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->access_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->books = g_ptr_array_new_with_free_func ((GDestroyNotify) book_free);
  self->paused = g_ptr_array_new ();
  self->token_lifetime = 3599;
  self->server = soup_server_new ("server-header", "outlay-fake-google ", NULL);
  soup_server_add_handler (self->server, NULL, handler, self, NULL);
  if ((self->sheets_doc = load_doc ("sheets.v4.discovery.json", &self->sheets_parser, error))
          == NULL
      || (self->drive_doc = load_doc ("drive.v3.discovery.json", &self->drive_parser, error))
             == NULL
      || !soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    {
      outlay_fake_google_free (self);
      return NULL;
    }
  uris = soup_server_get_uris (self->server);
  self->base = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  if (g_str_has_suffix (self->base, "/"))
    self->base[strlen (self->base) - 1] = '\0';
  self->auth_url = g_strconcat (self->base, "/o/oauth2/v2/auth", NULL);
  self->token_url = g_strconcat (self->base, "/token", NULL);
  self->sheets_url = g_strdup (self->base);
  self->drive_url = g_strdup (self->base);
  return self;
}

void
outlay_fake_google_free (OutlayFakeGoogle *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->paused->len; i++)
    {
      SoupServerMessage *msg = g_ptr_array_index (self->paused, i);

      soup_server_message_unpause (msg);
      g_object_unref (msg);
    }
  g_ptr_array_unref (self->paused);
  if (self->server)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_object (&self->sheets_parser);
  g_clear_object (&self->drive_parser);
  g_queue_clear_full (&self->faults, (GDestroyNotify) fault_free);
  g_ptr_array_unref (self->log);
  g_hash_table_unref (self->codes);
  g_hash_table_unref (self->refresh_tokens);
  g_hash_table_unref (self->access_tokens);
  g_ptr_array_unref (self->books);
  g_free (self->base);
  g_free (self->auth_url);
  g_free (self->token_url);
  g_free (self->sheets_url);
  g_free (self->drive_url);
  g_free (self);
}

const char *
outlay_fake_google_auth_url (OutlayFakeGoogle *self)
{
  return self->auth_url;
}

const char *
outlay_fake_google_token_url (OutlayFakeGoogle *self)
{
  return self->token_url;
}

const char *
outlay_fake_google_sheets_url (OutlayFakeGoogle *self)
{
  return self->sheets_url;
}

const char *
outlay_fake_google_drive_url (OutlayFakeGoogle *self)
{
  return self->drive_url;
}

void
outlay_fake_google_setenv (OutlayFakeGoogle *self)
{
  g_setenv ("OUTLAY_OAUTH_AUTH_URL", self->auth_url, TRUE);
  g_setenv ("OUTLAY_OAUTH_TOKEN_URL", self->token_url, TRUE);
  g_setenv ("OUTLAY_SHEETS_URL", self->sheets_url, TRUE);
  g_setenv ("OUTLAY_DRIVE_URL", self->drive_url, TRUE);
  g_setenv ("OUTLAY_GOOGLE_CLIENT_ID", OUTLAY_FAKE_GOOGLE_CLIENT_ID, TRUE);
  g_setenv ("OUTLAY_GOOGLE_CLIENT_SECRET", OUTLAY_FAKE_GOOGLE_CLIENT_SECRET, TRUE);
}

void
outlay_fake_google_set_token_lifetime (OutlayFakeGoogle *self, guint seconds)
{
  self->token_lifetime = seconds;
}

void
outlay_fake_google_expire_access_tokens (OutlayFakeGoogle *self)
{
  g_hash_table_remove_all (self->access_tokens);
}

void
outlay_fake_google_set_deny (OutlayFakeGoogle *self, gboolean deny)
{
  self->deny = deny;
}

void
outlay_fake_google_set_wrong_state (OutlayFakeGoogle *self, gboolean wrong)
{
  self->wrong_state = wrong;
}

gboolean
outlay_fake_google_refresh_token_valid (OutlayFakeGoogle *self, const char *token)
{
  return token && g_hash_table_contains (self->refresh_tokens, token);
}

guint
outlay_fake_google_n_refresh_tokens (OutlayFakeGoogle *self)
{
  return g_hash_table_size (self->refresh_tokens);
}

void
outlay_fake_google_push_fault (OutlayFakeGoogle *self, const char *prefix, OutlayFakeFault fault)
{
  Fault *f = g_new0 (Fault, 1);

  f->prefix = g_strdup (prefix);
  f->fault = fault;
  g_queue_push_tail (&self->faults, f);
}

guint
outlay_fake_google_count (OutlayFakeGoogle *self, const char *needle)
{
  guint n = 0;

  for (guint i = 0; i < self->log->len; i++)
    if (strstr (g_ptr_array_index (self->log, i), needle))
      n++;
  return n;
}

guint
outlay_fake_google_total (OutlayFakeGoogle *self)
{
  return self->api_requests;
}

guint
outlay_fake_google_invalid (OutlayFakeGoogle *self)
{
  return self->invalid;
}

void
outlay_fake_google_reset_counts (OutlayFakeGoogle *self)
{
  g_ptr_array_set_size (self->log, 0);
  self->api_requests = 0;
  self->busy_us = 0;
}

gint64
outlay_fake_google_busy_us (OutlayFakeGoogle *self)
{
  return self->busy_us;
}

guint
outlay_fake_google_n_spreadsheets (OutlayFakeGoogle *self)
{
  guint n = 0;

  for (guint i = 0; i < self->books->len; i++)
    n += !((Book *) g_ptr_array_index (self->books, i))->deleted;
  return n;
}

const char *
outlay_fake_google_last_id (OutlayFakeGoogle *self)
{
  for (guint i = self->books->len; i-- > 0;)
    {
      Book *b = g_ptr_array_index (self->books, i);

      if (!b->deleted)
        return b->id;
    }
  return NULL;
}

gint64
outlay_fake_google_sheet_id (OutlayFakeGoogle *self, const char *id, guint index)
{
  Book *b = find_book (self, id);

  if (b == NULL || index >= b->sheets->len)
    return -1;
  return ((Sheet *) g_ptr_array_index (b->sheets, index))->id;
}

JsonNode *
outlay_fake_google_get_cell (OutlayFakeGoogle *self,
                             const char *id,
                             gint64 sheet_id,
                             guint row,
                             guint col)
{
  Book *b = find_book (self, id);
  Sheet *s = b ? find_sheet (b, sheet_id) : NULL;
  Cell *c = s ? cell_at (s, row, col, FALSE) : NULL;

  return c ? eval_cell (s, c, 0) : NULL;
}

guint
outlay_fake_google_used_rows (OutlayFakeGoogle *self, const char *id, gint64 sheet_id)
{
  Book *b = find_book (self, id);
  Sheet *s = b ? find_sheet (b, sheet_id) : NULL;
  guint n = 0;

  for (guint r = 0; s && r < s->grid->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (s->grid, r);

      for (guint c = 0; c < row->len; c++)
        {
          Cell *cell = g_ptr_array_index (row, c);

          if (cell && (cell->value || cell->formula))
            {
              n++;
              break;
            }
        }
    }
  return n;
}

void
outlay_fake_google_set_cell (OutlayFakeGoogle *self,
                             const char *id,
                             gint64 sheet_id,
                             guint row,
                             guint col,
                             JsonNode *value)
{
  Book *b = find_book (self, id);
  Sheet *s = b ? find_sheet (b, sheet_id) : NULL;
  Cell *c;

  g_return_if_fail (s != NULL);
  c = cell_at (s, row, col, TRUE);
  set_value (c, value);
  /* typed as a person types: "=…" is a formula */
  if (c->value != NULL && json_node_get_value_type (c->value) == G_TYPE_STRING
      && json_node_get_string (c->value)[0] == '=')
    {
      c->formula = g_strdup (json_node_get_string (c->value));
      g_clear_pointer (&c->value, json_node_unref);
    }
  touch (b);
}

/* References to rows at or below @row move by @delta, as Sheets does when
 * rows are inserted or deleted */
static void
shift_formulas (Sheet *s, guint row, int delta)
{
  for (guint r = 0; r < s->grid->len; r++)
    {
      GPtrArray *cells = g_ptr_array_index (s->grid, r);

      for (guint c = 0; c < cells->len; c++)
        {
          Cell *cell = g_ptr_array_index (cells, c);
          GString *f;

          if (cell == NULL || cell->formula == NULL)
            continue;
          f = g_string_new (NULL);
          for (const char *p = cell->formula; *p;)
            {
              guint rr, cc;
              const char *end;

              if ((p == cell->formula || !g_ascii_isalnum (p[-1])) && cell_ref (p, &rr, &cc, &end))
                {
                  char buf[8];
                  guint n = 0;

                  for (guint k = cc + 1; k > 0; k = (k - 1) / 26)
                    buf[n++] = 'A' + (k - 1) % 26;
                  buf[n] = '\0';
                  g_strreverse (buf);
                  g_string_append_printf (f, "%s%d", buf, (int) rr + 1 + (rr >= row ? delta : 0));
                  p = end;
                }
              else
                g_string_append_c (f, *p++);
            }
          g_free (cell->formula);
          cell->formula = g_string_free (f, FALSE);
        }
    }
}

static void
shift_meta (Book *b, gint64 sheet_id, guint row, int delta)
{
  for (guint i = b->meta->len; i-- > 0;)
    {
      Meta *m = g_ptr_array_index (b->meta, i);

      if (m->sheet_id != sheet_id || m->end <= row)
        continue;
      if (delta < 0 && m->start == row)
        {
          g_ptr_array_remove_index (b->meta, i); /* metadata goes with its row */
          continue;
        }
      m->start += delta;
      m->end += delta;
    }
}

void
outlay_fake_google_insert_row (OutlayFakeGoogle *self, const char *id, gint64 sheet_id, guint row)
{
  Book *b = find_book (self, id);
  Sheet *s = b ? find_sheet (b, sheet_id) : NULL;

  g_return_if_fail (s != NULL);
  cell_at (s, row, 0, TRUE);
  g_ptr_array_insert (s->grid, row, new_row ());
  s->rows++;
  shift_formulas (s, row, 1);
  shift_meta (b, sheet_id, row, 1);
  touch (b);
}

void
outlay_fake_google_delete_row (OutlayFakeGoogle *self, const char *id, gint64 sheet_id, guint row)
{
  Book *b = find_book (self, id);
  Sheet *s = b ? find_sheet (b, sheet_id) : NULL;

  g_return_if_fail (s != NULL);
  if (row < s->grid->len)
    g_ptr_array_remove_index (s->grid, row);
  s->rows--;
  shift_formulas (s, row, -1);
  shift_meta (b, sheet_id, row, -1);
  touch (b);
}

void
outlay_fake_google_rename_sheet (OutlayFakeGoogle *self,
                                 const char *id,
                                 gint64 sheet_id,
                                 const char *title)
{
  Book *b = find_book (self, id);
  Sheet *s = b ? find_sheet (b, sheet_id) : NULL;

  g_return_if_fail (s != NULL);
  g_free (s->title);
  s->title = g_strdup (title);
  touch (b);
}

void
outlay_fake_google_delete_sheet (OutlayFakeGoogle *self, const char *id, gint64 sheet_id)
{
  Book *b = find_book (self, id);
  Sheet *s = b ? find_sheet (b, sheet_id) : NULL;

  g_return_if_fail (s != NULL);
  g_ptr_array_remove (b->sheets, s);
  touch (b);
}

void
outlay_fake_google_delete_spreadsheet (OutlayFakeGoogle *self, const char *id)
{
  Book *b = find_book (self, id);

  g_return_if_fail (b != NULL);
  b->deleted = TRUE;
}

guint
outlay_fake_google_n_metadata (OutlayFakeGoogle *self, const char *id, const char *key)
{
  Book *b = find_book (self, id);
  guint n = 0;

  for (guint i = 0; b && i < b->meta->len; i++)
    n += g_str_equal (((Meta *) g_ptr_array_index (b->meta, i))->key, key);
  return n;
}
