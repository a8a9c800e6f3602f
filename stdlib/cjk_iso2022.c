/* stub */
#include "cjk_codec.h"
const CjkCodec cjk_codecs_iso2022[] = {{NULL, NULL, NULL, NULL, NULL, NULL, NULL}};
