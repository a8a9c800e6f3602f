/* mod_io.c - the `_io` module: the layered streams of runtime/io_*.c under
 * CPython's names, so that the library's io.py imports unchanged (builtins.open
 * is the same function as _io.open). */
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/io.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/state.h"
#include "interp/modreg.h"

GILPY_MODULE("_io", mod_io_init);

static const MethodDef mod_io_functions[] = {
    {"open_code", io_open_code, ARGS_KW, "Opens the provided file with the intent to import the contents.",
     "($module, /, path)"},
    {"text_encoding", io_text_encoding, ARGS_POS(1, 2),
     "A helper function to choose the text encoding."},
    {NULL, NULL, 0, NULL},
};

Value mod_io_init(void)
{
    Value m = module_new_c("_io");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, mod_io_functions, m);
    /* builtins.open is io.open: the same function object */
    Value open = dict_get_c(interp.builtins, "open");
    if (IS_NULL(open) || dict_set_c(d, "open", open) < 0) return VAL_NULL;
    Value unsupported = io_unsupported_class();
    if (IS_NULL(unsupported)) return VAL_NULL;
    static const struct { const char *name; Type *type; } types[] = {
        {"_IOBase", &type_iobase}, {"_RawIOBase", &type_rawiobase},
        {"_BufferedIOBase", &type_bufferediobase}, {"_TextIOBase", &type_textiobase},
        {"FileIO", &type_fileio}, {"BytesIO", &type_bytesio}, {"StringIO", &type_stringio},
        {"BufferedReader", &type_bufferedreader}, {"BufferedWriter", &type_bufferedwriter},
        {"BufferedRandom", &type_bufferedrandom}, {"BufferedRWPair", &type_bufferedrwpair},
        {"TextIOWrapper", &type_textiowrapper}, {"IncrementalNewlineDecoder", &type_nldecoder},
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (dict_set_c(d, types[i].name, MK_OBJ(types[i].type)) < 0) return VAL_NULL;
    if (dict_set_c(d, "DEFAULT_BUFFER_SIZE", MK_SMALLINT(IO_DEFAULT_BUFFER_SIZE)) < 0 ||
        dict_set_c(d, "UnsupportedOperation", unsupported) < 0 ||
        dict_set_c(d, "BlockingIOError", MK_OBJ(&exc_BlockingIOError)) < 0)
        return VAL_NULL;
    return err_occurred() ? VAL_NULL : m;
}
