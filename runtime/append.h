/* append.h - `s += t` on a local str or bytes in amortized linear time.
 *
 * A loop that grows a string with `s = s + t` or `s += t` copies the whole
 * string each time unless the interpreter may extend it in place, which is
 * only safe when nothing but the local variable refers to it.  gilpy has no
 * reference counts to tell, so it proves sole ownership another way:
 *
 *   - The compiler turns `x += e` and `x = x + e`, where x is a function's
 *     fast local, into LOAD_FAST x, <e>, APPEND_FAST x, and every OTHER read
 *     of x in that function into LOAD_FAST_ESCAPE x (symtable: DEF_APPEND).
 *   - APPEND_FAST builds its str/bytes result itself, with room to spare,
 *     marks it APPEND_OWNED and stores it into x.  Nothing else can see it.
 *   - Any way the value can leave the slot clears the mark: LOAD_FAST_ESCAPE,
 *     and the snapshot of a frame's locals (locals(), frame.f_locals), the
 *     only other readers of fast locals (append_escape).
 *   - So a marked value still in slot x is referred to by x alone, and the
 *     next APPEND_FAST on it may write into its spare room, or, when the room
 *     is used up, move it to a block twice the size.  The old block is then
 *     garbage, so the copying adds up to a constant factor of the length.
 *
 * Objects other than exact str and bytes take the ordinary `+` / `+=`.
 */
#ifndef GILPY_APPEND_H
#define GILPY_APPEND_H

#include "object.h"

/* The aux bit of an exact str or bytes that only one fast local refers to. */
enum { APPEND_OWNED = 1u << 7 };

/* `*slot + b` (inplace: `*slot += b`) where `a` is the value LOAD_FAST read
 * from the slot before evaluating b; stores the result into *slot.
 * Returns 0, or -1 with an exception set (the slot is unchanged). */
int append_fast(Value *slot, Value a, Value b, int inplace);

/* v is read from a fast local by anyone but APPEND_FAST: it may be shared now. */
static inline void append_escape(Value v) {
    if (!IS_OBJ(v)) return;
    Obj *o = AS_OBJ(v);
    if ((o->aux & APPEND_OWNED) && (o->type == &type_str || o->type == &type_bytes))
        o->aux &= ~(uint32_t)APPEND_OWNED;
}

#endif
