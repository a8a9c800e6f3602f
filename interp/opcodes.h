/* opcodes.h - the one list of gilpy's bytecode instructions.
 *
 * Encoding.  Code is an array of 32-bit words.  An instruction is one word,
 * `op | arg << 8` (arg: 24 bits, unsigned), optionally followed by ONE extra
 * word (OPW = 2 in the table) holding a second operand.  Jump targets are
 * absolute word indexes into the code array.  There is no EXTENDED_ARG: a
 * code object with more than 2**24 constants/names/words is a compile error.
 *
 * Stack notation: [a, b] -> [c] shows the top of the value stack, top last.
 * NULL is VAL_NULL (a marker, never a Python object).
 *
 * Calls.  Every call site has two slots below the arguments:
 *     [A, B, arg1 .. argN]
 * If A is NULL, B is the callable and the arguments are arg1..argN.
 * Otherwise A is the callable and B is the first argument (the receiver put
 * there by LOAD_METHOD), so the arguments B, arg1..argN are contiguous and
 * calling a method allocates no bound-method object.  Plain calls emit
 * PUSH_NULL before evaluating the callable.
 *
 * Exceptions.  A frame has a stack of blocks pushed by SETUP_FINALLY and
 * popped by POP_BLOCK.  When an instruction raises, the VM pops the innermost
 * block, cuts the value stack back to the block's recorded depth, pushes the
 * exception instance and jumps to the block's handler.  With no block left,
 * the frame is unwound and the exception goes to the caller.  The VM adds a
 * traceback entry for the frame when an instruction other than RERAISE raises.
 * `ts->handled_exc` (sys.exc_info()) is saved on the stack by PUSH_EXC_INFO
 * and restored by POP_EXCEPT.  The compiler emits these shapes:
 *
 *   try/except:                          try/finally:
 *     SETUP_FINALLY H, depth D             SETUP_FINALLY H, depth D
 *     <body> POP_BLOCK <else> JUMP END     <body> POP_BLOCK <finally> JUMP END
 *   H: [exc] PUSH_EXC_INFO -> [prev, exc]  H: [exc] PUSH_EXC_INFO -> [prev, exc]
 *     SETUP_FINALLY C, depth D+1             SETUP_FINALLY C, depth D+1
 *     (per clause: COPY 1, <type>,           <finally>
 *      CHECK_EXC_MATCH,                      RERAISE
 *      POP_JUMP_IF_FALSE NEXT,             C: [prev, exc2] SWAP 2 POP_EXCEPT RERAISE
 *      POP_TOP or <store name>,
 *      <handler>, POP_BLOCK,
 *      POP_EXCEPT, JUMP END, NEXT:)
 *     RERAISE        (no clause matched)
 *   C: [prev, exc2] SWAP 2 POP_EXCEPT RERAISE
 *
 *   try/except* (compile.c's comp_try_star): the handler keeps [prev, orig,
 *   raised list, rest]; each clause does <type> CHECK_EG_MATCH and runs its
 *   body on the match; PREP_RERAISE_STAR combines what is left at the end.
 *
 *   (`except E as n:` wraps the handler in SETUP_FINALLY/POP_BLOCK whose
 *   handler does `n = None; del n; RERAISE`, and does the same on the normal
 *   path, as CPython does.)
 *
 *   with:  <cm> BEFORE_WITH -> [exit, entered]
 *     SETUP_FINALLY H, depth D+1 (exit stays below)   <store or POP_TOP>
 *     <body> POP_BLOCK WITH_EXIT_NONE JUMP END
 *   H: [exit, exc] PUSH_EXC_INFO -> [exit, prev, exc]
 *     SETUP_FINALLY C, depth D+2   WITH_EXCEPT_START -> [exit, prev, exc, res]
 *     POP_JUMP_IF_TRUE S   RERAISE
 *   S: POP_BLOCK POP_TOP POP_EXCEPT POP_TOP JUMP END
 *   C: [exit, prev, exc2] SWAP 2 POP_EXCEPT RERAISE
 *
 * break/continue/return leaving a block: the compiler emits what the normal
 * exit would (POP_BLOCK, the finally body, WITH_EXIT_NONE, POP_EXCEPT, POP_TOP
 * of a for-loop iterator), keeping a return value on top with SWAP.
 *
 * Each entry: OP(NAME, words, pops, pushes, operand, "doc").
 *   words    1, or 2 when one extra word follows (SETUP_FINALLY's depth).
 *   pops     how many values the instruction takes off the top of the stack
 *   pushes   and how many it puts back, on the path that falls through to the
 *            next instruction: int expressions in which `arg` is the
 *            instruction's argument (the OPA_* macros name its bit fields).
 *            A value further down that is only reached by position (the list
 *            of LIST_APPEND) is not counted; COPY and SWAP count the arg
 *            values they span.  pushes - pops is the stack effect the
 *            compiler's depth analysis uses (comp_flow_step in compile.c),
 *            which also checks that the popped values are there.  Where a
 *            jump's target sees another depth (FOR_ITER exhausted, the kept
 *            value of JUMP_IF_*_OR_POP, SETUP_FINALLY's handler) that edge is
 *            in comp_flow_step; RETURN_VALUE, RERAISE and RAISE_VARARGS pop
 *            and never fall through.
 *   operand  what arg means: an OperandKind without its OPK_ prefix.  It
 *            decides whether and how `dis` shows arg (disasm.c) and which
 *            args the compiler resolves as jump labels (JUMP, SETUP).
 *   doc      "[before] -> [after]  meaning", shown by docs/BYTECODE.md
 *            (tools/gen_bytecode_md.py regenerates it) and _dis.opdoc.
 */
#ifndef GILPY_OPCODES_H
#define GILPY_OPCODES_H

/* What an instruction's argument is.  disasm.c switches on it to show arg;
 * one comment line each, listed by tools/gen_bytecode_md.py. */
typedef enum {
    OPK_NONE,      /* no argument: dis shows none */
    OPK_CONST,     /* index into co_consts: dis shows the constant's repr */
    OPK_NAME,      /* index into co_names: dis shows the name */
    OPK_LOCAL,     /* index into co_varnames: dis shows the local's name */
    OPK_DEREF,     /* index into cellvars, then freevars: dis shows the variable's name */
    OPK_JUMP,      /* jump target, an absolute word index: dis shows "to N" */
    OPK_SETUP,     /* the handler's jump target; the extra word is the block's stack depth */
    OPK_COUNT,     /* how many values (items, call arguments, optional operands) */
    OPK_DEPTH,     /* a stack position counted from the top (1 = top) */
    OPK_BINOP,     /* BinOpKind, + OP__COUNT for in-place: dis shows "+" or "+=" */
    OPK_CMPOP,     /* CmpOpKind: dis shows "==" .. ">=" */
    OPK_FORMAT,    /* conversion (arg & 3) and format spec (arg & 4) of FORMAT_VALUE */
    OPK_MAKEFN,    /* MAKE_FUNCTION's flags: dis names the optional operands */
    OPK_UNPACK_EX, /* targets before the starred one | targets after it << 8 */
    OPK_IS,        /* 1 for "is not" */
    OPK_CONTAINS,  /* 1 for "not in" */
    OPK__COUNT
} OperandKind;

/* Counts that depend on bit fields of the argument, for the pops/pushes
 * columns below; like those columns they read `arg` where the table is
 * expanded (opcode_pops and opcode_pushes in opcodes.c). */
#define OPA_SPEC     ((arg >> 2) & 1)                   /* FORMAT_VALUE: a format spec on the stack */
#define OPA_UNPACKED ((arg & 0xFF) + 1 + (arg >> 8))    /* UNPACK_EX: before, the starred list, after */
#define OPA_FNARGS   ((arg & 1) + ((arg >> 1) & 1) + ((arg >> 2) & 1) + ((arg >> 3) & 1))
                                                        /* MAKE_FUNCTION: one value per flag bit */

#define OPCODES(OP)                                                                                                                            \
    /* name                  w  pops            pushes        operand    doc */                                                                \
    OP(NOP,                  1, 0,              0,            NONE,      "[] -> []  do nothing")                                               \
    OP(POP_TOP,              1, 1,              0,            NONE,      "[a] -> []")                                                          \
    OP(COPY,                 1, arg,            arg + 1,      DEPTH,     "[.. a(arg'th from top, 1 = top)] -> [.. a, a]")                      \
    OP(SWAP,                 1, arg,            arg,          DEPTH,     "swap the top with the arg'th item (arg >= 2)")                       \
    OP(PUSH_NULL,            1, 0,              1,            NONE,      "[] -> [NULL]  the empty callee slot of a call")                      \
    OP(LOAD_CONST,           1, 0,              1,            CONST,     "[] -> [consts[arg]]")                                                \
    OP(LOAD_FAST,            1, 0,              1,            LOCAL,     "[] -> [local arg]  UnboundLocalError if unbound")                    \
    OP(STORE_FAST,           1, 1,              0,            LOCAL,     "[v] -> []  local arg = v")                                           \
    OP(LOAD_FAST_ESCAPE,     1, 0,              1,            LOCAL,     "[] -> [local arg]  LOAD_FAST of a local that APPEND_FAST extends: "   \
                                                                         "the value may be shared from now on (runtime/append.h)")             \
    OP(APPEND_FAST,          1, 2,              0,            LOCAL,     "[a, b] -> []  local arg = a + b, where a was read from it; "          \
                                                                         "str and bytes grow in place when only the local has them")           \
    OP(APPEND_FAST_INPLACE,  1, 2,              0,            LOCAL,     "[a, b] -> []  local arg = (a += b), as APPEND_FAST")                 \
    OP(DELETE_FAST,          1, 0,              0,            LOCAL,     "[] -> []  unbind local arg (UnboundLocalError if unbound)")          \
    OP(LOAD_DEREF,           1, 0,              1,            DEREF,     "[] -> [cell arg's value]  cells then free vars, index into both")    \
    OP(STORE_DEREF,          1, 1,              0,            DEREF,     "[v] -> []  cell arg's value = v")                                    \
    OP(DELETE_DEREF,         1, 0,              0,            DEREF,     "[] -> []  empty cell arg")                                           \
    OP(LOAD_CLASSDEREF,      1, 0,              1,            DEREF,     "[] -> [v]  class body: the free variable's name "                    \
                                                                         "from the locals dict, else cell arg")                                \
    OP(LOAD_CLOSURE,         1, 0,              1,            DEREF,     "[] -> [cell object arg]  for building a closure tuple")              \
    OP(LOAD_NAME,            1, 0,              1,            NAME,      "[] -> [v]  names[arg] from locals dict, globals, builtins")          \
    OP(STORE_NAME,           1, 1,              0,            NAME,      "[v] -> []  locals dict[names[arg]] = v")                             \
    OP(DELETE_NAME,          1, 0,              0,            NAME,      "[] -> []  del locals dict[names[arg]]")                              \
    OP(LOAD_GLOBAL,          1, 0,              1,            NAME,      "[] -> [v]  names[arg] from globals, then builtins")                  \
    OP(STORE_GLOBAL,         1, 1,              0,            NAME,      "[v] -> []  globals[names[arg]] = v")                                 \
    OP(DELETE_GLOBAL,        1, 0,              0,            NAME,      "[] -> []")                                                           \
    OP(LOAD_ATTR,            1, 1,              1,            NAME,      "[o] -> [o.names[arg]]")                                              \
    OP(STORE_ATTR,           1, 2,              0,            NAME,      "[v, o] -> []  o.names[arg] = v")                                     \
    OP(DELETE_ATTR,          1, 1,              0,            NAME,      "[o] -> []  del o.names[arg]")                                        \
    OP(LOAD_METHOD,          1, 1,              2,            NAME,      "[o] -> [meth, o] if o.names[arg] is a plain method, "                \
                                                                         "else [NULL, o.names[arg]]")                                          \
    OP(BINARY_SUBSCR,        1, 2,              1,            NONE,      "[o, k] -> [o[k]]")                                                   \
    OP(STORE_SUBSCR,         1, 3,              0,            NONE,      "[v, o, k] -> []  o[k] = v")                                          \
    OP(DELETE_SUBSCR,        1, 2,              0,            NONE,      "[o, k] -> []  del o[k]")                                             \
    OP(BINARY_OP,            1, 2,              1,            BINOP,     "[a, b] -> [a op b]  "                                                \
                                                                         "arg: BinOpKind, +OP__COUNT for in-place (a op= b)")                  \
    OP(UNARY_NEGATIVE,       1, 1,              1,            NONE,      "[a] -> [-a]")                                                        \
    OP(UNARY_POSITIVE,       1, 1,              1,            NONE,      "[a] -> [+a]")                                                        \
    OP(UNARY_INVERT,         1, 1,              1,            NONE,      "[a] -> [~a]")                                                        \
    OP(UNARY_NOT,            1, 1,              1,            NONE,      "[a] -> [not a]")                                                     \
    OP(COMPARE_OP,           1, 2,              1,            CMPOP,     "[a, b] -> [a cmp b]  arg: CmpOpKind EQ..GE")                         \
    OP(IS_OP,                1, 2,              1,            IS,        "[a, b] -> [a is b]  (is not when arg is 1)")                         \
    OP(CONTAINS_OP,          1, 2,              1,            CONTAINS,  "[a, b] -> [a in b]  (not in when arg is 1)")                         \
    OP(BUILD_TUPLE,          1, arg,            1,            COUNT,     "[x1..xn] -> [(x1..xn)]  n = arg")                                    \
    OP(BUILD_LIST,           1, arg,            1,            COUNT,     "[x1..xn] -> [[x1..xn]]")                                             \
    OP(BUILD_SET,            1, arg,            1,            COUNT,     "[x1..xn] -> [{x1..xn}]")                                             \
    OP(BUILD_MAP,            1, 2 * arg,        1,            COUNT,     "[k1, v1 .. kn, vn] -> [{k1: v1 ..}]  n = arg")                       \
    OP(BUILD_STRING,         1, arg,            1,            COUNT,     "[s1..sn] -> [s1 + .. + sn]  (str pieces of an f-string)")            \
    OP(BUILD_SLICE,          1, arg,            1,            COUNT,     "[a, b] or [a, b, c] -> [slice]  arg = 2 or 3")                       \
    OP(LIST_APPEND,          1, 1,              0,            DEPTH,     "[.. list(arg'th below v) .., v] -> [.. list ..]  list.append(v)")    \
    OP(SET_ADD,              1, 1,              0,            DEPTH,     "[.. set .., v] -> [.. set ..]  set at arg'th below v")               \
    OP(MAP_ADD,              1, 2,              0,            DEPTH,     "[.. dict .., k, v] -> [.. dict ..]  dict at arg'th below k")         \
    OP(LIST_EXTEND,          1, 1,              0,            DEPTH,     "[.. list .., it] -> [.. list ..]  list at arg'th below it")          \
    OP(SET_UPDATE,           1, 1,              0,            DEPTH,     "[.. set .., it] -> [.. set ..]")                                     \
    OP(DICT_UPDATE,          1, 1,              0,            DEPTH,     "[.. dict .., m] -> [.. dict ..]  {**m} in a display")                \
    OP(DICT_MERGE,           1, 1,              0,            DEPTH,     "[.. dict .., m] -> [.. dict ..]  "                                   \
                                                                         "**m in a call: duplicate keys are a TypeError; "                     \
                                                                         "the callable is at arg+2 below m for the message")                   \
    OP(LIST_TO_TUPLE,        1, 1,              1,            NONE,      "[list] -> [tuple]")                                                  \
    OP(UNPACK_SEQUENCE,      1, 1,              arg,          COUNT,     "[it] -> [xn .. x1]  exactly arg items, x1 on top")                   \
    OP(UNPACK_EX,            1, 1,              OPA_UNPACKED, UNPACK_EX, "[it] -> [xn .. [star] .. x1]  arg = before | after << 8")            \
    OP(GET_LEN,              1, 1,              2,            NONE,      "[o] -> [o, len(o)]  (match statements)")                             \
    OP(MATCH_MAPPING,        1, 1,              2,            NONE,      "[s] -> [s, bool]  type(s) is a mapping for patterns "                \
                                                                         "(TF_MAPPING: dict, collections.abc.Mapping)")                        \
    OP(MATCH_SEQUENCE,       1, 1,              2,            NONE,      "[s] -> [s, bool]  type(s) is a sequence for patterns "               \
                                                                         "(TF_SEQUENCE: list, tuple, range, Sequence; not str/bytes)")         \
    OP(MATCH_KEYS,           1, 2,              3,            NONE,      "[s, keys] -> [s, keys, values]  values: the tuple of "               \
                                                                         "s.get(k, <sentinel>), or None if a key is missing")                  \
    OP(MATCH_CLASS,          1, 3,              1,            COUNT,     "[s, cls, names] -> [attrs or None]  isinstance(s, cls), then arg "   \
                                                                         "positional attributes (__match_args__) and the keyword names")       \
    OP(JUMP,                 1, 0,              0,            JUMP,      "jump forward to arg")                                                \
    OP(JUMP_BACKWARD,        1, 0,              0,            JUMP,      "jump back to arg (a loop edge: the eval breaker is polled here)")    \
    OP(POP_JUMP_IF_FALSE,    1, 1,              0,            JUMP,      "[v] -> []  jump to arg if not v")                                    \
    OP(POP_JUMP_IF_TRUE,     1, 1,              0,            JUMP,      "[v] -> []  jump to arg if v")                                        \
    OP(JUMP_IF_FALSE_OR_POP, 1, 1,              0,            JUMP,      "[v] -> [v] and jump if not v, else [] (and/or)")                     \
    OP(JUMP_IF_TRUE_OR_POP,  1, 1,              0,            JUMP,      "[v] -> [v] and jump if v, else []")                                  \
    OP(GET_ITER,             1, 1,              1,            NONE,      "[o] -> [iter(o)]")                                                   \
    OP(FOR_ITER,             1, 1,              2,            JUMP,      "[it] -> [it, next(it)]; when exhausted [it] -> [] and jump to arg")  \
    OP(CALL,                 1, arg + 2,        1,            COUNT,     "[A, B, args(arg)] -> [result]  see Calls above")                     \
    OP(CALL_KW,              1, arg + 3,        1,            COUNT,     "[A, B, args, kwvalues, kwnames] -> [result]  "                       \
                                                                         "arg = positional + keyword values; kwnames is a tuple constant")     \
    OP(CALL_EX,              1, 3 + (arg & 1),  1,            COUNT,     "[A, B, argtuple, kwdict?] -> [result]  "                             \
                                                                         "f(*a, **k); kwdict present if arg & 1")                              \
    OP(RETURN_VALUE,         1, 1,              0,            NONE,      "[v] -> return v from the frame")                                     \
    OP(MAKE_FUNCTION,        1, 1 + OPA_FNARGS, 1,            MAKEFN,    "[defaults?, kwdefaults?, annotations?, closure?, code] -> "          \
                                                                         "[function]  arg flags: 1 defaults tuple, 2 kwdefaults dict, "        \
                                                                         "4 annotations dict, 8 closure tuple")                                \
    OP(LOAD_BUILD_CLASS,     1, 0,              1,            NONE,      "[] -> [builtins.__build_class__]")                                   \
    OP(SETUP_FINALLY,        2, 0,              0,            SETUP,     "push block: handler at arg, stack depth "                            \
                                                                         "(relative to the frame's stack base) in the extra word")             \
    OP(POP_BLOCK,            1, 0,              0,            NONE,      "pop the innermost block")                                            \
    OP(PUSH_EXC_INFO,        1, 1,              2,            NONE,      "[exc] -> [prev, exc]  handled_exc = exc")                            \
    OP(POP_EXCEPT,           1, 1,              0,            NONE,      "[prev] -> []  handled_exc = prev")                                   \
    OP(CHECK_EXC_MATCH,      1, 2,              2,            NONE,      "[exc, type] -> [exc, bool]  "                                        \
                                                                         "isinstance(exc, type); TypeError for non-exception types")           \
    OP(CHECK_EG_MATCH,       1, 2,              2,            NONE,      "[exc, type] -> [rest, match]  except*: the part of exc matching "    \
                                                                         "type (handled_exc = match); [exc, None] when none matches")          \
    OP(PREP_RERAISE_STAR,    1, 2,              1,            NONE,      "[orig, list] -> [exc or None]  end of except*: what the clauses "    \
                                                                         "raised and re-raised, as one exception")                             \
    OP(RERAISE,              1, 1,              0,            NONE,      "[exc] -> raise exc again (no new traceback entry)")                  \
    OP(RAISE_VARARGS,        1, arg,            0,            COUNT,     "arg 0: re-raise handled_exc; "                                       \
                                                                         "1: [exc] raise; 2: [exc, cause] raise exc from cause")               \
    OP(LOAD_ASSERTION_ERROR, 1, 0,              1,            NONE,      "[] -> [AssertionError]")                                             \
    OP(BEFORE_WITH,          1, 1,              2,            NONE,      "[cm] -> [cm.__exit__ bound, cm.__enter__()]")                        \
    OP(WITH_EXIT_NONE,       1, 1,              0,            NONE,      "[exit] -> []  exit(None, None, None), result discarded")             \
    OP(WITH_EXCEPT_START,    1, 3,              4,            NONE,      "[exit, prev, exc] -> [exit, prev, exc, exit(type(exc), exc, tb)]")   \
    OP(YIELD_VALUE,          1, 1,              1,            NONE,      "[v] -> yield v; on resume [] -> [sent value]")                       \
    OP(GET_YIELD_FROM_ITER,  1, 1,              1,            NONE,      "[o] -> [iter(o)] (a generator stays itself)")                        \
    OP(YIELD_FROM,           1, 2,              1,            NONE,      "[it, v] -> send v to it; if it yields x the frame yields x "         \
                                                                         "and resumes here with [it, sent]; when it returns r: [r]")           \
    OP(GET_AWAITABLE,        1, 1,              1,            COUNT,     "[o] -> [iterator of await o]  arg: 0 await, 1 the result of "      \
                                                                         "__aenter__, 2 of __aexit__ (for the messages)")                      \
    OP(GET_AITER,            1, 1,              1,            NONE,      "[o] -> [o.__aiter__()]  (async for)")                                \
    OP(GET_ANEXT,            1, 1,              2,            NONE,      "[aiter] -> [aiter, iterator of await aiter.__anext__()]")            \
    OP(END_ASYNC_FOR,        1, 2,              0,            NONE,      "[aiter, exc] -> [] if exc is a StopAsyncIteration, "                 \
                                                                         "else raise exc again (the handler of an async for)")                 \
    OP(BEFORE_ASYNC_WITH,    1, 1,              2,            NONE,      "[mgr] -> [mgr.__aexit__ bound, mgr.__aenter__()]")                   \
    OP(ASYNC_GEN_WRAP,       1, 1,              1,            NONE,      "[v] -> [wrapped v]  an async generator's yield, told apart "         \
                                                                         "from values an await passes up")                                     \
    OP(IMPORT_NAME,          1, 2,              1,            NAME,      "[level, fromlist] -> [module]  "                                     \
                                                                         "__import__(names[arg], globals, None, fromlist, level)")             \
    OP(IMPORT_FROM,          1, 1,              2,            NAME,      "[m] -> [m, m.names[arg]]  ImportError 'cannot import name'")         \
    OP(IMPORT_STAR,          1, 1,              0,            NONE,      "[m] -> []  copy public names of m into the locals")                  \
    OP(FORMAT_VALUE,         1, 1 + OPA_SPEC,   1,            FORMAT,    "[v, spec?] -> [str]  "                                               \
                                                                         "arg & 3: 0 none, 1 str, 2 repr, 3 ascii; arg & 4: spec on stack")    \
    OP(SETUP_ANNOTATIONS,    1, 0,              0,            NONE,      "[] -> []  locals dict gets __annotations__ = {} if missing")         \
    OP(PRINT_EXPR,           1, 1,              0,            NONE,      "[v] -> []  REPL: sys.displayhook(v)")

typedef enum {
#define OP_ENUM(name, words, pops, pushes, operand, doc) OPC_##name,
    OPCODES(OP_ENUM)
#undef OP_ENUM
    OPC__COUNT
} Opcode;

#define INSTR(op, arg)   ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define INSTR_OP(w)      ((w) & 0xFF)
#define INSTR_ARG(w)     ((w) >> 8)
#define INSTR_ARG_MAX    0xFFFFFF

/* An opcode is the low 8 bits of a word. */
_Static_assert(OPC__COUNT <= 0x100, "too many opcodes for INSTR_OP");

/* Tables and functions generated from the list (interp/opcodes.c). */
extern const char *const opcode_names[OPC__COUNT];
extern const unsigned char opcode_words[OPC__COUNT];
extern const char *const opcode_docs[OPC__COUNT];
extern const OperandKind opcode_operands[OPC__COUNT];

/* The pops and pushes columns for an instruction with argument arg. */
int opcode_pops(Opcode op, int arg);
int opcode_pushes(Opcode op, int arg);

/* Whether arg is a jump target (operand JUMP or SETUP). */
int opcode_is_jump(Opcode op);

#endif
