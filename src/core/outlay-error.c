/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "outlay-error.h"

G_DEFINE_QUARK (outlay-error-quark, outlay_error)
