/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-csv-reader"

/* The CSV / TSV / TXT reader: one sheet, named after the file.
 *
 * open() looks at the first chunk (256 KB) to pick the encoding (BOM,
 * the NUL pattern of UTF-16, UTF-8, else Windows-1252), the delimiter
 * (over the first 50 records) and the number style (over the first 200).
 * read_sheet() streams the file chunk by chunk through a decoder into a
 * byte-loop parser that reuses one record buffer, so memory stays bounded
 * whatever the file holds.
 *
 * Records are RFC 4180 plus what Excel writes and what people type:
 *  - quoted fields may hold delimiters, doubled quotes and line breaks
 *    (CRLF or CR inside quotes becomes LF in the text);
 *  - records end with CRLF, LF or CR;
 *  - unquoted fields are trimmed of spaces and tabs; a quote inside an
 *    unquoted field is kept as it is, as is text after a closing quote;
 *  - empty fields are left out of the row, and a record without any
 *    non-empty field (a blank line, ";;;;") is not delivered at all, as
 *    the spreadsheet readers skip rows without cells;
 *  - OutlayRow.number is the physical line on which the record starts.
 * Every cell is OUTLAY_CELL_STRING: the importer decides what a number is,
 * helped by the sniffed number style.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <string.h>

#include "outlay-error.h"
#include "outlay-workbook-private.h"

/* Fuzzing builds set a tiny odd size to hit characters cut at chunk edges;
 * at least 4, for the 3 bytes a cut character can carry over. */
#ifndef OUTLAY_CSV_CHUNK_SIZE
#define OUTLAY_CSV_CHUNK_SIZE   (256 * 1024)
#endif
#define CHUNK_SIZE              OUTLAY_CSV_CHUNK_SIZE
#define SNIFF_DELIMITER_RECORDS 50
#define SNIFF_NUMBER_RECORDS    200
#define SNIFF_MAX_GROUPS        16
/* A record may hold many fields, each under the cell limit; this keeps
 * 16,384 fields of 128 KB each from taking 2 GB. */
#define MAX_RECORD_BYTES        (64 * 1024 * 1024)
#define MAX_ROWS                ((guint64) (OUTLAY_WORKBOOK_MAX_ROWS))

typedef enum
{
  ENC_UTF8,
  ENC_UTF16LE,
  ENC_UTF16BE,
  ENC_CP1252,
} Encoding;

static const char * const encoding_names[] = {
  [ENC_UTF8] = "UTF-8",
  [ENC_UTF16LE] = "UTF-16LE",
  [ENC_UTF16BE] = "UTF-16BE",
  [ENC_CP1252] = "WINDOWS-1252",
};

typedef struct
{
  GsfInput  *input;
  char      *name;
  Encoding   encoding;
  gsf_off_t  data_start;  /* after the byte order mark */
  char       delimiter;
} CsvReader;

/* ---- decoding: raw chunks in, UTF-8 chunks out ---- */

typedef struct
{
  GsfInput   *input;
  Encoding    encoding;
  GIConv      cd;
  guint8     *raw;
  gsize       raw_len;   /* bytes in @raw */
  gsize       tail;      /* bytes at the end of @raw left for the next chunk */
  char       *out;
  gsize       out_size;
  const char *bad;       /* why the text stops being readable, or NULL */
} CsvSource;

static const char BAD_NUL[] = N_("contains a NUL character, which text files do not have");
static const char BAD_UTF8[] = N_("the text is not valid UTF-8; save the file as “CSV UTF-8” and try again");
static const char BAD_UTF16[] = N_("the text is not valid UTF-16");
static const char BAD_END[] = N_("the file ends in the middle of a character");

/* Windows-1252 0x80–0x9F; the five undefined bytes map to the C1
 * controls, as web browsers do. */
static const guint16 cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

#define ASCII_HIGH G_GUINT64_CONSTANT (0x8080808080808080)
#define ASCII_ONES G_GUINT64_CONSTANT (0x0101010101010101)

/* The length of the valid UTF-8 without NUL at the start of @s; sets
 * @incomplete when it stops at a character cut by the end of @s. */
static gsize
utf8_valid_prefix (const guint8 *s,
                   gsize         len,
                   gboolean     *incomplete)
{
  gsize i = 0;

  *incomplete = FALSE;
  while (i < len)
    {
      gunichar c;

      /* eight plain ASCII bytes, none of them NUL, at a time */
      while (i + 8 <= len)
        {
          guint64 w;

          memcpy (&w, s + i, 8);
          if (((w | ((w - ASCII_ONES) & ~w)) & ASCII_HIGH) != 0)
            break;
          i += 8;
        }
      if (i >= len)
        break;
      if (s[i] == 0)
        return i;
      if (s[i] < 0x80)
        {
          i++;
          continue;
        }
      c = g_utf8_get_char_validated ((const char *) s + i, len - i);
      if (c == (gunichar) -2)
        *incomplete = TRUE;
      if (c == (gunichar) -1 || c == (gunichar) -2)
        return i;
      i += g_utf8_skip[s[i]];
    }
  return len;
}

static gsize
decode_utf8 (CsvSource *src, gboolean at_end)
{
  gboolean incomplete;
  gsize valid = utf8_valid_prefix (src->raw, src->raw_len, &incomplete);

  if (valid < src->raw_len)
    {
      if (incomplete && !at_end)
        src->tail = src->raw_len - valid;
      else if (incomplete)
        src->bad = BAD_END;
      else
        src->bad = src->raw[valid] == 0 ? BAD_NUL : BAD_UTF8;
    }
  return valid;
}

static gsize
decode_cp1252 (CsvSource *src)
{
  char *o = src->out;

  for (gsize i = 0; i < src->raw_len; i++)
    {
      guint8 b = src->raw[i];

      if (b == 0)
        {
          src->bad = BAD_NUL;
          break;
        }
      if (b < 0x80)
        *o++ = (char) b;
      else
        o += g_unichar_to_utf8 (b < 0xA0 ? cp1252_high[b - 0x80] : b, o);
    }
  return o - src->out;
}

static gsize
decode_utf16 (CsvSource *src, gboolean at_end)
{
  char *in = (char *) src->raw, *o = src->out;
  gsize in_left = src->raw_len, out_left = src->out_size;
  const char *nul;

  if (g_iconv (src->cd, &in, &in_left, &o, &out_left) == (gsize) -1)
    {
      if (errno == EINVAL && !at_end)
        src->tail = in_left;
      else
        src->bad = errno == EINVAL ? BAD_END : BAD_UTF16;
    }
  nul = memchr (src->out, 0, o - src->out);
  if (nul != NULL)
    {
      src->bad = BAD_NUL;
      return nul - src->out;
    }
  return o - src->out;
}

static gboolean
source_init (CsvSource  *src,
             GsfInput   *input,
             Encoding    encoding,
             GError    **error)
{
  memset (src, 0, sizeof *src);
  src->input = input;
  src->encoding = encoding;
  src->cd = (GIConv) -1;
  src->raw = g_malloc (CHUNK_SIZE);
  if (encoding == ENC_UTF16LE || encoding == ENC_UTF16BE)
    {
      src->cd = g_iconv_open ("UTF-8", encoding_names[encoding]);
      if (src->cd == (GIConv) -1)
        {
          g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_FAILED,
                       _("Text in %s cannot be read on this system"), encoding_names[encoding]);
          return FALSE;
        }
    }
  if (encoding != ENC_UTF8)
    {
      /* UTF-16 grows at most 3/2, Windows-1252 at most 3 times */
      src->out_size = CHUNK_SIZE * 3 + 8;
      src->out = g_malloc (src->out_size);
    }
  return TRUE;
}

static void
source_clear (CsvSource *src)
{
  if (src->cd != (GIConv) -1)
    g_iconv_close (src->cd);
  g_free (src->raw);
  g_free (src->out);
}

/* The next chunk of UTF-8 text, valid and without NUL, in @data (owned by
 * @src, valid until the next call). FALSE at the end of the input, when
 * the text stopped being readable (@src->bad) or with @error set. */
static gboolean
source_next (CsvSource   *src,
             const char **data,
             gsize       *len,
             const char  *name,
             GError     **error)
{
  gsf_off_t remaining = gsf_input_remaining (src->input);
  gsize want;

  if (src->bad != NULL)
    return FALSE;
  memmove (src->raw, src->raw + src->raw_len - src->tail, src->tail);
  src->raw_len = src->tail;
  src->tail = 0;
  want = (gsize) MIN ((gsf_off_t) (CHUNK_SIZE - src->raw_len), remaining);
  if (want == 0)
    {
      if (src->raw_len > 0)
        src->bad = BAD_END;
      return FALSE;
    }
  if (gsf_input_read (src->input, want, src->raw + src->raw_len) == NULL)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_FAILED,
                   _("“%s” could not be read to the end"), name);
      return FALSE;
    }
  src->raw_len += want;
  switch (src->encoding)
    {
    case ENC_UTF8:
      *len = decode_utf8 (src, (gsf_off_t) want == remaining);
      *data = (const char *) src->raw;
      break;
    case ENC_CP1252:
      *len = decode_cp1252 (src);
      *data = src->out;
      break;
    case ENC_UTF16LE:
    case ENC_UTF16BE:
    default:
      *len = decode_utf16 (src, (gsf_off_t) want == remaining);
      *data = src->out;
      break;
    }
  return TRUE;
}

/* ---- parsing: UTF-8 chunks in, records out ---- */

typedef struct _CsvParser CsvParser;

/* Return FALSE to stop; set @error too to fail. */
typedef gboolean (*CsvRecordFunc) (CsvParser       *parser,
                                   const OutlayRow *row,
                                   gpointer         user_data,
                                   GError         **error);

typedef enum
{
  S_FIELD_START,
  S_UNQUOTED,
  S_QUOTED,
  S_QUOTE_SEEN,   /* a quote inside a quoted field: closing or doubled */
} CsvState;

struct _CsvParser
{
  const char    *name;
  char           delimiter;
  guint8         stops[256];    /* bytes that end an unquoted run */
  CsvState       state;
  gboolean       pending_cr;    /* a CR was the last byte: skip a LF */
  gboolean       stopped;       /* the record func asked to stop */
  guint64        line;          /* the physical line being read, 1-based */
  guint64        record_line;
  guint64        quote_line;
  char          *buf;           /* the record's non-empty fields, NUL-terminated */
  gsize          len;
  gsize          alloc;
  gsize          field_start;
  gsize          trim_floor;    /* trailing blanks are trimmed down to here */
  guint          n_fields;      /* fields ended in this record, empty ones too */
  guint          n_cells;
  guint          cells_alloc;
  OutlayCell    *cells;
  gsize         *offsets;       /* of each cell's text in @buf */
  CsvRecordFunc  func;
  gpointer       user_data;
};

static void
parser_init (CsvParser     *p,
             const char    *name,
             char           delimiter,
             CsvRecordFunc  func,
             gpointer       user_data)
{
  memset (p, 0, sizeof *p);
  p->name = name;
  p->delimiter = delimiter;
  p->stops[(guint8) delimiter] = 1;
  p->stops['\n'] = 1;
  p->stops['\r'] = 1;
  p->state = S_FIELD_START;
  p->line = p->record_line = 1;
  p->alloc = 4096;
  p->buf = g_malloc (p->alloc);
  p->func = func;
  p->user_data = user_data;
}

static void
parser_clear (CsvParser *p)
{
  g_free (p->buf);
  g_free (p->cells);
  g_free (p->offsets);
}

static guint
line_for_message (guint64 line)
{
  return (guint) MIN (line, (guint64) G_MAXUINT);
}

static G_GNUC_NO_INLINE gboolean
parser_grow (CsvParser  *p,
             gsize       n,
             GError    **error)
{
  if (p->len - p->field_start + n > OUTLAY_WORKBOOK_MAX_CELL_BYTES)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_TOO_LARGE,
                   _("“%s”, line %u, column %u: the text is longer than 32,767 characters"),
                   p->name, line_for_message (p->record_line), p->n_fields + 1);
      return FALSE;
    }
  if (p->len + n + 1 > MAX_RECORD_BYTES)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_TOO_LARGE,
                   _("“%s”, line %u: the record is longer than 64 MB"),
                   p->name, line_for_message (p->record_line));
      return FALSE;
    }
  while (p->len + n + 1 > p->alloc)
    p->alloc *= 2;
  p->buf = g_realloc (p->buf, p->alloc);
  return TRUE;
}

/* Adds @n bytes to the current field, keeping room for its NUL. */
static inline gboolean
parser_append (CsvParser   *p,
               const char  *s,
               gsize        n,
               GError     **error)
{
  if (G_UNLIKELY (p->len - p->field_start + n > OUTLAY_WORKBOOK_MAX_CELL_BYTES
                  || p->len + n + 1 > p->alloc))
    {
      if (!parser_grow (p, n, error))
        return FALSE;
    }
  memcpy (p->buf + p->len, s, n);
  p->len += n;
  return TRUE;
}

static void
parser_add_cell (CsvParser *p,
                 gsize      length)
{
  OutlayCell *cell;

  if (p->n_cells == p->cells_alloc)
    {
      p->cells_alloc = MAX (16, p->cells_alloc * 2);
      p->cells = g_renew (OutlayCell, p->cells, p->cells_alloc);
      p->offsets = g_renew (gsize, p->offsets, p->cells_alloc);
    }
  cell = &p->cells[p->n_cells];
  memset (cell, 0, sizeof *cell);
  cell->column = p->n_fields;
  cell->kind = OUTLAY_CELL_STRING;
  cell->length = length;
  cell->span = 1;
  p->offsets[p->n_cells++] = p->field_start;
}

static gboolean
parser_end_field (CsvParser  *p,
                  GError    **error)
{
  gsize length;

  if (p->n_fields >= OUTLAY_WORKBOOK_MAX_COLUMNS)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_TOO_LARGE,
                   _("“%s”, line %u: the record has more than 16,384 columns"),
                   p->name, line_for_message (p->record_line));
      return FALSE;
    }
  while (p->len > p->trim_floor && (p->buf[p->len - 1] == ' ' || p->buf[p->len - 1] == '\t'))
    p->len--;
  length = p->len - p->field_start;
  if (length > 0)
    {
      parser_add_cell (p, length);
      p->buf[p->len++] = '\0';
    }
  p->n_fields++;
  p->field_start = p->trim_floor = p->len;
  p->state = S_FIELD_START;
  return TRUE;
}

static gboolean
parser_emit (CsvParser  *p,
             GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  OutlayRow row;

  if (p->record_line > MAX_ROWS)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_TOO_LARGE,
                   _("“%s”: the file has more than 16,777,216 lines"), p->name);
      return FALSE;
    }
  for (guint i = 0; i < p->n_cells; i++)
    p->cells[i].text = p->buf + p->offsets[i];
  row.number = (guint) p->record_line;
  row.n_cells = p->n_cells;
  row.cells = p->cells;
  if (p->func (p, &row, p->user_data, &local_error))
    return TRUE;
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    p->stopped = TRUE;
  return FALSE;
}

/* Ends the field and the record at a line break @c (or at the end). */
static gboolean
parser_end_record (CsvParser  *p,
                   char        c,
                   GError    **error)
{
  if (!parser_end_field (p, error))
    return FALSE;
  if (p->n_cells > 0 && !parser_emit (p, error))
    return FALSE;
  p->len = p->field_start = p->trim_floor = 0;
  p->n_fields = p->n_cells = 0;
  p->line++;
  p->record_line = p->line;
  p->pending_cr = c == '\r';
  return TRUE;
}

static const char *
parser_field_start (CsvParser  *p,
                    const char *s,
                    const char *end)
{
  while (s < end && (*s == ' ' || *s == '\t') && *s != p->delimiter)
    s++;
  if (s == end)
    return s;
  if (*s == '"')
    {
      p->state = S_QUOTED;
      p->quote_line = p->line;
      return s + 1;
    }
  p->state = S_UNQUOTED;
  return s;
}

static gboolean
parser_unquoted (CsvParser   *p,
                 const char **sp,
                 const char  *end,
                 GError     **error)
{
  const char *s = *sp, *q = s;
  char c;

  while (q < end && !p->stops[(guint8) *q])
    q++;
  if (!parser_append (p, s, q - s, error))
    return FALSE;
  *sp = q;
  if (q == end)
    return TRUE;
  c = *q;
  *sp = q + 1;
  if (c == p->delimiter)
    return parser_end_field (p, error);
  return parser_end_record (p, c, error);
}

static gboolean
parser_quoted (CsvParser   *p,
               const char **sp,
               const char  *end,
               GError     **error)
{
  const char *s = *sp, *q = s;

  while (q < end && *q != '"' && *q != '\n' && *q != '\r')
    q++;
  if (!parser_append (p, s, q - s, error))
    return FALSE;
  *sp = q;
  if (q == end)
    return TRUE;
  *sp = q + 1;
  if (*q == '"')
    {
      p->state = S_QUOTE_SEEN;
      return TRUE;
    }
  /* a line break inside the quotes: LF in the text whatever the file has */
  p->line++;
  p->pending_cr = *q == '\r';
  return parser_append (p, "\n", 1, error);
}

/* FALSE when the record func stopped (@p->stopped) or failed (@error). */
static gboolean
parser_feed (CsvParser   *p,
             const char  *data,
             gsize        n,
             GError     **error)
{
  const char *s = data, *end = data + n;
  gboolean ok = TRUE;

  while (ok && s < end)
    {
      if (G_UNLIKELY (p->pending_cr))
        {
          p->pending_cr = FALSE;
          if (*s == '\n')
            {
              s++;
              continue;
            }
        }
      switch (p->state)
        {
        case S_FIELD_START:
          s = parser_field_start (p, s, end);
          break;
        case S_UNQUOTED:
          ok = parser_unquoted (p, &s, end, error);
          break;
        case S_QUOTED:
          ok = parser_quoted (p, &s, end, error);
          break;
        case S_QUOTE_SEEN:
        default:
          if (*s == '"')
            {
              ok = parser_append (p, s++, 1, error);
              p->state = S_QUOTED;
            }
          else
            {
              /* closed: what follows is kept as unquoted text */
              p->state = S_UNQUOTED;
              p->trim_floor = p->len;
            }
          break;
        }
    }
  return ok;
}

/* At the end of the input: the last record may lack its line break. */
static gboolean
parser_finish (CsvParser  *p,
               GError    **error)
{
  if (p->state == S_QUOTED)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_FILE,
                   _("“%s”, line %u: a quoted field starts here but its closing quote is missing"),
                   p->name, line_for_message (p->quote_line));
      return FALSE;
    }
  if (p->state == S_QUOTE_SEEN)
    p->trim_floor = p->len;
  if (p->state == S_FIELD_START && p->n_fields == 0)
    return TRUE;
  return parser_end_record (p, '\n', error) || p->stopped;
}

/* ---- sniffing ---- */

typedef struct
{
  guint counts[SNIFF_DELIMITER_RECORDS];
  guint n;
} FieldCounts;

static gboolean
count_fields_cb (CsvParser       *p,
                 const OutlayRow *row,
                 gpointer         user_data,
                 GError         **error)
{
  FieldCounts *fc = user_data;

  fc->counts[fc->n++] = p->n_fields;
  return fc->n < SNIFF_DELIMITER_RECORDS;
}

/* Runs a parser over the sniffed text; errors only end the sniffing. */
static void
sniff_parse (const char    *text,
             gsize          len,
             gboolean       complete,
             char           delimiter,
             CsvRecordFunc  func,
             gpointer       user_data)
{
  CsvParser p;

  parser_init (&p, "", delimiter, func, user_data);
  if (parser_feed (&p, text, len, NULL) && complete)
    parser_finish (&p, NULL);
  parser_clear (&p);
}

/* The share of records having the most common field count (@mode). */
static double
delimiter_consistency (const char *text,
                       gsize       len,
                       gboolean    complete,
                       char        delimiter,
                       guint      *mode)
{
  FieldCounts fc = { { 0 }, 0 };
  guint best = 0;

  sniff_parse (text, len, complete, delimiter, count_fields_cb, &fc);
  *mode = 0;
  for (guint i = 0; i < fc.n; i++)
    {
      guint same = 0;

      for (guint j = 0; j < fc.n; j++)
        same += fc.counts[j] == fc.counts[i];
      if (same > best || (same == best && fc.counts[i] > *mode))
        {
          best = same;
          *mode = fc.counts[i];
        }
    }
  return *mode > 1 ? (double) best / fc.n : 0;
}

static char
sniff_delimiter (const char *text,
                 gsize       len,
                 gboolean    complete)
{
  static const char candidates[] = { ',', ';', '\t', '|' };
  double best = 0;
  guint best_mode = 0;
  char delimiter = ',';

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      guint mode;
      double score = delimiter_consistency (text, len, complete, candidates[i], &mode);

      if (score > best || (score == best && score > 0 && mode > best_mode))
        {
          best = score;
          best_mode = mode;
          delimiter = candidates[i];
        }
    }
  return delimiter;
}

typedef struct
{
  guint point;
  guint comma;
  guint records;
} NumberVotes;

static gboolean
is_number_junk (guint8 c)
{
  /* signs, brackets, currency symbols, percent and (non-breaking) spaces */
  return c == ' ' || c == '+' || c == '-' || c == '(' || c == ')' || c == '$'
         || c == '%' || c >= 0x80;
}

/* Splits the digits of a number into groups; FALSE when @s..@e is not
 * digits and separators (". , ' space", or a multibyte space). */
static gboolean
split_number (const guint8 *s,
              const guint8 *e,
              guint        *groups,
              char         *seps,
              guint        *n_seps,
              guint        *digits)
{
  *n_seps = *digits = 0;
  for (; s < e; s++)
    {
      char sep;

      if (g_ascii_isdigit (*s))
        {
          (*digits)++;
          continue;
        }
      if (*s >= 0x80 && *digits == 0 && *n_seps > 0 && seps[*n_seps - 1] == ' ')
        continue; /* the rest of a multibyte space */
      if (*digits == 0 || *n_seps == SNIFF_MAX_GROUPS)
        return FALSE;
      if (*s == '.' || *s == ',')
        sep = (char) *s;
      else if (*s == ' ' || *s == '\'' || *s >= 0x80)
        sep = ' ';
      else
        return FALSE;
      groups[*n_seps] = *digits;
      seps[(*n_seps)++] = sep;
      *digits = 0;
    }
  return TRUE;
}

/* The decimal mark a number written as text shows ('.' or ','), or 0 when
 * it is not a number or reads either way ("1,234", "12"). */
static char
decimal_mark_of (const char *text,
                 gsize       len)
{
  const guint8 *s = (const guint8 *) text, *e = s + len;
  guint groups[SNIFF_MAX_GROUPS], n_seps, digits, n_grouping, n_last = 0;
  char seps[SNIFF_MAX_GROUPS], last, mark;

  while (s < e && is_number_junk (*s))
    s++;
  while (e > s && is_number_junk (e[-1]))
    e--;
  if (s == e || !g_ascii_isdigit (*s) || !g_ascii_isdigit (e[-1])
      || !split_number (s, e, groups, seps, &n_seps, &digits)
      || n_seps == 0 || (last = seps[n_seps - 1]) == ' ')
    return 0;
  for (guint i = 0; i + 1 < n_seps; i++)
    n_last += seps[i] == last;
  if (n_last > 0 && digits == 3)
    mark = last == '.' ? ',' : '.', n_grouping = n_seps;   /* "1.234.567" */
  else if (n_last == 0 && (n_seps > 1 || digits != 3))
    mark = last, n_grouping = n_seps - 1;                  /* "1.234,5", "12,5" */
  else
    return 0;
  /* grouped: one grouping character, groups of three after the first */
  for (guint i = 0; n_grouping > 0 && i < n_seps; i++)
    {
      if ((i < n_grouping && seps[i] != seps[0]) || (i == 0 ? groups[0] > 3 : groups[i] != 3))
        return 0;
    }
  return mark;
}

static gboolean
vote_numbers_cb (CsvParser       *p,
                 const OutlayRow *row,
                 gpointer         user_data,
                 GError         **error)
{
  NumberVotes *votes = user_data;

  for (guint i = 0; i < row->n_cells; i++)
    {
      char mark = decimal_mark_of (row->cells[i].text, row->cells[i].length);

      votes->point += mark == '.';
      votes->comma += mark == ',';
    }
  return ++votes->records < SNIFF_NUMBER_RECORDS;
}

static OutlayDecimalStyle
sniff_number_style (const char *text,
                    gsize       len,
                    gboolean    complete,
                    char        delimiter)
{
  NumberVotes votes = { 0, 0, 0 };

  sniff_parse (text, len, complete, delimiter, vote_numbers_cb, &votes);
  if (votes.comma != votes.point)
    return votes.comma > votes.point ? OUTLAY_DECIMAL_STYLE_COMMA : OUTLAY_DECIMAL_STYLE_POINT;
  return delimiter == ';' ? OUTLAY_DECIMAL_STYLE_COMMA : OUTLAY_DECIMAL_STYLE_POINT;
}

/* UTF-16 without a BOM: ASCII text has a NUL in every other byte. */
static gboolean
looks_like_utf16 (const guint8 *head,
                  gsize         len,
                  Encoding     *encoding)
{
  gsize pairs = len / 2, zero_even = 0, zero_odd = 0;

  if (pairs == 0)
    return FALSE;
  for (gsize i = 0; i < pairs; i++)
    {
      zero_even += head[2 * i] == 0;
      zero_odd += head[2 * i + 1] == 0;
    }
  if (zero_odd * 10 >= pairs * 6 && zero_even * 20 <= pairs)
    *encoding = ENC_UTF16LE;
  else if (zero_even * 10 >= pairs * 6 && zero_odd * 20 <= pairs)
    *encoding = ENC_UTF16BE;
  else
    return FALSE;
  return TRUE;
}

/* FALSE for binary content: NUL bytes that are not UTF-16. */
static gboolean
detect_encoding (const guint8 *head,
                 gsize         len,
                 gboolean      whole,
                 Encoding     *encoding,
                 gsize        *bom)
{
  gboolean incomplete;
  gsize valid;

  *bom = 0;
  *encoding = ENC_UTF8;
  if (len >= 3 && memcmp (head, "\xEF\xBB\xBF", 3) == 0)
    *bom = 3;
  else if (len >= 2 && head[0] == 0xFF && head[1] == 0xFE)
    *encoding = ENC_UTF16LE, *bom = 2;
  else if (len >= 2 && head[0] == 0xFE && head[1] == 0xFF)
    *encoding = ENC_UTF16BE, *bom = 2;
  if (*bom > 0 || looks_like_utf16 (head, len, encoding))
    return TRUE;
  if (memchr (head, 0, len) != NULL)
    return FALSE;
  valid = utf8_valid_prefix (head, len, &incomplete);
  if (valid < len && !(incomplete && !whole))
    *encoding = ENC_CP1252;
  return TRUE;
}

/* Control characters other than tab, line breaks and form feed. */
static gboolean
has_many_controls (const char *text,
                   gsize       len)
{
  gsize controls = 0;

  for (gsize i = 0; i < len; i++)
    {
      guint8 c = (guint8) text[i];

      controls += (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v'
                   && c != 0x1A)
                  || c == 0x7F;
    }
  return controls * 100 > len;
}

/* ---- the format ---- */

static void
csv_reader_free (gpointer data)
{
  CsvReader *reader = data;

  if (reader == NULL)
    return;
  g_clear_object (&reader->input);
  g_free (reader->name);
  g_free (reader);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsvReader, csv_reader_free)

static gboolean
not_text_error (CsvReader  *reader,
                GError    **error)
{
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_FILE,
               _("“%s” is not a spreadsheet or text file"), reader->name);
  return FALSE;
}

static gboolean
read_error (CsvReader  *reader,
            GError    **error)
{
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_FAILED,
               _("“%s” could not be read"), reader->name);
  return FALSE;
}

/* Picks the encoding from the first chunk of raw bytes. */
static gboolean
csv_detect_encoding (CsvReader  *reader,
                     GError    **error)
{
  gsf_off_t size = gsf_input_size (reader->input);
  gsize len = (gsize) MIN (size, (gsf_off_t) CHUNK_SIZE), bom;
  g_autofree guint8 *head = g_malloc (MAX (len, 1));

  if (size < 0 || gsf_input_seek (reader->input, 0, G_SEEK_SET)
      || (len > 0 && gsf_input_read (reader->input, len, head) == NULL))
    return read_error (reader, error);
  if (!detect_encoding (head, len, (gsf_off_t) len == size, &reader->encoding, &bom))
    return not_text_error (reader, error);
  reader->data_start = bom;
  return TRUE;
}

/* Decodes the first chunk and reads delimiter and number style from it. */
static gboolean
csv_sniff (CsvReader          *reader,
           OutlayWorkbookInfo *info,
           GError            **error)
{
  CsvSource src;
  const char *text = "";
  gsize len = 0;
  gboolean complete, ok = TRUE;

  if (gsf_input_seek (reader->input, reader->data_start, G_SEEK_SET))
    return read_error (reader, error);
  if (!source_init (&src, reader->input, reader->encoding, error))
    ok = FALSE;
  else if (gsf_input_remaining (reader->input) > 0
           && !source_next (&src, &text, &len, reader->name, error) && src.bad == NULL)
    ok = FALSE;
  complete = gsf_input_remaining (reader->input) == 0 && src.tail == 0;
  if (ok && has_many_controls (text, len))
    ok = not_text_error (reader, error);
  if (ok)
    {
      reader->delimiter = sniff_delimiter (text, len, complete);
      info->number_style = sniff_number_style (text, len, complete, reader->delimiter);
    }
  source_clear (&src);
  return ok;
}

static char *
sheet_name_for (const char *file_name)
{
  const char *dot = strrchr (file_name, '.');

  if (dot == NULL || dot == file_name)
    return g_strdup (file_name);
  return g_strndup (file_name, dot - file_name);
}

static gpointer
csv_open (GsfInput            *input,
          const char          *path,
          OutlayWorkbookInfo  *info,
          GCancellable        *cancellable,
          GError             **error)
{
  g_autoptr(CsvReader) reader = g_new0 (CsvReader, 1);
  OutlayWorkbookSheet *sheet;

  g_return_val_if_fail (GSF_IS_INPUT (input), NULL);

  reader->input = g_object_ref (input);
  reader->name = g_strdup (info->name != NULL ? info->name : "file");
  if (!csv_detect_encoding (reader, error) || !csv_sniff (reader, info, error))
    return NULL;

  info->encoding = encoding_names[reader->encoding];
  info->delimiter = reader->delimiter;
  sheet = g_new0 (OutlayWorkbookSheet, 1);
  sheet->name = sheet_name_for (reader->name);
  g_ptr_array_add (info->sheets, sheet);
  return g_steal_pointer (&reader);
}

typedef struct
{
  OutlayRowFunc func;
  gpointer      user_data;
  guint         max_rows;
  guint         n_rows;
} DeliverContext;

static gboolean
deliver_row_cb (CsvParser       *p,
                const OutlayRow *row,
                gpointer         user_data,
                GError         **error)
{
  DeliverContext *ctx = user_data;

  if (!ctx->func (row, ctx->user_data, error))
    return FALSE;
  return ctx->max_rows == 0 || ++ctx->n_rows < ctx->max_rows;
}

/* Feeds the whole input to @p; TRUE at the end or when stopped. */
static gboolean
csv_stream (CsvReader     *reader,
            CsvSource     *src,
            CsvParser     *p,
            GCancellable  *cancellable,
            GError       **error)
{
  const char *text;
  gsize len;

  while (source_next (src, &text, &len, reader->name, error))
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!parser_feed (p, text, len, error))
        return p->stopped;
    }
  if (error != NULL && *error != NULL)
    return FALSE;
  if (src->bad != NULL)
    {
      /* the parser has read up to the bad spot: its line is the culprit */
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_FILE,
                   _("“%s”, line %u: %s"), reader->name, line_for_message (p->line), _(src->bad));
      return FALSE;
    }
  return parser_finish (p, error);
}

static gboolean
csv_read_sheet (gpointer             data,
                OutlayWorkbookInfo  *info,
                guint                sheet,
                guint                max_rows,
                OutlayRowFunc        func,
                gpointer             user_data,
                GCancellable        *cancellable,
                GError             **error)
{
  CsvReader *reader = data;
  DeliverContext ctx = { func, user_data, max_rows, 0 };
  g_autoptr(GError) local_error = NULL;
  CsvSource src;
  CsvParser p;
  gboolean ok;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (sheet == 0, FALSE);

  if (gsf_input_seek (reader->input, reader->data_start, G_SEEK_SET))
    return read_error (reader, error);
  if (!source_init (&src, reader->input, reader->encoding, error))
    {
      source_clear (&src);
      return FALSE;
    }
  parser_init (&p, reader->name, reader->delimiter, deliver_row_cb, &ctx);
  ok = csv_stream (reader, &src, &p, cancellable, &local_error);
  parser_clear (&p);
  source_clear (&src);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

const OutlayWorkbookFormatClass outlay_csv_format = {
  csv_open,
  csv_read_sheet,
  csv_reader_free,
};
