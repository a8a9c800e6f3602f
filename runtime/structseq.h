/* structseq.h - named tuples made in C, as CPython's structseq: os.stat_result,
 * and any other result type whose items are also attributes.
 *
 * A type is described once, statically:
 *     static const char *const stat_fields[] = {"st_mode", ..., NULL, ...};
 *     static StructSeqDesc stat_desc = {"os.stat_result", stat_fields, 10, 19};
 * structseq_new(&stat_desc) makes an instance whose nfields items are None;
 * the caller fills STRUCTSEQ_ITEMS(v)[i].  The first nseq items are the tuple
 * (len, indexing, iteration, comparison); the others are reachable only as
 * attributes.  A NULL field name is an unnamed sequence item (stat_result's
 * integer times).  The Type lives inside the descriptor and is readied on first use;
 * the module that owns it puts it in its namespace with structseq_type().
 */
#ifndef GILPY_STRUCTSEQ_H
#define GILPY_STRUCTSEQ_H

#include "object.h"

#define STRUCTSEQ_MAX_FIELDS 24

typedef struct StructSeqDesc {
    const char *name;            /* "module.qualname" */
    const char *const *fields;   /* nfields names, NULL for an unnamed sequence item */
    int nseq, nfields;
    int no_new;                  /* "cannot create 'sys.flags' instances" */
    Type type;                   /* made by structseq_type */
    GetSetDef getsets[STRUCTSEQ_MAX_FIELDS + 1];
} StructSeqDesc;

Type *structseq_type(StructSeqDesc *d);
Value structseq_new(StructSeqDesc *d);
#define STRUCTSEQ_ITEMS(v) (AS_TUPLE(v)->items)

#endif
