/* fuzz_eval.c - libFuzzer target: fuzzed code run on live objects.
 *
 * Built by .ci/run like fuzz_parse.c (every interpreter source but
 * interp/main.c and the REPL).  fuzz_parse stops at the compiler; this target
 * runs what compiles, so the runtime (operators, methods, conversions,
 * formatting, comparisons, dunders of a Python class, generators, exceptions)
 * meets random code.  The interpreter starts once, and defines once a class
 * C with dunders, an exception class E and a generator function g
 * (FUZZ_CLASSES).  Each input gets a fresh namespace with those three, in
 * which FUZZ_SETUP builds the live objects (a list, dict, set, frozenset,
 * tuple, str, bytes, bytearray, big int, float, complex, an instance of C, a
 * generator), then the input runs there with `exec` semantics.  Whatever it raises is cleared; what
 * counts as a finding is a crash or sanitizer report, a NULL result without an
 * exception (or a result with one), and SystemError (gilpy's "cannot happen").
 *
 * Staying inside the process: the namespace's __builtins__ is a copy without
 * __import__, open, input, breakpoint, help, exit/quit, exec/eval/compile and
 * the name-based reflection (getattr, setattr, delattr, vars, dir, globals,
 * locals), so attribute names are literal in the source; inputs that contain
 * `import` or the dunders that reach modules, frames or globals are rejected
 * before compiling (fuzz_rejected).  Nothing can open files, start processes
 * or threads, or reach `sys`.
 *
 * The budget, our choice among the options: a watchdog thread plus the eval
 * breaker, which the VM already polls at every backward jump and function
 * entry.  An input still running after FUZZ_BUDGET_MS gets a TimeoutError
 * injected as an asynchronous exception (ThreadState.async_exc +
 * EB_ASYNC_EXC, the mechanism of PyThreadState_SetAsyncExc), again every
 * 20 ms until it returns, so `while 1: pass`, deep generator chains and
 * `except:` loops all end.  C loops never look at the breaker, so the inputs
 * that could start a long one are made impossible instead: `range` is
 * capped at 10**6 items, two-argument iter() (an endless C iterator) is
 * off, `pow` is gone and `**`, `<<` and literals of more than four digits
 * are rejected, and ASan is told to fail allocations over 256 MiB (so `'x' *
 * 999 * 999 * 999` is a MemoryError, not an out-of-memory report).  The
 * recursion limit is 150.  Output goes to /dev/null.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>

#include "interp/code.h"
#include "interp/lifecycle.h"
#include "interp/vm.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_str.h"
#include "runtime/state.h"

#define FUZZ_BUDGET_MS 300
#define FUZZ_MAX_INPUT 4096

/* ASan's defaults for this binary (ASAN_OPTIONS from the environment still
 * wins): a failed big allocation returns NULL, which gilpy turns into
 * MemoryError, instead of a report. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) {
    return "allocator_may_return_null=1:max_allocation_size_mb=256";
}

/* Run once with the real builtins: the restricted builtins dict. */
static const char FUZZ_BUILTINS[] =
    "import builtins as _b\n"
    "_fb = dict(vars(_b))\n"
    "for _n in ('__import__', 'open', 'input', 'breakpoint', 'help', 'exit', 'quit', 'exec',\n"
    "           'eval', 'compile', 'getattr', 'setattr', 'delattr', 'vars', 'dir', 'globals',\n"
    "           'locals', 'pow', 'copyright', 'credits', 'license'):\n"
    "    _fb.pop(_n, None)\n"
    "def _mk():\n"
    "    _range, _iter = _b.range, _b.iter\n"
    "    def range(*a):\n"
    "        r = _range(*a)\n"
    "        if len(r) > 10**6:\n"
    "            raise OverflowError('fuzz: range over 10**6 items')\n"
    "        return r\n"
    "    def iter(*a):\n"
    "        if len(a) != 1:\n"
    "            raise TypeError('fuzz: iter(callable, sentinel) is off')\n"
    "        return _iter(*a)\n"
    "    return range, iter\n"
    "_fb['range'], _fb['iter'] = _mk()\n";

/* Run in each input's fresh namespace: the live objects. */
static const char FUZZ_SETUP[] =
    "L = [1, 2.5, 'x', None, (3, 4), [5], -0.0]\n"
    "D = {'a': 1, 2: [3], (4, 5): 'six', None: b'n'}\n"
    "S = {1, 'two', (3,), 4.5}\n"
    "F = frozenset({1, 2, 'z'})\n"
    "T = (1, 'a', b'b', 2.0, (None,))\n"
    "s = 'h\\xe9llo w\\xf6rld \\U0001f389'\n"
    "b = b'bytes\\x00\\xff'\n"
    "ba = bytearray(b'abc')\n"
    "i = 12345678901234567890\n"
    "n = 7\n"
    "f = 2.5\n"
    "z = 1 + 2j\n"
    "c = C(5)\n"
    "gen = g(5)\n";

/* Run once, in the namespace whose C, E and g every input's namespace gets:
 * a class is never freed (gilpy has no weak references, so its base keeps it
 * in __subclasses__), and building it per input would also cost most of the
 * time of an input. */
static const char FUZZ_CLASSES[] =
    "class C:\n"
    "    def __init__(self, v=0): self.v = v\n"
    "    def __repr__(self): return 'C(%r)' % (self.v,)\n"
    "    def __eq__(self, o): return isinstance(o, C) and self.v == o.v\n"
    "    def __hash__(self): return hash(self.v)\n"
    "    def __lt__(self, o): return self.v < (o.v if isinstance(o, C) else o)\n"
    "    def __len__(self): return 3\n"
    "    def __getitem__(self, k): return k\n"
    "    def __setitem__(self, k, v): self.v = v\n"
    "    def __iter__(self): return iter([self.v, 1, 2])\n"
    "    def __add__(self, o): return C(self.v + o)\n"
    "    __radd__ = __add__\n"
    "    def __call__(self, *a, **k): return (a, k)\n"
    "    def __index__(self): return 2\n"
    "    def __bool__(self): return bool(self.v)\n"
    "    def __contains__(self, x): return x == self.v\n"
    "    def __format__(self, spec): return format(self.v, spec)\n"
    "    def __enter__(self): return self\n"
    "    def __exit__(self, *a): return True\n"
    "class E(ValueError):\n"
    "    def __str__(self): return 'E' + repr(self.args)\n"
    "def g(k):\n"
    "    for x in range(k):\n"
    "        y = yield x\n"
    "        if y: yield -y\n"
    "    return k\n";

/* Substrings that reach outside the namespace (modules, frames, globals,
 * builtins), that change the shared C, E and g for the inputs after, or that
 * only deliberate code raises. */
static const char *const fuzz_banned[] = {
    "import", "__subclasses__", "__globals__", "__builtins__", "__dict__", "__getattribute__",
    "__self__", "__func__", "__code__", "__closure__", "__loader__", "__spec__", "__reduce",
    "__init_subclass__", "f_globals", "f_builtins", "f_locals", "f_back", "tb_frame", "tb_next",
    "gi_frame", "gi_code", "cr_frame", "ag_frame", "__traceback__", "SystemError", "**", "<<",
    "C.", "E.", "g.", "__mro__", "__bases__", "__base__",
    NULL,
};

static int fuzz_rejected(const uint8_t *data, size_t size) {
    if (size > FUZZ_MAX_INPUT || memchr(data, 0, size)) return 1;
    char *text = malloc(size + 1);
    if (!text) return 1;
    memcpy(text, data, size);
    text[size] = 0;
    int bad = 0;
    for (int i = 0; fuzz_banned[i] && !bad; i++) bad = strstr(text, fuzz_banned[i]) != NULL;
    for (size_t i = 0, run = 0; i < size && !bad; i++) {    /* literals of more than 4 digits */
        run = (text[i] >= '0' && text[i] <= '9') ? run + 1 : 0;
        bad = run > 4;
    }
    free(text);
    return bad;
}

/* ---- the budget: a watchdog thread injects TimeoutError --------------------------------- */

static pthread_mutex_t fuzz_lock = PTHREAD_MUTEX_INITIALIZER;
static ThreadState *fuzz_ts;             /* the main thread, which runs the inputs */
static Value fuzz_timeout_exc = VAL_NULL; /* this input's TimeoutError (a GC root) */
static int fuzz_running;
static struct timespec fuzz_start, fuzz_last_raise;

static double fuzz_ms_since(const struct timespec *t) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t->tv_sec) * 1e3 + (double)(now.tv_nsec - t->tv_nsec) / 1e6;
}

static void *fuzz_watchdog(void *arg) {
    (void)arg;
    struct timespec tick = {0, 5 * 1000 * 1000};
    for (;;) {
        nanosleep(&tick, NULL);
        pthread_mutex_lock(&fuzz_lock);
        if (fuzz_running && fuzz_ms_since(&fuzz_start) > FUZZ_BUDGET_MS &&
            fuzz_ms_since(&fuzz_last_raise) > 20) {
            fuzz_ts->async_exc = fuzz_timeout_exc;
            __atomic_fetch_or(&fuzz_ts->eval_breaker, EB_ASYNC_EXC, __ATOMIC_SEQ_CST);
            clock_gettime(CLOCK_MONOTONIC, &fuzz_last_raise);
        }
        pthread_mutex_unlock(&fuzz_lock);
    }
    return NULL;
}

static void fuzz_budget_begin(void) {
    err_format(&exc_TimeoutError, "fuzz: over the %d ms budget", FUZZ_BUDGET_MS);
    Value e = err_fetch();
    pthread_mutex_lock(&fuzz_lock);
    fuzz_timeout_exc = e;
    clock_gettime(CLOCK_MONOTONIC, &fuzz_start);
    fuzz_last_raise = fuzz_start;
    fuzz_running = 1;
    pthread_mutex_unlock(&fuzz_lock);
}

static void fuzz_budget_end(void) {
    pthread_mutex_lock(&fuzz_lock);
    fuzz_running = 0;
    __atomic_fetch_and(&fuzz_ts->eval_breaker, ~(uint32_t)EB_ASYNC_EXC, __ATOMIC_SEQ_CST);
    fuzz_ts->async_exc = VAL_NULL;
    fuzz_timeout_exc = VAL_NULL;
    pthread_mutex_unlock(&fuzz_lock);
}

/* ---- running code ------------------------------------------------------------------------ */

static Value fuzz_builtins = VAL_NULL;    /* the restricted builtins dict (a GC root) */
static Value fuzz_setup_code = VAL_NULL;  /* FUZZ_SETUP compiled (a GC root) */
static Value fuzz_classes = VAL_NULL;     /* the namespace FUZZ_CLASSES ran in (a GC root) */

static Value fuzz_compile(const char *src, size_t len) {
    return compile_source(src, len, str_intern_c("<fuzz>"), PARSE_FILE);
}

/* Run setup text that must work; a failure is a bug of this file or of gilpy. */
static void fuzz_must(Value code, Value globals) {
    if (IS_NULL(code) || IS_NULL(vm_exec_code(AS_CODE(code), globals, globals))) {
        fprintf(stderr, "fuzz_eval: setup failed\n");
        if (err_occurred()) fprintf(stderr, "%s\n", STR_DATA(exc_format(err_fetch())));
        abort();
    }
}

static void fuzz_init(void) {
    lifecycle_start_runtime();
    if (lifecycle_start_interpreter() < 0) abort();
    interp.recursion_limit = 150;
    gc_add_root(&fuzz_builtins);
    gc_add_root(&fuzz_setup_code);
    gc_add_root(&fuzz_timeout_exc);
    gc_add_root(&fuzz_classes);
    Value ns = dict_new();
    fuzz_must(fuzz_compile(FUZZ_BUILTINS, sizeof FUZZ_BUILTINS - 1), ns);
    fuzz_builtins = dict_get_c(ns, "_fb");
    fuzz_classes = dict_new();
    if (IS_NULL(fuzz_builtins) || IS_NULL(fuzz_classes) ||
        dict_set_c(fuzz_classes, "__builtins__", fuzz_builtins) < 0)
        abort();
    fuzz_must(fuzz_compile(FUZZ_CLASSES, sizeof FUZZ_CLASSES - 1), fuzz_classes);
    fuzz_setup_code = fuzz_compile(FUZZ_SETUP, sizeof FUZZ_SETUP - 1);
    if (IS_NULL(fuzz_setup_code)) abort();
    fuzz_ts = ts_get();
    int fd = open("/dev/null", O_WRONLY);
    if (fd >= 0) { dup2(fd, 1); close(fd); }
    pthread_t t;
    if (pthread_create(&t, NULL, fuzz_watchdog, NULL) != 0) abort();
    pthread_detach(t);
}

/* What an input may leave behind: an ordinary exception, never SystemError
 * or a missing one. */
static void fuzz_check_result(Value r) {
    if (IS_NULL(r)) {
        if (!err_occurred()) {
            fprintf(stderr, "fuzz_eval: NULL result without an exception\n");
            abort();
        }
        Value e = err_fetch();
        if (type_is_subtype(val_type(e), &exc_SystemError)) {
            fprintf(stderr, "fuzz_eval: SystemError\n%s\n", STR_DATA(exc_format(e)));
            abort();
        }
    } else if (err_occurred()) {
        fprintf(stderr, "fuzz_eval: a result with a pending exception\n");
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static int ready;
    if (!ready) {
        fuzz_init();
        ready = 1;
    }
    if (fuzz_rejected(data, size)) return -1;       /* -1: not added to the corpus */
    Value code = fuzz_compile((const char *)data, size);
    if (IS_NULL(code)) {                          /* fuzz_parse's business */
        err_clear();
        return 0;
    }
    Value g = dict_new();
    if (IS_NULL(g) || dict_set_c(g, "__builtins__", fuzz_builtins) < 0) abort();
    static const char *const shared[] = {"C", "E", "g"};
    for (int i = 0; i < 3; i++)
        if (dict_set_c(g, shared[i], dict_get_c(fuzz_classes, shared[i])) < 0) abort();
    fuzz_must(fuzz_setup_code, g);
    fuzz_budget_begin();
    Value r = vm_exec_code(AS_CODE(code), g, g);
    fuzz_budget_end();
    fuzz_check_result(r);
    err_clear();
    return 0;
}
