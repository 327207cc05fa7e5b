/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-import-fields"

/* What a column header says: a vocabulary of header words per field in a
 * few languages, normalisation (case, accents, punctuation, currency and
 * per-unit tags), typo tolerance and a head-word reading of compound
 * headers ("Actual Cost" is actual money, "Actual Hours" is not). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-import-private.h"

#define F(x) OUTLAY_IMPORT_FIELD_##x

typedef struct
{
  const char *phrase; /* normalised */
  guint8      field;
  guint8      weight; /* percent */
} Word;

/* Entries with the same phrase are adjacent. */
/* clang-format off */
static const Word vocabulary[] = {
  /* code */
  { "code", F (CODE), 95 }, { "line", F (CODE), 80 }, { "line no", F (CODE), 95 },
  { "line number", F (CODE), 95 }, { "acct", F (CODE), 90 }, { "acct no", F (CODE), 95 },
  { "account", F (CODE), 85 }, { "account no", F (CODE), 95 }, { "account number", F (CODE), 95 },
  { "account code", F (CODE), 95 }, { "task id", F (CODE), 95 }, { "id", F (CODE), 80 },
  { "cost center", F (CODE), 80 }, { "cost center", F (CATEGORY), 65 },
  { "cost centre", F (CODE), 80 }, { "cost centre", F (CATEGORY), 65 },
  { "pos", F (CODE), 85 }, { "position", F (CODE), 70 }, { "item no", F (CODE), 90 },
  { "item number", F (CODE), 90 }, { "item code", F (CODE), 90 }, { "no", F (CODE), 70 },
  { "no", F (QTY), 55 }, { "nr", F (CODE), 75 }, { "number", F (CODE), 60 },
  { "ref", F (CODE), 75 }, { "reference", F (CODE), 70 }, { "wbs", F (CODE), 90 },
  { "wbs code", F (CODE), 95 }, { "gl code", F (CODE), 95 }, { "gl account", F (CODE), 90 },
  { "budget code", F (CODE), 95 }, { "cost code", F (CODE), 95 }, { "job code", F (CODE), 90 },
  { "sku", F (CODE), 80 }, { "part no", F (CODE), 85 }, { "activity id", F (CODE), 90 },
  { "artikelnummer", F (CODE), 85 }, { "numero", F (CODE), 75 }, { "num", F (CODE), 70 },
  { "n", F (CODE), 70 }, { "codigo", F (CODE), 95 }, { "codice", F (CODE), 95 },
  { "konto", F (CODE), 80 }, { "compte", F (CODE), 80 }, { "cuenta", F (CODE), 80 },
  { "partida", F (CODE), 60 }, { "partida", F (DESCRIPTION), 50 },
  /* description */
  { "description", F (DESCRIPTION), 100 }, { "desc", F (DESCRIPTION), 90 },
  { "descr", F (DESCRIPTION), 90 }, { "details", F (DESCRIPTION), 75 }, { "detail", F (DESCRIPTION), 75 },
  { "item description", F (DESCRIPTION), 100 }, { "line description", F (DESCRIPTION), 100 },
  { "line item", F (DESCRIPTION), 85 }, { "task", F (DESCRIPTION), 85 }, { "task name", F (DESCRIPTION), 90 },
  { "name", F (DESCRIPTION), 60 }, { "name", F (ASSIGNEE), 40 }, { "title", F (DESCRIPTION), 60 },
  { "item", F (DESCRIPTION), 70 }, { "item", F (CODE), 50 }, { "item name", F (DESCRIPTION), 90 },
  { "particulars", F (DESCRIPTION), 85 }, { "expense", F (DESCRIPTION), 60 },
  { "service", F (DESCRIPTION), 70 }, { "services", F (DESCRIPTION), 70 },
  { "product", F (DESCRIPTION), 65 }, { "activity", F (DESCRIPTION), 75 },
  { "deliverable", F (DESCRIPTION), 75 }, { "sub category", F (DESCRIPTION), 60 },
  { "sub category", F (CATEGORY), 45 }, { "subcategory", F (DESCRIPTION), 60 },
  { "subcategory", F (CATEGORY), 45 }, { "beschreibung", F (DESCRIPTION), 100 },
  { "bezeichnung", F (DESCRIPTION), 95 }, { "leistung", F (DESCRIPTION), 80 },
  { "artikel", F (DESCRIPTION), 75 }, { "posten", F (DESCRIPTION), 70 },
  { "designation", F (DESCRIPTION), 95 }, { "libelle", F (DESCRIPTION), 95 },
  { "intitule", F (DESCRIPTION), 90 }, { "descripcion", F (DESCRIPTION), 100 },
  { "concepto", F (DESCRIPTION), 90 }, { "detalle", F (DESCRIPTION), 80 },
  { "descrizione", F (DESCRIPTION), 100 }, { "voce", F (DESCRIPTION), 70 },
  /* category */
  { "category", F (CATEGORY), 95 }, { "cat", F (CATEGORY), 75 }, { "department", F (CATEGORY), 90 },
  { "dept", F (CATEGORY), 90 }, { "phase", F (CATEGORY), 85 }, { "section", F (CATEGORY), 90 },
  { "group", F (CATEGORY), 80 }, { "cost category", F (CATEGORY), 95 },
  { "budget category", F (CATEGORY), 95 }, { "type", F (CATEGORY), 60 },
  { "class", F (CATEGORY), 65 }, { "classification", F (CATEGORY), 70 },
  { "division", F (CATEGORY), 75 }, { "workstream", F (CATEGORY), 80 }, { "area", F (CATEGORY), 60 },
  { "cost type", F (CATEGORY), 80 }, { "account group", F (CATEGORY), 85 },
  { "team", F (CATEGORY), 60 }, { "chapter", F (CATEGORY), 75 }, { "kategorie", F (CATEGORY), 95 },
  { "abteilung", F (CATEGORY), 90 }, { "gruppe", F (CATEGORY), 80 }, { "bereich", F (CATEGORY), 75 },
  { "kostenart", F (CATEGORY), 80 }, { "kapitel", F (CATEGORY), 75 }, { "categorie", F (CATEGORY), 95 },
  { "departement", F (CATEGORY), 90 }, { "rubrique", F (CATEGORY), 80 },
  { "categoria", F (CATEGORY), 95 }, { "departamento", F (CATEGORY), 90 }, { "rubro", F (CATEGORY), 80 },
  /* qty */
  { "qty", F (QTY), 100 }, { "quantity", F (QTY), 100 }, { "hours", F (QTY), 85 },
  { "hrs", F (QTY), 85 }, { "hour", F (QTY), 75 }, { "est hours", F (QTY), 90 },
  { "estimated hours", F (QTY), 90 }, { "units", F (QTY), 80 }, { "units", F (UNIT), 50 },
  { "count", F (QTY), 70 }, { "menge", F (QTY), 100 }, { "anzahl", F (QTY), 95 },
  { "stunden", F (QTY), 85 }, { "std", F (QTY), 70 }, { "quantite", F (QTY), 100 },
  { "qte", F (QTY), 95 }, { "nombre", F (QTY), 75 }, { "heures", F (QTY), 85 },
  { "cantidad", F (QTY), 100 }, { "cant", F (QTY), 80 }, { "horas", F (QTY), 85 },
  { "quantita", F (QTY), 100 }, { "pieces", F (QTY), 70 }, { "pcs", F (QTY), 75 },
  { "headcount", F (QTY), 75 }, { "fte", F (QTY), 70 }, { "amount of", F (QTY), 50 },
  /* unit */
  { "unit", F (UNIT), 95 }, { "uom", F (UNIT), 95 }, { "unit of measure", F (UNIT), 100 },
  { "per", F (UNIT), 70 }, { "measure", F (UNIT), 60 }, { "einheit", F (UNIT), 95 },
  { "unite", F (UNIT), 95 }, { "unidad", F (UNIT), 95 }, { "unita", F (UNIT), 90 },
  /* multiplier */
  { "x", F (MULTIPLIER), 90 }, { "days", F (MULTIPLIER), 80 }, { "weeks", F (MULTIPLIER), 75 },
  { "months", F (MULTIPLIER), 65 }, { "mult", F (MULTIPLIER), 90 }, { "multiplier", F (MULTIPLIER), 95 },
  { "factor", F (MULTIPLIER), 80 }, { "times", F (MULTIPLIER), 75 }, { "tage", F (MULTIPLIER), 75 },
  { "jours", F (MULTIPLIER), 75 }, { "dias", F (MULTIPLIER), 75 }, { "no of days", F (MULTIPLIER), 85 },
  /* rate */
  { "rate", F (RATE), 95 }, { "hourly rate", F (RATE), 100 }, { "day rate", F (RATE), 100 },
  { "daily rate", F (RATE), 100 }, { "unit price", F (RATE), 100 }, { "unit cost", F (RATE), 100 },
  { "unit rate", F (RATE), 100 }, { "price", F (RATE), 85 }, { "price per unit", F (RATE), 100 },
  { "cost per unit", F (RATE), 100 }, { "rate per hour", F (RATE), 100 },
  { "price each", F (RATE), 95 }, { "each", F (RATE), 70 }, { "ea", F (RATE), 70 },
  { "bill rate", F (RATE), 95 }, { "pay rate", F (RATE), 90 }, { "einzelpreis", F (RATE), 100 },
  { "preis", F (RATE), 85 }, { "ep", F (RATE), 75 }, { "stundensatz", F (RATE), 100 },
  { "tagessatz", F (RATE), 100 }, { "satz", F (RATE), 85 }, { "prix unitaire", F (RATE), 100 },
  { "pu", F (RATE), 75 }, { "prix", F (RATE), 85 }, { "tarif", F (RATE), 90 }, { "taux", F (RATE), 85 },
  { "precio unitario", F (RATE), 100 }, { "precio", F (RATE), 85 }, { "tarifa", F (RATE), 90 },
  { "costo unitario", F (RATE), 100 }, { "prezzo", F (RATE), 85 }, { "prezzo unitario", F (RATE), 100 },
  /* estimate */
  { "estimate", F (ESTIMATE), 100 }, { "est", F (ESTIMATE), 90 }, { "estimated", F (ESTIMATE), 95 },
  { "estimated cost", F (ESTIMATE), 100 }, { "est cost", F (ESTIMATE), 100 },
  { "est total", F (ESTIMATE), 100 }, { "estimate total", F (ESTIMATE), 100 },
  { "budget", F (ESTIMATE), 95 }, { "budgeted", F (ESTIMATE), 95 }, { "bud", F (ESTIMATE), 90 },
  { "bdgt", F (ESTIMATE), 90 }, { "budg", F (ESTIMATE), 90 }, { "fcst", F (ESTIMATE), 60 },
  { "budgeted amount", F (ESTIMATE), 100 }, { "budget amount", F (ESTIMATE), 100 },
  { "planned", F (ESTIMATE), 90 }, { "planned cost", F (ESTIMATE), 95 }, { "plan", F (ESTIMATE), 80 },
  { "projected", F (ESTIMATE), 85 }, { "projected cost", F (ESTIMATE), 95 },
  { "forecast", F (ESTIMATE), 60 }, { "bid", F (ESTIMATE), 85 }, { "bid amount", F (ESTIMATE), 95 },
  { "amount", F (ESTIMATE), 75 }, { "amt", F (ESTIMATE), 75 }, { "amnt", F (ESTIMATE), 75 },
  { "total", F (ESTIMATE), 70 }, { "tot", F (ESTIMATE), 65 }, { "ttl", F (ESTIMATE), 65 },
  { "cost", F (ESTIMATE), 75 }, { "costs", F (ESTIMATE), 75 }, { "line total", F (ESTIMATE), 90 },
  { "total cost", F (ESTIMATE), 85 }, { "total amount", F (ESTIMATE), 80 },
  { "extended", F (ESTIMATE), 75 }, { "ext", F (ESTIMATE), 70 }, { "extension", F (ESTIMATE), 75 },
  { "extended price", F (ESTIMATE), 85 }, { "sum", F (ESTIMATE), 65 }, { "subtotal", F (ESTIMATE), 60 }, { "value", F (ESTIMATE), 60 },
  { "original budget", F (ESTIMATE), 95 }, { "approved budget", F (ESTIMATE), 95 },
  { "current budget", F (ESTIMATE), 90 }, { "revised budget", F (ESTIMATE), 90 },
  { "awarded", F (ESTIMATE), 80 }, { "betrag", F (ESTIMATE), 75 }, { "summe", F (ESTIMATE), 65 },
  { "gesamt", F (ESTIMATE), 65 }, { "gesamtpreis", F (ESTIMATE), 85 }, { "gp", F (ESTIMATE), 70 },
  { "kosten", F (ESTIMATE), 75 }, { "plankosten", F (ESTIMATE), 95 }, { "soll", F (ESTIMATE), 85 },
  { "montant", F (ESTIMATE), 75 }, { "cout", F (ESTIMATE), 75 }, { "prevu", F (ESTIMATE), 85 },
  { "importe", F (ESTIMATE), 75 }, { "costo", F (ESTIMATE), 75 }, { "presupuesto", F (ESTIMATE), 95 },
  { "monto", F (ESTIMATE), 75 }, { "valor", F (ESTIMATE), 60 }, { "importo", F (ESTIMATE), 75 },
  /* actual */
  { "actual", F (ACTUAL), 100 }, { "actuals", F (ACTUAL), 100 }, { "act", F (ACTUAL), 85 },
  { "actl", F (ACTUAL), 90 }, { "acts", F (ACTUAL), 85 }, { "actual cost", F (ACTUAL), 100 },
  { "actual amount", F (ACTUAL), 100 }, { "actual spend", F (ACTUAL), 100 }, { "spent", F (ACTUAL), 90 },
  { "spend", F (ACTUAL), 80 }, { "incurred", F (ACTUAL), 90 }, { "actuals to date", F (ACTUAL), 100 },
  { "actual to date", F (ACTUAL), 100 }, { "spent to date", F (ACTUAL), 100 },
  { "cost to date", F (ACTUAL), 95 }, { "to date", F (ACTUAL), 70 }, { "paid", F (ACTUAL), 70 },
  { "invoiced", F (ACTUAL), 70 }, { "expended", F (ACTUAL), 85 }, { "expenditure", F (ACTUAL), 80 },
  { "expenditures", F (ACTUAL), 80 }, { "ist", F (ACTUAL), 90 }, { "istkosten", F (ACTUAL), 95 },
  { "tatsachlich", F (ACTUAL), 90 }, { "reel", F (ACTUAL), 85 }, { "depense", F (ACTUAL), 80 },
  { "depenses", F (ACTUAL), 80 }, { "real", F (ACTUAL), 75 }, { "gasto", F (ACTUAL), 80 },
  { "gasto real", F (ACTUAL), 95 }, { "consuntivo", F (ACTUAL), 90 },
  /* committed */
  { "committed", F (COMMITTED), 95 }, { "commitment", F (COMMITTED), 90 },
  { "commitments", F (COMMITTED), 90 }, { "po", F (COMMITTED), 60 }, { "po amount", F (COMMITTED), 90 },
  { "purchase order", F (COMMITTED), 80 }, { "encumbered", F (COMMITTED), 90 },
  { "encumbrance", F (COMMITTED), 90 }, { "obligated", F (COMMITTED), 85 }, { "obligo", F (COMMITTED), 90 },
  /* notes */
  { "notes", F (NOTES), 100 }, { "note", F (NOTES), 95 }, { "comments", F (NOTES), 95 },
  { "comment", F (NOTES), 95 }, { "remarks", F (NOTES), 95 }, { "remark", F (NOTES), 95 },
  { "status", F (NOTES), 55 }, { "memo", F (NOTES), 85 }, { "justification", F (NOTES), 75 },
  { "assumptions", F (NOTES), 75 }, { "bemerkung", F (NOTES), 95 }, { "bemerkungen", F (NOTES), 95 },
  { "anmerkung", F (NOTES), 95 }, { "kommentar", F (NOTES), 95 }, { "notiz", F (NOTES), 90 },
  { "remarque", F (NOTES), 95 }, { "remarques", F (NOTES), 95 }, { "commentaire", F (NOTES), 95 },
  { "commentaires", F (NOTES), 95 }, { "observaciones", F (NOTES), 95 }, { "notas", F (NOTES), 95 },
  { "comentarios", F (NOTES), 95 }, { "note interne", F (NOTES), 90 },
  /* date */
  { "date", F (DATE), 100 }, { "due date", F (DATE), 100 }, { "due", F (DATE), 80 },
  { "start date", F (DATE), 95 }, { "end date", F (DATE), 90 }, { "deadline", F (DATE), 90 },
  { "date paid", F (DATE), 95 }, { "invoice date", F (DATE), 95 }, { "transaction date", F (DATE), 95 },
  { "start", F (DATE), 60 }, { "finish", F (DATE), 60 }, { "datum", F (DATE), 100 },
  { "falligkeit", F (DATE), 90 }, { "fecha", F (DATE), 100 }, { "echeance", F (DATE), 90 },
  { "data", F (DATE), 60 },
  /* vendor */
  { "vendor", F (VENDOR), 100 }, { "supplier", F (VENDOR), 100 }, { "payee", F (VENDOR), 95 },
  { "merchant", F (VENDOR), 95 }, { "contractor", F (VENDOR), 85 }, { "company", F (VENDOR), 70 },
  { "provider", F (VENDOR), 80 }, { "vendor name", F (VENDOR), 100 }, { "supplier name", F (VENDOR), 100 },
  { "paid to", F (VENDOR), 90 }, { "lieferant", F (VENDOR), 100 }, { "fournisseur", F (VENDOR), 100 },
  { "proveedor", F (VENDOR), 100 }, { "fornitore", F (VENDOR), 100 },
  /* assignee */
  { "assignee", F (ASSIGNEE), 100 }, { "assigned to", F (ASSIGNEE), 100 }, { "owner", F (ASSIGNEE), 90 },
  { "employee", F (ASSIGNEE), 85 }, { "employee name", F (ASSIGNEE), 90 },
  { "responsible", F (ASSIGNEE), 90 }, { "resource", F (ASSIGNEE), 75 }, { "person", F (ASSIGNEE), 75 },
  { "staff", F (ASSIGNEE), 70 }, { "team member", F (ASSIGNEE), 90 }, { "lead", F (ASSIGNEE), 65 },
  { "mitarbeiter", F (ASSIGNEE), 90 }, { "verantwortlich", F (ASSIGNEE), 90 },
  { "responsable", F (ASSIGNEE), 90 }, { "empleado", F (ASSIGNEE), 85 }, { "employe", F (ASSIGNEE), 85 },
  /* period */
  { "period", F (PERIOD), 95 }, { "fiscal period", F (PERIOD), 100 }, { "month", F (PERIOD), 85 },
  { "quarter", F (PERIOD), 85 }, { "fy", F (PERIOD), 70 }, { "fiscal year", F (PERIOD), 85 },
  { "year", F (PERIOD), 70 }, { "week", F (PERIOD), 65 }, { "periode", F (PERIOD), 95 },
  { "monat", F (PERIOD), 85 }, { "mois", F (PERIOD), 85 }, { "mes", F (PERIOD), 85 },
  { "trimestre", F (PERIOD), 85 }, { "quartal", F (PERIOD), 85 },
  /* derived */
  { "variance", F (DERIVED), 100 }, { "var", F (DERIVED), 85 }, { "difference", F (DERIVED), 95 },
  { "diff", F (DERIVED), 90 }, { "remaining", F (DERIVED), 95 }, { "balance", F (DERIVED), 85 },
  { "over under", F (DERIVED), 100 }, { "delta", F (DERIVED), 90 }, { "left", F (DERIVED), 70 },
  { "to go", F (DERIVED), 70 }, { "eac", F (DERIVED), 70 }, { "percent", F (DERIVED), 85 },
  { "pct", F (DERIVED), 85 }, { "plusminus", F (DERIVED), 95 }, { "abweichung", F (DERIVED), 100 },
  { "differenz", F (DERIVED), 95 }, { "rest", F (DERIVED), 70 }, { "restbudget", F (DERIVED), 90 },
  { "ecart", F (DERIVED), 100 }, { "reste", F (DERIVED), 80 }, { "diferencia", F (DERIVED), 95 },
  { "saldo", F (DERIVED), 80 }, { "progress", F (DERIVED), 70 }, { "scostamento", F (DERIVED), 100 },
  /* known columns that are not imported */
  { "currency", F (IGNORE), 70 }, { "curr", F (IGNORE), 60 }, { "ccy", F (IGNORE), 70 },
  { "receipt", F (IGNORE), 60 }, { "receipt attached", F (IGNORE), 70 },
  { "approved by", F (IGNORE), 70 }, { "payment method", F (IGNORE), 70 },
  { "email", F (IGNORE), 70 }, { "phone", F (IGNORE), 70 }, { "address", F (IGNORE), 60 },
  { "actual hours", F (IGNORE), 70 }, { "tax", F (IGNORE), 50 },
};
/* clang-format on */

/* Words that turn a compound header's meaning. */
typedef enum { MOD_NONE, MOD_EST, MOD_ACT, MOD_COMMIT } Modifier;

/* clang-format off */
static const struct { const char *word; Modifier mod; } modifiers[] = {
  { "est", MOD_EST }, { "estimate", MOD_EST }, { "estimated", MOD_EST }, { "budget", MOD_EST },
  { "budgeted", MOD_EST }, { "bud", MOD_EST }, { "bdgt", MOD_EST }, { "budg", MOD_EST },
  { "planned", MOD_EST }, { "plan", MOD_EST }, { "projected", MOD_EST },
  { "bid", MOD_EST }, { "original", MOD_EST }, { "approved", MOD_EST }, { "soll", MOD_EST },
  { "prevu", MOD_EST }, { "estime", MOD_EST }, { "estimado", MOD_EST }, { "awarded", MOD_EST },
  { "actual", MOD_ACT }, { "actuals", MOD_ACT }, { "act", MOD_ACT }, { "actl", MOD_ACT }, { "spent", MOD_ACT }, { "incurred", MOD_ACT },
  { "ist", MOD_ACT }, { "real", MOD_ACT }, { "reel", MOD_ACT }, { "reelle", MOD_ACT },
  { "paid", MOD_ACT }, { "tatsachlich", MOD_ACT }, { "tatsachliche", MOD_ACT },
  { "committed", MOD_COMMIT }, { "commitment", MOD_COMMIT }, { "po", MOD_COMMIT },
  { "encumbered", MOD_COMMIT },
};
/* clang-format on */

static const char * const currency_codes[] = {
  "usd", "eur", "gbp", "chf", "jpy", "cad", "aud", "nzd", "sek", "nok", "dkk", "pln", "czk",
  "huf", "inr", "cny", "rmb", "brl", "mxn", "zar", "sgd", "hkd", "krw", "try", "ils",
};

static const char * const unit_words[] = {
  "h", "hr", "hrs", "hour", "d", "day", "unit", "u", "ea", "each", "wk", "week", "mo",
  "month", "std", "tag", "jour", "j", "piece", "pc", "item", "person",
};

static const char * const field_names[OUTLAY_IMPORT_N_FIELDS] = {
  "ignore", "code", "description", "category", "qty", "unit", "multiplier", "rate",
  "estimate", "actual", "committed", "notes", "date", "vendor", "assignee", "period",
  "derived",
};

static const char * const field_titles[OUTLAY_IMPORT_N_FIELDS] = {
  N_("Do not import"), N_("Code"), N_("Description"), N_("Category / Section"),
  N_("Quantity"), N_("Unit"), N_("Multiplier (×, days)"), N_("Rate"), N_("Estimate"),
  N_("Actual"), N_("Committed"), N_("Notes"), N_("Date"), N_("Vendor"), N_("Assignee"),
  N_("Period"), N_("Calculated (not imported)"),
};

/**
 * outlay_import_field_name:
 * @field: a field
 *
 * Returns: the field's stable name, as used in JSON ("qty", "estimate")
 */
const char *
outlay_import_field_name (OutlayImportField field)
{
  g_return_val_if_fail (field < OUTLAY_IMPORT_N_FIELDS, "ignore");
  return field_names[field];
}

/**
 * outlay_import_field_title:
 * @field: a field
 *
 * Returns: the field's name for the column drop-down, translated
 */
const char *
outlay_import_field_title (OutlayImportField field)
{
  g_return_val_if_fail (field < OUTLAY_IMPORT_N_FIELDS, "");
  return _(field_titles[field]);
}

/**
 * outlay_import_field_from_name:
 * @name: a name from outlay_import_field_name()
 * @out: (out): the field
 *
 * Returns: %FALSE when @name names no field
 */
gboolean
outlay_import_field_from_name (const char        *name,
                               OutlayImportField *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; name != NULL && i < OUTLAY_IMPORT_N_FIELDS; i++)
    if (strcmp (name, field_names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
outlay_import_field_is_number (OutlayImportField field)
{
  return field == F (QTY) || field == F (MULTIPLIER) || field == F (RATE)
         || field == F (ESTIMATE) || field == F (ACTUAL) || field == F (COMMITTED);
}

/* ---- normalisation ---- */

static gboolean
in_list (const char *word, const char * const *list, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (word, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
end_word (GPtrArray *words, GString *word)
{
  if (word->len > 0)
    g_ptr_array_add (words, g_strndup (word->str, word->len));
  g_string_truncate (word, 0);
}

/* Splits into lower-case accent-free words; symbols become words or flags. */
static void
split_words (const char *text, GPtrArray *words, guint *flags)
{
  g_autofree char *nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = nfd; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (g_unichar_ismark (c))
        continue;
      if (c == 0xDF) /* ß */
        g_string_append (word, "ss");
      else if (g_unichar_isalnum (c))
        g_string_append_unichar (word, c);
      else
        {
          end_word (words, word);
          if (c == '#')
            g_ptr_array_add (words, g_strdup ("no"));
          else if (c == '%')
            {
              g_ptr_array_add (words, g_strdup ("%"));
              *flags |= OUTLAY_HEADER_PERCENT;
            }
          else if (c == 0xD7 || c == '*')
            g_ptr_array_add (words, g_strdup ("x"));
          else if (c == 0xB1 || (c == '+' && g_str_has_prefix (p, "+/-")))
            {
              g_ptr_array_add (words, g_strdup ("plusminus"));
              p += (c == '+') ? 2 : 0;
            }
          else if (c == '$' || c == 0x20AC || c == 0xA3 || c == 0xA5 || c == 0x20B9)
            *flags |= OUTLAY_HEADER_CURRENCY;
          else if (c == '/')
            g_ptr_array_add (words, g_strdup ("/"));
        }
    }
  end_word (words, word);
}

/* Drops currency codes, "/hr" and "per day" tags, and stray slashes. */
static void
drop_tags (GPtrArray *words, guint *flags)
{
  for (guint i = 0; i < words->len;)
    {
      const char *w = words->pdata[i];
      const char *next = i + 1 < words->len ? words->pdata[i + 1] : NULL;

      if (strlen (w) == 3 && in_list (w, currency_codes, G_N_ELEMENTS (currency_codes)))
        {
          *flags |= OUTLAY_HEADER_CURRENCY;
          g_ptr_array_remove_index (words, i);
          if (i > 0 && i == words->len && strcmp (words->pdata[i - 1], "in") == 0)
            g_ptr_array_remove_index (words, --i);
        }
      else if ((strcmp (w, "/") == 0 || (strcmp (w, "per") == 0 && i > 0)) && next != NULL
               && in_list (next, unit_words, G_N_ELEMENTS (unit_words)))
        {
          *flags |= OUTLAY_HEADER_PER_UNIT;
          g_ptr_array_remove_range (words, i, 2);
        }
      else if (strcmp (w, "/") == 0)
        g_ptr_array_remove_index (words, i);
      else
        i++;
    }
}

char *
outlay_import_normalize_header (const char *text,
                                guint      *flags)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  guint f = 0;

  if (text != NULL && g_utf8_validate (text, -1, NULL))
    {
      split_words (text, words, &f);
      drop_tags (words, &f);
    }
  if (flags != NULL)
    *flags = f;
  g_ptr_array_add (words, NULL);
  return g_strjoinv (" ", (char **) words->pdata);
}

/* ---- months ---- */

/* clang-format off */
static const struct { const char *word; guint8 month; } month_words[] = {
  { "jan", 1 }, { "january", 1 }, { "januar", 1 }, { "janv", 1 }, { "janvier", 1 }, { "ene", 1 },
  { "enero", 1 }, { "feb", 2 }, { "february", 2 }, { "februar", 2 }, { "fev", 2 }, { "fevr", 2 },
  { "fevrier", 2 }, { "febrero", 2 }, { "mar", 3 }, { "march", 3 }, { "marz", 3 }, { "mars", 3 },
  { "marzo", 3 }, { "apr", 4 }, { "april", 4 }, { "avr", 4 }, { "avril", 4 }, { "abr", 4 },
  { "abril", 4 }, { "may", 5 }, { "mai", 5 }, { "mayo", 5 }, { "jun", 6 }, { "june", 6 },
  { "juni", 6 }, { "juin", 6 }, { "junio", 6 }, { "jul", 7 }, { "july", 7 }, { "juli", 7 },
  { "juil", 7 }, { "juillet", 7 }, { "julio", 7 }, { "aug", 8 }, { "august", 8 }, { "aout", 8 },
  { "ago", 8 }, { "agosto", 8 }, { "sep", 9 }, { "sept", 9 }, { "september", 9 },
  { "septembre", 9 }, { "septiembre", 9 }, { "oct", 10 }, { "october", 10 }, { "okt", 10 },
  { "oktober", 10 }, { "octobre", 10 }, { "octubre", 10 }, { "nov", 11 }, { "november", 11 },
  { "novembre", 11 }, { "noviembre", 11 }, { "dec", 12 }, { "december", 12 }, { "dez", 12 },
  { "dezember", 12 }, { "decembre", 12 }, { "dic", 12 }, { "diciembre", 12 },
};
/* clang-format on */

/**
 * outlay_import_header_month:
 * @text: a header cell's text
 *
 * Returns: 1–12 when the header names a month ("Jan", "Mar-25", "May
 * Budget", "Dezember"), else 0
 */
guint
outlay_import_header_month (const char *text)
{
  g_autofree char *norm = outlay_import_normalize_header (text, NULL);
  g_auto (GStrv) words = g_strsplit (norm, " ", 0);

  for (guint i = 0; words[i] != NULL; i++)
    for (guint k = 0; k < G_N_ELEMENTS (month_words); k++)
      if (strcmp (words[i], month_words[k].word) == 0)
        return month_words[k].month;
  return 0;
}

/* ---- quarters ---- */

static guint
quarter_number (const char *word)
{
  static const char *const numbers[][3] = {
    { "1", "1st", "first" },
    { "2", "2nd", "second" },
    { "3", "3rd", "third" },
    { "4", "4th", "fourth" },
  };

  for (guint q = 0; word != NULL && q < G_N_ELEMENTS (numbers); q++)
    for (guint k = 0; k < G_N_ELEMENTS (numbers[q]); k++)
      if (strcmp (word, numbers[q][k]) == 0)
        return q + 1;
  return 0;
}

static gboolean
is_quarter_word (const char *word)
{
  return strcmp (word, "q") == 0 || strcmp (word, "qtr") == 0 || strcmp (word, "quarter") == 0
         || strcmp (word, "quartal") == 0 || strcmp (word, "trimestre") == 0;
}

/**
 * outlay_import_header_quarter:
 * @text: a header cell's text
 *
 * Returns: 1–4 when the header names a quarter ("Q1", "Q2 2025", "Qtr 3",
 * "1st Quarter", "Quarter 4", "FY25 Q3"), else 0
 */
guint
outlay_import_header_quarter (const char *text)
{
  g_autofree char *norm = outlay_import_normalize_header (text, NULL);
  g_auto (GStrv) words = g_strsplit (norm, " ", 0);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];

      if ((w[0] == 'q' || w[0] == 'Q') && w[1] >= '1' && w[1] <= '4' && w[2] == '\0')
        return w[1] - '0';
      if (!is_quarter_word (w))
        continue;
      if (quarter_number (words[i + 1]) != 0)
        return quarter_number (words[i + 1]);
      if (i > 0 && quarter_number (words[i - 1]) != 0)
        return quarter_number (words[i - 1]);
    }
  return 0;
}

/* ---- typos ---- */

guint
outlay_import_edit_distance (const char *a,
                             const char *b,
                             guint       max)
{
  gsize la = strlen (a), lb = strlen (b);
  guint rows[3][33];
  guint *prev2 = rows[0], *prev = rows[1], *cur = rows[2];

  if (la > 32 || lb > 32 || (la > lb ? la - lb : lb - la) > max)
    return max + 1;
  for (gsize j = 0; j <= lb; j++)
    prev[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      guint *t;

      cur[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint cost = a[i - 1] != b[j - 1];
          guint v = MIN (MIN (prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);

          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            v = MIN (v, prev2[j - 2] + 1);
          cur[j] = v;
        }
      t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
  return MIN (prev[lb], max + 1);
}

gboolean
outlay_import_is_typo (const char *word,
                       const char *vocab)
{
  gsize n = MIN (strlen (word), strlen (vocab));
  guint max = n < 4 ? 0 : n < 8 ? 1 : 2;
  guint d;

  if (max == 0)
    return FALSE;
  d = outlay_import_edit_distance (word, vocab, max);
  if (d == 0 || d > max)
    return FALSE;
  /* four letters: only a swap ("Unti" for "Unit"), or "Date" would be "Rate" */
  if (n == 4)
    return strlen (word) == strlen (vocab) && word[0] == vocab[0];
  return TRUE;
}

/* ---- matching ---- */

static GHashTable *
vocabulary_index (void)
{
  static gsize once = 0;
  static GHashTable *index = NULL;

  if (g_once_init_enter (&once))
    {
      GHashTable *h = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = G_N_ELEMENTS (vocabulary); i > 0; i--)
        g_hash_table_insert (h, (gpointer) vocabulary[i - 1].phrase, GUINT_TO_POINTER (i));
      index = h;
      g_once_init_leave (&once, 1);
    }
  return index;
}

static void
add_candidate (OutlayFieldMatch *m, OutlayImportField field, double score)
{
  guint i;

  score = CLAMP (score, 0.0, 1.0);
  for (i = 0; i < m->n; i++)
    if (m->c[i].field == field)
      {
        m->c[i].score = MAX (m->c[i].score, score);
        break;
      }
  if (i == m->n)
    {
      if (m->n == OUTLAY_IMPORT_MAX_CANDIDATES)
        {
          if (m->c[m->n - 1].score >= score)
            return;
          i = m->n - 1;
        }
      else
        m->n++;
      m->c[i].field = field;
      m->c[i].score = score;
    }
  /* keep best first */
  for (; i > 0 && m->c[i].score > m->c[i - 1].score; i--)
    {
      OutlayFieldScore t = m->c[i];

      m->c[i] = m->c[i - 1];
      m->c[i - 1] = t;
    }
}

/* Index of the first vocabulary entry for @phrase, or -1. */
static int
lookup (const char *phrase)
{
  gpointer v = g_hash_table_lookup (vocabulary_index (), phrase);

  return v == NULL ? -1 : (int) GPOINTER_TO_UINT (v) - 1;
}

/* The closest vocabulary entry within typo distance, or -1. */
static int
lookup_typo (const char *phrase)
{
  guint best_d = G_MAXUINT;
  int best = -1;

  if (strlen (phrase) > 32)
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (vocabulary); i++)
    if (outlay_import_is_typo (phrase, vocabulary[i].phrase))
      {
        guint d = outlay_import_edit_distance (phrase, vocabulary[i].phrase, 2);

        if (d < best_d)
          {
            best_d = d;
            best = i;
          }
      }
  return best;
}

static void
add_entries (OutlayFieldMatch *m, int first, double factor)
{
  const char *phrase = vocabulary[first].phrase;

  for (guint i = first; i < G_N_ELEMENTS (vocabulary) && strcmp (vocabulary[i].phrase, phrase) == 0; i++)
    add_candidate (m, vocabulary[i].field, factor * vocabulary[i].weight / 100.0);
}

static Modifier
modifier_of (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (modifiers); i++)
    if (strcmp (word, modifiers[i].word) == 0
        || (strlen (word) >= 5 && outlay_import_is_typo (word, modifiers[i].word)))
      return modifiers[i].mod;
  return MOD_NONE;
}

static char *
join_words (char **words, guint from, guint to)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = from; i < to; i++)
    {
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, words[i]);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The longest run of words at the end (else the start) that is a header
 * word: English puts the head last ("Actual Cost"), French and Spanish
 * often first ("Prix unitaire"). */
static int
find_head (char **words, guint n, guint *from, guint *to, double *factor)
{
  for (guint len = n - 1; len >= 1; len--)
    {
      g_autofree char *suffix = join_words (words, n - len, n);
      g_autofree char *prefix = join_words (words, 0, len);
      int i;

      if ((i = lookup (suffix)) >= 0)
        {
          *from = n - len, *to = n, *factor = 0.85;
          return i;
        }
      if ((i = lookup (prefix)) >= 0)
        {
          *from = 0, *to = len, *factor = 0.75;
          return i;
        }
    }
  /* a middle word ("Pay Period End"), then a typo, last word first */
  for (guint pass = 0; pass < 2; pass++)
    for (guint k = n; k > 0; k--)
      {
        int i = pass == 0 ? lookup (words[k - 1]) : lookup_typo (words[k - 1]);

        if (i >= 0)
          {
            *from = k - 1, *to = k, *factor = pass == 0 ? 0.6 : 0.55;
            return i;
          }
      }
  return -1;
}

static gboolean
is_quantity_word (const char *word)
{
  int i = lookup (word);

  return i >= 0 && vocabulary[i].field == F (QTY);
}

/* What the words other than the head change. */
static void
apply_modifiers (OutlayFieldMatch *m, OutlayImportField head, double score,
                 char **words, guint n, guint from, guint to)
{
  Modifier mod = MOD_NONE;
  gboolean quantity = FALSE;

  for (guint i = 0; i < n; i++)
    if (i < from || i >= to)
      {
        Modifier w = modifier_of (words[i]);

        mod = (w != MOD_NONE) ? w : mod;
        quantity |= is_quantity_word (words[i]);
      }
  /* "Hours Actual": the modifier is the last word, the head is "hours" */
  if (quantity && (head == F (ACTUAL) || head == F (ESTIMATE)))
    {
      mod = (head == F (ACTUAL)) ? MOD_ACT : MOD_EST;
      head = F (QTY);
    }
  if (head == F (ESTIMATE) || head == F (ACTUAL) || head == F (COMMITTED))
    {
      if (mod == MOD_ACT)
        add_candidate (m, F (ACTUAL), MAX (score, 0.85));
      else if (mod == MOD_EST)
        add_candidate (m, F (ESTIMATE), MAX (score, 0.9));
      else if (mod == MOD_COMMIT)
        add_candidate (m, F (COMMITTED), MAX (score, 0.85));
      else
        add_candidate (m, head, score);
    }
  else if (head == F (QTY) && mod == MOD_ACT)
    add_candidate (m, F (IGNORE), 0.6);
  else if (head == F (QTY) && mod == MOD_EST)
    add_candidate (m, F (QTY), MAX (score, 0.9));
  else if (head == F (RATE) && mod == MOD_ACT)
    add_candidate (m, F (RATE), 0.4);
  else
    add_candidate (m, head, score);
}

static void
match_words (char **words, guint n, OutlayFieldMatch *m)
{
  guint from = 0, to = 0;
  double factor = 0;
  int head;

  for (guint i = 0; i < n; i++)
    {
      int d = lookup (words[i]);

      if (d >= 0 && vocabulary[d].field == F (DERIVED))
        {
          add_candidate (m, F (DERIVED), 0.9);
          return;
        }
    }
  head = find_head (words, n, &from, &to, &factor);
  if (head < 0)
    return;
  for (guint i = head; i < G_N_ELEMENTS (vocabulary)
       && strcmp (vocabulary[i].phrase, vocabulary[head].phrase) == 0; i++)
    apply_modifiers (m, vocabulary[i].field, factor * vocabulary[i].weight / 100.0,
                     words, n, from, to);
}

/* "Act Total" is not a typo of "Est Total": a word that says estimate
 * or actual outright is read as one. */
static gboolean
has_exact_modifier (char **words, guint n)
{
  for (guint i = 0; n > 1 && i < n; i++)
    for (guint k = 0; k < G_N_ELEMENTS (modifiers); k++)
      if (strcmp (words[i], modifiers[k].word) == 0)
        return TRUE;
  return FALSE;
}

static void
apply_flags (OutlayFieldMatch *m, guint flags)
{
  if (flags & OUTLAY_HEADER_PERCENT)
    add_candidate (m, F (DERIVED), 0.95);
  if ((flags & OUTLAY_HEADER_PER_UNIT) && m->n > 0
      && (m->c[0].field == F (ESTIMATE) || m->c[0].field == F (ACTUAL)))
    add_candidate (m, F (RATE), m->c[0].score + 0.05);
  if ((flags & OUTLAY_HEADER_CURRENCY) && m->n == 0)
    add_candidate (m, F (ESTIMATE), 0.4);
}

/**
 * outlay_import_match_header:
 * @text: a header cell's text
 * @out: (out): the fields it may name, best first
 *
 * Exact phrases score their weight; typos 85 % of it; compound headers are
 * read by their head word and modifiers ("Est. Hours" is a quantity,
 * "Actual Total" actual money, "Variance %" derived).
 */
void
outlay_import_match_header (const char       *text,
                            OutlayFieldMatch *out)
{
  guint flags = 0;
  g_autofree char *norm = outlay_import_normalize_header (text, &flags);
  g_auto(GStrv) words = NULL;
  guint n;
  int i;

  memset (out, 0, sizeof *out);
  words = g_strsplit (norm, " ", 0);
  n = *norm == '\0' ? 0 : g_strv_length (words);
  if (n > 0 && strcmp (norm, "%") != 0)
    {
      if ((i = lookup (norm)) >= 0)
        add_entries (out, i, 1.0);
      else if (!has_exact_modifier (words, n) && (i = lookup_typo (norm)) >= 0)
        add_entries (out, i, 0.85);
      else if (n > 1 && n <= 6)
        match_words (words, n, out);
    }
  apply_flags (out, flags);
}
