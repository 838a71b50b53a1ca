/* libpbo — saving format v1: the canonical writer (one element per line,
 * 2-space indent, fixed attribute order) into a buffer flushed in 64 KiB
 * blocks through the safe writer (file-write.c: temporary file, owner and
 * mode kept, fsync, rename).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "xml-private.h"
#include "recruit-private.h"
#include "lifecycle-private.h"
#include "edit-private.h"
#include "member-records-private.h"
#include "error-private.h"
#include "meeting-minutes-private.h"
#include "org-records-private.h"

/* ---- escaping ---------------------------------------------------------- */

/* 1: escaped everywhere; 2: escaped in attribute values only. */
static const guint8 escape_class[256] = {
  ['&'] = 1, ['<'] = 1, ['>'] = 1, ['\n'] = 1, ['\r'] = 1, ['"'] = 2, ['\t'] = 2,
};

static const char *
entity_of (char c)
{
  switch (c)
    {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\n': return "&#10;";
    case '\r': return "&#13;";
    case '\t': return "&#9;";
    default: g_return_val_if_reached ("");
    }
}

void
pbo_xml_escape_ (GString *out, const char *s, gsize len, gboolean in_attr)
{
  const guint8 limit = in_attr ? 2 : 1;
  const char *run = s, *end = s + len, *p;

  for (p = s; p < end; p++)
    {
      guint8 c = escape_class[(guchar) *p];
      if (c == 0 || c > limit)
        continue;
      g_string_append_len (out, run, p - run);
      g_string_append (out, entity_of (*p));
      run = p + 1;
    }
  g_string_append_len (out, run, end - run);
}

/* ---- the writer ---------------------------------------------------------- */

typedef struct {
  GString       *buf;
  PboFileWriter *out;       /* NULL: the document stays in memory */
  const PboTree *tree;
  const PboOrg  *root;      /* NULL: the whole tree */
  gboolean       redact;
  PboProgress    progress;
  guint64        done;
  gboolean       failed;    /* a block could not be written: stop */
} Writer;

#define PUT_LITERAL(w, s) g_string_append_len ((w)->buf, (s), sizeof (s) - 1)

/* Write errors are kept by the file writer and reported when it ends. */
static gboolean
flush (Writer *w)
{
  gboolean ok = pbo_file_writer_write (w->out, w->buf->str, w->buf->len);

  g_string_truncate (w->buf, 0);
  return ok;
}

/* Called after each org and member: flushes full blocks, reports progress. */
static void
step (Writer *w)
{
  if (w->out != NULL && w->buf->len >= PBO_XML_BLOCK)
    w->failed = !flush (w);
  pbo_progress_update_ (&w->progress, ++w->done);
}

static void
indent (Writer *w, guint depth)
{
  static const char spaces[] = "                                                                ";
  gsize n = 2 * (gsize) depth;

  for (; n > sizeof spaces - 1; n -= sizeof spaces - 1)
    PUT_LITERAL (w, spaces);
  g_string_append_len (w->buf, spaces, (gssize) n);
}

/* ` name="value"`, nothing when @value is NULL. */
static void
put_attr (Writer *w, const char *name, const char *value)
{
  if (value == NULL)
    return;
  g_string_append_c (w->buf, ' ');
  g_string_append (w->buf, name);
  PUT_LITERAL (w, "=\"");
  pbo_xml_escape_ (w->buf, value, strlen (value), TRUE);
  g_string_append_c (w->buf, '"');
}

static void
put_date (Writer *w, const char *name, PboDate date)
{
  char buf[PBO_DATE_BUFSIZE];

  if (date != PBO_DATE_NONE)
    put_attr (w, name, pbo_date_format (date, buf));
}

static void
put_uint (Writer *w, const char *name, guint value)
{
  char buf[16];

  g_snprintf (buf, sizeof buf, "%u", value);
  put_attr (w, name, buf);
}

static void
put_foreign_attrs (Writer *w, const PboForeign *f)
{
  if (f != NULL && f->attrs != NULL)
    g_string_append (w->buf, f->attrs);
}

/* Foreign elements are kept one per line; each goes on its own line at
 * @depth. */
static void
put_foreign_children (Writer *w, const PboForeign *f, guint depth)
{
  const char *line, *eol;

  if (f == NULL || f->children == NULL)
    return;
  for (line = f->children; *line != '\0'; line = *eol != '\0' ? eol + 1 : eol)
    {
      eol = strchr (line, '\n');
      if (eol == NULL)
        eol = line + strlen (line);
      if (eol == line)
        continue;
      indent (w, depth);
      g_string_append_len (w->buf, line, eol - line);
      g_string_append_c (w->buf, '\n');
    }
}

/* A birth date; a redacted export keeps the year only. */
static void
put_born (Writer *w, PboDate born)
{
  if (w->redact && born != PBO_DATE_NONE)
    born = pbo_date_make (pbo_date_get_year (born), 0, 0);
  put_date (w, "born", born);
}

static void
write_member (Writer *w, const PboMember *m, guint depth)
{
  const PboForeign *foreign = pbo_member_foreign_ (m);
  char buf[PBO_MATTR_BUFSIZE];
  guint i;

  indent (w, depth);
  PUT_LITERAL (w, "<member");
  for (i = 0; i < PBO_MATTR_COUNT; i++)
    {
      if (w->redact && (i == PBO_MATTR_PHONE || i == PBO_MATTR_ID_CARD))
        continue;
      if (i == PBO_MATTR_BORN)
        put_born (w, pbo_member_date_ (m, PBO_DATE_BORN));
      else
        put_attr (w, pbo_member_attr_name_ ((PboMemberAttr) i),
                  pbo_member_attr_format_ (m, (PboMemberAttr) i, buf));
    }
  put_foreign_attrs (w, foreign);
  if ((foreign == NULL || foreign->children == NULL)
      && !pbo_xml_member_has_records_ (m, w->redact))
    {
      PUT_LITERAL (w, "/>\n");
      return;
    }
  PUT_LITERAL (w, ">\n");
  pbo_xml_write_records_ (w->buf, m, depth + 1, w->redact);
  put_foreign_children (w, foreign, depth + 1);
  indent (w, depth);
  PUT_LITERAL (w, "</member>\n");
}

static void
write_officers (Writer *w, const PboOrg *org, guint depth)
{
  guint i;

  for (i = 0; i < org->n_officers; i++)
    {
      const PboOfficer *o = &org->officers[i];
      indent (w, depth);
      PUT_LITERAL (w, "<officer");
      put_attr (w, "role", pbo_role_to_string ((PboRole) o->role));
      put_attr (w, "member", pbo_member_id_ (o->member));
      put_date (w, "since", o->since);
      PUT_LITERAL (w, "/>\n");
    }
}

/* An absent record is written only if its member is still in the tree
 * (and in the subtree written), so that the output always loads. */
static const char *
absent_to_write (const Writer *w, const PboMeeting *mt, guint i)
{
  const char *id = g_ptr_array_index (mt->absent, i);
  PboMember *m = pbo_tree_lookup_member (w->tree, id);

  return m != NULL && (w->root == NULL || pbo_org_is_ancestor (w->root, m->org)) ? id : NULL;
}

/* The minutes attributes (format 1.1), after the 1.0 ones. */
static void
put_minutes (Writer *w, const PboMinutes *mn)
{
  const gint32 counts[] = { mn->expected, mn->present, mn->excused };
  static const char *const count_names[] = { "expected", "present", "excused" };

  put_attr (w, "presenter", mn->presenter);
  put_attr (w, "recorder", mn->recorder);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    if (counts[i] != PBO_ATTENDANCE_NONE)
      put_uint (w, count_names[i], (guint) counts[i]);
  put_attr (w, "place", mn->place);
  put_attr (w, "topic", mn->topic);
  put_attr (w, "resolution", mn->resolution);
  put_date (w, "planned", mn->planned);
}

static void
write_meeting (Writer *w, const PboMeeting *mt, guint depth)
{
  guint i, n = mt->absent != NULL ? mt->absent->len : 0, written = 0;

  indent (w, depth);
  PUT_LITERAL (w, "<meeting");
  put_attr (w, "id", mt->id);
  put_attr (w, "type", pbo_meeting_type_to_string ((PboMeetingType) mt->type));
  put_date (w, "date", mt->date);
  put_attr (w, "title", mt->title);
  if (mt->attendance != PBO_ATTENDANCE_NONE)
    put_uint (w, "attendance", (guint) mt->attendance);
  if (mt->minutes != NULL)
    put_minutes (w, mt->minutes);
  for (i = 0; i < n; i++)
    {
      const char *id = absent_to_write (w, mt, i);
      if (id == NULL)
        continue;
      if (written++ == 0)
        PUT_LITERAL (w, ">\n");
      indent (w, depth + 1);
      PUT_LITERAL (w, "<absent");
      put_attr (w, "member", id);
      PUT_LITERAL (w, "/>\n");
    }
  if (written == 0)
    PUT_LITERAL (w, "/>\n");
  else
    {
      indent (w, depth);
      PUT_LITERAL (w, "</meeting>\n");
    }
}

/* Attributes in the canonical order of docs/format.md. */
static void
write_recruit (Writer *w, const PboRecruit *r, guint depth)
{
  indent (w, depth);
  PUT_LITERAL (w, "<recruit");
  put_attr (w, "id", r->id);
  put_attr (w, "name", r->name);
  put_attr (w, "gender", pbo_gender_to_string ((PboGender) r->gender));
  put_born (w, r->born);
  put_attr (w, "stage", pbo_recruit_stage_to_string ((PboRecruitStage) r->stage));
  put_date (w, "applied", r->applied);
  put_date (w, "activist-since", r->activist_since);
  put_date (w, "candidate-since", r->candidate_since);
  put_attr (w, "department", r->department);
  PUT_LITERAL (w, "/>\n");
}

static gboolean
org_is_empty (const PboOrg *org)
{
  return org->n_officers == 0 && org->first_child == NULL
         && org->first_member == NULL && (org->meetings == NULL || org->meetings->len == 0)
         && pbo_org_get_n_recruits (org) == 0 && org->foreign.children == NULL
         && pbo_org_records_ (org) == NULL;
}

/* Work plans and elections (format 1.1), after the meetings. */
static void
write_work_records (Writer *w, const PboOrg *org, guint depth)
{
  PboElectionInfo el = PBO_ELECTION_INFO_INIT;
  const char *title;
  PboDate approved;
  guint i, year;

  for (i = 0; pbo_org_get_work_plan (org, i, &year, &approved, &title); i++)
    {
      indent (w, depth);
      PUT_LITERAL (w, "<work-plan");
      put_uint (w, "year", year);
      put_date (w, "approved", approved);
      put_attr (w, "title", title);
      PUT_LITERAL (w, "/>\n");
    }
  for (i = 0; pbo_org_get_election (org, i, &el); i++)
    {
      indent (w, depth);
      PUT_LITERAL (w, "<election");
      put_date (w, "date", el.date);
      put_attr (w, "method", pbo_election_method_to_string (el.method));
      put_uint (w, "candidates", el.candidates);
      put_uint (w, "seats", el.seats);
      put_uint (w, "voters", el.voters);
      put_uint (w, "voted", el.voted);
      PUT_LITERAL (w, "/>\n");
    }
}

/* The start tag and the officers; child orgs follow from the walk. */
static void
write_org_start (Writer *w, const PboOrg *org, guint depth)
{
  indent (w, depth);
  PUT_LITERAL (w, "<org");
  put_attr (w, "id", org->id);
  put_attr (w, "kind", pbo_org_kind_to_string ((PboOrgKind) org->kind));
  put_attr (w, "name", org->name);
  put_attr (w, "unit", org->unit);
  put_date (w, "established", org->established);
  put_date (w, "term-start", org->term_start);
  if (org->term_years > 0)
    put_uint (w, "term-years", org->term_years);
  put_date (w, "term-postponed-to", org->term_postponed_to);
  put_foreign_attrs (w, &org->foreign);
  if (org_is_empty (org))
    {
      PUT_LITERAL (w, "/>\n");
      return;
    }
  PUT_LITERAL (w, ">\n");
  write_officers (w, org, depth + 1);
}

/* After the child orgs: members, recruits, meetings, foreign elements, end tag. */
static void
write_org_end (Writer *w, const PboOrg *org, guint depth)
{
  const PboMember *m;
  guint i;

  if (org_is_empty (org))
    return;
  for (m = org->first_member; m != NULL; m = pbo_member_next_ (m))
    {
      write_member (w, m, depth + 1);
      step (w);
    }
  for (i = 0; i < pbo_org_get_n_recruits (org); i++)
    write_recruit (w, pbo_org_get_recruit (org, i), depth + 1);
  for (i = 0; org->meetings != NULL && i < org->meetings->len; i++)
    write_meeting (w, &g_array_index (org->meetings, PboMeeting, i), depth + 1);
  write_work_records (w, org, depth + 1);
  put_foreign_children (w, &org->foreign, depth + 1);
  indent (w, depth);
  PUT_LITERAL (w, "</org>\n");
}

/* The undo data (format 1.1), so that the entry can be undone after a
 * save and a load (docs/format.md, §14). */
static void
put_undo (Writer *w, const PboJournalEntry *e)
{
  g_autofree char *text = pbo_journal_entry_undo_text_ (e);

  if (text != NULL && strlen (text) <= PBO_XML_UNDO_MAX)
    put_attr (w, "undo", text);
}

static guint entries_to_write (const Writer *w);

/* Does the tree use what format 1.0 cannot read: meeting ids, minutes, the 1.1
 * operations or undo data in its journal? */
static gboolean
needs_1_1 (const Writer *w)
{
  guint i;

  if (w->tree->meeting_ids != NULL && g_hash_table_size (w->tree->meeting_ids) > 0)
    return TRUE;
  if (pbo_tree_has_member_records (w->tree) || pbo_lifecycle_used_ (w->tree)
      || pbo_tree_has_postponed_term_ (w->tree) || pbo_tree_has_minutes_ (w->tree)
      || pbo_tree_has_org_records_ (w->tree))
    return TRUE;
  for (i = 0; i < entries_to_write (w); i++)
    {
      const PboJournalEntry *e = pbo_journal_get_entry (w->tree, i);
      if (pbo_journal_entry_has_undo (e) || pbo_journal_entry_get_op (e) > PBO_EDIT_OP_ADMIT)
        return TRUE;
    }
  return FALSE;
}

/* The journal: what was done, and how to undo it (see docs/format.md). */
static void
write_entry (Writer *w, const PboJournalEntry *e)
{
  guint i, n_subjects = pbo_journal_entry_get_n_subjects (e);
  guint n_vacated = pbo_journal_entry_get_n_vacated (e);

  indent (w, 2);
  PUT_LITERAL (w, "<entry");
  put_uint (w, "seq", pbo_journal_entry_get_seq (e));
  put_date (w, "date", pbo_journal_entry_get_date (e));
  put_attr (w, "op", pbo_edit_op_to_string (pbo_journal_entry_get_op (e)));
  put_attr (w, "reason", pbo_journal_entry_get_reason (e));
  put_attr (w, "operator", pbo_journal_entry_get_operator (e));
  put_attr (w, "from", pbo_journal_entry_get_from (e));
  put_attr (w, "to", pbo_journal_entry_get_to (e));
  put_attr (w, "detail", pbo_journal_entry_get_detail (e));
  put_undo (w, e);
  if (n_subjects + n_vacated == 0)
    {
      PUT_LITERAL (w, "/>\n");
      return;
    }
  PUT_LITERAL (w, ">\n");
  for (i = 0; i < n_subjects; i++)
    {
      indent (w, 3);
      PUT_LITERAL (w, "<subject");
      put_attr (w, "id", pbo_journal_entry_get_subject (e, i));
      PUT_LITERAL (w, "/>\n");
    }
  for (i = 0; i < n_vacated; i++)
    {
      const char *org, *member;
      PboRole role;
      pbo_journal_entry_get_vacated (e, i, &org, &role, &member);
      indent (w, 3);
      PUT_LITERAL (w, "<vacated");
      put_attr (w, "org", org);
      put_attr (w, "role", pbo_role_to_string (role));
      put_attr (w, "member", member);
      PUT_LITERAL (w, "/>\n");
    }
  indent (w, 2);
  PUT_LITERAL (w, "</entry>\n");
}

/* A subtree export leaves the journal out: it speaks of the whole tree. */
static guint
entries_to_write (const Writer *w)
{
  return w->root == NULL ? pbo_journal_get_n_entries (w->tree) : 0;
}

static void
write_journal (Writer *w)
{
  guint i, n = entries_to_write (w);

  if (n == 0)
    return;
  PUT_LITERAL (w, "  <journal>\n");
  for (i = 0; i < n; i++)
    write_entry (w, pbo_journal_get_entry (w->tree, i));
  PUT_LITERAL (w, "  </journal>\n");
}

static void
write_document (Writer *w)
{
  const PboForeign *doc = &w->tree->foreign;
  PboWalker walker;
  PboWalkEvent ev;
  PboOrg *org;
  guint depth = 1;

  /* "1" while the tree uses nothing 1.0 cannot read (DESIGN §10). */
  PUT_LITERAL (w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<pbo xmlns=\"" PBO_XML_NS "\" version=\"");
  if (needs_1_1 (w))
    PUT_LITERAL (w, PBO_XML_VERSION_1_1 "\"");
  else
    PUT_LITERAL (w, PBO_XML_VERSION "\"");
  put_foreign_attrs (w, doc);
  if (w->root == NULL && w->tree->root.first_child == NULL && doc->children == NULL
      && entries_to_write (w) == 0 && pbo_tree_get_n_letters (w->tree) == 0)
    {
      PUT_LITERAL (w, "/>\n");
      return;
    }
  PUT_LITERAL (w, ">\n");
  pbo_walker_init (&walker, w->tree, (PboOrg *) w->root);
  while ((ev = pbo_walker_next (&walker, &org)) != PBO_WALK_DONE && !w->failed)
    if (ev == PBO_WALK_ENTER)
      {
        write_org_start (w, org, depth++);
        step (w);
      }
    else
      write_org_end (w, org, --depth);
  put_foreign_children (w, doc, 1);
  pbo_letters_write_xml_ (w->buf, w->tree);
  write_journal (w);
  PUT_LITERAL (w, "</pbo>\n");
}

/* Writes the document into @w, and through w->out when it is set (which
 * then holds any write error). */
static void
run_writer (Writer *w, const PboTree *tree, const PboSaveOptions *options)
{
  static const PboSaveOptions defaults = PBO_SAVE_OPTIONS_INIT;
  PboStats stats;

  if (options == NULL)
    options = &defaults;
  w->tree = tree;
  w->root = options->root;
  w->redact = (options->flags & PBO_SAVE_REDACT) != 0;
  if (w->root != NULL)
    pbo_org_get_stats (w->root, &stats);
  else
    pbo_tree_get_stats (tree, &stats);
  /* Orgs below the root, the root itself (when given), and members. */
  pbo_progress_init_ (&w->progress, options->progress, options->progress_data,
                      (guint64) stats.committees + stats.general_branches + stats.branches
                        + stats.groups + (w->root != NULL ? 1 : 0) + stats.members);
  write_document (w);
  if (w->out == NULL || (!w->failed && flush (w)))
    pbo_progress_finish_ (&w->progress, w->done);
}

/* The checks every writer shares; a group cannot stand at the top level,
 * so its subtree would not load again. */
static gboolean
check_request (const PboTree *tree, const PboSaveOptions *options, GError **error)
{
  const PboOrg *root = options != NULL ? options->root : NULL;

  if (root != NULL && !pbo_org_kind_can_contain (PBO_ORG_NONE, (PboOrgKind) root->kind))
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_CONTAINMENT,
                   _("cannot save the %s “%s” alone: a %s cannot stand at the top level"),
                   pbo_org_kind_to_display_name ((PboOrgKind) root->kind), root->id,
                   pbo_org_kind_to_display_name ((PboOrgKind) root->kind));
      return FALSE;
    }
  return TRUE;
}

#define CHECK_ARGS(tree, options, error, fail)                                        \
  G_STMT_START {                                                                      \
    g_return_val_if_fail ((tree) != NULL, fail);                                      \
    g_return_val_if_fail ((options) == NULL || (options)->version >= 1, fail);        \
    g_return_val_if_fail ((options) == NULL || (options)->root == NULL                \
                            || (options)->root->tree == (tree), fail);                \
    g_return_val_if_fail ((error) == NULL || *(error) == NULL, fail);                 \
    if (!check_request ((tree), (options), (error)))                                  \
      return fail;                                                                    \
  } G_STMT_END

/* Writes the document through @out and ends it (commit frees @out). */
static gboolean
save_through (const PboTree *tree, PboFileWriter *out, const PboSaveOptions *options,
              GError **error)
{
  Writer w = { 0 };

  w.out = out;
  w.buf = g_string_sized_new (PBO_XML_BLOCK + 4096);
  run_writer (&w, tree, options);
  g_string_free (w.buf, TRUE);
  return pbo_file_writer_commit (out, error);
}

char *
pbo_xml_save_data (const PboTree *tree, gsize *length, const PboSaveOptions *options,
                   GError **error)
{
  Writer w = { 0 };

  CHECK_ARGS (tree, options, error, NULL);
  /* About 200 bytes a member: one allocation for most documents. */
  w.buf = g_string_sized_new (4096 + 200 * (gsize) tree->n_members + 160 * (gsize) tree->n_orgs);
  run_writer (&w, tree, options);
  if (length != NULL)
    *length = w.buf->len;
  return g_string_free (w.buf, FALSE);
}

gboolean
pbo_xml_save_fd (const PboTree *tree, int fd, const PboSaveOptions *options, GError **error)
{
  char name[32];

  CHECK_ARGS (tree, options, error, FALSE);
  g_return_val_if_fail (fd >= 0, FALSE);
  g_snprintf (name, sizeof name, "<fd %d>", fd);
  return save_through (tree, pbo_file_writer_new_fd (fd, name), options, error);
}

gboolean
pbo_xml_save_file (const PboTree *tree, const char *path, const PboSaveOptions *options,
                   GError **error)
{
  PboFileWriter *out;

  CHECK_ARGS (tree, options, error, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  out = pbo_file_writer_new (path,
                             options != NULL && (options->flags & PBO_SAVE_NO_FSYNC)
                               ? PBO_FILE_WRITE_NO_FSYNC : PBO_FILE_WRITE_NONE,
                             error);
  return out != NULL && save_through (tree, out, options, error);
}
