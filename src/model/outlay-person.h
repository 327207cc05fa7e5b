/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "outlay-decimal.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_PERSON (outlay_person_get_type ())

G_DECLARE_FINAL_TYPE (OutlayPerson, outlay_person, OUTLAY, PERSON, GObject)

OutlayPerson  *outlay_person_new             (void);
gint64         outlay_person_get_id          (OutlayPerson *self);
const char    *outlay_person_get_name        (OutlayPerson *self);
const char    *outlay_person_get_email       (OutlayPerson *self);
const char    *outlay_person_get_role        (OutlayPerson *self);
OutlayDecimal  outlay_person_get_hourly_rate (OutlayPerson *self);
OutlayDecimal  outlay_person_get_cost_rate   (OutlayPerson *self);
const char    *outlay_person_get_external_id (OutlayPerson *self);

G_END_DECLS
