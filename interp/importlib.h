/* importlib.h - gilpy's import system as CPython's importlib sees it
 * (interp/importlib.c: lazily installed finders, module specs, a program's
 * own sys.meta_path finders). */
#ifndef GILPY_IMPORTLIB_H
#define GILPY_IMPORTLIB_H

#include "../runtime/object.h"

/* sys.__getattr__: meta_path, path_hooks and path_importer_cache on first use. */
Value imlib_sys_getattr(Value name);
/* Give module m its __spec__ and __loader__ once importlib is loaded (0 ok, -1 error). */
int   imlib_attach_spec(Value m);
/* A module run with -m gets the spec runpy gives it (name 'pkg.mod' or
 * 'pkg.__main__') once importlib is loaded: gilpy runs its file with __file__
 * and __package__ (a str; a script's is None) but no spec, which needs importlib
 * (multiprocessing's spawn reads it).  Called when importlib becomes ready and
 * by -m after setting those, when it already is. */
int   imlib_attach_main_spec(Value m);
/* import.c has imported fullname (0 ok, -1 error). */
int   imlib_imported(Value fullname);
/* What gilpy's search of a path passed over (import_from_path's *saw). */
enum { IMPORT_SAW_DIR = 1,      /* a directory without __init__.py: a namespace portion? */
       IMPORT_SAW_FILE = 2 };   /* an entry that is a file: a zip archive? */
/* After gilpy's search of path (a parent's __path__, or VAL_NULL for
 * sys.path) found nothing: importlib's PathFinder, if importlib has set up
 * sys.path_hooks or `saw` names something only it may find.  The module, or
 * VAL_NULL (an error when one is set). */
Value imlib_path_find(Value fullname, Value path, int saw);
/* Ask the program's own finders of sys.meta_path for fullname: those before
 * the standard ones (after_std 0) or after them (1).  Returns the module, or
 * VAL_NULL (an error when one is set).  *use_c says whether gilpy's own search
 * still runs (the list holds a standard finder, or was never looked at). */
Value imlib_meta_find(Value fullname, Value parent, int after_std, int *use_c);

#endif
