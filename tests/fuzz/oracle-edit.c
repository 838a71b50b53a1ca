/* The restructuring oracle: see fuzz-oracles.h. The operations come from
 * the input bytes, called through the pbo_edit_ API with handles and
 * arguments no plan document can express (NULL parents, invalid enums,
 * transactions); oracle-plan.c covers the <plan> documents. */
#include <string.h>
#include <pbo/pbo.h>
#include "fuzz-oracles.h"

typedef struct {
  const uint8_t *p, *end;
  PboTree       *tree;
  GPtrArray     *orgs;      /* borrowed handles, refreshed before each step */
  GPtrArray     *members;
  GPtrArray     *history;   /* history[k]: the tree before journal entry k + 1,
                             * saved without its journal (see without_journal) */
  GPtrArray     *pending;   /* the same for the open transaction's operations */
  char          *txn_start; /* the tree at pbo_edit_begin() */
  guint          next_id;
  char           id_buf[32];
  char           texts[4][48]; /* texts taken from the input, in turn */
  guint          next_text;
} Fuzz;

static guint
byte (Fuzz *f)
{
  return f->p < f->end ? *f->p++ : 0;
}

static guint
pick (Fuzz *f, guint n)
{
  return n > 0 ? byte (f) % n : 0;
}

/* An org handle; with @nullable, index n stands for NULL. */
static PboOrg *
pick_org (Fuzz *f, gboolean nullable)
{
  guint n = f->orgs->len + (nullable ? 1 : 0);
  guint i = pick (f, n);

  return i < f->orgs->len ? g_ptr_array_index (f->orgs, i) : NULL;
}

static PboMember *
pick_member (Fuzz *f)
{
  return g_ptr_array_index (f->members, pick (f, f->members->len));
}

/* Up to @max - 1 bytes of the input as a string in one of f->texts (any
 * bytes: invalid UTF-8, control characters, a NUL that ends it early). */
static const char *
input_text (Fuzz *f, gsize max)
{
  char *buf = f->texts[f->next_text++ % G_N_ELEMENTS (f->texts)];
  gsize want = (gsize) byte (f) % max;   /* first: byte() moves f->p */
  gsize n = MIN (want, (gsize) (f->end - f->p));

  memcpy (buf, f->p, n);
  buf[n] = '\0';
  f->p += n;
  return buf;
}

/* A fresh id, an id in use, an invalid one, or one from the input. */
static const char *
pick_id (Fuzz *f)
{
  switch (pick (f, 9))
    {
    case 0: return "m1";
    case 1: return "b1";
    case 2: return "1bad";
    case 3: return "";
    case 4: return input_text (f, 16);
    default:
      g_snprintf (f->id_buf, sizeof f->id_buf, "n%u", f->next_id++);
      return f->id_buf;
    }
}

/* A text from the input's bytes, or (every fourth) a tricky fixed one. */
static const char *
pick_text (Fuzz *f)
{
  static const char *const texts[] = { "新名", "", "a&<>\"'\n\t", "名\xe5", "组", NULL };

  if (pick (f, 4) != 0)
    return input_text (f, sizeof f->texts[0]);
  return texts[pick (f, G_N_ELEMENTS (texts))];
}

static PboDate
pick_date (Fuzz *f)
{
  static const PboDate dates[] = { 20230101, 20000101, 20240229, 20230229, 0, 19500000 };
  return dates[pick (f, G_N_ELEMENTS (dates))];
}

static gboolean
collect_org (PboOrg *org, gpointer data)
{
  g_ptr_array_add (data, org);
  return TRUE;
}

static gboolean
collect_member (PboMember *m, gpointer data)
{
  g_ptr_array_add (data, m);
  return TRUE;
}

static char *
fingerprint (const PboTree *tree)
{
  return pbo_fuzz_save (tree, NULL);
}

static PboSelector
pick_selector (Fuzz *f, gboolean from_nullable)
{
  PboSelector sel = PBO_SELECTOR_INIT;
  static const char *const departments[] = { NULL, "内科", "外科" };

  sel.from = pick_org (f, from_nullable);
  sel.employment = (PboEmployment) pick (f, 3);
  sel.status = (PboStatus) pick (f, 3);
  sel.department = departments[pick (f, 3)];
  return sel;
}

static gboolean
op_add_member (Fuzz *f, PboOrg *org, const PboEditContext *ctx, GError **error)
{
  PboMemberInfo info = PBO_MEMBER_INFO_INIT;

  info.id = pick_id (f);
  info.name = pick_text (f);
  info.status = (PboStatus) pick (f, 3);
  info.employment = (PboEmployment) pick (f, 3);
  info.joined = pick_date (f);
  info.full_since = pick_date (f);
  info.born = pick_date (f);
  info.phone = pick (f, 2) ? "13800138000" : NULL;
  info.id_card = pick (f, 2) ? "44078519750302123X" : NULL;
  info.dues_base_fen = (gint64) pick (f, 4) * 150000 - 1;
  return pbo_edit_add_member (f->tree, org, &info, ctx, error) != NULL;
}

static gboolean
op_update_member (Fuzz *f, GError **error)
{
  static const char *const names[] = {
    "name", "status", "employment", "full-since", "joined", "born", "phone",
    "id-card", "dues-base", "mobile", "department", "gender", "id", "nonsense",
  };
  static const char *const values[] = {
    "full", "probationary", "retired", "2024-01-01", "1999", "", NULL, "1.234",
    "true", "内科", "female", "x&<>",
  };
  const char *attrs[7] = { NULL };
  PboMember *m = pick_member (f);
  guint i, n = pick (f, 3) + 1;

  for (i = 0; i < n; i++)
    {
      attrs[2 * i] = names[pick (f, G_N_ELEMENTS (names))];
      attrs[2 * i + 1] = values[pick (f, G_N_ELEMENTS (values))];
    }
  return pbo_edit_update_member (f->tree, m, attrs, NULL, error);
}

static gboolean
op_transfer (Fuzz *f, const PboEditContext *ctx, GError **error)
{
  const char *ids[3];
  guint i, n = pick (f, 4);

  for (i = 0; i < n; i++)
    ids[i] = pick (f, 8) == 0 ? "gone" : pbo_member_get_id (pick_member (f));
  return pbo_edit_transfer (f->tree, ids, n, pick_org (f, FALSE), ctx, error);
}

static gboolean
op_merge (Fuzz *f, const PboEditContext *ctx, GError **error)
{
  PboOrg *sources[3];
  guint i, n = pick (f, 4);

  for (i = 0; i < n; i++)
    sources[i] = pick_org (f, FALSE);
  return pbo_edit_merge (f->tree, sources, n, pick_org (f, FALSE), ctx, error);
}

/* One operation on the tree; the caller checks the outcome. */
static gboolean
apply_op (Fuzz *f, guint op, const PboEditContext *ctx, GError **error)
{
  switch (op)
    {
    case 0:
      {
        PboEditOrgInfo info = PBO_EDIT_ORG_INFO_INIT;
        info.parent = pick_org (f, TRUE);
        info.kind = (PboOrgKind) (pick (f, 4) + 1);
        info.id = pick_id (f);
        info.name = pick_text (f);
        info.term_start = pick_date (f);
        info.term_years = pick (f, 12);
        return pbo_edit_create_org (f->tree, &info, ctx, error) != NULL;
      }
    case 1: return pbo_edit_rename (f->tree, pick_org (f, FALSE), pick_text (f), ctx, error);
    case 2:
      return pbo_edit_set_kind (f->tree, pick_org (f, FALSE), (PboOrgKind) (pick (f, 4) + 1),
                                ctx, error);
    case 3: return pbo_edit_move (f->tree, pick_org (f, FALSE), pick_org (f, TRUE), ctx, error);
    case 4: return op_transfer (f, ctx, error);
    case 5:
      {
        PboSelector sel = pick_selector (f, FALSE);
        return pbo_edit_transfer_selected (f->tree, &sel, pick_org (f, FALSE), ctx, error);
      }
    case 6: return op_merge (f, ctx, error);
    case 7:
      {
        PboOrg *org = pick_org (f, FALSE);
        PboSelector sel = pick_selector (f, TRUE);
        const char *id = pick_id (f);
        return pbo_edit_split (f->tree, org, &sel, id, pick_text (f), ctx, error) != NULL;
      }
    case 8: return pbo_edit_dissolve (f->tree, pick_org (f, FALSE), pick_org (f, TRUE), ctx, error);
    case 9:
      {
        PboOrg *org = pick_org (f, FALSE);
        PboRole role = (PboRole) (pick (f, 6) + 1);
        return pbo_edit_appoint (f->tree, org, role, pick_member (f), pick_date (f), ctx, error);
      }
    case 10:
      {
        PboOrg *org = pick_org (f, FALSE);
        PboRole role = (PboRole) (pick (f, 6) + 1);
        return pbo_edit_dismiss (f->tree, org, role, pick_member (f), ctx, error);
      }
    case 11: return op_add_member (f, pick_org (f, FALSE), ctx, error);
    case 12: return op_update_member (f, error);
    case 13: return pbo_edit_convert (f->tree, pick_member (f), ctx, error);
    default:
      return pbo_edit_remove_member (f->tree, pick_member (f),
                                     (PboRemovalReason) (pick (f, 4) + 1), ctx, error);
    }
}

static void
refresh (Fuzz *f)
{
  g_ptr_array_set_size (f->orgs, 0);
  g_ptr_array_set_size (f->members, 0);
  pbo_tree_foreach_org (f->tree, NULL, collect_org, f->orgs);
  pbo_tree_foreach_member (f->tree, NULL, collect_member, f->members);
}

static void
expect_journal (Fuzz *f)
{
  if (!pbo_edit_in_transaction (f->tree)
      && pbo_journal_get_n_entries (f->tree) != f->history->len)
    PBO_FUZZ_FAIL ("the journal holds %u entries, expected %u",
             pbo_journal_get_n_entries (f->tree), f->history->len);
}

/* With PBO_FUZZ_TRACE set, each step and its outcome go to stderr: how a
 * finding is read (run the harness on the crash input). */
static void
trace (const Fuzz *f, const char *what, const GError *error)
{
  if (g_getenv ("PBO_FUZZ_TRACE") != NULL)
    g_printerr ("%s: %s (journal %u, history %u, %s)\n", what,
                error != NULL ? error->message : "done", pbo_journal_get_n_entries (f->tree),
                f->history->len, pbo_edit_in_transaction (f->tree) ? "in a transaction" : "");
}

/* @saved (a canonical save) without its <journal>, the last child of
 * <pbo>: the trees pbo_edit_tree_at() rebuilds have an empty journal. */
static char *
without_journal (const char *saved)
{
  const char *start, *end;
  /* A journal with undo data makes the file format 1.1; the tree alone
   * is format 1 (the oracle plants nothing else of 1.1). */
  const char *v11 = strstr (saved, " version=\"1.1\"");
  g_autofree char *v1 = NULL;

  if (v11 != NULL)
    saved = v1 = g_strdup_printf ("%.*s version=\"1\"%s", (int) (v11 - saved), saved,
                                  v11 + strlen (" version=\"1.1\""));
  start = strstr (saved, "\n  <journal>\n");
  if (start == NULL)
    return g_strdup (saved);
  end = strstr (start, "\n  </journal>\n");
  if (end == NULL)
    PBO_FUZZ_FAIL ("a saved journal does not end:\n%s", saved);
  return g_strdup_printf ("%.*s%s", (int) (start - saved), saved, end + strlen ("\n  </journal>"));
}

/* The entries of the journal of @saved, as saved: "" when it has none. */
static char *
journal_of (const char *saved)
{
  const char *start = strstr (saved, "\n  <journal>\n");

  return start != NULL ? g_strndup (start, (gsize) (strstr (start, "\n  </journal>") - start))
                       : g_strdup ("");
}

/* After an undo: the tree is the one before the last entry and the journal
 * that of @before without its last entry. */
static void
expect_undone (Fuzz *f, const char *before)
{
  char *now = fingerprint (f->tree), *bare = without_journal (now);
  char *had = journal_of (before), *has = journal_of (now);

  if (strcmp (bare, g_ptr_array_index (f->history, f->history->len - 1)) != 0)
    PBO_FUZZ_FAIL ("undo did not give the tree before the entry:\n%s\n---- now:\n%s",
                   (const char *) g_ptr_array_index (f->history, f->history->len - 1), bare);
  if (strlen (has) >= strlen (had) || strncmp (has, had, strlen (has)) != 0)
    PBO_FUZZ_FAIL ("undo did not drop the last journal entry:\n%s\n---- now:\n%s", had, has);
  g_free (now);
  g_free (bare);
  g_free (had);
  g_free (has);
}

/* Begin, commit, rollback, undo the last entry, or rebuild an old tree. */
static void
step_transaction (Fuzz *f)
{
  GError *error = NULL;
  char *before = fingerprint (f->tree);
  gboolean in_txn = pbo_edit_in_transaction (f->tree);

  switch (pick (f, 5))
    {
    case 0:
      if (pbo_edit_begin (f->tree, &error))
        {
          g_free (f->txn_start);
          f->txn_start = g_strdup (before);
        }
      break;
    case 1:
      if (pbo_edit_commit (f->tree, &error))
        {
          guint i;
          for (i = 0; i < f->pending->len; i++)
            g_ptr_array_add (f->history, g_strdup (g_ptr_array_index (f->pending, i)));
          g_ptr_array_set_size (f->pending, 0);
        }
      break;
    case 2:
      if (pbo_edit_rollback (f->tree, &error))
        {
          pbo_fuzz_expect_saved (f->tree, f->txn_start, "a rollback (against the tree at begin)");
          g_ptr_array_set_size (f->pending, 0);
        }
      break;
    case 3:
      if (pbo_edit_undo_last (f->tree, &error))
        {
          expect_undone (f, before);
          g_ptr_array_set_size (f->history, f->history->len - 1);
        }
      break;
    default:
      {
        guint seq = pick (f, f->history->len + 2);
        PboTree *old = pbo_edit_tree_at (f->tree, seq, &error);
        if (old != NULL)
          {
            char *got = fingerprint (old);
            char *want = without_journal (seq < f->history->len
                                          ? g_ptr_array_index (f->history, seq) : before);
            if (strcmp (got, want) != 0)
              PBO_FUZZ_FAIL ("pbo_edit_tree_at (%u) is not the tree after entry %u:\n%s\n---- expected:\n%s",
                             seq, seq, got, want);
            g_free (got);
            g_free (want);
            pbo_tree_free (old);
          }
        pbo_fuzz_expect_saved (f->tree, before, "pbo_edit_tree_at");
      }
    }
  trace (f, "transaction step", error);
  if (error != NULL)
    {
      if (error->domain != PBO_ERROR)
        PBO_FUZZ_FAIL ("a transaction step failed outside PBO_ERROR");
      if (pbo_edit_in_transaction (f->tree) != in_txn)
        PBO_FUZZ_FAIL ("a refused transaction step changed the transaction state");
      pbo_fuzz_expect_saved (f->tree, before, "a refused transaction step");
      g_error_free (error);
    }
  pbo_fuzz_check_invariants (f->tree, "after a transaction step");
  expect_journal (f);
  g_free (before);
}

static void
step_edit (Fuzz *f, guint op)
{
  PboEditContext ctx = PBO_EDIT_CONTEXT_INIT;
  const PboEditContext *context = NULL;
  GError *error = NULL;
  char *before = fingerprint (f->tree);
  guint entries = pbo_journal_get_n_entries (f->tree);
  static const char *const names[] = {
    "create-org", "rename", "set-kind", "move", "transfer", "transfer by selector", "merge",
    "split", "dissolve", "appoint", "dismiss", "add-member", "update-member", "convert",
    "remove-member",
  };
  const char *what = names[op];
  gboolean ok;

  if (pick (f, 4) == 0)
    {
      ctx.date = pick_date (f);
      ctx.reason = pick_text (f);
      context = &ctx;
    }
  ok = apply_op (f, op, context, &error);
  trace (f, what, error);
  if (ok)
    {
      if (error != NULL)
        PBO_FUZZ_FAIL ("%s succeeded and set an error", what);
      /* Without the journal: a snapshot taken inside a transaction lacks
       * the entries that its commit adds. */
      g_ptr_array_add (pbo_edit_in_transaction (f->tree) ? f->pending : f->history,
                       without_journal (before));
      pbo_fuzz_check_saves_back (f->tree, what);
    }
  else
    {
      pbo_fuzz_check_refusal (error, what);
      pbo_fuzz_expect_saved (f->tree, before, what);
      if (pbo_journal_get_n_entries (f->tree) != entries)
        PBO_FUZZ_FAIL ("a refused %s changed the journal", what);
      g_error_free (error);
    }
  pbo_fuzz_check_invariants (f->tree, what);
  expect_journal (f);
  g_free (before);
}

static void
fuzz_init (Fuzz *f, PboTree *tree, const uint8_t *data, size_t size)
{
  memset (f, 0, sizeof *f);
  f->p = data;
  f->end = data + size;
  f->tree = tree;
  f->orgs = g_ptr_array_new ();
  f->members = g_ptr_array_new ();
}

void
pbo_fuzz_evolve (PboTree *tree, const uint8_t *data, size_t size)
{
  Fuzz f;
  guint steps = 0;

  fuzz_init (&f, tree, data, size);
  while (f.p < f.end && steps++ < 64)
    {
      GError *error = NULL;
      guint op = byte (&f) % 15;
      refresh (&f);
      if (f.members->len > 0 && f.orgs->len > 0 && apply_op (&f, op, NULL, &error))
        pbo_fuzz_check_invariants (f.tree, "after an operation");
      g_clear_error (&error);
    }
  g_ptr_array_unref (f.orgs);
  g_ptr_array_unref (f.members);
}

void
pbo_fuzz_check_edit (const uint8_t *data, size_t size)
{
  Fuzz f;
  guint steps = 0;

  fuzz_init (&f, pbo_fuzz_load_fixed_tree (), data, size);
  f.history = g_ptr_array_new_with_free_func (g_free);
  f.pending = g_ptr_array_new_with_free_func (g_free);
  /* At most 64 steps: longer inputs add little and slow every run. */
  while (f.p < f.end && steps++ < 64)
    {
      guint op = byte (&f) % 16;
      refresh (&f);
      if (op == 15)
        step_transaction (&f);
      else if (f.members->len > 0 && f.orgs->len > 0)
        step_edit (&f, op);
    }
  g_ptr_array_unref (f.orgs);
  g_ptr_array_unref (f.members);
  g_ptr_array_unref (f.history);
  g_ptr_array_unref (f.pending);
  g_free (f.txn_start);
  pbo_tree_free (f.tree);
}
