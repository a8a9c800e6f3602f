/* code.c - the code object type: compiled bytecode with its tables.
 *
 * A Code owns three malloc'd arrays (code words, positions, cell2arg) and
 * the VM's inline caches; all are gc_malloc'd and released by the
 * finalizer.  Everything else is Values, traced.  Code objects are
 * immutable once the compiler has filled them in.
 */
#include "code.h"

#include "../runtime/error.h"
#include "../runtime/gc.h"
#include "../runtime/obj_list.h"
#include "../runtime/obj_str.h"
#include "../runtime/obj_type.h"

Code *code_new(void) {
    Code *c = (Code *)gc_alloc(&type_code, sizeof(Code));
    if (!c) return NULL;
    c->consts = c->names = c->varnames = c->cellvars = c->freevars = tuple_empty();
    c->name = c->qualname = c->filename = str_empty();
    c->doc = VAL_NONE;
    return c;
}

int code_line_at(Code *c, int i) {
    if (!c->positions || i < 0 || i >= c->ncode) return 0;
    return c->positions[i].lineno;
}

static void code_trace(Obj *o) {
    Code *c = (Code *)o;
    gc_mark_value(c->consts);
    gc_mark_value(c->names);
    gc_mark_value(c->varnames);
    gc_mark_value(c->cellvars);
    gc_mark_value(c->freevars);
    gc_mark_value(c->name);
    gc_mark_value(c->qualname);
    gc_mark_value(c->filename);
    gc_mark_value(c->doc);
}

static void code_finalize(Obj *o) {
    Code *c = (Code *)o;
    gc_free(c->code, (size_t)c->ncode * sizeof(uint32_t));
    gc_free(c->positions, (size_t)c->ncode * sizeof(CodePos));
    gc_free(c->cell2arg, (size_t)c->ncells * sizeof(int32_t));
    gc_free(c->caches, (size_t)c->ncode * sizeof(InlineCache));
    c->code = NULL;
    c->positions = NULL;
    c->cell2arg = NULL;
    c->caches = NULL;
}

/* ---- attributes -------------------------------------------------------- */
#define CODE(v) ((Code *)AS_OBJ(v))
#define CODE_GET_VALUE(field) \
    static Value code_get_##field(Value self) { return CODE(self)->field; }
#define CODE_GET_INT(attr, expr) \
    static Value code_get_##attr(Value self) { return MK_SMALLINT((int64_t)(expr)); }

CODE_GET_VALUE(name)
CODE_GET_VALUE(qualname)
CODE_GET_VALUE(filename)
CODE_GET_VALUE(varnames)
CODE_GET_VALUE(names)
CODE_GET_VALUE(consts)
CODE_GET_VALUE(cellvars)
CODE_GET_VALUE(freevars)
CODE_GET_INT(firstlineno, CODE(self)->firstlineno)
CODE_GET_INT(argcount, CODE(self)->argcount)
CODE_GET_INT(posonlyargcount, CODE(self)->posonlyargcount)
CODE_GET_INT(kwonlyargcount, CODE(self)->kwonlyargcount)
CODE_GET_INT(nlocals, CODE(self)->nlocals)

/* co_flags in CPython's bit values, which inspect and friends test. */
static Value code_get_flags(Value self) {
    uint32_t f = CODE(self)->flags, r = 0;
    if (!(f & (CO_MODULE | CO_CLASSBODY))) r |= 0x1 | 0x2;      /* OPTIMIZED, NEWLOCALS */
    if (f & CO_VARARGS) r |= 0x4;
    if (f & CO_VARKEYWORDS) r |= 0x8;
    if (f & CO_NESTED) r |= 0x10;
    if (f & CO_GENERATOR) r |= 0x20;
    return MK_SMALLINT((int64_t)r);
}
CODE_GET_INT(stacksize, CODE(self)->stacksize)

/* CPython's read-only members get getset_readonly ("readonly attribute"),
 * its getsets (co_varnames, co_cellvars, co_freevars) no setter. */
static const GetSetDef code_getsets[] = {
    {"co_name", code_get_name, getset_readonly, NULL},
    {"co_qualname", code_get_qualname, getset_readonly, NULL},
    {"co_filename", code_get_filename, getset_readonly, NULL},
    {"co_firstlineno", code_get_firstlineno, getset_readonly, NULL},
    {"co_argcount", code_get_argcount, getset_readonly, NULL},
    {"co_posonlyargcount", code_get_posonlyargcount, getset_readonly, NULL},
    {"co_kwonlyargcount", code_get_kwonlyargcount, getset_readonly, NULL},
    {"co_nlocals", code_get_nlocals, getset_readonly, NULL},
    {"co_varnames", code_get_varnames, NULL, NULL},
    {"co_names", code_get_names, getset_readonly, NULL},
    {"co_consts", code_get_consts, getset_readonly, NULL},
    {"co_cellvars", code_get_cellvars, NULL, NULL},
    {"co_freevars", code_get_freevars, NULL, NULL},
    {"co_flags", code_get_flags, getset_readonly, NULL},
    {"co_stacksize", code_get_stacksize, getset_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};

static Value code_repr_m(Value *args, int nargs, Value kwnames) {
    Code *c = CODE(args[0]);
    return str_format_c("<code object %U at %p, file \"%U\", line %d>", c->name,
                        (void *)c, c->filename, (int)c->firstlineno);
}

static const MethodDef code_methods[] = {
    {"__repr__", code_repr_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};

Type type_code = {
    .tp_name = "code", .base = &type_object,
    .basicsize = sizeof(Code), .trace = code_trace, .finalize = code_finalize,
    .methods = code_methods, .getsets = code_getsets,
};
GILPY_TYPE(type_code, NULL);
