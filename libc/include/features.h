/* features.h: attribute shorthands shared by the public headers. */
#ifndef _FEATURES_H
#define _FEATURES_H

#define __printflike(f, a)	__attribute__((__format__(__printf__, f, a)))
#define __noreturn		__attribute__((__noreturn__))

#endif
