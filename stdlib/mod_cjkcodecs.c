/* mod_cjkcodecs.c - the six CJK codec modules, `_codecs_jp`, `_codecs_cn`,
 * `_codecs_kr`, `_codecs_tw`, `_codecs_hk` and `_codecs_iso2022`: each has one
 * function, getcodec(name), which gives CPython's encodings/NAME.py the
 * _multibytecodec.MultibyteCodec of one of its codecs (cjk_jp.c & co). */
#include "runtime/error.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_misc.h"
#include "interp/modreg.h"
#include "cjk_codec.h"

GILPY_MODULE("_codecs_jp", mod_codecs_jp_init);
GILPY_MODULE("_codecs_cn", mod_codecs_cn_init);
GILPY_MODULE("_codecs_kr", mod_codecs_kr_init);
GILPY_MODULE("_codecs_tw", mod_codecs_tw_init);
GILPY_MODULE("_codecs_hk", mod_codecs_hk_init);
GILPY_MODULE("_codecs_iso2022", mod_codecs_iso2022_init);

static Value getcodec_jp(Value *a, int n, Value k) { return mbc_codec_for(cjk_codecs_jp, a[0]); }
static Value getcodec_cn(Value *a, int n, Value k) { return mbc_codec_for(cjk_codecs_cn, a[0]); }
static Value getcodec_kr(Value *a, int n, Value k) { return mbc_codec_for(cjk_codecs_kr, a[0]); }
static Value getcodec_tw(Value *a, int n, Value k) { return mbc_codec_for(cjk_codecs_tw, a[0]); }
static Value getcodec_hk(Value *a, int n, Value k) { return mbc_codec_for(cjk_codecs_hk, a[0]); }
static Value getcodec_iso2022(Value *a, int n, Value k) { return mbc_codec_for(cjk_codecs_iso2022, a[0]); }

#define CJK_MODULE(SUFFIX)                                                                      \
    static const MethodDef SUFFIX##_functions[] = {                                             \
        {"getcodec", getcodec_##SUFFIX, ARGS_ONE, NULL, "($module, encoding, /)"},             \
        {NULL, NULL, 0, NULL},                                                                  \
    };                                                                                          \
    Value mod_codecs_##SUFFIX##_init(void) {                                                    \
        Value m = module_new_c("_codecs_" #SUFFIX);                                             \
        if (IS_NULL(m)) return VAL_NULL;                                                        \
        dict_add_methods(MODULE_DICT(m), SUFFIX##_functions, m);                                \
        return err_occurred() ? VAL_NULL : m;                                                   \
    }

CJK_MODULE(jp)
CJK_MODULE(cn)
CJK_MODULE(kr)
CJK_MODULE(tw)
CJK_MODULE(hk)
CJK_MODULE(iso2022)
