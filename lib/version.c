/* libpbo — version information.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <pbo/pbo.h>

const char *
pbo_version_string (void)
{
  return PBO_VERSION_STRING;
}

void
pbo_version (int *major, int *minor, int *micro)
{
  if (major)
    *major = PBO_VERSION_MAJOR;
  if (minor)
    *minor = PBO_VERSION_MINOR;
  if (micro)
    *micro = PBO_VERSION_MICRO;
}
