/* A pre-ANSI style C header, as old system and vendor headers still are:
   declarations without prototypes, PROTO-style macros, implicit int. */
#ifndef KR_STYLE_H
#define KR_STYLE_H
#ifdef __STDC__
#define PROTO(args) args
#else
#define PROTO(args) ()
#endif
#ifdef __cplusplus
extern "C" {
#endif
int legacy_read PROTO((int fd, char *buf, unsigned len));
int legacy_sleep PROTO((unsigned seconds));
typedef int (*legacy_callback) PROTO((void *));
#ifdef __cplusplus
}
#endif
#endif
