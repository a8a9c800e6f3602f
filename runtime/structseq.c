/* structseq.c - named tuples made in C (see structseq.h).
 *
 * An instance is a Tuple whose len is nseq followed by the other items, as
 * mod_time's struct_time was first laid out; its trace marks all nfields.
 * Field getters are a fixed table of functions, one per position (a
 * GetSetDef getter has no closure), so a descriptor's getsets are built by
 * picking from it.  The descriptor is found from the type again with
 * container_of: the Type is a member of its StructSeqDesc, and a Python
 * subclass finds it through its bases (TF_STRUCTSEQ marks the C one). */
#include "structseq.h"

#include <stddef.h>

#include "call.h"
#include "error.h"
#include "gc.h"
#include "obj_dict.h"
#include "obj_list.h"
#include "obj_str.h"
#include "obj_type.h"
#include "strbuf.h"

static StructSeqDesc *ss_desc_of(Value v) {
    Type *t = IS_TYPE(v) ? AS_TYPE(v) : val_type(v);
    while (!TYPE_HAS(t, TF_STRUCTSEQ)) t = t->base;
    return (StructSeqDesc *)((char *)t - offsetof(StructSeqDesc, type));
}

static void ss_trace(Obj *o) {
    Tuple *t = (Tuple *)o;
    gc_mark_values(t->items, ss_desc_of(MK_OBJ(o))->nfields);
}

static Value ss_alloc(StructSeqDesc *d, Type *cls) {
    Tuple *t = (Tuple *)gc_alloc(cls, sizeof(Tuple) + (size_t)d->nfields * sizeof(Value));
    if (!t) return VAL_NULL;
    t->len = d->nseq;
    for (int i = 0; i < d->nfields; i++) t->items[i] = VAL_NONE;
    return MK_OBJ(t);
}

Value structseq_new(StructSeqDesc *d) { return ss_alloc(d, structseq_type(d)); }

/* __new__(cls, sequence, dict=None): the items, then named ones from dict. */
static Value ss_new_m(Value *args, int nargs, Value kwnames) {
    StructSeqDesc *d = ss_desc_of(args[0]);
    if (d->no_new) return err_format(&exc_TypeError, "cannot create '%s' instances", d->name);
    Value out[2];
    static const char *const names[] = {"sequence", "dict"};
    if (arg_parse("structseq", args + 1, nargs - 1, kwnames, names, 2, 0, 1, out) < 0) return VAL_NULL;
    if (!IS_NULL(out[1]) && !IS_DICT(out[1]))
        return err_format(&exc_TypeError, "%s() takes a dict as second arg, if any", d->name);
    Value seq = seq_to_tuple(out[0]);
    if (IS_NULL(seq)) return VAL_NULL;
    int64_t n = AS_TUPLE(seq)->len;
    if (n < d->nseq)
        return err_format(&exc_TypeError, "%s() takes an at least %d-sequence (%lld-sequence given)",
                          d->name, d->nseq, (long long)n);
    if (n > d->nfields)
        return err_format(&exc_TypeError, "%s() takes an at most %d-sequence (%lld-sequence given)",
                          d->name, d->nfields, (long long)n);
    Value r = ss_alloc(d, AS_TYPE(args[0]));
    if (IS_NULL(r)) return VAL_NULL;
    for (int64_t i = 0; i < n; i++) STRUCTSEQ_ITEMS(r)[i] = AS_TUPLE(seq)->items[i];
    for (int i = (int)n; IS_DICT(out[1]) && i < d->nfields; i++) {
        Value v = d->fields[i] ? dict_get_c(out[1], d->fields[i]) : VAL_NULL;
        if (!IS_NULL(v)) STRUCTSEQ_ITEMS(r)[i] = v;
    }
    return r;
}

/* "os.stat_result(st_mode=..., ...)": the sequence items, by the names of the
 * named fields in order (unnamed ones take the following names, as CPython shows them). */
static Value ss_repr_m(Value *args, int nargs, Value kwnames) {
    StructSeqDesc *d = ss_desc_of(args[0]);
    StrBuf sb;
    sb_init(&sb);
    sb_puts(&sb, d->name);
    sb_putc(&sb, '(');
    int name_at = 0;
    for (int i = 0; i < d->nseq; i++) {
        while (name_at < d->nfields && !d->fields[name_at]) name_at++;
        Value r = obj_repr(STRUCTSEQ_ITEMS(args[0])[i]);
        if (IS_NULL(r)) { sb_free(&sb); return VAL_NULL; }
        sb_printf(&sb, "%s%s=", i ? ", " : "", name_at < d->nfields ? d->fields[name_at] : "?");
        name_at++;
        sb_put_value_str(&sb, r);
    }
    sb_putc(&sb, ')');
    return sb_finish_str(&sb);
}

/* (type, (sequence items, {other named fields})) */
static Value ss_reduce_m(Value *args, int nargs, Value kwnames) {
    StructSeqDesc *d = ss_desc_of(args[0]);
    Value seq = tuple_from_array(STRUCTSEQ_ITEMS(args[0]), d->nseq);
    Value extra = dict_new();
    if (IS_NULL(seq) || IS_NULL(extra)) return VAL_NULL;
    for (int i = d->nseq; i < d->nfields; i++)
        if (d->fields[i] && dict_set_c(extra, d->fields[i], STRUCTSEQ_ITEMS(args[0])[i]) < 0) return VAL_NULL;
    Value inner = tuple_pack(2, seq, extra);
    return IS_NULL(inner) ? VAL_NULL : tuple_pack(2, MK_OBJ(val_type(args[0])), inner);
}

static const MethodDef ss_methods[] = {
    {"__new__", ss_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__repr__", ss_repr_m, ARGS_WRAP(0), NULL},
    {"__reduce__", ss_reduce_m, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};

#define SS_GET(i) static Value ss_get##i(Value self) { return STRUCTSEQ_ITEMS(self)[i]; }
SS_GET(0) SS_GET(1) SS_GET(2) SS_GET(3) SS_GET(4) SS_GET(5) SS_GET(6) SS_GET(7)
SS_GET(8) SS_GET(9) SS_GET(10) SS_GET(11) SS_GET(12) SS_GET(13) SS_GET(14) SS_GET(15)
SS_GET(16) SS_GET(17) SS_GET(18) SS_GET(19) SS_GET(20) SS_GET(21) SS_GET(22) SS_GET(23)
static Value (*const ss_getters[STRUCTSEQ_MAX_FIELDS])(Value) = {
    ss_get0, ss_get1, ss_get2, ss_get3, ss_get4, ss_get5, ss_get6, ss_get7,
    ss_get8, ss_get9, ss_get10, ss_get11, ss_get12, ss_get13, ss_get14, ss_get15,
    ss_get16, ss_get17, ss_get18, ss_get19, ss_get20, ss_get21, ss_get22, ss_get23,
};

Type *structseq_type(StructSeqDesc *d) {
    if (d->type.header.type) return &d->type;
    int k = 0;
    for (int i = 0; i < d->nfields && i < STRUCTSEQ_MAX_FIELDS; i++)
        if (d->fields[i]) d->getsets[k++] = (GetSetDef){d->fields[i], ss_getters[i], getset_readonly, NULL};
    d->getsets[k] = (GetSetDef){NULL, NULL, NULL, NULL};
    d->type = (Type){
        .tp_name = d->name, .base = &type_tuple, .flags = TF_TUPLE_SUBCLASS | TF_STRUCTSEQ,
        .basicsize = sizeof(Tuple), .trace = ss_trace, .methods = ss_methods, .getsets = d->getsets,
    };
    type_ready(&d->type);
    Value consts[3] = {MK_SMALLINT(d->nseq), MK_SMALLINT(d->nfields), MK_SMALLINT(0)};
    for (int i = 0; i < d->nseq; i++) if (!d->fields[i]) consts[2] = MK_SMALLINT(AS_SMALLINT(consts[2]) + 1);
    dict_set_c(d->type.dict, "n_sequence_fields", consts[0]);
    dict_set_c(d->type.dict, "n_fields", consts[1]);
    dict_set_c(d->type.dict, "n_unnamed_fields", consts[2]);
    return &d->type;
}
