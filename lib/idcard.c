/* libpbo — GB 11643-1999 citizen identity numbers.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include <pbo/pbo.h>
#include "error-private.h"

gboolean
pbo_id_card_check (const char *number, GError **error)
{
  /* ISO 7064 MOD 11-2: weights 2^(17-i) mod 11, check = (12 - sum mod 11) mod 11. */
  static const guint weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char checks[] = "10X98765432";
  guint sum = 0, i, y, m, d;

  g_return_val_if_fail (number != NULL, FALSE);

  if (strlen (number) != 18)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("an ID-card number has 18 characters"));
      return FALSE;
    }
  for (i = 0; i < 17; i++)
    {
      if (!g_ascii_isdigit (number[i]))
        {
          g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID,
                       _("character %u of the ID-card number is not a digit"), i + 1);
          return FALSE;
        }
      sum += (guint) (number[i] - '0') * weights[i];
    }
  y = 0;
  for (i = 6; i < 10; i++)
    y = y * 10 + (guint) (number[i] - '0');
  m = (guint) ((number[10] - '0') * 10 + (number[11] - '0'));
  d = (guint) ((number[12] - '0') * 10 + (number[13] - '0'));
  if (!pbo_date_is_valid (pbo_date_make (y, m, d)) || m == 0)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID,
                   _("the ID-card number holds no valid birth date"));
      return FALSE;
    }
  if (number[17] != checks[sum % 11])
    {
      /* The last byte may be part of a multi-byte character: quoting it
       * alone would make the message invalid UTF-8. */
      if (g_ascii_isprint (number[17]))
        g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID,
                     _("the ID-card check character is %c, expected %c"), number[17],
                     checks[sum % 11]);
      else
        g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID,
                     _("the ID-card check character is not a digit or X, expected %c"),
                     checks[sum % 11]);
      return FALSE;
    }
  return TRUE;
}
