/* os_tty.c - the posix module's terminal and session calls: openpty, ttyname,
 * ctermid, login_tty, setsid, getsid, tcgetpgrp and tcsetpgrp, what `pty`
 * and `tty` need beside `termios`.  A file of its own so mod_os.c stays the
 * file and process calls; mod_os_init adds this table to the module.
 * Descriptors openpty() returns are non-inheritable, as os.pipe()'s are.
 */
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <stdio.h>
#include <unistd.h>
#include <utmp.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "stdlib/os_tty.h"

static Value tty_error(void) { return err_from_errno(&exc_OSError, VAL_NULL); }

static Value tty_openpty(Value *args, int nargs, Value kwnames) {
    int master, slave;
    if (openpty(&master, &slave, NULL, NULL, NULL) < 0) return tty_error();
    if (fcntl(master, F_SETFD, FD_CLOEXEC) < 0 || fcntl(slave, F_SETFD, FD_CLOEXEC) < 0) {
        int err = errno;
        close(master);
        close(slave);
        errno = err;
        return tty_error();
    }
    return tuple_pack(2, MK_SMALLINT(master), MK_SMALLINT(slave));
}

static Value tty_ttyname(Value *args, int nargs, Value kwnames) {
    int fd;
    char buf[256];
    if (arg_to_int(args[0], &fd) < 0) return VAL_NULL;
    int err = ttyname_r(fd, buf, sizeof buf);
    if (err) { errno = err; return tty_error(); }
    return str_fsdecode(buf, strlen(buf));
}

static Value tty_ctermid(Value *args, int nargs, Value kwnames) {
    char buf[L_ctermid];
    if (!ctermid(buf)) return tty_error();
    return str_fsdecode(buf, strlen(buf));
}

static Value tty_login_tty(Value *args, int nargs, Value kwnames) {
    int fd;
    if (arg_to_fd(args[0], &fd) < 0) return VAL_NULL;
    return login_tty(fd) < 0 ? tty_error() : VAL_NONE;
}

static Value tty_setsid(Value *args, int nargs, Value kwnames) {
    return setsid() < 0 ? tty_error() : VAL_NONE;
}

static Value tty_getsid(Value *args, int nargs, Value kwnames) {
    int pid;
    if (arg_to_cint(args[0], &pid) < 0) return VAL_NULL;
    pid_t sid = getsid(pid);
    return sid < 0 ? tty_error() : MK_SMALLINT(sid);
}

static Value tty_tcgetpgrp(Value *args, int nargs, Value kwnames) {
    int fd;
    if (arg_to_int(args[0], &fd) < 0) return VAL_NULL;
    pid_t pg = tcgetpgrp(fd);
    return pg < 0 ? tty_error() : MK_SMALLINT(pg);
}

static Value tty_tcsetpgrp(Value *args, int nargs, Value kwnames) {
    int fd, pg;
    if (arg_to_int(args[0], &fd) < 0 || arg_to_cint(args[1], &pg) < 0) return VAL_NULL;
    return tcsetpgrp(fd, pg) < 0 ? tty_error() : VAL_NONE;
}

const MethodDef os_tty_methods[] = {
    {"openpty", tty_openpty, ARGS_NONE,
     "Open a pseudo-terminal.\n\nReturn a tuple of (master_fd, slave_fd) containing open file descriptors\n"
     "for both the master and slave ends.", "($module, /)"},
    {"ttyname", tty_ttyname, ARGS_ONE, "Return the name of the terminal device connected to 'fd'.",
     "($module, fd, /)"},
    {"ctermid", tty_ctermid, ARGS_NONE, "Return the name of the controlling terminal for this process.",
     "($module, /)"},
    {"login_tty", tty_login_tty, ARGS_ONE,
     "Prepare the tty of which fd is a file descriptor for a new login session.", "($module, fd, /)"},
    {"setsid", tty_setsid, ARGS_NONE, "Call the system call setsid().", "($module, /)"},
    {"getsid", tty_getsid, ARGS_ONE, "Call the system call getsid(pid) and return the result.",
     "($module, pid, /)"},
    {"tcgetpgrp", tty_tcgetpgrp, ARGS_ONE,
     "Return the process group associated with the terminal specified by fd.", "($module, fd, /)"},
    {"tcsetpgrp", tty_tcsetpgrp, ARGS_POS(2, 2),
     "Set the process group associated with the terminal specified by fd.", "($module, fd, pgid, /)"},
    {NULL, NULL, 0, NULL},
};
