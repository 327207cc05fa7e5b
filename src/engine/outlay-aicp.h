/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "outlay-section.h"

G_BEGIN_DECLS

/* Where a section lands on the AICP top sheet (AICP.md, sections A–P). */
typedef enum
{
  OUTLAY_AICP_BY_CODE, /* its code is its form letter */
  OUTLAY_AICP_BY_NAME, /* its name says another letter than its code */
  OUTLAY_AICP_OUTSIDE, /* not one of A–P: an extra line after contingency */
} OutlayAicpPlacement;

#define OUTLAY_AICP_N_LETTERS 16

int outlay_aicp_letter_for_name (const char *name);
void outlay_aicp_place_sections (const char *const *codes,
                                 const char *const *names,
                                 guint n,
                                 int *letters,
                                 OutlayAicpPlacement *how);
int *outlay_aicp_place_section_list (GPtrArray *sections);
const char *outlay_aicp_form_name (int letter);
char *outlay_aicp_placement_note (const char *code,
                                  const char *name,
                                  int letter,
                                  OutlayAicpPlacement how);

G_END_DECLS
