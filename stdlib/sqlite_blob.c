/* sqlite_blob.c - `_sqlite3.Blob`: incremental I/O on one BLOB value
 * (Connection.blobopen), a file-like object (read, write, seek, tell) that
 * also indexes and slices like bytes and supports item and slice assignment
 * of the same length.  The connection keeps weak references to its blobs and
 * closes them when it closes; a collected Blob closes its handle.
 */
#include <string.h>

#include "stdlib/sqlite.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_misc.h"
#include "runtime/weakref.h"

#define BLOB(v) ((SqlBlob *)AS_OBJ(v))

static void sqb_trace(Obj *o) { gc_mark_value(((SqlBlob *)o)->connection); }

static void sqb_finalize(Obj *o) {
    SqlBlob *b = (SqlBlob *)o;
    if (b->blob) sq_defer_free(SQ_DEAD_BLOB, b->blob);
    b->blob = NULL;
}

/* Note the blob in its connection's list, dropping the entries of blobs
 * that are closed or gone. */
static int sqb_track(SqlConn *c, Value blob) {
    List *l = AS_LIST(c->blobs);
    int64_t kept = 0;
    for (int64_t i = 0; i < l->len; i++) {
        Value b = weak_get(l->items[i]);
        if (!IS_NONE(b) && ((SqlBlob *)AS_OBJ(b))->blob) l->items[kept++] = l->items[i];
    }
    l->len = kept;
    Value ref = weak_new_ref(&type_weakref, blob, VAL_NONE);
    return IS_NULL(ref) ? -1 : list_append(c->blobs, ref);
}

Value sqb_new(Value conn, sqlite3_blob *handle) {
    SqlBlob *b = (SqlBlob *)gc_alloc(&type_sqlblob, sizeof(SqlBlob));
    if (!b) {
        sqlite3_blob_close(handle);
        return VAL_NULL;
    }
    b->connection = conn;
    b->blob = handle;
    return sqb_track(SQ_CONN(conn), MK_OBJ(b)) < 0 ? VAL_NULL : MK_OBJ(b);
}

static void sqb_close(SqlBlob *b) {
    if (!b->blob) return;
    sq_gil_release();
    sqlite3_blob_close(b->blob);
    sq_gil_acquire();
    b->blob = NULL;
}

void sqb_close_all(SqlConn *c) {
    if (!IS_LIST(c->blobs)) return;
    List *l = AS_LIST(c->blobs);
    for (int64_t i = 0; i < l->len; i++) {
        Value b = weak_get(l->items[i]);
        if (!IS_NULL(b) && !IS_NONE(b)) sqb_close(BLOB(b));
    }
    l->len = 0;
}

/* The blob is open and its connection usable from here: 0, or -1 raised. */
static int sqb_check(SqlBlob *b) {
    SqlConn *c = SQ_CONN(b->connection);
    if (sqc_check(c) < 0) return -1;
    if (!b->blob) {
        sqm_raise(SQE_ProgrammingError, "Cannot operate on a closed blob.");
        return -1;
    }
    return 0;
}

static Value sqb_error(SqlBlob *b, int rc) {
    if (rc == SQLITE_ABORT) return sqm_raise(SQE_OperationalError, "Cannot operate on an expired blob handle");
    return sqm_set_error(SQ_CONN(b->connection)->db);
}

static Value sqb_read_at(SqlBlob *b, int offset, int n) {
    Bytes *out = bytes_alloc((size_t)n);
    if (!out) return VAL_NULL;
    sq_gil_release();
    int rc = sqlite3_blob_read(b->blob, out->data, n, offset);
    sq_gil_acquire();
    if (rc != SQLITE_OK) return sqb_error(b, rc);
    return MK_OBJ(out);
}

static int sqb_write_at(SqlBlob *b, const void *data, int n, int offset) {
    sq_gil_release();
    int rc = sqlite3_blob_write(b->blob, data, n, offset);
    sq_gil_acquire();
    if (rc != SQLITE_OK) {
        sqb_error(b, rc);
        return -1;
    }
    return 0;
}

/* ---- file-like methods ------------------------------------------------------------------------ */

static Value sqb_read_m(Value *args, int nargs, Value kwnames) {
    SqlBlob *b = BLOB(args[0]);
    int len = -1;
    if (!IS_NULL(args[1]) && arg_to_int(args[1], &len) < 0) return VAL_NULL;
    if (sqb_check(b) < 0) return VAL_NULL;
    int remaining = sqlite3_blob_bytes(b->blob) - b->offset;
    if (len < 0 || len > remaining) len = remaining;
    Value r = sqb_read_at(b, b->offset, len);
    if (!IS_NULL(r)) b->offset += len;
    return r;
}

static Value sqb_write_m(Value *args, int nargs, Value kwnames) {
    SqlBlob *b = BLOB(args[0]);
    Buffer buf;
    if (buffer_get(args[1], &buf, BUF_SIMPLE) < 0) return VAL_NULL;
    Value r = VAL_NONE;
    if (sqb_check(b) < 0) {
        r = VAL_NULL;
    } else if (buf.len > sqlite3_blob_bytes(b->blob) - b->offset) {
        r = err_format(&exc_ValueError, "data longer than blob length");
    } else if (sqb_write_at(b, buf.buf, (int)buf.len, b->offset) < 0) {
        r = VAL_NULL;
    } else {
        b->offset += (int)buf.len;
    }
    buffer_release(&buf);
    return r;
}

static Value sqb_seek_m(Value *args, int nargs, Value kwnames) {
    SqlBlob *b = BLOB(args[0]);
    int offset, origin = 0;
    if (arg_to_int(args[1], &offset) < 0 || (!IS_NULL(args[2]) && arg_to_int(args[2], &origin) < 0))
        return VAL_NULL;
    if (sqb_check(b) < 0) return VAL_NULL;
    int len = sqlite3_blob_bytes(b->blob);
    int64_t base;
    switch (origin) {
    case 0: base = 0; break;
    case 1: base = b->offset; break;
    case 2: base = len; break;
    default:
        return err_format(&exc_ValueError, "'origin' should be os.SEEK_SET, os.SEEK_CUR, or os.SEEK_END");
    }
    int64_t pos = base + offset;
    if (pos > INT32_MAX) return err_format(&exc_OverflowError, "seek offset results in overflow");
    if (pos < 0 || pos > len) return err_format(&exc_ValueError, "offset out of blob range");
    b->offset = (int)pos;
    return VAL_NONE;
}

static Value sqb_tell_m(Value *args, int nargs, Value kwnames) {
    SqlBlob *b = BLOB(args[0]);
    if (sqb_check(b) < 0) return VAL_NULL;
    return MK_SMALLINT(b->offset);
}

static Value sqb_close_m(Value *args, int nargs, Value kwnames) {
    SqlBlob *b = BLOB(args[0]);
    if (sqc_check(SQ_CONN(b->connection)) < 0) return VAL_NULL;
    sqb_close(b);
    return VAL_NONE;
}

static Value sqb_enter_m(Value *args, int nargs, Value kwnames) {
    if (sqb_check(BLOB(args[0])) < 0) return VAL_NULL;
    return args[0];
}

static Value sqb_exit_m(Value *args, int nargs, Value kwnames) {
    SqlBlob *b = BLOB(args[0]);
    if (sqb_check(b) < 0) return VAL_NULL;
    sqb_close(b);
    return VAL_FALSE;
}

/* ---- the mapping protocol --------------------------------------------------------------------- */

static Value sqb_len_m(Value *args, int nargs, Value kwnames) {
    SqlBlob *b = BLOB(args[0]);
    if (sqb_check(b) < 0) return VAL_NULL;
    return MK_SMALLINT(sqlite3_blob_bytes(b->blob));
}

static int sqb_index(SqlBlob *b, Value key, int64_t *out) {
    if (obj_index_i64(key, out) < 0) return -1;
    int len = sqlite3_blob_bytes(b->blob);
    if (*out < 0) *out += len;
    if (*out < 0 || *out >= len) {
        err_format(&exc_IndexError, "Blob index out of range");
        return -1;
    }
    return 0;
}

static Value sqb_getitem_m(Value *args, int nargs, Value kwnames) {
    SqlBlob *b = BLOB(args[0]);
    Value key = args[1];
    if (sqb_check(b) < 0) return VAL_NULL;
    if (IS_EXACT(key, type_slice)) {
        int64_t start, stop, step;
        int64_t n = slice_indices(key, sqlite3_blob_bytes(b->blob), &start, &stop, &step);
        if (n < 0) return VAL_NULL;
        if (n == 0) return bytes_new("", 0);
        if (step == 1) return sqb_read_at(b, (int)start, (int)n);
        Value all = sqb_read_at(b, 0, sqlite3_blob_bytes(b->blob));
        if (IS_NULL(all)) return VAL_NULL;
        Bytes *out = bytes_alloc((size_t)n);
        if (!out) return VAL_NULL;
        for (int64_t i = 0, j = start; i < n; i++, j += step) out->data[i] = AS_BYTES(all)->data[j];
        return MK_OBJ(out);
    }
    if (type_lookup_c(val_type(key), "__index__") == VAL_NULL)
        return err_format(&exc_TypeError, "Blob indices must be integers");
    int64_t i;
    if (sqb_index(b, key, &i) < 0) return VAL_NULL;
    Value one = sqb_read_at(b, (int)i, 1);
    return IS_NULL(one) ? VAL_NULL : MK_SMALLINT(AS_BYTES(one)->data[0]);
}

static int sqb_set_slice(SqlBlob *b, Value key, Value value) {
    int64_t start, stop, step;
    int64_t n = slice_indices(key, sqlite3_blob_bytes(b->blob), &start, &stop, &step);
    if (n < 0) return -1;
    Buffer buf;
    if (buffer_get(value, &buf, BUF_SIMPLE) < 0) return -1;
    int rc = 0;
    if (buf.len != n) {
        err_format(&exc_IndexError, "Blob slice assignment is wrong size");
        rc = -1;
    } else if (n > 0 && step == 1) {
        rc = sqb_write_at(b, buf.buf, (int)n, (int)start);
    } else if (n > 0) {
        Value all = sqb_read_at(b, 0, sqlite3_blob_bytes(b->blob));
        if (IS_NULL(all)) {
            rc = -1;
        } else {
            for (int64_t i = 0, j = start; i < n; i++, j += step) AS_BYTES(all)->data[j] = buf.buf[i];
            rc = sqb_write_at(b, AS_BYTES(all)->data, (int)AS_BYTES(all)->len, 0);
        }
    }
    buffer_release(&buf);
    return rc;
}

static Value sqb_setitem_m(Value *args, int nargs, Value kwnames) {
    SqlBlob *b = BLOB(args[0]);
    Value key = args[1], value = args[2];
    if (sqb_check(b) < 0) return VAL_NULL;
    if (IS_NULL(value)) return err_format(&exc_TypeError, "Blob doesn't support item deletion");
    if (IS_EXACT(key, type_slice)) return sqb_set_slice(b, key, value) < 0 ? VAL_NULL : VAL_NONE;
    if (type_lookup_c(val_type(key), "__index__") == VAL_NULL)
        return err_format(&exc_TypeError, "Blob indices must be integers");
    int64_t i, byte;
    if (sqb_index(b, key, &i) < 0) return VAL_NULL;
    if (!IS_INT(value)) return err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                                          val_type_name(value));
    if (int_to_i64(value, &byte) < 0 || byte < 0 || byte > 255) {
        err_clear();
        return err_format(&exc_ValueError, "byte must be in range(0, 256)");
    }
    unsigned char c = (unsigned char)byte;
    return sqb_write_at(b, &c, 1, (int)i) < 0 ? VAL_NULL : VAL_NONE;
}

static Value sqb_delitem_m(Value *args, int nargs, Value kwnames) {
    if (sqb_check(BLOB(args[0])) < 0) return VAL_NULL;
    return err_format(&exc_TypeError, "Blob doesn't support item deletion");
}

static const MethodDef sqb_methods[] = {
    {"read", sqb_read_m, ARGS_POS(0, 1), "Read data at the current offset position.", "($self, length=-1, /)"},
    {"write", sqb_write_m, ARGS_ONE, "Write data at the current offset.", "($self, data, /)"},
    {"seek", sqb_seek_m, ARGS_POS(1, 2), "Set the current access position to offset.", "($self, offset, origin=0, /)"},
    {"tell", sqb_tell_m, ARGS_NONE, "Return the current access position for the blob.", "($self, /)"},
    {"close", sqb_close_m, ARGS_NONE, "Close the blob.", "($self, /)"},
    {"__enter__", sqb_enter_m, ARGS_NONE, "Blob context manager enter.", "($self, /)"},
    {"__exit__", sqb_exit_m, ARGS_POS(3, 3), "Blob context manager exit.", "($self, type, val, tb, /)"},
    {"__len__", sqb_len_m, ARGS_WRAP(0), NULL},
    {"__getitem__", sqb_getitem_m, ARGS_WRAP(1), NULL},
    {"__setitem__", sqb_setitem_m, ARGS_WRAP(2), NULL},
    {"__delitem__", sqb_delitem_m, ARGS_WRAP(1), NULL},
    {"__hash__", NULL, 0, NULL},
    {"__iter__", NULL, 0, NULL},   /* a mapping, not a sequence: iter() refuses */
    {NULL, NULL, 0, NULL},
};

Type type_sqlblob = {
    .tp_name = "sqlite3.Blob", .base = &type_object, .flags = TF_WEAKREFABLE | TF_ABSTRACT,
    .basicsize = sizeof(SqlBlob), .trace = sqb_trace, .finalize = sqb_finalize, .methods = sqb_methods,
};
GILPY_TYPE(type_sqlblob, NULL);
