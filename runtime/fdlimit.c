/* fdlimit.c - a collection when descriptors run out (see fdlimit.h). */
#include "fdlimit.h"

#include <errno.h>

#include "finalize.h"
#include "state.h"

int fdlimit_reclaim(int err, int tries) {
    ThreadState *ts = ts_get();
    if (tries > 0 || (err != EMFILE && err != ENFILE) || !ts || ts->gil_released) {
        errno = err;
        return 0;
    }
    fin_collect(NULL);
    return 1;
}
