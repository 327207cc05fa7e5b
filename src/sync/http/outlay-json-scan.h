/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Parses the JSON text @data of @length bytes into a tree that holds only
 * the object members named in @keep (at any depth; arrays are kept whole),
 * skipping the rest without building it: a ClickUp page of 100 tasks or a
 * month of time entries carries many fields a sync never reads, and
 * building them all was most of an import's time.  %NULL when the text
 * is not complete, valid JSON (the HTTP layer then retries, as for any
 * cut answer). */
JsonNode *outlay_json_scan (const char *data, gsize length, const char *const *keep);

G_END_DECLS
