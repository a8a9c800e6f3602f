/* stub */
#include "cjk_codec.h"
const CjkCodec cjk_codecs_cn[] = {{NULL, NULL, NULL, NULL, NULL, NULL, NULL}};
