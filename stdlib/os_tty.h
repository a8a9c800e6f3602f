/* os_tty.h - the posix module's terminal and session calls (os_tty.c). */
#ifndef GILPY_OS_TTY_H
#define GILPY_OS_TTY_H

#include "runtime/object.h"

/* openpty, ttyname, ctermid, login_tty, setsid, getsid, tcgetpgrp, tcsetpgrp:
 * added to the posix module by mod_os_init. */
extern const MethodDef os_tty_methods[];

#endif
