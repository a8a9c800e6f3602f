/* obj_complex.h - complex: a pair of doubles on the heap (runtime/obj_complex.c). */
#ifndef GILPY_OBJ_COMPLEX_H
#define GILPY_OBJ_COMPLEX_H

#include "object.h"

typedef struct ComplexObj {
    Obj    header;
    double re, im;
} ComplexObj;

#define AS_COMPLEX(v) ((ComplexObj *)AS_OBJ(v))
/* An instance of complex or of a subclass. */
#define IS_COMPLEX(v) (IS_OBJ(v) && (AS_OBJ(v)->type == &type_complex || \
                                     val_isinstance(v, &type_complex)))

/* A new exact complex. */
Value complex_new(double re, double im);
/* (ar+ai*j) ** (br+bi*j) as CPython computes it, with its errors
 * (ZeroDivisionError "0.0 to a negative or complex power", OverflowError). */
Value complex_pow_parts(double ar, double ai, double br, double bi);

#endif
