# Every error handler of CPython (strict, ignore, replace, backslashreplace,
# xmlcharrefreplace, surrogateescape, surrogatepass, namereplace) on encode and
# decode with the utf-8, ascii and latin-1 codecs: the replacement, and for an
# error the exception's start, end and object.  A failure is a range: the
# decoder's maximal invalid byte run, the encoder's run of unencodable chars.
import random


def t(label, f):
    try:
        print(label, "ok", ascii(f()))
    except UnicodeError as e:
        print(label, type(e).__name__, e, e.start, e.end, ascii(e.object))
    except (TypeError, LookupError) as e:
        print(label, type(e).__name__, e)


HANDLERS = ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace',
            'surrogateescape', 'surrogatepass', 'namereplace', 'bogus']
TEXTS = ['a\ud800b', 'a\udc80\udcffb', 'a\ud800\udc80', 'a\udc80\ud800', 'é€\U0001f600x',
         '\udcff', 'abc', 'a\x80\xff\u0100b', '\ud83d\ude00', 'x\u2603\u00e9y', '\x00\x7f']
for enc in ['utf-8', 'ascii', 'latin-1']:
    for s in TEXTS:
        for h in HANDLERS:
            t("%s %s %s" % (enc, ascii(s), h), lambda: s.encode(enc, h))

DATA = [b'\xe8\xba(', b'a\xe8\xba', b'\xff', b'\x80abc', b'\xed\xa0\x80', b'\xed\xb2\x80x',
        b'\xf0\x90\x80(', b'\xf0\x90\x80', b'\xe0\x80\x80', b'\xc0\xaf', b'\xf4\x90\x80\x80',
        b'\xf8\x88\x80\x80\x80', b'ok\xc3', b'\xc3\xa9\xe2\x82\xac', b'\xed\xa0\x80\xed\xb0\x80',
        b'\xe2\x82', b'\xe2(\xa1', b'\xf1\x80\x80\xc0']
for enc in ['utf-8', 'ascii', 'latin-1']:
    for b in DATA:
        for h in HANDLERS:
            t("%s %r %s" % (enc, b, h), lambda: b.decode(enc, h))

# the exception's range, read directly
try:
    b'\xe8\xba('.decode('utf-8')
except UnicodeDecodeError as e:
    print(e.start, e.end, e.reason, e.encoding)
print(ascii(b'\xe8\xba('.decode('utf-8', 'surrogateescape')))
print(ascii(b'\xe8\xba('.decode('utf-8', 'replace')), ascii(b'\xe8\xba('.decode('utf-8', 'backslashreplace')))

# surrogateescape round trips any bytes; surrogatepass round trips any str
rng = random.Random(1234)
bad = 0
for i in range(4000):
    b = bytes(rng.choice([rng.randrange(256), rng.randrange(0x80, 0x100), 0xed, 0xe2, 0xf0])
              for _ in range(rng.randrange(16)))
    s = b.decode('utf-8', 'surrogateescape')
    if s.encode('utf-8', 'surrogateescape') != b:
        bad += 1
        print('surrogateescape round trip fails', b)
    if b.decode('latin-1').encode('latin-1') != b:
        bad += 1
    s2 = ''.join(chr(rng.choice([rng.randrange(0xD800, 0xE000), rng.randrange(0x110000), 65]))
                 for _ in range(rng.randrange(8)))
    if s2.encode('utf-8', 'surrogatepass').decode('utf-8', 'surrogatepass') != s2:
        bad += 1
        print('surrogatepass round trip fails', ascii(s2))
print('round trips failed:', bad)

# namereplace: names, and characters without a name (aliases are never used)
for ch in ['\x00', '\x7f', 'é', '€', '\u4e00', '\uac00', '\ud7a3', '\uf900', '\U0001f600',
           '\U00018b00', '\U0001b170', '\U00017000', '\ue000',
           '\U0010ffff', '\u0378', '\U000e0001']:
    print(ascii(ch), ch.encode('ascii', 'namereplace'))
print('ab\u2603c\u00e9'.encode('latin-1', 'namereplace'))
print('\N{SNOWMAN}\N{snowman}\N{NUL}\N{BYTE ORDER MARK}\N{CJK UNIFIED IDEOGRAPH-4E00}'
      '\N{HANGUL SYLLABLE GAG}\N{LATIN SMALL LETTER A WITH ACUTE}'.encode('ascii', 'namereplace'))
