/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-chart.h"

G_BEGIN_DECLS

/**
 * OutlayChartFileFormat:
 * @OUTLAY_CHART_FILE_PNG: a PNG image
 * @OUTLAY_CHART_FILE_SVG: an SVG drawing
 * @OUTLAY_CHART_FILE_PDF: a one-page PDF
 */
typedef enum
{
  OUTLAY_CHART_FILE_PNG,
  OUTLAY_CHART_FILE_SVG,
  OUTLAY_CHART_FILE_PDF,
} OutlayChartFileFormat;

gboolean outlay_chart_file_format_from_string (const char *text, OutlayChartFileFormat *format);
const char *outlay_chart_file_format_extension (OutlayChartFileFormat format);
gboolean outlay_chart_write_file (OutlayChart *chart,
                                  const char *path,
                                  OutlayChartFileFormat format,
                                  double width,
                                  double height,
                                  GError **error);

G_END_DECLS
