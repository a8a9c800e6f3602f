/* astobj.h - the `_ast` module's node classes and the parser's tree as
 * Python objects (interp/astobj.c). */
#ifndef GILPY_ASTOBJ_H
#define GILPY_ASTOBJ_H

#include "../runtime/object.h"
#include "ast.h"

/* compile()'s flags, CPython's values. */
enum {
    ASTOBJ_PYCF_ONLY_AST = 0x400,
    ASTOBJ_PYCF_TYPE_COMMENTS = 0x1000,
    ASTOBJ_PYCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000,
};

extern Type type_ast;

/* The tree as a Module/Expression/Interactive node (mode says which). */
Value astobj_from_module(const Module *mod, ParseMode mode);
/* Compile a tree of node objects (compile(tree, filename, mode); interp/asttree.c). */
Value astobj_compile(Value tree, Value filename, ParseMode mode);
/* The class at index AST_<name> of astnodes.h. */
Value astobj_class(int index);
/* The class name at that index ("FunctionDef"). */
const char *ast_kind_name(int index);

#endif
