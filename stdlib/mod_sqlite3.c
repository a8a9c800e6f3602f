/* mod_sqlite3.c - the `_sqlite3` module over Debian's libsqlite3, under CPython's
 * own `sqlite3` package (dbapi2.py, dump.py) unchanged: connect(), the
 * exception hierarchy, adapters and converters, PrepareProtocol, the SQLITE_*
 * constants, complete_statement and enable_callback_tracebacks.
 *
 * Errors SQLite reports become the DB-API exception its primary result code
 * calls for (CPython's table), carrying the extended code and its name as
 * sqlite_errorcode and sqlite_errorname.  The registries (adapters,
 * converters) are module-level dicts, visible to Python as in CPython, and
 * GC roots.  sqlite.h lists the other files of the module.
 */
#include <stdarg.h>
#include <string.h>

#include "stdlib/sqlite.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/finalize.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "interp/modreg.h"

GILPY_MODULE("_sqlite3", mod_sqlite3_init);

Value sqm_exc[SQE__COUNT];
Value sqm_adapters = VAL_NULL, sqm_converters = VAL_NULL;
int   sqm_callback_tracebacks;
int   sqm_base_type_adapted;

/* The result codes (with their extended forms): sqlite_errorname's table. */
static const IntConst sqm_error_codes[] = {
    INT_CONST(SQLITE_ABORT) INT_CONST(SQLITE_ABORT_ROLLBACK) INT_CONST(SQLITE_AUTH)
    INT_CONST(SQLITE_AUTH_USER) INT_CONST(SQLITE_BUSY) INT_CONST(SQLITE_BUSY_RECOVERY)
    INT_CONST(SQLITE_BUSY_SNAPSHOT) INT_CONST(SQLITE_BUSY_TIMEOUT) INT_CONST(SQLITE_CANTOPEN)
    INT_CONST(SQLITE_CANTOPEN_CONVPATH) INT_CONST(SQLITE_CANTOPEN_DIRTYWAL)
    INT_CONST(SQLITE_CANTOPEN_FULLPATH) INT_CONST(SQLITE_CANTOPEN_ISDIR)
    INT_CONST(SQLITE_CANTOPEN_NOTEMPDIR) INT_CONST(SQLITE_CANTOPEN_SYMLINK)
    INT_CONST(SQLITE_CONSTRAINT) INT_CONST(SQLITE_CONSTRAINT_CHECK)
    INT_CONST(SQLITE_CONSTRAINT_COMMITHOOK) INT_CONST(SQLITE_CONSTRAINT_FOREIGNKEY)
    INT_CONST(SQLITE_CONSTRAINT_FUNCTION) INT_CONST(SQLITE_CONSTRAINT_NOTNULL)
    INT_CONST(SQLITE_CONSTRAINT_PINNED) INT_CONST(SQLITE_CONSTRAINT_PRIMARYKEY)
    INT_CONST(SQLITE_CONSTRAINT_ROWID) INT_CONST(SQLITE_CONSTRAINT_TRIGGER)
    INT_CONST(SQLITE_CONSTRAINT_UNIQUE) INT_CONST(SQLITE_CONSTRAINT_VTAB)
    INT_CONST(SQLITE_CORRUPT) INT_CONST(SQLITE_CORRUPT_INDEX) INT_CONST(SQLITE_CORRUPT_SEQUENCE)
    INT_CONST(SQLITE_CORRUPT_VTAB) INT_CONST(SQLITE_DONE) INT_CONST(SQLITE_EMPTY)
    INT_CONST(SQLITE_ERROR) INT_CONST(SQLITE_ERROR_MISSING_COLLSEQ) INT_CONST(SQLITE_ERROR_RETRY)
    INT_CONST(SQLITE_ERROR_SNAPSHOT) INT_CONST(SQLITE_FORMAT) INT_CONST(SQLITE_FULL)
    INT_CONST(SQLITE_INTERNAL) INT_CONST(SQLITE_INTERRUPT) INT_CONST(SQLITE_IOERR)
    INT_CONST(SQLITE_IOERR_ACCESS) INT_CONST(SQLITE_IOERR_AUTH)
    INT_CONST(SQLITE_IOERR_BEGIN_ATOMIC) INT_CONST(SQLITE_IOERR_BLOCKED)
    INT_CONST(SQLITE_IOERR_CHECKRESERVEDLOCK) INT_CONST(SQLITE_IOERR_CLOSE)
    INT_CONST(SQLITE_IOERR_COMMIT_ATOMIC) INT_CONST(SQLITE_IOERR_CONVPATH)
    INT_CONST(SQLITE_IOERR_CORRUPTFS) INT_CONST(SQLITE_IOERR_DATA) INT_CONST(SQLITE_IOERR_DELETE)
    INT_CONST(SQLITE_IOERR_DELETE_NOENT) INT_CONST(SQLITE_IOERR_DIR_CLOSE)
    INT_CONST(SQLITE_IOERR_DIR_FSYNC) INT_CONST(SQLITE_IOERR_FSTAT) INT_CONST(SQLITE_IOERR_FSYNC)
    INT_CONST(SQLITE_IOERR_GETTEMPPATH) INT_CONST(SQLITE_IOERR_LOCK) INT_CONST(SQLITE_IOERR_MMAP)
    INT_CONST(SQLITE_IOERR_NOMEM) INT_CONST(SQLITE_IOERR_RDLOCK) INT_CONST(SQLITE_IOERR_READ)
    INT_CONST(SQLITE_IOERR_ROLLBACK_ATOMIC) INT_CONST(SQLITE_IOERR_SEEK)
    INT_CONST(SQLITE_IOERR_SHMLOCK) INT_CONST(SQLITE_IOERR_SHMMAP)
    INT_CONST(SQLITE_IOERR_SHMOPEN) INT_CONST(SQLITE_IOERR_SHMSIZE)
    INT_CONST(SQLITE_IOERR_SHORT_READ) INT_CONST(SQLITE_IOERR_TRUNCATE)
    INT_CONST(SQLITE_IOERR_UNLOCK) INT_CONST(SQLITE_IOERR_VNODE) INT_CONST(SQLITE_IOERR_WRITE)
    INT_CONST(SQLITE_LOCKED) INT_CONST(SQLITE_LOCKED_SHAREDCACHE) INT_CONST(SQLITE_LOCKED_VTAB)
    INT_CONST(SQLITE_MISMATCH) INT_CONST(SQLITE_MISUSE) INT_CONST(SQLITE_NOLFS)
    INT_CONST(SQLITE_NOMEM) INT_CONST(SQLITE_NOTADB) INT_CONST(SQLITE_NOTFOUND)
    INT_CONST(SQLITE_NOTICE) INT_CONST(SQLITE_NOTICE_RECOVER_ROLLBACK)
    INT_CONST(SQLITE_NOTICE_RECOVER_WAL) INT_CONST(SQLITE_OK)
    INT_CONST(SQLITE_OK_LOAD_PERMANENTLY) INT_CONST(SQLITE_OK_SYMLINK) INT_CONST(SQLITE_PERM)
    INT_CONST(SQLITE_PROTOCOL) INT_CONST(SQLITE_RANGE) INT_CONST(SQLITE_READONLY)
    INT_CONST(SQLITE_READONLY_CANTINIT) INT_CONST(SQLITE_READONLY_CANTLOCK)
    INT_CONST(SQLITE_READONLY_DBMOVED) INT_CONST(SQLITE_READONLY_DIRECTORY)
    INT_CONST(SQLITE_READONLY_RECOVERY) INT_CONST(SQLITE_READONLY_ROLLBACK) INT_CONST(SQLITE_ROW)
    INT_CONST(SQLITE_SCHEMA) INT_CONST(SQLITE_TOOBIG) INT_CONST(SQLITE_WARNING)
    INT_CONST(SQLITE_WARNING_AUTOINDEX)
    {NULL, 0},
};

/* Authorizer actions and answers, and the limit categories. */
static const IntConst sqm_other_consts[] = {
    INT_CONST(SQLITE_ALTER_TABLE) INT_CONST(SQLITE_ANALYZE) INT_CONST(SQLITE_ATTACH)
    INT_CONST(SQLITE_CREATE_INDEX) INT_CONST(SQLITE_CREATE_TABLE)
    INT_CONST(SQLITE_CREATE_TEMP_INDEX) INT_CONST(SQLITE_CREATE_TEMP_TABLE)
    INT_CONST(SQLITE_CREATE_TEMP_TRIGGER) INT_CONST(SQLITE_CREATE_TEMP_VIEW)
    INT_CONST(SQLITE_CREATE_TRIGGER) INT_CONST(SQLITE_CREATE_VIEW)
    INT_CONST(SQLITE_CREATE_VTABLE) INT_CONST(SQLITE_DELETE) INT_CONST(SQLITE_DENY)
    INT_CONST(SQLITE_DETACH) INT_CONST(SQLITE_DROP_INDEX) INT_CONST(SQLITE_DROP_TABLE)
    INT_CONST(SQLITE_DROP_TEMP_INDEX) INT_CONST(SQLITE_DROP_TEMP_TABLE)
    INT_CONST(SQLITE_DROP_TEMP_TRIGGER) INT_CONST(SQLITE_DROP_TEMP_VIEW)
    INT_CONST(SQLITE_DROP_TRIGGER) INT_CONST(SQLITE_DROP_VIEW) INT_CONST(SQLITE_DROP_VTABLE)
    INT_CONST(SQLITE_FUNCTION) INT_CONST(SQLITE_IGNORE) INT_CONST(SQLITE_INSERT)
    INT_CONST(SQLITE_LIMIT_ATTACHED) INT_CONST(SQLITE_LIMIT_COLUMN)
    INT_CONST(SQLITE_LIMIT_COMPOUND_SELECT) INT_CONST(SQLITE_LIMIT_EXPR_DEPTH)
    INT_CONST(SQLITE_LIMIT_FUNCTION_ARG) INT_CONST(SQLITE_LIMIT_LENGTH)
    INT_CONST(SQLITE_LIMIT_LIKE_PATTERN_LENGTH) INT_CONST(SQLITE_LIMIT_SQL_LENGTH)
    INT_CONST(SQLITE_LIMIT_TRIGGER_DEPTH) INT_CONST(SQLITE_LIMIT_VARIABLE_NUMBER)
    INT_CONST(SQLITE_LIMIT_VDBE_OP) INT_CONST(SQLITE_LIMIT_WORKER_THREADS)
    INT_CONST(SQLITE_PRAGMA) INT_CONST(SQLITE_READ) INT_CONST(SQLITE_RECURSIVE)
    INT_CONST(SQLITE_REINDEX) INT_CONST(SQLITE_SAVEPOINT) INT_CONST(SQLITE_SELECT)
    INT_CONST(SQLITE_TRANSACTION) INT_CONST(SQLITE_UPDATE)
    {NULL, 0},
};

/* ---- errors ------------------------------------------------------------------------------- */

Value sqm_raise(int exc, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    err_vformat((Type *)AS_OBJ(sqm_exc[exc]), fmt, ap);
    va_end(ap);
    return VAL_NULL;
}

/* The DB-API class for a primary result code (CPython's mapping). */
static int sqm_error_class(int primary) {
    switch (primary) {
    case SQLITE_INTERNAL: case SQLITE_NOTFOUND: return SQE_InternalError;
    case SQLITE_ERROR: case SQLITE_PERM: case SQLITE_ABORT: case SQLITE_BUSY: case SQLITE_LOCKED:
    case SQLITE_READONLY: case SQLITE_INTERRUPT: case SQLITE_IOERR: case SQLITE_FULL:
    case SQLITE_CANTOPEN: case SQLITE_PROTOCOL: case SQLITE_EMPTY: case SQLITE_SCHEMA:
        return SQE_OperationalError;
    case SQLITE_CORRUPT: return SQE_DatabaseError;
    case SQLITE_TOOBIG: return SQE_DataError;
    case SQLITE_CONSTRAINT: case SQLITE_MISMATCH: return SQE_IntegrityError;
    case SQLITE_MISUSE: case SQLITE_RANGE: return SQE_InterfaceError;
    default: return SQE_DatabaseError;
    }
}

static const char *sqm_error_name(int code) {
    for (const IntConst *c = sqm_error_codes; c->name; c++)
        if (c->value == code) return c->name;
    return NULL;
}

Value sqm_set_error(sqlite3 *db) {
    if (!db) return sqm_raise(SQE_ProgrammingError, "Cannot operate on a closed database.");
    int code = sqlite3_extended_errcode(db);
    if (code == SQLITE_OK) return VAL_NULL;
    if ((code & 0xff) == SQLITE_NOMEM) return err_no_memory();
    Value msg = str_from_c(sqlite3_errmsg(db));
    if (IS_NULL(msg)) return VAL_NULL;
    Value exc = exc_new_instance((Type *)AS_OBJ(sqm_exc[sqm_error_class(code & 0xff)]), &msg, 1);
    if (IS_NULL(exc)) return VAL_NULL;
    const char *name = sqm_error_name(code);
    Value vname = name ? str_from_c(name) : VAL_NONE;
    if (IS_NULL(vname) || obj_setattr(exc, str_intern_c("sqlite_errorcode"), MK_SMALLINT(code)) < 0
        || obj_setattr(exc, str_intern_c("sqlite_errorname"), vname) < 0)
        return VAL_NULL;
    return err_set_obj(exc);
}

void sqm_callback_error(Value obj) {
    if (!err_occurred()) return;
    if (sqm_callback_tracebacks) fin_write_unraisable(obj);
    else err_clear();
}

/* ---- adaptation ---------------------------------------------------------------------------- */

/* CPython's microprotocols: the registry, then proto.__adapt__, then obj.__conform__. */
Value sqm_adapt(Value obj, Value proto, Value alt) {
    Value key = tuple_pack(2, MK_OBJ(val_type(obj)), proto);
    if (IS_NULL(key)) return VAL_NULL;
    Value adapter = dict_get(sqm_adapters, key);
    if (!IS_NULL(adapter)) return call1(adapter, obj);
    if (err_occurred()) return VAL_NULL;
    Value names[2] = {str_intern_c("__adapt__"), str_intern_c("__conform__")};
    Value targets[2] = {proto, obj}, params[2] = {obj, proto};
    for (int i = 0; i < 2; i++) {
        Value m = obj_getattr_opt(targets[i], names[i]);
        if (IS_NULL(m)) {
            if (err_occurred()) return VAL_NULL;
            continue;
        }
        Value r = call1(m, params[i]);
        if (IS_NULL(r)) {
            if (!err_matches(&exc_TypeError)) return VAL_NULL;
            err_clear();   /* a TypeError means "cannot": try the next way */
        } else if (!IS_NONE(r)) {
            return r;
        }
    }
    if (!IS_NULL(alt)) return alt;
    return sqm_raise(SQE_ProgrammingError, "can't adapt");
}

static Value sqm_adapt_m(Value *args, int nargs, Value kwnames) {
    Value proto = IS_NULL(args[1]) ? MK_OBJ(&type_sqlprepare) : args[1];
    return sqm_adapt(args[0], proto, args[2]);
}

static Value sqm_register_adapter(Value *args, int nargs, Value kwnames) {
    Value type = args[0];
    if (type == MK_OBJ(&type_int) || type == MK_OBJ(&type_float) || type == MK_OBJ(&type_str)
        || type == MK_OBJ(&type_bytearray))
        sqm_base_type_adapted = 1;
    Value key = tuple_pack(2, type, MK_OBJ(&type_sqlprepare));
    if (IS_NULL(key) || dict_set(sqm_adapters, key, args[1]) < 0) return VAL_NULL;
    return VAL_NONE;
}

static Value sqm_register_converter(Value *args, int nargs, Value kwnames) {
    if (!IS_STR(args[0]))
        return err_format(&exc_TypeError, "register_converter() argument 1 must be str, not %T", args[0]);
    Value upper = obj_call_method(args[0], "upper", NULL, 0);
    if (IS_NULL(upper) || dict_set(sqm_converters, upper, args[1]) < 0) return VAL_NULL;
    return VAL_NONE;
}

/* ---- module functions ---------------------------------------------------------------------- */

/* connect(database, ..., factory=Connection, ...): factory called with the same arguments. */
static Value sqm_connect(Value *args, int nargs, Value kwnames) {
    Value factory = nargs > 5 ? args[5] : VAL_NULL;
    int64_t nkw = IS_NULL(kwnames) ? 0 : AS_TUPLE(kwnames)->len;
    for (int64_t i = 0; i < nkw; i++)
        if (str_eq_c(AS_TUPLE(kwnames)->items[i], "factory")) factory = args[nargs + i];
    if (IS_NULL(factory)) factory = MK_OBJ(&type_sqlconn);
    return call_value(factory, args, nargs, kwnames);
}

static Value sqm_complete_statement(Value *args, int nargs, Value kwnames) {
    if (!IS_STR(args[0]))
        return err_format(&exc_TypeError, "complete_statement() argument 'statement' must be str, not %T",
                          args[0]);
    if (memchr(STR_DATA(args[0]), 0, STR_LEN(args[0])))
        return err_format(&exc_ValueError, "embedded null character");
    return MK_BOOL(sqlite3_complete(STR_DATA(args[0])));
}

static Value sqm_enable_callback_tracebacks(Value *args, int nargs, Value kwnames) {
    int on;
    if (arg_to_int(args[0], &on) < 0) return VAL_NULL;
    sqm_callback_tracebacks = on != 0;
    return VAL_NONE;
}

static Value sqm_enable_shared_cache(Value *args, int nargs, Value kwnames) {
    int on;
    if (arg_to_int(args[0], &on) < 0) return VAL_NULL;
    if (err_warn(&exc_DeprecationWarning, "enable_shared_cache is deprecated and will be removed in "
                 "Python 3.12. Shared cache is strongly discouraged by the SQLite 3 documentation. "
                 "If shared cache must be used, open the database in URI mode using the cache=shared "
                 "query parameter.") < 0)
        return VAL_NULL;
    if (sqlite3_enable_shared_cache(on) != SQLITE_OK)
        return sqm_raise(SQE_OperationalError, "Changing the shared_cache flag failed");
    return VAL_NONE;
}

static const MethodDef sqm_functions[] = {
    {"connect", sqm_connect, ARGS_ANY, "Opens a connection to the SQLite database file database.",
     "($module, /, database, timeout=5.0, detect_types=0, isolation_level='', check_same_thread=True, "
     "factory=ConnectionType, cached_statements=128, uri=False)"},
    {"adapt", sqm_adapt_m, ARGS_POS(1, 3), "Adapt given object to given protocol.",
     "($module, obj, proto=PrepareProtocolType, alt=<unrepresentable>, /)"},
    {"register_adapter", sqm_register_adapter, ARGS_POS(2, 2), "Register a function to adapt Python objects "
     "to SQLite values.", "($module, type, adapter, /)"},
    {"register_converter", sqm_register_converter, ARGS_POS(2, 2), "Register a function to convert SQLite "
     "values to Python objects.", "($module, typename, converter, /)"},
    {"complete_statement", sqm_complete_statement, ARGS_KW, "Checks if a string contains a complete SQL "
     "statement.", "($module, /, statement)"},
    {"enable_callback_tracebacks", sqm_enable_callback_tracebacks, ARGS_ONE,
     "Enable or disable callback functions throwing errors to stderr.", "($module, enable, /)"},
    {"enable_shared_cache", sqm_enable_shared_cache, ARGS_KW, NULL, "($module, /, do_enable)"},
    {NULL, NULL, 0, NULL},
};

/* ---- PrepareProtocol ----------------------------------------------------------------------- */

static Value sqm_prepare_new(Value *args, int nargs, Value kwnames) {
    Obj *o = obj_new_instance(AS_TYPE(args[0]));
    return o ? MK_OBJ(o) : VAL_NULL;
}

/* CPython's PrepareProtocol.__init__ ignores its arguments. */
static Value sqm_prepare_init(Value *args, int nargs, Value kwnames) { return VAL_NONE; }

static const MethodDef sqm_prepare_methods[] = {
    {"__new__", sqm_prepare_new, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", sqm_prepare_init, ARGS_ANY, NULL},
    {NULL, NULL, 0, NULL},
};

Type type_sqlprepare = {
    .tp_name = "sqlite3.PrepareProtocol", .base = &type_object, .flags = TF_BASETYPE,
    .basicsize = sizeof(Obj), .methods = sqm_prepare_methods,
};
GILPY_TYPE(type_sqlprepare, NULL);

/* ---- the module ---------------------------------------------------------------------------- */

static const char *const sqm_exc_names[SQE__COUNT] = {
    "Warning", "Error", "InterfaceError", "DatabaseError", "DataError", "OperationalError",
    "IntegrityError", "InternalError", "ProgrammingError", "NotSupportedError",
};

/* The exception classes (once per process) and the registries. */
static int sqm_init_state(void) {
    if (!IS_NULL(sqm_adapters)) return 0;
    static const int base[SQE__COUNT] = {-1, -1, SQE_Error, SQE_Error, SQE_DatabaseError,
        SQE_DatabaseError, SQE_DatabaseError, SQE_DatabaseError, SQE_DatabaseError, SQE_DatabaseError};
    for (int i = 0; i < SQE__COUNT; i++) {
        sqm_exc[i] = VAL_NULL;
        gc_add_root(&sqm_exc[i]);
        Type *b = base[i] < 0 ? &exc_Exception : (Type *)AS_OBJ(sqm_exc[base[i]]);
        sqm_exc[i] = exc_new_class("sqlite3", sqm_exc_names[i], b);
        if (IS_NULL(sqm_exc[i])) return -1;
        if (dict_set_c(type_sqlconn.dict, sqm_exc_names[i], sqm_exc[i]) < 0) return -1;
    }
    gc_add_root(&sqm_adapters);
    gc_add_root(&sqm_converters);
    sqm_adapters = dict_new();
    sqm_converters = dict_new();
    return IS_NULL(sqm_adapters) || IS_NULL(sqm_converters) ? -1 : 0;
}

/* CPython 3.11's threadsafety from SQLite's compile-time mode. */
static int sqm_threadsafety(void) {
    switch (sqlite3_threadsafe()) {
    case 0: return 0;
    case 2: return 1;
    default: return 3;
    }
}

Value mod_sqlite3_init(void) {
    Value m = module_new_c("_sqlite3");
    if (IS_NULL(m) || sqm_init_state() < 0) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, sqm_functions, m);
    for (int i = 0; i < SQE__COUNT; i++)
        if (dict_set_c(d, sqm_exc_names[i], sqm_exc[i]) < 0) return VAL_NULL;
    static const struct { const char *name; Type *type; } types[] = {
        {"Connection", &type_sqlconn}, {"Cursor", &type_sqlcursor}, {"Row", &type_sqlrow},
        {"Blob", &type_sqlblob}, {"PrepareProtocol", &type_sqlprepare},
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (dict_set_c(d, types[i].name, MK_OBJ(types[i].type)) < 0) return VAL_NULL;
    if (dict_add_int_constants(d, sqm_error_codes) < 0 || dict_add_int_constants(d, sqm_other_consts) < 0
        || dict_set_c(d, "PARSE_DECLTYPES", MK_SMALLINT(1)) < 0
        || dict_set_c(d, "PARSE_COLNAMES", MK_SMALLINT(2)) < 0
        || dict_set_c(d, "adapters", sqm_adapters) < 0 || dict_set_c(d, "converters", sqm_converters) < 0
        || dict_set_c(d, "sqlite_version", str_from_c(sqlite3_libversion())) < 0
        || dict_set_c(d, "version", str_from_c("2.6.0")) < 0
        || dict_set_c(d, "threadsafety", MK_SMALLINT(sqm_threadsafety())) < 0)
        return VAL_NULL;
    return err_occurred() ? VAL_NULL : m;
}
