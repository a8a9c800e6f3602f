/* io_open.c - open(), the standard streams, and the file API the
 * interpreter uses (runtime/obj_file.h: print(), input(), exit, fork).
 *
 * open() stacks the layers as CPython's _io.open does: a FileIO, then (unless
 * buffering=0) a BufferedReader/Writer/Random of the file's block size, then
 * (in text mode) a TextIOWrapper whose `mode` attribute is the mode given.
 *
 * sys.stdin/stdout/stderr are made the same way over descriptors 0-2 with
 * closefd=False, with CPython's create_stdio choices: newline "\n", stderr
 * line buffered with backslashreplace, -u (unbuffered) putting the text layer
 * straight over the FileIO with write_through.  They are made on first use
 * and kept as roots.
 */
#define _GNU_SOURCE 1   /* newlocale */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io.h"
#include "obj_file.h"
#include "call.h"
#include "error.h"
#include "gc.h"
#include "obj_bytes.h"
#include "obj_dict.h"
#include "obj_int.h"
#include "obj_str.h"
#include "obj_type.h"
#include "state.h"

static Value io_std[3];

/* ---- open() --------------------------------------------------------------------------- */

typedef struct OpenMode {
    int creating, reading, writing, appending, updating, text, binary;
} OpenMode;

static int open_parse_mode(Value mode, OpenMode *m)
{
    memset(m, 0, sizeof *m);
    const char *s = STR_DATA(mode);
    for (int64_t i = 0; i < STR_LEN(mode); i++) {
        int *slot;
        switch (s[i]) {
        case 'x': slot = &m->creating; break;
        case 'r': slot = &m->reading; break;
        case 'w': slot = &m->writing; break;
        case 'a': slot = &m->appending; break;
        case '+': slot = &m->updating; break;
        case 't': slot = &m->text; break;
        case 'b': slot = &m->binary; break;
        default: slot = NULL;
        }
        if (!slot || *slot) {
            err_format(&exc_ValueError, "invalid mode: %R", mode);
            return -1;
        }
        *slot = 1;
    }
    if (m->text && m->binary) {
        err_format(&exc_ValueError, "can't have text and binary mode at once");
        return -1;
    }
    if (m->creating + m->reading + m->writing + m->appending > 1) {
        err_format(&exc_ValueError, "must have exactly one of create/read/write/append mode");
        return -1;
    }
    return 0;
}

static int open_str_or_none(const char *what, Value v)
{
    if (IS_NULL(v) || IS_NONE(v) || IS_STR(v)) return 0;
    err_format(&exc_TypeError, "open() argument '%s' must be str or None, not %T", what, v);
    return -1;
}

/* The file argument: an int, or what os.fspath accepts. */
static int open_file_arg(Value file)
{
    if (IS_INT(file) || IS_STR(file) || IS_BYTES(file)) return 0;
    if (!IS_NULL(type_lookup_c(val_type(file), "__fspath__"))) return 0;
    err_format(&exc_TypeError, "expected str, bytes or os.PathLike object, not %T", file);
    return -1;
}

static int open_check(Value *a, OpenMode *m, int *buffering)
{
    Value mode = IS_NULL(a[1]) ? str_intern_c("r") : a[1];
    if (open_file_arg(a[0]) < 0) return -1;
    if (!IS_STR(mode)) {
        err_format(&exc_TypeError, "open() argument 'mode' must be str, not %N", mode);
        return -1;
    }
    *buffering = -1;
    if (!IS_NULL(a[2]) && arg_to_int(a[2], buffering) < 0) return -1;
    if (open_str_or_none("encoding", a[3]) < 0 || open_str_or_none("errors", a[4]) < 0 ||
        open_str_or_none("newline", a[5]) < 0)
        return -1;
    if (open_parse_mode(mode, m) < 0) return -1;
    if (m->binary) {
        const char *bad = !IS_NULL(a[3]) && !IS_NONE(a[3]) ? "an encoding"
                        : !IS_NULL(a[4]) && !IS_NONE(a[4]) ? "an errors"
                        : !IS_NULL(a[5]) && !IS_NONE(a[5]) ? "a newline" : NULL;
        if (bad) {
            err_format(&exc_ValueError, "binary mode doesn't take %s argument", bad);
            return -1;
        }
        if (*buffering == 1 &&
            err_warn(&exc_RuntimeWarning, "line buffering (buffering=1) isn't supported in binary mode, "
                                          "the default buffer size will be used") < 0)
            return -1;
    }
    return 0;
}

static void open_close_quietly(Value f)
{
    Value exc = err_fetch();
    if (IS_NULL(obj_call_method(f, "close", NULL, 0))) err_clear();
    if (!IS_NULL(exc)) err_set_obj(exc);
}

/* Stack the buffer and text layers over an open raw FileIO. */
static Value open_layers(Value raw, Value *a, const OpenMode *m, int buffering)
{
    int line_buffering = 0;
    int tty = 0;
    if (buffering == 1 || buffering < 0) {
        Value r = obj_call_method(raw, "isatty", NULL, 0);
        if (IS_NULL(r)) return VAL_NULL;
        tty = r == VAL_TRUE;
    }
    if (buffering == 1 || (buffering < 0 && tty)) {
        buffering = -1;
        line_buffering = 1;
    }
    if (buffering < 0) {
        int64_t blk = ((FileIO *)AS_OBJ(raw))->blksize;
        buffering = (int)(blk > IO_DEFAULT_BUFFER_SIZE ? blk : IO_DEFAULT_BUFFER_SIZE);
    }
    if (buffering == 0) {
        if (m->binary) return raw;
        return err_format(&exc_ValueError, "can't have unbuffered text I/O");
    }
    Type *t = m->updating ? &type_bufferedrandom
            : (m->creating || m->writing || m->appending) ? &type_bufferedwriter : &type_bufferedreader;
    Value buffer = buffered_new(t, raw, buffering);
    if (IS_NULL(buffer) || m->binary) return buffer;
    Value text = textio_new(buffer, a[3], a[4], a[5], line_buffering, 0);
    if (IS_NULL(text)) return VAL_NULL;
    Value mode = IS_NULL(a[1]) ? str_intern_c("r") : a[1];
    if (obj_setattr(text, str_intern_c("mode"), mode) < 0) return VAL_NULL;
    return text;
}

Value io_open(Value *args, int nargs, Value kwnames)
{
    static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors",
                                        "newline", "closefd", "opener"};
    Value a[8];
    if (arg_parse("open", args, nargs, kwnames, names, 8, 0, 1, a) < 0) return VAL_NULL;
    OpenMode m;
    int buffering;
    if (open_check(a, &m, &buffering) < 0) return VAL_NULL;
    char rawmode[4], *p = rawmode;
    *p++ = m.creating ? 'x' : m.reading ? 'r' : m.writing ? 'w' : m.appending ? 'a' : '?';
    if (m.updating) *p++ = '+';
    *p = 0;
    if (rawmode[0] == '?')
        return err_format(&exc_ValueError,
                          "Must have exactly one of create/read/write/append mode and at most one plus");
    /* CPython flushes `open(p, 'w').write(s)` at once (refcounting frees the
     * file); a later open() of the same path must see the data here too. */
    buffered_flush_all();
    int closefd = 1;
    if (!IS_NULL(a[6]) && (closefd = obj_truthy(a[6])) < 0) return VAL_NULL;
    Value raw = fileio_open(a[0], str_intern_c(rawmode), closefd, IS_NULL(a[7]) ? VAL_NONE : a[7]);
    if (IS_NULL(raw)) return VAL_NULL;
    Value r = open_layers(raw, a, &m, buffering);
    if (IS_NULL(r)) open_close_quietly(raw);
    return r;
}

Value io_open_code(Value *args, int nargs, Value kwnames)
{
    if (!IS_STR(args[0]))
        return err_format(&exc_TypeError, "open_code() argument 'path' must be str, not %N", args[0]);
    Value a[2] = {args[0], str_intern_c("rb")};
    return io_open(a, 2, VAL_NULL);
}

Value io_text_encoding(Value *args, int nargs, Value kwnames)
{
    if (!IS_NULL(args[0]) && !IS_NONE(args[0])) return args[0];
    return str_intern_c("locale");
}

/* ---- the standard streams --------------------------------------------------------------- */

/* CPython's errors for stdin and stdout (config_get_stdio_errors):
 * surrogateescape in UTF-8 mode and in the C, POSIX and C.UTF-8 locales (a
 * locale that does not exist leaves C), strict in a real locale. */
static const char *io_std_errors(void)
{
    const char *u = interp.flag_ignore_env ? NULL : getenv("PYTHONUTF8");
    if (u && strcmp(u, "1") == 0) return "surrogateescape";
    const char *loc = getenv("LC_ALL");
    if (!loc || !*loc) loc = getenv("LC_CTYPE");
    if (!loc || !*loc) loc = getenv("LANG");
    if (!loc || !*loc || !strcmp(loc, "C") || !strcmp(loc, "POSIX") || !strcmp(loc, "C.UTF-8") ||
        !strcmp(loc, "C.utf8") || !strcmp(loc, "UTF-8"))
        return "surrogateescape";
    locale_t l = newlocale(LC_CTYPE_MASK, loc, (locale_t)0);
    if (!l) return "surrogateescape";
    freelocale(l);
    return "strict";
}

/* PYTHONIOENCODING=[encoding][:errors]: the encoding of all three streams,
 * the errors of stdin and stdout (stderr keeps backslashreplace; an encoding
 * without errors means strict).  An encoding gilpy's C codecs do not know is
 * ignored (the codec registry is not importable yet). */
static void io_std_ioencoding(int i, Value *encoding, Value *errors)
{
    const char *env = interp.flag_ignore_env ? NULL : getenv("PYTHONIOENCODING");
    if (!env || !*env) return;
    const char *colon = strchr(env, ':');
    size_t elen = colon ? (size_t)(colon - env) : strlen(env);
    if (elen > 0 && elen < 64) {
        char enc[64];
        memcpy(enc, env, elen);
        enc[elen] = '\0';
        const char *name = str_codec_name(enc);
        if (name) *encoding = str_from_c(name);
        else err_clear();
    }
    if (i == 2) return;
    if (colon && colon[1]) *errors = str_from_c(colon + 1);
    else if (elen > 0) *errors = str_from_c("strict");
}

static Value io_std_make(int i)
{
    static const char *const names[] = {"<stdin>", "<stdout>", "<stderr>"};
    if (fcntl(i, F_GETFD) < 0) return VAL_NONE;   /* closed at start-up: None, as CPython */
    Value raw = fileio_new_fd(i, str_from_c(names[i]), i == 0 ? "rb" : "wb", 0);
    if (IS_NULL(raw)) return VAL_NULL;
    int unbuffered = interp.flag_unbuffered && i > 0;
    int tty = isatty(i);
    Value buffer = raw;
    if (!unbuffered) {
        buffer = buffered_new(i == 0 ? &type_bufferedreader : &type_bufferedwriter, raw, IO_DEFAULT_BUFFER_SIZE);
        if (IS_NULL(buffer)) return VAL_NULL;
    }
    Value encoding = str_from_c("utf-8");
    Value errors = str_from_c(i == 2 ? "backslashreplace" : io_std_errors());
    io_std_ioencoding(i, &encoding, &errors);
    int line_buffering = !unbuffered && (tty || i == 2);
    Value text = textio_new(buffer, encoding, errors, str_intern_c("\n"), line_buffering, unbuffered);
    if (IS_NULL(text)) return VAL_NULL;
    if (obj_setattr(text, str_intern_c("mode"), str_from_c(i == 0 ? "r" : "w")) < 0) return VAL_NULL;
    io_std[i] = text;
    gc_add_root(&io_std[i]);
    return text;
}

Value file_stdin(void) { return IS_OBJ(io_std[0]) ? io_std[0] : io_std_make(0); }
Value file_stdout(void) { return IS_OBJ(io_std[1]) ? io_std[1] : io_std_make(1); }
Value file_stderr(void) { return IS_OBJ(io_std[2]) ? io_std[2] : io_std_make(2); }

/* ---- the interpreter's file API ------------------------------------------------------------ */

Value file_open_m(Value *args, int nargs, Value kwnames) { return io_open(args, nargs, kwnames); }

int file_write_str(Value file, Value s)
{
    if (textio_is(file)) return textio_write_str(file, s);
    Value r = obj_call_method(file, "write", &s, 1);
    return IS_NULL(r) ? -1 : 0;
}

int file_flush(Value file)
{
    if (textio_is(file)) {
        int c = io_is_closed(file);
        if (c) return c < 0 ? -1 : 0;
        return textio_flush_c(file);
    }
    Value fl = obj_getattr_opt(file, str_intern_c("flush"));
    if (IS_NULL(fl)) return err_occurred() ? -1 : 0;
    return IS_NULL(call0(fl)) ? -1 : 0;
}

Value file_readline(Value file)
{
    if (textio_is(file)) return textio_readline_c(file);
    return obj_call_method(file, "readline", NULL, 0);
}

void file_flush_all(void)
{
    buffered_flush_all();
}
