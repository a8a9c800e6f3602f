/* sqlite_callback.c - Python code that libsqlite3 calls: user functions,
 * aggregates, window functions, collations, the authorizer, the progress
 * handler and the trace callback, and the GIL bracket they depend on.
 *
 * The GIL.  Calls that may block (prepare, step, open, backup) run with the
 * GIL released through sq_gil_release/sq_gil_acquire, which remember the
 * thread's state in a thread-local.  A callback first calls
 * sq_callback_enter, which takes the GIL back when this thread released it
 * (and does nothing when the call was made with the GIL held), and
 * sq_callback_leave releases it again before returning into libsqlite3.
 *
 * Handles the collector frees.  A finalizer (which runs during a collection,
 * with the GIL held) must not wait for a connection's mutex: another thread
 * may hold it inside sqlite3_step while it waits for the GIL to call a user
 * function.  So Statement, Blob and Connection finalizers only queue their
 * handle (sq_defer_free), and the queue is emptied by the next thread that
 * releases the GIL for SQLite, without the GIL.  Finalizing a statement
 * stopped inside a window function makes SQLite call its final callback; its
 * aggregate instance and connection may be gone by then, so aggregate
 * callbacks made while the queue drains call no Python.
 *
 * Contexts.  libsqlite3 keeps a pointer per registration: for functions and
 * collations a malloc'd SqFunc naming the connection and the callable, freed
 * by libsqlite3's destructor, the callable kept alive in the connection's
 * `keep` dict under the registration's key (the collector does not see
 * malloc'd memory); for the
 * authorizer, progress handler and trace callback, which are one per
 * connection, the connection itself, which holds the callable.  An aggregate's instance lives in
 * libsqlite3's aggregate context and, while the query runs, in the
 * connection's `aggregates` dict, which is its GC root.
 *
 * Errors.  A callback never leaves an exception pending: it reports it to
 * sys.unraisablehook when enable_callback_tracebacks(True) was called, else
 * clears it, and tells SQLite that the call failed with CPython's message
 * (an OverflowError as "string or blob too big", a MemoryError as no
 * memory), which the statement then raises as OperationalError.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib/sqlite.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/gil.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"

/* ---- the GIL, and handles freed without it -------------------------------------------------- */

static _Thread_local ThreadState *sq_nogil;   /* set while this thread runs SQLite without the GIL */
static _Thread_local int sq_draining;          /* this thread is freeing dead handles */

typedef struct SqDead {
    int   kind;        /* SQ_DEAD_* */
    void *handle;
} SqDead;

static pthread_mutex_t sq_dead_lock = PTHREAD_MUTEX_INITIALIZER;
static SqDead *sq_dead;
static size_t  sq_ndead, sq_dead_cap;

static void sq_free_handle(SqDead d) {
    switch (d.kind) {
    case SQ_DEAD_STMT: sqlite3_finalize(d.handle); break;
    case SQ_DEAD_BLOB: sqlite3_blob_close(d.handle); break;
    default: sqlite3_close_v2(d.handle); break;
    }
}

void sq_defer_free(int kind, void *handle) {
    SqDead d = {kind, handle};
    pthread_mutex_lock(&sq_dead_lock);   /* sq_ndead is also read without it: atomically */
    if (sq_ndead == sq_dead_cap) {
        size_t cap = sq_dead_cap ? sq_dead_cap * 2 : 64;
        SqDead *grown = realloc(sq_dead, cap * sizeof *grown);
        if (!grown) {                  /* no memory: free it now and hope for no contention */
            pthread_mutex_unlock(&sq_dead_lock);
            sq_free_handle(d);
            return;
        }
        sq_dead = grown;
        sq_dead_cap = cap;
    }
    sq_dead[sq_ndead] = d;
    __atomic_store_n(&sq_ndead, sq_ndead + 1, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&sq_dead_lock);
}

/* Free the queued handles (called without the GIL). */
static void sq_drain(void) {
    sq_draining = 1;
    for (;;) {
        pthread_mutex_lock(&sq_dead_lock);
        if (sq_ndead == 0) {
            pthread_mutex_unlock(&sq_dead_lock);
            sq_draining = 0;
            return;
        }
        SqDead d = sq_dead[sq_ndead - 1];
        __atomic_store_n(&sq_ndead, sq_ndead - 1, __ATOMIC_RELEASE);
        pthread_mutex_unlock(&sq_dead_lock);
        sq_free_handle(d);
    }
}

static void sq_gil_release_only(void) { sq_nogil = gil_blocking_begin(GIL_REASON_IO); }

void sq_gil_release(void) {
    sq_gil_release_only();
    if (__atomic_load_n(&sq_ndead, __ATOMIC_ACQUIRE)) sq_drain();
}

void sq_gil_acquire(void) {
    ThreadState *ts = sq_nogil;
    sq_nogil = NULL;
    gil_blocking_end(ts);
}

ThreadState *sq_callback_enter(void) {
    ThreadState *ts = sq_nogil;
    if (ts) sq_gil_acquire();
    return ts;
}

/* Back into libsqlite3, which holds a connection's mutex: no draining here. */
void sq_callback_leave(ThreadState *ts) {
    if (ts) sq_gil_release_only();
}

/* ---- contexts --------------------------------------------------------------------------------- */

typedef struct SqFunc {
    SqlConn *conn;
    Value    callable;     /* also in conn->keep */
} SqFunc;

static SqFunc *sqf_context(SqlConn *c, Value callable) {
    SqFunc *f = malloc(sizeof *f);
    if (!f) {
        err_no_memory();
        return NULL;
    }
    f->conn = c;
    f->callable = callable;
    return f;
}

/* After a registration as (kind, name, narg) succeeded: keep its callable,
 * dropping the one it replaced (SQLite's names are ASCII case-insensitive).
 * A failed registration leaves SQLite's old one, and so the old callable. */
static Value sqf_keep(SqlConn *c, const char *kind, Value name, int narg, Value callable) {
    Value lower = obj_call_method(name, "lower", NULL, 0);
    Value k = IS_NULL(lower) ? VAL_NULL : str_from_c(kind);
    Value key = IS_NULL(k) ? VAL_NULL : tuple_pack(3, k, lower, MK_SMALLINT(narg));
    if (IS_NULL(key)) return VAL_NULL;
    if (IS_NONE(callable)) {
        if (dict_del(c->keep, key) < 0) err_clear();
        return VAL_NONE;
    }
    return dict_set(c->keep, key, callable) < 0 ? VAL_NULL : VAL_NONE;
}

static void sqf_destroy(void *p) { free(p); }

/* Report the pending error of a callback through sqlite3_result_*. */
static void sqf_result_error(sqlite3_context *ctx, const char *msg) {
    SqFunc *f = sqlite3_user_data(ctx);
    if (err_matches(&exc_MemoryError)) sqlite3_result_error_nomem(ctx);
    else if (err_matches(&exc_OverflowError)) sqlite3_result_error_toobig(ctx);
    else sqlite3_result_error(ctx, msg, -1);
    sqm_callback_error(f->callable);
}

/* The arguments of a call from SQL as a tuple. */
static Value sqf_args(int argc, sqlite3_value **argv) {
    Value t = tuple_new(argc);
    if (IS_NULL(t)) return VAL_NULL;
    for (int i = 0; i < argc; i++) AS_TUPLE(t)->items[i] = VAL_NONE;
    for (int i = 0; i < argc; i++) {
        Value v = sqs_from_value(argv[i]);
        if (IS_NULL(v)) return VAL_NULL;
        AS_TUPLE(t)->items[i] = v;
    }
    return t;
}

static Value sqf_call_tuple(Value fn, Value args) {
    return call_value(fn, AS_TUPLE(args)->items, (int)AS_TUPLE(args)->len, VAL_NULL);
}

/* ---- scalar functions ---------------------------------------------------------------------------- */

static void sqf_func_cb(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    ThreadState *ts = sq_callback_enter();
    SqFunc *f = sqlite3_user_data(ctx);
    Value args = sqf_args(argc, argv);
    Value r = IS_NULL(args) ? VAL_NULL : sqf_call_tuple(f->callable, args);
    if (IS_NULL(r) || sqs_set_result(ctx, r) < 0) sqf_result_error(ctx, "user-defined function raised exception");
    sq_callback_leave(ts);
}

static int sqf_name_arg(const char *fn, const char *param, Value v) {
    if (IS_STR(v)) return sqs_check_utf8(v);
    err_format(&exc_TypeError, "%s() argument %s must be str, not %T", fn, param, v);
    return -1;
}

/* What create_function, create_aggregate and create_window_function check
 * first: a usable connection, a name and an argument count. */
static SqlConn *sqf_creation_args(Value *args, const char *fn, const char *param, int *narg) {
    SqlConn *c = SQ_CONN(args[0]);
    if (sqc_check(c) < 0 || sqf_name_arg(fn, param, args[1]) < 0 || arg_to_int(args[2], narg) < 0) return NULL;
    return c;
}

/* create_function(name, narg, func, *, deterministic=False) */
Value sqf_create_function(Value *args, int nargs, Value kwnames) {
    int narg, det = 0;
    SqlConn *c = sqf_creation_args(args, "create_function", "'name'", &narg);
    if (!c || (!IS_NULL(args[4]) && (det = obj_truthy(args[4])) < 0)) return VAL_NULL;
    int flags = SQLITE_UTF8 | (det ? SQLITE_DETERMINISTIC : 0);
    SqFunc *f = sqf_context(c, args[3]);   /* None too: calling it fails, as in CPython */
    if (!f) return VAL_NULL;
    int rc = sqlite3_create_function_v2(c->db, STR_DATA(args[1]), narg, flags, f, sqf_func_cb, NULL, NULL,
                                        sqf_destroy);   /* on failure SQLite destroys f itself */
    if (rc != SQLITE_OK) return sqm_raise(SQE_OperationalError, "Error creating function");
    return sqf_keep(c, "function", args[1], narg, args[3]);
}

/* ---- aggregates and window functions ----------------------------------------------------------- */

typedef struct SqAgg {
    int   made;
    Value inst;
} SqAgg;

/* The aggregate instance of this group, made on the first step; NULL raised
 * (*failed set) or, without create, when there is none. */
static Value sqf_agg_instance(sqlite3_context *ctx, int create) {
    SqAgg *a = sqlite3_aggregate_context(ctx, create ? (int)sizeof(SqAgg) : 0);
    if (!a) {
        if (create) err_no_memory();
        return VAL_NULL;
    }
    if (a->made) return a->inst;
    if (!create) return VAL_NULL;
    SqFunc *f = sqlite3_user_data(ctx);
    Value inst = call0(f->callable);
    if (IS_NULL(inst)) return VAL_NULL;
    if (dict_set(f->conn->aggregates, int_from_i64((int64_t)(intptr_t)a), inst) < 0) return VAL_NULL;
    a->inst = inst;
    a->made = 1;
    return inst;
}

static void sqf_agg_forget(sqlite3_context *ctx) {
    SqAgg *a = sqlite3_aggregate_context(ctx, 0);
    SqFunc *f = sqlite3_user_data(ctx);
    if (!a || !a->made) return;
    Value exc = err_fetch();
    if (dict_del(f->conn->aggregates, int_from_i64((int64_t)(intptr_t)a)) < 0) err_clear();
    if (!IS_NULL(exc)) err_set_obj(exc);
    a->made = 0;
}

/* inst.NAME(*args) for step and inverse; the error message names the method. */
static void sqf_agg_method(sqlite3_context *ctx, const char *name, int argc, sqlite3_value **argv) {
    if (sq_draining) return;
    ThreadState *ts = sq_callback_enter();
    Value inst = sqf_agg_instance(ctx, 1);
    char msg[80];
    if (IS_NULL(inst)) {
        if (err_occurred()) sqf_result_error(ctx, "user-defined aggregate's '__init__' method raised error");
        sq_callback_leave(ts);
        return;
    }
    Value m = obj_getattr_c(inst, name);
    Value args = IS_NULL(m) ? VAL_NULL : sqf_args(argc, argv);
    Value r = IS_NULL(args) ? VAL_NULL : sqf_call_tuple(m, args);
    if (IS_NULL(r)) {
        snprintf(msg, sizeof msg, "user-defined aggregate's '%s' method %s", name,
                 err_matches(&exc_AttributeError) ? "not defined" : "raised error");
        sqf_result_error(ctx, msg);
    }
    sq_callback_leave(ts);
}

static void sqf_step_cb(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    sqf_agg_method(ctx, "step", argc, argv);
}

static void sqf_inverse_cb(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    sqf_agg_method(ctx, "inverse", argc, argv);
}

/* finalize() (final) or value() (window value): the method's result is the SQL result. */
static void sqf_agg_result(sqlite3_context *ctx, const char *name, int final) {
    if (sq_draining) return;   /* a dead statement's: its instance may be gone */
    ThreadState *ts = sq_callback_enter();
    Value inst = sqf_agg_instance(ctx, 0);
    if (!IS_NULL(inst)) {
        Value exc = err_fetch();   /* finalize runs even after a failed step */
        Value m = obj_getattr_c(inst, name);
        Value r = IS_NULL(m) ? VAL_NULL : call0(m);
        if (IS_NULL(r) || sqs_set_result(ctx, r) < 0) {
            char msg[80];
            snprintf(msg, sizeof msg, "user-defined aggregate's '%s' method %s", name,
                     err_matches(&exc_AttributeError) ? "not defined" : "raised error");
            sqf_result_error(ctx, msg);
        }
        if (!IS_NULL(exc)) err_set_obj(exc);
        if (final) sqf_agg_forget(ctx);
    }
    sq_callback_leave(ts);
}

static void sqf_final_cb(sqlite3_context *ctx) { sqf_agg_result(ctx, "finalize", 1); }
static void sqf_value_cb(sqlite3_context *ctx) { sqf_agg_result(ctx, "value", 0); }

/* create_aggregate(name, n_arg, aggregate_class) */
Value sqf_create_aggregate(Value *args, int nargs, Value kwnames) {
    int narg;
    SqlConn *c = sqf_creation_args(args, "create_aggregate", "'name'", &narg);
    if (!c) return VAL_NULL;
    SqFunc *f = sqf_context(c, args[3]);
    if (!f) return VAL_NULL;
    int rc = sqlite3_create_function_v2(c->db, STR_DATA(args[1]), narg, SQLITE_UTF8, f, NULL, sqf_step_cb,
                                        sqf_final_cb, sqf_destroy);
    if (rc != SQLITE_OK) return sqm_raise(SQE_OperationalError, "Error creating aggregate");
    return sqf_keep(c, "function", args[1], narg, args[3]);
}

/* create_window_function(name, num_params, aggregate_class, /) */
Value sqf_create_window_function(Value *args, int nargs, Value kwnames) {
    int narg;
    SqlConn *c = sqf_creation_args(args, "create_window_function", "1", &narg);
    if (!c) return VAL_NULL;
    int rc;
    if (IS_NONE(args[3])) {
        rc = sqlite3_create_window_function(c->db, STR_DATA(args[1]), narg, SQLITE_UTF8, NULL, NULL, NULL, NULL,
                                            NULL, NULL);
    } else {
        SqFunc *f = sqf_context(c, args[3]);
        if (!f) return VAL_NULL;
        rc = sqlite3_create_window_function(c->db, STR_DATA(args[1]), narg, SQLITE_UTF8, f, sqf_step_cb,
                                            sqf_final_cb, sqf_value_cb, sqf_inverse_cb, sqf_destroy);
    }
    if (rc != SQLITE_OK) return sqm_raise(SQE_ProgrammingError, "%s", sqlite3_errstr(rc));
    return sqf_keep(c, "function", args[1], narg, args[3]);
}

/* ---- collations ------------------------------------------------------------------------------------ */

static int sqf_collation_cb(void *p, int n1, const void *s1, int n2, const void *s2) {
    ThreadState *ts = sq_callback_enter();
    SqFunc *f = p;
    int result = 0;
    Value a = str_new_checked(s1, (size_t)n1);
    Value b = IS_NULL(a) ? VAL_NULL : str_new_checked(s2, (size_t)n2);
    Value r = IS_NULL(b) ? VAL_NULL : call2(f->callable, a, b);
    if (!IS_NULL(r) && IS_INT(r)) {
        int sign = int_sign(r);
        result = sign;
    }
    err_clear();
    sq_callback_leave(ts);
    return result;
}

Value sqf_create_collation(Value *args, int nargs, Value kwnames) {
    SqlConn *c = SQ_CONN(args[0]);
    if (sqc_check(c) < 0 || sqf_name_arg("create_collation", "1", args[1]) < 0) return VAL_NULL;
    int rc;
    if (IS_NONE(args[2])) {
        rc = sqlite3_create_collation_v2(c->db, STR_DATA(args[1]), SQLITE_UTF8, NULL, NULL, NULL);
    } else {
        if (!call_is_callable(args[2])) return err_format(&exc_TypeError, "parameter must be callable");
        SqFunc *f = sqf_context(c, args[2]);
        if (!f) return VAL_NULL;
        rc = sqlite3_create_collation_v2(c->db, STR_DATA(args[1]), SQLITE_UTF8, f, sqf_collation_cb, sqf_destroy);
        if (rc != SQLITE_OK) free(f);   /* unlike every other registration, SQLite leaves it to us */
    }
    if (rc != SQLITE_OK) return sqm_set_error(c->db);
    return sqf_keep(c, "collation", args[1], 0, args[2]);
}

/* ---- authorizer, progress handler, trace ------------------------------------------------------------ */

static Value sqf_str_or_none(const char *s) { return s ? str_from_c(s) : VAL_NONE; }

static int sqf_authorizer_cb(void *p, int action, const char *a1, const char *a2, const char *db, const char *src) {
    ThreadState *ts = sq_callback_enter();
    SqlConn *c = p;
    int rc = SQLITE_DENY;
    Value args[5] = {MK_SMALLINT(action), sqf_str_or_none(a1), sqf_str_or_none(a2), sqf_str_or_none(db),
                     sqf_str_or_none(src)};
    Value r = VAL_NULL;
    if (!IS_NULL(args[1]) && !IS_NULL(args[2]) && !IS_NULL(args[3]) && !IS_NULL(args[4]))
        r = call_value(c->authorizer, args, 5, VAL_NULL);
    if (!IS_NULL(r) && IS_INT(r)) {
        int v;
        if (arg_to_cint(r, &v) == 0) rc = v;
    }
    sqm_callback_error(c->authorizer);
    sq_callback_leave(ts);
    return rc;
}

Value sqf_set_authorizer(Value *args, int nargs, Value kwnames) {
    SqlConn *c = SQ_CONN(args[0]);
    if (sqc_check(c) < 0) return VAL_NULL;
    int rc = IS_NONE(args[1]) ? sqlite3_set_authorizer(c->db, NULL, NULL)
                              : sqlite3_set_authorizer(c->db, sqf_authorizer_cb, c);
    if (rc != SQLITE_OK) return sqm_raise(SQE_OperationalError, "Error setting authorizer callback");
    c->authorizer = args[1];
    return VAL_NONE;
}

static int sqf_progress_cb(void *p) {
    ThreadState *ts = sq_callback_enter();
    SqlConn *c = p;
    Value r = call0(c->progress);
    int stop = IS_NULL(r) ? -1 : obj_truthy(r);
    sqm_callback_error(c->progress);
    sq_callback_leave(ts);
    return stop != 0;
}

Value sqf_set_progress_handler(Value *args, int nargs, Value kwnames) {
    SqlConn *c = SQ_CONN(args[0]);
    int n;
    if (sqc_check(c) < 0 || arg_to_int(args[2], &n) < 0) return VAL_NULL;
    if (IS_NONE(args[1])) sqlite3_progress_handler(c->db, 0, NULL, NULL);
    else sqlite3_progress_handler(c->db, n, sqf_progress_cb, c);
    c->progress = args[1];
    return VAL_NONE;
}

static int sqf_trace_cb(unsigned type, void *p, void *stmt, void *x) {
    if (type != SQLITE_TRACE_STMT) return 0;
    ThreadState *ts = sq_callback_enter();
    SqlConn *c = p;
    char *expanded = sqlite3_expanded_sql(stmt);
    Value text;
    if (expanded) {
        text = str_new_checked(expanded, strlen(expanded));
        sqlite3_free(expanded);
    } else {
        sqm_raise(SQE_DataError, "Expanded SQL string exceeds the maximum string length");
        sqm_callback_error(c->trace);
        text = str_from_c(x);
    }
    if (!IS_NULL(text)) call1(c->trace, text);
    sqm_callback_error(c->trace);
    sq_callback_leave(ts);
    return 0;
}

Value sqf_set_trace_callback(Value *args, int nargs, Value kwnames) {
    SqlConn *c = SQ_CONN(args[0]);
    if (sqc_check(c) < 0) return VAL_NULL;
    if (IS_NONE(args[1])) sqlite3_trace_v2(c->db, SQLITE_TRACE_STMT, NULL, NULL);
    else sqlite3_trace_v2(c->db, SQLITE_TRACE_STMT, sqf_trace_cb, c);
    c->trace = args[1];
    return VAL_NONE;
}
