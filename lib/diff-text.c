/* libpbo — a diff as text for people (pbo_diff_write_text()), one sentence
 * per change, translated whole so that another language may order its
 * words; enum values (kinds, statuses, roles) by their display names.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <string.h>
#include "diff-private.h"
#include "error-private.h"

/* The fields that differ, as people name them (context "field"): the XML
 * attribute names, which the English text shows as they are. */
static const char *const field_names[] = {
  NC_("field", "unit"), NC_("field", "established"), NC_("field", "term-start"),
  NC_("field", "term-years"), NC_("field", "name"), NC_("field", "gender"),
  NC_("field", "born"), NC_("field", "joined"), NC_("field", "full-since"),
  NC_("field", "status"), NC_("field", "employment"), NC_("field", "ethnicity"),
  NC_("field", "education"), NC_("field", "position"), NC_("field", "department"),
  NC_("field", "dues-base"), NC_("field", "dues-category"), NC_("field", "phone"),
  NC_("field", "id-card"), NC_("field", "mobile"),
};

static const char *
field_name (const char *field)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (field_names); i++)
    if (strcmp (field_names[i], field) == 0)
      return C_("field", field);
  return field;
}

/* The display name of an enum value of @field, or NULL when @v is not one. */
static const char *
enum_display_name (const char *field, const char *v)
{
  if (strcmp (field, "kind") == 0)
    return pbo_org_kind_to_display_name (pbo_org_kind_from_string (v));
  if (strcmp (field, "status") == 0)
    return pbo_status_to_display_name (pbo_status_from_string (v));
  if (strcmp (field, "employment") == 0)
    return pbo_employment_to_display_name (pbo_employment_from_string (v));
  if (strcmp (field, "gender") == 0)
    return pbo_gender_to_display_name (pbo_gender_from_string (v));
  return NULL;
}

/* Dates, numbers and enum spellings as they are (enum values of @field by
 * their display names); anything else quoted, its control characters
 * escaped so that every change stays on one line. Returns a new string. */
static char *
value_text (const char *field, const char *v)
{
  GString *out;
  const char *name;

  if (v == NULL)
    return g_strdup (_("(none)"));
  if (field != NULL && (name = enum_display_name (field, v)) != NULL)
    return g_strdup (name);
  if (*v != '\0' && strspn (v, "0123456789abcdefghijklmnopqrstuvwxyzX.-") == strlen (v))
    return g_strdup (v);
  out = g_string_new ("“");
  pbo_text_append_escaped (out, v);
  g_string_append (out, "”");
  return g_string_free (out, FALSE);
}

static const char *
place (const char *org)
{
  return org != NULL ? org : _("the top level");
}

static const char *
org_or_top (const char *org)
{
  return org != NULL ? org : _("(top level)");
}

static void
org_added_line (const PboDiff *diff, const PboDiffChange *c, GString *out)
{
  gboolean added = c->kind == PBO_DIFF_ORG_ADDED;
  const PboTree *tree = added ? diff->new_tree : diff->old_tree;
  g_autofree char *name = value_text (NULL, pbo_org_get_name (pbo_tree_lookup_org (tree, c->org)));
  const char *kind = pbo_org_kind_to_display_name (pbo_org_kind_from_string (c->detail));

  kind = kind != NULL ? kind : c->detail;
  if (added)
    /* TRANSLATORS: org ID “NAME” added (KIND) under PARENT. */
    g_string_append_printf (out, _("org %s %s added (%s) under %s"), c->org, name, kind,
                            place (c->new_value));
  else
    g_string_append_printf (out, _("org %s %s removed (%s) from %s"), c->org, name, kind,
                            place (c->old_value));
}

/* "org ID WHAT OLD → NEW" for the changes of a value. */
static void
org_value_line (const PboDiffChange *c, GString *out)
{
  const char *field = c->kind == PBO_DIFF_ORG_KIND ? "kind" : c->detail;
  g_autofree char *ov = value_text (field, c->old_value);
  g_autofree char *nv = value_text (field, c->new_value);
  const char *org = org_or_top (c->org);

  switch (c->kind)
    {
    case PBO_DIFF_ORG_RENAMED:
      g_string_append_printf (out, _("org %s renamed %s → %s"), org, ov, nv); break;
    case PBO_DIFF_ORG_KIND:
      g_string_append_printf (out, _("org %s kind %s → %s"), org, ov, nv); break;
    case PBO_DIFF_ORG_MOVED:
      g_string_append_printf (out, _("org %s moved %s → %s"), org, org_or_top (c->old_value),
                              org_or_top (c->new_value));
      break;
    case PBO_DIFF_ORG_MEETINGS:
      g_string_append_printf (out, _("org %s meetings differ: %s → %s records"), org, ov, nv);
      break;
    case PBO_DIFF_ORG_RECRUITS:
      g_string_append_printf (out, _("org %s recruits differ: %s → %s records"), org, ov, nv);
      break;
    default:
      /* TRANSLATORS: org ID FIELD OLD → NEW. */
      g_string_append_printf (out, _("org %s %s %s → %s"), org, field_name (c->detail), ov, nv);
    }
}

static void
org_line (const PboDiff *diff, const PboDiffChange *c, GString *out)
{
  const char *org = org_or_top (c->org);

  switch (c->kind)
    {
    case PBO_DIFF_ORG_ADDED:
    case PBO_DIFF_ORG_REMOVED: org_added_line (diff, c, out); return;
    case PBO_DIFF_ORG_RENAMED:
    case PBO_DIFF_ORG_KIND:
    case PBO_DIFF_ORG_MOVED:
    case PBO_DIFF_ORG_FIELD:
    case PBO_DIFF_ORG_MEETINGS:
    case PBO_DIFF_ORG_RECRUITS: org_value_line (c, out); return;
    case PBO_DIFF_ORG_CHILDREN_ORDER:
      g_string_append_printf (out, _("org %s children reordered"), org); return;
    case PBO_DIFF_ORG_MEMBERS_ORDER:
      g_string_append_printf (out, _("org %s members reordered"), org); return;
    case PBO_DIFF_ORG_OFFICERS_ORDER:
      g_string_append_printf (out, _("org %s officers reordered"), org); return;
    default:
      g_string_append_printf (out, _("org %s foreign content differs"), org);
    }
}

static void
officer_line (const PboDiffChange *c, GString *out)
{
  const char *role = pbo_role_to_display_name (pbo_role_from_string (c->detail));
  g_autofree char *ov = value_text (NULL, c->old_value);
  g_autofree char *nv = value_text (NULL, c->new_value);

  role = role != NULL ? role : c->detail;
  /* TRANSLATORS: officer ORG ROLE MEMBER …. */
  if (c->kind == PBO_DIFF_OFFICER_DISMISSED)
    g_string_append_printf (out, _("officer %s %s %s dismissed"), c->org, role, c->member);
  else if (c->kind == PBO_DIFF_OFFICER_APPOINTED && c->new_value != NULL)
    g_string_append_printf (out, _("officer %s %s %s appointed since %s"), c->org, role,
                            c->member, c->new_value);
  else if (c->kind == PBO_DIFF_OFFICER_APPOINTED)
    g_string_append_printf (out, _("officer %s %s %s appointed"), c->org, role, c->member);
  else
    g_string_append_printf (out, _("officer %s %s %s since %s → %s"), c->org, role, c->member,
                            ov, nv);
}

static void
member_line (const PboDiff *diff, const PboDiffChange *c, GString *out)
{
  const PboTree *tree = c->kind == PBO_DIFF_MEMBER_REMOVED ? diff->old_tree : diff->new_tree;
  g_autofree char *name = NULL, *ov = NULL, *nv = NULL;

  switch (c->kind)
    {
    case PBO_DIFF_MEMBER_ADDED:
    case PBO_DIFF_MEMBER_REMOVED:
      name = value_text (NULL, pbo_member_get_name (pbo_tree_lookup_member (tree, c->member)));
      g_string_append_printf (out, c->kind == PBO_DIFF_MEMBER_ADDED
                                     ? _("member %s %s added to %s")
                                     : _("member %s %s removed from %s"),
                              c->member, name, place (c->org));
      break;
    case PBO_DIFF_MEMBER_TRANSFERRED:
      g_string_append_printf (out, _("member %s transferred %s → %s"), c->member, c->old_value,
                              c->new_value);
      break;
    case PBO_DIFF_MEMBER_FIELD:
    case PBO_DIFF_MEMBER_RECORD:
      ov = value_text (c->detail, c->old_value);
      nv = value_text (c->detail, c->new_value);
      /* TRANSLATORS: member ID FIELD OLD → NEW. */
      g_string_append_printf (out, _("member %s %s %s → %s"), c->member, field_name (c->detail),
                              ov, nv);
      break;
    default:
      g_string_append_printf (out, _("member %s foreign content differs"), c->member);
    }
}

/* A transfer letter (1.1) NEW adds, or whose receipt it records. */
static void
letter_line (const PboDiffChange *c, GString *out)
{
  if (c->old_value == NULL && c->new_value == NULL)
    g_string_append_printf (out, _("letter %s of member %s added"), c->detail, c->member);
  else
    /* TRANSLATORS: letter NUMBER of member ID receipt OLD → NEW. */
    g_string_append_printf (out, _("letter %s of member %s receipt %s → %s"), c->detail,
                            c->member, c->old_value != NULL ? c->old_value : _("(none)"),
                            c->new_value != NULL ? c->new_value : _("(none)"));
}

void
pbo_diff_change_line_ (const PboDiff *diff, const PboDiffChange *c, GString *out)
{
  if (c->kind == PBO_DIFF_DOCUMENT_FOREIGN)
    g_string_append (out, _("document foreign content differs"));
  else if (c->kind == PBO_DIFF_LETTER)
    letter_line (c, out);
  else if (c->member == NULL)
    org_line (diff, c, out);
  else if (c->kind >= PBO_DIFF_OFFICER_APPOINTED && c->kind <= PBO_DIFF_OFFICER_SINCE)
    officer_line (c, out);
  else
    member_line (diff, c, out);
}

void
pbo_diff_write_text (const PboDiff *diff, GString *out)
{
  guint i;

  g_return_if_fail (diff != NULL && out != NULL);
  for (i = 0; i < diff->changes->len; i++)
    {
      pbo_diff_change_line_ (diff, &g_array_index (diff->changes, PboDiffChange, i), out);
      g_string_append_c (out, '\n');
    }
}
