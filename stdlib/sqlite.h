/* sqlite.h - what the files of `_sqlite3` share: the object layouts of
 * Connection, Cursor, Statement, Row and Blob, the module's exceptions and
 * registries, and the GIL bracket around libsqlite3.
 *
 * The files, one concept each:
 *   mod_sqlite3.c     the module: connect, adapters/converters, exceptions, constants
 *   sqlite_conn.c     Connection (open/close, transactions, limits, backup, serialize)
 *   sqlite_callback.c user functions, aggregates, window functions, collations,
 *                     authorizer, progress handler and trace callback
 *   sqlite_cursor.c   Cursor (execute, executemany, executescript, fetching)
 *   sqlite_stmt.c     Statement, the statement cache, parameter binding and the
 *                     conversion of values between SQLite and Python
 *   sqlite_row.c      Row
 *   sqlite_blob.c     Blob
 */
#ifndef GILPY_SQLITE_H
#define GILPY_SQLITE_H

#include <sqlite3.h>
#include <stdint.h>

#include "runtime/object.h"
#include "runtime/state.h"

/* ---- objects -------------------------------------------------------------------------------- */

typedef struct SqlConn {
    Obj      header;
    sqlite3 *db;                 /* NULL: closed, or __init__ never ran */
    int      initialized;        /* __init__ ran (even if the connection is closed since) */
    int      check_same_thread;
    int      detect_types;
    int      cache_size;         /* cached_statements */
    uint64_t thread_ident;       /* the creating thread's threading.get_ident() */
    Value    isolation_level;    /* None or str */
    Value    row_factory, text_factory;
    Value    stmt_cache;         /* dict sql -> Statement, least recently used first */
    Value    keep;               /* dict (kind, name, narg) -> each callable libsqlite3 holds */
    Value    aggregates;         /* dict id -> aggregate instance while a query runs */
    Value    blobs;              /* list of weak references to the Blobs it opened */
    Value    authorizer, progress, trace;   /* the one-per-connection callbacks, or None */
} SqlConn;

typedef struct SqlStmt {
    Obj           header;
    sqlite3_stmt *st;            /* NULL: an empty statement (only comments) */
    int           is_dml;        /* INSERT, UPDATE, DELETE or REPLACE */
    int           in_use;        /* a cursor has rows pending from it */
    Value         owner;         /* a weak reference to that cursor, or None */
} SqlStmt;

typedef struct SqlCursor {
    Obj     header;
    Value   connection;          /* the Connection; VAL_NULL before __init__ */
    Value   description, lastrowid, row_factory;
    Value   statement;           /* the Statement with rows pending, or None */
    Value   converters;          /* list: per column a converter or None; or None */
    int64_t rowcount, arraysize;
    int     closed, locked;
} SqlCursor;

typedef struct SqlRow {
    Obj   header;
    Value data;                  /* tuple */
    Value description;           /* the cursor's description */
} SqlRow;

typedef struct SqlBlob {
    Obj           header;
    Value         connection;
    sqlite3_blob *blob;          /* NULL: closed */
    int           offset;
} SqlBlob;

extern Type type_sqlconn, type_sqlcursor, type_sqlstmt, type_sqlrow, type_sqlblob, type_sqlprepare;

#define SQ_CONN(v)   ((SqlConn *)AS_OBJ(v))
#define SQ_CURSOR(v) ((SqlCursor *)AS_OBJ(v))
#define SQ_STMT(v)   ((SqlStmt *)AS_OBJ(v))

/* ---- module state (mod_sqlite3.c) ----------------------------------------------------------- */

enum {
    SQE_Warning, SQE_Error, SQE_InterfaceError, SQE_DatabaseError, SQE_DataError,
    SQE_OperationalError, SQE_IntegrityError, SQE_InternalError, SQE_ProgrammingError,
    SQE_NotSupportedError, SQE__COUNT
};
extern Value sqm_exc[SQE__COUNT];
extern Value sqm_adapters;       /* dict (type, PrepareProtocol) -> adapter */
extern Value sqm_converters;     /* dict NAME -> converter */
extern int   sqm_callback_tracebacks;
extern int   sqm_base_type_adapted;   /* an adapter for int, float, str or bytearray exists */

#define SQM_EXC(e) ((Type *)AS_OBJ(sqm_exc[SQE_##e]))

/* Raise the error SQLite reports for db (rc its result code), with
 * sqlite_errorcode and sqlite_errorname; VAL_NULL. */
Value sqm_set_error(sqlite3 *db);
/* Raise ProgrammingError/... with a fixed message; VAL_NULL. */
Value sqm_raise(int exc, const char *fmt, ...);
/* adapt(obj, PrepareProtocol, alt): alt VAL_NULL raises "can't adapt". */
Value sqm_adapt(Value obj, Value proto, Value alt);
/* Print (with callback tracebacks enabled, through sys.unraisablehook) or
 * clear the pending exception of a callback. */
void  sqm_callback_error(Value obj);

/* The GIL around libsqlite3: release it for a call that may block, and take
 * it back in a callback made from inside such a call (sqlite_callback.c). */
void  sq_gil_release(void);
void  sq_gil_acquire(void);
ThreadState *sq_callback_enter(void);
void  sq_callback_leave(ThreadState *ts);
/* From a finalizer: free a handle later, without the GIL (sqlite_callback.c). */
enum { SQ_DEAD_STMT, SQ_DEAD_BLOB, SQ_DEAD_DB };
void  sq_defer_free(int kind, void *handle);

/* ---- connection (sqlite_conn.c) -------------------------------------------------------------- */

/* Usable from this thread and open: 0, or -1 with ProgrammingError. */
int   sqc_check(SqlConn *c);
int   sqc_check_thread(SqlConn *c);
int   sqc_check_open(SqlConn *c);
/* Run one SQL statement without results (BEGIN, COMMIT...): 0 or -1 raised. */
int   sqc_exec(SqlConn *c, const char *sql);
int   sqc_begin(SqlConn *c);

/* ---- statements, binding, conversion (sqlite_stmt.c) ---------------------------------------- */

/* 0, or -1 with UnicodeEncodeError when the str s has surrogates (no UTF-8). */
int   sqs_check_utf8(Value s);
/* A prepared statement for sql from the connection's cache (or a new one). */
Value sqs_get(SqlConn *c, Value sql);
void  sqs_reset(Value stmt);
int   sqs_bind(SqlConn *c, SqlStmt *s, Value params);
int   sqs_step(sqlite3_stmt *st);
/* Mark the statement as read by cursor (in_use, owner). */
int   sqs_take(Value stmt, Value cursor);
/* After SQLITE_LOCKED: collect, and reset the cached statements whose cursor
 * died with rows pending (CPython resets them when the cursor is freed). */
void  sqs_reset_abandoned(SqlConn *c);
/* A Python value from an sqlite3_value (user function arguments). */
Value sqs_from_value(sqlite3_value *v);
/* Set a user function's result from a Python value: 0 or -1 raised. */
int   sqs_set_result(sqlite3_context *ctx, Value v);
/* A column of the current row, through the cursor's converters and text_factory. */
Value sqs_column(SqlCursor *cur, SqlConn *c, int i);
/* Per column: the converter PARSE_COLNAMES or PARSE_DECLTYPES names, or None. */
Value sqs_converters(SqlConn *c, sqlite3_stmt *st);
/* The description tuple of a statement's columns, or None without columns. */
Value sqs_description(SqlConn *c, sqlite3_stmt *st);

/* ---- blob (sqlite_blob.c) -------------------------------------------------------------------- */

Value sqb_new(Value conn, sqlite3_blob *b);
void  sqb_close_all(SqlConn *c);

/* ---- callbacks (sqlite_callback.c) ------------------------------------------------------------ */

Value sqf_create_function(Value *args, int nargs, Value kwnames);
Value sqf_create_aggregate(Value *args, int nargs, Value kwnames);
Value sqf_create_window_function(Value *args, int nargs, Value kwnames);
Value sqf_create_collation(Value *args, int nargs, Value kwnames);
Value sqf_set_authorizer(Value *args, int nargs, Value kwnames);
Value sqf_set_progress_handler(Value *args, int nargs, Value kwnames);
Value sqf_set_trace_callback(Value *args, int nargs, Value kwnames);

#endif
