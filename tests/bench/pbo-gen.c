/* pbo-gen — writes a deterministic, realistic format-v1 tree of any size.
 *
 *   pbo-gen --members N [--seed S] [--all-attributes] -o FILE
 *
 * Shape: provinces → cities → commission committees (a city's
 * directly-affiliated units' committee and its districts' health bureau
 * committees) → units: hospital committees (which may hold general
 * branches), general branches and single branches → branches of 10–50
 * members, some with groups; about one branch in five is a retirees'
 * branch. Officers for every org, meetings for some branches. The same
 * arguments always give the same bytes. Prints one "GEN key=value ..." line
 * with the counts on stdout.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "gen-member.h"

#include <stdlib.h>
#include <string.h>

/* Kinds as format v1 spells them; their order indexes Gen.orgs. */
enum { K_COMMITTEE, K_GENERAL_BRANCH, K_BRANCH, K_GROUP, K_COUNT };
static const char *const kind_names[K_COUNT] = { "committee", "general-branch", "branch", "group" };
static const char kind_prefix[K_COUNT] = { 'c', 'g', 'b', 't' };

#define BRANCH_MAX 50

typedef struct {
  guint    size;
  guint    n_groups;
  gboolean retiree;
  int      general_branch;     /* index of its general branch in the plan, or -1 */
} BranchPlan;

typedef struct {
  GenOut      out;
  GenRng      rng;
  guint64     seed;
  guint64     next_member;     /* the next member number, from 1 */
  guint       next_org[K_COUNT];
  const char *city;            /* the city being written */
  const char *place;           /* the city or district being written */
  /* What was written. */
  guint64     members[2][2];   /* [full?0:1][in-service?0:1] */
  guint64     orgs[K_COUNT];
  guint64     officers, meetings, absent;
} Gen;

static const char *const provinces[] = {
  "广东省", "江苏省", "湖南省", "浙江省", "山东省", "河南省", "四川省", "湖北省",
  "福建省", "河北省", "安徽省", "江西省", "广西壮族自治区", "云南省", "辽宁省", "陕西省",
};
static const char *const cities[] = {
  "江门市", "广州市", "佛山市", "苏州市", "无锡市", "岳阳市", "长沙市", "杭州市", "宁波市",
  "济南市", "青岛市", "郑州市", "洛阳市", "成都市", "绵阳市", "武汉市", "宜昌市", "厦门市",
  "泉州市", "石家庄市", "合肥市", "芜湖市", "南昌市", "赣州市", "南宁市", "柳州市",
};
static const char *const districts[] = {
  "江海区", "蓬江区", "新会区", "吴江区", "姑苏区", "岳阳楼区", "君山区", "西湖区", "历下区",
  "金水区", "武侯区", "江汉区", "思明区", "长安区", "蜀山区", "东湖区", "青秀区", "开平市",
  "台山市", "鹤山市", "恩平市", "华容县", "平江县", "临湘市",
};
static const char *const hospital_kinds[] = {
  "人民医院", "中医院", "妇幼保健院", "中西医结合医院", "第二人民医院", "第三人民医院",
  "疾病预防控制中心", "急救中心", "精神卫生中心", "卫生监督所", "肿瘤医院", "口腔医院",
};
static const char *const branch_names[] = {
  "内科", "外科", "护理", "医技", "行政", "后勤", "门诊", "急诊", "药学", "中医", "儿科",
  "妇产科", "公共卫生", "检验", "影像",
};
static const char *const meeting_types[] = {
  "general-assembly", "committee", "group", "lecture", "theme-day", "life-meeting",
  "member-review",
};
static const char *const meeting_titles[] = {
  "学习贯彻党的二十大精神", "主题教育专题学习", "三会一课制度落实", "党风廉政建设专题党课",
  "“我为群众办实事”主题党日", "年度组织生活会", "民主评议党员", "医德医风专题学习",
};

/* A Chinese ordinal "第一", "第十二", up to 99 (then digits). */
static void
ordinal (char *buf, gsize size, guint n)
{
  static const char *const digit[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  if (n < 10)
    g_snprintf (buf, size, "第%s", digit[n]);
  else if (n < 100)
    g_snprintf (buf, size, "第%s十%s", n >= 20 ? digit[n / 10] : "", digit[n % 10]);
  else
    g_snprintf (buf, size, "第%u", n);
}

/* A share of @remaining between @lo and @hi that never leaves a remainder
 * too small to stand on its own. */
static guint64
take (Gen *g, guint64 remaining, guint lo, guint hi)
{
  guint64 q;

  if (remaining <= hi)
    return remaining;
  q = gen_rng_range (&g->rng, lo, hi);
  if (remaining - q < lo)
    q = remaining - lo;
  return q;
}

static void
date_text (char *buf, guint y, GenRng *rng)
{
  g_snprintf (buf, 12, "%04u-%02u-%02u", y, gen_rng_range (rng, 1, 12), gen_rng_range (rng, 1, 28));
}

/* Writes the opening tag of an org and returns its term start (for the
 * officers' "since"), "" when it has none. */
static const char *
open_org (Gen *g, guint depth, int kind, const char *name, const char *unit, char *term_start)
{
  char id[24], established[12] = "";
  guint term_years = 0;

  g_snprintf (id, sizeof id, "%c%u", kind_prefix[kind], ++g->next_org[kind]);
  term_start[0] = '\0';
  if (kind != K_GROUP && gen_rng_chance (&g->rng, 600))
    date_text (established, gen_rng_range (&g->rng, 1980, 2019), &g->rng);
  if (kind != K_GROUP && gen_rng_chance (&g->rng, 700))
    {
      term_years = kind == K_COMMITTEE ? 5 : 3;
      date_text (term_start, gen_rng_range (&g->rng, 2025 - term_years, 2024), &g->rng);
    }
  gen_out_open (&g->out, depth, "org");
  gen_out_attr (&g->out, "id", id);
  gen_out_attr (&g->out, "kind", kind_names[kind]);
  gen_out_attr (&g->out, "name", name);
  gen_out_attr (&g->out, "unit", unit);
  gen_out_attr (&g->out, "established", established);
  gen_out_attr (&g->out, "term-start", term_start);
  if (term_years > 0)
    gen_out_attr_u (&g->out, "term-years", term_years);
  gen_out_end (&g->out, FALSE);
  g->orgs[kind]++;
  return term_start;
}

static void
write_officer (Gen *g, guint depth, const char *role, guint64 member, const char *since)
{
  char id[24];

  g_snprintf (id, sizeof id, "m%" G_GUINT64_FORMAT, member);
  gen_out_open (&g->out, depth, "officer");
  gen_out_attr (&g->out, "role", role);
  gen_out_attr (&g->out, "member", id);
  gen_out_attr (&g->out, "since", since);
  gen_out_end (&g->out, TRUE);
  g->officers++;
}

/* The officers of a committee or general branch: the first members of its
 * first branches, who are full members by construction. */
static void
write_unit_officers (Gen *g, guint depth, const guint64 *firsts, guint n, const char *since)
{
  static const char *const roles[] = { "secretary", "deputy-secretary", "organization",
                                       "propaganda", "discipline", "committee-member",
                                       "committee-member" };
  guint i;

  for (i = 0; i < n && i < G_N_ELEMENTS (roles); i++)
    write_officer (g, depth, roles[i], firsts[i], since);
}

/* A branch's officers: the secretary, and a committee when it has ≥ 7
 * full members (支部工作条例 ch. 6). */
static void
write_branch_officers (Gen *g, guint depth, const GenMember *ms, guint n, const char *since)
{
  static const char *const roles[] = { "secretary", "organization", "propaganda",
                                       "deputy-secretary", "discipline" };
  guint64 first = g->next_member;
  guint i, n_full = 0, n_roles;
  guint full[G_N_ELEMENTS (roles)];

  for (i = 0; i < n; i++)
    if (ms[i].full && n_full < G_N_ELEMENTS (roles))
      full[n_full++] = i;
  n_roles = n_full >= 5 && n >= 15 ? 5 : n_full >= 3 && n >= 7 ? 3 : 1;
  for (i = 0; i < n_roles; i++)
    write_officer (g, depth, roles[i], first + full[i], since);
}

static void
write_meetings (Gen *g, guint depth, guint n_members, gboolean has_groups)
{
  guint i, j, n = gen_rng_chance (&g->rng, 400) ? gen_rng_range (&g->rng, 1, 4) : 0;
  guint half = n_members / 2;
  char date[12];

  for (i = 0; i < n; i++)
    {
      const char *type = GEN_PICK (&g->rng, meeting_types);
      guint n_absent = half > 0 ? gen_rng_range (&g->rng, 0, 2) : 0;

      if (strcmp (type, "group") == 0 && !has_groups)
        type = "lecture";
      date_text (date, gen_rng_range (&g->rng, 2024, 2025), &g->rng);
      gen_out_open (&g->out, depth, "meeting");
      gen_out_attr (&g->out, "type", type);
      gen_out_attr (&g->out, "date", date);
      if (gen_rng_chance (&g->rng, 600))
        gen_out_attr (&g->out, "title", GEN_PICK (&g->rng, meeting_titles));
      if (gen_rng_chance (&g->rng, 800))
        gen_out_attr_u (&g->out, "attendance", n_members - n_absent);
      gen_out_end (&g->out, n_absent == 0);
      for (j = 0; j < n_absent; j++)
        {
          char id[24];

          /* Two distinct members: one from each half of the branch. */
          g_snprintf (id, sizeof id, "m%" G_GUINT64_FORMAT,
                      g->next_member + j * half + gen_rng_range (&g->rng, 0, half - 1));
          gen_out_open (&g->out, depth + 1, "absent");
          gen_out_attr (&g->out, "member", id);
          gen_out_end (&g->out, TRUE);
          g->absent++;
        }
      if (n_absent > 0)
        gen_out_close (&g->out, depth, "meeting");
      g->meetings++;
    }
}

static void
write_members (Gen *g, guint depth, const GenMember *ms, guint n)
{
  guint i;

  for (i = 0; i < n; i++)
    {
      gen_out_member (&g->out, depth, &ms[i]);
      g->members[ms[i].full ? 0 : 1][ms[i].retired ? 1 : 0]++;
    }
}

static void
write_branch (Gen *g, guint depth, const BranchPlan *plan, const char *name, const char *unit)
{
  GenMember ms[BRANCH_MAX];
  char since[12];
  guint i, done = 0;

  g_assert (plan->size <= BRANCH_MAX);
  for (i = 0; i < plan->size; i++)
    gen_member_make (&ms[i], g->seed, g->next_member + i, plan->retiree, i == 0);
  open_org (g, depth, K_BRANCH, name, unit, since);
  write_branch_officers (g, depth + 1, ms, plan->size, since);
  for (i = 0; i < plan->n_groups; i++)
    {
      guint n = plan->size * 3 / 4 / plan->n_groups;
      char group_name[40], ord[24];

      ordinal (ord, sizeof ord, i + 1);
      g_snprintf (group_name, sizeof group_name, "%s党小组", ord);
      open_org (g, depth + 1, K_GROUP, group_name, NULL, since);
      write_members (g, depth + 2, ms + done, n);
      gen_out_close (&g->out, depth + 1, "org");
      done += n;
    }
  write_members (g, depth + 1, ms + done, plan->size - done);
  write_meetings (g, depth + 1, plan->size, plan->n_groups > 0);
  gen_out_close (&g->out, depth, "org");
  g->next_member += plan->size;
}

static void
plan_branch (Gen *g, GArray *plan, guint size, int general_branch)
{
  BranchPlan b = { size, 0, FALSE, general_branch };

  b.retiree = plan->len > 0 && gen_rng_chance (&g->rng, 250);
  if (size >= 30 && gen_rng_chance (&g->rng, 400))
    b.n_groups = gen_rng_range (&g->rng, 2, 4);
  g_array_append_val (plan, b);
}

/* Splits @members into branches of 10–50; those of a general branch share
 * its index. */
static void
plan_branches (Gen *g, GArray *plan, guint64 members, int general_branch)
{
  while (members > 0)
    {
      guint size = (guint) take (g, members, 10, BRANCH_MAX);

      plan_branch (g, plan, size, general_branch);
      members -= size;
    }
}

static void
branch_name (Gen *g, const BranchPlan *b, guint nth, char *buf, gsize size)
{
  char ord[24];

  if (b->retiree)
    g_snprintf (buf, size, "离退休党支部");
  else if (gen_rng_chance (&g->rng, 500))
    g_snprintf (buf, size, "%s党支部", GEN_PICK (&g->rng, branch_names));
  else
    {
      ordinal (ord, sizeof ord, nth);
      g_snprintf (buf, size, "%s党支部", ord);
    }
}

/* Writes the branches of @plan from @from on, as long as they belong to
 * @general_branch; returns the index after the last one written. */
static guint
write_plan_run (Gen *g, guint depth, const GArray *plan, guint from, int general_branch)
{
  guint i, nth = 1;
  char name[64];

  for (i = from; i < plan->len; i++, nth++)
    {
      const BranchPlan *b = &g_array_index (plan, BranchPlan, i);

      if (b->general_branch != general_branch)
        break;
      branch_name (g, b, nth, name, sizeof name);
      write_branch (g, depth, b, name, NULL);
    }
  return i;
}

/* The first member numbers of up to @max of the plan's branches from @from
 * on that belong to @general_branch (-2: any); the branches before @from
 * are already written. */
static guint
plan_firsts (const Gen *g, const GArray *plan, guint from, int general_branch, guint64 *firsts,
             guint max)
{
  guint64 next = g->next_member;
  guint i, n = 0;

  for (i = from; i < plan->len && n < max; i++)
    {
      const BranchPlan *b = &g_array_index (plan, BranchPlan, i);

      if (general_branch != -2 && b->general_branch != general_branch)
        break;
      firsts[n++] = next;
      next += b->size;
    }
  return n;
}

static void
write_general_branch (Gen *g, guint depth, const GArray *plan, guint *i, const char *name,
                      const char *unit)
{
  int gb = g_array_index (plan, BranchPlan, *i).general_branch;
  guint64 firsts[2];
  guint n = plan_firsts (g, plan, *i, gb, firsts, 2);
  char since[12];

  open_org (g, depth, K_GENERAL_BRANCH, name, unit, since);
  write_unit_officers (g, depth + 1, firsts, n, since);
  *i = write_plan_run (g, depth + 1, plan, *i, gb);
  gen_out_close (&g->out, depth, "org");
}

/* A hospital's committee: general branches for some departments and
 * branches for the rest. */
static void
write_unit_committee (Gen *g, guint depth, guint64 members, const char *unit)
{
  GArray *plan = g_array_new (FALSE, FALSE, sizeof (BranchPlan));
  guint64 firsts[7];
  guint i = 0, n, n_gb = 0;
  char name[96], since[12];

  while (members > 0)
    {
      guint64 q;

      if (members >= 60 && gen_rng_chance (&g->rng, 250))
        {
          q = take (g, members, 50, 100);
          plan_branches (g, plan, q, (int) n_gb++);
        }
      else
        {
          q = take (g, members, 10, BRANCH_MAX);
          plan_branch (g, plan, (guint) q, -1);
        }
      members -= q;
    }
  n = plan_firsts (g, plan, 0, -2, firsts, G_N_ELEMENTS (firsts));
  g_snprintf (name, sizeof name, "%s党委", unit);
  open_org (g, depth, K_COMMITTEE, name, unit, since);
  write_unit_officers (g, depth + 1, firsts, n, since);
  while (i < plan->len)
    {
      if (g_array_index (plan, BranchPlan, i).general_branch >= 0)
        {
          g_snprintf (name, sizeof name, "%s党总支", GEN_PICK (&g->rng, branch_names));
          write_general_branch (g, depth + 1, plan, &i, name, NULL);
        }
      else
        i = write_plan_run (g, depth + 1, plan, i, -1);
    }
  gen_out_close (&g->out, depth, "org");
  g_array_free (plan, TRUE);
}

/* One unit: a hospital committee (most members), a general branch or a
 * single branch (a health centre). */
static guint64
write_unit (Gen *g, guint depth, guint64 remaining)
{
  GArray *plan = g_array_new (FALSE, FALSE, sizeof (BranchPlan));
  guint r = gen_rng_range (&g->rng, 0, 99);
  guint64 q;
  guint i = 0;
  char unit[96], name[112];

  if (r < 35)
    {
      g_snprintf (unit, sizeof unit, "%s%s", g->place, GEN_PICK (&g->rng, hospital_kinds));
      q = take (g, remaining, 150, 150 + gen_rng_range (&g->rng, 0, 2350) * r / 35);
      write_unit_committee (g, depth, q, unit);
    }
  else if (r < 65)
    {
      g_snprintf (unit, sizeof unit, "%s%s", g->place, GEN_PICK (&g->rng, hospital_kinds));
      g_snprintf (name, sizeof name, "%s党总支", unit);
      q = take (g, remaining, 50, 100);
      plan_branches (g, plan, q, 0);
      write_general_branch (g, depth, plan, &i, name, unit);
    }
  else
    {
      BranchPlan b = { 0, 0, FALSE, -1 };

      g_snprintf (unit, sizeof unit, "%s%s镇卫生院", g->place,
                  GEN_PICK (&g->rng, branch_names));
      g_snprintf (name, sizeof name, "%s党支部", unit);
      b.size = (guint) (q = take (g, remaining, 10, BRANCH_MAX));
      write_branch (g, depth, &b, name, unit);
    }
  g_array_free (plan, TRUE);
  return q;
}

/* Levels of committees above the units, and the members each holds. */
enum { L_PROVINCE, L_CITY, L_COMMISSION, L_UNIT };
static const guint level_lo[] = { 200000, 20000, 2000 };
static const guint level_hi[] = { 1500000, 150000, 30000 };

static void
committee_name (Gen *g, guint level, guint nth, char *name, gsize size)
{
  switch (level)
    {
    case L_PROVINCE:
      g_snprintf (name, size, "%s卫生健康委员会党组", GEN_PICK (&g->rng, provinces));
      break;
    case L_CITY:
      g->place = g->city = GEN_PICK (&g->rng, cities);
      g_snprintf (name, size, "%s卫生健康委员会党组", g->city);
      break;
    default:
      if (nth == 0)
        g_snprintf (name, size, "%s卫生健康委员会直属单位党委", g->place = g->city);
      else
        {
          g->place = GEN_PICK (&g->rng, districts);
          g_snprintf (name, size, "%s卫生健康局党委", g->place);
        }
    }
}

static void
write_committee (Gen *g, guint depth, guint level, guint nth, guint64 members)
{
  guint64 first = g->next_member;
  char name[96], since[12];
  guint n = 0;

  committee_name (g, level, nth, name, sizeof name);
  open_org (g, depth, K_COMMITTEE, name, NULL, since);
  write_officer (g, depth + 1, "secretary", first, since);
  while (members > 0)
    {
      guint64 q;

      if (level + 1 == L_UNIT)
        q = write_unit (g, depth + 1, members);
      else
        {
          q = take (g, members, level_lo[level + 1], level_hi[level + 1]);
          write_committee (g, depth + 1, level + 1, n++, q);
        }
      members -= q;
    }
  gen_out_close (&g->out, depth, "org");
}

static void
write_document (Gen *g, guint64 members)
{
  guint n = 0;

  gen_out_str (&g->out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<pbo xmlns=\"urn:libpbo:1\" version=\"1\">\n");
  while (members > 0)
    {
      guint64 q = take (g, members, level_lo[L_PROVINCE], level_hi[L_PROVINCE]);

      write_committee (g, 1, L_PROVINCE, n++, q);
      members -= q;
    }
  gen_out_str (&g->out, "</pbo>\n");
  gen_out_flush (&g->out);
}

static void
print_summary (const Gen *g)
{
  guint64 n = g->members[0][0] + g->members[0][1] + g->members[1][0] + g->members[1][1];

  printf ("GEN members=%" G_GUINT64_FORMAT " full=%" G_GUINT64_FORMAT
          " probationary=%" G_GUINT64_FORMAT " in_service=%" G_GUINT64_FORMAT
          " retired=%" G_GUINT64_FORMAT,
          n, g->members[0][0] + g->members[0][1], g->members[1][0] + g->members[1][1],
          g->members[0][0] + g->members[1][0], g->members[0][1] + g->members[1][1]);
  printf (" committees=%" G_GUINT64_FORMAT " general_branches=%" G_GUINT64_FORMAT
          " branches=%" G_GUINT64_FORMAT " groups=%" G_GUINT64_FORMAT
          " officers=%" G_GUINT64_FORMAT " meetings=%" G_GUINT64_FORMAT
          " absent=%" G_GUINT64_FORMAT " bytes=%" G_GUINT64_FORMAT " bytes_per_member=%.1f\n",
          g->orgs[K_COMMITTEE], g->orgs[K_GENERAL_BRANCH], g->orgs[K_BRANCH], g->orgs[K_GROUP],
          g->officers, g->meetings, g->absent, g->out.written,
          n > 0 ? (double) g->out.written / (double) n : 0.0);
}

int
main (int argc, char **argv)
{
  gint64 members = -1, seed = 1;
  char *output = NULL;
  GOptionEntry entries[] = {
    { "members", 'n', 0, G_OPTION_ARG_INT64, &members, "Number of members (required)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Seed of the generator (default 1)", "S" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "File to write (required)", "FILE" },
    { "all-attributes", 'a', 0, G_OPTION_ARG_NONE, &gen_all_attributes,
      "Every optional attribute on every member (the memory worst case)", NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  GOptionContext *context = g_option_context_new ("- write a synthetic libpbo tree");
  GError *error = NULL;
  FILE *file;
  Gen g;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || members < 1 || output == NULL)
    {
      fprintf (stderr, "usage: pbo-gen --members N [--seed S] [--all-attributes] -o FILE%s%s\n",
               error ? ": " : "", error ? error->message : "");
      return 2;
    }
  g_option_context_free (context);
  file = fopen (output, "wb");
  if (file == NULL)
    {
      perror (output);
      return 2;
    }
  memset (&g, 0, sizeof g);
  g.seed = (guint64) seed;
  g.next_member = 1;
  gen_rng_init (&g.rng, (guint64) seed);
  gen_out_init (&g.out, file);
  write_document (&g, (guint64) members);
  if (fclose (file) != 0)
    {
      perror (output);
      return 2;
    }
  g_free (g.out.buf);
  g_free (output);
  print_summary (&g);
  return 0;
}
