/* sqlite_conn.c - `_sqlite3.Connection`: one sqlite3 database handle, its
 * statement cache, the legacy transaction control of CPython 3.11 (a BEGIN
 * issued before the first INSERT/UPDATE/DELETE/REPLACE unless
 * isolation_level is None), limits, backup, blobs, serialize/deserialize.
 *
 * A connection belongs to the thread that made it unless check_same_thread
 * is false.  Opening, preparing, stepping, backing up and sleeping run with
 * the GIL released (sq_gil_release); what libsqlite3 calls back takes it
 * again (sqlite_callback.c).  The handle is closed with sqlite3_close_v2, so
 * Statements and Blobs still alive keep it as a "zombie" until they go, in
 * whatever order the collector finalizes them.  The callables libsqlite3
 * holds pointers to are kept alive by the connection's `keep` list.
 */
#include <stdio.h>
#include <string.h>

#include "stdlib/sqlite.h"
#include "runtime/audit.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_list.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "interp/import.h"

#define CONN(v) SQ_CONN(v)

static void sqc_trace(Obj *o) {
    SqlConn *c = (SqlConn *)o;
    gc_mark_value(c->isolation_level);
    gc_mark_value(c->row_factory);
    gc_mark_value(c->text_factory);
    gc_mark_value(c->stmt_cache);
    gc_mark_value(c->keep);
    gc_mark_value(c->aggregates);
    gc_mark_value(c->blobs);
    gc_mark_value(c->authorizer);
    gc_mark_value(c->progress);
    gc_mark_value(c->trace);
}

static void sqc_finalize(Obj *o) {
    SqlConn *c = (SqlConn *)o;
    if (c->db) sq_defer_free(SQ_DEAD_DB, c->db);
    c->db = NULL;
}

/* ---- checks ---------------------------------------------------------------------------------- */

int sqc_check_thread(SqlConn *c) {
    if (!c->check_same_thread || ts_get()->ident == c->thread_ident) return 0;
    sqm_raise(SQE_ProgrammingError, "SQLite objects created in a thread can only be used in that same thread. "
              "The object was created in thread id %llu and this is thread id %llu.",
              (unsigned long long)c->thread_ident, (unsigned long long)ts_get()->ident);
    return -1;
}

int sqc_check_open(SqlConn *c) {
    if (!c->initialized) {
        sqm_raise(SQE_ProgrammingError, "Base Connection.__init__ not called.");
        return -1;
    }
    if (!c->db) {
        sqm_raise(SQE_ProgrammingError, "Cannot operate on a closed database.");
        return -1;
    }
    return 0;
}

int sqc_check(SqlConn *c) { return sqc_check_thread(c) < 0 || sqc_check_open(c) < 0 ? -1 : 0; }

int sqc_exec(SqlConn *c, const char *sql) {
    sqlite3_stmt *st = NULL;
    sqlite3 *db = c->db;   /* read with the GIL: another thread may close c meanwhile */
    sq_gil_release();
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_DONE) rc = SQLITE_OK;
        int rc2 = sqlite3_finalize(st);
        if (rc == SQLITE_OK) rc = rc2;
    }
    sq_gil_acquire();
    if (rc != SQLITE_OK) {
        sqm_set_error(db);
        if (!err_occurred()) sqm_raise(SQE_OperationalError, "%s", sqlite3_errstr(rc));
        return -1;
    }
    return 0;
}

int sqc_begin(SqlConn *c) {
    char sql[32];
    snprintf(sql, sizeof sql, "BEGIN %s", STR_DATA(c->isolation_level));
    return sqc_exec(c, sql);
}

/* Close the handle (its blobs first); Statements still alive keep it a zombie. */
static void sqc_close_db(SqlConn *c) {
    sqlite3 *db = c->db;
    if (!db) return;
    sqb_close_all(c);
    c->db = NULL;
    sq_gil_release();
    sqlite3_close_v2(db);
    sq_gil_acquire();
}

/* ---- creation ---------------------------------------------------------------------------------- */

static Value sqc_new_m(Value *args, int nargs, Value kwnames) {
    SqlConn *c = (SqlConn *)obj_new_instance(AS_TYPE(args[0]));
    if (!c) return VAL_NULL;
    c->isolation_level = c->row_factory = c->text_factory = VAL_NONE;
    c->stmt_cache = c->keep = c->aggregates = c->blobs = VAL_NONE;
    c->authorizer = c->progress = c->trace = VAL_NONE;
    return MK_OBJ(c);
}

/* isolation_level: None, or '', DEFERRED, IMMEDIATE, EXCLUSIVE in any case. */
static Value sqc_isolation_arg(Value v) {
    if (IS_NONE(v)) return v;
    if (!IS_STR(v)) return err_format(&exc_TypeError, "isolation_level must be str or None");
    static const char *const ok[] = {"", "DEFERRED", "IMMEDIATE", "EXCLUSIVE"};
    for (int i = 0; i < 4; i++)
        if ((int64_t)strlen(ok[i]) == (int64_t)STR_LEN(v) && strcasecmp(ok[i], STR_DATA(v)) == 0) return str_from_c(ok[i]);
    return err_format(&exc_ValueError,
                      "isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'");
}

/* The database argument as a file system path in bytes. */
static Value sqc_database_arg(Value v) {
    Value p = arg_to_path(v);
    if (IS_NULL(p) || IS_BYTES(p)) return p;
    Value keep = VAL_NULL;
    const char *s = str_fsencode(p, &keep);
    if (!s) return VAL_NULL;
    return bytes_new(s, strlen(s));
}

static int sqc_open(SqlConn *c, const char *path, int uri, double timeout) {
    sqlite3 *db = NULL;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | (uri ? SQLITE_OPEN_URI : 0);
    sq_gil_release();
    int rc = sqlite3_open_v2(path, &db, flags, NULL);
    if (rc == SQLITE_OK) sqlite3_busy_timeout(db, (int)(timeout * 1000));
    sq_gil_acquire();
    if (!db) {
        err_no_memory();
        return -1;
    }
    if (rc != SQLITE_OK) {
        sqm_set_error(db);
        sqlite3_close_v2(db);
        return -1;
    }
    c->db = db;
    return 0;
}

/* __init__(database, timeout=5.0, detect_types=0, isolation_level='', check_same_thread=True,
 *          factory=Connection, cached_statements=128, uri=False) */
static Value sqc_init_m(Value *args, int nargs, Value kwnames) {
    SqlConn *c = CONN(args[0]);
    double timeout = 5.0;
    int detect = 0, same_thread = 1, cache = 128, uri = 0;
    Value level = str_empty();
    Value path = sqc_database_arg(args[1]);
    if (IS_NULL(path)) return VAL_NULL;
    if ((!IS_NULL(args[2]) && arg_to_double(args[2], &timeout) < 0)
        || (!IS_NULL(args[3]) && arg_to_int(args[3], &detect) < 0)
        || (!IS_NULL(args[4]) && IS_NULL(level = sqc_isolation_arg(args[4])))
        || (!IS_NULL(args[5]) && (same_thread = obj_truthy(args[5])) < 0)
        || (!IS_NULL(args[7]) && arg_to_int(args[7], &cache) < 0)
        || (!IS_NULL(args[8]) && (uri = obj_truthy(args[8])) < 0))
        return VAL_NULL;
    if (memchr(AS_BYTES(path)->data, 0, (size_t)AS_BYTES(path)->len))
        return err_format(&exc_ValueError, "embedded null byte");
    if (audit_active() && audit("sqlite3.connect", "O", args[1]) < 0) return VAL_NULL;
    sqc_close_db(c);
    c->initialized = 0;
    if (sqc_open(c, (const char *)AS_BYTES(path)->data, uri, timeout) < 0) return VAL_NULL;
    c->stmt_cache = dict_new();
    c->keep = dict_new();
    c->aggregates = dict_new();
    c->blobs = list_new(0);
    if (IS_NULL(c->stmt_cache) || IS_NULL(c->keep) || IS_NULL(c->aggregates) || IS_NULL(c->blobs))
        return VAL_NULL;
    c->detect_types = detect;
    c->check_same_thread = same_thread;
    c->cache_size = cache;
    c->thread_ident = ts_get()->ident;
    c->isolation_level = level;
    c->row_factory = VAL_NONE;
    c->text_factory = MK_OBJ(&type_str);
    c->initialized = 1;
    if (audit_active() && audit("sqlite3.connect/handle", "O", args[0]) < 0) return VAL_NULL;
    return VAL_NONE;
}

/* ---- transactions ------------------------------------------------------------------------------ */

static Value sqc_commit_m(Value *args, int nargs, Value kwnames) {
    SqlConn *c = CONN(args[0]);
    if (sqc_check(c) < 0) return VAL_NULL;
    if (!sqlite3_get_autocommit(c->db) && sqc_exec(c, "COMMIT") < 0) return VAL_NULL;
    return VAL_NONE;
}

static Value sqc_rollback_m(Value *args, int nargs, Value kwnames) {
    SqlConn *c = CONN(args[0]);
    if (sqc_check(c) < 0) return VAL_NULL;
    if (!sqlite3_get_autocommit(c->db) && sqc_exec(c, "ROLLBACK") < 0) return VAL_NULL;
    return VAL_NONE;
}

static Value sqc_close_m(Value *args, int nargs, Value kwnames) {
    SqlConn *c = CONN(args[0]);
    if (sqc_check_thread(c) < 0) return VAL_NULL;
    if (!c->initialized) return sqm_raise(SQE_ProgrammingError, "Base Connection.__init__ not called.");
    if (c->db) dict_clear(c->stmt_cache);
    sqc_close_db(c);
    return VAL_NONE;
}

static Value sqc_enter_m(Value *args, int nargs, Value kwnames) {
    if (sqc_check_open(CONN(args[0])) < 0) return VAL_NULL;
    return args[0];
}

/* __exit__: commit when the block ended normally, else roll back; never swallows. */
static Value sqc_exit_m(Value *args, int nargs, Value kwnames) {
    Value r = obj_call_method(args[0], IS_NONE(args[1]) ? "commit" : "rollback", NULL, 0);
    if (IS_NULL(r) && IS_NONE(args[1])) {
        Value exc = err_fetch();
        Value r2 = obj_call_method(args[0], "rollback", NULL, 0);
        if (IS_NULL(r2)) err_clear();
        err_set_obj(exc);
    }
    return IS_NULL(r) ? VAL_NULL : VAL_FALSE;
}

/* ---- cursors and shortcuts ---------------------------------------------------------------------- */

static Value sqc_cursor_m(Value *args, int nargs, Value kwnames) {
    SqlConn *c = CONN(args[0]);
    if (sqc_check(c) < 0) return VAL_NULL;
    Value factory = IS_NULL(args[1]) ? MK_OBJ(&type_sqlcursor) : args[1];
    Value cur = call1(factory, args[0]);
    if (IS_NULL(cur)) return VAL_NULL;
    if (!val_isinstance(cur, &type_sqlcursor))
        return err_format(&exc_TypeError, "factory must return a cursor, not %s", val_type_name(cur));
    if (!IS_NONE(c->row_factory)) SQ_CURSOR(cur)->row_factory = c->row_factory;
    return cur;
}

/* cursor().NAME(args...): execute, executemany, executescript. */
static Value sqc_via_cursor(Value self, const char *name, Value *args, int n) {
    Value cur = obj_call_method(self, "cursor", NULL, 0);
    if (IS_NULL(cur)) return VAL_NULL;
    return obj_call_method(cur, name, args, n);
}

static Value sqc_execute_m(Value *args, int nargs, Value kwnames) {
    return sqc_via_cursor(args[0], "execute", args + 1, IS_NULL(args[2]) ? 1 : 2);
}

static Value sqc_executemany_m(Value *args, int nargs, Value kwnames) {
    return sqc_via_cursor(args[0], "executemany", args + 1, 2);
}

static Value sqc_executescript_m(Value *args, int nargs, Value kwnames) {
    return sqc_via_cursor(args[0], "executescript", args + 1, 1);
}

/* conn(sql): a prepared statement (CPython's statement factory). */
static Value sqc_call_m(Value *args, int nargs, Value kwnames) {
    SqlConn *c = CONN(args[0]);
    if (sqc_check(c) < 0) return VAL_NULL;
    if (!IS_NULL(kwnames)) return err_format(&exc_TypeError, "Connection() takes no keyword arguments");
    if (nargs != 2) return err_format(&exc_TypeError, "Connection() takes exactly 1 argument (%d given)", nargs - 1);
    if (!IS_STR(args[1])) return err_format(&exc_TypeError, "Connection() argument 1 must be str, not %T", args[1]);
    return sqs_get(c, args[1]);
}

static Value sqc_interrupt_m(Value *args, int nargs, Value kwnames) {
    SqlConn *c = CONN(args[0]);
    if (sqc_check_open(c) < 0) return VAL_NULL;
    sqlite3_interrupt(c->db);
    return VAL_NONE;
}

static Value sqc_iterdump_m(Value *args, int nargs, Value kwnames) {
    if (sqc_check(CONN(args[0])) < 0) return VAL_NULL;
    Value mod = import_module_c("sqlite3.dump");
    if (IS_NULL(mod)) return VAL_NULL;
    Value fn = obj_getattr_c(mod, "_iterdump");
    return IS_NULL(fn) ? VAL_NULL : call1(fn, args[0]);
}

/* ---- limits, extensions ---------------------------------------------------------------------------- */

static Value sqc_limit(SqlConn *c, Value category, int value) {
    int cat;
    if (sqc_check(c) < 0 || arg_to_int(category, &cat) < 0) return VAL_NULL;
    int old = sqlite3_limit(c->db, cat, value);
    if (old < 0) return sqm_raise(SQE_ProgrammingError, "'category' is out of bounds");
    return MK_SMALLINT(old);
}

static Value sqc_getlimit_m(Value *args, int nargs, Value kwnames) { return sqc_limit(CONN(args[0]), args[1], -1); }

static Value sqc_setlimit_m(Value *args, int nargs, Value kwnames) {
    int limit;
    if (sqc_check(CONN(args[0])) < 0 || arg_to_int(args[2], &limit) < 0) return VAL_NULL;
    return sqc_limit(CONN(args[0]), args[1], limit);
}

static Value sqc_enable_load_extension_m(Value *args, int nargs, Value kwnames) {
    SqlConn *c = CONN(args[0]);
    int on;
    if (sqc_check(c) < 0 || (on = obj_truthy(args[1])) < 0) return VAL_NULL;
    if (audit_active() && audit("sqlite3.enable_load_extension", "OO", args[0], MK_BOOL(on)) < 0)
        return VAL_NULL;
    if (sqlite3_enable_load_extension(c->db, on) != SQLITE_OK)
        return sqm_raise(SQE_OperationalError, "Error enabling load extension");
    return VAL_NONE;
}

static Value sqc_load_extension_m(Value *args, int nargs, Value kwnames) {
    SqlConn *c = CONN(args[0]);
    if (sqc_check(c) < 0) return VAL_NULL;
    if (!IS_STR(args[1])) return err_format(&exc_TypeError, "load_extension() argument must be str, not %T", args[1]);
    if (audit_active() && audit("sqlite3.load_extension", "OO", args[0], args[1]) < 0) return VAL_NULL;
    char *msg = NULL;
    sqlite3 *db = c->db;
    sq_gil_release();
    int rc = sqlite3_load_extension(db, STR_DATA(args[1]), NULL, &msg);
    sq_gil_acquire();
    if (rc != SQLITE_OK) {
        sqm_raise(SQE_OperationalError, "%s", msg ? msg : "error loading extension");
        sqlite3_free(msg);
        return VAL_NULL;
    }
    return VAL_NONE;
}

/* ---- backup, blobs, serialization ------------------------------------------------------------------- */

static int sqc_backup_loop(sqlite3_backup *b, int pages, Value progress, int sleep_ms) {
    int rc;
    do {
        sq_gil_release();
        rc = sqlite3_backup_step(b, pages);
        sq_gil_acquire();
        if (!IS_NONE(progress)) {
            Value r = call3(progress, MK_SMALLINT(rc), MK_SMALLINT(sqlite3_backup_remaining(b)),
                            MK_SMALLINT(sqlite3_backup_pagecount(b)));
            if (IS_NULL(r)) return -1;
        }
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            sq_gil_release();
            sqlite3_sleep(sleep_ms);
            sq_gil_acquire();
        }
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    return 0;
}

/* backup(target, *, pages=-1, progress=None, name='main', sleep=0.25) */
static Value sqc_backup_m(Value *args, int nargs, Value kwnames) {
    SqlConn *c = CONN(args[0]);
    Value target = args[1], progress = IS_NULL(args[3]) ? VAL_NONE : args[3];
    int pages = -1;
    double sleep = 0.25;
    if (sqc_check(c) < 0) return VAL_NULL;
    if (!val_isinstance(target, &type_sqlconn))
        return err_format(&exc_TypeError, "backup() argument 'target' must be sqlite3.Connection, not %T", target);
    if (sqc_check_open(CONN(target)) < 0) return VAL_NULL;
    if (target == args[0]) return err_format(&exc_ValueError, "target cannot be the same connection instance");
    if (!IS_NULL(args[2]) && arg_to_int(args[2], &pages) < 0) return VAL_NULL;
    if (!IS_NONE(progress) && !call_is_callable(progress))
        return err_format(&exc_TypeError, "progress argument must be a callable");
    if (!IS_NULL(args[4]) && !IS_STR(args[4]))
        return err_format(&exc_TypeError, "backup() argument 'name' must be str, not %T", args[4]);
    if (!IS_NULL(args[5]) && arg_to_double(args[5], &sleep) < 0) return VAL_NULL;
    if (pages == 0) pages = -1;
    const char *name = IS_NULL(args[4]) ? "main" : STR_DATA(args[4]);
    sqlite3 *tdb = CONN(target)->db, *db = c->db;
    sq_gil_release();
    sqlite3_backup *b = sqlite3_backup_init(tdb, "main", db, name);
    sq_gil_acquire();
    if (!b) return sqm_set_error(tdb);
    int failed = sqc_backup_loop(b, pages, progress, (int)(sleep * 1000));
    sq_gil_release();
    int rc = sqlite3_backup_finish(b);
    sq_gil_acquire();
    if (failed) return VAL_NULL;
    if (rc != SQLITE_OK) return sqm_set_error(tdb);
    return VAL_NONE;
}

/* blobopen(table, column, row, /, *, readonly=False, name='main') */
static Value sqc_blobopen_m(Value *args, int nargs, Value kwnames) {
    SqlConn *c = CONN(args[0]);
    if (sqc_check(c) < 0) return VAL_NULL;
    const char *what[3] = {"table", "column", "name"};
    Value strs[3] = {args[1], args[2], IS_NULL(args[5]) ? VAL_NULL : args[5]};
    for (int i = 0; i < 3; i++)
        if (!IS_NULL(strs[i]) && !IS_STR(strs[i]))
            return err_format(&exc_TypeError, "blobopen() argument '%s' must be str, not %T", what[i], strs[i]);
    int64_t row;
    int ro = 0;
    if (arg_to_long(args[3], &row) < 0 || (!IS_NULL(args[4]) && (ro = obj_truthy(args[4])) < 0)) return VAL_NULL;
    sqlite3_blob *b = NULL;
    sqlite3 *db = c->db;
    sq_gil_release();
    int rc = sqlite3_blob_open(db, IS_NULL(args[5]) ? "main" : STR_DATA(args[5]), STR_DATA(args[1]),
                               STR_DATA(args[2]), row, !ro, &b);
    sq_gil_acquire();
    if (rc == SQLITE_MISUSE) return sqm_raise(SQE_InterfaceError, "%s", sqlite3_errstr(rc));
    if (rc != SQLITE_OK) return sqm_set_error(db);
    return sqb_new(args[0], b);
}

static Value sqc_serialize_m(Value *args, int nargs, Value kwnames) {
    SqlConn *c = CONN(args[0]);
    if (sqc_check(c) < 0) return VAL_NULL;
    if (!IS_NULL(args[1]) && !IS_STR(args[1]))
        return err_format(&exc_TypeError, "serialize() argument 'name' must be str, not %T", args[1]);
    const char *name = IS_NULL(args[1]) ? "main" : STR_DATA(args[1]);
    sqlite3_int64 size = 0;
    int copied = 0;
    sqlite3 *db = c->db;
    sq_gil_release();
    unsigned char *data = sqlite3_serialize(db, name, &size, SQLITE_SERIALIZE_NOCOPY);
    if (!data) {
        data = sqlite3_serialize(db, name, &size, 0);
        copied = 1;
    }
    sq_gil_acquire();
    if (!data) return sqm_raise(SQE_OperationalError, "unable to serialize '%s'", name);
    Value r = bytes_new(data, (size_t)size);
    if (copied) sqlite3_free(data);
    return r;
}

static Value sqc_deserialize_m(Value *args, int nargs, Value kwnames) {
    SqlConn *c = CONN(args[0]);
    if (sqc_check(c) < 0) return VAL_NULL;
    if (!IS_NULL(args[2]) && !IS_STR(args[2]))
        return err_format(&exc_TypeError, "deserialize() argument 'name' must be str, not %T", args[2]);
    if (IS_STR(args[1])) return err_format(&exc_TypeError, "a bytes-like object is required, not 'str'");
    Buffer b;
    if (buffer_get(args[1], &b, BUF_SIMPLE) < 0) return VAL_NULL;
    unsigned char *copy = sqlite3_malloc64(b.len > 0 ? (sqlite3_uint64)b.len : 1);
    if (!copy) {
        buffer_release(&b);
        return err_no_memory();
    }
    memcpy(copy, b.buf, (size_t)b.len);
    int64_t len = b.len;
    buffer_release(&b);
    const char *name = IS_NULL(args[2]) ? "main" : STR_DATA(args[2]);
    sqlite3 *db = c->db;
    sq_gil_release();
    int rc = sqlite3_deserialize(db, name, copy, len, len,
                                 SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
    sq_gil_acquire();
    if (rc != SQLITE_OK) return sqm_set_error(db);
    return VAL_NONE;
}

/* ---- attributes --------------------------------------------------------------------------------- */

static Value sqc_get_isolation_level(Value self) {
    if (sqc_check_open(CONN(self)) < 0) return VAL_NULL;
    return CONN(self)->isolation_level;
}

static int sqc_set_isolation_level(Value self, Value v) {
    SqlConn *c = CONN(self);
    if (IS_NULL(v)) {
        err_format(&exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    if (sqc_check(c) < 0) return -1;
    Value level = sqc_isolation_arg(v);
    if (IS_NULL(level)) return -1;
    if (IS_NONE(level) && !sqlite3_get_autocommit(c->db) && sqc_exec(c, "COMMIT") < 0) return -1;
    c->isolation_level = level;
    return 0;
}

static Value sqc_get_total_changes(Value self) {
    if (sqc_check_open(CONN(self)) < 0) return VAL_NULL;
    return MK_SMALLINT(sqlite3_total_changes(CONN(self)->db));
}

static Value sqc_get_in_transaction(Value self) {
    if (sqc_check_open(CONN(self)) < 0) return VAL_NULL;
    return MK_BOOL(!sqlite3_get_autocommit(CONN(self)->db));
}

static Value sqc_get_row_factory(Value self) { return CONN(self)->row_factory; }
static Value sqc_get_text_factory(Value self) { return CONN(self)->text_factory; }

static int sqc_set_factory(Value *slot, Value v) {
    if (IS_NULL(v)) {
        err_format(&exc_AttributeError, "can't delete attribute");   /* a member: "can't delete" */
        return -1;
    }
    *slot = v;
    return 0;
}

static int sqc_set_row_factory(Value self, Value v) { return sqc_set_factory(&CONN(self)->row_factory, v); }
static int sqc_set_text_factory(Value self, Value v) { return sqc_set_factory(&CONN(self)->text_factory, v); }

static const GetSetDef sqc_getsets[] = {
    {"isolation_level", sqc_get_isolation_level, sqc_set_isolation_level, NULL},
    {"total_changes", sqc_get_total_changes, NULL, NULL},
    {"in_transaction", sqc_get_in_transaction, NULL, NULL},
    {"row_factory", sqc_get_row_factory, sqc_set_row_factory, NULL},
    {"text_factory", sqc_get_text_factory, sqc_set_text_factory, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef sqc_methods[] = {
    {"__new__", sqc_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", sqc_init_m, ARGS_KW, NULL,
     "Connection($self, /, database, timeout=5.0, detect_types=0, isolation_level='', "
     "check_same_thread=True, factory=ConnectionType, cached_statements=128, uri=False)"},
    {"__call__", sqc_call_m, ARGS_ANY, NULL},
    {"cursor", sqc_cursor_m, ARGS_KW, "Return a cursor for the connection.", "($self, /, factory=<unrepresentable>)"},
    {"close", sqc_close_m, ARGS_NONE, "Close the database connection.", "($self, /)"},
    {"commit", sqc_commit_m, ARGS_NONE, "Commit the current transaction.", "($self, /)"},
    {"rollback", sqc_rollback_m, ARGS_NONE, "Roll back the current transaction.", "($self, /)"},
    {"execute", sqc_execute_m, ARGS_POS(1, 2), "Executes an SQL statement.", "($self, sql, parameters=<unrepresentable>, /)"},
    {"executemany", sqc_executemany_m, ARGS_POS(2, 2), "Repeatedly executes an SQL statement.",
     "($self, sql, parameters, /)"},
    {"executescript", sqc_executescript_m, ARGS_ONE, "Executes multiple SQL statements at once.",
     "($self, sql_script, /)"},
    {"create_function", sqf_create_function, ARGS_KW, "Creates a new function.",
     "($self, /, name, narg, func, *, deterministic=False)"},
    {"create_aggregate", sqf_create_aggregate, ARGS_KW, "Creates a new aggregate.",
     "($self, /, name, n_arg, aggregate_class)"},
    {"create_window_function", sqf_create_window_function, ARGS_KW,
     "Creates or redefines an aggregate window function. Non-standard.",
     "($self, name, num_params, aggregate_class, /)"},
    {"create_collation", sqf_create_collation, ARGS_KW, "Creates a collation function.",
     "($self, name, callback, /)"},
    {"set_authorizer", sqf_set_authorizer, ARGS_KW, "Sets authorizer callback.", "($self, /, authorizer_callback)"},
    {"set_progress_handler", sqf_set_progress_handler, ARGS_KW, "Sets progress handler callback.",
     "($self, /, progress_handler, n)"},
    {"set_trace_callback", sqf_set_trace_callback, ARGS_KW, "Sets a trace callback called for each SQL statement "
     "(passed as unicode).", "($self, /, trace_callback)"},
    {"interrupt", sqc_interrupt_m, ARGS_NONE, "Abort any pending database operation.", "($self, /)"},
    {"iterdump", sqc_iterdump_m, ARGS_NONE, "Returns iterator to the dump of the database in an SQL text format.",
     "($self, /)"},
    {"backup", sqc_backup_m, ARGS_KW, "Makes a backup of the database.",
     "($self, /, target, *, pages=-1, progress=None, name='main', sleep=0.25)"},
    {"blobopen", sqc_blobopen_m, ARGS_KW, "Open and return a BLOB object.",
     "($self, table, column, row, /, *, readonly=False, name='main')"},
    {"serialize", sqc_serialize_m, ARGS_KW, "Serialize a database into a byte string.", "($self, /, *, name='main')"},
    {"deserialize", sqc_deserialize_m, ARGS_KW, "Load a serialized database.", "($self, data, /, *, name='main')"},
    {"getlimit", sqc_getlimit_m, ARGS_ONE, "Get connection run-time limits.", "($self, category, /)"},
    {"setlimit", sqc_setlimit_m, ARGS_POS(2, 2), "Set connection run-time limits.", "($self, category, limit, /)"},
    {"enable_load_extension", sqc_enable_load_extension_m, ARGS_ONE, "Enable dynamic loading of SQLite extension "
     "modules.", "($self, enable, /)"},
    {"load_extension", sqc_load_extension_m, ARGS_ONE, "Load SQLite extension module.", "($self, name, /)"},
    {"__enter__", sqc_enter_m, ARGS_NONE, "Called when the connection is used as a context manager.", "($self, /)"},
    {"__exit__", sqc_exit_m, ARGS_POS(3, 3), "Called when the connection is used as a context manager.",
     "($self, type, value, traceback, /)"},
    {NULL, NULL, 0, NULL},
};

Type type_sqlconn = {
    .tp_name = "sqlite3.Connection", .base = &type_object, .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .basicsize = sizeof(SqlConn), .trace = sqc_trace, .finalize = sqc_finalize,
    .methods = sqc_methods, .getsets = sqc_getsets,
};
GILPY_TYPE(type_sqlconn, NULL);
