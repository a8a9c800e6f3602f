/* obj_cell.c - cell objects: the boxes closures share a variable through.
 * ref is VAL_NULL while the variable is unbound. */
#include "runtime/obj_misc.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/gc.h"
#include "runtime/error.h"
#include "runtime/call.h"

#define CELL(v) ((Cell *)AS_OBJ(v))

Value cell_new(Value v)
{
    Cell *c = (Cell *)gc_alloc(&type_cell, sizeof(Cell));
    if (!c) return VAL_NULL;
    c->ref = v;
    return MK_OBJ(c);
}

/* ARGS_ANY, as __new__ of a builtin type: "cell expected at most 1 argument,
 * got 2" and "cell() takes no keyword arguments" name the type. */
static Value cell_new_m(Value *args, int nargs, Value kwnames)
{
    if (arg_no_kw("cell", kwnames) || arg_count("cell", nargs - 1, 0, 1)) return VAL_NULL;
    return cell_new(nargs > 1 ? args[1] : VAL_NULL);
}

static Value cell_repr_m(Value *args, int nargs, Value kwnames)
{
    Cell *c = CELL(args[0]);
    if (IS_NULL(c->ref)) return str_format_c("<cell at %p: empty>", (void *)c);
    if (IS_OBJ(c->ref))
        return str_format_c("<cell at %p: %s object at %p>", (void *)c, val_type_name(c->ref), (void *)AS_OBJ(c->ref));
    return str_format_c("<cell at %p: %s object at %p>", (void *)c, val_type_name(c->ref), (void *)&c->ref);
}

static Value cell_get_contents(Value self)
{
    if (IS_NULL(CELL(self)->ref)) return err_format(&exc_ValueError, "Cell is empty");
    return CELL(self)->ref;
}

static int cell_set_contents(Value self, Value v)
{
    CELL(self)->ref = v;
    return 0;
}

static Value cell_cmp(Value *args, int op)
{
    if (!IS_EXACT(args[1], type_cell)) return VAL_NOTIMPLEMENTED;
    Value a = CELL(args[0])->ref, b = CELL(args[1])->ref;
    Value ta[1] = {a}, tb[1] = {b};
    return seq_richcompare(ta, IS_NULL(a) ? 0 : 1, tb, IS_NULL(b) ? 0 : 1, op);
}

static Value cell_eq_m(Value *a, int n, Value k) { return cell_cmp(a, 0); }
static Value cell_ne_m(Value *a, int n, Value k) { return cell_cmp(a, 1); }
static Value cell_lt_m(Value *a, int n, Value k) { return cell_cmp(a, 2); }
static Value cell_le_m(Value *a, int n, Value k) { return cell_cmp(a, 3); }
static Value cell_gt_m(Value *a, int n, Value k) { return cell_cmp(a, 4); }
static Value cell_ge_m(Value *a, int n, Value k) { return cell_cmp(a, 5); }

static const GetSetDef cell_getsets[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef cell_methods[] = {
    {"__new__", cell_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__repr__", cell_repr_m, ARGS_WRAP(0), NULL},
    {"__hash__", NULL, 0, NULL},
    {"__eq__", cell_eq_m, ARGS_WRAP(1), NULL}, {"__ne__", cell_ne_m, ARGS_WRAP(1), NULL},
    {"__lt__", cell_lt_m, ARGS_WRAP(1), NULL}, {"__le__", cell_le_m, ARGS_WRAP(1), NULL},
    {"__gt__", cell_gt_m, ARGS_WRAP(1), NULL}, {"__ge__", cell_ge_m, ARGS_WRAP(1), NULL},
    {NULL, NULL, 0, NULL},
};

static void cell_trace(Obj *o) { gc_mark_value(((Cell *)o)->ref); }

Type type_cell = {
    .tp_name = "cell", .base = &type_object,
    .basicsize = sizeof(Cell), .trace = cell_trace,
    .methods = cell_methods, .getsets = cell_getsets,
};
GILPY_TYPE(type_cell, NULL);
