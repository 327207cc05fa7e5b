/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The 100,000-line budget both benchmarks build (same seed, same values),
 * so their numbers are about the same data. */

#include <string.h>

#include "outlay-document-sink.h"
#include "outlay-line-private.h"

#define BENCH_N_SECTIONS 20

static const char *const section_names[BENCH_N_SECTIONS] = {
  "Pre-production", "Crew", "Cast", "Camera", "Grip & electric", "Art department",
  "Wardrobe", "Locations", "Transport", "Catering", "Equipment rental", "Travel",
  "Post-production", "Editorial", "Sound", "Visual effects", "Music", "Insurance",
  "Marketing", "Contingency",
};

static const char *const roles[] = {
  "Senior camera operator", "Production assistant", "Gaffer", "Key grip", "Line producer",
  "Location scout", "Costume designer", "Sound mixer", "Colourist", "Script supervisor",
  "Steadicam rig", "LED panel kit", "Cargo van", "Office rent", "Hard drives",
};
static const char *const activities[] = {
  "prep", "shoot", "wrap", "travel", "overtime", "weekend", "standby", "delivery",
};
static const char *const units[] = {
  "day", "day", "day", "hr", "wk", "ea", "flat", "km", "lot", NULL,
};

static inline OutlayDecimal
bench_decimal_mul (OutlayDecimal a, OutlayDecimal b)
{
  OutlayDecimal out = 0;

  if (!outlay_decimal_mul (a, b, &out))
    g_error ("overflow building the budget");
  return out;
}

/* The same budget every time for the same @n_lines: 20 sections of
 * realistic lines; @description_chars (optional) gets the total length of
 * the descriptions. */
static inline OutlayDocument *
bench_build_budget (guint    n_lines,
                    guint64 *description_chars)
{
  OutlayDocument *doc;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240601);
  g_autoptr(OutlayBudget) budget = outlay_budget_new ("Benchmark feature film");
  guint n_sections = MIN (BENCH_N_SECTIONS, n_lines);
  guint64 chars = 0;

  g_object_set (budget, "client", "Bench Pictures", "currency", "EUR", NULL);
  doc = outlay_document_new (budget);
  for (guint s = 0; s < n_sections; s++)
    {
      g_autofree char *code = g_strdup_printf ("%02u00", s + 1);
      g_autoptr(OutlaySection) section = outlay_section_new (code, section_names[s]);
      /* the first sections take the remainder */
      guint n = n_lines / n_sections + (s < n_lines % n_sections ? 1 : 0);

      outlay_document_load_section (doc, section);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(OutlayLine) line = outlay_line_new ();
          const char *unit = units[g_rand_int_range (rand, 0, G_N_ELEMENTS (units))];
          char *description = g_strdup_printf ("%s, %s day %u",
                                               roles[g_rand_int_range (rand, 0, G_N_ELEMENTS (roles))],
                                               activities[g_rand_int_range (rand, 0, G_N_ELEMENTS (activities))],
                                               (guint) g_rand_int_range (rand, 1, 60));
          /* qty 1–10, a fifth of them with a half; days 1–20; rate 25.00–2,500.00 */
          OutlayDecimal qty = OUTLAY_DECIMAL_FROM_INT (g_rand_int_range (rand, 1, 11))
                              + (g_rand_int_range (rand, 0, 5) == 0 ? OUTLAY_DECIMAL_ONE / 2 : 0);
          OutlayDecimal days = OUTLAY_DECIMAL_FROM_INT (g_rand_int_range (rand, 1, 21));
          OutlayDecimal rate = (OutlayDecimal) g_rand_int_range (rand, 2500, 250001) * 100;
          OutlayDecimal estimate = bench_decimal_mul (bench_decimal_mul (qty, days), rate);
          gboolean overridden = g_rand_int_range (rand, 0, 20) == 0; /* 5% typed */

          chars += strlen (description);
          if (overridden)
            estimate = OUTLAY_DECIMAL_FROM_INT (g_rand_int_range (rand, 1, 500) * 100);
          outlay_line_take_text (line, OUTLAY_LINE_CODE, g_strdup_printf ("%02u-%05u", s + 1, i + 1));
          outlay_line_take_text (line, OUTLAY_LINE_DESCRIPTION, description);
          outlay_line_load_text (line, OUTLAY_LINE_UNIT, unit);
          if (g_rand_int_range (rand, 0, 10) == 0)
            outlay_line_load_text (line, OUTLAY_LINE_NOTES, "Quote from the vendor on file");
          outlay_line_load_decimal (line, OUTLAY_LINE_QUANTITY, qty);
          outlay_line_load_decimal (line, OUTLAY_LINE_MULTIPLIER, days);
          outlay_line_load_decimal (line, OUTLAY_LINE_RATE, rate);
          outlay_line_load_decimal (line, OUTLAY_LINE_ESTIMATE, estimate);
          outlay_line_load_overridden (line, overridden);
          if (g_rand_int_range (rand, 0, 10) != 0) /* actuals on 90%: 70–130% of the estimate */
            outlay_line_load_decimal (line, OUTLAY_LINE_ACTUAL,
                                      outlay_decimal_round (estimate / 100 * g_rand_int_range (rand, 70, 131), 2));
          if (g_rand_int_range (rand, 0, 4) == 0)
            outlay_line_load_decimal (line, OUTLAY_LINE_COMMITTED, estimate / 2);
          outlay_document_load_line (doc, section, line);
        }
    }
  if (!outlay_document_finish_load (doc, &error))
    g_error ("%s", error->message);
  if (description_chars != NULL)
    *description_chars = chars;
  return doc;
}

