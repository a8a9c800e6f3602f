/* stub */
#include "cjk_codec.h"
const CjkCodec cjk_codecs_kr[] = {{NULL, NULL, NULL, NULL, NULL, NULL, NULL}};
