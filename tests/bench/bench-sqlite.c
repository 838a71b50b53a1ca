/* bench-sqlite — the same import and statistics done the way a developer
 * would otherwise do them: SQLite tables with parent indexes, filled from
 * the SAX2 parser in one transaction, then subtree statistics with a
 * recursive CTE, for the whole tree and for every top-level org.
 *
 *   bench-sqlite FILE DB      (DB is overwritten; ":memory:" works)
 *
 * Import time includes creating the indexes (after the rows, which is the
 * fast way). Bulk-load settings: journal off, synchronous off, a 256 MiB
 * page cache — SQLite's best case, not its crash-safe default.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "bench-util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>

static const char schema[] =
  "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;"
  "PRAGMA temp_store=MEMORY;"
  "CREATE TABLE orgs (id INTEGER PRIMARY KEY, parent INTEGER, xid TEXT NOT NULL,"
  " kind TEXT NOT NULL, name TEXT NOT NULL, unit TEXT, established TEXT, term_start TEXT,"
  " term_years INTEGER);"
  "CREATE TABLE members (id INTEGER PRIMARY KEY, org INTEGER NOT NULL, xid TEXT NOT NULL,"
  " name TEXT NOT NULL, gender TEXT, born TEXT, joined TEXT, full_since TEXT,"
  " status TEXT NOT NULL, employment TEXT NOT NULL, ethnicity TEXT, education TEXT,"
  " position TEXT, department TEXT, dues_base TEXT, dues_category TEXT, phone TEXT,"
  " id_card TEXT, mobile TEXT);"
  "CREATE TABLE officers (id INTEGER PRIMARY KEY, org INTEGER NOT NULL, role TEXT,"
  " member TEXT, since TEXT);"
  "CREATE TABLE meetings (id INTEGER PRIMARY KEY, org INTEGER NOT NULL, type TEXT, date TEXT,"
  " title TEXT, attendance INTEGER);"
  "CREATE TABLE absent (id INTEGER PRIMARY KEY, meeting INTEGER NOT NULL, member TEXT);"
  "BEGIN;";

static const char indexes[] =
  "COMMIT;"
  "CREATE INDEX orgs_parent ON orgs (parent);"
  "CREATE INDEX members_org ON members (org);"
  "CREATE UNIQUE INDEX orgs_xid ON orgs (xid);"
  "CREATE UNIQUE INDEX members_xid ON members (xid);"
  "ANALYZE;";

/* One table per format element: its columns after (id, owner) are the
 * element's attributes, '-' spelled '_'. */
typedef struct {
  const char         *element;
  const char         *table;
  const char         *owner;      /* the column naming the enclosing row */
  const char *const  *attrs;
  int                 n_attrs;
  sqlite3_stmt       *insert;
  sqlite3_int64       next_id;
} Table;

static const char *const org_attrs[] = { "id", "kind", "name", "unit", "established",
                                         "term-start", "term-years" };
static const char *const member_attrs[] = {
  "id", "name", "gender", "born", "joined", "full-since", "status", "employment", "ethnicity",
  "education", "position", "department", "dues-base", "dues-category", "phone", "id-card",
  "mobile" };
static const char *const officer_attrs[] = { "role", "member", "since" };
static const char *const meeting_attrs[] = { "type", "date", "title", "attendance" };
static const char *const absent_attrs[] = { "member" };

enum { T_ORG, T_MEMBER, T_OFFICER, T_MEETING, T_ABSENT, T_COUNT };
#define TABLE(e, t, o, a) { e, t, o, a, G_N_ELEMENTS (a), NULL, 1 }

typedef struct {
  sqlite3       *db;
  Table          tables[T_COUNT];
  sqlite3_int64  orgs[256];      /* the open orgs, innermost last */
  int            depth;
  sqlite3_int64  meeting;        /* the open meeting */
} Import;

static void
die (sqlite3 *db, const char *what)
{
  fprintf (stderr, "bench-sqlite: %s: %s\n", what, sqlite3_errmsg (db));
  exit (2);
}

static void
prepare_insert (sqlite3 *db, Table *t)
{
  GString *sql = g_string_new (NULL);
  int i;

  g_string_printf (sql, "INSERT INTO %s (id, %s", t->table, t->owner);
  for (i = 0; i < t->n_attrs; i++)
    {
      char *column = g_strdelimit (g_strdup (strcmp (t->attrs[i], "id") == 0 ? "xid"
                                                                             : t->attrs[i]),
                                   "-", '_');
      g_string_append_printf (sql, ", %s", column);
      g_free (column);
    }
  g_string_append (sql, ") VALUES (?, ?");
  for (i = 0; i < t->n_attrs; i++)
    g_string_append (sql, ", ?");
  g_string_append (sql, ")");
  if (sqlite3_prepare_v2 (db, sql->str, -1, &t->insert, NULL) != SQLITE_OK)
    die (db, sql->str);
  g_string_free (sql, TRUE);
}

static sqlite3_int64
insert_row (Import *im, Table *t, sqlite3_int64 owner, int n_attributes,
            const xmlChar **attributes)
{
  sqlite3_int64 id = t->next_id++;
  int i, j;

  sqlite3_bind_int64 (t->insert, 1, id);
  if (owner > 0)
    sqlite3_bind_int64 (t->insert, 2, owner);
  for (i = 0; i < n_attributes; i++)
    for (j = 0; j < t->n_attrs; j++)
      if (strcmp ((const char *) attributes[5 * i], t->attrs[j]) == 0)
        {
          const xmlChar *value = attributes[5 * i + 3];

          sqlite3_bind_text (t->insert, j + 3, (const char *) value,
                             (int) (attributes[5 * i + 4] - value), SQLITE_TRANSIENT);
          break;
        }
  if (sqlite3_step (t->insert) != SQLITE_DONE)
    die (im->db, t->table);
  sqlite3_reset (t->insert);
  sqlite3_clear_bindings (t->insert);
  return id;
}

static void
start_element (void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
               int n_namespaces, const xmlChar **namespaces, int n_attributes, int n_defaulted,
               const xmlChar **attributes)
{
  Import *im = ctx;
  sqlite3_int64 org = im->depth > 0 ? im->orgs[im->depth - 1] : 0;
  int t;

  for (t = 0; t < T_COUNT; t++)
    if (strcmp ((const char *) localname, im->tables[t].element) == 0)
      break;
  switch (t)
    {
    case T_ORG:
      g_assert (im->depth < (int) G_N_ELEMENTS (im->orgs));
      im->orgs[im->depth++] = insert_row (im, &im->tables[t], org, n_attributes, attributes);
      break;
    case T_ABSENT:
      insert_row (im, &im->tables[t], im->meeting, n_attributes, attributes);
      break;
    case T_MEETING:
      im->meeting = insert_row (im, &im->tables[t], org, n_attributes, attributes);
      break;
    case T_MEMBER:
    case T_OFFICER:
      insert_row (im, &im->tables[t], org, n_attributes, attributes);
      break;
    default:
      break;                    /* <pbo> */
    }
}

static void
end_element (void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
  Import *im = ctx;

  if (strcmp ((const char *) localname, "org") == 0)
    im->depth--;
}

static void
exec (sqlite3 *db, const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      fprintf (stderr, "bench-sqlite: %s\n", message);
      exit (2);
    }
}

/* The subtree statistics of one org (@org > 0), or of every top-level org
 * together (@org == 0): members by status × employment and descendant
 * orgs by kind, into @out as "key=value ..." (nullable). */
#define SUBTREE \
  "WITH RECURSIVE sub (id) AS (SELECT id FROM orgs WHERE (?1 = 0 AND parent IS NULL) OR id = ?1" \
  " UNION ALL SELECT o.id FROM orgs o JOIN sub ON o.parent = sub.id) "

static void
subtree_stats (sqlite3 *db, sqlite3_int64 org, GString *out)
{
  static const char *const sql[] = {
    SUBTREE "SELECT m.status || '_' || m.employment, count(*) FROM sub"
    " JOIN members m ON m.org = sub.id GROUP BY 1 ORDER BY 1",
    SUBTREE "SELECT o.kind, count(*) FROM sub JOIN orgs o ON o.id = sub.id"
    " WHERE o.id != ?1 GROUP BY 1 ORDER BY 1",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt;

      if (sqlite3_prepare_v2 (db, sql[i], -1, &stmt, NULL) != SQLITE_OK)
        die (db, sql[i]);
      sqlite3_bind_int64 (stmt, 1, org);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        if (out != NULL)
          g_string_append_printf (out, " %s=%lld", sqlite3_column_text (stmt, 0),
                                  (long long) sqlite3_column_int64 (stmt, 1));
      sqlite3_finalize (stmt);
    }
}

static GArray *
top_level_orgs (sqlite3 *db)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (sqlite3_int64));
  sqlite3_stmt *stmt;

  if (sqlite3_prepare_v2 (db, "SELECT id FROM orgs WHERE parent IS NULL ORDER BY id", -1, &stmt,
                          NULL) != SQLITE_OK)
    die (db, "top-level orgs");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      sqlite3_int64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  return ids;
}

int
main (int argc, char **argv)
{
  Import im = { NULL,
                { TABLE ("org", "orgs", "parent", org_attrs),
                  TABLE ("member", "members", "org", member_attrs),
                  TABLE ("officer", "officers", "org", officer_attrs),
                  TABLE ("meeting", "meetings", "org", meeting_attrs),
                  TABLE ("absent", "absent", "meeting", absent_attrs) },
                { 0 }, 0, 0 };
  GString *extra = g_string_new (NULL);
  xmlSAXHandler sax;
  GArray *tops;
  double t0;
  guint64 members;
  guint i;

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s FILE DB\n", argv[0]);
      return 2;
    }
  if (strcmp (argv[2], ":memory:") != 0)
    unlink (argv[2]);
  t0 = bench_now ();
  if (sqlite3_open (argv[2], &im.db) != SQLITE_OK)
    die (im.db, argv[2]);
  exec (im.db, schema);
  for (i = 0; i < T_COUNT; i++)
    prepare_insert (im.db, &im.tables[i]);
  memset (&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = start_element;
  sax.endElementNs = end_element;
  bench_sax_parse_file (argv[1], &sax, &im);
  for (i = 0; i < T_COUNT; i++)
    sqlite3_finalize (im.tables[i].insert);
  exec (im.db, indexes);
  members = (guint64) im.tables[T_MEMBER].next_id - 1;
  g_string_printf (extra, "db_bytes=%" G_GUINT64_FORMAT,
                   strcmp (argv[2], ":memory:") != 0 ? bench_file_size (argv[2]) : 0);
  bench_report ("sqlite-import", bench_now () - t0, bench_file_size (argv[1]), members, extra->str);

  g_string_truncate (extra, 0);
  t0 = bench_now ();
  subtree_stats (im.db, 0, extra);
  bench_report ("sqlite-stats-root", bench_now () - t0, 0, members, extra->str + 1);

  tops = top_level_orgs (im.db);
  t0 = bench_now ();
  for (i = 0; i < tops->len; i++)
    subtree_stats (im.db, g_array_index (tops, sqlite3_int64, i), NULL);
  g_string_printf (extra, "orgs=%u", tops->len);
  bench_report ("sqlite-stats-top", bench_now () - t0, 0, members, extra->str);

  g_array_free (tops, TRUE);
  g_string_free (extra, TRUE);
  sqlite3_close (im.db);
  return 0;
}
