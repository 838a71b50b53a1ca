/* libpbo — the loader's SAX2 handlers: format-v1 elements into the tree,
 * foreign elements into serialized strings.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "xml-load-private.h"
#include "recruit-private.h"
#include "lifecycle-private.h"

/* Each element's own attributes in canonical order; member attributes come
 * from the table of member-attr.c. */
enum { PBO_VERSION };
enum { ORG_ID, ORG_KIND, ORG_NAME, ORG_UNIT, ORG_ESTABLISHED, ORG_TERM_START, ORG_TERM_YEARS,
       ORG_TERM_POSTPONED_TO };
enum { OFFICER_ROLE, OFFICER_MEMBER, OFFICER_SINCE };
enum { MEETING_TYPE, MEETING_DATE, MEETING_TITLE, MEETING_ATTENDANCE, MEETING_ID,
       MEETING_MINUTES /* the PBO_MINUTES_ATTRS of xml-work-records.c follow */ };
enum { ABSENT_MEMBER };
enum { RECRUIT_ID, RECRUIT_NAME, RECRUIT_GENDER, RECRUIT_BORN, RECRUIT_STAGE, RECRUIT_APPLIED,
       RECRUIT_ACTIVIST_SINCE, RECRUIT_CANDIDATE_SINCE, RECRUIT_DEPARTMENT };

static const PboName pbo_attrs[] = { PBO_N_VERSION };
static const PboName org_attrs[] = {
  PBO_N_ID, PBO_N_KIND, PBO_N_NAME, PBO_N_UNIT, PBO_N_ESTABLISHED, PBO_N_TERM_START,
  PBO_N_TERM_YEARS, PBO_N_TERM_POSTPONED_TO,
};
static const PboName officer_attrs[] = { PBO_N_ROLE, PBO_N_MEMBER, PBO_N_SINCE };
static const PboName meeting_attrs[] = { PBO_N_TYPE, PBO_N_DATE, PBO_N_TITLE, PBO_N_ATTENDANCE,
                                         PBO_N_ID, PBO_MINUTES_ATTRS };
static const PboName absent_attrs[] = { PBO_N_MEMBER };
static const PboName recruit_attrs[] = {
  PBO_N_ID, PBO_N_NAME, PBO_N_GENDER, PBO_N_BORN, PBO_N_STAGE, PBO_N_APPLIED,
  PBO_N_ACTIVIST_SINCE, PBO_N_CANDIDATE_SINCE, PBO_N_DEPARTMENT,
};
/* The journal's, as xml-journal.c indexes them. */
static const PboName entry_attrs[] = {
  PBO_N_SEQ, PBO_N_DATE, PBO_N_OP, PBO_N_REASON, PBO_N_OPERATOR, PBO_N_FROM, PBO_N_TO,
  PBO_N_DETAIL, PBO_N_UNDO,
};
static const PboName subject_attrs[] = { PBO_N_ID };
static const PboName letter_attrs[] = {
  PBO_N_NUMBER, PBO_N_MEMBER, PBO_N_NAME, PBO_N_FROM, PBO_N_TO, PBO_N_TO_ORG, PBO_N_FROM_ORG,
  PBO_N_ISSUED, PBO_N_VALID_DAYS, PBO_N_DUES_PAID_TO, PBO_N_RECEIPT,
};
static const PboName work_plan_attrs[] = { PBO_N_YEAR, PBO_N_APPROVED, PBO_N_TITLE };
static const PboName election_attrs[] = { PBO_N_DATE, PBO_N_METHOD, PBO_N_CANDIDATES, PBO_N_SEATS,
                                          PBO_N_VOTERS, PBO_N_VOTED };
static const PboName vacated_attrs[] = { PBO_N_ORG, PBO_N_ROLE, PBO_N_MEMBER };

static const struct {
  const PboName *names;
  guint          n;
} attr_lists[PBO_EL_COUNT] = {
  [PBO_EL_PBO] = { pbo_attrs, G_N_ELEMENTS (pbo_attrs) },
  [PBO_EL_ORG] = { org_attrs, G_N_ELEMENTS (org_attrs) },
  [PBO_EL_OFFICER] = { officer_attrs, G_N_ELEMENTS (officer_attrs) },
  [PBO_EL_MEMBER] = { NULL, PBO_MATTR_COUNT },
  [PBO_EL_MEETING] = { meeting_attrs, G_N_ELEMENTS (meeting_attrs) },
  [PBO_EL_ABSENT] = { absent_attrs, G_N_ELEMENTS (absent_attrs) },
  [PBO_EL_JOURNAL] = { NULL, 0 },
  [PBO_EL_ENTRY] = { entry_attrs, G_N_ELEMENTS (entry_attrs) },
  [PBO_EL_SUBJECT] = { subject_attrs, G_N_ELEMENTS (subject_attrs) },
  [PBO_EL_VACATED] = { vacated_attrs, G_N_ELEMENTS (vacated_attrs) },
  [PBO_EL_RECRUIT] = { recruit_attrs, G_N_ELEMENTS (recruit_attrs) },
  [PBO_EL_TRANSFERS] = { NULL, 0 },
  [PBO_EL_LETTER] = { letter_attrs, G_N_ELEMENTS (letter_attrs) },
  [PBO_EL_WORK_PLAN] = { work_plan_attrs, G_N_ELEMENTS (work_plan_attrs) },
  [PBO_EL_ELECTION] = { election_attrs, G_N_ELEMENTS (election_attrs) },
};

static const char *
attr_string (PboElement el, guint i)
{
  return el == PBO_EL_MEMBER ? pbo_member_attr_name_ ((PboMemberAttr) i)
                             : pbo_xml_name_ (attr_lists[el].names[i]);
}

/* ---- set-up ---------------------------------------------------------- */

#define DEFAULT_MAX_DEPTH 256
#define DEFAULT_MAX_TEXT 4096

void
pbo_loader_init_ (PboLoader *ld, const PboLoadOptions *options)
{
  memset (ld, 0, sizeof *ld);
  ld->max_depth = options != NULL && options->max_depth > 0 ? options->max_depth
                                                             : DEFAULT_MAX_DEPTH;
  ld->max_text = options != NULL && options->max_text > 0 ? options->max_text
                                                           : DEFAULT_MAX_TEXT;
  ld->frames = g_array_new (FALSE, FALSE, sizeof (PboFrame));
  ld->refs = g_array_new (FALSE, FALSE, sizeof (PboRef));
  ld->ref_ids = g_string_new (NULL);
  ld->prefixes = g_hash_table_new (g_str_hash, g_str_equal);
  ld->doc_decls = g_string_new (NULL);
  ld->doc_attrs = g_string_new (NULL);
  ld->inherited = g_ptr_array_new ();
  ld->inherited_index = g_hash_table_new (NULL, NULL);
  ld->inherited_used = g_byte_array_new ();
  ld->inherited_gen = G_MAXUINT;
  ld->fattrs = g_string_new (NULL);
  ld->capture = g_string_new (NULL);
  ld->text = g_string_new (NULL);
  ld->scratch_size = 4096;
  ld->scratch = g_malloc (ld->scratch_size);
}

void
pbo_loader_clear_ (PboLoader *ld)
{
  guint i;

  for (i = 0; i < ld->frames->len; i++)
    {
      PboFrame *f = &g_array_index (ld->frames, PboFrame, i);
      if (f->foreign != NULL)
        g_string_free (f->foreign, TRUE);
    }
  g_free (ld->name_shown);
  g_array_unref (ld->frames);
  g_array_unref (ld->refs);
  g_string_free (ld->ref_ids, TRUE);
  g_hash_table_unref (ld->prefixes);
  g_string_free (ld->doc_decls, TRUE);
  g_string_free (ld->doc_attrs, TRUE);
  g_ptr_array_unref (ld->inherited);
  g_hash_table_unref (ld->inherited_index);
  g_byte_array_unref (ld->inherited_used);
  g_string_free (ld->fattrs, TRUE);
  g_string_free (ld->capture, TRUE);
  g_string_free (ld->text, TRUE);
  g_free (ld->scratch);
  pbo_tree_free (ld->tree);
  g_clear_error (&ld->error);
}

void
pbo_loader_bind_ (PboLoader *ld, xmlParserCtxtPtr ctxt)
{
  guint el, i;

  ld->ctxt = ctxt;
  for (i = 1; i < PBO_N_COUNT; i++)
    ld->names[i] = xmlDictLookup (ctxt->dict, BAD_CAST pbo_xml_name_ ((PboName) i), -1);
  for (el = PBO_EL_PBO; el < PBO_EL_COUNT; el++)
    for (i = 0; i < attr_lists[el].n; i++)
      ld->attr_names[el][i] = xmlDictLookup (ctxt->dict, BAD_CAST attr_string (el, i), -1);
}

/* ---- names ------------------------------------------------------------ */

PboFrame *
pbo_loader_push_frame_ (PboLoader *ld, PboElement el, PboOrg *org)
{
  PboFrame f = { 0 };

  f.element = (guint8) el;
  f.org = org;
  f.meeting = -1;
  f.first_ref = ld->refs->len;
  g_array_append_val (ld->frames, f);
  return pbo_loader_top_ (ld);
}

/* ---- errors ---------------------------------------------------------- */

/* Adopts an error of the tree (or of a parser of values), keeping its code. */
static gboolean
fail_with (PboLoader *ld, GError *local, const char *context)
{
  if (context != NULL)
    pbo_loader_fail_ (ld, local->code, "%s: %s", context, local->message);
  else
    pbo_loader_fail_ (ld, local->code, "%s", local->message);
  g_error_free (local);
  return FALSE;
}

static gboolean
fail_missing (PboLoader *ld, PboElement el, const char *id, guint attr)
{
  if (id != NULL)
    pbo_loader_fail_ (ld, PBO_ERROR_FORMAT, "%s “%s” has no “%s” attribute", pbo_xml_element_name_ (el),
                      id, attr_string (el, attr));
  else
    pbo_loader_fail_ (ld, PBO_ERROR_FORMAT, "<%s> has no “%s” attribute", pbo_xml_element_name_ (el),
                      attr_string (el, attr));
  return FALSE;
}

gboolean
pbo_loader_check_required_ (PboLoader *ld, PboElement el, const char *const *values,
                            const int *required, const char *id)
{
  for (; *required >= 0; required++)
    if (values[*required] == NULL)
      return fail_missing (ld, el, id, (guint) *required);
  return TRUE;
}

/* ---- attributes --------------------------------------------------------- */

static gboolean
holds_foreign (PboElement el)
{
  return el == PBO_EL_PBO || el == PBO_EL_ORG || el == PBO_EL_MEMBER;
}

gboolean
pbo_loader_collect_attrs_ (PboLoader *ld, PboElement el, int n, const xmlChar **attrs,
                           const char **values)
{
  return pbo_loader_collect_ (ld, pbo_xml_element_name_ (el), ld->attr_names[el], attr_lists[el].n,
                              holds_foreign (el), n, attrs, values);
}

static char *
dup_fattrs (const PboLoader *ld)
{
  return ld->fattrs->len > 0 ? g_strndup (ld->fattrs->str, ld->fattrs->len) : NULL;
}

/* Parses an optional full date; the message names @owner's attribute @what. */
gboolean
parse_date (PboLoader *ld, const char *value, PboDate *date, const char *owner, const char *what)
{
  GError *local = NULL;

  *date = PBO_DATE_NONE;
  if (value == NULL || pbo_date_parse (value, -1, FALSE, date, &local))
    return TRUE;
  pbo_loader_fail_ (ld, local->code, "%s: %s: %s", owner, what, local->message);
  g_error_free (local);
  return FALSE;
}

/* A decimal number in [min, max] without sign or spaces, in no more
 * digits than @max has (the schema's count is 1–9 digits). */
gboolean
parse_uint (PboLoader *ld, const char *value, guint min, guint max, guint *out,
            const char *owner, const char *what)
{
  guint64 v = 0;
  const char *p = value;
  gsize digits = 1;
  guint rest;

  for (rest = max; rest >= 10; rest /= 10)
    digits++;
  for (; g_ascii_isdigit (*p) && v <= max; p++)
    v = v * 10 + (guint64) (*p - '0');
  if (p == value || *p != '\0' || v < min || v > max || (gsize) (p - value) > digits)
    {
      pbo_loader_fail_ (ld, PBO_ERROR_INVALID, "%s: %s: “%.40s” is not a number from %u to %u",
                        owner, what, value, min, max);
      return FALSE;
    }
  *out = (guint) v;
  return TRUE;
}

/* ---- format elements ------------------------------------------------------ */

static gboolean
start_pbo (PboLoader *ld, int n, const xmlChar **attrs)
{
  const char *values[G_N_ELEMENTS (pbo_attrs)];
  static const int required[] = { PBO_VERSION, -1 };

  if (!pbo_loader_collect_attrs_ (ld, PBO_EL_PBO, n, attrs, values)
      || !pbo_loader_check_required_ (ld, PBO_EL_PBO, values, required, NULL))
    return FALSE;
  if (strcmp (values[PBO_VERSION], PBO_XML_VERSION) != 0
      && strcmp (values[PBO_VERSION], PBO_XML_VERSION_1_1) != 0)
    {
      pbo_loader_fail_ (ld, PBO_ERROR_FORMAT,
                        "unsupported format version “%.20s” (this libpbo reads version %s)",
                        values[PBO_VERSION], PBO_XML_VERSION);
      return FALSE;
    }
  g_string_append_len (ld->doc_attrs, ld->fattrs->str, (gssize) ld->fattrs->len);
  ld->n_doc_attrs = (guint) n - 1;
  if (!pbo_loader_check_pbo_room_ (ld))
    return FALSE;
  pbo_loader_push_frame_ (ld, PBO_EL_PBO, NULL);
  return TRUE;
}

static gboolean
set_org_fields (PboLoader *ld, PboOrg *org, const char *const *values)
{
  g_autofree char *owner = g_strdup_printf ("org “%s”", org->id);
  GError *local = NULL;
  PboDate established, term_start, postponed;
  guint years = 0;

  if (!parse_date (ld, values[ORG_ESTABLISHED], &established, owner, "established")
      || !parse_date (ld, values[ORG_TERM_START], &term_start, owner, "term-start")
      || !parse_date (ld, values[ORG_TERM_POSTPONED_TO], &postponed, owner, "term-postponed-to")
      || (values[ORG_TERM_YEARS] != NULL
          && !parse_uint (ld, values[ORG_TERM_YEARS], 1, 10, &years, owner, "term-years")))
    return FALSE;
  if (!pbo_org_set_unit (org, values[ORG_UNIT], &local)
      || !pbo_org_set_established (org, established, &local)
      || ((term_start != PBO_DATE_NONE || years != 0)
          && !pbo_org_set_term (org, term_start, years, &local))
      || !pbo_org_postpone_term_ (org, postponed, &local))
    return fail_with (ld, local, owner);
  org->foreign.attrs = dup_fattrs (ld);
  return TRUE;
}

static gboolean
start_org (PboLoader *ld, PboFrame *parent, int n, const xmlChar **attrs)
{
  const char *values[G_N_ELEMENTS (org_attrs)];
  static const int required[] = { ORG_ID, ORG_KIND, ORG_NAME, -1 };
  GError *local = NULL;
  PboOrgKind kind;
  PboOrg *org;

  if (!pbo_loader_collect_attrs_ (ld, PBO_EL_ORG, n, attrs, values)
      || !pbo_loader_check_required_ (ld, PBO_EL_ORG, values, required, values[ORG_ID]))
    return FALSE;
  kind = pbo_org_kind_from_string (values[ORG_KIND]);
  if (kind == PBO_ORG_NONE)
    {
      pbo_loader_fail_ (ld, PBO_ERROR_INVALID,
                        "org “%s”: kind “%.40s” is not committee, general-branch, branch or "
                        "group", values[ORG_ID], values[ORG_KIND]);
      return FALSE;
    }
  org = pbo_tree_add_org (ld->tree, parent->org, kind, values[ORG_ID], values[ORG_NAME], &local);
  if (org == NULL)
    return fail_with (ld, local, NULL);
  if (!set_org_fields (ld, org, values))
    return FALSE;
  pbo_loader_push_frame_ (ld, PBO_EL_ORG, org);
  return TRUE;
}

static gboolean
start_member (PboLoader *ld, PboFrame *parent, int n, const xmlChar **attrs)
{
  const char *values[PBO_MATTR_COUNT];
  static const int required[] = { PBO_MATTR_ID, PBO_MATTR_NAME, PBO_MATTR_STATUS,
                                  PBO_MATTR_EMPLOYMENT, PBO_MATTR_JOINED, -1 };
  PboMemberInfo info = PBO_MEMBER_INFO_INIT;
  GError *local = NULL;
  PboMember *m;
  guint i;

  if (!pbo_loader_collect_attrs_ (ld, PBO_EL_MEMBER, n, attrs, values)
      || !pbo_loader_check_required_ (ld, PBO_EL_MEMBER, values, required, values[PBO_MATTR_ID]))
    return FALSE;
  pbo_tree_index_prefetch_ (ld->tree, values[PBO_MATTR_ID]);
  for (i = 0; i < PBO_MATTR_STANDING; i++)
    if (values[i] != NULL && !pbo_member_info_set_ (&info, (PboMemberAttr) i, values[i], &local))
      {
        pbo_loader_fail_ (ld, local->code, "member “%s”: %s", values[PBO_MATTR_ID],
                          local->message);
        g_error_free (local);
        return FALSE;
      }
  m = pbo_tree_add_member (ld->tree, parent->org, &info, &local);
  if (m == NULL || !pbo_standing_load_ (ld->tree, m, values + PBO_MATTR_STANDING, &local))
    return fail_with (ld, local, NULL);
  if (ld->fattrs->len > 0)
    pbo_member_ensure_extra_ (m)->foreign.attrs = dup_fattrs (ld);
  pbo_loader_push_frame_ (ld, PBO_EL_MEMBER, parent->org)->member = m;
  return TRUE;
}

static void
add_ref (PboLoader *ld, PboOrg *org, const char *member_id, int meeting, PboRole role,
         PboDate since)
{
  PboRef ref;

  ref.org = org;
  ref.id_at = ld->ref_ids->len;
  g_string_append_len (ld->ref_ids, member_id, (gssize) strlen (member_id) + 1);
  ref.meeting = meeting;
  ref.role = (guint8) role;
  ref.since = since;
  pbo_loader_position_ (ld, &ref.line, &ref.column);
  g_array_append_val (ld->refs, ref);
}

static gboolean
start_officer (PboLoader *ld, PboFrame *parent, int n, const xmlChar **attrs)
{
  const char *values[G_N_ELEMENTS (officer_attrs)];
  static const int required[] = { OFFICER_ROLE, OFFICER_MEMBER, -1 };
  PboDate since;
  PboRole role;

  if (!pbo_loader_collect_attrs_ (ld, PBO_EL_OFFICER, n, attrs, values)
      || !pbo_loader_check_required_ (ld, PBO_EL_OFFICER, values, required, NULL))
    return FALSE;
  role = pbo_role_from_string (values[OFFICER_ROLE]);
  if (role == PBO_ROLE_NONE)
    {
      pbo_loader_fail_ (ld, PBO_ERROR_INVALID,
                        "officer of org “%s”: role “%.40s” is not secretary, deputy-secretary, "
                        "organization, propaganda, discipline or committee-member",
                        parent->org->id, values[OFFICER_ROLE]);
      return FALSE;
    }
  if (!parse_date (ld, values[OFFICER_SINCE], &since, "officer", "since"))
    return FALSE;
  add_ref (ld, parent->org, values[OFFICER_MEMBER], -1, role, since);
  pbo_loader_push_frame_ (ld, PBO_EL_OFFICER, parent->org);
  return TRUE;
}

static gboolean
start_meeting (PboLoader *ld, PboFrame *parent, int n, const xmlChar **attrs)
{
  const char *values[G_N_ELEMENTS (meeting_attrs)];
  static const int required[] = { MEETING_TYPE, MEETING_DATE, -1 };
  GError *local = NULL;
  PboMeetingType type;
  PboDate date;
  guint attendance = 0;
  int index;

  if (!pbo_loader_collect_attrs_ (ld, PBO_EL_MEETING, n, attrs, values)
      || !pbo_loader_check_required_ (ld, PBO_EL_MEETING, values, required, NULL))
    return FALSE;
  type = pbo_meeting_type_from_string (values[MEETING_TYPE]);
  if (type == PBO_MEETING_NONE)
    {
      pbo_loader_fail_ (ld, PBO_ERROR_INVALID,
                        "meeting of org “%s”: type “%.40s” is not general-assembly, committee, "
                        "group, lecture, theme-day, life-meeting or member-review",
                        parent->org->id, values[MEETING_TYPE]);
      return FALSE;
    }
  if (!parse_date (ld, values[MEETING_DATE], &date, "meeting", "date")
      || (values[MEETING_ATTENDANCE] != NULL
          && !parse_uint (ld, values[MEETING_ATTENDANCE], 0, PBO_ATTENDANCE_MAX, &attendance, "meeting",
                          "attendance")))
    return FALSE;
  index = pbo_org_add_meeting (ld->tree, parent->org, type, date, values[MEETING_TITLE],
                               values[MEETING_ATTENDANCE] != NULL ? (int) attendance
                                                                  : PBO_ATTENDANCE_NONE,
                               &local);
  if (index < 0
      || !pbo_org_set_meeting_id (ld->tree, parent->org, (guint) index, values[MEETING_ID], &local))
    return fail_with (ld, local, index < 0 ? NULL : "meeting: id");
  if (!pbo_loader_meeting_minutes_ (ld, parent->org, (guint) index, values + MEETING_MINUTES))
    return FALSE;
  pbo_loader_push_frame_ (ld, PBO_EL_MEETING, parent->org)->meeting = index;
  return TRUE;
}

/* <work-plan> and <election> (format 1.1, read by xml-work-records.c). */
static gboolean
start_work_record (PboLoader *ld, PboFrame *parent, PboElement el, int n, const xmlChar **attrs)
{
  const char *values[G_N_ELEMENTS (election_attrs)];

  G_STATIC_ASSERT (G_N_ELEMENTS (election_attrs) >= G_N_ELEMENTS (work_plan_attrs));
  if (!pbo_loader_collect_attrs_ (ld, el, n, attrs, values)
      || !(el == PBO_EL_WORK_PLAN ? pbo_loader_work_plan_ (ld, parent->org, values)
                                  : pbo_loader_election_ (ld, parent->org, values)))
    return FALSE;
  pbo_loader_push_frame_ (ld, el, parent->org);
  return TRUE;
}

static gboolean
start_absent (PboLoader *ld, PboFrame *parent, int n, const xmlChar **attrs)
{
  const char *values[G_N_ELEMENTS (absent_attrs)];
  static const int required[] = { ABSENT_MEMBER, -1 };
  int meeting;

  if (!pbo_loader_collect_attrs_ (ld, PBO_EL_ABSENT, n, attrs, values)
      || !pbo_loader_check_required_ (ld, PBO_EL_ABSENT, values, required, NULL))
    return FALSE;
  add_ref (ld, parent->org, values[ABSENT_MEMBER], parent->meeting, PBO_ROLE_NONE,
           PBO_DATE_NONE);
  /* Pushing a frame may move the frame stack, @parent with it: read first. */
  meeting = parent->meeting;
  pbo_loader_push_frame_ (ld, PBO_EL_ABSENT, parent->org)->meeting = meeting;
  return TRUE;
}

static gboolean
start_recruit (PboLoader *ld, PboFrame *parent, int n, const xmlChar **attrs)
{
  const char *values[G_N_ELEMENTS (recruit_attrs)];
  static const int required[] = { RECRUIT_ID, RECRUIT_NAME, RECRUIT_STAGE, RECRUIT_APPLIED, -1 };
  PboRecruitInfo info = PBO_RECRUIT_INFO_INIT;
  GError *local = NULL;

  static const int optional[] = { RECRUIT_GENDER, RECRUIT_BORN, RECRUIT_ACTIVIST_SINCE,
                                  RECRUIT_CANDIDATE_SINCE, RECRUIT_DEPARTMENT };
  guint i;

  if (!pbo_loader_collect_attrs_ (ld, PBO_EL_RECRUIT, n, attrs, values))
    return FALSE;
  /* An empty optional attribute is an absent one (docs/format.md §4). */
  for (i = 0; i < G_N_ELEMENTS (optional); i++)
    if (values[optional[i]] != NULL && *values[optional[i]] == '\0')
      values[optional[i]] = NULL;
  if (!pbo_loader_check_required_ (ld, PBO_EL_RECRUIT, values, required, values[RECRUIT_ID]))
    return FALSE;
  info.id = values[RECRUIT_ID];
  info.name = values[RECRUIT_NAME];
  info.department = values[RECRUIT_DEPARTMENT];
  info.stage = pbo_recruit_stage_from_string (values[RECRUIT_STAGE]);
  info.gender = values[RECRUIT_GENDER] != NULL ? pbo_gender_from_string (values[RECRUIT_GENDER])
                                               : PBO_GENDER_NONE;
  if (info.stage == PBO_RECRUIT_STAGE_NONE)
    {
      pbo_loader_fail_ (ld, PBO_ERROR_INVALID,
                        "recruit “%s”: stage “%.40s” is not applicant, activist or candidate",
                        info.id, values[RECRUIT_STAGE]);
      return FALSE;
    }
  if (values[RECRUIT_GENDER] != NULL && info.gender == PBO_GENDER_NONE)
    {
      pbo_loader_fail_ (ld, PBO_ERROR_INVALID, "recruit “%s”: gender “%.40s” is not male or female",
                        info.id, values[RECRUIT_GENDER]);
      return FALSE;
    }
  if (values[RECRUIT_BORN] != NULL
      && !pbo_date_parse (values[RECRUIT_BORN], -1, TRUE, &info.born, &local))
    return fail_with (ld, local, "recruit: born");
  if (!parse_date (ld, values[RECRUIT_APPLIED], &info.applied, "recruit", "applied")
      || !parse_date (ld, values[RECRUIT_ACTIVIST_SINCE], &info.activist_since, "recruit",
                      "activist-since")
      || !parse_date (ld, values[RECRUIT_CANDIDATE_SINCE], &info.candidate_since, "recruit",
                      "candidate-since"))
    return FALSE;
  if (pbo_tree_insert_recruit_ (ld->tree, parent->org, G_MAXUINT, &info, &local) == NULL)
    return fail_with (ld, local, NULL);
  pbo_loader_push_frame_ (ld, PBO_EL_RECRUIT, parent->org);
  return TRUE;
}

static gboolean
start_root (PboLoader *ld, const xmlChar *localname, const xmlChar *uri, int n,
            const xmlChar **attrs)
{
  ld->seen_root = TRUE;
  if (localname != ld->names[PBO_N_PBO] && !xmlStrEqual (localname, ld->names[PBO_N_PBO]))
    pbo_loader_fail_ (ld, PBO_ERROR_FORMAT, "the root element is <%s>, not <pbo>", localname);
  else if (uri == NULL)
    pbo_loader_fail_ (ld, PBO_ERROR_FORMAT,
                      "<pbo> has no namespace (expected xmlns=\"%s\")", PBO_XML_NS);
  else if (!pbo_loader_is_pbo_ns_ (ld, uri))
    pbo_loader_fail_ (ld, PBO_ERROR_FORMAT,
                      "<pbo> is in the namespace “%s”, not %s", uri, PBO_XML_NS);
  else
    return start_pbo (ld, n, attrs);
  return FALSE;
}

static gboolean
start_format_element (PboLoader *ld, const xmlChar *localname, int n, const xmlChar **attrs)
{
  PboFrame *parent = pbo_loader_top_ (ld);
  int k = pbo_xml_find_name_ (ld->names + PBO_N_PBO, PBO_EL_COUNT - PBO_EL_PBO, localname, 0);
  PboElement el = k >= 0 ? (PboElement) (k + PBO_EL_PBO) : PBO_EL_NONE;

  if (el == PBO_EL_NONE)
    {
      pbo_loader_fail_ (ld, PBO_ERROR_FORMAT, "unknown element <%s>", localname);
      return FALSE;
    }
  if (!pbo_loader_check_place_ (ld, parent, el))
    return FALSE;
  switch (el)
    {
    case PBO_EL_ORG: return start_org (ld, parent, n, attrs);
    case PBO_EL_MEMBER: return start_member (ld, parent, n, attrs);
    case PBO_EL_OFFICER: return start_officer (ld, parent, n, attrs);
    case PBO_EL_MEETING: return start_meeting (ld, parent, n, attrs);
    case PBO_EL_ABSENT: return start_absent (ld, parent, n, attrs);
    case PBO_EL_RECRUIT: return start_recruit (ld, parent, n, attrs);
    case PBO_EL_PAYMENT:
    case PBO_EL_EVALUATION:
    case PBO_EL_RATING:
    case PBO_EL_TRAINING: return pbo_loader_start_record_ (ld, parent, el, n, attrs);
    case PBO_EL_TRANSFERS:
    case PBO_EL_LETTER: return pbo_loader_start_letter_ (ld, el, n, attrs);
    case PBO_EL_WORK_PLAN:
    case PBO_EL_ELECTION: return start_work_record (ld, parent, el, n, attrs);
    case PBO_EL_JOURNAL:
    case PBO_EL_ENTRY:
    case PBO_EL_SUBJECT:
    case PBO_EL_VACATED:
      return pbo_loader_start_journal_ (ld, el, n, attrs);
    case PBO_EL_PBO:
    case PBO_EL_NONE:
    case PBO_EL_COUNT:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Hands the foreign elements gathered inside a format element to its holder. */
static void
end_format_element (PboLoader *ld)
{
  PboFrame *f = pbo_loader_top_ (ld);
  PboForeign *target = NULL;

  if (f->foreign != NULL)
    {
      switch ((PboElement) f->element)
        {
        case PBO_EL_PBO: target = &ld->tree->foreign; break;
        case PBO_EL_ORG: target = &f->org->foreign; break;
        case PBO_EL_MEMBER: target = &pbo_member_ensure_extra_ (f->member)->foreign; break;
        default: break;
        }
      g_assert (target != NULL && target->children == NULL);
      target->children = g_string_free (f->foreign, FALSE);
    }
  if (f->element == PBO_EL_ORG)
    pbo_loader_settle_refs_ (ld, f->org, f->first_ref);
  g_array_set_size (ld->frames, ld->frames->len - 1);
}

/* Foreign elements may stand in <pbo>, <org> and <member> only. */
static gboolean
check_foreign_holder (PboLoader *ld, const xmlChar *localname, const xmlChar *prefix)
{
  PboElement holder = (PboElement) pbo_loader_top_ (ld)->element;

  if (ld->foreign_depth > 0 || holds_foreign (holder))
    return TRUE;
  pbo_loader_fail_ (ld, PBO_ERROR_FORMAT, "foreign element <%s%s%s> is not allowed inside <%s>",
                    prefix != NULL ? (const char *) prefix : "", prefix != NULL ? ":" : "",
                    localname, pbo_xml_element_name_ (holder));
  return FALSE;
}

/* ---- SAX2 callbacks ---------------------------------------------------------- */

static void
on_start (void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
          int n_ns, const xmlChar **namespaces, int n_attrs, int n_defaulted,
          const xmlChar **attrs)
{
  PboLoader *ld = ctx;

  if (ld->error != NULL)
    return;
  if (ld->frames->len + ld->foreign_depth >= ld->max_depth)
    pbo_loader_fail_ (ld, PBO_ERROR_LIMIT, "elements are nested deeper than %u levels",
                      ld->max_depth);
  else if (ld->foreign_depth >= PBO_FOREIGN_MAX_DEPTH)
    pbo_loader_fail_ (ld, PBO_ERROR_LIMIT, "foreign elements are nested deeper than %u levels",
                      PBO_FOREIGN_MAX_DEPTH);
  else if (ld->frames->len == 0)
    {
      if (pbo_loader_hoist_namespaces_ (ld, n_ns, namespaces))
        start_root (ld, localname, uri, n_attrs, attrs);
    }
  else if (ld->foreign_depth > 0 || (uri != NULL && !pbo_loader_is_pbo_ns_ (ld, uri)))
    {
      if (check_foreign_holder (ld, localname, prefix))
        pbo_loader_start_foreign_ (ld, localname, prefix, n_ns, namespaces, n_attrs, attrs);
    }
  else if (uri == NULL)
    pbo_loader_fail_ (ld, PBO_ERROR_FORMAT, "the element <%s> has no namespace", localname);
  else if (pbo_loader_hoist_namespaces_ (ld, n_ns, namespaces))
    start_format_element (ld, localname, n_attrs, attrs);
}

static void
on_end (void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
  PboLoader *ld = ctx;

  if (ld->error != NULL)
    return;
  if (ld->foreign_depth > 0)
    pbo_loader_end_foreign_ (ld, localname, prefix);
  else
    end_format_element (ld);
}

static void
on_text (void *ctx, const xmlChar *text, int len)
{
  PboLoader *ld = ctx;

  if (ld->error != NULL || ld->frames->len == 0)
    return;
  if (ld->foreign_depth > 0)
    pbo_loader_foreign_text_ (ld, text, len);
  else if (!pbo_xml_is_blank_ ((const char *) text, (gsize) len))
    pbo_loader_fail_ (ld, PBO_ERROR_FORMAT, "text is not allowed inside <%s>",
                      pbo_xml_element_name_ ((PboElement) pbo_loader_top_ (ld)->element));
}

const PboDocType pbo_tree_document_ = { on_start, on_end, on_text, pbo_loader_finish_tree_ };
