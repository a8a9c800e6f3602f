/* obj_memoryview.h - memoryview and the consumer side of the buffer protocol
 * (the protocol itself is described in object.h), see obj_memoryview.c. */
#ifndef GILPY_OBJ_MEMORYVIEW_H
#define GILPY_OBJ_MEMORYVIEW_H

#include "object.h"

extern Type type_memoryview;
#define IS_MEMORYVIEW(v) IS_EXACT(v, type_memoryview)

/* Get a Buffer from obj through its type's getbuffer: 0, or -1 with CPython's
 * TypeError "a bytes-like object is required, not 'T'" (or the exporter's
 * error).  Give it back with buffer_release once done. */
int   buffer_get(Value obj, Buffer *view, int flags);
void  buffer_release(Buffer *view);
/* For exporters: describe len contiguous bytes at buf (format "B", 1-d). */
void  buffer_fill(Buffer *view, Value obj, void *buf, int64_t len, int readonly);
/* Does obj export a buffer (is it bytes-like)? */
int   buffer_check(Value obj);

/* Give back the exports of the memoryviews no Python code can reach any more
 * (gc_query_reachable): a dropped view a stale C stack word keeps from the
 * collector.  A full mark: for an exporter that must resize (bytearray). */
void  memoryview_release_dropped(void);

/* The bytes a memoryview shows, in C order, as a new bytes object (bytes(m),
 * bytearray(m): the view need not be contiguous). */
Value memoryview_tobytes(Value mv);
/* Is it a live C-contiguous view (what a simple buffer request accepts)? */
int   memoryview_is_simple(Value mv);
/* Its memory when it is a live C-contiguous view: 0 and (*data, *len), or -1
 * with CPython's error (released, or not C-contiguous). */
int   memoryview_contiguous(Value mv, const uint8_t **data, int64_t *len);

#endif
