/* append.c - APPEND_FAST: `x += e` / `x = x + e` on a fast local.
 * The proof that the extension in place is safe is in append.h. */
#include <string.h>

#include "append.h"
#include "gc.h"
#include "obj_bytes.h"
#include "obj_str.h"
#include "ops.h"

/* Room for a result of n bytes: as much again, so a loop of appends moves
 * the text O(log n) times. */
static size_t append_room(size_t n) {
    if (n < 48) return 48;
    return n < ((size_t)1 << 45) ? n * 2 : n;
}

/* ---- str ------------------------------------------------------------------ */
static int str_has_room(Str *s, size_t n) {
    return gc_usable_size(&s->header) >= sizeof(Str) + n + 1;
}

static Value append_str(Str *x, Str *y) {
    if (x->len == 0) return MK_OBJ(y);            /* "" + y is y, as in CPython */
    size_t n = (size_t)x->len + (size_t)y->len;
    if ((x->header.aux & APPEND_OWNED) && str_has_room(x, n)) {
        memcpy(x->data + x->len, y->data, (size_t)y->len);
        x->data[n] = '\0';
        x->len = (int64_t)n;
        x->nchars += y->nchars;
        x->hash = -1;
        return MK_OBJ(x);
    }
    Str *r = str_alloc(append_room(n));
    if (!r) return VAL_NULL;
    memcpy(r->data, x->data, (size_t)x->len);
    memcpy(r->data + x->len, y->data, (size_t)y->len);
    r->data[n] = '\0';
    r->len = (int64_t)n;
    r->nchars = x->nchars + y->nchars;
    r->header.aux |= APPEND_OWNED;
    return MK_OBJ(r);
}

/* ---- bytes ---------------------------------------------------------------- */
static int bytes_has_room(Bytes *b, size_t n) {
    return gc_usable_size(&b->header) >= sizeof(Bytes) + n + 1;
}

static Value append_bytes(Bytes *x, Bytes *y) {
    if (x->len == 0) return MK_OBJ(y);
    size_t n = (size_t)x->len + (size_t)y->len;
    if ((x->header.aux & APPEND_OWNED) && bytes_has_room(x, n)) {
        memcpy(x->data + x->len, y->data, (size_t)y->len);
        x->data[n] = 0;
        x->len = (int64_t)n;
        x->hash = -1;
        return MK_OBJ(x);
    }
    Bytes *r = bytes_alloc_type(&type_bytes, append_room(n));
    if (!r) return VAL_NULL;
    memcpy(r->data, x->data, (size_t)x->len);
    memcpy(r->data + x->len, y->data, (size_t)y->len);
    r->data[n] = 0;
    r->len = (int64_t)n;
    r->header.aux |= APPEND_OWNED;
    return MK_OBJ(r);
}

/* ---- the instruction ------------------------------------------------------ */
int append_fast(Value *slot, Value a, Value b, int inplace) {
    Value r;
    if (*slot == a && IS_OBJ(a) && IS_OBJ(b) && AS_OBJ(a)->type == AS_OBJ(b)->type) {
        Type *t = AS_OBJ(a)->type;
        if (t == &type_str && STR_LEN(b) > 0) r = append_str(AS_STR(a), AS_STR(b));
        else if (t == &type_bytes && AS_BYTES(b)->len > 0) r = append_bytes(AS_BYTES(a), AS_BYTES(b));
        else goto generic;
        if (IS_NULL(r)) return -1;
        *slot = r;
        return 0;
    }
generic:
    r = inplace ? obj_inplace_binop(a, b, OP_ADD) : obj_binop(a, b, OP_ADD);
    if (IS_NULL(r)) return -1;
    *slot = r;
    return 0;
}
