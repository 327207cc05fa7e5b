/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the document, which places commitments, and the store, which loads
 * them. */

#include "outlay-commitment.h"

G_BEGIN_DECLS

void outlay_commitment_assign (OutlayCommitment *self, OutlayCommitment *from);
/* Not referenced: the document keeps lines and sections alive. */
void
outlay_commitment_set_target (OutlayCommitment *self, OutlaySection *section, OutlayLine *line);

G_END_DECLS
