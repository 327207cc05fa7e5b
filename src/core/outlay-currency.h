/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-decimal.h"

G_BEGIN_DECLS

gboolean    outlay_currency_is_valid    (const char    *code);
gboolean    outlay_currency_is_known    (const char    *code);
guint       outlay_currency_minor_units (const char    *code);
const char *outlay_currency_symbol      (const char    *code);
char       *outlay_currency_format      (OutlayDecimal  value,
                                         const char    *code);
char       *outlay_currency_format_amount (OutlayDecimal  value,
                                           const char    *code);
char       *outlay_currency_format_plain (OutlayDecimal  value,
                                          const char    *code);
gboolean outlay_currency_parse_amount (const char *text,
                                       const char *currency,
                                       OutlayDecimal *out,
                                       GError **error);

G_END_DECLS
