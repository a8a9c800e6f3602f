/* sqlite_row.c - `_sqlite3.Row`, the row factory that indexes a result row by
 * position or by column name (ASCII case-insensitively, as CPython compares
 * them), with keys(), len(), iteration, equality and a hash that cover both
 * the values and the cursor's description.  A Row keeps the data tuple and
 * the description it was made with, not the cursor.
 */
#include <string.h>

#include "stdlib/sqlite.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "ops.h"

#define ROW(v) ((SqlRow *)AS_OBJ(v))

static void sqrow_trace(Obj *o) {
    gc_mark_value(((SqlRow *)o)->data);
    gc_mark_value(((SqlRow *)o)->description);
}

static Value sqrow_new_m(Value *args, int nargs, Value kwnames) {
    if (!IS_NULL(kwnames)) return err_format(&exc_TypeError, "Row() takes no keyword arguments");
    if (nargs != 3)
        return err_format(&exc_TypeError, "Row expected 2 arguments, got %d", nargs - 1);
    if (!val_isinstance(args[1], &type_sqlcursor))
        return err_format(&exc_TypeError, "Row() argument 1 must be sqlite3.Cursor, not %T", args[1]);
    if (!IS_EXACT(args[2], type_tuple))
        return err_format(&exc_TypeError, "Row() argument 2 must be tuple, not %T", args[2]);
    SqlRow *r = (SqlRow *)obj_new_instance(AS_TYPE(args[0]));
    if (!r) return VAL_NULL;
    r->data = args[2];
    r->description = SQ_CURSOR(args[1])->description;
    return MK_OBJ(r);
}

static int sqrow_name_eq(Value col, Value key) {
    int64_t n = STR_LEN(col);
    if (n != STR_LEN(key)) return 0;
    const char *a = STR_DATA(col), *b = STR_DATA(key);
    for (int64_t i = 0; i < n; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z') x += 32;
        if (y >= 'A' && y <= 'Z') y += 32;
        if (x != y) return 0;
    }
    return 1;
}

static Value sqrow_getitem_m(Value *args, int nargs, Value kwnames) {
    SqlRow *r = ROW(args[0]);
    Value key = args[1];
    Tuple *data = AS_TUPLE(r->data);
    if (IS_INT(key)) {
        int64_t i;
        if (obj_index_i64(key, &i) < 0) return VAL_NULL;
        if (i < 0) i += data->len;
        if (i < 0 || i >= data->len) return err_format(&exc_IndexError, "tuple index out of range");
        return data->items[i];
    }
    if (IS_STR(key)) {
        if (IS_TUPLE(r->description)) {
            Tuple *d = AS_TUPLE(r->description);
            for (int64_t i = 0; i < d->len && i < data->len; i++) {
                Value col = AS_TUPLE(d->items[i])->items[0];
                if (IS_STR(col) && sqrow_name_eq(col, key)) return data->items[i];
            }
        }
        return err_format(&exc_IndexError, "No item with that key");
    }
    if (IS_EXACT(key, type_slice)) return obj_getitem(r->data, key);
    return err_format(&exc_IndexError, "Index must be int or string");
}

static Value sqrow_len_m(Value *args, int nargs, Value kwnames) {
    return MK_SMALLINT(AS_TUPLE(ROW(args[0])->data)->len);
}

static Value sqrow_iter_m(Value *args, int nargs, Value kwnames) { return obj_iter(ROW(args[0])->data); }

static Value sqrow_keys_m(Value *args, int nargs, Value kwnames) {
    SqlRow *r = ROW(args[0]);
    Value list = list_new(0);
    if (IS_NULL(list) || !IS_TUPLE(r->description)) return list;
    Tuple *d = AS_TUPLE(r->description);
    for (int64_t i = 0; i < d->len; i++)
        if (list_append(list, AS_TUPLE(d->items[i])->items[0]) < 0) return VAL_NULL;
    return list;
}

static Value sqrow_hash_m(Value *args, int nargs, Value kwnames) {
    int64_t a = obj_hash(ROW(args[0])->description), b;
    if (a == -1 || (b = obj_hash(ROW(args[0])->data)) == -1) return VAL_NULL;
    int64_t h = a ^ b;
    return MK_SMALLINT(h == -1 ? -2 : h);
}

static Value sqrow_compare(Value self, Value other, int op) {
    if (!val_isinstance(other, &type_sqlrow)) return VAL_NOTIMPLEMENTED;
    int eq = obj_eq(ROW(self)->description, ROW(other)->description);
    if (eq < 0) return VAL_NULL;
    if (eq) eq = obj_eq(ROW(self)->data, ROW(other)->data);
    if (eq < 0) return VAL_NULL;
    return MK_BOOL(op == CMP_EQ ? eq : !eq);
}

static Value sqrow_eq_m(Value *args, int nargs, Value kwnames) { return sqrow_compare(args[0], args[1], CMP_EQ); }
static Value sqrow_ne_m(Value *args, int nargs, Value kwnames) { return sqrow_compare(args[0], args[1], CMP_NE); }
static Value sqrow_notimpl_m(Value *args, int nargs, Value kwnames) { return VAL_NOTIMPLEMENTED; }

static const MethodDef sqrow_methods[] = {
    {"__new__", sqrow_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__getitem__", sqrow_getitem_m, ARGS_WRAP(1), NULL},
    {"__len__", sqrow_len_m, ARGS_WRAP(0), NULL},
    {"__iter__", sqrow_iter_m, ARGS_WRAP(0), NULL},
    {"__hash__", sqrow_hash_m, ARGS_WRAP(0), NULL},
    {"__eq__", sqrow_eq_m, ARGS_WRAP(1), NULL},
    {"__ne__", sqrow_ne_m, ARGS_WRAP(1), NULL},
    {"__lt__", sqrow_notimpl_m, ARGS_WRAP(1), NULL},
    {"__le__", sqrow_notimpl_m, ARGS_WRAP(1), NULL},
    {"__gt__", sqrow_notimpl_m, ARGS_WRAP(1), NULL},
    {"__ge__", sqrow_notimpl_m, ARGS_WRAP(1), NULL},
    {"keys", sqrow_keys_m, ARGS_NONE, "Returns the keys of the row.", "($self, /)"},
    {NULL, NULL, 0, NULL},
};

Type type_sqlrow = {
    .tp_name = "sqlite3.Row", .base = &type_object, .flags = TF_BASETYPE | TF_SEQUENCE,
    .basicsize = sizeof(SqlRow), .trace = sqrow_trace, .methods = sqrow_methods,
};
GILPY_TYPE(type_sqlrow, NULL);
