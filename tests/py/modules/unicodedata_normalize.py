# unicodedata.normalize / is_normalized: canonical and compatibility forms, Hangul, reordering, composition
import unicodedata as u
import random

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

cases = ['', 'abc', 'caf\u00e9', 'cafe\u0301', '\u1e0a\u0323', 'D\u0307\u0323', '\u212b', '\u2126', '\ufb01',
         '\u00c5\u0301', '\uac00', '\u1100\u1161\u11a8', '\ud7a3', '\u1100\u1161', '\uac00\u11a8', '\u0f73',
         '\u1d15e', '\U0001D15E\U0001D165', '\ufdfa', '\u00bd', '\u2460', '\u3099\u304b', '\u304b\u3099', 'x\u0345\u0301',
         '\u0344', '\u0958', '\u1fb7', 'a\u0328\u0301\u0302', 'e\u0300\u0301\u0302\u0303', '\u00e9\u0327',
         '\u0041\u030a\u0328', '\u1e9b\u0323', '\ufb2c', '\U0002f800', '\u0385', '\u03d3', '\u2075', '\uff21']
for s in cases:
    for form in ('NFC', 'NFD', 'NFKC', 'NFKD'):
        n = u.normalize(form, s)
        print(form, ascii(s), ascii(n), u.is_normalized(form, s), u.is_normalized(form, n))
r = random.Random(11)
pool = [chr(c) for c in list(range(0x300, 0x370)) + list(range(0x1100, 0x1180, 3)) + list(range(0x11A8, 0x11C3, 2)) +
        list(range(0xAC00, 0xAC40)) + [0x41, 0x61, 0x45, 0x1E0A, 0xFB01, 0x2126, 0xC5, 0x3099, 0x304B, 0xFDFA,
                                       0x0F73, 0x0F81, 0x0F71, 0x0F72, 0x1D15E, 0x1D165, 0x05B8, 0x05B4, 0x0591]]
for i in range(3000):
    s = ''.join(r.choice(pool) for _ in range(r.randrange(1, 7)))
    print(ascii(s), *(ascii(u.normalize(f, s)) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')))
show(lambda: u.normalize('NFX', 'a'))
show(lambda: u.normalize('nfc', 'a'))
show(lambda: u.normalize(1, 'a'))
show(lambda: u.normalize('NFC', b'a'))
show(lambda: u.normalize('NFC', None))
show(lambda: u.is_normalized('NFX', 'a'))
show(lambda: u.is_normalized(None, 'a'))
show(lambda: u.is_normalized('NFC', 1))
show(lambda: u.normalize('NFC'))
show(lambda: u.normalize(form='NFC', unistr='a'))
