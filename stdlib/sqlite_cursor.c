/* sqlite_cursor.c - `_sqlite3.Cursor`: execute, executemany, executescript and
 * the fetching of rows, with CPython 3.11's protocol: execute steps the
 * statement once; a cursor with a row pending keeps the statement (marked
 * in_use), and each fetch builds the current row and steps again, so the
 * statement is reset and dropped as soon as the last row has been read.
 * rowcount sums sqlite3_changes over the DML steps (-1 for other
 * statements); lastrowid follows sqlite3_last_insert_rowid.
 *
 * A cursor is `locked` while it executes or builds a row, so a callback
 * (converter, adapter, row factory) that uses the same cursor gets
 * "Recursive use of cursors not allowed." instead of corrupting it.
 */
#include <string.h>

#include "stdlib/sqlite.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"

#define CUR(v) SQ_CURSOR(v)

static void sqcur_trace(Obj *o) {
    SqlCursor *c = (SqlCursor *)o;
    gc_mark_value(c->connection);
    gc_mark_value(c->description);
    gc_mark_value(c->lastrowid);
    gc_mark_value(c->row_factory);
    gc_mark_value(c->statement);
    gc_mark_value(c->converters);
}

static Value sqcur_new_m(Value *args, int nargs, Value kwnames) {
    SqlCursor *c = (SqlCursor *)obj_new_instance(AS_TYPE(args[0]));
    if (!c) return VAL_NULL;
    c->connection = VAL_NULL;
    c->description = c->lastrowid = c->row_factory = c->statement = c->converters = VAL_NONE;
    c->rowcount = -1;
    c->arraysize = 1;
    return MK_OBJ(c);
}

static Value sqcur_locked_error(void) { return sqm_raise(SQE_ProgrammingError, "Recursive use of cursors not allowed."); }

static Value sqcur_init_m(Value *args, int nargs, Value kwnames) {
    if (CUR(args[0])->locked) return sqcur_locked_error();
    if (!val_isinstance(args[1], &type_sqlconn))
        return err_format(&exc_TypeError, "Cursor() argument 1 must be sqlite3.Connection, not %T", args[1]);
    SqlCursor *c = CUR(args[0]);
    c->connection = args[1];
    c->description = c->lastrowid = c->row_factory = c->statement = c->converters = VAL_NONE;
    c->rowcount = -1;
    c->arraysize = 1;
    c->closed = 0;
    return VAL_NONE;
}

/* The connection behind a usable cursor, or NULL raised. */
static SqlConn *sqcur_check(SqlCursor *c) {
    if (IS_NULL(c->connection)) {
        sqm_raise(SQE_ProgrammingError, "Base Cursor.__init__ not called.");
        return NULL;
    }
    SqlConn *conn = SQ_CONN(c->connection);
    if (sqc_check(conn) < 0) return NULL;
    if (c->closed) {
        sqm_raise(SQE_ProgrammingError, "Cannot operate on a closed cursor.");
        return NULL;
    }
    if (c->locked) {
        sqcur_locked_error();
        return NULL;
    }
    return conn;
}

static void sqcur_drop_statement(SqlCursor *c) {
    if (!IS_NONE(c->statement)) sqs_reset(c->statement);
    c->statement = VAL_NONE;
}

/* One execution of the statement with one set of parameters; the step's result code or -1. */
static int sqcur_run_once(SqlCursor *c, SqlConn *conn, SqlStmt *s, Value params, int multiple) {
    sqlite3_reset(s->st);
    sqlite3_clear_bindings(s->st);
    if (sqs_bind(conn, s, params) < 0) return -1;
    if (s->is_dml && !IS_NONE(conn->isolation_level) && sqlite3_get_autocommit(conn->db)
        && sqc_begin(conn) < 0)
        return -1;
    s->in_use = 1;
    sqlite3 *db = sqlite3_db_handle(s->st);   /* valid while st is: c->db may be closed meanwhile */
    int rc = sqs_step(s->st);
    if ((rc & 0xff) == SQLITE_LOCKED) {   /* maybe by a cursor that is gone: once more after collecting */
        sqs_reset_abandoned(conn);
        sqlite3_reset(s->st);
        rc = sqs_step(s->st);
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        if (!err_occurred()) sqm_set_error(db);
        if (!err_occurred()) sqm_raise(SQE_OperationalError, "%s", sqlite3_errstr(rc));
        sqlite3_reset(s->st);
        s->in_use = 0;
        return -1;
    }
    if (rc == SQLITE_ROW && multiple) {
        sqm_raise(SQE_ProgrammingError, "executemany() can only execute DML statements.");
        return -1;
    }
    if (s->is_dml && rc == SQLITE_DONE) c->rowcount += sqlite3_changes(db);
    return rc;
}

/* What execute and executemany share: params_iter yields each set of parameters. */
static Value sqcur_execute(Value self, Value sql, Value params_iter, int multiple) {
    SqlCursor *c = CUR(self);
    SqlConn *conn = sqcur_check(c);
    if (!conn) return VAL_NULL;
    if (!IS_STR(sql))
        return err_format(&exc_TypeError, "%s() argument 1 must be str, not %T",
                          multiple ? "executemany" : "execute", sql);
    sqcur_drop_statement(c);
    c->description = VAL_NONE;
    c->converters = VAL_NONE;
    c->rowcount = -1;
    c->locked = 1;
    Value stmt = sqs_get(conn, sql);
    int rc = SQLITE_DONE;
    if (IS_NULL(stmt)) goto fail;
    SqlStmt *s = SQ_STMT(stmt);
    /* reserved until this execution is done with it: binding may run Python
     * code and BEGIN releases the GIL, and another thread's execute of the
     * same SQL must then prepare its own statement (sqs_get) */
    s->in_use = 1;
    if (multiple && !s->is_dml) {
        sqm_raise(SQE_ProgrammingError, "executemany() can only execute DML statements.");
        goto fail;
    }
    c->rowcount = s->is_dml ? 0 : -1;
    if (s->st) {
        Value params;
        while (!IS_NULL(params = obj_next(params_iter))) {
            if ((rc = sqcur_run_once(c, conn, s, params, multiple)) < 0) goto fail;
            if (IS_NULL(c->converters = sqs_converters(conn, s->st))) goto fail;
            if (IS_NULL(c->description = sqs_description(conn, s->st))) goto fail;
            if (rc == SQLITE_DONE) sqlite3_reset(s->st);
        }
        if (err_occurred()) goto fail;
        if (rc == SQLITE_ROW) {
            if (sqs_take(stmt, self) < 0) goto fail;
            c->statement = stmt;
        }
    }
    if (rc != SQLITE_ROW) s->in_use = 0;
    if (!multiple && conn->db) c->lastrowid = int_from_i64(sqlite3_last_insert_rowid(conn->db));
    c->locked = 0;
    return IS_NULL(c->lastrowid) ? VAL_NULL : self;
fail:
    c->locked = 0;
    c->rowcount = -1;
    if (!IS_NULL(stmt) && IS_NONE(c->statement)) sqs_reset(stmt);
    return VAL_NULL;
}

static Value sqcur_execute_m(Value *args, int nargs, Value kwnames) {
    Value params = IS_NULL(args[2]) ? tuple_empty() : args[2];
    Value one = tuple_pack(1, params);
    Value it = IS_NULL(one) ? VAL_NULL : obj_iter(one);
    return IS_NULL(it) ? VAL_NULL : sqcur_execute(args[0], args[1], it, 0);
}

static Value sqcur_executemany_m(Value *args, int nargs, Value kwnames) {
    if (!IS_STR(args[1]))
        return err_format(&exc_TypeError, "executemany() argument 1 must be str, not %T", args[1]);
    Value it = obj_iter(args[2]);
    return IS_NULL(it) ? VAL_NULL : sqcur_execute(args[0], args[1], it, 1);
}

/* executescript: COMMIT a pending transaction, then run each statement to its end. */
static Value sqcur_executescript_m(Value *args, int nargs, Value kwnames) {
    SqlCursor *c = CUR(args[0]);
    Value script = args[1];
    if (!IS_STR(script))
        return err_format(&exc_TypeError, "executescript() argument must be str, not %T", script);
    SqlConn *conn = sqcur_check(c);
    if (!conn) return VAL_NULL;
    if (memchr(STR_DATA(script), 0, STR_LEN(script))) return err_format(&exc_ValueError, "embedded null character");
    if (sqs_check_utf8(script) < 0) return VAL_NULL;
    if ((int64_t)STR_LEN(script) > sqlite3_limit(conn->db, SQLITE_LIMIT_SQL_LENGTH, -1))
        return sqm_raise(SQE_DataError, "query string is too large");
    sqcur_drop_statement(c);
    if (!sqlite3_get_autocommit(conn->db) && sqc_exec(conn, "COMMIT") < 0) return VAL_NULL;
    const char *tail = STR_DATA(script);
    sqlite3 *db = conn->db;
    for (;;) {
        sqlite3_stmt *st = NULL;
        sq_gil_release();
        int rc = sqlite3_prepare_v2(db, tail, -1, &st, &tail);
        if (rc == SQLITE_OK && st) {
            do rc = sqlite3_step(st);
            while (rc == SQLITE_ROW);
            if (rc == SQLITE_DONE) rc = SQLITE_OK;
            int rc2 = sqlite3_finalize(st);
            if (rc == SQLITE_OK) rc = rc2;
        }
        sq_gil_acquire();
        if (rc != SQLITE_OK) {
            if (!err_occurred()) sqm_set_error(db);
            return VAL_NULL;
        }
        if (!*tail) break;
    }
    return args[0];
}

/* ---- fetching ---------------------------------------------------------------------------------- */

static Value sqcur_build_row(SqlCursor *c, SqlConn *conn) {
    sqlite3_stmt *st = SQ_STMT(c->statement)->st;
    int n = sqlite3_data_count(st);
    Value row = tuple_new(n);
    if (IS_NULL(row)) return VAL_NULL;
    for (int i = 0; i < n; i++) AS_TUPLE(row)->items[i] = VAL_NONE;
    c->locked = 1;
    for (int i = 0; i < n; i++) {
        Value v = sqs_column(c, conn, i);
        if (IS_NULL(v)) {
            c->locked = 0;
            return VAL_NULL;
        }
        AS_TUPLE(row)->items[i] = v;
    }
    c->locked = 0;
    return row;
}

/* The next row, VAL_NULL with no exception at the end. */
static Value sqcur_next(Value self) {
    SqlCursor *c = CUR(self);
    SqlConn *conn = sqcur_check(c);
    if (!conn || IS_NONE(c->statement)) return VAL_NULL;
    Value row = sqcur_build_row(c, conn);
    if (IS_NULL(row)) return VAL_NULL;
    SqlStmt *s = SQ_STMT(c->statement);
    sqlite3 *db = sqlite3_db_handle(s->st);
    int rc = sqs_step(s->st);
    if (rc == SQLITE_DONE) {
        if (s->is_dml) c->rowcount = sqlite3_changes(db);
        sqcur_drop_statement(c);
    } else if (rc != SQLITE_ROW) {
        if (!err_occurred()) sqm_set_error(db);
        sqcur_drop_statement(c);
        return VAL_NULL;
    }
    if (!IS_NONE(c->row_factory)) row = call2(c->row_factory, self, row);
    return row;
}

static Value sqcur_iter_m(Value *args, int nargs, Value kwnames) { return args[0]; }

static Value sqcur_next_m(Value *args, int nargs, Value kwnames) { return sqcur_next(args[0]); }

static Value sqcur_fetchone_m(Value *args, int nargs, Value kwnames) {
    Value r = sqcur_next(args[0]);
    return IS_NULL(r) && !err_occurred() ? VAL_NONE : r;
}

/* Up to max rows; as in CPython, a max below 1 means all of them. */
static Value sqcur_fetch_list(Value self, int64_t max) {
    Value list = list_new(0);
    for (int64_t n = 1; !IS_NULL(list); n++) {
        Value r = sqcur_next(self);
        if (IS_NULL(r)) return err_occurred() ? VAL_NULL : list;
        if (list_append(list, r) < 0) return VAL_NULL;
        if (n == max) break;
    }
    return list;
}

static Value sqcur_fetchmany_m(Value *args, int nargs, Value kwnames) {
    int64_t size = CUR(args[0])->arraysize;
    if (!IS_NULL(args[1])) {
        int n;
        if (arg_to_int(args[1], &n) < 0) return VAL_NULL;
        size = n;
    }
    return sqcur_fetch_list(args[0], size);
}

static Value sqcur_fetchall_m(Value *args, int nargs, Value kwnames) { return sqcur_fetch_list(args[0], -1); }

static Value sqcur_close_m(Value *args, int nargs, Value kwnames) {
    SqlCursor *c = CUR(args[0]);
    if (IS_NULL(c->connection)) return sqm_raise(SQE_ProgrammingError, "Base Cursor.__init__ not called.");
    if (c->locked) return sqcur_locked_error();
    if (sqc_check(SQ_CONN(c->connection)) < 0) return VAL_NULL;
    sqcur_drop_statement(c);
    c->closed = 1;
    return VAL_NONE;
}

static Value sqcur_noop_m(Value *args, int nargs, Value kwnames) { return VAL_NONE; }

/* ---- attributes ----------------------------------------------------------------------------------- */

static Value sqcur_get_connection(Value self) {
    return IS_NULL(CUR(self)->connection) ? VAL_NONE : CUR(self)->connection;
}
static Value sqcur_get_description(Value self) { return CUR(self)->description; }
static Value sqcur_get_lastrowid(Value self) { return CUR(self)->lastrowid; }
static Value sqcur_get_rowcount(Value self) { return int_from_i64(CUR(self)->rowcount); }
static Value sqcur_get_arraysize(Value self) { return int_from_i64(CUR(self)->arraysize); }
static Value sqcur_get_row_factory(Value self) { return CUR(self)->row_factory; }

static int sqcur_set_arraysize(Value self, Value v) {
    if (IS_NULL(v)) {
        err_format(&exc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    int n;
    if (arg_to_int(v, &n) < 0) return -1;
    CUR(self)->arraysize = n;
    return 0;
}

static int sqcur_set_row_factory(Value self, Value v) {
    if (IS_NULL(v)) v = VAL_NONE;
    CUR(self)->row_factory = v;
    return 0;
}

static const GetSetDef sqcur_getsets[] = {
    {"connection", sqcur_get_connection, getset_readonly, NULL},
    {"description", sqcur_get_description, getset_readonly, NULL},
    {"lastrowid", sqcur_get_lastrowid, getset_readonly, NULL},
    {"rowcount", sqcur_get_rowcount, getset_readonly, NULL},
    {"arraysize", sqcur_get_arraysize, sqcur_set_arraysize, NULL},
    {"row_factory", sqcur_get_row_factory, sqcur_set_row_factory, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef sqcur_methods[] = {
    {"__new__", sqcur_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", sqcur_init_m, ARGS_POS(1, 1), NULL, "Cursor($self, connection, /)"},
    {"__iter__", sqcur_iter_m, ARGS_WRAP(0), NULL},
    {"__next__", sqcur_next_m, ARGS_WRAP(0), NULL},
    {"execute", sqcur_execute_m, ARGS_POS(1, 2), "Executes an SQL statement.", "($self, sql, parameters=(), /)"},
    {"executemany", sqcur_executemany_m, ARGS_POS(2, 2), "Repeatedly executes an SQL statement.",
     "($self, sql, seq_of_parameters, /)"},
    {"executescript", sqcur_executescript_m, ARGS_ONE, "Executes multiple SQL statements at once.",
     "($self, sql_script, /)"},
    {"fetchone", sqcur_fetchone_m, ARGS_NONE, "Fetches one row from the resultset.", "($self, /)"},
    {"fetchmany", sqcur_fetchmany_m, ARGS_KW, "Fetches several rows from the resultset.", "($self, /, size=1)"},
    {"fetchall", sqcur_fetchall_m, ARGS_NONE, "Fetches all rows from the resultset.", "($self, /)"},
    {"close", sqcur_close_m, ARGS_NONE, "Closes the cursor.", "($self, /)"},
    {"setinputsizes", sqcur_noop_m, ARGS_ONE, "Required by DB-API. Does nothing in sqlite3.", "($self, sizes, /)"},
    {"setoutputsize", sqcur_noop_m, ARGS_POS(1, 2), "Required by DB-API. Does nothing in sqlite3.",
     "($self, size, column=None, /)"},
    {NULL, NULL, 0, NULL},
};

Type type_sqlcursor = {
    .tp_name = "sqlite3.Cursor", .base = &type_object, .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .basicsize = sizeof(SqlCursor), .trace = sqcur_trace, .methods = sqcur_methods, .getsets = sqcur_getsets,
};
GILPY_TYPE(type_sqlcursor, NULL);
