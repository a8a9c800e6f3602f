/* stub */
#include "cjk_codec.h"
const CjkCodec cjk_codecs_tw[] = {{NULL, NULL, NULL, NULL, NULL, NULL, NULL}};
const CjkCodec cjk_codecs_hk[] = {{NULL, NULL, NULL, NULL, NULL, NULL, NULL}};
