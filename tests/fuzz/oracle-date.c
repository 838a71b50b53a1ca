/* The date and ID-card oracle: see fuzz-oracles.h. */
#include <string.h>
#include <pbo/pbo.h>
#include "fuzz-oracles.h"

static void
check_round_trip (const uint8_t *data, size_t size, gboolean year_only)
{
  PboDate date = PBO_DATE_NONE, again = PBO_DATE_NONE;
  char buf[PBO_DATE_BUFSIZE];
  GError *error = NULL;

  if (!pbo_date_parse ((const char *) data, (gssize) size, year_only, &date, &error))
    {
      pbo_fuzz_check_refusal (error, "pbo_date_parse");
      if (error->code != PBO_ERROR_INVALID)
        PBO_FUZZ_FAIL ("a refused date gave no PBO_ERROR_INVALID");
      if (date != PBO_DATE_NONE)
        PBO_FUZZ_FAIL ("a refused date changed its out argument");
      g_error_free (error);
      return;
    }
  if (!pbo_date_is_valid (date) || (!year_only && pbo_date_is_year_only (date)))
    PBO_FUZZ_FAIL ("parsed an invalid date %u", (unsigned) date);
  pbo_date_format (date, buf);
  /* The format is exact: what parses is what the formatter writes. */
  if (strlen (buf) != size || memcmp (buf, data, size) != 0)
    PBO_FUZZ_FAIL ("date %.*s formats as %s", (int) size, (const char *) data, buf);
  if (!pbo_date_parse (buf, -1, year_only, &again, NULL) || again != date)
    PBO_FUZZ_FAIL ("date %s does not parse back", buf);
  if (pbo_date_make (pbo_date_get_year (date), pbo_date_get_month (date),
                     pbo_date_get_day (date)) != date)
    PBO_FUZZ_FAIL ("pbo_date_make disagrees on %s", buf);
}

/* GB 11643-1999 computed independently of lib/idcard.c: 17 digits, a real
 * birth date in digits 7–14, then the ISO 7064 MOD 11-2 check character,
 * the weights being 2^(17-i) mod 11 (computed, not tabled). */
static gboolean
id_card_model (const char *s)
{
  guint i, sum = 0, weight = 1, y, m, d, dim;

  if (strlen (s) != 18)
    return FALSE;
  for (i = 0; i < 17; i++)
    if (s[i] < '0' || s[i] > '9')
      return FALSE;
  for (i = 17; i-- > 0;)
    {
      weight = weight * 2 % 11;
      sum += (guint) (s[i] - '0') * weight;
    }
  y = (guint) (s[6] - '0') * 1000 + (guint) (s[7] - '0') * 100 + (guint) (s[8] - '0') * 10
      + (guint) (s[9] - '0');
  m = (guint) (s[10] - '0') * 10 + (guint) (s[11] - '0');
  d = (guint) (s[12] - '0') * 10 + (guint) (s[13] - '0');
  dim = m == 2 ? ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28)
      : m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > dim)
    return FALSE;
  return s[17] == "10X98765432"[sum % 11];
}

void
pbo_fuzz_check_date (const uint8_t *data, size_t size)
{
  char *text = g_strndup ((const char *) data, size);
  GError *error = NULL;

  check_round_trip (data, size, FALSE);
  check_round_trip (data, size, TRUE);
  /* NUL-terminated parsing sees the same text up to the first NUL. */
  check_round_trip ((const uint8_t *) text, strlen (text), FALSE);
  if (pbo_id_card_check (text, &error) != id_card_model (text))
    PBO_FUZZ_FAIL ("pbo_id_card_check and the GB 11643 model disagree on “%s”", text);
  if (error != NULL)
    pbo_fuzz_check_refusal (error, "pbo_id_card_check");
  g_clear_error (&error);
  g_free (text);
}
