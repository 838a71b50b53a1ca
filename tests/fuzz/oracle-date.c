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
      if (error == NULL || error->domain != PBO_ERROR || error->code != PBO_ERROR_INVALID)
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

void
pbo_fuzz_check_date (const uint8_t *data, size_t size)
{
  char *text = g_strndup ((const char *) data, size);
  GError *error = NULL;

  check_round_trip (data, size, FALSE);
  check_round_trip (data, size, TRUE);
  /* NUL-terminated parsing sees the same text up to the first NUL. */
  check_round_trip ((const uint8_t *) text, strlen (text), FALSE);
  if (pbo_id_card_check (text, &error))
    {
      if (strlen (text) != 18)
        PBO_FUZZ_FAIL ("ID card “%s” accepted with %zu characters", text, strlen (text));
    }
  else if (error == NULL || error->domain != PBO_ERROR)
    PBO_FUZZ_FAIL ("a refused ID card gave no PBO_ERROR");
  else if (!g_utf8_validate (error->message, -1, NULL))
    PBO_FUZZ_FAIL ("the ID-card error message is not UTF-8: %s", error->message);
  g_clear_error (&error);
  g_free (text);
}
