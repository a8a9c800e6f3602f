/* mod_termios.c - the `termios` module: POSIX terminal control (tcgetattr,
 * tcsetattr, tcsendbreak, tcdrain, tcflush, tcflow, tcgetwinsize,
 * tcsetwinsize), termios.error and Linux's constants, with CPython's names,
 * list layout and errors; what `tty`, `getpass` and `pty` build on.
 *
 * The attributes travel as CPython's list [iflag, oflag, cflag, lflag,
 * ispeed, ospeed, cc]: cc holds NCCS one-byte bytes objects, except cc[VMIN]
 * and cc[VTIME], which are ints in non-canonical mode.  Failing system calls
 * raise termios.error(errno, strerror), not OSError.  Calls that may wait
 * for output to drain (tcsetattr, tcdrain, tcsendbreak) release the GIL.
 */
#define _GNU_SOURCE 1
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/gil.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "interp/modreg.h"

GILPY_MODULE("termios", mod_termios_init);

static Value termios_error = VAL_NULL;   /* termios.error, an Exception subclass */

/* termios.error(errno, strerror(errno)) for the errno of the failed call. */
static Value tio_raise(int err) {
    Value msg = str_from_c(strerror(err));
    if (IS_NULL(msg)) return VAL_NULL;
    Value e = call2(termios_error, MK_SMALLINT(err), msg);
    return IS_NULL(e) ? VAL_NULL : err_set_obj(e);
}

/* tcgetattr(fd, /) */
static Value tio_tcgetattr(Value *args, int nargs, Value kwnames) {
    int fd;
    struct termios t;
    if (arg_to_fd(args[0], &fd) < 0) return VAL_NULL;
    if (tcgetattr(fd, &t) < 0) return tio_raise(errno);
    Value cc = list_new(0);
    if (IS_NULL(cc)) return VAL_NULL;
    for (int i = 0; i < NCCS; i++) {
        char ch = (char)t.c_cc[i];
        Value b = (!(t.c_lflag & ICANON) && (i == VMIN || i == VTIME)) ? MK_SMALLINT(t.c_cc[i])
                                                                        : bytes_new(&ch, 1);
        if (IS_NULL(b) || list_append(cc, b) < 0) return VAL_NULL;
    }
    Value items[7] = {
        int_from_i64(t.c_iflag), int_from_i64(t.c_oflag), int_from_i64(t.c_cflag),
        int_from_i64(t.c_lflag), int_from_i64(cfgetispeed(&t)), int_from_i64(cfgetospeed(&t)), cc,
    };
    Value out = list_new(0);
    for (int i = 0; !IS_NULL(out) && i < 7; i++)
        if (list_append(out, items[i]) < 0) out = VAL_NULL;
    return out;
}

/* The control characters of attributes[6] into t->c_cc. */
static int tio_set_cc(Value cc, struct termios *t) {
    if (!IS_LIST(cc) || AS_LIST(cc)->len != NCCS) {
        err_format(&exc_TypeError, "tcsetattr: attributes[6] must be %d element list", NCCS);
        return -1;
    }
    for (int i = 0; i < NCCS && i < AS_LIST(cc)->len; i++) {
        Value v = AS_LIST(cc)->items[i];
        int64_t n;
        if (IS_BYTES(v) && AS_BYTES(v)->len == 1) t->c_cc[i] = (cc_t)AS_BYTES(v)->data[0];
        else if (IS_INT(v)) {
            if (arg_to_long(v, &n) < 0) return -1;
            t->c_cc[i] = (cc_t)n;
        } else {
            err_format(&exc_TypeError, "tcsetattr: elements of attributes must be characters or integers");
            return -1;
        }
    }
    return 0;
}

/* tcsetattr(fd, when, attributes, /): the list tcgetattr returns. */
static Value tio_tcsetattr(Value *args, int nargs, Value kwnames) {
    int fd, when;
    if (arg_to_fd(args[0], &fd) < 0 || arg_to_int(args[1], &when) < 0) return VAL_NULL;
    Value attrs = args[2];
    if (!IS_LIST(attrs) || AS_LIST(attrs)->len != 7)
        return err_format(&exc_TypeError, "tcsetattr, arg 3: must be 7 element list");
    struct termios t;
    if (tcgetattr(fd, &t) < 0) return tio_raise(errno);
    int64_t f[6];
    for (int i = 0; i < 6; i++)
        if (arg_to_long(AS_LIST(attrs)->items[i], &f[i]) < 0) return VAL_NULL;
    t.c_iflag = (tcflag_t)f[0];
    t.c_oflag = (tcflag_t)f[1];
    t.c_cflag = (tcflag_t)f[2];
    t.c_lflag = (tcflag_t)f[3];
    if (tio_set_cc(AS_LIST(attrs)->items[6], &t) < 0) return VAL_NULL;
    if (cfsetispeed(&t, (speed_t)f[4]) < 0 || cfsetospeed(&t, (speed_t)f[5]) < 0) return tio_raise(errno);
    int r, err;
    GIL_BLOCKING_BEGIN(GIL_REASON_IO);
    r = tcsetattr(fd, when, &t);
    err = errno;
    GIL_BLOCKING_END();
    return r < 0 ? tio_raise(err) : VAL_NONE;
}

/* The shape of tcsendbreak, tcflush and tcflow: fd and one int. */
static Value tio_fd_int(Value *args, int (*fn)(int, int), int blocking) {
    int fd, n, r, err;
    if (arg_to_fd(args[0], &fd) < 0 || arg_to_int(args[1], &n) < 0) return VAL_NULL;
    if (blocking) {
        GIL_BLOCKING_BEGIN(GIL_REASON_IO);
        r = fn(fd, n);
        err = errno;
        GIL_BLOCKING_END();
    } else {
        r = fn(fd, n);
        err = errno;
    }
    return r < 0 ? tio_raise(err) : VAL_NONE;
}

static Value tio_tcsendbreak(Value *args, int nargs, Value kwnames) { return tio_fd_int(args, tcsendbreak, 1); }
static Value tio_tcflush(Value *args, int nargs, Value kwnames) { return tio_fd_int(args, tcflush, 0); }
static Value tio_tcflow(Value *args, int nargs, Value kwnames) { return tio_fd_int(args, tcflow, 0); }

static Value tio_tcdrain(Value *args, int nargs, Value kwnames) {
    int fd, r, err;
    if (arg_to_fd(args[0], &fd) < 0) return VAL_NULL;
    GIL_BLOCKING_BEGIN(GIL_REASON_IO);
    r = tcdrain(fd);
    err = errno;
    GIL_BLOCKING_END();
    return r < 0 ? tio_raise(err) : VAL_NONE;
}

/* tcgetwinsize(fd, /) -> (rows, columns) */
static Value tio_tcgetwinsize(Value *args, int nargs, Value kwnames) {
    int fd;
    struct winsize w;
    if (arg_to_fd(args[0], &fd) < 0) return VAL_NULL;
    if (ioctl(fd, TIOCGWINSZ, &w) < 0) return tio_raise(errno);
    return tuple_pack(2, MK_SMALLINT(w.ws_row), MK_SMALLINT(w.ws_col));
}

/* tcsetwinsize(fd, winsize, /): winsize is a two-item sequence (rows, columns);
 * the pixel sizes stay as they are. */
static Value tio_tcsetwinsize(Value *args, int nargs, Value kwnames) {
    int fd;
    if (arg_to_fd(args[0], &fd) < 0) return VAL_NULL;
    Value ws = args[1];
    int is_seq = !IS_DICT(ws) && !IS_NULL(val_type(ws)->slots[SM_GETITEM]);
    int64_t n = is_seq ? obj_len(ws) : -1;
    if (n != 2) {
        if (n < 0 && is_seq && !err_matches(&exc_TypeError)) return VAL_NULL;
        err_clear();
        return err_format(&exc_TypeError, "tcsetwinsize, arg 2: must be a two-item sequence");
    }
    int64_t rc[2];
    for (int i = 0; i < 2; i++) {
        Value item = obj_getitem(ws, MK_SMALLINT(i));
        if (IS_NULL(item) || arg_to_long(item, &rc[i]) < 0) return VAL_NULL;
    }
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) < 0) return tio_raise(errno);
    if (rc[0] < 0 || rc[0] > 0xffff || rc[1] < 0 || rc[1] > 0xffff)
        return err_format(&exc_OverflowError, "winsize value(s) out of range.");
    w.ws_row = (unsigned short)rc[0];
    w.ws_col = (unsigned short)rc[1];
    if (ioctl(fd, TIOCSWINSZ, &w) < 0) return tio_raise(errno);
    return VAL_NONE;
}

static const MethodDef tio_functions[] = {
    {"tcgetattr", tio_tcgetattr, ARGS_ONE,
     "Get the tty attributes for file descriptor fd.\n\n"
     "Returns a list [iflag, oflag, cflag, lflag, ispeed, ospeed, cc]\n"
     "where cc is a list of the tty special characters (each a string of\n"
     "length 1, except the items with indices VMIN and VTIME, which are\n"
     "integers when these fields are defined).  The interpretation of the\n"
     "flags and the speeds as well as the indexing in the cc array must be\n"
     "done using the symbolic constants defined in this module.", "($module, fd, /)"},
    {"tcsetattr", tio_tcsetattr, ARGS_POS(3, 3),
     "Set the tty attributes for file descriptor fd.\n\n"
     "The attributes to be set are taken from the attributes argument, which\n"
     "is a list like the one returned by tcgetattr(). The when argument\n"
     "determines when the attributes are changed: termios.TCSANOW to\n"
     "change immediately, termios.TCSADRAIN to change after transmitting all\n"
     "queued output, or termios.TCSAFLUSH to change after transmitting all\n"
     "queued output and discarding all queued input.", "($module, fd, when, attributes, /)"},
    {"tcsendbreak", tio_tcsendbreak, ARGS_POS(2, 2),
     "Send a break on file descriptor fd.\n\n"
     "A zero duration sends a break for 0.25-0.5 seconds; a nonzero duration\n"
     "has a system dependent meaning.", "($module, fd, duration, /)"},
    {"tcdrain", tio_tcdrain, ARGS_ONE,
     "Wait until all output written to file descriptor fd has been transmitted.", "($module, fd, /)"},
    {"tcflush", tio_tcflush, ARGS_POS(2, 2),
     "Discard queued data on file descriptor fd.\n\n"
     "The queue selector specifies which queue: termios.TCIFLUSH for the input\n"
     "queue, termios.TCOFLUSH for the output queue, or termios.TCIOFLUSH for\n"
     "both queues.", "($module, fd, queue, /)"},
    {"tcflow", tio_tcflow, ARGS_POS(2, 2),
     "Suspend or resume input or output on file descriptor fd.\n\n"
     "The action argument can be termios.TCOOFF to suspend output,\n"
     "termios.TCOON to restart output, termios.TCIOFF to suspend input,\n"
     "or termios.TCION to restart input.", "($module, fd, action, /)"},
    {"tcgetwinsize", tio_tcgetwinsize, ARGS_ONE,
     "Get the tty winsize for file descriptor fd.\n\nReturns a tuple (ws_row, ws_col).",
     "($module, fd, /)"},
    {"tcsetwinsize", tio_tcsetwinsize, ARGS_POS(2, 2),
     "Set the tty winsize for file descriptor fd.\n\n"
     "The winsize to be set is taken from the winsize argument, which\n"
     "is a two-item tuple (ws_row, ws_col) like the one returned by tcgetwinsize().",
     "($module, fd, winsize, /)"},
    {NULL, NULL, 0, NULL},
};

#define C INT_CONST
static const IntConst tio_constants[] = {
    C(B0) C(B1000000) C(B110) C(B115200) C(B1152000) C(B1200) C(B134) C(B150) C(B1500000)
    C(B1800) C(B19200) C(B200) C(B2000000) C(B230400) C(B2400) C(B2500000) C(B300) C(B3000000)
    C(B3500000) C(B38400) C(B4000000) C(B460800) C(B4800) C(B50) C(B500000) C(B57600) C(B576000)
    C(B600) C(B75) C(B921600) C(B9600) C(BRKINT) C(BS0) C(BS1) C(BSDLY) C(CBAUD) C(CBAUDEX)
    C(CDSUSP) C(CEOF) C(CEOL) C(CEOT) C(CERASE) C(CFLUSH) C(CIBAUD) C(CINTR) C(CKILL) C(CLNEXT)
    C(CLOCAL) C(CQUIT) C(CR0) C(CR1) C(CR2) C(CR3) C(CRDLY) C(CREAD) C(CRPRNT) C(CRTSCTS) C(CS5)
    C(CS6) C(CS7) C(CS8) C(CSIZE) C(CSTART) C(CSTOP) C(CSTOPB) C(CSUSP) C(CWERASE) C(ECHO)
    C(ECHOCTL) C(ECHOE) C(ECHOK) C(ECHOKE) C(ECHONL) C(ECHOPRT) C(EXTA) C(EXTB) C(FF0) C(FF1)
    C(FFDLY) C(FIOASYNC) C(FIOCLEX) C(FIONBIO) C(FIONCLEX) C(FIONREAD) C(FLUSHO) C(HUPCL)
    C(ICANON) C(ICRNL) C(IEXTEN) C(IGNBRK) C(IGNCR) C(IGNPAR) C(IMAXBEL) C(INLCR) C(INPCK)
    C(IOCSIZE_MASK) C(IOCSIZE_SHIFT) C(ISIG) C(ISTRIP) C(IUCLC) C(IXANY) C(IXOFF) C(IXON) C(NCC)
    C(NCCS) C(NL0) C(NL1) C(NLDLY) C(NOFLSH) C(N_MOUSE) C(N_PPP) C(N_SLIP) C(N_STRIP) C(N_TTY)
    C(OCRNL) C(OFDEL) C(OFILL) C(OLCUC) C(ONLCR) C(ONLRET) C(ONOCR) C(OPOST) C(PARENB) C(PARMRK)
    C(PARODD) C(PENDIN) C(TAB0) C(TAB1) C(TAB2) C(TAB3) C(TABDLY) C(TCFLSH) C(TCGETA) C(TCGETS)
    C(TCIFLUSH) C(TCIOFF) C(TCIOFLUSH) C(TCION) C(TCOFLUSH) C(TCOOFF) C(TCOON) C(TCSADRAIN)
    C(TCSAFLUSH) C(TCSANOW) C(TCSBRK) C(TCSBRKP) C(TCSETA) C(TCSETAF) C(TCSETAW) C(TCSETS)
    C(TCSETSF) C(TCSETSW) C(TCXONC) C(TIOCCONS) C(TIOCEXCL) C(TIOCGETD) C(TIOCGICOUNT)
    C(TIOCGLCKTRMIOS) C(TIOCGPGRP) C(TIOCGSERIAL) C(TIOCGSOFTCAR) C(TIOCGWINSZ) C(TIOCINQ)
    C(TIOCLINUX) C(TIOCMBIC) C(TIOCMBIS) C(TIOCMGET) C(TIOCMIWAIT) C(TIOCMSET) C(TIOCM_CAR)
    C(TIOCM_CD) C(TIOCM_CTS) C(TIOCM_DSR) C(TIOCM_DTR) C(TIOCM_LE) C(TIOCM_RI) C(TIOCM_RNG)
    C(TIOCM_RTS) C(TIOCM_SR) C(TIOCM_ST) C(TIOCNOTTY) C(TIOCNXCL) C(TIOCOUTQ) C(TIOCPKT)
    C(TIOCPKT_DATA) C(TIOCPKT_DOSTOP) C(TIOCPKT_FLUSHREAD) C(TIOCPKT_FLUSHWRITE)
    C(TIOCPKT_NOSTOP) C(TIOCPKT_START) C(TIOCPKT_STOP) C(TIOCSCTTY) C(TIOCSERCONFIG)
    C(TIOCSERGETLSR) C(TIOCSERGETMULTI) C(TIOCSERGSTRUCT) C(TIOCSERGWILD) C(TIOCSERSETMULTI)
    C(TIOCSERSWILD) C(TIOCSER_TEMT) C(TIOCSETD) C(TIOCSLCKTRMIOS) C(TIOCSPGRP) C(TIOCSSERIAL)
    C(TIOCSSOFTCAR) C(TIOCSTI) C(TIOCSWINSZ) C(TOSTOP) C(VDISCARD) C(VEOF) C(VEOL) C(VEOL2)
    C(VERASE) C(VINTR) C(VKILL) C(VLNEXT) C(VMIN) C(VQUIT) C(VREPRINT) C(VSTART) C(VSTOP)
    C(VSUSP) C(VSWTC) {"VSWTCH", VSWTC}, C(VT0) C(VT1) C(VTDLY) C(VTIME) C(VWERASE) C(XCASE) C(XTABS)
    {NULL, 0},
};
#undef C

Value mod_termios_init(void) {
    Value m = module_new_c("termios");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    if (IS_NULL(termios_error)) {
        gc_add_root(&termios_error);
        termios_error = exc_new_class("termios", "error", &exc_Exception);
        if (IS_NULL(termios_error)) return VAL_NULL;
    }
    dict_add_methods(d, tio_functions, m);
    if (dict_add_int_constants(d, tio_constants) < 0 || dict_set_c(d, "error", termios_error) < 0 || dict_set_c(d, "__doc__", str_from_c(
            "This module provides an interface to the Posix calls for tty I/O control.\n"
            "For a complete description of these calls, see the Posix or Unix manual\n"
            "pages. It is only available for those Unix versions that support Posix\n"
            "termios style tty I/O control.\n\n"
            "All functions in this module take a file descriptor fd as their first\n"
            "argument. This can be an integer file descriptor, such as returned by\n"
            "sys.stdin.fileno(), or a file object, such as sys.stdin itself.")) < 0)
        return VAL_NULL;
    return err_occurred() ? VAL_NULL : m;
}
