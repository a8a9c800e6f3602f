/* pycache.c - the bytecode cache.
 *
 * A module imported from a source file X.py is compiled once and its code
 * kept in a cache file, as CPython keeps .pyc files, under gilpy's own tag
 * (PYC_CACHE_TAG) so that the two interpreters never read each other's:
 *
 *   DIR/X.py               ->  DIR/__pycache__/X.gilpy-311.pyc
 *   LIB/.../X.py           ->  $XDG_CACHE_HOME/gilpy/pycache/LIB/.../X.gilpy-311.pyc
 *   embedded module a.b    ->  $XDG_CACHE_HOME/gilpy/pycache/<embedded>/a.b.gilpy-311.pyc
 *
 * where LIB is CPython's library directory (GILPY_CPYTHON_LIB), which
 * belongs to the system: its modules, and those embedded in the binary, are
 * cached in the user's cache directory ($HOME/.cache when XDG_CACHE_HOME is
 * unset), laid out as CPython's sys.pycache_prefix lays out its tree.
 * Without either variable they are not cached.
 *
 * A cache file is CPython's .pyc layout: the magic number (pyc_magic: two
 * bytes that follow the compiler's stamp, then "\r\n"), 4 bytes of flags (0:
 * checked against the source's time stamp), the source's modification time
 * and size (32 bits each; for an embedded module, a hash of its text and its
 * length), then the module's code marshalled (marshal.c).
 * It is current when all of these match; anything else (a stale or short
 * file, another compiler's code) means compiling the source again and
 * writing the file anew.  Writing goes through a temporary file renamed into
 * place, so a reader never sees half a file; every failure to write is
 * silent, as in CPython, and -B, PYTHONDONTWRITEBYTECODE or
 * sys.dont_write_bytecode = True turn writing off.
 */
#include "pycache.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "../runtime/error.h"
#include "../runtime/gc.h"
#include "../runtime/obj_bytes.h"
#include "../runtime/obj_dict.h"
#include "../runtime/obj_list.h"
#include "../runtime/obj_misc.h"
#include "../runtime/obj_str.h"
#include "../runtime/state.h"
#include "code.h"
#include "code_stamp.h"
#include "marshal.h"

#define PYC_HEADER 16

void pyc_magic(unsigned char out[4]) {
    unsigned number = 0x8000u | (unsigned)(GILPY_CODE_STAMP & 0x3fff);
    out[0] = (unsigned char)(number & 0xff);
    out[1] = (unsigned char)(number >> 8);
    out[2] = '\r';
    out[3] = '\n';
}

/* The user's cache directory for the library's modules, or NULL. */
static const char *pyc_user_root(char *buf, size_t cap) {
    const char *xdg = interp.flag_ignore_env ? NULL : getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    int n;
    if (xdg && xdg[0] == '/') n = snprintf(buf, cap, "%s/gilpy/pycache", xdg);
    else if (home && home[0] == '/') n = snprintf(buf, cap, "%s/.cache/gilpy/pycache", home);
    else return NULL;
    return n > 0 && (size_t)n < cap ? buf : NULL;
}

/* The cache file of the source at path into out (PATH_MAX bytes); *dir_end
 * is where its directory ends.  0, or -1 when the source has none. */
static int pyc_cache_path(const char *path, char *out, size_t *dir_end) {
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t blen = strlen(base);
    if (blen < 4 || strcmp(base + blen - 3, ".py") != 0) return -1;
    int stem = (int)(blen - 3);
    size_t lib = strlen(GILPY_CPYTHON_LIB);
    int n;
    if (strncmp(path, GILPY_CPYTHON_LIB, lib) == 0 && path[lib] == '/') {
        char root[PATH_MAX];
        if (!pyc_user_root(root, sizeof root)) return -1;
        n = snprintf(out, PATH_MAX, "%s%.*s", root, (int)(base - path - 1), path);
    } else if (slash) {
        n = snprintf(out, PATH_MAX, "%.*s/__pycache__", (int)(slash - path), path);
    } else {
        n = snprintf(out, PATH_MAX, "__pycache__");
    }
    if (n <= 0 || n >= PATH_MAX) return -1;
    *dir_end = (size_t)n;
    n = snprintf(out + n, PATH_MAX - (size_t)n, "/%.*s." PYC_CACHE_TAG ".pyc", stem, base);
    return n > 0 && *dir_end + (size_t)n < PATH_MAX ? 0 : -1;
}

Value pyc_cached_name(const char *path) {
    char cache[PATH_MAX];
    size_t dir_end;
    return pyc_cache_path(path, cache, &dir_end) < 0 ? VAL_NONE : str_from_c(cache);
}

static void pyc_put_u32(unsigned char *p, uint32_t v) {
    for (int i = 0; i < 4; i++) p[i] = (unsigned char)(v >> (8 * i));
}

static void pyc_header(const PycEntry *e, unsigned char out[PYC_HEADER]) {
    memset(out, 0, PYC_HEADER);
    pyc_magic(out);
    pyc_put_u32(out + 8, e->mtime);
    pyc_put_u32(out + 12, e->size);
}

int pyc_entry_for_file(const char *path, PycEntry *e) {
    struct stat st;
    if (stat(path, &st) < 0 || pyc_cache_path(path, e->cache, &e->dir_end) < 0) return -1;
    e->mtime = (uint32_t)st.st_mtime;
    e->size = (uint32_t)st.st_size;
    e->mode = (unsigned)((st.st_mode | 0200) & 0666);   /* as CPython's _calc_mode */
    return 0;
}

/* FNV-1a over the text: what an embedded module's cache records in place of
 * a time stamp. */
static uint32_t pyc_text_hash(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

int pyc_entry_for_embedded(const char *name, const char *src, size_t len, PycEntry *e) {
    char root[PATH_MAX];
    if (!pyc_user_root(root, sizeof root)) return -1;
    int n = snprintf(e->cache, PATH_MAX, "%s/<embedded>", root);
    if (n <= 0 || n >= PATH_MAX) return -1;
    e->dir_end = (size_t)n;
    n = snprintf(e->cache + n, PATH_MAX - (size_t)n, "/%s." PYC_CACHE_TAG ".pyc", name);
    if (n <= 0 || e->dir_end + (size_t)n >= PATH_MAX) return -1;
    e->mtime = pyc_text_hash(src, len);
    e->size = (uint32_t)len;
    e->mode = 0644;
    return 0;
}

/* The file's bytes (malloc'd), or NULL. */
static unsigned char *pyc_read_file(const char *path, size_t *len) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return NULL;
    struct stat st;
    unsigned char *buf = NULL;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= PYC_HEADER &&
        (buf = malloc((size_t)st.st_size)) != NULL) {
        size_t got = 0;
        ssize_t r;
        while (got < (size_t)st.st_size && (r = read(fd, buf + got, (size_t)st.st_size - got)) > 0) got += (size_t)r;
        if (got != (size_t)st.st_size) { free(buf); buf = NULL; }
        *len = got;
    }
    close(fd);
    return buf;
}

/* co_filename of code and of the code objects among its constants, where it
 * is not filename already (the tree moved since it was cached). */
static void pyc_fix_filename(Code *c, Value filename) {
    if (str_eq(c->filename, filename)) return;
    c->filename = filename;
    for (int64_t i = 0; i < AS_TUPLE(c->consts)->len; i++) {
        Value k = AS_TUPLE(c->consts)->items[i];
        if (IS_EXACT(k, type_code)) pyc_fix_filename(AS_CODE(k), filename);
    }
}

Value pyc_load(const PycEntry *e, Value filename) {
    size_t len = 0;
    unsigned char *data = pyc_read_file(e->cache, &len);
    if (!data) return VAL_NULL;
    unsigned char want[PYC_HEADER];
    pyc_header(e, want);
    Value code = VAL_NULL;
    if (memcmp(data, want, PYC_HEADER) == 0) {
        int64_t used;
        code = marshal_loads(data + PYC_HEADER, (int64_t)(len - PYC_HEADER), &used);
        if (IS_NULL(code) || !IS_EXACT(code, type_code)) { err_clear(); code = VAL_NULL; }
    }
    free(data);
    if (!IS_NULL(code)) pyc_fix_filename(AS_CODE(code), filename);
    return code;
}

static int pyc_writing_off(void) {
    if (!IS_OBJ(interp.sys_module)) return 1;
    Value v = dict_get_c(MODULE_DICT(interp.sys_module), "dont_write_bytecode");
    if (IS_NULL(v)) return 0;
    int t = obj_truthy(v);
    if (t < 0) err_clear();
    return t != 0;
}

/* mkdir -p of path[0:end], which goes in place. */
static int pyc_make_dirs(char *path, size_t end) {
    char saved = path[end];
    path[end] = '\0';
    int ok = mkdir(path, 0777) == 0 || errno == EEXIST;
    if (!ok && errno == ENOENT) {
        char *up = strrchr(path, '/');
        if (up && up != path) {
            ok = pyc_make_dirs(path, (size_t)(up - path)) == 0 && (mkdir(path, 0777) == 0 || errno == EEXIST);
        }
    }
    path[end] = saved;
    return ok ? 0 : -1;
}

static int pyc_write_all(int fd, const unsigned char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

void pyc_store(const PycEntry *e, Value code) {
    if (pyc_writing_off()) return;
    Value body = marshal_dumps(code);
    if (IS_NULL(body)) { err_clear(); return; }
    unsigned char head[PYC_HEADER];
    pyc_header(e, head);
    char dir[PATH_MAX], tmp[PATH_MAX + 32];
    memcpy(dir, e->cache, e->dir_end);
    dir[e->dir_end] = '\0';
    if (pyc_make_dirs(dir, e->dir_end) < 0) return;
    snprintf(tmp, sizeof tmp, "%s.%ld", e->cache, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, (mode_t)e->mode);
    if (fd < 0) return;
    int bad = pyc_write_all(fd, head, PYC_HEADER) < 0 ||
              pyc_write_all(fd, (const unsigned char *)AS_BYTES(body)->data, (size_t)AS_BYTES(body)->len) < 0;
    bad |= close(fd) < 0;
    if (bad || rename(tmp, e->cache) < 0) unlink(tmp);
}
