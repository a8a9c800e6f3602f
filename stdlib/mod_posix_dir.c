/* mod_posix_dir.c - scandir() and os.DirEntry (see posix.h).
 *
 * scandir(path) returns an iterator over DirEntry objects; each entry keeps
 * what readdir gave (name, inode, d_type), so is_dir/is_file/is_symlink need
 * no system call unless the file system left d_type unknown or a symlink
 * must be followed.  stat() and the lstat behind is_symlink are cached on
 * the entry after the first call, as CPython's are.
 *
 * scandir(fd) reads a duplicate of the descriptor (closedir closes the
 * copy); its entries' paths are their names, and their stat() calls go
 * through fstatat relative to fd.  The iterator closes its directory when
 * exhausted, on close() or on exit from a with block; one collected while
 * still open closes it with a ResourceWarning.
 */
#define _GNU_SOURCE 1
#include <dirent.h>
#include <string.h>
#include <unistd.h>

#include "runtime/fdlimit.h"
#include "posix.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/finalize.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_genericalias.h"
#include "runtime/obj_int.h"
#include "runtime/obj_str.h"
#include "runtime/obj_list.h"
#include "runtime/obj_dict.h"
#include "runtime/structseq.h"
#include "interp/modreg.h"

typedef struct {
    Obj header;
    Value name, path;       /* str or bytes, like scandir's argument */
    Value stat, lstat;      /* cached stat_results, or VAL_NULL */
    uint64_t ino;
    unsigned char d_type;
    int dir_fd;             /* scandir(fd)'s descriptor, else -1 */
} DirEntry;

typedef struct {
    Obj header;
    DIR *dir;               /* NULL once closed */
    Value path;             /* the str/bytes given, or None for scandir(fd) */
    int is_bytes, fd;       /* fd: scandir(fd)'s descriptor, else -1 */
} ScandirIter;

extern Type type_direntry, type_scandir_iter;
#define ENTRY(v) ((DirEntry *)AS_OBJ(v))
#define ITER(v) ((ScandirIter *)AS_OBJ(v))

static void pdir_entry_trace(Obj *o) {
    DirEntry *e = (DirEntry *)o;
    gc_mark_value(e->name);
    gc_mark_value(e->path);
    if (!IS_NULL(e->stat)) gc_mark_value(e->stat);
    if (!IS_NULL(e->lstat)) gc_mark_value(e->lstat);
}

/* ---------------------------------------------------------------- DirEntry */

/* stat or lstat of the entry, through the cache. */
static Value pdir_fetch(DirEntry *e, int follow) {
    Value *cache = follow ? &e->stat : &e->lstat;
    if (!IS_NULL(*cache)) return *cache;
    int is_bytes = IS_BYTES(e->path);
    Value enc = e->path;
    const char *s = e->dir_fd >= 0 ? (is_bytes ? (const char *)AS_BYTES(e->name)->data : str_fsencode(e->name, &enc))
                  : (is_bytes ? (const char *)AS_BYTES(e->path)->data : str_fsencode(e->path, &enc));
    if (!s) return VAL_NULL;
    struct stat st;
    int r;
    OS_RETRY(r, fstatat(e->dir_fd >= 0 ? e->dir_fd : AT_FDCWD, s, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW));
    if (r < 0) return os_fail(e->path);
    Value res = os_stat_result(&st);
    if (!IS_NULL(res)) *cache = res;
    return res;
}

static int pdir_is_symlink(DirEntry *e) {
    if (e->d_type != DT_UNKNOWN) return e->d_type == DT_LNK;
    Value st = pdir_fetch(e, 0);
    if (IS_NULL(st)) return -1;
    return S_ISLNK(AS_SMALLINT(STRUCTSEQ_ITEMS(st)[0]));
}

/* is_dir / is_file: from d_type when it answers, else stat; a file that
 * vanished is neither. */
static Value pdir_test_mode(Value self, Value follow_v, mode_t want, unsigned char dtype) {
    DirEntry *e = ENTRY(self);
    int follow = os_flag(follow_v, 1);
    if (follow < 0) return VAL_NULL;
    int link = 0;
    if (e->d_type != DT_UNKNOWN && follow && (link = pdir_is_symlink(e)) < 0) return VAL_NULL;
    if (e->d_type != DT_UNKNOWN && !(follow && link)) return MK_BOOL(e->d_type == dtype);
    Value st = pdir_fetch(e, follow);
    if (IS_NULL(st)) {
        if (!err_matches(&exc_FileNotFoundError)) return VAL_NULL;
        err_clear();
        return VAL_FALSE;
    }
    return MK_BOOL((AS_SMALLINT(STRUCTSEQ_ITEMS(st)[0]) & S_IFMT) == want);
}

static Value pdir_is_dir(Value *args, int nargs, Value kwnames) {
    return pdir_test_mode(args[0], args[1], S_IFDIR, DT_DIR);
}
static Value pdir_is_file(Value *args, int nargs, Value kwnames) {
    return pdir_test_mode(args[0], args[1], S_IFREG, DT_REG);
}
static Value pdir_is_symlink_m(Value *args, int nargs, Value kwnames) {
    int r = pdir_is_symlink(ENTRY(args[0]));
    return r < 0 ? VAL_NULL : MK_BOOL(r);
}

static Value pdir_stat(Value *args, int nargs, Value kwnames) {
    DirEntry *e = ENTRY(args[0]);
    int follow = os_flag(args[1], 1);
    if (follow < 0) return VAL_NULL;
    if (!follow) return pdir_fetch(e, 0);
    int link = pdir_is_symlink(e);
    if (link < 0) return VAL_NULL;
    if (link) return pdir_fetch(e, 1);
    Value st = pdir_fetch(e, 0);
    if (!IS_NULL(st)) e->stat = st;
    return st;
}

static Value pdir_inode(Value *args, int nargs, Value kwnames) { return int_from_u64(ENTRY(args[0])->ino); }
static Value pdir_fspath(Value *args, int nargs, Value kwnames) { return ENTRY(args[0])->path; }
static Value pdir_repr(Value *args, int nargs, Value kwnames) {
    return str_format_c("<DirEntry %R>", ENTRY(args[0])->name);
}
static Value pdir_name_get(Value self) { return ENTRY(self)->name; }
static Value pdir_path_get(Value self) { return ENTRY(self)->path; }

static Value pdir_entry_new(Value *args, int nargs, Value kwnames) {
    return err_format(&exc_TypeError, "cannot create 'posix.DirEntry' instances");
}

static const MethodDef pdir_entry_methods[] = {
    {"__new__", pdir_entry_new, METH_STATIC | ARGS_ANY, NULL},
    {"is_dir", pdir_is_dir, ARGS_KW, "Return True if the entry is a directory; cached per entry.",
     "($self, /, *, follow_symlinks=True)"},
    {"is_file", pdir_is_file, ARGS_KW, "Return True if the entry is a file; cached per entry.",
     "($self, /, *, follow_symlinks=True)"},
    {"is_symlink", pdir_is_symlink_m, ARGS_NONE, "Return True if the entry is a symbolic link; cached per entry."},
    {"stat", pdir_stat, ARGS_KW, "Return stat_result object for the entry; cached per entry.",
     "($self, /, *, follow_symlinks=True)"},
    {"inode", pdir_inode, ARGS_NONE, "Return inode of the entry; cached per entry."},
    {"__fspath__", pdir_fspath, ARGS_NONE, "Returns the path for the entry."},
    {"__repr__", pdir_repr, ARGS_WRAP(0), NULL},
    {"__class_getitem__", generic_alias_class_getitem_m, METH_CLASS | ARGS_ONE, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef pdir_entry_getsets[] = {
    {"name", pdir_name_get, NULL, "the entry's base filename, relative to scandir() \"path\" argument"},
    {"path", pdir_path_get, NULL, "the entry's full path name; equivalent to os.path.join(scandir_path, entry.name)"},
    {NULL, NULL, NULL, NULL},
};

Type type_direntry = {
    .tp_name = "posix.DirEntry", .base = &type_object, .basicsize = sizeof(DirEntry),
    .trace = pdir_entry_trace, .methods = pdir_entry_methods, .getsets = pdir_entry_getsets,
};
GILPY_TYPE(type_direntry, NULL);

/* ---------------------------------------------------------------- the iterator */

static void pdir_iter_trace(Obj *o) { gc_mark_value(((ScandirIter *)o)->path); }

static void pdir_close(ScandirIter *it) {
    if (!it->dir) return;
    if (it->fd >= 0) rewinddir(it->dir);
    closedir(it->dir);
    it->dir = NULL;
}
static void pdir_iter_finalize(Obj *o) { pdir_close((ScandirIter *)o); }

/* The entry for one readdir result. */
static Value pdir_make_entry(ScandirIter *it, const struct dirent *d) {
    size_t n = strlen(d->d_name);
    Value name = os_name_value(d->d_name, n, it->is_bytes), path = name;
    if (IS_NULL(name)) return VAL_NULL;
    if (it->fd < 0) {   /* join(scandir's path, name) */
        const char *base = it->is_bytes ? (const char *)AS_BYTES(it->path)->data : NULL;
        Value keep = it->path;
        if (!base && !(base = str_fsencode(it->path, &keep))) return VAL_NULL;
        size_t bl = strlen(base);
        int slash = bl > 0 && base[bl - 1] != '/';
        char *buf = gc_malloc(bl + n + 2);
        if (!buf) return VAL_NULL;
        memcpy(buf, base, bl);
        if (slash) buf[bl] = '/';
        memcpy(buf + bl + slash, d->d_name, n + 1);
        path = os_name_value(buf, bl + slash + n, it->is_bytes);
        gc_free(buf, bl + n + 2);
        if (IS_NULL(path)) return VAL_NULL;
    }
    DirEntry *e = (DirEntry *)gc_alloc(&type_direntry, sizeof(DirEntry));
    if (!e) return VAL_NULL;
    e->name = name, e->path = path, e->stat = e->lstat = VAL_NULL;
    e->ino = d->d_ino, e->d_type = d->d_type, e->dir_fd = it->fd;
    return MK_OBJ(e);
}

static Value pdir_next(Value *args, int nargs, Value kwnames) {
    ScandirIter *it = ITER(args[0]);
    while (it->dir) {
        errno = 0;
        struct dirent *d = readdir(it->dir);
        if (!d) {
            int err = errno;
            pdir_close(it);
            if (err) { errno = err; return os_error(IS_NONE(it->path) ? VAL_NULL : it->path); }
            return VAL_NULL;
        }
        const char *nm = d->d_name;
        if (nm[0] == '.' && (nm[1] == 0 || (nm[1] == '.' && nm[2] == 0))) continue;
        return pdir_make_entry(it, d);
    }
    return VAL_NULL;
}

static Value pdir_self(Value *args, int nargs, Value kwnames) { return args[0]; }
static Value pdir_close_m(Value *args, int nargs, Value kwnames) {
    pdir_close(ITER(args[0]));
    return VAL_NONE;
}
static Value pdir_del(Value *args, int nargs, Value kwnames) {
    ScandirIter *it = ITER(args[0]);
    if (!it->dir) return VAL_NONE;
    if (err_warn(&exc_ResourceWarning, "unclosed scandir iterator %R", args[0]) < 0) fin_write_unraisable(args[0]);
    pdir_close(it);
    return VAL_NONE;
}

static Value pdir_iter_new(Value *args, int nargs, Value kwnames) {
    return err_format(&exc_TypeError, "cannot create 'posix.ScandirIterator' instances");
}

static const MethodDef pdir_iter_methods[] = {
    {"__new__", pdir_iter_new, METH_STATIC | ARGS_ANY, NULL},
    {"__iter__", pdir_self, ARGS_WRAP(0), NULL},
    {"__next__", pdir_next, ARGS_WRAP(0), NULL},
    {"close", pdir_close_m, ARGS_NONE, NULL},
    {"__enter__", pdir_self, ARGS_NONE, NULL},
    {"__exit__", pdir_close_m, ARGS_VAR, NULL},
    {"__del__", pdir_del, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};

Type type_scandir_iter = {
    .tp_name = "posix.ScandirIterator", .base = &type_object, .basicsize = sizeof(ScandirIter),
    .trace = pdir_iter_trace, .finalize = pdir_iter_finalize, .methods = pdir_iter_methods,
};
GILPY_TYPE(type_scandir_iter, NULL);

/* scandir(path=None): path may be an open directory descriptor. */
static Value pdir_scandir(Value *args, int nargs, Value kwnames) {
    OsPath p;
    Value given = IS_NULL(args[0]) ? VAL_NONE : args[0];
    int fd = -1, isfd = os_path_or_none(given, &p, &fd, "scandir", "path");
    if (isfd < 0) return VAL_NULL;
    if (OS_AUDIT_REFUSED("os.scandir", "O", given)) return VAL_NULL;
    DIR *dir;
    if (isfd) {
        int fd2;
        FDLIMIT_RETRY(fd2, fd2 = fcntl(fd, F_DUPFD_CLOEXEC, 0));
        if (fd2 < 0) return os_error(given);
        if (!(dir = fdopendir(fd2))) { int e = errno; close(fd2); errno = e; return os_error(given); }
    } else {
        Value shown = IS_NONE(p.obj) ? str_from_c(".") : p.obj;
        int r;
        FDLIMIT_RETRY(r, r = (dir = opendir(p.s)) ? 0 : -1);
        if (r < 0) return os_error(shown);
    }
    ScandirIter *it = (ScandirIter *)gc_alloc(&type_scandir_iter, sizeof(ScandirIter));
    if (!it) { closedir(dir); return VAL_NULL; }
    it->dir = dir, it->fd = isfd ? fd : -1, it->is_bytes = p.is_bytes;
    it->path = isfd ? VAL_NONE : IS_NONE(p.obj) ? str_from_c(".") : p.is_bytes ? p.enc : p.obj;
    return MK_OBJ(it);
}

const MethodDef pdir_methods[] = {
    {"scandir", pdir_scandir, ARGS_KW, "Return an iterator of DirEntry objects for given path.",
     "($module, /, path=None)"},
    {NULL, NULL, 0, NULL},
};

int pdir_init(Value d) { return dict_set_c(d, "DirEntry", MK_OBJ(&type_direntry)); }
