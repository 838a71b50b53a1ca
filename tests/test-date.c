/* Check suite: calendar dates. */
#include "testutil.h"

#include <time.h>

START_TEST (test_parse_valid)
{
  PboDate d = 0;
  GError *error = NULL;

  ck_assert (pbo_date_parse ("2023-06-01", -1, FALSE, &d, &error));
  ck_assert_uint_eq (d, 20230601);
  ck_assert (pbo_date_parse ("2024-02-29", -1, FALSE, &d, &error));
  ck_assert_uint_eq (d, 20240229);
  ck_assert (pbo_date_parse ("1975xx", 4, TRUE, &d, &error));
  ck_assert_uint_eq (d, 19750000);
  ck_assert (pbo_date_is_year_only (d));
  ck_assert_no_error (error);
}
END_TEST

START_TEST (test_parse_invalid)
{
  static const char *const bad[] = {
    "2023-02-29", "2023-13-01", "2023-00-10", "2023-04-31", "23-06-01", "2023-6-1",
    "2023-06-01 ", " 2023-06-01", "2023/06/01", "", "0000-01-01", "2023-06-0a", "1975",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      PboDate d = 7;
      GError *error = NULL;
      ck_assert_msg (!pbo_date_parse (bad[i], -1, FALSE, &d, &error), "accepted %s", bad[i]);
      ck_assert_uint_eq (d, 7);
      ck_assert_pbo_error (error, PBO_ERROR_INVALID);
    }
}
END_TEST

START_TEST (test_format)
{
  char buf[PBO_DATE_BUFSIZE];

  ck_assert_str_eq (pbo_date_format (20230601, buf), "2023-06-01");
  ck_assert_str_eq (pbo_date_format (19750000, buf), "1975");
  ck_assert_str_eq (pbo_date_format (20230230, buf), "");
  ck_assert_str_eq (pbo_date_format (PBO_DATE_NONE, buf), "");
}
END_TEST

START_TEST (test_arithmetic)
{
  ck_assert_uint_eq (pbo_date_add_months (20240229, 12), 20250228);
  ck_assert_uint_eq (pbo_date_add_months (20230131, 1), 20230228);
  ck_assert_uint_eq (pbo_date_add_months (20231215, 1), 20240115);
  ck_assert_uint_eq (pbo_date_add_months (20230115, -1), 20221215);
  ck_assert_uint_eq (pbo_date_add_months (19750000, 1), PBO_DATE_NONE);
  ck_assert_uint_eq (pbo_date_add_days (20231231, 1), 20240101);
  ck_assert_uint_eq (pbo_date_add_days (20240301, -1), 20240229);
  ck_assert_uint_eq (pbo_date_add_days (99991231, 1), PBO_DATE_NONE);
  ck_assert_int_eq (pbo_date_days_between (20230101, 20240101), 365);
  ck_assert_int_eq (pbo_date_days_between (20240101, 20250101), 366);
  ck_assert_int_eq (pbo_date_days_between (20250101, 20240101), -366);
  ck_assert_int_eq (pbo_date_days_between (19000301, 20000301), 36524 + 1);
  ck_assert_int_eq (pbo_date_years_between (20050618, 20230617), 17);
  ck_assert_int_eq (pbo_date_years_between (20050618, 20230618), 18);
  ck_assert_int_eq (pbo_date_years_between (20040229, 20220228), 17);
  ck_assert_int_eq (pbo_date_years_between (20040229, 20220301), 18);
  ck_assert_int_eq (pbo_date_years_between (19750000, 20250101), 50);
}
END_TEST

START_TEST (test_roundtrip_every_day)
{
  PboDate d = 19000101;
  guint n = 0;
  char buf[PBO_DATE_BUFSIZE];

  /* Every day of two centuries: format ∘ parse is the identity and
   * add_days walks them without gaps. */
  while (d < 21000101)
    {
      PboDate back = 0;
      ck_assert (pbo_date_parse (pbo_date_format (d, buf), -1, FALSE, &back, NULL));
      ck_assert_uint_eq (back, d);
      ck_assert_int_eq (pbo_date_days_between (19000101, d), n);
      d = pbo_date_add_days (d, 1);
      n++;
    }
  ck_assert_uint_eq (n, 73049);
}
END_TEST

/* An impossible date is not "no date": no setter takes it for a clear. */
START_TEST (test_invalid_is_refused)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboOrg *b1 = pbo_tree_lookup_org (tree, "b1");
  PboDate bad = pbo_date_make (2024, 2, 30);
  char buf[PBO_DATE_BUFSIZE];
  GError *error = NULL;

  ck_assert_uint_ne (bad, PBO_DATE_NONE);
  ck_assert (!pbo_date_is_valid (bad));
  ck_assert (!pbo_date_is_valid (PBO_DATE_INVALID));
  ck_assert (!pbo_date_is_year_only (PBO_DATE_INVALID));
  ck_assert_str_eq (pbo_date_format (PBO_DATE_INVALID, buf), "");
  ck_assert_uint_eq (pbo_date_add_days (PBO_DATE_INVALID, 1), PBO_DATE_NONE);
  ck_assert_uint_eq (pbo_date_add_months (PBO_DATE_INVALID, 1), PBO_DATE_NONE);
  ck_assert (pbo_org_set_established (b1, 20200101, &error));
  ck_assert (!pbo_org_set_established (b1, bad, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert_uint_eq (pbo_org_get_established (b1), 20200101);
  ck_assert (!pbo_org_set_term (b1, bad, 3, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert (pbo_org_set_established (b1, PBO_DATE_NONE, &error));
  ck_assert_uint_eq (pbo_org_get_established (b1), PBO_DATE_NONE);
}
END_TEST

START_TEST (test_make)
{
  ck_assert_uint_eq (pbo_date_make (2023, 2, 29), PBO_DATE_INVALID);
  ck_assert_uint_eq (pbo_date_make (2000, 2, 29), 20000229);
  ck_assert_uint_eq (pbo_date_make (1900, 2, 29), PBO_DATE_INVALID);
  ck_assert_uint_eq (pbo_date_make (0, 1, 1), PBO_DATE_INVALID);
  ck_assert_uint_eq (pbo_date_make (10000, 1, 1), PBO_DATE_INVALID);
  ck_assert_uint_eq (pbo_date_make (1975, 0, 0), 19750000);
  ck_assert_uint_eq (pbo_date_make (1975, 0, 3), PBO_DATE_INVALID);
  ck_assert_uint_eq (pbo_date_get_year (20230601), 2023);
  ck_assert_uint_eq (pbo_date_get_month (20230601), 6);
  ck_assert_uint_eq (pbo_date_get_day (20230601), 1);
  ck_assert (pbo_date_is_valid (pbo_date_today ()));
}
END_TEST

static PboDate
glib_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return pbo_date_make ((guint) g_date_time_get_year (now), (guint) g_date_time_get_month (now),
                        (guint) g_date_time_get_day_of_month (now));
}

/* Today is the local date, as GLib's local time has it, in time zones 26
 * hours apart (POSIX strings: no zone files needed), so never the same day;
 * a change of TZ in the running process counts (no tzset() here: the
 * library must see it by itself). */
START_TEST (test_today_is_local)
{
  const char *const zones[] = { "UTC-14", "UTC+12" };
  PboDate seen[2];
  guint i;

  for (i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      PboDate before, after;

      g_setenv ("TZ", zones[i], TRUE);
      before = glib_today ();
      seen[i] = pbo_date_today ();
      after = glib_today ();
      ck_assert_msg (seen[i] == before || seen[i] == after, "TZ=%s: %u, GLib says %u", zones[i],
                     seen[i], before);
    }
  ck_assert_uint_ne (seen[0], seen[1]);
  g_unsetenv ("TZ");
}
END_TEST

static Suite *
date_suite (void)
{
  Suite *s = suite_create ("date");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_parse_valid);
  tcase_add_test (tc, test_parse_invalid);
  tcase_add_test (tc, test_format);
  tcase_add_test (tc, test_arithmetic);
  tcase_add_test (tc, test_roundtrip_every_day);
  tcase_add_test (tc, test_make);
  tcase_add_test (tc, test_today_is_local);
  tcase_add_test (tc, test_invalid_is_refused);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (date_suite ());
}
