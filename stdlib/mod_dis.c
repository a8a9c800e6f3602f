/* mod_dis.c - the `_dis` module: the C core under stdlib/lib/dis.py.
 *
 * Design: the listing itself is interp/disasm.c (also used by tests and
 * debugging from C); this module only exposes it and the opcode table.
 *   _dis.disassemble(code, recursive=False) -> str   the listing
 *   _dis.opname                                     tuple of gilpy's opcode names
 *   _dis.opdoc                                      tuple of their stack effects
 * dis.py turns functions, methods, classes and source strings into code
 * objects and prints.
 */
#include "interp/code.h"
#include "interp/disasm.h"
#include "interp/opcodes.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/strbuf.h"
#include "interp/modreg.h"

GILPY_MODULE("_dis", mod_dis_init);

static Value dis_disassemble_m(Value *args, int nargs, Value kwnames) {
    if (!IS_OBJ(args[0]) || AS_OBJ(args[0])->type != &type_code)
        return err_format(&exc_TypeError, "disassemble() argument must be a code object, not '%T'", args[0]);
    int recursive = 0;
    if (!IS_NULL(args[1]) && (recursive = obj_truthy(args[1])) < 0) return VAL_NULL;
    StrBuf sb;
    sb_init(&sb);
    disasm_code(AS_CODE(args[0]), &sb, recursive);
    return sb_finish_str(&sb);
}

static Value dis_string_tuple(const char *const *items, int n) {
    Value t = tuple_new(n);
    if (IS_NULL(t)) return VAL_NULL;
    for (int i = 0; i < n; i++) {
        Value s = str_from_c(items[i]);
        if (IS_NULL(s)) return VAL_NULL;
        AS_TUPLE(t)->items[i] = s;
    }
    return t;
}

static const MethodDef dis_methods[] = {
    {"disassemble", dis_disassemble_m, ARGS_POS(1, 2),
     "disassemble(code, recursive=False) -> str: the listing of a code object."},
    {NULL, NULL, 0, NULL},
};

Value mod_dis_init(void) {
    Value m = module_new_c("_dis");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, dis_methods, m);
    if (err_occurred()) return VAL_NULL;
    if (dict_set_c(d, "opname", dis_string_tuple(opcode_names, OPC__COUNT)) < 0 ||
        dict_set_c(d, "opdoc", dis_string_tuple(opcode_docs, OPC__COUNT)) < 0)
        return VAL_NULL;
    return m;
}
