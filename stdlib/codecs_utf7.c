/* codecs_utf7.c - UTF-7 (RFC 2152), as CPython's utf_7 codec behaves.
 *
 * Encoding: printable ASCII and whitespace stand for themselves ('+' is
 * written "+-"); everything else (and '~', '\\') goes into a shift sequence,
 * '+' then the UTF-16 units in modified base64, ended by '-' only when the
 * next character could be read as base64 (or is '-').  Lone surrogates are
 * encoded like any UTF-16 unit: the encoder never fails.
 *
 * Decoding runs the same state machine backwards: inside a shift sequence,
 * every 16 bits make a UTF-16 unit (a high surrogate waits for its low half;
 * an unpaired one is kept as is), and leaving it checks the bits left over
 * (fewer than 6, all zero).  Errors report the span from the '+' that opened
 * the sequence, under the name "utf7" (CPython's).  An incremental decode
 * that ends inside a shift sequence consumes nothing from its '+' on and
 * gives back the characters decoded since, to redo them with more input.
 */
#include <string.h>

#include "runtime/obj_str.h"
#include "runtime/strbuf.h"
#include "codecs.h"

/* Written as itself by the encoder: the RFC's Set D and Set O and the four
 * whitespace characters (CPython's encoder takes Set O and whitespace as
 * direct); '+', '\\', '~', the other controls and non-ASCII are encoded. */
static int utf7_direct(uint32_t c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return 1;
    return c && c < 128 && strchr("'(),-./:? \t\r\n!\"#$%&*;<=>@[]^_`{|}", (int)c) != NULL;
}

static int utf7_is_base64(uint32_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

static const char utf7_b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static uint32_t utf7_from_b64(uint32_t c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    return c == '+' ? 62 : 63;
}

/* ---- encoding ---------------------------------------------------------------------- */

typedef struct Utf7Enc {
    StrBuf   out;
    int      in_shift, bits;
    uint32_t buf;
} Utf7Enc;

static int utf7_put_unit(Utf7Enc *e, uint32_t unit) {
    e->bits += 16;
    e->buf = (e->buf << 16) | unit;
    for (; e->bits >= 6; e->bits -= 6)
        if (sb_putc(&e->out, utf7_b64[(e->buf >> (e->bits - 6)) & 63]) < 0) return -1;
    e->buf &= (1u << e->bits) - 1;
    return 0;
}

static int utf7_flush_bits(Utf7Enc *e) {
    if (!e->bits) return 0;
    int r = sb_putc(&e->out, utf7_b64[(e->buf << (6 - e->bits)) & 63]);
    e->bits = 0;
    e->buf = 0;
    return r;
}

static int utf7_encode_char(Utf7Enc *e, uint32_t c) {
    if (utf7_direct(c)) {
        if (e->in_shift) {
            if (utf7_flush_bits(e) < 0) return -1;
            e->in_shift = 0;
            if ((utf7_is_base64(c) || c == '-') && sb_putc(&e->out, '-') < 0) return -1;
        }
        return sb_putc(&e->out, (char)c);
    }
    if (!e->in_shift) {
        if (c == '+') return sb_puts(&e->out, "+-");
        if (sb_putc(&e->out, '+') < 0) return -1;
        e->in_shift = 1;
    }
    if (c >= 0x10000) {
        if (utf7_put_unit(e, 0xD800 + ((c - 0x10000) >> 10)) < 0) return -1;
        c = 0xDC00 + ((c - 0x10000) & 0x3FF);
    }
    return utf7_put_unit(e, c);
}

Value codecs_utf7_encode(Value s) {
    Utf7Enc e = {.in_shift = 0};
    sb_init(&e.out);
    const uint8_t *p = (const uint8_t *)STR_DATA(s), *end = p + STR_LEN(s);
    while (p < end) {
        uint32_t c;
        p += utf8_dec(p, &c);
        if (utf7_encode_char(&e, c) < 0) goto fail;
    }
    if (utf7_flush_bits(&e) < 0 || (e.in_shift && sb_putc(&e.out, '-') < 0)) goto fail;
    return sb_finish_bytes(&e.out);
fail:
    sb_free(&e.out);
    return VAL_NULL;
}

/* ---- decoding ---------------------------------------------------------------------- */

typedef struct Utf7Dec {
    StrBuf   out;
    int      in_shift, bits;
    uint32_t buf, surrogate;        /* a high surrogate waiting for its low half */
    int64_t  shift_start;           /* input position of the '+' */
    size_t   shift_out;             /* output length when the sequence began */
} Utf7Dec;

/* One 16-bit unit decoded inside a shift sequence. */
static int utf7_take_unit(Utf7Dec *d, uint32_t u) {
    if (d->surrogate) {
        uint32_t hi = d->surrogate;
        d->surrogate = 0;
        if (u >= 0xDC00 && u <= 0xDFFF) return sb_put_codepoint(&d->out, 0x10000 + ((hi - 0xD800) << 10) + (u - 0xDC00));
        if (sb_put_codepoint(&d->out, hi) < 0) return -1;
    }
    if (u >= 0xD800 && u <= 0xDBFF) {
        d->surrogate = u;
        return 0;
    }
    return sb_put_codepoint(&d->out, u);
}

/* The byte c ends the shift sequence: the reason it is malformed (then the
 * offending byte is part of the error), or NULL. */
static const char *utf7_leave_shift(Utf7Dec *d, uint8_t c, int *ok) {
    d->in_shift = 0;
    *ok = 0;
    if (d->bits >= 6) return "partial character in shift sequence";
    if (d->bits > 0 && d->buf != 0) return "non-zero padding bits in shift sequence";
    if (d->surrogate && c < 128 && c != '+' && sb_put_codepoint(&d->out, d->surrogate) < 0) return NULL;
    d->surrogate = 0;
    *ok = 1;
    return NULL;
}

Value codecs_utf7_decode(Value input, const uint8_t *s, int64_t n, const char *errors, int final,
                         int64_t *consumed) {
    Utf7Dec d = {.in_shift = 0};
    sb_init(&d.out);
    int64_t i = 0;
    for (;;) {
        while (i < n) {
            uint8_t c = s[i];
            const char *why = NULL;
            int64_t start = i;
            if (d.in_shift) {
                if (utf7_is_base64(c)) {
                    d.buf = (d.buf << 6) | utf7_from_b64(c);
                    d.bits += 6;
                    i++;
                    if (d.bits >= 16) {
                        uint32_t u = (d.buf >> (d.bits - 16)) & 0xFFFF;
                        d.bits -= 16;
                        d.buf &= (1u << d.bits) - 1;
                        if (utf7_take_unit(&d, u) < 0) goto fail;
                    }
                    continue;
                }
                int ok;
                why = utf7_leave_shift(&d, c, &ok);
                if (!ok && !why) goto fail;
                if (why) {
                    start = d.shift_start;
                    i++;
                } else {
                    if (c == '-') i++;      /* absorbed; any other byte is read again */
                    continue;
                }
            } else if (c == '+') {
                i++;
                if (i < n && s[i] == '-') {
                    i++;
                    if (sb_putc(&d.out, '+') < 0) goto fail;
                    continue;
                }
                if (i < n && !utf7_is_base64(s[i])) {
                    i++;
                    why = "ill-formed sequence";
                } else {
                    d.in_shift = 1;
                    d.surrogate = 0;
                    d.bits = 0;
                    d.buf = 0;
                    d.shift_start = start;
                    d.shift_out = d.out.len;
                    continue;
                }
            } else if (c < 128) {
                i++;
                if (sb_putc(&d.out, (char)c) < 0) goto fail;
                continue;
            } else {
                i++;
                why = "unexpected special character";
            }
            i = codecs_dec_error(&d.out, "utf7", errors, input, start, i, why);
            if (i < 0) goto fail;
        }
        if (!d.in_shift || !final) break;
        d.in_shift = 0;                 /* the input ended inside a shift sequence */
        if (!d.surrogate && d.bits < 6 && !(d.bits > 0 && d.buf != 0)) break;
        i = codecs_dec_error(&d.out, "utf7", errors, input, d.shift_start, n, "unterminated shift sequence");
        if (i < 0) goto fail;
        if (i >= n) break;
    }
    if (d.in_shift) {                   /* incremental: redo the sequence with more input */
        *consumed = d.shift_start;
        d.out.len = d.shift_out;
    } else {
        *consumed = i;
    }
    return sb_finish_str(&d.out);
fail:
    sb_free(&d.out);
    return VAL_NULL;
}
