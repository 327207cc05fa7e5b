/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "outlay-decimal.h"
#include "outlay-line.h"
#include "outlay-model-enums.h"
#include "outlay-section.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_COMMITMENT (outlay_commitment_get_type ())

G_DECLARE_FINAL_TYPE (OutlayCommitment, outlay_commitment, OUTLAY, COMMITMENT, GObject)

OutlayCommitment       *outlay_commitment_new               (void);
gint64                  outlay_commitment_get_id            (OutlayCommitment *self);
gint64                  outlay_commitment_get_budget_id     (OutlayCommitment *self);
gint64                  outlay_commitment_get_line_id       (OutlayCommitment *self);
const char             *outlay_commitment_get_reference     (OutlayCommitment *self);
const char             *outlay_commitment_get_vendor        (OutlayCommitment *self);
const char             *outlay_commitment_get_description   (OutlayCommitment *self);
OutlayDecimal           outlay_commitment_get_amount        (OutlayCommitment *self);
OutlayCommitmentStatus  outlay_commitment_get_status        (OutlayCommitment *self);
const char             *outlay_commitment_get_requested_by  (OutlayCommitment *self);
const char             *outlay_commitment_get_date          (OutlayCommitment *self);
const char             *outlay_commitment_get_expected_date (OutlayCommitment *self);
gboolean                outlay_commitment_get_auto_approved (OutlayCommitment *self);
gint64 outlay_commitment_get_section_id (OutlayCommitment *self);
OutlayDecimal outlay_commitment_get_invoiced (OutlayCommitment *self);
OutlayCommitment *outlay_commitment_copy (OutlayCommitment *self);
OutlayLine *outlay_commitment_get_line (OutlayCommitment *self);
OutlaySection *outlay_commitment_get_section (OutlayCommitment *self);
void outlay_commitment_get_held (OutlayCommitment *self,
                                 OutlayDecimal *actual,
                                 OutlayDecimal *committed,
                                 OutlayDecimal *reserved);

G_END_DECLS
