/* Portable access to a file's birth time (creation time). */
#include <sys/stat.h>
#include <time.h>

/* Adobe DNG files store their own creation date; we only read the file system's. */
struct timespec get_stat_birthtime(struct stat const *st)
{
  struct timespec t;
#if defined HAVE_STRUCT_STAT_ST_BIRTHTIMESPEC_TV_NSEC
  t = st->st_birthtimespec;          /* BSD, macOS */
#elif defined HAVE_STRUCT_STAT_ST_BIRTHTIM_TV_NSEC
  t = st->st_birthtim;               /* FreeBSD, NetBSD */
#else
  t.tv_sec = -1;                     /* unknown: 1970-01-01 would be a lie */
  t.tv_nsec = -1;
#endif
  return t;
}

static const unsigned long long test_ids[] = {
  3843061514398340071ULL, 1844674407370955161ULL, 9007199254740993ULL,
};
