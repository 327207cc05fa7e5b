/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * OutlayDecimal:
 *
 * An exact decimal number: a signed 64-bit integer counting ten-thousandths
 * (1.0 is 10000).  Used for every amount, rate, quantity and number of hours
 * in Outlay; money is never a double.  The valid range is
 * ±%OUTLAY_DECIMAL_MAX; every operation that could leave it reports
 * overflow instead of wrapping.
 */
typedef gint64 OutlayDecimal;

#define OUTLAY_DECIMAL_PLACES 4
#define OUTLAY_DECIMAL_SCALE  G_GINT64_CONSTANT (10000)
#define OUTLAY_DECIMAL_ONE    OUTLAY_DECIMAL_SCALE
#define OUTLAY_DECIMAL_MAX    G_MAXINT64
#define OUTLAY_DECIMAL_MIN    (-G_MAXINT64)

#define OUTLAY_DECIMAL_FROM_INT(i) ((OutlayDecimal) (i) * OUTLAY_DECIMAL_SCALE)

/**
 * OutlayDecimalStyle:
 * @OUTLAY_DECIMAL_STYLE_AUTO: guess from the text ("1,234.50" and "1.234,50"
 *   both work; a lone comma before exactly three digits groups thousands)
 * @OUTLAY_DECIMAL_STYLE_POINT: "." is the decimal mark, "," groups
 * @OUTLAY_DECIMAL_STYLE_COMMA: "," is the decimal mark, "." groups
 *
 * Which character separates the fraction, as a hint from a file's locale.
 */
typedef enum
{
  OUTLAY_DECIMAL_STYLE_AUTO,
  OUTLAY_DECIMAL_STYLE_POINT,
  OUTLAY_DECIMAL_STYLE_COMMA,
} OutlayDecimalStyle;

/**
 * OutlayDecimalParseFlags:
 * What parsing found besides the value.
 */
typedef enum
{
  OUTLAY_DECIMAL_PARSED_NONE     = 0,
  OUTLAY_DECIMAL_PARSED_EMPTY    = 1 << 0,
  OUTLAY_DECIMAL_PARSED_PERCENT  = 1 << 1,
  OUTLAY_DECIMAL_PARSED_CURRENCY = 1 << 2,
  OUTLAY_DECIMAL_PARSED_ROUNDED  = 1 << 3,
} OutlayDecimalParseFlags;

gboolean      outlay_decimal_parse          (const char               *text,
                                             OutlayDecimal            *out,
                                             GError                  **error);
gboolean      outlay_decimal_parse_full     (const char               *text,
                                             gssize                    length,
                                             OutlayDecimalStyle        style,
                                             OutlayDecimal            *out,
                                             OutlayDecimalParseFlags  *flags,
                                             GError                  **error);

OutlayDecimalStyle outlay_decimal_style_for_locale (void);

char         *outlay_decimal_to_string      (OutlayDecimal             value,
                                             guint                     places);
void          outlay_decimal_to_buffer      (OutlayDecimal             value,
                                             guint                     places,
                                             char                     *buf,
                                             gsize                     size);
char         *outlay_decimal_to_string_trim (OutlayDecimal             value);
char         *outlay_decimal_format         (OutlayDecimal             value,
                                             guint                     places,
                                             const char               *decimal_mark,
                                             const char               *group_mark);
char         *outlay_decimal_format_locale  (OutlayDecimal             value,
                                             guint                     places);

gboolean      outlay_decimal_add            (OutlayDecimal             a,
                                             OutlayDecimal             b,
                                             OutlayDecimal            *out);
gboolean      outlay_decimal_sub            (OutlayDecimal             a,
                                             OutlayDecimal             b,
                                             OutlayDecimal            *out);
gboolean      outlay_decimal_mul            (OutlayDecimal             a,
                                             OutlayDecimal             b,
                                             OutlayDecimal            *out);
gboolean      outlay_decimal_div            (OutlayDecimal             a,
                                             OutlayDecimal             b,
                                             OutlayDecimal            *out);
gboolean
outlay_decimal_mul_div (OutlayDecimal a, OutlayDecimal b, OutlayDecimal c, OutlayDecimal *out);
OutlayDecimal outlay_decimal_round          (OutlayDecimal             value,
                                             guint                     places);
gboolean      outlay_decimal_percent_of     (OutlayDecimal             base,
                                             OutlayDecimal             percent,
                                             OutlayDecimal            *out);
gboolean      outlay_decimal_as_percent     (OutlayDecimal             part,
                                             OutlayDecimal             whole,
                                             OutlayDecimal            *out);
gboolean outlay_decimal_roi_percent (OutlayDecimal value, OutlayDecimal cost, OutlayDecimal *out);
int           outlay_decimal_compare        (OutlayDecimal             a,
                                             OutlayDecimal             b);

G_END_DECLS
