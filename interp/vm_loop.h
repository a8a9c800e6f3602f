/* vm_loop.h - the eval loop itself, compiled twice by vm.c.
 *
 * VM_LOOP is vm_run_plain with VM_TRACED 0 and vm_run_traced with VM_TRACED
 * 1.  The plain loop is the one that runs while nothing traces: not one
 * instruction of tracing in it besides the switch at the polls it already
 * had (the eval breaker at frame entry, backward jumps and returns from
 * calls), where it finds EB_TRACING set and continues the same frames in
 * the traced loop (`resume`: without a new 'call').  The traced loop sends
 * every instruction through trace_hook and checks for the events that are
 * not per instruction ('c_call', an unwinding 'return', 'exception').  It
 * stays in charge of its frames until its entry frame returns, even after
 * tracing stops, so switching costs at most one C frame per activation.
 */

/* Poll the eval breaker after a call returns (CPython's CHECK_EVAL_BREAKER in
 * CALL): a signal raised by the callee (os.kill(os.getpid(), SIGINT)) is
 * handled before the next statement runs, not at the next loop or call.
 * FRAME_ENTRY is the poll as frame f starts or a generator resumes ('call').
 * The plain loop hands its frames to the traced one there once tracing is on. */
#if VM_TRACED
#  if GILPY_COMPUTED_GOTO
#    define NEXT() do { word = *ip++; goto trace_hook; } while (0)
#  else
#    define NEXT() goto top
#  endif
#  define CHECK_BREAKER() do { if (EVAL_BREAKER(ts)) { SAVE(); \
                               if (vm_handle_eval_breaker(ts) < 0) ERROR(); } } while (0)
#  define FRAME_ENTRY() do { if (EVAL_BREAKER(ts)) { SAVE(); \
                             if (vm_frame_entry(ts, f) < 0) ERROR(); } } while (0)
#  define TRACED_FRAME_ENTRY() FRAME_ENTRY()
#else
#  if GILPY_COMPUTED_GOTO
#    define NEXT() do { word = *ip++; goto *dispatch_table[INSTR_OP(word)]; } while (0)
#  else
#    define NEXT() goto top
#  endif
#  define CHECK_BREAKER() do { if (EVAL_BREAKER(ts)) { SAVE(); \
                               if (vm_handle_eval_breaker(ts) < 0) ERROR(); \
                               if (trace_active(ts)) return vm_run_traced(ts, f, 1); } } while (0)
#  define FRAME_ENTRY() do { if (EVAL_BREAKER(ts)) { SAVE(); \
                             if (vm_handle_eval_breaker(ts) < 0) ERROR(); \
                             if (trace_active(ts)) return vm_run_traced(ts, f, 0); } } while (0)
#  define TRACED_FRAME_ENTRY() ((void)0)
#endif

static Value VM_LOOP(ThreadState *ts, Frame *f, int resume) {
#if GILPY_COMPUTED_GOTO
#  define LABEL_ADDR(name, ...) &&L_##name,
    static void *const dispatch_table[] = { OPCODES(LABEL_ADDR) };
#  undef LABEL_ADDR
#endif
    Code *co;
    uint32_t *ip;
    Value *sp, *lp, *consts, *names;
    uint32_t word;
    int reraise = 0;
    Value retval;
    RELOAD();
    if (!resume && f->throw_on_entry) {     /* generator.throw(): 'call', then the exception */
        if (!VM_TRACED && __builtin_expect(trace_active(ts), 0)) return vm_run_traced(ts, f, 0);
        f->throw_on_entry = 0;
        if (VM_TRACED) trace_frame_throw_entry(ts, f);
        goto error;
    }
    if (!resume) FRAME_ENTRY();

#if GILPY_COMPUTED_GOTO
    NEXT();
#else
top:
    word = *ip++;
#  if VM_TRACED
    goto trace_hook;
dispatch:
#  endif
    switch (INSTR_OP(word)) {
#endif

    TARGET(NOP) NEXT();
    TARGET(POP_TOP) { sp--; NEXT(); }
    TARGET(COPY) { Value v = PEEK(ARG); PUSH(v); NEXT(); }
    TARGET(SWAP) { Value t = TOP(); sp[-1] = PEEK(ARG); sp[-ARG] = t; NEXT(); }
    TARGET(PUSH_NULL) { PUSH(VAL_NULL); NEXT(); }
    TARGET(LOAD_CONST) { PUSH(consts[ARG]); NEXT(); }

    TARGET(LOAD_FAST) {
        Value v = lp[ARG];
        if (IS_NULL(v)) { unbound_fast(co, ARG); ERROR(); }
        PUSH(v);
        NEXT();
    }
    TARGET(STORE_FAST) { lp[ARG] = POP(); NEXT(); }
    TARGET(LOAD_FAST_ESCAPE) {
        Value v = lp[ARG];
        if (IS_NULL(v)) { unbound_fast(co, ARG); ERROR(); }
        append_escape(v);
        PUSH(v);
        NEXT();
    }
    TARGET(APPEND_FAST) {
        SAVE_IP();
        if (vm_append(&lp[ARG], sp[-2], sp[-1], 0) < 0) ERROR();
        sp -= 2;
        NEXT();
    }
    TARGET(APPEND_FAST_INPLACE) {
        SAVE_IP();
        if (vm_append(&lp[ARG], sp[-2], sp[-1], 1) < 0) ERROR();
        sp -= 2;
        NEXT();
    }

    TARGET(DELETE_FAST) {
        if (IS_NULL(lp[ARG])) { unbound_fast(co, ARG); ERROR(); }
        lp[ARG] = VAL_NULL;
        NEXT();
    }
    TARGET(LOAD_DEREF) {
        Value v = ((Cell *)AS_OBJ(lp[co->nlocals + ARG]))->ref;
        if (IS_NULL(v)) { unbound_deref(co, ARG); ERROR(); }
        PUSH(v);
        NEXT();
    }
    TARGET(STORE_DEREF) { ((Cell *)AS_OBJ(lp[co->nlocals + ARG]))->ref = POP(); NEXT(); }
    TARGET(DELETE_DEREF) {
        Cell *c = (Cell *)AS_OBJ(lp[co->nlocals + ARG]);
        if (IS_NULL(c->ref)) { unbound_deref(co, ARG); ERROR(); }
        c->ref = VAL_NULL;
        NEXT();
    }
    TARGET(LOAD_CLASSDEREF) {
        Value name = cell_var_name(co, ARG), v = VAL_NULL;
        if (NS_IS_DICT(f->locals_dict)) {
            v = dict_get(f->locals_dict, name);
        } else if (!IS_NULL(f->locals_dict)) {
            v = obj_getitem(f->locals_dict, name);
            if (IS_NULL(v)) {
                if (!err_matches(&exc_KeyError)) ERROR();
                err_clear();
            }
        }
        if (IS_NULL(v)) {
            v = ((Cell *)AS_OBJ(lp[co->nlocals + ARG]))->ref;
            if (IS_NULL(v)) { unbound_deref(co, ARG); ERROR(); }
        }
        PUSH(v);
        NEXT();
    }
    TARGET(LOAD_CLOSURE) { PUSH(lp[co->nlocals + ARG]); NEXT(); }
    TARGET(LOAD_NAME) { Value v = load_name(f, names[ARG], CACHE()); CHECK(v); PUSH(v); NEXT(); }
    TARGET(STORE_NAME) { Value v = POP(); if (store_name(f, names[ARG], v) < 0) ERROR(); NEXT(); }
    TARGET(DELETE_NAME) { if (delete_name(f, names[ARG]) < 0) ERROR(); NEXT(); }
    TARGET(LOAD_GLOBAL) { Value v = load_global(f, names[ARG], CACHE()); CHECK(v); PUSH(v); NEXT(); }
    TARGET(STORE_GLOBAL) { Value v = POP(); if (dict_set(f->globals, names[ARG], v) < 0) ERROR(); NEXT(); }
    TARGET(DELETE_GLOBAL) {
        int r = dict_del(f->globals, names[ARG]);
        if (r == 0) name_error(f, names[ARG]);
        if (r <= 0) ERROR();
        NEXT();
    }
    TARGET(LOAD_ATTR) {
        SAVE_IP(); Value v = load_attr(CACHE(), TOP(), names[ARG]);
        CHECK(v);
        sp[-1] = v;
        NEXT();
    }
    TARGET(STORE_ATTR) {
        Value o = POP(), v = POP();
        SAVE_IP(); if (store_attr(CACHE(), o, names[ARG], v) < 0) ERROR();
        NEXT();
    }
    TARGET(DELETE_ATTR) {
        Value o = POP();
        SAVE_IP(); if (obj_setattr(o, names[ARG], VAL_NULL) < 0) ERROR();
        NEXT();
    }
    TARGET(LOAD_METHOD) {
        Value o = TOP(), name = names[ARG];
        InlineCache *c = CACHE();
        int m = method_cached(c, o, name);
        if (m < 0) ERROR();
        if (m) {
            sp[-1] = c->descr;
            PUSH(o);
            NEXT();
        }
        SAVE_IP(); Value v = load_attr(c, o, name);
        CHECK(v);
        sp[-1] = VAL_NULL;
        PUSH(v);
        NEXT();
    }
    TARGET(BINARY_SUBSCR) {
        Value k = POP(), o = TOP(), v;
        if (IS_EXACT(o, type_list) && IS_SMALLINT(k)) {
            int64_t i = AS_SMALLINT(k), n = AS_LIST(o)->len;
            if (i < 0) i += n;
            if ((uint64_t)i < (uint64_t)n) { sp[-1] = AS_LIST(o)->items[i]; NEXT(); }
        } else if (IS_EXACT(o, type_dict)) {
            v = dict_get(o, k);
            if (!IS_NULL(v)) { sp[-1] = v; NEXT(); }
            if (err_occurred()) ERROR();
        }
        SAVE_IP(); v = obj_getitem(o, k);
        CHECK(v);
        sp[-1] = v;
        NEXT();
    }
    TARGET(STORE_SUBSCR) {
        Value k = POP(), o = POP(), v = POP();
        if (IS_EXACT(o, type_list) && IS_SMALLINT(k)) {
            int64_t i = AS_SMALLINT(k), n = AS_LIST(o)->len;
            if (i < 0) i += n;
            if ((uint64_t)i < (uint64_t)n) { AS_LIST(o)->items[i] = v; NEXT(); }
        } else if (IS_EXACT(o, type_dict)) {
            if (dict_set(o, k, v) < 0) ERROR();
            NEXT();
        }
        SAVE_IP(); if (obj_setitem(o, k, v) < 0) ERROR();
        NEXT();
    }
    TARGET(DELETE_SUBSCR) {
        Value k = POP(), o = POP();
        SAVE_IP(); if (obj_delitem(o, k) < 0) ERROR();
        NEXT();
    }
    TARGET(BINARY_OP) {
        Value b = POP(), a = TOP(), r;
        int op = ARG;
        if (BOTH_SMALLINT(a, b)) {
            int64_t x = AS_SMALLINT(a), y = AS_SMALLINT(b), z;
            switch (op % OP__COUNT) {
            case OP_ADD: z = x + y; if (SMALLINT_FITS(z)) { sp[-1] = MK_SMALLINT(z); NEXT(); } break;
            case OP_SUB: z = x - y; if (SMALLINT_FITS(z)) { sp[-1] = MK_SMALLINT(z); NEXT(); } break;
            case OP_MUL:
                if (!__builtin_mul_overflow(x, y, &z) && SMALLINT_FITS(z)) { sp[-1] = MK_SMALLINT(z); NEXT(); }
                break;
            case OP_FLOORDIV:
                if (y != 0) {
                    z = x / y;
                    if ((x % y != 0) && ((x < 0) != (y < 0))) z--;
                    if (SMALLINT_FITS(z)) { sp[-1] = MK_SMALLINT(z); NEXT(); }   /* -2**47 // -1 does not */
                }
                break;
            case OP_MOD:
                if (y != 0) { z = x % y; if (z != 0 && ((z < 0) != (y < 0))) z += y; sp[-1] = MK_SMALLINT(z); NEXT(); }
                break;
            case OP_BITAND: sp[-1] = MK_SMALLINT(x & y); NEXT();
            case OP_BITOR: sp[-1] = MK_SMALLINT(x | y); NEXT();
            case OP_BITXOR: sp[-1] = MK_SMALLINT(x ^ y); NEXT();
            case OP_TRUEDIV:
                if (y != 0 && x < ((int64_t)1 << 53) && x > -((int64_t)1 << 53)) {
                    sp[-1] = MK_FLOAT((double)x / (double)y);
                    NEXT();
                }
                break;
            default: break;
            }
        } else if (IS_FLOAT(a) && IS_FLOAT(b)) {
            double x = AS_FLOAT(a), y = AS_FLOAT(b);
            switch (op % OP__COUNT) {
            case OP_ADD: sp[-1] = MK_FLOAT(x + y); NEXT();
            case OP_SUB: sp[-1] = MK_FLOAT(x - y); NEXT();
            case OP_MUL: sp[-1] = MK_FLOAT(x * y); NEXT();
            case OP_TRUEDIV: if (y != 0.0) { sp[-1] = MK_FLOAT(x / y); NEXT(); } break;
            default: break;
            }
        }
        SAVE_IP(); r = op < OP__COUNT ? obj_binop(a, b, op) : obj_inplace_binop(a, b, op - OP__COUNT);
        CHECK(r);
        sp[-1] = r;
        NEXT();
    }
    TARGET(UNARY_NEGATIVE) {
        Value a = TOP(), r;
        if (IS_SMALLINT(a) && AS_SMALLINT(a) != SMALLINT_MIN) r = MK_SMALLINT(-AS_SMALLINT(a));
        else if (IS_FLOAT(a)) r = MK_FLOAT(-AS_FLOAT(a));
        else { SAVE_IP(); r = obj_unaryop(a, UOP_NEG); }
        CHECK(r);
        sp[-1] = r;
        NEXT();
    }
    TARGET(UNARY_POSITIVE) { SAVE_IP(); Value r = obj_unaryop(TOP(), UOP_POS); CHECK(r); sp[-1] = r; NEXT(); }
    TARGET(UNARY_INVERT) { SAVE_IP(); Value r = obj_unaryop(TOP(), UOP_INVERT); CHECK(r); sp[-1] = r; NEXT(); }
    TARGET(UNARY_NOT) {
        int t = obj_truthy(TOP());
        if (t < 0) ERROR();
        sp[-1] = MK_BOOL(!t);
        NEXT();
    }
    TARGET(COMPARE_OP) {
        Value b = POP(), a = TOP(), r;
        if (BOTH_SMALLINT(a, b) || (IS_FLOAT(a) && IS_FLOAT(b))) {
            int c = obj_richcompare_bool(a, b, ARG);
            if (!IS_FLOAT(a) || c >= 0) { sp[-1] = MK_BOOL(c); NEXT(); }
        }
        SAVE_IP(); r = obj_richcompare(a, b, ARG);
        CHECK(r);
        sp[-1] = r;
        NEXT();
    }
    TARGET(IS_OP) { Value b = POP(), a = TOP(); sp[-1] = MK_BOOL((a == b) ^ ARG); NEXT(); }
    TARGET(CONTAINS_OP) {
        Value b = POP(), a = TOP();
        SAVE_IP(); int c = obj_contains(b, a);
        if (c < 0) ERROR();
        sp[-1] = MK_BOOL(c ^ ARG);
        NEXT();
    }
    TARGET(BUILD_TUPLE) {
        Value t = tuple_from_array(sp - ARG, ARG);
        CHECK(t);
        sp -= ARG;
        PUSH(t);
        NEXT();
    }
    TARGET(BUILD_LIST) {
        Value l = list_from_array(sp - ARG, ARG);
        CHECK(l);
        sp -= ARG;
        PUSH(l);
        NEXT();
    }
    TARGET(BUILD_SET) {
        Value s = set_new(&type_set);
        CHECK(s);
        SAVE_IP(); for (int i = ARG; i > 0; i--) if (set_add(s, PEEK(i)) < 0) ERROR();
        sp -= ARG;
        PUSH(s);
        NEXT();
    }
    TARGET(BUILD_MAP) {
        Value d = dict_new_presized(ARG);
        CHECK(d);
        SAVE_IP(); for (int i = 2 * ARG; i > 0; i -= 2) if (dict_set(d, PEEK(i), PEEK(i - 1)) < 0) ERROR();
        sp -= 2 * ARG;
        PUSH(d);
        NEXT();
    }
    TARGET(BUILD_STRING) {
        Value s = build_string(sp - ARG, ARG);
        CHECK(s);
        sp -= ARG;
        PUSH(s);
        NEXT();
    }
    TARGET(BUILD_SLICE) {
        Value step = ARG == 3 ? POP() : VAL_NONE;
        Value stop = POP(), start = TOP();
        Value s = slice_new(start, stop, step);
        CHECK(s);
        sp[-1] = s;
        NEXT();
    }
    TARGET(LIST_APPEND) { Value v = POP(); if (list_append(PEEK(ARG), v) < 0) ERROR(); NEXT(); }
    TARGET(SET_ADD) { Value v = POP(); SAVE_IP(); if (set_add(PEEK(ARG), v) < 0) ERROR(); NEXT(); }
    TARGET(MAP_ADD) {
        Value v = POP(), k = POP();
        SAVE_IP(); if (dict_set(PEEK(ARG), k, v) < 0) ERROR();
        NEXT();
    }
    TARGET(LIST_EXTEND) {
        Value it = POP();
        if (IS_NULL(val_type(it)->slots[SM_ITER]) && IS_NULL(val_type(it)->slots[SM_GETITEM])) {
            /* in a call f(*a) the list sits right above the callee slots */
            Value *l = sp - ARG;
            int in_call = l - 2 >= f->stack && IS_OBJ(l[0]) && IS_EXACT(l[0], type_list) &&
                          (IS_NULL(l[-2]) || IS_OBJ(l[-2]));
            if (in_call && INSTR_OP(*ip) != OPC_BUILD_LIST && next_is_call_ex(ip, co))
                err_format(&exc_TypeError, "%S argument after * must be an iterable, not %T",
                           callable_str(IS_NULL(l[-2]) ? l[-1] : l[-2]), it);
            else
                err_format(&exc_TypeError, "Value after * must be an iterable, not %T", it);
            ERROR();
        }
        SAVE_IP(); if (list_extend(PEEK(ARG), it) < 0) ERROR();
        NEXT();
    }
    TARGET(SET_UPDATE) {
        Value it = POP();
        SAVE_IP(); if (set_update(PEEK(ARG), it) < 0) ERROR();
        NEXT();
    }
    TARGET(DICT_UPDATE) {
        /* CPython's PyDict_Update: a mapping's keys() and [] (no pairs);
         * only a missing attribute means "not a mapping" */
        Value m = POP();
        SAVE_IP(); if (dict_merge(PEEK(ARG), m, 1) < 0) {
            if (err_matches(&exc_AttributeError)) {
                err_clear();
                err_format(&exc_TypeError, "'%T' object is not a mapping", m);
            }
            ERROR();
        }
        NEXT();
    }
    TARGET(DICT_MERGE) {
        Value m = POP();
        Value a = PEEK(ARG + 2), b = PEEK(ARG + 1);
        SAVE_IP(); if (dict_merge_call(PEEK(ARG), m, IS_NULL(a) ? b : a) < 0) ERROR();
        NEXT();
    }
    TARGET(LIST_TO_TUPLE) {
        Value l = TOP();
        Value t = tuple_from_array(AS_LIST(l)->items, AS_LIST(l)->len);
        CHECK(t);
        sp[-1] = t;
        NEXT();
    }
    TARGET(UNPACK_SEQUENCE) {
        Value v = POP();
        SAVE_IP(); if (unpack_iterable(v, ARG, sp) < 0) ERROR();
        sp += ARG;
        NEXT();
    }
    TARGET(UNPACK_EX) {
        Value v = POP();
        SAVE_IP(); Value *nsp = unpack_ex(v, ARG & 0xFF, ARG >> 8, sp);
        if (!nsp) ERROR();
        sp = nsp;
        NEXT();
    }
    TARGET(GET_LEN) {
        SAVE();
        int64_t n = obj_len(TOP());
        if (n < 0) ERROR();
        Value v = int_from_i64(n);
        CHECK(v);
        PUSH(v);
        NEXT();
    }
    TARGET(MATCH_MAPPING) { Value b = MK_BOOL(TYPE_HAS(val_type(TOP()), TF_MAPPING)); PUSH(b); NEXT(); }
    TARGET(MATCH_SEQUENCE) { Value b = MK_BOOL(TYPE_HAS(val_type(TOP()), TF_SEQUENCE)); PUSH(b); NEXT(); }
    TARGET(MATCH_KEYS) {
        SAVE();
        Value v = match_keys(PEEK(2), TOP());
        CHECK(v);
        PUSH(v);
        NEXT();
    }
    TARGET(MATCH_CLASS) {
        SAVE();
        Value names = POP(), cls = POP();
        Value v = match_class(TOP(), cls, ARG, names);
        CHECK(v);
        sp[-1] = v;
        NEXT();
    }
    TARGET(JUMP) { ip = co->code + ARG; NEXT(); }
    TARGET(JUMP_BACKWARD) {
        ip = co->code + ARG;
        CHECK_BREAKER();
        NEXT();
    }
    TARGET(POP_JUMP_IF_FALSE) {
        Value v = POP();
        if (v == VAL_FALSE) { ip = co->code + ARG; NEXT(); }
        if (v == VAL_TRUE) NEXT();
        int t = obj_truthy(v);
        if (t < 0) ERROR();
        if (!t) ip = co->code + ARG;
        NEXT();
    }
    TARGET(POP_JUMP_IF_TRUE) {
        Value v = POP();
        if (v == VAL_TRUE) { ip = co->code + ARG; NEXT(); }
        if (v == VAL_FALSE) NEXT();
        int t = obj_truthy(v);
        if (t < 0) ERROR();
        if (t) ip = co->code + ARG;
        NEXT();
    }
    TARGET(JUMP_IF_FALSE_OR_POP) {
        int t = obj_truthy(TOP());
        if (t < 0) ERROR();
        if (!t) ip = co->code + ARG; else sp--;
        NEXT();
    }
    TARGET(JUMP_IF_TRUE_OR_POP) {
        int t = obj_truthy(TOP());
        if (t < 0) ERROR();
        if (t) ip = co->code + ARG; else sp--;
        NEXT();
    }
    TARGET(GET_ITER) { SAVE_IP(); Value it = obj_iter(TOP()); CHECK(it); sp[-1] = it; NEXT(); }
    TARGET(FOR_ITER) {
        SAVE();
        Value x = VM_TRACED ? obj_next_forward(TOP()) : obj_next(TOP());
        if (!IS_NULL(x)) { PUSH(x); NEXT(); }
        if (VM_TRACED && err_matches(&exc_StopIteration)) {
            trace_exception(ts, f);         /* CPython reports a StopIteration it sees */
            if (!err_matches(&exc_StopIteration)) ERROR();
            err_clear();
        }
        if (err_occurred()) ERROR();
        sp--;
        ip = co->code + ARG;
        NEXT();
    }
    TARGET(CALL) {
        int nargs = ARG;
        Value *base = sp - nargs - 2, *args;
        Value callable = call_site(base, &args, &nargs);
        Value r;
        if (IS_OBJ(callable) && AS_OBJ(callable)->type == &type_function) {
            SAVE();
            Value gen = VAL_NULL;
            Frame *nf = call_prepare_simple(ts, callable, args, nargs);
            if (!nf) {
                if (err_occurred()) ERROR();
                nf = call_prepare(ts, callable, args, nargs, VAL_NULL, &gen);
            }
            if (!nf) { CHECK(gen); sp = base; PUSH(gen); CLEAR_CALL_SITE(base, ARG + 2); NEXT(); }
            f->sp = base;           /* the call site is popped; the result is pushed on return */
            CLEAR_CALL_SITE(base, ARG + 2);
            f = nf;
            RELOAD();
            FRAME_ENTRY();
            NEXT();
        }
        if (IS_OBJ(callable) && AS_OBJ(callable)->type == &type_method && IS_NULL(base[0])) {
            /* a bound method in the callee slot: put func and self in place */
            BoundMethod *m = (BoundMethod *)AS_OBJ(callable);
            base[0] = m->func;
            base[1] = m->self;
            callable = base[0];
            args = base + 1;
            nargs++;
            if (IS_OBJ(callable) && AS_OBJ(callable)->type == &type_function) {
                SAVE();
                Value gen = VAL_NULL;
                Frame *nf = call_prepare_simple(ts, callable, args, nargs);
                if (!nf) {
                    if (err_occurred()) ERROR();
                    nf = call_prepare(ts, callable, args, nargs, VAL_NULL, &gen);
                }
                if (!nf) { CHECK(gen); sp = base; PUSH(gen); CLEAR_CALL_SITE(base, ARG + 2); NEXT(); }
                f->sp = base;
                CLEAR_CALL_SITE(base, ARG + 2);
                f = nf;
                RELOAD();
                TRACED_FRAME_ENTRY();
                NEXT();
            }
        }
        SAVE();
        if (callable == MK_OBJ(&type_super) && nargs == 0 && INSTR_OP(*ip) == OPC_LOAD_METHOD &&
            super_method(names[INSTR_ARG(*ip)], &base[0], &base[1])) {
            sp = base + 2;          /* [method, self]: the LOAD_METHOD is done too */
            ip++;
            NEXT();
        }
        ts->native_site = base;
        r = !VM_TRACED || IS_NULL(ts->profilefunc) ? call_native_counted(callable, args, nargs)
            : vm_call_native_profiled(ts, 0, callable, args, nargs, VAL_NULL, VAL_NULL);
        ts->native_site = NULL;
        CHECK(r);
        sp = base;
        PUSH(r);
        CLEAR_SPENT(base + 1, ARG + 1);
        CHECK_BREAKER();
        NEXT();
    }
    TARGET(CALL_KW) {
        Value kwnames = POP();
        int nkw = (int)AS_TUPLE(kwnames)->len;
        int nargs = ARG - nkw;
        Value *base = sp - ARG - 2, *args;
        Value callable = call_site(base, &args, &nargs);
        SAVE();
        Value r;
        if (IS_OBJ(callable) && AS_OBJ(callable)->type == &type_function) {
            Value gen = VAL_NULL;
            Frame *nf = call_prepare(ts, callable, args, nargs, kwnames, &gen);
            if (!nf) { CHECK(gen); sp = base; PUSH(gen); CLEAR_CALL_SITE(base, ARG + 3); NEXT(); }
            f->sp = base;
            CLEAR_CALL_SITE(base, ARG + 3);     /* and the kwnames */
            f = nf;
            RELOAD();
            TRACED_FRAME_ENTRY();
            NEXT();
        }
        ts->native_site = base;
        r = !VM_TRACED || IS_NULL(ts->profilefunc) ? call_value(callable, args, nargs, kwnames)
            : vm_call_native_profiled(ts, 1, callable, args, nargs, kwnames, VAL_NULL);
        ts->native_site = NULL;
        CHECK(r);
        sp = base;
        PUSH(r);
        CLEAR_SPENT(base + 1, ARG + 2);
        CHECK_BREAKER();
        NEXT();
    }
    TARGET(CALL_EX) {
        Value kw = (ARG & 1) ? POP() : VAL_NULL;
        Value argt = POP();
        Value *base = sp - 2;
        Value callable = IS_NULL(base[0]) ? base[1] : base[0];
        if (!IS_NULL(base[0])) {
            Value t = seq_to_list(argt);
            CHECK(t);
            if (list_insert(t, 0, base[1]) < 0) ERROR();
            argt = t;
        }
        SAVE();
        Value r = !VM_TRACED || IS_NULL(ts->profilefunc) ? call_ex(callable, argt, kw)
            : vm_call_native_profiled(ts, 2, callable, NULL, 0, kw, argt);
        CHECK(r);
        sp = base;
        PUSH(r);
        CLEAR_SPENT(base + 1, 1 + ((ARG & 1) ? 2 : 1));
        CHECK_BREAKER();
        NEXT();
    }
    TARGET(RETURN_VALUE) {
        retval = POP();
        if (f->is_entry) {
            f->yielded = 0;
            SAVE();
            frame_pop(ts, f);
            return retval;
        }
        Frame *caller = f->prev;
        if (__builtin_expect(!IS_NULL(f->frameobj), 0)) f->ip = ip;     /* its line, for frame_detach */
        frame_pop(ts, f);
        f = caller;
        RELOAD();
        PUSH(retval);
        CHECK_BREAKER();
        NEXT();
    }
    TARGET(MAKE_FUNCTION) {
        Value code = POP();
        Value closure = (ARG & 8) ? POP() : VAL_NULL;
        Value ann = (ARG & 4) ? POP() : VAL_NULL;
        Value kwdef = (ARG & 2) ? POP() : VAL_NULL;
        Value def = (ARG & 1) ? POP() : VAL_NULL;
        Value fn = func_new(code, f->globals, VAL_NULL);
        CHECK(fn);
        AS_FUNC(fn)->closure = closure;
        AS_FUNC(fn)->annotations = ann;
        AS_FUNC(fn)->kwdefaults = kwdef;
        AS_FUNC(fn)->defaults = def;
        PUSH(fn);
        NEXT();
    }
    TARGET(LOAD_BUILD_CLASS) {
        Value bc = dict_get_c(f->builtins, "__build_class__");
        if (IS_NULL(bc)) { err_format(&exc_NameError, "__build_class__ not found"); ERROR(); }
        PUSH(bc);
        NEXT();
    }
    TARGET(SETUP_FINALLY) {
        Block *b = &f->blocks[f->nblocks++];
        b->handler = ARG;
        b->depth = (int32_t)*ip++;
        NEXT();
    }
    TARGET(POP_BLOCK) { f->nblocks--; NEXT(); }
    TARGET(PUSH_EXC_INFO) {
        Value exc = TOP();
        sp[-1] = IS_NULL(ts->handled_exc) ? VAL_NONE : ts->handled_exc;
        PUSH(exc);
        ts->handled_exc = exc;
        NEXT();
    }
    TARGET(POP_EXCEPT) {
        Value prev = POP();
        ts->handled_exc = IS_NONE(prev) ? VAL_NULL : prev;
        NEXT();
    }
    TARGET(CHECK_EXC_MATCH) {
        Value t = POP();
        if (!exc_type_valid(t)) {
            err_format(&exc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
            ERROR();
        }
        Value match = MK_BOOL(err_given_matches(TOP(), t));
        PUSH(match);
        NEXT();
    }
    TARGET(CHECK_EG_MATCH) {
        Value t = POP();
        if (check_except_star_type(t) < 0) ERROR();
        Value match, rest;
        SAVE();
        if (excgroup_match(TOP(), t, &match, &rest) < 0) ERROR();
        if (!IS_NONE(match)) {
            sp[-1] = rest;
            ts->handled_exc = match;
        }
        PUSH(match);
        NEXT();
    }
    TARGET(PREP_RERAISE_STAR) {
        Value list = POP();
        SAVE();
        Value r = excgroup_prep_reraise(TOP(), list);
        CHECK(r);
        sp[-1] = r;
        NEXT();
    }
    TARGET(RERAISE) {
        ts->exc = POP();
        reraise = 1;
        goto error_reraise;
    }
    TARGET(RAISE_VARARGS) {
        if (ARG == 0) {
            if (IS_NULL(ts_handled_exc(ts))) { err_format(&exc_RuntimeError, "No active exception to reraise"); ERROR(); }
            ts->exc = ts_handled_exc(ts);
            reraise = 1;
            goto error_reraise;
        }
        Value cause = ARG == 2 ? POP() : VAL_NULL;
        Value e = POP();
        do_raise(ts, e, cause);
        ERROR();
    }
    TARGET(LOAD_ASSERTION_ERROR) { PUSH(MK_OBJ(&exc_AssertionError)); NEXT(); }
    TARGET(BEFORE_WITH) {
        Value exit = VAL_NULL;
        SAVE();
        Value entered = before_with(TOP(), &exit);
        CHECK(entered);
        sp[-1] = exit;
        PUSH(entered);
        NEXT();
    }
    TARGET(WITH_EXIT_NONE) {
        Value exit = POP();
        SAVE();
        Value r = call3(exit, VAL_NONE, VAL_NONE, VAL_NONE);
        CHECK(r);
        NEXT();
    }
    TARGET(WITH_EXCEPT_START) {
        Value exc = TOP(), exit = PEEK(3);
        SAVE();
        Value tb = IS_EXC(exc) ? AS_EXC(exc)->traceback : VAL_NONE;
        Value r = call3(exit, MK_OBJ(val_type(exc)), exc, tb);
        CHECK(r);
        PUSH(r);
        NEXT();
    }
    TARGET(YIELD_VALUE) {
        retval = POP();
        f->yielded = 1;
        SAVE();
        frame_pop(ts, f);
        return retval;
    }
    TARGET(GET_YIELD_FROM_ITER) { Value it = get_yield_from_iter(TOP(), f->code); CHECK(it); sp[-1] = it; NEXT(); }
    TARGET(YIELD_FROM) {
        Value v = POP(), it = TOP(), out;
        SAVE();
        int st = yield_from_step(it, v, &out);
        if (st < 0) ERROR();
        if (st == 1) {
            ip--;                         /* resume at YIELD_FROM with [it, sent] */
            SAVE();
            if (VM_TRACED && trace_frame_exit(ts, f, out) < 0) { ip++; goto exit_frame; }
            f->yielded = 1;
            frame_pop(ts, f);
            return out;
        }
        if (VM_TRACED && !IS_NULL(ts->tracefunc) && trace_stop_iteration(ts, f, it, v, out) < 0) ERROR();
        sp[-1] = out;
        NEXT();
    }
    TARGET(GET_AWAITABLE) {
        SAVE();
        Value it = coro_get_awaitable(TOP(), (int)ARG);
        CHECK(it);
        sp[-1] = it;
        NEXT();
    }
    TARGET(GET_AITER) { SAVE(); Value it = coro_get_aiter(TOP()); CHECK(it); sp[-1] = it; NEXT(); }
    TARGET(GET_ANEXT) { SAVE(); Value aw = coro_get_anext(TOP()); CHECK(aw); PUSH(aw); NEXT(); }
    TARGET(END_ASYNC_FOR) {
        Value exc = POP();
        if (!type_is_subtype(val_type(exc), &exc_StopAsyncIteration)) {
            ts->exc = exc;
            reraise = 1;
            goto error_reraise;
        }
        (void)POP();
        NEXT();
    }
    TARGET(BEFORE_ASYNC_WITH) {
        Value exit = VAL_NULL;
        SAVE();
        Value entered = coro_before_async_with(TOP(), &exit);
        CHECK(entered);
        sp[-1] = exit;
        PUSH(entered);
        NEXT();
    }
    TARGET(ASYNC_GEN_WRAP) { Value w = asyncgen_wrap(TOP()); CHECK(w); sp[-1] = w; NEXT(); }
    TARGET(IMPORT_NAME) {
        Value fromlist = POP(), level = TOP();
        SAVE();
        Value m = import_name(f->builtins, names[ARG], f->globals, f->locals_dict, fromlist, level);
        CHECK(m);
        sp[-1] = m;
        NEXT();
    }
    TARGET(IMPORT_FROM) { SAVE_IP(); Value v = import_from(TOP(), names[ARG]); CHECK(v); PUSH(v); NEXT(); }
    TARGET(IMPORT_STAR) { Value m = POP(); SAVE_IP(); if (import_star(f, m) < 0) ERROR(); NEXT(); }
    TARGET(FORMAT_VALUE) {
        Value spec = (ARG & 4) ? POP() : VAL_NULL;
        SAVE_IP(); Value s = format_value(TOP(), ARG & 3, spec);
        CHECK(s);
        sp[-1] = s;
        NEXT();
    }
    TARGET(SETUP_ANNOTATIONS) {
        Value ld = IS_NULL(f->locals_dict) ? f->globals : f->locals_dict;
        Value key = str_intern_c("__annotations__");
        Value ann = NS_IS_DICT(ld) ? dict_get(ld, key) : obj_getitem(ld, key);
        if (IS_NULL(ann)) {
            if (err_occurred() && !err_matches(&exc_KeyError)) ERROR();
            err_clear();
            Value d = dict_new();
            CHECK(d);
            if ((NS_IS_DICT(ld) ? dict_set(ld, key, d) : obj_setitem(ld, key, d)) < 0) ERROR();
        }
        NEXT();
    }
    TARGET(PRINT_EXPR) {
        Value v = POP();
        Value hook = IS_OBJ(interp.sys_module) ? obj_getattr_opt(interp.sys_module, str_intern_c("displayhook"))
                                               : VAL_NULL;
        if (IS_NULL(hook) && !err_occurred()) err_format(&exc_RuntimeError, "lost sys.displayhook");
        CHECK(hook);
        SAVE();
        if (IS_NULL(call1(hook, v))) ERROR();
        NEXT();
    }
#if !GILPY_COMPUTED_GOTO
    default:
        err_format(&exc_SystemError, "unknown opcode %d", (int)INSTR_OP(word));
        goto error;
    }
#endif

#if VM_TRACED
    /* Every instruction comes here first: its 'line' and 'opcode' events
     * ('return' before RETURN_VALUE and YIELD_VALUE), then the instruction.
     * A 'return' event that raises leaves the frame at once. */
trace_hook:
    if (__builtin_expect(trace_active(ts), 1)) {
        SAVE();
        if (trace_instr(ts, f, (int)(ip - 1 - co->code)) < 0) goto error;
        if (f->ip != ip) {              /* the trace function set f_lineno (trace_jump.c) */
            ip = f->ip;
            sp = f->sp;
            word = *ip++;
            SAVE();
        }
        if ((INSTR_OP(word) == OPC_RETURN_VALUE || INSTR_OP(word) == OPC_YIELD_VALUE) &&
            trace_frame_exit(ts, f, TOP()) < 0)
            goto exit_frame;
        if (f->ip != ip) {              /* set at a yield's 'return': the yield resumes there */
            ip = f->ip;
            sp = f->sp;
        }
    }
#  if GILPY_COMPUTED_GOTO
    goto *dispatch_table[INSTR_OP(word)];
#  else
    goto dispatch;
#  endif
#endif

error:
    reraise = 0;
error_reraise:
    {
        Value exc = ts->exc;
        if (IS_NULL(exc)) {
            err_format(&exc_SystemError, "error return without exception set");
            exc = ts->exc;
        }
        if (!reraise) {
            if (IS_EXC(exc) && IS_NONE(AS_EXC(exc)->traceback) && !IS_NULL(ts_handled_exc(ts)) &&
                IS_NONE(AS_EXC(exc)->context))
                exc_set_context(exc, ts_handled_exc(ts));
            add_traceback(f, ip);
            if (VM_TRACED && !IS_NULL(ts->tracefunc)) {
                SAVE();
                trace_exception(ts, f);
                exc = ts->exc;
            }
        }
        reraise = 0;
        if (f->nblocks > 0) {
            int at = (int)(ip - co->code) - 1;
            if (at >= 0 && co->positions[at].lineno > 0) f->exc_at = at;
            Block *b = &f->blocks[--f->nblocks];
            vm_clear_dead(f->stack + b->depth, f->stack + co->stacksize + 1);
            sp = f->stack + b->depth;
            PUSH(exc);
            ts->exc = VAL_NULL;
            ip = co->code + b->handler;
            NEXT();
        }
        if (VM_TRACED && trace_any(ts)) {
            SAVE();
            trace_frame_unwind(ts, f);
        }
    }
exit_frame:
    {
        vm_clear_dead(f->stack, f->stack + co->stacksize + 1);
        if (f->is_entry) {
            SAVE();
            f->yielded = 0;
            frame_pop(ts, f);
            return VAL_NULL;
        }
        Frame *caller = f->prev;
        if (!IS_NULL(f->frameobj)) f->ip = ip;
        frame_pop(ts, f);
        f = caller;
        RELOAD();
        goto error;
    }
}

#undef NEXT
#undef CHECK_BREAKER
#undef FRAME_ENTRY
#undef TRACED_FRAME_ENTRY
