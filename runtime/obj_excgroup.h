/* obj_excgroup.h - BaseExceptionGroup/ExceptionGroup and except*'s two steps
 * (see obj_excgroup.c). */
#ifndef GILPY_OBJ_EXCGROUP_H
#define GILPY_OBJ_EXCGROUP_H

#include "obj_exc.h"

typedef struct ExcGroupObj {
    ExcObj base;
    Value  msg;             /* str: .message */
    Value  excs;            /* non-empty tuple of exceptions: .exceptions */
} ExcGroupObj;

extern Type exc_BaseExceptionGroup, exc_ExceptionGroup;

/* An instance of BaseExceptionGroup? */
int   excgroup_check(Value v);
/* The tuple of a group's exceptions. */
Value excgroup_exceptions(Value eg);
/* except* T: the part of exc matching T in *match (None: no match; a naked
 * match wrapped in ExceptionGroup("", [exc])) and the rest in *rest (None
 * when nothing is left).  0, or -1 with an exception set. */
int   excgroup_match(Value exc, Value type, Value *match, Value *rest);
/* What an except* statement raises at its end: orig (the exception that
 * entered it) and the list of what each clause raised or re-raised plus the
 * unhandled rest (None items are skipped).  None when nothing is left. */
Value excgroup_prep_reraise(Value orig, Value excs);
/* Add ExceptionGroup's second base (Exception) once the types are ready. */
void  excgroup_init(void);

#endif
