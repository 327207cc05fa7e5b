/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-document.h"
#include "outlay-line-phasing.h"

G_BEGIN_DECLS

/* Phasing over periods and the rolling forecast's state
 * (outlay-document-phasing.c).  The arithmetic is in the engine's
 * outlay-phasing.c; the document keeps what the user chose. */

const OutlayLinePhasing *outlay_document_get_line_phasing (OutlayDocument *self, OutlayLine *line);
gboolean outlay_document_set_phasing (OutlayDocument *self,
                                      OutlayLine *const *lines,
                                      OutlayLinePhasing *const *phasings,
                                      guint n,
                                      const char *label,
                                      GError **error);
const OutlayPeriodSettings *outlay_document_get_period_settings (OutlayDocument *self);
gboolean outlay_document_set_period_settings (OutlayDocument *self,
                                              const OutlayPeriodSettings *settings,
                                              OutlayLine *const *lines,
                                              OutlayLinePhasing *const *phasings,
                                              guint n,
                                              GError **error);
OutlayForecastMethod outlay_document_get_forecast_method (OutlayDocument *self,
                                                          OutlaySection *section);
guint outlay_document_get_closed_periods (OutlayDocument *self);
guint outlay_document_get_n_snapshots (OutlayDocument *self);
const OutlayForecastSnapshot *outlay_document_get_snapshot (OutlayDocument *self, guint index);
const OutlayForecastSnapshot *outlay_document_find_snapshot (OutlayDocument *self, guint closed);
gboolean outlay_document_close_period (OutlayDocument *self,
                                       OutlayForecastSnapshot *snapshot,
                                       GError **error);

/* For loaders: no command, no signal, no sink; each takes ownership. */
void
outlay_document_load_phasing (OutlayDocument *self, OutlayLine *line, OutlayLinePhasing *phasing);
void outlay_document_load_periods (OutlayDocument *self,
                                   const OutlayPeriodSettings *settings,
                                   guint closed);
void outlay_document_load_snapshot (OutlayDocument *self, OutlayForecastSnapshot *snapshot);

G_END_DECLS
