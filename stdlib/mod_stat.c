/* mod_stat.c - the `_stat` module: file mode constants and tests, and
 * filemode(), as CPython's _stat.c on Linux.  stat.py defines the same names
 * in Python and imports these over them when it can; the C filemode() is the
 * one that writes '?' for a mode with no file type bits (tarfile's verbose
 * listing of a member without them). */
#include <sys/stat.h>

#include "runtime/error.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "interp/modreg.h"

GILPY_MODULE("_stat", mod_stat_init);

/* A mode argument as CPython's _PyLong_AsMode_t converts it: an int that fits
 * mode_t.  0, or -1 with CPython's TypeError or OverflowError. */
static int st_mode_arg(Value v, mode_t *out) {
    if (!IS_INT(v)) {
        err_format(&exc_TypeError, "an integer is required");
        return -1;
    }
    if (int_sign(v) < 0) {
        err_format(&exc_OverflowError, "can't convert negative value to unsigned int");
        return -1;
    }
    int64_t i;
    if (int_to_i64(v, &i) < 0) {
        err_clear();
        err_format(&exc_OverflowError, "Python int too large to convert to C unsigned long");
        return -1;
    }
    if ((int64_t)(mode_t)i != i) {
        err_format(&exc_OverflowError, "mode out of range");
        return -1;
    }
    *out = (mode_t)i;
    return 0;
}

#define ST_TEST(NAME, TEST)                                                  \
    static Value st_##NAME(Value *args, int nargs, Value kwnames) {          \
        mode_t m;                                                            \
        if (st_mode_arg(args[0], &m) < 0) return VAL_NULL;                   \
        return (TEST) ? VAL_TRUE : VAL_FALSE;                                \
    }
ST_TEST(isdir, S_ISDIR(m))
ST_TEST(ischr, S_ISCHR(m))
ST_TEST(isblk, S_ISBLK(m))
ST_TEST(isreg, S_ISREG(m))
ST_TEST(isfifo, S_ISFIFO(m))
ST_TEST(islnk, S_ISLNK(m))
ST_TEST(issock, S_ISSOCK(m))
ST_TEST(never, ((void)m, 0))          /* doors, event ports, whiteouts: not on Linux */

static Value st_imode(Value *args, int nargs, Value kwnames) {
    mode_t m;
    return st_mode_arg(args[0], &m) < 0 ? VAL_NULL : int_from_i64(m & 07777);
}

static Value st_ifmt(Value *args, int nargs, Value kwnames) {
    mode_t m;
    return st_mode_arg(args[0], &m) < 0 ? VAL_NULL : int_from_i64(m & S_IFMT);
}

static char st_type_char(mode_t m) {
    switch (m & S_IFMT) {
    case S_IFREG: return '-';
    case S_IFDIR: return 'd';
    case S_IFLNK: return 'l';
    case S_IFBLK: return 'b';
    case S_IFCHR: return 'c';
    case S_IFIFO: return 'p';
    case S_IFSOCK: return 's';
    default: return '?';
    }
}

/* One rwx triple; the set-id or sticky bit shows in the x place. */
static void st_triple(char *out, mode_t m, mode_t r, mode_t w, mode_t x, mode_t special, char on, char off) {
    out[0] = m & r ? 'r' : '-';
    out[1] = m & w ? 'w' : '-';
    out[2] = m & special ? (m & x ? on : off) : (m & x ? 'x' : '-');
}

static Value st_filemode(Value *args, int nargs, Value kwnames) {
    mode_t m;
    if (st_mode_arg(args[0], &m) < 0) return VAL_NULL;
    char s[10];
    s[0] = st_type_char(m);
    st_triple(s + 1, m, S_IRUSR, S_IWUSR, S_IXUSR, S_ISUID, 's', 'S');
    st_triple(s + 4, m, S_IRGRP, S_IWGRP, S_IXGRP, S_ISGID, 's', 'S');
    st_triple(s + 7, m, S_IROTH, S_IWOTH, S_IXOTH, S_ISVTX, 't', 'T');
    return str_new(s, sizeof s);
}

#define ST_DOC(WHAT) "(mode) -> bool\n\nReturn True if mode is from " WHAT "."
static const MethodDef st_functions[] = {
    {"S_ISDIR", st_isdir, ARGS_ONE, "S_ISDIR" ST_DOC("a directory")},
    {"S_ISCHR", st_ischr, ARGS_ONE, "S_ISCHR" ST_DOC("a character special device file")},
    {"S_ISBLK", st_isblk, ARGS_ONE, "S_ISBLK" ST_DOC("a block special device file")},
    {"S_ISREG", st_isreg, ARGS_ONE, "S_ISREG" ST_DOC("a regular file")},
    {"S_ISFIFO", st_isfifo, ARGS_ONE, "S_ISFIFO" ST_DOC("a FIFO (named pipe)")},
    {"S_ISLNK", st_islnk, ARGS_ONE, "S_ISLNK" ST_DOC("a symbolic link")},
    {"S_ISSOCK", st_issock, ARGS_ONE, "S_ISSOCK" ST_DOC("a socket")},
    {"S_ISDOOR", st_never, ARGS_ONE, "S_ISDOOR" ST_DOC("a door")},
    {"S_ISPORT", st_never, ARGS_ONE, "S_ISPORT" ST_DOC("an event port")},
    {"S_ISWHT", st_never, ARGS_ONE, "S_ISWHT" ST_DOC("a whiteout")},
    {"S_IMODE", st_imode, ARGS_ONE, "Return the portion of the file's mode that can be set by os.chmod()."},
    {"S_IFMT", st_ifmt, ARGS_ONE, "Return the portion of the file's mode that describes the file type."},
    {"filemode", st_filemode, ARGS_ONE, "Convert a file's mode to a string of the form '-rwxrwxrwx'"},
    {NULL, NULL, 0, NULL},
};

static const struct { const char *name; long value; } st_constants[] = {
    {"S_IFDIR", S_IFDIR}, {"S_IFCHR", S_IFCHR}, {"S_IFBLK", S_IFBLK}, {"S_IFREG", S_IFREG},
    {"S_IFIFO", S_IFIFO}, {"S_IFLNK", S_IFLNK}, {"S_IFSOCK", S_IFSOCK},
    {"S_IFDOOR", 0}, {"S_IFPORT", 0}, {"S_IFWHT", 0},
    {"S_ISUID", S_ISUID}, {"S_ISGID", S_ISGID}, {"S_ISVTX", S_ISVTX}, {"S_ENFMT", S_ISGID},
    {"S_IREAD", S_IRUSR}, {"S_IWRITE", S_IWUSR}, {"S_IEXEC", S_IXUSR},
    {"S_IRWXU", S_IRWXU}, {"S_IRUSR", S_IRUSR}, {"S_IWUSR", S_IWUSR}, {"S_IXUSR", S_IXUSR},
    {"S_IRWXG", S_IRWXG}, {"S_IRGRP", S_IRGRP}, {"S_IWGRP", S_IWGRP}, {"S_IXGRP", S_IXGRP},
    {"S_IRWXO", S_IRWXO}, {"S_IROTH", S_IROTH}, {"S_IWOTH", S_IWOTH}, {"S_IXOTH", S_IXOTH},
    /* BSD file flags (os.chflags), CPython's values */
    {"UF_NODUMP", 0x1}, {"UF_IMMUTABLE", 0x2}, {"UF_APPEND", 0x4}, {"UF_OPAQUE", 0x8},
    {"UF_NOUNLINK", 0x10}, {"UF_COMPRESSED", 0x20}, {"UF_HIDDEN", 0x8000},
    {"SF_ARCHIVED", 0x10000}, {"SF_IMMUTABLE", 0x20000}, {"SF_APPEND", 0x40000},
    {"SF_NOUNLINK", 0x100000}, {"SF_SNAPSHOT", 0x200000},
    /* indexes into os.stat()'s tuple */
    {"ST_MODE", 0}, {"ST_INO", 1}, {"ST_DEV", 2}, {"ST_NLINK", 3}, {"ST_UID", 4},
    {"ST_GID", 5}, {"ST_SIZE", 6}, {"ST_ATIME", 7}, {"ST_MTIME", 8}, {"ST_CTIME", 9},
};

Value mod_stat_init(void) {
    Value m = module_new_c("_stat");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    if (dict_set_c(d, "__doc__", str_from_c("S_IFMT_: file type bits\nS_IFDIR: directory\nS_IFCHR: "
        "character device\nS_IFBLK: block device\nS_IFREG: regular file\nS_IFIFO: fifo (named pipe)\n"
        "S_IFLNK: symbolic link\nS_IFSOCK: socket file\nS_IFDOOR: door\nS_IFPORT: event port\n"
        "S_IFWHT: whiteout\n\nS_ISUID: set UID bit\nS_ISGID: set GID bit\nS_ENFMT: file locking "
        "enforcement\nS_ISVTX: sticky bit\nS_IREAD: Unix V7 synonym for S_IRUSR\nS_IWRITE: Unix V7 "
        "synonym for S_IWUSR\nS_IEXEC: Unix V7 synonym for S_IXUSR\nS_IRWXU: mask for owner "
        "permissions\nS_IRUSR: read by owner\nS_IWUSR: write by owner\nS_IXUSR: execute by owner\n"
        "S_IRWXG: mask for group permissions\nS_IRGRP: read by group\nS_IWGRP: write by group\n"
        "S_IXGRP: execute by group\nS_IRWXO: mask for others (not in group) permissions\nS_IROTH: "
        "read by others\nS_IWOTH: write by others\nS_IXOTH: execute by others\n\nUF_NODUMP: do not "
        "dump file\nUF_IMMUTABLE: file may not be changed\nUF_APPEND: file may only be appended to\n"
        "UF_OPAQUE: directory is opaque when viewed through a union stack\nUF_NOUNLINK: file may not "
        "be renamed or deleted\nUF_COMPRESSED: OS X: file is hfs-compressed\nUF_HIDDEN: OS X: file "
        "should not be displayed\nSF_ARCHIVED: file may be archived\nSF_IMMUTABLE: file may not be "
        "changed\nSF_APPEND: file may only be appended to\nSF_NOUNLINK: file may not be renamed or "
        "deleted\nSF_SNAPSHOT: file is a snapshot file\n\nST_MODE\nST_INO\nST_DEV\nST_NLINK\nST_UID\n"
        "ST_GID\nST_SIZE\nST_ATIME\nST_MTIME\nST_CTIME\n\nFILE_ATTRIBUTE_*: Windows file attribute "
        "constants\n                   (only present on Windows)\n")) < 0)
        return VAL_NULL;
    dict_add_methods(d, st_functions, m);
    for (size_t i = 0; i < sizeof st_constants / sizeof st_constants[0]; i++)
        if (dict_set_c(d, st_constants[i].name, int_from_i64(st_constants[i].value)) < 0) return VAL_NULL;
    return err_occurred() ? VAL_NULL : m;
}
