/* pbo-gen: members and the format-v1 text writer.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "gen-member.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Random numbers                                                      */
/* ------------------------------------------------------------------ */

void
gen_rng_init (GenRng *rng, guint64 seed)
{
  rng->state = seed;
  (void) gen_rng_next (rng);
}

guint64
gen_rng_next (GenRng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

guint
gen_rng_range (GenRng *rng, guint lo, guint hi)
{
  return lo + (guint) (gen_rng_next (rng) % ((guint64) hi - lo + 1));
}

gboolean
gen_rng_chance (GenRng *rng, guint permille)
{
  return gen_rng_next (rng) % 1000 < permille;
}

const char *
gen_rng_pick (GenRng *rng, const char *const *list, guint n)
{
  return list[gen_rng_next (rng) % n];
}

/* ------------------------------------------------------------------ */
/* Members                                                             */
/* ------------------------------------------------------------------ */

/* The most common surnames first, repeated by rough frequency. */
static const char *const surnames[] = {
  "王", "李", "张", "刘", "陈", "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
  "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐",
  "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
  "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟",
  "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟",
  "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺",
  "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "汤",
};
static const char *const given[] = {
  "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
  "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "兰", "萍", "红", "建", "文",
  "辉", "力", "燕", "鹏", "飞", "斌", "宇", "浩", "凯", "晨", "欣", "怡", "婷", "雪", "琳",
  "海", "峰", "波", "健", "春", "梅", "国", "志", "新", "荣", "佳", "丹", "慧", "俊", "毅",
};
static const char *const ethnicities[] = {
  "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族",
  "壮族", "回族", "满族", "苗族", "土家族", "蒙古族", "朝鲜族",
};
static const char *const educations[] = {
  "博士研究生", "硕士研究生", "大学本科", "大学本科", "大学本科", "大学专科", "中专", "高中",
};
static const char *const positions[] = {
  "主任医师", "副主任医师", "主治医师", "住院医师", "主管护师", "护师", "护士", "护士长",
  "科主任", "主管药师", "主管技师", "会计师", "管理岗", "工勤岗",
};
static const char *const departments[] = {
  "内科", "外科", "儿科", "妇产科", "急诊科", "心血管内科", "呼吸内科", "消化内科",
  "神经内科", "骨科", "眼科", "口腔科", "放射科", "检验科", "药剂科", "护理部", "院办",
  "医务科", "财务科", "中医科", "重症医学科", "麻醉科",
};
static const char *const regions[] = {
  "440703", "440704", "440705", "320509", "320506", "430602", "430611", "110105",
  "310115", "510107", "420106", "330106", "370102", "410105", "350203", "210102",
};
static const char *const other_dues[] = { "student", "unemployed", "subsistence", "farmer",
                                          "mobile-no-income" };

static void
format_date (char *buf, guint y, guint m, guint d)
{
  g_snprintf (buf, 12, "%04u-%02u-%02u", y, m, d);
}

char
gen_id_card_check_char (const char *number17)
{
  static const guint weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  guint sum = 0, i;

  for (i = 0; i < 17; i++)
    sum += (guint) (number17[i] - '0') * weights[i];
  return "10X98765432"[sum % 11];
}

/* An 18-character number whose birth date and sex digit match the member. */
static void
make_id_card (GenMember *m, GenRng *rng, guint y, guint mo, guint d, gboolean male)
{
  guint seq = gen_rng_range (rng, 0, 499) * 2 + (male ? 1 : 0);

  g_snprintf (m->id_card, sizeof m->id_card, "%s%04u%02u%02u%03u", GEN_PICK (rng, regions), y,
              mo, d, seq);
  m->id_card[17] = gen_id_card_check_char (m->id_card);
  m->id_card[18] = '\0';
}

static void
make_name (GenMember *m, GenRng *rng)
{
  g_strlcpy (m->name, GEN_PICK (rng, surnames), sizeof m->name);
  g_strlcat (m->name, GEN_PICK (rng, given), sizeof m->name);
  if (gen_rng_chance (rng, 650))
    g_strlcat (m->name, GEN_PICK (rng, given), sizeof m->name);
}

/* Monthly income in yuan, sometimes with fen. */
static void
make_dues_base (GenMember *m, GenRng *rng)
{
  guint yuan = m->retired ? gen_rng_range (rng, 2000, 9000) : gen_rng_range (rng, 3000, 25000);

  if (gen_rng_chance (rng, 300))
    g_snprintf (m->dues_base, sizeof m->dues_base, "%u.%02u", yuan, gen_rng_range (rng, 1, 99));
  else
    g_snprintf (m->dues_base, sizeof m->dues_base, "%u", yuan);
}

/* Every optional attribute on every member (pbo-gen --all-attributes):
 * the memory worst case. */
gboolean gen_all_attributes = FALSE;

/* gen_rng_chance(), always true in the all-attributes mode; the stream of
 * random numbers is the same either way. */
static gboolean
optional_chance (GenRng *rng, guint permille)
{
  return gen_rng_chance (rng, gen_all_attributes ? 1000 : permille);
}

/* Optional attributes, each on a share of the members chosen so that the
 * file averages about 165 bytes per member, as the reference files do.
 * `mobile` is written only when true: the canonical writer leaves out
 * mobile="false" (docs/format.md), and the file must round-trip. */
static void
make_optional (GenMember *m, GenRng *rng, guint by, guint bm, guint bd, gboolean male)
{
  gboolean working = !m->retired || gen_all_attributes;

  if (optional_chance (rng, 80))
    m->ethnicity = GEN_PICK (rng, ethnicities);
  if (optional_chance (rng, 120))
    m->education = GEN_PICK (rng, educations);
  if (working && optional_chance (rng, 80))
    m->position = GEN_PICK (rng, positions);
  if (working && optional_chance (rng, 120))
    m->department = GEN_PICK (rng, departments);
  if (optional_chance (rng, 60))
    make_dues_base (m, rng);
  if (optional_chance (rng, 30))
    m->dues_category = gen_rng_chance (rng, 800) ? "standard" : GEN_PICK (rng, other_dues);
  if (optional_chance (rng, 40))
    g_snprintf (m->phone, sizeof m->phone, "1%u%09u", gen_rng_range (rng, 3, 9),
                gen_rng_range (rng, 0, 999999999));
  if (optional_chance (rng, 30))
    make_id_card (m, rng, by, bm, bd, male);
  if (optional_chance (rng, 10))
    m->mobile = gen_rng_chance (rng, 700) || gen_all_attributes ? "true" : NULL;
}

void
gen_member_make (GenMember *m, guint64 seed, guint64 index, gboolean retiree_branch,
                 gboolean force_full)
{
  GenRng rng;
  guint by, bm, bd, jy, jm, jd;
  gboolean male;

  memset (m, 0, sizeof *m);
  gen_rng_init (&rng, seed * G_GUINT64_CONSTANT (0x2545F4914F6CDD1D) ^ index);
  g_snprintf (m->id, sizeof m->id, "m%" G_GUINT64_FORMAT, index);
  make_name (m, &rng);
  male = gen_rng_chance (&rng, 450);
  m->gender = male ? "male" : "female";
  m->retired = gen_rng_chance (&rng, retiree_branch ? 950 : 50);
  m->full = force_full || !gen_rng_chance (&rng, m->retired ? 3 : 38);
  by = m->retired ? gen_rng_range (&rng, 1932, 1964) : gen_rng_range (&rng, 1964, 2001);
  bm = gen_rng_range (&rng, 1, 12);
  bd = gen_rng_range (&rng, 1, 28);
  format_date (m->born, by, bm, bd);
  jm = gen_rng_range (&rng, 1, 12);
  jd = gen_rng_range (&rng, 1, 28);
  if (m->full)
    {
      jy = by + gen_rng_range (&rng, 18, 40);
      jy = MIN (jy, 2023);
      format_date (m->joined, jy, jm, jd);
      format_date (m->full_since, jy + 1, jm, jd);
    }
  else
    format_date (m->joined, jm >= 7 ? 2024 : 2025, jm, jd);
  m->status = m->full ? "full" : "probationary";
  m->employment = m->retired ? "retired" : "in-service";
  make_optional (m, &rng, by, bm, bd, male);
}

/* ------------------------------------------------------------------ */
/* Output                                                              */
/* ------------------------------------------------------------------ */

#define GEN_OUT_SIZE (1u << 20)

void
gen_out_init (GenOut *out, FILE *file)
{
  out->file = file;
  out->buf = g_malloc (GEN_OUT_SIZE);
  out->len = 0;
  out->written = 0;
}

void
gen_out_flush (GenOut *out)
{
  if (out->len > 0 && fwrite (out->buf, 1, out->len, out->file) != out->len)
    {
      perror ("pbo-gen: write");
      exit (2);
    }
  out->written += out->len;
  out->len = 0;
}

static void
out_bytes (GenOut *out, const char *s, gsize n)
{
  if (out->len + n > GEN_OUT_SIZE)
    gen_out_flush (out);
  memcpy (out->buf + out->len, s, n);
  out->len += n;
}

void
gen_out_str (GenOut *out, const char *s)
{
  out_bytes (out, s, strlen (s));
}

void
gen_out_open (GenOut *out, guint depth, const char *element)
{
  static const char spaces[] = "                                                  ";

  out_bytes (out, spaces, MIN (2 * depth, sizeof spaces - 1));
  out_bytes (out, "<", 1);
  gen_out_str (out, element);
}

/* The canonical writer's escapes; generated values rarely need them. */
static void
out_escaped (GenOut *out, const char *s)
{
  const char *run = s;

  for (; *s != '\0'; s++)
    {
      const char *esc = NULL;

      switch (*s)
        {
        case '&': esc = "&amp;"; break;
        case '<': esc = "&lt;"; break;
        case '>': esc = "&gt;"; break;
        case '"': esc = "&quot;"; break;
        case '\n': esc = "&#10;"; break;
        case '\r': esc = "&#13;"; break;
        case '\t': esc = "&#9;"; break;
        default: continue;
        }
      out_bytes (out, run, (gsize) (s - run));
      gen_out_str (out, esc);
      run = s + 1;
    }
  out_bytes (out, run, (gsize) (s - run));
}

void
gen_out_attr (GenOut *out, const char *name, const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  out_bytes (out, " ", 1);
  gen_out_str (out, name);
  out_bytes (out, "=\"", 2);
  out_escaped (out, value);
  out_bytes (out, "\"", 1);
}

void
gen_out_attr_u (GenOut *out, const char *name, guint value)
{
  char buf[16];

  g_snprintf (buf, sizeof buf, "%u", value);
  gen_out_attr (out, name, buf);
}

void
gen_out_end (GenOut *out, gboolean empty)
{
  gen_out_str (out, empty ? "/>\n" : ">\n");
}

void
gen_out_close (GenOut *out, guint depth, const char *element)
{
  gen_out_open (out, depth, "/");
  gen_out_str (out, element);
  gen_out_str (out, ">\n");
}

void
gen_out_member (GenOut *out, guint depth, const GenMember *m)
{
  gen_out_open (out, depth, "member");
  gen_out_attr (out, "id", m->id);
  gen_out_attr (out, "name", m->name);
  gen_out_attr (out, "gender", m->gender);
  gen_out_attr (out, "born", m->born);
  gen_out_attr (out, "joined", m->joined);
  gen_out_attr (out, "full-since", m->full_since);
  gen_out_attr (out, "status", m->status);
  gen_out_attr (out, "employment", m->employment);
  gen_out_attr (out, "ethnicity", m->ethnicity);
  gen_out_attr (out, "education", m->education);
  gen_out_attr (out, "position", m->position);
  gen_out_attr (out, "department", m->department);
  gen_out_attr (out, "dues-base", m->dues_base);
  gen_out_attr (out, "dues-category", m->dues_category);
  gen_out_attr (out, "phone", m->phone);
  gen_out_attr (out, "id-card", m->id_card);
  gen_out_attr (out, "mobile", m->mobile);
  gen_out_end (out, TRUE);
}
