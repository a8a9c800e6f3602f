/* sqlite_stmt.c - `_sqlite3`'s prepared statements and the values that cross
 * between SQLite and Python: the Statement object and each connection's cache
 * of them, parameter binding (a sequence for `?`, a mapping for `:name`, each
 * value adapted first), and the conversion of result columns (converters
 * chosen by PARSE_COLNAMES/PARSE_DECLTYPES, text through text_factory).
 *
 * The cache is a dict from SQL text to Statement kept in use order: a hit
 * moves the entry to the end, a miss past cached_statements drops the first.
 * A cached statement that a cursor is still reading rows from is `in_use`;
 * executing the same SQL meanwhile prepares a fresh one.  Statements finalize
 * themselves when collected (queued for sq_defer_free); connections close
 * with sqlite3_close_v2, so the order in which they go does not matter.  Preparing runs
 * with the GIL released, as in CPython.
 */
#include <string.h>

#include "stdlib/sqlite.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_float.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_str.h"
#include "runtime/weakref.h"

/* ---- the Statement type ------------------------------------------------------------------- */

static void sqs_finalize(Obj *o) {
    SqlStmt *s = (SqlStmt *)o;
    if (s->st) sq_defer_free(SQ_DEAD_STMT, s->st);
    s->st = NULL;
}

static void sqs_trace(Obj *o) { gc_mark_value(((SqlStmt *)o)->owner); }

Type type_sqlstmt = {
    .tp_name = "sqlite3.Statement", .base = &type_object, .flags = TF_ABSTRACT,
    .basicsize = sizeof(SqlStmt), .trace = sqs_trace, .finalize = sqs_finalize,
};
GILPY_TYPE(type_sqlstmt, NULL);

/* Skip blanks and SQL comments; NULL inside an unterminated comment. */
static const char *sqs_skip_blanks(const char *p) {
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') p++;
        if (p[0] == '-' && p[1] == '-') {
            p = strchr(p, '\n');
            if (!p) return "";
        } else if (p[0] == '/' && p[1] == '*') {
            p = strstr(p + 2, "*/");
            if (!p) return "";
            p += 2;
        } else {
            return p;
        }
    }
}

static int sqs_is_dml(const char *sql) {
    const char *p = sqs_skip_blanks(sql);
    static const char *const kw[] = {"insert", "update", "delete", "replace"};
    for (int i = 0; i < 4; i++)
        if (strncasecmp(p, kw[i], strlen(kw[i])) == 0) return 1;
    return 0;
}

int sqs_check_utf8(Value s) {
    if (str_has_surrogates(s) && IS_NULL(str_encode(s, "utf-8", "strict"))) return -1;
    return 0;
}

/* Prepare sql (one statement at most) into a new Statement. */
static Value sqs_prepare(SqlConn *c, Value sql) {
    size_t len = STR_LEN(sql);
    if (sqs_check_utf8(sql) < 0) return VAL_NULL;
    if ((int64_t)len > sqlite3_limit(c->db, SQLITE_LIMIT_SQL_LENGTH, -1))
        return sqm_raise(SQE_DataError, "query string is too large");
    if (memchr(STR_DATA(sql), 0, len)) return sqm_raise(SQE_ProgrammingError, "the query contains a null character");
    SqlStmt *s = (SqlStmt *)gc_alloc(&type_sqlstmt, sizeof(SqlStmt));
    if (!s) return VAL_NULL;
    s->owner = VAL_NONE;
    const char *text = STR_DATA(sql), *tail = NULL;
    sqlite3_stmt *st = NULL;
    sqlite3 *db = c->db;   /* read with the GIL: another thread may close c meanwhile */
    sq_gil_release();
    int rc = sqlite3_prepare_v2(db, text, (int)len + 1, &st, &tail);
    sq_gil_acquire();
    if (rc != SQLITE_OK) return sqm_set_error(db);
    s->st = st;
    if (*sqs_skip_blanks(tail)) return sqm_raise(SQE_ProgrammingError, "You can only execute one statement at a time.");
    s->is_dml = sqs_is_dml(text);
    return MK_OBJ(s);
}

Value sqs_get(SqlConn *c, Value sql) {
    Value hit = c->cache_size > 0 ? dict_get(c->stmt_cache, sql) : VAL_NULL;
    if (!IS_NULL(hit)) {
        if (SQ_STMT(hit)->in_use) return sqs_prepare(c, sql);
        if (dict_del(c->stmt_cache, sql) < 0 || dict_set(c->stmt_cache, sql, hit) < 0) return VAL_NULL;
        return hit;
    }
    if (err_occurred()) return VAL_NULL;
    Value s = sqs_prepare(c, sql);
    if (IS_NULL(s) || c->cache_size <= 0) return s;
    if (dict_len(c->stmt_cache) >= c->cache_size) {
        int64_t pos = 0;
        Value k, v;
        if (dict_next(c->stmt_cache, &pos, &k, &v) && dict_del(c->stmt_cache, k) < 0) return VAL_NULL;
    }
    return dict_set(c->stmt_cache, sql, s) < 0 ? VAL_NULL : s;
}

void sqs_reset(Value stmt) {
    SqlStmt *s = SQ_STMT(stmt);
    if (s->st && s->in_use) sqlite3_reset(s->st);
    s->in_use = 0;
    s->owner = VAL_NONE;
}

int sqs_take(Value stmt, Value cursor) {
    Value ref = weak_new_ref(&type_weakref, cursor, VAL_NONE);
    if (IS_NULL(ref)) return -1;
    SQ_STMT(stmt)->owner = ref;
    return 0;
}

void sqs_reset_abandoned(SqlConn *c) {
    gc_collect();   /* uncached statements of dead cursors are queued for finalizing too */
    int64_t pos = 0;
    Value k, v;
    while (dict_next(c->stmt_cache, &pos, &k, &v)) {
        SqlStmt *s = SQ_STMT(v);
        if (s->in_use && IS_WEAKREF(s->owner) && IS_NONE(weak_get(s->owner))) sqs_reset(v);
    }
}

int sqs_step(sqlite3_stmt *st) {
    sq_gil_release();
    int rc = sqlite3_step(st);
    sq_gil_acquire();
    return rc;
}

/* ---- binding -------------------------------------------------------------------------------- */

/* Whether v must go through the adapters: anything but the exact base types,
 * unless one of those has an adapter. */
static int sqs_needs_adapt(Value v) {
    if (sqm_base_type_adapted) return 1;
    Type *t = val_type(v);
    return !(t == &type_int || t == &type_float || t == &type_str || t == &type_bytearray);
}

/* Hold the bytes of a bytes-like value for SQLite, which counts lengths in an int. */
static int sqs_blob_arg(Value v, Buffer *b) {
    if (buffer_get(v, b, BUF_SIMPLE) < 0) return -1;
    if (b->len <= INT32_MAX) return 0;
    buffer_release(b);
    err_format(&exc_OverflowError, "BLOB longer than INT_MAX bytes");
    return -1;
}

/* Bind one Python value; 0, 1 for an unsupported type, -1 raised. */
static int sqs_bind_one(sqlite3_stmt *st, int i, Value v) {
    int rc;
    if (IS_NONE(v)) {
        rc = sqlite3_bind_null(st, i);
    } else if (IS_INT(v)) {
        int64_t n;
        if (int_to_i64(v, &n) < 0) {
            if (err_matches(&exc_OverflowError)) {
                err_clear();
                err_format(&exc_OverflowError, "Python int too large to convert to SQLite INTEGER");
            }
            return -1;
        }
        rc = sqlite3_bind_int64(st, i, n);
    } else if (IS_FLOATOBJ(v)) {
        rc = sqlite3_bind_double(st, i, float_value(v));
    } else if (IS_STR(v)) {
        if (sqs_check_utf8(v) < 0) return -1;
        rc = sqlite3_bind_text64(st, i, STR_DATA(v), STR_LEN(v), SQLITE_TRANSIENT, SQLITE_UTF8);
    } else if (buffer_check(v)) {
        Buffer b;
        if (sqs_blob_arg(v, &b) < 0) return -1;
        rc = sqlite3_bind_blob(st, i, b.buf, (int)b.len, SQLITE_TRANSIENT);
        buffer_release(&b);
    } else {
        return 1;
    }
    if (rc != SQLITE_OK) {
        sqm_set_error(sqlite3_db_handle(st));
        if (!err_occurred()) sqm_raise(SQE_InterfaceError, "Error binding parameter %d", i);
        return -1;
    }
    return 0;
}

static int sqs_bind_adapted(SqlConn *c, sqlite3_stmt *st, int i, Value v) {
    if (sqs_needs_adapt(v)) {
        v = sqm_adapt(v, MK_OBJ(&type_sqlprepare), v);
        if (IS_NULL(v)) return -1;
    }
    int rc = sqs_bind_one(st, i, v);
    if (rc > 0) sqm_raise(SQE_ProgrammingError, "Error binding parameter %d: type '%s' is not supported", i,
                          val_type_name(v));
    return rc < 0 ? -1 : 0;
}

static int sqs_bind_sequence(SqlConn *c, sqlite3_stmt *st, Value params, int n) {
    int64_t len = obj_len(params);
    if (len < 0) return -1;
    if (len != n) {
        sqm_raise(SQE_ProgrammingError, "Incorrect number of bindings supplied. The current statement uses %d, "
                  "and there are %ld supplied.", n, (long)len);
        return -1;
    }
    for (int i = 0; i < n; i++) {
        Value v = IS_TUPLE(params) ? AS_TUPLE(params)->items[i] : obj_getitem(params, MK_SMALLINT(i));
        if (IS_NULL(v) || sqs_bind_adapted(c, st, i + 1, v) < 0) return -1;
    }
    return 0;
}

static int sqs_bind_mapping(SqlConn *c, sqlite3_stmt *st, Value params, int n) {
    for (int i = 1; i <= n; i++) {
        const char *name = sqlite3_bind_parameter_name(st, i);
        if (!name) {
            sqm_raise(SQE_ProgrammingError, "Binding %d has no name, but you supplied a dictionary "
                      "(which has only names).", i);
            return -1;
        }
        Value key = str_from_c(name + 1);
        if (IS_NULL(key)) return -1;
        Value v = IS_EXACT(params, type_dict) ? dict_get(params, key) : obj_getitem(params, key);
        if (IS_NULL(v)) {
            if (err_occurred() && !err_matches(&exc_KeyError)) return -1;
            err_clear();
            sqm_raise(SQE_ProgrammingError, "You did not supply a value for binding parameter :%s.", name + 1);
            return -1;
        }
        if (sqs_bind_adapted(c, st, i, v) < 0) return -1;
    }
    return 0;
}

int sqs_bind(SqlConn *c, SqlStmt *s, Value params) {
    if (!s->st) return 0;
    int n = sqlite3_bind_parameter_count(s->st);
    if (IS_EXACT(params, type_tuple) || IS_EXACT(params, type_list)
        || (!IS_DICT(params) && !IS_NULL(val_type(params)->slots[SM_GETITEM])))
        return sqs_bind_sequence(c, s->st, params, n);
    if (IS_DICT(params)) return sqs_bind_mapping(c, s->st, params, n);
    sqm_raise(SQE_ProgrammingError, "parameters are of unsupported type");
    return -1;
}

/* ---- SQLite values to Python ---------------------------------------------------------------- */

Value sqs_from_value(sqlite3_value *v) {
    switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER: return int_from_i64(sqlite3_value_int64(v));
    case SQLITE_FLOAT: return MK_FLOAT(sqlite3_value_double(v));
    case SQLITE_TEXT: {
        const char *t = (const char *)sqlite3_value_text(v);
        return str_new_checked(t ? t : "", (size_t)sqlite3_value_bytes(v));
    }
    case SQLITE_BLOB: {
        const void *b = sqlite3_value_blob(v);
        return bytes_new(b ? b : "", (size_t)sqlite3_value_bytes(v));
    }
    default: return VAL_NONE;
    }
}

int sqs_set_result(sqlite3_context *ctx, Value v) {
    if (IS_NONE(v)) {
        sqlite3_result_null(ctx);
    } else if (IS_INT(v)) {
        int64_t n;
        if (int_to_i64(v, &n) < 0) return -1;
        sqlite3_result_int64(ctx, n);
    } else if (IS_FLOATOBJ(v)) {
        sqlite3_result_double(ctx, float_value(v));
    } else if (IS_STR(v)) {
        if (sqs_check_utf8(v) < 0) return -1;
        sqlite3_result_text64(ctx, STR_DATA(v), STR_LEN(v), SQLITE_TRANSIENT, SQLITE_UTF8);
    } else if (buffer_check(v)) {
        Buffer b;
        if (sqs_blob_arg(v, &b) < 0) return -1;
        sqlite3_result_blob(ctx, b.buf, (int)b.len, SQLITE_TRANSIENT);
        buffer_release(&b);
    } else {
        err_format(&exc_ValueError, "User-defined functions cannot return '%s' values to SQLite",
                   val_type_name(v));
        return -1;
    }
    return 0;
}

/* ---- result columns --------------------------------------------------------------------------- */

static Value sqs_converter_for(const char *name, size_t len) {
    Value key = str_new_checked(name, len);
    if (IS_NULL(key)) return VAL_NULL;
    Value upper = obj_call_method(key, "upper", NULL, 0);
    if (IS_NULL(upper)) return VAL_NULL;
    Value conv = dict_get(sqm_converters, upper);
    return IS_NULL(conv) ? (err_occurred() ? VAL_NULL : VAL_NONE) : conv;
}

/* The converter of column i: "name [type]" first, then the declared type's first word. */
static Value sqs_column_converter(SqlConn *c, sqlite3_stmt *st, int i) {
    const char *name = c->detect_types & 2 ? sqlite3_column_name(st, i) : NULL;
    const char *type = NULL;
    for (const char *p = name; p && *p; p++) {   /* from the last '[' before the first ']' after one */
        if (*p == '[') {
            type = p + 1;
        } else if (*p == ']' && type) {
            Value conv = sqs_converter_for(type, (size_t)(p - type));
            if (!IS_NONE(conv)) return conv;
            break;
        }
    }
    if (c->detect_types & 1) {
        const char *decl = sqlite3_column_decltype(st, i);
        if (decl) {
            size_t n = 0;
            while (decl[n] && decl[n] != ' ' && decl[n] != '(') n++;
            return sqs_converter_for(decl, n);
        }
    }
    return VAL_NONE;
}

Value sqs_converters(SqlConn *c, sqlite3_stmt *st) {
    if (!c->detect_types) return VAL_NONE;
    int n = sqlite3_column_count(st);
    Value list = list_new(n);
    for (int i = 0; !IS_NULL(list) && i < n; i++) {
        Value conv = sqs_column_converter(c, st, i);
        if (IS_NULL(conv) || list_append(list, conv) < 0) return VAL_NULL;
    }
    return list;
}

/* A column's name as description gives it: with PARSE_COLNAMES, cut before " [". */
static Value sqs_column_name(SqlConn *c, sqlite3_stmt *st, int i) {
    const char *name = sqlite3_column_name(st, i);
    if (!name) return err_no_memory();
    size_t n = strlen(name);
    if (c->detect_types & 2) {
        const char *open = strchr(name, '[');
        if (open) {
            n = (size_t)(open - name);
            if (n > 0 && name[n - 1] == ' ') n--;
        }
    }
    return str_new_checked(name, n);
}

Value sqs_description(SqlConn *c, sqlite3_stmt *st) {
    int n = st ? sqlite3_column_count(st) : 0;
    if (n == 0) return VAL_NONE;
    Value d = tuple_new(n);
    if (IS_NULL(d)) return VAL_NULL;
    for (int i = 0; i < n; i++) AS_TUPLE(d)->items[i] = VAL_NONE;
    for (int i = 0; i < n; i++) {
        Value name = sqs_column_name(c, st, i);
        if (IS_NULL(name)) return VAL_NULL;
        Value item = tuple_pack(7, name, VAL_NONE, VAL_NONE, VAL_NONE, VAL_NONE, VAL_NONE, VAL_NONE);
        if (IS_NULL(item)) return VAL_NULL;
        AS_TUPLE(d)->items[i] = item;
    }
    return d;
}

/* A TEXT column through text_factory (str by default). */
static Value sqs_text(SqlConn *c, sqlite3_stmt *st, int i) {
    const char *t = (const char *)sqlite3_column_text(st, i);
    size_t n = (size_t)sqlite3_column_bytes(st, i);
    if (!t) return err_no_memory();
    Value tf = c->text_factory;
    if (tf == MK_OBJ(&type_str)) {
        Value s = str_new_checked(t, n);
        if (!IS_NULL(s) || !err_matches(&exc_UnicodeDecodeError)) return s;
        err_clear();
        Value text = str_decode((const uint8_t *)t, n, "utf-8", "replace");
        if (IS_NULL(text)) return VAL_NULL;
        const char *name = sqlite3_column_name(st, i);
        return sqm_raise(SQE_OperationalError, "Could not decode to UTF-8 column '%s' with text '%s'",
                         name ? name : "", STR_DATA(text));
    }
    if (tf == MK_OBJ(&type_bytes)) return bytes_new(t, n);
    if (tf == MK_OBJ(&type_bytearray)) return bytearray_new(t, n);
    Value b = bytes_new(t, n);
    return IS_NULL(b) ? VAL_NULL : call1(tf, b);
}

Value sqs_column(SqlCursor *cur, SqlConn *c, int i) {
    sqlite3_stmt *st = SQ_STMT(cur->statement)->st;
    int type = sqlite3_column_type(st, i);
    Value conv = IS_LIST(cur->converters) && i < AS_LIST(cur->converters)->len
                     ? AS_LIST(cur->converters)->items[i] : VAL_NONE;
    if (!IS_NONE(conv) && type != SQLITE_NULL) {
        const void *b = sqlite3_column_blob(st, i);
        if (!b) return VAL_NONE;   /* a zero-length value converts to None */
        Value raw = bytes_new(b, (size_t)sqlite3_column_bytes(st, i));
        return IS_NULL(raw) ? VAL_NULL : call1(conv, raw);
    }
    switch (type) {
    case SQLITE_INTEGER: return int_from_i64(sqlite3_column_int64(st, i));
    case SQLITE_FLOAT: return MK_FLOAT(sqlite3_column_double(st, i));
    case SQLITE_TEXT: return sqs_text(c, st, i);
    case SQLITE_BLOB: {
        const void *b = sqlite3_column_blob(st, i);
        return bytes_new(b ? b : "", (size_t)sqlite3_column_bytes(st, i));
    }
    default: return VAL_NONE;
    }
}
