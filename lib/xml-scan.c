/* libpbo — counting the attributes of each start tag before libxml2 sees
 * it. libxml2 2.9 checks a tag's attributes (and its namespace
 * declarations) for duplicates pair by pair: one tag of 115,000 attributes
 * took 6.6 s. Refusing the tag while it arrives keeps loading linear.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "xml-load-private.h"

/* Where the scanner stands; a block may end anywhere, so each construct
 * that markup can hide in ('=' in text, comments, CDATA, instructions)
 * is followed to its end. */
enum {
  SCAN_TEXT,      /* character data: waiting for '<' */
  SCAN_OPEN,      /* just after '<' */
  SCAN_TAG,       /* inside a start tag, outside quotes: counting '=' */
  SCAN_QUOTED,    /* inside a quoted value of a start tag */
  SCAN_BANG,      /* after "<!" */
  SCAN_BANG_DASH, /* after "<!-" */
  SCAN_COMMENT,   /* inside "<!--", until "-->" */
  SCAN_CDATA,     /* inside "<![", until "]]>" */
  SCAN_PI,        /* inside "<?", until "?>" */
  SCAN_OTHER,     /* an end tag or a declaration, until '>' */
};

/* Follows one byte of markup other than text and quoted values; returns
 * FALSE when the tag has one attribute too many. */
static gboolean
step (PboTagScan *s, char c, guint max_attrs)
{
  switch (s->state)
    {
    case SCAN_OPEN:
      s->run = 0;
      s->attrs = 0;
      s->state = c == '!' ? SCAN_BANG : c == '?' ? SCAN_PI : c == '/' ? SCAN_OTHER : SCAN_TAG;
      return s->state != SCAN_TAG || step (s, c, max_attrs);
    case SCAN_TAG:
      if (c == '"' || c == '\'')
        {
          s->quote = c;
          s->state = SCAN_QUOTED;
        }
      else if (c == '>')
        s->state = SCAN_TEXT;
      else if (c == '=' && ++s->attrs > max_attrs)
        return FALSE;
      return TRUE;
    case SCAN_BANG:
      s->state = c == '-' ? SCAN_BANG_DASH : c == '[' ? SCAN_CDATA : c == '>' ? SCAN_TEXT
                                                                              : SCAN_OTHER;
      return TRUE;
    case SCAN_BANG_DASH:
      s->state = c == '-' ? SCAN_COMMENT : c == '>' ? SCAN_TEXT : SCAN_OTHER;
      return TRUE;
    case SCAN_COMMENT:
    case SCAN_CDATA:
    case SCAN_PI:
      {
        /* The closing sequence: "--" / "]]" / "?" then '>'. */
        char mark = s->state == SCAN_COMMENT ? '-' : s->state == SCAN_CDATA ? ']' : '?';
        guint need = s->state == SCAN_PI ? 1 : 2;

        if (c == '>' && s->run >= need)
          s->state = SCAN_TEXT;
        s->run = c == mark ? s->run + 1 : 0;
        return TRUE;
      }
    case SCAN_OTHER:
      if (c == '>')
        s->state = SCAN_TEXT;
      return TRUE;
    default:
      g_return_val_if_reached (TRUE);
    }
}

static const guint8 tag_stops[256] = { ['"'] = 1, ['\''] = 1, ['='] = 1, ['>'] = 1 };

gsize
pbo_tag_scan_ (PboTagScan *s, const char *data, gsize len, guint max_attrs)
{
  const char *p = data, *end = data + len, *q;

  while (p < end)
    switch (s->state)
      {
      case SCAN_TEXT:
        if ((q = memchr (p, '<', (gsize) (end - p))) == NULL)
          return len;
        p = q + 1;
        /* A start or end tag ends before the next '<' (no value holds
         * one), and each attribute takes 5 bytes at least (` a=""`): when
         * the next '<' is that close, the tag has too few to count. */
        if (p < end && *p != '!' && *p != '?'
            && (q = memchr (p, '<', MIN ((gsize) (end - p), 5 * (gsize) max_attrs))) != NULL)
          p = q;
        else
          s->state = SCAN_OPEN;
        break;
      case SCAN_TAG:
        /* Names and spaces run fast: only quotes, '=' and '>' matter. */
        while (p < end && !tag_stops[(guchar) *p])
          p++;
        if (p == end)
          return len;
        if (!step (s, *p, max_attrs))
          return (gsize) (p - data);
        p++;
        break;
      case SCAN_QUOTED:
        if ((q = memchr (p, s->quote, (gsize) (end - p))) == NULL)
          return len;
        s->state = SCAN_TAG;
        p = q + 1;
        break;
      default:
        if (!step (s, *p, max_attrs))
          return (gsize) (p - data);
        p++;
      }
  return len;
}
