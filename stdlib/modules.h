/* modules.h - the init functions of the two modules start-up code creates.
 *
 * `builtins` and `sys` exist before any import runs (vm_init builds them), so
 * they are not registered with the import system.  Every other C module
 * registers itself in its own file with GILPY_MODULE (interp/modreg.h).
 */
#ifndef GILPY_MODULES_H
#define GILPY_MODULES_H

#include "../runtime/object.h"

Value mod_builtins_init(void);
Value mod_sys_init(void);
#endif
