/* libpbo — a journal entry's undo data as text, so that a file keeps it
 * and `pbo undo` can take back the last entry after a save and a load.
 * The text is a GVariant (of type STEPS below) in its printed form: a
 * typed, self-checking encoding that GLib parses without trusting it.
 * Every value read is checked again here, and the undo itself goes through
 * the primitive changes, which check what they insert.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "edit-private.h"
#include "recruit-private.h"
#include "lifecycle-private.h"
#include "error-private.h"
#include "meeting-minutes-private.h"

#define MEETING "(msyumsias)"
#define ORG "(ssymsuuymsmsa" MEETING ")"
#define MEMBER "(ssyyuuyumsmsmsmsxymsmsbmsms)"
#define RECRUIT "(ssyuuuyums)"
#define LETTER "(ysssssuuuu)"
#define STEP "(ymsmsmsmsmsmsuuyyuymv)"
#define STEPS "a" STEP
/* Records with minutes (format 1.1 work records) wrap the types above, so
 * that undo data written before them still reads: a meeting with its
 * minutes, an org with the minutes of its meetings by index. */
#define MEETING_X "(" MEETING PBO_MINUTES_VARIANT ")"
#define ORG_X "(" ORG "a(u" PBO_MINUTES_VARIANT "))"

/* ---- writing ---------------------------------------------------------- */

static GVariant *
ms (const char *s)
{
  return g_variant_new_maybe (G_VARIANT_TYPE_STRING, s != NULL ? g_variant_new_string (s) : NULL);
}

static GVariant *
meeting_base_variant (const PboMeeting *mt)
{
  GVariantBuilder absent;
  guint i;

  g_variant_builder_init (&absent, G_VARIANT_TYPE_STRING_ARRAY);
  for (i = 0; mt->absent != NULL && i < mt->absent->len; i++)
    g_variant_builder_add (&absent, "s", (const char *) g_ptr_array_index (mt->absent, i));
  return g_variant_new ("(@msyu@msias)", ms (mt->id), mt->type, mt->date, ms (mt->title),
                        mt->attendance, &absent);
}

static GVariant *
meeting_variant (const PboMeeting *mt)
{
  GVariant *base = meeting_base_variant (mt);

  return mt->minutes == NULL ? base
         : g_variant_new ("(@" MEETING "@" PBO_MINUTES_VARIANT ")", base,
                          pbo_minutes_variant_ (mt->minutes));
}

static GVariant *
org_variant (const PboOrg *o)
{
  GVariantBuilder meetings, minutes;
  GVariant *base;
  guint i, n_minutes = 0;

  g_variant_builder_init (&meetings, G_VARIANT_TYPE ("a" MEETING));
  g_variant_builder_init (&minutes, G_VARIANT_TYPE ("a(u" PBO_MINUTES_VARIANT ")"));
  for (i = 0; o->meetings != NULL && i < o->meetings->len; i++)
    {
      const PboMeeting *mt = &g_array_index (o->meetings, PboMeeting, i);
      g_variant_builder_add_value (&meetings, meeting_base_variant (mt));
      if (mt->minutes != NULL && ++n_minutes > 0)
        g_variant_builder_add (&minutes, "(u@" PBO_MINUTES_VARIANT ")", i,
                               pbo_minutes_variant_ (mt->minutes));
    }
  base = g_variant_new ("(ssy@msuuy@ms@msa" MEETING ")", o->id, o->name, o->kind, ms (o->unit),
                        o->established, o->term_start, o->term_years, ms (o->foreign.attrs),
                        ms (o->foreign.children), &meetings);
  if (n_minutes == 0)
    {
      g_variant_builder_clear (&minutes);
      return base;
    }
  return g_variant_new ("(@" ORG "a(u" PBO_MINUTES_VARIANT "))", base, &minutes);
}

static GVariant *
member_variant (const PboMemberSnap *snap)
{
  const PboMemberInfo *i = &snap->info;

  return g_variant_new ("(ssyyuuyu@ms@ms@ms@msxy@ms@msb@ms@ms)", i->id, i->name, i->status,
                        i->employment, i->joined, i->full_since, i->gender, i->born,
                        ms (i->ethnicity), ms (i->education), ms (i->position),
                        ms (i->department), i->dues_base_fen, i->dues_category, ms (i->phone),
                        ms (i->id_card), i->mobile, ms (snap->foreign.attrs),
                        ms (snap->foreign.children));
}

static GVariant *
recruit_variant (const PboRecruitInfo *r)
{
  return g_variant_new ("(ssyuuuyu@ms)", r->id, r->name, r->stage, r->applied, r->activist_since,
                        r->candidate_since, r->gender, r->born, ms (r->department));
}

static GVariant *
letter_variant (const PboLetterInfo *l)
{
  return g_variant_new (LETTER, (guint8) l->direction, l->number, l->member_id, l->name,
                        l->branch, l->other_org, l->issued, l->valid_days, l->dues_paid_to,
                        l->receipt);
}

static GVariant *
snap_variant (const PboStep *s)
{
  GVariant *v = s->org_snap != NULL ? org_variant (s->org_snap)
                : s->member_snap != NULL ? member_variant (s->member_snap)
                : s->recruit_snap != NULL ? recruit_variant (s->recruit_snap)
                : s->meeting_snap != NULL ? meeting_variant (s->meeting_snap)
                : s->letter_snap != NULL ? letter_variant (s->letter_snap) : NULL;

  return g_variant_new_maybe (G_VARIANT_TYPE_VARIANT, v != NULL ? g_variant_new_variant (v) : NULL);
}

char *
pbo_journal_entry_undo_text_ (const PboJournalEntry *e)
{
  g_autoptr (GVariant) all = NULL;
  GVariantBuilder steps;
  guint i;

  if (e->steps == NULL)
    return NULL;
  g_variant_builder_init (&steps, G_VARIANT_TYPE (STEPS));
  for (i = 0; i < e->steps->len; i++)
    {
      const PboStep *s = &g_array_index (e->steps, PboStep, i);
      g_variant_builder_add (&steps, "(y@ms@ms@ms@ms@ms@msuuyyuy@mv)", (guint8) s->kind,
                             ms (s->id), ms (s->parent), ms (s->before), ms (s->value),
                             ms (s->attr), ms (s->member), s->index, s->since, s->role,
                             s->org_kind, s->term_start, s->term_years, snap_variant (s));
    }
  all = g_variant_ref_sink (g_variant_builder_end (&steps));
  return g_variant_print (all, FALSE);
}

/* ---- reading ---------------------------------------------------------- */

typedef struct {
  PboJournalEntry *e;
  gboolean         ok;
} Reader;

/* A string of the variant in the entry's chunk; NULL for Nothing. */
static const char *
take (Reader *r, GVariant *maybe)
{
  g_autoptr (GVariant) child = g_variant_get_maybe (maybe);
  const char *s = child != NULL ? pbo_journal_entry_str_ (r->e, g_variant_get_string (child, NULL))
                                : NULL;

  g_variant_unref (maybe);
  return s;
}

static const char *
take_id (Reader *r, GVariant *maybe)
{
  const char *id = take (r, maybe);

  if (id != NULL && !pbo_id_is_valid (id))
    r->ok = FALSE;
  return id;
}

static PboDate
check_date (Reader *r, guint32 d, gboolean year_ok)
{
  if (d != PBO_DATE_NONE && (!pbo_date_is_valid (d) || (!year_ok && pbo_date_is_year_only (d))))
    r->ok = FALSE;
  return d;
}

static void
read_meeting (Reader *r, GVariant *v, PboMeeting *mt)
{
  GVariant *id, *title;
  g_autoptr (GVariantIter) absent = NULL;
  guint8 type;
  guint32 date;
  gint32 attendance;
  const char *a;

  g_variant_get (v, "(@msyu@msias)", &id, &type, &date, &title, &attendance, &absent);
  memset (mt, 0, sizeof *mt);
  mt->id = take_id (r, id);
  mt->title = take (r, title);
  mt->type = type;
  mt->date = check_date (r, date, FALSE);
  mt->attendance = attendance;
  if (pbo_meeting_type_to_string ((PboMeetingType) type) == NULL || attendance < -1)
    r->ok = FALSE;
  while (g_variant_iter_next (absent, "&s", &a))
    {
      if (mt->absent == NULL)
        mt->absent = g_ptr_array_new ();
      g_ptr_array_add (mt->absent, (gpointer) pbo_journal_entry_str_ (r->e, a));
      r->ok = r->ok && pbo_id_is_valid (a);
    }
}

static PboOrg *
read_org (Reader *r, GVariant *v)
{
  PboOrg *o = g_new0 (PboOrg, 1);
  GVariant *unit, *fattrs, *fchildren, *m;
  g_autoptr (GVariantIter) meetings = NULL;
  const char *id, *name;
  guint8 kind, years;
  guint32 est, start;

  g_variant_get (v, "(&s&sy@msuuy@ms@msa" MEETING ")", &id, &name, &kind, &unit, &est, &start,
                 &years, &fattrs, &fchildren, &meetings);
  o->id = pbo_journal_entry_str_ (r->e, id);
  o->name = pbo_journal_entry_str_ (r->e, name);
  o->kind = kind;
  o->unit = take (r, unit);
  o->established = check_date (r, est, FALSE);
  o->term_start = check_date (r, start, FALSE);
  o->term_years = years;
  o->foreign.attrs = g_strdup (take (r, fattrs));
  o->foreign.children = g_strdup (take (r, fchildren));
  if (!pbo_id_is_valid (id) || pbo_org_kind_to_string ((PboOrgKind) kind) == NULL || years > 10
      || (years == 0) != (start == PBO_DATE_NONE))
    r->ok = FALSE;
  while ((m = g_variant_iter_next_value (meetings)) != NULL)
    {
      PboMeeting mt;
      read_meeting (r, m, &mt);
      if (o->meetings == NULL)
        o->meetings = g_array_new (FALSE, FALSE, sizeof (PboMeeting));
      g_array_append_val (o->meetings, mt);
      g_variant_unref (m);
    }
  return o;
}

static PboMemberSnap *
read_member (Reader *r, GVariant *v)
{
  PboMemberSnap *snap = g_new0 (PboMemberSnap, 1);
  PboMemberInfo *i = &snap->info;
  GVariant *texts[6], *fattrs, *fchildren;
  const char *id, *name;
  guint8 status, employment, gender, category;
  guint32 joined, full, born;
  gboolean mobile;
  GError *error = NULL;

  /* Initialised first: g_variant_get() writes the dues base straight into
   * @i, and initialising afterwards reset it to "none" (a member's dues
   * base was lost when a removal was undone after a save and a load). */
  pbo_member_info_init (i, PBO_MEMBER_INFO_VERSION);
  g_variant_get (v, "(&s&syyuuyu@ms@ms@ms@msxy@ms@msb@ms@ms)", &id, &name, &status, &employment,
                 &joined, &full, &gender, &born, &texts[0], &texts[1], &texts[2], &texts[3],
                 &i->dues_base_fen, &category, &texts[4], &texts[5], &mobile, &fattrs,
                 &fchildren);
  i->id = pbo_journal_entry_str_ (r->e, id);
  i->name = pbo_journal_entry_str_ (r->e, name);
  i->status = (PboStatus) status;
  i->employment = (PboEmployment) employment;
  i->joined = joined;
  i->full_since = full;
  i->gender = (PboGender) gender;
  i->born = born;
  i->ethnicity = take (r, texts[0]);
  i->education = take (r, texts[1]);
  i->position = take (r, texts[2]);
  i->department = take (r, texts[3]);
  i->dues_category = (PboDuesCategory) category;
  i->phone = take (r, texts[4]);
  i->id_card = take (r, texts[5]);
  i->mobile = mobile;
  snap->foreign.attrs = g_strdup (take (r, fattrs));
  snap->foreign.children = g_strdup (take (r, fchildren));
  if (!pbo_member_info_check_ (i, &error))
    {
      r->ok = FALSE;
      g_error_free (error);
    }
  return snap;
}

static PboRecruitInfo *
read_recruit (Reader *r, GVariant *v)
{
  PboRecruitInfo *info = g_new0 (PboRecruitInfo, 1);
  GVariant *department;
  const char *id, *name;
  guint8 stage, gender;
  GError *error = NULL;

  info->version = PBO_RECRUIT_INFO_VERSION;
  g_variant_get (v, "(&s&syuuuyu@ms)", &id, &name, &stage, &info->applied,
                 &info->activist_since, &info->candidate_since, &gender, &info->born, &department);
  info->id = pbo_journal_entry_str_ (r->e, id);
  info->name = pbo_journal_entry_str_ (r->e, name);
  info->stage = (PboRecruitStage) stage;
  info->gender = (PboGender) gender;
  info->department = take (r, department);
  if (!pbo_recruit_info_check_ (info, &error))
    {
      r->ok = FALSE;
      g_error_free (error);
    }
  return info;
}

static PboLetterInfo *
read_letter (Reader *r, GVariant *v)
{
  PboLetterInfo *l = g_new0 (PboLetterInfo, 1);
  const char *number, *member, *name, *branch, *other;
  guint8 direction;

  l->version = PBO_LETTER_INFO_VERSION;
  g_variant_get (v, "(y&s&s&s&s&suuuu)", &direction, &number, &member, &name, &branch, &other,
                 &l->issued, &l->valid_days, &l->dues_paid_to, &l->receipt);
  l->direction = (PboLetterDirection) direction;
  l->number = pbo_journal_entry_str_ (r->e, number);
  l->member_id = pbo_journal_entry_str_ (r->e, member);
  l->name = pbo_journal_entry_str_ (r->e, name);
  l->branch = pbo_journal_entry_str_ (r->e, branch);
  l->other_org = pbo_journal_entry_str_ (r->e, other);
  if (!pbo_letter_check_ (l, NULL))
    r->ok = FALSE;
  return l;
}

/* The minutes of a wrapped meeting or org snapshot, onto it. */
static void
read_minutes (Reader *r, PboStep *s, GVariant *extra)
{
  GVariantIter it;
  GVariant *mv;
  guint index;

  if (s->kind == PBO_STEP_MEETING_REMOVED)
    {
      s->meeting_snap->minutes = pbo_minutes_from_variant_ (extra, r->e->strings, &r->ok);
      return;
    }
  g_variant_iter_init (&it, extra);
  while (g_variant_iter_next (&it, "(u@" PBO_MINUTES_VARIANT ")", &index, &mv))
    {
      GArray *mts = s->org_snap->meetings;
      PboMinutes *mn = pbo_minutes_from_variant_ (mv, r->e->strings, &r->ok);
      g_variant_unref (mv);
      if (mts == NULL || index >= mts->len
          || g_array_index (mts, PboMeeting, index).minutes != NULL)
        {
          g_free (mn);
          r->ok = FALSE;
          continue;
        }
      g_array_index (mts, PboMeeting, index).minutes = mn;
    }
}

/* The snapshot a step of @kind carries, of the type it must have. */
static void
read_snap (Reader *r, PboStep *s, GVariant *maybe)
{
  g_autoptr (GVariant) boxed = g_variant_get_maybe (maybe);
  g_autoptr (GVariant) v = boxed != NULL ? g_variant_get_variant (boxed) : NULL;
  const char *want = s->kind == PBO_STEP_ORG_REMOVED ? ORG
                     : s->kind == PBO_STEP_MEMBER_REMOVED ? MEMBER
                     : s->kind == PBO_STEP_RECRUIT_REMOVED || s->kind == PBO_STEP_RECRUIT_STAGE
                     ? RECRUIT : s->kind == PBO_STEP_MEETING_REMOVED ? MEETING
                     : s->kind == PBO_STEP_LETTER_REMOVED ? LETTER : NULL;
  g_autoptr (GVariant) extra = NULL;

  g_variant_unref (maybe);
  if (v != NULL && (g_variant_is_of_type (v, G_VARIANT_TYPE (MEETING_X))
                    || g_variant_is_of_type (v, G_VARIANT_TYPE (ORG_X))))
    {
      GVariant *wrapped = v;
      extra = g_variant_get_child_value (wrapped, 1);
      v = g_variant_get_child_value (wrapped, 0);
      g_variant_unref (wrapped);
    }
  if ((v == NULL) != (want == NULL)
      || (v != NULL && !g_variant_is_of_type (v, G_VARIANT_TYPE (want))))
    {
      r->ok = FALSE;
      return;
    }
  if (v == NULL)
    return;
  if (s->kind == PBO_STEP_ORG_REMOVED)
    s->org_snap = read_org (r, v);
  else if (s->kind == PBO_STEP_MEMBER_REMOVED)
    s->member_snap = read_member (r, v);
  else if (s->kind == PBO_STEP_MEETING_REMOVED)
    read_meeting (r, v, s->meeting_snap = g_new0 (PboMeeting, 1));
  else if (s->kind == PBO_STEP_LETTER_REMOVED)
    s->letter_snap = read_letter (r, v);
  else
    s->recruit_snap = read_recruit (r, v);
  if (extra != NULL)
    read_minutes (r, s, extra);
}

static void
drop_steps (PboJournalEntry *e)
{
  guint i;

  for (i = 0; i < e->steps->len; i++)
    pbo_step_clear_ (&g_array_index (e->steps, PboStep, i));
  g_clear_pointer (&e->steps, g_array_unref);
}

gboolean
pbo_journal_entry_set_undo_text_ (PboJournalEntry *e, const char *text, GError **error)
{
  g_autoptr (GVariant) all = NULL;
  GVariantIter it;
  GVariant *step;
  GError *local = NULL;
  Reader r = { e, TRUE };

  all = g_variant_parse (G_VARIANT_TYPE (STEPS), text, NULL, NULL, &local);
  if (all == NULL)
    {
      pbo_refuse_ (error, PBO_ERROR_INVALID, _("the undo data is malformed: %s"), local->message);
      g_error_free (local);
      return FALSE;
    }
  e->steps = g_array_new (FALSE, FALSE, sizeof (PboStep));
  g_variant_iter_init (&it, all);
  while (r.ok && (step = g_variant_iter_next_value (&it)) != NULL)
    {
      PboStep *s = pbo_step_add_ (e, PBO_STEP_NONE);
      GVariant *id, *parent, *before, *value, *attr, *member, *snap;
      guint8 kind;

      g_variant_get (step, "(y@ms@ms@ms@ms@ms@msuuyyuy@mv)", &kind, &id, &parent, &before,
                     &value, &attr, &member, &s->index, &s->since, &s->role, &s->org_kind,
                     &s->term_start, &s->term_years, &snap);
      s->kind = (PboStepKind) kind;
      s->id = take_id (&r, id);
      s->parent = take_id (&r, parent);
      s->before = take_id (&r, before);
      s->value = take (&r, value);
      s->attr = take (&r, attr);
      s->member = take_id (&r, member);
      if (kind == PBO_STEP_NONE || kind >= PBO_STEP_COUNT_
          || (kind == PBO_STEP_ORG_POSTPONED && s->id == NULL)
          || (s->id == NULL && kind != PBO_STEP_ORG_REMOVED && kind != PBO_STEP_MEMBER_REMOVED
              && (kind < PBO_STEP_LETTER_ADDED || kind > PBO_STEP_LETTER_RECEIPT))
          || (kind == PBO_STEP_LETTER_ADDED && s->value == NULL)
          || (kind == PBO_STEP_LETTER_RECEIPT && s->value == NULL)
          || ((kind == PBO_STEP_OFFICER_ADDED || kind == PBO_STEP_OFFICER_REMOVED)
              && (s->member == NULL || pbo_role_to_string ((PboRole) s->role) == NULL))
          || (kind == PBO_STEP_ORG_KIND && pbo_org_kind_to_string ((PboOrgKind) s->org_kind) == NULL)
          || (kind == PBO_STEP_MEMBER_ATTR && s->attr == NULL))
        r.ok = FALSE;
      check_date (&r, s->since, FALSE);
      check_date (&r, s->term_start, FALSE);
      read_snap (&r, s, snap);
      g_variant_unref (step);
    }
  if (r.ok)
    return TRUE;
  drop_steps (e);
  return pbo_refuse_ (error, PBO_ERROR_INVALID, _("the undo data holds an invalid step"));
}
