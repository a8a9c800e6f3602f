/* pickle.h - what the three files of the `_pickle` module share.
 *
 *   mod_pickle.c   the module: exceptions, PickleBuffer, the memo proxies,
 *                  dump/dumps/load/loads, and the names it borrows from
 *                  copyreg, codecs, functools and _compat_pickle
 *   pickle_save.c  Pickler: objects -> CPython's pickle opcodes
 *   pickle_load.c  Unpickler: the opcodes of every protocol -> objects
 *
 * The bytes are CPython's, protocol 0 to 5 (pickle.py's opcode table and
 * pickletools document them); pickle_save.c picks the opcode CPython's C
 * pickler picks for every builtin value, so the output equals python3's.
 */
#ifndef GILPY_PICKLE_H
#define GILPY_PICKLE_H

#include <stdint.h>
#include "runtime/object.h"

#define PICKLE_HIGHEST_PROTOCOL 5
#define PICKLE_DEFAULT_PROTOCOL 4
#define PICKLE_FRAME_TARGET (64 * 1024)
#define PICKLE_FRAME_HEADER 9

enum {
    OP_MARK = '(', OP_STOP = '.', OP_POP = '0', OP_POP_MARK = '1', OP_DUP = '2',
    OP_FLOAT = 'F', OP_INT = 'I', OP_BININT = 'J', OP_BININT1 = 'K', OP_LONG = 'L',
    OP_BININT2 = 'M', OP_NONE = 'N', OP_PERSID = 'P', OP_BINPERSID = 'Q',
    OP_REDUCE = 'R', OP_STRING = 'S', OP_BINSTRING = 'T', OP_SHORT_BINSTRING = 'U',
    OP_UNICODE = 'V', OP_BINUNICODE = 'X', OP_APPEND = 'a', OP_BUILD = 'b',
    OP_GLOBAL = 'c', OP_DICT = 'd', OP_EMPTY_DICT = '}', OP_APPENDS = 'e',
    OP_GET = 'g', OP_BINGET = 'h', OP_INST = 'i', OP_LONG_BINGET = 'j', OP_LIST = 'l',
    OP_EMPTY_LIST = ']', OP_OBJ = 'o', OP_PUT = 'p', OP_BINPUT = 'q',
    OP_LONG_BINPUT = 'r', OP_SETITEM = 's', OP_TUPLE = 't', OP_EMPTY_TUPLE = ')',
    OP_SETITEMS = 'u', OP_BINFLOAT = 'G',
    /* protocol 2 */
    OP_PROTO = 0x80, OP_NEWOBJ = 0x81, OP_EXT1 = 0x82, OP_EXT2 = 0x83, OP_EXT4 = 0x84,
    OP_TUPLE1 = 0x85, OP_TUPLE2 = 0x86, OP_TUPLE3 = 0x87, OP_NEWTRUE = 0x88,
    OP_NEWFALSE = 0x89, OP_LONG1 = 0x8a, OP_LONG4 = 0x8b,
    /* protocol 3 */
    OP_BINBYTES = 'B', OP_SHORT_BINBYTES = 'C',
    /* protocol 4 */
    OP_SHORT_BINUNICODE = 0x8c, OP_BINUNICODE8 = 0x8d, OP_BINBYTES8 = 0x8e,
    OP_EMPTY_SET = 0x8f, OP_ADDITEMS = 0x90, OP_FROZENSET = 0x91, OP_NEWOBJ_EX = 0x92,
    OP_STACK_GLOBAL = 0x93, OP_MEMOIZE = 0x94, OP_FRAME = 0x95,
    /* protocol 5 */
    OP_BYTEARRAY8 = 0x96, OP_NEXT_BUFFER = 0x97, OP_READONLY_BUFFER = 0x98,
};

/* The module's exception classes and borrowed objects (mod_pickle.c). */
Type *pickle_error_type(void);          /* PickleError */
Type *pickling_error_type(void);        /* PicklingError */
Type *unpickling_error_type(void);      /* UnpicklingError */
extern Type type_pickle_buffer;         /* pickle.PickleBuffer */
/* A name of another module, imported on first use ("copyreg",
 * "dispatch_table"); VAL_NULL with the import's error. */
Value pickle_borrow(const char *module, const char *name);
/* int protocol argument (None: the default; negative: the highest) */
int pickle_protocol_arg(Value v, int *out);
/* The underlying buffer of a PickleBuffer (VAL_NULL: released, ValueError). */
int pickle_buffer_view(Value pb, Buffer *view);

/* pickle_save.c */
extern Type type_pickler;
Value pickler_dumps(Value obj, int proto, int fix_imports, Value buffer_callback);
Value pickler_dump_to(Value obj, Value file, int proto, int fix_imports, Value buffer_callback);

/* pickle_load.c */
extern Type type_unpickler;
Value unpickler_loads(Value data, int fix_imports, Value encoding, Value errors, Value buffers);
Value unpickler_load_from(Value file, int fix_imports, Value encoding, Value errors, Value buffers);

/* The memo proxies (mod_pickle.c): pickler.memo / unpickler.memo, with
 * copy() and clear() over the owner's table. */
Value memo_proxy_new(Value owner, int of_unpickler);
int   memo_proxy_owner(Value v, Value *owner, int *of_unpickler);
/* For the proxies: the owner's memo as a dict, and clearing it. */
Value pickler_memo_copy(Value pickler);
void  pickler_memo_clear(Value pickler);
Value unpickler_memo_copy(Value unpickler);
void  unpickler_memo_clear(Value unpickler);

#endif
