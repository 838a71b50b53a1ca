/* libpbo — the format's grammar as the loader knows it: the names it
 * interns in the parser's dictionary, and where each element may stand
 * (its parent, and the order of siblings).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "xml-load-private.h"

/* Indexed by PboName. */
static const char *const name_strings[PBO_N_COUNT] = {
  NULL, "pbo", "org", "officer", "member", "meeting", "absent",
  "journal", "entry", "subject", "vacated", "recruit",
  "payment", "evaluation", "rating", "training", "transfers", "letter", "work-plan", "election",
  "version", "id", "kind", "name", "unit", "established", "term-start", "term-years",
  "role", "since", "type", "date", "title", "attendance",
  "seq", "op", "reason", "operator", "from", "to", "detail",
  "stage", "applied", "activist-since", "candidate-since", "gender", "born", "department",
  "undo", "number", "to-org", "from-org", "issued", "valid-days", "dues-paid-to", "receipt",
  "presenter", "recorder", "expected", "present", "excused", "place", "topic", "resolution",
  "planned", "year", "approved", "method", "candidates", "seats", "voters", "voted",
  "term-postponed-to", PBO_XML_NS,
};

const char *
pbo_xml_name_ (PboName name)
{
  return name_strings[name];
}

const char *
pbo_xml_element_name_ (PboElement el)
{
  return name_strings[el];
}

/* Where each element may stand, and the phase it puts its parent in:
 * children come in phase order (an org's officers, orgs, members,
 * recruits, meetings; <pbo>'s orgs, then its journal; an entry's subjects, then the
 * offices it vacated). */
static const struct {
  guint8 parent, child, phase;
} places[] = {
  { PBO_EL_PBO, PBO_EL_ORG, 0 },        { PBO_EL_PBO, PBO_EL_TRANSFERS, 1 },
  { PBO_EL_PBO, PBO_EL_JOURNAL, 2 },    { PBO_EL_TRANSFERS, PBO_EL_LETTER, 0 },
  { PBO_EL_ORG, PBO_EL_OFFICER, 0 },    { PBO_EL_ORG, PBO_EL_ORG, 1 },
  { PBO_EL_ORG, PBO_EL_MEMBER, 2 },     { PBO_EL_ORG, PBO_EL_RECRUIT, 3 },
  { PBO_EL_ORG, PBO_EL_MEETING, 4 },     { PBO_EL_ORG, PBO_EL_WORK_PLAN, 5 },
  { PBO_EL_ORG, PBO_EL_ELECTION, 6 },
  { PBO_EL_MEETING, PBO_EL_ABSENT, 0 }, { PBO_EL_JOURNAL, PBO_EL_ENTRY, 0 },
  { PBO_EL_ENTRY, PBO_EL_SUBJECT, 0 },  { PBO_EL_ENTRY, PBO_EL_VACATED, 1 },
  { PBO_EL_MEMBER, PBO_EL_PAYMENT, 0 }, { PBO_EL_MEMBER, PBO_EL_EVALUATION, 0 },
  { PBO_EL_MEMBER, PBO_EL_RATING, 0 },  { PBO_EL_MEMBER, PBO_EL_TRAINING, 0 },
};

/* The phase @child puts @parent in, or -1 where it may not stand. */
static int
place_of (PboElement parent, PboElement child)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (places); i++)
    if (places[i].parent == parent && places[i].child == child)
      return places[i].phase;
  return -1;
}

static gboolean
fail_order (PboLoader *ld, const PboFrame *parent, PboElement child)
{
  PboElement pel = (PboElement) parent->element;

  if (pel == PBO_EL_ORG)
    pbo_loader_fail_ (ld, PBO_ERROR_FORMAT,
                      "<%s> is out of order in org “%s”: officers come first, then child "
                      "orgs, members, recruits, meetings, work plans and elections", pbo_xml_element_name_ (child), parent->org->id);
  else if (pel == PBO_EL_PBO)
    pbo_loader_fail_ (ld, PBO_ERROR_FORMAT, child == PBO_EL_JOURNAL
                      ? "a second <journal>: a document has one"
                      : child == PBO_EL_TRANSFERS
                      ? "<transfers> out of order: one, after the orgs, before the journal"
                      : "<org> after the <transfers> or the <journal>: orgs come first");
  else
    pbo_loader_fail_ (ld, PBO_ERROR_FORMAT,
                      "<subject> after <vacated>: an entry lists its subjects first");
  return FALSE;
}

/* Is @child allowed inside @parent, in this order? Sets the parent's phase. */
gboolean
pbo_loader_check_place_ (PboLoader *ld, PboFrame *parent, PboElement child)
{
  PboElement pel = (PboElement) parent->element;
  int phase = place_of (pel, child);

  if (pel == PBO_EL_PBO && child == PBO_EL_MEMBER)
    {
      pbo_loader_fail_ (ld, PBO_ERROR_CONTAINMENT,
                        "members belong in a branch or group, not at the top level");
      return FALSE;
    }
  if (phase < 0)
    {
      pbo_loader_fail_ (ld, PBO_ERROR_FORMAT, "<%s> is not allowed inside <%s>",
                        pbo_xml_element_name_ (child), pbo_xml_element_name_ (pel));
      return FALSE;
    }
  /* The transfers and the journal are phases of their own: a second one
   * is out of order too. */
  if (phase < parent->phase
      || ((child == PBO_EL_JOURNAL || child == PBO_EL_TRANSFERS) && parent->phase >= phase))
    return fail_order (ld, parent, child);
  parent->phase = (guint8) phase;
  return TRUE;
}
