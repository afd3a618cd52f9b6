/* K&R-style definitions: valid C89, not C++. */
#include "kr_style.h"

int legacy_read(fd, buf, len)
int fd;
char *buf;
unsigned len;
{
  return fd + buf[0] + (int)len;
}

legacy_sleep(seconds)
unsigned seconds;
{
  return (int)seconds;
}
