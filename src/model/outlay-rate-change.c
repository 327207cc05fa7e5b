/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-model"

#include "config.h"

#include "outlay-rate-change.h"

OutlayRateChange *
outlay_rate_change_new (void)
{
  return g_new0 (OutlayRateChange, 1);
}

void
outlay_rate_change_free (OutlayRateChange *change)
{
  if (change == NULL)
    return;
  g_free (change->valid_from);
  g_free (change->currency);
  g_free (change);
}
