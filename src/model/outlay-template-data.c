/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-template-data.h"

/* Static data behind the New Budget templates and the first-run sample.
 * All amounts are decimal text so they can be parsed exactly; template
 * lines leave qty, multiplier, rate and actual NULL unless a typical rate
 * is well known (software rate card). */

/* AICP commercial bid ----------------------------------------------------- */

/* A. Pre-production & wrap labour */
static const OutlayTemplateLine aicp_a[] = {
  { "1", "Line producer", "day", NULL, NULL, NULL, NULL, NULL },
  { "2", "Assistant director", "day", NULL, NULL, NULL, NULL, NULL },
  { "3", "Director of photography", "day", NULL, NULL, NULL, NULL, NULL },
  { "4", "1st assistant camera", "day", NULL, NULL, NULL, NULL, NULL },
  { "5", "DIT", "day", NULL, NULL, NULL, NULL, NULL },
  { "6", "Gaffer", "day", NULL, NULL, NULL, NULL, NULL },
  { "7", "Key grip", "day", NULL, NULL, NULL, NULL, NULL },
  { "8", "Hair & make-up artist", "day", NULL, NULL, NULL, NULL, NULL },
  { "9", "Wardrobe stylist", "day", NULL, NULL, NULL, NULL, NULL },
  { "10", "Script supervisor", "day", NULL, NULL, NULL, NULL, NULL },
  { "11", "Sound mixer", "day", NULL, NULL, NULL, NULL, NULL },
  { "12", "Location scout", "day", NULL, NULL, NULL, NULL, NULL },
  { "13", "Location manager", "day", NULL, NULL, NULL, NULL, NULL },
  { "14", "Medic", "day", NULL, NULL, NULL, NULL, NULL },
  { "15", "Production supervisor", "day", NULL, NULL, NULL, NULL, NULL },
  { "16", "Production coordinator", "day", NULL, NULL, NULL, NULL, NULL },
  { "17", "Production assistant", "day", NULL, NULL, NULL, NULL, NULL },
};

/* B. Shooting labour */
static const OutlayTemplateLine aicp_b[] = {
  { "51", "Line producer", "day", NULL, NULL, NULL, NULL, NULL },
  { "52", "Assistant director", "day", NULL, NULL, NULL, NULL, NULL },
  { "53", "2nd assistant director", "day", NULL, NULL, NULL, NULL, NULL },
  { "54", "Director of photography", "day", NULL, NULL, NULL, NULL, NULL },
  { "55", "Camera operator", "day", NULL, NULL, NULL, NULL, NULL },
  { "56", "1st assistant camera", "day", NULL, NULL, NULL, NULL, NULL },
  { "57", "2nd assistant camera", "day", NULL, NULL, NULL, NULL, NULL },
  { "58", "DIT", "day", NULL, NULL, NULL, NULL, NULL },
  { "59", "Steadicam operator", "day", NULL, NULL, NULL, NULL, NULL },
  { "60", "Gaffer", "day", NULL, NULL, NULL, NULL, NULL },
  { "61", "Electrician", "day", NULL, NULL, NULL, NULL, NULL },
  { "62", "Key grip", "day", NULL, NULL, NULL, NULL, NULL },
  { "63", "Grip", "day", NULL, NULL, NULL, NULL, NULL },
  { "64", "Hair & make-up artist", "day", NULL, NULL, NULL, NULL, NULL },
  { "65", "Wardrobe stylist", "day", NULL, NULL, NULL, NULL, NULL },
  { "66", "Script supervisor", "day", NULL, NULL, NULL, NULL, NULL },
  { "67", "Sound mixer", "day", NULL, NULL, NULL, NULL, NULL },
  { "68", "Boom operator", "day", NULL, NULL, NULL, NULL, NULL },
  { "69", "Medic", "day", NULL, NULL, NULL, NULL, NULL },
  { "70", "Production assistant", "day", NULL, NULL, NULL, NULL, NULL },
  { "71", "Overtime (1.5x)", "hour", NULL, NULL, NULL, NULL, NULL },
  { "72", "Overtime (2x)", "hour", NULL, NULL, NULL, NULL, NULL },
};

/* C. Pre-production & wrap expenses */
static const OutlayTemplateLine aicp_c[] = {
  { "101", "Craft service", "day", NULL, NULL, NULL, NULL, NULL },
  { "102", "Crew per diems", "day", NULL, NULL, NULL, NULL, NULL },
  { "103", "Hotels", "day", NULL, NULL, NULL, NULL, NULL },
  { "104", "Scouting expenses", "flat", NULL, NULL, NULL, NULL, NULL },
  { "105", "Car rentals", "day", NULL, NULL, NULL, NULL, NULL },
  { "106", "Casting director", "day", NULL, NULL, NULL, NULL, NULL },
  { "107", "Casting facility", "day", NULL, NULL, NULL, NULL, NULL },
  { "108", "Working meals", "flat", NULL, NULL, NULL, NULL, NULL },
  { "109", "Messengers & shipping", "flat", NULL, NULL, NULL, NULL, NULL },
  { "110", "Office rental", "week", NULL, NULL, NULL, NULL, NULL },
  { "111", "Office supplies", "flat", NULL, NULL, NULL, NULL, NULL },
  { "112", "Phones & internet", "flat", NULL, NULL, NULL, NULL, NULL },
  { "113", "Deliveries & taxis", "flat", NULL, NULL, NULL, NULL, NULL },
};

/* D. Location & travel */
static const OutlayTemplateLine aicp_d[] = {
  { "114", "Location fees", "day", NULL, NULL, NULL, NULL, NULL },
  { "115", "Permits", "flat", NULL, NULL, NULL, NULL, NULL },
  { "116", "Police & fire safety officers", "day", NULL, NULL, NULL, NULL, NULL },
  { "117", "Security", "day", NULL, NULL, NULL, NULL, NULL },
  { "118", "Trucking", "day", NULL, NULL, NULL, NULL, NULL },
  { "119", "Motorhomes", "day", NULL, NULL, NULL, NULL, NULL },
  { "120", "Honeywagon", "day", NULL, NULL, NULL, NULL, NULL },
  { "121", "Parking, tolls & fuel", "flat", NULL, NULL, NULL, NULL, NULL },
  { "122", "Air fares", "each", NULL, NULL, NULL, NULL, NULL },
  { "123", "Hotels", "day", NULL, NULL, NULL, NULL, NULL },
  { "124", "Per diems", "day", NULL, NULL, NULL, NULL, NULL },
  { "125", "Catering", "each", NULL, NULL, NULL, NULL, NULL },
  { "126", "Craft service", "day", NULL, NULL, NULL, NULL, NULL },
  { "127", "Car rentals", "day", NULL, NULL, NULL, NULL, NULL },
  { "128", "Location site representative", "day", NULL, NULL, NULL, NULL, NULL },
  { "129", "Tables, chairs & tents", "day", NULL, NULL, NULL, NULL, NULL },
  { "130", "Cleaning & restoration", "flat", NULL, NULL, NULL, NULL, NULL },
};

/* E. Props, wardrobe & animals */
static const OutlayTemplateLine aicp_e[] = {
  { "140", "Prop rental", "flat", NULL, NULL, NULL, NULL, NULL },
  { "141", "Prop purchase", "flat", NULL, NULL, NULL, NULL, NULL },
  { "142", "Wardrobe rental", "flat", NULL, NULL, NULL, NULL, NULL },
  { "143", "Wardrobe purchase", "flat", NULL, NULL, NULL, NULL, NULL },
  { "144", "Set dressing rental", "flat", NULL, NULL, NULL, NULL, NULL },
  { "145", "Set dressing purchase", "flat", NULL, NULL, NULL, NULL, NULL },
  { "146", "Picture vehicles", "day", NULL, NULL, NULL, NULL, NULL },
  { "147", "Animals & handlers", "day", NULL, NULL, NULL, NULL, NULL },
  { "148", "Product prep", "flat", NULL, NULL, NULL, NULL, NULL },
  { "149", "Wardrobe alterations & cleaning", "flat", NULL, NULL, NULL, NULL, NULL },
  { "150", "Loss & damage", "flat", NULL, NULL, NULL, NULL, NULL },
};

/* F. Stage rental & expenses */
static const OutlayTemplateLine aicp_f[] = {
  { "151", "Build days", "day", NULL, NULL, NULL, NULL, NULL },
  { "152", "Pre-light days", "day", NULL, NULL, NULL, NULL, NULL },
  { "153", "Shoot days", "day", NULL, NULL, NULL, NULL, NULL },
  { "154", "Overtime hours", "hour", NULL, NULL, NULL, NULL, NULL },
  { "155", "Strike days", "day", NULL, NULL, NULL, NULL, NULL },
  { "156", "Generator", "day", NULL, NULL, NULL, NULL, NULL },
  { "157", "Power charges", "flat", NULL, NULL, NULL, NULL, NULL },
  { "158", "Air conditioning", "day", NULL, NULL, NULL, NULL, NULL },
  { "159", "Heating", "day", NULL, NULL, NULL, NULL, NULL },
  { "160", "Lifts (condor, scissor)", "day", NULL, NULL, NULL, NULL, NULL },
  { "161", "Stage manager", "day", NULL, NULL, NULL, NULL, NULL },
  { "162", "Phones & internet", "flat", NULL, NULL, NULL, NULL, NULL },
  { "163", "Dressing rooms", "day", NULL, NULL, NULL, NULL, NULL },
  { "164", "Production office", "day", NULL, NULL, NULL, NULL, NULL },
  { "165", "Parking", "day", NULL, NULL, NULL, NULL, NULL },
  { "166", "Trash removal", "flat", NULL, NULL, NULL, NULL, NULL },
  { "167", "Cyc paint", "flat", NULL, NULL, NULL, NULL, NULL },
  { "168", "Security", "day", NULL, NULL, NULL, NULL, NULL },
};

/* G. Art department labour */
static const OutlayTemplateLine aicp_g[] = {
  { "169", "Production designer", "day", NULL, NULL, NULL, NULL, NULL },
  { "170", "Art director", "day", NULL, NULL, NULL, NULL, NULL },
  { "171", "Set decorator", "day", NULL, NULL, NULL, NULL, NULL },
  { "172", "Prop master", "day", NULL, NULL, NULL, NULL, NULL },
  { "173", "Assistant props", "day", NULL, NULL, NULL, NULL, NULL },
  { "174", "Leadman", "day", NULL, NULL, NULL, NULL, NULL },
  { "175", "Set dressers", "day", NULL, NULL, NULL, NULL, NULL },
  { "176", "Scenic artists", "day", NULL, NULL, NULL, NULL, NULL },
  { "177", "Carpenters", "day", NULL, NULL, NULL, NULL, NULL },
  { "178", "Construction grips", "day", NULL, NULL, NULL, NULL, NULL },
  { "179", "Outside prop person", "day", NULL, NULL, NULL, NULL, NULL },
  { "180", "Art department PA", "day", NULL, NULL, NULL, NULL, NULL },
};

/* H. Art department expenses */
static const OutlayTemplateLine aicp_h[] = {
  { "181", "Set construction materials", "flat", NULL, NULL, NULL, NULL, NULL },
  { "182", "Set dressing purchase", "flat", NULL, NULL, NULL, NULL, NULL },
  { "183", "Set dressing rental", "flat", NULL, NULL, NULL, NULL, NULL },
  { "184", "Art supplies", "flat", NULL, NULL, NULL, NULL, NULL },
  { "185", "Paint & wallpaper", "flat", NULL, NULL, NULL, NULL, NULL },
  { "186", "Kit rentals", "day", NULL, NULL, NULL, NULL, NULL },
  { "187", "Special effects rentals", "flat", NULL, NULL, NULL, NULL, NULL },
  { "188", "Art department trucking", "day", NULL, NULL, NULL, NULL, NULL },
  { "189", "Outside construction", "flat", NULL, NULL, NULL, NULL, NULL },
  { "190", "Set strike & removal", "flat", NULL, NULL, NULL, NULL, NULL },
  { "191", "Messengers", "flat", NULL, NULL, NULL, NULL, NULL },
  { "192", "Art department meals", "flat", NULL, NULL, NULL, NULL, NULL },
};

/* I. Equipment */
static const OutlayTemplateLine aicp_i[] = {
  { "193", "Camera package", "day", NULL, NULL, NULL, NULL, NULL },
  { "194", "Lenses", "day", NULL, NULL, NULL, NULL, NULL },
  { "195", "Sound package", "day", NULL, NULL, NULL, NULL, NULL },
  { "196", "Lighting package", "day", NULL, NULL, NULL, NULL, NULL },
  { "197", "Grip package", "day", NULL, NULL, NULL, NULL, NULL },
  { "198", "Generator", "day", NULL, NULL, NULL, NULL, NULL },
  { "199", "Crane", "day", NULL, NULL, NULL, NULL, NULL },
  { "200", "Dolly", "day", NULL, NULL, NULL, NULL, NULL },
  { "201", "Steadicam", "day", NULL, NULL, NULL, NULL, NULL },
  { "202", "Walkie-talkies", "each", NULL, NULL, NULL, NULL, NULL },
  { "203", "Expendables", "flat", NULL, NULL, NULL, NULL, NULL },
  { "204", "Video assist / playback", "day", NULL, NULL, NULL, NULL, NULL },
  { "205", "Grip & electric truck", "day", NULL, NULL, NULL, NULL, NULL },
  { "206", "Camera car", "day", NULL, NULL, NULL, NULL, NULL },
  { "207", "Drone", "day", NULL, NULL, NULL, NULL, NULL },
  { "208", "Monitors", "day", NULL, NULL, NULL, NULL, NULL },
};

/* J. Media */
static const OutlayTemplateLine aicp_j[] = {
  { "211", "Hard drives & media", "each", NULL, NULL, NULL, NULL, NULL },
  { "212", "Film stock", "each", NULL, NULL, NULL, NULL, NULL },
  { "213", "Processing", "flat", NULL, NULL, NULL, NULL, NULL },
  { "214", "Transcoding / transfer", "flat", NULL, NULL, NULL, NULL, NULL },
  { "215", "Dailies", "flat", NULL, NULL, NULL, NULL, NULL },
  { "216", "Data backup (LTO)", "flat", NULL, NULL, NULL, NULL, NULL },
};

/* K. Miscellaneous */
static const OutlayTemplateLine aicp_k[] = {
  { "217", "Petty cash", "flat", NULL, NULL, NULL, NULL, NULL },
  { "218", "Shipping", "flat", NULL, NULL, NULL, NULL, NULL },
  { "219", "Phones & internet", "flat", NULL, NULL, NULL, NULL, NULL },
  { "220", "Special insurance", "flat", NULL, NULL, NULL, NULL, NULL },
  { "221", "Work permits", "flat", NULL, NULL, NULL, NULL, NULL },
  { "222", "Production service company", "flat", NULL, NULL, NULL, NULL, NULL },
  { "223", "Accounting & payroll service", "flat", NULL, NULL, NULL, NULL, NULL },
  { "224", "Legal fees", "flat", NULL, NULL, NULL, NULL, NULL },
  { "225", "Bank charges", "flat", NULL, NULL, NULL, NULL, NULL },
  { "226", "Health & safety compliance", "flat", NULL, NULL, NULL, NULL, NULL },
  { "227", "Miscellaneous", "flat", NULL, NULL, NULL, NULL, NULL },
};

/* L. Director / creative fees */
static const OutlayTemplateLine aicp_l[] = {
  { "230", "Director prep days", "day", NULL, NULL, NULL, NULL, NULL },
  { "231", "Director travel days", "day", NULL, NULL, NULL, NULL, NULL },
  { "232", "Director shoot days", "day", NULL, NULL, NULL, NULL, NULL },
  { "233", "Director post days", "day", NULL, NULL, NULL, NULL, NULL },
  { "234", "Creative fee", "flat", NULL, NULL, NULL, NULL, NULL },
  { "235", "Director's expenses", "flat", NULL, NULL, NULL, NULL, NULL },
};

/* M. Talent labour */
static const OutlayTemplateLine aicp_m[] = {
  { "250", "Principals (on-camera)", "day", NULL, NULL, NULL, NULL, NULL },
  { "251", "Extras / background", "day", NULL, NULL, NULL, NULL, NULL },
  { "252", "Hand model", "day", NULL, NULL, NULL, NULL, NULL },
  { "253", "Voice-over", "each", NULL, NULL, NULL, NULL, NULL },
  { "254", "Stunt coordinator", "day", NULL, NULL, NULL, NULL, NULL },
  { "255", "Stunt performers", "day", NULL, NULL, NULL, NULL, NULL },
  { "256", "Fitting fees", "each", NULL, NULL, NULL, NULL, NULL },
  { "257", "Rehearsal days", "day", NULL, NULL, NULL, NULL, NULL },
  { "258", "Talent overtime", "hour", NULL, NULL, NULL, NULL, NULL },
};

/* N. Talent expenses */
static const OutlayTemplateLine aicp_n[] = {
  { "270", "Talent travel", "flat", NULL, NULL, NULL, NULL, NULL },
  { "271", "Talent per diems", "day", NULL, NULL, NULL, NULL, NULL },
  { "272", "Talent hotels", "day", NULL, NULL, NULL, NULL, NULL },
  { "273", "Agency fees", "flat", NULL, NULL, NULL, NULL, NULL },
  { "274", "Payroll service", "flat", NULL, NULL, NULL, NULL, NULL },
  { "275", "Wardrobe allowance", "each", NULL, NULL, NULL, NULL, NULL },
  { "276", "Talent meals", "flat", NULL, NULL, NULL, NULL, NULL },
  { "277", "Ground transport", "flat", NULL, NULL, NULL, NULL, NULL },
};

/* O. Post-production labour */
static const OutlayTemplateLine aicp_o[] = {
  { "290", "Editor", "week", NULL, NULL, NULL, NULL, NULL },
  { "291", "Assistant editor", "week", NULL, NULL, NULL, NULL, NULL },
  { "292", "Post producer", "week", NULL, NULL, NULL, NULL, NULL },
  { "293", "Graphic designer / motion graphics", "day", NULL, NULL, NULL, NULL, NULL },
  { "294", "VFX artist", "day", NULL, NULL, NULL, NULL, NULL },
  { "295", "Online editor", "day", NULL, NULL, NULL, NULL, NULL },
};

/* P. Post-production expenses */
static const OutlayTemplateLine aicp_p[] = {
  { "310", "Edit suite rental", "week", NULL, NULL, NULL, NULL, NULL },
  { "311", "Colour grading", "day", NULL, NULL, NULL, NULL, NULL },
  { "312", "Online conform", "day", NULL, NULL, NULL, NULL, NULL },
  { "313", "Audio mix", "day", NULL, NULL, NULL, NULL, NULL },
  { "314", "Sound design", "flat", NULL, NULL, NULL, NULL, NULL },
  { "315", "Music licence", "flat", NULL, NULL, NULL, NULL, NULL },
  { "316", "Original music", "flat", NULL, NULL, NULL, NULL, NULL },
  { "317", "VO / ADR recording", "day", NULL, NULL, NULL, NULL, NULL },
  { "318", "Stock footage", "flat", NULL, NULL, NULL, NULL, NULL },
  { "319", "VFX (compositing & clean-up)", "flat", NULL, NULL, NULL, NULL, NULL },
  { "320", "Captioning", "flat", NULL, NULL, NULL, NULL, NULL },
  { "321", "Deliverables & versions", "flat", NULL, NULL, NULL, NULL, NULL },
  { "322", "Archive & storage", "flat", NULL, NULL, NULL, NULL, NULL },
};

static const OutlayTemplateSection aicp_sections[] = {
  { "A", N_("Pre-production & wrap labour"), "28", aicp_a, G_N_ELEMENTS (aicp_a) },
  { "B", N_("Shooting labour"), "28", aicp_b, G_N_ELEMENTS (aicp_b) },
  { "C", N_("Pre-production & wrap expenses"), NULL, aicp_c, G_N_ELEMENTS (aicp_c) },
  { "D", N_("Location & travel"), NULL, aicp_d, G_N_ELEMENTS (aicp_d) },
  { "E", N_("Props, wardrobe & animals"), NULL, aicp_e, G_N_ELEMENTS (aicp_e) },
  { "F", N_("Stage rental & expenses"), NULL, aicp_f, G_N_ELEMENTS (aicp_f) },
  { "G", N_("Art department labour"), "28", aicp_g, G_N_ELEMENTS (aicp_g) },
  { "H", N_("Art department expenses"), NULL, aicp_h, G_N_ELEMENTS (aicp_h) },
  { "I", N_("Equipment"), NULL, aicp_i, G_N_ELEMENTS (aicp_i) },
  { "J", N_("Media"), NULL, aicp_j, G_N_ELEMENTS (aicp_j) },
  { "K", N_("Miscellaneous"), NULL, aicp_k, G_N_ELEMENTS (aicp_k) },
  { "L", N_("Director / creative fees"), NULL, aicp_l, G_N_ELEMENTS (aicp_l) },
  { "M", N_("Talent labour"), "28", aicp_m, G_N_ELEMENTS (aicp_m) },
  { "N", N_("Talent expenses"), NULL, aicp_n, G_N_ELEMENTS (aicp_n) },
  { "O", N_("Post-production labour"), "28", aicp_o, G_N_ELEMENTS (aicp_o) },
  { "P", N_("Post-production expenses"), NULL, aicp_p, G_N_ELEMENTS (aicp_p) },
};

/* Blank budget ------------------------------------------------------------ */

static const OutlayTemplateSection blank_sections[] = {
  { "1", N_("General"), NULL, NULL, 0 },
};

/* Software project -------------------------------------------------------- */

/* 1. Discovery */
static const OutlayTemplateLine software_1[] = {
  { "1.1", "Stakeholder interviews", "hour", NULL, NULL, "150.00", NULL, NULL },
  { "1.2", "Requirements analysis", "hour", NULL, NULL, "130.00", NULL, NULL },
  { "1.3", "User research", "hour", NULL, NULL, "110.00", NULL, NULL },
  { "1.4", "Technical spike / prototype", "hour", NULL, NULL, "125.00", NULL, NULL },
  { "1.5", "Architecture review", "hour", NULL, NULL, "165.00", NULL, NULL },
};

/* 2. Design */
static const OutlayTemplateLine software_2[] = {
  { "2.1", "Wireframes", "hour", NULL, NULL, "105.00", NULL, NULL },
  { "2.2", "Visual design", "hour", NULL, NULL, "110.00", NULL, NULL },
  { "2.3", "Design system", "hour", NULL, NULL, "115.00", NULL, NULL },
  { "2.4", "Interactive prototype", "hour", NULL, NULL, "105.00", NULL, NULL },
  { "2.5", "Usability testing", "hour", NULL, NULL, "110.00", NULL, NULL },
};

/* 3. Backend */
static const OutlayTemplateLine software_3[] = {
  { "3.1", "API design", "hour", NULL, NULL, "140.00", NULL, NULL },
  { "3.2", "Database schema & migrations", "hour", NULL, NULL, "135.00", NULL, NULL },
  { "3.3", "Business logic", "hour", NULL, NULL, "130.00", NULL, NULL },
  { "3.4", "Third-party integrations", "hour", NULL, NULL, "135.00", NULL, NULL },
  { "3.5", "Authentication & authorization", "hour", NULL, NULL, "140.00", NULL, NULL },
  { "3.6", "Code review", "hour", NULL, NULL, "130.00", NULL, NULL },
};

/* 4. Frontend */
static const OutlayTemplateLine software_4[] = {
  { "4.1", "Component development", "hour", NULL, NULL, "120.00", NULL, NULL },
  { "4.2", "State management", "hour", NULL, NULL, "125.00", NULL, NULL },
  { "4.3", "Responsive layout", "hour", NULL, NULL, "115.00", NULL, NULL },
  { "4.4", "Accessibility", "hour", NULL, NULL, "120.00", NULL, NULL },
  { "4.5", "Internationalization", "hour", NULL, NULL, "115.00", NULL, NULL },
};

/* 5. QA */
static const OutlayTemplateLine software_5[] = {
  { "5.1", "Test planning", "hour", NULL, NULL, "95.00", NULL, NULL },
  { "5.2", "Automated tests", "hour", NULL, NULL, "105.00", NULL, NULL },
  { "5.3", "Manual regression testing", "hour", NULL, NULL, "85.00", NULL, NULL },
  { "5.4", "Performance testing", "hour", NULL, NULL, "110.00", NULL, NULL },
  { "5.5", "Security review", "hour", NULL, NULL, "150.00", NULL, NULL },
};

/* 6. DevOps */
static const OutlayTemplateLine software_6[] = {
  { "6.1", "CI/CD pipeline", "hour", NULL, NULL, "135.00", NULL, NULL },
  { "6.2", "Infrastructure as code", "hour", NULL, NULL, "140.00", NULL, NULL },
  { "6.3", "Monitoring & alerting", "hour", NULL, NULL, "130.00", NULL, NULL },
  { "6.4", "Release & deployment", "hour", NULL, NULL, "125.00", NULL, NULL },
};

/* 7. Project management */
static const OutlayTemplateLine software_7[] = {
  { "7.1", "Project manager", "hour", NULL, NULL, "120.00", NULL, NULL },
  { "7.2", "Sprint planning & ceremonies", "hour", NULL, NULL, "110.00", NULL, NULL },
  { "7.3", "Status reporting", "hour", NULL, NULL, "100.00", NULL, NULL },
  { "7.4", "Stakeholder communication", "hour", NULL, NULL, "110.00", NULL, NULL },
  { "7.5", "Risk & change management", "hour", NULL, NULL, "120.00", NULL, NULL },
};

static const OutlayTemplateSection software_sections[] = {
  { "1", N_("Discovery"), NULL, software_1, G_N_ELEMENTS (software_1) },
  { "2", N_("Design"), NULL, software_2, G_N_ELEMENTS (software_2) },
  { "3", N_("Backend"), NULL, software_3, G_N_ELEMENTS (software_3) },
  { "4", N_("Frontend"), NULL, software_4, G_N_ELEMENTS (software_4) },
  { "5", N_("QA"), NULL, software_5, G_N_ELEMENTS (software_5) },
  { "6", N_("DevOps"), NULL, software_6, G_N_ELEMENTS (software_6) },
  { "7", N_("Project management"), NULL, software_7, G_N_ELEMENTS (software_7) },
};

/* Department / FP&A budget ------------------------------------------------ */

/* 6000 Personnel */
static const OutlayTemplateLine department_6000[] = {
  { "6010", "Salaries", "month", NULL, "12", NULL, NULL, NULL },
  { "6020", "Payroll taxes", "month", NULL, "12", NULL, NULL, NULL },
  { "6030", "Health & dental benefits", "month", NULL, "12", NULL, NULL, NULL },
  { "6040", "Retirement plan match", "month", NULL, "12", NULL, NULL, NULL },
  { "6050", "Annual bonuses", "flat", NULL, NULL, NULL, NULL, NULL },
  { "6060", "Recruiting", "flat", NULL, NULL, NULL, NULL, NULL },
};

/* 6100 Contractors */
static const OutlayTemplateLine department_6100[] = {
  { "6110", "Consulting", "month", NULL, "12", NULL, NULL, NULL },
  { "6120", "Temporary staff", "month", NULL, "12", NULL, NULL, NULL },
  { "6130", "Legal fees", "flat", NULL, NULL, NULL, NULL, NULL },
  { "6140", "Audit & tax advisory", "flat", NULL, NULL, NULL, NULL, NULL },
};

/* 6200 Software & subscriptions */
static const OutlayTemplateLine department_6200[] = {
  { "6210", "SaaS licences", "month", NULL, "12", NULL, NULL, NULL },
  { "6220", "Cloud hosting", "month", NULL, "12", NULL, NULL, NULL },
  { "6230", "Collaboration tools", "month", NULL, "12", NULL, NULL, NULL },
  { "6240", "Security & compliance tools", "month", NULL, "12", NULL, NULL, NULL },
  { "6250", "Data & research subscriptions", "flat", NULL, NULL, NULL, NULL, NULL },
};

/* 6300 Travel & entertainment */
static const OutlayTemplateLine department_6300[] = {
  { "6310", "Airfare", "each", NULL, NULL, NULL, NULL, NULL },
  { "6320", "Hotels", "each", NULL, NULL, NULL, NULL, NULL },
  { "6330", "Meals & entertainment", "month", NULL, "12", NULL, NULL, NULL },
  { "6340", "Ground transport", "month", NULL, "12", NULL, NULL, NULL },
  { "6350", "Team offsite", "flat", NULL, NULL, NULL, NULL, NULL },
};

/* 6400 Facilities */
static const OutlayTemplateLine department_6400[] = {
  { "6410", "Rent", "month", NULL, "12", NULL, NULL, NULL },
  { "6420", "Utilities", "month", NULL, "12", NULL, NULL, NULL },
  { "6430", "Internet & phones", "month", NULL, "12", NULL, NULL, NULL },
  { "6440", "Cleaning & maintenance", "month", NULL, "12", NULL, NULL, NULL },
  { "6450", "Office supplies", "month", NULL, "12", NULL, NULL, NULL },
  { "6460", "Furniture & equipment", "flat", NULL, NULL, NULL, NULL, NULL },
};

/* 6500 Marketing programs */
static const OutlayTemplateLine department_6500[] = {
  { "6510", "Digital advertising", "month", NULL, "12", NULL, NULL, NULL },
  { "6520", "Content production", "month", NULL, "12", NULL, NULL, NULL },
  { "6530", "Trade shows", "each", NULL, NULL, NULL, NULL, NULL },
  { "6540", "Sponsorships", "flat", NULL, NULL, NULL, NULL, NULL },
  { "6550", "PR agency retainer", "month", NULL, "12", NULL, NULL, NULL },
};

/* 6600 Training */
static const OutlayTemplateLine department_6600[] = {
  { "6610", "Courses & certifications", "each", NULL, NULL, NULL, NULL, NULL },
  { "6620", "Conference tickets", "each", NULL, NULL, NULL, NULL, NULL },
  { "6630", "Learning platform subscriptions", "month", NULL, "12", NULL, NULL, NULL },
  { "6640", "Books & materials", "flat", NULL, NULL, NULL, NULL, NULL },
};

/* 6900 Other */
static const OutlayTemplateLine department_6900[] = {
  { "6910", "Insurance", "month", NULL, "12", NULL, NULL, NULL },
  { "6920", "Bank fees", "month", NULL, "12", NULL, NULL, NULL },
  { "6930", "Dues & memberships", "flat", NULL, NULL, NULL, NULL, NULL },
  { "6940", "Miscellaneous", "flat", NULL, NULL, NULL, NULL, NULL },
};

static const OutlayTemplateSection department_sections[] = {
  { "6000", N_("Personnel"), NULL, department_6000, G_N_ELEMENTS (department_6000) },
  { "6100", N_("Contractors"), NULL, department_6100, G_N_ELEMENTS (department_6100) },
  { "6200", N_("Software & subscriptions"), NULL, department_6200, G_N_ELEMENTS (department_6200) },
  { "6300", N_("Travel & entertainment"), NULL, department_6300, G_N_ELEMENTS (department_6300) },
  { "6400", N_("Facilities"), NULL, department_6400, G_N_ELEMENTS (department_6400) },
  { "6500", N_("Marketing programs"), NULL, department_6500, G_N_ELEMENTS (department_6500) },
  { "6600", N_("Training"), NULL, department_6600, G_N_ELEMENTS (department_6600) },
  { "6900", N_("Other"), NULL, department_6900, G_N_ELEMENTS (department_6900) },
};

/* Event ------------------------------------------------------------------- */

/* 1. Venue */
static const OutlayTemplateLine event_1[] = {
  { "1.1", "Venue hire", "day", NULL, NULL, NULL, NULL, NULL },
  { "1.2", "Setup & teardown", "day", NULL, NULL, NULL, NULL, NULL },
  { "1.3", "Furniture rental", "flat", NULL, NULL, NULL, NULL, NULL },
  { "1.4", "Signage & wayfinding", "flat", NULL, NULL, NULL, NULL, NULL },
  { "1.5", "Security", "day", NULL, NULL, NULL, NULL, NULL },
  { "1.6", "Cleaning", "flat", NULL, NULL, NULL, NULL, NULL },
  { "1.7", "Event liability insurance", "flat", NULL, NULL, NULL, NULL, NULL },
};

/* 2. Catering */
static const OutlayTemplateLine event_2[] = {
  { "2.1", "Breakfast", "each", NULL, NULL, NULL, NULL, NULL },
  { "2.2", "Lunch", "each", NULL, NULL, NULL, NULL, NULL },
  { "2.3", "Coffee breaks", "each", NULL, NULL, NULL, NULL, NULL },
  { "2.4", "Evening reception", "each", NULL, NULL, NULL, NULL, NULL },
  { "2.5", "Bar & beverages", "flat", NULL, NULL, NULL, NULL, NULL },
  { "2.6", "Service charge & gratuities", "flat", NULL, NULL, NULL, NULL, NULL },
};

/* 3. Production (AV, staging) */
static const OutlayTemplateLine event_3[] = {
  { "3.1", "Stage & set build", "flat", NULL, NULL, NULL, NULL, NULL },
  { "3.2", "Audio system", "day", NULL, NULL, NULL, NULL, NULL },
  { "3.3", "Lighting", "day", NULL, NULL, NULL, NULL, NULL },
  { "3.4", "Projection & LED screens", "day", NULL, NULL, NULL, NULL, NULL },
  { "3.5", "AV technicians", "day", NULL, NULL, NULL, NULL, NULL },
  { "3.6", "Livestream & recording", "flat", NULL, NULL, NULL, NULL, NULL },
};

/* 4. Talent & speakers */
static const OutlayTemplateLine event_4[] = {
  { "4.1", "Keynote speaker fee", "flat", NULL, NULL, NULL, NULL, NULL },
  { "4.2", "Panel speaker honoraria", "each", NULL, NULL, NULL, NULL, NULL },
  { "4.3", "Host / MC", "flat", NULL, NULL, NULL, NULL, NULL },
  { "4.4", "Entertainment", "flat", NULL, NULL, NULL, NULL, NULL },
  { "4.5", "Speaker gifts", "each", NULL, NULL, NULL, NULL, NULL },
};

/* 5. Marketing */
static const OutlayTemplateLine event_5[] = {
  { "5.1", "Website & registration platform", "flat", NULL, NULL, NULL, NULL, NULL },
  { "5.2", "Paid social advertising", "flat", NULL, NULL, NULL, NULL, NULL },
  { "5.3", "Email campaigns", "flat", NULL, NULL, NULL, NULL, NULL },
  { "5.4", "Printed materials", "flat", NULL, NULL, NULL, NULL, NULL },
  { "5.5", "Photography", "day", NULL, NULL, NULL, NULL, NULL },
  { "5.6", "Videography", "day", NULL, NULL, NULL, NULL, NULL },
  { "5.7", "Attendee swag", "each", NULL, NULL, NULL, NULL, NULL },
};

/* 6. Travel & accommodation */
static const OutlayTemplateLine event_6[] = {
  { "6.1", "Speaker flights", "each", NULL, NULL, NULL, NULL, NULL },
  { "6.2", "Speaker hotels", "each", NULL, NULL, NULL, NULL, NULL },
  { "6.3", "Staff travel", "each", NULL, NULL, NULL, NULL, NULL },
  { "6.4", "Ground transport & shuttles", "flat", NULL, NULL, NULL, NULL, NULL },
};

/* 7. Staffing */
static const OutlayTemplateLine event_7[] = {
  { "7.1", "Event manager", "day", NULL, NULL, NULL, NULL, NULL },
  { "7.2", "Registration staff", "day", NULL, NULL, NULL, NULL, NULL },
  { "7.3", "Temporary event staff", "day", NULL, NULL, NULL, NULL, NULL },
  { "7.4", "Volunteer meals & shirts", "each", NULL, NULL, NULL, NULL, NULL },
  { "7.5", "Interpreters", "day", NULL, NULL, NULL, NULL, NULL },
};

/* 8. Contingency */
static const OutlayTemplateLine event_8[] = {
  { "8.1", "Contingency", "allow", NULL, NULL, NULL, NULL, NULL },
};

static const OutlayTemplateSection event_sections[] = {
  { "1", N_("Venue"), NULL, event_1, G_N_ELEMENTS (event_1) },
  { "2", N_("Catering"), NULL, event_2, G_N_ELEMENTS (event_2) },
  { "3", N_("Production (AV, staging)"), NULL, event_3, G_N_ELEMENTS (event_3) },
  { "4", N_("Talent & speakers"), NULL, event_4, G_N_ELEMENTS (event_4) },
  { "5", N_("Marketing"), NULL, event_5, G_N_ELEMENTS (event_5) },
  { "6", N_("Travel & accommodation"), NULL, event_6, G_N_ELEMENTS (event_6) },
  { "7", N_("Staffing"), NULL, event_7, G_N_ELEMENTS (event_7) },
  { "8", N_("Contingency"), NULL, event_8, G_N_ELEMENTS (event_8) },
};

/* Sample: Brightwater “First Light” (30s spot, 2 shoot days) -------------- */

/* A. Pre-production & wrap labour */
static const OutlayTemplateLine sample_a[] = {
  { "1", "Line producer", "day", "1", "8", "850.00", "6571.27", NULL },
  { "2", "Assistant director", "day", "1", "3", "900.00", "2399.57", NULL },
  { "3", "Director of photography", "day", "1", "2", "2500.00", "4890.63", "Tech scout + prep" },
  { "6", "Gaffer", "day", "1", "1", "700.00", "629.27", NULL },
  { "7", "Key grip", "day", "1", "1", "700.00", "687.86", NULL },
  { "9", "Wardrobe stylist", "day", "1", "4", "900.00", "3154.47", "Includes fittings" },
  { "12", "Location scout", "day", "1", "4", "650.00", "2359.32", NULL },
  { "15", "Production supervisor", "day", "1", "6", "700.00", "3749.38", NULL },
  { "16", "Production coordinator", "day", "1", "7", "550.00", NULL, "Wrap still open" },
  { "17", "Production assistant", "day", "2", "5", "300.00", NULL, NULL },
};

/* B. Shooting labour */
static const OutlayTemplateLine sample_b[] = {
  { "51", "Line producer", "day", "1", "2", "850.00", "1548.42", NULL },
  { "52", "Assistant director", "day", "1", "2", "1100.00", "1996.80", NULL },
  { "53", "2nd assistant director", "day", "1", "2", "700.00", "1254.77", NULL },
  { "54", "Director of photography", "day", "1", "2", "3000.00", "6498.62", NULL },
  { "56", "1st assistant camera", "day", "1", "2", "750.00", "1578.64", NULL },
  { "57", "2nd assistant camera", "day", "1", "2", "600.00", "1332.16", NULL },
  { "58", "DIT", "day", "1", "2", "900.00", "1725.94", NULL },
  { "59", "Steadicam operator", "day", "1", "1", "1800.00", "1938.34", "Beach day only" },
  { "60", "Gaffer", "day", "1", "2", "750.00", "1375.70", NULL },
  { "61", "Electrician", "day", "3", "2", "600.00", "3860.07", NULL },
  { "62", "Key grip", "day", "1", "2", "750.00", "1636.69", NULL },
  { "63", "Grip", "day", "3", "2", "600.00", "3918.82", NULL },
  { "64", "Hair & make-up artist", "day", "2", "2", "900.00", "3280.05", NULL },
  { "65", "Wardrobe stylist", "day", "1", "2", "900.00", "1966.78", NULL },
  { "67", "Sound mixer", "day", "1", "2", "950.00", "1675.64", NULL },
  { "70", "Production assistant", "day", "4", "2", "300.00", "2303.11", NULL },
  { "71", "Overtime (1.5x)", "hour", "1", "40", "85.00", "3331.56", "Includes OT for dawn call" },
};

/* C. Pre-production & wrap expenses */
static const OutlayTemplateLine sample_c[] = {
  { "104", "Scouting expenses", "flat", "1", "1", "1200.00", "1134.50", NULL },
  { "105", "Car rentals", "day", "2", "8", "95.00", "1334.23", NULL },
  { "106", "Casting director", "day", "1", "3", "1500.00", "4291.87", NULL },
  { "107", "Casting facility", "day", "1", "2", "950.00", "1825.53", NULL },
  { "108", "Working meals", "flat", "1", "1", "900.00", NULL, NULL },
};

/* D. Location & travel */
static const OutlayTemplateLine sample_d[] = {
  { "114", "Location fees", "day", "1", "1", "7500.00", "7500.00", "Malibu beach, dawn" },
  { "115", "Permits", "flat", "1", "1", "1200.00", "1190.27", NULL },
  { "116", "Police & fire safety officers", "day", "2", "1", "900.00", "1885.45", NULL },
  { "117", "Security", "day", "2", "3", "450.00", "2669.66", NULL },
  { "119", "Motorhomes", "day", "2", "1", "1100.00", "2012.83", NULL },
  { "121", "Parking, tolls & fuel", "flat", "1", "1", "1500.00", NULL, NULL },
  { "123", "Hotels", "day", "6", "2", "225.00", NULL, "Invoice pending" },
  { "125", "Catering", "each", "60", "2", "38.00", "4998.35", "Per head" },
};

/* E. Props, wardrobe & animals */
static const OutlayTemplateLine sample_e[] = {
  { "140", "Prop rental", "flat", "1", "1", "3500.00", "3064.94", NULL },
  { "141", "Prop purchase", "flat", "1", "1", "2200.00", "2463.03", NULL },
  { "142", "Wardrobe rental", "flat", "1", "1", "2800.00", "3074.79", NULL },
  { "143", "Wardrobe purchase", "flat", "1", "1", "4200.00", NULL, "Returns pending" },
  { "147", "Animals & handlers", "day", "1", "1", "1800.00", "1982.90", "Golden retriever + handler" },
  { "148", "Product prep", "flat", "1", "1", "1800.00", NULL, "Hero cans from client" },
};

/* F. Stage rental & expenses */
static const OutlayTemplateLine sample_f[] = {
  { "151", "Build days", "day", "1", "2", "3800.00", "7205.13", NULL },
  { "152", "Pre-light days", "day", "1", "1", "3800.00", "3601.42", NULL },
  { "153", "Shoot days", "day", "1", "1", "5200.00", "5200.00", NULL },
  { "155", "Strike days", "day", "1", "1", "3800.00", NULL, NULL },
  { "157", "Power charges", "flat", "1", "1", "1800.00", NULL, "Billed after wrap" },
  { "160", "Lifts (condor, scissor)", "day", "1", "3", "350.00", "924.87", NULL },
  { "167", "Cyc paint", "flat", "1", "1", "1600.00", NULL, NULL },
};

/* G. Art department labour */
static const OutlayTemplateLine sample_g[] = {
  { "169", "Production designer", "day", "1", "6", "1100.00", "6896.88", NULL },
  { "170", "Art director", "day", "1", "5", "800.00", "3667.96", NULL },
  { "172", "Prop master", "day", "1", "4", "700.00", "2513.66", NULL },
  { "175", "Set dressers", "day", "3", "4", "450.00", "5361.12", NULL },
  { "177", "Carpenters", "day", "4", "2", "550.00", "3930.10", NULL },
};

/* H. Art department expenses */
static const OutlayTemplateLine sample_h[] = {
  { "181", "Set construction materials", "flat", "1", "1", "9500.00", "8333.62", "Kitchen set" },
  { "182", "Set dressing purchase", "flat", "1", "1", "3500.00", "3761.90", NULL },
  { "183", "Set dressing rental", "flat", "1", "1", "4500.00", "4555.66", NULL },
  { "188", "Art department trucking", "day", "1", "4", "350.00", NULL, NULL },
};

/* I. Equipment */
static const OutlayTemplateLine sample_i[] = {
  { "193", "Camera package", "day", "1", "2", "4200.00", "8103.30", "Quote from Panavision" },
  { "194", "Lenses", "day", "1", "2", "2200.00", "4793.99", NULL },
  { "195", "Sound package", "day", "1", "2", "550.00", "1157.78", NULL },
  { "196", "Lighting package", "day", "1", "3", "4800.00", "14661.07", NULL },
  { "197", "Grip package", "day", "1", "3", "2200.00", "5744.20", NULL },
  { "198", "Generator", "day", "1", "1", "1200.00", NULL, NULL },
  { "199", "Crane", "day", "1", "1", "6500.00", NULL, "Hold" },
  { "200", "Dolly", "day", "1", "2", "650.00", "1158.16", NULL },
  { "202", "Walkie-talkies", "each", "30", "2", "12.00", "708.96", NULL },
  { "203", "Expendables", "flat", "1", "1", "2400.00", NULL, NULL },
  { "204", "Video assist / playback", "day", "1", "2", "650.00", "1278.77", NULL },
};

/* J. Media */
static const OutlayTemplateLine sample_j[] = {
  { "211", "Hard drives & media", "each", "6", "1", "280.00", "1477.28", NULL },
  { "214", "Transcoding / transfer", "flat", "1", "1", "1200.00", NULL, NULL },
  { "216", "Data backup (LTO)", "flat", "1", "1", "900.00", NULL, NULL },
};

/* K. Miscellaneous */
static const OutlayTemplateLine sample_k[] = {
  { "217", "Petty cash", "flat", "1", "1", "2500.00", NULL, "Not yet reconciled" },
  { "218", "Shipping", "flat", "1", "1", "650.00", "600.07", NULL },
  { "220", "Special insurance", "flat", "1", "1", "4500.00", "4500.00", "Beach location rider" },
  { "223", "Accounting & payroll service", "flat", "1", "1", "1800.00", NULL, NULL },
};

/* L. Director / creative fees */
static const OutlayTemplateLine sample_l[] = {
  { "230", "Director prep days", "day", "1", "4", "5000.00", "20000.00", NULL },
  { "231", "Director travel days", "day", "1", "1", "2500.00", "2500.00", NULL },
  { "232", "Director shoot days", "day", "1", "2", "25000.00", "50000.00", NULL },
  { "233", "Director post days", "day", "1", "3", "2500.00", NULL, NULL },
};

/* M. Talent labour */
static const OutlayTemplateLine sample_m[] = {
  { "250", "Principals (on-camera)", "day", "3", "2", "1200.00", "7314.10", NULL },
  { "251", "Extras / background", "day", "12", "1", "220.00", NULL, "Beach day" },
  { "252", "Hand model", "day", "1", "1", "1500.00", "1585.92", "Pour shot" },
  { "253", "Voice-over", "each", "1", "1", "1500.00", NULL, "Session after lock" },
  { "256", "Fitting fees", "each", "3", "1", "250.00", "712.36", NULL },
};

/* N. Talent expenses */
static const OutlayTemplateLine sample_n[] = {
  { "273", "Agency fees", "flat", "1", "1", "1450.00", NULL, "10% of session fees" },
  { "274", "Payroll service", "flat", "1", "1", "1200.00", NULL, NULL },
  { "277", "Ground transport", "flat", "1", "1", "900.00", NULL, NULL },
};

/* O. Post-production labour */
static const OutlayTemplateLine sample_o[] = {
  { "290", "Editor", "week", "1", "3", "6500.00", NULL, NULL },
  { "291", "Assistant editor", "week", "1", "3", "2800.00", NULL, NULL },
  { "292", "Post producer", "week", "1", "4", "2500.00", NULL, NULL },
  { "293", "Graphic designer / motion graphics", "day", "1", "5", "900.00", NULL, "End card + legal" },
};

/* P. Post-production expenses */
static const OutlayTemplateLine sample_p[] = {
  { "310", "Edit suite rental", "week", "1", "3", "3500.00", NULL, NULL },
  { "311", "Colour grading", "day", "1", "1", "6500.00", NULL, NULL },
  { "312", "Online conform", "day", "1", "1", "3800.00", NULL, NULL },
  { "313", "Audio mix", "day", "1", "1", "4500.00", NULL, NULL },
  { "314", "Sound design", "flat", "1", "1", "3500.00", NULL, NULL },
  { "315", "Music licence", "flat", "1", "1", "25000.00", NULL, "Hold: sync licence pending" },
  { "317", "VO / ADR recording", "day", "1", "1", "1200.00", NULL, NULL },
  { "319", "VFX (compositing & clean-up)", "flat", "1", "1", "12000.00", NULL, NULL },
  { "321", "Deliverables & versions", "flat", "1", "1", "3200.00", NULL, "30s, 15s, 6s cutdowns" },
};

/* The sample's labour rates are quoted with P&W included, so its sections
 * carry no fringe and every total is the plain sum of the lines a new user
 * sees; new AICP budgets (above) start with the usual 28 %. */
static const OutlayTemplateSection sample_sections[] = {
  { "A", N_("Pre-production & wrap labour"), NULL, sample_a, G_N_ELEMENTS (sample_a) },
  { "B", N_("Shooting labour"), NULL, sample_b, G_N_ELEMENTS (sample_b) },
  { "C", N_("Pre-production & wrap expenses"), NULL, sample_c, G_N_ELEMENTS (sample_c) },
  { "D", N_("Location & travel"), NULL, sample_d, G_N_ELEMENTS (sample_d) },
  { "E", N_("Props, wardrobe & animals"), NULL, sample_e, G_N_ELEMENTS (sample_e) },
  { "F", N_("Stage rental & expenses"), NULL, sample_f, G_N_ELEMENTS (sample_f) },
  { "G", N_("Art department labour"), NULL, sample_g, G_N_ELEMENTS (sample_g) },
  { "H", N_("Art department expenses"), NULL, sample_h, G_N_ELEMENTS (sample_h) },
  { "I", N_("Equipment"), NULL, sample_i, G_N_ELEMENTS (sample_i) },
  { "J", N_("Media"), NULL, sample_j, G_N_ELEMENTS (sample_j) },
  { "K", N_("Miscellaneous"), NULL, sample_k, G_N_ELEMENTS (sample_k) },
  { "L", N_("Director / creative fees"), NULL, sample_l, G_N_ELEMENTS (sample_l) },
  { "M", N_("Talent labour"), NULL, sample_m, G_N_ELEMENTS (sample_m) },
  { "N", N_("Talent expenses"), NULL, sample_n, G_N_ELEMENTS (sample_n) },
  { "O", N_("Post-production labour"), NULL, sample_o, G_N_ELEMENTS (sample_o) },
  { "P", N_("Post-production expenses"), NULL, sample_p, G_N_ELEMENTS (sample_p) },
};

/* Production fee and insurance at common AICP rates: 12 % of direct
 * costs, 1.5 % insurance; no extra A-to-K markup, no contingency. */
static const OutlayTemplateBid sample_bid = {
  .production_company = "Northbeam Films",
  .job_number = "NB-2611",
  .bid_date = "2026-11-02",
  .shoot_dates = "2026-12-07 – 2026-12-08",
  .director = "Lena Marsh",
  .producer = "Tomás Ortega",
  .insurance_percent = "1.5",
  .production_fee_percent = "12",
};

/* Table ------------------------------------------------------------------- */

const OutlayTemplate outlay_template_table[] = {
  {
    "aicp",
    N_("AICP commercial bid"),
    N_("The sixteen-section AICP long form for bidding a commercial."),
    "aicp",
    "USD",
    NULL,
    NULL,
    aicp_sections,
    G_N_ELEMENTS (aicp_sections),
  },
  {
    "blank",
    N_("Blank budget"),
    N_("An empty budget with a single section to start from."),
    "project",
    "USD",
    NULL,
    NULL,
    blank_sections,
    G_N_ELEMENTS (blank_sections),
  },
  {
    "software",
    N_("Software project"),
    N_("Hourly roles and activities for a software project, from discovery to release."),
    "project",
    "USD",
    NULL,
    NULL,
    software_sections,
    G_N_ELEMENTS (software_sections),
  },
  {
    "department",
    N_("Department / FP&A budget"),
    N_("An annual department budget by account and cost category."),
    "department",
    "USD",
    NULL,
    NULL,
    department_sections,
    G_N_ELEMENTS (department_sections),
  },
  {
    "event",
    N_("Event"),
    N_("Venue, catering, production, speakers and everything else an event needs."),
    "event",
    "USD",
    NULL,
    NULL,
    event_sections,
    G_N_ELEMENTS (event_sections),
  },
  {
    "sample",
    N_("Sample: Brightwater “First Light” commercial"),
    N_("A realistic AICP bid to explore Outlay with."),
    "aicp",
    "USD",
    "Brightwater Beverages / Northbeam Agency",
    "520000.00",
    sample_sections,
    G_N_ELEMENTS (sample_sections),
    &sample_bid,
  },
};

const guint outlay_template_table_len = G_N_ELEMENTS (outlay_template_table);
